package seed

import (
	"time"

	"carejourney/server/domain"
)

// planStartedNote is the internal note written when a plan comes into force.
const planStartedNote = "Aftercare plan started"

// makeUpdates writes the site's journey updates: every move into and out
// of a house, a note when a plan came into force, and a few staff notes.
// Care-level changes are the journey's own (see careLevelUpdates).
func (s *site) makeUpdates(d dice) {
	b := s.b
	for _, r := range b.rows.residencies[s.firstResidency:] {
		b.rows.updates = append(b.rows.updates, &domain.Update{MemberID: r.MemberID, Kind: domain.UpdateHousingChange,
			Body: domain.HousingUpdateBody(true, r.house.Name), AuthorUserID: r.RecordedByUserID,
			OccurredAt: r.MoveInAt, Shareable: true, RecordedAt: r.MoveInAt})
		if r.MoveOutAt != nil {
			b.rows.updates = append(b.rows.updates, &domain.Update{MemberID: r.MemberID, Kind: domain.UpdateHousingChange,
				Body: domain.HousingUpdateBody(false, r.house.Name), AuthorUserID: r.MovedOutByUserID,
				OccurredAt: *r.MoveOutAt, Shareable: true, RecordedAt: *r.MoveOutAt})
		}
	}
	for _, p := range b.rows.plans[s.firstPlan:] {
		if p.ActivatedAt != nil {
			b.rows.updates = append(b.rows.updates, &domain.Update{MemberID: p.MemberID, Kind: domain.UpdateNote,
				Body: planStartedNote, AuthorUserID: p.AuthorUserID, OccurredAt: *p.ActivatedAt, RecordedAt: *p.ActivatedAt})
		}
	}
	for _, j := range s.members {
		if len(j.stays) == 0 {
			continue
		}
		from := j.stays[0].admitted
		to := minTime(b.now, j.stays[len(j.stays)-1].end.Add(14*day))
		if !to.After(from) {
			continue
		}
		for range d.between(0, 3) {
			at := from.Add(time.Duration(d.Int64N(int64(to.Sub(from)))))
			at = b.at(b.dayOf(at), d.between(36, 72)*15) // 09:00–18:00
			if !at.After(from) || !at.Before(b.now) {
				continue
			}
			n := pickOne(d, staffNotes)
			by := s.staffFor(n.author)
			b.rows.updates = append(b.rows.updates, &domain.Update{MemberID: j.id, Kind: domain.UpdateNote, Body: n.text,
				AuthorUserID: by, OccurredAt: at, Shareable: n.shareable, RecordedAt: at})
		}
	}
}

// careLevelUpdates are the updates a journey's episodes leave behind, as
// the store writes them with each admission, level change and discharge:
// for Scale, whose episodes are inserted in bulk. episodes are one
// member's, with ids.
func careLevelUpdates(episodes []*domain.CareEpisode, levels map[string]domain.CareLevel) []*domain.Update {
	var out []*domain.Update
	for _, e := range episodes {
		level := levels[e.CareLevelCode]
		t := domain.TransitionOf(e, episodes, levels)
		out = append(out, &domain.Update{MemberID: e.MemberID, Kind: domain.UpdateCareLevelChange,
			Body: domain.CareLevelUpdateBody(t, level), AuthorUserID: e.RecordedByUserID, OccurredAt: e.StartedAt,
			Shareable: true, RecordedAt: e.RecordedAt})
		if e.EndedAt != nil && e.DischargeReason != nil {
			out = append(out, &domain.Update{MemberID: e.MemberID, Kind: domain.UpdateCareLevelChange,
				Body: domain.DischargeUpdateBody(level), AuthorUserID: e.DischargedByUserID, OccurredAt: *e.EndedAt,
				Shareable: true, RecordedAt: *e.EndedAt})
		}
	}
	return out
}

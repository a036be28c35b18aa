package seed

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"carejourney/server/domain"
)

// peer is a peer supporter with their caseload: one freeFrom per place in
// it, filled in order of start like the beds of a house, so no peer ever
// holds more members than their limit. A peer takes members from `from`
// (an alumnus only some time after their discharge) until `until`.
type peer struct {
	row         *domain.Peer
	from, until time.Time
	caseload    []time.Time
	woman       bool
	spanish     bool
}

func (p *peer) freePlace(start, end time.Time) int {
	if start.Before(p.from) || end.After(p.until) {
		return -1
	}
	for i, free := range p.caseload {
		if !free.After(start) {
			return i
		}
	}
	return -1
}

// alumniCandidates are the members who may have come back as peers:
// alumni first, then others discharged, those who left longest ago first.
func alumniCandidates(members []*journey, now time.Time) []*journey {
	var out []*journey
	for _, j := range members {
		left := j.lastDischarge()
		if (j.status == domain.MemberAlumni || j.status == domain.MemberDischarged) && !left.IsZero() &&
			now.Sub(left) >= 60*day {
			out = append(out, j)
		}
	}
	slices.SortStableFunc(out, func(a, b *journey) int {
		if ac, bc := a.status == domain.MemberAlumni, b.status == domain.MemberAlumni; ac != bc {
			if ac {
				return -1
			}
			return 1
		}
		return a.lastDischarge().Compare(b.lastDischarge())
	})
	return out
}

// makePeers recruits the site's peers, most of them alumni: the members
// discharged longest ago come back to help, under their own names.
func (s *site) makePeers(d dice) {
	alumni := alumniCandidates(s.members, s.b.now)
	takeAlumnus := func(want gender) *journey {
		for i, j := range alumni {
			if want == genderUnknown || j.gender == want {
				alumni = slices.Delete(alumni, i, i+1)
				return j
			}
		}
		return nil
	}

	n := proportional(len(peerTemplates), len(s.members))
	for i := range n {
		t := peerTemplates[i%len(peerTemplates)]
		p := &peer{from: s.opened, until: forever, woman: t.gender == genderWoman, spanish: slices.Contains(t.languages, "Spanish")}
		row := &domain.Peer{Bio: t.bio, Languages: t.languages, Specialties: t.specialties,
			CaseloadLimit: t.caseload, Active: true}
		var alumnus *journey
		if t.alumnus {
			alumnus = takeAlumnus(t.gender)
		}
		if alumnus != nil {
			id := alumnus.id
			row.AlumnusMemberID = &id
			row.Name = alumnus.name
			p.woman = alumnus.gender == genderWoman
			row.RecoveryStartDate = alumnus.plan.currentRecoveryStart()
			if row.RecoveryStartDate == nil {
				// Sober since treatment, when no date was ever given.
				first := s.b.dayOf(alumnus.stays[0].admitted)
				row.RecoveryStartDate = &first
			}
			left := alumnus.lastDischarge()
			waited := min(d.between(30, 90), int(s.b.now.Sub(left)/day)-21)
			p.from = left.Add(time.Duration(waited) * day)
		} else {
			row.Name = t.name
			if !s.b.demo || t.name == "" || i >= len(peerTemplates) {
				first := pickOne(d, firstNames)
				for (genderOf(first) == genderWoman) != (t.gender == genderWoman) {
					first = pickOne(d, firstNames)
				}
				row.Name = first + " " + pickOne(d, lastNames)
			}
			rs := s.b.today.AddDate(-d.between(3, 15), 0, -d.between(0, 364))
			row.RecoveryStartDate = &rs
		}
		if s.b.demo && t.user && i < len(peerTemplates) {
			row.UserID = s.b.staff.peer
		}
		if t.certification != "" {
			kind := t.certification
			number := fmt.Sprintf("%s-%06d", kind, d.between(100000, 999999))
			expires := s.b.today.AddDate(0, 0, t.expiresInDays)
			row.CertificationKind, row.CertificationNumber, row.CertificationExpiresOn = &kind, &number, &expires
		}
		if !t.active && p.from.Before(s.b.now.AddDate(0, -6, 0)) {
			// Moved away a few months ago: history, no current caseload.
			row.Active = false
			p.until = s.b.now.Add(-time.Duration(d.between(60, 120)) * day)
		}
		row.CreatedAt, row.UpdatedAt = p.from, p.from
		if !p.until.Equal(forever) {
			row.UpdatedAt = p.until
		}
		p.row = row
		p.caseload = make([]time.Time, t.caseload)
		s.peers = append(s.peers, p)
		s.b.rows.peers = append(s.b.rows.peers, row)
	}
}

// nameDemoPeer gives the member the demo peer was their name, so that the
// peer who signs in is an alumnus linked to their old record: the alumnus
// makePeers will take for the first template.
func nameDemoPeer(plans []memberPlan, now time.Time, name string) {
	first, last, _ := strings.Cut(name, " ")
	for _, j := range alumniCandidates(journeysOf(plans, make([]int64, len(plans))), now) {
		if j.gender == peerTemplates[0].gender {
			j.plan.firstName, j.plan.lastName, j.plan.preferredName = first, last, ""
			return
		}
	}
}

// currentRecoveryStart is the member's sobriety date once the plan has happened.
func (p *memberPlan) currentRecoveryStart() *time.Time {
	h := p.recoveryHistory(0, nil)
	if len(h) == 0 {
		return nil
	}
	date := h[len(h)-1].StartDate
	return &date
}

// assignmentSeg is a planned stretch with one peer; a change of peer is
// two segments, the second linked to the first.
type assignmentSeg struct {
	j          *journey
	start, end time.Time
	endReason  string
	focus      string
	prev       *assignmentSeg
	peer       *peer
	row        *domain.PeerAssignment
}

// assignPeers gives members in care a peer, mostly from when they step
// down into the community until they leave care, in order of start, to a
// peer with room on their caseload (one who speaks Spanish when the member
// may prefer it). Then the peers log their conversations.
func (s *site) assignPeers(d, talk dice) {
	var segs []*assignmentSeg
	for _, j := range s.members {
		for _, st := range j.stays {
			segs = append(segs, s.assignmentPlan(d, j, st)...)
		}
	}
	slices.SortStableFunc(segs, func(a, b *assignmentSeg) int { return a.start.Compare(b.start) })
	by := s.b.staff.caseManager
	for _, seg := range segs {
		if seg.prev != nil && seg.prev.row == nil {
			continue
		}
		var options, speakers []*peer
		for _, p := range s.peers {
			if p.freePlace(seg.start, seg.end) >= 0 && (seg.prev == nil || seg.prev.peer != p) {
				options = append(options, p)
				if p.spanish {
					speakers = append(speakers, p)
				}
			}
		}
		if seg.j.spanish && len(speakers) > 0 {
			options = speakers
		}
		if len(options) == 0 {
			continue
		}
		p := pickOne(d, options)
		p.caseload[p.freePlace(seg.start, seg.end)] = seg.end
		seg.peer = p
		a := &domain.PeerAssignment{MemberID: seg.j.id, StartedAt: seg.start, EndedAt: endOrNil(seg.end),
			Focus: seg.focus, RecordedByUserID: by, RecordedAt: seg.start}
		if a.EndedAt != nil {
			reason := seg.endReason
			a.EndReason, a.EndedByUserID = &reason, by
		}
		seg.row = a
		seg.j.assignments = append(seg.j.assignments, seg)
		s.b.rows.assignments = append(s.b.rows.assignments, assignmentRow{PeerAssignment: a, peer: p.row})
		s.logConversations(talk, seg)
	}
}

// assignmentPlan decides whether and when a member had a peer in one stay.
func (s *site) assignmentPlan(d dice, j *journey, st *stay) []*assignmentSeg {
	var start time.Time
	switch ci := st.communityIndex(); {
	case ci >= 0 && d.chance(0.85):
		start = s.b.daytimeAfter(d, st.spans[ci].start, 3)
	case ci < 0 && d.chance(0.4):
		start = s.b.daytimeAfter(d, st.admitted.Add(day), 4)
	default:
		return nil
	}
	limit := minTime(st.end, s.b.now)
	if !start.Before(limit) {
		return nil
	}
	seg := &assignmentSeg{j: j, start: start, end: st.end, focus: pickOne(d, assignmentFoci)}
	switch st.ending {
	case endCompleted:
		seg.endReason = "Completed the program"
	case endLeftAgainstAdvice:
		seg.endReason = "Left treatment"
	case endTransferred:
		seg.endReason = "Transferred to another provider"
	default:
		seg.endReason = "Discharged"
	}
	if d.chance(0.12) {
		change := start.Add(time.Duration(d.between(21, 90)) * day)
		if change.Before(limit) {
			next := &assignmentSeg{j: j, start: change, end: seg.end, endReason: seg.endReason,
				focus: pickOne(d, assignmentFoci), prev: seg}
			seg.end, seg.endReason = change, pickOne(d, reassignmentReasons)
			return []*assignmentSeg{seg, next}
		}
	}
	return []*assignmentSeg{seg}
}

// conversationWindow is how far back peers' conversation logs go.
const conversationWindow = 120 * day

// logConversations writes a one-on-one every week or two of an assignment's
// last months.
func (s *site) logConversations(d dice, seg *assignmentSeg) {
	now := s.b.now
	to := minTime(seg.end, now)
	from := maxTime(seg.start, now.Add(-conversationWindow))
	by := seg.peer.row.UserID
	if by == nil {
		by = s.b.staff.caseManager
	}
	for t := from.Add(time.Duration(d.between(1, 7)) * day); t.Before(to); t = t.Add(time.Duration(d.between(5, 14)) * day) {
		at := s.b.at(s.b.dayOf(t), d.between(36, 76)*15) // 09:00–19:00
		if !at.After(seg.start) || !at.Before(to) {
			continue
		}
		c := &domain.PeerConversation{MemberID: seg.j.id, OccurredAt: at,
			DurationMinutes: pickOne(d, []int{15, 20, 30, 30, 45, 45, 60, 75}),
			Channel: pickOne(d, []domain.ConversationChannel{domain.ChannelInPerson, domain.ChannelInPerson,
				domain.ChannelInPerson, domain.ChannelPhone, domain.ChannelPhone, domain.ChannelVideo, domain.ChannelText}),
			Note: pickOne(d, conversationNotes), RecordedByUserID: by, RecordedAt: at.Add(time.Duration(d.between(1, 6)) * time.Hour)}
		c.RecordedAt = minTime(c.RecordedAt, now)
		s.b.rows.conversations = append(s.b.rows.conversations, conversationRow{PeerConversation: c, peer: seg.peer.row})
	}
}

// peerTemplate is one of the demo's thirteen peers; an alumnus keeps the
// name of the member they were. Scale sites reuse them with other names.
type peerTemplate struct {
	name          string
	alumnus       bool
	gender        gender // wanted of an alumnus; genderUnknown takes anyone
	user          bool   // the demo peer's sign-in
	bio           string
	certification string
	expiresInDays int
	languages     []string
	specialties   []string
	caseload      int
	active        bool
}

var peerTemplates = []peerTemplate{
	// The demo peer's sign-in: the demo gives the member they were their
	// name (see nameDemoPeer).
	{name: "Jordan Reyes", alumnus: true, user: true, gender: genderMan, active: true, caseload: 12,
		certification: "CPRS", expiresInDays: 410, languages: []string{"English", "Spanish"},
		specialties: []string{"Young adults", "Opioid use disorder", "Medication-assisted recovery"},
		bio:         "A graduate of our program who came to peer work after years as a line cook; runs the morning peer circle."},
	// Alumni are taken longest-discharged first, so this one had time to
	// serve before moving away.
	{alumnus: true, active: false, caseload: 10, certification: "CPRS", expiresInDays: -200,
		languages: []string{"English"}, specialties: []string{"Alcohol use disorder"},
		bio: "A graduate of our program who supported members for a year before moving out of state."},
	{alumnus: true, active: true, caseload: 10, certification: "CRPS", expiresInDays: 24,
		languages: []string{"English"}, specialties: []string{"Alcohol use disorder", "Employment"},
		bio: "A graduate of our IOP who went back to work in construction and now helps others find steady work in recovery."},
	{alumnus: true, gender: genderWoman, active: true, caseload: 12, certification: "PRSS", expiresInDays: 300,
		languages: []string{"English", "Spanish"}, specialties: []string{"Women's recovery", "Family reunification"},
		bio: "A graduate of our program and a mother of two; co-leads the women's peer circle."},
	{alumnus: true, active: true, caseload: 8, certification: "CPRS", expiresInDays: -20,
		languages: []string{"English"}, specialties: []string{"Methamphetamine use", "Housing"},
		bio: "Lived at one of our houses after treatment and now helps residents settle in."},
	{alumnus: true, gender: genderMan, active: true, caseload: 15, certification: "CPRS", expiresInDays: 620,
		languages: []string{"English"}, specialties: []string{"Veterans", "Trauma-informed support"},
		bio: "Army veteran and a graduate of our continuing care program."},
	{alumnus: true, active: true, caseload: 10, certification: "CRPS", expiresInDays: 45,
		languages: []string{"English", "Vietnamese"}, specialties: []string{"Alcohol use disorder", "Immigrant families"},
		bio: "A graduate of our program who supports members and families who are new to the country."},
	{name: "Dana Whitfield", gender: genderWoman, active: true, caseload: 14, certification: "PRSS", expiresInDays: 210,
		languages: []string{"English", "American Sign Language"}, specialties: []string{"LGBTQ+ support", "Harm reduction"},
		bio: "Twelve years in recovery; volunteers with a harm-reduction outreach team on weekends."},
	{alumnus: true, active: true, caseload: 11, certification: "CPRS", expiresInDays: 510,
		languages: []string{"English"}, specialties: []string{"Opioid use disorder", "Medication-assisted recovery"},
		bio: "A graduate of our program on buprenorphine maintenance who speaks openly about medication in recovery."},
	{alumnus: true, active: true, caseload: 8,
		languages: []string{"English"}, specialties: []string{"Young adults", "Education"},
		bio: "A graduate of our program completing the peer certification training this season."},
	{alumnus: true, active: true, caseload: 12, certification: "CRPS", expiresInDays: 700,
		languages: []string{"English", "Spanish"}, specialties: []string{"Family reunification", "Faith-based recovery"},
		bio: "A graduate of our program who leads the Sunday 12-Step study."},
	{alumnus: true, gender: genderWoman, active: true, caseload: 11, certification: "PRSS", expiresInDays: 150,
		languages: []string{"English"}, specialties: []string{"Women's recovery", "Trauma-informed support"},
		bio: "A graduate of our women's house who now mentors its residents."},
	{name: "Marcus Bell", gender: genderMan, active: true, caseload: 15, certification: "CPRS", expiresInDays: 95,
		languages: []string{"English"}, specialties: []string{"Reentry after incarceration", "Faith-based recovery"},
		bio: "In recovery since 2009; a reentry mentor who works closely with the county drug court."},
}

// activePeers are the peers who can lead groups today, in site order.
func (s *site) activePeers() []*peer {
	var out []*peer
	for _, p := range s.peers {
		if p.row.Active {
			out = append(out, p)
		}
	}
	return out
}

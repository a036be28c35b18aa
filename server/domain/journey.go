package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// CareEpisode is one stretch of a member's care at one level: open (EndedAt
// nil) while current. Episodes are never deleted: a wrong one is superseded
// by a correction that records who, when and why.
type CareEpisode struct {
	ID              int64      `bun:"id,pk,autoincrement"`
	MemberID        int64      `bun:"member_id"`
	CareLevelCode   string     `bun:"care_level_code"`
	StartedAt       time.Time  `bun:"started_at"`
	EndedAt         *time.Time `bun:"ended_at"`
	Reason          string     `bun:"reason,nullzero"`
	DischargeReason *string    `bun:"discharge_reason"`
	// DischargedByUserID is who recorded the discharge that ended the episode.
	DischargedByUserID *int64    `bun:"discharged_by_user_id"`
	RecordedByUserID   *int64    `bun:"recorded_by_user_id"`
	RecordedAt         time.Time `bun:"recorded_at,nullzero,notnull,default:current_timestamp"`

	// SupersedesEpisodeID is the episode this one corrects.
	SupersedesEpisodeID *int64 `bun:"supersedes_episode_id"`
	// The supersession of this episode, once a correction replaced it.
	SupersededAt       *time.Time `bun:"superseded_at"`
	SupersededByUserID *int64     `bun:"superseded_by_user_id"`
	SupersedeReason    *string    `bun:"supersede_reason"`
}

// Open reports whether the episode is the member's current one.
func (e *CareEpisode) Open() bool { return e.EndedAt == nil }

// Superseded reports whether a correction replaced the episode.
func (e *CareEpisode) Superseded() bool { return e.SupersededAt != nil }

// Discharged reports whether the member left care at the end of the episode.
func (e *CareEpisode) Discharged() bool { return e.DischargeReason != nil }

// CurrentEpisodes drops superseded episodes from a member's history,
// keeping the order.
func CurrentEpisodes(all []*CareEpisode) []*CareEpisode {
	out := []*CareEpisode{}
	for _, e := range all {
		if !e.Superseded() {
			out = append(out, e)
		}
	}
	return out
}

// OpenEpisode is the member's current episode among all of theirs; nil when
// the member is not in care.
func OpenEpisode(all []*CareEpisode) *CareEpisode {
	for _, e := range all {
		if e.Open() && !e.Superseded() {
			return e
		}
	}
	return nil
}

// TransitionOf derives how episode e began. episodes holds the member's
// episodes in any order, superseded ones included; levels maps care-level
// codes to the catalogue. The episode before e is the latest current one
// that started earlier: none makes e the admission, a discharge before it a
// readmission, and otherwise the two intensities decide. A superseded
// episode is placed in the current journey the same way, leaving out its
// own corrections, which replace it rather than precede it.
func TransitionOf(e *CareEpisode, episodes []*CareEpisode, levels map[string]CareLevel) Transition {
	replacement := map[int64]int64{}
	for _, o := range episodes {
		if o.SupersedesEpisodeID != nil {
			replacement[*o.SupersedesEpisodeID] = o.ID
		}
	}
	corrections := map[int64]bool{}
	for id, ok := replacement[e.ID]; ok && !corrections[id]; id, ok = replacement[id] {
		corrections[id] = true
	}
	var prev *CareEpisode
	for _, other := range episodes {
		if other.ID == e.ID || other.Superseded() || corrections[other.ID] || !other.StartedAt.Before(e.StartedAt) {
			continue
		}
		if prev == nil || other.StartedAt.After(prev.StartedAt) {
			prev = other
		}
	}
	switch {
	case prev == nil:
		return TransitionAdmission
	case prev.Discharged():
		return TransitionReadmission
	default:
		return StepDirection(levels[prev.CareLevelCode], levels[e.CareLevelCode])
	}
}

// clockSkew is how far in the future a recorded time may lie, so that a form
// filled in "now" on a device with a slightly fast clock is not refused.
const clockSkew = 5 * time.Minute

const maxReasonLength = 2000

// CleanReason trims a free-text reason and checks its length; required
// reasons must not be blank.
func CleanReason(reason string, required bool) (string, error) {
	reason = strings.TrimSpace(reason)
	if required && reason == "" {
		return "", FieldError(CodeInvalidInput, "reason", "A reason is required.")
	}
	if utf8.RuneCountInString(reason) > maxReasonLength {
		return "", FieldError(CodeInvalidInput, "reason", "Reason is too long (2000 characters at most).")
	}
	return reason, nil
}

func notInFuture(field string, at, now time.Time) error {
	if at.After(now.Add(clockSkew)) {
		return FieldError(CodeInFuture, field, "The time cannot be in the future.")
	}
	return nil
}

// CheckAdmission validates admitting a member at startedAt. open is the
// member's open episode and last their latest episode (either may be nil).
func CheckAdmission(open, last *CareEpisode, startedAt, now time.Time) error {
	if open != nil {
		return FieldError(CodeAlreadyInCare, "memberId",
			"The member is already in care; change their level of care or discharge them first.")
	}
	if err := notInFuture("startedAt", startedAt, now); err != nil {
		return err
	}
	if last != nil && last.EndedAt != nil && startedAt.Before(*last.EndedAt) {
		return FieldError(CodeBeforeCurrentEpisode, "startedAt",
			"The admission cannot start before the member's last discharge.")
	}
	return nil
}

// CheckLevelChange validates moving a member from their open episode to
// another level at effectiveAt.
func CheckLevelChange(open *CareEpisode, to CareLevel, effectiveAt, now time.Time) error {
	if open == nil {
		return FieldError(CodeNotInCare, "memberId", "The member is not in care; admit them first.")
	}
	if open.CareLevelCode == to.Code {
		return FieldError(CodeSameCareLevel, "careLevelCode", "The member is already at this level of care.")
	}
	if !effectiveAt.After(open.StartedAt) {
		return FieldError(CodeBeforeCurrentEpisode, "effectiveAt",
			"The change must take effect after the current episode started.")
	}
	return notInFuture("effectiveAt", effectiveAt, now)
}

// CheckDischarge validates discharging a member from their open episode at endedAt.
func CheckDischarge(open *CareEpisode, endedAt, now time.Time) error {
	if open == nil {
		return FieldError(CodeNotInCare, "memberId", "The member is not in care.")
	}
	if !endedAt.After(open.StartedAt) {
		return FieldError(CodeBeforeCurrentEpisode, "endedAt",
			"The discharge must come after the current episode started.")
	}
	return notInFuture("endedAt", endedAt, now)
}

// CheckCorrection validates replacing episode with one at another level or
// with other dates. An open episode may stay open (endedAt nil); a closed one
// must stay closed, because closing and opening belong to level changes,
// discharges and admissions.
func CheckCorrection(episode *CareEpisode, startedAt time.Time, endedAt *time.Time, now time.Time) error {
	if episode.Superseded() {
		return FieldError(CodeAlreadySuperseded, "careEpisodeId",
			"This episode was already corrected; correct the episode that replaced it.")
	}
	if err := notInFuture("startedAt", startedAt, now); err != nil {
		return err
	}
	if episode.EndedAt != nil && endedAt == nil {
		return FieldError(CodeInvalidInput, "endedAt",
			"A closed episode stays closed; readmit or change the level of care instead.")
	}
	if episode.EndedAt == nil && endedAt != nil {
		return FieldError(CodeInvalidInput, "endedAt",
			"To end the current episode, change the level of care or discharge the member.")
	}
	if endedAt != nil {
		if !endedAt.After(startedAt) {
			return FieldError(CodeInvalidInput, "endedAt", "The end must come after the start.")
		}
		if err := notInFuture("endedAt", *endedAt, now); err != nil {
			return err
		}
	}
	return nil
}

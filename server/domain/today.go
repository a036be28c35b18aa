package domain

import (
	"sort"
	"time"
)

// The Today page's lists: members whose milestones come soon and the recent
// moves between levels of care. Both are rules over the journey, so they
// live here rather than in the browser.

// UpcomingMilestone is a member's milestone that falls within a window.
type UpcomingMilestone struct {
	Member    *Member
	Milestone Milestone
}

// OwnerMemberID makes the entry's member the owner, for access and audit.
func (u *UpcomingMilestone) OwnerMemberID() int64 { return u.Member.ID }

// MilestonesWithin returns the milestones counted from start that fall on
// the days from today (included) to today + days (excluded), oldest first:
// 7 days are today and the next 6.
func MilestonesWithin(start, today time.Time, days int) []Milestone {
	if days < 1 {
		return nil
	}
	from := calendarDay(today)
	end := from.AddDate(0, 0, days)
	var out []Milestone
	for n := 0; n < len(fixedMilestones)+maxMilestoneYears; n++ {
		m := MilestoneAt(calendarDay(start), n)
		if !m.Date.Before(end) {
			break
		}
		if !m.Date.Before(from) {
			out = append(out, m)
		}
	}
	return out
}

// UpcomingMilestones lists the milestones of members (those with a
// recovery start date) within the window, by date, then name, then id.
func UpcomingMilestones(members []*Member, today time.Time, days int) []*UpcomingMilestone {
	var out []*UpcomingMilestone
	for _, m := range members {
		if m.RecoveryStartDate == nil {
			continue
		}
		for _, ms := range MilestonesWithin(*m.RecoveryStartDate, today, days) {
			out = append(out, &UpcomingMilestone{Member: m, Milestone: ms})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if !a.Milestone.Date.Equal(b.Milestone.Date) {
			return a.Milestone.Date.Before(b.Milestone.Date)
		}
		if a.Member.DisplayName() != b.Member.DisplayName() {
			return a.Member.DisplayName() < b.Member.DisplayName()
		}
		return a.Member.ID < b.Member.ID
	})
	return out
}

func calendarDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// CareLevelChange is an episode that began by moving from one level of
// care to another within a stay (not an admission or readmission).
type CareLevelChange struct {
	CareEpisode *CareEpisode
	// From is the code of the level moved from.
	From      string
	Direction Transition
}

// ChangedAt is when the move took effect.
func (c *CareLevelChange) ChangedAt() time.Time { return c.CareEpisode.StartedAt }

// OwnerMemberID makes the episode's member the owner, for access and audit.
func (c *CareLevelChange) OwnerMemberID() int64 { return c.CareEpisode.MemberID }

// CareLevelChangesSince finds, among the episodes of some members (all of
// each member's episodes, superseded ones included), the current ones that
// began from since (included) to end (excluded) by a move between levels, with
// one of directions (all when empty); most recent first.
func CareLevelChangesSince(episodes []*CareEpisode, levels map[string]CareLevel, since, end time.Time, directions []Transition) []*CareLevelChange {
	byMember := map[int64][]*CareEpisode{}
	for _, e := range episodes {
		byMember[e.MemberID] = append(byMember[e.MemberID], e)
	}
	want := map[Transition]bool{}
	for _, d := range directions {
		want[d] = true
	}
	var out []*CareLevelChange
	for _, e := range episodes {
		if e.Superseded() || e.StartedAt.Before(since) || !e.StartedAt.Before(end) {
			continue
		}
		t := TransitionOf(e, byMember[e.MemberID], levels)
		if t == TransitionAdmission || t == TransitionReadmission || (len(want) > 0 && !want[t]) {
			continue
		}
		out = append(out, &CareLevelChange{CareEpisode: e, From: previousLevel(e, byMember[e.MemberID]), Direction: t})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].CareEpisode, out[j].CareEpisode
		if !a.StartedAt.Equal(b.StartedAt) {
			return a.StartedAt.After(b.StartedAt)
		}
		return a.ID > b.ID
	})
	return out
}

// previousLevel is the level of the current episode before e (the one
// TransitionOf compares e with).
func previousLevel(e *CareEpisode, episodes []*CareEpisode) string {
	var prev *CareEpisode
	for _, o := range episodes {
		if o.ID == e.ID || o.Superseded() || !o.StartedAt.Before(e.StartedAt) {
			continue
		}
		if prev == nil || o.StartedAt.After(prev.StartedAt) {
			prev = o
		}
	}
	if prev == nil {
		return ""
	}
	return prev.CareLevelCode
}

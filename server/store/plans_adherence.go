package store

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/uptrace/bun/dialect/pgdialect"

	"carejourney/server/domain"
)

// AttendanceWindow asks for the meetings a plan's member attended on the
// provider's calendar days From up to (not including) To.
type AttendanceWindow struct {
	PlanID   int64
	From, To time.Time
}

// PlanAttendance reads, for each window, the meetings of the plan's tracked
// groups (commitments still in the plan, with a group and a weekly target)
// that the plan's member attended, present or late: all windows in one
// statement. Adherence is derived from these, never stored.
func (s *Store) PlanAttendance(ctx context.Context, asked []AttendanceWindow) (map[AttendanceWindow][]domain.AttendedMeeting, error) {
	windows := slices.Clone(asked)
	slices.SortFunc(windows, func(a, b AttendanceWindow) int {
		return cmp.Or(cmp.Compare(a.PlanID, b.PlanID), a.From.Compare(b.From), a.To.Compare(b.To))
	})
	windows = slices.Compact(windows)
	planIDs := make([]int64, len(windows))
	froms := make([]string, len(windows))
	tos := make([]string, len(windows))
	for i, w := range windows {
		planIDs[i] = w.PlanID
		froms[i] = s.startOfDay(w.From).Format(time.RFC3339Nano)
		tos[i] = s.startOfDay(w.To).Format(time.RFC3339Nano)
	}
	var rows []struct {
		Window   int       `bun:"window_no"`
		GroupID  int64     `bun:"group_id"`
		StartsAt time.Time `bun:"starts_at"`
	}
	err := s.db.NewRaw(`
		SELECT w.window_no, m.group_id, m.starts_at
		FROM unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[]) WITH ORDINALITY AS w(plan_id, from_at, to_at, window_no)
		JOIN aftercare_plans p ON p.id = w.plan_id
		JOIN attendance_records a ON a.member_id = p.member_id AND a.status IN ('PRESENT', 'LATE')
		JOIN meetings m ON m.id = a.meeting_id AND m.starts_at >= w.from_at AND m.starts_at < w.to_at
		WHERE m.group_id IN (
			SELECT c.group_id FROM aftercare_commitments c
			WHERE c.plan_id = w.plan_id AND c.removed_at IS NULL AND c.group_id IS NOT NULL AND c.target_per_week IS NOT NULL)
		ORDER BY w.window_no, m.starts_at`,
		pgdialect.Array(planIDs), pgdialect.Array(froms), pgdialect.Array(tos)).Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make(map[AttendanceWindow][]domain.AttendedMeeting, len(windows))
	for _, w := range windows {
		out[w] = []domain.AttendedMeeting{}
	}
	for _, r := range rows {
		w := windows[r.Window-1]
		out[w] = append(out[w], domain.AttendedMeeting{GroupID: r.GroupID, On: s.calendarDay(r.StartsAt)})
	}
	return out, nil
}

// startOfDay is the instant a calendar date (midnight UTC) begins in the
// provider's time zone.
func (s *Store) startOfDay(d time.Time) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, s.Location)
}

// calendarDay is the provider's calendar date of an instant, as midnight UTC.
func (s *Store) calendarDay(t time.Time) time.Time {
	t = t.In(s.Location)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

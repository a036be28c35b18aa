package seed

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/driver/pgdriver"

	"carejourney/server/domain"
	"carejourney/server/pgcopy"
)

// The copy functions write one table each; parents' ids are read from the
// rows the children point at, which were inserted before.

func (r *graphRows) copyResidencies(ctx context.Context, conn bun.Conn) error {
	rows := r.residencies
	return copyIn(ctx, conn, "residencies", []string{"member_id", "house_id", "bed", "move_in_at", "move_out_at",
		"move_out_reason", "move_out_note", "recorded_by_user_id", "recorded_at", "moved_out_by_user_id"}, len(rows),
		func(i int, v []any) {
			x := rows[i]
			var reason *string
			if x.MoveOutReason != nil {
				s := string(*x.MoveOutReason)
				reason = &s
			}
			v[0], v[1], v[2], v[3], v[4] = x.MemberID, x.house.ID, x.Bed, x.MoveInAt, x.MoveOutAt
			v[5], v[6], v[7], v[8], v[9] = reason, x.MoveOutNote, x.RecordedByUserID, x.RecordedAt, x.MovedOutByUserID
		})
}

func (r *graphRows) copyAssignments(ctx context.Context, conn bun.Conn) error {
	rows := r.assignments
	return copyIn(ctx, conn, "peer_assignments", []string{"member_id", "peer_id", "started_at", "ended_at", "focus",
		"end_reason", "recorded_by_user_id", "recorded_at", "ended_by_user_id"}, len(rows),
		func(i int, v []any) {
			x := rows[i]
			v[0], v[1], v[2], v[3], v[4] = x.MemberID, x.peer.ID, x.StartedAt, x.EndedAt, x.Focus
			v[5], v[6], v[7], v[8] = x.EndReason, x.RecordedByUserID, x.RecordedAt, x.EndedByUserID
		})
}

func (r *graphRows) copyConversations(ctx context.Context, conn bun.Conn) error {
	rows := r.conversations
	return copyIn(ctx, conn, "peer_conversations",
		[]string{"peer_id", "member_id", "occurred_at", "duration_minutes", "channel", "note", "recorded_by_user_id", "recorded_at"},
		len(rows), func(i int, v []any) {
			x := rows[i]
			v[0], v[1], v[2], v[3] = x.peer.ID, x.MemberID, x.OccurredAt, x.DurationMinutes
			v[4], v[5], v[6], v[7] = string(x.Channel), x.Note, x.RecordedByUserID, x.RecordedAt
		})
}

func (r *graphRows) copySlots(ctx context.Context, conn bun.Conn) error {
	rows := r.slots
	return copyIn(ctx, conn, "group_schedule_slots", []string{"group_id", "day_of_week", "start_time", "duration_minutes"},
		len(rows), func(i int, v []any) {
			x := rows[i]
			v[0], v[1], v[2], v[3] = x.group.ID, x.DayOfWeek, x.StartTime, x.DurationMinutes
		})
}

func (r *graphRows) copyFacilitators(ctx context.Context, conn bun.Conn) error {
	rows := r.facilitators
	return copyIn(ctx, conn, "group_facilitators", []string{"group_id", "peer_id", "user_id"}, len(rows),
		func(i int, v []any) {
			x := rows[i]
			var peerID *int64
			if x.peer != nil {
				peerID = &x.peer.ID
			}
			v[0], v[1], v[2] = x.group.ID, peerID, x.UserID
		})
}

func (r *graphRows) copyMemberships(ctx context.Context, conn bun.Conn) error {
	rows := r.memberships
	return copyIn(ctx, conn, "group_memberships",
		[]string{"group_id", "member_id", "joined_at", "left_at", "recorded_by_user_id"}, len(rows),
		func(i int, v []any) {
			x := rows[i]
			v[0], v[1], v[2], v[3], v[4] = x.group.ID, x.MemberID, x.JoinedAt, x.LeftAt, x.RecordedByUserID
		})
}

// copyMeetings copies the meetings and reads their ids back by group and
// start, which are unique.
func (r *graphRows) copyMeetings(ctx context.Context, conn bun.Conn, tx bun.Tx) error {
	rows := r.meetings
	err := copyIn(ctx, conn, "meetings", []string{"group_id", "starts_at", "ends_at", "topic", "facilitator_peer_id",
		"facilitator_user_id", "created_at"}, len(rows),
		func(i int, v []any) {
			x := rows[i]
			var peerID *int64
			if x.peer != nil {
				peerID = &x.peer.ID
			}
			v[0], v[1], v[2], v[3] = x.group.ID, x.StartsAt, x.EndsAt, x.Topic
			v[4], v[5], v[6] = peerID, x.FacilitatorUserID, x.CreatedAt
		})
	if err != nil || len(rows) == 0 {
		return err
	}
	type key struct {
		group int64
		start int64
	}
	groupIDs := make([]int64, len(r.groups))
	for i, g := range r.groups {
		groupIDs[i] = g.ID
	}
	var stored []struct {
		ID       int64     `bun:"id"`
		GroupID  int64     `bun:"group_id"`
		StartsAt time.Time `bun:"starts_at"`
	}
	if err := tx.NewSelect().Table("meetings").Column("id", "group_id", "starts_at").
		Where("group_id IN (?)", bun.In(groupIDs)).Scan(ctx, &stored); err != nil {
		return err
	}
	ids := make(map[key]int64, len(stored))
	for _, m := range stored {
		ids[key{m.GroupID, m.StartsAt.UnixMicro()}] = m.ID
	}
	for _, x := range rows {
		id, ok := ids[key{x.group.ID, x.StartsAt.UnixMicro()}]
		if !ok {
			return fmt.Errorf("meeting of group %d at %v not read back", x.group.ID, x.StartsAt)
		}
		x.ID = id
	}
	return nil
}

func (r *graphRows) copyAttendance(ctx context.Context, conn bun.Conn) error {
	rows := r.attendance
	return copyIn(ctx, conn, "attendance_records",
		[]string{"meeting_id", "member_id", "status", "recorded_by_user_id", "recorded_at"}, len(rows),
		func(i int, v []any) {
			x := &rows[i]
			v[0], v[1], v[2], v[3], v[4] = x.meeting.ID, x.memberID, string(x.status), x.recordedBy, x.recordedAt
		})
}

func (r *graphRows) copyGoals(ctx context.Context, conn bun.Conn) error {
	rows := r.goals
	return copyIn(ctx, conn, "aftercare_goals", []string{"plan_id", "category", "description", "target_date", "status",
		"created_at", "updated_at"}, len(rows),
		func(i int, v []any) {
			x := rows[i]
			v[0], v[1], v[2], v[3] = x.plan.ID, string(x.Category), x.Description, dateOrNil(x.TargetDate)
			v[4], v[5], v[6] = string(x.Status), x.CreatedAt, x.UpdatedAt
		})
}

func (r *graphRows) copyCommitments(ctx context.Context, conn bun.Conn) error {
	rows := r.commitments
	return copyIn(ctx, conn, "aftercare_commitments", []string{"plan_id", "kind", "description", "group_id", "house_id",
		"peer_id", "target_per_week", "created_at", "updated_at", "removed_at"}, len(rows),
		func(i int, v []any) {
			x := rows[i]
			var groupID, houseID, peerID *int64
			switch {
			case x.group != nil:
				groupID = &x.group.ID
			case x.house != nil:
				houseID = &x.house.ID
			case x.peer != nil:
				peerID = &x.peer.ID
			}
			var target any
			if x.TargetPerWeek != nil {
				target = *x.TargetPerWeek
			}
			v[0], v[1], v[2], v[3], v[4] = x.plan.ID, string(x.Kind), x.Description, groupID, houseID
			v[5], v[6], v[7], v[8], v[9] = peerID, target, x.CreatedAt, x.UpdatedAt, x.RemovedAt
		})
}

func (r *graphRows) copyCheckIns(ctx context.Context, conn bun.Conn) error {
	rows := r.checkIns
	return copyIn(ctx, conn, "check_ins",
		[]string{"plan_id", "occurred_on", "abstinent", "craving", "coping_skills", "note", "recorded_by_user_id", "recorded_at"},
		len(rows), func(i int, v []any) {
			x := rows[i]
			v[0], v[1], v[2], v[3] = x.plan.ID, copyDate(x.OccurredOn), x.Abstinent, x.Craving
			v[4], v[5], v[6], v[7] = x.CopingSkills, x.Note, x.RecordedByUserID, x.RecordedAt
		})
}

func (r *graphRows) copyAssessments(ctx context.Context, conn bun.Conn) error {
	rows := r.assessments
	return copyIn(ctx, conn, "recovery_capital_assessments",
		[]string{"member_id", "answers", "assessed_at", "recorded_by_user_id", "recorded_at"}, len(rows),
		func(i int, v []any) {
			x := rows[i]
			v[0], v[1], v[2], v[3], v[4] = x.MemberID, x.Answers, x.AssessedAt, x.RecordedByUserID, x.RecordedAt
		})
}

// copyUpdates copies updates that are not milestones.
func copyUpdates(ctx context.Context, conn bun.Conn, rows []*domain.Update) error {
	return copyIn(ctx, conn, "updates",
		[]string{"member_id", "kind", "body", "author_user_id", "occurred_at", "shareable", "recorded_at"},
		len(rows), func(i int, v []any) {
			u := rows[i]
			v[0], v[1], v[2], v[3] = u.MemberID, string(u.Kind), u.Body, u.AuthorUserID
			v[4], v[5], v[6] = u.OccurredAt, u.Shareable, u.RecordedAt
		})
}

// copyDate is a calendar date (midnight UTC), written without a time.
type copyDate time.Time

func dateOrNil(t *time.Time) any {
	if t == nil {
		return nil
	}
	return copyDate(*t)
}

// copyChunk is how many rows one COPY statement carries. The database
// checks the foreign keys of a statement's rows only once it has them all,
// so smaller statements keep each wait for an answer short.
const copyChunk = 20000

// copyIn runs COPY … FROM STDIN on conn for n rows; row fills the values
// of row i, one per column.
func copyIn(ctx context.Context, conn bun.Conn, table string, columns []string, n int, row func(i int, values []any)) error {
	query := "COPY " + table + " (" + strings.Join(columns, ", ") + ") FROM STDIN"
	for lo := 0; lo < n; lo += copyChunk {
		hi := min(lo+copyChunk, n)
		pr, pw := io.Pipe()
		go func() {
			w := bufio.NewWriterSize(pw, 1<<16)
			values := make([]any, len(columns))
			buf := make([]byte, 0, 256)
			for i := lo; i < hi; i++ {
				row(i, values)
				buf = buf[:0]
				for k, v := range values {
					if k > 0 {
						buf = append(buf, '\t')
					}
					var ok bool
					if buf, ok = appendCopyValue(buf, v); !ok {
						pw.CloseWithError(fmt.Errorf("seed: no COPY format for %T in %s", v, table))
						return
					}
				}
				buf = append(buf, '\n')
				if _, err := w.Write(buf); err != nil {
					pw.CloseWithError(err)
					return
				}
			}
			pw.CloseWithError(w.Flush())
		}()
		_, err := pgdriver.CopyFrom(ctx, conn, pr, query)
		// Unblocks the writer when COPY stopped early.
		_ = pr.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// appendCopyValue appends v in COPY's text format; false for a type it
// does not know.
func appendCopyValue(buf []byte, v any) ([]byte, bool) {
	switch v := v.(type) {
	case nil:
		return append(buf, pgcopy.Null...), true
	case int:
		return strconv.AppendInt(buf, int64(v), 10), true
	case int64:
		return strconv.AppendInt(buf, v, 10), true
	case *int64:
		if v == nil {
			return append(buf, pgcopy.Null...), true
		}
		return strconv.AppendInt(buf, *v, 10), true
	case bool:
		if v {
			return append(buf, 't'), true
		}
		return append(buf, 'f'), true
	case string:
		// Absent text is NULL, never '' (migration 0008): AppendText says so.
		return pgcopy.AppendText(buf, v), true
	case *string:
		if v == nil {
			return append(buf, pgcopy.Null...), true
		}
		return pgcopy.AppendText(buf, *v), true
	case []int:
		lit := []byte{'{'}
		for i, n := range v {
			if i > 0 {
				lit = append(lit, ',')
			}
			lit = strconv.AppendInt(lit, int64(n), 10)
		}
		return append(append(buf, lit...), '}'), true
	case time.Time:
		return v.UTC().AppendFormat(buf, pgcopy.Timestamp), true
	case *time.Time:
		if v == nil {
			return append(buf, pgcopy.Null...), true
		}
		return v.UTC().AppendFormat(buf, pgcopy.Timestamp), true
	case copyDate:
		return time.Time(v).AppendFormat(buf, "2006-01-02"), true
	case []string:
		// An array literal, itself escaped as text.
		lit := []byte{'{'}
		for i, s := range v {
			if i > 0 {
				lit = append(lit, ',')
			}
			lit = append(lit, '"')
			lit = append(lit, arrayElementEscaper.Replace(s)...)
			lit = append(lit, '"')
		}
		lit = append(lit, '}')
		return pgcopy.AppendText(buf, string(lit)), true
	}
	return buf, false
}

var arrayElementEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

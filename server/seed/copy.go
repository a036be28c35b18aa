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
)

// COPY moves the large tables several times faster than INSERT: parsing
// and planning a statement per thousand rows is what it saves.

func (r *graphRows) copyAttendance(ctx context.Context, conn bun.Conn) error {
	rows := r.attendance
	return copyIn(ctx, conn, "attendance_records",
		[]string{"meeting_id", "member_id", "status", "recorded_by_user_id", "recorded_at"}, len(rows),
		func(i int, v []any) {
			a := &rows[i]
			v[0], v[1], v[2], v[3], v[4] = a.meeting.ID, a.memberID, string(a.status), a.recordedBy, a.recordedAt
		})
}

func (r *graphRows) copyMemberships(ctx context.Context, conn bun.Conn) error {
	rows := r.memberships
	return copyIn(ctx, conn, "group_memberships",
		[]string{"group_id", "member_id", "joined_at", "left_at", "recorded_by_user_id"}, len(rows),
		func(i int, v []any) {
			m := rows[i]
			v[0], v[1], v[2], v[3], v[4] = m.group.ID, m.MemberID, m.JoinedAt, m.LeftAt, m.RecordedByUserID
		})
}

func (r *graphRows) copyConversations(ctx context.Context, conn bun.Conn) error {
	rows := r.conversations
	return copyIn(ctx, conn, "peer_conversations",
		[]string{"peer_id", "member_id", "occurred_at", "duration_minutes", "channel", "note", "recorded_by_user_id", "recorded_at"},
		len(rows), func(i int, v []any) {
			c := rows[i]
			v[0], v[1], v[2], v[3] = c.peer.ID, c.MemberID, c.OccurredAt, c.DurationMinutes
			v[4], v[5], v[6], v[7] = string(c.Channel), c.Note, c.RecordedByUserID, c.RecordedAt
		})
}

func (r *graphRows) copyCheckIns(ctx context.Context, conn bun.Conn) error {
	rows := r.checkIns
	return copyIn(ctx, conn, "check_ins",
		[]string{"plan_id", "occurred_on", "abstinent", "craving", "coping_skills", "note", "recorded_by_user_id", "recorded_at"},
		len(rows), func(i int, v []any) {
			c := rows[i]
			v[0], v[1], v[2], v[3] = c.plan.ID, copyDate(c.OccurredOn), c.Abstinent, c.Craving
			v[4], v[5], v[6], v[7] = c.CopingSkills, c.Note, c.RecordedByUserID, c.RecordedAt
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
		return append(buf, `\N`...), true
	case int:
		return strconv.AppendInt(buf, int64(v), 10), true
	case int64:
		return strconv.AppendInt(buf, v, 10), true
	case *int64:
		if v == nil {
			return append(buf, `\N`...), true
		}
		return strconv.AppendInt(buf, *v, 10), true
	case bool:
		if v {
			return append(buf, 't'), true
		}
		return append(buf, 'f'), true
	case string:
		return appendCopyText(buf, v), true
	case time.Time:
		return v.UTC().AppendFormat(buf, copyTimestamp), true
	case *time.Time:
		if v == nil {
			return append(buf, `\N`...), true
		}
		return v.UTC().AppendFormat(buf, copyTimestamp), true
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
		return appendCopyText(buf, string(lit)), true
	}
	return buf, false
}

const copyTimestamp = "2006-01-02 15:04:05.999999Z07:00"

var arrayElementEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// appendCopyText escapes the characters COPY's text format gives meaning to.
func appendCopyText(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\':
			buf = append(buf, `\\`...)
		case '\t':
			buf = append(buf, `\t`...)
		case '\n':
			buf = append(buf, `\n`...)
		case '\r':
			buf = append(buf, `\r`...)
		default:
			buf = append(buf, c)
		}
	}
	return buf
}

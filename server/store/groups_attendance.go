package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// AttendanceWithMember is an attendance record read together with its
// member, so that listing a meeting's attendance with names costs no
// second statement.
type AttendanceWithMember struct {
	bun.BaseModel            `bun:"table:attendance_records,alias:attendance_record"`
	*domain.AttendanceRecord `bun:",extend"`
	Member                   *domain.Member `bun:"rel:belongs-to,join:member_id=id"`
	// MemberSortName is the member's sort key as the database computed it,
	// so cursors compare exactly as the database orders.
	MemberSortName string `bun:"member_sort_name"`
}

// A meeting's attendance by member name; a member has one record per
// meeting, so the member id breaks ties.
var meetingAttendanceKeyset = keyset{expr: "member.sort_name", castType: "text", idColumn: "attendance_record.member_id"}

// AttendancePagesByMeetingID reads one page of attendance, by member name,
// with the members, for each of many meetings in one statement.
func (s *Store) AttendancePagesByMeetingID(ctx context.Context, meetingIDs []int64, page PageRequest) (map[int64]Page[*AttendanceWithMember], error) {
	base, err := scopeMembers(ctx, s.db.NewSelect().Model((*AttendanceWithMember)(nil)).
		ColumnExpr("member.sort_name AS member_sort_name").
		Join("JOIN members AS member ON member.id = attendance_record.member_id"), "attendance_record.member_id")
	if err != nil {
		return nil, err
	}
	return childPages(ctx, base, "attendance_record.meeting_id", meetingIDs, meetingAttendanceKeyset, page,
		func(r *AttendanceWithMember) int64 { return r.MeetingID },
		func(r *AttendanceWithMember) Cursor { return Cursor{Value: r.MemberSortName, ID: r.MemberID} },
		func(q *bun.SelectQuery) *bun.SelectQuery { return q.Relation("Member") })
}

// CountAttendanceByMeetingID counts the attendance records of many meetings in one statement.
func (s *Store) CountAttendanceByMeetingID(ctx context.Context, meetingIDs []int64) (map[int64]int, error) {
	base, err := scopeMembers(ctx, s.db.NewSelect().TableExpr("attendance_records AS attendance_record"), "attendance_record.member_id")
	if err != nil {
		return nil, err
	}
	return childCounts(ctx, base, "attendance_record.meeting_id", meetingIDs)
}

// memberAttendanceRow is an attendance record with its meeting's start,
// the sort key of a member's attendance.
type memberAttendanceRow struct {
	bun.BaseModel            `bun:"table:attendance_records,alias:attendance_record"`
	*domain.AttendanceRecord `bun:",extend"`
	MeetingStartsAt          time.Time `bun:"meeting_starts_at"`
}

// The newest meeting first; a member has one record per meeting, so the
// meeting id breaks ties.
var memberAttendanceKeyset = keyset{expr: "meeting.starts_at", castType: "timestamptz",
	idColumn: "attendance_record.meeting_id", desc: true}

func (s *Store) memberAttendanceBase(window MeetingWindow) *bun.SelectQuery {
	q := s.db.NewSelect().Model((*memberAttendanceRow)(nil)).
		ColumnExpr("meeting.starts_at AS meeting_starts_at").
		Join("JOIN meetings AS meeting ON meeting.id = attendance_record.meeting_id")
	return window.apply(q, "meeting.starts_at")
}

// AttendancePagesByMemberID reads one page of attendance, newest meeting
// first, for each of many members in one statement.
func (s *Store) AttendancePagesByMemberID(ctx context.Context, memberIDs []int64, window MeetingWindow, page PageRequest) (map[int64]Page[*domain.AttendanceRecord], error) {
	pages, err := childPages(ctx, s.memberAttendanceBase(window), "attendance_record.member_id", memberIDs,
		memberAttendanceKeyset, page,
		func(r *memberAttendanceRow) int64 { return r.MemberID },
		func(r *memberAttendanceRow) Cursor {
			return timeCursor(r.MeetingStartsAt, r.MeetingID)
		})
	return mapPages(pages, func(r *memberAttendanceRow) *domain.AttendanceRecord { return r.AttendanceRecord }), err
}

// CountAttendanceByMemberID counts the attendance records of many members in one statement.
func (s *Store) CountAttendanceByMemberID(ctx context.Context, memberIDs []int64, window MeetingWindow) (map[int64]int, error) {
	q := s.db.NewSelect().TableExpr("attendance_records AS attendance_record").
		Join("JOIN meetings AS meeting ON meeting.id = attendance_record.meeting_id")
	return childCounts(ctx, window.apply(q, "meeting.starts_at"), "attendance_record.member_id", memberIDs)
}

// AttendanceTalliesByMemberID counts the attendance of many members at
// meetings starting in [from, to), per member, week (Monday to Sunday in
// the provider's zone), group and status, in one statement. The counting
// rules themselves are domain.SummarizeAttendance.
func (s *Store) AttendanceTalliesByMemberID(ctx context.Context, memberIDs []int64, from, to time.Time) (map[int64][]domain.AttendanceTally, error) {
	var rows []struct {
		MemberID  int64                   `bun:"member_id"`
		WeekStart string                  `bun:"week_start"`
		GroupID   int64                   `bun:"group_id"`
		GroupKind domain.GroupKind        `bun:"group_kind"`
		Status    domain.AttendanceStatus `bun:"status"`
		Meetings  int                     `bun:"meetings"`
	}
	err := s.db.NewSelect().TableExpr("attendance_records AS a").
		Join("JOIN meetings AS meeting ON meeting.id = a.meeting_id").
		Join("JOIN groups AS grp ON grp.id = meeting.group_id").
		ColumnExpr("a.member_id").
		// date_trunc('week') starts weeks on Monday, as ISO does.
		ColumnExpr("to_char(date_trunc('week', meeting.starts_at AT TIME ZONE ?), 'YYYY-MM-DD') AS week_start", s.Location.String()).
		ColumnExpr("meeting.group_id, grp.kind AS group_kind, a.status, count(*) AS meetings").
		Where("a.member_id IN (?)", bun.List(memberIDs)).
		Where("meeting.starts_at >= ? AND meeting.starts_at < ?", from, to).
		GroupExpr("1, 2, 3, 4, 5").
		Scan(ctx, &rows)
	if err != nil {
		return nil, err
	}
	out := make(map[int64][]domain.AttendanceTally, len(memberIDs))
	for _, r := range rows {
		week, err := time.Parse(time.DateOnly, r.WeekStart)
		if err != nil {
			return nil, err
		}
		out[r.MemberID] = append(out[r.MemberID], domain.AttendanceTally{WeekStart: week, GroupID: r.GroupID,
			GroupKind: r.GroupKind, Status: r.Status, Meetings: r.Meetings})
	}
	return out, nil
}

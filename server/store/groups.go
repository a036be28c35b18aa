package store

import (
	"context"
	"strings"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// GroupsByID loads groups by id.
func (s *Store) GroupsByID(ctx context.Context, ids []int64) (map[int64]*domain.Group, error) {
	return byIDs(ctx, s.db, ids, func(g *domain.Group) int64 { return g.ID })
}

// MeetingsByID loads meetings by id.
func (s *Store) MeetingsByID(ctx context.Context, ids []int64) (map[int64]*domain.Meeting, error) {
	return byIDs(ctx, s.db, ids, func(m *domain.Meeting) int64 { return m.ID })
}

// ScheduleByGroupID loads the weekly schedules of groups, by day and start.
func (s *Store) ScheduleByGroupID(ctx context.Context, ids []int64) (map[int64][]*domain.GroupScheduleSlot, error) {
	var rows []*domain.GroupScheduleSlot
	err := s.db.NewSelect().Model(&rows).Where("group_id IN (?)", bun.List(ids)).
		Order("group_id", "day_of_week", "start_time").Scan(ctx)
	if err != nil {
		return nil, err
	}
	return groupBy(rows, func(r *domain.GroupScheduleSlot) int64 { return r.GroupID }), nil
}

// FacilitatorsByGroupID loads who leads groups: peers first, each kind in
// the order given.
func (s *Store) FacilitatorsByGroupID(ctx context.Context, ids []int64) (map[int64][]*domain.GroupFacilitator, error) {
	var rows []*domain.GroupFacilitator
	err := s.db.NewSelect().Model(&rows).Where("group_id IN (?)", bun.List(ids)).
		OrderExpr("group_id, peer_id IS NULL, id").Scan(ctx)
	if err != nil {
		return nil, err
	}
	return groupBy(rows, func(r *domain.GroupFacilitator) int64 { return r.GroupID }), nil
}

// groupMembershipKeyset lists memberships by joining date.
var groupMembershipKeyset = keyset{expr: "group_membership.joined_at", castType: "timestamptz", idColumn: "group_membership.id"}

func groupMembershipCursor(m *domain.GroupMembership) Cursor {
	return timeCursor(m.JoinedAt, m.ID)
}

// currentMemberships narrows q to the memberships that have not ended, of
// the members in the request's scope.
func currentMemberships(ctx context.Context, q *bun.SelectQuery) (*bun.SelectQuery, error) {
	return scopeMembers(ctx, q.Where("group_membership.left_at IS NULL"), "group_membership.member_id")
}

// CurrentMembershipPagesByGroupID reads one page of who belongs to each of
// many groups now, by joining date, in one statement.
func (s *Store) CurrentMembershipPagesByGroupID(ctx context.Context, groupIDs []int64, page PageRequest) (map[int64]Page[*domain.GroupMembership], error) {
	return s.currentMembershipPages(ctx, "group_membership.group_id", groupIDs, page,
		func(m *domain.GroupMembership) int64 { return m.GroupID })
}

// CurrentMembershipPagesByMemberID reads one page of the groups each of
// many members belongs to now, by joining date, in one statement.
func (s *Store) CurrentMembershipPagesByMemberID(ctx context.Context, memberIDs []int64, page PageRequest) (map[int64]Page[*domain.GroupMembership], error) {
	return s.currentMembershipPages(ctx, "group_membership.member_id", memberIDs, page,
		func(m *domain.GroupMembership) int64 { return m.MemberID })
}

func (s *Store) currentMembershipPages(ctx context.Context, parentColumn string, parents []int64, page PageRequest,
	parentOf func(*domain.GroupMembership) int64) (map[int64]Page[*domain.GroupMembership], error) {
	base, err := currentMemberships(ctx, s.db.NewSelect().Model((*domain.GroupMembership)(nil)))
	if err != nil {
		return nil, err
	}
	return childPages(ctx, base, parentColumn, parents, groupMembershipKeyset, page, parentOf, groupMembershipCursor)
}

// CountCurrentMembershipsByGroupID counts who belongs to each group now.
func (s *Store) CountCurrentMembershipsByGroupID(ctx context.Context, groupIDs []int64) (map[int64]int, error) {
	return s.countCurrentMemberships(ctx, "group_membership.group_id", groupIDs)
}

// CountCurrentMembershipsByMemberID counts the groups each member belongs to now.
func (s *Store) CountCurrentMembershipsByMemberID(ctx context.Context, memberIDs []int64) (map[int64]int, error) {
	return s.countCurrentMemberships(ctx, "group_membership.member_id", memberIDs)
}

func (s *Store) countCurrentMemberships(ctx context.Context, parentColumn string, parents []int64) (map[int64]int, error) {
	base, err := currentMemberships(ctx, s.db.NewSelect().TableExpr("group_memberships AS group_membership"))
	if err != nil {
		return nil, err
	}
	return childCounts(ctx, base, parentColumn, parents)
}

// NextMeetingByGroupID loads each group's first meeting starting from now.
func (s *Store) NextMeetingByGroupID(ctx context.Context, ids []int64) (map[int64]*domain.Meeting, error) {
	var rows []*domain.Meeting
	err := s.db.NewSelect().Model(&rows).DistinctOn("group_id").
		Where("group_id IN (?) AND starts_at >= ?", bun.List(ids), s.Now()).
		Order("group_id", "starts_at").Scan(ctx)
	if err != nil {
		return nil, err
	}
	return indexBy(rows, func(m *domain.Meeting) int64 { return m.GroupID }), nil
}

// GroupFilter narrows a group list; zero values mean "any".
type GroupFilter struct {
	Kinds             []domain.GroupKind
	TimesOfDay        []domain.TimeOfDay
	Modality          *domain.Modality
	FacilitatorPeerID *int64
	FacilitatorUserID *int64
	Active            *bool
	Search            string
}

// slotTimeOfDaySQL is domain.TimeOfDayAt over a schedule slot row "slot",
// so that the list filters in SQL; TestTimeOfDaySQLMatchesDomain holds the
// two together.
const slotTimeOfDaySQL = `CASE WHEN slot.day_of_week >= 6 THEN 'WEEKEND'
	WHEN slot.start_time < time '17:00' THEN 'DAY' ELSE 'EVENING' END`

func (f GroupFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	if len(f.Kinds) > 0 {
		q.Where("grp.kind IN (?)", bun.List(f.Kinds))
	}
	if len(f.TimesOfDay) > 0 {
		q.Where(`EXISTS (SELECT 1 FROM group_schedule_slots AS slot WHERE slot.group_id = grp.id
			AND `+slotTimeOfDaySQL+` IN (?))`, bun.List(f.TimesOfDay))
	}
	if f.Modality != nil {
		q.Where("grp.modality = ?", *f.Modality)
	}
	if f.FacilitatorPeerID != nil {
		q.Where("EXISTS (SELECT 1 FROM group_facilitators AS f WHERE f.group_id = grp.id AND f.peer_id = ?)", *f.FacilitatorPeerID)
	}
	if f.FacilitatorUserID != nil {
		q.Where("EXISTS (SELECT 1 FROM group_facilitators AS f WHERE f.group_id = grp.id AND f.user_id = ?)", *f.FacilitatorUserID)
	}
	if f.Active != nil {
		q.Where("grp.active = ?", *f.Active)
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		q.Where("grp.sort_name LIKE ?", "%"+escapeLike(strings.ToLower(s))+"%")
	}
	return q
}

var groupKeyset = keyset{expr: "grp.sort_name", castType: "text", idColumn: "grp.id"}

// groupRow is a group with the sort key the database computed, so cursors
// compare exactly as the database orders.
type groupRow struct {
	bun.BaseModel `bun:"table:groups,alias:grp"`
	*domain.Group `bun:",extend"`
	SortName      string `bun:"sort_name,scanonly"`
}

// groupPageRow is a group paged under a parent (a house, a peer): with its
// sort key, for the cursor, and the parent's id (page_parent), which the
// base statement selects.
type groupPageRow struct {
	bun.BaseModel `bun:"table:groups,alias:grp"`
	*domain.Group
	SortName string `bun:"sort_name"`
	Parent   int64  `bun:"page_parent"`
}

// groupPages reads one page of groups, by name, for each of many parents
// in one statement; base selects groupPageRow with page_parent.
func groupPages(ctx context.Context, base *bun.SelectQuery, parentColumn string, parents []int64, page PageRequest) (map[int64]Page[*domain.Group], error) {
	pages, err := childPages(ctx, base, parentColumn, parents, groupKeyset, page,
		func(r *groupPageRow) int64 { return r.Parent },
		func(r *groupPageRow) Cursor { return Cursor{Value: r.SortName, ID: r.ID} })
	return mapPages(pages, func(r *groupPageRow) *domain.Group { return r.Group }), err
}

// ListGroups returns one page of groups matching filter, by name.
func (s *Store) ListGroups(ctx context.Context, filter GroupFilter, page PageRequest) (Page[*domain.Group], error) {
	var rows []groupRow
	q := s.db.NewSelect().Model(&rows).ModelTableExpr("groups AS grp").Column("grp.*")
	if err := groupKeyset.apply(filter.apply(q), page).Scan(ctx); err != nil {
		return Page[*domain.Group]{}, err
	}
	groups := make([]*domain.Group, len(rows))
	cursors := make([]Cursor, len(rows))
	for i, r := range rows {
		groups[i] = r.Group
		cursors[i] = Cursor{Value: r.SortName, ID: r.ID}
	}
	return finish(groups, cursors, page), nil
}

// CountGroups counts the groups matching filter.
func (s *Store) CountGroups(ctx context.Context, filter GroupFilter) (int, error) {
	n, err := filter.apply(s.db.NewSelect().TableExpr("groups AS grp")).Count(ctx)
	return int(n), err
}

// MeetingWindow narrows meetings (or attendance, by meeting) to those
// starting in [From, To); a zero bound is open. It is comparable, so the
// loaders batch the nested lists of many parents that ask for one window.
type MeetingWindow struct {
	From, To time.Time
}

// NewMeetingWindow builds a window from optional bounds, normalised to UTC
// so that equal instants make equal keys.
func NewMeetingWindow(from, to *time.Time) MeetingWindow {
	var w MeetingWindow
	if from != nil {
		w.From = from.UTC()
	}
	if to != nil {
		w.To = to.UTC()
	}
	return w
}

func (w MeetingWindow) apply(q *bun.SelectQuery, startsAt string) *bun.SelectQuery {
	if !w.From.IsZero() {
		q.Where(startsAt+" >= ?", w.From)
	}
	if !w.To.IsZero() {
		q.Where(startsAt+" < ?", w.To)
	}
	return q
}

// MeetingFilter narrows the meeting list to the meetings starting in
// [From, To); the other zero values mean "any".
type MeetingFilter struct {
	From, To   time.Time
	GroupIDs   []int64
	Kinds      []domain.GroupKind
	TimesOfDay []domain.TimeOfDay
}

// meetingTimeOfDaySQL is domain.MeetingTimeOfDay in SQL: the meeting's
// start read in its group's zone.
const meetingTimeOfDaySQL = `CASE WHEN extract(isodow FROM meeting.starts_at AT TIME ZONE grp.time_zone) >= 6 THEN 'WEEKEND'
	WHEN (meeting.starts_at AT TIME ZONE grp.time_zone)::time < time '17:00' THEN 'DAY' ELSE 'EVENING' END`

func (f MeetingFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	q = MeetingWindow{From: f.From, To: f.To}.apply(q, "meeting.starts_at")
	if len(f.GroupIDs) > 0 {
		q.Where("meeting.group_id IN (?)", bun.List(f.GroupIDs))
	}
	if len(f.Kinds) > 0 || len(f.TimesOfDay) > 0 {
		q.Join("JOIN groups AS grp ON grp.id = meeting.group_id")
	}
	if len(f.Kinds) > 0 {
		q.Where("grp.kind IN (?)", bun.List(f.Kinds))
	}
	if len(f.TimesOfDay) > 0 {
		q.Where(meetingTimeOfDaySQL+" IN (?)", bun.List(f.TimesOfDay))
	}
	return q
}

var meetingKeyset = keyset{expr: "meeting.starts_at", castType: "timestamptz", idColumn: "meeting.id"}

func meetingCursor(m *domain.Meeting) Cursor {
	return timeCursor(m.StartsAt, m.ID)
}

// ListMeetings returns one page of meetings matching filter, by start.
func (s *Store) ListMeetings(ctx context.Context, filter MeetingFilter, page PageRequest) (Page[*domain.Meeting], error) {
	var rows []*domain.Meeting
	q := s.db.NewSelect().Model(&rows).Column("meeting.*")
	if err := meetingKeyset.apply(filter.apply(q), page).Scan(ctx); err != nil {
		return Page[*domain.Meeting]{}, err
	}
	cursors := make([]Cursor, len(rows))
	for i, m := range rows {
		cursors[i] = meetingCursor(m)
	}
	return finish(rows, cursors, page), nil
}

// CountMeetings counts the meetings matching filter.
func (s *Store) CountMeetings(ctx context.Context, filter MeetingFilter) (int, error) {
	n, err := filter.apply(s.db.NewSelect().TableExpr("meetings AS meeting")).Count(ctx)
	return int(n), err
}

// MeetingPagesByGroupID reads one page of meetings, by start, for each of
// many groups in one statement.
func (s *Store) MeetingPagesByGroupID(ctx context.Context, groupIDs []int64, window MeetingWindow, page PageRequest) (map[int64]Page[*domain.Meeting], error) {
	base := window.apply(s.db.NewSelect().Model((*domain.Meeting)(nil)), "meeting.starts_at")
	return childPages(ctx, base, "meeting.group_id", groupIDs, meetingKeyset, page,
		func(m *domain.Meeting) int64 { return m.GroupID }, meetingCursor)
}

// CountMeetingsByGroupID counts the meetings of many groups in one statement.
func (s *Store) CountMeetingsByGroupID(ctx context.Context, groupIDs []int64, window MeetingWindow) (map[int64]int, error) {
	base := window.apply(s.db.NewSelect().TableExpr("meetings AS meeting"), "meeting.starts_at")
	return childCounts(ctx, base, "meeting.group_id", groupIDs)
}

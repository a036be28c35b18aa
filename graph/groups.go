package graph

import (
	"context"
	"time"

	"carejourney/graph/globalid"
	"carejourney/graph/loaders"
	"carejourney/graph/model"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// groupsDayNumbers maps the DayOfWeek enum to ISO weekdays (1 = Monday).
var groupsDayNumbers = map[model.DayOfWeek]int{
	model.DayOfWeekMonday: 1, model.DayOfWeekTuesday: 2, model.DayOfWeekWednesday: 3, model.DayOfWeekThursday: 4,
	model.DayOfWeekFriday: 5, model.DayOfWeekSaturday: 6, model.DayOfWeekSunday: 7,
}

func groupsDayOfWeek(isoDay int) model.DayOfWeek {
	for day, n := range groupsDayNumbers {
		if n == isoDay {
			return day
		}
	}
	return ""
}

// groupsScheduleInput keeps nil apart from empty: nil leaves a schedule,
// an empty list clears it.
func groupsScheduleInput(in []*model.ScheduleSlotInput) []domain.ScheduleSlotInput {
	if in == nil {
		return nil
	}
	out := make([]domain.ScheduleSlotInput, len(in))
	for i, s := range in {
		out[i] = domain.ScheduleSlotInput{DayOfWeek: groupsDayNumbers[s.DayOfWeek], StartTime: s.StartTime,
			DurationMinutes: s.DurationMinutes}
	}
	return out
}

// groupsDecodeIDs decodes a list of IDs of one type; an error points at the
// line. nil stays nil, so "omitted" and "empty" stay apart.
func groupsDecodeIDs(ids []string, typeName, field string) ([]int64, error) {
	if ids == nil {
		return nil, nil
	}
	out := make([]int64, len(ids))
	for i, id := range ids {
		n, err := globalid.DecodeInt(id, typeName)
		if e := domain.AsError(err); e != nil {
			return nil, domain.GroupLineError(e.Code, field, i, "", e.Message)
		} else if err != nil {
			return nil, err
		}
		out[i] = n
	}
	return out, nil
}

// groupsFacilitatorsInput decodes the facilitators of a create or update input
// (peers and staff, each list optional).
func groupsFacilitatorsInput(peerIDs, userIDs []string) (store.GroupInput, error) {
	var out store.GroupInput
	var err error
	if out.PeerIDs, err = groupsDecodeIDs(peerIDs, globalid.TypePeer, "facilitatorPeerIds"); err != nil {
		return out, err
	}
	out.UserIDs, err = groupsDecodeIDs(userIDs, globalid.TypeUser, "facilitatorUserIds")
	return out, err
}

func groupsCreateInput(in model.CreateGroupInput) (store.GroupInput, error) {
	out, err := groupsFacilitatorsInput(in.FacilitatorPeerIds, in.FacilitatorUserIds)
	if err != nil {
		return out, err
	}
	houseID, err := globalid.DecodeOptionalField(in.HouseID, globalid.TypeHouse, "houseId")
	if err != nil {
		return out, err
	}
	out.Fields = domain.GroupFields{Name: &in.Name, Kind: &in.Kind, Description: in.Description, Modality: &in.Modality,
		Location: in.Location, TimeZone: in.TimeZone, HouseID: houseID}
	out.Schedule = groupsScheduleInput(in.Schedule)
	return out, nil
}

func groupsUpdateInput(in model.UpdateGroupInput) (store.GroupInput, error) {
	out, err := groupsFacilitatorsInput(in.FacilitatorPeerIds, in.FacilitatorUserIds)
	if err != nil {
		return out, err
	}
	out.Fields = domain.GroupFields{Name: in.Name, Description: in.Description, Modality: in.Modality,
		Location: in.Location, TimeZone: in.TimeZone, Active: in.IsActive}
	out.Schedule = groupsScheduleInput(in.Schedule)
	return out, nil
}

func groupsMembershipInput(groupID, memberID string, at *time.Time) (store.GroupMembershipInput, error) {
	g, err := globalid.DecodeField(groupID, globalid.TypeGroup, "groupId")
	if err != nil {
		return store.GroupMembershipInput{}, err
	}
	m, err := globalid.DecodeField(memberID, globalid.TypeMember, "memberId")
	if err != nil {
		return store.GroupMembershipInput{}, err
	}
	return store.GroupMembershipInput{GroupID: g, MemberID: m, At: at}, nil
}

func groupsAttendanceEntries(in []*model.AttendanceEntryInput) ([]domain.AttendanceEntry, error) {
	out := make([]domain.AttendanceEntry, len(in))
	for i, e := range in {
		id, err := globalid.DecodeInt(e.MemberID, globalid.TypeMember)
		if ue := domain.AsError(err); ue != nil {
			return nil, domain.GroupLineError(ue.Code, "entries", i, "memberId", ue.Message)
		} else if err != nil {
			return nil, err
		}
		out[i] = domain.AttendanceEntry{MemberID: id, Status: e.Status}
	}
	return out, nil
}

// groupsFacilitator resolves a facilitator reference to the Peer or User
// it names; nil when it names nobody (or someone no longer there).
func groupsFacilitator(ctx context.Context, peerID, userID *int64) (model.Facilitator, error) {
	l := loaders.For(ctx)
	switch {
	case peerID != nil:
		p, err := l.Peers.Peer.Load(ctx, *peerID)
		if err != nil || p == nil {
			return nil, err
		}
		return p, nil
	case userID != nil:
		u, err := l.User.Load(ctx, *userID)
		if err != nil || u == nil {
			return nil, err
		}
		return u, nil
	}
	return nil, nil
}

// groupsFacilitators resolves a group's facilitators, peers and users each
// in one batch.
func groupsFacilitators(ctx context.Context, groupID int64) ([]model.Facilitator, error) {
	l := loaders.For(ctx)
	rows, err := l.Groups.Facilitators.Load(ctx, groupID)
	if err != nil {
		return nil, err
	}
	var peerIDs, userIDs []int64
	for _, f := range rows {
		if f.PeerID != nil {
			peerIDs = append(peerIDs, *f.PeerID)
		} else if f.UserID != nil {
			userIDs = append(userIDs, *f.UserID)
		}
	}
	// Both thunks join their batches before either is awaited.
	peersThunk := l.Peers.Peer.LoadAllThunk(ctx, peerIDs)
	usersThunk := l.User.LoadAllThunk(ctx, userIDs)
	peers, err := peersThunk()
	if err != nil {
		return nil, err
	}
	users, err := usersThunk()
	if err != nil {
		return nil, err
	}
	out := make([]model.Facilitator, 0, len(rows))
	for _, p := range peers {
		if p != nil {
			out = append(out, p)
		}
	}
	for _, u := range users {
		if u != nil {
			out = append(out, u)
		}
	}
	return out, nil
}

// groupsZone is the time zone of a meeting's group.
func groupsZone(ctx context.Context, groupID int64) (*time.Location, error) {
	g, err := loaders.For(ctx).Groups.Group.Load(ctx, groupID)
	if err != nil {
		return nil, err
	}
	if g == nil {
		return nil, domain.Errorf(domain.CodeNotFound, "Group not found.")
	}
	return domain.LoadTimeZone("timeZone", g.TimeZone)
}

func groupsScheduleSlot(s *domain.GroupScheduleSlot) *model.ScheduleSlot {
	return &model.ScheduleSlot{DayOfWeek: groupsDayOfWeek(s.DayOfWeek), StartTime: s.Start(),
		DurationMinutes: s.DurationMinutes, TimeOfDay: s.TimeOfDay()}
}

// groupsFilter reads the group list filter: active groups unless it says otherwise.
func groupsFilter(f *model.GroupFilter) (store.GroupFilter, error) {
	active := true
	out := store.GroupFilter{Active: &active}
	if f == nil {
		return out, nil
	}
	out.Kinds, out.TimesOfDay, out.Modality = f.Kinds, f.TimesOfDay, f.Modality
	if f.IsActive != nil {
		out.Active = f.IsActive
	}
	if f.Search != nil {
		out.Search = *f.Search
	}
	if f.FacilitatorID != nil {
		typeName, _, err := globalid.Decode(*f.FacilitatorID)
		if err != nil {
			return out, err
		}
		switch typeName {
		case globalid.TypePeer:
			id, err := globalid.DecodeInt(*f.FacilitatorID, typeName)
			out.FacilitatorPeerID = &id
			return out, err
		case globalid.TypeUser:
			id, err := globalid.DecodeInt(*f.FacilitatorID, typeName)
			out.FacilitatorUserID = &id
			return out, err
		default:
			return out, domain.Errorf(domain.CodeInvalidInput, "facilitatorId must be the ID of a Peer or a User.")
		}
	}
	return out, nil
}

func groupsMeetingFilter(f model.MeetingFilter) (store.MeetingFilter, error) {
	startAt, endAt := rangeEnds(f.StartsWithin)
	if err := domain.CheckMeetingWindow(startAt, endAt); err != nil {
		return store.MeetingFilter{}, err
	}
	out := store.MeetingFilter{From: *startAt, To: *endAt}
	out.Kinds, out.TimesOfDay = f.Kinds, f.TimesOfDay
	for _, id := range f.GroupIds {
		n, err := globalid.DecodeInt(id, globalid.TypeGroup)
		if err != nil {
			return out, err
		}
		out.GroupIDs = append(out.GroupIDs, n)
	}
	return out, nil
}

func groupsSummary(s domain.AttendanceSummary) *model.AttendanceSummary {
	out := &model.AttendanceSummary{
		MeetingsAttended: s.MeetingsAttended, AftercareMeetingsAttended: s.AftercareMeetingsAttended,
		DistinctAftercarePrograms: s.DistinctAftercarePrograms, MeetingsMissed: s.MeetingsMissed,
		MeetingsExcused: s.MeetingsExcused, AttendanceRate: s.AttendanceRate,
		Weeks: make([]*model.AttendanceWeek, len(s.Weeks)),
	}
	for i, w := range s.Weeks {
		out.Weeks[i] = &model.AttendanceWeek{WeekStartsOn: w.WeekStart, Attended: w.Attended}
	}
	return out
}

// groupsMeetingAttendance loads a page of a meeting's attendance and hands
// the members read with it to the Member loader, so that the members of
// many meetings cost no further statement.
func groupsMeetingAttendance(ctx context.Context, meetingID int64, first *int, after *string, last *int, before *string) (*model.Connection[*domain.AttendanceRecord], error) {
	l := loaders.For(ctx)
	p, err := nestedPage(ctx, l.Groups.Attendance, meetingID, loaders.NoFilter{}, first, after, last, before)
	if err != nil {
		return nil, err
	}
	return pageConnection(store.MapPage(p, func(r *store.AttendanceWithMember) *domain.AttendanceRecord {
		if r.Member != nil {
			l.Member.Prime(r.MemberID, r.Member)
		}
		return r.AttendanceRecord
	})), nil
}

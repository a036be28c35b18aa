package loaders

import (
	"context"
	"time"

	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// GroupLoaders batch the lookups of groups, meetings and attendance.
type GroupLoaders struct {
	Group   Loader[*domain.Group]
	Meeting *dataloadgen.Loader[int64, *domain.Meeting]

	// By group id.
	Schedule       *dataloadgen.Loader[int64, []*domain.GroupScheduleSlot]
	Facilitators   *dataloadgen.Loader[int64, []*domain.GroupFacilitator]
	CurrentMembers *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.GroupMembership]]
	NextMeeting    *dataloadgen.Loader[int64, *domain.Meeting]
	MeetingPages   *dataloadgen.Loader[ChildKey[store.MeetingWindow], store.Page[*domain.Meeting]]

	// By meeting id.
	Attendance *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*store.AttendanceWithMember]]

	// By member id.
	MembershipsByMember *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.GroupMembership]]
	AttendancePages     *dataloadgen.Loader[ChildKey[store.MeetingWindow], store.Page[*domain.AttendanceRecord]]
	AttendanceTallies   *dataloadgen.Loader[FilterKey[store.MeetingWindow], []domain.AttendanceTally]
}

func newGroupLoaders(st *store.Store, opts []dataloadgen.Option) GroupLoaders {
	return GroupLoaders{
		Group:               newLoader(st.GroupsByID, opts),
		Meeting:             dataloadgen.NewLoader(fromMap(st.MeetingsByID), opts...),
		Schedule:            dataloadgen.NewLoader(fromMap(st.ScheduleByGroupID), opts...),
		Facilitators:        dataloadgen.NewLoader(fromMap(st.FacilitatorsByGroupID), opts...),
		CurrentMembers:      childPageLoader(unfiltered(st.CurrentMembershipPagesByGroupID), unfilteredCount(st.CountCurrentMembershipsByGroupID), opts...),
		NextMeeting:         dataloadgen.NewLoader(fromMap(st.NextMeetingByGroupID), opts...),
		MeetingPages:        childPageLoader(st.MeetingPagesByGroupID, st.CountMeetingsByGroupID, opts...),
		Attendance:          childPageLoader(unfiltered(st.AttendancePagesByMeetingID), unfilteredCount(st.CountAttendanceByMeetingID), opts...),
		MembershipsByMember: childPageLoader(unfiltered(st.CurrentMembershipPagesByMemberID), unfilteredCount(st.CountCurrentMembershipsByMemberID), opts...),
		AttendancePages:     childPageLoader(st.AttendancePagesByMemberID, st.CountAttendanceByMemberID, opts...),
		AttendanceTallies: filteredLoader(func(ctx context.Context, members []int64, w store.MeetingWindow) (map[int64][]domain.AttendanceTally, error) {
			return st.AttendanceTalliesByMemberID(ctx, members, w.From, w.To)
		}, opts...),
	}
}

// AttendanceSummaryKey asks for a member's attendance tallies over [From, To).
func AttendanceSummaryKey(memberID int64, from, to time.Time) FilterKey[store.MeetingWindow] {
	return FilterKey[store.MeetingWindow]{Parent: memberID, Filter: store.NewMeetingWindow(&from, &to)}
}

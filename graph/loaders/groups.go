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
	Group   *dataloadgen.Loader[int64, *domain.Group]
	Meeting *dataloadgen.Loader[int64, *domain.Meeting]

	// By group id.
	Schedule       *dataloadgen.Loader[int64, []*domain.GroupScheduleSlot]
	Facilitators   *dataloadgen.Loader[int64, []*domain.GroupFacilitator]
	CurrentMembers *dataloadgen.Loader[int64, []*domain.GroupMembership]
	NextMeeting    *dataloadgen.Loader[int64, *domain.Meeting]
	MeetingPages   *dataloadgen.Loader[ChildKey[store.MeetingWindow], store.Page[*domain.Meeting]]
	MeetingCounts  *dataloadgen.Loader[CountKey[store.MeetingWindow], int]

	// By meeting id.
	Attendance *dataloadgen.Loader[int64, []*store.AttendanceWithMember]

	// By member id.
	MembershipsByMember *dataloadgen.Loader[int64, []*domain.GroupMembership]
	AttendancePages     *dataloadgen.Loader[ChildKey[store.MeetingWindow], store.Page[*domain.AttendanceRecord]]
	AttendanceCounts    *dataloadgen.Loader[CountKey[store.MeetingWindow], int]
	AttendanceTallies   *dataloadgen.Loader[CountKey[store.MeetingWindow], []domain.AttendanceTally]
}

func newGroupLoaders(st *store.Store, opts []dataloadgen.Option) GroupLoaders {
	return GroupLoaders{
		Group:               dataloadgen.NewLoader(fromMap(st.GroupsByID), opts...),
		Meeting:             dataloadgen.NewLoader(fromMap(st.MeetingsByID), opts...),
		Schedule:            dataloadgen.NewLoader(fromMap(st.ScheduleByGroupID), opts...),
		Facilitators:        dataloadgen.NewLoader(fromMap(st.FacilitatorsByGroupID), opts...),
		CurrentMembers:      dataloadgen.NewLoader(fromMap(st.CurrentMembershipsByGroupID), opts...),
		NextMeeting:         dataloadgen.NewLoader(fromMap(st.NextMeetingByGroupID), opts...),
		MeetingPages:        childPageLoader(st.MeetingPagesByGroupID, opts...),
		MeetingCounts:       childCountLoader(st.CountMeetingsByGroupID, opts...),
		Attendance:          dataloadgen.NewLoader(fromMap(st.AttendanceByMeetingID), opts...),
		MembershipsByMember: dataloadgen.NewLoader(fromMap(st.CurrentMembershipsByMemberID), opts...),
		AttendancePages:     childPageLoader(st.AttendancePagesByMemberID, opts...),
		AttendanceCounts:    childCountLoader(st.CountAttendanceByMemberID, opts...),
		AttendanceTallies: groupsFilteredLoader(func(ctx context.Context, members []int64, w store.MeetingWindow) (map[int64][]domain.AttendanceTally, error) {
			return st.AttendanceTalliesByMemberID(ctx, members, w.From, w.To)
		}, opts...),
	}
}

// groupsFilteredLoader batches a per-parent lookup narrowed by a filter:
// parents asking with the same filter are loaded in one statement.
func groupsFilteredLoader[F comparable, V any](
	fetch func(ctx context.Context, parents []int64, filter F) (map[int64]V, error),
	opts ...dataloadgen.Option,
) *dataloadgen.Loader[CountKey[F], V] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []CountKey[F]) ([]V, []error) {
		parents := map[F][]int64{}
		for _, k := range keys {
			parents[k.Filter] = append(parents[k.Filter], k.Parent)
		}
		values := map[F]map[int64]V{}
		failed := map[F]error{}
		for f, ids := range parents {
			values[f], failed[f] = fetch(ctx, ids, f)
		}
		out := make([]V, len(keys))
		errs := make([]error, len(keys))
		for i, k := range keys {
			out[i], errs[i] = values[k.Filter][k.Parent], failed[k.Filter]
		}
		return out, errs
	}, opts...)
}

// AttendanceSummaryKey asks for a member's attendance tallies over [From, To).
func AttendanceSummaryKey(memberID int64, from, to time.Time) CountKey[store.MeetingWindow] {
	return CountKey[store.MeetingWindow]{Parent: memberID, Filter: store.NewMeetingWindow(&from, &to)}
}

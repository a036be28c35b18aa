package loaders

import (
	"context"

	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// HouseLoaders batch the lookups of houses and residencies.
type HouseLoaders struct {
	House     Loader[*domain.House]
	Residency *dataloadgen.Loader[int64, *domain.Residency]
	// CurrentResidents are a house's residents now, by move-in; their
	// number is the occupancy, so both fields cost one statement.
	CurrentResidents Loader[[]*domain.Residency]
	// ByMember is a member's residencies, oldest first; the current one is
	// among them.
	ByMember *dataloadgen.Loader[int64, []*domain.Residency]
	// CurrentByMember is a member's current residency alone, nil for none.
	CurrentByMember Loader[*domain.Residency]
	// MemberResidencies backs Member.residencies.
	MemberResidencies *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.Residency]]
	// Residencies backs the nested House.residencies connection.
	Residencies *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.Residency]]
	// MeetingGroups backs House.houseMeetingGroups.
	MeetingGroups *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.Group]]
}

func newHouseLoaders(st *store.Store, opts []dataloadgen.Option) HouseLoaders {
	return HouseLoaders{
		House:            newLoader(st.HousesByID, opts),
		Residency:        dataloadgen.NewLoader(fromMap(st.ResidenciesByID), opts...),
		CurrentResidents: newLoader(st.CurrentResidentsByHouseID, opts),
		ByMember:         dataloadgen.NewLoader(fromMap(st.ResidenciesByMemberID), opts...),
		CurrentByMember:  newLoader(st.CurrentResidenciesByMemberID, opts),
		MemberResidencies: childPageLoader(unfiltered(st.ResidencyPagesByMemberID),
			unfilteredCount(st.CountResidenciesByMemberID), opts...),
		Residencies: childPageLoader(func(ctx context.Context, houses []int64, _ NoFilter, page store.PageRequest) (map[int64]store.Page[*domain.Residency], error) {
			return st.ResidencyPagesByHouseID(ctx, houses, page)
		}, func(ctx context.Context, houses []int64, _ NoFilter) (map[int64]int, error) {
			return st.ResidencyCountsByHouseID(ctx, houses)
		}, opts...),
		MeetingGroups: childPageLoader(unfiltered(st.HouseMeetingGroupPages),
			unfilteredCount(st.CountHouseMeetingGroups), opts...),
	}
}

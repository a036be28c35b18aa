package loaders

import (
	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// HouseLoaders batch the lookups of houses and residencies.
type HouseLoaders struct {
	House     *dataloadgen.Loader[int64, *domain.House]
	Residency *dataloadgen.Loader[int64, *domain.Residency]
}

func newHouseLoaders(st *store.Store, opts []dataloadgen.Option) HouseLoaders {
	return HouseLoaders{
		House:     dataloadgen.NewLoader(fromMap(st.HousesByID), opts...),
		Residency: dataloadgen.NewLoader(fromMap(st.ResidenciesByID), opts...),
	}
}

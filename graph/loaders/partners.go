package loaders

import (
	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// PartnerLoaders batch the lookups of partners' API keys.
type PartnerLoaders struct {
	APIKey *dataloadgen.Loader[int64, *domain.APIKey]
}

func newPartnerLoaders(st *store.Store, opts []dataloadgen.Option) PartnerLoaders {
	return PartnerLoaders{
		APIKey: dataloadgen.NewLoader(fromMap(st.APIKeysByID), opts...),
	}
}

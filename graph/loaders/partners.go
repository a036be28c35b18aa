package loaders

import (
	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// PartnerLoaders batch the lookups of partners and their API keys.
type PartnerLoaders struct {
	APIKey        *dataloadgen.Loader[int64, *domain.APIKey]
	Partner       *dataloadgen.Loader[int64, *domain.Partner]
	KeysByPartner *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.APIKey]]
}

func newPartnerLoaders(st *store.Store, opts []dataloadgen.Option) PartnerLoaders {
	return PartnerLoaders{
		APIKey:        dataloadgen.NewLoader(fromMap(st.APIKeysByID), opts...),
		Partner:       dataloadgen.NewLoader(fromMap(st.PartnersByID), opts...),
		KeysByPartner: childPageLoader(unfiltered(st.APIKeyPagesByPartnerID), unfilteredCount(st.CountAPIKeysByPartnerID), opts...),
	}
}

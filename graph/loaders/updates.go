package loaders

import (
	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// UpdateLoaders batch the lookups of updates.
type UpdateLoaders struct {
	Update *dataloadgen.Loader[int64, *domain.Update]
	// ByMember pages a member's updates, newest first, for many members at once.
	ByMember *dataloadgen.Loader[ChildKey[store.UpdateKinds], store.Page[*domain.Update]]
}

func newUpdateLoaders(st *store.Store, opts []dataloadgen.Option) UpdateLoaders {
	return UpdateLoaders{
		Update:   dataloadgen.NewLoader(fromMap(st.UpdatesByID), opts...),
		ByMember: childPageLoader(st.UpdatesByMember, st.CountUpdatesByMember, opts...),
	}
}

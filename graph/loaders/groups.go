package loaders

import (
	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// GroupLoaders batch the lookups of groups, meetings and attendance.
type GroupLoaders struct {
	Group   *dataloadgen.Loader[int64, *domain.Group]
	Meeting *dataloadgen.Loader[int64, *domain.Meeting]
}

func newGroupLoaders(st *store.Store, opts []dataloadgen.Option) GroupLoaders {
	return GroupLoaders{
		Group:   dataloadgen.NewLoader(fromMap(st.GroupsByID), opts...),
		Meeting: dataloadgen.NewLoader(fromMap(st.MeetingsByID), opts...),
	}
}

package loaders

import (
	"github.com/vikstrous/dataloadgen"

	"carejourney/server/audit"
	"carejourney/server/store"
)

// AuditLoaders batch the lookups of the audit log.
type AuditLoaders struct {
	Event *dataloadgen.Loader[int64, *audit.Event]
	// DisclosuresByMember pages members' disclosures, newest first, for
	// many members at once.
	DisclosuresByMember *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*audit.Disclosure]]
}

func newAuditLoaders(st *store.Store, opts []dataloadgen.Option) AuditLoaders {
	return AuditLoaders{
		Event:               dataloadgen.NewLoader(fromMap(st.AuditEventsByID), opts...),
		DisclosuresByMember: childPageLoader(unfiltered(st.DisclosuresByMember), unfilteredCount(st.CountDisclosuresByMember), opts...),
	}
}

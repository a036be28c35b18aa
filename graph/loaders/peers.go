package loaders

import (
	"context"

	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// PeerLoaders batch the lookups of peers, their assignments and conversations.
type PeerLoaders struct {
	Peer         *dataloadgen.Loader[int64, *domain.Peer]
	Assignment   *dataloadgen.Loader[int64, *domain.PeerAssignment]
	Conversation *dataloadgen.Loader[int64, *domain.PeerConversation]

	// AssignmentsByMember is each member's pairings, oldest first.
	AssignmentsByMember *dataloadgen.Loader[int64, []*domain.PeerAssignment]
	// Caseload pages a peer's current assignments; CaseloadCount counts
	// them (caseloadCount, hasCapacity and the connection's totalCount).
	Caseload      *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.PeerAssignment]]
	CaseloadCount *dataloadgen.Loader[CountKey[NoFilter], int]
	// ConversationsByPeer and ConversationsByMember page conversations,
	// newest first, with their counts.
	ConversationsByPeer       *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.PeerConversation]]
	ConversationCountByPeer   *dataloadgen.Loader[CountKey[NoFilter], int]
	ConversationsByMember     *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.PeerConversation]]
	ConversationCountByMember *dataloadgen.Loader[CountKey[NoFilter], int]
	FacilitatedGroups         *dataloadgen.Loader[int64, []*domain.Group]
}

func newPeerLoaders(st *store.Store, opts []dataloadgen.Option) PeerLoaders {
	return PeerLoaders{
		Peer:                      dataloadgen.NewLoader(fromMap(st.PeersByID), opts...),
		Assignment:                dataloadgen.NewLoader(fromMap(st.PeerAssignmentsByID), opts...),
		Conversation:              dataloadgen.NewLoader(fromMap(st.PeerConversationsByID), opts...),
		AssignmentsByMember:       dataloadgen.NewLoader(fromMap(st.PeerAssignmentsByMemberID), opts...),
		Caseload:                  childPageLoader(peersUnfiltered(st.CaseloadPages), opts...),
		CaseloadCount:             childCountLoader(peersUnfilteredCount(st.CaseloadCounts), opts...),
		ConversationsByPeer:       childPageLoader(peersUnfiltered(st.ConversationPagesByPeer), opts...),
		ConversationCountByPeer:   childCountLoader(peersUnfilteredCount(st.ConversationCountsByPeer), opts...),
		ConversationsByMember:     childPageLoader(peersUnfiltered(st.ConversationPagesByMember), opts...),
		ConversationCountByMember: childCountLoader(peersUnfilteredCount(st.ConversationCountsByMember), opts...),
		FacilitatedGroups:         dataloadgen.NewLoader(fromMap(st.FacilitatedGroupsByPeerID), opts...),
	}
}

// peersUnfiltered adapts a store page lookup to childPageLoader's fetch for
// children that are not narrowed.
func peersUnfiltered[T any](fetch func(context.Context, []int64, store.PageRequest) (map[int64]store.Page[T], error)) func(context.Context, []int64, NoFilter, store.PageRequest) (map[int64]store.Page[T], error) {
	return func(ctx context.Context, parents []int64, _ NoFilter, page store.PageRequest) (map[int64]store.Page[T], error) {
		return fetch(ctx, parents, page)
	}
}

// peersUnfilteredCount adapts a store count lookup to childCountLoader's fetch.
func peersUnfilteredCount(fetch func(context.Context, []int64) (map[int64]int, error)) func(context.Context, []int64, NoFilter) (map[int64]int, error) {
	return func(ctx context.Context, parents []int64, _ NoFilter) (map[int64]int, error) {
		return fetch(ctx, parents)
	}
}

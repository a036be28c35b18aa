package loaders

import (
	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// PeerLoaders batch the lookups of peers, their assignments and conversations.
type PeerLoaders struct {
	Peer         Loader[*domain.Peer]
	Assignment   *dataloadgen.Loader[int64, *domain.PeerAssignment]
	Conversation *dataloadgen.Loader[int64, *domain.PeerConversation]

	// AssignmentPages backs Member.peerAssignments.
	AssignmentPages *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.PeerAssignment]]
	// CurrentAssignment is a member's current pairing alone, nil for none.
	CurrentAssignment Loader[*domain.PeerAssignment]
	// Caseload pages a peer's current assignments; CaseloadCount counts
	// them (caseloadCount, hasCapacity and the connection's totalCount).
	Caseload      *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.PeerAssignment]]
	CaseloadCount *dataloadgen.Loader[int64, int]
	// ConversationsByPeer and ConversationsByMember page conversations,
	// newest first, with their counts.
	ConversationsByPeer   *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.PeerConversation]]
	ConversationsByMember *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.PeerConversation]]
	// FacilitatedGroups backs Peer.facilitatedGroups.
	FacilitatedGroups *dataloadgen.Loader[ChildKey[NoFilter], store.Page[*domain.Group]]
}

func newPeerLoaders(st *store.Store, opts []dataloadgen.Option) PeerLoaders {
	return PeerLoaders{
		Peer:              newLoader(st.PeersByID, opts),
		Assignment:        dataloadgen.NewLoader(fromMap(st.PeerAssignmentsByID), opts...),
		Conversation:      dataloadgen.NewLoader(fromMap(st.PeerConversationsByID), opts...),
		CurrentAssignment: newLoader(st.CurrentAssignmentsByMemberID, opts),
		AssignmentPages: childPageLoader(unfiltered(st.PeerAssignmentPagesByMemberID),
			unfilteredCount(st.CountPeerAssignmentsByMemberID), opts...),
		Caseload:      childPageLoader(unfiltered(st.CaseloadPages), unfilteredCount(st.CaseloadPageCounts), opts...),
		CaseloadCount: dataloadgen.NewLoader(fromMap(st.CaseloadCounts), opts...),
		ConversationsByPeer: childPageLoader(unfiltered(st.ConversationPagesByPeer),
			unfilteredCount(st.ConversationCountsByPeer), opts...),
		ConversationsByMember: childPageLoader(unfiltered(st.ConversationPagesByMember),
			unfilteredCount(st.ConversationCountsByMember), opts...),
		FacilitatedGroups: childPageLoader(unfiltered(st.FacilitatedGroupPages),
			unfilteredCount(st.CountFacilitatedGroups), opts...),
	}
}

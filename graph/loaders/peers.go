package loaders

import (
	"github.com/vikstrous/dataloadgen"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// PeerLoaders batch the lookups of peers, their assignments and conversations.
type PeerLoaders struct {
	Peer         *dataloadgen.Loader[int64, *domain.Peer]
	Assignment   *dataloadgen.Loader[int64, *domain.PeerAssignment]
	Conversation *dataloadgen.Loader[int64, *domain.PeerConversation]
}

func newPeerLoaders(st *store.Store, opts []dataloadgen.Option) PeerLoaders {
	return PeerLoaders{
		Peer:         dataloadgen.NewLoader(fromMap(st.PeersByID), opts...),
		Assignment:   dataloadgen.NewLoader(fromMap(st.PeerAssignmentsByID), opts...),
		Conversation: dataloadgen.NewLoader(fromMap(st.PeerConversationsByID), opts...),
	}
}

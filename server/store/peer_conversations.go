package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// PeerConversationsByID loads peer conversations by id.
func (s *Store) PeerConversationsByID(ctx context.Context, ids []int64) (map[int64]*domain.PeerConversation, error) {
	return byIDs(ctx, s.db, ids, func(c *domain.PeerConversation) int64 { return c.ID })
}

// peerConversationKeyset orders conversations newest first.
var peerConversationKeyset = keyset{expr: "peer_conversation.occurred_at", castType: "timestamptz",
	idColumn: "peer_conversation.id", desc: true}

func peerConversationCursor(c *domain.PeerConversation) Cursor {
	return timeCursor(c.OccurredAt, c.ID)
}

func peerConversationPages(ctx context.Context, db bun.IDB, parentColumn string, parentIDs []int64, page PageRequest,
	parentOf func(*domain.PeerConversation) int64) (map[int64]Page[*domain.PeerConversation], error) {
	base, err := scopeMembers(ctx, db.NewSelect().Model((*domain.PeerConversation)(nil)), "peer_conversation.member_id")
	if err != nil {
		return nil, err
	}
	return childPages(ctx, base, parentColumn, parentIDs, peerConversationKeyset, page, parentOf, peerConversationCursor)
}

// ConversationPagesByPeer reads one page of each peer's conversations,
// newest first, in one statement.
func (s *Store) ConversationPagesByPeer(ctx context.Context, peerIDs []int64, page PageRequest) (map[int64]Page[*domain.PeerConversation], error) {
	return peerConversationPages(ctx, s.db, "peer_conversation.peer_id", peerIDs, page,
		func(c *domain.PeerConversation) int64 { return c.PeerID })
}

// ConversationPagesByMember reads one page of each member's conversations,
// newest first, in one statement.
func (s *Store) ConversationPagesByMember(ctx context.Context, memberIDs []int64, page PageRequest) (map[int64]Page[*domain.PeerConversation], error) {
	return peerConversationPages(ctx, s.db, "peer_conversation.member_id", memberIDs, page,
		func(c *domain.PeerConversation) int64 { return c.MemberID })
}

// ConversationCountsByPeer counts each peer's conversations.
func (s *Store) ConversationCountsByPeer(ctx context.Context, peerIDs []int64) (map[int64]int, error) {
	q, err := scopeMembers(ctx, s.db.NewSelect().TableExpr("peer_conversations AS peer_conversation"), "peer_conversation.member_id")
	if err != nil {
		return nil, err
	}
	return childCounts(ctx, q, "peer_conversation.peer_id", peerIDs)
}

// ConversationCountsByMember counts each member's conversations.
func (s *Store) ConversationCountsByMember(ctx context.Context, memberIDs []int64) (map[int64]int, error) {
	q, err := scopeMembers(ctx, s.db.NewSelect().TableExpr("peer_conversations AS peer_conversation"), "peer_conversation.member_id")
	if err != nil {
		return nil, err
	}
	return childCounts(ctx, q, "peer_conversation.member_id", memberIDs)
}

// PeerConversationInput logs a one-on-one conversation.
type PeerConversationInput struct {
	PeerID          int64
	MemberID        int64
	OccurredAt      time.Time
	DurationMinutes int
	Channel         domain.ConversationChannel
	Note            string
}

// LogPeerConversation records a one-on-one conversation between a peer and
// a member. Any peer may have talked with any member: a pairing is not
// required, and nothing is locked, since a conversation changes no count.
func (s *Store) LogPeerConversation(ctx context.Context, by int64, in PeerConversationInput) (*domain.PeerConversation, error) {
	note, err := domain.CheckPeerConversation(in.OccurredAt, in.DurationMinutes, in.Channel, in.Note, s.Now())
	if err != nil {
		return nil, err
	}
	c := &domain.PeerConversation{PeerID: in.PeerID, MemberID: in.MemberID, OccurredAt: in.OccurredAt,
		DurationMinutes: in.DurationMinutes, Channel: in.Channel, Note: note, RecordedByUserID: userRef(by)}
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if err := peerRefExists(ctx, tx, "peers", in.PeerID, "peerId", "Peer not found."); err != nil {
			return err
		}
		if err := peerRefExists(ctx, tx, "members", in.MemberID, "memberId", "Member not found."); err != nil {
			return err
		}
		_, err := tx.NewInsert().Model(c).ExcludeColumn("id", "recorded_at").Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// peerRefExists reports a missing row as NOT_FOUND on the input field that named it.
func peerRefExists(ctx context.Context, tx bun.Tx, table string, id int64, field, message string) error {
	found, err := tx.NewSelect().Table(table).Where("id = ?", id).Exists(ctx)
	if err != nil {
		return err
	}
	if !found {
		return domain.FieldError(domain.CodeNotFound, field, message)
	}
	return nil
}

package store

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// PeerAssignmentsByID loads peer assignments by id.
func (s *Store) PeerAssignmentsByID(ctx context.Context, ids []int64) (map[int64]*domain.PeerAssignment, error) {
	return byIDs(ctx, s.db, ids, func(a *domain.PeerAssignment) int64 { return a.ID })
}

// CurrentAssignmentsByMemberID loads each member's current pairing alone
// (peer_assignments_one_current_idx allows one), for the member lists.
func (s *Store) CurrentAssignmentsByMemberID(ctx context.Context, ids []int64) (map[int64]*domain.PeerAssignment, error) {
	var rows []*domain.PeerAssignment
	err := s.db.NewSelect().Model(&rows).Where("member_id IN (?) AND ended_at IS NULL", bun.List(ids)).Scan(ctx)
	if err != nil {
		return nil, err
	}
	return indexBy(rows, func(a *domain.PeerAssignment) int64 { return a.MemberID }), nil
}

// peerCaseloadKeyset orders a peer's caseload longest first.
var peerCaseloadKeyset = keyset{expr: "peer_assignment.started_at", castType: "timestamptz", idColumn: "peer_assignment.id"}

func currentPeerAssignments(db bun.IDB) *bun.SelectQuery {
	return db.NewSelect().Model((*domain.PeerAssignment)(nil)).Where("peer_assignment.ended_at IS NULL")
}

// CaseloadPages reads one page of the current assignments of each peer,
// longest first, in one statement.
func (s *Store) CaseloadPages(ctx context.Context, peerIDs []int64, page PageRequest) (map[int64]Page[*domain.PeerAssignment], error) {
	base, err := scopeMembers(ctx, currentPeerAssignments(s.db), "peer_assignment.member_id")
	if err != nil {
		return nil, err
	}
	return childPages(ctx, base, "peer_assignment.peer_id", peerIDs, peerCaseloadKeyset, page,
		func(a *domain.PeerAssignment) int64 { return a.PeerID },
		func(a *domain.PeerAssignment) Cursor {
			return timeCursor(a.StartedAt, a.ID)
		})
}

// CaseloadCounts counts the current assignments of each peer in one grouped
// statement; peers with none are absent (zero). It is the peer's load
// against their limit, whoever asks: a number, not who the members are.
func (s *Store) CaseloadCounts(ctx context.Context, peerIDs []int64) (map[int64]int, error) {
	q := s.db.NewSelect().TableExpr("peer_assignments AS peer_assignment").Where("peer_assignment.ended_at IS NULL")
	return childCounts(ctx, q, "peer_assignment.peer_id", peerIDs)
}

// CaseloadPageCounts counts what the caseload pages hold for the request:
// the current assignments of each peer whose members the actor may see.
func (s *Store) CaseloadPageCounts(ctx context.Context, peerIDs []int64) (map[int64]int, error) {
	q, err := scopeMembers(ctx, s.db.NewSelect().TableExpr("peer_assignments AS peer_assignment").
		Where("peer_assignment.ended_at IS NULL"), "peer_assignment.member_id")
	if err != nil {
		return nil, err
	}
	return childCounts(ctx, q, "peer_assignment.peer_id", peerIDs)
}

// AssignPeerInput pairs a member with a peer.
type AssignPeerInput struct {
	MemberID  int64
	PeerID    int64
	StartedAt time.Time
	Focus     string
}

// peerChangedReason is the end reason of a pairing that a new one replaced.
const peerChangedReason = "Paired with another peer"

// AssignPeer pairs a member with a peer from StartedAt; the member's current
// pairing, if any, ends then. The peer's row lock makes concurrent
// assignments to one peer take turns, so each counts the caseload the
// previous one left and the last free place goes to exactly one of them.
// The member's row lock does the same for changes to one member's pairings.
// Locks are taken peer first, then member, in every write here.
func (s *Store) AssignPeer(ctx context.Context, by int64, in AssignPeerInput) (*domain.PeerAssignment, error) {
	focus, err := domain.CleanPeerFocus(in.Focus)
	if err != nil {
		return nil, err
	}
	var a *domain.PeerAssignment
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		peer, err := lockPeer(ctx, tx, in.PeerID)
		if err != nil {
			return err
		}
		if _, err := lockMember(ctx, tx, in.MemberID); err != nil {
			return err
		}
		latest, err := latestPeerAssignment(ctx, tx, in.MemberID)
		if err != nil {
			return err
		}
		caseload, err := peerCaseload(ctx, tx, peer.ID)
		if err != nil {
			return err
		}
		if err := domain.CheckPeerAssignment(peer, caseload, latest, in.StartedAt, s.Now()); err != nil {
			return err
		}
		if latest != nil && latest.Current() {
			reason := peerChangedReason
			if err := closePeerAssignment(ctx, tx, latest, by, in.StartedAt, &reason); err != nil {
				return err
			}
		}
		a = &domain.PeerAssignment{MemberID: in.MemberID, PeerID: peer.ID, StartedAt: in.StartedAt,
			Focus: focus, RecordedByUserID: userRef(by)}
		_, err = tx.NewInsert().Model(a).ExcludeColumn("id", "recorded_at").Returning("*").Exec(ctx)
		return err
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// EndPeerAssignmentInput ends a pairing.
type EndPeerAssignmentInput struct {
	AssignmentID int64
	EndedAt      time.Time
	Reason       string
}

// EndPeerAssignment ends a current pairing at EndedAt.
func (s *Store) EndPeerAssignment(ctx context.Context, by int64, in EndPeerAssignmentInput) (*domain.PeerAssignment, error) {
	reason, err := domain.CleanReason(in.Reason, false)
	if err != nil {
		return nil, err
	}
	// A pairing never changes member, so it can be read before the member's lock.
	found, err := s.PeerAssignmentsByID(ctx, []int64{in.AssignmentID})
	if err != nil {
		return nil, err
	}
	if found[in.AssignmentID] == nil {
		return nil, domain.FieldError(domain.CodeNotFound, "peerAssignmentId", "Peer assignment not found.")
	}
	var a *domain.PeerAssignment
	err = s.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if _, err := lockMember(ctx, tx, found[in.AssignmentID].MemberID); err != nil {
			return err
		}
		a = new(domain.PeerAssignment)
		if err := tx.NewSelect().Model(a).Where("id = ?", in.AssignmentID).Scan(ctx); err != nil {
			return err
		}
		if err := domain.CheckPeerAssignmentEnd(a, in.EndedAt, s.Now()); err != nil {
			return err
		}
		var why *string
		if reason != "" {
			why = &reason
		}
		return closePeerAssignment(ctx, tx, a, by, in.EndedAt, why)
	})
	if err != nil {
		return nil, err
	}
	return a, nil
}

// latestPeerAssignment is the member's pairing that began last, current or not.
func latestPeerAssignment(ctx context.Context, tx bun.Tx, memberID int64) (*domain.PeerAssignment, error) {
	var rows []*domain.PeerAssignment
	err := tx.NewSelect().Model(&rows).Where("member_id = ?", memberID).
		OrderExpr("started_at DESC, id DESC").Limit(1).Scan(ctx)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return rows[0], nil
}

func closePeerAssignment(ctx context.Context, tx bun.Tx, a *domain.PeerAssignment, by int64, at time.Time, reason *string) error {
	a.EndedAt, a.EndReason, a.EndedByUserID = &at, reason, userRef(by)
	_, err := tx.NewUpdate().Model(a).Column("ended_at", "end_reason", "ended_by_user_id").WherePK().Exec(ctx)
	return err
}

package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"carejourney/server/domain"
)

// The relations that give restricted actors access: a peer supporter's
// caseload and groups, a house manager's houses, the consents naming a
// family viewer or a partner. The rules that use them live in graph/access,
// which asks for them in one call (ReachOf); these queries only read the
// relations.

// Reacher is who a reach is loaded for: a user by the role that binds them
// to their relations (peer supporter, house manager, family), or a partner
// key (APIKeyID and PartnerID set).
type Reacher struct {
	Role      domain.Role
	UserID    int64
	APIKeyID  int64
	PartnerID int64
}

// Reach is what a reacher's relations reach.
type Reach struct {
	// PeerID is a peer supporter's own peer record.
	PeerID int64
	// Members are a peer supporter's current caseload and the current
	// members of the groups they facilitate (a facilitator knows who is in
	// the room), or a house manager's current residents.
	Members []int64
	// Groups are the groups a peer supporter facilitates (as a peer or as
	// a user), a house manager's house meetings, or for a family viewer
	// the FAMILY groups.
	Groups []int64
	// Houses are the houses a house manager manages.
	Houses []int64
	// Consents are every consent (active or not) naming a family viewer
	// (through their contacts) or a key (or its partner).
	Consents []*domain.ConsentRecord
}

// ReachOf loads what who's relations reach; nothing for anyone else.
func (s *Store) ReachOf(ctx context.Context, who Reacher) (*Reach, error) {
	switch {
	case who.APIKeyID != 0:
		consents, err := s.ConsentsNaming(ctx, ConsentRecipients{APIKeyID: &who.APIKeyID, PartnerID: &who.PartnerID})
		return &Reach{Consents: consents}, err
	case who.Role == domain.RolePeerSupporter:
		return s.peerReach(ctx, who.UserID)
	case who.Role == domain.RoleHouseManager:
		return s.houseManagerReach(ctx, who.UserID)
	case who.Role == domain.RoleFamily:
		consents, err := s.ConsentsNaming(ctx, ConsentRecipients{FamilyUserID: &who.UserID})
		if err != nil {
			return nil, err
		}
		groups, err := s.familyGroupIDs(ctx)
		return &Reach{Consents: consents, Groups: groups}, err
	}
	return &Reach{}, nil
}

func (s *Store) peerReach(ctx context.Context, userID int64) (*Reach, error) {
	var r struct {
		PeerID  sql.NullInt64 `bun:"peer_id"`
		Members []int64       `bun:"members,array"`
		Groups  []int64       `bun:"groups,array"`
	}
	err := s.db.NewRaw(`
		WITH me AS (SELECT id FROM peers WHERE user_id = ?0),
		facilitated AS (
			SELECT f.group_id FROM group_facilitators f
			WHERE f.user_id = ?0 OR f.peer_id = (SELECT id FROM me))
		SELECT (SELECT id FROM me) AS peer_id,
			ARRAY(SELECT a.member_id FROM peer_assignments a
				WHERE a.peer_id = (SELECT id FROM me) AND a.ended_at IS NULL
				UNION
				SELECT m.member_id FROM group_memberships m
				WHERE m.group_id IN (SELECT group_id FROM facilitated) AND m.left_at IS NULL) AS members,
			ARRAY(SELECT group_id FROM facilitated) AS groups`, userID).Scan(ctx, &r)
	if err != nil {
		return nil, fmt.Errorf("store: unable to load peer reach: %w", err)
	}
	return &Reach{PeerID: r.PeerID.Int64, Members: r.Members, Groups: r.Groups}, nil
}

func (s *Store) houseManagerReach(ctx context.Context, userID int64) (*Reach, error) {
	var r struct {
		Houses  []int64 `bun:"houses,array"`
		Members []int64 `bun:"members,array"`
		Groups  []int64 `bun:"groups,array"`
	}
	err := s.db.NewRaw(`
		WITH managed AS (SELECT id FROM houses WHERE manager_user_id = ?0)
		SELECT ARRAY(SELECT id FROM managed) AS houses,
			ARRAY(SELECT member_id FROM residencies
				WHERE house_id IN (SELECT id FROM managed) AND move_out_at IS NULL) AS members,
			ARRAY(SELECT id FROM groups WHERE house_id IN (SELECT id FROM managed)) AS groups`, userID).Scan(ctx, &r)
	if err != nil {
		return nil, fmt.Errorf("store: unable to load house manager reach: %w", err)
	}
	return &Reach{Houses: r.Houses, Members: r.Members, Groups: r.Groups}, nil
}

// familyGroupIDs lists the FAMILY groups, which family viewers may see.
func (s *Store) familyGroupIDs(ctx context.Context) ([]int64, error) {
	var ids []int64
	err := s.db.NewSelect().Table("groups").Column("id").Where("kind = ?", domain.GroupFamily).Scan(ctx, &ids)
	if err != nil {
		return nil, fmt.Errorf("store: unable to list family groups: %w", err)
	}
	return ids, nil
}

// Owner is what a record belongs to, for access checks on writes: the
// member whose record it is part of, or the group or house it belongs to.
type Owner struct {
	MemberID int64
	GroupID  int64
	HouseID  int64
}

// ownerQueries find the owner of a record by its kind.
var ownerQueries = map[domain.Record]string{
	domain.RecordCareEpisode:               "SELECT member_id FROM care_episodes WHERE id = ?",
	domain.RecordResidency:                 "SELECT member_id FROM residencies WHERE id = ?",
	domain.RecordPeerAssignment:            "SELECT member_id FROM peer_assignments WHERE id = ?",
	domain.RecordPeerConversation:          "SELECT member_id FROM peer_conversations WHERE id = ?",
	domain.RecordAftercarePlan:             "SELECT member_id FROM aftercare_plans WHERE id = ?",
	domain.RecordAftercareGoal:             "SELECT p.member_id FROM aftercare_goals g JOIN aftercare_plans p ON p.id = g.plan_id WHERE g.id = ?",
	domain.RecordAftercareCommitment:       "SELECT p.member_id FROM aftercare_commitments c JOIN aftercare_plans p ON p.id = c.plan_id WHERE c.id = ?",
	domain.RecordCheckIn:                   "SELECT p.member_id FROM check_ins c JOIN aftercare_plans p ON p.id = c.plan_id WHERE c.id = ?",
	domain.RecordRecoveryCapitalAssessment: "SELECT member_id FROM recovery_capital_assessments WHERE id = ?",
	domain.RecordUpdate:                    "SELECT member_id FROM updates WHERE id = ?",
	domain.RecordFamilyContact:             "SELECT member_id FROM family_contacts WHERE id = ?",
	domain.RecordConsent:                   "SELECT member_id FROM consents WHERE id = ?",
	domain.RecordMeeting:                   "SELECT group_id FROM meetings WHERE id = ?",
}

// OwnerOf finds what the record of kind with id belongs to. Members,
// groups and houses own themselves. found is false when no such record exists.
func (s *Store) OwnerOf(ctx context.Context, kind domain.Record, id int64) (owner Owner, found bool, err error) {
	switch kind {
	case domain.RecordMember:
		return Owner{MemberID: id}, true, nil
	case domain.RecordGroup:
		return Owner{GroupID: id}, true, nil
	case domain.RecordHouse:
		return Owner{HouseID: id}, true, nil
	}
	query, ok := ownerQueries[kind]
	if !ok {
		return Owner{}, false, nil
	}
	var ref int64
	if err := s.db.QueryRowContext(ctx, query, id).Scan(&ref); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return Owner{}, false, nil
		}
		return Owner{}, false, fmt.Errorf("store: unable to find the owner of a %s: %w", kind, err)
	}
	if kind == domain.RecordMeeting {
		return Owner{GroupID: ref}, true, nil
	}
	return Owner{MemberID: ref}, true, nil
}

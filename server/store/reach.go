package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/uptrace/bun"

	"carejourney/server/domain"
)

// The relations that give restricted actors access: a peer supporter's
// caseload and groups, a house manager's houses, the consents naming a
// family viewer or a partner. The rules that use them live in
// server/access; these queries only read the relations, one statement each.

// PeerReach is what a peer supporter's relations reach.
type PeerReach struct {
	PeerID int64
	// Members are the current caseload and the current members of the
	// groups the peer facilitates: a facilitator knows who is in the room.
	Members []int64
	// Groups are the groups the peer facilitates, as a peer or as a user.
	Groups []int64
}

// PeerReachOf loads the reach of the peer supporter signed in as userID.
func (s *Store) PeerReachOf(ctx context.Context, userID int64) (*PeerReach, error) {
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
	return &PeerReach{PeerID: r.PeerID.Int64, Members: r.Members, Groups: r.Groups}, nil
}

// HouseManagerReach is what a house manager's houses reach.
type HouseManagerReach struct {
	Houses []int64
	// Members are the current residents of those houses.
	Members []int64
	// Groups are the house meetings of those houses.
	Groups []int64
}

// HouseManagerReachOf loads the reach of the house manager signed in as userID.
func (s *Store) HouseManagerReachOf(ctx context.Context, userID int64) (*HouseManagerReach, error) {
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
	return &HouseManagerReach{Houses: r.Houses, Members: r.Members, Groups: r.Groups}, nil
}

// ConsentRecipient names who consents are looked up for: a family user
// (through the contacts they sign in as) or a partner key (by the key or
// its partner's name).
type ConsentRecipient struct {
	FamilyUserID int64
	APIKeyID     int64
	PartnerName  string
}

// NamedConsent is a consent with what its status depends on.
type NamedConsent struct {
	domain.Consent
	// TreatmentEndedAt is the member's first discharge at or after the
	// signature; nil while they have not left care since.
	TreatmentEndedAt *time.Time `bun:"treatment_ended_at"`
}

// ConsentsNaming loads the unrevoked consents that name a recipient. The
// caller derives each one's status with Consent.Status.
func (s *Store) ConsentsNaming(ctx context.Context, who ConsentRecipient) ([]*NamedConsent, error) {
	var rows []*NamedConsent
	q := s.db.NewSelect().TableExpr("consents AS c").ColumnExpr("c.*").
		ColumnExpr(`(SELECT min(e.ended_at) FROM care_episodes e
			WHERE e.member_id = c.member_id AND e.discharge_reason IS NOT NULL
			AND e.superseded_at IS NULL AND e.ended_at >= c.signed_at) AS treatment_ended_at`).
		Where("c.revoked_at IS NULL")
	switch {
	case who.FamilyUserID != 0:
		q = q.Where("c.family_contact_id IN (SELECT id FROM family_contacts WHERE user_id = ?)", who.FamilyUserID)
	case who.APIKeyID != 0:
		q = q.WhereGroup(" AND ", func(q *bun.SelectQuery) *bun.SelectQuery {
			return q.Where("c.api_key_id = ?", who.APIKeyID).
				WhereOr("lower(c.partner_name) = lower(?)", who.PartnerName)
		})
	default:
		return nil, nil
	}
	if err := q.OrderExpr("c.id").Scan(ctx, &rows); err != nil {
		return nil, fmt.Errorf("store: unable to load consents: %w", err)
	}
	return rows, nil
}

// FamilyGroupIDs lists the FAMILY groups, which family viewers may see.
func (s *Store) FamilyGroupIDs(ctx context.Context) ([]int64, error) {
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

// ownerQueries find the owner of a record by its type name.
var ownerQueries = map[string]string{
	"CareEpisode":               "SELECT member_id FROM care_episodes WHERE id = ?",
	"Residency":                 "SELECT member_id FROM residencies WHERE id = ?",
	"PeerAssignment":            "SELECT member_id FROM peer_assignments WHERE id = ?",
	"PeerConversation":          "SELECT member_id FROM peer_conversations WHERE id = ?",
	"AftercarePlan":             "SELECT member_id FROM aftercare_plans WHERE id = ?",
	"AftercareGoal":             "SELECT p.member_id FROM aftercare_goals g JOIN aftercare_plans p ON p.id = g.plan_id WHERE g.id = ?",
	"AftercareCommitment":       "SELECT p.member_id FROM aftercare_commitments c JOIN aftercare_plans p ON p.id = c.plan_id WHERE c.id = ?",
	"CheckIn":                   "SELECT p.member_id FROM check_ins c JOIN aftercare_plans p ON p.id = c.plan_id WHERE c.id = ?",
	"RecoveryCapitalAssessment": "SELECT member_id FROM recovery_capital_assessments WHERE id = ?",
	"Update":                    "SELECT member_id FROM updates WHERE id = ?",
	"FamilyContact":             "SELECT member_id FROM family_contacts WHERE id = ?",
	"Consent":                   "SELECT member_id FROM consents WHERE id = ?",
	"Meeting":                   "SELECT group_id FROM meetings WHERE id = ?",
}

// OwnerOf finds what the record of typeName with id belongs to. Members,
// groups and houses own themselves. found is false when no such record exists.
func (s *Store) OwnerOf(ctx context.Context, typeName string, id int64) (owner Owner, found bool, err error) {
	switch typeName {
	case "Member":
		return Owner{MemberID: id}, true, nil
	case "Group":
		return Owner{GroupID: id}, true, nil
	case "House":
		return Owner{HouseID: id}, true, nil
	}
	query, ok := ownerQueries[typeName]
	if !ok {
		return Owner{}, false, nil
	}
	var ref int64
	if err := s.db.QueryRowContext(ctx, query, id).Scan(&ref); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return Owner{}, false, nil
		}
		return Owner{}, false, fmt.Errorf("store: unable to find the owner of a %s: %w", typeName, err)
	}
	if typeName == "Meeting" {
		return Owner{GroupID: ref}, true, nil
	}
	return Owner{MemberID: ref}, true, nil
}

package access

import (
	"context"
	"sort"
	"time"

	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// Reach is what a relation-bound actor may touch:
//   - a peer supporter: the members on their current caseload and in the
//     groups they facilitate; those groups; their own peer record;
//   - a house manager: the current residents of the houses they manage;
//     those houses; their house meetings;
//   - a family viewer: the members whose active consent names one of the
//     contacts they sign in as, with the kinds consented; FAMILY groups;
//   - a partner key with members:read: the members whose active consent
//     names the key or its partner, with the kinds consented.
type Reach struct {
	Members map[int64]bool
	Kinds   map[int64][]domain.InformationKind
	Groups  map[int64]bool
	Houses  map[int64]bool
	PeerID  int64
	// Disclosures are the consents naming a family viewer or a key, one per
	// member, in member order.
	Disclosures []domain.Disclosure
}

func (r *Reach) memberIDs() []int64 {
	ids := make([]int64, 0, len(r.Members))
	for id := range r.Members {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

func set(ids []int64) map[int64]bool {
	m := make(map[int64]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}

// loadReach is the one way from the guard to the database: the actor's
// relations in one store call (store.ReachOf), then the rules of what they
// give (only active consents count; a family viewer reaches members only
// through the family portal's own types).
func loadReach(ctx context.Context, st *store.Store, a auth.Actor, now time.Time) (*Reach, error) {
	r := &Reach{Members: map[int64]bool{}, Kinds: map[int64][]domain.InformationKind{}, Groups: map[int64]bool{}, Houses: map[int64]bool{}}
	who, bound := reacherOf(a)
	if !bound {
		return r, nil
	}
	rel, err := st.ReachOf(ctx, who)
	if err != nil {
		return nil, err
	}
	r.PeerID, r.Members, r.Groups, r.Houses = rel.PeerID, set(rel.Members), set(rel.Groups), set(rel.Houses)
	r.Disclosures = domain.ActiveDisclosures(rel.Consents, now)
	for _, d := range r.Disclosures {
		r.Kinds[d.MemberID] = d.Kinds
		if who.Role != domain.RoleFamily {
			r.Members[d.MemberID] = true
		}
	}
	return r, nil
}

// reacherOf is who the actor's reach is loaded for; bound is false for an
// actor no relation bounds (the care team reaches everyone, others no one).
func reacherOf(a auth.Actor) (who store.Reacher, bound bool) {
	switch {
	case a.Viewer != nil:
		switch a.Viewer.User.Role {
		case domain.RolePeerSupporter, domain.RoleHouseManager, domain.RoleFamily:
			return store.Reacher{Role: a.Viewer.User.Role, UserID: a.Viewer.User.ID}, true
		}
	case a.Key != nil && a.Key.HasScope(domain.ScopeMembersRead):
		return store.Reacher{APIKeyID: a.Key.ID, PartnerID: a.Key.PartnerID}, true
	}
	return store.Reacher{}, false
}

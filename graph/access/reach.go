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

func loadReach(ctx context.Context, st *store.Store, a auth.Actor, now time.Time) (*Reach, error) {
	r := &Reach{Members: map[int64]bool{}, Kinds: map[int64][]domain.InformationKind{}, Groups: map[int64]bool{}, Houses: map[int64]bool{}}
	switch {
	case a.Viewer != nil && a.Viewer.User.Role == domain.RolePeerSupporter:
		p, err := st.PeerReachOf(ctx, a.Viewer.User.ID)
		if err != nil {
			return nil, err
		}
		r.PeerID, r.Members, r.Groups = p.PeerID, set(p.Members), set(p.Groups)
	case a.Viewer != nil && a.Viewer.User.Role == domain.RoleHouseManager:
		h, err := st.HouseManagerReachOf(ctx, a.Viewer.User.ID)
		if err != nil {
			return nil, err
		}
		r.Members, r.Houses, r.Groups = set(h.Members), set(h.Houses), set(h.Groups)
	case a.Viewer != nil && a.Viewer.User.Role == domain.RoleFamily:
		if err := r.addConsents(ctx, st, store.ConsentRecipients{FamilyUserID: &a.Viewer.User.ID}, now); err != nil {
			return nil, err
		}
		groups, err := st.FamilyGroupIDs(ctx)
		if err != nil {
			return nil, err
		}
		r.Groups = set(groups)
		// A family viewer reaches shared members only through the family
		// portal's own types, never as member records.
		r.Members = map[int64]bool{}
	case a.Key != nil && a.Key.HasScope(domain.ScopeMembersRead):
		who := store.ConsentRecipients{APIKeyID: &a.Key.ID, PartnerID: &a.Key.PartnerID}
		if err := r.addConsents(ctx, st, who, now); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// addConsents adds the members whose active consents name the recipient,
// with the union of the kinds those consents cover.
func (r *Reach) addConsents(ctx context.Context, st *store.Store, who store.ConsentRecipients, now time.Time) error {
	consents, err := st.ConsentsNaming(ctx, who)
	if err != nil {
		return err
	}
	r.Disclosures = domain.ActiveDisclosures(consents, now)
	for _, d := range r.Disclosures {
		r.Members[d.MemberID] = true
		r.Kinds[d.MemberID] = d.Kinds
	}
	return nil
}

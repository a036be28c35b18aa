package access

import (
	"context"
	"slices"
	"sync"
	"time"

	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// Guard answers access questions for one request. It loads the actor's
// reach at most once, when a question first needs it, and never caches
// across requests: a revoked consent or a moved-out resident stops counting
// on the next request.
type Guard struct {
	actor    auth.Actor
	audience Audience
	store    *store.Store
	now      time.Time

	once  sync.Once
	reach *Reach
	err   error
}

// NewGuard returns the guard of a request made by actor.
func NewGuard(actor auth.Actor, st *store.Store, now time.Time) *Guard {
	return &Guard{actor: actor, audience: AudienceOf(actor), store: st, now: now}
}

type guardKey struct{}

// WithGuard returns ctx carrying g.
func WithGuard(ctx context.Context, g *Guard) context.Context {
	return context.WithValue(ctx, guardKey{}, g)
}

// From returns the request's guard. Outside a request (background jobs,
// tests of lower layers) it returns a guard for nobody, which admits nothing
// but what is open to everyone.
func From(ctx context.Context) *Guard {
	if g, ok := ctx.Value(guardKey{}).(*Guard); ok {
		return g
	}
	return &Guard{audience: Anonymous}
}

// For returns a new guard for actor, at the same time and over the same
// store as g, which it leaves as it was: the payload of a sign-in is read
// as the account signed in, while the request itself stays the caller's.
func (g *Guard) For(actor auth.Actor) *Guard {
	return NewGuard(actor, g.store, g.now)
}

// Actor is who the guard speaks for.
func (g *Guard) Actor() auth.Actor { return g.actor }

// Audience is the actor's audiences.
func (g *Guard) Audience() Audience { return g.audience }

// Unbounded reports whether the actor reaches every member (the care team),
// so no row needs checking.
func (g *Guard) Unbounded() bool { return Care.Admits(g.audience) }

// Reach returns the actor's reach, loading it on first use.
func (g *Guard) Reach(ctx context.Context) (*Reach, error) {
	g.once.Do(func() { g.reach, g.err = loadReach(ctx, g.store, g.actor, g.now) })
	return g.reach, g.err
}

// MemberScope returns the members a bounded actor reaches, for lists that
// filter in the database; bounded is false when the actor reaches everyone.
func (g *Guard) MemberScope(ctx context.Context) (ids []int64, bounded bool, err error) {
	if g.Unbounded() {
		return nil, false, nil
	}
	r, err := g.Reach(ctx)
	if err != nil {
		return nil, true, err
	}
	return r.memberIDs(), true, nil
}

// MemberScopeCovering is MemberScope for a list narrowed or ordered by
// kinds of information: a partner key's scope is cut to the members whose
// consent covers every one of kinds. Other actors are not bound by kinds.
func (g *Guard) MemberScopeCovering(ctx context.Context, kinds []domain.InformationKind) (ids []int64, bounded bool, err error) {
	ids, bounded, err = g.MemberScope(ctx)
	if err != nil || !bounded || !g.KindBound() || len(kinds) == 0 {
		return ids, bounded, err
	}
	r, err := g.Reach(ctx)
	if err != nil {
		return nil, true, err
	}
	covered := ids[:0:0]
	for _, id := range ids {
		if coversAll(r.Kinds[id], kinds) {
			covered = append(covered, id)
		}
	}
	return covered, true, nil
}

func coversAll(have, want []domain.InformationKind) bool {
	for _, k := range want {
		if !slices.Contains(have, k) {
			return false
		}
	}
	return true
}

// RowScope is the actor's row rules for member-owned lists in SQL (see
// store.RowScope): the members they reach and, for anyone outside the care
// team, no internal notes but their own. It agrees with CanSee, so a list's
// count and pages tell only of rows the actor sees.
func (g *Guard) RowScope(ctx context.Context) (store.RowScope, error) {
	if g.Unbounded() {
		return store.RowScope{}, nil
	}
	ids, _, err := g.MemberScope(ctx)
	if err != nil {
		return store.RowScope{}, err
	}
	if ids == nil {
		ids = []int64{}
	}
	var self int64
	if g.actor.Viewer != nil {
		self = g.actor.Viewer.User.ID
	}
	return store.RowScope{Members: ids, NotesOf: &self}, nil
}

// KindBound reports whether what the actor sees of a member is bound by
// the kinds of information the member's consents cover: a partner key.
func (g *Guard) KindBound() bool { return g.actor.Key != nil }

// CanSeeMember reports whether the actor may read the record of member id.
func (g *Guard) CanSeeMember(ctx context.Context, id int64) (bool, error) {
	if g.Unbounded() {
		return true, nil
	}
	if !(Staff | MembersKey).Admits(g.audience) {
		return false, nil
	}
	r, err := g.Reach(ctx)
	if err != nil {
		return false, err
	}
	return r.Members[id], nil
}

// CanSeeField reports whether the actor may read typeName.field of parent
// (the object the field belongs to, nil when not known).
func (g *Guard) CanSeeField(ctx context.Context, typeName, field string, parent any) (bool, error) {
	aud, known := FieldAudience(typeName, field)
	if !known {
		return false, nil
	}
	if !aud.Admits(g.audience) {
		// A user reads some fields of their own account only.
		u, own := parent.(*domain.User)
		return own && OwnField(typeName, field) && g.isSelf(u), nil
	}
	kind, gated := KindOf(typeName, field)
	if !gated || Staff.Admits(g.audience) || g.actor.Key == nil {
		return true, nil
	}
	// A partner key reaches consent-bound fields only for what the member's
	// consent covers.
	m, ok := parent.(*domain.Member)
	if !ok {
		return false, nil
	}
	r, err := g.Reach(ctx)
	if err != nil {
		return false, err
	}
	return slices.Contains(r.Kinds[m.ID], kind), nil
}

// CanSee reports whether the actor may see obj, a value a field resolved
// to, by the row rules. Type and field rules are checked apart.
func (g *Guard) CanSee(ctx context.Context, obj any) (bool, error) {
	if g.Unbounded() || IsNil(obj) {
		return true, nil // nothing to see: it shows as null
	}
	switch v := obj.(type) {
	case *domain.Update:
		if Family.Admits(g.audience) {
			return g.sharedUpdate(ctx, v)
		}
		if !g.mayReadNote(v) {
			return false, nil
		}
		return g.canSeeRecord(ctx, v)
	case domain.MemberOwned:
		return g.canSeeRecord(ctx, v)
	case *domain.User:
		return g.canSeeUser(v), nil
	case *domain.Partner:
		// A key sees its own partner; the care team sees every partner.
		return g.actor.Key != nil && g.actor.Key.PartnerID == v.ID, nil
	case *domain.Group:
		if Family.Admits(g.audience) {
			return v.Kind == domain.GroupFamily, nil
		}
		return true, nil
	case *domain.Meeting:
		if Family.Admits(g.audience) {
			r, err := g.Reach(ctx)
			return err == nil && r.Groups[v.GroupID], err
		}
		return true, nil
	}
	return true, nil
}

// canSeeRecord applies the member's reach to a record of theirs and, for a
// partner key, the consent's kinds to the record's own kind: an episode is
// care-level information wherever it is reached (through node, a list or
// another record), and a record of no kind is never shown to a key.
func (g *Guard) canSeeRecord(ctx context.Context, rec domain.MemberOwned) (bool, error) {
	ok, err := g.CanSeeMember(ctx, rec.OwnerMemberID())
	if err != nil || !ok || !g.KindBound() {
		return ok, err
	}
	if _, isMember := rec.(*domain.Member); isMember {
		return true, nil // its fields carry their kinds (the policy's Kinds)
	}
	kind, hasKind := domain.KindOf(rec)
	if !hasKind {
		return false, nil
	}
	r, err := g.Reach(ctx)
	if err != nil {
		return false, err
	}
	if u, isUpdate := rec.(*domain.Update); isUpdate {
		return domain.SharesUpdate(r.Kinds[u.MemberID], u), nil
	}
	return slices.Contains(r.Kinds[rec.OwnerMemberID()], kind), nil
}

// canSeeUser keeps accounts from being a directory: a user sees their own
// account; staff see staff accounts (their colleagues' names, for "recorded
// by"); family accounts are seen by the care team only, who record their
// consents (Unbounded actors never reach here); keys see no account.
func (g *Guard) canSeeUser(u *domain.User) bool {
	switch {
	case g.isSelf(u):
		return true
	case g.actor.Viewer == nil || Family.Admits(g.audience):
		return false
	}
	return u.Role != domain.RoleFamily
}

func (g *Guard) isSelf(u *domain.User) bool {
	return u != nil && g.actor.Viewer != nil && g.actor.Viewer.User.ID == u.ID
}

// SharedKinds returns what a member consented to share with the family
// viewer; nil when nothing (or the actor is not a family viewer).
func (g *Guard) SharedKinds(ctx context.Context, memberID int64) ([]domain.InformationKind, error) {
	if !Family.Admits(g.audience) {
		return nil, nil
	}
	r, err := g.Reach(ctx)
	if err != nil {
		return nil, err
	}
	return r.Kinds[memberID], nil
}

// mayReadNote keeps internal notes, which may be clinical, to the care team
// and their authors; peer supporters and house managers see journey events,
// shareable notes and their own.
func (g *Guard) mayReadNote(u *domain.Update) bool {
	if u.Kind != domain.UpdateNote || u.Shareable || Care.Admits(g.audience) {
		return true
	}
	return g.actor.Viewer != nil && u.AuthorUserID != nil && *u.AuthorUserID == g.actor.Viewer.User.ID
}

func (g *Guard) sharedUpdate(ctx context.Context, u *domain.Update) (bool, error) {
	kinds, err := g.SharedKinds(ctx, u.MemberID)
	if err != nil {
		return false, err
	}
	return domain.SharesUpdate(kinds, u), nil
}

// CanWrite reports whether a bounded actor may name the record of typeName
// with id as the target of a mutation: a member they reach (or a record of
// one), a house they manage, a group they facilitate or whose house they
// manage, or, for a peer supporter, their own peer record. An unknown record
// answers false, so a denial says nothing about what exists.
func (g *Guard) CanWrite(ctx context.Context, typeName string, id int64) (bool, error) {
	if g.Unbounded() {
		return true, nil
	}
	r, err := g.Reach(ctx)
	if err != nil {
		return false, err
	}
	if typeName == "Peer" {
		return r.PeerID != 0 && r.PeerID == id, nil
	}
	kind, ok := RecordOf(typeName)
	if !ok {
		return false, nil
	}
	owner, found, err := g.store.OwnerOf(ctx, kind, id)
	if err != nil || !found {
		return false, err
	}
	switch {
	case owner.MemberID != 0:
		return r.Members[owner.MemberID], nil
	case owner.GroupID != 0:
		return r.Groups[owner.GroupID], nil
	case owner.HouseID != 0:
		return r.Houses[owner.HouseID], nil
	}
	return false, nil
}

// Package access is who may see and do what: one place for the rules of
// least privilege. The policy tables (policy.go) say which audiences may use
// each root field, mutation, type and field; reach (reach.go) says which
// members' records a relation-bound actor (a peer supporter, a house manager,
// a family viewer, a partner key) may touch. The GraphQL layer enforces both
// for every field of every request; nothing here knows about HTTP.
package access

import (
	"carejourney/server/auth"
	"carejourney/server/domain"
)

// Audience is a set of kinds of actor. A rule lists the audiences it admits;
// an actor belongs to one audience per role or per scope of its key.
type Audience uint32

// The audiences.
const (
	Admin Audience = 1 << iota
	CaseManager
	Clinician
	PeerSupporter
	HouseManager
	Family
	DirectoryKey // a partner key with directory:read
	OutcomesKey  // a partner key with outcomes:read
	MembersKey   // a partner key with members:read
	Anonymous
)

// Useful unions.
const (
	// Care is the clinical team: all members, all operations but user and key management.
	Care = Admin | CaseManager | Clinician
	// Staff is everyone who works for the provider.
	Staff = Care | PeerSupporter | HouseManager
	// Users is everyone who signs in.
	Users = Staff | Family
	// Keys are partner tools, whatever their scopes.
	Keys = DirectoryKey | OutcomesKey | MembersKey
	// SignedIn is every authenticated actor.
	SignedIn = Users | Keys
	// Everyone includes requests with no session and no key.
	Everyone = SignedIn | Anonymous
)

var roleAudience = map[domain.Role]Audience{
	domain.RoleAdmin:         Admin,
	domain.RoleCaseManager:   CaseManager,
	domain.RoleClinician:     Clinician,
	domain.RolePeerSupporter: PeerSupporter,
	domain.RoleHouseManager:  HouseManager,
	domain.RoleFamily:        Family,
}

var scopeAudience = map[domain.Scope]Audience{
	domain.ScopeDirectoryRead: DirectoryKey,
	domain.ScopeOutcomesRead:  OutcomesKey,
	domain.ScopeMembersRead:   MembersKey,
}

// RoleAudience is the audience of the accounts of a role.
func RoleAudience(r domain.Role) Audience { return roleAudience[r] }

// ScopeAudience is the audience of the keys holding a scope.
func ScopeAudience(s domain.Scope) Audience { return scopeAudience[s] }

// AudienceOf returns the audiences an actor belongs to.
func AudienceOf(a auth.Actor) Audience {
	switch {
	case a.Viewer != nil:
		return roleAudience[a.Viewer.User.Role]
	case a.Key != nil:
		var aud Audience
		for _, s := range a.Key.Scopes {
			aud |= scopeAudience[s]
		}
		return aud
	}
	return Anonymous
}

// Admits reports whether any of the actor's audiences is in the rule's.
func (rule Audience) Admits(actor Audience) bool { return rule&actor != 0 }

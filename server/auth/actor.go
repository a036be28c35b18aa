package auth

import (
	"context"
	"strconv"

	"carejourney/server/domain"
)

type keyKey struct{}

// WithKey returns ctx carrying the partner key the request authenticated with.
func WithKey(ctx context.Context, k *domain.APIKey) context.Context {
	return context.WithValue(ctx, keyKey{}, k)
}

// KeyFrom returns the request's API key, nil when it came without one.
func KeyFrom(ctx context.Context) *domain.APIKey {
	k, _ := ctx.Value(keyKey{}).(*domain.APIKey)
	return k
}

// Actor is whoever makes a request: a signed-in user, a partner tool's key,
// or nobody. At most one of Viewer and Key is set.
type Actor struct {
	Viewer *Viewer
	Key    *domain.APIKey
}

// ActorFrom returns the request's actor.
func ActorFrom(ctx context.Context) Actor {
	return Actor{Viewer: ViewerFrom(ctx), Key: KeyFrom(ctx)}
}

// Anonymous reports whether nobody is signed in and no key was sent.
func (a Actor) Anonymous() bool { return a.Viewer == nil && a.Key == nil }

// Ref names the actor for rate limits and logs: "user:12", "key:3", or ""
// for nobody. It carries no personal data.
func (a Actor) Ref() string {
	switch {
	case a.Viewer != nil:
		return "user:" + strconv.FormatInt(a.Viewer.User.ID, 10)
	case a.Key != nil:
		return "key:" + strconv.FormatInt(a.Key.ID, 10)
	}
	return ""
}

// Role is the signed-in user's role, "" for keys and nobody.
func (a Actor) Role() domain.Role {
	if a.Viewer == nil {
		return ""
	}
	return a.Viewer.User.Role
}

// Package graph is the GraphQL API: the schema in schema/, the generated
// executor in generated/, and thin resolvers that decode arguments, call the
// store and return what it gives. Lists resolve through per-request loaders.
package graph

import (
	"carejourney/server/auth"
	"carejourney/server/store"
)

// Resolver wires the resolvers to their dependencies.
type Resolver struct {
	Store    *store.Store
	Sessions *auth.Sessions
	// PublicURL is the app's address as people reach it, for invitation links.
	PublicURL string
}

// Package graph is the GraphQL API: the schema in schema/, the generated
// executor in generated/, and thin resolvers that decode arguments, call the
// store and return what it gives. Lists resolve through per-request loaders.
package graph

import (
	"github.com/99designs/gqlgen/graphql"

	"carejourney/graph/generated"
	"carejourney/server/auth"
	"carejourney/server/store"
)

// NewSchema is the executable schema over the resolvers, for
// middleware.NewHandler to serve; publicURL is where invitation links point.
func NewSchema(st *store.Store, sessions *auth.Sessions, publicURL string) graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{Schema: Schema(), Resolvers: &Resolver{Store: st, Sessions: sessions, PublicURL: publicURL}})
}

// Resolver wires the resolvers to their dependencies.
type Resolver struct {
	Store    *store.Store
	Sessions *auth.Sessions
	// PublicURL is the app's address as people reach it, for invitation links.
	PublicURL string
}

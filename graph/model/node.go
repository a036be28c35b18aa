// Package model holds the GraphQL types that have no domain counterpart:
// payloads, inputs, connections. Most of it is generated (models_gen.go).
package model

// Node is any object with a global ID. Domain types stay free of GraphQL
// methods, so the interface is empty and the generated code switches on the
// concrete types the schema lists as implementing Node.
type Node interface{}

// Facilitator is a peer (*domain.Peer) or a staff user (*domain.User) who
// leads a group or a meeting.
type Facilitator interface{}

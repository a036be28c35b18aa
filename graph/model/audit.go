package model

import (
	"carejourney/server/audit"
	"carejourney/server/domain"
)

// The connections of user administration and the audit log.
type (
	UserConnection       = Connection[*domain.User]
	UserEdge             = Edge[*domain.User]
	AuditEventConnection = Connection[*audit.Event]
	AuditEventEdge       = Edge[*audit.Event]
	DisclosureConnection = Connection[*audit.Disclosure]
	DisclosureEdge       = Edge[*audit.Disclosure]
)

// AuditNode hands the audit log an edge's node, so reading edges of a
// connection counts as reading their nodes.
func (e *Edge[T]) AuditNode() any { return e.Node }

// Package middleware is what every GraphQL request passes through around
// the resolvers of package graph: the handler wiring (handler.go), GraphQL
// over HTTP (overhttp.go), the one field interceptor (fields.go) with the
// access rules (access.go, one_actor.go), the audit trail (audit.go) and
// the actual cost (limits.go), the limits checked before an operation runs
// (limits.go, expensive.go, introspection.go, text_input.go, querycache.go),
// the error presenter (present_error.go) and what operations tell the
// metrics (metrics.go, through package metrics: no Prometheus type here). It does not import package
// graph: the resolvers come in as the executable schema (graph.NewSchema).
package middleware

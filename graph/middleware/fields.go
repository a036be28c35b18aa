package middleware

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
)

// aroundFields is the one interceptor every field of every operation
// passes through, in this order: the actual cost (limits.go), the
// expensive-field gate (expensive.go), the audit trail (audit.go) and the
// access rules (access.go). The audit is outside the rules, so that reads
// are noted after the row rules dropped what the actor may not see, and
// refusals are seen; the cost is outside both, so that a list counts the
// rows it kept. One interceptor rather than four, because each looked the
// field up again in a context chain as deep as the query, for every field
// of the response (a house board has some 6,000), and closures only where
// a field is expensive. The cost is counted only where a field can be
// priced: fields with a selection and resolvers, not the struct fields
// that are most leaves.
func aroundFields(auditing bool) graphql.FieldMiddleware {
	return func(ctx context.Context, next graphql.Resolver) (any, error) {
		fc := graphql.GetFieldContext(ctx)
		if fc.Field.Field == nil {
			return checked(ctx, fc, next, auditing)
		}
		var res any
		var err error
		if fc.IsResolver && expensive(fc.Object, fc.Field.Name) {
			res, err = gateField(ctx, func(ctx context.Context) (any, error) { return checked(ctx, fc, next, auditing) })
		} else {
			res, err = checked(ctx, fc, next, auditing)
		}
		res = absentAsNull(fc, res)
		if fc.IsResolver || len(fc.Field.Selections) > 0 {
			countField(ctx, fc, res)
		}
		return res, err
	}
}

// absentAsNull answers null for an optional String that holds "": an
// absent optional string is null in the API, never "" (issue 12). The
// database keeps absent text as NULL (migrations 0008 and 0009), but a
// Go string reads NULL as "", and audit rows older than 0009 may hold "".
// One place, so every optional String field, today's and tomorrow's, says
// it the same way.
func absentAsNull(fc *graphql.FieldContext, res any) any {
	def := fc.Field.Definition
	if def == nil || def.Type.NonNull || def.Type.NamedType != "String" {
		return res
	}
	switch v := res.(type) {
	case string:
		if v == "" {
			return nil
		}
	case *string:
		if v != nil && *v == "" {
			return nil
		}
	}
	return res
}

// checked resolves the field under the access rules, and notes it.
func checked(ctx context.Context, fc *graphql.FieldContext, next graphql.Resolver, auditing bool) (any, error) {
	res, err := authorize(ctx, fc, next)
	if !auditing {
		return res, err
	}
	return noteField(ctx, fc, res, err)
}

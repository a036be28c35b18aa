package middleware

import (
	"context"
	"net/http"
	"reflect"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"

	"carejourney/graph/access"
	"carejourney/graph/globalid"
	"carejourney/graph/model"
	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/store"
)

// The GraphQL side of the access model (graph/access holds the rules).
// authorize runs around every field of every operation: before a field
// resolves it checks the root field, mutation, type and field rules; after,
// it drops what the row rules say the actor may not see. Lists lose the
// rows; a single object becomes null with the same NOT_FOUND an unknown ID
// gives, so a denial never tells whether a record exists.

// guardRequests gives every request its access guard, after authentication
// put the actor in the context.
func guardRequests(st *store.Store) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx := r.Context()
			g := access.NewGuard(auth.ActorFrom(ctx), st, time.Now())
			ctx = store.WithRowScope(access.WithGuard(ctx, g), g.RowScope)
			next.ServeHTTP(w, r.WithContext(ctx))
		})
	}
}

var (
	errSignInFirst = domain.Errorf(domain.CodeUnauthenticated, "Sign in first.")
	errForbidden   = domain.Errorf(domain.CodeForbidden, "You are not allowed to see or do this.")
	errEnrollFirst = domain.Errorf(domain.CodeTOTPEnrollmentRequired,
		"Your role requires two-factor sign-in: enroll first (beginTotpEnrollment, then confirmTotpEnrollment).")
)

func authorize(ctx context.Context, fc *graphql.FieldContext, next graphql.Resolver) (any, error) {
	ctx, g := readAs(ctx, fc)
	if strings.HasPrefix(fc.Object, "__") || strings.HasPrefix(fc.Field.Name, "__") {
		return next(ctx) // introspection: ruled by the introspection setting
	}
	if err := allowField(ctx, g, fc); err != nil {
		return nil, err
	}
	if len(fc.Field.Selections) > 0 {
		// The guard again, near the top of the context the field's own
		// fields resolve in: each looks it up, and the request's value
		// lies under a layer or more per level of the query.
		ctx = access.WithGuard(ctx, g)
	}
	res, err := next(ctx)
	if err != nil || access.IsNil(res) || g.Unbounded() {
		return res, err
	}
	return visibleOnly(ctx, g, fc, res)
}

// allowField applies the root field, mutation, type and field rules.
func allowField(ctx context.Context, g *access.Guard, fc *graphql.FieldContext) error {
	aud := g.Audience()
	deny := errForbidden
	if aud == access.Anonymous {
		deny = errSignInFirst
	}
	switch fc.Object {
	case "Query", "Mutation":
		if v := g.Actor().Viewer; v != nil && v.TOTPEnrollmentRequired && !access.OpenDuringEnrollment[fc.Object+"."+fc.Field.Name] {
			return errEnrollFirst
		}
	}
	switch fc.Object {
	case "Query":
		if !access.Queries[fc.Field.Name].Admits(aud) {
			return deny
		}
		return nil
	case "Mutation":
		rule, ok := access.Mutations[fc.Field.Name]
		if !ok || !rule.Audience.Admits(aud) {
			return deny
		}
		return allowTargets(ctx, g, fc, rule.Targets)
	}
	ok, err := g.CanSeeField(ctx, fc.Object, fc.Field.Name, parentObject(fc))
	if err != nil {
		return err
	}
	if !ok {
		return deny
	}
	return nil
}

// allowTargets checks that a bounded actor reaches every record a mutation
// names in its targeted input fields. An ID of the wrong form is left to the
// resolver, which reports it as bad input.
func allowTargets(ctx context.Context, g *access.Guard, fc *graphql.FieldContext, targets []string) error {
	if g.Unbounded() || len(targets) == 0 {
		return nil
	}
	args := fc.Field.ArgumentMap(graphql.GetOperationContext(ctx).Variables)
	input, _ := args["input"].(map[string]any)
	for _, path := range targets {
		for _, id := range idsAt(input, strings.Split(path, ".")) {
			typeName, _, err := globalid.Decode(id)
			if err != nil {
				continue
			}
			n, err := globalid.DecodeInt(id, typeName)
			if err != nil {
				continue
			}
			ok, err := g.CanWrite(ctx, typeName, n)
			if err != nil {
				return err
			}
			if !ok {
				return domain.FieldError(domain.CodeNotFound, path, "No record has this ID, or you may not change it.")
			}
		}
	}
	return nil
}

// idsAt collects the string values at path in a decoded input, walking
// through lists.
func idsAt(v any, path []string) []string {
	switch x := v.(type) {
	case []any:
		var out []string
		for _, item := range x {
			out = append(out, idsAt(item, path)...)
		}
		return out
	case map[string]any:
		if len(path) == 0 {
			return nil
		}
		return idsAt(x[path[0]], path[1:])
	case string:
		if len(path) == 0 {
			return []string{x}
		}
	}
	return nil
}

// parentObject is the object the field being resolved belongs to.
func parentObject(fc *graphql.FieldContext) any {
	if fc.Parent == nil {
		return nil
	}
	return listItem(fc.Parent.Result)
}

// listItem unwraps the pointer to a list element that gqlgen keeps as a
// list item's result (&v[i]).
func listItem(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().Kind() == reflect.Pointer {
		return rv.Elem().Interface()
	}
	if rv.Kind() == reflect.Pointer && !rv.IsNil() && rv.Elem().Kind() == reflect.Interface {
		return rv.Elem().Interface()
	}
	return v
}

// filterable is a connection whose rows can be narrowed.
type filterable interface {
	Keep(func(node any) (bool, error)) error
}

// visibleOnly applies the row rules to what a field resolved to.
func visibleOnly(ctx context.Context, g *access.Guard, fc *graphql.FieldContext, res any) (any, error) {
	root := fc.Object == "Query"
	planned := func(obj any) (bool, error) {
		// A plan's goals, commitments and check-ins are reached through
		// their plan, whose member was checked; fetched alone by ID, their
		// plan's member decides.
		if p, ok := obj.(domain.PlanOwned); ok && root {
			return g.CanWrite(ctx, "AftercarePlan", p.OwnerPlanID())
		}
		return g.CanSee(ctx, obj)
	}
	if conn, ok := res.(filterable); ok {
		return res, conn.Keep(planned)
	}
	rv := reflect.ValueOf(res)
	if rv.Kind() == reflect.Slice && (rv.Type().Elem().Kind() == reflect.Pointer || rv.Type().Elem().Kind() == reflect.Interface) {
		kept := reflect.MakeSlice(rv.Type(), 0, rv.Len())
		for i := range rv.Len() {
			item := rv.Index(i)
			if item.IsNil() { // nodes(ids) keeps its nulls
				kept = reflect.Append(kept, item)
				continue
			}
			ok, err := planned(item.Interface())
			if err != nil {
				return nil, err
			}
			switch {
			case ok:
				kept = reflect.Append(kept, item)
			case fc.Field.Name == "nodes" && root:
				// nodes answers in the order asked: a hidden one is a null
				// with the error an unknown ID gets.
				ids, _ := fc.Args["ids"].([]string)
				graphql.AddError(graphql.WithFieldContext(ctx, &graphql.FieldContext{Parent: fc, Index: &i}), NotFound(ids[i]))
				kept = reflect.Append(kept, reflect.Zero(rv.Type().Elem()))
			}
		}
		return kept.Interface(), nil
	}
	ok, err := planned(res)
	if err != nil {
		return nil, err
	}
	if !ok {
		if id, isID := fc.Args["id"].(string); isID && root {
			return nil, NotFound(id)
		}
		return nil, notFoundError()
	}
	return res, nil
}

// NotFound is the error of an ID that names nothing the actor may see:
// the same whether the record is hidden or does not exist.
func NotFound(id string) error {
	return domain.Errorf(domain.CodeNotFound, "Nothing has the ID %q.", id)
}

func notFoundError() error {
	return domain.Errorf(domain.CodeNotFound, "No record has this ID, or you may not see it.")
}

var _ filterable = (*model.MemberConnection)(nil)

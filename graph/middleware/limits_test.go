package middleware

import (
	"context"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2"

	"carejourney/graph/cost"
	"carejourney/server/auth"
	"carejourney/server/domain"
	"carejourney/server/requestinfo"
	"carejourney/server/testgql"
)

// TestLimitsCostOfRealQueries prices queries of the app and of the tests
// against the real schema, with the real list sizes.
func TestLimitsCostOfRealQueries(t *testing.T) {
	schema := executableSchema()
	for _, tc := range []struct {
		query       string
		cost, depth int
	}{
		{`{ members(first: 50) { totalCount nodes { id displayName status } } }`, 2 + 50*1 + 1, 3},
		// outcomes is priced by its aggregate, and its aliases add up.
		{`{ a: outcomes(period: {startOn: "2025-01-01", endOn: "2026-01-01"}) { admissions { value } } b: outcomes(period: {startOn: "2024-01-01", endOn: "2024-01-31"}) { discharges { value } } }`,
			2 * (900 + 1), 3},
		{`query($period: DateRangeInput!) { outcomes(period: $period) { levels { careLevel { code } members { value } } } }`,
			900 + 7*3, 4},
		// TestNoNPlusOne's page: a member is 1, its level 1, a page of five
		// episodes 2 and each episode 3.
		{`{ members(first: 50) { nodes { displayName currentCareLevel { code } careEpisodes(first: 5) { nodes { careLevel { code } transition recordedBy { email } } } } } }`,
			2 + 50*(1+1+2+5*3), 6},
		{`mutation($in: SignInInput!) { signIn(input: $in) { viewer { user { email } } userErrors { code } } }`, 10 + 1 + 1 + 1 + 1, 4},
		{`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Member { displayName currentCareLevel { code } } } }`, 3 * 2, 3},
		{testgql.IntrospectionQuery, 1, 1},
		{`{ careLevels { code name } viewer { user { email } } }`, 7 + 2, 3},
	} {
		doc, errs := gqlparser.LoadQuery(schema, tc.query)
		if len(errs) > 0 {
			t.Fatalf("%s: %v", tc.query, errs)
		}
		vars := map[string]any{"ids": []any{"a", "b", "c"}, "period": map[string]any{"startOn": "2021-01-01", "endOn": "2026-01-01"}}
		got := cost.Analyze(schema, doc, doc.Operations[0], vars, costOptions)
		if got.Cost != tc.cost || got.Depth != tc.depth {
			t.Errorf("%.60s: cost %d depth %d, want %d and %d", tc.query, got.Cost, got.Depth, tc.cost, tc.depth)
		}
	}
}

// TestLimitsListSizesNameRealFields keeps the table of list sizes honest:
// every entry names a list field of the schema.
func TestLimitsListSizesNameRealFields(t *testing.T) {
	schema := executableSchema()
	for key := range listSizes {
		var typeName, field string
		for i := range key {
			if key[i] == '.' {
				typeName, field = key[:i], key[i+1:]
			}
		}
		if typeName == "*" {
			continue
		}
		def := schema.Types[typeName]
		if def == nil || def.Fields.ForName(field) == nil || def.Fields.ForName(field).Type.Elem == nil {
			t.Errorf("list size %q names no list field", key)
		}
	}
}

// TestLimitsIntrospectionByActor checks who may introspect: staff and
// keys; not anonymous callers nor family accounts.
func TestLimitsIntrospectionByActor(t *testing.T) {
	schema := executableSchema()
	viewer := func(role domain.Role) *auth.Viewer { return &auth.Viewer{User: &domain.User{ID: 1, Role: role}} }
	actors := map[string]context.Context{
		"anonymous": context.Background(),
		"family":    auth.WithViewer(context.Background(), viewer(domain.RoleFamily)),
		"admin":     auth.WithViewer(context.Background(), viewer(domain.RoleAdmin)),
		"peer":      auth.WithViewer(context.Background(), viewer(domain.RolePeerSupporter)),
		"key":       auth.WithKey(context.Background(), &domain.APIKey{ID: 3}),
	}
	want := map[string]string{"anonymous": codeUnauthenticated, "family": codeForbidden, "admin": "", "peer": "", "key": ""}
	for _, query := range []string{
		`{ __schema { queryType { name } } }`,
		`{ __type(name: "Member") { name } }`,
		`query { ...F } fragment F on Query { ... on Query { __schema { types { name } } } }`,
	} {
		doc, errs := gqlparser.LoadQuery(schema, query)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for name, ctx := range actors {
			op := &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0], DisableIntrospection: true}
			err := introspectionForStaffAndKeys{}.MutateOperationContext(ctx, op)
			code := ""
			if err != nil {
				code, _ = err.Extensions["code"].(string)
			}
			if code != want[name] || op.DisableIntrospection != (want[name] != "") {
				t.Errorf("%s %s: code %q, introspection disabled %v", name, query, code, op.DisableIntrospection)
			}
		}
	}
	// __typename is not introspection: open to all.
	doc, _ := gqlparser.LoadQuery(schema, `{ __typename }`)
	op := &graphql.OperationContext{Doc: doc, Operation: doc.Operations[0]}
	if err := (introspectionForStaffAndKeys{}).MutateOperationContext(context.Background(), op); err != nil {
		t.Errorf("__typename refused: %v", err)
	}
}

func TestLimitsBucketKey(t *testing.T) {
	ctx := context.Background()
	for want, c := range map[string]context.Context{
		"user:7":                 auth.WithViewer(ctx, &auth.Viewer{User: &domain.User{ID: 7}}),
		"key:4":                  auth.WithKey(ctx, &domain.APIKey{ID: 4}),
		"addr:192.0.2.1":         limitsAddr("192.0.2.1"),
		"addr:2001:db8:1:2::/64": limitsAddr("2001:db8:1:2:aaaa::1"),
		"addr:":                  ctx,
	} {
		if got := bucketKey(c); got != want {
			t.Errorf("bucketKey = %q, want %q", got, want)
		}
	}
}

func limitsAddr(a string) context.Context {
	return requestinfo.WithClientAddress(context.Background(), a)
}

func TestLimitsPersistedQueryCacheKeepsShortQueries(t *testing.T) {
	ctx := context.Background()
	c := persistedQueryCache{lru.New[string](10)}
	c.Add(ctx, "short", "{ __typename }")
	c.Add(ctx, "long", "{ __typename "+strings.Repeat(" ", maxPersistedQueryBytes)+"}")
	if _, ok := c.Get(ctx, "short"); !ok {
		t.Error("a short query was not kept")
	}
	if _, ok := c.Get(ctx, "long"); ok {
		t.Error("a query over 32 KiB was kept")
	}
}

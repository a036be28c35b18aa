package middleware

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"

	"carejourney/server/auth"
	"carejourney/server/domain"
)

func TestQueryCacheKeepsSignedInDocumentsOnly(t *testing.T) {
	signedIn := auth.WithViewer(context.Background(), &auth.Viewer{User: &domain.User{ID: 1, Role: domain.RoleAdmin}})
	key := auth.WithKey(context.Background(), &domain.APIKey{ID: 2})
	c := newQueryCache(queryCacheBytes)
	doc := &ast.QueryDocument{}
	c.Add(context.Background(), "{ anonymous: __typename }", doc)
	c.Add(signedIn, "{ user: __typename }", doc)
	c.Add(key, "{ key: __typename }", doc)
	c.Add(signedIn, "{ long: __typename } #"+strings.Repeat("x", maxCachedQueryBytes), doc)
	for query, want := range map[string]bool{
		"{ anonymous: __typename }": false, "{ user: __typename }": true, "{ key: __typename }": true,
		"{ long: __typename } #" + strings.Repeat("x", maxCachedQueryBytes): false,
	} {
		if _, ok := c.Get(signedIn, query); ok != want {
			t.Errorf("%.30s kept = %v, want %v", query, ok, want)
		}
	}
}

func TestQueryCacheIsBoundedInBytes(t *testing.T) {
	ctx := auth.WithViewer(context.Background(), &auth.Viewer{User: &domain.User{ID: 1, Role: domain.RoleAdmin}})
	const limit = 1 << 20
	c := newQueryCache(limit)
	doc := &ast.QueryDocument{}
	query := func(i int) string { return fmt.Sprintf("{ q%04d: __typename } #%s", i, strings.Repeat("x", 4000)) }
	for i := range 1000 {
		c.Add(ctx, query(i), doc)
		if i%10 == 0 {
			c.Get(ctx, query(0)) // kept in use: never the oldest
		}
	}
	entries, bytes := c.stats()
	if bytes > limit || entries == 0 || bytes != entries*cachedBytes(query(0)) {
		t.Errorf("%d entries, %d bytes; limit %d", entries, bytes, limit)
	}
	if _, ok := c.Get(ctx, query(0)); !ok {
		t.Error("the document in use was evicted")
	}
	if _, ok := c.Get(ctx, query(1)); ok {
		t.Error("the oldest unused document was kept")
	}
	if _, ok := c.Get(ctx, query(999)); !ok {
		t.Error("the newest document was not kept")
	}
}

package middleware

import (
	"container/list"
	"context"
	"sync"

	"github.com/vektah/gqlparser/v2/ast"

	"carejourney/server/auth"
)

// The parsed-query cache keeps the documents of signed-in users and keys,
// bounded in bytes: gqlgen keys it by the query's text, and the parser's
// token limit does not bound bytes (a 1 MB comment is one token).
const (
	// queryCacheBytes is the most the cache holds, text and parsed
	// documents together (as estimated by cachedBytes).
	queryCacheBytes = 16 << 20
	// maxCachedQueryBytes is the longest query kept; the app's longest
	// document is under 1 KiB, GraphiQL's introspection query under 2 KiB.
	maxCachedQueryBytes = 16 << 10
	// parsedBytesPerByte estimates a parsed document's size from its text:
	// the app's documents take about 17 bytes of AST per byte of text.
	parsedBytesPerByte = 20
	// entryOverhead is the list element, map entry and headers of an entry.
	entryOverhead = 256
)

// cachedBytes estimates what keeping query costs: its text plus its AST.
func cachedBytes(query string) int {
	return entryOverhead + len(query)*(1+parsedBytesPerByte)
}

// queryCache is a least-recently-used cache of parsed documents, bounded
// by bytes. An anonymous caller's documents are never kept: anyone could
// send a thousand distinct documents and evict everyone else's, and the
// few documents a signed-out page sends (sign-in) parse in microseconds.
type queryCache struct {
	limit int

	mu      sync.Mutex
	bytes   int
	order   *list.List // front is the most recently used
	entries map[string]*list.Element
}

type queryCacheEntry struct {
	query string
	doc   *ast.QueryDocument
}

func newQueryCache(limit int) *queryCache {
	return &queryCache{limit: limit, order: list.New(), entries: map[string]*list.Element{}}
}

// Get implements graphql.Cache.
func (c *queryCache) Get(_ context.Context, query string) (*ast.QueryDocument, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[query]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	return e.Value.(*queryCacheEntry).doc, true
}

// Add implements graphql.Cache: it keeps doc unless the caller is
// anonymous or the query is too long, evicting the least recently used
// documents until the cache is within its bytes.
func (c *queryCache) Add(ctx context.Context, query string, doc *ast.QueryDocument) {
	size := cachedBytes(query)
	if auth.ActorFrom(ctx).Anonymous() || len(query) > maxCachedQueryBytes || size > c.limit {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[query]; ok {
		e.Value.(*queryCacheEntry).doc = doc
		c.order.MoveToFront(e)
		return
	}
	c.entries[query] = c.order.PushFront(&queryCacheEntry{query: query, doc: doc})
	c.bytes += size
	for c.bytes > c.limit {
		oldest := c.order.Back()
		entry := oldest.Value.(*queryCacheEntry)
		c.order.Remove(oldest)
		delete(c.entries, entry.query)
		c.bytes -= cachedBytes(entry.query)
	}
}

// stats reports the number of documents and bytes held (for tests).
func (c *queryCache) stats() (entries, bytes int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries), c.bytes
}

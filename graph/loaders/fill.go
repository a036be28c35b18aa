package loaders

import (
	"context"

	"github.com/vikstrous/dataloadgen"
)

// Loader is a batch loader by id that a list resolver can also fill at
// once. The fields of a list's elements gather their keys for batchWait
// on goroutines of their own; a list resolver that holds every key of a
// level already calls Fill instead: one statement now, on its own
// goroutine and connection, and no wait (graph/prefetch.go).
type Loader[V any] struct {
	*dataloadgen.Loader[int64, V]
	fetch func(context.Context, []int64) (map[int64]V, error)
}

func newLoader[V any](fetch func(context.Context, []int64) (map[int64]V, error), opts []dataloadgen.Option) Loader[V] {
	return Loader[V]{Loader: dataloadgen.NewLoader(fromMap(fetch), opts...), fetch: fetch}
}

// Fill loads keys in one statement and keeps what it found for the
// fields that ask for them, a key without a row as none (the zero value).
// It returns what it found; on an error it keeps nothing, and the fields
// load again and report it.
func (l Loader[V]) Fill(ctx context.Context, keys []int64) map[int64]V {
	if len(keys) == 0 {
		return nil
	}
	found, err := l.fetch(ctx, keys)
	if err != nil {
		return nil
	}
	for _, k := range keys {
		l.Prime(k, found[k])
	}
	return found
}

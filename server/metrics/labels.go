package metrics

import "sync"

// The label values that stand for many values or none. Parentheses keep
// them apart from every GraphQL name, which has none.
const (
	// LabelOther is every operation name past the first MaxOperationNames.
	LabelOther = "(other)"
	// LabelAnonymous is an operation without a name.
	LabelAnonymous = "(anonymous)"
	// LabelInvalid is a request that did not parse or validate: its name,
	// if any, is not taken.
	LabelInvalid = "(invalid)"
	// LabelNone is a route no pattern matched, or an error without a code.
	LabelNone = "(none)"
)

// MaxOperationNames bounds the operation label: the first names seen keep
// their own series, every later one is counted as LabelOther. Operation
// names are the client's choice; the app's own are about 75.
const MaxOperationNames = 200

// maxErrorCodes bounds the code label. Codes are the server's own, a score
// of them; the bound only guards against one slipping through from a
// library.
const maxErrorCodes = 50

// maxLabelLength is the longest value kept; a longer one is LabelOther.
const maxLabelLength = 100

// boundedLabels admits the first limit distinct values of a label and
// maps every later one to LabelOther, so that no client can grow the
// number of series without bound.
type boundedLabels struct {
	limit int
	mu    sync.RWMutex
	seen  map[string]struct{}
}

func newBoundedLabels(limit int) *boundedLabels {
	return &boundedLabels{limit: limit, seen: make(map[string]struct{}, limit)}
}

// value is v when it is admitted (already, or now while there is room),
// LabelOther otherwise.
func (b *boundedLabels) value(v string) string {
	if len(v) > maxLabelLength {
		return LabelOther
	}
	b.mu.RLock()
	_, ok := b.seen[v]
	b.mu.RUnlock()
	if ok {
		return v
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.seen[v]; ok {
		return v
	}
	if len(b.seen) >= b.limit {
		return LabelOther
	}
	b.seen[v] = struct{}{}
	return v
}

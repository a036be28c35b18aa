package main

import (
	"fmt"
	"strconv"
	"time"

	"carejourney/graph/globalid"
)

// The extractors of pages 2, 4 and 5 turn JSON values into comparable
// strings: numbers as integers where they are, instants in UTC whatever
// offset notation they came in (the API writes Z, PostgreSQL +00:00), and
// the floor's numeric keys as the API's global IDs.

// val is a JSON value as a string; null is "null".
func val(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		if t, err := time.Parse(time.RFC3339Nano, x); err == nil {
			return t.UTC().Format(time.RFC3339Nano)
		}
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

// obj is v as an object; nil when it is not one (null).
func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

// gid is the global ID of the floor's numeric key of typeName; "null" for null.
func gid(typeName string, v any) string {
	n, ok := v.(float64)
	if !ok {
		return "null"
	}
	return globalid.EncodeInt(typeName, int64(n))
}

// fields lists m's values at keys, in order.
func fields(m map[string]any, keys ...string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = val(m[k])
	}
	return out
}

package access

import "reflect"

// IsNil reports whether v is nil or holds a nil pointer, map, function or
// channel. A resolver that finds nothing returns a typed nil (a
// (*domain.Residency)(nil) in an any), which `v == nil` misses; the access
// checks must treat it as the absence it is, not as a record to inspect.
// Nil slices are not nil here: a list field shows them as empty lists.
func IsNil(v any) bool {
	if v == nil {
		return true
	}
	switch rv := reflect.ValueOf(v); rv.Kind() {
	case reflect.Pointer, reflect.Map, reflect.Func, reflect.Chan, reflect.Interface, reflect.UnsafePointer:
		return rv.IsNil()
	}
	return false
}

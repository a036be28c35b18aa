package auth

import (
	"encoding/json"
	"net/http"
)

// refuseUnavailable answers a request whose credentials could not be looked
// up (the database is down or restarting) in the shape of a GraphQL error,
// so that clients read it like any other, and tells them when to retry.
// Nothing of the request ran.
func refuseUnavailable(w http.ResponseWriter) {
	body, _ := json.Marshal(map[string]any{"errors": []map[string]any{{
		"message":    "The service cannot reach its database, so the request was not run; try again shortly.",
		"extensions": map[string]any{"code": "UNAVAILABLE"},
	}}})
	h := w.Header()
	h.Set("Retry-After", "1")
	h.Set("Content-Type", "application/json")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusServiceUnavailable)
	_, _ = w.Write(body)
}

package httpserver

import (
	"context"
	"net/http"
	"time"

	"carejourney/server/audit"
	"carejourney/server/store"
)

// healthz says the process is up; it touches nothing else.
func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

// readyz says the database answers, every migration is applied and the
// audit log writes; while it cannot, reads and writes of member records
// are refused, and the body says why.
func readyz(st *store.Store, events *audit.Log) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := st.Ping(ctx); err != nil {
			http.Error(w, "database unreachable", http.StatusServiceUnavailable)
			return
		}
		pending, err := store.Pending(ctx, st.DB())
		if err != nil || pending > 0 {
			http.Error(w, "database not migrated", http.StatusServiceUnavailable)
			return
		}
		if events != nil {
			if err := events.Check(ctx); err != nil {
				http.Error(w, err.Error()+"; member records are refused until it is", http.StatusServiceUnavailable)
				return
			}
		}
		_, _ = w.Write([]byte("ready\n"))
	})
}

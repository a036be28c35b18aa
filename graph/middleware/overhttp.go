package middleware

import (
	"context"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/99designs/gqlgen/graphql"
)

// The media types of GraphQL over HTTP (graphql.github.io/graphql-over-http).
const (
	mediaGraphQLResponse = "application/graphql-response+json"
	mediaJSON            = "application/json"
)

// overHTTP applies the GraphQL over HTTP spec around gqlgen's transports:
//
//   - the response's media type is negotiated from Accept (q values
//     honoured): application/graphql-response+json is preferred, an Accept
//     without either type (nor a wildcard) is 406, and no Accept at all is
//     application/json, as the spec says for legacy clients;
//   - a POST body other than application/json is 415; a method other than
//     GET and POST is 405;
//   - with application/json every well-formed request is 200, whatever its
//     GraphQL errors (gqlgen says 422 for parse and validation errors);
//   - with application/graphql-response+json a response without data (a
//     request error: parse, validation, unknown operation, a limit) is 400;
//   - a mutation over GET is 405 with Allow: POST.
//
// Statuses set in front of GraphQL stay: 401 for a bad key, 413, 429.
func overHTTP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodPost {
			w.Header().Set("Allow", "GET, POST")
			writeHTTPError(w, mediaJSON, http.StatusMethodNotAllowed, "GraphQL is served over GET (queries) and POST.")
			return
		}
		media := negotiate(r.Header.Values("Accept"))
		if media == "" {
			writeHTTPError(w, mediaJSON, http.StatusNotAcceptable,
				"The Accept header lists neither "+mediaGraphQLResponse+" nor "+mediaJSON+".")
			return
		}
		if r.Method == http.MethodPost {
			if ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || ct != mediaJSON {
				writeHTTPError(w, media, http.StatusUnsupportedMediaType, "A POST body must be application/json.")
				return
			}
		}
		// gqlgen's transports read Accept too: give them the choice made here.
		r = r.Clone(r.Context())
		r.Header.Set("Accept", media)
		outcome := &httpOutcome{}
		ctx := context.WithValue(r.Context(), httpOutcomeKey{}, outcome)
		ow := &overHTTPWriter{ResponseWriter: w, media: media, get: r.Method == http.MethodGet, outcome: outcome}
		next.ServeHTTP(ow, r.WithContext(ctx))
		if !ow.wrote && ow.status != 0 {
			ow.ResponseWriter.WriteHeader(ow.final())
		}
	})
}

// negotiate picks the response's media type from the Accept header: the
// acceptable type of highest q, application/graphql-response+json on a tie;
// application/json when there is no Accept header; "" when neither is
// acceptable.
func negotiate(accept []string) string {
	if len(accept) == 0 {
		return mediaJSON
	}
	best, bestQ := "", 0.0
	for _, part := range strings.Split(strings.Join(accept, ","), ",") {
		mt, params, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if s, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(s, 64); err != nil {
				continue
			}
		}
		var media string
		switch mt {
		case mediaGraphQLResponse, "*/*", "application/*":
			media = mediaGraphQLResponse
		case mediaJSON:
			media = mediaJSON
		default:
			continue
		}
		if q > bestQ || (q == bestQ && media == mediaGraphQLResponse) {
			best, bestQ = media, q
		}
	}
	return best
}

// writeHTTPError answers a request refused before GraphQL, in the shape of
// a GraphQL response so that clients read it like any other.
func writeHTTPError(w http.ResponseWriter, media string, status int, message string) {
	w.Header().Set("Content-Type", media+"; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write([]byte(`{"errors":[{"message":` + strconv.Quote(message) + `,"extensions":{"code":"BAD_REQUEST"}}]}` + "\n"))
}

type httpOutcomeKey struct{}

// httpOutcome is what the response middleware tells overHTTP: whether the
// response has data (it executed) or is a request error.
type httpOutcome struct{ noData bool }

// recordOutcome is the response middleware that fills httpOutcome.
type recordOutcome struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.ResponseInterceptor
} = recordOutcome{}

func (recordOutcome) ExtensionName() string                   { return "RecordOutcome" }
func (recordOutcome) Validate(graphql.ExecutableSchema) error { return nil }
func (recordOutcome) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	if o, _ := ctx.Value(httpOutcomeKey{}).(*httpOutcome); o != nil && resp != nil {
		o.noData = resp.Data == nil
	}
	return resp
}

// overHTTPWriter holds back the status gqlgen sets until the body is
// written (gqlgen sets it before the response is made), then corrects it.
type overHTTPWriter struct {
	http.ResponseWriter
	media   string
	get     bool
	outcome *httpOutcome
	status  int
	wrote   bool
}

func (w *overHTTPWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
}

func (w *overHTTPWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.wrote = true
		w.ResponseWriter.Header().Set("Content-Type", w.media+"; charset=utf-8")
		w.ResponseWriter.WriteHeader(w.final())
	}
	return w.ResponseWriter.Write(b)
}

// final is the status the spec asks for in place of gqlgen's.
func (w *overHTTPWriter) final() int {
	code := w.status
	if code == 0 {
		code = http.StatusOK
	}
	switch {
	case w.get && code == http.StatusNotAcceptable:
		// gqlgen's answer to a mutation (or subscription) over GET.
		w.ResponseWriter.Header().Set("Allow", "POST")
		return http.StatusMethodNotAllowed
	case w.media == mediaJSON && code == http.StatusUnprocessableEntity:
		return http.StatusOK
	case w.media == mediaGraphQLResponse && code == http.StatusOK && w.outcome.noData:
		return http.StatusBadRequest
	}
	return code
}

func (w *overHTTPWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

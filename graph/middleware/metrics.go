package middleware

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"carejourney/server/metrics"
)

// observeOperations tells m of every request to /graphql once it is
// answered: its operation's name (only when the document parsed and
// validated: package metrics bounds the names), its outcome, its time and
// its errors' codes. It wraps the whole handler, so that a request refused
// before GraphQL (a wrong method or media type) is counted too.
func observeOperations(m *metrics.Metrics, next http.Handler) http.Handler {
	if m == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &operationRecord{}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), operationRecordKey{}, rec)))
		m.ObserveOperation(rec.operation(time.Since(start)))
	})
}

type operationRecordKey struct{}

// operationRecord is what recordOperation saw of a request's operation.
type operationRecord struct {
	op   *graphql.OperationContext
	resp *graphql.Response
}

// operation is the record as package metrics counts it.
func (rec *operationRecord) operation(d time.Duration) metrics.Operation {
	out := metrics.Operation{Duration: d}
	if rec.resp == nil {
		// Refused by overHTTP before GraphQL, with its one BAD_REQUEST.
		out.Outcome, out.Codes = metrics.OutcomeRefused, []string{"BAD_REQUEST"}
		return out
	}
	op := rec.op
	if op != nil && op.Operation != nil && !op.Stats.Validation.End.IsZero() {
		out.Valid, out.Name = true, op.Operation.Name
	}
	var throttled, failed bool
	for _, e := range rec.resp.Errors {
		code, _ := e.Extensions["code"].(string)
		out.Codes = append(out.Codes, code)
		switch code {
		case codeThrottled:
			throttled = true
		case codeInternal, codeTimeout:
			failed = true
		}
	}
	data := rec.resp.Data
	switch {
	case throttled:
		out.Outcome = metrics.OutcomeThrottled
	case failed:
		out.Outcome = metrics.OutcomeError
	case len(data) == 0 || string(data) == "null":
		out.Outcome = metrics.OutcomeRefused
	case len(rec.resp.Errors) > 0:
		out.Outcome = metrics.OutcomePartial
	case out.Valid && op.Operation.Operation == ast.Mutation && hasUserErrors(data):
		out.Outcome = metrics.OutcomeUserError
	default:
		out.Outcome = metrics.OutcomeOK
	}
	return out
}

// hasUserErrors reports whether a mutation's data has a payload with
// userErrors (as the client selected them).
func hasUserErrors(data json.RawMessage) bool {
	var fields map[string]json.RawMessage
	if json.Unmarshal(data, &fields) != nil {
		return false
	}
	for _, raw := range fields {
		var payload struct {
			UserErrors []json.RawMessage `json:"userErrors"`
		}
		if json.Unmarshal(raw, &payload) == nil && len(payload.UserErrors) > 0 {
			return true
		}
	}
	return false
}

// recordOperation keeps each request's operation and final response in
// its operationRecord. It is both an operation and a response interceptor:
// operation middleware that refuses an operation skips the response chain.
type recordOperation struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
} = recordOperation{}

func (recordOperation) ExtensionName() string                   { return "RecordOperation" }
func (recordOperation) Validate(graphql.ExecutableSchema) error { return nil }

func (recordOperation) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	responses := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := responses(ctx)
		record(ctx, resp)
		return resp
	}
}

func (recordOperation) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	record(ctx, resp)
	return resp
}

func record(ctx context.Context, resp *graphql.Response) {
	rec, _ := ctx.Value(operationRecordKey{}).(*operationRecord)
	if rec == nil || resp == nil {
		return
	}
	rec.resp = resp
	if graphql.HasOperationContext(ctx) {
		rec.op = graphql.GetOperationContext(ctx)
	}
}

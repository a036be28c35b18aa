package middleware

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"reflect"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"carejourney/graph/cost"
	"carejourney/graph/model"
	"carejourney/server/auth"
	"carejourney/server/ratelimit"
	"carejourney/server/requestinfo"
)

// The limits every operation meets before it runs.
const (
	// DefaultMaxCost is the most an operation may cost (MAX_QUERY_COST).
	DefaultMaxCost = 1000
	// MaxDepth is the deepest nesting of fields an operation may have
	// (introspection counts as 1: see package cost). The app's deepest
	// pages nest 7 or 8.
	MaxDepth = 15
	// ParserTokenLimit is the most tokens the parser reads from a document;
	// real queries have a few hundred.
	ParserTokenLimit = 10_000
	// MutationCost is what each root field of a mutation adds.
	MutationCost = 10
	// persistedQueries is how many automatic persisted queries are kept,
	// and maxPersistedQueryBytes the longest kept: at most 32 MiB in all.
	persistedQueries       = 1000
	maxPersistedQueryBytes = 32 << 10
)

// The extensions.code values of the limits.
const (
	codeMaxCostExceeded  = "MAX_COST_EXCEEDED"
	codeMaxDepthExceeded = "MAX_DEPTH_EXCEEDED"
	codeThrottled        = "THROTTLED"
	// codeRateLimitUnavailable refuses an operation whose bucket could not
	// be read: refused rather than let through, as a limit that lapses
	// whenever the database falters is no limit.
	codeRateLimitUnavailable = "RATE_LIMIT_UNAVAILABLE"
)

// listSizes are the lengths assumed for bounded plain lists (see package
// cost); other plain lists count as a connection of the default page size.
var listSizes = map[string]int{
	"*.userErrors":              1,
	"Query.careLevels":          7,
	"Milestones.reached":        10,
	"Group.schedule":            3,
	"Group.facilitators":        3,
	"AftercarePlan.adherence":   5,
	"CommitmentAdherence.weeks": 8,
	"AttendanceSummary.weeks":   12,
	"Outcomes.levels":           7,
}

// fieldCosts price the fields whose work is not the size of what they
// return (see package cost): the figure replaces the field's own 0, 1 or 2,
// and its selection is added as usual. A field priced at
// expensiveFieldCost or more is also gated (expensive.go): at most
// maxConcurrentExpensive of them run at once in one operation. The figures are calibrated by TestCostSoundness, which
// keeps the rows a request's plans produce within 250 a point.
//
//   - totalCount is a count(*) over everything the connection filters
//     (a statement of its own at the root, a grouped count when nested);
//   - attendanceSummary tallies a member's attendance over a period (12
//     weeks by default), one grouped statement for every member asked,
//     about 45 rows a member;
//   - outcomes is one statement that reads every episode, recovery date,
//     aftercare plan and check-in, and the period's attendance: its plans
//     produce 90,000 rows for a 30-day period and 206,000 for five years
//     on the demo with 300 more members (a page of 50 members: 961), so
//     the length of the period is not what drives it. At 900 points one
//     request runs one, and a bucket (1000 points, 50 a second) pays for
//     one every 18 seconds.
//   - upcomingMilestones and recentCareLevelChanges (Today) are one
//     statement each that reads every candidate the rule runs over (the
//     members with a recovery start date; every episode of the members
//     who moved in the window), whatever the page: about 330 rows on the
//     demo, so 100 points keeps them within 5 rows a point.
var fieldCosts = map[string]int{
	"Query.outcomes":               900,
	"Query.upcomingMilestones":     100,
	"Query.recentCareLevelChanges": 100,
	"*.totalCount":                 1,
	"Member.attendanceSummary":     10,
}

// FieldCost is the fixed price of typeName.field, when it has one (the
// figure that replaces a connection's own 2).
func FieldCost(typeName, field string) (int, bool) {
	price, ok := fieldCosts[typeName+"."+field]
	return price, ok
}

// costOptions price lists as the resolvers page them.
var costOptions = cost.Options{
	DefaultPageSize: model.DefaultPageSize,
	MaxPageSize:     model.MaxPageSize,
	MutationCost:    MutationCost,
	ListSizes:       listSizes,
	FieldCosts:      fieldCosts,
}

// Limits are the cost and rate limits of the API.
type Limits struct {
	// MaxCost refuses operations that cost more; 0 means DefaultMaxCost.
	MaxCost int
	// Buckets, when set, charge each operation's cost to its actor: one
	// statement before it runs, and one after to refund what it did not
	// use (none when it used all).
	Buckets *ratelimit.Limiter
}

// refundTimeout bounds the statement that refunds a bucket.
const refundTimeout = 2 * time.Second

// use installs the limits on srv: the parser's token limit, automatic
// persisted queries, introspection for staff and keys only, and the cost
// and rate limits. It must come before any operation middleware, so that
// refusals by later middleware still carry extensions.cost.
func (l Limits) use(srv interface {
	Use(graphql.HandlerExtension)
	SetParserTokenLimit(int)
}) {
	srv.SetParserTokenLimit(ParserTokenLimit)
	srv.Use(extension.AutomaticPersistedQuery{Cache: persistedQueryCache{lru.New[string](persistedQueries)}})
	srv.Use(introspectionForStaffAndKeys{})
	srv.Use(&costLimiter{limits: l})
	srv.Use(expensiveFieldGate{})
}

// persistedQueryCache keeps automatic persisted queries, but not long
// ones: anyone may register a query, before it is parsed, so each is
// bounded as well as their number. A query too long to keep still runs;
// sent again by hash, the client is asked for the text again.
type persistedQueryCache struct{ graphql.Cache[string] }

func (c persistedQueryCache) Add(ctx context.Context, hash, query string) {
	if len(query) <= maxPersistedQueryBytes {
		c.Cache.Add(ctx, hash, query)
	}
}

// costLimiter prices each operation before it runs, refuses it when it
// costs too much or is nested too deep, takes its cost from the actor's
// bucket or refuses it as THROTTLED, counts what it actually cost as its
// fields resolve (countField, from the one field interceptor), gives the difference back to the bucket, and reports
// extensions.cost on every response.
type costLimiter struct {
	limits Limits
	schema *ast.Schema
}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
	graphql.OperationInterceptor
	graphql.ResponseInterceptor
} = &costLimiter{}

func (c *costLimiter) ExtensionName() string { return "CostLimiter" }

func (c *costLimiter) Validate(schema graphql.ExecutableSchema) error {
	c.schema = schema.Schema()
	return nil
}

// maximum is the most one operation may cost: the limit, and never more
// than a full bucket holds.
func (c *costLimiter) maximum() int {
	limit := c.limits.MaxCost
	if limit <= 0 {
		limit = DefaultMaxCost
	}
	if c.limits.Buckets != nil {
		limit = min(limit, int(c.limits.Buckets.Capacity()))
	}
	return limit
}

// costState is what the limiter learnt of one operation.
type costState struct {
	requested int
	status    *ratelimit.Status
	// taken is set when the requested cost was taken from the bucket.
	taken bool
	// prices and actual count the actual cost as fields resolve.
	prices map[*ast.Field]cost.Price
	actual atomic.Int64
	// settle refunds the bucket once.
	settle sync.Once
}

const costStatsKey = "carejourney.cost"

func (c *costLimiter) MutateOperationContext(ctx context.Context, op *graphql.OperationContext) *gqlerror.Error {
	res := cost.Analyze(c.schema, op.Doc, op.Operation, op.Variables, costOptions)
	state := &costState{requested: res.Cost}
	op.Stats.SetExtension(costStatsKey, state)
	key := bucketKey(ctx)
	if res.Depth > MaxDepth {
		return limitError(codeMaxDepthExceeded,
			fmt.Sprintf("The operation nests fields %d deep; the limit is %d.", res.Depth, MaxDepth),
			map[string]any{"depth": res.Depth, "maximumDepth": MaxDepth})
	}
	if maximum := c.maximum(); res.Cost > maximum {
		// The same cost report as every response's (nothing ran, nothing
		// was taken), and the limit beside it.
		return limitError(codeMaxCostExceeded,
			fmt.Sprintf("The operation costs %d points; the limit is %d. Ask for fewer items (first/last) or fewer nested lists.", res.Cost, maximum),
			map[string]any{"cost": c.costReport(ctx, state), "maximumQueryCost": maximum})
	}
	state.prices = cost.Prices(c.schema, op.Doc, op.Operation, op.Variables, costOptions)
	if c.limits.Buckets == nil {
		return nil
	}
	ok, status, wait, err := c.limits.Buckets.Take(ctx, key, float64(res.Cost))
	if err != nil {
		state.prices = nil // nothing runs
		// A request whose deadline passed while the take waited for a
		// connection timed out, like any other statement of it.
		if timedOut := deadlineError(ctx, err, nil); timedOut != nil {
			return timedOut
		}
		return limitError(codeRateLimitUnavailable,
			"The rate limit cannot be checked (the database did not answer), so the operation did not run; try again later.", nil)
	}
	state.status = &status
	if ok {
		state.taken = true
		return nil
	}
	state.prices = nil // nothing runs
	seconds := int(math.Ceil(wait.Seconds()))
	if o, _ := ctx.Value(throttleOutcomeKey{}).(*throttleOutcome); o != nil {
		o.retryAfter = seconds
	}
	return limitError(codeThrottled,
		fmt.Sprintf("Throttled: the operation costs %d points and %d are available; the bucket regains %g a second. Try again in %d %s.",
			res.Cost, int(status.CurrentlyAvailable), status.RestoreRate, seconds, plural(seconds, "second", "seconds")),
		map[string]any{"retryAfterSeconds": seconds})
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func limitError(code, message string, extensions map[string]any) *gqlerror.Error {
	ext := map[string]any{"code": code}
	for k, v := range extensions {
		ext[k] = v
	}
	return &gqlerror.Error{Message: message, Extensions: ext}
}

// InterceptOperation adds extensions.cost to the responses of operations
// that later operation middleware refuses (they skip the response chain).
func (c *costLimiter) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	responses := next(ctx)
	return func(ctx context.Context) *graphql.Response {
		resp := responses(ctx)
		c.report(ctx, resp)
		return resp
	}
}

// InterceptResponse adds extensions.cost to executed operations and to
// requests refused before they ran (parse errors, limits, throttling).
func (c *costLimiter) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	resp := next(ctx)
	c.report(ctx, resp)
	return resp
}

// countField adds what fc cost to the operation's actual cost, once it
// resolved to res (after the access rules dropped what the actor may not
// see): its own price and, for a list or connection, the length it
// returned (see cost.Price). No SQL: the rows are the ones the resolver
// returns. The field interceptor (fields.go) calls it only for the fields
// that can be priced: those with a selection, and resolvers (totalCount
// and the fixed-price fields of fieldCosts); a leaf that is a struct field
// reads nothing and costs nothing.
func countField(ctx context.Context, fc *graphql.FieldContext, res any) {
	state := operationCost(ctx)
	if state == nil || state.prices == nil {
		return
	}
	p, ok := state.prices[fc.Field.Field]
	if !ok {
		return
	}
	n := p.Own
	if p.PerElement > 0 {
		n += p.PerElement * length(res)
	}
	if n > 0 {
		state.actual.Add(int64(n))
	}
}

// length is the number of elements of a list result, 0 for anything else.
func length(v any) int {
	r := reflect.ValueOf(v)
	for r.Kind() == reflect.Pointer {
		if r.IsNil() {
			return 0
		}
		r = r.Elem()
	}
	if r.Kind() == reflect.Slice || r.Kind() == reflect.Array {
		return r.Len()
	}
	return 0
}

func operationCost(ctx context.Context) *costState {
	if !graphql.HasOperationContext(ctx) {
		return nil
	}
	state, _ := graphql.GetOperationContext(ctx).Stats.GetExtension(costStatsKey).(*costState)
	return state
}

// report sets extensions.cost (cost.Report) once the operation is done,
// after giving back to the bucket what it took and did not use.
func (c *costLimiter) report(ctx context.Context, resp *graphql.Response) {
	if resp == nil {
		return
	}
	if _, done := resp.Extensions["cost"]; done {
		return
	}
	state := operationCost(ctx)
	if state != nil && state.taken {
		state.settle.Do(func() {
			unused := state.requested - min(int(state.actual.Load()), state.requested)
			if unused == 0 {
				return // nothing to give back: the status of the take stands
			}
			// Past the request's cancellation (the points are owed even if
			// the client left), within a bound of its own. A refund that
			// fails leaves the bucket lower than it should be, which
			// refuses no more than it should let through.
			refundCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), refundTimeout)
			defer cancel()
			if status, err := c.limits.Buckets.Refund(refundCtx, bucketKey(ctx), float64(unused)); err == nil {
				state.status = &status
			}
		})
	}
	if resp.Extensions == nil {
		resp.Extensions = map[string]any{}
	}
	resp.Extensions["cost"] = c.costReport(ctx, state)
}

// costReport is extensions.cost for an operation (state nil: none was
// made, as for a parse error).
func (c *costLimiter) costReport(ctx context.Context, state *costState) cost.Report {
	var report cost.Report
	var status *ratelimit.Status
	if state != nil {
		report.RequestedQueryCost, status = state.requested, state.status
		if state.prices != nil {
			report.ActualQueryCost = min(int(state.actual.Load()), state.requested)
		}
	}
	if c.limits.Buckets != nil {
		if status == nil {
			if s, err := c.limits.Buckets.Peek(ctx, bucketKey(ctx)); err == nil {
				status = &s
			}
		}
		if status != nil { // nil when the bucket could not be read
			report.ThrottleStatus = &cost.ThrottleStatus{
				MaximumAvailable:   status.MaximumAvailable,
				CurrentlyAvailable: math.Floor(status.CurrentlyAvailable),
				RestoreRate:        status.RestoreRate,
			}
		}
	}
	return report
}

// bucketKey names the bucket an operation is charged to: the signed-in
// user or the API key, else the client's address (an IPv6 client by its
// /64, which one subscriber usually holds whole).
func bucketKey(ctx context.Context) string {
	if ref := auth.ActorFrom(ctx).Ref(); ref != "" {
		return ref
	}
	return "addr:" + requestinfo.AddressGroup(requestinfo.ClientAddress(ctx))
}

type throttleOutcomeKey struct{}

// throttleOutcome is how the limiter tells the HTTP layer an operation was
// throttled: no data, so HTTP 429 with Retry-After.
type throttleOutcome struct{ retryAfter int }

// throttledStatus turns the 200 of a throttled operation into 429 with a
// Retry-After header. Every other response keeps the status gqlgen gives.
func throttledStatus(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o := &throttleOutcome{}
		ctx := context.WithValue(r.Context(), throttleOutcomeKey{}, o)
		next.ServeHTTP(&throttleWriter{ResponseWriter: w, outcome: o}, r.WithContext(ctx))
	})
}

type throttleWriter struct {
	http.ResponseWriter
	outcome *throttleOutcome
	wrote   bool
}

func (w *throttleWriter) WriteHeader(code int) {
	if !w.wrote {
		w.wrote = true
		if w.outcome.retryAfter > 0 && code == http.StatusOK {
			w.Header().Set("Retry-After", strconv.Itoa(w.outcome.retryAfter))
			code = http.StatusTooManyRequests
		}
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *throttleWriter) Write(b []byte) (int, error) {
	if !w.wrote {
		w.WriteHeader(http.StatusOK)
	}
	return w.ResponseWriter.Write(b)
}

func (w *throttleWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

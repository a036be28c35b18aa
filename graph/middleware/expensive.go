package middleware

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

const (
	// expensiveFieldCost is the price from which a field is expensive: an
	// aggregate that reads whole tables, on a pool connection of its own.
	expensiveFieldCost = 50
	// maxConcurrentExpensive is how many expensive fields of one operation
	// run at once; the others wait their turn. Root query fields resolve
	// concurrently, so without it every alias of outcomes would hold a pool
	// connection at the same time.
	maxConcurrentExpensive = 2
)

// The extensions.code values of the deadline.
const (
	codeTimeout   = "TIMEOUT"
	codeCancelled = "CANCELLED"
)

// expensive reports whether the field "Type.field" is priced as expensive.
func expensive(object, field string) bool {
	c, ok := fieldCosts[object+"."+field]
	if !ok {
		c = fieldCosts["*."+field]
	}
	return c >= expensiveFieldCost
}

// expensiveFieldGate runs at most maxConcurrentExpensive expensive fields
// of an operation at once. A field waiting for its turn gives up when the
// request's deadline passes.
type expensiveFieldGate struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationInterceptor
} = expensiveFieldGate{}

func (expensiveFieldGate) ExtensionName() string                   { return "ExpensiveFieldGate" }
func (expensiveFieldGate) Validate(graphql.ExecutableSchema) error { return nil }

type gateKey struct{}

// InterceptOperation gives each operation its own gate.
func (expensiveFieldGate) InterceptOperation(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	return next(context.WithValue(ctx, gateKey{}, make(chan struct{}, maxConcurrentExpensive)))
}

// gateField makes an expensive field wait for its turn at the operation's
// gate (fields.go runs it around every field).
func gateField(ctx context.Context, next graphql.Resolver) (any, error) {
	gate, _ := ctx.Value(gateKey{}).(chan struct{})
	if gate == nil {
		return next(ctx)
	}
	select {
	case gate <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-gate }()
	return next(ctx)
}

// deadlineError presents an error of a request that ran out of time (or
// whose client went away) as TIMEOUT (or CANCELLED) rather than INTERNAL:
// the statement was stopped, nothing is wrong with the server. It returns
// nil for any other error.
func deadlineError(ctx context.Context, err error, path ast.Path) *gqlerror.Error {
	var code, message string
	switch {
	case errors.Is(err, context.DeadlineExceeded) || pastDeadline(ctx) || statementTimedOut(err):
		code, message = codeTimeout, "The request took longer than the server allows (REQUEST_TIMEOUT) and was stopped. Ask for less, or try again later."
	case errors.Is(err, context.Canceled) || errors.Is(ctx.Err(), context.Canceled):
		code, message = codeCancelled, "The request was cancelled."
	default:
		return nil
	}
	return &gqlerror.Error{Message: message, Path: path, Extensions: map[string]any{"code": code}}
}

// pastDeadline reports whether ctx's deadline has passed. The driver's
// socket times out at the deadline itself, an instant before the context
// says so.
func pastDeadline(ctx context.Context) bool {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return true
	}
	d, ok := ctx.Deadline()
	return ok && !time.Now().Before(d)
}

// statementTimedOut reports PostgreSQL's query_canceled (57014): the
// statement_timeout behind the request deadline, or a cancel request.
func statementTimedOut(err error) bool {
	var pg interface{ Field(byte) string }
	if errors.As(err, &pg) {
		return pg.Field('C') == "57014"
	}
	return strings.Contains(fmt.Sprint(err), "SQLSTATE=57014")
}

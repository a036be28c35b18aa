package metrics

import "time"

// Outcome is how a GraphQL operation ended, as the operations counter's
// outcome label.
type Outcome string

// The outcomes, from the caller's point of view; the operations guide
// (docs/operations.md) says what each covers.
const (
	// OutcomeOK: data, no error, no userErrors.
	OutcomeOK Outcome = "ok"
	// OutcomeUserError: a mutation answered with userErrors (the input
	// broke a rule; nothing was written).
	OutcomeUserError Outcome = "user_error"
	// OutcomePartial: data with errors the caller caused (a field refused
	// by the access rules, not found, a bad argument).
	OutcomePartial Outcome = "partial"
	// OutcomeRefused: no data: the request did not parse or validate, or a
	// limit refused it before it ran (cost, depth, introspection).
	OutcomeRefused Outcome = "refused"
	// OutcomeThrottled: the actor's rate-limit bucket was empty.
	OutcomeThrottled Outcome = "throttled"
	// OutcomeError: the server failed (INTERNAL) or ran out of time
	// (TIMEOUT), with or without data.
	OutcomeError Outcome = "error"
)

// Operation is one answered GraphQL request.
type Operation struct {
	// Name is the operation's name in the document, "" when it has none.
	Name string
	// Valid says the document parsed and validated (variables included);
	// the name of an invalid one is not taken.
	Valid    bool
	Outcome  Outcome
	Duration time.Duration
	// Codes are the extensions.code of the response's errors, one per
	// error ("" for one without).
	Codes []string
}

// ObserveOperation counts op.
func (m *Metrics) ObserveOperation(op Operation) {
	if m == nil {
		return
	}
	name := LabelInvalid
	switch {
	case !op.Valid:
	case op.Name == "":
		name = LabelAnonymous
	default:
		name = m.operationNames.value(op.Name)
	}
	m.operations.WithLabelValues(name, string(op.Outcome)).Inc()
	m.operationDuration.WithLabelValues(name).Observe(op.Duration.Seconds())
	for _, code := range op.Codes {
		if code == "" {
			code = LabelNone
		}
		m.errors.WithLabelValues(m.errorCodes.value(code)).Inc()
	}
}

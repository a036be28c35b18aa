package graph

import (
	"carejourney/graph/model"
	"carejourney/server/domain"
)

// toUserErrors turns a domain error into a mutation's userErrors. Any other
// error is returned as is, to become an INTERNAL GraphQL error.
func toUserErrors(err error) ([]*model.UserError, error) {
	if err == nil {
		return nil, nil
	}
	e := domain.AsError(err)
	if e == nil {
		return nil, err
	}
	return []*model.UserError{{Field: e.Field, Message: e.Message, Code: e.Code}}, nil
}

// mutate runs a mutation's work and splits the outcome for its payload: the
// object written, or the userErrors saying why nothing was (an empty list on
// success, as the schema promises), or an internal error. Every mutation
// resolver goes through it or outcome (TestMutationResolversUseMutate):
//
//	x, userErrors, err := mutate(func() (*domain.X, error) { … })
//	return &model.DoXPayload{X: x, UserErrors: userErrors}, err
func mutate[T any](run func() (T, error)) (T, []*model.UserError, error) {
	return outcome(run())
}

// outcome splits a mutation's result as mutate does.
func outcome[T any](v T, err error) (T, []*model.UserError, error) {
	if userErrors, err := toUserErrors(err); userErrors != nil || err != nil {
		var nothing T
		return nothing, userErrors, err
	}
	return v, []*model.UserError{}, nil
}

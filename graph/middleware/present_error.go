package middleware

import (
	"context"
	"errors"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"carejourney/server/domain"
	"carejourney/server/store"
)

// The extensions.code values of GraphQL errors.
const (
	codeUnauthenticated = "UNAUTHENTICATED"
	codeForbidden       = "FORBIDDEN"
	codeNotFound        = "NOT_FOUND"
	codeBadUserInput    = "BAD_USER_INPUT"
	codeInternal        = "INTERNAL"
	// codeUnavailable: the database could not be reached; retry shortly.
	codeUnavailable = "UNAVAILABLE"
	// codeEnrollFirst refuses every field but enrolling to a session whose
	// role requires two-factor sign-in before it has one.
	codeEnrollFirst = "TOTP_ENROLLMENT_REQUIRED"
)

// extensionCode is the one table from domain codes to GraphQL error codes;
// every other domain code is a problem with the input.
func extensionCode(code domain.Code) string {
	switch code {
	case domain.CodeUnauthenticated:
		return codeUnauthenticated
	case domain.CodeForbidden:
		return codeForbidden
	case domain.CodeNotFound:
		return codeNotFound
	case domain.CodeTOTPEnrollmentRequired:
		return codeEnrollFirst
	default:
		return codeBadUserInput
	}
}

// presentError gives every error a code and hides internal details: domain
// errors keep their message, gqlgen's parse and validation errors are
// BAD_USER_INPUT, and anything else is logged and replaced by "internal error".
func presentError(logger *slog.Logger) graphql.ErrorPresenterFunc {
	return func(ctx context.Context, err error) *gqlerror.Error {
		var gqlErr *gqlerror.Error
		if !errors.As(err, &gqlErr) {
			gqlErr = gqlerror.WrapPath(graphql.GetPath(ctx), err)
		}
		if store.IsBadValue(err) {
			// A read the database refused for a value of the request (a
			// cursor's sort value): the caller's error.
			gqlErr, err = &gqlerror.Error{Path: gqlErr.Path}, store.ErrBadValue
		}
		if e := domain.AsError(err); e != nil {
			gqlErr.Message = e.Message
			setCode(gqlErr, extensionCode(e.Code))
			return gqlErr
		}
		if code, _ := gqlErr.Extensions["code"].(string); code != "" {
			switch code {
			case "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED":
				setCode(gqlErr, codeBadUserInput)
			}
			return gqlErr
		}
		if gqlErr.Err == nil {
			// Raised by gqlgen's parser, validator or input coercion itself:
			// the message describes the request, not the server.
			setCode(gqlErr, codeBadUserInput)
			return gqlErr
		}
		if e := deadlineError(ctx, err, gqlErr.Path); e != nil {
			return e
		}
		if store.IsUnreachable(err) {
			logger.WarnContext(ctx, "database unreachable", "path", gqlErr.Path.String(), "err", err)
			return &gqlerror.Error{Message: "the service cannot reach its database; try again shortly", Path: gqlErr.Path,
				Extensions: map[string]any{"code": codeUnavailable}}
		}
		logger.ErrorContext(ctx, "internal error", "path", gqlErr.Path.String(), "err", err)
		return &gqlerror.Error{Message: "internal error", Path: gqlErr.Path, Extensions: map[string]any{"code": codeInternal}}
	}
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}

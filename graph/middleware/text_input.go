package middleware

import (
	"context"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// noNULInText refuses, before it runs, an operation with a NUL character
// (U+0000) in any string it brings: a variable, at any depth of an input,
// or a literal in the document. PostgreSQL cannot store NUL in text, and
// no name, note or search has one; checking here, in one place, covers
// every String and ID argument and input field, today's and tomorrow's.
type noNULInText struct{}

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = noNULInText{}

func (noNULInText) ExtensionName() string { return "NoNULInText" }

func (noNULInText) Validate(graphql.ExecutableSchema) error { return nil }

func (noNULInText) MutateOperationContext(_ context.Context, op *graphql.OperationContext) *gqlerror.Error {
	found := hasNUL(op.Variables)
	if !found && op.Doc != nil {
		for _, o := range op.Doc.Operations {
			found = found || selectionHasNUL(o.SelectionSet) || directivesHaveNUL(o.Directives)
		}
		for _, f := range op.Doc.Fragments {
			found = found || selectionHasNUL(f.SelectionSet) || directivesHaveNUL(f.Directives)
		}
	}
	if !found {
		return nil
	}
	return &gqlerror.Error{Message: "Text may not contain the NUL character (U+0000).",
		Extensions: map[string]any{"code": codeBadUserInput}}
}

// hasNUL looks through a decoded JSON value.
func hasNUL(v any) bool {
	switch x := v.(type) {
	case string:
		return strings.IndexByte(x, 0) >= 0
	case map[string]any:
		for k, item := range x {
			if strings.IndexByte(k, 0) >= 0 || hasNUL(item) {
				return true
			}
		}
	case []any:
		for _, item := range x {
			if hasNUL(item) {
				return true
			}
		}
	}
	return false
}

func selectionHasNUL(set ast.SelectionSet) bool {
	for _, sel := range set {
		switch s := sel.(type) {
		case *ast.Field:
			for _, a := range s.Arguments {
				if valueHasNUL(a.Value) {
					return true
				}
			}
			if directivesHaveNUL(s.Directives) || selectionHasNUL(s.SelectionSet) {
				return true
			}
		case *ast.InlineFragment:
			if directivesHaveNUL(s.Directives) || selectionHasNUL(s.SelectionSet) {
				return true
			}
		case *ast.FragmentSpread:
			if directivesHaveNUL(s.Directives) {
				return true
			}
		}
	}
	return false
}

func directivesHaveNUL(list ast.DirectiveList) bool {
	for _, d := range list {
		for _, a := range d.Arguments {
			if valueHasNUL(a.Value) {
				return true
			}
		}
	}
	return false
}

func valueHasNUL(v *ast.Value) bool {
	if v == nil {
		return false
	}
	if v.Kind == ast.StringValue || v.Kind == ast.BlockValue {
		return strings.IndexByte(v.Raw, 0) >= 0
	}
	for _, child := range v.Children {
		if valueHasNUL(child.Value) {
			return true
		}
	}
	return false
}

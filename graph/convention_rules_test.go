package graph

import (
	"slices"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
)

// The range and list-argument rules catch what they are for: a small schema
// with a loose range, a loose list argument and a filter of the wrong type.
func TestConventionRulesCatchLooseRangesAndArguments(t *testing.T) {
	schema := gqlparser.MustLoadSchema(&ast.Source{Name: "rules.graphqls", Input: `
scalar Date
scalar DateTime
interface Node { id: ID! }
input DateRangeInput { startOn: Date! endOn: Date! }
input ThingFilter { since: DateTime, period: DateRangeInput }
input CountInput { fromDay: Date, start: Int }
type Thing implements Node { id: ID! name: String! }
type ThingConnection { nodes: [Thing!]! }
type Query {
  things(first: Int, after: String, filter: ThingFilter, kinds: [String!]): ThingConnection!
  others(filter: CountInput): [Thing!]!
  count(input: CountInput, until: DateTime): Int!
}
input DoItInput { name: String }
type UserError { message: String! }
type DoItPayload { userErrors: [UserError!]! }
type Mutation { doIt(input: DoItInput!): DoItPayload! }`})
	got := namingViolations(schema)
	for _, want := range []string{
		"ThingFilter.since: a range end named since; a range is one DateRangeInput or DateTimeRangeInput field (start included, end excluded)",
		"CountInput.fromDay: a range end named fromDay; a range is one DateRangeInput or DateTimeRangeInput field (start included, end excluded)",
		"CountInput.start: a range end named start; a range is one DateRangeInput or DateTimeRangeInput field (start included, end excluded)",
		"Query.count(until): a range end named until; a range is one DateRangeInput or DateTimeRangeInput field (start included, end excluded)",
		"Query.things(kinds): a list takes only first/after/last/before, filter and orderBy; put kinds in its filter",
		"Query.others(filter): a filter is an input named <Something>Filter",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("missing %q in %q", want, got)
		}
	}
	for _, v := range got {
		if strings.HasPrefix(v, "DateRangeInput.") || strings.HasPrefix(v, "ThingFilter.period") {
			t.Errorf("a range flagged: %s", v)
		}
	}
}

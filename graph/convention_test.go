package graph

import (
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/vektah/gqlparser/v2/ast"

	"carejourney/graph/generated"
)

// The naming convention of the API (issue 12), checked on the executable
// schema so every type, field and mutation added later is covered:
//
//   - an ID input field or argument is `id`/`ids`, or ends with `<Type>Id` or
//     `<Type>Ids` where Type is a Node type; a lower-case qualifier may come
//     first when two ids of one type meet (`facilitatorPeerId`);
//   - a mutation `m` takes one argument `input: MInput` and returns
//     `MPayload` (its own types, never shared), and the payload carries
//     `userErrors: [UserError!]!`;
//   - a payload field holding an object is named by its type in lower camel
//     case (a qualifier prefix is allowed: `previousCareLevel`), a list by
//     the plural;
//   - DateTime fields end in `At`, Date fields in `On`, Boolean fields start
//     with one of booleanPrefixes;
//   - list-valued fields of a `*Filter` input are plural;
//   - a range is a DateRangeInput or DateTimeRangeInput (start included, end
//     excluded), never a pair of loose ends: no input field or argument is
//     named from/to/since/until/start/end (or begins so, for a date);
//   - a list or connection field takes only listArguments (paging, `filter:
//     XFilter`, `orderBy`), or is one of listArgumentExceptions.

// booleanPrefixes are the verbs a Boolean field may start with.
var booleanPrefixes = []string{"is", "has", "can"}

// idNameExceptions are ID fields whose type the name cannot say, each with why.
var idNameExceptions = map[string]string{
	"AuditEventFilter.objectId": "any Node: the audit log records events on every type",
	"AuditEventFilter.actorId":  "a User or an ApiKey: whoever acted, as AuditEvent.actor and AuditEvent.apiKey",
	"GroupFilter.facilitatorId": "a Peer or a User: the id of a Facilitator, a union of the two",
}

// rangeTypes are the range inputs; only they hold a range's two ends.
var rangeTypes = map[string]bool{"DateRangeInput": true, "DateTimeRangeInput": true}

// rangeEndNames are the names of a loose range end; a range is one field of
// a range type instead.
var rangeEndNames = []string{"from", "to", "since", "until", "start", "end"}

// listArguments are the arguments a list or connection field may take.
var listArguments = map[string]bool{"first": true, "after": true, "last": true, "before": true, "filter": true, "orderBy": true}

// listArgumentExceptions are list fields' other arguments, each with why.
var listArgumentExceptions = map[string]string{
	"Query.nodes(ids)":                       "the Relay lookup by id: the ids are what is asked for, not a narrowing of a list",
	"AftercarePlan.adherence(weeks)":         "the size of a computed report (one entry per commitment and week), not a filter over stored rows",
	"Member.careEpisodes(includeSuperseded)": "widens the list (corrected episodes too); a filter's fields only narrow",
	"Query.apiKeys(includeRevoked)":          "widens the list (revoked keys too); a filter's fields only narrow",
}

// nameExceptions are fields exempt from the DateTime/Date/Boolean rules, each with why.
var nameExceptions = map[string]string{
	"UpdateAftercareCommitmentInput.clearTarget": "an instruction in an update input (remove the target), not a state",
	"UpdatePeerInput.clearCertification":         "an instruction in an update input (remove the certification), not a state",
}

func TestNamingConvention(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{}}).Schema()
	for _, v := range namingViolations(schema) {
		t.Error(v)
	}
}

func namingViolations(schema *ast.Schema) []string {
	var out []string
	add := func(format string, args ...string) {
		s := format
		for _, a := range args {
			s = strings.Replace(s, "%s", a, 1)
		}
		out = append(out, s)
	}
	nodeTypes := map[string]bool{}
	for _, def := range schema.GetPossibleTypes(schema.Types["Node"]) {
		nodeTypes[def.Name] = true
	}

	checkID := func(where string, name string, typ *ast.Type) {
		if typ.Name() != "ID" || name == "id" || name == "ids" {
			return
		}
		if _, ok := idNameExceptions[where]; ok {
			return
		}
		base, ok := strings.CutSuffix(name, "Ids")
		if !ok {
			base, ok = strings.CutSuffix(name, "Id")
		}
		if !ok || !endsWithType(base, nodeTypes) {
			add("%s: an ID named %s does not end with <NodeType>Id", where, name)
		}
	}

	checkRangeEnd := func(where string, name string, typ *ast.Type) {
		if schema.Types[typ.Name()] == nil || schema.Types[typ.Name()].Kind != ast.Scalar {
			return
		}
		dated := typ.Name() == "Date" || typ.Name() == "DateTime"
		for _, end := range rangeEndNames {
			if name == end || (dated && strings.HasPrefix(name, end) && unicode.IsUpper(rune(name[len(end)]))) {
				add("%s: a range end named %s; a range is one DateRangeInput or DateTimeRangeInput field (start included, end excluded)", where, name)
			}
		}
	}

	names := make([]string, 0, len(schema.Types))
	for name := range schema.Types {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, typeName := range names {
		def := schema.Types[typeName]
		if strings.HasPrefix(typeName, "__") || def.BuiltIn {
			continue
		}
		if def.Kind != ast.Object && def.Kind != ast.InputObject && def.Kind != ast.Interface {
			continue
		}
		for _, f := range def.Fields {
			if strings.HasPrefix(f.Name, "__") {
				continue
			}
			where := typeName + "." + f.Name
			if def.Kind == ast.InputObject {
				checkID(where, f.Name, f.Type)
				if !rangeTypes[typeName] {
					checkRangeEnd(where, f.Name, f.Type)
				}
			}
			for _, a := range f.Arguments {
				checkID(where+"("+a.Name+")", a.Name, a.Type)
				checkRangeEnd(where+"("+a.Name+")", a.Name, a.Type)
			}
			if f.Type.Elem != nil || strings.HasSuffix(f.Type.Name(), "Connection") {
				for _, a := range f.Arguments {
					at := where + "(" + a.Name + ")"
					if _, ok := listArgumentExceptions[at]; !ok && !listArguments[a.Name] {
						add("%s: a list takes only first/after/last/before, filter and orderBy; put %s in its filter", at, a.Name)
					}
					if a.Name == "filter" && !strings.HasSuffix(a.Type.Name(), "Filter") {
						add("%s: a filter is an input named <Something>Filter", at)
					}
				}
			}
			if _, ok := nameExceptions[where]; !ok && f.Type.Elem == nil {
				switch f.Type.Name() {
				case "DateTime":
					if !strings.HasSuffix(f.Name, "At") {
						add("%s: a DateTime field should end in At", where)
					}
				case "Date":
					if !strings.HasSuffix(f.Name, "On") {
						add("%s: a Date field should end in On", where)
					}
				case "Boolean":
					if !hasBooleanPrefix(f.Name) {
						add("%s: a Boolean field should start with is/has/can", where)
					}
				}
			}
			if def.Kind == ast.InputObject && strings.HasSuffix(typeName, "Filter") && f.Type.Elem != nil && !isPlural(f.Name) {
				add("%s: a list filter should be plural", where)
			}
			if def.Kind == ast.Object && strings.HasSuffix(typeName, "Payload") {
				target := schema.Types[f.Type.Name()]
				if f.Name == "userErrors" || target == nil || (target.Kind != ast.Object && target.Kind != ast.Interface) {
					continue
				}
				want := lowerFirst(target.Name)
				if f.Type.Elem != nil {
					want = pluralName(want)
				}
				if f.Name != want && !strings.HasSuffix(f.Name, upperFirst(want)) {
					add("%s: a payload field of type %s should be named %s", where, f.Type.String(), want)
				}
			}
		}
		if def.Kind == ast.Object && strings.HasSuffix(typeName, "Payload") {
			ue := def.Fields.ForName("userErrors")
			if ue == nil || ue.Type.String() != "[UserError!]!" {
				add("%s: a payload needs userErrors: [UserError!]!", typeName)
			}
		}
	}

	for _, m := range schema.Mutation.Fields {
		if strings.HasPrefix(m.Name, "__") {
			continue
		}
		want := upperFirst(m.Name)
		if len(m.Arguments) != 1 || m.Arguments[0].Name != "input" || m.Arguments[0].Type.Name() != want+"Input" {
			add("Mutation.%s: should take the single argument input: %sInput", m.Name, want)
		}
		if m.Type.Name() != want+"Payload" {
			add("Mutation.%s: returns %s, should return its own %sPayload", m.Name, m.Type.Name(), want)
		}
	}
	return out
}

// endsWithType reports whether name is a Node type in lower camel case,
// or ends with one after a lower-case qualifier (`facilitatorPeer`).
func endsWithType(name string, nodeTypes map[string]bool) bool {
	for typ := range nodeTypes {
		if name == lowerFirst(typ) || strings.HasSuffix(name, typ) {
			return true
		}
	}
	return false
}

func hasBooleanPrefix(name string) bool {
	for _, p := range booleanPrefixes {
		if strings.HasPrefix(name, p) && len(name) > len(p) && unicode.IsUpper(rune(name[len(p)])) {
			return true
		}
	}
	return false
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }
func upperFirst(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// isPlural tells a plural field name: "kinds", "groupIds", "timesOfDay";
// not "status" or "class".
func isPlural(name string) bool {
	if strings.Contains(name, "sOf") {
		return true
	}
	return strings.HasSuffix(name, "s") && !strings.HasSuffix(name, "us") && !strings.HasSuffix(name, "ss")
}

// pluralName is English plural enough for type names.
func pluralName(s string) string {
	switch {
	case strings.HasSuffix(s, "y"):
		return s[:len(s)-1] + "ies"
	case strings.HasSuffix(s, "s"):
		return s + "es"
	}
	return s + "s"
}

// TestListsAreConnections: every list-valued output field of an object type
// is a connection, or a bounded list named in boundedLists with its bound,
// so a list that can grow cannot be added as a plain list by accident.
// Connections' own edges and nodes (a page, at most 100) and payloads
// (what one mutation changed, bounded by its input) are lists by design.
func TestListsAreConnections(t *testing.T) {
	schema := generated.NewExecutableSchema(generated.Config{Resolvers: &Resolver{}}).Schema()
	found := map[string]bool{}
	for _, name := range plainLists(schema) {
		found[name] = true
		if boundedLists[name] == "" {
			t.Errorf("%s is a plain list: make it a connection, or name its bound in boundedLists", name)
		}
	}
	for name := range boundedLists {
		if !found[name] {
			t.Errorf("%s is no plain list of the schema (any more): remove it from boundedLists", name)
		}
	}
}

// plainLists are the list-valued fields of the schema's object types,
// outside connections and payloads.
func plainLists(schema *ast.Schema) []string {
	var out []string
	for _, def := range schema.Types {
		if def.Kind != ast.Object || strings.HasPrefix(def.Name, "__") ||
			strings.HasSuffix(def.Name, "Connection") || strings.HasSuffix(def.Name, "Payload") {
			continue
		}
		for _, f := range def.Fields {
			if f.Type.Elem != nil {
				out = append(out, def.Name+"."+f.Name)
			}
		}
	}
	sort.Strings(out)
	return out
}

// boundedLists are the plain lists that stay lists, each with its bound.
var boundedLists = map[string]string{
	"Query.careLevels":                  "the care-level catalogue (7)",
	"Outcomes.levels":                   "one figure per care level of the catalogue (7)",
	"Milestones.reached":                "the milestone catalogue (domain.Milestones)",
	"Query.nodes":                       "one per id asked, at most 100",
	"UserError.field":                   "a path into the input, as deep as the input",
	"Group.schedule":                    "at most 28 slots (domain.MaxScheduleSlots)",
	"Group.timesOfDay":                  "the three times of day",
	"Group.facilitators":                "at most 20 (domain.MaxGroupFacilitators)",
	"House.residents":                   "the current residents, at most the capacity (200)",
	"AttendanceSummary.weeks":           "one per week of the period (12 by default)",
	"SharedMember.attendanceWeeks":      "one per week of the last 90 days",
	"AftercarePlan.adherence":           "one per commitment of the plan, over at most 52 weeks",
	"CommitmentAdherence.weeks":         "at most 52 weeks (domain.MaxAdherenceWeeks)",
	"CheckIn.copingSkills":              "at most 30 (check-in rules)",
	"RecoveryCapitalAssessment.answers": "the 10 BARC-10 items",
	"ApiKey.scopes":                     "the ApiScope enum",
	"ViewerApiKey.scopes":               "the ApiScope enum",
	"Consent.informationKinds":          "the InformationKind enum",
	"ConsentedMember.informationKinds":  "the InformationKind enum",
	"SharedMember.sharedKinds":          "the InformationKind enum",
	"Peer.languages":                    "a peer's own attribute, set whole by updatePeer",
	"Peer.specialties":                  "a peer's own attribute, set whole by updatePeer",
}

package graph

import (
	"os"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"carejourney/graph/access"
	"carejourney/server/domain"
)

// readSentence is what an access sentence says, read back from its words.
type readSentence struct {
	audience access.Audience
	kind     domain.InformationKind // the consent kind a members:read key needs
	own      bool                   // the account's owner may read it
	bound    access.Audience        // roles held to the records they reach
	through  bool                   // as the field that returns it
}

// parseSentence reads an access sentence without the code that wrote it,
// so a sentence that says something the policy does not is caught.
func parseSentence(t *testing.T, where, s string) readSentence {
	t.Helper()
	var r readSentence
	body, ok := strings.CutPrefix(s, accessPrefix)
	if !ok || !strings.HasSuffix(body, ".") {
		t.Errorf("%s: not an access sentence: %q", where, s)
		return r
	}
	body = strings.TrimSuffix(body, ".")
	roles := map[string]access.Audience{}
	for _, r := range domain.Roles {
		roles[string(r)] = access.RoleAudience(r)
	}
	scopes := map[string]access.Audience{}
	for _, sc := range domain.Scopes {
		scopes[string(sc)] = access.ScopeAudience(sc)
	}
	for _, part := range strings.Split(body, "; ") {
		switch {
		case part == "whoever may read the field that returns it":
			r.through = true
		case part == wordsEveryone:
			r.audience |= access.Everyone
		case part == wordsAnonymous:
			r.audience |= access.Anonymous
		case part == wordsNoOne:
		case part == "the account's owner":
			r.own = true
		case strings.HasSuffix(part, " only on records they reach"):
			for _, name := range strings.Split(strings.TrimSuffix(part, " only on records they reach"), " and ") {
				r.bound |= roles[name]
			}
		case strings.HasPrefix(part, wordsKeys):
			list, kind, _ := strings.Cut(strings.TrimPrefix(part, wordsKeys), ", under a consent naming their partner that covers ")
			r.kind = domain.InformationKind(kind)
			for _, name := range strings.Split(list, ", ") {
				if scopes[name] == 0 {
					t.Errorf("%s: unknown scope %q in %q", where, name, s)
				}
				r.audience |= scopes[name]
			}
		default:
			for _, name := range strings.Split(part, ", ") {
				if roles[name] == 0 {
					t.Errorf("%s: unknown role %q in %q", where, name, s)
				}
				r.audience |= roles[name]
			}
		}
	}
	return r
}

// lastParagraph is the sentence at the end of a description.
func lastParagraph(description string) string {
	paras := strings.Split(description, "\n\n")
	return paras[len(paras)-1]
}

// TestAccessSentences: every object field of the executable schema ends its
// description with who may read it, and that agrees with the policy table
// the guard reads for that field.
func TestAccessSentences(t *testing.T) {
	s := Schema()
	fields := 0
	for def, f := range objectFields(s) {
		fields++
		where := def.Name + "." + f.Name
		if n := strings.Count(f.Description, accessPrefix); n != 1 {
			t.Errorf("%s: %d access sentences in %q", where, n, f.Description)
			continue
		}
		got := parseSentence(t, where, lastParagraph(f.Description))
		want := policySays(def.Name, f.Name)
		if got != want {
			t.Errorf("%s: the description says %+v, the policy %+v", where, got, want)
		}
	}
	if fields < 100 {
		t.Fatalf("only %d object fields: is this the executable schema?", fields)
	}
}

// policySays is what the access sentence of typeName.field must say, read
// from the policy tables as allowField and Guard.CanSeeField read them.
func policySays(typeName, field string) readSentence {
	var want readSentence
	switch typeName {
	case "Query":
		want.audience = access.Queries[field]
	case "Mutation":
		rule := access.Mutations[field]
		want.audience = rule.Audience
		if len(rule.Targets) > 0 {
			want.bound = rule.Audience &^ access.Care & access.Users
		}
	default:
		aud, _ := access.FieldAudience(typeName, field)
		if aud == access.Everyone && aud != access.Types[typeName].Read {
			want.through = true
			break
		}
		want.audience = aud
		if kind, ok := access.KindOf(typeName, field); ok && aud&access.MembersKey != 0 {
			want.kind = kind
		}
		want.own = access.OwnField(typeName, field)
	}
	return want
}

// TestSchemaSnapshotHasAccessSentences: schema.graphql, the snapshot
// partners and GraphQL Inspector read, carries the same descriptions as the
// executable schema (run `make schema` when this fails), and the .graphqls
// sources leave the sentence to the policy.
func TestSchemaSnapshotHasAccessSentences(t *testing.T) {
	body, err := os.ReadFile("../schema.graphql")
	if err != nil {
		t.Fatal(err)
	}
	snapshot, gqlErr := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: string(body)})
	if gqlErr != nil {
		t.Fatal(gqlErr)
	}
	sources := loadSchema(t)
	for name, def := range Schema().Types {
		if def.Kind != ast.Object || def.BuiltIn {
			continue
		}
		for _, f := range def.Fields {
			if snap := snapshot.Types[name]; snap == nil || snap.Fields.ForName(f.Name) == nil {
				t.Errorf("%s.%s: not in schema.graphql (run make schema)", name, f.Name)
			} else if got := snap.Fields.ForName(f.Name).Description; got != f.Description {
				t.Errorf("%s.%s: schema.graphql says %q, the policy %q (run make schema)", name, f.Name, got, f.Description)
			}
			if src := sources.Types[name].Fields.ForName(f.Name); src != nil && strings.Contains(src.Description, accessPrefix) {
				t.Errorf("%s.%s: the .graphqls description has its own access sentence: the policy writes it", name, f.Name)
			}
		}
	}
}

package graph

import (
	"bytes"
	"iter"
	"strings"
	"sync"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"

	"carejourney/graph/access"
	"carejourney/graph/generated"
	"carejourney/server/domain"
)

// Every object field's description ends with who may read it, written from
// the access policy (graph/access) when the schema is built: the
// .graphqls files keep the human text, and introspection, GraphiQL and
// schema.graphql (printschema) carry the sentence, so it cannot drift from
// what the guard enforces.

// accessPrefix starts the sentence; describeAccess replaces a paragraph
// starting with it, so describing twice changes nothing.
const accessPrefix = "Access: "

// Schema returns the executable schema's parsed schema with the access
// sentences, built once from a copy so the generated one stays as gqlgen
// parsed it.
var Schema = sync.OnceValue(func() *ast.Schema {
	var buf bytes.Buffer
	formatter.NewFormatter(&buf).FormatSchema(generated.NewExecutableSchema(generated.Config{}).Schema())
	s := gqlparser.MustLoadSchema(&ast.Source{Name: "schema.graphql", Input: buf.String()})
	DescribeAccess(s)
	return s
})

// DescribeAccess appends the access sentence to the description of every
// field of every object type in s.
func DescribeAccess(s *ast.Schema) {
	for def, f := range objectFields(s) {
		f.Description = withAccess(f.Description, accessSentence(def.Name, f.Name))
	}
}

// objectFields yields every field of every object type of s that is not
// built in or introspection: the fields that carry an access sentence.
func objectFields(s *ast.Schema) iter.Seq2[*ast.Definition, *ast.FieldDefinition] {
	return func(yield func(*ast.Definition, *ast.FieldDefinition) bool) {
		for _, def := range s.Types {
			if def.Kind != ast.Object || def.BuiltIn || strings.HasPrefix(def.Name, "__") {
				continue
			}
			for _, f := range def.Fields {
				if strings.HasPrefix(f.Name, "__") {
					continue
				}
				if !yield(def, f) {
					return
				}
			}
		}
	}
}

func withAccess(description, sentence string) string {
	if i := strings.Index(description, accessPrefix); i == 0 || (i > 0 && strings.HasSuffix(description[:i], "\n\n")) {
		description = strings.TrimRight(description[:i], "\n")
	}
	if description == "" {
		return sentence
	}
	return description + "\n\n" + sentence
}

// accessSentence says who may read typeName.field, from the same tables
// the guard reads (allowField, Guard.CanSeeField).
func accessSentence(typeName, field string) string {
	switch typeName {
	case "Query":
		return accessPrefix + audienceWords(access.Queries[field]) + "."
	case "Mutation":
		rule := access.Mutations[field]
		s := accessPrefix + audienceWords(rule.Audience)
		if bound := boundRoles(rule.Audience); len(rule.Targets) > 0 && bound != "" {
			s += "; " + bound + " only on records they reach"
		}
		return s + "."
	}
	aud, known := access.FieldAudience(typeName, field)
	switch {
	case !known:
		return accessPrefix + "no one."
	case aud == access.Everyone:
		return accessPrefix + "whoever may read the field that returns it."
	}
	s := accessPrefix + audienceWords(aud)
	if kind, gated := access.KindOf(typeName, field); gated && access.MembersKey.Admits(aud) {
		s += ", under a consent naming their partner that covers " + string(kind)
	}
	if access.OwnField(typeName, field) {
		s += "; the account's owner"
	}
	return s + "."
}

// Words of the sentence that name audiences beyond roles and scopes.
const (
	wordsEveryone  = "anyone, signed in or not"
	wordsAnonymous = "requests without a session or key"
	wordsNoOne     = "no one"
	wordsKeys      = "keys with "
)

// audienceWords lists aud as roles, key scopes and anonymous requests:
// "ADMIN, CLINICIAN; keys with members:read".
func audienceWords(aud access.Audience) string {
	if aud == access.Everyone {
		return wordsEveryone
	}
	var parts, roles, scopes []string
	// In domain's order of roles and scopes.
	for _, r := range domain.Roles {
		if access.RoleAudience(r).Admits(aud) {
			roles = append(roles, string(r))
		}
	}
	for _, sc := range domain.Scopes {
		if access.ScopeAudience(sc).Admits(aud) {
			scopes = append(scopes, string(sc))
		}
	}
	if len(roles) > 0 {
		parts = append(parts, strings.Join(roles, ", "))
	}
	if len(scopes) > 0 {
		parts = append(parts, wordsKeys+strings.Join(scopes, ", "))
	}
	if access.Anonymous.Admits(aud) {
		parts = append(parts, wordsAnonymous)
	}
	if len(parts) == 0 {
		return wordsNoOne
	}
	return strings.Join(parts, "; ")
}

// boundRoles names the roles in aud whose mutations are held to the
// records they reach (Guard.CanWrite): everyone outside the care team.
func boundRoles(aud access.Audience) string {
	var roles []string
	for _, r := range domain.Roles {
		if ra := access.RoleAudience(r); ra.Admits(aud) && !access.Care.Admits(ra) {
			roles = append(roles, string(r))
		}
	}
	return strings.Join(roles, " and ")
}

// Command printschema prints the API's schema, merged from
// graph/schema/*.graphqls (the files gqlgen reads), as one SDL document:
// `make schema` writes it to schema.graphql, the snapshot that GraphQL
// Inspector compares release to release (scripts/schema-check.mjs).
// Every object field's description gains its access sentence, written
// from the access policy (graph.DescribeAccess), as introspection shows it.
// The formatter sorts types and directives and leaves out the built-in
// ones, so the output depends only on the schema, not on file order.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/formatter"

	"carejourney/graph"
)

func main() {
	dir := "graph/schema"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := run(dir); err != nil {
		fmt.Fprintln(os.Stderr, "printschema:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.graphqls"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("no *.graphqls in %s", dir)
	}
	sort.Strings(files)
	sources := make([]*ast.Source, 0, len(files))
	for _, name := range files {
		body, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		sources = append(sources, &ast.Source{Name: filepath.ToSlash(name), Input: string(body)})
	}
	schema, err := gqlparser.LoadSchema(sources...)
	if err != nil {
		return err
	}
	graph.DescribeAccess(schema)
	formatter.NewFormatter(os.Stdout, formatter.WithIndent("  ")).FormatSchema(schema)
	return nil
}

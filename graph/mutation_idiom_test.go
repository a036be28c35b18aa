package graph

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"
)

// TestMutationResolversUseMutate keeps one idiom for mutation resolvers
// (issue 12): each calls mutate or outcome, which turn a domain error into
// userErrors and pass any other error on, and none calls toUserErrors itself.
// A resolver that skipped the helper could return a null payload, or an
// internal error as userErrors, and nothing else would notice.
func TestMutationResolversUseMutate(t *testing.T) {
	files, err := filepath.Glob("*.resolvers.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	resolvers := 0
	for _, file := range files {
		f, err := parser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || !isMutationResolver(fn) {
				continue
			}
			resolvers++
			calls := calledNames(fn.Body)
			if !calls["mutate"] && !calls["outcome"] {
				t.Errorf("%s: mutationResolver.%s calls neither mutate nor outcome", fset.Position(fn.Pos()), fn.Name.Name)
			}
			if calls["toUserErrors"] {
				t.Errorf("%s: mutationResolver.%s calls toUserErrors; go through mutate or outcome", fset.Position(fn.Pos()), fn.Name.Name)
			}
		}
	}
	if resolvers < 50 {
		t.Errorf("found %d mutation resolvers in %v; the parse misses some", resolvers, files)
	}
}

// isMutationResolver tells a method of *mutationResolver.
func isMutationResolver(fn *ast.FuncDecl) bool {
	if fn.Recv == nil || len(fn.Recv.List) != 1 {
		return false
	}
	star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	id, ok := star.X.(*ast.Ident)
	return ok && id.Name == "mutationResolver"
}

// calledNames is the set of plain function names called in body, including
// generic calls such as mutate[T](…).
func calledNames(body *ast.BlockStmt) map[string]bool {
	names := map[string]bool{}
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fun := call.Fun
		switch f := fun.(type) {
		case *ast.IndexExpr:
			fun = f.X
		case *ast.IndexListExpr:
			fun = f.X
		}
		if id, ok := fun.(*ast.Ident); ok {
			names[id.Name] = true
		}
		return true
	})
	return names
}

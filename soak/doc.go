// Package soak holds the fault and load tests of `make soak`: each starts
// what it needs (a private PostgreSQL cluster on loopback, the server in
// process or as its binary), runs for a bounded time and prints its
// figures. They are behind the build tag soak, so `go test ./...` and
// `make test` compile none of them:
//
//	go test -tags soak -count=1 -v ./soak/
//
// docs/operations.md (Soak tests) says what each one proves.
package soak

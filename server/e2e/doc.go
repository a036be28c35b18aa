// Package e2e holds end-to-end tests: they start the real server on :0 over
// a fresh PostgreSQL database and talk to it over HTTP, as a client would.
package e2e

# Targets for development and CI; .ci/run installs what they need and runs `make test`.

.PHONY: run build frontend generate schema schema-release check-generated vet test frontend-test e2e bench bench-go dev fuzz fuzz-brief soak

# Builds the app and the server (with the app embedded) and serves on :8080.
# With DATABASE_URL unset it starts a private PostgreSQL under ./.data; on
# the first start it loads the demo provider and prints the demo sign-ins.
# The demo accounts have no second factor: two-factor sign-in is required of
# no role here (production's default requires it of ADMIN).
run: build
	./bin/carejourney serve --seed-demo-on-empty --totp-required-roles=none

build: frontend
	go build -o bin/carejourney ./server

# Node packages, installed exactly as locked whenever the lock changes.
node_modules/.package-lock.json: package.json package-lock.json frontend/package.json
	npm ci --no-audit --no-fund

# The single-page app: typed GraphQL documents, a type check, the bundle in
# frontend/dist (embedded by the Go build), and its sizes.
frontend: node_modules/.package-lock.json
	npm run codegen
	npm run build

# `make dev`: the Go server on :8080 and Vite with hot reload on :5173
# (Vite proxies /graphql, so the browser sees one origin).
dev: build
	./bin/carejourney serve --seed-demo-on-empty --totp-required-roles=none & pid=$$!; npm run dev; kill -INT $$pid

generate: node_modules/.package-lock.json schema
	go tool gqlgen generate
	npm run codegen

# schema.graphql: the code's schema (graph/schema/*.graphqls merged, sorted),
# the snapshot that `npm run schema-check` compares with the last release's.
schema:
	go run ./graph/cmd/printschema > schema.graphql.tmp && mv schema.graphql.tmp schema.graphql

# At a release: the released schema becomes the base of the breaking-change
# check (docs/api.md, Schema history and deprecations).
schema-release: schema
	cp schema.graphql schema.released.graphql

# Fails when committed generated code (gqlgen's, the app's typed documents
# and the schema.graphql snapshot) no longer matches the schema and the documents.
check-generated: generate
	@if [ -n "$$(git status --porcelain -- graph frontend/src/gql schema.graphql)" ]; then \
		git status --porcelain -- graph frontend/src/gql schema.graphql; \
		echo "generated code is stale: run make generate and commit" >&2; \
		exit 1; \
	fi

# go vet, and gofmt: a file gofmt would change fails the build.
vet:
	go vet ./...
	go vet -tags soak ./soak/
	@unformatted="$$(gofmt -l graph server bench soak)"; if [ -n "$$unformatted" ]; then echo "gofmt -w these: $$unformatted" >&2; exit 1; fi

# ESLint, the unit tests, the schema history check (breaking changes
# listed in the change log, deprecations dated), and the documentation's
# relative links (README.md and docs/*.md: every file and heading exists).
frontend-test: node_modules/.package-lock.json
	npm run lint
	npm test
	npm run schema-check
	npm run doc-links

# End-to-end tests in Chromium (/usr/bin/chromium): the built server with the
# demo data on a throwaway database, the issue's scenarios, screenshots of the
# main pages (frontend/e2e/out/screenshots) and axe-core on each.
e2e: build
	npm run e2e

# The Go tests, a brief fuzzing of each fuzz target, then the end-to-end
# tests on the binary built above. server/e2e's schema-driven crawls take
# about ten minutes under -race on two cores: go test's default timeout
# (10m) is too short for them.
test: vet check-generated frontend-test build
	go test -race -count=1 -timeout 30m ./...
	$(MAKE) fuzz-brief
	npm run e2e

# The fuzz targets, as package:target. `go test -fuzz` takes one package
# and one target at a time. Each target's seeds (f.Add and
# testdata/fuzz/<target>/) also run with the plain `go test` above; what
# fuzzing finds is written to testdata/fuzz/<target>/ to be committed.
FUZZ_TARGETS = ./graph/globalid:FuzzDecode ./graph:FuzzPageRequest \
	./server/domain:FuzzInputRules ./server/e2e:FuzzGraphQL
FUZZTIME ?= 60s

# `make fuzz`: each target for FUZZTIME (60s unless set), with one worker:
# the machine is shared, and each worker of the handler target starts its
# own server and database. Each new input is minimized by one run only: the
# default (up to 60s each) left the handler target idle most of its time.
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; \
		echo "fuzz $$name ($$pkg) for $(FUZZTIME)"; \
		go test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 1x -parallel 1 $$pkg || exit 1; \
	done

# A few seconds per target, for `make test`, counted in inputs: a fuzz time
# in seconds can end while the coordinator waits on its worker, and go test
# then fails with "context deadline exceeded" on a busy machine.
fuzz-brief:
	@$(MAKE) --no-print-directory fuzz FUZZTIME=2000x

# `make bench`: the release build side by side with the peer (PostGraphile
# 5 from bench/peer, installed there by the harness) and the floor (one SQL
# statement per page under pgbench) on a private PostgreSQL; writes
# bench/results/<date>.md. BENCH_SECONDS, BENCH_ROUNDS, BENCH_MEMBERS and
# BENCH_PAGES=1,2 shorten a run (bench/README.md).
bench: build
	go run ./bench

# `make soak`: the fault and load tests (soak/, behind the build tag soak, so
# `go test ./...` compiles none of them). Each starts what it needs on
# loopback (a private PostgreSQL cluster, the server in process or as its
# binary), runs for seconds and prints its figures (the "figures:" lines);
# docs/operations.md, Soak tests. SOAK_RUN=<regexp> runs some of them.
SOAK_RUN ?= .
soak:
	go test -tags soak -count=1 -v -timeout 20m -run '$(SOAK_RUN)' ./soak/

# The Go benchmarks of the hot paths.
bench-go:
	go test -run '^$$' -bench . -benchmem ./...

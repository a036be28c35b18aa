# Targets for development and CI; .ci/run installs what they need and runs `make test`.

.PHONY: run build generate check-generated vet test bench

# Builds the server (with the app embedded) and serves on :8080. With
# DATABASE_URL unset it starts a private PostgreSQL under ./.data; on the
# first start it loads the demo provider and prints the demo sign-ins.
run: build
	./bin/carejourney serve --seed-demo-on-empty

build:
	go build -o bin/carejourney ./server

generate:
	go tool gqlgen generate

# Fails when the committed GraphQL code no longer matches the schema.
check-generated: generate
	@if [ -n "$$(git status --porcelain -- graph)" ]; then \
		git status --porcelain -- graph; \
		echo "generated GraphQL code is stale: run make generate and commit" >&2; \
		exit 1; \
	fi

vet:
	go vet ./...

test: vet check-generated
	go test -race -count=1 ./...

bench:
	go test -run '^$$' -bench . -benchmem ./...

# plantrack: the README's two commands are `make run` and `make test`.
#
#   make run    fetch the ECharts asset (go generate), then serve the demo data
#               on http://127.0.0.1:8080/
#   make test   install what the tests need when missing (as root: Chromium,
#               Prometheus/promtool, npm), go generate, go vet, staticcheck,
#               go test
#   make build  a ./plantrack binary

GO ?= go

.PHONY: run test build generate deps vet staticcheck

run: generate
	$(GO) run ./cmd/plantrack serve --demo

test: deps generate vet staticcheck
	$(GO) test -timeout 30m ./...

build: generate
	$(GO) build -o plantrack ./cmd/plantrack

vet:
	$(GO) vet ./...

# staticcheck at a pinned version, fetched through the Go module proxy like
# any dependency (no separate install). dashboards/grafana/staticcheck.conf
# drops SA1019 there: the Grafana SDK marks its v1 builders deprecated.
STATICCHECK_VERSION ?= v0.8.2
staticcheck:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

# go generate runs `npm ci` for the pinned ECharts version and copies it
# into dashboards/assets/vendor/ (git-ignored, embedded in the binary).
generate:
	$(GO) generate ./...

# deps installs the test tools that are missing, with apt-get when running as
# root; otherwise it says what is missing (those tests skip outside CI and
# fail in CI).
deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v prometheus >/dev/null 2>&1 || missing="$$missing prometheus"; \
	command -v promtool >/dev/null 2>&1 || missing="$$missing prometheus"; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing:$$missing"; \
		apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else \
		echo "missing:$$missing (install them, or run make test as root to let it install them)"; \
	fi

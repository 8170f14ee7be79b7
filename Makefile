# Echo — every developer chore. `make dev` to run it, `make test` to check everything.
SHELL := /bin/bash
.DEFAULT_GOAL := help

export NEXT_TELEMETRY_DISABLED := 1
export BETTER_AUTH_TELEMETRY := 0
PORT ?= 3000
export PORT
TSX := node_modules/.bin/tsx
# Node with tsx as a loader, no wrapper process: Ctrl+C reaches the script itself, which stops its
# children and exits 0 (the tsx CLI would turn a slow shutdown into exit 130, make's "Error 130").
NODE_TS := node --import tsx

# A session secret for `make start` when none is configured: generated once, kept in .data/.
ifeq ($(strip $(AUTH_SECRET)),)
AUTH_SECRET := $(shell mkdir -p .data && { test -s .data/auth-secret || node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))" > .data/auth-secret; } && cat .data/auth-secret)
export AUTH_SECRET
endif

.PHONY: help install dev start build worker test typecheck lint unit e2e chromium \
        db-fresh db-reset db-status db-seed db-generate db-migrate inbound bench-seed bench bench-soak

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# npm ci when node_modules is missing or older than the lockfile.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

install: node_modules/.package-lock.json ## install npm packages if missing or stale

dev: install ## database, migrations, seed, app and worker; prints the URL and the demo logins
	NODE_ENV=development $(NODE_TS) scripts/dev.ts

build: install ## production build
	node_modules/.bin/next build

start: build ## production build, then serve it on $PORT with a worker
	NODE_ENV=production $(NODE_TS) scripts/dev.ts --production

worker: install ## the job worker alone, restarted if it crashes (run several for more throughput)
	$(TSX) scripts/worker.ts

typecheck: install
	node_modules/.bin/tsc --noEmit

lint: install
	node_modules/.bin/biome check .

unit: install ## unit and integration tests against a real PostgreSQL
	node_modules/.bin/vitest run

chromium: ## Debian's chromium for the browser tests, installed if missing
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing chromium from apt…"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

e2e: install chromium ## browser tests against the production build (run `make build` first)
	node_modules/.bin/vitest run --config vitest.e2e.config.ts

test: install chromium ## everything: typecheck, lint, unit + integration, production build, browser tests
	$(MAKE) --no-print-directory typecheck
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory unit
	$(MAKE) --no-print-directory build
	$(MAKE) --no-print-directory e2e

db-fresh: install ## apply migrations and seed the demo data if it is not there
	$(TSX) scripts/db.ts fresh

db-reset: install ## DESTROY all data, migrate and seed again (CONFIRM=1 skips the question)
	@if [ "$(CONFIRM)" != "1" ]; then \
	  read -r -p "This deletes every row in the database. Type 'yes' to go on: " answer; \
	  [ "$$answer" = "yes" ] || { echo "Nothing was changed."; exit 1; }; \
	fi
	$(TSX) scripts/db.ts reset

db-status: install ## connection, migrations and row counts per table
	$(TSX) scripts/db.ts status

db-seed: install ## seed the demo data if it is not there
	$(TSX) scripts/db.ts seed

db-migrate: install ## apply the committed migrations in drizzle/
	$(TSX) scripts/db.ts migrate

# The email's fields reach the script exactly as typed: `$(value …)` keeps make from expanding the
# `$9` of "$9,000" as a variable. (Single-quote them in the shell, too: bash expands `$9` inside double quotes.)
inbound: override export FROM := $(value FROM)
inbound: override export SUBJECT := $(value SUBJECT)
inbound: override export BODY := $(value BODY)
inbound: override export TO := $(value TO)
inbound: override export DEAL := $(value DEAL)
inbound: install ## an email arrives: make inbound FROM='Ann <ann@acme.example>' SUBJECT=… BODY='budget $9,000' [TO=…] [DEAL=id]
	$(TSX) scripts/inbound.ts

db-generate: install ## generate a migration from the schema in db/schema (review it, then commit it)
	node_modules/.bin/drizzle-kit generate

bench-seed: install ## add the large bench data set (1,000 orgs, 100,000 drafts) beside the demo data
	$(TSX) scripts/bench/seed.ts

bench: install ## production server under HTTP load on the bench data; writes bench/results.json
	$(TSX) scripts/bench/run.ts
	$(TSX) scripts/bench/search.ts
	$(TSX) scripts/bench/review-loop.ts
	$(TSX) scripts/bench/suggestions.ts

bench-soak: install ## make bench, then 5 minutes at concurrency 16 with the server's memory sampled
	$(TSX) scripts/bench/run.ts --soak

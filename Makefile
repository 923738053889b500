# Two entry points for a newcomer: `make run` and `make test`. Each does its own set-up.
SHELL := /bin/bash
ARGS ?=
PLUGIN_DIRS := $(wildcard plugins/*/)
FIXTURE_DIRS := $(wildcard test/fixtures/plugins/*/)
SDK_BUILD := node dist/sdk/build/cli.js build

.PHONY: run test build setup test-deps rust-deps c-toolchain plugins fixtures gen check bench compat redis-suite clean

node_modules/.ferrite-installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

setup: node_modules/.ferrite-installed

build: setup rust-deps
	npx tsc -p tsconfig.json
	node dist/host-api/generate.js --check
	$(MAKE) --no-print-directory plugins build/fixtures/rusty.wasm

# Instrument every built plugin once, in one process: a test run then starts its many servers from the cache.
WARM_CACHE := node dist/runtime/src/plugin/wasm/warm-cache.js

# A plugin is rebuilt only when its own sources, the SDK or the host API changed: `make run` restarts fast.
PLUGIN_WASM := $(patsubst plugins/%/,build/plugins/%.wasm,$(PLUGIN_DIRS))
FIXTURE_WASM := $(patsubst test/fixtures/plugins/%/,build/fixtures/%.wasm,$(FIXTURE_DIRS)) build/fixtures/counter.wasm build/fixtures/rusty.wasm build/fixtures/ccounter.wasm
SDK_SOURCES := $(shell find sdk/assembly sdk/build sdk/c host-api -type f) package-lock.json
sources_of = $(shell find $(1) -path '*/test' -prune -o -type f -print)

.SECONDEXPANSION:
build/plugins/%.wasm: $$(call sources_of,plugins/$$*) $(SDK_SOURCES)
	@mkdir -p build/plugins
	$(SDK_BUILD) plugins/$* --out $@

# The scripting plugin is C: Redis's Lua (deps/lua of Debian's redis source package, fetched once by
# redis-suite's script) compiled to wasm32 with Debian's clang, lld and wasi-libc (c-toolchain).
build/plugins/scripting.wasm: | c-toolchain redis-suite

build/fixtures/counter.wasm: $$(call sources_of,sdk/examples/counter) $(SDK_SOURCES)
	@mkdir -p build/fixtures
	$(SDK_BUILD) sdk/examples/counter --out $@

# The Rust SDK's example, built with Debian's rustc (rust-deps).
build/fixtures/rusty.wasm: $$(call sources_of,sdk/examples/rusty) $(SDK_SOURCES) $(wildcard sdk/rust/src/*.rs)
	@mkdir -p build/fixtures
	$(SDK_BUILD) sdk/examples/rusty --out $@

# The C SDK's example, built with Debian's clang, lld and wasi-libc (c-toolchain).
build/fixtures/ccounter.wasm: $$(call sources_of,sdk/examples/ccounter) $(SDK_SOURCES) | c-toolchain
	@mkdir -p build/fixtures
	$(SDK_BUILD) sdk/examples/ccounter --out $@

build/fixtures/%.wasm: $$(call sources_of,test/fixtures/plugins/$$*) $(SDK_SOURCES)
	@mkdir -p build/fixtures
	$(SDK_BUILD) test/fixtures/plugins/$* --out $@

plugins: $(PLUGIN_WASM)
	@$(WARM_CACHE) build/plugins/*.wasm

# The SDK's example type is a fixture too: its own tests load it.
fixtures: $(FIXTURE_WASM)
	@$(WARM_CACHE) build/fixtures/*.wasm

# Regenerate the host API bindings after editing host-api/abi.json.
gen: setup
	npx tsc -p tsconfig.json
	node dist/host-api/generate.js

# The node flags are runtime/src/node-flags.ts's (tests and benchmarks read them there).
run: build
	node --max-semi-space-size=1 --initial-old-space-size=64 dist/runtime/src/main.js --port 6379 --bind 127.0.0.1 --dir ./data $(ARGS)

# Debian's redis-server and redis-tools are the reference the tests and benchmarks compare against; Debian's
# python3-redis (with its JSON, time series, Bloom and graph clients) is a client the module tests use as is,
# run by /usr/bin/python3.
test-deps:
	@if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null || ! command -v redis-benchmark >/dev/null \
	  || ! /usr/bin/python3 -c 'import redis' 2>/dev/null; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq redis-server redis-tools python3-redis >/dev/null; \
	fi

# Rust plugins (the SDK's example among them) build with Debian's rustc and its wasm32 standard library,
# never a rustup toolchain: sdk/build/compile-rust.ts runs /usr/bin/rustc.
rust-deps:
	@if ! [ -x /usr/bin/rustc ] || ! [ -d /usr/lib/rustlib/wasm32-unknown-unknown ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq rustc libstd-rust-dev-wasm32 >/dev/null; \
	fi

# C plugins (sdk/c/, plugins/scripting) are compiled by Debian's clang 14 to wasm32 against wasi-libc, linked
# by lld; clang's wasm32 builtins (libclang_rt) come in their own package.
c-toolchain:
	@if ! command -v clang >/dev/null || ! command -v wasm-ld >/dev/null || [ ! -f /usr/lib/wasm32-wasi/libc.a ] \
	  || [ ! -f "$$(clang -print-resource-dir)/lib/wasi/libclang_rt.builtins-wasm32.a" ]; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq clang lld wasi-libc libclang-rt-14-dev-wasm32 >/dev/null; \
	fi

# The checks that run before the tests: the type-check of every TypeScript file, tests included (tsc emits
# nothing here), the linter (biome.jsonc) and the runtime's layers (.dependency-cruiser.cjs, ADR 0022).
# Warnings fail too: nothing is left to pile up.
check: setup
	npx tsc -p tsconfig.test.json
	npx biome lint --error-on-warnings .
	npx depcruise runtime/src --config .dependency-cruiser.cjs

# The Redis test suite too: test/compat/redis-suite.test.ts runs the units Ferrite passes in full.
test: test-deps build fixtures check redis-suite
	npx vitest run

bench: test-deps build build/fixtures/vectorlab.wasm
	node dist/bench/run.js

# Redis's own test suite (Debian's redis 7.0.15 source package, fetched once into build/redis-src/) in
# external mode, unit by unit, each against a fresh Ferrite; results in docs/compat.md. ARGS: run.ts's.
redis-suite:
	@test/compat/fetch-redis-src.sh

compat: test-deps build redis-suite
	node dist/test/compat/run.js $(ARGS)

clean:
	rm -rf dist build node_modules/.ferrite-installed

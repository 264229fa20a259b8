# The commands a new user runs. Each installs what is missing (scripts/install-deps), builds,
# then runs:
#   make demo       runtime packages only, builds only the `aekit` command, trains the demo
#   make test       every package, builds everything, runs every test
#   make install    builds `aekit` and installs it under PREFIX (default /usr/local): PREFIX/bin/aekit
#   make bench      the benchmarks against PyTorch and scikit-learn
#   make test-sanitize  every test again, built with clang++ under AddressSanitizer and
#                   UndefinedBehaviorSanitizer in SANITIZE_BUILD (default build-sanitize);
#                   CI_SUBSET=1 runs the subset CI runs (docs/reliability.md, Sanitizers)
BUILD ?= build
JOBS ?= $(shell nproc)
PREFIX ?= /usr/local
CMAKE_FLAGS ?=
CLI_ONLY = -DAEKIT_BUILD_TESTS=OFF -DAEKIT_BUILD_BENCH=OFF -DAEKIT_BUILD_EXPERIMENTS=OFF
EVERYTHING = -DAEKIT_BUILD_TESTS=ON -DAEKIT_BUILD_BENCH=ON -DAEKIT_BUILD_EXPERIMENTS=ON

SANITIZE_BUILD ?= build-sanitize
SANITIZE = -DCMAKE_CXX_COMPILER=clang++ -DAEKIT_SANITIZE=ON -DAEKIT_BUILD_TESTS=ON \
  -DAEKIT_BUILD_BENCH=OFF -DAEKIT_BUILD_EXPERIMENTS=OFF
# Any finding fails its test: ASan aborts (leaks included, checked at exit), UBSan halts with a
# stack. The runtimes are linked into aekit's programs, not preloaded, so the Python oracles
# and Chromium the tests start run uninstrumented.
SANITIZE_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
CI_SUBSET ?=

.PHONY: cli build demo test install bench clean test-sanitize

cli:
	bash scripts/install-deps run
	cmake -S . -B $(BUILD) $(CLI_ONLY) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS) --target aekit_cli

build:
	bash scripts/install-deps test
	cmake -S . -B $(BUILD) $(EVERYTHING) $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j $(JOBS)

demo: cli
	bash scripts/demo $(BUILD)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

test-sanitize:
	bash scripts/install-deps test
	cmake -S . -B $(SANITIZE_BUILD) $(SANITIZE) $(CMAKE_FLAGS)
	cmake --build $(SANITIZE_BUILD) -j $(JOBS)
	cd $(SANITIZE_BUILD) && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS)

install: cli
	cmake --install $(BUILD) --prefix $(PREFIX)

bench: build
	bash bench/run $(BUILD)

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD)

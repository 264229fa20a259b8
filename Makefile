# The commands a new user runs. Each installs what is missing (scripts/install-deps), builds,
# then runs:
#   make demo       runtime packages only, builds only the `aekit` command, trains the demo
#   make test       every package, builds everything, runs every test
#   make install    builds `aekit` and installs it under PREFIX (default /usr/local): PREFIX/bin/aekit
#   make bench      the benchmarks against PyTorch and scikit-learn
#   make test-sanitize  every test again, built with clang++ under AddressSanitizer and
#                   UndefinedBehaviorSanitizer in SANITIZE_BUILD (default build-sanitize);
#                   SANITIZE_TESTS=ci runs the subset CI runs (docs/reliability.md, Sanitizers)
#   make fuzz       builds the libFuzzer targets with clang (fuzz/, in FUZZ_BUILD, default
#                   build-fuzz) and runs each for FUZZ_SECONDS (default 60); make fuzz-smoke:
#                   10 s each, as CI runs them
BUILD ?= build
JOBS ?= $(shell nproc)
PREFIX ?= /usr/local
CMAKE_FLAGS ?=
CLI_ONLY = -DAEKIT_BUILD_TESTS=OFF -DAEKIT_BUILD_BENCH=OFF -DAEKIT_BUILD_EXPERIMENTS=OFF
EVERYTHING = -DAEKIT_BUILD_TESTS=ON -DAEKIT_BUILD_BENCH=ON -DAEKIT_BUILD_EXPERIMENTS=ON
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 60

SANITIZE_BUILD ?= build-sanitize
SANITIZE = -DCMAKE_CXX_COMPILER=clang++ -DAEKIT_SANITIZE=ON -DAEKIT_BUILD_TESTS=ON \
  -DAEKIT_BUILD_BENCH=OFF -DAEKIT_BUILD_EXPERIMENTS=OFF
# Any finding fails its test: ASan aborts (leaks included, checked at exit), UBSan halts with a
# stack. The runtimes are linked into aekit's programs, not preloaded, so the Python oracles
# and Chromium the tests start run uninstrumented.
SANITIZE_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
SANITIZE_TESTS ?= all
# What SANITIZE_TESTS=ci (CI) leaves out: the five longest groups, about half of the sanitized
# suite's time (the kill test alone takes 11 minutes under ASan); `make test-sanitize` runs all.
SANITIZE_CI_SKIP = CliKill|CliHashing|CliReport|browser_report_pages|GanMixture

.PHONY: cli build demo test install bench test-sanitize fuzz-build fuzz fuzz-smoke clean

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
ifeq ($(SANITIZE_TESTS),ci)
	@echo "test-sanitize: SANITIZE_TESTS=ci leaves out the tests matching '$(SANITIZE_CI_SKIP)' (make test-sanitize runs them)"
	cd $(SANITIZE_BUILD) && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS) -E '$(SANITIZE_CI_SKIP)'
else
	cd $(SANITIZE_BUILD) && $(SANITIZE_ENV) ctest --output-on-failure -j $(JOBS)
endif

install: cli
	cmake --install $(BUILD) --prefix $(PREFIX)

bench: build
	bash bench/run $(BUILD)

fuzz-build:
	bash scripts/install-deps test
	CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DAEKIT_BUILD_FUZZ=ON $(CLI_ONLY) $(CMAKE_FLAGS)
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target aekit_fuzz

fuzz: fuzz-build
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash fuzz/run $(FUZZ_BUILD)

fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=10

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) $(FUZZ_BUILD)

# The commands a new user runs. Each installs what is missing (scripts/install-deps), builds,
# then runs:
#   make demo       runtime packages only, builds only the `aekit` command, trains the demo
#   make test       every package, builds everything, runs every test
#   make install    builds `aekit` and installs it under PREFIX (default /usr/local): PREFIX/bin/aekit
#   make bench      the benchmarks against PyTorch and scikit-learn
BUILD ?= build
JOBS ?= $(shell nproc)
PREFIX ?= /usr/local
CMAKE_FLAGS ?=
CLI_ONLY = -DAEKIT_BUILD_TESTS=OFF -DAEKIT_BUILD_BENCH=OFF -DAEKIT_BUILD_EXPERIMENTS=OFF
EVERYTHING = -DAEKIT_BUILD_TESTS=ON -DAEKIT_BUILD_BENCH=ON -DAEKIT_BUILD_EXPERIMENTS=ON

.PHONY: cli build demo test install bench clean

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

install: cli
	cmake --install $(BUILD) --prefix $(PREFIX)

bench: build
	bash bench/run $(BUILD)

clean:
	rm -rf $(BUILD)

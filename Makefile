# Capstan's two commands: `make run` and `make test`. Each installs what is
# missing (Debian packages; KSyntaxHighlighting for Qt 6 into .deps/), builds
# what is stale, then runs the console or the whole test suite.

BUILD ?= build
DEPS := $(CURDIR)/.deps
JOBS ?= $(shell nproc)
CMAKE_FLAGS := -G Ninja -DCMAKE_PREFIX_PATH=$(DEPS) -DCAPSTAN_WERROR=$(if $(CI),ON,OFF) -DCAPSTAN_RENDERER_PGO=ON

.PHONY: all deps build run test bench package clean

all: build

deps:
	@bash packaging/bootstrap/install-packages.sh
	@bash packaging/bootstrap/build-ksyntaxhighlighting.sh $(DEPS)

# Configures a new build directory, and one configured without the
# profile-guided renderer (see README.md), before building.
build: deps
	@(test -f $(BUILD)/build.ninja && grep -qs 'CAPSTAN_RENDERER_PGO:BOOL=ON' $(BUILD)/CMakeCache.txt) || cmake -S . -B $(BUILD) $(CMAKE_FLAGS)
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/app/capstan $(ARGS)

test: build
	cd $(BUILD) && ctest -j $(JOBS) --output-on-failure

bench: build
	@cmake --build $(BUILD) --target benchmarks

package: build
	cd $(BUILD) && cpack -G DEB

clean:
	rm -rf $(BUILD)

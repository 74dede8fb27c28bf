# The two entry points of the README: render the book, run the tests.
# Both install the system libraries they need first (scripts/install-system-deps).

TRAINBOOK := .build/release/trainbook

.PHONY: book test deps build-release

## Render every notebook in notebooks/ into output/ with a release build.
book: deps build-release
	$(TRAINBOOK) datasets fetch
	$(TRAINBOOK) render notebooks --out output --jobs 2

## Build everything in debug mode (the engine is optimised regardless) and run the test suite.
test: deps
	swift build --build-tests
	swift test --skip-build

deps:
	@scripts/install-system-deps

build-release:
	swift build -c release

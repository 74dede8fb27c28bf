# The two entry points of the README: render the book, run the tests.
# Both install the system libraries they need first (scripts/install-system-deps).

TRAINBOOK := .build/release/trainbook

.PHONY: book test deps test-deps build-release

## Render every notebook in notebooks/ into output/ with a release build.
book: deps build-release
	$(TRAINBOOK) datasets fetch
	$(TRAINBOOK) render notebooks --out output

## Build everything in debug mode (the engine is optimised regardless) and run the test suite.
## The bundled book's end-to-end test reads MNIST and Fashion-MNIST, fetched first when missing.
test: test-deps
	swift build --build-tests
	.build/debug/trainbook datasets fetch
	swift test --skip-build

deps:
	@scripts/install-system-deps

test-deps:
	@scripts/install-system-deps --tests

build-release:
	swift build -c release

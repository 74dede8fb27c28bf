# The two entry points of the README: render the book, run the tests.
# Both install the system libraries they need first (scripts/install-system-deps).

TRAINBOOK := .build/release/trainbook

.PHONY: book test docs deps test-deps build-release

## Render every notebook in notebooks/ into output/ with a release build, and the API reference into output/api.
book: deps build-release
	$(TRAINBOOK) datasets fetch
	$(TRAINBOOK) render notebooks --out output
	$(MAKE) docs

## Build everything in debug mode (the engine is optimised regardless) and run the test suite.
## The bundled book's end-to-end test reads MNIST and Fashion-MNIST, fetched first when missing.
test: test-deps
	swift build --build-tests
	.build/debug/trainbook datasets fetch
	swift test --skip-build

## The reference of the notebook API (TrainBook, TrainKit, Charts) as static HTML in output/api, linked
## from output/index.html. DocC warnings fail the build, and so does a public symbol without a summary.
## The pages load their content with scripts: open them through a web server, not file://
## (python3 -m http.server -d output, then http://localhost:8000/api/documentation/trainbook/).
docs:
	swift package --allow-writing-to-directory output/api generate-documentation \
		--target TrainBook --target TrainKit --target Charts --enable-experimental-combined-documentation \
		--disable-indexing --transform-for-static-hosting --hosting-base-path api \
		--output-path output/api --warnings-as-errors
	scripts/check-doc-summaries

deps:
	@scripts/install-system-deps

test-deps:
	@scripts/install-system-deps --tests

build-release:
	swift build -c release

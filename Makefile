# senrei — the two commands a person needs are `make demo` and `make test`.
# Each installs what is missing (scripts/setup), configures and builds in build/.
BUILD ?= build
JOBS ?= $(shell nproc)
DEMO_DATA ?= $(BUILD)/demo-data
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo

.PHONY: all setup build demo test bench check-asan fuzz clean

all: build

setup:
	@scripts/setup

build: setup
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

# Ingest the bundled sample corpus (支援Navi, then the ministries' guideline pages and PDFs) into a
# fresh workspace, ask it two questions, and compare the example plan with the precedents
# (Markdown on the terminal, HTML in build/demo-compare.html).
demo: build
	@rm -rf $(DEMO_DATA)
	$(BUILD)/senrei --data $(DEMO_DATA) crawl renkei-navi --mirror corpus/sample/renkei-support.mhlw.go.jp
	$(BUILD)/senrei --data $(DEMO_DATA) crawl mhlw --mirror corpus/sample/www.mhlw.go.jp
	$(BUILD)/senrei --data $(DEMO_DATA) crawl soumu --mirror corpus/sample/www.soumu.go.jp
	$(BUILD)/senrei --data $(DEMO_DATA) crawl meti --mirror corpus/sample/www.meti.go.jp
	$(BUILD)/senrei --data $(DEMO_DATA) search 会費
	$(BUILD)/senrei --data $(DEMO_DATA) search 地域医療再生基金
	$(BUILD)/senrei --data $(DEMO_DATA) stats
	$(BUILD)/senrei --data $(DEMO_DATA) compare corpus/sample/plan-example.toml
	$(BUILD)/senrei --data $(DEMO_DATA) compare corpus/sample/plan-example.toml --format html -o $(BUILD)/demo-compare.html
	@echo "the comparison as a printable page: $(BUILD)/demo-compare.html"

test:
	@scripts/setup test
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS) --timeout 600

bench: build
	@scripts/setup bench
	bench/run.sh

clean:
	rm -rf $(BUILD)

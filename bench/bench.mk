# ---- bench: `make bench` (included by the Makefile) -----------------------------------------
# Installs the peer libraries (sh .ci/deps.sh bench), builds every bench program with -O2 into
# $(BUILD)/bench/, generates the 100-task page, installs the npm package clickup.js for the
# JavaScript peer (optional), then bench/run.sh runs the programs in order and prints their
# figure lines plus a short summary. No timing is asserted anywhere.
# Shared by the programs: bench/gen_page.h (pages), bench/bench_server.h (a loopback ClickUp
# imitation serving those pages, with optional fixed-window rate limiting), bench/bench_util.h
# (clocks, median, a counting clickup_allocator, a growing buffer), bench/bench_dashboard_world.h
# (the in-process fake ClickUp of the cache benches). `BENCH_VERBOSE=1 make bench` adds details on
# stderr.
#
# To add a figure: write bench/bench_NAME.c (it may include bench/gen_page.h to make pages in
# memory), add one `$(eval $(call bench_program,NAME,EXTRA_SOURCES,EXTRA_LIBS))` line below, and
# one `run NAME ...` line at the marked place in bench/run.sh.

BENCH_DIR    := $(BUILD)/bench
BENCH_CFLAGS := $(CSTD) $(WARN) -O2 $(CURL_CFLAGS) -I. -Ibench
BENCH_PAGE   := $(BENCH_DIR)/page100.json
BENCH_COMMON := clickup.h examples/clickup_redis.h bench/bench_dashboard_world.h bench/gen_page.h bench/bench.mk bench/bench_util.h bench/bench_server.h
BENCH_BINS   :=

# bench_program NAME,EXTRA_SOURCES,EXTRA_LIBS  ->  $(BENCH_DIR)/bench_NAME from bench/bench_NAME.c
define bench_program
BENCH_BINS += $(BENCH_DIR)/bench_$(1)
$(BENCH_DIR)/bench_$(1): bench/bench_$(1).c $(2) $(BENCH_COMMON) $(wildcard bench/bench_$(1)*.h) | $(BENCH_DIR)
	$$(CC) $$(BENCH_CFLAGS) -o $$@ bench/bench_$(1).c $(2) $$(LIBS) $(3)
endef

# ---- bench programs, in the order bench/run.sh runs them (append new ones here) -------------
$(eval $(call bench_program,json,bench/bench_json_jsonc.c bench/bench_json_jansson.c,-lcjson -ljson-c -ljansson))
$(eval $(call bench_program,fetch_decode,,-lcjson))
$(eval $(call bench_program,rate_utilization,,))
$(eval $(call bench_program,cache_savings,,))
$(eval $(call bench_program,memory_10k,,))
$(eval $(call bench_program,peer_clickup_js,,))
$(eval $(call bench_program,engine_overhead,,))
$(eval $(call bench_program,batch,,))
$(eval $(call bench_program,shared,,-lhiredis))
$(eval $(call bench_program,cache_savings_webhooks,,))
$(eval $(call bench_program,proxy,,))
$(eval $(call bench_program,attachment_upload,,))
# ---------------------------------------------------------------------------------------------

.PHONY: bench-build

# deps first (it may install the libraries), then a fresh make that sees them
bench:
	@sh .ci/deps.sh bench
	@$(MAKE) --no-print-directory bench-build
	@sh bench/run.sh $(BENCH_DIR)

bench-build: $(BENCH_BINS) $(BENCH_PAGE) bench-node

# proxy_overhead drives $(BUILD)/clickup_proxy (it links libmicrohttpd): built here when it can
# be; when it cannot, the figure prints "skipped (...)" and make goes on.
.PHONY: bench-proxy
bench-build: bench-proxy
bench-proxy: | $(BENCH_DIR)
	@$(MAKE) --no-print-directory $(BUILD)/clickup_proxy >$(BENCH_DIR)/proxy_build.log 2>&1 || \
	 echo "bench: $(BUILD)/clickup_proxy did not build (see $(BENCH_DIR)/proxy_build.log); proxy_overhead will be skipped" >&2

# peer_clickup_js: the npm package clickup.js in $(BENCH_NODE) (major version 4, whose API the
# script uses). Optional: without npm or the registry the figure prints "skipped (...)", and
# make goes on. Installed once; `rm -rf $(BENCH_NODE)` (or make clean) to refresh it.
BENCH_NODE := $(BENCH_DIR)/node
BENCH_TIMEOUT := $(shell command -v timeout >/dev/null 2>&1 && echo timeout 90)
.PHONY: bench-node
bench-node: | $(BENCH_DIR)
	@if [ -f $(BENCH_NODE)/node_modules/clickup.js/package.json ]; then :; \
	elif ! command -v npm >/dev/null 2>&1; then echo "bench: npm not found; peer_clickup_js will be skipped" >&2; \
	elif $(BENCH_TIMEOUT) npm install --prefix $(BENCH_NODE) --no-audit --no-fund --loglevel=error \
	     --fetch-timeout=30000 --fetch-retries=1 clickup.js@4 >$(BENCH_DIR)/npm.log 2>&1; \
	then echo "bench: installed clickup.js into $(BENCH_NODE)"; \
	else echo "bench: npm install clickup.js failed (see $(BENCH_DIR)/npm.log); peer_clickup_js will be skipped" >&2; fi

$(BENCH_DIR)/gen_page: bench/gen_page.c bench/gen_page.h | $(BENCH_DIR)
	$(CC) $(CSTD) $(WARN) -O2 -o $@ bench/gen_page.c

# the page of reliability-and-performance.md section 1.2: 100 tasks, default seed, ~709 KB
$(BENCH_PAGE): $(BENCH_DIR)/gen_page
	$(BENCH_DIR)/gen_page --tasks 100 -o $@

$(BENCH_DIR):
	@mkdir -p $@

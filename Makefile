# clickup.h - build, test, bench, fuzz.  `make demo` and `make test` are the two commands.
# Everything lands in build/.  Dependencies are checked (and installed when root) first.

CC      ?= cc
CLANG   ?= clang
CXX     ?= g++
BUILD   := build
PREFIX  ?= /usr/local
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_JSON ?= 30
FUZZ_SMOKE ?= 5

CURL_CFLAGS := $(shell pkg-config --cflags libcurl 2>/dev/null)
CURL_LIBS   := $(shell pkg-config --libs libcurl 2>/dev/null || echo -lcurl)
WARN    := -Wall -Wextra -Wpedantic -Werror -Wshadow
CSTD    := -std=c99 -D_POSIX_C_SOURCE=200809L
LIBS    := $(CURL_LIBS) -lpthread -lm
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
TESTCF  := $(CSTD) $(WARN) -g -O1 $(CURL_CFLAGS) -I.

TEST_SRCS    := $(sort $(wildcard tests/test_*.c))
TEST_NAMES   := $(TEST_SRCS:tests/%.c=%)
SANDBOX_SRCS := $(wildcard tests/sandbox.c)
TEST_DEPS    := clickup.h $(wildcard tests/*.h) $(SANDBOX_SRCS)
FUZZ_SRCS    := $(sort $(wildcard tests/fuzz_*.c))
FUZZ_NAMES   := $(FUZZ_SRCS:tests/%.c=%)
EXAMPLE_SRCS := $(sort $(wildcard examples/*.c))
EXAMPLE_BINS := $(EXAMPLE_SRCS:examples/%.c=$(BUILD)/%)

.PHONY: all test deps deps-bench check-compile check-compile-summary test-asan test-valgrind test-cli \
        fuzz fuzz-smoke examples bench demo clean install coverage
.DELETE_ON_ERROR:

all: deps check-compile examples $(TEST_NAMES:%=$(BUILD)/asan/%)

deps:
	@sh .ci/deps.sh test

deps-bench:
	@sh .ci/deps.sh bench

# ---- compile checks: header alone, C99 with gcc and clang, C++, STATIC, two TUs ----------
check-compile: | $(BUILD)
	@echo "== compile checks"
	gcc   -std=c99 -Wall -Wextra -Wpedantic -Werror -c tests/compile/header_only.c -o $(BUILD)/h_gcc.o
	gcc   -std=c99 -Wall -Wextra -Wpedantic -Werror -Wswitch-enum -c tests/compile/old_switch.c -o $(BUILD)/old_switch.o
	gcc   -std=c99 -Wall -Wextra -Wpedantic -Werror -c tests/compile/old_limiter.c -o $(BUILD)/old_limiter.o
	$(CXX) -std=c++11 -Wall -Wextra -Wpedantic -Werror -x c++ -c tests/compile/old_limiter.c -o $(BUILD)/old_limiter_cpp.o
	$(CLANG) -std=c99 -Wall -Wextra -Wpedantic -Werror -c tests/compile/header_only.c -o $(BUILD)/h_clang.o
	gcc   $(CSTD) $(WARN) $(CURL_CFLAGS) -c tests/compile/impl.c -o $(BUILD)/impl_gcc.o
	$(CLANG) $(CSTD) $(WARN) $(CURL_CFLAGS) -c tests/compile/impl.c -o $(BUILD)/impl_clang.o
	$(CXX) -std=c++11 -Wall -Wextra -Wpedantic -Werror $(CURL_CFLAGS) -c tests/compile/impl.cpp -o $(BUILD)/impl_cpp.o
	gcc   $(CSTD) $(WARN) $(CURL_CFLAGS) -c tests/compile/impl_static.c -o $(BUILD)/impl_static.o
	gcc   $(CSTD) $(WARN) $(CURL_CFLAGS) tests/compile/tu_a.c tests/compile/tu_b.c -o $(BUILD)/two_tu $(LIBS)
	$(BUILD)/two_tu
	gcc   $(CSTD) $(WARN) $(CURL_CFLAGS) tests/compile/impl_options.c -o $(BUILD)/impl_options $(LIBS)
	$(BUILD)/impl_options
	sh tests/readme_check.sh

$(BUILD) $(BUILD)/asan $(BUILD)/vg $(BUILD)/fuzz $(BUILD)/cov:
	@mkdir -p $@

# ---- tests: cmocka suites under ASan+UBSan, then again under valgrind -------------------
$(BUILD)/asan/%: tests/%.c $(TEST_DEPS) | $(BUILD)/asan
	$(CC) $(TESTCF) $(SAN) -o $@ $< $(SANDBOX_SRCS) $(LIBS) -lcmocka

$(BUILD)/vg/%: tests/%.c $(TEST_DEPS) | $(BUILD)/vg
	$(CC) $(TESTCF) -o $@ $< $(SANDBOX_SRCS) $(LIBS) -lcmocka

test-asan: $(TEST_NAMES:%=$(BUILD)/asan/%) examples
	@sh tests/run.sh asan $(TEST_NAMES)

test-valgrind: $(TEST_NAMES:%=$(BUILD)/vg/%) examples
	@sh tests/run.sh valgrind $(TEST_NAMES)

# `make test`: every stage runs even when an earlier one failed; the last line adds them up.
test: deps
	@rm -rf $(BUILD)/results
	@$(MAKE) --no-print-directory -j2 -k check-compile examples $(BUILD)/sandbox \
	    $(TEST_NAMES:%=$(BUILD)/asan/%) $(TEST_NAMES:%=$(BUILD)/vg/%) || true
	@sh tests/step.sh compile $(MAKE) --no-print-directory check-compile-summary || true
	@sh tests/step.sh asan $(MAKE) --no-print-directory test-asan || true
	@sh tests/step.sh valgrind $(MAKE) --no-print-directory test-valgrind || true
	@sh tests/step.sh cli $(MAKE) --no-print-directory test-cli || true
	@sh tests/step.sh proxy sh tests/proxy_test.sh || true
	@sh tests/step.sh webhooks sh tests/webhook_test.sh || true
	@$(if $(wildcard tests/threads.mk),sh tests/step.sh threads $(MAKE) --no-print-directory test-threads || true,true)
	@sh tests/step.sh shared-limiter $(MAKE) --no-print-directory test-shared-limiter || true
	@sh tests/step.sh real-api sh tests/real_api_test.sh || true
	@sh tests/step.sh postgres sh tests/pg_test.sh || true
	@sh tests/step.sh fuzz $(MAKE) --no-print-directory fuzz-smoke || true
	@sh tests/summary.sh

# The compile checks as one counted stage.
check-compile-summary:
	@if $(MAKE) --no-print-directory check-compile; then echo "compile checks: 1 passed, 0 failed"; \
	 else echo "compile checks: 0 passed, 1 failed"; exit 1; fi

# The CLI, the examples and `make demo`'s flows against the sandbox.
test-cli: examples $(BUILD)/sandbox
	@sh tests/cli_test.sh

# ---- fuzzing (clang + libFuzzer) -----------------------------------------------------------
$(BUILD)/fuzz/%: tests/%.c clickup.h | $(BUILD)/fuzz
	$(CLANG) -g -O1 $(CSTD) $(CURL_CFLAGS) -I. -fsanitize=fuzzer,address,undefined -o $@ $< $(LIBS)

fuzz-smoke:
	@if command -v $(CLANG) >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory $(FUZZ_NAMES:%=$(BUILD)/fuzz/%) && \
	  sh tests/fuzz.sh smoke $(FUZZ_SMOKE_JSON) $(FUZZ_SMOKE) $(FUZZ_NAMES); \
	else echo "fuzz: clang not found, smoke skipped"; fi

fuzz: $(FUZZ_NAMES:%=$(BUILD)/fuzz/%)
	@sh tests/fuzz.sh full $(FUZZ_SECONDS) $(FUZZ_SECONDS) $(FUZZ_NAMES)

fuzz_%: $(BUILD)/fuzz/fuzz_%
	@sh tests/fuzz.sh full $(FUZZ_SECONDS) $(FUZZ_SECONDS) $(@)

# ---- examples ---------------------------------------------------------------------------------
examples: $(EXAMPLE_BINS)

$(BUILD)/%: examples/%.c clickup.h | $(BUILD)
	$(CC) $(CSTD) $(WARN) -O2 $(CURL_CFLAGS) -I. -o $@ $< $(LIBS)

# sync_templates also links libpq (its PostgreSQL store). An explicit rule: the pattern rule
# above never builds it without.
PQ_CFLAGS := $(shell pkg-config --cflags libpq 2>/dev/null || echo -I/usr/include/postgresql)
PQ_LIBS   := $(shell pkg-config --libs libpq 2>/dev/null || echo -lpq)
$(BUILD)/sync_templates: examples/sync_templates.c clickup.h | $(BUILD)
	$(CC) $(CSTD) $(WARN) -O2 $(CURL_CFLAGS) $(PQ_CFLAGS) -I. -o $@ $< $(LIBS) $(PQ_LIBS)

# clickup_proxy also links libmicrohttpd (Debian: libmicrohttpd-dev); this rule beats the one above.
MHD_CFLAGS := $(shell pkg-config --cflags libmicrohttpd 2>/dev/null)
MHD_LIBS   := $(shell pkg-config --libs libmicrohttpd 2>/dev/null || echo -lmicrohttpd)
$(BUILD)/clickup_proxy: examples/clickup_proxy.c clickup.h | $(BUILD)
	$(CC) $(CSTD) $(WARN) -O2 $(CURL_CFLAGS) $(MHD_CFLAGS) -I. -o $@ $< $(MHD_LIBS) $(LIBS)

# webhook_receiver (ClickUp's webhook deliveries: verify, answer, print) links libmicrohttpd too.
$(BUILD)/webhook_receiver: examples/webhook_receiver.c clickup.h | $(BUILD)
	$(CC) $(CSTD) $(WARN) -O2 $(CURL_CFLAGS) $(MHD_CFLAGS) -I. -o $@ $< $(MHD_LIBS) $(LIBS)

# ---- install ------------------------------------------------------------------------------------
install:
	install -d $(DESTDIR)$(PREFIX)/include
	install -m 0644 clickup.h $(DESTDIR)$(PREFIX)/include/clickup.h

clean:
	rm -rf $(BUILD)

-include tests/sandbox.mk
-include tests/threads.mk
-include tests/coverage.mk
-include bench/bench.mk
-include examples/demo.mk
-include examples/redis.mk

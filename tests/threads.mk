# tests/threads.mk - tests/test_threads.c under ThreadSanitizer (included by the Makefile:
# `-include tests/threads.mk`). The generic rules build the same file with ASan and for
# valgrind; this adds -fsanitize=thread, where any data race ends the run (halt_on_error).
# TSAN_CC: clang by default (gcc works too: make test-threads TSAN_CC=gcc).
TSAN_CC      ?= $(CLANG)
TSAN_FLAGS   := -fsanitize=thread -fno-omit-frame-pointer
TSAN_RUN     := halt_on_error=1:second_deadlock_stack=1

.PHONY: test-threads

$(BUILD)/tsan:
	@mkdir -p $@

$(BUILD)/tsan/test_threads: tests/test_threads.c $(TEST_DEPS) | $(BUILD)/tsan
	$(TSAN_CC) $(TESTCF) $(TSAN_FLAGS) -o $@ $< $(SANDBOX_SRCS) $(LIBS) -lcmocka

# The thread tests of tests/test_shared_limiter.c (a file limiter and a Redis limiter shared by 8
# threads), run by `make test-shared-limiter` (examples/redis.mk) with SHARED_LIMITER_TESTS.
$(BUILD)/tsan/test_shared_limiter: tests/test_shared_limiter.c examples/clickup_redis.h $(TEST_DEPS) | $(BUILD)/tsan
	$(TSAN_CC) $(TESTCF) $(TSAN_FLAGS) -o $@ $< $(SANDBOX_SRCS) $(LIBS) $(HIREDIS_LIBS) -lcmocka

# build/clickup_proxy under ThreadSanitizer (MHD's thread, the engine thread, libcurl's):
#   make build/tsan/clickup_proxy && PROXY_BIN=build/tsan/clickup_proxy sh tests/proxy_test.sh
# (a report on the proxy's stderr fails that run).
$(BUILD)/tsan/clickup_proxy: examples/clickup_proxy.c clickup.h | $(BUILD)/tsan
	$(TSAN_CC) $(CSTD) $(WARN) -g -O1 $(TSAN_FLAGS) $(CURL_CFLAGS) $(MHD_CFLAGS) -I. -o $@ $< $(MHD_LIBS) $(LIBS)

# Prints the suite's output, then "threads (tsan): N passed, M failed" for tests/step.sh.
test-threads: $(BUILD)/tsan/test_threads
	@echo "== tsan: test_threads"
	@out=$$(mktemp); TSAN_OPTIONS="$(TSAN_RUN)" $(BUILD)/tsan/test_threads >"$$out" 2>&1; rc=$$?; cat "$$out"; \
	 p=$$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$$out"); p=$${p:-0}; \
	 f=$$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$$out"); f=$${f:-0}; rm -f "$$out"; \
	 if [ $$rc -ne 0 ] && [ $$f -eq 0 ]; then f=1; fi; \
	 echo "threads (tsan): $$p passed, $$f failed"; exit $$rc

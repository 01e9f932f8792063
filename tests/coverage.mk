# tests/coverage.mk - `make coverage` (included by the Makefile: `-include tests/coverage.mk`).
# Builds every cmocka suite (tests/test_*.c) with gcc --coverage -O0 into build/cov/, runs each
# from the repo root (a failing suite is reported and the run goes on), then prints the line and
# branch coverage of clickup.h, merged over all suites and split by implementation section, with
# tests/coverage_report.py (gcov's JSON format; no lcov needed). Every line no test ran is listed
# in build/cov/uncovered.txt.
#   -fkeep-static-functions  CLICKUP_STATIC makes the whole API static: keep the functions a suite
#                            does not call, so they count as uncovered instead of vanishing
#   -fprofile-update=atomic  counters stay exact in the threaded suites
COV_CC     ?= gcc
COV_FLAGS  := -O0 -g --coverage -fkeep-static-functions -fprofile-update=atomic
COV_BINS   := $(TEST_NAMES:%=$(BUILD)/cov/%)
COV_TIMEOUT ?= 600

$(BUILD)/cov/%: tests/%.c $(TEST_DEPS) | $(BUILD)/cov
	$(COV_CC) $(CSTD) $(WARN) $(CURL_CFLAGS) -I. $(COV_FLAGS) -o $@ $< $(SANDBOX_SRCS) $(LIBS) -lcmocka

coverage: $(COV_BINS) examples
	@command -v gcov >/dev/null 2>&1 || { echo "coverage: gcov not found"; exit 1; }
	@rm -f $(BUILD)/cov/*.gcda
	@failed=""; for t in $(TEST_NAMES); do \
	   timeout $(COV_TIMEOUT) $(BUILD)/cov/$$t >$(BUILD)/cov/$$t.log 2>&1; rc=$$?; \
	   p=$$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' $(BUILD)/cov/$$t.log); \
	   f=$$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' $(BUILD)/cov/$$t.log); \
	   echo "coverage run: $$t exit $$rc, $${p:-0} passed, $${f:-0} failed (log: $(BUILD)/cov/$$t.log)"; \
	   [ $$rc -ne 0 ] && failed="$$failed $$t"; \
	 done; \
	 [ -n "$$failed" ] && echo "coverage: suites that failed (their counts may be partial):$$failed"; true
	@python3 tests/coverage_report.py $(BUILD)/cov clickup.h

# examples/redis.mk - the Redis companion (examples/clickup_redis.h) in the build; included by the
# Makefile. It needs hiredis (Debian: libhiredis-dev) and, for tests and bench, redis-server:
# .ci/deps.sh installs both for test, bench and demo.
#  - The examples are built with the companion: -DCLICKUP_WITH_REDIS and -lhiredis. An example
#    with an `#ifdef CLICKUP_WITH_REDIS` block (clickup, team_central, canonize) then accepts
#    CLICKUP_LIMITER=redis://... and CLICKUP_CACHE=redis://... (clickup_redis_env_open).
#  - tests/test_shared_limiter.c links hiredis in its ASan and valgrind builds (the generic rules)
#    and in its TSan build (tests/threads.mk).
#  - `make test-shared-limiter` is the stage "shared-limiter" of `make test`
#    (tests/shared_limiter.sh): the companion's compile checks (C99 with gcc and clang, C++11),
#    the suite's thread tests under TSan, and build/clickup with CLICKUP_LIMITER /
#    CLICKUP_CACHE = redis://... against the sandbox and a real redis-server.
HIREDIS_LIBS := $(shell pkg-config --libs hiredis 2>/dev/null || echo -lhiredis)

$(EXAMPLE_BINS): CSTD += -DCLICKUP_WITH_REDIS
$(EXAMPLE_BINS): LIBS += $(HIREDIS_LIBS)
$(EXAMPLE_BINS): examples/clickup_redis.h

$(BUILD)/asan/test_shared_limiter $(BUILD)/vg/test_shared_limiter: LIBS += $(HIREDIS_LIBS)
$(BUILD)/asan/test_shared_limiter $(BUILD)/vg/test_shared_limiter: examples/clickup_redis.h

.PHONY: test-shared-limiter
test-shared-limiter: $(BUILD)/tsan/test_shared_limiter $(BUILD)/clickup $(BUILD)/sandbox
	@sh tests/shared_limiter.sh $(BUILD)

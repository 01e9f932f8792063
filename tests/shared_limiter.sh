#!/bin/sh
# tests/shared_limiter.sh [BUILD_DIR] - the stage "shared-limiter" of `make test`
# (`make test-shared-limiter`, examples/redis.mk), besides tests/test_shared_limiter.c's own runs
# in the asan and valgrind stages:
#   1. examples/clickup_redis.h compiles: its declarations alone (strict C99, no feature macro),
#      and with its implementation under gcc and clang (C99) and g++ (C++11), with
#      -Wall -Wextra -Wpedantic -Werror -Wshadow;
#   2. the thread tests of tests/test_shared_limiter.c (a file limiter and a Redis limiter each
#      shared by 8 threads) under ThreadSanitizer: BUILD/tsan/test_shared_limiter;
#   3. BUILD/clickup, built with the companion, against BUILD/sandbox and a real redis-server
#      on a free loopback port: CLICKUP_LIMITER=redis://... and CLICKUP_CACHE=redis://... work
#      (a second process's read is a cache hit: the sandbox sees one request), bad values are
#      errors that name the variable, an unreachable Redis is a clear error.
# Prints ok/FAIL lines, then one summary line: "shared-limiter: N passed, M failed".
set -u
B=${1:-build}
passed=0
failed=0
tmp=$(mktemp -d)
sandbox_pid=
redis_pid=
cleanup() {
    [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null && wait "$sandbox_pid" 2>/dev/null
    [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

ok() { passed=$((passed + 1)); echo "ok   $1"; }
bad() { failed=$((failed + 1)); echo "FAIL $1"; [ -s "$tmp/err" ] && sed 's/^/     stderr: /' "$tmp/err" | head -n 5; }
check() { # check NAME COMMAND...: ok when the command succeeds
    name=$1; shift
    if "$@" >"$tmp/out" 2>"$tmp/err"; then ok "$name"; else bad "$name"; fi
}

# ---- 1. compile checks ------------------------------------------------------------------------
WARN="-Wall -Wextra -Wpedantic -Werror -Wshadow"
printf '#include "examples/clickup_redis.h"\nint redis_header_only(void);\nint redis_header_only(void) { return CLICKUP_REDIS_FAIL_CLOSED; }\n' >"$tmp/decl.c"
printf '#define CLICKUP_IMPLEMENTATION\n#include "clickup.h"\n#define CLICKUP_REDIS_IMPLEMENTATION\n#include "examples/clickup_redis.h"\n' >"$tmp/impl.c"
cp "$tmp/impl.c" "$tmp/impl.cpp"
check "companion: declarations alone, gcc -std=c99" gcc -std=c99 $WARN -I. -c "$tmp/decl.c" -o "$tmp/decl.o"
check "companion: implementation, gcc -std=c99" gcc -std=c99 -D_POSIX_C_SOURCE=200809L $WARN -I. -c "$tmp/impl.c" -o "$tmp/impl_gcc.o"
if command -v clang >/dev/null 2>&1; then
    check "companion: implementation, clang -std=c99" clang -std=c99 -D_POSIX_C_SOURCE=200809L $WARN -I. -c "$tmp/impl.c" -o "$tmp/impl_clang.o"
fi
check "companion: implementation, g++ -std=c++11" g++ -std=c++11 $WARN -I. -c "$tmp/impl.cpp" -o "$tmp/impl_cpp.o"

# ---- 2. the thread tests under TSan ---------------------------------------------------------
echo "== tsan: test_shared_limiter (thread tests)"
SHARED_LIMITER_TESTS='test_threads_*' TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1" \
    "$B/tsan/test_shared_limiter" >"$tmp/tsan" 2>&1
rc=$?
cat "$tmp/tsan"
p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$tmp/tsan"); p=${p:-0}
f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$tmp/tsan"); f=${f:-0}
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
passed=$((passed + p)); failed=$((failed + f))

# ---- 3. the CLI with Redis ------------------------------------------------------------------
if ! command -v redis-server >/dev/null 2>&1; then
    echo "shared-limiter: redis-server not found (sh .ci/deps.sh test): CLI checks skipped"
    echo "shared-limiter: $passed passed, $failed failed, 1 skipped"
    [ "$failed" -eq 0 ]; exit
fi
"$B/sandbox" --port 0 --port-file "$tmp/port" >"$tmp/sandbox.log" 2>&1 &
sandbox_pid=$!
port=
for try in $(seq 1 20); do    # a free port for Redis: try a few
    p=$(( 20000 + ($$ * 7 + try * 7919) % 40000 ))
    redis-server --port "$p" --bind 127.0.0.1 --save "" --appendonly no --daemonize no >"$tmp/redis.log" 2>&1 &
    redis_pid=$!
    for i in $(seq 1 50); do
        if redis-cli -p "$p" ping >/dev/null 2>&1; then port=$p; break; fi
        kill -0 "$redis_pid" 2>/dev/null || break
        sleep 0.05
    done
    [ -n "$port" ] && break
    kill "$redis_pid" 2>/dev/null; wait "$redis_pid" 2>/dev/null; redis_pid=
done
tries=0
while [ ! -s "$tmp/port" ] && [ "$tries" -lt 100 ]; do tries=$((tries + 1)); sleep 0.05; done
if [ -z "$port" ] || [ ! -s "$tmp/port" ]; then
    echo "FAIL could not start redis-server or the sandbox"; cat "$tmp/redis.log" "$tmp/sandbox.log"
    echo "shared-limiter: $passed passed, $((failed + 1)) failed"
    exit 1
fi
sport=$(cat "$tmp/port")
unset CLICKUP_TEAM_ID CLICKUP_RATE_LIMIT CLICKUP_RATE_WINDOW_S CLICKUP_ENABLE_CACHE CLICKUP_TIMEOUT_MS \
      CLICKUP_LOG_LEVEL CLICKUP_MAX_RETRIES CLICKUP_BACKOFF_MS CLICKUP_LIMITER CLICKUP_CACHE
export CLICKUP_API_TOKEN=pk_sandbox_token
export CLICKUP_BASE_URL="http://127.0.0.1:$sport/api/v2"
R="redis://127.0.0.1:$port/1"
requests() { # requests seen by the sandbox (GET /_sandbox/requests), then its log cleared
    python3 -c '
import json, sys, urllib.request
base = sys.argv[1]
n = json.load(urllib.request.urlopen(base + "/requests", timeout=5))["count"]
urllib.request.urlopen(urllib.request.Request(base + "/reset", data=b"{}", method="POST"), timeout=5).read()
print(n)' "http://127.0.0.1:$sport/_sandbox"
}
run() { "$@" >"$tmp/out" 2>"$tmp/err" </dev/null; code=$?; }

requests >/dev/null
CLICKUP_LIMITER="$R?prefix=cli" CLICKUP_CACHE="$R?prefix=cli" run "$B/clickup" spaces
n=$(requests)
if [ "$code" -eq 0 ] && grep -q '"Client A"' "$tmp/out" && [ "$n" -ge 1 ]; then ok "CLI: spaces through the Redis limiter and cache"; else bad "CLI: spaces through the Redis limiter and cache (exit $code, $n requests)"; fi
CLICKUP_LIMITER="$R?prefix=cli" CLICKUP_CACHE="$R?prefix=cli" run "$B/clickup" spaces
n=$(requests)
if [ "$code" -eq 0 ] && grep -q '"Client A"' "$tmp/out" && [ "$n" -eq 0 ]; then ok "CLI: a second process reads it from the shared cache (0 requests)"; else bad "CLI: second process (exit $code, $n requests)"; fi
keys=$(redis-cli -p "$port" -n 1 --scan --pattern 'cli:*' | wc -l)
tok=$(redis-cli -p "$port" -n 1 --scan --pattern '*sandbox_token*' | wc -l)
if [ "$keys" -ge 4 ] && [ "$tok" -eq 0 ]; then ok "CLI: $keys keys under prefix cli:, none names the token"; else bad "CLI: keys ($keys, $tok with the token)"; fi
CLICKUP_LIMITER="$R?prefix=cli" run "$B/clickup" rate
if [ "$code" -eq 0 ] && grep -q '"limit"' "$tmp/out"; then ok "CLI: rate through the Redis limiter"; else bad "CLI: rate (exit $code)"; fi
CLICKUP_LIMITER="redis://127.0.0.1:$port/1?nope=1" run "$B/clickup" spaces
if [ "$code" -eq 2 ] && grep -q 'CLICKUP_LIMITER' "$tmp/err"; then ok "CLI: a bad CLICKUP_LIMITER is an error that names it"; else bad "CLI: bad CLICKUP_LIMITER (exit $code)"; fi
CLICKUP_CACHE="memcached://127.0.0.1" run "$B/clickup" spaces
if [ "$code" -eq 2 ] && grep -q 'CLICKUP_CACHE' "$tmp/err"; then ok "CLI: a bad CLICKUP_CACHE is an error that names it"; else bad "CLI: bad CLICKUP_CACHE (exit $code)"; fi
CLICKUP_LIMITER="redis://:hunter2@127.0.0.1:1/0" run "$B/clickup" spaces
if [ "$code" -eq 7 ] && grep -q 'CLICKUP_LIMITER: Redis at redis://127.0.0.1:1/0 cannot be used' "$tmp/err" && ! grep -q hunter2 "$tmp/err"; then
    ok "CLI: an unreachable Redis: exit 7, named, no password shown"
else bad "CLI: unreachable Redis (exit $code)"; fi
CLICKUP_LIMITER="file:$tmp/cli.state" run "$B/clickup" spaces
if [ "$code" -eq 0 ]; then ok "CLI: file: still clickup.h's own"; else bad "CLI: file: limiter (exit $code)"; fi

echo "shared-limiter: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

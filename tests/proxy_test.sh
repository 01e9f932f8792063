#!/bin/sh
# tests/proxy_test.sh - end-to-end checks of build/clickup_proxy against build/sandbox, with
# curl(1) as the client.
#
#   make build/clickup_proxy build/sandbox && sh tests/proxy_test.sh [BUILD_DIR]
#
# Starts its own sandbox and proxy on free loopback ports (both stopped on exit, even on
# failure), then checks forwarding, the proxy key, the cache and its invalidation, POST safety,
# rate-limit waits, path and body refusals, start-up refusals, the key file, the Unix socket,
# that the ClickUp token never leaks, and a clean stop on SIGTERM. The sandbox is driven and
# inspected over its HTTP control endpoints (/_sandbox/...; see tests/sandbox.h).
# Prints one "ok"/"FAIL" line per check, then exactly one summary line:
#   proxy: N passed, M failed
# and exits non-zero when anything failed. Takes about 10 seconds.
set -u

B=${1:-build}
TOKEN=pk_sandbox_token
passed=0
failed=0

PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
[ -x "$PY" ] || PY=python3

tmp=$(mktemp -d)
sandbox_pid=
proxy_pid=
sock_pid=
stop() { # stop PID: SIGTERM, then wait for it
    [ -n "$1" ] || return 0
    kill "$1" 2>/dev/null
    wait "$1" 2>/dev/null
}
cleanup() {
    stop "$proxy_pid"
    stop "$sock_pid"
    stop "$sandbox_pid"
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

give_up() {
    echo "proxy: $1"
    echo "proxy: $passed passed, $((failed + 1)) failed"
    exit 1
}

for program in clickup_proxy sandbox; do
    [ -x "$B/$program" ] || give_up "$B/$program is missing (make $B/clickup_proxy $B/sandbox)"
done
command -v curl >/dev/null 2>&1 || give_up "curl is missing (apt-get install curl)"

# wait_file FILE PID: until FILE is non-empty (at most 10 s) while PID lives.
wait_file() {
    tries=0
    while [ ! -s "$1" ]; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ] || ! kill -0 "$2" 2>/dev/null; then return 1; fi
        sleep 0.1
    done
}

# ---- the sandbox -----------------------------------------------------------------------------
"$B/sandbox" --port 0 --port-file "$tmp/sandbox.port" >"$tmp/sandbox.log" 2>&1 &
sandbox_pid=$!
wait_file "$tmp/sandbox.port" "$sandbox_pid" || give_up "the sandbox did not start: $(cat "$tmp/sandbox.log")"
SB="http://127.0.0.1:$(cat "$tmp/sandbox.port")"

# Only these settings, whatever the caller's environment holds.
unset CLICKUP_TEAM_ID CLICKUP_RATE_LIMIT CLICKUP_RATE_WINDOW_S CLICKUP_ENABLE_CACHE CLICKUP_TIMEOUT_MS \
      CLICKUP_LOG_LEVEL CLICKUP_MAX_RETRIES CLICKUP_BACKOFF_MS CLICKUP_LIMITER CLICKUP_CACHE
export CLICKUP_API_TOKEN=$TOKEN
export CLICKUP_BASE_URL="$SB/api/v2"
export CLICKUP_BACKOFF_MS=100          # retries of a GET after a 5xx come quickly

# ---- the proxy -------------------------------------------------------------------------------
KEYFILE="$tmp/proxy.key"
"$B/clickup_proxy" --listen 127.0.0.1:0 --port-file "$tmp/proxy.port" --key-file "$KEYFILE" \
    >"$tmp/proxy.out" 2>"$tmp/proxy.err" &
proxy_pid=$!
wait_file "$tmp/proxy.port" "$proxy_pid" || give_up "the proxy did not start: $(cat "$tmp/proxy.err")"
PX="http://127.0.0.1:$(cat "$tmp/proxy.port")"
KEY=$(head -n 1 "$KEYFILE")

# ---- helpers ---------------------------------------------------------------------------------
n=0
# req [CURL ARGS...] URL: one request; its status in $code, headers in $tmp/h, body in $tmp/b.
# Every header and body is also kept ($tmp/all) for the final search for the token.
req() {
    n=$((n + 1))
    code=$(curl -s -g -o "$tmp/b" -D "$tmp/h" -w '%{http_code}' --max-time 30 "$@")
    cat "$tmp/h" "$tmp/b" >>"$tmp/all" 2>/dev/null
}
# The same with the proxy key.
kreq() { req -H "Authorization: Bearer $KEY" "$@"; }

# header NAME: the value of a response header of the last request ("" when absent).
header() {
    tr -d '\r' <"$tmp/h" | grep -i "^$1:" | head -n 1 | sed 's/^[^:]*: *//'
}
body_has() { grep -q -- "$1" "$tmp/b"; }

# control PATH [JSON]: POST to the sandbox's control endpoints.
control() {
    body=${2-}
    [ -n "$body" ] || body='{}'
    curl -s -o /dev/null --max-time 5 -H 'Content-Type: application/json' -d "$body" "$SB/_sandbox/$1"
}
fault() { control fault "$1"; }
reset_sandbox() { control reset; }

# sandbox PYTHON-EXPRESSION: true when it holds over the sandbox's log since the last reset.
# It sees `log` (the list of requests: method, path, query, params, authorization, body,
# status), and count(method, path) (requests with that method and exact path).
sandbox() {
    curl -s --max-time 5 "$SB/_sandbox/requests" >"$tmp/log.json"
    "$PY" - "$1" "$tmp/log.json" <<'PY'
import json, sys
log = json.load(open(sys.argv[2]))["requests"]
def count(method, path):
    return sum(1 for r in log if r["method"] == method and r["path"] == path)
sys.exit(0 if eval(sys.argv[1]) else 1)
PY
}

ok() { passed=$((passed + 1)); echo "ok - $1"; }
bad() {
    failed=$((failed + 1))
    echo "FAIL - $1"
    echo "       status $code; $(tr -d '\r' <"$tmp/h" 2>/dev/null | tr '\n' ' ' | head -c 300)"
    echo "       body: $(head -c 300 "$tmp/b" 2>/dev/null)"
}
# check DESCRIPTION CONDITION...: the condition is a shell command.
check() {
    desc=$1
    shift
    if "$@"; then ok "$desc"; else bad "$desc"; fi
    reset_sandbox
}
is() { [ "$1" = "$2" ]; }

# ---- forwarding and the key ------------------------------------------------------------------
reset_sandbox
kreq "$PX/api/v2/team"
check "GET /api/v2/team with the key: 200 and the sandbox's workspace" \
      eval 'is "$code" 200 && body_has "Ecomlabs Sandbox" && is "$(header Content-Type)" application/json &&
            sandbox "count(\"GET\", \"/api/v2/team\") == 1 and log[0][\"authorization\"] == \"$TOKEN\""'

req "$PX/api/v2/team"
check "without the key: 401 PROXY_UNAUTHORIZED, nothing forwarded" \
      eval 'is "$code" 401 && body_has PROXY_UNAUTHORIZED && sandbox "len(log) == 0"'

req -H "Authorization: Bearer wrong-$KEY" "$PX/api/v2/team"
check "with a wrong key: 401, nothing forwarded" eval 'is "$code" 401 && sandbox "len(log) == 0"'

req -H "Authorization: $KEY" "$PX/api/v2/user"
check "the bare key (as ClickUp tokens are sent) works, and the sandbox sees the real token only" \
      eval 'is "$code" 200 && sandbox "len(log) == 1 and log[0][\"authorization\"] == \"$TOKEN\" and \"$KEY\" not in json.dumps(log)"'

kreq "$PX/api/v2/list/2100/task?statuses[]=to%20do&statuses[]=complete&page=0&subtasks=true"
check "the query goes through in order, repeats kept" \
      eval 'is "$code" 200 && sandbox "[(p[\"key\"], p[\"value\"]) for p in log[0][\"params\"]] == [(\"statuses[]\", \"to do\"), (\"statuses[]\", \"complete\"), (\"page\", \"0\"), (\"subtasks\", \"true\")]"'

kreq -X PUT -H 'Content-Type: application/json' -d '{"name":"Renamed by the proxy"}' "$PX/api/v2/task/86abc125"
check "PUT: the body is forwarded as is" \
      eval 'is "$code" 200 && body_has "Renamed by the proxy" && sandbox "log[0][\"body\"] == '"'"'{\"name\":\"Renamed by the proxy\"}'"'"'"'

# ---- the cache ---------------------------------------------------------------------------------
kreq "$PX/api/v2/space/790/folder"
first=$(header X-Clickup-Cache)
kreq "$PX/api/v2/space/790/folder"
check "a cached GET: X-Clickup-Cache miss, then hit; ClickUp asked once" \
      eval 'is "$first" miss && is "$(header X-Clickup-Cache)" hit && is "$code" 200 && body_has Onboarding &&
            sandbox "count(\"GET\", \"/api/v2/space/790/folder\") == 1"'

kreq "$PX/api/v2/list/2101/task"
kreq "$PX/api/v2/list/2101/task"
cached=$(header X-Clickup-Cache)
kreq -X POST -H 'Content-Type: application/json' -d '{"name":"Made through the proxy"}' "$PX/api/v2/list/2101/task"
created=$code
kreq "$PX/api/v2/list/2101/task"
check "a POST that creates a task: the cached task list is read fresh afterwards" \
      eval 'is "$cached" hit && is "$created" 200 && is "$(header X-Clickup-Cache)" miss && body_has "Made through the proxy" &&
            sandbox "count(\"GET\", \"/api/v2/list/2101/task\") == 2"'

kreq -H 'Cache-Control: no-cache' "$PX/api/v2/space/790/folder"
check "Cache-Control: no-cache bypasses the cache" \
      eval 'is "$code" 200 && is "$(header X-Clickup-Cache)" miss && sandbox "count(\"GET\", \"/api/v2/space/790/folder\") == 1"'

# ---- POST safety, retries, the rate limit ----------------------------------------------------
fault '{"method":"POST","path":"/api/v2/list/2101/task","kind":"status","count":1,"arg":500}'
kreq -X POST -H 'Content-Type: application/json' -d '{"name":"Maybe made"}' "$PX/api/v2/list/2101/task"
check "a POST answered 500: 502 PROXY_OUTCOME_UNKNOWN, sent exactly once" \
      eval 'is "$code" 502 && body_has "\"ECODE\":\"PROXY_OUTCOME_UNKNOWN\"" && body_has "\"err\":" &&
            sandbox "count(\"POST\", \"/api/v2/list/2101/task\") == 1"'

fault '{"method":"GET","path":"/api/v2/list/2200","kind":"status","count":1,"arg":500}'
kreq "$PX/api/v2/list/2200"
check "a GET answered 500 once: retried, 200" \
      eval 'is "$code" 200 && body_has Inbox && sandbox "count(\"GET\", \"/api/v2/list/2200\") == 2"'

fault '{"method":"GET","path":"/api/v2/folder/1100","kind":"status","count":-1,"arg":404}'
kreq "$PX/api/v2/folder/1100"
check "ClickUp's error answer passes through (status and ECODE body)" \
      eval 'is "$code" 404 && body_has SANDBOX_404'

fault '{"method":"GET","path":"/api/v2/space/790/list","kind":"429","count":1,"arg":1}'
kreq "$PX/api/v2/space/790/list"
waited=$(header X-Clickup-Waited-Ms)
check "a 429: the proxy waits for the reset, then 200 with X-Clickup-Waited-Ms" \
      eval 'is "$code" 200 && [ "${waited:-0}" -gt 0 ] && [ -n "$(header X-RateLimit-Remaining)" ] &&
            sandbox "count(\"GET\", \"/api/v2/space/790/list\") == 2"'

# ---- refusals --------------------------------------------------------------------------------
kreq --path-as-is "$PX/etc/passwd"
check "/etc/passwd: 404, nothing forwarded" eval 'is "$code" 404 && body_has PROXY_NOT_FOUND && sandbox "len(log) == 0"'

kreq --path-as-is "$PX/api/v2/../../etc/passwd"
check "/api/v2/../../etc/passwd: 400 PROXY_BAD_REQUEST" eval 'is "$code" 400 && body_has PROXY_BAD_REQUEST && sandbox "len(log) == 0"'

kreq --path-as-is "$PX/api/v2/%2e%2e/%2e%2e/etc/passwd"
check "%2e%2e segments: 400" eval 'is "$code" 400 && sandbox "len(log) == 0"'

kreq "$PX/api/v2/task/a%2Fb"
check "an escaped '/' in a segment: 400" eval 'is "$code" 400 && sandbox "len(log) == 0"'

kreq "$PX/api/v2/task/a\$b"
check "a character outside the id rules: 400" eval 'is "$code" 400 && sandbox "len(log) == 0"'

kreq "$PX/v2/team"
check "a path outside /api/v2/: 404" eval 'is "$code" 404 && sandbox "len(log) == 0"'

kreq -X OPTIONS "$PX/api/v2/team"
check "another method: 405" eval 'is "$code" 405 && sandbox "len(log) == 0"'

head -c 1048577 /dev/zero | tr '\0' 'x' >"$tmp/big"
kreq -X POST -H 'Content-Type: application/json' --data-binary @"$tmp/big" "$PX/api/v2/list/2101/task"
check "a body above --max-body (Content-Length): 413, nothing forwarded" \
      eval 'is "$code" 413 && body_has PROXY_BODY_TOO_LARGE && sandbox "len(log) == 0"'

kreq -X POST -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' --data-binary @"$tmp/big" \
     "$PX/api/v2/list/2101/task"
check "a chunked body above --max-body: 413, nothing forwarded" eval 'is "$code" 413 && sandbox "len(log) == 0"'

# ---- operations ------------------------------------------------------------------------------
req "$PX/healthz"
check "GET /healthz needs no key" eval 'is "$code" 200 && body_has "\"ok\":true"'

req "$PX/metrics"
metrics_without_key=$code
kreq "$PX/metrics"
check "GET /metrics: 401 without the key, the library's metrics with it" \
      eval 'is "$metrics_without_key" 401 && is "$code" 200 && body_has "\"cache\":" && body_has "\"requests\":"'

# ---- start-up --------------------------------------------------------------------------------
# start_fails WANTED_EXIT [ENV=VALUE...] -- PROXY ARGS: the proxy must refuse to start.
start_fails() {
    want=$1
    shift
    env_args=""
    while [ "$1" != "--" ]; do env_args="$env_args $1"; shift; done
    shift
    # shellcheck disable=SC2086
    env $env_args "$B/clickup_proxy" "$@" >"$tmp/start.out" 2>"$tmp/start.err" </dev/null &
    pid=$!
    tries=0
    while kill -0 "$pid" 2>/dev/null && [ "$tries" -lt 50 ]; do sleep 0.1; tries=$((tries + 1)); done
    if kill -0 "$pid" 2>/dev/null; then stop "$pid"; code=running; return 1; fi
    wait "$pid"
    code=$?
    cat "$tmp/start.out" "$tmp/start.err" >>"$tmp/all"
    [ "$code" = "$want" ]
}
start_check() { # start_check DESCRIPTION GREP-PATTERN WANTED_EXIT ...
    desc=$1 pattern=$2
    shift 2
    if start_fails "$@" && grep -q -- "$pattern" "$tmp/start.err"; then ok "$desc"
    else failed=$((failed + 1)); echo "FAIL - $desc: exit $code: $(head -c 300 "$tmp/start.err")"; fi
}

start_check "a non-loopback --listen without --allow-remote: refused (exit 2)" "not a loopback" \
            2 -- --listen 0.0.0.0:0 --key-file "$KEYFILE"
start_check "--allow-remote without --key-file: refused (exit 2)" "key-file" \
            2 -- --listen 0.0.0.0:0 --allow-remote
start_check "CLICKUP_LIMITER set: not available in this build (exit 3), its value not printed" "not available" \
            3 CLICKUP_LIMITER=redis://:hunter2secret@127.0.0.1:1/0 -- --listen 127.0.0.1:0 --key-file "$KEYFILE"
if grep -q hunter2secret "$tmp/start.err" "$tmp/start.out"; then
    failed=$((failed + 1)); echo "FAIL - the CLICKUP_LIMITER value was printed"
fi
start_check "CLICKUP_CACHE set: not available in this build (exit 3)" "CLICKUP_CACHE" \
            3 CLICKUP_CACHE=file:/tmp/cache -- --listen 127.0.0.1:0 --key-file "$KEYFILE"
# CLICKUP_LIMITER=file: is clickup.h's limiter shared through a file: the proxy runs with it,
# and the file appears with mode 0600.
CLICKUP_LIMITER="file:$tmp/budget" "$B/clickup_proxy" --listen 127.0.0.1:0 --port-file "$tmp/p2.port" \
    --key-file "$KEYFILE" >"$tmp/p2.out" 2>"$tmp/p2.err" &
p2=$!
if wait_file "$tmp/p2.port" "$p2" &&
   [ "$(curl -s -o "$tmp/b" -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $KEY" \
        "http://127.0.0.1:$(cat "$tmp/p2.port")/api/v2/team")" = 200 ] &&
   [ "$(stat -c %a "$tmp/budget" 2>/dev/null)" = 600 ]; then
    ok "CLICKUP_LIMITER=file:PATH: the proxy forwards through the shared-file limiter (file mode 0600)"
else
    failed=$((failed + 1)); echo "FAIL - CLICKUP_LIMITER=file: $(head -c 300 "$tmp/p2.err")"
fi
kill "$p2" 2>/dev/null; wait "$p2" 2>/dev/null
start_check "no CLICKUP_API_TOKEN: configuration error (exit 2)" "CLICKUP_API_TOKEN" \
            2 CLICKUP_API_TOKEN= -- --listen 127.0.0.1:0 --key-file "$KEYFILE"

(umask 022 && echo "0123456789abcdef0123" >"$tmp/open.key")
start_check "a key file readable by others: refused (exit 1)" "chmod 600" \
            1 -- --listen 127.0.0.1:0 --key-file "$tmp/open.key"

key_is_hex() { case $KEY in *[!0-9a-f]*) return 1 ;; esac; [ ${#KEY} -eq 64 ]; }
if ls -l "$KEYFILE" | grep -q '^-rw-------' && key_is_hex; then
    ok "the generated key file has mode 0600 and a key of 64 hex digits"
else
    failed=$((failed + 1)); echo "FAIL - the key file: $(ls -l "$KEYFILE"), key of ${#KEY} characters"
fi

# ---- the Unix socket -------------------------------------------------------------------------
SOCK="$tmp/proxy.sock"
"$B/clickup_proxy" --socket "$SOCK" --key-file "$KEYFILE" >"$tmp/sock.out" 2>"$tmp/sock.err" &
sock_pid=$!
tries=0
while [ ! -S "$SOCK" ] && [ "$tries" -lt 100 ] && kill -0 "$sock_pid" 2>/dev/null; do sleep 0.1; tries=$((tries + 1)); done
kreq --unix-socket "$SOCK" "http://localhost/api/v2/team"
check "--socket: served over the Unix socket, which has mode 0600" \
      eval 'is "$code" 200 && body_has "Ecomlabs Sandbox" && ls -l "$SOCK" | grep -q "^srw-------"'
kill "$sock_pid" 2>/dev/null
wait "$sock_pid"
sock_rc=$?
sock_pid=
if [ "$sock_rc" = 0 ] && [ ! -e "$SOCK" ]; then ok "SIGTERM stops the socket proxy (exit 0) and removes the socket"
else failed=$((failed + 1)); echo "FAIL - the socket proxy: exit $sock_rc, socket left: $(ls "$SOCK" 2>&1)"; fi

# ---- the end -----------------------------------------------------------------------------------
# SIGTERM while a slow request is being forwarded: that request still gets its answer.
fault '{"method":"GET","path":"/api/v2/list/2102","kind":"delay","count":1,"arg":1000}'
n=$((n + 1))
curl -s -o "$tmp/slow.body" -w '%{http_code}' --max-time 30 -H "Authorization: Bearer $KEY" "$PX/api/v2/list/2102" \
    >"$tmp/slow.code" &
slow_pid=$!
sleep 0.4
kill "$proxy_pid" 2>/dev/null
wait "$proxy_pid"
proxy_rc=$?
proxy_pid=
wait "$slow_pid"
cat "$tmp/slow.body" >>"$tmp/all"
if [ "$proxy_rc" = 0 ] && grep -q "stopped" "$tmp/proxy.err" && [ "$(cat "$tmp/slow.code")" = 200 ] &&
   grep -q "SOP Templates" "$tmp/slow.body"; then
    ok "SIGTERM stops the proxy cleanly (exit 0), after answering the request in progress"
else
    failed=$((failed + 1))
    echo "FAIL - SIGTERM: exit $proxy_rc, request in progress: $(cat "$tmp/slow.code"): $(tail -n 3 "$tmp/proxy.err")"
fi
reset_sandbox

cat "$tmp/proxy.out" "$tmp/proxy.err" "$tmp/sock.out" "$tmp/sock.err" >>"$tmp/all"
if grep -q "$TOKEN" "$tmp/all"; then
    failed=$((failed + 1)); echo "FAIL - the ClickUp token appears in a response or in the proxy's output"
elif grep -q "$KEY" "$tmp/proxy.out" "$tmp/proxy.err" "$tmp/sock.out" "$tmp/sock.err"; then
    failed=$((failed + 1)); echo "FAIL - the proxy key appears in the proxy's output"
elif [ "$(cat "$tmp/proxy.err" "$tmp/sock.err" | grep -c ' cache=')" -ne "$n" ]; then
    failed=$((failed + 1)); echo "FAIL - log lines: $(cat "$tmp/proxy.err" "$tmp/sock.err" | grep -c ' cache=') for $n requests"
else
    ok "the token is in no response or output ($n requests), the key in no output, one log line per request"
fi

echo "proxy: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

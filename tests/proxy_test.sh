#!/bin/sh
# tests/proxy_test.sh - end-to-end checks of build/clickup_proxy against build/sandbox, with
# curl(1) as the client.
#
#   make build/clickup_proxy build/sandbox && sh tests/proxy_test.sh [BUILD_DIR]
#
# Starts its own sandbox and proxy on free loopback ports (both stopped on exit, even on
# failure), then checks forwarding, the proxy key, the cache and its invalidation, POST safety,
# rate-limit waits, path and body refusals, /metrics (Prometheus text), that a request waiting
# for a slow ClickUp holds up no other, start-up refusals, the key file, the Unix socket, that
# the ClickUp token never leaks, and a clean stop on SIGTERM. Then, through a second proxy in
# front of a second sandbox with a rate limit (20 requests per 2 s window): the seed's three
# flows as Python programs (tests/proxy_flows/*.py, standard library only), and 8 Python
# clients at once (no 429, served concurrently). The sandboxes are driven and inspected over
# their HTTP control endpoints (/_sandbox/...; see tests/sandbox.h).
# PROXY_BIN=path runs another build of the proxy (e.g. build/tsan/clickup_proxy, made by
# `make build/tsan/clickup_proxy`: any ThreadSanitizer report in its output fails the run).
# Prints one "ok"/"FAIL" line per check, then exactly one summary line:
#   proxy: N passed, M failed
# and exits non-zero when anything failed. Takes about 20 seconds.
set -u

B=${1:-build}
P=${PROXY_BIN:-$B/clickup_proxy}
FLOWS=$(dirname "$0")/proxy_flows
TOKEN=pk_sandbox_token
passed=0
failed=0

PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
[ -x "$PY" ] || PY=python3

tmp=$(mktemp -d)
sandbox_pid=
proxy_pid=
sock_pid=
sandbox2_pid=
proxy2_pid=
stop() { # stop PID: SIGTERM, then wait for it
    [ -n "$1" ] || return 0
    kill "$1" 2>/dev/null
    wait "$1" 2>/dev/null
}
cleanup() {
    stop "$proxy_pid"
    stop "$sock_pid"
    stop "$proxy2_pid"
    stop "$sandbox_pid"
    stop "$sandbox2_pid"
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

give_up() {
    echo "proxy: $1"
    echo "proxy: $passed passed, $((failed + 1)) failed"
    exit 1
}

[ -x "$P" ] || give_up "$P is missing (make $B/clickup_proxy)"
[ -x "$B/sandbox" ] || give_up "$B/sandbox is missing (make $B/sandbox)"
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
"$P" --listen 127.0.0.1:0 --port-file "$tmp/proxy.port" --key-file "$KEYFILE" \
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
sys.exit(0 if eval("(%s)" % sys.argv[1]) else 1)
PY
}

# prom PYTHON-EXPRESSION: the last body must parse as Prometheus' text format 0.0.4 (every line
# a "# HELP", "# TYPE" or a sample; samples of a family after its TYPE; no series twice; values
# numbers, NaN or +-Inf) and the expression must hold over it. It sees v(name, **labels): the
# value of that series (None when absent), and types: family name -> type.
prom() {
    "$PY" - "$1" "$tmp/b" <<'PY'
import math, re, sys
text = open(sys.argv[2], encoding="utf-8").read()
NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
LABEL = r'[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"'
SAMPLE = re.compile(r"^(%s)(?:\{((?:%s)(?:,%s)*)?,?\})? (\S+)(?: -?[0-9]+)?$" % (NAME, LABEL, LABEL))
types, helps, series = {}, {}, {}
def family(name):
    for suffix in ("_count", "_sum", "_bucket"):
        base = name[: -len(suffix)]
        if name.endswith(suffix) and types.get(base) in ("summary", "histogram"):
            return base
    return name
def fail(why):
    print("prometheus text: " + why, file=sys.stderr)
    sys.exit(1)
if not text.endswith("\n"):
    fail("does not end with a line feed")
for line in text[:-1].split("\n"):
    if line.startswith("# HELP ") or line.startswith("# TYPE "):
        parts = line[7:].split(" ", 1)
        if not re.fullmatch(NAME, parts[0]) or len(parts) != 2:
            fail("bad line: " + line)
        table = helps if line[2] == "H" else types
        if parts[0] in table or any(family(n) == parts[0] for n, _ in series):
            fail("HELP or TYPE repeated or after samples: " + line)
        if table is types and parts[1] not in ("counter", "gauge", "summary", "histogram", "untyped"):
            fail("unknown type: " + line)
        table[parts[0]] = parts[1]
    elif line.startswith("#") or not line:
        continue
    else:
        m = SAMPLE.match(line)
        if not m:
            fail("not a sample: " + line)
        labels = tuple(sorted(re.findall(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"', m.group(2) or "")))
        if family(m.group(1)) not in types:
            fail("sample before its TYPE: " + line)
        try:
            value = float(m.group(3))
        except ValueError:
            fail("not a number: " + line)
        if (m.group(1), labels) in series:
            fail("series repeated: " + line)
        series[(m.group(1), labels)] = value
def v(name, **labels):
    return series.get((name, tuple(sorted(labels.items()))))
sys.exit(0 if eval("(%s)" % sys.argv[1]) else 1)
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
check "GET /metrics: 401 without the key; with it Prometheus text (0.0.4) showing the requests, 429s, cache, routes" \
      eval 'is "$metrics_without_key" 401 && is "$code" 200 && is "$(header Content-Type)" "text/plain; version=0.0.4; charset=utf-8" &&
            prom "v(\"clickup_requests_total\") >= 15 and v(\"clickup_responses_429_total\") >= 1
                  and v(\"clickup_proxy_requests_total\", outcome=\"forwarded\") >= 10
                  and v(\"clickup_proxy_requests_total\", outcome=\"unauthorized\") >= 2
                  and v(\"clickup_cache_hits_total\") >= 2 and 0 < v(\"clickup_cache_hit_ratio\") < 1
                  and v(\"clickup_limiter_wait_seconds_total\") is not None and v(\"clickup_rate_limit\") > 0
                  and types[\"clickup_route_latency_seconds\"] == \"summary\"
                  and v(\"clickup_route_requests_total\", route=\"GET /space/{space_id}/folder\") == 2
                  and v(\"clickup_route_requests_total\", route=\"GET /list/{list_id}\") == 2
                  and v(\"clickup_route_errors_total\", route=\"POST /list/{list_id}/task\") == 1
                  and v(\"clickup_route_latency_seconds\", route=\"GET /list/{list_id}\", quantile=\"0.99\") >= 0
                  and v(\"clickup_route_latency_seconds_count\", route=\"GET /team\") == 1"'

kreq "$PX/metrics?format=json"
check "GET /metrics?format=json: the same as JSON" \
      eval 'is "$code" 200 && is "$(header Content-Type)" application/json && body_has "\"cache\":" && body_has "\"endpoints\":"'

# ---- many requests in flight at once -----------------------------------------------------------
# A request waiting for a slow ClickUp holds up nobody: while one GET takes 1.5 s at the sandbox,
# a cache hit and an uncached GET are answered at once.
kreq "$PX/api/v2/space/790/folder"                     # in the cache now
fault '{"method":"GET","path":"/api/v2/list/2102","kind":"delay","count":1,"arg":1500}'
n=$((n + 1))
curl -s -o "$tmp/slow.body" -w '%{http_code} %{time_total}' --max-time 30 -H "Authorization: Bearer $KEY" \
    -H 'Cache-Control: no-cache' "$PX/api/v2/list/2102" >"$tmp/slow.code" &
slow_pid=$!
sleep 0.3
t0=$(date +%s%N)
kreq "$PX/api/v2/space/790/folder"
hit_code=$code hit_cache=$(header X-Clickup-Cache)
kreq "$PX/api/v2/task/86abc124"
t1=$(date +%s%N)
wait "$slow_pid"
read -r slow_code slow_s <"$tmp/slow.code"
check "while a GET waits 1.5 s for the sandbox, a cache hit and an uncached GET are answered at once" \
      eval 'is "$hit_code" 200 && is "$hit_cache" hit && is "$code" 200 && [ $(( (t1 - t0) / 1000000 )) -lt 700 ] &&
            is "$slow_code" 200 && "$PY" -c "import sys; sys.exit(float(sys.argv[1]) < 1.4)" "$slow_s" &&
            sandbox "count(\"GET\", \"/api/v2/list/2102\") == 1 and count(\"GET\", \"/api/v2/task/86abc124\") == 1"'

# ---- a second proxy, in front of a rate-limited sandbox: Python tools -------------------------
# The sandbox allows 20 requests per 2 s window (fixed windows, as ClickUp); the proxy's limiter
# is told the same. Everything below talks to these two; $SB points at the second sandbox.
"$B/sandbox" --port 0 --port-file "$tmp/sandbox2.port" --rate-limit 20 --rate-window 2 >"$tmp/sandbox2.log" 2>&1 &
sandbox2_pid=$!
wait_file "$tmp/sandbox2.port" "$sandbox2_pid" || give_up "the second sandbox did not start: $(cat "$tmp/sandbox2.log")"
SB1=$SB
SB="http://127.0.0.1:$(cat "$tmp/sandbox2.port")"
CLICKUP_BASE_URL="$SB/api/v2" CLICKUP_RATE_LIMIT=20 CLICKUP_RATE_WINDOW_S=2 \
    "$P" --listen 127.0.0.1:0 --port-file "$tmp/proxy2.port" --key-file "$KEYFILE" >"$tmp/proxy2.out" 2>"$tmp/proxy2.err" &
proxy2_pid=$!
wait_file "$tmp/proxy2.port" "$proxy2_pid" || give_up "the second proxy did not start: $(cat "$tmp/proxy2.err")"
PX2="http://127.0.0.1:$(cat "$tmp/proxy2.port")"
reset_sandbox

# flow PROGRAM [ARGS...]: run tests/proxy_flows/PROGRAM.py against the second proxy; its stdout in
# $tmp/b, its exit status in $code.
flow() {
    prog=$1
    shift
    env CLICKUP_BASE_URL="$PX2/api/v2" CLICKUP_PROXY_KEY="$KEY" CLICKUP_TEMPLATES_LIST_ID=2102 \
        "$PY" "$FLOWS/$prog.py" "$@" >"$tmp/b" 2>"$tmp/flow.err"
    code=$?
    : >"$tmp/h"
    cat "$tmp/b" "$tmp/flow.err" >>"$tmp/all"
}
# direct PATH: GET PATH from the sandbox itself, with the real token (the data to compare with).
direct() { curl -s --max-time 5 -H "Authorization: $TOKEN" "$SB/api/v2/$1"; }

direct team >"$tmp/team.json"
direct team/9001/space >"$tmp/spaces.json"
reset_sandbox
flow team_central
check "Python: Team Central's space and member sync prints the sandbox's spaces and members" \
      eval 'is "$code" 0 && "$PY" - "$tmp/b" "$tmp/team.json" "$tmp/spaces.json" <<'"'"'PY'"'"'
import json, sys
out = json.loads(open(sys.argv[1]).read())
team = json.load(open(sys.argv[2]))["teams"][0]
spaces = json.load(open(sys.argv[3]))["spaces"]
want = {"spaces": [{"id": s["id"], "name": s["name"], "private": s["private"]} for s in spaces],
        "members": [{"id": m["user"]["id"], "username": m["user"]["username"], "email": m["user"]["email"]}
                    for m in team["members"]]}
sys.exit(0 if out == want and out["spaces"][0] == {"id": "790", "name": "Client A", "private": False}
         and len(out["members"]) == 3 else 1)
PY
            sandbox "[(r[\"method\"], r[\"path\"]) for r in log] == [(\"GET\", \"/api/v2/team\"), (\"GET\", \"/api/v2/team/9001/space\")]"'

flow canonize https://app.clickup.com/t/86abc123 "Onboard a client to Slack"
draft=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["clickup_task_id"])' "$tmp/b" 2>/dev/null)
direct "task/$draft?include_markdown_description=true" >"$tmp/draft.json"
check "Python: The Operator's canonize creates the draft SOP (steps, variables, tags) with one POST" \
      eval 'is "$code" 0 && "$PY" - "$tmp/b" "$tmp/draft.json" <<'"'"'PY'"'"'
import json, sys
out = json.loads(open(sys.argv[1]).read())
task = json.load(open(sys.argv[2]))
md = task["markdown_description"]
sys.exit(0 if out["detected_variables"] == ["client_name"] and out["clickup_task_url"].endswith(out["clickup_task_id"])
         and "Save as Template" in out["instructions"] and task["list"]["id"] == "2102"
         and [t["name"] for t in task["tags"]] == ["sop-draft", "onboard"] and md.startswith("# Onboard a client to Slack")
         and "1. Create the Slack channel" in md and "4. Pin the SOP" in md and "{{client_name}}" in md else 1)
PY
            sandbox "count(\"GET\", \"/api/v2/task/86abc123\") == 1 and count(\"POST\", \"/api/v2/list/2102/task\") == 1 and
                     log[1][\"authorization\"] == \"$TOKEN\" and log[2][\"path\"] == \"/api/v2/task/$draft\""'

flow sync_templates "$tmp/sops.json"
first_sync=$(cat "$tmp/b")
control template '{"id":"t-86b3e002","name":"SOP: Renamed by the proxy test {{owner}}"}'
flow sync_templates "$tmp/sops.json"
check "Python: the Worker's template sync (file store): 150 new, then 1 renamed of 150; the store matches" \
      eval 'is "$code" 0 && is "$first_sync" "Synced 150 templates (150 new, 0 updated, 0 unchanged)" &&
            is "$(cat "$tmp/b")" "Synced 150 templates (0 new, 1 updated, 149 unchanged)" &&
            "$PY" - "$tmp/sops.json" <<'"'"'PY'"'"'
import json, sys
store = json.load(open(sys.argv[1]))
sys.exit(0 if len(store) == 150 and store["t-86b3e001"]["variables"] == ["client_name"]
         and store["t-86b3e002"]["name"] == "SOP: Renamed by the proxy test {{owner}}"
         and store["t-86b3e002"]["variables"] == ["owner"] else 1)
PY
            sandbox "count(\"GET\", \"/api/v2/team/9001/taskTemplate\") == 4 and count(\"GET\", \"/api/v2/team\") == 0"'

# 8 Python clients at once, 5 uncached GETs each (40 requests, two windows' worth of budget). The
# first 8 wait 300 ms at the sandbox: served one after another they would take 2.4 s.
fault '{"method":"GET","path":"/api/v2/task/86a0","kind":"delay","count":8,"arg":300}'
"$PY" - "$PX2/api/v2" "$KEY" >"$tmp/clients.out" 2>&1 <<'PY'
import sys, threading, time, urllib.request
base, key = sys.argv[1], sys.argv[2]
codes, first = [], []
def client(i):
    for j in range(5):
        t = time.monotonic()
        req = urllib.request.Request("%s/task/86a%05d" % (base, 1 + i * 5 + j), headers={"Authorization": "Bearer " + key})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                r.read()
                codes.append(r.status)
        except Exception as e:
            codes.append(getattr(e, "code", str(e)))
        if j == 0:
            first.append(time.monotonic() - t)
start = time.monotonic()
threads = [threading.Thread(target=client, args=(i,)) for i in range(8)]
for t in threads: t.start()
for t in threads: t.join()
print("codes=%s 200s=%d slowest_first=%.2f wall=%.2f" % (sorted(set(map(str, codes))), codes.count(200), max(first), time.monotonic() - start))
PY
curl -s -g -o "$tmp/b" -D "$tmp/h" --max-time 30 -H "Authorization: Bearer $KEY" "$PX2/metrics"   # not counted in $n
check "8 Python clients at once, 20 requests per 2 s: all 40 answered 200, 0 x 429 at the sandbox, served concurrently" \
      eval 'grep -q "200s=40 " "$tmp/clients.out" &&
            "$PY" -c "import re, sys; sys.exit(float(re.search(r\"slowest_first=([0-9.]+)\", open(sys.argv[1]).read()).group(1)) >= 1.5)" "$tmp/clients.out" &&
            curl -s --max-time 5 "$SB/_sandbox/requests" >"$tmp/log.json" &&
            "$PY" -c "import json, sys; d = json.load(open(sys.argv[1])); sys.exit(not (d[\"count_429\"] == 0 and d[\"rate_peak\"] <= 20 and d[\"count\"] == 40 and d[\"max_concurrent\"] >= 4))" "$tmp/log.json" &&
            prom "v(\"clickup_responses_429_total\") == 0 and v(\"clickup_proxy_in_flight_peak\") >= 4
                  and v(\"clickup_route_requests_total\", route=\"GET /task/{task_id}\") >= 40"'
echo "       $(cat "$tmp/clients.out"); sandbox: $("$PY" -c 'import json, sys; d = json.load(open(sys.argv[1])); print("count_429 %d, rate_peak %d, max_concurrent %d" % (d["count_429"], d["rate_peak"], d["max_concurrent"]))' "$tmp/log.json" 2>/dev/null)"
stop "$proxy2_pid"
proxy2_rc=$?
proxy2_pid=
SB=$SB1

# ---- start-up --------------------------------------------------------------------------------
# start_fails WANTED_EXIT [ENV=VALUE...] -- PROXY ARGS: the proxy must refuse to start.
start_fails() {
    want=$1
    shift
    env_args=""
    while [ "$1" != "--" ]; do env_args="$env_args $1"; shift; done
    shift
    # shellcheck disable=SC2086
    env $env_args "$P" "$@" >"$tmp/start.out" 2>"$tmp/start.err" </dev/null &
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
# The Makefile builds the proxy with the Redis companion: a redis:// limiter it cannot reach is a
# configuration error that names the variable, never its password.
start_check "CLICKUP_LIMITER=redis:// it cannot reach: configuration error (exit 2), its password not printed" "CLICKUP_LIMITER" \
            2 CLICKUP_LIMITER=redis://:hunter2secret@127.0.0.1:1/0 -- --listen 127.0.0.1:0 --key-file "$KEYFILE"
if grep -q hunter2secret "$tmp/start.err" "$tmp/start.out"; then
    failed=$((failed + 1)); echo "FAIL - the CLICKUP_LIMITER value was printed"
fi
start_check "CLICKUP_CACHE set: not available in this build (exit 3)" "CLICKUP_CACHE" \
            3 CLICKUP_CACHE=file:/tmp/cache -- --listen 127.0.0.1:0 --key-file "$KEYFILE"
# CLICKUP_LIMITER=file: is clickup.h's limiter shared through a file: the proxy runs with it,
# and the file appears with mode 0600.
CLICKUP_LIMITER="file:$tmp/budget" "$P" --listen 127.0.0.1:0 --port-file "$tmp/p2.port" \
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
"$P" --socket "$SOCK" --key-file "$KEYFILE" >"$tmp/sock.out" 2>"$tmp/sock.err" &
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

cat "$tmp/proxy.out" "$tmp/proxy.err" "$tmp/sock.out" "$tmp/sock.err" "$tmp/proxy2.out" "$tmp/proxy2.err" >>"$tmp/all"
if grep -q "$TOKEN" "$tmp/all"; then
    failed=$((failed + 1)); echo "FAIL - the ClickUp token appears in a response or in the proxy's output"
elif grep -q "$KEY" "$tmp/proxy.out" "$tmp/proxy.err" "$tmp/sock.out" "$tmp/sock.err" "$tmp/proxy2.out" "$tmp/proxy2.err"; then
    failed=$((failed + 1)); echo "FAIL - the proxy key appears in the proxy's output"
elif [ "$(cat "$tmp/proxy.err" "$tmp/sock.err" | grep -c ' cache=')" -ne "$n" ]; then
    failed=$((failed + 1)); echo "FAIL - log lines: $(cat "$tmp/proxy.err" "$tmp/sock.err" | grep -c ' cache=') for $n requests"
else
    ok "the token is in no response or output ($n requests), the key in no output, one log line per request"
fi

# Under a ThreadSanitizer build (PROXY_BIN=build/tsan/clickup_proxy) a data race is reported on
# the proxy's stderr; the second proxy, stopped after the 8 clients, exits 0 like the first.
if grep -q "ThreadSanitizer" "$tmp/proxy.err" "$tmp/proxy2.err" "$tmp/sock.err" "$tmp/p2.err" 2>/dev/null; then
    failed=$((failed + 1)); echo "FAIL - ThreadSanitizer: $(grep -h -A 3 "ThreadSanitizer" "$tmp/proxy.err" "$tmp/proxy2.err" "$tmp/sock.err" "$tmp/p2.err" 2>/dev/null | head -n 8)"
elif [ "${proxy2_rc:-}" != 0 ]; then
    failed=$((failed + 1)); echo "FAIL - the second proxy: exit ${proxy2_rc:-none} on SIGTERM: $(tail -n 3 "$tmp/proxy2.err")"
else
    ok "no ThreadSanitizer report in the proxies' output; the second proxy stopped with exit 0"
fi

echo "proxy: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

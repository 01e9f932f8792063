#!/bin/sh
# tests/real_api_test.sh - READ-ONLY checks of build/clickup against the real ClickUp API.
#
#   CLICKUP_API_TOKEN=pk_... sh tests/real_api_test.sh [BUILD_DIR]
#
# Runs only when CLICKUP_API_TOKEN is set and CLICKUP_BASE_URL is not (set CLICKUP_TEAM_ID too
# when the token sees several workspaces); otherwise it says it skipped. Nothing is created or
# changed: it lists spaces, members, templates, the folders and lists of the first space, one
# page of tasks of the first list, one of those tasks, and the rate limiter. Each check wants
# exit code 0 and JSON of the right shape (parsed by python3). Ends with one line:
#   real-api: N passed, M failed, K skipped
set -u

B=${1:-build}

if [ -z "${CLICKUP_API_TOKEN:-}" ]; then
    echo "real-api: skipped (CLICKUP_API_TOKEN not set)"
    echo "real-api: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
if [ -n "${CLICKUP_BASE_URL:-}" ]; then
    echo "real-api: skipped (CLICKUP_BASE_URL is set, so this would not be the real API)"
    echo "real-api: 0 passed, 0 failed, 1 skipped"
    exit 0
fi
if [ ! -x "$B/clickup" ]; then
    echo "real-api: $B/clickup is missing (make examples)"
    echo "real-api: 0 passed, 1 failed, 0 skipped"
    exit 1
fi

PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
[ -x "$PY" ] || PY=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

# check DESCRIPTION PYTHON_EXPRESSION command...: exit 0 and the expression holds for
# d (stdout as JSON). The JSON stays in $tmp/out for the next step.
check() {
    desc=$1
    expr=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    code=$?
    if [ "$code" -ne 0 ]; then
        failed=$((failed + 1))
        echo "FAIL - $desc: exit code $code: $(head -c 300 "$tmp/err")"
    elif ! "$PY" -c 'import json, sys; d = json.load(open(sys.argv[2])); sys.exit(0 if eval(sys.argv[1]) else 1)' \
            "$expr" "$tmp/out" 2>/dev/null; then
        failed=$((failed + 1))
        echo "FAIL - $desc: $expr: $(head -c 300 "$tmp/out")"
    else
        passed=$((passed + 1))
        echo "ok - $desc"
    fi
}

# The "id" of the first item of the JSON array in $tmp/out, or nothing.
first_id() {
    "$PY" -c 'import json, sys; d = json.load(open(sys.argv[1])); print(d[0]["id"] if d else "")' "$tmp/out" 2>/dev/null
}

check "spaces" 'isinstance(d, list) and all({"id", "name", "private"} <= set(s) for s in d)' "$B/clickup" spaces
space=$(first_id)

check "members" 'len(d) > 0 and all(isinstance(m["id"], int) and "email" in m for m in d)' "$B/clickup" members

check "templates (all pages)" 'isinstance(d, list) and all(set(t) == {"id", "name"} for t in d)' "$B/clickup" templates

list=
if [ -n "$space" ]; then
    check "folders of the first space" 'isinstance(d, list) and all("lists" in f for f in d)' \
          "$B/clickup" folders --space "$space"
    list=$("$PY" -c 'import json, sys; d = json.load(open(sys.argv[1])); print(next((l["id"] for f in d for l in f["lists"]), ""))' "$tmp/out" 2>/dev/null)
    check "folderless lists of the first space" 'isinstance(d, list)' "$B/clickup" lists --space "$space"
    [ -n "$list" ] || list=$(first_id)
fi

if [ -n "$list" ]; then
    check "one page of tasks of the first list" 'isinstance(d, list) and all("status" in t for t in d)' \
          "$B/clickup" tasks --list "$list" --max-pages 1
    task=$(first_id)
    if [ -n "$task" ]; then
        check "one task, with markdown" "d['id'] == '$task' and 'markdown_description' in d" \
              "$B/clickup" task get "$task" --markdown
    fi
fi

check "rate (synced to X-RateLimit headers)" 'd["limit"] > 0 and d["server_remaining"] >= 0' "$B/clickup" rate

echo "real-api: $passed passed, $failed failed, 0 skipped"
[ "$failed" -eq 0 ]

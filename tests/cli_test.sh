#!/bin/sh
# tests/cli_test.sh - end-to-end checks of build/clickup and of the example programs
# (team_central, canonize, sync_templates, quickstart) against build/sandbox.
#
#   make examples build/sandbox && sh tests/cli_test.sh [BUILD_DIR]
#
# Starts its own sandbox on a free loopback port (stopped on exit), runs every command and every
# exit-code class, and checks the exit code, the JSON on stdout (parsed by python3) and the
# one-line error on stderr. Faults (429, 500, malformed JSON, a slow answer) are injected through
# the sandbox's control endpoints, with python3's urllib (curl(1) may not be installed).
# Prints one "ok"/"FAIL"/"skip" line per check, then exactly one summary line:
#   cli: N passed, M failed, K skipped
# and exits non-zero when anything failed. Takes a few seconds.
set -u

B=${1:-build}
TOKEN=pk_sandbox_token
passed=0
failed=0
skipped=0

# python3 resolved once: a version-manager shim (pyenv) can cost a second per start.
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
[ -x "$PY" ] || PY=python3

# ---- the sandbox ---------------------------------------------------------------------------
tmp=$(mktemp -d)
sandbox_pid=
cleanup() {
    if [ -n "$sandbox_pid" ]; then
        kill "$sandbox_pid" 2>/dev/null
        wait "$sandbox_pid" 2>/dev/null
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

for program in clickup team_central canonize sync_templates quickstart sandbox; do
    if [ ! -x "$B/$program" ]; then
        echo "cli: $B/$program is missing (make examples $B/sandbox)"
        echo "cli: 0 passed, 1 failed"
        exit 1
    fi
done

"$B/sandbox" --port 0 --port-file "$tmp/port" >"$tmp/sandbox.log" 2>&1 &
sandbox_pid=$!
tries=0
while [ ! -s "$tmp/port" ]; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ] || ! kill -0 "$sandbox_pid" 2>/dev/null; then
        cat "$tmp/sandbox.log"
        echo "cli: 0 passed, 1 failed"
        exit 1
    fi
    sleep 0.1
done
port=$(cat "$tmp/port")

# Only these settings, whatever the caller's environment holds.
unset CLICKUP_TEAM_ID CLICKUP_RATE_LIMIT CLICKUP_RATE_WINDOW_S CLICKUP_ENABLE_CACHE CLICKUP_TIMEOUT_MS \
      CLICKUP_LOG_LEVEL CLICKUP_MAX_RETRIES CLICKUP_BACKOFF_MS CLICKUP_TEMPLATES_LIST_ID
export CLICKUP_API_TOKEN=$TOKEN
export CLICKUP_BASE_URL="http://127.0.0.1:$port/api/v2"
export SANDBOX_CONTROL="http://127.0.0.1:$port/_sandbox"

# ---- helpers ---------------------------------------------------------------------------------
# POST a JSON body to a control endpoint: control fault '{"kind": ...}' | control reset '{}'.
control() {
    "$PY" -c '
import sys, urllib.request
req = urllib.request.Request(sys.argv[1], data=sys.argv[2].encode(), headers={"Content-Type": "application/json"})
urllib.request.urlopen(req, timeout=5).read()' "$SANDBOX_CONTROL/$1" "$2"
}

# Run a command; its stdout, stderr and exit code land in $tmp/out, $tmp/err and $code.
# (Every check ends by clearing the sandbox's request log and faults, so each run starts
# clean and sees only its own requests.)
run() {
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    code=$?
}

# The same with stdin from a file: run_stdin FILE command...
run_stdin() {
    input=$1
    shift
    "$@" >"$tmp/out" 2>"$tmp/err" <"$input"
    code=$?
}

# True when the python expression holds. It sees: out, err (text); d (stdout as JSON, None
# when it is not JSON); jl (stdout as JSON Lines: a list, None when a line is not JSON); tmp
# (the scratch directory); one_line() (stderr is one "clickup: " line); requests(method, path)
# (what the sandbox received since the last check). Then it clears the sandbox's log and faults.
holds() {
    "$PY" - "$1" "$tmp/out" "$tmp/err" <<'PY'
import json, os, sys, urllib.parse, urllib.request
expr, out_path, err_path = sys.argv[1:4]
out = open(out_path, encoding="utf-8", errors="replace").read()
err = open(err_path, encoding="utf-8", errors="replace").read()
tmp = os.path.dirname(out_path)
try:
    d = json.loads(out)
except ValueError:
    d = None
try:
    jl = [json.loads(line) for line in out.splitlines()]
except ValueError:
    jl = None

def one_line():
    return err.startswith("clickup: ") and len(err.splitlines()) == 1

def requests(method=None, path=None):
    query = urllib.parse.urlencode({k: v for k, v in (("method", method), ("path", path)) if v})
    url = os.environ["SANDBOX_CONTROL"] + "/requests?" + query
    return json.load(urllib.request.urlopen(url, timeout=5))["requests"]

result = bool(eval(expr))
reset = urllib.request.Request(os.environ["SANDBOX_CONTROL"] + "/reset", data=b"{}",
                               headers={"Content-Type": "application/json"})
urllib.request.urlopen(reset, timeout=5).read()
sys.exit(0 if result else 1)
PY
}

# check DESCRIPTION EXPECTED_EXIT_CODE [PYTHON_EXPRESSION]: judge the last run.
# Every check also makes sure the token was not printed.
check() {
    desc=$1
    want=$2
    expr=${3:-True}
    if [ "$code" != "$want" ]; then
        failed=$((failed + 1))
        echo "FAIL - $desc: exit code $code, wanted $want"
        echo "       stderr: $(head -c 300 "$tmp/err")"
        control reset '{}'
    elif ! holds "($expr) and '$TOKEN' not in out + err"; then
        failed=$((failed + 1))
        echo "FAIL - $desc: $expr"
        echo "       stdout: $(head -c 300 "$tmp/out")"
        echo "       stderr: $(head -c 300 "$tmp/err")"
    else
        passed=$((passed + 1))
        echo "ok - $desc"
    fi
}

C="$B/clickup"

# ---- help and usage (exit 2, nothing sent) ----------------------------------------------------------
run "$C" --help
check "--help lists commands, environment and exit codes" 0 \
      '"task from-template" in out and "api METHOD PATH" in out and "CLICKUP_MAX_RETRIES" in out and "8  outcome unknown" in out'

run "$C" task create --help
check "task create --help describes --markdown-file" 0 '"--markdown-file" in out and out.startswith("usage: clickup task create")'

run "$C" tasks --help
check "tasks --help describes --max-pages" 0 '"--max-pages" in out'

run "$C"
check "no command: usage on stderr, exit 2" 2 '"usage: clickup" in err and out == ""'

run "$C" bogus
check "unknown command: exit 2, one line" 2 'one_line() and "bogus" in err'

run "$C" spaces --nope
check "unknown option: exit 2, one line" 2 'one_line() and "--nope" in err'

run "$C" task create --list 2101 --name x --priority 7
check "bad priority: exit 2 before any request" 2 'one_line() and "--priority" in err and requests() == []'

run "$C" task get 'bad id!'
check "bad task id: exit 2 before any request" 2 'one_line() and requests() == []'

run "$C" tasks --list 2100 --space 790
check "tasks with both --list and --space: exit 2" 2 'one_line() and requests() == []'

run "$C" task update 86abc123 --due tomorrow
check "task update with a bad --due: exit 2" 2 'one_line() and "--due" in err and requests() == []'

run "$C" task update 86abc123
check "task update with nothing to change: exit 2, nothing sent" 2 'one_line() and requests("PUT") == []'

run env -u CLICKUP_API_TOKEN "$C" spaces
check "no CLICKUP_API_TOKEN: exit 2, says which variable" 2 'one_line() and "CLICKUP_API_TOKEN" in err'

# ---- every command ----------------------------------------------------------------------------------
run "$C" spaces
check "spaces: 790 and 791 (private)" 0 \
      '[s["id"] for s in d] == ["790", "791"] and d[1]["private"] is True and d[0]["multiple_assignees"] is True and d[0]["archived"] is False'

run "$C" spaces --archived
check "spaces --archived: 792" 0 '[s["id"] for s in d] == ["792"] and d[0]["archived"] is True'

run "$C" members
check "members: three, numeric ids, emails, roles" 0 \
      '[m["id"] for m in d] == [183, 2772463, 5001] and d[0]["email"] == "ada@example.com" and d[0]["initials"] == "AO" and d[0]["role"] == 1'

run "$C" task get https://app.clickup.com/t/9001/OPS-42 --markdown
check "task get by a custom-id URL, with markdown and every field" 0 '
    d["id"] == "86abc123" and d["custom_id"] == "OPS-42"
    and "**{{client_name}}**" in d["markdown_description"]
    and d["status"] == {"status": "in progress", "color": "#4194f6", "type": "custom", "orderindex": 1}
    and d["date_created"] == 1695000000000 and d["date_closed"] is None and d["due_date"] is None
    and d["creator"] == {"id": 183, "username": "Ada Owner"}
    and d["assignees"][0]["email"] == "ada@example.com"
    and [len(c["items"]) for c in d["checklists"]] == [2, 2] and d["checklists"][0]["items"][0]["resolved"] is True
    and d["tags"] == ["sop"] and d["parent"] is None and d["priority"] is None
    and d["time_estimate"] == 8640000 and d["time_spent"] == 2040000
    and {f["name"]: f["value"] for f in d["custom_fields"]}["Client Tier"] == 2
    and {f["name"]: f["value"] for f in d["custom_fields"]}["Labels"] is None
    and d["url"] == "https://app.clickup.com/t/86abc123"
    and (d["list_id"], d["folder_id"], d["space_id"]) == ("2101", "1100", "790")
    and "custom_task_ids=true" in requests("GET", "/api/v2/task/OPS-42")[0]["query"]'

run "$C" task get 86abc123 --subtasks
check "task get --subtasks: the subtasks, and no markdown unless asked" 0 \
      '"86abc124" in [s["id"] for s in d["subtasks"]] and "markdown_description" not in d and d["subtasks"][0]["parent"] == "86abc123"'

run "$C" tasks --list 2100 --include-closed
check "tasks --list 2100: 250 tasks over 3 pages" 0 \
      'len(d) == 250 and len({t["id"] for t in d}) == 250 and len(requests("GET", "/api/v2/list/2100/task")) == 3'

run "$C" tasks --list 2100 --include-closed --max-pages 2
check "tasks --max-pages 2: 200 tasks, truncation said on stderr, exit 0" 0 \
      'len(d) == 200 and "--max-pages" in err and len(requests("GET", "/api/v2/list/2100/task")) == 2'

run "$C" tasks --list 2100 --include-closed --status complete --tag urgent
check "tasks with --status and --tag filters" 0 \
      'len(d) == 25 and all(t["status"]["status"] == "complete" and "urgent" in t["tags"] for t in d)'

run "$C" tasks --space 790 --include-closed --assignee 183
check "tasks --space 790 --assignee 183" 0 \
      'len(d) >= 125 and all(t["space_id"] == "790" and 183 in [a["id"] for a in t["assignees"]] for t in d)'

printf '# Kickoff\n\nAgenda for **{{client_name}}**\n' >"$tmp/agenda.md"
run_stdin "$tmp/agenda.md" "$C" task create --list 2101 --name "CLI test task" --markdown-file - \
    --tag cli --assignee 183 --priority 2 --due 1710000000000 --status "in progress"
check "task create, markdown from stdin (--markdown-file -)" 0 '
    d["name"] == "CLI test task" and d["tags"] == ["cli"] and d["priority"]["priority"] == "high"
    and d["due_date"] == 1710000000000 and d["status"]["status"] == "in progress" and d["list_id"] == "2101"
    and json.loads(requests("POST", "/api/v2/list/2101/task")[0]["body"])["markdown_content"]
        == "# Kickoff\n\nAgenda for **{{client_name}}**\n"'
new_task=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/out" 2>/dev/null)

run "$C" task update "$new_task" --name "CLI test task, renamed" --priority none --due none \
    --add-assignee 2772463 --remove-assignee 183
check "task update: name, priority cleared, due cleared, assignees swapped" 0 '
    d["name"] == "CLI test task, renamed" and d["priority"] is None and d["due_date"] is None
    and [a["id"] for a in d["assignees"]] == [2772463]
    and json.loads(requests("PUT")[0]["body"])["assignees"] == {"add": [2772463], "rem": [183]}'

run "$C" templates
check "templates: 150 over 2 pages" 0 \
      'len(d) == 150 and d[0] == {"id": "t-86b3e001", "name": "SOP: Onboard {{client_name}}"} and len(requests("GET", "/api/v2/team/9001/taskTemplate")) == 2'

run "$C" task from-template --list 2102 --template t-86b3e001 --name "From a template"
check "task from-template: the new id" 0 'd["id"] != "" and (d["task"] is None or d["task"]["name"] == "From a template")'

run "$C" folders --space 790
check "folders --space 790: 1100 with its lists" 0 \
      '[f["id"] for f in d] == ["1100"] and [l["id"] for l in d[0]["lists"]] == ["2100", "2101"] and d[0]["lists"][0]["task_count"] == 250'

run "$C" lists --folder 1100
check "lists --folder 1100" 0 '[l["id"] for l in d] == ["2100", "2101"] and d[0]["name"] == "Big List"'

run "$C" lists --space 790
check "lists --space 790: the folderless list" 0 '[l["id"] for l in d] == ["2200"]'

run "$C" rate
check "rate: the limiter's fields, synced to the server" 0 \
      'set(d) == {"limit", "window_ms", "available", "server_remaining", "reset_in_ms", "next_free_in_ms"} and d["server_remaining"] >= 0'

run env CLICKUP_LOG_LEVEL=info "$C" spaces
check "CLICKUP_LOG_LEVEL=info: log lines on stderr, JSON still on stdout" 0 \
      'len(d) == 2 and "clickup: info: GET /team" in err'

# ---- every failure class --------------------------------------------------------------------------
run env CLICKUP_API_TOKEN=pk_wrong_token "$C" spaces
check "bad token: exit 3, one line, token not printed" 3 'one_line() and "OAUTH_025" in err and "pk_wrong_token" not in err'

run "$C" task get 86zzz999
check "unknown task: exit 4" 4 'one_line() and "86zzz999" in err'

run "$C" lists --folder 9999
check "folder the token cannot see: exit 4" 4 'one_line()'

run "$C" task create --list 2101 --name "Bad status" --status "no such status"
check "status that does not exist: exit 5" 5 'one_line() and "400" in err'

control fault '{"method":"GET","path":"/api/v2/team","kind":"429","count":-1,"arg":30}'
env CLICKUP_MAX_RETRIES=0 "$C" spaces >"$tmp/out" 2>"$tmp/err"
code=$?
check "rate limited (429): exit 6" 6 'one_line() and "429" in err'

control fault '{"method":"GET","path":"/api/v2/team","kind":"status","count":-1,"arg":500}'
env CLICKUP_MAX_RETRIES=2 CLICKUP_BACKOFF_MS=10 "$C" spaces >"$tmp/out" 2>"$tmp/err"
code=$?
check "server error (500) after retries: exit 7" 7 'one_line() and "500" in err and len(requests("GET", "/api/v2/team")) == 3'

control fault '{"method":"GET","path":"/api/v2/team","kind":"delay","count":1,"arg":3000}'
env CLICKUP_MAX_RETRIES=0 CLICKUP_TIMEOUT_MS=300 "$C" spaces >"$tmp/out" 2>"$tmp/err"
code=$?
check "timeout (CLICKUP_TIMEOUT_MS): exit 7" 7 'one_line()'

control fault '{"method":"POST","path":"/api/v2/list/2101/task","kind":"status","count":1,"arg":500}'
"$C" task create --list 2101 --name "Maybe created" >"$tmp/out" 2>"$tmp/err"
code=$?
check "500 on a create: exit 8, outcome unknown said plainly, not repeated" 8 \
      'one_line() and "OUTCOME UNKNOWN" in err and len(requests("POST")) == 1'

control fault '{"method":"GET","path":"/api/v2/team","kind":"malformed","count":1,"arg":0}'
"$C" spaces >"$tmp/out" 2>"$tmp/err"
code=$?
check "malformed JSON: exit 9" 9 'one_line() and "JSON" in err'

# ---- api: any endpoint, the body as ClickUp sent it -----------------------------------------------
run "$C" api --help
check "api --help describes METHOD, PATH, --query, --data, --retry-safe" 0 \
      'out.startswith("usage: clickup api METHOD PATH") and "--query" in out and "--data" in out and "--retry-safe" in out'

run "$C" api GET /team
check "api GET /team: the body as sent, the sandbox's team 9001" 0 \
      'out.endswith("}\n") and "9001" in [t["id"] for t in d["teams"]] and len(requests("GET", "/api/v2/team")) == 1'

run "$C" api GET /list/2101/task --query page=0 --no-cache
check "api GET /list/2101/task --query page=0: the list's tasks" 0 \
      '"86abc123" in [t["id"] for t in d["tasks"]] and requests("GET", "/api/v2/list/2101/task")[0]["query"] == "page=0"'

run "$C" api GET '/team/{team_id}/space'
check "api GET /team/{team_id}/space: the workspace filled in" 0 \
      '[s["id"] for s in d["spaces"]] == ["790", "791"] and len(requests("GET", "/api/v2/team/9001/space")) == 1'

run "$C" api GET '/team/{team_id}/task' --query 'list_ids[]=2101' --query 'list_ids[]=2200'
check "api --query repeated: same key twice, kept in order" 0 '
    d["tasks"] and all(t["list"]["id"] in ("2101", "2200") for t in d["tasks"])
    and [(p["key"], p["value"]) for p in requests("GET", "/api/v2/team/9001/task")[0]["params"]]
        == [("list_ids[]", "2101"), ("list_ids[]", "2200")]'

run "$C" api POST /list/2101/task --data '{"name":"from api"}'
check "api POST --data JSON: creates the task, sent once" 0 \
      'd["name"] == "from api" and len(requests("POST", "/api/v2/list/2101/task")) == 1'
api_task=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/out" 2>/dev/null)

run "$C" api GET /list/2101/task
check "api: the sandbox has the task created through api" 0 \
      '"'"$api_task"'" in [t["id"] for t in d["tasks"] if t["name"] == "from api"]'

printf '{"name": "from a file"}\n' >"$tmp/body.json"
run "$C" api POST /list/2101/task --data @"$tmp/body.json"
check "api --data @FILE: the file's JSON sent as is" 0 \
      'd["name"] == "from a file" and requests("POST", "/api/v2/list/2101/task")[0]["body"] == open(os.path.join(tmp, "body.json")).read()'
file_task=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/out" 2>/dev/null)

printf '{"name": "renamed from stdin"}' >"$tmp/stdin.json"
run_stdin "$tmp/stdin.json" "$C" api PUT "/task/$file_task" --data -
check "api PUT --data - (stdin)" 0 \
      'd["name"] == "renamed from stdin" and requests("PUT")[0]["body"] == "{\"name\": \"renamed from stdin\"}"'

run "$C" api delete "/task/$file_task"
check "api delete (lower case): sent as DELETE" 0 'len(requests("DELETE", "/api/v2/task/'"$file_task"'")) == 1'

run "$C" api GET /task/doesnotexist0
check "api GET of a task that does not exist: exit 4, ClickUp's JSON on stdout" 4 \
      'one_line() and d == {"err": "Task not found, deleted", "ECODE": "ITEM_013"} and out.endswith("}\n")'

run "$C" api POST /list/2101/task --data '{"name": '
check "api --data that is not JSON: exit 2, nothing sent" 2 'one_line() and "JSON" in err and out == "" and requests() == []'

run "$C" api GET /team --data '{}'
check "api GET with --data: exit 2, nothing sent" 2 'one_line() and requests() == []'

run "$C" api GET /team --query archived
check "api --query without '=': exit 2, nothing sent" 2 'one_line() and "KEY=VALUE" in err and requests() == []'

run "$C" api FETCH /team
check "api with an unknown METHOD: exit 2, nothing sent" 2 'one_line() and "METHOD" in err and requests() == []'

run "$C" api GET '/task/{task_id}'
check "api with a {placeholder} other than {team_id}: exit 2, nothing sent" 2 \
      'one_line() and "nothing was sent" in err and requests() == []'

control fault '{"method":"POST","path":"/api/v2/list/2101/task","kind":"status","count":1,"arg":500}'
run "$C" api POST /list/2101/task --data '{"name":"maybe created"}'
check "api POST answered 500: exit 8, sent once, the error body on stdout" 8 \
      'one_line() and "OUTCOME UNKNOWN" in err and d["ECODE"] == "SANDBOX_500" and len(requests("POST")) == 1'

control fault '{"method":"POST","path":"/api/v2/list/2101/task","kind":"status","count":1,"arg":500}'
run env CLICKUP_BACKOFF_MS=10 "$C" api POST /list/2101/task --data '{"name":"idempotent"}' --retry-safe
check "api POST --retry-safe answered 500 once: sent again, exit 0" 0 \
      'd["name"] == "idempotent" and len(requests("POST")) == 2'

# ---- task create --batch and tasks with several --list -----------------------------------------
# A batch from a file, one at a time (--concurrency 1, so the injected 500 meets line 1): line 1
# OUTCOME_UNKNOWN (code 8, not repeated), line 2 malformed (code 2, nothing sent), lines 3-4
# created with every field; the exit code is line 1's.
cat >"$tmp/batch.jsonl" <<'JSONL'
{"name": "batch A", "tags": ["b"], "priority": 2}
{"name": broken
{"name": "batch C", "markdown": "# hi", "status": "in progress", "assignees": [183], "due": 1710000000000}
{"name": "batch D", "description": "plain"}
JSONL
control fault '{"method":"POST","path":"/api/v2/list/2101/task","kind":"status","count":1,"arg":500}'
run "$C" task create --list 2101 --batch "$tmp/batch.jsonl" --concurrency 1
check "task create --batch: per-line results in order, 500 -> code 8 for that line only, malformed -> code 2" 8 '
    [(r["line"], r["ok"]) for r in jl] == [(1, False), (2, False), (3, True), (4, True)]
    and jl[0]["code"] == 8 and "OUTCOME UNKNOWN" in jl[0]["error"] and jl[1]["code"] == 2 and "JSON" in jl[1]["error"]
    and jl[2]["id"] and jl[3]["id"] and jl[2]["id"] != jl[3]["id"]
    and [json.loads(r["body"])["name"] for r in requests("POST")] == ["batch A", "batch C", "batch D"]
    and json.loads(requests("POST")[0]["body"])["tags"] == ["b"] and json.loads(requests("POST")[0]["body"])["priority"] == 2
    and {k: json.loads(requests("POST")[1]["body"]).get(k) for k in ("markdown_content", "status", "assignees", "due_date")}
        == {"markdown_content": "# hi", "status": "in progress", "assignees": [183], "due_date": 1710000000000}
    and json.loads(requests("POST")[2]["body"])["description"] == "plain"'

# Twelve tasks from stdin, four at a time, a blank line skipped: every line ok, in input order,
# each create sent exactly once.
"$PY" -c '
import json
for i in range(1, 14):
    print("" if i == 7 else json.dumps({"name": "stdin batch %d" % i}))' >"$tmp/many.jsonl"
run_stdin "$tmp/many.jsonl" "$C" task create --list 2200 --batch - --concurrency 4
check "task create --batch - (stdin), --concurrency 4: 12 ok lines in order, blank line skipped" 0 '
    [r["line"] for r in jl] == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13] and all(r["ok"] for r in jl)
    and len({r["id"] for r in jl}) == 12
    and sorted(json.loads(r["body"])["name"] for r in requests("POST", "/api/v2/list/2200/task"))
        == sorted("stdin batch %d" % i for i in range(1, 14) if i != 7)'

printf '{"name": "bad priority", "priority": 7}\n{"name": "server error"}\n' >"$tmp/first.jsonl"
control fault '{"method":"POST","path":"/api/v2/list/2101/task","kind":"status","count":1,"arg":500}'
run "$C" task create --list 2101 --batch "$tmp/first.jsonl"
check "task create --batch: the exit code is the first failed line's (2), not the worst" 2 '
    [(r["line"], r["code"]) for r in jl] == [(1, 2), (2, 8)] and len(requests("POST")) == 1'

run "$C" task create --list 2101 --batch "$tmp/batch.jsonl" --name x
check "task create --batch with --name: exit 2, nothing sent" 2 'one_line() and "--batch" in err and requests() == []'

run "$C" task create --list 2101 --batch "$tmp/batch.jsonl" --concurrency 0
check "task create --batch --concurrency 0: exit 2, nothing sent" 2 'one_line() and "--concurrency" in err and requests() == []'

run "$C" task create --list 2101 --name x --concurrency 4
check "task create --concurrency without --batch: exit 2" 2 'one_line() and requests() == []'

run "$C" task create --list 2101 --batch "$tmp/no-such-file.jsonl"
check "task create --batch with a missing file: exit 2" 2 'one_line() and "no-such-file" in err and requests() == []'

"$C" tasks --list 2101 >"$tmp/l2101.json" 2>/dev/null
"$C" tasks --list 2200 >"$tmp/l2200.json" 2>/dev/null
"$C" tasks --list 2102 >"$tmp/l2102.json" 2>/dev/null
control reset '{}'
run "$C" tasks --list 2101 --list 2200 --list 2102
check "tasks with three --list: one array, the union in list order, each list asked once" 0 '
    d == sum((json.load(open(os.path.join(tmp, "l%s.json" % l))) for l in ("2101", "2200", "2102")), [])
    and len(d) > 0 and [len(requests("GET", "/api/v2/list/%s/task" % l)) for l in ("2101", "2200", "2102")] == [1, 1, 1]'

run "$C" tasks --list 2100 --list 2101 --include-closed
check "tasks --list 2100 --list 2101: all 3 pages of 2100 first, then 2101" 0 '
    len(d) > 250 and [t["list_id"] for t in d[:250]] == ["2100"] * 250 and all(t["list_id"] == "2101" for t in d[250:])
    and len(requests("GET", "/api/v2/list/2100/task")) == 3'

run "$C" tasks --list 2100 --list 2101 --space 790
check "tasks with --list and --space: exit 2" 2 'one_line() and requests() == []'

run "$C" tasks --list 2101 --list 'bad id!'
check "tasks with a bad --list id among several: exit 2, nothing sent" 2 'one_line() and requests() == []'

# ---- comments, fields, checklists, time, attachments, task delete ------------------------------
run "$C" --help
check "--help lists the new commands" 0 '
    all(c in out for c in ("task delete", "comments <ID|URL>", "comment add", "fields --list", "task field set",
                           "checklist add", "time list", "time start", "time stop", "attach <ID|URL> FILE"))'

run "$C" time
check "time without a subcommand: exit 2, names list, start, stop" 2 'one_line() and "list, start, stop" in err'

run "$C" task field
check "task field without set: exit 2" 2 'one_line() and "field set" in err'

run "$C" task field set --help
check "task field set --help describes --field and --value" 0 \
      'out.startswith("usage: clickup task field set") and "--field" in out and "--value" in out'

# comments: on the task created above, so only this section's comments are there
run "$C" comments "$new_task"
check "comments of a task with none: []" 0 'd == [] and len(requests("GET", "/api/v2/task/'"$new_task"'/comment")) == 1'

run "$C" comment add "$new_task" --text "First from the CLI"
check "comment add: {id, hist_id, date}, comment_text sent once" 0 '
    d["id"] and isinstance(d["date"], int) and set(d) == {"id", "hist_id", "date"}
    and [json.loads(r["body"])["comment_text"] for r in requests("POST")] == ["First from the CLI"]'
first_comment=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/out" 2>/dev/null)

run "$C" comments "$new_task"
check "comments after comment add: the new comment, its text and author" 0 '
    [(c["id"], c["text"], c["user"]["id"]) for c in d] == [("'"$first_comment"'", "First from the CLI", 183)]
    and d[0]["resolved"] is False and d[0]["assignee"] is None and isinstance(d[0]["date"], int)'

# 29 more straight to the API (30 in all: two pages of 25), then every one must come back
"$PY" - "$CLICKUP_BASE_URL/task/$new_task/comment" "$TOKEN" <<'PY'
import json, sys, urllib.request
for i in range(2, 31):
    body = json.dumps({"comment_text": "comment %d" % i, "notify_all": False}).encode()
    rq = urllib.request.Request(sys.argv[1], data=body, headers={"Content-Type": "application/json", "Authorization": sys.argv[2]})
    urllib.request.urlopen(rq, timeout=5).read()
PY
control reset '{}'
run "$C" comments "$new_task"
check "comments: all 30 over 2 pages (25 + 5), the second asked with start and start_id" 0 '
    len(d) == 30 and len({c["id"] for c in d}) == 30
    and {c["text"] for c in d} == {"First from the CLI"} | {"comment %d" % i for i in range(2, 31)}
    and len(requests("GET", "/api/v2/task/'"$new_task"'/comment")) == 2
    and "start_id=" in requests("GET", "/api/v2/task/'"$new_task"'/comment")[1]["query"]'

run "$C" comment add https://app.clickup.com/t/9001/OPS-42 --text "by custom id"
check "comment add by a custom-id URL: custom_task_ids=true&team_id=9001" 0 '
    d["id"] and "custom_task_ids=true" in requests("POST", "/api/v2/task/OPS-42/comment")[0]["query"]
    and "team_id=9001" in requests("POST", "/api/v2/task/OPS-42/comment")[0]["query"]'

run "$C" comment add "$new_task"
check "comment add without --text: exit 2, nothing sent" 2 'one_line() and "--text" in err and requests() == []'

run "$C" comment add "$new_task" --text "   "
check "comment add with a blank --text: exit 2, nothing sent" 2 'one_line() and requests("POST") == []'

run "$C" comments 'bad id!'
check "comments with a bad task id: exit 2, nothing sent" 2 'one_line() and requests() == []'

run "$C" comments
check "comments without a task: exit 2" 2 'one_line() and "missing" in err and requests() == []'

run "$C" comments 86zzz999
check "comments of an unknown task: exit 4" 4 'one_line() and "86zzz999" in err'

# fields
run "$C" fields --list 2101
check "fields --list 2101: the five, the drop_down's and labels' options, type_config as sent" 0 '
    [f["name"] for f in d] == ["Client Tier", "Slack Channel", "Seats", "Labels", "Reviewers"]
    and [o["name"] for o in d[0]["options"]] == ["Bronze", "Silver", "Gold"] and d[0]["type"] == "drop_down"
    and [o["orderindex"] for o in d[0]["options"]] == [0, 1, 2] and d[0]["options"][2]["color"] == "#ffd700"
    and [o["name"] for o in d[3]["options"]] == ["VIP", "Retainer"] and d[3]["options"][0]["orderindex"] is None
    and d[0]["type_config"]["options"][2]["name"] == "Gold" and d[1]["options"] == []
    and all(f["id"] and f["required"] is False for f in d)
    and len(requests("GET", "/api/v2/list/2101/field")) == 1'
seats_id=$("$PY" -c 'import json, sys; print([f["id"] for f in json.load(open(sys.argv[1])) if f["name"] == "Seats"][0])' "$tmp/out" 2>/dev/null)

run "$C" fields
check "fields without --list: exit 2" 2 'one_line() and "--list" in err and requests() == []'

run "$C" fields --list 'bad id!'
check "fields with a bad list id: exit 2, nothing sent" 2 'one_line() and requests() == []'

run "$C" fields --list 9999
check "fields of an unknown list: exit 4" 4 'one_line() and "9999" in err'

# task field set: through the codec, a drop_down by its option's name
run "$C" task field set "$new_task" --field "client tier" --value gold
check "task field set a drop_down by option name (case ignored): sent as the option's id, read back" 0 '
    d["name"] == "Client Tier" and d["type"] == "drop_down" and d["text"] == "Gold" and d["task_id"] == "'"$new_task"'"
    and [json.loads(r["body"]) for r in requests("POST")] == [{"value": "d1a2b3c4-0003-4000-8000-00000000d0d3"}]'

run "$C" task get "$new_task"
check "task get after task field set: Client Tier holds Gold (orderindex 2)" 0 \
      '{f["name"]: f["value"] for f in d["custom_fields"]}["Client Tier"] == 2'

run "$C" task field set "$new_task" --field "$seats_id" --value 12
check "task field set by the field's id: a number" 0 '
    d["name"] == "Seats" and d["text"] == "12" and json.loads(requests("POST")[0]["body"]) == {"value": 12}'

run "$C" task field set "$new_task" --field Labels --value "vip, Retainer"
check "task field set labels by names: an array of option ids" 0 '
    d["text"] == "VIP, Retainer" and len(json.loads(requests("POST")[0]["body"])["value"]) == 2'

run "$C" task field set "$new_task" --field "Client Tier" --value Platinum
check "task field set with an unknown drop_down option: exit 2, names the field and the options, nothing set" 2 '
    one_line() and "Client Tier" in err and "Platinum" in err and "Bronze, Silver, Gold" in err
    and requests("POST") == []'

run "$C" task field set "$new_task" --field "No Such Field" --value 1
check "task field set with an unknown field: exit 2, lists the list's fields, nothing set" 2 '
    one_line() and "No Such Field" in err and "Client Tier" in err and requests("POST") == []'

run "$C" task field set "$new_task" --field Seats --value 1,5
check "task field set a number with a comma: exit 2, nothing set" 2 'one_line() and "Seats" in err and requests("POST") == []'

run "$C" task field set "$new_task" --field Seats
check "task field set without --value: exit 2, nothing sent" 2 'one_line() and "--value" in err and requests() == []'

run "$C" task field set "$new_task" --value 3
check "task field set without --field: exit 2, nothing sent" 2 'one_line() and "--field" in err and requests() == []'

run "$C" task field set 'bad id!' --field Seats --value 3
check "task field set with a bad task id: exit 2, nothing sent" 2 'one_line() and requests() == []'

run "$C" task field set 86zzz999 --field Seats --value 3
check "task field set on an unknown task: exit 4, nothing set" 4 'one_line() and requests("POST") == []'

# checklists
run "$C" checklist add "$new_task" --name "Launch" --item "Book the room" --item "Send the invite"
check "checklist add with two items: the checklist and its items, in order" 0 '
    d["name"] == "Launch" and d["orderindex"] == 0 and [i["name"] for i in d["items"]] == ["Book the room", "Send the invite"]
    and all(i["id"] and i["resolved"] is False for i in d["items"])
    and len(requests("POST", "/api/v2/task/'"$new_task"'/checklist")) == 1
    and [json.loads(r["body"])["name"] for r in requests("POST", "/api/v2/checklist/" + d["id"] + "/checklist_item")]
        == ["Book the room", "Send the invite"]'

run "$C" checklist add "$new_task" --name "Follow-up"
check "checklist add again: a second checklist on the task (orderindex 1), no items" 0 \
      'd["name"] == "Follow-up" and d["orderindex"] == 1 and d["items"] == [] and len(requests("POST")) == 1'

run "$C" checklist add "$new_task" --item x
check "checklist add without --name: exit 2, nothing sent" 2 'one_line() and "--name" in err and requests() == []'

run "$C" checklist add "$new_task" --name ok --item "a" --item " "
check "checklist add with a blank --item: exit 2, nothing sent (not even the checklist)" 2 \
      'one_line() and "--item 2" in err and requests() == []'

run "$C" checklist add 86zzz999 --name x
check "checklist add on an unknown task: exit 4" 4 'one_line()'

# time tracking
run "$C" time list
check "time list before any timer: []" 0 'd == [] and len(requests("GET", "/api/v2/team/9001/time_entries")) == 1'

run "$C" time start "$new_task"
check "time start: a running entry on the task" 0 '
    d["running"] is True and d["end"] is None and d["duration"] < 0 and d["task"]["id"] == "'"$new_task"'"
    and d["user"]["id"] == 183 and json.loads(requests("POST", "/api/v2/team/9001/time_entries/start")[0]["body"])["tid"] == "'"$new_task"'"'
entry=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/out" 2>/dev/null)
entry_start=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["start"])' "$tmp/out" 2>/dev/null)

run "$C" time list
check "time list while it runs: the running entry" 0 '[(e["id"], e["running"]) for e in d] == [("'"$entry"'", True)]'

sleep 0.05
run "$C" time stop
check "time stop: the same entry, ended, with a positive duration" 0 '
    d["id"] == "'"$entry"'" and d["running"] is False and d["duration"] > 0 and d["end"] == d["start"] + d["duration"]'

run "$C" time list --start "$entry_start" --end $((entry_start + 600000))
check "time list --start --end: the stopped entry, the range sent" 0 '
    [(e["id"], e["running"]) for e in d] == [("'"$entry"'", False)] and d[0]["duration"] > 0
    and "start_date='"$entry_start"'" in requests("GET", "/api/v2/team/9001/time_entries")[0]["query"]'

run "$C" time list --start $((entry_start + 1))
check "time list --start after the entry: []" 0 'd == []'

run "$C" time list --team 9001
check "time list --team 9001: that workspace, no discovery (no GET /team)" 0 '
    len(d) == 1 and len(requests("GET", "/api/v2/team/9001/time_entries")) == 1 and [r for r in requests("GET") if r["path"] == "/api/v2/team"] == []'

run "$C" time stop
check "time stop with no timer running: exit 4" 4 'one_line() and "time stop" in err'

run "$C" time list --start yesterday
check "time list with a bad --start: exit 2, nothing sent" 2 'one_line() and "--start" in err and requests() == []'

run "$C" time list --start 2000 --end 1000
check "time list with --end before --start: exit 2, nothing sent" 2 'one_line() and requests() == []'

run "$C" time list --team abc
check "time list with a bad --team: exit 2, nothing sent" 2 'one_line() and "--team" in err and requests() == []'

run "$C" time start 'bad id!'
check "time start with a bad task id: exit 2, nothing sent" 2 'one_line() and requests() == []'

run "$C" time start
check "time start without a task: exit 2" 2 'one_line() and requests() == []'

# attach: refusals are local (nothing sent); a file goes as one multipart POST
run "$C" attach "$new_task" "$tmp/no-such-file.bin"
check "attach a file that does not exist: exit 2, nothing sent" 2 \
      'one_line() and "no-such-file.bin" in err and requests() == []'

run "$C" attach "$new_task" "$tmp"
check "attach a directory: exit 2, nothing sent" 2 'one_line() and "not a regular file" in err and requests() == []'

run "$C" attach "$new_task"
check "attach without FILE: exit 2" 2 'one_line() and "FILE" in err and requests() == []'

printf 'hello attachment\n' >"$tmp/notes.txt"
run "$C" attach 'bad id!' "$tmp/notes.txt"
check "attach with a bad task id: exit 2, nothing sent" 2 'one_line() and requests() == []'

run "$C" attach "$new_task" "$tmp/notes.txt"
check "attach: the attachment, titled with the file's name, one multipart POST" 0 '
    d["title"] == "notes.txt" and d["id"] and len(requests("POST", "/api/v2/task/'"$new_task"'/attachment")) == 1
    and requests("POST")[0]["content_type"].startswith("multipart/form-data")'

# task delete
run "$C" task create --list 2101 --name "To be deleted"
check "task create (to delete)" 0 'd["name"] == "To be deleted"'
doomed=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["id"])' "$tmp/out" 2>/dev/null)

run "$C" task delete "$doomed"
check "task delete: {id, deleted: true}, one DELETE" 0 \
      'd == {"id": "'"$doomed"'", "deleted": True} and len(requests("DELETE", "/api/v2/task/'"$doomed"'")) == 1'

run "$C" task get "$doomed"
check "task get after task delete: exit 4" 4 'one_line() and "'"$doomed"'" in err'

run "$C" task delete "$doomed"
check "task delete again: exit 4" 4 'one_line()'

run "$C" task delete 'bad id!'
check "task delete with a bad task id: exit 2, nothing sent" 2 'one_line() and requests() == []'

# ---- the example programs ---------------------------------------------------------------------------
run "$B/team_central"
check "team_central: {spaces, members}" 0 '
    set(d) == {"spaces", "members"} and d["spaces"][0] == {"id": "790", "name": "Client A", "private": False}
    and d["members"][1] == {"id": 2772463, "username": "Grace Member", "email": "grace@example.com"}'

run env CLICKUP_TEMPLATES_LIST_ID=2102 "$B/canonize" https://app.clickup.com/t/86abc123 "Onboard a client to Slack"
check "canonize: creates the draft and prints its id" 0 '
    d["clickup_task_id"] and d["clickup_task_url"].endswith(d["clickup_task_id"])
    and d["detected_variables"] == ["client_name"] and "Save as Template" in d["instructions"]'
draft=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["clickup_task_id"])' "$tmp/out" 2>/dev/null)

run "$C" task get "$draft" --markdown
check "canonize: the draft has the steps, the variables and the tags" 0 '
    d["list_id"] == "2102" and d["tags"] == ["sop-draft", "onboard"]
    and "1. Create the Slack channel" in d["markdown_description"]
    and "4. Pin the SOP" in d["markdown_description"] and "{{client_name}}" in d["markdown_description"]'

run "$B/canonize" https://app.clickup.com/t/86abc123 "No list"
check "canonize without CLICKUP_TEMPLATES_LIST_ID: exit 2" 2 '"CLICKUP_TEMPLATES_LIST_ID" in err'

run "$B/sync_templates" "$tmp/sops.json"
check "sync_templates, first run: 150 new" 0 '
    out == "Synced 150 templates (150 new, 0 updated, 0 unchanged)\n"
    and len(json.load(open(os.path.join(tmp, "sops.json")))) == 150'

run "$B/sync_templates" "$tmp/sops.json"
check "sync_templates, second run: 0 new" 0 'out == "Synced 150 templates (0 new, 0 updated, 150 unchanged)\n"'

echo "not json" >"$tmp/sops.json"
run "$B/sync_templates" "$tmp/sops.json"
check "sync_templates, corrupt store: moved aside, started empty" 0 \
      '"(150 new" in out and "sops.json.corrupt" in err and os.path.exists(os.path.join(tmp, "sops.json.corrupt"))'

run "$B/quickstart"
check "quickstart: id: name" 0 'out == "86abc123: Onboard {{client_name}} to Slack\n"'

# `make demo` without a token: every flow against its own sandbox, to the end
run env -u CLICKUP_API_TOKEN -u CLICKUP_BASE_URL sh examples/demo.sh "$B"
check "make demo (examples/demo.sh): every flow runs against its own sandbox" 0 '
    "demo: done" in out and "\"text\":\"Gold\"" in out and "\"title\":\"agenda.md\"" in out
    and "taskStatusUpdated" in out and "Traceback" not in err'

echo "cli: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]

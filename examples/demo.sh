#!/bin/sh
# examples/demo.sh - what `make demo` runs after building: the three flows of the requirements
# draft (Team Central, The Operator, the nightly Worker) and the clickup command line tool.
#
#   sh examples/demo.sh [BUILD_DIR]        (default build; run `make demo` to build first)
#
# Against the real ClickUp API when CLICKUP_API_TOKEN is set and CLICKUP_BASE_URL is not: then
# only READ-ONLY steps run (spaces, members, templates, folders of the first space, rate), and
# nothing in your workspace changes. Otherwise against build/sandbox, a loopback imitation of
# ClickUp started here on a free port and stopped on exit: nothing leaves this machine.
set -eu

B=${1:-build}

# ---- helpers -----------------------------------------------------------------------------
# One line saying what the next step shows.
step() {
    printf '\n== %s\n' "$*"
}

# Print a command as you would type it ("$ build/clickup spaces"), then run it.
run() {
    line='$'
    for arg in "$@"; do
        case $arg in
            *[!A-Za-z0-9_./:=-]*) line="$line '$arg'" ;;
            *) line="$line $arg" ;;
        esac
    done
    printf '%s\n' "$line"
    "$@"
}

# ---- the real API: read-only -----------------------------------------------------------------
real_api_demo() {
    echo "demo: CLICKUP_API_TOKEN is set and CLICKUP_BASE_URL is not, so this runs against the"
    echo "demo: REAL ClickUp API, READ-ONLY: nothing is created or changed in your workspace."

    step "The spaces of your workspace (what Team Central maps clients to)"
    run "$B/clickup" spaces

    step "The members of your workspace (ids are numbers)"
    run "$B/clickup" members

    step "Every task template, all pages (ClickUp returns only id and name)"
    run "$B/clickup" templates

    space=$("$B/clickup" spaces | sed -n 's/^\[{"id":"\([^"]*\)".*/\1/p')
    if [ -n "$space" ]; then
        step "The folders of the first space, with their lists"
        run "$B/clickup" folders --space "$space"
    fi

    step "What the rate limiter knows (ClickUp's X-RateLimit headers)"
    run "$B/clickup" rate
}

# ---- the sandbox -------------------------------------------------------------------------------
sandbox_pid=
tmp=

stop_sandbox() {
    if [ -n "$sandbox_pid" ]; then
        kill "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    [ -n "$tmp" ] && rm -rf "$tmp"
}

start_sandbox() {
    tmp=$(mktemp -d)
    trap stop_sandbox EXIT
    trap 'exit 1' INT TERM
    "$B/sandbox" --port 0 --port-file "$tmp/port" >"$tmp/sandbox.log" 2>&1 &
    sandbox_pid=$!
    tries=0
    while [ ! -s "$tmp/port" ]; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ] || ! kill -0 "$sandbox_pid" 2>/dev/null; then
            echo "demo: the sandbox did not start:" >&2
            cat "$tmp/sandbox.log" >&2
            exit 1
        fi
        sleep 0.1
    done
    unset CLICKUP_TEAM_ID           # the sandbox has its own workspace, found by itself
    export CLICKUP_API_TOKEN=pk_sandbox_token
    export CLICKUP_BASE_URL="http://127.0.0.1:$(cat "$tmp/port")/api/v2"
}

sandbox_demo() {
    start_sandbox
    echo "demo: running against the sandbox at $CLICKUP_BASE_URL"
    echo "demo: (a loopback imitation of ClickUp; set CLICKUP_API_TOKEN to try the real API read-only)"

    step "Team Central: the spaces and members behind the client-mapping screen"
    run "$B/team_central"

    step "The Operator: canonize a task that went well into a draft SOP in the templates list"
    run env CLICKUP_TEMPLATES_LIST_ID=2102 "$B/canonize" https://app.clickup.com/t/86abc123 "Onboard a client to Slack"

    step "The Worker: the nightly template sync into a local store (150 templates, 2 pages)"
    run "$B/sync_templates" "$tmp/sops.json"

    step "The Worker again, on the same data: nothing is new"
    run "$B/sync_templates" "$tmp/sops.json"

    step "CLI: the spaces of the workspace"
    run "$B/clickup" spaces

    step "CLI: the members (ids are numbers)"
    run "$B/clickup" members

    step "CLI: one task by a URL with a custom id (workspace 9001, task OPS-42), with markdown"
    run "$B/clickup" task get https://app.clickup.com/t/9001/OPS-42 --markdown

    step "CLI: every task of the Big List, 3 pages of up to 100, counted instead of printed"
    printf '$ %s\n' "$B/clickup tasks --list 2100 --include-closed | tr , '\\n' | grep -c '^\"custom_id\":'"
    count=$("$B/clickup" tasks --list 2100 --include-closed | tr , '\n' | grep -c '^"custom_id":')
    echo "$count tasks"

    step "CLI: create a task, its markdown read from stdin (--markdown-file -)"
    printf '## Agenda\n\n- intro\n- {{client_name}} goals\n' >"$tmp/agenda.md"
    printf '$ %s\n' "$B/clickup task create --list 2101 --name 'Kickoff call' --markdown-file - --tag demo --assignee 183 --priority 2 < agenda.md"
    created=$("$B/clickup" task create --list 2101 --name "Kickoff call" --markdown-file - \
                  --tag demo --assignee 183 --priority 2 <"$tmp/agenda.md")
    printf '%s\n' "$created"
    id=$(printf '%s\n' "$created" | sed -n 's/^{"id":"\([^"]*\)".*/\1/p')

    step "CLI: update that task: new status, another assignee, priority cleared"
    run "$B/clickup" task update "$id" --status "in progress" --add-assignee 2772463 --priority none

    step "CLI: a failure is one line on stderr, and the exit code says which kind (4 = not found)"
    code=0
    run "$B/clickup" task get 86zzz999 || code=$?
    echo "exit code $code"

    step "CLI: what the rate limiter knows (the sandbox sends ClickUp's X-RateLimit headers)"
    run "$B/clickup" rate

    printf '\ndemo: done; the sandbox stops now.\n'
}

# ---- main --------------------------------------------------------------------------------------
for program in clickup team_central canonize sync_templates sandbox; do
    if [ ! -x "$B/$program" ]; then
        echo "demo: $B/$program is missing: run 'make demo'" >&2
        exit 1
    fi
done

if [ -n "${CLICKUP_API_TOKEN:-}" ] && [ -z "${CLICKUP_BASE_URL:-}" ]; then
    real_api_demo
else
    sandbox_demo
fi

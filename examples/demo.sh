#!/bin/sh
# examples/demo.sh - what `make demo` runs after building: the three flows of the requirements
# draft (Team Central, The Operator, the nightly Worker) and the clickup command line tool.
#
#   sh examples/demo.sh [BUILD_DIR]        (default build; run `make demo` to build first)
#
# Against the real ClickUp API when CLICKUP_API_TOKEN is set and CLICKUP_BASE_URL is not: then
# only READ-ONLY steps run (spaces, members, templates, folders of the first space, rate), and
# nothing in your workspace changes (so the webhook loop is skipped: it creates a webhook). Otherwise against build/sandbox, a loopback imitation of
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

    step "Webhooks: skipped against the real API"
    echo "demo: the webhook loop creates a webhook (a change to your workspace, and this run is"
    echo "demo: read-only) whose endpoint ClickUp must reach from the internet; run 'make demo'"
    echo "demo: without CLICKUP_API_TOKEN to see it against the sandbox."
}

# ---- the sandbox -------------------------------------------------------------------------------
sandbox_pid=
receiver_pid=
tmp=

stop_sandbox() {
    if [ -n "$receiver_pid" ]; then
        kill "$receiver_pid" 2>/dev/null || true
        wait "$receiver_pid" 2>/dev/null || true
    fi
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

    step "CLI: a custom field set the way a person types it: the dropdown option by name"
    run "$B/clickup" task field set "$id" --field "Client Tier" --value gold

    step "CLI: a comment, a checklist with two items, and the task's comments read back"
    run "$B/clickup" comment add "$id" --text "Agenda sent to the client"
    run "$B/clickup" checklist add "$id" --name "Before the call" --item "Send the agenda" --item "Book the room"
    run "$B/clickup" comments "$id"

    step "CLI: time tracking on that task (a timer started, then stopped), and a file attached"
    run "$B/clickup" time start "$id"
    run "$B/clickup" time stop
    run "$B/clickup" attach "$id" "$tmp/agenda.md"

    step "CLI: a failure is one line on stderr, and the exit code says which kind (4 = not found)"
    code=0
    run "$B/clickup" task get 86zzz999 || code=$?
    echo "exit code $code"

    step "CLI: what the rate limiter knows (the sandbox sends ClickUp's X-RateLimit headers)"
    run "$B/clickup" rate

    webhook_demo

    printf '\ndemo: done; the sandbox stops now.\n'
}

# wait_for FILE PATTERN: until a line of FILE matches (at most 10 s).
wait_for() {
    tries=0
    while ! grep -q "$2" "$1" 2>/dev/null; do
        tries=$((tries + 1))
        [ "$tries" -gt 100 ] && return 1
        sleep 0.1
    done
}

# The webhook loop: a receiver, a webhook pointing at it, a change, the signed event, and the
# receiver's cached copy of the list, fresh because the event dropped what it made stale.
webhook_demo() {
    step "Webhooks: start the receiver (it verifies X-Signature, answers at once, prints one JSON line"
    echo "   per event, and keeps a cached copy of list 2101 fresh with clickup_cache_apply_event)"
    (umask 077 && : >"$tmp/webhook.secrets")   # empty for now: the secret comes with the webhook
    printf '$ %s &\n' "$B/webhook_receiver --port 0 --port-file receiver.port --secret-file webhook.secrets --cache-list 2101"
    "$B/webhook_receiver" --port 0 --port-file "$tmp/receiver.port" --secret-file "$tmp/webhook.secrets" \
        --cache-list 2101 >"$tmp/events" 2>"$tmp/receiver.log" &
    receiver_pid=$!
    if ! wait_for "$tmp/receiver.log" "listening on"; then
        echo "demo: the receiver did not start:" >&2
        cat "$tmp/receiver.log" >&2
        exit 1
    fi
    sed -n 's/^webhook_receiver: \(cache: .*\)$/   receiver: \1/p' "$tmp/receiver.log"
    endpoint="http://127.0.0.1:$(cat "$tmp/receiver.port")/clickup"

    step "Webhooks: create one for list 2101 pointing at the receiver (ClickUp returns its secret now: store it)"
    run "$B/clickup" webhook create --endpoint "$endpoint" --event taskStatusUpdated --event taskCreated \
        --list 2101 | tee "$tmp/webhook.json"
    sed -n 's/.*"secret":"\([^"]*\)".*/\1/p' "$tmp/webhook.json" >"$tmp/webhook.secrets"
    hook=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$tmp/webhook.json")
    echo "\$ kill -HUP <receiver>            # it reads webhook.secrets again: the new secret is in"
    kill -HUP "$receiver_pid"
    wait_for "$tmp/receiver.log" "1 secret(s) from" || true

    step "Webhooks: change a task; the sandbox POSTs a signed taskStatusUpdated to the receiver"
    before=$("$B/clickup" task get 86abc123 | sed -n 's/.*"status":{"status":"\([^"]*\)".*/\1/p')
    echo "(86abc123 is \"$before\" in the copy of list 2101 the receiver cached for an hour)"
    printf '$ %s\n' "$B/clickup task update 86abc123 --status review > /dev/null"
    "$B/clickup" task update 86abc123 --status review >/dev/null
    if ! wait_for "$tmp/events" '"event":"taskStatusUpdated"'; then
        echo "demo: no event reached the receiver:" >&2
        cat "$tmp/receiver.log" >&2
        exit 1
    fi
    echo "The receiver's line (stdout), and its log (stderr):"
    sed -n '/"event":"taskStatusUpdated"/p' "$tmp/events"
    sed -n 's/^webhook_receiver: \(POST .*\)$/   receiver: \1/p' "$tmp/receiver.log"
    echo "The signature checked out (a wrong one is answered 401, never 410, which would suspend the"
    echo "webhook). In \"cache\": the event dropped the cached copy of list 2101 (kept for an hour),"
    echo "so the read of the list after it went to the API (\"read\":\"api\") and shows \"review\" at once:"
    echo "without the event, the cached copy would say \"$before\" until its hour ran out."

    step "Webhooks: clean up: delete the webhook, stop the receiver (SIGTERM)"
    run "$B/clickup" webhook delete "$hook"
    kill "$receiver_pid" 2>/dev/null || true
    wait "$receiver_pid" 2>/dev/null || true
    receiver_pid=
    sed -n 's/^webhook_receiver: \(stopped: .*\)$/   receiver: \1/p' "$tmp/receiver.log"
}

# ---- main --------------------------------------------------------------------------------------
for program in clickup team_central canonize sync_templates sandbox webhook_receiver; do
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

#!/bin/sh
# tests/webhook_test.sh - end-to-end checks of build/webhook_receiver and of the CLI's webhook
# commands (webhooks, webhook create/delete/verify), against build/sandbox, with curl(1) and
# openssl(1) (signatures computed with `openssl dgst -sha256 -hmac`).
#
#   make build/webhook_receiver build/clickup build/sandbox && sh tests/webhook_test.sh [BUILD_DIR]
#
# Starts its own sandbox and receivers on free loopback ports (all stopped on exit, even on
# failure). The receiver: a signed event gives one JSON line, a bad or missing signature 401,
# the second secret is accepted (rotation), a redelivery is dropped, 413 / 400 / 405, a slow
# client is disconnected, never a 410, secrets never printed, start-up refusals, SIGHUP reloads
# the secret file, SIGTERM stops it cleanly. The CLI: webhooks, create (with its secret),
# delete, and verify's exit codes 0 / 10 / 2; and the whole loop: a webhook created with the
# CLI, a task changed through the sandbox, the event printed by the receiver.
# Prints one "ok"/"FAIL" line per check, then exactly one summary line:
#   webhooks: N passed, M failed
# and exits non-zero when anything failed. Takes about 4 seconds.
set -u

B=${1:-build}
passed=0
failed=0
S1=first_secret_5f1c9a7e2b
S2=second_secret_c03d4e8a91

tmp=$(mktemp -d)
sandbox_pid=
recv_pid=
hup_pid=
stop() { # stop PID: SIGTERM, then wait for it
    [ -n "$1" ] || return 0
    kill "$1" 2>/dev/null
    wait "$1" 2>/dev/null
}
cleanup() {
    stop "$recv_pid"
    stop "$hup_pid"
    stop "$sandbox_pid"
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

give_up() {
    echo "webhooks: $1"
    echo "webhooks: $passed passed, $((failed + 1)) failed"
    exit 1
}

for program in webhook_receiver clickup sandbox; do
    [ -x "$B/$program" ] || give_up "$B/$program is missing (make $B/webhook_receiver $B/clickup $B/sandbox)"
done
for tool in curl openssl; do
    command -v "$tool" >/dev/null 2>&1 || give_up "$tool is missing (apt-get install $tool)"
done

ok() { passed=$((passed + 1)); echo "ok - $1"; }
check() { # check NAME COMMAND...: ok when the command succeeds
    name="$1"; shift
    if "$@"; then ok "$name"; else failed=$((failed + 1)); echo "FAIL - $name"; fi
}

# wait_file FILE PID: until FILE is non-empty (at most 10 s) while PID lives.
wait_file() {
    tries=0
    while [ ! -s "$1" ]; do
        tries=$((tries + 1))
        if [ "$tries" -gt 100 ] || ! kill -0 "$2" 2>/dev/null; then return 1; fi
        sleep 0.1
    done
}
# wait_lines FILE N: until FILE has N lines (at most 10 s).
wait_lines() {
    tries=0
    while [ "$(wc -l <"$1")" -lt "$2" ] && [ "$tries" -lt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
    [ "$(wc -l <"$1")" -ge "$2" ]
}
lines() { wc -l <"$1" | tr -d ' '; }

sign() { # sign SECRET FILE: the hex HMAC-SHA256 of FILE's bytes
    openssl dgst -sha256 -hmac "$1" <"$2" | sed 's/^.*= *//'
}

# post URL SIGNATURE FILE [CURL ARGS...]: POST FILE as the body; the status in $code. Every
# status is kept in $tmp/statuses (no answer is ever 410).
post() {
    url="$1"; sig="$2"; file="$3"; shift 3
    if [ -n "$sig" ]; then
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
                    -H "X-Signature: $sig" --data-binary @"$file" "$@" "$url")
    else
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
                    --data-binary @"$file" "$@" "$url")
    fi
    echo "$code" >>"$tmp/statuses"
}

event_file() { # event_file FILE EVENT ITEM_ID: a taskStatusUpdated-like delivery body
    printf '{"event":"%s","history_items":[{"id":"%s","type":1,"field":"status","parent_id":"2101"}],"task_id":"86abc123","webhook_id":"7fa3ec74-69a8-4530-a251-8a13730bd204"}' \
        "$2" "$3" >"$1"
}

# ---- the receiver ----------------------------------------------------------------------------
"$B/webhook_receiver" --port 0 --port-file "$tmp/recv.port" --secret "$S1" --secret "$S2" --timeout 1 \
    --max-body 4096 >"$tmp/recv.out" 2>"$tmp/recv.err" &
recv_pid=$!
wait_file "$tmp/recv.port" "$recv_pid" || give_up "the receiver did not start: $(cat "$tmp/recv.err")"
RX="http://127.0.0.1:$(cat "$tmp/recv.port")/clickup"

event_file "$tmp/e1" taskStatusUpdated 2800000000000000001
post "$RX" "$(sign "$S1" "$tmp/e1")" "$tmp/e1"
wait_lines "$tmp/recv.out" 1
check "a signed event: 200 and one JSON line (event, ids, history items, which secret)" \
    eval '[ "$code" = 200 ] && [ "$(lines "$tmp/recv.out")" = 1 ] &&
          grep -q "^{\"event\":\"taskStatusUpdated\",\"webhook_id\":\"7fa3ec74-69a8-4530-a251-8a13730bd204\",\"task_id\":\"86abc123\",\"history_items\":1,\"secret_index\":0}$" "$tmp/recv.out"'

post "$RX" "$(sign "$S1" "$tmp/e1" | tr '0-9a-f' '1-9a-f0')" "$tmp/e1"
check "a wrong signature: 401, nothing printed" eval '[ "$code" = 401 ] && [ "$(lines "$tmp/recv.out")" = 1 ]'
post "$RX" "" "$tmp/e1"
check "no X-Signature: 401" eval '[ "$code" = 401 ] && grep -q "401 no X-Signature" "$tmp/recv.err"'
post "$RX" "not-hex" "$tmp/e1"
check "a malformed X-Signature: 401" eval '[ "$code" = 401 ]'
printf '%s ' "$(cat "$tmp/e1")" >"$tmp/e1space"         # one byte more: the raw bytes count
post "$RX" "$(sign "$S1" "$tmp/e1")" "$tmp/e1space"
check "the signature covers the exact bytes (a trailing space: 401)" eval '[ "$code" = 401 ]'

event_file "$tmp/e2" taskStatusUpdated 2800000000000000002
post "$RX" "$(sign "$S2" "$tmp/e2")" "$tmp/e2"
wait_lines "$tmp/recv.out" 2
check "the second secret is accepted too (rotation): secret_index 1" \
    eval '[ "$code" = 200 ] && tail -n 1 "$tmp/recv.out" | grep -q "\"secret_index\":1}$"'

post "$RX" "$(sign "$S1" "$tmp/e1")" "$tmp/e1"
sleep 0.3
check "a redelivery is answered 200 and dropped (no line)" \
    eval '[ "$code" = 200 ] && [ "$(lines "$tmp/recv.out")" = 2 ] && grep -q "a redelivery, dropped" "$tmp/recv.err"'

head -c 5000 /dev/zero | tr '\0' 'a' >"$tmp/big"
post "$RX" "$(sign "$S1" "$tmp/big")" "$tmp/big"
check "a body above --max-body: 413" eval '[ "$code" = 413 ]'
post "$RX" "$(sign "$S1" "$tmp/big")" "$tmp/big" -H 'Transfer-Encoding: chunked'
check "a chunked body above --max-body: 413" eval '[ "$code" = 413 ]'

printf 'this is not JSON' >"$tmp/notjson"
post "$RX" "$(sign "$S1" "$tmp/notjson")" "$tmp/notjson"
check "a signed body that is not JSON: 400" eval '[ "$code" = 400 ] && grep -q "400 body is not JSON" "$tmp/recv.err"'
printf '{"task_id":"86abc123"}' >"$tmp/noevent"
post "$RX" "$(sign "$S1" "$tmp/noevent")" "$tmp/noevent"
check "JSON without an event name: 400" eval '[ "$code" = 400 ]'

code=$(curl -s -o /dev/null -D "$tmp/h" -w '%{http_code}' --max-time 10 "$RX")
echo "$code" >>"$tmp/statuses"
check "GET: 405 with Allow: POST" eval '[ "$code" = 405 ] && tr -d "\r" <"$tmp/h" | grep -qi "^Allow: POST$"'
post "$RX" "$(sign "$S1" "$tmp/e1")" "$tmp/e1" -X PUT
check "PUT: 405" eval '[ "$code" = 405 ]'

# A client that sends its head and part of its body, then nothing: disconnected after --timeout.
( printf 'POST /clickup HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nX-Signature: %s\r\n\r\n{"ev' \
      "$(sign "$S1" "$tmp/e1")"; sleep 2 ) |
    curl -s -o /dev/null --max-time 6 -w '%{time_total}' telnet://127.0.0.1:"$(cat "$tmp/recv.port")" \
    >"$tmp/slow.time" 2>/dev/null
check "a slow client is disconnected after --timeout (1 s), with a log line" \
    eval 'grep -q "slow client: no progress for 1 s" "$tmp/recv.err"'

check "never a 410 (nor a 5xx) in $(lines "$tmp/statuses") answers" eval '! grep -q "^410$\|^5" "$tmp/statuses"'

kill "$recv_pid" 2>/dev/null
wait "$recv_pid"
rc=$?
recv_pid=
check "SIGTERM: exit 0, stopped cleanly" eval '[ "$rc" = 0 ] && grep -q "stopped: 2 event(s) printed, 1 redelivery" "$tmp/recv.err"'
check "the secrets are in no output" eval '! grep -q "$S1\|$S2" "$tmp/recv.out" "$tmp/recv.err"'

# ---- start-up refusals -----------------------------------------------------------------------
"$B/webhook_receiver" --port 0 >/dev/null 2>"$tmp/err"; rc=$?
check "no secret: exit 2" eval '[ "$rc" = 2 ] && grep -q "secret" "$tmp/err"'
"$B/webhook_receiver" --listen 0.0.0.0:0 --secret x >/dev/null 2>"$tmp/err"; rc=$?
check "a non-loopback address without --allow-remote: exit 2" eval '[ "$rc" = 2 ] && grep -q "loopback" "$tmp/err"'
(umask 022 && echo "$S1" >"$tmp/open.secrets")
"$B/webhook_receiver" --port 0 --secret-file "$tmp/open.secrets" >/dev/null 2>"$tmp/err"; rc=$?
check "a secret file open to others: exit 2, secret not shown" \
    eval '[ "$rc" = 2 ] && grep -q "chmod 600" "$tmp/err" && ! grep -q "$S1" "$tmp/err"'

# ---- the CLI and the whole loop against the sandbox ---------------------------------------
"$B/sandbox" --port 0 --port-file "$tmp/sandbox.port" --webhook-retry-ms 100 >"$tmp/sandbox.log" 2>&1 &
sandbox_pid=$!
wait_file "$tmp/sandbox.port" "$sandbox_pid" || give_up "the sandbox did not start: $(cat "$tmp/sandbox.log")"
unset CLICKUP_TEAM_ID CLICKUP_RATE_LIMIT CLICKUP_RATE_WINDOW_S CLICKUP_ENABLE_CACHE CLICKUP_TIMEOUT_MS \
      CLICKUP_LOG_LEVEL CLICKUP_MAX_RETRIES CLICKUP_BACKOFF_MS CLICKUP_LIMITER CLICKUP_CACHE
export CLICKUP_API_TOKEN=pk_sandbox_token
export CLICKUP_BASE_URL="http://127.0.0.1:$(cat "$tmp/sandbox.port")/api/v2"

# A receiver whose secret file is empty at first: its secret comes after the create (SIGHUP).
(umask 077 && : >"$tmp/hook.secrets")
"$B/webhook_receiver" --port 0 --port-file "$tmp/hup.port" --secret-file "$tmp/hook.secrets" \
    >"$tmp/hup.out" 2>"$tmp/hup.err" &
hup_pid=$!
wait_file "$tmp/hup.port" "$hup_pid" || give_up "the second receiver did not start: $(cat "$tmp/hup.err")"
HX="http://127.0.0.1:$(cat "$tmp/hup.port")/clickup"

"$B/clickup" webhooks >"$tmp/out" 2>"$tmp/err"; rc=$?
check "clickup webhooks: [] at first" eval '[ "$rc" = 0 ] && [ "$(cat "$tmp/out")" = "[]" ]'

"$B/clickup" webhook create --endpoint "$HX" --event taskStatusUpdated --event taskCreated --list 2101 \
    >"$tmp/created" 2>"$tmp/err"; rc=$?
id=$(sed -n 's/^{"id":"\([^"]*\)".*/\1/p' "$tmp/created")
secret=$(sed -n 's/.*"secret":"\([^"]*\)".*/\1/p' "$tmp/created")
check "clickup webhook create: the webhook as JSON, with its 64-character secret" \
    eval '[ "$rc" = 0 ] && [ ${#id} = 36 ] && [ ${#secret} = 64 ] &&
          grep -q "\"list_id\":\"2101\"" "$tmp/created" && grep -q "\"health\":{\"status\":\"active\",\"fail_count\":0}" "$tmp/created"'

"$B/clickup" webhooks >"$tmp/out" 2>"$tmp/err"; rc=$?
check "clickup webhooks: lists it, without the secret" \
    eval '[ "$rc" = 0 ] && grep -q "\"id\":\"$id\"" "$tmp/out" && ! grep -q "secret" "$tmp/out"'

"$B/clickup" webhook create --endpoint "$HX" --event taskStatusUpdated --event taskCreated --list 2101 \
    >"$tmp/out" 2>"$tmp/err"; rc=$?
check "the same webhook again: refused by ClickUp (exit 5, OAUTH_171)" eval '[ "$rc" = 5 ] && grep -q OAUTH_171 "$tmp/err"'
"$B/clickup" webhook create --endpoint "$HX" --event taskCreated --list 2101 --space 790 >/dev/null 2>"$tmp/err"; rc=$?
check "two locations: exit 2 before anything is sent" eval '[ "$rc" = 2 ]'

event_file "$tmp/e3" taskStatusUpdated 2800000000000000003
post "$HX" "$(sign "$secret" "$tmp/e3")" "$tmp/e3"
check "an empty secret file: every delivery 401" eval '[ "$code" = 401 ] && grep -q "no secret loaded" "$tmp/hup.err"'
printf '# the webhook of list 2101\n%s\n' "$secret" >"$tmp/hook.secrets"
kill -HUP "$hup_pid"
tries=0
while ! grep -q "1 secret(s) from" "$tmp/hup.err" && [ "$tries" -lt 50 ]; do sleep 0.1; tries=$((tries + 1)); done
"$B/clickup" task update 86abc123 --status review >/dev/null 2>"$tmp/err"; rc=$?
wait_lines "$tmp/hup.out" 1
check "the loop: SIGHUP loads the secret; a task changed in the sandbox; the receiver prints the signed event" \
    eval '[ "$rc" = 0 ] && grep -q "^{\"event\":\"taskStatusUpdated\",\"webhook_id\":\"$id\",\"task_id\":\"86abc123\",\"history_items\":1,\"secret_index\":0}$" "$tmp/hup.out"'

"$B/clickup" webhook delete "$id" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "clickup webhook delete: {id, deleted: true}" \
    eval '[ "$rc" = 0 ] && [ "$(cat "$tmp/out")" = "{\"id\":\"$id\",\"deleted\":true}" ]'
"$B/clickup" webhooks >"$tmp/out" 2>/dev/null
"$B/clickup" webhook delete "$id" >/dev/null 2>"$tmp/err"; rc=$?
check "deleted: gone from the list; deleting it again is exit 4" eval '[ "$(cat "$tmp/out")" = "[]" ] && [ "$rc" = 4 ]'

# ---- clickup webhook verify (no token, no request) -----------------------------------------
printf '{"event":"taskCreated","task_id":"1vj37mc"}' >"$tmp/body"
sig=$(sign "$S1" "$tmp/body")
CLICKUP_API_TOKEN= "$B/clickup" webhook verify --secret "$S1" --signature "$sig" "$tmp/body" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "verify: a matching signature (openssl's HMAC): exit 0, {valid, secret_index 0}" \
    eval '[ "$rc" = 0 ] && [ "$(cat "$tmp/out")" = "{\"valid\":true,\"secret_index\":0}" ]'
"$B/clickup" webhook verify --secret "$S2" --secret "$S1" --signature "$sig" - <"$tmp/body" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "verify: the second of two secrets, the body from stdin: exit 0, secret_index 1" \
    eval '[ "$rc" = 0 ] && grep -q "\"secret_index\":1" "$tmp/out"'
"$B/clickup" webhook verify --secret "$S2" --signature "$sig" "$tmp/body" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "verify: no secret matches: exit 10, nothing on stdout, one line on stderr" \
    eval '[ "$rc" = 10 ] && [ ! -s "$tmp/out" ] && [ "$(lines "$tmp/err")" = 1 ]'
printf ' ' >>"$tmp/body"
"$B/clickup" webhook verify --secret "$S1" --signature "$sig" <"$tmp/body" >/dev/null 2>&1; rc=$?
check "verify: one byte more in the body: exit 10" eval '[ "$rc" = 10 ]'
"$B/clickup" webhook verify --secret "$S1" --signature "${sig}00" "$tmp/body" >/dev/null 2>"$tmp/err"; rc=$?
check "verify: a signature that is not 64 hex digits: exit 2" eval '[ "$rc" = 2 ]'
"$B/clickup" --help >"$tmp/out"
check "exit code 10 is documented in --help" eval 'grep -q "^ 10  webhook verify" "$tmp/out"'

echo "webhooks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

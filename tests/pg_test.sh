#!/bin/sh
# tests/pg_test.sh - build/sync_templates against a real PostgreSQL server and build/sandbox.
#
#   make build/sync_templates build/sandbox && sh tests/pg_test.sh [BUILD_DIR]
#
# Starts its own PostgreSQL (Debian's postgresql package: initdb and pg_ctl from
# /usr/lib/postgresql/*/bin) in a temporary directory, listening on a Unix socket only, and its
# own sandbox on a free loopback port; both are stopped and the directory removed on exit, even
# after a failure. PostgreSQL refuses to run as root: as root the server runs as the user
# "postgres" (the package creates it), otherwise as the caller.
# The Worker logs in as role "worker" with a password (scram-sha-256), given in the URI; the
# test checks that the password never appears in any output. It checks: the first sync creates
# the table, a second changes nothing, a rename, a removal (deleted_at) and a return, that a
# failed fetch and a failure in the middle of the transaction leave the table exactly as it was,
# two Workers at once, and the exit code and one-line error of each kind of failure.
# Prints one "ok"/"FAIL" line per check, then exactly one summary line:
#   postgresql: N passed, M failed
# and exits non-zero when anything failed. Takes a few seconds.
set -u

B=${1:-build}
passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok - $1"; }
fail() { failed=$((failed + 1)); echo "FAIL - $1"; }
give_up() { echo "postgresql: $1"; echo "postgresql: $passed passed, $((failed + 1)) failed"; exit 1; }

PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
[ -x "$PY" ] || PY=python3

# ---- the scratch directory, and cleaning up --------------------------------------------------
# Under /tmp (not $TMPDIR): the server's user must be able to reach it.
tmp=$(mktemp -d /tmp/pg_test.XXXXXX) || give_up "cannot make a temporary directory"
sandbox_pid=
pg_started=
cleanup() {
    if [ -n "$pg_started" ]; then
        as_pg "$PGBIN/pg_ctl" -D "$tmp/data" -m immediate -w stop >/dev/null 2>&1 ||
            { pid=$(head -n 1 "$tmp/data/postmaster.pid" 2>/dev/null) && [ -n "$pid" ] && kill -9 "$pid"; }
    fi
    if [ -n "$sandbox_pid" ]; then
        kill "$sandbox_pid" 2>/dev/null
        wait "$sandbox_pid" 2>/dev/null
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

for program in sync_templates sandbox; do
    [ -x "$B/$program" ] || give_up "$B/$program is missing (make $B/sync_templates $B/sandbox)"
done
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$PGBIN/initdb" ] || give_up "no PostgreSQL server in /usr/lib/postgresql/*/bin (sh .ci/deps.sh test)"

# Run a server command as the server's user.
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || give_up "running as root, and there is no user postgres to run the server"
    chown postgres "$tmp"
    if command -v runuser >/dev/null 2>&1; then as_pg() { runuser -u postgres -- "$@"; }
    else as_pg() { su postgres -s /bin/sh -c "$*"; }         # (no argument has a space)
    fi
else
    as_pg() { "$@"; }
fi

# Only the settings given here, whatever the caller's environment holds.
unset PGHOST PGHOSTADDR PGPORT PGUSER PGPASSWORD PGPASSFILE PGDATABASE PGSERVICE PGSERVICEFILE \
      PGOPTIONS PGSSLMODE PGCONNECT_TIMEOUT SOPS_DATABASE_URL \
      CLICKUP_TEAM_ID CLICKUP_RATE_LIMIT CLICKUP_RATE_WINDOW_S CLICKUP_ENABLE_CACHE CLICKUP_TIMEOUT_MS \
      CLICKUP_LOG_LEVEL CLICKUP_MAX_RETRIES CLICKUP_BACKOFF_MS CLICKUP_TEMPLATES_LIST_ID

# ---- PostgreSQL: a cluster of our own on a Unix socket ---------------------------------------
sock="$tmp/sock"
as_pg mkdir "$sock" || give_up "cannot make $sock"
as_pg "$PGBIN/initdb" -D "$tmp/data" -U postgres -A trust -E UTF8 --locale=C -N >"$tmp/initdb.log" 2>&1 ||
    { cat "$tmp/initdb.log"; give_up "initdb failed"; }
# postgres itself logs in without a password (the test's own queries); everyone else with one.
# (Written over the files initdb made, which keep their owner.)
printf 'local all postgres trust\nlocal all all scram-sha-256\n' >"$tmp/data/pg_hba.conf"
cat >>"$tmp/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$sock'
port = 5432
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
pg_started=1
as_pg "$PGBIN/pg_ctl" -D "$tmp/data" -l "$tmp/data/server.log" -w -t 30 start >/dev/null 2>&1 ||
    { cat "$tmp/data/server.log"; give_up "the PostgreSQL server did not start"; }

# sql [-d DB] QUERY: one query as postgres; rows as a|b|c lines.
sql() {
    db=sops
    if [ "$1" = -d ]; then db=$2; shift 2; fi
    "$PGBIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$sock" -U postgres -d "$db" -c "$1"
}

# The worker's password has a character that the URI must percent-encode: both spellings must
# stay hidden. Every output below is searched for "s3cr3t" (and the wrong password).
PW='s3cr3t/Pg+7'
PW_URI='s3cr3t%2FPg+7'
sql -d postgres "CREATE ROLE worker LOGIN PASSWORD '$PW'" >/dev/null || give_up "cannot create role worker"
for db in sops race shapes; do
    sql -d postgres "CREATE DATABASE $db OWNER worker" >/dev/null || give_up "cannot create database $db"
done
sql -d postgres "CREATE DATABASE granted" >/dev/null || give_up "cannot create database granted"
url() { echo "${2:-postgresql}://worker:$PW_URI@/$1?host=$sock"; }     # url DB [SCHEME]
URL=$(url sops)

# ---- the sandbox ---------------------------------------------------------------------------
"$B/sandbox" --port 0 --port-file "$tmp/port" >"$tmp/sandbox.log" 2>&1 &
sandbox_pid=$!
tries=0
while [ ! -s "$tmp/port" ]; do
    tries=$((tries + 1))
    if [ "$tries" -gt 100 ] || ! kill -0 "$sandbox_pid" 2>/dev/null; then
        cat "$tmp/sandbox.log"
        give_up "the sandbox did not start"
    fi
    sleep 0.1
done
port=$(cat "$tmp/port")
export CLICKUP_API_TOKEN=pk_sandbox_token
export CLICKUP_BASE_URL="http://127.0.0.1:$port/api/v2"
SANDBOX_CONTROL="http://127.0.0.1:$port/_sandbox"

# POST a JSON body to a control endpoint: control template '{"id": ...}' | control reset '{}'.
control() {
    "$PY" -c '
import sys, urllib.request
req = urllib.request.Request(sys.argv[1], data=sys.argv[2].encode(), headers={"Content-Type": "application/json"})
urllib.request.urlopen(req, timeout=5).read()' "$SANDBOX_CONTROL/$1" "$2"
}

# ---- helpers ---------------------------------------------------------------------------------
# run COMMAND...: stdout, stderr and exit code into $tmp/out, $tmp/err and $code; every output
# is also kept in $tmp/all, for the final password check.
run() {
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    code=$?
    cat "$tmp/out" "$tmp/err" >>"$tmp/all"
}
sync_sops() { run "$B/sync_templates" "$URL"; }

# check DESCRIPTION CONDITION: CONDITION (shell code) is judged after the last run.
check() {
    if eval "$2"; then
        pass "$1"
    else
        fail "$1"
        echo "       exit code $code; stdout: $(head -c 300 "$tmp/out")"
        echo "       stderr: $(head -c 300 "$tmp/err")"
    fi
}
out_is() { [ "$(cat "$tmp/out")" = "$1" ]; }
# stderr is one "sync_templates: " line saying $1, stdout is empty, and no password shows.
one_line_error() {
    [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q '^sync_templates: ' "$tmp/err" && grep -q -- "$1" "$tmp/err" &&
        [ ! -s "$tmp/out" ] && no_secret
}
no_secret() { ! grep -q -e s3cr3t -e wr0ngpass "$tmp/out" "$tmp/err"; }
# The whole table, every column, in a fixed order: equal snapshots = nothing was written.
snapshot() { sql "SELECT * FROM sops ORDER BY clickup_template_id" >"$tmp/$1"; }
same() { cmp -s "$tmp/$1" "$tmp/$2" && [ -s "$tmp/$1" ]; }
q() { sql "$1"; }
# Queries the checks use (so that the checks need no quotes inside their quotes).
row() { q "SELECT $2 FROM sops WHERE clickup_template_id = '$1'"; }          # row ID COLUMNS
deleted_ids() { q "SELECT string_agg(clickup_template_id, ',' ORDER BY 1) FROM sops WHERE deleted_at IS NOT NULL"; }
no_table() { q "SELECT to_regclass('sops') IS NULL"; }
columns() {
    q "SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum)
         FROM pg_attribute WHERE attrelid = 'sops'::regclass AND attnum > 0"
}

# ---- help ------------------------------------------------------------------------------------
run "$B/sync_templates" --help
check "--help documents the database store and its exit codes" \
      '[ $code = 0 ] && grep -q postgresql:// "$tmp/out" && grep -q "^  11 " "$tmp/out" && grep -q "^  12 " "$tmp/out" && grep -q "^  13 " "$tmp/out"'

# ---- the sync ----------------------------------------------------------------------------------
check "before the first sync there is no table" '[ "$(no_table)" = t ]'

sync_sops
check "first sync creates the table and inserts 150" \
      '[ $code = 0 ] && out_is "Synced 150 templates (150 new, 0 updated, 0 unchanged)" && [ ! -s "$tmp/err" ] &&
       [ "$(q "SELECT count(*) FROM sops WHERE deleted_at IS NULL AND first_seen_at = last_synced_at")" = 150 ]'
check "a row holds the name, the variables, ClickUp's JSON and the default scope" \
      '[ "$(row t-86b3e001 "name, variables, content, scope")" = \
         "SOP: Onboard {{client_name}}|{client_name}|{\"id\": \"t-86b3e001\", \"name\": \"SOP: Onboard {{client_name}}\"}|canonical" ]'
check "the table has the columns and types of the issue" \
      '[ "$(columns)" = \
         "clickup_template_id text, name text, variables text[], content jsonb, scope text, first_seen_at timestamp with time zone, last_synced_at timestamp with time zone, deleted_at timestamp with time zone" ]'

run env SOPS_DATABASE_URL="$(url sops postgres)" "$B/sync_templates"
check "second sync (SOPS_DATABASE_URL, postgres://): 0 new, 0 updated, 150 unchanged" \
      '[ $code = 0 ] && out_is "Synced 150 templates (0 new, 0 updated, 150 unchanged)"'
check "second sync keeps first_seen_at and moves last_synced_at" \
      '[ "$(q "SELECT count(*) FROM sops WHERE first_seen_at < last_synced_at")" = 150 ]'

control template '{"id": "t-86b3e002", "name": "Weekly report v2 for {{client_name}} by {{ owner }}"}'
sync_sops
check "a template renamed in ClickUp: 1 updated" \
      '[ $code = 0 ] && out_is "Synced 150 templates (0 new, 1 updated, 149 unchanged)" &&
       [ "$(row t-86b3e002 "name, variables")" = \
         "Weekly report v2 for {{client_name}} by {{ owner }}|{client_name,owner}" ]'

control template '{"id": "t-86b3e005", "removed": true}'
sync_sops
check "a template removed from ClickUp: deleted_at set, row kept" \
      '[ $code = 0 ] && out_is "Synced 149 templates (0 new, 0 updated, 149 unchanged)" &&
       [ "$(q "SELECT count(*) FROM sops")" = 150 ] &&
       [ "$(deleted_ids)" = t-86b3e005 ]'
deleted_at=$(row t-86b3e005 deleted_at)
sync_sops
check "a sync while it is still gone keeps its deleted_at" \
      '[ $code = 0 ] && [ "$(row t-86b3e005 deleted_at)" = "$deleted_at" ]'

control template '{"id": "t-86b3e005", "removed": false}'
sync_sops
check "it comes back: deleted_at cleared, counted as updated" \
      '[ $code = 0 ] && out_is "Synced 150 templates (0 new, 1 updated, 149 unchanged)" &&
       [ "$(q "SELECT count(*) FROM sops WHERE deleted_at IS NULL")" = 150 ]'

# ---- a failed fetch writes nothing ----------------------------------------------------------------
# Changes are waiting in ClickUp (a rename, a removal), so a sync that wrote would show.
control template '{"id": "t-86b3e003", "name": "Offboarding checklist, revised"}'
control template '{"id": "t-86b3e007", "removed": true}'
snapshot before
# (Faults that are not retried: a 500 would be, three times, with back-off.)
control fault '{"method": "GET", "path": "/api/v2/team/9001/taskTemplate", "kind": "malformed", "count": -1}'
run "$B/sync_templates" "$URL"
control reset '{}'
snapshot after
check "templates endpoint answering malformed JSON: exit 9, one line, the table untouched" \
      '[ $code = 9 ] && one_line_error "fetching templates" && same before after'

# The first page answers (after a 1 ms delay fault), the second fails.
control fault '{"method": "GET", "path": "/api/v2/team/9001/taskTemplate", "kind": "delay", "count": 1, "arg": 1}'
control fault '{"method": "GET", "path": "/api/v2/team/9001/taskTemplate", "kind": "status", "count": -1, "arg": 401}'
run "$B/sync_templates" "$URL"
control reset '{}'
snapshot after
check "second page failing (401): exit 3, the first page not written either" \
      '[ $code = 3 ] && one_line_error "401" && same before after'

sync_sops
check "the waiting changes land on the next sync" \
      '[ $code = 0 ] && out_is "Synced 149 templates (0 new, 1 updated, 148 unchanged)" &&
       [ "$(q "SELECT count(*) FROM sops WHERE deleted_at IS NOT NULL")" = 1 ]'

# ---- a failure in the middle of the transaction leaves the table as it was ----------------------
# Waiting changes in the first batch of 100 (a rename, a return) and a removal; the trigger
# fails on the 120th template, in the second batch.
control template '{"id": "t-86b3e004", "name": "Launch {{campaign}}, v2"}'
control template '{"id": "t-86b3e007", "removed": false}'
control template '{"id": "t-86b3e010", "removed": true}'
sql "CREATE FUNCTION trip() RETURNS trigger LANGUAGE plpgsql AS \$\$
     BEGIN
         IF NEW.clickup_template_id = 't-86b3e120' THEN RAISE EXCEPTION 'injected failure'; END IF;
         RETURN NEW;
     END \$\$;
     CREATE TRIGGER trip BEFORE INSERT OR UPDATE ON sops FOR EACH ROW EXECUTE FUNCTION trip();" >/dev/null
snapshot before
sync_sops
snapshot after
check "a statement failing in the second batch: exit 10, one line, rolled back" \
      '[ $code = 10 ] && one_line_error "injected failure" && grep -q "rolled back" "$tmp/err" && same before after'

# The same, but the server drops the connection (the backend terminates itself).
sql "CREATE OR REPLACE FUNCTION trip() RETURNS trigger LANGUAGE plpgsql AS \$\$
     BEGIN
         IF NEW.clickup_template_id = 't-86b3e120' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
         RETURN NEW;
     END \$\$;" >/dev/null
sync_sops
snapshot after
check "the connection killed in the second batch: exit 11, one line, nothing saved" \
      '[ $code = 11 ] && one_line_error "connection" && same before after'

sql "DROP TRIGGER trip ON sops; DROP FUNCTION trip()" >/dev/null
sync_sops
check "without the fault, the same sync goes through" \
      '[ $code = 0 ] && out_is "Synced 149 templates (0 new, 2 updated, 147 unchanged)" &&
       [ "$(deleted_ids)" = t-86b3e010 ]'

# ---- two Workers at once -------------------------------------------------------------------------
control template '{"id": "t-86b3e010", "removed": false}'
# In database "race" (no table yet). A session holds the Workers' advisory lock until both
# Workers are waiting for it (at most 10 s), then prints how many were waiting and lets go.
"$PGBIN/psql" -X -q -A -t -h "$sock" -U postgres -d race -c "SELECT pg_advisory_lock(1936683123)" \
    -c "DO \$\$ BEGIN FOR i IN 1..100 LOOP
            EXIT WHEN (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted) >= 2;
            PERFORM pg_sleep(0.1);
        END LOOP; END \$\$" \
    -c "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted" >"$tmp/holder" 2>&1 &
holder=$!
tries=0
until [ "$(sql -d race "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted")" = 1 ] ||
      [ "$tries" -gt 100 ]; do tries=$((tries + 1)); sleep 0.1; done
"$B/sync_templates" "$(url race)" >"$tmp/w1.out" 2>"$tmp/w1.err" &
w1=$!
"$B/sync_templates" "$(url race)" >"$tmp/w2.out" 2>"$tmp/w2.err" &
w2=$!
wait "$w1"; c1=$?
wait "$w2"; c2=$?
wait "$holder"
cat "$tmp/w1.out" "$tmp/w1.err" "$tmp/w2.out" "$tmp/w2.err" >>"$tmp/all"
code="$c1 $c2"
cat "$tmp/w1.out" "$tmp/w2.out" >"$tmp/out"
cat "$tmp/w1.err" "$tmp/w2.err" "$tmp/holder" >"$tmp/err"
new_sum=$(sed -n 's/.*(\([0-9]*\) new.*/\1/p' "$tmp/out" | awk '{ s += $1 } END { print s + 0 }')
check "two Workers waited for the lock at the same time" '[ "$(tail -n 1 "$tmp/holder")" = 2 ]'
check "two Workers at once: both succeed, the new counts add up to 150" \
      '[ "$code" = "0 0" ] && [ "$new_sum" = 150 ] && [ "$(grep -c "^Synced 150 templates" "$tmp/out")" = 2 ] &&
       grep -q "(0 new, 0 updated, 150 unchanged)" "$tmp/out"'
code=0
check "two Workers at once: 150 rows, none marked deleted, one first_seen_at" \
      '[ "$(sql -d race "SELECT count(*), count(DISTINCT clickup_template_id), count(deleted_at), count(DISTINCT first_seen_at) FROM sops")" = "150|150|0|1" ]'

# ---- connection failures ---------------------------------------------------------------------------
run "$B/sync_templates" "postgresql://worker:wr0ngpass@/sops?host=$sock"
check "wrong password: exit 12, one line, no password" '[ $code = 12 ] && one_line_error "password authentication failed"'

run "$B/sync_templates" "postgresql://nobody:$PW_URI@/sops?host=$sock"
check "unknown user: exit 12" '[ $code = 12 ] && one_line_error "refused"'

run "$B/sync_templates" "postgresql://worker:$PW_URI@/sops?host=$tmp/nowhere"
check "no server on that socket: exit 11, one line, no password" '[ $code = 11 ] && one_line_error "cannot connect"'

run "$B/sync_templates" "postgresql://worker:$PW_URI@127.0.0.1:1/sops?connect_timeout=5"
check "no server on that TCP port: exit 11, one line, no password" '[ $code = 11 ] && one_line_error "cannot connect"'

run "$B/sync_templates" "postgresql://worker:$PW_URI@/sops?host=$sock&bogus=1"
check "a malformed URI: exit 2 before any fetch" '[ $code = 2 ] && one_line_error "bogus"'

run "$B/sync_templates" "postgresql://worker:s3cr3t%zz@/sops?host=$sock"
check "a bad escape in the password: exit 2, the password hidden in libpq's message" \
      '[ $code = 2 ] && one_line_error "percent-encoded" && grep -q "\*\*\*" "$tmp/err"'

run env SOPS_DATABASE_URL=sops.json "$B/sync_templates"
check "SOPS_DATABASE_URL that is not a URI: exit 2" '[ $code = 2 ] && one_line_error SOPS_DATABASE_URL'

# ---- a table of the wrong shape --------------------------------------------------------------------
sql -d shapes "CREATE TABLE sops (clickup_template_id text PRIMARY KEY, name text NOT NULL, variables text[],
               content text, scope text, first_seen_at timestamptz, last_synced_at timestamptz, deleted_at timestamptz);
               ALTER TABLE sops OWNER TO worker;
               INSERT INTO sops (clickup_template_id, name) VALUES ('x', 'kept')" >/dev/null
run "$B/sync_templates" "$(url shapes)"
check "a column of the wrong type: exit 13, one line naming it, the table untouched" \
      '[ $code = 13 ] && one_line_error "column content is text, not jsonb" &&
       [ "$(sql -d shapes "SELECT clickup_template_id, name, last_synced_at FROM sops")" = "x|kept|" ]'

sql -d shapes "ALTER TABLE sops ALTER COLUMN content TYPE jsonb USING to_jsonb(content), DROP CONSTRAINT sops_pkey" >/dev/null
run "$B/sync_templates" "$(url shapes)"
check "no unique key on clickup_template_id: exit 13" '[ $code = 13 ] && one_line_error "unique index"'

sql -d shapes "ALTER TABLE sops ADD PRIMARY KEY (clickup_template_id), ADD COLUMN owner_id int NOT NULL DEFAULT 0,
               ADD COLUMN team text" >/dev/null
run "$B/sync_templates" "$(url shapes)"
check "more columns (with defaults, or nullable) are fine" \
      '[ $code = 0 ] && out_is "Synced 150 templates (150 new, 0 updated, 0 unchanged)" &&
       [ "$(sql -d shapes "SELECT count(*) FILTER (WHERE deleted_at IS NOT NULL) FROM sops")" = 1 ]'

# ---- a table made by someone else: the Worker may write it, not create tables --------------------
sql -d granted "CREATE TABLE sops (clickup_template_id text PRIMARY KEY, name text NOT NULL, variables text[],
                content jsonb, scope text DEFAULT 'canonical', first_seen_at timestamptz,
                last_synced_at timestamptz, deleted_at timestamptz);
                GRANT SELECT, INSERT, UPDATE ON sops TO worker" >/dev/null
may_create=$(sql -d granted "SELECT has_schema_privilege('worker', 'public', 'CREATE')")
run "$B/sync_templates" "$(url granted)"
check "a table the Worker may only read and write (no CREATE on the schema): synced" \
      '[ "$may_create" = f ] && [ $code = 0 ] && out_is "Synced 150 templates (150 new, 0 updated, 0 unchanged)"'

# ---- the password, anywhere --------------------------------------------------------------------------
cp "$tmp/all" "$tmp/out"
: >"$tmp/err"
check "no output of any run holds a password" 'no_secret && [ -s "$tmp/all" ]'

echo "postgresql: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

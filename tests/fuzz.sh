#!/bin/sh
# tests/fuzz.sh smoke|full JSON_SECONDS OTHER_SECONDS NAME...
# Runs each libFuzzer target; the JSON parser target gets JSON_SECONDS, the others OTHER_SECONDS.
mode="$1"; js="$2"; other="$3"; shift 3
status=0; ok=0; bad=0
for name in "$@"; do
    secs="$other"; [ "$name" = fuzz_json ] && secs="$js"
    corpus="build/fuzz/corpus_$name"; mkdir -p "$corpus"
    seeds=""
    [ -d "tests/corpus/$name" ] && seeds="tests/corpus/$name"
    [ "$name" = fuzz_json ] && seeds="$seeds tests/data/jsontestsuite/test_parsing"
    echo "== fuzz ($mode): $name for ${secs}s"
    log="build/fuzz/$name.log"
    # shellcheck disable=SC2086
    if "build/fuzz/$name" -artifact_prefix="build/fuzz/$name-" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 "$corpus" $seeds >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "fuzz: $name ok, $runs executions, no finding"; ok=$((ok + 1))
    else
        tail -n 40 "$log"; echo "fuzz: $name FOUND A PROBLEM (see $log)"; status=1; bad=$((bad + 1))
    fi
done
echo "fuzz targets: $ok passed, $bad failed"
exit $status

#!/bin/sh
# Run the bench programs in order, print their figure lines, then one summary line.
# usage: sh bench/run.sh [BENCH_DIR]     (default build/bench; `make bench` builds it first)
# BENCH_DIR holds gen_page, page100.json and the bench_NAME programs. Each program prints its
# own figure lines on stdout (diagnostics on stderr) and exits non-zero when it fails.
# No timing is asserted: a failing program is reported in the summary, and the exit status is
# non-zero, only when the program itself failed.
set -u
dir="${1:-build/bench}"
page="$dir/page100.json"
ran=0; figures=0; failed=""
now_ms() { t=$(date +%s%N 2>/dev/null); case "$t" in *N|"") echo $(( $(date +%s) * 1000 ));; *) echo $((t / 1000000));; esac; }
start=$(now_ms)

run() { # run NAME [ARGS...]: run $dir/bench_NAME ARGS and pass its lines through
    name="$1"; shift
    bin="$dir/bench_$name"
    if [ ! -x "$bin" ]; then
        echo "bench: $name: $bin is not built" >&2
        failed="$failed $name(not built)"
        return
    fi
    out=$(mktemp)
    "$bin" "$@" >"$out"
    rc=$?
    cat "$out"
    figures=$((figures + $(wc -l <"$out")))
    rm -f "$out"
    ran=$((ran + 1))
    [ "$rc" -eq 0 ] || failed="$failed $name(rc=$rc)"
}

# ==== the figures, in this order ==============================================================
run json "$page"                 # json_parse, json_parse_cjson, _jsonc, _jansson, json_allocs
# ---- ADD NEW BENCHES HERE, in order (and a bench_program line in bench/bench.mk): -----------
# run fetch_decode "$page"
# run rate_utilization
# run cache_savings
# run memory_10k
# run peer_clickup_js
# ==============================================================================================

ms=$(( $(now_ms) - start ))
if [ -n "$failed" ]; then
    echo "bench: $figures lines from $ran program(s) in $((ms / 1000)).$(( (ms % 1000) / 100 )) s; FAILED:$failed"
    exit 1
fi
echo "bench: $figures lines from $ran program(s) in $((ms / 1000)).$(( (ms % 1000) / 100 )) s"

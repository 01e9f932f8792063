#!/bin/sh
# Run the bench programs in order, print their figure lines, then a short summary: one line
# with the headline of every figure that printed, and one line with the count and the time.
# usage: sh bench/run.sh [BENCH_DIR]     (default build/bench; `make bench` builds it first)
# BENCH_DIR holds gen_page, page100.json, the bench_NAME programs and node/ (clickup.js for
# peer_clickup_js, installed by `make bench`). Each program prints its
# own figure lines on stdout (diagnostics on stderr) and exits non-zero when it fails.
# No timing is asserted: a failing program is reported in the summary, and the exit status is
# non-zero, only when the program itself failed.
set -u
dir="${1:-build/bench}"
here=$(dirname "$0")
all=$(mktemp)
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
    cat "$out" >>"$all"
    figures=$((figures + $(wc -l <"$out")))
    rm -f "$out"
    ran=$((ran + 1))
    [ "$rc" -eq 0 ] || failed="$failed $name(rc=$rc)"
}

# ==== the figures, in this order ==============================================================
run json "$page"                 # json_parse, json_parse_cjson, _jsonc, _jansson, json_allocs
run fetch_decode                 # fetch_decode: 10 pages over loopback vs libcurl+cJSON
run rate_utilization             # rate_utilization (injected clock), rate_utilization_http (10 s)
run cache_savings                # cache_savings: one simulated dashboard hour
run memory_10k                   # memory_10k: peak heap, foreach vs tasks_get
run peer_clickup_js "$dir/node" "$here/peer_clickup_js.mjs"   # peer_clickup_js (node + npm)
# ---- ADD NEW BENCHES HERE, in order (and a bench_program line in bench/bench.mk) ------------
# ==============================================================================================

ms=$(( $(now_ms) - start ))

# ---- summary: the headline of each figure that printed, in one line --------------------------
pick() { sed -n "$1" "$all" | head -n 1; }
sum=""
add() { [ -n "$2" ] && sum="$sum${sum:+; }$1 $2"; }
add "JSON parse" "$(pick 's/^json_parse: [0-9.]* MB\/s (\([0-9.]*x\) vs cJSON)$/\1 cJSON/p')"
add "fetch+decode" "$(pick 's/^fetch_decode: [0-9.]* ms for [0-9]* pages (\([0-9.]*x\) of libcurl+cJSON)$/\1 the time of libcurl+cJSON/p')"
add "rate limit" "$(pick 's/^rate_utilization: \([0-9.]* %\) of allowance, \([0-9]*\) x 429 (draft bucket: [0-9.]* %, \([0-9]*\) x 429)$/\1 used, \2 x 429 (draft bucket \3 x 429)/p')"
add "over HTTP" "$(pick 's/^rate_utilization_http: \([0-9.]* %\) of allowance, \([0-9]*\) x 429 (draft bucket: [0-9.]* %, \([0-9]*\) x 429)$/\1, \2 x 429 (draft \3)/p')"
add "cache" "$(pick 's/^cache_savings: \([0-9.-]* %\) fewer API calls, \([0-9]*\) stale reads.*$/\1 fewer calls, \2 stale/p')"
add "10k tasks" "$(pick 's/^memory_10k: \([0-9.]* MB\) peak with the per-page callback vs \([0-9.]* MB\) collecting all.*$/\1 streamed vs \2 collected/p')"
add "clickup.js" "$(pick 's/^peer_clickup_js: [0-9.]* ms for [0-9]* pages (\([0-9.]*x\) of clickup.h.s time)$/\1 our time/p')"
rm -f "$all"
[ -n "$sum" ] && echo "bench: summary: $sum"
if [ -n "$failed" ]; then
    echo "bench: $figures lines from $ran program(s) in $((ms / 1000)).$(( (ms % 1000) / 100 )) s; FAILED:$failed"
    exit 1
fi
echo "bench: $figures lines from $ran program(s) in $((ms / 1000)).$(( (ms % 1000) / 100 )) s"

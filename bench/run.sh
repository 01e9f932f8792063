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
run engine_overhead              # engine_overhead: CPU us/request, cached / loopback / bare libcurl
run batch                        # batch_create, parallel_fetch: 20 per 1 s window, 100 ms latency
run shared                       # shared_limiter (8 processes: file, Redis, separate), limiter_acquire
run cache_savings_webhooks       # cache_savings_webhooks: the same hour, events applied, 24 h TTLs
run proxy "$dir/../clickup_proxy"   # proxy_overhead: latency the proxy adds, cached / uncached, vs the library
run attachment_upload            # attachment_upload: 100 MB streamed from disk vs plain libcurl mime; heap
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
add "engine" "$(pick 's/^engine_overhead: cached GET \([0-9.]*\) us\/request, uncached GET over loopback \([0-9.]*\) us\/request, bare libcurl easy GET [0-9.]* us\/request (uncached\/bare = \([0-9.]*x\))$/\2 us CPU per uncached GET (\3 bare libcurl), \1 us cached/p')"
add "batch" "$(pick 's/^batch_create: [0-9]* creates in [0-9]* ms = \([0-9.]*x\) the allowance-bound ideal .*, \([0-9.]*x\) faster than sequential ([0-9]* ms), \([0-9]*\) x 429, \([0-9]*\) duplicates$/\1 the ideal, \2 faster than sequential, \3 x 429, \4 duplicates/p')"
add "parallel fetch" "$(pick 's/^parallel_fetch: [0-9]* lists in [0-9]* ms = \([0-9.]*x\) the allowance-bound ideal ([0-9]* ms), \([0-9.]*x\) faster than sequential.*$/\1 the ideal, \2 faster than sequential/p')"
add "shared budget" "$(pick 's/^shared_limiter: [0-9]* processes, [^:]*: file \([0-9.]* %\) of allowance, \([0-9]*\) x 429; \(Redis [0-9.]* %\), \([0-9]*\) x 429; separate per-process limiters [0-9.]* %, \([0-9]*\) x 429 .*$/file \1 (\2 x 429), \3 (\4 x 429), separate \5 x 429/p')"
add "acquire" "$(pick 's/^limiter_acquire: in-process \([0-9.]* us\), file \([0-9.]* us\), Redis \([0-9.]* us\) per acquire.*$/\1 in-process, \2 file, \3 Redis/p')"
add "webhooks" "$(pick 's/^cache_savings_webhooks: \([0-9.-]* %\) fewer API calls, \([0-9]*\) stale reads.*changes made elsewhere: \([0-9.-]* %\), \([0-9]*\) stale vs TTL-only \([0-9.-]* %\), \([0-9]*\) stale)$/\1 fewer calls, \2 stale (changes elsewhere: \3, \4 stale vs TTL-only \5, \6 stale)/p')"
add "proxy" "$(pick 's/^proxy_overhead: \([+-][0-9.]* us\) per cached GET (.*), \([+-][0-9.]* us\) per uncached GET (.*), over loopback$/\1 per cached GET, \2 per uncached/p')"
add "upload" "$(pick 's/^attachment_upload: [0-9]* MB at \([0-9.]* MB\/s\) (\([0-9.]*x\) a plain libcurl mime upload, [0-9.]* MB\/s); heap above the client.s baseline: .* = \([0-9.]* KB\) (plain libcurl [0-9.]* KB)$/\1 (\2 plain libcurl), \3 heap/p')"
rm -f "$all"
[ -n "$sum" ] && echo "bench: summary: $sum"
if [ -n "$failed" ]; then
    echo "bench: $figures lines from $ran program(s) in $((ms / 1000)).$(( (ms % 1000) / 100 )) s; FAILED:$failed"
    exit 1
fi
echo "bench: $figures lines from $ran program(s) in $((ms / 1000)).$(( (ms % 1000) / 100 )) s"

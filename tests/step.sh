#!/bin/sh
# tests/step.sh NAME COMMAND...: run one stage of `make test`, show its output, and record its
# "N passed, M failed" line (a failing stage without one counts as one failure) in
# build/results/NAME, for tests/summary.sh.
name="$1"; shift
mkdir -p build/results
out="build/results/$name.log"
"$@" >"$out" 2>&1
rc=$?
cat "$out"
line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
num() { printf '%s\n' "$line" | grep -oE "[0-9]+ $1" | grep -oE '^[0-9]+' | tail -n 1; }
p=$(num passed); p=${p:-0}
f=$(num failed); f=${f:-0}
s=$(num skipped); s=${s:-0}
[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
echo "$p $f $s" > "build/results/$name"
exit $rc

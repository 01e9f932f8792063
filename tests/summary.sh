#!/bin/sh
# Add up what every stage of `make test` recorded and print the closing line.
p=0; f=0; s=0
for r in build/results/*; do
    case "$r" in *.log) continue;; esac
    [ -f "$r" ] || continue
    read -r a b c < "$r"
    echo "  $(basename "$r"): $a passed, $b failed${c:+, $c skipped}"
    p=$((p + a)); f=$((f + b)); s=$((s + ${c:-0}))
done
echo "all: $p passed, $f failed, $s skipped"
[ "$f" -eq 0 ]

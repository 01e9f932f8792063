#!/bin/sh
# tests/readme_check.sh: what the README and the header's QUICK START show must build as shown.
#  1. The README's quick-start program must be examples/quickstart.c (from its first #include),
#     which `make test` compiles: then the README cannot show code that does not build.
#  2. Every build line (a line starting with cc, gcc, clang, c++ or g++) in a code block of
#     README.md, and in the QUICK START section of clickup.h's top comment, is run verbatim
#     with `sh -c` in a fresh temporary directory holding only clickup.h and the .c files the
#     line names, copied from examples/. `app.c` is not an example: it stands for "your
#     program", so examples/quickstart.c is copied as app.c. The line must leave its output
#     (the -o file, else a.out) behind. At least one line must be found in each file.
# Prints one line per check, then "readme checks: N passed, M failed"; exits 1 on any failure.
set -u
cd "$(dirname "$0")/.." || exit 1
passed=0; failed=0
ok()  { echo "ok   $1"; passed=$((passed + 1)); }
bad() { echo "FAIL $1"; failed=$((failed + 1)); }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# ---- 1. the quick-start program --------------------------------------------------------------
want=$(sed -n '/^#include <stdio.h>/,$p' examples/quickstart.c)
got=$(awk '/^```c$/ {c=1; next} c && /^#include <stdio.h>/ {f=1} c && !f {c=0} f && /^```$/ {exit} f {print}' README.md)
if [ "$want" = "$got" ]; then ok "README quick start matches examples/quickstart.c"
else bad "README quick start differs from examples/quickstart.c"; fi

# ---- 2. the build lines, as "FILE:LINE COMMAND" ---------------------------------------------
cc_re='^(cc|gcc|clang|c\+\+|g\+\+) '
# README.md: lines inside ``` or ~~~ fences, or indented code (4 spaces or a tab).
awk -v re="$cc_re" '
    /^ {0,3}(```|~~~)/ { fence = !fence; next }
    fence || /^(    |\t)/ { l = $0; sub(/^[ \t]+/, "", l); if (l ~ re) print FILENAME ":" FNR " " l }
' README.md >"$tmp/readme_lines"
# clickup.h: indented lines of the QUICK START section (it ends at the next capitalised heading).
awk -v re="$cc_re" '
    /\*\// { exit }
    /^   QUICK START$/ { q = 1; next }
    q && /^   [A-Z][A-Z ]+$/ { exit }
    q && /^     / { l = $0; sub(/^[ \t]+/, "", l); if (l ~ re) print FILENAME ":" FNR " " l }
' clickup.h >"$tmp/header_lines"
[ -s "$tmp/readme_lines" ] || bad "README.md shows no build line (cc/gcc/clang/c++/g++) to check"
[ -s "$tmp/header_lines" ] || bad "clickup.h QUICK START shows no build line to check"

# Run one build line verbatim in its own directory: try_line LOCATION COMMAND
try_line() {
    loc="$1"; cmd="$2"; n=$((n + 1)); dir="$tmp/build$n"
    if ! { mkdir "$dir" && cp clickup.h "$dir/"; }; then bad "$loc: cannot set up $dir"; return; fi
    out=a.out; prev=""; missing=""
    set -f                                  # split the line into words without globbing
    for w in $cmd; do
        [ "$prev" = -o ] && out="$w"
        case "$w" in
            -o?*) out="${w#-o}" ;;
            *.c)  if [ -f "examples/$w" ]; then cp "examples/$w" "$dir/$w"
                  elif [ "$w" = app.c ]; then cp examples/quickstart.c "$dir/app.c"
                  else missing="$missing $w"; fi ;;
        esac
        prev="$w"
    done
    set +f
    if [ -n "$missing" ]; then bad "$loc: $cmd  (no examples/ file for:$missing)"; return; fi
    (cd "$dir" && sh -c "$cmd") </dev/null >"$dir/log" 2>&1; rc=$?
    if [ "$rc" -eq 0 ] && [ -f "$dir/$out" ]; then
        ok "$loc: $cmd"
    else
        bad "$loc: $cmd"
        [ "$rc" -eq 0 ] && echo "     (exit 0, but no $out was produced)"
        lines=$(wc -l <"$dir/log")
        head -n 20 "$dir/log" | sed 's/^/     | /'
        [ "$lines" -gt 20 ] && echo "     | ... ($((lines - 20)) more lines)"
    fi
}
n=0
while read -r loc cmd; do try_line "$loc" "$cmd"; done <"$tmp/readme_lines"
while read -r loc cmd; do try_line "$loc" "$cmd"; done <"$tmp/header_lines"

# The coverage table is made from the route table: it must be the one README.md shows.
if python3 tests/coverage_table.py --check >"$tmp/coverage" 2>&1; then ok "README coverage table matches the route table"
else bad "README coverage table: $(cat "$tmp/coverage")"; fi

echo "readme checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# Run the cmocka suites: tests/run.sh asan|valgrind NAME...
# Prints each suite's output, then one closing line "tests: N passed, M failed".
mode="$1"; shift
passed=0; failed=0; broken=""
for name in "$@"; do
    if [ "$mode" = valgrind ]; then
        bin="build/vg/$name"
        set -- valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
              --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
              --suppressions=tests/valgrind.supp "$bin"
        export CLICKUP_UNDER_VALGRIND=1
    else
        bin="build/asan/$name"
        set -- "$bin"
        export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
    fi
    echo "== $mode: $name"
    out=$(mktemp)
    "$@" >"$out" 2>&1
    rc=$?
    cat "$out"
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | awk '{s+=$1} END {print s+0}')
    rm -f "$out"
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$rc" -ne 0 ]; then
        broken="$broken $name(rc=$rc)"
        [ "$f" -eq 0 ] && failed=$((failed + 1))
    fi
done
[ -n "$broken" ] && echo "failing suites ($mode):$broken"
echo "tests: $passed passed, $failed failed"
[ -z "$broken" ]

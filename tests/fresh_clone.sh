#!/bin/sh
# tests/fresh_clone.sh: does the committed HEAD pass `make test` on its own, as a user's clone?
# Clones HEAD into a new empty temporary directory (nothing next to it, no folder a user's clone would lack; its own
# build/), runs `make test` there (which installs missing deps via .ci/deps.sh), removes the
# directory, and ends with "fresh clone: 1 passed, 0 failed" or "fresh clone: 0 passed, 1 failed".
# Uncommitted changes are not part of the test. It takes minutes: .ci/run runs it in CI only.
set -u
cd "$(dirname "$0")/.." || exit 1
head=$(git rev-parse HEAD) || exit 1
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
[ -z "$(git status --porcelain --untracked-files=no)" ] || echo "fresh clone: note: uncommitted changes are not tested"
echo "== fresh clone of $head in $tmp/repo"
# A make that started us must not hand its flags or jobserver to the clone's make.
unset MAKEFLAGS MFLAGS MAKELEVEL
if git clone -q "$(pwd)" "$tmp/repo" && git -C "$tmp/repo" checkout -q --detach "$head" &&
   (cd "$tmp/repo" && make test); then
    echo "fresh clone: 1 passed, 0 failed"
else
    echo "fresh clone: 0 passed, 1 failed"; exit 1
fi

#!/bin/sh
# The README's quick-start program must be examples/quickstart.c (from its first #include),
# which `make test` compiles: then the README cannot show code that does not build.
set -eu
want=$(sed -n '/^#include <stdio.h>/,$p' examples/quickstart.c)
got=$(awk '/^```c$/ {c=1; next} c && /^#include <stdio.h>/ {f=1} c && !f {c=0} f && /^```$/ {exit} f {print}' README.md)
if [ "$want" = "$got" ]; then echo "README quick start matches examples/quickstart.c"; exit 0; fi
echo "README quick start differs from examples/quickstart.c:"; exit 1

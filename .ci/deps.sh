#!/bin/sh
# Install what the build needs, or say exactly how to.
# Usage: .ci/deps.sh test|bench|demo
set -eu
want="${1:-test}"
pkgs=""
need() { # need PACKAGE CHECK-COMMAND...
    p="$1"; shift
    if ! "$@" >/dev/null 2>&1; then pkgs="$pkgs $p"; fi
}
hdr() { test -f "/usr/include/$1" || test -f "/usr/include/x86_64-linux-gnu/$1" || test -f "/usr/include/$(uname -m)-linux-gnu/$1"; }
need make        command -v make
need gcc         command -v gcc
need g++         command -v g++
need pkg-config  command -v pkg-config
need libcurl4-openssl-dev hdr curl/curl.h
# build/sync_templates links libpq; tests/pg_test.sh starts a real PostgreSQL server
pg_server() { ls /usr/lib/postgresql/*/bin/initdb /usr/lib/postgresql/*/bin/pg_ctl; }
case "$want" in test|demo)
    need libpq-dev   hdr postgresql/libpq-fe.h
    need postgresql  pg_server
    ;;
esac
# build/clickup_proxy links libmicrohttpd; tests/proxy_test.sh drives it with curl
case "$want" in test|demo) need libmicrohttpd-dev hdr microhttpd.h ;; esac
case "$want" in test) need curl command -v curl ;; esac
# examples/clickup_redis.h (the Redis companion, built into the examples) links hiredis; the
# tests and the bench start a real redis-server
case "$want" in test|bench|demo)
    need libhiredis-dev hdr hiredis/hiredis.h
    need redis-server   command -v redis-server
    ;;
esac
case "$want" in
  test)
    need libcmocka-dev hdr cmocka.h
    need clang       command -v clang
    need valgrind    command -v valgrind
    need python3     command -v python3
    need openssl     command -v openssl         # test_webhooks compares HMACs with openssl dgst
    need locales     command -v localedef        # test_locale builds a decimal-comma locale
    # libFuzzer and the sanitizer runtimes of clang (a separate package on Debian)
    fuzzer_rt() { f=$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null) && test -f "$f"; }
    need libclang-rt-dev fuzzer_rt
    ;;
  bench)
    need libcjson-dev   hdr cjson/cJSON.h
    need libjson-c-dev  hdr json-c/json.h
    need libjansson-dev hdr jansson.h
    need valgrind       command -v valgrind
    ;;
esac
[ -z "$pkgs" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "deps: installing:$pkgs" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $pkgs >/dev/null
else
    echo "deps: missing:$pkgs" >&2
    echo "deps: run:  sudo apt-get install -y$pkgs" >&2
    exit 1
fi

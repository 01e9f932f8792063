/* sandbox_main.c - build/sandbox: the ClickUp sandbox (tests/sandbox.c) as a standalone process,
   for `make demo` and the CLI tests.

   build/sandbox [--port N] [--token T] [--rate-limit N] [--rate-window S] [--port-file PATH]
                 [--webhook-retry-ms MS] [--webhook-timeout-ms MS] [--webhook-retries N]

   Listens on 127.0.0.1 only (port 0 = ephemeral), prints
   "sandbox listening on http://127.0.0.1:PORT/api/v2" to stdout, writes PORT to PATH when
   asked (atomically: a temporary file renamed into place), and serves until SIGTERM or SIGINT,
   then exits 0. It never connects to anything. Control it over HTTP: see sandbox.h. */
#include "sandbox.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <pthread.h>

static void usage(FILE *to) {
    fputs("usage: sandbox [--port N] [--token T] [--rate-limit N] [--rate-window S] [--port-file PATH]\n"
          "               [--webhook-retry-ms MS] [--webhook-timeout-ms MS] [--webhook-retries N]\n", to);
}

/* A whole non-negative decimal number within [0, max], else -1. */
static long number_arg(const char *s, long max) {
    char *end = NULL;
    long v;
    if (!s || !*s) return -1;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || *end || v < 0 || v > max) return -1;
    return v;
}

static int write_port_file(const char *path, int port) {
    char tmp[4096];
    FILE *f;
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) return -1;
    if (!(f = fopen(tmp, "w"))) return -1;
    fprintf(f, "%d\n", port);
    if (fclose(f) != 0) return -1;
    return rename(tmp, path);
}

int main(int argc, char **argv) {
    sandbox_opts o;
    const char *port_file = NULL;
    sandbox *sb;
    sigset_t sigs;
    char url[64];
    int i, sig = 0;
    memset(&o, 0, sizeof o);
    for (i = 1; i < argc; i += 2) {                  /* options come in pairs */
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        long n = 0;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { usage(stdout); return 0; }
        if (!v) { usage(stderr); return 2; }
        if (strcmp(a, "--port") == 0 && (n = number_arg(v, 65535)) >= 0) o.port = (int)n;
        else if (strcmp(a, "--token") == 0 && *v) o.token = v;
        else if (strcmp(a, "--rate-limit") == 0 && (n = number_arg(v, 1000000)) >= 0) o.rate_limit = (int)n;
        else if (strcmp(a, "--rate-window") == 0 && (n = number_arg(v, 86400)) > 0) o.rate_window_s = (int)n;
        else if (strcmp(a, "--port-file") == 0 && *v) port_file = v;
        else if (strcmp(a, "--webhook-retry-ms") == 0 && (n = number_arg(v, 600000)) >= 0)
            o.webhook_retry_ms = n ? (int)n : -1;                    /* 0 here means "no pause" */
        else if (strcmp(a, "--webhook-timeout-ms") == 0 && (n = number_arg(v, 600000)) > 0) o.webhook_timeout_ms = (int)n;
        else if (strcmp(a, "--webhook-retries") == 0 && (n = number_arg(v, 100)) >= 0)
            o.webhook_retries = n ? (int)n : -1;                     /* 0 here means "none" */
        else { fprintf(stderr, "sandbox: bad option or value: %s %s\n", a, v); usage(stderr); return 2; }
    }
    /* Block the stop signals before any thread starts, so only sigwait below receives them. */
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    if (!(sb = sandbox_start(&o))) {
        fprintf(stderr, "sandbox: cannot listen on 127.0.0.1:%d\n", o.port);
        return 1;
    }
    if (port_file && write_port_file(port_file, sandbox_port(sb)) != 0) {
        fprintf(stderr, "sandbox: cannot write %s\n", port_file);
        sandbox_stop(sb);
        return 1;
    }
    printf("sandbox listening on %s\n", sandbox_base_url(sb, url, sizeof url));
    fflush(stdout);
    while (sigwait(&sigs, &sig) != 0) {}
    sandbox_stop(sb);
    return 0;
}

/* bench_peer_clickup_js - the 10-page fetch of bench_fetch_decode done by the JavaScript
   client clickup.js (npm), against the same loopback server, compared with clickup.h.

   usage: bench_peer_clickup_js NODE_DIR SCRIPT [RUNS]
     NODE_DIR  where `make bench` ran `npm install --prefix NODE_DIR clickup.js@4`
     SCRIPT    bench/peer_clickup_js.mjs
     RUNS      timed runs of each side (default 7), after 2 warm-ups each

   Setup: bench_server.h serves the ten ~710 KB gen_page.h pages of list 1 (page 9 is the
   last). clickup.h: clickup_tasks_foreach on one client, cache off (as bench_fetch_decode).
   clickup.js: createClickup({request: {prefixUrl: "http://127.0.0.1:PORT/api/"}}) and
   clickup.list.tasks("1", {page}) until last_page, timed inside node (startup excluded).
   Ratio = clickup.js median / clickup.h median.

   Output: peer_clickup_js: 250.3 ms for 10 pages (6.10x of clickup.h's time)
   or      peer_clickup_js: skipped (node not found)            (no node)
           peer_clickup_js: skipped (clickup.js is not installed) (npm missing or offline)
           peer_clickup_js: skipped (REASON from the script)
   No timing is asserted. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

#include "bench_server.h"
#include "bench_util.h"

#define PAGES 10
#define MAX_RUNS 51

static void die(const char *what)
{
    fprintf(stderr, "bench_peer_clickup_js: %s\n", what);
    exit(1);
}

static int skip(const char *why)
{
    printf("peer_clickup_js: skipped (%s)\n", why);
    fflush(stdout);
    return 0;
}

static int on_page(void *user, const clickup_tasks *page)
{
    *(size_t *)user += page->count;
    return 0;
}

/* clickup.h's median over `runs` 10-page walks (after 2 warm-ups) */
static double ours(const char *base, int runs)
{
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_task_query q;
    double t[MAX_RUNS];
    int i;
    clickup_config_init(&cfg);
    cfg.token = "pk_bench_peer_js";
    cfg.team_id = "1";
    cfg.base_url = base;
    cfg.disable_cache = 1;
    cfg.rate_limit = 100000;
    cfg.rate_window_ms = 1000;
    if (clickup_client_create(&cfg, &cu) != CLICKUP_OK) die("clickup_client_create failed");
    memset(&q, 0, sizeof q);
    q.list_id = "1";
    for (i = -2; i < runs; i++) {
        size_t n = 0;
        double t0 = bench_now_ms();
        clickup_result rc = clickup_tasks_foreach(cu, &q, on_page, &n, NULL);
        t0 = bench_now_ms() - t0;
        if (rc != CLICKUP_OK || n != PAGES * 100) die("clickup.h did not fetch the 1000 tasks");
        if (i >= 0) t[i] = t0;
    }
    clickup_client_destroy(cu);
    return bench_median(t, runs);
}

/* a path that can go between single quotes in a shell command */
static int shell_safe(const char *s)
{
    return s && *s && !strchr(s, '\'') && strlen(s) < 1024;
}

int main(int argc, char **argv)
{
    char cmd[4096], line[1024], modpath[1200], base[128], prefix[128];
    bench_server_opts so;
    bench_server *srv;
    FILE *f;
    double ms_ours, ms_js = 0;
    long tasks = 0, pages = 0;
    int runs = argc > 3 ? atoi(argv[3]) : 7, got = 0;
    char why[1024];

    if (argc < 3 || runs < 1 || runs > MAX_RUNS) {
        fprintf(stderr, "usage: bench_peer_clickup_js NODE_DIR SCRIPT [RUNS 1-%d]\n", MAX_RUNS);
        return 2;
    }
    if (!shell_safe(argv[1]) || !shell_safe(argv[2])) die("paths with a single quote are not supported");
    signal(SIGPIPE, SIG_IGN);

    /* node present? */
    f = popen("node --version 2>/dev/null", "r");
    if (!f || !fgets(line, sizeof line, f) || line[0] != 'v') {
        if (f) pclose(f);
        return skip("node not found");
    }
    pclose(f);
    snprintf(modpath, sizeof modpath, "%s/node_modules/clickup.js", argv[1]);
    snprintf(cmd, sizeof cmd, "%s/package.json", modpath);
    if (!(f = fopen(cmd, "r"))) return skip("clickup.js is not installed: npm missing or the registry unreachable");
    fclose(f);

    memset(&so, 0, sizeof so);
    so.pages = PAGES;
    if (!(srv = bench_server_start(&so))) die("cannot start the loopback server");
    bench_server_base_url(srv, base, sizeof base);
    snprintf(prefix, sizeof prefix, "http://127.0.0.1:%d/api/", srv->port);
    if (clickup_global_init() != CLICKUP_OK) die("clickup_global_init failed");

    ms_ours = ours(base, runs);

    snprintf(cmd, sizeof cmd, "node '%s' '%s' '%s' %d 2>&1", argv[2], prefix, modpath, runs);
    why[0] = '\0';
    if (!(f = popen(cmd, "r"))) die("popen failed");
    while (fgets(line, sizeof line, f)) {
        char ver[64];
        line[strcspn(line, "\r\n")] = '\0';
        if (sscanf(line, "RESULT %lf %ld %ld %63s", &ms_js, &tasks, &pages, ver) == 4) got = 1;
        else if (strncmp(line, "SKIP ", 5) == 0) snprintf(why, sizeof why, "%s", line + 5);
        else if (bench_verbose() || !why[0]) fprintf(stderr, "bench_peer_clickup_js: node: %s\n", line);
        if (got && bench_verbose())
            fprintf(stderr, "bench_peer_clickup_js: clickup.js %s: median %.2f ms; clickup.h median %.2f ms\n", ver,
                    ms_js, ms_ours);
    }
    pclose(f);
    clickup_global_cleanup();
    bench_server_stop(srv);

    if (!got) return skip(why[0] ? why : "the node script gave no result");
    if (tasks != PAGES * 100 || pages != PAGES) return skip("clickup.js did not see 10 pages of 100 tasks");
    printf("peer_clickup_js: %.1f ms for %d pages (%.2fx of clickup.h's time)\n", ms_js, PAGES, ms_js / ms_ours);
    fflush(stdout);
    return 0;
}

/* bench_fetch_decode - fetch 10 pages x 100 tasks over loopback HTTP and decode them:
   clickup.h (typed tasks) against a hand-written libcurl + cJSON program (DOM only).

   usage: bench_fetch_decode [RUNS]      (default 11)

   Setup: bench_server.h on 127.0.0.1 serves GET /api/v2/list/1/task?page=N with the realistic
   ~710 KB pages of gen_page.h (page 9 says "last_page":true), no rate limit; keep-alive.
     ours  clickup_tasks_foreach over list 1 on one client (cache off: cfg.disable_cache = 1;
           limiter set wide open), so each run is 10 GETs, each page parsed and decoded into
           clickup_task structs, handed to the callback and freed.
     peer  one reused libcurl easy handle, 10 GETs (page=0..9) into a reused growing buffer, and
           cJSON_ParseWithLength + cJSON_Delete of each page. Nothing else.
   Both are warmed up twice (connection open, buffers grown), then RUNS timed runs, alternating
   ours and peer; the median of each is reported. Ratio = our time / peer time (target <= 1).

   Output: fetch_decode: 41.2 ms for 10 pages (0.93x of libcurl+cJSON)
   No timing is asserted. BENCH_VERBOSE=1 adds details on stderr. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <curl/curl.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

#include "bench_server.h"
#include "bench_util.h"

#define PAGES 10
#define MAX_RUNS 101

static void die(const char *what)
{
    fprintf(stderr, "bench_fetch_decode: %s\n", what);
    exit(1);
}

/* ---- ours ---------------------------------------------------------------------------------- */
typedef struct walk { size_t tasks, pages, named; } walk;

static int on_page(void *user, const clickup_tasks *page)
{
    walk *w = (walk *)user;
    size_t i;
    w->pages++;
    w->tasks += page->count;
    for (i = 0; i < page->count; i++) w->named += page->items[i].name[0] != '\0';
    return 0;
}

static double run_ours(clickup_client *cu, walk *w)
{
    clickup_task_query q;
    clickup_tasks stats;
    clickup_result rc;
    double t0;
    memset(&q, 0, sizeof q);
    q.list_id = "1";
    memset(w, 0, sizeof *w);
    t0 = bench_now_ms();
    rc = clickup_tasks_foreach(cu, &q, on_page, w, &stats);
    t0 = bench_now_ms() - t0;
    if (rc != CLICKUP_OK) {
        fprintf(stderr, "bench_fetch_decode: clickup_tasks_foreach: %s (%s)\n", clickup_strerror(rc),
                clickup_last_error(cu)->message);
        exit(1);
    }
    return t0;
}

/* ---- peer: libcurl + cJSON ----------------------------------------------------------------- */
typedef struct peer {
    CURL  *h;
    struct curl_slist *hdrs;
    char  *buf;
    size_t len, cap;
    char   base[128];
} peer;

static size_t peer_write(char *data, size_t size, size_t nmemb, void *user)
{
    peer *p = (peer *)user;
    size_t n = size * nmemb;
    return bench_append(&p->buf, &p->len, &p->cap, data, n) ? n : 0;
}

static double run_peer(peer *p, long *tasks)
{
    char url[256];
    int page;
    double t0 = bench_now_ms();
    for (page = 0; page < PAGES; page++) {
        cJSON *root;
        long status = 0;
        snprintf(url, sizeof url, "%s/list/1/task?page=%d", p->base, page);
        curl_easy_setopt(p->h, CURLOPT_URL, url);
        p->len = 0;
        if (curl_easy_perform(p->h) != CURLE_OK) die("peer: curl_easy_perform failed");
        curl_easy_getinfo(p->h, CURLINFO_RESPONSE_CODE, &status);
        if (status != 200) die("peer: HTTP status is not 200");
        root = cJSON_ParseWithLength(p->buf, p->len);
        if (!root) die("peer: cJSON_ParseWithLength failed");
        if (tasks) *tasks += cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "tasks"));
        cJSON_Delete(root);
    }
    return bench_now_ms() - t0;
}

int main(int argc, char **argv)
{
    bench_server_opts so;
    bench_server *srv;
    clickup_config cfg;
    clickup_client *cu = NULL;
    peer p;
    walk w;
    char base[128];
    double ours[MAX_RUNS], theirs[MAX_RUNS], mo, mp;
    int runs = argc > 1 ? atoi(argv[1]) : 11, i;
    long ptasks = 0;

    if (runs < 1 || runs > MAX_RUNS) { fprintf(stderr, "usage: bench_fetch_decode [RUNS 1-%d]\n", MAX_RUNS); return 2; }
    signal(SIGPIPE, SIG_IGN);
    memset(&so, 0, sizeof so);
    so.pages = PAGES;
    if (!(srv = bench_server_start(&so))) die("cannot start the loopback server");
    bench_server_base_url(srv, base, sizeof base);
    if (clickup_global_init() != CLICKUP_OK) die("clickup_global_init failed");

    clickup_config_init(&cfg);
    cfg.token = "pk_bench_fetch";
    cfg.team_id = "1";
    cfg.base_url = base;
    cfg.disable_cache = 1;
    cfg.rate_limit = 100000;
    cfg.rate_window_ms = 1000;
    if (clickup_client_create(&cfg, &cu) != CLICKUP_OK) die("clickup_client_create failed");

    memset(&p, 0, sizeof p);
    snprintf(p.base, sizeof p.base, "%s", base);
    if (!(p.h = curl_easy_init())) die("curl_easy_init failed");
    p.hdrs = curl_slist_append(NULL, "Authorization: pk_bench_peer");
    curl_easy_setopt(p.h, CURLOPT_HTTPHEADER, p.hdrs);
    curl_easy_setopt(p.h, CURLOPT_WRITEFUNCTION, peer_write);
    curl_easy_setopt(p.h, CURLOPT_WRITEDATA, &p);
    curl_easy_setopt(p.h, CURLOPT_NOSIGNAL, 1L);

    /* warm-ups, with checks */
    for (i = 0; i < 2; i++) {
        run_ours(cu, &w);
        if (w.pages != PAGES || w.tasks != PAGES * 100 || w.named != w.tasks) die("clickup.h did not see 10 pages of 100 named tasks");
        ptasks = 0;
        run_peer(&p, &ptasks);
        if (ptasks != PAGES * 100) die("peer did not see 1000 tasks");
    }
    for (i = 0; i < runs; i++) {
        ours[i] = run_ours(cu, &w);
        theirs[i] = run_peer(&p, NULL);
    }
    mo = bench_median(ours, runs);
    mp = bench_median(theirs, runs);
    if (bench_verbose()) {
        size_t bytes = 0;
        int k;
        for (k = 0; k < PAGES; k++) bytes += srv->page_len[k];
        fprintf(stderr, "bench_fetch_decode: %d runs; clickup.h median %.2f ms (min %.2f, max %.2f), "
                "libcurl+cJSON median %.2f ms (min %.2f, max %.2f); %.1f MB per run\n",
                runs, mo, ours[0], ours[runs - 1], mp, theirs[0], theirs[runs - 1], (double)bytes / 1e6);
    }
    printf("fetch_decode: %.1f ms for %d pages (%.2fx of libcurl+cJSON)\n", mo, PAGES, mo / mp);
    fflush(stdout);

    curl_slist_free_all(p.hdrs);
    curl_easy_cleanup(p.h);
    free(p.buf);
    clickup_client_destroy(cu);
    clickup_global_cleanup();
    bench_server_stop(srv);
    return 0;
}

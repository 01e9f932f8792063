/* bench_engine_overhead - CPU time per request that clickup.h's engine spends outside the
   network: a GET answered from the cache, a GET over loopback, and a bare libcurl easy GET of
   the same URL for comparison.

   usage: bench_engine_overhead [RUNS]      (default 11)

   Setup: bench_server.h on 127.0.0.1 answers GET /api/v2/team/1/space (a ~600-byte spaces
   document). Its rate limit is set out of reach (1,000,000 per 1 s window, so its
   X-RateLimit-Limit header never lowers the client's limit); the client has rate_limit 100000
   (CLICKUP__LIMIT_MAX) per 1000 ms window, so the limiter takes a slot for every uncached
   request but never makes one wait. Keep-alive everywhere (the server counts its connections).
     cached    clickup_call GET /team/{team_id}/space (a cached operation: its route's class is
               TEAM), after one call filled the cache: N_CACHED calls, each checked from_cache.
               This is the whole raw-call path: request built and validated, cache lookup,
               response arena, JSON parse of the body, free.
     uncached  the same clickup_call with CLICKUP_NO_CACHE: N_NET calls over loopback through the
               engine (limiter, multi handle, classification, response parse, metrics).
     bare      one reused libcurl easy handle, same URL and an Authorization header, body
               appended to a reused buffer, status checked: N_NET calls. Nothing else.
   What is measured: CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID, user + system)
   per request. The loopback server runs in other threads of this process, so its CPU is not
   counted; time spent blocked waiting for the answer is not CPU time either. So the figures are
   what a request costs the caller's core, not its latency. Each program is warmed up, then RUNS
   rounds run cached, uncached and bare in turn; the median of each is reported.
   Ratio = uncached / bare (what the engine adds over plain libcurl; target: close to 1).

   Output: engine_overhead: cached GET 1.9 us/request, uncached GET over loopback 41.0 us/request,
           bare libcurl easy GET 35.2 us/request (uncached/bare = 1.16x)      (one line)
   No timing is asserted. BENCH_VERBOSE=1 adds wall-clock figures and connection counts. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

#include "bench_server.h"
#include "bench_util.h"

#define N_CACHED 20000
#define N_NET    2000
#define MAX_RUNS 51

static void die(const char *what)
{
    fprintf(stderr, "bench_engine_overhead: %s\n", what);
    exit(1);
}

/* ---- ours: the raw call -------------------------------------------------------------------- */
static size_t g_body_len;   /* length of the spaces document, from the first answer */

static void call_once(clickup_client *cu, const clickup_request *rq, int want_cache)
{
    clickup_response *r = NULL;
    clickup_result rc = clickup_call(cu, rq, &r);
    if (rc != CLICKUP_OK) {
        fprintf(stderr, "bench_engine_overhead: clickup_call: %s (%s)\n", clickup_strerror(rc),
                clickup_last_error(cu)->message);
        exit(1);
    }
    if (r->status != 200 || r->from_cache != want_cache || !r->json || r->body_len != g_body_len)
        die(want_cache ? "a cached call was not answered from the cache" : "an uncached call came from the cache");
    clickup_response_free(r);
}

/* CPU microseconds per call of n calls */
static double run_ours(clickup_client *cu, const clickup_request *rq, int want_cache, int n, double *wall_us)
{
    double c0, w0;
    int i;
    w0 = bench_now_ms();
    c0 = bench_thread_cpu_us();
    for (i = 0; i < n; i++) call_once(cu, rq, want_cache);
    c0 = bench_thread_cpu_us() - c0;
    if (wall_us) *wall_us = (bench_now_ms() - w0) * 1e3 / n;
    return c0 / n;
}

/* ---- bare libcurl ---------------------------------------------------------------------------- */
typedef struct bare {
    CURL  *h;
    struct curl_slist *hdrs;
    char  *buf;
    size_t len, cap;
} bare;

static size_t bare_write(char *data, size_t size, size_t nmemb, void *user)
{
    bare *b = (bare *)user;
    size_t n = size * nmemb;
    return bench_append(&b->buf, &b->len, &b->cap, data, n) ? n : 0;
}

static double run_bare(bare *b, int n, double *wall_us)
{
    double c0, w0;
    int i;
    w0 = bench_now_ms();
    c0 = bench_thread_cpu_us();
    for (i = 0; i < n; i++) {
        long status = 0;
        b->len = 0;
        if (curl_easy_perform(b->h) != CURLE_OK) die("bare: curl_easy_perform failed");
        curl_easy_getinfo(b->h, CURLINFO_RESPONSE_CODE, &status);
        if (status != 200 || b->len != g_body_len) die("bare: unexpected answer");
    }
    c0 = bench_thread_cpu_us() - c0;
    if (wall_us) *wall_us = (bench_now_ms() - w0) * 1e3 / n;
    return c0 / n;
}

int main(int argc, char **argv)
{
    bench_server_opts so;
    bench_server *srv;
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_request cached, uncached;
    clickup_response *first = NULL;
    bare b;
    char base[128], url[192];
    double c[MAX_RUNS], u[MAX_RUNS], p[MAX_RUNS], uw[MAX_RUNS], pw[MAX_RUNS];
    double mc, mu, mp;
    long conns_before, conns_ours, conns_bare;
    int runs = argc > 1 ? atoi(argv[1]) : 11, i;

    if (runs < 1 || runs > MAX_RUNS) { fprintf(stderr, "usage: bench_engine_overhead [RUNS 1-%d]\n", MAX_RUNS); return 2; }
    signal(SIGPIPE, SIG_IGN);
    if (bench_thread_cpu_us() < 0) die("CLOCK_THREAD_CPUTIME_ID is not available");
    memset(&so, 0, sizeof so);
    so.pages = 1;                       /* task pages are not used here */
    so.rate_limit = 1000000;            /* never reached, and its header never lowers ours */
    so.rate_window_s = 1;
    if (!(srv = bench_server_start(&so))) die("cannot start the loopback server");
    bench_server_base_url(srv, base, sizeof base);
    snprintf(url, sizeof url, "%s/team/1/space", base);
    if (clickup_global_init() != CLICKUP_OK) die("clickup_global_init failed");

    clickup_config_init(&cfg);
    cfg.token = "pk_bench_engine";
    cfg.team_id = "1";
    cfg.base_url = base;
    cfg.rate_limit = 100000;            /* CLICKUP__LIMIT_MAX: the limiter never waits */
    cfg.rate_window_ms = 1000;
    if (clickup_client_create(&cfg, &cu) != CLICKUP_OK) die("clickup_client_create failed");

    memset(&cached, 0, sizeof cached);
    cached.method = "GET";
    cached.path = "/team/{team_id}/space";
    uncached = cached;
    uncached.flags = CLICKUP_NO_CACHE;

    memset(&b, 0, sizeof b);
    if (!(b.h = curl_easy_init())) die("curl_easy_init failed");
    b.hdrs = curl_slist_append(NULL, "Authorization: pk_bench_bare");
    curl_easy_setopt(b.h, CURLOPT_URL, url);
    curl_easy_setopt(b.h, CURLOPT_HTTPHEADER, b.hdrs);
    curl_easy_setopt(b.h, CURLOPT_WRITEFUNCTION, bare_write);
    curl_easy_setopt(b.h, CURLOPT_WRITEDATA, &b);
    curl_easy_setopt(b.h, CURLOPT_NOSIGNAL, 1L);

    /* the first call fills the cache and tells the body's length */
    if (clickup_call(cu, &cached, &first) != CLICKUP_OK || !first || first->from_cache || first->status != 200)
        die("the first GET /team/1/space failed");
    g_body_len = first->body_len;
    clickup_response_free(first);

    /* warm-ups: connections open, buffers and pools grown */
    conns_before = bench_server_connections(srv);
    run_ours(cu, &cached, 1, N_CACHED / 10, NULL);
    run_ours(cu, &uncached, 0, N_NET / 10, NULL);
    conns_ours = bench_server_connections(srv);
    run_bare(&b, N_NET / 10, NULL);
    conns_bare = bench_server_connections(srv);

    for (i = 0; i < runs; i++) {
        c[i] = run_ours(cu, &cached, 1, N_CACHED, NULL);
        u[i] = run_ours(cu, &uncached, 0, N_NET, &uw[i]);
        p[i] = run_bare(&b, N_NET, &pw[i]);
    }
    mc = bench_median(c, runs);
    mu = bench_median(u, runs);
    mp = bench_median(p, runs);
    if (bench_verbose()) {
        clickup_metrics m;
        clickup_metrics_get(cu, &m);
        fprintf(stderr, "bench_engine_overhead: %d runs; CPU us/request median (min, max): cached %.2f (%.2f, %.2f), "
                "uncached %.2f (%.2f, %.2f), bare %.2f (%.2f, %.2f); wall us/request median: uncached %.1f, bare %.1f; "
                "body %lu bytes\n", runs, mc, c[0], c[runs - 1], mu, u[0], u[runs - 1], mp, p[0], p[runs - 1],
                bench_median(uw, runs), bench_median(pw, runs), (unsigned long)g_body_len);
        fprintf(stderr, "bench_engine_overhead: connections: %ld before the warm-ups, %ld after ours, %ld after bare, "
                "%ld at the end; clickup.h: %llu requests, %llu cache hits, %llu ms limiter wait, %llu retries\n",
                conns_before, conns_ours, conns_bare, bench_server_connections(srv), (unsigned long long)m.requests,
                (unsigned long long)m.cache_hits, (unsigned long long)m.limiter_wait_ms, (unsigned long long)m.retries);
    }
    {
        clickup_metrics m;
        clickup_metrics_get(cu, &m);
        if (m.limiter_wait_ms || m.retries || m.responses_429) die("the limiter waited or a request was retried: the figure would include waits");
    }
    if (bench_server_connections(srv) > conns_bare) die("a connection was opened after the warm-ups: keep-alive is not working");
    printf("engine_overhead: cached GET %.1f us/request, uncached GET over loopback %.1f us/request, "
           "bare libcurl easy GET %.1f us/request (uncached/bare = %.2fx)\n", mc, mu, mp, mu / mp);
    fflush(stdout);

    curl_slist_free_all(b.hdrs);
    curl_easy_cleanup(b.h);
    free(b.buf);
    clickup_client_destroy(cu);
    clickup_global_cleanup();
    bench_server_stop(srv);
    return 0;
}

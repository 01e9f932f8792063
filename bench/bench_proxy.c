/* bench_proxy - latency the proxy (examples/clickup_proxy.c) adds to a request over loopback,
   against calling the library directly, in the same run and against the same server.

   usage: bench_proxy PROXY_BINARY [RUNS]      (default RUNS 7)

   Setup: bench_server.h on 127.0.0.1 answers GET /api/v2/team/1/space (a ~600-byte spaces
   document; rate limit out of reach: 1,000,000 per 1 s window). The proxy runs as a child
   process (--listen 127.0.0.1:0, a key file of ours, its log on /dev/null) with
   CLICKUP_BASE_URL = that server, CLICKUP_RATE_LIMIT=100000 per 1 s window (its limiter takes a
   slot per uncached request but never waits), no other CLICKUP_* setting.
     direct  clickup_call GET /team/{team_id}/space on a client of our own pointed at the server
             (rate limit 100000 per 1 s): cached = answered from the client's cache; uncached =
             CLICKUP_NO_CACHE, over loopback to the server.
     proxy   one reused libcurl easy handle (keep-alive), GET http://127.0.0.1:PORT/api/v2/team/1/space
             with "Authorization: Bearer KEY", as a tool in any language would send it: cached =
             answered from the proxy's cache (X-Clickup-Cache: hit, checked); uncached = with
             "Cache-Control: no-cache", so the proxy's client goes to the server.
   What is measured: wall-clock time per request (the proxy's work happens in another process,
   so CPU time of this thread would not show it), mean of N requests per round; RUNS rounds of
   the four in turn after a warm-up, the median round reported. Overhead = proxy - direct: the
   extra loopback hop, HTTP parsing on both sides of it, the hand-over to the proxy's engine
   thread and back, and the proxy's log line.

   Output (one line):
     proxy_overhead: +95.1 us per cached GET (proxy 98.0 us vs library 2.9 us), +120.4 us per
     uncached GET (proxy 260.3 us vs library 139.9 us), over loopback
   or "proxy_overhead: skipped (...)" (exit 0) when PROXY_BINARY is not an executable (the proxy
   needs libmicrohttpd to build). No timing is asserted. BENCH_VERBOSE=1 adds every round. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <curl/curl.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

#include "bench_server.h"
#include "bench_util.h"

#define N_CACHED 2000
#define N_NET    1000
#define MAX_RUNS 31
#define PROXY_KEY "bench-proxy-key-0123456789abcdef"

static pid_t g_proxy = -1;
static char g_dir[64];

static void cleanup(void)
{
    char path[128];
    if (g_proxy > 0) {
        kill(g_proxy, SIGTERM);
        waitpid(g_proxy, NULL, 0);
        g_proxy = -1;
    }
    if (g_dir[0]) {
        snprintf(path, sizeof path, "%s/key", g_dir); unlink(path);
        snprintf(path, sizeof path, "%s/port", g_dir); unlink(path);
        rmdir(g_dir);
        g_dir[0] = '\0';
    }
}

static void die(const char *what)
{
    fprintf(stderr, "bench_proxy: %s\n", what);
    cleanup();
    exit(1);
}

/* ---- the proxy, as a child process ----------------------------------------------------------- */
extern char **environ;

static int start_proxy(const char *bin, const char *base)
{
    static char rate[] = "CLICKUP_RATE_LIMIT=100000", window[] = "CLICKUP_RATE_WINDOW_S=1",
                token[] = "CLICKUP_API_TOKEN=pk_bench_proxy";
    char key[128], port[128], base_env[256], **env;
    char *args[8];
    FILE *f;
    int fd, p = 0, tries;
    size_t i, n = 0;
    snprintf(g_dir, sizeof g_dir, "/tmp/bench_proxy.XXXXXX");
    if (!mkdtemp(g_dir)) { g_dir[0] = '\0'; die("mkdtemp failed"); }
    snprintf(key, sizeof key, "%s/key", g_dir);
    snprintf(port, sizeof port, "%s/port", g_dir);
    if ((fd = open(key, O_WRONLY | O_CREAT | O_EXCL, 0600)) < 0 || write(fd, PROXY_KEY "\n", sizeof PROXY_KEY) != (ssize_t)sizeof PROXY_KEY)
        die("cannot write the key file");
    close(fd);
    /* The environment without any CLICKUP_* of the caller's, plus ours (built before fork: the
       child only calls async-signal-safe functions). */
    for (i = 0; environ[i]; i++) {}
    if (!(env = (char **)calloc(i + 5, sizeof *env))) die("out of memory");
    for (i = 0; environ[i]; i++)
        if (strncmp(environ[i], "CLICKUP_", 8) != 0) env[n++] = environ[i];
    snprintf(base_env, sizeof base_env, "CLICKUP_BASE_URL=%s", base);
    env[n++] = token; env[n++] = base_env; env[n++] = rate; env[n++] = window; env[n] = NULL;
    args[0] = (char *)bin; args[1] = (char *)"--listen"; args[2] = (char *)"127.0.0.1:0";
    args[3] = (char *)"--port-file"; args[4] = port; args[5] = (char *)"--key-file"; args[6] = key; args[7] = NULL;
    if ((g_proxy = fork()) < 0) die("fork failed");
    if (g_proxy == 0) {
        int null = open("/dev/null", O_RDWR);
        if (null >= 0) { dup2(null, 1); dup2(null, 2); }
        execve(bin, args, env);
        _exit(127);
    }
    free(env);
    for (tries = 0; tries < 100; tries++) {                /* at most 10 s */
        if ((f = fopen(port, "r")) != NULL) {
            int got = fscanf(f, "%d", &p);
            fclose(f);
            if (got == 1 && p > 0) return p;
        }
        if (waitpid(g_proxy, NULL, WNOHANG) == g_proxy) { g_proxy = -1; die("the proxy exited at start"); }
        bench_sleep_ms(100);
    }
    die("the proxy did not start within 10 s");
    return 0;
}

/* ---- direct: the library --------------------------------------------------------------------- */
static size_t g_body_len;

static double run_direct(clickup_client *cu, const clickup_request *rq, int want_cache, int n)
{
    double t0 = bench_now_ms();
    int i;
    for (i = 0; i < n; i++) {
        clickup_response *r = NULL;
        if (clickup_call(cu, rq, &r) != CLICKUP_OK || r->status != 200 || r->from_cache != want_cache ||
            r->body_len != g_body_len)
            die(want_cache ? "direct: a cached call was not answered from the cache" : "direct: an uncached call failed");
        clickup_response_free(r);
    }
    return (bench_now_ms() - t0) * 1e3 / n;
}

/* ---- through the proxy: libcurl, as any tool ------------------------------------------------- */
typedef struct client {
    CURL  *h;
    struct curl_slist *cached, *uncached;
    char  *buf;
    size_t len, cap;
    int    hit;                 /* the last answer said X-Clickup-Cache: hit */
} client;

static size_t on_body(char *data, size_t size, size_t nmemb, void *user)
{
    client *c = (client *)user;
    size_t n = size * nmemb;
    return bench_append(&c->buf, &c->len, &c->cap, data, n) ? n : 0;
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *user)
{
    client *c = (client *)user;
    size_t n = size * nmemb;
    if (n >= 19 && strncasecmp(data, "X-Clickup-Cache: hi", 19) == 0) c->hit = 1;
    return n;
}

/* n GETs through the proxy; cached: without Cache-Control, each must be a hit (want_hit) or not. */
static double run_proxy(client *c, int cached, int want_hit, int n)
{
    double t0 = bench_now_ms();
    int i;
    curl_easy_setopt(c->h, CURLOPT_HTTPHEADER, cached ? c->cached : c->uncached);
    for (i = 0; i < n; i++) {
        long status = 0;
        c->len = 0;
        c->hit = 0;
        if (curl_easy_perform(c->h) != CURLE_OK) die("proxy: curl_easy_perform failed");
        curl_easy_getinfo(c->h, CURLINFO_RESPONSE_CODE, &status);
        if (status != 200 || c->len != g_body_len || c->hit != want_hit) {
            fprintf(stderr, "bench_proxy: status %ld, %lu bytes (want %lu), X-Clickup-Cache hit %d (want %d)\n", status,
                    (unsigned long)c->len, (unsigned long)g_body_len, c->hit, want_hit);
            die("proxy: unexpected answer");
        }
    }
    return (bench_now_ms() - t0) * 1e3 / n;
}

/* BENCH_VERBOSE: GET /healthz, which the proxy answers on MHD's thread without its engine: the
   share of the overhead that is the HTTP hop alone. */
static double run_healthz(client *c, const char *url, int n)
{
    double t0 = bench_now_ms();
    int i;
    curl_easy_setopt(c->h, CURLOPT_URL, url);
    for (i = 0; i < n; i++) {
        c->len = 0;
        if (curl_easy_perform(c->h) != CURLE_OK) die("proxy: GET /healthz failed");
    }
    return (bench_now_ms() - t0) * 1e3 / n;
}

int main(int argc, char **argv)
{
    bench_server_opts so;
    bench_server *srv;
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_request cached, uncached;
    clickup_response *first = NULL;
    client c;
    char base[128], url[192];
    double dc[MAX_RUNS], du[MAX_RUNS], pc[MAX_RUNS], pu[MAX_RUNS], mdc, mdu, mpc, mpu;
    long conns;
    int runs = argc > 2 ? atoi(argv[2]) : 7, i, port;

    if (argc < 2 || runs < 1 || runs > MAX_RUNS) {
        fprintf(stderr, "usage: bench_proxy PROXY_BINARY [RUNS 1-%d]\n", MAX_RUNS);
        return 2;
    }
    if (access(argv[1], X_OK) != 0) {
        printf("proxy_overhead: skipped (%s is not built: make %s, which needs libmicrohttpd)\n", argv[1], argv[1]);
        return 0;
    }
    signal(SIGPIPE, SIG_IGN);
    memset(&so, 0, sizeof so);
    so.pages = 1;                       /* task pages are not used here */
    so.rate_limit = 1000000;            /* never reached, and its header never lowers ours */
    so.rate_window_s = 1;
    if (!(srv = bench_server_start(&so))) die("cannot start the loopback server");
    bench_server_base_url(srv, base, sizeof base);
    if (clickup_global_init() != CLICKUP_OK) die("clickup_global_init failed");
    port = start_proxy(argv[1], base);

    clickup_config_init(&cfg);
    cfg.token = "pk_bench_direct";
    cfg.team_id = "1";
    cfg.base_url = base;
    cfg.rate_limit = 100000;            /* the limiter never waits */
    cfg.rate_window_ms = 1000;
    if (clickup_client_create(&cfg, &cu) != CLICKUP_OK) die("clickup_client_create failed");
    memset(&cached, 0, sizeof cached);
    cached.method = "GET";
    cached.path = "/team/{team_id}/space";
    uncached = cached;
    uncached.flags = CLICKUP_NO_CACHE;
    if (clickup_call(cu, &cached, &first) != CLICKUP_OK || !first || first->from_cache || first->status != 200)
        die("the first GET /team/1/space failed");
    g_body_len = first->body_len;
    clickup_response_free(first);

    memset(&c, 0, sizeof c);
    if (!(c.h = curl_easy_init())) die("curl_easy_init failed");
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v2/team/1/space", port);
    c.cached = curl_slist_append(NULL, "Authorization: Bearer " PROXY_KEY);
    c.uncached = curl_slist_append(curl_slist_append(NULL, "Authorization: Bearer " PROXY_KEY), "Cache-Control: no-cache");
    curl_easy_setopt(c.h, CURLOPT_URL, url);
    curl_easy_setopt(c.h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c.h, CURLOPT_WRITEDATA, &c);
    curl_easy_setopt(c.h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c.h, CURLOPT_HEADERDATA, &c);
    curl_easy_setopt(c.h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c.h, CURLOPT_TCP_NODELAY, 1L);

    /* the proxy's cache filled (a miss), then warm-ups: connections open, buffers grown */
    run_proxy(&c, 1, 0, 1);
    run_direct(cu, &cached, 1, N_CACHED / 10);
    run_direct(cu, &uncached, 0, N_NET / 10);
    run_proxy(&c, 1, 1, N_CACHED / 10);
    run_proxy(&c, 0, 0, N_NET / 10);
    conns = bench_server_connections(srv);

    for (i = 0; i < runs; i++) {
        dc[i] = run_direct(cu, &cached, 1, N_CACHED);
        pc[i] = run_proxy(&c, 1, 1, N_CACHED);
        du[i] = run_direct(cu, &uncached, 0, N_NET);
        pu[i] = run_proxy(&c, 0, 0, N_NET);
        if (bench_verbose())
            fprintf(stderr, "bench_proxy: round %d: cached direct %.1f us, proxy %.1f us; uncached direct %.1f us, "
                    "proxy %.1f us\n", i + 1, dc[i], pc[i], du[i], pu[i]);
    }
    if (bench_verbose()) {
        char health[128];
        double h[MAX_RUNS];
        snprintf(health, sizeof health, "http://127.0.0.1:%d/healthz", port);
        for (i = 0; i < runs; i++) h[i] = run_healthz(&c, health, N_CACHED);
        fprintf(stderr, "bench_proxy: GET /healthz (no engine, no cache): %.1f us per request\n", bench_median(h, runs));
    }
    if (bench_server_connections(srv) > conns) fprintf(stderr, "bench_proxy: note: a connection to the server was opened after the warm-ups\n");
    mdc = bench_median(dc, runs);
    mpc = bench_median(pc, runs);
    mdu = bench_median(du, runs);
    mpu = bench_median(pu, runs);
    printf("proxy_overhead: %+.1f us per cached GET (proxy %.1f us vs library %.1f us), %+.1f us per uncached GET "
           "(proxy %.1f us vs library %.1f us), over loopback\n", mpc - mdc, mpc, mdc, mpu - mdu, mpu, mdu);
    fflush(stdout);

    curl_slist_free_all(c.cached);
    curl_slist_free_all(c.uncached);
    curl_easy_cleanup(c.h);
    free(c.buf);
    clickup_client_destroy(cu);
    cleanup();
    clickup_global_cleanup();
    bench_server_stop(srv);
    return 0;
}

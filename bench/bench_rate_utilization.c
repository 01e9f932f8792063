/* bench_rate_utilization - how much of a fixed-window rate limit a greedy client gets, and how
   many 429s it causes: clickup.h's limiter (sliding log of send times, synced to the
   X-RateLimit-* headers) against the draft's token bucket (capacity N, refilled continuously at
   N per window, no header sync; reliability-and-performance.md section 4.1: it lets ~2N through
   in the first window).

   usage: bench_rate_utilization

   Greedy client: each sends the next request as soon as its own limiter lets it, for the whole
   run. Utilization = requests the server accepted during the run / (windows x N). 429s = the
   server's 429 answers during the run (retries included).

   1. Injected clock (line `rate_utilization`): N = 100 per 20 s window, 10 windows (200 s of
      fake time, no real waiting). The server is an in-process fixed-window model: windows
      aligned to multiples of 20 s of the (fake) Unix clock, the run starts on a boundary; it
      answers X-RateLimit-Limit / -Remaining / -Reset (window end, Unix seconds) on every answer
      and 429 beyond N. Each exchange costs 50 ms of fake time (the server decides at 25 ms).
        clickup.h: a client with cfg.hooks (now_ms / wall_ms / sleep_ms on the fake clock),
                   cfg.transport = the model, cfg.rate_limit = N, cfg.rate_window_ms = W, cache
                   off; it calls clickup_spaces_get in a loop (its own 429 retries included).
        draft:     the draft's RateLimiter.acquire() in C (below), then one exchange; a 429 is
                   counted and the loop goes on (the bucket itself, without the draft's retry).
   2. Real time over HTTP (line `rate_utilization_http`): bench_server.h with N = 20 per 2 s
      window, 5 windows (10 s), counting from a window boundary; clickup.h (libcurl transport,
      real clocks) and the draft bucket (a plain libcurl loop) run at the same time with
      different tokens, so they have separate windows on the server.
   With BENCH_VERBOSE=1, stderr also gets the draft with its own retry policy (a 429 sleeps
   2^attempt s - 1, 2, 4 s - then retries, 3 attempts: section 6.1 of the draft).

   Output:
     rate_utilization: 100.0 % of allowance, 0 x 429 (draft bucket: 99.0 %, 101 x 429)
     rate_utilization_http: 100.0 % of allowance, 0 x 429 (draft bucket: 99.0 %, 21 x 429)
   No timing is asserted. */
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

#include "bench_server.h"
#include "bench_util.h"

static void die(const char *what)
{
    fprintf(stderr, "bench_rate_utilization: %s\n", what);
    exit(1);
}

/* =============================================================================================
   The draft's bucket (section 3.3 of the draft), for both variants.
   tokens start at capacity N; refill = N / window per ms, capped at N; acquire waits
   (1 - tokens) / refill when below one token, then takes one.
   ============================================================================================= */
typedef struct draft_bucket {
    double tokens, max_tokens, refill_per_ms, last_refill;
} draft_bucket;

static void draft_init(draft_bucket *b, int n, double window_ms, double now)
{
    b->tokens = b->max_tokens = n;
    b->refill_per_ms = n / window_ms;
    b->last_refill = now;
}

static void draft_refill(draft_bucket *b, double now)
{
    double t = b->tokens + (now - b->last_refill) * b->refill_per_ms;
    b->tokens = t < b->max_tokens ? t : b->max_tokens;
    b->last_refill = now;
}

/* returns how long to sleep before trying again (0 = a token was taken) */
static double draft_try(draft_bucket *b, double now)
{
    draft_refill(b, now);
    if (b->tokens < 1.0) return (1.0 - b->tokens) / b->refill_per_ms;
    b->tokens -= 1.0;
    return 0.0;
}

/* =============================================================================================
   1. The fixed-window server model on a fake clock
   ============================================================================================= */
#define FAKE_N        100
#define FAKE_WINDOW   20000
#define FAKE_WINDOWS  10
#define FAKE_LATENCY  50

typedef struct model {
    uint64_t now;               /* fake monotonic ms; the run is [0, run_end)           */
    int64_t  wall0;             /* fake Unix ms at now == 0, a multiple of the window   */
    int      limit, window_ms;
    int64_t  win;
    int      used;
    uint64_t run_end;
    long     accepted, rejected, exchanges;
    char     lim[16], rem[16], reset[24];
} model;

static void model_init(model *m)
{
    memset(m, 0, sizeof *m);
    m->wall0 = 1700000000000LL - 1700000000000LL % FAKE_WINDOW;
    m->limit = FAKE_N;
    m->window_ms = FAKE_WINDOW;
    m->win = -1;
    m->run_end = (uint64_t)FAKE_WINDOWS * FAKE_WINDOW;
}

/* One exchange: half the latency out, the server decides, half back. Returns the status. */
static int model_exchange(model *m)
{
    int64_t wall, win;
    int status, counting;
    m->now += FAKE_LATENCY / 2;
    m->exchanges++;
    wall = m->wall0 + (int64_t)m->now;
    win = wall / m->window_ms;
    if (win != m->win) { m->win = win; m->used = 0; }
    counting = m->now < m->run_end;
    if (m->used >= m->limit) {
        status = 429;
        if (counting) m->rejected++;
    } else {
        status = 200;
        m->used++;
        if (counting) m->accepted++;
    }
    snprintf(m->lim, sizeof m->lim, "%d", m->limit);
    snprintf(m->rem, sizeof m->rem, "%d", m->limit - m->used);
    snprintf(m->reset, sizeof m->reset, "%lld", (long long)((win + 1) * m->window_ms / 1000));
    m->now += FAKE_LATENCY - FAKE_LATENCY / 2;
    return status;
}

static uint64_t fk_now(void *u) { return ((model *)u)->now; }
static int64_t fk_wall(void *u) { model *m = (model *)u; return m->wall0 + (int64_t)m->now; }
static void fk_sleep(void *u, uint64_t ms) { ((model *)u)->now += ms; }
static uint64_t fk_rand(void *u) { (void)u; return 0x9E3779B97F4A7C15ULL; }

static const char spaces_body[] = "{\"spaces\":[{\"id\":\"790\",\"name\":\"Client A\",\"statuses\":[]}]}";
static const char limited_body[] = "{\"err\":\"Rate limit reached\",\"ECODE\":\"APP_002\"}";

static clickup_transport_status fk_transport(void *u, const clickup_http_request *rq, clickup_http_response *r)
{
    model *m = (model *)u;
    (void)rq;
    memset(r, 0, sizeof *r);
    r->status = model_exchange(m);
    r->body = r->status == 200 ? spaces_body : limited_body;
    r->body_len = strlen(r->body);
    r->rate_limit = m->lim;
    r->rate_remaining = m->rem;
    r->rate_reset = m->reset;
    return CLICKUP_TRANSPORT_OK;
}

typedef struct result { double util; long r429, failed; } result;

static result fake_clickup(void)
{
    model m;
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_spaces_opts so;
    result res;
    memset(&res, 0, sizeof res);
    model_init(&m);
    clickup_config_init(&cfg);
    cfg.token = "pk_bench_rate";
    cfg.team_id = "9001";
    cfg.rate_limit = FAKE_N;
    cfg.rate_window_ms = FAKE_WINDOW;
    cfg.disable_cache = 1;
    cfg.transport = fk_transport;
    cfg.transport_user = &m;
    cfg.hooks.now_ms = fk_now;
    cfg.hooks.wall_ms = fk_wall;
    cfg.hooks.sleep_ms = fk_sleep;
    cfg.hooks.random_u64 = fk_rand;
    cfg.hooks.user = &m;
    if (clickup_client_create(&cfg, &cu) != CLICKUP_OK) die("clickup_client_create failed");
    memset(&so, 0, sizeof so);
    so.flags = CLICKUP_NO_CACHE;
    while (m.now < m.run_end) {
        clickup_spaces *sp = NULL;
        if (clickup_spaces_get(cu, &so, &sp) != CLICKUP_OK) res.failed++;
        clickup_spaces_free(sp);
    }
    if (bench_verbose()) {
        clickup_metrics mt;
        clickup_metrics_get(cu, &mt);
        fprintf(stderr, "bench_rate_utilization: fake clock, clickup.h: %ld accepted, %ld x 429, %ld exchanges, "
                "limiter waited %llu ms, %ld failed calls\n", m.accepted, m.rejected, m.exchanges,
                (unsigned long long)mt.limiter_wait_ms, res.failed);
    }
    clickup_client_destroy(cu);
    res.util = 100.0 * (double)m.accepted / ((double)FAKE_WINDOWS * FAKE_N);
    res.r429 = m.rejected;
    return res;
}

/* the draft on the model: retries = 0 is the bare bucket; 3 = the draft's _request loop */
static result fake_draft(int attempts)
{
    model m;
    draft_bucket b;
    result res;
    memset(&res, 0, sizeof res);
    model_init(&m);
    draft_init(&b, FAKE_N, FAKE_WINDOW, 0.0);
    while (m.now < m.run_end) {
        int attempt, ok = 0;
        for (attempt = 0; attempt < (attempts ? attempts : 1); attempt++) {
            double wait;
            while ((wait = draft_try(&b, (double)m.now)) > 0.0) m.now += (uint64_t)ceil(wait);
            if (model_exchange(&m) == 200) { ok = 1; break; }
            if (attempts) m.now += (uint64_t)1000 << attempt;      /* asyncio.sleep(2 ** attempt) */
        }
        if (!ok) res.failed++;
    }
    res.util = 100.0 * (double)m.accepted / ((double)FAKE_WINDOWS * FAKE_N);
    res.r429 = m.rejected;
    return res;
}

/* =============================================================================================
   2. Real time over HTTP
   ============================================================================================= */
#define HTTP_N        20
#define HTTP_WINDOW_S 2
#define HTTP_WINDOWS  5

typedef struct http_run {
    const char *base, *token;
    double      end_ms;           /* wall clock */
    int         attempts;         /* draft: 0 = bare bucket, 3 = with the draft's retries */
    long        failed, sent;
} http_run;

static void *http_clickup(void *arg)
{
    http_run *r = (http_run *)arg;
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_spaces_opts so;
    clickup_config_init(&cfg);
    cfg.token = r->token;
    cfg.team_id = "9001";
    cfg.base_url = r->base;
    cfg.rate_limit = HTTP_N;
    cfg.rate_window_ms = HTTP_WINDOW_S * 1000;
    cfg.disable_cache = 1;
    if (clickup_client_create(&cfg, &cu) != CLICKUP_OK) die("clickup_client_create failed");
    memset(&so, 0, sizeof so);
    so.flags = CLICKUP_NO_CACHE;
    while (bench_wall_ms() < r->end_ms) {
        clickup_spaces *sp = NULL;
        if (clickup_spaces_get(cu, &so, &sp) != CLICKUP_OK) {
            r->failed++;
            if (r->failed > 1000) break;
        }
        clickup_spaces_free(sp);
        r->sent++;
    }
    clickup_client_destroy(cu);
    return NULL;
}

static size_t discard(char *d, size_t s, size_t n, void *u) { (void)d; (void)u; return s * n; }

static void *http_draft(void *arg)
{
    http_run *r = (http_run *)arg;
    draft_bucket b;
    char url[256], auth[128];
    struct curl_slist *h;
    CURL *c = curl_easy_init();
    if (!c) die("curl_easy_init failed");
    snprintf(url, sizeof url, "%s/team/9001/space", r->base);
    snprintf(auth, sizeof auth, "Authorization: %s", r->token);
    h = curl_slist_append(NULL, auth);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    draft_init(&b, HTTP_N, HTTP_WINDOW_S * 1000.0, bench_now_ms());
    while (bench_wall_ms() < r->end_ms) {
        int attempt, ok = 0;
        for (attempt = 0; attempt < (r->attempts ? r->attempts : 1); attempt++) {
            double wait;
            long status = 0;
            while ((wait = draft_try(&b, bench_now_ms())) > 0.0) bench_sleep_ms(wait);
            if (curl_easy_perform(c) != CURLE_OK) { r->failed++; break; }
            r->sent++;
            curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
            if (status == 200) { ok = 1; break; }
            if (r->attempts) bench_sleep_ms(1000.0 * (double)(1 << attempt));
        }
        if (!ok && r->failed > 1000) break;
    }
    curl_slist_free_all(h);
    curl_easy_cleanup(c);
    return NULL;
}

int main(void)
{
    result cu, dr, drr, hcu, hdr, hdrr;
    bench_server_opts so;
    bench_server *srv;
    char base[128];
    http_run rc, rd, rdr;
    pthread_t tc, td, tdr;
    double start, end;
    long acc, rej;

    signal(SIGPIPE, SIG_IGN);
    if (clickup_global_init() != CLICKUP_OK) die("clickup_global_init failed");

    /* 1. fake clock */
    cu = fake_clickup();
    dr = fake_draft(0);
    drr = fake_draft(3);
    printf("rate_utilization: %.1f %% of allowance, %ld x 429 (draft bucket: %.1f %%, %ld x 429)\n",
           cu.util, cu.r429, dr.util, dr.r429);
    fflush(stdout);
    if (bench_verbose())
        fprintf(stderr, "bench_rate_utilization: fake clock, %d per %d s, %d windows; the draft with its "
                "1-2-4 s retry on 429: %.1f %%, %ld x 429, %ld calls failed\n",
                FAKE_N, FAKE_WINDOW / 1000, FAKE_WINDOWS, drr.util, drr.r429, drr.failed);

    /* 2. real time over HTTP */
    memset(&so, 0, sizeof so);
    so.pages = 1;
    so.tasks_per_page = 1;
    so.rate_limit = HTTP_N;
    so.rate_window_s = HTTP_WINDOW_S;
    if (!(srv = bench_server_start(&so))) die("cannot start the loopback server");
    bench_server_base_url(srv, base, sizeof base);
    start = bench_wall_ms();
    start = (floor(start / (HTTP_WINDOW_S * 1000.0)) + 1.0) * HTTP_WINDOW_S * 1000.0;   /* next boundary */
    end = start + HTTP_WINDOWS * HTTP_WINDOW_S * 1000.0;
    bench_server_count_range(srv, start, end);
    memset(&rc, 0, sizeof rc);
    rc.base = base; rc.end_ms = end; rc.token = "pk_bench_rate_clickup";
    rd = rc; rd.token = "pk_bench_rate_draft";
    rdr = rc; rdr.token = "pk_bench_rate_draft_retry"; rdr.attempts = 3;
    bench_sleep_ms(start - bench_wall_ms());
    if (pthread_create(&tc, NULL, http_clickup, &rc)) die("pthread_create failed");
    if (pthread_create(&td, NULL, http_draft, &rd)) die("pthread_create failed");
    if (pthread_create(&tdr, NULL, http_draft, &rdr)) die("pthread_create failed");
    pthread_join(tc, NULL);
    pthread_join(td, NULL);
    pthread_join(tdr, NULL);
    bench_server_token_counts(srv, rc.token, &acc, &rej);
    hcu.util = 100.0 * (double)acc / (HTTP_WINDOWS * HTTP_N); hcu.r429 = rej;
    bench_server_token_counts(srv, rd.token, &acc, &rej);
    hdr.util = 100.0 * (double)acc / (HTTP_WINDOWS * HTTP_N); hdr.r429 = rej;
    bench_server_token_counts(srv, rdr.token, &acc, &rej);
    hdrr.util = 100.0 * (double)acc / (HTTP_WINDOWS * HTTP_N); hdrr.r429 = rej;
    bench_server_stop(srv);
    printf("rate_utilization_http: %.1f %% of allowance, %ld x 429 (draft bucket: %.1f %%, %ld x 429)\n",
           hcu.util, hcu.r429, hdr.util, hdr.r429);
    fflush(stdout);
    if (bench_verbose())
        fprintf(stderr, "bench_rate_utilization: HTTP, %d per %d s, %d windows; clickup.h %ld calls (%ld failed); "
                "the draft with its 1-2-4 s retry on 429: %.1f %%, %ld x 429\n",
                HTTP_N, HTTP_WINDOW_S, HTTP_WINDOWS, rc.sent, rc.failed, hdrr.util, hdrr.r429);
    clickup_global_cleanup();
    return (rc.failed > 1000 || rd.failed > 1000) ? 1 : 0;
}

/* A scripted fake world for the request-engine tests: an injected clock (monotonic and wall),
   sleep and random source, and a scripted transport. Nothing sleeps for real, no socket opens.

   Include it after clickup.h (with CLICKUP_IMPLEMENTATION) and cmocka.h:

       #define CLICKUP_IMPLEMENTATION
       #define CLICKUP_STATIC
       #include "../clickup.h"
       #include <cmocka.h>
       #include "fake_world.h"

   Then register tests with cmocka_unit_test_setup_teardown(test, setup, teardown): *state is a
   fresh world. make_client() builds a client on that world (its clock, its transport, a log
   callback that captures into logbuf). push() appends one scripted answer; when the script
   runs out the world answers with `fallback`. Every exchange is recorded: method, URL, the
   world time it started (at[]) and, for the first 8, the request body.

   Everything here is static and marked unused, so a test file uses what it needs. */
#ifndef CLICKUP_TESTS_FAKE_WORLD_H
#define CLICKUP_TESTS_FAKE_WORLD_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#  define FW_FN static __attribute__((unused))
#else
#  define FW_FN static
#endif

/* ---- a scripted fake world: clock, sleep, transport ------------------------------------------ */
#define MAX_SCRIPT 64
#define MAX_SEEN 4096
typedef struct step {
    clickup_transport_status ts;
    int status;
    const char *body;
    const char *limit, *remaining, *reset, *retry_after;
    int reset_in_s;               /* when > 0: reset = wall now + this, in Unix seconds */
} step;

typedef struct world {
    uint64_t now;                 /* monotonic ms                                    */
    int64_t  wall0;               /* wall ms at now == 0                             */
    uint64_t slept, sleeps;
    step     script[MAX_SCRIPT];
    int      nscript, next;
    step     fallback;            /* used when the script is exhausted               */
    int      seen;
    char     method[MAX_SEEN][8];
    char     url[MAX_SEEN][256];
    uint64_t at[MAX_SEEN];        /* world time (now) when each exchange started     */
    char     body[8][512];
    char     auth[128], ua[128];
    char     reset_buf[32];
    /* optional fixed-window server model */
    int      model_limit, model_window_s, model_used, model_429, model_sent, model_headers;
    int64_t  model_window;
    uint64_t latency;             /* ms each exchange takes                          */
    int      timeout_when_slow;   /* 1: an exchange whose latency exceeds the request's
                                     timeout ends in CLICKUP_TRANSPORT_TIMEOUT (its
                                     scripted answer is used up)                     */
} world;

FW_FN uint64_t w_now(void *u) { return ((world *)u)->now; }
FW_FN int64_t w_wall(void *u) { world *w = (world *)u; return w->wall0 + (int64_t)w->now; }
FW_FN void w_sleep(void *u, uint64_t ms) { world *w = (world *)u; w->now += ms; w->slept += ms; w->sleeps++; }
FW_FN uint64_t w_rand(void *u) { (void)u; return 0x123456789ULL; }

FW_FN clickup_transport_status w_transport(void *u, const clickup_http_request *rq, clickup_http_response *r) {
    world *w = (world *)u;
    const step *s;
    const char *const *h;
    int i = w->seen++;
    int slow = rq->timeout_ms >= 0 && w->latency > (uint64_t)rq->timeout_ms;
    if (i < MAX_SEEN) {
        snprintf(w->method[i], sizeof w->method[i], "%s", rq->method);
        snprintf(w->url[i], sizeof w->url[i], "%s", rq->url);
        w->at[i] = w->now;
        if (i < 8) snprintf(w->body[i], sizeof w->body[i], "%s", rq->body ? rq->body : "");
    }
    for (h = rq->headers; *h; h++) {
        if (strncmp(*h, "Authorization:", 14) == 0) snprintf(w->auth, sizeof w->auth, "%s", *h);
        if (strncmp(*h, "User-Agent:", 11) == 0) snprintf(w->ua, sizeof w->ua, "%s", *h);
    }
    w->now += (long)w->latency < rq->timeout_ms ? w->latency : (uint64_t)rq->timeout_ms;
    if (w->model_limit) {                         /* a fixed-window server, windows on the wall clock */
        int64_t wall_s = w_wall(w) / 1000, win = wall_s / w->model_window_s;
        static char lim[16], rem[16];
        if (win != w->model_window) { w->model_window = win; w->model_used = 0; }
        memset(r, 0, sizeof *r);
        if (w->model_used >= w->model_limit) { r->status = 429; w->model_429++; r->body = "{\"err\":\"Rate limit\",\"ECODE\":\"APP_002\"}"; }
        else { w->model_used++; w->model_sent++; r->status = 200; r->body = "{\"spaces\":[]}"; }
        r->body_len = strlen(r->body);
        if (w->model_headers) {
            snprintf(lim, sizeof lim, "%d", w->model_limit);
            snprintf(rem, sizeof rem, "%d", w->model_limit - w->model_used);
            snprintf(w->reset_buf, sizeof w->reset_buf, "%lld", (long long)((win + 1) * w->model_window_s));
            r->rate_limit = lim; r->rate_remaining = rem; r->rate_reset = w->reset_buf;
        }
        return CLICKUP_TRANSPORT_OK;
    }
    s = w->next < w->nscript ? &w->script[w->next++] : &w->fallback;
    memset(r, 0, sizeof *r);
    if (w->timeout_when_slow && slow) return CLICKUP_TRANSPORT_TIMEOUT;
    r->status = s->status;
    r->body = s->body ? s->body : "{}";
    r->body_len = strlen(r->body);
    r->rate_limit = s->limit; r->rate_remaining = s->remaining; r->rate_reset = s->reset; r->retry_after = s->retry_after;
    if (s->reset_in_s > 0) {
        snprintf(w->reset_buf, sizeof w->reset_buf, "%lld", (long long)(w_wall(w) / 1000 + s->reset_in_s));
        r->rate_reset = w->reset_buf;
    }
    return s->ts;
}

/* Append one scripted answer; returns it so a test can add headers. */
FW_FN step *push(world *w, clickup_transport_status ts, int status, const char *body) {
    step *s = &w->script[w->nscript++];
    memset(s, 0, sizeof *s);
    s->ts = ts; s->status = status; s->body = body;
    return s;
}

#define TOKEN "pk_1234_SECRETSECRETSECRET"
static char logbuf[1 << 16];
static size_t loglen;
FW_FN void capture_log(void *user, clickup_log_level level, const char *line) {
    int n;
    (void)user;
    n = snprintf(logbuf + loglen, sizeof logbuf - loglen, "%d %s\n", (int)level, line);
    if (n > 0 && loglen + (size_t)n < sizeof logbuf) loglen += (size_t)n;
}

FW_FN clickup_client *make_client(world *w, clickup_config *extra) {
    clickup_config cfg;
    clickup_client *c = NULL;
    if (extra) cfg = *extra; else clickup_config_init(&cfg);
    if (!cfg.token) cfg.token = TOKEN;
    if (!cfg.team_id) cfg.team_id = "9001";
    cfg.transport = w_transport; cfg.transport_user = w;
    cfg.hooks.now_ms = w_now; cfg.hooks.wall_ms = w_wall; cfg.hooks.sleep_ms = w_sleep; cfg.hooks.random_u64 = w_rand;
    cfg.hooks.user = w;
    cfg.log = capture_log; cfg.log_level = CLICKUP_LOG_DEBUG;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    return c;
}

FW_FN int setup(void **state) {
    world *w = (world *)calloc(1, sizeof *w);
    w->wall0 = 1800000000000LL;       /* a fixed wall clock: 2027-01-15 */
    w->fallback.ts = CLICKUP_TRANSPORT_OK;
    w->fallback.status = 200;
    w->fallback.body = "{\"spaces\":[]}";
    *state = w;
    loglen = 0;
    logbuf[0] = '\0';
    return 0;
}
FW_FN int teardown(void **state) {
    assert_null(strstr(logbuf, "SECRETSECRET"));       /* no test ever logs the token */
    free(*state);
    return 0;
}

/* ---- a counting allocator: calls, live bytes, the largest single request ------------------- */
#define FW_ALLOC_HDR 16   /* size header; keeps the user pointer 16-aligned */
typedef struct count_alloc {
    unsigned long calls;          /* malloc_fn + realloc_fn calls                            */
    size_t        largest;        /* the largest size asked for in one call                  */
    size_t        outstanding;    /* bytes handed out and not yet freed                      */
    long          blocks;         /* blocks live                                             */
} count_alloc;

FW_FN void *ca_malloc(void *user, size_t size) {
    count_alloc *ca = (count_alloc *)user;
    unsigned char *p;
    ca->calls++;
    if (size > ca->largest) ca->largest = size;
    p = (unsigned char *)malloc(FW_ALLOC_HDR + size);
    if (!p) return NULL;
    memcpy(p, &size, sizeof size);
    ca->outstanding += size;
    ca->blocks++;
    return p + FW_ALLOC_HDR;
}
FW_FN void *ca_realloc(void *user, void *ptr, size_t old_size, size_t new_size) {
    count_alloc *ca = (count_alloc *)user;
    unsigned char *p, *np;
    size_t real_old;
    (void)old_size;
    if (!ptr) return ca_malloc(user, new_size);
    ca->calls++;
    if (new_size > ca->largest) ca->largest = new_size;
    p = (unsigned char *)ptr - FW_ALLOC_HDR;
    memcpy(&real_old, p, sizeof real_old);
    np = (unsigned char *)realloc(p, FW_ALLOC_HDR + new_size);
    if (!np) return NULL;
    memcpy(np, &new_size, sizeof new_size);
    ca->outstanding = ca->outstanding - real_old + new_size;
    return np + FW_ALLOC_HDR;
}
FW_FN void ca_free(void *user, void *ptr) {
    count_alloc *ca = (count_alloc *)user;
    unsigned char *p;
    size_t size;
    if (!ptr) return;
    p = (unsigned char *)ptr - FW_ALLOC_HDR;
    memcpy(&size, p, sizeof size);
    ca->outstanding -= size;
    ca->blocks--;
    free(p);
}
/* An allocator that counts into ca. */
FW_FN clickup_allocator ca_allocator(count_alloc *ca) {
    clickup_allocator a;
    a.malloc_fn = ca_malloc; a.realloc_fn = ca_realloc; a.free_fn = ca_free; a.user = ca;
    return a;
}

#endif /* CLICKUP_TESTS_FAKE_WORLD_H */

/* Regression tests for request-engine and limiter defects. Each test failed on the engine of
   commit 5bd70d4 (the reason is in the comment above it) and states the behaviour that replaced
   it; the two tests of the limiter's own clock (17) use clickup_limiter_create_ex, which 5bd70d4
   did not have, and the third of them shows what went wrong without it. Everything runs in the scripted fake world of fake_world.h: an injected clock, sleep and
   transport, so nothing sleeps for real and no socket is opened.

   Run one test:  build/asan/test_regress_engine test_rate_fail_429_reset_never_sleeps
   (the argument is a cmocka test filter; * and ? are wildcards). */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L     /* sigaction, alarm */
#endif
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <signal.h>
#include <unistd.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include <cmocka.h>

#include "fake_world.h"

#define TASK_BODY                                                                                   \
    "{\"id\":\"86abc123\",\"name\":\"T\",\"status\":{\"status\":\"to do\",\"orderindex\":0,\"type\":\"open\"}," \
    "\"list\":{\"id\":\"2100\"},\"url\":\"https://app.clickup.com/t/86abc123\"}"
static const char TASK_JSON[] = TASK_BODY;
static const char PAGE_JSON[] = "{\"tasks\":[" TASK_BODY "],\"last_page\":true}";

/* Forget the script and what was seen; the clock keeps running. */
static void rewind_world(world *w) {
    w->nscript = w->next = 0;
    w->seen = 0;
    w->slept = w->sleeps = 0;
}

/* ---- a watchdog: a test that would hang fails instead ----------------------------------------
   SIGALRM jumps out through cmocka's fail_msg, as cmocka itself does for SIGSEGV. SA_NODEFER
   keeps SIGALRM unblocked after that jump. */
static void on_alarm(int sig) {
    (void)sig;
    fail_msg("watchdog: the call did not return within its time (an endless loop?)");
}
static void watchdog_arm(unsigned seconds) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
    alarm(seconds);
}
static void watchdog_disarm(void) {
    alarm(0);
    signal(SIGALRM, SIG_DFL);
}

/* A NUL-terminated string within its array. */
#define assert_terminated(arr) \
    do { if (!memchr((arr), '\0', sizeof(arr))) fail_msg("%s is not NUL-terminated within its %u bytes", #arr, (unsigned)sizeof(arr)); } while (0)

/* =============================================================================================
   1. Redaction of a short token. 5bd70d4 replaced each occurrence in place, growing the text
      (a 4-character token becomes the 10 characters of "[redacted]") past the end of the
      256-byte api_message and message arrays, over the fields after them; and a token that
      occurs inside "[redacted]" itself ("e", "d") was found again in its own replacement
      forever.
   ============================================================================================= */
static void test_redact_short_token_does_not_overflow(void **state) {
    world *w = (world *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_task *t = NULL;
    const clickup_error *e;
    char body[640];
    size_t n;
    int i;
    clickup_config_init(&cfg);
    cfg.token = "abcd";
    c = make_client(w, &cfg);

    /* The short echo: room to spare either way. */
    push(w, CLICKUP_TRANSPORT_OK, 400, "{\"err\":\"bad abcd abcd\",\"ECODE\":\"X_1\"}");
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &t), CLICKUP_ERR_VALIDATION);
    e = clickup_last_error(c);
    assert_non_null(strstr(e->api_message, "[redacted]"));
    assert_non_null(strstr(e->message, "[redacted]"));
    assert_null(strstr(e->api_message, "abcd"));
    assert_null(strstr(e->message, "abcd"));

    /* An echo that fills api_message: 50 tokens would need 50 x 10 bytes once redacted. */
    n = (size_t)snprintf(body, sizeof body, "{\"err\":\"");
    for (i = 0; i < 50; i++) n += (size_t)snprintf(body + n, sizeof body - n, "abcd ");
    snprintf(body + n, sizeof body - n, "\",\"ECODE\":\"X_1\"}");
    push(w, CLICKUP_TRANSPORT_OK, 400, body);
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &t), CLICKUP_ERR_VALIDATION);
    e = clickup_last_error(c);
    /* The fields after api_message are intact (5bd70d4 wrote "[redacted]..." over them). */
    if (strcmp(e->method, "GET") != 0 || strcmp(e->path, "/task/86abc123") != 0)
        fail_msg("redaction overflowed api_message: method/path overwritten (method starts \"%.8s\")", e->method);
    assert_int_equal(e->attempts, 1);
    assert_int_equal(e->http_status, 400);
    assert_string_equal(e->ecode, "X_1");
    assert_terminated(e->api_message);
    assert_terminated(e->message);
    assert_non_null(strstr(e->api_message, "[redacted]"));
    assert_non_null(strstr(e->message, "[redacted]"));
    assert_null(strstr(e->api_message, "abcd"));
    assert_null(strstr(e->message, "abcd"));
    assert_null(strstr(logbuf, "abcd"));                 /* nor in any log line */
    clickup_client_destroy(c);
}

static void test_redact_token_inside_marker_terminates(void **state) {
    world *w = (world *)*state;
    static const char *const tokens[] = { "e", "d" };
    size_t k;
    for (k = 0; k < sizeof tokens / sizeof tokens[0]; k++) {
        clickup_config cfg;
        clickup_client *c;
        clickup_task *t = NULL;
        const clickup_error *e;
        clickup_result rc;
        clickup_config_init(&cfg);
        cfg.token = tokens[k];
        c = make_client(w, &cfg);
        rewind_world(w);
        push(w, CLICKUP_TRANSPORT_OK, 400, "{\"err\":\"bad e d\",\"ECODE\":\"X_1\"}");
        watchdog_arm(20);
        rc = clickup_task_get(c, "86abc123", NULL, &t);
        watchdog_disarm();
        assert_int_equal(rc, CLICKUP_ERR_VALIDATION);
        e = clickup_last_error(c);
        assert_string_equal(e->method, "GET");
        assert_string_equal(e->path, "/task/86abc123");
        assert_terminated(e->api_message);
        assert_terminated(e->message);
        assert_non_null(strstr(e->api_message, "[redacted]"));
        assert_non_null(strstr(e->message, "[redacted]"));
        assert_int_equal(w->seen, 1);
        clickup_client_destroy(c);
    }
}

/* =============================================================================================
   2. max_response_bytes = SIZE_MAX means "no cap". In 5bd70d4 the body buffer's capacity was
      clamped to max + 1, which wrapped to 0: the body was copied into a zero-byte buffer.
   ============================================================================================= */
static void test_no_cap_response_size(void **state) {
    world *w = (world *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    static char big[64 * 1024];
    size_t n;
    int i;
    clickup_config_init(&cfg);
    cfg.max_response_bytes = SIZE_MAX;
    cfg.disable_cache = 1;
    c = make_client(w, &cfg);
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"spaces\":[{\"id\":\"790\",\"name\":\"Ops\"}]}");
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
    assert_int_equal(sp->count, 1);
    assert_string_equal(sp->items[0].id, "790");
    assert_string_equal(sp->items[0].name, "Ops");
    clickup_spaces_free(sp);
    /* A body larger than the first buffer, so the buffer grows under "no cap" too. */
    n = (size_t)snprintf(big, sizeof big, "{\"spaces\":[");
    for (i = 0; i < 1500; i++)
        n += (size_t)snprintf(big + n, sizeof big - n, "%s{\"id\":\"%d\",\"name\":\"Space %d\"}", i ? "," : "", 1000 + i, i);
    snprintf(big + n, sizeof big - n, "]}");
    assert_true(strlen(big) > 32768 && strlen(big) < sizeof big - 1);
    push(w, CLICKUP_TRANSPORT_OK, 200, big);
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
    assert_int_equal(sp->count, 1500);
    assert_string_equal(sp->items[1499].id, "2499");
    clickup_spaces_free(sp);
    clickup_client_destroy(c);
}

/* =============================================================================================
   3. A write that may have happened drops the cached pages it may have made stale. 5bd70d4
      invalidated only after a success (or OUTCOME_UNKNOWN): a PUT or DELETE that failed after
      reaching the server (5xx, lost answer) or whose 2xx answer could not be read left the
      list's cached task page in place, and the next read served the old page.
   ============================================================================================= */
static void cache_task_page(world *w, clickup_client *c, clickup_task_query *q) {
    clickup_tasks *ts = NULL;
    int before;
    memset(q, 0, sizeof *q);
    q->list_id = "2100";
    push(w, CLICKUP_TRANSPORT_OK, 200, PAGE_JSON);
    assert_int_equal(clickup_tasks_get(c, q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 1);
    clickup_tasks_free(ts);
    before = w->seen;
    assert_int_equal(clickup_tasks_get(c, q, &ts), CLICKUP_OK);   /* precondition: now cached */
    clickup_tasks_free(ts);
    assert_int_equal(w->seen, before);
}

static void expect_refetch(world *w, clickup_client *c, const clickup_task_query *q, const char *after) {
    clickup_tasks *ts = NULL;
    int before;
    w->fallback.ts = CLICKUP_TRANSPORT_OK;
    w->fallback.status = 200;
    w->fallback.body = PAGE_JSON;
    before = w->seen;
    assert_int_equal(clickup_tasks_get(c, q, &ts), CLICKUP_OK);
    clickup_tasks_free(ts);
    if (w->seen != before + 1)
        fail_msg("after %s the list's task page was served from the cache (%d exchanges, want 1): stale", after,
                 w->seen - before);
}

static void test_stale_cache_after_put_5xx(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task_query q;
    clickup_task_changes ch;
    cache_task_page(w, c, &q);
    memset(&ch, 0, sizeof ch);
    ch.name = "renamed";
    w->fallback.status = 503;
    w->fallback.body = "<html>busy</html>";
    assert_int_equal(clickup_task_update(c, "86abc123", &ch, NULL), CLICKUP_ERR_SERVER);
    expect_refetch(w, c, &q, "a PUT answered 503 every time");
    clickup_client_destroy(c);
}

static void test_stale_cache_after_put_lost_answer(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task_query q;
    clickup_task_changes ch;
    clickup_result rc;
    cache_task_page(w, c, &q);
    memset(&ch, 0, sizeof ch);
    ch.name = "renamed";
    w->fallback.ts = CLICKUP_TRANSPORT_RECV_FAILED;
    rc = clickup_task_update(c, "86abc123", &ch, NULL);
    assert_true(rc != CLICKUP_OK);
    expect_refetch(w, c, &q, "a PUT whose answer was lost every time");
    clickup_client_destroy(c);
}

static void test_stale_cache_after_delete_5xx(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task_query q;
    cache_task_page(w, c, &q);
    w->fallback.status = 500;
    w->fallback.body = "{\"err\":\"Internal\",\"ECODE\":\"APP_500\"}";
    assert_int_equal(clickup_task_tag_remove(c, "86abc123", "urgent"), CLICKUP_ERR_SERVER);
    expect_refetch(w, c, &q, "a DELETE answered 500 every time");
    clickup_client_destroy(c);
}

static void test_stale_cache_after_put_unreadable_answer(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task_query q;
    clickup_task_changes ch;
    cache_task_page(w, c, &q);
    memset(&ch, 0, sizeof ch);
    ch.name = "renamed";
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"id\":\"86abc123\",\"name\":");   /* accepted, unreadable */
    assert_true(clickup_task_update(c, "86abc123", &ch, NULL) != CLICKUP_OK);
    expect_refetch(w, c, &q, "a PUT whose 200 answer was malformed JSON");
    clickup_client_destroy(c);
}

/* =============================================================================================
   4. CLICKUP_RATE_FAIL never sleeps on a 429: it fails at once and says when to come back.
      5bd70d4 slept until the server's Reset (or the Retry-After) and retried, so a fail-fast
      client blocked for up to a minute.
   ============================================================================================= */
/* The message names the wait: in ms, or in whole seconds. */
static int mentions_wait(const char *msg, uint64_t ms) {
    char a[32], b[32], d[32];
    snprintf(a, sizeof a, "%llu", (unsigned long long)ms);
    snprintf(b, sizeof b, "%llu", (unsigned long long)(ms / 1000));
    snprintf(d, sizeof d, "%llu", (unsigned long long)((ms + 999) / 1000));
    return strstr(msg, a) || strstr(msg, b) || strstr(msg, d);
}

static void expect_rate_limited_at_once(world *w, clickup_result rc) {
    if (rc != CLICKUP_ERR_RATE_LIMITED || w->sleeps || w->slept || w->seen != 1)
        fail_msg("RATE_FAIL on a 429: got %s after %d exchanges and %llu ms asleep in %llu sleeps "
                 "(want CLICKUP_ERR_RATE_LIMITED, 1 exchange, no sleep)", clickup_strerror(rc), w->seen,
                 (unsigned long long)w->slept, (unsigned long long)w->sleeps);
}

static void test_rate_fail_429_reset_never_sleeps(void **state) {
    world *w = (world *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    const clickup_error *e;
    step *s;
    clickup_config_init(&cfg);
    cfg.rate_mode = CLICKUP_RATE_FAIL;
    cfg.disable_cache = 1;
    c = make_client(w, &cfg);
    s = push(w, CLICKUP_TRANSPORT_OK, 429, "{\"err\":\"Rate limit reached\",\"ECODE\":\"APP_002\"}");
    s->limit = "100"; s->remaining = "0"; s->reset_in_s = 46;
    expect_rate_limited_at_once(w, clickup_spaces_get(c, NULL, &sp));
    e = clickup_last_error(c);
    assert_int_equal(e->http_status, 429);
    if (e->retry_in_ms < 46000 || e->retry_in_ms > 47000)
        fail_msg("retry_in_ms = %llu, want the Reset (46 s) plus at most the 1 s margin", (unsigned long long)e->retry_in_ms);
    if (!mentions_wait(e->message, e->retry_in_ms))
        fail_msg("the message does not say how long to wait (%llu ms): \"%s\"", (unsigned long long)e->retry_in_ms,
                 e->message);
    clickup_client_destroy(c);
}

static void test_rate_fail_429_retry_after_never_sleeps(void **state) {
    world *w = (world *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    const clickup_error *e;
    clickup_config_init(&cfg);
    cfg.rate_mode = CLICKUP_RATE_FAIL;
    cfg.disable_cache = 1;
    c = make_client(w, &cfg);
    push(w, CLICKUP_TRANSPORT_OK, 429, "{\"err\":\"Rate limit reached\",\"ECODE\":\"APP_002\"}")->retry_after = "20";
    expect_rate_limited_at_once(w, clickup_spaces_get(c, NULL, &sp));
    e = clickup_last_error(c);
    if (e->retry_in_ms < 19000 || e->retry_in_ms > 21000)
        fail_msg("retry_in_ms = %llu, want 20000 (Retry-After: 20) +- 1000", (unsigned long long)e->retry_in_ms);
    if (!mentions_wait(e->message, e->retry_in_ms))
        fail_msg("the message does not say how long to wait (%llu ms): \"%s\"", (unsigned long long)e->retry_in_ms,
                 e->message);
    clickup_client_destroy(c);
}

/* =============================================================================================
   5. Retry-After holds back every client of a shared limiter. 5bd70d4 set Remaining to 0 on a
      429 but had no deadline to wait for when the 429 carried only Retry-After: the other
      clients sent at once, and `available` stayed 0 for ever after.
   ============================================================================================= */
/* Client A (fail-fast, no retries, so it never sleeps) takes a 429 with only Retry-After: 30. */
static void shared_429_retry_after(world *w, clickup_limiter **l, clickup_client **a, clickup_client **b) {
    clickup_config cfg;
    clickup_spaces *sp = NULL;
    assert_int_equal(clickup_limiter_create(0, 0, NULL, l), CLICKUP_OK);
    clickup_config_init(&cfg);
    cfg.limiter = *l;
    cfg.disable_cache = 1;
    cfg.rate_mode = CLICKUP_RATE_FAIL;
    cfg.max_retries = -1;
    *a = make_client(w, &cfg);
    cfg.rate_mode = CLICKUP_RATE_WAIT;
    cfg.max_retries = 0;
    *b = make_client(w, &cfg);
    push(w, CLICKUP_TRANSPORT_OK, 429, "{\"err\":\"Rate limit reached\",\"ECODE\":\"APP_002\"}")->retry_after = "30";
    assert_int_equal(clickup_spaces_get(*a, NULL, &sp), CLICKUP_ERR_RATE_LIMITED);
    assert_int_equal(w->seen, 1);
    assert_int_equal(w->sleeps, 0);
}

static void test_retry_after_holds_other_clients(void **state) {
    world *w = (world *)*state;
    clickup_limiter *l = NULL;
    clickup_client *a, *b;
    clickup_spaces *sp = NULL;
    shared_429_retry_after(w, &l, &a, &b);
    assert_int_equal(clickup_spaces_get(b, NULL, &sp), CLICKUP_OK);
    clickup_spaces_free(sp);
    assert_int_equal(w->seen, 2);
    if (w->at[1] < w->at[0] + 30000)
        fail_msg("client B sent %llu ms after the 429 that said Retry-After: 30 (want >= 30000)",
                 (unsigned long long)(w->at[1] - w->at[0]));
    if (w->at[1] > w->at[0] + 32000)
        fail_msg("client B waited %llu ms after a Retry-After of 30 s (want at most 32000)",
                 (unsigned long long)(w->at[1] - w->at[0]));
    assert_true(w->slept >= 30000);
    clickup_client_destroy(a);
    clickup_client_destroy(b);
    clickup_limiter_destroy(l);
}

static void test_retry_after_hold_shows_and_ends(void **state) {
    world *w = (world *)*state;
    clickup_limiter *l = NULL;
    clickup_client *a, *b;
    clickup_rate_state st;
    uint64_t t429, next_free_during;
    shared_429_retry_after(w, &l, &a, &b);
    t429 = w->at[0];
    w->now = t429 + 10000;                              /* during the hold */
    assert_int_equal(clickup_rate_get(b, &st), CLICKUP_OK);
    assert_int_equal(st.available, 0);
    next_free_during = st.next_free_in_ms;
    w->now = t429 + 32000;                              /* past the hold (30 s + margin) */
    assert_int_equal(clickup_rate_get(b, &st), CLICKUP_OK);
    if (st.available <= 0)
        fail_msg("32 s after a 429 with Retry-After: 30, available = %d (want > 0)", st.available);
    assert_int_equal(st.next_free_in_ms, 0);
    if (next_free_during < 19000 || next_free_during > 21000)
        fail_msg("10 s into a 30 s Retry-After hold, next_free_in_ms = %llu (want about 20000)",
                 (unsigned long long)next_free_during);
    clickup_client_destroy(a);
    clickup_client_destroy(b);
    clickup_limiter_destroy(l);
}

/* =============================================================================================
   6. A configured rate_limit is a ceiling: the server's X-RateLimit-Limit may lower it, never
      raise it. 5bd70d4 adopted any X-RateLimit-Limit, so a client configured for 10 requests a
      minute (one token's budget split between programs) sent 100.
   ============================================================================================= */
static void test_configured_limit_is_a_ceiling(void **state) {
    world *w = (world *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    clickup_rate_state st;
    uint64_t t0;
    int i;
    /* With the default (0), the server's limit is followed. */
    clickup_config_init(&cfg);
    cfg.disable_cache = 1;
    c = make_client(w, &cfg);
    w->fallback.limit = "1000"; w->fallback.remaining = "999"; w->fallback.reset_in_s = 60;
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
    clickup_spaces_free(sp);
    assert_int_equal(clickup_rate_get(c, &st), CLICKUP_OK);
    assert_int_equal(st.limit, 1000);
    clickup_client_destroy(c);

    /* Configured 10 a minute; the server says 100 with 99 left on every answer. */
    rewind_world(w);
    t0 = w->now;
    clickup_config_init(&cfg);
    cfg.disable_cache = 1;
    cfg.rate_limit = 10;
    cfg.rate_window_ms = 60000;
    c = make_client(w, &cfg);
    w->fallback.limit = "100"; w->fallback.remaining = "99"; w->fallback.reset_in_s = 60;
    for (i = 0; i < 11; i++) {
        assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
        clickup_spaces_free(sp);
    }
    assert_int_equal(w->seen, 11);
    for (i = 0; i < 10; i++) assert_int_equal(w->at[i], t0);
    if (w->at[10] < t0 + 60000)
        fail_msg("request 11 of a 10-per-minute client went at t=%llu ms (want >= 60000): the server's 100 raised "
                 "the configured limit", (unsigned long long)(w->at[10] - t0));
    assert_true(w->at[10] <= t0 + 61000);
    assert_int_equal(clickup_rate_get(c, &st), CLICKUP_OK);
    assert_int_equal(st.limit, 10);
    clickup_client_destroy(c);
}

/* =============================================================================================
   8. call_deadline_ms bounds the whole call, pages included. In 5bd70d4 every page had its own
      deadline, so a 1 s deadline let a 100-page walk run for 40 s.
   ============================================================================================= */
static const char *full_task_page(void) {
    static char page[16384];
    size_t n;
    int i;
    if (page[0]) return page;
    n = (size_t)snprintf(page, sizeof page, "{\"tasks\":[");
    for (i = 0; i < 100; i++)
        n += (size_t)snprintf(page + n, sizeof page - n,
                              "%s{\"id\":\"t%03d\",\"name\":\"Task %d\",\"status\":{\"status\":\"to do\",\"type\":\"open\"},"
                              "\"list\":{\"id\":\"2100\"}}", i ? "," : "", i, i);
    snprintf(page + n, sizeof page - n, "],\"last_page\":false}");
    assert_true(strlen(page) < sizeof page - 1);
    return page;
}

static const char *full_template_page(void) {
    static char page[8192];
    size_t n;
    int i;
    if (page[0]) return page;
    n = (size_t)snprintf(page, sizeof page, "{\"templates\":[");
    for (i = 0; i < 100; i++)
        n += (size_t)snprintf(page + n, sizeof page - n, "%s{\"id\":\"t-%03d\",\"name\":\"Tpl %d\"}", i ? "," : "", i, i);
    snprintf(page + n, sizeof page - n, "]}");
    assert_true(strlen(page) < sizeof page - 1);
    return page;
}

static clickup_client *slow_world_client(world *w) {
    clickup_config cfg;
    clickup_config_init(&cfg);
    cfg.call_deadline_ms = 1000;
    cfg.disable_cache = 1;
    w->latency = 400;                 /* every exchange takes 400 ms ...                     */
    w->timeout_when_slow = 1;         /* ... and times out when less than that is left        */
    return make_client(w, &cfg);
}

static void test_deadline_covers_task_pages(void **state) {
    world *w = (world *)*state;
    clickup_client *c = slow_world_client(w);
    clickup_tasks *ts = NULL;
    clickup_task_query q;
    clickup_result rc;
    uint64_t start = w->now;
    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    w->fallback.body = full_task_page();
    rc = clickup_tasks_get(c, &q, &ts);
    if (rc == CLICKUP_OK)
        fail_msg("a 1 s call deadline: tasks_get returned OK after %d pages and %llu ms", w->seen,
                 (unsigned long long)(w->now - start));
    assert_null(ts);
    if (w->now - start > 1000)
        fail_msg("a 1 s call deadline: tasks_get ran %llu ms (%d exchanges)", (unsigned long long)(w->now - start), w->seen);
    clickup_client_destroy(c);
}

static void test_deadline_covers_template_pages(void **state) {
    world *w = (world *)*state;
    clickup_client *c = slow_world_client(w);
    clickup_templates *tp = NULL;
    clickup_result rc;
    uint64_t start = w->now;
    w->fallback.body = full_template_page();
    rc = clickup_templates_get(c, &tp);
    if (rc == CLICKUP_OK)
        fail_msg("a 1 s call deadline: templates_get returned OK after %d pages and %llu ms", w->seen,
                 (unsigned long long)(w->now - start));
    assert_null(tp);
    if (w->now - start > 1000)
        fail_msg("a 1 s call deadline: templates_get ran %llu ms (%d exchanges)", (unsigned long long)(w->now - start),
                 w->seen);
    clickup_client_destroy(c);
}

/* =============================================================================================
   13. Retry decisions per route, and Retry-After on every retry. 5bd70d4 decided by method
       alone: every POST answered 5xx was OUTCOME_UNKNOWN, even POST /task/{id}/tag/{name} and
       POST /task/{id}/field/{id} (setting the same tag or value twice is harmless), and even
       after a 408 (the server did not get the whole request). A 5xx's Retry-After was ignored
       (full jitter instead).
   ============================================================================================= */
static void expect_ok_after(world *w, clickup_client *c, clickup_result rc, int exchanges, const char *what) {
    if (rc != CLICKUP_OK || w->seen != exchanges)
        fail_msg("%s: got %s after %d exchanges (want CLICKUP_OK after %d): %s", what, clickup_strerror(rc), w->seen,
                 exchanges, clickup_last_error(c)->message);
}

static void test_tag_add_retried_on_5xx(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    push(w, CLICKUP_TRANSPORT_OK, 500, "{\"err\":\"Internal\",\"ECODE\":\"APP_500\"}");
    push(w, CLICKUP_TRANSPORT_OK, 500, "{\"err\":\"Internal\",\"ECODE\":\"APP_500\"}");
    push(w, CLICKUP_TRANSPORT_OK, 200, "{}");
    expect_ok_after(w, c, clickup_task_tag_add(c, "86abc123", "urgent"), 3, "POST /task/{id}/tag/{name} answered 500, 500, 200");
    assert_string_equal(w->method[2], "POST");
    assert_string_equal(w->url[2], w->url[0]);
    assert_non_null(strstr(w->url[2], "/task/86abc123/tag/urgent"));
    clickup_client_destroy(c);
}

static void test_field_set_retried_on_5xx(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_field_value v;
    memset(&v, 0, sizeof v);
    v.type = CLICKUP_VALUE_STRING;
    v.str = "blue";
    push(w, CLICKUP_TRANSPORT_OK, 503, "<html>busy</html>");
    push(w, CLICKUP_TRANSPORT_OK, 200, "{}");
    expect_ok_after(w, c, clickup_task_field_set(c, "86abc123", "5dc86497-098d-4bb0-87d6-cf28e43812e7", &v), 2,
                    "POST /task/{id}/field/{id} answered 503, 200");
    assert_string_equal(w->method[1], "POST");
    assert_string_equal(w->body[1], "{\"value\":\"blue\"}");
    clickup_client_destroy(c);
}

static void test_create_retried_after_408_not_after_500(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task_new nt;
    clickup_task *t = NULL;
    memset(&nt, 0, sizeof nt);
    nt.name = "Draft SOP";
    push(w, CLICKUP_TRANSPORT_OK, 408, "<html>Request Timeout</html>");
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);
    expect_ok_after(w, c, clickup_task_create(c, "2100", &nt, &t), 2, "POST /list/{id}/task answered 408, 200");
    assert_string_equal(t->id, "86abc123");
    assert_non_null(strstr(w->body[1], "\"name\":\"Draft SOP\""));
    clickup_task_free(t);
    /* A 500 after a create is still unknown: never replayed. */
    rewind_world(w);
    push(w, CLICKUP_TRANSPORT_OK, 500, "{\"err\":\"Internal\",\"ECODE\":\"APP_500\"}");
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);
    assert_int_equal(clickup_task_create(c, "2100", &nt, &t), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_null(t);
    assert_int_equal(w->seen, 1);
    clickup_client_destroy(c);
}

static void test_retry_after_on_503_is_the_delay(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task *t = NULL;
    push(w, CLICKUP_TRANSPORT_OK, 503, "<html>busy</html>")->retry_after = "7";
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &t), CLICKUP_OK);
    assert_int_equal(w->seen, 2);
    if (w->sleeps != 1 || w->slept != 7000)
        fail_msg("after a 503 with Retry-After: 7 the client slept %llu ms in %llu sleeps (want 7000 in 1)",
                 (unsigned long long)w->slept, (unsigned long long)w->sleeps);
    assert_int_equal(w->at[1] - w->at[0], 7000);
    clickup_task_free(t);
    clickup_client_destroy(c);
}

/* =============================================================================================
   14. A huge X-RateLimit-Limit costs nothing. 5bd70d4 resized its ring of send times to the
       server's limit (clamped to 100000 entries, 800 KB) on every answer that differed from
       the clamped size, i.e. on every answer.
   ============================================================================================= */
static void test_huge_server_limit_costs_nothing(void **state) {
    world *w = (world *)*state;
    count_alloc ca;
    clickup_allocator al;
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    unsigned long first = 0, second = 0;
    int i;
    memset(&ca, 0, sizeof ca);
    al = ca_allocator(&ca);
    clickup_config_init(&cfg);
    cfg.allocator = &al;
    cfg.disable_cache = 1;
    c = make_client(w, &cfg);
    w->fallback.limit = "10000000"; w->fallback.remaining = "9999999"; w->fallback.reset_in_s = 60;
    ca.largest = 0;                                    /* count the requests only */
    for (i = 0; i < 50; i++) {
        unsigned long before = ca.calls;
        assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
        clickup_spaces_free(sp);
        if (i < 25) first += ca.calls - before; else second += ca.calls - before;
    }
    if (ca.largest > 64 * 1024)
        fail_msg("an allocation of %llu bytes while answers said X-RateLimit-Limit: 10000000 (want <= 64 KiB)",
                 (unsigned long long)ca.largest);
    if (first > second + 8 || second > first + 8)
        fail_msg("allocations: %lu in requests 1-25, %lu in requests 26-50 (want about the same)", first, second);
    clickup_client_destroy(c);
    assert_int_equal(ca.blocks, 0);
    assert_int_equal(ca.outstanding, 0);
}

/* =============================================================================================
   17. The limiter runs on an injected clock (clickup_limiter_create_ex, hooks). 5bd70d4 had
       no such option: a shared limiter took the time from whichever client called it, so
       clients whose clocks differ corrupted it (the third test: one client's later clock
       became the limiter's "newest" time, and the other client then waited for a slot that
       never came back until its deadline).
   ============================================================================================= */
static clickup_limiter *world_limiter(world *w, int limit, int window_ms) {
    clickup_limiter_config lc;
    clickup_limiter *l = NULL;
    memset(&lc, 0, sizeof lc);
    lc.rate_limit = limit;
    lc.window_ms = window_ms;
    lc.hooks.now_ms = w_now;
    lc.hooks.wall_ms = w_wall;
    lc.hooks.user = w;
    assert_int_equal(clickup_limiter_create_ex(&lc, &l), CLICKUP_OK);
    assert_non_null(l);
    return l;
}

static void test_limiter_on_injected_clock_spacing(void **state) {
    world *w = (world *)*state;
    clickup_limiter *l = world_limiter(w, 2, 1000);
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    int i;
    clickup_config_init(&cfg);
    cfg.limiter = l;
    cfg.disable_cache = 1;
    c = make_client(w, &cfg);
    for (i = 0; i < 3; i++) {
        assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
        clickup_spaces_free(sp);
    }
    assert_int_equal(w->seen, 3);
    assert_int_equal(w->at[1], w->at[0]);
    assert_int_equal(w->at[2] - w->at[0], 1000);
    assert_int_equal(w->slept, 1000);
    assert_int_equal(w->sleeps, 1);
    clickup_client_destroy(c);
    clickup_limiter_destroy(l);
}

static void test_limiter_on_injected_clock_reset_margin(void **state) {
    world *w = (world *)*state;
    clickup_limiter *l = world_limiter(w, 0, 60000);
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    clickup_rate_state st;
    step *s;
    w->now = 5000;                                     /* whole seconds: Reset is exact */
    clickup_config_init(&cfg);
    cfg.limiter = l;
    cfg.disable_cache = 1;
    c = make_client(w, &cfg);
    s = push(w, CLICKUP_TRANSPORT_OK, 200, "{\"spaces\":[]}");
    s->limit = "100"; s->remaining = "0"; s->reset_in_s = 10;
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
    clickup_spaces_free(sp);
    assert_int_equal(clickup_rate_get(c, &st), CLICKUP_OK);
    assert_int_equal(st.server_remaining, 0);
    assert_int_equal(st.available, 0);
    if (st.reset_in_ms != 10000 + 1000)
        fail_msg("reset_in_ms = %llu, want 11000 (Reset 10 s ahead + the 1 s margin of a 60 s window)",
                 (unsigned long long)st.reset_in_ms);
    clickup_client_destroy(c);
    clickup_limiter_destroy(l);
}

/* A client whose monotonic clock has another epoch than the world's: a clock injected for the
   client's own purposes. Time passes for it at the same pace. */
static uint64_t w_now_far(void *u) { return w_now(u) + 1000000000ULL; }

static void test_limiter_clock_is_its_own(void **state) {
    world *w = (world *)*state;
    clickup_limiter *l = world_limiter(w, 2, 1000);
    clickup_config cfg;
    clickup_client *x, *y;
    clickup_spaces *sp = NULL;
    clickup_result rc;
    clickup_config_init(&cfg);
    cfg.limiter = l;
    cfg.disable_cache = 1;
    x = make_client(w, &cfg);
    clickup_config_init(&cfg);                         /* y: the world, read through another clock */
    cfg.token = TOKEN;
    cfg.team_id = "9001";
    cfg.limiter = l;
    cfg.disable_cache = 1;
    cfg.transport = w_transport; cfg.transport_user = w;
    cfg.hooks.now_ms = w_now_far; cfg.hooks.wall_ms = w_wall; cfg.hooks.sleep_ms = w_sleep; cfg.hooks.random_u64 = w_rand;
    cfg.hooks.user = w;
    assert_int_equal(clickup_client_create(&cfg, &y), CLICKUP_OK);
    assert_int_equal(clickup_spaces_get(y, NULL, &sp), CLICKUP_OK);   /* t = 0: slot 1 */
    clickup_spaces_free(sp);
    assert_int_equal(clickup_spaces_get(x, NULL, &sp), CLICKUP_OK);   /* t = 0: slot 2 */
    clickup_spaces_free(sp);
    rc = clickup_spaces_get(x, NULL, &sp);                            /* t = 1000: slot 1 again */
    if (rc != CLICKUP_OK)
        fail_msg("a limiter on its own clock refused client x (%s, %s) after client y, on another clock, used it",
                 clickup_strerror(rc), clickup_last_error(x)->message);
    clickup_spaces_free(sp);
    assert_int_equal(w->seen, 3);
    assert_int_equal(w->at[2] - w->at[0], 1000);
    clickup_client_destroy(x);
    clickup_client_destroy(y);
    clickup_limiter_destroy(l);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_redact_short_token_does_not_overflow, setup, teardown),
        cmocka_unit_test_setup_teardown(test_redact_token_inside_marker_terminates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_cap_response_size, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stale_cache_after_put_5xx, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stale_cache_after_put_lost_answer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stale_cache_after_delete_5xx, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stale_cache_after_put_unreadable_answer, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rate_fail_429_reset_never_sleeps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rate_fail_429_retry_after_never_sleeps, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retry_after_holds_other_clients, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retry_after_hold_shows_and_ends, setup, teardown),
        cmocka_unit_test_setup_teardown(test_configured_limit_is_a_ceiling, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deadline_covers_task_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_deadline_covers_template_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tag_add_retried_on_5xx, setup, teardown),
        cmocka_unit_test_setup_teardown(test_field_set_retried_on_5xx, setup, teardown),
        cmocka_unit_test_setup_teardown(test_create_retried_after_408_not_after_500, setup, teardown),
        cmocka_unit_test_setup_teardown(test_retry_after_on_503_is_the_delay, setup, teardown),
        cmocka_unit_test_setup_teardown(test_huge_server_limit_costs_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_limiter_on_injected_clock_spacing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_limiter_on_injected_clock_reset_margin, setup, teardown),
        cmocka_unit_test_setup_teardown(test_limiter_clock_is_its_own, setup, teardown),
    };
    if (argc > 1) cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests_name("regress_engine", tests, NULL, NULL);
}

/* Request engine unit tests: retries, POST safety, rate limiter, cache, errors, config, logging.
   Everything runs on an injected clock, sleep and transport, so nothing sleeps for real and
   no socket is opened. The over-HTTP versions of these checks live in test_http.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include <cmocka.h>

#include "fake_world.h"   /* the scripted fake world: clock, sleep, transport, make_client */

static const char TASK_JSON[] =
    "{\"id\":\"86abc123\",\"name\":\"T\",\"status\":{\"status\":\"to do\",\"orderindex\":0,\"type\":\"open\"},"
    "\"list\":{\"id\":\"2100\"},\"url\":\"https://app.clickup.com/t/86abc123\"}";

/* ---- retries ------------------------------------------------------------------------------------ */
static void test_get_503_503_200(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task *t = NULL;
    push(w, CLICKUP_TRANSPORT_OK, 503, "<html>busy</html>");
    push(w, CLICKUP_TRANSPORT_OK, 503, "<html>busy</html>");
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &t), CLICKUP_OK);
    assert_string_equal(t->id, "86abc123");
    assert_int_equal(w->seen, 3);
    assert_int_equal(w->sleeps, 2);
    assert_true(w->slept <= 2000 + 4000);            /* full jitter under the 2 s and 4 s ceilings */
    assert_non_null(strstr(logbuf, "retry 1"));
    clickup_task_free(t);
    clickup_client_destroy(c);
}

static void test_get_gives_up_after_three_retries(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task *t = NULL;
    w->fallback.status = 502;
    w->fallback.body = "<html>bad gateway</html>";
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &t), CLICKUP_ERR_SERVER);
    assert_null(t);
    assert_int_equal(w->seen, 4);
    assert_int_equal(clickup_last_error(c)->attempts, 4);
    assert_int_equal(clickup_last_error(c)->http_status, 502);
    clickup_client_destroy(c);
}

static void test_post_500_is_outcome_unknown(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task_new nt;
    clickup_task *t = NULL;
    memset(&nt, 0, sizeof nt);
    nt.name = "Draft SOP";
    push(w, CLICKUP_TRANSPORT_OK, 500, "{\"err\":\"Internal\",\"ECODE\":\"APP_500\"}");
    assert_int_equal(clickup_task_create(c, "2100", &nt, &t), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(w->seen, 1);                    /* never replayed */
    assert_null(t);
    assert_non_null(strstr(clickup_last_error(c)->message, "not repeated"));
    clickup_client_destroy(c);
}

static void test_post_lost_answer_is_outcome_unknown(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_template_task *tt = NULL;
    push(w, CLICKUP_TRANSPORT_RECV_FAILED, 0, NULL);
    assert_int_equal(clickup_task_from_template(c, "2100", "t-86b3e001", "x", &tt), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(w->seen, 1);
    w->seen = 0; w->nscript = w->next = 0;
    push(w, CLICKUP_TRANSPORT_TIMEOUT, 0, NULL);
    assert_int_equal(clickup_task_from_template(c, "2100", "t-86b3e001", "x", &tt), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(w->seen, 1);
    clickup_client_destroy(c);
}

static void test_post_not_sent_is_retried(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task_new nt;
    clickup_task *t = NULL;
    memset(&nt, 0, sizeof nt);
    nt.name = "Draft SOP";
    push(w, CLICKUP_TRANSPORT_NOT_SENT, 0, NULL);
    push(w, CLICKUP_TRANSPORT_OK, 429, "{\"err\":\"Rate limit reached\",\"ECODE\":\"APP_002\"}");
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);
    assert_int_equal(clickup_task_create(c, "2100", &nt, &t), CLICKUP_OK);
    assert_int_equal(w->seen, 3);
    assert_string_equal(w->method[2], "POST");
    assert_non_null(strstr(w->body[2], "\"name\":\"Draft SOP\""));
    clickup_task_free(t);
    clickup_client_destroy(c);
}

static void test_put_retried_on_recv_failure(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task_changes ch;
    memset(&ch, 0, sizeof ch);
    ch.name = "renamed";
    push(w, CLICKUP_TRANSPORT_RECV_FAILED, 0, NULL);
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);
    assert_int_equal(clickup_task_update(c, "86abc123", &ch, NULL), CLICKUP_OK);
    assert_int_equal(w->seen, 2);
    clickup_client_destroy(c);
}

/* ---- 429 handling ---------------------------------------------------------------------------- */
static void test_429_waits_until_reset(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_spaces *sp = NULL;
    step *s;
    push(w, CLICKUP_TRANSPORT_OK, 429, "{\"err\":\"Rate limit reached\"}");
    s = &w->script[0];
    s->limit = "100"; s->remaining = "0"; s->reset_in_s = 2;
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"spaces\":[]}");
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
    assert_int_equal(w->seen, 2);
    assert_true(w->slept >= 2000);                   /* waited for the reset ... */
    assert_true(w->slept <= 2000 + 1000 + 1000);     /* ... and not much longer   */
    assert_int_equal(clickup_last_error(c)->attempts, 2);
    clickup_spaces_free(sp);
    clickup_client_destroy(c);
}

static void test_429_retry_after_and_ms_reset(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_spaces *sp = NULL;
    char ms[32];
    push(w, CLICKUP_TRANSPORT_OK, 429, "{}");
    w->script[0].retry_after = "3";
    push(w, CLICKUP_TRANSPORT_OK, 429, "{}");
    snprintf(ms, sizeof ms, "%lld", (long long)(w->wall0 + 5000));    /* Reset in milliseconds */
    w->script[1].reset = ms;
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"spaces\":[]}");
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
    assert_int_equal(w->seen, 3);
    assert_true(w->slept >= 3000 + 2000);            /* 3 s, then until wall0 + 5 s */
    assert_true(w->slept <= 3000 + 5000 + 2000);
    clickup_spaces_free(sp);
    clickup_client_destroy(c);
}

static void test_429_garbage_headers_fall_back_to_backoff(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_spaces *sp = NULL;
    push(w, CLICKUP_TRANSPORT_OK, 429, "not json");
    w->script[0].limit = "abc"; w->script[0].remaining = "-5"; w->script[0].reset = ""; w->script[0].retry_after = "soon";
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"spaces\":[]}");
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
    assert_true(w->slept <= 2000);
    clickup_spaces_free(sp);
    clickup_client_destroy(c);
}

static void test_429_forever_is_rate_limited(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_spaces *sp = NULL;
    w->fallback.status = 429;
    w->fallback.body = "{\"err\":\"Rate limit reached\",\"ECODE\":\"APP_002\"}";
    w->fallback.reset_in_s = 1;
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_ERR_RATE_LIMITED);
    assert_int_equal(w->seen, 4);
    assert_string_equal(clickup_last_error(c)->ecode, "APP_002");
    clickup_client_destroy(c);
}

/* ---- timeouts and the deadline -------------------------------------------------------------- */
static void test_timeouts_end_within_deadline(void **state) {
    world *w = (world *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    clickup_config_init(&cfg);
    cfg.call_deadline_ms = 20000;
    cfg.timeout_ms = 5000;
    c = make_client(w, &cfg);
    w->fallback.ts = CLICKUP_TRANSPORT_TIMEOUT;
    w->latency = 5000;                               /* each attempt burns its whole timeout */
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_ERR_TIMEOUT);
    assert_true(w->now <= 20000);
    assert_true(clickup_last_error(c)->attempts >= 2);
    clickup_client_destroy(c);
}

/* ---- error mapping --------------------------------------------------------------------------- */
static void expect_error(world *w, int status, const char *body, clickup_result want, const char *ecode) {
    clickup_client *c = make_client(w, NULL);
    clickup_task *t = NULL;
    const clickup_error *e;
    w->nscript = w->next = 0;
    push(w, CLICKUP_TRANSPORT_OK, status, body);
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &t), want);
    e = clickup_last_error(c);
    assert_int_equal(e->code, want);
    assert_int_equal(e->http_status, status);
    assert_string_equal(e->ecode, ecode);
    assert_string_equal(e->method, "GET");
    assert_string_equal(e->path, "/task/86abc123");
    assert_null(strstr(e->message, "SECRET"));
    assert_null(strstr(e->message, "Authorization"));
    clickup_client_destroy(c);
}

static void test_error_mapping(void **state) {
    world *w = (world *)*state;
    expect_error(w, 401, "{\"err\":\"Token invalid\",\"ECODE\":\"OAUTH_025\"}", CLICKUP_ERR_AUTH, "OAUTH_025");
    expect_error(w, 401, "{\"err\":\"Team(s) not authorized\",\"ECODE\":\"OAUTH_023\"}", CLICKUP_ERR_NO_ACCESS, "OAUTH_023");
    expect_error(w, 401, "{\"err\":\"Team not authorized\",\"ECODE\":\"OAUTH_041\"}", CLICKUP_ERR_NO_ACCESS, "OAUTH_041");
    expect_error(w, 403, "{\"error\":\"Forbidden\",\"ECODE\":\"ACCESS_1\"}", CLICKUP_ERR_NO_ACCESS, "ACCESS_1");
    expect_error(w, 404, "{\"err\":\"Task not found, deleted\",\"ECODE\":\"ITEM_013\"}", CLICKUP_ERR_NOT_FOUND, "ITEM_013");
    expect_error(w, 400, "{\"err\":\"Status does not exist\",\"ECODE\":\"ITEM_114\"}", CLICKUP_ERR_VALIDATION, "ITEM_114");
    expect_error(w, 422, "{}", CLICKUP_ERR_VALIDATION, "");
    expect_error(w, 418, "teapot", CLICKUP_ERR_HTTP, "");
}

static void test_server_echoing_token_is_redacted(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task *t = NULL;
    push(w, CLICKUP_TRANSPORT_OK, 400, "{\"err\":\"bad header Authorization: " TOKEN "\",\"ECODE\":\"X_1\"}");
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &t), CLICKUP_ERR_VALIDATION);
    assert_null(strstr(clickup_last_error(c)->message, "SECRET"));
    assert_null(strstr(clickup_last_error(c)->api_message, "SECRET"));
    assert_non_null(strstr(clickup_last_error(c)->api_message, "[redacted]"));
    clickup_client_destroy(c);
}

static void test_too_large_from_transport(void **state) {
    world *w = (world *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    clickup_config_init(&cfg);
    cfg.max_response_bytes = 10;
    c = make_client(w, &cfg);
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"spaces\":[{\"id\":\"1\"}]}");
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_ERR_TOO_LARGE);
    assert_int_equal(w->seen, 1);
    clickup_client_destroy(c);
}

static void test_bad_json_and_wrong_shape(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_spaces *sp = NULL;
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"spaces\":[");
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_ERR_BAD_RESPONSE);
    assert_true(clickup_last_error(c)->json_offset > 0);
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"spaces\":7}");
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_ERR_BAD_RESPONSE);
    assert_non_null(strstr(clickup_last_error(c)->message, "'spaces'"));
    push(w, CLICKUP_TRANSPORT_OK, 200, "");
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_ERR_BAD_RESPONSE);
    assert_null(sp);
    clickup_client_destroy(c);
}

/* ---- input refused before anything is sent -------------------------------------------------- */
static void test_bad_input_sends_nothing(void **state) {
    world *w = (world *)*state;
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_task *t = NULL;
    clickup_task_new nt;
    clickup_folders *f = NULL;
    static const char *bad_tokens[] = { "pk_abc\r\nX-Injected: yes", "pk_abc def", "pk_abc\n", "", "pk_\x7f" };
    size_t i;
    for (i = 0; i < sizeof bad_tokens / sizeof bad_tokens[0]; i++) {
        clickup_config_init(&cfg);
        cfg.token = bad_tokens[i];
        cfg.transport = w_transport; cfg.transport_user = w;
        assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_ERR_CONFIG);
        assert_null(c);
    }
    clickup_config_init(&cfg);
    cfg.token = TOKEN;
    cfg.base_url = "http://api.example.com/api/v2";              /* plain HTTP off loopback */
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_ERR_CONFIG);
    c = make_client(w, NULL);
    assert_int_equal(clickup_task_get(c, "../team/1", NULL, &t), CLICKUP_ERR_INVALID_ARG);
    assert_non_null(strstr(clickup_last_error(c)->message, "nothing was sent"));
    assert_int_equal(clickup_task_get(c, "abc/../../team", NULL, &t), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_get(c, "abc?x=1", NULL, &t), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_get(c, "a%2e", NULL, &t), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_get(c, "", NULL, &t), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_folders_get(c, "..", NULL, &f), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_folders_get(c, "1 2", NULL, &f), CLICKUP_ERR_INVALID_ARG);
    memset(&nt, 0, sizeof nt);
    assert_int_equal(clickup_task_create(c, "2100", &nt, &t), CLICKUP_ERR_INVALID_ARG);
    nt.name = "   ";
    assert_int_equal(clickup_task_create(c, "2100", &nt, &t), CLICKUP_ERR_INVALID_ARG);
    nt.name = "ok";
    nt.priority = 5;
    assert_int_equal(clickup_task_create(c, "2100", &nt, &t), CLICKUP_ERR_INVALID_ARG);
    nt.priority = 0;
    assert_int_equal(clickup_task_create(c, "21/00", &nt, &t), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_tag_add(c, "86abc123", "bad\ntag"), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(w->seen, 0);
    clickup_client_destroy(c);
}

/* ---- the rate guarantee, against an in-process fixed-window server -------------------------- */
static void run_greedy(world *w, int headers, int windows) {
    clickup_client *c;
    clickup_config cfg;
    clickup_spaces *sp = NULL;
    uint64_t end;
    clickup_config_init(&cfg);
    cfg.rate_limit = 100;
    cfg.rate_window_ms = 60000;
    cfg.disable_cache = 1;
    w->model_limit = 100; w->model_window_s = 60; w->model_headers = headers; w->model_window = -1;
    w->latency = 37;                                  /* some time per request */
    w->wall0 = 1800000017123LL;                       /* server windows not aligned with our start */
    c = make_client(w, &cfg);
    end = (uint64_t)windows * 60000;
    while (w->now < end) {
        assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
        clickup_spaces_free(sp);
    }
    clickup_client_destroy(c);
}

static void test_rate_guarantee_with_headers(void **state) {
    world *w = (world *)*state;
    double used;
    run_greedy(w, 1, 10);
    used = (double)w->model_sent / (10.0 * 100.0);
    print_message("rate model (headers): %d sent in 10 windows, %.1f %% of the allowance, %d x 429\n",
                  w->model_sent, used * 100.0, w->model_429);
    assert_int_equal(w->model_429, 0);
    assert_true(used >= 0.95);
}

static void test_rate_guarantee_without_headers(void **state) {
    world *w = (world *)*state;
    double used;
    run_greedy(w, 0, 10);
    used = (double)w->model_sent / (10.0 * 100.0);
    print_message("rate model (no headers): %d sent, %.1f %%, %d x 429\n", w->model_sent, used * 100.0, w->model_429);
    assert_int_equal(w->model_429, 0);
    assert_true(used >= 0.90);
}

/* The draft's bucket (capacity N, refill N per window) would let ~2N through in the first
   window: our limiter never lets more than N go in any window of length W. */
static void test_limiter_window_bound(void **state) {
    clickup_limiter *l = NULL;
    uint64_t t, sent_first_window = 0;
    (void)state;
    assert_int_equal(clickup_limiter_create(100, 60000, NULL, &l), CLICKUP_OK);
    for (t = 0; t < 60000; t += 10)
        if (clickup__limiter_try(clickup__ring_of(l), t) == 0) sent_first_window++;
    assert_int_equal(sent_first_window, 100);
    assert_int_equal(clickup__limiter_try(clickup__ring_of(l), 60000 - 1) > 0, 1);
    assert_int_equal(clickup__limiter_try(clickup__ring_of(l), 60000), 0);   /* the first token came back */
    clickup_limiter_destroy(l);
}

static void test_limiter_syncs_to_remaining(void **state) {
    clickup_limiter *l = NULL;
    clickup_http_response r;
    clickup_rate_state st;
    char reset[32];
    int64_t wall = 1800000000000LL;
    (void)state;
    /* 0 = the default (100 until a header says otherwise): a configured limit is a ceiling */
    assert_int_equal(clickup_limiter_create(0, 60000, NULL, &l), CLICKUP_OK);
    assert_int_equal(clickup__limiter_try(clickup__ring_of(l), 0), 0);
    memset(&r, 0, sizeof r);
    r.status = 200;
    snprintf(reset, sizeof reset, "%lld", (long long)(wall / 1000 + 10));
    r.rate_limit = "1000"; r.rate_remaining = "0"; r.rate_reset = reset;   /* another process used it all */
    clickup__limiter_update(clickup__ring_of(l), 0, wall, &r, 1);
    clickup__limiter_state(clickup__ring_of(l), 0, &st);
    assert_int_equal(st.limit, 1000);                 /* learned from the header */
    assert_int_equal(st.server_remaining, 0);
    assert_int_equal(st.available, 0);
    assert_true(clickup__limiter_try(clickup__ring_of(l), 5000) >= 5000);  /* blocked until the reset */
    assert_int_equal(clickup__limiter_try(clickup__ring_of(l), 10000 + 1000), 0);
    clickup_limiter_destroy(l);
}

/* What the server has left: the lowest Remaining of its window, less the requests in flight
   and the exchanges that ended without a Remaining.
   1. 8 go at once; the server (limit 50) counts all 8 as they arrive and answers each with 42.
      While answers come in, the ones still in flight are held back; after the last, exactly
      42 are left (0.2.0 took the flight off each answer and kept the lowest: 35).
   2. Safety whatever the order: 8 go, the server has counted only 4 of them when it answers
      those 4 (46 left); the 4 others are still in flight: 42 left, not 46. An answer of an
      older window (a smaller Reset) changes nothing; one without Remaining, or no answer at
      all, holds one back until the window ends; a newer window starts afresh; a 429 leaves 0. */
static void answer(clickup__ring *ring, int64_t wall, long long reset_s, const char *remaining, int status) {
    clickup_http_response r;
    char reset[32];
    memset(&r, 0, sizeof r);
    r.status = status;
    r.rate_limit = "50";
    snprintf(reset, sizeof reset, "%lld", reset_s);
    r.rate_reset = reset;
    r.rate_remaining = remaining;
    clickup__limiter_update(ring, 1010, wall, &r, 1);
}
static int left_now(clickup__ring *ring) {
    clickup_rate_state st;
    clickup__limiter_state(ring, 1020, &st);
    return st.server_remaining;
}

static void test_limiter_lowest_remaining(void **state) {
    clickup_limiter *l = NULL;
    clickup__ring *ring;
    int64_t wall = 1800000000000LL;
    long long reset_s = wall / 1000 + 30;
    int i;
    (void)state;
    assert_int_equal(clickup_limiter_create(50, 60000, NULL, &l), CLICKUP_OK);
    ring = clickup__ring_of(l);
    /* 1. */
    for (i = 0; i < 8; i++) assert_int_equal(clickup__limiter_try(ring, 1000), 0);
    answer(ring, wall, reset_s, "42", 200);
    assert_int_equal(left_now(ring), 42 - 7);                   /* 7 in flight: maybe not counted */
    for (i = 1; i < 8; i++) answer(ring, wall, reset_s, "42", 200);
    print_message("  8 at once, 42 left at the server: the limiter reckons %d left\n", left_now(ring));
    assert_int_equal(left_now(ring), 42);
    /* 2. */
    for (i = 0; i < 8; i++) assert_int_equal(clickup__limiter_try(ring, 1000), 0);
    assert_int_equal(left_now(ring), 34);                       /* 42 - 8 in flight */
    answer(ring, wall, reset_s, "37", 200);                     /* 5 counted: 42 - 5 */
    answer(ring, wall, reset_s, "38", 200);                     /* an earlier count, later answer */
    answer(ring, wall, reset_s, "39", 200);
    answer(ring, wall, reset_s, "40", 200);
    assert_int_equal(left_now(ring), 37 - 4);                   /* never 40 - 4 */
    answer(ring, wall, reset_s - 60, "49", 200);                /* an older window: nothing */
    assert_int_equal(left_now(ring), 37 - 3);
    clickup__limiter_update(ring, 1010, wall, NULL, 0);         /* no answer at all */
    assert_int_equal(left_now(ring), 37 - 2 - 1);
    {
        clickup_http_response r;                                /* an answer without Remaining */
        memset(&r, 0, sizeof r);
        r.status = 502;
        clickup__limiter_update(ring, 1010, wall, &r, 1);
    }
    assert_int_equal(left_now(ring), 37 - 1 - 2);
    answer(ring, wall, reset_s, "35", 200);                     /* the last in flight */
    assert_int_equal(left_now(ring), 35 - 2);                   /* the two unknown still held */
    answer(ring, wall, reset_s + 60, "50", 200);                /* a newer window: afresh */
    assert_int_equal(left_now(ring), 50);
    assert_int_equal(clickup__limiter_try(ring, 1000), 0);
    answer(ring, wall, reset_s + 60, "12", 429);                /* a 429: nothing left */
    assert_int_equal(left_now(ring), 0);
    answer(ring, wall, reset_s + 60, "30", 200);                /* the count never goes back */
    assert_int_equal(left_now(ring), 0);
    clickup_limiter_destroy(l);
}

static void test_rate_fail_mode(void **state) {
    world *w = (world *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    clickup_config_init(&cfg);
    cfg.rate_limit = 2;
    cfg.rate_mode = CLICKUP_RATE_FAIL;
    cfg.disable_cache = 1;
    c = make_client(w, &cfg);
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK); clickup_spaces_free(sp);
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK); clickup_spaces_free(sp);
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_ERR_RATE_LIMITED);
    assert_int_equal(w->seen, 2);
    clickup_client_destroy(c);
}

static void test_shared_limiter_across_clients(void **state) {
    world *w = (world *)*state;
    clickup_limiter *l = NULL;
    clickup_config cfg;
    clickup_client *a, *b;
    clickup_spaces *sp = NULL;
    int i;
    assert_int_equal(clickup_limiter_create(10, 60000, NULL, &l), CLICKUP_OK);
    clickup_config_init(&cfg);
    cfg.limiter = l;
    cfg.disable_cache = 1;
    cfg.rate_mode = CLICKUP_RATE_FAIL;
    a = make_client(w, &cfg);
    b = make_client(w, &cfg);
    for (i = 0; i < 10; i++) {
        assert_int_equal(clickup_spaces_get(i % 2 ? a : b, NULL, &sp), CLICKUP_OK);
        clickup_spaces_free(sp);
    }
    assert_int_equal(clickup_spaces_get(a, NULL, &sp), CLICKUP_ERR_RATE_LIMITED);
    assert_int_equal(clickup_spaces_get(b, NULL, &sp), CLICKUP_ERR_RATE_LIMITED);
    clickup_client_destroy(a);
    clickup_client_destroy(b);
    clickup_limiter_destroy(l);
}

/* ---- header parsers -------------------------------------------------------------------------- */
static void test_header_parsers(void **state) {
    int64_t wall = 784111777000LL;                   /* Sun, 06 Nov 1994 08:49:37 GMT */
    int64_t now = 1800000000000LL;                   /* 2027: Unix ms are above 10^12 */
    (void)state;
    assert_int_equal(clickup__reset_in_ms("1800000002", now, 60000), 2000);
    assert_int_equal(clickup__reset_in_ms("1800000002000", now, 60000), 2000);   /* milliseconds */
    assert_int_equal(clickup__reset_in_ms("1799999000", now, 60000), 0);         /* past: 0 */
    assert_int_equal(clickup__reset_in_ms("1900000000", now, 60000), 65000);     /* clamped */
    assert_int_equal(clickup__reset_in_ms("abc", wall, 60000), -1);
    assert_int_equal(clickup__reset_in_ms("-5", wall, 60000), -1);
    assert_int_equal(clickup__reset_in_ms("", wall, 60000), -1);
    assert_int_equal(clickup__reset_in_ms(NULL, wall, 60000), -1);
    assert_int_equal(clickup__retry_after_ms("7", wall, 65000), 7000);
    assert_int_equal(clickup__retry_after_ms("100000", wall, 65000), 65000);
    assert_int_equal(clickup__retry_after_ms("Sun, 06 Nov 1994 08:49:40 GMT", wall, 65000), 3000);
    assert_int_equal(clickup__retry_after_ms("Sunday, 06-Nov-94 08:49:47 GMT", wall, 65000), 10000);
    assert_int_equal(clickup__retry_after_ms("Sun Nov  6 08:49:38 1994", wall, 65000), 1000);
    assert_int_equal(clickup__retry_after_ms("tomorrow", wall, 65000), -1);
    assert_int_equal(clickup__retry_after_ms("Sun, 06 Foo 1994 08:49:40 GMT", wall, 65000), -1);
}

/* ---- cache ------------------------------------------------------------------------------------- */
/* A task update drops only the task pages of the list its answer names (and workspace task
   queries); other lists' pages stay cached, and so do folders and lists unless it archives. */
static void test_update_drops_only_its_list(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_tasks *ts = NULL;
    clickup_lists *ls = NULL;
    clickup_task_query qa, qb;
    clickup_task_changes ch;
    int seen;
    memset(&qa, 0, sizeof qa); qa.list_id = "2100";
    memset(&qb, 0, sizeof qb); qb.list_id = "2200";
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"tasks\":[],\"last_page\":true}");
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"tasks\":[],\"last_page\":true}");
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"lists\":[]}");
    assert_int_equal(clickup_tasks_get(c, &qa, &ts), CLICKUP_OK); clickup_tasks_free(ts);
    assert_int_equal(clickup_tasks_get(c, &qb, &ts), CLICKUP_OK); clickup_tasks_free(ts);
    assert_int_equal(clickup_lists_get(c, "456", NULL, NULL, &ls), CLICKUP_OK); clickup_lists_free(ls);
    memset(&ch, 0, sizeof ch);
    ch.name = "renamed";
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);                    /* the task is in list 2100 */
    assert_int_equal(clickup_task_update(c, "86abc123", &ch, NULL), CLICKUP_OK);
    seen = w->seen;
    assert_int_equal(clickup_tasks_get(c, &qb, &ts), CLICKUP_OK); clickup_tasks_free(ts);   /* cached */
    assert_int_equal(clickup_lists_get(c, "456", NULL, NULL, &ls), CLICKUP_OK); clickup_lists_free(ls);
    assert_int_equal(w->seen, seen);
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"tasks\":[],\"last_page\":true}");
    assert_int_equal(clickup_tasks_get(c, &qa, &ts), CLICKUP_OK); clickup_tasks_free(ts);   /* dropped */
    assert_int_equal(w->seen, seen + 1);
    ch.archived = CLICKUP_YES;                                       /* an archive changes counts */
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);
    assert_int_equal(clickup_task_update(c, "86abc123", &ch, NULL), CLICKUP_OK);
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"lists\":[]}");
    assert_int_equal(clickup_lists_get(c, "456", NULL, NULL, &ls), CLICKUP_OK); clickup_lists_free(ls);
    assert_int_equal(w->seen, seen + 3);
    clickup_client_destroy(c);
}

static void test_cache_ttl_and_invalidation(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_spaces *sp = NULL;
    clickup_tasks *ts = NULL;
    clickup_task_query q;
    clickup_task_new nt;
    clickup_task *t = NULL;
    clickup_metrics m;
    int i;
    for (i = 0; i < 10; i++) {
        assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
        clickup_spaces_free(sp);
    }
    assert_int_equal(w->seen, 1);
    assert_non_null(strstr(logbuf, "cache hit"));
    w->now += 3600 * 1000 + 1;                       /* past the 1 h TTL */
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
    clickup_spaces_free(sp);
    assert_int_equal(w->seen, 2);
    {   /* per-call bypass */
        clickup_spaces_opts o;
        memset(&o, 0, sizeof o);
        o.flags = CLICKUP_NO_CACHE;
        assert_int_equal(clickup_spaces_get(c, &o, &sp), CLICKUP_OK);
        clickup_spaces_free(sp);
        assert_int_equal(w->seen, 3);
    }
    /* list L's tasks are cached ... */
    w->fallback.body = "{\"tasks\":[],\"last_page\":true}";
    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    assert_int_equal(clickup_tasks_get(c, &q, &ts), CLICKUP_OK); clickup_tasks_free(ts);
    assert_int_equal(clickup_tasks_get(c, &q, &ts), CLICKUP_OK); clickup_tasks_free(ts);
    assert_int_equal(w->seen, 4);
    /* ... until we create a task in L */
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);
    w->next = w->nscript - 1;
    memset(&nt, 0, sizeof nt);
    nt.name = "new";
    assert_int_equal(clickup_task_create(c, "2100", &nt, &t), CLICKUP_OK);
    clickup_task_free(t);
    assert_int_equal(w->seen, 5);
    assert_int_equal(clickup_tasks_get(c, &q, &ts), CLICKUP_OK); clickup_tasks_free(ts);
    assert_int_equal(w->seen, 6);                    /* a fresh request, not the stale page */
    clickup_metrics_get(c, &m);
    assert_true(m.cache_hits >= 10);
    assert_true(m.cache_hit_rate > 0.5);
    clickup_client_destroy(c);
}

static void test_cache_bounds(void **state) {
    world *w = (world *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_folders *f = NULL;
    clickup_metrics m;
    char id[16];
    int i;
    clickup_config_init(&cfg);
    cfg.cache_max_entries = 4;
    c = make_client(w, &cfg);
    w->fallback.body = "{\"folders\":[]}";
    for (i = 0; i < 10; i++) {
        snprintf(id, sizeof id, "%d", 100 + i);
        assert_int_equal(clickup_folders_get(c, id, NULL, &f), CLICKUP_OK);
        clickup_folders_free(f);
    }
    clickup_metrics_get(c, &m);
    assert_int_equal(m.cache_entries, 4);
    assert_int_equal(m.cache_evictions, 6);
    clickup_client_destroy(c);
}

/* ---- config, auth header, discovery -------------------------------------------------------- */
static void test_config_from_env(void **state) {
    clickup_config cfg;
    char msg[256];
    (void)state;
    unsetenv("CLICKUP_API_TOKEN");
    assert_int_equal(clickup_config_from_env(&cfg, msg, sizeof msg), CLICKUP_ERR_CONFIG);
    assert_non_null(strstr(msg, "CLICKUP_API_TOKEN"));
    setenv("CLICKUP_API_TOKEN", "pk_has space", 1);
    assert_int_equal(clickup_config_from_env(&cfg, msg, sizeof msg), CLICKUP_ERR_CONFIG);
    assert_null(strstr(msg, "has space"));           /* names the variable, never the value */
    setenv("CLICKUP_API_TOKEN", "pk_good", 1);
    setenv("CLICKUP_RATE_LIMIT", "ten", 1);
    assert_int_equal(clickup_config_from_env(&cfg, msg, sizeof msg), CLICKUP_ERR_CONFIG);
    assert_non_null(strstr(msg, "CLICKUP_RATE_LIMIT"));
    setenv("CLICKUP_RATE_LIMIT", "-1", 1);
    assert_int_equal(clickup_config_from_env(&cfg, msg, sizeof msg), CLICKUP_ERR_CONFIG);
    setenv("CLICKUP_RATE_LIMIT", "1000", 1);
    setenv("CLICKUP_RATE_WINDOW_S", "0", 1);
    assert_int_equal(clickup_config_from_env(&cfg, msg, sizeof msg), CLICKUP_ERR_CONFIG);
    assert_non_null(strstr(msg, "CLICKUP_RATE_WINDOW_S"));
    setenv("CLICKUP_RATE_WINDOW_S", "60", 1);
    setenv("CLICKUP_ENABLE_CACHE", "maybe", 1);
    assert_int_equal(clickup_config_from_env(&cfg, msg, sizeof msg), CLICKUP_ERR_CONFIG);
    assert_non_null(strstr(msg, "CLICKUP_ENABLE_CACHE"));
    setenv("CLICKUP_ENABLE_CACHE", "false", 1);
    setenv("CLICKUP_TIMEOUT_MS", "12x", 1);
    assert_int_equal(clickup_config_from_env(&cfg, msg, sizeof msg), CLICKUP_ERR_CONFIG);
    assert_non_null(strstr(msg, "CLICKUP_TIMEOUT_MS"));
    setenv("CLICKUP_TIMEOUT_MS", "1500", 1);
    setenv("CLICKUP_LOG_LEVEL", "loud", 1);
    assert_int_equal(clickup_config_from_env(&cfg, msg, sizeof msg), CLICKUP_ERR_CONFIG);
    assert_non_null(strstr(msg, "CLICKUP_LOG_LEVEL"));
    setenv("CLICKUP_LOG_LEVEL", "Debug", 1);
    setenv("CLICKUP_TEAM_ID", "9001", 1);
    assert_int_equal(clickup_config_from_env(&cfg, msg, sizeof msg), CLICKUP_OK);
    assert_string_equal(cfg.token, "pk_good");
    assert_string_equal(cfg.team_id, "9001");
    assert_int_equal(cfg.rate_limit, 1000);
    assert_int_equal(cfg.rate_window_ms, 60000);
    assert_int_equal(cfg.disable_cache, 1);
    assert_int_equal(cfg.timeout_ms, 1500);
    assert_int_equal(cfg.log_level, CLICKUP_LOG_DEBUG);
    unsetenv("CLICKUP_RATE_LIMIT"); unsetenv("CLICKUP_RATE_WINDOW_S"); unsetenv("CLICKUP_ENABLE_CACHE");
    unsetenv("CLICKUP_TIMEOUT_MS"); unsetenv("CLICKUP_LOG_LEVEL"); unsetenv("CLICKUP_TEAM_ID"); unsetenv("CLICKUP_API_TOKEN");
}

static void test_config_check_says_why(void **state) {
    clickup_config cfg;
    char why[200];
    (void)state;
    clickup_config_init(&cfg);
    assert_int_equal(clickup_config_check(&cfg, why, sizeof why), CLICKUP_ERR_CONFIG);
    assert_non_null(strstr(why, "token is missing"));
    cfg.token = "pk_ok";
    cfg.base_url = "http://example.com/api/v2";
    assert_int_equal(clickup_config_check(&cfg, why, sizeof why), CLICKUP_ERR_CONFIG);
    assert_non_null(strstr(why, "https://"));
    cfg.base_url = "http://127.0.0.1:8080/api/v2";
    assert_int_equal(clickup_config_check(&cfg, why, sizeof why), CLICKUP_OK);
    assert_string_equal(why, "");
    cfg.timeout_ms = -1;
    assert_int_equal(clickup_config_check(&cfg, why, sizeof why), CLICKUP_ERR_CONFIG);
    assert_non_null(strstr(why, "timeouts"));
    cfg.timeout_ms = 0;
    cfg.cache_ttl_tasks_ms = -5;
    assert_int_equal(clickup_config_check(&cfg, why, sizeof why), CLICKUP_ERR_CONFIG);
    cfg.cache_ttl_tasks_ms = 0;
    cfg.team_id = "90/01";
    assert_int_equal(clickup_config_check(&cfg, why, sizeof why), CLICKUP_ERR_CONFIG);
    cfg.team_id = NULL;
    cfg.token = "pk_a\tb";
    assert_int_equal(clickup_config_check(&cfg, why, sizeof why), CLICKUP_ERR_CONFIG);
    assert_null(strstr(why, "pk_a"));                  /* never the token's value */
    assert_int_equal(clickup_config_check(NULL, why, sizeof why), CLICKUP_ERR_CONFIG);
}

static void test_auth_header_and_user_agent(void **state) {
    world *w = (world *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    c = make_client(w, NULL);
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK); clickup_spaces_free(sp);
    assert_string_equal(w->auth, "Authorization: " TOKEN);                 /* personal: raw */
    assert_non_null(strstr(w->ua, "User-Agent: clickup.h/" CLICKUP_VERSION_STRING " libcurl/"));
    assert_string_equal(w->url[0], "https://api.clickup.com/api/v2/team/9001/space");
    clickup_client_destroy(c);
    clickup_config_init(&cfg);
    cfg.token = "oauth_abc123";
    c = make_client(w, &cfg);
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK); clickup_spaces_free(sp);
    assert_string_equal(w->auth, "Authorization: Bearer oauth_abc123");   /* OAuth: Bearer */
    clickup_client_destroy(c);
}

static void test_team_discovery(void **state) {
    world *w = (world *)*state;
    clickup_config cfg;
    clickup_client *c;
    const char *team = NULL;
    clickup_config_init(&cfg);
    cfg.team_id = NULL;
    c = make_client(w, &cfg);
    clickup__free(&c->alloc, c->team_id);            /* make_client fills a default: drop it */
    c->team_id = NULL;
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"teams\":[{\"id\":\"9001\",\"name\":\"Ecomlabs\",\"members\":[]},"
                                       "{\"id\":\"9002\",\"name\":\"Second\",\"members\":[]}]}");
    assert_int_equal(clickup_client_team_id(c, &team), CLICKUP_ERR_CONFIG);
    assert_non_null(strstr(clickup_last_error(c)->message, "9001 (Ecomlabs)"));
    assert_non_null(strstr(clickup_last_error(c)->message, "9002 (Second)"));
    clickup_cache_clear(c);
    push(w, CLICKUP_TRANSPORT_OK, 200, "{\"teams\":[{\"id\":\"9001\",\"name\":\"Ecomlabs\",\"members\":[]}]}");
    assert_int_equal(clickup_client_team_id(c, &team), CLICKUP_OK);
    assert_string_equal(team, "9001");
    clickup_client_destroy(c);
}

static void test_metrics(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task *t = NULL;
    clickup_metrics m;
    size_t i;
    int found = 0;
    w->latency = 40;
    push(w, CLICKUP_TRANSPORT_OK, 503, "x");
    push(w, CLICKUP_TRANSPORT_OK, 429, "{}");
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &t), CLICKUP_OK);
    clickup_task_free(t);
    clickup_metrics_get(c, &m);
    assert_int_equal(m.calls, 1);
    assert_int_equal(m.requests, 3);
    assert_int_equal(m.retries, 2);
    assert_int_equal(m.responses_429, 1);
    for (i = 0; i < m.endpoint_count; i++)
        if (strcmp(m.endpoints[i].endpoint, "GET /task/{task_id}") == 0) {
            found = 1;
            assert_int_equal(m.endpoints[i].requests, 3);
            assert_true(m.endpoints[i].p50_ms == 40.0 && m.endpoints[i].p99_ms == 40.0);
        }
    assert_true(found);
    clickup_client_destroy(c);
}

static void test_custom_id_query(void **state) {
    world *w = (world *)*state;
    clickup_client *c = make_client(w, NULL);
    clickup_task *t = NULL;
    clickup_task_get_opts o;
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);
    push(w, CLICKUP_TRANSPORT_OK, 200, TASK_JSON);
    assert_int_equal(clickup_task_get(c, "https://app.clickup.com/t/9002/OPS-42", NULL, &t), CLICKUP_OK);
    clickup_task_free(t);
    assert_string_equal(w->url[0], "https://api.clickup.com/api/v2/task/OPS-42?custom_task_ids=true&team_id=9002");
    memset(&o, 0, sizeof o);
    o.include_subtasks = 1; o.include_markdown = 1;
    assert_int_equal(clickup_task_get(c, "DEV-7", &o, &t), CLICKUP_OK);
    clickup_task_free(t);
    assert_string_equal(w->url[1], "https://api.clickup.com/api/v2/task/DEV-7?custom_task_ids=true&team_id=9001"
                                   "&include_subtasks=true&include_markdown_description=true");
    o.custom_id = CLICKUP_NO;
    assert_int_equal(clickup_task_get(c, "#86abc123", &o, &t), CLICKUP_OK);
    clickup_task_free(t);
    assert_string_equal(w->url[2], "https://api.clickup.com/api/v2/task/86abc123?include_subtasks=true&include_markdown_description=true");
    clickup_client_destroy(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_get_503_503_200, setup, teardown),
        cmocka_unit_test_setup_teardown(test_get_gives_up_after_three_retries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_post_500_is_outcome_unknown, setup, teardown),
        cmocka_unit_test_setup_teardown(test_post_lost_answer_is_outcome_unknown, setup, teardown),
        cmocka_unit_test_setup_teardown(test_post_not_sent_is_retried, setup, teardown),
        cmocka_unit_test_setup_teardown(test_put_retried_on_recv_failure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_429_waits_until_reset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_429_retry_after_and_ms_reset, setup, teardown),
        cmocka_unit_test_setup_teardown(test_429_garbage_headers_fall_back_to_backoff, setup, teardown),
        cmocka_unit_test_setup_teardown(test_429_forever_is_rate_limited, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timeouts_end_within_deadline, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_mapping, setup, teardown),
        cmocka_unit_test_setup_teardown(test_server_echoing_token_is_redacted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_too_large_from_transport, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_json_and_wrong_shape, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_input_sends_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rate_guarantee_with_headers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_rate_guarantee_without_headers, setup, teardown),
        cmocka_unit_test(test_limiter_window_bound),
        cmocka_unit_test(test_limiter_syncs_to_remaining),
        cmocka_unit_test(test_limiter_lowest_remaining),
        cmocka_unit_test_setup_teardown(test_rate_fail_mode, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shared_limiter_across_clients, setup, teardown),
        cmocka_unit_test(test_header_parsers),
        cmocka_unit_test_setup_teardown(test_cache_ttl_and_invalidation, setup, teardown),
        cmocka_unit_test_setup_teardown(test_update_drops_only_its_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cache_bounds, setup, teardown),
        cmocka_unit_test(test_config_from_env),
        cmocka_unit_test(test_config_check_says_why),
        cmocka_unit_test_setup_teardown(test_auth_header_and_user_agent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_team_discovery, setup, teardown),
        cmocka_unit_test_setup_teardown(test_metrics, setup, teardown),
        cmocka_unit_test_setup_teardown(test_custom_id_query, setup, teardown),
    };
    return cmocka_run_group_tests_name("engine", tests, NULL, NULL);
}

/* The raw call and the pump (clickup.h [api:call], [engine]) over real HTTP, against the
   loopback sandbox (tests/sandbox.h):
   - a raw call keeps every guarantee of the typed calls: retries of a GET, a POST never sent
     twice (unless CLICKUP_RETRY_SAFE), the wait for a 429's Reset, the cache and its
     invalidation, redaction of the token, path templates filled and encoded, refusals before
     anything is sent;
   - a limiter written against the method table (clickup_limiter_create_custom) is asked before
     every request and told about every exchange, with the server's X-RateLimit-* values;
   - two requests of one client are in flight at once (the sandbox counts them), driven by
     clickup_call_start / clickup_pump / clickup_call_finish;
   - destroying a client with a request still in flight frees it.
   Every log line (DEBUG level), every error message and every response body of every test is
   captured and checked for the token when the test ends. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <pthread.h>
#include <time.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include "sandbox.h"
#include <cmocka.h>

#define WRONG_TOKEN "pk_wrong_token_5XQ2"     /* a token the sandbox does not know */

/* ==== what the library let out: log lines, error messages, response bodies ================= */
static char logbuf[1 << 20];                   /* every log line of the current test */
static size_t loglen;
static char seenbuf[1 << 20];                  /* error messages and bodies the tests saw */
static size_t seenlen;

static void append(char *buf, size_t cap, size_t *len, const char *s) {
    int n = snprintf(buf + *len, cap - *len, "%s\n", s ? s : "");
    if (n > 0 && *len + (size_t)n < cap) *len += (size_t)n;
}
static void capture_log(void *user, clickup_log_level level, const char *line) {
    char tmp[1200];
    (void)user;
    snprintf(tmp, sizeof tmp, "%d %s", (int)level, line);
    append(logbuf, sizeof logbuf, &loglen, tmp);
}
static void seen_error(const clickup_error *e) {
    append(seenbuf, sizeof seenbuf, &seenlen, e->message);
    append(seenbuf, sizeof seenbuf, &seenlen, e->api_message);
    append(seenbuf, sizeof seenbuf, &seenlen, e->curl_error);
    append(seenbuf, sizeof seenbuf, &seenlen, e->ecode);
    append(seenbuf, sizeof seenbuf, &seenlen, e->path);
}
/* A response the test got: its body and its error go on record (NULL is fine). */
static void seen_response(const clickup_response *r) {
    if (!r) return;
    append(seenbuf, sizeof seenbuf, &seenlen, r->body);
    if (r->retry_after) append(seenbuf, sizeof seenbuf, &seenlen, r->retry_after);
    seen_error(&r->error);
}

/* ==== fixture: a sandbox per test ============================================================ */
typedef struct fixture {
    sandbox *sb;
    char     url[96];
} fixture;

static int start_default(void **state) {
    fixture *f = (fixture *)calloc(1, sizeof *f);
    assert_non_null(f);
    f->sb = sandbox_start(NULL);
    assert_non_null(f->sb);
    sandbox_base_url(f->sb, f->url, sizeof f->url);
    *state = f;
    loglen = seenlen = 0;
    logbuf[0] = seenbuf[0] = '\0';
    return 0;
}
static int stop(void **state) {
    fixture *f = (fixture *)*state;
    sandbox_stop(f->sb);
    free(f);
    assert_null(strstr(logbuf, SANDBOX_TOKEN));            /* the token never appears ... */
    assert_null(strstr(logbuf, WRONG_TOKEN));
    assert_null(strstr(logbuf, "Authorization"));
    assert_null(strstr(seenbuf, SANDBOX_TOKEN));           /* ... in errors or bodies either */
    assert_null(strstr(seenbuf, WRONG_TOKEN));
    assert_null(strstr(seenbuf, "Authorization"));
    return 0;
}

static uint64_t now_ms(void) { return clickup__mono_ms(NULL); }

/* A client of the sandbox: fast backoff, every log line captured. base may be NULL. */
static clickup_client *client_for(const char *url, const clickup_config *base) {
    clickup_config cfg;
    clickup_client *c = NULL;
    if (base) cfg = *base; else clickup_config_init(&cfg);
    if (!cfg.token) cfg.token = SANDBOX_TOKEN;
    cfg.base_url = url;
    if (!cfg.backoff_base_ms) cfg.backoff_base_ms = 20;
    if (!cfg.backoff_cap_ms) cfg.backoff_cap_ms = 80;
    cfg.log = capture_log;
    cfg.log_level = CLICKUP_LOG_DEBUG;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    return c;
}

/* A request: method, path, and up to two params (NULL names are left out). */
typedef struct req_builder {
    clickup_request rq;
    clickup_param   params[2];
} req_builder;
static clickup_request *req(req_builder *b, const char *method, const char *path, const char *p1, const char *v1,
                            const char *p2, const char *v2) {
    memset(b, 0, sizeof *b);
    b->rq.method = method;
    b->rq.path = path;
    b->rq.params = b->params;
    if (p1) { b->params[b->rq.param_count].name = p1; b->params[b->rq.param_count++].value = v1; }
    if (p2) { b->params[b->rq.param_count].name = p2; b->params[b->rq.param_count++].value = v2; }
    return &b->rq;
}

/* clickup_call, with the response and the client's last error put on record. */
static clickup_result call(clickup_client *c, const clickup_request *rq, clickup_response **out) {
    clickup_result rc = clickup_call(c, rq, out);
    seen_response(*out);
    seen_error(clickup_last_error(c));
    return rc;
}

/* The string member `key` of the response's JSON, or "". */
static const char *json_str(const clickup_response *r, const char *key) {
    return clickup_json_as_string(clickup_json_get(r->json, key), "", NULL);
}

/* ==== 1a-1d: retries, POST safety, 429 ======================================================= */

/* A GET answered 503 once is retried and succeeds; the response carries the parsed JSON. */
static void test_get_503_is_retried(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_response *r = NULL;
    req_builder b;
    sandbox_fault(f->sb, "GET", "/api/v2/task/86abc123", SANDBOX_FAULT_STATUS, 1, 503);
    assert_int_equal(call(c, req(&b, "GET", "/task/{task_id}", "task_id", "86abc123", NULL, NULL), &r), CLICKUP_OK);
    assert_non_null(r);
    assert_int_equal(r->status, 200);
    assert_int_equal(r->error.code, CLICKUP_OK);
    assert_int_equal(r->error.attempts, 2);
    assert_int_equal(r->from_cache, 0);
    assert_non_null(r->json);
    assert_string_equal(json_str(r, "id"), "86abc123");
    assert_true(r->body_len > 0 && strlen(r->body) == r->body_len);
    assert_true(r->rate_limit > 0 && r->rate_remaining >= 0 && r->rate_reset > 0);   /* X-RateLimit-* read */
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/task/86abc123"), 2);
    assert_int_equal(sandbox_fault_pending(f->sb), 0);
    clickup_response_free(r);
    clickup_client_destroy(c);
}

/* A POST that creates, answered 500: it may have happened, so it is not sent again; the
   answer is still handed out. */
static void test_post_500_outcome_unknown(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_response *r = NULL;
    req_builder b;
    clickup_request *rq = req(&b, "POST", "/list/{list_id}/task", "list_id", "2101", NULL, NULL);
    rq->body = "{\"name\":\"x\"}";
    sandbox_fault(f->sb, "POST", "/api/v2/list/2101/task", SANDBOX_FAULT_STATUS, -1, 500);
    assert_int_equal(call(c, rq, &r), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_non_null(r);                                    /* handed out, error included */
    assert_int_equal(r->status, 500);
    assert_int_equal(r->error.code, CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(r->error.http_status, 500);
    assert_int_equal(r->error.attempts, 1);
    assert_non_null(strstr(r->body, "Sandbox fault: HTTP 500"));
    assert_non_null(r->json);
    assert_int_equal(clickup_last_error(c)->code, CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(sandbox_request_count(f->sb, "POST", NULL), 1);        /* exactly once */
    assert_int_equal(sandbox_request_count(f->sb, NULL, NULL), 1);
    assert_int_equal(sandbox_tasks_created(f->sb), 0);
    clickup_response_free(r);
    clickup_client_destroy(c);
}

/* The same POST marked idempotent by the caller is retried after the 500. */
static void test_post_retry_safe_is_retried(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_response *r = NULL;
    req_builder b;
    sandbox_request last;
    clickup_request *rq = req(&b, "POST", "/list/{list_id}/task", "list_id", "2101", NULL, NULL);
    rq->body = "{\"name\":\"x\"}";
    rq->flags = CLICKUP_RETRY_SAFE;
    sandbox_fault(f->sb, "POST", "/api/v2/list/2101/task", SANDBOX_FAULT_STATUS, 1, 500);
    assert_int_equal(call(c, rq, &r), CLICKUP_OK);
    assert_non_null(r);
    assert_int_equal(r->status, 200);
    assert_int_equal(r->error.attempts, 2);
    assert_string_equal(json_str(r, "name"), "x");
    assert_int_equal(sandbox_request_count(f->sb, "POST", "/api/v2/list/2101/task"), 2);
    assert_int_equal(sandbox_tasks_created(f->sb), 1);    /* the faulted one was not applied */
    assert_int_equal(sandbox_request_last(f->sb, "POST", NULL, &last), 0);
    assert_string_equal(last.body, "{\"name\":\"x\"}");   /* the body went as given */
    assert_non_null(last.content_type);
    assert_non_null(strstr(last.content_type, "application/json"));
    clickup_response_free(r);
    clickup_client_destroy(c);
}

/* A 429 makes the call wait for the server's Reset before it retries. The Reset has
   whole-second resolution (Unix seconds): with Reset = now + 2 s the wait is between 1 and 2 s
   (plus the limiter's margin), so 1 s is a bound that always holds. */
static void test_429_waits_for_reset(void **state) {
    fixture *f = (fixture *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_response *r = NULL;
    req_builder b;
    sandbox_request first;
    uint64_t t0, dt;
    clickup_config_init(&cfg);
    cfg.rate_window_ms = 2000;                             /* a short window: a small margin */
    c = client_for(f->url, &cfg);
    sandbox_fault(f->sb, "GET", "/api/v2/task/86abc123", SANDBOX_FAULT_429, 1, 2);
    t0 = now_ms();
    assert_int_equal(call(c, req(&b, "GET", "/task/{task_id}", "task_id", "86abc123", NULL, NULL), &r), CLICKUP_OK);
    dt = now_ms() - t0;
    print_message("429 with Reset in 2 s: the call took %llu ms, waited %llu ms\n", (unsigned long long)dt,
                  (unsigned long long)r->error.waited_ms);
    assert_int_equal(r->status, 200);
    assert_int_equal(r->error.attempts, 2);
    assert_true(dt >= 1000);
    assert_true(dt <= 4000);
    assert_true(r->error.waited_ms >= 1000);
    assert_int_equal(sandbox_request_count(f->sb, "GET", NULL), 2);
    assert_int_equal(sandbox_request_get(f->sb, 0, &first), 0);
    assert_int_equal(first.status, 429);
    assert_int_equal(first.fault, SANDBOX_FAULT_429);
    assert_string_equal(first.rate_remaining, "0");
    /* the retry went after the Reset the 429 announced (wall clock, whole seconds) */
    assert_true(clickup__wall_ms(NULL) >= (int64_t)strtoll(first.rate_reset, NULL, 10) * 1000);
    clickup_response_free(r);
    clickup_client_destroy(c);
}

/* ==== 1e: the cache ========================================================================== */
static void test_cache_serves_and_is_invalidated(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_response *r1 = NULL, *r2 = NULL, *r = NULL;
    req_builder b, w;
    clickup_param page = { "page", "0" };
    clickup_request *get = req(&b, "GET", "/list/{list_id}/task", "list_id", "2101", NULL, NULL), *post;
    size_t before;
    get->query = &page;
    get->query_count = 1;
    /* a task page: the second GET is served by the cache */
    assert_int_equal(call(c, get, &r1), CLICKUP_OK);
    assert_int_equal(r1->from_cache, 0);
    assert_int_equal(call(c, get, &r2), CLICKUP_OK);
    assert_int_equal(r2->from_cache, 1);
    assert_int_equal(r2->status, 200);
    assert_string_equal(r2->body, r1->body);
    assert_non_null(r2->json);
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/list/2101/task"), 1);
    before = clickup_json_len(clickup_json_get(r1->json, "tasks"));
    clickup_response_free(r1);
    clickup_response_free(r2);
    /* CLICKUP_NO_CACHE goes to the network */
    get->flags = CLICKUP_NO_CACHE;
    assert_int_equal(call(c, get, &r), CLICKUP_OK);
    assert_int_equal(r->from_cache, 0);
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/list/2101/task"), 2);
    clickup_response_free(r);
    get->flags = 0;
    /* a raw POST that creates a task in that list makes the page stale */
    post = req(&w, "POST", "/list/{list_id}/task", "list_id", "2101", NULL, NULL);
    post->body = "{\"name\":\"fresh\"}";
    assert_int_equal(call(c, post, &r), CLICKUP_OK);
    clickup_response_free(r);
    assert_int_equal(call(c, get, &r), CLICKUP_OK);
    assert_int_equal(r->from_cache, 0);
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/list/2101/task"), 3);
    assert_int_equal(clickup_json_len(clickup_json_get(r->json, "tasks")), before + 1);   /* our write shows */
    clickup_response_free(r);
    assert_non_null(strstr(logbuf, "cache hit"));
    clickup_client_destroy(c);
}

/* CLICKUP_CACHE caches a GET the table does not cache; any write drops it. */
static void test_cache_flag_and_any_write(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_response *r = NULL;
    req_builder b, w;
    clickup_request *get = req(&b, "GET", "/task/{task_id}", "task_id", "86c00001", NULL, NULL), *wr;
    int i;
    const char *path = "/api/v2/task/86c00001";
    /* not cached by default */
    for (i = 0; i < 2; i++) {
        assert_int_equal(call(c, get, &r), CLICKUP_OK);
        assert_int_equal(r->from_cache, 0);
        clickup_response_free(r);
    }
    assert_int_equal(sandbox_request_count(f->sb, "GET", path), 2);
    /* cached at the caller's request */
    get->flags = CLICKUP_CACHE;
    for (i = 0; i < 3; i++) {
        assert_int_equal(call(c, get, &r), CLICKUP_OK);
        assert_int_equal(r->from_cache, i > 0);
        assert_string_equal(json_str(r, "id"), "86c00001");
        clickup_response_free(r);
    }
    assert_int_equal(sandbox_request_count(f->sb, "GET", path), 3);
    /* a GET of something else leaves it */
    assert_int_equal(call(c, req(&w, "GET", "/list/{list_id}", "list_id", "2200", NULL, NULL), &r), CLICKUP_OK);
    clickup_response_free(r);
    assert_int_equal(call(c, get, &r), CLICKUP_OK);
    assert_int_equal(r->from_cache, 1);
    clickup_response_free(r);
    /* a raw write of another task drops it (nobody can tell what a cached raw GET shows) */
    wr = req(&w, "PUT", "/task/{task_id}", "task_id", "86c00002", NULL, NULL);
    wr->body = "{\"name\":\"renamed\"}";
    assert_int_equal(call(c, wr, &r), CLICKUP_OK);
    clickup_response_free(r);
    assert_int_equal(call(c, get, &r), CLICKUP_OK);
    assert_int_equal(r->from_cache, 0);
    clickup_response_free(r);
    assert_int_equal(sandbox_request_count(f->sb, "GET", path), 4);
    /* cached again; a write whose row only drops task pages drops it too */
    assert_int_equal(call(c, get, &r), CLICKUP_OK);
    assert_int_equal(r->from_cache, 1);
    clickup_response_free(r);
    wr = req(&w, "DELETE", "/task/{task_id}/tag/{tag_name}", "task_id", "86c00002", "tag_name", "nothere");
    (void)call(c, wr, &r);                                 /* whatever its outcome */
    assert_int_equal(sandbox_request_count(f->sb, "DELETE", NULL), 1);
    clickup_response_free(r);
    assert_int_equal(call(c, get, &r), CLICKUP_OK);
    assert_int_equal(r->from_cache, 0);
    clickup_response_free(r);
    assert_int_equal(sandbox_request_count(f->sb, "GET", path), 5);
    clickup_client_destroy(c);
}

/* ==== 1f: the token never appears ============================================================ */
/* Failures of every kind (401, 404, 500 on a POST, a lost connection, a refusal) and a success,
   all at DEBUG level; the teardown checks the log, the error messages and the bodies. */
static void test_token_never_appears(void **state) {
    fixture *f = (fixture *)*state;
    clickup_config cfg;
    clickup_client *c = client_for(f->url, NULL), *bad;
    clickup_response *r = NULL;
    req_builder b;
    sandbox_request last;
    clickup_request *post;
    /* a success, and the token really was sent (the check below is not vacuous) */
    assert_int_equal(call(c, req(&b, "GET", "/task/{task_id}", "task_id", "86abc123", NULL, NULL), &r), CLICKUP_OK);
    clickup_response_free(r);
    assert_int_equal(sandbox_request_last(f->sb, "GET", NULL, &last), 0);
    assert_string_equal(last.authorization, SANDBOX_TOKEN);
    /* 404 */
    assert_int_equal(call(c, req(&b, "GET", "/task/{task_id}", "task_id", "nope404", NULL, NULL), &r), CLICKUP_ERR_NOT_FOUND);
    assert_non_null(r);
    assert_int_equal(r->status, 404);
    assert_string_equal(r->error.ecode, "ITEM_013");
    clickup_response_free(r);
    /* a 500 on a POST */
    post = req(&b, "POST", "/list/{list_id}/task", "list_id", "2200", NULL, NULL);
    post->body = "{\"name\":\"x\"}";
    sandbox_fault(f->sb, "POST", NULL, SANDBOX_FAULT_STATUS, 1, 500);
    assert_int_equal(call(c, post, &r), CLICKUP_ERR_OUTCOME_UNKNOWN);
    clickup_response_free(r);
    /* a connection reset mid-answer, on every attempt of a GET */
    sandbox_fault(f->sb, "GET", NULL, SANDBOX_FAULT_CONN_RESET, -1, 0);
    assert_int_equal(call(c, req(&b, "GET", "/list/{list_id}", "list_id", "2101", NULL, NULL), &r), CLICKUP_ERR_NETWORK);
    assert_non_null(r);
    assert_int_equal(r->status, 0);
    clickup_response_free(r);
    sandbox_fault_clear(f->sb);
    /* a refusal */
    assert_int_equal(call(c, req(&b, "GET", "/task/{task_id}", NULL, NULL, NULL, NULL), &r), CLICKUP_ERR_INVALID_ARG);
    assert_null(r);
    clickup_client_destroy(c);
    /* 401 with a token the server does not know */
    clickup_config_init(&cfg);
    cfg.token = WRONG_TOKEN;
    bad = client_for(f->url, &cfg);
    assert_int_equal(call(bad, req(&b, "GET", "/task/{task_id}", "task_id", "86abc123", NULL, NULL), &r), CLICKUP_ERR_AUTH);
    assert_non_null(r);
    assert_int_equal(r->status, 401);
    assert_string_equal(r->error.ecode, "OAUTH_025");
    clickup_response_free(r);
    assert_int_equal(sandbox_request_last(f->sb, "GET", NULL, &last), 0);
    assert_string_equal(last.authorization, WRONG_TOKEN);
    clickup_client_destroy(bad);
    /* the DEBUG lines were there to check */
    assert_non_null(strstr(logbuf, "GET /task/86abc123 -> 200"));
    assert_non_null(strstr(logbuf, "-> 401"));
}

/* ==== 1g: path templates, params, query, refusals ============================================ */
static void test_paths_and_params(void **state) {
    fixture *f = (fixture *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_response *r = NULL;
    req_builder b;
    sandbox_request last;
    clickup_param q[3];
    clickup_config_init(&cfg);
    cfg.team_id = SANDBOX_TEAM_ID;
    c = client_for(f->url, &cfg);
    /* a template with its param; the same path given concrete */
    assert_int_equal(call(c, req(&b, "GET", "/task/{task_id}", "task_id", "86abc123", NULL, NULL), &r), CLICKUP_OK);
    assert_string_equal(json_str(r, "id"), "86abc123");
    clickup_response_free(r);
    assert_int_equal(sandbox_request_last(f->sb, NULL, NULL, &last), 0);
    assert_string_equal(last.path, "/api/v2/task/86abc123");
    assert_int_equal(call(c, req(&b, "GET", "/task/86abc124", NULL, NULL, NULL, NULL), &r), CLICKUP_OK);
    assert_string_equal(json_str(r, "id"), "86abc124");
    clickup_response_free(r);
    /* a value with '/' and a space is one encoded segment: GET /list/2101/task would be a task
       page (200); encoded, it is a list id that does not exist (404) */
    assert_int_equal(call(c, req(&b, "GET", "/list/{list_id}", "list_id", "2101/task", NULL, NULL), &r), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(r->status, 404);
    assert_string_equal(r->error.ecode, "ITEM_017");                       /* List not found */
    clickup_response_free(r);
    assert_int_equal(sandbox_request_last(f->sb, NULL, NULL, &last), 0);
    assert_string_equal(last.path, "/api/v2/list/2101%2Ftask");
    assert_int_equal(call(c, req(&b, "GET", "/list/{list_id}", "list_id", "21 01", NULL, NULL), &r), CLICKUP_ERR_NOT_FOUND);
    clickup_response_free(r);
    assert_int_equal(sandbox_request_last(f->sb, NULL, NULL, &last), 0);
    assert_string_equal(last.path, "/api/v2/list/21%2001");
    /* two params */
    assert_int_equal(call(c, req(&b, "POST", "/task/{task_id}/tag/{tag_name}", "task_id", "86c00001", "tag_name", "a b/c"), &r),
                     CLICKUP_OK);
    clickup_response_free(r);
    assert_int_equal(sandbox_request_last(f->sb, NULL, NULL, &last), 0);
    assert_string_equal(last.method, "POST");
    assert_string_equal(last.path, "/api/v2/task/86c00001/tag/a%20b%2Fc");
    /* {team_id} comes from the configuration */
    assert_int_equal(call(c, req(&b, "GET", "/team/{team_id}/space", NULL, NULL, NULL, NULL), &r), CLICKUP_OK);
    assert_non_null(clickup_json_get(r->json, "spaces"));
    clickup_response_free(r);
    assert_int_equal(sandbox_request_last(f->sb, NULL, NULL, &last), 0);
    assert_string_equal(last.path, "/api/v2/team/9001/space");
    /* repeated query keys arrive in order, as given ({team_Id}: ClickUp's spelling, filled too) */
    q[0].name = "space_ids[]"; q[0].value = "791";
    q[1].name = "page";        q[1].value = "0";
    q[2].name = "space_ids[]"; q[2].value = "790";
    req(&b, "GET", "/team/{team_Id}/task", NULL, NULL, NULL, NULL);
    b.rq.query = q;
    b.rq.query_count = 3;
    assert_int_equal(call(c, &b.rq, &r), CLICKUP_OK);
    clickup_response_free(r);
    assert_int_equal(sandbox_request_last(f->sb, NULL, NULL, &last), 0);
    assert_string_equal(last.path, "/api/v2/team/9001/task");
    assert_int_equal(last.param_count, 3);
    assert_string_equal(last.params[0].key, "space_ids[]");
    assert_string_equal(last.params[0].value, "791");
    assert_string_equal(last.params[1].key, "page");
    assert_string_equal(last.params[2].key, "space_ids[]");
    assert_string_equal(last.params[2].value, "790");
    assert_string_equal(sandbox_request_query(&last, "space_ids[]", 0), "791");
    assert_string_equal(sandbox_request_query(&last, "space_ids[]", 1), "790");
    /* query values are encoded: '&', '=', '#', '+' and spaces stay inside their value */
    q[0].name = "custom_fields"; q[0].value = "a&b=c #d+e";
    req(&b, "GET", "/list/{list_id}/task", "list_id", "2200", NULL, NULL);
    b.rq.query = q;
    b.rq.query_count = 1;
    assert_int_equal(call(c, &b.rq, &r), CLICKUP_OK);
    clickup_response_free(r);
    assert_int_equal(sandbox_request_last(f->sb, NULL, NULL, &last), 0);
    assert_int_equal(last.param_count, 1);
    assert_string_equal(last.params[0].value, "a&b=c #d+e");
    clickup_client_destroy(c);
}

/* Bad requests are refused before anything is sent. */
static void test_refused_before_sending(void **state) {
    static const struct { const char *method, *path; } bad[] = {
        { "GET", "/task/{task_id}" },              /* no value for {task_id}            */
        { "GET", "/task/{taskid}" },               /* a name params does not have       */
        { "GET", "/task/../team" },                /* a '..' segment                    */
        { "GET", "/task/86abc123/.." },
        { "GET", "/./task/86abc123" },             /* a '.' segment                     */
        { "GET", "//task/86abc123" },              /* an empty segment                  */
        { "GET", "/task/86abc123?include_subtasks=true" },   /* a query in the path     */
        { "GET", "/task/86abc123#x" },
        { "GET", "task/86abc123" },                /* not relative to the base URL      */
        { "GET", "http://evil.example/task/1" },
        { "GET", "/task/{task_id" },               /* an unclosed '{'                   */
        { "GET", "/task/a b" },                    /* a literal space                   */
        { "HEAD", "/task/86abc123" },              /* methods                           */
        { "get", "/task/86abc123" },
        { "GET ", "/task/86abc123" },
        { "", "/task/86abc123" },
        { NULL, "/task/86abc123" },
        { "GET", NULL },
    };
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_response *r = NULL;
    clickup_pending *p = NULL;
    req_builder b;
    clickup_param empty = { "task_id", "" }, ctl = { "task_id", "86abc\r\n123" };
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        r = (clickup_response *)&b;                        /* must be reset to NULL */
        assert_int_equal(clickup_call(c, req(&b, bad[i].method, bad[i].path, "list_id", "2101", NULL, NULL), &r),
                         CLICKUP_ERR_INVALID_ARG);
        assert_null(r);
        seen_error(clickup_last_error(c));
        assert_int_equal(clickup_last_error(c)->code, CLICKUP_ERR_INVALID_ARG);
        assert_non_null(strstr(clickup_last_error(c)->message, "nothing was sent"));
        p = (clickup_pending *)&b;
        assert_int_equal(clickup_call_start(c, &b.rq, &p), CLICKUP_ERR_INVALID_ARG);
        assert_null(p);
    }
    /* empty and control-character values, a GET with a body, negative numbers, NULL arrays */
    req(&b, "GET", "/task/{task_id}", NULL, NULL, NULL, NULL);
    b.rq.params = &empty; b.rq.param_count = 1;
    assert_int_equal(call(c, &b.rq, &r), CLICKUP_ERR_INVALID_ARG);
    b.rq.params = &ctl;
    assert_int_equal(call(c, &b.rq, &r), CLICKUP_ERR_INVALID_ARG);
    req(&b, "GET", "/task/{task_id}", "task_id", "86abc123", NULL, NULL);
    b.rq.body = "{}";
    assert_int_equal(call(c, &b.rq, &r), CLICKUP_ERR_INVALID_ARG);
    b.rq.body = NULL;
    b.rq.deadline_ms = -1;
    assert_int_equal(call(c, &b.rq, &r), CLICKUP_ERR_INVALID_ARG);
    b.rq.deadline_ms = 0;
    b.rq.query_count = 1;                                  /* b.rq.query is NULL */
    assert_int_equal(call(c, &b.rq, &r), CLICKUP_ERR_INVALID_ARG);
    b.rq.query_count = 0;
    b.rq.params = NULL;                                    /* param_count is 1 */
    assert_int_equal(call(c, &b.rq, &r), CLICKUP_ERR_INVALID_ARG);
    /* NULL arguments */
    assert_int_equal(clickup_call(NULL, &b.rq, &r), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_call(c, NULL, &r), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_call(c, &b.rq, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_call_finish(NULL, &r), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_pump(NULL, 0, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_pump(c, -1, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_call_done(NULL), 0);
    assert_null(r);
    assert_int_equal(sandbox_request_count(f->sb, NULL, NULL), 0);   /* nothing at all was sent */
    clickup_client_destroy(c);
}

/* Percent-decode s into out (cap bytes). */
static void pct_decode(const char *s, char *out, size_t cap) {
    size_t o = 0;
    unsigned v;
    while (*s && o + 1 < cap) {
        if (s[0] == '%' && s[1] && s[2] && sscanf(s + 1, "%2x", &v) == 1) { out[o++] = (char)v; s += 3; }
        else out[o++] = *s++;
    }
    out[o] = '\0';
}

/* A param value of "." or ".." must not climb out of its segment. URL parsers resolve dot
   segments (RFC 3986 5.2.4; libcurl does unless CURLOPT_PATH_AS_IS), so a tag named ".." in
   DELETE /task/{task_id}/tag/{tag_name} would become DELETE /task/86c00001/ - with a lenient
   router (Express ignores a trailing slash), DeleteTask. Such a value must be refused, or sent
   so that the server sees it inside its own segment. Every case is printed, then checked. */
static void test_dot_param_cannot_traverse(void **state) {
    static const char *const values[] = { "..", "." };
    static const char prefix[] = "/api/v2/task/86c00001/tag/";
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_response *r = NULL;
    req_builder b;
    sandbox_request last;
    clickup_result rc[2];
    size_t sent[2], i;
    char seg[2][64];
    for (i = 0; i < 2; i++) {
        sandbox_log_reset(f->sb);
        rc[i] = call(c, req(&b, "DELETE", "/task/{task_id}/tag/{tag_name}", "task_id", "86c00001", "tag_name", values[i]), &r);
        clickup_response_free(r);
        r = NULL;
        sent[i] = sandbox_request_count(f->sb, NULL, NULL);
        memset(&last, 0, sizeof last);
        seg[i][0] = '\0';
        if (sent[i] == 1) {
            assert_int_equal(sandbox_request_last(f->sb, NULL, NULL, &last), 0);
            if (strncmp(last.path, prefix, sizeof prefix - 1) == 0) pct_decode(last.path + sizeof prefix - 1, seg[i], sizeof seg[i]);
            else snprintf(seg[i], sizeof seg[i], "(outside %s)", prefix);
        }
        print_message("tag_name \"%s\": %s, %u request(s), the sandbox saw %s %s -> %d\n", values[i], clickup_strerror(rc[i]),
                      (unsigned)sent[i], sent[i] ? last.method : "-", sent[i] ? last.path : "-", sent[i] ? last.status : 0);
    }
    clickup_client_destroy(c);
    for (i = 0; i < 2; i++) {
        if (rc[i] == CLICKUP_ERR_INVALID_ARG) assert_int_equal(sent[i], 0);      /* refused: nothing sent */
        else assert_string_equal(seg[i], values[i]);                             /* or kept in its segment */
    }
}

/* Query names are part of the request too: a name with '&', '=', '#' or a space must not add
   pairs or cut the URL. It is refused, or arrives as the one name it is. Every case is printed,
   then checked. */
static void test_query_name_cannot_inject(void **state) {
    static const char *const names[] = { "page&archived=true", "a=b", "page#frag", "a b" };
    enum { N = sizeof names / sizeof names[0] };
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_response *r = NULL;
    req_builder b;
    sandbox_request last;
    clickup_result rc[N];
    size_t sent[N], pairs[N], i;
    char key[N][64], value[N][64];
    for (i = 0; i < N; i++) {
        clickup_param q = { NULL, "1" };
        q.name = names[i];
        sandbox_log_reset(f->sb);
        req(&b, "GET", "/list/{list_id}/task", "list_id", "2200", NULL, NULL);
        b.rq.query = &q;
        b.rq.query_count = 1;
        b.rq.flags = CLICKUP_NO_CACHE;
        rc[i] = call(c, &b.rq, &r);
        clickup_response_free(r);
        r = NULL;
        sent[i] = sandbox_request_count(f->sb, NULL, NULL);
        pairs[i] = 0;
        key[i][0] = value[i][0] = '\0';
        memset(&last, 0, sizeof last);
        if (sent[i] == 1) {
            assert_int_equal(sandbox_request_last(f->sb, NULL, NULL, &last), 0);
            pairs[i] = last.param_count;
            if (pairs[i]) {
                snprintf(key[i], sizeof key[i], "%s", last.params[0].key);
                snprintf(value[i], sizeof value[i], "%s", last.params[0].value);
            }
        }
        print_message("query name \"%s\": %s, %u request(s), the sandbox saw \"?%s\" (%u pair(s))\n", names[i],
                      clickup_strerror(rc[i]), (unsigned)sent[i], sent[i] ? last.query : "-", (unsigned)pairs[i]);
    }
    clickup_client_destroy(c);
    for (i = 0; i < N; i++) {
        if (rc[i] == CLICKUP_ERR_INVALID_ARG) {
            assert_int_equal(sent[i], 0);
        } else {
            assert_int_equal(sent[i], 1);
            assert_int_equal(pairs[i], 1);
            assert_string_equal(key[i], names[i]);
            assert_string_equal(value[i], "1");
        }
    }
}

/* {team_id} without a configured workspace: discovered through GET /team first. */
static void test_team_id_discovered(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_response *r = NULL;
    req_builder b;
    sandbox_request e;
    assert_int_equal(call(c, req(&b, "GET", "/team/{team_id}/space", NULL, NULL, NULL, NULL), &r), CLICKUP_OK);
    clickup_response_free(r);
    assert_int_equal(sandbox_request_count(f->sb, NULL, NULL), 2);
    assert_int_equal(sandbox_request_get(f->sb, 0, &e), 0);
    assert_string_equal(e.path, "/api/v2/team");
    assert_int_equal(sandbox_request_get(f->sb, 1, &e), 0);
    assert_string_equal(e.path, "/api/v2/team/9001/space");
    /* an explicit param wins over the workspace */
    assert_int_equal(call(c, req(&b, "GET", "/team/{team_id}/space", "team_id", "9002", NULL, NULL), &r), CLICKUP_ERR_NO_ACCESS);
    clickup_response_free(r);
    assert_int_equal(sandbox_request_last(f->sb, NULL, NULL, &e), 0);
    assert_string_equal(e.path, "/api/v2/team/9002/space");
    clickup_client_destroy(c);
}

/* ==== 2: a limiter of the test's own, through the method table ================================ */
#define MAX_REC 16
typedef struct obs_rec {
    int  status;
    int  has_limit, has_remaining, has_reset;
    char limit[32], remaining[32], reset[32];
    uint64_t now_ms;
    int64_t  wall_ms;
} obs_rec;

typedef struct test_limiter {
    sandbox *sb;                     /* to see what the server has received at each call   */
    int      acquires, observes, states, destroys;
    uint64_t acquire_now[MAX_REC];
    size_t   sent_at_acquire[MAX_REC];   /* requests the sandbox had logged when asked      */
    size_t   sent_at_observe[MAX_REC];
    uint64_t waits[MAX_REC];         /* the wait to answer to acquire call i (0 = go)       */
    clickup_result refuse;           /* != OK: every acquire refuses with it                */
    obs_rec  obs[MAX_REC];
    clickup_rate_state st;           /* what state() reports                                 */
    char     order[64];              /* "A" per acquire, "O" per observe, in call order    */
} test_limiter;

static void order_add(test_limiter *t, char ch) {
    size_t n = strlen(t->order);
    if (n + 1 < sizeof t->order) { t->order[n] = ch; t->order[n + 1] = '\0'; }
}
static clickup_result tl_acquire(void *self, uint64_t now, uint64_t *wait_ms) {
    test_limiter *t = (test_limiter *)self;
    int i = t->acquires++;
    order_add(t, 'A');
    if (i < MAX_REC) {
        t->acquire_now[i] = now;
        t->sent_at_acquire[i] = t->sb ? sandbox_request_count(t->sb, NULL, NULL) : 0;
    }
    *wait_ms = i < MAX_REC ? t->waits[i] : 0;
    return t->refuse;
}
static void copy_hdr(const char *v, int *has, char *dst, size_t n) {
    *has = v != NULL;
    snprintf(dst, n, "%s", v ? v : "");
}
static void tl_observe(void *self, const clickup_rate_observation *o) {
    test_limiter *t = (test_limiter *)self;
    int i = t->observes++;
    order_add(t, 'O');
    if (i >= MAX_REC) return;
    t->obs[i].status = o->status;
    t->obs[i].now_ms = o->now_ms;
    t->obs[i].wall_ms = o->wall_ms;
    copy_hdr(o->limit, &t->obs[i].has_limit, t->obs[i].limit, sizeof t->obs[i].limit);
    copy_hdr(o->remaining, &t->obs[i].has_remaining, t->obs[i].remaining, sizeof t->obs[i].remaining);
    copy_hdr(o->reset, &t->obs[i].has_reset, t->obs[i].reset, sizeof t->obs[i].reset);
    t->sent_at_observe[i] = t->sb ? sandbox_request_count(t->sb, NULL, NULL) : 0;
}
static void tl_state(void *self, uint64_t now, clickup_rate_state *out) {
    test_limiter *t = (test_limiter *)self;
    (void)now;
    t->states++;
    *out = t->st;
}
static void tl_destroy(void *self) { ((test_limiter *)self)->destroys++; }

static const clickup_limiter_methods TL_METHODS = {
    CLICKUP_LIMITER_METHODS_VERSION, tl_acquire, tl_observe, tl_state, tl_destroy
};

static void tl_init(test_limiter *t, sandbox *sb) {
    memset(t, 0, sizeof *t);
    t->sb = sb;
    t->st.limit = 77;
    t->st.window_ms = 5000;
    t->st.available = 3;
    t->st.server_remaining = 12;
    t->st.reset_in_ms = 345;
    t->st.next_free_in_ms = 6;
}

static clickup_client *client_with_limiter(const fixture *f, clickup_limiter *l) {
    clickup_config cfg;
    clickup_config_init(&cfg);
    cfg.limiter = l;
    cfg.disable_cache = 1;
    return client_for(f->url, &cfg);
}

/* Each observation equals what the sandbox sent for the request of the same index. */
static void expect_observed_as_sent(fixture *f, const test_limiter *t, int i) {
    sandbox_request e;
    assert_int_equal(sandbox_request_get(f->sb, (size_t)i, &e), 0);
    assert_int_equal(t->obs[i].status, e.status);
    assert_true(t->obs[i].has_limit && t->obs[i].has_remaining && t->obs[i].has_reset);
    assert_true(e.rate_limit[0] && e.rate_remaining[0] && e.rate_reset[0]);
    assert_string_equal(t->obs[i].limit, e.rate_limit);
    assert_string_equal(t->obs[i].remaining, e.rate_remaining);
    assert_string_equal(t->obs[i].reset, e.rate_reset);
}

/* acquire before every request sent, observe after every exchange, with the server's values. */
static void test_custom_limiter_sees_every_exchange(void **state) {
    fixture *f = (fixture *)*state;
    test_limiter t;
    clickup_limiter *l = NULL;
    clickup_client *c;
    clickup_response *r = NULL;
    req_builder b;
    clickup_task *task = NULL;
    int i;
    tl_init(&t, f->sb);
    assert_int_equal(clickup_limiter_create_custom(&TL_METHODS, &t, NULL, &l), CLICKUP_OK);
    assert_non_null(l);
    c = client_with_limiter(f, l);
    /* one raw GET answered 503 once: two exchanges */
    sandbox_fault(f->sb, "GET", "/api/v2/task/86abc123", SANDBOX_FAULT_STATUS, 1, 503);
    assert_int_equal(call(c, req(&b, "GET", "/task/{task_id}", "task_id", "86abc123", NULL, NULL), &r), CLICKUP_OK);
    assert_int_equal(r->error.attempts, 2);
    assert_string_equal(t.order, "AOAO");
    assert_int_equal(t.acquires, 2);
    assert_int_equal(t.observes, 2);
    assert_int_equal(sandbox_request_count(f->sb, NULL, NULL), 2);
    for (i = 0; i < 2; i++) {
        assert_int_equal(t.sent_at_acquire[i], (size_t)i);        /* asked before it went ...  */
        assert_int_equal(t.sent_at_observe[i], (size_t)i + 1);    /* ... told after it arrived */
        expect_observed_as_sent(f, &t, i);
    }
    assert_int_equal(t.obs[0].status, 503);
    assert_int_equal(t.obs[1].status, 200);
    assert_true(t.obs[1].now_ms >= t.acquire_now[1]);
    assert_true(t.obs[1].wall_ms > (int64_t)1600000000000LL);     /* Unix ms */
    /* the response carries the same values */
    assert_int_equal(r->rate_limit, strtoll(t.obs[1].limit, NULL, 10));
    assert_int_equal(r->rate_remaining, strtoll(t.obs[1].remaining, NULL, 10));
    assert_int_equal(r->rate_reset, strtoll(t.obs[1].reset, NULL, 10));
    clickup_response_free(r);
    /* a typed call goes through it too */
    assert_int_equal(clickup_task_get(c, "86abc124", NULL, &task), CLICKUP_OK);
    clickup_task_free(task);
    assert_string_equal(t.order, "AOAOAO");
    assert_int_equal(t.obs[2].status, 200);
    expect_observed_as_sent(f, &t, 2);
    /* an exchange without an answer (reset mid-body) is observed with status 0 and no headers */
    sandbox_fault(f->sb, "GET", "/api/v2/list/2101", SANDBOX_FAULT_CONN_RESET, 1, 0);
    assert_int_equal(call(c, req(&b, "GET", "/list/{list_id}", "list_id", "2101", NULL, NULL), &r), CLICKUP_OK);
    clickup_response_free(r);
    assert_string_equal(t.order, "AOAOAOAOAO");
    assert_int_equal(t.obs[3].status, 0);
    assert_false(t.obs[3].has_limit || t.obs[3].has_remaining || t.obs[3].has_reset);
    assert_int_equal(t.obs[4].status, 200);
    expect_observed_as_sent(f, &t, 4);
    clickup_client_destroy(c);
    assert_int_equal(t.destroys, 0);                       /* the client does not own it */
    clickup_limiter_destroy(l);
    assert_int_equal(t.destroys, 1);
}

/* *wait_ms > 0: the engine waits that long and asks again; an error refuses the call. */
static void test_custom_limiter_wait_and_refuse(void **state) {
    fixture *f = (fixture *)*state;
    test_limiter t;
    clickup_limiter *l = NULL;
    clickup_client *c;
    clickup_response *r = NULL;
    clickup_task *task = (clickup_task *)&t;
    req_builder b;
    uint64_t t0, dt;
    tl_init(&t, f->sb);
    assert_int_equal(clickup_limiter_create_custom(&TL_METHODS, &t, NULL, &l), CLICKUP_OK);
    c = client_with_limiter(f, l);
    t.waits[0] = 50;                                       /* come back in 50 ms, then go */
    t0 = now_ms();
    assert_int_equal(call(c, req(&b, "GET", "/list/{list_id}", "list_id", "2101", NULL, NULL), &r), CLICKUP_OK);
    dt = now_ms() - t0;
    assert_int_equal(t.acquires, 2);
    assert_int_equal(t.observes, 1);
    assert_string_equal(t.order, "AAO");
    assert_true(dt >= 50);
    assert_true(t.acquire_now[1] - t.acquire_now[0] >= 50);
    assert_int_equal(t.sent_at_acquire[1], 0);             /* nothing went during the wait */
    assert_true(r->error.waited_ms >= 50);
    assert_int_equal(r->error.attempts, 1);
    assert_int_equal(sandbox_request_count(f->sb, NULL, NULL), 1);
    clickup_response_free(r);
    /* a refusal: the call fails with the limiter's code, nothing is sent, nothing observed */
    sandbox_log_reset(f->sb);
    memset(t.order, 0, sizeof t.order);
    t.acquires = t.observes = 0;
    t.refuse = CLICKUP_ERR_RATE_LIMITED;
    r = NULL;
    assert_int_equal(call(c, req(&b, "GET", "/list/{list_id}", "list_id", "2101", NULL, NULL), &r), CLICKUP_ERR_RATE_LIMITED);
    assert_int_equal(clickup_last_error(c)->code, CLICKUP_ERR_RATE_LIMITED);
    assert_int_equal(clickup_last_error(c)->attempts, 0);
    if (r) {                                               /* handed out or not, it says so */
        assert_int_equal(r->status, 0);
        assert_int_equal(r->error.code, CLICKUP_ERR_RATE_LIMITED);
    }
    clickup_response_free(r);
    t.refuse = CLICKUP_ERR_NETWORK;                        /* any code: e.g. a backend down */
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &task), CLICKUP_ERR_NETWORK);
    assert_null(task);
    assert_int_equal(t.acquires, 2);
    assert_int_equal(t.observes, 0);
    assert_int_equal(sandbox_request_count(f->sb, NULL, NULL), 0);
    clickup_client_destroy(c);
    clickup_limiter_destroy(l);
    assert_int_equal(t.destroys, 1);
}

/* clickup_rate_get and the metrics report what state() says; creation checks the table. */
static void test_custom_limiter_state_and_checks(void **state) {
    fixture *f = (fixture *)*state;
    test_limiter t;
    clickup_limiter_methods m;
    clickup_limiter *l = (clickup_limiter *)&t;
    clickup_client *c;
    clickup_rate_state rs;
    clickup_metrics mt;
    tl_init(&t, f->sb);
    /* the table is checked */
    assert_int_equal(clickup_limiter_create_custom(NULL, &t, NULL, &l), CLICKUP_ERR_INVALID_ARG);
    assert_null(l);
    m = TL_METHODS; m.version = 0;
    l = (clickup_limiter *)&t;
    assert_int_equal(clickup_limiter_create_custom(&m, &t, NULL, &l), CLICKUP_ERR_INVALID_ARG);
    assert_null(l);
    m = TL_METHODS; m.version = -1;
    assert_int_equal(clickup_limiter_create_custom(&m, &t, NULL, &l), CLICKUP_ERR_INVALID_ARG);
    m = TL_METHODS; m.acquire = NULL;
    assert_int_equal(clickup_limiter_create_custom(&m, &t, NULL, &l), CLICKUP_ERR_INVALID_ARG);
    m = TL_METHODS; m.observe = NULL;
    assert_int_equal(clickup_limiter_create_custom(&m, &t, NULL, &l), CLICKUP_ERR_INVALID_ARG);
    m = TL_METHODS; m.state = NULL;
    assert_int_equal(clickup_limiter_create_custom(&m, &t, NULL, &l), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_limiter_create_custom(&TL_METHODS, &t, NULL, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_null(l);
    assert_int_equal(t.destroys, 0);
    /* destroy is optional */
    m = TL_METHODS; m.destroy = NULL;
    assert_int_equal(clickup_limiter_create_custom(&m, &t, NULL, &l), CLICKUP_OK);
    clickup_limiter_destroy(l);
    assert_int_equal(t.destroys, 0);
    /* a later version is accepted (it only adds members at the end) */
    m = TL_METHODS; m.version = CLICKUP_LIMITER_METHODS_VERSION + 1;
    assert_int_equal(clickup_limiter_create_custom(&m, &t, NULL, &l), CLICKUP_OK);
    c = client_with_limiter(f, l);
    memset(&rs, 0xA5, sizeof rs);
    assert_int_equal(clickup_rate_get(c, &rs), CLICKUP_OK);
    assert_int_equal(rs.limit, 77);
    assert_int_equal(rs.window_ms, 5000);
    assert_int_equal(rs.available, 3);
    assert_int_equal(rs.server_remaining, 12);
    assert_int_equal(rs.reset_in_ms, 345);
    assert_int_equal(rs.next_free_in_ms, 6);
    clickup_metrics_get(c, &mt);
    assert_int_equal(mt.bucket_available, 3);
    t.st.available = 9;                                    /* asked each time, not cached */
    assert_int_equal(clickup_rate_get(c, &rs), CLICKUP_OK);
    assert_int_equal(rs.available, 9);
    assert_int_equal(clickup_rate_get(c, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_rate_get(NULL, &rs), CLICKUP_ERR_INVALID_ARG);
    clickup_client_destroy(c);
    clickup_limiter_destroy(l);
    assert_int_equal(t.destroys, 1);
    clickup_limiter_destroy(NULL);
}

/* A request admitted and then abandoned (here: the client destroyed while it is on the wire)
   is still observed once, as an exchange without an answer: a shared limiter never counts it
   in flight for good. */
static void test_custom_limiter_hears_of_abandoned_requests(void **state) {
    fixture *f = (fixture *)*state;
    test_limiter t;
    clickup_limiter *l = NULL;
    clickup_client *c;
    clickup_pending *p = NULL;
    req_builder b;
    size_t running = 0;
    tl_init(&t, f->sb);
    assert_int_equal(clickup_limiter_create_custom(&TL_METHODS, &t, NULL, &l), CLICKUP_OK);
    c = client_with_limiter(f, l);
    sandbox_fault(f->sb, "GET", "/api/v2/list/2101", SANDBOX_FAULT_DELAY, 1, 1000);
    assert_int_equal(clickup_call_start(c, req(&b, "GET", "/list/{list_id}", "list_id", "2101", NULL, NULL), &p), CLICKUP_OK);
    assert_int_equal(clickup_pump(c, 0, &running), CLICKUP_OK);
    assert_int_equal(running, 1);
    assert_int_equal(t.acquires, 1);
    assert_int_equal(t.observes, 0);                       /* on the wire */
    clickup_client_destroy(c);                             /* abandons it (and frees p) */
    assert_int_equal(t.observes, 1);
    assert_int_equal(t.obs[0].status, 0);
    assert_string_equal(t.order, "AO");
    clickup_limiter_destroy(l);
    /* the built-in limiter: nothing stays in flight */
    assert_int_equal(clickup_limiter_create(100, 60000, NULL, &l), CLICKUP_OK);
    c = client_with_limiter(f, l);
    sandbox_fault(f->sb, "GET", "/api/v2/list/2101", SANDBOX_FAULT_DELAY, 1, 1000);
    assert_int_equal(clickup_call_start(c, req(&b, "GET", "/list/{list_id}", "list_id", "2101", NULL, NULL), &p), CLICKUP_OK);
    assert_int_equal(clickup_pump(c, 0, &running), CLICKUP_OK);
    assert_int_equal(clickup__ring_of(l)->inflight, 1);
    clickup_client_destroy(c);
    assert_int_equal(clickup__ring_of(l)->inflight, 0);
    clickup_limiter_destroy(l);
}

/* ==== clickup_pump_wakeup: another thread ends a pump's wait ================================== */
typedef struct waker { clickup_client *c; long after_ms; uint64_t woke_at; } waker;
static void *waker_main(void *arg) {
    waker *w = (waker *)arg;
    struct timespec ts;
    ts.tv_sec = w->after_ms / 1000;
    ts.tv_nsec = (w->after_ms % 1000) * 1000000L;
    nanosleep(&ts, NULL);
    w->woke_at = now_ms();
    assert_int_equal(clickup_pump_wakeup(w->c), CLICKUP_OK);
    return NULL;
}
/* Pump with a long timeout while a wait is under way; another thread wakes it after 100 ms:
   the pump returns then, with the request still running. */
static uint64_t pump_woken(clickup_client *c, size_t *running) {
    waker w;
    pthread_t th;
    uint64_t t0 = now_ms(), back;
    w.c = c; w.after_ms = 100; w.woke_at = 0;
    assert_int_equal(pthread_create(&th, NULL, waker_main, &w), 0);
    assert_int_equal(clickup_pump(c, 5000, running), CLICKUP_OK);
    back = now_ms();
    pthread_join(th, NULL);
    assert_true(w.woke_at > 0 && back >= w.woke_at);        /* not before the wake-up ... */
    return back - t0;                                       /* ... and how long it took  */
}

static void test_pump_wakeup(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_pending *p = NULL;
    clickup_response *r = NULL;
    req_builder b;
    test_limiter t;
    clickup_limiter *l = NULL;
    size_t running = 0;
    uint64_t took, t0;
    assert_int_equal(clickup_pump_wakeup(NULL), CLICKUP_ERR_INVALID_ARG);
    /* 1. a transfer under way: the answer comes 1.5 s late; the pump is woken after 100 ms (a
       pump waits at most 1 s at a time on its own) */
    sandbox_fault(f->sb, "GET", "/api/v2/list/2101", SANDBOX_FAULT_DELAY, 1, 1500);
    assert_int_equal(clickup_call_start(c, req(&b, "GET", "/list/{list_id}", "list_id", "2101", NULL, NULL), &p), CLICKUP_OK);
    assert_int_equal(clickup_pump(c, 0, &running), CLICKUP_OK);
    took = pump_woken(c, &running);
    print_message("  woken after 100 ms during a 1.5 s answer: the pump returned in %llu ms", (unsigned long long)took);
    assert_true(took < 500);
    assert_int_equal(running, 1);
    assert_int_equal(clickup_call_done(p), 0);
    assert_int_equal(clickup_call_finish(p, &r), CLICKUP_OK);      /* it still completes */
    assert_int_equal(r->status, 200);
    clickup_response_free(r);
    clickup_client_destroy(c);
    /* 2. nothing on the wire, a limiter's wait of 1.5 s: woken after 100 ms too */
    tl_init(&t, f->sb);
    t.waits[0] = 1500;
    assert_int_equal(clickup_limiter_create_custom(&TL_METHODS, &t, NULL, &l), CLICKUP_OK);
    c = client_with_limiter(f, l);
    assert_int_equal(clickup_call_start(c, req(&b, "GET", "/list/{list_id}", "list_id", "2102", NULL, NULL), &p), CLICKUP_OK);
    took = pump_woken(c, &running);
    print_message(", during a 1.5 s limiter wait in %llu ms", (unsigned long long)took);
    assert_true(took < 500);
    assert_int_equal(running, 1);
    assert_int_equal(t.acquires, 1);                        /* not sent: still waiting its turn */
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/list/2102"), 0);
    /* 3. a wake-up with no pump waiting spares the next pump its wait, once */
    assert_int_equal(clickup_pump_wakeup(c), CLICKUP_OK);
    t0 = now_ms();
    assert_int_equal(clickup_pump(c, 5000, &running), CLICKUP_OK);
    took = now_ms() - t0;
    print_message("; woken before it pumped: %llu ms\n", (unsigned long long)took);
    assert_true(took < 500);
    assert_int_equal(running, 1);
    clickup_call_finish(p, &r);                             /* waits out the limiter, then sends */
    assert_int_equal(r->status, 200);
    clickup_response_free(r);
    clickup_client_destroy(c);
    clickup_limiter_destroy(l);
}

/* ==== 3: two requests in flight at once ====================================================== */
#define DELAY_MS 400
static void test_two_requests_in_flight(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_pending *pa = NULL, *pb = NULL;
    clickup_response *ra = NULL, *rb = NULL;
    clickup_list *list = NULL;
    req_builder a, b;
    size_t running = 99;
    uint64_t t0, t1, t_pump, dt;
    /* each of the two GETs is answered DELAY_MS late; the typed call in between is not */
    sandbox_fault(f->sb, "GET", "/api/v2/list/2101", SANDBOX_FAULT_DELAY, 1, DELAY_MS);
    sandbox_fault(f->sb, "GET", "/api/v2/list/2200", SANDBOX_FAULT_DELAY, 1, DELAY_MS);
    sandbox_max_concurrent_reset(f->sb);
    assert_int_equal(sandbox_max_concurrent(f->sb), 0);
    t0 = now_ms();
    assert_int_equal(clickup_call_start(c, req(&a, "GET", "/list/{list_id}", "list_id", "2101", NULL, NULL), &pa), CLICKUP_OK);
    assert_int_equal(clickup_call_start(c, req(&b, "GET", "/list/{list_id}", "list_id", "2200", NULL, NULL), &pb), CLICKUP_OK);
    assert_non_null(pa);
    assert_non_null(pb);
    assert_int_equal(clickup_call_done(pa), 0);
    assert_int_equal(clickup_call_done(pb), 0);
    /* a pump with timeout 0 returns at once: both running */
    t1 = now_ms();
    assert_int_equal(clickup_pump(c, 0, &running), CLICKUP_OK);
    t_pump = now_ms() - t1;
    assert_int_equal(running, 2);
    assert_true(t_pump < DELAY_MS / 2);
    assert_int_equal(clickup_call_done(pa), 0);
    assert_int_equal(clickup_call_done(pb), 0);
    /* finish a (pumping moves b as well) */
    assert_int_equal(clickup_call_finish(pa, &ra), CLICKUP_OK);
    seen_response(ra);
    assert_int_equal(ra->status, 200);
    assert_string_equal(json_str(ra, "id"), "2101");
    /* a blocking typed call between the two finishes */
    assert_int_equal(clickup_list_get(c, "2102", &list), CLICKUP_OK);
    assert_string_equal(list->id, "2102");
    clickup_list_free(list);
    /* drive b to its end by pumping (the typed call may already have), then finish it */
    do {
        assert_int_equal(clickup_pump(c, 100, &running), CLICKUP_OK);
        assert_true(now_ms() - t0 < 10000);
    } while (!clickup_call_done(pb));
    assert_int_equal(running, 0);
    assert_int_equal(clickup_call_done(pb), 1);
    assert_int_equal(clickup_call_finish(pb, &rb), CLICKUP_OK);
    dt = now_ms() - t0;
    seen_response(rb);
    assert_int_equal(rb->status, 200);
    assert_string_equal(json_str(rb, "id"), "2200");
    print_message("two GETs each delayed %d ms: both done in %llu ms, %u at once in the sandbox (pump(0) %llu ms)\n",
                  DELAY_MS, (unsigned long long)dt, (unsigned)sandbox_max_concurrent(f->sb), (unsigned long long)t_pump);
    assert_true(sandbox_max_concurrent(f->sb) >= 2);       /* both were being processed at once */
    assert_true(dt >= DELAY_MS);
    assert_true(dt < 2 * DELAY_MS);                        /* they overlapped */
    assert_int_equal(sandbox_request_count(f->sb, "GET", NULL), 3);
    assert_int_equal(sandbox_fault_pending(f->sb), 0);
    assert_int_equal(clickup_pump(c, 0, &running), CLICKUP_OK);
    assert_int_equal(running, 0);
    clickup_response_free(ra);
    clickup_response_free(rb);
    clickup_client_destroy(c);
}

/* ==== 4: destroy with a request in flight ===================================================== */
/* Requests started and never finished, in every state, are freed by clickup_client_destroy
   (ASan and valgrind report any leak). */
static void test_destroy_with_requests_in_flight(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_pending *queued = NULL, *sending = NULL, *done = NULL;
    req_builder a, b, d;
    size_t running = 0;
    int i;
    sandbox_fault(f->sb, "GET", "/api/v2/list/2101", SANDBOX_FAULT_DELAY, 1, 300);
    /* one sending (on the wire, its answer late), one done but not finished */
    assert_int_equal(clickup_call_start(c, req(&a, "GET", "/list/{list_id}", "list_id", "2101", NULL, NULL), &sending), CLICKUP_OK);
    assert_int_equal(clickup_call_start(c, req(&d, "GET", "/list/{list_id}", "list_id", "2200", NULL, NULL), &done), CLICKUP_OK);
    for (i = 0; i < 100 && !clickup_call_done(done); i++) assert_int_equal(clickup_pump(c, 20, &running), CLICKUP_OK);
    assert_int_equal(clickup_call_done(done), 1);
    assert_int_equal(clickup_call_done(sending), 0);
    assert_int_equal(running, 1);
    /* one queued: started, never pumped; it carries a body */
    req(&b, "PUT", "/task/{task_id}", "task_id", "86c00001", NULL, NULL);
    b.rq.body = "{\"name\":\"never sent\"}";
    assert_int_equal(clickup_call_start(c, &b.rq, &queued), CLICKUP_OK);
    assert_int_equal(clickup_call_done(queued), 0);
    clickup_client_destroy(c);                             /* frees all three */
    assert_int_equal(sandbox_request_count(f->sb, "PUT", NULL), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_get_503_is_retried, start_default, stop),
        cmocka_unit_test_setup_teardown(test_post_500_outcome_unknown, start_default, stop),
        cmocka_unit_test_setup_teardown(test_post_retry_safe_is_retried, start_default, stop),
        cmocka_unit_test_setup_teardown(test_429_waits_for_reset, start_default, stop),
        cmocka_unit_test_setup_teardown(test_cache_serves_and_is_invalidated, start_default, stop),
        cmocka_unit_test_setup_teardown(test_cache_flag_and_any_write, start_default, stop),
        cmocka_unit_test_setup_teardown(test_token_never_appears, start_default, stop),
        cmocka_unit_test_setup_teardown(test_paths_and_params, start_default, stop),
        cmocka_unit_test_setup_teardown(test_refused_before_sending, start_default, stop),
        cmocka_unit_test_setup_teardown(test_dot_param_cannot_traverse, start_default, stop),
        cmocka_unit_test_setup_teardown(test_query_name_cannot_inject, start_default, stop),
        cmocka_unit_test_setup_teardown(test_team_id_discovered, start_default, stop),
        cmocka_unit_test_setup_teardown(test_custom_limiter_sees_every_exchange, start_default, stop),
        cmocka_unit_test_setup_teardown(test_custom_limiter_wait_and_refuse, start_default, stop),
        cmocka_unit_test_setup_teardown(test_custom_limiter_state_and_checks, start_default, stop),
        cmocka_unit_test_setup_teardown(test_custom_limiter_hears_of_abandoned_requests, start_default, stop),
        cmocka_unit_test_setup_teardown(test_pump_wakeup, start_default, stop),
        cmocka_unit_test_setup_teardown(test_two_requests_in_flight, start_default, stop),
        cmocka_unit_test_setup_teardown(test_destroy_with_requests_in_flight, start_default, stop),
    };
    int rc;
    if (clickup_global_init() != CLICKUP_OK) return 1;
    rc = cmocka_run_group_tests_name("call", tests, NULL, NULL);
    clickup_global_cleanup();
    return rc;
}

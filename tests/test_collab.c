/* [api:collab] against the loopback sandbox, over real HTTP: comments (task, list, view,
   threads; the start/start_id walk over several pages), checklists and their items, task
   dependencies and links, task deletion, further lists, the authorized user and the OAuth code
   exchange. Each test checks both sides: the decoded result and the exact request the sandbox
   logged (method, path, query, body keys and their JSON types), and the sandbox's state.
   Also: a create answered 500 is CLICKUP_ERR_OUTCOME_UNKNOWN after one POST; bad input is
   refused with nothing sent; custom ids are refused where ClickUp takes none; the OAuth secret,
   code and token never reach a DEBUG log line or clickup_last_error; a checklist write drops
   cached task pages, a comment edit does not. */
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
#include "sandbox.h"
#include <cmocka.h>

/* ==== every log line of the current test ==================================================== */
static char   g_log[1 << 20];
static size_t g_log_len;
static unsigned g_log_lines;

static void capture_log(void *user, clickup_log_level level, const char *line) {
    int n;
    (void)user;
    g_log_lines++;
    n = snprintf(g_log + g_log_len, sizeof g_log - g_log_len, "%d %s\n", (int)level, line);
    if (n > 0 && g_log_len + (size_t)n < sizeof g_log) g_log_len += (size_t)n;
}

/* ==== fixture: one sandbox and one client per test ========================================== */
typedef struct fx {
    sandbox        *sb;
    char            url[96];
    clickup_client *cu;          /* SANDBOX_TOKEN, team 9001, cache off, DEBUG log */
} fx;

static clickup_client *mk_client(fx *f, const char *token, int cache) {
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_config_init(&cfg);
    cfg.token = token;
    cfg.team_id = SANDBOX_TEAM_ID;
    cfg.base_url = f->url;
    cfg.backoff_base_ms = 10;
    cfg.backoff_cap_ms = 20;
    cfg.max_retries = 1;
    cfg.rate_limit = 10000;
    cfg.timeout_ms = 20000;
    cfg.disable_cache = !cache;
    cfg.log = capture_log;
    cfg.log_level = CLICKUP_LOG_DEBUG;
    assert_int_equal(clickup_client_create(&cfg, &cu), CLICKUP_OK);
    assert_non_null(cu);
    return cu;
}

static int setup(void **state) {
    sandbox_opts o;
    fx *f = (fx *)calloc(1, sizeof *f);
    if (!f) return -1;
    memset(&o, 0, sizeof o);
    o.big_list_tasks = 10;
    o.templates = -1;
    f->sb = sandbox_start(&o);
    if (!f->sb) { free(f); return -1; }
    sandbox_base_url(f->sb, f->url, sizeof f->url);
    g_log_len = 0; g_log[0] = '\0'; g_log_lines = 0;
    f->cu = mk_client(f, SANDBOX_TOKEN, 0);
    *state = f;
    return 0;
}
static int teardown(void **state) {
    fx *f = (fx *)*state;
    if (!f) return 0;
    clickup_client_destroy(f->cu);
    sandbox_stop(f->sb);
    free(f);
    return 0;
}

/* ==== request helpers ======================================================================= */
static size_t nreq(fx *f) { return sandbox_request_count(f->sb, NULL, NULL); }
static void req_at(fx *f, size_t i, sandbox_request *r) { assert_int_equal(sandbox_request_get(f->sb, i, r), 0); }
static void req_last(fx *f, sandbox_request *r) { assert_int_equal(sandbox_request_last(f->sb, NULL, NULL, r), 0); }

static void check_req(const sandbox_request *r, const char *method, const char *path, size_t nparams, int status) {
    assert_string_equal(r->method, method);
    assert_string_equal(r->path, path);
    assert_int_equal(r->param_count, nparams);
    assert_non_null(r->authorization);
    assert_int_equal(r->status, status);
}
static void check_q(const sandbox_request *r, const char *key, const char *value) {
    assert_int_equal(sandbox_request_query_count(r, key), 1);
    assert_string_equal(sandbox_request_query(r, key, 0), value);
}
static void check_custom_q(const sandbox_request *r) {
    check_q(r, "custom_task_ids", "true");
    check_q(r, "team_id", SANDBOX_TEAM_ID);
}

static clickup_json_doc *body_of(const sandbox_request *r) {
    clickup_json_doc *d = NULL;
    assert_true(r->body_len > 0);
    assert_non_null(r->content_type);
    assert_true(strncmp(r->content_type, "application/json", 16) == 0);
    assert_int_equal(clickup_json_parse(r->body, r->body_len, NULL, &d, NULL), CLICKUP_OK);
    assert_int_equal(clickup_json_typeof(clickup_json_root(d)), CLICKUP_JSON_OBJECT);
    return d;
}
/* The object has exactly these keys (NULL-terminated), in any order. */
static void check_keys(const clickup_json *o, const char *const *keys) {
    size_t n = 0;
    for (; keys[n]; n++)
        if (!clickup_json_get(o, keys[n])) fail_msg("body lacks key '%s'", keys[n]);
    if (clickup_json_len(o) != n) fail_msg("body has %u keys, expected %u", (unsigned)clickup_json_len(o), (unsigned)n);
}
static const clickup_json *jt(const clickup_json *o, const char *k, clickup_json_type t) {
    const clickup_json *v = clickup_json_get(o, k);
    if (!v) fail_msg("key '%s' is absent", k);
    if (clickup_json_typeof(v) != t) fail_msg("key '%s' has JSON type %d, expected %d", k, (int)clickup_json_typeof(v), (int)t);
    return v;
}
static void j_str(const clickup_json *o, const char *k, const char *want) {
    assert_string_equal(clickup_json_as_string(jt(o, k, CLICKUP_JSON_STRING), "", NULL), want);
}
static void j_num(const clickup_json *o, const char *k, const char *literal) {
    assert_string_equal(clickup_json_number_text(jt(o, k, CLICKUP_JSON_NUMBER)), literal);
}
static void j_bool(const clickup_json *o, const char *k, int want) {
    assert_int_equal(clickup_json_as_bool(jt(o, k, CLICKUP_JSON_BOOL), -1), want);
}
static void j_null(const clickup_json *o, const char *k) { (void)jt(o, k, CLICKUP_JSON_NULL); }

/* The body of the last request: exactly these keys. Free with clickup_json_doc_free. */
static clickup_json_doc *last_body(fx *f, sandbox_request *r, const char *const *keys) {
    clickup_json_doc *d;
    req_last(f, r);
    d = body_of(r);
    check_keys(clickup_json_root(d), keys);
    return d;
}

static int contains(const char *hay, const char *needle) { return hay && strstr(hay, needle) != NULL; }

/* The last error of a refused call: INVALID_ARG, the reason, and nothing sent. */
#define REFUSED(f, before, expr, why)                                                              \
    do {                                                                                           \
        clickup_result rr_ = (expr);                                                               \
        const clickup_error *e_ = clickup_last_error((f)->cu);                                     \
        if (rr_ != CLICKUP_ERR_INVALID_ARG) fail_msg("%s: got %s", #expr, clickup_strerror(rr_));   \
        if (!contains(e_->message, (why))) fail_msg("%s: message '%s' lacks '%s'", #expr, e_->message, (why)); \
        if (!contains(e_->message, "nothing was sent")) fail_msg("%s: '%s'", #expr, e_->message);   \
        assert_int_equal(nreq(f), (before));                                                       \
    } while (0)

static clickup_comment_new text_comment(const char *text) {
    clickup_comment_new n;
    memset(&n, 0, sizeof n);
    n.text = text;
    return n;
}

/* ============================================================================================
   Comments
   ============================================================================================ */
static void test_comment_create_and_decode(void **state) {
    fx *f = (fx *)*state;
    clickup_comment_new n = text_comment("Welcome aboard");
    clickup_comment_created *made = NULL;
    clickup_comments *cs = NULL;
    clickup_json_doc *d, *want;
    sandbox_request r;
    const clickup_comment *a, *b;
    static const char *const k_text[] = { "comment_text", "assignee", "notify_all", NULL };
    static const char *const k_blocks[] = { "comment", "notify_all", NULL };
    static const char blocks[] = "[{\"text\":\"Shipped \"},{\"text\":\"today\",\"attributes\":{\"bold\":true}}]";

    n.assignee = 2772463;
    n.notify_all = 1;
    assert_int_equal(clickup_task_comment_create(f->cu, "86abc123", &n, &made), CLICKUP_OK);
    assert_non_null(made);
    assert_string_equal(made->id, "90000001");
    assert_string_equal(made->hist_id, "h-90000001");
    assert_true(made->date.present && made->date.value > 1700000000000LL);
    assert_non_null(made->raw);
    d = last_body(f, &r, k_text);
    check_req(&r, "POST", "/api/v2/task/86abc123/comment", 0, 200);
    j_str(clickup_json_root(d), "comment_text", "Welcome aboard");
    j_num(clickup_json_root(d), "assignee", "2772463");
    j_bool(clickup_json_root(d), "notify_all", 1);
    clickup_json_doc_free(d);
    clickup_comment_created_free(made);

    /* structured blocks, answer not asked for */
    memset(&n, 0, sizeof n);
    n.json = blocks;
    assert_int_equal(clickup_task_comment_create(f->cu, "86abc123", &n, NULL), CLICKUP_OK);
    d = last_body(f, &r, k_blocks);
    assert_int_equal(clickup_json_parse(blocks, strlen(blocks), NULL, &want, NULL), CLICKUP_OK);
    assert_true(clickup_json_equal(jt(clickup_json_root(d), "comment", CLICKUP_JSON_ARRAY), clickup_json_root(want)));
    j_bool(clickup_json_root(d), "notify_all", 0);
    clickup_json_doc_free(want);
    clickup_json_doc_free(d);

    assert_int_equal(clickup_task_comments_get(f->cu, "86abc123", NULL, &cs), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "GET", "/api/v2/task/86abc123/comment", 0, 200);
    assert_int_equal(cs->count, 2);
    assert_int_equal(cs->pages, 1);
    assert_int_equal(cs->truncated, 0);
    a = &cs->items[0];                                   /* newest first */
    b = &cs->items[1];
    assert_string_equal(a->id, "90000002");
    assert_string_equal(a->comment_text, "Shipped today");
    assert_non_null(a->comment);
    assert_int_equal(clickup_json_len(a->comment), 2);
    assert_true(clickup_json_as_bool(clickup_json_get(clickup_json_get(clickup_json_at(a->comment, 1), "attributes"), "bold"), 0));
    assert_int_equal(a->user.id, 183);
    assert_string_equal(a->user.username, "Ada Owner");
    assert_string_equal(a->user.email, "ada@example.com");
    assert_int_equal(a->resolved, 0);
    assert_null(a->assignee);
    assert_null(a->assigned_by);
    assert_non_null(a->reactions);
    assert_int_equal(clickup_json_len(a->reactions), 0);
    assert_true(a->reply_count.present);
    assert_int_equal(a->reply_count.value, 0);
    assert_string_equal(b->id, "90000001");
    assert_string_equal(b->comment_text, "Welcome aboard");
    assert_non_null(b->assignee);
    assert_int_equal(b->assignee->id, 2772463);
    assert_string_equal(b->assignee->username, "Grace Member");
    assert_non_null(b->assigned_by);
    assert_int_equal(b->assigned_by->id, 183);
    assert_true(a->date.present && b->date.present && a->date.value > b->date.value);
    assert_non_null(b->raw);
    assert_int_equal(clickup_json_typeof(clickup_json_get(b->raw, "date")), CLICKUP_JSON_STRING);  /* digits */
    clickup_comments_free(cs);
}

/* 60 comments: three pages (25, 25, 10), each after the last comment of the page before. */
static void test_comment_pagination(void **state) {
    fx *f = (fx *)*state;
    clickup_comments *cs = NULL;
    clickup_comments_opts o;
    sandbox_request r;
    char text[32], want[16], date[24];
    size_t i, first;
    for (i = 1; i <= 60; i++) {
        clickup_comment_new n;
        snprintf(text, sizeof text, "note %u", (unsigned)i);
        n = text_comment(text);
        assert_int_equal(clickup_task_comment_create(f->cu, "86abc125", &n, NULL), CLICKUP_OK);
    }
    assert_int_equal(sandbox_comment_count(f->sb, "86abc125"), 60);
    first = nreq(f);
    assert_int_equal(clickup_task_comments_get(f->cu, "86abc125", NULL, &cs), CLICKUP_OK);
    assert_int_equal(cs->count, 60);
    assert_int_equal(cs->pages, 3);
    assert_int_equal(cs->truncated, 0);
    assert_int_equal(nreq(f) - first, 3);
    for (i = 0; i < 60; i++) {                           /* newest first, each exactly once */
        snprintf(want, sizeof want, "%u", 90000060u - (unsigned)i);
        assert_string_equal(cs->items[i].id, want);
        snprintf(text, sizeof text, "note %u", 60u - (unsigned)i);
        assert_string_equal(cs->items[i].comment_text, text);
        if (i) assert_true(cs->items[i].date.value < cs->items[i - 1].date.value);
    }
    req_at(f, first, &r);
    check_req(&r, "GET", "/api/v2/task/86abc125/comment", 0, 200);
    req_at(f, first + 1, &r);
    check_req(&r, "GET", "/api/v2/task/86abc125/comment", 2, 200);
    snprintf(date, sizeof date, "%lld", (long long)cs->items[24].date.value);
    check_q(&r, "start", date);
    check_q(&r, "start_id", cs->items[24].id);
    req_at(f, first + 2, &r);
    check_req(&r, "GET", "/api/v2/task/86abc125/comment", 2, 200);
    snprintf(date, sizeof date, "%lld", (long long)cs->items[49].date.value);
    check_q(&r, "start", date);
    check_q(&r, "start_id", cs->items[49].id);
    clickup_comments_free(cs);

    /* max_pages stops the walk: truncated, and a warning */
    memset(&o, 0, sizeof o);
    o.max_pages = 2;
    first = nreq(f);
    assert_int_equal(clickup_task_comments_get(f->cu, "86abc125", &o, &cs), CLICKUP_OK);
    assert_int_equal(cs->count, 50);
    assert_int_equal(cs->pages, 2);
    assert_int_equal(cs->truncated, 1);
    assert_int_equal(nreq(f) - first, 2);
    assert_true(contains(g_log, "stopped after max_pages=2 pages; more comments exist"));
    clickup_comments_free(cs);

    /* exactly one full page: a second, empty page says it is the end */
    for (i = 1; i <= 25; i++) {
        clickup_comment_new n = text_comment("again");
        assert_int_equal(clickup_task_comment_create(f->cu, "86c00001", &n, NULL), CLICKUP_OK);
    }
    first = nreq(f);
    assert_int_equal(clickup_task_comments_get(f->cu, "86c00001", NULL, &cs), CLICKUP_OK);
    assert_int_equal(cs->count, 25);
    assert_int_equal(cs->pages, 2);
    assert_int_equal(nreq(f) - first, 2);
    clickup_comments_free(cs);

    /* none at all: one page, no items */
    assert_int_equal(clickup_task_comments_get(f->cu, "86c00002", NULL, &cs), CLICKUP_OK);
    assert_int_equal(cs->count, 0);
    assert_null(cs->items);
    assert_int_equal(cs->pages, 1);
    clickup_comments_free(cs);
}

/* Task references everywhere: custom ids add custom_task_ids=true&team_id=... */
static void test_comment_task_references(void **state) {
    fx *f = (fx *)*state;
    clickup_comment_new n = text_comment("by custom id");
    clickup_comments *cs = NULL;
    clickup_comments_opts o;
    sandbox_request r;
    assert_int_equal(clickup_task_comment_create(f->cu, "OPS-42", &n, NULL), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "POST", "/api/v2/task/OPS-42/comment", 2, 200);
    check_custom_q(&r);
    /* the engine's log lines show the query (why OAuth secrets go in a body, never a query) */
    assert_true(contains(g_log, "POST /task/OPS-42/comment?custom_task_ids=true&team_id=9001 -> 200"));
    assert_int_equal(sandbox_comment_count(f->sb, "86abc123"), 1);

    assert_int_equal(clickup_task_comments_get(f->cu, "https://app.clickup.com/t/9001/OPS-42", NULL, &cs), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "GET", "/api/v2/task/OPS-42/comment", 2, 200);
    check_custom_q(&r);
    assert_int_equal(cs->count, 1);
    assert_string_equal(cs->items[0].comment_text, "by custom id");
    clickup_comments_free(cs);

    assert_int_equal(clickup_task_comments_get(f->cu, " #86abc123 ", NULL, &cs), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "GET", "/api/v2/task/86abc123/comment", 0, 200);
    assert_int_equal(cs->count, 1);
    clickup_comments_free(cs);

    memset(&o, 0, sizeof o);                             /* forced: custom, with a team */
    o.custom_id = CLICKUP_YES;
    o.team_id = "9001";
    assert_int_equal(clickup_task_comments_get(f->cu, "ops-42", &o, &cs), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "GET", "/api/v2/task/ops-42/comment", 2, 200);
    check_custom_q(&r);
    assert_int_equal(cs->count, 1);
    clickup_comments_free(cs);

    n.custom_id = CLICKUP_NO;                            /* forced native: ClickUp's 401 */
    assert_int_equal(clickup_task_comment_create(f->cu, "OPS-42", &n, NULL), CLICKUP_ERR_NO_ACCESS);
    req_last(f, &r);
    check_req(&r, "POST", "/api/v2/task/OPS-42/comment", 0, 401);
}

static void test_list_and_view_comments(void **state) {
    fx *f = (fx *)*state;
    clickup_comment_new n = text_comment("List note");
    clickup_comment_created *made = NULL;
    clickup_comments *cs = NULL;
    clickup_json_doc *d;
    sandbox_request r;
    static const char *const k_list[] = { "comment_text", "assignee", "notify_all", NULL };
    static const char *const k_view[] = { "comment_text", "notify_all", NULL };

    n.assignee = 183;
    assert_int_equal(clickup_list_comment_create(f->cu, "2200", &n, &made), CLICKUP_OK);
    assert_string_equal(made->id, "90000001");
    clickup_comment_created_free(made);
    d = last_body(f, &r, k_list);
    check_req(&r, "POST", "/api/v2/list/2200/comment", 0, 200);
    j_num(clickup_json_root(d), "assignee", "183");
    clickup_json_doc_free(d);
    assert_int_equal(clickup_list_comments_get(f->cu, "2200", NULL, &cs), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "GET", "/api/v2/list/2200/comment", 0, 200);
    assert_int_equal(cs->count, 1);
    assert_string_equal(cs->items[0].comment_text, "List note");
    assert_non_null(cs->items[0].assignee);
    assert_int_equal(cs->items[0].assignee->id, 183);
    clickup_comments_free(cs);
    assert_int_equal(clickup_list_comments_get(f->cu, "9999", NULL, &cs), CLICKUP_ERR_NOT_FOUND);
    assert_null(cs);

    n = text_comment("Chat hello");
    n.notify_all = 1;
    assert_int_equal(clickup_view_comment_create(f->cu, "3c-105", &n, NULL), CLICKUP_OK);
    d = last_body(f, &r, k_view);
    check_req(&r, "POST", "/api/v2/view/3c-105/comment", 0, 200);
    j_str(clickup_json_root(d), "comment_text", "Chat hello");
    j_bool(clickup_json_root(d), "notify_all", 1);
    clickup_json_doc_free(d);
    assert_int_equal(clickup_view_comments_get(f->cu, "3c-105", NULL, &cs), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "GET", "/api/v2/view/3c-105/comment", 0, 200);
    assert_int_equal(cs->count, 1);
    assert_string_equal(cs->items[0].comment_text, "Chat hello");
    clickup_comments_free(cs);
}

static void test_comment_update_reply_delete(void **state) {
    fx *f = (fx *)*state;
    clickup_comment_new n = text_comment("Draft");
    clickup_comment_created *made = NULL, *rep = NULL;
    clickup_comment_changes ch;
    clickup_comments *cs = NULL;
    clickup_json_doc *d;
    sandbox_request r;
    char id[32], path[96];
    static const char *const k_all[] = { "comment_text", "assignee", "resolved", NULL };
    static const char *const k_res[] = { "resolved", NULL };
    static const char *const k_reply[] = { "comment_text", "notify_all", NULL };

    assert_int_equal(clickup_task_comment_create(f->cu, "86abc124", &n, &made), CLICKUP_OK);
    snprintf(id, sizeof id, "%s", made->id);
    clickup_comment_created_free(made);
    snprintf(path, sizeof path, "/api/v2/comment/%s", id);

    memset(&ch, 0, sizeof ch);
    ch.text = "Edited";
    ch.assignee = 5001;
    ch.resolved = CLICKUP_YES;
    assert_int_equal(clickup_comment_update(f->cu, id, &ch), CLICKUP_OK);
    d = last_body(f, &r, k_all);
    check_req(&r, "PUT", path, 0, 200);
    j_str(clickup_json_root(d), "comment_text", "Edited");
    j_num(clickup_json_root(d), "assignee", "5001");
    j_bool(clickup_json_root(d), "resolved", 1);
    clickup_json_doc_free(d);
    assert_int_equal(clickup_task_comments_get(f->cu, "86abc124", NULL, &cs), CLICKUP_OK);
    assert_int_equal(cs->count, 1);
    assert_string_equal(cs->items[0].comment_text, "Edited");
    assert_int_equal(cs->items[0].resolved, 1);
    assert_int_equal(cs->items[0].assignee->id, 5001);
    clickup_comments_free(cs);

    memset(&ch, 0, sizeof ch);
    ch.resolved = CLICKUP_NO;
    assert_int_equal(clickup_comment_update(f->cu, id, &ch), CLICKUP_OK);
    d = last_body(f, &r, k_res);
    j_bool(clickup_json_root(d), "resolved", 0);
    clickup_json_doc_free(d);

    /* a thread */
    n = text_comment("Thanks");
    assert_int_equal(clickup_comment_reply_create(f->cu, id, &n, &rep), CLICKUP_OK);
    assert_non_null(rep);
    assert_string_equal(rep->id, "");                   /* ClickUp documents {} here */
    assert_int_equal(rep->date.present, 0);
    clickup_comment_created_free(rep);
    d = last_body(f, &r, k_reply);
    snprintf(path, sizeof path, "/api/v2/comment/%s/reply", id);
    check_req(&r, "POST", path, 0, 200);
    clickup_json_doc_free(d);
    assert_int_equal(clickup_comment_replies_get(f->cu, id, &cs), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "GET", path, 0, 200);
    assert_int_equal(cs->count, 1);
    assert_int_equal(cs->pages, 1);
    assert_string_equal(cs->items[0].comment_text, "Thanks");
    assert_int_equal(cs->items[0].reply_count.value, 0);
    clickup_comments_free(cs);
    assert_int_equal(clickup_task_comments_get(f->cu, "86abc124", NULL, &cs), CLICKUP_OK);
    assert_int_equal(cs->items[0].reply_count.value, 1);
    clickup_comments_free(cs);

    assert_int_equal(clickup_comment_delete(f->cu, id), CLICKUP_OK);
    req_last(f, &r);
    snprintf(path, sizeof path, "/api/v2/comment/%s", id);
    check_req(&r, "DELETE", path, 0, 200);
    assert_int_equal(sandbox_comment_count(f->sb, "86abc124"), 0);
    assert_int_equal(sandbox_comment_count(f->sb, id), 0);
    assert_int_equal(clickup_comment_replies_get(f->cu, id, &cs), CLICKUP_ERR_NOT_FOUND);
    assert_null(cs);
    ch.resolved = CLICKUP_YES;
    assert_int_equal(clickup_comment_update(f->cu, id, &ch), CLICKUP_ERR_NOT_FOUND);
}

/* ============================================================================================
   Writes that may have happened; answers of the wrong shape
   ============================================================================================ */
static void test_create_500_is_outcome_unknown(void **state) {
    fx *f = (fx *)*state;
    clickup_comment_new n = text_comment("once");
    clickup_comment_created *made = NULL;
    clickup_checklist *cl = NULL;
    clickup_comment_changes ch;
    clickup_comments *cs = NULL;
    clickup_user *u = NULL;
    clickup_task *t = NULL;
    const clickup_error *e;

    sandbox_fault(f->sb, "POST", "/api/v2/task/86abc123/comment", SANDBOX_FAULT_STATUS, 1, 500);
    assert_int_equal(clickup_task_comment_create(f->cu, "86abc123", &n, &made), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_null(made);
    assert_int_equal(sandbox_request_count(f->sb, "POST", "/api/v2/task/86abc123/comment"), 1);
    assert_int_equal(sandbox_comment_count(f->sb, "86abc123"), 0);
    e = clickup_last_error(f->cu);
    assert_int_equal(e->code, CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(e->http_status, 500);
    assert_int_equal(e->attempts, 1);
    assert_true(contains(e->message, "not repeated"));

    sandbox_fault(f->sb, "POST", "/api/v2/task/86abc123/checklist", SANDBOX_FAULT_STATUS, 1, 503);
    assert_int_equal(clickup_checklist_create(f->cu, "86abc123", "Launch", &cl), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_null(cl);
    assert_int_equal(sandbox_request_count(f->sb, "POST", "/api/v2/task/86abc123/checklist"), 1);

    /* an answer that cannot be read: unknown when asked for, success when not */
    sandbox_fault(f->sb, "POST", "/api/v2/task/86abc123/comment", SANDBOX_FAULT_MALFORMED, 1, 0);
    assert_int_equal(clickup_task_comment_create(f->cu, "86abc123", &n, &made), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_null(made);
    assert_true(contains(clickup_last_error(f->cu)->message, "look before creating again"));
    sandbox_fault(f->sb, "POST", "/api/v2/task/86abc123/comment", SANDBOX_FAULT_MALFORMED, 1, 0);
    assert_int_equal(clickup_task_comment_create(f->cu, "86abc123", &n, NULL), CLICKUP_OK);
    assert_int_equal(sandbox_request_count(f->sb, "POST", "/api/v2/task/86abc123/comment"), 3);

    /* a PUT is retried */
    assert_int_equal(clickup_task_comment_create(f->cu, "86abc123", &n, &made), CLICKUP_OK);
    sandbox_fault(f->sb, "PUT", "/api/v2/comment/", SANDBOX_FAULT_STATUS, 1, 500);
    memset(&ch, 0, sizeof ch);
    ch.resolved = CLICKUP_YES;
    assert_int_equal(clickup_comment_update(f->cu, made->id, &ch), CLICKUP_OK);
    assert_int_equal(sandbox_request_count(f->sb, "PUT", "/api/v2/comment/"), 2);
    assert_int_equal(clickup_last_error(f->cu)->attempts, 2);
    clickup_comment_created_free(made);

    /* wrong shapes */
    sandbox_fault(f->sb, "GET", "/api/v2/task/86abc123/comment", SANDBOX_FAULT_WRONG_SHAPE, 1, 0);
    assert_int_equal(clickup_task_comments_get(f->cu, "86abc123", NULL, &cs), CLICKUP_ERR_BAD_RESPONSE);
    assert_null(cs);
    sandbox_fault(f->sb, "GET", "/api/v2/user", SANDBOX_FAULT_WRONG_SHAPE, 1, 0);
    assert_int_equal(clickup_authorized_user_get(f->cu, &u), CLICKUP_ERR_BAD_RESPONSE);
    assert_null(u);
    sandbox_fault(f->sb, "POST", "/api/v2/task/86abc123/link/", SANDBOX_FAULT_WRONG_SHAPE, 1, 0);
    assert_int_equal(clickup_task_link_add(f->cu, "86abc123", "86abc124", &t), CLICKUP_ERR_BAD_RESPONSE);
    assert_null(t);
}

/* A full page whose last comment has no date cannot be followed: an error, not a loop. */
static clickup_transport_status no_date_transport(void *user, const clickup_http_request *rq, clickup_http_response *resp) {
    static char body[8192];
    size_t i, at = 0;
    int *calls = (int *)user;
    (void)rq;
    (*calls)++;
    at += (size_t)snprintf(body + at, sizeof body - at, "{\"comments\":[");
    for (i = 0; i < 25; i++)
        at += (size_t)snprintf(body + at, sizeof body - at, "%s{\"id\":\"%u\",\"comment_text\":\"x\"%s}", i ? "," : "",
                               (unsigned)(100 + i), i < 24 ? ",\"date\":\"1700000000000\"" : "");
    at += (size_t)snprintf(body + at, sizeof body - at, "]}");
    memset(resp, 0, sizeof *resp);
    resp->status = 200;
    resp->body = body;
    resp->body_len = at;
    return CLICKUP_TRANSPORT_OK;
}
static clickup_transport_status same_page_transport(void *user, const clickup_http_request *rq, clickup_http_response *resp) {
    static char body[8192];
    size_t i, at = 0;
    int *calls = (int *)user;
    (void)rq;
    (*calls)++;
    at += (size_t)snprintf(body + at, sizeof body - at, "{\"comments\":[");
    for (i = 0; i < 25; i++)
        at += (size_t)snprintf(body + at, sizeof body - at, "%s{\"id\":\"%u\",\"date\":\"%u\"}", i ? "," : "",
                               (unsigned)(100 - i), (unsigned)(5000 - i));
    at += (size_t)snprintf(body + at, sizeof body - at, "]}");
    memset(resp, 0, sizeof *resp);
    resp->status = 200;
    resp->body = body;
    resp->body_len = at;
    return CLICKUP_TRANSPORT_OK;
}
static void test_comment_walk_guards(void **state) {
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_comments *cs = NULL;
    int calls = 0;
    (void)state;
    clickup_config_init(&cfg);
    cfg.token = "pk_test";
    cfg.team_id = "9001";
    cfg.transport = no_date_transport;
    cfg.transport_user = &calls;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    assert_int_equal(clickup_task_comments_get(c, "86abc123", NULL, &cs), CLICKUP_ERR_BAD_RESPONSE);
    assert_null(cs);
    assert_int_equal(calls, 1);
    assert_true(contains(clickup_last_error(c)->message, "'date' is missing"));
    clickup_client_destroy(c);

    calls = 0;                                           /* a server that repeats itself */
    cfg.transport = same_page_transport;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    assert_int_equal(clickup_task_comments_get(c, "86abc123", NULL, &cs), CLICKUP_OK);
    assert_int_equal(calls, 2);
    assert_int_equal(cs->pages, 2);
    assert_int_equal(cs->count, 50);
    clickup_comments_free(cs);
    clickup_client_destroy(c);
}

/* ============================================================================================
   Bad input: refused locally, nothing sent
   ============================================================================================ */
static void test_bad_input_is_refused(void **state) {
    fx *f = (fx *)*state;
    clickup_comment_new n;
    clickup_comments_opts o;
    clickup_comment_changes ch;
    clickup_checklist_changes cc;
    clickup_checklist_item_new in;
    clickup_checklist_item_changes ic;
    clickup_comments *cs = NULL;
    clickup_checklist dummy, *cl = &dummy;              /* must come back NULL */
    char tok[CLICKUP_OAUTH_TOKEN_SIZE];
    size_t before = nreq(f);
    assert_int_equal(before, 0);

    /* comments */
    REFUSED(f, before, clickup_task_comment_create(f->cu, "86abc123", NULL, NULL), "no comment given");
    n = text_comment("");
    REFUSED(f, before, clickup_task_comment_create(f->cu, "86abc123", &n, NULL), "must not be empty");
    n = text_comment(" \t\n ");
    REFUSED(f, before, clickup_task_comment_create(f->cu, "86abc123", &n, NULL), "must not be empty");
    n = text_comment("x");
    n.json = "[{\"text\":\"x\"}]";
    REFUSED(f, before, clickup_task_comment_create(f->cu, "86abc123", &n, NULL), "not both");
    memset(&n, 0, sizeof n);
    REFUSED(f, before, clickup_task_comment_create(f->cu, "86abc123", &n, NULL), "is required");
    n.json = "[{\"text\":";
    REFUSED(f, before, clickup_task_comment_create(f->cu, "86abc123", &n, NULL), "not valid JSON");
    n.json = "{\"text\":\"x\"}";
    REFUSED(f, before, clickup_task_comment_create(f->cu, "86abc123", &n, NULL), "non-empty array");
    n.json = "[]";
    REFUSED(f, before, clickup_task_comment_create(f->cu, "86abc123", &n, NULL), "non-empty array");
    n.json = "[{\"text\":\"a\"}, 1]";
    REFUSED(f, before, clickup_task_comment_create(f->cu, "86abc123", &n, NULL), "block 1 is not an object");
    n = text_comment("x");
    n.assignee = -4;
    REFUSED(f, before, clickup_task_comment_create(f->cu, "86abc123", &n, NULL), "positive user id");
    n.assignee = 183;
    REFUSED(f, before, clickup_view_comment_create(f->cu, "3c-105", &n, NULL), "takes no assignee");
    n = text_comment("x");
    REFUSED(f, before, clickup_task_comment_create(f->cu, "", &n, NULL), "task reference");
    REFUSED(f, before, clickup_task_comment_create(f->cu, "86abc/123", &n, NULL), "task reference");
    REFUSED(f, before, clickup_task_comment_create(f->cu, "https://example.com/t/86abc123", &n, NULL), "task reference");
    REFUSED(f, before, clickup_list_comment_create(f->cu, "../2200", &n, NULL), "list id");
    REFUSED(f, before, clickup_view_comment_create(f->cu, "", &n, NULL), "view id");
    REFUSED(f, before, clickup_comment_reply_create(f->cu, "1 2", &n, NULL), "comment id");
    REFUSED(f, before, clickup_task_comments_get(f->cu, NULL, NULL, &cs), "task reference");
    assert_null(cs);
    memset(&o, 0, sizeof o);
    o.max_pages = -1;
    REFUSED(f, before, clickup_task_comments_get(f->cu, "86abc123", &o, &cs), "max_pages");
    REFUSED(f, before, clickup_list_comments_get(f->cu, "2200", &o, &cs), "max_pages");
    REFUSED(f, before, clickup_list_comments_get(f->cu, "a b", NULL, &cs), "list id");
    REFUSED(f, before, clickup_view_comments_get(f->cu, "v/1", NULL, &cs), "view id");
    REFUSED(f, before, clickup_comment_replies_get(f->cu, "..", &cs), "comment id");
    assert_null(cs);
    memset(&ch, 0, sizeof ch);
    REFUSED(f, before, clickup_comment_update(f->cu, "90000001", &ch), "nothing to change");
    REFUSED(f, before, clickup_comment_update(f->cu, "90000001", NULL), "no changes");
    ch.text = "";
    REFUSED(f, before, clickup_comment_update(f->cu, "90000001", &ch), "must not be empty");
    ch.text = NULL; ch.assignee = -5;
    REFUSED(f, before, clickup_comment_update(f->cu, "90000001", &ch), "positive user id");
    ch.assignee = 0; ch.resolved = (clickup_tristate)7;
    REFUSED(f, before, clickup_comment_update(f->cu, "90000001", &ch), "resolved must be");
    ch.resolved = CLICKUP_YES;
    REFUSED(f, before, clickup_comment_update(f->cu, "", &ch), "comment id");
    REFUSED(f, before, clickup_comment_update(f->cu, "9/1", &ch), "comment id");
    REFUSED(f, before, clickup_comment_delete(f->cu, "../1"), "comment id");

    /* checklists */
    REFUSED(f, before, clickup_checklist_create(f->cu, "86abc123", NULL, &cl), "name is required");
    assert_null(cl);
    REFUSED(f, before, clickup_checklist_create(f->cu, "86abc123", "   ", NULL), "name is required");
    REFUSED(f, before, clickup_checklist_create(f->cu, "#", "QA", NULL), "task reference");
    memset(&cc, 0, sizeof cc);
    REFUSED(f, before, clickup_checklist_update(f->cu, "c10c", &cc), "nothing to change");
    cc.name = "";
    REFUSED(f, before, clickup_checklist_update(f->cu, "c10c", &cc), "must not be empty");
    cc.name = NULL; cc.position.present = 1; cc.position.value = -1;
    REFUSED(f, before, clickup_checklist_update(f->cu, "c10c", &cc), "position");
    cc.position.value = 0;
    REFUSED(f, before, clickup_checklist_update(f->cu, "c10c/x", &cc), "checklist id");
    REFUSED(f, before, clickup_checklist_delete(f->cu, ""), "checklist id");
    REFUSED(f, before, clickup_checklist_item_create(f->cu, "c10c", NULL, NULL), "name is required");
    memset(&in, 0, sizeof in);
    in.name = "";
    REFUSED(f, before, clickup_checklist_item_create(f->cu, "c10c", &in, NULL), "name is required");
    in.name = "x"; in.assignee = -1;
    REFUSED(f, before, clickup_checklist_item_create(f->cu, "c10c", &in, NULL), "positive user id");
    in.assignee = 0;
    REFUSED(f, before, clickup_checklist_item_create(f->cu, "c 10c", &in, NULL), "checklist id");
    memset(&ic, 0, sizeof ic);
    REFUSED(f, before, clickup_checklist_item_update(f->cu, "c10c", "i7e4", &ic, NULL), "nothing to change");
    ic.assignee = 183; ic.clear_assignee = 1;
    REFUSED(f, before, clickup_checklist_item_update(f->cu, "c10c", "i7e4", &ic, NULL), "both set and cleared");
    memset(&ic, 0, sizeof ic);
    ic.parent = "i7e4";
    REFUSED(f, before, clickup_checklist_item_update(f->cu, "c10c", "i7e4", &ic, NULL), "its own parent");
    ic.parent = "a b";
    REFUSED(f, before, clickup_checklist_item_update(f->cu, "c10c", "i7e4", &ic, NULL), "parent item id");
    ic.parent = "i7e5"; ic.clear_parent = 1;
    REFUSED(f, before, clickup_checklist_item_update(f->cu, "c10c", "i7e4", &ic, NULL), "both set and cleared");
    ic.clear_parent = 0;
    REFUSED(f, before, clickup_checklist_item_update(f->cu, "c10c", "", &ic, NULL), "checklist item id");
    REFUSED(f, before, clickup_checklist_item_delete(f->cu, "c10c", NULL), "checklist item id");

    /* relationships, tasks */
    REFUSED(f, before, clickup_task_dependency_add(f->cu, "86abc123", (clickup_dependency_kind)0, "86abc124"), "kind must be");
    REFUSED(f, before, clickup_task_dependency_remove(f->cu, "86abc123", (clickup_dependency_kind)3, "86abc124"), "kind must be");
    REFUSED(f, before, clickup_task_dependency_add(f->cu, "86abc123", CLICKUP_WAITING_ON, "DEV-2"), "not a custom id");
    REFUSED(f, before, clickup_task_dependency_add(f->cu, "86abc123", CLICKUP_WAITING_ON, ""), "other task reference");
    REFUSED(f, before, clickup_task_dependency_add(f->cu, "86abc123", CLICKUP_BLOCKING, "#86abc123"), "itself");
    REFUSED(f, before, clickup_task_link_add(f->cu, "86abc123", "OPS-43", NULL), "not a custom id");
    REFUSED(f, before, clickup_task_link_remove(f->cu, "86abc123", "https://app.clickup.com/t/86abc123", NULL), "itself");
    REFUSED(f, before, clickup_task_link_add(f->cu, "bad ref", "86abc124", NULL), "task reference");
    REFUSED(f, before, clickup_task_delete(f->cu, "https://app.clickup.com/x/86abc123"), "task reference");
    REFUSED(f, before, clickup_task_list_add(f->cu, "86abc123", "22 00"), "list id");
    REFUSED(f, before, clickup_task_list_remove(f->cu, "86abc123", NULL), "list id");

    /* OAuth */
    REFUSED(f, before, clickup_oauth_token_get(f->cu, NULL, "s", "c", tok, sizeof tok), "client_id");
    REFUSED(f, before, clickup_oauth_token_get(f->cu, "id", "", "c", tok, sizeof tok), "client_secret");
    REFUSED(f, before, clickup_oauth_token_get(f->cu, "id", "s", "c\r\nX-Evil: 1", tok, sizeof tok), "code");
    REFUSED(f, before, clickup_oauth_token_get(f->cu, "id", "s", NULL, tok, sizeof tok), "code");
    REFUSED(f, before, clickup_oauth_token_get(f->cu, "id", "s", "c", NULL, 0), "token_out");
    tok[0] = 'x';
    REFUSED(f, before, clickup_oauth_token_get(f->cu, "id", "s", "c", tok, 64), "CLICKUP_OAUTH_TOKEN_SIZE");
    assert_int_equal(tok[0], '\0');
    REFUSED(f, before, clickup_oauth_token_get(f->cu, "id", "\xff\xfe", "c", tok, sizeof tok), "UTF-8");

    /* no client, no out */
    assert_int_equal(clickup_task_comments_get(NULL, "86abc123", NULL, &cs), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_comments_get(f->cu, "86abc123", NULL, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_comment_replies_get(f->cu, "1", NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_authorized_user_get(f->cu, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_checklist_delete(NULL, "c10c"), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_oauth_token_get(NULL, "a", "b", "c", tok, sizeof tok), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(nreq(f), 0);
}

/* POST/DELETE /list/{list_id}/task/{task_id} take no custom id: refused, with a message that
   says so. DELETE /task/{task_id} takes one. */
static void test_custom_ids_refused_on_list_routes(void **state) {
    fx *f = (fx *)*state;
    clickup_task *t = NULL;
    sandbox_request r;
    const clickup_error *e;

    REFUSED(f, 0, clickup_task_list_add(f->cu, "OPS-42", "2200"), "custom task id");
    e = clickup_last_error(f->cu);
    assert_true(contains(e->message, "OPS-42"));
    assert_true(contains(e->message, "own id"));
    assert_string_equal(e->method, "POST");
    assert_string_equal(e->path, "/list/{list_id}/task/{task_id}");
    REFUSED(f, 0, clickup_task_list_add(f->cu, "https://app.clickup.com/t/9001/OPS-42", "2200"), "custom task id");
    REFUSED(f, 0, clickup_task_list_remove(f->cu, "DEV-1", "2200"), "custom task id");
    assert_string_equal(clickup_last_error(f->cu)->method, "DELETE");

    assert_int_equal(clickup_task_list_add(f->cu, "86abc123", "2200"), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "POST", "/api/v2/list/2200/task/86abc123", 0, 200);
    assert_true(sandbox_task_in_list(f->sb, "86abc123", "2200"));
    assert_int_equal(clickup_task_list_add(f->cu, "CU-86abc123", "2200"), CLICKUP_OK);   /* idempotent */
    assert_int_equal(clickup_task_list_remove(f->cu, "#86abc123", "2200"), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "DELETE", "/api/v2/list/2200/task/86abc123", 0, 200);
    assert_false(sandbox_task_in_list(f->sb, "86abc123", "2200"));
    assert_int_equal(clickup_task_list_add(f->cu, "86abc123", "2101"), CLICKUP_ERR_VALIDATION);   /* its home */
    assert_int_equal(clickup_task_list_add(f->cu, "86abc123", "9999"), CLICKUP_ERR_NOT_FOUND);

    /* delete: custom ids welcome */
    assert_int_equal(clickup_task_delete(f->cu, "INB-2"), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "DELETE", "/api/v2/task/INB-2", 2, 204);
    check_custom_q(&r);
    assert_int_equal(r.body_len, 0);
    assert_int_equal(clickup_task_get(f->cu, "86c00002", NULL, &t), CLICKUP_ERR_NOT_FOUND);
    assert_null(t);
    assert_int_equal(sandbox_task_count(f->sb, "2200"), 1);
    assert_int_equal(clickup_task_delete(f->cu, "86c00002"), CLICKUP_ERR_NOT_FOUND);
}

/* ============================================================================================
   Checklists
   ============================================================================================ */
static void test_checklists(void **state) {
    fx *f = (fx *)*state;
    clickup_checklist *cl = NULL;
    clickup_checklist_item_new in;
    clickup_checklist_item_changes ic;
    clickup_checklist_changes cc;
    clickup_json_doc *d;
    sandbox_request r;
    char cid[64], i1[64], i2[64], path[200];
    const clickup_json *kids;
    static const char *const k_name[] = { "name", NULL };
    static const char *const k_item[] = { "name", "assignee", NULL };
    static const char *const k_move[] = { "resolved", "parent", NULL };
    static const char *const k_back[] = { "name", "assignee", "parent", NULL };
    static const char *const k_edit[] = { "name", "position", NULL };

    assert_int_equal(clickup_checklist_create(f->cu, "OPS-42", "Launch", &cl), CLICKUP_OK);
    assert_non_null(cl);
    assert_string_equal(cl->id, "c10c0000-0000-4000-8000-000000000001");
    assert_string_equal(cl->name, "Launch");
    assert_true(cl->orderindex.present);
    assert_int_equal(cl->orderindex.value, 0);
    assert_int_equal(cl->item_count, 0);
    assert_string_equal(clickup_json_as_string(clickup_json_get(cl->raw, "task_id"), "", NULL), "86abc123");
    snprintf(cid, sizeof cid, "%s", cl->id);
    clickup_checklist_free(cl);
    d = last_body(f, &r, k_name);
    check_req(&r, "POST", "/api/v2/task/OPS-42/checklist", 2, 200);
    check_custom_q(&r);
    j_str(clickup_json_root(d), "name", "Launch");
    clickup_json_doc_free(d);

    assert_int_equal(clickup_checklist_create(f->cu, "86abc123", "QA", &cl), CLICKUP_OK);
    assert_int_equal(cl->orderindex.value, 1);
    clickup_checklist_free(cl);

    memset(&in, 0, sizeof in);
    in.name = "Write copy";
    in.assignee = 183;
    assert_int_equal(clickup_checklist_item_create(f->cu, cid, &in, &cl), CLICKUP_OK);
    d = last_body(f, &r, k_item);
    snprintf(path, sizeof path, "/api/v2/checklist/%s/checklist_item", cid);
    check_req(&r, "POST", path, 0, 200);
    j_str(clickup_json_root(d), "name", "Write copy");
    j_num(clickup_json_root(d), "assignee", "183");
    clickup_json_doc_free(d);
    assert_int_equal(cl->item_count, 1);
    assert_string_equal(cl->items[0].name, "Write copy");
    assert_int_equal(cl->items[0].resolved, 0);
    assert_null(cl->items[0].parent);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_get(cl->items[0].raw, "assignee"), "id"), 0), 183);
    snprintf(i1, sizeof i1, "%s", cl->items[0].id);
    clickup_checklist_free(cl);
    in.name = "Proofread";
    in.assignee = 0;
    assert_int_equal(clickup_checklist_item_create(f->cu, cid, &in, NULL), CLICKUP_OK);
    d = last_body(f, &r, k_name);
    clickup_json_doc_free(d);
    assert_int_equal(clickup_checklist_item_create(f->cu, cid, &in, &cl), CLICKUP_OK);   /* a third, to read them */
    assert_int_equal(cl->item_count, 3);
    snprintf(i2, sizeof i2, "%s", cl->items[1].id);
    assert_string_equal(cl->items[1].name, "Proofread");
    clickup_checklist_free(cl);

    /* resolve and re-parent */
    memset(&ic, 0, sizeof ic);
    ic.resolved = CLICKUP_YES;
    ic.parent = i1;
    assert_int_equal(clickup_checklist_item_update(f->cu, cid, i2, &ic, &cl), CLICKUP_OK);
    d = last_body(f, &r, k_move);
    snprintf(path, sizeof path, "/api/v2/checklist/%s/checklist_item/%s", cid, i2);
    check_req(&r, "PUT", path, 0, 200);
    j_bool(clickup_json_root(d), "resolved", 1);
    j_str(clickup_json_root(d), "parent", i1);
    clickup_json_doc_free(d);
    assert_string_equal(cl->items[1].id, i2);
    assert_int_equal(cl->items[1].resolved, 1);
    assert_non_null(cl->items[1].parent);
    assert_string_equal(cl->items[1].parent, i1);
    kids = clickup_json_get(cl->items[0].raw, "children");
    assert_int_equal(clickup_json_len(kids), 1);
    assert_string_equal(clickup_json_as_string(clickup_json_at(kids, 0), "", NULL), i2);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(cl->raw, "resolved"), -1), 1);
    clickup_checklist_free(cl);

    /* a cycle is the server's to refuse */
    memset(&ic, 0, sizeof ic);
    ic.parent = i2;
    assert_int_equal(clickup_checklist_item_update(f->cu, cid, i1, &ic, NULL), CLICKUP_ERR_VALIDATION);

    /* back to the top, renamed, unassigned */
    memset(&ic, 0, sizeof ic);
    ic.name = "Proofread twice";
    ic.clear_assignee = 1;
    ic.clear_parent = 1;
    assert_int_equal(clickup_checklist_item_update(f->cu, cid, i2, &ic, &cl), CLICKUP_OK);
    d = last_body(f, &r, k_back);
    j_str(clickup_json_root(d), "name", "Proofread twice");
    j_null(clickup_json_root(d), "assignee");
    j_null(clickup_json_root(d), "parent");
    clickup_json_doc_free(d);
    assert_string_equal(cl->items[1].name, "Proofread twice");
    assert_null(cl->items[1].parent);
    assert_int_equal(cl->items[1].resolved, 1);
    clickup_checklist_free(cl);

    /* rename and move the checklist */
    memset(&cc, 0, sizeof cc);
    cc.name = "Launch v2";
    cc.position.present = 1;
    cc.position.value = 1;
    assert_int_equal(clickup_checklist_update(f->cu, cid, &cc), CLICKUP_OK);
    d = last_body(f, &r, k_edit);
    snprintf(path, sizeof path, "/api/v2/checklist/%s", cid);
    check_req(&r, "PUT", path, 0, 200);
    j_str(clickup_json_root(d), "name", "Launch v2");
    j_num(clickup_json_root(d), "position", "1");
    clickup_json_doc_free(d);

    /* delete an item, then the checklist */
    assert_int_equal(clickup_checklist_item_delete(f->cu, cid, i1), CLICKUP_OK);
    req_last(f, &r);
    snprintf(path, sizeof path, "/api/v2/checklist/%s/checklist_item/%s", cid, i1);
    check_req(&r, "DELETE", path, 0, 200);
    in.name = "Ship";
    assert_int_equal(clickup_checklist_item_create(f->cu, cid, &in, &cl), CLICKUP_OK);
    assert_string_equal(cl->name, "Launch v2");
    assert_int_equal(cl->orderindex.value, 1);
    assert_int_equal(cl->item_count, 3);                 /* i2, the third, Ship */
    assert_string_equal(cl->items[0].id, i2);
    clickup_checklist_free(cl);
    assert_int_equal(clickup_checklist_delete(f->cu, cid), CLICKUP_OK);
    req_last(f, &r);
    snprintf(path, sizeof path, "/api/v2/checklist/%s", cid);
    check_req(&r, "DELETE", path, 0, 200);
    assert_int_equal(clickup_checklist_item_create(f->cu, cid, &in, &cl), CLICKUP_ERR_NOT_FOUND);
    assert_null(cl);
}

/* ============================================================================================
   Cache: the route row says what a write drops
   ============================================================================================ */
static size_t page_gets(fx *f) { return sandbox_request_count(f->sb, "GET", "/api/v2/list/2101/task"); }

static void read_pages(fx *f, clickup_client *c) {
    clickup_task_query q;
    clickup_tasks *ts = NULL;
    memset(&q, 0, sizeof q);
    q.list_id = "2101";
    assert_int_equal(clickup_tasks_get(c, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 1);                  /* open top-level tasks: 86abc123 */
    clickup_tasks_free(ts);
    (void)f;
}

static void test_checklist_write_drops_cached_task_pages(void **state) {
    fx *f = (fx *)*state;
    clickup_client *c = mk_client(f, SANDBOX_TOKEN, 1);
    clickup_checklist *cl = NULL;
    clickup_checklist_item_new in;
    clickup_checklist_item_changes ic;
    clickup_comment_new n = text_comment("cache me not");
    clickup_comment_created *made = NULL;
    clickup_comment_changes ch;
    char cid[64], iid[64];
    size_t gets;

    assert_int_equal(clickup_checklist_create(c, "86abc123", "Cache", &cl), CLICKUP_OK);
    snprintf(cid, sizeof cid, "%s", cl->id);
    clickup_checklist_free(cl);
    memset(&in, 0, sizeof in);
    in.name = "Item";
    assert_int_equal(clickup_checklist_item_create(c, cid, &in, &cl), CLICKUP_OK);
    snprintf(iid, sizeof iid, "%s", cl->items[0].id);
    clickup_checklist_free(cl);
    assert_int_equal(clickup_task_comment_create(c, "86abc123", &n, &made), CLICKUP_OK);

    read_pages(f, c);
    gets = page_gets(f);
    assert_int_equal(gets, 1);
    read_pages(f, c);                                    /* from the cache */
    assert_int_equal(page_gets(f), gets);

    memset(&ch, 0, sizeof ch);                           /* UPDATE_COMMENT drops nothing typed */
    ch.resolved = CLICKUP_YES;
    assert_int_equal(clickup_comment_update(c, made->id, &ch), CLICKUP_OK);
    read_pages(f, c);
    assert_int_equal(page_gets(f), gets);

    memset(&ic, 0, sizeof ic);                           /* EDIT_CHECKLIST_ITEM drops task pages */
    ic.resolved = CLICKUP_YES;
    assert_int_equal(clickup_checklist_item_update(c, cid, iid, &ic, NULL), CLICKUP_OK);
    read_pages(f, c);
    assert_int_equal(page_gets(f), gets + 1);
    read_pages(f, c);
    assert_int_equal(page_gets(f), gets + 1);

    assert_int_equal(clickup_task_dependency_add(c, "86abc123", CLICKUP_WAITING_ON, "86abc124"), CLICKUP_OK);
    read_pages(f, c);
    assert_int_equal(page_gets(f), gets + 2);
    assert_int_equal(clickup_task_list_add(c, "86abc125", "2200"), CLICKUP_OK);
    read_pages(f, c);
    assert_int_equal(page_gets(f), gets + 3);

    /* a refused write drops nothing */
    assert_int_equal(clickup_checklist_item_update(c, cid, iid, NULL, NULL), CLICKUP_ERR_INVALID_ARG);
    read_pages(f, c);
    assert_int_equal(page_gets(f), gets + 3);
    clickup_comment_created_free(made);
    clickup_client_destroy(c);
}

/* ============================================================================================
   Relationships
   ============================================================================================ */
static void test_dependencies_and_links(void **state) {
    fx *f = (fx *)*state;
    clickup_json_doc *d;
    clickup_task *t = NULL;
    sandbox_request r;
    const clickup_json *links;
    static const char *const k_on[] = { "depends_on", NULL };
    static const char *const k_of[] = { "dependency_of", NULL };

    assert_int_equal(clickup_task_dependency_add(f->cu, "86abc123", CLICKUP_WAITING_ON, "86abc124"), CLICKUP_OK);
    d = last_body(f, &r, k_on);
    check_req(&r, "POST", "/api/v2/task/86abc123/dependency", 0, 200);
    j_str(clickup_json_root(d), "depends_on", "86abc124");
    clickup_json_doc_free(d);
    assert_true(sandbox_dependency_exists(f->sb, "86abc123", "86abc124"));

    assert_int_equal(clickup_task_dependency_add(f->cu, "OPS-44", CLICKUP_BLOCKING, "https://app.clickup.com/t/86abc123"),
                     CLICKUP_OK);
    d = last_body(f, &r, k_of);
    check_req(&r, "POST", "/api/v2/task/OPS-44/dependency", 2, 200);
    check_custom_q(&r);
    j_str(clickup_json_root(d), "dependency_of", "86abc123");
    clickup_json_doc_free(d);
    assert_true(sandbox_dependency_exists(f->sb, "86abc123", "86abc125"));

    /* the link's answer shows both */
    assert_int_equal(clickup_task_link_add(f->cu, "86abc123", "#86c00001", &t), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "POST", "/api/v2/task/86abc123/link/86c00001", 0, 200);
    assert_non_null(t);
    assert_string_equal(t->id, "86abc123");
    assert_string_equal(t->custom_id, "OPS-42");
    links = clickup_json_get(t->raw, "linked_tasks");
    assert_int_equal(clickup_json_len(links), 1);
    assert_string_equal(clickup_json_as_string(clickup_json_get(clickup_json_at(links, 0), "link_id"), "", NULL), "86c00001");
    assert_int_equal(clickup_json_len(clickup_json_get(t->raw, "dependencies")), 2);
    clickup_task_free(t);
    assert_true(sandbox_link_exists(f->sb, "86c00001", "86abc123"));

    assert_int_equal(clickup_task_dependency_remove(f->cu, "86abc123", CLICKUP_WAITING_ON, "86abc124"), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "DELETE", "/api/v2/task/86abc123/dependency", 1, 200);
    check_q(&r, "depends_on", "86abc124");
    assert_int_equal(r.body_len, 0);
    assert_false(sandbox_dependency_exists(f->sb, "86abc123", "86abc124"));
    assert_int_equal(clickup_task_dependency_remove(f->cu, "OPS-44", CLICKUP_BLOCKING, "86abc123"), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "DELETE", "/api/v2/task/OPS-44/dependency", 3, 200);
    check_custom_q(&r);
    check_q(&r, "dependency_of", "86abc123");
    assert_false(sandbox_dependency_exists(f->sb, "86abc123", "86abc125"));

    assert_int_equal(clickup_task_link_remove(f->cu, "OPS-42", "86c00001", &t), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "DELETE", "/api/v2/task/OPS-42/link/86c00001", 2, 200);
    check_custom_q(&r);
    assert_int_equal(clickup_json_len(clickup_json_get(t->raw, "linked_tasks")), 0);
    assert_int_equal(clickup_json_len(clickup_json_get(t->raw, "dependencies")), 0);
    clickup_task_free(t);
    assert_false(sandbox_link_exists(f->sb, "86c00001", "86abc123"));

    /* a missing other task: ClickUp's 404, not retried */
    assert_int_equal(clickup_task_dependency_add(f->cu, "86abc123", CLICKUP_WAITING_ON, "86zzz999"), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(clickup_last_error(f->cu)->attempts, 1);
    assert_string_equal(clickup_last_error(f->cu)->ecode, "ITEM_013");
}

/* ============================================================================================
   Users and OAuth
   ============================================================================================ */
static void test_authorized_user(void **state) {
    fx *f = (fx *)*state;
    clickup_client *cached = mk_client(f, SANDBOX_TOKEN, 1);
    clickup_user *u = NULL;
    sandbox_request r;
    assert_int_equal(clickup_authorized_user_get(f->cu, &u), CLICKUP_OK);
    req_last(f, &r);
    check_req(&r, "GET", "/api/v2/user", 0, 200);
    assert_string_equal(r.authorization, SANDBOX_TOKEN);
    assert_int_equal(u->id, 183);
    assert_string_equal(u->username, "Ada Owner");
    assert_string_equal(u->email, "ada@example.com");
    assert_string_equal(u->initials, "AO");
    assert_string_equal(u->color, "#ff0000");
    assert_string_equal(u->profile_picture, "");         /* null in the answer */
    assert_int_equal(u->role, 0);
    assert_string_equal(clickup_json_as_string(clickup_json_get(u->raw, "timezone"), "", NULL), "Europe/London");
    clickup_user_free(u);

    assert_int_equal(clickup_authorized_user_get(cached, &u), CLICKUP_OK);   /* cached: spaces TTL */
    clickup_user_free(u);
    assert_int_equal(clickup_authorized_user_get(cached, &u), CLICKUP_OK);
    clickup_user_free(u);
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/user"), 2);
    clickup_client_destroy(cached);
}

/* Nothing the exchange must keep secret may show in what the library says. */
static void assert_no_secrets(const char *where, const char *text) {
    static const char *const secrets[] = { SANDBOX_OAUTH_CLIENT_SECRET, SANDBOX_OAUTH_CODE, SANDBOX_OAUTH_TOKEN,
                                           "wrong_secret_9c1d", "spent_code_4e2a", NULL };
    size_t i;
    for (i = 0; secrets[i]; i++)
        if (contains(text, secrets[i])) fail_msg("%s shows '%s':\n%s", where, secrets[i], text);
}
static void assert_error_clean(clickup_client *c) {
    const clickup_error *e = clickup_last_error(c);
    assert_no_secrets("message", e->message);
    assert_no_secrets("api_message", e->api_message);
    assert_no_secrets("curl_error", e->curl_error);
    assert_no_secrets("path", e->path);
}

static void test_oauth_exchange(void **state) {
    fx *f = (fx *)*state;
    char tok[CLICKUP_OAUTH_TOKEN_SIZE];
    clickup_client *oc;
    clickup_user *u = NULL;
    clickup_json_doc *d;
    sandbox_request r;
    const clickup_error *e;
    static const char *const keys[] = { "client_id", "client_secret", "code", NULL };

    assert_int_equal(clickup_oauth_token_get(f->cu, SANDBOX_OAUTH_CLIENT_ID, SANDBOX_OAUTH_CLIENT_SECRET, SANDBOX_OAUTH_CODE,
                                             tok, sizeof tok),
                     CLICKUP_OK);
    assert_string_equal(tok, SANDBOX_OAUTH_TOKEN);
    d = last_body(f, &r, keys);
    check_req(&r, "POST", "/api/v2/oauth/token", 0, 200);
    assert_string_equal(r.query, "");
    j_str(clickup_json_root(d), "client_id", SANDBOX_OAUTH_CLIENT_ID);
    j_str(clickup_json_root(d), "client_secret", SANDBOX_OAUTH_CLIENT_SECRET);
    j_str(clickup_json_root(d), "code", SANDBOX_OAUTH_CODE);
    clickup_json_doc_free(d);
    assert_true(contains(g_log, "POST /oauth/token -> 200"));
    assert_error_clean(f->cu);

    /* the code is spent: 401, whose text echoes the code */
    tok[0] = 'x';
    assert_int_equal(clickup_oauth_token_get(f->cu, SANDBOX_OAUTH_CLIENT_ID, SANDBOX_OAUTH_CLIENT_SECRET, SANDBOX_OAUTH_CODE,
                                             tok, sizeof tok),
                     CLICKUP_ERR_AUTH);
    assert_string_equal(tok, "");
    e = clickup_last_error(f->cu);
    assert_int_equal(e->http_status, 401);
    assert_string_equal(e->ecode, "OAUTH_015");
    assert_true(contains(e->api_message, "Code [redacted] is unknown"));
    assert_true(contains(e->message, "[redacted]"));
    assert_error_clean(f->cu);
    req_last(f, &r);
    assert_true(contains(r.body, SANDBOX_OAUTH_CODE));  /* it was sent: the server echoed it */
    assert_int_equal(clickup_oauth_token_get(f->cu, SANDBOX_OAUTH_CLIENT_ID, SANDBOX_OAUTH_CLIENT_SECRET, "spent_code_4e2a",
                                             tok, sizeof tok),
                     CLICKUP_ERR_AUTH);
    assert_true(contains(clickup_last_error(f->cu)->api_message, "[redacted]"));
    assert_error_clean(f->cu);

    /* a wrong secret, echoed */
    assert_int_equal(clickup_oauth_token_get(f->cu, SANDBOX_OAUTH_CLIENT_ID, "wrong_secret_9c1d", SANDBOX_OAUTH_CODE, tok,
                                             sizeof tok),
                     CLICKUP_ERR_AUTH);
    assert_string_equal(clickup_last_error(f->cu)->ecode, "OAUTH_011");
    assert_true(contains(clickup_last_error(f->cu)->api_message, "Client secret [redacted] is wrong"));
    assert_error_clean(f->cu);

    /* a 500, and an answer that cannot be read: the code may be spent */
    sandbox_fault(f->sb, "POST", "/api/v2/oauth/token", SANDBOX_FAULT_STATUS, 1, 500);
    assert_int_equal(clickup_oauth_token_get(f->cu, SANDBOX_OAUTH_CLIENT_ID, SANDBOX_OAUTH_CLIENT_SECRET, "spent_code_4e2a",
                                             tok, sizeof tok),
                     CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(clickup_last_error(f->cu)->attempts, 1);
    assert_error_clean(f->cu);
    sandbox_fault(f->sb, "POST", "/api/v2/oauth/token", SANDBOX_FAULT_WRONG_SHAPE, 1, 0);
    assert_int_equal(clickup_oauth_token_get(f->cu, SANDBOX_OAUTH_CLIENT_ID, SANDBOX_OAUTH_CLIENT_SECRET, "spent_code_4e2a",
                                             tok, sizeof tok),
                     CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_true(contains(clickup_last_error(f->cu)->message, "no usable access_token"));
    assert_string_equal(tok, "");
    assert_error_clean(f->cu);
    assert_int_equal(sandbox_request_count(f->sb, "POST", "/api/v2/oauth/token"), 6);

    /* every log line of the test, at DEBUG: no secret, and the echoes were scrubbed */
    assert_true(g_log_lines >= 10);                     /* one INFO line a request, one ERROR a failure */
    assert_no_secrets("the log", g_log);
    assert_true(contains(g_log, "[redacted]"));

    /* the token works, as Bearer */
    oc = mk_client(f, SANDBOX_OAUTH_TOKEN, 0);
    assert_int_equal(clickup_authorized_user_get(oc, &u), CLICKUP_OK);
    assert_int_equal(u->id, 183);
    clickup_user_free(u);
    req_last(f, &r);
    assert_string_equal(r.authorization, "Bearer " SANDBOX_OAUTH_TOKEN);
    clickup_client_destroy(oc);
}

/* A log callback that is off stays off; a client without one is not given one. */
static void test_oauth_without_log(void **state) {
    fx *f = (fx *)*state;
    clickup_config cfg;
    clickup_client *c = NULL;
    char tok[CLICKUP_OAUTH_TOKEN_SIZE];
    clickup_config_init(&cfg);
    cfg.token = "placeholder";
    cfg.base_url = f->url;
    cfg.team_id = SANDBOX_TEAM_ID;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    /* the sandbox wants a known token for every route; ClickUp ignores it on this one */
    assert_int_equal(clickup_oauth_token_get(c, SANDBOX_OAUTH_CLIENT_ID, SANDBOX_OAUTH_CLIENT_SECRET, SANDBOX_OAUTH_CODE, tok,
                                             sizeof tok),
                     CLICKUP_ERR_AUTH);
    assert_error_clean(c);
    clickup_client_destroy(c);
    c = mk_client(f, SANDBOX_TOKEN, 0);
    assert_int_equal(clickup_oauth_token_get(c, SANDBOX_OAUTH_CLIENT_ID, SANDBOX_OAUTH_CLIENT_SECRET, SANDBOX_OAUTH_CODE, tok,
                                             sizeof tok),
                     CLICKUP_OK);
    /* the filter is gone afterwards: a later line arrives unchanged */
    g_log_len = 0;
    assert_int_equal(clickup_task_delete(c, "86c00001"), CLICKUP_OK);
    assert_true(contains(g_log, "DELETE /task/86c00001 -> 204"));
    clickup_client_destroy(c);
}

/* The library's own copies of the exchange's secrets are overwritten before they are freed:
   an allocator that looks at every block it frees (and at the old block of every realloc,
   which it always moves) counts blocks still holding the secret, the code or the token. */
#define WIPE_HDR 16
static unsigned long g_wipe_hits, g_wipe_frees;
static char g_wipe_extra[400];                   /* one more secret to look for, "" = none */
static int wipe_holds(const char *p, size_t n, const char *s) {
    size_t i, k = strlen(s);
    for (i = 0; k && i + k <= n; i++)
        if (memcmp(p + i, s, k) == 0) return 1;
    return 0;
}
static void wipe_inspect(char *b) {
    size_t n;
    memcpy(&n, b, sizeof n);
    g_wipe_frees++;
    if (wipe_holds(b + WIPE_HDR, n, SANDBOX_OAUTH_CLIENT_SECRET) || wipe_holds(b + WIPE_HDR, n, SANDBOX_OAUTH_CODE) ||
        wipe_holds(b + WIPE_HDR, n, SANDBOX_OAUTH_TOKEN) || wipe_holds(b + WIPE_HDR, n, g_wipe_extra))
        g_wipe_hits++;
}
static void *wipe_malloc(void *user, size_t n) {
    char *b = (char *)calloc(1, WIPE_HDR + n);          /* zeroed: free may read all of it */
    (void)user;
    if (!b) return NULL;
    memcpy(b, &n, sizeof n);
    return b + WIPE_HDR;
}
static void wipe_free(void *user, void *p) {
    (void)user;
    if (!p) return;
    wipe_inspect((char *)p - WIPE_HDR);
    free((char *)p - WIPE_HDR);
}
static void *wipe_realloc(void *user, void *p, size_t old_n, size_t n) {
    char *q = (char *)wipe_malloc(user, n);
    if (!q) return NULL;
    if (p) memcpy(q, p, old_n < n ? old_n : n);
    wipe_free(user, p);
    return q;
}
static void test_oauth_copies_are_wiped(void **state) {
    fx *f = (fx *)*state;
    clickup_allocator al;
    clickup_config cfg;
    clickup_client *c = NULL;
    char tok[CLICKUP_OAUTH_TOKEN_SIZE], code[256];
    al.malloc_fn = wipe_malloc; al.realloc_fn = wipe_realloc; al.free_fn = wipe_free; al.user = NULL;
    clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.team_id = SANDBOX_TEAM_ID;
    cfg.base_url = f->url;
    cfg.allocator = &al;
    cfg.log = capture_log;
    cfg.log_level = CLICKUP_LOG_DEBUG;
    g_wipe_hits = g_wipe_frees = 0;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    assert_int_equal(clickup_oauth_token_get(c, SANDBOX_OAUTH_CLIENT_ID, SANDBOX_OAUTH_CLIENT_SECRET, SANDBOX_OAUTH_CODE, tok,
                                             sizeof tok),
                     CLICKUP_OK);
    assert_string_equal(tok, SANDBOX_OAUTH_TOKEN);
    sandbox_fault(f->sb, "POST", "/api/v2/oauth/token", SANDBOX_FAULT_STATUS, 1, 500);
    assert_int_equal(clickup_oauth_token_get(c, SANDBOX_OAUTH_CLIENT_ID, SANDBOX_OAUTH_CLIENT_SECRET, SANDBOX_OAUTH_CODE, tok,
                                             sizeof tok),
                     CLICKUP_ERR_OUTCOME_UNKNOWN);
    /* long enough that a growing request buffer would have left copies behind */
    memset(g_wipe_extra, 'S', 100);
    memcpy(g_wipe_extra, "long_secret_", 12);
    g_wipe_extra[100] = '\0';
    memset(code, 'C', 200);
    code[200] = '\0';
    sandbox_fault(f->sb, "POST", "/api/v2/oauth/token", SANDBOX_FAULT_STATUS, 1, 500);
    assert_int_equal(clickup_oauth_token_get(c, SANDBOX_OAUTH_CLIENT_ID, g_wipe_extra, code, tok, sizeof tok),
                     CLICKUP_ERR_OUTCOME_UNKNOWN);
    clickup_client_destroy(c);
    g_wipe_extra[0] = '\0';
    assert_true(g_wipe_frees > 10);
    assert_int_equal(g_wipe_hits, 0);
    assert_no_secrets("the log", g_log);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_comment_create_and_decode, setup, teardown),
        cmocka_unit_test_setup_teardown(test_comment_pagination, setup, teardown),
        cmocka_unit_test_setup_teardown(test_comment_task_references, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_and_view_comments, setup, teardown),
        cmocka_unit_test_setup_teardown(test_comment_update_reply_delete, setup, teardown),
        cmocka_unit_test_setup_teardown(test_create_500_is_outcome_unknown, setup, teardown),
        cmocka_unit_test(test_comment_walk_guards),
        cmocka_unit_test_setup_teardown(test_bad_input_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_custom_ids_refused_on_list_routes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_checklists, setup, teardown),
        cmocka_unit_test_setup_teardown(test_checklist_write_drops_cached_task_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dependencies_and_links, setup, teardown),
        cmocka_unit_test_setup_teardown(test_authorized_user, setup, teardown),
        cmocka_unit_test_setup_teardown(test_oauth_exchange, setup, teardown),
        cmocka_unit_test_setup_teardown(test_oauth_without_log, setup, teardown),
        cmocka_unit_test_setup_teardown(test_oauth_copies_are_wiped, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

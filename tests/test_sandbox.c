/* test_sandbox.c - the loopback ClickUp sandbox (tests/sandbox.c) checked with raw libcurl and
   raw sockets, not with the clickup client: auth, endpoints, pagination, writes, rate limit,
   faults, the request log, keep-alive, concurrency and the HTTP control endpoints. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <curl/curl.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include "sandbox.h"
#include <cmocka.h>

/* ---- helpers ------------------------------------------------------------------------------ */

typedef struct http_resp {
    CURLcode rc;
    long     status;
    char    *body;
    size_t   len;
    char     limit[32], remaining[32], reset[32], retry_after[32];
    char     content_type[64], transfer_encoding[32], content_length[32];
    int      has_limit, has_retry_after, has_content_length;
    long     connects;
    double   seconds;
    clickup_json_doc *doc;           /* parsed body when it is JSON */
} http_resp;

static size_t on_body(char *p, size_t size, size_t n, void *user) {
    http_resp *r = (http_resp *)user;
    size_t k = size * n;
    r->body = (char *)realloc(r->body, r->len + k + 1);
    assert_non_null(r->body);
    memcpy(r->body + r->len, p, k);
    r->len += k;
    r->body[r->len] = '\0';
    return k;
}

/* Copy a header's value into dst when `line` is that header. */
static int header_value(const char *line, size_t n, const char *name, char *dst, size_t cap) {
    size_t nl = strlen(name), v;
    if (n <= nl || strncasecmp(line, name, nl) != 0 || line[nl] != ':') return 0;
    line += nl + 1;
    n -= nl + 1;
    while (n && (*line == ' ')) { line++; n--; }
    while (n && (line[n - 1] == '\r' || line[n - 1] == '\n' || line[n - 1] == ' ')) n--;
    v = n < cap - 1 ? n : cap - 1;
    memcpy(dst, line, v);
    dst[v] = '\0';
    return 1;
}

static size_t on_header(char *p, size_t size, size_t n, void *user) {
    http_resp *r = (http_resp *)user;
    size_t k = size * n;
    if (strncmp(p, "HTTP/", 5) == 0) {                 /* a new response (e.g. after 100) */
        r->has_limit = r->has_retry_after = r->has_content_length = 0;
        r->limit[0] = r->remaining[0] = r->reset[0] = r->retry_after[0] = '\0';
        r->transfer_encoding[0] = '\0';
    }
    r->has_limit |= header_value(p, k, "X-RateLimit-Limit", r->limit, sizeof r->limit);
    header_value(p, k, "X-RateLimit-Remaining", r->remaining, sizeof r->remaining);
    header_value(p, k, "X-RateLimit-Reset", r->reset, sizeof r->reset);
    r->has_retry_after |= header_value(p, k, "Retry-After", r->retry_after, sizeof r->retry_after);
    header_value(p, k, "Content-Type", r->content_type, sizeof r->content_type);
    header_value(p, k, "Transfer-Encoding", r->transfer_encoding, sizeof r->transfer_encoding);
    r->has_content_length |= header_value(p, k, "Content-Length", r->content_length, sizeof r->content_length);
    return k;
}

static void resp_free(http_resp *r) {
    free(r->body);
    clickup_json_doc_free(r->doc);
    memset(r, 0, sizeof *r);
}

/* One request on handle h (NULL = a fresh handle). path includes the query. auth NULL = no
   Authorization header. A JSON body is sent with Content-Type: application/json. */
static CURLcode http_on(CURL *h, sandbox *sb, const char *method, const char *path, const char *auth,
                        const char *body, http_resp *r) {
    char url[2048], hdr[512];
    struct curl_slist *hs = NULL;
    CURL *own = NULL;
    memset(r, 0, sizeof *r);
    if (!h) h = own = curl_easy_init();
    assert_non_null(h);
    snprintf(url, sizeof url, "http://127.0.0.1:%d%s", sandbox_port(sb), path);
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, 20L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, r);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, r);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "test_sandbox/1.0");
    if (auth) {
        snprintf(hdr, sizeof hdr, "Authorization: %s", auth);
        hs = curl_slist_append(hs, hdr);
    }
    if (body) {
        hs = curl_slist_append(hs, "Content-Type: application/json");
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
    } else {
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, NULL);
        curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
    }
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hs);
    r->rc = curl_easy_perform(h);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &r->status);
    curl_easy_getinfo(h, CURLINFO_NUM_CONNECTS, &r->connects);
    curl_easy_getinfo(h, CURLINFO_TOTAL_TIME, &r->seconds);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(hs);
    if (r->body && r->len) (void)clickup_json_parse(r->body, r->len, NULL, &r->doc, NULL);
    if (own) curl_easy_cleanup(own);
    return r->rc;
}

static CURLcode http(sandbox *sb, const char *method, const char *path, const char *auth, const char *body,
                     http_resp *r) {
    return http_on(NULL, sb, method, path, auth, body, r);
}

/* GET with the default token; asserts a 200 with a JSON body. */
static const clickup_json *get_ok(sandbox *sb, const char *path, http_resp *r) {
    assert_int_equal(http(sb, "GET", path, SANDBOX_TOKEN, NULL, r), CURLE_OK);
    if (r->status != 200) fprintf(stderr, "GET %s -> %ld %s\n", path, r->status, r->body ? r->body : "");
    assert_int_equal(r->status, 200);
    assert_non_null(r->doc);
    return clickup_json_root(r->doc);
}

static const char *jstr(const clickup_json *v, const char *key) {
    return clickup_json_as_string(clickup_json_get(v, key), NULL, NULL);
}

static void assert_error(const http_resp *r, long status, const char *key, const char *msg, const char *ecode) {
    const clickup_json *root = clickup_json_root(r->doc);
    if (r->status != status) fprintf(stderr, "expected %ld, got %ld: %s\n", status, r->status, r->body ? r->body : "");
    assert_int_equal(r->status, status);
    assert_non_null(root);
    if (msg) assert_string_equal(jstr(root, key), msg);
    assert_string_equal(jstr(root, "ECODE"), ecode);
}

static sandbox *start_default(void) {
    sandbox_opts o;
    sandbox *sb;
    memset(&o, 0, sizeof o);
    sb = sandbox_start(&o);
    assert_non_null(sb);
    return sb;
}

/* ---- lifecycle ---------------------------------------------------------------------------- */

static void test_start_stop(void **state) {
    char url[64];
    sandbox *a, *b;
    CURL *h = curl_easy_init();
    http_resp r;
    (void)state;
    a = sandbox_start(NULL);
    b = start_default();
    assert_non_null(a);
    assert_true(sandbox_port(a) > 0);
    assert_true(sandbox_port(b) > 0);
    assert_int_not_equal(sandbox_port(a), sandbox_port(b));
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v2", sandbox_port(a));
    assert_string_equal(sandbox_base_url(a, (char[64]){ 0 }, 64), url);
    /* Stop while a client still holds an idle keep-alive connection: must not hang. */
    http_on(h, a, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    resp_free(&r);
    sandbox_stop(a);
    sandbox_stop(b);
    sandbox_stop(NULL);
    curl_easy_cleanup(h);
}

/* ---- auth --------------------------------------------------------------------------------- */

static void test_auth(void **state) {
    sandbox *sb = start_default();
    http_resp r;
    const clickup_json *teams;
    sandbox_opts o;
    (void)state;
    http(sb, "GET", "/api/v2/team", NULL, NULL, &r);
    assert_error(&r, 401, "err", "Authorization header required", "OAUTH_017");
    assert_true(r.has_limit);                     /* errors carry rate headers too */
    resp_free(&r);
    http(sb, "GET", "/api/v2/team", "pk_wrong", NULL, &r);
    assert_error(&r, 401, "err", "Token invalid", "OAUTH_025");
    resp_free(&r);
    http(sb, "GET", "/api/v2/team", "Bearer " SANDBOX_TOKEN, NULL, &r);   /* pk_ tokens go raw */
    assert_error(&r, 401, "err", "Token invalid", "OAUTH_025");
    resp_free(&r);
    teams = clickup_json_get(get_ok(sb, "/api/v2/team", &r), "teams");
    assert_int_equal(clickup_json_len(teams), 1);
    assert_string_equal(jstr(clickup_json_at(teams, 0), "id"), "9001");
    resp_free(&r);
    http(sb, "GET", "/api/v2/team", "Bearer " SANDBOX_OAUTH_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    assert_int_equal(clickup_json_len(clickup_json_get(clickup_json_root(r.doc), "teams")), 1);
    resp_free(&r);
    http(sb, "GET", "/api/v2/team", SANDBOX_MULTI_TOKEN, NULL, &r);
    teams = clickup_json_get(clickup_json_root(r.doc), "teams");
    assert_int_equal(clickup_json_len(teams), 2);
    assert_string_equal(jstr(clickup_json_at(teams, 1), "name"), "Second Agency");
    resp_free(&r);
    http(sb, "GET", "/api/v2/team/9999/space", SANDBOX_TOKEN, NULL, &r);
    assert_error(&r, 401, "err", "Team(s) not authorized", "OAUTH_023");
    resp_free(&r);
    http(sb, "GET", "/api/v2/team/9002/space", SANDBOX_TOKEN, NULL, &r);
    assert_error(&r, 401, "err", "Team(s) not authorized", "OAUTH_023");
    resp_free(&r);
    http(sb, "GET", "/api/v2/team/9002/space", SANDBOX_MULTI_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    resp_free(&r);
    http(sb, "GET", "/api/v2/nowhere", SANDBOX_TOKEN, NULL, &r);
    assert_error(&r, 404, "err", "Route not found", "APP_001");
    resp_free(&r);
    sandbox_stop(sb);

    memset(&o, 0, sizeof o);
    o.token = "pk_custom";
    sb = sandbox_start(&o);
    http(sb, "GET", "/api/v2/team", "pk_custom", NULL, &r);
    assert_int_equal(r.status, 200);
    resp_free(&r);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 401);
    resp_free(&r);
    sandbox_stop(sb);
}

/* ---- hierarchy ---------------------------------------------------------------------------- */

static void test_hierarchy(void **state) {
    sandbox *sb = start_default();
    http_resp r;
    const clickup_json *v, *f;
    (void)state;
    v = clickup_json_get(get_ok(sb, "/api/v2/team/9001/space?archived=false", &r), "spaces");
    assert_int_equal(clickup_json_len(v), 2);
    assert_string_equal(jstr(clickup_json_at(v, 0), "id"), "790");
    assert_null(clickup_json_get(clickup_json_at(v, 0), "members"));          /* public */
    assert_true(clickup_json_as_bool(clickup_json_get(clickup_json_at(v, 1), "private"), 0));
    assert_true(clickup_json_len(clickup_json_get(clickup_json_at(v, 1), "members")) > 0);
    assert_int_equal(clickup_json_len(clickup_json_get(clickup_json_at(v, 0), "statuses")), 4);
    assert_true(clickup_json_as_bool(clickup_json_get(clickup_json_get(clickup_json_get(clickup_json_at(v, 0),
                                     "features"), "due_dates"), "enabled"), 0));
    resp_free(&r);
    v = clickup_json_get(get_ok(sb, "/api/v2/team/9001/space?archived=true", &r), "spaces");
    assert_int_equal(clickup_json_len(v), 1);
    assert_string_equal(jstr(clickup_json_at(v, 0), "id"), "792");
    resp_free(&r);
    v = clickup_json_get(get_ok(sb, "/api/v2/space/790/folder", &r), "folders");
    assert_int_equal(clickup_json_len(v), 1);
    f = clickup_json_at(v, 0);
    assert_string_equal(jstr(f, "id"), "1100");
    assert_string_equal(jstr(f, "task_count"), "253");                        /* a string */
    assert_true(clickup_json_is(clickup_json_get(f, "orderindex"), CLICKUP_JSON_NUMBER));
    assert_int_equal(clickup_json_len(clickup_json_get(f, "lists")), 2);
    assert_string_equal(jstr(clickup_json_at(clickup_json_get(f, "lists"), 0), "id"), "2100");
    resp_free(&r);
    v = clickup_json_get(get_ok(sb, "/api/v2/space/791/folder", &r), "folders");
    assert_string_equal(jstr(clickup_json_at(clickup_json_get(clickup_json_at(v, 0), "lists"), 0), "name"), "SOP Templates");
    resp_free(&r);
    v = clickup_json_get(get_ok(sb, "/api/v2/space/790/list", &r), "lists");
    assert_int_equal(clickup_json_len(v), 1);
    assert_string_equal(jstr(clickup_json_at(v, 0), "id"), "2200");
    resp_free(&r);
    v = clickup_json_get(get_ok(sb, "/api/v2/folder/1100/list", &r), "lists");
    assert_int_equal(clickup_json_len(v), 2);
    resp_free(&r);
    v = get_ok(sb, "/api/v2/list/2100", &r);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(v, "task_count"), -1), 250);
    assert_true(clickup_json_is(clickup_json_get(v, "task_count"), CLICKUP_JSON_NUMBER));
    assert_true(clickup_json_is(clickup_json_get(v, "status"), CLICKUP_JSON_NULL));
    assert_int_equal(clickup_json_len(clickup_json_get(v, "statuses")), 4);
    resp_free(&r);
    v = get_ok(sb, "/api/v2/list/2101", &r);
    assert_true(clickup_json_is(clickup_json_get(v, "task_count"), CLICKUP_JSON_STRING));
    assert_string_equal(jstr(v, "due_date"), "1711929600000");
    resp_free(&r);
    http(sb, "GET", "/api/v2/list/4242", SANDBOX_TOKEN, NULL, &r);
    assert_error(&r, 404, "err", "List not found", "ITEM_017");
    resp_free(&r);
    http(sb, "GET", "/api/v2/list/2900", SANDBOX_TOKEN, NULL, &r);             /* team 9002 */
    assert_error(&r, 401, "err", NULL, "OAUTH_023");
    resp_free(&r);
    sandbox_stop(sb);
}

/* ---- tasks -------------------------------------------------------------------------------- */

static const clickup_json *field_named(const clickup_json *task, const char *name) {
    const clickup_json *cf = clickup_json_get(task, "custom_fields");
    size_t i;
    for (i = 0; i < clickup_json_len(cf); i++)
        if (strcmp(jstr(clickup_json_at(cf, i), "name"), name) == 0) return clickup_json_at(cf, i);
    return NULL;
}

static void test_task_get(void **state) {
    sandbox *sb = start_default();
    http_resp r;
    const clickup_json *t, *sub;
    (void)state;
    t = get_ok(sb, "/api/v2/task/86abc123", &r);
    assert_string_equal(jstr(t, "name"), "Onboard {{client_name}} to Slack");
    assert_string_equal(jstr(t, "custom_id"), "OPS-42");
    assert_null(clickup_json_get(t, "markdown_description"));   /* only when asked */
    assert_null(clickup_json_get(t, "subtasks"));
    assert_string_equal(jstr(t, "time_estimate"), "8640000");
    assert_string_equal(jstr(t, "time_spent"), "2040000");
    assert_true(clickup_json_is(clickup_json_get(t, "priority"), CLICKUP_JSON_NULL));
    assert_true(clickup_json_is(clickup_json_get(t, "due_date"), CLICKUP_JSON_NULL));
    assert_int_equal(clickup_json_len(clickup_json_get(t, "checklists")), 2);
    assert_string_equal(jstr(clickup_json_at(clickup_json_get(t, "tags"), 0), "tag_bg"), "#000");
    assert_string_equal(jstr(t, "url"), "https://app.clickup.com/t/86abc123");
    assert_string_equal(jstr(t, "team_id"), "9001");
    assert_int_equal(clickup_json_as_int64(clickup_json_get(field_named(t, "Client Tier"), "value"), -1), 2);
    assert_true(clickup_json_is(clickup_json_get(field_named(t, "Client Tier"), "value"), CLICKUP_JSON_NUMBER));
    assert_string_equal(jstr(field_named(t, "Slack Channel"), "value"), "hello");
    assert_string_equal(jstr(field_named(t, "Seats"), "value"), "8");
    assert_non_null(field_named(t, "Labels"));
    assert_null(clickup_json_get(field_named(t, "Labels"), "value"));        /* key absent */
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_at(clickup_json_get(
                         field_named(t, "Reviewers"), "value"), 1), "id"), 0), 2772463);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_get(t, "creator"), "id"), 0), 183);
    assert_true(clickup_json_is(clickup_json_get(clickup_json_get(t, "status"), "orderindex"), CLICKUP_JSON_NUMBER));
    resp_free(&r);

    t = get_ok(sb, "/api/v2/task/86abc123?include_markdown_description=true&include_subtasks=true", &r);
    assert_non_null(strstr(jstr(t, "markdown_description"), "**{{client_name}}**"));
    assert_non_null(strstr(jstr(t, "markdown_description"), "[link](https://example.com)"));
    sub = clickup_json_at(clickup_json_get(t, "subtasks"), 0);
    assert_string_equal(jstr(sub, "id"), "86abc124");
    assert_string_equal(jstr(sub, "parent"), "86abc123");
    assert_true(clickup_json_is(clickup_json_get(sub, "orderindex"), CLICKUP_JSON_NUMBER));
    assert_true(clickup_json_as_double(clickup_json_get(sub, "orderindex"), 0) == 1.5);
    assert_true(clickup_json_is(clickup_json_get(sub, "time_spent"), CLICKUP_JSON_NUMBER));
    resp_free(&r);

    t = get_ok(sb, "/api/v2/task/OPS-42?custom_task_ids=true&team_id=9001", &r);
    assert_string_equal(jstr(t, "id"), "86abc123");
    resp_free(&r);
    http(sb, "GET", "/api/v2/task/OPS-42?custom_task_ids=true", SANDBOX_TOKEN, NULL, &r);
    assert_error(&r, 400, "err", "Team ID is required when using custom task ids", "OAUTH_070");
    resp_free(&r);
    http(sb, "GET", "/api/v2/task/OPS-42", SANDBOX_TOKEN, NULL, &r);
    assert_error(&r, 401, "err", "Team(s) not authorized", "OAUTH_023");
    resp_free(&r);
    http(sb, "GET", "/api/v2/task/86zzzzz", SANDBOX_TOKEN, NULL, &r);
    assert_error(&r, 404, "err", "Task not found, deleted", "ITEM_013");
    resp_free(&r);
    sandbox_stop(sb);
}

static size_t count_tasks(sandbox *sb, const char *path, int *last_page) {
    http_resp r;
    const clickup_json *root = get_ok(sb, path, &r);
    size_t n = clickup_json_len(clickup_json_get(root, "tasks"));
    const clickup_json *lp = clickup_json_get(root, "last_page");
    *last_page = lp ? clickup_json_as_bool(lp, -1) : -2;     /* -2: no key */
    resp_free(&r);
    return n;
}

static void test_pagination(void **state) {
    sandbox *sb = start_default();
    http_resp r;
    int last;
    const clickup_json *v;
    (void)state;
    assert_int_equal(count_tasks(sb, "/api/v2/list/2100/task?page=0&include_closed=true", &last), 100);
    assert_int_equal(last, 0);
    assert_int_equal(count_tasks(sb, "/api/v2/list/2100/task?page=1&include_closed=true", &last), 100);
    assert_int_equal(last, 0);
    assert_int_equal(count_tasks(sb, "/api/v2/list/2100/task?page=2&include_closed=true", &last), 50);
    assert_int_equal(last, 1);
    assert_int_equal(count_tasks(sb, "/api/v2/list/2100/task?page=3&include_closed=true", &last), 0);
    assert_int_equal(last, 1);
    /* Closed tasks (every 10th) are hidden by default: 225 open ones. */
    assert_int_equal(count_tasks(sb, "/api/v2/list/2100/task?page=2", &last), 25);
    /* statuses[] is repeatable and matched case-insensitively; i%10!=0 && i%3==0: 75 tasks. */
    assert_int_equal(count_tasks(sb, "/api/v2/list/2100/task?statuses%5B%5D=IN%20PROGRESS", &last), 75);
    assert_int_equal(count_tasks(sb, "/api/v2/list/2100/task?statuses[]=in%20progress&statuses[]=to+do", &last), 100);
    /* assignees[]: even i among 225 open tasks, and i%5==0 && i%10!=0 for tags[]=urgent. */
    assert_int_equal(count_tasks(sb, "/api/v2/list/2100/task?page=0&assignees[]=183", &last), 100);
    assert_int_equal(last, 1);
    assert_int_equal(count_tasks(sb, "/api/v2/list/2100/task?tags[]=urgent", &last), 25);
    /* date_updated = 1700100000000 + i*1000: i > 240 passes; 250 is closed. */
    assert_int_equal(count_tasks(sb, "/api/v2/list/2100/task?date_updated_gt=1700100240000", &last), 9);
    assert_int_equal(count_tasks(sb, "/api/v2/list/2100/task?include_closed=true&date_updated_gt=1700100240000", &last), 10);
    assert_int_equal(count_tasks(sb, "/api/v2/list/2100/task?include_closed=true&due_date_lt=1710864000000", &last), 8);
    assert_int_equal(count_tasks(sb, "/api/v2/list/2101/task", &last), 1);       /* no subtasks, no closed */
    assert_int_equal(count_tasks(sb, "/api/v2/list/2101/task?subtasks=true&include_closed=true", &last), 3);
    v = clickup_json_get(get_ok(sb, "/api/v2/list/2100/task?include_closed=true&order_by=updated&reverse=true", &r), "tasks");
    assert_string_equal(jstr(clickup_json_at(v, 0), "id"), "86a00250");
    assert_null(clickup_json_get(clickup_json_at(v, 0), "markdown_description"));
    resp_free(&r);
    /* Team tasks: the same filters, no last_page key. */
    assert_int_equal(count_tasks(sb, "/api/v2/team/9001/task?space_ids[]=790&page=0", &last), 100);
    assert_int_equal(last, -2);
    assert_int_equal(count_tasks(sb, "/api/v2/team/9001/task?space_ids[]=790&page=2", &last), 28);  /* 225+1+2 */
    assert_int_equal(count_tasks(sb, "/api/v2/team/9001/task?space_ids[]=791", &last), 1);
    assert_int_equal(count_tasks(sb, "/api/v2/team/9001/task?list_ids[]=2200", &last), 2);
    /* Templates: page required, 100 per page, then an empty page. */
    v = clickup_json_get(get_ok(sb, "/api/v2/team/9001/taskTemplate?page=0", &r), "templates");
    assert_int_equal(clickup_json_len(v), 100);
    assert_string_equal(jstr(clickup_json_at(v, 0), "id"), "t-86b3e001");
    assert_string_equal(jstr(clickup_json_at(v, 0), "name"), "SOP: Onboard {{client_name}}");
    resp_free(&r);
    v = clickup_json_get(get_ok(sb, "/api/v2/team/9001/taskTemplate?page=1", &r), "templates");
    assert_int_equal(clickup_json_len(v), 50);
    resp_free(&r);
    v = clickup_json_get(get_ok(sb, "/api/v2/team/9001/taskTemplate?page=2", &r), "templates");
    assert_int_equal(clickup_json_len(v), 0);
    resp_free(&r);
    http(sb, "GET", "/api/v2/team/9001/taskTemplate", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 400);
    resp_free(&r);
    sandbox_stop(sb);
}

static void test_writes(void **state) {
    sandbox *sb = start_default();
    http_resp r;
    const clickup_json *t;
    char path[128];
    (void)state;
    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN,
         "{\"name\":\"Welcome {{client_name}}\",\"markdown_content\":\"# Hi\\n\\n**bold** [site](https://e.x)\","
         "\"assignees\":[183,2772463],\"tags\":[\"Client\"],\"status\":\"review\",\"priority\":2,"
         "\"due_date\":1712000000000,\"custom_fields\":[{\"id\":\"" SANDBOX_FIELD_DROPDOWN "\",\"value\":\""
         SANDBOX_DROPDOWN_OPT_GOLD "\"}]}", &r);
    assert_int_equal(r.status, 200);
    t = clickup_json_root(r.doc);
    assert_string_equal(jstr(t, "name"), "Welcome {{client_name}}");
    assert_string_equal(jstr(t, "custom_id"), "OPS-45");
    assert_string_equal(jstr(clickup_json_get(t, "status"), "status"), "review");
    assert_string_equal(jstr(clickup_json_get(t, "priority"), "priority"), "high");
    assert_string_equal(jstr(t, "due_date"), "1712000000000");
    assert_string_equal(jstr(t, "description"), "Hi\n\nbold site");
    assert_int_equal(clickup_json_len(clickup_json_get(t, "assignees")), 2);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(field_named(t, "Client Tier"), "value"), -1), 2);
    snprintf(path, sizeof path, "/api/v2/task/%s?include_markdown_description=true", jstr(t, "id"));
    resp_free(&r);
    t = get_ok(sb, path, &r);
    assert_string_equal(jstr(t, "markdown_description"), "# Hi\n\n**bold** [site](https://e.x)");
    resp_free(&r);
    assert_int_equal(sandbox_task_count(sb, "2101"), 4);
    assert_int_equal(sandbox_tasks_created(sb), 1);

    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"  \"}", &r);
    assert_error(&r, 400, "err", "Task name invalid", "INPUT_005");
    resp_free(&r);
    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"x\",\"status\":\"open\"}", &r);
    assert_error(&r, 400, "err", "Status does not exist", "ITEM_114");
    resp_free(&r);
    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"x\",\"priority\":9}", &r);
    assert_int_equal(r.status, 400);
    resp_free(&r);
    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":", &r);
    assert_int_equal(r.status, 400);
    resp_free(&r);
    assert_int_equal(sandbox_task_count(sb, "2101"), 4);

    /* A flat assignee array on update is ignored with 200, like ClickUp. */
    http(sb, "PUT", "/api/v2/task/86abc124", SANDBOX_TOKEN, "{\"assignees\":[183]}", &r);
    assert_int_equal(r.status, 200);
    assert_int_equal(clickup_json_len(clickup_json_get(clickup_json_root(r.doc), "assignees")), 1);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_at(clickup_json_get(clickup_json_root(r.doc),
                                           "assignees"), 0), "id"), 0), 2772463);
    resp_free(&r);
    http(sb, "PUT", "/api/v2/task/OPS-43?custom_task_ids=true&team_id=9001", SANDBOX_TOKEN,
         "{\"assignees\":{\"add\":[183],\"rem\":[2772463]},\"status\":\"complete\",\"name\":\"Renamed\","
         "\"due_date\":1712000000000}", &r);
    assert_int_equal(r.status, 200);
    t = clickup_json_root(r.doc);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_at(clickup_json_get(t, "assignees"), 0), "id"), 0), 183);
    assert_string_equal(jstr(clickup_json_get(t, "status"), "type"), "closed");
    assert_non_null(jstr(t, "date_closed"));
    assert_string_equal(jstr(t, "name"), "Renamed");
    resp_free(&r);
    http(sb, "PUT", "/api/v2/task/86abc124", SANDBOX_TOKEN, "{\"due_date\":null,\"priority\":3}", &r);
    t = clickup_json_root(r.doc);
    assert_true(clickup_json_is(clickup_json_get(t, "due_date"), CLICKUP_JSON_NULL));
    assert_string_equal(jstr(clickup_json_get(t, "priority"), "priority"), "normal");
    resp_free(&r);
    http(sb, "PUT", "/api/v2/task/86abc124", SANDBOX_TOKEN, "{\"priority\":null,\"name\":\"\"}", &r);
    assert_int_equal(r.status, 400);                        /* all or nothing */
    resp_free(&r);
    t = get_ok(sb, "/api/v2/task/86abc124", &r);
    assert_string_equal(jstr(clickup_json_get(t, "priority"), "priority"), "normal");
    resp_free(&r);

    /* Tags (percent-decoded names) and custom fields. */
    http(sb, "POST", "/api/v2/task/86abc124/tag/big%20client", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    assert_string_equal(r.body, "{}");
    resp_free(&r);
    t = get_ok(sb, "/api/v2/task/86abc124", &r);
    assert_string_equal(jstr(clickup_json_at(clickup_json_get(t, "tags"), 0), "name"), "big client");
    resp_free(&r);
    http(sb, "DELETE", "/api/v2/task/86abc124/tag/big%20client", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    resp_free(&r);
    http(sb, "POST", "/api/v2/task/86abc124/field/" SANDBOX_FIELD_NUMBER, SANDBOX_TOKEN, "{\"value\":12}", &r);
    assert_int_equal(r.status, 200);
    resp_free(&r);
    http(sb, "POST", "/api/v2/task/86abc124/field/" SANDBOX_FIELD_DROPDOWN, SANDBOX_TOKEN, "{\"value\":\"nope\"}", &r);
    assert_error(&r, 400, "err", "Value must be an option index or uuid", "FIELD_011");
    resp_free(&r);
    t = get_ok(sb, "/api/v2/task/86abc124", &r);
    assert_int_equal(clickup_json_len(clickup_json_get(t, "tags")), 0);
    assert_string_equal(jstr(field_named(t, "Seats"), "value"), "12");
    assert_null(clickup_json_get(field_named(t, "Client Tier"), "value"));
    resp_free(&r);
    http(sb, "DELETE", "/api/v2/task/86abc124/field/" SANDBOX_FIELD_NUMBER, SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    resp_free(&r);

    /* Templates. */
    http(sb, "POST", "/api/v2/list/2102/taskTemplate/t-86b3e001", SANDBOX_TOKEN, "{}", &r);
    assert_error(&r, 400, "error", "Name is required", "OAUTH_117");
    resp_free(&r);
    http(sb, "POST", "/api/v2/list/2102/taskTemplate/t-86b3e001", SANDBOX_TOKEN, "{\"name\":\"From SOP\"}", &r);
    assert_int_equal(r.status, 200);
    t = clickup_json_root(r.doc);
    assert_string_equal(jstr(t, "id"), jstr(clickup_json_get(t, "task"), "id"));
    assert_string_equal(jstr(clickup_json_get(t, "task"), "name"), "From SOP");
    resp_free(&r);
    assert_int_equal(sandbox_tasks_created(sb), 2);

    http(sb, "DELETE", "/api/v2/task/86c00001", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 204);
    resp_free(&r);
    http(sb, "GET", "/api/v2/task/86c00001", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 404);
    resp_free(&r);
    sandbox_stop(sb);
}

/* ---- rate limit ----------------------------------------------------------------------------- */

static void test_rate_limit(void **state) {
    int attempt;
    (void)state;
    for (attempt = 0; attempt < 3; attempt++) {
        sandbox_opts o;
        sandbox *sb;
        http_resp r;
        char first_reset[32];
        int i, same_window;
        long long now = (long long)time(NULL);
        memset(&o, 0, sizeof o);
        o.rate_limit = 5;
        o.rate_window_s = 3600;
        sb = sandbox_start(&o);
        assert_non_null(sb);
        first_reset[0] = '\0';
        for (i = 1; i <= 5; i++) {
            char want[16];
            http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
            assert_int_equal(r.status, 200);
            assert_string_equal(r.limit, "5");
            snprintf(want, sizeof want, "%d", 5 - i);
            assert_string_equal(r.remaining, want);
            if (!first_reset[0]) snprintf(first_reset, sizeof first_reset, "%s", r.reset);
            resp_free(&r);
        }
        assert_true(atoll(first_reset) % 3600 == 0);
        assert_true(atoll(first_reset) > now && atoll(first_reset) <= now + 3600);
        http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"over the limit\"}", &r);
        same_window = strcmp(r.reset, first_reset) == 0;
        if (same_window) {
            assert_error(&r, 429, "err", "Rate limit reached", "APP_002");
            assert_string_equal(r.remaining, "0");
            assert_int_equal(sandbox_count_429(sb), 1);
            assert_int_equal(sandbox_tasks_created(sb), 0);            /* not applied */
            assert_int_equal(sandbox_task_count(sb, "2101"), 3);
            assert_int_equal(sandbox_rate_used(sb, NULL), 6);
            assert_int_equal(sandbox_rate_peak(sb), 6);
            resp_free(&r);
            http(sb, "GET", "/api/v2/team", SANDBOX_MULTI_TOKEN, NULL, &r);  /* per token */
            assert_int_equal(r.status, 200);
            assert_string_equal(r.remaining, "4");
            resp_free(&r);
            sandbox_set_rate_limit(sb, 0, 0);
            http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
            assert_int_equal(r.status, 200);
            assert_string_equal(r.limit, "10000");
            assert_true(atoll(r.reset) % 60 == 0);
            resp_free(&r);
        } else {
            resp_free(&r);                         /* crossed an hour boundary: run again */
        }
        sandbox_stop(sb);
        if (same_window) return;
    }
    fail_msg("the rate window kept changing");
}

/* ---- faults --------------------------------------------------------------------------------- */

static void test_fault_status(void **state) {
    sandbox *sb = start_default();
    http_resp r;
    (void)state;
    sandbox_fault(sb, "GET", "/api/v2/team", SANDBOX_FAULT_STATUS, 1, 500);
    assert_int_equal(sandbox_fault_pending(sb), 1);
    http(sb, "POST", "/api/v2/task/86abc123/tag/x", SANDBOX_TOKEN, NULL, &r);   /* other method */
    assert_int_equal(r.status, 200);
    resp_free(&r);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_error(&r, 500, "err", NULL, "SANDBOX_500");
    assert_true(r.has_limit);
    resp_free(&r);
    assert_int_equal(sandbox_fault_pending(sb), 0);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    resp_free(&r);

    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_STATUS, 2, 503);
    http(sb, "GET", "/api/v2/user", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 503);
    assert_non_null(strstr(r.content_type, "text/html"));
    assert_non_null(strstr(r.body, "503 Service Unavailable"));
    assert_null(r.doc);
    resp_free(&r);
    /* A faulted write is not applied. */
    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"lost\"}", &r);
    assert_int_equal(r.status, 503);
    resp_free(&r);
    assert_int_equal(sandbox_tasks_created(sb), 0);
    assert_int_equal(sandbox_task_count(sb, "2101"), 3);

    sandbox_fault(sb, "POST", "/api/v2/list", SANDBOX_FAULT_STATUS, -1, 400);
    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"a\"}", &r);
    assert_int_equal(r.status, 400);
    resp_free(&r);
    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"b\"}", &r);
    assert_int_equal(r.status, 400);
    resp_free(&r);
    assert_int_equal(sandbox_fault_pending(sb), 1);
    sandbox_fault_clear(sb);
    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"c\"}", &r);
    assert_int_equal(r.status, 200);
    resp_free(&r);
    assert_int_equal(sandbox_tasks_created(sb), 1);
    assert_string_equal(sandbox_fault_kind_name(SANDBOX_FAULT_RETRY_AFTER), "retry_after");
    assert_int_equal(sandbox_fault_kind_parse("CONN_RESET"), SANDBOX_FAULT_CONN_RESET);
    assert_int_equal(sandbox_fault_kind_parse("bogus"), 0);
    sandbox_stop(sb);
}

static void test_fault_bodies(void **state) {
    sandbox *sb = start_default();
    http_resp r;
    clickup_json_doc *doc = NULL;
    size_t i;
    (void)state;
    sandbox_fault(sb, NULL, "/api/v2/list", SANDBOX_FAULT_MALFORMED, 1, 0);
    http(sb, "GET", "/api/v2/list/2100/task", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    assert_true(r.len > 0);
    assert_null(r.doc);                                   /* not JSON */
    resp_free(&r);
    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_EMPTY_200, 1, 0);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    assert_int_equal(r.len, 0);
    resp_free(&r);
    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_WRONG_SHAPE, 1, 0);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_non_null(r.doc);
    assert_true(clickup_json_is(clickup_json_get(clickup_json_root(r.doc), "teams"), CLICKUP_JSON_OBJECT));
    assert_true(clickup_json_is(clickup_json_get(clickup_json_root(r.doc), "tasks"), CLICKUP_JSON_STRING));
    resp_free(&r);
    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_DEEP_NESTING, 1, 5000);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.len, 10000);
    for (i = 0; i < 5000; i++) assert_int_equal(r.body[i], '[');
    assert_int_equal(r.body[5000], ']');
    assert_int_not_equal(clickup_json_parse(r.body, r.len, NULL, &doc, NULL), CLICKUP_OK);  /* too deep */
    resp_free(&r);
    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_OVERSIZED, 1, 300000);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.rc, CURLE_OK);
    assert_int_equal(r.len, 300000);
    assert_string_equal(r.transfer_encoding, "chunked");
    assert_false(r.has_content_length);
    assert_memory_equal(r.body, "{\"tasks\":[{", 11);
    resp_free(&r);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);    /* and then normal again */
    assert_non_null(r.doc);
    resp_free(&r);
    sandbox_stop(sb);
}

static void test_fault_transport(void **state) {
    sandbox *sb = start_default();
    http_resp r;
    (void)state;
    sandbox_fault(sb, "GET", NULL, SANDBOX_FAULT_TRUNCATE, 1, 0);
    http(sb, "GET", "/api/v2/task/86abc123", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.rc, CURLE_PARTIAL_FILE);
    assert_true(r.len > 0);
    resp_free(&r);
    sandbox_fault(sb, "POST", NULL, SANDBOX_FAULT_TRUNCATE, 1, 0);
    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"maybe\"}", &r);
    assert_int_not_equal(r.rc, CURLE_OK);
    resp_free(&r);
    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_CONN_RESET, 1, 0);
    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"maybe\"}", &r);
    assert_int_not_equal(r.rc, CURLE_OK);
    resp_free(&r);
    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_CONN_RESET, 1, 0);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_int_not_equal(r.rc, CURLE_OK);       /* RECV_ERROR, PARTIAL_FILE or GOT_NOTHING */
    resp_free(&r);
    assert_int_equal(sandbox_tasks_created(sb), 0);              /* neither write applied */
    assert_int_equal(sandbox_task_count(sb, "2101"), 3);

    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_DELAY, 1, 300);
    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"late\"}", &r);
    assert_int_equal(r.status, 200);
    assert_true(r.seconds >= 0.29);
    resp_free(&r);
    assert_int_equal(sandbox_tasks_created(sb), 1);              /* DELAY applies it */
    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_DRIP, 1, 20);
    http(sb, "POST", "/api/v2/task/86abc123/tag/drip", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    assert_string_equal(r.body, "{}");
    assert_true(r.seconds >= 0.039);
    resp_free(&r);
    sandbox_stop(sb);
}

/* RESET_REUSED: the first request of a connection is served and leaves the fault armed; the
   next one on the same connection is read and logged, then the connection is reset with no
   answer. libcurl sends a GET lost that way again on a new connection by itself. A write is
   never applied by the reset; only a copy sent again is. */
static void test_fault_reset_reused(void **state) {
    sandbox *sb = start_default();
    CURL *h = curl_easy_init();
    sandbox_request e;
    http_resp r;
    size_t posts;
    (void)state;
    assert_non_null(h);
    assert_string_equal(sandbox_fault_kind_name(SANDBOX_FAULT_RESET_REUSED), "reset_reused");
    assert_int_equal(sandbox_fault_kind_parse("RESET_REUSED"), SANDBOX_FAULT_RESET_REUSED);
    sandbox_fault(sb, "GET", "/api/v2/team", SANDBOX_FAULT_RESET_REUSED, 1, 0);
    http_on(h, sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);        /* a fresh connection */
    assert_int_equal(r.status, 200);
    assert_int_equal(r.connects, 1);
    resp_free(&r);
    assert_int_equal(sandbox_fault_pending(sb), 1);                          /* not used up */
    http_on(h, sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);        /* the same one: reset */
    assert_int_equal(r.rc, CURLE_OK);                                        /* sent again, answered */
    assert_int_equal(r.status, 200);
    resp_free(&r);
    assert_int_equal(sandbox_fault_pending(sb), 0);
    assert_int_equal(sandbox_request_count(sb, "GET", "/api/v2/team"), 3);
    assert_int_equal(sandbox_request_get(sb, 1, &e), 0);
    assert_int_equal(e.fault, SANDBOX_FAULT_RESET_REUSED);
    assert_int_equal(e.status, 0);                                           /* nothing answered */
    assert_int_equal(sandbox_request_get(sb, 2, &e), 0);
    assert_int_equal(e.fault, 0);
    assert_int_equal(e.status, 200);

    sandbox_log_reset(sb);
    sandbox_fault(sb, "POST", "/api/v2/list/", SANDBOX_FAULT_RESET_REUSED, 1, 0);
    http_on(h, sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"twice?\"}", &r);
    resp_free(&r);
    posts = sandbox_request_count(sb, "POST", NULL);
    assert_true(posts >= 1);
    assert_int_equal(sandbox_request_get(sb, 0, &e), 0);
    assert_int_equal(e.fault, SANDBOX_FAULT_RESET_REUSED);
    assert_int_equal(sandbox_tasks_created(sb), posts - 1);                 /* the reset one: not applied */
    curl_easy_cleanup(h);
    sandbox_stop(sb);
}

static void test_fault_rate_headers(void **state) {
    sandbox *sb = start_default();
    http_resp r;
    long long now = (long long)time(NULL);
    (void)state;
    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_NO_RATE_HEADERS, 1, 0);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    assert_false(r.has_limit);
    resp_free(&r);
    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_GARBAGE_RATE_HEADERS, 1, 0);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_string_equal(r.limit, "abc");
    assert_string_equal(r.remaining, "-5");
    assert_string_equal(r.reset, "");
    resp_free(&r);
    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_RESET_MS, 1, 0);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_true(atoll(r.reset) > 1000000000000LL);
    resp_free(&r);
    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_429, 1, 30);
    http(sb, "POST", "/api/v2/list/2101/task", SANDBOX_TOKEN, "{\"name\":\"no\"}", &r);
    assert_error(&r, 429, "err", "Rate limit reached", "APP_002");
    assert_string_equal(r.remaining, "0");
    assert_true(atoll(r.reset) >= now + 30 && atoll(r.reset) <= now + 32);
    assert_false(r.has_retry_after);
    resp_free(&r);
    sandbox_fault(sb, NULL, NULL, SANDBOX_FAULT_RETRY_AFTER, 1, 7);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 429);
    assert_string_equal(r.retry_after, "7");
    resp_free(&r);
    assert_int_equal(sandbox_count_429(sb), 2);
    assert_int_equal(sandbox_tasks_created(sb), 0);
    sandbox_stop(sb);
}

/* ---- request log ---------------------------------------------------------------------------- */

static void test_request_log(void **state) {
    sandbox *sb = start_default();
    http_resp r;
    sandbox_request q;
    CURL *h = curl_easy_init();
    (void)state;
    curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip");
    http_on(h, sb, "GET", "/api/v2/list/2100/task?statuses[]=to%20do&statuses%5B%5D=in+progress&tags[]=a%2Bb&page=0",
            SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    resp_free(&r);
    curl_easy_cleanup(h);
    sandbox_fault(sb, "POST", NULL, SANDBOX_FAULT_STATUS, 1, 502);
    http(sb, "POST", "/api/v2/list/2101/task", "Bearer " SANDBOX_OAUTH_TOKEN, "{\"name\":\"logged\"}", &r);
    resp_free(&r);
    http(sb, "GET", "/_sandbox/requests", NULL, NULL, &r);          /* control: not logged */
    resp_free(&r);

    assert_int_equal(sandbox_request_count(sb, NULL, NULL), 2);
    assert_int_equal(sandbox_request_count(sb, "GET", NULL), 1);
    assert_int_equal(sandbox_request_count(sb, "post", "/api/v2/list/2101"), 1);
    assert_int_equal(sandbox_request_count(sb, NULL, "/api/v2/task"), 0);
    assert_int_equal(sandbox_request_get(sb, 0, &q), 0);
    assert_string_equal(q.method, "GET");
    assert_string_equal(q.path, "/api/v2/list/2100/task");
    assert_string_equal(q.query, "statuses[]=to%20do&statuses%5B%5D=in+progress&tags[]=a%2Bb&page=0");
    assert_int_equal(q.param_count, 4);
    assert_int_equal(sandbox_request_query_count(&q, "statuses[]"), 2);
    assert_string_equal(sandbox_request_query(&q, "statuses[]", 0), "to do");
    assert_string_equal(sandbox_request_query(&q, "statuses[]", 1), "in progress");
    assert_null(sandbox_request_query(&q, "statuses[]", 2));
    assert_string_equal(sandbox_request_query(&q, "tags[]", 0), "a+b");
    assert_string_equal(sandbox_request_query(&q, "page", 0), "0");
    assert_null(sandbox_request_query(&q, "statuses", 0));
    assert_string_equal(q.authorization, SANDBOX_TOKEN);
    assert_string_equal(q.user_agent, "test_sandbox/1.0");
    assert_string_equal(q.accept_encoding, "gzip");
    assert_null(q.content_type);
    assert_string_equal(q.body, "");
    assert_int_equal(q.status, 200);
    assert_int_equal(q.fault, 0);
    assert_int_equal(sandbox_request_get(sb, 1, &q), 0);
    assert_string_equal(q.authorization, "Bearer " SANDBOX_OAUTH_TOKEN);
    assert_string_equal(q.content_type, "application/json");
    assert_string_equal(q.body, "{\"name\":\"logged\"}");
    assert_int_equal(q.body_len, 17);
    assert_int_equal(q.status, 502);
    assert_int_equal(q.fault, SANDBOX_FAULT_STATUS);
    assert_int_equal(sandbox_request_last(sb, "GET", NULL, &q), 0);
    assert_string_equal(q.path, "/api/v2/list/2100/task");
    assert_int_equal(sandbox_request_get(sb, 2, &q), -1);
    sandbox_log_reset(sb);
    assert_int_equal(sandbox_request_count(sb, NULL, NULL), 0);
    assert_int_equal(sandbox_request_last(sb, NULL, NULL, &q), -1);
    sandbox_stop(sb);
}

/* ---- connections ---------------------------------------------------------------------------- */

static void test_keep_alive(void **state) {
    sandbox *sb = start_default();
    CURL *h = curl_easy_init();
    http_resp r;
    long connects = 0;
    int i;
    (void)state;
    for (i = 0; i < 5; i++) {
        http_on(h, sb, i % 2 ? "POST" : "GET", i % 2 ? "/api/v2/task/86abc123/tag/k" : "/api/v2/task/86abc123",
                SANDBOX_TOKEN, NULL, &r);
        assert_int_equal(r.status, 200);
        connects += r.connects;
        resp_free(&r);
    }
    assert_int_equal(connects, 1);                           /* one connection, reused */
    curl_easy_cleanup(h);
    sandbox_stop(sb);
}

typedef struct worker {
    sandbox *sb;
    CURL    *h;            /* created on the main thread: curl_easy_init is not race-free */
    int      id, ok;
} worker;

static void *worker_main(void *arg) {
    worker *w = (worker *)arg;
    CURL *h = w->h;
    http_resp r;
    char body[64];
    int i;
    for (i = 0; i < 20; i++) {
        if (i % 4 == 0) {
            snprintf(body, sizeof body, "{\"name\":\"worker %d task %d\"}", w->id, i);
            http_on(h, w->sb, "POST", "/api/v2/list/2200/task", SANDBOX_TOKEN, body, &r);
        } else {
            http_on(h, w->sb, "GET", i % 2 ? "/api/v2/team" : "/api/v2/list/2101/task", SANDBOX_TOKEN, NULL, &r);
        }
        w->ok += r.rc == CURLE_OK && r.status == 200 && r.doc != NULL;
        resp_free(&r);
    }
    return NULL;
}

static void test_concurrent_clients(void **state) {
    sandbox *sb = start_default();
    pthread_t th[8];
    worker w[8];
    int i;
    (void)state;
    for (i = 0; i < 8; i++) {
        w[i].sb = sb; w[i].id = i; w[i].ok = 0;
        w[i].h = curl_easy_init();
        assert_non_null(w[i].h);
    }
    for (i = 0; i < 8; i++) assert_int_equal(pthread_create(&th[i], NULL, worker_main, &w[i]), 0);
    for (i = 0; i < 8; i++) {
        pthread_join(th[i], NULL);
        curl_easy_cleanup(w[i].h);
        assert_int_equal(w[i].ok, 20);
    }
    assert_int_equal(sandbox_request_count(sb, NULL, NULL), 160);
    assert_int_equal(sandbox_tasks_created(sb), 40);
    assert_int_equal(sandbox_task_count(sb, "2200"), 42);
    sandbox_stop(sb);
}

/* A raw exchange: send `req`, read until the server closes; returns the bytes read. */
static size_t raw_exchange(sandbox *sb, const char *req, size_t req_len, char *out, size_t cap) {
    struct sockaddr_in a;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    size_t got = 0, sent = 0;
    ssize_t k;
    assert_true(fd >= 0);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)sandbox_port(sb));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
    while (sent < req_len && (k = send(fd, req + sent, req_len - sent, MSG_NOSIGNAL)) > 0) sent += (size_t)k;
    while (got + 1 < cap && (k = recv(fd, out + got, cap - 1 - got, 0)) > 0) got += (size_t)k;
    out[got] = '\0';
    close(fd);
    return got;
}

static void test_http_limits(void **state) {
    sandbox *sb = start_default();
    char out[4096];
    char *big = (char *)malloc(70000);
    static const char two[] = "GET /api/v2/user HTTP/1.1\r\nHost: x\r\nAuthorization: pk_sandbox_token\r\n\r\n"
                              "GET /api/v2/team HTTP/1.1\r\nHost: x\r\nAuthorization: pk_sandbox_token\r\n"
                              "Connection: close\r\n\r\n";
    (void)state;
    assert_non_null(big);
    raw_exchange(sb, "BROKEN\r\n\r\n", 10, out, sizeof out);
    assert_memory_equal(out, "HTTP/1.1 400", 12);
    {
        static const char huge[] = "POST /api/v2/list/2101/task HTTP/1.1\r\nHost: x\r\nContent-Length: 9000000\r\n\r\n";
        raw_exchange(sb, huge, sizeof huge - 1, out, sizeof out);
    }
    assert_memory_equal(out, "HTTP/1.1 413", 12);
    memcpy(big, "GET /api/v2/team HTTP/1.1\r\nX-Pad: ", 34);
    memset(big + 34, 'a', 70000 - 34);
    raw_exchange(sb, big, 70000, out, sizeof out);
    assert_memory_equal(out, "HTTP/1.1 431", 12);
    /* Pipelined requests on one connection, answered in order; then closed as asked. */
    raw_exchange(sb, two, sizeof two - 1, out, sizeof out);
    assert_memory_equal(out, "HTTP/1.1 200", 12);
    assert_non_null(strstr(out, "\"user\""));
    assert_non_null(strstr(strstr(out, "\"user\""), "HTTP/1.1 200"));
    assert_non_null(strstr(out, "\"teams\""));
    free(big);
    assert_int_equal(sandbox_request_count(sb, NULL, NULL), 2);
    sandbox_stop(sb);
}

/* More clients than SANDBOX_MAX_CONNECTIONS at once: the extra ones wait for a free slot. */
static void test_many_connections(void **state) {
    enum { N = SANDBOX_MAX_CONNECTIONS + 6 };
    static const char req[] = "GET /api/v2/user HTTP/1.1\r\nHost: x\r\nAuthorization: pk_sandbox_token\r\n"
                              "Connection: close\r\n\r\n";
    sandbox *sb = start_default();
    int fds[N], i;
    struct timeval tv;
    struct sockaddr_in a;
    (void)state;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)sandbox_port(sb));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    tv.tv_sec = 10;
    tv.tv_usec = 0;
    for (i = 0; i < N; i++) {
        fds[i] = socket(AF_INET, SOCK_STREAM, 0);
        assert_true(fds[i] >= 0);
        setsockopt(fds[i], SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        assert_int_equal(connect(fds[i], (struct sockaddr *)&a, sizeof a), 0);
        assert_int_equal(send(fds[i], req, sizeof req - 1, MSG_NOSIGNAL), (ssize_t)(sizeof req - 1));
    }
    for (i = 0; i < N; i++) {
        char out[2048];
        size_t got = 0;
        ssize_t k;
        while (got + 1 < sizeof out && (k = recv(fds[i], out + got, sizeof out - 1 - got, 0)) > 0) got += (size_t)k;
        out[got] = '\0';
        assert_true(got > 12);
        assert_memory_equal(out, "HTTP/1.1 200", 12);
        close(fds[i]);
    }
    assert_int_equal(sandbox_request_count(sb, NULL, NULL), N);
    sandbox_stop(sb);
}

/* ---- control over HTTP ---------------------------------------------------------------------- */

static void test_control_http(void **state) {
    sandbox *sb = start_default();
    http_resp r;
    const clickup_json *root;
    (void)state;
    http(sb, "POST", "/_sandbox/fault", NULL,
         "{\"method\":\"GET\",\"path\":\"/api/v2/team\",\"kind\":\"status\",\"count\":1,\"arg\":502}", &r);
    assert_int_equal(r.status, 200);
    assert_false(r.has_limit);
    resp_free(&r);
    http(sb, "POST", "/_sandbox/fault", NULL, "{\"kind\":\"nope\"}", &r);
    assert_int_equal(r.status, 400);
    resp_free(&r);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 502);
    resp_free(&r);
    http(sb, "GET", "/api/v2/team", SANDBOX_TOKEN, NULL, &r);
    assert_int_equal(r.status, 200);
    resp_free(&r);
    http(sb, "GET", "/_sandbox/requests?method=GET", NULL, NULL, &r);
    root = clickup_json_root(r.doc);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(root, "count"), -1), 2);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_at(clickup_json_get(root, "requests"), 0),
                                                            "status"), 0), 502);
    assert_string_equal(jstr(clickup_json_at(clickup_json_get(root, "requests"), 0), "fault"), "status");
    assert_string_equal(jstr(clickup_json_at(clickup_json_get(root, "requests"), 0), "authorization"), SANDBOX_TOKEN);
    resp_free(&r);
    http(sb, "POST", "/_sandbox/rate", NULL, "{\"limit\":1,\"window_s\":3600}", &r);
    resp_free(&r);
    http(sb, "GET", "/api/v2/user", SANDBOX_MULTI_TOKEN, NULL, &r);
    assert_string_equal(r.limit, "1");
    resp_free(&r);
    http(sb, "POST", "/_sandbox/reset", NULL, "", &r);
    assert_int_equal(r.status, 200);
    resp_free(&r);
    assert_int_equal(sandbox_request_count(sb, NULL, NULL), 0);
    http(sb, "GET", "/_sandbox/nothing", NULL, NULL, &r);
    assert_int_equal(r.status, 404);
    resp_free(&r);
    sandbox_stop(sb);
}

static int group_setup(void **state) {
    (void)state;
    return curl_global_init(CURL_GLOBAL_ALL) == CURLE_OK ? 0 : -1;
}
static int group_teardown(void **state) {
    (void)state;
    curl_global_cleanup();
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_start_stop),
        cmocka_unit_test(test_auth),
        cmocka_unit_test(test_hierarchy),
        cmocka_unit_test(test_task_get),
        cmocka_unit_test(test_pagination),
        cmocka_unit_test(test_writes),
        cmocka_unit_test(test_rate_limit),
        cmocka_unit_test(test_fault_status),
        cmocka_unit_test(test_fault_bodies),
        cmocka_unit_test(test_fault_transport),
        cmocka_unit_test(test_fault_reset_reused),
        cmocka_unit_test(test_fault_rate_headers),
        cmocka_unit_test(test_request_log),
        cmocka_unit_test(test_keep_alive),
        cmocka_unit_test(test_concurrent_clients),
        cmocka_unit_test(test_http_limits),
        cmocka_unit_test(test_many_connections),
        cmocka_unit_test(test_control_http),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}

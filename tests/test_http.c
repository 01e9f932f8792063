/* The request engine over real HTTP, against the loopback sandbox (tests/sandbox.h):
   retries, POST safety, 429 and Reset, timeouts, the rate guarantee, errors, size caps,
   the cache. Every log line of every test is captured and checked for the token. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include "sandbox.h"
#include <cmocka.h>

static char logbuf[1 << 20];
static size_t loglen;
static void capture_log(void *user, clickup_log_level level, const char *line) {
    int n;
    (void)user;
    n = snprintf(logbuf + loglen, sizeof logbuf - loglen, "%d %s\n", (int)level, line);
    if (n > 0 && loglen + (size_t)n < sizeof logbuf) loglen += (size_t)n;
}

typedef struct fixture {
    sandbox *sb;
    char     url[96];
} fixture;

static int start_default(void **state) {
    fixture *f = (fixture *)calloc(1, sizeof *f);
    f->sb = sandbox_start(NULL);
    assert_non_null(f->sb);
    sandbox_base_url(f->sb, f->url, sizeof f->url);
    *state = f;
    loglen = 0;
    logbuf[0] = '\0';
    return 0;
}
static int stop(void **state) {
    fixture *f = (fixture *)*state;
    sandbox_stop(f->sb);
    free(f);
    assert_null(strstr(logbuf, SANDBOX_TOKEN));      /* debug logging never shows the token */
    assert_null(strstr(logbuf, "Authorization"));
    return 0;
}

static clickup_client *client_for(const char *url, clickup_config *base) {
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

static void test_get_503_503_200(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_task *t = NULL;
    sandbox_fault(f->sb, "GET", "/api/v2/task/86abc123", SANDBOX_FAULT_STATUS, 2, 503);
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &t), CLICKUP_OK);
    assert_string_equal(t->id, "86abc123");
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/task/86abc123"), 3);
    assert_int_equal(clickup_last_error(c)->attempts, 3);
    clickup_task_free(t);
    clickup_client_destroy(c);
}

static void test_post_500_outcome_unknown(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_task_new nt;
    clickup_task *t = NULL;
    clickup_tasks *all = NULL;
    clickup_task_query q;
    memset(&nt, 0, sizeof nt);
    nt.name = "Exactly once";
    sandbox_fault(f->sb, "POST", "/api/v2/list/2101/task", SANDBOX_FAULT_STATUS, -1, 500);
    assert_int_equal(clickup_task_create(c, "2101", &nt, &t), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_null(t);
    assert_int_equal(sandbox_request_count(f->sb, "POST", NULL), 1);
    assert_int_equal(clickup_last_error(c)->http_status, 500);
    sandbox_fault_clear(f->sb);
    memset(&q, 0, sizeof q);
    q.list_id = "2101";
    assert_int_equal(clickup_tasks_get(c, &q, &all), CLICKUP_OK);
    assert_int_equal(all->count, 1);                 /* nothing was created behind our back: the
                                                        list shows its one open top-level task */
    clickup_tasks_free(all);
    clickup_client_destroy(c);
}

/* A keep-alive connection that dies just as a request goes out on it (the server closed it
   idle, a proxy dropped it), before a single byte of an answer. libcurl sends the request again
   by itself on a new connection when a reused connection dies with nothing received
   (Curl_retry_request): harmless for a GET, a second task for a POST - while the call reports
   success after one attempt. A POST must reach the server at most once; after such a loss its
   outcome is unknown. */
static void test_post_on_reused_connection_is_never_resent(void **state) {
    fixture *f = (fixture *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_list *l = NULL;
    clickup_task_new nt;
    clickup_task *t = NULL;
    clickup_result rc;
    sandbox_request first;
    size_t posts;
    clickup_config_init(&cfg);
    cfg.disable_cache = 1;                           /* every GET below goes over the wire */
    c = client_for(f->url, &cfg);
    /* The GET leaves libcurl holding a keep-alive connection: the POST goes out on it. */
    assert_int_equal(clickup_list_get(c, "2101", &l), CLICKUP_OK);
    clickup_list_free(l);
    l = NULL;
    sandbox_log_reset(f->sb);
    sandbox_fault(f->sb, "POST", "/api/v2/list/", SANDBOX_FAULT_RESET_REUSED, 1, 0);
    memset(&nt, 0, sizeof nt);
    nt.name = "Sent once on a reused connection";
    rc = clickup_task_create(c, "2101", &nt, &t);
    posts = sandbox_request_count(f->sb, "POST", NULL);
    memset(&first, 0, sizeof first);
    if (posts) assert_int_equal(sandbox_request_get(f->sb, 0, &first), 0);   /* the log holds POSTs only */
    print_message("POST on a reused connection: %s (%d), attempts %d, %zu POST(s) logged, first one %s, "
                  "%zu task(s) created\n", clickup_strerror(rc), (int)rc, clickup_last_error(c)->attempts, posts,
                  posts ? (first.fault ? sandbox_fault_kind_name(first.fault) : "not faulted") : "-",
                  sandbox_tasks_created(f->sb));
    assert_int_equal(rc, CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_null(t);
    assert_int_equal(clickup_last_error(c)->attempts, 1);
    assert_int_equal(posts, 1);                      /* the server saw it once, never twice */
    assert_int_equal(first.fault, SANDBOX_FAULT_RESET_REUSED);   /* it was the reused connection */
    assert_int_equal(sandbox_tasks_created(f->sb), 0);           /* and it applied nothing      */
    /* The client recovers on a new connection. */
    assert_int_equal(clickup_list_get(c, "2101", &l), CLICKUP_OK);
    assert_string_equal(l->id, "2101");
    clickup_list_free(l);
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/list/2101"), 1);
    clickup_client_destroy(c);
}

/* The same loss for an idempotent PUT: sending it again (libcurl by itself, or the library's
   retry) is fine, and the call ends in success. */
static void test_put_on_reused_connection_may_be_resent(void **state) {
    fixture *f = (fixture *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_list *l = NULL;
    clickup_task_changes ch;
    clickup_task *t = NULL;
    clickup_result rc;
    size_t puts;
    clickup_config_init(&cfg);
    cfg.disable_cache = 1;
    c = client_for(f->url, &cfg);
    assert_int_equal(clickup_list_get(c, "2200", &l), CLICKUP_OK);
    clickup_list_free(l);
    l = NULL;
    sandbox_log_reset(f->sb);
    sandbox_fault(f->sb, "PUT", "/api/v2/task/", SANDBOX_FAULT_RESET_REUSED, 1, 0);
    memset(&ch, 0, sizeof ch);
    ch.name = "Renamed on a reused connection";
    rc = clickup_task_update(c, "86c00001", &ch, &t);
    puts = sandbox_request_count(f->sb, "PUT", NULL);
    print_message("PUT on a reused connection: %s (%d), attempts %d, %zu PUT(s) logged\n", clickup_strerror(rc),
                  (int)rc, clickup_last_error(c)->attempts, puts);
    assert_int_equal(rc, CLICKUP_OK);
    assert_non_null(t);
    assert_string_equal(t->name, "Renamed on a reused connection");
    clickup_task_free(t);
    assert_int_equal(sandbox_fault_pending(f->sb), 0);          /* the reset did happen */
    /* At least the reset one and one that was answered; each of the 1 + max_retries (3)
       attempts sends it at most once more than the library counts. */
    assert_true(puts >= 2);
    assert_true(puts <= 2 + 3);
    assert_int_equal(clickup_list_get(c, "2200", &l), CLICKUP_OK);
    clickup_list_free(l);
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/list/2200"), 1);
    clickup_client_destroy(c);
}

/* A free loopback port: bind to 0, read it, close. */
static int free_port(void) {
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    int fd = socket(AF_INET, SOCK_STREAM, 0), port;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
    port = ntohs(a.sin_port);
    close(fd);
    return port;
}

typedef struct late_server { sandbox *sb; int port; int sleeps; } late_server;
static void start_on_sleep(void *user, uint64_t ms) {
    late_server *ls = (late_server *)user;
    (void)ms;
    ls->sleeps++;
    if (!ls->sb) {                                   /* the server comes up during the backoff */
        sandbox_opts o;
        memset(&o, 0, sizeof o);
        o.port = ls->port;
        ls->sb = sandbox_start(&o);
    }
}

static void test_post_retried_when_nothing_listens(void **state) {
    late_server ls;
    clickup_config cfg;
    clickup_client *c;
    clickup_task_new nt;
    clickup_task *t = NULL;
    char url[96];
    (void)state;
    memset(&ls, 0, sizeof ls);
    ls.port = free_port();
    snprintf(url, sizeof url, "http://127.0.0.1:%d/api/v2", ls.port);
    clickup_config_init(&cfg);
    cfg.team_id = "9001";
    cfg.hooks.sleep_ms = start_on_sleep;
    cfg.hooks.user = &ls;
    c = client_for(url, &cfg);
    memset(&nt, 0, sizeof nt);
    nt.name = "Created after the server came up";
    assert_int_equal(clickup_task_create(c, "2101", &nt, &t), CLICKUP_OK);
    assert_non_null(ls.sb);
    assert_int_equal(ls.sleeps, 1);
    assert_int_equal(sandbox_request_count(ls.sb, "POST", NULL), 1);
    assert_string_equal(t->name, "Created after the server came up");
    clickup_task_free(t);
    clickup_client_destroy(c);
    sandbox_stop(ls.sb);
}

static void test_429_waits_for_reset_real_clock(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_spaces *sp = NULL;
    sandbox_fault(f->sb, "GET", "/api/v2/team/9001/space", SANDBOX_FAULT_429, 1, 2);
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/team/9001/space"), 2);
    assert_true(clickup_last_error(c)->waited_ms >= 1000);   /* Reset has whole-second resolution */
    assert_true(clickup_last_error(c)->waited_ms <= 4000);
    assert_true(sp->count >= 2);
    clickup_spaces_free(sp);
    clickup_client_destroy(c);
}

static void test_timeout_within_deadline(void **state) {
    fixture *f = (fixture *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_task *t = NULL;
    clickup_config_init(&cfg);
    cfg.timeout_ms = 300;
    cfg.call_deadline_ms = 1500;
    c = client_for(f->url, &cfg);
    sandbox_fault(f->sb, "GET", "/api/v2/task/", SANDBOX_FAULT_DELAY, -1, 3000);
    {
        uint64_t t0 = clickup__mono_ms(NULL), dt;
        assert_int_equal(clickup_task_get(c, "86abc123", NULL, &t), CLICKUP_ERR_TIMEOUT);
        dt = clickup__mono_ms(NULL) - t0;
        assert_true(dt <= 1500 + 500);
        assert_true(clickup_last_error(c)->attempts >= 2);
        assert_int_equal(clickup_last_error(c)->http_status, 0);
    }
    sandbox_fault_clear(f->sb);
    clickup_client_destroy(c);
}

static void test_rate_guarantee_over_http(void **state) {
    sandbox_opts o;
    sandbox *sb;
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    char url[96];
    uint64_t t0, dt;
    int i, n = getenv("CLICKUP_UNDER_VALGRIND") ? 60 : 120;
    double windows, used;
    (void)state;
    memset(&o, 0, sizeof o);
    o.rate_limit = 20;
    o.rate_window_s = 2;
    sb = sandbox_start(&o);
    assert_non_null(sb);
    sandbox_base_url(sb, url, sizeof url);
    clickup_config_init(&cfg);
    cfg.rate_limit = 20;
    cfg.rate_window_ms = 2000;
    cfg.disable_cache = 1;
    c = client_for(url, &cfg);
    t0 = clickup__mono_ms(NULL);
    for (i = 0; i < n; i++) {
        assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
        clickup_spaces_free(sp);
    }
    dt = clickup__mono_ms(NULL) - t0;
    windows = (double)dt / 2000.0;
    used = (double)n / ((windows < 1 ? 1 : windows) * 20.0);
    if (used > 1.0) used = 1.0;          /* a run that ends mid-window has used that window early */
    print_message("rate over HTTP: %d GETs in %.2f s at 20 per 2 s: %.1f %% of the allowance, %llu x 429\n", n,
                  (double)dt / 1000.0, used * 100.0, (unsigned long long)sandbox_count_429(sb));
    assert_int_equal(sandbox_count_429(sb), 0);
    assert_true(used >= 0.80);
    clickup_client_destroy(c);
    sandbox_stop(sb);
}

static void test_bad_token_vs_team_not_authorized(void **state) {
    fixture *f = (fixture *)*state;
    clickup_config cfg;
    clickup_client *c;
    clickup_spaces *sp = NULL;
    const clickup_error *e;
    clickup_config_init(&cfg);
    cfg.token = "pk_wrong_token_XYZ";
    cfg.team_id = "9001";
    c = client_for(f->url, &cfg);
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_ERR_AUTH);
    e = clickup_last_error(c);
    assert_int_equal(e->http_status, 401);
    assert_string_equal(e->ecode, "OAUTH_025");
    assert_null(strstr(e->message, "pk_wrong_token_XYZ"));
    assert_null(strstr(e->message, "Authorization"));
    clickup_client_destroy(c);
    clickup_config_init(&cfg);
    cfg.team_id = "9999";
    c = client_for(f->url, &cfg);
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_ERR_NO_ACCESS);
    e = clickup_last_error(c);
    assert_string_equal(e->ecode, "OAUTH_023");
    assert_null(strstr(e->message, SANDBOX_TOKEN));
    clickup_client_destroy(c);
}

static void test_refused_before_sending(void **state) {
    fixture *f = (fixture *)*state;
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_task *t = NULL;
    clickup_config_init(&cfg);
    cfg.token = "pk_abc\r\nX-Injected: yes";
    cfg.base_url = f->url;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_ERR_CONFIG);
    assert_null(c);
    c = client_for(f->url, NULL);
    assert_int_equal(clickup_task_get(c, "../team/1", NULL, &t), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(sandbox_request_count(f->sb, NULL, NULL), 0);
    clickup_client_destroy(c);
}

static void test_twenty_mib_body_is_too_large(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_task *t = NULL;
    sandbox_fault(f->sb, "GET", "/api/v2/task/", SANDBOX_FAULT_OVERSIZED, 1, 20L << 20);
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &t), CLICKUP_ERR_TOO_LARGE);
    assert_null(t);
    assert_true(c->body_cap <= CLICKUP_MAX_RESPONSE_BYTES);  /* memory stayed under the cap */
    /* the client stays usable */
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &t), CLICKUP_OK);
    clickup_task_free(t);
    clickup_client_destroy(c);
}

static void test_cache_over_http(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_spaces *sp = NULL;
    clickup_tasks *ts = NULL;
    clickup_task_query q;
    clickup_task_new nt;
    clickup_task *t = NULL;
    size_t before;
    int i;
    for (i = 0; i < 10; i++) {
        assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
        clickup_spaces_free(sp);
    }
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/team/9001/space"), 1);
    memset(&q, 0, sizeof q);
    q.list_id = "2101";
    assert_int_equal(clickup_tasks_get(c, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 1);                  /* open, top-level tasks only by default */
    clickup_tasks_free(ts);
    assert_int_equal(clickup_tasks_get(c, &q, &ts), CLICKUP_OK);
    clickup_tasks_free(ts);
    before = sandbox_request_count(f->sb, "GET", "/api/v2/list/2101/task");
    assert_int_equal(before, 1);
    memset(&nt, 0, sizeof nt);
    nt.name = "Fresh";
    assert_int_equal(clickup_task_create(c, "2101", &nt, &t), CLICKUP_OK);
    clickup_task_free(t);
    assert_int_equal(clickup_tasks_get(c, &q, &ts), CLICKUP_OK);
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/list/2101/task"), 2);
    assert_int_equal(ts->count, 2);                  /* our own write is visible */
    clickup_tasks_free(ts);
    assert_non_null(strstr(logbuf, "cache hit"));
    clickup_client_destroy(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_get_503_503_200, start_default, stop),
        cmocka_unit_test_setup_teardown(test_post_500_outcome_unknown, start_default, stop),
        cmocka_unit_test_setup_teardown(test_post_on_reused_connection_is_never_resent, start_default, stop),
        cmocka_unit_test_setup_teardown(test_put_on_reused_connection_may_be_resent, start_default, stop),
        cmocka_unit_test(test_post_retried_when_nothing_listens),
        cmocka_unit_test_setup_teardown(test_429_waits_for_reset_real_clock, start_default, stop),
        cmocka_unit_test_setup_teardown(test_timeout_within_deadline, start_default, stop),
        cmocka_unit_test(test_rate_guarantee_over_http),
        cmocka_unit_test_setup_teardown(test_bad_token_vs_team_not_authorized, start_default, stop),
        cmocka_unit_test_setup_teardown(test_refused_before_sending, start_default, stop),
        cmocka_unit_test_setup_teardown(test_twenty_mib_body_is_too_large, start_default, stop),
        cmocka_unit_test_setup_teardown(test_cache_over_http, start_default, stop),
    };
    int rc;
    clickup_global_init();
    rc = cmocka_run_group_tests_name("http", tests, NULL, NULL);
    clickup_global_cleanup();
    return rc;
}

/* test_webhook_delivery.c - the sandbox's webhooks (tests/sandbox.h WEBHOOKS) end to end: webhooks
   managed with clickup.h's calls, events POSTed by the sandbox's delivery thread to a tiny
   loopback HTTP endpoint written here, their X-Signature checked with clickup_webhook_verify
   and their bodies decoded with clickup_webhook_event_parse; ClickUp's delivery rules: retries
   of a failed delivery (same bytes: clickup_webhook_dedup sees a redelivery), then fail_count;
   a slow endpoint fails; 410 suspends at once; fail_count 100 suspends; a change is never held
   up by its deliveries, and sandbox_stop never waits for an endpoint.
   Run one test:  build/asan/test_webhook_delivery test_retries_then_fail_count */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <stdlib.h>
#include <stdio.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <pthread.h>
#include <poll.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include "sandbox.h"
#include <cmocka.h>

/* Valgrind slows everything down: waits are generous, and only upper bounds are timed. */
#define WAIT_MS 20000

static int64_t now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms) {
    struct timespec ts;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {}
}

/* ==== the endpoint: a loopback HTTP server that records every POST ========================== */
#define EP_MAX 256

typedef struct ep_request {
    char  path[128];
    char  signature[80];               /* the X-Signature value, "" when absent               */
    char *body;
    size_t body_len;
} ep_request;

typedef struct endpoint {
    int             fd, port;
    pthread_t       th;
    pthread_mutex_t mu;
    int             stop;
    int             status;            /* what it answers                                     */
    int             delay_ms;          /* how long it waits before answering                  */
    ep_request      reqs[EP_MAX];
    size_t          count;
} endpoint;

/* The value of header `name` in the head text, into out. */
static void ep_header(const char *head, const char *name, char *out, size_t n) {
    const char *p = head;
    size_t nl = strlen(name);
    out[0] = '\0';
    while ((p = strchr(p, '\n')) != NULL) {
        p++;
        if (strncasecmp(p, name, nl) == 0 && p[nl] == ':') {
            const char *v = p + nl + 1;
            size_t k;
            while (*v == ' ') v++;
            k = strcspn(v, "\r\n");
            snprintf(out, n, "%.*s", (int)k, v);
            return;
        }
    }
}

/* Read one request (head and Content-Length body) from fd into r. 0, or -1. */
static int ep_read(int fd, ep_request *r) {
    char buf[65536], cl[32];
    size_t got = 0, head_len, body_len;
    char *end = NULL;
    buf[0] = '\0';
    while (!(end = strstr(buf, "\r\n\r\n"))) {
        ssize_t k;
        if (got == sizeof buf - 1) return -1;
        if ((k = recv(fd, buf + got, sizeof buf - 1 - got, 0)) <= 0) return -1;
        got += (size_t)k;
        buf[got] = '\0';
    }
    head_len = (size_t)(end - buf) + 4;
    ep_header(buf, "Content-Length", cl, sizeof cl);
    body_len = (size_t)strtoul(cl, NULL, 10);
    while (got < head_len + body_len) {
        ssize_t k;
        if (got == sizeof buf - 1) return -1;
        if ((k = recv(fd, buf + got, sizeof buf - 1 - got, 0)) <= 0) return -1;
        got += (size_t)k;
    }
    buf[got] = '\0';
    sscanf(buf, "POST %127s", r->path);
    ep_header(buf, "X-Signature", r->signature, sizeof r->signature);
    r->body = (char *)malloc(body_len + 1);
    memcpy(r->body, buf + head_len, body_len);
    r->body[body_len] = '\0';
    r->body_len = body_len;
    return 0;
}

static int ep_stopping(endpoint *e) {
    int stop;
    pthread_mutex_lock(&e->mu);
    stop = e->stop;
    pthread_mutex_unlock(&e->mu);
    return stop;
}

static void *ep_main(void *arg) {
    endpoint *e = (endpoint *)arg;
    for (;;) {
        struct pollfd p;
        ep_request r;
        char answer[128];
        int fd, status, delay;
        if (ep_stopping(e)) break;
        p.fd = e->fd; p.events = POLLIN; p.revents = 0;
        if (poll(&p, 1, 50) <= 0) continue;
        if ((fd = accept(e->fd, NULL, NULL)) < 0) continue;
        memset(&r, 0, sizeof r);
        if (ep_read(fd, &r) == 0) {
            pthread_mutex_lock(&e->mu);
            if (e->count < EP_MAX) e->reqs[e->count++] = r;
            else free(r.body);
            status = e->status;
            delay = e->delay_ms;
            pthread_mutex_unlock(&e->mu);
            while (delay > 0 && !ep_stopping(e)) { sleep_ms(10); delay -= 10; }
            snprintf(answer, sizeof answer, "HTTP/1.1 %d X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", status);
            (void)send(fd, answer, strlen(answer), MSG_NOSIGNAL);
        }
        close(fd);
    }
    return NULL;
}

static endpoint *ep_start(int status) {
    endpoint *e = (endpoint *)calloc(1, sizeof *e);
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    assert_non_null(e);
    e->status = status;
    pthread_mutex_init(&e->mu, NULL);
    e->fd = socket(AF_INET, SOCK_STREAM, 0);
    assert_true(e->fd >= 0);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    assert_int_equal(bind(e->fd, (struct sockaddr *)&a, sizeof a), 0);
    assert_int_equal(listen(e->fd, 16), 0);
    assert_int_equal(getsockname(e->fd, (struct sockaddr *)&a, &len), 0);
    e->port = ntohs(a.sin_port);
    assert_int_equal(pthread_create(&e->th, NULL, ep_main, e), 0);
    return e;
}

static void ep_stop(endpoint *e) {
    size_t i;
    pthread_mutex_lock(&e->mu);
    e->stop = 1;
    pthread_mutex_unlock(&e->mu);
    pthread_join(e->th, NULL);
    close(e->fd);
    for (i = 0; i < e->count; i++) free(e->reqs[i].body);
    pthread_mutex_destroy(&e->mu);
    free(e);
}

static void ep_set(endpoint *e, int status, int delay_ms) {
    pthread_mutex_lock(&e->mu);
    e->status = status;
    e->delay_ms = delay_ms;
    pthread_mutex_unlock(&e->mu);
}

static size_t ep_count(endpoint *e) {
    size_t n;
    pthread_mutex_lock(&e->mu);
    n = e->count;
    pthread_mutex_unlock(&e->mu);
    return n;
}

/* Request i (a copy of the struct; its strings stay valid until ep_stop). */
static ep_request ep_get(endpoint *e, size_t i) {
    ep_request r;
    pthread_mutex_lock(&e->mu);
    assert_true(i < e->count);
    r = e->reqs[i];
    pthread_mutex_unlock(&e->mu);
    return r;
}

static void ep_url(const endpoint *e, char *buf, size_t n) { snprintf(buf, n, "http://127.0.0.1:%d/clickup", e->port); }

/* ==== fixture: a sandbox, a client, an endpoint ============================================== */
typedef struct fx {
    sandbox        *sb;
    clickup_client *cu;
    endpoint       *ep;
    char            url[96];
} fx;

static fx *fx_start(const sandbox_opts *o, int status) {
    fx *f = (fx *)calloc(1, sizeof *f);
    clickup_config cfg;
    assert_non_null(f);
    assert_non_null(f->sb = sandbox_start(o));
    sandbox_base_url(f->sb, f->url, sizeof f->url);
    clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.team_id = SANDBOX_TEAM_ID;
    cfg.base_url = f->url;
    cfg.max_retries = -1;
    cfg.rate_limit = 10000;
    cfg.timeout_ms = 20000;
    cfg.disable_cache = 1;
    assert_int_equal(clickup_client_create(&cfg, &f->cu), CLICKUP_OK);
    f->ep = ep_start(status);
    return f;
}

static void fx_stop(fx *f) {
    clickup_client_destroy(f->cu);
    sandbox_stop(f->sb);
    ep_stop(f->ep);
    free(f);
}

/* A webhook on list 2101 (or the whole workspace when list is NULL) to the fixture's endpoint. */
static clickup_webhook *hook_create(fx *f, const char *list, const char *const *events, size_t n) {
    clickup_webhook_new wn;
    clickup_webhook *wh = NULL;
    char url[96];
    ep_url(f->ep, url, sizeof url);
    memset(&wn, 0, sizeof wn);
    wn.endpoint = url;
    wn.events = events;
    wn.event_count = n;
    wn.list_id = list;
    wn.whole_workspace = list == NULL;
    assert_int_equal(clickup_webhook_create(f->cu, &wn, &wh), CLICKUP_OK);
    return wh;
}

static const char *const ALL[] = { "*" };

/* Change the status of task id (a write through the sandbox's API: one event). */
static void set_status(fx *f, const char *id, const char *status) {
    clickup_task_changes ch;
    memset(&ch, 0, sizeof ch);
    ch.status = status;
    assert_int_equal(clickup_task_update(f->cu, id, &ch, NULL), CLICKUP_OK);
}

/* The health of webhook id as GET /team/{id}/webhook shows it. */
static void health(fx *f, const char *id, char *status, size_t n, int64_t *fail_count) {
    clickup_webhooks *all = NULL;
    size_t i;
    assert_int_equal(clickup_webhooks_get(f->cu, &all), CLICKUP_OK);
    status[0] = '\0';
    for (i = 0; i < all->count; i++)
        if (strcmp(all->items[i].id, id) == 0) {
            snprintf(status, n, "%s", all->items[i].health.status);
            *fail_count = all->items[i].health.fail_count;
        }
    clickup_webhooks_free(all);
    assert_true(status[0] != '\0');
}

static void expect_health(fx *f, const char *id, const char *status, int64_t fail_count) {
    char st[32];
    int64_t fc = -1;
    health(f, id, st, sizeof st, &fc);
    assert_string_equal(st, status);
    assert_int_equal(fc, fail_count);
}

static void idle(fx *f) { assert_int_equal(sandbox_webhook_wait_idle(f->sb, WAIT_MS), 0); }

/* ==== tests ================================================================================== */

/* POST, GET, PUT and DELETE in ClickUp's shapes, read back by clickup.h's decoders. */
static void test_manage(void **state) {
    static const char *const events[] = { "taskCreated", "taskStatusUpdated" };
    static const char *const bad[] = { "taskExploded" };
    fx *f = fx_start(NULL, 200);
    clickup_webhook *wh = hook_create(f, "2101", events, 2), *up = NULL, *dup = NULL;
    clickup_webhooks *all = NULL;
    clickup_webhook_new wn;
    clickup_webhook_changes ch;
    char url[96];
    (void)state;
    assert_int_equal(strlen(wh->id), 36);
    assert_non_null(wh->secret);
    assert_int_equal(strlen(wh->secret), 64);
    assert_string_equal(wh->team_id, SANDBOX_TEAM_ID);
    assert_string_equal(wh->list_id, "2101");
    assert_null(wh->space_id);
    assert_null(wh->task_id);
    assert_int_equal(wh->event_count, 2);
    assert_string_equal(wh->events[1], "taskStatusUpdated");
    assert_string_equal(wh->health.status, "active");
    assert_int_equal(wh->health.fail_count, 0);

    assert_int_equal(clickup_webhooks_get(f->cu, &all), CLICKUP_OK);
    assert_int_equal(all->count, 1);
    assert_string_equal(all->items[0].id, wh->id);
    assert_string_equal(all->items[0].secret, wh->secret);
    clickup_webhooks_free(all);

    ep_url(f->ep, url, sizeof url);                     /* the same again: ClickUp refuses it */
    memset(&wn, 0, sizeof wn);
    wn.endpoint = url; wn.events = events; wn.event_count = 2; wn.list_id = "2101";
    assert_int_equal(clickup_webhook_create(f->cu, &wn, &dup), CLICKUP_ERR_VALIDATION);
    assert_string_equal(clickup_last_error(f->cu)->ecode, "OAUTH_171");
    wn.events = bad; wn.event_count = 1;                /* an event ClickUp does not have */
    assert_int_equal(clickup_webhook_create(f->cu, &wn, &dup), CLICKUP_ERR_VALIDATION);
    wn.events = events; wn.event_count = 2; wn.list_id = "9999";
    assert_int_equal(clickup_webhook_create(f->cu, &wn, &dup), CLICKUP_ERR_NOT_FOUND);

    memset(&ch, 0, sizeof ch);
    ch.events = ALL; ch.event_count = 1;
    assert_int_equal(clickup_webhook_update(f->cu, wh->id, &ch, &up), CLICKUP_OK);
    assert_int_equal(up->event_count, 1);
    assert_string_equal(up->events[0], "*");
    clickup_webhook_free(up);

    assert_int_equal(clickup_webhook_delete(f->cu, wh->id), CLICKUP_OK);
    assert_int_equal(clickup_webhook_delete(f->cu, wh->id), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(clickup_webhooks_get(f->cu, &all), CLICKUP_OK);
    assert_int_equal(all->count, 0);
    clickup_webhooks_free(all);
    clickup_webhook_free(wh);
    fx_stop(f);
}

/* A change is POSTed, signed over the exact body with the webhook's secret, and decodes. */
static void test_signed_delivery(void **state) {
    fx *f = fx_start(NULL, 200);
    clickup_webhook *wh = hook_create(f, "2101", ALL, 1);
    const char *secrets[2];
    clickup_webhook_event *ev = NULL;
    clickup_task_new nt;
    clickup_task *created = NULL;
    ep_request r;
    size_t matched = 9;
    (void)state;
    set_status(f, SANDBOX_SPECIAL_TASK, "review");
    idle(f);
    assert_int_equal(ep_count(f->ep), 1);
    r = ep_get(f->ep, 0);
    assert_string_equal(r.path, "/clickup");
    assert_int_equal(strlen(r.signature), 64);
    secrets[0] = "not the secret";
    secrets[1] = wh->secret;
    assert_int_equal(clickup_webhook_verify(r.body, r.body_len, r.signature, secrets, 2, &matched), CLICKUP_OK);
    assert_int_equal(matched, 1);
    assert_int_equal(clickup_webhook_verify(r.body, r.body_len, r.signature, secrets, 1, &matched), CLICKUP_ERR_SIGNATURE);
    assert_int_equal(clickup_webhook_event_parse(r.body, r.body_len, NULL, &ev), CLICKUP_OK);
    assert_int_equal(ev->type, CLICKUP_EVENT_TASK_STATUS_UPDATED);
    assert_string_equal(ev->task_id, SANDBOX_SPECIAL_TASK);
    assert_string_equal(ev->webhook_id, wh->id);
    assert_int_equal(ev->history_item_count, 1);
    assert_string_equal(ev->history_items[0].field, "status");
    assert_int_equal(strlen(ev->history_items[0].id), 19);
    assert_string_equal(ev->history_items[0].parent_id, "2101");
    assert_int_equal(ev->history_items[0].user.id, 183);
    assert_string_equal(clickup_json_as_string(clickup_json_get(ev->history_items[0].after, "status"), "", NULL), "review");
    clickup_webhook_event_free(ev);

    memset(&nt, 0, sizeof nt);                          /* a new task: taskCreated, two items */
    nt.name = "Delivered";
    assert_int_equal(clickup_task_create(f->cu, "2101", &nt, &created), CLICKUP_OK);
    idle(f);
    assert_int_equal(ep_count(f->ep), 2);
    r = ep_get(f->ep, 1);
    assert_int_equal(clickup_webhook_verify(r.body, r.body_len, r.signature, secrets + 1, 1, NULL), CLICKUP_OK);
    assert_int_equal(clickup_webhook_event_parse(r.body, r.body_len, NULL, &ev), CLICKUP_OK);
    assert_int_equal(ev->type, CLICKUP_EVENT_TASK_CREATED);
    assert_string_equal(ev->task_id, created->id);
    assert_int_equal(ev->history_item_count, 2);
    assert_string_equal(ev->history_items[0].field, "status");
    assert_string_equal(ev->history_items[1].field, "task_creation");
    clickup_webhook_event_free(ev);
    clickup_task_free(created);

    set_status(f, "86c00001", "review");                /* list 2200: not this webhook's */
    idle(f);
    assert_int_equal(ep_count(f->ep), 2);
    clickup_webhook_free(wh);
    fx_stop(f);
}

/* Only the events a webhook subscribes to are sent. */
static void test_event_filter(void **state) {
    static const char *const created_only[] = { "taskCreated" };
    fx *f = fx_start(NULL, 200);
    clickup_webhook *wh = hook_create(f, NULL, created_only, 1);
    (void)state;
    set_status(f, SANDBOX_SPECIAL_TASK, "review");
    idle(f);
    assert_int_equal(ep_count(f->ep), 0);
    assert_int_equal(sandbox_webhook_attempts(f->sb), 0);
    clickup_webhook_free(wh);
    fx_stop(f);
}

/* A failing endpoint gets the first attempt and 5 retries of the same bytes, then the event
   is dropped and fail_count grows ("failing"); a later delivery that goes makes it healthy. */
static void test_retries_then_fail_count(void **state) {
    sandbox_opts o;
    fx *f;
    clickup_webhook *wh;
    clickup_webhook_dedup *dd = NULL;
    size_t i;
    (void)state;
    memset(&o, 0, sizeof o);
    o.webhook_retry_ms = 20;
    f = fx_start(&o, 500);
    wh = hook_create(f, "2101", ALL, 1);
    assert_int_equal(clickup_webhook_dedup_create(64, NULL, &dd), CLICKUP_OK);
    set_status(f, SANDBOX_SPECIAL_TASK, "review");
    idle(f);
    assert_int_equal(ep_count(f->ep), 6);
    assert_int_equal(sandbox_webhook_attempts(f->sb), 6);
    for (i = 0; i < 6; i++) {
        ep_request r = ep_get(f->ep, i), first = ep_get(f->ep, 0);
        clickup_webhook_event *ev = NULL;
        assert_string_equal(r.body, first.body);
        assert_string_equal(r.signature, first.signature);
        assert_int_equal(clickup_webhook_event_parse(r.body, r.body_len, NULL, &ev), CLICKUP_OK);
        assert_int_equal(clickup_webhook_dedup_seen(dd, ev), i > 0);     /* redeliveries */
        clickup_webhook_event_free(ev);
    }
    expect_health(f, wh->id, "failing", 1);

    ep_set(f->ep, 200, 0);
    set_status(f, SANDBOX_SPECIAL_TASK, "in progress");
    idle(f);
    assert_int_equal(ep_count(f->ep), 7);
    expect_health(f, wh->id, "active", 0);
    clickup_webhook_dedup_destroy(dd);
    clickup_webhook_free(wh);
    fx_stop(f);
}

/* An endpoint slower than the timeout failed, even if it answers 200 later. */
static void test_slow_endpoint_fails(void **state) {
    sandbox_opts o;
    fx *f;
    clickup_webhook *wh;
    (void)state;
    memset(&o, 0, sizeof o);
    o.webhook_timeout_ms = 150;
    o.webhook_retries = 1;
    o.webhook_retry_ms = 10;
    f = fx_start(&o, 200);
    ep_set(f->ep, 200, 600);
    wh = hook_create(f, "2101", ALL, 1);
    set_status(f, SANDBOX_SPECIAL_TASK, "review");
    idle(f);
    assert_int_equal(sandbox_webhook_attempts(f->sb), 2);
    expect_health(f, wh->id, "failing", 1);
    clickup_webhook_free(wh);
    fx_stop(f);
}

/* 410 suspends at once: no retry, nothing more sent, until a PUT makes it active again. */
static void test_410_suspends(void **state) {
    fx *f = fx_start(NULL, 410);
    clickup_webhook *wh = hook_create(f, "2101", ALL, 1), *up = NULL;
    clickup_webhook_changes ch;
    (void)state;
    set_status(f, SANDBOX_SPECIAL_TASK, "review");
    idle(f);
    assert_int_equal(ep_count(f->ep), 1);
    expect_health(f, wh->id, "suspended", 0);
    set_status(f, SANDBOX_SPECIAL_TASK, "in progress");
    idle(f);
    assert_int_equal(ep_count(f->ep), 1);

    ep_set(f->ep, 200, 0);
    memset(&ch, 0, sizeof ch);
    ch.status = "active";
    assert_int_equal(clickup_webhook_update(f->cu, wh->id, &ch, &up), CLICKUP_OK);
    assert_string_equal(up->health.status, "active");
    clickup_webhook_free(up);
    set_status(f, SANDBOX_SPECIAL_TASK, "review");
    idle(f);
    assert_int_equal(ep_count(f->ep), 2);
    clickup_webhook_free(wh);
    fx_stop(f);
}

/* fail_count 100 suspends the webhook. */
static void test_fail_count_100_suspends(void **state) {
    static const char *const statuses[2] = { "review", "in progress" };
    sandbox_opts o;
    fx *f;
    clickup_webhook *wh;
    int i;
    (void)state;
    memset(&o, 0, sizeof o);
    o.webhook_retries = -1;                             /* one attempt per event */
    f = fx_start(&o, 500);
    wh = hook_create(f, "2101", ALL, 1);
    for (i = 0; i < 100; i++) set_status(f, SANDBOX_SPECIAL_TASK, statuses[i % 2]);
    idle(f);
    assert_int_equal(ep_count(f->ep), 100);
    expect_health(f, wh->id, "suspended", 100);
    set_status(f, SANDBOX_SPECIAL_TASK, "complete");
    idle(f);
    assert_int_equal(ep_count(f->ep), 100);
    clickup_webhook_free(wh);
    fx_stop(f);
}

/* The request that makes a change is answered before its slow delivery is done, and
   sandbox_stop does not wait for the endpoint. */
static void test_never_blocks(void **state) {
    fx *f = fx_start(NULL, 200);
    clickup_webhook *wh = hook_create(f, "2101", ALL, 1);
    int64_t t0;
    (void)state;
    ep_set(f->ep, 200, 3000);
    t0 = now_ms();
    set_status(f, SANDBOX_SPECIAL_TASK, "review");
    assert_true(now_ms() - t0 < 2500);
    while (!ep_count(f->ep) && now_ms() - t0 < WAIT_MS) sleep_ms(10);
    assert_int_equal(sandbox_webhook_pending(f->sb), 1);             /* being delivered now */
    clickup_client_destroy(f->cu);
    f->cu = NULL;
    t0 = now_ms();
    sandbox_stop(f->sb);
    assert_true(now_ms() - t0 < 2500);
    f->sb = NULL;
    ep_stop(f->ep);
    clickup_webhook_free(wh);
    free(f);
}

/* Nothing is sent to an endpoint that is not on this machine; its health stays as it is. */
static void test_remote_endpoint_not_sent(void **state) {
    fx *f = fx_start(NULL, 200);
    clickup_webhook_new wn;
    clickup_webhook *wh = NULL;
    (void)state;
    memset(&wn, 0, sizeof wn);
    wn.endpoint = "https://hooks.example.com/clickup";
    wn.events = ALL; wn.event_count = 1; wn.space_id = "790";
    assert_int_equal(clickup_webhook_create(f->cu, &wn, &wh), CLICKUP_OK);
    assert_string_equal(wh->space_id, "790");
    set_status(f, SANDBOX_SPECIAL_TASK, "review");
    idle(f);
    assert_int_equal(sandbox_webhook_attempts(f->sb), 0);
    expect_health(f, wh->id, "active", 0);
    clickup_webhook_free(wh);
    fx_stop(f);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_manage),
        cmocka_unit_test(test_signed_delivery),
        cmocka_unit_test(test_event_filter),
        cmocka_unit_test(test_retries_then_fail_count),
        cmocka_unit_test(test_slow_endpoint_fails),
        cmocka_unit_test(test_410_suspends),
        cmocka_unit_test(test_fail_count_100_suspends),
        cmocka_unit_test(test_never_blocks),
        cmocka_unit_test(test_remote_endpoint_not_sent),
    };
    int rc;
    if (clickup_global_init() != CLICKUP_OK) return 1;
    rc = cmocka_run_group_tests_name("webhook_delivery", tests, NULL, NULL);
    clickup_global_cleanup();
    return rc;
}

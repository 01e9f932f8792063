/* Batches and parallel reads (clickup.h [api:batch], clickup_tasks_get_lists,
   clickup_tasks_foreach_lists, clickup_space_tree_get) over real HTTP, against the loopback
   sandbox (tests/sandbox.h), with injected latency (DELAY faults) and the sandbox's fixed-window
   rate limit:
   - several requests are in flight at once (the sandbox counts them), and a batch takes far less
     wall time than the same requests one after the other;
   - 3N creates against a fixed window of N: no 429 at all, the window never over-filled;
   - per-item outcomes under 400, 500, time-outs and connection resets: a create that may have
     happened is OUTCOME_UNKNOWN (never sent again), an update is retried, results in input
     order, the counts and the returned code right;
   - no create ever arrives twice (every create has a unique name; the sandbox's log is counted
     by name after every test that creates);
   - bad items end INVALID_ARG with nothing sent; stop_on_error cancels what follows;
   - the batch deadline and a progress callback that cancels stop the batch within bounds, with
     the items that never went CANCELLED (and nothing leaks: valgrind runs this file too);
   - every item kind (CALL, TASK_CREATE/UPDATE, TAG_ADD/REMOVE, FIELD_SET/REMOVE);
   - the tasks of several lists: the union in list order, pages in order one at a time, a bad
     list id refused before anything is sent; a space's folders and lists fetched together.
   Four scenarios here showed bugs of clickup.h when they were written (pages lost or held past
   the bound by foreach_lists, the limiter holding items past the batch deadline, a write in
   flight at cancellation called "never sent"); they are regression tests now. */
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

/* Under valgrind every thread (the sandbox's too) runs many times slower: time bounds widen. */
static int under_valgrind(void) { return getenv("CLICKUP_UNDER_VALGRIND") != NULL; }
static uint64_t slack_ms(void) { return under_valgrind() ? 2500 : 600; }

static uint64_t now_ms(void) { return clickup__mono_ms(NULL); }

/* ==== fixture: a sandbox per test =========================================================== */
typedef struct fixture {
    sandbox *sb;
    char     url[96];
} fixture;

static int start_sandbox(void **state) {
    fixture *f = (fixture *)calloc(1, sizeof *f);
    assert_non_null(f);
    f->sb = sandbox_start(NULL);
    assert_non_null(f->sb);
    sandbox_base_url(f->sb, f->url, sizeof f->url);
    *state = f;
    return 0;
}
static int stop_sandbox(void **state) {
    fixture *f = (fixture *)*state;
    sandbox_stop(f->sb);
    free(f);
    return 0;
}

/* A client of the sandbox: short backoff, no cache (every read reaches the sandbox), quiet.
   base may be NULL. */
static clickup_client *client_for(const char *url, const clickup_config *base) {
    clickup_config cfg;
    clickup_client *c = NULL;
    if (base) cfg = *base; else clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.base_url = url;
    cfg.team_id = SANDBOX_TEAM_ID;
    cfg.disable_cache = 1;
    if (!cfg.backoff_base_ms) cfg.backoff_base_ms = 20;
    if (!cfg.backoff_cap_ms) cfg.backoff_cap_ms = 80;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    return c;
}

/* ==== the sandbox's log ======================================================================= */
/* Is this logged request a task create (POST /api/v2/list/{id}/task)? */
static int is_create(const sandbox_request *r) {
    size_t n = strlen(r->path);
    return strcmp(r->method, "POST") == 0 && strncmp(r->path, "/api/v2/list/", 13) == 0 && n > 5 &&
           strcmp(r->path + n - 5, "/task") == 0;
}

/* The "name" of a logged create's JSON body into buf ("" when it has none). */
static void create_name(const sandbox_request *r, char *buf, size_t n) {
    clickup_json_doc *doc = NULL;
    buf[0] = '\0';
    if (clickup_json_parse(r->body, r->body_len, NULL, &doc, NULL) != CLICKUP_OK) return;
    snprintf(buf, n, "%s", clickup_json_as_string(clickup_json_get(clickup_json_root(doc), "name"), "", NULL));
    clickup_json_doc_free(doc);
}

/* How many creates of this name the sandbox received. */
static size_t creates_named(sandbox *sb, const char *name) {
    size_t i, n = 0, total = sandbox_request_count(sb, NULL, NULL);
    for (i = 0; i < total; i++) {
        sandbox_request r;
        char got[128];
        if (sandbox_request_get(sb, i, &r) != 0 || !is_create(&r)) continue;
        create_name(&r, got, sizeof got);
        n += strcmp(got, name) == 0;
    }
    return n;
}

/* No create arrived twice: every name the log holds, at most once. Returns the creates seen. */
static size_t assert_no_create_twice(sandbox *sb) {
    size_t i, j, n = 0, total = sandbox_request_count(sb, NULL, NULL);
    char (*names)[128] = (char (*)[128])calloc(total ? total : 1, sizeof *names);
    assert_non_null(names);
    for (i = 0; i < total; i++) {
        sandbox_request r;
        if (sandbox_request_get(sb, i, &r) != 0 || !is_create(&r)) continue;
        create_name(&r, names[n], sizeof names[n]);
        for (j = 0; j < n; j++)
            if (strcmp(names[j], names[n]) == 0) fail_msg("the create of \"%s\" arrived twice", names[n]);
        n++;
    }
    free(names);
    return n;
}

/* Requests answered so far (status decided) whose method and path prefix match. */
static size_t answered(sandbox *sb, const char *method, const char *prefix) {
    size_t i, n = 0, total = sandbox_request_count(sb, NULL, NULL);
    for (i = 0; i < total; i++) {
        sandbox_request r;
        if (sandbox_request_get(sb, i, &r) != 0) continue;
        if (method && strcmp(r.method, method) != 0) continue;
        if (prefix && strncmp(r.path, prefix, strlen(prefix)) != 0) continue;
        n += r.status != 0;
    }
    return n;
}

/* ==== building batches ======================================================================== */
#define MAX_ITEMS 160

/* Items and the inputs they point to. */
typedef struct batch_input {
    clickup_batch_item  items[MAX_ITEMS];
    clickup_task_new    tasks[MAX_ITEMS];
    clickup_task_changes changes[MAX_ITEMS];
    char                names[MAX_ITEMS][64];
    size_t              count;
} batch_input;

/* Append a create of a task named "<prefix>-<n>" (unique per test) in list_id; returns it. */
static clickup_batch_item *add_create(batch_input *in, const char *list_id, const char *prefix) {
    size_t i = in->count++;
    assert_true(i < MAX_ITEMS);
    snprintf(in->names[i], sizeof in->names[i], "%s-%u", prefix, (unsigned)i);
    memset(&in->tasks[i], 0, sizeof in->tasks[i]);
    in->tasks[i].name = in->names[i];
    memset(&in->items[i], 0, sizeof in->items[i]);
    in->items[i].kind = CLICKUP_BATCH_TASK_CREATE;
    in->items[i].list_id = list_id;
    in->items[i].task = &in->tasks[i];
    return &in->items[i];
}

/* Append an update renaming task_ref to "<prefix>-<n>". */
static clickup_batch_item *add_rename(batch_input *in, const char *task_ref, const char *prefix) {
    size_t i = in->count++;
    assert_true(i < MAX_ITEMS);
    snprintf(in->names[i], sizeof in->names[i], "%s-%u", prefix, (unsigned)i);
    memset(&in->changes[i], 0, sizeof in->changes[i]);
    in->changes[i].name = in->names[i];
    memset(&in->items[i], 0, sizeof in->items[i]);
    in->items[i].kind = CLICKUP_BATCH_TASK_UPDATE;
    in->items[i].task_ref = task_ref;
    in->items[i].changes = &in->changes[i];
    return &in->items[i];
}

/* What the progress callback saw. */
typedef struct progress_log {
    size_t calls, last_done, total;
    size_t cancel_after;            /* > 0: return 1 once this many items have ended      */
    int    seen[MAX_ITEMS];         /* each index reported how many times                  */
    int    done_in_order;           /* `done` went 1, 2, 3, ...                             */
    size_t ended_ok_before_cancel;
} progress_log;

static int on_progress(void *user, size_t index, const clickup_batch_result *r, size_t done, size_t total) {
    progress_log *p = (progress_log *)user;
    assert_true(index < MAX_ITEMS);
    p->seen[index]++;
    if (done != p->last_done + 1) p->done_in_order = 0;
    p->last_done = done;
    p->total = total;
    p->calls++;
    if (p->cancel_after && done <= p->cancel_after && r->code == CLICKUP_OK) p->ended_ok_before_cancel++;
    return p->cancel_after && done >= p->cancel_after;
}

static void progress_init(progress_log *p) {
    memset(p, 0, sizeof *p);
    p->done_in_order = 1;
}

/* Every index reported exactly once, done counted up to total. */
static void assert_progress_complete(const progress_log *p, size_t count) {
    size_t i;
    assert_int_equal(p->calls, count);
    assert_int_equal(p->total, count);
    assert_int_equal(p->last_done, count);
    assert_true(p->done_in_order);
    for (i = 0; i < count; i++) assert_int_equal(p->seen[i], 1);
}

/* The counts of a batch add up and match its results. */
static void assert_counts(const clickup_batch *b) {
    size_t i, ok = 0, cancelled = 0, failed = 0;
    for (i = 0; i < b->count; i++) {
        clickup_result rc = b->results[i].code;
        assert_int_equal(b->results[i].error.code, rc);
        if (rc == CLICKUP_OK) ok++;
        else if (rc == CLICKUP_ERR_CANCELLED) cancelled++;
        else failed++;
    }
    assert_int_equal(b->ok, ok);
    assert_int_equal(b->cancelled, cancelled);
    assert_int_equal(b->failed, failed);
}

/* The code clickup_batch_run must return: the first item's, in input order, that failed. */
static clickup_result first_failure(const clickup_batch *b) {
    size_t i;
    for (i = 0; i < b->count; i++)
        if (b->results[i].code != CLICKUP_OK) return b->results[i].code;
    return CLICKUP_OK;
}

/* ==== 1: concurrency =========================================================================== */
/* 8 creates, each answered 300 ms late: all 8 are in the sandbox at once, and the batch takes
   about one latency, not eight. */
#define LATENCY_MS 300
static void test_requests_in_flight_together(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    batch_input in;
    clickup_batch_opts o;
    clickup_batch *b = NULL;
    size_t i, before = sandbox_task_count(f->sb, "2200");
    uint64_t t0, dt;
    memset(&in, 0, sizeof in);
    for (i = 0; i < 8; i++) add_create(&in, "2200", "inflight");
    sandbox_fault(f->sb, "POST", "/api/v2/list/2200/task", SANDBOX_FAULT_DELAY, -1, LATENCY_MS);
    sandbox_max_concurrent_reset(f->sb);
    memset(&o, 0, sizeof o);
    o.concurrency = 8;
    t0 = now_ms();
    assert_int_equal(clickup_batch_run(c, in.items, in.count, &o, &b), CLICKUP_OK);
    dt = now_ms() - t0;
    print_message("8 creates, %d ms latency each: %llu ms (sequential >= %d ms), %u at once in the sandbox\n",
                  LATENCY_MS, (unsigned long long)dt, 8 * LATENCY_MS, (unsigned)sandbox_max_concurrent(f->sb));
    assert_non_null(b);
    assert_int_equal(b->count, 8);
    assert_int_equal(b->ok, 8);
    assert_counts(b);
    for (i = 0; i < 8; i++) {   /* results in input order, each with its decoded task */
        assert_int_equal(b->results[i].code, CLICKUP_OK);
        assert_non_null(b->results[i].task);
        assert_string_equal(b->results[i].task->name, in.names[i]);
        assert_non_null(b->results[i].response);
        assert_int_equal(b->results[i].response->status, 200);
    }
    assert_true(sandbox_max_concurrent(f->sb) >= 2);
    assert_true(dt >= LATENCY_MS);
    /* well below the sequential time (under valgrind, below it: connecting costs more there) */
    assert_true(dt < (under_valgrind() ? 8 * LATENCY_MS : 8 * LATENCY_MS / 2));
    assert_int_equal(sandbox_task_count(f->sb, "2200"), before + 8);
    assert_int_equal(assert_no_create_twice(f->sb), 8);
    clickup_batch_free(b);
    clickup_client_destroy(c);
}

/* ==== 2: the rate limit ======================================================================== */
/* The sandbox allows N per 1 s window (fixed windows on the Unix second); the client is told
   N per 1000 ms. 3N creates with 100 ms latency and concurrency 8: not one 429, no window over
   N, and the batch takes at least two windows (the client never bursts past its budget). */
#define WINDOW_N 5
static void test_fixed_window_no_429(void **state) {
    fixture *f = (fixture *)*state;
    clickup_config cfg;
    clickup_client *c;
    batch_input in;
    clickup_batch_opts o;
    clickup_batch *b = NULL;
    clickup_metrics m;
    size_t i;
    uint64_t t0, dt;
    clickup_config_init(&cfg);
    cfg.rate_limit = WINDOW_N;
    cfg.rate_window_ms = 1000;
    c = client_for(f->url, &cfg);
    sandbox_set_rate_limit(f->sb, WINDOW_N, 1);
    sandbox_fault(f->sb, "POST", "/api/v2/list/2101/task", SANDBOX_FAULT_DELAY, -1, 100);
    memset(&in, 0, sizeof in);
    for (i = 0; i < 3 * WINDOW_N; i++) add_create(&in, "2101", "window");
    memset(&o, 0, sizeof o);
    o.concurrency = 8;
    t0 = now_ms();
    assert_int_equal(clickup_batch_run(c, in.items, in.count, &o, &b), CLICKUP_OK);
    dt = now_ms() - t0;
    clickup_metrics_get(c, &m);
    print_message("%d creates, %d per 1 s window: %llu ms, %u x 429, peak %d per window\n", 3 * WINDOW_N, WINDOW_N,
                  (unsigned long long)dt, (unsigned)sandbox_count_429(f->sb), sandbox_rate_peak(f->sb));
    assert_int_equal(b->ok, 3 * WINDOW_N);
    assert_counts(b);
    assert_int_equal(sandbox_count_429(f->sb), 0);
    assert_int_equal(m.responses_429, 0);
    assert_true(sandbox_rate_peak(f->sb) <= WINDOW_N);
    assert_int_equal(sandbox_request_count(f->sb, "POST", NULL), 3 * WINDOW_N);
    assert_true(dt >= 1990);                            /* the third N waited for two windows */
    assert_true(dt < 3000 + slack_ms());
    assert_int_equal(assert_no_create_twice(f->sb), 3 * WINDOW_N);
    clickup_batch_free(b);
    clickup_client_destroy(c);
}

/* ==== 3: per-item outcomes ===================================================================== */
/* Eight items at once, each meeting its own answer (faults are matched by path, so by item):
     0 create            -> OK
     1 create, 500       -> OUTCOME_UNKNOWN (sent, then a server error: not repeated)
     2 create, bad status-> VALIDATION (the sandbox's 400)
     3 create, reset     -> OUTCOME_UNKNOWN (the connection died after sending)
     4 create, too slow  -> OUTCOME_UNKNOWN (a DELAY longer than cfg.timeout_ms)
     5 update, 500 once  -> retried, OK, the updated task decoded
     6 update, too slow once -> retried, OK
     7 create            -> OK */
static void test_per_item_outcomes(void **state) {
    fixture *f = (fixture *)*state;
    clickup_config cfg;
    clickup_client *c;
    batch_input in;
    clickup_batch_opts o;
    clickup_batch *b = NULL;
    progress_log pl;
    clickup_result rc;
    long timeout = under_valgrind() ? 2000 : 800;
    size_t i;
    clickup_config_init(&cfg);
    cfg.timeout_ms = timeout;
    c = client_for(f->url, &cfg);
    memset(&in, 0, sizeof in);
    add_create(&in, "2200", "outcome");
    add_create(&in, "2101", "outcome");
    add_create(&in, "2200", "outcome");
    in.tasks[2].status = "no such status";
    add_create(&in, "2102", "outcome");
    add_create(&in, "2100", "outcome");
    add_rename(&in, "86c00001", "outcome");
    add_rename(&in, "86c00002", "outcome");
    add_create(&in, "2200", "outcome");
    sandbox_fault(f->sb, "POST", "/api/v2/list/2101/task", SANDBOX_FAULT_STATUS, 1, 500);
    sandbox_fault(f->sb, "POST", "/api/v2/list/2102/task", SANDBOX_FAULT_CONN_RESET, 1, 0);
    sandbox_fault(f->sb, "POST", "/api/v2/list/2100/task", SANDBOX_FAULT_DELAY, 1, timeout + 1500);
    sandbox_fault(f->sb, "PUT", "/api/v2/task/86c00001", SANDBOX_FAULT_STATUS, 1, 500);
    sandbox_fault(f->sb, "PUT", "/api/v2/task/86c00002", SANDBOX_FAULT_DELAY, 1, timeout + 1500);
    progress_init(&pl);
    memset(&o, 0, sizeof o);
    o.concurrency = 8;
    o.progress = on_progress;
    o.progress_user = &pl;
    rc = clickup_batch_run(c, in.items, in.count, &o, &b);
    assert_non_null(b);
    for (i = 0; i < b->count; i++)
        print_message("item %u: %s (%s)\n", (unsigned)i, clickup_strerror(b->results[i].code), b->results[i].error.message);
    assert_int_equal(b->count, 8);
    assert_int_equal(b->results[0].code, CLICKUP_OK);
    assert_int_equal(b->results[1].code, CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(b->results[1].error.http_status, 500);
    assert_int_equal(b->results[2].code, CLICKUP_ERR_VALIDATION);
    assert_int_equal(b->results[2].error.http_status, 400);
    assert_string_equal(b->results[2].error.ecode, "ITEM_114");
    assert_int_equal(b->results[3].code, CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(b->results[4].code, CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(b->results[5].code, CLICKUP_OK);
    assert_int_equal(b->results[5].error.attempts, 2);
    assert_non_null(b->results[5].task);
    assert_string_equal(b->results[5].task->id, "86c00001");
    assert_string_equal(b->results[5].task->name, in.names[5]);
    assert_int_equal(b->results[6].code, CLICKUP_OK);
    assert_int_equal(b->results[6].error.attempts, 2);
    assert_string_equal(b->results[6].task->name, in.names[6]);
    assert_int_equal(b->results[7].code, CLICKUP_OK);
    assert_string_equal(b->results[0].task->name, in.names[0]);   /* input order */
    assert_string_equal(b->results[7].task->name, in.names[7]);
    for (i = 1; i <= 4; i++) assert_null(b->results[i].task);
    assert_int_equal(b->ok, 4);
    assert_int_equal(b->failed, 4);
    assert_int_equal(b->cancelled, 0);
    assert_counts(b);
    assert_int_equal(rc, CLICKUP_ERR_OUTCOME_UNKNOWN);           /* item 1's: the first failure */
    assert_int_equal(rc, first_failure(b));
    assert_progress_complete(&pl, 8);
    /* the creates went once each (none repeated); the updates twice */
    for (i = 0; i < 8; i++)
        if (in.items[i].kind == CLICKUP_BATCH_TASK_CREATE) assert_int_equal(creates_named(f->sb, in.names[i]), 1);
    assert_int_equal(sandbox_request_count(f->sb, "PUT", "/api/v2/task/86c00001"), 2);
    assert_int_equal(sandbox_request_count(f->sb, "PUT", "/api/v2/task/86c00002"), 2);
    assert_int_equal(assert_no_create_twice(f->sb), 6);
    clickup_batch_free(b);
    clickup_client_destroy(c);
}

/* ==== 4: bad items and stop_on_error ============================================================ */
/* An item with an empty name ends INVALID_ARG and nothing is sent for it; the others go on. */
static void test_bad_item_others_go_on(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    batch_input in;
    clickup_batch_opts o;
    clickup_batch *b = NULL;
    clickup_result rc;
    memset(&in, 0, sizeof in);
    add_create(&in, "2200", "badname");
    add_create(&in, "2200", "badname");
    in.tasks[1].name = "";
    add_create(&in, "2200", "badname");
    add_rename(&in, "not a task id!", "badname");               /* a bad reference: refused too */
    add_create(&in, "2200", "badname");
    memset(&o, 0, sizeof o);
    o.concurrency = 4;
    rc = clickup_batch_run(c, in.items, in.count, &o, &b);
    assert_int_equal(rc, CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(b->results[0].code, CLICKUP_OK);
    assert_int_equal(b->results[1].code, CLICKUP_ERR_INVALID_ARG);
    assert_null(b->results[1].response);                         /* nothing was sent */
    assert_null(b->results[1].task);
    assert_true(b->results[1].error.message[0] != '\0');
    assert_int_equal(b->results[2].code, CLICKUP_OK);
    assert_int_equal(b->results[3].code, CLICKUP_ERR_INVALID_ARG);
    assert_null(b->results[3].response);
    assert_int_equal(b->results[4].code, CLICKUP_OK);
    assert_int_equal(b->ok, 3);
    assert_int_equal(b->failed, 2);
    assert_counts(b);
    assert_int_equal(sandbox_request_count(f->sb, "POST", NULL), 3);
    assert_int_equal(sandbox_request_count(f->sb, "PUT", NULL), 0);
    assert_int_equal(creates_named(f->sb, ""), 0);
    assert_int_equal(assert_no_create_twice(f->sb), 3);
    clickup_batch_free(b);
    clickup_client_destroy(c);
}

/* stop_on_error 1: after the first failure nothing new starts; what follows ends CANCELLED and
   is never sent. With concurrency 1 the first failure is item 1 (the sandbox's 400). */
static void test_stop_on_error(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    batch_input in;
    clickup_batch_opts o;
    clickup_batch *b = NULL;
    progress_log pl;
    size_t i;
    memset(&in, 0, sizeof in);
    add_create(&in, "2200", "stop");
    add_create(&in, "2200", "stop");
    in.tasks[1].status = "no such status";
    for (i = 0; i < 4; i++) add_create(&in, "2200", "stop");
    progress_init(&pl);
    memset(&o, 0, sizeof o);
    o.concurrency = 1;
    o.stop_on_error = 1;
    o.progress = on_progress;
    o.progress_user = &pl;
    assert_int_equal(clickup_batch_run(c, in.items, in.count, &o, &b), CLICKUP_ERR_VALIDATION);
    assert_int_equal(b->results[0].code, CLICKUP_OK);
    assert_int_equal(b->results[1].code, CLICKUP_ERR_VALIDATION);
    for (i = 2; i < in.count; i++) {
        assert_int_equal(b->results[i].code, CLICKUP_ERR_CANCELLED);
        assert_null(b->results[i].response);
        assert_int_equal(creates_named(f->sb, in.names[i]), 0);   /* never sent */
    }
    assert_int_equal(b->ok, 1);
    assert_int_equal(b->failed, 1);
    assert_int_equal(b->cancelled, 4);
    assert_counts(b);
    assert_progress_complete(&pl, in.count);
    assert_int_equal(sandbox_request_count(f->sb, "POST", NULL), 2);
    clickup_batch_free(b);

    /* a bad item first, with room for many at once: nothing at all is sent */
    sandbox_log_reset(f->sb);
    memset(&in, 0, sizeof in);
    add_create(&in, "2200", "stop2");
    in.tasks[0].name = "";
    for (i = 0; i < 3; i++) add_create(&in, "2200", "stop2");
    o.concurrency = 8;
    o.progress = NULL;
    assert_int_equal(clickup_batch_run(c, in.items, in.count, &o, &b), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(b->results[0].code, CLICKUP_ERR_INVALID_ARG);
    for (i = 1; i < in.count; i++) assert_int_equal(b->results[i].code, CLICKUP_ERR_CANCELLED);
    assert_int_equal(b->cancelled, 3);
    assert_counts(b);
    assert_int_equal(sandbox_request_count(f->sb, NULL, NULL), 0);
    clickup_batch_free(b);
    clickup_client_destroy(c);
}

/* ==== 5: deadline and cancellation ============================================================= */
/* Every create answered 400 ms late, two at a time, a 1000 ms deadline: the batch returns by
   the deadline (plus slack), items that ended are OK, the two in flight at the deadline are
   OUTCOME_UNKNOWN (creates that may have happened), the rest CANCELLED and never sent. */
static void test_deadline_stops_cleanly(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    batch_input in;
    clickup_batch_opts o;
    clickup_batch *b = NULL;
    progress_log pl;
    clickup_result rc;
    size_t i;
    uint64_t t0, dt;
    memset(&in, 0, sizeof in);
    for (i = 0; i < 10; i++) add_create(&in, "2200", "deadline");
    sandbox_fault(f->sb, "POST", "/api/v2/list/2200/task", SANDBOX_FAULT_DELAY, -1, 400);
    progress_init(&pl);
    memset(&o, 0, sizeof o);
    o.concurrency = 2;
    o.deadline_ms = 1000;
    o.progress = on_progress;
    o.progress_user = &pl;
    t0 = now_ms();
    rc = clickup_batch_run(c, in.items, in.count, &o, &b);
    dt = now_ms() - t0;
    print_message("deadline 1000 ms: returned after %llu ms, %u ok, %u failed, %u cancelled\n", (unsigned long long)dt,
                  (unsigned)b->ok, (unsigned)b->failed, (unsigned)b->cancelled);
    assert_true(dt >= 1000);
    assert_true(dt < 1000 + slack_ms());
    assert_int_equal(rc, first_failure(b));
    assert_true(rc == CLICKUP_ERR_OUTCOME_UNKNOWN || rc == CLICKUP_ERR_CANCELLED);
    assert_counts(b);
    assert_progress_complete(&pl, in.count);
    assert_true(b->cancelled >= 4);
    assert_true(b->ok >= 1);
    assert_true(b->failed <= 2);                                   /* at most the two in flight */
    for (i = 0; i < in.count; i++) {
        clickup_result code = b->results[i].code;
        assert_true(code == CLICKUP_OK || code == CLICKUP_ERR_OUTCOME_UNKNOWN || code == CLICKUP_ERR_CANCELLED);
        if (code == CLICKUP_ERR_CANCELLED) {
            assert_null(b->results[i].response);
            assert_int_equal(creates_named(f->sb, in.names[i]), 0);   /* never sent */
        }
        if (code == CLICKUP_OK) assert_string_equal(b->results[i].task->name, in.names[i]);
    }
    (void)assert_no_create_twice(f->sb);
    clickup_batch_free(b);
    clickup_client_destroy(c);   /* the requests abandoned in flight are gone: valgrind checks */
}

/* The progress callback returns non-zero once 3 items have ended: nothing new starts; what
   was still in flight is abandoned, what never went is CANCELLED. */
static void test_progress_cancels(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    batch_input in;
    clickup_batch_opts o;
    clickup_batch *b = NULL;
    progress_log pl;
    size_t i, sent;
    uint64_t t0, dt;
    memset(&in, 0, sizeof in);
    for (i = 0; i < 12; i++) add_create(&in, "2200", "cancel");
    sandbox_fault(f->sb, "POST", "/api/v2/list/2200/task", SANDBOX_FAULT_DELAY, -1, 200);
    progress_init(&pl);
    pl.cancel_after = 3;
    memset(&o, 0, sizeof o);
    o.concurrency = 2;
    o.progress = on_progress;
    o.progress_user = &pl;
    t0 = now_ms();
    (void)clickup_batch_run(c, in.items, in.count, &o, &b);
    dt = now_ms() - t0;
    print_message("cancelled after 3 of 12: %llu ms, %u ok, %u failed, %u cancelled\n", (unsigned long long)dt,
                  (unsigned)b->ok, (unsigned)b->failed, (unsigned)b->cancelled);
    assert_counts(b);
    assert_progress_complete(&pl, in.count);
    assert_int_equal(pl.ended_ok_before_cancel, 3);
    assert_true(b->ok >= 3 && b->ok <= 4);          /* the 4th may end in the same pump as the 3rd */
    assert_int_equal(b->ok + b->failed + b->cancelled, in.count);
    assert_true(b->cancelled >= in.count - 5);
    for (i = 0; i < in.count; i++)
        if (b->results[i].code == CLICKUP_ERR_CANCELLED) assert_int_equal(creates_named(f->sb, in.names[i]), 0);
    sent = sandbox_request_count(f->sb, "POST", NULL);
    assert_true(sent <= 5);                          /* 3 ended, at most 2 more in flight */
    assert_true(dt < 3 * 200 + slack_ms());          /* it did not go on with the other 8 */
    (void)assert_no_create_twice(f->sb);
    clickup_batch_free(b);
    clickup_client_destroy(c);
}

/* REGRESSION (was a bug): the batch result and CLICKUP_ERR_CANCELLED are documented as "never sent", but an
   update (PUT, resend-safe) in flight when the deadline passes ends CANCELLED although it
   reached the server, which applies it. */
static void test_cancelled_means_not_sent(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c;
    batch_input in;
    clickup_batch_opts o;
    clickup_batch *b = NULL;
    c = client_for(f->url, NULL);
    memset(&in, 0, sizeof in);
    add_rename(&in, "86c00001", "late");
    sandbox_fault(f->sb, "PUT", "/api/v2/task/86c00001", SANDBOX_FAULT_DELAY, 1, 400);
    memset(&o, 0, sizeof o);
    o.deadline_ms = 150;
    (void)clickup_batch_run(c, in.items, in.count, &o, &b);
    print_message("PUT in flight at the deadline: %s, the sandbox received %u PUT\n",
                  clickup_strerror(b->results[0].code), (unsigned)sandbox_request_count(f->sb, "PUT", NULL));
    assert_int_equal(sandbox_request_count(f->sb, "PUT", NULL), 1);   /* it was sent ... */
    assert_int_not_equal(b->results[0].code, CLICKUP_ERR_CANCELLED);  /* ... so not "never sent" */
    clickup_batch_free(b);
    clickup_client_destroy(c);
}

/* REGRESSION (was a bug): items that cannot go before the batch deadline because the limiter holds them are
   "out of time before this request could go" (CLICKUP_ERR_CANCELLED's own words), yet they end
   CLICKUP_ERR_RATE_LIMITED, counted as failures, at once, without a request. (It also shows
   that items started together are admitted newest first: the two slots go to items 3 and 4,
   items 0-2 are the ones held back.) */
static void test_deadline_and_limiter(void **state) {
    fixture *f = (fixture *)*state;
    clickup_config cfg;
    clickup_client *c;
    batch_input in;
    clickup_batch_opts o;
    clickup_batch *b = NULL;
    size_t i;
    clickup_config_init(&cfg);
    cfg.rate_limit = 2;
    cfg.rate_window_ms = 5000;
    c = client_for(f->url, &cfg);
    memset(&in, 0, sizeof in);
    for (i = 0; i < 5; i++) add_create(&in, "2200", "held");
    memset(&o, 0, sizeof o);
    o.deadline_ms = 500;
    (void)clickup_batch_run(c, in.items, in.count, &o, &b);
    for (i = 0; i < in.count; i++)
        print_message("item %u: %s, sent %u time(s)\n", (unsigned)i, clickup_strerror(b->results[i].code),
                      (unsigned)creates_named(f->sb, in.names[i]));
    assert_int_equal(sandbox_request_count(f->sb, "POST", NULL), 2);
    for (i = 0; i < in.count; i++)                  /* what never went is CANCELLED */
        if (creates_named(f->sb, in.names[i]) == 0) assert_int_equal(b->results[i].code, CLICKUP_ERR_CANCELLED);
    assert_int_equal(b->cancelled, 3);
    clickup_batch_free(b);
    clickup_client_destroy(c);
}

/* ==== 6: every kind of item ==================================================================== */
static void test_mixed_kinds(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_batch_item items[7];
    clickup_param param;
    clickup_field_value text;
    clickup_task_changes ch;
    clickup_task_new t;
    clickup_batch_opts o;
    clickup_batch *b = NULL;
    clickup_task *task = NULL;
    size_t i;
    int has_tag;
    memset(items, 0, sizeof items);
    items[0].kind = CLICKUP_BATCH_CALL;                       /* a raw GET */
    items[0].request.method = "GET";
    items[0].request.path = "/task/{task_id}";
    param.name = "task_id"; param.value = "86abc124";
    items[0].request.params = &param;
    items[0].request.param_count = 1;
    items[1].kind = CLICKUP_BATCH_TAG_ADD;
    items[1].task_ref = "86c00001"; items[1].tag = "batch-tag";
    items[2].kind = CLICKUP_BATCH_TAG_REMOVE;
    items[2].task_ref = "86abc123"; items[2].tag = "sop";
    memset(&text, 0, sizeof text);
    text.type = CLICKUP_VALUE_STRING; text.str = "from a batch";
    items[3].kind = CLICKUP_BATCH_FIELD_SET;
    items[3].task_ref = "86c00002"; items[3].field_id = SANDBOX_FIELD_TEXT; items[3].value = &text;
    items[4].kind = CLICKUP_BATCH_FIELD_REMOVE;
    items[4].task_ref = "86abc123"; items[4].field_id = SANDBOX_FIELD_NUMBER;
    memset(&ch, 0, sizeof ch);
    ch.name = "renamed by a batch"; ch.priority = 2;
    items[5].kind = CLICKUP_BATCH_TASK_UPDATE;
    items[5].task_ref = "86b00001"; items[5].changes = &ch;
    memset(&t, 0, sizeof t);
    t.name = "mixed-create"; t.markdown = "# from a batch";
    items[6].kind = CLICKUP_BATCH_TASK_CREATE;
    items[6].list_id = "2102"; items[6].task = &t;
    memset(&o, 0, sizeof o);
    o.concurrency = 7;
    assert_int_equal(clickup_batch_run(c, items, 7, &o, &b), CLICKUP_OK);
    assert_int_equal(b->ok, 7);
    assert_counts(b);
    for (i = 0; i < 7; i++) {
        assert_int_equal(b->results[i].code, CLICKUP_OK);
        assert_non_null(b->results[i].response);
    }
    /* the raw call: the body as JSON, no decoded task */
    assert_string_equal(clickup_json_as_string(clickup_json_get(b->results[0].response->json, "id"), "", NULL), "86abc124");
    assert_null(b->results[0].task);
    for (i = 1; i <= 4; i++) assert_null(b->results[i].task);   /* tags and fields answer {} */
    /* the update and the create: decoded tasks */
    assert_non_null(b->results[5].task);
    assert_string_equal(b->results[5].task->id, "86b00001");
    assert_string_equal(b->results[5].task->name, "renamed by a batch");
    assert_non_null(b->results[5].task->priority);
    assert_string_equal(b->results[5].task->priority->priority, "high");
    assert_non_null(b->results[6].task);
    assert_string_equal(b->results[6].task->name, "mixed-create");
    /* what each write did, as the sandbox holds it now */
    assert_int_equal(clickup_task_get(c, "86c00001", NULL, &task), CLICKUP_OK);
    for (i = 0, has_tag = 0; i < task->tag_count; i++) has_tag |= strcmp(task->tags[i].name, "batch-tag") == 0;
    assert_true(has_tag);
    clickup_task_free(task);
    assert_int_equal(clickup_task_get(c, "86abc123", NULL, &task), CLICKUP_OK);
    for (i = 0, has_tag = 0; i < task->tag_count; i++) has_tag |= strcmp(task->tags[i].name, "sop") == 0;
    assert_false(has_tag);
    for (i = 0; i < task->custom_field_count; i++)
        if (strcmp(task->custom_fields[i].id, SANDBOX_FIELD_NUMBER) == 0) assert_null(task->custom_fields[i].value);
    clickup_task_free(task);
    assert_int_equal(clickup_task_get(c, "86c00002", NULL, &task), CLICKUP_OK);
    for (i = 0; i < task->custom_field_count; i++)
        if (strcmp(task->custom_fields[i].id, SANDBOX_FIELD_TEXT) == 0)
            assert_string_equal(clickup_json_as_string(task->custom_fields[i].value, "", NULL), "from a batch");
    clickup_task_free(task);
    assert_int_equal(sandbox_request_count(f->sb, "POST", "/api/v2/task/86c00001/tag/batch-tag"), 1);
    assert_int_equal(sandbox_request_count(f->sb, "DELETE", "/api/v2/task/86abc123/tag/sop"), 1);
    assert_int_equal(assert_no_create_twice(f->sb), 1);
    clickup_batch_free(b);
    clickup_client_destroy(c);
}

/* ==== 7: the tasks of several lists ============================================================= */
static const char *const LIST_ORDER[] = { "2101", "2200", "2102", "2100" };
#define LIST_COUNT (sizeof LIST_ORDER / sizeof LIST_ORDER[0])

/* Give list 2200 (2 tasks) a second page: 130 more tasks (pages hold 100), created by a batch. */
static void fill_inbox(fixture *f, clickup_client *c) {
    batch_input *in = (batch_input *)calloc(1, sizeof *in);
    clickup_batch_opts o;
    clickup_batch *b = NULL;
    size_t i;
    assert_non_null(in);
    for (i = 0; i < 130; i++) add_create(in, "2200", "inbox");
    memset(&o, 0, sizeof o);
    o.concurrency = 16;
    assert_int_equal(clickup_batch_run(c, in->items, in->count, &o, &b), CLICKUP_OK);
    assert_int_equal(b->ok, 130);
    assert_int_equal(sandbox_task_count(f->sb, "2200"), 132);
    assert_int_equal(assert_no_create_twice(f->sb), 130);
    clickup_batch_free(b);
    free(in);
    sandbox_log_reset(f->sb);
}

/* The same tasks, one list after the other (clickup_tasks_get per list): the expected union. */
typedef struct expected_tasks {
    char   ids[1024][24];
    size_t count, pages;
} expected_tasks;

static void expect_union(clickup_client *c, const clickup_task_query *base, expected_tasks *e) {
    size_t i, j;
    memset(e, 0, sizeof *e);
    for (i = 0; i < LIST_COUNT; i++) {
        clickup_task_query q = *base;
        clickup_tasks *one = NULL;
        q.list_id = LIST_ORDER[i];
        assert_int_equal(clickup_tasks_get(c, &q, &one), CLICKUP_OK);
        for (j = 0; j < one->count; j++) {
            assert_true(e->count < 1024);
            snprintf(e->ids[e->count++], sizeof e->ids[0], "%s", one->items[j].id);
        }
        e->pages += one->pages;
        clickup_tasks_free(one);
    }
}

/* clickup_tasks_get_lists over four lists (1, 2, 1 and 3 pages; every GET 150 ms late):
   the union in list order, page by page, with requests in flight together. */
static void test_tasks_get_lists(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_task_query q;
    clickup_tasks *all = NULL;
    expected_tasks *e = (expected_tasks *)calloc(1, sizeof *e);
    size_t i;
    uint64_t t0, dt, seq;
    assert_non_null(e);
    fill_inbox(f, c);
    memset(&q, 0, sizeof q);
    q.include_closed = 1;
    sandbox_fault(f->sb, "GET", "/api/v2/list/", SANDBOX_FAULT_DELAY, -1, 150);
    t0 = now_ms();
    expect_union(c, &q, e);                              /* the sequential time, same latency */
    seq = now_ms() - t0;
    assert_int_equal(e->pages, 1 + 2 + 1 + 3);
    sandbox_log_reset(f->sb);
    sandbox_max_concurrent_reset(f->sb);
    t0 = now_ms();
    assert_int_equal(clickup_tasks_get_lists(c, LIST_ORDER, LIST_COUNT, &q, 4, &all), CLICKUP_OK);
    dt = now_ms() - t0;
    print_message("4 lists, 7 pages, 150 ms each: %llu ms (one list after the other: %llu ms), %u at once\n",
                  (unsigned long long)dt, (unsigned long long)seq, (unsigned)sandbox_max_concurrent(f->sb));
    assert_int_equal(all->count, e->count);
    assert_int_equal(all->pages, e->pages);
    assert_false(all->truncated);
    for (i = 0; i < all->count; i++) assert_string_equal(all->items[i].id, e->ids[i]);
    assert_string_equal(all->items[0].list.id, "2101");
    assert_string_equal(all->items[all->count - 1].list.id, "2100");
    assert_true(sandbox_max_concurrent(f->sb) >= 2);
    assert_true(dt < (under_valgrind() ? seq : seq * 3 / 4));   /* well below page after page */
    assert_int_equal(sandbox_request_count(f->sb, "GET", NULL), 7);
    clickup_tasks_free(all);
    /* max_pages per list: 2100 stops after 2 of its 3 pages, and says so */
    sandbox_fault_clear(f->sb);
    q.max_pages = 2;
    assert_int_equal(clickup_tasks_get_lists(c, LIST_ORDER, LIST_COUNT, &q, 0, &all), CLICKUP_OK);
    assert_true(all->truncated);
    assert_int_equal(all->pages, 1 + 2 + 1 + 2);
    assert_int_equal(all->count, e->count - 50);
    clickup_tasks_free(all);
    free(e);
    clickup_client_destroy(c);
}

/* What the page callback saw. */
typedef struct page_log {
    sandbox *sb;
    int      inside;                /* in the callback now (never two pages at once)        */
    size_t   calls, tasks, held_max, concurrency;
    char     order[64][32];         /* "LIST/PAGE" per call                                  */
    size_t   stop_after;            /* > 0: return 1 after this many pages                  */
} page_log;

static int on_page(void *user, const clickup_tasks *page) {
    page_log *pl = (page_log *)user;
    size_t held;
    assert_false(pl->inside);
    pl->inside = 1;
    assert_true(page->count > 0);
    assert_true(pl->calls < 64);
    snprintf(pl->order[pl->calls], sizeof pl->order[0], "%s/%u", page->items[0].list.id, (unsigned)page->page_index);
    pl->calls++;
    pl->tasks += page->count;
    /* pages the sandbox has answered but fn has not seen yet: in flight or held for their turn */
    held = answered(pl->sb, "GET", "/api/v2/list/") - pl->calls;
    if (held > pl->held_max) pl->held_max = held;
    pl->inside = 0;
    return pl->stop_after && pl->calls >= pl->stop_after;
}

/* foreach_lists over six one-page lists (each GET 100 ms late, two at a time): the pages one at
   a time, in list order, while later lists are fetched; pages answered but not yet delivered
   stay within twice the concurrency (in flight + held). A non-zero return stops the walk. */
static void test_foreach_lists_order(void **state) {
    fixture *f = (fixture *)*state;
    static const char *const lists[] = { "2101", "2200", "2102", "2200", "2102", "2101" };
    clickup_client *c = client_for(f->url, NULL);
    clickup_task_query q;
    clickup_tasks stats;
    page_log pl;
    size_t i, want_tasks = 0;
    memset(&q, 0, sizeof q);
    for (i = 0; i < 6; i++) {                     /* what each list holds, one list at a time */
        clickup_tasks *one = NULL;
        q.list_id = lists[i];
        assert_int_equal(clickup_tasks_get(c, &q, &one), CLICKUP_OK);
        assert_int_equal(one->pages, 1);
        want_tasks += one->count;
        clickup_tasks_free(one);
    }
    q.list_id = NULL;
    sandbox_log_reset(f->sb);
    sandbox_fault(f->sb, "GET", "/api/v2/list/", SANDBOX_FAULT_DELAY, -1, 100);
    sandbox_max_concurrent_reset(f->sb);
    memset(&pl, 0, sizeof pl);
    pl.sb = f->sb;
    pl.concurrency = 2;
    assert_int_equal(clickup_tasks_foreach_lists(c, lists, 6, &q, 2, on_page, &pl, &stats), CLICKUP_OK);
    print_message("foreach_lists: %u pages, at most %u answered and not yet delivered, %u at once\n",
                  (unsigned)pl.calls, (unsigned)pl.held_max, (unsigned)sandbox_max_concurrent(f->sb));
    assert_int_equal(pl.calls, 6);
    for (i = 0; i < 6; i++) {
        char want[32];
        snprintf(want, sizeof want, "%s/0", lists[i]);
        assert_string_equal(pl.order[i], want);
    }
    assert_int_equal(pl.tasks, want_tasks);
    assert_int_equal(stats.count, want_tasks);
    assert_int_equal(stats.pages, 6);
    assert_null(stats.items);
    assert_true(sandbox_max_concurrent(f->sb) >= 2);
    assert_true(pl.held_max <= 2 * pl.concurrency);
    assert_int_equal(sandbox_request_count(f->sb, "GET", NULL), 6);
    /* stop from the callback after 3 pages: CLICKUP_OK, nothing more delivered */
    sandbox_fault_clear(f->sb);
    memset(&pl, 0, sizeof pl);
    pl.sb = f->sb;
    pl.stop_after = 3;
    assert_int_equal(clickup_tasks_foreach_lists(c, lists, 6, &q, 2, on_page, &pl, &stats), CLICKUP_OK);
    assert_int_equal(pl.calls, 3);
    clickup_client_destroy(c);
}

/* REGRESSION (was a bug): clickup_tasks_foreach_lists stops early, returning CLICKUP_OK, as soon as no
   request is in flight while a list still has pages to come: when a list's page is handed to
   fn, its next page has not been asked for yet, so the walk sees nothing active and ends.
   One list of 3 pages (2100, 250 tasks with include_closed) gives fn 1 page; the four lists of
   test_tasks_get_lists give 5 of their 7 pages (2100's pages 1 and 2 are never fetched). */
static void test_foreach_lists_every_page(void **state) {
    fixture *f = (fixture *)*state;
    static const char *const big[] = { "2100" };
    static const char *const want[] = { "2101/0", "2200/0", "2200/1", "2102/0", "2100/0", "2100/1", "2100/2" };
    clickup_client *c;
    clickup_task_query q;
    clickup_tasks stats;
    page_log pl;
    expected_tasks *e;
    size_t i;
    c = client_for(f->url, NULL);
    memset(&q, 0, sizeof q);
    q.include_closed = 1;
    memset(&pl, 0, sizeof pl);
    pl.sb = f->sb;
    assert_int_equal(clickup_tasks_foreach_lists(c, big, 1, &q, 2, on_page, &pl, &stats), CLICKUP_OK);
    print_message("one list of 3 pages: fn saw %u page(s), %u tasks; stats: %u pages\n", (unsigned)pl.calls,
                  (unsigned)pl.tasks, (unsigned)stats.pages);
    assert_int_equal(pl.calls, 3);
    assert_int_equal(pl.tasks, 250);
    /* several lists of several pages: every page, list by list, page by page */
    e = (expected_tasks *)calloc(1, sizeof *e);
    assert_non_null(e);
    fill_inbox(f, c);
    expect_union(c, &q, e);
    sandbox_fault(f->sb, "GET", "/api/v2/list/", SANDBOX_FAULT_DELAY, -1, 100);
    memset(&pl, 0, sizeof pl);
    pl.sb = f->sb;
    assert_int_equal(clickup_tasks_foreach_lists(c, LIST_ORDER, LIST_COUNT, &q, 2, on_page, &pl, &stats), CLICKUP_OK);
    for (i = 0; i < pl.calls; i++) print_message("  page %u: %s\n", (unsigned)i, pl.order[i]);
    assert_int_equal(pl.calls, 7);
    for (i = 0; i < 7; i++) assert_string_equal(pl.order[i], want[i]);
    assert_int_equal(pl.tasks, e->count);
    free(e);
    clickup_client_destroy(c);
}

/* REGRESSION (was a bug): clickup_tasks_foreach_lists documents "memory holds at most `concurrency` pages",
   but pages held for their turn do not count against the concurrency: while the first list is
   slow, every later list's page is fetched and held. Concurrency 2, nine one-page lists, the
   first answered 600 ms late: when fn first runs, eight pages are held. */
static void test_foreach_lists_memory_bound(void **state) {
    fixture *f = (fixture *)*state;
    static const char *const lists[] = { "2102", "2101", "2200", "2101", "2200", "2101", "2200", "2101", "2200" };
    clickup_client *c;
    clickup_task_query q;
    page_log pl;
    c = client_for(f->url, NULL);
    memset(&q, 0, sizeof q);
    sandbox_fault(f->sb, "GET", "/api/v2/list/2102/task", SANDBOX_FAULT_DELAY, 1, 600);
    memset(&pl, 0, sizeof pl);
    pl.sb = f->sb;
    pl.concurrency = 2;
    assert_int_equal(clickup_tasks_foreach_lists(c, lists, 9, &q, 2, on_page, &pl, NULL), CLICKUP_OK);
    print_message("9 one-page lists, the first slow, concurrency 2: at most %u pages answered and not yet "
                  "delivered\n", (unsigned)pl.held_max);
    assert_int_equal(pl.calls, 9);
    assert_true(pl.held_max <= pl.concurrency);
    clickup_client_destroy(c);
}

/* A bad list id: INVALID_ARG before anything is sent (for both calls); so is a query that
   names a list or a space of its own. */
static void test_lists_bad_id(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    static const char *const bad[] = { "2101", "2200", "not a list!" };
    clickup_task_query q;
    clickup_tasks *all = (clickup_tasks *)&q;          /* set to NULL by the call */
    page_log pl;
    memset(&pl, 0, sizeof pl);
    pl.sb = f->sb;
    assert_int_equal(clickup_tasks_get_lists(c, bad, 3, NULL, 0, &all), CLICKUP_ERR_INVALID_ARG);
    assert_null(all);
    assert_int_equal(clickup_tasks_foreach_lists(c, bad, 3, NULL, 0, on_page, &pl, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(pl.calls, 0);
    memset(&q, 0, sizeof q);
    q.list_id = "2101";
    assert_int_equal(clickup_tasks_get_lists(c, bad, 2, &q, 0, &all), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_tasks_get_lists(c, bad, 2, NULL, -1, &all), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(sandbox_request_count(f->sb, NULL, NULL), 0);
    /* no lists at all: an empty result, nothing sent */
    assert_int_equal(clickup_tasks_get_lists(c, bad, 0, NULL, 0, &all), CLICKUP_OK);
    assert_int_equal(all->count, 0);
    clickup_tasks_free(all);
    assert_int_equal(sandbox_request_count(f->sb, NULL, NULL), 0);
    clickup_client_destroy(c);
}

/* ==== 8: a space's tree ========================================================================= */
/* Folders and folderless lists of space 790, both reads 300 ms late: they are in the sandbox
   together, and the call takes one latency. A bad space id: nothing sent. */
static void test_space_tree(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_space_tree *tree = NULL;
    uint64_t t0, dt;
    sandbox_fault(f->sb, "GET", "/api/v2/space/790/", SANDBOX_FAULT_DELAY, 2, 300);
    sandbox_max_concurrent_reset(f->sb);
    t0 = now_ms();
    assert_int_equal(clickup_space_tree_get(c, "790", NULL, &tree), CLICKUP_OK);
    dt = now_ms() - t0;
    print_message("space tree, two reads 300 ms late: %llu ms, %u at once\n", (unsigned long long)dt,
                  (unsigned)sandbox_max_concurrent(f->sb));
    assert_int_equal(tree->folder_count, 1);
    assert_string_equal(tree->folders[0].id, "1100");
    assert_int_equal(tree->folders[0].list_count, 2);
    assert_string_equal(tree->folders[0].lists[0].id, "2100");
    assert_string_equal(tree->folders[0].lists[1].id, "2101");
    assert_int_equal(tree->list_count, 1);
    assert_string_equal(tree->lists[0].id, "2200");
    assert_non_null(tree->raw_folders);
    assert_non_null(tree->raw_lists);
    assert_true(sandbox_max_concurrent(f->sb) >= 2);
    assert_true(dt < 2 * 300);
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/space/790/folder"), 1);
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/space/790/list"), 1);
    clickup_space_tree_free(tree);
    sandbox_log_reset(f->sb);
    tree = (clickup_space_tree *)&t0;
    assert_int_equal(clickup_space_tree_get(c, "no such/space", NULL, &tree), CLICKUP_ERR_INVALID_ARG);
    assert_null(tree);
    assert_int_equal(clickup_space_tree_get(c, "", NULL, &tree), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(sandbox_request_count(f->sb, NULL, NULL), 0);
    /* a failure of one read fails the call: the other is not left behind (valgrind checks) */
    sandbox_fault(f->sb, "GET", "/api/v2/space/790/list", SANDBOX_FAULT_STATUS, 1, 404);
    assert_int_equal(clickup_space_tree_get(c, "790", NULL, &tree), CLICKUP_ERR_NOT_FOUND);
    assert_null(tree);
    clickup_client_destroy(c);
}

/* ==== 9: the call's own arguments ================================================================ */
static void test_batch_arguments(void **state) {
    fixture *f = (fixture *)*state;
    clickup_client *c = client_for(f->url, NULL);
    clickup_batch_item item;
    clickup_batch_opts o;
    clickup_batch *b = (clickup_batch *)&o;
    memset(&item, 0, sizeof item);
    memset(&o, 0, sizeof o);
    assert_int_equal(clickup_batch_run(c, &item, 1, NULL, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_batch_run(NULL, &item, 1, NULL, &b), CLICKUP_ERR_INVALID_ARG);
    assert_null(b);
    assert_int_equal(clickup_batch_run(c, NULL, 1, NULL, &b), CLICKUP_ERR_INVALID_ARG);
    o.concurrency = -1;
    assert_int_equal(clickup_batch_run(c, &item, 1, &o, &b), CLICKUP_ERR_INVALID_ARG);
    o.concurrency = 0;
    o.deadline_ms = -5;
    assert_int_equal(clickup_batch_run(c, &item, 1, &o, &b), CLICKUP_ERR_INVALID_ARG);
    /* an empty batch: OK, an empty result */
    assert_int_equal(clickup_batch_run(c, NULL, 0, NULL, &b), CLICKUP_OK);
    assert_non_null(b);
    assert_int_equal(b->count, 0);
    clickup_batch_free(b);
    /* an unknown kind: that item INVALID_ARG */
    item.kind = (clickup_batch_kind)99;
    assert_int_equal(clickup_batch_run(c, &item, 1, NULL, &b), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(b->results[0].code, CLICKUP_ERR_INVALID_ARG);
    clickup_batch_free(b);
    clickup_batch_free(NULL);
    assert_int_equal(sandbox_request_count(f->sb, NULL, NULL), 0);
    clickup_client_destroy(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_requests_in_flight_together, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_fixed_window_no_429, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_per_item_outcomes, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_bad_item_others_go_on, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_stop_on_error, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_deadline_stops_cleanly, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_progress_cancels, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_cancelled_means_not_sent, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_deadline_and_limiter, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_mixed_kinds, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_tasks_get_lists, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_foreach_lists_order, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_foreach_lists_every_page, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_foreach_lists_memory_bound, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_lists_bad_id, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_space_tree, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_batch_arguments, start_sandbox, stop_sandbox),
    };
    int rc;
    if (clickup_global_init() != CLICKUP_OK) return 1;
    rc = cmocka_run_group_tests_name("batch", tests, NULL, NULL);
    clickup_global_cleanup();
    return rc;
}

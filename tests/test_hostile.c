/* Hostile servers over real HTTP: every operation against every sandbox fault, once each
   (the fault fires for one request). The documented outcome is asserted:
     GET and PUT (idempotent)  a lost, cut, timed-out or 5xx answer is retried: success;
                               a 200 that cannot be decoded is CLICKUP_ERR_BAD_RESPONSE;
                               a body over max_response_bytes is CLICKUP_ERR_TOO_LARGE.
     POST (create, from-template)  never replayed once sent: a lost, cut, timed-out or 5xx
                               answer, and a 2xx answer that cannot be read (malformed,
                               empty, wrong shape, too large), is CLICKUP_ERR_OUTCOME_UNKNOWN,
                               and exactly ONE POST
                               reached the server; when the sandbox applied the write (faults
                               that answer normally, only late, slowly or with odd headers)
                               the task exists exactly once.
   No crash, no leak (ASan and valgrind), and the limiter stays sane with missing, garbage and
   millisecond rate headers. The outcome table (operation x fault -> result) is printed. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include "sandbox.h"
#include <cmocka.h>

static sandbox *g_sb;
static char g_base[96];

#define TIMEOUT_MS 1500                /* one attempt; DELAY sleeps longer than this         */
#define DELAY_MS   2000
#define MAX_BODY   ((size_t)256 << 10) /* max_response_bytes for the table; OVERSIZED sends 1 MiB */

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
static void sleep_ms(long ms) {
    struct timespec ts;
    ts.tv_sec = ms / 1000;
    ts.tv_nsec = (ms % 1000) * 1000000L;
    nanosleep(&ts, NULL);
}

static clickup_client *client(size_t max_body) {
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.team_id = SANDBOX_TEAM_ID;
    cfg.base_url = g_base;
    cfg.disable_cache = 1;
    cfg.backoff_base_ms = 5;
    cfg.backoff_cap_ms = 20;
    cfg.timeout_ms = TIMEOUT_MS;
    cfg.connect_timeout_ms = 1000;
    cfg.low_speed_bytes = 1000;       /* 1000 B/s for 1 s, or the transfer is dropped */
    cfg.low_speed_ms = 1000;
    cfg.max_response_bytes = max_body;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    return c;
}

/* ---- operations ------------------------------------------------------------------------------ */
typedef struct op {
    const char *name;
    const char *method;
    const char *path;                 /* fault prefix, under /api/v2 */
    int         post;                 /* not idempotent              */
    int         wrong_shape_ok;       /* WRONG_SHAPE's {"id":5,...} is acceptable for this call
                                         (no call accepts it: task ids must be strings)       */
    clickup_result (*run)(clickup_client *c, int n);
} op;

static clickup_result run_task_get(clickup_client *c, int n) {
    clickup_task *t = (clickup_task *)1;
    clickup_result rc = clickup_task_get(c, SANDBOX_SPECIAL_TASK, NULL, &t);
    (void)n;
    if (rc) assert_null(t); else assert_true(t->id[0] != '\0');
    clickup_task_free(t);
    return rc;
}
static clickup_result run_tasks_get(clickup_client *c, int n) {
    clickup_task_query q;
    clickup_tasks *t = (clickup_tasks *)1;
    clickup_result rc;
    (void)n;
    memset(&q, 0, sizeof q);
    q.list_id = "2102";
    rc = clickup_tasks_get(c, &q, &t);
    if (rc) assert_null(t); else assert_int_equal(t->count, 1);
    clickup_tasks_free(t);
    return rc;
}
static clickup_result run_spaces(clickup_client *c, int n) {
    clickup_spaces *s = (clickup_spaces *)1;
    clickup_result rc = clickup_spaces_get(c, NULL, &s);
    (void)n;
    if (rc) assert_null(s); else assert_true(s->count >= 2);
    clickup_spaces_free(s);
    return rc;
}
static clickup_result run_members(clickup_client *c, int n) {
    clickup_members *m = (clickup_members *)1;
    clickup_result rc = clickup_members_get(c, &m);
    (void)n;
    if (rc) assert_null(m); else assert_int_equal(m->count, 3);
    clickup_members_free(m);
    return rc;
}
static clickup_result run_templates(clickup_client *c, int n) {
    clickup_templates *t = (clickup_templates *)1;
    clickup_result rc = clickup_templates_get(c, &t);
    (void)n;
    if (rc) assert_null(t); else assert_int_equal(t->count, 150);
    clickup_templates_free(t);
    return rc;
}
static clickup_result run_create(clickup_client *c, int n) {
    clickup_task_new nt;
    clickup_task *t = (clickup_task *)1;
    char name[64];
    clickup_result rc;
    snprintf(name, sizeof name, "hostile create %d", n);
    memset(&nt, 0, sizeof nt);
    nt.name = name;
    rc = clickup_task_create(c, "2101", &nt, &t);
    if (rc) assert_null(t);
    clickup_task_free(t);
    return rc;
}
static clickup_result run_update(clickup_client *c, int n) {
    clickup_task_changes ch;
    clickup_task *t = (clickup_task *)1;
    char name[64];
    clickup_result rc;
    snprintf(name, sizeof name, "hostile update %d", n);
    memset(&ch, 0, sizeof ch);
    ch.name = name;
    rc = clickup_task_update(c, "86c00001", &ch, &t);
    if (rc) assert_null(t);
    clickup_task_free(t);
    return rc;
}
static clickup_result run_from_template(clickup_client *c, int n) {
    clickup_template_task *t = (clickup_template_task *)1;
    char name[64];
    clickup_result rc;
    snprintf(name, sizeof name, "hostile template %d", n);
    rc = clickup_task_from_template(c, "2101", "t-86b3e001", name, &t);
    if (rc) assert_null(t);
    clickup_template_task_free(t);
    return rc;
}

static const op OPS[] = {
    { "task get",      "GET",  "/api/v2/task/86abc123",             0, 0, run_task_get },
    { "tasks get",     "GET",  "/api/v2/list/2102/task",            0, 0, run_tasks_get },
    { "spaces",        "GET",  "/api/v2/team/9001/space",           0, 0, run_spaces },
    { "members",       "GET",  "/api/v2/team",                      0, 0, run_members },
    { "templates",     "GET",  "/api/v2/team/9001/taskTemplate",    0, 0, run_templates },
    { "create",        "POST", "/api/v2/list/2101/task",            1, 0, run_create },
    { "update",        "PUT",  "/api/v2/task/86c00001",             0, 0, run_update },
    { "from template", "POST", "/api/v2/list/2101/taskTemplate/",   1, 0, run_from_template },
};
#define NOPS (sizeof OPS / sizeof OPS[0])

/* ---- faults ------------------------------------------------------------------------------------ */
enum expect {
    E_OK,            /* the answer is fine apart from headers or timing                     */
    E_RETRIED,       /* lost/cut/timed out/5xx: idempotent calls retry (OK), POST is UNKNOWN */
    E_BAD,           /* a 200 that does not decode: BAD_RESPONSE                            */
    E_SHAPE,         /* valid JSON of the wrong shape: BAD_RESPONSE, or OK where it fits     */
    E_LARGE          /* TOO_LARGE                                                           */
};
typedef struct fault {
    const char        *name;
    sandbox_fault_kind kind;
    long               arg;
    enum expect        expect;
    int                applies_write;   /* the sandbox applies a write answered with it */
} fault;

static const fault FAULTS[] = {
    { "none",          0,                                  0,          E_OK,      1 },
    { "conn reset",    SANDBOX_FAULT_CONN_RESET,           0,          E_RETRIED, 0 },
    { "truncate",      SANDBOX_FAULT_TRUNCATE,             0,          E_RETRIED, 0 },
    { "malformed",     SANDBOX_FAULT_MALFORMED,            0,          E_BAD,     0 },
    { "502 html",      SANDBOX_FAULT_STATUS,               502,        E_RETRIED, 0 },
    { "empty 200",     SANDBOX_FAULT_EMPTY_200,            0,          E_BAD,     0 },
    { "wrong shape",   SANDBOX_FAULT_WRONG_SHAPE,          0,          E_SHAPE,   0 },
    { "no rate hdrs",  SANDBOX_FAULT_NO_RATE_HEADERS,      0,          E_OK,      1 },
    { "garbage hdrs",  SANDBOX_FAULT_GARBAGE_RATE_HEADERS, 0,          E_OK,      1 },
    { "reset in ms",   SANDBOX_FAULT_RESET_MS,             0,          E_OK,      1 },
    { "drip",          SANDBOX_FAULT_DRIP,                 50,         E_RETRIED, 1 },
    { "delay",         SANDBOX_FAULT_DELAY,                DELAY_MS,   E_RETRIED, 1 },
    { "oversized",     SANDBOX_FAULT_OVERSIZED,            1L << 20,   E_LARGE,   0 },
    { "deep 1000",     SANDBOX_FAULT_DEEP_NESTING,         1000,       E_BAD,     0 },
    { "deep 100",      SANDBOX_FAULT_DEEP_NESTING,         100,        E_BAD,     0 },  /* valid JSON: an array root */
};
#define NFAULTS (sizeof FAULTS / sizeof FAULTS[0])

static clickup_result expected(const op *o, const fault *f) {
    switch (f->expect) {
    case E_OK: return CLICKUP_OK;
    case E_RETRIED: return o->post ? CLICKUP_ERR_OUTCOME_UNKNOWN : CLICKUP_OK;
    /* a write's answer that cannot be read: the write happened, so a POST says OUTCOME_UNKNOWN */
    case E_BAD: return o->post ? CLICKUP_ERR_OUTCOME_UNKNOWN : CLICKUP_ERR_BAD_RESPONSE;
    case E_SHAPE: return o->wrong_shape_ok ? CLICKUP_OK : o->post ? CLICKUP_ERR_OUTCOME_UNKNOWN : CLICKUP_ERR_BAD_RESPONSE;
    default: return o->post ? CLICKUP_ERR_OUTCOME_UNKNOWN : CLICKUP_ERR_TOO_LARGE;
    }
}

static const char *short_name(clickup_result rc) {
    switch (rc) {
    case CLICKUP_OK: return "OK";
    case CLICKUP_ERR_INVALID_ARG: return "INVALID";
    case CLICKUP_ERR_NOMEM: return "NOMEM";
    case CLICKUP_ERR_NETWORK: return "NETWORK";
    case CLICKUP_ERR_TIMEOUT: return "TIMEOUT";
    case CLICKUP_ERR_AUTH: return "AUTH";
    case CLICKUP_ERR_NO_ACCESS: return "NO_ACCESS";
    case CLICKUP_ERR_NOT_FOUND: return "NOT_FOUND";
    case CLICKUP_ERR_VALIDATION: return "VALIDATION";
    case CLICKUP_ERR_RATE_LIMITED: return "RATE_LIM";
    case CLICKUP_ERR_SERVER: return "SERVER";
    case CLICKUP_ERR_OUTCOME_UNKNOWN: return "UNKNOWN";
    case CLICKUP_ERR_BAD_RESPONSE: return "BAD_RESP";
    case CLICKUP_ERR_TOO_LARGE: return "TOO_LARGE";
    case CLICKUP_ERR_HTTP: return "HTTP";
    case CLICKUP_ERR_JSON: return "JSON";
    case CLICKUP_ERR_CONFIG: return "CONFIG";
    }
    return "?";
}

/* One operation against one fault. Returns 1 when everything held, else prints why. */
static int one(const op *o, const fault *f, int n, clickup_result *got) {
    clickup_client *c = client(MAX_BODY);
    size_t before_posts, before_tasks, posts, requests_before, requests;
    clickup_result rc, want = expected(o, f);
    clickup_rate_state rs;
    double t0;
    int good = 1;

    sandbox_fault_clear(g_sb);
    before_posts = sandbox_request_count(g_sb, "POST", o->path);
    before_tasks = sandbox_task_count(g_sb, "2101");
    requests_before = sandbox_request_count(g_sb, o->method, o->path);
    if (f->kind) sandbox_fault(g_sb, o->method, o->path, f->kind, 1, f->arg);
    t0 = now_s();
    rc = o->run(c, n);
    *got = rc;
    if (f->kind && sandbox_fault_pending(g_sb) != 0) {
        print_message("  %s / %s: the fault never fired\n", o->name, f->name);
        good = 0;
    }
    if (rc != want) {
        print_message("  %s / %s: got %s, expected %s (%s; attempts %d, HTTP %d, curl %d)\n", o->name, f->name,
                      short_name(rc), short_name(want), clickup_last_error(c)->message, clickup_last_error(c)->attempts,
                      clickup_last_error(c)->http_status, clickup_last_error(c)->curl_code);
        good = 0;
    }
    requests = sandbox_request_count(g_sb, o->method, o->path) - requests_before;
    if (o->post) {                   /* never a duplicate write */
        posts = sandbox_request_count(g_sb, "POST", o->path) - before_posts;
        if (posts != 1) { print_message("  %s / %s: %lu POSTs arrived, expected exactly 1\n", o->name, f->name, (unsigned long)posts); good = 0; }
        if (f->kind == SANDBOX_FAULT_DELAY) {   /* the call gave up early (low-speed limit): let the late write land */
            double left = (double)(DELAY_MS + 400) / 1000.0 - (now_s() - t0);
            if (left > 0) sleep_ms((long)(left * 1000.0));
        }
        {
            size_t made = sandbox_task_count(g_sb, "2101") - before_tasks, want_made = f->applies_write ? 1 : 0;
            if (made != want_made) {
                print_message("  %s / %s: %lu tasks created, expected %lu\n", o->name, f->name, (unsigned long)made,
                              (unsigned long)want_made);
                good = 0;
            }
        }
    } else if (f->expect == E_RETRIED && want == CLICKUP_OK && requests < 2) {
        print_message("  %s / %s: succeeded with %lu requests: the fault did not bite\n", o->name, f->name, (unsigned long)requests);
        good = 0;
    }
    /* the limiter survives every header: nothing to wait for afterwards */
    memset(&rs, 0, sizeof rs);
    assert_int_equal(clickup_rate_get(c, &rs), CLICKUP_OK);
    if (rs.next_free_in_ms > 0 || rs.limit < 1 || rs.reset_in_ms > 65000 + 1000) {
        print_message("  %s / %s: limiter after the call: limit %d, next free in %llu ms, reset in %llu ms\n", o->name,
                      f->name, rs.limit, (unsigned long long)rs.next_free_in_ms, (unsigned long long)rs.reset_in_ms);
        good = 0;
    }
    if (now_s() - t0 > 15.0) { print_message("  %s / %s: took %.1f s\n", o->name, f->name, now_s() - t0); good = 0; }
    clickup_client_destroy(c);
    return good;
}

static int g_bad_total;

static void run_table(const op *ops, size_t nops, const char *title) {
    size_t i, j;
    static clickup_result got[NOPS][NFAULTS];
    char line[512];
    int n = 0, bad = 0;
    for (i = 0; i < nops; i++)
        for (j = 0; j < NFAULTS; j++)
            if (!one(&ops[i], &FAULTS[j], n++, &got[i][j])) bad++;
    print_message("%s: operation x fault -> result (%d of %lu combinations wrong)\n", title, bad,
                  (unsigned long)(nops * NFAULTS));
    {   /* header row: operations */
        size_t at = (size_t)snprintf(line, sizeof line, "  %-13s", "fault \\ op");
        for (i = 0; i < nops; i++) at += (size_t)snprintf(line + at, sizeof line - at, " %-13s", ops[i].name);
        print_message("%s\n", line);
    }
    for (j = 0; j < NFAULTS; j++) {
        size_t at = (size_t)snprintf(line, sizeof line, "  %-13s", FAULTS[j].name);
        for (i = 0; i < nops; i++) {
            char cell[24];
            snprintf(cell, sizeof cell, "%s%s", short_name(got[i][j]), got[i][j] == expected(&ops[i], &FAULTS[j]) ? "" : "(!)");
            at += (size_t)snprintf(line + at, sizeof line - at, " %-13s", cell);
        }
        print_message("%s\n", line);
    }
    g_bad_total += bad;
    assert_int_equal(bad, 0);
}

static void test_reads_table(void **state) {
    (void)state;
    run_table(OPS, 5, "reads");
}
static void test_writes_table(void **state) {
    (void)state;
    run_table(OPS + 5, 3, "writes");
}

/* A 20 MiB answer against the default 16 MiB cap: TOO_LARGE, not retried, and the memory the
   client allocated for it stays bounded by the cap (counted through cfg.allocator; libcurl's
   own buffers are small and fixed). */
typedef struct counting { size_t now, peak; } counting;
static void *cnt_malloc(void *u, size_t n) {
    counting *k = (counting *)u;
    size_t *p = (size_t *)malloc(n + 16);
    if (!p) return NULL;
    *p = n;
    k->now += n;
    if (k->now > k->peak) k->peak = k->now;
    return (char *)p + 16;
}
static void *cnt_realloc(void *u, void *ptr, size_t old_n, size_t n) {
    counting *k = (counting *)u;
    size_t *p;
    (void)old_n;
    if (!ptr) return cnt_malloc(u, n);
    p = (size_t *)((char *)ptr - 16);
    k->now -= *p;
    p = (size_t *)realloc(p, n + 16);
    if (!p) return NULL;
    *p = n;
    k->now += n;
    if (k->now > k->peak) k->peak = k->now;
    return (char *)p + 16;
}
static void cnt_free(void *u, void *ptr) {
    counting *k = (counting *)u;
    if (!ptr) return;
    k->now -= *(size_t *)((char *)ptr - 16);
    free((char *)ptr - 16);
}

static void test_20mib_body_default_cap(void **state) {
    counting k = { 0, 0 };
    clickup_allocator al;
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_task *t = (clickup_task *)1;
    clickup_result rc;
    size_t gets;
    (void)state;
    al.malloc_fn = cnt_malloc; al.realloc_fn = cnt_realloc; al.free_fn = cnt_free; al.user = &k;
    clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.team_id = SANDBOX_TEAM_ID;
    cfg.base_url = g_base;
    cfg.backoff_base_ms = 5;
    cfg.allocator = &al;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    sandbox_fault_clear(g_sb);
    gets = sandbox_request_count(g_sb, "GET", "/api/v2/task/86abc123");
    sandbox_fault(g_sb, "GET", "/api/v2/task/86abc123", SANDBOX_FAULT_OVERSIZED, 1, 20L << 20);
    rc = clickup_task_get(c, SANDBOX_SPECIAL_TASK, NULL, &t);
    print_message("  20 MiB answer, default cap: %s (%s), peak %lu bytes allocated by the client\n", short_name(rc),
                  clickup_last_error(c)->message, (unsigned long)k.peak);
    {
        size_t sent = sandbox_request_count(g_sb, "GET", "/api/v2/task/86abc123") - gets, after_ok, kept;
        clickup_result rc2;
        /* the client works afterwards, and does not keep a huge buffer */
        rc2 = clickup_task_get(c, SANDBOX_SPECIAL_TASK, NULL, &t);
        clickup_task_free(t);
        kept = k.now;
        clickup_client_destroy(c);
        after_ok = k.now;
        assert_int_equal(rc, CLICKUP_ERR_TOO_LARGE);
        assert_int_equal(sent, 1);                            /* not retried */
        assert_int_equal(rc2, CLICKUP_OK);
        assert_true(kept < ((size_t)4 << 20));
        assert_int_equal(after_ok, 0);
        /* Bounded by the cap: the body buffer may not grow past max_response_bytes + 1. */
        assert_true(k.peak <= ((size_t)16 << 20) + ((size_t)1 << 20));
    }
}

/* A fault that never goes away: the idempotent call gives up after max_retries with the
   right code, the POST after one try. */
static void test_persistent_faults(void **state) {
    static const struct { sandbox_fault_kind kind; long arg; clickup_result get_rc; } P[] = {
        { SANDBOX_FAULT_CONN_RESET, 0, CLICKUP_ERR_NETWORK },
        { SANDBOX_FAULT_STATUS, 503, CLICKUP_ERR_SERVER },
        { SANDBOX_FAULT_TRUNCATE, 0, CLICKUP_ERR_NETWORK },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof P / sizeof P[0]; i++) {
        clickup_client *c = client(MAX_BODY);
        size_t gets = sandbox_request_count(g_sb, "GET", "/api/v2/task/86abc123");
        size_t posts = sandbox_request_count(g_sb, "POST", "/api/v2/list/2101/task");
        clickup_result rc;
        sandbox_fault_clear(g_sb);
        sandbox_fault(g_sb, NULL, "/api/v2/", P[i].kind, -1, P[i].arg);
        rc = run_task_get(c, 0);
        assert_int_equal(rc, P[i].get_rc);
        assert_int_equal(clickup_last_error(c)->attempts, 4);
        assert_int_equal(sandbox_request_count(g_sb, "GET", "/api/v2/task/86abc123") - gets, 4);
        rc = run_create(c, 9000 + (int)i);
        assert_int_equal(rc, CLICKUP_ERR_OUTCOME_UNKNOWN);
        assert_int_equal(sandbox_request_count(g_sb, "POST", "/api/v2/list/2101/task") - posts, 1);
        sandbox_fault_clear(g_sb);
        clickup_client_destroy(c);
    }
}

/* Header values no server should send. Retry-After as an HTTP-date with an absurd year is
   garbage (-1), like any other unparsable value; computing it overflowed int64 (undefined
   behaviour: UBSan stops the process here, so this test runs last). */
static void test_hostile_header_values(void **state) {
    int64_t wall = 1800000000000LL, cap = 65000;
    (void)state;
    assert_int_equal(clickup__retry_after_ms("Sun, 06 Nov 2027 08:49:37 GMT", wall, cap), cap);
    assert_int_equal(clickup__retry_after_ms("Sun, 06 Nov 1994 08:49:37 GMT", wall, cap), 0);
    assert_int_equal(clickup__retry_after_ms("soon", wall, cap), -1);
    assert_int_equal(clickup__reset_in_ms("99999999999999999999", wall, 60000), -1);
    assert_int_equal(clickup__reset_in_ms("9223372036854775807", wall, 60000), 65000);
    assert_int_equal(clickup__retry_after_ms("Sun, 06 Nov 999999999 08:49:37 GMT", wall, cap), -1);
}

static int group_setup(void **state) {
    sandbox_opts o;
    (void)state;
    clickup_global_init();
    memset(&o, 0, sizeof o);
    g_sb = sandbox_start(&o);
    if (!g_sb) return -1;
    sandbox_base_url(g_sb, g_base, sizeof g_base);
    return 0;
}
static int group_teardown(void **state) {
    (void)state;
    sandbox_stop(g_sb);
    clickup_global_cleanup();
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reads_table),
        cmocka_unit_test(test_writes_table),
        cmocka_unit_test(test_20mib_body_default_cap),
        cmocka_unit_test(test_persistent_faults),
        cmocka_unit_test(test_hostile_header_values),   /* last: see its comment */
    };
    return cmocka_run_group_tests_name("hostile", tests, group_setup, group_teardown);
}

/* Allocation-failure sweep: for every public operation, run it with an allocator that fails
   the k-th allocation, for k = 1, 2, ... until a run sees no injected failure. Every run must
   return CLICKUP_OK or CLICKUP_ERR_NOMEM (never crash, never another code), hand out NULL on
   failure, and leave 0 bytes outstanding once its results are freed and the client destroyed.

   Most sweeps run on a replaying transport hook (fast): the first time a request is seen its
   answer is fetched once from the loopback sandbox with plain libcurl, then replayed from
   memory. One sweep runs every k over real HTTP against the sandbox. libcurl's own
   allocations are not covered by cfg.allocator (documented in [api:alloc]). */
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

/* ---- the failing, counting allocator ------------------------------------------------------ */
#define HDR 16   /* size header; keeps the user pointer 16-aligned */
typedef struct fail_alloc {
    unsigned long fail_at;       /* 1-based index of the allocation that fails; 0 = never */
    unsigned long calls;         /* malloc + realloc calls seen                           */
    int           injected;      /* the failure was injected in this run                  */
    size_t        outstanding;   /* bytes handed out and not yet freed                    */
    long          blocks;        /* blocks live                                           */
    unsigned long size_mismatch; /* realloc_fn old_size differing from the real size      */
    size_t        peak;
    size_t        fail_big;      /* when set: every request of this many bytes or more fails */
} fail_alloc;

static int fa_should_fail(fail_alloc *fa, size_t size) {
    fa->calls++;
    if (fa->fail_big && size >= fa->fail_big) { fa->injected = 1; return 1; }
    if (fa->fail_at && fa->calls == fa->fail_at) { fa->injected = 1; return 1; }
    return 0;
}
static void *fa_malloc(void *user, size_t size) {
    fail_alloc *fa = (fail_alloc *)user;
    unsigned char *p;
    if (fa_should_fail(fa, size)) return NULL;
    p = (unsigned char *)malloc(HDR + size);
    if (!p) return NULL;
    memcpy(p, &size, sizeof size);
    memset(p + HDR, 0xBE, size);           /* fresh memory is garbage, never accidentally zero */
    fa->outstanding += size;
    fa->blocks++;
    if (fa->outstanding > fa->peak) fa->peak = fa->outstanding;
    return p + HDR;
}
static void *fa_realloc(void *user, void *ptr, size_t old_size, size_t new_size) {
    fail_alloc *fa = (fail_alloc *)user;
    unsigned char *p, *np;
    size_t real_old = 0;
    if (!ptr) return fa_malloc(user, new_size);
    p = (unsigned char *)ptr - HDR;
    memcpy(&real_old, p, sizeof real_old);
    if (real_old != old_size) fa->size_mismatch++;
    if (fa_should_fail(fa, new_size)) return NULL;
    np = (unsigned char *)realloc(p, HDR + new_size);
    if (!np) return NULL;
    memcpy(np, &new_size, sizeof new_size);
    fa->outstanding = fa->outstanding - real_old + new_size;
    if (fa->outstanding > fa->peak) fa->peak = fa->outstanding;
    return np + HDR;
}
static void fa_free(void *user, void *ptr) {
    fail_alloc *fa = (fail_alloc *)user;
    unsigned char *p;
    size_t size;
    if (!ptr) return;
    p = (unsigned char *)ptr - HDR;
    memcpy(&size, p, sizeof size);
    fa->outstanding -= size;
    fa->blocks--;
    memset(p, 0xA5, HDR + size);           /* use-after-free shows up as garbage */
    free(p);
}

/* ---- record once from the sandbox, replay from memory ----------------------------------------- */
typedef struct rec {
    char  *key;                  /* "METHOD URL"   */
    int    status;
    char  *body;
    size_t len;
    struct rec *next;
} rec;

static sandbox *g_sb;
static char g_base[96];
static rec *g_recs;
static unsigned long g_replays;

typedef struct grow { char *p; size_t len; } grow;
static size_t grow_write(char *d, size_t s, size_t n, void *u) {
    grow *g = (grow *)u;
    char *np = (char *)realloc(g->p, g->len + s * n + 1);
    if (!np) return 0;
    g->p = np;
    memcpy(g->p + g->len, d, s * n);
    g->len += s * n;
    g->p[g->len] = '\0';
    return s * n;
}

/* One exchange with plain libcurl and the default allocator: the recording. */
static rec *record(const char *method, const char *url, const char *body, size_t body_len) {
    CURL *h = curl_easy_init();
    struct curl_slist *hd = NULL;
    grow g = { NULL, 0 };
    long status = 0;
    rec *r;
    assert_non_null(h);
    hd = curl_slist_append(hd, "Authorization: " SANDBOX_TOKEN);
    hd = curl_slist_append(hd, "Content-Type: application/json");
    curl_easy_setopt(h, CURLOPT_URL, url);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, hd);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, grow_write);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &g);
    if (strcmp(method, "GET") != 0) {
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method);
        curl_easy_setopt(h, CURLOPT_POSTFIELDS, body ? body : "");
        curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(body ? body_len : 0));
    }
    assert_int_equal(curl_easy_perform(h), CURLE_OK);
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(hd);
    curl_easy_cleanup(h);
    r = (rec *)calloc(1, sizeof *r);
    r->key = (char *)malloc(strlen(method) + strlen(url) + 2);
    sprintf(r->key, "%s %s", method, url);
    r->status = (int)status;
    r->body = g.p ? g.p : (char *)calloc(1, 1);
    r->len = g.len;
    r->next = g_recs;
    g_recs = r;
    return r;
}

static clickup_transport_status replay(void *user, const clickup_http_request *rq, clickup_http_response *resp) {
    char key[1024];
    rec *r;
    (void)user;
    snprintf(key, sizeof key, "%s %s", rq->method, rq->url);
    for (r = g_recs; r; r = r->next)
        if (strcmp(r->key, key) == 0) break;
    if (!r) r = record(rq->method, rq->url, rq->body, rq->body_len);
    g_replays++;
    memset(resp, 0, sizeof *resp);
    resp->status = r->status;
    resp->body = r->body;
    resp->body_len = r->len;
    resp->rate_limit = "1000";         /* differs from the default 100: the limiter resizes */
    resp->rate_remaining = "999";
    resp->rate_reset = "4102444800";   /* 2100-01-01: clamped to the window */
    return CLICKUP_TRANSPORT_OK;
}

static int group_setup(void **state) {
    sandbox_opts o;
    (void)state;
    memset(&o, 0, sizeof o);
    clickup_global_init();
    g_sb = sandbox_start(&o);
    if (!g_sb) return -1;
    sandbox_base_url(g_sb, g_base, sizeof g_base);
    return 0;
}
static int group_teardown(void **state) {
    (void)state;
    while (g_recs) {
        rec *n = g_recs->next;
        free(g_recs->key); free(g_recs->body); free(g_recs);
        g_recs = n;
    }
    sandbox_stop(g_sb);
    clickup_global_cleanup();
    return 0;
}

/* ---- operations: each returns its result code; results are checked and freed ---------------- */
typedef clickup_result (*op_fn)(clickup_client *c);

#define CHECK_OUT(rc, p) do { if ((rc) == CLICKUP_OK) assert_non_null(p); else assert_null(p); } while (0)

static clickup_result op_teams(clickup_client *c) {
    clickup_teams *t = (clickup_teams *)1;
    clickup_result rc = clickup_teams_get(c, &t);
    CHECK_OUT(rc, t);
    if (!rc) { assert_int_equal(t->count, 1); assert_string_equal(t->items[0].id, "9001"); }
    clickup_teams_free(t);
    return rc;
}
static clickup_result op_members(clickup_client *c) {
    clickup_members *m = (clickup_members *)1;
    clickup_result rc = clickup_members_get(c, &m);
    CHECK_OUT(rc, m);
    if (!rc) assert_int_equal(m->count, 3);
    clickup_members_free(m);
    return rc;
}
static clickup_result op_spaces(clickup_client *c) {
    clickup_spaces *s = (clickup_spaces *)1;
    clickup_result rc = clickup_spaces_get(c, NULL, &s);
    CHECK_OUT(rc, s);
    if (!rc) { assert_true(s->count >= 2); assert_true(s->items[0].status_count > 0); }
    clickup_spaces_free(s);
    return rc;
}
/* The second call is served from the cache: sweeps the cache-hit path. */
static clickup_result op_spaces_twice(clickup_client *c) {
    clickup_result rc = op_spaces(c);
    if (rc) return rc;
    return op_spaces(c);
}
static clickup_result op_folders(clickup_client *c) {
    clickup_folders *f = (clickup_folders *)1;
    clickup_result rc = clickup_folders_get(c, "790", NULL, &f);
    CHECK_OUT(rc, f);
    if (!rc) { assert_int_equal(f->count, 1); assert_int_equal(f->items[0].list_count, 2); }
    clickup_folders_free(f);
    return rc;
}
static clickup_result op_lists_folder(clickup_client *c) {
    clickup_lists *l = (clickup_lists *)1;
    clickup_result rc = clickup_lists_get(c, "1100", NULL, NULL, &l);
    CHECK_OUT(rc, l);
    if (!rc) assert_int_equal(l->count, 2);
    clickup_lists_free(l);
    return rc;
}
static clickup_result op_lists_space(clickup_client *c) {
    clickup_lists *l = (clickup_lists *)1;
    clickup_result rc = clickup_lists_get(c, NULL, "790", NULL, &l);
    CHECK_OUT(rc, l);
    if (!rc) assert_int_equal(l->count, 1);
    clickup_lists_free(l);
    return rc;
}
static clickup_result op_list(clickup_client *c) {
    clickup_list *l = (clickup_list *)1;
    clickup_result rc = clickup_list_get(c, "2100", &l);
    CHECK_OUT(rc, l);
    if (!rc) { assert_string_equal(l->id, "2100"); assert_true(l->status_count > 0); }
    clickup_list_free(l);
    return rc;
}
static clickup_result op_task(clickup_client *c) {
    clickup_task *t = (clickup_task *)1;
    clickup_task_get_opts o;
    clickup_result rc;
    memset(&o, 0, sizeof o);
    o.include_subtasks = 1;
    o.include_markdown = 1;
    rc = clickup_task_get(c, SANDBOX_SPECIAL_TASK, &o, &t);
    CHECK_OUT(rc, t);
    if (!rc) { assert_string_equal(t->id, SANDBOX_SPECIAL_TASK); assert_true(t->custom_field_count > 0); }
    clickup_task_free(t);
    return rc;
}
static clickup_result op_task_custom(clickup_client *c) {
    clickup_task *t = (clickup_task *)1;
    clickup_result rc = clickup_task_get(c, "https://app.clickup.com/t/9001/OPS-42", NULL, &t);
    CHECK_OUT(rc, t);
    if (!rc) assert_string_equal(t->id, SANDBOX_SPECIAL_TASK);
    clickup_task_free(t);
    return rc;
}
static clickup_result op_tasks(clickup_client *c) {
    clickup_task_query q;
    clickup_tasks *ts = (clickup_tasks *)1;
    clickup_result rc;
    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    q.include_closed = 1;
    rc = clickup_tasks_get(c, &q, &ts);
    CHECK_OUT(rc, ts);
    if (!rc) { assert_int_equal(ts->count, 250); assert_int_equal(ts->pages, 3); }
    clickup_tasks_free(ts);
    return rc;
}
static clickup_result op_tasks_space(clickup_client *c) {
    clickup_task_query q;
    clickup_tasks *ts = (clickup_tasks *)1;
    const char *st[] = { "to do", "in progress" };
    clickup_result rc;
    memset(&q, 0, sizeof q);
    q.space_id = "790";
    q.statuses = st; q.status_count = 2;
    q.order_by = "created";
    rc = clickup_tasks_get(c, &q, &ts);
    CHECK_OUT(rc, ts);
    if (!rc) assert_true(ts->count > 0);
    clickup_tasks_free(ts);
    return rc;
}
static int count_page(void *user, const clickup_tasks *page) {
    *(size_t *)user += page->count;
    return 0;
}
static clickup_result op_foreach(clickup_client *c) {
    clickup_task_query q;
    clickup_tasks stats;
    size_t seen = 0;
    clickup_result rc;
    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    q.include_closed = 1;
    rc = clickup_tasks_foreach(c, &q, count_page, &seen, &stats);
    if (!rc) { assert_int_equal(seen, 250); assert_int_equal(stats.count, 250); assert_int_equal(stats.pages, 3); }
    return rc;
}
static clickup_result op_create(clickup_client *c) {
    clickup_task_new nt;
    clickup_task *t = (clickup_task *)1;
    const char *tags[] = { "urgent" };
    int64_t who[] = { 183 };
    clickup_field_value fv[2];
    clickup_result rc;
    memset(&nt, 0, sizeof nt);
    memset(fv, 0, sizeof fv);
    nt.name = "Alloc sweep";
    nt.markdown = "# hello\n- a\n- b";
    nt.tags = tags; nt.tag_count = 1;
    nt.assignees = who; nt.assignee_count = 1;
    nt.priority = 2;
    nt.due_date.present = 1; nt.due_date.value = 1760000000000LL;
    fv[0].id = SANDBOX_FIELD_TEXT; fv[0].type = CLICKUP_VALUE_STRING; fv[0].str = "#ops";
    fv[1].id = SANDBOX_FIELD_DROPDOWN; fv[1].type = CLICKUP_VALUE_JSON; fv[1].str = "\"" SANDBOX_DROPDOWN_OPT_GOLD "\"";
    nt.custom_fields = fv; nt.custom_field_count = 2;
    rc = clickup_task_create(c, "2101", &nt, &t);
    CHECK_OUT(rc, t);
    if (!rc) assert_string_equal(t->name, "Alloc sweep");
    clickup_task_free(t);
    return rc;
}
static clickup_result op_update(clickup_client *c) {
    clickup_task_changes ch;
    clickup_task *t = (clickup_task *)1;
    int64_t add[] = { 2772463 };
    clickup_result rc;
    memset(&ch, 0, sizeof ch);
    ch.name = "Renamed by the sweep";
    ch.priority = CLICKUP_PRIORITY_CLEAR;
    ch.add_assignees = add; ch.add_assignee_count = 1;
    rc = clickup_task_update(c, "86c00001", &ch, &t);
    CHECK_OUT(rc, t);
    if (!rc) assert_string_equal(t->name, "Renamed by the sweep");
    clickup_task_free(t);
    return rc;
}
static clickup_result op_update_no_out(clickup_client *c) {
    clickup_task_changes ch;
    memset(&ch, 0, sizeof ch);
    ch.status = "in progress";
    return clickup_task_update(c, "INB-2", &ch, NULL);
}
static clickup_result op_tag_add(clickup_client *c) { return clickup_task_tag_add(c, "86c00002", "needs review"); }
static clickup_result op_tag_remove(clickup_client *c) { return clickup_task_tag_remove(c, "86c00002", "needs review"); }
static clickup_result op_field_set(clickup_client *c) {
    clickup_field_value v;
    memset(&v, 0, sizeof v);
    v.type = CLICKUP_VALUE_NUMBER; v.num = 12.5;
    return clickup_task_field_set(c, "86c00002", SANDBOX_FIELD_NUMBER, &v);
}
static clickup_result op_field_remove(clickup_client *c) {
    return clickup_task_field_remove(c, "86c00002", SANDBOX_FIELD_NUMBER);
}
static clickup_result op_templates(clickup_client *c) {
    clickup_templates *t = (clickup_templates *)1;
    clickup_result rc = clickup_templates_get(c, &t);
    CHECK_OUT(rc, t);
    if (!rc) { assert_int_equal(t->count, 150); assert_int_equal(t->pages, 2); }
    clickup_templates_free(t);
    return rc;
}
static clickup_result op_from_template(clickup_client *c) {
    clickup_template_task *t = (clickup_template_task *)1;
    clickup_result rc = clickup_task_from_template(c, "2101", "t-86b3e001", "From the sweep", &t);
    CHECK_OUT(rc, t);
    if (!rc) assert_true(t->id[0] != '\0');
    clickup_template_task_free(t);
    return rc;
}
static clickup_result op_team_id(clickup_client *c) {
    const char *team = NULL;
    clickup_result rc = clickup_client_team_id(c, &team);
    if (!rc) assert_string_equal(team, "9001");
    return rc;
}

/* ---- the sweep ----------------------------------------------------------------------------- */
typedef struct sweep_case {
    const char *name;
    op_fn       op;
    int         over_http;       /* 1: no transport hook; libcurl against the sandbox       */
    int         no_team;         /* 1: discover the workspace through GET /team             */
    int         no_cache;
    int         is_post;         /* over HTTP a lost answer of a POST is OUTCOME_UNKNOWN    */
} sweep_case;

static char g_mismatch[8192];    /* NOMEM returned but clickup_last_error says otherwise */
static size_t g_mismatch_len;

#define APPEND(buf, len, ...) do { if ((len) < sizeof (buf) - 256) \
    (len) += (size_t)snprintf((buf) + (len), sizeof (buf) - (len), __VA_ARGS__); } while (0)

static void sweep_test(void **state) {
    const sweep_case *sc = (const sweep_case *)*state;
    unsigned long k, runs = 0, nomem = 0, ok_with_failure = 0, unknown = 0;
    unsigned long stride = sc->over_http ? 1 : (getenv("CLICKUP_UNDER_VALGRIND") ? 5 : 1);
    char bad[4096];
    size_t bad_len = 0;
    bad[0] = '\0';
    for (k = 1;; k += (k < 48 ? 1 : stride)) {
        fail_alloc fa;
        clickup_allocator al;
        clickup_config cfg;
        clickup_client *c = NULL;
        clickup_result rc;
        memset(&fa, 0, sizeof fa);
        al.malloc_fn = fa_malloc; al.realloc_fn = fa_realloc; al.free_fn = fa_free; al.user = &fa;
        clickup_config_init(&cfg);
        cfg.token = SANDBOX_TOKEN;
        cfg.team_id = sc->no_team ? NULL : SANDBOX_TEAM_ID;
        cfg.base_url = g_base;
        cfg.allocator = &al;
        cfg.backoff_base_ms = 5;
        cfg.disable_cache = sc->no_cache;
        cfg.rate_limit = 10000;
        cfg.rate_window_ms = 1000;
        if (!sc->over_http) cfg.transport = replay;
        runs++;
        /* clickup_client_create has its own sweep (test_client_create): here it cannot fail,
           and the k-th allocation counts from the operation's first. */
        assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
        fa.calls = 0;
        fa.fail_at = k;
        rc = sc->op(c);
        if (rc == CLICKUP_ERR_NOMEM) {
            nomem++;
            if (!fa.injected) APPEND(bad, bad_len, "  k=%lu: NOMEM without an injected failure\n", k);
            if (clickup_last_error(c)->code != CLICKUP_ERR_NOMEM)
                APPEND(g_mismatch, g_mismatch_len, "  %s k=%lu: returned NOMEM, last_error code %d \"%s\"\n", sc->name,
                       k, (int)clickup_last_error(c)->code, clickup_last_error(c)->message);
        } else if (rc == CLICKUP_ERR_OUTCOME_UNKNOWN && sc->is_post && fa.injected) {
            /* The POST reached the server (the sandbox, or the replaying transport) and its
               answer could not be stored: the write happened, so OUTCOME_UNKNOWN is the honest
               answer. */
            unknown++;
        } else if (rc != CLICKUP_OK) {
            APPEND(bad, bad_len, "  k=%lu: returned %s (%s)\n", k, clickup_strerror(rc), clickup_last_error(c)->message);
        } else if (fa.injected) {
            ok_with_failure++;    /* allowed to pass: cache fill, limiter resize, a retried GET */
        }
        clickup_client_destroy(c);
        if (fa.outstanding != 0 || fa.blocks != 0)
            APPEND(bad, bad_len, "  k=%lu: %lu bytes in %ld blocks still allocated after destroy (result %s)\n", k,
                   (unsigned long)fa.outstanding, fa.blocks, clickup_strerror(rc));
        if (fa.size_mismatch)
            APPEND(bad, bad_len, "  k=%lu: realloc_fn got a wrong old_size %lu times\n", k, fa.size_mismatch);
        if (!fa.injected) {
            if (rc != CLICKUP_OK) APPEND(bad, bad_len, "  k=%lu: no failure injected, yet %s\n", k, clickup_strerror(rc));
            print_message("  %-18s %4lu runs (%lu allocations when nothing fails, peak %lu bytes): "
                          "%lu NOMEM, %lu OK despite a failure%s\n",
                          sc->name, runs, fa.calls, (unsigned long)fa.peak, nomem, ok_with_failure,
                          unknown ? ", some OUTCOME_UNKNOWN (answer lost to OOM)" : "");
            break;
        }
        if (k > 100000) { APPEND(bad, bad_len, "  no end after %lu runs\n", runs); break; }
    }
    if (bad_len) fail_msg("%s:\n%s", sc->name, bad);
    assert_true(runs > 3);
}

static const sweep_case CASES[] = {
    { "teams", op_teams, 0, 0, 0, 0 },
    { "members", op_members, 0, 0, 0, 0 },
    { "members+discover", op_members, 0, 1, 0, 0 },
    { "team_id discover", op_team_id, 0, 1, 0, 0 },
    { "spaces", op_spaces, 0, 0, 0, 0 },
    { "spaces cached", op_spaces_twice, 0, 0, 0, 0 },
    { "spaces no cache", op_spaces_twice, 0, 0, 1, 0 },
    { "folders", op_folders, 0, 0, 0, 0 },
    { "lists folder", op_lists_folder, 0, 0, 0, 0 },
    { "lists space", op_lists_space, 0, 0, 0, 0 },
    { "list", op_list, 0, 0, 0, 0 },
    { "task get", op_task, 0, 0, 0, 0 },
    { "task get custom", op_task_custom, 0, 1, 0, 0 },
    { "tasks 3 pages", op_tasks, 0, 0, 0, 0 },
    { "tasks space", op_tasks_space, 0, 1, 0, 0 },
    { "foreach 3 pages", op_foreach, 0, 0, 0, 0 },
    { "templates", op_templates, 0, 0, 0, 0 },
    { "create", op_create, 0, 0, 0, 1 },
    { "update", op_update, 0, 0, 0, 0 },
    { "update no out", op_update_no_out, 0, 0, 0, 0 },
    { "tag add", op_tag_add, 0, 0, 0, 1 },
    { "tag remove", op_tag_remove, 0, 0, 0, 0 },
    { "field set", op_field_set, 0, 0, 0, 1 },
    { "field remove", op_field_remove, 0, 0, 0, 0 },
    { "from template", op_from_template, 0, 0, 0, 1 },
    /* over real HTTP: a fresh client and connection per k */
    { "http task get", op_task, 1, 0, 0, 0 },
    { "http spaces+disc", op_spaces, 1, 1, 0, 0 },
    { "http create", op_create, 1, 0, 0, 1 },
};

/* A GET whose answer can never be stored (every buffer of 16 KiB or more fails, so the
   response body cannot be received) must end in NOMEM, not in three retries and NETWORK. */
static void test_http_body_oom_is_nomem(void **state) {
    fail_alloc fa;
    clickup_allocator al;
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_task *t = (clickup_task *)1;
    clickup_result rc;
    (void)state;
    memset(&fa, 0, sizeof fa);
    al.malloc_fn = fa_malloc; al.realloc_fn = fa_realloc; al.free_fn = fa_free; al.user = &fa;
    clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.team_id = SANDBOX_TEAM_ID;
    cfg.base_url = g_base;
    cfg.allocator = &al;
    cfg.backoff_base_ms = 5;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    fa.fail_big = 16384;
    rc = clickup_task_get(c, SANDBOX_SPECIAL_TASK, NULL, &t);
    assert_null(t);
    print_message("  task get with no memory for the body: %s after %d attempts (%s)\n", clickup_strerror(rc),
                  clickup_last_error(c)->attempts, clickup_last_error(c)->message);
    {
        int attempts = clickup_last_error(c)->attempts;
        clickup_client_destroy(c);
        assert_int_equal(fa.outstanding, 0);
        assert_int_equal(rc, CLICKUP_ERR_NOMEM);
        assert_int_equal(attempts, 1);
    }
}

/* clickup_client_create alone, with every configuration string set (team, CA paths), a
   private limiter and a shared one. Fresh memory is filled with 0xBE, so nothing may rely on
   an allocation being zeroed. */
static void test_client_create(void **state) {
    int shared;
    (void)state;
    for (shared = 0; shared < 2; shared++) {
        unsigned long k;
        for (k = 1;; k++) {
            fail_alloc fa;
            clickup_allocator al;
            clickup_config cfg;
            clickup_client *c = (clickup_client *)1;
            clickup_limiter *lim = NULL;
            clickup_result rc;
            memset(&fa, 0, sizeof fa);
            al.malloc_fn = fa_malloc; al.realloc_fn = fa_realloc; al.free_fn = fa_free; al.user = &fa;
            if (shared) assert_int_equal(clickup_limiter_create(100, 60000, &al, &lim), CLICKUP_OK);
            fa.calls = 0;
            fa.fail_at = k;
            clickup_config_init(&cfg);
            cfg.token = SANDBOX_OAUTH_TOKEN;
            cfg.team_id = SANDBOX_TEAM_ID;
            cfg.base_url = g_base;
            cfg.ca_info = "/nonexistent/ca.pem";
            cfg.ca_path = "/nonexistent";
            cfg.allocator = &al;
            cfg.limiter = lim;
            rc = clickup_client_create(&cfg, &c);
            if (rc) { assert_int_equal(rc, CLICKUP_ERR_NOMEM); assert_null(c); assert_true(fa.injected); }
            else assert_non_null(c);
            clickup_client_destroy(c == (clickup_client *)1 ? NULL : c);
            clickup_limiter_destroy(lim);
            if (fa.outstanding || fa.blocks)
                fail_msg("client_create k=%lu: %lu bytes in %ld blocks leaked", k, (unsigned long)fa.outstanding, fa.blocks);
            if (!fa.injected) {
                assert_int_equal(rc, CLICKUP_OK);
                print_message("  client_create%s: %lu runs\n", shared ? " (shared limiter)" : "", k);
                break;
            }
        }
    }
}

/* clickup_json_parse of a real page of 100 tasks, and the JSON writer. */
static void test_json_parse(void **state) {
    rec *r = NULL;
    char url[256];
    unsigned long k;
    (void)state;
    snprintf(url, sizeof url, "%s/list/2100/task?page=0", g_base);
    r = record("GET", url, NULL, 0);
    assert_int_equal(r->status, 200);
    for (k = 1;; k++) {
        fail_alloc fa;
        clickup_allocator al;
        clickup_json_doc *doc = (clickup_json_doc *)1;
        clickup_json_error je;
        clickup_result rc;
        memset(&fa, 0, sizeof fa);
        fa.fail_at = k;
        al.malloc_fn = fa_malloc; al.realloc_fn = fa_realloc; al.free_fn = fa_free; al.user = &fa;
        rc = clickup_json_parse(r->body, r->len, &al, &doc, &je);
        if (rc == CLICKUP_OK) {
            assert_non_null(doc);
            assert_int_equal(clickup_json_len(clickup_json_get(clickup_json_root(doc), "tasks")), 100);
        } else {
            assert_int_equal(rc, CLICKUP_ERR_NOMEM);
            assert_null(doc);
            assert_true(fa.injected);
        }
        clickup_json_doc_free(doc);
        assert_int_equal(fa.outstanding, 0);
        assert_int_equal(fa.blocks, 0);
        if (!fa.injected) {
            assert_int_equal(rc, CLICKUP_OK);
            print_message("  json_parse: %lu runs (%lu allocations for %lu bytes)\n", k, fa.calls, (unsigned long)r->len);
            break;
        }
    }
    for (k = 1;; k++) {          /* the writer: a 1000-item array of strings */
        fail_alloc fa;
        clickup_allocator al;
        clickup_json_writer w;
        const char *text;
        size_t len, i;
        clickup_result rc;
        memset(&fa, 0, sizeof fa);
        fa.fail_at = k;
        al.malloc_fn = fa_malloc; al.realloc_fn = fa_realloc; al.free_fn = fa_free; al.user = &fa;
        clickup_json_writer_init(&w, &al);
        clickup_jw_array_begin(&w);
        for (i = 0; i < 1000; i++) clickup_jw_string(&w, "a string with \"quotes\" and \xc3\xa9");
        clickup_jw_array_end(&w);
        rc = clickup_json_writer_finish(&w, &text, &len);
        assert_true(rc == CLICKUP_OK || rc == CLICKUP_ERR_NOMEM);
        clickup_json_writer_free(&w);
        assert_int_equal(fa.outstanding, 0);
        if (!fa.injected) { assert_int_equal(rc, CLICKUP_OK); break; }
        assert_int_equal(rc, CLICKUP_ERR_NOMEM);
    }
    {   /* clickup_limiter_create on its own */
        for (k = 1;; k++) {
            fail_alloc fa;
            clickup_allocator al;
            clickup_limiter *l = (clickup_limiter *)1;
            clickup_result rc;
            memset(&fa, 0, sizeof fa);
            fa.fail_at = k;
            al.malloc_fn = fa_malloc; al.realloc_fn = fa_realloc; al.free_fn = fa_free; al.user = &fa;
            rc = clickup_limiter_create(500, 1000, &al, &l);
            if (rc) { assert_int_equal(rc, CLICKUP_ERR_NOMEM); assert_null(l); }
            clickup_limiter_destroy(l);
            assert_int_equal(fa.outstanding, 0);
            if (!fa.injected) { assert_int_equal(rc, CLICKUP_OK); break; }
        }
    }
    free(r->key); free(r->body);
    g_recs = r->next;            /* record() pushed it first */
    free(r);
}

/* Checked last: every NOMEM a sweep saw must be described by clickup_last_error (the
   contract: "Details of the last failure live on the client"). */
static void test_nomem_is_reported_in_last_error(void **state) {
    (void)state;
    if (g_mismatch_len) print_message("NOMEM results not recorded in clickup_last_error:\n%s", g_mismatch);
    assert_int_equal(g_mismatch_len, 0);
}

typedef char cases_are_28[sizeof CASES / sizeof CASES[0] == 28 ? 1 : -1];
#define CASE(i) cmocka_unit_test_prestate(sweep_test, (void *)&CASES[i])
int main(void) {
    const struct CMUnitTest tests[] = {
        CASE(0), CASE(1), CASE(2), CASE(3), CASE(4), CASE(5), CASE(6), CASE(7), CASE(8), CASE(9),
        CASE(10), CASE(11), CASE(12), CASE(13), CASE(14), CASE(15), CASE(16), CASE(17), CASE(18), CASE(19),
        CASE(20), CASE(21), CASE(22), CASE(23), CASE(24), CASE(25), CASE(26), CASE(27),
        cmocka_unit_test(test_json_parse),
        cmocka_unit_test(test_http_body_oom_is_nomem),
        cmocka_unit_test(test_nomem_is_reported_in_last_error),
        cmocka_unit_test(test_client_create),     /* last: its bug crashes the process under ASan */
    };
    return cmocka_run_group_tests_name("alloc", tests, group_setup, group_teardown);
}

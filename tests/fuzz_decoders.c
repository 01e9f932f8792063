/* libFuzzer target: every typed decoder fed arbitrary bytes as a server's answer.

   A transport hook answers every request with the fuzz input as the body (the status comes
   from the first byte: mostly 200, sometimes an error status, so the error-body parser runs
   too), and every read and write operation decodes it. A successful result is walked end to
   end (every string read, every array indexed), so a dangling pointer or a count larger than
   its array shows up under ASan. Results must be NULL on failure, and the result code must be
   one the operation documents for a server's answer.
   Build: make build/fuzz/fuzz_decoders     Run: build/fuzz/fuzz_decoders tests/corpus/fuzz_decoders */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "clickup.h"

/* The Makefile builds fuzz targets with recoverable UBSan: make every report a finding. */
const char *__ubsan_default_options(void);
const char *__ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

#define CHECK(x) do { if (!(x)) { fprintf(stderr, "check failed: %s (line %d)\n", #x, __LINE__); __builtin_trap(); } } while (0)

static const uint8_t *g_body;
static size_t g_len;
static int g_status;
static unsigned long g_requests;

static clickup_transport_status fz_transport(void *user, const clickup_http_request *rq, clickup_http_response *r) {
    (void)user; (void)rq;
    g_requests++;
    memset(r, 0, sizeof *r);
    r->status = g_status;
    r->body = (const char *)g_body;
    r->body_len = g_len;
    return CLICKUP_TRANSPORT_OK;
}
static uint64_t g_clock = 1000000;     /* a fake clock: nothing sleeps for real */
static uint64_t fz_now(void *u) { (void)u; return g_clock++; }
static int64_t fz_wall(void *u) { (void)u; return 1800000000000LL + (int64_t)g_clock; }
static void fz_sleep(void *u, uint64_t ms) { (void)u; g_clock += ms; }

static volatile size_t g_sink;
static void touch(const char *s) { CHECK(s != NULL); g_sink += strlen(s); }
static void touch_opt(const char *s) { if (s) g_sink += strlen(s); }
static void touch_json(const clickup_json *v) {
    if (v) g_sink += (size_t)clickup_json_typeof(v) + clickup_json_len(v);
}
static void touch_user(const clickup_user *u) {
    touch(u->username); touch(u->email); touch(u->color); touch(u->initials); touch(u->profile_picture);
    g_sink += (size_t)u->id + (size_t)u->role;
}
static void touch_status(const clickup_status *s) {
    touch(s->id); touch(s->status); touch(s->color); touch(s->type);
    g_sink += (size_t)s->orderindex.value;
}
static void touch_task(const clickup_task *t, int depth) {
    size_t i, j;
    CHECK(depth < 10);
    touch(t->id); CHECK(t->id[0] != '\0');
    touch_opt(t->custom_id); touch(t->name); touch(t->text_content); touch(t->description);
    touch_opt(t->markdown_description); touch(t->orderindex); touch(t->url); touch(t->team_id);
    touch_opt(t->parent); touch_opt(t->top_level_parent);
    touch_status(&t->status);
    touch_user(&t->creator);
    for (i = 0; i < t->assignee_count; i++) touch_user(&t->assignees[i]);
    for (i = 0; i < t->watcher_count; i++) touch_user(&t->watchers[i]);
    for (i = 0; i < t->tag_count; i++) { touch(t->tags[i].name); touch(t->tags[i].tag_fg); touch(t->tags[i].tag_bg); }
    for (i = 0; i < t->checklist_count; i++) {
        const clickup_checklist *c = &t->checklists[i];
        touch(c->id); touch(c->name);
        for (j = 0; j < c->item_count; j++) { touch(c->items[j].id); touch(c->items[j].name); touch_opt(c->items[j].parent); }
    }
    if (t->priority) { touch(t->priority->id); touch(t->priority->priority); touch(t->priority->color); touch(t->priority->orderindex); }
    for (i = 0; i < t->custom_field_count; i++) {
        touch(t->custom_fields[i].id); touch(t->custom_fields[i].name); touch(t->custom_fields[i].type);
        touch_json(t->custom_fields[i].value);
    }
    touch(t->list.id); touch(t->list.name); touch(t->folder.id); touch(t->space.id);
    for (i = 0; i < t->subtask_count; i++) touch_task(&t->subtasks[i], depth + 1);
    touch_json(t->raw);
}
static void touch_list(const clickup_list *l) {
    size_t i;
    touch(l->id); CHECK(l->id[0] != '\0');
    touch(l->name); touch(l->content); touch(l->status_label); touch(l->status_color); touch(l->priority_label);
    touch(l->folder.id); touch(l->folder.name); touch(l->space.id); touch(l->space.name);
    for (i = 0; i < l->status_count; i++) touch_status(&l->statuses[i]);
}

/* A result code a server's answer may produce (no NOMEM here: inputs are small). */
static void check_rc(clickup_result rc) {
    CHECK(rc == CLICKUP_OK || rc == CLICKUP_ERR_BAD_RESPONSE || rc == CLICKUP_ERR_AUTH || rc == CLICKUP_ERR_NO_ACCESS ||
          rc == CLICKUP_ERR_NOT_FOUND || rc == CLICKUP_ERR_VALIDATION || rc == CLICKUP_ERR_RATE_LIMITED ||
          rc == CLICKUP_ERR_SERVER || rc == CLICKUP_ERR_HTTP || rc == CLICKUP_ERR_OUTCOME_UNKNOWN ||
          rc == CLICKUP_ERR_TOO_LARGE || rc == CLICKUP_ERR_CONFIG);
}

static int page_fn(void *user, const clickup_tasks *page) {
    size_t i;
    (void)user;
    for (i = 0; i < page->count; i++) touch_task(&page->items[i], 0);
    return 0;
}

static void run_op(clickup_client *c, unsigned op) {
    clickup_result rc;
    size_t i, j;
    if (op == 0) {
        clickup_task *t = (clickup_task *)1;
        clickup_task_get_opts o;
        memset(&o, 0, sizeof o);
        o.include_subtasks = 1;
        rc = clickup_task_get(c, "86abc123", &o, &t);
        check_rc(rc);
        CHECK(rc == CLICKUP_OK ? t != NULL : t == NULL);
        if (t) touch_task(t, 0);
        clickup_task_free(t);
    } else if (op == 1) {
        clickup_task_query q;
        clickup_tasks *ts = (clickup_tasks *)1, stats;
        memset(&q, 0, sizeof q);
        q.list_id = "2100";
        q.max_pages = 3;
        q.flags = CLICKUP_NO_CACHE;
        rc = clickup_tasks_get(c, &q, &ts);
        check_rc(rc);
        CHECK(rc == CLICKUP_OK ? ts != NULL : ts == NULL);
        if (ts) {
            CHECK(ts->pages >= 1 && ts->pages <= 3);
            for (i = 0; i < ts->count; i++) touch_task(&ts->items[i], 0);
        }
        clickup_tasks_free(ts);
        q.list_id = NULL;
        q.space_id = "790";
        rc = clickup_tasks_foreach(c, &q, page_fn, NULL, &stats);
        check_rc(rc);
        CHECK(stats.pages <= 3);
    } else if (op == 2) {
        clickup_spaces *s = (clickup_spaces *)1;
        rc = clickup_spaces_get(c, NULL, &s);
        check_rc(rc);
        CHECK(rc == CLICKUP_OK ? s != NULL : s == NULL);
        if (s)
            for (i = 0; i < s->count; i++) {
                touch(s->items[i].id); touch(s->items[i].name); touch(s->items[i].color);
                for (j = 0; j < s->items[i].status_count; j++) touch_status(&s->items[i].statuses[j]);
                touch_json(s->items[i].features.raw);
            }
        clickup_spaces_free(s);
    } else if (op == 3) {
        clickup_teams *t = (clickup_teams *)1;
        clickup_members *m = (clickup_members *)1;
        rc = clickup_teams_get(c, &t);
        check_rc(rc);
        CHECK(rc == CLICKUP_OK ? t != NULL : t == NULL);
        if (t)
            for (i = 0; i < t->count; i++) {
                touch(t->items[i].id); touch(t->items[i].name); touch(t->items[i].color);
                for (j = 0; j < t->items[i].member_count; j++) touch_user(&t->items[i].members[j]);
            }
        clickup_teams_free(t);
        rc = clickup_members_get(c, &m);
        check_rc(rc);
        CHECK(rc == CLICKUP_OK ? m != NULL : m == NULL);
        if (m) for (i = 0; i < m->count; i++) touch_user(&m->items[i]);
        clickup_members_free(m);
    } else if (op == 4) {
        clickup_templates *t = (clickup_templates *)1;
        rc = clickup_templates_get(c, &t);
        check_rc(rc);
        CHECK(rc == CLICKUP_OK ? t != NULL : t == NULL);
        if (t) for (i = 0; i < t->count; i++) { touch(t->items[i].id); touch(t->items[i].name); CHECK(t->items[i].id[0]); }
        clickup_templates_free(t);
    } else if (op == 5) {
        clickup_folders *f = (clickup_folders *)1;
        clickup_lists *l = (clickup_lists *)1;
        clickup_list *one = (clickup_list *)1;
        rc = clickup_folders_get(c, "790", NULL, &f);
        check_rc(rc);
        CHECK(rc == CLICKUP_OK ? f != NULL : f == NULL);
        if (f)
            for (i = 0; i < f->count; i++) {
                touch(f->items[i].id); touch(f->items[i].name); touch(f->items[i].space.id);
                for (j = 0; j < f->items[i].list_count; j++) touch_list(&f->items[i].lists[j]);
            }
        clickup_folders_free(f);
        rc = clickup_lists_get(c, "1100", NULL, NULL, &l);
        check_rc(rc);
        CHECK(rc == CLICKUP_OK ? l != NULL : l == NULL);
        if (l) for (i = 0; i < l->count; i++) touch_list(&l->items[i]);
        clickup_lists_free(l);
        rc = clickup_list_get(c, "2100", &one);
        check_rc(rc);
        CHECK(rc == CLICKUP_OK ? one != NULL : one == NULL);
        if (one) touch_list(one);
        clickup_list_free(one);
    } else {
        clickup_template_task *tt = (clickup_template_task *)1;
        clickup_task_new nt;
        clickup_task_changes ch;
        clickup_task *t = (clickup_task *)1;
        rc = clickup_task_from_template(c, "2101", "t-86b3e001", "x", &tt);
        check_rc(rc);
        CHECK(rc == CLICKUP_OK ? tt != NULL : tt == NULL);
        if (tt) { touch(tt->id); CHECK(tt->id[0] != '\0'); if (tt->task) touch_task(tt->task, 0); }
        clickup_template_task_free(tt);
        memset(&nt, 0, sizeof nt);
        nt.name = "fuzz";
        rc = clickup_task_create(c, "2101", &nt, &t);
        check_rc(rc);
        CHECK(rc == CLICKUP_OK ? t != NULL : t == NULL);
        if (t) touch_task(t, 0);
        clickup_task_free(t);
        memset(&ch, 0, sizeof ch);
        ch.name = "fuzz";
        t = (clickup_task *)1;
        rc = clickup_task_update(c, "86abc123", &ch, &t);
        check_rc(rc);
        CHECK(rc == CLICKUP_OK ? t != NULL : t == NULL);
        if (t) touch_task(t, 0);
        clickup_task_free(t);
        rc = clickup_task_tag_add(c, "86abc123", "x");
        check_rc(rc);
    }
}

/* Byte 0: the answer's status (mostly 200) and whether the workspace id is configured.
   Byte 1: which group of operations decodes the rest:
   0 task get, 1 tasks get + foreach, 2 spaces, 3 teams + members, 4 templates,
   5 folders + lists + list, 6 from-template + create + update + tag add. */
#define OP_GROUPS 7
static int status_for(uint8_t b) {
    static const int st[8] = { 400, 401, 403, 404, 422, 429, 500, 302 };
    return (b & 7) == 7 ? st[(b >> 3) & 7] : 200;   /* 7 in 8 inputs are 200 answers */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    clickup_config cfg;
    clickup_client *c = NULL;
    int with_team;
    if (size < 2) return 0;
    g_status = status_for(data[0]);
    with_team = (data[0] & 0x40) == 0;   /* else: the workspace id is discovered from the input */
    g_body = data + 2;
    g_len = size - 2;
    clickup_config_init(&cfg);
    cfg.token = "pk_fuzz";
    cfg.team_id = with_team ? "9001" : NULL;
    cfg.transport = fz_transport;
    cfg.max_retries = -1;
    cfg.hooks.now_ms = fz_now;
    cfg.hooks.wall_ms = fz_wall;
    cfg.hooks.sleep_ms = fz_sleep;
    cfg.rate_limit = 1000;         /* the clock moves 1 ms per reading: never waits long */
    cfg.rate_window_ms = 1;
    if (clickup_client_create(&cfg, &c) != CLICKUP_OK) __builtin_trap();
    run_op(c, data[1] % OP_GROUPS);
    clickup_client_destroy(c);
    return 0;
}

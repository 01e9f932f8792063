/* Every public operation of clickup.h against the loopback sandbox, over real HTTP.
   Each test asserts both sides: the decoded result (concrete values from the sandbox's data,
   see tests/sandbox.h) and the exact request the sandbox received (method, path, query keys
   and values, Authorization, User-Agent, JSON body fields and their JSON types).
   Also: pagination (request counts, truncation, one page in memory at a time with a counting
   allocator), decoding of ClickUp's inconsistent types (sandbox tasks and hand-written
   fixtures through a transport hook), and a table of task references. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <signal.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include "sandbox.h"
#include <cmocka.h>

/* ==== fixture: one sandbox and one client per test ========================================== */
typedef struct fx {
    sandbox        *sb;
    char            url[96];
    clickup_client *cu;          /* SANDBOX_TOKEN, team 9001, cache off */
} fx;

static clickup_client *mk_client_ex(fx *f, const char *token, const char *team, int cache,
                                    const clickup_allocator *al) {
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_config_init(&cfg);
    cfg.token = token;
    cfg.team_id = team;
    cfg.base_url = f->url;
    cfg.backoff_base_ms = 10;
    cfg.backoff_cap_ms = 20;
    cfg.max_retries = 1;
    cfg.rate_limit = 10000;
    cfg.timeout_ms = 20000;
    cfg.disable_cache = !cache;
    cfg.allocator = al;
    assert_int_equal(clickup_client_create(&cfg, &cu), CLICKUP_OK);
    assert_non_null(cu);
    return cu;
}
static clickup_client *mk_client(fx *f, const char *token, const char *team) {
    return mk_client_ex(f, token, team, 0, NULL);
}

static int start_with(void **state, const sandbox_opts *o) {
    fx *f = (fx *)calloc(1, sizeof *f);
    if (!f) return -1;
    f->sb = sandbox_start(o);
    if (!f->sb) { free(f); return -1; }
    sandbox_base_url(f->sb, f->url, sizeof f->url);
    *state = f;
    f->cu = mk_client(f, SANDBOX_TOKEN, SANDBOX_TEAM_ID);
    return 0;
}
static int setup(void **state) { return start_with(state, NULL); }
static int teardown(void **state) {
    fx *f = (fx *)*state;
    if (!f) return 0;
    clickup_client_destroy(f->cu);
    sandbox_stop(f->sb);
    free(f);
    return 0;
}

/* ==== request helpers ====================================================================== */
static size_t nreq(fx *f) { return sandbox_request_count(f->sb, NULL, NULL); }
static void req_at(fx *f, size_t i, sandbox_request *r) { assert_int_equal(sandbox_request_get(f->sb, i, r), 0); }

/* Method, path, number of query parameters, Authorization value, User-Agent, status. */
static void check_req(const sandbox_request *r, const char *method, const char *path, size_t nparams,
                      const char *auth, int status) {
    assert_string_equal(r->method, method);
    assert_string_equal(r->path, path);
    assert_int_equal(r->param_count, nparams);
    assert_non_null(r->authorization);
    assert_string_equal(r->authorization, auth);
    assert_non_null(r->user_agent);
    assert_true(strncmp(r->user_agent, "clickup.h/" CLICKUP_VERSION_STRING, 10 + strlen(CLICKUP_VERSION_STRING)) == 0);
    assert_int_equal(r->status, status);
}
static void check_q(const sandbox_request *r, const char *key, const char *value) {
    assert_int_equal(sandbox_request_query_count(r, key), 1);
    assert_non_null(sandbox_request_query(r, key, 0));
    assert_string_equal(sandbox_request_query(r, key, 0), value);
}
static void check_q_absent(const sandbox_request *r, const char *key) {
    assert_int_equal(sandbox_request_query_count(r, key), 0);
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
/* The object has exactly these keys (NULL-terminated list), in any order. */
static void check_keys(const clickup_json *o, const char *const *keys) {
    size_t n = 0;
    for (; keys[n]; n++)
        if (!clickup_json_get(o, keys[n])) fail_msg("body lacks key '%s'", keys[n]);
    if (clickup_json_len(o) != n) {
        size_t i;
        for (i = 0; i < clickup_json_len(o); i++) {
            const char *k = NULL;
            size_t j;
            int known = 0;
            (void)clickup_json_member(o, i, &k, NULL);
            for (j = 0; j < n; j++) known |= strcmp(k, keys[j]) == 0;
            if (!known) fail_msg("body has unexpected key '%s'", k);
        }
        fail_msg("body has %u keys, expected %u", (unsigned)clickup_json_len(o), (unsigned)n);
    }
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
static void j_int_array(const clickup_json *a, const int64_t *want, size_t n) {
    size_t i;
    assert_int_equal(clickup_json_typeof(a), CLICKUP_JSON_ARRAY);
    assert_int_equal(clickup_json_len(a), n);
    for (i = 0; i < n; i++) {
        assert_int_equal(clickup_json_typeof(clickup_json_at(a, i)), CLICKUP_JSON_NUMBER);
        assert_int_equal(clickup_json_as_int64(clickup_json_at(a, i), -1), want[i]);
    }
}

static const clickup_custom_field *field_of(const clickup_task *t, const char *id) {
    size_t i;
    for (i = 0; i < t->custom_field_count; i++)
        if (strcmp(t->custom_fields[i].id, id) == 0) return &t->custom_fields[i];
    fail_msg("task %s has no custom field %s", t->id, id);
    return NULL;
}
static int has_tag(const clickup_task *t, const char *name) {
    size_t i;
    for (i = 0; i < t->tag_count; i++)
        if (strcmp(t->tags[i].name, name) == 0) return 1;
    return 0;
}
static int has_assignee(const clickup_task *t, int64_t id) {
    size_t i;
    for (i = 0; i < t->assignee_count; i++)
        if (t->assignees[i].id == id) return 1;
    return 0;
}
static clickup_task *get_task(fx *f, const char *ref, int markdown) {
    clickup_task_get_opts o;
    clickup_task *t = NULL;
    memset(&o, 0, sizeof o);
    o.include_markdown = markdown;
    assert_int_equal(clickup_task_get(f->cu, ref, &o, &t), CLICKUP_OK);
    assert_non_null(t);
    return t;
}

/* ==== the big list's generated data (sandbox.h: list 2100) ================================= */
static const char *big_status(int i) { return i % 10 == 0 ? "complete" : i % 3 == 0 ? "in progress" : "to do"; }
static int big_assignee(int i, int64_t u) { return (u == 183 && i % 2 == 0) || (u == 2772463 && i % 3 == 0); }
static int big_tag(int i, const char *t) {
    return (strcmp(t, "urgent") == 0 && i % 5 == 0) || (strcmp(t, "sop") == 0 && i % 4 == 0);
}
static int64_t big_due(int i) { return i % 7 == 0 ? -1 : 1710000000000LL + (int64_t)i * 86400000LL; }
static int64_t big_updated(int i) { return 1700100000000LL + (int64_t)i * 1000; }
static void big_id(int i, char *buf, size_t n) { snprintf(buf, n, "86a%05u", (unsigned)i % 100000u); }

/* ============================================================================================
   1. Workspaces, members, discovery
   ============================================================================================ */
static void test_teams_get(void **state) {
    fx *f = (fx *)*state;
    clickup_teams *ts = NULL;
    sandbox_request r;
    const clickup_team *t;
    clickup_client *oauth, *multi;

    assert_int_equal(clickup_teams_get(f->cu, &ts), CLICKUP_OK);
    assert_non_null(ts);
    assert_int_equal(ts->count, 1);
    t = &ts->items[0];
    assert_string_equal(t->id, "9001");
    assert_string_equal(t->name, "Ecomlabs Sandbox");
    assert_string_equal(t->color, "#7b68ee");
    assert_int_equal(t->member_count, 3);
    assert_int_equal(t->members[0].id, 183);
    assert_string_equal(t->members[0].username, "Ada Owner");
    assert_int_equal(t->members[0].role, 1);
    assert_string_equal(t->members[0].profile_picture, "");     /* null -> "" */
    assert_int_equal(t->members[1].id, 2772463);
    assert_string_equal(t->members[1].username, "Grace Member");
    assert_string_equal(t->members[1].email, "grace@example.com");
    assert_string_equal(t->members[1].initials, "GM");
    assert_string_equal(t->members[1].profile_picture, "https://example.com/g.png");
    assert_int_equal(t->members[1].role, 3);
    assert_int_equal(t->members[2].id, 5001);
    assert_int_equal(t->members[2].role, 4);
    assert_string_equal(t->members[2].color, "");
    assert_non_null(ts->raw);
    clickup_teams_free(ts);
    assert_int_equal(nreq(f), 1);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/team", 0, "pk_sandbox_token", 200);
    assert_string_equal(r.query, "");
    assert_int_equal(r.body_len, 0);

    /* An OAuth token goes as "Bearer ..." */
    oauth = mk_client(f, SANDBOX_OAUTH_TOKEN, NULL);
    assert_int_equal(clickup_teams_get(oauth, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 1);
    assert_string_equal(ts->items[0].id, "9001");
    clickup_teams_free(ts);
    req_at(f, 1, &r);
    check_req(&r, "GET", "/api/v2/team", 0, "Bearer oauth_sandbox_token", 200);
    clickup_client_destroy(oauth);

    /* The multi-team token sees both workspaces. */
    multi = mk_client(f, SANDBOX_MULTI_TOKEN, NULL);
    assert_int_equal(clickup_teams_get(multi, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 2);
    assert_string_equal(ts->items[0].id, "9001");
    assert_string_equal(ts->items[1].id, "9002");
    assert_string_equal(ts->items[1].name, "Second Agency");
    assert_int_equal(ts->items[1].member_count, 1);
    assert_int_equal(ts->items[1].members[0].id, 7001);
    clickup_teams_free(ts);
    req_at(f, 2, &r);
    check_req(&r, "GET", "/api/v2/team", 0, "pk_multi_team", 200);
    clickup_client_destroy(multi);

    /* An unknown token: AUTH with ClickUp's ECODE. */
    multi = mk_client(f, "pk_not_a_real_token", NULL);
    ts = (clickup_teams *)1;
    assert_int_equal(clickup_teams_get(multi, &ts), CLICKUP_ERR_AUTH);
    assert_null(ts);
    assert_int_equal(clickup_last_error(multi)->http_status, 401);
    assert_string_equal(clickup_last_error(multi)->ecode, "OAUTH_025");
    assert_null(strstr(clickup_last_error(multi)->message, "pk_not_a_real_token"));
    clickup_client_destroy(multi);
    assert_int_equal(nreq(f), 4);
}

static void test_members_get(void **state) {
    fx *f = (fx *)*state;
    clickup_members *m = NULL;
    sandbox_request r;
    clickup_client *c;

    assert_int_equal(clickup_members_get(f->cu, &m), CLICKUP_OK);
    assert_int_equal(m->count, 3);
    assert_int_equal(m->items[0].id, 183);
    assert_string_equal(m->items[0].username, "Ada Owner");
    assert_int_equal(m->items[0].role, 1);
    assert_int_equal(m->items[1].id, 2772463);
    assert_string_equal(m->items[1].username, "Grace Member");
    assert_int_equal(m->items[1].role, 3);
    assert_int_equal(m->items[2].id, 5001);
    assert_string_equal(m->items[2].username, "Guest Gus");
    assert_int_equal(m->items[2].role, 4);
    assert_string_equal(clickup_json_as_string(clickup_json_get(m->raw, "id"), "", NULL), "9001");
    clickup_members_free(m);
    assert_int_equal(nreq(f), 1);     /* team configured: one GET /team */
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/team", 0, "pk_sandbox_token", 200);

    /* pk_multi_team with team 9002: that workspace's member. */
    c = mk_client(f, SANDBOX_MULTI_TOKEN, SANDBOX_TEAM2_ID);
    assert_int_equal(clickup_members_get(c, &m), CLICKUP_OK);
    assert_int_equal(m->count, 1);
    assert_int_equal(m->items[0].id, 7001);
    assert_string_equal(m->items[0].username, "Olu Agency");
    assert_int_equal(m->items[0].role, 1);
    clickup_members_free(m);
    /* ... and a team it does not see: NOT_FOUND after one GET /team. */
    clickup_client_destroy(c);
    c = mk_client(f, SANDBOX_MULTI_TOKEN, "9003");
    sandbox_log_reset(f->sb);
    m = (clickup_members *)1;
    assert_int_equal(clickup_members_get(c, &m), CLICKUP_ERR_NOT_FOUND);
    assert_null(m);
    assert_non_null(strstr(clickup_last_error(c)->message, "9003"));
    assert_int_equal(nreq(f), 1);
    clickup_client_destroy(c);

    /* The default token configured with team 9002, which it cannot see: NOT_FOUND. */
    c = mk_client(f, SANDBOX_TOKEN, SANDBOX_TEAM2_ID);
    assert_int_equal(clickup_members_get(c, &m), CLICKUP_ERR_NOT_FOUND);
    assert_null(m);
    clickup_client_destroy(c);
    assert_int_equal(nreq(f), 2);
}

/* members_get says "Cache: read (spaces TTL)": with the cache on, a second call must not go to
   the network again. */
static void test_members_get_is_cached(void **state) {
    fx *f = (fx *)*state;
    clickup_members *m = NULL;
    clickup_teams *ts = NULL;
    clickup_client *c = mk_client_ex(f, SANDBOX_TOKEN, SANDBOX_TEAM_ID, 1, NULL);
    /* control: teams_get is cached */
    assert_int_equal(clickup_teams_get(c, &ts), CLICKUP_OK);
    clickup_teams_free(ts);
    assert_int_equal(clickup_teams_get(c, &ts), CLICKUP_OK);
    clickup_teams_free(ts);
    assert_int_equal(nreq(f), 1);
    clickup_cache_clear(c);
    sandbox_log_reset(f->sb);
    assert_int_equal(clickup_members_get(c, &m), CLICKUP_OK);
    assert_int_equal(m->count, 3);
    clickup_members_free(m);
    assert_int_equal(clickup_members_get(c, &m), CLICKUP_OK);
    assert_int_equal(m->count, 3);
    clickup_members_free(m);
    clickup_client_destroy(c);
    assert_int_equal(nreq(f), 1);
}

static void test_team_discovery(void **state) {
    fx *f = (fx *)*state;
    clickup_client *c = mk_client(f, SANDBOX_TOKEN, NULL);
    clickup_spaces *sp = NULL;
    clickup_templates *tpl = NULL;
    const char *team = NULL;
    sandbox_request r;

    /* One workspace: everything works without team_id; GET /team is sent once. */
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
    assert_int_equal(sp->count, 2);
    clickup_spaces_free(sp);
    assert_int_equal(nreq(f), 2);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/team", 0, "pk_sandbox_token", 200);
    req_at(f, 1, &r);
    check_req(&r, "GET", "/api/v2/team/9001/space", 0, "pk_sandbox_token", 200);
    assert_int_equal(clickup_client_team_id(c, &team), CLICKUP_OK);
    assert_string_equal(team, "9001");
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_OK);
    clickup_spaces_free(sp);
    assert_int_equal(nreq(f), 3);
    req_at(f, 2, &r);
    assert_string_equal(r.path, "/api/v2/team/9001/space");
    clickup_client_destroy(c);

    /* Two workspaces and none configured: CONFIG naming both, and nothing but GET /team. */
    sandbox_log_reset(f->sb);
    c = mk_client(f, SANDBOX_MULTI_TOKEN, NULL);
    sp = (clickup_spaces *)1;
    assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_ERR_CONFIG);
    assert_null(sp);
    assert_int_equal(clickup_last_error(c)->code, CLICKUP_ERR_CONFIG);
    assert_non_null(strstr(clickup_last_error(c)->message, "9001 (Ecomlabs Sandbox)"));
    assert_non_null(strstr(clickup_last_error(c)->message, "9002 (Second Agency)"));
    assert_int_equal(clickup_client_team_id(c, &team), CLICKUP_ERR_CONFIG);
    assert_int_equal(clickup_templates_get(c, &tpl), CLICKUP_ERR_CONFIG);
    assert_null(tpl);
    assert_int_equal(nreq(f), 3);
    assert_int_equal(sandbox_request_count(f->sb, "GET", "/api/v2/team/"), 0);
    clickup_client_destroy(c);
}

/* ============================================================================================
   2. Spaces, folders, lists
   ============================================================================================ */
static void check_statuses_a(const clickup_status *s, size_t n) {
    assert_int_equal(n, 4);
    assert_string_equal(s[0].status, "to do");      assert_string_equal(s[0].type, "open");
    assert_string_equal(s[0].id, "p790_s1");        assert_int_equal(s[0].orderindex.value, 0);
    assert_int_equal(s[0].orderindex.present, 1);
    assert_string_equal(s[1].status, "in progress"); assert_string_equal(s[1].type, "custom");
    assert_string_equal(s[2].status, "review");     assert_string_equal(s[2].type, "custom");
    assert_string_equal(s[3].status, "complete");   assert_string_equal(s[3].type, "closed");
    assert_string_equal(s[3].color, "#6bc950");     assert_int_equal(s[3].orderindex.value, 3);
}

static void test_spaces_get(void **state) {
    fx *f = (fx *)*state;
    clickup_spaces *sp = NULL;
    clickup_spaces_opts o;
    sandbox_request r;
    const clickup_space *a, *b;

    assert_int_equal(clickup_spaces_get(f->cu, NULL, &sp), CLICKUP_OK);
    assert_int_equal(sp->count, 2);
    a = &sp->items[0]; b = &sp->items[1];
    assert_string_equal(a->id, "790");
    assert_string_equal(a->name, "Client A");
    assert_string_equal(a->color, "#0000ff");
    assert_int_equal(a->is_private, 0);
    assert_int_equal(a->multiple_assignees, 1);
    assert_int_equal(a->archived, 0);
    check_statuses_a(a->statuses, a->status_count);
    assert_string_equal(b->id, "791");
    assert_string_equal(b->name, "Private Ops");
    assert_int_equal(b->is_private, 1);
    assert_int_equal(b->multiple_assignees, 0);
    assert_string_equal(b->color, "");               /* null */
    assert_int_equal(b->status_count, 4);
    assert_string_equal(b->statuses[2].status, "done");
    assert_string_equal(b->statuses[2].type, "done");
    assert_int_equal(b->features.due_dates, 1);
    assert_int_equal(b->features.time_tracking, 0);
    assert_int_equal(b->features.tags, 1);
    assert_int_equal(b->features.time_estimates, 1);
    assert_int_equal(b->features.checklists, 1);
    assert_int_equal(b->features.custom_fields, 1);
    assert_int_equal(clickup_json_as_bool(clickup_json_get(clickup_json_get(b->features.raw, "sprints"), "enabled"), -1), 0);
    assert_int_equal(clickup_json_len(clickup_json_get(b->raw, "members")), 2);   /* private: members (no guests) */
    clickup_spaces_free(sp);
    assert_int_equal(nreq(f), 1);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/team/9001/space", 0, "pk_sandbox_token", 200);

    memset(&o, 0, sizeof o);
    o.archived = 1;
    assert_int_equal(clickup_spaces_get(f->cu, &o, &sp), CLICKUP_OK);
    assert_int_equal(sp->count, 1);
    assert_string_equal(sp->items[0].id, "792");
    assert_string_equal(sp->items[0].name, "Old Brand");
    assert_int_equal(sp->items[0].archived, 1);
    clickup_spaces_free(sp);
    req_at(f, 1, &r);
    check_req(&r, "GET", "/api/v2/team/9001/space", 1, "pk_sandbox_token", 200);
    check_q(&r, "archived", "true");

    /* A workspace the token cannot see: ClickUp's 401 OAUTH_023 is NO_ACCESS, not AUTH. */
    {
        clickup_client *c = mk_client(f, SANDBOX_TOKEN, SANDBOX_TEAM2_ID);
        sp = (clickup_spaces *)1;
        assert_int_equal(clickup_spaces_get(c, NULL, &sp), CLICKUP_ERR_NO_ACCESS);
        assert_null(sp);
        assert_int_equal(clickup_last_error(c)->http_status, 401);
        assert_string_equal(clickup_last_error(c)->ecode, "OAUTH_023");
        assert_string_equal(clickup_last_error(c)->path, "/team/9002/space");
        clickup_client_destroy(c);
        req_at(f, 2, &r);
        check_req(&r, "GET", "/api/v2/team/9002/space", 0, "pk_sandbox_token", 401);
        assert_int_equal(nreq(f), 3);                           /* a 401 is not retried */
    }
}

static void test_folders_get(void **state) {
    fx *f = (fx *)*state;
    clickup_folders *fo = NULL;
    clickup_hierarchy_opts o;
    sandbox_request r;
    const clickup_folder *x;

    assert_int_equal(clickup_folders_get(f->cu, "790", NULL, &fo), CLICKUP_OK);
    assert_int_equal(fo->count, 1);
    x = &fo->items[0];
    assert_string_equal(x->id, "1100");
    assert_string_equal(x->name, "Onboarding");
    assert_int_equal(x->orderindex.value, 0);
    assert_int_equal(x->task_count.present, 1);
    assert_int_equal(x->task_count.value, 253);       /* "253": 250 + 3, a string */
    assert_int_equal(x->hidden, 0);
    assert_string_equal(x->space.id, "790");
    assert_string_equal(x->space.name, "Client A");
    assert_int_equal(x->list_count, 2);
    assert_string_equal(x->lists[0].id, "2100");
    assert_string_equal(x->lists[0].name, "Big List");
    assert_int_equal(x->lists[0].task_count.value, 250);      /* a number */
    assert_string_equal(x->lists[1].id, "2101");
    assert_int_equal(x->lists[1].task_count.value, 3);        /* a string */
    assert_string_equal(x->lists[1].folder.id, "1100");
    clickup_folders_free(fo);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/space/790/folder", 0, "pk_sandbox_token", 200);

    memset(&o, 0, sizeof o);
    o.archived = 1;
    assert_int_equal(clickup_folders_get(f->cu, "790", &o, &fo), CLICKUP_OK);
    assert_int_equal(fo->count, 0);
    clickup_folders_free(fo);
    req_at(f, 1, &r);
    check_req(&r, "GET", "/api/v2/space/790/folder", 1, "pk_sandbox_token", 200);
    check_q(&r, "archived", "true");

    /* Unknown space: ClickUp's misleading 401 OAUTH_027 -> NO_ACCESS. */
    assert_int_equal(clickup_folders_get(f->cu, "999", NULL, &fo), CLICKUP_ERR_NO_ACCESS);
    assert_string_equal(clickup_last_error(f->cu)->ecode, "OAUTH_027");
    /* Bad ids: nothing sent. */
    assert_int_equal(clickup_folders_get(f->cu, "79/0", NULL, &fo), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_folders_get(f->cu, "", NULL, &fo), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_folders_get(f->cu, NULL, NULL, &fo), CLICKUP_ERR_INVALID_ARG);
    assert_null(fo);
    assert_int_equal(nreq(f), 3);
}

static void test_lists_get(void **state) {
    fx *f = (fx *)*state;
    clickup_lists *ls = NULL;
    clickup_hierarchy_opts o;
    sandbox_request r;
    const clickup_list *l;

    assert_int_equal(clickup_lists_get(f->cu, "1100", NULL, NULL, &ls), CLICKUP_OK);
    assert_int_equal(ls->count, 2);
    assert_string_equal(ls->items[0].id, "2100");
    assert_string_equal(ls->items[0].content, "Every client deliverable.");
    assert_string_equal(ls->items[0].status_label, "");       /* null label */
    assert_int_equal(ls->items[0].due_date.present, 0);
    l = &ls->items[1];
    assert_string_equal(l->id, "2101");
    assert_string_equal(l->name, "Small List");
    assert_int_equal(l->orderindex.value, 1);
    assert_string_equal(l->status_label, "green");
    assert_string_equal(l->status_color, "#00ff00");
    assert_string_equal(l->priority_label, "high");
    assert_int_equal(l->due_date.present, 1);
    assert_int_equal(l->due_date.value, 1711929600000LL);
    assert_string_equal(l->folder.id, "1100");
    assert_string_equal(l->folder.name, "Onboarding");
    assert_string_equal(l->space.id, "790");
    assert_string_equal(l->space.name, "Client A");
    assert_int_equal(l->status_count, 0);                     /* only list_get has statuses */
    clickup_lists_free(ls);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/folder/1100/list", 0, "pk_sandbox_token", 200);

    /* Folderless lists of a space. */
    assert_int_equal(clickup_lists_get(f->cu, NULL, "790", NULL, &ls), CLICKUP_OK);
    assert_int_equal(ls->count, 1);
    assert_string_equal(ls->items[0].id, "2200");
    assert_string_equal(ls->items[0].name, "Inbox");
    assert_int_equal(ls->items[0].task_count.value, 2);       /* "2" */
    assert_string_equal(ls->items[0].folder.id, "1190");      /* the hidden placeholder */
    assert_string_equal(ls->items[0].folder.name, "hidden");
    clickup_lists_free(ls);
    req_at(f, 1, &r);
    check_req(&r, "GET", "/api/v2/space/790/list", 0, "pk_sandbox_token", 200);

    memset(&o, 0, sizeof o);
    o.archived = 1;
    assert_int_equal(clickup_lists_get(f->cu, NULL, "790", &o, &ls), CLICKUP_OK);
    assert_int_equal(ls->count, 0);
    clickup_lists_free(ls);
    req_at(f, 2, &r);
    check_req(&r, "GET", "/api/v2/space/790/list", 1, "pk_sandbox_token", 200);
    check_q(&r, "archived", "true");

    /* Exactly one of the two ids: refused locally. */
    assert_int_equal(clickup_lists_get(f->cu, "1100", "790", NULL, &ls), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_lists_get(f->cu, NULL, NULL, NULL, &ls), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_lists_get(f->cu, "11 00", NULL, NULL, &ls), CLICKUP_ERR_INVALID_ARG);
    assert_null(ls);
    assert_int_equal(nreq(f), 3);
}

static void test_list_get(void **state) {
    fx *f = (fx *)*state;
    clickup_list *l = NULL;
    sandbox_request r;

    assert_int_equal(clickup_list_get(f->cu, "2101", &l), CLICKUP_OK);
    assert_string_equal(l->id, "2101");
    assert_string_equal(l->name, "Small List");
    assert_string_equal(l->content, "Onboarding SOPs.");
    assert_int_equal(l->task_count.value, 3);
    check_statuses_a(l->statuses, l->status_count);
    assert_string_equal(clickup_json_as_string(clickup_json_get(l->raw, "inbound_address"), "", NULL),
                        "a.t.2101.sandbox@tasks.clickup.com");
    clickup_list_free(l);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/list/2101", 0, "pk_sandbox_token", 200);

    assert_int_equal(clickup_list_get(f->cu, "2102", &l), CLICKUP_OK);
    assert_int_equal(l->task_count.present, 0);                /* null */
    assert_int_equal(l->status_count, 4);
    assert_string_equal(l->statuses[0].status, "open");
    assert_string_equal(l->statuses[1].status, "in review");
    assert_string_equal(l->statuses[3].type, "closed");
    assert_string_equal(l->space.id, "791");
    clickup_list_free(l);

    assert_int_equal(clickup_list_get(f->cu, "9999", &l), CLICKUP_ERR_NOT_FOUND);
    assert_null(l);
    assert_int_equal(clickup_last_error(f->cu)->http_status, 404);
    assert_string_equal(clickup_last_error(f->cu)->ecode, "ITEM_017");
    assert_string_equal(clickup_last_error(f->cu)->api_message, "List not found");
    assert_int_equal(nreq(f), 3);
}

/* ============================================================================================
   3. One task
   ============================================================================================ */
static void check_special_task(const clickup_task *t) {
    const clickup_custom_field *cf;
    const clickup_checklist *cl;
    assert_string_equal(t->id, "86abc123");
    assert_non_null(t->custom_id);
    assert_string_equal(t->custom_id, "OPS-42");
    assert_string_equal(t->name, "Onboard {{client_name}} to Slack");
    assert_true(strncmp(t->description, "Onboarding\nInvite {{client_name}}", 33) == 0);
    assert_string_equal(t->text_content, t->description);
    assert_string_equal(t->status.status, "in progress");
    assert_string_equal(t->status.type, "custom");
    assert_int_equal(t->status.orderindex.value, 1);
    assert_string_equal(t->orderindex, "1.00000000000000000000000000000000");
    assert_string_equal(t->url, "https://app.clickup.com/t/86abc123");
    assert_string_equal(t->team_id, "9001");
    assert_null(t->parent);
    assert_null(t->top_level_parent);
    assert_int_equal(t->date_created.value, 1695000000000LL);
    assert_int_equal(t->date_updated.value, 1695000500000LL);
    assert_int_equal(t->date_closed.present, 0);
    assert_int_equal(t->date_done.present, 0);
    assert_int_equal(t->due_date.present, 0);
    assert_int_equal(t->start_date.present, 0);
    assert_int_equal(t->time_estimate.present, 1);
    assert_int_equal(t->time_estimate.value, 8640000);         /* "8640000" */
    assert_int_equal(t->time_spent.present, 1);
    assert_int_equal(t->time_spent.value, 2040000);            /* "2040000" */
    assert_null(t->priority);
    assert_int_equal(t->archived, 0);
    assert_int_equal(t->creator.id, 183);
    assert_string_equal(t->creator.username, "Ada Owner");
    assert_int_equal(t->assignee_count, 1);
    assert_int_equal(t->assignees[0].id, 183);
    assert_string_equal(t->assignees[0].initials, "AO");
    assert_int_equal(t->watcher_count, 1);
    assert_int_equal(t->watchers[0].id, 183);
    assert_int_equal(t->tag_count, 1);
    assert_string_equal(t->tags[0].name, "sop");
    assert_string_equal(t->tags[0].tag_fg, "#fff");
    assert_string_equal(t->tags[0].tag_bg, "#000");
    assert_int_equal(t->tags[0].creator, 183);
    /* checklists */
    assert_int_equal(t->checklist_count, 2);
    cl = &t->checklists[0];
    assert_string_equal(cl->id, "c1a00001-0000-4000-8000-000000000001");
    assert_string_equal(cl->name, "Before kickoff");
    assert_int_equal(cl->orderindex.value, 0);
    assert_int_equal(cl->item_count, 2);
    assert_string_equal(cl->items[0].name, "Create the Slack channel");
    assert_int_equal(cl->items[0].resolved, 1);
    assert_null(cl->items[0].parent);
    assert_string_equal(cl->items[1].name, "Invite {{client_name}}");
    assert_int_equal(cl->items[1].resolved, 0);
    assert_int_equal(cl->items[1].orderindex.value, 1);
    cl = &t->checklists[1];
    assert_string_equal(cl->name, "After kickoff");
    assert_int_equal(cl->orderindex.value, 1);
    assert_int_equal(cl->item_count, 2);
    assert_string_equal(cl->items[1].name, "Pin the SOP");
    assert_non_null(cl->items[1].parent);
    assert_string_equal(cl->items[1].parent, "c1100003-0000-4000-8000-000000000003");
    /* custom fields */
    assert_int_equal(t->custom_field_count, 5);
    cf = field_of(t, SANDBOX_FIELD_DROPDOWN);
    assert_string_equal(cf->name, "Client Tier");
    assert_string_equal(cf->type, "drop_down");
    assert_int_equal(clickup_json_typeof(cf->value), CLICKUP_JSON_NUMBER);
    assert_string_equal(clickup_json_number_text(cf->value), "2");
    assert_int_equal(clickup_json_as_int64(cf->value, -1), 2);
    cf = field_of(t, SANDBOX_FIELD_TEXT);
    assert_string_equal(cf->type, "short_text");
    assert_string_equal(clickup_json_as_string(cf->value, "", NULL), "hello");
    cf = field_of(t, SANDBOX_FIELD_NUMBER);
    assert_string_equal(cf->name, "Seats");
    assert_int_equal(clickup_json_typeof(cf->value), CLICKUP_JSON_STRING);
    assert_string_equal(clickup_json_as_string(cf->value, "", NULL), "8");
    cf = field_of(t, SANDBOX_FIELD_LABELS);
    assert_string_equal(cf->type, "labels");
    assert_null(cf->value);                                     /* no "value" key */
    assert_non_null(cf->raw);
    cf = field_of(t, SANDBOX_FIELD_USERS);
    assert_int_equal(clickup_json_typeof(cf->value), CLICKUP_JSON_ARRAY);
    assert_int_equal(clickup_json_len(cf->value), 2);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_at(cf->value, 0), "id"), 0), 183);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_at(cf->value, 1), "id"), 0), 2772463);
    /* where it lives */
    assert_string_equal(t->list.id, "2101");
    assert_string_equal(t->list.name, "Small List");
    assert_string_equal(t->folder.id, "1100");
    assert_string_equal(t->folder.name, "Onboarding");
    assert_string_equal(t->space.id, "790");
    assert_string_equal(t->space.name, "");
}

static void test_task_get_special(void **state) {
    fx *f = (fx *)*state;
    clickup_task *t = NULL;
    clickup_task_get_opts o;
    sandbox_request r;
    const clickup_task *s;

    assert_int_equal(clickup_task_get(f->cu, "86abc123", NULL, &t), CLICKUP_OK);
    check_special_task(t);
    assert_null(t->markdown_description);
    assert_int_equal(t->subtask_count, 0);
    clickup_task_free(t);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/task/86abc123", 0, "pk_sandbox_token", 200);
    assert_int_equal(r.body_len, 0);

    memset(&o, 0, sizeof o);
    o.include_markdown = 1;
    assert_int_equal(clickup_task_get(f->cu, "86abc123", &o, &t), CLICKUP_OK);
    check_special_task(t);
    assert_non_null(t->markdown_description);
    assert_string_equal(t->markdown_description,
                        "# Onboarding\n\nInvite **{{client_name}}** to the shared Slack channel and post the "
                        "welcome message.\n\nSee [link](https://example.com) for the checklist.");
    clickup_task_free(t);
    req_at(f, 1, &r);
    check_req(&r, "GET", "/api/v2/task/86abc123", 1, "pk_sandbox_token", 200);
    check_q(&r, "include_markdown_description", "true");

    memset(&o, 0, sizeof o);
    o.include_subtasks = 1;
    assert_int_equal(clickup_task_get(f->cu, "86abc123", &o, &t), CLICKUP_OK);
    assert_null(t->markdown_description);
    assert_int_equal(t->subtask_count, 1);
    s = &t->subtasks[0];
    assert_string_equal(s->id, "86abc124");
    assert_string_equal(s->custom_id, "OPS-43");
    assert_string_equal(s->name, "Create the Slack channel");
    assert_int_equal(s->time_spent.present, 1);                /* 0 as a number */
    assert_int_equal(s->time_spent.value, 0);
    assert_int_equal(s->time_estimate.present, 0);             /* null */
    assert_string_equal(s->orderindex, "1.5");                 /* a float number, kept as text */
    assert_null(s->priority);
    assert_int_equal(s->due_date.present, 0);
    assert_string_equal(s->parent, "86abc123");
    assert_string_equal(s->top_level_parent, "86abc123");
    assert_int_equal(s->assignee_count, 1);
    assert_int_equal(s->assignees[0].id, 2772463);
    assert_int_equal(s->custom_field_count, 5);
    assert_null(field_of(s, SANDBOX_FIELD_DROPDOWN)->value);
    clickup_task_free(t);
    req_at(f, 2, &r);
    check_req(&r, "GET", "/api/v2/task/86abc123", 1, "pk_sandbox_token", 200);
    check_q(&r, "include_subtasks", "true");

    /* Both flags together. */
    o.include_markdown = 1;
    assert_int_equal(clickup_task_get(f->cu, "86abc123", &o, &t), CLICKUP_OK);
    assert_int_equal(t->subtask_count, 1);
    assert_non_null(t->markdown_description);
    clickup_task_free(t);
    req_at(f, 3, &r);
    check_req(&r, "GET", "/api/v2/task/86abc123", 2, "pk_sandbox_token", 200);
    check_q(&r, "include_subtasks", "true");
    check_q(&r, "include_markdown_description", "true");

    /* A closed task: date_closed and date_done present. */
    assert_int_equal(clickup_task_get(f->cu, "86abc125", NULL, &t), CLICKUP_OK);
    assert_string_equal(t->status.status, "complete");
    assert_string_equal(t->status.type, "closed");
    assert_int_equal(t->date_closed.present, 1);
    assert_int_equal(t->date_closed.value, 1695000700000LL);
    assert_int_equal(t->date_done.value, 1695000700000LL);
    assert_string_equal(t->orderindex, "2.00000000000000000000000000000000");
    clickup_task_free(t);

    /* A task with a priority, and one with dates. */
    assert_int_equal(clickup_task_get(f->cu, "86b00001", NULL, &t), CLICKUP_OK);
    assert_non_null(t->priority);
    assert_string_equal(t->priority->priority, "high");
    assert_string_equal(t->priority->id, "2");
    assert_string_equal(t->priority->orderindex, "2");
    assert_string_equal(t->priority->color, "#ffcc00");
    assert_string_equal(t->list.id, "2102");
    assert_string_equal(t->folder.id, "1101");
    assert_string_equal(t->space.id, "791");
    clickup_task_free(t);
    assert_int_equal(clickup_task_get(f->cu, "86c00001", NULL, &t), CLICKUP_OK);
    assert_int_equal(t->start_date.value, 1712000000000LL);
    assert_int_equal(t->due_date.value, 1712086400000LL);
    assert_int_equal(t->due_date.present, 1);
    assert_int_equal(t->time_estimate.present, 0);
    assert_int_equal(t->time_spent.present, 1);
    assert_int_equal(t->time_spent.value, 0);
    assert_string_equal(t->folder.id, "1190");                 /* folderless: hidden folder */
    clickup_task_free(t);

    /* Unknown task: 404 ITEM_013. */
    assert_int_equal(clickup_task_get(f->cu, "zz99zz", NULL, &t), CLICKUP_ERR_NOT_FOUND);
    assert_null(t);
    assert_string_equal(clickup_last_error(f->cu)->ecode, "ITEM_013");
    assert_int_equal(nreq(f), 8);
}

static void test_task_get_references(void **state) {
    fx *f = (fx *)*state;
    static const char *const native_forms[] = {
        "86abc123", "https://app.clickup.com/t/86abc123", "#86abc123", "CU-86abc123", "  86abc123\n",
        "https://app.clickup.com/t/86abc123/?comment=1#x",
    };
    clickup_task *t = NULL;
    clickup_task_get_opts o;
    sandbox_request r;
    clickup_client *c;
    size_t i;

    for (i = 0; i < sizeof native_forms / sizeof native_forms[0]; i++) {
        sandbox_log_reset(f->sb);
        assert_int_equal(clickup_task_get(f->cu, native_forms[i], NULL, &t), CLICKUP_OK);
        assert_string_equal(t->id, "86abc123");
        clickup_task_free(t);
        assert_int_equal(nreq(f), 1);
        req_at(f, 0, &r);
        check_req(&r, "GET", "/api/v2/task/86abc123", 0, "pk_sandbox_token", 200);
    }

    /* A custom id is detected: custom_task_ids=true&team_id=<configured team>. */
    sandbox_log_reset(f->sb);
    assert_int_equal(clickup_task_get(f->cu, "DEV-7", NULL, &t), CLICKUP_OK);
    assert_string_equal(t->id, "86a00007");
    assert_string_equal(t->custom_id, "DEV-7");
    assert_string_equal(t->name, "Deliverable 7");
    assert_int_equal(t->due_date.present, 0);                  /* 7 % 7 == 0: no due date */
    clickup_task_free(t);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/task/DEV-7", 2, "pk_sandbox_token", 200);
    check_q(&r, "custom_task_ids", "true");
    check_q(&r, "team_id", "9001");
    assert_string_equal(r.query, "custom_task_ids=true&team_id=9001");

    /* The workspace-qualified URL gives the team, even without one configured (no GET /team). */
    c = mk_client(f, SANDBOX_TOKEN, NULL);
    sandbox_log_reset(f->sb);
    assert_int_equal(clickup_task_get(c, "https://app.clickup.com/t/9001/OPS-42", NULL, &t), CLICKUP_OK);
    assert_string_equal(t->id, "86abc123");
    check_special_task(t);
    clickup_task_free(t);
    assert_int_equal(nreq(f), 1);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/task/OPS-42", 2, "pk_sandbox_token", 200);
    check_q(&r, "custom_task_ids", "true");
    check_q(&r, "team_id", "9001");

    /* A bare custom id without a configured team: discovered through GET /team first. */
    sandbox_log_reset(f->sb);
    memset(&o, 0, sizeof o);
    o.include_subtasks = 1;
    assert_int_equal(clickup_task_get(c, "ops-42", &o, &t), CLICKUP_OK);     /* case-insensitive */
    assert_string_equal(t->id, "86abc123");
    assert_int_equal(t->subtask_count, 1);
    clickup_task_free(t);
    assert_int_equal(nreq(f), 2);
    req_at(f, 0, &r);
    assert_string_equal(r.path, "/api/v2/team");
    req_at(f, 1, &r);
    check_req(&r, "GET", "/api/v2/task/ops-42", 3, "pk_sandbox_token", 200);
    check_q(&r, "custom_task_ids", "true");
    check_q(&r, "team_id", "9001");
    check_q(&r, "include_subtasks", "true");
    clickup_client_destroy(c);

    /* custom_id = NO sends the id as native: ClickUp's misleading 401 OAUTH_023 -> NO_ACCESS. */
    sandbox_log_reset(f->sb);
    memset(&o, 0, sizeof o);
    o.custom_id = CLICKUP_NO;
    assert_int_equal(clickup_task_get(f->cu, "DEV-7", &o, &t), CLICKUP_ERR_NO_ACCESS);
    assert_null(t);
    assert_string_equal(clickup_last_error(f->cu)->ecode, "OAUTH_023");
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/task/DEV-7", 0, "pk_sandbox_token", 401);

    /* opts.team_id overrides the client's team; team 9002 through the multi-team token. */
    c = mk_client(f, SANDBOX_MULTI_TOKEN, SANDBOX_TEAM_ID);
    memset(&o, 0, sizeof o);
    o.team_id = SANDBOX_TEAM2_ID;
    sandbox_log_reset(f->sb);
    assert_int_equal(clickup_task_get(c, "AG-1", &o, &t), CLICKUP_OK);
    assert_string_equal(t->id, "86d00001");
    assert_string_equal(t->team_id, "9002");
    assert_int_equal(t->creator.id, 7001);
    clickup_task_free(t);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/task/AG-1", 2, "pk_multi_team", 200);
    check_q(&r, "team_id", "9002");
    clickup_client_destroy(c);

    /* Bad references: refused, nothing sent. */
    sandbox_log_reset(f->sb);
    assert_int_equal(clickup_task_get(f->cu, "https://evil.com/t/86abc123", NULL, &t), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_get(f->cu, "../team/1", NULL, &t), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_get(f->cu, "", NULL, &t), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_get(f->cu, NULL, NULL, &t), CLICKUP_ERR_INVALID_ARG);
    assert_non_null(strstr(clickup_last_error(f->cu)->message, "nothing was sent"));
    assert_null(t);
    assert_int_equal(nreq(f), 0);
}

/* ============================================================================================
   4. Task queries
   ============================================================================================ */
static void test_tasks_get_filters(void **state) {
    fx *f = (fx *)*state;
    static const char *const statuses[] = { "to do", "in progress" };
    static const int64_t people[] = { 183, 2772463 };
    static const char *const tags[] = { "urgent", "sop" };
    const int64_t due_gt = 1710000000000LL + 20LL * 86400000LL, due_lt = 1710000000000LL + 200LL * 86400000LL;
    const int64_t upd_gt = 1700100000000LL + 30000, upd_lt = 1700100000000LL + 180000;
    clickup_task_query q;
    clickup_tasks *ts = NULL;
    sandbox_request r;
    char want[256][12];
    size_t nwant = 0, i;
    int k;

    /* What the sandbox's documented data gives for these filters, newest due date first. */
    for (k = 250; k >= 1; k--) {
        int st = strcmp(big_status(k), "to do") == 0 || strcmp(big_status(k), "in progress") == 0;
        int who = big_assignee(k, 183) || big_assignee(k, 2772463);
        int tag = big_tag(k, "urgent") || big_tag(k, "sop");
        int64_t due = big_due(k), upd = big_updated(k);
        if (st && who && tag && due >= 0 && due > due_gt && due < due_lt && upd > upd_gt && upd < upd_lt)
            big_id(k, want[nwant++], sizeof want[0]);
    }
    assert_true(nwant > 10);

    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    q.statuses = statuses; q.status_count = 2;
    q.assignees = people;  q.assignee_count = 2;
    q.tags = tags;         q.tag_count = 2;
    q.include_closed = 1;
    q.order_by = "due_date";
    q.reverse = 1;
    q.due_date_gt.present = 1; q.due_date_gt.value = due_gt;
    q.due_date_lt.present = 1; q.due_date_lt.value = due_lt;
    q.date_updated_gt.present = 1; q.date_updated_gt.value = upd_gt;
    q.date_updated_lt.present = 1; q.date_updated_lt.value = upd_lt;
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, nwant);
    assert_int_equal(ts->pages, 1);
    assert_int_equal(ts->truncated, 0);
    for (i = 0; i < ts->count; i++) {
        const clickup_task *t = &ts->items[i];
        assert_string_equal(t->id, want[i]);
        assert_true(strcmp(t->status.status, "to do") == 0 || strcmp(t->status.status, "in progress") == 0);
        assert_true(has_assignee(t, 183) || has_assignee(t, 2772463));
        assert_true(has_tag(t, "urgent") || has_tag(t, "sop"));
        assert_int_equal(t->due_date.present, 1);
        assert_true(t->due_date.value > due_gt && t->due_date.value < due_lt);
        assert_true(t->date_updated.value > upd_gt && t->date_updated.value < upd_lt);
        if (i) assert_true(t->due_date.value < ts->items[i - 1].due_date.value);   /* reverse */
        assert_string_equal(t->list.id, "2100");
    }
    clickup_tasks_free(ts);

    assert_int_equal(nreq(f), 1);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/list/2100/task", 14, "pk_sandbox_token", 200);
    assert_int_equal(sandbox_request_query_count(&r, "statuses[]"), 2);
    assert_string_equal(sandbox_request_query(&r, "statuses[]", 0), "to do");
    assert_string_equal(sandbox_request_query(&r, "statuses[]", 1), "in progress");
    assert_non_null(strstr(r.query, "statuses[]=to%20do&statuses[]=in%20progress"));
    assert_int_equal(sandbox_request_query_count(&r, "assignees[]"), 2);
    assert_string_equal(sandbox_request_query(&r, "assignees[]", 0), "183");
    assert_string_equal(sandbox_request_query(&r, "assignees[]", 1), "2772463");
    assert_int_equal(sandbox_request_query_count(&r, "tags[]"), 2);
    assert_string_equal(sandbox_request_query(&r, "tags[]", 0), "urgent");
    assert_string_equal(sandbox_request_query(&r, "tags[]", 1), "sop");
    check_q(&r, "include_closed", "true");
    check_q(&r, "order_by", "due_date");
    check_q(&r, "reverse", "true");
    check_q(&r, "due_date_gt", "1711728000000");
    check_q(&r, "due_date_lt", "1727280000000");
    check_q(&r, "date_updated_gt", "1700100030000");
    check_q(&r, "date_updated_lt", "1700100180000");
    check_q(&r, "page", "0");
    check_q_absent(&r, "statuses");                             /* the bracket form only */
    check_q_absent(&r, "archived");
    check_q_absent(&r, "subtasks");

    /* Closed statuses need include_closed. */
    sandbox_log_reset(f->sb);
    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    q.statuses = (const char *const[]){ "complete" };
    q.status_count = 1;
    q.include_closed = 1;
    q.order_by = "created";
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 25);
    for (i = 0; i < ts->count; i++) {
        char id[12];
        big_id((int)(i + 1) * 10, id, sizeof id);
        assert_string_equal(ts->items[i].id, id);
        assert_string_equal(ts->items[i].status.type, "closed");
        assert_int_equal(ts->items[i].date_closed.present, 1);
    }
    clickup_tasks_free(ts);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/list/2100/task", 4, "pk_sandbox_token", 200);
    check_q(&r, "statuses[]", "complete");
    check_q(&r, "order_by", "created");
    q.include_closed = 0;
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 0);
    clickup_tasks_free(ts);
    req_at(f, 1, &r);
    check_q_absent(&r, "include_closed");

    /* subtasks=true and include_markdown on a small list. */
    sandbox_log_reset(f->sb);
    memset(&q, 0, sizeof q);
    q.list_id = "2101";
    q.subtasks = 1;
    q.include_markdown = 1;
    q.order_by = "id";
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 2);                               /* 86abc125 is closed */
    assert_string_equal(ts->items[0].id, "86abc123");
    assert_string_equal(ts->items[1].id, "86abc124");
    assert_non_null(ts->items[0].markdown_description);
    assert_true(strncmp(ts->items[0].markdown_description, "# Onboarding", 12) == 0);
    assert_string_equal(ts->items[1].orderindex, "1.5");
    assert_int_equal(ts->items[0].time_spent.value, 2040000);
    clickup_tasks_free(ts);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/list/2101/task", 4, "pk_sandbox_token", 200);
    check_q(&r, "subtasks", "true");
    check_q(&r, "include_markdown_description", "true");
    check_q(&r, "order_by", "id");

    /* Refused locally: nothing sent. */
    sandbox_log_reset(f->sb);
    memset(&q, 0, sizeof q);
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_ERR_INVALID_ARG);  /* no list, no space */
    q.list_id = "2100"; q.space_id = "790";
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_ERR_INVALID_ARG);  /* both */
    q.space_id = NULL; q.order_by = "priority";
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_ERR_INVALID_ARG);
    q.order_by = NULL; q.max_pages = -1;
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_ERR_INVALID_ARG);
    q.max_pages = 0; q.assignee_count = 1; q.assignees = NULL;
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_ERR_INVALID_ARG);
    q.assignee_count = 0;
    q.status_count = 1; q.statuses = (const char *const[]){ "to\ndo" };
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_ERR_INVALID_ARG);
    q.statuses = (const char *const[]){ "" };
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_ERR_INVALID_ARG);
    q.status_count = 0; q.tag_count = 1; q.tags = (const char *const[]){ NULL };
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_ERR_INVALID_ARG);
    assert_null(ts);
    assert_int_equal(nreq(f), 0);
}

/* Run clickup_tasks_get in a child process, so that a crash fails this test only. The child
   reports through a pipe and then kills itself (no exit handlers, no leak checks in the copy).
   Returns 0: INVALID_ARG and NULL out; 1: another result; 128 + signal: crashed. */
static int child_tasks_get(clickup_client *c, const clickup_task_query *q) {
    pid_t pid;
    int st = 0, fds[2];
    char verdict = 0;
    fflush(NULL);
    assert_int_equal(pipe(fds), 0);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        clickup_tasks *ts = NULL;
        clickup_result rc;
        close(fds[0]);
        /* cmocka catches these to fail a test and go on: in the child, just die */
        signal(SIGSEGV, SIG_DFL); signal(SIGBUS, SIG_DFL); signal(SIGILL, SIG_DFL);
        signal(SIGFPE, SIG_DFL); signal(SIGABRT, SIG_DFL);
        rc = clickup_tasks_get(c, q, &ts);
        verdict = rc == CLICKUP_ERR_INVALID_ARG && ts == NULL ? 'k' : 'x';
        if (write(fds[1], &verdict, 1) != 1) _exit(3);
        raise(SIGKILL);
        _exit(4);
    }
    close(fds[1]);
    if (read(fds[0], &verdict, 1) != 1) verdict = 0;
    close(fds[0]);
    assert_int_equal(waitpid(pid, &st, 0), pid);
    if (verdict) return verdict == 'k' ? 0 : 1;
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return 2;
}

/* BUG (clickup.h, clickup__task_query): the loops that validate q->statuses[i] and q->tags[i]
   run before the "a filter count is set but its array is NULL" check, so status_count = 1 with
   statuses = NULL (or tag_count with tags = NULL) dereferences NULL instead of returning
   CLICKUP_ERR_INVALID_ARG. */
static const char *child_verdict(int st) {
    static char buf[96];
    if (st == 1) return "the call returned another result";
    if (st == 2) return "the call died without an answer (a sanitizer abort)";
    snprintf(buf, sizeof buf, "the call crashed with signal %d", st - 128);
    return buf;
}
static clickup_transport_status count_transport(void *user, const clickup_http_request *rq, clickup_http_response *resp) {
    (void)rq;
    (*(int *)user)++;
    memset(resp, 0, sizeof *resp);
    resp->status = 200;
    resp->body = "{\"tasks\":[],\"last_page\":true}";
    resp->body_len = strlen(resp->body);
    return CLICKUP_TRANSPORT_OK;
}
/* No sandbox here (nothing may be sent anyway), so the forked child holds no foreign threads. */
static void test_tasks_query_null_filter_array_refused(void **state) {
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_task_query q;
    clickup_tasks *ts = NULL;
    int st, sent = 0;
    (void)state;
    clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.team_id = SANDBOX_TEAM_ID;
    cfg.transport = count_transport;
    cfg.transport_user = &sent;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    q.assignee_count = 1;                          /* control: this one is checked in time */
    assert_int_equal(child_tasks_get(c, &q), 0);
    q.assignee_count = 0;
    q.status_count = 1;
    st = child_tasks_get(c, &q);
    if (st != 0) { clickup_client_destroy(c); fail_msg("status_count=1, statuses=NULL: %s, expected INVALID_ARG", child_verdict(st)); }
    q.status_count = 0;
    q.tag_count = 2;
    st = child_tasks_get(c, &q);
    if (st != 0) { clickup_client_destroy(c); fail_msg("tag_count=2, tags=NULL: %s, expected INVALID_ARG", child_verdict(st)); }
    /* and in this process, the control case sends nothing */
    q.tag_count = 0;
    q.assignee_count = 1;
    assert_int_equal(clickup_tasks_get(c, &q, &ts), CLICKUP_ERR_INVALID_ARG);
    assert_null(ts);
    q.assignee_count = 0;                          /* and the transport does answer a good query */
    assert_int_equal(clickup_tasks_get(c, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 0);
    clickup_tasks_free(ts);
    clickup_client_destroy(c);
    assert_int_equal(sent, 1);
}

static void test_tasks_get_space(void **state) {
    fx *f = (fx *)*state;
    clickup_task_query q;
    clickup_tasks *ts = NULL;
    sandbox_request r;
    size_t i;

    memset(&q, 0, sizeof q);
    q.space_id = "790";
    q.include_closed = 1;
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_OK);
    /* lists 2100 (250), 2101 (86abc123, 86abc125; the subtask is left out), 2200 (2) */
    assert_int_equal(ts->count, 254);
    assert_int_equal(ts->pages, 3);
    assert_int_equal(ts->truncated, 0);
    assert_string_equal(ts->items[0].id, "86abc123");         /* oldest first */
    assert_string_equal(ts->items[1].id, "86abc125");
    assert_string_equal(ts->items[2].id, "86c00001");
    assert_string_equal(ts->items[3].id, "86c00002");
    assert_string_equal(ts->items[4].id, "86a00001");
    assert_string_equal(ts->items[253].id, "86a00250");
    for (i = 0; i < ts->count; i++) {
        assert_string_equal(ts->items[i].space.id, "790");
        assert_null(ts->items[i].parent);
    }
    clickup_tasks_free(ts);
    /* No last_page on this endpoint: the walk ends at the short page (54 tasks). */
    assert_int_equal(nreq(f), 3);
    for (i = 0; i < 3; i++) {
        char page[4];
        snprintf(page, sizeof page, "%u", (unsigned)i);
        req_at(f, i, &r);
        check_req(&r, "GET", "/api/v2/team/9001/task", 3, "pk_sandbox_token", 200);
        check_q(&r, "space_ids[]", "790");
        check_q(&r, "include_closed", "true");
        check_q(&r, "page", page);
        check_q_absent(&r, "archived");
    }
    assert_non_null(strstr(r.query, "space_ids[]=790"));

    /* Space 791 without include_closed: the one open SOP task. */
    sandbox_log_reset(f->sb);
    memset(&q, 0, sizeof q);
    q.space_id = "791";
    q.tags = (const char *const[]){ "no such+tag&x=1" };
    q.tag_count = 1;
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 0);
    clickup_tasks_free(ts);
    req_at(f, 0, &r);
    check_q(&r, "tags[]", "no such+tag&x=1");                   /* '+', '&', '=' survive */
    check_q_absent(&r, "x");
    assert_non_null(strstr(r.query, "tags[]=no%20such%2Btag%26x%3D1"));
    q.tag_count = 0;
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 1);
    assert_string_equal(ts->items[0].id, "86b00001");
    clickup_tasks_free(ts);
    assert_int_equal(nreq(f), 2);
}

/* Exactly 200 tasks and no last_page: the third request gets an empty page and ends the walk. */
static int setup_196(void **state) {
    sandbox_opts o;
    memset(&o, 0, sizeof o);
    o.big_list_tasks = 196;
    return start_with(state, &o);
}
static void test_tasks_get_space_exact_pages(void **state) {
    fx *f = (fx *)*state;
    clickup_task_query q;
    clickup_tasks *ts = NULL;
    sandbox_request r;
    memset(&q, 0, sizeof q);
    q.space_id = "790";
    q.include_closed = 1;
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 200);
    assert_int_equal(ts->pages, 3);
    clickup_tasks_free(ts);
    assert_int_equal(nreq(f), 3);
    req_at(f, 2, &r);
    check_q(&r, "page", "2");
}

/* ============================================================================================
   5. Writes
   ============================================================================================ */
static void check_created(const clickup_task *t) {
    const clickup_custom_field *cf;
    assert_true(strncmp(t->id, "86n", 3) == 0);
    assert_string_equal(t->custom_id, "OPS-45");
    assert_string_equal(t->name, "Kickoff for {{client_name}}");
    assert_string_equal(t->description, "Plain text description.");
    assert_string_equal(t->status.status, "review");
    assert_non_null(t->priority);
    assert_string_equal(t->priority->priority, "high");
    assert_int_equal(t->due_date.value, 1712000000000LL);
    assert_int_equal(t->start_date.value, 1711900000000LL);
    assert_int_equal(t->time_estimate.value, 7200000);
    assert_int_equal(t->assignee_count, 2);
    assert_int_equal(t->assignees[0].id, 183);
    assert_int_equal(t->assignees[1].id, 2772463);
    assert_int_equal(t->tag_count, 2);
    assert_string_equal(t->tags[0].name, "onboarding");
    assert_string_equal(t->tags[1].name, "vip client");
    assert_string_equal(t->parent, "86abc123");
    assert_string_equal(t->top_level_parent, "86abc123");
    assert_string_equal(t->list.id, "2101");
    assert_string_equal(t->team_id, "9001");
    cf = field_of(t, SANDBOX_FIELD_TEXT);
    assert_string_equal(clickup_json_as_string(cf->value, "", NULL), "#client-acme");
    cf = field_of(t, SANDBOX_FIELD_DROPDOWN);
    assert_string_equal(clickup_json_number_text(cf->value), "1");
    cf = field_of(t, SANDBOX_FIELD_NUMBER);
    assert_string_equal(clickup_json_as_string(cf->value, "", NULL), "12.5");
    assert_null(field_of(t, SANDBOX_FIELD_LABELS)->value);
    cf = field_of(t, SANDBOX_FIELD_USERS);
    assert_int_equal(clickup_json_len(cf->value), 1);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_at(cf->value, 0), "id"), 0), 2772463);
}

static void test_task_create(void **state) {
    fx *f = (fx *)*state;
    static const int64_t people[] = { 183, 2772463 };
    static const char *const tags[] = { "onboarding", "vip client" };
    static const char *const keys[] = {
        "name", "description", "markdown_content", "assignees", "tags", "status", "priority", "due_date",
        "due_date_time", "start_date", "start_date_time", "time_estimate", "parent", "notify_all",
        "custom_fields", NULL };
    static const char *const cf_keys[] = { "id", "value", NULL };
    clickup_field_value cf[5];
    clickup_task_new n;
    clickup_task *t = NULL, *back;
    clickup_json_doc *d;
    const clickup_json *b, *arr, *v;
    sandbox_request r;
    char id[32];
    size_t i;

    memset(cf, 0, sizeof cf);
    cf[0].id = SANDBOX_FIELD_TEXT;     cf[0].type = CLICKUP_VALUE_STRING; cf[0].str = "#client-acme";
    cf[1].id = SANDBOX_FIELD_DROPDOWN; cf[1].type = CLICKUP_VALUE_INT;    cf[1].i = 1;
    cf[2].id = SANDBOX_FIELD_NUMBER;   cf[2].type = CLICKUP_VALUE_NUMBER; cf[2].num = 12.5;
    cf[3].id = SANDBOX_FIELD_LABELS;   cf[3].type = CLICKUP_VALUE_NULL;
    cf[4].id = SANDBOX_FIELD_USERS;    cf[4].type = CLICKUP_VALUE_JSON;   cf[4].str = " {\"add\": [2772463], \"rem\": []} ";
    memset(&n, 0, sizeof n);
    n.name = "Kickoff for {{client_name}}";
    n.description = "Plain text description.";
    n.markdown = "# Kickoff\n\nMeet **{{client_name}}**.";
    n.assignees = people; n.assignee_count = 2;
    n.tags = tags; n.tag_count = 2;
    n.status = "review";
    n.priority = 2;
    n.due_date.present = 1; n.due_date.value = 1712000000000LL; n.due_date_time = 1;
    n.start_date.present = 1; n.start_date.value = 1711900000000LL; n.start_date_time = 0;
    n.time_estimate.present = 1; n.time_estimate.value = 7200000;
    n.parent = "86abc123";
    n.notify_all = 1;
    n.custom_fields = cf; n.custom_field_count = 5;

    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_OK);
    assert_non_null(t);
    check_created(t);
    assert_null(t->markdown_description);
    snprintf(id, sizeof id, "%s", t->id);
    clickup_task_free(t);
    assert_int_equal(sandbox_tasks_created(f->sb), 1);
    assert_int_equal(sandbox_task_count(f->sb, "2101"), 4);

    /* The request, field by field, with JSON types. */
    assert_int_equal(nreq(f), 1);
    req_at(f, 0, &r);
    check_req(&r, "POST", "/api/v2/list/2101/task", 0, "pk_sandbox_token", 200);
    d = body_of(&r);
    b = clickup_json_root(d);
    check_keys(b, keys);
    j_str(b, "name", "Kickoff for {{client_name}}");
    j_str(b, "description", "Plain text description.");
    j_str(b, "markdown_content", "# Kickoff\n\nMeet **{{client_name}}**.");
    j_int_array(jt(b, "assignees", CLICKUP_JSON_ARRAY), people, 2);
    arr = jt(b, "tags", CLICKUP_JSON_ARRAY);
    assert_int_equal(clickup_json_len(arr), 2);
    assert_string_equal(clickup_json_as_string(clickup_json_at(arr, 1), "", NULL), "vip client");
    j_str(b, "status", "review");
    j_num(b, "priority", "2");
    j_num(b, "due_date", "1712000000000");
    j_bool(b, "due_date_time", 1);
    j_num(b, "start_date", "1711900000000");
    j_bool(b, "start_date_time", 0);
    j_num(b, "time_estimate", "7200000");
    j_str(b, "parent", "86abc123");
    j_bool(b, "notify_all", 1);
    arr = jt(b, "custom_fields", CLICKUP_JSON_ARRAY);
    assert_int_equal(clickup_json_len(arr), 5);
    for (i = 0; i < 5; i++) {
        check_keys(clickup_json_at(arr, i), cf_keys);
        j_str(clickup_json_at(arr, i), "id", cf[i].id);
    }
    j_str(clickup_json_at(arr, 0), "value", "#client-acme");
    j_num(clickup_json_at(arr, 1), "value", "1");
    assert_true(clickup_json_as_double(jt(clickup_json_at(arr, 2), "value", CLICKUP_JSON_NUMBER), 0) == 12.5);
    jt(clickup_json_at(arr, 3), "value", CLICKUP_JSON_NULL);
    v = jt(clickup_json_at(arr, 4), "value", CLICKUP_JSON_OBJECT);
    j_int_array(jt(v, "add", CLICKUP_JSON_ARRAY), people + 1, 1);
    j_int_array(jt(v, "rem", CLICKUP_JSON_ARRAY), NULL, 0);
    clickup_json_doc_free(d);

    /* GET it back: the sandbox stored what was sent. */
    back = get_task(f, id, 1);
    check_created(back);
    assert_string_equal(back->markdown_description, "# Kickoff\n\nMeet **{{client_name}}**.");
    clickup_task_free(back);

    /* A BOOL value: sent as JSON true; the sandbox refuses it for a dropdown (400 FIELD_011),
       so nothing is created. */
    sandbox_log_reset(f->sb);
    memset(&n, 0, sizeof n);
    memset(cf, 0, sizeof cf);
    cf[0].id = SANDBOX_FIELD_DROPDOWN; cf[0].type = CLICKUP_VALUE_BOOL; cf[0].b = 1;
    n.name = "Bool field";
    n.custom_fields = cf; n.custom_field_count = 1;
    t = (clickup_task *)1;
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_VALIDATION);
    assert_null(t);
    assert_int_equal(clickup_last_error(f->cu)->http_status, 400);
    assert_string_equal(clickup_last_error(f->cu)->ecode, "FIELD_011");
    assert_string_equal(clickup_last_error(f->cu)->api_message, "Value must be an option index or uuid");
    assert_int_equal(nreq(f), 1);                              /* a 400 is not retried */
    req_at(f, 0, &r);
    check_req(&r, "POST", "/api/v2/list/2101/task", 0, "pk_sandbox_token", 400);
    d = body_of(&r);
    b = clickup_json_root(d);
    check_keys(b, (const char *const[]){ "name", "custom_fields", NULL });
    j_bool(clickup_json_at(jt(b, "custom_fields", CLICKUP_JSON_ARRAY), 0), "value", 1);
    clickup_json_doc_free(d);
    assert_int_equal(sandbox_tasks_created(f->sb), 1);

    /* The minimal task: only the name goes out; out may be NULL. */
    sandbox_log_reset(f->sb);
    memset(&n, 0, sizeof n);
    n.name = "Minimal";
    assert_int_equal(clickup_task_create(f->cu, "2200", &n, NULL), CLICKUP_OK);
    req_at(f, 0, &r);
    d = body_of(&r);
    check_keys(clickup_json_root(d), (const char *const[]){ "name", NULL });
    clickup_json_doc_free(d);
    assert_int_equal(sandbox_task_count(f->sb, "2200"), 3);
}

static void test_task_create_refused_locally(void **state) {
    fx *f = (fx *)*state;
    clickup_task_new n;
    clickup_task *t = (clickup_task *)1;
    clickup_field_value cf;
    static const char *const empty_tag[] = { "" };
    static const int64_t bad_people[] = { 0 };

    memset(&n, 0, sizeof n);
    n.name = "";
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_INVALID_ARG);
    assert_null(t);
    assert_non_null(strstr(clickup_last_error(f->cu)->message, "nothing was sent"));
    n.name = " \t\n";
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_INVALID_ARG);
    n.name = NULL;
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_INVALID_ARG);
    n.name = "ok";
    n.priority = 5;
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_INVALID_ARG);
    n.priority = -1;
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_INVALID_ARG);
    n.priority = 0;
    assert_int_equal(clickup_task_create(f->cu, "21/01", &n, &t), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_create(f->cu, NULL, &n, &t), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_create(f->cu, "2101", NULL, &t), CLICKUP_ERR_INVALID_ARG);
    n.tags = empty_tag; n.tag_count = 1;
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_INVALID_ARG);
    n.tag_count = 0;
    n.assignees = bad_people; n.assignee_count = 1;
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_INVALID_ARG);
    n.assignee_count = 0;
    n.parent = "OPS-42";                                       /* a custom id is not a parent */
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_INVALID_ARG);
    n.parent = NULL;
    memset(&cf, 0, sizeof cf);
    cf.id = SANDBOX_FIELD_TEXT; cf.type = CLICKUP_VALUE_JSON; cf.str = "{bad";
    n.custom_fields = &cf; n.custom_field_count = 1;
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_INVALID_ARG);
    cf.type = CLICKUP_VALUE_NUMBER; cf.num = strtod("nan", NULL);
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_INVALID_ARG);
    cf.type = CLICKUP_VALUE_STRING; cf.str = "x"; cf.id = "not/a/uuid";
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_INVALID_ARG);
    n.custom_field_count = 0;
    n.name = "bad \xff\xfe utf-8";
    assert_int_equal(clickup_task_create(f->cu, "2101", &n, &t), CLICKUP_ERR_INVALID_ARG);
    assert_null(t);
    assert_int_equal(nreq(f), 0);
    assert_int_equal(sandbox_tasks_created(f->sb), 0);
}

static void test_task_update(void **state) {
    fx *f = (fx *)*state;
    static const int64_t add1[] = { 183, 2772463 }, add2[] = { 5001 }, rem2[] = { 183 };
    clickup_task_changes ch;
    clickup_task *t = NULL;
    clickup_json_doc *d;
    const clickup_json *b, *as;
    sandbox_request r;

    /* 1. a due date and two assignees */
    memset(&ch, 0, sizeof ch);
    ch.due_date.present = 1; ch.due_date.value = 1713000000000LL;
    ch.add_assignees = add1; ch.add_assignee_count = 2;
    assert_int_equal(clickup_task_update(f->cu, "86b00001", &ch, &t), CLICKUP_OK);
    assert_string_equal(t->id, "86b00001");
    assert_int_equal(t->due_date.value, 1713000000000LL);
    assert_int_equal(t->assignee_count, 2);
    assert_true(has_assignee(t, 183) && has_assignee(t, 2772463));
    assert_non_null(t->priority);                               /* untouched */
    clickup_task_free(t);
    req_at(f, 0, &r);
    check_req(&r, "PUT", "/api/v2/task/86b00001", 0, "pk_sandbox_token", 200);
    d = body_of(&r);
    b = clickup_json_root(d);
    check_keys(b, (const char *const[]){ "due_date", "due_date_time", "assignees", NULL });
    j_num(b, "due_date", "1713000000000");
    j_bool(b, "due_date_time", 0);
    as = jt(b, "assignees", CLICKUP_JSON_OBJECT);
    check_keys(as, (const char *const[]){ "add", "rem", NULL });
    j_int_array(jt(as, "add", CLICKUP_JSON_ARRAY), add1, 2);
    j_int_array(jt(as, "rem", CLICKUP_JSON_ARRAY), NULL, 0);
    clickup_json_doc_free(d);

    /* 2. rename, new status, clear priority and due date, swap an assignee */
    memset(&ch, 0, sizeof ch);
    ch.name = "SOP: Client kickoff call (v2)";
    ch.status = "in review";
    ch.priority = CLICKUP_PRIORITY_CLEAR;
    ch.clear_due_date = 1;
    ch.add_assignees = add2; ch.add_assignee_count = 1;
    ch.rem_assignees = rem2; ch.rem_assignee_count = 1;
    assert_int_equal(clickup_task_update(f->cu, "86b00001", &ch, &t), CLICKUP_OK);
    assert_string_equal(t->name, "SOP: Client kickoff call (v2)");
    assert_string_equal(t->status.status, "in review");
    assert_null(t->priority);
    assert_int_equal(t->due_date.present, 0);
    assert_int_equal(t->assignee_count, 2);
    assert_int_equal(t->assignees[0].id, 2772463);
    assert_int_equal(t->assignees[1].id, 5001);
    clickup_task_free(t);
    req_at(f, 1, &r);
    check_req(&r, "PUT", "/api/v2/task/86b00001", 0, "pk_sandbox_token", 200);
    d = body_of(&r);
    b = clickup_json_root(d);
    check_keys(b, (const char *const[]){ "name", "status", "priority", "due_date", "assignees", NULL });
    j_str(b, "name", "SOP: Client kickoff call (v2)");
    j_str(b, "status", "in review");
    jt(b, "priority", CLICKUP_JSON_NULL);
    jt(b, "due_date", CLICKUP_JSON_NULL);
    as = jt(b, "assignees", CLICKUP_JSON_OBJECT);
    j_int_array(jt(as, "add", CLICKUP_JSON_ARRAY), add2, 1);
    j_int_array(jt(as, "rem", CLICKUP_JSON_ARRAY), rem2, 1);
    clickup_json_doc_free(d);
    /* read back: the sandbox applied it */
    t = get_task(f, "86b00001", 0);
    assert_string_equal(t->name, "SOP: Client kickoff call (v2)");
    assert_string_equal(t->status.status, "in review");
    assert_null(t->priority);
    assert_int_equal(t->due_date.present, 0);
    assert_int_equal(t->assignee_count, 2);
    assert_true(has_assignee(t, 2772463) && has_assignee(t, 5001) && !has_assignee(t, 183));
    clickup_task_free(t);

    /* 3. by custom id: markdown, time estimate, start date, archived=false; out may be NULL */
    sandbox_log_reset(f->sb);
    memset(&ch, 0, sizeof ch);
    ch.markdown = "**Bold** kickoff";
    ch.time_estimate.present = 1; ch.time_estimate.value = 5400000;
    ch.start_date.present = 1; ch.start_date.value = 1712500000000LL; ch.start_date_time = 1;
    ch.archived = CLICKUP_NO;
    assert_int_equal(clickup_task_update(f->cu, "SOP-1", &ch, NULL), CLICKUP_OK);
    req_at(f, 0, &r);
    check_req(&r, "PUT", "/api/v2/task/SOP-1", 2, "pk_sandbox_token", 200);
    check_q(&r, "custom_task_ids", "true");
    check_q(&r, "team_id", "9001");
    d = body_of(&r);
    b = clickup_json_root(d);
    check_keys(b, (const char *const[]){ "markdown_content", "time_estimate", "start_date", "start_date_time",
                                         "archived", NULL });
    j_str(b, "markdown_content", "**Bold** kickoff");
    j_num(b, "time_estimate", "5400000");
    j_num(b, "start_date", "1712500000000");
    j_bool(b, "start_date_time", 1);
    j_bool(b, "archived", 0);
    clickup_json_doc_free(d);
    t = get_task(f, "86b00001", 1);
    assert_string_equal(t->markdown_description, "**Bold** kickoff");
    assert_string_equal(t->description, "Bold kickoff");
    assert_int_equal(t->time_estimate.value, 5400000);
    assert_int_equal(t->start_date.value, 1712500000000LL);
    assert_string_equal(t->name, "SOP: Client kickoff call (v2)");   /* unset fields unchanged */
    clickup_task_free(t);

    /* 4. refused locally */
    sandbox_log_reset(f->sb);
    memset(&ch, 0, sizeof ch);
    assert_int_equal(clickup_task_update(f->cu, "86b00001", &ch, &t), CLICKUP_ERR_INVALID_ARG);  /* nothing */
    assert_null(t);
    assert_int_equal(clickup_task_update(f->cu, "86b00001", NULL, &t), CLICKUP_ERR_INVALID_ARG);
    ch.priority = 5;
    assert_int_equal(clickup_task_update(f->cu, "86b00001", &ch, &t), CLICKUP_ERR_INVALID_ARG);
    ch.priority = 0; ch.name = "";
    assert_int_equal(clickup_task_update(f->cu, "86b00001", &ch, &t), CLICKUP_ERR_INVALID_ARG);
    ch.name = NULL; ch.clear_due_date = 1; ch.due_date.present = 1;
    assert_int_equal(clickup_task_update(f->cu, "86b00001", &ch, &t), CLICKUP_ERR_INVALID_ARG);
    ch.due_date.present = 0;
    assert_int_equal(clickup_task_update(f->cu, "bad ref", &ch, &t), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(nreq(f), 0);

    /* A status the list does not have: 400 ITEM_114, VALIDATION. */
    memset(&ch, 0, sizeof ch);
    ch.status = "to do";                                       /* space 791 has "open" */
    assert_int_equal(clickup_task_update(f->cu, "86b00001", &ch, &t), CLICKUP_ERR_VALIDATION);
    assert_string_equal(clickup_last_error(f->cu)->ecode, "ITEM_114");
    assert_int_equal(nreq(f), 1);
}

static void test_task_tags(void **state) {
    fx *f = (fx *)*state;
    clickup_task *t;
    sandbox_request r;

    assert_int_equal(clickup_task_tag_add(f->cu, "86abc125", "client vip"), CLICKUP_OK);
    req_at(f, 0, &r);
    check_req(&r, "POST", "/api/v2/task/86abc125/tag/client%20vip", 0, "pk_sandbox_token", 200);
    assert_int_equal(r.body_len, 0);
    assert_int_equal(clickup_task_tag_add(f->cu, "86abc125", "Q&A/review"), CLICKUP_OK);
    req_at(f, 1, &r);
    check_req(&r, "POST", "/api/v2/task/86abc125/tag/Q%26A%2Freview", 0, "pk_sandbox_token", 200);
    t = get_task(f, "86abc125", 0);
    assert_int_equal(t->tag_count, 2);
    assert_string_equal(t->tags[0].name, "client vip");        /* arrived decoded */
    assert_string_equal(t->tags[1].name, "q&a/review");
    clickup_task_free(t);

    sandbox_log_reset(f->sb);
    assert_int_equal(clickup_task_tag_remove(f->cu, "86abc125", "client vip"), CLICKUP_OK);
    req_at(f, 0, &r);
    check_req(&r, "DELETE", "/api/v2/task/86abc125/tag/client%20vip", 0, "pk_sandbox_token", 200);
    assert_int_equal(r.body_len, 0);
    t = get_task(f, "86abc125", 0);
    assert_int_equal(t->tag_count, 1);
    assert_false(has_tag(t, "client vip"));
    clickup_task_free(t);

    /* by custom id */
    sandbox_log_reset(f->sb);
    assert_int_equal(clickup_task_tag_add(f->cu, "OPS-44", "urgent"), CLICKUP_OK);
    req_at(f, 0, &r);
    check_req(&r, "POST", "/api/v2/task/OPS-44/tag/urgent", 2, "pk_sandbox_token", 200);
    check_q(&r, "custom_task_ids", "true");
    check_q(&r, "team_id", "9001");
    assert_int_equal(clickup_task_tag_remove(f->cu, "https://app.clickup.com/t/9001/OPS-44", "Q&A/review"), CLICKUP_OK);
    req_at(f, 1, &r);
    check_req(&r, "DELETE", "/api/v2/task/OPS-44/tag/Q%26A%2Freview", 2, "pk_sandbox_token", 200);
    t = get_task(f, "86abc125", 0);
    assert_int_equal(t->tag_count, 1);
    assert_string_equal(t->tags[0].name, "urgent");
    clickup_task_free(t);

    /* UTF-8: percent-encoded byte by byte, stored as sent */
    sandbox_log_reset(f->sb);
    assert_int_equal(clickup_task_tag_add(f->cu, "86abc125", "caf\xc3\xa9"), CLICKUP_OK);
    req_at(f, 0, &r);
    check_req(&r, "POST", "/api/v2/task/86abc125/tag/caf%C3%A9", 0, "pk_sandbox_token", 200);
    t = get_task(f, "86abc125", 0);
    assert_true(has_tag(t, "caf\xc3\xa9"));
    clickup_task_free(t);

    /* refused: empty, control characters, dot segments, bad reference */
    sandbox_log_reset(f->sb);
    assert_int_equal(clickup_task_tag_add(f->cu, "86abc125", ""), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_tag_add(f->cu, "86abc125", NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_tag_add(f->cu, "86abc125", "a\nb"), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_tag_add(f->cu, "86abc125", ".."), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_tag_remove(f->cu, "86/abc", "x"), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(nreq(f), 0);
    /* unknown task */
    assert_int_equal(clickup_task_tag_add(f->cu, "zz99zz", "x"), CLICKUP_ERR_NOT_FOUND);
}

static void test_task_fields(void **state) {
    fx *f = (fx *)*state;
    clickup_field_value v;
    clickup_task *t;
    sandbox_request r;
    clickup_json_doc *d;
    char path[160];

    memset(&v, 0, sizeof v);
    v.type = CLICKUP_VALUE_STRING; v.str = "#acme-onboarding";
    v.id = "ignored/for/set";                                  /* field_id argument wins */
    assert_int_equal(clickup_task_field_set(f->cu, "86abc125", SANDBOX_FIELD_TEXT, &v), CLICKUP_OK);
    req_at(f, 0, &r);
    snprintf(path, sizeof path, "/api/v2/task/86abc125/field/%s", SANDBOX_FIELD_TEXT);
    check_req(&r, "POST", path, 0, "pk_sandbox_token", 200);
    d = body_of(&r);
    check_keys(clickup_json_root(d), (const char *const[]){ "value", NULL });
    j_str(clickup_json_root(d), "value", "#acme-onboarding");
    clickup_json_doc_free(d);

    v.type = CLICKUP_VALUE_STRING; v.str = SANDBOX_DROPDOWN_OPT_GOLD;
    assert_int_equal(clickup_task_field_set(f->cu, "86abc125", SANDBOX_FIELD_DROPDOWN, &v), CLICKUP_OK);
    v.type = CLICKUP_VALUE_INT; v.i = 25;
    assert_int_equal(clickup_task_field_set(f->cu, "OPS-44", SANDBOX_FIELD_NUMBER, &v), CLICKUP_OK);
    req_at(f, 2, &r);
    snprintf(path, sizeof path, "/api/v2/task/OPS-44/field/%s", SANDBOX_FIELD_NUMBER);
    check_req(&r, "POST", path, 2, "pk_sandbox_token", 200);
    check_q(&r, "custom_task_ids", "true");
    d = body_of(&r);
    j_num(clickup_json_root(d), "value", "25");
    clickup_json_doc_free(d);
    v.type = CLICKUP_VALUE_JSON; v.str = "[\"1abe1000-0002-4000-8000-0000000a0e02\"]";
    assert_int_equal(clickup_task_field_set(f->cu, "86abc125", SANDBOX_FIELD_LABELS, &v), CLICKUP_OK);

    t = get_task(f, "86abc125", 0);
    assert_string_equal(clickup_json_as_string(field_of(t, SANDBOX_FIELD_TEXT)->value, "", NULL), "#acme-onboarding");
    assert_string_equal(clickup_json_number_text(field_of(t, SANDBOX_FIELD_DROPDOWN)->value), "2");
    assert_string_equal(clickup_json_as_string(field_of(t, SANDBOX_FIELD_NUMBER)->value, "", NULL), "25");
    assert_string_equal(clickup_json_as_string(clickup_json_at(field_of(t, SANDBOX_FIELD_LABELS)->value, 0), "", NULL),
                        "1abe1000-0002-4000-8000-0000000a0e02");
    assert_null(field_of(t, SANDBOX_FIELD_USERS)->value);
    clickup_task_free(t);

    /* remove */
    sandbox_log_reset(f->sb);
    assert_int_equal(clickup_task_field_remove(f->cu, "86abc125", SANDBOX_FIELD_TEXT), CLICKUP_OK);
    req_at(f, 0, &r);
    snprintf(path, sizeof path, "/api/v2/task/86abc125/field/%s", SANDBOX_FIELD_TEXT);
    check_req(&r, "DELETE", path, 0, "pk_sandbox_token", 200);
    assert_int_equal(r.body_len, 0);
    t = get_task(f, "86abc125", 0);
    assert_null(field_of(t, SANDBOX_FIELD_TEXT)->value);
    assert_non_null(field_of(t, SANDBOX_FIELD_DROPDOWN)->value);
    clickup_task_free(t);

    /* BOOL and NULL values: their JSON on the wire */
    sandbox_log_reset(f->sb);
    v.type = CLICKUP_VALUE_BOOL; v.b = 1;
    assert_int_equal(clickup_task_field_set(f->cu, "86abc125", SANDBOX_FIELD_DROPDOWN, &v), CLICKUP_ERR_VALIDATION);
    assert_string_equal(clickup_last_error(f->cu)->ecode, "FIELD_011");
    req_at(f, 0, &r);
    d = body_of(&r);
    j_bool(clickup_json_root(d), "value", 1);
    clickup_json_doc_free(d);
    v.type = CLICKUP_VALUE_NULL;
    assert_int_equal(clickup_task_field_set(f->cu, "86abc125", SANDBOX_FIELD_DROPDOWN, &v), CLICKUP_OK);
    req_at(f, 1, &r);
    d = body_of(&r);
    jt(clickup_json_root(d), "value", CLICKUP_JSON_NULL);
    clickup_json_doc_free(d);
    t = get_task(f, "86abc125", 0);
    assert_null(field_of(t, SANDBOX_FIELD_DROPDOWN)->value);
    clickup_task_free(t);

    /* refused locally */
    sandbox_log_reset(f->sb);
    assert_int_equal(clickup_task_field_set(f->cu, "86abc125", "bad/id", &v), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_field_set(f->cu, "86abc125", SANDBOX_FIELD_TEXT, NULL), CLICKUP_ERR_INVALID_ARG);
    v.type = CLICKUP_VALUE_JSON; v.str = "[1,";
    assert_int_equal(clickup_task_field_set(f->cu, "86abc125", SANDBOX_FIELD_TEXT, &v), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_field_remove(f->cu, "86abc125", ""), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(nreq(f), 0);
}

/* The cache contract of the endpoints: task pages are cached, writes drop the pages they make
   stale (the list's pages and every workspace query), task_get is never cached. */
static size_t list_count(clickup_client *c, const char *list_id, const char *space_id, const char *want_tag,
                         const char *want_name) {
    clickup_task_query q;
    clickup_tasks *ts = NULL;
    size_t i, n, tagged = 0, named = 0;
    memset(&q, 0, sizeof q);
    q.list_id = list_id;
    q.space_id = space_id;
    assert_int_equal(clickup_tasks_get(c, &q, &ts), CLICKUP_OK);
    n = ts->count;
    for (i = 0; i < n; i++) {
        if (want_tag && has_tag(&ts->items[i], want_tag)) tagged++;
        if (want_name && strcmp(ts->items[i].name, want_name) == 0) named++;
    }
    clickup_tasks_free(ts);
    if (want_tag) assert_int_equal(tagged, 1);
    if (want_name) assert_int_equal(named, 1);
    return n;
}

static void test_writes_invalidate_cached_pages(void **state) {
    fx *f = (fx *)*state;
    clickup_client *c = mk_client_ex(f, SANDBOX_TOKEN, SANDBOX_TEAM_ID, 1, NULL);
    clickup_task_new n;
    clickup_task_changes ch;
    clickup_task *t = NULL;
    clickup_template_task *tt = NULL;
    clickup_metrics m;

    assert_int_equal(list_count(c, "2200", NULL, NULL, NULL), 2);
    assert_int_equal(list_count(c, "2200", NULL, NULL, NULL), 2);
    assert_int_equal(list_count(c, NULL, "791", NULL, NULL), 1);
    assert_int_equal(list_count(c, NULL, "791", NULL, NULL), 1);
    assert_int_equal(nreq(f), 2);                                   /* the repeats were cache hits */

    memset(&n, 0, sizeof n);
    n.name = "Fresh task";
    assert_int_equal(clickup_task_create(c, "2200", &n, NULL), CLICKUP_OK);
    assert_int_equal(nreq(f), 3);
    assert_int_equal(list_count(c, "2200", NULL, NULL, "Fresh task"), 3);   /* refetched */
    assert_int_equal(nreq(f), 4);
    assert_int_equal(list_count(c, NULL, "791", NULL, NULL), 1);           /* workspace query dropped too */
    assert_int_equal(nreq(f), 5);
    assert_int_equal(list_count(c, "2200", NULL, NULL, NULL), 3);
    assert_int_equal(nreq(f), 5);

    assert_int_equal(clickup_task_tag_add(c, "86c00001", "cached"), CLICKUP_OK);
    assert_int_equal(list_count(c, "2200", NULL, "cached", NULL), 3);
    assert_int_equal(nreq(f), 7);

    memset(&ch, 0, sizeof ch);
    ch.name = "Renamed while cached";
    assert_int_equal(clickup_task_update(c, "86c00002", &ch, NULL), CLICKUP_OK);
    assert_int_equal(list_count(c, "2200", NULL, NULL, "Renamed while cached"), 3);
    assert_int_equal(nreq(f), 9);

    assert_int_equal(clickup_task_from_template(c, "2200", "t-86b3e002", "From template", &tt), CLICKUP_OK);
    clickup_template_task_free(tt);
    assert_int_equal(list_count(c, "2200", NULL, NULL, "From template"), 4);
    assert_int_equal(nreq(f), 11);

    /* task_get: always fresh */
    assert_int_equal(clickup_task_get(c, "86c00001", NULL, &t), CLICKUP_OK);
    clickup_task_free(t);
    assert_int_equal(clickup_task_get(c, "86c00001", NULL, &t), CLICKUP_OK);
    clickup_task_free(t);
    assert_int_equal(nreq(f), 13);
    clickup_metrics_get(c, &m);
    assert_int_equal(m.cache_hits, 3);
    clickup_client_destroy(c);
}

/* ============================================================================================
   6. Templates
   ============================================================================================ */
static void test_templates_get(void **state) {
    fx *f = (fx *)*state;
    clickup_templates *tp = NULL;
    sandbox_request r;
    clickup_client *c;

    assert_int_equal(clickup_templates_get(f->cu, &tp), CLICKUP_OK);
    assert_int_equal(tp->count, 150);
    assert_int_equal(tp->pages, 2);
    assert_int_equal(tp->truncated, 0);
    assert_string_equal(tp->items[0].id, "t-86b3e001");
    assert_string_equal(tp->items[0].name, "SOP: Onboard {{client_name}}");
    assert_string_equal(tp->items[1].id, "t-86b3e002");
    assert_string_equal(tp->items[1].name, "Offboarding checklist #2");
    assert_string_equal(tp->items[100].id, "t-86b3e101");
    assert_string_equal(tp->items[100].name, "Weekly report for {{client_name}} #101");
    assert_string_equal(tp->items[149].id, "t-86b3e150");
    assert_non_null(tp->items[149].raw);
    clickup_templates_free(tp);
    /* ClickUp sends no end marker: 100 + 50, and the walk stops at the short page. */
    assert_int_equal(nreq(f), 2);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/team/9001/taskTemplate", 1, "pk_sandbox_token", 200);
    check_q(&r, "page", "0");
    req_at(f, 1, &r);
    check_req(&r, "GET", "/api/v2/team/9001/taskTemplate", 1, "pk_sandbox_token", 200);
    check_q(&r, "page", "1");

    /* Team 9002 has none: one request, an empty result. */
    sandbox_log_reset(f->sb);
    c = mk_client(f, SANDBOX_MULTI_TOKEN, SANDBOX_TEAM2_ID);
    assert_int_equal(clickup_templates_get(c, &tp), CLICKUP_OK);
    assert_int_equal(tp->count, 0);
    assert_int_equal(tp->pages, 1);
    assert_null(tp->items);
    clickup_templates_free(tp);
    clickup_client_destroy(c);
    assert_int_equal(nreq(f), 1);
    req_at(f, 0, &r);
    check_req(&r, "GET", "/api/v2/team/9002/taskTemplate", 1, "pk_multi_team", 200);
    check_q(&r, "page", "0");
}

static int setup_200_templates(void **state) {
    sandbox_opts o;
    memset(&o, 0, sizeof o);
    o.templates = 200;
    o.big_list_tasks = -1;
    return start_with(state, &o);
}
/* Exactly two full pages: the third request sees an empty page. */
static void test_templates_exact_pages(void **state) {
    fx *f = (fx *)*state;
    clickup_templates *tp = NULL;
    sandbox_request r;
    assert_int_equal(clickup_templates_get(f->cu, &tp), CLICKUP_OK);
    assert_int_equal(tp->count, 200);
    assert_int_equal(tp->pages, 3);
    assert_string_equal(tp->items[199].id, "t-86b3e200");
    clickup_templates_free(tp);
    assert_int_equal(nreq(f), 3);
    req_at(f, 2, &r);
    check_q(&r, "page", "2");
}

static void test_task_from_template(void **state) {
    fx *f = (fx *)*state;
    clickup_template_task *tt = NULL;
    clickup_task *t;
    clickup_json_doc *d;
    sandbox_request r;

    assert_int_equal(clickup_task_from_template(f->cu, "2101", "t-86b3e001", "Onboard Acme", &tt), CLICKUP_OK);
    assert_non_null(tt);
    assert_string_equal(tt->id, "86n000001");
    assert_non_null(tt->task);
    assert_string_equal(tt->task->id, "86n000001");
    assert_string_equal(tt->task->name, "Onboard Acme");
    assert_string_equal(tt->task->custom_id, "OPS-45");
    assert_string_equal(tt->task->list.id, "2101");
    assert_true(has_tag(tt->task, "sop"));
    assert_string_equal(tt->task->status.status, "to do");
    assert_non_null(tt->raw);
    clickup_template_task_free(tt);
    assert_int_equal(nreq(f), 1);
    req_at(f, 0, &r);
    check_req(&r, "POST", "/api/v2/list/2101/taskTemplate/t-86b3e001", 0, "pk_sandbox_token", 200);
    d = body_of(&r);
    check_keys(clickup_json_root(d), (const char *const[]){ "name", NULL });
    j_str(clickup_json_root(d), "name", "Onboard Acme");
    clickup_json_doc_free(d);
    assert_int_equal(sandbox_tasks_created(f->sb), 1);
    t = get_task(f, "86n000001", 1);
    assert_string_equal(t->markdown_description, "# SOP: Onboard {{client_name}}\n\nFollow the **SOP** for {{client_name}}.");
    clickup_task_free(t);

    /* Unknown template: 404 with the "error" key. */
    sandbox_log_reset(f->sb);
    tt = (clickup_template_task *)1;
    assert_int_equal(clickup_task_from_template(f->cu, "2101", "t-zzz", "X", &tt), CLICKUP_ERR_NOT_FOUND);
    assert_null(tt);
    assert_string_equal(clickup_last_error(f->cu)->ecode, "TMPL_004");
    assert_string_equal(clickup_last_error(f->cu)->api_message, "Template not found");
    assert_int_equal(nreq(f), 1);
    /* Refused locally. */
    assert_int_equal(clickup_task_from_template(f->cu, "2101", "t-86b3e001", "", &tt), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_from_template(f->cu, "2101", "t-86b3e001", NULL, &tt), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_from_template(f->cu, "2101", "t/86", "X", &tt), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_from_template(f->cu, "", "t-86b3e001", "X", &tt), CLICKUP_ERR_INVALID_ARG);
    assert_null(tt);
    assert_int_equal(nreq(f), 1);
    assert_int_equal(sandbox_tasks_created(f->sb), 1);
}

/* ============================================================================================
   7. Pagination and memory
   ============================================================================================ */
static void check_big_requests(fx *f, size_t n) {
    size_t i;
    assert_int_equal(nreq(f), n);
    for (i = 0; i < n; i++) {
        sandbox_request r;
        char page[8];
        snprintf(page, sizeof page, "%u", (unsigned)i);
        req_at(f, i, &r);
        check_req(&r, "GET", "/api/v2/list/2100/task", 2, "pk_sandbox_token", 200);
        check_q(&r, "include_closed", "true");
        check_q(&r, "page", page);
    }
}

static void test_pagination_all_pages(void **state) {
    fx *f = (fx *)*state;
    clickup_task_query q;
    clickup_tasks *ts = NULL;
    size_t i;

    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    q.include_closed = 1;
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 250);
    assert_int_equal(ts->pages, 3);
    assert_int_equal(ts->truncated, 0);
    for (i = 0; i < 250; i++) {
        char id[12];
        int k = (int)i + 1;
        big_id(k, id, sizeof id);
        assert_string_equal(ts->items[i].id, id);
        assert_string_equal(ts->items[i].status.status, big_status(k));
        assert_int_equal(ts->items[i].due_date.present, big_due(k) >= 0);
        assert_int_equal(ts->items[i].date_updated.value, big_updated(k));
        assert_int_equal(has_assignee(&ts->items[i], 183), big_assignee(k, 183));
        assert_int_equal(has_tag(&ts->items[i], "urgent"), big_tag(k, "urgent"));
        /* time_estimate: a string when k%3==0, null when k%3==1, a number when k%3==2 */
        assert_int_equal(ts->items[i].time_estimate.present, k % 3 != 1);
        if (k % 3 != 1) assert_int_equal(ts->items[i].time_estimate.value, k % 3 == 0 ? 3600000 : 1800000);
        assert_int_equal(ts->items[i].time_spent.value, k % 4 == 0 ? 600000 : 0);
        assert_int_equal(ts->items[i].time_spent.present, 1);
        if (k % 5 == 0) {
            assert_null(ts->items[i].priority);
        } else {
            char pid[4];
            snprintf(pid, sizeof pid, "%d", k % 5);
            assert_non_null(ts->items[i].priority);
            assert_string_equal(ts->items[i].priority->id, pid);
        }
    }
    clickup_tasks_free(ts);
    check_big_requests(f, 3);

    /* max_pages 2: 200 tasks and truncated. */
    sandbox_log_reset(f->sb);
    q.max_pages = 2;
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 200);
    assert_int_equal(ts->pages, 2);
    assert_int_equal(ts->truncated, 1);
    assert_string_equal(ts->items[199].id, "86a00200");
    clickup_tasks_free(ts);
    check_big_requests(f, 2);

    /* max_pages 3 is exactly enough: not truncated. */
    sandbox_log_reset(f->sb);
    q.max_pages = 3;
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 250);
    assert_int_equal(ts->truncated, 0);
    clickup_tasks_free(ts);
    check_big_requests(f, 3);
}

typedef struct seen {
    int    pages;
    size_t index[8], count[8];
    int    next_id;              /* ids must continue across pages */
    int    stop_after;           /* return 1 after this many pages; 0 = never */
    int    bad;
} seen;

static int on_page(void *user, const clickup_tasks *page) {
    seen *s = (seen *)user;
    size_t i;
    if (s->pages < 8) { s->index[s->pages] = page->page_index; s->count[s->pages] = page->count; }
    s->pages++;
    if (page->pages != 1 || page->truncated) s->bad++;
    for (i = 0; i < page->count; i++) {
        char id[12];
        big_id(++s->next_id, id, sizeof id);
        if (strcmp(page->items[i].id, id) != 0) s->bad++;
    }
    return s->stop_after && s->pages >= s->stop_after;
}

static void test_tasks_foreach(void **state) {
    fx *f = (fx *)*state;
    clickup_task_query q;
    clickup_tasks stats;
    seen s;

    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    q.include_closed = 1;
    memset(&s, 0, sizeof s);
    assert_int_equal(clickup_tasks_foreach(f->cu, &q, on_page, &s, &stats), CLICKUP_OK);
    assert_int_equal(s.pages, 3);
    assert_int_equal(s.bad, 0);
    assert_int_equal(s.next_id, 250);
    assert_int_equal(s.index[0], 0); assert_int_equal(s.index[1], 1); assert_int_equal(s.index[2], 2);
    assert_int_equal(s.count[0], 100); assert_int_equal(s.count[1], 100); assert_int_equal(s.count[2], 50);
    assert_int_equal(stats.count, 250);
    assert_int_equal(stats.pages, 3);
    assert_int_equal(stats.truncated, 0);
    assert_null(stats.items);
    check_big_requests(f, 3);

    /* Stop early from the callback: one request, CLICKUP_OK. */
    sandbox_log_reset(f->sb);
    memset(&s, 0, sizeof s);
    s.stop_after = 1;
    assert_int_equal(clickup_tasks_foreach(f->cu, &q, on_page, &s, &stats), CLICKUP_OK);
    assert_int_equal(s.pages, 1);
    assert_int_equal(stats.pages, 1);
    assert_int_equal(stats.count, 100);
    check_big_requests(f, 1);

    /* max_pages 2 through foreach: truncated in the stats. */
    sandbox_log_reset(f->sb);
    memset(&s, 0, sizeof s);
    q.max_pages = 2;
    assert_int_equal(clickup_tasks_foreach(f->cu, &q, on_page, &s, &stats), CLICKUP_OK);
    assert_int_equal(s.pages, 2);
    assert_int_equal(stats.count, 200);
    assert_int_equal(stats.truncated, 1);
    check_big_requests(f, 2);

    /* Refused: no callback. */
    assert_int_equal(clickup_tasks_foreach(f->cu, &q, NULL, &s, &stats), CLICKUP_ERR_INVALID_ARG);
}

/* A counting allocator: outstanding bytes and their peak; checks realloc's old_size too. */
typedef struct counter {
    size_t cur, peak, allocs, frees, bad_old_size;
} counter;
#define HDR 16
static void bump(counter *c, size_t add) { c->cur += add; if (c->cur > c->peak) c->peak = c->cur; }
static void *cnt_malloc(void *u, size_t n) {
    counter *c = (counter *)u;
    unsigned char *p = (unsigned char *)malloc(n + HDR);
    if (!p) return NULL;
    memcpy(p, &n, sizeof n);
    c->allocs++;
    bump(c, n);
    return p + HDR;
}
static void cnt_free(void *u, void *ptr) {
    counter *c = (counter *)u;
    unsigned char *p;
    size_t n;
    if (!ptr) return;
    p = (unsigned char *)ptr - HDR;
    memcpy(&n, p, sizeof n);
    c->cur -= n;
    c->frees++;
    free(p);
}
static void *cnt_realloc(void *u, void *ptr, size_t old_size, size_t n) {
    counter *c = (counter *)u;
    unsigned char *p, *np;
    size_t was;
    if (!ptr) return cnt_malloc(u, n);
    p = (unsigned char *)ptr - HDR;
    memcpy(&was, p, sizeof was);
    if (was != old_size) c->bad_old_size++;
    np = (unsigned char *)realloc(p, n + HDR);
    if (!np) return NULL;
    memcpy(np, &n, sizeof n);
    c->cur -= was;
    bump(c, n);
    return np + HDR;
}

static int drop_page(void *user, const clickup_tasks *page) { (void)page; (*(int *)user)++; return 0; }

/* 600 tasks: six pages, so "holds everything" and "holds one page" are far apart. */
static int setup_600(void **state) {
    sandbox_opts o;
    memset(&o, 0, sizeof o);
    o.big_list_tasks = 600;
    return start_with(state, &o);
}

static void test_foreach_holds_one_page(void **state) {
    fx *f = (fx *)*state;
    counter c1, cf, ca;
    clickup_allocator a;
    clickup_client *c;
    clickup_task_query q;
    clickup_tasks *ts = NULL;
    size_t base;
    int pages = 0;

    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    q.include_closed = 1;
    a.malloc_fn = cnt_malloc; a.realloc_fn = cnt_realloc; a.free_fn = cnt_free;

    /* One page (max_pages 1), kept until freed: the reference. */
    memset(&c1, 0, sizeof c1);
    a.user = &c1;
    c = mk_client_ex(f, SANDBOX_TOKEN, SANDBOX_TEAM_ID, 0, &a);
    base = c1.cur; c1.peak = base;
    q.max_pages = 1;
    assert_int_equal(clickup_tasks_get(c, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 100);
    clickup_tasks_free(ts);
    c1.peak -= base;
    clickup_client_destroy(c);
    assert_int_equal(c1.cur, 0);
    assert_int_equal(c1.bad_old_size, 0);

    /* foreach over all three pages. */
    memset(&cf, 0, sizeof cf);
    a.user = &cf;
    c = mk_client_ex(f, SANDBOX_TOKEN, SANDBOX_TEAM_ID, 0, &a);
    base = cf.cur; cf.peak = base;
    q.max_pages = 0;
    assert_int_equal(clickup_tasks_foreach(c, &q, drop_page, &pages, NULL), CLICKUP_OK);
    assert_int_equal(pages, 6);
    cf.peak -= base;
    clickup_client_destroy(c);
    assert_int_equal(cf.cur, 0);
    assert_int_equal(cf.bad_old_size, 0);

    /* tasks_get of all pages holds all of them. */
    memset(&ca, 0, sizeof ca);
    a.user = &ca;
    c = mk_client_ex(f, SANDBOX_TOKEN, SANDBOX_TEAM_ID, 0, &a);
    base = ca.cur; ca.peak = base;
    assert_int_equal(clickup_tasks_get(c, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->count, 600);
    assert_int_equal(ts->pages, 6);
    clickup_tasks_free(ts);
    ca.peak -= base;
    clickup_client_destroy(c);
    assert_int_equal(ca.cur, 0);
    assert_int_equal(ca.bad_old_size, 0);

    print_message("peak bytes: one page %lu, foreach of 6 pages %lu, tasks_get of 6 pages %lu\n",
                  (unsigned long)c1.peak, (unsigned long)cf.peak, (unsigned long)ca.peak);
    assert_true(c1.peak > 100000);                    /* 100 tasks really are big */
    assert_true(cf.peak < 2 * c1.peak);
    assert_true(ca.peak > 3 * c1.peak);               /* six pages held at once */
    assert_true(ca.peak > 2 * cf.peak);
}

/* ============================================================================================
   8. ClickUp's inconsistent types: hand-written fixtures through the transport hook
   ============================================================================================ */
static const char FX_TASK[] =
    "{\"id\":\"fx1\",\"custom_id\":null,\"name\":\"Fixture\",\"text_content\":\"t\",\"description\":\"d\","
    "\"status\":{\"id\":\"s1\",\"status\":\"open\",\"color\":\"#ddd\",\"orderindex\":\"2\",\"type\":\"open\"},"
    "\"orderindex\":2.5,"
    "\"date_created\":\"1567780450202\",\"date_updated\":1567780450999,\"date_closed\":null,\"date_done\":null,"
    "\"archived\":false,"
    "\"creator\":{\"id\":\"183\",\"username\":\"Ada\",\"color\":\"#f00\",\"email\":\"a@x\",\"profilePicture\":null},"
    "\"assignees\":[{\"id\":\"2772463\",\"username\":\"Grace\",\"color\":null,\"initials\":\"GM\",\"email\":\"g@x\","
    "\"profilePicture\":null}],"
    "\"watchers\":null,\"checklists\":[],"
    "\"tags\":[{\"name\":\"sop\",\"tag_fg\":\"#fff\",\"tag_bg\":\"#000\",\"creator\":\"183\"}],"
    "\"parent\":null,\"top_level_parent\":null,\"priority\":null,\"due_date\":null,\"start_date\":null,"
    "\"points\":null,\"time_estimate\":3600000.0,\"time_spent\":\"2040000\","
    "\"custom_fields\":["
    "{\"id\":\"cf1\",\"name\":\"Labels\",\"type\":\"labels\",\"type_config\":{}},"
    "{\"id\":\"cf2\",\"name\":\"Seats\",\"type\":\"number\",\"value\":\"8\"},"
    "{\"id\":\"cf3\",\"name\":\"Tier\",\"type\":\"drop_down\",\"value\":2},"
    "{\"id\":\"cf4\",\"name\":\"Note\",\"type\":\"text\",\"value\":null}],"
    "\"team_id\":\"9001\",\"url\":\"https://app.clickup.com/t/fx1\","
    "\"list\":{\"id\":\"2101\",\"name\":\"Small List\"},\"project\":{\"id\":\"1100\",\"name\":\"Onboarding\"},"
    "\"space\":{\"id\":790},"
    "\"subtasks\":[{\"id\":\"fx2\",\"orderindex\":1.5,\"time_spent\":0,\"time_estimate\":null,"
    "\"priority\":{\"id\":\"1\",\"priority\":\"urgent\",\"color\":\"#f50000\",\"orderindex\":\"1\"},"
    "\"due_date\":\"1710000000000\",\"start_date\":1709000000000,\"parent\":\"fx1\"}]}";
static const char FX_LISTS[] =
    "{\"lists\":[{\"id\":\"1\",\"name\":\"a\",\"task_count\":\"12\",\"orderindex\":\"3\",\"status\":null,\"priority\":null},"
    "{\"id\":\"2\",\"name\":\"b\",\"task_count\":7,\"due_date\":null},"
    "{\"id\":\"3\",\"name\":\"c\",\"task_count\":null},"
    "{\"id\":4,\"name\":\"d\",\"task_count\":\"7.0\",\"due_date\":\"1711929600000\"}]}";
static const char FX_FOLDERS[] =
    "{\"folders\":[{\"id\":\"1100\",\"name\":\"F\",\"orderindex\":0,\"task_count\":\"20\",\"lists\":[]},"
    "{\"id\":\"1101\",\"name\":\"G\",\"task_count\":5,\"space\":{\"id\":790,\"name\":\"S\"},"
    "\"lists\":[{\"id\":\"9\",\"name\":\"x\",\"task_count\":\"1\"}]}]}";
static const char FX_TEAMS[] =
    "{\"teams\":[{\"id\":9001,\"name\":\"T\",\"members\":["
    "{\"user\":{\"id\":\"2772463\",\"username\":\"Grace\",\"role\":\"3\"}},"
    "{\"user\":{\"id\":183,\"username\":\"Ada\",\"role\":1}}]}]}";

typedef struct fxt { int calls; char last_url[256]; char last_method[8]; } fxt;
static clickup_transport_status fx_transport(void *user, const clickup_http_request *rq, clickup_http_response *resp) {
    fxt *x = (fxt *)user;
    const char *path = strstr(rq->url, "/api/v2");
    x->calls++;
    snprintf(x->last_url, sizeof x->last_url, "%s", rq->url);
    snprintf(x->last_method, sizeof x->last_method, "%s", rq->method);
    memset(resp, 0, sizeof *resp);
    resp->status = 200;
    path = path ? path + 7 : "";
    if (strncmp(path, "/task/fx1", 9) == 0) resp->body = FX_TASK;
    else if (strncmp(path, "/folder/", 8) == 0) resp->body = FX_LISTS;
    else if (strncmp(path, "/space/", 7) == 0) resp->body = FX_FOLDERS;
    else if (strcmp(path, "/team") == 0) resp->body = FX_TEAMS;
    else { resp->status = 404; resp->body = "{\"err\":\"Route not found\",\"ECODE\":\"APP_001\"}"; }
    resp->body_len = strlen(resp->body);
    return CLICKUP_TRANSPORT_OK;
}

static void test_fixture_inconsistent_types(void **state) {
    fxt x;
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_task *t = NULL;
    clickup_lists *ls = NULL;
    clickup_folders *fo = NULL;
    clickup_members *m = NULL;
    const clickup_task *s;
    (void)state;

    memset(&x, 0, sizeof x);
    clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.team_id = "9001";
    cfg.transport = fx_transport;
    cfg.transport_user = &x;
    cfg.disable_cache = 1;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);

    assert_int_equal(clickup_task_get(c, "fx1", NULL, &t), CLICKUP_OK);
    assert_string_equal(x.last_method, "GET");
    assert_string_equal(x.last_url, "https://api.clickup.com/api/v2/task/fx1");
    assert_null(t->custom_id);
    assert_string_equal(t->orderindex, "2.5");                  /* float orderindex */
    assert_int_equal(t->status.orderindex.value, 2);            /* "2" */
    assert_int_equal(t->date_created.value, 1567780450202LL);   /* string */
    assert_int_equal(t->date_updated.value, 1567780450999LL);   /* number */
    assert_int_equal(t->date_closed.present, 0);                /* null */
    assert_int_equal(t->date_done.present, 0);
    assert_int_equal(t->due_date.present, 0);
    assert_int_equal(t->start_date.present, 0);
    assert_null(t->priority);
    assert_int_equal(t->time_estimate.present, 1);
    assert_int_equal(t->time_estimate.value, 3600000);          /* 3600000.0 */
    assert_int_equal(t->time_spent.present, 1);
    assert_int_equal(t->time_spent.value, 2040000);             /* "2040000" */
    assert_int_equal(t->creator.id, 183);                       /* "183" */
    assert_string_equal(t->creator.profile_picture, "");
    assert_int_equal(t->assignee_count, 1);
    assert_int_equal(t->assignees[0].id, 2772463);              /* "2772463" */
    assert_string_equal(t->assignees[0].color, "");
    assert_int_equal(t->watcher_count, 0);                      /* null array */
    assert_int_equal(t->tags[0].creator, 183);                  /* "183" */
    assert_int_equal(t->custom_field_count, 4);
    assert_null(t->custom_fields[0].value);                     /* no value key */
    assert_string_equal(clickup_json_as_string(t->custom_fields[1].value, "", NULL), "8");
    assert_int_equal(clickup_json_typeof(t->custom_fields[2].value), CLICKUP_JSON_NUMBER);
    assert_int_equal(clickup_json_as_int64(t->custom_fields[2].value, -1), 2);
    assert_non_null(t->custom_fields[3].value);                 /* "value": null is a node */
    assert_int_equal(clickup_json_typeof(t->custom_fields[3].value), CLICKUP_JSON_NULL);
    assert_string_equal(t->folder.id, "1100");                  /* from the legacy "project" */
    assert_string_equal(t->folder.name, "Onboarding");
    assert_string_equal(t->space.id, "790");                    /* a number id */
    assert_int_equal(t->subtask_count, 1);
    s = &t->subtasks[0];
    assert_string_equal(s->orderindex, "1.5");
    assert_int_equal(s->time_spent.present, 1);
    assert_int_equal(s->time_spent.value, 0);
    assert_int_equal(s->time_estimate.present, 0);
    assert_non_null(s->priority);
    assert_string_equal(s->priority->priority, "urgent");
    assert_int_equal(s->due_date.value, 1710000000000LL);
    assert_int_equal(s->start_date.value, 1709000000000LL);
    assert_string_equal(s->parent, "fx1");
    assert_string_equal(s->name, "");                            /* absent */
    clickup_task_free(t);

    assert_int_equal(clickup_lists_get(c, "55", NULL, NULL, &ls), CLICKUP_OK);
    assert_string_equal(x.last_url, "https://api.clickup.com/api/v2/folder/55/list");
    assert_int_equal(ls->count, 4);
    assert_int_equal(ls->items[0].task_count.present, 1);
    assert_int_equal(ls->items[0].task_count.value, 12);        /* "12" */
    assert_int_equal(ls->items[0].orderindex.value, 3);         /* "3" */
    assert_string_equal(ls->items[0].status_label, "");
    assert_int_equal(ls->items[1].task_count.value, 7);         /* 7 */
    assert_int_equal(ls->items[1].due_date.present, 0);
    assert_int_equal(ls->items[2].task_count.present, 0);       /* null */
    assert_string_equal(ls->items[3].id, "4");                  /* a number id */
    assert_int_equal(ls->items[3].task_count.value, 7);         /* "7.0" */
    assert_int_equal(ls->items[3].due_date.value, 1711929600000LL);
    clickup_lists_free(ls);

    assert_int_equal(clickup_folders_get(c, "790", NULL, &fo), CLICKUP_OK);
    assert_int_equal(fo->count, 2);
    assert_int_equal(fo->items[0].task_count.value, 20);        /* "20" */
    assert_int_equal(fo->items[0].list_count, 0);
    assert_int_equal(fo->items[1].task_count.value, 5);         /* 5 */
    assert_string_equal(fo->items[1].space.id, "790");
    assert_int_equal(fo->items[1].lists[0].task_count.value, 1);
    clickup_folders_free(fo);

    assert_int_equal(clickup_members_get(c, &m), CLICKUP_OK);   /* team id 9001 as a number */
    assert_int_equal(m->count, 2);
    assert_int_equal(m->items[0].id, 2772463);                  /* "2772463" */
    assert_int_equal(m->items[0].role, 3);                      /* "3" */
    assert_int_equal(m->items[1].id, 183);
    assert_int_equal(m->items[1].role, 1);
    clickup_members_free(m);
    assert_int_equal(x.calls, 4);
    clickup_client_destroy(c);
}

/* ============================================================================================
   9. Task references
   ============================================================================================ */
typedef struct ref_case {
    const char *in;
    int         ok;
    const char *id, *team;
    int         custom;
} ref_case;

static void test_task_ref_parse_table(void **state) {
    static char long100[101], long64[65], long65[66];
    ref_case cases[] = {
        /* good */
        { "86abc123", 1, "86abc123", "", 0 },
        { "wdrv93ebwx", 1, "wdrv93ebwx", "", 0 },
        { "j337mq", 1, "j337mq", "", 0 },
        { "#86abc123", 1, "86abc123", "", 0 },
        { "CU-86abc123", 1, "86abc123", "", 0 },
        { "cu-86abc123", 1, "86abc123", "", 0 },
        { " 86abc123 \n", 1, "86abc123", "", 0 },
        { "\t#86abc123\r\n", 1, "86abc123", "", 0 },
        { "https://app.clickup.com/t/86abc123", 1, "86abc123", "", 0 },
        { "https://app.clickup.com/t/86abc123/", 1, "86abc123", "", 0 },
        { "https://app.clickup.com/t/86abc123?comment=90", 1, "86abc123", "", 0 },
        { "https://app.clickup.com/t/86abc123#activity", 1, "86abc123", "", 0 },
        { "https://app.clickup.com/t/86abc123/?a=/b#c/d", 1, "86abc123", "", 0 },
        { "  https://app.clickup.com/t/86abc123  ", 1, "86abc123", "", 0 },
        { "http://app.clickup.com/t/86abc123", 1, "86abc123", "", 0 },
        { "https://clickup.com/t/86abc123", 1, "86abc123", "", 0 },
        { "https://app.clickup.com/t/9017679539/DEV-2760", 1, "DEV-2760", "9017679539", 1 },
        { "https://app.clickup.com/t/9017679539/DEV-2760/?x=1", 1, "DEV-2760", "9017679539", 1 },
        { "https://app.clickup.com/t/9017679539/86abc123", 1, "86abc123", "9017679539", 0 },
        { "DEV-2760", 1, "DEV-2760", "", 1 },
        { "dev-7", 1, "dev-7", "", 1 },
        { "PROJ2-42", 1, "PROJ2-42", "", 1 },
        { "CU-123", 1, "CU-123", "", 1 },           /* CU-<digits> is a custom id, not the prefix */
        { "#DEV-2760", 1, "DEV-2760", "", 1 },
        { long64, 1, long64, "", 0 },
        /* bad */
        { "", 0, NULL, NULL, 0 },
        { "   ", 0, NULL, NULL, 0 },
        { " \t\r\n", 0, NULL, NULL, 0 },
        { "#", 0, NULL, NULL, 0 },
        { "https://evil.com/t/abc", 0, NULL, NULL, 0 },
        { "https://app.clickup.com.evil.com/t/abc", 0, NULL, NULL, 0 },
        { "https://app.clickup.com@evil.com/t/abc", 0, NULL, NULL, 0 },
        { "https://app.clickup.com/x/abc", 0, NULL, NULL, 0 },
        { "https://app.clickup.com/t/", 0, NULL, NULL, 0 },
        { "https://app.clickup.com", 0, NULL, NULL, 0 },
        { "https://app.clickup.com/t/a/b/c", 0, NULL, NULL, 0 },
        { "https://app.clickup.com/t/12ab/DEV-1", 0, NULL, NULL, 0 },
        { "https://app.clickup.com/t//86abc123", 0, NULL, NULL, 0 },
        { "https://app.clickup.com/t/86abc123//", 0, NULL, NULL, 0 },
        { "https://app.clickup.com/t/%38%36abc", 0, NULL, NULL, 0 },
        { "ftp://app.clickup.com/t/abc", 0, NULL, NULL, 0 },
        { "../team/1", 0, NULL, NULL, 0 },
        { "abc def", 0, NULL, NULL, 0 },
        { "abc%2f", 0, NULL, NULL, 0 },
        { "abc/def", 0, NULL, NULL, 0 },
        { "86abc123?x", 0, NULL, NULL, 0 },
        { "DEV-", 0, NULL, NULL, 0 },
        { "-12", 0, NULL, NULL, 0 },
        { "DEV-12x", 0, NULL, NULL, 0 },
        { "DEV--12", 0, NULL, NULL, 0 },
        { "##86abc123", 0, NULL, NULL, 0 },
        { long65, 0, NULL, NULL, 0 },
        { long100, 0, NULL, NULL, 0 },
    };
    size_t i, good = 0, bad = 0;
    clickup_task_ref ref;
    (void)state;
    memset(long100, 'a', 100); long100[100] = '\0';
    memset(long64, 'b', 64); long64[64] = '\0';
    memset(long65, 'c', 65); long65[65] = '\0';

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const ref_case *k = &cases[i];
        clickup_result rc;
        memset(&ref, 0x5a, sizeof ref);
        rc = clickup_task_ref_parse(k->in, &ref);
        if (k->ok) {
            if (rc != CLICKUP_OK) fail_msg("case %u \"%s\": expected OK, got %d (%s)", (unsigned)i, k->in, rc, ref.error ? ref.error : "");
            assert_null(ref.error);
            if (strcmp(ref.id, k->id) != 0) fail_msg("case %u \"%s\": id \"%s\", expected \"%s\"", (unsigned)i, k->in, ref.id, k->id);
            if (strcmp(ref.team_id, k->team) != 0) fail_msg("case %u \"%s\": team \"%s\", expected \"%s\"", (unsigned)i, k->in, ref.team_id, k->team);
            if (ref.is_custom != k->custom) fail_msg("case %u \"%s\": is_custom %d", (unsigned)i, k->in, ref.is_custom);
            good++;
        } else {
            if (rc != CLICKUP_ERR_INVALID_ARG) fail_msg("case %u \"%s\": expected INVALID_ARG, got %d (id \"%s\")", (unsigned)i, k->in, rc, ref.id);
            assert_non_null(ref.error);
            assert_true(strlen(ref.error) > 5);
            bad++;
        }
    }
    assert_true(good >= 12 && bad >= 13);
    /* NULL input and NULL out */
    assert_int_equal(clickup_task_ref_parse(NULL, &ref), CLICKUP_ERR_INVALID_ARG);
    assert_non_null(ref.error);
    assert_int_equal(clickup_task_ref_parse("86abc123", NULL), CLICKUP_ERR_INVALID_ARG);
}

/* ============================================================================================ */
int main(void) {
    const struct CMUnitTest tests[] = {
        /* first: it forks, and the child should not inherit other tests' thread stacks */
        cmocka_unit_test(test_tasks_query_null_filter_array_refused),
        cmocka_unit_test_setup_teardown(test_teams_get, setup, teardown),
        cmocka_unit_test_setup_teardown(test_members_get, setup, teardown),
        cmocka_unit_test_setup_teardown(test_members_get_is_cached, setup, teardown),
        cmocka_unit_test_setup_teardown(test_team_discovery, setup, teardown),
        cmocka_unit_test_setup_teardown(test_spaces_get, setup, teardown),
        cmocka_unit_test_setup_teardown(test_folders_get, setup, teardown),
        cmocka_unit_test_setup_teardown(test_lists_get, setup, teardown),
        cmocka_unit_test_setup_teardown(test_list_get, setup, teardown),
        cmocka_unit_test_setup_teardown(test_task_get_special, setup, teardown),
        cmocka_unit_test_setup_teardown(test_task_get_references, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tasks_get_filters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tasks_get_space, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tasks_get_space_exact_pages, setup_196, teardown),
        cmocka_unit_test_setup_teardown(test_task_create, setup, teardown),
        cmocka_unit_test_setup_teardown(test_task_create_refused_locally, setup, teardown),
        cmocka_unit_test_setup_teardown(test_task_update, setup, teardown),
        cmocka_unit_test_setup_teardown(test_task_tags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_task_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(test_writes_invalidate_cached_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_templates_get, setup, teardown),
        cmocka_unit_test_setup_teardown(test_templates_exact_pages, setup_200_templates, teardown),
        cmocka_unit_test_setup_teardown(test_task_from_template, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pagination_all_pages, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tasks_foreach, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreach_holds_one_page, setup_600, teardown),
        cmocka_unit_test(test_fixture_inconsistent_types),
        cmocka_unit_test(test_task_ref_parse_table),
    };
    int rc;
    if (clickup_global_init() != CLICKUP_OK) return 1;
    rc = cmocka_run_group_tests_name("endpoints", tests, NULL, NULL);
    clickup_global_cleanup();
    return rc;
}

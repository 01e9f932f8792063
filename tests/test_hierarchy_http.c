/* The hierarchy's typed calls over real HTTP against the loopback sandbox (tests/test_hierarchy.c
   checks the same calls on an injected transport): spaces, folders and lists created, renamed
   and deleted (and then gone from every GET), space tags (create, rename, delete, and what that
   does to the space's tasks), views of each level with a view's tasks over every page, and task
   attachments uploaded from a file and from memory as multipart/form-data, the bytes checked by
   the sandbox (size and FNV-1a 64). Also the errors the sandbox answers: unknown ids, a 400 for
   an upload without its "attachment" part, a bad name. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include "sandbox.h"
#include <cmocka.h>

/* ==== fixture: one sandbox (250 tasks in list 2100) and one client (cache off) per test ====== */
typedef struct fx {
    sandbox        *sb;
    char            url[96];
    clickup_client *cu;
} fx;

static int setup(void **state) {
    clickup_config cfg;
    fx *f = (fx *)calloc(1, sizeof *f);
    if (!f) return -1;
    f->sb = sandbox_start(NULL);
    if (!f->sb) { free(f); return -1; }
    sandbox_base_url(f->sb, f->url, sizeof f->url);
    clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.team_id = SANDBOX_TEAM_ID;
    cfg.base_url = f->url;
    cfg.backoff_base_ms = 10;
    cfg.backoff_cap_ms = 20;
    cfg.max_retries = 1;
    cfg.rate_limit = 10000;
    cfg.timeout_ms = 60000;
    cfg.disable_cache = 1;
    if (clickup_client_create(&cfg, &f->cu) != CLICKUP_OK) { sandbox_stop(f->sb); free(f); return -1; }
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

/* ==== helpers ================================================================================ */
static void last_req(fx *f, const char *method, const char *path, int status) {
    sandbox_request r;
    assert_int_equal(sandbox_request_last(f->sb, NULL, NULL, &r), 0);
    assert_string_equal(r.method, method);
    assert_string_equal(r.path, path);
    assert_int_equal(r.status, status);
}
/* The last call failed with this result, HTTP status and ECODE. */
static void last_err(fx *f, clickup_result rc, clickup_result want, int http, const char *ecode) {
    const clickup_error *e = clickup_last_error(f->cu);
    assert_int_equal(rc, want);
    assert_int_equal(e->http_status, http);
    assert_string_equal(e->ecode, ecode);
}
static const clickup_json *jget(const clickup_json *o, const char *k) {
    const clickup_json *v = clickup_json_get(o, k);
    if (!v) fail_msg("key '%s' is absent", k);
    return v;
}
static const char *jstr(const clickup_json *o, const char *k) { return clickup_json_as_string(jget(o, k), "", NULL); }

static int spaces_have(fx *f, const char *id) {
    clickup_spaces *s = NULL;
    size_t i;
    int found = 0;
    assert_int_equal(clickup_spaces_get(f->cu, NULL, &s), CLICKUP_OK);
    for (i = 0; i < s->count; i++) found |= strcmp(s->items[i].id, id) == 0;
    clickup_spaces_free(s);
    return found;
}
static int folders_have(fx *f, const char *space, const char *id) {
    clickup_folders *fs = NULL;
    size_t i;
    int found = 0;
    assert_int_equal(clickup_folders_get(f->cu, space, NULL, &fs), CLICKUP_OK);
    for (i = 0; i < fs->count; i++) found |= strcmp(fs->items[i].id, id) == 0;
    clickup_folders_free(fs);
    return found;
}
/* Lists of a folder (folder != NULL) or the folderless lists of a space: is `id` there? */
static int lists_have(fx *f, const char *folder, const char *space, const char *id, const char *name) {
    clickup_lists *ls = NULL;
    size_t i;
    int found = 0;
    assert_int_equal(clickup_lists_get(f->cu, folder, folder ? NULL : space, NULL, &ls), CLICKUP_OK);
    for (i = 0; i < ls->count; i++)
        if (strcmp(ls->items[i].id, id) == 0) { found = 1; if (name) assert_string_equal(ls->items[i].name, name); }
    clickup_lists_free(ls);
    return found;
}

static unsigned long long fnv1a64(const unsigned char *p, size_t n) {
    unsigned long long h = 14695981039346656037ULL;
    size_t i;
    for (i = 0; i < n; i++) { h ^= p[i]; h *= 1099511628211ULL; }
    return h;
}
/* n bytes of a fixed pseudo-random sequence (every byte value occurs, CR LF and "--" too). */
static unsigned char *noise(size_t n, unsigned seed) {
    unsigned char *b = (unsigned char *)malloc(n);
    size_t i;
    assert_non_null(b);
    for (i = 0; i < n; i++) { seed = seed * 1103515245u + 12345u; b[i] = (unsigned char)(seed >> 16); }
    return b;
}

/* A raw request with libcurl (for what the typed calls never send). Returns the HTTP status;
   the answer's body into out. mime_part: NULL = send `body` with content_type. */
static size_t collect(char *p, size_t sz, size_t n, void *user) {
    char *out = (char *)user;
    size_t have = strlen(out), add = sz * n;
    if (have + add < 1024) { memcpy(out + have, p, add); out[have + add] = '\0'; }
    return sz * n;
}
static long raw_request(fx *f, const char *method, const char *path, const char *content_type, const char *body,
                        const char *mime_part, char *out) {
    CURL *e = curl_easy_init();
    struct curl_slist *h = NULL;
    curl_mime *mime = NULL;
    char url[256], ct[128];
    long status = 0;
    assert_non_null(e);
    out[0] = '\0';
    snprintf(url, sizeof url, "%s%s", f->url, path);
    h = curl_slist_append(h, "Authorization: " SANDBOX_TOKEN);
    curl_easy_setopt(e, CURLOPT_URL, url);
    curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, method);
    if (mime_part) {
        curl_mimepart *part;
        mime = curl_mime_init(e);
        part = curl_mime_addpart(mime);
        curl_mime_name(part, mime_part);
        curl_mime_data(part, "hello", 5);
        curl_mime_filename(part, "hello.txt");
        curl_easy_setopt(e, CURLOPT_MIMEPOST, mime);
    } else if (body) {
        snprintf(ct, sizeof ct, "Content-Type: %s", content_type);
        h = curl_slist_append(h, ct);
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, body);
    }
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, out);
    assert_int_equal(curl_easy_perform(e), CURLE_OK);
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
    curl_mime_free(mime);
    curl_slist_free_all(h);
    curl_easy_cleanup(e);
    return status;
}

/* ==== spaces, folders, lists ================================================================= */
static void test_hierarchy_lifecycle(void **state) {
    fx *f = (fx *)*state;
    clickup_space_new sn;
    clickup_space_changes sc;
    clickup_list_new ln;
    clickup_space *sp = NULL;
    clickup_folder *fo = NULL;
    clickup_list *l = NULL, *l2 = NULL;
    clickup_task_new tn;
    clickup_task *t = NULL;
    char space_id[32], folder_id[32], list_id[32], loose_id[32], task_id[32], path[96];

    memset(&sn, 0, sizeof sn);
    sn.name = "Client B";
    sn.multiple_assignees = CLICKUP_NO;
    sn.features_json = "{\"due_dates\":{\"enabled\":false},\"tags\":{\"enabled\":true}}";
    assert_int_equal(clickup_space_create(f->cu, &sn, &sp), CLICKUP_OK);
    last_req(f, "POST", "/api/v2/team/9001/space", 200);
    assert_string_equal(sp->name, "Client B");
    assert_int_equal(sp->multiple_assignees, 0);
    assert_int_equal(sp->features.due_dates, 0);
    assert_int_equal(sp->features.tags, 1);
    assert_int_equal(sp->status_count, 4);
    snprintf(space_id, sizeof space_id, "%s", sp->id);
    clickup_space_free(sp);
    assert_true(spaces_have(f, space_id));

    memset(&sc, 0, sizeof sc);
    sc.name = "Client B (renamed)";
    sc.color = "#ff0000";
    sc.is_private = CLICKUP_YES;
    assert_int_equal(clickup_space_update(f->cu, space_id, &sc, NULL), CLICKUP_OK);
    snprintf(path, sizeof path, "/api/v2/space/%s", space_id);
    last_req(f, "PUT", path, 200);
    assert_int_equal(clickup_space_get(f->cu, space_id, &sp), CLICKUP_OK);
    assert_string_equal(sp->name, "Client B (renamed)");
    assert_string_equal(sp->color, "#ff0000");
    assert_int_equal(sp->is_private, 1);
    assert_int_equal(sp->features.tags, 1);          /* unchanged by the update */
    clickup_space_free(sp);

    assert_int_equal(clickup_folder_create(f->cu, space_id, "Retainers", &fo), CLICKUP_OK);
    assert_string_equal(fo->name, "Retainers");
    assert_string_equal(fo->space.id, space_id);
    assert_int_equal(fo->list_count, 0);
    snprintf(folder_id, sizeof folder_id, "%s", fo->id);
    clickup_folder_free(fo);
    assert_int_equal(clickup_folder_update(f->cu, folder_id, "Retainers 2025", &fo), CLICKUP_OK);
    assert_string_equal(fo->name, "Retainers 2025");
    clickup_folder_free(fo);
    assert_true(folders_have(f, space_id, folder_id));
    assert_false(folders_have(f, "790", folder_id));

    memset(&ln, 0, sizeof ln);
    ln.name = "Monthly";
    ln.content = "Recurring work";
    ln.priority = 2;
    ln.due_date.present = 1; ln.due_date.value = 1767225600000LL;
    ln.status = "red";
    assert_int_equal(clickup_list_create(f->cu, folder_id, NULL, &ln, &l), CLICKUP_OK);
    assert_string_equal(l->name, "Monthly");
    assert_string_equal(l->content, "Recurring work");
    assert_string_equal(l->priority_label, "high");
    assert_string_equal(l->status_label, "red");
    assert_string_equal(l->status_color, "#e50000");
    assert_int_equal(l->due_date.value, 1767225600000LL);
    assert_string_equal(l->folder.id, folder_id);
    assert_string_equal(l->space.id, space_id);
    assert_int_equal(l->status_count, 4);
    snprintf(list_id, sizeof list_id, "%s", l->id);
    clickup_list_free(l);

    memset(&ln, 0, sizeof ln);
    ln.name = "Loose ends";
    ln.markdown = "**Bold** notes";
    assert_int_equal(clickup_list_create(f->cu, NULL, space_id, &ln, &l2), CLICKUP_OK);
    assert_string_equal(l2->content, "Bold notes");
    assert_string_equal(l2->folder.name, "hidden");
    snprintf(loose_id, sizeof loose_id, "%s", l2->id);
    clickup_list_free(l2);
    assert_true(lists_have(f, folder_id, NULL, list_id, "Monthly"));
    assert_false(lists_have(f, folder_id, NULL, loose_id, NULL));
    assert_true(lists_have(f, NULL, space_id, loose_id, "Loose ends"));

    memset(&ln, 0, sizeof ln);
    ln.name = "Monthly (renamed)";
    ln.unset_status = 1;
    assert_int_equal(clickup_list_update(f->cu, list_id, &ln, &l), CLICKUP_OK);
    assert_string_equal(l->name, "Monthly (renamed)");
    assert_string_equal(l->status_label, "");
    assert_string_equal(l->priority_label, "high");  /* kept */
    clickup_list_free(l);
    assert_int_equal(clickup_folder_get(f->cu, folder_id, &fo), CLICKUP_OK);
    assert_int_equal(fo->list_count, 1);
    assert_string_equal(fo->lists[0].name, "Monthly (renamed)");
    clickup_folder_free(fo);

    /* a task in the new list: its custom id takes the list's prefix */
    memset(&tn, 0, sizeof tn);
    tn.name = "January invoice";
    assert_int_equal(clickup_task_create(f->cu, list_id, &tn, &t), CLICKUP_OK);
    snprintf(task_id, sizeof task_id, "%s", t->id);
    assert_string_equal(t->list.id, list_id);
    assert_string_equal(t->folder.id, folder_id);
    assert_string_equal(t->space.id, space_id);
    clickup_task_free(t);
    assert_int_equal(sandbox_task_count(f->sb, list_id), 1);

    /* deletes: the folderless list, then the folder (its list and task go), then the space */
    assert_int_equal(clickup_list_delete(f->cu, loose_id), CLICKUP_OK);
    snprintf(path, sizeof path, "/api/v2/list/%s", loose_id);
    last_req(f, "DELETE", path, 200);
    last_err(f, clickup_list_get(f->cu, loose_id, &l), CLICKUP_ERR_NOT_FOUND, 404, "ITEM_017");
    assert_false(lists_have(f, NULL, space_id, loose_id, NULL));

    assert_int_equal(clickup_folder_delete(f->cu, folder_id), CLICKUP_OK);
    last_err(f, clickup_folder_get(f->cu, folder_id, &fo), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_027");
    assert_false(folders_have(f, space_id, folder_id));
    last_err(f, clickup_list_get(f->cu, list_id, &l), CLICKUP_ERR_NOT_FOUND, 404, "ITEM_017");
    last_err(f, clickup_task_get(f->cu, task_id, NULL, &t), CLICKUP_ERR_NOT_FOUND, 404, "ITEM_013");
    assert_int_equal(sandbox_task_count(f->sb, list_id), 0);

    assert_int_equal(clickup_space_delete(f->cu, space_id), CLICKUP_OK);
    last_err(f, clickup_space_get(f->cu, space_id, &sp), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_027");
    assert_false(spaces_have(f, space_id));
    assert_true(spaces_have(f, "790"));               /* the others stay */
}

/* Deleting a space takes its folders, lists and tasks; a seeded space can be renamed. */
static void test_space_delete_cascades(void **state) {
    fx *f = (fx *)*state;
    clickup_space_changes sc;
    clickup_space *sp = NULL;
    clickup_folder *fo = NULL;
    clickup_list *l = NULL;
    clickup_task *t = NULL;
    memset(&sc, 0, sizeof sc);
    sc.name = "Client A+";
    assert_int_equal(clickup_space_update(f->cu, "790", &sc, &sp), CLICKUP_OK);
    assert_string_equal(sp->name, "Client A+");
    clickup_space_free(sp);
    assert_int_equal(clickup_list_get(f->cu, "2101", &l), CLICKUP_OK);
    assert_string_equal(l->space.name, "Client A+");
    clickup_list_free(l);

    assert_int_equal(clickup_space_delete(f->cu, "790"), CLICKUP_OK);
    last_err(f, clickup_folder_get(f->cu, "1100", &fo), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_027");
    last_err(f, clickup_list_get(f->cu, "2100", &l), CLICKUP_ERR_NOT_FOUND, 404, "ITEM_017");
    last_err(f, clickup_list_get(f->cu, "2200", &l), CLICKUP_ERR_NOT_FOUND, 404, "ITEM_017");
    last_err(f, clickup_task_get(f->cu, SANDBOX_SPECIAL_TASK, NULL, &t), CLICKUP_ERR_NOT_FOUND, 404, "ITEM_013");
    assert_int_equal(sandbox_task_count(f->sb, "2100"), 0);
    /* the other space's things are untouched */
    assert_int_equal(clickup_list_get(f->cu, "2102", &l), CLICKUP_OK);
    clickup_list_free(l);
    assert_int_equal(clickup_task_get(f->cu, "86b00001", NULL, &t), CLICKUP_OK);
    clickup_task_free(t);
}

/* ==== space tags ============================================================================== */
static int space_tag(fx *f, const char *space, const char *name, const char **fg, const char **bg, clickup_space_tags **keep) {
    size_t i;
    assert_int_equal(clickup_space_tags_get(f->cu, space, keep), CLICKUP_OK);
    for (i = 0; i < (*keep)->count; i++)
        if (strcmp((*keep)->items[i].name, name) == 0) {
            if (fg) *fg = (*keep)->items[i].tag_fg;
            if (bg) *bg = (*keep)->items[i].tag_bg;
            return 1;
        }
    return 0;
}
static int task_has_tag(fx *f, const char *task, const char *name) {
    clickup_task *t = NULL;
    size_t i;
    int found = 0;
    assert_int_equal(clickup_task_get(f->cu, task, NULL, &t), CLICKUP_OK);
    for (i = 0; i < t->tag_count; i++) found |= strcmp(t->tags[i].name, name) == 0;
    clickup_task_free(t);
    return found;
}

static void test_space_tags(void **state) {
    fx *f = (fx *)*state;
    clickup_space_tags *tags = NULL;
    clickup_tag tag;
    const char *fg = NULL, *bg = NULL;

    assert_int_equal(clickup_space_tags_get(f->cu, "790", &tags), CLICKUP_OK);
    assert_int_equal(tags->count, 2);
    assert_string_equal(tags->items[0].name, "urgent");
    assert_string_equal(tags->items[1].name, "sop");
    assert_int_equal(tags->items[1].creator, 183);
    clickup_space_tags_free(tags);
    assert_int_equal(clickup_space_tags_get(f->cu, "791", &tags), CLICKUP_OK);
    assert_int_equal(tags->count, 0);
    clickup_space_tags_free(tags);

    memset(&tag, 0, sizeof tag);
    tag.name = "Client-VIP"; tag.tag_fg = "#ffffff"; tag.tag_bg = "#7b68ee";
    assert_int_equal(clickup_space_tag_create(f->cu, "790", &tag), CLICKUP_OK);
    last_req(f, "POST", "/api/v2/space/790/tag", 200);
    assert_true(space_tag(f, "790", "client-vip", &fg, &bg, &tags));   /* stored lower-case */
    assert_string_equal(fg, "#ffffff");
    assert_string_equal(bg, "#7b68ee");
    clickup_space_tags_free(tags);
    last_err(f, clickup_space_tag_create(f->cu, "790", &tag), CLICKUP_ERR_VALIDATION, 400, "TAG_003");

    /* on a task of the space, then renamed and recoloured: the task follows */
    assert_int_equal(clickup_task_tag_add(f->cu, "86c00002", "client-vip"), CLICKUP_OK);
    memset(&tag, 0, sizeof tag);
    tag.name = "vip"; tag.tag_fg = "#000000"; tag.tag_bg = "#ffcc00";
    assert_int_equal(clickup_space_tag_edit(f->cu, "790", "client-vip", &tag), CLICKUP_OK);
    last_req(f, "PUT", "/api/v2/space/790/tag/client-vip", 200);
    assert_false(space_tag(f, "790", "client-vip", NULL, NULL, &tags));
    clickup_space_tags_free(tags);
    assert_true(space_tag(f, "790", "vip", &fg, &bg, &tags));
    assert_string_equal(fg, "#000000");
    assert_string_equal(bg, "#ffcc00");
    clickup_space_tags_free(tags);
    assert_true(task_has_tag(f, "86c00002", "vip"));
    assert_false(task_has_tag(f, "86c00002", "client-vip"));
    assert_true(task_has_tag(f, "86c00002", "urgent"));

    /* a name with a space travels percent-encoded in the path */
    memset(&tag, 0, sizeof tag);
    tag.name = "key account";
    assert_int_equal(clickup_space_tag_edit(f->cu, "790", "vip", &tag), CLICKUP_OK);
    assert_true(task_has_tag(f, "86c00002", "key account"));
    assert_int_equal(clickup_space_tag_delete(f->cu, "790", "key account"), CLICKUP_OK);
    assert_false(space_tag(f, "790", "key account", NULL, NULL, &tags));
    assert_int_equal(tags->count, 2);
    clickup_space_tags_free(tags);
    assert_false(task_has_tag(f, "86c00002", "key account"));
    assert_true(task_has_tag(f, "86c00002", "urgent"));

    last_err(f, clickup_space_tag_delete(f->cu, "790", "nope"), CLICKUP_ERR_NOT_FOUND, 404, "TAG_004");
    last_err(f, clickup_space_tag_edit(f->cu, "790", "nope", &tag), CLICKUP_ERR_NOT_FOUND, 404, "TAG_004");
    last_err(f, clickup_space_tags_get(f->cu, "999999", &tags), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_027");
    assert_null(tags);
}

/* ==== views ================================================================================== */
static void check_views(fx *f, clickup_views_of of, const char *id, size_t n, const char *first, const char *req_list,
                        const char *req_board) {
    clickup_views *v = NULL;
    const clickup_json *rq;
    assert_int_equal(clickup_views_get(f->cu, of, id, &v), CLICKUP_OK);
    assert_int_equal(v->count, n);
    if (n) assert_string_equal(v->items[0].id, first);
    rq = jget(v->raw, "required_views");
    if (req_list) assert_string_equal(jstr(jget(rq, "list"), "id"), req_list);
    else assert_int_equal(clickup_json_typeof(jget(rq, "list")), CLICKUP_JSON_NULL);
    if (req_board) assert_string_equal(jstr(jget(rq, "board"), "id"), req_board);
    else assert_int_equal(clickup_json_typeof(jget(rq, "board")), CLICKUP_JSON_NULL);
    assert_int_equal(clickup_json_typeof(jget(rq, "calendar")), of == CLICKUP_VIEWS_OF_FOLDER ? CLICKUP_JSON_OBJECT : CLICKUP_JSON_NULL);
    clickup_views_free(v);
}

/* All tasks of a view; checks every page was asked for, 0.. in order. */
static size_t view_tasks(fx *f, const char *view, size_t want_pages) {
    clickup_task_query q;
    clickup_tasks *ts = NULL;
    char path[64], page[8];
    size_t n, i, k = 0, total = sandbox_request_count(f->sb, NULL, NULL);
    sandbox_request r;
    memset(&q, 0, sizeof q);
    q.view_id = view;
    assert_int_equal(clickup_tasks_get(f->cu, &q, &ts), CLICKUP_OK);
    assert_int_equal(ts->pages, want_pages);
    assert_int_equal(ts->truncated, 0);
    n = ts->count;
    for (i = 1; i < n; i++) assert_string_not_equal(ts->items[i].id, ts->items[i - 1].id);
    clickup_tasks_free(ts);
    snprintf(path, sizeof path, "/api/v2/view/%s/task", view);
    for (i = total; sandbox_request_get(f->sb, i, &r) == 0; i++) {
        assert_string_equal(r.path, path);
        snprintf(page, sizeof page, "%u", (unsigned)k++);
        assert_string_equal(sandbox_request_query(&r, "page", 0), page);
        assert_int_equal(r.status, 200);
    }
    assert_int_equal(k, want_pages);
    return n;
}

static void test_views(void **state) {
    fx *f = (fx *)*state;
    clickup_view *v = NULL;
    clickup_views *vs = NULL;
    clickup_list_new ln;
    clickup_list *l = NULL;
    clickup_task_query q;
    clickup_tasks *ts = NULL;
    char list_id[32], view_id[32];

    check_views(f, CLICKUP_VIEWS_OF_WORKSPACE, NULL, 2, "3c-100", "3c-100", NULL);
    last_req(f, "GET", "/api/v2/team/9001/view", 200);
    check_views(f, CLICKUP_VIEWS_OF_SPACE, "790", 2, "3c-110", "3c-111", "3c-110");
    check_views(f, CLICKUP_VIEWS_OF_FOLDER, "1100", 1, "3c-120", NULL, NULL);
    check_views(f, CLICKUP_VIEWS_OF_LIST, "2100", 3, "3c-130", "3c-130", "3c-131");
    check_views(f, CLICKUP_VIEWS_OF_LIST, "2101", 0, NULL, NULL, NULL);

    assert_int_equal(clickup_view_get(f->cu, "3c-131", &v), CLICKUP_OK);
    assert_string_equal(v->name, "Big List board");
    assert_string_equal(v->type, "board");
    assert_string_equal(v->parent_id, "2100");
    assert_int_equal(v->parent_type, 6);
    clickup_view_free(v);
    assert_int_equal(clickup_view_get(f->cu, "3c-110", &v), CLICKUP_OK);
    assert_int_equal(v->parent_type, 4);
    clickup_view_free(v);

    /* a view's tasks: the open top-level tasks below its parent, 100 a page */
    assert_int_equal(view_tasks(f, "3c-130", 3), 225);     /* 250 in list 2100, 25 closed */
    assert_int_equal(view_tasks(f, "3c-120", 3), 226);     /* + 86abc123 of list 2101 */
    assert_int_equal(view_tasks(f, "3c-100", 3), 229);     /* + 86b00001, 86c00001, 86c00002 */
    assert_int_equal(view_tasks(f, "3c-140", 1), 2);       /* the inbox */

    /* a new list gets a "List" view, which goes with the list */
    memset(&ln, 0, sizeof ln);
    ln.name = "Sprint";
    assert_int_equal(clickup_list_create(f->cu, "1100", NULL, &ln, &l), CLICKUP_OK);
    snprintf(list_id, sizeof list_id, "%s", l->id);
    clickup_list_free(l);
    assert_int_equal(clickup_views_get(f->cu, CLICKUP_VIEWS_OF_LIST, list_id, &vs), CLICKUP_OK);
    assert_int_equal(vs->count, 1);
    assert_string_equal(vs->items[0].name, "List");
    assert_string_equal(vs->items[0].parent_id, list_id);
    snprintf(view_id, sizeof view_id, "%s", vs->items[0].id);
    clickup_views_free(vs);
    assert_int_equal(view_tasks(f, view_id, 1), 0);
    assert_int_equal(clickup_list_delete(f->cu, list_id), CLICKUP_OK);
    last_err(f, clickup_view_get(f->cu, view_id, &v), CLICKUP_ERR_NOT_FOUND, 404, "VIEW_001");

    last_err(f, clickup_view_get(f->cu, "3c-999", &v), CLICKUP_ERR_NOT_FOUND, 404, "VIEW_001");
    assert_null(v);
    memset(&q, 0, sizeof q);
    q.view_id = "3c-999";
    last_err(f, clickup_tasks_get(f->cu, &q, &ts), CLICKUP_ERR_NOT_FOUND, 404, "VIEW_001");
    last_err(f, clickup_view_get(f->cu, "3c-190", &v), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_023");   /* team 9002 */
    last_err(f, clickup_views_get(f->cu, CLICKUP_VIEWS_OF_LIST, "999999", &vs), CLICKUP_ERR_NOT_FOUND, 404, "ITEM_017");
    last_err(f, clickup_views_get(f->cu, CLICKUP_VIEWS_OF_FOLDER, "999999", &vs), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_027");
}

/* ==== attachments ============================================================================ */
static void check_attachment(fx *f, const char *task, size_t index, const char *title, const char *type,
                             const unsigned char *bytes, size_t n) {
    sandbox_attachment a;
    assert_int_equal(sandbox_attachment_get(f->sb, task, index, &a), 0);
    assert_string_equal(a.title, title);
    if (type) assert_string_equal(a.content_type, type);
    assert_int_equal(a.size, n);
    assert_true(a.fnv1a64 == fnv1a64(bytes, n));
}

static void test_attachment_upload(void **state) {
    fx *f = (fx *)*state;
    enum { FILE_SIZE = 300 * 1024, MEM_SIZE = 400 * 1024, BIG_SIZE = 3 * 1024 * 1024 };
    unsigned char *file_bytes = noise(FILE_SIZE, 7), *mem = noise(MEM_SIZE, 11), *big = noise(BIG_SIZE, 13);
    char path[] = "/tmp/h13_attach_XXXXXX";
    const char *base;
    clickup_attachment_new up;
    clickup_attachment *a = NULL;
    clickup_task *t = NULL;
    const clickup_json *arr;
    sandbox_request r;
    int fd = mkstemp(path);
    FILE *fp;
    assert_true(fd >= 0);
    fp = fdopen(fd, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(file_bytes, 1, FILE_SIZE, fp), FILE_SIZE);
    assert_int_equal(fclose(fp), 0);
    base = strrchr(path, '/') + 1;

    /* from a file: the name is the file's own */
    memset(&up, 0, sizeof up);
    up.path = path;
    assert_int_equal(clickup_task_attachment_create(f->cu, "86c00001", &up, &a), CLICKUP_OK);
    assert_string_equal(a->title, base);
    assert_string_equal(a->extension, "");
    assert_true(strncmp(a->id, "a77ac000-", 9) == 0);
    assert_true(a->date.present && a->date.value > 1700000000000LL);
    assert_true(strstr(a->url, a->id) != NULL);
    clickup_attachment_free(a);
    assert_int_equal(sandbox_request_last(f->sb, "POST", "/api/v2/task/86c00001/attachment", &r), 0);
    assert_int_equal(r.status, 200);
    assert_true(strncmp(r.content_type, "multipart/form-data; boundary=", 30) == 0);
    check_attachment(f, "86c00001", 0, base, NULL, file_bytes, FILE_SIZE);

    /* from memory, with a name and a type; by custom id */
    memset(&up, 0, sizeof up);
    up.data = mem; up.size = MEM_SIZE; up.filename = "Report.PNG"; up.content_type = "image/png";
    assert_int_equal(clickup_task_attachment_create(f->cu, "INB-1", &up, &a), CLICKUP_OK);
    assert_string_equal(a->title, "Report.PNG");
    assert_string_equal(a->extension, "png");
    assert_true(strstr(a->thumbnail_small, "small_Report.PNG") != NULL);
    clickup_attachment_free(a);
    assert_int_equal(sandbox_request_last(f->sb, "POST", NULL, &r), 0);
    assert_string_equal(sandbox_request_query(&r, "custom_task_ids", 0), "true");
    check_attachment(f, "86c00001", 1, "Report.PNG", "image/png", mem, MEM_SIZE);

    /* a few MB */
    memset(&up, 0, sizeof up);
    up.data = big; up.size = BIG_SIZE; up.filename = "dump.bin";
    assert_int_equal(clickup_task_attachment_create(f->cu, "86c00002", &up, NULL), CLICKUP_OK);
    check_attachment(f, "86c00002", 0, "dump.bin", NULL, big, BIG_SIZE);
    assert_int_equal(sandbox_attachment_count(f->sb, "86c00002"), 1);

    /* GET task shows them, with their sizes */
    assert_int_equal(clickup_task_get(f->cu, "86c00001", NULL, &t), CLICKUP_OK);
    arr = jget(t->raw, "attachments");
    assert_int_equal(clickup_json_len(arr), 2);
    assert_string_equal(jstr(clickup_json_at(arr, 0), "title"), base);
    assert_int_equal(clickup_json_as_int64(jget(clickup_json_at(arr, 0), "size"), 0), FILE_SIZE);
    assert_string_equal(jstr(clickup_json_at(arr, 1), "mimetype"), "image/png");
    assert_int_equal(clickup_json_as_int64(jget(clickup_json_at(arr, 1), "size"), 0), MEM_SIZE);
    clickup_task_free(t);

    /* an unknown task */
    memset(&up, 0, sizeof up);
    up.data = mem; up.size = 10; up.filename = "x.txt";
    last_err(f, clickup_task_attachment_create(f->cu, "86zzz999", &up, &a), CLICKUP_ERR_NOT_FOUND, 404, "ITEM_013");
    assert_null(a);
    assert_int_equal(sandbox_attachment_count(f->sb, "86zzz999"), 0);

    remove(path);
    free(file_bytes);
    free(mem);
    free(big);
}

/* What the typed calls never send, sent raw: the sandbox's 400s. */
static void test_bad_requests(void **state) {
    fx *f = (fx *)*state;
    char out[1024];
    assert_int_equal(raw_request(f, "POST", "/task/86c00001/attachment", NULL, NULL, "file", out), 400);
    assert_non_null(strstr(out, "ATTACH_001"));
    assert_int_equal(raw_request(f, "POST", "/task/86c00001/attachment", "application/json", "{}", NULL, out), 400);
    assert_non_null(strstr(out, "ATTACH_002"));
    assert_int_equal(raw_request(f, "POST", "/task/86c00001/attachment", "multipart/form-data; boundary=xyz",
                                 "--xyz\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"a\"\r\n\r\nno end",
                                 NULL, out),
                     400);
    assert_non_null(strstr(out, "ATTACH_003"));
    assert_int_equal(sandbox_attachment_count(f->sb, "86c00001"), 0);
    /* a part without a filename is not a file */
    assert_int_equal(raw_request(f, "POST", "/task/86c00001/attachment", "multipart/form-data; boundary=\"b-1\"",
                                 "--b-1\r\nContent-Disposition: form-data; name=\"attachment\"\r\n\r\nhi\r\n--b-1--\r\n",
                                 NULL, out),
                     400);
    assert_non_null(strstr(out, "ATTACH_001"));
    /* the smallest good one, quoted boundary */
    assert_int_equal(raw_request(f, "POST", "/task/86c00001/attachment", "multipart/form-data; boundary=\"b-1\"",
                                 "--b-1\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"hi.txt\"\r\n"
                                 "Content-Type: text/plain\r\n\r\nhi\r\n--b-1--\r\n",
                                 NULL, out),
                     200);
    check_attachment(f, "86c00001", 0, "hi.txt", "text/plain", (const unsigned char *)"hi", 2);

    assert_int_equal(raw_request(f, "POST", "/space/790/folder", "application/json", "{\"name\":\"\"}", NULL, out), 400);
    assert_non_null(strstr(out, "HIER_001"));
    assert_int_equal(raw_request(f, "POST", "/team/9001/space", "application/json", "{}", NULL, out), 400);
    assert_int_equal(raw_request(f, "PUT", "/list/2100", "application/json", "{\"priority\":9}", NULL, out), 400);
    assert_non_null(strstr(out, "HIER_002"));
    assert_int_equal(raw_request(f, "POST", "/space/790/tag", "application/json", "{\"tag\":{}}", NULL, out), 400);
    assert_non_null(strstr(out, "TAG_001"));
    assert_int_equal(raw_request(f, "POST", "/team/9002/space", "application/json", "{\"name\":\"x\"}", NULL, out), 401);
    assert_int_equal(raw_request(f, "DELETE", "/folder/999999", NULL, NULL, NULL, out), 401);
    assert_int_equal(raw_request(f, "DELETE", "/list/999999", NULL, NULL, NULL, out), 404);
    assert_int_equal(raw_request(f, "GET", "/view/3c-130", NULL, NULL, NULL, out), 200);
    assert_non_null(strstr(out, "\"view\":{\"id\":\"3c-130\""));
}

/* Typed errors over HTTP for unknown ids. */
static void test_unknown_ids(void **state) {
    fx *f = (fx *)*state;
    clickup_space_changes sc;
    clickup_list_new ln;
    clickup_folder *fo = NULL;
    clickup_list *l = NULL;
    memset(&sc, 0, sizeof sc);
    sc.name = "x";
    last_err(f, clickup_space_update(f->cu, "999999", &sc, NULL), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_027");
    last_err(f, clickup_space_delete(f->cu, "999999"), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_027");
    last_err(f, clickup_folder_create(f->cu, "999999", "x", &fo), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_027");
    assert_null(fo);
    last_err(f, clickup_folder_update(f->cu, "999999", "x", &fo), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_027");
    memset(&ln, 0, sizeof ln);
    ln.name = "x";
    last_err(f, clickup_list_create(f->cu, "999999", NULL, &ln, &l), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_027");
    last_err(f, clickup_list_create(f->cu, NULL, "999999", &ln, &l), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_027");
    last_err(f, clickup_list_update(f->cu, "999999", &ln, &l), CLICKUP_ERR_NOT_FOUND, 404, "ITEM_017");
    last_err(f, clickup_list_delete(f->cu, "999999"), CLICKUP_ERR_NOT_FOUND, 404, "ITEM_017");
    assert_null(l);
    /* a space of the other workspace */
    last_err(f, clickup_space_delete(f->cu, "890"), CLICKUP_ERR_NO_ACCESS, 401, "OAUTH_023");
    assert_int_equal(clickup_list_get(f->cu, "2100", &l), CLICKUP_OK);   /* nothing was deleted */
    clickup_list_free(l);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_hierarchy_lifecycle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_space_delete_cascades, setup, teardown),
        cmocka_unit_test_setup_teardown(test_space_tags, setup, teardown),
        cmocka_unit_test_setup_teardown(test_views, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attachment_upload, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_requests, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_ids, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

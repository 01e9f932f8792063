/* Every request clickup.h can build is declared in ClickUp's own OpenAPI file.
   Every public endpoint function is driven with every option set through a transport hook that
   records each request and answers with minimal valid JSON. Each recorded request is then
   checked against tests/data/clickup-openapi/clickup-api-v2-reference.json, read with our own
   JSON parser: its method and path template exist, every query parameter it sends is declared
   (path-level and operation-level "parameters", $ref resolved), and every top-level body field
   (and the nested fields of objects such as assignees {add, rem} and custom_fields[] items,
   where the schema declares them) is a property of requestBody.content["application/json"].
   A short table of what was checked is printed, one line per route; the test fails listing
   every undeclared name. A second test proves the checker itself catches undeclared names. */
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

#define SPEC_PATH "tests/data/clickup-openapi/clickup-api-v2-reference.json"
#define BASE      "https://api.clickup.com/api/v2"

/* ==== the spec ============================================================================== */
typedef struct spec {
    char             *text;
    clickup_json_doc *doc;
    const clickup_json *root, *paths;
} spec;

static spec g_spec;

static int spec_load(void **state) {
    FILE *fp = fopen(SPEC_PATH, "rb");
    long n;
    clickup_json_error je;
    (void)state;
    if (!fp) { fprintf(stderr, "cannot open %s (run from the repository root)\n", SPEC_PATH); return -1; }
    if (fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) <= 0 || fseek(fp, 0, SEEK_SET) != 0) { fclose(fp); return -1; }
    g_spec.text = (char *)malloc((size_t)n);
    if (!g_spec.text || fread(g_spec.text, 1, (size_t)n, fp) != (size_t)n) { fclose(fp); return -1; }
    fclose(fp);
    if (clickup_json_parse(g_spec.text, (size_t)n, NULL, &g_spec.doc, &je) != CLICKUP_OK) {
        fprintf(stderr, "spec: invalid JSON at %lu: %s\n", (unsigned long)je.offset, je.reason);
        return -1;
    }
    g_spec.root = clickup_json_root(g_spec.doc);
    g_spec.paths = clickup_json_get(g_spec.root, "paths");
    return clickup_json_len(g_spec.paths) > 50 ? 0 : -1;
}
static int spec_free(void **state) {
    (void)state;
    clickup_json_doc_free(g_spec.doc);
    free(g_spec.text);
    memset(&g_spec, 0, sizeof g_spec);
    return 0;
}

static int hexv(int c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}
/* Percent-decode [s, s+n) into out (size cap); '+' stays '+'. */
static void pct_decode(const char *s, size_t n, char *out, size_t cap) {
    size_t i, o = 0;
    for (i = 0; i < n && o + 1 < cap; i++) {
        if (s[i] == '%' && i + 2 < n && hexv(s[i + 1]) >= 0 && hexv(s[i + 2]) >= 0) {
            out[o++] = (char)(hexv(s[i + 1]) * 16 + hexv(s[i + 2]));
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
}

/* Follow "$ref": "#/a/b~1c/%7Bx%7D" (JSON pointer, ~1 = '/', ~0 = '~', percent-encoded). */
static const clickup_json *deref(const clickup_json *v) {
    int hops;
    for (hops = 0; hops < 16; hops++) {
        const char *ref = clickup_json_as_string(clickup_json_get(v, "$ref"), NULL, NULL);
        const clickup_json *cur = g_spec.root;
        const char *p;
        if (!ref || !clickup_json_is(v, CLICKUP_JSON_OBJECT)) return v;
        if (ref[0] != '#' || ref[1] != '/') return NULL;
        for (p = ref + 2; cur;) {
            const char *end = strchr(p, '/');
            size_t n = end ? (size_t)(end - p) : strlen(p), i, o = 0;
            char raw[256], tok[256];
            pct_decode(p, n, raw, sizeof raw);
            for (i = 0; raw[i] && o + 1 < sizeof tok; i++) {
                if (raw[i] == '~' && raw[i + 1] == '1') { tok[o++] = '/'; i++; }
                else if (raw[i] == '~' && raw[i + 1] == '0') { tok[o++] = '~'; i++; }
                else tok[o++] = raw[i];
            }
            tok[o] = '\0';
            cur = clickup_json_get(cur, tok);
            if (!end) break;
            p = end + 1;
        }
        if (!cur) return NULL;
        v = cur;
    }
    return NULL;
}

/* The property schema `name` of an object schema, looking through allOf/anyOf/oneOf. */
static const clickup_json *schema_prop(const clickup_json *schema, const char *name, int depth) {
    static const char *const comp[] = { "allOf", "anyOf", "oneOf" };
    const clickup_json *v;
    size_t i, j;
    schema = deref(schema);
    if (!schema || depth > 8) return NULL;
    if ((v = clickup_json_get(clickup_json_get(schema, "properties"), name)) != NULL) return deref(v);
    for (i = 0; i < 3; i++) {
        const clickup_json *arr = clickup_json_get(schema, comp[i]);
        for (j = 0; j < clickup_json_len(arr); j++)
            if ((v = schema_prop(clickup_json_at(arr, j), name, depth + 1)) != NULL) return v;
    }
    return NULL;
}
/* Does the schema declare object properties at all (itself or through a composition)? */
static int schema_has_props(const clickup_json *schema, int depth) {
    static const char *const comp[] = { "allOf", "anyOf", "oneOf" };
    size_t i, j;
    schema = deref(schema);
    if (!schema || depth > 8) return 0;
    if (clickup_json_len(clickup_json_get(schema, "properties"))) return 1;
    for (i = 0; i < 3; i++) {
        const clickup_json *arr = clickup_json_get(schema, comp[i]);
        for (j = 0; j < clickup_json_len(arr); j++)
            if (schema_has_props(clickup_json_at(arr, j), depth + 1)) return 1;
    }
    return 0;
}
/* The items schema of an array schema (through compositions). */
static const clickup_json *schema_items(const clickup_json *schema, int depth) {
    static const char *const comp[] = { "allOf", "anyOf", "oneOf" };
    const clickup_json *v;
    size_t i, j;
    schema = deref(schema);
    if (!schema || depth > 8) return NULL;
    if ((v = clickup_json_get(schema, "items")) != NULL) return deref(v);
    for (i = 0; i < 3; i++) {
        const clickup_json *arr = clickup_json_get(schema, comp[i]);
        for (j = 0; j < clickup_json_len(arr); j++)
            if ((v = schema_items(clickup_json_at(arr, j), depth + 1)) != NULL) return v;
    }
    return NULL;
}

/* The spec's path template for "/v2/...": literal segments must be equal, "{x}" matches any
   non-empty segment; the template with the most literal matches wins. */
static const clickup_json *match_path(const char *path, const char **template_out) {
    size_t i, best_score = 0;
    const clickup_json *best = NULL;
    *template_out = NULL;
    for (i = 0; i < clickup_json_len(g_spec.paths); i++) {
        const char *tpl = NULL;
        const clickup_json *item = clickup_json_member(g_spec.paths, i, &tpl, NULL);
        const char *a = tpl, *b = path;
        size_t score = 1;
        int ok = 1;
        while (ok) {
            const char *ea = strchr(a, '/'), *eb = strchr(b, '/');
            size_t na = ea ? (size_t)(ea - a) : strlen(a), nb = eb ? (size_t)(eb - b) : strlen(b);
            if (na >= 2 && a[0] == '{' && a[na - 1] == '}') ok = nb > 0;
            else if (na == nb && strncmp(a, b, na) == 0) score++;
            else ok = 0;
            if (!ok) break;
            if (!ea || !eb) { ok = !ea && !eb; break; }
            a = ea + 1; b = eb + 1;
        }
        if (ok && score > best_score) { best_score = score; best = item; *template_out = tpl; }
    }
    return best;
}

/* Is query parameter `key` declared (in: query) at path or operation level? ClickUp's spec
   names some array parameters with "[]" (space_ids[] on /team/{team_Id}/task) and some
   without (statuses, assignees, tags on /list/{list_id}/task), although ClickUp's own examples
   use the bracket form (?statuses[]=...): either spelling is accepted. */
static int query_declared(const clickup_json *item, const clickup_json *op, const char *key) {
    const clickup_json *lists[2];
    size_t l, i, klen = strlen(key);
    char bare[128], bracket[136];
    snprintf(bare, sizeof bare, "%.*s", (int)(klen > 2 && strcmp(key + klen - 2, "[]") == 0 ? klen - 2 : klen), key);
    snprintf(bracket, sizeof bracket, "%s[]", bare);
    lists[0] = clickup_json_get(item, "parameters");
    lists[1] = clickup_json_get(op, "parameters");
    for (l = 0; l < 2; l++)
        for (i = 0; i < clickup_json_len(lists[l]); i++) {
            const clickup_json *p = deref(clickup_json_at(lists[l], i));
            const char *in = clickup_json_as_string(clickup_json_get(p, "in"), "", NULL);
            const char *name = clickup_json_as_string(clickup_json_get(p, "name"), "", NULL);
            if (strcmp(in, "query") != 0) continue;
            if (strcmp(name, key) == 0 || strcmp(name, bare) == 0 || strcmp(name, bracket) == 0) return 1;
        }
    return 0;
}

/* ==== findings and the per-route table ===================================================== */
#define MAX_NAMES 48
#define MAX_ROUTES 32
#define MAX_PROBLEMS 128
typedef struct route_row {
    char   method[8];
    const char *tpl;
    size_t requests;
    char   query[MAX_NAMES][48];  size_t nquery;
    char   body[MAX_NAMES][48];   size_t nbody;
} route_row;

typedef struct report {
    route_row rows[MAX_ROUTES];
    size_t    nrows;
    char      problems[MAX_PROBLEMS][200];
    size_t    nproblems;
} report;

static void problem(report *rp, const char *fmt, ...) CLICKUP__PRINTF(2, 3);
static void problem(report *rp, const char *fmt, ...) {
    va_list ap;
    size_t i;
    if (rp->nproblems == MAX_PROBLEMS) return;
    va_start(ap, fmt);
    vsnprintf(rp->problems[rp->nproblems], sizeof rp->problems[0], fmt, ap);
    va_end(ap);
    for (i = 0; i < rp->nproblems; i++)          /* the same finding once */
        if (strcmp(rp->problems[i], rp->problems[rp->nproblems]) == 0) return;
    rp->nproblems++;
}
static void add_name(char (*names)[48], size_t *n, const char *name) {
    size_t i;
    for (i = 0; i < *n; i++)
        if (strcmp(names[i], name) == 0) return;
    if (*n < MAX_NAMES) snprintf(names[(*n)++], 48, "%s", name);
}
static route_row *row_for(report *rp, const char *method, const char *tpl) {
    size_t i;
    for (i = 0; i < rp->nrows; i++)
        if (strcmp(rp->rows[i].method, method) == 0 && strcmp(rp->rows[i].tpl, tpl) == 0) return &rp->rows[i];
    if (rp->nrows == MAX_ROUTES) return NULL;
    memset(&rp->rows[rp->nrows], 0, sizeof rp->rows[0]);
    snprintf(rp->rows[rp->nrows].method, sizeof rp->rows[0].method, "%s", method);
    rp->rows[rp->nrows].tpl = tpl;
    return &rp->rows[rp->nrows++];
}

/* Check the keys of a body object against an object schema; recurse into objects and arrays of
   objects whose schema declares properties. `prefix` names the place ("", "assignees."). */
static void check_object(report *rp, route_row *row, const char *where, const clickup_json *obj,
                         const clickup_json *schema, const char *prefix, int depth) {
    size_t i, j;
    for (i = 0; i < clickup_json_len(obj); i++) {
        const char *key = NULL;
        const clickup_json *v = clickup_json_member(obj, i, &key, NULL), *ps;
        char name[96];
        snprintf(name, sizeof name, "%s%s", prefix, key);
        if (row) add_name(row->body, &row->nbody, name);
        ps = schema_prop(schema, key, 0);
        if (!ps) { problem(rp, "%s: body field '%s' is not declared", where, name); continue; }
        if (depth >= 4) continue;
        if (clickup_json_is(v, CLICKUP_JSON_OBJECT) && schema_has_props(ps, 0)) {
            char sub[100];
            snprintf(sub, sizeof sub, "%s.", name);
            check_object(rp, row, where, v, ps, sub, depth + 1);
        } else if (clickup_json_is(v, CLICKUP_JSON_ARRAY)) {
            const clickup_json *items = schema_items(ps, 0);
            char sub[100];
            snprintf(sub, sizeof sub, "%s[].", name);
            if (!items || !schema_has_props(items, 0)) continue;
            for (j = 0; j < clickup_json_len(v); j++)
                if (clickup_json_is(clickup_json_at(v, j), CLICKUP_JSON_OBJECT))
                    check_object(rp, row, where, clickup_json_at(v, j), items, sub, depth + 1);
        }
    }
}

/* One request: "METHOD https://api.clickup.com/api/v2/path?query" with an optional JSON body. */
static void check_request(report *rp, const char *method, const char *url, const char *body, size_t body_len) {
    char path[512], where[600], lower[8];
    const char *rest, *q, *tpl = NULL;
    const clickup_json *item, *op;
    route_row *row;
    size_t i;
    if (strncmp(url, BASE, strlen(BASE)) != 0) { problem(rp, "%s %s: not under %s", method, url, BASE); return; }
    rest = url + strlen(BASE);
    q = strchr(rest, '?');
    snprintf(path, sizeof path, "/v2%.*s", (int)(q ? (size_t)(q - rest) : strlen(rest)), rest);
    snprintf(where, sizeof where, "%s %s", method, path);
    item = match_path(path, &tpl);
    if (!item) { problem(rp, "%s: path is not in the spec", where); return; }
    for (i = 0; method[i] && i + 1 < sizeof lower; i++) lower[i] = (char)(method[i] >= 'A' && method[i] <= 'Z' ? method[i] + 32 : method[i]);
    lower[i] = '\0';
    op = clickup_json_get(item, lower);
    if (!op) { problem(rp, "%s %s: method is not in the spec", method, tpl); return; }
    snprintf(where, sizeof where, "%s %s", method, tpl);
    row = row_for(rp, method, tpl);
    if (row) row->requests++;
    /* query keys */
    if (q) {
        const char *p = q + 1;
        while (*p) {
            const char *amp = strchr(p, '&'), *eq;
            size_t n = amp ? (size_t)(amp - p) : strlen(p);
            char key[128];
            eq = memchr(p, '=', n);
            pct_decode(p, eq ? (size_t)(eq - p) : n, key, sizeof key);
            if (key[0]) {
                if (row) add_name(row->query, &row->nquery, key);
                if (!query_declared(item, op, key)) problem(rp, "%s: query parameter '%s' is not declared", where, key);
            }
            p += n;
            if (*p == '&') p++;
        }
    }
    /* body fields */
    if (body && body_len) {
        clickup_json_doc *d = NULL;
        const clickup_json *rb, *schema;
        if (clickup_json_parse(body, body_len, NULL, &d, NULL) != CLICKUP_OK) { problem(rp, "%s: body is not JSON", where); return; }
        rb = deref(clickup_json_get(op, "requestBody"));
        schema = deref(clickup_json_get(clickup_json_get(clickup_json_get(rb, "content"), "application/json"), "schema"));
        if (!schema) problem(rp, "%s: sends a JSON body but the spec declares none", where);
        else if (!clickup_json_is(clickup_json_root(d), CLICKUP_JSON_OBJECT)) problem(rp, "%s: body is not an object", where);
        else check_object(rp, row, where, clickup_json_root(d), schema, "", 0);
        clickup_json_doc_free(d);
    }
}

static void chk(report *rp, const char *method, const char *url, const char *body) {
    check_request(rp, method, url, body, body ? strlen(body) : 0);
}

static void print_table(const report *rp) {
    size_t i, j;
    printf("  %-6s %-48s %4s  %s\n", "method", "spec path", "reqs", "query parameters | body fields checked");
    for (i = 0; i < rp->nrows; i++) {
        const route_row *r = &rp->rows[i];
        char line[2048];
        size_t at = 0;
        line[0] = '\0';
        for (j = 0; j < r->nquery && at + 60 < sizeof line; j++)
            at += (size_t)snprintf(line + at, sizeof line - at, "%s%s", j ? "," : "", r->query[j]);
        at += (size_t)snprintf(line + at, sizeof line - at, "%s|", r->nquery ? " " : "- ");
        for (j = 0; j < r->nbody && at + 60 < sizeof line; j++)
            at += (size_t)snprintf(line + at, sizeof line - at, "%s%s", j ? "," : " ", r->body[j]);
        if (!r->nbody) snprintf(line + at, sizeof line - at, " -");
        printf("  %-6s %-48s %4u  %s\n", r->method, r->tpl, (unsigned)r->requests, line);
    }
}

/* ==== a recording transport ================================================================= */
#define MAX_REC 256
typedef struct rec {
    char   method[8];
    char  *url, *body;
    size_t body_len;
} rec;
typedef struct recorder {
    rec    r[MAX_REC];
    size_t n;
} recorder;

static char *dup_n(const char *s, size_t n) {
    char *d = (char *)malloc(n + 1);
    if (!d) return NULL;
    if (n) memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

/* Minimal valid answers, by route. */
static const char *answer(const char *method, const char *path) {
    size_t nseg = 0;
    const char *seg[8], *p;
    char buf[512];
    static char segs[8][96];
    snprintf(buf, sizeof buf, "%s", path);
    for (p = buf + 1; *p && nseg < 8;) {
        const char *e = strchr(p, '/');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        snprintf(segs[nseg], sizeof segs[0], "%.*s", (int)n, p);
        seg[nseg] = segs[nseg];
        nseg++;
        if (!e) break;
        p = e + 1;
    }
    if (nseg == 1 && strcmp(seg[0], "team") == 0)
        return "{\"teams\":[{\"id\":\"9001\",\"name\":\"T\",\"members\":[{\"user\":{\"id\":183,\"username\":\"A\",\"role\":1}}]}]}";
    if (nseg == 3 && strcmp(seg[2], "space") == 0) return "{\"spaces\":[]}";
    if (nseg == 3 && strcmp(seg[2], "folder") == 0) return "{\"folders\":[]}";
    if (nseg == 3 && strcmp(seg[2], "list") == 0) return "{\"lists\":[]}";
    if (nseg == 2 && strcmp(seg[0], "list") == 0) return "{\"id\":\"2101\",\"name\":\"L\"}";
    if (nseg == 3 && strcmp(seg[2], "task") == 0 && strcmp(method, "GET") == 0) return "{\"tasks\":[],\"last_page\":true}";
    if (nseg == 3 && strcmp(seg[2], "taskTemplate") == 0) return "{\"templates\":[]}";
    if (nseg >= 3 && strcmp(seg[0], "task") == 0) return "{}";          /* tag, field */
    return "{\"id\":\"abc1\",\"name\":\"x\",\"list\":{\"id\":\"2101\"}}";  /* a task */
}

static clickup_transport_status rec_transport(void *user, const clickup_http_request *rq, clickup_http_response *resp) {
    recorder *rc = (recorder *)user;
    const char *path = strncmp(rq->url, BASE, strlen(BASE)) == 0 ? rq->url + strlen(BASE) : "/";
    char p[512];
    const char *q = strchr(path, '?');
    if (rc->n < MAX_REC) {
        rec *r = &rc->r[rc->n++];
        snprintf(r->method, sizeof r->method, "%s", rq->method);
        r->url = dup_n(rq->url, strlen(rq->url));
        r->body = rq->body ? dup_n(rq->body, rq->body_len) : NULL;
        r->body_len = rq->body ? rq->body_len : 0;
    }
    snprintf(p, sizeof p, "%.*s", (int)(q ? (size_t)(q - path) : strlen(path)), path);
    memset(resp, 0, sizeof *resp);
    resp->status = 200;
    resp->body = answer(rq->method, p);
    resp->body_len = strlen(resp->body);
    return CLICKUP_TRANSPORT_OK;
}
static void recorder_free(recorder *rc) {
    size_t i;
    for (i = 0; i < rc->n; i++) { free(rc->r[i].url); free(rc->r[i].body); }
    rc->n = 0;
}

static clickup_client *rec_client(recorder *rc, const char *team) {
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.team_id = team;
    cfg.transport = rec_transport;
    cfg.transport_user = rc;
    cfg.disable_cache = 1;
    cfg.rate_limit = 10000;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    return c;
}

static int count_page(void *user, const clickup_tasks *page) { (void)page; (*(int *)user)++; return 0; }

/* Drive every public endpoint function with every option set. */
static void drive_everything(recorder *rc) {
    static const char *const statuses[] = { "to do", "in progress" };
    static const char *const tags[] = { "urgent", "client vip" };
    static const int64_t people[] = { 183, 2772463 }, rem[] = { 5001 };
    clickup_client *c = rec_client(rc, "9001"), *d = rec_client(rc, NULL);
    clickup_teams *teams = NULL;
    clickup_members *members = NULL;
    clickup_spaces *spaces = NULL;
    clickup_folders *folders = NULL;
    clickup_lists *lists = NULL;
    clickup_list *list = NULL;
    clickup_task *task = NULL;
    clickup_tasks *tasks = NULL;
    clickup_templates *templates = NULL;
    clickup_template_task *tt = NULL;
    clickup_spaces_opts so;
    clickup_hierarchy_opts ho;
    clickup_task_get_opts go;
    clickup_task_query q;
    clickup_task_new n;
    clickup_task_changes ch;
    clickup_field_value fv[6];
    const char *team = NULL;
    int pages = 0;

    /* workspaces */
    assert_int_equal(clickup_teams_get(c, &teams), CLICKUP_OK); clickup_teams_free(teams);
    assert_int_equal(clickup_members_get(c, &members), CLICKUP_OK); clickup_members_free(members);
    assert_int_equal(clickup_client_team_id(d, &team), CLICKUP_OK);                 /* discovery */
    assert_string_equal(team, "9001");
    /* hierarchy, every flag */
    memset(&so, 0, sizeof so);
    assert_int_equal(clickup_spaces_get(c, &so, &spaces), CLICKUP_OK); clickup_spaces_free(spaces);
    so.archived = 1;
    assert_int_equal(clickup_spaces_get(c, &so, &spaces), CLICKUP_OK); clickup_spaces_free(spaces);
    memset(&ho, 0, sizeof ho);
    ho.archived = 1;
    assert_int_equal(clickup_folders_get(c, "790", &ho, &folders), CLICKUP_OK); clickup_folders_free(folders);
    assert_int_equal(clickup_lists_get(c, "1100", NULL, &ho, &lists), CLICKUP_OK); clickup_lists_free(lists);
    assert_int_equal(clickup_lists_get(c, NULL, "790", &ho, &lists), CLICKUP_OK); clickup_lists_free(lists);
    assert_int_equal(clickup_list_get(c, "2101", &list), CLICKUP_OK); clickup_list_free(list);
    /* one task: native with both flags, custom with both flags, URL with a team */
    memset(&go, 0, sizeof go);
    go.include_subtasks = 1; go.include_markdown = 1;
    assert_int_equal(clickup_task_get(c, "86abc123", &go, &task), CLICKUP_OK); clickup_task_free(task);
    assert_int_equal(clickup_task_get(c, "DEV-7", &go, &task), CLICKUP_OK); clickup_task_free(task);
    go.custom_id = CLICKUP_YES; go.team_id = "9002";
    assert_int_equal(clickup_task_get(c, "https://app.clickup.com/t/9001/OPS-42", &go, &task), CLICKUP_OK);
    clickup_task_free(task);
    /* task queries with every filter, on a list and on a space */
    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    q.statuses = statuses; q.status_count = 2;
    q.assignees = people; q.assignee_count = 2;
    q.tags = tags; q.tag_count = 2;
    q.include_closed = 1; q.subtasks = 1; q.reverse = 1; q.include_markdown = 1; q.archived = 1;
    q.order_by = "updated";
    q.due_date_gt.present = 1; q.due_date_gt.value = 1710000000000LL;
    q.due_date_lt.present = 1; q.due_date_lt.value = 1720000000000LL;
    q.date_updated_gt.present = 1; q.date_updated_gt.value = 1700000000000LL;
    q.date_updated_lt.present = 1; q.date_updated_lt.value = 1800000000000LL;
    q.max_pages = 5;
    assert_int_equal(clickup_tasks_get(c, &q, &tasks), CLICKUP_OK); clickup_tasks_free(tasks);
    assert_int_equal(clickup_tasks_foreach(c, &q, count_page, &pages, NULL), CLICKUP_OK);
    assert_int_equal(pages, 1);
    q.list_id = NULL; q.space_id = "790";
    assert_int_equal(clickup_tasks_get(c, &q, &tasks), CLICKUP_OK); clickup_tasks_free(tasks);
    /* create with every field */
    memset(fv, 0, sizeof fv);
    fv[0].id = SANDBOX_FIELD_TEXT;     fv[0].type = CLICKUP_VALUE_STRING; fv[0].str = "x";
    fv[1].id = SANDBOX_FIELD_DROPDOWN; fv[1].type = CLICKUP_VALUE_INT;    fv[1].i = 1;
    fv[2].id = SANDBOX_FIELD_NUMBER;   fv[2].type = CLICKUP_VALUE_NUMBER; fv[2].num = 2.5;
    fv[3].id = SANDBOX_FIELD_LABELS;   fv[3].type = CLICKUP_VALUE_NULL;
    fv[4].id = SANDBOX_FIELD_USERS;    fv[4].type = CLICKUP_VALUE_JSON;   fv[4].str = "{\"add\":[183],\"rem\":[]}";
    fv[5].id = SANDBOX_FIELD_DROPDOWN; fv[5].type = CLICKUP_VALUE_BOOL;   fv[5].b = 1;
    memset(&n, 0, sizeof n);
    n.name = "All fields"; n.description = "d"; n.markdown = "**m**";
    n.assignees = people; n.assignee_count = 2;
    n.tags = tags; n.tag_count = 2;
    n.status = "review"; n.priority = 1;
    n.due_date.present = 1; n.due_date.value = 1712000000000LL; n.due_date_time = 1;
    n.start_date.present = 1; n.start_date.value = 1711000000000LL; n.start_date_time = 1;
    n.time_estimate.present = 1; n.time_estimate.value = 3600000;
    n.parent = "86abc123"; n.notify_all = 1;
    n.custom_fields = fv; n.custom_field_count = 6;
    assert_int_equal(clickup_task_create(c, "2101", &n, &task), CLICKUP_OK); clickup_task_free(task);
    /* update with every field, by custom id; then every clear */
    memset(&ch, 0, sizeof ch);
    ch.name = "n"; ch.description = "d"; ch.markdown = "m"; ch.status = "review"; ch.priority = 2;
    ch.due_date.present = 1; ch.due_date.value = 1712000000000LL; ch.due_date_time = 1;
    ch.start_date.present = 1; ch.start_date.value = 1711000000000LL; ch.start_date_time = 1;
    ch.time_estimate.present = 1; ch.time_estimate.value = 60000;
    ch.archived = CLICKUP_YES;
    ch.add_assignees = people; ch.add_assignee_count = 2;
    ch.rem_assignees = rem; ch.rem_assignee_count = 1;
    ch.custom_id = CLICKUP_YES;
    assert_int_equal(clickup_task_update(c, "DEV-7", &ch, &task), CLICKUP_OK); clickup_task_free(task);
    memset(&ch, 0, sizeof ch);
    ch.priority = CLICKUP_PRIORITY_CLEAR; ch.clear_due_date = 1; ch.clear_start_date = 1; ch.archived = CLICKUP_NO;
    assert_int_equal(clickup_task_update(c, "86abc123", &ch, NULL), CLICKUP_OK);
    /* tags and fields, native and custom */
    assert_int_equal(clickup_task_tag_add(c, "86abc123", "client vip"), CLICKUP_OK);
    assert_int_equal(clickup_task_tag_remove(c, "DEV-7", "client vip"), CLICKUP_OK);
    assert_int_equal(clickup_task_field_set(c, "DEV-7", SANDBOX_FIELD_TEXT, &fv[0]), CLICKUP_OK);
    assert_int_equal(clickup_task_field_set(c, "86abc123", SANDBOX_FIELD_USERS, &fv[4]), CLICKUP_OK);
    assert_int_equal(clickup_task_field_remove(c, "DEV-7", SANDBOX_FIELD_TEXT), CLICKUP_OK);
    /* templates */
    assert_int_equal(clickup_templates_get(c, &templates), CLICKUP_OK); clickup_templates_free(templates);
    assert_int_equal(clickup_task_from_template(c, "2101", "t-86b3e001", "From a template", &tt), CLICKUP_OK);
    clickup_template_task_free(tt);
    clickup_client_destroy(c);
    clickup_client_destroy(d);
}

/* The routes the library has; each must have been driven and found in the spec. */
static const char *const EXPECTED_ROUTES[][2] = {
    { "GET", "/v2/team" },
    { "GET", "/v2/team/{team_id}/space" },
    { "GET", "/v2/space/{space_id}/folder" },
    { "GET", "/v2/folder/{folder_id}/list" },
    { "GET", "/v2/space/{space_id}/list" },
    { "GET", "/v2/list/{list_id}" },
    { "GET", "/v2/task/{task_id}" },
    { "PUT", "/v2/task/{task_id}" },
    { "GET", "/v2/list/{list_id}/task" },
    { "POST", "/v2/list/{list_id}/task" },
    { "GET", "/v2/team/{team_Id}/task" },
    { "POST", "/v2/task/{task_id}/tag/{tag_name}" },
    { "DELETE", "/v2/task/{task_id}/tag/{tag_name}" },
    { "POST", "/v2/task/{task_id}/field/{field_id}" },
    { "DELETE", "/v2/task/{task_id}/field/{field_id}" },
    { "GET", "/v2/team/{team_id}/taskTemplate" },
    { "POST", "/v2/list/{list_id}/taskTemplate/{template_id}" },
};
#define N_EXPECTED (sizeof EXPECTED_ROUTES / sizeof EXPECTED_ROUTES[0])

static int row_has(const route_row *r, int body, const char *name) {
    size_t i, n = body ? r->nbody : r->nquery;
    for (i = 0; i < n; i++)
        if (strcmp(body ? r->body[i] : r->query[i], name) == 0) return 1;
    return 0;
}
static const route_row *find_row(const report *rp, const char *method, const char *tpl) {
    size_t i;
    for (i = 0; i < rp->nrows; i++)
        if (strcmp(rp->rows[i].method, method) == 0 && strcmp(rp->rows[i].tpl, tpl) == 0) return &rp->rows[i];
    return NULL;
}

static void test_every_request_is_in_the_spec(void **state) {
    static recorder rc;
    static report rp;
    const route_row *r;
    size_t i;
    (void)state;
    memset(&rp, 0, sizeof rp);
    drive_everything(&rc);
    assert_true(rc.n >= 25);
    for (i = 0; i < rc.n; i++) check_request(&rp, rc.r[i].method, rc.r[i].url, rc.r[i].body, rc.r[i].body_len);
    printf("OpenAPI check of %u requests over %u routes against %s:\n", (unsigned)rc.n, (unsigned)rp.nrows, SPEC_PATH);
    print_table(&rp);
    recorder_free(&rc);
    for (i = 0; i < N_EXPECTED; i++)
        if (!find_row(&rp, EXPECTED_ROUTES[i][0], EXPECTED_ROUTES[i][1]))
            problem(&rp, "%s %s: no request of the library matched this route", EXPECTED_ROUTES[i][0], EXPECTED_ROUTES[i][1]);
    if (rp.nrows != N_EXPECTED) problem(&rp, "%u routes were used, expected %u", (unsigned)rp.nrows, (unsigned)N_EXPECTED);
    /* The drive really set the options: the table must show them (guards the checker's input). */
    r = find_row(&rp, "GET", "/v2/list/{list_id}/task");
    if (r && !(r->nquery == 14 && row_has(r, 0, "statuses[]") && row_has(r, 0, "archived") && row_has(r, 0, "date_updated_lt")))
        problem(&rp, "GET /v2/list/{list_id}/task: expected 14 distinct query keys, saw %u", (unsigned)r->nquery);
    r = find_row(&rp, "GET", "/v2/team/{team_Id}/task");
    if (r && !(row_has(r, 0, "space_ids[]") && !row_has(r, 0, "archived")))
        problem(&rp, "GET /v2/team/{team_Id}/task: space_ids[] missing or archived sent");
    r = find_row(&rp, "GET", "/v2/task/{task_id}");
    if (r && !(r->nquery == 4 && row_has(r, 0, "custom_task_ids") && row_has(r, 0, "team_id")))
        problem(&rp, "GET /v2/task/{task_id}: expected 4 distinct query keys, saw %u", (unsigned)r->nquery);
    r = find_row(&rp, "POST", "/v2/list/{list_id}/task");
    if (r && !(r->nbody == 17 && row_has(r, 1, "custom_fields[].value") && row_has(r, 1, "markdown_content")))
        problem(&rp, "POST /v2/list/{list_id}/task: expected 15 fields + custom_fields[].id/value, saw %u", (unsigned)r->nbody);
    r = find_row(&rp, "PUT", "/v2/task/{task_id}");
    if (r && !(r->nbody == 14 && row_has(r, 1, "assignees.add") && row_has(r, 1, "assignees.rem") && row_has(r, 1, "archived")))
        problem(&rp, "PUT /v2/task/{task_id}: expected 12 fields + assignees.add/rem, saw %u", (unsigned)r->nbody);
    if (rp.nproblems) {
        for (i = 0; i < rp.nproblems; i++) printf("UNDECLARED/PROBLEM: %s\n", rp.problems[i]);
        fail_msg("%u problem(s) against the OpenAPI spec (listed above)", (unsigned)rp.nproblems);
    }
}

/* The checker itself: undeclared names, unknown paths and methods are caught. */
static void test_checker_catches_undeclared(void **state) {
    static report rp;
    static const char *const want[] = {
        "GET /v2/list/{list_id}/task: query parameter 'bogus' is not declared",
        "PUT /v2/task/{task_id}: body field 'bogus_field' is not declared",
        "PUT /v2/task/{task_id}: body field 'assignees.nope' is not declared",
        "GET /v2/nonexistent/route: path is not in the spec",
        "PATCH /v2/task/{task_id}: method is not in the spec",
        "POST /v2/list/{list_id}/task: body field 'custom_fields[].extra' is not declared",
        "POST /v2/list/{list_id}/task: body field 'tags_list' is not declared",
        "GET /v2/team/{team_id}/space: query parameter 'space_ids[]' is not declared",
        "POST /v2/list/{list_id}/taskTemplate/{template_id}: body field 'template_id' is not declared",
    };
    size_t i;
    (void)state;
    memset(&rp, 0, sizeof rp);
    chk(&rp, "GET", BASE "/list/1/task?bogus=1&statuses%5B%5D=x&statuses=y&page=0", NULL);
    chk(&rp, "PUT", BASE "/task/abc?custom_task_ids=true&team_id=1", "{\"name\":\"x\",\"bogus_field\":1,\"assignees\":{\"add\":[1],\"nope\":[2]}}");
    chk(&rp, "GET", BASE "/nonexistent/route", NULL);
    chk(&rp, "PATCH", BASE "/task/abc", NULL);
    chk(&rp, "POST", BASE "/list/1/task", "{\"name\":\"x\",\"custom_fields\":[{\"id\":\"f\",\"value\":1,\"extra\":2}],\"tags_list\":[]}");
    chk(&rp, "GET", BASE "/team/1/space?archived=true&space_ids[]=3", NULL);
    chk(&rp, "POST", BASE "/list/1/taskTemplate/t-1", "{\"name\":\"x\",\"template_id\":\"t\"}");
    for (i = 0; i < rp.nproblems; i++) printf("  caught: %s\n", rp.problems[i]);
    assert_int_equal(rp.nproblems, sizeof want / sizeof want[0]);
    for (i = 0; i < rp.nproblems; i++) assert_string_equal(rp.problems[i], want[i]);
    /* declared names pass: the bracket and bare spellings, nested assignees, path-level params */
    memset(&rp, 0, sizeof rp);
    chk(&rp, "GET", BASE "/team/9/task?space_ids[]=1&space_ids=2&statuses[]=a&page=0&parent=x", NULL);
    chk(&rp, "PUT", BASE "/task/abc", "{\"assignees\":{\"add\":[1],\"rem\":[2]},\"watchers\":{\"add\":[]}}");
    chk(&rp, "POST", BASE "/task/abc/field/f", "{\"value\":{\"add\":[1]},\"value_options\":{\"time\":true}}");
    for (i = 0; i < rp.nproblems; i++) printf("  unexpected: %s\n", rp.problems[i]);
    assert_int_equal(rp.nproblems, 0);
}

/* $ref resolution through the JSON pointers the spec uses (components and paths). */
static void test_spec_refs_resolve(void **state) {
    const clickup_json *put, *schema, *features;
    size_t i, refs = 0, bad = 0;
    (void)state;
    put = clickup_json_get(clickup_json_get(g_spec.paths, "/v2/team/{team_id}/space"), "post");
    schema = deref(clickup_json_get(clickup_json_get(clickup_json_get(clickup_json_get(put, "requestBody"), "content"),
                                                     "application/json"), "schema"));
    assert_non_null(schema);
    features = schema_prop(schema, "features", 0);    /* a "$ref" into #/paths/~1v2~1space~1%7Bspace_id%7D/... */
    assert_non_null(features);
    assert_true(schema_has_props(features, 0));
    assert_non_null(schema_prop(features, "due_dates", 0));
    /* every $ref of every path's parameters and request bodies resolves */
    for (i = 0; i < clickup_json_len(g_spec.paths); i++) {
        const clickup_json *item = clickup_json_member(g_spec.paths, i, NULL, NULL);
        size_t m;
        for (m = 0; m < clickup_json_len(item); m++) {
            const char *k = NULL;
            const clickup_json *op = clickup_json_member(item, m, &k, NULL), *s;
            s = clickup_json_get(clickup_json_get(clickup_json_get(clickup_json_get(op, "requestBody"), "content"),
                                                  "application/json"), "schema");
            if (clickup_json_get(s, "$ref")) { refs++; if (!deref(s)) bad++; }
            {
                size_t j;
                for (j = 0; j < clickup_json_len(s ? clickup_json_get(s, "properties") : NULL); j++) {
                    const clickup_json *pv = clickup_json_member(clickup_json_get(s, "properties"), j, NULL, NULL);
                    if (clickup_json_get(pv, "$ref")) { refs++; if (!deref(pv)) bad++; }
                }
            }
        }
    }
    print_message("%u $ref(s) in request bodies resolved\n", (unsigned)refs);
    assert_true(refs > 0);
    assert_int_equal(bad, 0);
}

/* ==== the route table ([routes] in clickup.h) against the spec ============================== */
#define MAX_PARAMS 8
typedef struct name_set {
    char   names[MAX_PARAMS][48];
    size_t n;
} name_set;

static void name_set_add(name_set *s, const char *name, size_t len) {
    size_t i;
    for (i = 0; i < s->n; i++)
        if (strlen(s->names[i]) == len && strncmp(s->names[i], name, len) == 0) return;
    if (s->n < MAX_PARAMS) snprintf(s->names[s->n++], sizeof s->names[0], "%.*s", (int)len, name);
}
/* The {names} of a path template, in order. */
static void template_names(const char *tpl, name_set *out) {
    const char *p = tpl, *open, *close;
    memset(out, 0, sizeof *out);
    while ((open = strchr(p, '{')) != NULL && (close = strchr(open, '}')) != NULL) {
        name_set_add(out, open + 1, (size_t)(close - open - 1));
        p = close + 1;
    }
}
static int name_set_has(const name_set *s, const char *name) {
    size_t i;
    for (i = 0; i < s->n; i++)
        if (strcmp(s->names[i], name) == 0) return 1;
    return 0;
}
static int name_set_equal(const name_set *a, const name_set *b) {
    size_t i;
    for (i = 0; i < a->n; i++)
        if (!name_set_has(b, a->names[i])) return 0;
    for (i = 0; i < b->n; i++)
        if (!name_set_has(a, b->names[i])) return 0;
    return 1;
}
static void name_set_text(const name_set *s, char *buf, size_t n) {
    size_t i, at = 0;
    buf[0] = '\0';
    for (i = 0; i < s->n && at < n; i++) at += (size_t)snprintf(buf + at, n - at, "%s%s", i ? "," : "", s->names[i]);
}
/* The path parameters ("in": "path") of an operation, declared on it or on its path item. */
static void spec_path_params(const clickup_json *item, const clickup_json *op, name_set *out) {
    const clickup_json *lists[2];
    size_t l, i;
    memset(out, 0, sizeof *out);
    lists[0] = clickup_json_get(item, "parameters");
    lists[1] = clickup_json_get(op, "parameters");
    for (l = 0; l < 2; l++)
        for (i = 0; i < clickup_json_len(lists[l]); i++) {
            const clickup_json *prm = deref(clickup_json_at(lists[l], i));
            const char *name = clickup_json_as_string(clickup_json_get(prm, "name"), NULL, NULL);
            if (name && strcmp(clickup_json_as_string(clickup_json_get(prm, "in"), "", NULL), "path") == 0)
                name_set_add(out, name, strlen(name));
        }
}

/* Does a row of clickup__routes agree with the spec? 1, or 0 with the reason in why. The spec
   must have path "/v2" + row.path exactly (parameter names included, case-sensitive), an
   operation under the lower-case method, the row's operationId, and path parameters whose
   names are exactly the row's {names}. */
static int route_row_check(const clickup__route *r, char *why, size_t n) {
    char key[256], method[16], have[256], want[256];
    const clickup_json *item, *op;
    const char *tpl = NULL, *op_id;
    name_set in_row, in_spec;
    size_t i;
    why[0] = '\0';
    snprintf(key, sizeof key, "/v2%s", r->path);
    for (i = 0; r->method[i] && i + 1 < sizeof method; i++)
        method[i] = (char)(r->method[i] >= 'A' && r->method[i] <= 'Z' ? r->method[i] - 'A' + 'a' : r->method[i]);
    method[i] = '\0';
    template_names(r->path, &in_row);
    if (!(item = clickup_json_get(g_spec.paths, key))) {
        /* the same shape under other names says more than "not found" */
        if (match_path(key, &tpl) && tpl) snprintf(why, n, "path %s is not in the spec; it has %s", key, tpl);
        else snprintf(why, n, "path %s is not in the spec", key);
        return 0;
    }
    if (strcmp(method, "parameters") == 0 || !(op = clickup_json_get(item, method))) {
        snprintf(why, n, "%s has no '%s' operation", key, method);
        return 0;
    }
    op_id = clickup_json_as_string(clickup_json_get(op, "operationId"), "", NULL);
    if (strcmp(op_id, r->operation_id) != 0) {
        snprintf(why, n, "%s %s: operationId is %s, the row says %s", r->method, key, op_id, r->operation_id);
        return 0;
    }
    spec_path_params(item, op, &in_spec);
    if (!name_set_equal(&in_row, &in_spec)) {
        name_set_text(&in_row, want, sizeof want);
        name_set_text(&in_spec, have, sizeof have);
        snprintf(why, n, "%s %s: path parameters are {%s}, the row's path names {%s}", r->method, key, have, want);
        return 0;
    }
    if (strncmp(r->name, r->method, strlen(r->method)) != 0 || strcmp(r->name + strlen(r->method) + 1, r->path) != 0) {
        snprintf(why, n, "%s %s: the row is named \"%s\"", r->method, key, r->name);
        return 0;
    }
    return 1;
}

/* Every row of the route table, except the catch-all OTHER, is an operation of the spec. */
static void test_route_table_matches_spec(void **state) {
    size_t i, j, checked = 0, bad = 0;
    char why[512], names[256];
    (void)state;
    printf("Route table (clickup__routes) against %s:\n", SPEC_PATH);
    for (i = 0; i < CLICKUP__ROUTE_COUNT; i++) {
        const clickup__route *r = &clickup__routes[i];
        name_set ns;
        int ok;
        if (r == CLICKUP__ROUTE(OTHER)) continue;
        ok = route_row_check(r, why, sizeof why);
        template_names(r->path, &ns);
        name_set_text(&ns, names, sizeof names);
        printf("  %-6s %-46s %-24s {%s} %s%s\n", r->method, r->path, r->operation_id, names, ok ? "ok" : "MISMATCH: ",
               ok ? "" : why);
        for (j = 0; j < i; j++)                            /* one row per operation */
            if (strcmp(clickup__routes[j].method, r->method) == 0 && strcmp(clickup__routes[j].path, r->path) == 0) {
                printf("  MISMATCH: %s %s has two rows\n", r->method, r->path);
                ok = 0;
            }
        checked++;
        bad += !ok;
    }
    printf("%u route(s) checked, %u mismatch(es); OTHER (the catch-all) is not in the spec\n", (unsigned)checked,
           (unsigned)bad);
    assert_int_equal(checked, CLICKUP__ROUTE_COUNT - 1);
    assert_true(checked >= 10);
    assert_int_equal(bad, 0);
    /* OTHER is the last row and the catch-all */
    assert_ptr_equal(CLICKUP__ROUTE(OTHER), &clickup__routes[CLICKUP__ROUTE_COUNT - 1]);
    assert_string_equal(CLICKUP__ROUTE(OTHER)->method, "*");
}

/* The other direction: every operation of the spec has its row (all 137 reachable, each with
   its resend safety, cache class and invalidation). */
static void test_every_spec_operation_has_a_row(void **state) {
    static const char *const methods[] = { "get", "post", "put", "delete", "patch" };
    size_t i, m, k, ops = 0, missing = 0;
    (void)state;
    for (i = 0; i < clickup_json_len(g_spec.paths); i++) {
        const char *key;
        const clickup_json *item = clickup_json_member(g_spec.paths, i, &key, NULL);
        for (m = 0; m < sizeof methods / sizeof methods[0]; m++) {
            int found = 0;
            if (!clickup_json_get(item, methods[m])) continue;
            ops++;
            for (k = 0; k < CLICKUP__ROUTE_COUNT && !found; k++) {
                const clickup__route *r = &clickup__routes[k];
                size_t j;
                int same_method = strlen(r->method) == strlen(methods[m]);
                for (j = 0; same_method && methods[m][j]; j++) same_method = r->method[j] == methods[m][j] - 'a' + 'A';
                found = same_method && strncmp(key, "/v2", 3) == 0 && strcmp(key + 3, r->path) == 0;
            }
            if (!found) { printf("  MISSING: %s %s has no row in the route table\n", methods[m], key); missing++; }
        }
    }
    printf("%u operation(s) in the spec, %u without a row\n", (unsigned)ops, (unsigned)missing);
    assert_int_equal(missing, 0);
    assert_int_equal(ops, CLICKUP__ROUTE_COUNT - 1);
}

/* The check fails for a row whose method, path, names or operationId is wrong (altered copies
   of real rows; the table itself is untouched). */
static void test_route_check_catches_wrong_rows(void **state) {
    struct { const clickup__route *row; const char *field, *value, *reason; } cases[] = {
        { CLICKUP__ROUTE(GET_TASK), "method", "POST", "has no 'post' operation" },
        { CLICKUP__ROUTE(CREATE_TASK), "method", "PUT", "has no 'put' operation" },
        { CLICKUP__ROUTE(GET_TASK), "path", "/task/{task_id}/nope", "is not in the spec" },
        { CLICKUP__ROUTE(GET_FOLDERS), "path", "/spaces/{space_id}/folder", "is not in the spec" },
        { CLICKUP__ROUTE(GET_TEAM_TASKS), "path", "/team/{team_id}/task", "it has /v2/team/{team_Id}/task" },
        { CLICKUP__ROUTE(GET_SPACES), "path", "/team/{team_Id}/space", "it has /v2/team/{team_id}/space" },
        { CLICKUP__ROUTE(ADD_TAG), "path", "/task/{task_id}/tag/{tag}", "it has /v2/task/{task_id}/tag/{tag_name}" },
        { CLICKUP__ROUTE(GET_TASK), "operation_id", "GetTasks", "operationId is GetTask, the row says GetTasks" },
        { CLICKUP__ROUTE(REMOVE_TAG), "operation_id", "AddTagToTask", "operationId is RemoveTagFromTask" },
    };
    size_t i;
    char why[512];
    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        clickup__route copy = *cases[i].row;
        char name[256];
        assert_true(route_row_check(&copy, why, sizeof why));          /* the real row passes */
        if (strcmp(cases[i].field, "method") == 0) copy.method = cases[i].value;
        else if (strcmp(cases[i].field, "path") == 0) copy.path = cases[i].value;
        else copy.operation_id = cases[i].value;
        snprintf(name, sizeof name, "%s %s", copy.method, copy.path);
        copy.name = name;
        assert_false(route_row_check(&copy, why, sizeof why));
        printf("  caught: %s = %s: %s\n", cases[i].field, cases[i].value, why);
        assert_non_null(strstr(why, cases[i].reason));
    }
    /* path parameters are compared as declared: a spec path key that agrees while the
       operation declares other names is caught too (a copy of the spec's item, altered) */
    {
        static const char item_json[] =
            "{\"get\":{\"operationId\":\"GetTask\",\"parameters\":[{\"name\":\"taskId\",\"in\":\"path\"},"
            "{\"name\":\"task_id\",\"in\":\"query\"}]},\"parameters\":[]}";
        clickup_json_doc *d = NULL;
        name_set in_spec, in_row;
        assert_int_equal(clickup_json_parse(item_json, sizeof item_json - 1, NULL, &d, NULL), CLICKUP_OK);
        spec_path_params(clickup_json_root(d), clickup_json_get(clickup_json_root(d), "get"), &in_spec);
        template_names("/task/{task_id}", &in_row);
        assert_int_equal(in_spec.n, 1);
        assert_string_equal(in_spec.names[0], "taskId");
        assert_false(name_set_equal(&in_row, &in_spec));
        template_names("/task/{taskId}", &in_row);
        assert_true(name_set_equal(&in_row, &in_spec));
        clickup_json_doc_free(d);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_refs_resolve),
        cmocka_unit_test(test_checker_catches_undeclared),
        cmocka_unit_test(test_every_request_is_in_the_spec),
        cmocka_unit_test(test_route_table_matches_spec),
        cmocka_unit_test(test_every_spec_operation_has_a_row),
        cmocka_unit_test(test_route_check_catches_wrong_rows),
    };
    int rc;
    if (clickup_global_init() != CLICKUP_OK) return 1;
    rc = cmocka_run_group_tests_name("openapi", tests, spec_load, spec_free);
    clickup_global_cleanup();
    return rc;
}

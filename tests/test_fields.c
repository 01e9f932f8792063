/* Custom fields and time tracking ([api:fields]) against the loopback sandbox, over real HTTP.
   The sandbox's field lab (sandbox_field_lab) gives list 2200 a field of every type; each test
   checks both sides: what the calls decode, and the exact requests the sandbox received.
   1. field definitions: a list's (type_config decoded), a folder's, a space's, the workspace's;
      the cache; lookup by name or id
   2. the codec: every field type in both directions (text -> request body -> stored -> the
      task read back -> the same text); accepted forms; refusals (with messages, nothing sent);
      drop_down and dropdown; the typed readers, also on hand-written values
   3. time entries: create, get, list (filters), update, delete, start, stop, the running one
      (none running is not an error); an end before the start refused with nothing sent; a 500
      on start is OUTCOME_UNKNOWN after one POST; ClickUp's spec examples decoded */
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

#define LAB_LIST "2200"                      /* list with the field lab; tasks 86c00001, 86c00002 */
#define OPT_BRONZE "d1a2b3c4-0001-4000-8000-00000000d0d1"
#define OPT_SILVER "d1a2b3c4-0002-4000-8000-00000000d0d2"
#define LBL_VIP    "1abe1000-0001-4000-8000-0000000a0e01"
#define LBL_RET    "1abe1000-0002-4000-8000-0000000a0e02"
#define STAGE_WON  "5a6e0000-0002-4000-8000-00000000aa02"
#define STAGE_LOST "5a6e0000-0003-4000-8000-00000000aa03"

/* ==== fixture: a sandbox with the field lab on list 2200, a client with its cache on ====== */
typedef struct fx {
    sandbox        *sb;
    char            url[96];
    clickup_client *cu;
    clickup_fields *lab;         /* list 2200's fields, fetched once per test on demand */
} fx;

static clickup_client *mk_client(fx *f, int cache, int retries) {
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.team_id = SANDBOX_TEAM_ID;
    cfg.base_url = f->url;
    cfg.backoff_base_ms = 10;
    cfg.backoff_cap_ms = 20;
    cfg.max_retries = retries;
    cfg.rate_limit = 10000;
    cfg.timeout_ms = 20000;
    cfg.disable_cache = !cache;
    assert_int_equal(clickup_client_create(&cfg, &cu), CLICKUP_OK);
    return cu;
}
static int setup(void **state) {
    fx *f = (fx *)calloc(1, sizeof *f);
    if (!f) return -1;
    if (!(f->sb = sandbox_start(NULL))) { free(f); return -1; }
    if (sandbox_field_lab(f->sb, LAB_LIST) != 0) { sandbox_stop(f->sb); free(f); return -1; }
    sandbox_base_url(f->sb, f->url, sizeof f->url);
    f->cu = mk_client(f, 1, 1);
    *state = f;
    return 0;
}
static int teardown(void **state) {
    fx *f = (fx *)*state;
    if (!f) return 0;
    clickup_fields_free(f->lab);
    clickup_client_destroy(f->cu);
    sandbox_stop(f->sb);
    free(f);
    return 0;
}

/* ==== helpers ================================================================================ */
static size_t nreq(fx *f) { return sandbox_request_count(f->sb, NULL, NULL); }
static void last_req(fx *f, sandbox_request *r) {
    size_t n = nreq(f);
    assert_true(n > 0);
    assert_int_equal(sandbox_request_get(f->sb, n - 1, r), 0);
}
/* The last request: method, path, raw query, body (NULL = not checked), status. */
static void check_last(fx *f, const char *method, const char *path, const char *query, const char *body, int status) {
    sandbox_request r;
    last_req(f, &r);
    assert_string_equal(r.method, method);
    assert_string_equal(r.path, path);
    assert_string_equal(r.query, query);
    if (body) assert_string_equal(r.body, body);
    assert_int_equal(r.status, status);
    assert_string_equal(r.authorization, SANDBOX_TOKEN);
}
static const clickup_field_def *lab_def(fx *f, const char *name) {
    const clickup_field_def *d;
    if (!f->lab) assert_int_equal(clickup_fields_get(f->cu, LAB_LIST, NULL, &f->lab), CLICKUP_OK);
    d = clickup_fields_find(f->lab, name);
    if (!d) fail_msg("list %s has no field '%s'", LAB_LIST, name);
    return d;
}
static const clickup_custom_field *field_of(const clickup_task *t, const char *id) {
    size_t i;
    for (i = 0; i < t->custom_field_count; i++)
        if (strcmp(t->custom_fields[i].id, id) == 0) return &t->custom_fields[i];
    fail_msg("task %s has no custom field %s", t->id, id);
    return NULL;
}
static clickup_task *get_task(fx *f, const char *id) {
    clickup_task *t = NULL;
    assert_int_equal(clickup_task_get(f->cu, id, NULL, &t), CLICKUP_OK);
    return t;
}
static void assert_contains(const char *hay, const char *needle) {
    if (!strstr(hay, needle)) fail_msg("\"%s\" does not contain \"%s\"", hay, needle);
}

/* Encode text for def into a fresh writer: the JSON text (static buffer) or NULL when refused,
   with why. */
static char g_json[1024], g_why[256];
static const char *enc(const clickup_field_def *d, const char *text) {
    clickup_json_writer w;
    const char *out = NULL;
    size_t len;
    clickup_result rc;
    clickup_json_writer_init(&w, NULL);
    rc = clickup_field_encode(d, text, &w, g_why, sizeof g_why);
    if (rc == CLICKUP_OK) {
        assert_int_equal(clickup_json_writer_finish(&w, &out, &len), CLICKUP_OK);
        snprintf(g_json, sizeof g_json, "%s", out);
        out = g_json;
    } else {
        assert_int_equal(rc, CLICKUP_ERR_INVALID_ARG);
        assert_int_equal(w.len, 0);                 /* nothing written on a refusal */
        assert_true(g_why[0] != '\0');
    }
    clickup_json_writer_free(&w);
    return out;
}
static void enc_ok(const clickup_field_def *d, const char *text, const char *want) {
    const char *got = enc(d, text);
    if (!got) fail_msg("'%s' refused for %s: %s", text, d->type, g_why);
    assert_string_equal(got, want);
}
static void enc_refused(const clickup_field_def *d, const char *text, const char *why_part) {
    const char *got = enc(d, text);
    if (got) fail_msg("'%s' accepted for %s as %s", text, d->type, got);
    assert_contains(g_why, why_part);
}

/* ============================================================================================
   1. Field definitions
   ============================================================================================ */
static void test_fields_get_list(void **state) {
    fx *f = (fx *)*state;
    clickup_fields *fs = NULL, *again = NULL, *other = NULL;
    clickup_fields_opts o;
    const clickup_field_def *d;
    assert_int_equal(clickup_fields_get(f->cu, LAB_LIST, NULL, &fs), CLICKUP_OK);
    check_last(f, "GET", "/api/v2/list/2200/field", "", NULL, 200);
    assert_int_equal(fs->count, 5 + 14);
    assert_non_null(fs->raw);

    d = clickup_fields_find(fs, "Client Tier");
    assert_non_null(d);
    assert_string_equal(d->id, SANDBOX_FIELD_DROPDOWN);
    assert_string_equal(d->type, "drop_down");
    assert_int_equal(d->kind, CLICKUP_FIELD_DROP_DOWN);
    assert_int_equal(d->option_count, 3);
    assert_string_equal(d->options[0].id, OPT_BRONZE);
    assert_string_equal(d->options[0].name, "Bronze");
    assert_string_equal(d->options[0].color, "#cd7f32");
    assert_true(d->options[0].orderindex.present);
    assert_int_equal(d->options[2].orderindex.value, 2);
    assert_string_equal(d->options[2].id, SANDBOX_DROPDOWN_OPT_GOLD);
    assert_non_null(d->options[1].raw);
    assert_non_null(d->type_config);

    d = clickup_fields_find(fs, "labels");                 /* labels options: "label", no orderindex */
    assert_int_equal(d->kind, CLICKUP_FIELD_LABELS);
    assert_int_equal(d->option_count, 2);
    assert_string_equal(d->options[0].name, "VIP");
    assert_string_equal(d->options[1].id, LBL_RET);
    assert_string_equal(d->options[1].color, "#0231e8");
    assert_false(d->options[1].orderindex.present);

    d = clickup_fields_find(fs, "Stage");                  /* the other spelling */
    assert_string_equal(d->type, "dropdown");
    assert_int_equal(d->kind, CLICKUP_FIELD_DROP_DOWN);
    assert_int_equal(d->option_count, 3);
    assert_string_equal(d->options[2].color, "");          /* null colour */

    d = clickup_fields_find(fs, "Happiness");
    assert_int_equal(d->kind, CLICKUP_FIELD_RATING);
    assert_true(d->count.present);
    assert_int_equal(d->count.value, 5);
    assert_string_equal(d->code_point, "1f600");
    d = clickup_fields_find(fs, "Budget");
    assert_int_equal(d->kind, CLICKUP_FIELD_CURRENCY);
    assert_string_equal(d->currency, "EUR");
    assert_int_equal(d->precision.value, 2);
    d = clickup_fields_find(fs, "Progress");
    assert_int_equal(d->kind, CLICKUP_FIELD_MANUAL_PROGRESS);
    assert_int_equal(d->start.value, 0);
    assert_int_equal(d->end.value, 200);
    assert_true(d->end.present);
    d = clickup_fields_find(fs, "Go Live");
    assert_int_equal(d->kind, CLICKUP_FIELD_DATE);
    assert_int_equal(d->required, 1);
    assert_int_equal(d->hide_from_guests, 0);
    assert_string_equal(d->currency, "");
    assert_false(d->count.present);
    assert_int_equal(clickup_fields_find(fs, "Score")->kind, CLICKUP_FIELD_FORMULA);
    assert_int_equal(clickup_fields_find(fs, "Related Tasks")->kind, CLICKUP_FIELD_TASKS);
    assert_int_equal(clickup_fields_find(fs, "Reviewers")->kind, CLICKUP_FIELD_USERS);
    assert_int_equal(clickup_fields_find(fs, "Office")->kind, CLICKUP_FIELD_LOCATION);
    assert_int_equal(clickup_fields_find(fs, "Margin")->kind, CLICKUP_FIELD_PERCENTAGE);
    assert_int_equal(clickup_fields_find(fs, "Slack Channel")->kind, CLICKUP_FIELD_SHORT_TEXT);
    assert_int_equal(clickup_fields_find(fs, "Notes")->kind, CLICKUP_FIELD_TEXT);

    /* cached with the hierarchy TTL: the same read sends nothing; NO_CACHE sends again */
    assert_int_equal(nreq(f), 1);
    assert_int_equal(clickup_fields_get(f->cu, LAB_LIST, NULL, &again), CLICKUP_OK);
    assert_int_equal(nreq(f), 1);
    assert_int_equal(again->count, fs->count);
    clickup_fields_free(again);
    memset(&o, 0, sizeof o);
    o.flags = CLICKUP_NO_CACHE;
    assert_int_equal(clickup_fields_get(f->cu, LAB_LIST, &o, &again), CLICKUP_OK);
    assert_int_equal(nreq(f), 2);
    clickup_fields_free(again);

    /* other lists have the five fields only */
    assert_int_equal(clickup_fields_get(f->cu, "2101", NULL, &other), CLICKUP_OK);
    assert_int_equal(other->count, 5);
    clickup_fields_free(other);
    clickup_fields_free(fs);
}

static void test_fields_get_scopes(void **state) {
    fx *f = (fx *)*state;
    clickup_fields *fs = NULL;
    clickup_fields_opts o;
    size_t n;
    memset(&o, 0, sizeof o);
    o.scope = CLICKUP_FIELDS_FOLDER;
    assert_int_equal(clickup_fields_get(f->cu, "1100", &o, &fs), CLICKUP_OK);
    check_last(f, "GET", "/api/v2/folder/1100/field", "", NULL, 200);
    assert_int_equal(fs->count, 5);
    clickup_fields_free(fs);
    o.scope = CLICKUP_FIELDS_SPACE;
    assert_int_equal(clickup_fields_get(f->cu, "790", &o, &fs), CLICKUP_OK);
    check_last(f, "GET", "/api/v2/space/790/field", "", NULL, 200);
    clickup_fields_free(fs);
    o.scope = CLICKUP_FIELDS_TEAM;                          /* NULL: the client's workspace */
    assert_int_equal(clickup_fields_get(f->cu, NULL, &o, &fs), CLICKUP_OK);
    check_last(f, "GET", "/api/v2/team/9001/field", "", NULL, 200);
    assert_int_equal(fs->count, 5);
    assert_string_equal(clickup_fields_find(fs, SANDBOX_FIELD_USERS)->name, "Reviewers");
    clickup_fields_free(fs);

    /* refused before sending; unknown ids answered by the sandbox */
    n = nreq(f);
    o.scope = CLICKUP_FIELDS_SPACE;
    assert_int_equal(clickup_fields_get(f->cu, "79/0", &o, &fs), CLICKUP_ERR_INVALID_ARG);
    assert_null(fs);
    assert_int_equal(clickup_fields_get(f->cu, NULL, NULL, &fs), CLICKUP_ERR_INVALID_ARG);
    o.scope = (clickup_field_scope)9;
    assert_int_equal(clickup_fields_get(f->cu, "790", &o, &fs), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_fields_get(f->cu, "790", NULL, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(nreq(f), n);
    assert_int_equal(clickup_fields_get(f->cu, "4040", NULL, &fs), CLICKUP_ERR_NOT_FOUND);
    assert_null(fs);
    o.scope = CLICKUP_FIELDS_FOLDER;
    assert_int_equal(clickup_fields_get(f->cu, "4040", &o, &fs), CLICKUP_ERR_NO_ACCESS);
}

static void test_fields_find(void **state) {
    fx *f = (fx *)*state;
    clickup_field_def items[3];
    clickup_fields fs;
    (void)lab_def(f, "Notes");                             /* fetches the lab's fields */
    assert_ptr_equal(clickup_fields_find(f->lab, "  client TIER "), lab_def(f, "Client Tier"));
    assert_ptr_equal(clickup_fields_find(f->lab, SANDBOX_FIELD_TEXT), lab_def(f, "Slack Channel"));
    assert_null(clickup_fields_find(f->lab, "Client"));
    assert_null(clickup_fields_find(f->lab, ""));
    assert_null(clickup_fields_find(f->lab, NULL));
    assert_null(clickup_fields_find(NULL, "Notes"));
    memset(items, 0, sizeof items);                       /* two fields of one name: ambiguous */
    items[0].id = "a1"; items[0].name = "Owner";
    items[1].id = "b2"; items[1].name = "owner ";
    items[2].id = "c3"; items[2].name = "Other";
    memset(&fs, 0, sizeof fs);
    fs.items = items; fs.count = 3;
    assert_null(clickup_fields_find(&fs, "Owner"));
    assert_ptr_equal(clickup_fields_find(&fs, "b2"), &items[1]);
    assert_ptr_equal(clickup_fields_find(&fs, "OTHER"), &items[2]);
    assert_int_equal(clickup_field_kind_of("DropDown"), CLICKUP_FIELD_DROP_DOWN);
    assert_int_equal(clickup_field_kind_of("money"), CLICKUP_FIELD_CURRENCY);
    assert_int_equal(clickup_field_kind_of("rating"), CLICKUP_FIELD_RATING);
    assert_int_equal(clickup_field_kind_of("button"), CLICKUP_FIELD_OTHER);
    assert_int_equal(clickup_field_kind_of(NULL), CLICKUP_FIELD_OTHER);
}

/* ============================================================================================
   2. The codec
   ============================================================================================ */
typedef struct roundtrip {
    const char *field, *text, *body, *back;
} roundtrip;

static const roundtrip ROUNDTRIPS[] = {
    { "Client Tier", "gold", "{\"value\":\"" SANDBOX_DROPDOWN_OPT_GOLD "\"}", "Gold" },
    { "Stage", "Won", "{\"value\":\"" STAGE_WON "\"}", "Won" },
    { "Labels", "VIP, Retainer", "{\"value\":[\"" LBL_VIP "\",\"" LBL_RET "\"]}", "VIP, Retainer" },
    { "Reviewers", "183, 2772463", "{\"value\":{\"add\":[183,2772463]}}", "183, 2772463" },
    { "Related Tasks", "86abc123, 86c00002", "{\"value\":{\"add\":[\"86abc123\",\"86c00002\"]}}", "86abc123, 86c00002" },
    { "Go Live", "1796551200000", "{\"value\":1796551200000,\"value_options\":{\"time\":true}}", "1796551200000" },
    { "Seats", "12.5", "{\"value\":12.5}", "12.5" },
    { "Budget", "1234.50", "{\"value\":1234.50}", "1234.50" },
    { "Margin", "-3.25", "{\"value\":-3.25}", "-3.25" },
    { "Signed", "true", "{\"value\":true}", "true" },
    { "Website", "https://example.com/a?b=c", "{\"value\":\"https://example.com/a?b=c\"}", "https://example.com/a?b=c" },
    { "Contact Email", "ada@example.com", "{\"value\":\"ada@example.com\"}", "ada@example.com" },
    { "Phone", "+1 201 555 0123", "{\"value\":\"+1 201 555 0123\"}", "+1 201 555 0123" },
    { "Notes", "Line one\nLine two: \xc3\xbcn\xc3\xaf" "code \"q\"", "{\"value\":\"Line one\\nLine two: \xc3\xbcn\xc3\xaf" "code \\\"q\\\"\"}",
      "Line one\nLine two: \xc3\xbcn\xc3\xaf" "code \"q\"" },
    { "Slack Channel", "#client-acme", "{\"value\":\"#client-acme\"}", "#client-acme" },
    { "Happiness", "4", "{\"value\":4}", "4" },
    { "Office", "-28.016667,153.4,Gold Coast QLD, Australia",
      "{\"value\":{\"location\":{\"lat\":-28.016667,\"lng\":153.4},\"formatted_address\":\"Gold Coast QLD, Australia\"}}",
      "-28.016667,153.4,Gold Coast QLD, Australia" },
    { "Progress", "150", "{\"value\":{\"current\":150}}", "150" },
};

/* Every type both ways: the text is encoded, the sandbox stores it, the task read back gives
   the same text. */
static void test_every_type_round_trips(void **state) {
    fx *f = (fx *)*state;
    clickup_task *t;
    size_t i;
    char path[160], buf[256];
    for (i = 0; i < sizeof ROUNDTRIPS / sizeof ROUNDTRIPS[0]; i++) {
        const roundtrip *r = &ROUNDTRIPS[i];
        const clickup_field_def *d = lab_def(f, r->field);
        clickup_result rc = clickup_task_field_set_text(f->cu, "86c00001", d, r->text);
        if (rc != CLICKUP_OK) fail_msg("%s: %s", r->field, clickup_last_error(f->cu)->message);
        snprintf(path, sizeof path, "/api/v2/task/86c00001/field/%s", d->id);
        check_last(f, "POST", path, "", r->body, 200);
    }
    t = get_task(f, "86c00001");
    assert_int_equal(t->custom_field_count, 19);
    for (i = 0; i < sizeof ROUNDTRIPS / sizeof ROUNDTRIPS[0]; i++) {
        const roundtrip *r = &ROUNDTRIPS[i];
        const clickup_custom_field *cf = field_of(t, lab_def(f, r->field)->id);
        assert_int_equal(clickup_custom_field_text(cf, buf, sizeof buf), CLICKUP_OK);
        if (strcmp(buf, r->back) != 0) fail_msg("%s: read back \"%s\", expected \"%s\"", r->field, buf, r->back);
    }
    /* the computed formula reads as text too; the other task has no values */
    assert_int_equal(clickup_custom_field_text(field_of(t, lab_def(f, "Score")->id), buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "42");
    clickup_task_free(t);
    t = get_task(f, "86c00002");
    assert_int_equal(clickup_custom_field_text(field_of(t, lab_def(f, "Budget")->id), buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "");
    clickup_task_free(t);
}

/* The typed readers on what the sandbox sent back. */
static void test_typed_readers(void **state) {
    fx *f = (fx *)*state;
    clickup_task *t;
    clickup_field_option o;
    clickup_user u;
    clickup_ref tr;
    double x, lat, lng;
    int b;
    int64_t ms;
    const char *addr;
    size_t i;
    for (i = 0; i < sizeof ROUNDTRIPS / sizeof ROUNDTRIPS[0]; i++)
        assert_int_equal(clickup_task_field_set_text(f->cu, "86c00001", lab_def(f, ROUNDTRIPS[i].field), ROUNDTRIPS[i].text),
                         CLICKUP_OK);
    t = get_task(f, "86c00001");
    assert_int_equal(clickup_custom_field_option(field_of(t, SANDBOX_FIELD_DROPDOWN), 0, &o), CLICKUP_OK);
    assert_string_equal(o.id, SANDBOX_DROPDOWN_OPT_GOLD);
    assert_string_equal(o.name, "Gold");
    assert_string_equal(o.color, "#ffd700");
    assert_int_equal(o.orderindex.value, 2);
    assert_int_equal(clickup_custom_field_option(field_of(t, SANDBOX_FIELD_DROPDOWN), 1, &o), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(clickup_custom_field_option(field_of(t, SANDBOX_FIELD_LABELS), 1, &o), CLICKUP_OK);
    assert_string_equal(o.name, "Retainer");
    assert_int_equal(clickup_custom_field_option(field_of(t, SANDBOX_FIELD_LABELS), 2, &o), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(clickup_custom_field_user(field_of(t, SANDBOX_FIELD_USERS), 0, &u), CLICKUP_OK);
    assert_int_equal(u.id, 183);
    assert_string_equal(u.username, "Ada Owner");
    assert_int_equal(clickup_custom_field_user(field_of(t, SANDBOX_FIELD_USERS), 2, &u), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(clickup_custom_field_task(field_of(t, lab_def(f, "Related Tasks")->id), 1, &tr), CLICKUP_OK);
    assert_string_equal(tr.id, "86c00002");
    assert_string_equal(tr.name, "Reply to {{client_name}}");
    assert_int_equal(clickup_custom_field_date(field_of(t, lab_def(f, "Go Live")->id), &ms), CLICKUP_OK);
    assert_true(ms == 1796551200000LL);
    assert_int_equal(clickup_custom_field_number(field_of(t, SANDBOX_FIELD_NUMBER), &x), CLICKUP_OK);
    assert_true(x == 12.5);
    assert_int_equal(clickup_custom_field_number(field_of(t, lab_def(f, "Budget")->id), &x), CLICKUP_OK);
    assert_true(x == 1234.5);
    assert_int_equal(clickup_custom_field_number(field_of(t, lab_def(f, "Happiness")->id), &x), CLICKUP_OK);
    assert_true(x == 4);
    assert_int_equal(clickup_custom_field_number(field_of(t, lab_def(f, "Progress")->id), &x), CLICKUP_OK);
    assert_true(x == 150);
    assert_int_equal(clickup_custom_field_number(field_of(t, lab_def(f, "Score")->id), &x), CLICKUP_OK);
    assert_true(x == 42);
    assert_int_equal(clickup_custom_field_bool(field_of(t, lab_def(f, "Signed")->id), &b), CLICKUP_OK);
    assert_int_equal(b, 1);
    assert_int_equal(clickup_custom_field_location(field_of(t, lab_def(f, "Office")->id), &lat, &lng, &addr), CLICKUP_OK);
    assert_true(lat == -28.016667 && lng == 153.4);
    assert_string_equal(addr, "Gold Coast QLD, Australia");
    /* wrong shapes and unset values */
    assert_int_equal(clickup_custom_field_bool(field_of(t, SANDBOX_FIELD_TEXT), &b), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(clickup_custom_field_number(field_of(t, SANDBOX_FIELD_TEXT), &x), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(clickup_custom_field_date(field_of(t, SANDBOX_FIELD_USERS), &ms), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(clickup_custom_field_location(field_of(t, SANDBOX_FIELD_TEXT), NULL, NULL, NULL), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(clickup_custom_field_number(NULL, &x), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_custom_field_text(field_of(t, SANDBOX_FIELD_TEXT), NULL, 9), CLICKUP_ERR_INVALID_ARG);
    clickup_task_free(t);

    /* removed: NOT_FOUND from the readers, "" as text */
    assert_int_equal(clickup_task_field_remove(f->cu, "86c00001", lab_def(f, "Signed")->id), CLICKUP_OK);
    t = get_task(f, "86c00001");
    assert_int_equal(clickup_custom_field_bool(field_of(t, lab_def(f, "Signed")->id), &b), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(clickup_custom_field_option(field_of(t, lab_def(f, "Stage")->id), 0, &o), CLICKUP_OK);
    assert_string_equal(o.id, STAGE_WON);
    clickup_task_free(t);
    t = get_task(f, "86c00002");
    assert_int_equal(clickup_custom_field_number(field_of(t, SANDBOX_FIELD_NUMBER), &x), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(clickup_custom_field_option(field_of(t, SANDBOX_FIELD_DROPDOWN), 0, &o), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(clickup_custom_field_user(field_of(t, SANDBOX_FIELD_USERS), 0, &u), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(clickup_custom_field_task(field_of(t, lab_def(f, "Related Tasks")->id), 0, &tr), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(clickup_custom_field_date(field_of(t, lab_def(f, "Go Live")->id), &ms), CLICKUP_ERR_NOT_FOUND);
    clickup_task_free(t);
}

/* The forms each type accepts, and what it refuses (pure: no request). */
static void test_encode_forms(void **state) {
    fx *f = (fx *)*state;
    clickup_field_def d;
    char why[8];
    clickup_json_writer w;
    /* dates: digits are ms (time on); ISO 8601 in UTC, date only = midnight, time off */
    enc_ok(lab_def(f, "Go Live"), " 2026-12-06 ", "{\"value\":1796515200000,\"value_options\":{\"time\":false}}");
    enc_ok(lab_def(f, "Go Live"), "2026-12-06T10:00", "{\"value\":1796551200000,\"value_options\":{\"time\":true}}");
    enc_ok(lab_def(f, "Go Live"), "2026-12-06 10:00:30.250Z", "{\"value\":1796551230250,\"value_options\":{\"time\":true}}");
    enc_ok(lab_def(f, "Go Live"), "2026-12-06T12:00+02:00", "{\"value\":1796551200000,\"value_options\":{\"time\":true}}");
    enc_ok(lab_def(f, "Go Live"), "2026-12-06T05:00-0500", "{\"value\":1796551200000,\"value_options\":{\"time\":true}}");
    enc_ok(lab_def(f, "Go Live"), "2024-02-29", "{\"value\":1709164800000,\"value_options\":{\"time\":false}}");
    enc_ok(lab_def(f, "Go Live"), "0", "{\"value\":0,\"value_options\":{\"time\":true}}");
    enc_refused(lab_def(f, "Go Live"), "2026-02-29", "takes a date");
    enc_refused(lab_def(f, "Go Live"), "2026-13-01", "Unix ms");
    enc_refused(lab_def(f, "Go Live"), "06/12/2026", "field 'Go Live' (date)");
    enc_refused(lab_def(f, "Go Live"), "2026-12-06T25:00", "takes a date");
    enc_refused(lab_def(f, "Go Live"), "2026-12-06T10:00 tomorrow", "takes a date");
    enc_refused(lab_def(f, "Go Live"), "-5", "takes a date");
    /* numbers, in any locale: '.' only */
    enc_ok(lab_def(f, "Seats"), "+5", "{\"value\":5}");
    enc_ok(lab_def(f, "Seats"), ".5", "{\"value\":0.5}");
    enc_ok(lab_def(f, "Seats"), "-007.50", "{\"value\":-7.50}");
    enc_ok(lab_def(f, "Seats"), "1E3", "{\"value\":1e3}");
    enc_ok(lab_def(f, "Seats"), "5.", "{\"value\":5}");
    enc_refused(lab_def(f, "Seats"), "1,5", "'.' for decimals");
    enc_refused(lab_def(f, "Seats"), "1 000", "not \"1 000\"");
    enc_refused(lab_def(f, "Seats"), "1e999", "takes a number");
    enc_refused(lab_def(f, "Seats"), "-", "takes a number");
    enc_refused(lab_def(f, "Seats"), "twelve", "field 'Seats' (number)");
    enc_refused(lab_def(f, "Budget"), "$12", "takes a number");
    enc_ok(lab_def(f, "Margin"), "12.5 %", "{\"value\":12.5}");
    enc_refused(lab_def(f, "Seats"), "12%", "takes a number");
    /* checkbox */
    enc_ok(lab_def(f, "Signed"), "YES", "{\"value\":true}");
    enc_ok(lab_def(f, "Signed"), "off", "{\"value\":false}");
    enc_ok(lab_def(f, "Signed"), "0", "{\"value\":false}");
    enc_refused(lab_def(f, "Signed"), "maybe", "true/false, yes/no");
    /* drop_down: name (any case), orderindex, id; a refusal lists the names */
    enc_ok(lab_def(f, "Client Tier"), "1", "{\"value\":\"" OPT_SILVER "\"}");
    enc_ok(lab_def(f, "Client Tier"), OPT_BRONZE, "{\"value\":\"" OPT_BRONZE "\"}");
    enc_ok(lab_def(f, "Stage"), "  LOST ", "{\"value\":\"" STAGE_LOST "\"}");
    enc_ok(lab_def(f, "Stage"), "2", "{\"value\":\"" STAGE_LOST "\"}");
    enc_refused(lab_def(f, "Client Tier"), "Platinum", "field 'Client Tier' (drop_down) has no option \"Platinum\"");
    assert_contains(g_why, "Bronze, Silver, Gold");
    enc_refused(lab_def(f, "Stage"), "3", "Lead, Won, Lost");
    enc_refused(lab_def(f, "Client Tier"), "-1", "has no option");
    /* labels: names or ids, once each */
    enc_ok(lab_def(f, "Labels"), "vip, VIP ," LBL_RET, "{\"value\":[\"" LBL_VIP "\",\"" LBL_RET "\"]}");
    enc_refused(lab_def(f, "Labels"), "VIP, Gold", "has no label \"Gold\"");
    assert_contains(g_why, "VIP, Retainer");
    enc_refused(lab_def(f, "Labels"), "VIP,,Retainer", "an item is empty");
    /* users and tasks: -id removes */
    enc_ok(lab_def(f, "Reviewers"), "183, -5001", "{\"value\":{\"add\":[183],\"rem\":[5001]}}");
    enc_ok(lab_def(f, "Reviewers"), "-5001", "{\"value\":{\"add\":[],\"rem\":[5001]}}");
    enc_refused(lab_def(f, "Reviewers"), "0", "takes user ids");
    enc_refused(lab_def(f, "Reviewers"), "ada", "not \"ada\"");
    enc_refused(lab_def(f, "Reviewers"), "183,", "an item is empty");
    enc_ok(lab_def(f, "Related Tasks"), "-86abc123", "{\"value\":{\"add\":[],\"rem\":[\"86abc123\"]}}");
    enc_refused(lab_def(f, "Related Tasks"), "DEV-1", "no custom ids");
    /* url, email, phone */
    enc_ok(lab_def(f, "Website"), "HTTP://x.io", "{\"value\":\"HTTP://x.io\"}");
    enc_refused(lab_def(f, "Website"), "ftp://x.io", "http:// or https://");
    enc_refused(lab_def(f, "Website"), "https://", "http:// or https://");
    enc_refused(lab_def(f, "Website"), "https://a b.com", "without spaces");
    enc_refused(lab_def(f, "Website"), "example.com", "http:// or https://");
    enc_ok(lab_def(f, "Contact Email"), "a.b+c@mail.example.co", "{\"value\":\"a.b+c@mail.example.co\"}");
    enc_refused(lab_def(f, "Contact Email"), "a@b", "email address");
    enc_refused(lab_def(f, "Contact Email"), "a@@b.com", "email address");
    enc_refused(lab_def(f, "Contact Email"), "@b.com", "email address");
    enc_refused(lab_def(f, "Contact Email"), "a b@c.com", "email address");
    enc_refused(lab_def(f, "Contact Email"), "a@b..com", "email address");
    enc_ok(lab_def(f, "Phone"), "+44 (20) 7946-0958", "{\"value\":\"+44 (20) 7946-0958\"}");
    enc_ok(lab_def(f, "Phone"), "+4915123456789", "{\"value\":\"+4915123456789\"}");
    enc_refused(lab_def(f, "Phone"), "201 555 0123", "country code");
    enc_refused(lab_def(f, "Phone"), "+1 23", "7-15 digits");
    enc_refused(lab_def(f, "Phone"), "+1234567890123456", "7-15 digits");
    enc_refused(lab_def(f, "Phone"), "+1 201  555 0123", "phone number");
    enc_refused(lab_def(f, "Phone"), "+1 201 555 0123 ext 5", "phone number");
    enc_refused(lab_def(f, "Phone"), "+0 201 555 0123", "phone number");
    /* rating: 0..count (10 when the field has no count) */
    enc_ok(lab_def(f, "Happiness"), "0", "{\"value\":0}");
    enc_ok(lab_def(f, "Happiness"), "5", "{\"value\":5}");
    enc_refused(lab_def(f, "Happiness"), "6", "from 0 to 5");
    enc_refused(lab_def(f, "Happiness"), "-1", "from 0 to 5");
    enc_refused(lab_def(f, "Happiness"), "4.5", "whole number");
    memset(&d, 0, sizeof d);
    d.id = "x"; d.name = "Stars"; d.type = "rating";
    enc_ok(&d, "10", "{\"value\":10}");
    enc_refused(&d, "11", "field 'Stars' (rating) takes a whole number from 0 to 10");
    /* location */
    enc_ok(lab_def(f, "Office"), " 52.52 , 13.405 ", "{\"value\":{\"location\":{\"lat\":52.52,\"lng\":13.405}}}");
    enc_refused(lab_def(f, "Office"), "91,0", "lat in [-90, 90]");
    enc_refused(lab_def(f, "Office"), "0,181", "lng in [-180, 180]");
    enc_refused(lab_def(f, "Office"), "52.52", "\"lat,lng\"");
    enc_refused(lab_def(f, "Office"), "north,east", "\"lat,lng\"");
    /* manual progress: a number in [start, end] or a percentage of the range */
    enc_ok(lab_def(f, "Progress"), "50%", "{\"value\":{\"current\":100}}");
    enc_ok(lab_def(f, "Progress"), "0", "{\"value\":{\"current\":0}}");
    enc_refused(lab_def(f, "Progress"), "250", "from 0 to 200");
    enc_refused(lab_def(f, "Progress"), "101%", "from 0 to 200");
    enc_refused(lab_def(f, "Progress"), "3/4", "percentage of that range");
    /* text: any UTF-8, surrounding white space dropped */
    enc_ok(lab_def(f, "Notes"), "  tab\there  ", "{\"value\":\"tab\\there\"}");
    enc_refused(lab_def(f, "Notes"), "bad \xff byte", "not UTF-8");
    /* nothing, read-only, unknown types */
    enc_refused(lab_def(f, "Notes"), "   ", "empty value");
    enc_refused(lab_def(f, "Score"), "1", "field 'Score' (formula) is computed by ClickUp");
    memset(&d, 0, sizeof d);
    d.id = "x"; d.name = "Approve"; d.type = "button";
    enc_refused(&d, "true", "cannot be set from text");
    /* drop_down and dropdown are the same; kind alone works too */
    memset(&d, 0, sizeof d);
    d.name = "Hand made";
    d.kind = CLICKUP_FIELD_DROP_DOWN;
    d.options = lab_def(f, "Stage")->options;
    d.option_count = 3;
    enc_ok(&d, "lead", "{\"value\":\"5a6e0000-0001-4000-8000-00000000aa01\"}");
    d.type = "drop_down";
    enc_ok(&d, "won", "{\"value\":\"" STAGE_WON "\"}");
    d.type = "dropdown";
    enc_ok(&d, "lost", "{\"value\":\"" STAGE_LOST "\"}");
    d.option_count = 0;
    enc_refused(&d, "lost", "the field has no options");
    {   /* an option without an id cannot be sent */
        clickup_field_option bare[1];
        memset(bare, 0, sizeof bare);
        bare[0].name = "Solo";
        d.options = bare; d.option_count = 1;
        enc_refused(&d, "solo", "has an option \"solo\" without an id");
        d.type = "labels";
        enc_refused(&d, "solo", "has a label \"solo\" without an id");
    }
    /* arguments */
    clickup_json_writer_init(&w, NULL);
    assert_int_equal(clickup_field_encode(NULL, "x", &w, why, sizeof why), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_field_encode(lab_def(f, "Notes"), NULL, &w, NULL, 0), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_field_encode(lab_def(f, "Notes"), "x", NULL, why, sizeof why), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_field_encode(lab_def(f, "Notes"), "a long text", &w, why, sizeof why), CLICKUP_OK);
    assert_string_equal(w.buf, "{\"value\":\"a long text\"}");
    clickup_json_writer_free(&w);
    assert_int_equal(nreq(f), 1);                          /* only the one GET of the fields */
}

/* A value that does not fit is refused before anything is sent, with a message naming the field. */
static void test_refusals_send_nothing(void **state) {
    fx *f = (fx *)*state;
    const clickup_error *e;
    size_t n;
    (void)lab_def(f, "Notes");
    n = nreq(f);
    assert_int_equal(clickup_task_field_set_text(f->cu, "86c00001", lab_def(f, "Client Tier"), "Platinum"), CLICKUP_ERR_INVALID_ARG);
    e = clickup_last_error(f->cu);
    assert_int_equal(e->code, CLICKUP_ERR_INVALID_ARG);
    assert_contains(e->message, "POST /task/{task_id}/field/{field_id}: field 'Client Tier' (drop_down) has no option \"Platinum\"");
    assert_contains(e->message, "Bronze, Silver, Gold");
    assert_contains(e->message, "(nothing was sent)");
    assert_int_equal(clickup_task_field_set_text(f->cu, "86c00001", lab_def(f, "Happiness"), "9"), CLICKUP_ERR_INVALID_ARG);
    assert_contains(clickup_last_error(f->cu)->message, "field 'Happiness' (emoji) takes a whole number from 0 to 5");
    assert_int_equal(clickup_task_field_set_text(f->cu, "86c00001", lab_def(f, "Notes"), ""), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_field_set_text(f->cu, "86c00001", NULL, "x"), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_field_set_text(f->cu, "bad/id", lab_def(f, "Notes"), "x"), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_task_field_set_text(NULL, "86c00001", lab_def(f, "Notes"), "x"), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(nreq(f), n);
    /* the codec accepts it but ClickUp does not: a lab field on a task of another list */
    assert_int_equal(clickup_task_field_set_text(f->cu, "86abc123", lab_def(f, "Notes"), "x"), CLICKUP_ERR_VALIDATION);
    assert_string_equal(clickup_last_error(f->cu)->ecode, "FIELD_033");
    assert_int_equal(nreq(f), n + 1);
}

static void test_set_by_name(void **state) {
    fx *f = (fx *)*state;
    clickup_task *t;
    char buf[64];
    assert_int_equal(clickup_task_field_set_by_name(f->cu, "86c00002", LAB_LIST, "client tier", "Silver"), CLICKUP_OK);
    assert_int_equal(nreq(f), 2);                          /* the fields, then the value */
    check_last(f, "POST", "/api/v2/task/86c00002/field/" SANDBOX_FIELD_DROPDOWN, "", "{\"value\":\"" OPT_SILVER "\"}", 200);
    /* the fields come from the cache now; a custom task id; a field given by id */
    assert_int_equal(clickup_task_field_set_by_name(f->cu, "INB-2", LAB_LIST, SANDBOX_FIELD_TEXT, "#inbox"), CLICKUP_OK);
    assert_int_equal(nreq(f), 3);
    check_last(f, "POST", "/api/v2/task/INB-2/field/" SANDBOX_FIELD_TEXT, "custom_task_ids=true&team_id=9001",
               "{\"value\":\"#inbox\"}", 200);
    t = get_task(f, "86c00002");
    assert_int_equal(clickup_custom_field_text(field_of(t, SANDBOX_FIELD_DROPDOWN), buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "Silver");
    assert_int_equal(clickup_custom_field_text(field_of(t, SANDBOX_FIELD_TEXT), buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "#inbox");
    clickup_task_free(t);
    /* unknown field: refused with the list's fields, nothing sent (the fields are cached) */
    sandbox_log_reset(f->sb);
    assert_int_equal(clickup_task_field_set_by_name(f->cu, "86c00002", LAB_LIST, "Tier", "Gold"), CLICKUP_ERR_INVALID_ARG);
    assert_contains(clickup_last_error(f->cu)->message, "list 2200 has no field 'Tier'; its fields: Client Tier, Slack Channel");
    assert_int_equal(clickup_task_field_set_by_name(f->cu, "86c00002", LAB_LIST, "Budget", "12,50"), CLICKUP_ERR_INVALID_ARG);
    assert_contains(clickup_last_error(f->cu)->message, "field 'Budget' (currency) takes a number");
    assert_int_equal(clickup_task_field_set_by_name(f->cu, "86c00002", LAB_LIST, " ", "x"), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(nreq(f), 0);
    /* an unknown list: the GET fails, nothing else goes */
    assert_int_equal(clickup_task_field_set_by_name(f->cu, "86c00002", "4040", "Budget", "1"), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(nreq(f), 1);
    assert_int_equal(clickup_task_field_set_by_name(NULL, "86c00002", LAB_LIST, "Budget", "1"), CLICKUP_ERR_INVALID_ARG);
}

/* ClickUp's other value shapes, read through hand-written task JSON. */
static clickup_task *task_from(const char *fields_json) {
    clickup_task *t = NULL;
    {
        clickup__dec d;
        const clickup_json *root;
        char text[4096];
        snprintf(text, sizeof text, "{\"id\":\"fx1\",\"name\":\"n\",\"custom_fields\":%s}", fields_json);
        t = (clickup_task *)clickup__result_new(NULL, sizeof *t, 4096);
        assert_non_null(t);
        memset(&d, 0, sizeof d);
        d.a = clickup__result_arena(t);
        assert_int_equal(clickup__json_parse_arena(d.a, text, strlen(text), &root, NULL), CLICKUP_OK);
        assert_int_equal(clickup__decode_task(&d, root, t), CLICKUP_OK);
    }
    return t;
}
static void test_readers_other_shapes(void **state) {
    static const char FIELDS[] =
        "[{\"id\":\"a\",\"name\":\"Tier\",\"type\":\"drop_down\",\"type_config\":{\"options\":["
        "{\"id\":\"o1\",\"name\":\"One\",\"orderindex\":\"0\"},{\"id\":\"o2\",\"name\":\"Two\",\"orderindex\":1}]},\"value\":\"o2\"},"
        "{\"id\":\"b\",\"name\":\"Tier2\",\"type\":\"dropdown\",\"type_config\":{\"options\":[{\"id\":\"o1\",\"name\":\"One\"}]},\"value\":\"0\"},"
        "{\"id\":\"c\",\"name\":\"Tier3\",\"type\":\"drop_down\",\"type_config\":{},\"value\":7},"
        "{\"id\":\"d\",\"name\":\"People\",\"type\":\"users\",\"value\":[5,{\"id\":6,\"username\":\"six\"}]},"
        "{\"id\":\"e\",\"name\":\"Done\",\"type\":\"checkbox\",\"value\":true},"
        "{\"id\":\"f\",\"name\":\"P\",\"type\":\"manual_progress\",\"value\":{\"current\":30,\"percent_completed\":0.3}},"
        "{\"id\":\"g\",\"name\":\"Weird\",\"type\":\"button\",\"value\":{\"a\":[1,\"x\\\"y\",null,false]}},"
        "{\"id\":\"h\",\"name\":\"Long\",\"type\":\"text\",\"value\":\"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\"},"
        "{\"id\":\"i\",\"name\":\"Nul\",\"type\":\"number\",\"value\":null},"
        "{\"id\":\"j\",\"name\":\"Rel\",\"type\":\"tasks\",\"value\":[\"abc\"]},"
        "{\"id\":\"k\",\"name\":\"Sum\",\"type\":\"formula\",\"value\":\"-1.5\"},"
        "{\"id\":\"l\",\"name\":\"Loc\",\"type\":\"location\",\"value\":{\"location\":{\"lat\":\"1.5\",\"lng\":2}}}]";
    clickup_task *t = task_from(FIELDS);
    clickup_field_option o;
    clickup_user u;
    clickup_ref r;
    char buf[64], small[6];
    double x;
    int b;
    (void)state;
    assert_int_equal(t->custom_field_count, 12);
    assert_int_equal(clickup_custom_field_text(&t->custom_fields[0], buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "Two");                       /* a UUID value */
    assert_int_equal(clickup_custom_field_option(&t->custom_fields[0], 0, &o), CLICKUP_OK);
    assert_int_equal(o.orderindex.value, 1);
    assert_int_equal(clickup_custom_field_text(&t->custom_fields[1], buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "One");                       /* "0" as text, options without orderindex */
    assert_int_equal(clickup_custom_field_text(&t->custom_fields[2], buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "7");                         /* an option the field does not list */
    assert_int_equal(clickup_custom_field_option(&t->custom_fields[2], 0, &o), CLICKUP_OK);
    assert_string_equal(o.name, "");
    assert_int_equal(o.orderindex.value, 7);
    assert_int_equal(clickup_custom_field_text(&t->custom_fields[3], buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "5, 6");
    assert_int_equal(clickup_custom_field_user(&t->custom_fields[3], 0, &u), CLICKUP_OK);
    assert_int_equal(u.id, 5);
    assert_string_equal(u.username, "");
    assert_int_equal(clickup_custom_field_user(&t->custom_fields[3], 1, &u), CLICKUP_OK);
    assert_string_equal(u.username, "six");
    assert_int_equal(clickup_custom_field_bool(&t->custom_fields[4], &b), CLICKUP_OK);
    assert_int_equal(b, 1);
    assert_int_equal(clickup_custom_field_text(&t->custom_fields[4], buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "true");
    assert_int_equal(clickup_custom_field_text(&t->custom_fields[5], buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "30");
    assert_int_equal(clickup_custom_field_text(&t->custom_fields[6], buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "{\"a\":[1,\"x\\\"y\",null,false]}");
    assert_int_equal(clickup_custom_field_text(&t->custom_fields[6], small, sizeof small), CLICKUP_ERR_TOO_LARGE);
    assert_string_equal(small, "{\"a\":");
    assert_int_equal(clickup_custom_field_text(&t->custom_fields[7], small, sizeof small), CLICKUP_ERR_TOO_LARGE);
    assert_string_equal(small, "\xc3\xa9\xc3\xa9");        /* cut between characters */
    assert_int_equal(clickup_custom_field_text(&t->custom_fields[8], buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "");                          /* null = no value */
    assert_int_equal(clickup_custom_field_number(&t->custom_fields[8], &x), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(clickup_custom_field_task(&t->custom_fields[9], 0, &r), CLICKUP_OK);
    assert_string_equal(r.id, "abc");
    assert_string_equal(r.name, "");
    assert_int_equal(clickup_custom_field_number(&t->custom_fields[10], &x), CLICKUP_OK);
    assert_true(x == -1.5);
    assert_int_equal(clickup_custom_field_text(&t->custom_fields[11], buf, sizeof buf), CLICKUP_OK);
    assert_string_equal(buf, "1.5,2");
    clickup_task_free(t);
}

/* ============================================================================================
   3. Time tracking
   ============================================================================================ */
#define T0 1767225600000LL                   /* 2026-01-01T00:00Z */

static void test_time_entry_crud(void **state) {
    fx *f = (fx *)*state;
    static const char *const tags[] = { "deep work" };
    clickup_time_entry_new n;
    clickup_time_entry_changes ch;
    clickup_time_entry *e = NULL, *g = NULL;
    clickup_time_entries *list = NULL;
    clickup_time_query q;
    char id[32], path[96];
    memset(&n, 0, sizeof n);
    n.start = T0 + 3600000;
    n.duration.present = 1; n.duration.value = 5400000;
    n.description = "Planning";
    n.task_ref = "86c00001";
    n.billable = 1;
    n.tags = tags; n.tag_count = 1;
    assert_int_equal(clickup_time_entry_create(f->cu, &n, &e), CLICKUP_OK);
    check_last(f, "POST", "/api/v2/team/9001/time_entries", "",
               "{\"start\":1767229200000,\"end\":1767234600000,\"duration\":5400000,\"billable\":true,"
               "\"description\":\"Planning\",\"tid\":\"86c00001\",\"tags\":[{\"name\":\"deep work\"}]}", 200);
    assert_int_equal(strlen(e->id), 19);
    snprintf(id, sizeof id, "%s", e->id);
    assert_string_equal(e->task.id, "86c00001");
    assert_string_equal(e->task.name, "Triage the inbox");
    assert_string_equal(e->task_custom_id, "INB-1");
    assert_string_equal(e->wid, "9001");
    assert_int_equal(e->user.id, 183);
    assert_string_equal(e->user.username, "Ada Owner");
    assert_int_equal(e->billable, 1);
    assert_true(e->start == T0 + 3600000);
    assert_true(e->end.present && e->end.value == T0 + 9000000);
    assert_true(e->duration == 5400000);
    assert_int_equal(e->running, 0);
    assert_string_equal(e->description, "Planning");
    assert_int_equal(e->tag_count, 1);
    assert_string_equal(e->tags[0].name, "deep work");
    assert_string_equal(e->source, "clickup");
    assert_string_equal(e->list.id, "2200");
    assert_string_equal(e->space.id, "790");
    assert_string_equal(e->task_url, "https://app.clickup.com/t/86c00001");
    clickup_time_entry_free(e);

    /* one entry by id: the same, with end/duration as strings this time */
    assert_int_equal(clickup_time_entry_get(f->cu, id, &g), CLICKUP_OK);
    snprintf(path, sizeof path, "/api/v2/team/9001/time_entries/%s", id);
    check_last(f, "GET", path, "", NULL, 200);
    assert_true(g->duration == 5400000 && g->end.value == T0 + 9000000);
    assert_string_equal(g->id, id);
    clickup_time_entry_free(g);

    /* a second entry (end given, no task) and the list with its filters */
    memset(&n, 0, sizeof n);
    n.start = T0 + 86400000;
    n.end.present = 1; n.end.value = T0 + 86400000 + 60000;
    assert_int_equal(clickup_time_entry_create(f->cu, &n, NULL), CLICKUP_OK);
    check_last(f, "POST", "/api/v2/team/9001/time_entries", "",
               "{\"start\":1767312000000,\"end\":1767312060000,\"duration\":60000,\"billable\":false}", 200);
    memset(&q, 0, sizeof q);
    q.start_date.present = 1; q.start_date.value = T0;
    q.end_date.present = 1; q.end_date.value = T0 + 7 * 86400000LL;
    assert_int_equal(clickup_time_entries_get(f->cu, &q, &list), CLICKUP_OK);
    check_last(f, "GET", "/api/v2/team/9001/time_entries", "start_date=1767225600000&end_date=1767830400000", NULL, 200);
    assert_int_equal(list->count, 2);
    assert_string_equal(list->items[0].id, id);
    assert_string_equal(list->items[1].task.id, "");
    assert_true(list->items[1].duration == 60000);
    assert_string_equal(list->items[0].list.name, "");          /* names only when asked */
    clickup_time_entries_free(list);
    {
        static const int64_t who[] = { 183, 2772463 };
        q.assignees = who; q.assignee_count = 2;
        q.include_task_tags = 1;
        q.include_location_names = 1;
        q.task_ref = "INB-1";
        q.billable = CLICKUP_YES;
        assert_int_equal(clickup_time_entries_get(f->cu, &q, &list), CLICKUP_OK);
        check_last(f, "GET", "/api/v2/team/9001/time_entries",
                   "start_date=1767225600000&end_date=1767830400000&assignee=183,2772463&include_task_tags=true"
                   "&include_location_names=true&task_id=INB-1&custom_task_ids=true&team_id=9001&is_billable=true", NULL, 200);
        assert_int_equal(list->count, 1);
        assert_string_equal(list->items[0].list.name, "Inbox");
        assert_string_equal(list->items[0].space.name, "Client A");
        assert_string_equal(list->items[0].folder.id, "1190");
        assert_int_equal(list->items[0].task_tag_count, 0);
        clickup_time_entries_free(list);
        q.task_ref = NULL;
        q.billable = CLICKUP_NO;
        q.list_id = "2101";
        assert_int_equal(clickup_time_entries_get(f->cu, &q, &list), CLICKUP_OK);
        assert_int_equal(list->count, 0);
        clickup_time_entries_free(list);
    }

    /* update: only what is set; then read back */
    memset(&ch, 0, sizeof ch);
    ch.description = "Planning, round 2";
    ch.billable = CLICKUP_NO;
    ch.end.present = 1; ch.end.value = T0 + 7200000;
    ch.tags = tags; ch.tag_count = 1; ch.remove_tags = 1;
    assert_int_equal(clickup_time_entry_update(f->cu, id, &ch), CLICKUP_OK);
    check_last(f, "PUT", path, "", "{\"end\":1767232800000,\"description\":\"Planning, round 2\",\"billable\":false,"
               "\"tags\":[{\"name\":\"deep work\"}],\"tag_action\":\"remove\"}", 200);
    assert_int_equal(clickup_time_entry_get(f->cu, id, &g), CLICKUP_OK);
    assert_string_equal(g->description, "Planning, round 2");
    assert_int_equal(g->billable, 0);
    assert_true(g->duration == 3600000);
    assert_int_equal(g->tag_count, 0);
    clickup_time_entry_free(g);
    memset(&ch, 0, sizeof ch);
    ch.task_ref = "86c00002";
    ch.start.present = 1; ch.start.value = T0;
    assert_int_equal(clickup_time_entry_update(f->cu, id, &ch), CLICKUP_OK);
    check_last(f, "PUT", path, "", "{\"start\":1767225600000,\"tid\":\"86c00002\"}", 200);
    memset(&q, 0, sizeof q);                               /* the task's tags, with the entry */
    q.start_date.present = 1; q.start_date.value = T0;
    q.task_ref = "86c00002";
    q.include_task_tags = 1;
    assert_int_equal(clickup_time_entries_get(f->cu, &q, &list), CLICKUP_OK);
    check_last(f, "GET", "/api/v2/team/9001/time_entries", "start_date=1767225600000&include_task_tags=true&task_id=86c00002",
               NULL, 200);
    assert_int_equal(list->count, 1);
    assert_string_equal(list->items[0].task.name, "Reply to {{client_name}}");
    assert_int_equal(list->items[0].task_tag_count, 1);
    assert_string_equal(list->items[0].task_tags[0].name, "urgent");
    clickup_time_entries_free(list);

    /* delete; then it is gone */
    assert_int_equal(clickup_time_entry_delete(f->cu, id), CLICKUP_OK);
    check_last(f, "DELETE", path, "", "", 200);
    assert_int_equal(clickup_time_entry_get(f->cu, id, &g), CLICKUP_ERR_NOT_FOUND);
    assert_null(g);
    assert_int_equal(clickup_time_entry_delete(f->cu, id), CLICKUP_ERR_NOT_FOUND);
    assert_int_equal(sandbox_time_entry_count(f->sb), 1);
}

/* Bad input is refused before anything is sent, with a message that says why. */
static void test_time_refusals(void **state) {
    fx *f = (fx *)*state;
    clickup_time_entry_new n;
    clickup_time_entry_changes ch;
    clickup_time_entry *e = (clickup_time_entry *)1;
    clickup_time_entries *list = NULL;
    clickup_time_query q;
    static const int64_t bad_who[] = { 0 };
    static const char *const empty_tag[] = { "" };
    memset(&n, 0, sizeof n);
    n.start = T0 + 3600000;
    n.end.present = 1; n.end.value = T0;                  /* ends before it starts */
    assert_int_equal(clickup_time_entry_create(f->cu, &n, &e), CLICKUP_ERR_INVALID_ARG);
    assert_null(e);
    assert_contains(clickup_last_error(f->cu)->message, "POST /team/{team_Id}/time_entries: the time entry ends before it starts");
    assert_contains(clickup_last_error(f->cu)->message, "(nothing was sent)");
    n.end.value = n.start;
    assert_int_equal(clickup_time_entry_create(f->cu, &n, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_contains(clickup_last_error(f->cu)->message, "ends when it starts");
    n.end.present = 0;
    assert_int_equal(clickup_time_entry_create(f->cu, &n, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_contains(clickup_last_error(f->cu)->message, "end or its duration");
    n.duration.present = 1; n.duration.value = -5;
    assert_int_equal(clickup_time_entry_create(f->cu, &n, NULL), CLICKUP_ERR_INVALID_ARG);
    n.duration.value = 1000;
    n.end.present = 1; n.end.value = n.start + 2000;
    assert_int_equal(clickup_time_entry_create(f->cu, &n, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_contains(clickup_last_error(f->cu)->message, "end and duration disagree");
    n.end.present = 0;
    n.task_ref = "not a task";
    assert_int_equal(clickup_time_entry_create(f->cu, &n, NULL), CLICKUP_ERR_INVALID_ARG);
    n.task_ref = NULL;
    n.tags = empty_tag; n.tag_count = 1;
    assert_int_equal(clickup_time_entry_create(f->cu, &n, NULL), CLICKUP_ERR_INVALID_ARG);
    n.tag_count = 0;
    n.start = 0;
    assert_int_equal(clickup_time_entry_create(f->cu, &n, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_time_entry_create(f->cu, NULL, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_time_entry_create(NULL, &n, NULL), CLICKUP_ERR_INVALID_ARG);
    memset(&ch, 0, sizeof ch);
    assert_int_equal(clickup_time_entry_update(f->cu, "4000000000000000001", &ch), CLICKUP_ERR_INVALID_ARG);
    assert_contains(clickup_last_error(f->cu)->message, "nothing to change");
    ch.start.present = 1; ch.start.value = T0 + 10;
    ch.end.present = 1; ch.end.value = T0;
    assert_int_equal(clickup_time_entry_update(f->cu, "4000000000000000001", &ch), CLICKUP_ERR_INVALID_ARG);
    assert_contains(clickup_last_error(f->cu)->message, "end before");
    assert_int_equal(clickup_time_entry_update(f->cu, "4000000000000000001", NULL), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_time_entry_update(f->cu, "../x", &ch), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_time_entry_delete(f->cu, ""), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_time_entry_get(f->cu, "a/b", &e), CLICKUP_ERR_INVALID_ARG);
    assert_int_equal(clickup_time_entry_current(f->cu, -1, &e), CLICKUP_ERR_INVALID_ARG);
    memset(&q, 0, sizeof q);
    q.list_id = "2200"; q.task_ref = "86c00001";
    assert_int_equal(clickup_time_entries_get(f->cu, &q, &list), CLICKUP_ERR_INVALID_ARG);
    assert_contains(clickup_last_error(f->cu)->message, "at most one of");
    q.task_ref = NULL;
    q.start_date.present = 1; q.start_date.value = T0;
    q.end_date.present = 1; q.end_date.value = T0 - 1;
    assert_int_equal(clickup_time_entries_get(f->cu, &q, &list), CLICKUP_ERR_INVALID_ARG);
    q.end_date.present = 0;
    q.assignees = bad_who; q.assignee_count = 1;
    assert_int_equal(clickup_time_entries_get(f->cu, &q, &list), CLICKUP_ERR_INVALID_ARG);
    q.assignee_count = 0;
    q.list_id = "22 00";
    assert_int_equal(clickup_time_entries_get(f->cu, &q, &list), CLICKUP_ERR_INVALID_ARG);
    assert_null(list);
    assert_int_equal(nreq(f), 0);
    assert_int_equal(sandbox_time_entry_count(f->sb), 0);
}

/* start, the running entry, stop; none running is a valid answer. */
static void test_timer_start_stop_current(void **state) {
    fx *f = (fx *)*state;
    clickup_time_entry *e = (clickup_time_entry *)1, *run = NULL, *stopped = NULL;
    clickup_timer_opts o;
    static const char *const tags[] = { "focus" };
    assert_int_equal(clickup_time_entry_current(f->cu, 0, &e), CLICKUP_OK);
    assert_null(e);                                        /* nothing runs: OK and NULL */
    check_last(f, "GET", "/api/v2/team/9001/time_entries/current", "", NULL, 200);
    memset(&o, 0, sizeof o);
    o.task_ref = "INB-1";
    o.description = "Inbox zero";
    o.tags = tags; o.tag_count = 1;
    assert_int_equal(clickup_time_entry_start(f->cu, &o, &run), CLICKUP_OK);
    check_last(f, "POST", "/api/v2/team/9001/time_entries/start", "custom_task_ids=true&team_id=9001",
               "{\"tid\":\"INB-1\",\"description\":\"Inbox zero\",\"billable\":false,\"tags\":[{\"name\":\"focus\"}]}", 200);
    assert_int_equal(run->running, 1);
    assert_true(run->duration < 0);
    assert_false(run->end.present);
    assert_string_equal(run->task.id, "86c00001");
    assert_int_equal(clickup_time_entry_current(f->cu, 183, &e), CLICKUP_OK);
    check_last(f, "GET", "/api/v2/team/9001/time_entries/current", "assignee=183", NULL, 200);
    assert_non_null(e);
    assert_string_equal(e->id, run->id);
    assert_int_equal(e->running, 1);
    assert_string_equal(e->description, "Inbox zero");
    clickup_time_entry_free(e);
    assert_int_equal(clickup_time_entry_stop(f->cu, &stopped), CLICKUP_OK);
    check_last(f, "POST", "/api/v2/team/9001/time_entries/stop", "", "", 200);
    assert_string_equal(stopped->id, run->id);
    assert_int_equal(stopped->running, 0);
    assert_true(stopped->end.present && stopped->duration > 0);
    assert_true(stopped->end.value == stopped->start + stopped->duration);
    clickup_time_entry_free(stopped);
    clickup_time_entry_free(run);
    e = (clickup_time_entry *)1;
    assert_int_equal(clickup_time_entry_current(f->cu, 0, &e), CLICKUP_OK);
    assert_null(e);
    /* stop with nothing running: ClickUp's error (the sandbox's 404) */
    assert_int_equal(clickup_time_entry_stop(f->cu, NULL), CLICKUP_ERR_NOT_FOUND);
    /* start without options: a timer on no task; a second start ends the first */
    assert_int_equal(clickup_time_entry_start(f->cu, NULL, NULL), CLICKUP_OK);
    check_last(f, "POST", "/api/v2/team/9001/time_entries/start", "", "{\"billable\":false}", 200);
    o.task_ref = "86c00002"; o.description = NULL; o.tag_count = 0; o.billable = 1;
    assert_int_equal(clickup_time_entry_start(f->cu, &o, &run), CLICKUP_OK);
    check_last(f, "POST", "/api/v2/team/9001/time_entries/start", "", "{\"tid\":\"86c00002\",\"billable\":true}", 200);
    assert_int_equal(clickup_time_entry_current(f->cu, 0, &e), CLICKUP_OK);
    assert_string_equal(e->id, run->id);
    assert_int_equal(e->billable, 1);
    clickup_time_entry_free(e);
    clickup_time_entry_free(run);
    assert_int_equal(sandbox_time_entry_count(f->sb), 3);
}

/* A start that may have reached ClickUp is never sent again: a 500 gives OUTCOME_UNKNOWN after
   exactly one POST (create and stop too); a PUT is retried. */
static void test_time_writes_outcome_unknown(void **state) {
    fx *f = (fx *)*state;
    clickup_time_entry *e = (clickup_time_entry *)1;
    clickup_time_entry_new n;
    clickup_time_entry_changes ch;
    sandbox_fault(f->sb, "POST", "/api/v2/team/9001/time_entries/start", SANDBOX_FAULT_STATUS, 1, 500);
    assert_int_equal(clickup_time_entry_start(f->cu, NULL, &e), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_null(e);
    assert_int_equal(sandbox_request_count(f->sb, "POST", "/api/v2/team/9001/time_entries/start"), 1);
    assert_int_equal(clickup_last_error(f->cu)->http_status, 500);
    assert_int_equal(clickup_last_error(f->cu)->attempts, 1);
    assert_int_equal(sandbox_time_entry_count(f->sb), 0);  /* the fault answered: nothing applied */

    memset(&n, 0, sizeof n);
    n.start = T0; n.duration.present = 1; n.duration.value = 1000;
    sandbox_fault(f->sb, "POST", "/api/v2/team/9001/time_entries", SANDBOX_FAULT_STATUS, 1, 503);
    assert_int_equal(clickup_time_entry_create(f->cu, &n, NULL), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(sandbox_request_count(f->sb, "POST", "/api/v2/team/9001/time_entries"), 2);
    sandbox_fault(f->sb, "POST", "/api/v2/team/9001/time_entries/stop", SANDBOX_FAULT_STATUS, 1, 500);
    assert_int_equal(clickup_time_entry_stop(f->cu, NULL), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_int_equal(sandbox_request_count(f->sb, "POST", "/api/v2/team/9001/time_entries/stop"), 1);

    /* an answer that cannot be read after a start: it happened, so OUTCOME_UNKNOWN too */
    sandbox_fault(f->sb, "POST", "/api/v2/team/9001/time_entries/start", SANDBOX_FAULT_WRONG_SHAPE, 1, 0);
    assert_int_equal(clickup_time_entry_start(f->cu, NULL, &e), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_null(e);

    /* PUT is safe to resend: a 500 then the real answer */
    assert_int_equal(clickup_time_entry_create(f->cu, &n, &e), CLICKUP_OK);
    memset(&ch, 0, sizeof ch);
    ch.description = "retried";
    sandbox_log_reset(f->sb);
    sandbox_fault(f->sb, "PUT", "/api/v2/team/9001/time_entries/", SANDBOX_FAULT_STATUS, 1, 500);
    assert_int_equal(clickup_time_entry_update(f->cu, e->id, &ch), CLICKUP_OK);
    assert_int_equal(sandbox_request_count(f->sb, "PUT", NULL), 2);
    clickup_time_entry_free(e);
}

/* ClickUp's own examples (the OpenAPI file): start as a number, duration as a string, tags as
   strings, a running entry, {"data": null}, a create answered at the root. */
typedef struct canned {
    const char *body;
    int         calls;
} canned;
static clickup_transport_status canned_transport(void *user, const clickup_http_request *rq, clickup_http_response *resp) {
    canned *c = (canned *)user;
    (void)rq;
    c->calls++;
    memset(resp, 0, sizeof *resp);
    resp->status = 200;
    resp->body = c->body;
    resp->body_len = strlen(c->body);
    return CLICKUP_TRANSPORT_OK;
}
static void test_time_spec_examples(void **state) {
    static const char LIST[] =
        "{\"data\":[{\"id\":\"1963465985517105840\",\"task\":{\"id\":\"1vwwavv\",\"custom_id\":\"JOSH-917\",\"name\":\"woof\","
        "\"status\":{\"status\":\"open yes\",\"color\":\"#d3d3d3\",\"type\":\"open\",\"orderindex\":0},\"custom_type\":null},"
        "\"wid\":\"300702\",\"user\":{\"id\":1,\"username\":\"first_name last_name\",\"email\":\"test@gmail.com\","
        "\"color\":\"#08c7e0\",\"initials\":\"JK\",\"profilePicture\":\"https://attachments.clickup.com/profilePictures/1_HHk.jpg\"},"
        "\"billable\":false,\"start\":1592841559129,\"end\":1592845899021,\"duration\":\"4339892\",\"description\":\"\","
        "\"tags\":[\"billing\"],\"source\":\"clickup\",\"at\":\"1592845899021\",\"task_location\":{\"list_id\":1560300071,"
        "\"folder_id\":468300080,\"space_id\":22800253,\"list_name\":\"List\",\"folder_name\":\"Folder\",\"space_name\":\"Space\"},"
        "\"task_tags\":[{\"name\":\"content-request\",\"tag_fg\":\"#800000\",\"tag_bg\":\"#2ecd6f\",\"creator\":301828}],"
        "\"task_url\":\"https://staging.clickup.com/t/1vwwavv\"}]}";
    static const char RUNNING[] =
        "{\"data\":{\"id\":\"timer_id\",\"task\":{\"id\":\"task_id\",\"name\":\"task_name\"},\"wid\":\"workspace_id\","
        "\"user\":{\"id\":300528},\"billable\":false,\"start\":\"1595293042560\",\"duration\":-25655,\"tags\":[],"
        "\"at\":\"1595293042560\"}}";
    static const char CREATED_AT_ROOT[] =
        "{\"description\":\"from api\",\"tags\":[{\"name\":\"name of tag\",\"tag_bg\":\"#BF55EC\",\"tag_fg\":\"#BF55EC\"}],"
        "\"start\":1595282645000,\"billable\":true,\"duration\":50000,\"assignee\":1,\"tid\":\"task_id\"}";
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_time_entries *list = NULL;
    clickup_time_entry *e = NULL;
    clickup_time_entry_new n;
    canned k;
    (void)state;
    clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.team_id = "300702";
    cfg.transport = canned_transport;
    cfg.transport_user = &k;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    k.body = LIST; k.calls = 0;
    assert_int_equal(clickup_time_entries_get(c, NULL, &list), CLICKUP_OK);
    assert_int_equal(list->count, 1);
    e = &list->items[0];
    assert_string_equal(e->id, "1963465985517105840");
    assert_string_equal(e->task.name, "woof");
    assert_string_equal(e->task_custom_id, "JOSH-917");
    assert_true(e->start == 1592841559129LL && e->end.value == 1592845899021LL && e->duration == 4339892);
    assert_true(e->at.present && e->at.value == 1592845899021LL);
    assert_string_equal(e->tags[0].name, "billing");
    assert_string_equal(e->tags[0].tag_fg, "");
    assert_string_equal(e->task_tags[0].name, "content-request");
    assert_int_equal(e->task_tags[0].creator, 301828);
    assert_string_equal(e->list.id, "1560300071");
    assert_string_equal(e->folder.name, "Folder");
    assert_string_equal(e->user.email, "test@gmail.com");
    clickup_time_entries_free(list);
    k.body = RUNNING;
    assert_int_equal(clickup_time_entry_current(c, 0, &e), CLICKUP_OK);
    assert_int_equal(e->running, 1);
    assert_false(e->end.present);
    assert_true(e->duration == -25655 && e->start == 1595293042560LL);
    clickup_time_entry_free(e);
    k.body = "{\"data\":null}";
    assert_int_equal(clickup_time_entry_current(c, 0, &e), CLICKUP_OK);
    assert_null(e);
    k.body = "{}";
    assert_int_equal(clickup_time_entry_current(c, 0, &e), CLICKUP_OK);
    assert_null(e);
    k.body = "{\"data\":[]}";
    assert_int_equal(clickup_time_entry_current(c, 0, &e), CLICKUP_ERR_BAD_RESPONSE);
    assert_null(e);
    k.body = "{\"data\":{}}";
    assert_int_equal(clickup_time_entries_get(c, NULL, &list), CLICKUP_ERR_BAD_RESPONSE);
    assert_null(list);
    memset(&n, 0, sizeof n);
    n.start = 1595282645000LL; n.duration.present = 1; n.duration.value = 50000;
    k.body = CREATED_AT_ROOT;
    assert_int_equal(clickup_time_entry_create(c, &n, &e), CLICKUP_OK);
    assert_string_equal(e->id, "");
    assert_string_equal(e->task.id, "task_id");
    assert_true(e->duration == 50000);
    assert_string_equal(e->tags[0].tag_bg, "#BF55EC");
    clickup_time_entry_free(e);
    k.body = "[1]";                                       /* a create answered with nonsense */
    assert_int_equal(clickup_time_entry_create(c, &n, &e), CLICKUP_ERR_OUTCOME_UNKNOWN);
    assert_null(e);
    clickup_client_destroy(c);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fields_get_list, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fields_get_scopes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fields_find, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_type_round_trips, setup, teardown),
        cmocka_unit_test_setup_teardown(test_typed_readers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_encode_forms, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refusals_send_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_set_by_name, setup, teardown),
        cmocka_unit_test(test_readers_other_shapes),
        cmocka_unit_test_setup_teardown(test_time_entry_crud, setup, teardown),
        cmocka_unit_test_setup_teardown(test_time_refusals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_timer_start_stop_current, setup, teardown),
        cmocka_unit_test_setup_teardown(test_time_writes_outcome_unknown, setup, teardown),
        cmocka_unit_test(test_time_spec_examples),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

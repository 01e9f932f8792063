/* Regression tests for defects of the public API (each failed on the clickup.h they were
   written against):
     7.  base URLs: plain http:// only for loopback hosts, and no userinfo, query or fragment
         anywhere - a prefix test let "http://localhost:x@example.com" through;
     9.  long JSON numbers keep every digit that can decide their double (correct rounding);
     10. metrics have a slot for every route, so the 17th route is recorded too;
     11. invalid-argument messages name the method once ("GET /list/...", not "GET GET ...").
   Nothing here opens a socket: the calls of 10 and 11 go to an injected transport. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <math.h>
#include <strings.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include <cmocka.h>

#define TOKEN "pk_regress_api_token"

/* =============================================================================================
   7. Plain HTTP never reaches a remote host
   ============================================================================================= */
/* Base URLs that must be refused, each with the reason it is dangerous or malformed. */
static const char *const refused_urls[] = {
    "http://localhost:x@example.com/api/v2",   /* userinfo "localhost:x", the host is example.com */
    "https://user:pw@api.clickup.com/api/v2",  /* credentials in the URL                          */
    "http://localhost.evil.com/api/v2",        /* a remote host whose name starts with localhost  */
    "http://127.0.0.1.evil.com/api/v2",        /* ... or with 127.0.0.1                           */
    "http://128.0.0.1/api/v2",                 /* just outside 127.0.0.0/8                        */
    "http://[::2]/api/v2",                     /* not the IPv6 loopback                           */
    "http://example.com/api/v2",               /* plain http to a remote host                     */
    "https://api.clickup.com/api/v2?x=1",      /* a query would end up in the middle of paths     */
    "https://api.clickup.com/api/v2#f",        /* a fragment would cut every path off             */
    "ftp://x/",                                /* not http(s) at all                              */
};

/* Base URLs that must be accepted. */
static const char *const accepted_urls[] = {
    "https://api.clickup.com/api/v2",
    "http://127.0.0.1:8080/api/v2",
    "http://127.3.4.5/api/v2",                 /* all of 127.0.0.0/8 is loopback                  */
    "http://localhost:9/api/v2",
    "http://LOCALHOST/api/v2",                 /* host names are case-insensitive                 */
    "http://[::1]:9/api/v2",
};

static void config_with_url(clickup_config *cfg, const char *url) {
    clickup_config_init(cfg);
    cfg->token = TOKEN;
    cfg->base_url = url;
}

/* Problems found by a test that checks many cases: each is printed as it is found, and the test
   fails once at the end, so one run shows every case that is wrong. */
static int problem_count;

static void problems_reset(void) { problem_count = 0; }

static void note_problem(const char *fmt, ...) CMOCKA_PRINTF_ATTRIBUTE(1, 2);
static void note_problem(const char *fmt, ...) {
    char line[900];
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    problem_count++;
    print_error("%s\n", line);
}

/* A macro, so that a failure names the line of the test that gave up. */
#define fail_on_problems()                                                                         \
    do {                                                                                           \
        if (problem_count) fail_msg("%d problem(s), listed above", problem_count);                \
    } while (0)

static void test_base_url_refused(void **state) {
    size_t i;
    (void)state;
    problems_reset();
    for (i = 0; i < sizeof refused_urls / sizeof refused_urls[0]; i++) {
        const char *url = refused_urls[i];
        clickup_config cfg;
        clickup_client *c = NULL;
        char msg[256];
        clickup_result rc;
        config_with_url(&cfg, url);
        memset(msg, 0, sizeof msg);
        rc = clickup_config_check(&cfg, msg, sizeof msg);
        if (rc != CLICKUP_ERR_CONFIG)
            note_problem("  clickup_config_check accepted \"%s\" (returned %d, want CLICKUP_ERR_CONFIG)", url, (int)rc);
        else if (!msg[0])
            note_problem("  clickup_config_check refused \"%s\" without saying why", url);
        rc = clickup_client_create(&cfg, &c);
        if (rc != CLICKUP_ERR_CONFIG || c != NULL)
            note_problem("  clickup_client_create accepted \"%s\" (returned %d, want CLICKUP_ERR_CONFIG and no client)",
                         url, (int)rc);
        clickup_client_destroy(c);
    }
    fail_on_problems();
}

static void test_base_url_accepted(void **state) {
    size_t i;
    (void)state;
    problems_reset();
    for (i = 0; i < sizeof accepted_urls / sizeof accepted_urls[0]; i++) {
        const char *url = accepted_urls[i];
        clickup_config cfg;
        clickup_client *c = NULL;
        char msg[256];
        clickup_result rc;
        config_with_url(&cfg, url);
        msg[0] = '\0';
        rc = clickup_config_check(&cfg, msg, sizeof msg);
        if (rc != CLICKUP_OK)
            note_problem("  clickup_config_check refused \"%s\" (returned %d: \"%s\", want CLICKUP_OK)", url, (int)rc, msg);
        rc = clickup_client_create(&cfg, &c);
        if (rc != CLICKUP_OK || c == NULL)
            note_problem("  clickup_client_create refused \"%s\" (returned %d, want CLICKUP_OK)", url, (int)rc);
        clickup_client_destroy(c);
    }
    fail_on_problems();
}

/* =============================================================================================
   9. Long numbers keep their digits
   glibc's strtod is correctly rounded, and this program never calls setlocale, so it runs in
   the "C" locale: strtod on the same text is the reference where no exact literal is handy.
   ============================================================================================= */
/* Texts built by a test; free_texts (the teardown) releases them, even after a failure. */
static char *texts_owned[16];
static size_t texts_owned_count;

static int free_texts(void **state) {
    (void)state;
    while (texts_owned_count) free(texts_owned[--texts_owned_count]);
    return 0;
}

/* A string owned by the test: prefix, then `count` copies of `fill`, then suffix. */
static char *make_text(const char *prefix, char fill, size_t count, const char *suffix) {
    size_t np = strlen(prefix), ns = strlen(suffix);
    char *s = (char *)malloc(np + count + ns + 1);
    assert_non_null(s);
    assert_true(texts_owned_count < sizeof texts_owned / sizeof texts_owned[0]);
    texts_owned[texts_owned_count++] = s;
    memcpy(s, prefix, np);
    memset(s + np, fill, count);
    memcpy(s + np + count, suffix, ns + 1);
    return s;
}

/* A string owned by the test: prefix, then `count` digits 1234567890123..., then suffix. */
static char *make_digits(const char *prefix, size_t count, const char *suffix) {
    char *s = make_text(prefix, '0', count, suffix);
    size_t i, np = strlen(prefix);
    for (i = 0; i < count; i++) s[np + i] = (char)('0' + (i + 1) % 10);
    return s;
}

/* Parse `text` as a JSON document that is one number, and read it with clickup_json_as_double. */
static double parse_double(const char *text, const char *label) {
    clickup_json_doc *doc = NULL;
    clickup_json_error err;
    const clickup_json *v;
    double x;
    memset(&err, 0, sizeof err);
    if (clickup_json_parse(text, strlen(text), NULL, &doc, &err) != CLICKUP_OK)
        fail_msg("%s: clickup_json_parse failed at offset %lu (%s)", label, (unsigned long)err.offset,
                 err.reason ? err.reason : "?");
    v = clickup_json_root(doc);
    if (clickup_json_typeof(v) != CLICKUP_JSON_NUMBER) {
        clickup_json_doc_free(doc);
        fail_msg("%s: the document is not a number", label);
    }
    x = clickup_json_as_double(v, nan(""));
    clickup_json_doc_free(doc);
    return x;
}

static void expect_double(const char *label, double got, double want) {
    if (!(got == want)) note_problem("  %s: got %.17g, want %.17g", label, got, want);
}

/* Parse `text` and compare with `want` exactly. */
static void expect_parsed(const char *label, const char *text, double want) {
    expect_double(label, parse_double(text, label), want);
}

/* Parse `text` and compare with glibc's correctly rounded strtod of the same text. */
static void expect_like_strtod(const char *label, const char *text) {
    double want = strtod(text, NULL);
    assert_true(isfinite(want));          /* the cases are chosen to stay in double range */
    expect_parsed(label, text, want);
}

/* clickup_jw_double(v) writes text that parses back to exactly v. */
static void expect_round_trip(const char *label, double v) {
    clickup_json_writer w;
    const char *text = NULL;
    size_t len = 0;
    char copy[64];
    clickup_json_writer_init(&w, NULL);
    clickup_jw_double(&w, v);
    if (clickup_json_writer_finish(&w, &text, &len) != CLICKUP_OK || len == 0 || len >= sizeof copy) {
        clickup_json_writer_free(&w);
        fail_msg("%s: clickup_jw_double(%.17g) did not produce a short number", label, v);
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    clickup_json_writer_free(&w);
    if (!(parse_double(copy, label) == v))
        note_problem("  %s: clickup_jw_double(%.17g) wrote \"%s\", which reads back as %.17g", label, v, copy,
                     parse_double(copy, label));
}

static void test_long_number_1e200(void **state) {
    char *text = make_text("1", '0', 200, "");           /* 10^200 written out: 201 digits */
    (void)state;
    problems_reset();
    expect_parsed("1 followed by 200 zeros", text, 1e200);
    expect_round_trip("1e200", 1e200);
    fail_on_problems();
}

static void test_long_number_1e_minus_131(void **state) {
    char *text = make_text("0.", '0', 130, "1");          /* 10^-131 written out */
    (void)state;
    problems_reset();
    expect_parsed("0. + 130 zeros + 1", text, 1e-131);
    expect_round_trip("1e-131", 1e-131);
    fail_on_problems();
}

/* 2^53 + 1 lies exactly halfway between two doubles: ties-to-even gives 2^53. Any nonzero digit
   after it, however far out, puts it above the halfway point: then the answer is 2^53 + 2. */
static void test_long_number_halfway(void **state) {
    char *above = make_text("9007199254740993.", '0', 300, "1");
    char *below = make_text("-9007199254740993.", '0', 300, "1");
    char *zeros = make_text("9007199254740993.", '0', 300, "");
    (void)state;
    problems_reset();
    expect_parsed("2^53+1 (a tie)", "9007199254740993", 9007199254740992.0);
    expect_parsed("2^53+1 followed by 300 zeros (still a tie)", zeros, 9007199254740992.0);
    expect_parsed("2^53+1 + 10^-301 (above the tie)", above, 9007199254740994.0);
    expect_parsed("-(2^53+1 + 10^-301)", below, -9007199254740994.0);
    expect_round_trip("2^53", 9007199254740992.0);
    expect_round_trip("2^53+2", 9007199254740994.0);
    expect_round_trip("-(2^53+2)", -9007199254740994.0);
    fail_on_problems();
}

static void test_long_number_many_digits(void **state) {
    /* Up to 1000 significant digits in several shapes, each compared with strtod on the same
       text. A plain 1000-digit integer would be ~1e999, beyond any double: the exponent brings
       such mantissas back into range instead. */
    char *int300 = make_digits("", 300, "");              /* ~1.2e299, an integer           */
    char *exp1000 = make_digits("", 1000, "e-700");       /* ~1.2e299 through an exponent   */
    char *frac1000 = make_digits("-0.", 1000, "");        /* ~-0.123..., negative           */
    char *tiny = make_digits("0.", 1000, "e-310");        /* a subnormal                    */
    char *big = make_digits("", 1000, "E-692");           /* close to DBL_MAX               */
    const char *const texts[] = { int300, exp1000, frac1000, tiny, big };
    const char *const labels[] = { "300-digit integer", "1000 digits e-700", "-0. + 1000 digits",
                                   "0. + 1000 digits e-310 (subnormal)", "1000 digits E-692 (near DBL_MAX)" };
    size_t i;
    (void)state;
    problems_reset();
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        expect_like_strtod(labels[i], texts[i]);
        expect_round_trip(labels[i], strtod(texts[i], NULL));
    }
    fail_on_problems();
}

static void test_long_number_exponent_forms(void **state) {
    static const char *const texts[] = {
        "123456789012345678901234567890e-10",
        "-123456789012345678901234567890e-10",
        "123456789012345678901234567890E+10",
        "1.23456789012345678901234567890e-300",
        "-0.000000000000000000000000000000123456789012345678901234567890e+5",
    };
    size_t i;
    (void)state;
    problems_reset();
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        expect_like_strtod(texts[i], texts[i]);
        expect_round_trip(texts[i], strtod(texts[i], NULL));
    }
    fail_on_problems();
}

/* =============================================================================================
   A scripted transport for 10 and 11: answers every route of the API with a small valid body.
   ============================================================================================= */
typedef struct route_answer {
    const char *method, *path, *body;
} route_answer;

static const char TEAMS_JSON[] =
    "{\"teams\":[{\"id\":\"9001\",\"name\":\"W\",\"color\":\"#000\","
    "\"members\":[{\"user\":{\"id\":183,\"username\":\"Ada\"}}]}]}";
static const char TASK_JSON[] =
    "{\"id\":\"86abc123\",\"name\":\"T\",\"status\":{\"status\":\"to do\",\"orderindex\":0,\"type\":\"open\"},"
    "\"list\":{\"id\":\"2100\"},\"url\":\"https://app.clickup.com/t/86abc123\"}";
static const char TASK_PAGE_JSON[] = "{\"tasks\":[],\"last_page\":true}";
#define FIELD_ID "0a52c486-5f05-403b-b4fd-c512ff05131c"

static const route_answer answers[] = {
    { "GET", "/team", TEAMS_JSON },
    { "GET", "/team/9001/space", "{\"spaces\":[]}" },
    { "GET", "/space/790/folder", "{\"folders\":[]}" },
    { "GET", "/folder/1100/list", "{\"lists\":[]}" },
    { "GET", "/space/790/list", "{\"lists\":[]}" },
    { "GET", "/list/2100", "{\"id\":\"2100\",\"name\":\"Big List\"}" },
    { "GET", "/task/86abc123", TASK_JSON },
    { "GET", "/list/2100/task", TASK_PAGE_JSON },
    { "GET", "/team/9001/task", TASK_PAGE_JSON },
    { "POST", "/list/2100/task", TASK_JSON },
    { "PUT", "/task/86abc123", TASK_JSON },
    { "POST", "/task/86abc123/tag/urgent", "{}" },
    { "DELETE", "/task/86abc123/tag/urgent", "{}" },
    { "POST", "/task/86abc123/field/" FIELD_ID, "{}" },
    { "DELETE", "/task/86abc123/field/" FIELD_ID, "{}" },
    { "GET", "/team/9001/taskTemplate", "{\"templates\":[]}" },
    { "POST", "/list/2100/taskTemplate/t-86b3e001", "{\"id\":\"86n000001\"}" },
};

typedef struct fake_server {
    int requests;                       /* exchanges the transport saw */
    int unknown;                        /* of which matched no route   */
} fake_server;

static uint64_t fixed_now(void *user) { (void)user; return 1000; }
static void no_sleep(void *user, uint64_t ms) { (void)user; (void)ms; }

static clickup_transport_status fake_transport(void *user, const clickup_http_request *rq, clickup_http_response *r) {
    static const char base[] = "https://api.clickup.com/api/v2";
    fake_server *fs = (fake_server *)user;
    const char *path = rq->url;
    size_t i, n;
    fs->requests++;
    memset(r, 0, sizeof *r);
    if (strncmp(path, base, sizeof base - 1) == 0) path += sizeof base - 1;
    n = strcspn(path, "?");             /* the route is matched without the query */
    r->status = 404;
    r->body = "{\"err\":\"Route not found\",\"ECODE\":\"APP_001\"}";
    for (i = 0; i < sizeof answers / sizeof answers[0]; i++) {
        if (strcmp(rq->method, answers[i].method) == 0 && strlen(answers[i].path) == n &&
            strncmp(path, answers[i].path, n) == 0) {
            r->status = 200;
            r->body = answers[i].body;
            break;
        }
    }
    if (r->status == 404) fs->unknown++;
    r->body_len = strlen(r->body);
    return CLICKUP_TRANSPORT_OK;
}

/* What a test of 10 or 11 owns; the teardown releases all of it, even after a failure. */
typedef struct api_fixture {
    fake_server            fs;
    clickup_client        *c;
    clickup_teams         *teams;
    clickup_members       *members;
    clickup_spaces        *spaces;
    clickup_folders       *folders;
    clickup_lists         *folder_lists, *space_lists;
    clickup_list          *list;
    clickup_task          *task, *created, *updated;
    clickup_tasks         *list_tasks, *space_tasks;
    clickup_templates     *templates;
    clickup_template_task *from_template;
} api_fixture;

/* A client of workspace 9001 on the scripted transport; no retries, no real clock. */
static int fake_client_setup(void **state) {
    api_fixture *f = (api_fixture *)calloc(1, sizeof *f);
    clickup_config cfg;
    if (!f) return -1;
    clickup_config_init(&cfg);
    cfg.token = TOKEN;
    cfg.team_id = "9001";
    cfg.transport = fake_transport;
    cfg.transport_user = &f->fs;
    cfg.hooks.now_ms = fixed_now;
    cfg.hooks.sleep_ms = no_sleep;
    cfg.max_retries = -1;
    if (clickup_client_create(&cfg, &f->c) != CLICKUP_OK) { free(f); return -1; }
    *state = f;
    return 0;
}

static int fake_client_teardown(void **state) {
    api_fixture *f = (api_fixture *)*state;
    clickup_teams_free(f->teams);
    clickup_members_free(f->members);
    clickup_spaces_free(f->spaces);
    clickup_folders_free(f->folders);
    clickup_lists_free(f->folder_lists);
    clickup_lists_free(f->space_lists);
    clickup_list_free(f->list);
    clickup_task_free(f->task);
    clickup_task_free(f->created);
    clickup_task_free(f->updated);
    clickup_tasks_free(f->list_tasks);
    clickup_tasks_free(f->space_tasks);
    clickup_templates_free(f->templates);
    clickup_template_task_free(f->from_template);
    clickup_client_destroy(f->c);
    free(f);
    return 0;
}

/* =============================================================================================
   10. Metrics cover every route
   ============================================================================================= */
#define TEMPLATE_ROUTE "POST /list/{list_id}/taskTemplate/{template_id}"

/* A call that must succeed; the failure message names it and the client's error. */
#define EXPECT_OK(c, call)                                                                         \
    do {                                                                                           \
        clickup_result rc_ = (call);                                                               \
        if (rc_ != CLICKUP_OK)                                                                     \
            fail_msg("%s returned %d: %s", #call, (int)rc_, clickup_last_error(c)->message);      \
    } while (0)

static void test_metrics_record_every_route(void **state) {
    static const int slots = CLICKUP_METRIC_ENDPOINTS;
    api_fixture *f = (api_fixture *)*state;
    clickup_client *c = f->c;
    clickup_task_query lq, sq;
    clickup_task_new nt;
    clickup_task_changes ch;
    clickup_field_value fv;
    clickup_metrics m;
    const clickup_endpoint_metrics *found = NULL;
    size_t i;

    /* ClickUp API v2 as wrapped here has 17 routes: every one needs its own slot */
    if (slots < 17) print_message("CLICKUP_METRIC_ENDPOINTS is %d, fewer than the 17 routes\n", slots);
    assert_true(slots >= 17);

    memset(&lq, 0, sizeof lq);
    memset(&sq, 0, sizeof sq);
    memset(&nt, 0, sizeof nt);
    memset(&ch, 0, sizeof ch);
    memset(&fv, 0, sizeof fv);
    lq.list_id = "2100";
    sq.space_id = "790";
    nt.name = "New";
    ch.name = "Renamed";
    fv.type = CLICKUP_VALUE_STRING;
    fv.str = "hello";

    /* one successful call of each operation; the routes they use are on the right */
    EXPECT_OK(c, clickup_teams_get(c, &f->teams));                            /* GET /team            */
    EXPECT_OK(c, clickup_members_get(c, &f->members));                        /* GET /team as well    */
    EXPECT_OK(c, clickup_spaces_get(c, NULL, &f->spaces));                    /* GET /team/{}/space   */
    EXPECT_OK(c, clickup_folders_get(c, "790", NULL, &f->folders));           /* GET /space/{}/folder */
    EXPECT_OK(c, clickup_lists_get(c, "1100", NULL, NULL, &f->folder_lists)); /* GET /folder/{}/list  */
    EXPECT_OK(c, clickup_lists_get(c, NULL, "790", NULL, &f->space_lists));   /* GET /space/{}/list   */
    EXPECT_OK(c, clickup_list_get(c, "2100", &f->list));                      /* GET /list/{}         */
    EXPECT_OK(c, clickup_task_get(c, "86abc123", NULL, &f->task));            /* GET /task/{}         */
    EXPECT_OK(c, clickup_tasks_get(c, &lq, &f->list_tasks));                  /* GET /list/{}/task    */
    EXPECT_OK(c, clickup_tasks_get(c, &sq, &f->space_tasks));                 /* GET /team/{}/task    */
    EXPECT_OK(c, clickup_task_create(c, "2100", &nt, &f->created));           /* POST /list/{}/task   */
    EXPECT_OK(c, clickup_task_update(c, "86abc123", &ch, &f->updated));       /* PUT /task/{}         */
    EXPECT_OK(c, clickup_task_tag_add(c, "86abc123", "urgent"));              /* POST .../tag/{}      */
    EXPECT_OK(c, clickup_task_tag_remove(c, "86abc123", "urgent"));           /* DELETE .../tag/{}    */
    EXPECT_OK(c, clickup_task_field_set(c, "86abc123", FIELD_ID, &fv));       /* POST .../field/{}    */
    EXPECT_OK(c, clickup_task_field_remove(c, "86abc123", FIELD_ID));         /* DELETE .../field/{}  */
    EXPECT_OK(c, clickup_templates_get(c, &f->templates));                    /* GET .../taskTemplate */
    EXPECT_OK(c, clickup_task_from_template(c, "2100", "t-86b3e001", "From template",
                                            &f->from_template));              /* POST .../taskTemplate/{} */
    assert_int_equal(f->fs.unknown, 0);                   /* every request hit a scripted route */

    clickup_metrics_get(c, &m);
    for (i = 0; i < m.endpoint_count && i < (size_t)slots; i++)
        if (m.endpoints[i].endpoint && strcmp(m.endpoints[i].endpoint, TEMPLATE_ROUTE) == 0) found = &m.endpoints[i];
    if (!found)
        fail_msg("clickup_metrics_get has no entry \"%s\" (endpoint_count %lu, CLICKUP_METRIC_ENDPOINTS %d)",
                 TEMPLATE_ROUTE, (unsigned long)m.endpoint_count, slots);
    assert_int_equal(found->requests, 1);
    assert_int_equal(found->errors, 0);
    assert_true(m.endpoint_count >= 17);                  /* 17 distinct routes were used */
}

/* =============================================================================================
   11. No doubled method in errors
   ============================================================================================= */
/* rc must be CLICKUP_ERR_INVALID_ARG, and the client's error must read "<METHOD> <route>: ...",
   the method once. ignore_case compares the route without regard to case (the workspace task
   route was spelled "{team_Id}" in one place). */
static void expect_invalid(clickup_client *c, clickup_result rc, const char *what, const char *method,
                           const char *route, int ignore_case) {
    const clickup_error *e = clickup_last_error(c);
    char doubled[32], want[128];
    size_t n;
    if (rc != CLICKUP_ERR_INVALID_ARG) {
        note_problem("  %s returned %d, want CLICKUP_ERR_INVALID_ARG (%d)", what, (int)rc, (int)CLICKUP_ERR_INVALID_ARG);
        return;
    }
    snprintf(doubled, sizeof doubled, "%s %s ", method, method);
    n = (size_t)snprintf(want, sizeof want, "%s %s", method, route);
    if (strstr(e->message, doubled))
        note_problem("  %s: message \"%s\" names the method twice", what, e->message);
    else if ((ignore_case ? strncasecmp(e->message, want, n) : strncmp(e->message, want, n)) != 0)
        note_problem("  %s: message \"%s\" does not start with \"%s\"", what, e->message, want);
    if (strcmp(e->method, method) != 0) note_problem("  %s: error method \"%s\", want \"%s\"", what, e->method, method);
    if (e->path[0] != '/') note_problem("  %s: error path \"%s\" does not start with '/'", what, e->path);
}

static int ignore_page(void *user, const clickup_tasks *page) {
    (void)user; (void)page;
    return 0;
}

static void test_invalid_arg_messages_name_the_method_once(void **state) {
    api_fixture *f = (api_fixture *)*state;
    clickup_client *c = f->c;
    clickup_task_query q;
    clickup_tasks stats;
    clickup_task_new nt;
    clickup_task_changes ch;
    clickup_field_value fv;
    memset(&nt, 0, sizeof nt);
    memset(&ch, 0, sizeof ch);
    memset(&fv, 0, sizeof fv);
    nt.name = "New";
    ch.name = "Renamed";
    fv.type = CLICKUP_VALUE_STRING;
    fv.str = "hello";
    problems_reset();

    /* task queries: these named the method twice ("GET GET /list/{list_id}/task: ...") */
    memset(&q, 0, sizeof q);
    q.list_id = "bad/id";
    expect_invalid(c, clickup_tasks_get(c, &q, &f->list_tasks), "tasks_get(list_id \"bad/id\")", "GET",
                   "/list/{list_id}/task", 0);
    expect_invalid(c, clickup_tasks_foreach(c, &q, ignore_page, NULL, &stats), "tasks_foreach(list_id \"bad/id\")",
                   "GET", "/list/{list_id}/task", 0);
    memset(&q, 0, sizeof q);
    q.space_id = "bad/id";
    expect_invalid(c, clickup_tasks_get(c, &q, &f->space_tasks), "tasks_get(space_id \"bad/id\")", "GET",
                   "/team/{team_id}/task", 1);
    memset(&q, 0, sizeof q);
    expect_invalid(c, clickup_tasks_get(c, &q, &f->list_tasks), "tasks_get(neither list_id nor space_id)", "GET",
                   "/list/{list_id}/task", 0);
    q.list_id = "2100";
    q.max_pages = -1;
    expect_invalid(c, clickup_tasks_get(c, &q, &f->list_tasks), "tasks_get(max_pages -1)", "GET",
                   "/list/{list_id}/task", 0);
    q.max_pages = 0;
    q.order_by = "bogus";
    expect_invalid(c, clickup_tasks_get(c, &q, &f->list_tasks), "tasks_get(order_by \"bogus\")", "GET",
                   "/list/{list_id}/task", 0);

    /* the other calls, so that none of them starts doing it */
    expect_invalid(c, clickup_task_tag_add(c, "", "urgent"), "task_tag_add(empty task ref)", "POST",
                   "/task/{task_id}/tag/{tag_name}", 0);
    expect_invalid(c, clickup_task_tag_add(c, "86abc123", ""), "task_tag_add(empty tag)", "POST",
                   "/task/{task_id}/tag/{tag_name}", 0);
    expect_invalid(c, clickup_task_tag_remove(c, "", "urgent"), "task_tag_remove(empty task ref)", "DELETE",
                   "/task/{task_id}/tag/{tag_name}", 0);
    expect_invalid(c, clickup_task_field_set(c, "86abc123", "bad/id", &fv), "task_field_set(field \"bad/id\")", "POST",
                   "/task/{task_id}/field/{field_id}", 0);
    expect_invalid(c, clickup_task_field_set(c, "", FIELD_ID, &fv), "task_field_set(empty task ref)", "POST",
                   "/task/{task_id}/field/{field_id}", 0);
    expect_invalid(c, clickup_task_field_remove(c, "86abc123", "bad/id"), "task_field_remove(field \"bad/id\")",
                   "DELETE", "/task/{task_id}/field/{field_id}", 0);
    expect_invalid(c, clickup_folders_get(c, "bad/id", NULL, &f->folders), "folders_get(\"bad/id\")", "GET",
                   "/space/{space_id}/folder", 0);
    expect_invalid(c, clickup_lists_get(c, "bad/id", NULL, NULL, &f->folder_lists), "lists_get(folder \"bad/id\")",
                   "GET", "/folder/{folder_id}/list", 0);
    expect_invalid(c, clickup_lists_get(c, NULL, "bad/id", NULL, &f->space_lists), "lists_get(space \"bad/id\")",
                   "GET", "/space/{space_id}/list", 0);
    expect_invalid(c, clickup_list_get(c, "bad/id", &f->list), "list_get(\"bad/id\")", "GET", "/list/{list_id}", 0);
    expect_invalid(c, clickup_task_get(c, "", NULL, &f->task), "task_get(empty ref)", "GET", "/task/{task_id}", 0);
    expect_invalid(c, clickup_task_update(c, "", &ch, &f->updated), "task_update(empty ref)", "PUT",
                   "/task/{task_id}", 0);
    expect_invalid(c, clickup_task_create(c, "bad/id", &nt, &f->created), "task_create(list \"bad/id\")", "POST",
                   "/list/{list_id}/task", 0);
    expect_invalid(c, clickup_task_from_template(c, "2100", "bad/id", "x", &f->from_template),
                   "task_from_template(template \"bad/id\")", "POST", "/list/{list_id}/taskTemplate/{template_id}", 0);

    fail_on_problems();
    assert_int_equal(f->fs.requests, 0);                  /* nothing was sent for bad input */
    assert_null(f->list_tasks);                           /* and no result was handed out   */
    assert_null(f->space_tasks);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_base_url_refused),
        cmocka_unit_test(test_base_url_accepted),
        cmocka_unit_test_teardown(test_long_number_1e200, free_texts),
        cmocka_unit_test_teardown(test_long_number_1e_minus_131, free_texts),
        cmocka_unit_test_teardown(test_long_number_halfway, free_texts),
        cmocka_unit_test_teardown(test_long_number_many_digits, free_texts),
        cmocka_unit_test(test_long_number_exponent_forms),
        cmocka_unit_test_setup_teardown(test_metrics_record_every_route, fake_client_setup, fake_client_teardown),
        cmocka_unit_test_setup_teardown(test_invalid_arg_messages_name_the_method_once, fake_client_setup,
                                        fake_client_teardown),
    };
    int rc;
    clickup_global_init();
    rc = cmocka_run_group_tests_name("regress_api", tests, NULL, NULL);
    clickup_global_cleanup();
    return rc;
}

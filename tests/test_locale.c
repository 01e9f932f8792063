/* Numbers do not depend on the C locale (regression test; a program of its own because it
   replaces a libc function for the whole executable).

   JSON numbers always use '.', whatever LC_NUMERIC says. The library used to ask localeconv()
   for the locale's decimal point and swap '.' for it before calling strtod, and the task
   decoder called the locale's strtod directly: under a locale with a decimal comma (de_DE,
   fr_FR, ...) "1.5e3" became 1. The library must neither depend on nor even ask for the
   locale: numbers must come out right, and localeconv() must never be called.

   How the locale is imposed, in two groups of the same tests:
   1. "fake comma": this file defines localeconv() itself (below). A definition in the
      executable takes precedence over libc's for every call made from the executable - and
      clickup.h is compiled into this very file - so the library sees decimal_point "," while
      the real locale stays "C". This works under ASan too (ASan intercepts setlocale, not
      localeconv); test_interposer_is_live checks it. A library that still consults
      localeconv() swaps '.' for ',' and the "C" strtod then stops at the comma.
   2. "real comma": setlocale(LC_ALL, ...) with a real locale whose decimal point is ','
      (plus the fake localeconv, which then agrees with it). Here the locale's own strtod and
      printf use a comma. If no such locale is installed, one is compiled into a temporary
      directory with localedef (needs the Debian package `locales`, which ships localedef's
      sources in /usr/share/i18n) and found through LOCPATH. If neither works the group is
      skipped with a note: install `locales` and run
      `localedef -i de_DE -f UTF-8 de_DE.UTF-8` (as root) to give it a locale. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <limits.h>
#include <locale.h>
#include <unistd.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include <cmocka.h>

/* ---- the replacement localeconv ----------------------------------------------------------- */
static unsigned long localeconv_calls;   /* every call, from anyone */

struct lconv *localeconv(void) {
    static char comma[] = ",", dot[] = ".", empty[] = "";
    static struct lconv lc;
    localeconv_calls++;
    memset(&lc, 0, sizeof lc);
    lc.decimal_point = comma;            /* as de_DE, fr_FR, ru_RU and many more */
    lc.thousands_sep = dot;
    lc.grouping = empty;
    lc.int_curr_symbol = lc.currency_symbol = empty;
    lc.mon_decimal_point = comma;
    lc.mon_thousands_sep = dot;
    lc.mon_grouping = lc.positive_sign = lc.negative_sign = empty;
    lc.int_frac_digits = lc.frac_digits = CHAR_MAX;
    lc.p_cs_precedes = lc.p_sep_by_space = lc.n_cs_precedes = lc.n_sep_by_space = CHAR_MAX;
    lc.p_sign_posn = lc.n_sign_posn = CHAR_MAX;
    return &lc;
}

/* The library must never ask: every test counts the calls its library calls made. */
#define EXPECT_NO_LOCALECONV(calls)                                                                \
    do {                                                                                           \
        unsigned long calls_ = (calls);                                                            \
        if (calls_) fail_msg("the library called localeconv() %lu time(s)", calls_);               \
    } while (0)

/* Exact comparison with a readable failure message. */
#define EXPECT_DOUBLE(label, got, want)                                                            \
    do {                                                                                           \
        double got_ = (got), want_ = (want);                                                       \
        if (!(got_ == want_)) fail_msg("%s: got %.17g, want %.17g", (label), got_, want_);        \
    } while (0)

/* ---- the real comma locale ------------------------------------------------------------------ */
static int have_comma_locale;            /* group 2 runs only when set */
static char built_dir[64];               /* a locale compiled by this program, removed at exit */

/* Does the current LC_NUMERIC print a decimal comma? (printf does not call localeconv.) */
static int prints_comma(void) {
    char buf[16];
    snprintf(buf, sizeof buf, "%.1f", 1.5);
    return strcmp(buf, "1,5") == 0;
}

static int try_locale(const char *name) {
    if (!setlocale(LC_ALL, name)) return 0;
    if (prints_comma()) return 1;
    setlocale(LC_ALL, "C");
    return 0;
}

/* Switch to a locale with a decimal comma; 1 on success. */
static int enter_comma_locale(void) {
    static const char *const names[] = { "de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "fr_FR.utf8",
                                         "fr_FR", "nl_NL.UTF-8", "it_IT.UTF-8", "es_ES.UTF-8", "ru_RU.UTF-8",
                                         "pt_BR.UTF-8" };
    char cmd[256];
    size_t i;
    int rc;
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (try_locale(names[i])) return 1;
    /* none installed: compile de_DE.UTF-8 into a private directory and point LOCPATH at it */
    if (access("/usr/share/i18n/locales/de_DE", R_OK) != 0) return 0;
    snprintf(built_dir, sizeof built_dir, "/tmp/clickup_locale_XXXXXX");
    if (!mkdtemp(built_dir)) { built_dir[0] = '\0'; return 0; }
    snprintf(cmd, sizeof cmd, "localedef -i de_DE -f UTF-8 %s/de_DE.UTF-8 >/dev/null 2>&1", built_dir);
    rc = system(cmd);                    /* exits 1 on mere warnings: judge by the result */
    (void)rc;
    if (setenv("LOCPATH", built_dir, 1) != 0) return 0;
    return try_locale("de_DE.UTF-8");
}

static void leave_comma_locale(void) {
    char cmd[128];
    int rc;
    setlocale(LC_ALL, "C");
    if (built_dir[0]) {
        unsetenv("LOCPATH");
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", built_dir);
        rc = system(cmd);
        (void)rc;
        built_dir[0] = '\0';
    }
}

/* Group 2 tests skip (with a note) when no comma locale could be had. */
static int need_comma_locale(void **state) {
    (void)state;
    if (!have_comma_locale) skip();
    return 0;
}

/* ---- JSON helpers ----------------------------------------------------------------------------- */
/* Parse one JSON value and read it as a double. */
static double parse_double(const char *text) {
    clickup_json_doc *doc = NULL;
    double x;
    if (clickup_json_parse(text, strlen(text), NULL, &doc, NULL) != CLICKUP_OK)
        fail_msg("clickup_json_parse(%s) failed", text);
    x = clickup_json_as_double(clickup_json_root(doc), -999.0);
    clickup_json_doc_free(doc);
    return x;
}

static int parse_equal(const char *a, const char *b) {
    clickup_json_doc *x = NULL, *y = NULL;
    int eq;
    if (clickup_json_parse(a, strlen(a), NULL, &x, NULL) != CLICKUP_OK ||
        clickup_json_parse(b, strlen(b), NULL, &y, NULL) != CLICKUP_OK) {
        clickup_json_doc_free(x);
        fail_msg("clickup_json_parse(%s) or (%s) failed", a, b);
    }
    eq = clickup_json_equal(clickup_json_root(x), clickup_json_root(y));
    clickup_json_doc_free(x);
    clickup_json_doc_free(y);
    return eq;
}

/* clickup_jw_double(v) into buf (NUL-terminated). */
static void write_double(double v, char *buf, size_t n) {
    clickup_json_writer w;
    const char *text = NULL;
    size_t len = 0;
    clickup_json_writer_init(&w, NULL);
    clickup_jw_double(&w, v);
    if (clickup_json_writer_finish(&w, &text, &len) != CLICKUP_OK || len >= n) {
        clickup_json_writer_free(&w);
        fail_msg("clickup_jw_double(%.17g) failed", v);
    }
    memcpy(buf, text, len);
    buf[len] = '\0';
    clickup_json_writer_free(&w);
}

/* ---- the tests (each runs in both groups) ------------------------------------------------------ */
/* The replacement is the localeconv everybody in this executable gets. */
static void test_interposer_is_live(void **state) {
    struct lconv *(*volatile fn)(void) = localeconv;   /* through a pointer: no inlining */
    unsigned long before = localeconv_calls;
    (void)state;
    assert_string_equal(fn()->decimal_point, ",");
    assert_int_equal(localeconv_calls - before, 1);
}

static void test_parse_numbers(void **state) {
    unsigned long before = localeconv_calls, calls;
    double one_half, thousands, eighth, str;
    (void)state;
    one_half = parse_double("1.5");
    thousands = parse_double("2.5e3");
    eighth = parse_double("-0.125");
    str = parse_double("\"1.5\"");                       /* a numeric string reads as a number too */
    calls = localeconv_calls - before;
    EXPECT_DOUBLE("1.5", one_half, 1.5);
    EXPECT_DOUBLE("2.5e3", thousands, 2500.0);
    EXPECT_DOUBLE("-0.125", eighth, -0.125);
    EXPECT_DOUBLE("\"1.5\"", str, 1.5);
    EXPECT_NO_LOCALECONV(calls);
}

static void test_json_equal(void **state) {
    unsigned long before = localeconv_calls, calls;
    int same, same_exp, different;
    (void)state;
    same = parse_equal("1.5", "1.50");
    same_exp = parse_equal("[2.5e3]", "[2500]");
    different = parse_equal("1.5", "1.6");
    calls = localeconv_calls - before;
    assert_true(same);
    assert_true(same_exp);
    assert_false(different);
    EXPECT_NO_LOCALECONV(calls);
}

static void test_writer_double(void **state) {
    unsigned long before = localeconv_calls, calls;
    char a[64], b[64], c[64], d[64];
    (void)state;
    write_double(1.5, a, sizeof a);
    write_double(-0.125, b, sizeof b);
    write_double(2500.0, c, sizeof c);
    write_double(0.1, d, sizeof d);
    calls = localeconv_calls - before;
    assert_string_equal(a, "1.5");
    assert_string_equal(b, "-0.125");
    assert_string_equal(c, "2500");
    assert_string_equal(d, "0.1");                       /* the shortest text that reads back */
    EXPECT_NO_LOCALECONV(calls);
}

/* Task decoding: ClickUp sends time_estimate as a number or a string, sometimes fractional. */
static const char TASK_A[] =                             /* GET /task/86aaa001 */
    "{\"id\":\"86aaa001\",\"name\":\"A\",\"time_estimate\":1.5e3,\"time_spent\":\"2.5e3\"}";
static const char TASK_B[] =                             /* GET /task/86aaa002 */
    "{\"id\":\"86aaa002\",\"name\":\"B\",\"time_estimate\":\"1234.5\",\"time_spent\":1234.5}";

static clickup_transport_status task_transport(void *user, const clickup_http_request *rq, clickup_http_response *r) {
    (void)user;
    memset(r, 0, sizeof *r);
    r->status = 200;
    if (strstr(rq->url, "/task/86aaa001")) r->body = TASK_A;
    else if (strstr(rq->url, "/task/86aaa002")) r->body = TASK_B;
    else { r->status = 404; r->body = "{\"err\":\"Task not found, deleted\",\"ECODE\":\"ITEM_013\"}"; }
    r->body_len = strlen(r->body);
    return CLICKUP_TRANSPORT_OK;
}

static void test_task_decoder(void **state) {
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_task *a = NULL, *b = NULL;
    clickup_result rc_a, rc_b;
    clickup_i64 a_est, a_spent, b_est, b_spent;
    unsigned long before, calls;
    (void)state;
    clickup_config_init(&cfg);
    cfg.token = "pk_locale_token";
    cfg.team_id = "9001";
    cfg.transport = task_transport;
    cfg.max_retries = -1;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    before = localeconv_calls;
    rc_a = clickup_task_get(c, "86aaa001", NULL, &a);
    rc_b = clickup_task_get(c, "86aaa002", NULL, &b);
    calls = localeconv_calls - before;
    clickup_client_destroy(c);
    /* copy what is checked, then free, so that a failed assertion leaks nothing */
    memset(&a_est, 0, sizeof a_est); a_spent = b_est = b_spent = a_est;
    if (a) { a_est = a->time_estimate; a_spent = a->time_spent; }
    if (b) { b_est = b->time_estimate; b_spent = b->time_spent; }
    clickup_task_free(a);
    clickup_task_free(b);
    assert_int_equal(rc_a, CLICKUP_OK);
    assert_int_equal(rc_b, CLICKUP_OK);
    assert_true(a_est.present);
    assert_int_equal(a_est.value, 1500);                 /* 1.5e3                               */
    assert_true(a_spent.present);
    assert_int_equal(a_spent.value, 2500);               /* "2.5e3"                             */
    assert_true(b_est.present);
    assert_int_equal(b_est.value, 1234);                 /* "1234.5": the fraction is dropped   */
    assert_true(b_spent.present);
    assert_int_equal(b_spent.value, 1234);               /* 1234.5                              */
    EXPECT_NO_LOCALECONV(calls);
}

int main(void) {
    const struct CMUnitTest fake_comma[] = {
        cmocka_unit_test(test_interposer_is_live),
        cmocka_unit_test(test_parse_numbers),
        cmocka_unit_test(test_json_equal),
        cmocka_unit_test(test_writer_double),
        cmocka_unit_test(test_task_decoder),
    };
    const struct CMUnitTest real_comma[] = {
        cmocka_unit_test_setup(test_interposer_is_live, need_comma_locale),
        cmocka_unit_test_setup(test_parse_numbers, need_comma_locale),
        cmocka_unit_test_setup(test_json_equal, need_comma_locale),
        cmocka_unit_test_setup(test_writer_double, need_comma_locale),
        cmocka_unit_test_setup(test_task_decoder, need_comma_locale),
    };
    int failed;
    clickup_global_init();
    /* 1. the "C" locale, but localeconv() claims a decimal comma */
    failed = cmocka_run_group_tests_name("locale: fake comma (C locale, localeconv says ',')", fake_comma, NULL, NULL);
    /* 2. a real decimal-comma locale */
    have_comma_locale = enter_comma_locale();
    if (have_comma_locale)
        print_message("comma locale: %s%s\n", setlocale(LC_NUMERIC, NULL), built_dir[0] ? " (compiled by this test)" : "");
    else
        print_message("no locale with a decimal comma, the group is skipped: install the package `locales` and run "
                      "`localedef -i de_DE -f UTF-8 de_DE.UTF-8`\n");
    failed += cmocka_run_group_tests_name("locale: real comma (setlocale)", real_comma, NULL, NULL);
    leave_comma_locale();
    clickup_global_cleanup();
    return failed ? 1 : 0;
}

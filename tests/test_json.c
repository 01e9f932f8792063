/* tests/test_json.c - the JSON parser and writer of clickup.h (cmocka group "json").

   - JSONTestSuite (tests/data/jsontestsuite/test_parsing): every y_ accepted, every n_ rejected,
     every i_ completes; prints one summary line.
   - ClickUp's OpenAPI file (518 KB): navigation, allocation count, no leak.
   - Unit cases for the parser, the accessors and the writer.
   - A property test: random documents written with the writer while an independent expectation
     tree is built, then parsed back and compared node by node.
   - Allocation failure: the k-th allocation fails, for every k until the call succeeds.

   Every parse of a hand-written input goes through a malloc'd copy of exactly `len` bytes that
   is freed right after the parse: ASan/valgrind see any over-read, and any pointer kept into the
   input would be a use-after-free. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <locale.h>
#include <float.h>
#include <dirent.h>
#include <sys/stat.h>

#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"

#include <cmocka.h>

#define SUITE_DIR   "tests/data/jsontestsuite/test_parsing"
#define OPENAPI     "tests/data/clickup-openapi/clickup-api-v2-reference.json"
#define LIT(s)      (s), (sizeof(s) - 1)

/* ==== helpers ================================================================================ */

/* Read a whole file; NULL on failure. The buffer is exactly *len bytes (1 when empty). */
static char *read_all(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;
    *len = 0;
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
        fclose(f);
        return NULL;
    }
    buf = (char *)malloc(n ? (size_t)n : 1);
    if (buf && n && fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); buf = NULL; }
    fclose(f);
    if (buf) *len = (size_t)n;
    return buf;
}

/* Counting allocator: every block carries a 16-byte header with its size. Fails the fail_at-th
   allocation call (malloc or realloc, counted from 1) when fail_at > 0. */
#define CA_HDR 16
typedef struct counting_alloc {
    size_t mallocs, reallocs, frees;
    size_t outstanding, peak;     /* bytes */
    size_t calls;                 /* malloc + realloc calls */
    size_t fail_at;               /* 0 = never fail */
    size_t failures;
    size_t size_mismatch;         /* realloc_fn told a wrong old size */
} counting_alloc;

static void *ca_malloc(void *user, size_t size) {
    counting_alloc *ca = (counting_alloc *)user;
    unsigned char *p;
    ca->calls++;
    ca->mallocs++;
    if (ca->fail_at && ca->calls == ca->fail_at) { ca->failures++; return NULL; }
    p = (unsigned char *)malloc(size + CA_HDR);
    if (!p) return NULL;
    memcpy(p, &size, sizeof size);
    ca->outstanding += size;
    if (ca->outstanding > ca->peak) ca->peak = ca->outstanding;
    return p + CA_HDR;
}

static void *ca_realloc(void *user, void *ptr, size_t old_size, size_t new_size) {
    counting_alloc *ca = (counting_alloc *)user;
    unsigned char *p, *base;
    size_t had = 0;
    ca->calls++;
    ca->reallocs++;
    if (ca->fail_at && ca->calls == ca->fail_at) { ca->failures++; return NULL; }
    base = ptr ? (unsigned char *)ptr - CA_HDR : NULL;
    if (base) {
        memcpy(&had, base, sizeof had);
        if (had != old_size) ca->size_mismatch++;
    }
    p = (unsigned char *)realloc(base, new_size + CA_HDR);
    if (!p) return NULL;
    memcpy(p, &new_size, sizeof new_size);
    ca->outstanding = ca->outstanding - had + new_size;
    if (ca->outstanding > ca->peak) ca->peak = ca->outstanding;
    return p + CA_HDR;
}

static void ca_free(void *user, void *ptr) {
    counting_alloc *ca = (counting_alloc *)user;
    unsigned char *base;
    size_t had;
    if (!ptr) return;
    ca->frees++;
    base = (unsigned char *)ptr - CA_HDR;
    memcpy(&had, base, sizeof had);
    ca->outstanding -= had;
    free(base);
}

static clickup_allocator ca_allocator(counting_alloc *ca) {
    clickup_allocator a;
    memset(ca, 0, sizeof *ca);
    a.malloc_fn = ca_malloc;
    a.realloc_fn = ca_realloc;
    a.free_fn = ca_free;
    a.user = ca;
    return a;
}

/* Parse from an exact-size heap copy that is freed right after the call. */
static clickup_result parse_copy(const char *text, size_t len, const clickup_allocator *al,
                                 clickup_json_doc **doc, clickup_json_error *err) {
    char *copy = (char *)malloc(len ? len : 1);
    clickup_result rc;
    assert_non_null(copy);
    if (len) memcpy(copy, text, len);
    rc = clickup_json_parse(copy, len, al, doc, err);
    memset(copy, 'X', len);     /* the document must not depend on the input any more */
    free(copy);
    return rc;
}

static clickup_json_doc *parse_ok(const char *text, size_t len) {
    clickup_json_doc *doc = NULL;
    clickup_json_error err;
    clickup_result rc;
    err.offset = 12345; err.reason = "unset";
    rc = parse_copy(text, len, NULL, &doc, &err);
    if (rc != CLICKUP_OK)
        fail_msg("expected OK for <%.*s>: rc %d, reason %s at %lu", (int)len, text, (int)rc,
                 err.reason ? err.reason : "(null)", (unsigned long)err.offset);
    assert_non_null(doc);
    assert_non_null(clickup_json_root(doc));
    assert_null(err.reason);
    assert_int_equal(err.offset, 0);
    return doc;
}

/* Expect CLICKUP_ERR_JSON; returns the offset (and the reason through *reason). */
static size_t parse_bad(const char *text, size_t len, const char **reason) {
    clickup_json_doc *doc = (clickup_json_doc *)(uintptr_t)1;
    clickup_json_error err;
    clickup_result rc;
    err.offset = (size_t)-1; err.reason = NULL;
    rc = parse_copy(text, len, NULL, &doc, &err);
    if (rc != CLICKUP_ERR_JSON) {
        clickup_json_doc_free(rc == CLICKUP_OK ? doc : NULL);
        fail_msg("expected CLICKUP_ERR_JSON for <%.*s> (%lu bytes), got %d", (int)len, text,
                 (unsigned long)len, (int)rc);
    }
    assert_null(doc);
    assert_non_null(err.reason);
    assert_true(err.reason[0] != '\0');
    assert_true(err.offset <= len);
    if (reason) *reason = err.reason;
    return err.offset;
}

/* Writer text after finish (must be OK); the writer keeps ownership. */
static const char *writer_ok(clickup_json_writer *w, size_t *len) {
    const char *text = NULL;
    size_t n = 0;
    clickup_result rc = clickup_json_writer_finish(w, &text, &n);
    if (rc != CLICKUP_OK) fail_msg("writer finish: %d", (int)rc);
    assert_non_null(text);
    assert_int_equal(strlen(text), n);
    if (len) *len = n;
    return text;
}

static clickup_result writer_rc(clickup_json_writer *w) {
    const char *text = (const char *)(uintptr_t)1;
    size_t n = 7;
    clickup_result rc = clickup_json_writer_finish(w, &text, &n);
    if (rc != CLICKUP_OK) {
        assert_null(text);
        assert_int_equal(n, 0);
    }
    return rc;
}

/* Append the UTF-8 form of cp; returns the byte count. */
static size_t utf8_put(unsigned char *o, uint32_t cp) {
    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) { o[0] = (unsigned char)(0xC0 | (cp >> 6)); o[1] = (unsigned char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12)); o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18)); o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

static int same_double_bits(double a, double b) { return memcmp(&a, &b, sizeof a) == 0; }

/* ==== JSONTestSuite ========================================================================== */

static void append_name(char *list, size_t cap, const char *name) {
    size_t used = strlen(list);
    if (used + strlen(name) + 3 < cap) { strcat(list, " "); strcat(list, name); }
    else if (used + 5 < cap && !strstr(list, " ...")) strcat(list, " ...");
}

static void test_jsontestsuite(void **state) {
    DIR *dir;
    struct dirent *de;
    int y_total = 0, y_ok = 0, n_total = 0, n_ok = 0, i_total = 0, i_ok = 0, i_accepted = 0;
    char failures[4096];
    (void)state;
    failures[0] = '\0';
    dir = opendir(SUITE_DIR);
    if (!dir) fail_msg("cannot open %s (run from the repository root)", SUITE_DIR);
    while ((de = readdir(dir)) != NULL) {
        const char *name = de->d_name;
        char path[1024];
        char *text;
        size_t len, nl = strlen(name);
        clickup_json_doc *doc = NULL;
        clickup_json_error err;
        clickup_result rc;
        counting_alloc ca;
        clickup_allocator al;
        char kind;
        if (nl < 7 || name[1] != '_' || strcmp(name + nl - 5, ".json") != 0) continue;
        kind = name[0];
        if (kind != 'y' && kind != 'n' && kind != 'i') continue;
        snprintf(path, sizeof path, "%s/%s", SUITE_DIR, name);
        text = read_all(path, &len);
        if (!text) fail_msg("cannot read %s", path);
        al = ca_allocator(&ca);
        err.offset = (size_t)-1; err.reason = NULL;
        rc = clickup_json_parse(text, len, &al, &doc, &err);
        if (rc == CLICKUP_OK) {
            /* Whatever is accepted must survive writer -> parser unchanged. */
            clickup_json_writer w;
            clickup_json_doc *again = NULL;
            const char *out = NULL;
            size_t out_len = 0;
            int rt_ok;
            clickup_json_writer_init(&w, NULL);
            clickup_jw_value(&w, clickup_json_root(doc));
            rt_ok = clickup_json_writer_finish(&w, &out, &out_len) == CLICKUP_OK &&
                    clickup_json_parse(out, out_len, NULL, &again, NULL) == CLICKUP_OK &&
                    clickup_json_equal(clickup_json_root(doc), clickup_json_root(again));
            clickup_json_doc_free(again);
            clickup_json_writer_free(&w);
            if (!rt_ok) { rc = CLICKUP_ERR_INVALID_ARG; append_name(failures, sizeof failures, name); }
        }
        clickup_json_doc_free(doc);
        if (ca.outstanding != 0) {
            append_name(failures, sizeof failures, name);
            rc = CLICKUP_ERR_INVALID_ARG;
        }
        switch (kind) {
        case 'y':
            y_total++;
            if (rc == CLICKUP_OK) y_ok++;
            else append_name(failures, sizeof failures, name);
            break;
        case 'n':
            n_total++;
            if (rc == CLICKUP_ERR_JSON && err.reason != NULL && err.offset <= len) n_ok++;
            else append_name(failures, sizeof failures, name);
            break;
        default:
            i_total++;
            if (rc == CLICKUP_OK || (rc == CLICKUP_ERR_JSON && err.reason && err.offset <= len)) {
                i_ok++;
                if (rc == CLICKUP_OK) i_accepted++;
            } else {
                append_name(failures, sizeof failures, name);
            }
            break;
        }
        free(text);
    }
    closedir(dir);
    printf("JSONTestSuite: accepted %d/%d y_, rejected %d/%d n_, i_ %d/%d without crash\n",
           y_ok, y_total, n_ok, n_total, i_ok, i_total);
    fflush(stdout);
    if (failures[0]) fail_msg("JSONTestSuite failures:%s", failures);
    assert_int_equal(y_ok, y_total);
    assert_int_equal(n_ok, n_total);
    assert_int_equal(i_ok, i_total);
    /* A missing or partial corpus must not pass quietly. */
    assert_int_equal(y_total, 95);
    assert_int_equal(n_total, 188);
    assert_int_equal(i_total, 35);
}

/* ==== ClickUp's OpenAPI file ================================================================= */

static void test_openapi(void **state) {
    size_t len, i, n, found = 0;
    char *text = read_all(OPENAPI, &len);
    counting_alloc ca;
    clickup_allocator al = ca_allocator(&ca);
    clickup_json_doc *doc = NULL;
    clickup_json_error err;
    const clickup_json *root, *paths, *op, *params, *v, *example;
    const char *s, *key;
    size_t key_len;
    int has_md = 0;
    (void)state;
    if (!text) fail_msg("cannot read %s (run from the repository root)", OPENAPI);
    assert_true(len > 500000);
    assert_int_equal(clickup_json_parse(text, len, &al, &doc, &err), CLICKUP_OK);
    free(text);                         /* the document must not point into the input */
    printf("openapi: %lu bytes, %lu mallocs + %lu reallocs, peak %lu bytes\n", (unsigned long)len,
           (unsigned long)ca.mallocs, (unsigned long)ca.reallocs, (unsigned long)ca.peak);
    assert_true(ca.mallocs + ca.reallocs <= 16);
    assert_int_equal(ca.size_mismatch, 0);

    root = clickup_json_root(doc);
    assert_int_equal(clickup_json_typeof(root), CLICKUP_JSON_OBJECT);
    s = clickup_json_as_string(clickup_json_get(root, "openapi"), NULL, NULL);
    assert_non_null(s);
    assert_memory_equal(s, "3.1", 3);
    assert_string_equal(clickup_json_as_string(clickup_json_get(clickup_json_get(root, "info"), "title"), "", NULL),
                        "ClickUp API v2 Reference");
    paths = clickup_json_get(root, "paths");
    assert_true(clickup_json_is(paths, CLICKUP_JSON_OBJECT));
    assert_int_equal(clickup_json_len(paths), 82);

    /* Find GetTask by scanning every operation of every path. */
    n = clickup_json_len(paths);
    for (i = 0; i < n; i++) {
        const clickup_json *item = clickup_json_member(paths, i, &key, &key_len);
        size_t j, m = clickup_json_len(item);
        assert_non_null(item);
        assert_int_equal(strlen(key), key_len);
        for (j = 0; j < m; j++) {
            const clickup_json *o = clickup_json_member(item, j, NULL, NULL);
            const char *id = clickup_json_as_string(clickup_json_get(o, "operationId"), "", NULL);
            if (strcmp(id, "GetTask") == 0) {
                found++;
                assert_string_equal(key, "/v2/task/{task_id}");
            }
        }
    }
    assert_int_equal(found, 1);
    op = clickup_json_get(clickup_json_get(paths, "/v2/task/{task_id}"), "get");
    assert_string_equal(clickup_json_as_string(clickup_json_get(op, "operationId"), "", NULL), "GetTask");
    params = clickup_json_get(op, "parameters");
    assert_true(clickup_json_is(params, CLICKUP_JSON_ARRAY));
    assert_true(clickup_json_len(params) >= 5);
    for (i = 0; i < clickup_json_len(params); i++) {
        const char *name = clickup_json_as_string(clickup_json_get(clickup_json_at(params, i), "name"), NULL, NULL);
        assert_non_null(name);
        if (strcmp(name, "include_markdown_description") == 0) has_md = 1;
        if (strcmp(name, "team_id") == 0) {
            /* "schema": {"type": "number", ..., "examples": [123]} */
            v = clickup_json_at(clickup_json_get(clickup_json_get(clickup_json_at(params, i), "schema"), "examples"), 0);
            assert_int_equal(clickup_json_typeof(v), CLICKUP_JSON_NUMBER);
            assert_int_equal(clickup_json_as_int64(v, -1), 123);
            assert_true(clickup_json_as_double(v, -1.0) == 123.0);
            assert_string_equal(clickup_json_number_text(v), "123");
        }
    }
    assert_true(has_md);
    assert_null(clickup_json_at(params, clickup_json_len(params)));

    /* The 200 response example: numbers, numeric strings, nulls, bools. */
    example = clickup_json_get(clickup_json_get(clickup_json_get(clickup_json_get(clickup_json_get(
        clickup_json_get(clickup_json_get(op, "responses"), "200"), "content"), "application/json"),
        "schema"), "example"), "creator");
    assert_int_equal(clickup_json_as_int64(clickup_json_get(example, "id"), -1), 183);
    example = clickup_json_get(clickup_json_get(clickup_json_get(clickup_json_get(clickup_json_get(
        clickup_json_get(op, "responses"), "200"), "content"), "application/json"), "schema"), "example");
    assert_int_equal(clickup_json_as_int64(clickup_json_get(example, "date_created"), -1), INT64_C(1567780450202));
    assert_true(clickup_json_as_double(clickup_json_get(example, "orderindex"), -1.0) == 1.0);
    assert_true(clickup_json_is(clickup_json_get(example, "date_closed"), CLICKUP_JSON_NULL));
    assert_int_equal(clickup_json_as_bool(clickup_json_get(example, "archived"), -1), 0);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_get(example, "status"), "orderindex"), -1), 1);

    clickup_json_doc_free(doc);
    assert_int_equal(ca.outstanding, 0);
    assert_true(ca.frees >= ca.mallocs);
}

/* ==== parser unit cases ====================================================================== */

static void test_types(void **state) {
    clickup_json_doc *doc = parse_ok(LIT("[null,true,false,0,-1.5e3,\"s\",[],{},[1],{\"k\":2}]"));
    const clickup_json *r = clickup_json_root(doc);
    (void)state;
    assert_int_equal(clickup_json_typeof(r), CLICKUP_JSON_ARRAY);
    assert_int_equal(clickup_json_len(r), 10);
    assert_int_equal(clickup_json_typeof(clickup_json_at(r, 0)), CLICKUP_JSON_NULL);
    assert_true(clickup_json_is(clickup_json_at(r, 0), CLICKUP_JSON_NULL));
    assert_int_equal(clickup_json_typeof(clickup_json_at(r, 1)), CLICKUP_JSON_BOOL);
    assert_int_equal(clickup_json_as_bool(clickup_json_at(r, 1), -1), 1);
    assert_int_equal(clickup_json_as_bool(clickup_json_at(r, 2), -1), 0);
    assert_int_equal(clickup_json_typeof(clickup_json_at(r, 3)), CLICKUP_JSON_NUMBER);
    assert_int_equal(clickup_json_typeof(clickup_json_at(r, 4)), CLICKUP_JSON_NUMBER);
    assert_true(clickup_json_as_double(clickup_json_at(r, 4), 0) == -1500.0);
    assert_string_equal(clickup_json_number_text(clickup_json_at(r, 4)), "-1.5e3");
    assert_int_equal(clickup_json_typeof(clickup_json_at(r, 5)), CLICKUP_JSON_STRING);
    assert_int_equal(clickup_json_len(clickup_json_at(r, 5)), 1);
    assert_int_equal(clickup_json_typeof(clickup_json_at(r, 6)), CLICKUP_JSON_ARRAY);
    assert_int_equal(clickup_json_len(clickup_json_at(r, 6)), 0);
    assert_int_equal(clickup_json_typeof(clickup_json_at(r, 7)), CLICKUP_JSON_OBJECT);
    assert_int_equal(clickup_json_len(clickup_json_at(r, 7)), 0);
    assert_int_equal(clickup_json_len(clickup_json_at(r, 8)), 1);
    assert_int_equal(clickup_json_len(clickup_json_at(r, 9)), 1);
    /* len is 0 for scalars */
    assert_int_equal(clickup_json_len(clickup_json_at(r, 1)), 0);
    assert_int_equal(clickup_json_len(clickup_json_at(r, 3)), 0);
    assert_false(clickup_json_is(clickup_json_at(r, 3), CLICKUP_JSON_STRING));
    clickup_json_doc_free(doc);

    /* every type as the root */
    {
        static const struct { const char *t; clickup_json_type ty; } roots[] = {
            { "null", CLICKUP_JSON_NULL }, { "true", CLICKUP_JSON_BOOL }, { "false", CLICKUP_JSON_BOOL },
            { "42", CLICKUP_JSON_NUMBER }, { "\"x\"", CLICKUP_JSON_STRING }, { "[]", CLICKUP_JSON_ARRAY },
            { "{}", CLICKUP_JSON_OBJECT }, { "-0.5E-2", CLICKUP_JSON_NUMBER }, { "\"\"", CLICKUP_JSON_STRING },
        };
        size_t i;
        for (i = 0; i < sizeof roots / sizeof roots[0]; i++) {
            doc = parse_ok(roots[i].t, strlen(roots[i].t));
            assert_int_equal(clickup_json_typeof(clickup_json_root(doc)), roots[i].ty);
            clickup_json_doc_free(doc);
        }
    }
}

static void test_escapes(void **state) {
    static const char in[] = "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\u00E9\\u20ac\\ud83d\\ude00\\uD834\\uDD1Ez\"";
    static const char want[] = "\"\\/\b\f\n\r\tA\xc3\xa9\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf0\x9d\x84\x9ez";
    clickup_json_doc *doc = parse_ok(LIT(in));
    size_t n = 0;
    const char *s = clickup_json_as_string(clickup_json_root(doc), NULL, &n);
    (void)state;
    assert_non_null(s);
    assert_int_equal(n, sizeof want - 1);
    assert_memory_equal(s, want, sizeof want - 1);
    assert_int_equal(s[n], '\0');
    assert_int_equal(clickup_json_len(clickup_json_root(doc)), sizeof want - 1);
    clickup_json_doc_free(doc);

    /* escapes in keys; plain text before and after the escapes */
    doc = parse_ok(LIT("{\"pre\\u00fcpost\":1,\"a\\nb\":2}"));
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_root(doc), "pre\xc3\xbcpost"), 0), 1);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_root(doc), "a\nb"), 0), 2);
    clickup_json_doc_free(doc);

    /* raw multi-byte UTF-8 passes through unchanged */
    doc = parse_ok(LIT("\"\xc2\x80\xdf\xbf\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf\x7f\""));
    s = clickup_json_as_string(clickup_json_root(doc), NULL, &n);
    assert_int_equal(n, 2 + 2 + 3 + 3 + 3 + 3 + 4 + 4 + 1);
    assert_memory_equal(s, "\xc2\x80\xdf\xbf\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf\x7f", n);
    clickup_json_doc_free(doc);

    /* invalid escapes */
    assert_int_equal(parse_bad(LIT("\"\\x\""), NULL), 1);
    assert_int_equal(parse_bad(LIT("\"ab\\a\""), NULL), 3);
    parse_bad(LIT("\"\\u12\""), NULL);
    parse_bad(LIT("\"\\u12g4\""), NULL);
    parse_bad(LIT("\"\\U0041\""), NULL);
    parse_bad(LIT("\"\\'\""), NULL);
}

static void test_embedded_nul(void **state) {
    clickup_json_doc *doc = parse_ok(LIT("[\"a\\u0000b\",{\"k\\u0000ey\":7},\"\\u0000\"]"));
    const clickup_json *r = clickup_json_root(doc), *o;
    size_t n = 0, kl = 0;
    const char *s = clickup_json_as_string(clickup_json_at(r, 0), NULL, &n), *k = NULL;
    (void)state;
    assert_int_equal(n, 3);
    assert_memory_equal(s, "a\0b", 4);
    assert_int_equal(clickup_json_len(clickup_json_at(r, 0)), 3);
    o = clickup_json_at(r, 1);
    assert_non_null(clickup_json_member(o, 0, &k, &kl));
    assert_int_equal(kl, 4);
    assert_memory_equal(k, "k\0ey", 5);
    assert_int_equal(clickup_json_as_int64(clickup_json_getn(o, "k\0ey", 4), 0), 7);
    assert_null(clickup_json_get(o, "k"));          /* strlen stops at the NUL: no match */
    s = clickup_json_as_string(clickup_json_at(r, 2), NULL, &n);
    assert_int_equal(n, 1);
    assert_int_equal(s[0], '\0');
    /* a raw NUL byte inside a string is a control character */
    clickup_json_doc_free(doc);
    assert_int_equal(parse_bad(LIT("\"a\0b\""), NULL), 2);
    /* and one outside of one is garbage */
    parse_bad(LIT("[1]\0"), NULL);
}

static void test_lone_surrogates(void **state) {
    static const char *const bad[] = {
        "\"\\ud800\"", "\"\\udbff\"", "\"\\udc00\"", "\"\\udfff\"", "\"\\ud800x\"", "\"\\ud800\\u0041\"",
        "\"\\udc00\\ud800\"", "\"\\ud800\\ud800\"", "\"\\ud800\\n\"", "\"a\\ude00b\"", "{\"\\ud83d\":1}",
        "\"\\ud83d\\ude0\"", "\"\\ud83d\\\"", "\"\\ud83d\\u\"",
    };
    size_t i;
    const char *why = NULL;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        parse_bad(bad[i], strlen(bad[i]), &why);
        assert_non_null(why);
    }
    /* the first byte of the lone escape is reported */
    assert_int_equal(parse_bad(LIT("\"ab\\ud800\""), NULL), 3);
    assert_int_equal(parse_bad(LIT("\"\\ud83d\\ud83d\""), NULL), 1);
}

static void test_invalid_utf8(void **state) {
    static const struct { const char *s; size_t off; } bad[] = {
        { "\"\xc0\xaf\"", 1 },              /* overlong '/' */
        { "\"\xc1\xbf\"", 1 },              /* overlong */
        { "\"\xe0\x80\xaf\"", 1 },          /* overlong, 3 bytes */
        { "\"\xe0\x9f\xbf\"", 1 },          /* overlong U+07FF */
        { "\"\xf0\x80\x80\xaf\"", 1 },      /* overlong, 4 bytes */
        { "\"\xf0\x8f\xbf\xbf\"", 1 },      /* overlong U+FFFF */
        { "\"ab\xed\xa0\x80\"", 3 },        /* UTF-8-encoded surrogate U+D800 */
        { "\"\xed\xbf\xbf\"", 1 },          /* U+DFFF */
        { "\"\xed\xa0\xbd\xed\xb8\x80\"", 1 }, /* CESU-8 pair */
        { "\"\xf4\x90\x80\x80\"", 1 },      /* U+110000 */
        { "\"\xf5\x80\x80\x80\"", 1 },
        { "\"\xf7\xbf\xbf\xbf\"", 1 },
        { "\"\xf8\x88\x80\x80\x80\"", 1 },  /* 5-byte form */
        { "\"\xfc\x84\x80\x80\x80\x80\"", 1 },
        { "\"\xfe\"", 1 }, { "\"\xff\"", 1 },
        { "\"\x80\"", 1 }, { "\"a\xbf\"", 2 }, /* lone continuation bytes */
        { "\"\xc3\"", 1 },                  /* truncated 2-byte */
        { "\"\xc3x\"", 1 },
        { "\"\xe2\x82\"", 1 },              /* truncated 3-byte */
        { "\"\xf0\x9f\x98\"", 1 },          /* truncated 4-byte */
        { "\"\xf0\x9f\x98z\"", 1 },
        { "\"\\n\xc0\xaf\"", 3 },           /* after an escape (the slow path) */
        { "\"\\n\xed\xa0\x80\"", 3 },
        { "\"\\n\xf4\x90\x80\x80\"", 3 },
        { "\"\\n\xe2\x82\"", 3 },
        { "{\"\xc0\xaf\":1}", 2 },          /* in a key */
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t off = parse_bad(bad[i].s, strlen(bad[i].s), NULL);
        if (off != bad[i].off) fail_msg("case %lu: offset %lu, expected %lu", (unsigned long)i,
                                        (unsigned long)off, (unsigned long)bad[i].off);
    }
    /* truncated at the very end of the input (no closing quote): no over-read */
    parse_bad(LIT("\"\xf0\x9f"), NULL);
    parse_bad(LIT("\"\xe2"), NULL);
    parse_bad(LIT("[\"\\n\xf0"), NULL);
    /* invalid UTF-8 outside strings */
    parse_bad(LIT("\xef\xbb\xbf[]"), NULL);   /* a BOM is not JSON whitespace */
    parse_bad(LIT("[\xc3\xa9]"), NULL);
}

static void test_truncated_inputs(void **state) {
    static const char *const cut[] = {
        "\"", "\"abc", "\"\\", "\"\\u", "\"\\u00", "\"\\u00e", "\"\\ud83d", "\"\\ud83d\\", "\"\\ud83d\\u",
        "\"\\ud83d\\ude0", "\"\\ud83d\\ude00", "t", "tru", "f", "fals", "n", "nul", "-", "1.", "1e", "1e+",
        "-0.", "[", "[1", "[1,", "[1,2", "{", "{\"", "{\"a", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,",
        "{\"a\":[", "[{}", "[\"a\\n",
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof cut / sizeof cut[0]; i++) parse_bad(cut[i], strlen(cut[i]), NULL);
}

static void test_malformed(void **state) {
    static const struct { const char *s; size_t off; } bad[] = {
        { "[1,]", 3 }, { "[,1]", 1 }, { "{\"a\" 1}", 5 }, { "{\"a\":1,}", 7 }, { "{a:1}", 1 },
        { "{\"a\":1 \"b\":2}", 7 }, { "[1 2]", 3 }, { "01", 1 }, { "-01", 2 }, { "+1", 0 },
        { ".5", 0 }, { "1.e3", 2 }, { "0x10", 1 }, { "NaN", 0 }, { "Infinity", 0 }, { "-Infinity", 1 },
        { "True", 0 }, { "nulL", 0 }, { "'a'", 0 }, { "[1]]", 3 }, { "{}}", 2 }, { "\"a\"\"b\"", 3 },
        { "{\"a\":1}x", 7 }, { "\"\t\"", 1 }, { "\"\x1f\"", 1 }, { "[\"a\",\n\"b\x0a\"]", 8 },
        { "{\"a\"::1}", 5 }, { "{1:1}", 1 }, { "[}", 1 }, { "{]", 1 }, { "[1}", 2 }, { "-", 1 },
        { "1e", 2 }, { "1E+", 3 }, { "[-]", 2 }, { "[1,,2]", 3 },
    };
    size_t i;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t off = parse_bad(bad[i].s, strlen(bad[i].s), NULL);
        if (off != bad[i].off) fail_msg("<%s>: offset %lu, expected %lu", bad[i].s, (unsigned long)off,
                                        (unsigned long)bad[i].off);
    }
}

static void test_trailing_garbage_and_whitespace(void **state) {
    clickup_json_doc *doc;
    (void)state;
    assert_int_equal(parse_bad(LIT("[1] x"), NULL), 4);
    assert_int_equal(parse_bad(LIT("1 2"), NULL), 2);
    assert_int_equal(parse_bad(LIT("{\"a\":1}}"), NULL), 7);
    assert_int_equal(parse_bad(LIT("\"a\"b"), NULL), 3);
    assert_int_equal(parse_bad(LIT("nullx"), NULL), 4);
    assert_int_equal(parse_bad(LIT("true false"), NULL), 5);
    assert_int_equal(parse_bad(LIT(" [] \n ,"), NULL), 6);
    assert_int_equal(parse_bad(LIT("\f[1]"), NULL), 0);          /* form feed is not whitespace */
    assert_int_equal(parse_bad(LIT("[1]\v"), NULL), 3);
    assert_int_equal(parse_bad(LIT("[1]\xc2\xa0"), NULL), 3);   /* nor is U+00A0 */

    doc = parse_ok(LIT(" \t\r\n[ 1 ,\n\t2 , { \"a\" : \r true } ] \n\r\t "));
    assert_int_equal(clickup_json_len(clickup_json_root(doc)), 3);
    assert_int_equal(clickup_json_as_bool(clickup_json_get(clickup_json_at(clickup_json_root(doc), 2), "a"), 0), 1);
    clickup_json_doc_free(doc);
    doc = parse_ok(LIT("\n\n7\n\n"));
    assert_int_equal(clickup_json_as_int64(clickup_json_root(doc), 0), 7);
    clickup_json_doc_free(doc);
}

static void test_empty_input(void **state) {
    clickup_json_doc *doc = (clickup_json_doc *)(uintptr_t)1;
    clickup_json_error err;
    (void)state;
    assert_int_equal(parse_bad("", 0, NULL), 0);
    assert_int_equal(parse_bad(LIT("   "), NULL), 3);
    assert_int_equal(parse_bad(LIT("\n\t\r "), NULL), 4);
    /* NULL text with length 0 is an empty input */
    err.reason = NULL;
    assert_int_equal(clickup_json_parse(NULL, 0, NULL, &doc, &err), CLICKUP_ERR_JSON);
    assert_null(doc);
    assert_non_null(err.reason);
    assert_int_equal(err.offset, 0);
    /* bad arguments */
    doc = (clickup_json_doc *)(uintptr_t)1;
    assert_int_equal(clickup_json_parse(NULL, 5, NULL, &doc, NULL), CLICKUP_ERR_INVALID_ARG);
    assert_null(doc);
    assert_int_equal(clickup_json_parse("1", 1, NULL, NULL, NULL), CLICKUP_ERR_INVALID_ARG);
    /* the length is what counts, not a NUL */
    doc = NULL;
    assert_int_equal(clickup_json_parse("[1]garbage", 3, NULL, &doc, NULL), CLICKUP_OK);
    assert_int_equal(clickup_json_len(clickup_json_root(doc)), 1);
    clickup_json_doc_free(doc);
    /* err may be NULL */
    doc = (clickup_json_doc *)(uintptr_t)1;
    assert_int_equal(clickup_json_parse("[", 1, NULL, &doc, NULL), CLICKUP_ERR_JSON);
    assert_null(doc);
}

static char *nested(size_t depth, const char *open, const char *mid, const char *close, size_t *len) {
    size_t lo = strlen(open), lm = strlen(mid), lc = strlen(close), i;
    char *s = (char *)malloc(depth * (lo + lc) + lm + 1), *p = s;
    assert_non_null(s);
    for (i = 0; i < depth; i++) { memcpy(p, open, lo); p += lo; }
    memcpy(p, mid, lm); p += lm;
    for (i = 0; i < depth; i++) { memcpy(p, close, lc); p += lc; }
    *p = '\0';
    *len = (size_t)(p - s);
    return s;
}

static void test_depth(void **state) {
    size_t len, i;
    char *s;
    const char *why = NULL;
    clickup_json_doc *doc;
    const clickup_json *v;
    (void)state;
    /* exactly the limit: accepted, and walkable to the bottom */
    s = nested(CLICKUP_JSON_MAX_DEPTH, "[", "7", "]", &len);
    doc = parse_ok(s, len);
    v = clickup_json_root(doc);
    for (i = 0; i < CLICKUP_JSON_MAX_DEPTH; i++) {
        assert_int_equal(clickup_json_typeof(v), CLICKUP_JSON_ARRAY);
        assert_int_equal(clickup_json_len(v), 1);
        v = clickup_json_at(v, 0);
    }
    assert_int_equal(clickup_json_as_int64(v, 0), 7);
    clickup_json_doc_free(doc);
    free(s);
    /* one more: rejected at the innermost opening bracket, with a reason about nesting */
    s = nested(CLICKUP_JSON_MAX_DEPTH + 1, "[", "", "]", &len);
    assert_int_equal(parse_bad(s, len, &why), CLICKUP_JSON_MAX_DEPTH);
    assert_non_null(strstr(why, "nesting"));
    free(s);
    /* objects count the same */
    s = nested(CLICKUP_JSON_MAX_DEPTH, "{\"a\":", "{}", "}", &len);
    assert_int_equal(parse_bad(s, len, &why), (size_t)CLICKUP_JSON_MAX_DEPTH * 5);
    assert_non_null(strstr(why, "nesting"));
    free(s);
    s = nested(CLICKUP_JSON_MAX_DEPTH - 1, "{\"a\":", "[]", "}", &len);
    doc = parse_ok(s, len);
    clickup_json_doc_free(doc);
    free(s);
    /* 100000 '[' : rejected without crash, also when closed */
    s = nested(100000, "[", "", "", &len);
    parse_bad(s, len, &why);
    assert_non_null(strstr(why, "nesting"));
    free(s);
    s = nested(100000, "[", "", "]", &len);
    parse_bad(s, len, &why);
    assert_non_null(strstr(why, "nesting"));
    free(s);
    s = nested(100000, "{\"\":", "", "", &len);
    parse_bad(s, len, NULL);
    free(s);
}

static void test_wide(void **state) {
    /* 200000 items in one array and 50000 members in one object: the value stack grows */
    size_t n = 200000, i, len = 0;
    char *s = (char *)malloc(n * 16 + 16);
    clickup_json_doc *doc;
    const clickup_json *r;
    (void)state;
    assert_non_null(s);
    s[len++] = '[';
    for (i = 0; i < n; i++) len += (size_t)sprintf(s + len, "%s%lu", i ? "," : "", (unsigned long)i);
    s[len++] = ']';
    doc = parse_ok(s, len);
    r = clickup_json_root(doc);
    assert_int_equal(clickup_json_len(r), n);
    for (i = 0; i < n; i += 9973) assert_int_equal(clickup_json_as_int64(clickup_json_at(r, i), -1), (int64_t)i);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, n - 1), -1), (int64_t)(n - 1));
    assert_null(clickup_json_at(r, n));
    clickup_json_doc_free(doc);
    n = 50000; len = 0;
    s[len++] = '{';
    for (i = 0; i < n; i++) len += (size_t)sprintf(s + len, "%s\"k%lu\":[%lu]", i ? "," : "", (unsigned long)i, (unsigned long)i);
    s[len++] = '}';
    doc = parse_ok(s, len);
    r = clickup_json_root(doc);
    assert_int_equal(clickup_json_len(r), n);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(clickup_json_get(r, "k49999"), 0), -1), 49999);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(clickup_json_get(r, "k0"), 0), -1), 0);
    clickup_json_doc_free(doc);
    free(s);
}

static void test_int64(void **state) {
    clickup_json_doc *doc = parse_ok(LIT(
        "[9223372036854775807,9223372036854775808,-9223372036854775808,-9223372036854775809,"
        "0,-0,1.5,1e3,1E0,12345678901234567890123,\"1567780450202\",\"-42\",\"12a\",\"\",\" 1\","
        "\"1.5\",\"9223372036854775808\",true,null,[1],{\"a\":1},\"-\",\"0\",1.0]"));
    const clickup_json *r = clickup_json_root(doc);
    int64_t x = 99;
    (void)state;
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 0), 1), INT64_MAX);
    assert_int_equal(clickup_json_int64(clickup_json_at(r, 0), &x), CLICKUP_OK);
    assert_true(x == INT64_MAX);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 1), 42), 42);
    x = 99;
    assert_int_equal(clickup_json_int64(clickup_json_at(r, 1), &x), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(x, 99);
    assert_true(clickup_json_as_int64(clickup_json_at(r, 2), 1) == INT64_MIN);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 3), 42), 42);
    assert_int_equal(clickup_json_int64(clickup_json_at(r, 3), &x), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 4), 42), 0);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 5), 42), 0);
    /* not integers */
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 6), 42), 42);
    assert_int_equal(clickup_json_int64(clickup_json_at(r, 6), &x), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 7), 42), 42);
    assert_true(clickup_json_as_double(clickup_json_at(r, 7), 0) == 1000.0);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 8), 42), 42);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 9), 42), 42);
    /* numeric strings (ClickUp sends dates and ids as strings) */
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 10), 0), INT64_C(1567780450202));
    assert_int_equal(clickup_json_int64(clickup_json_at(r, 10), NULL), CLICKUP_OK);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 11), 0), -42);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 12), 7), 7);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 13), 7), 7);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 14), 7), 7);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 15), 7), 7);
    assert_true(clickup_json_as_double(clickup_json_at(r, 15), 0) == 1.5);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 16), 7), 7);
    assert_int_equal(clickup_json_int64(clickup_json_at(r, 16), &x), CLICKUP_ERR_BAD_RESPONSE);
    /* other types */
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 17), 7), 7);
    assert_int_equal(clickup_json_int64(clickup_json_at(r, 17), &x), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 18), 7), 7);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 19), 7), 7);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 20), 7), 7);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 21), 7), 7);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 22), 7), 0);
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 23), 7), 7);   /* 1.0 is not an integer literal */
    assert_true(clickup_json_as_double(clickup_json_at(r, 23), 0) == 1.0);
    clickup_json_doc_free(doc);
}

static void test_numbers(void **state) {
    clickup_json_doc *doc = parse_ok(LIT("[-0,1e400,-1e400,1e-400,-0.0,0.1,5e-324,1.7976931348623157e308,"
                                         "\"2.5\",\"abc\",\"1e400\",true,\"\",123.456e-2,\" 1\",\"1.\"]"));
    const clickup_json *r = clickup_json_root(doc);
    double d;
    (void)state;
    d = clickup_json_as_double(clickup_json_at(r, 0), 1.0);
    assert_true(d == 0.0 && signbit(d));
    assert_string_equal(clickup_json_number_text(clickup_json_at(r, 0)), "-0");
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 0), 9), 0);
    d = clickup_json_as_double(clickup_json_at(r, 1), 0.0);
    assert_true(isinf(d) && d > 0);
    assert_string_equal(clickup_json_number_text(clickup_json_at(r, 1)), "1e400");
    assert_int_equal(clickup_json_as_int64(clickup_json_at(r, 1), 9), 9);
    d = clickup_json_as_double(clickup_json_at(r, 2), 0.0);
    assert_true(isinf(d) && d < 0);
    assert_true(clickup_json_as_double(clickup_json_at(r, 3), 1.0) == 0.0);
    d = clickup_json_as_double(clickup_json_at(r, 4), 1.0);
    assert_true(d == 0.0 && signbit(d));
    assert_true(clickup_json_as_double(clickup_json_at(r, 5), 0) == 0.1);
    assert_true(clickup_json_as_double(clickup_json_at(r, 6), 0) == 5e-324);
    assert_true(clickup_json_as_double(clickup_json_at(r, 7), 0) == DBL_MAX);
    assert_true(clickup_json_as_double(clickup_json_at(r, 8), 0) == 2.5);      /* numeric string */
    assert_true(clickup_json_as_double(clickup_json_at(r, 9), -3.0) == -3.0);
    assert_true(isinf(clickup_json_as_double(clickup_json_at(r, 10), 0)));
    assert_true(clickup_json_as_double(clickup_json_at(r, 11), -3.0) == -3.0);
    assert_true(clickup_json_as_double(clickup_json_at(r, 12), -3.0) == -3.0);
    assert_true(clickup_json_as_double(clickup_json_at(r, 13), 0) == 123.456e-2);
    assert_true(clickup_json_as_double(clickup_json_at(r, 14), -3.0) == -3.0);
    assert_true(clickup_json_as_double(clickup_json_at(r, 15), -3.0) == -3.0);
    assert_null(clickup_json_number_text(clickup_json_at(r, 8)));
    clickup_json_doc_free(doc);
}

static void test_as_bool_and_strings(void **state) {
    clickup_json_doc *doc = parse_ok(LIT("[true,false,\"true\",1,0,null,\"s\"]"));
    const clickup_json *r = clickup_json_root(doc);
    size_t n = 99;
    (void)state;
    assert_int_equal(clickup_json_as_bool(clickup_json_at(r, 0), -1), 1);
    assert_int_equal(clickup_json_as_bool(clickup_json_at(r, 1), -1), 0);
    assert_int_equal(clickup_json_as_bool(clickup_json_at(r, 2), -1), -1);
    assert_int_equal(clickup_json_as_bool(clickup_json_at(r, 3), -1), -1);
    assert_int_equal(clickup_json_as_bool(clickup_json_at(r, 4), -1), -1);
    assert_int_equal(clickup_json_as_bool(clickup_json_at(r, 5), -1), -1);
    assert_string_equal(clickup_json_as_string(clickup_json_at(r, 6), "fb", &n), "s");
    assert_int_equal(n, 1);
    assert_string_equal(clickup_json_as_string(clickup_json_at(r, 0), "fb", &n), "fb");
    assert_int_equal(n, 2);
    assert_null(clickup_json_as_string(clickup_json_at(r, 3), NULL, &n));
    assert_int_equal(n, 0);
    assert_string_equal(clickup_json_as_string(clickup_json_at(r, 6), NULL, NULL), "s");
    clickup_json_doc_free(doc);
}

static void test_navigation(void **state) {
    clickup_json_doc *doc = parse_ok(LIT("{\"arr\":[1,2],\"str\":\"x\",\"num\":3,\"nul\":null,\"obj\":{\"deep\":{\"er\":5}}}"));
    const clickup_json *r = clickup_json_root(doc), *arr = clickup_json_get(r, "arr");
    const char *k = "unchanged";
    size_t kl = 77;
    (void)state;
    /* get on non-objects */
    assert_null(clickup_json_get(arr, "0"));
    assert_null(clickup_json_get(clickup_json_get(r, "str"), "x"));
    assert_null(clickup_json_get(clickup_json_get(r, "num"), "a"));
    assert_null(clickup_json_get(clickup_json_get(r, "nul"), "a"));
    assert_null(clickup_json_get(r, "missing"));
    assert_null(clickup_json_get(r, ""));
    assert_null(clickup_json_get(r, "ar"));          /* prefix of a key */
    assert_null(clickup_json_get(r, "arrr"));
    assert_non_null(clickup_json_getn(r, "arrr", 3)); /* getn uses the length */
    assert_null(clickup_json_get(r, NULL));
    assert_null(clickup_json_getn(r, NULL, 0));
    /* at out of range / on non-arrays */
    assert_non_null(clickup_json_at(arr, 1));
    assert_null(clickup_json_at(arr, 2));
    assert_null(clickup_json_at(arr, (size_t)-1));
    assert_null(clickup_json_at(r, 0));
    assert_null(clickup_json_at(clickup_json_get(r, "str"), 0));
    /* member on non-objects and out of range leaves the outputs alone */
    assert_null(clickup_json_member(arr, 0, &k, &kl));
    assert_null(clickup_json_member(r, 5, &k, &kl));
    assert_string_equal(k, "unchanged");
    assert_int_equal(kl, 77);
    assert_non_null(clickup_json_member(r, 4, NULL, NULL));
    /* chains through missing links need no checks */
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_get(clickup_json_get(r, "obj"), "deep"), "er"), 0), 5);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_get(clickup_json_get(r, "nope"), "deep"), "er"), -5), -5);
    clickup_json_doc_free(doc);
}

static void test_null_tolerance(void **state) {
    const char *k = "unchanged";
    size_t kl = 5, n = 9;
    int64_t x = 3;
    (void)state;
    assert_null(clickup_json_root(NULL));
    clickup_json_doc_free(NULL);
    assert_int_equal(clickup_json_typeof(NULL), CLICKUP_JSON_NULL);
    assert_false(clickup_json_is(NULL, CLICKUP_JSON_NULL));
    assert_false(clickup_json_is(NULL, CLICKUP_JSON_OBJECT));
    assert_int_equal(clickup_json_len(NULL), 0);
    assert_null(clickup_json_get(NULL, "a"));
    assert_null(clickup_json_get(NULL, NULL));
    assert_null(clickup_json_getn(NULL, "a", 1));
    assert_null(clickup_json_at(NULL, 0));
    assert_null(clickup_json_member(NULL, 0, &k, &kl));
    assert_string_equal(k, "unchanged");
    assert_null(clickup_json_member(NULL, 0, NULL, NULL));
    assert_string_equal(clickup_json_as_string(NULL, "fb", &n), "fb");
    assert_int_equal(n, 2);
    assert_null(clickup_json_as_string(NULL, NULL, &n));
    assert_int_equal(n, 0);
    assert_null(clickup_json_as_string(NULL, NULL, NULL));
    assert_int_equal(clickup_json_as_int64(NULL, -7), -7);
    assert_int_equal(clickup_json_int64(NULL, &x), CLICKUP_ERR_BAD_RESPONSE);
    assert_int_equal(x, 3);
    assert_int_equal(clickup_json_int64(NULL, NULL), CLICKUP_ERR_BAD_RESPONSE);
    assert_true(clickup_json_as_double(NULL, 2.5) == 2.5);
    assert_int_equal(clickup_json_as_bool(NULL, -1), -1);
    assert_null(clickup_json_number_text(NULL));
    assert_true(clickup_json_equal(NULL, NULL));
    {
        clickup_json_doc *doc = parse_ok(LIT("null"));
        assert_false(clickup_json_equal(NULL, clickup_json_root(doc)));
        assert_false(clickup_json_equal(clickup_json_root(doc), NULL));
        clickup_json_doc_free(doc);
    }
}

static void test_duplicates_and_order(void **state) {
    clickup_json_doc *doc = parse_ok(LIT("{\"z\":0,\"a\":1,\"m\":2,\"a\":3,\"b\":4,\"\":5,\"a\":6}"));
    const clickup_json *r = clickup_json_root(doc);
    static const char *const keys[] = { "z", "a", "m", "a", "b", "", "a" };
    size_t i, kl;
    const char *k;
    (void)state;
    assert_int_equal(clickup_json_len(r), 7);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(r, "a"), -1), 1);   /* the first one */
    assert_int_equal(clickup_json_as_int64(clickup_json_get(r, ""), -1), 5);
    for (i = 0; i < 7; i++) {
        const clickup_json *v = clickup_json_member(r, i, &k, &kl);
        assert_non_null(v);
        assert_string_equal(k, keys[i]);
        assert_int_equal(kl, strlen(keys[i]));
        assert_int_equal(clickup_json_as_int64(v, -1), (int64_t)i);
    }
    assert_true(clickup_json_get(r, "a") == clickup_json_member(r, 1, NULL, NULL));
    clickup_json_doc_free(doc);
}

static int json_eq(const char *a, const char *b) {
    clickup_json_doc *da = parse_ok(a, strlen(a)), *db = parse_ok(b, strlen(b));
    int eq = clickup_json_equal(clickup_json_root(da), clickup_json_root(db));
    int back = clickup_json_equal(clickup_json_root(db), clickup_json_root(da));
    assert_int_equal(eq, back);     /* symmetric */
    clickup_json_doc_free(da);
    clickup_json_doc_free(db);
    return eq;
}

static void test_equal(void **state) {
    (void)state;
    assert_true(json_eq("{\"a\":[1,2,{\"b\":null}]}", " { \"a\" : [ 1 , 2 , { \"b\" : null } ] } "));
    assert_true(json_eq("1.0", "1"));
    assert_true(json_eq("100", "1e2"));
    assert_true(json_eq("-0", "0"));
    assert_true(json_eq("0.5", "5E-1"));
    assert_true(json_eq("\"\\u0041\"", "\"A\""));
    assert_true(json_eq("[]", "[ ]"));
    assert_true(json_eq("{}", "{ }"));
    assert_true(json_eq("null", "null"));
    assert_true(json_eq("true", "true"));
    assert_true(json_eq("{\"a\":1,\"a\":2}", "{\"a\":1,\"a\":2}"));
    assert_false(json_eq("true", "false"));
    assert_false(json_eq("1", "2"));
    assert_false(json_eq("1", "\"1\""));
    assert_false(json_eq("null", "false"));
    assert_false(json_eq("[]", "{}"));
    assert_false(json_eq("[1,2]", "[2,1]"));
    assert_false(json_eq("[1,2]", "[1,2,3]"));
    assert_false(json_eq("[1,2,3]", "[1,2]"));
    assert_false(json_eq("{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}"));   /* same order required */
    assert_false(json_eq("{\"a\":1}", "{\"a\":1,\"b\":2}"));
    assert_false(json_eq("{\"a\":1}", "{\"b\":1}"));
    assert_false(json_eq("{\"a\":{\"b\":[1,{\"c\":true}]}}", "{\"a\":{\"b\":[1,{\"c\":false}]}}"));
    assert_false(json_eq("\"a\\u0000b\"", "\"a\\u0000c\""));
    assert_false(json_eq("\"a\"", "\"a\\u0000\""));
    assert_false(json_eq("\"ab\"", "\"abc\""));
    assert_false(json_eq("0.1", "0.2"));
}

/* clickup.h documents "numbers equal as literals or as values". Integers beyond 2^53 are distinct
   values even though they round to the same double; so are numbers beyond the double range.
   (Exposes a bug: clickup_json_equal compares through strtod.) */
static void test_equal_big_integers(void **state) {
    (void)state;
    assert_true(json_eq("9007199254740993", "9007199254740993"));
    assert_true(json_eq("9007199254740993", "9007199254740993.0"));
    assert_false(json_eq("9007199254740993", "9007199254740992"));
    assert_false(json_eq("[12345678901234567891]", "[12345678901234567890]"));
    assert_false(json_eq("1e400", "2e400"));
}

/* The JSON functions are documented as pure, and the writer forces '.' whatever the C locale:
   reading numbers must not depend on LC_NUMERIC either. Needs a decimal-comma locale (de_DE,
   fr_FR, ...); skipped when none is installed. (Exposes a bug: as_double and equal use strtod.) */
static int restore_c_locale(void **state) {
    (void)state;
    setlocale(LC_ALL, "C");
    return 0;
}

static void test_locale_independence(void **state) {
    static const char *const names[] = { "de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "fr_FR.utf8",
                                         "fr_FR", "it_IT.UTF-8", "nl_NL.UTF-8", "ru_RU.UTF-8", "pt_BR.UTF-8" };
    size_t i;
    const char *got = NULL;
    clickup_json_doc *doc;
    const clickup_json *r;
    clickup_json_writer w;
    (void)state;
    for (i = 0; i < sizeof names / sizeof names[0] && !got; i++)
        if (setlocale(LC_NUMERIC, names[i]) && localeconv()->decimal_point[0] == ',') got = names[i];
    if (!got) {
        setlocale(LC_NUMERIC, "C");
        printf("locale: no decimal-comma locale installed, test skipped\n");
        skip();
        return;
    }
    doc = parse_ok(LIT("[1.5,1.25,1.75,\"2.5\",1e-1]"));
    r = clickup_json_root(doc);
    if (clickup_json_as_double(clickup_json_at(r, 0), -1.0) != 1.5)
        fail_msg("under LC_NUMERIC=%s, as_double(1.5) = %g", got, clickup_json_as_double(clickup_json_at(r, 0), -1.0));
    assert_true(clickup_json_as_double(clickup_json_at(r, 3), -1.0) == 2.5);
    assert_false(clickup_json_equal(clickup_json_at(r, 1), clickup_json_at(r, 2)));
    assert_true(clickup_json_as_double(clickup_json_at(r, 4), -1.0) == 0.1);
    clickup_json_doc_free(doc);
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    clickup_jw_double(&w, 0.1);
    clickup_jw_double(&w, 1.5);
    clickup_jw_array_end(&w);
    assert_string_equal(writer_ok(&w, NULL), "[0.1,1.5]");
    clickup_json_writer_free(&w);
    setlocale(LC_NUMERIC, "C");
}

/* ==== writer unit cases ====================================================================== */

static void test_writer_escaping(void **state) {
    clickup_json_writer w;
    char in[40], want[400], *o = want;
    const char *text;
    size_t n, i;
    clickup_json_doc *doc;
    (void)state;
    clickup_json_writer_init(&w, NULL);
    clickup_jw_string(&w, "q\"b\\s/");
    assert_string_equal(writer_ok(&w, NULL), "\"q\\\"b\\\\s/\"");
    clickup_json_writer_free(&w);

    /* all control characters 0x00-0x1F, then DEL */
    for (i = 0; i < 32; i++) in[i] = (char)i;
    in[32] = 0x7f;
    *o++ = '"';
    for (i = 0; i < 32; i++) {
        switch (i) {
        case '\b': o += sprintf(o, "\\b"); break;
        case '\f': o += sprintf(o, "\\f"); break;
        case '\n': o += sprintf(o, "\\n"); break;
        case '\r': o += sprintf(o, "\\r"); break;
        case '\t': o += sprintf(o, "\\t"); break;
        default: o += sprintf(o, "\\u%04x", (unsigned)i); break;
        }
    }
    *o++ = 0x7f;
    *o++ = '"';
    *o = '\0';
    clickup_json_writer_init(&w, NULL);
    clickup_jw_stringn(&w, in, 33);
    text = writer_ok(&w, &n);
    assert_string_equal(text, want);
    doc = parse_ok(text, n);
    assert_int_equal(clickup_json_len(clickup_json_root(doc)), 33);
    assert_memory_equal(clickup_json_as_string(clickup_json_root(doc), NULL, NULL), in, 33);
    clickup_json_doc_free(doc);
    clickup_json_writer_free(&w);

    /* keys are escaped the same way */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    clickup_jw_keyn(&w, "k\"\0\n", 4);
    clickup_jw_null(&w);
    clickup_jw_object_end(&w);
    assert_string_equal(writer_ok(&w, NULL), "{\"k\\\"\\u0000\\n\":null}");
    clickup_json_writer_free(&w);

    /* non-ASCII UTF-8 passes through unescaped */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_string(&w, "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\xed\x9f\xbf\xee\x80\x80");
    assert_string_equal(writer_ok(&w, NULL), "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xf4\x8f\xbf\xbf\xed\x9f\xbf\xee\x80\x80\"");
    clickup_json_writer_free(&w);

    /* NULL string -> null; empty string */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    clickup_jw_string(&w, NULL);
    clickup_jw_stringn(&w, NULL, 3);
    clickup_jw_string(&w, "");
    clickup_jw_stringn(&w, "abc", 0);
    clickup_jw_array_end(&w);
    assert_string_equal(writer_ok(&w, NULL), "[null,null,\"\",\"\"]");
    clickup_json_writer_free(&w);
}

static void test_writer_invalid_utf8(void **state) {
    static const char *const bad[] = {
        "\xc3", "a\xc3", "\xc0\xaf", "\xc1\xbf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xed\xbf\xbf",
        "\xf0\x80\x80\xaf", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\xff", "\xfe", "\x80", "ok\xbf",
        "\xe2\x82", "\xf0\x9f\x98", "\xf8\x88\x80\x80\x80",
    };
    size_t i;
    clickup_json_writer w;
    (void)state;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        clickup_json_writer_init(&w, NULL);
        clickup_jw_string(&w, bad[i]);
        assert_int_equal(writer_rc(&w), CLICKUP_ERR_INVALID_ARG);
        clickup_json_writer_free(&w);
        /* as a key */
        clickup_json_writer_init(&w, NULL);
        clickup_jw_object_begin(&w);
        clickup_jw_key(&w, bad[i]);
        clickup_jw_int64(&w, 1);
        clickup_jw_object_end(&w);
        assert_int_equal(writer_rc(&w), CLICKUP_ERR_INVALID_ARG);
        clickup_json_writer_free(&w);
        /* inside a bigger document, the error is sticky */
        clickup_json_writer_init(&w, NULL);
        clickup_jw_array_begin(&w);
        clickup_jw_string(&w, "fine");
        clickup_jw_string(&w, bad[i]);
        clickup_jw_string(&w, "fine again");
        clickup_jw_array_end(&w);
        assert_int_equal(writer_rc(&w), CLICKUP_ERR_INVALID_ARG);
        clickup_json_writer_free(&w);
    }
    /* a truncated sequence is invalid even when the next byte would complete it */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_stringn(&w, "\xc3\xa9", 1);
    assert_int_equal(writer_rc(&w), CLICKUP_ERR_INVALID_ARG);
    clickup_json_writer_free(&w);
}

static void test_writer_numbers(void **state) {
    static const double ds[] = { 0.1, 1e-300, 5e-324, 1.7976931348623157e308, 123456789.123, -0.0, 0.0,
                                 -2.5, 1e21, 1e22, 9007199254740993.0, DBL_MIN, -DBL_MAX, 2.2250738585072009e-308,
                                 1.0 / 3.0, 100.0, 1e-7, 4.35, 0.30000000000000004 };
    clickup_json_writer w;
    clickup_json_doc *doc;
    const clickup_json *r;
    const char *text;
    size_t n, i;
    (void)state;
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    clickup_jw_int64(&w, INT64_MIN);
    clickup_jw_int64(&w, INT64_MAX);
    clickup_jw_int64(&w, 0);
    clickup_jw_int64(&w, -1);
    clickup_jw_array_end(&w);
    text = writer_ok(&w, &n);
    assert_string_equal(text, "[-9223372036854775808,9223372036854775807,0,-1]");
    doc = parse_ok(text, n);
    assert_true(clickup_json_as_int64(clickup_json_at(clickup_json_root(doc), 0), 0) == INT64_MIN);
    assert_true(clickup_json_as_int64(clickup_json_at(clickup_json_root(doc), 1), 0) == INT64_MAX);
    clickup_json_doc_free(doc);
    clickup_json_writer_free(&w);

    /* doubles read back to the same bits */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < sizeof ds / sizeof ds[0]; i++) clickup_jw_double(&w, ds[i]);
    clickup_jw_array_end(&w);
    text = writer_ok(&w, &n);
    doc = parse_ok(text, n);
    r = clickup_json_root(doc);
    assert_int_equal(clickup_json_len(r), sizeof ds / sizeof ds[0]);
    for (i = 0; i < sizeof ds / sizeof ds[0]; i++) {
        double got = clickup_json_as_double(clickup_json_at(r, i), NAN);
        if (!same_double_bits(got, ds[i]))
            fail_msg("double %.17g came back as %.17g (%s)", ds[i], got, clickup_json_number_text(clickup_json_at(r, i)));
    }
    /* the shortest form is used */
    assert_string_equal(clickup_json_number_text(clickup_json_at(r, 0)), "0.1");
    assert_string_equal(clickup_json_number_text(clickup_json_at(r, 4)), "123456789.123");
    assert_string_equal(clickup_json_number_text(clickup_json_at(r, 5)), "-0");
    assert_string_equal(clickup_json_number_text(clickup_json_at(r, 15)), "100");
    clickup_json_doc_free(doc);
    clickup_json_writer_free(&w);

    /* NaN and infinities have no JSON form */
    {
        const double badd[] = { NAN, INFINITY, -INFINITY, -NAN };
        for (i = 0; i < 4; i++) {
            clickup_json_writer_init(&w, NULL);
            clickup_jw_array_begin(&w);
            clickup_jw_double(&w, 1.0);
            clickup_jw_double(&w, badd[i]);
            clickup_jw_array_end(&w);
            assert_int_equal(writer_rc(&w), CLICKUP_ERR_INVALID_ARG);
            clickup_json_writer_free(&w);
            clickup_json_writer_init(&w, NULL);
            clickup_jw_double(&w, badd[i]);
            assert_int_equal(writer_rc(&w), CLICKUP_ERR_INVALID_ARG);
            clickup_json_writer_free(&w);
        }
    }
}

static void test_writer_nesting(void **state) {
    clickup_json_writer w;
    counting_alloc ca;
    clickup_allocator al = ca_allocator(&ca);
    unsigned i;
    const char *text;
    size_t n;
    clickup_json_doc *doc;
    (void)state;
    clickup_json_writer_init(&w, &al);
    clickup_jw_object_begin(&w);
    clickup_jw_key(&w, "a");
    clickup_jw_array_begin(&w);
    clickup_jw_int64(&w, 1);
    clickup_jw_object_begin(&w);
    clickup_jw_key(&w, "b");
    clickup_jw_null(&w);
    clickup_jw_key(&w, "t");
    clickup_jw_bool(&w, 1);
    clickup_jw_object_end(&w);
    clickup_jw_array_begin(&w);
    clickup_jw_array_end(&w);
    clickup_jw_bool(&w, 0);
    clickup_jw_array_end(&w);
    clickup_jw_key(&w, "c");
    clickup_jw_object_begin(&w);
    clickup_jw_object_end(&w);
    clickup_jw_key(&w, "d");
    clickup_jw_string(&w, "e");
    clickup_jw_object_end(&w);
    assert_string_equal(writer_ok(&w, NULL), "{\"a\":[1,{\"b\":null,\"t\":true},[],false],\"c\":{},\"d\":\"e\"}");
    clickup_json_writer_free(&w);
    assert_int_equal(ca.outstanding, 0);
    assert_true(ca.mallocs + ca.reallocs > 0);     /* the allocator was used */
    assert_int_equal(ca.size_mismatch, 0);

    /* scalars as the root */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_bool(&w, 7);
    assert_string_equal(writer_ok(&w, NULL), "true");
    clickup_json_writer_free(&w);
    clickup_json_writer_init(&w, NULL);
    clickup_jw_null(&w);
    assert_string_equal(writer_ok(&w, NULL), "null");
    clickup_json_writer_free(&w);

    /* CLICKUP_JSON_WRITER_DEPTH levels fit, one more does not */
    clickup_json_writer_init(&w, NULL);
    for (i = 0; i < CLICKUP_JSON_WRITER_DEPTH; i++) clickup_jw_array_begin(&w);
    for (i = 0; i < CLICKUP_JSON_WRITER_DEPTH; i++) clickup_jw_array_end(&w);
    text = writer_ok(&w, &n);
    assert_int_equal(n, 2 * CLICKUP_JSON_WRITER_DEPTH);
    clickup_json_writer_free(&w);
    clickup_json_writer_init(&w, NULL);
    for (i = 0; i < CLICKUP_JSON_WRITER_DEPTH + 1; i++) clickup_jw_array_begin(&w);
    for (i = 0; i < CLICKUP_JSON_WRITER_DEPTH + 1; i++) clickup_jw_array_end(&w);
    assert_int_equal(writer_rc(&w), CLICKUP_ERR_INVALID_ARG);
    clickup_json_writer_free(&w);

    /* a long document (buffer growth) parses back */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < 20000; i++) {
        clickup_jw_object_begin(&w);
        clickup_jw_key(&w, "i");
        clickup_jw_int64(&w, (int64_t)i);
        clickup_jw_object_end(&w);
    }
    clickup_jw_array_end(&w);
    text = writer_ok(&w, &n);
    doc = parse_ok(text, n);
    assert_int_equal(clickup_json_len(clickup_json_root(doc)), 20000);
    assert_int_equal(clickup_json_as_int64(clickup_json_get(clickup_json_at(clickup_json_root(doc), 19999), "i"), 0), 19999);
    clickup_json_doc_free(doc);
    clickup_json_writer_free(&w);
}

static void test_writer_misnesting(void **state) {
    clickup_json_writer w;
    int scenario;
    (void)state;
    for (scenario = 0; scenario < 16; scenario++) {
        clickup_json_writer_init(&w, NULL);
        switch (scenario) {
        case 0: clickup_jw_object_end(&w); break;                                  /* end without begin */
        case 1: clickup_jw_array_end(&w); break;
        case 2: clickup_jw_object_begin(&w); clickup_jw_array_end(&w); break;       /* wrong closer */
        case 3: clickup_jw_array_begin(&w); clickup_jw_object_end(&w); break;
        case 4: clickup_jw_key(&w, "k"); break;                                     /* key at the root */
        case 5: clickup_jw_array_begin(&w); clickup_jw_key(&w, "k"); clickup_jw_null(&w);
                clickup_jw_array_end(&w); break;                                    /* key in an array */
        case 6: clickup_jw_object_begin(&w); clickup_jw_int64(&w, 1);
                clickup_jw_object_end(&w); break;                                   /* value without key */
        case 7: clickup_jw_object_begin(&w); clickup_jw_key(&w, "a"); clickup_jw_key(&w, "b");
                clickup_jw_null(&w); clickup_jw_object_end(&w); break;              /* two keys */
        case 8: clickup_jw_object_begin(&w); clickup_jw_key(&w, "a");
                clickup_jw_object_end(&w); break;                                   /* key without value */
        case 9: clickup_jw_object_begin(&w); clickup_jw_key(&w, "a"); clickup_jw_array_begin(&w); break;
        case 10: break;                                                             /* nothing written */
        case 11: clickup_jw_null(&w); clickup_jw_null(&w); break;                   /* two roots */
        case 12: clickup_jw_array_begin(&w); clickup_jw_array_end(&w); clickup_jw_int64(&w, 1); break;
        case 13: clickup_jw_object_begin(&w); clickup_jw_object_end(&w); clickup_jw_object_end(&w); break;
        case 14: clickup_jw_object_begin(&w); clickup_jw_key(&w, NULL); clickup_jw_null(&w);
                 clickup_jw_object_end(&w); break;                                  /* NULL key */
        default: clickup_jw_object_begin(&w); clickup_jw_string(&w, "k");
                 clickup_jw_null(&w); clickup_jw_object_end(&w); break;             /* string, not key */
        }
        if (writer_rc(&w) != CLICKUP_ERR_INVALID_ARG) fail_msg("misnesting scenario %d not rejected", scenario);
        clickup_jw_null(&w);
        if (scenario == 10) {
            assert_int_equal(writer_rc(&w), CLICKUP_OK);           /* nothing was wrong yet */
        } else {
            assert_int_equal(writer_rc(&w), CLICKUP_ERR_INVALID_ARG);   /* sticky */
        }
        clickup_json_writer_free(&w);
    }
    clickup_json_writer_free(NULL);
    assert_int_equal(clickup_json_writer_finish(NULL, NULL, NULL), CLICKUP_ERR_INVALID_ARG);
}

static void test_writer_raw_and_value(void **state) {
    clickup_json_writer w;
    clickup_json_doc *doc, *again;
    const char *text;
    size_t n;
    (void)state;
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    clickup_jw_raw(&w, LIT(" { \"x\" : [ 1 , 2.50 , \"\\u00e9\\n\" ] , \"y\" : null } "));
    clickup_jw_int64(&w, 3);
    clickup_jw_raw(&w, LIT("true"));
    clickup_jw_array_end(&w);
    assert_string_equal(writer_ok(&w, NULL), "[{\"x\":[1,2.50,\"\xc3\xa9\\n\"],\"y\":null},3,true]");
    clickup_json_writer_free(&w);

    /* as an object member */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    clickup_jw_key(&w, "v");
    clickup_jw_raw(&w, LIT("[ ]"));
    clickup_jw_object_end(&w);
    assert_string_equal(writer_ok(&w, NULL), "{\"v\":[]}");
    clickup_json_writer_free(&w);

    /* invalid raw text */
    {
        static const char *const bad[] = { "{", "", "1 2", "[1,]", "\"\\ud800\"", "nul", "{\"a\":1}}", "   " };
        size_t i;
        for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            clickup_result rc;
            clickup_json_writer_init(&w, NULL);
            clickup_jw_array_begin(&w);
            clickup_jw_raw(&w, bad[i], strlen(bad[i]));
            clickup_jw_array_end(&w);
            rc = writer_rc(&w);
            if (rc != CLICKUP_ERR_JSON && rc != CLICKUP_ERR_INVALID_ARG)
                fail_msg("raw <%s> accepted (rc %d)", bad[i], (int)rc);
            clickup_json_writer_free(&w);
        }
        /* NULL text */
        clickup_json_writer_init(&w, NULL);
        clickup_jw_raw(&w, NULL, 0);
        assert_true(writer_rc(&w) < 0);
        clickup_json_writer_free(&w);
    }
    /* raw in a bad place is misnesting */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    clickup_jw_raw(&w, LIT("1"));
    clickup_jw_object_end(&w);
    assert_int_equal(writer_rc(&w), CLICKUP_ERR_INVALID_ARG);
    clickup_json_writer_free(&w);

    /* clickup_jw_value copies a parsed value, literally for numbers */
    doc = parse_ok(LIT("{\"id\":\"86abc123\",\"n\":1.50e3,\"big\":123456789012345678901234567890,"
                       "\"s\":\"\\u0000\\\"\\u00e9\\ud83d\\ude00\",\"a\":[true,false,null,{},[]],\"o\":{\"k\":-0}}"));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_value(&w, clickup_json_root(doc));
    text = writer_ok(&w, &n);
    assert_string_equal(text, "{\"id\":\"86abc123\",\"n\":1.50e3,\"big\":123456789012345678901234567890,"
                              "\"s\":\"\\u0000\\\"\xc3\xa9\xf0\x9f\x98\x80\",\"a\":[true,false,null,{},[]],\"o\":{\"k\":-0}}");
    again = parse_ok(text, n);
    assert_true(clickup_json_equal(clickup_json_root(doc), clickup_json_root(again)));
    clickup_json_doc_free(again);
    clickup_json_writer_free(&w);
    /* a sub-value, inside another document; NULL -> null */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    clickup_jw_key(&w, "copy");
    clickup_jw_value(&w, clickup_json_get(clickup_json_root(doc), "a"));
    clickup_jw_key(&w, "missing");
    clickup_jw_value(&w, clickup_json_get(clickup_json_root(doc), "nope"));
    clickup_jw_object_end(&w);
    assert_string_equal(writer_ok(&w, NULL), "{\"copy\":[true,false,null,{},[]],\"missing\":null}");
    clickup_json_writer_free(&w);
    clickup_json_doc_free(doc);
}

/* ==== property test ========================================================================== */

typedef struct rng { uint64_t s; int budget; } rng;  /* budget: containers still allowed */

static uint64_t rng_next(rng *r) {      /* xorshift64* */
    uint64_t x = r->s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    r->s = x;
    return x * UINT64_C(2685821657736338717);
}
static uint32_t rng_below(rng *r, uint32_t n) { return (uint32_t)((rng_next(r) >> 32) % n); }

enum { E_NULL, E_BOOL, E_INT, E_DOUBLE, E_STRING, E_ARRAY, E_OBJECT };

typedef struct enode {
    int kind;
    int b;
    int64_t i;
    double d;
    unsigned char *s;           /* string bytes */
    size_t n;                   /* string bytes, or children */
    unsigned char *key;         /* when this node is an object member */
    size_t key_len;
    struct enode *kids;
} enode;

static void enode_free(enode *e) {
    size_t i;
    if (e->kind == E_ARRAY || e->kind == E_OBJECT) {
        for (i = 0; i < e->n; i++) enode_free(&e->kids[i]);
        free(e->kids);
    }
    free(e->s);
    free(e->key);
}

/* A random valid UTF-8 string: ASCII, quotes and backslashes, controls including NUL, 2-, 3-
   and 4-byte sequences (the surrogate range skipped). */
static unsigned char *gen_string(rng *r, size_t *len) {
    size_t units = rng_below(r, 4) == 0 ? rng_below(r, 40) : rng_below(r, 10), i, n = 0;
    unsigned char *s = (unsigned char *)malloc(units * 4 + 1);
    assert_non_null(s);
    for (i = 0; i < units; i++) {
        uint32_t cp;
        switch (rng_below(r, 10)) {
        case 0: case 1: case 2: case 3: cp = 0x20 + rng_below(r, 0x5F); break;
        case 4: { static const char sp[] = "\"\\/"; cp = (unsigned char)sp[rng_below(r, 3)]; break; }
        case 5: cp = rng_below(r, 0x20); break;
        case 6: cp = 0x80 + rng_below(r, 0x800 - 0x80); break;
        case 7: case 8:
            do cp = 0x800 + rng_below(r, 0x10000 - 0x800); while (cp >= 0xD800 && cp <= 0xDFFF);
            break;
        default: cp = 0x10000 + rng_below(r, 0x110000 - 0x10000); break;
        }
        if (rng_below(r, 50) == 0) cp = 0;              /* extra NULs */
        if (rng_below(r, 60) == 0) cp = 0x10FFFF;
        if (rng_below(r, 60) == 0) cp = 0xFFFF;
        n += utf8_put(s + n, cp);
    }
    s[n] = '\0';
    *len = n;
    return s;
}

static int64_t gen_int(rng *r) {
    uint64_t u = rng_next(r);
    int64_t v;
    switch (rng_below(r, 6)) {
    case 0: return INT64_MIN;
    case 1: return INT64_MAX;
    case 2: return (int64_t)rng_below(r, 1000) - 500;
    case 3: return (int64_t)(u >> 24);                  /* ClickUp-sized ids and dates */
    default: memcpy(&v, &u, sizeof v); return v;
    }
}

static double gen_double(rng *r) {
    static const double special[] = { 0.0, -0.0, 5e-324, -5e-324, DBL_MAX, -DBL_MAX, DBL_MIN, 0.1, 1e21,
                                      1e-7, 1.5, 9007199254740993.0, 2.2250738585072009e-308 };
    uint64_t u;
    double d;
    switch (rng_below(r, 4)) {
    case 0: return special[rng_below(r, sizeof special / sizeof special[0])];
    case 1: return (double)((int64_t)rng_below(r, 2000000) - 1000000) / 1000.0;
    default:
        do {
            u = rng_next(r);
            memcpy(&d, &u, sizeof d);
        } while (isnan(d) || isinf(d));
        return d;
    }
}

static int g_max_depth;

static void gen_value(rng *r, clickup_json_writer *w, enode *e, int depth) {
    int kind;
    size_t i;
    memset(e, 0, sizeof *e);
    if (depth > g_max_depth) g_max_depth = depth;
    if (depth == 0) kind = rng_below(r, 4) ? (rng_below(r, 2) ? E_OBJECT : E_ARRAY) : (int)rng_below(r, 7);
    else if (depth >= 8 || r->budget <= 0) kind = (int)rng_below(r, 5);
    else kind = rng_below(r, 2) ? E_ARRAY + (int)rng_below(r, 2) : (int)rng_below(r, 5);
    if (kind >= E_ARRAY) r->budget--;
    e->kind = kind;
    switch (kind) {
    case E_NULL: clickup_jw_null(w); break;
    case E_BOOL: e->b = (int)rng_below(r, 2); clickup_jw_bool(w, e->b); break;
    case E_INT: e->i = gen_int(r); clickup_jw_int64(w, e->i); break;
    case E_DOUBLE: e->d = gen_double(r); clickup_jw_double(w, e->d); break;
    case E_STRING: e->s = gen_string(r, &e->n); clickup_jw_stringn(w, (const char *)e->s, e->n); break;
    default:
        e->n = rng_below(r, 6) == 0 ? 0 : 1 + rng_below(r, depth < 3 ? 9 : 5);
        e->kids = (enode *)calloc(e->n ? e->n : 1, sizeof *e->kids);
        assert_non_null(e->kids);
        if (kind == E_ARRAY) clickup_jw_array_begin(w);
        else clickup_jw_object_begin(w);
        for (i = 0; i < e->n; i++) {
            unsigned char *key = NULL;
            size_t key_len = 0;
            if (kind == E_OBJECT) {
                if (i > 0 && rng_below(r, 12) == 0) {          /* a duplicate key now and then */
                    const enode *prev = &e->kids[rng_below(r, (uint32_t)i)];
                    key = (unsigned char *)malloc(prev->key_len + 1);
                    assert_non_null(key);
                    memcpy(key, prev->key, prev->key_len + 1);
                    key_len = prev->key_len;
                } else {
                    key = gen_string(r, &key_len);
                }
                clickup_jw_keyn(w, (const char *)key, key_len);
            }
            gen_value(r, w, &e->kids[i], depth + 1);
            e->kids[i].key = key;
            e->kids[i].key_len = key_len;
        }
        if (kind == E_ARRAY) clickup_jw_array_end(w);
        else clickup_jw_object_end(w);
        break;
    }
}

static size_t g_nodes;

/* Compare a parsed value against the expectation, with the public accessors only. */
static void expect_same(const enode *e, const clickup_json *v) {
    size_t i, n;
    const char *s;
    char buf[32];
    int64_t x;
    g_nodes++;
    assert_non_null(v);
    switch (e->kind) {
    case E_NULL:
        assert_int_equal(clickup_json_typeof(v), CLICKUP_JSON_NULL);
        break;
    case E_BOOL:
        assert_int_equal(clickup_json_typeof(v), CLICKUP_JSON_BOOL);
        assert_int_equal(clickup_json_as_bool(v, -1), e->b);
        break;
    case E_INT:
        assert_int_equal(clickup_json_typeof(v), CLICKUP_JSON_NUMBER);
        assert_int_equal(clickup_json_int64(v, &x), CLICKUP_OK);
        assert_true(x == e->i);
        assert_true(clickup_json_as_int64(v, 0) == e->i);
        snprintf(buf, sizeof buf, "%lld", (long long)e->i);
        assert_string_equal(clickup_json_number_text(v), buf);
        break;
    case E_DOUBLE: {
        double got = clickup_json_as_double(v, NAN);
        assert_int_equal(clickup_json_typeof(v), CLICKUP_JSON_NUMBER);
        if (!same_double_bits(got, e->d))
            fail_msg("double %.17g read back as %.17g from \"%s\"", e->d, got, clickup_json_number_text(v));
        break;
    }
    case E_STRING:
        assert_int_equal(clickup_json_typeof(v), CLICKUP_JSON_STRING);
        s = clickup_json_as_string(v, NULL, &n);
        assert_non_null(s);
        assert_int_equal(n, e->n);
        assert_int_equal(clickup_json_len(v), e->n);
        if (n) assert_memory_equal(s, e->s, n);
        assert_int_equal(s[n], '\0');
        break;
    case E_ARRAY:
        assert_int_equal(clickup_json_typeof(v), CLICKUP_JSON_ARRAY);
        assert_int_equal(clickup_json_len(v), e->n);
        for (i = 0; i < e->n; i++) expect_same(&e->kids[i], clickup_json_at(v, i));
        assert_null(clickup_json_at(v, e->n));
        break;
    default:
        assert_int_equal(clickup_json_typeof(v), CLICKUP_JSON_OBJECT);
        assert_int_equal(clickup_json_len(v), e->n);
        for (i = 0; i < e->n; i++) {
            const char *k = NULL;
            size_t kl = 0, first;
            const clickup_json *m = clickup_json_member(v, i, &k, &kl);
            assert_non_null(m);
            assert_int_equal(kl, e->kids[i].key_len);
            if (kl) assert_memory_equal(k, e->kids[i].key, kl);
            assert_int_equal(k[kl], '\0');
            expect_same(&e->kids[i], m);
            /* getn finds the first member with this key */
            for (first = 0; first < i; first++)
                if (e->kids[first].key_len == kl && memcmp(e->kids[first].key, e->kids[i].key, kl) == 0) break;
            assert_true(clickup_json_getn(v, (const char *)e->kids[i].key, kl) == clickup_json_member(v, first, NULL, NULL));
        }
        assert_null(clickup_json_member(v, e->n, NULL, NULL));
        break;
    }
}

static void test_property_roundtrip(void **state) {
    rng r;
    int count = 2000, i;
    size_t bytes = 0;
    (void)state;
    r.s = UINT64_C(0x9E3779B97F4A7C15);
    g_max_depth = 0;
    /* 2000 documents take a few seconds under valgrind too: no reduction for CLICKUP_UNDER_VALGRIND */
    g_nodes = 0;
    for (i = 0; i < count; i++) {
        clickup_json_writer w, w2;
        enode e;
        const char *text, *text2;
        size_t n, n2;
        clickup_json_doc *doc;
        clickup_json_writer_init(&w, NULL);
        r.budget = (int)rng_below(&r, 60);
        gen_value(&r, &w, &e, 0);
        text = writer_ok(&w, &n);
        bytes += n;
        doc = parse_ok(text, n);
        expect_same(&e, clickup_json_root(doc));
        /* writing the parsed document again gives the same bytes */
        clickup_json_writer_init(&w2, NULL);
        clickup_jw_value(&w2, clickup_json_root(doc));
        text2 = writer_ok(&w2, &n2);
        assert_int_equal(n2, n);
        assert_memory_equal(text2, text, n);
        assert_true(clickup_json_equal(clickup_json_root(doc), clickup_json_root(doc)));
        clickup_json_writer_free(&w2);
        clickup_json_doc_free(doc);
        clickup_json_writer_free(&w);
        enode_free(&e);
    }
    printf("property: %d random documents (%lu nodes, %lu bytes, depth up to %d) round-tripped\n", count,
           (unsigned long)g_nodes, (unsigned long)bytes, g_max_depth);
    assert_true(count >= 1000);
    assert_true(g_max_depth >= 8);
    assert_true(g_nodes > (size_t)count * 5);
}

/* ==== allocation failure ===================================================================== */

/* A ~50 KB document: random values, then a long flat array (the parser's value stack grows)
   and many empty containers (small input, many nodes: the arena needs more chunks). */
static char *gen_doc(size_t *len) {
    rng r;
    clickup_json_writer w;
    const char *text;
    char *copy;
    size_t total = 0, i;
    r.s = UINT64_C(20240611);
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    clickup_jw_key(&w, "random");
    clickup_jw_array_begin(&w);
    while (total < 30000) {
        clickup_json_writer one;
        enode e;
        const char *t;
        size_t tl;
        clickup_json_writer_init(&one, NULL);
        r.budget = 20;
        gen_value(&r, &one, &e, 1);
        t = writer_ok(&one, &tl);
        clickup_jw_raw(&w, t, tl);
        total += tl + 1;
        clickup_json_writer_free(&one);
        enode_free(&e);
    }
    clickup_jw_array_end(&w);
    clickup_jw_key(&w, "flat");
    clickup_jw_array_begin(&w);
    for (i = 0; i < 2500; i++) clickup_jw_int64(&w, (int64_t)i);
    clickup_jw_array_end(&w);
    clickup_jw_key(&w, "empties");
    clickup_jw_array_begin(&w);
    for (i = 0; i < 2500; i++) {
        if (i % 2) { clickup_jw_object_begin(&w); clickup_jw_object_end(&w); }
        else { clickup_jw_array_begin(&w); clickup_jw_array_end(&w); }
    }
    clickup_jw_array_end(&w);
    clickup_jw_object_end(&w);
    text = writer_ok(&w, len);
    assert_true(*len > 45000 && *len < 70000);
    copy = (char *)malloc(*len);
    assert_non_null(copy);
    memcpy(copy, text, *len);
    clickup_json_writer_free(&w);
    return copy;
}

static void test_alloc_failure_parse(void **state) {
    size_t len, k, calls_needed;
    char *text = gen_doc(&len);
    counting_alloc ca;
    clickup_allocator al = ca_allocator(&ca);
    clickup_json_doc *doc = NULL, *ref = NULL;
    clickup_json_error err;
    (void)state;
    assert_int_equal(clickup_json_parse(text, len, NULL, &ref, NULL), CLICKUP_OK);
    /* one clean run to count the calls */
    assert_int_equal(clickup_json_parse(text, len, &al, &doc, NULL), CLICKUP_OK);
    calls_needed = ca.calls;
    clickup_json_doc_free(doc);
    assert_int_equal(ca.outstanding, 0);
    for (k = 1; k < 10000; k++) {
        clickup_result rc;
        al = ca_allocator(&ca);
        ca.fail_at = k;
        doc = (clickup_json_doc *)(uintptr_t)1;
        err.reason = NULL;
        rc = clickup_json_parse(text, len, &al, &doc, &err);
        if (rc == CLICKUP_OK) {
            assert_int_equal(ca.failures, 0);
            assert_true(clickup_json_equal(clickup_json_root(doc), clickup_json_root(ref)));
            clickup_json_doc_free(doc);
            assert_int_equal(ca.outstanding, 0);
            break;
        }
        if (rc != CLICKUP_ERR_NOMEM) fail_msg("allocation %lu failed: rc %d, expected NOMEM", (unsigned long)k, (int)rc);
        assert_int_equal(ca.failures, 1);
        assert_null(doc);
        assert_non_null(err.reason);
        if (ca.outstanding != 0) fail_msg("allocation %lu failed: %lu bytes leaked", (unsigned long)k, (unsigned long)ca.outstanding);
    }
    printf("alloc failure (parse): %lu bytes, every one of %lu allocations failed in turn\n", (unsigned long)len,
           (unsigned long)(k - 1));
    assert_int_equal(k - 1, calls_needed);
    assert_true(k > 1);
    clickup_json_doc_free(ref);
    free(text);
}

static void write_test_doc(clickup_json_writer *w, const clickup_json *root) {
    clickup_jw_object_begin(w);
    clickup_jw_key(w, "doc");
    clickup_jw_value(w, root);
    clickup_jw_key(w, "raw");
    clickup_jw_raw(w, LIT("{\"tasks\":[{\"id\":\"86abc123\",\"name\":\"Fix \\u00e9\",\"points\":3.5}],\"last_page\":true}"));
    clickup_jw_key(w, "s");
    clickup_jw_stringn(w, "a\0\"\xf0\x9f\x98\x80", 7);
    clickup_jw_key(w, "d");
    clickup_jw_double(w, 0.1);
    clickup_jw_key(w, "i");
    clickup_jw_int64(w, INT64_MIN);
    clickup_jw_object_end(w);
}

static void test_alloc_failure_writer(void **state) {
    size_t len, k, ref_len, calls_needed;
    char *text = gen_doc(&len);
    counting_alloc ca;
    clickup_allocator al;
    clickup_json_doc *doc = NULL;
    clickup_json_writer w;
    const char *ref_text;
    char *ref;
    (void)state;
    assert_int_equal(clickup_json_parse(text, len, NULL, &doc, NULL), CLICKUP_OK);
    clickup_json_writer_init(&w, NULL);
    write_test_doc(&w, clickup_json_root(doc));
    ref_text = writer_ok(&w, &ref_len);
    ref = (char *)malloc(ref_len);
    assert_non_null(ref);
    memcpy(ref, ref_text, ref_len);
    clickup_json_writer_free(&w);

    al = ca_allocator(&ca);
    clickup_json_writer_init(&w, &al);
    write_test_doc(&w, clickup_json_root(doc));
    assert_int_equal(writer_rc(&w), CLICKUP_OK);
    clickup_json_writer_free(&w);
    calls_needed = ca.calls;
    assert_int_equal(ca.outstanding, 0);
    for (k = 1; k < 10000; k++) {
        clickup_result rc;
        const char *out;
        size_t out_len;
        al = ca_allocator(&ca);
        ca.fail_at = k;
        clickup_json_writer_init(&w, &al);
        write_test_doc(&w, clickup_json_root(doc));
        rc = clickup_json_writer_finish(&w, &out, &out_len);
        if (rc == CLICKUP_OK) {
            assert_int_equal(ca.failures, 0);
            assert_int_equal(out_len, ref_len);
            assert_memory_equal(out, ref, ref_len);
            clickup_json_writer_free(&w);
            assert_int_equal(ca.outstanding, 0);
            break;
        }
        if (rc != CLICKUP_ERR_NOMEM) fail_msg("writer allocation %lu failed: rc %d, expected NOMEM", (unsigned long)k, (int)rc);
        assert_int_equal(ca.failures, 1);
        clickup_json_writer_free(&w);
        if (ca.outstanding != 0) fail_msg("writer allocation %lu failed: %lu bytes leaked", (unsigned long)k, (unsigned long)ca.outstanding);
    }
    printf("alloc failure (writer): %lu bytes, every one of %lu allocations failed in turn\n", (unsigned long)ref_len,
           (unsigned long)(k - 1));
    assert_int_equal(k - 1, calls_needed);
    assert_true(k > 5);
    free(ref);
    free(text);
    clickup_json_doc_free(doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_jsontestsuite),
        cmocka_unit_test(test_openapi),
        cmocka_unit_test(test_types),
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_embedded_nul),
        cmocka_unit_test(test_lone_surrogates),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_truncated_inputs),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_trailing_garbage_and_whitespace),
        cmocka_unit_test(test_empty_input),
        cmocka_unit_test(test_depth),
        cmocka_unit_test(test_wide),
        cmocka_unit_test(test_int64),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_as_bool_and_strings),
        cmocka_unit_test(test_navigation),
        cmocka_unit_test(test_null_tolerance),
        cmocka_unit_test(test_duplicates_and_order),
        cmocka_unit_test(test_equal),
        cmocka_unit_test(test_equal_big_integers),
        cmocka_unit_test_teardown(test_locale_independence, restore_c_locale),
        cmocka_unit_test(test_writer_escaping),
        cmocka_unit_test(test_writer_invalid_utf8),
        cmocka_unit_test(test_writer_numbers),
        cmocka_unit_test(test_writer_nesting),
        cmocka_unit_test(test_writer_misnesting),
        cmocka_unit_test(test_writer_raw_and_value),
        cmocka_unit_test(test_property_roundtrip),
        cmocka_unit_test(test_alloc_failure_parse),
        cmocka_unit_test(test_alloc_failure_writer),
    };
    return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}

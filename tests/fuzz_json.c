/* tests/fuzz_json.c - libFuzzer target for the JSON parser and writer of clickup.h.

   Built by `make build/fuzz/fuzz_json` (clang -fsanitize=fuzzer,address,undefined); `make fuzz-smoke`
   runs it through tests/fuzz.sh with tests/corpus/fuzz_json/ and JSONTestSuite as seeds.

   Mode is chosen by the first byte:
   - 0x01: the remaining bytes are a string for clickup_jw_stringn (and clickup_jw_keyn). The
     writer must accept them exactly when they are valid UTF-8 (checked against an independent
     validator), and the written JSON must parse back to the same bytes.
   - anything else: the whole input is parsed with clickup_json_parse. A rejection must come with
     a reason and an offset inside the input. An accepted document is walked with every accessor,
     written back with clickup_jw_value (and clickup_jw_raw), re-parsed, and must compare equal;
     writing the re-parsed document must give the same bytes again.
   Any violated property ends in __builtin_trap(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x) do { if (!(x)) __builtin_trap(); } while (0)

/* Independent UTF-8 validation: decode, then reject overlongs, surrogates, > U+10FFFF. */
static int utf8_valid(const unsigned char *s, size_t n) {
    size_t i = 0, k, j;
    while (i < n) {
        unsigned c = s[i];
        uint32_t cp;
        if (c < 0x80) { i++; continue; }
        if ((c & 0xE0) == 0xC0) { k = 2; cp = c & 0x1F; }
        else if ((c & 0xF0) == 0xE0) { k = 3; cp = c & 0x0F; }
        else if ((c & 0xF8) == 0xF0) { k = 4; cp = c & 0x07; }
        else return 0;
        if (n - i < k) return 0;
        for (j = 1; j < k; j++) {
            if ((s[i + j] & 0xC0) != 0x80) return 0;
            cp = (cp << 6) | (uint32_t)(s[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x80) || (k == 3 && cp < 0x800) || (k == 4 && cp < 0x10000)) return 0;
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
        i += k;
    }
    return 1;
}

static int is_number_char(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

/* Visit every value with the navigation API; returns the number of values. */
static size_t walk(const clickup_json *v, int depth) {
    clickup_json_type t = clickup_json_typeof(v);
    size_t i, n, count = 1;
    CHECK(v != NULL);
    CHECK(depth <= CLICKUP_JSON_MAX_DEPTH);
    CHECK(clickup_json_is(v, t));
    switch (t) {
    case CLICKUP_JSON_NULL:
        CHECK(clickup_json_len(v) == 0);
        CHECK(clickup_json_as_bool(v, 7) == 7);
        CHECK(clickup_json_number_text(v) == NULL);
        CHECK(clickup_json_as_string(v, NULL, NULL) == NULL);
        break;
    case CLICKUP_JSON_BOOL: {
        int b = clickup_json_as_bool(v, 7);
        CHECK(b == 0 || b == 1);
        CHECK(clickup_json_len(v) == 0);
        CHECK(clickup_json_as_int64(v, 5) == 5);
        break;
    }
    case CLICKUP_JSON_NUMBER: {
        const char *text = clickup_json_number_text(v);
        int64_t x = 0;
        size_t tl, digits;
        CHECK(text != NULL);
        tl = strlen(text);
        CHECK(tl > 0);
        for (i = 0; i < tl; i++) CHECK(is_number_char(text[i]));
        (void)clickup_json_as_double(v, 0.0);
        CHECK(clickup_json_len(v) == 0);
        CHECK(clickup_json_as_bool(v, 7) == 7);
        digits = tl - (text[0] == '-');
        if (clickup_json_int64(v, &x) == CLICKUP_OK) {
            char buf[32];
            CHECK(clickup_json_as_int64(v, x ^ 1) == x);
            snprintf(buf, sizeof buf, "%lld", (long long)x);
            CHECK(strcmp(buf, text) == 0 || (strcmp(text, "-0") == 0 && x == 0));
        } else {
            CHECK(clickup_json_as_int64(v, 12345) == 12345);
            CHECK(clickup_json_as_int64(v, -1) == -1);
            /* an integer literal is refused only when it is out of range */
            if (!strpbrk(text, ".eE")) CHECK(digits >= 19);
        }
        break;
    }
    case CLICKUP_JSON_STRING: {
        size_t sl = 0;
        const char *s = clickup_json_as_string(v, NULL, &sl);
        CHECK(s != NULL);
        CHECK(s[sl] == '\0');
        CHECK(sl == clickup_json_len(v));
        CHECK(utf8_valid((const unsigned char *)s, sl));
        (void)clickup_json_as_int64(v, 0);
        (void)clickup_json_as_double(v, 0.0);
        CHECK(clickup_json_number_text(v) == NULL);
        break;
    }
    case CLICKUP_JSON_ARRAY:
        n = clickup_json_len(v);
        for (i = 0; i < n; i++) {
            const clickup_json *c = clickup_json_at(v, i);
            CHECK(c != NULL);
            count += walk(c, depth + 1);
        }
        CHECK(clickup_json_at(v, n) == NULL);
        CHECK(clickup_json_get(v, "id") == NULL);
        CHECK(clickup_json_member(v, 0, NULL, NULL) == NULL);
        break;
    case CLICKUP_JSON_OBJECT:
        n = clickup_json_len(v);
        for (i = 0; i < n; i++) {
            const char *k = NULL;
            size_t kl = 0, j;
            const clickup_json *m = clickup_json_member(v, i, &k, &kl), *f;
            CHECK(m != NULL && k != NULL);
            CHECK(k[kl] == '\0');
            CHECK(utf8_valid((const unsigned char *)k, kl));
            f = clickup_json_getn(v, k, kl);
            CHECK(f != NULL);
            if (n <= 64) {       /* getn returns the first member with that key */
                for (j = 0; j <= i; j++) {
                    const char *k2 = NULL;
                    size_t kl2 = 0;
                    const clickup_json *m2 = clickup_json_member(v, j, &k2, &kl2);
                    if (kl2 == kl && memcmp(k2, k, kl) == 0) { CHECK(f == m2); break; }
                }
            }
            count += walk(m, depth + 1);
        }
        CHECK(clickup_json_member(v, n, NULL, NULL) == NULL);
        CHECK(clickup_json_at(v, 0) == NULL);
        break;
    default:
        CHECK(0);
    }
    return count;
}

static void fuzz_document(const uint8_t *data, size_t size) {
    clickup_json_doc *doc = NULL, *again = NULL;
    clickup_json_error err;
    clickup_json_writer w, w2, w3;
    const char *out = NULL, *out2 = NULL, *out3 = NULL;
    size_t out_len = 0, out2_len = 0, out3_len = 0, nodes;
    clickup_result rc;

    err.offset = (size_t)-1;
    err.reason = NULL;
    rc = clickup_json_parse((const char *)data, size, NULL, &doc, &err);
    if (rc != CLICKUP_OK) {
        CHECK(rc == CLICKUP_ERR_JSON);
        CHECK(doc == NULL);
        CHECK(err.reason != NULL && err.reason[0] != '\0');
        CHECK(err.offset <= size);
        return;
    }
    CHECK(doc != NULL && err.reason == NULL);
    nodes = walk(clickup_json_root(doc), 0);

    /* write it back */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_value(&w, clickup_json_root(doc));
    CHECK(clickup_json_writer_finish(&w, &out, &out_len) == CLICKUP_OK);
    CHECK(out != NULL && strlen(out) == out_len);
    CHECK(out_len <= size);                 /* compact, and never more escaped than the input */

    /* the same through clickup_jw_raw */
    clickup_json_writer_init(&w3, NULL);
    clickup_jw_raw(&w3, (const char *)data, size);
    CHECK(clickup_json_writer_finish(&w3, &out3, &out3_len) == CLICKUP_OK);
    CHECK(out3_len == out_len && memcmp(out3, out, out_len) == 0);
    clickup_json_writer_free(&w3);

    /* re-parse: equal, same shape, and writing it again gives the same bytes */
    CHECK(clickup_json_parse(out, out_len, NULL, &again, NULL) == CLICKUP_OK);
    CHECK(clickup_json_equal(clickup_json_root(doc), clickup_json_root(again)));
    CHECK(clickup_json_equal(clickup_json_root(again), clickup_json_root(doc)));
    CHECK(walk(clickup_json_root(again), 0) == nodes);
    clickup_json_writer_init(&w2, NULL);
    clickup_jw_value(&w2, clickup_json_root(again));
    CHECK(clickup_json_writer_finish(&w2, &out2, &out2_len) == CLICKUP_OK);
    CHECK(out2_len == out_len && memcmp(out2, out, out_len) == 0);

    clickup_json_writer_free(&w2);
    clickup_json_writer_free(&w);
    clickup_json_doc_free(again);
    clickup_json_doc_free(doc);
}

static void fuzz_string(const uint8_t *s, size_t n) {
    int valid = utf8_valid(s, n);
    clickup_json_writer w;
    clickup_json_doc *doc = NULL;
    const char *out = NULL, *got, *k = NULL;
    size_t out_len = 0, got_len = 0, kl = 0;
    clickup_result rc;

    /* as a value */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_stringn(&w, (const char *)s, n);
    rc = clickup_json_writer_finish(&w, &out, &out_len);
    CHECK((rc == CLICKUP_OK) == (valid != 0));
    if (rc != CLICKUP_OK) {
        CHECK(rc == CLICKUP_ERR_INVALID_ARG);
        CHECK(out == NULL);
    } else {
        CHECK(out_len >= n + 2 && out_len <= 6 * n + 2);
        CHECK(clickup_json_parse(out, out_len, NULL, &doc, NULL) == CLICKUP_OK);
        CHECK(clickup_json_typeof(clickup_json_root(doc)) == CLICKUP_JSON_STRING);
        got = clickup_json_as_string(clickup_json_root(doc), NULL, &got_len);
        CHECK(got != NULL && got_len == n && (n == 0 || memcmp(got, s, n) == 0));
        clickup_json_doc_free(doc);
        doc = NULL;
    }
    clickup_json_writer_free(&w);

    /* as a key */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    clickup_jw_keyn(&w, (const char *)s, n);
    clickup_jw_bool(&w, 1);
    clickup_jw_object_end(&w);
    rc = clickup_json_writer_finish(&w, &out, &out_len);
    CHECK((rc == CLICKUP_OK) == (valid != 0));
    if (rc == CLICKUP_OK) {
        CHECK(clickup_json_parse(out, out_len, NULL, &doc, NULL) == CLICKUP_OK);
        CHECK(clickup_json_len(clickup_json_root(doc)) == 1);
        CHECK(clickup_json_member(clickup_json_root(doc), 0, &k, &kl) != NULL);
        CHECK(kl == n && (n == 0 || memcmp(k, s, n) == 0));
        CHECK(clickup_json_getn(clickup_json_root(doc), (const char *)s, n) != NULL);
        clickup_json_doc_free(doc);
    }
    clickup_json_writer_free(&w);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > 0 && data[0] == 0x01) fuzz_string(data + 1, size - 1);
    else fuzz_document(data, size);
    return 0;
}

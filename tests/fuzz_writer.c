/* libFuzzer target: the JSON writer on arbitrary bytes.

   1. The input as a string value: accepted exactly when it is valid UTF-8 (an independent
      checker below: RFC 3629, no overlongs, no surrogates, nothing above U+10FFFF); when
      accepted the output is one JSON string that parses back to the same bytes (embedded
      NULs included).
   2. The input as an object key: the same, and the key reads back with clickup_json_member.
   3. The input as raw JSON (clickup_jw_raw): accepted exactly when clickup_json_parse accepts
      it, and then the output parses to a value clickup_json_equal to the input's; writing
      that value again gives the same text (the writer's output is a fixed point).
   Build: make build/fuzz/fuzz_writer     Run: build/fuzz/fuzz_writer tests/corpus/fuzz_writer */
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

static int valid_utf8(const uint8_t *p, size_t n) {
    size_t i = 0;
    while (i < n) {
        uint32_t c = p[i], cp;
        size_t k, j;
        if (c < 0x80) { i++; continue; }
        if (c >= 0xC2 && c <= 0xDF) { k = 1; cp = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) { k = 2; cp = c & 0x0F; }
        else if (c >= 0xF0 && c <= 0xF4) { k = 3; cp = c & 0x07; }
        else return 0;
        if (n - i - 1 < k) return 0;                                       /* cut short  */
        for (j = 1; j <= k; j++) {
            if ((p[i + j] & 0xC0) != 0x80) return 0;
            cp = cp << 6 | (p[i + j] & 0x3F);
        }
        if ((k == 2 && cp < 0x800) || (k == 3 && cp < 0x10000)) return 0;   /* overlong   */
        if (cp >= 0xD800 && cp <= 0xDFFF) return 0;                        /* surrogate  */
        if (cp > 0x10FFFF) return 0;
        i += k + 1;
    }
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *s = (const char *)data;
    int utf8 = valid_utf8(data, size);
    clickup_json_writer w;
    clickup_json_doc *doc = NULL, *in = NULL;
    const char *text, *key;
    size_t len, klen;
    clickup_result rc;

    /* 1. a string value */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_stringn(&w, s, size);
    rc = clickup_json_writer_finish(&w, &text, &len);
    CHECK(utf8 ? rc == CLICKUP_OK : rc == CLICKUP_ERR_INVALID_ARG);
    if (rc == CLICKUP_OK) {
        const char *back;
        size_t blen;
        CHECK(strlen(text) == len);                       /* control bytes, NUL included, are escaped */
        CHECK(clickup_json_parse(text, len, NULL, &doc, NULL) == CLICKUP_OK);
        back = clickup_json_as_string(clickup_json_root(doc), NULL, &blen);
        CHECK(back != NULL && blen == size && memcmp(back, s, size) == 0);
        clickup_json_doc_free(doc);
        doc = NULL;
    }
    clickup_json_writer_free(&w);

    /* 2. an object key, with a value after it and a second member */
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    clickup_jw_keyn(&w, s, size);
    clickup_jw_int64(&w, -1);
    clickup_jw_key(&w, "z");
    clickup_jw_null(&w);
    clickup_jw_object_end(&w);
    rc = clickup_json_writer_finish(&w, &text, &len);
    CHECK(utf8 ? rc == CLICKUP_OK : rc == CLICKUP_ERR_INVALID_ARG);
    if (rc == CLICKUP_OK) {
        const clickup_json *root;
        CHECK(clickup_json_parse(text, len, NULL, &doc, NULL) == CLICKUP_OK);
        root = clickup_json_root(doc);
        CHECK(clickup_json_len(root) == 2);
        CHECK(clickup_json_as_int64(clickup_json_member(root, 0, &key, &klen), 0) == -1);
        CHECK(klen == size && memcmp(key, s, size) == 0);
        if (memchr(s, '\0', size) == NULL) CHECK(clickup_json_getn(root, s, size) != NULL);
        clickup_json_doc_free(doc);
        doc = NULL;
    }
    clickup_json_writer_free(&w);

    /* 3. raw JSON */
    rc = clickup_json_parse(s, size, NULL, &in, NULL);
    clickup_json_writer_init(&w, NULL);
    clickup_jw_raw(&w, s, size);
    {
        clickup_result wrc = clickup_json_writer_finish(&w, &text, &len);
        if (rc == CLICKUP_OK) {
            CHECK(wrc == CLICKUP_OK);
            CHECK(clickup_json_parse(text, len, NULL, &doc, NULL) == CLICKUP_OK);
            CHECK(clickup_json_equal(clickup_json_root(in), clickup_json_root(doc)));
            {   /* write the re-parsed value again: the same text */
                clickup_json_writer w2;
                const char *text2;
                size_t len2;
                clickup_json_writer_init(&w2, NULL);
                clickup_jw_value(&w2, clickup_json_root(doc));
                CHECK(clickup_json_writer_finish(&w2, &text2, &len2) == CLICKUP_OK);
                CHECK(len2 == len && memcmp(text, text2, len) == 0);
                clickup_json_writer_free(&w2);
            }
        } else {
            CHECK(wrc != CLICKUP_OK);
        }
    }
    clickup_json_writer_free(&w);
    clickup_json_doc_free(doc);
    clickup_json_doc_free(in);
    return 0;
}

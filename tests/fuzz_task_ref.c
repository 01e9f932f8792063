/* libFuzzer target: clickup_task_ref_parse on arbitrary text.

   Never crashes; on success the id is non-empty, at most 64 bytes, made of [A-Za-z0-9-]
   only (so it can go into a URL path as is), is_custom matches PREFIX-DIGITS, team_id is
   empty or digits, error is NULL; and parsing the id again gives the same id. On failure
   error is a non-empty static text and id is empty. The text passed is NUL-terminated (the
   input is copied), since the function takes a C string.
   Build: make build/fuzz/fuzz_task_ref     Run: build/fuzz/fuzz_task_ref tests/corpus/fuzz_task_ref */
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

static int is_alnum(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}
static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }

static void check_ok(const clickup_task_ref *r) {
    size_t i, n = strnlen(r->id, sizeof r->id), dashes = 0;
    CHECK(n < sizeof r->id);
    CHECK(n >= 1 && n <= 64);
    CHECK(r->error == NULL);
    for (i = 0; i < n; i++) {
        CHECK(is_alnum(r->id[i]) || r->id[i] == '-');
        dashes += r->id[i] == '-';
    }
    if (r->is_custom) {           /* PREFIX-DIGITS: one dash, letters before it, digits after */
        const char *dash = strchr(r->id, '-');
        CHECK(r->is_custom == 1);
        CHECK(dashes == 1 && dash && dash != r->id && dash[1] != '\0');
        for (i = (size_t)(dash - r->id) + 1; i < n; i++) CHECK(is_digit(r->id[i]));
    } else {
        CHECK(dashes == 0);       /* a native id is letters and digits only */
    }
    n = strnlen(r->team_id, sizeof r->team_id);
    CHECK(n < sizeof r->team_id);
    for (i = 0; i < n; i++) CHECK(is_digit(r->team_id[i]));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    clickup_task_ref r, again;
    char *text = (char *)malloc(size + 1);
    clickup_result rc;
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    memset(&r, 0x5A, sizeof r);       /* the function must set every field itself */
    rc = clickup_task_ref_parse(text, &r);
    if (rc == CLICKUP_OK) {
        check_ok(&r);
        /* the id alone parses to itself (a custom id stays custom) */
        CHECK(clickup_task_ref_parse(r.id, &again) == CLICKUP_OK);
        CHECK(strcmp(again.id, r.id) == 0);
        CHECK(again.is_custom == r.is_custom);
        CHECK(again.team_id[0] == '\0');
    } else {
        CHECK(rc == CLICKUP_ERR_INVALID_ARG);
        CHECK(r.error != NULL && r.error[0] != '\0');
        CHECK(r.id[0] == '\0' && r.team_id[0] == '\0' && r.is_custom == 0);
    }
    CHECK(clickup_task_ref_parse(NULL, &r) == CLICKUP_ERR_INVALID_ARG);
    free(text);
    return 0;
}

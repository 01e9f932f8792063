/* jansson half of bench_json, in its own translation unit (see bench_json_jsonc.c). */
#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "bench_json_libs.h"

/* json_loadb + json_decref; -1 on failure */
long bench_jansson_parse(const char *buf, size_t len)
{
    json_error_t e;
    json_t *root = json_loadb(buf, len, 0, &e);
    long n;
    if (!root) {
        fprintf(stderr, "bench_json: jansson: %s (line %d, column %d)\n", e.text, e.line, e.column);
        return -1;
    }
    n = (long)json_array_size(json_object_get(root, "tasks"));
    json_decref(root);
    return n;
}

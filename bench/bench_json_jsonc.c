/* json-c half of bench_json, in its own translation unit: json-c's and jansson's headers
   cannot be included together (both declare json_object, json_type, json_object_get). */
#include <stddef.h>

#include <json-c/json.h>

#include "bench_json_libs.h"

static json_tokener *tok;

int bench_jsonc_init(void)
{
    tok = json_tokener_new();
    return tok ? 0 : -1;
}

void bench_jsonc_done(void)
{
    if (tok) json_tokener_free(tok);
    tok = NULL;
}

/* json_tokener_parse_ex on the one reused tokener + json_object_put; -1 on failure */
long bench_jsonc_parse(const char *buf, size_t len)
{
    json_object *root, *tasks = NULL;
    long n = 0;
    json_tokener_reset(tok);
    root = json_tokener_parse_ex(tok, buf, (int)len);
    if (!root || json_tokener_get_error(tok) != json_tokener_success) {
        if (root) json_object_put(root);
        return -1;
    }
    if (json_object_object_get_ex(root, "tasks", &tasks))
        n = (long)json_object_array_length(tasks);
    json_object_put(root);
    return n;
}

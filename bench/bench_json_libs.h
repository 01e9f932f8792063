/* bench_json: the peer libraries that need their own translation units. */
#ifndef BENCH_JSON_LIBS_H
#define BENCH_JSON_LIBS_H
#include <stddef.h>

/* json-c: one reused tokener (json_tokener_reset before each parse) */
int  bench_jsonc_init(void);
void bench_jsonc_done(void);
long bench_jsonc_parse(const char *buf, size_t len);   /* size of "tasks", or -1 */

/* jansson */
long bench_jansson_parse(const char *buf, size_t len); /* size of "tasks", or -1 */

#endif

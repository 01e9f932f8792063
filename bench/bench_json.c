/* bench_json - parse+free throughput of clickup.h's JSON parser against cJSON, json-c, jansson.

   usage: bench_json [PAGE.json]      (no argument: the default 100-task page, made in memory)

   Method (reliability-and-performance.md section 1.2): input already in memory and cache-warm;
   per parser 3 warm-ups, then the iteration count is calibrated so that one round takes
   >= 0.1 s, then 11 timed rounds on CLOCK_MONOTONIC; the median round gives MB/s
   (MB = 10^6 bytes of input). Every parse also looks up "tasks" and adds its size to a
   volatile sink, and frees the whole document:
     clickup.h  clickup_json_parse + clickup_json_doc_free
     cJSON      cJSON_ParseWithLength + cJSON_Delete
     json-c     json_tokener_parse_ex on one reused tokener + json_object_put
     jansson    json_loadb + json_decref
   Then one more parse each of clickup.h (through a counting clickup_allocator) and cJSON
   (through cJSON_InitHooks) counts the allocations of one page parse.

   Before timing, clickup.h's tree is compared with cJSON's (types, keys, string bytes,
   number values); a difference is reported on stderr and makes the exit status 1, after the
   figures are printed.

   Output (stdout, exactly these lines):
     json_parse: 812 MB/s (3.38x vs cJSON)
     json_parse_cjson: 240 MB/s
     json_parse_jsonc: 100 MB/s (0.42x vs cJSON)
     json_parse_jansson: 60 MB/s (0.25x vs cJSON)
     json_allocs: N allocations per page parse (clickup.h) vs M (cJSON)
   No timing is asserted anywhere. Build with BENCH_NO_CLICKUP defined to leave clickup.h out. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "bench_json_libs.h"  /* json-c and jansson live in their own TUs: their headers clash */

#ifndef BENCH_NO_CLICKUP
#define CLICKUP_IMPLEMENTATION
#include "clickup.h"
#endif

#include "gen_page.h"

#define WARMUPS      3
#define ROUNDS       11
#define MIN_ROUND_S  0.1

static volatile size_t g_sink;
static const char *g_buf;
static size_t g_len;

static void die(const char *what)
{
    fprintf(stderr, "bench_json: %s\n", what);
    exit(1);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- one parse + lookup + free per library ------------------------------------------------ */
#ifndef BENCH_NO_CLICKUP
static void parse_clickup(void)
{
    clickup_json_doc *doc = NULL;
    clickup_json_error err;
    if (clickup_json_parse(g_buf, g_len, NULL, &doc, &err) != CLICKUP_OK) {
        fprintf(stderr, "bench_json: clickup_json_parse failed at offset %lu: %s\n",
                (unsigned long)err.offset, err.reason ? err.reason : "?");
        exit(1);
    }
    g_sink += clickup_json_len(clickup_json_get(clickup_json_root(doc), "tasks"));
    clickup_json_doc_free(doc);
}
#endif

static void parse_cjson(void)
{
    cJSON *root = cJSON_ParseWithLength(g_buf, g_len);
    if (!root) die("cJSON_ParseWithLength failed");
    g_sink += (size_t)cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(root, "tasks"));
    cJSON_Delete(root);
}

static void parse_jsonc(void)
{
    long n = bench_jsonc_parse(g_buf, g_len);
    if (n < 0) die("json-c parse failed");
    g_sink += (size_t)n;
}

static void parse_jansson(void)
{
    long n = bench_jansson_parse(g_buf, g_len);
    if (n < 0) die("jansson parse failed");
    g_sink += (size_t)n;
}

/* ---- timing ----------------------------------------------------------------------------------- */
static double round_s(void (*fn)(void), long iters)
{
    double t0 = now_s();
    long i;
    for (i = 0; i < iters; i++) fn();
    return now_s() - t0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* median MB/s over ROUNDS rounds of >= MIN_ROUND_S each */
static double measure(void (*fn)(void))
{
    double mbps[ROUNDS], t;
    long iters = 1;
    int i;
    for (i = 0; i < WARMUPS; i++) fn();
    for (;;) {
        t = round_s(fn, iters);
        if (t >= MIN_ROUND_S) break;
        if (t <= 0.0 || t < MIN_ROUND_S / 64) iters *= 8;
        else {
            long want = (long)((double)iters * MIN_ROUND_S * 1.1 / t) + 1;
            iters = want > iters ? want : iters + 1;
        }
    }
    for (i = 0; i < ROUNDS; i++) {
        t = round_s(fn, iters);
        mbps[i] = (double)g_len * (double)iters / t / 1e6;
    }
    qsort(mbps, ROUNDS, sizeof mbps[0], cmp_double);
    return mbps[ROUNDS / 2];
}

/* ---- allocation counting ---------------------------------------------------------------------- */
static long g_cj_mallocs, g_cj_live;

static void *count_malloc(size_t n)
{
    g_cj_mallocs++;
    g_cj_live++;
    return malloc(n);
}

static void count_free(void *p)
{
    if (p) g_cj_live--;
    free(p);
}

static long cjson_allocs(void)
{
    cJSON_Hooks hooks;
    cJSON *root;
    hooks.malloc_fn = count_malloc;
    hooks.free_fn = count_free;
    cJSON_InitHooks(&hooks);
    g_cj_mallocs = g_cj_live = 0;
    root = cJSON_ParseWithLength(g_buf, g_len);
    if (!root) die("cJSON_ParseWithLength failed");
    {
        long n = g_cj_mallocs;
        cJSON_Delete(root);
        cJSON_InitHooks(NULL);
        if (g_cj_live != 0) fprintf(stderr, "bench_json: cJSON left %ld blocks\n", g_cj_live);
        return n;
    }
}

#ifndef BENCH_NO_CLICKUP
typedef struct counting { long mallocs, reallocs, frees, live; size_t bytes, peak_bytes; } counting;

static void *cu_malloc(void *user, size_t n)
{
    counting *c = (counting *)user;
    c->mallocs++;
    c->live++;
    c->bytes += n;
    return malloc(n);
}

static void *cu_realloc(void *user, void *p, size_t old, size_t n)
{
    counting *c = (counting *)user;
    (void)old;
    c->reallocs++;
    if (!p) c->live++;
    c->bytes += n;
    return realloc(p, n);
}

static void cu_free(void *user, void *p)
{
    counting *c = (counting *)user;
    if (p) { c->frees++; c->live--; }
    free(p);
}

/* allocations (malloc_fn + realloc_fn calls) of one parse; frees are checked to balance */
static long clickup_allocs(void)
{
    counting c;
    clickup_allocator a;
    clickup_json_doc *doc = NULL;
    clickup_json_error err;
    long n;
    memset(&c, 0, sizeof c);
    a.malloc_fn = cu_malloc;
    a.realloc_fn = cu_realloc;
    a.free_fn = cu_free;
    a.user = &c;
    if (clickup_json_parse(g_buf, g_len, &a, &doc, &err) != CLICKUP_OK)
        die("clickup_json_parse failed with the counting allocator");
    n = c.mallocs + c.reallocs;
    clickup_json_doc_free(doc);
    if (c.live != 0)
        fprintf(stderr, "bench_json: clickup.h left %ld blocks allocated after clickup_json_doc_free\n",
                c.live);
    if (getenv("BENCH_VERBOSE"))
        fprintf(stderr, "bench_json: clickup.h: %ld malloc_fn, %ld realloc_fn, %ld free_fn, "
                "%lu bytes requested (%.2fx input)\n", c.mallocs, c.reallocs, c.frees,
                (unsigned long)c.bytes, (double)c.bytes / (double)g_len);
    return n;
}

/* ---- cross-check: clickup.h's tree against cJSON's ------------------------------------------- */
static char g_path[512];

static int mismatch(const char *path, const char *what)
{
    fprintf(stderr, "bench_json: clickup.h and cJSON disagree at %s: %s\n", path[0] ? path : "$", what);
    return 1;
}

static int same_tree(const clickup_json *v, const cJSON *c, size_t plen)
{
    clickup_json_type t = clickup_json_typeof(v);
    const char *s;
    size_t n, i;
    if (cJSON_IsNull(c))   return t == CLICKUP_JSON_NULL ? 0 : mismatch(g_path, "expected null");
    if (cJSON_IsBool(c)) {
        if (t != CLICKUP_JSON_BOOL) return mismatch(g_path, "expected a bool");
        return clickup_json_as_bool(v, -1) == (cJSON_IsTrue(c) ? 1 : 0) ? 0 : mismatch(g_path, "bool value");
    }
    if (cJSON_IsNumber(c)) {
        const char *txt = clickup_json_number_text(v);
        if (t != CLICKUP_JSON_NUMBER || !txt) return mismatch(g_path, "expected a number");
        if (strtod(txt, NULL) != c->valuedouble) return mismatch(g_path, "number text");
        if (clickup_json_as_double(v, -12345.0) != c->valuedouble) return mismatch(g_path, "number value");
        return 0;
    }
    if (cJSON_IsString(c)) {
        if (t != CLICKUP_JSON_STRING) return mismatch(g_path, "expected a string");
        s = clickup_json_as_string(v, NULL, &n);
        if (!s || n != strlen(c->valuestring) || memcmp(s, c->valuestring, n) != 0 || s[n] != '\0')
            return mismatch(g_path, "string bytes");
        if (clickup_json_len(v) != n) return mismatch(g_path, "clickup_json_len of a string");
        return 0;
    }
    if (cJSON_IsArray(c)) {
        const cJSON *it;
        if (t != CLICKUP_JSON_ARRAY) return mismatch(g_path, "expected an array");
        n = clickup_json_len(v);
        if (n != (size_t)cJSON_GetArraySize(c)) return mismatch(g_path, "array length");
        for (i = 0, it = c->child; it; it = it->next, i++) {
            snprintf(g_path + plen, sizeof g_path - plen, "[%lu]", (unsigned long)i);
            if (same_tree(clickup_json_at(v, i), it, strlen(g_path))) return 1;
            g_path[plen] = '\0';
        }
        return 0;
    }
    if (cJSON_IsObject(c)) {
        const cJSON *it;
        if (t != CLICKUP_JSON_OBJECT) return mismatch(g_path, "expected an object");
        n = clickup_json_len(v);
        if (n != (size_t)cJSON_GetArraySize(c)) return mismatch(g_path, "member count");
        for (i = 0, it = c->child; it; it = it->next, i++) {
            const char *key = NULL;
            size_t klen = 0;
            const clickup_json *m = clickup_json_member(v, i, &key, &klen);
            snprintf(g_path + plen, sizeof g_path - plen, ".%s", it->string);
            if (!m || !key || klen != strlen(it->string) || memcmp(key, it->string, klen) != 0)
                return mismatch(g_path, "member key");
            if (clickup_json_get(v, it->string) != m) return mismatch(g_path, "clickup_json_get");
            if (same_tree(m, it, strlen(g_path))) return 1;
            g_path[plen] = '\0';
        }
        return 0;
    }
    return mismatch(g_path, "unknown cJSON type");
}

static int cross_check(void)
{
    clickup_json_doc *doc = NULL;
    clickup_json_error err;
    cJSON *root = cJSON_ParseWithLength(g_buf, g_len);
    int bad;
    if (!root) die("cJSON_ParseWithLength failed");
    if (clickup_json_parse(g_buf, g_len, NULL, &doc, &err) != CLICKUP_OK) {
        fprintf(stderr, "bench_json: clickup_json_parse failed at offset %lu: %s\n",
                (unsigned long)err.offset, err.reason ? err.reason : "?");
        cJSON_Delete(root);
        return 1;
    }
    g_path[0] = '\0';
    bad = same_tree(clickup_json_root(doc), root, 0);
    clickup_json_doc_free(doc);
    cJSON_Delete(root);
    return bad;
}
#endif /* BENCH_NO_CLICKUP */

/* ---- input ---------------------------------------------------------------------------------- */
static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *p = NULL;
    size_t cap = 0, n = 0, got;
    if (!f) { fprintf(stderr, "bench_json: %s: %s\n", path, strerror(errno)); exit(1); }
    for (;;) {
        if (cap - n < 65536) {
            char *np;
            cap = cap ? cap * 2 : 1u << 20;
            np = (char *)realloc(p, cap + 1);
            if (!np) die("out of memory");
            p = np;
        }
        got = fread(p + n, 1, cap - n, f);
        n += got;
        if (got == 0) break;
    }
    if (ferror(f)) die("read error");
    fclose(f);
    p[n] = '\0';
    *len = n;
    return p;
}

int main(int argc, char **argv)
{
    char *page;
    double cj, jc, ja;
    long cj_allocs;
    int status = 0;
#ifndef BENCH_NO_CLICKUP
    double cu;
    long cu_allocs;
#endif

    if (argc > 2) { fprintf(stderr, "usage: bench_json [PAGE.json]\n"); return 2; }
    if (argc == 2) page = read_file(argv[1], &g_len);
    else page = gen_page(GEN_PAGE_DEFAULT_SEED, 100, 0, &g_len);
    if (!page) die("no input");
    g_buf = page;

    if (bench_jsonc_init() < 0) die("json_tokener_new failed");

#ifndef BENCH_NO_CLICKUP
    if (cross_check()) status = 1;
#endif
    cj = measure(parse_cjson);
#ifndef BENCH_NO_CLICKUP
    cu = measure(parse_clickup);
#endif
    jc = measure(parse_jsonc);
    ja = measure(parse_jansson);
    cj_allocs = cjson_allocs();

#ifndef BENCH_NO_CLICKUP
    cu_allocs = clickup_allocs();
    printf("json_parse: %.0f MB/s (%.2fx vs cJSON)\n", cu, cu / cj);
#else
    printf("json_parse: skipped (built with BENCH_NO_CLICKUP)\n");
#endif
    printf("json_parse_cjson: %.0f MB/s\n", cj);
    printf("json_parse_jsonc: %.0f MB/s (%.2fx vs cJSON)\n", jc, jc / cj);
    printf("json_parse_jansson: %.0f MB/s (%.2fx vs cJSON)\n", ja, ja / cj);
#ifndef BENCH_NO_CLICKUP
    printf("json_allocs: %ld allocations per page parse (clickup.h) vs %ld (cJSON)\n", cu_allocs, cj_allocs);
#else
    printf("json_allocs: skipped (clickup.h) vs %ld (cJSON)\n", cj_allocs);
#endif
    fflush(stdout);

    bench_jsonc_done();
    free(page);
    return status;
}

/* bench_attachment_upload - upload a 100 MB file to a task through clickup_task_attachment_create
   (from a file path: libcurl's mime API streams it from disk), against a plain libcurl easy
   handle doing the same multipart upload of the same file, in the same run.

   usage: bench_attachment_upload [MB]        (default 100; MB = 10^6 bytes)

   The file is sparse (ftruncate in a fresh mkdtemp directory, removed at the end), so reading
   it costs no disk I/O for either side. The server is bench_server.h's loopback imitation:
   POST /api/v2/task/{id}/attachment reads the multipart body as it arrives, counts it and
   answers attachment JSON; every upload must deliver exactly the file's size in its file part
   (else the exit status is 1). Five rounds, alternating clickup.h and plain libcurl; the
   throughput is the median round (file bytes / wall time of the call).

   Heap: counted by two counting allocators (bench_util.h's 16-byte-header scheme), not by
   malloc_usable_size:
     - clickup.h's own allocations through cfg.allocator ([api:alloc]);
     - libcurl's allocations through curl_global_init_mem (installed before clickup_global_init,
       so both clickup.h's client and the plain handle go through it).
   "Above baseline" is the peak during the call minus what was outstanding just before it (the
   client, or the plain handle, already created). The plain upload sets "Expect:" as clickup.h
   does (no 100-continue round trip).

   Output (one line; a run on a busy 2-core machine, throughput moves a lot from run to run,
   the ratio and the heap much less):
     attachment_upload: 100 MB at 1914.6 MB/s (0.97x a plain libcurl mime upload, 1981.7 MB/s);
     heap above the client's baseline: clickup.h 28.5 KB + libcurl 104.9 KB = 133.4 KB (plain
     libcurl 93.5 KB)
   The heap figures are the largest over the rounds. No timing is asserted; the exit status is
   1 only when an upload fails, the server did not get the whole file, or clickup.h leaked. */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

#define BENCH_UTIL_CLICKUP
#include "bench_util.h"
#include "bench_server.h"

#define ROUNDS 5
#define FILE_NAME "upload.bin"

static void die(const char *what)
{
    fprintf(stderr, "bench_attachment_upload: %s\n", what);
    exit(1);
}

/* ---- libcurl's heap: curl_global_init_mem with a counting allocator ------------------------
   libcurl may allocate from more than one thread (its resolver), so the counter is locked. */
static bench_counting g_curl;
static pthread_mutex_t g_curl_mu = PTHREAD_MUTEX_INITIALIZER;

static void *curl_count_malloc(size_t n)
{
    void *p;
    pthread_mutex_lock(&g_curl_mu);
    p = bench_counting_malloc(&g_curl, n);
    pthread_mutex_unlock(&g_curl_mu);
    return p;
}
static void curl_count_free(void *ptr)
{
    pthread_mutex_lock(&g_curl_mu);
    bench_counting_free(&g_curl, ptr);
    pthread_mutex_unlock(&g_curl_mu);
}
static void *curl_count_realloc(void *ptr, size_t n)
{
    void *p;
    pthread_mutex_lock(&g_curl_mu);
    p = bench_counting_realloc(&g_curl, ptr, 0, n);
    pthread_mutex_unlock(&g_curl_mu);
    return p;
}
static char *curl_count_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = (char *)curl_count_malloc(n);
    if (p) memcpy(p, s, n);
    return p;
}
static void *curl_count_calloc(size_t k, size_t n)
{
    void *p;
    if (n && k > SIZE_MAX / n) return NULL;
    if ((p = curl_count_malloc(k * n)) != NULL) memset(p, 0, k * n);
    return p;
}

/* Start a measured call: the peak restarts from what is outstanding now (the baseline). */
static size_t curl_mark(void)
{
    size_t base;
    pthread_mutex_lock(&g_curl_mu);
    g_curl.peak = g_curl.outstanding;
    base = g_curl.outstanding;
    pthread_mutex_unlock(&g_curl_mu);
    return base;
}
static size_t curl_peak(void)
{
    size_t p;
    pthread_mutex_lock(&g_curl_mu);
    p = g_curl.peak;
    pthread_mutex_unlock(&g_curl_mu);
    return p;
}

/* ---- the two uploads ------------------------------------------------------------------------ */
typedef struct round_result {
    double ms;
    size_t lib_heap, curl_heap;     /* above the baseline */
} round_result;

static void expect_delivered(bench_server *s, long want_uploads, uint64_t size, const char *who)
{
    long uploads;
    uint64_t body, file;
    bench_server_upload_counts(s, &uploads, &body, &file);
    if (uploads != want_uploads || file != size) {
        fprintf(stderr, "bench_attachment_upload: %s: the server counted %ld uploads, a file part of %llu bytes "
                "(body %llu); wanted %ld and %llu\n", who, uploads, (unsigned long long)file,
                (unsigned long long)body, want_uploads, (unsigned long long)size);
        exit(1);
    }
}

static round_result upload_clickup(const char *base_url, const char *path)
{
    bench_counting lib;
    clickup_allocator al;
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_attachment_new f;
    clickup_attachment *a = NULL;
    clickup_result rc;
    round_result r;
    size_t lib_base, curl_base;
    double t0;
    memset(&lib, 0, sizeof lib);
    al = bench_counting_allocator(&lib);
    clickup_config_init(&cfg);
    cfg.token = "pk_bench";
    cfg.team_id = "9001";
    cfg.base_url = base_url;
    cfg.allocator = &al;
    cfg.disable_cache = 1;
    cfg.timeout_ms = 600000;            /* bounds the whole upload */
    cfg.call_deadline_ms = 600000;
    if (clickup_client_create(&cfg, &cu) != CLICKUP_OK) die("clickup_client_create failed");
    memset(&f, 0, sizeof f);
    f.path = path;
    lib_base = lib.outstanding;
    lib.peak = lib.outstanding;
    curl_base = curl_mark();
    t0 = bench_now_ms();
    rc = clickup_task_attachment_create(cu, "86abc123", &f, &a);
    r.ms = bench_now_ms() - t0;
    r.lib_heap = lib.peak - lib_base;
    r.curl_heap = curl_peak() - curl_base;
    if (rc != CLICKUP_OK) {
        fprintf(stderr, "bench_attachment_upload: clickup_task_attachment_create: %s: %s\n", clickup_strerror(rc),
                clickup_last_error(cu)->message);
        exit(1);
    }
    if (strcmp(a->title, FILE_NAME) != 0) die("the attachment's title is not the file's name");
    clickup_attachment_free(a);
    clickup_client_destroy(cu);
    if (lib.outstanding != 0) die("clickup.h leaked (the counting allocator is not back at zero)");
    return r;
}

static size_t discard_body(char *p, size_t size, size_t n, void *user)
{
    (void)p;
    *(size_t *)user += size * n;
    return size * n;
}

static round_result upload_plain(const char *base_url, const char *path)
{
    char url[256];
    struct curl_slist *headers = NULL;
    curl_mime *mime;
    curl_mimepart *part;
    CURL *e;
    CURLcode cc;
    long status = 0;
    size_t got = 0, base;
    round_result r;
    double t0;
    snprintf(url, sizeof url, "%s/task/86abc123/attachment", base_url);
    if (!(e = curl_easy_init())) die("curl_easy_init failed");
    headers = curl_slist_append(headers, "Authorization: pk_bench");
    headers = curl_slist_append(headers, "Expect:");
    mime = curl_mime_init(e);
    part = curl_mime_addpart(mime);
    if (!headers || !mime || !part || curl_mime_name(part, "attachment") != CURLE_OK ||
        curl_mime_filedata(part, path) != CURLE_OK)
        die("could not set up the plain upload");
    curl_easy_setopt(e, CURLOPT_URL, url);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(e, CURLOPT_MIMEPOST, mime);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, discard_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, &got);
    base = curl_mark();
    t0 = bench_now_ms();
    cc = curl_easy_perform(e);
    r.ms = bench_now_ms() - t0;
    r.curl_heap = curl_peak() - base;
    r.lib_heap = 0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
    if (cc != CURLE_OK || status != 200 || !got) {
        fprintf(stderr, "bench_attachment_upload: plain upload: %s, HTTP %ld\n", curl_easy_strerror(cc), status);
        exit(1);
    }
    curl_mime_free(mime);
    curl_slist_free_all(headers);
    curl_easy_cleanup(e);
    return r;
}

static void make_file(char *dir, size_t dirn, char *path, size_t pathn, uint64_t size)
{
    FILE *f;
    snprintf(dir, dirn, "%s/bench_upload_XXXXXX", getenv("TMPDIR") && getenv("TMPDIR")[0] ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir)) die("mkdtemp failed");
    snprintf(path, pathn, "%s/%s", dir, FILE_NAME);
    if (!(f = fopen(path, "wb"))) die("cannot create the file");
    if (ftruncate(fileno(f), (off_t)size) != 0) die("ftruncate failed");
    fclose(f);
}

static double kb(size_t bytes) { return (double)bytes / 1e3; }

int main(int argc, char **argv)
{
    bench_server_opts so;
    bench_server *s;
    char base[64], dir[512], path[600];
    double lib_ms[ROUNDS], plain_ms[ROUNDS], lib_mbs, plain_mbs;
    size_t lib_heap = 0, curl_heap = 0, plain_heap = 0;
    long mb = argc > 1 ? strtol(argv[1], NULL, 10) : 100;
    uint64_t size;
    int i;
    if (mb <= 0 || mb > 100000) die("usage: bench_attachment_upload [MB]");
    size = (uint64_t)mb * 1000000u;
    if (curl_global_init_mem(CURL_GLOBAL_ALL, curl_count_malloc, curl_count_free, curl_count_realloc,
                             curl_count_strdup, curl_count_calloc) != CURLE_OK)
        die("curl_global_init_mem failed");
    if (clickup_global_init() != CLICKUP_OK) die("clickup_global_init failed");
    memset(&so, 0, sizeof so);
    so.pages = 1;
    if (!(s = bench_server_start(&so))) die("could not start the loopback server");
    bench_server_base_url(s, base, sizeof base);
    make_file(dir, sizeof dir, path, sizeof path, size);
    for (i = 0; i < ROUNDS; i++) {
        round_result a = upload_clickup(base, path), b;
        expect_delivered(s, 2L * i + 1, size, "clickup.h");
        b = upload_plain(base, path);
        expect_delivered(s, 2L * i + 2, size, "plain libcurl");
        lib_ms[i] = a.ms;
        plain_ms[i] = b.ms;
        if (a.lib_heap > lib_heap) lib_heap = a.lib_heap;
        if (a.curl_heap > curl_heap) curl_heap = a.curl_heap;
        if (b.curl_heap > plain_heap) plain_heap = b.curl_heap;
        if (bench_verbose())
            fprintf(stderr, "round %d: clickup.h %.1f ms (heap %zu + libcurl %zu B), plain %.1f ms (libcurl %zu B)\n", i,
                    a.ms, a.lib_heap, a.curl_heap, b.ms, b.curl_heap);
    }
    remove(path);
    rmdir(dir);
    bench_server_stop(s);
    clickup_global_cleanup();
    curl_global_cleanup();                  /* the curl_global_init_mem above */
    lib_mbs = (double)size / 1e6 / (bench_median(lib_ms, ROUNDS) / 1e3);
    plain_mbs = (double)size / 1e6 / (bench_median(plain_ms, ROUNDS) / 1e3);
    printf("attachment_upload: %ld MB at %.1f MB/s (%.2fx a plain libcurl mime upload, %.1f MB/s); "
           "heap above the client's baseline: clickup.h %.1f KB + libcurl %.1f KB = %.1f KB (plain libcurl %.1f KB)\n",
           mb, lib_mbs, lib_mbs / plain_mbs, plain_mbs, kb(lib_heap), kb(curl_heap), kb(lib_heap + curl_heap),
           kb(plain_heap));
    if (lib_heap + curl_heap >= 2000000) fprintf(stderr, "bench_attachment_upload: above the 2 MB target\n");
    return 0;
}

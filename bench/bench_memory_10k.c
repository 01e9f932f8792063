/* bench_memory_10k - peak heap of clickup.h while fetching 10,000 tasks: one page at a time
   (clickup_tasks_foreach) against collecting them all (clickup_tasks_get).

   usage: bench_memory_10k

   The tasks are 100 realistic pages of gen_page.h (100 tasks, ~710 KB each, distinct tasks per
   page; "last_page":true on page 99), answered by an in-process cfg.transport (each page is
   generated when asked for and freed at the next exchange, outside the counted heap). The client
   has cfg.allocator = a counting allocator that tracks clickup.h's outstanding bytes and their
   peak, from clickup_client_create to clickup_client_destroy (everything clickup.h allocates:
   client, limiter, response buffer, JSON arena, decoded tasks). Cache off (cfg.disable_cache =
   1): with the default cache on, up to cache_max_bytes (8 MiB) of page bodies are kept as well
   (BENCH_VERBOSE=1 prints that case on stderr).
     per-page callback  clickup_tasks_foreach; the callback only counts the tasks
     collecting all     clickup_tasks_get, then clickup_tasks_free
     one page           clickup_tasks_get of a one-page list (100 tasks)
   MB = 10^6 bytes. Every run must see all its tasks, and the counting allocator must be back at
   zero after clickup_client_destroy (else a leak is reported and the exit status is 1).

   Output: memory_10k: 2.1 MB peak with the per-page callback vs 183.0 MB collecting all (one page: 2.0 MB)
   No timing is asserted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

#define BENCH_UTIL_CLICKUP
#include "bench_util.h"
#include "gen_page.h"

#define TASKS_PER_PAGE 100

static int g_leak;

static void die(const char *what)
{
    fprintf(stderr, "bench_memory_10k: %s\n", what);
    exit(1);
}

typedef struct pages {
    int    npages;
    char  *cur;
    long   served;
} pages;

static clickup_transport_status page_transport(void *u, const clickup_http_request *rq, clickup_http_response *r)
{
    pages *p = (pages *)u;
    const char *q = strstr(rq->url, "page=");
    long n = q ? strtol(q + 5, NULL, 10) : 0;
    size_t len = 0;
    free(p->cur);
    p->cur = NULL;
    memset(r, 0, sizeof *r);
    if (n >= 0 && n < p->npages) {
        p->cur = gen_page_ex(GEN_PAGE_DEFAULT_SEED, TASKS_PER_PAGE, (int)n, n == p->npages - 1, &len);
        if (!p->cur) die("out of memory");
        r->body = p->cur;
    } else {
        r->body = "{\"tasks\":[],\"last_page\":true}";
        len = strlen(r->body);
    }
    p->served++;
    r->status = 200;
    r->body_len = len;
    return CLICKUP_TRANSPORT_OK;
}

typedef struct seen { size_t tasks; } seen;

static int on_page(void *user, const clickup_tasks *page)
{
    seen *s = (seen *)user;
    size_t i;
    for (i = 0; i < page->count; i++) s->tasks += page->items[i].id[0] != '\0';
    return 0;
}

/* mode 0: foreach, 1: get collecting all. Returns the peak bytes. */
static size_t measure(int npages, int mode, int disable_cache)
{
    bench_counting cnt;
    clickup_allocator al;
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_task_query q;
    clickup_result rc;
    pages p;
    size_t want = (size_t)npages * TASKS_PER_PAGE, got = 0;
    memset(&cnt, 0, sizeof cnt);
    memset(&p, 0, sizeof p);
    p.npages = npages;
    al = bench_counting_allocator(&cnt);
    clickup_config_init(&cfg);
    cfg.token = "pk_bench_memory";
    cfg.team_id = "9001";
    cfg.disable_cache = disable_cache;
    cfg.rate_limit = 1000;          /* the limiter keeps one 8-byte slot per request of a window */
    cfg.rate_window_ms = 1000;
    cfg.allocator = &al;
    cfg.transport = page_transport;
    cfg.transport_user = &p;
    if (clickup_client_create(&cfg, &cu) != CLICKUP_OK) die("clickup_client_create failed");
    memset(&q, 0, sizeof q);
    q.list_id = "901204567890";
    q.max_pages = npages + 1;
    if (mode == 0) {
        seen s;
        clickup_tasks stats;
        memset(&s, 0, sizeof s);
        rc = clickup_tasks_foreach(cu, &q, on_page, &s, &stats);
        got = s.tasks;
    } else {
        clickup_tasks *all = NULL;
        rc = clickup_tasks_get(cu, &q, &all);
        if (rc == CLICKUP_OK) {
            size_t i;
            for (i = 0; i < all->count; i++) got += all->items[i].id[0] != '\0';
        }
        clickup_tasks_free(all);
    }
    if (rc != CLICKUP_OK) {
        fprintf(stderr, "bench_memory_10k: %s: %s (%s)\n", mode ? "clickup_tasks_get" : "clickup_tasks_foreach",
                clickup_strerror(rc), clickup_last_error(cu)->message);
        exit(1);
    }
    if (got != want) die("not every task was seen");
    clickup_client_destroy(cu);
    free(p.cur);
    if (cnt.outstanding != 0 || cnt.blocks != 0) {
        fprintf(stderr, "bench_memory_10k: %lu bytes in %ld blocks still allocated after clickup_client_destroy\n",
                (unsigned long)cnt.outstanding, cnt.blocks);
        g_leak = 1;
    }
    if (bench_verbose())
        fprintf(stderr, "bench_memory_10k: %d pages, %s, cache %s: peak %lu bytes, %ld allocator calls\n", npages,
                mode ? "clickup_tasks_get" : "clickup_tasks_foreach", disable_cache ? "off" : "on",
                (unsigned long)cnt.peak, cnt.calls);
    return cnt.peak;
}

int main(void)
{
    size_t each, all, one;
    if (clickup_global_init() != CLICKUP_OK) die("clickup_global_init failed");
    each = measure(100, 0, 1);
    all = measure(100, 1, 1);
    one = measure(1, 1, 1);
    if (bench_verbose()) (void)measure(100, 0, 0);
    clickup_global_cleanup();
    printf("memory_10k: %.1f MB peak with the per-page callback vs %.1f MB collecting all (one page: %.1f MB)\n",
           (double)each / 1e6, (double)all / 1e6, (double)one / 1e6);
    fflush(stdout);
    return g_leak;
}

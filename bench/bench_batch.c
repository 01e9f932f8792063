/* bench_batch - many writes and many reads at once within a rate budget: clickup_batch_run and
   clickup_tasks_get_lists against the same work done one request after the other.

   usage: bench_batch

   Setup: bench_server.h on 127.0.0.1, a fixed-window limit of L = 20 requests per 1 s window
   per token (windows aligned to the Unix second, X-RateLimit-Limit / -Remaining / -Reset on
   every answer, 429 beyond L) and 100 ms latency on every answer. Each client is told the
   budget (cfg.rate_limit = L, cfg.rate_window_ms = 1000), has no cache, and its own token, so
   every run starts with a fresh server window of its own.

   1. batch_create: 3L = 60 creates (POST /list/{id}/task, each with a unique name).
        batch       clickup_batch_run, 60 TASK_CREATE items, concurrency L.
        sequential  clickup_task_create in a loop, the same 60 creates.
      The allowance-bound ideal for a client that starts at an arbitrary moment and never
      exceeds L in any window: the first L go at t = 0, the next L one window later, the last L
      two windows later, and the last answer comes one latency after that:
      ideal = 2 x window + latency = 2100 ms. (A client that knew where the server's windows
      start could do better by up to one window; a client that must never see a 429 cannot.)
      The server counts 429 answers and creates that repeat a name (duplicates).
   2. parallel_fetch: the tasks of 50 lists (one page of 20 tasks each, last_page true).
        parallel    clickup_tasks_get_lists, the 50 list ids, concurrency L.
        sequential  clickup_tasks_get per list, in a loop.
      50 requests with L per window: ceil(50 / L) - 1 = 2 more windows after the first L, so
      the same ideal, 2 x window + latency.
   Order: the batch, then the parallel fetch, each alone; then the two sequential baselines at
   the same time, on two threads with their own clients and tokens (each spends its time
   waiting for answers, so they do not slow each other down; this keeps the bench near 11 s
   instead of 15).
   Targets: batch within 1.1x the ideal, 0 x 429, 0 duplicates. One run each (no median: the
   run is bound by the limit's windows, not by noise). No timing is asserted.

   Output (two lines):
     batch_create: 60 creates in 2134 ms = 1.02x the allowance-bound ideal (2100 ms; 20 per 1 s
       window, 100 ms latency, concurrency 20), 2.9x faster than sequential (6210 ms), 0 x 429,
       0 duplicates
     parallel_fetch: 50 lists in 2150 ms = 1.02x the allowance-bound ideal (2100 ms), 2.4x
       faster than sequential (5150 ms), 0 x 429
   BENCH_VERBOSE=1 adds per-run details on stderr. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

#include "bench_server.h"
#include "bench_util.h"

#define LIMIT      20      /* requests per window (the server's and the client's) */
#define WINDOW_S   1
#define LATENCY_MS 100
#define CREATES    (3 * LIMIT)
#define LISTS      50

static int verbose;

static void die(const char *what)
{
    fprintf(stderr, "bench_batch: %s\n", what);
    exit(1);
}

/* A client of the bench server with the server's budget, no cache, its own token. */
static clickup_client *client(const char *url, const char *token)
{
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_config_init(&cfg);
    cfg.token = token;
    cfg.base_url = url;
    cfg.team_id = "9001";
    cfg.rate_limit = LIMIT;
    cfg.rate_window_ms = WINDOW_S * 1000;
    cfg.disable_cache = 1;
    if (clickup_client_create(&cfg, &cu) != CLICKUP_OK) die("clickup_client_create failed");
    return cu;
}

/* 429 answers the server sent to this token. */
static long rejected(bench_server *s, const char *token)
{
    long ok, no;
    bench_server_token_counts(s, token, &ok, &no);
    return no;
}

/* ---- batch_create ---------------------------------------------------------------------------- */
static double run_batch_create(const char *url, char names[][48])
{
    clickup_client *cu = client(url, "pk_bench_batch_create");
    clickup_batch_item items[CREATES];
    clickup_task_new tasks[CREATES];
    clickup_batch_opts o;
    clickup_batch *b = NULL;
    double t0, ms;
    int i;
    memset(items, 0, sizeof items);
    memset(tasks, 0, sizeof tasks);
    for (i = 0; i < CREATES; i++) {
        snprintf(names[i], 48, "bench batch %d", i);
        tasks[i].name = names[i];
        items[i].kind = CLICKUP_BATCH_TASK_CREATE;
        items[i].list_id = "1";
        items[i].task = &tasks[i];
    }
    memset(&o, 0, sizeof o);
    o.concurrency = LIMIT;
    t0 = bench_now_ms();
    if (clickup_batch_run(cu, items, CREATES, &o, &b) != CLICKUP_OK) {
        fprintf(stderr, "bench_batch: batch: %u ok, %u failed; first error: %s\n", b ? (unsigned)b->ok : 0,
                b ? (unsigned)b->failed : 0, b ? b->results[0].error.message : "");
        die("the batch failed");
    }
    ms = bench_now_ms() - t0;
    if (verbose) {
        clickup_metrics m;
        clickup_metrics_get(cu, &m);
        fprintf(stderr, "bench_batch: batch: %d ok in %.0f ms, %llu requests, %llu x 429 seen, limiter waits %llu ms\n",
                (int)b->ok, ms, (unsigned long long)m.requests, (unsigned long long)m.responses_429,
                (unsigned long long)m.limiter_wait_ms);
    }
    clickup_batch_free(b);
    clickup_client_destroy(cu);
    return ms;
}

static double run_sequential_create(const char *url)
{
    clickup_client *cu = client(url, "pk_bench_sequential_create");
    double t0, ms;
    int i;
    t0 = bench_now_ms();
    for (i = 0; i < CREATES; i++) {
        clickup_task_new t;
        clickup_task *task = NULL;
        char name[48];
        memset(&t, 0, sizeof t);
        snprintf(name, sizeof name, "bench sequential %d", i);
        t.name = name;
        if (clickup_task_create(cu, "1", &t, &task) != CLICKUP_OK) {
            fprintf(stderr, "bench_batch: sequential create %d: %s\n", i, clickup_last_error(cu)->message);
            die("a sequential create failed");
        }
        clickup_task_free(task);
    }
    ms = bench_now_ms() - t0;
    clickup_client_destroy(cu);
    return ms;
}

/* ---- parallel_fetch ---------------------------------------------------------------------------- */
static double run_parallel_fetch(const char *url, const char *const *ids, size_t *tasks)
{
    clickup_client *cu = client(url, "pk_bench_parallel_fetch");
    clickup_tasks *all = NULL;
    double t0, ms;
    t0 = bench_now_ms();
    if (clickup_tasks_get_lists(cu, ids, LISTS, NULL, LIMIT, &all) != CLICKUP_OK) {
        fprintf(stderr, "bench_batch: get_lists: %s\n", clickup_last_error(cu)->message);
        die("clickup_tasks_get_lists failed");
    }
    ms = bench_now_ms() - t0;
    *tasks = all->count;
    clickup_tasks_free(all);
    clickup_client_destroy(cu);
    return ms;
}

static double run_sequential_fetch(const char *url, const char *const *ids, size_t *tasks)
{
    clickup_client *cu = client(url, "pk_bench_sequential_fetch");
    double t0, ms;
    size_t i;
    *tasks = 0;
    t0 = bench_now_ms();
    for (i = 0; i < LISTS; i++) {
        clickup_task_query q;
        clickup_tasks *one = NULL;
        memset(&q, 0, sizeof q);
        q.list_id = ids[i];
        if (clickup_tasks_get(cu, &q, &one) != CLICKUP_OK) {
            fprintf(stderr, "bench_batch: tasks_get %s: %s\n", ids[i], clickup_last_error(cu)->message);
            die("clickup_tasks_get failed");
        }
        *tasks += one->count;
        clickup_tasks_free(one);
    }
    ms = bench_now_ms() - t0;
    clickup_client_destroy(cu);
    return ms;
}

/* The sequential fetch on its own thread, while the main thread creates one by one. */
typedef struct fetch_job {
    const char        *url;
    const char *const *ids;
    size_t             tasks;
    double             ms;
} fetch_job;

static void *sequential_fetch_thread(void *arg)
{
    fetch_job *job = (fetch_job *)arg;
    job->ms = run_sequential_fetch(job->url, job->ids, &job->tasks);
    return NULL;
}

int main(void)
{
    static char names[CREATES][48];
    static char id_text[LISTS][16];
    const char *ids[LISTS];
    bench_server_opts so;
    bench_server *s;
    char url[64];
    double ideal = 2.0 * WINDOW_S * 1000 + LATENCY_MS;
    double batch_ms, seq_ms, par_ms;
    long creates, dups;
    size_t par_tasks, i;
    fetch_job job;
    pthread_t th;

    verbose = getenv("BENCH_VERBOSE") != NULL;
    signal(SIGPIPE, SIG_IGN);
    if (clickup_global_init() != CLICKUP_OK) die("clickup_global_init failed");
    memset(&so, 0, sizeof so);
    so.pages = 1;                          /* every list: one page, last_page true */
    so.tasks_per_page = 20;
    so.rate_limit = LIMIT;
    so.rate_window_s = WINDOW_S;
    so.latency_ms = LATENCY_MS;
    if (!(s = bench_server_start(&so))) die("cannot start the bench server");
    bench_server_base_url(s, url, sizeof url);
    for (i = 0; i < LISTS; i++) {
        snprintf(id_text[i], sizeof id_text[i], "%lu", (unsigned long)(9000 + i));
        ids[i] = id_text[i];
    }

    /* the concurrent runs, each alone */
    batch_ms = run_batch_create(url, names);
    par_ms = run_parallel_fetch(url, ids, &par_tasks);
    /* the sequential baselines, together */
    memset(&job, 0, sizeof job);
    job.url = url;
    job.ids = ids;
    if (pthread_create(&th, NULL, sequential_fetch_thread, &job) != 0) die("pthread_create failed");
    seq_ms = run_sequential_create(url);
    pthread_join(th, NULL);

    bench_server_creates(s, &creates, &dups);
    if (creates != 2 * CREATES) fprintf(stderr, "bench_batch: the server saw %ld creates, expected %d\n", creates, 2 * CREATES);
    if (par_tasks != job.tasks)
        fprintf(stderr, "bench_batch: %lu tasks in parallel, %lu sequentially\n", (unsigned long)par_tasks,
                (unsigned long)job.tasks);
    printf("batch_create: %d creates in %.0f ms = %.2fx the allowance-bound ideal (%.0f ms; %d per %d s window, "
           "%d ms latency, concurrency %d), %.1fx faster than sequential (%.0f ms), %ld x 429, %ld duplicates\n",
           CREATES, batch_ms, batch_ms / ideal, ideal, LIMIT, WINDOW_S, LATENCY_MS, LIMIT, seq_ms / batch_ms, seq_ms,
           rejected(s, "pk_bench_batch_create") + rejected(s, "pk_bench_sequential_create"), dups);
    printf("parallel_fetch: %d lists in %.0f ms = %.2fx the allowance-bound ideal (%.0f ms), %.1fx faster than "
           "sequential (%.0f ms), %ld x 429\n",
           LISTS, par_ms, par_ms / ideal, ideal, job.ms / par_ms, job.ms,
           rejected(s, "pk_bench_parallel_fetch") + rejected(s, "pk_bench_sequential_fetch"));
    if (verbose)
        fprintf(stderr, "bench_batch: %lu tasks fetched each way; %ld connections accepted in all\n",
                (unsigned long)par_tasks, bench_server_connections(s));
    fflush(stdout);
    bench_server_stop(s);
    clickup_global_cleanup();
    return 0;
}

/* Threads: 8 threads, one client each, all sharing one clickup_limiter, against ONE sandbox
   that enforces the same limit per token. The shared limit must hold: the sandbox answers
   no 429 at all and never counts more than the limit in one of its windows; every call
   succeeds; and the limiter does not leave much of the allowance unused.
   Built three ways: ASan+UBSan and valgrind by the Makefile's generic rules, and with
   -fsanitize=thread by tests/threads.mk (make test-threads), where data races are errors.
   Under valgrind (CLICKUP_UNDER_VALGRIND) the run is smaller and the limit lower. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>
#include <pthread.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include "sandbox.h"
#include <cmocka.h>

#define THREADS 8

typedef struct shared {
    clickup_limiter *limiter;
    char             base[96];
    int              per_thread;
    int              mode;            /* 0 list get, 1 a mix of reads, 2 writes too */
} shared;

typedef struct worker {
    shared        *sh;
    int            index;
    int            ok, failed;
    clickup_result first_error;
    char           first_message[256];
    uint64_t       requests, responses_429, limiter_wait_ms;
    clickup_task  *handoff;           /* a result created here, read and freed by main */
} worker;

static double now_s(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void note(worker *w, clickup_client *c, clickup_result rc) {
    if (rc == CLICKUP_OK) { w->ok++; return; }
    if (!w->failed++) {
        w->first_error = rc;
        snprintf(w->first_message, sizeof w->first_message, "%s", clickup_last_error(c)->message);
    }
}

static void *work(void *arg) {
    worker *w = (worker *)arg;
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_metrics m;
    int i;
    clickup_config_init(&cfg);
    cfg.token = SANDBOX_TOKEN;
    cfg.team_id = SANDBOX_TEAM_ID;
    cfg.base_url = w->sh->base;
    cfg.limiter = w->sh->limiter;
    cfg.disable_cache = 1;            /* every call is a request */
    cfg.backoff_base_ms = 5;
    cfg.call_deadline_ms = 120000;
    if (clickup_client_create(&cfg, &c) != CLICKUP_OK) { w->failed = -1; return NULL; }
    for (i = 0; i < w->sh->per_thread; i++) {
        clickup_result rc;
        int kind = w->sh->mode == 0 ? 0 : (i + w->index) % (w->sh->mode == 1 ? 4 : 5);
        if (kind == 0) {
            clickup_list *l = NULL;
            rc = clickup_list_get(c, "2100", &l);
            clickup_list_free(l);
        } else if (kind == 1) {
            clickup_spaces *s = NULL;
            rc = clickup_spaces_get(c, NULL, &s);
            clickup_spaces_free(s);
        } else if (kind == 2) {
            clickup_task *t = NULL;
            rc = clickup_task_get(c, SANDBOX_SPECIAL_TASK, NULL, &t);
            if (rc == CLICKUP_OK && !w->handoff) w->handoff = t;   /* main reads and frees it */
            else clickup_task_free(t);
        } else if (kind == 3) {
            clickup_members *mm = NULL;
            rc = clickup_members_get(c, &mm);
            clickup_members_free(mm);
        } else {
            clickup_task_changes ch;
            memset(&ch, 0, sizeof ch);
            ch.status = (i & 1) ? "in progress" : "to do";
            rc = clickup_task_update(c, "86c00001", &ch, NULL);
        }
        note(w, c, rc);
    }
    clickup_metrics_get(c, &m);
    w->requests = m.requests;
    w->responses_429 = m.responses_429;
    w->limiter_wait_ms = m.limiter_wait_ms;
    clickup_client_destroy(c);
    return NULL;
}

static int under_valgrind(void) { return getenv("CLICKUP_UNDER_VALGRIND") != NULL; }

/* Run THREADS workers of per_thread calls each under a shared limit of `limit` per second. */
static void run_shared(int limit, int per_thread, int mode) {
    sandbox_opts o;
    sandbox *sb;
    shared sh;
    worker w[THREADS];
    pthread_t th[THREADS];
    double t0, secs;
    int i, total = THREADS * per_thread, ok = 0;
    uint64_t requests = 0, r429 = 0, waited = 0;
    size_t count_429, logged;
    int peak;

    memset(&o, 0, sizeof o);
    o.rate_limit = limit;
    o.rate_window_s = 1;
    sb = sandbox_start(&o);
    assert_non_null(sb);
    memset(&sh, 0, sizeof sh);
    sandbox_base_url(sb, sh.base, sizeof sh.base);
    sh.per_thread = per_thread;
    sh.mode = mode;
    assert_int_equal(clickup_limiter_create(limit, 1000, NULL, &sh.limiter), CLICKUP_OK);
    memset(w, 0, sizeof w);

    t0 = now_s();
    for (i = 0; i < THREADS; i++) {
        w[i].sh = &sh;
        w[i].index = i;
        assert_int_equal(pthread_create(&th[i], NULL, work, &w[i]), 0);
    }
    for (i = 0; i < THREADS; i++) assert_int_equal(pthread_join(th[i], NULL), 0);
    secs = now_s() - t0;

    for (i = 0; i < THREADS; i++) {
        if (w[i].failed)
            print_message("  thread %d: %d failures, first %s: %s\n", i, w[i].failed, clickup_strerror(w[i].first_error),
                          w[i].first_message);
        ok += w[i].ok;
        requests += w[i].requests;
        r429 += w[i].responses_429;
        waited += w[i].limiter_wait_ms;
        if (w[i].handoff) {          /* a result read and freed on another thread */
            assert_string_equal(w[i].handoff->id, SANDBOX_SPECIAL_TASK);
            clickup_task_free(w[i].handoff);
        }
    }
    count_429 = sandbox_count_429(sb);
    peak = sandbox_rate_peak(sb);
    logged = sandbox_request_count(sb, NULL, NULL);
    print_message("  %d threads, %d calls (mode %d) at %d/s: %.2f s, %llu requests (sandbox logged %lu), "
                  "%lu x 429 at the sandbox, window peak %d, limiter waits %llu ms in total\n",
                  THREADS, total, mode, limit, secs, (unsigned long long)requests, (unsigned long)logged,
                  (unsigned long)count_429, peak, (unsigned long long)waited);
    clickup_limiter_destroy(sh.limiter);
    sandbox_stop(sb);

    assert_int_equal(ok, total);
    assert_int_equal(count_429, 0);            /* the shared limit held: no 429 at all */
    assert_int_equal(r429, 0);
    assert_true(peak <= limit);
    assert_true(logged >= (size_t)total);
    /* Not wasteful either: the allowance is `limit` per second, and the run may take at most
       two windows more than the ideal (windows are aligned to Unix seconds, so a run that
       starts mid-window and the limiter's reset margins cost up to about one each). */
    if (total > limit) assert_true(secs < (double)total / limit + 2.5 + (under_valgrind() ? 30.0 : 0.0));
}

static void test_shared_limiter_2000_requests(void **state) {
    (void)state;
    if (under_valgrind()) run_shared(60, 30, 0);        /* 240 calls, 4+ windows */
    else run_shared(400, 250, 0);                       /* 2000 calls, 5+ windows */
}

static void test_shared_limiter_mixed_calls(void **state) {
    (void)state;
    if (under_valgrind()) run_shared(40, 10, 2);
    else run_shared(200, 60, 2);                        /* reads, team lookups and PUTs */
}

/* The limiter itself hammered from many threads with no network:
   - its ring of send times stays in order (oldest at the head), which its expiry relies on:
     checked under its own lock after every token taken;
   - over the whole run of D ms it hands out at most limit * (D / window + 1) tokens, and at
     least the allowance of the windows that fit in it.
   (The clock readings the threads pass in are not the times the limiter used: a reading can
   be stale by the time its thread gets the lock, and the limiter clamps it to the newest it
   has seen. So the tightest span of limit+1 readings is only printed.) */
typedef struct hammer { clickup_limiter *l; int taken, unordered; uint64_t *times; int cap; } hammer;
static int ring_in_order_locked(const clickup__ring *l) {
    size_t i;
    for (i = 1; i < l->count; i++)
        if (l->ring[(l->head + i) % l->ring_cap] < l->ring[(l->head + i - 1) % l->ring_cap]) return 0;
    return 1;
}
static void *hammer_fn(void *arg) {
    hammer *h = (hammer *)arg;
    double end = now_s() + 0.6;
    while (now_s() < end && h->taken < h->cap) {
        uint64_t t = clickup__mono_ms(NULL);
        if (clickup__limiter_try(clickup__ring_of(h->l), t) == 0) {
            clickup_http_response r;
            memset(&r, 0, sizeof r);
            h->times[h->taken++] = t;
            pthread_mutex_lock(&clickup__ring_of(h->l)->mu);
            if (!ring_in_order_locked(clickup__ring_of(h->l))) h->unordered++;
            pthread_mutex_unlock(&clickup__ring_of(h->l)->mu);
            clickup__limiter_update(clickup__ring_of(h->l), t, clickup__wall_ms(NULL), &r, 0);
        }
    }
    return NULL;
}
static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}
static void test_limiter_hammer(void **state) {
    enum { LIMIT = 50, WINDOW = 200, CAP = 4096 };
    clickup_limiter *l = NULL;
    hammer h[THREADS];
    pthread_t th[THREADS];
    uint64_t *all, tightest = WINDOW * 10, t_start, t_end, most;
    int i, j, n = 0, unordered = 0;
    (void)state;
    assert_int_equal(clickup_limiter_create(LIMIT, WINDOW, NULL, &l), CLICKUP_OK);
    t_start = clickup__mono_ms(NULL);
    all = (uint64_t *)calloc(THREADS * CAP, sizeof *all);
    for (i = 0; i < THREADS; i++) {
        h[i].l = l; h[i].taken = 0; h[i].unordered = 0; h[i].cap = CAP;
        h[i].times = (uint64_t *)calloc(CAP, sizeof *h[i].times);
        assert_int_equal(pthread_create(&th[i], NULL, hammer_fn, &h[i]), 0);
    }
    for (i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(th[i], NULL), 0);
        for (j = 0; j < h[i].taken; j++) all[n++] = h[i].times[j];
        unordered += h[i].unordered;
        free(h[i].times);
    }
    t_end = clickup__mono_ms(NULL);
    most = (uint64_t)LIMIT * ((t_end - t_start) / WINDOW + 1);
    clickup_limiter_destroy(l);
    qsort(all, (size_t)n, sizeof *all, cmp_u64);
    for (i = 0; i + LIMIT < n; i++)      /* any LIMIT+1 tokens span a whole window */
        if (all[i + LIMIT] - all[i] < tightest) tightest = all[i + LIMIT] - all[i];
    free(all);
    print_message("  limiter hammer: %d tokens in %llu ms from %d threads (at most %d per %d ms, so at most %llu); "
                  "tightest %d+1 readings: %llu ms; ring out of order after %d of them\n", n,
                  (unsigned long long)(t_end - t_start), THREADS, LIMIT, WINDOW, (unsigned long long)most, LIMIT,
                  (unsigned long long)tightest, unordered);
    assert_int_equal(unordered, 0);
    assert_true((uint64_t)n <= most);
    assert_true(n >= LIMIT * 2);         /* and it did hand out the allowance of 3 windows */
}

/* A clock reading that is a little stale when it reaches the limiter (the thread read the
   clock, then waited for the lock while another thread went ahead) must not put the ring out
   of order: the expiry only looks at the head, so an entry behind a newer one is forgotten
   late, and the window's count is wrong until then. The limiter can clamp readings to the
   newest it has seen. */
static void test_stale_clock_reading(void **state) {
    clickup_limiter *l = NULL;
    int in_order;
    (void)state;
    assert_int_equal(clickup_limiter_create(3, 200, NULL, &l), CLICKUP_OK);
    assert_int_equal(clickup__limiter_try(clickup__ring_of(l), 1000), 0);       /* thread A, read 1000   */
    assert_int_equal(clickup__limiter_try(clickup__ring_of(l), 1010), 0);       /* thread B, read 1010   */
    assert_int_equal(clickup__limiter_try(clickup__ring_of(l), 1005), 0);       /* thread C, read 1005 before B took the lock */
    pthread_mutex_lock(&clickup__ring_of(l)->mu);
    in_order = ring_in_order_locked(clickup__ring_of(l));
    pthread_mutex_unlock(&clickup__ring_of(l)->mu);
    clickup_limiter_destroy(l);
    assert_true(in_order);
}

/* The shared limiter's view of the server after answers processed out of order (what 8
   threads do all the time): A and B were sent, the server counted A (9 left) then B (8 left),
   and B's thread processed its answer first. The limiter may not believe more than 8 remain:
   taking A's older, larger Remaining as the truth lets one request too many go, which is a
   429 at the server (the occasional 401st request in test_shared_limiter_2000_requests). */
static void test_out_of_order_answers_never_raise_remaining(void **state) {
    clickup_limiter *l = NULL;
    clickup_http_response a, b;
    char reset[32];
    int64_t wall = clickup__wall_ms(NULL);
    uint64_t now = 100000;
    (void)state;
    assert_int_equal(clickup_limiter_create(400, 1000, NULL, &l), CLICKUP_OK);
    snprintf(reset, sizeof reset, "%lld", (long long)(wall / 1000 + 1));
    memset(&a, 0, sizeof a); memset(&b, 0, sizeof b);
    a.status = b.status = 200;
    a.rate_limit = b.rate_limit = "400";
    a.rate_reset = b.rate_reset = reset;
    a.rate_remaining = "9";
    b.rate_remaining = "8";
    assert_int_equal(clickup__limiter_try(clickup__ring_of(l), now), 0);       /* A goes */
    assert_int_equal(clickup__limiter_try(clickup__ring_of(l), now), 0);       /* B goes */
    clickup__limiter_update(clickup__ring_of(l), now + 5, wall + 5, &b, 1);    /* B's answer first */
    assert_true(clickup__ring_of(l)->server_remaining <= 8);
    clickup__limiter_update(clickup__ring_of(l), now + 6, wall + 6, &a, 1);    /* then A's, older */
    print_message("  after B (8 left) then A (9 left): the limiter believes %d remain\n", clickup__ring_of(l)->server_remaining);
    {
        int believed = clickup__ring_of(l)->server_remaining;
        clickup_limiter_destroy(l);
        assert_true(believed <= 8);
    }
}

static int group_setup(void **state) { (void)state; return clickup_global_init() == CLICKUP_OK ? 0 : -1; }
static int group_teardown(void **state) { (void)state; clickup_global_cleanup(); return 0; }

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_limiter_hammer),
        cmocka_unit_test(test_stale_clock_reading),
        cmocka_unit_test(test_out_of_order_answers_never_raise_remaining),
        cmocka_unit_test(test_shared_limiter_2000_requests),
        cmocka_unit_test(test_shared_limiter_mixed_calls),
    };
    return cmocka_run_group_tests_name("threads", tests, group_setup, group_teardown);
}

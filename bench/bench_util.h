/* bench_util.h - small helpers shared by the bench programs (header-only, static functions).

   - bench_now_ms / bench_wall_ms: CLOCK_MONOTONIC / CLOCK_REALTIME in milliseconds (double).
   - bench_thread_cpu_us: CPU time (user + system) of the calling thread in microseconds
     (CLOCK_THREAD_CPUTIME_ID): excludes other threads, such as bench_server.h's.
   - bench_sleep_ms: nanosleep that survives EINTR.
   - bench_median: median of n doubles (sorts them in place).
   - bench_append: append bytes to a growing, NUL-terminated buffer (a libcurl write callback's
     body).
   - bench_counting_allocator: a clickup_allocator (define BENCH_UTIL_CLICKUP after including
     clickup.h to get it) that tracks outstanding bytes and their peak. Each block carries a
     16-byte size header so free_fn knows what it releases; the header is not counted.
   - bench_verbose(): BENCH_VERBOSE is set (extra diagnostics on stderr).

   Everything is static and marked unused, so a program can include this and use only part. */
#ifndef BENCH_UTIL_H
#define BENCH_UTIL_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#if defined(__GNUC__) || defined(__clang__)
#  define BENCH_FN static __attribute__((unused))
#else
#  define BENCH_FN static
#endif

/* Append n bytes at *p (*len used, *cap allocated), doubling the allocation as needed and
   keeping a NUL after the bytes. 1, or 0 when memory ran out (nothing appended). */
BENCH_FN int bench_append(char **p, size_t *len, size_t *cap, const char *data, size_t n)
{
    if (*len + n + 1 > *cap) {
        size_t ncap = *cap ? *cap : 4096;
        char *np;
        while (ncap < *len + n + 1) ncap *= 2;
        if (!(np = (char *)realloc(*p, ncap))) return 0;
        *p = np;
        *cap = ncap;
    }
    memcpy(*p + *len, data, n);
    *len += n;
    (*p)[*len] = '\0';
    return 1;
}

BENCH_FN double bench_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

BENCH_FN double bench_wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

BENCH_FN double bench_thread_cpu_us(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return -1.0;
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec * 1e-3;
}

BENCH_FN void bench_sleep_ms(double ms)
{
    struct timespec ts, rem;
    if (ms <= 0) return;
    ts.tv_sec = (time_t)(ms / 1000.0);
    ts.tv_nsec = (long)((ms - (double)ts.tv_sec * 1000.0) * 1e6);
    if (ts.tv_nsec >= 1000000000L) { ts.tv_sec++; ts.tv_nsec -= 1000000000L; }
    if (ts.tv_nsec < 0) ts.tv_nsec = 0;
    while (nanosleep(&ts, &rem) != 0 && errno == EINTR) ts = rem;
}

BENCH_FN int bench_cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

BENCH_FN double bench_median(double *v, int n)
{
    if (n <= 0) return 0.0;
    qsort(v, (size_t)n, sizeof v[0], bench_cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

BENCH_FN int bench_verbose(void)
{
    const char *v = getenv("BENCH_VERBOSE");
    return v && *v && strcmp(v, "0") != 0;
}

#ifdef BENCH_UTIL_CLICKUP
/* ---- a clickup_allocator that tracks outstanding bytes and their peak -------------------- */
typedef struct bench_counting {
    size_t outstanding, peak;     /* bytes requested by clickup.h, live and at most        */
    long   blocks, calls;         /* live blocks; malloc_fn + realloc_fn calls               */
} bench_counting;

#define BENCH_HDR 16u

BENCH_FN void bench_counting_add(bench_counting *c, size_t n)
{
    c->outstanding += n;
    if (c->outstanding > c->peak) c->peak = c->outstanding;
}

BENCH_FN void *bench_counting_malloc(void *user, size_t n)
{
    bench_counting *c = (bench_counting *)user;
    unsigned char *p = (unsigned char *)malloc(n + BENCH_HDR);
    if (!p) return NULL;
    memcpy(p, &n, sizeof n);
    c->blocks++;
    c->calls++;
    bench_counting_add(c, n);
    return p + BENCH_HDR;
}

BENCH_FN void bench_counting_free(void *user, void *ptr)
{
    bench_counting *c = (bench_counting *)user;
    unsigned char *p;
    size_t n;
    if (!ptr) return;
    p = (unsigned char *)ptr - BENCH_HDR;
    memcpy(&n, p, sizeof n);
    c->outstanding -= n;
    c->blocks--;
    free(p);
}

BENCH_FN void *bench_counting_realloc(void *user, void *ptr, size_t old_size, size_t n)
{
    bench_counting *c = (bench_counting *)user;
    unsigned char *p, *np;
    size_t old;
    (void)old_size;
    if (!ptr) return bench_counting_malloc(user, n);
    p = (unsigned char *)ptr - BENCH_HDR;
    memcpy(&old, p, sizeof old);
    np = (unsigned char *)realloc(p, n + BENCH_HDR);
    if (!np) return NULL;
    memcpy(np, &n, sizeof n);
    c->calls++;
    /* the old and the new block may both be live inside realloc: count the larger sum */
    bench_counting_add(c, n);
    c->outstanding -= old;
    return np + BENCH_HDR;
}

BENCH_FN clickup_allocator bench_counting_allocator(bench_counting *c)
{
    clickup_allocator a;
    a.malloc_fn = bench_counting_malloc;
    a.realloc_fn = bench_counting_realloc;
    a.free_fn = bench_counting_free;
    a.user = c;
    return a;
}
#endif /* BENCH_UTIL_CLICKUP */

#endif /* BENCH_UTIL_H */

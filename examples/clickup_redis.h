/* clickup_redis.h - v0.2.0 - the Redis companion of clickup.h: one rate budget per ClickUp token
   for every process of many hosts, and one response cache they all share. On hiredis.
   MIT or public domain (Unlicense), your choice, as clickup.h.

   clickup.h keeps libcurl as its only dependency; this file adds Redis through its two method
   tables (clickup_limiter_create_custom, clickup_cache_create_custom). stb style: in exactly
   ONE .c file write

       #define CLICKUP_IMPLEMENTATION            // clickup.h's own, in this file or another
       #include "clickup.h"
       #define CLICKUP_REDIS_IMPLEMENTATION
       #include "clickup_redis.h"

   and build with hiredis (Debian: libhiredis-dev):
       cc -std=c99 -D_POSIX_C_SOURCE=200809L app.c -lcurl -lhiredis -lpthread

   THE LIMITER (clickup_redis_limiter_open)
   ----------------------------------------
   Exactly the algorithm of clickup.h's own limiter, run inside Redis by one Lua script per
   request (EVALSHA, or EVAL when Redis answers NOSCRIPT): the send times of the last window
   are a sorted set, so no window of window_ms ever sees more than `limit` requests from all
   hosts together, whatever the phase of ClickUp's own windows. The script reads Redis's TIME:
   the clocks of the hosts do not matter. What ClickUp answers (X-RateLimit-Limit, -Remaining,
   -Reset, Retry-After, 429) goes through a second script into the same state, so a 429 seen
   by one host holds back all of them until the Reset or the Retry-After.
   Keys: PREFIX:{H}:rl:log (sorted set of send times) and PREFIX:{H}:rl:st (hash: limit,
   Remaining, Reset, hold, requests in flight, epoch), where H is 32 hex digits of
   SHA-256 of the token (never the token itself; the braces keep one token's keys in one Redis
   Cluster slot) and PREFIX is "clickup" unless configured. Every key has a TTL of two windows
   plus 10 s (set when it is made, refreshed every quarter of it while in use): nothing lingers.

   When Redis cannot be reached (refused, timed out, a reply that makes no sense), `policy`
   says what acquire does:
     CLICKUP_REDIS_FAIL_CLOSED     (default) refuse: acquire returns CLICKUP_ERR_RATE_LIMITED
                                   and the call fails with it. Nothing is sent that Redis did
                                   not admit, so the budget holds exactly.
     CLICKUP_REDIS_LOCAL_FALLBACK  go on with an in-process limiter at local_share of the
                                   budget (e.g. 1/N for N processes): the algorithm of
                                   clickup_limiter_create_ex, Remaining, Reset and Retry-After
                                   included (run here: clickup.h has no public acquire through
                                   which its own could be driven), started with this process's
                                   own sends of the last window.
                                   When Redis is back, those sends are written into its log.
                                   The price of availability: in the window the outage starts,
                                   the local shares come on top of what was sent through Redis
                                   just before, and a host cut off alone spends its share on
                                   top of the others' budget: choose shares that leave room.
   Reconnection is automatic: on the next acquire after a failure, once a back-off has passed
   (retry_min_ms doubling up to retry_max_ms), with connect_timeout_ms. A command waits at most
   command_timeout_ms. So a dead Redis costs one short timeout now and then, never a hang: an
   acquire blocks at most connect_timeout_ms + command_timeout_ms.
   A Redis that lost the state (restarted without persistence, flushed, evicted) while this
   process had used it less than a TTL ago is detected by an epoch in the state: the new state
   then starts with a hold of one window, so that no send of the forgotten window is repeated.
   Run Redis with persistence (appendonly) to avoid that pause.
   What ClickUp has left is reckoned as clickup.h's limiter does, for all hosts together:
   within one ClickUp window (one Reset value) its count only grows, so the lowest Remaining
   answered to any host is the latest count, and every request answered in that window was
   counted in it; what ClickUp may not have counted yet is in flight (admitted, not answered:
   fly) or ended without a Remaining (unk). Left = lowest Remaining - fly - unk, never more
   than the truth, whatever the order in which requests arrive and answers come back. (0.1.0
   took the requests in flight off each answer and kept the lowest result: it counted again
   what ClickUp had already seen, and 8 busy processes left 7 % of the budget unused.) A
   process killed between acquire and observe leaks its flight count for at most one window
   (it is never above the window's sends).
   A state that is not ours (wrong types, values this script never writes; send times in the
   future, which count as sends until the housekeeping of every quarter TTL finds them) is
   refused with a clear message to the log callback and the policy applies; the keys expire by
   themselves (one TTL after the last good write), or delete PREFIX:{H}:rl:*.
   LEASES. When the budget is ample (at least 4 slots free for each one asked), one admission
   takes several slots at once, up to lease_max (64): the first goes now, the others are used
   by this process, without asking Redis again, during a hundredth of the window (1 to 100 ms).
   Redis's log records them at the end of that lifetime, the latest they can be sent, so no
   window ever holds more than the limit. A process asks for twice as many slots each time a
   lease runs out within its lifetime, and for what it used when slots were left over; those
   are given back (removed from the log) with its next script, or when it is destroyed. A
   process that calls now and then asks for one slot: one admission per request, nothing
   held back. The price of a lease: a 429 or a Retry-After seen by one host ends its own lease
   at once, but another host may still send the slots it leased in the last lifetime (at most
   100 ms), and slots leased by a process killed before using them stay spent for one window.
   lease_max = 1 (or lease=1 in the URL) turns leases off.
   Cost: one round trip per admission and per answer; the admission script makes five Redis
   calls (TIME, HMGET, ZCOUNT, ZADD, HSET). With leases, a busy process makes one admission
   per lease: its acquires cost a fraction of a round trip on average.

   THE CACHE (clickup_redis_cache_open)
   ------------------------------------
   GET answers shared by every client of the token on every host: the body under
   PREFIX:{H}:c:<"GET /path?query"> (SET ... PX ttl), after a small header "CURC1 class gen sub
   length\n". Invalidation works for every process through generation counters:
   PREFIX:{H}:g:<class> for each class, and for task pages PREFIX:{H}:g:3:l:<list id> (the pages
   of one list) and PREFIX:{H}:g:3:x (workspace task queries). A write (or a webhook event
   applied with clickup_cache_clear / the cache's invalidate) INCRs them; a lookup reads the
   value and every generation in one MGET and the entry counts only when its header carries
   the current ones. A store carries the generations the lookup saw, and a script stores it only
   if they are still current, so an answer fetched before another process's write never lands
   after it. A value that is not ours (another type, a bad header or length) is a miss. A
   generation key that is missing or damaged makes its entries misses, and the next store or
   invalidation gives it a fresh random value: nothing depends on the generation keys' TTLs.
   When Redis cannot be reached: lookups miss, stores are skipped, and invalidations are kept
   and sent first when it is back (until then this process's lookups miss).

   URLS
   ----
       redis://[[user]:password@]host[:port][/db][?param=value&...]    (port 6379, db 0)
       unix:/path/to/redis.sock[?db=N&param=value&...]
   params: prefix=P (letters, digits, _ . - :, up to 64), fallback=closed|local, share=0.25, lease=N,
   connect_timeout_ms=N, timeout_ms=N. A config field that is set wins over the URL. The
   password is sent with AUTH and kept only for reconnecting (wiped on destroy); messages show
   the URL without it.

   ENVIRONMENT (clickup_redis_env_open, after clickup_config_from_env)
   -------------------------------------------------------------------
       CLICKUP_LIMITER=redis://...   a Redis limiter for config.token becomes config.limiter
                                     (file:/path stays clickup.h's own)
       CLICKUP_CACHE=redis://...     a Redis cache becomes config.cache
   A bad value is CLICKUP_ERR_CONFIG with a message that names the variable.

   THREADS AND PROCESSES
   ---------------------
   Every object is thread-safe: a mutex around its hiredis connection (so one process's calls
   to Redis go one at a time). Open them in each process, after fork (a forked child that finds
   a connection of its parent drops it and connects anew, but a mutex held by another thread at
   the fork would stay held). SIGPIPE from a dead connection is blocked around each command and
   never reaches the process. The token is hashed at open and never stored, sent or logged.
   Memory: malloc, as hiredis.

   REQUIREMENTS: C99 or C++11, hiredis >= 0.14, POSIX (clock_gettime, pthread_sigmask).

   REVISION HISTORY
   0.2.0  leases (config.lease_max, lease= in URLs); what ClickUp has left is the lowest
          Remaining of its window less the requests in flight and those answered without one
          (rem now holds the lowest Remaining as answered; unk is new, and a state written by
          0.1.0 is read as having none). 0.1.0 processes read rem as what is left: run one
          version per token.
   0.1.0  first release: the shared limiter, the shared cache, the environment.
*/
#ifndef CLICKUP_REDIS_H
#define CLICKUP_REDIS_H

#include "clickup.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What the limiter does while Redis cannot be reached (see above). */
typedef enum clickup_redis_policy {
    CLICKUP_REDIS_POLICY_DEFAULT = 0,   /* the URL's fallback=..., else FAIL_CLOSED           */
    CLICKUP_REDIS_FAIL_CLOSED,          /* refuse: CLICKUP_ERR_RATE_LIMITED                  */
    CLICKUP_REDIS_LOCAL_FALLBACK        /* an in-process limiter at local_share of the budget */
} clickup_redis_policy;

typedef struct clickup_redis_config {
    const char *url;                /* required: redis://... or unix:/path (see URLS)          */
    const char *token;              /* required: the ClickUp token whose budget this is; only
                                       a hash of it is kept (the key names)                  */
    const char *prefix;             /* key prefix; NULL = the URL's prefix=, else "clickup"   */
    int    rate_limit;              /* as clickup_limiter_config: 0 = 100 until the server
                                       says otherwise; > 0 = a ceiling (at most 100000)      */
    int    window_ms;               /* 0 = 60000                                             */
    clickup_redis_policy policy;
    double local_share;             /* LOCAL_FALLBACK: the share of the budget this process
                                       may use alone, in (0, 1]; 0 = the URL's share=, else
                                       0.25                                                  */
    long   connect_timeout_ms;      /* 0 = the URL's, else 250                               */
    long   command_timeout_ms;      /* 0 = the URL's timeout_ms, else 500                    */
    long   retry_min_ms;            /* back-off between connection attempts: 0 = 100 ...     */
    long   retry_max_ms;            /* ... doubling up to this; 0 = 5000                     */
    clickup_log_fn log;             /* optional: Redis going away and coming back, a state
                                       that is not ours (never the token or a password)    */
    void  *log_user;
    /* since 0.2.0 */
    int    lease_max;               /* the most slots one admission through Redis may take
                                       (see LEASES): 0 = the URL's lease=, else 64; 1 = one
                                       admission per request, none held back              */
} clickup_redis_config;

/* A limiter whose budget lives in Redis, shared by every process on every host that opens it
   with the same URL, prefix and token. Connects at once: with FAIL_CLOSED a Redis that cannot
   be reached (or is not Redis) is an error here (CLICKUP_ERR_NETWORK, or
   CLICKUP_ERR_BAD_RESPONSE); with LOCAL_FALLBACK it is logged and the limiter starts on its
   local share. Other results: CLICKUP_ERR_INVALID_ARG (NULL), CLICKUP_ERR_CONFIG (a bad URL,
   token or value: msg says why), CLICKUP_ERR_NOMEM. Use *out as config.limiter; release it
   with clickup_limiter_destroy after the clients that use it. */
CLICKUP_API clickup_result clickup_redis_limiter_open(const clickup_redis_config *cfg, clickup_limiter **out,
                                                      char *msg, size_t msg_size);

/* A response cache in Redis shared by every client of the token (see THE CACHE). Only url,
   token, prefix, the timeouts and log are read. Connects at once; a Redis that cannot be
   reached is an error here (as the limiter's FAIL_CLOSED). Use *out as config.cache; release
   it with clickup_cache_destroy after the clients that use it. */
CLICKUP_API clickup_result clickup_redis_cache_open(const clickup_redis_config *cfg, clickup_cache **out,
                                                    char *msg, size_t msg_size);

/* What clickup_redis_env_open made. */
typedef struct clickup_redis_env {
    clickup_limiter *limiter;       /* from CLICKUP_LIMITER=redis://..., else NULL            */
    clickup_cache   *cache;         /* from CLICKUP_CACHE=redis://..., else NULL              */
} clickup_redis_env;

/* After clickup_config_from_env(cfg): CLICKUP_LIMITER=redis://... opens a Redis limiter for
   cfg->token with cfg->rate_limit and cfg->rate_window_ms and sets cfg->limiter;
   CLICKUP_CACHE=redis://... opens a Redis cache and sets cfg->cache (unless cfg->disable_cache).
   Messages go to cfg->log. Returns CLICKUP_OK (also when neither is set), or an error with
   msg naming the variable (CLICKUP_ERR_CONFIG for a bad value, or what the open returned);
   then nothing is left open. Release with clickup_redis_env_close after the clients. */
CLICKUP_API clickup_result clickup_redis_env_open(clickup_config *cfg, clickup_redis_env *env, char *msg,
                                                  size_t msg_size);
CLICKUP_API void clickup_redis_env_close(clickup_redis_env *env);

#ifdef __cplusplus
}
#endif
#endif /* CLICKUP_REDIS_H */

/* #############################################################################################
   IMPLEMENTATION
   [helpers] [sha256] [url] [scripts] [connection] [limiter] [cache] [env]
   ############################################################################################# */
#ifdef CLICKUP_REDIS_IMPLEMENTATION
#ifndef CLICKUP_REDIS_IMPLEMENTATION_ONCE
#define CLICKUP_REDIS_IMPLEMENTATION_ONCE

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <hiredis/hiredis.h>

#if !defined(CLOCK_MONOTONIC)
#  error "clickup_redis.h: CLOCK_MONOTONIC is hidden by strict ISO mode: compile the file that defines CLICKUP_REDIS_IMPLEMENTATION with -D_POSIX_C_SOURCE=200809L (or define it before the first #include)."
#endif

#if defined(__GNUC__) || defined(__clang__)
#  define CLICKUP_REDIS__FN static __attribute__((unused))
#else
#  define CLICKUP_REDIS__FN static
#endif

/* ==== [helpers] ============================================================================= */
#define CLICKUP_REDIS__LIMIT_MAX   100000      /* as clickup.h's limiter                          */
#define CLICKUP_REDIS__HISTORY     10000       /* this process's sends remembered (fallback)      */
#define CLICKUP_REDIS__FLIGHT      4096        /* this process's requests in flight, remembered   */
#define CLICKUP_REDIS__LEASE_MAX   64          /* the most slots one admission takes              */
#define CLICKUP_REDIS__SNAPSHOTS   128         /* generations seen by recent cache lookups        */
#define CLICKUP_REDIS__MAX_ARRAY   64          /* the longest array reply we ever expect          */

CLICKUP_REDIS__FN uint64_t clickup_redis__mono_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}
CLICKUP_REDIS__FN int64_t clickup_redis__wall_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + (int64_t)ts.tv_nsec / 1000000;
}

CLICKUP_REDIS__FN void clickup_redis__fmt(char *buf, size_t n, const char *fmt, ...) {
    va_list ap;
    if (!buf || !n) return;
    va_start(ap, fmt);
    (void)vsnprintf(buf, n, fmt, ap);
    va_end(ap);
}

/* FNV-1a, never 0. */
CLICKUP_REDIS__FN uint64_t clickup_redis__fnv(const char *s, size_t n) {
    uint64_t h = 14695981039346656037ULL;
    size_t i;
    for (i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 1099511628211ULL; }
    return h ? h : 1;
}

/* Overwrite, then free: the Redis password. */
CLICKUP_REDIS__FN void clickup_redis__free_secret(char *s) {
    volatile char *v = s;
    if (!s) return;
    while (*v) *v++ = 0;
    free(s);
}

CLICKUP_REDIS__FN char *clickup_redis__strndup(const char *s, size_t n) {
    char *d = (char *)malloc(n + 1);
    if (d) { memcpy(d, s, n); d[n] = '\0'; }
    return d;
}

/* A decimal integer, all of s[0..n) (an optional '-', digits): 1 and *out, else 0. */
CLICKUP_REDIS__FN int clickup_redis__i64(const char *s, size_t n, int64_t *out) {
    size_t i = 0;
    int neg = 0;
    uint64_t v = 0;
    if (n && s[0] == '-') { neg = 1; i = 1; }
    if (i == n || n - i > 19) return 0;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10u + (uint64_t)(s[i] - '0');
    }
    if (v > (uint64_t)INT64_MAX) return 0;
    *out = neg ? -(int64_t)v : (int64_t)v;
    return 1;
}

/* A header value as a non-negative integer (spaces and tabs around it allowed); -1 if not. */
CLICKUP_REDIS__FN int64_t clickup_redis__hdr(const char *s) {
    size_t n;
    int64_t v;
    if (!s) return -1;
    while (*s == ' ' || *s == '\t') s++;
    n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    if (!n || s[0] == '-' || !clickup_redis__i64(s, n, &v)) return -1;
    return v;
}

/* Retry-After as an HTTP-date (IMF-fixdate, RFC 850 or asctime): Unix ms, or -1. */
CLICKUP_REDIS__FN int64_t clickup_redis__http_date(const char *v) {
    static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    int d = 0, y = 0, h = 0, mi = 0, s = 0, m = -1, i;
    char ms[4] = { 0 };
    const char *p = strchr(v, ',');
    int64_t days;
    if (p) {
        if (sscanf(p + 1, " %2d%*[ -]%3s%*[ -]%d %2d:%2d:%2d", &d, ms, &y, &h, &mi, &s) != 6) return -1;
    } else if (sscanf(v, "%*3s %3s %d %2d:%2d:%2d %d", ms, &d, &h, &mi, &s, &y) != 6) {
        return -1;
    }
    for (i = 0; i < 12; i++)
        if (strcmp(ms, mon[i]) == 0) m = i;
    if (m < 0 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60 || y < 0 || y > 9999)
        return -1;
    if (y < 100) y += y < 70 ? 2000 : 1900;
    {   /* days since 1970-01-01, proleptic Gregorian */
        int yy = y - (m < 2), era = (yy >= 0 ? yy : yy - 399) / 400;
        int yoe = yy - era * 400, mp = (m + 10) % 12;
        int doy = (153 * mp + 2) / 5 + d - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        days = (int64_t)era * 146097 + doe - 719468;
    }
    return (days * 86400 + h * 3600 + mi * 60 + s) * 1000;
}

/* 64 random bits: /dev/urandom, else the clocks, the pid and an address, mixed. */
CLICKUP_REDIS__FN uint64_t clickup_redis__random(void) {
    uint64_t r = 0, x;
    int fd = open("/dev/urandom", O_RDONLY);
    if (fd >= 0) {
        ssize_t n = read(fd, &r, sizeof r);
        close(fd);
        if (n == (ssize_t)sizeof r && r) return r;
    }
    x = (uint64_t)clickup_redis__wall_ms() ^ (clickup_redis__mono_ms() << 20) ^ ((uint64_t)getpid() << 40) ^
        (uint64_t)(uintptr_t)&r;
    x ^= x >> 33; x *= 0xff51afd7ed558ccdULL; x ^= x >> 33; x *= 0xc4ceb9fe1a85ec53ULL; x ^= x >> 33;
    return x ? x : 0x9E3779B97F4A7C15ULL;
}

/* ==== [sha256] (FIPS 180-4), for the token's hash =========================================== */
typedef struct clickup_redis__sha {
    uint32_t h[8];
    uint64_t bytes;
    unsigned char buf[64];
    size_t used;
} clickup_redis__sha;

#define CLICKUP_REDIS__ROR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

CLICKUP_REDIS__FN void clickup_redis__sha_block(clickup_redis__sha *c, const unsigned char *p) {
    static const uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2 };
    uint32_t w[64], a, b, cc, d, e, f, g, h, t1, t2;
    int i;
    for (i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
    for (i = 16; i < 64; i++) {
        uint32_t s0 = CLICKUP_REDIS__ROR(w[i - 15], 7) ^ CLICKUP_REDIS__ROR(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = CLICKUP_REDIS__ROR(w[i - 2], 17) ^ CLICKUP_REDIS__ROR(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    a = c->h[0]; b = c->h[1]; cc = c->h[2]; d = c->h[3]; e = c->h[4]; f = c->h[5]; g = c->h[6]; h = c->h[7];
    for (i = 0; i < 64; i++) {
        t1 = h + (CLICKUP_REDIS__ROR(e, 6) ^ CLICKUP_REDIS__ROR(e, 11) ^ CLICKUP_REDIS__ROR(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
        t2 = (CLICKUP_REDIS__ROR(a, 2) ^ CLICKUP_REDIS__ROR(a, 13) ^ CLICKUP_REDIS__ROR(a, 22)) + ((a & b) ^ (a & cc) ^ (b & cc));
        h = g; g = f; f = e; e = d + t1; d = cc; cc = b; b = a; a = t1 + t2;
    }
    c->h[0] += a; c->h[1] += b; c->h[2] += cc; c->h[3] += d; c->h[4] += e; c->h[5] += f; c->h[6] += g; c->h[7] += h;
}

CLICKUP_REDIS__FN void clickup_redis__sha_init(clickup_redis__sha *c) {
    static const uint32_t iv[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    memset(c, 0, sizeof *c);
    memcpy(c->h, iv, sizeof iv);
}

CLICKUP_REDIS__FN void clickup_redis__sha_add(clickup_redis__sha *c, const void *data, size_t n) {
    const unsigned char *p = (const unsigned char *)data;
    c->bytes += n;
    while (n) {
        size_t take = 64 - c->used < n ? 64 - c->used : n;
        memcpy(c->buf + c->used, p, take);
        c->used += take; p += take; n -= take;
        if (c->used == 64) { clickup_redis__sha_block(c, c->buf); c->used = 0; }
    }
}

CLICKUP_REDIS__FN void clickup_redis__sha_end(clickup_redis__sha *c, unsigned char out[32]) {
    uint64_t bits = c->bytes * 8u;
    unsigned char pad = 0x80, zero = 0, len[8];
    int i;
    clickup_redis__sha_add(c, &pad, 1);
    while (c->used != 56) clickup_redis__sha_add(c, &zero, 1);
    for (i = 0; i < 8; i++) len[i] = (unsigned char)(bits >> (56 - 8 * i));
    clickup_redis__sha_add(c, len, 8);
    for (i = 0; i < 32; i++) out[i] = (unsigned char)(c->h[i / 4] >> (24 - 8 * (i % 4)));
}

/* The token's name in keys: 32 hex digits of SHA-256("clickup.h redis key\n" + token). */
CLICKUP_REDIS__FN void clickup_redis__token_hash(const char *token, char out[33]) {
    static const char hex[] = "0123456789abcdef";
    clickup_redis__sha c;
    unsigned char d[32];
    int i;
    clickup_redis__sha_init(&c);
    clickup_redis__sha_add(&c, "clickup.h redis key\n", 20);
    clickup_redis__sha_add(&c, token, strlen(token));
    clickup_redis__sha_end(&c, d);
    for (i = 0; i < 16; i++) { out[2 * i] = hex[d[i] >> 4]; out[2 * i + 1] = hex[d[i] & 15]; }
    out[32] = '\0';
    {   /* the digest held nothing secret, but the state did: wipe it */
        volatile unsigned char *v = (volatile unsigned char *)&c;
        size_t k;
        for (k = 0; k < sizeof c; k++) v[k] = 0;
    }
}

/* ==== [url] ================================================================================ */
typedef struct clickup_redis__target {
    char  host[256];                /* TCP host, "" for a Unix socket                         */
    int   port;
    char  path[256];                /* Unix socket path                                       */
    int   db;
    char *user, *pass;              /* malloc'd, or NULL                                      */
    char  prefix[65];
    int   fallback;                 /* 0 unset, 1 closed, 2 local                             */
    double share;                   /* 0 unset                                                */
    long  connect_ms, command_ms;   /* 0 unset                                                */
    int   lease;                    /* 0 unset                                                */
    char  shown[300];               /* the URL without credentials, for messages              */
} clickup_redis__target;

CLICKUP_REDIS__FN int clickup_redis__prefix_ok(const char *p, size_t n) {
    size_t i;
    if (n == 0 || n > 64) return 0;
    for (i = 0; i < n; i++) {
        char ch = p[i];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
              ch == '.' || ch == '-' || ch == ':'))
            return 0;
    }
    return 1;
}

/* A whole number in [lo, hi] from text[0..n): 1, else 0. */
CLICKUP_REDIS__FN int clickup_redis__num(const char *text, size_t n, long lo, long hi, long *out) {
    int64_t v;
    if (!clickup_redis__i64(text, n, &v) || v < lo || v > hi) return 0;
    *out = (long)v;
    return 1;
}

/* The query: prefix=, db= (unix), fallback=, share=, connect_timeout_ms=, timeout_ms=, lease=.
   NULL or why not. */
CLICKUP_REDIS__FN const char *clickup_redis__params(const char *q, clickup_redis__target *t, int unix_socket) {
    while (*q) {
        const char *amp = strchr(q, '&'), *eq;
        size_t len = amp ? (size_t)(amp - q) : strlen(q), klen, vlen;
        const char *v;
        long num;
        eq = (const char *)memchr(q, '=', len);
        if (!eq) return "a URL parameter has no value (name=value)";
        klen = (size_t)(eq - q); v = eq + 1; vlen = len - klen - 1;
        if (klen == 6 && memcmp(q, "prefix", 6) == 0) {
            if (!clickup_redis__prefix_ok(v, vlen)) return "prefix= must be 1 to 64 letters, digits, _ . - or :";
            memcpy(t->prefix, v, vlen); t->prefix[vlen] = '\0';
        } else if (klen == 2 && memcmp(q, "db", 2) == 0 && unix_socket) {
            if (!clickup_redis__num(v, vlen, 0, 100000, &num)) return "db= must be a database number";
            t->db = (int)num;
        } else if (klen == 8 && memcmp(q, "fallback", 8) == 0) {
            if (vlen == 6 && memcmp(v, "closed", 6) == 0) t->fallback = 1;
            else if (vlen == 5 && memcmp(v, "local", 5) == 0) t->fallback = 2;
            else return "fallback= must be closed or local";
        } else if (klen == 5 && memcmp(q, "share", 5) == 0) {
            char tmp[32], *end = NULL;
            double d;
            if (vlen == 0 || vlen >= sizeof tmp) return "share= must be a number in (0, 1]";
            memcpy(tmp, v, vlen); tmp[vlen] = '\0';
            d = strtod(tmp, &end);
            if (!end || *end || !(d > 0.0 && d <= 1.0)) return "share= must be a number in (0, 1]";
            t->share = d;
        } else if (klen == 18 && memcmp(q, "connect_timeout_ms", 18) == 0) {
            if (!clickup_redis__num(v, vlen, 1, 600000, &num)) return "connect_timeout_ms= must be 1 to 600000";
            t->connect_ms = num;
        } else if (klen == 10 && memcmp(q, "timeout_ms", 10) == 0) {
            if (!clickup_redis__num(v, vlen, 1, 600000, &num)) return "timeout_ms= must be 1 to 600000";
            t->command_ms = num;
        } else if (klen == 5 && memcmp(q, "lease", 5) == 0) {
            if (!clickup_redis__num(v, vlen, 1, CLICKUP_REDIS__LEASE_MAX, &num)) return "lease= must be 1 to 64";
            t->lease = (int)num;
        } else {
            return "unknown URL parameter (known: prefix, db for unix:, fallback, share, connect_timeout_ms, timeout_ms, lease)";
        }
        q += len + (amp ? 1 : 0);
    }
    return NULL;
}

/* Parse url into t (zeroed first). NULL, or why not (static text; never the URL itself, which may
   hold a password). */
CLICKUP_REDIS__FN const char *clickup_redis__parse_url(const char *url, clickup_redis__target *t) {
    const char *p, *q, *why;
    size_t i;
    memset(t, 0, sizeof *t);
    t->port = 6379;
    if (!url || !url[0]) return "no Redis URL";
    for (i = 0; url[i]; i++)
        if ((unsigned char)url[i] <= ' ' || (unsigned char)url[i] >= 0x7f) return "the Redis URL has spaces or control characters";
    if (strncmp(url, "unix:", 5) == 0) {
        size_t n;
        p = url + 5;
        if (strncmp(p, "//", 2) == 0) p += 2;           /* unix:///path as well as unix:/path */
        q = strchr(p, '?');
        n = q ? (size_t)(q - p) : strlen(p);
        if (n == 0 || p[0] != '/' || n >= sizeof t->path) return "a unix: Redis URL needs an absolute socket path";
        memcpy(t->path, p, n); t->path[n] = '\0';
        if (q && (why = clickup_redis__params(q + 1, t, 1)) != NULL) return why;
        clickup_redis__fmt(t->shown, sizeof t->shown, "unix:%s (db %d)", t->path, t->db);
        return NULL;
    }
    if (strncmp(url, "redis://", 8) != 0) return "the Redis URL must start with redis:// or unix:";
    p = url + 8;
    {   /* [[user]:password@] */
        const char *at = strchr(p, '@'), *slash = strchr(p, '/'), *qm = strchr(p, '?');
        if (at && (!slash || at < slash) && (!qm || at < qm)) {
            const char *colon = (const char *)memchr(p, ':', (size_t)(at - p));
            if (!colon) return "the Redis URL's credentials must be [user]:password@";
            if (colon > p && !(t->user = clickup_redis__strndup(p, (size_t)(colon - p)))) return "out of memory";
            if (!(t->pass = clickup_redis__strndup(colon + 1, (size_t)(at - colon - 1)))) return "out of memory";
            p = at + 1;
        }
    }
    {   /* host[:port] */
        size_t n = strcspn(p, "/?");
        const char *hend = p + n, *colon = NULL;
        size_t hl;
        if (p[0] == '[') {
            const char *rb = (const char *)memchr(p, ']', n);
            if (!rb) return "the Redis URL's IPv6 host lacks its ]";
            hl = (size_t)(rb - p - 1);
            if (hl == 0 || hl >= sizeof t->host) return "the Redis URL's host is empty or too long";
            memcpy(t->host, p + 1, hl); t->host[hl] = '\0';
            if (rb + 1 < hend) { if (rb[1] != ':') return "the Redis URL's host is not host[:port]"; colon = rb + 1; }
        } else {
            colon = (const char *)memchr(p, ':', n);
            hl = colon ? (size_t)(colon - p) : n;
            if (hl == 0 || hl >= sizeof t->host) return "the Redis URL's host is empty or too long";
            memcpy(t->host, p, hl); t->host[hl] = '\0';
        }
        if (colon) {
            long port;
            if (!clickup_redis__num(colon + 1, (size_t)(hend - colon - 1), 1, 65535, &port)) return "the Redis URL's port must be 1 to 65535";
            t->port = (int)port;
        }
        p = hend;
    }
    if (*p == '/') {                /* /db */
        size_t n = strcspn(p + 1, "?");
        long db;
        if (n && !clickup_redis__num(p + 1, n, 0, 100000, &db)) return "the Redis URL's database (/db) must be a number";
        if (n) t->db = (int)db;
        p += 1 + n;
    }
    if (*p == '?' && (why = clickup_redis__params(p + 1, t, 0)) != NULL) return why;
    clickup_redis__fmt(t->shown, sizeof t->shown, "redis://%s%s%s:%d/%d", strchr(t->host, ':') ? "[" : "", t->host,
                       strchr(t->host, ':') ? "]" : "", t->port, t->db);
    return NULL;
}

CLICKUP_REDIS__FN void clickup_redis__target_free(clickup_redis__target *t) {
    free(t->user);
    clickup_redis__free_secret(t->pass);
    t->user = t->pass = NULL;
}

/* ==== [scripts] ============================================================================
   Lua, run atomically by Redis. Numbers are milliseconds of Redis's TIME. Each script checks
   the types of its keys and the values it reads before it trusts them. */
enum { CLICKUP_REDIS__S_ACQUIRE, CLICKUP_REDIS__S_OBSERVE, CLICKUP_REDIS__S_PUT, CLICKUP_REDIS__S_BUMP,
       CLICKUP_REDIS__S_COUNT };

/* ACQUIRE. KEYS: log (zset of send times), fly (zset, in flight), st (hash).
   ARGV: 1 "take" or "peek", 2 ceiling (0 none), 3 window, 4 ttl, 5 member (unique), 6 the
   epoch this caller saw less than a TTL ago ("" none), 7 a fresh epoch, 8 how long a request
   may stay in flight, 9 limit cap, 10.. ages (ms) of this caller's sends to add to the log.
   Returns {wait, limit, count, remaining (-1 unknown), reset in ms, epoch}. */
/* Both limiter scripts start alike: the clock, the state (a hash), checked field by field. A
   key of another type is named in the error (TYPE is asked only then). Redis 7 charges several
   microseconds per redis.call, so the scripts make few: an admission is TIME, HMGET, ZCOUNT,
   ZADD, HSET; trimming the log, refreshing TTLs and the check for send times in the future come
   once every quarter of a TTL (field ext). */
#define CLICKUP_REDIS__LUA_COMMON \
    "local WANT = {'zset', 'hash'}\n" \
    "local function wrong(i)\n" \
    " return redis.error_reply('CLICKUP_STATE ' .. KEYS[i] .. ' holds a ' .. redis.call('TYPE', KEYS[i])['ok'] ..\n" \
    "  ', not a ' .. WANT[i])\n" \
    "end\n" \
    "local function int(s, lo, hi)\n" \
    " local v = tonumber(s)\n" \
    " if v == nil or v ~= v or v ~= math.floor(v) or v < lo or v > hi then return nil end\n" \
    " return v\n" \
    "end\n" \
    "local F = {'epoch', 'newest', 'limit', 'rem', 'reset', 'raw', 'hold', 'born', 'ext', 'fly', 'unk'}\n" \
    "local function load(f, now, window, cap)\n" \
    " local far = now + 2 * window + 10000\n" \
    " local lo = {0, 0, 1, -1, 0, -1, 0, 0, 0, 0, 0}\n" \
    " local hi = {0, now + window, cap, 1e9, far, 1e19, far, now + window, now + window, 1e9, 1e9}\n" \
    " if type(f[1]) ~= 'string' or #f[1] > 40 then return nil, 'epoch' end\n" \
    " if not f[11] then f[11] = '0' end\n"                  /* written by version 0.1.0: no unk yet */ \
    " local s = {epoch = f[1]}\n" \
    " for i = 2, 11 do\n" \
    "  s[F[i]] = int(f[i], lo[i], hi[i])\n" \
    "  if not s[F[i]] then return nil, F[i] .. ' = ' .. string.sub(tostring(f[i]), 1, 24) end\n" \
    " end\n" \
    " return s\n" \
    "end\n" \
    "local function bad_state(what)\n" \
    " return redis.error_reply('CLICKUP_STATE ' .. KEYS[2] .. ' holds ' .. what .. ', which this limiter never writes')\n" \
    "end\n" \
    "local ms = tostring\n" /* whole ms below 10^14: exact ("%.14g") */ \
    "local t = redis.call('TIME')\n" \
    "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)\n" \
    "local f = redis.pcall('HMGET', KEYS[2], unpack(F))\n" \
    "if f.err then return wrong(2) end\n"

/* ACQUIRE. KEYS: log (zset of send times), st (hash: epoch, newest, limit, rem = the lowest
   Remaining of ClickUp's window in force, reset, raw, hold, born, ext, fly = requests in
   flight, unk = exchanges of that window that ended without a Remaining).
   ARGV: 1 "take" or "peek", 2 ceiling (0 none), 3 window, 4 ttl, 5 member (unique), 6 the
   epoch this caller saw less than a TTL ago ("" none), 7 a fresh epoch, 8 limit cap, 9 slots
   wanted (a lease, >= 1), 10 a lease's lifetime (ms), 11 a member given back ("" none) and
   12, 13 the first and last of its slots, 14.. ages (ms) of this caller's sends to add to the
   log.
   Returns {wait, limit, count, left (-1 unknown), reset in ms, epoch, slots granted}.
   What ClickUp has left for the token is rem - fly - unk (clickup.h's rule, see OBSERVE).
   A lease: when the budget is ample (at least 4 slots free per slot asked), one admission
   takes up to ARGV[9] slots: the first at now, the others at now + lifetime, the latest the
   caller may use them, so the log never holds a send later than it was recorded. The caller
   gives back what it did not use (ZREM of member.i).
   A new state (none, or lost) is written whole with its TTL first; the log gets its TTL when
   the state does (made, then every quarter of a TTL), so every key always has one, and the
   state's outlives any deadline (reset, hold) written into it. The in-flight count leaks when
   a process dies between acquire and observe: it is never above the sends of the last
   window, so a leak is gone one window later. */
static const char clickup_redis__lua_acquire[] =
    "if redis.replicate_commands then redis.replicate_commands() end\n"
    CLICKUP_REDIS__LUA_COMMON
    "local take = ARGV[1] == 'take'\n"
    "local ceiling, window, ttl, cap = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[8])\n"
    "local want, lease = tonumber(ARGV[9]), tonumber(ARGV[10])\n"
    "local first = ceiling > 0 and ceiling or 100\n"
    "if not f[1] then\n"
    " if not take then return {0, first, 0, -1, 0, '', 0} end\n"
    " local hold = 0\n"
    " if ARGV[6] ~= '' then hold = now + window end\n"     /* lost while in use: a window's pause */
    " f = {ARGV[7], now, first, -1, 0, -1, hold, now, now, 0, 0}\n"
    " local z = redis.pcall('DEL', KEYS[1])\n"
    " redis.call('HSET', KEYS[2], 'epoch', f[1], 'newest', ms(now), 'limit', first, 'rem', -1, 'reset', 0, 'raw', -1,\n"
    "  'hold', ms(hold), 'born', ms(now), 'ext', ms(now), 'fly', 0, 'unk', 0)\n"
    " redis.call('PEXPIRE', KEYS[2], ttl)\n"
    "end\n"
    "local s, bad = load(f, now, window, cap)\n"
    "if not s then return bad_state(bad) end\n"
    "if ARGV[6] ~= '' and ARGV[6] ~= s.epoch and s.born + window > s.hold then s.hold = s.born + window end\n"
    "if s.newest > now then now = s.newest end\n"
    "local count = redis.pcall('ZCOUNT', KEYS[1], '(' .. ms(now - window), '+inf')\n"
    "if type(count) == 'table' then return wrong(1) end\n"
    "local dirty = take\n"
    "if ARGV[11] ~= '' then\n"                             /* a lease's unused slots, given back */
    " local z = {}\n"
    " for i = tonumber(ARGV[12]), tonumber(ARGV[13]) do z[#z + 1] = ARGV[11] .. '.' .. i end\n"
    " local back = #z > 0 and redis.call('ZREM', KEYS[1], unpack(z)) or 0\n"
    " count = count - back\n"
    " s.fly = s.fly - back\n"
    " if s.fly < 0 then s.fly = 0 end\n"
    " dirty = true\n"
    "end\n";
/* (the rest of ACQUIRE: ISO C only promises string literals of 4095 characters) */
static const char clickup_redis__lua_acquire_2[] =
    "if take and now - s.ext >= ttl / 4 then\n"           /* housekeeping, now and then */
    " local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')\n"
    " if last[2] and tonumber(last[2]) > now + lease then\n"
    "  return redis.error_reply('CLICKUP_STATE ' .. KEYS[1] .. ' holds send times in the future')\n"
    " end\n"
    " redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ms(now - window))\n"
    " s.ext = now\n"
    " redis.call('PEXPIRE', KEYS[2], ttl)\n"
    "end\n"
    "if take and #ARGV >= 14 then\n"                       /* sends made while Redis was away */
    " for i = 14, #ARGV do\n"
    "  local age = tonumber(ARGV[i])\n"
    "  if age and age >= 0 and age < window then\n"
    "   redis.call('ZADD', KEYS[1], ms(now - age), ARGV[5] .. 'm' .. i)\n"
    "   count = count + 1\n"
    "  end\n"
    " end\n"
    "end\n"
    "if s.reset ~= 0 and now >= s.reset then s.rem = -1; s.reset = 0; s.unk = 0 end\n"
    "if s.hold ~= 0 and now >= s.hold then s.hold = 0 end\n"
    "if s.fly > count then s.fly = count end\n"
    "local function left()\n"                             /* what ClickUp has left, -1 unknown */
    " if s.rem < 0 then return -1 end\n"
    " return math.max(0, s.rem - s.fly - s.unk)\n"
    "end\n"
    "local wait = 0\n"
    "if count >= s.limit then\n"                           /* the send that must leave the window first */
    " local e = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ms(now - window), '+inf', 'WITHSCORES', 'LIMIT', count - s.limit, 1)\n"
    " wait = (e[2] and tonumber(e[2]) or now) + window - now\n"
    " if wait < 1 then wait = 1 end\n"
    "end\n"
    "if left() == 0 and s.reset > now and s.reset - now > wait then wait = s.reset - now end\n"
    "if s.hold > now and s.hold - now > wait then wait = s.hold - now end\n"
    "local g = 0\n"
    "if take and wait == 0 then\n"
    " g = 1\n"
    " if want > 1 then\n"                                  /* a lease only from an ample budget */
    "  local free = s.limit - count\n"
    "  if left() >= 0 and left() < free then free = left() end\n"
    "  g = math.min(want, math.floor(free / 4))\n"
    "  if g < 1 then g = 1 end\n"
    " end\n"
    " local z = {ms(now), ARGV[5] .. '.1'}\n"
    " for i = 2, g do z[#z + 1] = ms(now + lease); z[#z + 1] = ARGV[5] .. '.' .. i end\n"
    " redis.call('ZADD', KEYS[1], unpack(z))\n"
    " if count == 0 or s.ext == now then redis.call('PEXPIRE', KEYS[1], ttl) end\n"
    " count = count + g\n"
    " s.fly = s.fly + g\n"                                 /* one fewer left each, until answered */
    "end\n"
    "if dirty then\n"
    " redis.call('HSET', KEYS[2], 'newest', ms(now), 'rem', s.rem, 'reset', ms(s.reset), 'hold', ms(s.hold), 'ext', ms(s.ext),\n"
    "  'fly', s.fly, 'unk', s.unk)\n"
    "end\n"
    "local reset_in = 0\n"
    "if s.reset > now then reset_in = s.reset - now end\n"
    "return {wait, s.limit, count, left(), reset_in, s.epoch, g}\n";

/* OBSERVE. KEYS as ACQUIRE. ARGV: 1 "1" when the request was admitted through Redis (it leaves
   the flight), 2 HTTP status (0 no answer), 3 ceiling, 4 window, 5 X-RateLimit-Limit (-1
   absent), 6 -Remaining (-1), 7 -Reset as sent (-1), 8 Retry-After kind ("" none, "d" a delay
   in ms, "a" Unix ms), 9 its value, 10 limit cap. Returns 1. The rules are clickup.h's
   (clickup__limiter_update); Reset and an HTTP-date are compared with Redis's TIME. Within one
   ClickUp window (one Reset value) the count only grows, so rem keeps the lowest Remaining
   answered: every answered request of any host was counted in it, and what ClickUp may not
   have counted yet is in flight (fly) or ended without a Remaining (unk). A larger Reset is a
   newer window: rem starts again from its answer; an older one's answer tells nothing. */
static const char clickup_redis__lua_observe[] =
    "if redis.replicate_commands then redis.replicate_commands() end\n"
    CLICKUP_REDIS__LUA_COMMON
    "if not f[1] then return 1 end\n"                      /* no state to update */
    "local status, ceiling, window, cap = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[10])\n"
    "local s, bad = load(f, now, window, cap)\n"
    "if not s then return bad_state(bad) end\n"
    "if ARGV[1] == '1' and s.fly > 0 then s.fly = s.fly - 1 end\n"
    "if s.newest > now then now = s.newest end\n"
    "local learned = false\n"
    "if status ~= 0 then\n"
    " local margin = math.floor(window / 60)\n"
    " if margin < 50 then margin = 50 elseif margin > 1000 then margin = 1000 end\n"
    " local lim, remh, rr = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])\n"
    " if lim > 0 then\n"
    "  if lim > cap then lim = cap end\n"
    "  if ceiling > 0 and ceiling < lim then s.limit = ceiling else s.limit = lim end\n"
    " end\n"
    " local reset_ms = -1\n"
    " if rr >= 0 then\n"
    "  local v = rr\n"
    "  if v <= 1e12 then v = v * 1000 end\n"
    "  reset_ms = v - now\n"
    "  if reset_ms < 0 then reset_ms = 0 end\n"
    "  if reset_ms > window + 5000 then reset_ms = window + 5000 end\n"
    " end\n"
    " if reset_ms >= 0 and remh >= 0 then\n"
    "  learned = true\n"
    "  if remh > 1e9 then remh = 1e9 end\n"
    "  if s.rem < 0 or rr > s.raw then\n"                 /* a (newer) window */
    "   s.rem = remh; s.unk = 0; s.raw = rr; s.reset = now + reset_ms + margin\n"
    "  elseif rr == s.raw and remh < s.rem then\n"        /* the lowest is the latest count */
    "   s.rem = remh\n"
    "  end\n"
    " end\n"
    " if status == 429 and reset_ms >= 0 then s.rem = 0; s.reset = now + reset_ms + margin end\n"
    " if status == 429 or (status >= 500 and status <= 599) then\n"
    "  local ra = -1\n"
    "  if ARGV[8] == 'd' then ra = tonumber(ARGV[9]) elseif ARGV[8] == 'a' then ra = tonumber(ARGV[9]) - now end\n"
    "  if ra and ra > window + 5000 then ra = window + 5000 end\n"
    "  if ra and ra > 0 and now + ra > s.hold then s.hold = now + ra end\n"
    " end\n"
    "end\n"
    "if not learned and s.rem >= 0 then s.unk = s.unk + 1 end\n" /* counted or not: unknown */
    "redis.call('HSET', KEYS[2], 'limit', s.limit, 'rem', s.rem, 'reset', ms(s.reset), 'raw', ms(s.raw), 'hold', ms(s.hold),\n"
    " 'fly', s.fly, 'unk', s.unk)\n"
    "return 1\n";

/* PUT. KEYS: 1 the value, 2 its class's generation, 3 (task pages) its list's generation.
   ARGV: 1 ttl, 2 body, 3 class, 4 the class generation the lookup saw ("*" any, "-" none),
   5 ditto for the list's, 6 and 7 fresh values for missing generations, 8 the generations' TTL.
   Stores only if the generations are still the ones seen. Returns 1 stored, 0 not. */
static const char clickup_redis__lua_put[] =
    "local function gen(k, expect, fresh, gttl)\n"
    " local t = redis.call('TYPE', k)['ok']\n"
    " local v = false\n"
    " if t == 'string' then\n"
    "  v = redis.call('GET', k)\n"
    "  if #v > 18 or not string.match(v, '^%-?%d+$') then t = 'bad' end\n"
    " end\n"
    " if t ~= 'string' and t ~= 'none' then\n"   /* not ours: a fresh generation (what it held is void) */
    "  redis.call('DEL', k); redis.call('SET', k, fresh, 'PX', gttl)\n"
    "  return false\n"
    " end\n"
    " if expect == '-' then if v then return false end\n"
    " elseif expect ~= '*' and v ~= expect then return false end\n"
    " if not v then redis.call('SET', k, fresh); v = fresh end\n"
    " if redis.call('PTTL', k) < tonumber(gttl) then redis.call('PEXPIRE', k, gttl) end\n"
    " return v\n"
    "end\n"
    "local g = gen(KEYS[2], ARGV[4], ARGV[6], ARGV[8])\n"
    "if not g then return 0 end\n"
    "local sub = '0'\n"
    "if #KEYS > 2 then\n"
    " sub = gen(KEYS[3], ARGV[5], ARGV[7], ARGV[8])\n"
    " if not sub then return 0 end\n"
    "end\n"
    "redis.call('SET', KEYS[1], 'CURC1 ' .. ARGV[3] .. ' ' .. g .. ' ' .. sub .. ' ' .. #ARGV[2] .. '\\n' .. ARGV[2], 'PX', ARGV[1])\n"
    "return 1\n";

/* BUMP (invalidate). KEYS: generations. ARGV: a fresh value for each, then their TTL. A
   generation that is an integer is INCRed; anything else (missing, damaged) gets a fresh one. */
static const char clickup_redis__lua_bump[] =
    "local n = #KEYS\n"
    "for i = 1, n do\n"
    " local k = KEYS[i]\n"
    " local ok = false\n"
    " if redis.call('TYPE', k)['ok'] == 'string' then\n"
    "  local v = redis.call('GET', k)\n"
    "  ok = #v <= 18 and string.match(v, '^%-?%d+$') ~= nil\n"
    " end\n"
    " if ok then redis.call('INCR', k) else redis.call('DEL', k); redis.call('SET', k, ARGV[i]) end\n"
    " redis.call('PEXPIRE', k, ARGV[n + 1])\n"
    "end\n"
    "return n\n";

/* Each script in one or two parts, joined when a connection object is made. */
static const char *const clickup_redis__script_parts[CLICKUP_REDIS__S_COUNT][2] = {
    { clickup_redis__lua_acquire, clickup_redis__lua_acquire_2 }, { clickup_redis__lua_observe, "" },
    { clickup_redis__lua_put, "" }, { clickup_redis__lua_bump, "" }
};

/* ==== [connection] ==========================================================================
   One hiredis context behind a mutex, connected on demand with a back-off after failures. The
   scripts its owner needs are loaded at each connection (SCRIPT LOAD gives their SHA1s). */

typedef struct clickup_redis__conn {
    pthread_mutex_t mu;
    redisContext   *ctx;
    pid_t           pid;             /* the process that connected ctx                        */
    clickup_redis__target t;
    long            connect_ms, command_ms, retry_min, retry_max, backoff;
    uint64_t        next_try;        /* monotonic ms: no connection attempt before            */
    unsigned        scripts;         /* bit per script this owner uses                        */
    char            sha[CLICKUP_REDIS__S_COUNT][41];
    char           *text[CLICKUP_REDIS__S_COUNT];   /* the scripts this owner uses, whole  */
    int             was_up;          /* 1 after a connection, until a failure was logged      */
    int             ever_up;
    char            last_error[160]; /* why the last connection or command failed             */
    uint64_t        rng;             /* xorshift state, seeded from /dev/urandom (under mu)   */
    clickup_log_fn  log;
    void           *log_user;
#if HIREDIS_MAJOR < 1
    redisReplyObjectFunctions fns;   /* hiredis's, with an array-length cap (see below)       */
    void *(*make_array)(const redisReadTask *, int);
#endif
} clickup_redis__conn;

/* 64 random bits for epochs, fresh generations (with the mutex held: no syscall per call). */
CLICKUP_REDIS__FN uint64_t clickup_redis__next(clickup_redis__conn *c) {
    uint64_t x = c->rng;
    x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
    c->rng = x;
    return x * 0x2545F4914F6CDD1DULL;
}

CLICKUP_REDIS__FN void clickup_redis__log(clickup_redis__conn *c, clickup_log_level level, const char *fmt, ...) {
    char line[512];
    va_list ap;
    if (!c->log) return;
    va_start(ap, fmt);
    (void)vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    c->log(c->log_user, level, line);
}

#if HIREDIS_MAJOR < 1
/* A server that claims an array of two billion elements would have hiredis allocate for them
   before a byte of them arrives. No answer of ours has more than a few: refuse longer ones
   (hiredis then fails the command as out of memory, and the connection is dropped). */
static void *clickup_redis__array(const redisReadTask *task, int elements) {
    clickup_redis__conn *c = (clickup_redis__conn *)task->privdata;
    if (!c || elements < 0 || elements > CLICKUP_REDIS__MAX_ARRAY) return NULL;
    return c->make_array(task, elements);
}
#endif

/* SIGPIPE: hiredis writes with write(2), so a connection closed by Redis would raise SIGPIPE,
   whose default action ends the process. Blocked around each command; one raised meanwhile is
   taken off the pending set before the mask is restored. */
typedef struct clickup_redis__sigpipe { sigset_t old; int active, pending_before; } clickup_redis__sigpipe;
CLICKUP_REDIS__FN void clickup_redis__sigpipe_block(clickup_redis__sigpipe *g) {
    sigset_t set, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    g->active = pthread_sigmask(SIG_BLOCK, &set, &g->old) == 0;
    g->pending_before = sigpending(&pend) == 0 && sigismember(&pend, SIGPIPE) == 1;
}
CLICKUP_REDIS__FN void clickup_redis__sigpipe_restore(clickup_redis__sigpipe *g) {
    sigset_t set, pend;
    if (!g->active) return;
    if (!g->pending_before && sigpending(&pend) == 0 && sigismember(&pend, SIGPIPE) == 1) {
        struct timespec zero = { 0, 0 };
        sigemptyset(&set);
        sigaddset(&set, SIGPIPE);
        (void)sigtimedwait(&set, NULL, &zero);
    }
    (void)pthread_sigmask(SIG_SETMASK, &g->old, NULL);
}

CLICKUP_REDIS__FN void clickup_redis__drop(clickup_redis__conn *c) {
    if (c->ctx) redisFree(c->ctx);
    c->ctx = NULL;
}

/* The connection failed (why): drop it, schedule the next attempt, say so once. */
CLICKUP_REDIS__FN void clickup_redis__failed(clickup_redis__conn *c, const char *why) {
    uint64_t now = clickup_redis__mono_ms();
    clickup_redis__drop(c);
    clickup_redis__fmt(c->last_error, sizeof c->last_error, "%s", why);
    c->next_try = now + (uint64_t)c->backoff;
    if (c->was_up || !c->ever_up)
        clickup_redis__log(c, CLICKUP_LOG_WARNING, "clickup_redis: Redis at %s cannot be used (%s); trying again in %ld ms",
                           c->t.shown, why, c->backoff);
    c->was_up = 0;
    c->ever_up = 1;   /* (so that a first failure is said once, too) */
    c->backoff = c->backoff * 2 > c->retry_max ? c->retry_max : c->backoff * 2;
}

/* With the mutex held: connected now? Connects (AUTH, SELECT, SCRIPT LOAD) when there is no
   connection and the back-off allows. 1 when usable. */
CLICKUP_REDIS__FN int clickup_redis__ready(clickup_redis__conn *c) {
    struct timeval ct, cmd;
    clickup_redis__sigpipe g;
    redisReply *r;
    const char *why = NULL;
    char whybuf[160];
    int i, ok = 1;
    if (c->ctx && c->pid != getpid()) clickup_redis__drop(c);   /* a forked child: not our socket */
    if (c->ctx) return 1;
    if (clickup_redis__mono_ms() < c->next_try) return 0;
    ct.tv_sec = c->connect_ms / 1000; ct.tv_usec = (c->connect_ms % 1000) * 1000;
    cmd.tv_sec = c->command_ms / 1000; cmd.tv_usec = (c->command_ms % 1000) * 1000;
    clickup_redis__sigpipe_block(&g);
    c->ctx = c->t.path[0] ? redisConnectUnixWithTimeout(c->t.path, ct) : redisConnectWithTimeout(c->t.host, c->t.port, ct);
    c->pid = getpid();
    if (!c->ctx) {
        why = "out of memory";
    } else if (c->ctx->err) {
        clickup_redis__fmt(whybuf, sizeof whybuf, "cannot connect: %s", c->ctx->errstr);
        why = whybuf;
    } else if (redisSetTimeout(c->ctx, cmd) != REDIS_OK) {
        why = "cannot set the command timeout";
    }
#if HIREDIS_MAJOR >= 1
    if (!why) c->ctx->reader->maxelements = CLICKUP_REDIS__MAX_ARRAY;
#else
    if (!why) {
        c->fns = *c->ctx->reader->fn;
        c->make_array = c->fns.createArray;
        c->fns.createArray = clickup_redis__array;
        c->ctx->reader->fn = &c->fns;
        c->ctx->reader->privdata = c;
    }
#endif
    if (!why && c->t.pass) {
        const char *argv[3];
        size_t lens[3];
        int n = 0;
        argv[n] = "AUTH"; lens[n++] = 4;
        if (c->t.user) { argv[n] = c->t.user; lens[n] = strlen(c->t.user); n++; }
        argv[n] = c->t.pass; lens[n] = strlen(c->t.pass); n++;
        r = (redisReply *)redisCommandArgv(c->ctx, n, argv, lens);
        if (!r || r->type == REDIS_REPLY_ERROR) why = r ? "AUTH was refused" : "no answer to AUTH";
        if (r) freeReplyObject(r);
    }
    if (!why && c->t.db) {
        char db[16];
        const char *argv[2];
        size_t lens[2];
        clickup_redis__fmt(db, sizeof db, "%d", c->t.db);
        argv[0] = "SELECT"; lens[0] = 6; argv[1] = db; lens[1] = strlen(db);
        r = (redisReply *)redisCommandArgv(c->ctx, 2, argv, lens);
        if (!r || r->type == REDIS_REPLY_ERROR) why = r ? "SELECT of the database was refused" : "no answer to SELECT";
        if (r) freeReplyObject(r);
    }
    for (i = 0; !why && i < CLICKUP_REDIS__S_COUNT; i++) {   /* SCRIPT LOAD, pipelined */
        const char *argv[3];
        size_t lens[3];
        if (!(c->scripts & (1u << i))) continue;
        argv[0] = "SCRIPT"; lens[0] = 6; argv[1] = "LOAD"; lens[1] = 4;
        argv[2] = c->text[i]; lens[2] = strlen(argv[2]);
        if (redisAppendCommandArgv(c->ctx, 3, argv, lens) != REDIS_OK) why = "out of memory";
    }
    for (i = 0; !why && i < CLICKUP_REDIS__S_COUNT; i++) {
        void *reply = NULL;
        size_t k;
        if (!(c->scripts & (1u << i))) continue;
        if (redisGetReply(c->ctx, &reply) != REDIS_OK) {
            clickup_redis__fmt(whybuf, sizeof whybuf, "no answer to SCRIPT LOAD: %s", c->ctx->errstr);
            why = whybuf;
            break;
        }
        r = (redisReply *)reply;
        ok = r && (r->type == REDIS_REPLY_STRING || r->type == REDIS_REPLY_STATUS) && r->len == 40;
        for (k = 0; ok && k < 40; k++) ok = (r->str[k] >= '0' && r->str[k] <= '9') || (r->str[k] >= 'a' && r->str[k] <= 'f');
        if (ok) { memcpy(c->sha[i], r->str, 40); c->sha[i][40] = '\0'; }
        else if (r && r->type == REDIS_REPLY_ERROR) {
            clickup_redis__fmt(whybuf, sizeof whybuf, "SCRIPT LOAD was refused: %.100s", r->str);
            why = whybuf;
        } else {
            why = "the answer to SCRIPT LOAD is not a script's SHA1 (is this Redis?)";
        }
        if (r) freeReplyObject(r);
    }
    clickup_redis__sigpipe_restore(&g);
    if (why) { clickup_redis__failed(c, why); return 0; }
    if (!c->was_up && c->ever_up)
        clickup_redis__log(c, CLICKUP_LOG_INFO, "clickup_redis: connected to Redis at %s", c->t.shown);
    c->was_up = c->ever_up = 1;
    c->backoff = c->retry_min;
    c->last_error[0] = '\0';
    return 1;
}

/* With the mutex held and a connection: run script s with its keys and arguments (EVALSHA;
   EVAL after NOSCRIPT). The reply, or NULL after a connection failure (then dropped). An error
   reply is returned as it is: the caller decides. */
CLICKUP_REDIS__FN redisReply *clickup_redis__eval(clickup_redis__conn *c, int s, int nkeys, const char *const *args,
                                                  const size_t *lens, int nargs) {
    const char *stack_argv[24];
    size_t stack_lens[24];
    const char **argv = stack_argv;
    size_t *alen = stack_lens;
    char nk[12];
    redisReply *r;
    clickup_redis__sigpipe g;
    int i, n = nargs + 3;
    if (n > 24) {
        argv = (const char **)malloc((size_t)n * sizeof *argv);
        alen = (size_t *)malloc((size_t)n * sizeof *alen);
        if (!argv || !alen) { free((void *)argv); free(alen); return NULL; }
    }
    clickup_redis__fmt(nk, sizeof nk, "%d", nkeys);
    argv[0] = "EVALSHA"; alen[0] = 7;
    argv[1] = c->sha[s]; alen[1] = 40;
    argv[2] = nk; alen[2] = strlen(nk);
    for (i = 0; i < nargs; i++) { argv[3 + i] = args[i]; alen[3 + i] = lens[i]; }
    clickup_redis__sigpipe_block(&g);
    r = (redisReply *)redisCommandArgv(c->ctx, n, argv, alen);
    if (r && r->type == REDIS_REPLY_ERROR && strncmp(r->str, "NOSCRIPT", 8) == 0) {
        freeReplyObject(r);                          /* a SCRIPT FLUSH, or a failover */
        argv[0] = "EVAL"; alen[0] = 4;
        argv[1] = c->text[s]; alen[1] = strlen(argv[1]);
        r = (redisReply *)redisCommandArgv(c->ctx, n, argv, alen);
    }
    clickup_redis__sigpipe_restore(&g);
    if (argv != stack_argv) { free((void *)argv); free(alen); }
    if (!r) {
        char why[160];
        clickup_redis__fmt(why, sizeof why, "%s", c->ctx && c->ctx->errstr[0] ? c->ctx->errstr : "no answer");
        clickup_redis__failed(c, why);
    }
    return r;
}

/* The texts of the scripts this owner uses, each joined from its parts. 1, or 0 (no memory). */
CLICKUP_REDIS__FN void clickup_redis__free_scripts(clickup_redis__conn *c) {
    int i;
    for (i = 0; i < CLICKUP_REDIS__S_COUNT; i++) { free(c->text[i]); c->text[i] = NULL; }
}
CLICKUP_REDIS__FN int clickup_redis__join_scripts(clickup_redis__conn *c) {
    int i;
    for (i = 0; i < CLICKUP_REDIS__S_COUNT; i++) {
        const char *a = clickup_redis__script_parts[i][0], *b = clickup_redis__script_parts[i][1];
        size_t na = strlen(a), nb = strlen(b);
        if (!(c->scripts & 1u << i)) continue;
        if (!(c->text[i] = (char *)malloc(na + nb + 1))) return 0;
        memcpy(c->text[i], a, na);
        memcpy(c->text[i] + na, b, nb + 1);
    }
    return 1;
}

CLICKUP_REDIS__FN clickup_result clickup_redis__conn_init(clickup_redis__conn *c, const clickup_redis_config *cfg,
                                                          unsigned scripts, char *msg, size_t msg_size) {
    const char *why;
    memset(c, 0, sizeof *c);
    if ((why = clickup_redis__parse_url(cfg->url, &c->t)) != NULL) {
        clickup_redis__fmt(msg, msg_size, "%s", why);
        clickup_redis__target_free(&c->t);
        return strcmp(why, "out of memory") == 0 ? CLICKUP_ERR_NOMEM : CLICKUP_ERR_CONFIG;
    }
    if (cfg->prefix) {
        if (!clickup_redis__prefix_ok(cfg->prefix, strlen(cfg->prefix))) {
            clickup_redis__fmt(msg, msg_size, "the key prefix must be 1 to 64 letters, digits, _ . - or :");
            clickup_redis__target_free(&c->t);
            return CLICKUP_ERR_CONFIG;
        }
        clickup_redis__fmt(c->t.prefix, sizeof c->t.prefix, "%s", cfg->prefix);
    }
    if (!c->t.prefix[0]) clickup_redis__fmt(c->t.prefix, sizeof c->t.prefix, "clickup");
    if (cfg->connect_timeout_ms < 0 || cfg->command_timeout_ms < 0 || cfg->retry_min_ms < 0 || cfg->retry_max_ms < 0) {
        clickup_redis__fmt(msg, msg_size, "Redis timeouts must not be negative");
        clickup_redis__target_free(&c->t);
        return CLICKUP_ERR_CONFIG;
    }
    c->connect_ms = cfg->connect_timeout_ms ? cfg->connect_timeout_ms : c->t.connect_ms ? c->t.connect_ms : 250;
    c->command_ms = cfg->command_timeout_ms ? cfg->command_timeout_ms : c->t.command_ms ? c->t.command_ms : 500;
    c->retry_min = cfg->retry_min_ms ? cfg->retry_min_ms : 100;
    c->retry_max = cfg->retry_max_ms ? cfg->retry_max_ms : 5000;
    if (c->retry_max < c->retry_min) c->retry_max = c->retry_min;
    c->backoff = c->retry_min;
    c->scripts = scripts;
    c->rng = clickup_redis__random();
    c->log = cfg->log;
    c->log_user = cfg->log_user;
    if (!clickup_redis__join_scripts(c) || pthread_mutex_init(&c->mu, NULL) != 0) {
        clickup_redis__free_scripts(c);
        clickup_redis__target_free(&c->t);
        return CLICKUP_ERR_NOMEM;
    }
    return CLICKUP_OK;
}

CLICKUP_REDIS__FN void clickup_redis__conn_free(clickup_redis__conn *c) {
    clickup_redis__drop(c);
    clickup_redis__target_free(&c->t);
    clickup_redis__free_scripts(c);
    pthread_mutex_destroy(&c->mu);
}

/* An integer element of an array reply within [lo, hi]: 1, else 0. */
CLICKUP_REDIS__FN int clickup_redis__elem_int(const redisReply *r, size_t i, long long lo, long long hi, long long *out) {
    const redisReply *e;
    if (!r || r->type != REDIS_REPLY_ARRAY || i >= r->elements || !(e = r->element[i])) return 0;
    if (e->type != REDIS_REPLY_INTEGER || e->integer < lo || e->integer > hi) return 0;
    *out = e->integer;
    return 1;
}

/* ==== [limiter] ============================================================================= */
/* The fallback, while Redis is away: clickup.h's algorithm in miniature (clickup.h has no public
   acquire through which a clickup_limiter_create_ex limiter could be driven from here). A ring of
   the last `cap` send times, and what the server said: Remaining until its Reset, and a hold
   after a 429 or a Retry-After. Times are this process's monotonic ms. */
typedef struct clickup_redis__ring {
    uint64_t *t;
    size_t    cap, head, count;     /* cap 0: not in use                                     */
    uint64_t  newest, reset_at, hold_until;
    int64_t   reset_raw;
    int       remaining;            /* -1 unknown                                            */
} clickup_redis__ring;

typedef struct clickup_redis__limiter {
    clickup_redis__conn conn;
    int      ceiling, window_ms;
    int      policy;                 /* CLICKUP_REDIS_FAIL_CLOSED or _LOCAL_FALLBACK          */
    double   share;
    char     keys[2][160];           /* log, st                                               */
    char     host_id[17];            /* random: members are host_id:counter                   */
    uint64_t counter;
    char     epoch[41];              /* the state's epoch when last seen                      */
    uint64_t last_ok;                /* monotonic ms of the last good script run              */
    int      limit_seen;             /* the limit in force, as Redis last said                */
    clickup_rate_state last_state;   /* Redis's view after the last good acquire              */
    /* this process's sends, oldest first: monotonic ms << 1 | 1 when the local limiter admitted
       it (not yet written into Redis's log) */
    uint64_t *history;
    size_t    h_head, h_count, h_local;   /* h_local: entries admitted locally, not yet merged */
    /* requests in flight, oldest first: 1 when admitted locally */
    unsigned char flight[CLICKUP_REDIS__FLIGHT];
    size_t    f_head, f_count;
    clickup_redis__ring local;       /* the fallback, while Redis is away (local.cap > 0)     */
    uint64_t  state_error_logged;    /* monotonic ms: the same complaint once a minute       */
    uint64_t  state_error_hash;      /* which complaint that was                              */
    /* the lease: slots one admission took at once, used here without asking Redis again until
       lease_until (their send times in Redis's log are the end of the lease) */
    char      lease_member[40];      /* its slots are lease_member.1 ... .lease_size           */
    int       lease_size, lease_used, want;   /* want: the slots the next admission asks for  */
    int       lease_max;             /* want's ceiling (config lease_max)                      */
    uint64_t  lease_until;           /* monotonic ms                                          */
    pid_t     lease_pid;             /* the process it was leased to (a forked child has none) */
    char      back_member[40];       /* slots to give back with the next script: .first..last */
    int       back_first, back_last; /* back_first 0: none                                    */
} clickup_redis__limiter;

CLICKUP_REDIS__FN uint64_t clickup_redis__ttl(const clickup_redis__limiter *s) { return 2u * (uint64_t)s->window_ms + 10000u; }

/* A lease lives a hundredth of the window, between 1 and 100 ms: the longest a slot may be
   held back before it is sent, and so the most a send can be recorded later than it went. */
CLICKUP_REDIS__FN uint64_t clickup_redis__lease_ms(const clickup_redis__limiter *s) {
    uint64_t ms = (uint64_t)s->window_ms / 100u;
    return ms < 1 ? 1 : ms > 100 ? 100 : ms;
}


/* ---- the local ring ----------------------------------------------------------------------- */
CLICKUP_REDIS__FN uint64_t clickup_redis__ring_wait(clickup_redis__ring *r, uint64_t now, uint64_t window) {
    uint64_t wait = 0;
    while (r->count && r->t[r->head] + window <= now) { r->head = (r->head + 1) % r->cap; r->count--; }
    if (r->reset_at && now >= r->reset_at) { r->remaining = -1; r->reset_at = 0; }
    if (r->count >= r->cap) wait = r->t[r->head] + window - now;        /* the oldest must leave */
    if (r->remaining == 0 && r->reset_at > now && r->reset_at - now > wait) wait = r->reset_at - now;
    if (r->hold_until > now && r->hold_until - now > wait) wait = r->hold_until - now;
    return wait;
}

/* Take a slot at `now` if one is free: 0, else the wait. */
CLICKUP_REDIS__FN uint64_t clickup_redis__ring_take(clickup_redis__ring *r, uint64_t now, uint64_t window) {
    uint64_t wait;
    if (now < r->newest) now = r->newest;                   /* never out of order */
    r->newest = now;
    if ((wait = clickup_redis__ring_wait(r, now, window)) != 0) return wait;
    r->t[(r->head + r->count) % r->cap] = now;
    r->count++;
    if (r->remaining > 0) r->remaining--;
    return 0;
}

/* What an answer said, as clickup.h's limiter reads it (Reset against this host's wall clock). */
CLICKUP_REDIS__FN void clickup_redis__ring_observe(clickup_redis__ring *r, const clickup_rate_observation *o, uint64_t now,
                                                   int window_ms) {
    int64_t wall = clickup_redis__wall_ms(), reset = clickup_redis__hdr(o->reset), rem = clickup_redis__hdr(o->remaining);
    int64_t reset_ms = -1, cap = (int64_t)window_ms + 5000, ra = -1;
    uint64_t margin = (uint64_t)window_ms / 60u;
    margin = margin < 50 ? 50 : margin > 1000 ? 1000 : margin;
    if (!o->status || !r->cap) return;
    if (reset >= 0) {
        int64_t v = reset <= 1000000000000LL ? (reset > INT64_MAX / 1000 ? -1 : reset * 1000) : reset;
        if (v >= 0) { reset_ms = v - wall; reset_ms = reset_ms < 0 ? 0 : reset_ms > cap ? cap : reset_ms; }
    }
    if (reset_ms >= 0 && rem >= 0) {
        int same = r->remaining >= 0 && reset == r->reset_raw;
        if (rem > INT_MAX) rem = INT_MAX;
        if (!same || rem < r->remaining) r->remaining = (int)rem;
        if (!same) { r->reset_raw = reset; r->reset_at = now + (uint64_t)reset_ms + margin; }
    }
    if (o->status == 429 && reset_ms >= 0) { r->remaining = 0; r->reset_at = now + (uint64_t)reset_ms + margin; }
    if (o->status == 429 || (o->status >= 500 && o->status <= 599)) {
        int64_t secs = clickup_redis__hdr(o->retry_after);
        if (secs >= 0) ra = secs > cap / 1000 ? cap : secs * 1000;
        else if (o->retry_after && (ra = clickup_redis__http_date(o->retry_after)) >= 0) {
            ra -= wall;
            ra = ra < 0 ? 0 : ra > cap ? cap : ra;
        }
        if (ra > 0 && now + (uint64_t)ra > r->hold_until) r->hold_until = now + (uint64_t)ra;
    }
}

CLICKUP_REDIS__FN void clickup_redis__ring_free(clickup_redis__ring *r) {
    free(r->t);
    memset(r, 0, sizeof *r);
    r->remaining = -1;
}

/* ---- this process's own bookkeeping ------------------------------------------------------- */
CLICKUP_REDIS__FN void clickup_redis__remember(clickup_redis__limiter *s, uint64_t now, int local) {
    size_t cap = CLICKUP_REDIS__HISTORY;
    uint64_t horizon = now > (uint64_t)s->window_ms ? now - (uint64_t)s->window_ms : 0;
    while (s->h_count && ((s->history[s->h_head] >> 1) <= horizon || s->h_count == cap)) {
        if (s->history[s->h_head] & 1u) s->h_local--;
        s->h_head = (s->h_head + 1) % cap;
        s->h_count--;
    }
    s->history[(s->h_head + s->h_count) % cap] = now << 1 | (uint64_t)(local ? 1 : 0);
    s->h_count++;
    if (local) s->h_local++;
}

/* Requests in flight, oldest first: 1 when admitted by the fallback (not counted in Redis's
   flight), 0 when admitted through Redis. */
CLICKUP_REDIS__FN void clickup_redis__flight_push(clickup_redis__limiter *s, int local) {
    if (s->f_count == CLICKUP_REDIS__FLIGHT) { s->f_head = (s->f_head + 1) % CLICKUP_REDIS__FLIGHT; s->f_count--; }
    s->flight[(s->f_head + s->f_count) % CLICKUP_REDIS__FLIGHT] = (unsigned char)(local ? 1 : 0);
    s->f_count++;
}

/* An answer: one request leaves the flight (they are alike: the oldest). 1 when it had been
   admitted through Redis (so Redis counts it in flight), else 0. */
CLICKUP_REDIS__FN int clickup_redis__flight_pop(clickup_redis__limiter *s) {
    unsigned char e;
    if (!s->f_count) return 0;
    e = s->flight[s->f_head];
    s->f_head = (s->f_head + 1) % CLICKUP_REDIS__FLIGHT;
    s->f_count--;
    return !e;
}

/* ---- the lease ------------------------------------------------------------------------------
   When the budget is ample, one admission through Redis takes several slots (up to `want`, and
   at most a quarter of what is free), used here one by one for clickup_redis__lease_ms: a busy
   process then asks Redis once per lease, not once per request. want doubles while leases run
   out within their lifetime, and falls back to what was used when slots were left over; those
   are given back (removed from the log) with the next script run, or at destroy. A process
   that calls now and then keeps want at 1: one admission per request, nothing held back. */
CLICKUP_REDIS__FN int clickup_redis__lease_take(clickup_redis__limiter *s, uint64_t now) {
    if (s->lease_size && s->lease_pid != getpid()) {   /* forked: the parent's, not ours to use */
        s->lease_size = s->lease_used = 0;
        s->back_first = s->back_last = 0;
    }
    if (s->lease_used >= s->lease_size || now >= s->lease_until) return 0;
    s->lease_used++;
    return 1;
}

/* End the lease (it ran out, expired, or force: a 429 or a Retry-After was seen, so nothing
   held here may go): slots not used are to be given back. */
CLICKUP_REDIS__FN void clickup_redis__lease_end(clickup_redis__limiter *s, uint64_t now, int force) {
    if (s->lease_size && s->lease_pid != getpid()) s->lease_size = s->lease_used = 0;   /* the parent's */
    if (!s->lease_size) return;
    if (s->lease_used < s->lease_size) {
        if (!force && now < s->lease_until) return;          /* still good */
        memcpy(s->back_member, s->lease_member, sizeof s->back_member);
        s->back_first = s->lease_used + 1;
        s->back_last = s->lease_size;
        s->want = s->lease_used > 1 ? s->lease_used : 1;
    } else if (now < s->lease_until && s->want < s->lease_max) {
        s->want = s->want * 2 < s->lease_max ? s->want * 2 : s->lease_max;   /* used up before it expired */
    }
    s->lease_size = s->lease_used = 0;
}

/* Enter the fallback: a local ring at the share of the limit in force, holding this process's
   newest sends of the last window (so that it does not spend again what it just spent). */
CLICKUP_REDIS__FN int clickup_redis__local(clickup_redis__limiter *s, uint64_t now) {
    int limit = s->limit_seen > 0 ? s->limit_seen : s->ceiling > 0 ? s->ceiling : 100, n;
    size_t i, from, cap = CLICKUP_REDIS__HISTORY;
    if (s->local.cap) return 1;
    n = (int)((double)limit * s->share);
    if (n < 1) n = 1;
    if (!(s->local.t = (uint64_t *)malloc((size_t)n * sizeof *s->local.t))) return 0;
    s->local.cap = (size_t)n;
    from = s->h_count > (size_t)n ? s->h_count - (size_t)n : 0;
    for (i = from; i < s->h_count; i++) {
        uint64_t t = s->history[(s->h_head + i) % cap] >> 1;
        if (t + (uint64_t)s->window_ms > now) (void)clickup_redis__ring_take(&s->local, t, (uint64_t)s->window_ms);
    }
    clickup_redis__log(&s->conn, CLICKUP_LOG_WARNING,
                       "clickup_redis: limiter: going on with this process's share (%d per %d ms) while Redis at %s is away",
                       n, s->window_ms, s->conn.t.shown);
    return 1;
}

CLICKUP_REDIS__FN void clickup_redis__member(const clickup_redis__limiter *s, uint64_t id, char out[40]) {
    clickup_redis__fmt(out, 40, "%s:%llu", s->host_id, (unsigned long long)id);
}

/* A script's error reply, or an answer that makes no sense: say so (a bad state once a minute),
   and drop the connection when the answer cannot come from our script on a sane Redis. */
CLICKUP_REDIS__FN void clickup_redis__limiter_bad_reply(clickup_redis__limiter *s, const redisReply *r, const char *what) {
    uint64_t now = clickup_redis__mono_ms();
    if (r && r->type == REDIS_REPLY_ERROR) {
        uint64_t h = clickup_redis__fnv(r->str, r->len);
        if (h != s->state_error_hash || now - s->state_error_logged >= 60000) {
            s->state_error_logged = now;
            s->state_error_hash = h;
            if (strncmp(r->str, "CLICKUP_STATE ", 14) == 0)
                clickup_redis__log(&s->conn, CLICKUP_LOG_ERROR, "clickup_redis: limiter: %s: not used (such keys expire by "
                                   "themselves, or delete them)", r->str + 14);
            else
                clickup_redis__log(&s->conn, CLICKUP_LOG_ERROR, "clickup_redis: limiter: Redis at %s refused the %s script: %.200s",
                                   s->conn.t.shown, what, r->str);
        }
        return;
    }
    {
        char why[160];
        clickup_redis__fmt(why, sizeof why, "an answer to the %s script that makes no sense", what);
        clickup_redis__failed(&s->conn, why);
    }
}

/* With the mutex held and a connection: run ACQUIRE (take or peek), giving back what a lease
   left over. 1 and *wait on success; an admission (take, *wait 0) starts a lease whose first
   slot is used now. */
CLICKUP_REDIS__FN int clickup_redis__run_acquire(clickup_redis__limiter *s, int take, uint64_t now, uint64_t *wait) {
    char num[8][24], member[40], fresh[17], *ages = NULL;
    const char *stack_args[24], **args = stack_args;
    size_t stack_lens[24], *lens = stack_lens, merge = 0, i, k;
    uint64_t id = ++s->counter, ttl = clickup_redis__ttl(s);
    long long v[6];
    redisReply *r;
    int n = 0, ok;
    const redisReply *ep;
    if (take) merge = s->h_local;   /* the sends the fallback admitted, not yet in Redis's log */
    if (merge && (!(ages = (char *)malloc(merge * 24)) || !(args = (const char **)malloc((16 + merge) * sizeof *args)) ||
                  !(lens = (size_t *)malloc((16 + merge) * sizeof *lens)))) {
        free(ages);
        if (args != stack_args) free((void *)args);
        return 0;
    }
    clickup_redis__member(s, id, member);
    clickup_redis__fmt(fresh, sizeof fresh, "%016llx", (unsigned long long)clickup_redis__next(&s->conn));
    clickup_redis__fmt(num[0], sizeof num[0], "%d", s->ceiling);
    clickup_redis__fmt(num[1], sizeof num[1], "%d", s->window_ms);
    clickup_redis__fmt(num[2], sizeof num[2], "%llu", (unsigned long long)ttl);
    clickup_redis__fmt(num[3], sizeof num[3], "%d", CLICKUP_REDIS__LIMIT_MAX);
    clickup_redis__fmt(num[4], sizeof num[4], "%d", s->want > 1 ? s->want : 1);
    clickup_redis__fmt(num[5], sizeof num[5], "%llu", (unsigned long long)clickup_redis__lease_ms(s));
    clickup_redis__fmt(num[6], sizeof num[6], "%d", s->back_first);
    clickup_redis__fmt(num[7], sizeof num[7], "%d", s->back_last);
    args[n++] = s->keys[0]; args[n++] = s->keys[1];
    args[n++] = take ? "take" : "peek";
    args[n++] = num[0]; args[n++] = num[1]; args[n++] = num[2]; args[n++] = member;
    /* the epoch seen, when recently: a state missing now was lost, not expired */
    args[n++] = s->epoch[0] && s->last_ok && now - s->last_ok + 2000 < ttl ? s->epoch : "";
    args[n++] = fresh; args[n++] = num[3]; args[n++] = num[4]; args[n++] = num[5];
    args[n++] = s->back_first ? s->back_member : ""; args[n++] = num[6]; args[n++] = num[7];
    for (i = 0, k = 0; merge && i < s->h_count; i++) {
        uint64_t e = s->history[(s->h_head + i) % CLICKUP_REDIS__HISTORY];
        if (!(e & 1u)) continue;
        clickup_redis__fmt(ages + 24 * k, 24, "%llu", (unsigned long long)(now - (e >> 1)));
        args[n++] = ages + 24 * k++;
    }
    for (i = 0; i < (size_t)n; i++) lens[i] = strlen(args[i]);
    r = clickup_redis__eval(&s->conn, CLICKUP_REDIS__S_ACQUIRE, 2, args, lens, n);
    free(ages);
    if (args != stack_args) { free((void *)args); free(lens); }
    if (!r) return 0;
    ok = r->type == REDIS_REPLY_ARRAY && r->elements == 7 && clickup_redis__elem_int(r, 0, 0, 1LL << 40, &v[0]) &&
         clickup_redis__elem_int(r, 1, 1, CLICKUP_REDIS__LIMIT_MAX, &v[1]) && clickup_redis__elem_int(r, 2, 0, 1LL << 40, &v[2]) &&
         clickup_redis__elem_int(r, 3, -1, 1000000000, &v[3]) && clickup_redis__elem_int(r, 4, 0, 1LL << 40, &v[4]) &&
         clickup_redis__elem_int(r, 6, 0, s->want > 1 ? s->want : 1, &v[5]) && (v[5] == 0) == (!take || v[0] != 0);
    ep = ok ? r->element[5] : NULL;
    if (ok && (!ep || ep->type != REDIS_REPLY_STRING || ep->len > 40)) ok = 0;
    if (!ok) {
        clickup_redis__limiter_bad_reply(s, r, "acquire");
        freeReplyObject(r);
        return 0;
    }
    if (take) {                      /* (a peek at a lost state must not forget the epoch) */
        memcpy(s->epoch, ep->str, ep->len);
        s->epoch[ep->len] = '\0';
        s->last_ok = now;
    }
    freeReplyObject(r);
    s->limit_seen = (int)v[1];
    *wait = (uint64_t)v[0] > (uint64_t)s->window_ms + 10000u ? (uint64_t)s->window_ms + 10000u : (uint64_t)v[0];
    memset(&s->last_state, 0, sizeof s->last_state);
    s->last_state.limit = (int)v[1];
    s->last_state.window_ms = s->window_ms;
    s->last_state.available = *wait || v[2] >= v[1] ? 0 : (int)(v[1] - v[2]);
    if (v[3] >= 0 && s->last_state.available > v[3]) s->last_state.available = (int)v[3];
    s->last_state.server_remaining = (int)v[3];
    s->last_state.reset_in_ms = (uint64_t)v[4];
    s->last_state.next_free_in_ms = *wait;
    if (merge) {                    /* written into the log now: no longer this process's alone */
        for (i = 0; i < s->h_count; i++) s->history[(s->h_head + i) % CLICKUP_REDIS__HISTORY] &= ~(uint64_t)1u;
        s->h_local = 0;
    }
    s->back_first = s->back_last = 0;   /* given back */
    if (v[5] > 0) {                     /* admitted: a lease of v[5] slots, the first used now */
        memcpy(s->lease_member, member, sizeof s->lease_member);
        s->lease_size = (int)v[5];
        s->lease_used = 1;
        s->lease_until = now + clickup_redis__lease_ms(s);
        s->lease_pid = getpid();
    }
    return 1;
}

/* acquire: a slot of the lease, else an admission through Redis, else the policy. */
static clickup_result clickup_redis__acquire(void *self, uint64_t now_ms, uint64_t *wait_ms) {
    clickup_redis__limiter *s = (clickup_redis__limiter *)self;
    uint64_t now, wait = 0;
    clickup_result rc = CLICKUP_OK;
    (void)now_ms;                    /* Redis's TIME is the clock; this process's for the fallback */
    *wait_ms = 0;
    pthread_mutex_lock(&s->conn.mu);
    now = clickup_redis__mono_ms();
    if (!s->local.cap && clickup_redis__lease_take(s, now)) {
        clickup_redis__flight_push(s, 0);
        clickup_redis__remember(s, now, 0);
        pthread_mutex_unlock(&s->conn.mu);
        return CLICKUP_OK;
    }
    clickup_redis__lease_end(s, now, 0);
    if (clickup_redis__ready(&s->conn) && clickup_redis__run_acquire(s, 1, now, &wait)) {
        if (s->local.cap) {
            clickup_redis__ring_free(&s->local);
            clickup_redis__log(&s->conn, CLICKUP_LOG_INFO, "clickup_redis: limiter: back on the shared budget in Redis at %s",
                               s->conn.t.shown);
        }
        if (wait == 0) { clickup_redis__flight_push(s, 0); clickup_redis__remember(s, now, 0); }
    } else if (s->policy == CLICKUP_REDIS_FAIL_CLOSED) {
        rc = CLICKUP_ERR_RATE_LIMITED;   /* nothing goes that Redis did not admit */
    } else if (!clickup_redis__local(s, now)) {
        rc = CLICKUP_ERR_NOMEM;
    } else if ((wait = clickup_redis__ring_take(&s->local, now, (uint64_t)s->window_ms)) == 0) {
        clickup_redis__flight_push(s, 1);
        clickup_redis__remember(s, now, 1);
    }
    pthread_mutex_unlock(&s->conn.mu);
    *wait_ms = wait;
    return rc;
}

/* observe: the request leaves the flight (requests in flight are alike: the oldest); the answer
   goes to Redis. A 429 or a Retry-After ends this process's lease at once. */
static void clickup_redis__observe(void *self, const clickup_rate_observation *o) {
    clickup_redis__limiter *s = (clickup_redis__limiter *)self;
    int through_redis;
    pthread_mutex_lock(&s->conn.mu);
    through_redis = clickup_redis__flight_pop(s);
    if (o->status == 429 || (o->retry_after && o->status >= 500 && o->status <= 599))
        clickup_redis__lease_end(s, clickup_redis__mono_ms(), 1);
    if (s->local.cap) clickup_redis__ring_observe(&s->local, o, clickup_redis__mono_ms(), s->window_ms);
    if (s->conn.ctx && s->conn.pid == getpid()) {   /* no reconnection here: acquire does that */
        char num[8][24], kind[2] = "";
        const char *args[12];
        size_t lens[12];
        int64_t ra = -1, secs;
        redisReply *r;
        int i;
        if (o->status == 429 || (o->status >= 500 && o->status <= 599)) {
            if ((secs = clickup_redis__hdr(o->retry_after)) >= 0) {
                kind[0] = 'd';
                ra = secs > ((int64_t)s->window_ms + 5000) / 1000 ? (int64_t)s->window_ms + 5000 : secs * 1000;
            } else if (o->retry_after && (ra = clickup_redis__http_date(o->retry_after)) >= 0) {
                kind[0] = 'a';
            }
        }
        clickup_redis__fmt(num[0], 24, "%d", o->status);
        clickup_redis__fmt(num[1], 24, "%d", s->ceiling);
        clickup_redis__fmt(num[2], 24, "%d", s->window_ms);
        clickup_redis__fmt(num[3], 24, "%lld", (long long)clickup_redis__hdr(o->limit));
        clickup_redis__fmt(num[4], 24, "%lld", (long long)clickup_redis__hdr(o->remaining));
        clickup_redis__fmt(num[5], 24, "%lld", (long long)clickup_redis__hdr(o->reset));
        clickup_redis__fmt(num[6], 24, "%lld", (long long)ra);
        clickup_redis__fmt(num[7], 24, "%d", CLICKUP_REDIS__LIMIT_MAX);
        args[0] = s->keys[0]; args[1] = s->keys[1];
        args[2] = through_redis ? "1" : "0";   /* admitted through Redis: it leaves the flight */
        args[3] = num[0]; args[4] = num[1]; args[5] = num[2]; args[6] = num[3];
        args[7] = num[4]; args[8] = num[5]; args[9] = kind; args[10] = num[6]; args[11] = num[7];
        for (i = 0; i < 12; i++) lens[i] = strlen(args[i]);
        if ((r = clickup_redis__eval(&s->conn, CLICKUP_REDIS__S_OBSERVE, 2, args, lens, 12)) != NULL) {
            if (r->type != REDIS_REPLY_INTEGER) clickup_redis__limiter_bad_reply(s, r, "observe");
            freeReplyObject(r);
        }
    }
    pthread_mutex_unlock(&s->conn.mu);
}

static void clickup_redis__state(void *self, uint64_t now_ms, clickup_rate_state *out) {
    clickup_redis__limiter *s = (clickup_redis__limiter *)self;
    uint64_t now, wait = 0;
    (void)now_ms;
    pthread_mutex_lock(&s->conn.mu);
    now = clickup_redis__mono_ms();
    if (s->conn.ctx && s->conn.pid == getpid() && clickup_redis__run_acquire(s, 0, now, &wait)) {
        *out = s->last_state;
    } else if (s->local.cap) {
        memset(out, 0, sizeof *out);
        wait = clickup_redis__ring_wait(&s->local, now < s->local.newest ? s->local.newest : now, (uint64_t)s->window_ms);
        out->limit = (int)s->local.cap;
        out->available = wait ? 0 : (int)(s->local.cap - s->local.count);
        if (s->local.remaining >= 0 && out->available > s->local.remaining) out->available = s->local.remaining;
        out->server_remaining = s->local.remaining;
        out->reset_in_ms = s->local.reset_at > now ? s->local.reset_at - now : 0;
        out->next_free_in_ms = wait;
    } else {                         /* Redis is away and nothing may go: say when it is tried again */
        memset(out, 0, sizeof *out);
        out->limit = s->limit_seen > 0 ? s->limit_seen : s->ceiling > 0 ? s->ceiling : 100;
        out->server_remaining = -1;
        out->next_free_in_ms = s->conn.next_try > now ? s->conn.next_try - now : 0;
    }
    out->window_ms = s->window_ms;
    pthread_mutex_unlock(&s->conn.mu);
}

static void clickup_redis__limiter_destroy(void *self) {
    clickup_redis__limiter *s = (clickup_redis__limiter *)self;
    uint64_t wait = 0, now;
    if (!s) return;
    pthread_mutex_lock(&s->conn.mu);     /* what a lease left over goes back to the others */
    now = clickup_redis__mono_ms();
    clickup_redis__lease_end(s, now, 1);
    if (s->back_first && s->conn.ctx && s->conn.pid == getpid()) (void)clickup_redis__run_acquire(s, 0, now, &wait);
    pthread_mutex_unlock(&s->conn.mu);
    clickup_redis__conn_free(&s->conn);
    clickup_redis__ring_free(&s->local);
    free(s->history);
    free(s);
}

/* Check the fields every Redis object reads. NULL or why not. */
CLICKUP_REDIS__FN const char *clickup_redis__config_problem(const clickup_redis_config *cfg) {
    size_t i;
    if (!cfg->url || !cfg->url[0]) return "no Redis URL";
    if (!cfg->token || !cfg->token[0]) return "no token (the keys are named after a hash of it)";
    for (i = 0; cfg->token[i]; i++)
        if ((unsigned char)cfg->token[i] <= ' ' || (unsigned char)cfg->token[i] >= 0x7f)
            return "the token contains white space, control characters or non-ASCII bytes";
    return NULL;
}

CLICKUP_API clickup_result clickup_redis_limiter_open(const clickup_redis_config *cfg, clickup_limiter **out, char *msg,
                                                      size_t msg_size) {
    static const clickup_limiter_methods methods = {
        CLICKUP_LIMITER_METHODS_VERSION, clickup_redis__acquire, clickup_redis__observe, clickup_redis__state,
        clickup_redis__limiter_destroy
    };
    clickup_redis__limiter *s;
    const char *why;
    char th[33];
    clickup_result rc;
    int up;
    if (msg && msg_size) msg[0] = '\0';
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!cfg) return CLICKUP_ERR_INVALID_ARG;
    if ((why = clickup_redis__config_problem(cfg)) != NULL) { clickup_redis__fmt(msg, msg_size, "%s", why); return CLICKUP_ERR_CONFIG; }
    if (cfg->rate_limit < 0 || cfg->rate_limit > CLICKUP_REDIS__LIMIT_MAX || cfg->window_ms < 0 || cfg->window_ms > 86400000 ||
        cfg->lease_max < 0 || cfg->lease_max > CLICKUP_REDIS__LEASE_MAX) {
        clickup_redis__fmt(msg, msg_size, "the rate limit must be 0 to 100000, the window 0 to 86400000 ms, lease_max 0 to 64");
        return CLICKUP_ERR_CONFIG;
    }
    if (!(cfg->local_share >= 0.0 && cfg->local_share <= 1.0) ||
        (cfg->policy != CLICKUP_REDIS_POLICY_DEFAULT && cfg->policy != CLICKUP_REDIS_FAIL_CLOSED &&
         cfg->policy != CLICKUP_REDIS_LOCAL_FALLBACK)) {
        clickup_redis__fmt(msg, msg_size, "the policy must be FAIL_CLOSED or LOCAL_FALLBACK, and local_share in (0, 1]");
        return CLICKUP_ERR_CONFIG;
    }
    if (!(s = (clickup_redis__limiter *)calloc(1, sizeof *s))) return CLICKUP_ERR_NOMEM;
    s->local.remaining = -1;
    s->want = 1;
    if ((rc = clickup_redis__conn_init(&s->conn, cfg, 1u << CLICKUP_REDIS__S_ACQUIRE | 1u << CLICKUP_REDIS__S_OBSERVE, msg,
                                       msg_size)) != CLICKUP_OK) {
        free(s);
        return rc;
    }
    if (!(s->history = (uint64_t *)malloc(CLICKUP_REDIS__HISTORY * sizeof *s->history))) {
        clickup_redis__limiter_destroy(s);
        return CLICKUP_ERR_NOMEM;
    }
    s->ceiling = cfg->rate_limit;
    s->window_ms = cfg->window_ms ? cfg->window_ms : 60000;
    s->lease_max = cfg->lease_max > 0 ? cfg->lease_max : s->conn.t.lease > 0 ? s->conn.t.lease : CLICKUP_REDIS__LEASE_MAX;
    s->policy = cfg->policy != CLICKUP_REDIS_POLICY_DEFAULT ? (int)cfg->policy
              : s->conn.t.fallback == 2 ? CLICKUP_REDIS_LOCAL_FALLBACK : CLICKUP_REDIS_FAIL_CLOSED;
    s->share = cfg->local_share > 0.0 ? cfg->local_share : s->conn.t.share > 0.0 ? s->conn.t.share : 0.25;
    clickup_redis__token_hash(cfg->token, th);
    clickup_redis__fmt(s->keys[0], sizeof s->keys[0], "%s:{%s}:rl:log", s->conn.t.prefix, th);
    clickup_redis__fmt(s->keys[1], sizeof s->keys[1], "%s:{%s}:rl:st", s->conn.t.prefix, th);
    clickup_redis__fmt(s->host_id, sizeof s->host_id, "%016llx", (unsigned long long)clickup_redis__random());
    pthread_mutex_lock(&s->conn.mu);
    up = clickup_redis__ready(&s->conn);
    pthread_mutex_unlock(&s->conn.mu);
    if (!up && s->policy == CLICKUP_REDIS_FAIL_CLOSED) {
        rc = strstr(s->conn.last_error, "SHA1") || strstr(s->conn.last_error, "refused") ? CLICKUP_ERR_BAD_RESPONSE
                                                                                        : CLICKUP_ERR_NETWORK;
        if (strncmp(s->conn.last_error, "cannot connect", 14) == 0) rc = CLICKUP_ERR_NETWORK;
        clickup_redis__fmt(msg, msg_size, "Redis at %s cannot be used: %s", s->conn.t.shown, s->conn.last_error);
        clickup_redis__limiter_destroy(s);
        return rc;
    }
    if ((rc = clickup_limiter_create_custom(&methods, s, NULL, out)) != CLICKUP_OK) clickup_redis__limiter_destroy(s);
    return rc;
}

/* ==== [cache] =============================================================================== */
typedef struct clickup_redis__snap {
    uint64_t hash;                   /* of the key; 0 = empty                                 */
    char     gen[6][20];             /* classes 1..4 at [1..4], the key's list at [5]; "" none */
} clickup_redis__snap;

typedef struct clickup_redis__cache {
    clickup_redis__conn conn;
    char     base[120];              /* PREFIX:{H}                                            */
    unsigned pending;                /* classes whose invalidation has not reached Redis yet  */
    clickup_redis__snap snaps[CLICKUP_REDIS__SNAPSHOTS];
} clickup_redis__cache;

/* The generation key of a task page's list: "GET /list/{id}/task..." has its list's, any other
   task query (workspace queries) the shared ":x" one (the rule of clickup.h's own cache). */
CLICKUP_REDIS__FN void clickup_redis__sub_key(const clickup_redis__cache *k, const char *key, size_t key_len, char *out,
                                              size_t out_size) {
    if (key_len > 10 && memcmp(key, "GET /list/", 10) == 0) {
        size_t n = 0;
        while (10 + n < key_len && key[10 + n] != '/' && key[10 + n] != '?') n++;
        if (n && n <= 64 && key_len - 10 - n >= 5 && memcmp(key + 10 + n, "/task", 5) == 0) {
            clickup_redis__fmt(out, out_size, "%s:g:3:l:%.*s", k->base, (int)n, key + 10);
            return;
        }
    }
    clickup_redis__fmt(out, out_size, "%s:g:3:x", k->base);
}

/* With the mutex held and a connection: bump these generation keys. 1 when done. */
CLICKUP_REDIS__FN int clickup_redis__bump(clickup_redis__cache *k, char (*keys)[160], int n) {
    char fresh[8][24], ttl[24];
    const char *args[17];
    size_t lens[17];
    redisReply *r;
    int i, ok;
    for (i = 0; i < n; i++) {
        clickup_redis__fmt(fresh[i], sizeof fresh[i], "%llu", (unsigned long long)(clickup_redis__next(&k->conn) % 900000000000000ULL +
                                                                                   100000000000000ULL));
        args[i] = keys[i];
        args[n + i] = fresh[i];
    }
    clickup_redis__fmt(ttl, sizeof ttl, "%d", 3660000);
    args[2 * n] = ttl;
    for (i = 0; i <= 2 * n; i++) lens[i] = strlen(args[i]);
    if (!(r = clickup_redis__eval(&k->conn, CLICKUP_REDIS__S_BUMP, n, args, lens, 2 * n + 1))) return 0;
    ok = r->type == REDIS_REPLY_INTEGER && r->integer == n;
    if (!ok) clickup_redis__log(&k->conn, CLICKUP_LOG_ERROR, "clickup_redis: cache: Redis at %s did not take an invalidation (%s)",
                                k->conn.t.shown, r->type == REDIS_REPLY_ERROR ? r->str : "an odd answer");
    freeReplyObject(r);
    return ok;
}

/* Invalidate classes (bits 1 << class), task pages of list_id only when given. With the mutex
   held. What cannot reach Redis now is kept (whole classes) and sent first next time. */
CLICKUP_REDIS__FN void clickup_redis__invalidate_locked(clickup_redis__cache *k, unsigned classes, const char *list_id) {
    char keys[8][160];
    int n = 0, c;
    if (list_id && (!list_id[0] || strlen(list_id) > 64)) list_id = NULL;
    for (c = CLICKUP_CACHE_CLASS_TEAM; c <= CLICKUP_CACHE_CLASS_OTHER; c++) {
        if (!(classes & (1u << c))) continue;
        if (c == CLICKUP_CACHE_CLASS_TASKS && list_id) {
            clickup_redis__fmt(keys[n++], sizeof keys[0], "%s:g:3:l:%s", k->base, list_id);
            clickup_redis__fmt(keys[n++], sizeof keys[0], "%s:g:3:x", k->base);
        } else {
            clickup_redis__fmt(keys[n++], sizeof keys[0], "%s:g:%d", k->base, c);
        }
    }
    if (!n) return;
    if (!clickup_redis__ready(&k->conn) || !clickup_redis__bump(k, keys, n))
        k->pending |= classes & (1u << CLICKUP_CACHE_CLASS_TEAM | 1u << CLICKUP_CACHE_CLASS_HIERARCHY |
                                 1u << CLICKUP_CACHE_CLASS_TASKS | 1u << CLICKUP_CACHE_CLASS_OTHER);
}

/* With the mutex held: connected, and no invalidation of ours still owed to Redis. */
CLICKUP_REDIS__FN int clickup_redis__cache_ready(clickup_redis__cache *k) {
    if (!clickup_redis__ready(&k->conn)) return 0;
    if (k->pending) {
        unsigned p = k->pending;
        k->pending = 0;
        clickup_redis__invalidate_locked(k, p, NULL);
        if (k->pending) return 0;
        clickup_redis__log(&k->conn, CLICKUP_LOG_INFO, "clickup_redis: cache: invalidations made while Redis was away are sent");
    }
    return 1;
}

/* A generation as Redis holds it: an integer of our making, or "" (none, or not ours). */
CLICKUP_REDIS__FN void clickup_redis__gen_of(const redisReply *e, char out[20]) {
    int64_t v;
    out[0] = '\0';
    if (e && e->type == REDIS_REPLY_STRING && e->len > 0 && e->len <= 18 && clickup_redis__i64(e->str, e->len, &v)) {
        memcpy(out, e->str, e->len);
        out[e->len] = '\0';
    }
}

/* Parse "CURC1 class gen sub length\n": 1 and the fields, else 0. */
CLICKUP_REDIS__FN int clickup_redis__entry(const char *v, size_t n, int *cls, const char **gen, size_t *gen_len,
                                           const char **sub, size_t *sub_len, size_t *body_at) {
    size_t i = 6, start;
    int64_t len;
    if (n < 14 || memcmp(v, "CURC1 ", 6) != 0 || v[6] < '1' || v[6] > '4' || v[7] != ' ') return 0;
    *cls = v[6] - '0';
    i = 8;
    start = i;
    while (i < n && i - start <= 18 && v[i] != ' ') i++;
    if (i >= n || i == start) return 0;
    *gen = v + start; *gen_len = i - start;
    start = ++i;
    while (i < n && i - start <= 18 && v[i] != ' ') i++;
    if (i >= n || i == start) return 0;
    *sub = v + start; *sub_len = i - start;
    start = ++i;
    while (i < n && i - start <= 12 && v[i] != '\n') i++;
    if (i >= n || i == start || !clickup_redis__i64(v + start, i - start, &len) || len < 0) return 0;
    *body_at = i + 1;
    return (uint64_t)len == (uint64_t)(n - *body_at);
}

static int clickup_redis__cache_get(void *self, const char *key, size_t key_len, uint64_t now_ms, void *sink,
                                    int (*take)(void *sink, const char *bytes, size_t len)) {
    clickup_redis__cache *k = (clickup_redis__cache *)self;
    char gens[5][160], sub[160], *vkey;
    const char *argv[7];
    size_t lens[7], vlen = strlen(k->base) + 3 + key_len;
    clickup_redis__snap snap;
    clickup_redis__sigpipe g;
    redisReply *r;
    int i, hit = 0;
    (void)now_ms;
    if (!(vkey = (char *)malloc(vlen + 1))) return 0;
    memcpy(vkey, k->base, strlen(k->base));
    memcpy(vkey + strlen(k->base), ":c:", 3);
    memcpy(vkey + strlen(k->base) + 3, key, key_len);
    vkey[vlen] = '\0';
    for (i = 1; i <= 4; i++) clickup_redis__fmt(gens[i], sizeof gens[i], "%s:g:%d", k->base, i);
    clickup_redis__sub_key(k, key, key_len, sub, sizeof sub);
    argv[0] = "MGET"; lens[0] = 4;
    argv[1] = vkey; lens[1] = vlen;
    for (i = 1; i <= 4; i++) { argv[1 + i] = gens[i]; lens[1 + i] = strlen(gens[i]); }
    argv[6] = sub; lens[6] = strlen(sub);
    pthread_mutex_lock(&k->conn.mu);
    if (!clickup_redis__cache_ready(k)) { pthread_mutex_unlock(&k->conn.mu); free(vkey); return 0; }
    clickup_redis__sigpipe_block(&g);
    r = (redisReply *)redisCommandArgv(k->conn.ctx, 7, argv, lens);
    clickup_redis__sigpipe_restore(&g);
    free(vkey);
    if (!r) {
        clickup_redis__failed(&k->conn, k->conn.ctx && k->conn.ctx->errstr[0] ? k->conn.ctx->errstr : "no answer");
        pthread_mutex_unlock(&k->conn.mu);
        return 0;
    }
    if (r->type != REDIS_REPLY_ARRAY || r->elements != 6) {
        if (r->type != REDIS_REPLY_ERROR) clickup_redis__failed(&k->conn, "an answer to MGET that makes no sense");
        freeReplyObject(r);
        pthread_mutex_unlock(&k->conn.mu);
        return 0;
    }
    memset(&snap, 0, sizeof snap);
    snap.hash = clickup_redis__fnv(key, key_len);
    for (i = 1; i <= 5; i++) clickup_redis__gen_of(r->element[i], snap.gen[i]);
    k->snaps[snap.hash % CLICKUP_REDIS__SNAPSHOTS] = snap;   /* for the store that follows a miss */
    if (r->element[0] && r->element[0]->type == REDIS_REPLY_STRING) {
        const char *gen, *sb;
        size_t gl, sl, at;
        int cls;
        const redisReply *v = r->element[0];
        if (clickup_redis__entry(v->str, v->len, &cls, &gen, &gl, &sb, &sl, &at) && snap.gen[cls][0] &&
            strlen(snap.gen[cls]) == gl && memcmp(snap.gen[cls], gen, gl) == 0 &&
            (cls != CLICKUP_CACHE_CLASS_TASKS || (snap.gen[5][0] && strlen(snap.gen[5]) == sl && memcmp(snap.gen[5], sb, sl) == 0)))
            hit = take(sink, v->str + at, v->len - at) ? 1 : 0;
    }
    freeReplyObject(r);
    pthread_mutex_unlock(&k->conn.mu);
    return hit;
}

static void clickup_redis__cache_put(void *self, const char *key, size_t key_len, const char *body, size_t body_len,
                                     uint64_t now_ms, uint64_t ttl_ms, int cls) {
    clickup_redis__cache *k = (clickup_redis__cache *)self;
    char gkey[160], sub[160], ttl[24], gttl[24], cl[4], f1[24], f2[24], *vkey;
    const char *args[11];
    size_t lens[11], vlen = strlen(k->base) + 3 + key_len;
    const char *expect = "*", *expect_sub = "*";
    clickup_redis__snap *sn;
    uint64_t h = clickup_redis__fnv(key, key_len);
    redisReply *r;
    int n = 0, nkeys, i;
    (void)now_ms;
    if (ttl_ms == 0 || cls < CLICKUP_CACHE_CLASS_TEAM || cls > CLICKUP_CACHE_CLASS_OTHER) return;
    if (!(vkey = (char *)malloc(vlen + 1))) return;
    memcpy(vkey, k->base, strlen(k->base));
    memcpy(vkey + strlen(k->base), ":c:", 3);
    memcpy(vkey + strlen(k->base) + 3, key, key_len);
    vkey[vlen] = '\0';
    clickup_redis__fmt(gkey, sizeof gkey, "%s:g:%d", k->base, cls);
    clickup_redis__sub_key(k, key, key_len, sub, sizeof sub);
    clickup_redis__fmt(ttl, sizeof ttl, "%llu", (unsigned long long)ttl_ms);
    clickup_redis__fmt(gttl, sizeof gttl, "%llu", (unsigned long long)(ttl_ms + 60000u > 3660000u ? ttl_ms + 60000u : 3660000u));
    clickup_redis__fmt(cl, sizeof cl, "%d", cls);
    pthread_mutex_lock(&k->conn.mu);
    clickup_redis__fmt(f1, sizeof f1, "%llu", (unsigned long long)(clickup_redis__next(&k->conn) % 900000000000000ULL + 100000000000000ULL));
    clickup_redis__fmt(f2, sizeof f2, "%llu", (unsigned long long)(clickup_redis__next(&k->conn) % 900000000000000ULL + 100000000000000ULL));
    if (!clickup_redis__cache_ready(k)) { pthread_mutex_unlock(&k->conn.mu); free(vkey); return; }
    sn = &k->snaps[h % CLICKUP_REDIS__SNAPSHOTS];
    if (sn->hash == h) {             /* the generations its lookup saw: store only if still current */
        expect = sn->gen[cls][0] ? sn->gen[cls] : "-";
        expect_sub = sn->gen[5][0] ? sn->gen[5] : "-";
    }
    nkeys = cls == CLICKUP_CACHE_CLASS_TASKS ? 3 : 2;
    args[n++] = vkey; args[n++] = gkey;
    if (nkeys == 3) args[n++] = sub;
    args[n++] = ttl; args[n++] = body ? body : ""; args[n++] = cl; args[n++] = expect; args[n++] = expect_sub;
    args[n++] = f1; args[n++] = f2; args[n++] = gttl;
    for (i = 0; i < n; i++) lens[i] = strlen(args[i]);
    lens[nkeys + 1] = body ? body_len : 0;
    r = clickup_redis__eval(&k->conn, CLICKUP_REDIS__S_PUT, nkeys, args, lens, n);
    if (sn->hash == h) sn->hash = 0;
    if (r) {
        if (r->type != REDIS_REPLY_INTEGER && r->type != REDIS_REPLY_ERROR) clickup_redis__failed(&k->conn, "an answer to the store script that makes no sense");
        freeReplyObject(r);
    }
    pthread_mutex_unlock(&k->conn.mu);
    free(vkey);
}

static void clickup_redis__cache_invalidate(void *self, unsigned classes, const char *list_id) {
    clickup_redis__cache *k = (clickup_redis__cache *)self;
    pthread_mutex_lock(&k->conn.mu);
    if (k->pending) (void)clickup_redis__cache_ready(k);
    clickup_redis__invalidate_locked(k, classes, list_id);
    pthread_mutex_unlock(&k->conn.mu);
}

static void clickup_redis__cache_clear(void *self) {
    clickup_redis__cache_invalidate(self, 1u << CLICKUP_CACHE_CLASS_TEAM | 1u << CLICKUP_CACHE_CLASS_HIERARCHY |
                                          1u << CLICKUP_CACHE_CLASS_TASKS | 1u << CLICKUP_CACHE_CLASS_OTHER, NULL);
}

static void clickup_redis__cache_destroy(void *self) {
    clickup_redis__cache *k = (clickup_redis__cache *)self;
    if (!k) return;
    clickup_redis__conn_free(&k->conn);
    free(k);
}

CLICKUP_API clickup_result clickup_redis_cache_open(const clickup_redis_config *cfg, clickup_cache **out, char *msg,
                                                    size_t msg_size) {
    static const clickup_cache_methods methods = {
        CLICKUP_CACHE_METHODS_VERSION, clickup_redis__cache_get, clickup_redis__cache_put, clickup_redis__cache_invalidate,
        clickup_redis__cache_clear, clickup_redis__cache_destroy
    };
    clickup_redis__cache *k;
    const char *why;
    char th[33];
    clickup_result rc;
    int up;
    if (msg && msg_size) msg[0] = '\0';
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!cfg) return CLICKUP_ERR_INVALID_ARG;
    if ((why = clickup_redis__config_problem(cfg)) != NULL) { clickup_redis__fmt(msg, msg_size, "%s", why); return CLICKUP_ERR_CONFIG; }
    if (!(k = (clickup_redis__cache *)calloc(1, sizeof *k))) return CLICKUP_ERR_NOMEM;
    if ((rc = clickup_redis__conn_init(&k->conn, cfg, 1u << CLICKUP_REDIS__S_PUT | 1u << CLICKUP_REDIS__S_BUMP, msg,
                                       msg_size)) != CLICKUP_OK) {
        free(k);
        return rc;
    }
    clickup_redis__token_hash(cfg->token, th);
    clickup_redis__fmt(k->base, sizeof k->base, "%s:{%s}", k->conn.t.prefix, th);
    pthread_mutex_lock(&k->conn.mu);
    up = clickup_redis__ready(&k->conn);
    pthread_mutex_unlock(&k->conn.mu);
    if (!up) {
        rc = strncmp(k->conn.last_error, "cannot connect", 14) == 0 || strstr(k->conn.last_error, "no answer")
           ? CLICKUP_ERR_NETWORK : CLICKUP_ERR_BAD_RESPONSE;
        clickup_redis__fmt(msg, msg_size, "Redis at %s cannot be used: %s", k->conn.t.shown, k->conn.last_error);
        clickup_redis__cache_destroy(k);
        return rc;
    }
    if ((rc = clickup_cache_create_custom(&methods, k, NULL, out)) != CLICKUP_OK) clickup_redis__cache_destroy(k);
    return rc;
}

/* ==== [env] ================================================================================= */
CLICKUP_API void clickup_redis_env_close(clickup_redis_env *env) {
    if (!env) return;
    clickup_limiter_destroy(env->limiter);
    clickup_cache_destroy(env->cache);
    env->limiter = NULL;
    env->cache = NULL;
}

CLICKUP_API clickup_result clickup_redis_env_open(clickup_config *cfg, clickup_redis_env *env, char *msg, size_t msg_size) {
    clickup_redis_config rc;
    const char *lim, *cache;
    char why[256];
    clickup_result r;
    if (msg && msg_size) msg[0] = '\0';
    if (!env) return CLICKUP_ERR_INVALID_ARG;
    memset(env, 0, sizeof *env);
    if (!cfg) return CLICKUP_ERR_INVALID_ARG;
    lim = getenv("CLICKUP_LIMITER");
    cache = getenv("CLICKUP_CACHE");
    memset(&rc, 0, sizeof rc);
    rc.token = cfg->token;
    rc.rate_limit = cfg->rate_limit;
    rc.window_ms = cfg->rate_window_ms;
    rc.log = cfg->log_level == CLICKUP_LOG_OFF ? NULL : cfg->log;
    rc.log_user = cfg->log_user;
    if (lim && strncmp(lim, "redis://", 8) == 0 && !cfg->limiter) {
        rc.url = lim;
        if ((r = clickup_redis_limiter_open(&rc, &env->limiter, why, sizeof why)) != CLICKUP_OK) {
            clickup_redis__fmt(msg, msg_size, "CLICKUP_LIMITER: %s", r == CLICKUP_ERR_NOMEM ? "out of memory" : why);
            return r == CLICKUP_ERR_INVALID_ARG ? CLICKUP_ERR_CONFIG : r;
        }
        cfg->limiter = env->limiter;
    }
    if (cache && *cache && !cfg->disable_cache && !cfg->cache) {
        if (strncmp(cache, "redis://", 8) != 0 && strncmp(cache, "unix:", 5) != 0) {
            clickup_redis__fmt(msg, msg_size, "CLICKUP_CACHE must be redis://host:port[/db][?prefix=P] or unix:/path/to/redis.sock");
            clickup_redis_env_close(env);
            cfg->limiter = NULL;
            return CLICKUP_ERR_CONFIG;
        }
        rc.url = cache;
        if ((r = clickup_redis_cache_open(&rc, &env->cache, why, sizeof why)) != CLICKUP_OK) {
            clickup_redis__fmt(msg, msg_size, "CLICKUP_CACHE: %s", r == CLICKUP_ERR_NOMEM ? "out of memory" : why);
            if (cfg->limiter == env->limiter) cfg->limiter = NULL;
            clickup_redis_env_close(env);
            return r == CLICKUP_ERR_INVALID_ARG ? CLICKUP_ERR_CONFIG : r;
        }
        cfg->cache = env->cache;
    }
    return CLICKUP_OK;
}

#endif /* CLICKUP_REDIS_IMPLEMENTATION_ONCE */
#endif /* CLICKUP_REDIS_IMPLEMENTATION */

/* clickup_proxy - a local ClickUp endpoint for tools in any language.

   Point any ClickUp tool's base URL at this proxy and it gets everything clickup.h guarantees
   without a line of C: the rate budget kept exactly (one limiter for every caller), the
   response cache with invalidation by writes, jittered retries, POSTs never replayed, and
   errors that say what happened. The real ClickUp token stays inside the proxy.

       build/clickup_proxy [--listen HOST:PORT | --socket PATH] [--key-file FILE]
                           [--max-body BYTES] [--allow-remote] [--port-file FILE]

       export CLICKUP_API_TOKEN=pk_...
       build/clickup_proxy --listen 127.0.0.1:8790 --key-file ~/.clickup_proxy.key &
       curl -H "Authorization: Bearer $(cat ~/.clickup_proxy.key)" \
            http://127.0.0.1:8790/api/v2/team

   Build: make build/clickup_proxy (needs libmicrohttpd: Debian's libmicrohttpd-dev).

   LISTENING. --listen HOST:PORT (default 127.0.0.1:8790; HOST is an IPv4 or [IPv6] literal or
   "localhost"; PORT 0 = any free port, see --port-file) or --socket PATH (a Unix socket,
   created with mode 0600; a stale socket at PATH is replaced, anything else is refused).
   Only loopback addresses are accepted, unless --allow-remote is given together with an
   explicit --key-file (the traffic is plain HTTP: put TLS in front of it).
   --port-file FILE writes the bound TCP port to FILE (atomically) once listening: for
   scripts and tests that ask for port 0.

   AUTHENTICATION. Every request except GET /healthz needs the proxy key:
       Authorization: Bearer <key>      (or "Authorization: <key>", the way ClickUp's own
                                          personal tokens are sent, so a tool configured with
                                          the key as its "token" works unchanged)
   The key is the first line of --key-file (default $HOME/.clickup_proxy.key). When the file
   does not exist, a random key (32 bytes from /dev/urandom, as 64 hex digits) is written to it
   with mode 0600. An existing key file must not be readable or writable by group or others,
   and its key must be at least 16 printable characters. Keys are compared in constant time.
   A wrong or missing key is answered 401 and nothing is forwarded.

   FORWARDING. METHOD /api/v2/PATH?QUERY (GET, POST, PUT, PATCH, DELETE) goes to ClickUp through
   clickup_call: PATH relative to the client's base URL, the query as clickup_param pairs in
   their order (repeats kept, "%XX" and '+' decoded, re-encoded by clickup.h), the body as is
   for POST, PUT, PATCH and DELETE (clickup.h sends it as application/json; a multipart body is
   refused with 415, a GET with a body with 400). None of the caller's headers are forwarded:
   clickup.h builds the request itself, with the real token (so the caller's Authorization,
   hop-by-hop headers and anything else never reach ClickUp). "Cache-Control: no-cache" (or
   no-store) on a request bypasses the cache for that request (CLICKUP_NO_CACHE).
   Refused before anything is sent: a path outside /api/v2/ (404), a path segment that is
   empty, "." or "..", has a character outside [A-Za-z0-9._~%:-], a bad %XX escape or one that
   decodes to '/', '\', a control character or a dot segment (400, ECODE PROXY_BAD_REQUEST),
   a query name outside [A-Za-z0-9._~[]-] (clickup.h's own rule), a bad %XX or a NUL in the
   query (400), a body above --max-body (default 1 MiB; 413, before it is read when
   Content-Length says so), another method (405).

   ANSWERS. ClickUp's status and body when ClickUp answered (2xx, 4xx, and 429/5xx once the
   retries are spent), with Content-Type application/json when the body is JSON, else
   application/octet-stream (clickup_response does not carry ClickUp's Content-Type). Plus:
     X-RateLimit-Limit, -Remaining, -Reset: the proxy's limiter after the call (see
       add_rate_headers for their exact meaning);
     X-Clickup-Cache: hit | miss   (hit = answered from the proxy's cache, nothing sent);
     X-Clickup-Waited-Ms: N        when the call waited (limiter, Retry-After, backoff);
     Retry-After                   as ClickUp sent it, on a final 429 or 5xx.
   When ClickUp gave no usable answer, the proxy answers with its own JSON
   {"err": "...", "ECODE": "PROXY_..."} (plus "status": ClickUp's status when one came):
     502 PROXY_OUTCOME_UNKNOWN  a POST/PATCH (or other write that must not be replayed) may have
                                happened (sent, then a 5xx, a lost or unreadable answer): it was
                                sent ONCE and NOT repeated. Look before you send it again.
     502 PROXY_NETWORK          ClickUp could not be reached (after retries)
     504 PROXY_TIMEOUT          no answer in time (per attempt or the call's deadline)
     502 PROXY_TOO_LARGE        ClickUp's answer exceeded the response size cap
     502 PROXY_UPSTREAM         any other failure without a usable answer
     429 PROXY_RATE_LIMITED     the limiter refused to wait (with Retry-After)
     400 PROXY_BAD_REQUEST      the request was refused before sending (path, query, body)
     401 PROXY_UNAUTHORIZED     missing or wrong proxy key
     404 PROXY_NOT_FOUND        not /api/v2/..., /healthz or /metrics
     405 PROXY_METHOD_NOT_ALLOWED, 413 PROXY_BODY_TOO_LARGE, 415 PROXY_UNSUPPORTED_MEDIA_TYPE
     503 PROXY_STOPPING         the proxy is shutting down; the request was not forwarded
     500 PROXY_INTERNAL         out of memory or a broken configuration
   Our own answers carry no X-RateLimit-* headers unless a call was attempted.

   OPERATIONS.
     GET /healthz   no key needed (a load balancer or supervisor can probe it; it says nothing
                    but that the process serves): {"ok":true}. Never touches ClickUp.
     GET /metrics   with the key: Prometheus' text format (Content-Type text/plain;
                    version=0.0.4): the proxy's counters (clickup_proxy_requests_total{outcome},
                    clickup_proxy_in_flight, _in_flight_peak), the client's (clickup_metrics_get:
                    clickup_requests_total, clickup_responses_429_total, clickup_retries_total,
                    clickup_errors_total{kind}, clickup_limiter_wait_seconds_total,
                    clickup_cache_hits_total, _misses_total, clickup_cache_hit_ratio, ...), its
                    limiter (clickup_rate_get: clickup_rate_limit, clickup_rate_available, ...)
                    and per ClickUp route (label route="GET /task/{task_id}"):
                    clickup_route_requests_total, clickup_route_errors_total and
                    clickup_route_latency_seconds{quantile="0.5"|"0.95"|"0.99"} (over the
                    route's last 256 requests). GET /metrics?format=json: the same as JSON.
   One line per request on stderr: method, path (no query), status, cache, waited ms, duration.
   Never the token, the proxy key, a header or a body. Idle or slow clients are disconnected
   after 30 s without progress (MHD's connection timeout); at most 64 connections at once.
   SIGTERM or SIGINT: stop accepting connections (the Unix socket file goes at once), let every
   request the engine holds finish and get its answer (a POST is not cut off midway), answer
   requests that arrive meanwhile on open connections 503 PROXY_STOPPING, then exit 0. The wait
   is bounded by 120 s; a second signal ends it at once (what is still in flight is answered
   503, or 502 PROXY_OUTCOME_UNKNOWN for a write that may have been sent).

   CONCURRENCY. One clickup_client serves every connection (one limiter, one cache), and many
   requests are in flight on it at once. Two threads: MHD's (every connection, event-driven)
   and the engine's, which alone uses the client (clickup.h: one thread at a time). A request,
   once its body is in, is handed to the engine through a queue and its connection suspended;
   the engine starts it (clickup_call_start: a cache hit is answered at once), drives every
   request in flight with clickup_pump (the limiter admits them in arrival order; libcurl
   carries the admitted ones together) and, as each is done (clickup_call_done), finishes it
   (clickup_call_finish) and resumes its connection with the answer. A request waiting for the
   limiter or for a slow ClickUp holds up no other request, cached or not (a new one wakes the
   engine's pump at once: clickup_pump_wakeup). /healthz, refusals and the key check never
   reach the engine.

   ENVIRONMENT. As build/clickup: CLICKUP_API_TOKEN (required), CLICKUP_TEAM_ID,
   CLICKUP_BASE_URL, CLICKUP_RATE_LIMIT, CLICKUP_RATE_WINDOW_S, CLICKUP_ENABLE_CACHE,
   CLICKUP_TIMEOUT_MS, CLICKUP_LOG_LEVEL (clickup_config_from_env), CLICKUP_MAX_RETRIES,
   CLICKUP_BACKOFF_MS. CLICKUP_LIMITER=file:PATH shares the rate budget with every process of
   this host that uses the same file (proxies, the CLI, the Worker). Built with the Redis
   companion (CLICKUP_WITH_REDIS, as the Makefile does), CLICKUP_LIMITER=redis://... and
   CLICKUP_CACHE=redis://... share one budget and one cache between proxies on several hosts
   (examples/clickup_redis.h). A backend this build does not have refuses the start (exit 3)
   rather than silently running with a private budget or cache. Values are never printed (a
   Redis URL may hold a password).

   EXIT CODES. 0 stopped by SIGTERM/SIGINT; 1 could not start (listen, key file, memory, MHD);
   2 usage or configuration error (options, CLICKUP_* values, a non-loopback address without
   --allow-remote and --key-file); 3 a redis:// CLICKUP_LIMITER or a CLICKUP_CACHE: backend not
   available in this build.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <signal.h>
#include <time.h>
#include <pthread.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <microhttpd.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"
#ifdef CLICKUP_WITH_REDIS    /* the Makefile builds it so: CLICKUP_LIMITER / CLICKUP_CACHE = redis://... */
#define CLICKUP_REDIS_IMPLEMENTATION
#include "clickup_redis.h"
static clickup_redis_env g_redis;   /* the shared limiter and cache, closed after the client */
#endif

#define PROG "clickup_proxy"
#define API_PREFIX "/api/v2"
#define DEFAULT_LISTEN "127.0.0.1:8790"
#define DEFAULT_MAX_BODY ((size_t)1 << 20)
#define MAX_MAX_BODY ((size_t)64 << 20)
#define IDLE_TIMEOUT_S 30u
#define MAX_CONNECTIONS 64u
#define KEY_MIN 16
#define KEY_MAX 1024
#define MAX_QUERY_PAIRS 256
#define DRAIN_MAX_MS 120000u        /* on SIGTERM, how long requests in progress may take to end */

enum { EXIT_STOPPED = 0, EXIT_START = 1, EXIT_USAGE = 2, EXIT_BACKEND = 3 };

/* The statuses the proxy answers itself (MHD's names for some changed between versions). */
enum {
    HTTP_OK = 200, HTTP_BAD_REQUEST = 400, HTTP_UNAUTHORIZED = 401, HTTP_NOT_FOUND = 404, HTTP_METHOD_NOT_ALLOWED = 405,
    HTTP_TOO_LARGE = 413, HTTP_UNSUPPORTED_MEDIA = 415, HTTP_TOO_MANY = 429, HTTP_INTERNAL = 500,
    HTTP_BAD_GATEWAY = 502, HTTP_UNAVAILABLE = 503, HTTP_GATEWAY_TIMEOUT = 504
};

/* ==== options =============================================================================== */
typedef struct options {
    const char *listen;             /* HOST:PORT, or NULL with socket_path                       */
    const char *socket_path;
    const char *key_file;           /* NULL = $HOME/.clickup_proxy.key                           */
    const char *port_file;
    size_t      max_body;
    int         allow_remote;
} options;

static const char USAGE[] =
    "usage: clickup_proxy [--listen HOST:PORT | --socket PATH] [--key-file FILE]\n"
    "                     [--max-body BYTES] [--allow-remote] [--port-file FILE]\n"
    "\n"
    "A local ClickUp API endpoint: point a tool's base URL at http://HOST:PORT/api/v2 and send\n"
    "\"Authorization: Bearer <key from the key file>\". Requests go to ClickUp through clickup.h\n"
    "(shared rate budget, cache, retries, POSTs never replayed) with the real token.\n"
    "\n"
    "  --listen HOST:PORT  loopback address to listen on (default " DEFAULT_LISTEN "; port 0 = any)\n"
    "  --socket PATH       listen on a Unix socket instead (mode 0600)\n"
    "  --key-file FILE     the proxy key (default $HOME/.clickup_proxy.key; created, mode 0600,\n"
    "                      with a random key when missing)\n"
    "  --max-body BYTES    largest request body accepted (default 1048576; else 413)\n"
    "  --allow-remote      allow a non-loopback --listen address (needs --key-file)\n"
    "  --port-file FILE    write the bound port to FILE once listening\n"
    "\n"
    "Endpoints: /api/v2/... (forwarded), GET /healthz (no key), GET /metrics (Prometheus text;\n"
    "  ?format=json for JSON).\n"
    "Environment: CLICKUP_API_TOKEN (required), CLICKUP_TEAM_ID, CLICKUP_BASE_URL,\n"
    "  CLICKUP_RATE_LIMIT, CLICKUP_RATE_WINDOW_S, CLICKUP_ENABLE_CACHE, CLICKUP_TIMEOUT_MS,\n"
    "  CLICKUP_LOG_LEVEL, CLICKUP_MAX_RETRIES, CLICKUP_BACKOFF_MS, CLICKUP_LIMITER=file:PATH (a rate\n"
    "  budget shared by every process using the file); with the Redis companion built in,\n"
    "  CLICKUP_LIMITER=redis://... and CLICKUP_CACHE=redis://... (one budget and cache for many hosts).\n"
    "Exit codes: 0 stopped by SIGTERM/SIGINT, 1 could not start, 2 usage or configuration,\n"
    "  3 a redis:// CLICKUP_LIMITER or a CLICKUP_CACHE: backend not available in this build.\n";

static int usage_error(const char *fmt, const char *arg) {
    fprintf(stderr, PROG ": ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n" PROG ": try --help\n");
    return EXIT_USAGE;
}

/* A whole decimal number within [min, max], else -1. */
static int parse_size(const char *s, unsigned long long min, unsigned long long max, unsigned long long *out) {
    char *end = NULL;
    unsigned long long v;
    if (!s || *s < '0' || *s > '9') return -1;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (errno || *end || v < min || v > max) return -1;
    *out = v;
    return 0;
}

/* Fill o from argv. 0, -1 after --help (exit 0), or an exit code > 0. */
static int parse_options(int argc, char **argv, options *o) {
    int i;
    memset(o, 0, sizeof *o);
    o->max_body = DEFAULT_MAX_BODY;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        unsigned long long n;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { fputs(USAGE, stdout); return -1; }
        if (strcmp(a, "--allow-remote") == 0) { o->allow_remote = 1; continue; }
        if (strcmp(a, "--listen") != 0 && strcmp(a, "--socket") != 0 && strcmp(a, "--key-file") != 0 &&
            strcmp(a, "--port-file") != 0 && strcmp(a, "--max-body") != 0)
            return usage_error("unknown option %s", a);
        if (!v || !*v) return usage_error("%s needs a value", a);
        i++;
        if (strcmp(a, "--listen") == 0) o->listen = v;
        else if (strcmp(a, "--socket") == 0) o->socket_path = v;
        else if (strcmp(a, "--key-file") == 0) o->key_file = v;
        else if (strcmp(a, "--port-file") == 0) o->port_file = v;
        else if (strcmp(a, "--max-body") == 0) {
            if (parse_size(v, 1, MAX_MAX_BODY, &n) < 0)
                return usage_error("--max-body must be a number of bytes from 1 to 67108864, not %s", v);
            o->max_body = (size_t)n;
        }
    }
    if (o->listen && o->socket_path) return usage_error("%s", "give --listen or --socket, not both");
    if (!o->socket_path && !o->listen) o->listen = DEFAULT_LISTEN;
    if (o->allow_remote && !o->key_file) return usage_error("%s", "--allow-remote needs an explicit --key-file");
    return 0;
}

/* ==== the ClickUp client from the environment ============================================== */
/* CLICKUP_LIMITER=file: is clickup.h's own (clickup_config_from_env reads it); redis:// ones need
   the Redis companion (built in with CLICKUP_WITH_REDIS, as the Makefile does). Refuse to start
   when a backend this build does not have is named, saying the variable and the kind of backend
   but never its value. */
static int check_backends(void) {
    static const char *const vars[] = { "CLICKUP_LIMITER", "CLICKUP_CACHE" };
    size_t i;
    for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        const char *kind;
        if (!v || !*v || (i == 0 && strncmp(v, "file:", 5) == 0)) continue;
#ifdef CLICKUP_WITH_REDIS
        if (strncmp(v, "redis://", 8) == 0) continue;         /* clickup_redis_env_open takes it */
#endif
        kind = strncmp(v, "file:", 5) == 0 ? "file:" : strncmp(v, "redis://", 8) == 0 ? "redis://"
             : strncmp(v, "rediss://", 9) == 0 ? "rediss://" : "this";
        fprintf(stderr, PROG ": %s is set (a %s backend), but shared limiter and cache backends are not "
                "available in this build: unset it to run with this process's own limiter and cache\n", vars[i], kind);
        return EXIT_BACKEND;
    }
    return 0;
}

static void log_library(void *user, clickup_log_level level, const char *line) {
    const char *name = level == CLICKUP_LOG_ERROR ? "error" : level == CLICKUP_LOG_WARNING ? "warning"
                     : level == CLICKUP_LOG_INFO ? "info" : "debug";
    (void)user;
    fprintf(stderr, PROG ": clickup: %s: %s\n", name, line);      /* clickup.h never logs the token */
}

/* An optional whole number from the environment: 1 read, 0 unset, -1 invalid (said why). */
static int env_number(const char *name, unsigned long long min, unsigned long long max, unsigned long long *out) {
    const char *text = getenv(name);
    if (!text || !*text) return 0;
    if (parse_size(text, min, max, out) == 0) return 1;
    fprintf(stderr, PROG ": configuration: %s must be a whole number from %llu to %llu\n", name, min, max);
    return -1;
}

/* The client, configured as build/clickup configures its own. 0 or an exit code. */
static int open_client(clickup_client **out) {
    clickup_config cfg;
    char why[256];
    unsigned long long n;
    int got;
    *out = NULL;
    if (clickup_config_from_env(&cfg, why, sizeof why) < 0) {
        fprintf(stderr, PROG ": configuration: %s\n", why);
        return EXIT_USAGE;
    }
    if (cfg.log_level > CLICKUP_LOG_OFF) cfg.log = log_library;
    if ((got = env_number("CLICKUP_MAX_RETRIES", 0, 10, &n)) < 0) return EXIT_USAGE;
    if (got) cfg.max_retries = n == 0 ? -1 : (int)n;      /* in clickup_config, 0 means "default" */
    if ((got = env_number("CLICKUP_BACKOFF_MS", 1, 60000, &n)) < 0) return EXIT_USAGE;
    if (got) cfg.backoff_base_ms = (long)n;
#ifdef CLICKUP_WITH_REDIS
    if (clickup_redis_env_open(&cfg, &g_redis, why, sizeof why) < 0) {   /* redis:// limiter, cache */
        fprintf(stderr, PROG ": configuration: %s\n", why);
        return EXIT_USAGE;
    }
#endif
    if (clickup_config_check(&cfg, why, sizeof why) < 0) {
        fprintf(stderr, PROG ": configuration: %s\n", why);
        return EXIT_USAGE;
    }
    if (clickup_client_create(&cfg, out) < 0) {
        fprintf(stderr, PROG ": cannot create the ClickUp client: out of memory\n");
        return EXIT_START;
    }
    return 0;
}

/* ==== the proxy key ========================================================================= */
static char g_key[KEY_MAX + 1];
static size_t g_key_len;

static void wipe(void *p, size_t n) {
    volatile unsigned char *v = (volatile unsigned char *)p;
    while (n--) *v++ = 0;
}

/* Read exactly n bytes of /dev/urandom. */
static int random_bytes(unsigned char *buf, size_t n) {
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    size_t got = 0;
    if (fd < 0) return -1;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) { close(fd); return -1; }
        got += (size_t)r;
    }
    close(fd);
    return 0;
}

/* Write a new random key to path (which must not exist), mode 0600, and keep it in g_key. */
static int generate_key(const char *path) {
    static const char hex[] = "0123456789abcdef";
    unsigned char raw[32];
    char text[sizeof raw * 2 + 1];
    size_t i, done = 0;
    int fd;
    if (random_bytes(raw, sizeof raw) < 0) {
        fprintf(stderr, PROG ": cannot read /dev/urandom to make a key\n");
        return -1;
    }
    for (i = 0; i < sizeof raw; i++) { text[2 * i] = hex[raw[i] >> 4]; text[2 * i + 1] = hex[raw[i] & 15]; }
    text[sizeof raw * 2] = '\n';
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 || fchmod(fd, 0600) < 0) {
        fprintf(stderr, PROG ": cannot create the key file %s: %s\n", path, strerror(errno));
        if (fd >= 0) close(fd);
        wipe(raw, sizeof raw); wipe(text, sizeof text);
        return -1;
    }
    while (done < sizeof text) {
        ssize_t w = write(fd, text + done, sizeof text - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) break;
        done += (size_t)w;
    }
    if (done < sizeof text || fsync(fd) < 0 || close(fd) < 0) {
        fprintf(stderr, PROG ": cannot write the key file %s\n", path);
        unlink(path);
        wipe(raw, sizeof raw); wipe(text, sizeof text);
        return -1;
    }
    memcpy(g_key, text, sizeof raw * 2);
    g_key_len = sizeof raw * 2;
    wipe(raw, sizeof raw); wipe(text, sizeof text);
    fprintf(stderr, PROG ": generated a new proxy key in %s (mode 0600)\n", path);
    return 0;
}

/* Read the key: the first line of a private regular file, at least KEY_MIN printable chars. */
static int read_key(const char *path, int fd) {
    struct stat st;
    char buf[KEY_MAX + 2];
    size_t len = 0, i;
    ssize_t r;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        fprintf(stderr, PROG ": the key file %s is not a regular file\n", path);
        return -1;
    }
    if (st.st_mode & 077) {
        fprintf(stderr, PROG ": the key file %s is accessible by group or others: chmod 600 it\n", path);
        return -1;
    }
    while (len < sizeof buf && (r = read(fd, buf + len, sizeof buf - len)) != 0) {
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) { fprintf(stderr, PROG ": cannot read the key file %s\n", path); return -1; }
        len += (size_t)r;
    }
    for (g_key_len = 0; g_key_len < len && buf[g_key_len] != '\n' && buf[g_key_len] != '\r'; g_key_len++) {}
    while (g_key_len && (buf[g_key_len - 1] == ' ' || buf[g_key_len - 1] == '\t')) g_key_len--;
    if (g_key_len < KEY_MIN || g_key_len > KEY_MAX) {
        fprintf(stderr, PROG ": the key in %s must be %d to %d characters on its first line\n", path, KEY_MIN, KEY_MAX);
        wipe(buf, sizeof buf);
        return -1;
    }
    for (i = 0; i < g_key_len; i++)
        if ((unsigned char)buf[i] <= 0x20 || (unsigned char)buf[i] >= 0x7f) {
            fprintf(stderr, PROG ": the key in %s has spaces, control characters or non-ASCII bytes\n", path);
            wipe(buf, sizeof buf);
            return -1;
        }
    memcpy(g_key, buf, g_key_len);
    wipe(buf, sizeof buf);
    return 0;
}

/* The key from path, generated when the file does not exist. 0, or -1 (said why). */
static int load_key(const char *path) {
    int fd = open(path, O_RDONLY | O_CLOEXEC), rc;
    if (fd < 0 && errno == ENOENT) return generate_key(path);
    if (fd < 0) {
        fprintf(stderr, PROG ": cannot open the key file %s: %s\n", path, strerror(errno));
        return -1;
    }
    rc = read_key(path, fd);
    close(fd);
    return rc;
}

/* Does the Authorization header carry the key ("Bearer KEY" or "KEY")? Constant time in the
   key: every byte of it is compared, whatever the caller sent. */
static int key_matches(const char *header) {
    const char *given;
    size_t n, i;
    unsigned char diff;
    if (!header) return 0;
    while (*header == ' ' || *header == '\t') header++;
    given = strncasecmp(header, "Bearer ", 7) == 0 ? header + 7 : header;
    while (*given == ' ' || *given == '\t') given++;
    n = strlen(given);
    while (n && (given[n - 1] == ' ' || given[n - 1] == '\t')) n--;
    diff = (unsigned char)(n != g_key_len);
    for (i = 0; i < g_key_len; i++)
        diff |= (unsigned char)(g_key[i] ^ (i < n ? given[i] : 0));
    return diff == 0;
}

/* ==== listening ============================================================================= */
/* Is the address this machine? 127.0.0.0/8, ::1, ::ffff:127.x.x.x. */
static int is_loopback(const struct sockaddr_storage *ss) {
    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)ss;
        return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
    }
    if (ss->ss_family == AF_INET6) {
        static const unsigned char v4mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
        const unsigned char *a = ((const struct sockaddr_in6 *)ss)->sin6_addr.s6_addr;
        static const unsigned char one[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
        return memcmp(a, one, 16) == 0 || (memcmp(a, v4mapped, 12) == 0 && a[12] == 127);
    }
    return 0;
}

/* "HOST:PORT" with an IPv4 literal, "[IPv6]" or "localhost" into *ss. 0 or -1. */
static int parse_listen(const char *spec, struct sockaddr_storage *ss, socklen_t *len) {
    char host[64];
    const char *colon = strrchr(spec, ':');
    unsigned long long port;
    size_t hn;
    if (!colon || parse_size(colon + 1, 0, 65535, &port) < 0) return -1;
    hn = (size_t)(colon - spec);
    if (hn >= sizeof host) return -1;
    memcpy(host, spec, hn);
    host[hn] = '\0';
    memset(ss, 0, sizeof *ss);
    if (strcmp(host, "localhost") == 0) strcpy(host, "127.0.0.1");
    if (hn > 2 && host[0] == '[' && host[hn - 1] == ']') {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
        host[hn - 1] = '\0';
        if (inet_pton(AF_INET6, host + 1, &in6->sin6_addr) != 1) return -1;
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons((uint16_t)port);
        *len = sizeof *in6;
    } else {
        struct sockaddr_in *in = (struct sockaddr_in *)ss;
        if (inet_pton(AF_INET, host, &in->sin_addr) != 1) return -1;
        in->sin_family = AF_INET;
        in->sin_port = htons((uint16_t)port);
        *len = sizeof *in;
    }
    return 0;
}

/* Bind and listen on a TCP address. The socket, or -1 (said why); *exit_code says which kind. */
static int listen_tcp(const options *o, int *port, int *exit_code) {
    struct sockaddr_storage ss;
    socklen_t len = 0;
    int fd, one = 1;
    *exit_code = EXIT_USAGE;
    if (parse_listen(o->listen, &ss, &len) < 0) {
        usage_error("--listen wants HOST:PORT with a numeric HOST (127.0.0.1, [::1]) or localhost, not %s", o->listen);
        return -1;
    }
    if (!is_loopback(&ss) && !o->allow_remote) {
        fprintf(stderr, PROG ": refusing to listen on %s: not a loopback address (use --allow-remote with "
                "--key-file to expose the proxy; its traffic is plain HTTP)\n", o->listen);
        return -1;
    }
    *exit_code = EXIT_START;
    fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) { fprintf(stderr, PROG ": socket: %s\n", strerror(errno)); return -1; }
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&ss, len) < 0 || listen(fd, 64) < 0 ||
        getsockname(fd, (struct sockaddr *)&ss, &len) < 0) {
        fprintf(stderr, PROG ": cannot listen on %s: %s\n", o->listen, strerror(errno));
        close(fd);
        return -1;
    }
    *port = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                           : ((struct sockaddr_in *)&ss)->sin_port);
    if (!is_loopback(&ss))
        fprintf(stderr, PROG ": warning: listening on a non-loopback address: the proxy key travels in clear text\n");
    return fd;
}

/* Bind and listen on a Unix socket with mode 0600. A stale socket at path is replaced; a live
   one (another proxy answers) or any other file is refused. The socket, or -1 (said why). */
static int listen_unix(const char *path) {
    struct sockaddr_un sun;
    struct stat st;
    mode_t old_mask;
    int fd, rc;
    memset(&sun, 0, sizeof sun);
    sun.sun_family = AF_UNIX;
    if (strlen(path) >= sizeof sun.sun_path) {
        fprintf(stderr, PROG ": the socket path %s is too long\n", path);
        return -1;
    }
    strcpy(sun.sun_path, path);
    if (lstat(path, &st) == 0) {
        int probe;
        if (!S_ISSOCK(st.st_mode)) {
            fprintf(stderr, PROG ": %s exists and is not a socket\n", path);
            return -1;
        }
        probe = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (probe >= 0 && connect(probe, (struct sockaddr *)&sun, sizeof sun) == 0) {
            close(probe);
            fprintf(stderr, PROG ": %s is in use by a running server\n", path);
            return -1;
        }
        if (probe >= 0) close(probe);
        unlink(path);                                   /* stale: nobody listens on it */
    }
    if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0) {
        fprintf(stderr, PROG ": socket: %s\n", strerror(errno));
        return -1;
    }
    old_mask = umask(077);                 /* the socket is born 0600: no window for others */
    rc = bind(fd, (struct sockaddr *)&sun, sizeof sun);
    umask(old_mask);
    if (rc < 0 || chmod(path, 0600) < 0 || listen(fd, 64) < 0) {
        fprintf(stderr, PROG ": cannot listen on %s: %s\n", path, strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

static int write_port_file(const char *path, int port) {
    char tmp[4096];
    FILE *f;
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) return -1;
    if (!(f = fopen(tmp, "w"))) return -1;
    fprintf(f, "%d\n", port);
    if (fclose(f) != 0) return -1;
    return rename(tmp, path);
}

/* ==== per-request state ===================================================================== */
/* g_client belongs to the engine thread (see "the engine thread" below): nothing else calls it. */
static clickup_client *g_client;
static size_t g_max_body = DEFAULT_MAX_BODY;

/* The engine's hand-over queue and the stop flags, under g_q_mu (g_q_cv: there is news). */
static pthread_mutex_t g_q_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_q_cv = PTHREAD_COND_INITIALIZER;
static int g_stopping;          /* SIGTERM: nothing new is handed to the engine (503)         */
static int g_engine_exit;       /* the engine ends once nothing is queued or in flight       */
static int g_engine_abort;      /* the engine answers what it holds at once, and ends        */
static unsigned g_in_flight, g_in_flight_peak;   /* handed to the engine, not yet answered    */

/* Requests begun and not yet completed (their answer sent, or their connection gone). */
static pthread_mutex_t g_active_mu = PTHREAD_MUTEX_INITIALIZER;
static unsigned g_active;

/* The proxy's own counters, for /metrics (under g_stats_mu). */
static pthread_mutex_t g_stats_mu = PTHREAD_MUTEX_INITIALIZER;
static uint64_t g_forwarded, g_refused, g_unauthorized;

/* Everything a forwarded call produced, filled in by the engine thread. */
typedef struct call_result {
    clickup_result     rc;
    clickup_response  *resp;          /* NULL when nothing was sent                          */
    clickup_error      err;           /* the client's last error, when resp is NULL          */
    clickup_rate_state rate;
    int64_t            wall_ms;
    int                stopping;      /* not handed over: the proxy is stopping              */
    int                aborted;       /* dropped unanswered: the proxy stopped at once       */
} call_result;

/* Where a request is. HEAD and BODY belong to MHD's thread; from WAITING (its connection
   suspended, the request in the engine's hands) the engine thread alone touches the job part,
   until it sets ANSWERED (under g_q_mu) and resumes the connection; then MHD's thread again. */
enum { R_HEAD = 0, R_BODY, R_WAITING, R_ANSWERED };
enum { JOB_CALL = 1, JOB_METRICS, JOB_HEALTHZ };   /* JOB_HEALTHZ never reaches the engine */

typedef struct request {
    char    *uri;               /* the request target exactly as received, query included     */
    char     method[8];         /* a forwarded request's method                               */
    int      state;             /* R_*                                                        */
    int      too_large;         /* the body went past --max-body: the rest is discarded       */
    char    *body;
    size_t   body_len, body_cap;
    struct timespec t0;
    /* the job handed to the engine */
    int                     kind;       /* JOB_CALL or JOB_METRICS                            */
    struct MHD_Connection  *conn;
    clickup_request         rq;         /* points into uri, pairs and body                    */
    clickup_param          *pairs;
    clickup_pending        *pending;    /* the engine's, while the call is in flight          */
    call_result             cr;         /* JOB_CALL: the answer                               */
    clickup_metrics        *metrics;    /* JOB_METRICS: the client's metrics ...              */
    clickup_rate_state      rate;       /* ... and its limiter                                */
    unsigned                in_flight, in_flight_peak;
    struct request         *next;       /* in the queue, or in the engine's list              */
} request;

static int64_t wall_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + (int64_t)ts.tv_nsec / 1000000;
}

/* MHD_OPTION_URI_LOG_CALLBACK: the raw target before MHD decodes it ("%2F" stays "%2F"); the
   state it returns is the request's *con_cls. */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn) {
    request *r = (request *)calloc(1, sizeof *r);
    (void)cls; (void)conn;
    if (!r) return NULL;
    r->uri = strdup(uri ? uri : "");
    clock_gettime(CLOCK_MONOTONIC, &r->t0);
    pthread_mutex_lock(&g_active_mu);
    g_active++;
    pthread_mutex_unlock(&g_active_mu);
    return r;
}

/* MHD_OPTION_NOTIFY_COMPLETED: the request is over, whatever happened. */
static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe) {
    request *r = (request *)*con_cls;
    (void)cls; (void)conn; (void)toe;
    if (!r) return;
    pthread_mutex_lock(&g_active_mu);
    g_active--;
    pthread_mutex_unlock(&g_active_mu);
    free(r->uri);
    if (r->body) wipe(r->body, r->body_len);
    free(r->body);
    free(r->pairs);
    free(r->metrics);
    clickup_response_free(r->cr.resp);            /* NULL once answered */
    free(r);
    *con_cls = NULL;
}

/* ==== answers =============================================================================== */
/* What a response carried, for the log line. */
typedef struct outcome {
    const char *cache;          /* "hit", "miss", or "-" when nothing was forwarded           */
    uint64_t    waited_ms;
} outcome;

/* The path part of the target (no query), printable, cut at 200 bytes: for the log only. */
static void log_path(const char *uri, char *out, size_t n) {
    size_t i;
    for (i = 0; uri[i] && uri[i] != '?' && i + 1 < n && i < 200; i++)
        out[i] = (uri[i] > 0x20 && uri[i] < 0x7f) ? uri[i] : '?';
    out[i] = '\0';
}

static void log_request(const char *method, const request *r, unsigned status, const outcome *oc) {
    char path[256];
    struct timespec now;
    long ms;
    clock_gettime(CLOCK_MONOTONIC, &now);
    ms = (long)(now.tv_sec - r->t0.tv_sec) * 1000 + (long)(now.tv_nsec - r->t0.tv_nsec) / 1000000;
    log_path(r->uri ? r->uri : "", path, sizeof path);
    fprintf(stderr, PROG ": %.16s %s %u cache=%s waited_ms=%llu ms=%ld\n", method, path, status, oc->cache,
            (unsigned long long)oc->waited_ms, ms);
}

/* Queue resp (body and headers ready) with `status`, and log the request's line. */
static enum MHD_Result send_response(struct MHD_Connection *conn, const char *method, const request *r,
                                     unsigned status, struct MHD_Response *resp, const outcome *oc) {
    enum MHD_Result ret;
    if (!resp) return MHD_NO;                          /* out of memory: MHD drops the connection */
    ret = MHD_queue_response(conn, status, resp);
    MHD_destroy_response(resp);
    log_request(method, r, status, oc);
    return ret;
}

static struct MHD_Response *new_response(const char *body, size_t len, const char *content_type) {
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, (void *)(body ? body : ""), MHD_RESPMEM_MUST_COPY);
    if (resp && content_type) MHD_add_response_header(resp, "Content-Type", content_type);
    if (resp) MHD_add_response_header(resp, "Cache-Control", "no-store");
    return resp;
}

/* {"err": message, "ECODE": ecode} (plus "status" when ClickUp answered something). A message
   the JSON writer refuses (not UTF-8) is replaced by the result code's text. */
#define NOT_UTF8 "(the error message is not UTF-8)"
static struct MHD_Response *error_response(const char *message, const char *ecode, int upstream_status) {
    clickup_json_writer w;
    int written;
    const char *text = NULL;
    size_t len = 0;
    struct MHD_Response *resp = NULL;
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    clickup_jw_key(&w, "err");
    clickup_jw_string(&w, message);
    clickup_jw_key(&w, "ECODE");
    clickup_jw_string(&w, ecode);
    if (upstream_status > 0) { clickup_jw_key(&w, "status"); clickup_jw_int64(&w, upstream_status); }
    clickup_jw_object_end(&w);
    written = clickup_json_writer_finish(&w, &text, &len) == CLICKUP_OK;
    if (written) resp = new_response(text, len, "application/json");
    clickup_json_writer_free(&w);
    if (!written && strcmp(message, NOT_UTF8) != 0) return error_response(NOT_UTF8, ecode, upstream_status);
    return resp;
}

/* One of the proxy's own refusals: nothing was forwarded. */
static enum MHD_Result refuse(struct MHD_Connection *conn, const char *method, const request *r, unsigned status,
                              const char *ecode, const char *message) {
    static const outcome none = { "-", 0 };
    struct MHD_Response *resp = error_response(message, ecode, 0);
    if (resp && status == HTTP_UNAUTHORIZED) MHD_add_response_header(resp, "WWW-Authenticate", "Bearer realm=\"clickup_proxy\"");
    if (resp && status == HTTP_METHOD_NOT_ALLOWED) MHD_add_response_header(resp, "Allow", "GET, POST, PUT, PATCH, DELETE");
    pthread_mutex_lock(&g_stats_mu);
    if (status == HTTP_UNAUTHORIZED) g_unauthorized++;
    else g_refused++;
    pthread_mutex_unlock(&g_stats_mu);
    return send_response(conn, method, r, status, resp, &none);
}

static void add_header_u64(struct MHD_Response *resp, const char *name, uint64_t v) {
    char text[24];
    snprintf(text, sizeof text, "%llu", (unsigned long long)v);
    MHD_add_response_header(resp, name, text);
}

/* X-RateLimit-* as this proxy's limiter sees them right after the call (clickup_rate_get), so
   that a caller pacing itself on them paces against the budget every caller of the proxy shares:
     X-RateLimit-Limit      rate_state.limit: requests per window in force (ClickUp's
                            X-RateLimit-Limit as learned, never above CLICKUP_RATE_LIMIT).
     X-RateLimit-Remaining  rate_state.available: requests the proxy would send right now without
                            waiting (its sliding window and ClickUp's last Remaining together).
     X-RateLimit-Reset      Unix time in whole seconds (ClickUp's unit), rounded up, by which the
                            budget is back: now + the longest of next_free_in_ms (the next slot),
                            reset_in_ms (the limiter's deadline for ClickUp's reset, its safety
                            margin included) and, when some slots are spent and ClickUp's reset is
                            unknown, one window (every spent slot returns within a window).
                            With Remaining 0, waiting until Reset is always enough.
   From a cache hit too: the headers then describe the budget, which the hit did not spend. */
static void add_rate_headers(struct MHD_Response *resp, const clickup_rate_state *rs, int64_t now_wall_ms) {
    uint64_t until = rs->next_free_in_ms;
    if (rs->reset_in_ms > until) until = rs->reset_in_ms;
    if (rs->reset_in_ms == 0 && rs->available < rs->limit && (uint64_t)rs->window_ms > until) until = (uint64_t)rs->window_ms;
    add_header_u64(resp, "X-RateLimit-Limit", rs->limit > 0 ? (uint64_t)rs->limit : 0);
    add_header_u64(resp, "X-RateLimit-Remaining", rs->available > 0 ? (uint64_t)rs->available : 0);
    add_header_u64(resp, "X-RateLimit-Reset", ((uint64_t)now_wall_ms + until + 999) / 1000);
}

/* A header value ClickUp sent, if it is plain printable text (never CR/LF into our headers). */
static int plain_header_value(const char *v) {
    size_t i;
    if (!v || !*v) return 0;
    for (i = 0; v[i]; i++)
        if ((unsigned char)v[i] < 0x20 || (unsigned char)v[i] >= 0x7f || i >= 64) return 0;
    return 1;
}

/* The proxy's status and ECODE for a call that ended without a usable answer from ClickUp. */
static unsigned failure_status(clickup_result rc, const char **ecode) {
    switch (rc) {
    case CLICKUP_ERR_OUTCOME_UNKNOWN: *ecode = "PROXY_OUTCOME_UNKNOWN"; return HTTP_BAD_GATEWAY;
    case CLICKUP_ERR_NETWORK:         *ecode = "PROXY_NETWORK";         return HTTP_BAD_GATEWAY;
    case CLICKUP_ERR_TIMEOUT:         *ecode = "PROXY_TIMEOUT";         return HTTP_GATEWAY_TIMEOUT;
    case CLICKUP_ERR_TOO_LARGE:       *ecode = "PROXY_TOO_LARGE";       return HTTP_BAD_GATEWAY;
    case CLICKUP_ERR_RATE_LIMITED:    *ecode = "PROXY_RATE_LIMITED";    return HTTP_TOO_MANY;
    case CLICKUP_ERR_INVALID_ARG:     *ecode = "PROXY_BAD_REQUEST";     return HTTP_BAD_REQUEST;
    case CLICKUP_ERR_NOMEM:
    case CLICKUP_ERR_CONFIG:          *ecode = "PROXY_INTERNAL";        return HTTP_INTERNAL;
    default:                          *ecode = "PROXY_UPSTREAM";        return HTTP_BAD_GATEWAY;
    }
}

/* Did ClickUp's answer reach us whole, so that we pass it on as it is? Everything with a status
   does, except a write whose outcome is unknown (never presented as an answer: the caller must
   not take a 5xx for "not done") and a body cut at the size cap. */
static int pass_through(clickup_result rc, const clickup_response *resp) {
    return resp && resp->status > 0 && rc != CLICKUP_ERR_OUTCOME_UNKNOWN && rc != CLICKUP_ERR_TOO_LARGE;
}

/* The answer to a forwarded request. */
static enum MHD_Result answer_call(struct MHD_Connection *conn, const char *method, const request *r, const call_result *cr) {
    const clickup_response *resp = cr->resp;
    const clickup_error *err = resp ? &resp->error : &cr->err;
    struct MHD_Response *out;
    outcome oc;
    unsigned status;
    oc.cache = resp ? (resp->from_cache ? "hit" : "miss") : "-";
    oc.waited_ms = err->waited_ms;
    if (pass_through(cr->rc, resp)) {
        status = (unsigned)resp->status;
        out = new_response(resp->body, resp->body_len, resp->json ? "application/json"
                                                       : resp->body_len ? "application/octet-stream" : NULL);
        if (out && (status == 429 || status >= 500) && plain_header_value(resp->retry_after))
            MHD_add_response_header(out, "Retry-After", resp->retry_after);
    } else {
        const char *ecode = "PROXY_UPSTREAM";
        status = failure_status(cr->rc, &ecode);
        out = error_response(err->message[0] ? err->message : clickup_strerror(cr->rc), ecode, resp ? resp->status : 0);
        if (out && cr->rc == CLICKUP_ERR_RATE_LIMITED && err->retry_in_ms)
            add_header_u64(out, "Retry-After", (err->retry_in_ms + 999) / 1000);
    }
    if (out && resp) {
        add_rate_headers(out, &cr->rate, cr->wall_ms);
        MHD_add_response_header(out, "X-Clickup-Cache", oc.cache);
        if (err->waited_ms > 0) add_header_u64(out, "X-Clickup-Waited-Ms", err->waited_ms);
    }
    pthread_mutex_lock(&g_stats_mu);
    g_forwarded++;
    pthread_mutex_unlock(&g_stats_mu);
    return send_response(conn, method, r, status, out, &oc);
}

/* ==== checking and translating a request ==================================================== */
static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* One path segment [s, s+n): non-empty, [A-Za-z0-9._~%:-] only, every %XX valid and decoding
   to neither '/', '\' nor a control character, and not "." or ".." (decoded). NULL, or why not. */
static const char *segment_problem(const char *s, size_t n) {
    char decoded[4];
    size_t i, dn = 0;
    if (n == 0) return "the path has an empty segment";
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c == '%') {
            int hi = i + 2 < n ? hex_value(s[i + 1]) : -1, lo = hi < 0 ? -1 : hex_value(s[i + 2]);
            if (lo < 0) return "the path has a bad %XX escape";
            c = (char)(hi * 16 + lo);
            if (c == '/' || c == '\\' || (unsigned char)c < 0x20 || c == 0x7f)
                return "the path has an escaped '/', '\\' or control character";
            i += 2;
        } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                     c == '_' || c == '~' || c == '-' || c == ':')) {
            return "the path has a character outside [A-Za-z0-9._~%:-]";
        }
        if (dn < sizeof decoded) decoded[dn] = c;
        dn++;
    }
    if ((dn == 1 && decoded[0] == '.') || (dn == 2 && decoded[0] == '.' && decoded[1] == '.'))
        return "the path has a '.' or '..' segment";
    return NULL;
}

/* The path after /api/v2 ("/team/9001/space"): every segment checked. NULL, or why not. */
static const char *path_problem(const char *path, size_t len) {
    size_t i = 0;
    if (len == 0 || path[0] != '/') return "the path must start with /api/v2/";
    if (len > 2048) return "the path is longer than 2048 bytes";
    while (i < len) {
        size_t start = ++i;                         /* past the '/' */
        const char *why;
        while (i < len && path[i] != '/') i++;
        if ((why = segment_problem(path + start, i - start)) != NULL) return why;
    }
    return NULL;
}

/* Decode %XX and '+' in place (as a form would). -1 for a bad escape or an escaped NUL. */
static int form_decode(char *s) {
    char *out = s;
    for (; *s; s++) {
        if (*s == '+') *out++ = ' ';
        else if (*s == '%') {
            int hi = hex_value(s[1]), lo = hi < 0 ? -1 : hex_value(s[2]);
            if (lo < 0 || (hi == 0 && lo == 0)) return -1;
            *out++ = (char)(hi * 16 + lo);
            s += 2;
        } else *out++ = *s;
    }
    *out = '\0';
    return 0;
}

/* A query name clickup.h can put in a URL as it is: [A-Za-z0-9._~[]-] ("statuses[]"). */
static int query_name_ok(const char *s) {
    if (!*s) return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '.' ||
              *s == '_' || *s == '~' || *s == '-' || *s == '[' || *s == ']'))
            return 0;
    return 1;
}

/* The query string (modified in place) as name/value pairs in order, repeats kept; empty
   pieces ("a=1&&b=2") are skipped, "flag" alone is flag="". *count pairs, or NULL + why. */
static const char *parse_query(char *q, clickup_param *pairs, size_t max, size_t *count) {
    *count = 0;
    while (q && *q) {
        char *amp = strchr(q, '&'), *eq;
        if (amp) *amp = '\0';
        if (*q) {
            if (*count == max) return "the query has too many pairs";
            eq = strchr(q, '=');
            if (eq) *eq = '\0';
            if (form_decode(q) < 0 || (eq && form_decode(eq + 1) < 0)) return "the query has a bad %XX escape or a NUL";
            if (!query_name_ok(q)) return "a query name has a character outside [A-Za-z0-9._~[]-]";
            pairs[*count].name = q;
            pairs[*count].value = eq ? eq + 1 : "";
            (*count)++;
        }
        q = amp ? amp + 1 : NULL;
    }
    return NULL;
}

static int method_allowed(const char *m) {
    return strcmp(m, "GET") == 0 || strcmp(m, "POST") == 0 || strcmp(m, "PUT") == 0 || strcmp(m, "PATCH") == 0 ||
           strcmp(m, "DELETE") == 0;
}

/* Does "Cache-Control" ask us not to use the cache? */
static int wants_no_cache(struct MHD_Connection *conn) {
    const char *cc = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Cache-Control");
    return cc && (strstr(cc, "no-cache") || strstr(cc, "no-store"));
}

/* ==== the engine thread ===================================================================== */
/* One thread owns g_client (clickup.h: a client is used by one thread at a time) and keeps
   every forwarded request in flight at once on it: MHD's thread suspends a request's
   connection and queues the request (submit); the engine starts it (clickup_call_start: a
   cache hit is done at once), drives all of them with clickup_pump (the limiter admits each
   in turn, libcurl carries many together), and as each is done (clickup_call_done) finishes it
   (clickup_call_finish), keeps the answer in the request, marks it ANSWERED and resumes its
   connection; MHD's thread then sends the answer. A request waiting for the limiter or for a
   slow ClickUp therefore holds up nobody else, and cache hits are answered at once.
   While requests are in flight the engine waits in clickup_pump (up to PUMP_WAIT_MS); a new
   request ends that wait at once with clickup_pump_wakeup, the one call on a client another
   thread may make. With nothing in flight it sleeps on g_q_cv until a request comes. */
#define PUMP_WAIT_MS 1000

static request *g_q_head;       /* handed over, not yet taken by the engine (under g_q_mu)    */

static int is_stopping(void) {
    int s;
    pthread_mutex_lock(&g_q_mu);
    s = g_stopping;
    pthread_mutex_unlock(&g_q_mu);
    return s;
}

/* Hand r to the engine. Called from MHD's access handler, which has suspended r's connection:
   the engine resumes it once r is ANSWERED (or submit does, when the proxy began to stop since
   the caller looked). */
static void submit(request *r) {
    int refused;
    pthread_mutex_lock(&g_q_mu);
    refused = g_stopping;
    r->next = NULL;
    if (refused) {
        r->cr.stopping = 1;                           /* answered 503, nothing sent */
        r->state = R_ANSWERED;
    } else {
        r->state = R_WAITING;
        if (++g_in_flight > g_in_flight_peak) g_in_flight_peak = g_in_flight;
        /* the queue: a singly linked list with its tail found by walking; it holds at most a
           few requests (the engine empties it every slice) */
        {
            request **at = &g_q_head;
            while (*at) at = &(*at)->next;
            *at = r;
        }
        pthread_cond_signal(&g_q_cv);
    }
    pthread_mutex_unlock(&g_q_mu);
    if (refused) MHD_resume_connection(r->conn);
    else (void)clickup_pump_wakeup(g_client);         /* the engine may be waiting in a pump */
}

/* The engine is done with r: it belongs to MHD's thread again. */
static void engine_answer(request *r) {
    struct MHD_Connection *conn = r->conn;
    pthread_mutex_lock(&g_q_mu);
    r->state = R_ANSWERED;
    g_in_flight--;
    pthread_mutex_unlock(&g_q_mu);
    MHD_resume_connection(conn);                      /* r may be freed from here on */
}

/* A call is done: take its answer and the limiter's state right after it. */
static void engine_finish(request *r) {
    r->cr.rc = clickup_call_finish(r->pending, &r->cr.resp);
    r->pending = NULL;
    if (!r->cr.resp) r->cr.err = *clickup_last_error(g_client);
    clickup_rate_get(g_client, &r->cr.rate);
    r->cr.wall_ms = wall_ms();
    engine_answer(r);
}

/* A request just taken from the queue: start it (it joins *list), or answer it at once. */
static void engine_start(request *r, int stopping, request ***list_tail, unsigned in_flight) {
    clickup_result rc;
    if (r->kind == JOB_METRICS) {
        clickup_metrics_get(g_client, r->metrics);
        clickup_rate_get(g_client, &r->rate);
        r->in_flight = in_flight;
        engine_answer(r);
        return;
    }
    if (stopping) {                                   /* queued, but not started: not sent */
        r->cr.stopping = 1;
        engine_answer(r);
        return;
    }
    if ((rc = clickup_call_start(g_client, &r->rq, &r->pending)) != CLICKUP_OK) {   /* refused: nothing sent */
        r->cr.rc = rc;
        r->cr.err = *clickup_last_error(g_client);
        clickup_rate_get(g_client, &r->cr.rate);
        r->cr.wall_ms = wall_ms();
        engine_answer(r);
        return;
    }
    r->next = NULL;
    **list_tail = r;
    *list_tail = &r->next;
}

/* Finish every call of the list that is done; returns the new tail pointer. */
static request **engine_collect(request **list) {
    request **at = list;
    while (*at) {
        request *r = *at;
        if (clickup_call_done(r->pending)) {
            *at = r->next;
            engine_finish(r);
        } else {
            at = &r->next;
        }
    }
    return at;
}

static void *engine_main(void *arg) {
    request *list = NULL, **tail = &list;             /* started, not yet done (engine-only) */
    (void)arg;
    for (;;) {
        request *batch, *next;
        int stopping, exiting, aborting;
        unsigned in_flight;
        pthread_mutex_lock(&g_q_mu);
        while (!g_q_head && !list && !g_engine_exit && !g_engine_abort) pthread_cond_wait(&g_q_cv, &g_q_mu);
        batch = g_q_head;
        g_q_head = NULL;
        stopping = g_stopping; exiting = g_engine_exit; aborting = g_engine_abort;
        in_flight = g_in_flight;
        pthread_mutex_unlock(&g_q_mu);
        if (aborting) {
            /* Answer everything now. The calls in flight are left to clickup_client_destroy,
               which drops them: a write among them may have been sent (502 OUTCOME_UNKNOWN). */
            for (; batch; batch = next) { next = batch->next; batch->cr.stopping = 1; engine_answer(batch); }
            for (; list; list = next) { next = list->next; list->pending = NULL; list->cr.aborted = 1; engine_answer(list); }
            return NULL;
        }
        for (; batch; batch = next) {
            next = batch->next;
            engine_start(batch, stopping, &tail, in_flight);
        }
        tail = engine_collect(&list);                 /* cache hits and refusals are done already */
        if (list) {
            int more;
            pthread_mutex_lock(&g_q_mu);
            more = g_q_head != NULL;
            pthread_mutex_unlock(&g_q_mu);
            clickup_pump(g_client, more ? 0 : PUMP_WAIT_MS, NULL);
            tail = engine_collect(&list);
        } else if (exiting) {
            return NULL;                              /* nothing queued: stopping was set first */
        }
    }
}

static pthread_t g_engine;

/* The stop signals are blocked by then: the engine inherits the mask (sigwait gets them). */
static int engine_start_thread(void) {
    return pthread_create(&g_engine, NULL, engine_main, NULL);
}

/* Let the engine end: at once (abort: what it holds is answered 503/502), or once what it
   holds is answered. Joins it. */
static void engine_stop(int abort_now) {
    pthread_mutex_lock(&g_q_mu);
    g_stopping = 1;
    g_engine_exit = 1;
    if (abort_now) g_engine_abort = 1;
    pthread_cond_signal(&g_q_cv);
    pthread_mutex_unlock(&g_q_mu);
    (void)clickup_pump_wakeup(g_client);
    pthread_join(g_engine, NULL);
}

/* The whole request is in: translate it into a clickup_request and hand it to the engine
   (the connection is suspended until the engine has the answer: see answer_forwarded). */
static enum MHD_Result handle_api(struct MHD_Connection *conn, const char *method, request *r) {
    char *path = r->uri + strlen(API_PREFIX), *query = strchr(path, '?'), *c;
    const char *why;
    size_t count = 0, max = 1;
    if (query) *query++ = '\0';                    /* r->uri is ours: split it in place */
    for (c = query; c && *c; c++) max += *c == '&';
    if (max > MAX_QUERY_PAIRS) max = MAX_QUERY_PAIRS;
    if (!(r->pairs = (clickup_param *)calloc(max, sizeof *r->pairs))) return MHD_NO;
    if ((why = parse_query(query, r->pairs, max, &count)) != NULL)
        return refuse(conn, method, r, HTTP_BAD_REQUEST, "PROXY_BAD_REQUEST", why);
    if (r->too_large)
        return refuse(conn, method, r, HTTP_TOO_LARGE, "PROXY_BODY_TOO_LARGE", "the request body is larger than --max-body");
    if (r->body_len && strcmp(method, "GET") == 0)
        return refuse(conn, method, r, HTTP_BAD_REQUEST, "PROXY_BAD_REQUEST", "a GET has no body");
    snprintf(r->method, sizeof r->method, "%s", method);   /* method_allowed: at most 6 letters */
    memset(&r->rq, 0, sizeof r->rq);
    r->rq.method = r->method;
    r->rq.path = path;
    r->rq.query = r->pairs;
    r->rq.query_count = count;
    r->rq.body = r->body_len ? r->body : NULL;     /* an empty body is no body */
    r->rq.body_len = r->body_len;
    r->rq.flags = wants_no_cache(conn) ? CLICKUP_NO_CACHE : 0;
    if (is_stopping())
        return refuse(conn, method, r, HTTP_UNAVAILABLE, "PROXY_STOPPING", "the proxy is shutting down; nothing was sent");
    r->kind = JOB_CALL;
    r->conn = conn;
    MHD_suspend_connection(conn);                  /* before the engine may resume it */
    submit(r);
    return MHD_YES;
}

/* The engine has answered a forwarded request (its connection is resumed): send the answer. */
static enum MHD_Result answer_forwarded(struct MHD_Connection *conn, const char *method, request *r) {
    enum MHD_Result ret;
    if (r->cr.stopping)
        return refuse(conn, method, r, HTTP_UNAVAILABLE, "PROXY_STOPPING", "the proxy is shutting down; nothing was sent");
    if (r->cr.aborted) {
        if (strcmp(method, "GET") == 0)
            return refuse(conn, method, r, HTTP_UNAVAILABLE, "PROXY_STOPPING", "the proxy stopped before ClickUp answered");
        return refuse(conn, method, r, HTTP_BAD_GATEWAY, "PROXY_OUTCOME_UNKNOWN",
                      "the proxy stopped before ClickUp answered; the write may have been sent: look before you send it again");
    }
    ret = answer_call(conn, method, r, &r->cr);
    clickup_response_free(r->cr.resp);
    r->cr.resp = NULL;
    return ret;
}

/* ---- GET /metrics -------------------------------------------------------------------------- */
/* Hand the engine a request for the client's metrics (answered in answer_metrics). */
static enum MHD_Result handle_metrics(struct MHD_Connection *conn, const char *method, request *r) {
    if (is_stopping()) return refuse(conn, method, r, HTTP_UNAVAILABLE, "PROXY_STOPPING", "the proxy is shutting down");
    if (!(r->metrics = (clickup_metrics *)calloc(1, sizeof *r->metrics))) return MHD_NO;
    r->conn = conn;
    MHD_suspend_connection(conn);
    submit(r);
    return MHD_YES;
}

/* Does the query ask for ?format=json? */
static int wants_json(const char *uri) {
    const char *q = strchr(uri, '?');
    while (q) {
        q++;
        if (strncmp(q, "format=json", 11) == 0 && (q[11] == '\0' || q[11] == '&')) return 1;
        q = strchr(q, '&');
    }
    return 0;
}

/* The metrics as JSON (GET /metrics?format=json). */
static struct MHD_Response *metrics_json(const clickup_metrics *m, const clickup_rate_state *rs, uint64_t fw,
                                         uint64_t rf, uint64_t un, unsigned in_flight, unsigned in_flight_peak) {
    clickup_json_writer w;
    const char *text = NULL;
    size_t len = 0, i;
    struct MHD_Response *resp = NULL;
#define PUT_U64(k, v) (clickup_jw_key(&w, k), clickup_jw_int64(&w, (int64_t)(v)))
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    clickup_jw_key(&w, "proxy");
    clickup_jw_object_begin(&w);
    PUT_U64("forwarded", fw); PUT_U64("refused", rf); PUT_U64("unauthorized", un);
    PUT_U64("in_flight", in_flight); PUT_U64("in_flight_peak", in_flight_peak);
    clickup_jw_object_end(&w);
    PUT_U64("calls", m->calls); PUT_U64("requests", m->requests); PUT_U64("retries", m->retries);
    PUT_U64("responses_429", m->responses_429);
    clickup_jw_key(&w, "errors");
    clickup_jw_object_begin(&w);
    PUT_U64("network", m->errors_network); PUT_U64("timeout", m->errors_timeout); PUT_U64("auth", m->errors_auth);
    PUT_U64("client", m->errors_client); PUT_U64("server", m->errors_server);
    PUT_U64("bad_response", m->errors_bad_response); PUT_U64("other", m->errors_other);
    clickup_jw_object_end(&w);
    PUT_U64("limiter_wait_ms", m->limiter_wait_ms);
    clickup_jw_key(&w, "cache");
    clickup_jw_object_begin(&w);
    PUT_U64("hits", m->cache_hits); PUT_U64("misses", m->cache_misses); PUT_U64("evictions", m->cache_evictions);
    PUT_U64("entries", m->cache_entries); PUT_U64("bytes", m->cache_bytes);
    clickup_jw_key(&w, "hit_rate"); clickup_jw_double(&w, m->cache_hit_rate);
    clickup_jw_object_end(&w);
    clickup_jw_key(&w, "rate");
    clickup_jw_object_begin(&w);
    PUT_U64("limit", rs->limit); PUT_U64("window_ms", rs->window_ms); PUT_U64("available", rs->available);
    clickup_jw_key(&w, "server_remaining"); clickup_jw_int64(&w, rs->server_remaining);
    PUT_U64("reset_in_ms", rs->reset_in_ms); PUT_U64("next_free_in_ms", rs->next_free_in_ms);
    clickup_jw_object_end(&w);
    clickup_jw_key(&w, "endpoints");
    clickup_jw_array_begin(&w);
    for (i = 0; i < m->endpoint_count && i < CLICKUP_METRIC_ENDPOINTS; i++) {
        const clickup_endpoint_metrics *e = &m->endpoints[i];
        clickup_jw_object_begin(&w);
        clickup_jw_key(&w, "endpoint"); clickup_jw_string(&w, e->endpoint);
        PUT_U64("requests", e->requests); PUT_U64("errors", e->errors);
        clickup_jw_key(&w, "p50_ms"); clickup_jw_double(&w, e->p50_ms);
        clickup_jw_key(&w, "p95_ms"); clickup_jw_double(&w, e->p95_ms);
        clickup_jw_key(&w, "p99_ms"); clickup_jw_double(&w, e->p99_ms);
        clickup_jw_object_end(&w);
    }
    clickup_jw_array_end(&w);
    clickup_jw_object_end(&w);
#undef PUT_U64
    if (clickup_json_writer_finish(&w, &text, &len) == CLICKUP_OK) resp = new_response(text, len, "application/json");
    clickup_json_writer_free(&w);
    return resp;
}

/* A Prometheus label value: backslash, double quote and line feed escaped. */
static void prom_label(FILE *f, const char *v) {
    for (; *v; v++) {
        if (*v == '\\' || *v == '"') fputc('\\', f);
        if (*v == '\n') { fputs("\\n", f); continue; }
        fputc(*v, f);
    }
}

/* One metric family: its HELP and TYPE lines. */
static void prom_family(FILE *f, const char *name, const char *type, const char *help) {
    fprintf(f, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

static void prom_u64(FILE *f, const char *name, const char *type, const char *help, uint64_t v) {
    prom_family(f, name, type, help);
    fprintf(f, "%s %llu\n", name, (unsigned long long)v);
}

static void prom_double(FILE *f, const char *name, const char *type, const char *help, double v) {
    prom_family(f, name, type, help);
    fprintf(f, "%s %.9g\n", name, v);
}

/* The metrics in Prometheus' text format 0.0.4: the proxy's own (clickup_proxy_*), the client's
   (clickup_*), and per ClickUp route (label route="GET /task/{task_id}"). Latencies are in
   seconds, as Prometheus names them; the quantiles are over each route's last 256 requests. */
static struct MHD_Response *metrics_prometheus(const clickup_metrics *m, const clickup_rate_state *rs, uint64_t fw,
                                               uint64_t rf, uint64_t un, unsigned in_flight, unsigned in_flight_peak) {
    static const char *const quantiles[3] = { "0.5", "0.95", "0.99" };
    char *text = NULL;
    size_t len = 0, i, q, n = m->endpoint_count < CLICKUP_METRIC_ENDPOINTS ? m->endpoint_count : CLICKUP_METRIC_ENDPOINTS;
    struct MHD_Response *resp;
    FILE *f = open_memstream(&text, &len);
    if (!f) return NULL;
    prom_family(f, "clickup_proxy_requests_total", "counter", "Requests the proxy answered, by outcome: forwarded "
                "(through the client), refused (by the proxy, nothing sent), unauthorized (wrong or no proxy key).");
    fprintf(f, "clickup_proxy_requests_total{outcome=\"forwarded\"} %llu\n", (unsigned long long)fw);
    fprintf(f, "clickup_proxy_requests_total{outcome=\"refused\"} %llu\n", (unsigned long long)rf);
    fprintf(f, "clickup_proxy_requests_total{outcome=\"unauthorized\"} %llu\n", (unsigned long long)un);
    prom_u64(f, "clickup_proxy_in_flight", "gauge", "Requests handed to the engine and not yet answered (this one not counted).",
             in_flight);
    prom_u64(f, "clickup_proxy_in_flight_peak", "gauge", "The most requests in the engine's hands at once since the start.",
             in_flight_peak);
    prom_u64(f, "clickup_calls_total", "counter", "Calls asked of the client (cache hits included).", m->calls);
    prom_u64(f, "clickup_requests_total", "counter", "HTTP requests sent to ClickUp (retries included).", m->requests);
    prom_u64(f, "clickup_retries_total", "counter", "Requests sent again after a failure or a 429.", m->retries);
    prom_u64(f, "clickup_responses_429_total", "counter", "429 answers from ClickUp.", m->responses_429);
    prom_family(f, "clickup_errors_total", "counter", "Calls that ended in an error, by kind.");
    fprintf(f, "clickup_errors_total{kind=\"network\"} %llu\n", (unsigned long long)m->errors_network);
    fprintf(f, "clickup_errors_total{kind=\"timeout\"} %llu\n", (unsigned long long)m->errors_timeout);
    fprintf(f, "clickup_errors_total{kind=\"auth\"} %llu\n", (unsigned long long)m->errors_auth);
    fprintf(f, "clickup_errors_total{kind=\"client\"} %llu\n", (unsigned long long)m->errors_client);
    fprintf(f, "clickup_errors_total{kind=\"server\"} %llu\n", (unsigned long long)m->errors_server);
    fprintf(f, "clickup_errors_total{kind=\"bad_response\"} %llu\n", (unsigned long long)m->errors_bad_response);
    fprintf(f, "clickup_errors_total{kind=\"other\"} %llu\n", (unsigned long long)m->errors_other);
    prom_double(f, "clickup_limiter_wait_seconds_total", "counter", "Time requests waited for the rate limiter.",
                (double)m->limiter_wait_ms / 1000.0);
    prom_u64(f, "clickup_cache_hits_total", "counter", "GETs answered from the cache.", m->cache_hits);
    prom_u64(f, "clickup_cache_misses_total", "counter", "Cacheable GETs the cache could not answer.", m->cache_misses);
    prom_u64(f, "clickup_cache_evictions_total", "counter", "Cache entries evicted for room.", m->cache_evictions);
    prom_u64(f, "clickup_cache_entries", "gauge", "Entries in the cache.", m->cache_entries);
    prom_u64(f, "clickup_cache_bytes", "gauge", "Bytes held by the cache.", m->cache_bytes);
    prom_double(f, "clickup_cache_hit_ratio", "gauge", "hits / (hits + misses); 0 before any.", m->cache_hit_rate);
    prom_u64(f, "clickup_rate_limit", "gauge", "Requests per window in force.", rs->limit > 0 ? (uint64_t)rs->limit : 0);
    prom_double(f, "clickup_rate_window_seconds", "gauge", "The rate window.", (double)rs->window_ms / 1000.0);
    prom_u64(f, "clickup_rate_available", "gauge", "Requests that may go now without waiting.",
             rs->available > 0 ? (uint64_t)rs->available : 0);
    prom_family(f, "clickup_rate_server_remaining", "gauge", "The last X-RateLimit-Remaining from ClickUp; -1 before any.");
    fprintf(f, "clickup_rate_server_remaining %d\n", rs->server_remaining);
    prom_double(f, "clickup_rate_reset_seconds", "gauge", "Until the limiter expects ClickUp's window to reset (0: unknown).",
                (double)rs->reset_in_ms / 1000.0);
    prom_double(f, "clickup_rate_next_free_seconds", "gauge", "Until the next request may go.", (double)rs->next_free_in_ms / 1000.0);
    prom_family(f, "clickup_route_requests_total", "counter", "HTTP requests sent to ClickUp, per route.");
    for (i = 0; i < n; i++) {
        fputs("clickup_route_requests_total{route=\"", f); prom_label(f, m->endpoints[i].endpoint);
        fprintf(f, "\"} %llu\n", (unsigned long long)m->endpoints[i].requests);
    }
    prom_family(f, "clickup_route_errors_total", "counter", "Calls that ended in an error, per route.");
    for (i = 0; i < n; i++) {
        fputs("clickup_route_errors_total{route=\"", f); prom_label(f, m->endpoints[i].endpoint);
        fprintf(f, "\"} %llu\n", (unsigned long long)m->endpoints[i].errors);
    }
    prom_family(f, "clickup_route_latency_seconds", "summary", "ClickUp's answer time per route: p50, p95, p99 over the "
                "route's last 256 requests (NaN before any); _count = requests sent (no _sum is kept).");
    for (i = 0; i < n; i++) {
        const clickup_endpoint_metrics *e = &m->endpoints[i];
        const double v[3] = { e->p50_ms, e->p95_ms, e->p99_ms };
        for (q = 0; q < 3; q++) {
            fputs("clickup_route_latency_seconds{route=\"", f); prom_label(f, e->endpoint);
            if (e->requests) fprintf(f, "\",quantile=\"%s\"} %.9g\n", quantiles[q], v[q] / 1000.0);
            else fprintf(f, "\",quantile=\"%s\"} NaN\n", quantiles[q]);
        }
        fputs("clickup_route_latency_seconds_count{route=\"", f); prom_label(f, e->endpoint);
        fprintf(f, "\"} %llu\n", (unsigned long long)e->requests);
    }
    if (fclose(f) != 0) { free(text); return NULL; }
    resp = new_response(text, len, "text/plain; version=0.0.4; charset=utf-8");
    free(text);
    return resp;
}

/* The engine has filled in the metrics: answer in Prometheus' text format, or JSON when asked. */
static enum MHD_Result answer_metrics(struct MHD_Connection *conn, const char *method, const request *r) {
    static const outcome none = { "-", 0 };
    uint64_t fw, rf, un;
    struct MHD_Response *resp;
    unsigned in_flight = r->in_flight ? r->in_flight - 1 : 0, peak;
    if (r->cr.stopping)
        return refuse(conn, method, r, HTTP_UNAVAILABLE, "PROXY_STOPPING", "the proxy is shutting down");
    pthread_mutex_lock(&g_stats_mu);
    fw = g_forwarded; rf = g_refused; un = g_unauthorized;
    pthread_mutex_unlock(&g_stats_mu);
    pthread_mutex_lock(&g_q_mu);
    peak = g_in_flight_peak;
    pthread_mutex_unlock(&g_q_mu);
    resp = wants_json(r->uri) ? metrics_json(r->metrics, &r->rate, fw, rf, un, in_flight, peak)
                              : metrics_prometheus(r->metrics, &r->rate, fw, rf, un, in_flight, peak);
    return send_response(conn, method, r, HTTP_OK, resp, &none);
}

/* The first call of a request (its head is in): answer what needs no body, or check that the
   request may be forwarded and let its body come. */
static enum MHD_Result handle_head(struct MHD_Connection *conn, const char *method, request *r) {
    const char *uri = r->uri, *cl, *ct;
    size_t path_len = strcspn(uri, "?");
    const char *why;
    unsigned long long length;
    /* /healthz and /metrics are answered once the request is whole (on_request): an answer
       queued before that makes MHD close the connection, since a body might follow. */
    if (path_len == 8 && strncmp(uri, "/healthz", 8) == 0 && strcmp(method, "GET") == 0) {
        r->kind = JOB_HEALTHZ;
        return MHD_YES;
    }
    if (!key_matches(MHD_lookup_connection_value(conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION)))
        return refuse(conn, method, r, HTTP_UNAUTHORIZED, "PROXY_UNAUTHORIZED",
                      "missing or wrong proxy key (Authorization: Bearer <key from the key file>)");
    if (path_len == 8 && strncmp(uri, "/metrics", 8) == 0 && strcmp(method, "GET") == 0) {
        r->kind = JOB_METRICS;
        return MHD_YES;
    }
    if (path_len <= strlen(API_PREFIX "/") || strncmp(uri, API_PREFIX "/", strlen(API_PREFIX "/")) != 0)
        return refuse(conn, method, r, HTTP_NOT_FOUND, "PROXY_NOT_FOUND", "not found: the proxy serves /api/v2/..., /healthz and /metrics");
    if (!method_allowed(method))
        return refuse(conn, method, r, HTTP_METHOD_NOT_ALLOWED, "PROXY_METHOD_NOT_ALLOWED",
                      "the method must be GET, POST, PUT, PATCH or DELETE");
    if ((why = path_problem(uri + strlen(API_PREFIX), path_len - strlen(API_PREFIX))) != NULL)
        return refuse(conn, method, r, HTTP_BAD_REQUEST, "PROXY_BAD_REQUEST", why);
    ct = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
    if (ct && strncasecmp(ct, "multipart/", 10) == 0)
        return refuse(conn, method, r, HTTP_UNSUPPORTED_MEDIA, "PROXY_UNSUPPORTED_MEDIA_TYPE",
                      "the proxy forwards JSON bodies only (clickup.h sends application/json)");
    cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
    if (cl && (parse_size(cl, 0, ~0ull, &length) < 0 || length > g_max_body))   /* before reading it */
        return refuse(conn, method, r, HTTP_TOO_LARGE, "PROXY_BODY_TOO_LARGE", "the request body is larger than --max-body");
    if (cl && length) {
        if (!(r->body = (char *)malloc((size_t)length + 1))) return MHD_NO;
        r->body_cap = (size_t)length + 1;
    }
    return MHD_YES;
}

/* Keep a piece of the body, up to --max-body (past it, remember and discard). */
static int take_body(request *r, const char *data, size_t n) {
    size_t need;
    if (r->too_large) return 0;
    if (n > g_max_body - r->body_len) { r->too_large = 1; return 0; }
    need = r->body_len + n + 1;
    if (need > r->body_cap) {
        size_t cap = r->body_cap ? r->body_cap : 4096;
        char *nb;
        while (cap < need) cap *= 2;
        if (!(nb = (char *)realloc(r->body, cap))) return -1;
        r->body = nb;
        r->body_cap = cap;
    }
    memcpy(r->body + r->body_len, data, n);
    r->body_len += n;
    r->body[r->body_len] = '\0';
    return 0;
}

/* MHD's access handler: called once with the head, once per piece of body, once at the end. */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_data_size,
                                  void **con_cls) {
    static const outcome none = { "-", 0 };
    request *r = (request *)*con_cls;
    int state;
    (void)cls; (void)url; (void)version;
    if (!r || !r->uri) return MHD_NO;                       /* out of memory in on_uri */
    pthread_mutex_lock(&g_q_mu);                            /* ANSWERED is set by the engine */
    state = r->state;
    pthread_mutex_unlock(&g_q_mu);
    switch (state) {
    case R_HEAD:
        r->state = R_BODY;
        return handle_head(conn, method, r);
    case R_BODY:
        if (*upload_data_size) {
            if (take_body(r, upload_data, *upload_data_size) < 0) return MHD_NO;
            *upload_data_size = 0;
            return MHD_YES;
        }
        if (r->kind == JOB_HEALTHZ)
            return send_response(conn, method, r, HTTP_OK, new_response("{\"ok\":true}", 11, "application/json"), &none);
        if (r->kind == JOB_METRICS) return handle_metrics(conn, method, r);
        return handle_api(conn, method, r);
    case R_ANSWERED:                                        /* resumed by the engine */
        return r->kind == JOB_METRICS ? answer_metrics(conn, method, r) : answer_forwarded(conn, method, r);
    default:                                                /* suspended: MHD does not call */
        return MHD_NO;
    }
}

static void on_mhd_error(void *cls, const char *fmt, va_list ap) {
    (void)cls;
    fprintf(stderr, PROG ": http: ");
    vfprintf(stderr, fmt, ap);                               /* MHD's lines end in '\n' */
}

/* ==== main ================================================================================== */
/* The key file's default: $HOME/.clickup_proxy.key. */
static const char *default_key_file(char *buf, size_t n) {
    const char *home = getenv("HOME");
    if (!home || !*home || snprintf(buf, n, "%s/.clickup_proxy.key", home) >= (int)n) return NULL;
    return buf;
}

/* Open the listening socket the options ask for. The socket (and *port for TCP), or -1 with
   *exit_code set (said why). */
static int open_listener(const options *o, int *port, int *exit_code) {
    *exit_code = EXIT_START;
    *port = 0;
    if (o->socket_path) return listen_unix(o->socket_path);
    return listen_tcp(o, port, exit_code);
}

/* Serving: write the port file and say where. 0, or -1 (said why). */
static int announce(const options *o, int port) {
    if (o->socket_path) {
        printf(PROG " listening on unix:%s\n", o->socket_path);
    } else {
        if (o->port_file && write_port_file(o->port_file, port) != 0) {
            fprintf(stderr, PROG ": cannot write %s\n", o->port_file);
            return -1;
        }
        printf(PROG " listening on http://%.*s:%d" API_PREFIX "\n",
               (int)(strrchr(o->listen, ':') - o->listen), o->listen, port);   /* parse_listen found the ':' */
    }
    fflush(stdout);
    return 0;
}

static struct MHD_Daemon *start_daemon(int listen_fd) {
    /* One thread of MHD's runs every connection (epoll, or the best this system has); a
       forwarded request's connection is suspended while the engine thread has it.
       MHD_ALLOW_SUSPEND_RESUME brings the ITC that MHD_quiesce_daemon needs too. */
    return MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_ERROR_LOG,
                            0, NULL, NULL, on_request, NULL,
                            MHD_OPTION_EXTERNAL_LOGGER, on_mhd_error, NULL,      /* first, or MHD warns */
                            MHD_OPTION_LISTEN_SOCKET, listen_fd,
                            MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
                            MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
                            MHD_OPTION_CONNECTION_TIMEOUT, IDLE_TIMEOUT_S,
                            MHD_OPTION_CONNECTION_LIMIT, MAX_CONNECTIONS,
                            MHD_OPTION_END);
}

static unsigned active_requests(void) {
    unsigned active;
    pthread_mutex_lock(&g_active_mu);
    active = g_active;
    pthread_mutex_unlock(&g_active_mu);
    return active;
}

/* After the first stop signal: accept no more connections, and wait until the requests in
   progress have their answers (every request the engine holds finishes; new ones are answered
   503), at most DRAIN_MAX_MS. A second signal cuts the wait short. 1 when all were answered. */
static int drain(struct MHD_Daemon *daemon, const options *o, const sigset_t *sigs) {
    MHD_socket listener = MHD_quiesce_daemon(daemon);
    struct timespec tick = { 0, 100 * 1000000L };
    unsigned waited = 0, active;
    if (listener != MHD_INVALID_SOCKET) close(listener);
    if (o->socket_path) unlink(o->socket_path);            /* new clients: nobody listens here */
    for (;;) {
        if (!(active = active_requests())) return 1;
        if (waited >= DRAIN_MAX_MS) {
            fprintf(stderr, PROG ": %u request(s) still in progress after %u s: stopping anyway\n", active, DRAIN_MAX_MS / 1000);
            return 0;
        }
        if (sigtimedwait(sigs, NULL, &tick) > 0) {
            fprintf(stderr, PROG ": second signal: stopping now, %u request(s) in progress\n", active);
            return 0;
        }
        waited += 100;
    }
}

/* Serve until SIGTERM or SIGINT, then stop gracefully (see drain). */
static void serve(struct MHD_Daemon *daemon, const options *o, const sigset_t *sigs) {
    int sig = 0, i;
    while (sigwait(sigs, &sig) != 0) {}
    fprintf(stderr, PROG ": signal %d: stopping\n", sig);
    pthread_mutex_lock(&g_q_mu);                        /* nothing new reaches the engine: 503 */
    g_stopping = 1;
    pthread_mutex_unlock(&g_q_mu);
    if (drain(daemon, o, sigs)) {
        engine_stop(0);                                 /* it holds nothing: it ends */
    } else {
        /* Cut short: the engine answers what it holds (503, or 502 OUTCOME_UNKNOWN for a write
           that may have gone) and resumes those connections; give MHD a moment to send that. */
        engine_stop(1);
        for (i = 0; i < 10 && active_requests(); i++) nanosleep(&(struct timespec){ 0, 100 * 1000000L }, NULL);
    }
    MHD_stop_daemon(daemon);                            /* no connection is suspended now */
    fprintf(stderr, PROG ": stopped\n");
}

int main(int argc, char **argv) {
    options o;
    char key_path[4096];
    const char *key_file;
    struct MHD_Daemon *daemon = NULL;
    sigset_t sigs;
    int rc, fd = -1, port = 0;

    if ((rc = parse_options(argc, argv, &o)) != 0) return rc < 0 ? 0 : rc;
    if ((rc = check_backends()) != 0) return rc;
    g_max_body = o.max_body;
    if (!(key_file = o.key_file ? o.key_file : default_key_file(key_path, sizeof key_path))) {
        fprintf(stderr, PROG ": HOME is not set: give --key-file\n");
        return EXIT_USAGE;
    }
    /* Stop signals go to sigwait only: block them before any thread exists (MHD's, libcurl's). */
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);

    if (clickup_global_init() != CLICKUP_OK) { fprintf(stderr, PROG ": libcurl failed to start\n"); return EXIT_START; }
    if ((rc = open_client(&g_client)) != 0) { clickup_global_cleanup(); return rc; }
    if (load_key(key_file) < 0) rc = EXIT_START;
    else if (engine_start_thread() != 0) {
        fprintf(stderr, PROG ": cannot start the engine thread\n");
        rc = EXIT_START;
    } else {
        if ((fd = open_listener(&o, &port, &rc)) >= 0) {
            if (!(daemon = start_daemon(fd))) {
                fprintf(stderr, PROG ": the HTTP server (libmicrohttpd) did not start\n");
                close(fd);
                rc = EXIT_START;
            } else if (announce(&o, port) < 0) {
                engine_stop(1);
                MHD_stop_daemon(daemon);
                rc = EXIT_START;
            } else {
                fprintf(stderr, PROG ": proxy key in %s\n", key_file);
                serve(daemon, &o, &sigs);           /* drain removes the socket file; joins the engine */
                rc = EXIT_STOPPED;
            }
            if (o.socket_path && rc != EXIT_STOPPED) unlink(o.socket_path);
        }
        if (rc != EXIT_STOPPED && !daemon) engine_stop(0);
    }
    clickup_client_destroy(g_client);               /* drops calls an aborted engine left */
#ifdef CLICKUP_WITH_REDIS
    clickup_redis_env_close(&g_redis);
#endif
    clickup_global_cleanup();
    wipe(g_key, sizeof g_key);
    return rc;
}

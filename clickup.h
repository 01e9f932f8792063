/* clickup.h - v0.3.0 - ClickUp API v2 client in one C header.
   MIT or public domain (Unlicense), your choice: see the end of this file.
   SPDX-License-Identifier: MIT OR Unlicense

   QUICK START
   -----------
   In exactly ONE .c file of your program write

       #include <stdio.h>          // your own includes first
       #define CLICKUP_IMPLEMENTATION
       #include "clickup.h"

   and in every other file just #include "clickup.h". Build with libcurl:

       cc -std=c99 app.c $(pkg-config --cflags --libs libcurl) -lpthread

   The heart of a whole program (examples/quickstart.c, which `make test` builds):

       clickup_client *cu = NULL;
       clickup_config cfg;
       char why[256];
       clickup_global_init();
       if (clickup_config_from_env(&cfg, why, sizeof why) < 0) { puts(why); return 1; }
       if (clickup_config_check(&cfg, why, sizeof why) < 0) { puts(why); return 1; }
       if (clickup_client_create(&cfg, &cu) < 0) { puts("out of memory"); return 1; }
       clickup_task *task = NULL;
       clickup_result rc = clickup_task_get(cu, "https://app.clickup.com/t/86abc123", NULL, &task);
       if (rc < 0)
           printf("failed: %s (%s)\n", clickup_strerror(rc), clickup_last_error(cu)->message);
       else
           printf("%s: %s\n", task->id, task->name);
       clickup_task_free(task);        // NULL is fine
       clickup_client_destroy(cu);
       clickup_global_cleanup();

   WHAT IS INSIDE
   --------------
   - An arena-backed JSON parser (RFC 8259, strict, iterative, depth-limited) and a JSON writer.
   - A request engine on libcurl's multi interface: every request is an object on a small state
     machine (limiter, send, classify, back off); blocking calls are thin drivers over it, and
     clickup_call_start / clickup_pump keep several requests of one client in flight.
   - Typed calls for the operations people use most, and clickup_call for any other endpoint,
     with the same guarantees: one route table row per operation says what may be retried,
     cached and invalidated.
   - A rate limiter on the monotonic clock, synced to ClickUp's X-RateLimit-* headers, that can be
     shared by every client of one token (ClickUp's limit is per token), behind a versioned
     method table so that a limiter shared by processes or hosts plugs in.
   - Retries with full-jitter backoff. POSTs (which create tasks) are never replayed blindly:
     when their outcome is unknown you get CLICKUP_ERR_OUTCOME_UNKNOWN.
   - A bounded TTL cache of GET responses, invalidated by your own writes.
   - Typed results, errors that carry the HTTP status and ClickUp's ECODE, log and metrics hooks.

   REQUIREMENTS
   ------------
   C99 (or C++11 and later), libcurl >= 7.62, POSIX threads and clock_gettime(CLOCK_MONOTONIC).
   Strict -std=c99 / -std=c11 builds need no feature macro on glibc, whatever the order of your
   includes. On another libc that hides clock_gettime in strict mode, the compiler stops with a
   message: define _POSIX_C_SOURCE 200809L before your first include.

   COMPILE-TIME OPTIONS (define before including)
   ----------------------------------------------
   CLICKUP_IMPLEMENTATION   emit the definitions; in exactly one translation unit.
   CLICKUP_STATIC           make every function static (define it everywhere you include).
   CLICKUP_API              linkage of public functions (default extern, or static above).
   CLICKUP_MALLOC(ctx,sz), CLICKUP_REALLOC(ctx,p,oldsz,newsz), CLICKUP_FREE(ctx,p)
                            default allocator; all three or none (implementation file only).
   CLICKUP_ASSERT(x)        checks internal invariants; off by default, because the library
                            never aborts (define it as assert(x) while debugging). Misuse such
                            as a NULL argument is an error code, not an assertion.
   CLICKUP_JSON_MAX_DEPTH   nesting limit of the JSON parser, default 128 (implementation file).
   CLICKUP_MAX_RESPONSE_BYTES  default response size cap, 16 MiB (implementation file).
   CLICKUP_NO_LOG           compile every log call out (implementation file).

   CONCEPTS (read once)
   --------------------
   Results.   Every call returns a clickup_result: CLICKUP_OK (0) or a negative error code.
              Details of the last failure live on the client: clickup_last_error(client).
   Memory.    One result, one arena, one free. A successful call hands you one object through
              its last parameter `out`; every string and array inside it lives in that object's
              arena, and exactly one clickup_<type>_free() releases all of it. Free functions
              accept NULL. On failure *out is set to NULL. Results do not need the client and
              may outlive it. Inputs are copied, never retained.
   Threads.   A client is used by one thread at a time (one client per thread is the simple
              rule). Results may be read from any thread. A clickup_limiter may be shared by
              many clients on many threads: that is how several clients of one token stay
              under ClickUp's per-token limit together. clickup_strerror, clickup_version,
              clickup_config_init and the JSON functions are pure or touch only their arguments.
   Blocking.  Every typed call blocks until done: at most the per-call deadline
              (config.call_deadline_ms, default 90 s), which covers every page, retry and
              rate-limit wait of that call. clickup_call_start does not block (see [api:call]).
   Secrets.   The token is never logged, never put in an error message, and every copy the
              library owns is overwritten before it is freed: the client's token and
              Authorization line on destroy, libcurl's header list after each request. Copies
              that remain outside its reach: libcurl's own buffer of the serialized request
              (freed by libcurl without wiping), your config.token, and whatever a custom
              transport (config.transport) does with the headers it is given.

   CONTENTS
   --------
   [api:results]   result codes, clickup_strerror
   [api:alloc]     clickup_allocator
   [api:json]      parse, navigate, write JSON
   [api:config]    clickup_config, hooks, transport seam, logging
   [api:client]    global init, create/destroy, last error, rate state, metrics, limiter
   [api:team]      workspaces, members, spaces
   [api:hierarchy] folders, lists
   [api:task]      tasks: get, list (paginated), create, update, tags, custom fields, references
   [api:template]  task templates, task from template
   [api:call]      any endpoint (clickup_call), several requests in flight (start, pump, finish)
   [api:batch]     many writes or calls at once within the rate budget (clickup_batch_run)
   [api:collab]    comments, checklists, dependencies and links, the user, OAuth
   [api:fields]    custom fields and their codec, time tracking
   [api:webhook]   webhooks: verify signatures, decode events, de-duplicate, cache drops, manage
   Implementation: [arena] [json] [json-writer] [clock+limiter] [cache] [routes] [http]
                   [errors] [client] [engine] [decoders] [endpoints] [collab] [fields] [time]
                   [parallel reads] [batch] [webhooks]

   REVISION HISTORY
   ----------------
   0.3.0  The limiter uses the whole budget with many requests in flight (what the server has
          left: the lowest Remaining of its window less what it may not have counted yet);
          clickup_pump_wakeup.
   0.2.0  Engine v2: requests as objects on a state machine over libcurl's multi interface; a
          route table; the limiter as a method table (clickup_limiter_create_custom,
          clickup_limiter_create_ex); clickup_call for any endpoint; clickup_call_start,
          clickup_pump, clickup_call_finish. Fixes: see the full history at the end.
   0.1.0  first release: JSON, request engine, spaces, members, tasks, templates, hierarchy.
*/

#ifndef CLICKUP_H
#define CLICKUP_H

#define CLICKUP_VERSION_MAJOR 0
#define CLICKUP_VERSION_MINOR 3
#define CLICKUP_VERSION_PATCH 0
#define CLICKUP_VERSION_STRING "0.3.0"

#include <stddef.h>
#include <stdint.h>

#ifndef CLICKUP_API
#  ifdef CLICKUP_STATIC
#    if defined(__GNUC__) || defined(__clang__)
#      define CLICKUP_API static __attribute__((unused))
#    else
#      define CLICKUP_API static
#    endif
#  else
#    define CLICKUP_API extern
#  endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* =============================================================================================
   [api:results] Result codes
   Append only: codes are never renumbered or removed. The enum holds the codes of 0.1.0; codes
   added later are constants of the same type below it, not enumerators, so that a switch over
   clickup_result written for an older release still compiles under -Wswitch -Werror. Handle
   them in `default:`, or switch on (int)code.
   ============================================================================================= */
typedef enum clickup_result {
    CLICKUP_OK                  =   0,
    CLICKUP_ERR_INVALID_ARG     =  -1, /* bad input, refused before any request was sent       */
    CLICKUP_ERR_NOMEM           =  -2, /* an allocation failed                                  */
    CLICKUP_ERR_NETWORK         =  -3, /* DNS, connect, send or receive failed (after retries)  */
    CLICKUP_ERR_TIMEOUT         =  -4, /* a timeout or the per-call deadline expired            */
    CLICKUP_ERR_AUTH            =  -5, /* 401: token missing, invalid or revoked                */
    CLICKUP_ERR_NO_ACCESS       =  -6, /* 403, or 401 "Team(s) not authorized" (OAUTH_023...)   */
    CLICKUP_ERR_NOT_FOUND       =  -7, /* 404, or ECODE ITEM_013                                */
    CLICKUP_ERR_VALIDATION      =  -8, /* 400 or 422: the API rejected the request              */
    CLICKUP_ERR_RATE_LIMITED    =  -9, /* 429 after retries, or the limiter in fail-fast mode   */
    CLICKUP_ERR_SERVER          = -10, /* 5xx after retries                                     */
    CLICKUP_ERR_OUTCOME_UNKNOWN = -11, /* a POST may have happened (sent, then 5xx, or its answer
                                          lost, unreadable or too large): check before repeating  */
    CLICKUP_ERR_BAD_RESPONSE    = -12, /* invalid JSON or an unexpected shape from the server   */
    CLICKUP_ERR_TOO_LARGE       = -13, /* the response exceeded config.max_response_bytes       */
    CLICKUP_ERR_HTTP            = -14, /* any other non-2xx status                              */
    CLICKUP_ERR_JSON            = -15, /* clickup_json_parse: the text is not valid JSON        */
    CLICKUP_ERR_CONFIG          = -16  /* configuration or environment is unusable              */
} clickup_result;
/* Since 0.2.0: */
#define CLICKUP_ERR_SIGNATURE ((clickup_result)-17) /* a webhook delivery's signature does not match */
#define CLICKUP_ERR_CANCELLED ((clickup_result)-18) /* its batch was cancelled, stopped or out of
                                                       time before this request could go (or, for
                                                       a read, before its answer came): nothing
                                                       was changed                               */

/* Static text for a result code; never NULL ("unknown error" for unknown codes). Pure. */
CLICKUP_API const char *clickup_strerror(clickup_result code);

/* The library version, "0.3.0". Compare with CLICKUP_VERSION_STRING. Pure. */
CLICKUP_API const char *clickup_version(void);

/* =============================================================================================
   [api:alloc] Allocator
   A runtime allocator overrides the CLICKUP_MALLOC/REALLOC/FREE macros for one client or one
   parse. It covers clickup.h's own allocations only; libcurl's are set with
   curl_global_init_mem(). Every function receives `user`. realloc_fn gets the old size.
   ============================================================================================= */
typedef struct clickup_allocator {
    void *(*malloc_fn)(void *user, size_t size);
    void *(*realloc_fn)(void *user, void *ptr, size_t old_size, size_t new_size);
    void  (*free_fn)(void *user, void *ptr);
    void   *user;
} clickup_allocator;

/* =============================================================================================
   [api:json] JSON: parse, navigate, write
   A parsed document is immutable and owns every value and string in one arena. Strings are
   unescaped UTF-8, NUL-terminated, with an explicit length (so an embedded \u0000 survives).
   Numbers keep their literal text; read them with clickup_json_as_int64 / _as_double.
   Every navigation function accepts NULL and then returns NULL / 0 / the fallback, so chains
   such as clickup_json_get(clickup_json_get(root, "space"), "id") need no checks.
   ============================================================================================= */
typedef enum clickup_json_type {
    CLICKUP_JSON_NULL = 0,
    CLICKUP_JSON_BOOL,
    CLICKUP_JSON_NUMBER,
    CLICKUP_JSON_STRING,
    CLICKUP_JSON_ARRAY,
    CLICKUP_JSON_OBJECT
} clickup_json_type;

typedef struct clickup_json clickup_json;         /* a value inside a document (read-only)  */
typedef struct clickup_json_doc clickup_json_doc; /* a parsed document: its arena and root  */

/* Why a parse failed: byte offset into the input and a static reason string. */
typedef struct clickup_json_error {
    size_t      offset;
    const char *reason;
} clickup_json_error;

/* Parse `len` bytes of `text` (need not be NUL-terminated) as one JSON value.
   Parameters: alloc (in, optional) NULL = default allocator; err (out, optional).
   Returns: CLICKUP_OK; CLICKUP_ERR_JSON with err filled (nesting deeper than
   CLICKUP_JSON_MAX_DEPTH, invalid UTF-8 and lone surrogates are errors too); CLICKUP_ERR_NOMEM.
   Ownership: *out is yours; release it with clickup_json_doc_free. `text` is not retained.
   Cost: a handful of allocations whatever the size of the document. Thread safety: safe. */
CLICKUP_API clickup_result clickup_json_parse(const char *text, size_t len,
                                              const clickup_allocator *alloc,
                                              clickup_json_doc **out, clickup_json_error *err);
CLICKUP_API const clickup_json *clickup_json_root(const clickup_json_doc *doc);
CLICKUP_API void clickup_json_doc_free(clickup_json_doc *doc);

CLICKUP_API clickup_json_type clickup_json_typeof(const clickup_json *v); /* NULL -> NULL type */
CLICKUP_API int clickup_json_is(const clickup_json *v, clickup_json_type t);
/* Number of items of an array, members of an object, bytes of a string; 0 otherwise. */
CLICKUP_API size_t clickup_json_len(const clickup_json *v);
/* Object member by key (the first one if a key repeats), or NULL. */
CLICKUP_API const clickup_json *clickup_json_get(const clickup_json *obj, const char *key);
CLICKUP_API const clickup_json *clickup_json_getn(const clickup_json *obj, const char *key,
                                                  size_t key_len);
/* Array item i, or NULL when out of range or not an array. */
CLICKUP_API const clickup_json *clickup_json_at(const clickup_json *arr, size_t i);
/* Object member i: its value, and its key through key/key_len (both optional). */
CLICKUP_API const clickup_json *clickup_json_member(const clickup_json *obj, size_t i,
                                                    const char **key, size_t *key_len);
/* A string's bytes (len optional), else the fallback. */
CLICKUP_API const char *clickup_json_as_string(const clickup_json *v, const char *fallback,
                                               size_t *len);
/* An integer number in int64 range, or a string holding one (ClickUp sends "1567780450202"),
   else the fallback. */
CLICKUP_API int64_t clickup_json_as_int64(const clickup_json *v, int64_t fallback);
/* Strict variant: CLICKUP_OK and *out, or CLICKUP_ERR_BAD_RESPONSE (overflow, not an integer). */
CLICKUP_API clickup_result clickup_json_int64(const clickup_json *v, int64_t *out);
/* A number (or numeric string) as double, else the fallback. */
CLICKUP_API double clickup_json_as_double(const clickup_json *v, double fallback);
/* true/false as 1/0, else the fallback. */
CLICKUP_API int clickup_json_as_bool(const clickup_json *v, int fallback);
/* A number's literal text as it appeared in the input ("1.50e3"), or NULL. */
CLICKUP_API const char *clickup_json_number_text(const clickup_json *v);
/* Deep equality: same types, numbers equal as literals or as values, objects with equal
   members in the same order. */
CLICKUP_API int clickup_json_equal(const clickup_json *a, const clickup_json *b);

/* JSON writer. Builds compact JSON text in a growing buffer; commas and nesting are handled
   for you. Errors are sticky: check clickup_json_writer_finish once at the end.
   Usage:  clickup_json_writer w; clickup_json_writer_init(&w, NULL);
           clickup_jw_object_begin(&w); clickup_jw_key(&w, "name"); clickup_jw_string(&w, "x");
           clickup_jw_object_end(&w);
           char *text; size_t len;
           if (clickup_json_writer_finish(&w, &text, &len) == CLICKUP_OK) { ...; }
           clickup_json_writer_free(&w);     // frees the text too
   The fields are private. */
#define CLICKUP_JSON_WRITER_DEPTH 160
typedef struct clickup_json_writer {
    char             *buf;
    size_t            len, cap;
    clickup_allocator alloc;      /* all NULL = default allocator */
    int               err;        /* sticky clickup_result        */
    int               root_done;
    unsigned          depth;
    unsigned char     state[CLICKUP_JSON_WRITER_DEPTH]; /* per level: object? has items? after key? */
} clickup_json_writer;

CLICKUP_API void clickup_json_writer_init(clickup_json_writer *w, const clickup_allocator *alloc);
CLICKUP_API void clickup_jw_object_begin(clickup_json_writer *w);
CLICKUP_API void clickup_jw_object_end(clickup_json_writer *w);
CLICKUP_API void clickup_jw_array_begin(clickup_json_writer *w);
CLICKUP_API void clickup_jw_array_end(clickup_json_writer *w);
CLICKUP_API void clickup_jw_key(clickup_json_writer *w, const char *key);
CLICKUP_API void clickup_jw_keyn(clickup_json_writer *w, const char *key, size_t len);
CLICKUP_API void clickup_jw_string(clickup_json_writer *w, const char *s);  /* NULL -> null */
CLICKUP_API void clickup_jw_stringn(clickup_json_writer *w, const char *s, size_t len);
CLICKUP_API void clickup_jw_int64(clickup_json_writer *w, int64_t v);
CLICKUP_API void clickup_jw_double(clickup_json_writer *w, double v); /* NaN/Inf -> error */
CLICKUP_API void clickup_jw_bool(clickup_json_writer *w, int v);
CLICKUP_API void clickup_jw_null(clickup_json_writer *w);
/* Copy an existing value (any type, deep). */
CLICKUP_API void clickup_jw_value(clickup_json_writer *w, const clickup_json *v);
/* Insert JSON text after checking that it is one valid JSON value (written compactly). */
CLICKUP_API void clickup_jw_raw(clickup_json_writer *w, const char *json, size_t len);
/* CLICKUP_OK with the NUL-terminated text (owned by the writer), or the first error:
   CLICKUP_ERR_NOMEM, CLICKUP_ERR_INVALID_ARG (misnesting, invalid UTF-8, NaN), CLICKUP_ERR_JSON. */
CLICKUP_API clickup_result clickup_json_writer_finish(clickup_json_writer *w, const char **text,
                                                      size_t *len);
CLICKUP_API void clickup_json_writer_free(clickup_json_writer *w);

/* =============================================================================================
   [api:config] Configuration
   A zeroed clickup_config means "all defaults"; clickup_config_init() zeroes one for you.
   Strings are copied by clickup_client_create, so they need not outlive that call.
   ============================================================================================= */
typedef enum clickup_log_level {
    CLICKUP_LOG_DEFAULT = 0,        /* in a config: INFO when a log callback is set          */
    CLICKUP_LOG_OFF,
    CLICKUP_LOG_ERROR,
    CLICKUP_LOG_WARNING,
    CLICKUP_LOG_INFO,
    CLICKUP_LOG_DEBUG
} clickup_log_level;

/* Receives one line (no trailing newline). The line never holds the token or a body. */
typedef void (*clickup_log_fn)(void *user, clickup_log_level level, const char *line);

/* The transport seam. A transport performs one HTTP exchange; clickup.h uses libcurl unless
   config.transport is set (tests use this to script responses without a network). */
typedef struct clickup_http_request {
    const char        *method;      /* "GET", "POST", "PUT", "DELETE"                      */
    const char        *url;         /* full URL, query included                            */
    const char *const *headers;     /* "Name: value" lines, NULL-terminated; includes the
                                       Authorization header: never log these               */
    const char        *body;        /* NULL when there is none                             */
    size_t             body_len;
    long               timeout_ms;  /* what remains for this attempt                       */
} clickup_http_request;

typedef struct clickup_http_response {
    int         status;             /* HTTP status                                         */
    const char *body;               /* borrowed until the transport is called again        */
    size_t      body_len;
    const char *rate_limit;         /* X-RateLimit-Limit value, or NULL                    */
    const char *rate_remaining;     /* X-RateLimit-Remaining                               */
    const char *rate_reset;         /* X-RateLimit-Reset                                   */
    const char *retry_after;        /* Retry-After                                         */
} clickup_http_response;

/* What happened to an exchange. The distinction between "never left" and "sent" decides
   whether a POST may be retried. */
typedef enum clickup_transport_status {
    CLICKUP_TRANSPORT_OK = 0,        /* a response arrived (any status)                     */
    CLICKUP_TRANSPORT_NOT_SENT,      /* DNS or connect failed: the request never left       */
    CLICKUP_TRANSPORT_SEND_FAILED,   /* the connection broke while sending                  */
    CLICKUP_TRANSPORT_RECV_FAILED,   /* sent, then the answer was lost or cut short         */
    CLICKUP_TRANSPORT_TIMEOUT,       /* sent (or maybe sent), no complete answer in time    */
    CLICKUP_TRANSPORT_TOO_LARGE      /* the body exceeded the size cap                      */
} clickup_transport_status;

typedef clickup_transport_status (*clickup_transport_fn)(void *user,
                                                         const clickup_http_request *req,
                                                         clickup_http_response *resp);

/* Time and randomness, injectable so tests never sleep. Any NULL member uses the default:
   CLOCK_MONOTONIC, CLOCK_REALTIME, nanosleep, and a xorshift generator seeded per client.
   sleep_ms is trusted: when it returns, the engine takes the wait as done (a test's hook may
   only advance its own clock), so a hook must not return early. */
typedef struct clickup_hooks {
    uint64_t (*now_ms)(void *user);              /* monotonic milliseconds                  */
    int64_t  (*wall_ms)(void *user);             /* Unix time in milliseconds               */
    void     (*sleep_ms)(void *user, uint64_t ms);
    uint64_t (*random_u64)(void *user);
    void      *user;
} clickup_hooks;

/* What the limiter does when it would have to wait. */
typedef enum clickup_rate_mode {
    CLICKUP_RATE_WAIT = 0,          /* block until a request may go (default)               */
    CLICKUP_RATE_FAIL               /* never wait for the rate limit: when the limiter would
                                       wait, or the server answers 429, or a Retry-After asks
                                       for a pause, return CLICKUP_ERR_RATE_LIMITED at once
                                       with clickup_error.retry_in_ms                        */
} clickup_rate_mode;

typedef struct clickup_limiter clickup_limiter;
typedef struct clickup_cache clickup_cache;       /* see clickup_cache_create_custom */

typedef struct clickup_config {
    const char *token;              /* required: "pk_..." (personal) or an OAuth access token */
    const char *team_id;            /* workspace id; NULL = discover through GET /team       */
    const char *base_url;           /* NULL = "https://api.clickup.com/api/v2"; http:// only
                                       for loopback hosts (127.0.0.1, localhost, [::1])      */
    const char *ca_info, *ca_path;  /* optional CA bundle overrides (verification stays on)  */

    int  rate_limit;                /* requests per window; 0 = 100 (ClickUp's lowest plan)   */
    int  rate_window_ms;            /* 0 = 60000                                            */
    clickup_rate_mode rate_mode;
    clickup_limiter *limiter;       /* optional shared limiter (see clickup_limiter_create);
                                       NULL = a private one for this client                 */

    int    disable_cache;           /* 1 = no response cache                                 */
    size_t cache_max_entries;       /* 0 = 256                                               */
    size_t cache_max_bytes;         /* 0 = 8 MiB                                             */
    long   cache_ttl_spaces_ms;     /* spaces, members, workspaces; 0 = 1 hour               */
    long   cache_ttl_tasks_ms;      /* task lists; 0 = 5 minutes                             */
    long   cache_ttl_hierarchy_ms;  /* folders and lists; 0 = 5 minutes                      */

    long   connect_timeout_ms;      /* 0 = 10000                                             */
    long   timeout_ms;              /* one attempt; 0 = 30000                                */
    long   call_deadline_ms;        /* whole call incl. retries and waits; 0 = 90000         */
    long   low_speed_bytes;         /* abort below this many bytes/s ...; 0 = 1               */
    long   low_speed_ms;            /* ... for this long; 0 = 20000                          */
    size_t max_response_bytes;      /* 0 = CLICKUP_MAX_RESPONSE_BYTES (16 MiB)               */

    int  max_retries;               /* 0 = 3; negative = never retry                         */
    long backoff_base_ms;           /* retry n waits U(0, min(cap, base * 2^n)): 0 = 2000     */
    long backoff_cap_ms;            /* 0 = 8000, so the ceilings are 2, 4, 8 s               */

    clickup_log_fn    log;          /* NULL = silent                                         */
    void             *log_user;
    clickup_log_level log_level;    /* DEFAULT (0) = INFO; OFF silences even a set callback   */

    const clickup_allocator *allocator; /* NULL = CLICKUP_MALLOC & co; copied by create      */
    clickup_hooks        hooks;
    clickup_transport_fn transport; /* NULL = libcurl                                        */
    void                *transport_user;
    clickup_cache *cache;           /* a shared response cache (clickup_cache_create_custom);
                                       NULL = the client's own. disable_cache turns both off */
    const char *limiter_url;        /* when limiter is NULL: "file:/path" shares the budget with
                                       every process of this host that uses the same file
                                       (clickup_limiter_open_file, with rate_limit and
                                       rate_window_ms); "redis://..." needs the companion
                                       examples/clickup_redis.h, which makes config.limiter  */
} clickup_config;

/* Zero every field (= all defaults). Pure. */
CLICKUP_API void clickup_config_init(clickup_config *cfg);

/* Fill cfg from the environment: CLICKUP_API_TOKEN (required), CLICKUP_TEAM_ID,
   CLICKUP_BASE_URL, CLICKUP_RATE_LIMIT, CLICKUP_RATE_WINDOW_S, CLICKUP_ENABLE_CACHE
   (true/false/1/0/yes/no), CLICKUP_TIMEOUT_MS, CLICKUP_LOG_LEVEL (off, error, warning,
   info, debug), CLICKUP_LIMITER (file:/path, or redis://... for the Redis companion: goes to
   limiter_url). cfg is zeroed first; its strings point into the environment.
   Returns: CLICKUP_OK, or CLICKUP_ERR_CONFIG with a message naming the variable in msg
   (never the token's value). */
CLICKUP_API clickup_result clickup_config_from_env(clickup_config *cfg, char *msg, size_t msg_size);

/* =============================================================================================
   [api:client] Client
   ============================================================================================= */
typedef struct clickup_client clickup_client;

/* Wrap curl_global_init / curl_global_cleanup. Call each once, from the main thread, before
   any client is created / after the last is destroyed. Thread safety: init-only. */
CLICKUP_API clickup_result clickup_global_init(void);
CLICKUP_API void clickup_global_cleanup(void);

/* Why cfg cannot be used: CLICKUP_OK, or CLICKUP_ERR_CONFIG with the reason in msg (never the
   token's value). clickup_client_create runs the same checks. Pure. */
CLICKUP_API clickup_result clickup_config_check(const clickup_config *cfg, char *msg, size_t msg_size);

/* Create a client. Checks the configuration (a token with CR, LF, NUL, space or other
   control characters, a non-HTTPS base URL, negative limits) before anything is sent.
   No request is made here: the workspace id, when not configured, is discovered on first use.
   Returns: CLICKUP_OK, CLICKUP_ERR_CONFIG (clickup_config_check says why; for a limiter_url
   file that cannot be used, clickup_limiter_open_file says why), CLICKUP_ERR_NOMEM.
   Ownership: *out is yours; release it with clickup_client_destroy. */
CLICKUP_API clickup_result clickup_client_create(const clickup_config *cfg, clickup_client **out);
/* Wipe the token, free everything. NULL is fine. */
CLICKUP_API void clickup_client_destroy(clickup_client *client);

/* Details of the last failed call on this client. */
typedef struct clickup_error {
    clickup_result code;
    int      http_status;           /* 0 when no response arrived                         */
    char     ecode[32];             /* ClickUp's ECODE, e.g. "OAUTH_025"; "" when none    */
    char     message[256];          /* readable summary; never the token or a header      */
    char     api_message[256];      /* ClickUp's "err" / "error" text, when sent          */
    char     method[8];
    char     path[192];             /* path without the query, e.g. "/task/86abc"         */
    int      attempts;              /* requests sent for this call                        */
    uint64_t waited_ms;             /* time spent in backoff and rate-limit waits         */
    int      curl_code;             /* CURLcode as int, 0 when none                       */
    char     curl_error[256];
    size_t   json_offset;           /* for CLICKUP_ERR_BAD_RESPONSE from invalid JSON     */
    uint64_t retry_in_ms;           /* with CLICKUP_ERR_RATE_LIMITED: ms until a request may
                                       go (limiter, Reset or Retry-After); 0 when unknown */
} clickup_error;

/* Never NULL. Owned by the client; overwritten by the next call on it. Meaningful right after
   a call that failed. */
CLICKUP_API const clickup_error *clickup_last_error(const clickup_client *client);

/* The workspace id in use: configured, or discovered (may send GET /team once).
   Returns CLICKUP_ERR_CONFIG when the token sees several workspaces and none is configured
   (the message lists them). *out points into the client. */
CLICKUP_API clickup_result clickup_client_team_id(clickup_client *client, const char **out);

/* A shared rate limiter. Create one per token and pass it as config.limiter to every client
   that uses that token, on any thread. Destroy it after those clients.
   Parameters: rate_limit and window_ms as in clickup_config (0 = defaults).

   How it counts. It admits at most `limit` requests in any window of window_ms (a spent slot
   comes back one window after it was spent), and mirrors the server: X-RateLimit-Limit sets the
   limit in force (never above a rate_limit you configured: that is a ceiling, so one token's
   budget can be split between programs), X-RateLimit-Remaining the requests left, and at 0
   nothing is sent until the server's reset. A 429, or a 5xx with Retry-After, holds back every
   client of the limiter until the Reset or the Retry-After has passed.
   Clocks. The limiter works on a monotonic clock (its own hooks.now_ms when created with
   clickup_limiter_create_ex, else the calling client's). X-RateLimit-Reset is wall time (Unix
   seconds, or milliseconds when above 10^12): it is compared with the wall clock (hooks.wall_ms)
   once, when the answer arrives, and becomes a monotonic deadline = now + (Reset - wall now),
   clamped to [0, window + 5 s], plus a margin of window/60 clamped to [50 ms, 1 s] (1 s for
   ClickUp's one-minute window), because Reset has whole-second resolution. */
CLICKUP_API clickup_result clickup_limiter_create(int rate_limit, int window_ms,
                                                  const clickup_allocator *alloc,
                                                  clickup_limiter **out);
CLICKUP_API void clickup_limiter_destroy(clickup_limiter *limiter);

/* Everything clickup_limiter_create takes, and the limiter's own clock. Zeroed = defaults. */
typedef struct clickup_limiter_config {
    int rate_limit;                 /* 0 = 100 until the server says otherwise; > 0 = ceiling */
    int window_ms;                  /* 0 = 60000                                             */
    const clickup_allocator *allocator;  /* NULL = CLICKUP_MALLOC & co                       */
    clickup_hooks hooks;            /* now_ms, wall_ms: the limiter's clock (tests inject one);
                                       NULL members: the clock of the client that calls it  */
} clickup_limiter_config;

/* clickup_limiter_create with every option. Returns CLICKUP_OK, CLICKUP_ERR_INVALID_ARG (NULL,
   negative values, rate_limit above 100000), CLICKUP_ERR_NOMEM. Release with
   clickup_limiter_destroy. */
CLICKUP_API clickup_result clickup_limiter_create_ex(const clickup_limiter_config *cfg,
                                                     clickup_limiter **out);

/* The limiter's view, for monitoring. */
typedef struct clickup_rate_state {
    int      limit;                 /* requests per window in force (learned from headers,
                                       never above a configured ceiling)                    */
    int      window_ms;
    int      available;             /* requests that may go now without waiting               */
    int      server_remaining;      /* what the server has left in its window, as the limiter
                                       reckons it (X-RateLimit-Remaining less the requests it
                                       may not have counted yet); -1 when unknown           */
    uint64_t reset_in_ms;           /* until the limiter's deadline for the server's reset,
                                       margin included (0 when unknown or passed)           */
    uint64_t next_free_in_ms;       /* until the next request may go                          */
} clickup_rate_state;

/* A limiter of your own, as a versioned table of methods (the sqlite3_vfs way): a rate budget
   kept in a file shared by processes, or in Redis shared by hosts, written against this table
   alone. Every client that has it as config.limiter calls it, from any thread: the methods
   must be thread-safe.
   Clocks: now_ms is the calling client's monotonic clock (hooks.now_ms), wall_ms its wall
   clock in Unix ms (hooks.wall_ms). X-RateLimit-Reset is the server's wall time (Unix seconds,
   or ms above 10^12): compare it with wall_ms, or with a clock shared by every party (Redis
   TIME), never with now_ms. The built-in limiter maps it as clickup_limiter_create describes. */
#define CLICKUP_LIMITER_METHODS_VERSION 1
typedef struct clickup_rate_observation {
    uint64_t    now_ms;             /* monotonic ms of the calling client, when it ended    */
    int64_t     wall_ms;            /* Unix ms of the calling client                         */
    int         status;             /* HTTP status; 0 when the exchange ended without one    */
    const char *limit, *remaining;  /* X-RateLimit-Limit, -Remaining as received; NULL when
                                       absent (or when no answer came)                      */
    const char *reset;              /* X-RateLimit-Reset                                     */
    const char *retry_after;        /* Retry-After (seconds or an HTTP date)                 */
} clickup_rate_observation;

typedef struct clickup_limiter_methods {
    int version;                    /* CLICKUP_LIMITER_METHODS_VERSION (1). A later version
                                       will be a larger table that starts with this one, so
                                       a version-1 table keeps compiling and working       */
    /* May a request go now? CLICKUP_OK with *wait_ms = 0 takes a slot (the request is then
       sent, and observe() follows); *wait_ms > 0 asks the caller to come back that much later.
       Any error refuses the request (the call fails with that code, e.g. a shared backend that
       cannot be reached, in a fail-closed policy). */
    clickup_result (*acquire)(void *self, uint64_t now_ms, uint64_t *wait_ms);
    /* Every exchange that took a slot ends here exactly once, with the server's headers. */
    void (*observe)(void *self, const clickup_rate_observation *obs);
    /* For clickup_rate_get and the metrics. window_ms must be set (it bounds the waits a Reset
       or Retry-After may ask for). */
    void (*state)(void *self, uint64_t now_ms, clickup_rate_state *out);
    void (*destroy)(void *self);    /* optional: clickup_limiter_destroy calls it            */
} clickup_limiter_methods;

/* Wrap your methods as a clickup_limiter for config.limiter. The table is copied; self is
   yours and must outlive the limiter. Returns CLICKUP_OK, CLICKUP_ERR_INVALID_ARG (a NULL
   method, version < 1), CLICKUP_ERR_NOMEM. Release with clickup_limiter_destroy. */
CLICKUP_API clickup_result clickup_limiter_create_custom(const clickup_limiter_methods *methods, void *self,
                                                         const clickup_allocator *alloc,
                                                         clickup_limiter **out);

/* A limiter shared by every process of this host that opens the same file (one file per token):
   Team Central, the Operator and the Worker on one machine then stay within one budget. The
   state is a fixed record in the file, created with mode 0600 when missing; a file of the wrong
   size, magic, version or owner, readable by others, or made for another rate_limit/window_ms,
   is refused (CLICKUP_ERR_CONFIG, and msg says why). The lock is flock(), which the kernel drops
   when a process dies, however it dies: a process killed at any instant never wedges the others
   nor lets the group send more than the limit in a window. Time is CLOCK_MONOTONIC, shared by
   the processes of a host; the file records the boot it was written in, and starts afresh after
   a reboot. cfg (optional): rate_limit (0 = follow the server, up to 10000), window_ms,
   allocator, hooks (a clock for tests: then every process must use the same one).
   Open it in each process (after fork, not before: a forked child shares its parent's lock).
   It is thread-safe; use it as config.limiter, or set config.limiter_url = "file:PATH".
   Release with clickup_limiter_destroy (the file stays). */
CLICKUP_API clickup_result clickup_limiter_open_file(const char *path, const clickup_limiter_config *cfg,
                                                     clickup_limiter **out, char *msg, size_t msg_size);
CLICKUP_API clickup_result clickup_rate_get(clickup_client *client, clickup_rate_state *out);

/* Metrics of one client since creation. */
#define CLICKUP_METRIC_ENDPOINTS 138  /* one per ClickUp operation (137), and one for others */
typedef struct clickup_endpoint_metrics {
    const char *endpoint;           /* route template, e.g. "GET /task/{id}"                 */
    uint64_t    requests, errors;
    double      p50_ms, p95_ms, p99_ms;  /* over the last 256 requests                      */
} clickup_endpoint_metrics;

typedef struct clickup_metrics {
    uint64_t calls;                 /* requests asked of the engine (each page counts)       */
    uint64_t requests;              /* HTTP requests sent (retries included)                 */
    uint64_t retries;
    uint64_t responses_429;
    uint64_t errors_network, errors_timeout, errors_auth, errors_client, errors_server,
             errors_bad_response, errors_other;
    uint64_t limiter_wait_ms;
    uint64_t cache_hits, cache_misses, cache_evictions, cache_entries, cache_bytes;
    double   cache_hit_rate;        /* hits / (hits + misses), 0 when none                   */
    int      bucket_available;      /* = clickup_rate_state.available                         */
    size_t   endpoint_count;
    clickup_endpoint_metrics endpoints[CLICKUP_METRIC_ENDPOINTS];
} clickup_metrics;
CLICKUP_API void clickup_metrics_get(const clickup_client *client, clickup_metrics *out);

/* Drop every cached response of this client (all of a shared cache's, see below). */
CLICKUP_API void clickup_cache_clear(clickup_client *client);

/* A response cache of your own, as a versioned table of methods (like the limiter's): a cache
   shared by processes or hosts (the Redis companion, examples/clickup_redis.h, makes one).
   Give it as config.cache to every client that should share it; its methods are called from
   any thread and must be thread-safe.
   Keys are "GET /path?query", the same for every token: a cache shared by clients of several
   tokens must keep them apart itself (the companion puts a hash of the token in its keys).
   Every entry has a class; a write drops classes (and, for task pages, maybe only one list's):
     CLICKUP_CACHE_CLASS_TEAM       workspaces, members, spaces
     CLICKUP_CACHE_CLASS_HIERARCHY  folders, lists
     CLICKUP_CACHE_CLASS_TASKS      task pages: "GET /list/{id}/task?..." and "GET /team/{id}/task?..."
     CLICKUP_CACHE_CLASS_OTHER      raw GETs cached at the caller's request (every write drops them) */
#define CLICKUP_CACHE_METHODS_VERSION 1
#define CLICKUP_CACHE_CLASS_TEAM      1
#define CLICKUP_CACHE_CLASS_HIERARCHY 2
#define CLICKUP_CACHE_CLASS_TASKS     3
#define CLICKUP_CACHE_CLASS_OTHER     4
typedef struct clickup_cache_methods {
    int version;                    /* CLICKUP_CACHE_METHODS_VERSION                          */
    /* A fresh entry for key: hand its body to take(sink, bytes, len) once and return 1; else
       return 0 (a corrupt or foreign entry is a miss). now_ms: the client's monotonic clock. */
    int  (*get)(void *self, const char *key, size_t key_len, uint64_t now_ms, void *sink,
                int (*take)(void *sink, const char *bytes, size_t len));
    /* Keep body under key for ttl_ms. Failing to keep it is fine (a later miss). */
    void (*put)(void *self, const char *key, size_t key_len, const char *body, size_t body_len,
                uint64_t now_ms, uint64_t ttl_ms, int cls);
    /* Drop the entries of these classes (bit 1 << class). With CLICKUP_CACHE_CLASS_TASKS and
       list_id not NULL, of the task pages drop only "GET /list/{list_id}/task..." ones and
       every "GET /team/..." query. */
    void (*invalidate)(void *self, unsigned classes, const char *list_id);
    void (*clear)(void *self);
    void (*destroy)(void *self);    /* optional: clickup_cache_destroy calls it               */
} clickup_cache_methods;

/* Wrap your methods as a clickup_cache for config.cache. Returns CLICKUP_OK,
   CLICKUP_ERR_INVALID_ARG (a NULL method, version < 1), CLICKUP_ERR_NOMEM. Destroy it after the
   clients that use it. */
CLICKUP_API clickup_result clickup_cache_create_custom(const clickup_cache_methods *methods, void *self,
                                                       const clickup_allocator *alloc, clickup_cache **out);
CLICKUP_API void clickup_cache_destroy(clickup_cache *cache);

/* Flags for the `flags` member of per-call options. */
#define CLICKUP_NO_CACHE   1u /* neither read nor fill the cache for this call               */
#define CLICKUP_RETRY_SAFE 2u /* clickup_call: this POST is idempotent; it may be sent again  */
#define CLICKUP_CACHE      4u /* clickup_call: cache this GET (see clickup_request)           */

/* =============================================================================================
   Shared small types
   ============================================================================================= */
/* An optional integer: ClickUp distinguishes "absent" (or null) from 0. */
typedef struct clickup_i64 {
    int64_t value;
    int     present;
} clickup_i64;

/* A reference to a list, folder or space inside a task. */
typedef struct clickup_ref {
    const char *id;                 /* "" when absent                                        */
    const char *name;               /* "" when absent                                        */
} clickup_ref;

typedef struct clickup_user {
    int64_t     id;
    const char *username, *email, *color, *initials, *profile_picture; /* "" when absent */
    int         role;               /* 1 owner, 2 admin, 3 member, 4 guest; 0 unknown         */
    const clickup_json *raw;
} clickup_user;

typedef struct clickup_status {
    const char *id, *status, *color, *type;  /* type: "open", "custom", "closed", "done"   */
    clickup_i64 orderindex;
    const clickup_json *raw;
} clickup_status;

/* =============================================================================================
   [api:team] Workspaces, members, spaces
   ============================================================================================= */
typedef struct clickup_team {
    const char   *id, *name, *color;
    clickup_user *members;
    size_t        member_count;
    const clickup_json *raw;
} clickup_team;

typedef struct clickup_teams {
    clickup_team *items;
    size_t        count;
    const clickup_json *raw;
} clickup_teams;

/* Workspaces the token can see. GET /team.
   Returns: CLICKUP_OK, CLICKUP_ERR_AUTH; others: see clickup_last_error.
   Ownership: release *out with clickup_teams_free. Cache: read (spaces TTL). */
CLICKUP_API clickup_result clickup_teams_get(clickup_client *client, clickup_teams **out);
CLICKUP_API void clickup_teams_free(clickup_teams *teams);

typedef struct clickup_members {
    clickup_user *items;
    size_t        count;
    const clickup_json *raw;        /* the team object                                       */
} clickup_members;

/* Members of the configured workspace. GET /team, then teams[id == team].members[].user
   (ClickUp has no /team/{id}/member route).
   Returns: CLICKUP_OK, CLICKUP_ERR_AUTH, CLICKUP_ERR_NOT_FOUND (token does not see the team).
   Ownership: release *out with clickup_members_free. Cache: read (spaces TTL). */
CLICKUP_API clickup_result clickup_members_get(clickup_client *client, clickup_members **out);
CLICKUP_API void clickup_members_free(clickup_members *members);

typedef struct clickup_space_features {
    int due_dates, time_tracking, tags, time_estimates, checklists, custom_fields; /* 1/0 */
    const clickup_json *raw;        /* the whole "features" object: more keys live there     */
} clickup_space_features;

typedef struct clickup_space {
    const char *id, *name, *color;
    int         is_private, multiple_assignees, archived;
    clickup_status *statuses;
    size_t          status_count;
    clickup_space_features features;
    const clickup_json *raw;
} clickup_space;

typedef struct clickup_spaces {
    clickup_space *items;
    size_t         count;
    const clickup_json *raw;
} clickup_spaces;

typedef struct clickup_spaces_opts {
    int      archived;              /* 1 = archived spaces (sends archived=true)             */
    unsigned flags;                 /* CLICKUP_NO_CACHE                                      */
} clickup_spaces_opts;

/* Spaces of the workspace. GET /team/{team_id}/space?archived=...
   Parameters: opts (in, optional). Returns: CLICKUP_OK, CLICKUP_ERR_AUTH, CLICKUP_ERR_NO_ACCESS.
   Ownership: release *out with clickup_spaces_free. Cache: read (1 hour by default). */
CLICKUP_API clickup_result clickup_spaces_get(clickup_client *client, const clickup_spaces_opts *opts,
                                              clickup_spaces **out);
CLICKUP_API void clickup_spaces_free(clickup_spaces *spaces);

/* =============================================================================================
   [api:hierarchy] Folders and lists
   ============================================================================================= */
typedef struct clickup_list {
    const char *id, *name, *content;
    clickup_i64 orderindex, task_count, due_date, start_date;
    const char *status_label, *status_color;    /* list colour label; "" when none         */
    const char *priority_label;                 /* list priority label; "" when none       */
    clickup_ref folder, space;
    int         archived, override_statuses;
    clickup_status *statuses;                   /* only from clickup_list_get              */
    size_t          status_count;
    const clickup_json *raw;
} clickup_list;

typedef struct clickup_lists {
    clickup_list *items;
    size_t        count;
    const clickup_json *raw;
} clickup_lists;

typedef struct clickup_folder {
    const char *id, *name;
    clickup_i64 orderindex, task_count;
    int         hidden, override_statuses;
    clickup_ref space;
    clickup_list *lists;
    size_t        list_count;
    const clickup_json *raw;
} clickup_folder;

typedef struct clickup_folders {
    clickup_folder *items;
    size_t          count;
    const clickup_json *raw;
} clickup_folders;

typedef struct clickup_hierarchy_opts {
    int      archived;
    unsigned flags;
} clickup_hierarchy_opts;

/* Folders of a space. GET /space/{space_id}/folder?archived=...
   Returns: CLICKUP_OK, CLICKUP_ERR_INVALID_ARG (bad id), CLICKUP_ERR_NO_ACCESS.
   Ownership: release *out with clickup_folders_free. Cache: read (hierarchy TTL). */
CLICKUP_API clickup_result clickup_folders_get(clickup_client *client, const char *space_id,
                                               const clickup_hierarchy_opts *opts,
                                               clickup_folders **out);
CLICKUP_API void clickup_folders_free(clickup_folders *folders);

/* Lists of a folder (GET /folder/{folder_id}/list) when folder_id is set, else the folderless
   lists of a space (GET /space/{space_id}/list). Exactly one of the two ids must be given.
   Ownership: release *out with clickup_lists_free. Cache: read (hierarchy TTL). */
CLICKUP_API clickup_result clickup_lists_get(clickup_client *client, const char *folder_id,
                                             const char *space_id,
                                             const clickup_hierarchy_opts *opts,
                                             clickup_lists **out);
CLICKUP_API void clickup_lists_free(clickup_lists *lists);

/* One list with its statuses. GET /list/{list_id}.
   Ownership: release *out with clickup_list_free. Cache: read (hierarchy TTL). */
CLICKUP_API clickup_result clickup_list_get(clickup_client *client, const char *list_id,
                                            clickup_list **out);
CLICKUP_API void clickup_list_free(clickup_list *list);

/* A space's folders (with their lists) and its folderless lists. */
typedef struct clickup_space_tree {
    clickup_folder *folders;    size_t folder_count;
    clickup_list   *lists;      size_t list_count;     /* folderless lists                   */
    const clickup_json *raw_folders, *raw_lists;
} clickup_space_tree;

/* Both reads of a space at once: GET /space/{space_id}/folder and GET /space/{space_id}/list,
   in flight together. Returns: CLICKUP_OK, CLICKUP_ERR_INVALID_ARG (bad id), or the first
   failure. Ownership: release *out with clickup_space_tree_free. Cache: read (hierarchy TTL). */
CLICKUP_API clickup_result clickup_space_tree_get(clickup_client *client, const char *space_id,
                                                  const clickup_hierarchy_opts *opts,
                                                  clickup_space_tree **out);
CLICKUP_API void clickup_space_tree_free(clickup_space_tree *tree);

/* =============================================================================================
   [api:task] Tasks
   ============================================================================================= */
typedef struct clickup_tag {
    const char *name, *tag_fg, *tag_bg;
    int64_t     creator;
} clickup_tag;

typedef struct clickup_priority {
    const char *id, *priority, *color, *orderindex;   /* priority: "urgent" ... "low"      */
} clickup_priority;

typedef struct clickup_checklist_item {
    const char *id, *name, *parent;
    int         resolved;
    clickup_i64 orderindex;
    const clickup_json *raw;
} clickup_checklist_item;

typedef struct clickup_checklist {
    const char *id, *name;
    clickup_i64 orderindex;
    clickup_checklist_item *items;
    size_t                  item_count;
    const clickup_json *raw;
} clickup_checklist;

typedef struct clickup_custom_field {
    const char *id, *name, *type;
    const clickup_json *value;      /* NULL when the field has no value (key absent)          */
    const clickup_json *raw;
} clickup_custom_field;

typedef struct clickup_task clickup_task;
struct clickup_task {
    const char *id;
    const char *custom_id;              /* NULL when none                                    */
    const char *name, *text_content, *description;
    const char *markdown_description;   /* NULL unless asked for (include_markdown)          */
    const char *orderindex;             /* kept as text: "1.00000000000000000000000000000000" */
    const char *url, *team_id;
    const char *parent, *top_level_parent; /* NULL when none                                 */
    clickup_status status;
    clickup_i64 date_created, date_updated, date_closed, date_done;
    clickup_i64 due_date, start_date;   /* Unix ms; present == 0 when absent or null         */
    clickup_i64 time_estimate, time_spent; /* ms; ClickUp sends numbers or strings           */
    int         archived;
    clickup_user creator;
    clickup_user *assignees;   size_t assignee_count;
    clickup_user *watchers;    size_t watcher_count;
    clickup_tag  *tags;        size_t tag_count;
    clickup_checklist *checklists; size_t checklist_count;
    const clickup_priority *priority;   /* NULL when the task has none                       */
    clickup_custom_field *custom_fields; size_t custom_field_count;
    clickup_ref list, folder, space;
    clickup_task *subtasks;    size_t subtask_count;  /* with include_subtasks only          */
    const clickup_json *raw;
};

/* Tri-state for options: leave the server default, or force yes / no. */
typedef enum clickup_tristate { CLICKUP_DEFAULT = 0, CLICKUP_YES = 1, CLICKUP_NO = 2 } clickup_tristate;

typedef struct clickup_task_get_opts {
    int include_subtasks;           /* include_subtasks=true                                 */
    int include_markdown;           /* include_markdown_description=true                     */
    clickup_tristate custom_id;     /* DEFAULT: custom when the id looks like PREFIX-123     */
    const char *team_id;            /* for custom ids; NULL = the reference's or client's    */
    unsigned flags;
} clickup_task_get_opts;

/* One task. GET /task/{task_id}. task_ref may be an id or anything clickup_task_ref_parse
   accepts (a URL, "#id", "CU-id"). Custom ids add custom_task_ids=true&team_id=...
   Returns: CLICKUP_OK, CLICKUP_ERR_INVALID_ARG, CLICKUP_ERR_NOT_FOUND, CLICKUP_ERR_NO_ACCESS
   (ClickUp answers 401 OAUTH_023 for ids it does not know).
   Ownership: release *out with clickup_task_free. Cache: never cached (always fresh). */
CLICKUP_API clickup_result clickup_task_get(clickup_client *client, const char *task_ref,
                                            const clickup_task_get_opts *opts, clickup_task **out);
CLICKUP_API void clickup_task_free(clickup_task *task);

typedef struct clickup_task_query {
    const char *list_id;            /* GET /list/{list_id}/task                             */
    const char *space_id;           /* or GET /team/{team_id}/task?space_ids[]=...           */
    const char *const *statuses;  size_t status_count;
    const int64_t     *assignees; size_t assignee_count;
    const char *const *tags;      size_t tag_count;
    int include_closed;             /* ClickUp leaves closed tasks out unless this is set       */
    int subtasks;                   /* ... and subtasks                                       */
    int reverse, include_markdown;
    int archived;                   /* list tasks only                                       */
    const char *order_by;           /* "id", "created", "updated", "due_date"; NULL = server */
    clickup_i64 due_date_gt, due_date_lt, date_updated_gt, date_updated_lt;
    int max_pages;                  /* 0 = 100; more pages than this sets `truncated`        */
    unsigned flags;
    const char *view_id;            /* or GET /view/{view_id}/task: a view's tasks (no
                                       filters here: the view has its own)                  */
} clickup_task_query;

typedef struct clickup_tasks {
    clickup_task *items;
    size_t        count;
    size_t        pages;            /* pages fetched                                         */
    int           truncated;        /* 1 when max_pages stopped the walk early               */
    size_t        page_index;       /* in a foreach callback: this page's number (0-based)   */
} clickup_tasks;

/* Every task of a list or a space, all pages (page 0, 1, ... until last_page, or an empty
   or short page when last_page is absent), up to max_pages. GET /list/{list_id}/task, or
   GET /team/{team_Id}/task with space_ids[] for a space.
   Returns: CLICKUP_OK (check truncated), CLICKUP_ERR_INVALID_ARG, ...
   Ownership: release *out with clickup_tasks_free. Cache: read per page (tasks TTL). */
CLICKUP_API clickup_result clickup_tasks_get(clickup_client *client, const clickup_task_query *q,
                                             clickup_tasks **out);
CLICKUP_API void clickup_tasks_free(clickup_tasks *tasks);

/* The same walk, one page at a time: fn sees each page (borrowed, freed after fn returns),
   so memory holds one page. Return non-zero from fn to stop early (then CLICKUP_OK).
   stats (out, optional) gets the totals: count, pages, truncated (items is NULL). */
typedef int (*clickup_tasks_page_fn)(void *user, const clickup_tasks *page);
CLICKUP_API clickup_result clickup_tasks_foreach(clickup_client *client, const clickup_task_query *q,
                                                 clickup_tasks_page_fn fn, void *user,
                                                 clickup_tasks *stats);

/* The tasks of several lists, fetched concurrently: each list's pages in turn (a page says
   whether another follows), up to `concurrency` lists at once (0 = 8), each request admitted
   by the limiter. q (optional) gives the filters and max_pages (per list); its list_id and
   space_id must be NULL. Every list id is checked before anything is sent.
   Returns as clickup_tasks_get; the tasks come list by list, in the order of list_ids, page
   by page. The first failure ends the call (the requests still in flight are abandoned).
   Ownership: release *out with clickup_tasks_free. Cache: read per page (tasks TTL). */
CLICKUP_API clickup_result clickup_tasks_get_lists(clickup_client *client, const char *const *list_ids,
                                                   size_t list_count, const clickup_task_query *q,
                                                   int concurrency, clickup_tasks **out);
/* The same, page by page: fn sees the pages one at a time, in list order and page order, while
   later lists are already being fetched. A list whose page waits for its turn asks for no more,
   so memory holds at most `concurrency` + 1 pages. Return non-zero from fn to stop (then
   CLICKUP_OK). stats (optional): count, pages, truncated. */
CLICKUP_API clickup_result clickup_tasks_foreach_lists(clickup_client *client, const char *const *list_ids,
                                                       size_t list_count, const clickup_task_query *q,
                                                       int concurrency, clickup_tasks_page_fn fn, void *user,
                                                       clickup_tasks *stats);

/* A custom field value for create. */
typedef enum clickup_value_type {
    CLICKUP_VALUE_NULL = 0, CLICKUP_VALUE_STRING, CLICKUP_VALUE_INT, CLICKUP_VALUE_NUMBER,
    CLICKUP_VALUE_BOOL, CLICKUP_VALUE_JSON
} clickup_value_type;

typedef struct clickup_field_value {
    const char        *id;          /* the field's UUID                                       */
    clickup_value_type type;
    const char        *str;         /* STRING, or JSON text for VALUE_JSON                    */
    int64_t            i;           /* INT                                                    */
    double             num;         /* NUMBER                                                 */
    int                b;           /* BOOL                                                   */
} clickup_field_value;

typedef struct clickup_task_new {
    const char *name;               /* required, not empty                                   */
    const char *description;        /* plain text                                            */
    const char *markdown;           /* sent as markdown_content                              */
    const int64_t *assignees;  size_t assignee_count;
    const char *const *tags;   size_t tag_count;
    const char *status;
    int         priority;           /* 0 = none, 1 urgent ... 4 low                          */
    clickup_i64 due_date;   int due_date_time;
    clickup_i64 start_date; int start_date_time;
    clickup_i64 time_estimate;
    const char *parent;             /* native task id of the parent (subtask)                */
    int         notify_all;
    const clickup_field_value *custom_fields; size_t custom_field_count;
} clickup_task_new;

/* Create a task. POST /list/{list_id}/task.
   Refused locally (CLICKUP_ERR_INVALID_ARG, nothing sent): empty name, priority outside 0-4,
   a bad list id or custom field id, invalid VALUE_JSON text.
   Never retried after the request may have reached ClickUp: then CLICKUP_ERR_OUTCOME_UNKNOWN,
   and you should look before creating again.
   Ownership: release *out with clickup_task_free. Cache: invalidates this list's task pages
   and workspace task queries. */
CLICKUP_API clickup_result clickup_task_create(clickup_client *client, const char *list_id,
                                               const clickup_task_new *task, clickup_task **out);

#define CLICKUP_PRIORITY_CLEAR (-1)
typedef struct clickup_task_changes {
    const char *name, *description, *markdown, *status;  /* NULL = unchanged                 */
    int         priority;           /* 0 unchanged, 1-4 set, CLICKUP_PRIORITY_CLEAR          */
    clickup_i64 due_date;   int clear_due_date;   int due_date_time;
    clickup_i64 start_date; int clear_start_date; int start_date_time;
    clickup_i64 time_estimate;
    clickup_tristate archived;
    const int64_t *add_assignees; size_t add_assignee_count;
    const int64_t *rem_assignees; size_t rem_assignee_count;
    clickup_tristate custom_id;     /* as in clickup_task_get_opts                           */
} clickup_task_changes;

/* Update a task. PUT /task/{task_id}; only fields you set are sent. Assignees go as
   {"add": [...], "rem": [...]}. Tags and custom fields use the calls below.
   Retried on network failures and 5xx (PUT is idempotent).
   Returns: CLICKUP_OK, CLICKUP_ERR_INVALID_ARG (nothing to change, bad values),
   CLICKUP_ERR_VALIDATION, CLICKUP_ERR_NOT_FOUND.
   Ownership: *out (optional, may be NULL) gets the updated task; release with
   clickup_task_free. Cache: invalidates the task's list pages (the list the answer names;
   every list's when no answer could be read) and workspace task queries; folders and lists
   too when it archives. */
CLICKUP_API clickup_result clickup_task_update(clickup_client *client, const char *task_ref,
                                               const clickup_task_changes *changes,
                                               clickup_task **out);

/* Add a tag. POST /task/{task_id}/tag/{tag_name}. Idempotent, so retried like a PUT.
   Cache: invalidates task pages. */
CLICKUP_API clickup_result clickup_task_tag_add(clickup_client *client, const char *task_ref,
                                                const char *tag);
/* Remove a tag. DELETE /task/{task_id}/tag/{tag_name}. Cache: invalidates task pages. */
CLICKUP_API clickup_result clickup_task_tag_remove(clickup_client *client, const char *task_ref,
                                                   const char *tag);
/* Set a custom field value. POST /task/{task_id}/field/{field_id}, body {"value": ...}.
   value->id is ignored (field_id is used). Idempotent, so retried like a PUT. Cache:
   invalidates task pages. */
CLICKUP_API clickup_result clickup_task_field_set(clickup_client *client, const char *task_ref,
                                                  const char *field_id,
                                                  const clickup_field_value *value);
/* Remove a custom field value. DELETE /task/{task_id}/field/{field_id}. Cache: invalidates
   task pages. */
CLICKUP_API clickup_result clickup_task_field_remove(clickup_client *client, const char *task_ref,
                                                     const char *field_id);

/* A file for a task. Exactly one of path (a file, streamed from disk, never loaded whole) and
   data (a buffer of size bytes, read in place: it must outlive the call, and is not copied). */
typedef struct clickup_attachment_new {
    const char *path;
    const void *data;
    size_t      size;
    const char *filename;           /* the name ClickUp shows; NULL = the file's own name
                                       (required with data)                                  */
    const char *content_type;       /* NULL = libcurl's guess from the name                  */
} clickup_attachment_new;

typedef struct clickup_attachment {
    const char *id, *title, *extension, *url;
    const char *thumbnail_small, *thumbnail_large;   /* "" when none                         */
    clickup_i64 date;
    const clickup_json *raw;
} clickup_attachment;

/* Upload a file to a task. POST /task/{task_id}/attachment as multipart/form-data (field
   "attachment"), through libcurl's mime API: memory stays small whatever the file's size (the
   bench uploads 100 MB). config.timeout_ms bounds the whole upload: raise it for large files.
   Refused locally (nothing sent): no file or both, a path that cannot be read, data without a
   filename, a custom transport (config.transport cannot carry a stream).
   Never resent after it may have reached ClickUp (CLICKUP_ERR_OUTCOME_UNKNOWN): look before
   uploading again. Ownership: release *out (optional) with clickup_attachment_free. Cache:
   invalidates task pages. */
CLICKUP_API clickup_result clickup_task_attachment_create(clickup_client *client, const char *task_ref,
                                                          const clickup_attachment_new *file,
                                                          clickup_attachment **out);
CLICKUP_API void clickup_attachment_free(clickup_attachment *attachment);

/* A task reference as users paste it. */
typedef struct clickup_task_ref {
    char        id[96];             /* the task id, native or custom                          */
    char        team_id[32];        /* from https://app.clickup.com/t/{team}/{id}; "" if none */
    int         is_custom;          /* 1 for PREFIX-NUMBER ids                                */
    const char *error;              /* why parsing failed (static text), else NULL            */
} clickup_task_ref;

/* Parse "https://app.clickup.com/t/{id}", ".../t/{team_id}/{CUSTOM-ID}", a bare id, "#id",
   "CU-id", with surrounding white space. Returns CLICKUP_OK or CLICKUP_ERR_INVALID_ARG
   (out->error says why). Pure; no allocation. */
CLICKUP_API clickup_result clickup_task_ref_parse(const char *text, clickup_task_ref *out);

/* ---- [api:hierarchy], continued: it needs the task types above ------------------------------- */
/* ---- the hierarchy: one of each, and writes -------------------------------------------------
   Writes are never resent when they create (POST: CLICKUP_ERR_OUTCOME_UNKNOWN, look before
   creating again); updates and deletes are retried like any PUT or DELETE. Every write to the
   hierarchy drops everything cached (what a space holds shows in many places). */
/* One space. GET /space/{space_id}. Ownership: release *out with clickup_space_free.
   Cache: read (spaces TTL). */
CLICKUP_API clickup_result clickup_space_get(clickup_client *client, const char *space_id, clickup_space **out);
CLICKUP_API void clickup_space_free(clickup_space *space);

typedef struct clickup_space_new {
    const char      *name;          /* required, not empty                                   */
    clickup_tristate multiple_assignees;
    const char      *features_json; /* ClickUp's "features" object as JSON text; NULL = its
                                       defaults                                              */
} clickup_space_new;
/* Create a space in the workspace. POST /team/{team_id}/space. Refused locally: an empty name,
   invalid features JSON. Ownership: release *out (optional) with clickup_space_free. */
CLICKUP_API clickup_result clickup_space_create(clickup_client *client, const clickup_space_new *space,
                                                clickup_space **out);

typedef struct clickup_space_changes {
    const char      *name, *color;  /* NULL = unchanged                                      */
    clickup_tristate is_private, multiple_assignees, admin_can_manage;
    const char      *features_json;
} clickup_space_changes;
/* Change a space. PUT /space/{space_id}; only what is set is sent. */
CLICKUP_API clickup_result clickup_space_update(clickup_client *client, const char *space_id,
                                                const clickup_space_changes *changes, clickup_space **out);
/* Delete a space and everything in it. DELETE /space/{space_id}. */
CLICKUP_API clickup_result clickup_space_delete(clickup_client *client, const char *space_id);

/* One folder with its lists. GET /folder/{folder_id}. Release *out with clickup_folder_free.
   Cache: read (hierarchy TTL). */
CLICKUP_API clickup_result clickup_folder_get(clickup_client *client, const char *folder_id, clickup_folder **out);
CLICKUP_API void clickup_folder_free(clickup_folder *folder);
/* Create a folder in a space. POST /space/{space_id}/folder {"name"}. */
CLICKUP_API clickup_result clickup_folder_create(clickup_client *client, const char *space_id, const char *name,
                                                 clickup_folder **out);
/* Rename a folder. PUT /folder/{folder_id} {"name"}. */
CLICKUP_API clickup_result clickup_folder_update(clickup_client *client, const char *folder_id, const char *name,
                                                 clickup_folder **out);
/* Delete a folder and its lists. DELETE /folder/{folder_id}. */
CLICKUP_API clickup_result clickup_folder_delete(clickup_client *client, const char *folder_id);

typedef struct clickup_list_new {
    const char *name;               /* required on create; NULL = unchanged on update         */
    const char *content;            /* the description, plain text                            */
    const char *markdown;           /* ... or as markdown (markdown_content)                  */
    clickup_i64 due_date;  int due_date_time;
    int         priority;           /* 0 none / unchanged, 1 urgent ... 4 low                 */
    int64_t     assignee;           /* a user id; 0 none / unchanged                          */
    const char *status;             /* the list's colour label                                */
    int         unset_status;       /* update only: remove the colour label                   */
} clickup_list_new;
/* Create a list in a folder (POST /folder/{folder_id}/list) or, with folder_id NULL, a
   folderless list in a space (POST /space/{space_id}/list). Exactly one of the two ids.
   Refused locally: no name, priority outside 0-4. Release *out (optional) with
   clickup_list_free. */
CLICKUP_API clickup_result clickup_list_create(clickup_client *client, const char *folder_id, const char *space_id,
                                               const clickup_list_new *list, clickup_list **out);
/* Change a list. PUT /list/{list_id}; only what is set is sent. */
CLICKUP_API clickup_result clickup_list_update(clickup_client *client, const char *list_id,
                                               const clickup_list_new *changes, clickup_list **out);
/* Delete a list and its tasks. DELETE /list/{list_id}. */
CLICKUP_API clickup_result clickup_list_delete(clickup_client *client, const char *list_id);

/* ---- space tags ------------------------------------------------------------------------------ */
typedef struct clickup_space_tags {
    clickup_tag *items;
    size_t       count;
    const clickup_json *raw;
} clickup_space_tags;
/* The tags of a space. GET /space/{space_id}/tag. Release *out with clickup_space_tags_free.
   Cache: read (hierarchy TTL). */
CLICKUP_API clickup_result clickup_space_tags_get(clickup_client *client, const char *space_id,
                                                  clickup_space_tags **out);
CLICKUP_API void clickup_space_tags_free(clickup_space_tags *tags);
/* Create a tag in a space. POST /space/{space_id}/tag {"tag": {name, tag_fg, tag_bg}}: name
   required; colours "#rrggbb" (optional). Never resent after it may have reached ClickUp. */
CLICKUP_API clickup_result clickup_space_tag_create(clickup_client *client, const char *space_id, const clickup_tag *tag);
/* Rename or recolour a tag. PUT /space/{space_id}/tag/{tag_name}. */
CLICKUP_API clickup_result clickup_space_tag_edit(clickup_client *client, const char *space_id, const char *tag_name,
                                                  const clickup_tag *tag);
/* Delete a tag (from every task of the space). DELETE /space/{space_id}/tag/{tag_name}. */
CLICKUP_API clickup_result clickup_space_tag_delete(clickup_client *client, const char *space_id, const char *tag_name);

/* ---- views -------------------------------------------------------------------------------------- */
typedef struct clickup_view {
    const char *id, *name, *type;   /* type: "list", "board", "calendar", "gantt" ...         */
    const char *parent_id;          /* the workspace, space, folder or list it belongs to     */
    int         parent_type;        /* ClickUp's number: 7 workspace, 4 space, 5 folder, 6 list */
    const clickup_json *raw;
} clickup_view;
typedef struct clickup_views {
    clickup_view *items;
    size_t        count;
    const clickup_json *raw;
} clickup_views;
typedef enum clickup_views_of {
    CLICKUP_VIEWS_OF_WORKSPACE = 0, /* GET /team/{team_id}/view (id: NULL = the client's)   */
    CLICKUP_VIEWS_OF_SPACE,         /* GET /space/{space_id}/view                             */
    CLICKUP_VIEWS_OF_FOLDER,        /* GET /folder/{folder_id}/view                           */
    CLICKUP_VIEWS_OF_LIST           /* GET /list/{list_id}/view                               */
} clickup_views_of;
/* The views of a workspace, space, folder or list. Release *out with clickup_views_free. */
CLICKUP_API clickup_result clickup_views_get(clickup_client *client, clickup_views_of of, const char *id,
                                             clickup_views **out);
CLICKUP_API void clickup_views_free(clickup_views *views);
/* One view. GET /view/{view_id}. Release *out with clickup_view_free. */
CLICKUP_API clickup_result clickup_view_get(clickup_client *client, const char *view_id, clickup_view **out);
CLICKUP_API void clickup_view_free(clickup_view *view);
/* A view's tasks, every page: clickup_tasks_get with clickup_task_query.view_id set
   (GET /view/{view_id}/task). */

/* =============================================================================================
   [api:template] Task templates
   ============================================================================================= */
typedef struct clickup_template {
    const char *id, *name;
    const clickup_json *raw;
} clickup_template;

typedef struct clickup_templates {
    clickup_template *items;
    size_t            count;
    size_t            pages;
    int               truncated;
} clickup_templates;

/* Every task template of the workspace. GET /team/{team_id}/taskTemplate?page=N for
   N = 0, 1, ... until an empty or short page (ClickUp has no end marker here), at most
   100 pages. ClickUp returns only id and name.
   Ownership: release *out with clickup_templates_free. Cache: never cached. */
CLICKUP_API clickup_result clickup_templates_get(clickup_client *client, clickup_templates **out);
CLICKUP_API void clickup_templates_free(clickup_templates *templates);

typedef struct clickup_template_task {
    const char   *id;               /* the new task's id                                      */
    clickup_task *task;             /* the task when the response carries it, else NULL       */
    const clickup_json *raw;
} clickup_template_task;

/* Create a task from a template. POST /list/{list_id}/taskTemplate/{template_id} with
   {"name": ...}. Never replayed blindly (see clickup_task_create).
   Returns: CLICKUP_OK, CLICKUP_ERR_INVALID_ARG, CLICKUP_ERR_OUTCOME_UNKNOWN, ...
   Ownership: release *out with clickup_template_task_free. Cache: invalidates this list's
   task pages. */
CLICKUP_API clickup_result clickup_task_from_template(clickup_client *client, const char *list_id,
                                                      const char *template_id, const char *name,
                                                      clickup_template_task **out);
CLICKUP_API void clickup_template_task_free(clickup_template_task *t);

/* =============================================================================================
   [api:collab] Comments, checklists, relationships, users
   Task-scoped calls take a task reference as clickup_task_get does (an id, a URL, "#id",
   "CU-id", or a custom id such as DEV-42, for which custom_task_ids=true&team_id=... is added:
   the team of the URL, else the client's). Where ClickUp takes no custom id (adding a task to
   a further list) a custom id is refused before anything is sent. Every id that goes into a
   path (comment, checklist, item, list, view) must be 1-64 of [A-Za-z0-9_-]. Texts are sent
   as given; they never appear in an error message or a log line.
   Conventions of the docs below. "Refused locally": CLICKUP_ERR_INVALID_ARG, the reason in
   clickup_last_error, nothing sent. Besides the errors named, any call may end as the engine
   ends calls: CLICKUP_ERR_NOT_FOUND (an id ClickUp does not know), CLICKUP_ERR_NO_ACCESS
   (ClickUp's 401 OAUTH_023 for ids it cannot place), CLICKUP_ERR_AUTH,
   CLICKUP_ERR_VALIDATION, CLICKUP_ERR_RATE_LIMITED, CLICKUP_ERR_TIMEOUT,
   CLICKUP_ERR_NETWORK, CLICKUP_ERR_SERVER, CLICKUP_ERR_NOMEM. A POST that creates is never
   sent twice: when it may have reached ClickUp without an answer to show for it, the result
   is CLICKUP_ERR_OUTCOME_UNKNOWN (look before creating again); PUT, DELETE and the POSTs that
   set a value are retried on network failures and 5xx. The `out` of a write is optional:
   given, the answer is decoded into a new result (an answer that cannot be read is then
   CLICKUP_ERR_BAD_RESPONSE, or CLICKUP_ERR_OUTCOME_UNKNOWN for a create); NULL, a 2xx is
   success and the answer is not read. On any failure *out is NULL. "Invalidates nothing
   typed": only what a caller cached with CLICKUP_CACHE goes, as with every write.
   ============================================================================================= */

/* One comment (of a task, a list, a chat view, or a reply in a thread). */
typedef struct clickup_comment {
    const char   *id;
    const char   *comment_text;         /* the plain text ("" when absent)                      */
    const clickup_json *comment;        /* the structured blocks as ClickUp sends them,
                                           [{"text": "..."}, ...]; NULL when absent             */
    clickup_user  user;                 /* the author                                          */
    int           resolved;
    const clickup_user *assignee;       /* NULL when nobody is assigned                        */
    const clickup_user *assigned_by;    /* NULL when nobody is assigned                        */
    const clickup_json *reactions;      /* the raw array; NULL when absent                      */
    clickup_i64   date;                 /* Unix ms (ClickUp sends a string)                    */
    clickup_i64   reply_count;          /* replies in its thread (ClickUp sends a string)      */
    const clickup_json *raw;
} clickup_comment;

typedef struct clickup_comments {
    clickup_comment *items;             /* in ClickUp's order: newest first (replies: as
                                           ClickUp lists the thread)                           */
    size_t           count;
    size_t           pages;             /* pages fetched                                       */
    int              truncated;         /* 1 when max_pages stopped the walk early             */
} clickup_comments;

typedef struct clickup_comments_opts {
    int              max_pages;         /* 0 = 100 (2500 comments); more sets `truncated`       */
    clickup_tristate custom_id;         /* task comments: as in clickup_task_get_opts          */
    const char      *team_id;           /* task comments, custom ids: NULL = the reference's or
                                           the client's workspace                              */
} clickup_comments_opts;

/* Every comment of a task, newest first. GET /task/{task_id}/comment. ClickUp answers 25
   comments a page, newest first; the next page is asked for with start = the date and
   start_id = the id of the last comment of the page before, until a page holds fewer than 25
   (an empty one included), at most opts->max_pages pages (then `truncated` is set). A server
   that hands the same page again ends the walk.
   Parameters: opts (in, optional) zeroed = all defaults.
   Returns: CLICKUP_OK (check truncated), CLICKUP_ERR_INVALID_ARG (bad reference or a negative
   max_pages: nothing sent), CLICKUP_ERR_NOT_FOUND, CLICKUP_ERR_NO_ACCESS,
   CLICKUP_ERR_BAD_RESPONSE (a full page whose last comment has no date or id), ...
   Ownership: release *out with clickup_comments_free. Retry safety: a read, retried.
   Cache: never cached; invalidates nothing. */
CLICKUP_API clickup_result clickup_task_comments_get(clickup_client *client, const char *task_ref,
                                                     const clickup_comments_opts *opts,
                                                     clickup_comments **out);
/* Every comment of a list's info pane, newest first. GET /list/{list_id}/comment, paged as
   clickup_task_comments_get (opts: only max_pages is used). Returns as clickup_task_comments_get
   (CLICKUP_ERR_INVALID_ARG for a bad list id). Ownership: clickup_comments_free. Cache: never
   cached; invalidates nothing. */
CLICKUP_API clickup_result clickup_list_comments_get(clickup_client *client, const char *list_id,
                                                     const clickup_comments_opts *opts,
                                                     clickup_comments **out);
/* Every comment of a chat view, newest first. GET /view/{view_id}/comment, paged as
   clickup_task_comments_get (opts: only max_pages is used). Returns as clickup_list_comments_get.
   Ownership: clickup_comments_free. Cache: never cached; invalidates nothing. */
CLICKUP_API clickup_result clickup_view_comments_get(clickup_client *client, const char *view_id,
                                                     const clickup_comments_opts *opts,
                                                     clickup_comments **out);
/* The replies of a comment's thread, in ClickUp's order. GET /comment/{comment_id}/reply, one
   request (ClickUp documents no paging here; pages is 1). Returns: CLICKUP_OK,
   CLICKUP_ERR_INVALID_ARG (bad id: nothing sent), CLICKUP_ERR_NOT_FOUND, ...
   Ownership: release *out with clickup_comments_free. Retry safety: a read. Cache: never
   cached; invalidates nothing. */
CLICKUP_API clickup_result clickup_comment_replies_get(clickup_client *client, const char *comment_id,
                                                       clickup_comments **out);
CLICKUP_API void clickup_comments_free(clickup_comments *comments);

/* A new comment: plain text, or ClickUp's structured blocks (bold, links, mentions). */
typedef struct clickup_comment_new {
    const char *text;                   /* plain text, sent as comment_text; not blank          */
    const char *json;                   /* or the structured "comment" array as JSON text, e.g.
                                           [{"text":"Shipped "},{"text":"today","attributes":
                                           {"bold":true}}]: checked to be a non-empty array of
                                           objects. Exactly one of text and json               */
    int64_t     assignee;               /* assign the comment to this user id; 0 = nobody       */
    int         notify_all;             /* 1: notify the author too (others always are)         */
    clickup_tristate custom_id;         /* task comments: as in clickup_task_get_opts          */
} clickup_comment_new;

/* What ClickUp answers to a new comment. */
typedef struct clickup_comment_created {
    const char *id;                     /* the new comment's id ("" when a reply's answer has
                                           none: ClickUp documents {} for replies)             */
    const char *hist_id;                /* "" when absent                                      */
    clickup_i64 date;                   /* Unix ms                                             */
    const clickup_json *raw;
} clickup_comment_created;

/* Comment on a task. POST /task/{task_id}/comment with {"comment_text": ...} (or
   {"comment": [...]}), "assignee" when set, and "notify_all" always.
   Refused locally (CLICKUP_ERR_INVALID_ARG, nothing sent): a bad reference, neither or both of
   text and json, blank text, json that is not a non-empty JSON array of objects, a negative
   assignee.
   Retry safety: a create, never sent twice: when it may have reached ClickUp and no answer
   says so, CLICKUP_ERR_OUTCOME_UNKNOWN (look before commenting again).
   Ownership: *out (optional) gets {id, hist_id, date}; release it with
   clickup_comment_created_free. With out NULL the answer is not read: a 2xx is success.
   Cache: invalidates task pages (the route table says so). */
CLICKUP_API clickup_result clickup_task_comment_create(clickup_client *client, const char *task_ref,
                                                       const clickup_comment_new *comment,
                                                       clickup_comment_created **out);
/* Comment on a list's info pane. POST /list/{list_id}/comment; as clickup_task_comment_create
   (custom_id is ignored). Cache: invalidates nothing typed. */
CLICKUP_API clickup_result clickup_list_comment_create(clickup_client *client, const char *list_id,
                                                       const clickup_comment_new *comment,
                                                       clickup_comment_created **out);
/* Comment on a chat view. POST /view/{view_id}/comment; as clickup_task_comment_create, but a
   view comment takes no assignee (refused locally). Cache: invalidates nothing typed. */
CLICKUP_API clickup_result clickup_view_comment_create(clickup_client *client, const char *view_id,
                                                       const clickup_comment_new *comment,
                                                       clickup_comment_created **out);
/* Reply in a comment's thread. POST /comment/{comment_id}/reply; body and refusals as
   clickup_task_comment_create. Never sent twice (CLICKUP_ERR_OUTCOME_UNKNOWN). *out
   (optional): ClickUp documents an empty answer here, so id may be "". Cache: invalidates
   nothing typed. */
CLICKUP_API clickup_result clickup_comment_reply_create(clickup_client *client, const char *comment_id,
                                                        const clickup_comment_new *reply,
                                                        clickup_comment_created **out);
CLICKUP_API void clickup_comment_created_free(clickup_comment_created *created);

typedef struct clickup_comment_changes {
    const char      *text;              /* new comment_text; NULL = unchanged; not blank        */
    int64_t          assignee;          /* > 0: assign to this user; 0 = unchanged              */
    clickup_tristate resolved;          /* YES / NO; DEFAULT = unchanged                        */
} clickup_comment_changes;

/* Edit a comment. PUT /comment/{comment_id} with only what changes: comment_text, assignee,
   resolved. Refused locally: a bad id, nothing to change, blank text, a negative assignee.
   Retry safety: a PUT, retried on network failures and 5xx. Returns: CLICKUP_OK,
   CLICKUP_ERR_NOT_FOUND, ... Cache: invalidates nothing typed. */
CLICKUP_API clickup_result clickup_comment_update(clickup_client *client, const char *comment_id,
                                                  const clickup_comment_changes *changes);
/* Delete a comment and its replies. DELETE /comment/{comment_id}. Refused locally: a bad id.
   Retried like any DELETE (a repeat finds it gone: CLICKUP_ERR_NOT_FOUND). Cache: invalidates
   nothing typed. */
CLICKUP_API clickup_result clickup_comment_delete(clickup_client *client, const char *comment_id);

/* Add a checklist to a task. POST /task/{task_id}/checklist with {"name": ...}.
   Refused locally: a bad reference, a NULL or blank name. Never sent twice
   (CLICKUP_ERR_OUTCOME_UNKNOWN). Ownership: *out (optional) gets the new checklist (id, name,
   orderindex, no items); release it with clickup_checklist_free. Cache: invalidates task
   pages. */
CLICKUP_API clickup_result clickup_checklist_create(clickup_client *client, const char *task_ref,
                                                    const char *name, clickup_checklist **out);

typedef struct clickup_checklist_changes {
    const char *name;                   /* NULL = unchanged; not blank                          */
    clickup_i64 position;               /* present: its place among the task's checklists,
                                           0 = first                                           */
} clickup_checklist_changes;

/* Rename or move a checklist. PUT /checklist/{checklist_id} with "name" and/or "position".
   Refused locally: a bad id, nothing to change, a blank name, a negative position. Retried
   like any PUT. ClickUp's answer carries nothing to decode. Cache: invalidates task pages. */
CLICKUP_API clickup_result clickup_checklist_update(clickup_client *client, const char *checklist_id,
                                                    const clickup_checklist_changes *changes);
/* Delete a checklist and its items. DELETE /checklist/{checklist_id}. Refused locally: a bad
   id. Retried like any DELETE (a repeat: CLICKUP_ERR_NOT_FOUND). Cache: invalidates task
   pages. */
CLICKUP_API clickup_result clickup_checklist_delete(clickup_client *client, const char *checklist_id);

typedef struct clickup_checklist_item_new {
    const char *name;                   /* required, not blank                                  */
    int64_t     assignee;               /* user id; 0 = nobody                                  */
} clickup_checklist_item_new;

/* Add an item to a checklist. POST /checklist/{checklist_id}/checklist_item with {"name": ...}
   and "assignee" when set. Refused locally: a bad id, a blank name, a negative assignee.
   Never sent twice (CLICKUP_ERR_OUTCOME_UNKNOWN). Ownership: *out (optional) gets the whole
   checklist as ClickUp answers it, the new item among its items; release it with
   clickup_checklist_free. Cache: invalidates task pages. */
CLICKUP_API clickup_result clickup_checklist_item_create(clickup_client *client, const char *checklist_id,
                                                         const clickup_checklist_item_new *item,
                                                         clickup_checklist **out);

typedef struct clickup_checklist_item_changes {
    const char      *name;              /* NULL = unchanged; not blank                          */
    int64_t          assignee;          /* > 0: assign; 0 = unchanged                           */
    int              clear_assignee;    /* 1: nobody ("assignee": null)                         */
    clickup_tristate resolved;          /* YES / NO; DEFAULT = unchanged                        */
    const char      *parent;            /* nest it under this item of the same checklist        */
    int              clear_parent;      /* 1: back to the top level ("parent": null)            */
} clickup_checklist_item_changes;

/* Edit a checklist item: rename, (un)assign, resolve, re-parent.
   PUT /checklist/{checklist_id}/checklist_item/{checklist_item_id} with only what changes.
   Refused locally: bad ids, nothing to change, a blank name, both a value and its clear, an
   item as its own parent. Retried like any PUT. Ownership: *out (optional) gets the whole
   checklist; release it with clickup_checklist_free. Cache: invalidates task pages. */
CLICKUP_API clickup_result clickup_checklist_item_update(clickup_client *client, const char *checklist_id,
                                                         const char *item_id,
                                                         const clickup_checklist_item_changes *changes,
                                                         clickup_checklist **out);
/* Delete a checklist item. DELETE /checklist/{checklist_id}/checklist_item/{checklist_item_id}.
   Refused locally: bad ids. Retried like any DELETE (a repeat: CLICKUP_ERR_NOT_FOUND). Cache:
   invalidates task pages. */
CLICKUP_API clickup_result clickup_checklist_item_delete(clickup_client *client, const char *checklist_id,
                                                         const char *item_id);
CLICKUP_API void clickup_checklist_free(clickup_checklist *checklist);

/* Which way a dependency points, seen from the task the call names. */
typedef enum clickup_dependency_kind {
    CLICKUP_WAITING_ON = 1,             /* the task waits on the other: {"depends_on": other}   */
    CLICKUP_BLOCKING   = 2              /* the task blocks the other: {"dependency_of": other}  */
} clickup_dependency_kind;

/* Add a dependency between two tasks. POST /task/{task_id}/dependency with {"depends_on": id}
   (CLICKUP_WAITING_ON) or {"dependency_of": id} (CLICKUP_BLOCKING). task_ref may be a custom
   id; other_ref must name the other task by its own id (a URL or "#id" is fine): ClickUp
   documents custom ids for the first task only.
   Refused locally: bad references, another kind, a custom other id, a task and itself.
   Idempotent, so retried like a PUT. Cache: invalidates task pages. */
CLICKUP_API clickup_result clickup_task_dependency_add(clickup_client *client, const char *task_ref,
                                                       clickup_dependency_kind kind,
                                                       const char *other_ref);
/* Remove a dependency. DELETE /task/{task_id}/dependency with depends_on=id or
   dependency_of=id in the query (the OpenAPI file marks both required; one names the
   dependency). Refusals as clickup_task_dependency_add. Retried like any DELETE. Cache:
   invalidates task pages. */
CLICKUP_API clickup_result clickup_task_dependency_remove(clickup_client *client, const char *task_ref,
                                                          clickup_dependency_kind kind,
                                                          const char *other_ref);

/* Link two tasks. POST /task/{task_id}/link/{links_to}. task_ref may be a custom id; other_ref
   names the other task by its own id. Refused locally as clickup_task_dependency_add.
   Idempotent, so retried like a PUT. Ownership: *out (optional) gets the task as ClickUp
   answers it ({"task": ...}; its links are in raw's "linked_tasks"); release it with
   clickup_task_free. Cache: invalidates task pages. */
CLICKUP_API clickup_result clickup_task_link_add(clickup_client *client, const char *task_ref,
                                                 const char *other_ref, clickup_task **out);
/* Unlink two tasks. DELETE /task/{task_id}/link/{links_to}; as clickup_task_link_add.
   Cache: invalidates task pages. */
CLICKUP_API clickup_result clickup_task_link_remove(clickup_client *client, const char *task_ref,
                                                    const char *other_ref, clickup_task **out);

/* Delete a task. DELETE /task/{task_id} (custom ids welcome). Refused locally: a bad
   reference. Retried like any DELETE (a repeat finds it gone: CLICKUP_ERR_NOT_FOUND).
   Cache: invalidates task pages and lists (their task counts). */
CLICKUP_API clickup_result clickup_task_delete(clickup_client *client, const char *task_ref);

/* Add a task to a further list (ClickUp's "Tasks in Multiple Lists"). POST
   /list/{list_id}/task/{task_id}. ClickUp takes no custom id here: a custom id (DEV-42, or a
   URL that holds one) is refused locally with a message saying so, as is a bad list id.
   Idempotent, so retried like a PUT. Cache: invalidates task pages and lists. */
CLICKUP_API clickup_result clickup_task_list_add(clickup_client *client, const char *task_ref,
                                                 const char *list_id);
/* Take a task out of a further list (not its home list: CLICKUP_ERR_VALIDATION). DELETE
   /list/{list_id}/task/{task_id}; refusals as clickup_task_list_add. Retried like any DELETE.
   Cache: invalidates task pages and lists. */
CLICKUP_API clickup_result clickup_task_list_remove(clickup_client *client, const char *task_ref,
                                                    const char *list_id);

/* The user the token belongs to. GET /user, answered {"user": {...}}.
   Returns: CLICKUP_OK, CLICKUP_ERR_AUTH, CLICKUP_ERR_BAD_RESPONSE (no user object with an id).
   Ownership: release *out with clickup_user_free (role is 0: ClickUp does not send it here).
   Cache: read (spaces TTL, 1 hour by default). */
CLICKUP_API clickup_result clickup_authorized_user_get(clickup_client *client, clickup_user **out);
CLICKUP_API void clickup_user_free(clickup_user *user);

/* The size a token buffer for clickup_oauth_token_get must have (ClickUp's are ~80 bytes). */
#define CLICKUP_OAUTH_TOKEN_SIZE 256

/* The OAuth code exchange: the code your redirect URI received, for an access token.
   POST /oauth/token with {"client_id", "client_secret", "code"} as a JSON body (the OpenAPI
   file's form), never in the URL, whose query the engine's log lines show. The client's own
   token goes along as on every request (ClickUp ignores it here): a client made only for this
   exchange may have any token. The access token (it does not expire; there is no refresh
   token) goes into token_out, NUL-terminated; use it as config.token of a new client.
   Secrets: client_secret, code and the access token never appear in a log line or in
   clickup_last_error (an answer that echoes them has them replaced by "[redacted]"), and the
   library overwrites its copies (the request body, the answer) before freeing them. Outside
   its reach: libcurl's own send buffer, a custom transport, and the engine's reading of an
   error answer for its ECODE (freed unwiped, so a server that echoes a secret in an error
   leaves that echo in freed memory).
   Refused locally (nothing sent): NULL, empty, longer than 1024 bytes or control characters
   in client_id, client_secret or code; token_out NULL or token_size <
   CLICKUP_OAUTH_TOKEN_SIZE.
   Returns: CLICKUP_OK; CLICKUP_ERR_AUTH or CLICKUP_ERR_VALIDATION (a wrong secret, a code
   unknown or spent); CLICKUP_ERR_OUTCOME_UNKNOWN when the exchange may have happened without an
   answer to show for it (a code is good once: send the user through authorization again).
   token_out is "" after any failure. Retry safety: never sent twice. Cache: invalidates
   nothing typed. */
CLICKUP_API clickup_result clickup_oauth_token_get(clickup_client *client, const char *client_id,
                                                   const char *client_secret, const char *code,
                                                   char *token_out, size_t token_size);


/* =============================================================================================
   [api:fields] Custom fields and time tracking
   Field definitions (a list's, a folder's, a space's, the workspace's), a codec between the
   text a person types and the JSON value ClickUp wants for each field type, typed readers of
   a task's field values, and time entries (list, get, create, update, delete, start, stop,
   the running one).
   ============================================================================================= */
/* What a field is, from its ClickUp type name (clickup_field_kind_of). New kinds may be added
   in later releases: keep a default case. */
typedef enum clickup_field_kind {
    CLICKUP_FIELD_OTHER = 0,          /* a type this version does not know                     */
    CLICKUP_FIELD_TEXT,               /* "text" (long text)                                    */
    CLICKUP_FIELD_SHORT_TEXT,         /* "short_text"                                          */
    CLICKUP_FIELD_DROP_DOWN,          /* "drop_down", also spelt "dropdown"                     */
    CLICKUP_FIELD_LABELS,             /* "labels"                                              */
    CLICKUP_FIELD_USERS,              /* "users" (people)                                      */
    CLICKUP_FIELD_TASKS,              /* "tasks" (task relationship)                           */
    CLICKUP_FIELD_DATE,               /* "date"                                                */
    CLICKUP_FIELD_NUMBER,             /* "number"                                              */
    CLICKUP_FIELD_CURRENCY,           /* "currency" (money; also "money")                      */
    CLICKUP_FIELD_PERCENTAGE,         /* "percentage"                                          */
    CLICKUP_FIELD_CHECKBOX,           /* "checkbox"                                            */
    CLICKUP_FIELD_URL,                /* "url"                                                 */
    CLICKUP_FIELD_EMAIL,              /* "email"                                               */
    CLICKUP_FIELD_PHONE,              /* "phone"                                               */
    CLICKUP_FIELD_RATING,             /* "emoji" (rating), also spelt "rating"                  */
    CLICKUP_FIELD_LOCATION,           /* "location"                                            */
    CLICKUP_FIELD_MANUAL_PROGRESS,    /* "manual_progress"                                     */
    CLICKUP_FIELD_AUTOMATIC_PROGRESS, /* "automatic_progress" (read-only)                      */
    CLICKUP_FIELD_FORMULA             /* "formula" (read-only)                                 */
} clickup_field_kind;

/* The kind of a ClickUp field type name ("drop_down" -> CLICKUP_FIELD_DROP_DOWN), compared
   without regard to ASCII case; CLICKUP_FIELD_OTHER for NULL and unknown names. Pure. */
CLICKUP_API clickup_field_kind clickup_field_kind_of(const char *type);

/* One option of a drop_down or labels field. */
typedef struct clickup_field_option {
    const char *id;                 /* the option's UUID                                     */
    const char *name;               /* "name"; a labels option's "label"                     */
    const char *color;              /* "" when none                                          */
    clickup_i64 orderindex;         /* drop_down options; present == 0 for labels           */
    const clickup_json *raw;
} clickup_field_option;

/* A custom field definition, as GET /list/{list_id}/field and friends describe it. Only `type`
   (or `kind`), `name` and what the type uses are read by clickup_field_encode, so a zeroed
   struct filled by hand works too. */
typedef struct clickup_field_def {
    const char *id, *name;          /* id: the field's UUID                                   */
    const char *type;               /* ClickUp's name: "drop_down", "labels", "emoji", ...    */
    clickup_field_kind kind;        /* clickup_field_kind_of(type)                            */
    int required, hide_from_guests;
    clickup_field_option *options;  /* drop_down, labels: type_config.options in order         */
    size_t option_count;
    clickup_i64 count;              /* rating: the highest value (type_config.count)           */
    clickup_i64 precision;          /* number, currency: decimals shown (type_config.precision) */
    const char *currency;           /* currency: type_config.currency_type ("USD"), else ""    */
    const char *code_point;         /* rating: the emoji's code point ("1f600"), else ""       */
    clickup_i64 start, end;         /* manual_progress: the range of its "current" value       */
    const clickup_json *type_config;/* the whole object, NULL when absent                      */
    const clickup_json *raw;
} clickup_field_def;

typedef struct clickup_fields {
    clickup_field_def *items;
    size_t             count;
    const clickup_json *raw;
} clickup_fields;

/* Where the fields are defined. */
typedef enum clickup_field_scope {
    CLICKUP_FIELDS_LIST = 0,        /* GET /list/{list_id}/field: every field a list's tasks can
                                       have, including folder, space and workspace fields      */
    CLICKUP_FIELDS_FOLDER,          /* GET /folder/{folder_id}/field                          */
    CLICKUP_FIELDS_SPACE,           /* GET /space/{space_id}/field                            */
    CLICKUP_FIELDS_TEAM             /* GET /team/{team_id}/field (the workspace's own)        */
} clickup_field_scope;

typedef struct clickup_fields_opts {
    clickup_field_scope scope;      /* LIST (zero) by default                                 */
    unsigned flags;                 /* CLICKUP_NO_CACHE                                       */
} clickup_fields_opts;

/* Custom field definitions of a list (or, with opts->scope, of a folder, a space or the
   workspace), with their type_config decoded: options (id, name, color, orderindex) of
   drop_down and labels fields, the rating count, the currency code, the precision, the range
   of a manual progress field.
   Sends: GET /list/{list_id}/field, GET /folder/{folder_id}/field, GET /space/{space_id}/field
   or GET /team/{team_id}/field, by scope.
   Parameters: id (in) the list, folder or space id; for CLICKUP_FIELDS_TEAM, NULL = the
   client's workspace. opts (in, optional) NULL = a list's fields, cached.
   Returns: CLICKUP_OK, CLICKUP_ERR_INVALID_ARG (bad id, nothing sent), CLICKUP_ERR_NOT_FOUND
   (unknown list), CLICKUP_ERR_NO_ACCESS; others: see clickup_last_error.
   Ownership: release *out with clickup_fields_free. Retry safety: a read (retried).
   Cache: read (hierarchy TTL); a write to the hierarchy drops it; invalidates nothing. */
CLICKUP_API clickup_result clickup_fields_get(clickup_client *client, const char *id,
                                              const clickup_fields_opts *opts, clickup_fields **out);
CLICKUP_API void clickup_fields_free(clickup_fields *fields);

/* The field whose id is name_or_id, else the only one whose name equals it (ASCII case and
   surrounding white space ignored); NULL when there is none, or several of that name. Pure. */
CLICKUP_API const clickup_field_def *clickup_fields_find(const clickup_fields *fields, const char *name_or_id);

/* Turn the text a person types into the body ClickUp wants for this field: writes one JSON
   object, {"value": V} (plus "value_options": {"time": bool} for a date), which is the body of
   POST /task/{task_id}/field/{field_id}. White space around the text and around each
   comma-separated item is ignored. Accepted text, by def->type (or def->kind when type is
   NULL):
     text, short_text   any text (valid UTF-8), sent as a string
     drop_down/dropdown an option's name (ASCII case ignored), else its orderindex as digits,
                        else its id; sent as the option's id
     labels             option names (or ids), comma-separated; sent as an array of ids
     users              user ids, comma-separated: {"add": [ids]}; an id written -123 goes to
                        "rem" instead (removes that person)
     tasks              task ids, comma-separated: {"add": [ids]}; -id removes (task ids only:
                        ClickUp takes no custom task ids here)
     date               Unix ms as digits (time flag on), or ISO 8601 in UTC, years 1970-9999:
                        "2026-12-06" (midnight UTC, time flag off), "2026-12-06T10:00",
                        "2026-12-06 10:00:30", optional ".fff", "Z" or an offset "+02:00" (time
                        flag on)
     number, currency   a number: optional sign, digits, '.', decimals, exponent ("12", "-3.5",
                        "1e3"); never a ',' or thousands separators, in any locale
     percentage         the same, with an optional trailing '%'
     checkbox           true/false, yes/no, on/off, 1/0 (ASCII case ignored)
     url                http:// or https:// and a host, no white space
     email              local@domain.tld: one '@', no white space, a domain of letters, digits
                        and '-' in at least two dot-separated labels
     phone              '+', the country code and number: 7 to 15 digits in all, which may be
                        grouped with single spaces, '-', '.' or "(...)" (E.164 once they are
                        dropped); sent as typed
     emoji/rating       a whole number from 0 to type_config.count (10 when the field has none)
     location           "lat,lng" or "lat,lng,formatted address" (the address may hold commas):
                        {"location": {"lat", "lng"}, "formatted_address"}; lat in [-90, 90], lng
                        in [-180, 180]
     manual_progress    a number in [start, end] (type_config, 0-100 when absent), or "N%" of
                        that range: {"current": N}
   Empty text is refused (clear a value with clickup_task_field_remove); so are read-only and
   unknown types (formula, automatic_progress, buttons, files ...).
   Parameters: def (in) the field; text (in); w (in/out) a writer positioned where a value may
   go (a fresh one, typically); why (out, optional) why the text was refused: names the field,
   says what it accepts, and for a drop_down or labels field lists the option names.
   Returns: CLICKUP_OK; CLICKUP_ERR_INVALID_ARG (nothing written to w); CLICKUP_ERR_NOMEM.
   Pure (no client); thread safety: safe. */
CLICKUP_API clickup_result clickup_field_encode(const clickup_field_def *def, const char *text,
                                                clickup_json_writer *w, char *why, size_t why_size);

/* Set a field of a task from text: clickup_field_encode, then POST /task/{task_id}/field/{field_id}.
   Parameters: task_ref (in) an id or anything clickup_task_ref_parse accepts (custom ids add
   custom_task_ids=true&team_id=...); def (in) the field, e.g. from clickup_fields_get.
   Returns: CLICKUP_OK; CLICKUP_ERR_INVALID_ARG when the text does not fit the field (nothing is
   sent; the message names the field and what it takes); CLICKUP_ERR_VALIDATION (ClickUp
   refused the value, e.g. FIELD_011); CLICKUP_ERR_NOT_FOUND. Retry safety: setting a value is
   idempotent (retried: adding a person or a task twice leaves one).
   Cache: invalidates task pages. */
CLICKUP_API clickup_result clickup_task_field_set_text(clickup_client *client, const char *task_ref,
                                                       const clickup_field_def *def, const char *text);

/* The same, looking the field up by name or id among the list's fields (clickup_fields_get,
   through the cache: a hit sends nothing), then POST /task/{task_id}/field/{field_id}.
   Returns: as clickup_task_field_set_text; CLICKUP_ERR_INVALID_ARG also when the list has no
   such field or several of that name (the message lists the list's fields), nothing sent but
   the GET of the fields. Cache: reads the list's fields; invalidates task pages. */
CLICKUP_API clickup_result clickup_task_field_set_by_name(clickup_client *client, const char *task_ref,
                                                          const char *list_id, const char *field_name_or_id,
                                                          const char *text);

/* Reading a task's values (clickup_task.custom_fields; each entry carries its type_config).
   These read the field's JSON only: they are pure, allocate nothing, and what they hand out
   points into the task (valid until clickup_task_free). Every one returns CLICKUP_OK,
   CLICKUP_ERR_INVALID_ARG (a NULL argument), CLICKUP_ERR_NOT_FOUND when the field has no
   value (or no item i), or CLICKUP_ERR_BAD_RESPONSE when the value has another shape. */

/* The value as a person reads it, the form clickup_field_encode accepts back: a drop_down's
   option name (its orderindex or id when the option is unknown), label names joined by ", ",
   user and task ids joined by ", ", a date's Unix ms, numbers as ClickUp sent them, "true" or
   "false", "lat,lng[,address]", a manual progress field's current value; other types: a
   string as is, any other value as compact JSON. buf gets "" when the field has no value.
   Returns also CLICKUP_ERR_TOO_LARGE when buf is too small (it holds what fits, cut at a
   UTF-8 boundary), CLICKUP_OK with "" for no value. */
CLICKUP_API clickup_result clickup_custom_field_text(const clickup_custom_field *field, char *buf, size_t size);
/* number, currency, percentage, rating, manual progress (its current value), formula: the
   number, from a JSON number or a numeric string. */
CLICKUP_API clickup_result clickup_custom_field_number(const clickup_custom_field *field, double *out);
/* checkbox: true/false (or "true"/"false") as 1/0. */
CLICKUP_API clickup_result clickup_custom_field_bool(const clickup_custom_field *field, int *out);
/* date: Unix ms, from a number or a string of digits. */
CLICKUP_API clickup_result clickup_custom_field_date(const clickup_custom_field *field, int64_t *out);
/* drop_down (one) or labels (several): selected option i (0-based), looked up in the field's
   type_config.options; an option missing there gives its id (or orderindex) with name "". */
CLICKUP_API clickup_result clickup_custom_field_option(const clickup_custom_field *field, size_t i,
                                                       clickup_field_option *out);
/* users: person i (a user object; a bare id fills only out->id). */
CLICKUP_API clickup_result clickup_custom_field_user(const clickup_custom_field *field, size_t i,
                                                     clickup_user *out);
/* tasks: related task i (id and name; name "" when ClickUp sent only the id). */
CLICKUP_API clickup_result clickup_custom_field_task(const clickup_custom_field *field, size_t i,
                                                     clickup_ref *out);
/* location: latitude, longitude and the formatted address ("" when none); any out may be NULL. */
CLICKUP_API clickup_result clickup_custom_field_location(const clickup_custom_field *field, double *lat,
                                                         double *lng, const char **address);

/* ---- time tracking -------------------------------------------------------------------------
   Time entries of the client's workspace ({team_id} comes from the client). Times are Unix ms.
   A running entry has a negative duration (ClickUp's marker; its size is not the elapsed
   time: use now - start) and no end. */
typedef struct clickup_time_entry {
    const char  *id;                /* kept as text: 19-digit ids do not fit a double        */
    clickup_ref  task;              /* the task's id and name; "" when the entry has none     */
    const char  *task_custom_id;    /* NULL when none                                        */
    const char  *task_url;          /* "" when absent                                        */
    const char  *wid;               /* the workspace id                                      */
    clickup_user user;
    int          billable;
    int64_t      start;
    clickup_i64  end;               /* present == 0 while running                            */
    int64_t      duration;          /* ms; negative while running                            */
    int          running;           /* 1 when duration < 0                                   */
    const char  *description;       /* "" when none                                          */
    const char  *source;            /* "clickup", "api", ...; "" when absent                  */
    clickup_i64  at;                /* last change                                           */
    clickup_tag *tags;        size_t tag_count;        /* the entry's own tags               */
    clickup_tag *task_tags;   size_t task_tag_count;   /* with include_task_tags             */
    clickup_ref  list, folder, space;   /* task_location: ids, and names with
                                           include_location_names; "" when absent            */
    const clickup_json *raw;
} clickup_time_entry;

typedef struct clickup_time_entries {
    clickup_time_entry *items;
    size_t              count;
    const clickup_json *raw;
} clickup_time_entries;

typedef struct clickup_time_query {
    clickup_i64 start_date, end_date;   /* absent: ClickUp's default, the last 30 days       */
    const int64_t *assignees;   size_t assignee_count;  /* sent as assignee=1,2 (owners and
                                           admins may ask for others); none = yourself       */
    int include_task_tags;              /* task_tags of each entry                           */
    int include_location_names;         /* list, folder and space names                      */
    const char *space_id, *folder_id, *list_id;   /* at most one location filter, these ... */
    const char *task_ref;               /* ... or a task (custom ids: custom_task_ids=true)  */
    clickup_tristate billable;          /* is_billable=true/false; DEFAULT = both            */
} clickup_time_query;

/* Time entries whose start lies in a date range. GET /team/{team_Id}/time_entries.
   Parameters: q (in, optional) NULL = ClickUp's defaults.
   Returns: CLICKUP_OK; CLICKUP_ERR_INVALID_ARG (two location filters, end before start, bad
   ids or assignees: nothing sent); CLICKUP_ERR_NO_ACCESS. Ownership: release *out with
   clickup_time_entries_free. Retry safety: a read. Cache: never cached. */
CLICKUP_API clickup_result clickup_time_entries_get(clickup_client *client, const clickup_time_query *q,
                                                    clickup_time_entries **out);
CLICKUP_API void clickup_time_entries_free(clickup_time_entries *entries);

/* One entry. GET /team/{team_id}/time_entries/{timer_id}.
   Returns: CLICKUP_OK, CLICKUP_ERR_INVALID_ARG (bad id, nothing sent), CLICKUP_ERR_NOT_FOUND.
   Ownership: release *out with clickup_time_entry_free. Retry safety: a read. Cache: never
   cached. */
CLICKUP_API clickup_result clickup_time_entry_get(clickup_client *client, const char *entry_id,
                                                  clickup_time_entry **out);
CLICKUP_API void clickup_time_entry_free(clickup_time_entry *entry);

typedef struct clickup_time_entry_new {
    int64_t     start;              /* required, > 0                                         */
    clickup_i64 end;                /* give end or duration (or both, when they agree)       */
    clickup_i64 duration;           /* ms, > 0                                               */
    const char *description;
    const char *task_ref;           /* "tid": the task (custom ids: custom_task_ids=true)     */
    int         billable;
    const char *const *tags;  size_t tag_count;   /* tag names, sent as [{"name": ...}]     */
    int64_t     assignee;           /* 0 = yourself                                          */
} clickup_time_entry_new;

/* Record time already spent. POST /team/{team_Id}/time_entries with start, end and duration
   (all three, consistent), billable, and description, tid, tags, assignee when given.
   Refused locally (CLICKUP_ERR_INVALID_ARG, nothing sent): no start, no end nor duration, an
   entry that ends before (or when) it starts, end and duration that disagree, bad task ref.
   Never resent once it may have reached ClickUp: then CLICKUP_ERR_OUTCOME_UNKNOWN (look at
   the entries before creating again). Ownership: *out (optional) gets the new entry; release
   it with clickup_time_entry_free. Cache: invalidates task pages (time spent). */
CLICKUP_API clickup_result clickup_time_entry_create(clickup_client *client, const clickup_time_entry_new *entry,
                                                     clickup_time_entry **out);

typedef struct clickup_time_entry_changes {
    clickup_i64 start, end, duration;   /* present = change                                  */
    const char *description;            /* NULL = unchanged                                  */
    const char *task_ref;               /* move it to this task ("tid")                      */
    clickup_tristate billable;
    const char *const *tags;  size_t tag_count;   /* tags to add (tag_action "add") ...     */
    int remove_tags;                    /* ... or, when 1, to remove (tag_action "remove")   */
} clickup_time_entry_changes;

/* Change an entry. PUT /team/{team_id}/time_entries/{timer_id}; only what you set is sent
   (a task_ref with a custom id adds custom_task_ids=true&team_id=...).
   Returns: CLICKUP_OK; CLICKUP_ERR_INVALID_ARG, nothing sent: nothing to change, an end before
   (or at) the start when both are given, a duration <= 0, a bad id; CLICKUP_ERR_NOT_FOUND.
   Retry safety: PUT (retried). Cache: invalidates task pages. */
CLICKUP_API clickup_result clickup_time_entry_update(clickup_client *client, const char *entry_id,
                                                     const clickup_time_entry_changes *changes);

/* Delete an entry. DELETE /team/{team_id}/time_entries/{timer_id}. Retry safety: retried.
   Returns: CLICKUP_OK, CLICKUP_ERR_INVALID_ARG, CLICKUP_ERR_NOT_FOUND. Cache: invalidates task
   pages. */
CLICKUP_API clickup_result clickup_time_entry_delete(clickup_client *client, const char *entry_id);

typedef struct clickup_timer_opts {
    const char *task_ref;           /* "tid": the task to time (custom ids allowed)           */
    const char *description;
    int         billable;
    const char *const *tags;  size_t tag_count;
} clickup_timer_opts;

/* Start a timer for yourself. POST /team/{team_Id}/time_entries/start with billable, and tid,
   description, tags when given (ClickUp stops a timer already running). opts may be NULL.
   Returns: CLICKUP_OK; CLICKUP_ERR_INVALID_ARG (bad task ref or tags, nothing sent);
   CLICKUP_ERR_OUTCOME_UNKNOWN: never resent once it may have reached ClickUp (look with
   clickup_time_entry_current). Ownership: *out (optional) gets the running entry; release it
   with clickup_time_entry_free. Cache: invalidates task pages. */
CLICKUP_API clickup_result clickup_time_entry_start(clickup_client *client, const clickup_timer_opts *opts,
                                                    clickup_time_entry **out);

/* Stop your running timer. POST /team/{team_id}/time_entries/stop (no body).
   Returns: CLICKUP_OK; an error from ClickUp when no timer runs; CLICKUP_ERR_OUTCOME_UNKNOWN
   (never resent). Ownership: *out (optional) gets the stopped entry. Cache: invalidates task
   pages. */
CLICKUP_API clickup_result clickup_time_entry_stop(clickup_client *client, clickup_time_entry **out);

/* The running entry. GET /team/{team_id}/time_entries/current[?assignee=N].
   Parameters: assignee (in) 0 = yourself.
   Returns: CLICKUP_OK with *out the running entry, or CLICKUP_OK with *out NULL when none runs
   (not an error). Ownership: release *out with clickup_time_entry_free. Cache: never cached. */
CLICKUP_API clickup_result clickup_time_entry_current(clickup_client *client, int64_t assignee,
                                                      clickup_time_entry **out);

/* =============================================================================================
   [api:call] Any endpoint: the raw call, and several requests in flight
   Every ClickUp operation is reachable here with every guarantee of the typed calls: the
   limiter, jittered retries, a POST never sent twice, the cache and its invalidation, ECODE
   errors, redaction, metrics. The engine knows each operation it has a row for (method, path,
   whether it may be resent, what it caches and invalidates); for others it decides by method.
   ============================================================================================= */
typedef struct clickup_param {
    const char *name, *value;
} clickup_param;

typedef struct clickup_request {
    const char *method;             /* "GET", "POST", "PUT", "DELETE" or "PATCH"               */
    const char *path;               /* relative to the base URL, as a template or concrete:
                                       "/task/{task_id}/comment" or "/task/86abc/comment".
                                       Literal segments: letters, digits, - . _ ~ : and %XX   */
    const clickup_param *params;    /* values of the {name}s of path, percent-encoded for you;
                                       {team_id} defaults to the client's workspace           */
    size_t param_count;
    const clickup_param *query;     /* query pairs in order; a name may repeat ("space_ids[]") */
    size_t query_count;
    const char *body;               /* JSON text (e.g. from clickup_json_writer_finish); NULL
                                       for none. Sent as is; copied by the call               */
    size_t body_len;                /* 0 = strlen(body)                                        */
    unsigned flags;                 /* CLICKUP_NO_CACHE, CLICKUP_RETRY_SAFE, CLICKUP_CACHE     */
    long cache_ttl_ms;              /* with CLICKUP_CACHE: how long; 0 = the operation's TTL,
                                       or 5 minutes                                            */
    long deadline_ms;               /* 0 = config.call_deadline_ms                             */
} clickup_request;

typedef struct clickup_response {
    int         status;             /* HTTP status (200 for an answer from the cache); 0 when
                                       no answer arrived                                       */
    const char *body;               /* the body, NUL-terminated ("" when none)                 */
    size_t      body_len;
    const clickup_json *json;       /* the body parsed; NULL when empty or not JSON            */
    int         from_cache;
    int64_t     rate_limit, rate_remaining, rate_reset;   /* X-RateLimit-*; -1 when absent    */
    const char *retry_after;        /* NULL when absent                                        */
    clickup_error error;            /* how the call ended (code CLICKUP_OK on success)         */
} clickup_response;

/* A request in flight (see clickup_call_start). */
typedef struct clickup_pending clickup_pending;

/* Send one request to any endpoint and wait for its answer.
   Method and path: anything ClickUp has, e.g. GET /task/{task_id}/comment.
   Returns: CLICKUP_OK for a 2xx whose body is JSON (or empty); otherwise the error code a typed
   call would give (CLICKUP_ERR_NOT_FOUND, CLICKUP_ERR_OUTCOME_UNKNOWN for a write that may have
   happened, CLICKUP_ERR_INVALID_ARG for a bad request, nothing sent ...).
   Ownership: unlike typed calls, *out is set whenever an answer (or its absence) is worth
   reading, errors included (status, body, error); NULL only when nothing was sent or memory
   ran out. Release it with clickup_response_free.
   Retry safety: GET, PUT, DELETE and the POSTs the table knows to be idempotent are retried;
   a POST or PATCH is never sent twice unless flags has CLICKUP_RETRY_SAFE.
   Cache: a GET of an operation that caches (spaces, folders, lists, task pages) is read from
   and stored in the cache; CLICKUP_CACHE caches any other GET (every write then drops it).
   A write drops what its operation makes stale (an unknown one: the whole cache), whatever
   its outcome. */
CLICKUP_API clickup_result clickup_call(clickup_client *client, const clickup_request *request,
                                        clickup_response **out);
CLICKUP_API void clickup_response_free(clickup_response *response);

/* Several requests of one client in flight at once, in the style of a pump:
       clickup_call_start(cu, &a, &pa); clickup_call_start(cu, &b, &pb);   // both start
       clickup_call_finish(pa, &ra); clickup_call_finish(pb, &rb);          // both complete
   clickup_call_start validates and queues the request (everything is copied; a {team_id} to
   discover may send GET /team first, blocking). Nothing else happens until the client is
   pumped: clickup_pump moves every request of the client as far as it can (limiter, sending,
   answers, retries) and waits at most timeout_ms for more to do; *running (optional) gets the
   number not yet done. clickup_call_finish pumps until that request is done, hands out its
   response as clickup_call does, and frees the pending request (always, whatever it returns).
   Every started request must be finished. A client is still used by one thread at a time. */
CLICKUP_API clickup_result clickup_call_start(clickup_client *client, const clickup_request *request,
                                              clickup_pending **out);
CLICKUP_API clickup_result clickup_pump(clickup_client *client, long timeout_ms, size_t *running);
/* Wake the client's pump from another thread (since 0.3.0): a clickup_pump waiting now returns
   at once, and if none is waiting the next one returns without waiting. The one call that may
   be made on a client while another thread uses it: e.g. a server thread that has queued work
   for the thread that owns the client, which then pumps with a long timeout instead of short
   slices. A pump that waits through config.hooks.sleep_ms (your own sleep) is not woken early.
   Returns CLICKUP_OK, CLICKUP_ERR_INVALID_ARG (NULL), CLICKUP_ERR_CONFIG (libcurl older than
   7.68 has no curl_multi_wakeup: only the next pump is spared its wait). */
CLICKUP_API clickup_result clickup_pump_wakeup(clickup_client *client);
/* 1 when the request is done (clickup_call_finish will not wait), else 0. */
CLICKUP_API int clickup_call_done(const clickup_pending *pending);
CLICKUP_API clickup_result clickup_call_finish(clickup_pending *pending, clickup_response **out);

/* =============================================================================================
   [api:batch] Many writes (or any calls) at once, within the rate budget
   A batch runs on the calling thread (no hidden threads), with at most `concurrency` requests
   in flight. Each request is admitted by the client's limiter (shared or not) before it is
   handed to libcurl, so the budget, not the latency, sets the pace; over HTTP/2 the requests
   share one connection. A POST is never sent twice, as everywhere. Memory per request in
   flight: the request object (about 1 KB), its URL and body, and its answer (at most
   config.max_response_bytes).
   ============================================================================================= */
typedef enum clickup_batch_kind {
    CLICKUP_BATCH_CALL = 0,         /* request: any endpoint, as clickup_call                  */
    CLICKUP_BATCH_TASK_CREATE,      /* list_id, task: as clickup_task_create                   */
    CLICKUP_BATCH_TASK_UPDATE,      /* task_ref, changes: as clickup_task_update               */
    CLICKUP_BATCH_TAG_ADD,          /* task_ref, tag                                           */
    CLICKUP_BATCH_TAG_REMOVE,       /* task_ref, tag                                           */
    CLICKUP_BATCH_FIELD_SET,        /* task_ref, field_id, value                               */
    CLICKUP_BATCH_FIELD_REMOVE      /* task_ref, field_id                                      */
} clickup_batch_kind;

/* One item: the kind, and the members that kind uses (the others are ignored). */
typedef struct clickup_batch_item {
    clickup_batch_kind          kind;
    clickup_request             request;
    const char                 *list_id;
    const clickup_task_new     *task;
    const char                 *task_ref;
    const clickup_task_changes *changes;
    const char                 *tag;
    const char                 *field_id;
    const clickup_field_value  *value;
} clickup_batch_item;

typedef struct clickup_batch_result {
    clickup_result    code;         /* CLICKUP_OK; an error as the single call would give it
                                       (CLICKUP_ERR_OUTCOME_UNKNOWN: a write that may have
                                       happened); CLICKUP_ERR_CANCELLED: never sent          */
    clickup_response *response;     /* the answer as clickup_call hands it out; NULL when
                                       nothing was sent. Owned by the batch                  */
    clickup_task     *task;         /* TASK_CREATE, TASK_UPDATE that succeeded: the task.
                                       Owned by the batch                                    */
    clickup_error     error;        /* how it ended                                          */
} clickup_batch_result;

/* Called after each item ends, in the order items end (not input order), from the calling
   thread. Return non-zero to cancel: nothing new starts; requests not yet sent (and reads in
   flight) end with CLICKUP_ERR_CANCELLED; writes in flight are abandoned and end with
   CLICKUP_ERR_OUTCOME_UNKNOWN, since they may have reached ClickUp. The batch's deadline ends
   items the same way. */
typedef int (*clickup_batch_progress_fn)(void *user, size_t index, const clickup_batch_result *result,
                                         size_t done, size_t total);

typedef struct clickup_batch_opts {
    int  concurrency;               /* requests in flight at most; 0 = 8, at most 64          */
    int  stop_on_error;             /* 1: after the first failure start nothing new (the rest
                                       end CANCELLED); 0: go on with every item              */
    long deadline_ms;               /* the whole batch; 0 = none beyond each request's own
                                       config.call_deadline_ms                              */
    clickup_batch_progress_fn progress;
    void *progress_user;
} clickup_batch_opts;

typedef struct clickup_batch {
    clickup_batch_result *results;  /* one per item, in input order                          */
    size_t count, ok, failed, cancelled;
} clickup_batch;

/* Run every item, several at once. Items are validated first, one by one, as they start: a
   bad item ends with CLICKUP_ERR_INVALID_ARG and nothing is sent for it.
   Returns: CLICKUP_OK when every item succeeded; else the code of the first item, in input
   order, that did not (CLICKUP_ERR_INVALID_ARG / CLICKUP_ERR_NOMEM for the call itself when
   *out is NULL). Ownership: *out is yours whatever the result (when not NULL); one
   clickup_batch_free releases every response and task in it.
   Retry safety and cache: each item as its single call. */
CLICKUP_API clickup_result clickup_batch_run(clickup_client *client, const clickup_batch_item *items, size_t count,
                                             const clickup_batch_opts *opts, clickup_batch **out);
CLICKUP_API void clickup_batch_free(clickup_batch *batch);

/* =============================================================================================
   [api:webhook] Webhooks: manage, verify, decode
   ClickUp POSTs a JSON event to your endpoint for each change a webhook subscribes to. A
   receiver, in order:
       1. verifies the X-Signature header over the raw body bytes    clickup_webhook_verify
       2. decodes the event                                           clickup_webhook_event_parse
       3. skips redeliveries                                          clickup_webhook_dedup_seen
       4. drops what the change made stale in a client's cache       clickup_cache_apply_event
       5. answers 2xx within 7 s. ClickUp retries a failed delivery up to 5 times and then
          drops it for good; an answer of 410 suspends the webhook at once, so never send 410
          unless that is what you want.
   Webhooks are managed with clickup_webhooks_get, clickup_webhook_create,
   clickup_webhook_update and clickup_webhook_delete: typed calls with the engine's guarantees.
   SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104) are built in; there is no new dependency.

   The secret. ClickUp signs each delivery with a secret of its own per webhook, returned when
   the webhook is created: clickup_webhook.secret after clickup_webhook_create. STORE IT THEN,
   as you would a password. ClickUp's guide says it is returned at creation; its reference
   shows it in the answers of GET and PUT too, but nothing promises that, and clickup.h hands
   out whatever the answer holds (NULL when absent). The library never logs a secret and never
   puts one in an error message. It overwrites the copies it owns before freeing them: its
   buffer of the answer, and the arena of a clickup_webhook / clickup_webhooks result. Copies
   outside its reach: libcurl's buffers, receive buffers given back while they grew, and yours.

   Threads: the SHA-256 functions, clickup_webhook_verify, clickup_webhook_event_parse and the
   event-name helpers touch only their arguments (safe). A clickup_webhook_dedup is not thread
   safe: one thread at a time, or a lock around clickup_webhook_dedup_seen. The other calls
   take a client: one thread at a time, like every client call.
   ============================================================================================= */

/* ---- SHA-256 and HMAC-SHA256 --------------------------------------------------------------- */
/* A streaming SHA-256. The fields are private: use the functions. Byte order and alignment of
   the machine do not matter; a message may be of any length SHA-256 allows (below 2^61 bytes,
   checked without overflow). */
typedef struct clickup_sha256 {
    uint32_t      state[8];         /* private */
    uint64_t      bytes;            /* private: message bytes so far                          */
    unsigned char buf[64];          /* private: a partial block                              */
    unsigned      fill;             /* private: bytes in buf                                 */
    int           err;              /* private: sticky misuse (NULL data with a length, or a
                                       message too long)                                     */
} clickup_sha256;

/* Start a hash. NULL is ignored. Pure. */
CLICKUP_API void clickup_sha256_init(clickup_sha256 *ctx);
/* Add len bytes. Any split of a message gives the same digest. NULL data with len > 0 (and a
   message reaching 2^61 bytes) makes clickup_sha256_final fail. Pure. */
CLICKUP_API void clickup_sha256_update(clickup_sha256 *ctx, const void *data, size_t len);
/* The 32-byte digest into out; the context is then wiped (clickup_sha256_init to reuse it).
   Returns: CLICKUP_OK; CLICKUP_ERR_INVALID_ARG (NULL ctx or out, or a misuse recorded by
   update: then out is zeroed). Pure. */
CLICKUP_API clickup_result clickup_sha256_final(clickup_sha256 *ctx, unsigned char out[32]);

/* HMAC-SHA256 of msg keyed with key (RFC 2104; a key longer than 64 bytes is hashed first, as
   the RFC says; an empty key is allowed here). Key-derived state on the stack is overwritten
   before return.
   Returns: CLICKUP_OK; CLICKUP_ERR_INVALID_ARG (out NULL, or NULL key / msg with a length).
   Pure. */
CLICKUP_API clickup_result clickup_hmac_sha256(const void *key, size_t key_len, const void *msg,
                                               size_t msg_len, unsigned char out[32]);

/* ---- verification -------------------------------------------------------------------------- */
/* Is this delivery from ClickUp? ClickUp sends X-Signature: the HMAC-SHA256 of the request
   body, keyed with the webhook's secret, as 64 hex digits.
   Parameters:
     body, body_len  (in) the body EXACTLY as received, byte for byte. Never a re-serialisation
                     of parsed JSON: a single space more or less fails the check.
                     NULL only with body_len 0.
     signature       (in) the X-Signature value: exactly 64 hex digits, either case, and
                     nothing else. White space is NOT trimmed (HTTP servers strip it around
                     header values already): a value with any other character is refused.
     secrets         (in) secret_count >= 1 secrets (NUL-terminated, none empty). Several allow
                     a cut-over: ClickUp cannot rotate a secret, so you create a new webhook,
                     accept both secrets for a while, then delete the old webhook.
     matched         (out, optional) on success the index of the secret that matched; else
                     (size_t)-1.
   Constant time: the digest is compared over all 32 bytes without an early exit, and every
   secret is tried even after one matched, so the time taken depends on the lengths of the
   body and secrets only. Secrets are never logged or copied into messages.
   Returns: CLICKUP_OK; CLICKUP_ERR_SIGNATURE (well formed, matches no secret: answer 401 and
   do not act on the body); CLICKUP_ERR_INVALID_ARG (a malformed signature: not 64 hex digits;
   NULL body with a length; no secrets; a NULL or empty secret). Pure, no allocation. */
CLICKUP_API clickup_result clickup_webhook_verify(const char *body, size_t body_len, const char *signature,
                                                  const char *const *secrets, size_t secret_count,
                                                  size_t *matched);

/* ---- events -------------------------------------------------------------------------------- */
/* ClickUp's 28 event names. Append only: values never change. */
typedef enum clickup_webhook_event_type {
    CLICKUP_EVENT_UNKNOWN = 0,               /* a name clickup.h does not know (see .event)  */
    CLICKUP_EVENT_TASK_CREATED,              /* taskCreated (ClickUp also sends
                                                taskStatusUpdated for a new task)            */
    CLICKUP_EVENT_TASK_UPDATED,              /* taskUpdated                                  */
    CLICKUP_EVENT_TASK_DELETED,              /* taskDeleted                                  */
    CLICKUP_EVENT_TASK_PRIORITY_UPDATED,     /* taskPriorityUpdated                          */
    CLICKUP_EVENT_TASK_STATUS_UPDATED,       /* taskStatusUpdated                            */
    CLICKUP_EVENT_TASK_ASSIGNEE_UPDATED,     /* taskAssigneeUpdated                          */
    CLICKUP_EVENT_TASK_DUE_DATE_UPDATED,     /* taskDueDateUpdated                           */
    CLICKUP_EVENT_TASK_TAG_UPDATED,          /* taskTagUpdated                               */
    CLICKUP_EVENT_TASK_MOVED,                /* taskMoved                                    */
    CLICKUP_EVENT_TASK_COMMENT_POSTED,       /* taskCommentPosted                            */
    CLICKUP_EVENT_TASK_COMMENT_UPDATED,      /* taskCommentUpdated                           */
    CLICKUP_EVENT_TASK_TIME_ESTIMATE_UPDATED,/* taskTimeEstimateUpdated                      */
    CLICKUP_EVENT_TASK_TIME_TRACKED_UPDATED, /* taskTimeTrackedUpdated                       */
    CLICKUP_EVENT_LIST_CREATED,              /* listCreated                                  */
    CLICKUP_EVENT_LIST_UPDATED,              /* listUpdated                                  */
    CLICKUP_EVENT_LIST_DELETED,              /* listDeleted                                  */
    CLICKUP_EVENT_FOLDER_CREATED,            /* folderCreated                                */
    CLICKUP_EVENT_FOLDER_UPDATED,            /* folderUpdated                                */
    CLICKUP_EVENT_FOLDER_DELETED,            /* folderDeleted                                */
    CLICKUP_EVENT_SPACE_CREATED,             /* spaceCreated                                 */
    CLICKUP_EVENT_SPACE_UPDATED,             /* spaceUpdated (also sent when a folder or list
                                                of the space is created or deleted)          */
    CLICKUP_EVENT_SPACE_DELETED,             /* spaceDeleted                                 */
    CLICKUP_EVENT_GOAL_CREATED,              /* goalCreated                                  */
    CLICKUP_EVENT_GOAL_UPDATED,              /* goalUpdated                                  */
    CLICKUP_EVENT_GOAL_DELETED,              /* goalDeleted                                  */
    CLICKUP_EVENT_KEY_RESULT_CREATED,        /* keyResultCreated                             */
    CLICKUP_EVENT_KEY_RESULT_UPDATED,        /* keyResultUpdated                             */
    CLICKUP_EVENT_KEY_RESULT_DELETED         /* keyResultDeleted                             */
} clickup_webhook_event_type;

/* What an event is about. */
typedef enum clickup_webhook_event_kind {
    CLICKUP_EVENT_KIND_UNKNOWN = 0,
    CLICKUP_EVENT_KIND_TASK,
    CLICKUP_EVENT_KIND_LIST,
    CLICKUP_EVENT_KIND_FOLDER,
    CLICKUP_EVENT_KIND_SPACE,
    CLICKUP_EVENT_KIND_GOAL,
    CLICKUP_EVENT_KIND_KEY_RESULT
} clickup_webhook_event_kind;

/* ClickUp's name of an event type ("taskCreated"), or NULL for CLICKUP_EVENT_UNKNOWN and
   values out of range. Static text. Pure. */
CLICKUP_API const char *clickup_webhook_event_name(clickup_webhook_event_type type);
/* The type of an event name (exact, case-sensitive), CLICKUP_EVENT_UNKNOWN when unknown or
   NULL. Pure. */
CLICKUP_API clickup_webhook_event_type clickup_webhook_event_type_of(const char *name);
/* What an event type is about: task, list, folder, space, goal, key result; UNKNOWN for
   CLICKUP_EVENT_UNKNOWN and values out of range. Pure. */
CLICKUP_API clickup_webhook_event_kind clickup_webhook_event_kind_of(clickup_webhook_event_type type);

/* One change in an event. Every string is NULL when absent or null in the JSON; ids sent as
   numbers come as their text. */
typedef struct clickup_webhook_history_item {
    const char  *id;                /* ClickUp's id of the change (a 19-digit string for
                                       tasks, a UUID for lists); the key of de-duplication  */
    int          type;              /* ClickUp's change type (1 for most task changes)       */
    const char  *field;             /* what changed: "status", "name", "task_creation", ...  */
    clickup_i64  date;              /* Unix ms (ClickUp sends it as a string)                */
    clickup_user user;              /* who made it; id 0 and "" when absent                  */
    const char  *parent_id;         /* the parent of the item (for task changes: its list)   */
    const clickup_json *before, *after; /* the values, typed by field (a status object, a
                                       string, ...); NULL when the key is absent, a node of
                                       type CLICKUP_JSON_NULL when it is null               */
    const clickup_json *raw;        /* the whole item (data, source, and anything newer)     */
} clickup_webhook_history_item;

/* One delivery, decoded. Absent ids are NULL; ids sent as numbers come as their text. */
typedef struct clickup_webhook_event {
    clickup_webhook_event_type type;  /* CLICKUP_EVENT_UNKNOWN for names not in the enum      */
    clickup_webhook_event_kind kind;
    const char *event;              /* the name as sent, always set ("taskCreated", or a new
                                       name ClickUp added after this version)               */
    const char *webhook_id;
    const char *task_id, *list_id, *folder_id, *space_id, *goal_id, *key_result_id;
    clickup_webhook_history_item *history_items;  /* NULL when absent: ClickUp leaves it out
                                       of many events (listCreated, spaceUpdated, goal ...) */
    size_t history_item_count;
    const clickup_json *raw;        /* the whole document                                    */
} clickup_webhook_event;

/* Decode one delivery's body (after clickup_webhook_verify). Unknown fields are kept in raw
   and never fail decoding; so do unknown event names (type CLICKUP_EVENT_UNKNOWN, .event
   keeps the text); history_items may be absent (a non-array there counts as absent).
   Parameters: body, len (in) the raw body; NULL only with len 0. alloc (in, optional) NULL =
   the default allocator.
   Returns: CLICKUP_OK; CLICKUP_ERR_JSON (not valid JSON, including an empty body);
   CLICKUP_ERR_BAD_RESPONSE (the root is not an object, or has no string "event");
   CLICKUP_ERR_INVALID_ARG (out NULL, NULL body with a length); CLICKUP_ERR_NOMEM.
   Ownership: one arena; release *out with clickup_webhook_event_free (NULL on failure). The
   body is copied, not retained. Thread safety: safe. */
CLICKUP_API clickup_result clickup_webhook_event_parse(const char *body, size_t len,
                                                       const clickup_allocator *alloc,
                                                       clickup_webhook_event **out);
CLICKUP_API void clickup_webhook_event_free(clickup_webhook_event *event);

/* ---- de-duplication of redeliveries ---------------------------------------------------------
   ClickUp sends no delivery id and no timestamp, and resends an event whose delivery failed
   (or was answered too slowly): the same body again. A history item's id names one change,
   so an event is a redelivery when every (webhook_id, history item id) pair in it was seen.
   The helper remembers the last `capacity` pairs, the oldest forgotten first, as 64-bit keys
   (the first 8 bytes of SHA-256 over webhook_id, a 0 byte, the item id) in a ring and a hash
   set: memory is about 24 bytes per pair, fixed at creation; a lookup is O(1).
   False positives: two different pairs share a key with probability 2^-64, so a new pair is
   taken for a seen one with probability at most capacity / 2^64 (5.4e-14 with a million
   pairs remembered). False negatives: a pair forgotten (more than capacity newer pairs since)
   makes its redelivery look new.
   Events without history items (listCreated, spaceUpdated, goal events, ...) carry nothing
   that tells a redelivery from a new event: two renames of one space send the same bytes.
   They are never reported as seen, and nothing of them is recorded: such an event says
   "re-read this object", which is harmless to do twice, while skipping a new one would lose
   a change. The same holds for an event with an item that has no id. An absent webhook_id
   counts as "".
   Not thread safe: one thread at a time, or a lock around clickup_webhook_dedup_seen. */
typedef struct clickup_webhook_dedup clickup_webhook_dedup;

/* Create a helper remembering `capacity` pairs (>= 1).
   Returns: CLICKUP_OK; CLICKUP_ERR_INVALID_ARG (capacity 0, out NULL); CLICKUP_ERR_NOMEM
   (including a capacity whose tables do not fit in memory).
   Ownership: release *out with clickup_webhook_dedup_destroy. */
CLICKUP_API clickup_result clickup_webhook_dedup_create(size_t capacity, const clickup_allocator *alloc,
                                                        clickup_webhook_dedup **out);
/* 1 when the event was delivered before (it has history items, each with an id, and every
   (webhook_id, item id) pair of it is remembered); else 0, and its pairs are remembered from
   now on. Never allocates. NULL arguments give 0 (process the event: a receiver must fail
   open, never drop an event it cannot judge). */
CLICKUP_API int clickup_webhook_dedup_seen(clickup_webhook_dedup *dedup, const clickup_webhook_event *event);
/* Free it. NULL is fine. */
CLICKUP_API void clickup_webhook_dedup_destroy(clickup_webhook_dedup *dedup);

/* ---- the cache ----------------------------------------------------------------------------- */
/* Drop the cached responses an event makes stale, so the next read of them goes to ClickUp.
   Task events carry only task_id (the task's list is unknown), so they drop:
     - every task page (GET /list/{id}/task, and GET /team/{id}/task queries); when an event
       names its list_id (and is not taskMoved, which touches two lists), that list's pages
       and the workspace queries only;
     - the hierarchy (folders and lists, which show task counts) for the events that can
       change a count or a list's contents: taskCreated, taskUpdated, taskDeleted,
       taskStatusUpdated, taskMoved. Priority, assignee, due date, tag, comment and time
       events leave it.
   List events drop the hierarchy; listUpdated and listDeleted also the list's task pages
   (tasks show their list's name) and workspace task queries. Folder events drop the
   hierarchy; folderUpdated and folderDeleted also every task page (a folder's lists are not
   known here). Space events drop the spaces (their cache class holds GET /team too) and the
   hierarchy, except spaceCreated, which drops the spaces only; spaceDeleted also every task
   page. A status renamed in a space shows in cached task pages until their TTL ends.
   Goal and key result events: nothing typed is cached for them.
   Every event drops what was cached at the caller's request (clickup_call with
   CLICKUP_CACHE), whose staleness nobody can tell; an event of unknown type drops everything.
   Returns: CLICKUP_OK; CLICKUP_ERR_INVALID_ARG (NULL client or event). Sends nothing. */
CLICKUP_API clickup_result clickup_cache_apply_event(clickup_client *client, const clickup_webhook_event *event);

/* ---- managing webhooks ---------------------------------------------------------------------- */
typedef struct clickup_webhook_health {
    const char *status;             /* "active", "failing" or "suspended"; "" when absent    */
    int64_t     fail_count;         /* at 100 ClickUp suspends the webhook                  */
} clickup_webhook_health;

typedef struct clickup_webhook {
    const char *id;                 /* UUID                                                  */
    int64_t     userid;             /* the creator: the webhook stops firing when that user
                                       is disabled                                          */
    const char *team_id;            /* the workspace (a number's text)                        */
    const char *endpoint;
    const char *client_id;
    const char *const *events;      /* event names as ClickUp lists them ("*" stays "*")     */
    size_t      event_count;
    const char *task_id, *list_id, *folder_id, *space_id;  /* its location; NULL when none   */
    clickup_webhook_health health;
    const char *secret;             /* the signing secret when the answer holds it (always
                                       after create), else NULL. See the banner: store it   */
    const clickup_json *raw;
} clickup_webhook;

typedef struct clickup_webhooks {
    clickup_webhook *items;
    size_t           count;
    const clickup_json *raw;
} clickup_webhooks;

/* The webhooks of the workspace that this token's user created (ClickUp shows no others).
   GET /team/{team_id}/webhook.
   Returns: CLICKUP_OK, CLICKUP_ERR_AUTH, CLICKUP_ERR_NO_ACCESS; others: clickup_last_error.
   Ownership: release *out with clickup_webhooks_free (it overwrites the memory first).
   Retry safety: a read, retried. Cache: never cached. */
CLICKUP_API clickup_result clickup_webhooks_get(clickup_client *client, clickup_webhooks **out);
CLICKUP_API void clickup_webhooks_free(clickup_webhooks *webhooks);

typedef struct clickup_webhook_new {
    const char *endpoint;           /* required: the URL ClickUp POSTs to. Not empty, no
                                       control characters; ClickUp must reach it from the
                                       internet (no fixed source IPs), so use https://      */
    const char *const *events;      /* required: event_count >= 1 names ("taskCreated", ...),
                                       or the one name "*" for every event. Names clickup.h
                                       does not know are sent as given; empty ones refused  */
    size_t      event_count;
    /* The location: exactly one of these. Space, folder and list ids are sent as JSON numbers
       when they are digits (as ClickUp's reference types them), else as strings. */
    const char *space_id, *folder_id, *list_id, *task_id;
    int         whole_workspace;    /* 1 = no location: every event of the workspace. It must
                                       be asked for, so a forgotten location is refused     */
} clickup_webhook_new;

/* Create a webhook. POST /team/{team_id}/webhook with {"endpoint", "events": [...], and the
   location}; the answer {"id", "webhook": {...}} is decoded into *out, its secret included.
   Refused locally (CLICKUP_ERR_INVALID_ARG, nothing sent): no endpoint or one with control
   characters, no events or an empty name, no location (without whole_workspace) or more than
   one, an id with characters an id cannot have.
   Never sent twice (a POST that creates): a failure after it may have reached ClickUp (a 5xx,
   a lost answer, an unreadable answer) is CLICKUP_ERR_OUTCOME_UNKNOWN: look with
   clickup_webhooks_get before creating again (ClickUp refuses an identical webhook with
   ECODE OAUTH_171).
   Ownership: release *out with clickup_webhook_free (it overwrites the memory first, the
   secret included). Cache: drops only responses cached at the caller's request. */
CLICKUP_API clickup_result clickup_webhook_create(clickup_client *client, const clickup_webhook_new *webhook,
                                                  clickup_webhook **out);

typedef struct clickup_webhook_changes {
    const char *endpoint;           /* NULL = unchanged                                      */
    const char *const *events;      /* event_count > 0 replaces the events; a lone "*" is
                                       sent as the string "*", as ClickUp's reference shows  */
    size_t      event_count;        /* 0 = unchanged                                         */
    const char *status;             /* "active" re-activates a failing or suspended webhook;
                                       NULL = unchanged                                      */
} clickup_webhook_changes;

/* Change a webhook. PUT /webhook/{webhook_id} with the members you set. ClickUp's reference
   lists endpoint, events and status as required: when a partial update is refused
   (CLICKUP_ERR_VALIDATION), send all three.
   Refused locally (CLICKUP_ERR_INVALID_ARG, nothing sent): a bad webhook id, nothing to
   change, an empty endpoint, status or event name, or control characters in them.
   Retry safety: a PUT, retried on network failures and 5xx.
   Ownership: *out (optional, may be NULL) gets the webhook; release it with
   clickup_webhook_free. Cache: drops only responses cached at the caller's request. */
CLICKUP_API clickup_result clickup_webhook_update(clickup_client *client, const char *webhook_id,
                                                  const clickup_webhook_changes *changes,
                                                  clickup_webhook **out);

/* Delete a webhook. DELETE /webhook/{webhook_id}.
   Returns: CLICKUP_OK, CLICKUP_ERR_INVALID_ARG (a bad id, nothing sent), CLICKUP_ERR_NOT_FOUND.
   Retry safety: retried. Cache: drops only responses cached at the caller's request. */
CLICKUP_API clickup_result clickup_webhook_delete(clickup_client *client, const char *webhook_id);

/* Free a webhook result, overwriting its memory (the secret) first. NULL is fine. */
CLICKUP_API void clickup_webhook_free(clickup_webhook *webhook);

#ifdef __cplusplus
}
#endif
#endif /* CLICKUP_H */

/* #############################################################################################
   IMPLEMENTATION
   Everything below is compiled only where CLICKUP_IMPLEMENTATION is defined. Private names start
   with clickup__ and are static. Sections, in dependency order:
   [impl:macros] [arena] [json] [json-writer] [clock+limiter] [cache] [routes] [http] [errors]
   [client] [engine] [decoders] [endpoints] [batch] [webhooks]
   ############################################################################################# */
#ifdef CLICKUP_IMPLEMENTATION
#ifndef CLICKUP_IMPLEMENTATION_ONCE
#define CLICKUP_IMPLEMENTATION_ONCE

/* ==== [impl:macros] ========================================================================= */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <errno.h>
#include <limits.h>
#include <time.h>
#include <pthread.h>

/* POSIX clocks under strict ISO C. With -std=c99 (or c11) and a system header included before
   this file, glibc hides clock_gettime, nanosleep and the CLOCK_* names: no feature macro
   defined now can bring them back. They are in libc all the same, with int clock ids and the
   struct timespec that <pthread.h> always declares, so declare the two we call. On another libc
   in that situation the compiler stops here and says what to do. */
#if defined(CLOCK_MONOTONIC)
#  define CLICKUP__CLOCK_MONOTONIC CLOCK_MONOTONIC
#  define CLICKUP__CLOCK_REALTIME  CLOCK_REALTIME
#elif defined(__GLIBC__) && defined(__linux__) && !defined(__USE_TIME_BITS64)
extern int clock_gettime(int clock_id, struct timespec *tp);
extern int nanosleep(const struct timespec *requested, struct timespec *remaining);
#  define CLICKUP__CLOCK_MONOTONIC 1   /* Linux's CLOCK_MONOTONIC */
#  define CLICKUP__CLOCK_REALTIME  0   /* Linux's CLOCK_REALTIME  */
#else
#  error "clickup.h: clock_gettime is hidden by strict ISO mode. Put #define _POSIX_C_SOURCE 200809L before the first #include of the file that defines CLICKUP_IMPLEMENTATION, or compile it with -D_POSIX_C_SOURCE=200809L."
#endif

#if defined(CLICKUP_MALLOC) || defined(CLICKUP_REALLOC) || defined(CLICKUP_FREE)
#  if !defined(CLICKUP_MALLOC) || !defined(CLICKUP_REALLOC) || !defined(CLICKUP_FREE)
#    error "clickup.h: define all of CLICKUP_MALLOC, CLICKUP_REALLOC and CLICKUP_FREE, or none"
#  endif
#else
#  define CLICKUP_MALLOC(ctx, sz)               ((void)(ctx), malloc(sz))
#  define CLICKUP_REALLOC(ctx, p, oldsz, newsz) ((void)(ctx), (void)(oldsz), realloc((p), (newsz)))
#  define CLICKUP_FREE(ctx, p)                  ((void)(ctx), free(p))
#endif
#ifndef CLICKUP_ASSERT          /* internal invariants; off by default: the library never aborts */
#  define CLICKUP_ASSERT(x) ((void)0)
#endif
#ifndef CLICKUP_JSON_MAX_DEPTH
#  define CLICKUP_JSON_MAX_DEPTH 128
#endif
#if CLICKUP_JSON_MAX_DEPTH + 8 > CLICKUP_JSON_WRITER_DEPTH
#  error "clickup.h: CLICKUP_JSON_MAX_DEPTH must stay below CLICKUP_JSON_WRITER_DEPTH - 8"
#endif
#ifndef CLICKUP_MAX_RESPONSE_BYTES
#  define CLICKUP_MAX_RESPONSE_BYTES ((size_t)16 << 20)
#endif

#if defined(__GNUC__) || defined(__clang__)
#  define CLICKUP__FN static __attribute__((unused))
#  define CLICKUP__LIKELY(x)   __builtin_expect(!!(x), 1)
#  define CLICKUP__UNLIKELY(x) __builtin_expect(!!(x), 0)
#  define CLICKUP__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define CLICKUP__FN static
#  define CLICKUP__LIKELY(x)   (x)
#  define CLICKUP__UNLIKELY(x) (x)
#  define CLICKUP__PRINTF(f, a)
#endif
#define CLICKUP__ALIGN_UP(n, a) (((n) + ((size_t)(a) - 1)) & ~((size_t)(a) - 1))
#define CLICKUP__COUNT(arr) (sizeof(arr) / sizeof((arr)[0]))

/* Overflow-checked sizes, as stb_image does it: every size computed from outside input goes
   through these. They return 0 when the result would not fit in size_t; the caller then
   reports CLICKUP_ERR_NOMEM (or CLICKUP_ERR_TOO_LARGE) instead of wrapping around. */
CLICKUP__FN int clickup__size_add(size_t a, size_t b, size_t *out) {
    if (a > SIZE_MAX - b) return 0;
    *out = a + b;
    return 1;
}
CLICKUP__FN int clickup__size_mul(size_t a, size_t b, size_t *out) {
    if (b && a > SIZE_MAX / b) return 0;
    *out = a * b;
    return 1;
}
/* A buffer's next capacity: `cap` (or `first` when 0) doubled until it holds `need`, never
   above `limit`. 0 when need > limit. */
CLICKUP__FN size_t clickup__grow(size_t cap, size_t need, size_t first, size_t limit) {
    size_t n = cap ? cap : first;
    if (need > limit) return 0;
    while (n < need) n = n > limit / 2 ? limit : n * 2;
    return n;
}

/* Allocation through a runtime allocator when one is set, else through the macros. */
CLICKUP__FN void *clickup__malloc(const clickup_allocator *a, size_t n) {
    if (a && a->malloc_fn) return a->malloc_fn(a->user, n);
    return CLICKUP_MALLOC(a ? a->user : NULL, n);
}
CLICKUP__FN void *clickup__realloc(const clickup_allocator *a, void *p, size_t old_n, size_t n) {
    if (a && a->realloc_fn) return a->realloc_fn(a->user, p, old_n, n);
    return CLICKUP_REALLOC(a ? a->user : NULL, p, old_n, n);
}
CLICKUP__FN void clickup__free(const clickup_allocator *a, void *p) {
    if (!p) return;
    if (a && a->free_fn) { a->free_fn(a->user, p); return; }
    CLICKUP_FREE(a ? a->user : NULL, p);
}

/* snprintf that always terminates and never overflows; returns dst. */
CLICKUP__FN char *clickup__fmt(char *dst, size_t n, const char *fmt, ...) CLICKUP__PRINTF(3, 4);
#include <stdarg.h>
CLICKUP__FN char *clickup__fmt(char *dst, size_t n, const char *fmt, ...) {
    va_list ap;
    if (!n) return dst;
    va_start(ap, fmt);
    (void)vsnprintf(dst, n, fmt, ap);
    va_end(ap);
    return dst;
}
CLICKUP__FN void clickup__strlcpy(char *dst, const char *src, size_t n) {
    size_t k;
    if (!n) return;
    k = src ? strlen(src) : 0;
    if (k >= n) k = n - 1;
    if (k) memcpy(dst, src, k);
    dst[k] = '\0';
}

/* ==== [arena] ================================================================================
   A bump allocator over a list of chunks. Every result object lives at the start of its own
   arena's first chunk, so freeing a result means freeing the arena: one call, whatever inside.
   ============================================================================================= */
typedef struct clickup__chunk {
    struct clickup__chunk *next;
    size_t size, used;      /* bytes of data after this header */
    size_t pad_;            /* keeps the header 32 bytes, so data is 16-aligned */
} clickup__chunk;

typedef struct clickup__arena {
    clickup_allocator alloc;   /* copied from the creator; NULL members = macros */
    clickup__chunk   *head;    /* current chunk first                            */
    size_t            next_size;
    size_t            total;   /* bytes obtained from the allocator              */
} clickup__arena;

#define CLICKUP__CHUNK_HDR  CLICKUP__ALIGN_UP(sizeof(clickup__chunk), 16)
#define CLICKUP__ARENA_SLOT CLICKUP__ALIGN_UP(sizeof(clickup__arena), 16)

CLICKUP__FN clickup__chunk *clickup__chunk_new(clickup__arena *a, size_t min_size) {
    size_t size = a->next_size > min_size ? a->next_size : min_size;
    clickup__chunk *c;
    if (size > (size_t)-1 / 2) return NULL;
    c = (clickup__chunk *)clickup__malloc(&a->alloc, CLICKUP__CHUNK_HDR + size);
    if (!c) return NULL;
    c->next = a->head; c->size = size; c->used = 0;
    a->head = c;
    a->total += size;
    a->next_size = size * 2 > ((size_t)64 << 20) ? ((size_t)64 << 20) : size * 2;
    return c;
}

/* `size` bytes aligned to `align` (a power of two), or NULL. */
CLICKUP__FN void *clickup__arena_alloc(clickup__arena *a, size_t size, size_t align) {
    clickup__chunk *c = a->head;
    size_t at;
    if (c) {
        at = CLICKUP__ALIGN_UP(c->used, align);
        if (at <= c->size && size <= c->size - at) {
            c->used = at + size;
            return (char *)c + CLICKUP__CHUNK_HDR + at;
        }
    }
    if (size > (size_t)-1 / 4) return NULL;      /* also keeps size + align from wrapping */
    c = clickup__chunk_new(a, size + align);
    if (!c) return NULL;
    at = CLICKUP__ALIGN_UP(c->used, align);
    c->used = at + size;
    return (char *)c + CLICKUP__CHUNK_HDR + at;
}

CLICKUP__FN char *clickup__arena_strndup(clickup__arena *a, const char *s, size_t n) {
    size_t bytes;
    char *d;
    if (!clickup__size_add(n, 1, &bytes) || !(d = (char *)clickup__arena_alloc(a, bytes, 1))) return NULL;
    if (n) memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

CLICKUP__FN void *clickup__arena_calloc(clickup__arena *a, size_t count, size_t size) {
    void *p;
    size_t bytes;
    if (!clickup__size_mul(count, size, &bytes)) return NULL;
    p = clickup__arena_alloc(a, bytes > 0 ? bytes : 1, 16);
    if (p) memset(p, 0, bytes);
    return p;
}

/* Create a result object of `size` bytes (zeroed) at the start of a new arena whose first chunk
   has room for `hint` more bytes. */
CLICKUP__FN void *clickup__result_new(const clickup_allocator *al, size_t size, size_t hint) {
    clickup__arena tmp, *a;
    clickup__chunk *c;
    size_t head = CLICKUP__ARENA_SLOT + CLICKUP__ALIGN_UP(size, 16);
    void *obj;
    memset(&tmp, 0, sizeof tmp);
    if (al) tmp.alloc = *al;
    tmp.next_size = hint < 4096 ? 4096 : hint;
    c = clickup__chunk_new(&tmp, head + tmp.next_size);
    if (!c) return NULL;
    c->used = head;
    a = (clickup__arena *)((char *)c + CLICKUP__CHUNK_HDR);
    *a = tmp;
    obj = (char *)a + CLICKUP__ARENA_SLOT;
    memset(obj, 0, size);
    return obj;
}

CLICKUP__FN clickup__arena *clickup__result_arena(const void *obj) {
    return (clickup__arena *)((char *)(uintptr_t)obj - CLICKUP__ARENA_SLOT);
}

CLICKUP__FN void clickup__result_free(void *obj) {
    clickup__arena *a;
    clickup_allocator al;
    clickup__chunk *c, *next;
    if (!obj) return;
    a = clickup__result_arena(obj);
    al = a->alloc;
    for (c = a->head; c; c = next) { next = c->next; clickup__free(&al, c); }
}

/* ==== [json] =================================================================================
   A strict RFC 8259 parser. One pass, no recursion: an explicit frame stack bounded by
   CLICKUP_JSON_MAX_DEPTH, and a value stack on which the children of open containers wait.
   When a container closes, its children are copied into the arena as one contiguous block, so
   arrays index in O(1) and objects are (key, value) node pairs in input order.
   ============================================================================================= */
struct clickup_json {
    union { const char *s; const clickup_json *kids; } u;
    size_t        n;     /* string or number: bytes; array: items; object: members */
    unsigned char type;  /* clickup_json_type */
    unsigned char b;     /* bool value */
};

struct clickup_json_doc {
    const clickup_json *root;
};

typedef struct clickup__jparser {
    unsigned char       *p, *end, *start;   /* over the arena's copy of the input */
    clickup__arena      *arena;
    clickup_json        *stk;     /* value stack (heap, grows)  */
    size_t               sp, cap;
    const char          *reason;  /* set on error               */
    int                  nomem;
} clickup__jparser;

/* Character classes for the string scanner: 0 = plain ASCII, 1 = '"' or '\\' or control,
   2 = first byte of a multi-byte UTF-8 sequence (or an invalid byte). */
static const unsigned char clickup__jstr_class[256] = {
    1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
    0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,
    2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2, 2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2
};

/* 1 for '"' and '\\': the bytes that end a run when looking for a string's closing quote. */
static const unsigned char clickup__jstr_quote[256] = {
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
    0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0
};

/* Length (2-4) of the valid UTF-8 sequence at p, or 0: no overlongs, no surrogates, <= U+10FFFF. */
CLICKUP__FN int clickup__utf8_seq(const unsigned char *p, const unsigned char *end) {
    unsigned c = p[0];
    if (c < 0xC2) return 0;
    if (c < 0xE0) return (end - p >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
    if (c < 0xF0) {
        if (end - p < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
        if (c == 0xE0 && p[1] < 0xA0) return 0;            /* overlong          */
        if (c == 0xED && p[1] >= 0xA0) return 0;           /* UTF-16 surrogates */
        return 3;
    }
    if (c < 0xF5) {
        if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
            return 0;
        if (c == 0xF0 && p[1] < 0x90) return 0;            /* overlong          */
        if (c == 0xF4 && p[1] >= 0x90) return 0;           /* above U+10FFFF    */
        return 4;
    }
    return 0;
}

CLICKUP__FN int clickup__json_fail(clickup__jparser *ps, unsigned char *at, const char *why) {
    ps->p = at;
    ps->reason = why;
    return 0;
}

CLICKUP__FN clickup_json *clickup__json_push(clickup__jparser *ps) {
    if (CLICKUP__UNLIKELY(ps->sp == ps->cap)) {
        size_t ncap = clickup__grow(ps->cap, ps->cap + 1, 256, SIZE_MAX / sizeof(clickup_json));
        clickup_json *n = ncap ? (clickup_json *)clickup__realloc(&ps->arena->alloc, ps->stk, ps->cap * sizeof *n,
                                                                  ncap * sizeof *n) : NULL;
        if (!n) { ps->nomem = 1; ps->reason = "out of memory"; return NULL; }
        ps->stk = n; ps->cap = ncap;
    }
    return &ps->stk[ps->sp++];
}

CLICKUP__FN int clickup__hexval(unsigned c) {
    if (c - '0' < 10u) return (int)(c - '0');
    c |= 0x20;
    if (c - 'a' < 6u) return (int)(c - 'a' + 10);
    return -1;
}

CLICKUP__FN long clickup__json_hex4(const unsigned char *p, const unsigned char *end) {
    long v = 0;
    int i, h;
    if (end - p < 4) return -1;
    for (i = 0; i < 4; i++) {
        if ((h = clickup__hexval(p[i])) < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

/* A string with escapes: [s, ps->p) is plain text already scanned, ps->p is at a backslash.
   The unescaped text is never longer than the escaped, so it is decoded in place. */
CLICKUP__FN int clickup__json_string_slow(clickup__jparser *ps, unsigned char *s, clickup_json *v) {
    unsigned char *p = ps->p, *end = ps->end, *q, *out = s, *o;
    /* Find the closing quote first: the unescaped text is never longer than the escaped. */
    for (q = p; q < end; ) {
        while (end - q >= 4 && clickup__jstr_quote[q[0]] + clickup__jstr_quote[q[1]] + clickup__jstr_quote[q[2]] +
                                   clickup__jstr_quote[q[3]] == 0)
            q += 4;
        if (q >= end || *q == '"') break;
        q += *q == '\\' ? 2 : 1;
    }
    if (q >= end) return clickup__json_fail(ps, end, "unterminated string");
    o = p;
    while (p < q) {
        unsigned c = *p;
        if (c == '\\') {
            long cp;
            p++;
            switch (*p) {
            case '"': *o++ = '"'; p++; continue;
            case '\\': *o++ = '\\'; p++; continue;
            case '/': *o++ = '/'; p++; continue;
            case 'b': *o++ = '\b'; p++; continue;
            case 'f': *o++ = '\f'; p++; continue;
            case 'n': *o++ = '\n'; p++; continue;
            case 'r': *o++ = '\r'; p++; continue;
            case 't': *o++ = '\t'; p++; continue;
            case 'u': break;
            default: return clickup__json_fail(ps, p - 1, "invalid escape in string");
            }
            cp = clickup__json_hex4(p + 1, end);
            if (cp < 0) return clickup__json_fail(ps, p - 1, "invalid \\u escape");
            p += 5;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                long lo = (end - p >= 6 && p[0] == '\\' && p[1] == 'u') ? clickup__json_hex4(p + 2, end) : -1;
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return clickup__json_fail(ps, p - 6, "lone surrogate in \\u escape");
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return clickup__json_fail(ps, p - 6, "lone surrogate in \\u escape");
            }
            if (cp < 0x80) *o++ = (unsigned char)cp;
            else if (cp < 0x800) { *o++ = (unsigned char)(0xC0 | (cp >> 6)); *o++ = (unsigned char)(0x80 | (cp & 0x3F)); }
            else if (cp < 0x10000) {
                *o++ = (unsigned char)(0xE0 | (cp >> 12)); *o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
                *o++ = (unsigned char)(0x80 | (cp & 0x3F));
            } else {
                *o++ = (unsigned char)(0xF0 | (cp >> 18)); *o++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
                *o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F)); *o++ = (unsigned char)(0x80 | (cp & 0x3F));
            }
        } else if (c < 0x20) {
            return clickup__json_fail(ps, p, "control character in string");
        } else if (c < 0x80) {
            *o++ = (unsigned char)c; p++;
        } else {
            int k = clickup__utf8_seq(p, q);
            if (!k) return clickup__json_fail(ps, p, "invalid UTF-8 in string");
            memmove(o, p, (size_t)k); o += k; p += k;
        }
    }
    *o = '\0';
    v->type = CLICKUP_JSON_STRING;
    v->u.s = (const char *)out;
    v->n = (size_t)(o - out);
    ps->p = q + 1;
    return 1;
}

/* A string starting at the opening quote ps->p. */
CLICKUP__FN int clickup__json_string(clickup__jparser *ps, clickup_json *v) {
    unsigned char *s = ps->p + 1, *p = s, *end = ps->end;
    for (;;) {
        while (end - p >= 4 && !(clickup__jstr_class[p[0]] | clickup__jstr_class[p[1]] |
                                 clickup__jstr_class[p[2]] | clickup__jstr_class[p[3]]))
            p += 4;
        while (p < end && clickup__jstr_class[*p] == 0) p++;
        if (CLICKUP__UNLIKELY(p >= end)) return clickup__json_fail(ps, end, "unterminated string");
        if (*p == '"') break;
        if (*p == '\\') { ps->p = p; return clickup__json_string_slow(ps, s, v); }
        if (*p < 0x20) return clickup__json_fail(ps, p, "control character in string");
        {
            int k = clickup__utf8_seq(p, end);
            if (!k) return clickup__json_fail(ps, p, "invalid UTF-8 in string");
            p += k;
        }
    }
    *p = '\0';                       /* the closing quote becomes the terminator */
    v->type = CLICKUP_JSON_STRING;
    v->u.s = (const char *)s;
    v->n = (size_t)(p - s);
    ps->p = p + 1;
    return 1;
}

/* A number: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?  The literal is kept. */
CLICKUP__FN int clickup__json_number(clickup__jparser *ps, clickup_json *v) {
    unsigned char *s = ps->p, *p = s, *end = ps->end;
    char *out;
    if (*p == '-') p++;
    if (p >= end || (unsigned)(*p - '0') > 9) return clickup__json_fail(ps, p, "invalid number");
    if (*p == '0') p++;
    else while (p < end && (unsigned)(*p - '0') <= 9) p++;
    if (p < end && *p == '.') {
        p++;
        if (p >= end || (unsigned)(*p - '0') > 9) return clickup__json_fail(ps, p, "digit expected after '.'");
        while (p < end && (unsigned)(*p - '0') <= 9) p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-')) p++;
        if (p >= end || (unsigned)(*p - '0') > 9) return clickup__json_fail(ps, p, "digit expected in exponent");
        while (p < end && (unsigned)(*p - '0') <= 9) p++;
    }
    out = clickup__arena_strndup(ps->arena, (const char *)s, (size_t)(p - s));
    if (!out) { ps->nomem = 1; ps->reason = "out of memory"; return 0; }
    v->type = CLICKUP_JSON_NUMBER;
    v->u.s = out;
    v->n = (size_t)(p - s);
    ps->p = p;
    return 1;
}

#define CLICKUP__JSON_WS(ps) \
    while ((ps)->p < (ps)->end && (*(ps)->p == ' ' || *(ps)->p == '\n' || *(ps)->p == '\r' || *(ps)->p == '\t')) (ps)->p++

/* Parse into an existing arena. On success *root points into the arena. */
CLICKUP__FN clickup_result clickup__json_parse_arena(clickup__arena *arena, const char *text, size_t len,
                                                     const clickup_json **root, clickup_json_error *err) {
    struct { size_t base; int is_obj; } frames[CLICKUP_JSON_MAX_DEPTH];
    int depth = 0;
    clickup__jparser ps;
    clickup_json *v, *kids;
    clickup_result rc = CLICKUP_OK;
    size_t copy_len;

    memset(&ps, 0, sizeof ps);
    ps.arena = arena;
    *root = NULL;
    /* Parse a copy that lives in the arena: strings are then unescaped in place and point
       into it, so the document owns everything without a copy per value. */
    ps.start = clickup__size_add(len, 1, &copy_len) ? (unsigned char *)clickup__arena_alloc(arena, copy_len, 1) : NULL;
    if (!ps.start) {
        if (err) { err->offset = 0; err->reason = "out of memory"; }
        return CLICKUP_ERR_NOMEM;
    }
    if (len) memcpy(ps.start, text, len);
    ps.start[len] = '\0';
    ps.p = ps.start;
    ps.end = ps.start + len;

value:
    CLICKUP__JSON_WS(&ps);
    if (ps.p >= ps.end) { clickup__json_fail(&ps, ps.p, "unexpected end of input"); goto fail; }
    switch (*ps.p) {
    case '{':
    case '[':
        if (depth >= CLICKUP_JSON_MAX_DEPTH) {
            clickup__json_fail(&ps, ps.p, "nesting deeper than CLICKUP_JSON_MAX_DEPTH");
            goto fail;
        }
        frames[depth].base = ps.sp;
        frames[depth].is_obj = (*ps.p == '{');
        depth++;
        ps.p++;
        CLICKUP__JSON_WS(&ps);
        if (ps.p < ps.end && *ps.p == (frames[depth - 1].is_obj ? '}' : ']')) { ps.p++; goto close; }
        if (frames[depth - 1].is_obj) goto key;
        goto value;
    case '"':
        if (!(v = clickup__json_push(&ps)) || !clickup__json_string(&ps, v)) goto fail;
        break;
    case 't':
    case 'f':
    case 'n': {
        static const char *const words[3] = { "true", "false", "null" };
        int w = *ps.p == 't' ? 0 : *ps.p == 'f' ? 1 : 2;
        size_t wl = strlen(words[w]);
        if ((size_t)(ps.end - ps.p) < wl || memcmp(ps.p, words[w], wl) != 0) {
            clickup__json_fail(&ps, ps.p, "invalid literal");
            goto fail;
        }
        if (!(v = clickup__json_push(&ps))) goto fail;
        v->type = (unsigned char)(w == 2 ? CLICKUP_JSON_NULL : CLICKUP_JSON_BOOL);
        v->b = (unsigned char)(w == 0);
        v->u.s = NULL;
        v->n = 0;
        ps.p += wl;
        break;
    }
    default:
        if (*ps.p != '-' && (unsigned)(*ps.p - '0') > 9) {
            clickup__json_fail(&ps, ps.p, "unexpected character");
            goto fail;
        }
        if (!(v = clickup__json_push(&ps)) || !clickup__json_number(&ps, v)) goto fail;
        break;
    }

after:
    if (depth == 0) goto done;
    CLICKUP__JSON_WS(&ps);
    if (ps.p >= ps.end) { clickup__json_fail(&ps, ps.p, "unexpected end of input"); goto fail; }
    if (*ps.p == ',') {
        ps.p++;
        if (frames[depth - 1].is_obj) goto key;
        goto value;
    }
    if (*ps.p == (frames[depth - 1].is_obj ? '}' : ']')) { ps.p++; goto close; }
    clickup__json_fail(&ps, ps.p, frames[depth - 1].is_obj ? "expected ',' or '}'" : "expected ',' or ']'");
    goto fail;

key:
    CLICKUP__JSON_WS(&ps);
    if (ps.p >= ps.end || *ps.p != '"') { clickup__json_fail(&ps, ps.p, "expected a string key"); goto fail; }
    if (!(v = clickup__json_push(&ps)) || !clickup__json_string(&ps, v)) goto fail;
    CLICKUP__JSON_WS(&ps);
    if (ps.p >= ps.end || *ps.p != ':') { clickup__json_fail(&ps, ps.p, "expected ':'"); goto fail; }
    ps.p++;
    goto value;

close: {
        size_t base = frames[depth - 1].base, n = ps.sp - base;
        int is_obj = frames[depth - 1].is_obj;
        depth--;
        kids = NULL;
        if (n) {   /* n items already sit on the stack, so n * sizeof *kids fits */
            kids = (clickup_json *)clickup__arena_alloc(arena, n * sizeof *kids, 8);
            if (!kids) { ps.nomem = 1; ps.reason = "out of memory"; goto fail; }
            memcpy(kids, ps.stk + base, n * sizeof *kids);
        }
        ps.sp = base;
        if (!(v = clickup__json_push(&ps))) goto fail;
        v->type = (unsigned char)(is_obj ? CLICKUP_JSON_OBJECT : CLICKUP_JSON_ARRAY);
        v->u.kids = kids;
        v->n = is_obj ? n / 2 : n;
        v->b = 0;
        goto after;
    }

done:
    CLICKUP__JSON_WS(&ps);
    if (ps.p != ps.end) { clickup__json_fail(&ps, ps.p, "unexpected characters after the JSON value"); goto fail; }
    v = (clickup_json *)clickup__arena_alloc(arena, sizeof *v, 8);
    if (!v) { ps.nomem = 1; ps.reason = "out of memory"; goto fail; }
    *v = ps.stk[0];
    *root = v;
    goto out;

fail:
    rc = ps.nomem ? CLICKUP_ERR_NOMEM : CLICKUP_ERR_JSON;
    if (err) {
        err->offset = (size_t)(ps.p - ps.start);
        err->reason = ps.reason ? ps.reason : "invalid JSON";
    }
out:
    clickup__free(&arena->alloc, ps.stk);
    if (rc == CLICKUP_OK && err) { err->offset = 0; err->reason = NULL; }
    return rc;
}

CLICKUP_API clickup_result clickup_json_parse(const char *text, size_t len, const clickup_allocator *alloc,
                                              clickup_json_doc **out, clickup_json_error *err) {
    clickup_json_doc *doc;
    const clickup_json *root;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!text && len) return CLICKUP_ERR_INVALID_ARG;
    /* The copy, nodes and strings take three to nine times the input (more for small values);
       start with three, chunks double after that. */
    doc = (clickup_json_doc *)clickup__result_new(alloc, sizeof *doc, len < ((size_t)-1 / 8) ? len * 3 + 1024 : len);
    if (!doc) {
        if (err) { err->offset = 0; err->reason = "out of memory"; }
        return CLICKUP_ERR_NOMEM;
    }
    rc = clickup__json_parse_arena(clickup__result_arena(doc), text, len, &root, err);
    if (rc != CLICKUP_OK) { clickup__result_free(doc); return rc; }
    doc->root = root;
    *out = doc;
    return CLICKUP_OK;
}

CLICKUP_API const clickup_json *clickup_json_root(const clickup_json_doc *doc) { return doc ? doc->root : NULL; }
CLICKUP_API void clickup_json_doc_free(clickup_json_doc *doc) { clickup__result_free(doc); }

CLICKUP_API clickup_json_type clickup_json_typeof(const clickup_json *v) {
    return v ? (clickup_json_type)v->type : CLICKUP_JSON_NULL;
}
CLICKUP_API int clickup_json_is(const clickup_json *v, clickup_json_type t) { return v && v->type == (unsigned)t; }
CLICKUP_API size_t clickup_json_len(const clickup_json *v) {
    return (v && v->type >= CLICKUP_JSON_STRING) ? v->n : 0;
}
CLICKUP_API const clickup_json *clickup_json_getn(const clickup_json *obj, const char *key, size_t key_len) {
    size_t i;
    const clickup_json *k;
    if (!obj || obj->type != CLICKUP_JSON_OBJECT || !key) return NULL;
    for (i = 0, k = obj->u.kids; i < obj->n; i++, k += 2)
        if (k->n == key_len && memcmp(k->u.s, key, key_len) == 0) return k + 1;
    return NULL;
}
CLICKUP_API const clickup_json *clickup_json_get(const clickup_json *obj, const char *key) {
    return key ? clickup_json_getn(obj, key, strlen(key)) : NULL;
}
CLICKUP_API const clickup_json *clickup_json_at(const clickup_json *arr, size_t i) {
    if (!arr || arr->type != CLICKUP_JSON_ARRAY || i >= arr->n) return NULL;
    return &arr->u.kids[i];
}
CLICKUP_API const clickup_json *clickup_json_member(const clickup_json *obj, size_t i, const char **key,
                                                    size_t *key_len) {
    if (!obj || obj->type != CLICKUP_JSON_OBJECT || i >= obj->n) return NULL;
    if (key) *key = obj->u.kids[2 * i].u.s;
    if (key_len) *key_len = obj->u.kids[2 * i].n;
    return &obj->u.kids[2 * i + 1];
}
CLICKUP_API const char *clickup_json_as_string(const clickup_json *v, const char *fallback, size_t *len) {
    if (!v || v->type != CLICKUP_JSON_STRING) {
        if (len) *len = fallback ? strlen(fallback) : 0;
        return fallback;
    }
    if (len) *len = v->n;
    return v->u.s;
}

/* Decimal integer text (optional '-') to int64 with an overflow check. */
CLICKUP__FN int clickup__parse_i64(const char *s, size_t n, int64_t *out) {
    size_t i = 0;
    int neg = 0;
    uint64_t acc = 0, lim;
    if (n && s[0] == '-') { neg = 1; i = 1; }
    if (i == n) return 0;
    lim = neg ? (uint64_t)INT64_MAX + 1u : (uint64_t)INT64_MAX;
    for (; i < n; i++) {
        unsigned d = (unsigned)(unsigned char)s[i] - '0';
        if (d > 9) return 0;
        if (acc > (lim - d) / 10) return 0;
        acc = acc * 10 + d;
    }
    if (neg) *out = acc == (uint64_t)INT64_MAX + 1u ? INT64_MIN : -(int64_t)acc;
    else *out = (int64_t)acc;
    return 1;
}

CLICKUP_API clickup_result clickup_json_int64(const clickup_json *v, int64_t *out) {
    int64_t x;
    if (!v || (v->type != CLICKUP_JSON_NUMBER && v->type != CLICKUP_JSON_STRING)) return CLICKUP_ERR_BAD_RESPONSE;
    if (!clickup__parse_i64(v->u.s, v->n, &x)) return CLICKUP_ERR_BAD_RESPONSE;
    if (out) *out = x;
    return CLICKUP_OK;
}
CLICKUP_API int64_t clickup_json_as_int64(const clickup_json *v, int64_t fallback) {
    int64_t x;
    return clickup_json_int64(v, &x) == CLICKUP_OK ? x : fallback;
}

/* Is [s, s+n) a whole JSON-style number (used for numeric strings)? */
CLICKUP__FN int clickup__is_number_text(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    if (p < end && *p == '-') p++;
    if (p >= end || (unsigned)(*p - '0') > 9) return 0;
    if (*p == '0') p++;
    else while (p < end && (unsigned)(*p - '0') <= 9) p++;
    if (p < end && *p == '.') {
        p++;
        if (p >= end || (unsigned)(*p - '0') > 9) return 0;
        while (p < end && (unsigned)(*p - '0') <= 9) p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-')) p++;
        if (p >= end || (unsigned)(*p - '0') > 9) return 0;
        while (p < end && (unsigned)(*p - '0') <= 9) p++;
    }
    return p == end;
}

/* JSON number text -> the nearest double, for any length and in any C locale.
   The text is rewritten as an integer mantissa and a decimal exponent ("12345e-3"), which has
   no decimal point for a locale to misread, and handed to strtod (correctly rounded in glibc
   and the other libcs we know). Only the first 800 significant digits are kept: every rounding
   boundary of a double has at most 767, so when more follow, one sticky '1' digit standing for
   "something non-zero after" decides exactly as the whole text would. */
#define CLICKUP__DIGITS_KEPT 800
CLICKUP__FN double clickup__strtod(const char *s, size_t n) {
    char buf[CLICKUP__DIGITS_KEPT + 40];
    size_t i = 0, o = 0, kept = 0;
    long long point = 0, exp10 = 0;        /* digits before the decimal point; the e part */
    int seen_point = 0, sticky = 0, exp_neg = 0;
    if (i < n && (s[i] == '-' || s[i] == '+')) { if (s[i] == '-') buf[o++] = '-'; i++; }
    for (; i < n; i++) {
        char ch = s[i];
        if (ch == '.') { seen_point = 1; continue; }
        if (ch < '0' || ch > '9') break;
        if (!seen_point) point++;
        if (kept == 0 && ch == '0') { point--; continue; }      /* leading zeros carry no digit */
        if (kept < CLICKUP__DIGITS_KEPT) { buf[o++] = ch; kept++; }
        else if (ch != '0') sticky = 1;
        else continue;
        if (point > 1000000000LL) point = 1000000000LL;          /* beyond any double anyway */
    }
    if (kept == 0) return o && buf[0] == '-' ? -0.0 : 0.0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '-' || s[i] == '+')) exp_neg = s[i++] == '-';
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            if (exp10 < 1000000000LL) exp10 = exp10 * 10 + (s[i] - '0');
        if (exp_neg) exp10 = -exp10;
    }
    if (sticky) { buf[o++] = '1'; kept++; }
    /* value = mantissa * 10^(point - kept + exp10) */
    snprintf(buf + o, sizeof buf - o, "e%lld", point - (long long)kept + exp10);
    return strtod(buf, NULL);
}

CLICKUP_API double clickup_json_as_double(const clickup_json *v, double fallback) {
    if (!v) return fallback;
    if (v->type == CLICKUP_JSON_NUMBER) return clickup__strtod(v->u.s, v->n);
    if (v->type == CLICKUP_JSON_STRING && v->n < 64 && clickup__is_number_text(v->u.s, v->n))
        return clickup__strtod(v->u.s, v->n);
    return fallback;
}
CLICKUP_API int clickup_json_as_bool(const clickup_json *v, int fallback) {
    return (v && v->type == CLICKUP_JSON_BOOL) ? (int)v->b : fallback;
}
CLICKUP_API const char *clickup_json_number_text(const clickup_json *v) {
    return (v && v->type == CLICKUP_JSON_NUMBER) ? v->u.s : NULL;
}
/* A JSON number as sign, significant digits (no leading or trailing zeros) and a decimal
   exponent, so "1.50e2", "150" and "150.0" compare equal and big integers stay exact. */
typedef struct clickup__decimal {
    int         neg;
    const char *digits[2];     /* up to two runs: before and after the '.' */
    size_t      len[2];
    int64_t     exp;           /* value = 0.d1d2d3... * 10^exp                  */
} clickup__decimal;

CLICKUP__FN int clickup__decimal_digit(const clickup__decimal *d, size_t i) {
    return i < d->len[0] ? d->digits[0][i] : d->digits[1][i - d->len[0]];
}

CLICKUP__FN void clickup__decimal_of(const char *s, size_t n, clickup__decimal *d) {
    size_t i = 0, int_start, int_len, frac_start = 0, frac_len = 0, k;
    int64_t e = 0;
    memset(d, 0, sizeof *d);
    if (i < n && s[i] == '-') { d->neg = 1; i++; }
    int_start = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    int_len = i - int_start;
    if (i < n && s[i] == '.') {
        frac_start = ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
        frac_len = i - frac_start;
    }
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        int eneg = 0;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-')) eneg = s[i++] == '-';
        for (; i < n; i++) if (e < 1000000000000LL) e = e * 10 + (s[i] - '0');
        if (eneg) e = -e;
    }
    /* strip leading zeros (through the '.') and trailing zeros */
    d->exp = e + (int64_t)int_len;
    while (int_len && s[int_start] == '0') { int_start++; int_len--; d->exp--; }
    if (!int_len) while (frac_len && s[frac_start] == '0') { frac_start++; frac_len--; d->exp--; }
    if (frac_len) while (frac_len && s[frac_start + frac_len - 1] == '0') frac_len--;
    if (!frac_len) while (int_len && s[int_start + int_len - 1] == '0') int_len--;
    d->digits[0] = s + int_start; d->len[0] = int_len;
    d->digits[1] = s + frac_start; d->len[1] = frac_len;
    k = int_len + frac_len;
    if (!k) { d->neg = 0; d->exp = 0; }       /* every zero is the same zero */
}

CLICKUP__FN int clickup__number_equal(const clickup_json *a, const clickup_json *b) {
    clickup__decimal x, y;
    size_t i, n;
    clickup__decimal_of(a->u.s, a->n, &x);
    clickup__decimal_of(b->u.s, b->n, &y);
    n = x.len[0] + x.len[1];
    if (x.neg != y.neg || x.exp != y.exp || n != y.len[0] + y.len[1]) return 0;
    for (i = 0; i < n; i++)
        if (clickup__decimal_digit(&x, i) != clickup__decimal_digit(&y, i)) return 0;
    return 1;
}

CLICKUP_API int clickup_json_equal(const clickup_json *a, const clickup_json *b) {
    size_t i;
    if (!a || !b) return a == b;
    if (a->type != b->type) return 0;
    switch (a->type) {
    case CLICKUP_JSON_NULL: return 1;
    case CLICKUP_JSON_BOOL: return a->b == b->b;
    case CLICKUP_JSON_NUMBER: return clickup__number_equal(a, b);
    case CLICKUP_JSON_STRING: return a->n == b->n && memcmp(a->u.s, b->u.s, a->n) == 0;
    case CLICKUP_JSON_ARRAY:
        if (a->n != b->n) return 0;
        for (i = 0; i < a->n; i++)
            if (!clickup_json_equal(&a->u.kids[i], &b->u.kids[i])) return 0;
        return 1;
    default:
        if (a->n != b->n) return 0;
        for (i = 0; i < 2 * a->n; i++)
            if (!clickup_json_equal(&a->u.kids[i], &b->u.kids[i])) return 0;
        return 1;
    }
}

/* ==== [json-writer] ==========================================================================
   Compact JSON into a growing buffer. state[d] describes the open container at depth d:
   bit 0 object, bit 1 has items, bit 2 a key was written and its value is due.
   ============================================================================================= */
#define CLICKUP__JW_OBJ   1u
#define CLICKUP__JW_ITEMS 2u
#define CLICKUP__JW_KEY   4u

CLICKUP_API void clickup_json_writer_init(clickup_json_writer *w, const clickup_allocator *alloc) {
    if (!w) return;
    memset(w, 0, sizeof *w);
    if (alloc) w->alloc = *alloc;
}

CLICKUP_API void clickup_json_writer_free(clickup_json_writer *w) {
    if (!w) return;
    clickup__free(&w->alloc, w->buf);
    w->buf = NULL;
    w->len = w->cap = 0;
}

CLICKUP__FN int clickup__jw_reserve(clickup_json_writer *w, size_t more) {
    size_t need, ncap;
    char *nb;
    if (w->err) return 0;
    if (!clickup__size_add(w->len, more, &need) || !clickup__size_add(need, 1, &need)) { w->err = CLICKUP_ERR_NOMEM; return 0; }
    if (need <= w->cap) return 1;
    ncap = clickup__grow(w->cap, need, 256, SIZE_MAX);
    nb = ncap ? (char *)clickup__realloc(&w->alloc, w->buf, w->cap, ncap) : NULL;
    if (!nb) { w->err = CLICKUP_ERR_NOMEM; return 0; }
    w->buf = nb;
    w->cap = ncap;
    return 1;
}

CLICKUP__FN void clickup__jw_put(clickup_json_writer *w, const char *s, size_t n) {
    if (!clickup__jw_reserve(w, n)) return;
    memcpy(w->buf + w->len, s, n);
    w->len += n;
    w->buf[w->len] = '\0';
}

/* Bookkeeping before any value: one root, keys before values in objects, commas in arrays. */
CLICKUP__FN int clickup__jw_before_value(clickup_json_writer *w) {
    unsigned char *st;
    if (!w || w->err) return 0;
    if (w->depth == 0) {
        if (w->root_done) { w->err = CLICKUP_ERR_INVALID_ARG; return 0; }
        w->root_done = 1;
        return 1;
    }
    st = &w->state[w->depth - 1];
    if (*st & CLICKUP__JW_OBJ) {
        if (!(*st & CLICKUP__JW_KEY)) { w->err = CLICKUP_ERR_INVALID_ARG; return 0; }
        *st = (unsigned char)(*st & ~CLICKUP__JW_KEY);
        return 1;
    }
    if (*st & CLICKUP__JW_ITEMS) clickup__jw_put(w, ",", 1);
    *st |= CLICKUP__JW_ITEMS;
    return !w->err;
}

CLICKUP__FN void clickup__jw_open(clickup_json_writer *w, int is_obj) {
    if (!clickup__jw_before_value(w)) return;
    if (w->depth >= CLICKUP_JSON_WRITER_DEPTH) { w->err = CLICKUP_ERR_INVALID_ARG; return; }
    w->state[w->depth++] = (unsigned char)(is_obj ? CLICKUP__JW_OBJ : 0);
    clickup__jw_put(w, is_obj ? "{" : "[", 1);
}

CLICKUP__FN void clickup__jw_close(clickup_json_writer *w, int is_obj) {
    unsigned char st;
    if (!w || w->err) return;
    if (w->depth == 0) { w->err = CLICKUP_ERR_INVALID_ARG; return; }
    st = w->state[w->depth - 1];
    if (((st & CLICKUP__JW_OBJ) != 0) != (is_obj != 0) || (st & CLICKUP__JW_KEY)) {
        w->err = CLICKUP_ERR_INVALID_ARG;
        return;
    }
    w->depth--;
    clickup__jw_put(w, is_obj ? "}" : "]", 1);
}

CLICKUP_API void clickup_jw_object_begin(clickup_json_writer *w) { clickup__jw_open(w, 1); }
CLICKUP_API void clickup_jw_object_end(clickup_json_writer *w) { clickup__jw_close(w, 1); }
CLICKUP_API void clickup_jw_array_begin(clickup_json_writer *w) { clickup__jw_open(w, 0); }
CLICKUP_API void clickup_jw_array_end(clickup_json_writer *w) { clickup__jw_close(w, 0); }

/* A quoted, escaped string; the bytes must be valid UTF-8. */
CLICKUP__FN void clickup__jw_quoted(clickup_json_writer *w, const char *s, size_t n) {
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    char *o;
    if (!clickup__jw_reserve(w, n * 6 + 2)) return;    /* worst case: every byte as \u00XX */
    o = w->buf + w->len;
    *o++ = '"';
    while (p < end) {
        unsigned c = *p;
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) { *o++ = (char)c; p++; continue; }
        if (c >= 0x80) {
            int k = clickup__utf8_seq(p, end);
            if (!k) { w->err = CLICKUP_ERR_INVALID_ARG; return; }
            memcpy(o, p, (size_t)k); o += k; p += k;
            continue;
        }
        *o++ = '\\';
        switch (c) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '\b': *o++ = 'b'; break;
        case '\f': *o++ = 'f'; break;
        case '\n': *o++ = 'n'; break;
        case '\r': *o++ = 'r'; break;
        case '\t': *o++ = 't'; break;
        default: *o++ = 'u'; *o++ = '0'; *o++ = '0'; *o++ = hex[c >> 4]; *o++ = hex[c & 15]; break;
        }
        p++;
    }
    *o++ = '"';
    *o = '\0';
    w->len = (size_t)(o - w->buf);
}

CLICKUP_API void clickup_jw_keyn(clickup_json_writer *w, const char *key, size_t len) {
    unsigned char *st;
    if (!w || w->err) return;
    if (!key || w->depth == 0) { w->err = CLICKUP_ERR_INVALID_ARG; return; }
    st = &w->state[w->depth - 1];
    if (!(*st & CLICKUP__JW_OBJ) || (*st & CLICKUP__JW_KEY)) { w->err = CLICKUP_ERR_INVALID_ARG; return; }
    if (*st & CLICKUP__JW_ITEMS) clickup__jw_put(w, ",", 1);
    *st |= CLICKUP__JW_ITEMS | CLICKUP__JW_KEY;
    clickup__jw_quoted(w, key, len);
    clickup__jw_put(w, ":", 1);
}
CLICKUP_API void clickup_jw_key(clickup_json_writer *w, const char *key) {
    clickup_jw_keyn(w, key, key ? strlen(key) : 0);
}
CLICKUP_API void clickup_jw_stringn(clickup_json_writer *w, const char *s, size_t len) {
    if (!s) { clickup_jw_null(w); return; }
    if (!clickup__jw_before_value(w)) return;
    clickup__jw_quoted(w, s, len);
}
CLICKUP_API void clickup_jw_string(clickup_json_writer *w, const char *s) {
    clickup_jw_stringn(w, s, s ? strlen(s) : 0);
}
CLICKUP_API void clickup_jw_int64(clickup_json_writer *w, int64_t v) {
    char tmp[24];
    int n;
    if (!clickup__jw_before_value(w)) return;
    n = snprintf(tmp, sizeof tmp, "%lld", (long long)v);
    clickup__jw_put(w, tmp, (size_t)n);
}
/* Shortest of %.15g, %.16g, %.17g that reads back to the same double. printf writes the C
   locale's decimal point (which may be a ',' or several bytes): it is rewritten as '.'. */
CLICKUP__FN int clickup__fmt_double(char *buf, size_t n, double v) {
    char raw[48];
    int prec;
    size_t len = 0, i;
    for (prec = 15; prec <= 17; prec++) {
        (void)snprintf(raw, sizeof raw, "%.*g", prec, v);
        for (i = 0, len = 0; raw[i] && len + 1 < n; i++) {
            char ch = raw[i];
            if (ch == '-' || ch == '+' || ch == 'e' || (ch >= '0' && ch <= '9')) buf[len++] = ch;
            else if (len == 0 || buf[len - 1] != '.') buf[len++] = '.';   /* one '.' per separator */
        }
        buf[len] = '\0';
        if (clickup__strtod(buf, len) == v) break;
    }
    return (int)len;
}
CLICKUP_API void clickup_jw_double(clickup_json_writer *w, double v) {
    char tmp[40];
    int n;
    if (!w || w->err) return;
    if (v != v || v > 1.7976931348623157e308 || v < -1.7976931348623157e308) {
        w->err = CLICKUP_ERR_INVALID_ARG;   /* NaN and infinities have no JSON form */
        return;
    }
    if (!clickup__jw_before_value(w)) return;
    n = clickup__fmt_double(tmp, sizeof tmp, v);
    clickup__jw_put(w, tmp, (size_t)n);
}
CLICKUP_API void clickup_jw_bool(clickup_json_writer *w, int v) {
    if (!clickup__jw_before_value(w)) return;
    if (v) clickup__jw_put(w, "true", 4);
    else clickup__jw_put(w, "false", 5);
}
CLICKUP_API void clickup_jw_null(clickup_json_writer *w) {
    if (!clickup__jw_before_value(w)) return;
    clickup__jw_put(w, "null", 4);
}
CLICKUP_API void clickup_jw_value(clickup_json_writer *w, const clickup_json *v) {
    size_t i;
    if (!w || w->err) return;
    if (!v) { clickup_jw_null(w); return; }
    switch (v->type) {
    case CLICKUP_JSON_NULL: clickup_jw_null(w); break;
    case CLICKUP_JSON_BOOL: clickup_jw_bool(w, v->b); break;
    case CLICKUP_JSON_NUMBER:   /* the literal is valid JSON already: keep it exactly */
        if (clickup__jw_before_value(w)) clickup__jw_put(w, v->u.s, v->n);
        break;
    case CLICKUP_JSON_STRING: clickup_jw_stringn(w, v->u.s, v->n); break;
    case CLICKUP_JSON_ARRAY:
        clickup_jw_array_begin(w);
        for (i = 0; i < v->n; i++) clickup_jw_value(w, &v->u.kids[i]);
        clickup_jw_array_end(w);
        break;
    default:
        clickup_jw_object_begin(w);
        for (i = 0; i < v->n; i++) {
            clickup_jw_keyn(w, v->u.kids[2 * i].u.s, v->u.kids[2 * i].n);
            clickup_jw_value(w, &v->u.kids[2 * i + 1]);
        }
        clickup_jw_object_end(w);
        break;
    }
}
CLICKUP_API void clickup_jw_raw(clickup_json_writer *w, const char *json, size_t len) {
    clickup_json_doc *doc = NULL;
    clickup_result rc;
    if (!w || w->err) return;
    rc = clickup_json_parse(json, len, &w->alloc, &doc, NULL);
    if (rc != CLICKUP_OK) { w->err = rc; return; }
    clickup_jw_value(w, clickup_json_root(doc));
    clickup_json_doc_free(doc);
}
CLICKUP_API clickup_result clickup_json_writer_finish(clickup_json_writer *w, const char **text, size_t *len) {
    if (text) *text = NULL;
    if (len) *len = 0;
    if (!w) return CLICKUP_ERR_INVALID_ARG;
    if (w->err) return (clickup_result)w->err;
    if (w->depth != 0 || !w->root_done) return CLICKUP_ERR_INVALID_ARG;
    if (!clickup__jw_reserve(w, 0)) return (clickup_result)w->err;
    w->buf[w->len] = '\0';
    if (text) *text = w->buf;
    if (len) *len = w->len;
    return CLICKUP_OK;
}

/* ==== [strerror] ============================================================================ */
CLICKUP_API const char *clickup_strerror(clickup_result code) {
    switch ((int)code) {
    case CLICKUP_OK: return "success";
    case CLICKUP_ERR_INVALID_ARG: return "invalid argument";
    case CLICKUP_ERR_NOMEM: return "out of memory";
    case CLICKUP_ERR_NETWORK: return "network error";
    case CLICKUP_ERR_TIMEOUT: return "timed out";
    case CLICKUP_ERR_AUTH: return "authentication failed (token missing, invalid or revoked)";
    case CLICKUP_ERR_NO_ACCESS: return "no access to this workspace or item";
    case CLICKUP_ERR_NOT_FOUND: return "not found";
    case CLICKUP_ERR_VALIDATION: return "rejected by the API (validation)";
    case CLICKUP_ERR_RATE_LIMITED: return "rate limited";
    case CLICKUP_ERR_SERVER: return "server error";
    case CLICKUP_ERR_OUTCOME_UNKNOWN: return "outcome unknown: the write may or may not have happened";
    case CLICKUP_ERR_BAD_RESPONSE: return "bad response from the server";
    case CLICKUP_ERR_TOO_LARGE: return "response too large";
    case CLICKUP_ERR_HTTP: return "unexpected HTTP status";
    case CLICKUP_ERR_JSON: return "invalid JSON";
    case CLICKUP_ERR_CONFIG: return "unusable configuration";
    case CLICKUP_ERR_SIGNATURE: return "webhook signature does not match";
    case CLICKUP_ERR_CANCELLED: return "cancelled before it was sent";
    }
    return "unknown error";
}

CLICKUP_API const char *clickup_version(void) { return CLICKUP_VERSION_STRING; }

/* ==== [clock+limiter] ========================================================================
   Time comes from hooks (tests inject a fake clock). The limiter is a token bucket of `limit`
   tokens in which a spent token comes back exactly one window after it was spent: it keeps the
   send times of the last `limit` requests in a ring. So no window of length W ever sees more
   than `limit` requests, whatever the phase of the server's own windows, and a steady client
   still gets the full rate. (The draft's bucket, capacity N refilled at N per window, lets
   about 2N through in the first window: the cause of 429 storms.)
   On top of that the limiter mirrors the server: every response's X-RateLimit-Limit /
   -Remaining / -Reset become the limit, the requests left, and a monotonic deadline at which
   the server's window resets. At 0 remaining nothing is sent until that deadline, which is how
   several processes sharing one token stay clear of 429s.
   The requests left: within one server window (one Reset value) the server's count only grows,
   so the lowest Remaining answered is the latest count seen, and every request of ours that
   was answered in that window was counted in it (its answer carried a higher or equal count).
   The ones the server may not have counted yet are those still in flight, and those whose
   exchange ended without a Remaining (no answer, or no header). So the requests left are
       lowest Remaining of the window - requests in flight - exchanges without a Remaining,
   computed afresh at each acquire. It never overestimates (whatever the order in which
   requests reach the server and answers come back), and as answers come in it gives back
   what an older estimate had to hold back, so many requests in flight still use the whole
   budget. (Taking the requests in flight off each answer and keeping the lowest result, as
   0.2.0 did, counts twice the ones the server had already seen: 8 threads used 93.5 %.)
   ============================================================================================= */
CLICKUP__FN uint64_t clickup__mono_ms(void *user) {
    struct timespec ts;
    (void)user;
    clock_gettime(CLICKUP__CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}
CLICKUP__FN int64_t clickup__wall_ms(void *user) {
    struct timespec ts;
    (void)user;
    clock_gettime(CLICKUP__CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + (int64_t)ts.tv_nsec / 1000000;
}
CLICKUP__FN void clickup__sleep_ms(void *user, uint64_t ms) {
    struct timespec ts, rem;
    (void)user;
    ts.tv_sec = (time_t)(ms / 1000u);
    ts.tv_nsec = (long)(ms % 1000u) * 1000000L;
    while (nanosleep(&ts, &rem) != 0 && errno == EINTR) ts = rem;
}

typedef struct clickup__ring {
    pthread_mutex_t   mu;
    clickup_allocator alloc;
    clickup_hooks     hooks;      /* the limiter's own clock; unset: the calling client's   */
    int       ceiling;            /* > 0: configured, and the server can only lower it      */
    int       limit, window_ms;   /* the limit in force                                     */
    uint64_t *ring;               /* send times in the last window, oldest at head. It grows
                                     with the requests really sent, never with what a server
                                     claims, up to `limit` entries                           */
    size_t    ring_cap, head, count;
    int       server_remaining;   /* the lowest Remaining of the server's window in force;
                                     -1: unknown (no header yet, or window rolled)          */
    int       unknown;            /* exchanges of that window that ended without a Remaining */
    uint64_t  server_reset;       /* monotonic ms of the server's reset + margin, 0 unknown */
    int64_t   server_reset_raw;   /* the Reset header's value, to tell windows apart        */
    uint64_t  hold_until;         /* Retry-After (or a 429's Reset): nobody sends before it */
    uint64_t  newest;             /* latest time seen: readings never go backwards          */
    int       inflight;
} clickup__ring;

#define CLICKUP__LIMIT_MAX 100000
#define CLICKUP__RING_FIRST 64

CLICKUP__FN clickup_result clickup__ring_create(const clickup_limiter_config *cfg, clickup__ring **out) {
    clickup__ring *l;
    const clickup_allocator *alloc = cfg->allocator;
    *out = NULL;
    l = (clickup__ring *)clickup__malloc(alloc, sizeof *l);
    if (!l) return CLICKUP_ERR_NOMEM;
    memset(l, 0, sizeof *l);
    if (alloc) l->alloc = *alloc;
    l->hooks = cfg->hooks;
    l->ceiling = cfg->rate_limit;
    l->limit = cfg->rate_limit ? cfg->rate_limit : 100;
    l->window_ms = cfg->window_ms ? cfg->window_ms : 60000;
    l->server_remaining = -1;
    l->ring_cap = (size_t)(l->limit < CLICKUP__RING_FIRST ? l->limit : CLICKUP__RING_FIRST);
    l->ring = (uint64_t *)clickup__malloc(&l->alloc, l->ring_cap * sizeof *l->ring);
    if (!l->ring || pthread_mutex_init(&l->mu, NULL) != 0) {
        clickup__free(&l->alloc, l->ring);
        clickup__free(&l->alloc, l);
        return CLICKUP_ERR_NOMEM;
    }
    *out = l;
    return CLICKUP_OK;
}

CLICKUP__FN void clickup__ring_destroy(void *self) {
    clickup__ring *l = (clickup__ring *)self;
    clickup_allocator al = l->alloc;
    pthread_mutex_destroy(&l->mu);
    clickup__free(&al, l->ring);
    clickup__free(&al, l);
}

/* The limiter's clock: its own hooks when it has them, else the caller's readings. */
CLICKUP__FN uint64_t clickup__limiter_now(const clickup__ring *l, uint64_t caller_now) {
    return l->hooks.now_ms ? l->hooks.now_ms(l->hooks.user) : caller_now;
}
CLICKUP__FN int64_t clickup__limiter_wall(const clickup__ring *l, int64_t caller_wall) {
    return l->hooks.wall_ms ? l->hooks.wall_ms(l->hooks.user) : caller_wall;
}

/* Margin added to the server's reset: its Reset has whole-second resolution and our clocks
   are not its clock. A 60th of the window, between 50 ms and 1 s (1 s for ClickUp's minute). */
CLICKUP__FN uint64_t clickup__reset_margin(int window_ms) {
    uint64_t m = (uint64_t)window_ms / 60u;
    return m < 50 ? 50 : m > 1000 ? 1000 : m;
}

/* With the lock held: forget what expired. */
CLICKUP__FN void clickup__limiter_expire(clickup__ring *l, uint64_t now) {
    while (l->count && l->ring[l->head] + (uint64_t)l->window_ms <= now) {
        l->head = (l->head + 1) % l->ring_cap;
        l->count--;
    }
    if (l->server_reset && now >= l->server_reset) { l->server_remaining = -1; l->server_reset = 0; l->unknown = 0; }
    if (l->hold_until && now >= l->hold_until) l->hold_until = 0;
}

/* With the lock held: the requests the server has left for us (see the banner), -1 unknown. */
CLICKUP__FN int clickup__limiter_left(const clickup__ring *l) {
    int64_t left;
    if (l->server_remaining < 0) return -1;
    left = (int64_t)l->server_remaining - l->inflight - l->unknown;
    return left > 0 ? (int)left : 0;
}

/* With the lock held: milliseconds until a request may go (0 = now). */
CLICKUP__FN uint64_t clickup__limiter_wait_locked(clickup__ring *l, uint64_t now) {
    uint64_t wait = 0;
    clickup__limiter_expire(l, now);
    CLICKUP_ASSERT(l->count <= l->ring_cap);
    if (l->count >= (size_t)l->limit) {   /* the send that must leave the window first */
        uint64_t t = l->ring[(l->head + l->count - (size_t)l->limit) % l->ring_cap];
        wait = t + (uint64_t)l->window_ms - now;
    }
    if (clickup__limiter_left(l) == 0 && l->server_reset > now && l->server_reset - now > wait) wait = l->server_reset - now;
    if (l->hold_until > now && l->hold_until - now > wait) wait = l->hold_until - now;
    return wait;
}

/* With the lock held: room for one more send time. When the ring cannot grow, the sends it
   holds act as the limit (waiting is always safe). */
CLICKUP__FN int clickup__limiter_room(clickup__ring *l) {
    size_t ncap, i;
    uint64_t *ring;
    if (l->count < l->ring_cap) return 1;
    ncap = clickup__grow(l->ring_cap, l->count + 1, CLICKUP__RING_FIRST, (size_t)CLICKUP__LIMIT_MAX);
    ring = ncap ? (uint64_t *)clickup__malloc(&l->alloc, ncap * sizeof *ring) : NULL;
    if (!ring) return 0;
    for (i = 0; i < l->count; i++) ring[i] = l->ring[(l->head + i) % l->ring_cap];
    clickup__free(&l->alloc, l->ring);
    l->ring = ring; l->ring_cap = ncap; l->head = 0;
    return 1;
}

/* Take a slot if one is free: returns 0 and counts the request in flight; else the wait. */
CLICKUP__FN uint64_t clickup__limiter_try(clickup__ring *l, uint64_t caller_now) {
    uint64_t wait, now = clickup__limiter_now(l, caller_now);
    pthread_mutex_lock(&l->mu);
    /* A thread may read the clock, then wait for the lock while another goes ahead: keep the
       ring in time order by never recording a time older than the newest. */
    if (now < l->newest) now = l->newest;
    l->newest = now;
    wait = clickup__limiter_wait_locked(l, now);
    if (wait == 0 && !clickup__limiter_room(l)) wait = l->ring[l->head] + (uint64_t)l->window_ms - now;
    if (wait == 0) {
        l->ring[(l->head + l->count) % l->ring_cap] = now;
        l->count++;
        l->inflight++;                   /* one fewer left until its answer says otherwise */
    }
    pthread_mutex_unlock(&l->mu);
    return wait;
}

/* Parse a header value as a non-negative decimal integer; 0 on garbage. */
CLICKUP__FN int clickup__hdr_i64(const char *s, int64_t *out) {
    size_t n;
    if (!s) return 0;
    while (*s == ' ' || *s == '\t') s++;
    n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    if (!n || s[0] == '-') return 0;
    return clickup__parse_i64(s, n, out);
}

/* X-RateLimit-Reset (Unix seconds; above 10^12 it must be milliseconds) as milliseconds from
   now, clamped to [0, window + 5 s]. -1 when absent or garbage. */
CLICKUP__FN int64_t clickup__reset_in_ms(const char *reset, int64_t wall_now_ms, int window_ms) {
    int64_t v, d;
    if (!clickup__hdr_i64(reset, &v)) return -1;
    if (v <= 1000000000000LL) {
        if (v > INT64_MAX / 1000) return -1;
        v *= 1000;
    }
    d = v - wall_now_ms;
    if (d < 0) d = 0;
    if (d > (int64_t)window_ms + 5000) d = (int64_t)window_ms + 5000;
    return d;
}

/* Retry-After: delay-seconds or an HTTP-date (IMF-fixdate, RFC 850 or asctime), as ms from
   now, clamped to [0, cap_ms]. -1 when absent or garbage. */
CLICKUP__FN int64_t clickup__retry_after_ms(const char *v, int64_t wall_now_ms, int64_t cap_ms) {
    static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
    int64_t secs, days;
    int d = 0, y = 0, h = 0, mi = 0, s = 0, m = -1, i;
    char ms[4] = { 0 };
    const char *p;
    if (!v) return -1;
    while (*v == ' ') v++;
    if (*v >= '0' && *v <= '9') {
        if (!clickup__hdr_i64(v, &secs)) return -1;
        if (secs > cap_ms / 1000) return cap_ms;
        return secs * 1000;
    }
    p = strchr(v, ',');
    if (p) {   /* "Sun, 06 Nov 1994 08:49:37 GMT" or "Sunday, 06-Nov-94 08:49:37 GMT" */
        if (sscanf(p + 1, " %2d%*[ -]%3s%*[ -]%d %2d:%2d:%2d", &d, ms, &y, &h, &mi, &s) != 6) return -1;
    } else {   /* asctime: "Sun Nov  6 08:49:37 1994" */
        if (sscanf(v, "%*3s %3s %d %2d:%2d:%2d %d", ms, &d, &h, &mi, &s, &y) != 6) return -1;
    }
    for (i = 0; i < 12; i++)
        if (strcmp(ms, mon[i]) == 0) m = i;
    if (m < 0 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 60 || y < 0 || y > 9999)
        return -1;
    if (y < 100) y += y < 70 ? 2000 : 1900;
    {   /* days since 1970-01-01 (civil-from-days inverse, proleptic Gregorian) */
        int yy = y - (m < 2), era = (yy >= 0 ? yy : yy - 399) / 400;
        int yoe = yy - era * 400, mp = (m + 10) % 12;   /* March = 0 */
        int doy = (153 * mp + 2) / 5 + d - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        days = (int64_t)era * 146097 + doe - 719468;
    }
    secs = days * 86400 + h * 3600 + mi * 60 + s;
    secs = secs * 1000 - wall_now_ms;
    return secs < 0 ? 0 : secs > cap_ms ? cap_ms : secs;
}

/* After an exchange: the request is no longer in flight; adopt the server's view. The limit
   in force is the server's X-RateLimit-Limit, but never above a configured ceiling. A 429 or a
   5xx with Retry-After holds back every client of this limiter until it has passed. */
CLICKUP__FN void clickup__limiter_update(clickup__ring *l, uint64_t caller_now, int64_t caller_wall,
                                         const clickup_http_response *r, int got_response) {
    uint64_t now = clickup__limiter_now(l, caller_now);
    int64_t wall_now = clickup__limiter_wall(l, caller_wall);
    int64_t lim, rem, reset_ms, ra;
    pthread_mutex_lock(&l->mu);
    if (now < l->newest) now = l->newest;
    l->newest = now;
    if (l->inflight > 0) l->inflight--;
    if (got_response) {
        if (clickup__hdr_i64(r->rate_limit, &lim) && lim > 0) {
            if (lim > CLICKUP__LIMIT_MAX) lim = CLICKUP__LIMIT_MAX;
            l->limit = l->ceiling && l->ceiling < lim ? l->ceiling : (int)lim;
        }
        reset_ms = clickup__reset_in_ms(r->rate_reset, wall_now, l->window_ms);
        if (reset_ms >= 0 && clickup__hdr_i64(r->rate_remaining, &rem)) {
            int64_t raw = 0;
            (void)clickup__hdr_i64(r->rate_reset, &raw);
            if (rem > INT_MAX) rem = INT_MAX;
            if (l->server_remaining < 0 || raw > l->server_reset_raw) {   /* a (newer) window */
                l->server_remaining = (int)rem;
                l->unknown = 0;
                l->server_reset_raw = raw;
                l->server_reset = now + (uint64_t)reset_ms + clickup__reset_margin(l->window_ms);
            } else if (raw == l->server_reset_raw && rem < l->server_remaining) {
                l->server_remaining = (int)rem;  /* answers come in any order: the lowest is the latest */
            }                                    /* (an answer of an older window tells nothing) */
        } else if (l->server_remaining >= 0) {
            l->unknown++;                        /* counted or not, the answer does not say */
        }
        if (r->status == 429 && reset_ms >= 0) {   /* without a Reset, Retry-After holds (below) */
            l->server_remaining = 0;
            l->server_reset = now + (uint64_t)reset_ms + clickup__reset_margin(l->window_ms);
        }
        if (r->status == 429 || (r->status >= 500 && r->status <= 599)) {
            ra = clickup__retry_after_ms(r->retry_after, wall_now, (int64_t)l->window_ms + 5000);
            if (ra > 0 && now + (uint64_t)ra > l->hold_until) l->hold_until = now + (uint64_t)ra;
        }
    } else if (l->server_remaining >= 0) {
        l->unknown++;                            /* no answer: it may have reached the server */
    }
    pthread_mutex_unlock(&l->mu);
}

CLICKUP__FN void clickup__limiter_state(clickup__ring *l, uint64_t caller_now, clickup_rate_state *out) {
    uint64_t wait, now = clickup__limiter_now(l, caller_now);
    pthread_mutex_lock(&l->mu);
    if (now < l->newest) now = l->newest;
    wait = clickup__limiter_wait_locked(l, now);
    out->limit = l->limit;
    out->window_ms = l->window_ms;
    out->available = wait || l->count >= (size_t)l->limit ? 0 : l->limit - (int)l->count;
    out->server_remaining = clickup__limiter_left(l);
    if (out->server_remaining >= 0 && out->available > out->server_remaining) out->available = out->server_remaining;
    out->reset_in_ms = l->server_reset > now ? l->server_reset - now : 0;
    out->next_free_in_ms = wait;
    pthread_mutex_unlock(&l->mu);
}

/* ---- the limiter as a method table ------------------------------------------------------
   Every client reaches its limiter through a versioned table of methods, as sqlite reaches a
   VFS: the ring above is the built-in implementation; clickup_limiter_create_custom plugs in
   another (a file shared by processes, Redis shared by hosts) written against the table alone. */
struct clickup_limiter {
    clickup_limiter_methods m;    /* copied: the version-1 members                          */
    void                   *self;
    clickup_allocator       alloc;
    int                     window_ms;   /* from state() at creation: clamps Reset and Retry-After */
};

CLICKUP__FN clickup_result clickup__ring_acquire(void *self, uint64_t now_ms, uint64_t *wait_ms) {
    *wait_ms = clickup__limiter_try((clickup__ring *)self, now_ms);
    return CLICKUP_OK;
}
CLICKUP__FN void clickup__ring_observe(void *self, const clickup_rate_observation *o) {
    clickup_http_response r;
    memset(&r, 0, sizeof r);
    r.status = o->status;
    r.rate_limit = o->limit; r.rate_remaining = o->remaining; r.rate_reset = o->reset; r.retry_after = o->retry_after;
    clickup__limiter_update((clickup__ring *)self, o->now_ms, o->wall_ms, &r, o->status != 0);
}
CLICKUP__FN void clickup__ring_state(void *self, uint64_t now_ms, clickup_rate_state *out) {
    clickup__limiter_state((clickup__ring *)self, now_ms, out);
}

CLICKUP_API clickup_result clickup_limiter_create_custom(const clickup_limiter_methods *methods, void *self,
                                                         const clickup_allocator *alloc, clickup_limiter **out) {
    clickup_limiter *l;
    clickup_rate_state st;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!methods || methods->version < 1 || !methods->acquire || !methods->observe || !methods->state)
        return CLICKUP_ERR_INVALID_ARG;
    l = (clickup_limiter *)clickup__malloc(alloc, sizeof *l);
    if (!l) return CLICKUP_ERR_NOMEM;
    memset(l, 0, sizeof *l);
    l->m.version = 1;                      /* only the members version 1 defines are read */
    l->m.acquire = methods->acquire;
    l->m.observe = methods->observe;
    l->m.state = methods->state;
    l->m.destroy = methods->destroy;
    l->self = self;
    if (alloc) l->alloc = *alloc;
    memset(&st, 0, sizeof st);
    methods->state(self, 0, &st);
    l->window_ms = st.window_ms > 0 ? st.window_ms : 60000;
    *out = l;
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_limiter_create_ex(const clickup_limiter_config *cfg, clickup_limiter **out) {
    static const clickup_limiter_methods ring_methods = {
        1, clickup__ring_acquire, clickup__ring_observe, clickup__ring_state, clickup__ring_destroy
    };
    clickup__ring *ring;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!cfg || cfg->rate_limit < 0 || cfg->window_ms < 0 || cfg->rate_limit > CLICKUP__LIMIT_MAX)
        return CLICKUP_ERR_INVALID_ARG;
    if ((rc = clickup__ring_create(cfg, &ring)) != CLICKUP_OK) return rc;
    if ((rc = clickup_limiter_create_custom(&ring_methods, ring, cfg->allocator, out)) != CLICKUP_OK)
        clickup__ring_destroy(ring);
    return rc;
}

CLICKUP_API clickup_result clickup_limiter_create(int rate_limit, int window_ms, const clickup_allocator *alloc,
                                                  clickup_limiter **out) {
    clickup_limiter_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.rate_limit = rate_limit > CLICKUP__LIMIT_MAX ? CLICKUP__LIMIT_MAX : rate_limit;
    cfg.window_ms = window_ms;
    cfg.allocator = alloc;
    return clickup_limiter_create_ex(&cfg, out);
}

CLICKUP_API void clickup_limiter_destroy(clickup_limiter *l) {
    clickup_allocator al;
    if (!l) return;
    al = l->alloc;
    if (l->m.destroy) l->m.destroy(l->self);
    clickup__free(&al, l);
}

/* The built-in ring behind a limiter made by clickup_limiter_create (tests look inside). */
CLICKUP__FN clickup__ring *clickup__ring_of(clickup_limiter *l) { return (clickup__ring *)l->self; }

/* The engine's view of a limiter: the methods, with the caller's clock. */
CLICKUP__FN uint64_t clickup__limiter_acquire(clickup_limiter *l, uint64_t now, clickup_result *refused) {
    uint64_t wait = 0;
    *refused = l->m.acquire(l->self, now, &wait);
    return wait;
}
CLICKUP__FN void clickup__limiter_observe(clickup_limiter *l, uint64_t now, int64_t wall, const clickup_http_response *r,
                                          int got_response) {
    clickup_rate_observation o;
    memset(&o, 0, sizeof o);
    o.now_ms = now;
    o.wall_ms = wall;
    o.status = got_response ? (r->status ? r->status : 1) : 0;
    if (got_response) { o.limit = r->rate_limit; o.remaining = r->rate_remaining; o.reset = r->rate_reset; o.retry_after = r->retry_after; }
    l->m.observe(l->self, &o);
}
CLICKUP__FN void clickup__limiter_view(clickup_limiter *l, uint64_t now, clickup_rate_state *out) {
    memset(out, 0, sizeof *out);
    l->m.state(l->self, now, out);
}

/* ---- a limiter shared by the processes of one host: a file ---------------------------------
   The state is one fixed record in a file, mapped into every process that opens it:

       magic "CUFL", version, record size, boot id, window, ceiling, slots
       | limit in force | server Remaining, Reset (raw, deadline), hold | head+count | ring of send times |

   Locking: a process mutex (threads of one process share the open file) and flock() on the
   file, which the kernel drops when its process dies, whatever kills it (kill -9 included).
   Time: CLOCK_MONOTONIC, which every process of a host shares; the boot id in the record tells
   a file written before a reboot, whose times mean nothing now: its state starts afresh.
   Crash safety: a process may die at any instant, also inside an update. Every field is one
   aligned 32- or 64-bit store, and a slot is written before the count that makes it count, so
   a torn update can only forget a request that was never sent, or count one that was not:
   the group can wait a little longer than needed, never send more than `limit` in a window. */
#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef O_CLOEXEC                   /* hidden by strict ISO C: close-on-exec is set below instead */
#  define O_CLOEXEC 0
#endif
#ifndef O_NOFOLLOW                  /* ditto: the file is checked to be a regular file anyway */
#  define O_NOFOLLOW 0
#endif
#define CLICKUP__FILE_MAGIC   0x4C465543u   /* "CUFL" little-endian */
#define CLICKUP__FILE_VERSION 1u
#define CLICKUP__FILE_SLOTS   10000         /* ring size when no ceiling is configured (Enterprise) */

typedef struct clickup__file_record {
    uint32_t magic, version, record_size, slots;
    char     boot_id[40];
    int32_t  window_ms, ceiling, limit, server_remaining;   /* remaining -1: unknown            */
    int64_t  server_reset_raw;
    uint64_t server_reset;          /* monotonic ms (margin included), 0 unknown           */
    uint64_t hold_until;            /* Retry-After: nobody sends before it                 */
    uint64_t newest;                /* latest time recorded: readings never go backwards   */
    uint64_t head_count;            /* head << 32 | count, one store                       */
    uint64_t ring[1];               /* `slots` send times (the record ends with them)      */
} clickup__file_record;

typedef struct clickup__file_limiter {
    pthread_mutex_t        mu;
    int                    fd;
    clickup__file_record  *rec;
    size_t                 map_size;
    uint32_t               slots;   /* as opened: the record is checked against these on */
    int32_t                window_ms, ceiling;   /* every call, never trusted as it is   */
    int                    inflight;   /* this process's sends not answered yet          */
    clickup_allocator      alloc;
    clickup_hooks          hooks;   /* a clock for tests; unset: CLOCK_MONOTONIC, wall clock */
} clickup__file_limiter;

CLICKUP__FN size_t clickup__file_record_size(uint32_t slots) {
    return offsetof(clickup__file_record, ring) + (size_t)slots * sizeof(uint64_t);
}

/* This boot's id (Linux); "" where there is none, which then never matches a file's. */
CLICKUP__FN void clickup__boot_id(char out[40]) {
    int fd = open("/proc/sys/kernel/random/boot_id", O_RDONLY);
    ssize_t n = fd >= 0 ? read(fd, out, 39) : -1;
    if (fd >= 0) close(fd);
    out[n > 0 ? n : 0] = '\0';
    while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == ' ')) out[--n] = '\0';
}

CLICKUP__FN uint64_t clickup__file_now(const clickup__file_limiter *f) {
    return f->hooks.now_ms ? f->hooks.now_ms(f->hooks.user) : clickup__mono_ms(NULL);
}
CLICKUP__FN int64_t clickup__file_wall(const clickup__file_limiter *f) {
    return f->hooks.wall_ms ? f->hooks.wall_ms(f->hooks.user) : clickup__wall_ms(NULL);
}

/* A record damaged since it was opened (another process of the user wrote into the file):
   put it back in a state that holds everyone for a window (never one that admits). */
CLICKUP__FN void clickup__file_repair(clickup__file_limiter *f, uint64_t now) {
    clickup__file_record *r = f->rec;
    uint32_t i, n;
    r->slots = f->slots; r->window_ms = f->window_ms; r->ceiling = f->ceiling;
    r->record_size = (uint32_t)clickup__file_record_size(f->slots);
    r->version = CLICKUP__FILE_VERSION; r->magic = CLICKUP__FILE_MAGIC;
    r->limit = f->ceiling ? f->ceiling : (f->slots < 100 ? (int32_t)f->slots : 100);
    n = (uint32_t)r->limit;
    for (i = 0; i < n; i++) r->ring[i] = now;          /* a full window of sends, just now  */
    r->head_count = n;
    r->server_remaining = -1; r->server_reset = 0; r->hold_until = 0;
    if (r->newest < now) r->newest = now;
}

/* Both locks, in order: this process's threads, then the other processes. Then the record is
   checked (it is shared with every process of the user, and could have been damaged). */
CLICKUP__FN void clickup__file_lock(clickup__file_limiter *f) {
    clickup__file_record *r = f->rec;
    pthread_mutex_lock(&f->mu);
    while (flock(f->fd, LOCK_EX) != 0 && errno == EINTR) {}
    if (r->magic != CLICKUP__FILE_MAGIC || r->version != CLICKUP__FILE_VERSION || r->slots != f->slots ||
        r->window_ms != f->window_ms || r->ceiling != f->ceiling || r->limit < 1 || (uint32_t)r->limit > f->slots ||
        (uint32_t)(r->head_count >> 32) >= f->slots || (uint32_t)r->head_count > f->slots)
        clickup__file_repair(f, clickup__file_now(f));
}
CLICKUP__FN void clickup__file_unlock(clickup__file_limiter *f) {
    (void)flock(f->fd, LOCK_UN);
    pthread_mutex_unlock(&f->mu);
}

/* A fresh state (new file, or one from before a reboot). With the locks held. */
CLICKUP__FN void clickup__file_reset(clickup__file_record *r, const char *boot_id) {
    r->server_remaining = -1;
    r->server_reset_raw = 0;
    r->server_reset = r->hold_until = r->newest = 0;
    r->head_count = 0;
    r->limit = r->ceiling ? r->ceiling : (r->slots < 100 ? (int32_t)r->slots : 100);
    memcpy(r->boot_id, boot_id, sizeof r->boot_id);
}

/* With the locks held: forget expired sends and a passed server window. */
CLICKUP__FN void clickup__file_expire(clickup__file_record *r, uint64_t now) {
    uint32_t head = (uint32_t)(r->head_count >> 32), count = (uint32_t)r->head_count;
    while (count && r->ring[head] + (uint64_t)r->window_ms <= now) { head = (head + 1) % r->slots; count--; }
    r->head_count = (uint64_t)head << 32 | count;                   /* one store */
    if (r->server_reset && now >= r->server_reset) { r->server_remaining = -1; r->server_reset = 0; }
}

/* With the locks held: ms until a request may go. */
CLICKUP__FN uint64_t clickup__file_wait(clickup__file_record *r, uint64_t now) {
    uint32_t head, count;
    uint64_t wait = 0;
    clickup__file_expire(r, now);
    head = (uint32_t)(r->head_count >> 32); count = (uint32_t)r->head_count;
    if (count >= (uint32_t)r->limit) {
        uint64_t t = r->ring[(head + count - (uint32_t)r->limit) % r->slots];
        wait = t + (uint64_t)r->window_ms > now ? t + (uint64_t)r->window_ms - now : 1;
    }
    if (r->server_remaining == 0 && r->server_reset > now && r->server_reset - now > wait) wait = r->server_reset - now;
    if (r->hold_until > now && r->hold_until - now > wait) wait = r->hold_until - now;
    return wait;
}

CLICKUP__FN clickup_result clickup__file_acquire(void *self, uint64_t caller_now, uint64_t *wait_ms) {
    clickup__file_limiter *f = (clickup__file_limiter *)self;
    clickup__file_record *r = f->rec;
    uint64_t now = clickup__file_now(f);
    (void)caller_now;                 /* every process must read the same clock: ours */
    clickup__file_lock(f);
    if (now < r->newest) now = r->newest;
    r->newest = now;
    *wait_ms = clickup__file_wait(r, now);
    if (*wait_ms == 0) {
        uint32_t head = (uint32_t)(r->head_count >> 32), count = (uint32_t)r->head_count;
        r->ring[(head + count) % r->slots] = now;                   /* the slot first, ...    */
        r->head_count = (uint64_t)head << 32 | (count + 1);         /* ... then it counts     */
        if (r->server_remaining > 0) r->server_remaining--;
        f->inflight++;
    }
    clickup__file_unlock(f);
    return CLICKUP_OK;
}

CLICKUP__FN void clickup__file_observe(void *self, const clickup_rate_observation *o) {
    clickup__file_limiter *f = (clickup__file_limiter *)self;
    clickup__file_record *r = f->rec;
    uint64_t now = clickup__file_now(f), margin = clickup__reset_margin(r->window_ms);
    int64_t wall = clickup__file_wall(f), lim, rem, raw = 0, reset_ms, ra;
    clickup__file_lock(f);
    if (f->inflight > 0) f->inflight--;
    if (!o->status) { clickup__file_unlock(f); return; }   /* no answer: nothing learned */
    if (clickup__hdr_i64(o->limit, &lim) && lim > 0) {
        if (lim > (int64_t)r->slots) lim = (int64_t)r->slots;       /* the ring holds `slots` */
        r->limit = r->ceiling && r->ceiling < lim ? r->ceiling : (int32_t)lim;
    }
    reset_ms = clickup__reset_in_ms(o->reset, wall, r->window_ms);
    if (reset_ms >= 0 && clickup__hdr_i64(o->remaining, &rem)) {
        int same;
        (void)clickup__hdr_i64(o->reset, &raw);
        same = r->server_remaining >= 0 && raw == r->server_reset_raw;
        rem -= f->inflight;           /* this process's sends in flight: not counted by the server yet */
        if (rem < 0) rem = 0;
        if (rem > INT32_MAX) rem = INT32_MAX;
        if (!same || rem < r->server_remaining) r->server_remaining = (int32_t)rem;   /* only down within a window */
        if (!same) { r->server_reset_raw = raw; r->server_reset = now + (uint64_t)reset_ms + margin; }
    }
    if (o->status == 429 && reset_ms >= 0) { r->server_remaining = 0; r->server_reset = now + (uint64_t)reset_ms + margin; }
    if (o->status == 429 || (o->status >= 500 && o->status <= 599)) {
        ra = clickup__retry_after_ms(o->retry_after, wall, (int64_t)r->window_ms + 5000);
        if (ra > 0 && now + (uint64_t)ra > r->hold_until) r->hold_until = now + (uint64_t)ra;
    }
    clickup__file_unlock(f);
}

CLICKUP__FN void clickup__file_state(void *self, uint64_t caller_now, clickup_rate_state *out) {
    clickup__file_limiter *f = (clickup__file_limiter *)self;
    clickup__file_record *r = f->rec;
    uint64_t wait, now = clickup__file_now(f);
    uint32_t count;
    (void)caller_now;
    clickup__file_lock(f);
    if (now < r->newest) now = r->newest;
    wait = clickup__file_wait(r, now);
    count = (uint32_t)r->head_count;
    out->limit = r->limit;
    out->window_ms = r->window_ms;
    out->available = wait || count >= (uint32_t)r->limit ? 0 : r->limit - (int)count;
    if (r->server_remaining >= 0 && out->available > r->server_remaining) out->available = r->server_remaining;
    out->server_remaining = r->server_remaining;
    out->reset_in_ms = r->server_reset > now ? r->server_reset - now : 0;
    out->next_free_in_ms = wait;
    clickup__file_unlock(f);
}

CLICKUP__FN void clickup__file_destroy(void *self) {
    clickup__file_limiter *f = (clickup__file_limiter *)self;
    clickup_allocator al = f->alloc;
    if (f->rec) munmap((void *)f->rec, f->map_size);
    if (f->fd >= 0) close(f->fd);
    pthread_mutex_destroy(&f->mu);
    clickup__free(&al, f);
}

/* Check a mapped record against what this process asks for. NULL, or why not. */
CLICKUP__FN const char *clickup__file_check(const clickup__file_record *r, size_t file_size, int window_ms, int ceiling) {
    if (r->magic != CLICKUP__FILE_MAGIC) return "is not a clickup.h limiter file (bad magic)";
    if (r->version != CLICKUP__FILE_VERSION) return "has an unknown version";
    if (r->slots < 1 || r->slots > CLICKUP__LIMIT_MAX || r->record_size != clickup__file_record_size(r->slots) ||
        file_size != r->record_size)
        return "has the wrong size";
    if (r->window_ms != window_ms || r->ceiling != ceiling) return "was created for another rate limit or window";
    if (r->limit < 1 || (uint32_t)r->limit > r->slots || r->window_ms < 1) return "holds impossible values";
    if ((uint32_t)(r->head_count >> 32) >= r->slots || (uint32_t)r->head_count > r->slots) return "holds impossible values";
    return NULL;
}

CLICKUP_API clickup_result clickup_limiter_open_file(const char *path, const clickup_limiter_config *cfg, clickup_limiter **out,
                                                     char *msg, size_t msg_size) {
    static const clickup_limiter_methods file_methods = {
        1, clickup__file_acquire, clickup__file_observe, clickup__file_state, clickup__file_destroy
    };
    clickup_limiter_config dflt;
    clickup__file_limiter *f;
    clickup__file_record *r;
    struct stat st;
    char boot[40];
    const char *why = NULL;
    int ceiling, window, created = 0;
    uint32_t slots;
    clickup_result rc = CLICKUP_ERR_CONFIG;
    if (msg && msg_size) msg[0] = '\0';
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!cfg) { memset(&dflt, 0, sizeof dflt); cfg = &dflt; }
    if (!path || !path[0] || cfg->rate_limit < 0 || cfg->rate_limit > CLICKUP__LIMIT_MAX || cfg->window_ms < 0)
        return CLICKUP_ERR_INVALID_ARG;
    ceiling = cfg->rate_limit;
    window = cfg->window_ms ? cfg->window_ms : 60000;
    slots = ceiling ? (uint32_t)ceiling : CLICKUP__FILE_SLOTS;
    if (!(f = (clickup__file_limiter *)clickup__malloc(cfg->allocator, sizeof *f))) return CLICKUP_ERR_NOMEM;
    memset(f, 0, sizeof *f);
    f->fd = -1;
    if (cfg->allocator) f->alloc = *cfg->allocator;
    f->hooks = cfg->hooks;
    if (pthread_mutex_init(&f->mu, NULL) != 0) { clickup__free(cfg->allocator, f); return CLICKUP_ERR_NOMEM; }
    clickup__boot_id(boot);
    f->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (f->fd < 0) { why = "cannot be opened or created"; goto fail; }
    (void)fcntl(f->fd, F_SETFD, FD_CLOEXEC);
    while (flock(f->fd, LOCK_EX) != 0 && errno == EINTR) {}   /* set up under the lock */
    if (fstat(f->fd, &st) != 0 || !S_ISREG(st.st_mode)) { why = "is not a regular file"; goto unlock; }
    if (st.st_uid != geteuid()) { why = "belongs to another user"; goto unlock; }
    if (st.st_mode & 077) { why = "can be read or written by other users (its mode must be 0600)"; goto unlock; }
    if (st.st_size == 0) {            /* new: lay out the record */
        if (lseek(f->fd, (off_t)clickup__file_record_size(slots) - 1, SEEK_SET) < 0 || write(f->fd, "", 1) != 1) {
            why = "cannot be sized";       /* (ftruncate is hidden by strict ISO C) */
            goto unlock;
        }
        created = 1;
        st.st_size = (off_t)clickup__file_record_size(slots);
    }
    if ((uint64_t)st.st_size < offsetof(clickup__file_record, ring) || (uint64_t)st.st_size > clickup__file_record_size(CLICKUP__LIMIT_MAX)) {
        why = "has the wrong size"; goto unlock;
    }
    f->map_size = (size_t)st.st_size;
    r = (clickup__file_record *)mmap(NULL, f->map_size, PROT_READ | PROT_WRITE, MAP_SHARED, f->fd, 0);
    if (r == (clickup__file_record *)MAP_FAILED) { why = "cannot be mapped"; goto unlock; }
    f->rec = r;
    f->slots = slots; f->window_ms = window; f->ceiling = ceiling;
    if (created) {
        r->version = CLICKUP__FILE_VERSION; r->slots = slots; r->record_size = (uint32_t)clickup__file_record_size(slots);
        r->window_ms = window; r->ceiling = ceiling;
        clickup__file_reset(r, boot);
        r->magic = CLICKUP__FILE_MAGIC;                              /* last: the record is whole */
    } else if ((why = clickup__file_check(r, f->map_size, window, ceiling)) != NULL) {
        goto unlock;
    } else if (!f->hooks.now_ms && (!boot[0] || memcmp(r->boot_id, boot, sizeof r->boot_id) != 0)) {
        clickup__file_reset(r, boot);                                /* written before a reboot */
    }
    (void)flock(f->fd, LOCK_UN);
    rc = clickup_limiter_create_custom(&file_methods, f, cfg->allocator, out);
    if (rc != CLICKUP_OK) clickup__file_destroy(f);
    return rc;
unlock:
    (void)flock(f->fd, LOCK_UN);
fail:
    if (msg && msg_size) clickup__fmt(msg, msg_size, "the limiter file %s", why);
    clickup__file_destroy(f);
    return rc;
}

/* ==== [cache] ================================================================================
   A small dict of GET responses: key = token fingerprint + method + path and query, value =
   the raw body bytes, with an expiry on the monotonic clock. Bounded in entries and bytes,
   least recently used out first. A hit gives the caller a fresh result decoded from the bytes,
   so nobody shares a result. Writes drop the entries they make stale (by path prefix).
   ============================================================================================= */
typedef struct clickup__centry {
    struct clickup__centry *prev, *next;   /* LRU list, most recent first */
    uint64_t hash, expires;
    unsigned char cls;                     /* cache class of its route   */
    char    *key;                          /* "GET /list/1/task?page=0"  */
    size_t   key_len;
    char    *body;
    size_t   body_len;
} clickup__centry;

typedef struct clickup__cache {
    clickup__centry *head, *tail;
    size_t   entries, bytes, max_entries, max_bytes;
    uint64_t salt;                         /* token fingerprint          */
    uint64_t hits, misses, evictions;
} clickup__cache;

CLICKUP__FN uint64_t clickup__fnv1a(uint64_t h, const char *s, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) { h ^= (unsigned char)s[i]; h *= 1099511628211ULL; }
    return h;
}

CLICKUP__FN void clickup__cache_unlink(clickup__cache *c, clickup__centry *e) {
    if (e->prev) e->prev->next = e->next; else c->head = e->next;
    if (e->next) e->next->prev = e->prev; else c->tail = e->prev;
    e->prev = e->next = NULL;
}

CLICKUP__FN void clickup__cache_drop(clickup__cache *c, const clickup_allocator *al, clickup__centry *e) {
    CLICKUP_ASSERT(c->entries > 0 && c->bytes >= e->body_len + e->key_len);
    clickup__cache_unlink(c, e);
    c->entries--;
    c->bytes -= e->body_len + e->key_len;
    clickup__free(al, e->key);
    clickup__free(al, e->body);
    clickup__free(al, e);
}

CLICKUP__FN clickup__centry *clickup__cache_find(clickup__cache *c, const char *key, size_t key_len, uint64_t *hash) {
    clickup__centry *e;
    *hash = clickup__fnv1a(c->salt, key, key_len);
    for (e = c->head; e; e = e->next)
        if (e->hash == *hash && e->key_len == key_len && memcmp(e->key, key, key_len) == 0) return e;
    return NULL;
}

/* A live entry for key, moved to the front; NULL on a miss (an expired entry is dropped). */
CLICKUP__FN clickup__centry *clickup__cache_get(clickup__cache *c, const clickup_allocator *al, const char *key,
                                                size_t key_len, uint64_t now) {
    uint64_t h;
    clickup__centry *e = clickup__cache_find(c, key, key_len, &h);
    if (e && e->expires <= now) { clickup__cache_drop(c, al, e); e = NULL; }
    if (!e) { c->misses++; return NULL; }
    c->hits++;
    clickup__cache_unlink(c, e);
    e->next = c->head;
    if (c->head) c->head->prev = e;
    c->head = e;
    if (!c->tail) c->tail = e;
    return e;
}

/* Store a copy of body under key for ttl_ms. Silently skips what does not fit. */
CLICKUP__FN void clickup__cache_put(clickup__cache *c, const clickup_allocator *al, const char *key, size_t key_len,
                                    const char *body, size_t body_len, uint64_t now, uint64_t ttl_ms, unsigned cls) {
    uint64_t h;
    size_t size, key_bytes, body_bytes;
    clickup__centry *e = clickup__cache_find(c, key, key_len, &h);
    if (e) clickup__cache_drop(c, al, e);
    if (!clickup__size_add(body_len, key_len, &size) || !clickup__size_add(key_len, 1, &key_bytes) ||
        !clickup__size_add(body_len, 1, &body_bytes))
        return;
    if (!c->max_entries || size > c->max_bytes) return;
    while (c->tail && (c->entries >= c->max_entries || c->bytes > c->max_bytes - size)) {
        clickup__cache_drop(c, al, c->tail);
        c->evictions++;
    }
    e = (clickup__centry *)clickup__malloc(al, sizeof *e);
    if (!e) return;
    memset(e, 0, sizeof *e);
    e->key = (char *)clickup__malloc(al, key_bytes);
    e->body = (char *)clickup__malloc(al, body_bytes);
    if (!e->key || !e->body) {
        clickup__free(al, e->key); clickup__free(al, e->body); clickup__free(al, e);
        return;
    }
    memcpy(e->key, key, key_len); e->key[key_len] = '\0';
    memcpy(e->body, body, body_len); e->body[body_len] = '\0';
    e->key_len = key_len; e->body_len = body_len; e->hash = h; e->expires = now + ttl_ms; e->cls = (unsigned char)cls;
    e->next = c->head;
    if (c->head) c->head->prev = e;
    c->head = e;
    if (!c->tail) c->tail = e;
    c->entries++;
    c->bytes += body_len + key_len;
}

CLICKUP__FN void clickup__cache_clear(clickup__cache *c, const clickup_allocator *al) {
    while (c->head) clickup__cache_drop(c, al, c->head);
}

/* ---- a cache of the caller's: the method table ------------------------------------------- */
struct clickup_cache {
    clickup_cache_methods m;        /* copied: the version-1 members */
    void                 *self;
    clickup_allocator     alloc;
};

CLICKUP_API clickup_result clickup_cache_create_custom(const clickup_cache_methods *methods, void *self,
                                                       const clickup_allocator *alloc, clickup_cache **out) {
    clickup_cache *k;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!methods || methods->version < 1 || !methods->get || !methods->put || !methods->invalidate || !methods->clear)
        return CLICKUP_ERR_INVALID_ARG;
    if (!(k = (clickup_cache *)clickup__malloc(alloc, sizeof *k))) return CLICKUP_ERR_NOMEM;
    memset(k, 0, sizeof *k);
    k->m.version = 1;
    k->m.get = methods->get; k->m.put = methods->put; k->m.invalidate = methods->invalidate;
    k->m.clear = methods->clear; k->m.destroy = methods->destroy;
    k->self = self;
    if (alloc) k->alloc = *alloc;
    *out = k;
    return CLICKUP_OK;
}

CLICKUP_API void clickup_cache_destroy(clickup_cache *k) {
    clickup_allocator al;
    if (!k) return;
    al = k->alloc;
    if (k->m.destroy) k->m.destroy(k->self);
    clickup__free(&al, k);
}

/* ==== [routes] ===============================================================================
   One row per ClickUp operation, all 137 of ClickUp's OpenAPI file, in its order: method, path
   template (without the /v2 prefix), operationId, whether the request may be sent again after
   it may already have reached the server, the cache class of a GET, what a write makes stale,
   and the decoder of a typed read. The engine reads everything it needs to know about an
   operation from its row; metrics are per row. The rules behind the columns:
   - RESEND: reads, PUT and DELETE are SAFE; a POST is ONCE (a replay would create again)
     unless it sets a value (a tag, a field, a link, a dependency, a guest, a list of a task).
   - CACHE: the workspace and its spaces (TEAM); folders, lists, their fields and space tags
     (HIERARCHY); task pages of a list, a view or the workspace (TASKS); nothing else.
   - INVALIDATES: a write to the hierarchy drops everything cached; a task's creation,
     deletion, move or merge drops task pages and the hierarchy (lists count tasks); an update
     drops task pages (only its list's when the answer names it, see clickup__send_write, and
     the hierarchy too when it archives); other writes on a task (tags, fields, checklists,
     time, links) drop task pages; workspace
     members and groups drop TEAM; comments, goals, views and webhooks drop nothing typed
     (and every write drops what a caller cached with CLICKUP_CACHE).
   - FLAGS: CLICKUP__CUSTOM_IDS where the operation takes a custom task id (22 of the 26 with
     {task_id}); a typed call refuses a custom id elsewhere, before ClickUp can answer with a
     misleading 401.
   ============================================================================================= */
enum {                                   /* may the request be sent again once it may have left? */
    CLICKUP__ONCE = 0,                   /* no: a POST that creates (a replay would duplicate)   */
    CLICKUP__SAFE = 1                    /* yes: reads, PUT, DELETE, and POSTs that set a value  */
};
enum {                                   /* cache class of a GET: which TTL, what drops it        */
    CLICKUP__CACHE_NONE = 0,             /* never cached                                         */
    CLICKUP__CACHE_TEAM,                 /* workspaces, members, spaces (config ttl_spaces)      */
    CLICKUP__CACHE_HIERARCHY,            /* folders and lists (ttl_hierarchy)                     */
    CLICKUP__CACHE_TASKS,                /* task pages (ttl_tasks)                                */
    CLICKUP__CACHE_OTHER                 /* a raw GET cached at the caller's request: any write
                                            drops it, since nobody can tell what it shows      */
};
typedef char clickup__cache_classes_match[CLICKUP__CACHE_TEAM == CLICKUP_CACHE_CLASS_TEAM &&
                                          CLICKUP__CACHE_HIERARCHY == CLICKUP_CACHE_CLASS_HIERARCHY &&
                                          CLICKUP__CACHE_TASKS == CLICKUP_CACHE_CLASS_TASKS &&
                                          CLICKUP__CACHE_OTHER == CLICKUP_CACHE_CLASS_OTHER ? 1 : -1];
#define CLICKUP__INV_TEAM      (1u << CLICKUP__CACHE_TEAM)      /* what a write makes stale   */
#define CLICKUP__INV_HIERARCHY (1u << CLICKUP__CACHE_HIERARCHY) /* (task counts live in lists) */
#define CLICKUP__INV_TASKS     (1u << CLICKUP__CACHE_TASKS)
#define CLICKUP__INV_ALL       (CLICKUP__INV_TEAM | CLICKUP__INV_HIERARCHY | CLICKUP__INV_TASKS)

/* A typed read decodes its answer into a result through the decoder of its row. */
typedef struct clickup__dec clickup__dec;              /* [decoders] */
typedef clickup_result (*clickup__decode_fn)(clickup__dec *d, const clickup_json *root, void *obj);
CLICKUP__FN clickup_result clickup__dec_teams(clickup__dec *d, const clickup_json *root, void *obj);
CLICKUP__FN clickup_result clickup__dec_spaces(clickup__dec *d, const clickup_json *root, void *obj);
CLICKUP__FN clickup_result clickup__dec_folders(clickup__dec *d, const clickup_json *root, void *obj);
CLICKUP__FN clickup_result clickup__dec_lists(clickup__dec *d, const clickup_json *root, void *obj);
CLICKUP__FN clickup_result clickup__dec_list(clickup__dec *d, const clickup_json *root, void *obj);
CLICKUP__FN clickup_result clickup__dec_task(clickup__dec *d, const clickup_json *root, void *obj);
CLICKUP__FN clickup_result clickup__dec_template_task(clickup__dec *d, const clickup_json *root, void *obj);
CLICKUP__FN clickup_result clickup__dec_space(clickup__dec *d, const clickup_json *root, void *obj);
CLICKUP__FN clickup_result clickup__dec_folder(clickup__dec *d, const clickup_json *root, void *obj);
CLICKUP__FN clickup_result clickup__dec_space_tags(clickup__dec *d, const clickup_json *root, void *obj);
CLICKUP__FN clickup_result clickup__dec_views(clickup__dec *d, const clickup_json *root, void *obj);
CLICKUP__FN clickup_result clickup__dec_view(clickup__dec *d, const clickup_json *root, void *obj);

typedef struct clickup__route {
    const char   *name;          /* "GET /task/{task_id}": metrics and error messages */
    const char   *method;
    const char   *path;          /* template                                          */
    const char   *operation_id;  /* ClickUp's OpenAPI operationId                     */
    unsigned char resend;        /* CLICKUP__ONCE or CLICKUP__SAFE                    */
    unsigned char cache;         /* CLICKUP__CACHE_*                                  */
    unsigned char invalidates;   /* CLICKUP__INV_* of a write, whatever its outcome   */
    unsigned char flags;         /* CLICKUP__CUSTOM_IDS: {task_id} may be a custom id */
    clickup__decode_fn decode;   /* the typed result of its answer, or NULL: pages are
                                    decoded by their walk, raw calls get JSON           */
    size_t        result_size;   /* sizeof the result decode fills                     */
} clickup__route;

#define CLICKUP__CUSTOM_IDS 1u   /* the operation takes custom_task_ids=true&team_id=... */
/*  X(ID, METHOD, PATH, OPERATION, RESEND, CACHE, INVALIDATES, DECODER, FLAGS) */
#define CLICKUP__DEC(fn, type) clickup__dec_##fn, sizeof(clickup_##type)
#define CLICKUP__NO_DEC        NULL, 0
#define CLICKUP__ROUTES(X) \
    X(CREATE_TASK_ATTACHMENT,           "POST",  "/task/{task_id}/attachment",                                   "CreateTaskAttachment",           ONCE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(GET_ACCESS_TOKEN,                 "POST",  "/oauth/token",                                                 "GetAccessToken",                 ONCE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_AUTHORIZED_USER,              "GET",   "/user",                                                        "GetAuthorizedUser",              SAFE, TEAM,     0, CLICKUP__NO_DEC, 0) \
    X(GET_TEAMS,                        "GET",   "/team",                                                        "GetAuthorizedTeams",             SAFE, TEAM,     0, CLICKUP__DEC(teams, teams), 0) \
    X(CREATE_CHECKLIST,                 "POST",  "/task/{task_id}/checklist",                                    "CreateChecklist",                ONCE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(EDIT_CHECKLIST,                   "PUT",   "/checklist/{checklist_id}",                                    "EditChecklist",                  SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, 0) \
    X(DELETE_CHECKLIST,                 "DELETE", "/checklist/{checklist_id}",                                    "DeleteChecklist",                SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, 0) \
    X(CREATE_CHECKLIST_ITEM,            "POST",  "/checklist/{checklist_id}/checklist_item",                     "CreateChecklistItem",            ONCE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, 0) \
    X(EDIT_CHECKLIST_ITEM,              "PUT",   "/checklist/{checklist_id}/checklist_item/{checklist_item_id}", "EditChecklistItem",              SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, 0) \
    X(DELETE_CHECKLIST_ITEM,            "DELETE", "/checklist/{checklist_id}/checklist_item/{checklist_item_id}", "DeleteChecklistItem",            SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, 0) \
    X(GET_TASK_COMMENTS,                "GET",   "/task/{task_id}/comment",                                      "GetTaskComments",                SAFE, NONE,     0, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(CREATE_TASK_COMMENT,              "POST",  "/task/{task_id}/comment",                                      "CreateTaskComment",              ONCE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(GET_CHAT_VIEW_COMMENTS,           "GET",   "/view/{view_id}/comment",                                      "GetChatViewComments",            SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(CREATE_CHAT_VIEW_COMMENT,         "POST",  "/view/{view_id}/comment",                                      "CreateChatViewComment",          ONCE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_LIST_COMMENTS,                "GET",   "/list/{list_id}/comment",                                      "GetListComments",                SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(CREATE_LIST_COMMENT,              "POST",  "/list/{list_id}/comment",                                      "CreateListComment",              ONCE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(UPDATE_COMMENT,                   "PUT",   "/comment/{comment_id}",                                        "UpdateComment",                  SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(DELETE_COMMENT,                   "DELETE", "/comment/{comment_id}",                                        "DeleteComment",                  SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_THREADED_COMMENTS,            "GET",   "/comment/{comment_id}/reply",                                  "GetThreadedComments",            SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(CREATE_THREADED_COMMENT,          "POST",  "/comment/{comment_id}/reply",                                  "CreateThreadedComment",          ONCE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_ACCESSIBLE_CUSTOM_FIELDS,     "GET",   "/list/{list_id}/field",                                        "GetAccessibleCustomFields",      SAFE, HIERARCHY, 0, CLICKUP__NO_DEC, 0) \
    X(GET_FOLDER_AVAILABLE_FIELDS,      "GET",   "/folder/{folder_id}/field",                                    "getFolderAvailableFields",       SAFE, HIERARCHY, 0, CLICKUP__NO_DEC, 0) \
    X(GET_SPACE_AVAILABLE_FIELDS,       "GET",   "/space/{space_id}/field",                                      "getSpaceAvailableFields",        SAFE, HIERARCHY, 0, CLICKUP__NO_DEC, 0) \
    X(GET_TEAM_AVAILABLE_FIELDS,        "GET",   "/team/{team_id}/field",                                        "getTeamAvailableFields",         SAFE, HIERARCHY, 0, CLICKUP__NO_DEC, 0) \
    X(SET_FIELD,                        "POST",  "/task/{task_id}/field/{field_id}",                             "SetCustomFieldValue",            SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(REMOVE_FIELD,                     "DELETE", "/task/{task_id}/field/{field_id}",                             "RemoveCustomFieldValue",         SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(ADD_DEPENDENCY,                   "POST",  "/task/{task_id}/dependency",                                   "AddDependency",                  SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(DELETE_DEPENDENCY,                "DELETE", "/task/{task_id}/dependency",                                   "DeleteDependency",               SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(ADD_TASK_LINK,                    "POST",  "/task/{task_id}/link/{links_to}",                              "AddTaskLink",                    SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(DELETE_TASK_LINK,                 "DELETE", "/task/{task_id}/link/{links_to}",                              "DeleteTaskLink",                 SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(GET_FOLDERS,                      "GET",   "/space/{space_id}/folder",                                     "GetFolders",                     SAFE, HIERARCHY, 0, CLICKUP__DEC(folders, folders), 0) \
    X(CREATE_FOLDER,                    "POST",  "/space/{space_id}/folder",                                     "CreateFolder",                   ONCE, NONE,     CLICKUP__INV_ALL, CLICKUP__DEC(folder, folder), 0) \
    X(GET_FOLDER,                       "GET",   "/folder/{folder_id}",                                          "GetFolder",                      SAFE, HIERARCHY, 0, CLICKUP__DEC(folder, folder), 0) \
    X(UPDATE_FOLDER,                    "PUT",   "/folder/{folder_id}",                                          "UpdateFolder",                   SAFE, NONE,     CLICKUP__INV_ALL, CLICKUP__DEC(folder, folder), 0) \
    X(DELETE_FOLDER,                    "DELETE", "/folder/{folder_id}",                                          "DeleteFolder",                   SAFE, NONE,     CLICKUP__INV_ALL, CLICKUP__NO_DEC, 0) \
    X(GET_GOALS,                        "GET",   "/team/{team_id}/goal",                                         "GetGoals",                       SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(CREATE_GOAL,                      "POST",  "/team/{team_id}/goal",                                         "CreateGoal",                     ONCE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_GOAL,                         "GET",   "/goal/{goal_id}",                                              "GetGoal",                        SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(UPDATE_GOAL,                      "PUT",   "/goal/{goal_id}",                                              "UpdateGoal",                     SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(DELETE_GOAL,                      "DELETE", "/goal/{goal_id}",                                              "DeleteGoal",                     SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(CREATE_KEY_RESULT,                "POST",  "/goal/{goal_id}/key_result",                                   "CreateKeyResult",                ONCE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(EDIT_KEY_RESULT,                  "PUT",   "/key_result/{key_result_id}",                                  "EditKeyResult",                  SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(DELETE_KEY_RESULT,                "DELETE", "/key_result/{key_result_id}",                                  "DeleteKeyResult",                SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(INVITE_GUEST_TO_WORKSPACE,        "POST",  "/team/{team_id}/guest",                                        "InviteGuestToWorkspace",         ONCE, NONE,     CLICKUP__INV_TEAM, CLICKUP__NO_DEC, 0) \
    X(GET_GUEST,                        "GET",   "/team/{team_id}/guest/{guest_id}",                             "GetGuest",                       SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(EDIT_GUEST_ON_WORKSPACE,          "PUT",   "/team/{team_id}/guest/{guest_id}",                             "EditGuestOnWorkspace",           SAFE, NONE,     CLICKUP__INV_TEAM, CLICKUP__NO_DEC, 0) \
    X(REMOVE_GUEST_FROM_WORKSPACE,      "DELETE", "/team/{team_id}/guest/{guest_id}",                             "RemoveGuestFromWorkspace",       SAFE, NONE,     CLICKUP__INV_TEAM, CLICKUP__NO_DEC, 0) \
    X(ADD_GUEST_TO_TASK,                "POST",  "/task/{task_id}/guest/{guest_id}",                             "AddGuestToTask",                 SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(REMOVE_GUEST_FROM_TASK,           "DELETE", "/task/{task_id}/guest/{guest_id}",                             "RemoveGuestFromTask",            SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(ADD_GUEST_TO_LIST,                "POST",  "/list/{list_id}/guest/{guest_id}",                             "AddGuestToList",                 SAFE, NONE,     CLICKUP__INV_HIERARCHY, CLICKUP__NO_DEC, 0) \
    X(REMOVE_GUEST_FROM_LIST,           "DELETE", "/list/{list_id}/guest/{guest_id}",                             "RemoveGuestFromList",            SAFE, NONE,     CLICKUP__INV_HIERARCHY, CLICKUP__NO_DEC, 0) \
    X(ADD_GUEST_TO_FOLDER,              "POST",  "/folder/{folder_id}/guest/{guest_id}",                         "AddGuestToFolder",               SAFE, NONE,     CLICKUP__INV_HIERARCHY, CLICKUP__NO_DEC, 0) \
    X(REMOVE_GUEST_FROM_FOLDER,         "DELETE", "/folder/{folder_id}/guest/{guest_id}",                         "RemoveGuestFromFolder",          SAFE, NONE,     CLICKUP__INV_HIERARCHY, CLICKUP__NO_DEC, 0) \
    X(GET_LISTS,                        "GET",   "/folder/{folder_id}/list",                                     "GetLists",                       SAFE, HIERARCHY, 0, CLICKUP__DEC(lists, lists), 0) \
    X(CREATE_LIST,                      "POST",  "/folder/{folder_id}/list",                                     "CreateList",                     ONCE, NONE,     CLICKUP__INV_ALL, CLICKUP__DEC(list, list), 0) \
    X(CREATE_FOLDER_FROM_TEMPLATE,      "POST",  "/space/{space_id}/folder_template/{template_id}",              "CreateFolderFromTemplate",       ONCE, NONE,     CLICKUP__INV_ALL, CLICKUP__NO_DEC, 0) \
    X(GET_FOLDERLESS_LISTS,             "GET",   "/space/{space_id}/list",                                       "GetFolderlessLists",             SAFE, HIERARCHY, 0, CLICKUP__DEC(lists, lists), 0) \
    X(CREATE_FOLDERLESS_LIST,           "POST",  "/space/{space_id}/list",                                       "CreateFolderlessList",           ONCE, NONE,     CLICKUP__INV_ALL, CLICKUP__DEC(list, list), 0) \
    X(GET_LIST,                         "GET",   "/list/{list_id}",                                              "GetList",                        SAFE, HIERARCHY, 0, CLICKUP__DEC(list, list), 0) \
    X(UPDATE_LIST,                      "PUT",   "/list/{list_id}",                                              "UpdateList",                     SAFE, NONE,     CLICKUP__INV_ALL, CLICKUP__DEC(list, list), 0) \
    X(DELETE_LIST,                      "DELETE", "/list/{list_id}",                                              "DeleteList",                     SAFE, NONE,     CLICKUP__INV_ALL, CLICKUP__NO_DEC, 0) \
    X(ADD_TASK_TO_LIST,                 "POST",  "/list/{list_id}/task/{task_id}",                               "AddTaskToList",                  SAFE, NONE,     CLICKUP__INV_TASKS | CLICKUP__INV_HIERARCHY, CLICKUP__NO_DEC, 0) \
    X(REMOVE_TASK_FROM_LIST,            "DELETE", "/list/{list_id}/task/{task_id}",                               "RemoveTaskFromList",             SAFE, NONE,     CLICKUP__INV_TASKS | CLICKUP__INV_HIERARCHY, CLICKUP__NO_DEC, 0) \
    X(GET_TASK_MEMBERS,                 "GET",   "/task/{task_id}/member",                                       "GetTaskMembers",                 SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_LIST_MEMBERS,                 "GET",   "/list/{list_id}/member",                                       "GetListMembers",                 SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_CUSTOM_ROLES,                 "GET",   "/team/{team_id}/customroles",                                  "GetCustomRoles",                 SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(SHARED_HIERARCHY,                 "GET",   "/team/{team_id}/shared",                                       "SharedHierarchy",                SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_SPACES,                       "GET",   "/team/{team_id}/space",                                        "GetSpaces",                      SAFE, TEAM,     0, CLICKUP__DEC(spaces, spaces), 0) \
    X(CREATE_SPACE,                     "POST",  "/team/{team_id}/space",                                        "CreateSpace",                    ONCE, NONE,     CLICKUP__INV_ALL, CLICKUP__DEC(space, space), 0) \
    X(GET_SPACE,                        "GET",   "/space/{space_id}",                                            "GetSpace",                       SAFE, TEAM,     0, CLICKUP__DEC(space, space), 0) \
    X(UPDATE_SPACE,                     "PUT",   "/space/{space_id}",                                            "UpdateSpace",                    SAFE, NONE,     CLICKUP__INV_ALL, CLICKUP__DEC(space, space), 0) \
    X(DELETE_SPACE,                     "DELETE", "/space/{space_id}",                                            "DeleteSpace",                    SAFE, NONE,     CLICKUP__INV_ALL, CLICKUP__NO_DEC, 0) \
    X(GET_SPACE_TAGS,                   "GET",   "/space/{space_id}/tag",                                        "GetSpaceTags",                   SAFE, HIERARCHY, 0, CLICKUP__DEC(space_tags, space_tags), 0) \
    X(CREATE_SPACE_TAG,                 "POST",  "/space/{space_id}/tag",                                        "CreateSpaceTag",                 ONCE, NONE,     CLICKUP__INV_TASKS | CLICKUP__INV_HIERARCHY, CLICKUP__NO_DEC, 0) \
    X(EDIT_SPACE_TAG,                   "PUT",   "/space/{space_id}/tag/{tag_name}",                             "EditSpaceTag",                   SAFE, NONE,     CLICKUP__INV_TASKS | CLICKUP__INV_HIERARCHY, CLICKUP__NO_DEC, 0) \
    X(DELETE_SPACE_TAG,                 "DELETE", "/space/{space_id}/tag/{tag_name}",                             "DeleteSpaceTag",                 SAFE, NONE,     CLICKUP__INV_TASKS | CLICKUP__INV_HIERARCHY, CLICKUP__NO_DEC, 0) \
    X(ADD_TAG,                          "POST",  "/task/{task_id}/tag/{tag_name}",                               "AddTagToTask",                   SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(REMOVE_TAG,                       "DELETE", "/task/{task_id}/tag/{tag_name}",                               "RemoveTagFromTask",              SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(GET_TASKS,                        "GET",   "/list/{list_id}/task",                                         "GetTasks",                       SAFE, TASKS,    0, CLICKUP__NO_DEC, 0) \
    X(CREATE_TASK,                      "POST",  "/list/{list_id}/task",                                         "CreateTask",                     ONCE, NONE,     CLICKUP__INV_TASKS | CLICKUP__INV_HIERARCHY, CLICKUP__DEC(task, task), 0) \
    X(GET_TASK,                         "GET",   "/task/{task_id}",                                              "GetTask",                        SAFE, NONE,     0, CLICKUP__DEC(task, task), CLICKUP__CUSTOM_IDS) \
    X(UPDATE_TASK,                      "PUT",   "/task/{task_id}",                                              "UpdateTask",                     SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__DEC(task, task), CLICKUP__CUSTOM_IDS) \
    X(DELETE_TASK,                      "DELETE", "/task/{task_id}",                                              "DeleteTask",                     SAFE, NONE,     CLICKUP__INV_TASKS | CLICKUP__INV_HIERARCHY, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(GET_TEAM_TASKS,                   "GET",   "/team/{team_Id}/task",                                         "GetFilteredTeamTasks",           SAFE, TASKS,    0, CLICKUP__NO_DEC, 0) \
    X(MERGE_TASKS,                      "POST",  "/task/{task_id}/merge",                                        "mergeTasks",                     ONCE, NONE,     CLICKUP__INV_TASKS | CLICKUP__INV_HIERARCHY, CLICKUP__NO_DEC, 0) \
    X(GET_TASKS_TIMEIN_STATUS,          "GET",   "/task/{task_id}/time_in_status",                               "GetTask'sTimeinStatus",          SAFE, NONE,     0, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(GET_BULK_TASKS_TIMEIN_STATUS,     "GET",   "/task/bulk_time_in_status/task_ids",                           "GetBulkTasks'TimeinStatus",      SAFE, NONE,     0, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(GET_TEMPLATES,                    "GET",   "/team/{team_id}/taskTemplate",                                 "GetTaskTemplates",               SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_LIST_TEMPLATES,               "GET",   "/team/{team_id}/list_template",                                "GetListTemplates",               SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_FOLDER_TEMPLATES,             "GET",   "/team/{team_id}/folder_template",                              "GetFolderTemplates",             SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(CREATE_FROM_TEMPLATE,             "POST",  "/list/{list_id}/taskTemplate/{template_id}",                   "CreateTaskFromTemplate",         ONCE, NONE,     CLICKUP__INV_TASKS | CLICKUP__INV_HIERARCHY, CLICKUP__DEC(template_task, template_task), 0) \
    X(CREATE_FOLDER_LIST_FROM_TEMPLATE, "POST",  "/folder/{folder_id}/list_template/{template_id}",              "CreateFolderListFromTemplate",   ONCE, NONE,     CLICKUP__INV_ALL, CLICKUP__NO_DEC, 0) \
    X(CREATE_SPACE_LIST_FROM_TEMPLATE,  "POST",  "/space/{space_id}/list_template/{template_id}",                "CreateSpaceListFromTemplate",    ONCE, NONE,     CLICKUP__INV_ALL, CLICKUP__NO_DEC, 0) \
    X(GET_WORKSPACESEATS,               "GET",   "/team/{team_id}/seats",                                        "GetWorkspaceseats",              SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_WORKSPACEPLAN,                "GET",   "/team/{team_id}/plan",                                         "GetWorkspaceplan",               SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(CREATE_USER_GROUP,                "POST",  "/team/{team_id}/group",                                        "CreateUserGroup",                ONCE, NONE,     CLICKUP__INV_TEAM, CLICKUP__NO_DEC, 0) \
    X(GET_CUSTOM_ITEMS,                 "GET",   "/team/{team_id}/custom_item",                                  "GetCustomItems",                 SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(UPDATE_USER_GROUP,                "PUT",   "/group/{group_id}",                                            "UpdateTeam",                     SAFE, NONE,     CLICKUP__INV_TEAM, CLICKUP__NO_DEC, 0) \
    X(DELETE_USER_GROUP,                "DELETE", "/group/{group_id}",                                            "DeleteTeam",                     SAFE, NONE,     CLICKUP__INV_TEAM, CLICKUP__NO_DEC, 0) \
    X(GET_USER_GROUPS,                  "GET",   "/group",                                                       "GetTeams1",                      SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GETTRACKEDTIME,                   "GET",   "/task/{task_id}/time",                                         "Gettrackedtime",                 SAFE, NONE,     0, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(TRACKTIME,                        "POST",  "/task/{task_id}/time",                                         "Tracktime",                      ONCE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(EDITTIMETRACKED,                  "PUT",   "/task/{task_id}/time/{interval_id}",                           "Edittimetracked",                SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(DELETETIMETRACKED,                "DELETE", "/task/{task_id}/time/{interval_id}",                           "Deletetimetracked",              SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(GETTIMEENTRIESWITHINADATERANGE,   "GET",   "/team/{team_Id}/time_entries",                                 "Gettimeentrieswithinadaterange", SAFE, NONE,     0, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(CREATEATIMEENTRY,                 "POST",  "/team/{team_Id}/time_entries",                                 "Createatimeentry",               ONCE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(GETSINGULARTIMEENTRY,             "GET",   "/team/{team_id}/time_entries/{timer_id}",                      "Getsingulartimeentry",           SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(DELETEATIME_ENTRY,                "DELETE", "/team/{team_id}/time_entries/{timer_id}",                      "DeleteatimeEntry",               SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, 0) \
    X(UPDATEATIME_ENTRY,                "PUT",   "/team/{team_id}/time_entries/{timer_id}",                      "UpdateatimeEntry",               SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(GETTIMEENTRYHISTORY,              "GET",   "/team/{team_id}/time_entries/{timer_id}/history",              "Gettimeentryhistory",            SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GETRUNNINGTIMEENTRY,              "GET",   "/team/{team_id}/time_entries/current",                         "Getrunningtimeentry",            SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(REMOVETAGSFROMTIMEENTRIES,        "DELETE", "/team/{team_id}/time_entries/tags",                            "Removetagsfromtimeentries",      SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, 0) \
    X(GETALLTAGSFROMTIMEENTRIES,        "GET",   "/team/{team_id}/time_entries/tags",                            "Getalltagsfromtimeentries",      SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(ADDTAGSFROMTIMEENTRIES,           "POST",  "/team/{team_id}/time_entries/tags",                            "Addtagsfromtimeentries",         SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, 0) \
    X(CHANGETAGNAMESFROMTIMEENTRIES,    "PUT",   "/team/{team_id}/time_entries/tags",                            "Changetagnamesfromtimeentries",  SAFE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, 0) \
    X(STARTATIME_ENTRY,                 "POST",  "/team/{team_Id}/time_entries/start",                           "StartatimeEntry",                ONCE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, CLICKUP__CUSTOM_IDS) \
    X(STOPATIME_ENTRY,                  "POST",  "/team/{team_id}/time_entries/stop",                            "StopatimeEntry",                 ONCE, NONE,     CLICKUP__INV_TASKS, CLICKUP__NO_DEC, 0) \
    X(INVITE_USER_TO_WORKSPACE,         "POST",  "/team/{team_id}/user",                                         "InviteUserToWorkspace",          ONCE, NONE,     CLICKUP__INV_TEAM, CLICKUP__NO_DEC, 0) \
    X(GET_USER,                         "GET",   "/team/{team_id}/user/{user_id}",                               "GetUser",                        SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(EDIT_USER_ON_WORKSPACE,           "PUT",   "/team/{team_id}/user/{user_id}",                               "EditUserOnWorkspace",            SAFE, NONE,     CLICKUP__INV_TEAM, CLICKUP__NO_DEC, 0) \
    X(REMOVE_USER_FROM_WORKSPACE,       "DELETE", "/team/{team_id}/user/{user_id}",                               "RemoveUserFromWorkspace",        SAFE, NONE,     CLICKUP__INV_TEAM, CLICKUP__NO_DEC, 0) \
    X(GET_TEAM_VIEWS,                   "GET",   "/team/{team_id}/view",                                         "GetTeamViews",                   SAFE, NONE,     0, CLICKUP__DEC(views, views), 0) \
    X(CREATE_TEAM_VIEW,                 "POST",  "/team/{team_id}/view",                                         "CreateTeamView",                 ONCE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_SPACE_VIEWS,                  "GET",   "/space/{space_id}/view",                                       "GetSpaceViews",                  SAFE, NONE,     0, CLICKUP__DEC(views, views), 0) \
    X(CREATE_SPACE_VIEW,                "POST",  "/space/{space_id}/view",                                       "CreateSpaceView",                ONCE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_FOLDER_VIEWS,                 "GET",   "/folder/{folder_id}/view",                                     "GetFolderViews",                 SAFE, NONE,     0, CLICKUP__DEC(views, views), 0) \
    X(CREATE_FOLDER_VIEW,               "POST",  "/folder/{folder_id}/view",                                     "CreateFolderView",               ONCE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_LIST_VIEWS,                   "GET",   "/list/{list_id}/view",                                         "GetListViews",                   SAFE, NONE,     0, CLICKUP__DEC(views, views), 0) \
    X(CREATE_LIST_VIEW,                 "POST",  "/list/{list_id}/view",                                         "CreateListView",                 ONCE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_VIEW,                         "GET",   "/view/{view_id}",                                              "GetView",                        SAFE, NONE,     0, CLICKUP__DEC(view, view), 0) \
    X(UPDATE_VIEW,                      "PUT",   "/view/{view_id}",                                              "UpdateView",                     SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(DELETE_VIEW,                      "DELETE", "/view/{view_id}",                                              "DeleteView",                     SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(GET_VIEW_TASKS,                   "GET",   "/view/{view_id}/task",                                         "GetViewTasks",                   SAFE, TASKS,    0, CLICKUP__NO_DEC, 0) \
    X(GET_WEBHOOKS,                     "GET",   "/team/{team_id}/webhook",                                      "GetWebhooks",                    SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(CREATE_WEBHOOK,                   "POST",  "/team/{team_id}/webhook",                                      "CreateWebhook",                  ONCE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(UPDATE_WEBHOOK,                   "PUT",   "/webhook/{webhook_id}",                                        "UpdateWebhook",                  SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(DELETE_WEBHOOK,                   "DELETE", "/webhook/{webhook_id}",                                        "DeleteWebhook",                  SAFE, NONE,     0, CLICKUP__NO_DEC, 0) \
    X(OTHER,                "*",      "(any other operation)",                     "",                       SAFE, NONE,      CLICKUP__INV_ALL, CLICKUP__NO_DEC, 0)
/* OTHER is every operation the table does not know (raw calls): a POST or PATCH there goes at
   most once unless the caller says CLICKUP_RETRY_SAFE, and a write drops the whole cache. */

#define CLICKUP__ROUTE_ENUM(id, m, p, op, re, ca, inv, dec, fl) CLICKUP__R_##id,
enum { CLICKUP__ROUTES(CLICKUP__ROUTE_ENUM) CLICKUP__ROUTE_COUNT };
#define CLICKUP__ROUTE_ROW(id, m, p, op, re, ca, inv, dec, fl) \
    { m " " p, m, p, op, CLICKUP__##re, CLICKUP__CACHE_##ca, (unsigned char)(inv), (unsigned char)(fl), dec },
static const clickup__route clickup__routes[CLICKUP__ROUTE_COUNT] = { CLICKUP__ROUTES(CLICKUP__ROUTE_ROW) };
#define CLICKUP__ROUTE(id) (&clickup__routes[CLICKUP__R_##id])

/* Every route has a metrics slot in clickup_metrics.endpoints. */
typedef char clickup__metric_slots_fit[CLICKUP__ROUTE_COUNT <= CLICKUP_METRIC_ENDPOINTS ? 1 : -1];

/* ==== [http] =================================================================================
   libcurl through one multi handle per client: each request in flight has its own easy handle
   (from a small pool, reset between uses), and the multi handle's connection pool keeps
   connections alive across them. The write callback enforces the size cap (CURLOPT_MAXFILESIZE
   does not stop chunked bodies on older libcurl); the header callback keeps only the rate-limit
   headers; the pre-request callback keeps a request that must go once from going twice. A
   transport hook in the config replaces libcurl.
   ============================================================================================= */
#include <curl/curl.h>

#define CLICKUP__ENDPOINT_RING 256
typedef struct clickup__endpoint_stats {
    const char *route;
    uint64_t    requests, errors;
    uint32_t    lat[CLICKUP__ENDPOINT_RING];    /* the last latencies, ms */
    size_t      lat_count, lat_next;
} clickup__endpoint_stats;

typedef struct clickup_pending clickup__req;   /* a request in flight (see [engine]) */

struct clickup_client {
    clickup_allocator alloc;
    char   *token, *auth_header, *base_url, *team_id, *ca_info, *ca_path;
    char    user_agent[96];
    int     base_is_http;
    /* configuration, defaults applied */
    int     rate_mode, disable_cache, max_retries;
    long    connect_timeout_ms, timeout_ms, call_deadline_ms, low_speed_bytes, low_speed_ms;
    long    backoff_base_ms, backoff_cap_ms;
    long    ttl_spaces_ms, ttl_tasks_ms, ttl_hierarchy_ms;
    size_t  max_response_bytes;
    clickup_log_fn    log;
    void             *log_user;
    clickup_log_level log_level;
    clickup_hooks     hooks;
    uint64_t          rng;
    clickup_transport_fn transport;
    void                *transport_user;
    clickup_limiter *limiter;
    int              own_limiter;
    clickup__cache   cache;           /* the client's own cache ...                           */
    clickup_cache   *shared_cache;    /* ... or the caller's (config.cache)                  */
    char            *pending_key;     /* a GET whose body goes into the cache once it decodes */
    size_t           pending_len;
    uint64_t         pending_ttl;
    unsigned         pending_cls;
    int              resend_ok;       /* the last request may be sent again (its route)        */
    int              last_sent;       /* the last request may have reached the server          */
    /* the engine */
    CURLM  *multi;                    /* every libcurl transfer of this client; its connection
                                         pool keeps connections alive between requests. Made
                                         and freed under wake_mu                              */
    pthread_mutex_t wake_mu;          /* clickup_pump_wakeup may come from another thread      */
    int     wake_pending;             /* under wake_mu: the next wait is skipped               */
    CURL   *easy_pool[4];             /* finished easy handles, reset and reused              */
    size_t  easy_pooled;
    int     transfers;                /* easy handles in the multi handle now                 */
    clickup__req *inflight;           /* requests started and not finished                    */
    uint64_t call_deadline;           /* monotonic ms at which the current public call ends  */
    char   *body;                     /* the last answer of a typed call, for its decoder     */
    size_t  body_len, body_cap;
    /* results */
    clickup_error err;
    clickup_metrics m;
    clickup__endpoint_stats *ep[CLICKUP__ROUTE_COUNT];  /* per route, made on first use  */
    clickup__endpoint_stats  ep_spare;                  /* when that allocation fails    */
    unsigned short ep_order[CLICKUP__ROUTE_COUNT];      /* routes in order of first use  */
    size_t  ep_count;
};

/* ---- logging: formatted, token redacted, silent unless a callback is set ---------------- */
/* Replace every occurrence of the token in s (a buffer of `size` bytes, at most 1024 are
   looked at) with "[redacted]". The text is rebuilt in a scratch buffer from left to right and
   cut to fit, so a token of any length is safe: shorter than the marker, or found inside it. */
CLICKUP__FN void clickup__redact(const clickup_client *c, char *s, size_t size) {
    static const char mark[] = "[redacted]";
    char out[1024];
    size_t tl, i = 0, o = 0, n;
    if (!c || !c->token || !(tl = strlen(c->token)) || !size) return;
    if (size > sizeof out) size = sizeof out;
    n = strlen(s);
    if (n >= size) n = size - 1;
    while (i < n && o + 1 < sizeof out) {
        if (n - i >= tl && memcmp(s + i, c->token, tl) == 0) {
            size_t k = sizeof mark - 1 < sizeof out - 1 - o ? sizeof mark - 1 : sizeof out - 1 - o;
            memcpy(out + o, mark, k);
            o += k;
            i += tl;
        } else {
            out[o++] = s[i++];
        }
    }
    out[o] = '\0';
    clickup__strlcpy(s, out, size);
}
#define CLICKUP__REDACT(c, arr) clickup__redact((c), (arr), sizeof(arr))

#ifdef CLICKUP_NO_LOG
#  define CLICKUP__LOG(c, level, ...) ((void)0)
#else
#  define CLICKUP__LOG(c, level, ...) \
      do { if ((c)->log && (int)(level) <= (int)(c)->log_level) clickup__log((c), (level), __VA_ARGS__); } while (0)
CLICKUP__FN void clickup__log(clickup_client *c, clickup_log_level level, const char *fmt, ...) CLICKUP__PRINTF(3, 4);
CLICKUP__FN void clickup__log(clickup_client *c, clickup_log_level level, const char *fmt, ...) {
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    CLICKUP__REDACT(c, line);
    c->log(c->log_user, level, line);
}
#endif

/* ---- URL pieces ---------------------------------------------------------------------------- */
/* An id that may go into a URL path: 1-64 of [A-Za-z0-9_-]. Everything else (/, ., ?, #, %,
   white space, control characters) is refused before any URL is built. */
CLICKUP__FN int clickup__valid_id(const char *s) {
    size_t n = 0;
    if (!s) return 0;
    for (; s[n]; n++) {
        unsigned char ch = (unsigned char)s[n];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_'))
            return 0;
        if (n >= 64) return 0;
    }
    return n > 0;
}

/* Text bound for a query value or a path segment: no control characters at all. */
CLICKUP__FN int clickup__clean_text(const char *s) {
    if (!s) return 0;
    for (; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f) return 0;
    return 1;
}

/* A growing string in the client's allocator, with a sticky failure flag. */
typedef struct clickup__buf {
    char  *p;
    size_t len, cap;
    int    nomem;
    const clickup_allocator *al;
} clickup__buf;

CLICKUP__FN void clickup__buf_put(clickup__buf *b, const char *s, size_t n) {
    size_t need;
    if (b->nomem) return;
    if (!clickup__size_add(b->len, n, &need) || !clickup__size_add(need, 1, &need)) { b->nomem = 1; return; }
    if (need > b->cap) {
        size_t ncap = clickup__grow(b->cap, need, 128, SIZE_MAX);
        char *np = ncap ? (char *)clickup__realloc(b->al, b->p, b->cap, ncap) : NULL;
        if (!np) { b->nomem = 1; return; }
        b->p = np; b->cap = ncap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}
CLICKUP__FN void clickup__buf_str(clickup__buf *b, const char *s) { clickup__buf_put(b, s, strlen(s)); }
/* Percent-encode everything but RFC 3986 unreserved characters. */
CLICKUP__FN void clickup__buf_escaped(clickup__buf *b, const char *s) {
    static const char hex[] = "0123456789ABCDEF";
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' ||
            ch == '_' || ch == '.' || ch == '~') {
            clickup__buf_put(b, (const char *)&ch, 1);
        } else {
            char e[3];
            e[0] = '%'; e[1] = hex[ch >> 4]; e[2] = hex[ch & 15];
            clickup__buf_put(b, e, 3);
        }
    }
}
/* "&key=value" (or "?key=value" for the first), the value percent-encoded. */
CLICKUP__FN void clickup__buf_query(clickup__buf *b, const char *key, const char *value) {
    clickup__buf_put(b, strchr(b->p ? b->p : "", '?') ? "&" : "?", 1);
    clickup__buf_str(b, key);
    clickup__buf_put(b, "=", 1);
    clickup__buf_escaped(b, value);
}
CLICKUP__FN void clickup__buf_query_i64(clickup__buf *b, const char *key, int64_t v) {
    char tmp[24];
    snprintf(tmp, sizeof tmp, "%lld", (long long)v);
    clickup__buf_query(b, key, tmp);
}

/* ---- one transfer: the answer's bytes and headers, and libcurl's easy handle ------------ */
typedef struct clickup__xfer {
    const clickup_allocator *al;
    size_t max;                       /* the size cap of the body                          */
    char  *body;                      /* NUL-terminated                                    */
    size_t len, cap;
    int    too_large, nomem;
    size_t header_bytes;
    char   h_limit[32], h_remaining[32], h_reset[32], h_retry_after[64];
    int    sends;                     /* sends libcurl began (see clickup__curl_prereq)    */
    int    resend_ok;                 /* may libcurl send the request again?               */
    CURL  *easy;                      /* while libcurl carries it                           */
    struct curl_slist *headers;
    char   curl_err[CURL_ERROR_SIZE];
    int    curl_code;
    const clickup_attachment_new *upload;   /* a multipart upload instead of a JSON body    */
    curl_mime *mime;
    size_t upload_pos;                      /* how much of upload->data libcurl has read    */
} clickup__xfer;

/* Append to the body, never past the cap. Returns n, or 0 (too large, or out of memory). */
CLICKUP__FN size_t clickup__xfer_put(clickup__xfer *x, const char *data, size_t n) {
    size_t need, limit;
    if (n > x->max || x->len > x->max - n) { x->too_large = 1; return 0; }
    if (!clickup__size_add(x->len + n, 1, &need)) { x->nomem = 1; return 0; }   /* len + n <= max */
    if (need > x->cap) {              /* grow, but never past the cap (+1 for the NUL) */
        size_t ncap;
        char *nb;
        if (!clickup__size_add(x->max, 1, &limit)) limit = SIZE_MAX;
        ncap = clickup__grow(x->cap, need, 16384, limit);
        nb = ncap ? (char *)clickup__realloc(x->al, x->body, x->cap, ncap) : NULL;
        if (!nb) { x->nomem = 1; return 0; }
        x->body = nb; x->cap = ncap;
    }
    if (n) memcpy(x->body + x->len, data, n);
    x->len += n;
    x->body[x->len] = '\0';
    return n;
}

CLICKUP__FN size_t clickup__curl_write(char *data, size_t size, size_t nmemb, void *user) {
    clickup__xfer *x = (clickup__xfer *)user;
    size_t n;
    if (!clickup__size_mul(size, nmemb, &n)) { x->too_large = 1; return 0; }
    return n ? clickup__xfer_put(x, data, n) : 0;
}

/* Keep a header's value if its name matches (case-insensitive), trimmed, truncated. */
CLICKUP__FN void clickup__take_header(const char *line, size_t n, const char *name, char *dst, size_t dst_size) {
    size_t k = strlen(name), i, vlen;
    const char *v;
    if (n <= k || line[k] != ':') return;
    for (i = 0; i < k; i++) {
        char a = line[i], b = name[i];
        if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
        if (a != b) return;
    }
    v = line + k + 1;
    vlen = n - k - 1;
    while (vlen && (*v == ' ' || *v == '\t')) { v++; vlen--; }
    while (vlen && (v[vlen - 1] == '\r' || v[vlen - 1] == '\n' || v[vlen - 1] == ' ')) vlen--;
    if (vlen >= dst_size) vlen = dst_size - 1;
    memcpy(dst, v, vlen);
    dst[vlen] = '\0';
}

CLICKUP__FN size_t clickup__curl_header(char *line, size_t size, size_t nmemb, void *user) {
    clickup__xfer *x = (clickup__xfer *)user;
    size_t n = size * nmemb;          /* libcurl hands one header line: small */
    x->header_bytes += n;
    if (x->header_bytes > 65536) return 0;                  /* hostile header flood */
    if (n >= 5 && memcmp(line, "HTTP/", 5) == 0) {          /* a new response (e.g. after 100) */
        x->h_limit[0] = x->h_remaining[0] = x->h_reset[0] = x->h_retry_after[0] = '\0';
        return n;
    }
    clickup__take_header(line, n, "x-ratelimit-limit", x->h_limit, sizeof x->h_limit);
    clickup__take_header(line, n, "x-ratelimit-remaining", x->h_remaining, sizeof x->h_remaining);
    clickup__take_header(line, n, "x-ratelimit-reset", x->h_reset, sizeof x->h_reset);
    clickup__take_header(line, n, "retry-after", x->h_retry_after, sizeof x->h_retry_after);
    return n;
}

/* libcurl, on a reused keep-alive connection that dies before any answer byte, silently sends
   the request again on a new one. For a request that must go at most once (a POST that creates)
   that would be a duplicate, so every send passes through this callback, which libcurl calls
   before each send of a transfer, and the second one is refused: the transfer then fails and
   the engine reports CLICKUP_ERR_OUTCOME_UNKNOWN. Before libcurl 7.80 there is no such
   callback: such requests then go on a fresh connection that is not kept, which is the only
   case in which libcurl resends. */
#if LIBCURL_VERSION_NUM >= 0x075000
CLICKUP__FN int clickup__curl_prereq(void *user, char *remote_ip, char *local_ip, int remote_port, int local_port) {
    clickup__xfer *x = (clickup__xfer *)user;
    (void)remote_ip; (void)local_ip; (void)remote_port; (void)local_port;
    if (x->sends++ > 0 && !x->resend_ok) return CURL_PREREQFUNC_ABORT;
    return CURL_PREREQFUNC_OK;
}
#endif

/* Free a header list after overwriting every line: one of them holds the token. */
CLICKUP__FN void clickup__slist_free_wiped(struct curl_slist *list) {
    struct curl_slist *t;
    for (t = list; t; t = t->next) {
        volatile char *v = t->data;
        while (v && *v) *v++ = 0;
    }
    curl_slist_free_all(list);
}

/* An upload from memory: libcurl reads the caller's buffer in place. */
CLICKUP__FN size_t clickup__upload_read(char *buf, size_t size, size_t nitems, void *user) {
    clickup__xfer *x = (clickup__xfer *)user;
    size_t left = x->upload->size - x->upload_pos, n = size * nitems;
    if (n > left) n = left;
    if (n) memcpy(buf, (const char *)x->upload->data + x->upload_pos, n);
    x->upload_pos += n;
    return n;
}
CLICKUP__FN int clickup__upload_seek(void *user, curl_off_t offset, int origin) {
    clickup__xfer *x = (clickup__xfer *)user;
    if (origin != SEEK_SET || offset < 0 || (uint64_t)offset > (uint64_t)x->upload->size) return CURL_SEEKFUNC_FAIL;
    x->upload_pos = (size_t)offset;
    return CURL_SEEKFUNC_OK;
}

/* The multipart body of an upload: one part, "attachment", streamed from the file or read from
   the caller's buffer. 0 when libcurl refuses it. */
CLICKUP__FN int clickup__xfer_mime(CURL *e, clickup__xfer *x) {
    const clickup_attachment_new *a = x->upload;
    curl_mimepart *part;
    if (!(x->mime = curl_mime_init(e)) || !(part = curl_mime_addpart(x->mime))) return 0;
    if (curl_mime_name(part, "attachment") != CURLE_OK) return 0;
    x->upload_pos = 0;
    if (a->path ? curl_mime_filedata(part, a->path) != CURLE_OK
                : curl_mime_data_cb(part, (curl_off_t)a->size, clickup__upload_read, clickup__upload_seek, NULL, x) != CURLE_OK)
        return 0;
    if (a->filename && curl_mime_filename(part, a->filename) != CURLE_OK) return 0;
    if (a->content_type && curl_mime_type(part, a->content_type) != CURLE_OK) return 0;
    return curl_easy_setopt(e, CURLOPT_MIMEPOST, x->mime) == CURLE_OK;
}

/* Give a transfer a configured easy handle (from the pool when one is free). 0 when libcurl
   could not provide one. */
CLICKUP__FN int clickup__xfer_setup(clickup_client *c, clickup__xfer *x, const clickup_http_request *rq, void *owner) {
    const char *const *h;
    CURL *e = c->easy_pooled ? c->easy_pool[--c->easy_pooled] : curl_easy_init();
    if (!e) { clickup__strlcpy(x->curl_err, "curl_easy_init failed", sizeof x->curl_err); return 0; }
    curl_easy_reset(e);
    x->easy = e;
    x->headers = NULL;
    for (h = rq->headers; *h; h++) {
        struct curl_slist *t = curl_slist_append(x->headers, *h);
        if (!t) { clickup__strlcpy(x->curl_err, "out of memory for the header list", sizeof x->curl_err); return 0; }
        x->headers = t;
    }
    x->curl_err[0] = '\0';
    x->sends = 0;
    curl_easy_setopt(e, CURLOPT_PRIVATE, owner);
    curl_easy_setopt(e, CURLOPT_URL, rq->url);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->headers);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->curl_err);
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, c->connect_timeout_ms);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, rq->timeout_ms > 0 ? rq->timeout_ms : 1L);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, c->low_speed_bytes);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, (c->low_speed_ms + 999) / 1000);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
    if ((uint64_t)c->max_response_bytes < (uint64_t)INT64_MAX)   /* SIZE_MAX means no cap: set none */
        curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)c->max_response_bytes);
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
#if LIBCURL_VERSION_NUM >= 0x075500
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, c->base_is_http ? "http" : "https");
#else
    curl_easy_setopt(e, CURLOPT_PROTOCOLS, c->base_is_http ? CURLPROTO_HTTP : CURLPROTO_HTTPS);
#endif
#if LIBCURL_VERSION_NUM >= 0x075000
    curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, clickup__curl_prereq);
    curl_easy_setopt(e, CURLOPT_PREREQDATA, x);
#else
    if (!x->resend_ok) {
        curl_easy_setopt(e, CURLOPT_FRESH_CONNECT, 1L);
        curl_easy_setopt(e, CURLOPT_FORBID_REUSE, 1L);
    }
#endif
    if (c->ca_info) curl_easy_setopt(e, CURLOPT_CAINFO, c->ca_info);
    if (c->ca_path) curl_easy_setopt(e, CURLOPT_CAPATH, c->ca_path);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, clickup__curl_write);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, clickup__curl_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
    if (x->upload) {
        if (!clickup__xfer_mime(e, x)) { clickup__strlcpy(x->curl_err, "the upload could not be set up", sizeof x->curl_err); return 0; }
    } else if (strcmp(rq->method, "GET") == 0) {
        curl_easy_setopt(e, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, rq->method);
        curl_easy_setopt(e, CURLOPT_POSTFIELDS, rq->body ? rq->body : "");
        curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(rq->body ? rq->body_len : 0));
    }
    x->h_limit[0] = x->h_remaining[0] = x->h_reset[0] = x->h_retry_after[0] = '\0';
    x->header_bytes = 0;
    return 1;
}

/* Hand the easy handle back to the pool (or free it) and wipe the header list. */
CLICKUP__FN void clickup__xfer_release(clickup_client *c, clickup__xfer *x) {
    if (x->easy) {
        curl_easy_setopt(x->easy, CURLOPT_HTTPHEADER, (struct curl_slist *)NULL);
        if (c->easy_pooled < CLICKUP__COUNT(c->easy_pool)) c->easy_pool[c->easy_pooled++] = x->easy;
        else curl_easy_cleanup(x->easy);
        x->easy = NULL;
    }
    clickup__slist_free_wiped(x->headers);
    x->headers = NULL;
    curl_mime_free(x->mime);
    x->mime = NULL;
}

/* What a finished libcurl transfer came to, with the answer's status and headers in resp. */
CLICKUP__FN clickup_transport_status clickup__xfer_finish(clickup__xfer *x, CURLcode rc, clickup_http_response *resp) {
    long status = 0, req_size = 0;
    curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_getinfo(x->easy, CURLINFO_REQUEST_SIZE, &req_size);   /* 0: provably never left */
    x->curl_code = (int)rc;
    if (rc != CURLE_OK && !x->curl_err[0]) clickup__strlcpy(x->curl_err, curl_easy_strerror(rc), sizeof x->curl_err);
    resp->status = (int)status;
    resp->body = x->body ? x->body : "";
    resp->body_len = x->len;
    resp->rate_limit = x->h_limit[0] ? x->h_limit : NULL;
    resp->rate_remaining = x->h_remaining[0] ? x->h_remaining : NULL;
    resp->rate_reset = x->h_reset[0] ? x->h_reset : NULL;
    resp->retry_after = x->h_retry_after[0] ? x->h_retry_after : NULL;
    if (rc != CURLE_OK && x->sends > 1) return CLICKUP_TRANSPORT_RECV_FAILED;   /* a resend was refused: it went once */
    switch (rc) {
    case CURLE_OK: return CLICKUP_TRANSPORT_OK;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT: return CLICKUP_TRANSPORT_NOT_SENT;
    case CURLE_WRITE_ERROR:
    case CURLE_FILESIZE_EXCEEDED:
        if (x->too_large || rc == CURLE_FILESIZE_EXCEEDED) return CLICKUP_TRANSPORT_TOO_LARGE;
        return CLICKUP_TRANSPORT_RECV_FAILED;
    case CURLE_OPERATION_TIMEDOUT: return req_size == 0 ? CLICKUP_TRANSPORT_NOT_SENT : CLICKUP_TRANSPORT_TIMEOUT;
    case CURLE_SEND_ERROR: return req_size == 0 ? CLICKUP_TRANSPORT_NOT_SENT : CLICKUP_TRANSPORT_SEND_FAILED;
    default: return req_size == 0 ? CLICKUP_TRANSPORT_NOT_SENT : CLICKUP_TRANSPORT_RECV_FAILED;
    }
}

/* curl errors that no retry can fix: certificates, bad URLs, unsupported protocols. */
CLICKUP__FN int clickup__curl_permanent(int code) {
    switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL: case CURLE_URL_MALFORMAT: case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM: case CURLE_SSL_CACERT_BADFILE: case CURLE_SSL_CIPHER:
    case CURLE_FAILED_INIT: case CURLE_OUT_OF_MEMORY:
        return 1;
    default: return 0;
    }
}

/* ==== [errors] ===============================================================================
   HTTP status + ClickUp's {"err"|"error": ..., "ECODE": ...} body -> a result code and a
   readable message. 401 is not always "bad token": ClickUp answers 401 OAUTH_023 and friends
   ("Team(s) not authorized") for workspaces and ids the token cannot reach.
   ============================================================================================= */
CLICKUP__FN int clickup__ecode_team_unauthorized(const char *ecode) {
    int n;
    if (strncmp(ecode, "OAUTH_", 6) != 0 || !ecode[6]) return 0;
    n = atoi(ecode + 6);
    return n == 23 || n == 26 || n == 27 || (n >= 29 && n <= 45);
}

CLICKUP__FN clickup_result clickup__status_result(int status, const char *ecode) {
    if (strcmp(ecode, "ITEM_013") == 0) return CLICKUP_ERR_NOT_FOUND;
    if (status == 401) return clickup__ecode_team_unauthorized(ecode) ? CLICKUP_ERR_NO_ACCESS : CLICKUP_ERR_AUTH;
    if (status == 403) return CLICKUP_ERR_NO_ACCESS;
    if (status == 404) return CLICKUP_ERR_NOT_FOUND;
    if (status == 400 || status == 422) return CLICKUP_ERR_VALIDATION;
    if (status == 429) return CLICKUP_ERR_RATE_LIMITED;
    if (status >= 500 && status <= 599) return CLICKUP_ERR_SERVER;
    return CLICKUP_ERR_HTTP;
}

/* Fill ecode and api_message of e from an error body, when it is ClickUp's JSON. */
CLICKUP__FN void clickup__error_body(const clickup_client *c, clickup_error *e, const char *body, size_t len) {
    clickup_json_doc *doc = NULL;
    const clickup_json *root, *msg;
    e->ecode[0] = e->api_message[0] = '\0';
    if (!body || !len || len > 65536) return;
    if (clickup_json_parse(body, len, &c->alloc, &doc, NULL) != CLICKUP_OK) return;
    root = clickup_json_root(doc);
    msg = clickup_json_get(root, "err");
    if (!clickup_json_is(msg, CLICKUP_JSON_STRING)) msg = clickup_json_get(root, "error");
    if (!clickup_json_is(msg, CLICKUP_JSON_STRING)) msg = clickup_json_get(root, "message");
    clickup__strlcpy(e->api_message, clickup_json_as_string(msg, "", NULL), sizeof e->api_message);
    clickup__strlcpy(e->ecode, clickup_json_as_string(clickup_json_get(root, "ECODE"), "", NULL), sizeof e->ecode);
    clickup_json_doc_free(doc);
    CLICKUP__REDACT(c, e->api_message);
}

/* Record a failure in e: code + message "<METHOD> <path>: <what>", token redacted. */
CLICKUP__FN clickup_result clickup__vfail(const clickup_client *c, clickup_error *e, clickup_result code, const char *fmt,
                                          va_list ap) {
    char what[200];
    (void)vsnprintf(what, sizeof what, fmt, ap);
    e->code = code;
    if (e->method[0])
        clickup__fmt(e->message, sizeof e->message, "%s %s: %s", e->method, e->path, what);
    else
        clickup__strlcpy(e->message, what, sizeof e->message);
    CLICKUP__REDACT(c, e->message);
    CLICKUP__REDACT(c, e->curl_error);
    return code;
}
CLICKUP__FN clickup_result clickup__efail(const clickup_client *c, clickup_error *e, clickup_result code, const char *fmt, ...)
    CLICKUP__PRINTF(4, 5);
CLICKUP__FN clickup_result clickup__efail(const clickup_client *c, clickup_error *e, clickup_result code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    code = clickup__vfail(c, e, code, fmt, ap);
    va_end(ap);
    return code;
}
/* The same, on the client's last error. */
CLICKUP__FN clickup_result clickup__fail(clickup_client *c, clickup_result code, const char *fmt, ...) CLICKUP__PRINTF(3, 4);
CLICKUP__FN clickup_result clickup__fail(clickup_client *c, clickup_result code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    code = clickup__vfail(c, &c->err, code, fmt, ap);
    va_end(ap);
    return code;
}

CLICKUP__FN void clickup__error_start(clickup_error *e, const char *method, const char *path) {
    memset(e, 0, sizeof *e);
    clickup__strlcpy(e->method, method, sizeof e->method);
    clickup__strlcpy(e->path, path, sizeof e->path);
}
CLICKUP__FN void clickup__error_reset(clickup_client *c, const char *method, const char *path) {
    clickup__error_start(&c->err, method, path);
}

CLICKUP_API const clickup_error *clickup_last_error(const clickup_client *client) {
    static const clickup_error none = { CLICKUP_ERR_INVALID_ARG, 0, "", "no client", "", "", "", 0, 0, 0, "", 0, 0 };
    return client ? &client->err : &none;
}


/* ==== [client] ===============================================================================
   Configuration, the request engine (limiter -> transport -> classify -> retry), metrics.
   ============================================================================================= */
CLICKUP_API clickup_result clickup_global_init(void) {
    return curl_global_init(CURL_GLOBAL_ALL) == CURLE_OK ? CLICKUP_OK : CLICKUP_ERR_NOMEM;
}
CLICKUP_API void clickup_global_cleanup(void) { curl_global_cleanup(); }

CLICKUP_API void clickup_config_init(clickup_config *cfg) {
    if (cfg) memset(cfg, 0, sizeof *cfg);
}

/* A token goes into a header: printable ASCII without spaces, or it could inject headers. */
CLICKUP__FN const char *clickup__token_problem(const char *t) {
    size_t n;
    if (!t || !*t) return "is empty";
    for (n = 0; t[n]; n++)
        if ((unsigned char)t[n] <= 0x20 || (unsigned char)t[n] >= 0x7f)
            return "contains white space, a control character or non-ASCII bytes";
    if (n > 2048) return "is longer than 2048 characters";
    return NULL;
}

/* A whole non-negative decimal number in [0, max]. */
CLICKUP__FN int clickup__env_num(const char *s, long max, long *out) {
    int64_t v;
    if (!s || !*s || !clickup__parse_i64(s, strlen(s), &v) || v < 0 || v > max) return 0;
    *out = (long)v;
    return 1;
}

CLICKUP__FN int clickup__ieq(const char *a, const char *b) {
    for (; *a && *b; a++, b++) {
        char x = *a, y = *b;
        if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
        if (x != y) return 0;
    }
    return *a == *b;
}

CLICKUP_API clickup_result clickup_config_from_env(clickup_config *cfg, char *msg, size_t msg_size) {
    const char *v, *why;
    long n;
    char dummy[8];
    if (!msg) { msg = dummy; msg_size = sizeof dummy; }
    if (msg_size) msg[0] = '\0';
    if (!cfg) return CLICKUP_ERR_INVALID_ARG;
    memset(cfg, 0, sizeof *cfg);
    v = getenv("CLICKUP_API_TOKEN");
    if (!v || !*v) { clickup__fmt(msg, msg_size, "CLICKUP_API_TOKEN is not set"); return CLICKUP_ERR_CONFIG; }
    if ((why = clickup__token_problem(v)) != NULL) {
        clickup__fmt(msg, msg_size, "CLICKUP_API_TOKEN %s", why);
        return CLICKUP_ERR_CONFIG;
    }
    cfg->token = v;
    if ((v = getenv("CLICKUP_TEAM_ID")) && *v) {
        if (!clickup__valid_id(v) || strspn(v, "0123456789") != strlen(v)) {
            clickup__fmt(msg, msg_size, "CLICKUP_TEAM_ID must be a workspace id (digits)");
            return CLICKUP_ERR_CONFIG;
        }
        cfg->team_id = v;
    }
    if ((v = getenv("CLICKUP_BASE_URL")) && *v) cfg->base_url = v;
    if ((v = getenv("CLICKUP_RATE_LIMIT")) && *v) {
        if (!clickup__env_num(v, CLICKUP__LIMIT_MAX, &n) || n == 0) {
            clickup__fmt(msg, msg_size, "CLICKUP_RATE_LIMIT must be a whole number from 1 to %d", CLICKUP__LIMIT_MAX);
            return CLICKUP_ERR_CONFIG;
        }
        cfg->rate_limit = (int)n;
    }
    if ((v = getenv("CLICKUP_RATE_WINDOW_S")) && *v) {
        if (!clickup__env_num(v, 86400, &n) || n == 0) {
            clickup__fmt(msg, msg_size, "CLICKUP_RATE_WINDOW_S must be a whole number of seconds from 1 to 86400");
            return CLICKUP_ERR_CONFIG;
        }
        cfg->rate_window_ms = (int)(n * 1000);
    }
    if ((v = getenv("CLICKUP_ENABLE_CACHE")) && *v) {
        if (clickup__ieq(v, "true") || clickup__ieq(v, "1") || clickup__ieq(v, "yes") || clickup__ieq(v, "on"))
            cfg->disable_cache = 0;
        else if (clickup__ieq(v, "false") || clickup__ieq(v, "0") || clickup__ieq(v, "no") || clickup__ieq(v, "off"))
            cfg->disable_cache = 1;
        else {
            clickup__fmt(msg, msg_size, "CLICKUP_ENABLE_CACHE must be true or false");
            return CLICKUP_ERR_CONFIG;
        }
    }
    if ((v = getenv("CLICKUP_TIMEOUT_MS")) && *v) {
        if (!clickup__env_num(v, 3600000L, &n) || n == 0) {
            clickup__fmt(msg, msg_size, "CLICKUP_TIMEOUT_MS must be a whole number of milliseconds from 1 to 3600000");
            return CLICKUP_ERR_CONFIG;
        }
        cfg->timeout_ms = n;
    }
    if ((v = getenv("CLICKUP_LIMITER")) && *v) {
        if (!((strncmp(v, "file:", 5) == 0 && v[5]) || strncmp(v, "redis://", 8) == 0) || !clickup__clean_text(v)) {
            clickup__fmt(msg, msg_size, "CLICKUP_LIMITER must be file:/path/to/file or redis://host:port[/db]");
            return CLICKUP_ERR_CONFIG;
        }
        cfg->limiter_url = v;
    }
    if ((v = getenv("CLICKUP_LOG_LEVEL")) && *v) {
        static const char *const names[] = { "", "off", "error", "warning", "info", "debug" };
        size_t i;
        for (i = 1; i < CLICKUP__COUNT(names); i++)
            if (clickup__ieq(v, names[i])) break;
        if (i == CLICKUP__COUNT(names)) {
            clickup__fmt(msg, msg_size, "CLICKUP_LOG_LEVEL must be one of off, error, warning, info, debug");
            return CLICKUP_ERR_CONFIG;
        }
        cfg->log_level = (clickup_log_level)i;
    }
    return CLICKUP_OK;
}

CLICKUP__FN char *clickup__strdup(const clickup_allocator *al, const char *s) {
    size_t n;
    char *d;
    if (!s) return NULL;
    n = strlen(s) + 1;     /* a string in memory: its length + 1 fits */
    d = (char *)clickup__malloc(al, n);
    if (d) memcpy(d, s, n);
    return d;
}

/* Overwrite then free: used for the token, so it does not linger in freed memory. */
CLICKUP__FN void clickup__free_secret(const clickup_allocator *al, char *s) {
    if (!s) return;
    {
        volatile char *v = s;
        while (*v) *v++ = 0;
    }
    clickup__free(al, s);
}

/* Is `host` (as libcurl's URL parser gives it) this machine? localhost, 127.0.0.0/8, [::1]. */
CLICKUP__FN int clickup__loopback_host(const char *host) {
    unsigned part[4];
    int i, used = 0;
    if (clickup__ieq(host, "localhost") || strcmp(host, "[::1]") == 0) return 1;
    for (i = 0; i < 4; i++) {                 /* four dotted decimal octets, nothing else */
        const char *start = host + used;
        int n = 0;
        part[i] = 0;
        while (start[n] >= '0' && start[n] <= '9' && n < 3) { part[i] = part[i] * 10 + (unsigned)(start[n] - '0'); n++; }
        if (n == 0 || part[i] > 255) return 0;
        used += n;
        if (i < 3 && host[used++] != '.') return 0;
    }
    return host[used] == '\0' && part[0] == 127;
}

/* The base URL, parsed by libcurl's URL API (never a prefix test): https:// anywhere, plain
   http:// only for loopback hosts (the sandbox); no user or password (they would travel to the
   host), no query, no fragment. Returns NULL when fine, else why not. */
CLICKUP__FN const char *clickup__base_url_problem(const char *u, int *is_http) {
    static const char *const why_scheme = "the base URL must start with https:// (http:// only for 127.0.0.0/8, localhost or [::1])";
    CURLU *h;
    char *scheme = NULL, *host = NULL, *part = NULL;
    const char *why = NULL;
    *is_http = 0;
    if (!clickup__clean_text(u) || strchr(u, ' ')) return "the base URL has spaces or control characters";
    if (!(h = curl_url())) return "out of memory";
    if (curl_url_set(h, CURLUPART_URL, u, 0) != CURLUE_OK ||
        curl_url_get(h, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
        curl_url_get(h, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
        why = "the base URL is not a valid URL";
    } else if (curl_url_get(h, CURLUPART_USER, &part, 0) == CURLUE_OK ||
               curl_url_get(h, CURLUPART_PASSWORD, &part, 0) == CURLUE_OK) {
        why = "the base URL must not contain a user name or password";
    } else if (curl_url_get(h, CURLUPART_QUERY, &part, 0) == CURLUE_OK ||
               curl_url_get(h, CURLUPART_FRAGMENT, &part, 0) == CURLUE_OK) {
        why = "the base URL must not contain a query or a fragment";
    } else if (clickup__ieq(scheme, "https")) {
        why = NULL;
    } else if (clickup__ieq(scheme, "http") && clickup__loopback_host(host)) {
        *is_http = 1;
    } else {
        why = why_scheme;
    }
    curl_free(scheme);
    curl_free(host);
    curl_free(part);
    curl_url_cleanup(h);
    return why;
}

/* Why a configuration cannot be used (static text), or NULL when it can. */
CLICKUP__FN const char *clickup__config_problem(const clickup_config *cfg) {
    const char *why;
    int is_http;
    if (!cfg) return "no configuration given";
    if (!cfg->token || !cfg->token[0]) return "the token is missing";
    if (clickup__token_problem(cfg->token)) return "the token contains white space, control characters or non-ASCII bytes, or is too long";
    if (cfg->base_url && (why = clickup__base_url_problem(cfg->base_url, &is_http)) != NULL) return why;
    if (cfg->team_id && !clickup__valid_id(cfg->team_id)) return "the team id is not a workspace id";
    if (cfg->rate_limit < 0 || cfg->rate_window_ms < 0) return "the rate limit and window must not be negative";
    if (cfg->timeout_ms < 0 || cfg->connect_timeout_ms < 0 || cfg->call_deadline_ms < 0 || cfg->low_speed_bytes < 0 ||
        cfg->low_speed_ms < 0)
        return "timeouts must not be negative";
    if (cfg->backoff_base_ms < 0 || cfg->backoff_cap_ms < 0) return "backoff times must not be negative";
    if (cfg->cache_ttl_spaces_ms < 0 || cfg->cache_ttl_tasks_ms < 0 || cfg->cache_ttl_hierarchy_ms < 0)
        return "cache TTLs must not be negative";
    if (!cfg->limiter && cfg->limiter_url && cfg->limiter_url[0]) {
        if (strncmp(cfg->limiter_url, "redis://", 8) == 0)
            return "a redis:// limiter needs the Redis companion (examples/clickup_redis.h): it makes config.limiter";
        if (strncmp(cfg->limiter_url, "file:", 5) != 0 || !cfg->limiter_url[5])
            return "the limiter URL must be file:/path/to/file";
        if (cfg->rate_limit > CLICKUP__LIMIT_MAX) return "the rate limit must not be above 100000";
    }
    return NULL;
}

CLICKUP_API clickup_result clickup_config_check(const clickup_config *cfg, char *msg, size_t msg_size) {
    const char *why = clickup__config_problem(cfg);
    if (msg && msg_size) clickup__strlcpy(msg, why ? why : "", msg_size);
    return why ? CLICKUP_ERR_CONFIG : CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_client_create(const clickup_config *cfg, clickup_client **out) {
    clickup_client *c;
    const char *why, *base;
    clickup_result rc;
    size_t n;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!cfg) return CLICKUP_ERR_INVALID_ARG;
    if (clickup__config_problem(cfg)) return CLICKUP_ERR_CONFIG;
    base = cfg->base_url ? cfg->base_url : "https://api.clickup.com/api/v2";
    c = (clickup_client *)clickup__malloc(cfg->allocator, sizeof *c);
    if (!c) return CLICKUP_ERR_NOMEM;
    memset(c, 0, sizeof *c);
    if (cfg->allocator) c->alloc = *cfg->allocator;
    if (pthread_mutex_init(&c->wake_mu, NULL) != 0) {
        clickup__free(cfg->allocator, c);
        return CLICKUP_ERR_NOMEM;
    }
    (void)clickup__base_url_problem(base, &c->base_is_http);
    why = NULL;
    c->token = clickup__strdup(&c->alloc, cfg->token);
    c->base_url = clickup__strdup(&c->alloc, base);
    c->team_id = cfg->team_id ? clickup__strdup(&c->alloc, cfg->team_id) : NULL;
    c->ca_info = cfg->ca_info ? clickup__strdup(&c->alloc, cfg->ca_info) : NULL;
    c->ca_path = cfg->ca_path ? clickup__strdup(&c->alloc, cfg->ca_path) : NULL;
    /* Personal tokens go raw; OAuth access tokens as Bearer. */
    n = strlen(cfg->token) + 32;
    c->auth_header = (char *)clickup__malloc(&c->alloc, n);
    if (c->auth_header) c->auth_header[0] = '\0';    /* destroy wipes it up to its NUL */
    if (!c->token || !c->base_url || (cfg->team_id && !c->team_id) || (cfg->ca_info && !c->ca_info) ||
        (cfg->ca_path && !c->ca_path) || !c->auth_header) {
        why = "nomem";
    } else {
        clickup__fmt(c->auth_header, n, "Authorization: %s%s", strncmp(cfg->token, "pk_", 3) == 0 ? "" : "Bearer ",
                     cfg->token);
        n = strlen(c->base_url);
        while (n && c->base_url[n - 1] == '/') c->base_url[--n] = '\0';
    }
    if (!why && cfg->limiter) {
        c->limiter = cfg->limiter;
    } else if (!why && cfg->limiter_url && cfg->limiter_url[0]) {   /* file: (checked above) */
        clickup_limiter_config lc;
        memset(&lc, 0, sizeof lc);
        lc.rate_limit = cfg->rate_limit; lc.window_ms = cfg->rate_window_ms; lc.allocator = &c->alloc; lc.hooks = cfg->hooks;
        c->own_limiter = 1;
        if ((rc = clickup_limiter_open_file(cfg->limiter_url + 5, &lc, &c->limiter, NULL, 0)) != CLICKUP_OK) {
            clickup_client_destroy(c);
            return rc == CLICKUP_ERR_NOMEM ? rc : CLICKUP_ERR_CONFIG;
        }
    } else if (!why) {
        rc = clickup_limiter_create(cfg->rate_limit, cfg->rate_window_ms, &c->alloc, &c->limiter);
        if (rc != CLICKUP_OK) why = "nomem";
        c->own_limiter = 1;
    }
    if (why) { clickup_client_destroy(c); return CLICKUP_ERR_NOMEM; }

    c->rate_mode = cfg->rate_mode;
    c->disable_cache = cfg->disable_cache;
    c->max_retries = cfg->max_retries == 0 ? 3 : cfg->max_retries < 0 ? 0 : cfg->max_retries > 10 ? 10 : cfg->max_retries;
    c->connect_timeout_ms = cfg->connect_timeout_ms ? cfg->connect_timeout_ms : 10000;
    c->timeout_ms = cfg->timeout_ms ? cfg->timeout_ms : 30000;
    c->call_deadline_ms = cfg->call_deadline_ms ? cfg->call_deadline_ms : 90000;
    c->low_speed_bytes = cfg->low_speed_bytes ? cfg->low_speed_bytes : 1;
    c->low_speed_ms = cfg->low_speed_ms ? cfg->low_speed_ms : 20000;
    c->backoff_base_ms = cfg->backoff_base_ms ? cfg->backoff_base_ms : 2000;
    c->backoff_cap_ms = cfg->backoff_cap_ms ? cfg->backoff_cap_ms : 8000;
    c->ttl_spaces_ms = cfg->cache_ttl_spaces_ms ? cfg->cache_ttl_spaces_ms : 3600000L;
    c->ttl_tasks_ms = cfg->cache_ttl_tasks_ms ? cfg->cache_ttl_tasks_ms : 300000L;
    c->ttl_hierarchy_ms = cfg->cache_ttl_hierarchy_ms ? cfg->cache_ttl_hierarchy_ms : 300000L;
    c->max_response_bytes = cfg->max_response_bytes ? cfg->max_response_bytes : CLICKUP_MAX_RESPONSE_BYTES;
    c->log = cfg->log;
    c->log_user = cfg->log_user;
    c->log_level = cfg->log_level != CLICKUP_LOG_DEFAULT ? cfg->log_level : CLICKUP_LOG_INFO;
    c->hooks = cfg->hooks;
    if (!c->hooks.now_ms) c->hooks.now_ms = clickup__mono_ms;
    if (!c->hooks.wall_ms) c->hooks.wall_ms = clickup__wall_ms;
    if (!c->hooks.sleep_ms) c->hooks.sleep_ms = clickup__sleep_ms;
    c->rng = 0x9E3779B97F4A7C15ULL ^ (uint64_t)clickup__wall_ms(NULL) ^ (uint64_t)(uintptr_t)c;
    c->transport = cfg->transport;
    c->transport_user = cfg->transport_user;
    c->shared_cache = cfg->cache;
    c->cache.max_entries = cfg->cache_max_entries ? cfg->cache_max_entries : 256;
    c->cache.max_bytes = cfg->cache_max_bytes ? cfg->cache_max_bytes : ((size_t)8 << 20);
    c->cache.salt = clickup__fnv1a(14695981039346656037ULL, c->token, strlen(c->token));
    {
        curl_version_info_data *vi = curl_version_info(CURLVERSION_NOW);
        clickup__fmt(c->user_agent, sizeof c->user_agent, "User-Agent: clickup.h/%s libcurl/%s", CLICKUP_VERSION_STRING,
                     vi && vi->version ? vi->version : "unknown");
    }
    *out = c;
    return CLICKUP_OK;
}

CLICKUP__FN void clickup__engine_close(clickup_client *c);   /* [engine] */

CLICKUP_API void clickup_client_destroy(clickup_client *c) {
    clickup_allocator al;
    if (!c) return;
    al = c->alloc;
    clickup__engine_close(c);
    {
        size_t i;
        for (i = 0; i < CLICKUP__ROUTE_COUNT; i++) clickup__free(&al, c->ep[i]);
    }
    clickup__cache_clear(&c->cache, &al);
    clickup__free(&al, c->pending_key);
    if (c->own_limiter) clickup_limiter_destroy(c->limiter);
    clickup__free_secret(&al, c->token);
    clickup__free_secret(&al, c->auth_header);
    clickup__free(&al, c->base_url);
    clickup__free(&al, c->team_id);
    clickup__free(&al, c->ca_info);
    clickup__free(&al, c->ca_path);
    clickup__free(&al, c->body);
    pthread_mutex_destroy(&c->wake_mu);
    memset(c, 0, sizeof *c);
    clickup__free(&al, c);
}

CLICKUP__FN uint64_t clickup__random(clickup_client *c) {
    uint64_t x;
    if (c->hooks.random_u64) return c->hooks.random_u64(c->hooks.user);
    x = c->rng;                                /* xorshift64* */
    x ^= x >> 12; x ^= x << 25; x ^= x >> 27;
    c->rng = x;
    return x * 2685821657736338717ULL;
}

/* ---- metrics --------------------------------------------------------------------------------- */
CLICKUP__FN clickup__endpoint_stats *clickup__endpoint(clickup_client *c, const clickup__route *r) {
    size_t i = (size_t)(r - clickup__routes);
    clickup__endpoint_stats *ep = c->ep[i];
    if (!ep) {
        if (!(ep = (clickup__endpoint_stats *)clickup__malloc(&c->alloc, sizeof *ep))) return &c->ep_spare;
        memset(ep, 0, sizeof *ep);
        ep->route = r->name;
        c->ep[i] = ep;
        c->ep_order[c->ep_count++] = (unsigned short)i;
    }
    return ep;
}

CLICKUP__FN void clickup__count_error(clickup_client *c, clickup_result rc) {
    switch (rc) {
    case CLICKUP_OK: break;
    case CLICKUP_ERR_NETWORK: case CLICKUP_ERR_OUTCOME_UNKNOWN: c->m.errors_network++; break;
    case CLICKUP_ERR_TIMEOUT: c->m.errors_timeout++; break;
    case CLICKUP_ERR_AUTH: case CLICKUP_ERR_NO_ACCESS: c->m.errors_auth++; break;
    case CLICKUP_ERR_NOT_FOUND: case CLICKUP_ERR_VALIDATION: case CLICKUP_ERR_RATE_LIMITED: c->m.errors_client++; break;
    case CLICKUP_ERR_SERVER: c->m.errors_server++; break;
    case CLICKUP_ERR_BAD_RESPONSE: case CLICKUP_ERR_TOO_LARGE: c->m.errors_bad_response++; break;
    default: c->m.errors_other++; break;
    }
}

CLICKUP__FN int clickup__cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

CLICKUP_API void clickup_metrics_get(const clickup_client *c, clickup_metrics *out) {
    size_t i;
    if (!out) return;
    memset(out, 0, sizeof *out);
    if (!c) return;
    *out = c->m;
    out->cache_hits = c->cache.hits;
    out->cache_misses = c->cache.misses;
    out->cache_evictions = c->cache.evictions;
    out->cache_entries = c->cache.entries;
    out->cache_bytes = c->cache.bytes;
    out->cache_hit_rate = c->cache.hits + c->cache.misses
                              ? (double)c->cache.hits / (double)(c->cache.hits + c->cache.misses) : 0.0;
    {
        clickup_rate_state rs;
        clickup__limiter_view(c->limiter, c->hooks.now_ms(c->hooks.user), &rs);
        out->bucket_available = rs.available;
    }
    out->endpoint_count = c->ep_count;
    for (i = 0; i < c->ep_count; i++) {
        uint32_t sorted[CLICKUP__ENDPOINT_RING];
        const clickup__endpoint_stats *ep = c->ep[c->ep_order[i]];
        size_t n = ep->lat_count;
        clickup_endpoint_metrics *em = &out->endpoints[i];
        em->endpoint = ep->route;
        em->requests = ep->requests;
        em->errors = ep->errors;
        if (!n) continue;
        memcpy(sorted, ep->lat, n * sizeof sorted[0]);
        qsort(sorted, n, sizeof sorted[0], clickup__cmp_u32);
        em->p50_ms = sorted[(n - 1) * 50 / 100];
        em->p95_ms = sorted[(n - 1) * 95 / 100];
        em->p99_ms = sorted[(n - 1) * 99 / 100];
    }
}

CLICKUP_API clickup_result clickup_rate_get(clickup_client *c, clickup_rate_state *out) {
    if (!c || !out) return CLICKUP_ERR_INVALID_ARG;
    clickup__limiter_view(c->limiter, c->hooks.now_ms(c->hooks.user), out);
    return CLICKUP_OK;
}

CLICKUP_API void clickup_cache_clear(clickup_client *c) {
    if (!c) return;
    if (c->shared_cache) c->shared_cache->m.clear(c->shared_cache->self);
    clickup__cache_clear(&c->cache, &c->alloc);
}

/* ==== [engine] ===============================================================================
   A request is an object (struct clickup_pending) that holds everything about one request:
   URL, headers, body, attempt, wake-up time, answer, error. It moves through

       LIMITER --> SEND --> SENDING --> CLASSIFY --> DONE
          ^                                 |
          +---------- BACKOFF <-------------+   (a retry: the server's wait, or full jitter)

   clickup__req_advance moves one request as far as it can go without waiting; clickup__pump
   advances every request of a client, lets libcurl move bytes, and then waits (network
   activity, the next wake-up time, or the caller's bound). A blocking call is a thin driver
   that pumps until its one request is done: the way curl_easy_perform drives the multi engine.
   Classification is a pure function of the exchange's outcome (clickup__classify).
   ============================================================================================= */
typedef enum clickup__state {
    CLICKUP__S_LIMITER,       /* waiting for a slot of the rate budget (until wake_at)     */
    CLICKUP__S_SEND,          /* admitted: hand it to the transport                       */
    CLICKUP__S_SENDING,       /* libcurl carries it                                       */
    CLICKUP__S_CLASSIFY,      /* an exchange ended: decide                                */
    CLICKUP__S_BACKOFF,       /* waiting before the next attempt (until wake_at)          */
    CLICKUP__S_DONE
} clickup__state;

struct clickup_pending {
    clickup_client       *client;
    const clickup__route *route;
    clickup__state        state;
    clickup_result        rc;
    clickup_error         err;          /* errors travel with the request                   */
    int       attempt, sent, use_cache, from_cache, resend_ok, waiting_limiter, linked, owned;
    int       deadline_cancels;         /* its deadline is a batch's: not sent by then = CANCELLED */
    int       defer_invalidate;         /* the caller invalidates (see clickup__call)        */
    unsigned  flags;
    uint64_t  ttl, deadline, wake_at, wait_since, t_sent;
    clickup__buf url, key;              /* the full URL; the cache key "GET /path?query"    */
    const char *path;                   /* the path, for messages (inside url)              */
    char     *owned_body;               /* a raw call's copy of its body                    */
    char      list_id[72];              /* a write's list, to drop only its task pages      */
    const char *headers[6];
    clickup_http_request     rq;
    clickup_transport_status ts;
    clickup_http_response    resp;
    clickup__xfer            x;
    clickup__endpoint_stats *ep;
    clickup__req            *next;      /* the client's requests in flight                  */
};

/* What a typed call asks of the engine. */
typedef struct clickup__call {
    const clickup__route *route;
    const char *path;         /* "/task/abc" (already validated)                          */
    const char *query;        /* "?a=b&c=d" or "" (already encoded)                        */
    const char *body;         /* JSON or NULL                                              */
    size_t      body_len;
    const char *list_id;      /* a write's list, to drop only its task pages (or NULL)     */
    unsigned    flags;        /* CLICKUP_NO_CACHE                                          */
    const clickup_attachment_new *upload;   /* a multipart upload instead of body           */
    int         defer_invalidate;   /* the caller drops what the write made stale itself,
                                       once it knows more from the answer                 */
} clickup__call;

/* A public call begins: its deadline covers every page, retry and wait inside it. */
CLICKUP__FN void clickup__begin(clickup_client *c) {
    c->call_deadline = c->hooks.now_ms(c->hooks.user) + (uint64_t)c->call_deadline_ms;
}

CLICKUP__FN uint64_t clickup__cache_ttl(const clickup_client *c, const clickup__route *r) {
    switch (r->cache) {
    case CLICKUP__CACHE_TEAM: return (uint64_t)c->ttl_spaces_ms;
    case CLICKUP__CACHE_HIERARCHY: return (uint64_t)c->ttl_hierarchy_ms;
    case CLICKUP__CACHE_TASKS: return (uint64_t)c->ttl_tasks_ms;
    default: return 0;
    }
}

/* ---- classification: a pure function ------------------------------------------------------ */
/* What one exchange came to, as the classifier sees it. */
typedef struct clickup__outcome {
    clickup_transport_status ts;
    int      status;            /* HTTP status when ts == OK                              */
    int64_t  retry_after_ms;    /* Retry-After, -1 when absent                            */
    int64_t  reset_ms;          /* X-RateLimit-Reset from now, margin included; -1 absent */
    int      resend_ok;         /* the route may be sent again after it may have left     */
    int      permanent;         /* a transport error no retry can fix (certificate, URL)  */
} clickup__outcome;

typedef enum clickup__action { CLICKUP__DONE, CLICKUP__FAIL, CLICKUP__RETRY } clickup__action;

typedef struct clickup__verdict {
    clickup__action action;
    clickup_result  code;       /* FAIL: the error; RETRY: the error if retries run out  */
    int64_t         wait_ms;    /* RETRY: the server's wait, or -1 for jittered backoff  */
    int             rate;       /* RETRY: a pause the server asked for (429, Retry-After) */
    const char     *why;        /* OUTCOME_UNKNOWN: what happened                         */
} clickup__verdict;

/* What to do after an exchange. Never sends again a request that may have reached the server
   unless its route is safe to resend; honours Retry-After wherever it appears. */
CLICKUP__FN clickup__verdict clickup__classify(const clickup__outcome *o) {
    clickup__verdict v;
    v.action = CLICKUP__FAIL; v.code = CLICKUP_OK; v.wait_ms = -1; v.rate = 0; v.why = NULL;
    if (o->ts == CLICKUP_TRANSPORT_OK) {
        int st = o->status;
        if (st >= 200 && st <= 299) { v.action = CLICKUP__DONE; return v; }
        v.code = clickup__status_result(st, "");
        if (st == 429) {                     /* refused before acting: safe for every route  */
            v.action = CLICKUP__RETRY;
            v.rate = 1;
            v.wait_ms = o->retry_after_ms >= 0 ? o->retry_after_ms : o->reset_ms;
        } else if (st == 408) {              /* the server did not get the whole request     */
            v.action = CLICKUP__RETRY;
            v.wait_ms = o->retry_after_ms;
        } else if (st == 500 || st == 502 || st == 503 || st == 504) {
            if (o->resend_ok) {
                v.action = CLICKUP__RETRY;
                v.wait_ms = o->retry_after_ms;
                v.rate = o->retry_after_ms >= 0;
            } else {
                v.code = CLICKUP_ERR_OUTCOME_UNKNOWN;
                v.why = "a server error after the request was sent";
            }
        }
        return v;
    }
    switch (o->ts) {
    case CLICKUP_TRANSPORT_NOT_SENT:         /* it never left: always safe to try again      */
        v.code = CLICKUP_ERR_NETWORK;
        if (!o->permanent) v.action = CLICKUP__RETRY;
        return v;
    case CLICKUP_TRANSPORT_TOO_LARGE:
        v.code = CLICKUP_ERR_TOO_LARGE;
        if (!o->resend_ok) { v.code = CLICKUP_ERR_OUTCOME_UNKNOWN; v.why = "an answer too large to read"; }
        return v;
    default:                                 /* sent (or maybe sent), then no whole answer   */
        v.code = o->ts == CLICKUP_TRANSPORT_TIMEOUT ? CLICKUP_ERR_TIMEOUT : CLICKUP_ERR_NETWORK;
        if (!o->resend_ok) {
            v.code = CLICKUP_ERR_OUTCOME_UNKNOWN;
            v.why = o->ts == CLICKUP_TRANSPORT_TIMEOUT ? "a time-out after the request was sent"
                                                       : "a lost connection after the request was sent";
        } else if (!o->permanent) {
            v.action = CLICKUP__RETRY;
        }
        return v;
    }
}

/* Full jitter: U(0, min(cap, base * 2^attempt)). */
CLICKUP__FN uint64_t clickup__backoff_ms(clickup_client *c, int attempt) {
    uint64_t ceiling = (uint64_t)c->backoff_base_ms << (attempt < 20 ? attempt : 20);
    if (ceiling > (uint64_t)c->backoff_cap_ms) ceiling = (uint64_t)c->backoff_cap_ms;
    return ceiling ? clickup__random(c) % (ceiling + 1) : 0;
}

/* ---- the request's error record ------------------------------------------------------------ */
CLICKUP__FN clickup_result clickup__req_fail(clickup__req *p, clickup_result code, const char *fmt, ...) CLICKUP__PRINTF(3, 4);
CLICKUP__FN clickup_result clickup__req_fail(clickup__req *p, clickup_result code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    code = clickup__vfail(p->client, &p->err, code, fmt, ap);
    va_end(ap);
    return code;
}

/* "HTTP 404 ITEM_013: Task not found". */
CLICKUP__FN clickup_result clickup__req_fail_http(clickup__req *p, clickup_result rc) {
    clickup_error *e = &p->err;
    if (e->ecode[0] || e->api_message[0])
        return clickup__req_fail(p, rc, "HTTP %d%s%s: %s", p->resp.status, e->ecode[0] ? " " : "", e->ecode,
                                 e->api_message[0] ? e->api_message : clickup_strerror(rc));
    return clickup__req_fail(p, rc, "HTTP %d: %s", p->resp.status, clickup_strerror(rc));
}

/* A failure without an HTTP status. */
CLICKUP__FN clickup_result clickup__req_fail_transport(clickup__req *p, clickup_result rc) {
    if (rc == CLICKUP_ERR_TOO_LARGE)
        return clickup__req_fail(p, rc, "response larger than %llu bytes", (unsigned long long)p->client->max_response_bytes);
    return clickup__req_fail(p, rc, "%s", p->err.curl_error[0] ? p->err.curl_error : clickup_strerror(rc));
}

/* A wait for the rate limit that may not happen: CLICKUP_RATE_FAIL, or it would pass the
   deadline. The error says when a request may go. */
CLICKUP__FN clickup_result clickup__req_rate_fail(clickup__req *p, uint64_t wait, const char *what) {
    p->err.retry_in_ms = wait;
    return clickup__req_fail(p, CLICKUP_ERR_RATE_LIMITED, "%s; the next request may go in %llu ms", what,
                             (unsigned long long)wait);
}

/* ---- the cache, whichever it is: the client's own, or the caller's ------------------------ */
/* Copy a cached body into a request's answer buffer. */
CLICKUP__FN int clickup__cache_take(void *sink, const char *bytes, size_t len) {
    clickup__xfer *x = (clickup__xfer *)sink;
    x->len = 0;
    return clickup__xfer_put(x, bytes ? bytes : "", len) == len;
}

/* A fresh answer for key into x: 1 on a hit. */
CLICKUP__FN int clickup__cache_lookup(clickup_client *c, const char *key, size_t key_len, clickup__xfer *x) {
    uint64_t now = c->hooks.now_ms(c->hooks.user);
    clickup__centry *e;
    if (c->shared_cache) {
        int hit = c->shared_cache->m.get(c->shared_cache->self, key, key_len, now, x, clickup__cache_take) == 1;
        if (hit && x->nomem) hit = 0;
        if (hit) c->cache.hits++; else c->cache.misses++;
        return hit;
    }
    if (!(e = clickup__cache_get(&c->cache, &c->alloc, key, key_len, now))) return 0;
    return clickup__cache_take(x, e->body, e->body_len) || !e->body_len;
}

CLICKUP__FN void clickup__cache_store(clickup_client *c, const char *key, size_t key_len, const char *body, size_t len,
                                      uint64_t ttl_ms, unsigned cls) {
    uint64_t now = c->hooks.now_ms(c->hooks.user);
    if (c->shared_cache) c->shared_cache->m.put(c->shared_cache->self, key, key_len, body, len, now, ttl_ms, (int)cls);
    else clickup__cache_put(&c->cache, &c->alloc, key, key_len, body, len, now, ttl_ms, cls);
}

/* Drop the entries of these classes (bit 1 << class); task pages of one list only when list_id
   names it (workspace task queries always go). */
CLICKUP__FN void clickup__cache_invalidate(clickup_client *c, unsigned classes, const char *list_id) {
    clickup__centry *e, *next;
    if (list_id && !list_id[0]) list_id = NULL;
    if (c->shared_cache) { c->shared_cache->m.invalidate(c->shared_cache->self, classes, list_id); return; }
    for (e = c->cache.head; e; e = next) {
        next = e->next;
        if (!(classes & (1u << e->cls))) continue;
        if (e->cls == CLICKUP__CACHE_TASKS && list_id && strncmp(e->key, "GET /list/", 10) == 0) {
            size_t n = strlen(list_id);   /* another list's pages stay: "GET /list/{id}/task?..." */
            if (strncmp(e->key + 10, list_id, n) != 0 || strncmp(e->key + 10 + n, "/task", 5) != 0) continue;
        }
        clickup__cache_drop(&c->cache, &c->alloc, e);
    }
}

/* A write that may have reached the server drops what it makes stale, whatever its outcome:
   the classes its route names (task pages of its list only, when it names one) and everything
   cached at a caller's request (CLICKUP_CACHE), whose staleness nobody can tell. */
CLICKUP__FN void clickup__invalidate(clickup_client *c, const clickup__route *r, const char *list_id) {
    clickup__cache_invalidate(c, r->invalidates | (1u << CLICKUP__CACHE_OTHER), list_id);
}

/* A typed read's answer decoded fine: now it may serve later calls from the cache. */
CLICKUP__FN void clickup__cache_commit(clickup_client *c) {
    if (!c->pending_key) return;
    clickup__cache_store(c, c->pending_key, c->pending_len, c->body ? c->body : "", c->body_len, c->pending_ttl, c->pending_cls);
    clickup__free(&c->alloc, c->pending_key);
    c->pending_key = NULL;
}

/* ---- a request's life --------------------------------------------------------------------- */
/* Requests are kept in the order they started: the pump admits them first come, first served. */
CLICKUP__FN void clickup__req_link(clickup__req *p) {
    clickup__req **at = &p->client->inflight;
    while (*at) at = &(*at)->next;
    p->next = NULL;
    *at = p;
    p->linked = 1;
}
CLICKUP__FN void clickup__req_unlink(clickup__req *p) {
    clickup__req **at;
    if (!p->linked) return;
    for (at = &p->client->inflight; *at; at = &(*at)->next)
        if (*at == p) { *at = p->next; break; }
    p->linked = 0;
}

/* Set a request up: URL, cache key, headers, deadline. Nothing is sent. */
CLICKUP__FN clickup_result clickup__req_init(clickup_client *c, clickup__req *p, const clickup__route *r, const char *method,
                                             const char *path, const char *query, const char *body, size_t body_len,
                                             unsigned flags, uint64_t deadline) {
    memset(p, 0, sizeof *p);
    p->client = c;
    p->route = r;
    p->flags = flags;
    p->deadline = deadline;
    p->ep = clickup__endpoint(c, r);
    clickup__error_start(&p->err, method, path);
    p->url.al = p->key.al = &c->alloc;
    p->x.al = &c->alloc;
    p->x.max = c->max_response_bytes;
    p->resend_ok = r->resend == CLICKUP__SAFE || (flags & CLICKUP_RETRY_SAFE);
    if (r == CLICKUP__ROUTE(OTHER) && !(flags & CLICKUP_RETRY_SAFE))      /* unknown: by method */
        p->resend_ok = strcmp(method, "POST") != 0 && strcmp(method, "PATCH") != 0;
    p->x.resend_ok = p->resend_ok;
    p->ttl = clickup__cache_ttl(c, r);
    p->use_cache = p->ttl && strcmp(method, "GET") == 0 && !c->disable_cache && !(flags & CLICKUP_NO_CACHE);
    clickup__buf_str(&p->key, method); clickup__buf_put(&p->key, " ", 1);
    clickup__buf_str(&p->key, path); clickup__buf_str(&p->key, query);
    clickup__buf_str(&p->url, c->base_url);
    clickup__buf_str(&p->url, path);
    clickup__buf_str(&p->url, query);
    if (p->url.nomem || p->key.nomem) return clickup__req_fail(p, CLICKUP_ERR_NOMEM, "out of memory");
    p->path = p->url.p + strlen(c->base_url);
    p->headers[0] = c->auth_header;
    p->headers[1] = c->user_agent;
    p->headers[2] = "Accept: application/json";
    p->headers[3] = "Content-Type: application/json";
    p->headers[4] = "Expect:";           /* no 100-continue round trip for bodies */
    p->headers[5] = NULL;
    p->rq.method = r == CLICKUP__ROUTE(OTHER) ? method : r->method;
    p->rq.url = p->url.p;
    p->rq.headers = p->headers;
    p->rq.body = body;
    p->rq.body_len = body_len;
    p->state = CLICKUP__S_LIMITER;
    return CLICKUP_OK;
}

/* The request is over: record how, release its transfer, drop what a write made stale. */
CLICKUP__FN void clickup__req_done(clickup__req *p, clickup_result rc) {
    clickup_client *c = p->client;
    if (p->state == CLICKUP__S_SEND || p->state == CLICKUP__S_SENDING) {
        /* admitted and abandoned before its exchange ended (a batch cancelled, a walk that
           failed, the client destroyed): the limiter still hears of it exactly once, as an
           exchange without an answer (it may have reached the server) */
        uint64_t now = c->hooks.now_ms(c->hooks.user);
        clickup__limiter_observe(c->limiter, now, c->hooks.wall_ms(c->hooks.user), &p->resp, 0);
    }
    if (p->x.easy) {
        if (p->state == CLICKUP__S_SENDING) { curl_multi_remove_handle(c->multi, p->x.easy); c->transfers--; }
        clickup__xfer_release(c, &p->x);
    }
    p->rc = rc;
    p->state = CLICKUP__S_DONE;
    if (p->sent && strcmp(p->rq.method, "GET") != 0 && !p->defer_invalidate) clickup__invalidate(c, p->route, p->list_id);
    if (rc != CLICKUP_OK) {
        clickup__count_error(c, rc);
        p->ep->errors++;
        CLICKUP__LOG(c, CLICKUP_LOG_ERROR, "%s", p->err.message);
    }
}

/* Start: from the cache when it holds the answer, else queue for the limiter. */
CLICKUP__FN void clickup__req_start(clickup__req *p) {
    clickup_client *c = p->client;
    c->m.calls++;
    clickup__req_link(p);
    if (p->use_cache) {
        if (clickup__cache_lookup(c, p->key.p, p->key.len, &p->x)) {
            p->from_cache = 1;
            CLICKUP__LOG(c, CLICKUP_LOG_DEBUG, "cache hit: %s %s", p->rq.method, p->path);
            clickup__req_done(p, CLICKUP_OK);
            return;
        }
        if (p->x.nomem) { clickup__req_done(p, clickup__req_fail(p, CLICKUP_ERR_NOMEM, "out of memory")); return; }
        CLICKUP__LOG(c, CLICKUP_LOG_DEBUG, "cache miss: %s %s", p->rq.method, p->path);
    }
}

/* LIMITER: take a slot, or fail fast, or wait until wake_at. 1 when it may be sent now. */
CLICKUP__FN int clickup__req_admit(clickup__req *p, uint64_t now) {
    clickup_client *c = p->client;
    clickup_result refused;
    uint64_t wait;
    if (now >= p->deadline) {
        clickup__req_done(p, p->deadline_cancels && !p->sent
                                 ? clickup__req_fail(p, CLICKUP_ERR_CANCELLED, "the batch ran out of time before this request could go")
                                 : clickup__req_fail(p, CLICKUP_ERR_TIMEOUT, "the call deadline of %ld ms passed", c->call_deadline_ms));
        return 0;
    }
    wait = clickup__limiter_acquire(c->limiter, now, &refused);
    if (refused != CLICKUP_OK) { clickup__req_done(p, clickup__req_fail(p, refused, "the rate limiter refused the request")); return 0; }
    if (wait) {
        if (c->rate_mode == CLICKUP_RATE_FAIL) { clickup__req_done(p, clickup__req_rate_fail(p, wait, "rate limit reached")); return 0; }
        if (now + wait > p->deadline) {
            clickup__req_done(p, p->deadline_cancels && !p->sent
                                     ? clickup__req_fail(p, CLICKUP_ERR_CANCELLED, "the rate limit would hold this request past the batch's deadline")
                                     : clickup__req_rate_fail(p, wait, "a rate limit wait would pass the call deadline"));
            return 0;
        }
        if (!p->waiting_limiter) {
            CLICKUP__LOG(c, CLICKUP_LOG_WARNING, "rate limit: waiting %llu ms before %s %s", (unsigned long long)wait, p->rq.method, p->path);
            p->waiting_limiter = 1;
            p->wait_since = now;
        }
        p->wake_at = now + wait;
        return 0;
    }
    if (p->waiting_limiter) {
        p->err.waited_ms += now - p->wait_since;
        c->m.limiter_wait_ms += now - p->wait_since;
        p->waiting_limiter = 0;
    }
    return 1;
}

/* The client's multi handle, made on first use (under wake_mu: clickup_pump_wakeup reads it
   from other threads). NULL when libcurl cannot make one. */
CLICKUP__FN CURLM *clickup__multi(clickup_client *c) {
    CURLM *m;
    pthread_mutex_lock(&c->wake_mu);
    if (!c->multi) c->multi = curl_multi_init();
    m = c->multi;
    pthread_mutex_unlock(&c->wake_mu);
    return m;
}
/* 1 when clickup_pump_wakeup was called since the last look (and forget it). */
CLICKUP__FN int clickup__take_wakeup(clickup_client *c) {
    int w;
    pthread_mutex_lock(&c->wake_mu);
    w = c->wake_pending;
    c->wake_pending = 0;
    pthread_mutex_unlock(&c->wake_mu);
    return w;
}
#if LIBCURL_VERSION_NUM >= 0x074400
#  define CLICKUP__WAKEABLE 1         /* curl_multi_wakeup: libcurl 7.68 */
#else
#  define CLICKUP__WAKEABLE 0
#endif

/* SEND: one exchange. A transport hook answers at once (CLASSIFY); libcurl gets the request
   through the multi handle (SENDING). */
CLICKUP__FN void clickup__req_send(clickup__req *p, uint64_t now) {
    clickup_client *c = p->client;
    p->t_sent = now;
    p->rq.timeout_ms = (long)(p->deadline - now < (uint64_t)c->timeout_ms ? p->deadline - now : (uint64_t)c->timeout_ms);
    p->err.attempts++;
    c->m.requests++;
    p->ep->requests++;
    memset(&p->resp, 0, sizeof p->resp);
    p->x.len = 0;
    if (p->x.body) p->x.body[0] = '\0';
    p->x.too_large = p->x.nomem = 0;
    p->x.curl_err[0] = '\0';
    p->x.curl_code = 0;
    if (c->transport) {
        p->ts = c->transport(c->transport_user, &p->rq, &p->resp);
        if (p->ts == CLICKUP_TRANSPORT_OK && p->resp.body_len > c->max_response_bytes) p->ts = CLICKUP_TRANSPORT_TOO_LARGE;
        if (p->ts == CLICKUP_TRANSPORT_OK && p->resp.body_len && !clickup__xfer_put(&p->x, p->resp.body, p->resp.body_len))
            p->x.nomem = 1;                  /* copied: the hook's buffer is borrowed */
        p->resp.body = p->x.body ? p->x.body : "";
        p->state = CLICKUP__S_CLASSIFY;
        return;
    }
    if (!clickup__multi(c)) {
        clickup__strlcpy(p->x.curl_err, "curl_multi_init failed", sizeof p->x.curl_err);
        p->ts = CLICKUP_TRANSPORT_NOT_SENT;
        p->state = CLICKUP__S_CLASSIFY;
        return;
    }
    if (!clickup__xfer_setup(c, &p->x, &p->rq, p) || curl_multi_add_handle(c->multi, p->x.easy) != CURLM_OK) {
        clickup__xfer_release(c, &p->x);
        p->x.curl_code = (int)CURLE_OUT_OF_MEMORY;
        p->ts = CLICKUP_TRANSPORT_NOT_SENT;
        p->state = CLICKUP__S_CLASSIFY;
        return;
    }
    c->transfers++;
    p->state = CLICKUP__S_SENDING;
}

/* The outcome of an exchange for the classifier, with the server's hints read on the clocks. */
CLICKUP__FN void clickup__outcome_of(clickup__req *p, clickup__outcome *o) {
    clickup_client *c = p->client;
    int64_t wall = c->hooks.wall_ms(c->hooks.user);
    int window = c->limiter->window_ms, http = p->ts == CLICKUP_TRANSPORT_OK;
    memset(o, 0, sizeof *o);
    o->ts = p->ts;
    o->status = p->resp.status;
    o->resend_ok = p->resend_ok;
    o->permanent = clickup__curl_permanent(p->x.curl_code);
    o->retry_after_ms = http ? clickup__retry_after_ms(p->resp.retry_after, wall, (int64_t)window + 5000) : -1;
    o->reset_ms = http ? clickup__reset_in_ms(p->resp.rate_reset, wall, window) : -1;
    if (o->reset_ms >= 0) o->reset_ms += (int64_t)clickup__reset_margin(window);
}

/* After a failed exchange: the error to end with, or CLICKUP_OK with *delay for a retry. */
CLICKUP__FN clickup_result clickup__req_after_failure(clickup__req *p, const clickup__verdict *v, uint64_t now, uint64_t *delay) {
    clickup_client *c = p->client;
    int http = p->ts == CLICKUP_TRANSPORT_OK;
    if (v->action == CLICKUP__FAIL) {
        if (v->code != CLICKUP_ERR_OUTCOME_UNKNOWN) return http ? clickup__req_fail_http(p, v->code) : clickup__req_fail_transport(p, v->code);
        if (http) return clickup__req_fail(p, v->code, "HTTP %d, %s; the write may have happened, so it was not repeated", p->resp.status, v->why);
        return clickup__req_fail(p, v->code, "%s; the write may have happened, so it was not repeated", v->why);
    }
    *delay = v->wait_ms >= 0 ? (uint64_t)v->wait_ms : clickup__backoff_ms(c, p->attempt);
    if (v->rate && c->rate_mode == CLICKUP_RATE_FAIL)
        return clickup__req_rate_fail(p, *delay, p->resp.status == 429 ? "the server answered 429" : "the server asked for a pause (Retry-After)");
    if (p->attempt >= c->max_retries) return http ? clickup__req_fail_http(p, v->code) : clickup__req_fail_transport(p, v->code);
    if (now + *delay >= p->deadline) {
        if (v->code == CLICKUP_ERR_RATE_LIMITED) p->err.retry_in_ms = *delay;
        return clickup__req_fail(p, v->code, "gave up after %d attempts: the next retry would pass the call deadline", p->attempt + 1);
    }
    return CLICKUP_OK;
}

/* Metrics of one exchange: its latency in the route's ring. */
CLICKUP__FN void clickup__record_latency(clickup__endpoint_stats *ep, uint64_t ms) {
    ep->lat[ep->lat_next] = (uint32_t)(ms > UINT32_MAX ? UINT32_MAX : ms);
    ep->lat_next = (ep->lat_next + 1) % CLICKUP__ENDPOINT_RING;
    if (ep->lat_count < CLICKUP__ENDPOINT_RING) ep->lat_count++;
}

/* CLASSIFY: the limiter and the metrics learn of the exchange; then done, failed, or BACKOFF. */
CLICKUP__FN void clickup__req_classify(clickup__req *p, uint64_t now) {
    clickup_client *c = p->client;
    int http = p->ts == CLICKUP_TRANSPORT_OK;
    clickup__outcome o;
    clickup__verdict v;
    uint64_t delay = 0;
    clickup_result rc;
    if (p->ts != CLICKUP_TRANSPORT_NOT_SENT) p->sent = 1;
    clickup__limiter_observe(c->limiter, now, c->hooks.wall_ms(c->hooks.user), &p->resp, http);
    clickup__record_latency(p->ep, now - p->t_sent);
    p->err.http_status = http ? p->resp.status : 0;
    p->err.curl_code = p->x.curl_code;
    clickup__strlcpy(p->err.curl_error, p->x.curl_err, sizeof p->err.curl_error);
    CLICKUP__REDACT(c, p->err.curl_error);
    if (http) {
        CLICKUP__LOG(c, CLICKUP_LOG_INFO, "%s %s -> %d in %llu ms (attempt %d)", p->rq.method, p->path, p->resp.status,
                     (unsigned long long)(now - p->t_sent), p->attempt + 1);
        if (p->resp.status == 429) c->m.responses_429++;
    } else {
        CLICKUP__LOG(c, CLICKUP_LOG_INFO, "%s %s -> no response (%s) after %llu ms (attempt %d)", p->rq.method, p->path,
                     p->err.curl_error[0] ? p->err.curl_error : "transport failure", (unsigned long long)(now - p->t_sent),
                     p->attempt + 1);
    }
    if (p->x.nomem) {         /* the answer arrived but there was no memory to keep it */
        clickup__req_done(p, p->resend_ok ? clickup__req_fail(p, CLICKUP_ERR_NOMEM, "out of memory while receiving the response")
                                          : clickup__req_fail(p, CLICKUP_ERR_OUTCOME_UNKNOWN,
                                                              "out of memory while receiving the answer; the write may have happened"));
        return;
    }
    clickup__outcome_of(p, &o);
    v = clickup__classify(&o);
    if (v.action == CLICKUP__DONE) { clickup__req_done(p, CLICKUP_OK); return; }
    if (http) {               /* ClickUp's ECODE refines the status (401, 404) */
        clickup__error_body(c, &p->err, p->x.body, p->x.len);
        if (v.code != CLICKUP_ERR_OUTCOME_UNKNOWN) v.code = clickup__status_result(p->resp.status, p->err.ecode);
    }
    if ((rc = clickup__req_after_failure(p, &v, now, &delay)) != CLICKUP_OK) { clickup__req_done(p, rc); return; }
    CLICKUP__LOG(c, CLICKUP_LOG_WARNING, "%s %s: retry %d in %llu ms (%s)", p->rq.method, p->path, p->attempt + 1,
                 (unsigned long long)delay, http ? "HTTP error" : "transport error");
    p->wake_at = now + delay;
    p->wait_since = now;
    p->state = CLICKUP__S_BACKOFF;
    c->m.retries++;
}

/* Move one request as far as it can go without waiting. */
CLICKUP__FN void clickup__req_advance(clickup__req *p) {
    clickup_client *c = p->client;
    for (;;) {
        uint64_t now = c->hooks.now_ms(c->hooks.user);
        switch (p->state) {
        case CLICKUP__S_LIMITER:
            if (p->waiting_limiter && now < p->wake_at) return;
            if (!clickup__req_admit(p, now)) return;
            p->state = CLICKUP__S_SEND;
            break;
        case CLICKUP__S_SEND: clickup__req_send(p, now); break;
        case CLICKUP__S_CLASSIFY: clickup__req_classify(p, now); break;
        case CLICKUP__S_BACKOFF:
            if (now < p->wake_at) return;
            p->err.waited_ms += now - p->wait_since;
            p->attempt++;
            p->state = CLICKUP__S_LIMITER;
            break;
        case CLICKUP__S_SENDING:
        case CLICKUP__S_DONE:
            return;
        }
    }
}

/* Collect the transfers libcurl finished. */
CLICKUP__FN void clickup__collect_transfers(clickup_client *c) {
    CURLMsg *msg;
    int left, running;
    curl_multi_perform(c->multi, &running);
    while ((msg = curl_multi_info_read(c->multi, &left)) != NULL) {
        clickup__req *p = NULL;
        if (msg->msg != CURLMSG_DONE) continue;
        curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&p);
        if (!p) continue;
        p->ts = clickup__xfer_finish(&p->x, msg->data.result, &p->resp);
        curl_multi_remove_handle(c->multi, p->x.easy);
        c->transfers--;
        clickup__xfer_release(c, &p->x);
        p->state = CLICKUP__S_CLASSIFY;
    }
}

/* Drive every request of the client once, then wait at most max_wait_ms for something to do:
   network activity, or the earliest wake-up time of a waiting request. */
CLICKUP__FN size_t clickup__count_done(const clickup_client *c) {
    const clickup__req *p;
    size_t n = 0;
    for (p = c->inflight; p; p = p->next) n += p->state == CLICKUP__S_DONE;
    return n;
}

CLICKUP_API clickup_result clickup_pump_wakeup(clickup_client *c) {
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    pthread_mutex_lock(&c->wake_mu);
    c->wake_pending = 1;
#if CLICKUP__WAKEABLE
    if (c->multi) curl_multi_wakeup(c->multi);
#endif
    pthread_mutex_unlock(&c->wake_mu);
    return CLICKUP__WAKEABLE ? CLICKUP_OK : CLICKUP_ERR_CONFIG;
}

CLICKUP__FN void clickup__pump(clickup_client *c, uint64_t max_wait_ms) {
    clickup__req *p;
    uint64_t now, wake = UINT64_MAX;
    size_t done_before = clickup__count_done(c);
    for (p = c->inflight; p; p = p->next) clickup__req_advance(p);
    if (c->transfers) {
        clickup__collect_transfers(c);
        for (p = c->inflight; p; p = p->next) clickup__req_advance(p);
    }
    for (p = c->inflight; p; p = p->next)
        if ((p->state == CLICKUP__S_LIMITER || p->state == CLICKUP__S_BACKOFF) && p->wake_at < wake) wake = p->wake_at;
    if (!max_wait_ms || clickup__count_done(c) > done_before) return;   /* news: no waiting */
    if (clickup__take_wakeup(c)) return;                                 /* woken: no waiting  */
    now = c->hooks.now_ms(c->hooks.user);
    if (wake != UINT64_MAX) {
        if (wake <= now) return;
        if (wake - now < max_wait_ms) max_wait_ms = wake - now;
    }
    if (c->transfers || (wake != UINT64_MAX && c->hooks.sleep_ms == clickup__sleep_ms && CLICKUP__WAKEABLE && clickup__multi(c))) {
        /* on the multi handle, where clickup_pump_wakeup reaches it (a limiter's or a back-off's
           wait too, unless the sleep is the caller's own) */
        int ms = max_wait_ms > 1000 ? 1000 : (int)max_wait_ms;   /* libcurl's own timers cut it shorter */
#if LIBCURL_VERSION_NUM >= 0x074200
        curl_multi_poll(c->multi, NULL, 0, ms, NULL);
#else
        curl_multi_wait(c->multi, NULL, 0, ms, NULL);
#endif
        (void)clickup__take_wakeup(c);
    } else if (wake != UINT64_MAX) {
        c->hooks.sleep_ms(c->hooks.user, max_wait_ms);
        /* The sleep hook is trusted to have slept (a test's may only advance its own clock):
           what was due by then is due now, whatever the clock says. A limiter that still wants
           a wait says so again. */
        for (p = c->inflight; p; p = p->next)
            if ((p->state == CLICKUP__S_LIMITER || p->state == CLICKUP__S_BACKOFF) && p->wake_at <= now + max_wait_ms)
                p->wake_at = 0;
    }
}

/* Block until one request is done: pump the client (every request in flight moves). */
CLICKUP__FN void clickup__drive(clickup__req *p) {
    clickup_client *c = p->client;
    while (p->state != CLICKUP__S_DONE) {
        uint64_t now = c->hooks.now_ms(c->hooks.user);
        clickup__pump(c, p->deadline > now ? p->deadline - now : 1);
    }
}

CLICKUP__FN void clickup__req_free(clickup__req *p) {
    clickup_allocator *al = &p->client->alloc;
    clickup__req_unlink(p);
    if (p->x.easy) clickup__req_done(p, CLICKUP_ERR_TIMEOUT);
    clickup__free(al, p->url.p);
    clickup__free(al, p->key.p);
    clickup__free(al, p->x.body);
    clickup__free(al, p->owned_body);
    p->url.p = p->key.p = p->x.body = p->owned_body = NULL;
}

/* ---- the blocking driver of a typed call ---------------------------------------------------
   One request on the stack, driven to completion. The answer's body becomes c->body for the
   decoder, the request's error becomes clickup_last_error, and a GET's cache key waits in
   c->pending_key until the body decodes. */
CLICKUP__FN clickup_result clickup__perform(clickup_client *c, const clickup__call *call) {
    clickup__req p;
    clickup_result rc;
    clickup__free(&c->alloc, c->pending_key);
    c->pending_key = NULL;
    rc = clickup__req_init(c, &p, call->route, call->route->method, call->path, call->query, call->body, call->body_len,
                           call->flags, c->call_deadline);
    if (call->list_id) clickup__strlcpy(p.list_id, call->list_id, sizeof p.list_id);
    p.defer_invalidate = call->defer_invalidate;
    if (call->upload) {                      /* multipart: libcurl sets its own Content-Type */
        p.x.upload = call->upload;
        p.headers[3] = "Expect:";
        p.headers[4] = NULL;
    }
    if (rc == CLICKUP_OK) {
        clickup__req_start(&p);
        clickup__drive(&p);
        rc = p.rc;
    } else {
        c->m.calls++;
        clickup__req_done(&p, rc);
    }
    clickup__req_unlink(&p);
    c->err = p.err;
    c->resend_ok = p.resend_ok;
    c->last_sent = p.sent;
    clickup__free(&c->alloc, c->body);             /* the answer becomes the client's */
    c->body = p.x.body; c->body_len = p.x.len; c->body_cap = p.x.cap;
    p.x.body = NULL;
    if (c->body_cap > ((size_t)4 << 20) && rc != CLICKUP_OK) {   /* do not keep a huge buffer around */
        clickup__free(&c->alloc, c->body);
        c->body = NULL; c->body_cap = c->body_len = 0;
    }
    if (rc == CLICKUP_OK && p.use_cache && !p.from_cache) {   /* cached once it decodes: clickup__cache_commit */
        c->pending_key = p.key.p; c->pending_len = p.key.len; c->pending_ttl = p.ttl; c->pending_cls = p.route->cache;
        p.key.p = NULL;
    }
    clickup__req_free(&p);
    return rc;
}

/* ---- refusals: bad input or no memory, before anything is sent ---------------------------- */
/* Refuse bad input before any request: records method and route, returns INVALID_ARG. */
CLICKUP__FN clickup_result clickup__invalid(clickup_client *c, const clickup__route *r, const char *fmt, ...)
    CLICKUP__PRINTF(3, 4);
CLICKUP__FN clickup_result clickup__invalid(clickup_client *c, const clickup__route *r, const char *fmt, ...) {
    char what[200];
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    clickup__error_reset(c, r->method, r->path);
    c->m.calls++;
    c->m.errors_other++;
    return clickup__fail(c, CLICKUP_ERR_INVALID_ARG, "%s (nothing was sent)", what);
}

/* Out of memory before the request: record it like any other failure. */
CLICKUP__FN clickup_result clickup__nomem(clickup_client *c, const clickup__route *r) {
    clickup__error_reset(c, r->method, r->path);
    c->m.calls++;
    c->m.errors_other++;
    return clickup__fail(c, CLICKUP_ERR_NOMEM, "out of memory (nothing was sent)");
}

CLICKUP__FN void clickup__bufs_free(clickup_client *c, clickup__buf *a, clickup__buf *b) {
    clickup__free(&c->alloc, a->p);
    clickup__free(&c->alloc, b->p);
    a->p = b->p = NULL;
}

/* ---- the raw call: any endpoint through the same engine ------------------------------------ */
CLICKUP__FN clickup_result clickup__team(clickup_client *c, const char **team);   /* [endpoints] */

/* Do two path templates have the same shape? A "{name}" segment on either side matches any
   segment; other segments must be equal. */
CLICKUP__FN int clickup__path_shape_equal(const char *a, const char *b) {
    for (;;) {
        const char *ea = strchr(a, '/'), *eb = strchr(b, '/');
        size_t na = ea ? (size_t)(ea - a) : strlen(a), nb = eb ? (size_t)(eb - b) : strlen(b);
        int wild = (na && a[0] == '{') || (nb && b[0] == '{');
        if (!wild && (na != nb || memcmp(a, b, na) != 0)) return 0;
        if (!ea || !eb) return !ea && !eb;
        a = ea + 1; b = eb + 1;
    }
}

/* How many of a template's segments are literal ("/team/{team_id}/time_entries/current" has 3). */
CLICKUP__FN int clickup__literal_segments(const char *path) {
    int n = 0;
    for (; *path; path++)
        if (*path == '/' && path[1] && path[1] != '{') n++;
    return n;
}

/* The route table's row for a method and path (template or concrete), or the OTHER row. When
   several rows fit ("/time_entries/current" and "/time_entries/{timer_id}"), the one with the
   most literal segments wins. */
CLICKUP__FN const clickup__route *clickup__route_find(const char *method, const char *path) {
    const clickup__route *best = CLICKUP__ROUTE(OTHER);
    int best_literal = -1;
    size_t i;
    for (i = 0; i < CLICKUP__ROUTE_COUNT; i++) {
        const clickup__route *r = &clickup__routes[i];
        int literal;
        if (r == CLICKUP__ROUTE(OTHER) || strcmp(r->method, method) != 0 || !clickup__path_shape_equal(r->path, path)) continue;
        if ((literal = clickup__literal_segments(r->path)) > best_literal) { best = r; best_literal = literal; }
    }
    return best;
}

CLICKUP__FN int clickup__path_char_ok(char ch) {   /* unreserved, and '%' for escapes a caller made */
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_' ||
           ch == '.' || ch == '~' || ch == '%' || ch == ':';
}

/* Fill a path template: "{name}" from the request's params ("{team_id}" from the client when
   not given), each value percent-encoded; literal segments must be plain. NULL, or why not. */
CLICKUP__FN const char *clickup__fill_path(clickup_client *c, const clickup_request *rq, clickup__buf *out, clickup_result *rc) {
    const char *s = rq->path;
    *rc = CLICKUP_ERR_INVALID_ARG;
    if (!s || s[0] != '/') return "the path must start with '/' (it is relative to the base URL, e.g. /task/{task_id})";
    while (*s) {
        if (*s == '/') {
            if (s[1] == '/' || (s[1] == '.' && (s[2] == '/' || !s[2] || (s[2] == '.' && (s[3] == '/' || !s[3])))))
                return "the path has an empty, '.' or '..' segment";
            clickup__buf_put(out, "/", 1);
            s++;
        } else if (*s == '{') {
            const char *end = strchr(s, '}'), *value = NULL;
            size_t n, i;
            if (!end) return "a '{' in the path has no '}'";
            n = (size_t)(end - s - 1);
            for (i = 0; i < rq->param_count; i++)
                if (rq->params[i].name && strlen(rq->params[i].name) == n && memcmp(rq->params[i].name, s + 1, n) == 0)
                    value = rq->params[i].value;
            if (!value && n == 7 && strncmp(s + 1, "team_", 5) == 0 && (s[6] == 'i' || s[6] == 'I') && s[7] == 'd') {
                if ((*rc = clickup__team(c, &value)) != CLICKUP_OK) return "the workspace id could not be found";
                *rc = CLICKUP_ERR_INVALID_ARG;
            }
            if (!value) return "a {parameter} of the path has no value in params";
            if (!value[0] || !clickup__clean_text(value)) return "a path parameter is empty or has control characters";
            if (strcmp(value, ".") == 0 || strcmp(value, "..") == 0) return "a path parameter is '.' or '..'";
            clickup__buf_escaped(out, value);
            s = end + 1;
        } else if (*s == '?' || *s == '#') {
            return "the path has a '?' or '#': give the query as query pairs";
        } else if (!clickup__path_char_ok(*s)) {
            return "the path has a character a path segment cannot have (escape it, or pass it as a {parameter})";
        } else {
            clickup__buf_put(out, s, 1);
            s++;
        }
    }
    *rc = out->nomem ? CLICKUP_ERR_NOMEM : CLICKUP_OK;
    return out->nomem ? "out of memory" : NULL;
}

CLICKUP__FN const char *clickup__check_request(const clickup_request *rq) {
    static const char *const methods[] = { "GET", "POST", "PUT", "DELETE", "PATCH" };
    size_t i;
    int known = 0;
    if (!rq->method) return "no method given";
    for (i = 0; i < CLICKUP__COUNT(methods); i++) known |= strcmp(rq->method, methods[i]) == 0;
    if (!known) return "the method must be GET, POST, PUT, DELETE or PATCH";
    if ((rq->param_count && !rq->params) || (rq->query_count && !rq->query)) return "a count is set but its array is NULL";
    for (i = 0; i < rq->query_count; i++) {
        const char *n = rq->query[i].name;
        if (!n || !n[0] || !rq->query[i].value || !clickup__clean_text(rq->query[i].value))
            return "a query pair has no name, no value, or control characters";
        for (; *n; n++)               /* names go out as written: only what needs no escaping */
            if (!clickup__path_char_ok(*n) || *n == '%' || *n == ':')
                if (*n != '[' && *n != ']') return "a query name may hold letters, digits, - . _ ~ and [] only";
    }
    if (rq->body && strcmp(rq->method, "GET") == 0) return "a GET has no body";
    if (rq->cache_ttl_ms < 0 || rq->deadline_ms < 0) return "cache_ttl_ms and deadline_ms must not be negative";
    return NULL;
}

/* A request on the heap with its own copy of the body, set up but not started: raw calls and
   batch items. method NULL = the route's. On failure (out of memory) the client's last error
   says so. */
CLICKUP__FN clickup_result clickup__req_new(clickup_client *c, const clickup__call *call, const char *method, uint64_t deadline,
                                            clickup__req **out) {
    clickup__req *p = (clickup__req *)clickup__malloc(&c->alloc, sizeof *p);
    clickup_result rc;
    size_t len = call->body ? call->body_len : 0;
    *out = NULL;
    if (!p) return clickup__nomem(c, call->route);
    rc = clickup__req_init(c, p, call->route, method ? method : call->route->method, call->path, call->query, NULL, 0,
                           call->flags, deadline);
    if (call->list_id) clickup__strlcpy(p->list_id, call->list_id, sizeof p->list_id);
    if (rc == CLICKUP_OK && call->body) {   /* inputs are copied, never retained */
        if (!(p->owned_body = (char *)clickup__malloc(&c->alloc, len + 1))) rc = CLICKUP_ERR_NOMEM;
        else {
            if (len) memcpy(p->owned_body, call->body, len);
            p->owned_body[len] = '\0';
            p->rq.body = p->owned_body; p->rq.body_len = len;
        }
    }
    if (rc != CLICKUP_OK) {
        clickup__req_free(p);
        clickup__free(&c->alloc, p);
        return clickup__nomem(c, call->route);
    }
    p->owned = 1;
    *out = p;
    return CLICKUP_OK;
}

/* Build and start a raw request (its own copy of everything). On failure *out is NULL and the
   client's last error says why. */
CLICKUP__FN clickup_result clickup__call_new(clickup_client *c, const clickup_request *rq, clickup__req **out) {
    clickup__buf path, query;
    clickup__call call;
    const char *why;
    clickup__req *p = NULL;
    clickup_result rc;
    size_t i;
    uint64_t now = c->hooks.now_ms(c->hooks.user);
    *out = NULL;
    memset(&path, 0, sizeof path); path.al = &c->alloc;
    memset(&query, 0, sizeof query); query.al = &c->alloc;
    clickup__error_reset(c, rq->method ? rq->method : "", rq->path ? rq->path : "");
    if ((why = clickup__check_request(rq)) != NULL) rc = CLICKUP_ERR_INVALID_ARG;
    else why = clickup__fill_path(c, rq, &path, &rc);
    if (why) {
        clickup__bufs_free(c, &path, &query);
        c->m.calls++;
        c->m.errors_other++;
        return clickup__fail(c, rc, "%s (nothing was sent)", why);
    }
    for (i = 0; i < rq->query_count; i++) clickup__buf_query(&query, rq->query[i].name, rq->query[i].value);
    clickup__buf_put(&query, "", 0);
    memset(&call, 0, sizeof call);
    call.route = clickup__route_find(rq->method, rq->path);
    call.path = path.p; call.query = query.p; call.flags = rq->flags;
    call.body = rq->body; call.body_len = rq->body ? (rq->body_len ? rq->body_len : strlen(rq->body)) : 0;
    rc = path.nomem || query.nomem ? clickup__nomem(c, call.route)
                                   : clickup__req_new(c, &call, rq->method,
                                                      now + (uint64_t)(rq->deadline_ms ? rq->deadline_ms : c->call_deadline_ms), &p);
    clickup__bufs_free(c, &path, &query);
    if (rc != CLICKUP_OK) return rc;
    if ((rq->flags & CLICKUP_CACHE) && strcmp(rq->method, "GET") == 0 && !c->disable_cache && !(rq->flags & CLICKUP_NO_CACHE)) {
        if (p->route->cache == CLICKUP__CACHE_NONE) p->route = CLICKUP__ROUTE(OTHER);   /* its own class: any write drops it */
        p->ttl = rq->cache_ttl_ms ? (uint64_t)rq->cache_ttl_ms : p->ttl ? p->ttl : 300000u;
        p->use_cache = 1;
    }
    clickup__req_start(p);
    *out = p;
    return CLICKUP_OK;
}

/* The response of a finished request, in one arena: body, parsed JSON, rate headers, error. */
CLICKUP__FN clickup_result clickup__call_response(clickup__req *p, clickup_response **out) {
    clickup_client *c = p->client;
    clickup_response *r;
    clickup__arena *a;
    clickup_result rc = p->rc;
    int64_t v;
    size_t hint = p->x.len < SIZE_MAX / 4 ? p->x.len * 3 + 1024 : p->x.len;
    *out = NULL;
    if (!(r = (clickup_response *)clickup__result_new(&c->alloc, sizeof *r, hint))) return CLICKUP_ERR_NOMEM;
    a = clickup__result_arena(r);
    r->status = p->from_cache ? 200 : p->err.http_status;
    r->from_cache = p->from_cache;
    r->body_len = p->x.len;
    r->body = clickup__arena_strndup(a, p->x.body ? p->x.body : "", p->x.len);
    r->rate_limit = r->rate_remaining = r->rate_reset = -1;
    if (!p->from_cache && p->ts == CLICKUP_TRANSPORT_OK) {
        if (clickup__hdr_i64(p->resp.rate_limit, &v)) r->rate_limit = v;
        if (clickup__hdr_i64(p->resp.rate_remaining, &v)) r->rate_remaining = v;
        if (clickup__hdr_i64(p->resp.rate_reset, &v)) r->rate_reset = v;
        if (p->resp.retry_after) r->retry_after = clickup__arena_strndup(a, p->resp.retry_after, strlen(p->resp.retry_after));
    }
    if (!r->body || (p->resp.retry_after && !p->from_cache && p->ts == CLICKUP_TRANSPORT_OK && !r->retry_after)) {
        clickup__result_free(r);
        return CLICKUP_ERR_NOMEM;
    }
    if (r->body_len) {
        clickup_json_error je;
        clickup_result prc = clickup__json_parse_arena(a, r->body, r->body_len, &r->json, &je);
        if (prc == CLICKUP_ERR_NOMEM) { clickup__result_free(r); return CLICKUP_ERR_NOMEM; }
        if (prc != CLICKUP_OK) r->json = NULL;
        if (prc != CLICKUP_OK && rc == CLICKUP_OK) {   /* a 2xx that is not JSON */
            p->err.json_offset = je.offset;
            rc = p->resend_ok ? clickup__req_fail(p, CLICKUP_ERR_BAD_RESPONSE, "invalid JSON in the response at byte %llu: %s",
                                                  (unsigned long long)je.offset, je.reason)
                              : clickup__req_fail(p, CLICKUP_ERR_OUTCOME_UNKNOWN,
                                                  "the server accepted the write (HTTP %d) but its answer is not JSON: look "
                                                  "before sending it again", p->err.http_status);
        }
    }
    if (rc == CLICKUP_OK && p->use_cache && !p->from_cache)   /* cached only once it parsed */
        clickup__cache_store(c, p->key.p, p->key.len, r->body, r->body_len, p->ttl,
                             p->route->cache ? (unsigned)p->route->cache : (unsigned)CLICKUP__CACHE_OTHER);
    r->error = p->err;
    r->error.code = rc;
    *out = r;
    return rc;
}

CLICKUP_API clickup_result clickup_call_start(clickup_client *c, const clickup_request *rq, clickup_pending **out) {
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c || !rq) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    return clickup__call_new(c, rq, out);
}

CLICKUP_API int clickup_call_done(const clickup_pending *p) {
    return p && p->state == CLICKUP__S_DONE;
}

CLICKUP_API clickup_result clickup_pump(clickup_client *c, long timeout_ms, size_t *running) {
    clickup__req *p;
    size_t n = 0;
    if (running) *running = 0;
    if (!c || timeout_ms < 0) return CLICKUP_ERR_INVALID_ARG;
    clickup__pump(c, (uint64_t)timeout_ms);
    for (p = c->inflight; p; p = p->next) n += p->state != CLICKUP__S_DONE;
    if (running) *running = n;
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_call_finish(clickup_pending *p, clickup_response **out) {
    clickup_client *c;
    clickup_result rc;
    if (out) *out = NULL;
    if (!p) return CLICKUP_ERR_INVALID_ARG;
    c = p->client;
    clickup__drive(p);
    rc = p->rc;
    clickup__req_unlink(p);
    if (out) {
        clickup_result rrc = clickup__call_response(p, out);
        rc = *out ? rrc : CLICKUP_ERR_NOMEM;
        if (!*out) clickup__req_fail(p, CLICKUP_ERR_NOMEM, "out of memory for the response");
    }
    c->err = p->err;
    if (rc != CLICKUP_OK) c->err.code = rc;
    clickup__req_free(p);
    clickup__free(&c->alloc, p);
    return rc;
}

CLICKUP_API clickup_result clickup_call(clickup_client *c, const clickup_request *rq, clickup_response **out) {
    clickup_pending *p = NULL;
    clickup_result rc;
    if (out) *out = NULL;
    if (!out || !c || !rq) return CLICKUP_ERR_INVALID_ARG;
    if ((rc = clickup_call_start(c, rq, &p)) != CLICKUP_OK) return rc;
    return clickup_call_finish(p, out);
}

CLICKUP_API void clickup_response_free(clickup_response *r) { clickup__result_free(r); }

/* The client goes away: requests still in flight are dropped (their memory too), then
   libcurl's handles. */
CLICKUP__FN void clickup__engine_close(clickup_client *c) {
    while (c->inflight) {
        clickup__req *p = c->inflight;
        int owned = p->owned;
        clickup__req_free(p);                 /* unlinks it */
        if (owned) clickup__free(&c->alloc, p);
    }
    while (c->easy_pooled) curl_easy_cleanup(c->easy_pool[--c->easy_pooled]);
    pthread_mutex_lock(&c->wake_mu);
    if (c->multi) curl_multi_cleanup(c->multi);
    c->multi = NULL;
    pthread_mutex_unlock(&c->wake_mu);
}

/* ==== [decoders] =============================================================================
   JSON -> typed structs, inside the result's arena (strings point into the parsed document,
   which lives in the same arena). Lenient where ClickUp is inconsistent (numbers as strings,
   null for absent, floats for integers), strict where it matters: a needed field with an
   impossible type fails with CLICKUP_ERR_BAD_RESPONSE naming the field. Unknown fields are
   ignored; every struct keeps its raw node for the rest.
   ============================================================================================= */
struct clickup__dec {
    clickup__arena *a;
    int             depth;       /* subtask nesting                   */
    char            what[128];   /* on failure: which field, and why */
};

CLICKUP__FN clickup_result clickup__dec_fail(clickup__dec *d, const char *field, const char *why) {
    clickup__fmt(d->what, sizeof d->what, "field '%s' %s", field, why);
    return CLICKUP_ERR_BAD_RESPONSE;
}

/* A string member, or a number's literal text (ids sometimes arrive as numbers), else "". */
CLICKUP__FN const char *clickup__dstr(const clickup_json *o, const char *k) {
    const clickup_json *v = clickup_json_get(o, k);
    if (v && (v->type == CLICKUP_JSON_STRING || v->type == CLICKUP_JSON_NUMBER)) return v->u.s;
    return "";
}
/* The same, but NULL when absent or null. */
CLICKUP__FN const char *clickup__dstr_null(const clickup_json *o, const char *k) {
    const clickup_json *v = clickup_json_get(o, k);
    if (v && (v->type == CLICKUP_JSON_STRING || v->type == CLICKUP_JSON_NUMBER)) return v->u.s;
    return NULL;
}
/* An integer that ClickUp may send as a number, a numeric string or a float; absent/null/
   garbage leave present = 0. */
CLICKUP__FN clickup_i64 clickup__di64v(const clickup_json *v) {
    clickup_i64 r;
    r.value = 0; r.present = 0;
    if (!v || (v->type != CLICKUP_JSON_NUMBER && v->type != CLICKUP_JSON_STRING)) return r;
    if (clickup_json_int64(v, &r.value) == CLICKUP_OK) { r.present = 1; return r; }
    if (v->type == CLICKUP_JSON_NUMBER || clickup__is_number_text(v->u.s, v->n)) {
        double x = clickup__strtod(v->u.s, v->n);
        if (x >= -9.2e18 && x <= 9.2e18) { r.value = (int64_t)x; r.present = 1; }
    }
    return r;
}
CLICKUP__FN clickup_i64 clickup__di64(const clickup_json *o, const char *k) { return clickup__di64v(clickup_json_get(o, k)); }
CLICKUP__FN int clickup__dbool(const clickup_json *o, const char *k) {
    const clickup_json *v = clickup_json_get(o, k);
    if (!v) return 0;
    if (v->type == CLICKUP_JSON_BOOL) return v->b;
    if (v->type == CLICKUP_JSON_STRING) return v->n == 4 && memcmp(v->u.s, "true", 4) == 0;
    return clickup__di64v(v).value != 0;
}

/* The array member k: NULL/absent gives count 0; a non-array is an error when strict. */
CLICKUP__FN clickup_result clickup__darr(clickup__dec *d, const clickup_json *o, const char *k, int strict,
                                         const clickup_json **arr) {
    const clickup_json *v = clickup_json_get(o, k);
    *arr = NULL;
    if (!v || v->type == CLICKUP_JSON_NULL) return strict && !v ? clickup__dec_fail(d, k, "is missing") : CLICKUP_OK;
    if (v->type != CLICKUP_JSON_ARRAY) return strict ? clickup__dec_fail(d, k, "is not an array") : CLICKUP_OK;
    *arr = v;
    return CLICKUP_OK;
}

/* count zeroed elements of `size` bytes in the arena (NULL for 0). */
CLICKUP__FN clickup_result clickup__dalloc(clickup__dec *d, size_t count, size_t size, void **out) {
    *out = NULL;
    if (!count) return CLICKUP_OK;
    *out = clickup__arena_calloc(d->a, count, size);
    return *out ? CLICKUP_OK : CLICKUP_ERR_NOMEM;
}

/* The array member `key` of o, each item decoded by fn into an element of `size` bytes.
   Absent or null gives no items; a non-array is an error only when strict. */
typedef clickup_result (*clickup__item_fn)(clickup__dec *d, const clickup_json *item, void *out);
CLICKUP__FN clickup_result clickup__decode_array(clickup__dec *d, const clickup_json *o, const char *key, int strict,
                                                 size_t size, clickup__item_fn fn, void **items, size_t *count) {
    const clickup_json *arr;
    size_t i, n;
    clickup_result rc = clickup__darr(d, o, key, strict, &arr);
    *count = 0;
    if (rc) return rc;
    n = clickup_json_len(arr);
    if ((rc = clickup__dalloc(d, n, size, items))) return rc;
    for (i = 0; i < n; i++)
        if ((rc = fn(d, clickup_json_at(arr, i), (char *)*items + i * size))) return rc;
    *count = n;
    return CLICKUP_OK;
}

CLICKUP__FN void clickup__decode_user(const clickup_json *u, clickup_user *out) {
    out->id = clickup__di64(u, "id").value;
    out->username = clickup__dstr(u, "username");
    out->email = clickup__dstr(u, "email");
    out->color = clickup__dstr(u, "color");
    out->initials = clickup__dstr(u, "initials");
    out->profile_picture = clickup__dstr(u, "profilePicture");
    out->role = (int)clickup__di64(u, "role").value;
    out->raw = u;
}

/* An array of users; each item may be the user itself or {"user": {...}} (members). */
CLICKUP__FN clickup_result clickup__decode_users(clickup__dec *d, const clickup_json *arr, clickup_user **out, size_t *count) {
    size_t i, n = clickup_json_len(arr);
    clickup_result rc = clickup__dalloc(d, n, sizeof **out, (void **)out);
    *count = 0;
    if (rc) return rc;
    for (i = 0; i < n; i++) {
        const clickup_json *u = clickup_json_at(arr, i), *inner = clickup_json_get(u, "user");
        if (clickup_json_is(inner, CLICKUP_JSON_OBJECT)) u = inner;
        clickup__decode_user(u, &(*out)[i]);
    }
    *count = n;
    return CLICKUP_OK;
}

CLICKUP__FN void clickup__decode_status(const clickup_json *s, clickup_status *out) {
    out->id = clickup__dstr(s, "id");
    out->status = clickup__dstr(s, "status");
    out->color = clickup__dstr(s, "color");
    out->type = clickup__dstr(s, "type");
    out->orderindex = clickup__di64(s, "orderindex");
    out->raw = s;
}

CLICKUP__FN clickup_result clickup__status_item(clickup__dec *d, const clickup_json *item, void *out) {
    (void)d;
    clickup__decode_status(item, (clickup_status *)out);
    return CLICKUP_OK;
}

CLICKUP__FN clickup_result clickup__decode_statuses(clickup__dec *d, const clickup_json *o, clickup_status **out, size_t *count) {
    return clickup__decode_array(d, o, "statuses", 0, sizeof **out, clickup__status_item, (void **)out, count);
}

CLICKUP__FN void clickup__decode_ref(const clickup_json *o, clickup_ref *out) {
    out->id = clickup__dstr(o, "id");
    out->name = clickup__dstr(o, "name");
}

/* Objects we cannot do without must be objects with an id. */
CLICKUP__FN clickup_result clickup__need_object(clickup__dec *d, const clickup_json *o, const char *what) {
    const clickup_json *id;
    if (!clickup_json_is(o, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, what, "is not an object");
    id = clickup_json_get(o, "id");
    if (!id || (id->type != CLICKUP_JSON_STRING && id->type != CLICKUP_JSON_NUMBER) || id->n == 0) {
        char f[64];
        clickup__fmt(f, sizeof f, "%s.id", what);
        return clickup__dec_fail(d, f, "is missing or not a string");
    }
    return CLICKUP_OK;
}

/* The pieces of a task, each an item decoder for clickup__decode_array. */
CLICKUP__FN clickup_result clickup__tag_item(clickup__dec *d, const clickup_json *g, void *out) {
    clickup_tag *o = (clickup_tag *)out;
    (void)d;
    o->name = clickup__dstr(g, "name");
    o->tag_fg = clickup__dstr(g, "tag_fg");
    o->tag_bg = clickup__dstr(g, "tag_bg");
    o->creator = clickup__di64(g, "creator").value;
    return CLICKUP_OK;
}
CLICKUP__FN clickup_result clickup__checklist_entry(clickup__dec *d, const clickup_json *it, void *out) {
    clickup_checklist_item *o = (clickup_checklist_item *)out;
    (void)d;
    o->id = clickup__dstr(it, "id");
    o->name = clickup__dstr(it, "name");
    o->parent = clickup__dstr_null(it, "parent");
    o->resolved = clickup__dbool(it, "resolved");
    o->orderindex = clickup__di64(it, "orderindex");
    o->raw = it;
    return CLICKUP_OK;
}
CLICKUP__FN clickup_result clickup__checklist_item(clickup__dec *d, const clickup_json *cl, void *out) {
    clickup_checklist *o = (clickup_checklist *)out;
    o->id = clickup__dstr(cl, "id");
    o->name = clickup__dstr(cl, "name");
    o->orderindex = clickup__di64(cl, "orderindex");
    o->raw = cl;
    return clickup__decode_array(d, cl, "items", 0, sizeof *o->items, clickup__checklist_entry, (void **)&o->items,
                                 &o->item_count);
}
CLICKUP__FN clickup_result clickup__field_item(clickup__dec *d, const clickup_json *f, void *out) {
    clickup_custom_field *o = (clickup_custom_field *)out;
    (void)d;
    o->id = clickup__dstr(f, "id");
    o->name = clickup__dstr(f, "name");
    o->type = clickup__dstr(f, "type");
    o->value = clickup_json_get(f, "value");      /* NULL when the key is absent */
    o->raw = f;
    return CLICKUP_OK;
}
CLICKUP__FN clickup_result clickup__subtask_item(clickup__dec *d, const clickup_json *item, void *out);

CLICKUP__FN clickup_result clickup__decode_task(clickup__dec *d, const clickup_json *t, clickup_task *out) {
    const clickup_json *arr, *v;
    clickup_result rc;
    if ((rc = clickup__need_object(d, t, "task")) != CLICKUP_OK) return rc;
    if (!clickup_json_is(clickup_json_get(t, "id"), CLICKUP_JSON_STRING))   /* task ids are always strings */
        return clickup__dec_fail(d, "task.id", "is not a string");
    out->raw = t;
    out->id = clickup__dstr(t, "id");
    out->custom_id = clickup__dstr_null(t, "custom_id");
    out->name = clickup__dstr(t, "name");
    out->text_content = clickup__dstr(t, "text_content");
    out->description = clickup__dstr(t, "description");
    out->markdown_description = clickup__dstr_null(t, "markdown_description");
    out->orderindex = clickup__dstr(t, "orderindex");       /* a string, or a number's text */
    out->url = clickup__dstr(t, "url");
    out->team_id = clickup__dstr(t, "team_id");
    out->parent = clickup__dstr_null(t, "parent");
    out->top_level_parent = clickup__dstr_null(t, "top_level_parent");
    clickup__decode_status(clickup_json_get(t, "status"), &out->status);
    out->date_created = clickup__di64(t, "date_created");
    out->date_updated = clickup__di64(t, "date_updated");
    out->date_closed = clickup__di64(t, "date_closed");
    out->date_done = clickup__di64(t, "date_done");
    out->due_date = clickup__di64(t, "due_date");
    out->start_date = clickup__di64(t, "start_date");
    out->time_estimate = clickup__di64(t, "time_estimate");
    out->time_spent = clickup__di64(t, "time_spent");
    out->archived = clickup__dbool(t, "archived");
    clickup__decode_user(clickup_json_get(t, "creator"), &out->creator);
    if ((rc = clickup__darr(d, t, "assignees", 0, &arr)) || (rc = clickup__decode_users(d, arr, &out->assignees, &out->assignee_count)))
        return rc;
    if ((rc = clickup__darr(d, t, "watchers", 0, &arr)) || (rc = clickup__decode_users(d, arr, &out->watchers, &out->watcher_count)))
        return rc;
    if ((rc = clickup__decode_array(d, t, "tags", 0, sizeof *out->tags, clickup__tag_item, (void **)&out->tags,
                                    &out->tag_count)) ||
        (rc = clickup__decode_array(d, t, "checklists", 0, sizeof *out->checklists, clickup__checklist_item,
                                    (void **)&out->checklists, &out->checklist_count)) ||
        (rc = clickup__decode_array(d, t, "custom_fields", 0, sizeof *out->custom_fields, clickup__field_item,
                                    (void **)&out->custom_fields, &out->custom_field_count)))
        return rc;
    v = clickup_json_get(t, "priority");
    if (clickup_json_is(v, CLICKUP_JSON_OBJECT)) {
        clickup_priority *p = (clickup_priority *)clickup__arena_calloc(d->a, 1, sizeof *p);
        if (!p) return CLICKUP_ERR_NOMEM;
        p->id = clickup__dstr(v, "id");
        p->priority = clickup__dstr(v, "priority");
        p->color = clickup__dstr(v, "color");
        p->orderindex = clickup__dstr(v, "orderindex");
        out->priority = p;
    }
    clickup__decode_ref(clickup_json_get(t, "list"), &out->list);
    v = clickup_json_get(t, "folder");
    clickup__decode_ref(v ? v : clickup_json_get(t, "project"), &out->folder);   /* "project": the old name */
    clickup__decode_ref(clickup_json_get(t, "space"), &out->space);
    if (d->depth < 8)   /* subtasks of subtasks: bounded, the JSON depth limit bounds it anyway */
        return clickup__decode_array(d, t, "subtasks", 0, sizeof *out->subtasks, clickup__subtask_item,
                                     (void **)&out->subtasks, &out->subtask_count);
    return CLICKUP_OK;
}

/* Subtasks are tasks one level down; the depth travels in the decoder's context. */
CLICKUP__FN clickup_result clickup__subtask_item(clickup__dec *d, const clickup_json *item, void *out) {
    clickup_result rc;
    d->depth++;
    rc = clickup__decode_task(d, item, (clickup_task *)out);
    d->depth--;
    return rc;
}

CLICKUP__FN clickup_result clickup__task_item(clickup__dec *d, const clickup_json *item, void *out) {
    return clickup__decode_task(d, item, (clickup_task *)out);
}

/* {"tasks": [...], "last_page": bool?} -> items; *last_page: 1 yes, 0 no, -1 not said. */
CLICKUP__FN clickup_result clickup__decode_task_page(clickup__dec *d, const clickup_json *root, clickup_tasks *out, int *last_page) {
    const clickup_json *lp;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    lp = clickup_json_get(root, "last_page");
    *last_page = clickup_json_is(lp, CLICKUP_JSON_BOOL) ? (int)lp->b : -1;
    return clickup__decode_array(d, root, "tasks", 1, sizeof *out->items, clickup__task_item, (void **)&out->items,
                                 &out->count);
}

CLICKUP__FN void clickup__decode_features(const clickup_json *f, clickup_space_features *out) {
    out->raw = f;
    out->due_dates = clickup__dbool(clickup_json_get(f, "due_dates"), "enabled");
    out->time_tracking = clickup__dbool(clickup_json_get(f, "time_tracking"), "enabled");
    out->tags = clickup__dbool(clickup_json_get(f, "tags"), "enabled");
    out->time_estimates = clickup__dbool(clickup_json_get(f, "time_estimates"), "enabled");
    out->checklists = clickup__dbool(clickup_json_get(f, "checklists"), "enabled");
    out->custom_fields = clickup__dbool(clickup_json_get(f, "custom_fields"), "enabled");
}

CLICKUP__FN clickup_result clickup__decode_space(clickup__dec *d, const clickup_json *s, clickup_space *out) {
    clickup_result rc;
    if ((rc = clickup__need_object(d, s, "space"))) return rc;
    out->raw = s;
    out->id = clickup__dstr(s, "id");
    out->name = clickup__dstr(s, "name");
    out->color = clickup__dstr(s, "color");
    out->is_private = clickup__dbool(s, "private");
    out->multiple_assignees = clickup__dbool(s, "multiple_assignees");
    out->archived = clickup__dbool(s, "archived");
    clickup__decode_features(clickup_json_get(s, "features"), &out->features);
    return clickup__decode_statuses(d, s, &out->statuses, &out->status_count);
}

CLICKUP__FN clickup_result clickup__space_item(clickup__dec *d, const clickup_json *item, void *out) {
    return clickup__decode_space(d, item, (clickup_space *)out);
}

CLICKUP__FN clickup_result clickup__decode_list(clickup__dec *d, const clickup_json *l, clickup_list *out) {
    const clickup_json *st;
    clickup_result rc;
    if ((rc = clickup__need_object(d, l, "list"))) return rc;
    out->raw = l;
    out->id = clickup__dstr(l, "id");
    out->name = clickup__dstr(l, "name");
    out->content = clickup__dstr(l, "content");
    out->orderindex = clickup__di64(l, "orderindex");
    out->task_count = clickup__di64(l, "task_count");
    out->due_date = clickup__di64(l, "due_date");
    out->start_date = clickup__di64(l, "start_date");
    st = clickup_json_get(l, "status");
    out->status_label = clickup__dstr(st, "status");
    out->status_color = clickup__dstr(st, "color");
    out->priority_label = clickup__dstr(clickup_json_get(l, "priority"), "priority");
    clickup__decode_ref(clickup_json_get(l, "folder"), &out->folder);
    clickup__decode_ref(clickup_json_get(l, "space"), &out->space);
    out->archived = clickup__dbool(l, "archived");
    out->override_statuses = clickup__dbool(l, "override_statuses");
    return clickup__decode_statuses(d, l, &out->statuses, &out->status_count);
}

CLICKUP__FN clickup_result clickup__list_item(clickup__dec *d, const clickup_json *item, void *out) {
    return clickup__decode_list(d, item, (clickup_list *)out);
}

CLICKUP__FN clickup_result clickup__decode_lists(clickup__dec *d, const clickup_json *o, int strict, clickup_list **out, size_t *count) {
    return clickup__decode_array(d, o, "lists", strict, sizeof **out, clickup__list_item, (void **)out, count);
}

CLICKUP__FN clickup_result clickup__decode_folder(clickup__dec *d, const clickup_json *f, clickup_folder *out) {
    clickup_result rc;
    if ((rc = clickup__need_object(d, f, "folder"))) return rc;
    out->raw = f;
    out->id = clickup__dstr(f, "id");
    out->name = clickup__dstr(f, "name");
    out->orderindex = clickup__di64(f, "orderindex");
    out->task_count = clickup__di64(f, "task_count");
    out->hidden = clickup__dbool(f, "hidden");
    out->override_statuses = clickup__dbool(f, "override_statuses");
    clickup__decode_ref(clickup_json_get(f, "space"), &out->space);
    return clickup__decode_lists(d, f, 0, &out->lists, &out->list_count);
}

CLICKUP__FN clickup_result clickup__decode_team(clickup__dec *d, const clickup_json *t, clickup_team *out) {
    const clickup_json *arr;
    clickup_result rc;
    if ((rc = clickup__need_object(d, t, "team"))) return rc;
    out->raw = t;
    out->id = clickup__dstr(t, "id");
    out->name = clickup__dstr(t, "name");
    out->color = clickup__dstr(t, "color");
    if ((rc = clickup__darr(d, t, "members", 0, &arr))) return rc;
    return clickup__decode_users(d, arr, &out->members, &out->member_count);
}

CLICKUP__FN clickup_result clickup__folder_item(clickup__dec *d, const clickup_json *item, void *out) {
    return clickup__decode_folder(d, item, (clickup_folder *)out);
}
CLICKUP__FN clickup_result clickup__team_item(clickup__dec *d, const clickup_json *item, void *out) {
    return clickup__decode_team(d, item, (clickup_team *)out);
}

CLICKUP__FN clickup_result clickup__decode_teams(clickup__dec *d, const clickup_json *root, clickup_teams *out) {
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    out->raw = root;
    return clickup__decode_array(d, root, "teams", 1, sizeof *out->items, clickup__team_item, (void **)&out->items,
                                 &out->count);
}

/* ==== [endpoints] ============================================================================
   Each public call: validate its inputs (nothing is sent for bad input), build path and query,
   run the engine, decode the body into a fresh result. Same order as the declarations. This
   section: workspaces, the hierarchy, tasks and their writes, attachments, templates; then
   [collab], [fields], [time] and [parallel reads] follow the same pattern.
   ============================================================================================= */
/* The answer to a write could not be read. The server accepted the request (2xx), so a POST
   must not be repeated blindly: for POST that is CLICKUP_ERR_OUTCOME_UNKNOWN. */
CLICKUP__FN clickup_result clickup__unreadable(clickup_client *c, const char *what) {
    if (!c->resend_ok)
        return clickup__fail(c, CLICKUP_ERR_OUTCOME_UNKNOWN,
                             "the server accepted the write (HTTP %d) but its answer could not be read (%s): "
                             "look before creating again", c->err.http_status, what);
    return clickup__fail(c, CLICKUP_ERR_BAD_RESPONSE, "%s", what);
}

/* Parse the last response body into arena a (d is set up to decode from it). A body that is not
   JSON is recorded as unreadable. */
CLICKUP__FN clickup_result clickup__parse_body(clickup_client *c, clickup__arena *a, clickup__dec *d,
                                               const clickup_json **root) {
    clickup_json_error je;
    clickup_result rc;
    d->a = a;
    d->what[0] = '\0';
    d->depth = 0;
    rc = clickup__json_parse_arena(a, c->body, c->body_len, root, &je);
    if (rc == CLICKUP_OK) return CLICKUP_OK;
    if (rc == CLICKUP_ERR_NOMEM) return clickup__fail(c, rc, "out of memory");
    c->err.json_offset = je.offset;
    {
        char what[128];
        clickup__fmt(what, sizeof what, "invalid JSON in the response at byte %llu: %s", (unsigned long long)je.offset,
                     je.reason);
        return clickup__unreadable(c, what);
    }
}

/* Record why decoding failed: out of memory, or a body of the wrong shape. */
CLICKUP__FN clickup_result clickup__decode_failed(clickup_client *c, clickup_result rc, const clickup__dec *d) {
    char what[160];
    if (rc == CLICKUP_ERR_NOMEM) return clickup__fail(c, rc, "out of memory");
    c->m.errors_bad_response++;
    clickup__fmt(what, sizeof what, "unexpected response: %s", d->what);
    return clickup__unreadable(c, what);
}

/* Parse the last response body into a new result object of `size` bytes. */
CLICKUP__FN clickup_result clickup__body_result(clickup_client *c, size_t size, void **obj, clickup__dec *d,
                                                const clickup_json **root) {
    clickup_result rc;
    *obj = clickup__result_new(&c->alloc, size, c->body_len / 2 * 7 + 4096);   /* a page needs ~3.1x */
    if (!*obj) return clickup__fail(c, CLICKUP_ERR_NOMEM, "out of memory");
    rc = clickup__parse_body(c, clickup__result_arena(*obj), d, root);
    if (rc != CLICKUP_OK) { clickup__result_free(*obj); *obj = NULL; }
    return rc;
}

/* Pages of items gathered in one arena, joined into one array at the end. */
typedef struct clickup__page {
    void                 *items;
    size_t                count;
    struct clickup__page *next;
} clickup__page;

typedef struct clickup__pages {
    clickup__page *first, *last;
    size_t         total, count;   /* items, pages */
} clickup__pages;

CLICKUP__FN clickup_result clickup__pages_add(clickup__arena *a, clickup__pages *ps, void *items, size_t n) {
    clickup__page *pg = (clickup__page *)clickup__arena_calloc(a, 1, sizeof *pg);
    if (!pg) return CLICKUP_ERR_NOMEM;
    pg->items = items;
    pg->count = n;
    if (ps->last) ps->last->next = pg; else ps->first = pg;
    ps->last = pg;
    ps->total += n;
    ps->count++;
    return CLICKUP_OK;
}

/* One array of every item, element size `size`; *out stays NULL when there are none. */
CLICKUP__FN clickup_result clickup__pages_join(clickup__arena *a, const clickup__pages *ps, size_t size, void **out) {
    const clickup__page *pg;
    char *at;
    size_t bytes;
    *out = NULL;
    if (!ps->total) return CLICKUP_OK;
    if (!clickup__size_mul(ps->total, size, &bytes) || !(at = (char *)clickup__arena_alloc(a, bytes, 16)))
        return CLICKUP_ERR_NOMEM;
    *out = at;
    for (pg = ps->first; pg; pg = pg->next) {
        if (pg->count) memcpy(at, pg->items, pg->count * size);
        at += pg->count * size;
    }
    return CLICKUP_OK;
}

/* After decoding: hand out the object, or free it and record why. */
CLICKUP__FN clickup_result clickup__deliver(clickup_client *c, clickup_result rc, clickup__dec *d, void *obj, void **out) {
    if (rc == CLICKUP_OK) { *out = obj; clickup__cache_commit(c); return rc; }
    clickup__result_free(obj);
    *out = NULL;
    return clickup__decode_failed(c, rc, d);
}

CLICKUP_API void clickup_teams_free(clickup_teams *t) { clickup__result_free(t); }
CLICKUP_API void clickup_members_free(clickup_members *m) { clickup__result_free(m); }
CLICKUP_API void clickup_spaces_free(clickup_spaces *s) { clickup__result_free(s); }
CLICKUP_API void clickup_folders_free(clickup_folders *f) { clickup__result_free(f); }
CLICKUP_API void clickup_lists_free(clickup_lists *l) { clickup__result_free(l); }
CLICKUP_API void clickup_list_free(clickup_list *l) { clickup__result_free(l); }
CLICKUP_API void clickup_task_free(clickup_task *t) { clickup__result_free(t); }
CLICKUP_API void clickup_tasks_free(clickup_tasks *t) { clickup__result_free(t); }
CLICKUP_API void clickup_templates_free(clickup_templates *t) { clickup__result_free(t); }
CLICKUP_API void clickup_template_task_free(clickup_template_task *t) { clickup__result_free(t); }

/* Decode the last response body into a new result. */
CLICKUP__FN clickup_result clickup__get_decoded(clickup_client *c, size_t size, clickup__decode_fn fn, void **out) {
    clickup__dec d;
    const clickup_json *root = NULL;
    void *obj;
    clickup_result rc = clickup__body_result(c, size, &obj, &d, &root);
    if (rc) return rc;
    return clickup__deliver(c, fn(&d, root, obj), &d, obj, out);
}

/* A typed read: perform, then decode through the route's decoder into a new result. */
CLICKUP__FN clickup_result clickup__get(clickup_client *c, const clickup__call *call, void **out) {
    clickup_result rc = clickup__perform(c, call);
    return rc ? rc : clickup__get_decoded(c, call->route->result_size, call->route->decode, out);
}

/* ---- workspaces ---------------------------------------------------------------------------- */
CLICKUP__FN clickup_result clickup__dec_teams(clickup__dec *d, const clickup_json *root, void *obj) {
    return clickup__decode_teams(d, root, (clickup_teams *)obj);
}

CLICKUP__FN clickup_result clickup__teams_get(clickup_client *c, clickup_teams **out) {
    clickup__call call;
    memset(&call, 0, sizeof call);
    call.route = CLICKUP__ROUTE(GET_TEAMS); call.path = "/team"; call.query = "";
    return clickup__get(c, &call, (void **)out);
}

CLICKUP_API clickup_result clickup_teams_get(clickup_client *c, clickup_teams **out) {
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    return clickup__teams_get(c, out);
}

/* The workspace id: configured, or discovered once through GET /team. */
CLICKUP__FN clickup_result clickup__team(clickup_client *c, const char **team) {
    clickup_teams *ts = NULL;
    clickup_result rc;
    size_t i;
    *team = NULL;
    if (c->team_id) { *team = c->team_id; return CLICKUP_OK; }
    if ((rc = clickup__teams_get(c, &ts))) return rc;
    if (ts->count == 1 && clickup__valid_id(ts->items[0].id)) {
        c->team_id = clickup__strdup(&c->alloc, ts->items[0].id);
        clickup_teams_free(ts);
        if (!c->team_id) return clickup__fail(c, CLICKUP_ERR_NOMEM, "out of memory");
        *team = c->team_id;
        return CLICKUP_OK;
    }
    {
        char list[160];
        size_t used = 0;
        list[0] = '\0';
        for (i = 0; i < ts->count && used + 1 < sizeof list; i++) {
            int k = snprintf(list + used, sizeof list - used, "%s%s (%s)", i ? ", " : "", ts->items[i].id, ts->items[i].name);
            if (k < 0) break;
            used += (size_t)k;
        }
        rc = ts->count == 0 ? clickup__fail(c, CLICKUP_ERR_CONFIG, "the token sees no workspace")
                            : clickup__fail(c, CLICKUP_ERR_CONFIG, "the token sees %llu workspaces; set CLICKUP_TEAM_ID to one of: %s",
                                            (unsigned long long)ts->count, list);
    }
    clickup_teams_free(ts);
    return rc;
}

CLICKUP_API clickup_result clickup_client_team_id(clickup_client *c, const char **out) {
    if (!c || !out) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    return clickup__team(c, out);
}

CLICKUP_API clickup_result clickup_members_get(clickup_client *c, clickup_members **out) {
    clickup_teams *ts = NULL;
    clickup_members *m;
    clickup__dec d;
    const clickup_json *root;
    const char *team;
    clickup_result rc;
    size_t i;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    if ((rc = clickup__team(c, &team))) return rc;
    {   /* GET /team again (a cache hit when the cache is on), this time into our own result */
        clickup__call call;
        memset(&call, 0, sizeof call);
        call.route = CLICKUP__ROUTE(GET_TEAMS); call.path = "/team"; call.query = "";
        if ((rc = clickup__perform(c, &call))) return rc;
    }
    if ((rc = clickup__body_result(c, sizeof *m, (void **)&m, &d, &root))) return rc;
    ts = (clickup_teams *)clickup__arena_calloc(d.a, 1, sizeof *ts);
    rc = ts ? clickup__decode_teams(&d, root, ts) : CLICKUP_ERR_NOMEM;
    if (rc) return clickup__deliver(c, rc, &d, m, (void **)out);
    for (i = 0; i < ts->count; i++)
        if (strcmp(ts->items[i].id, team) == 0) break;
    if (i == ts->count) {
        clickup__result_free(m);
        return clickup__fail(c, CLICKUP_ERR_NOT_FOUND, "workspace %s is not among the token's workspaces", team);
    }
    m->items = ts->items[i].members;
    m->count = ts->items[i].member_count;
    m->raw = ts->items[i].raw;
    clickup__cache_commit(c);
    *out = m;
    return CLICKUP_OK;
}

/* ---- spaces and hierarchy --------------------------------------------------------------- */
CLICKUP__FN clickup_result clickup__dec_spaces(clickup__dec *d, const clickup_json *root, void *obj) {
    clickup_spaces *out = (clickup_spaces *)obj;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    out->raw = root;
    return clickup__decode_array(d, root, "spaces", 1, sizeof *out->items, clickup__space_item, (void **)&out->items,
                                 &out->count);
}

/* Build a path from pieces; ids must pass clickup__valid_id. */
CLICKUP__FN clickup_result clickup__path(clickup_client *c, clickup__buf *b, const char *a1, const char *id1,
                                         const char *a2) {
    memset(b, 0, sizeof *b);
    b->al = &c->alloc;
    clickup__buf_str(b, a1);
    clickup__buf_str(b, id1);
    if (a2) clickup__buf_str(b, a2);
    if (!b->nomem) return CLICKUP_OK;
    clickup__free(&c->alloc, b->p);
    b->p = NULL;
    return CLICKUP_ERR_NOMEM;
}

/* GET {prefix}{id}{suffix} decoded into a new result: the shape of every read by id.
   route is the metrics name ("GET /space/{space_id}/folder"); what names the id in errors. */
CLICKUP__FN clickup_result clickup__get_by_id(clickup_client *c, const clickup__route *route, const char *prefix, const char *id,
                                              const char *suffix, const char *what, const char *query,
                                              unsigned flags, void **out) {
    clickup__buf path;
    clickup__call call;
    clickup_result rc;
    if (!clickup__valid_id(id))
        return clickup__invalid(c, route, "%s id is empty or has characters an id cannot have", what);
    if (clickup__path(c, &path, prefix, id, suffix)) return clickup__nomem(c, route);
    memset(&call, 0, sizeof call);
    call.route = route; call.path = path.p; call.query = query; call.flags = flags;
    rc = clickup__get(c, &call, out);
    clickup__free(&c->alloc, path.p);
    return rc;
}

CLICKUP_API clickup_result clickup_spaces_get(clickup_client *c, const clickup_spaces_opts *opts, clickup_spaces **out) {
    const char *team;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    if ((rc = clickup__team(c, &team))) return rc;
    return clickup__get_by_id(c, CLICKUP__ROUTE(GET_SPACES), "/team/", team, "/space", "team",
                              opts && opts->archived ? "?archived=true" : "", opts ? opts->flags : 0, (void **)out);
}

CLICKUP__FN clickup_result clickup__dec_folders(clickup__dec *d, const clickup_json *root, void *obj) {
    clickup_folders *out = (clickup_folders *)obj;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    out->raw = root;
    return clickup__decode_array(d, root, "folders", 1, sizeof *out->items, clickup__folder_item, (void **)&out->items,
                                 &out->count);
}

CLICKUP_API clickup_result clickup_folders_get(clickup_client *c, const char *space_id, const clickup_hierarchy_opts *opts,
                                               clickup_folders **out) {
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    return clickup__get_by_id(c, CLICKUP__ROUTE(GET_FOLDERS), "/space/", space_id, "/folder", "space",
                              opts && opts->archived ? "?archived=true" : "", opts ? opts->flags : 0, (void **)out);
}

CLICKUP__FN clickup_result clickup__dec_lists(clickup__dec *d, const clickup_json *root, void *obj) {
    clickup_lists *out = (clickup_lists *)obj;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    out->raw = root;
    return clickup__decode_lists(d, root, 1, &out->items, &out->count);
}

CLICKUP_API clickup_result clickup_lists_get(clickup_client *c, const char *folder_id, const char *space_id,
                                             const clickup_hierarchy_opts *opts, clickup_lists **out) {
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    if ((folder_id != NULL) == (space_id != NULL))
        return clickup__invalid(c, CLICKUP__ROUTE(GET_LISTS), "give exactly one of folder_id and space_id");
    return clickup__get_by_id(c, folder_id ? CLICKUP__ROUTE(GET_LISTS) : CLICKUP__ROUTE(GET_FOLDERLESS_LISTS),
                              folder_id ? "/folder/" : "/space/", folder_id ? folder_id : space_id, "/list",
                              folder_id ? "folder" : "space", opts && opts->archived ? "?archived=true" : "",
                              opts ? opts->flags : 0, (void **)out);
}

CLICKUP__FN clickup_result clickup__dec_list(clickup__dec *d, const clickup_json *root, void *obj) {
    return clickup__decode_list(d, root, (clickup_list *)obj);
}

CLICKUP_API clickup_result clickup_list_get(clickup_client *c, const char *list_id, clickup_list **out) {
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    return clickup__get_by_id(c, CLICKUP__ROUTE(GET_LIST), "/list/", list_id, NULL, "list", "", 0, (void **)out);
}

/* ---- task references ---------------------------------------------------------------------- */
CLICKUP__FN int clickup__is_alnum(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}
/* PREFIX-NUMBER, e.g. DEV-2760: letters/digits (at least one letter), '-', digits. */
CLICKUP__FN int clickup__is_custom_id(const char *s, size_t n) {
    size_t i = 0, letters = 0, dash;
    while (i < n && clickup__is_alnum(s[i])) { if (!(s[i] >= '0' && s[i] <= '9')) letters++; i++; }
    if (i == 0 || i >= n || s[i] != '-' || !letters) return 0;
    dash = i++;
    if (i == n) return 0;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    return i == n && n - dash > 1;
}
CLICKUP__FN int clickup__is_native_id(const char *s, size_t n) {
    size_t i;
    if (!n) return 0;
    for (i = 0; i < n; i++)
        if (!clickup__is_alnum(s[i])) return 0;
    return 1;
}

CLICKUP_API clickup_result clickup_task_ref_parse(const char *text, clickup_task_ref *out) {
    const char *s, *e, *id, *team = NULL;
    size_t n, id_len, team_len = 0;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    memset(out, 0, sizeof *out);
    out->error = "empty task reference";
    if (!text) return CLICKUP_ERR_INVALID_ARG;
    for (s = text; *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'; s++) {}
    for (e = s + strlen(s); e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'); e--) {}
    n = (size_t)(e - s);
    if (!n) return CLICKUP_ERR_INVALID_ARG;
    if ((n > 8 && strncmp(s, "https://", 8) == 0) || (n > 7 && strncmp(s, "http://", 7) == 0)) {
        const char *host = s + (s[4] == 's' ? 8 : 7), *path = host, *seg1, *seg2;
        size_t l1, l2;
        while (path < e && *path != '/') path++;
        if (!((size_t)(path - host) == 15 && strncmp(host, "app.clickup.com", 15) == 0) &&
            !((size_t)(path - host) == 11 && strncmp(host, "clickup.com", 11) == 0)) {
            out->error = "not a ClickUp task URL (expected https://app.clickup.com/t/...)";
            return CLICKUP_ERR_INVALID_ARG;
        }
        {   /* drop ?query and #fragment, and one trailing slash */
            const char *q = path;
            while (q < e && *q != '?' && *q != '#') q++;
            e = q;
            if (e > path + 1 && e[-1] == '/') e--;
        }
        if ((size_t)(e - path) < 4 || strncmp(path, "/t/", 3) != 0) {
            out->error = "a task URL's path must be /t/{task_id} or /t/{team_id}/{custom_id}";
            return CLICKUP_ERR_INVALID_ARG;
        }
        seg1 = path + 3;
        for (l1 = 0; seg1 + l1 < e && seg1[l1] != '/'; l1++) {}
        if (seg1 + l1 < e) {                       /* two segments: team id, then the id */
            seg2 = seg1 + l1 + 1;
            l2 = (size_t)(e - seg2);
            if (memchr(seg2, '/', l2) || !l2) {
                out->error = "a task URL's path must be /t/{task_id} or /t/{team_id}/{custom_id}";
                return CLICKUP_ERR_INVALID_ARG;
            }
            team = seg1; team_len = l1;
            id = seg2; id_len = l2;
        } else {
            id = seg1; id_len = l1;
        }
    } else {
        id = s; id_len = n;
        if (id[0] == '#') { id++; id_len--; }
        else if (id_len > 3 && (strncmp(id, "CU-", 3) == 0 || strncmp(id, "cu-", 3) == 0) &&
                 clickup__is_native_id(id + 3, id_len - 3) && !clickup__is_custom_id(id, id_len)) {
            id += 3; id_len -= 3;                  /* the Git integration's prefix */
        }
    }
    if (team) {
        size_t i;
        for (i = 0; i < team_len; i++)
            if (team[i] < '0' || team[i] > '9') { out->error = "the workspace id in a task URL must be digits"; return CLICKUP_ERR_INVALID_ARG; }
        if (!team_len || team_len >= sizeof out->team_id) { out->error = "the workspace id in a task URL is too long"; return CLICKUP_ERR_INVALID_ARG; }
    }
    if (!id_len) { out->error = "empty task id"; return CLICKUP_ERR_INVALID_ARG; }
    if (id_len >= sizeof out->id || id_len > 64) { out->error = "task id is too long"; return CLICKUP_ERR_INVALID_ARG; }
    out->is_custom = clickup__is_custom_id(id, id_len);
    if (!out->is_custom && !clickup__is_native_id(id, id_len)) {
        out->error = "task id must be letters and digits (or a custom id like DEV-42)";
        return CLICKUP_ERR_INVALID_ARG;
    }
    memcpy(out->id, id, id_len);
    out->id[id_len] = '\0';
    if (team) { memcpy(out->team_id, team, team_len); out->team_id[team_len] = '\0'; }
    out->error = NULL;
    return CLICKUP_OK;
}

/* "/task/{id}<suffix>" and, for custom ids, "?custom_task_ids=true&team_id=T". */
CLICKUP__FN clickup_result clickup__task_target(clickup_client *c, const clickup__route *route, const char *task_ref,
                                                clickup_tristate custom, const char *team_override, const char *suffix,
                                                clickup__buf *path, clickup__buf *query) {
    clickup_task_ref ref;
    const char *team = NULL;
    clickup_result rc;
    int is_custom;
    memset(path, 0, sizeof *path); path->al = &c->alloc;
    memset(query, 0, sizeof *query); query->al = &c->alloc;
    if (clickup_task_ref_parse(task_ref, &ref) != CLICKUP_OK) return clickup__invalid(c, route, "task reference: %s", ref.error);
    is_custom = custom == CLICKUP_YES ? 1 : custom == CLICKUP_NO ? 0 : ref.is_custom;
    if (is_custom && !(route->flags & CLICKUP__CUSTOM_IDS))
        return clickup__invalid(c, route, "ClickUp takes no custom task id (%s) here: give the task's own id", ref.id);
    if (is_custom) {
        if (team_override) team = team_override;
        else if (ref.team_id[0]) team = ref.team_id;
        else if ((rc = clickup__team(c, &team))) return rc;
        if (!clickup__valid_id(team)) return clickup__invalid(c, route, "team id for a custom task id is not a valid id");
        clickup__buf_query(query, "custom_task_ids", "true");
        clickup__buf_query(query, "team_id", team);
    }
    clickup__buf_str(path, "/task/");
    clickup__buf_str(path, ref.id);
    if (suffix) clickup__buf_str(path, suffix);
    clickup__buf_put(query, "", 0);
    if (path->nomem || query->nomem) return clickup__nomem(c, route);
    return CLICKUP_OK;
}


/* ---- one task ----------------------------------------------------------------------------- */
CLICKUP__FN clickup_result clickup__dec_task(clickup__dec *d, const clickup_json *root, void *obj) {
    return clickup__decode_task(d, root, (clickup_task *)obj);
}

CLICKUP_API clickup_result clickup_task_get(clickup_client *c, const char *task_ref, const clickup_task_get_opts *opts,
                                            clickup_task **out) {
    clickup__buf path, query;
    clickup__call call;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    rc = clickup__task_target(c, CLICKUP__ROUTE(GET_TASK), task_ref, opts ? opts->custom_id : CLICKUP_DEFAULT,
                              opts ? opts->team_id : NULL, NULL, &path, &query);
    if (!rc) {
        if (opts && opts->include_subtasks) clickup__buf_query(&query, "include_subtasks", "true");
        if (opts && opts->include_markdown) clickup__buf_query(&query, "include_markdown_description", "true");
        if (query.nomem) rc = clickup__nomem(c, CLICKUP__ROUTE(GET_TASK));
    }
    if (!rc) {
        memset(&call, 0, sizeof call);
        call.route = CLICKUP__ROUTE(GET_TASK); call.path = path.p; call.query = query.p;
        rc = clickup__get(c, &call, (void **)out);   /* never cached */
    }
    clickup__bufs_free(c, &path, &query);
    return rc;
}

/* ---- task pages -------------------------------------------------------------------------- */
#define CLICKUP__PAGE_SIZE 100   /* ClickUp's page size for task lists and templates */

CLICKUP__FN clickup_result clickup__task_query(clickup_client *c, const clickup_task_query *q, clickup__buf *path,
                                               clickup__buf *query, const clickup__route **route) {
    const char *team;
    size_t i;
    clickup_result rc;
    memset(path, 0, sizeof *path); path->al = &c->alloc;
    memset(query, 0, sizeof *query); query->al = &c->alloc;
    *route = CLICKUP__ROUTE(GET_TASKS);
    if (!q || (q->list_id != NULL) + (q->space_id != NULL) + (q->view_id != NULL) != 1)
        return clickup__invalid(c, *route, "give exactly one of list_id, space_id and view_id");
    if (q->max_pages < 0) return clickup__invalid(c, *route, "max_pages must not be negative");
    if (q->order_by && strcmp(q->order_by, "id") && strcmp(q->order_by, "created") && strcmp(q->order_by, "updated") &&
        strcmp(q->order_by, "due_date"))
        return clickup__invalid(c, *route, "order_by must be id, created, updated or due_date");
    if ((q->status_count && !q->statuses) || (q->tag_count && !q->tags) || (q->assignee_count && !q->assignees))
        return clickup__invalid(c, *route, "a filter count is set but its array is NULL");
    for (i = 0; i < q->status_count; i++)
        if (!clickup__clean_text(q->statuses[i]) || !q->statuses[i][0]) return clickup__invalid(c, *route, "status filter %llu is empty or has control characters", (unsigned long long)i);
    for (i = 0; i < q->tag_count; i++)
        if (!clickup__clean_text(q->tags[i]) || !q->tags[i][0]) return clickup__invalid(c, *route, "tag filter %llu is empty or has control characters", (unsigned long long)i);
    if (q->view_id) {
        *route = CLICKUP__ROUTE(GET_VIEW_TASKS);
        if (!clickup__valid_id(q->view_id)) return clickup__invalid(c, *route, "view id is empty or has characters an id cannot have");
        if (q->status_count || q->assignee_count || q->tag_count || q->include_closed || q->subtasks || q->reverse ||
            q->include_markdown || q->archived || q->order_by || q->due_date_gt.present || q->due_date_lt.present ||
            q->date_updated_gt.present || q->date_updated_lt.present)
            return clickup__invalid(c, *route, "a view's tasks take no filters: the view has its own");
        clickup__buf_str(path, "/view/");
        clickup__buf_str(path, q->view_id);
        clickup__buf_str(path, "/task");
    } else if (q->list_id) {
        if (!clickup__valid_id(q->list_id)) return clickup__invalid(c, *route, "list id is empty or has characters an id cannot have");
        clickup__buf_str(path, "/list/");
        clickup__buf_str(path, q->list_id);
        clickup__buf_str(path, "/task");
        if (q->archived) clickup__buf_query(query, "archived", "true");
    } else {
        *route = CLICKUP__ROUTE(GET_TEAM_TASKS);
        if (!clickup__valid_id(q->space_id)) return clickup__invalid(c, *route, "space id is empty or has characters an id cannot have");
        if ((rc = clickup__team(c, &team))) return rc;
        clickup__buf_str(path, "/team/");
        clickup__buf_str(path, team);
        clickup__buf_str(path, "/task");
        clickup__buf_query(query, "space_ids[]", q->space_id);
    }
    if (q->order_by) clickup__buf_query(query, "order_by", q->order_by);
    if (q->reverse) clickup__buf_query(query, "reverse", "true");
    if (q->subtasks) clickup__buf_query(query, "subtasks", "true");
    if (q->include_closed) clickup__buf_query(query, "include_closed", "true");
    if (q->include_markdown) clickup__buf_query(query, "include_markdown_description", "true");
    for (i = 0; i < q->status_count; i++) clickup__buf_query(query, "statuses[]", q->statuses[i]);
    for (i = 0; i < q->assignee_count; i++) clickup__buf_query_i64(query, "assignees[]", q->assignees[i]);
    for (i = 0; i < q->tag_count; i++) clickup__buf_query(query, "tags[]", q->tags[i]);
    if (q->due_date_gt.present) clickup__buf_query_i64(query, "due_date_gt", q->due_date_gt.value);
    if (q->due_date_lt.present) clickup__buf_query_i64(query, "due_date_lt", q->due_date_lt.value);
    if (q->date_updated_gt.present) clickup__buf_query_i64(query, "date_updated_gt", q->date_updated_gt.value);
    if (q->date_updated_lt.present) clickup__buf_query_i64(query, "date_updated_lt", q->date_updated_lt.value);
    clickup__buf_put(query, "", 0);
    if (path->nomem || query->nomem) return clickup__nomem(c, *route);
    return CLICKUP_OK;
}

/* Walk the pages. With `collect` (a result object) every page is parsed into its arena and the
   tasks are joined at the end; otherwise each page becomes its own result handed to fn. */
CLICKUP__FN clickup_result clickup__tasks_walk(clickup_client *c, const clickup_task_query *q, clickup_tasks *collect,
                                               clickup_tasks_page_fn fn, void *user, clickup_tasks *stats) {
    clickup__pages gathered;
    clickup__buf path, query, pq;
    clickup__call call;
    const clickup__route *route;
    size_t pages = 0, total = 0, max_pages;
    int truncated = 0, stop = 0;
    clickup_result rc = clickup__task_query(c, q, &path, &query, &route);
    memset(&gathered, 0, sizeof gathered);
    memset(&pq, 0, sizeof pq); pq.al = &c->alloc;
    if (rc) goto out;
    max_pages = q->max_pages ? (size_t)q->max_pages : 100;
    for (;;) {
        clickup__dec d;
        const clickup_json *root;
        clickup_tasks *pg, tmp;
        int last_page;
        size_t got;
        if (pages == max_pages) { truncated = 1; break; }
        pq.len = 0;
        clickup__buf_str(&pq, query.p);
        clickup__buf_put(&pq, "", 0);
        clickup__buf_query_i64(&pq, "page", (int64_t)pages);
        if (pq.nomem) { rc = clickup__fail(c, CLICKUP_ERR_NOMEM, "out of memory"); goto out; }
        memset(&call, 0, sizeof call);
        call.route = route; call.path = path.p; call.query = pq.p; call.flags = q->flags;
        if ((rc = clickup__perform(c, &call))) goto out;
        if (collect) {          /* every page into the one result's arena */
            pg = &tmp;
            memset(&tmp, 0, sizeof tmp);
            if ((rc = clickup__parse_body(c, clickup__result_arena(collect), &d, &root))) goto out;
            rc = clickup__decode_task_page(&d, root, pg, &last_page);
            if (!rc) rc = clickup__pages_add(d.a, &gathered, pg->items, pg->count);
            if (rc) { rc = clickup__decode_failed(c, rc, &d); goto out; }
        } else {                /* each page its own result */
            if ((rc = clickup__body_result(c, sizeof *pg, (void **)&pg, &d, &root))) goto out;
            rc = clickup__decode_task_page(&d, root, pg, &last_page);
            if (rc) { rc = clickup__deliver(c, rc, &d, pg, (void **)&pg); goto out; }
        }
        clickup__cache_commit(c);
        pages++;
        got = pg->count;
        total += got;
        if (!collect) {
            pg->page_index = pages - 1;
            pg->pages = 1;
            stop = fn(user, pg);
            clickup_tasks_free(pg);
        }
        /* The end: last_page says so; or an empty page; or, when last_page is absent (the
           workspace endpoint does not send it), a short page. */
        if (last_page == 1 || got == 0 || (last_page == -1 && got < CLICKUP__PAGE_SIZE) || stop) break;
    }
    if (collect) {
        if ((rc = clickup__pages_join(clickup__result_arena(collect), &gathered, sizeof *collect->items,
                                      (void **)&collect->items))) {
            rc = clickup__fail(c, rc, "out of memory");
            goto out;
        }
        collect->count = total;
        collect->pages = pages;
        collect->truncated = truncated;
    }
    if (truncated)
        CLICKUP__LOG(c, CLICKUP_LOG_WARNING, "%s: stopped after max_pages=%llu pages; more tasks exist", route->name,
                     (unsigned long long)max_pages);
out:
    if (stats) {
        memset(stats, 0, sizeof *stats);
        stats->count = total; stats->pages = pages; stats->truncated = truncated;
    }
    clickup__bufs_free(c, &path, &query);
    clickup__free(&c->alloc, pq.p);
    return rc;
}

CLICKUP_API clickup_result clickup_tasks_get(clickup_client *c, const clickup_task_query *q, clickup_tasks **out) {
    clickup_tasks *all;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    all = (clickup_tasks *)clickup__result_new(&c->alloc, sizeof *all, 1 << 16);
    if (!all) return clickup__nomem(c, q && q->space_id ? CLICKUP__ROUTE(GET_TEAM_TASKS) : CLICKUP__ROUTE(GET_TASKS));
    clickup__begin(c);
    rc = clickup__tasks_walk(c, q, all, NULL, NULL, NULL);
    if (rc) { clickup_tasks_free(all); return rc; }
    *out = all;
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_tasks_foreach(clickup_client *c, const clickup_task_query *q, clickup_tasks_page_fn fn,
                                                 void *user, clickup_tasks *stats) {
    if (stats) memset(stats, 0, sizeof *stats);
    if (!c || !fn) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    return clickup__tasks_walk(c, q, NULL, fn, user, stats);
}

/* A custom field value as JSON. */
CLICKUP__FN void clickup__jw_field_value(clickup_json_writer *w, const clickup_field_value *v) {
    switch (v->type) {
    case CLICKUP_VALUE_STRING: clickup_jw_string(w, v->str); break;
    case CLICKUP_VALUE_INT: clickup_jw_int64(w, v->i); break;
    case CLICKUP_VALUE_NUMBER: clickup_jw_double(w, v->num); break;
    case CLICKUP_VALUE_BOOL: clickup_jw_bool(w, v->b); break;
    case CLICKUP_VALUE_JSON:
        if (v->str) clickup_jw_raw(w, v->str, strlen(v->str));
        else w->err = CLICKUP_ERR_INVALID_ARG;
        break;
    default: clickup_jw_null(w); break;
    }
}

CLICKUP__FN void clickup__jw_ids(clickup_json_writer *w, const char *key, const int64_t *ids, size_t n) {
    size_t i;
    clickup_jw_key(w, key);
    clickup_jw_array_begin(w);
    for (i = 0; i < n; i++) clickup_jw_int64(w, ids[i]);
    clickup_jw_array_end(w);
}

/* Validate a new task and write its JSON body. Returns a message on bad input, else NULL. */
CLICKUP__FN const char *clickup__task_new_body(const clickup_task_new *t, clickup_json_writer *w) {
    size_t i;
    const char *p;
    if (!t) return "no task given";
    if (!t->name) return "name is required";
    for (p = t->name; *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'; p++) {}
    if (!*p) return "name must not be empty";
    if (t->priority < 0 || t->priority > 4) return "priority must be 1 (urgent) to 4 (low), or 0 for none";
    if ((t->assignee_count && !t->assignees) || (t->tag_count && !t->tags) || (t->custom_field_count && !t->custom_fields))
        return "a count is set but its array is NULL";
    for (i = 0; i < t->assignee_count; i++)
        if (t->assignees[i] <= 0) return "assignee ids are positive user ids";
    for (i = 0; i < t->tag_count; i++)
        if (!t->tags[i] || !t->tags[i][0]) return "tags must not be empty";
    for (i = 0; i < t->custom_field_count; i++)
        if (!clickup__valid_id(t->custom_fields[i].id)) return "custom field ids must be field UUIDs";
    if (t->parent && !clickup__is_native_id(t->parent, strlen(t->parent))) return "parent must be a native task id";
    clickup_jw_object_begin(w);
    clickup_jw_key(w, "name"); clickup_jw_string(w, t->name);
    if (t->description) { clickup_jw_key(w, "description"); clickup_jw_string(w, t->description); }
    if (t->markdown) { clickup_jw_key(w, "markdown_content"); clickup_jw_string(w, t->markdown); }
    if (t->assignee_count) clickup__jw_ids(w, "assignees", t->assignees, t->assignee_count);
    if (t->tag_count) {
        clickup_jw_key(w, "tags");
        clickup_jw_array_begin(w);
        for (i = 0; i < t->tag_count; i++) clickup_jw_string(w, t->tags[i]);
        clickup_jw_array_end(w);
    }
    if (t->status) { clickup_jw_key(w, "status"); clickup_jw_string(w, t->status); }
    if (t->priority) { clickup_jw_key(w, "priority"); clickup_jw_int64(w, t->priority); }
    if (t->due_date.present) {
        clickup_jw_key(w, "due_date"); clickup_jw_int64(w, t->due_date.value);
        clickup_jw_key(w, "due_date_time"); clickup_jw_bool(w, t->due_date_time);
    }
    if (t->start_date.present) {
        clickup_jw_key(w, "start_date"); clickup_jw_int64(w, t->start_date.value);
        clickup_jw_key(w, "start_date_time"); clickup_jw_bool(w, t->start_date_time);
    }
    if (t->time_estimate.present) { clickup_jw_key(w, "time_estimate"); clickup_jw_int64(w, t->time_estimate.value); }
    if (t->parent) { clickup_jw_key(w, "parent"); clickup_jw_string(w, t->parent); }
    if (t->notify_all) { clickup_jw_key(w, "notify_all"); clickup_jw_bool(w, 1); }
    if (t->custom_field_count) {
        clickup_jw_key(w, "custom_fields");
        clickup_jw_array_begin(w);
        for (i = 0; i < t->custom_field_count; i++) {
            clickup_jw_object_begin(w);
            clickup_jw_key(w, "id"); clickup_jw_string(w, t->custom_fields[i].id);
            clickup_jw_key(w, "value"); clickup__jw_field_value(w, &t->custom_fields[i]);
            clickup_jw_object_end(w);
        }
        clickup_jw_array_end(w);
    }
    clickup_jw_object_end(w);
    return NULL;
}

/* ---- writes: built, then sent --------------------------------------------------------------
   A typed write is first validated and built (route, path, query, JSON body) without sending
   anything, then sent: by its blocking call, or as one item of a batch (clickup_batch_run).
   The engine drops what a write makes stale (see the route table), whatever its outcome. */
typedef struct clickup__write {
    const clickup__route *route;
    clickup__buf          path, query;
    clickup_json_writer   body;
    int                   has_body;
    const char           *list_id;    /* a create's list: only its task pages go stale */
    unsigned              also_invalidates;   /* classes beyond the route's (an archive)  */
    int                   narrow_by_answer;   /* drop only the list the answer names      */
} clickup__write;

CLICKUP__FN void clickup__write_init(clickup_client *c, clickup__write *w, const clickup__route *r) {
    memset(w, 0, sizeof *w);
    w->route = r;
    w->path.al = w->query.al = &c->alloc;
    clickup_json_writer_init(&w->body, &c->alloc);
}
CLICKUP__FN void clickup__write_free(clickup_client *c, clickup__write *w) {
    clickup__bufs_free(c, &w->path, &w->query);
    clickup_json_writer_free(&w->body);
}

/* The engine's view of a built write. A JSON body that cannot be written is refused here. */
CLICKUP__FN clickup_result clickup__write_call(clickup_client *c, clickup__write *w, clickup__call *call) {
    memset(call, 0, sizeof *call);
    call->route = w->route; call->path = w->path.p; call->query = w->query.p ? w->query.p : ""; call->list_id = w->list_id;
    call->body = "";                          /* POST and DELETE without a body send an empty one */
    if (w->has_body) {
        clickup_result rc = clickup_json_writer_finish(&w->body, &call->body, &call->body_len);
        if (rc == CLICKUP_ERR_NOMEM) return clickup__nomem(c, w->route);
        if (rc) return clickup__invalid(c, w->route, "a value could not be written as JSON (invalid UTF-8, NaN, or invalid raw JSON)");
    }
    return CLICKUP_OK;
}

CLICKUP__FN clickup_result clickup__build_task_create(clickup_client *c, const char *list_id, const clickup_task_new *task,
                                                      clickup__write *w) {
    const char *why;
    clickup__write_init(c, w, CLICKUP__ROUTE(CREATE_TASK));
    if (!clickup__valid_id(list_id)) return clickup__invalid(c, w->route, "list id is empty or has characters an id cannot have");
    if ((why = clickup__task_new_body(task, &w->body)) != NULL) return clickup__invalid(c, w->route, "%s", why);
    w->has_body = 1;
    w->list_id = list_id;
    if (clickup__path(c, &w->path, "/list/", list_id, "/task")) return clickup__nomem(c, w->route);
    w->path.al = &c->alloc;
    return CLICKUP_OK;
}

/* Validate a task's changes and write them as JSON. A message on bad input, else NULL. */
CLICKUP__FN const char *clickup__task_changes_body(const clickup_task_changes *ch, clickup_json_writer *w) {
    size_t i;
    if (!ch) return "no changes given";
    if (ch->name && !ch->name[0]) return "name must not be empty";
    if (ch->priority < CLICKUP_PRIORITY_CLEAR || ch->priority > 4) return "priority must be 1-4, 0 to leave it, or CLICKUP_PRIORITY_CLEAR";
    if ((ch->add_assignee_count && !ch->add_assignees) || (ch->rem_assignee_count && !ch->rem_assignees))
        return "a count is set but its array is NULL";
    for (i = 0; i < ch->add_assignee_count; i++)
        if (ch->add_assignees[i] <= 0) return "assignee ids are positive user ids";
    for (i = 0; i < ch->rem_assignee_count; i++)
        if (ch->rem_assignees[i] <= 0) return "assignee ids are positive user ids";
    if ((ch->due_date.present && ch->clear_due_date) || (ch->start_date.present && ch->clear_start_date))
        return "a date cannot be both set and cleared";
    clickup_jw_object_begin(w);
    if (ch->name) { clickup_jw_key(w, "name"); clickup_jw_string(w, ch->name); }
    if (ch->description) { clickup_jw_key(w, "description"); clickup_jw_string(w, ch->description); }
    if (ch->markdown) { clickup_jw_key(w, "markdown_content"); clickup_jw_string(w, ch->markdown); }
    if (ch->status) { clickup_jw_key(w, "status"); clickup_jw_string(w, ch->status); }
    if (ch->priority == CLICKUP_PRIORITY_CLEAR) { clickup_jw_key(w, "priority"); clickup_jw_null(w); }
    else if (ch->priority) { clickup_jw_key(w, "priority"); clickup_jw_int64(w, ch->priority); }
    if (ch->due_date.present) {
        clickup_jw_key(w, "due_date"); clickup_jw_int64(w, ch->due_date.value);
        clickup_jw_key(w, "due_date_time"); clickup_jw_bool(w, ch->due_date_time);
    } else if (ch->clear_due_date) { clickup_jw_key(w, "due_date"); clickup_jw_null(w); }
    if (ch->start_date.present) {
        clickup_jw_key(w, "start_date"); clickup_jw_int64(w, ch->start_date.value);
        clickup_jw_key(w, "start_date_time"); clickup_jw_bool(w, ch->start_date_time);
    } else if (ch->clear_start_date) { clickup_jw_key(w, "start_date"); clickup_jw_null(w); }
    if (ch->time_estimate.present) { clickup_jw_key(w, "time_estimate"); clickup_jw_int64(w, ch->time_estimate.value); }
    if (ch->archived) { clickup_jw_key(w, "archived"); clickup_jw_bool(w, ch->archived == CLICKUP_YES); }
    if (ch->add_assignee_count || ch->rem_assignee_count) {   /* ClickUp ignores a flat array here */
        clickup_jw_key(w, "assignees");
        clickup_jw_object_begin(w);
        clickup__jw_ids(w, "add", ch->add_assignees, ch->add_assignee_count);
        clickup__jw_ids(w, "rem", ch->rem_assignees, ch->rem_assignee_count);
        clickup_jw_object_end(w);
    }
    clickup_jw_object_end(w);
    if (w->len <= 2 && !w->err) return "nothing to change";
    return NULL;
}

CLICKUP__FN clickup_result clickup__build_task_update(clickup_client *c, const char *task_ref, const clickup_task_changes *ch,
                                                      clickup__write *w) {
    const char *why;
    clickup__write_init(c, w, CLICKUP__ROUTE(UPDATE_TASK));
    if ((why = clickup__task_changes_body(ch, &w->body)) != NULL) return clickup__invalid(c, w->route, "%s", why);
    w->has_body = 1;
    w->narrow_by_answer = 1;                  /* the answer names the task's list */
    if (ch->archived) w->also_invalidates = CLICKUP__INV_HIERARCHY;
    return clickup__task_target(c, w->route, task_ref, ch->custom_id, NULL, NULL, &w->path, &w->query);
}

/* POST or DELETE on /task/{task_id}/tag/{tag_name} or /task/{task_id}/field/{field_id}. */
CLICKUP__FN clickup_result clickup__build_tag(clickup_client *c, const clickup__route *route, const char *task_ref, const char *tag,
                                              clickup__write *w) {
    clickup__buf seg;
    clickup_result rc;
    clickup__write_init(c, w, route);
    if (!tag || !tag[0] || !clickup__clean_text(tag) || strcmp(tag, ".") == 0 || strcmp(tag, "..") == 0)
        return clickup__invalid(c, route, "tag name is empty or has control characters");
    memset(&seg, 0, sizeof seg); seg.al = &c->alloc;
    clickup__buf_str(&seg, "/tag/");
    clickup__buf_escaped(&seg, tag);
    if (seg.nomem) { clickup__free(&c->alloc, seg.p); return clickup__nomem(c, route); }
    rc = clickup__task_target(c, route, task_ref, CLICKUP_DEFAULT, NULL, seg.p, &w->path, &w->query);
    clickup__free(&c->alloc, seg.p);
    return rc;
}

CLICKUP__FN clickup_result clickup__build_field(clickup_client *c, const clickup__route *route, const char *task_ref,
                                                const char *field_id, const clickup_field_value *value, clickup__write *w) {
    char suffix[80];
    clickup__write_init(c, w, route);
    if (!clickup__valid_id(field_id)) return clickup__invalid(c, route, "field id must be the field's UUID");
    if (route == CLICKUP__ROUTE(SET_FIELD)) {
        if (!value) return clickup__invalid(c, route, "no value given (use clickup_task_field_remove to clear)");
        clickup_jw_object_begin(&w->body);
        clickup_jw_key(&w->body, "value");
        clickup__jw_field_value(&w->body, value);
        clickup_jw_object_end(&w->body);
        w->has_body = 1;
    }
    clickup__fmt(suffix, sizeof suffix, "/field/%s", field_id);
    return clickup__task_target(c, route, task_ref, CLICKUP_DEFAULT, NULL, suffix, &w->path, &w->query);
}

/* Send a built write and wait; a route that answers with an object (a task, a list ...)
   decodes it through the route's decoder into *out (when out is given). */
CLICKUP__FN clickup_result clickup__send_write(clickup_client *c, clickup__write *w, void **out) {
    clickup__call call;
    void *obj = NULL;
    clickup_result rc = clickup__write_call(c, w, &call);
    if (rc) return rc;
    call.defer_invalidate = w->narrow_by_answer || w->also_invalidates;
    rc = clickup__perform(c, &call);
    if (rc == CLICKUP_OK && w->route->decode) rc = clickup__get_decoded(c, w->route->result_size, w->route->decode, &obj);
    if (call.defer_invalidate && c->last_sent) {   /* drop what it made stale, before returning */
        const char *list = w->narrow_by_answer && rc == CLICKUP_OK && obj ? ((clickup_task *)obj)->list.id : NULL;
        clickup__cache_invalidate(c, w->route->invalidates | w->also_invalidates | (1u << CLICKUP__CACHE_OTHER), list);
    }
    if (rc == CLICKUP_OK && out) *out = obj;
    else clickup__result_free(obj);
    return rc;
}

/* Build, then send: the blocking form of every typed task write. */
#define CLICKUP__WRITE(c, build_call, out)                                 \
    do {                                                                   \
        clickup__write w_;                                                 \
        clickup_result rc_;                                                \
        if (!(c)) return CLICKUP_ERR_INVALID_ARG;                          \
        clickup__begin(c);                                                 \
        rc_ = (build_call);                                                \
        if (rc_ == CLICKUP_OK) rc_ = clickup__send_write((c), &w_, (void **)(out)); \
        clickup__write_free((c), &w_);                                     \
        return rc_;                                                        \
    } while (0)

CLICKUP_API clickup_result clickup_task_create(clickup_client *c, const char *list_id, const clickup_task_new *task,
                                               clickup_task **out) {
    if (out) *out = NULL;
    CLICKUP__WRITE(c, clickup__build_task_create(c, list_id, task, &w_), out);
}

CLICKUP_API clickup_result clickup_task_update(clickup_client *c, const char *task_ref, const clickup_task_changes *ch,
                                               clickup_task **out) {
    if (out) *out = NULL;
    CLICKUP__WRITE(c, clickup__build_task_update(c, task_ref, ch, &w_), out);
}

CLICKUP_API clickup_result clickup_task_tag_add(clickup_client *c, const char *task_ref, const char *tag) {
    CLICKUP__WRITE(c, clickup__build_tag(c, CLICKUP__ROUTE(ADD_TAG), task_ref, tag, &w_), NULL);
}
CLICKUP_API clickup_result clickup_task_tag_remove(clickup_client *c, const char *task_ref, const char *tag) {
    CLICKUP__WRITE(c, clickup__build_tag(c, CLICKUP__ROUTE(REMOVE_TAG), task_ref, tag, &w_), NULL);
}

CLICKUP_API clickup_result clickup_task_field_set(clickup_client *c, const char *task_ref, const char *field_id,
                                                  const clickup_field_value *value) {
    CLICKUP__WRITE(c, clickup__build_field(c, CLICKUP__ROUTE(SET_FIELD), task_ref, field_id, value, &w_), NULL);
}

CLICKUP_API clickup_result clickup_task_field_remove(clickup_client *c, const char *task_ref, const char *field_id) {
    CLICKUP__WRITE(c, clickup__build_field(c, CLICKUP__ROUTE(REMOVE_FIELD), task_ref, field_id, NULL, &w_), NULL);
}

/* ---- the hierarchy: one of each, and writes ---------------------------------------------------- */
CLICKUP__FN clickup_result clickup__dec_space(clickup__dec *d, const clickup_json *root, void *obj) {
    return clickup__decode_space(d, root, (clickup_space *)obj);
}
CLICKUP__FN clickup_result clickup__dec_folder(clickup__dec *d, const clickup_json *root, void *obj) {
    return clickup__decode_folder(d, root, (clickup_folder *)obj);
}
CLICKUP__FN clickup_result clickup__dec_space_tags(clickup__dec *d, const clickup_json *root, void *obj) {
    clickup_space_tags *out = (clickup_space_tags *)obj;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    out->raw = root;
    return clickup__decode_array(d, root, "tags", 1, sizeof *out->items, clickup__tag_item, (void **)&out->items, &out->count);
}
CLICKUP__FN clickup_result clickup__view_item(clickup__dec *d, const clickup_json *v, void *out) {
    clickup_view *o = (clickup_view *)out;
    clickup_result rc = clickup__need_object(d, v, "view");
    if (rc) return rc;
    o->id = clickup__dstr(v, "id");
    o->name = clickup__dstr(v, "name");
    o->type = clickup__dstr(v, "type");
    o->parent_id = clickup__dstr(clickup_json_get(v, "parent"), "id");
    o->parent_type = (int)clickup__di64(clickup_json_get(v, "parent"), "type").value;
    o->raw = v;
    return CLICKUP_OK;
}
CLICKUP__FN clickup_result clickup__dec_views(clickup__dec *d, const clickup_json *root, void *obj) {
    clickup_views *out = (clickup_views *)obj;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    out->raw = root;
    return clickup__decode_array(d, root, "views", 1, sizeof *out->items, clickup__view_item, (void **)&out->items, &out->count);
}
CLICKUP__FN clickup_result clickup__dec_view(clickup__dec *d, const clickup_json *root, void *obj) {
    const clickup_json *v = clickup_json_get(root, "view");   /* {"view": {...}} */
    return clickup__view_item(d, v ? v : root, obj);
}

CLICKUP_API void clickup_space_free(clickup_space *s) { clickup__result_free(s); }
CLICKUP_API void clickup_folder_free(clickup_folder *f) { clickup__result_free(f); }
CLICKUP_API void clickup_space_tags_free(clickup_space_tags *t) { clickup__result_free(t); }
CLICKUP_API void clickup_views_free(clickup_views *v) { clickup__result_free(v); }
CLICKUP_API void clickup_view_free(clickup_view *v) { clickup__result_free(v); }

/* A read by id through the route's decoder. */
#define CLICKUP__READ(c, ID, prefix, id, suffix, what, out)                                            \
    do {                                                                                               \
        if (!(out)) return CLICKUP_ERR_INVALID_ARG;                                                    \
        *(out) = NULL;                                                                                 \
        if (!(c)) return CLICKUP_ERR_INVALID_ARG;                                                      \
        clickup__begin(c);                                                                             \
        return clickup__get_by_id((c), CLICKUP__ROUTE(ID), (prefix), (id), (suffix), (what), "", 0, (void **)(out)); \
    } while (0)

CLICKUP_API clickup_result clickup_space_get(clickup_client *c, const char *space_id, clickup_space **out) {
    CLICKUP__READ(c, GET_SPACE, "/space/", space_id, NULL, "space", out);
}
CLICKUP_API clickup_result clickup_folder_get(clickup_client *c, const char *folder_id, clickup_folder **out) {
    CLICKUP__READ(c, GET_FOLDER, "/folder/", folder_id, NULL, "folder", out);
}
CLICKUP_API clickup_result clickup_space_tags_get(clickup_client *c, const char *space_id, clickup_space_tags **out) {
    CLICKUP__READ(c, GET_SPACE_TAGS, "/space/", space_id, "/tag", "space", out);
}
CLICKUP_API clickup_result clickup_view_get(clickup_client *c, const char *view_id, clickup_view **out) {
    CLICKUP__READ(c, GET_VIEW, "/view/", view_id, NULL, "view", out);
}

CLICKUP_API clickup_result clickup_views_get(clickup_client *c, clickup_views_of of, const char *id, clickup_views **out) {
    static const char *const prefix[4] = { "/team/", "/space/", "/folder/", "/list/" };
    const clickup__route *routes[4];
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c || (int)of < 0 || (int)of > 3) return CLICKUP_ERR_INVALID_ARG;
    routes[0] = CLICKUP__ROUTE(GET_TEAM_VIEWS); routes[1] = CLICKUP__ROUTE(GET_SPACE_VIEWS);
    routes[2] = CLICKUP__ROUTE(GET_FOLDER_VIEWS); routes[3] = CLICKUP__ROUTE(GET_LIST_VIEWS);
    clickup__begin(c);
    if (of == CLICKUP_VIEWS_OF_WORKSPACE && !id && (rc = clickup__team(c, &id)) != CLICKUP_OK) return rc;
    return clickup__get_by_id(c, routes[of], prefix[of], id, "/view", "parent", "", 0, (void **)out);
}

/* Write a tristate member when it is set. */
CLICKUP__FN void clickup__jw_tristate(clickup_json_writer *w, const char *key, clickup_tristate v) {
    if (v == CLICKUP_DEFAULT) return;
    clickup_jw_key(w, key);
    clickup_jw_bool(w, v == CLICKUP_YES);
}

/* Start a write on /prefix{id}suffix: the id checked, the path built, the body's object open. */
CLICKUP__FN clickup_result clickup__build_on(clickup_client *c, clickup__write *w, const clickup__route *r, const char *prefix,
                                             const char *id, const char *suffix, const char *what) {
    clickup__write_init(c, w, r);
    if (!clickup__valid_id(id)) return clickup__invalid(c, r, "%s id is empty or has characters an id cannot have", what);
    if (clickup__path(c, &w->path, prefix, id, suffix)) return clickup__nomem(c, r);
    return CLICKUP_OK;
}

CLICKUP__FN clickup_result clickup__build_space(clickup_client *c, const char *space_id, const char *name, const char *color,
                                                clickup_tristate is_private, clickup_tristate multiple, clickup_tristate admin,
                                                const char *features, clickup__write *w) {
    const char *team;
    clickup_result rc;
    if (space_id) rc = clickup__build_on(c, w, CLICKUP__ROUTE(UPDATE_SPACE), "/space/", space_id, NULL, "space");
    else if ((rc = clickup__team(c, &team)) == CLICKUP_OK)
        rc = clickup__build_on(c, w, CLICKUP__ROUTE(CREATE_SPACE), "/team/", team, "/space", "team");
    else clickup__write_init(c, w, CLICKUP__ROUTE(CREATE_SPACE));
    if (rc) return rc;
    if (!space_id && (!name || !name[0])) return clickup__invalid(c, w->route, "a space needs a name");
    if (name && !name[0]) return clickup__invalid(c, w->route, "name must not be empty");
    clickup_jw_object_begin(&w->body);
    if (name) { clickup_jw_key(&w->body, "name"); clickup_jw_string(&w->body, name); }
    if (color) { clickup_jw_key(&w->body, "color"); clickup_jw_string(&w->body, color); }
    clickup__jw_tristate(&w->body, "private", is_private);
    clickup__jw_tristate(&w->body, "multiple_assignees", multiple);
    clickup__jw_tristate(&w->body, "admin_can_manage", admin);
    if (features) { clickup_jw_key(&w->body, "features"); clickup_jw_raw(&w->body, features, strlen(features)); }
    clickup_jw_object_end(&w->body);
    if (space_id && w->body.len <= 2 && !w->body.err) return clickup__invalid(c, w->route, "nothing to change");
    w->has_body = 1;
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_space_create(clickup_client *c, const clickup_space_new *s, clickup_space **out) {
    if (out) *out = NULL;
    if (!s) return CLICKUP_ERR_INVALID_ARG;
    CLICKUP__WRITE(c, clickup__build_space(c, NULL, s->name, NULL, CLICKUP_DEFAULT, s->multiple_assignees, CLICKUP_DEFAULT,
                                           s->features_json, &w_), out);
}
CLICKUP_API clickup_result clickup_space_update(clickup_client *c, const char *space_id, const clickup_space_changes *ch,
                                                clickup_space **out) {
    if (out) *out = NULL;
    if (!ch || !space_id) return c ? clickup__invalid(c, CLICKUP__ROUTE(UPDATE_SPACE), "no space id or no changes") : CLICKUP_ERR_INVALID_ARG;
    CLICKUP__WRITE(c, clickup__build_space(c, space_id, ch->name, ch->color, ch->is_private, ch->multiple_assignees,
                                           ch->admin_can_manage, ch->features_json, &w_), out);
}

/* A DELETE of /prefix{id}: nothing to decode. */
CLICKUP__FN clickup_result clickup__build_delete(clickup_client *c, const clickup__route *r, const char *prefix, const char *id,
                                                 const char *what, clickup__write *w) {
    return clickup__build_on(c, w, r, prefix, id, NULL, what);
}
CLICKUP_API clickup_result clickup_space_delete(clickup_client *c, const char *space_id) {
    CLICKUP__WRITE(c, clickup__build_delete(c, CLICKUP__ROUTE(DELETE_SPACE), "/space/", space_id, "space", &w_), NULL);
}
CLICKUP_API clickup_result clickup_folder_delete(clickup_client *c, const char *folder_id) {
    CLICKUP__WRITE(c, clickup__build_delete(c, CLICKUP__ROUTE(DELETE_FOLDER), "/folder/", folder_id, "folder", &w_), NULL);
}
CLICKUP_API clickup_result clickup_list_delete(clickup_client *c, const char *list_id) {
    CLICKUP__WRITE(c, clickup__build_delete(c, CLICKUP__ROUTE(DELETE_LIST), "/list/", list_id, "list", &w_), NULL);
}

/* {"name": ...} on /prefix{id}suffix: folder create and rename. */
CLICKUP__FN clickup_result clickup__build_named(clickup_client *c, const clickup__route *r, const char *prefix, const char *id,
                                                const char *suffix, const char *what, const char *name, clickup__write *w) {
    clickup_result rc = clickup__build_on(c, w, r, prefix, id, suffix, what);
    if (rc) return rc;
    if (!name || !name[0]) return clickup__invalid(c, r, "a name is required");
    clickup_jw_object_begin(&w->body);
    clickup_jw_key(&w->body, "name");
    clickup_jw_string(&w->body, name);
    clickup_jw_object_end(&w->body);
    w->has_body = 1;
    return CLICKUP_OK;
}
CLICKUP_API clickup_result clickup_folder_create(clickup_client *c, const char *space_id, const char *name, clickup_folder **out) {
    if (out) *out = NULL;
    CLICKUP__WRITE(c, clickup__build_named(c, CLICKUP__ROUTE(CREATE_FOLDER), "/space/", space_id, "/folder", "space", name, &w_), out);
}
CLICKUP_API clickup_result clickup_folder_update(clickup_client *c, const char *folder_id, const char *name, clickup_folder **out) {
    if (out) *out = NULL;
    CLICKUP__WRITE(c, clickup__build_named(c, CLICKUP__ROUTE(UPDATE_FOLDER), "/folder/", folder_id, NULL, "folder", name, &w_), out);
}

/* A list's create or update body. */
CLICKUP__FN clickup_result clickup__build_list(clickup_client *c, const clickup__route *r, const char *prefix, const char *id,
                                               const char *suffix, const char *what, const clickup_list_new *l, clickup__write *w) {
    clickup_result rc = clickup__build_on(c, w, r, prefix, id, suffix, what);
    int create = r != CLICKUP__ROUTE(UPDATE_LIST);
    if (rc) return rc;
    if (!l) return clickup__invalid(c, r, "no list given");
    if ((create && (!l->name || !l->name[0])) || (l->name && !l->name[0])) return clickup__invalid(c, r, "a list needs a name");
    if (l->priority < 0 || l->priority > 4) return clickup__invalid(c, r, "priority must be 1 (urgent) to 4 (low), or 0");
    if (l->assignee < 0) return clickup__invalid(c, r, "the assignee is a positive user id");
    if (l->content && l->markdown) return clickup__invalid(c, r, "give content or markdown, not both");
    clickup_jw_object_begin(&w->body);
    if (l->name) { clickup_jw_key(&w->body, "name"); clickup_jw_string(&w->body, l->name); }
    if (l->content) { clickup_jw_key(&w->body, "content"); clickup_jw_string(&w->body, l->content); }
    if (l->markdown) { clickup_jw_key(&w->body, "markdown_content"); clickup_jw_string(&w->body, l->markdown); }
    if (l->due_date.present) {
        clickup_jw_key(&w->body, "due_date"); clickup_jw_int64(&w->body, l->due_date.value);
        clickup_jw_key(&w->body, "due_date_time"); clickup_jw_bool(&w->body, l->due_date_time);
    }
    if (l->priority) { clickup_jw_key(&w->body, "priority"); clickup_jw_int64(&w->body, l->priority); }
    if (l->assignee) { clickup_jw_key(&w->body, "assignee"); clickup_jw_int64(&w->body, l->assignee); }
    if (l->status) { clickup_jw_key(&w->body, "status"); clickup_jw_string(&w->body, l->status); }
    if (!create && l->unset_status) { clickup_jw_key(&w->body, "unset_status"); clickup_jw_bool(&w->body, 1); }
    clickup_jw_object_end(&w->body);
    if (!create && w->body.len <= 2 && !w->body.err) return clickup__invalid(c, r, "nothing to change");
    w->has_body = 1;
    return CLICKUP_OK;
}
CLICKUP_API clickup_result clickup_list_create(clickup_client *c, const char *folder_id, const char *space_id,
                                               const clickup_list_new *l, clickup_list **out) {
    if (out) *out = NULL;
    if (c && (folder_id != NULL) == (space_id != NULL))
        return clickup__invalid(c, CLICKUP__ROUTE(CREATE_LIST), "give exactly one of folder_id and space_id");
    if (folder_id)
        CLICKUP__WRITE(c, clickup__build_list(c, CLICKUP__ROUTE(CREATE_LIST), "/folder/", folder_id, "/list", "folder", l, &w_), out);
    CLICKUP__WRITE(c, clickup__build_list(c, CLICKUP__ROUTE(CREATE_FOLDERLESS_LIST), "/space/", space_id, "/list", "space", l, &w_), out);
}
CLICKUP_API clickup_result clickup_list_update(clickup_client *c, const char *list_id, const clickup_list_new *ch, clickup_list **out) {
    if (out) *out = NULL;
    CLICKUP__WRITE(c, clickup__build_list(c, CLICKUP__ROUTE(UPDATE_LIST), "/list/", list_id, NULL, "list", ch, &w_), out);
}

/* ---- space tags ------------------------------------------------------------------------------- */
/* {"tag": {"name", "tag_fg", "tag_bg"}} (edit names the colours fg_color / bg_color). */
CLICKUP__FN clickup_result clickup__build_space_tag(clickup_client *c, const clickup__route *r, const char *space_id,
                                                    const char *tag_name, const clickup_tag *tag, clickup__write *w) {
    clickup__buf seg;
    clickup_result rc;
    int edit = r == CLICKUP__ROUTE(EDIT_SPACE_TAG);
    memset(&seg, 0, sizeof seg); seg.al = &c->alloc;
    if (r != CLICKUP__ROUTE(CREATE_SPACE_TAG)) {   /* the tag's name is a path segment */
        if (!tag_name || !tag_name[0] || !clickup__clean_text(tag_name) || !strcmp(tag_name, ".") || !strcmp(tag_name, ".."))
            { clickup__write_init(c, w, r); return clickup__invalid(c, r, "tag name is empty or has control characters"); }
        clickup__buf_str(&seg, "/tag/");
        clickup__buf_escaped(&seg, tag_name);
    } else {
        clickup__buf_str(&seg, "/tag");
    }
    rc = seg.nomem ? (clickup__write_init(c, w, r), clickup__nomem(c, r)) : clickup__build_on(c, w, r, "/space/", space_id, seg.p, "space");
    clickup__free(&c->alloc, seg.p);
    if (rc || r == CLICKUP__ROUTE(DELETE_SPACE_TAG)) return rc;
    if (!tag || !tag->name || !tag->name[0]) return clickup__invalid(c, r, "the tag needs a name");
    clickup_jw_object_begin(&w->body);
    clickup_jw_key(&w->body, "tag");
    clickup_jw_object_begin(&w->body);
    clickup_jw_key(&w->body, "name"); clickup_jw_string(&w->body, tag->name);
    if (tag->tag_fg && tag->tag_fg[0]) { clickup_jw_key(&w->body, edit ? "fg_color" : "tag_fg"); clickup_jw_string(&w->body, tag->tag_fg); }
    if (tag->tag_bg && tag->tag_bg[0]) { clickup_jw_key(&w->body, edit ? "bg_color" : "tag_bg"); clickup_jw_string(&w->body, tag->tag_bg); }
    clickup_jw_object_end(&w->body);
    clickup_jw_object_end(&w->body);
    w->has_body = 1;
    return CLICKUP_OK;
}
CLICKUP_API clickup_result clickup_space_tag_create(clickup_client *c, const char *space_id, const clickup_tag *tag) {
    CLICKUP__WRITE(c, clickup__build_space_tag(c, CLICKUP__ROUTE(CREATE_SPACE_TAG), space_id, NULL, tag, &w_), NULL);
}
CLICKUP_API clickup_result clickup_space_tag_edit(clickup_client *c, const char *space_id, const char *tag_name, const clickup_tag *tag) {
    CLICKUP__WRITE(c, clickup__build_space_tag(c, CLICKUP__ROUTE(EDIT_SPACE_TAG), space_id, tag_name, tag, &w_), NULL);
}
CLICKUP_API clickup_result clickup_space_tag_delete(clickup_client *c, const char *space_id, const char *tag_name) {
    CLICKUP__WRITE(c, clickup__build_space_tag(c, CLICKUP__ROUTE(DELETE_SPACE_TAG), space_id, tag_name, NULL, &w_), NULL);
}

/* ---- attachments -------------------------------------------------------------------------- */
CLICKUP__FN clickup_result clickup__dec_attachment(clickup__dec *d, const clickup_json *root, void *obj) {
    clickup_attachment *a = (clickup_attachment *)obj;
    clickup_result rc = clickup__need_object(d, root, "attachment");
    if (rc) return rc;
    a->id = clickup__dstr(root, "id");
    a->title = clickup__dstr(root, "title");
    a->extension = clickup__dstr(root, "extension");
    a->url = clickup__dstr(root, "url");
    a->thumbnail_small = clickup__dstr(root, "thumbnail_small");
    a->thumbnail_large = clickup__dstr(root, "thumbnail_large");
    a->date = clickup__di64(root, "date");
    a->raw = root;
    return CLICKUP_OK;
}

CLICKUP_API void clickup_attachment_free(clickup_attachment *a) { clickup__result_free(a); }

/* Why an upload cannot go, or NULL. A name goes into a multipart header: plain text only. */
CLICKUP__FN const char *clickup__upload_problem(const clickup_client *c, const clickup_attachment_new *a) {
    FILE *f;
    if (!a) return "no file given";
    if ((a->path != NULL) == (a->data != NULL)) return "give exactly one of path and data";
    if (a->data && !a->filename) return "a buffer needs a filename";
    if ((a->filename && (!a->filename[0] || !clickup__clean_text(a->filename) || strpbrk(a->filename, "\"\\/"))) ||
        (a->content_type && (!clickup__clean_text(a->content_type) || strpbrk(a->content_type, "\"\\"))))
        return "the filename or content type is empty or has control characters, quotes, backslashes or slashes";
    if (a->path) {
        if (!(f = fopen(a->path, "rb"))) return "the file cannot be read";
        fclose(f);
    }
    if (c->transport) return "uploads need the libcurl transport (config.transport cannot carry a stream)";
    return NULL;
}

CLICKUP_API clickup_result clickup_task_attachment_create(clickup_client *c, const char *task_ref, const clickup_attachment_new *file,
                                                          clickup_attachment **out) {
    const clickup__route *route = CLICKUP__ROUTE(CREATE_TASK_ATTACHMENT);
    clickup__buf path, query;
    clickup__call call;
    clickup_attachment *a = NULL;
    const char *why;
    clickup_result rc;
    if (out) *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    if ((why = clickup__upload_problem(c, file)) != NULL) return clickup__invalid(c, route, "%s", why);
    clickup__begin(c);
    if ((rc = clickup__task_target(c, route, task_ref, CLICKUP_DEFAULT, NULL, "/attachment", &path, &query)) != CLICKUP_OK) return rc;
    memset(&call, 0, sizeof call);
    call.route = route; call.path = path.p; call.query = query.p; call.upload = file;
    rc = clickup__perform(c, &call);
    clickup__bufs_free(c, &path, &query);
    if (rc) return rc;
    rc = clickup__get_decoded(c, sizeof *a, clickup__dec_attachment, (void **)&a);
    if (rc == CLICKUP_OK && out) *out = a;
    else clickup_attachment_free(a);
    return rc;
}

/* ---- templates -------------------------------------------------------------------------------- */
CLICKUP__FN clickup_result clickup__template_item(clickup__dec *d, const clickup_json *t, void *out) {
    clickup_template *o = (clickup_template *)out;
    clickup_result rc = clickup__need_object(d, t, "template");
    if (rc) return rc;
    o->id = clickup__dstr(t, "id");
    o->name = clickup__dstr(t, "name");
    o->raw = t;
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_templates_get(clickup_client *c, clickup_templates **out) {
    clickup__pages gathered;
    clickup_templates *all;
    clickup__buf path;
    clickup__call call;
    const char *team;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    if ((rc = clickup__team(c, &team))) return rc;
    if (clickup__path(c, &path, "/team/", team, "/taskTemplate")) return clickup__nomem(c, CLICKUP__ROUTE(GET_TEMPLATES));
    all = (clickup_templates *)clickup__result_new(&c->alloc, sizeof *all, 1 << 14);
    if (!all) { clickup__free(&c->alloc, path.p); return clickup__nomem(c, CLICKUP__ROUTE(GET_TEMPLATES)); }
    memset(&gathered, 0, sizeof gathered);
    for (;;) {   /* no end marker here: stop at an empty or short page */
        char query[32];
        clickup__dec d;
        const clickup_json *root;
        clickup_template *items = NULL;
        size_t n = 0;
        if (gathered.count == 100) { all->truncated = 1; break; }
        clickup__fmt(query, sizeof query, "?page=%llu", (unsigned long long)gathered.count);
        memset(&call, 0, sizeof call);
        call.route = CLICKUP__ROUTE(GET_TEMPLATES); call.path = path.p; call.query = query;
        if ((rc = clickup__perform(c, &call))) goto fail;
        if ((rc = clickup__parse_body(c, clickup__result_arena(all), &d, &root))) goto fail;
        rc = clickup_json_is(root, CLICKUP_JSON_OBJECT)
                 ? clickup__decode_array(&d, root, "templates", 1, sizeof *items, clickup__template_item, (void **)&items, &n)
                 : clickup__dec_fail(&d, "(root)", "is not an object");
        if (!rc) rc = clickup__pages_add(d.a, &gathered, items, n);
        if (rc) { rc = clickup__decode_failed(c, rc, &d); goto fail; }
        if (n < CLICKUP__PAGE_SIZE) break;
    }
    if ((rc = clickup__pages_join(clickup__result_arena(all), &gathered, sizeof *all->items, (void **)&all->items))) {
        rc = clickup__fail(c, rc, "out of memory");
        goto fail;
    }
    all->count = gathered.total;
    all->pages = gathered.count;
    clickup__free(&c->alloc, path.p);
    *out = all;
    return CLICKUP_OK;
fail:
    clickup__free(&c->alloc, path.p);
    clickup_templates_free(all);
    return rc;
}

CLICKUP__FN clickup_result clickup__dec_template_task(clickup__dec *d, const clickup_json *root, void *obj) {
    clickup_template_task *out = (clickup_template_task *)obj;
    const clickup_json *task;
    clickup_result rc;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    out->raw = root;
    task = clickup_json_get(root, "task");
    if (clickup_json_is(task, CLICKUP_JSON_OBJECT)) {
        out->task = (clickup_task *)clickup__arena_calloc(d->a, 1, sizeof *out->task);
        if (!out->task) return CLICKUP_ERR_NOMEM;
        if ((rc = clickup__decode_task(d, task, out->task))) return rc;
    }
    task = clickup_json_get(root, "id");
    if (task && !clickup_json_is(task, CLICKUP_JSON_STRING)) return clickup__dec_fail(d, "id", "is not a string");
    out->id = clickup__dstr(root, "id");
    if (!out->id[0] && out->task) out->id = out->task->id;
    if (!out->id[0]) return clickup__dec_fail(d, "id", "is missing");
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_task_from_template(clickup_client *c, const char *list_id, const char *template_id,
                                                      const char *name, clickup_template_task **out) {
    const clickup__route *route = CLICKUP__ROUTE(CREATE_FROM_TEMPLATE);
    clickup_json_writer w;
    clickup__buf path;
    clickup__call call;
    const char *text;
    size_t len;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    if (!clickup__valid_id(list_id)) return clickup__invalid(c, route, "list id is empty or has characters an id cannot have");
    if (!clickup__valid_id(template_id)) return clickup__invalid(c, route, "template id is empty or has characters an id cannot have");
    if (!name || !name[0]) return clickup__invalid(c, route, "name is required");
    clickup_json_writer_init(&w, &c->alloc);
    clickup_jw_object_begin(&w);
    clickup_jw_key(&w, "name");
    clickup_jw_string(&w, name);
    clickup_jw_object_end(&w);
    if ((rc = clickup_json_writer_finish(&w, &text, &len)) != CLICKUP_OK) {
        clickup_json_writer_free(&w);
        if (rc == CLICKUP_ERR_NOMEM) return clickup__nomem(c, route);
        return clickup__invalid(c, route, "name is not valid UTF-8");
    }
    memset(&path, 0, sizeof path); path.al = &c->alloc;
    clickup__buf_str(&path, "/list/"); clickup__buf_str(&path, list_id);
    clickup__buf_str(&path, "/taskTemplate/"); clickup__buf_str(&path, template_id);
    if (path.nomem) { clickup_json_writer_free(&w); clickup__free(&c->alloc, path.p); return clickup__nomem(c, route); }
    memset(&call, 0, sizeof call);
    call.route = route; call.path = path.p; call.list_id = list_id;
    call.query = ""; call.body = text; call.body_len = len;
    clickup__begin(c);
    rc = clickup__perform(c, &call);
    if (!rc) rc = clickup__get_decoded(c, route->result_size, route->decode, (void **)out);
    clickup__free(&c->alloc, path.p);
    clickup_json_writer_free(&w);
    return rc;
}

/* ==== [collab] ===============================================================================
   Comments, checklists, relationships, users and OAuth ([api:collab]). Writes are built into a
   clickup__write (route, path, query, JSON body) and sent through clickup__perform like every
   typed write, so the route row decides resending and invalidation; an answer is decoded only
   when the caller asks for it. */
#define CLICKUP__COMMENT_PAGE 25     /* comments per page of GET .../comment */

/* ---- comments: decoding ---- */
/* A user object member, or NULL when absent, null or not an object (view comments send ""). */
CLICKUP__FN clickup_result clickup__comment_person(clickup__dec *d, const clickup_json *o, const char *k,
                                                   const clickup_user **out) {
    const clickup_json *v = clickup_json_get(o, k);
    clickup_user *u;
    *out = NULL;
    if (!clickup_json_is(v, CLICKUP_JSON_OBJECT)) return CLICKUP_OK;
    if (!(u = (clickup_user *)clickup__arena_calloc(d->a, 1, sizeof *u))) return CLICKUP_ERR_NOMEM;
    clickup__decode_user(v, u);
    *out = u;
    return CLICKUP_OK;
}

CLICKUP__FN clickup_result clickup__comment_entry(clickup__dec *d, const clickup_json *cm, void *out) {
    clickup_comment *o = (clickup_comment *)out;
    const clickup_json *v;
    clickup_result rc;
    if ((rc = clickup__need_object(d, cm, "comment")) != CLICKUP_OK) return rc;
    o->raw = cm;
    o->id = clickup__dstr(cm, "id");
    o->comment_text = clickup__dstr(cm, "comment_text");
    v = clickup_json_get(cm, "comment");
    o->comment = clickup_json_is(v, CLICKUP_JSON_ARRAY) ? v : NULL;
    clickup__decode_user(clickup_json_get(cm, "user"), &o->user);
    o->resolved = clickup__dbool(cm, "resolved");
    if ((rc = clickup__comment_person(d, cm, "assignee", &o->assignee)) != CLICKUP_OK ||
        (rc = clickup__comment_person(d, cm, "assigned_by", &o->assigned_by)) != CLICKUP_OK)
        return rc;
    v = clickup_json_get(cm, "reactions");
    o->reactions = clickup_json_is(v, CLICKUP_JSON_ARRAY) ? v : NULL;
    o->date = clickup__di64(cm, "date");
    o->reply_count = clickup__di64(cm, "reply_count");
    return CLICKUP_OK;
}

/* {"comments": [...]} -> items. */
CLICKUP__FN clickup_result clickup__comment_page(clickup__dec *d, const clickup_json *root, clickup_comment **items,
                                                 size_t *count) {
    *items = NULL;
    *count = 0;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    return clickup__decode_array(d, root, "comments", 1, sizeof **items, clickup__comment_entry, (void **)items, count);
}

/* ---- comments: the walk ----
   Pages of GET path+query (+ start/start_id from the second on) into one result. page_size 0:
   one request only (replies). */
CLICKUP__FN clickup_result clickup__comment_walk(clickup_client *c, const clickup__route *route, const char *path,
                                                 const char *query, size_t page_size, int max_pages,
                                                 clickup_comments *all) {
    clickup__pages gathered;
    clickup__buf pq;
    const char *start_id = NULL;
    int64_t start = 0;
    size_t max = max_pages > 0 ? (size_t)max_pages : 100;
    clickup_result rc = CLICKUP_OK;
    memset(&gathered, 0, sizeof gathered);
    memset(&pq, 0, sizeof pq); pq.al = &c->alloc;
    for (;;) {
        clickup__call call;
        clickup__dec d;
        const clickup_json *root;
        clickup_comment *items = NULL, *last;
        size_t n = 0;
        if (gathered.count == max) { all->truncated = 1; break; }
        pq.len = 0;
        clickup__buf_str(&pq, query);
        if (start_id) {
            clickup__buf_query_i64(&pq, "start", start);
            clickup__buf_query(&pq, "start_id", start_id);
        }
        if (pq.nomem) { rc = clickup__fail(c, CLICKUP_ERR_NOMEM, "out of memory"); break; }
        memset(&call, 0, sizeof call);
        call.route = route; call.path = path; call.query = pq.p;
        if ((rc = clickup__perform(c, &call)) != CLICKUP_OK) break;
        if ((rc = clickup__parse_body(c, clickup__result_arena(all), &d, &root)) != CLICKUP_OK) break;
        rc = clickup__comment_page(&d, root, &items, &n);
        if (rc == CLICKUP_OK) rc = clickup__pages_add(d.a, &gathered, items, n);
        if (rc == CLICKUP_OK && page_size && n >= page_size) {
            last = &items[n - 1];
            if (!last->date.present) rc = clickup__dec_fail(&d, "date", "is missing on a full page's last comment");
            else if (!last->id[0]) rc = clickup__dec_fail(&d, "id", "is missing on a full page's last comment");
        }
        if (rc != CLICKUP_OK) { rc = clickup__decode_failed(c, rc, &d); break; }
        clickup__cache_commit(c);
        if (!page_size || n < page_size) break;            /* a short or empty page: the end */
        last = &items[n - 1];
        if (start_id && last->date.value == start && strcmp(last->id, start_id) == 0) break;   /* no progress */
        start = last->date.value;
        start_id = last->id;                               /* lives in all's arena */
    }
    if (rc == CLICKUP_OK) {
        if (clickup__pages_join(clickup__result_arena(all), &gathered, sizeof *all->items, (void **)&all->items))
            rc = clickup__fail(c, CLICKUP_ERR_NOMEM, "out of memory");
        all->count = gathered.total;
        all->pages = gathered.count;
        if (all->truncated)
            CLICKUP__LOG(c, CLICKUP_LOG_WARNING, "%s: stopped after max_pages=%llu pages; more comments exist", route->name,
                         (unsigned long long)max);
    }
    clickup__free(&c->alloc, pq.p);
    return rc;
}

/* A new result, walked into; freed on failure. */
CLICKUP__FN clickup_result clickup__comment_run(clickup_client *c, const clickup__route *route, const char *path,
                                                const char *query, size_t page_size, int max_pages,
                                                clickup_comments **out) {
    clickup_comments *all = (clickup_comments *)clickup__result_new(&c->alloc, sizeof *all, 1 << 14);
    clickup_result rc;
    if (!all) return clickup__nomem(c, route);
    rc = clickup__comment_walk(c, route, path, query, page_size, max_pages, all);
    if (rc != CLICKUP_OK) { clickup_comments_free(all); return rc; }
    *out = all;
    return CLICKUP_OK;
}

CLICKUP_API void clickup_comments_free(clickup_comments *comments) { clickup__result_free(comments); }
CLICKUP_API void clickup_comment_created_free(clickup_comment_created *created) { clickup__result_free(created); }
CLICKUP_API void clickup_checklist_free(clickup_checklist *checklist) { clickup__result_free(checklist); }
CLICKUP_API void clickup_user_free(clickup_user *user) { clickup__result_free(user); }

CLICKUP_API clickup_result clickup_task_comments_get(clickup_client *c, const char *task_ref,
                                                     const clickup_comments_opts *opts, clickup_comments **out) {
    const clickup__route *route = CLICKUP__ROUTE(GET_TASK_COMMENTS);
    clickup__buf path, query;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    if (opts && opts->max_pages < 0) return clickup__invalid(c, route, "max_pages must not be negative");
    rc = clickup__task_target(c, route, task_ref, opts ? opts->custom_id : CLICKUP_DEFAULT, opts ? opts->team_id : NULL,
                              "/comment", &path, &query);
    if (rc == CLICKUP_OK)
        rc = clickup__comment_run(c, route, path.p, query.p, CLICKUP__COMMENT_PAGE, opts ? opts->max_pages : 0, out);
    clickup__bufs_free(c, &path, &query);
    return rc;
}

/* GET {prefix}{id}{suffix} as comments: lists, views, replies. */
CLICKUP__FN clickup_result clickup__comment_get_by_id(clickup_client *c, const clickup__route *route, const char *prefix,
                                                      const char *id, const char *suffix, const char *what,
                                                      size_t page_size, const clickup_comments_opts *opts,
                                                      clickup_comments **out) {
    clickup__buf path;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    if (opts && opts->max_pages < 0) return clickup__invalid(c, route, "max_pages must not be negative");
    if (!clickup__valid_id(id)) return clickup__invalid(c, route, "%s id is empty or has characters an id cannot have", what);
    if (clickup__path(c, &path, prefix, id, suffix)) return clickup__nomem(c, route);
    rc = clickup__comment_run(c, route, path.p, "", page_size, opts ? opts->max_pages : 0, out);
    clickup__free(&c->alloc, path.p);
    return rc;
}

CLICKUP_API clickup_result clickup_list_comments_get(clickup_client *c, const char *list_id,
                                                     const clickup_comments_opts *opts, clickup_comments **out) {
    return clickup__comment_get_by_id(c, CLICKUP__ROUTE(GET_LIST_COMMENTS), "/list/", list_id, "/comment", "list",
                                      CLICKUP__COMMENT_PAGE, opts, out);
}

CLICKUP_API clickup_result clickup_view_comments_get(clickup_client *c, const char *view_id,
                                                     const clickup_comments_opts *opts, clickup_comments **out) {
    return clickup__comment_get_by_id(c, CLICKUP__ROUTE(GET_CHAT_VIEW_COMMENTS), "/view/", view_id, "/comment", "view",
                                      CLICKUP__COMMENT_PAGE, opts, out);
}

CLICKUP_API clickup_result clickup_comment_replies_get(clickup_client *c, const char *comment_id, clickup_comments **out) {
    return clickup__comment_get_by_id(c, CLICKUP__ROUTE(GET_THREADED_COMMENTS), "/comment/", comment_id, "/reply",
                                      "comment", 0, NULL, out);
}

/* ---- collab writes: send, and decode the answer when asked for ---- */
CLICKUP__FN clickup_result clickup__collab_send(clickup_client *c, clickup__write *w, size_t size, clickup__decode_fn fn,
                                                void **out) {
    clickup__call call;
    clickup_result rc = clickup__write_call(c, w, &call);
    if (rc != CLICKUP_OK) return rc;
    if ((rc = clickup__perform(c, &call)) != CLICKUP_OK) return rc;
    if (!out || !fn) return CLICKUP_OK;
    return clickup__get_decoded(c, size, fn, out);
}

/* Build, then send; out (a result pointer, or NULL) gets the decoded answer. */
#define CLICKUP__COLLAB_WRITE(c, build_call, size, fn, out)                                     \
    do {                                                                                       \
        clickup__write w_;                                                                     \
        clickup_result rc_;                                                                    \
        if (!(c)) return CLICKUP_ERR_INVALID_ARG;                                              \
        clickup__begin(c);                                                                     \
        rc_ = (build_call);                                                                    \
        if (rc_ == CLICKUP_OK) rc_ = clickup__collab_send((c), &w_, (size), (fn), (void **)(out)); \
        clickup__write_free((c), &w_);                                                         \
        return rc_;                                                                            \
    } while (0)

/* Text that is not only white space. */
CLICKUP__FN int clickup__collab_filled(const char *s) {
    if (!s) return 0;
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return 1;
    return 0;
}

/* ---- comments: writes ---- */
/* The body of a new comment (or reply) into w->body. */
CLICKUP__FN clickup_result clickup__comment_body(clickup_client *c, clickup__write *w, const clickup_comment_new *cm,
                                                 int takes_assignee) {
    clickup_json_doc *doc = NULL;
    clickup_json_error je;
    const clickup_json *root = NULL;
    const clickup__route *r = w->route;
    size_t i;
    if (!cm) return clickup__invalid(c, r, "no comment given");
    if (cm->text && cm->json) return clickup__invalid(c, r, "give the comment as text or as json, not both");
    if (!cm->text && !cm->json) return clickup__invalid(c, r, "the comment's text (or its structured json) is required");
    if (cm->text && !clickup__collab_filled(cm->text)) return clickup__invalid(c, r, "comment text must not be empty");
    if (cm->assignee < 0) return clickup__invalid(c, r, "assignee must be a positive user id");
    if (cm->assignee && !takes_assignee) return clickup__invalid(c, r, "a view comment takes no assignee");
    if (cm->json) {
        clickup_result prc = clickup_json_parse(cm->json, strlen(cm->json), &c->alloc, &doc, &je);
        if (prc == CLICKUP_ERR_NOMEM) return clickup__nomem(c, r);
        if (prc != CLICKUP_OK)
            return clickup__invalid(c, r, "comment json is not valid JSON (byte %llu: %s)", (unsigned long long)je.offset,
                                    je.reason);
        root = clickup_json_root(doc);
        if (!clickup_json_is(root, CLICKUP_JSON_ARRAY) || !clickup_json_len(root)) {
            clickup_json_doc_free(doc);
            return clickup__invalid(c, r, "comment json must be a non-empty array of blocks such as [{\"text\":\"...\"}]");
        }
        for (i = 0; i < clickup_json_len(root); i++)
            if (!clickup_json_is(clickup_json_at(root, i), CLICKUP_JSON_OBJECT)) {
                clickup_json_doc_free(doc);
                return clickup__invalid(c, r, "comment json block %llu is not an object", (unsigned long long)i);
            }
    }
    clickup_jw_object_begin(&w->body);
    if (root) { clickup_jw_key(&w->body, "comment"); clickup_jw_value(&w->body, root); }
    else { clickup_jw_key(&w->body, "comment_text"); clickup_jw_string(&w->body, cm->text); }
    if (cm->assignee) { clickup_jw_key(&w->body, "assignee"); clickup_jw_int64(&w->body, cm->assignee); }
    clickup_jw_key(&w->body, "notify_all"); clickup_jw_bool(&w->body, cm->notify_all != 0);
    clickup_jw_object_end(&w->body);
    clickup_json_doc_free(doc);
    w->has_body = 1;
    return CLICKUP_OK;
}

CLICKUP__FN clickup_result clickup__comment_build_task(clickup_client *c, const char *task_ref, const clickup_comment_new *cm,
                                                       clickup__write *w) {
    clickup_result rc;
    clickup__write_init(c, w, CLICKUP__ROUTE(CREATE_TASK_COMMENT));
    if ((rc = clickup__comment_body(c, w, cm, 1)) != CLICKUP_OK) return rc;
    return clickup__task_target(c, w->route, task_ref, cm->custom_id, NULL, "/comment", &w->path, &w->query);
}

/* POST {prefix}{id}{suffix} with a comment body: lists, views, replies. */
CLICKUP__FN clickup_result clickup__comment_build_on(clickup_client *c, const clickup__route *route, const char *prefix,
                                                     const char *id, const char *suffix, const char *what,
                                                     const clickup_comment_new *cm, int takes_assignee, clickup__write *w) {
    clickup_result rc;
    clickup__write_init(c, w, route);
    if (!clickup__valid_id(id)) return clickup__invalid(c, route, "%s id is empty or has characters an id cannot have", what);
    if ((rc = clickup__comment_body(c, w, cm, takes_assignee)) != CLICKUP_OK) return rc;
    if (clickup__path(c, &w->path, prefix, id, suffix)) return clickup__nomem(c, route);
    w->path.al = &c->alloc;
    return CLICKUP_OK;
}

/* {"id", "hist_id", "date"}; strict: the id must be there. */
CLICKUP__FN clickup_result clickup__comment_dec_created(clickup__dec *d, const clickup_json *root, void *obj) {
    clickup_comment_created *o = (clickup_comment_created *)obj;
    clickup_result rc = clickup__need_object(d, root, "(root)");
    if (rc != CLICKUP_OK) return rc;
    o->raw = root;
    o->id = clickup__dstr(root, "id");
    o->hist_id = clickup__dstr(root, "hist_id");
    o->date = clickup__di64(root, "date");
    return CLICKUP_OK;
}
/* A reply's answer: ClickUp documents {}; whatever of the three it holds is kept. */
CLICKUP__FN clickup_result clickup__comment_dec_reply(clickup__dec *d, const clickup_json *root, void *obj) {
    clickup_comment_created *o = (clickup_comment_created *)obj;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    o->raw = root;
    o->id = clickup__dstr(root, "id");
    o->hist_id = clickup__dstr(root, "hist_id");
    o->date = clickup__di64(root, "date");
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_task_comment_create(clickup_client *c, const char *task_ref,
                                                       const clickup_comment_new *comment, clickup_comment_created **out) {
    if (out) *out = NULL;
    CLICKUP__COLLAB_WRITE(c, clickup__comment_build_task(c, task_ref, comment, &w_), sizeof(clickup_comment_created),
                          clickup__comment_dec_created, out);
}

CLICKUP_API clickup_result clickup_list_comment_create(clickup_client *c, const char *list_id,
                                                       const clickup_comment_new *comment, clickup_comment_created **out) {
    if (out) *out = NULL;
    CLICKUP__COLLAB_WRITE(c, clickup__comment_build_on(c, CLICKUP__ROUTE(CREATE_LIST_COMMENT), "/list/", list_id, "/comment",
                                                       "list", comment, 1, &w_),
                          sizeof(clickup_comment_created), clickup__comment_dec_created, out);
}

CLICKUP_API clickup_result clickup_view_comment_create(clickup_client *c, const char *view_id,
                                                       const clickup_comment_new *comment, clickup_comment_created **out) {
    if (out) *out = NULL;
    CLICKUP__COLLAB_WRITE(c, clickup__comment_build_on(c, CLICKUP__ROUTE(CREATE_CHAT_VIEW_COMMENT), "/view/", view_id,
                                                       "/comment", "view", comment, 0, &w_),
                          sizeof(clickup_comment_created), clickup__comment_dec_created, out);
}

CLICKUP_API clickup_result clickup_comment_reply_create(clickup_client *c, const char *comment_id,
                                                        const clickup_comment_new *reply, clickup_comment_created **out) {
    if (out) *out = NULL;
    CLICKUP__COLLAB_WRITE(c, clickup__comment_build_on(c, CLICKUP__ROUTE(CREATE_THREADED_COMMENT), "/comment/", comment_id,
                                                       "/reply", "comment", reply, 1, &w_),
                          sizeof(clickup_comment_created), clickup__comment_dec_reply, out);
}

CLICKUP__FN clickup_result clickup__comment_build_update(clickup_client *c, const char *comment_id,
                                                         const clickup_comment_changes *ch, clickup__write *w) {
    const clickup__route *r = CLICKUP__ROUTE(UPDATE_COMMENT);
    clickup__write_init(c, w, r);
    if (!clickup__valid_id(comment_id)) return clickup__invalid(c, r, "comment id is empty or has characters an id cannot have");
    if (!ch) return clickup__invalid(c, r, "no changes given");
    if (ch->text && !clickup__collab_filled(ch->text)) return clickup__invalid(c, r, "comment text must not be empty");
    if (ch->assignee < 0) return clickup__invalid(c, r, "assignee must be a positive user id");
    if (ch->resolved != CLICKUP_DEFAULT && ch->resolved != CLICKUP_YES && ch->resolved != CLICKUP_NO)
        return clickup__invalid(c, r, "resolved must be CLICKUP_DEFAULT, CLICKUP_YES or CLICKUP_NO");
    if (!ch->text && !ch->assignee && ch->resolved == CLICKUP_DEFAULT) return clickup__invalid(c, r, "nothing to change");
    clickup_jw_object_begin(&w->body);
    if (ch->text) { clickup_jw_key(&w->body, "comment_text"); clickup_jw_string(&w->body, ch->text); }
    if (ch->assignee) { clickup_jw_key(&w->body, "assignee"); clickup_jw_int64(&w->body, ch->assignee); }
    if (ch->resolved) { clickup_jw_key(&w->body, "resolved"); clickup_jw_bool(&w->body, ch->resolved == CLICKUP_YES); }
    clickup_jw_object_end(&w->body);
    w->has_body = 1;
    if (clickup__path(c, &w->path, "/comment/", comment_id, NULL)) return clickup__nomem(c, r);
    w->path.al = &c->alloc;
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_comment_update(clickup_client *c, const char *comment_id,
                                                  const clickup_comment_changes *changes) {
    CLICKUP__COLLAB_WRITE(c, clickup__comment_build_update(c, comment_id, changes, &w_), 0, NULL, NULL);
}

/* The path {prefix}{id}[{mid}[{id2}]] of a write that names ids, both checked. */
CLICKUP__FN clickup_result clickup__collab_build_ids(clickup_client *c, const clickup__route *r, const char *prefix,
                                                     const char *id, const char *what, const char *mid, const char *id2,
                                                     const char *what2, clickup__write *w) {
    clickup__write_init(c, w, r);
    if (!clickup__valid_id(id)) return clickup__invalid(c, r, "%s id is empty or has characters an id cannot have", what);
    if (what2 && !clickup__valid_id(id2))
        return clickup__invalid(c, r, "%s id is empty or has characters an id cannot have", what2);
    if (clickup__path(c, &w->path, prefix, id, mid)) return clickup__nomem(c, r);
    w->path.al = &c->alloc;
    if (what2) clickup__buf_str(&w->path, id2);
    if (w->path.nomem) return clickup__nomem(c, r);
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_comment_delete(clickup_client *c, const char *comment_id) {
    CLICKUP__COLLAB_WRITE(c, clickup__collab_build_ids(c, CLICKUP__ROUTE(DELETE_COMMENT), "/comment/", comment_id, "comment",
                                                       NULL, NULL, NULL, &w_),
                          0, NULL, NULL);
}

/* ---- checklists ---- */
/* {"checklist": {...}} -> the existing clickup_checklist. */
CLICKUP__FN clickup_result clickup__checklist_dec(clickup__dec *d, const clickup_json *root, void *obj) {
    const clickup_json *cl;
    clickup_result rc;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    cl = clickup_json_get(root, "checklist");
    if ((rc = clickup__need_object(d, cl, "checklist")) != CLICKUP_OK) return rc;
    return clickup__checklist_item(d, cl, obj);       /* the task decoder's checklist reader */
}

CLICKUP__FN clickup_result clickup__checklist_build_create(clickup_client *c, const char *task_ref, const char *name,
                                                           clickup__write *w) {
    clickup__write_init(c, w, CLICKUP__ROUTE(CREATE_CHECKLIST));
    if (!clickup__collab_filled(name)) return clickup__invalid(c, w->route, "checklist name is required");
    clickup_jw_object_begin(&w->body);
    clickup_jw_key(&w->body, "name"); clickup_jw_string(&w->body, name);
    clickup_jw_object_end(&w->body);
    w->has_body = 1;
    return clickup__task_target(c, w->route, task_ref, CLICKUP_DEFAULT, NULL, "/checklist", &w->path, &w->query);
}

CLICKUP_API clickup_result clickup_checklist_create(clickup_client *c, const char *task_ref, const char *name,
                                                    clickup_checklist **out) {
    if (out) *out = NULL;
    CLICKUP__COLLAB_WRITE(c, clickup__checklist_build_create(c, task_ref, name, &w_), sizeof(clickup_checklist),
                          clickup__checklist_dec, out);
}

CLICKUP__FN clickup_result clickup__checklist_build_update(clickup_client *c, const char *checklist_id,
                                                           const clickup_checklist_changes *ch, clickup__write *w) {
    const clickup__route *r = CLICKUP__ROUTE(EDIT_CHECKLIST);
    clickup_result rc = clickup__collab_build_ids(c, r, "/checklist/", checklist_id, "checklist", NULL, NULL, NULL, w);
    if (rc != CLICKUP_OK) return rc;
    if (!ch) return clickup__invalid(c, r, "no changes given");
    if (ch->name && !clickup__collab_filled(ch->name)) return clickup__invalid(c, r, "checklist name must not be empty");
    if (ch->position.present && (ch->position.value < 0 || ch->position.value > INT_MAX))
        return clickup__invalid(c, r, "position must be 0 (first) or more");
    if (!ch->name && !ch->position.present) return clickup__invalid(c, r, "nothing to change");
    clickup_jw_object_begin(&w->body);
    if (ch->name) { clickup_jw_key(&w->body, "name"); clickup_jw_string(&w->body, ch->name); }
    if (ch->position.present) { clickup_jw_key(&w->body, "position"); clickup_jw_int64(&w->body, ch->position.value); }
    clickup_jw_object_end(&w->body);
    w->has_body = 1;
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_checklist_update(clickup_client *c, const char *checklist_id,
                                                    const clickup_checklist_changes *changes) {
    CLICKUP__COLLAB_WRITE(c, clickup__checklist_build_update(c, checklist_id, changes, &w_), 0, NULL, NULL);
}

CLICKUP_API clickup_result clickup_checklist_delete(clickup_client *c, const char *checklist_id) {
    CLICKUP__COLLAB_WRITE(c, clickup__collab_build_ids(c, CLICKUP__ROUTE(DELETE_CHECKLIST), "/checklist/", checklist_id,
                                                       "checklist", NULL, NULL, NULL, &w_),
                          0, NULL, NULL);
}

CLICKUP__FN clickup_result clickup__checklist_build_item_create(clickup_client *c, const char *checklist_id,
                                                                const clickup_checklist_item_new *it, clickup__write *w) {
    const clickup__route *r = CLICKUP__ROUTE(CREATE_CHECKLIST_ITEM);
    clickup_result rc = clickup__collab_build_ids(c, r, "/checklist/", checklist_id, "checklist", "/checklist_item", NULL, NULL, w);
    if (rc != CLICKUP_OK) return rc;
    if (!it || !clickup__collab_filled(it->name)) return clickup__invalid(c, r, "checklist item name is required");
    if (it->assignee < 0) return clickup__invalid(c, r, "assignee must be a positive user id");
    clickup_jw_object_begin(&w->body);
    clickup_jw_key(&w->body, "name"); clickup_jw_string(&w->body, it->name);
    if (it->assignee) { clickup_jw_key(&w->body, "assignee"); clickup_jw_int64(&w->body, it->assignee); }
    clickup_jw_object_end(&w->body);
    w->has_body = 1;
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_checklist_item_create(clickup_client *c, const char *checklist_id,
                                                         const clickup_checklist_item_new *item, clickup_checklist **out) {
    if (out) *out = NULL;
    CLICKUP__COLLAB_WRITE(c, clickup__checklist_build_item_create(c, checklist_id, item, &w_), sizeof(clickup_checklist),
                          clickup__checklist_dec, out);
}

CLICKUP__FN clickup_result clickup__checklist_build_item_update(clickup_client *c, const char *checklist_id, const char *item_id,
                                                                const clickup_checklist_item_changes *ch, clickup__write *w) {
    const clickup__route *r = CLICKUP__ROUTE(EDIT_CHECKLIST_ITEM);
    clickup_result rc = clickup__collab_build_ids(c, r, "/checklist/", checklist_id, "checklist", "/checklist_item/", item_id,
                                                  "checklist item", w);
    if (rc != CLICKUP_OK) return rc;
    if (!ch) return clickup__invalid(c, r, "no changes given");
    if (ch->name && !clickup__collab_filled(ch->name)) return clickup__invalid(c, r, "checklist item name must not be empty");
    if (ch->assignee < 0) return clickup__invalid(c, r, "assignee must be a positive user id");
    if (ch->assignee && ch->clear_assignee) return clickup__invalid(c, r, "an assignee cannot be both set and cleared");
    if (ch->parent && ch->clear_parent) return clickup__invalid(c, r, "a parent cannot be both set and cleared");
    if (ch->parent && !clickup__valid_id(ch->parent))
        return clickup__invalid(c, r, "parent item id is empty or has characters an id cannot have");
    if (ch->parent && strcmp(ch->parent, item_id) == 0) return clickup__invalid(c, r, "an item cannot be its own parent");
    if (ch->resolved != CLICKUP_DEFAULT && ch->resolved != CLICKUP_YES && ch->resolved != CLICKUP_NO)
        return clickup__invalid(c, r, "resolved must be CLICKUP_DEFAULT, CLICKUP_YES or CLICKUP_NO");
    if (!ch->name && !ch->assignee && !ch->clear_assignee && ch->resolved == CLICKUP_DEFAULT && !ch->parent && !ch->clear_parent)
        return clickup__invalid(c, r, "nothing to change");
    clickup_jw_object_begin(&w->body);
    if (ch->name) { clickup_jw_key(&w->body, "name"); clickup_jw_string(&w->body, ch->name); }
    if (ch->assignee) { clickup_jw_key(&w->body, "assignee"); clickup_jw_int64(&w->body, ch->assignee); }
    else if (ch->clear_assignee) { clickup_jw_key(&w->body, "assignee"); clickup_jw_null(&w->body); }
    if (ch->resolved) { clickup_jw_key(&w->body, "resolved"); clickup_jw_bool(&w->body, ch->resolved == CLICKUP_YES); }
    if (ch->parent) { clickup_jw_key(&w->body, "parent"); clickup_jw_string(&w->body, ch->parent); }
    else if (ch->clear_parent) { clickup_jw_key(&w->body, "parent"); clickup_jw_null(&w->body); }
    clickup_jw_object_end(&w->body);
    w->has_body = 1;
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_checklist_item_update(clickup_client *c, const char *checklist_id, const char *item_id,
                                                         const clickup_checklist_item_changes *changes,
                                                         clickup_checklist **out) {
    if (out) *out = NULL;
    CLICKUP__COLLAB_WRITE(c, clickup__checklist_build_item_update(c, checklist_id, item_id, changes, &w_),
                          sizeof(clickup_checklist), clickup__checklist_dec, out);
}

CLICKUP_API clickup_result clickup_checklist_item_delete(clickup_client *c, const char *checklist_id, const char *item_id) {
    CLICKUP__COLLAB_WRITE(c, clickup__collab_build_ids(c, CLICKUP__ROUTE(DELETE_CHECKLIST_ITEM), "/checklist/", checklist_id,
                                                       "checklist", "/checklist_item/", item_id, "checklist item", &w_),
                          0, NULL, NULL);
}

/* ---- relationships ---- */
/* The other task of a dependency or link: any reference, but its own id (ClickUp documents
   custom ids for {task_id} only), and not the task itself. */
CLICKUP__FN clickup_result clickup__relation_other(clickup_client *c, const clickup__route *r, const char *task_ref,
                                                   const char *other_ref, clickup_task_ref *other) {
    clickup_task_ref self;
    if (clickup_task_ref_parse(other_ref, other) != CLICKUP_OK)
        return clickup__invalid(c, r, "other task reference: %s", other->error);
    if (other->is_custom)
        return clickup__invalid(c, r, "the other task must be given by its own id, not a custom id (%s)", other->id);
    if (clickup_task_ref_parse(task_ref, &self) == CLICKUP_OK && !self.is_custom && strcmp(self.id, other->id) == 0)
        return clickup__invalid(c, r, "a task cannot be related to itself");
    return CLICKUP_OK;
}

CLICKUP__FN clickup_result clickup__relation_build_dependency(clickup_client *c, const clickup__route *r, const char *task_ref,
                                                              clickup_dependency_kind kind, const char *other_ref,
                                                              clickup__write *w) {
    clickup_task_ref other;
    const char *key = kind == CLICKUP_WAITING_ON ? "depends_on" : "dependency_of";
    clickup_result rc;
    clickup__write_init(c, w, r);
    if (kind != CLICKUP_WAITING_ON && kind != CLICKUP_BLOCKING)
        return clickup__invalid(c, r, "kind must be CLICKUP_WAITING_ON or CLICKUP_BLOCKING");
    if ((rc = clickup__relation_other(c, r, task_ref, other_ref, &other)) != CLICKUP_OK) return rc;
    if (r == CLICKUP__ROUTE(ADD_DEPENDENCY)) {
        clickup_jw_object_begin(&w->body);
        clickup_jw_key(&w->body, key); clickup_jw_string(&w->body, other.id);
        clickup_jw_object_end(&w->body);
        w->has_body = 1;
    }
    if ((rc = clickup__task_target(c, r, task_ref, CLICKUP_DEFAULT, NULL, "/dependency", &w->path, &w->query)) != CLICKUP_OK)
        return rc;
    if (r == CLICKUP__ROUTE(DELETE_DEPENDENCY)) {
        clickup__buf_query(&w->query, key, other.id);
        if (w->query.nomem) return clickup__nomem(c, r);
    }
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_task_dependency_add(clickup_client *c, const char *task_ref, clickup_dependency_kind kind,
                                                       const char *other_ref) {
    CLICKUP__COLLAB_WRITE(c, clickup__relation_build_dependency(c, CLICKUP__ROUTE(ADD_DEPENDENCY), task_ref, kind, other_ref, &w_),
                          0, NULL, NULL);
}

CLICKUP_API clickup_result clickup_task_dependency_remove(clickup_client *c, const char *task_ref, clickup_dependency_kind kind,
                                                          const char *other_ref) {
    CLICKUP__COLLAB_WRITE(c, clickup__relation_build_dependency(c, CLICKUP__ROUTE(DELETE_DEPENDENCY), task_ref, kind, other_ref,
                                                                &w_),
                          0, NULL, NULL);
}

CLICKUP__FN clickup_result clickup__relation_build_link(clickup_client *c, const clickup__route *r, const char *task_ref,
                                                        const char *other_ref, clickup__write *w) {
    clickup_task_ref other;
    char suffix[96 + 8];
    clickup_result rc;
    clickup__write_init(c, w, r);
    if ((rc = clickup__relation_other(c, r, task_ref, other_ref, &other)) != CLICKUP_OK) return rc;
    clickup__fmt(suffix, sizeof suffix, "/link/%s", other.id);
    return clickup__task_target(c, r, task_ref, CLICKUP_DEFAULT, NULL, suffix, &w->path, &w->query);
}

/* {"task": {...}} -> a clickup_task. */
CLICKUP__FN clickup_result clickup__relation_dec_task(clickup__dec *d, const clickup_json *root, void *obj) {
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    return clickup__decode_task(d, clickup_json_get(root, "task"), (clickup_task *)obj);
}

CLICKUP_API clickup_result clickup_task_link_add(clickup_client *c, const char *task_ref, const char *other_ref,
                                                 clickup_task **out) {
    if (out) *out = NULL;
    CLICKUP__COLLAB_WRITE(c, clickup__relation_build_link(c, CLICKUP__ROUTE(ADD_TASK_LINK), task_ref, other_ref, &w_),
                          sizeof(clickup_task), clickup__relation_dec_task, out);
}

CLICKUP_API clickup_result clickup_task_link_remove(clickup_client *c, const char *task_ref, const char *other_ref,
                                                    clickup_task **out) {
    if (out) *out = NULL;
    CLICKUP__COLLAB_WRITE(c, clickup__relation_build_link(c, CLICKUP__ROUTE(DELETE_TASK_LINK), task_ref, other_ref, &w_),
                          sizeof(clickup_task), clickup__relation_dec_task, out);
}

/* ---- tasks: delete, further lists ---- */
CLICKUP__FN clickup_result clickup__relation_build_delete(clickup_client *c, const char *task_ref, clickup__write *w) {
    clickup__write_init(c, w, CLICKUP__ROUTE(DELETE_TASK));
    return clickup__task_target(c, w->route, task_ref, CLICKUP_DEFAULT, NULL, NULL, &w->path, &w->query);
}

CLICKUP_API clickup_result clickup_task_delete(clickup_client *c, const char *task_ref) {
    CLICKUP__COLLAB_WRITE(c, clickup__relation_build_delete(c, task_ref, &w_), 0, NULL, NULL);
}

/* /list/{list_id}/task/{task_id}: the route refuses custom ids (its row has no CUSTOM_IDS),
   through clickup__task_target, before anything is sent. Every list's task pages go stale (the
   task's own list shows where else it lives). */
CLICKUP__FN clickup_result clickup__relation_build_list(clickup_client *c, const clickup__route *r, const char *task_ref,
                                                        const char *list_id, clickup__write *w) {
    clickup__buf tpath, tquery;
    clickup_result rc;
    clickup__write_init(c, w, r);
    if (!clickup__valid_id(list_id)) return clickup__invalid(c, r, "list id is empty or has characters an id cannot have");
    rc = clickup__task_target(c, r, task_ref, CLICKUP_DEFAULT, NULL, NULL, &tpath, &tquery);
    if (rc == CLICKUP_OK) {
        clickup__buf_str(&w->path, "/list/");
        clickup__buf_str(&w->path, list_id);
        clickup__buf_str(&w->path, tpath.p);
        clickup__buf_str(&w->query, tquery.p);
        if (w->path.nomem || w->query.nomem) rc = clickup__nomem(c, r);
    }
    clickup__bufs_free(c, &tpath, &tquery);
    return rc;
}

CLICKUP_API clickup_result clickup_task_list_add(clickup_client *c, const char *task_ref, const char *list_id) {
    CLICKUP__COLLAB_WRITE(c, clickup__relation_build_list(c, CLICKUP__ROUTE(ADD_TASK_TO_LIST), task_ref, list_id, &w_), 0,
                          NULL, NULL);
}

CLICKUP_API clickup_result clickup_task_list_remove(clickup_client *c, const char *task_ref, const char *list_id) {
    CLICKUP__COLLAB_WRITE(c, clickup__relation_build_list(c, CLICKUP__ROUTE(REMOVE_TASK_FROM_LIST), task_ref, list_id, &w_), 0,
                          NULL, NULL);
}

/* ---- users and OAuth ---- */
/* {"user": {...}} -> a clickup_user. */
CLICKUP__FN clickup_result clickup__authuser_dec(clickup__dec *d, const clickup_json *root, void *obj) {
    const clickup_json *u;
    clickup_result rc;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    u = clickup_json_get(root, "user");
    if ((rc = clickup__need_object(d, u, "user")) != CLICKUP_OK) return rc;
    clickup__decode_user(u, (clickup_user *)obj);
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_authorized_user_get(clickup_client *c, clickup_user **out) {
    clickup__call call;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    memset(&call, 0, sizeof call);
    call.route = CLICKUP__ROUTE(GET_AUTHORIZED_USER); call.path = "/user"; call.query = "";
    if ((rc = clickup__perform(c, &call)) != CLICKUP_OK) return rc;
    return clickup__get_decoded(c, sizeof(clickup_user), clickup__authuser_dec, (void **)out);
}

/* Overwrite n bytes (the compiler may not drop it). */
CLICKUP__FN void clickup__oauth_wipe(void *p, size_t n) {
    volatile unsigned char *v = (volatile unsigned char *)p;
    if (!p) return;
    while (n--) *v++ = 0;
}

/* Replace every occurrence of secret (when not empty) in s, a buffer of size bytes, with
   "[redacted]": the text is rebuilt left to right and cut to fit. */
CLICKUP__FN void clickup__oauth_scrub(char *s, size_t size, const char *secret) {
    static const char mark[] = "[redacted]";
    char out[1024];
    size_t sl, i = 0, o = 0, n;
    if (!s || !secret || !(sl = strlen(secret)) || !size) return;
    n = strlen(s);
    if (n >= size) n = size - 1;
    if (n >= sizeof out) n = sizeof out - 1;
    while (i < n && o + 1 < sizeof out) {
        if (n - i >= sl && memcmp(s + i, secret, sl) == 0) {
            size_t k = sizeof mark - 1 < sizeof out - 1 - o ? sizeof mark - 1 : sizeof out - 1 - o;
            memcpy(out + o, mark, k);
            o += k;
            i += sl;
        } else {
            out[o++] = s[i++];
        }
    }
    out[o] = '\0';
    clickup__strlcpy(s, out, size);
    clickup__oauth_wipe(out, sizeof out);
}

/* While the exchange runs, the client's log lines pass through here first. */
typedef struct clickup__oauth_filter {
    clickup_log_fn fn;
    void          *user;
    const char    *hide[3];          /* client_secret, code, and the token once known */
} clickup__oauth_filter;

CLICKUP__FN void clickup__oauth_log_line(void *user, clickup_log_level level, const char *line) {
    clickup__oauth_filter *f = (clickup__oauth_filter *)user;
    char buf[1024];
    size_t i;
    clickup__strlcpy(buf, line, sizeof buf);
    for (i = 0; i < CLICKUP__COUNT(f->hide); i++) clickup__oauth_scrub(buf, sizeof buf, f->hide[i]);
    f->fn(f->user, level, buf);
    clickup__oauth_wipe(buf, sizeof buf);
}

/* Scrub the client's error record of the exchange's secrets. */
CLICKUP__FN void clickup__oauth_scrub_error(clickup_client *c, const char *const *hide, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        clickup__oauth_scrub(c->err.message, sizeof c->err.message, hide[i]);
        clickup__oauth_scrub(c->err.api_message, sizeof c->err.api_message, hide[i]);
        clickup__oauth_scrub(c->err.ecode, sizeof c->err.ecode, hide[i]);
        clickup__oauth_scrub(c->err.curl_error, sizeof c->err.curl_error, hide[i]);
    }
}

/* Free a result after overwriting every byte its arena handed out (the parsed answer). */
CLICKUP__FN void clickup__oauth_free_wiped(void *obj) {
    clickup__arena *a;
    clickup_allocator al;
    clickup__chunk *ch, *next;
    if (!obj) return;
    a = clickup__result_arena(obj);
    al = a->alloc;
    for (ch = a->head; ch; ch = next) {      /* the arena itself lives in the last chunk: read first */
        next = ch->next;
        clickup__oauth_wipe((char *)ch + CLICKUP__CHUNK_HDR, ch->used);
        clickup__free(&al, ch);
    }
}

/* Present, at most 1024 bytes, no control characters. */
CLICKUP__FN int clickup__oauth_field_ok(const char *s) { return s && s[0] && strlen(s) <= 1024 && clickup__clean_text(s); }

CLICKUP_API clickup_result clickup_oauth_token_get(clickup_client *c, const char *client_id, const char *client_secret,
                                                   const char *code, char *token_out, size_t token_size) {
    const clickup__route *route = CLICKUP__ROUTE(GET_ACCESS_TOKEN);
    clickup_json_writer w;
    clickup__oauth_filter filter;
    clickup__call call;
    clickup_log_fn saved_fn;
    void *saved_user;
    const char *text = NULL;
    size_t len = 0;
    clickup_result rc;
    if (token_out && token_size) token_out[0] = '\0';
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    if (!token_out || token_size < CLICKUP_OAUTH_TOKEN_SIZE)
        return clickup__invalid(c, route, "token_out must hold CLICKUP_OAUTH_TOKEN_SIZE (%d) bytes", CLICKUP_OAUTH_TOKEN_SIZE);
    if (!clickup__oauth_field_ok(client_id))
        return clickup__invalid(c, route, "client_id is missing, too long or has control characters");
    if (!clickup__oauth_field_ok(client_secret))
        return clickup__invalid(c, route, "client_secret is missing, too long or has control characters");
    if (!clickup__oauth_field_ok(code)) return clickup__invalid(c, route, "code is missing, too long or has control characters");
    clickup_json_writer_init(&w, &c->alloc);
    /* Room for the worst case at once: a buffer that grew would leave a copy of the secret
       in freed memory, out of reach of the wipe below. */
    (void)clickup__jw_reserve(&w, (strlen(client_id) + strlen(client_secret) + strlen(code)) * 6 + 128);
    clickup_jw_object_begin(&w);
    clickup_jw_key(&w, "client_id"); clickup_jw_string(&w, client_id);
    clickup_jw_key(&w, "client_secret"); clickup_jw_string(&w, client_secret);
    clickup_jw_key(&w, "code"); clickup_jw_string(&w, code);
    clickup_jw_object_end(&w);
    rc = clickup_json_writer_finish(&w, &text, &len);
    if (rc != CLICKUP_OK) {
        clickup__oauth_wipe(w.buf, w.cap);
        clickup_json_writer_free(&w);
        if (rc == CLICKUP_ERR_NOMEM) return clickup__nomem(c, route);
        return clickup__invalid(c, route, "client_id, client_secret or code is not valid UTF-8");
    }
    memset(&filter, 0, sizeof filter);
    filter.fn = c->log; filter.user = c->log_user;
    filter.hide[0] = client_secret; filter.hide[1] = code;
    saved_fn = c->log; saved_user = c->log_user;
    if (c->log) { c->log = clickup__oauth_log_line; c->log_user = &filter; }
    memset(&call, 0, sizeof call);
    call.route = route; call.path = "/oauth/token"; call.query = ""; call.body = text; call.body_len = len;
    rc = clickup__perform(c, &call);
    clickup__oauth_wipe(w.buf, w.cap);            /* the request body held the secret and the code */
    clickup_json_writer_free(&w);
    if (rc == CLICKUP_OK) {
        void *obj = NULL;
        clickup__dec d;
        const clickup_json *root = NULL, *tok;
        rc = clickup__body_result(c, sizeof(int), &obj, &d, &root);
        if (rc == CLICKUP_OK) {
            const char *t;
            size_t tl = 0;
            tok = clickup_json_get(root, "access_token");
            t = clickup_json_as_string(tok, NULL, &tl);
            filter.hide[2] = t;
            if (!t || !tl || tl != strlen(t) || clickup__token_problem(t))
                rc = clickup__unreadable(c, "the answer has no usable access_token");
            else if (tl >= token_size)
                rc = clickup__unreadable(c, "the access_token is longer than token_out");
            else
                memcpy(token_out, t, tl + 1);
            if (rc != CLICKUP_OK) clickup__oauth_scrub_error(c, filter.hide, CLICKUP__COUNT(filter.hide));
            filter.hide[2] = NULL;
            clickup__oauth_free_wiped(obj);
        }
    }
    c->log = saved_fn; c->log_user = saved_user;
    clickup__oauth_wipe(c->body, c->body_cap);   /* the answer (a token, or an error echoing the code) */
    c->body_len = 0;
    if (rc != CLICKUP_OK) {
        token_out[0] = '\0';
        clickup__oauth_scrub_error(c, filter.hide, 2);
    }
    return rc;
}

/* ==== [fields] ===============================================================================
   Custom fields: definitions, the text codec, typed readers ([api:fields]). Definitions decode
   type_config once; the codec checks a person's text against the field before anything is
   sent; the readers look at a task's field JSON in place. */
CLICKUP_API clickup_field_kind clickup_field_kind_of(const char *type) {
    static const struct { const char *name; clickup_field_kind kind; } kinds[] = {
        { "text", CLICKUP_FIELD_TEXT }, { "short_text", CLICKUP_FIELD_SHORT_TEXT },
        { "drop_down", CLICKUP_FIELD_DROP_DOWN }, { "dropdown", CLICKUP_FIELD_DROP_DOWN },
        { "labels", CLICKUP_FIELD_LABELS }, { "users", CLICKUP_FIELD_USERS }, { "tasks", CLICKUP_FIELD_TASKS },
        { "date", CLICKUP_FIELD_DATE }, { "number", CLICKUP_FIELD_NUMBER }, { "currency", CLICKUP_FIELD_CURRENCY },
        { "money", CLICKUP_FIELD_CURRENCY }, { "percentage", CLICKUP_FIELD_PERCENTAGE },
        { "checkbox", CLICKUP_FIELD_CHECKBOX }, { "url", CLICKUP_FIELD_URL }, { "email", CLICKUP_FIELD_EMAIL },
        { "phone", CLICKUP_FIELD_PHONE }, { "emoji", CLICKUP_FIELD_RATING }, { "rating", CLICKUP_FIELD_RATING },
        { "location", CLICKUP_FIELD_LOCATION }, { "manual_progress", CLICKUP_FIELD_MANUAL_PROGRESS },
        { "automatic_progress", CLICKUP_FIELD_AUTOMATIC_PROGRESS }, { "formula", CLICKUP_FIELD_FORMULA }
    };
    size_t i;
    if (!type) return CLICKUP_FIELD_OTHER;
    for (i = 0; i < CLICKUP__COUNT(kinds); i++)
        if (clickup__ieq(type, kinds[i].name)) return kinds[i].kind;
    return CLICKUP_FIELD_OTHER;
}

/* The kind the codec goes by: the type name when there is one, else the kind member. */
CLICKUP__FN clickup_field_kind clickup__cf_kind(const clickup_field_def *def) {
    if (def->type && def->type[0]) return clickup_field_kind_of(def->type);
    return def->kind;
}

/* ---- definitions ------------------------------------------------------------------------------ */
CLICKUP__FN clickup_result clickup__cf_option_item(clickup__dec *d, const clickup_json *o, void *out) {
    clickup_field_option *op = (clickup_field_option *)out;
    (void)d;
    op->id = clickup__dstr(o, "id");
    op->name = clickup__dstr(o, "name");
    if (!op->name[0]) op->name = clickup__dstr(o, "label");        /* labels options */
    op->color = clickup__dstr(o, "color");
    op->orderindex = clickup__di64(o, "orderindex");
    op->raw = o;
    return CLICKUP_OK;
}

CLICKUP__FN clickup_result clickup__cf_def_item(clickup__dec *d, const clickup_json *f, void *out) {
    clickup_field_def *o = (clickup_field_def *)out;
    const clickup_json *tc;
    clickup_result rc = clickup__need_object(d, f, "field");
    if (rc) return rc;
    o->raw = f;
    o->id = clickup__dstr(f, "id");
    o->name = clickup__dstr(f, "name");
    o->type = clickup__dstr(f, "type");
    o->kind = clickup_field_kind_of(o->type);
    o->required = clickup__dbool(f, "required");
    o->hide_from_guests = clickup__dbool(f, "hide_from_guests");
    tc = clickup_json_get(f, "type_config");
    o->type_config = clickup_json_is(tc, CLICKUP_JSON_OBJECT) ? tc : NULL;
    tc = o->type_config;
    o->count = clickup__di64(tc, "count");
    o->precision = clickup__di64(tc, "precision");
    o->currency = clickup__dstr(tc, "currency_type");
    o->code_point = clickup__dstr(tc, "code_point");
    o->start = clickup__di64(tc, "start");
    o->end = clickup__di64(tc, "end");
    return clickup__decode_array(d, tc, "options", 0, sizeof *o->options, clickup__cf_option_item,
                                 (void **)&o->options, &o->option_count);
}

CLICKUP__FN clickup_result clickup__cf_dec_fields(clickup__dec *d, const clickup_json *root, void *obj) {
    clickup_fields *out = (clickup_fields *)obj;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    out->raw = root;
    return clickup__decode_array(d, root, "fields", 1, sizeof *out->items, clickup__cf_def_item, (void **)&out->items,
                                 &out->count);
}

CLICKUP_API void clickup_fields_free(clickup_fields *f) { clickup__result_free(f); }

/* The fields of one scope, through the engine (cached with the hierarchy TTL by the route). */
CLICKUP__FN clickup_result clickup__cf_fields_get(clickup_client *c, const char *id, const clickup_fields_opts *opts,
                                                  clickup_fields **out) {
    static const char *const prefixes[] = { "/list/", "/folder/", "/space/", "/team/" };
    static const char *const what[] = { "list", "folder", "space", "team" };
    clickup_field_scope scope = opts ? opts->scope : CLICKUP_FIELDS_LIST;
    const clickup__route *route;
    clickup__buf path;
    clickup__call call;
    clickup_result rc;
    switch (scope) {
    case CLICKUP_FIELDS_LIST: route = CLICKUP__ROUTE(GET_ACCESSIBLE_CUSTOM_FIELDS); break;
    case CLICKUP_FIELDS_FOLDER: route = CLICKUP__ROUTE(GET_FOLDER_AVAILABLE_FIELDS); break;
    case CLICKUP_FIELDS_SPACE: route = CLICKUP__ROUTE(GET_SPACE_AVAILABLE_FIELDS); break;
    case CLICKUP_FIELDS_TEAM: route = CLICKUP__ROUTE(GET_TEAM_AVAILABLE_FIELDS); break;
    default: return clickup__invalid(c, CLICKUP__ROUTE(GET_ACCESSIBLE_CUSTOM_FIELDS), "unknown field scope %d", (int)scope);
    }
    if (scope == CLICKUP_FIELDS_TEAM && !id && (rc = clickup__team(c, &id))) return rc;
    if (!clickup__valid_id(id))
        return clickup__invalid(c, route, "%s id is empty or has characters an id cannot have", what[scope]);
    if (clickup__path(c, &path, prefixes[scope], id, "/field")) return clickup__nomem(c, route);
    memset(&call, 0, sizeof call);
    call.route = route; call.path = path.p; call.query = ""; call.flags = opts ? opts->flags : 0;
    rc = clickup__perform(c, &call);
    if (!rc) rc = clickup__get_decoded(c, sizeof(clickup_fields), clickup__cf_dec_fields, (void **)out);
    clickup__free(&c->alloc, path.p);
    return rc;
}

CLICKUP_API clickup_result clickup_fields_get(clickup_client *c, const char *id, const clickup_fields_opts *opts,
                                              clickup_fields **out) {
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    return clickup__cf_fields_get(c, id, opts, out);
}

/* Text ignoring surrounding white space and ASCII case. */
CLICKUP__FN int clickup__cf_space(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }
typedef struct clickup__cf_span {
    const char *p;
    size_t      n;
} clickup__cf_span;
CLICKUP__FN clickup__cf_span clickup__cf_trim(const char *p, size_t n) {
    clickup__cf_span s;
    while (n && clickup__cf_space(*p)) { p++; n--; }
    while (n && clickup__cf_space(p[n - 1])) n--;
    s.p = p; s.n = n;
    return s;
}
CLICKUP__FN clickup__cf_span clickup__cf_span_of(const char *p, size_t n) {
    clickup__cf_span s;
    s.p = p; s.n = n;
    return s;
}
CLICKUP__FN int clickup__cf_ieq_span(clickup__cf_span a, clickup__cf_span b) {
    size_t i;
    if (a.n != b.n) return 0;
    for (i = 0; i < a.n; i++) {
        char x = a.p[i], y = b.p[i];
        if (x >= 'A' && x <= 'Z') x = (char)(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = (char)(y - 'A' + 'a');
        if (x != y) return 0;
    }
    return 1;
}
CLICKUP__FN int clickup__cf_ieqn(clickup__cf_span a, const char *b) {
    return b && clickup__cf_ieq_span(a, clickup__cf_span_of(b, strlen(b)));
}
CLICKUP__FN int clickup__cf_eqn(clickup__cf_span a, const char *b) {
    return b && strlen(b) == a.n && (a.n == 0 || memcmp(a.p, b, a.n) == 0);
}
/* Is this field's name `want` (white space around the name and ASCII case ignored)? */
CLICKUP__FN int clickup__cf_named(const char *name, clickup__cf_span want) {
    return name && clickup__cf_ieq_span(clickup__cf_trim(name, strlen(name)), want);
}

CLICKUP_API const clickup_field_def *clickup_fields_find(const clickup_fields *fields, const char *name_or_id) {
    const clickup_field_def *hit = NULL;
    clickup__cf_span want;
    size_t i, named = 0;
    if (!fields || !name_or_id) return NULL;
    want = clickup__cf_trim(name_or_id, strlen(name_or_id));
    if (!want.n) return NULL;
    for (i = 0; i < fields->count; i++)
        if (clickup__cf_eqn(want, fields->items[i].id)) return &fields->items[i];
    for (i = 0; i < fields->count; i++)
        if (clickup__cf_named(fields->items[i].name, want)) { hit = &fields->items[i]; named++; }
    return named == 1 ? hit : NULL;
}

/* ---- the codec: text -> the JSON ClickUp wants ---------------------------------------------- */
/* "field 'Name' (type) <what>" into why. */
CLICKUP__FN clickup_result clickup__cf_refuse(char *why, size_t n, const clickup_field_def *def, const char *fmt, ...)
    CLICKUP__PRINTF(4, 5);
CLICKUP__FN clickup_result clickup__cf_refuse(char *why, size_t n, const clickup_field_def *def, const char *fmt, ...) {
    char what[224];
    va_list ap;
    va_start(ap, fmt);
    (void)vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    clickup__fmt(why, n, "field '%s' (%s) %s", def->name && def->name[0] ? def->name : def->id ? def->id : "?",
                 def->type && def->type[0] ? def->type : "no type", what);
    return CLICKUP_ERR_INVALID_ARG;
}

/* A short, printable quote of the user's text for messages: at most 40 bytes, cut at a
   character boundary, control characters as '?'. */
CLICKUP__FN const char *clickup__cf_quote(char *dst, size_t n, clickup__cf_span s) {
    size_t k = s.n, i;
    int cut = 0;
    if (k > 40) { k = 40; cut = 1; }
    while (cut && k > 0 && ((unsigned char)s.p[k] & 0xC0) == 0x80) k--;
    if (k + 4 > n) k = n > 4 ? n - 4 : 0;
    for (i = 0; i < k; i++) dst[i] = (unsigned char)s.p[i] < 0x20 || s.p[i] == 0x7f ? '?' : s.p[i];
    if (cut) { memcpy(dst + k, "...", 3); k += 3; }
    dst[k] = '\0';
    return dst;
}

/* "Bronze, Silver, Gold" (cut with "..." when long). */
CLICKUP__FN const char *clickup__cf_option_names(const clickup_field_def *def, char *buf, size_t n) {
    size_t i, used = 0;
    buf[0] = '\0';
    if (!def->option_count || !def->options) return "(the field has no options)";
    for (i = 0; i < def->option_count; i++) {
        const char *name = def->options[i].name && def->options[i].name[0] ? def->options[i].name : def->options[i].id;
        size_t k = name ? strlen(name) : 0;
        if (used + k + 6 >= n) { clickup__strlcpy(buf + used, ", ...", n - used); break; }
        if (i) { memcpy(buf + used, ", ", 2); used += 2; }
        if (k) memcpy(buf + used, name, k);
        used += k;
        buf[used] = '\0';
    }
    return buf;
}

/* The next comma-separated item of *rest, trimmed; 0 when nothing is left. */
CLICKUP__FN int clickup__cf_next_item(clickup__cf_span *rest, clickup__cf_span *item) {
    const char *comma;
    size_t k;
    if (!rest->p) return 0;
    comma = rest->n ? (const char *)memchr(rest->p, ',', rest->n) : NULL;
    k = comma ? (size_t)(comma - rest->p) : rest->n;
    *item = clickup__cf_trim(rest->p, k);
    if (comma) { rest->p = comma + 1; rest->n -= k + 1; }
    else { rest->p = NULL; rest->n = 0; }
    return 1;
}

/* A number as people type it -> JSON number text (out has room for 72 bytes) and its value.
   Locale-free: '.' is the only decimal mark; "+5" and ".5" are fine, "1,5" and "1 000" not. */
CLICKUP__FN int clickup__cf_number(clickup__cf_span s, char *out, double *value) {
    const char *p = s.p, *end = s.p + s.n, *ip, *fp = NULL, *ep = NULL;
    size_t o = 0, ilen, flen = 0;
    double v;
    if (!s.n || s.n > 64) return 0;
    if (*p == '+' || *p == '-') { if (*p == '-') out[o++] = '-'; p++; }
    for (ip = p; p < end && *p >= '0' && *p <= '9'; p++) {}
    ilen = (size_t)(p - ip);
    if (p < end && *p == '.') {
        for (fp = ++p; p < end && *p >= '0' && *p <= '9'; p++) {}
        flen = (size_t)(p - fp);
    }
    if (!ilen && !flen) return 0;
    if (p < end && (*p == 'e' || *p == 'E')) {
        ep = ++p;
        if (p < end && (*p == '+' || *p == '-')) p++;
        if (p >= end || *p < '0' || *p > '9') return 0;
        while (p < end && *p >= '0' && *p <= '9') p++;
    }
    if (p != end) return 0;
    while (ilen > 1 && *ip == '0') { ip++; ilen--; }
    if (!ilen) out[o++] = '0';
    else { memcpy(out + o, ip, ilen); o += ilen; }
    if (flen) { out[o++] = '.'; memcpy(out + o, fp, flen); o += flen; }
    if (ep) { out[o++] = 'e'; memcpy(out + o, ep, (size_t)(end - ep)); o += (size_t)(end - ep); }
    out[o] = '\0';
    if (!clickup__is_number_text(out, o)) return 0;
    v = clickup__strtod(out, o);
    if (v != v || v > 1.7976931348623157e308 || v < -1.7976931348623157e308) return 0;
    if (value) *value = v;
    return 1;
}

/* Write number text that clickup__cf_number made (valid JSON already) as a value. */
CLICKUP__FN void clickup__cf_jw_number(clickup_json_writer *w, const char *text) {
    if (clickup__jw_before_value(w)) clickup__jw_put(w, text, strlen(text));
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant's algorithm). */
CLICKUP__FN int64_t clickup__cf_days(int64_t y, int64_t m, int64_t d) {
    int64_t era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}
/* n digits at p as a number, or -1. */
CLICKUP__FN int64_t clickup__cf_digits(const char *p, const char *end, size_t n) {
    int64_t v = 0;
    size_t i;
    if ((size_t)(end - p) < n) return -1;
    for (i = 0; i < n; i++) {
        if (p[i] < '0' || p[i] > '9') return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}
/* "2026-12-06", "2026-12-06T10:00[:30[.250]][Z|+02:00|-0500]" (or ' ' for 'T') -> Unix ms in UTC;
   *has_time tells whether a time of day was given. 1 on success. */
CLICKUP__FN int clickup__cf_iso_date(clickup__cf_span s, int64_t *ms, int *has_time) {
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    const char *p = s.p, *end = s.p + s.n;
    int64_t y, mo, d, h = 0, mi = 0, sec = 0, frac = 0, off = 0;
    int dim;
    *has_time = 0;
    if ((y = clickup__cf_digits(p, end, 4)) < 1970 || end - p < 10 || p[4] != '-' || p[7] != '-') return 0;
    if ((mo = clickup__cf_digits(p + 5, end, 2)) < 1 || mo > 12 || (d = clickup__cf_digits(p + 8, end, 2)) < 1) return 0;
    dim = mdays[mo - 1] + (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
    if (d > dim) return 0;
    p += 10;
    if (p < end) {
        if (*p != 'T' && *p != 't' && *p != ' ') return 0;
        p++;
        if ((h = clickup__cf_digits(p, end, 2)) < 0 || h > 23 || end - p < 5 || p[2] != ':' ||
            (mi = clickup__cf_digits(p + 3, end, 2)) < 0 || mi > 59)
            return 0;
        p += 5;
        *has_time = 1;
        if (p < end && *p == ':') {
            if ((sec = clickup__cf_digits(p + 1, end, 2)) < 0 || sec > 59) return 0;
            p += 3;
            if (p < end && *p == '.') {
                int k = 0;
                for (p++; p < end && *p >= '0' && *p <= '9'; p++, k++)
                    if (k < 3) frac = frac * 10 + (*p - '0');
                if (!k) return 0;
                for (; k < 3; k++) frac *= 10;
            }
        }
        if (p < end && (*p == 'Z' || *p == 'z')) p++;
        else if (p < end && (*p == '+' || *p == '-')) {
            int neg = *p == '-';
            int64_t oh, om;
            p++;
            if ((oh = clickup__cf_digits(p, end, 2)) < 0 || oh > 23) return 0;
            p += 2;
            if (p < end && *p == ':') p++;
            if ((om = clickup__cf_digits(p, end, 2)) < 0 || om > 59) return 0;
            p += 2;
            off = (oh * 60 + om) * 60000;
            if (neg) off = -off;
        }
        if (p != end) return 0;
    }
    *ms = ((clickup__cf_days(y, mo, d) * 24 + h) * 60 + mi) * 60000 + sec * 1000 + frac - off;
    return *ms >= 0;
}

/* The option of a drop_down or labels field that the text names: its id, else its name (ASCII
   case ignored), else (drop_down only) its orderindex as digits. -1 when none. */
CLICKUP__FN long clickup__cf_find_option(const clickup_field_def *def, clickup__cf_span t, int by_index) {
    size_t i;
    int64_t idx;
    if (!def->options) return -1;
    for (i = 0; i < def->option_count; i++)
        if (clickup__cf_eqn(t, def->options[i].id)) return (long)i;
    for (i = 0; i < def->option_count; i++)
        if (def->options[i].name && clickup__cf_ieqn(t, def->options[i].name)) return (long)i;
    if (by_index && t.n && t.n < 10 && clickup__parse_i64(t.p, t.n, &idx) && idx >= 0)
        for (i = 0; i < def->option_count; i++) {
            const clickup_field_option *o = &def->options[i];
            if ((o->orderindex.present ? o->orderindex.value : (int64_t)i) == idx) return (long)i;
        }
    return -1;
}

/* users and tasks: "a, b, -c" -> {"add": [a, b], "rem": [c]} ("rem" only when some). The text
   is checked whole before anything is written. */
CLICKUP__FN clickup_result clickup__cf_add_rem(const clickup_field_def *def, clickup__cf_span text, int users,
                                               clickup_json_writer *w, char *why, size_t n) {
    clickup__cf_span rest, item;
    size_t adds = 0, rems = 0;
    int pass;
    char q[48];
    for (pass = 0; pass < 3; pass++) {   /* 0: check; 1: write "add"; 2: write "rem" */
        if (pass == 1) {
            clickup_jw_object_begin(w);
            clickup_jw_key(w, "add");
            clickup_jw_array_begin(w);
        } else if (pass == 2) {
            clickup_jw_array_end(w);
            if (rems) { clickup_jw_key(w, "rem"); clickup_jw_array_begin(w); }
        }
        rest = text;
        while (clickup__cf_next_item(&rest, &item)) {
            int rem = item.n && item.p[0] == '-';
            clickup__cf_span id;
            id = rem ? clickup__cf_trim(item.p + 1, item.n - 1) : item;
            if (pass == 0) {
                int64_t uid;
                if (!item.n) return clickup__cf_refuse(why, n, def, "takes %s separated by commas; an item is empty",
                                                       users ? "user ids" : "task ids");
                if (users && (id.n > 19 || !clickup__parse_i64(id.p, id.n, &uid) || uid <= 0 || id.p[0] == '+'))
                    return clickup__cf_refuse(why, n, def, "takes user ids (whole numbers, -id to remove), "
                                              "separated by commas; not \"%s\"", clickup__cf_quote(q, sizeof q, item));
                if (!users && (id.n > 64 || !clickup__is_native_id(id.p, id.n)))
                    return clickup__cf_refuse(why, n, def, "takes task ids (letters and digits, -id to remove; no custom "
                                              "ids), separated by commas; not \"%s\"", clickup__cf_quote(q, sizeof q, item));
                if (rem) rems++; else adds++;
            } else if ((pass == 1) != rem) {
                if (users) {
                    int64_t uid = 0;
                    (void)clickup__parse_i64(id.p, id.n, &uid);
                    clickup_jw_int64(w, uid);
                } else {
                    clickup_jw_stringn(w, id.p, id.n);
                }
            }
        }
    }
    if (rems) clickup_jw_array_end(w);
    clickup_jw_object_end(w);
    (void)adds;
    return CLICKUP_OK;
}

/* Phone: '+', a country code and number of 7-15 digits, grouped by single separators. */
CLICKUP__FN int clickup__cf_phone_ok(clickup__cf_span s) {
    size_t i, digits = 0;
    int open = 0, prev_sep = 0;
    if (s.n < 2 || s.p[0] != '+' || s.p[1] < '1' || s.p[1] > '9') return 0;
    for (i = 1; i < s.n; i++) {
        char ch = s.p[i];
        if (ch >= '0' && ch <= '9') { digits++; prev_sep = 0; continue; }
        if (ch == '(') { if (open) return 0; open = 1; continue; }
        if (ch == ')') { if (!open || prev_sep) return 0; open = 0; continue; }
        if (ch == ' ' || ch == '-' || ch == '.') { if (prev_sep) return 0; prev_sep = 1; continue; }
        return 0;
    }
    return !open && !prev_sep && digits >= 7 && digits <= 15 && s.p[s.n - 1] != '(';
}

/* Email: local@domain.tld. */
CLICKUP__FN int clickup__cf_email_ok(clickup__cf_span s) {
    const char *at = s.n ? (const char *)memchr(s.p, '@', s.n) : NULL;
    size_t i, local, label = 0, labels = 0;
    if (!at || s.n > 254) return 0;
    local = (size_t)(at - s.p);
    if (!local || local > 64) return 0;
    for (i = 0; i < local; i++)
        if ((unsigned char)s.p[i] <= 0x20 || s.p[i] == 0x7f || s.p[i] == '@' || s.p[i] == ',') return 0;
    for (i = local + 1; i <= s.n; i++) {
        char ch = i < s.n ? s.p[i] : '.';
        if (ch == '.') {
            if (!label || s.p[i - 1] == '-' || label > 63) return 0;
            labels++;
            label = 0;
        } else if (clickup__is_alnum(ch) || (ch == '-' && label > 0)) {
            label++;
        } else {
            return 0;
        }
    }
    return labels >= 2;
}

/* URL: http:// or https://, a host, no white space or control characters. */
CLICKUP__FN int clickup__cf_url_ok(clickup__cf_span s) {
    size_t i, start;
    if (s.n > 7 && clickup__cf_ieqn(clickup__cf_span_of(s.p, 7), "http://")) start = 7;
    else if (s.n > 8 && clickup__cf_ieqn(clickup__cf_span_of(s.p, 8), "https://")) start = 8;
    else return 0;
    if (s.n > 2048 || s.p[start] == '/' || s.p[start] == '?' || s.p[start] == '#') return 0;
    for (i = 0; i < s.n; i++)
        if ((unsigned char)s.p[i] <= 0x20 || s.p[i] == 0x7f) return 0;
    return 1;
}

CLICKUP__FN int clickup__cf_utf8_ok(clickup__cf_span s) {
    const unsigned char *p = (const unsigned char *)s.p, *end = p + s.n;
    while (p < end) {
        int k;
        if (*p < 0x80) { p++; continue; }
        if (!(k = clickup__utf8_seq(p, end))) return 0;
        p += k;
    }
    return 1;
}

/* The value, checked, into w; why says what is wrong. */
CLICKUP__FN clickup_result clickup__cf_value(const clickup_field_def *def, clickup__cf_span t, clickup_json_writer *w,
                                             int *time_flag, char *why, size_t n) {
    char num[72], q[48], names[160];
    double v;
    int64_t i64;
    long opt;
    *time_flag = -1;
    switch (clickup__cf_kind(def)) {
    case CLICKUP_FIELD_TEXT:
    case CLICKUP_FIELD_SHORT_TEXT:
        if (!clickup__cf_utf8_ok(t)) return clickup__cf_refuse(why, n, def, "takes text in UTF-8; this is not UTF-8");
        clickup_jw_stringn(w, t.p, t.n);
        return CLICKUP_OK;
    case CLICKUP_FIELD_DROP_DOWN:
        if ((opt = clickup__cf_find_option(def, t, 1)) < 0)
            return clickup__cf_refuse(why, n, def, "has no option \"%s\"; it takes one of: %s (or an option's orderindex "
                                      "or id)", clickup__cf_quote(q, sizeof q, t), clickup__cf_option_names(def, names, sizeof names));
        if (!def->options[opt].id || !def->options[opt].id[0])
            return clickup__cf_refuse(why, n, def, "has an option \"%s\" without an id", clickup__cf_quote(q, sizeof q, t));
        clickup_jw_string(w, def->options[opt].id);
        return CLICKUP_OK;
    case CLICKUP_FIELD_LABELS: {
        clickup__cf_span rest = t, item;
        int pass;
        for (pass = 0; pass < 2; pass++) {
            size_t k = 0;
            if (pass) clickup_jw_array_begin(w);
            rest = t;
            while (clickup__cf_next_item(&rest, &item)) {
                clickup__cf_span prev_rest = t, prev;
                size_t j;
                int dup = 0;
                if (!item.n)
                    return clickup__cf_refuse(why, n, def, "takes label names separated by commas; an item is empty");
                opt = clickup__cf_find_option(def, item, 0);
                if (!pass && opt < 0)
                    return clickup__cf_refuse(why, n, def, "has no label \"%s\"; it takes labels separated by commas, "
                                              "from: %s", clickup__cf_quote(q, sizeof q, item),
                                              clickup__cf_option_names(def, names, sizeof names));
                if (!pass && (!def->options[opt].id || !def->options[opt].id[0]))
                    return clickup__cf_refuse(why, n, def, "has a label \"%s\" without an id", clickup__cf_quote(q, sizeof q, item));
                if (!pass) { k++; continue; }
                for (j = 0; j < k && clickup__cf_next_item(&prev_rest, &prev); j++)   /* once each */
                    if (clickup__cf_find_option(def, prev, 0) == opt) dup = 1;
                k++;
                if (!dup) clickup_jw_string(w, def->options[opt].id);
            }
        }
        clickup_jw_array_end(w);
        return CLICKUP_OK;
    }
    case CLICKUP_FIELD_USERS: return clickup__cf_add_rem(def, t, 1, w, why, n);
    case CLICKUP_FIELD_TASKS: return clickup__cf_add_rem(def, t, 0, w, why, n);
    case CLICKUP_FIELD_DATE: {
        int has_time = 1;
        if (t.n <= 15 && clickup__parse_i64(t.p, t.n, &i64) && t.p[0] != '-' && t.p[0] != '+') {
            /* Unix ms as digits */
        } else if (!clickup__cf_iso_date(t, &i64, &has_time)) {
            return clickup__cf_refuse(why, n, def, "takes a date: Unix ms, or \"2026-12-06\" or \"2026-12-06T10:00\" "
                                      "(UTC unless it ends in an offset such as +02:00); not \"%s\"",
                                      clickup__cf_quote(q, sizeof q, t));
        }
        clickup_jw_int64(w, i64);
        *time_flag = has_time;
        return CLICKUP_OK;
    }
    case CLICKUP_FIELD_PERCENTAGE:
        if (t.n && t.p[t.n - 1] == '%') t = clickup__cf_trim(t.p, t.n - 1);
        /* fall through */
    case CLICKUP_FIELD_NUMBER:
    case CLICKUP_FIELD_CURRENCY:
        if (!clickup__cf_number(t, num, NULL))
            return clickup__cf_refuse(why, n, def, "takes a number such as 12, -3.5 or 1e3 ('.' for decimals, no "
                                      "thousands separators); not \"%s\"", clickup__cf_quote(q, sizeof q, t));
        clickup__cf_jw_number(w, num);
        return CLICKUP_OK;
    case CLICKUP_FIELD_CHECKBOX: {
        static const char *const yes[] = { "true", "yes", "on", "1" }, *const no[] = { "false", "no", "off", "0" };
        size_t k;
        for (k = 0; k < 4; k++) {
            if (clickup__cf_ieqn(t, yes[k])) { clickup_jw_bool(w, 1); return CLICKUP_OK; }
            if (clickup__cf_ieqn(t, no[k])) { clickup_jw_bool(w, 0); return CLICKUP_OK; }
        }
        return clickup__cf_refuse(why, n, def, "takes true/false, yes/no, on/off or 1/0; not \"%s\"",
                                  clickup__cf_quote(q, sizeof q, t));
    }
    case CLICKUP_FIELD_URL:
        if (!clickup__cf_url_ok(t) || !clickup__cf_utf8_ok(t))
            return clickup__cf_refuse(why, n, def, "takes a URL that starts with http:// or https://, without spaces; "
                                      "not \"%s\"", clickup__cf_quote(q, sizeof q, t));
        clickup_jw_stringn(w, t.p, t.n);
        return CLICKUP_OK;
    case CLICKUP_FIELD_EMAIL:
        if (!clickup__cf_email_ok(t))
            return clickup__cf_refuse(why, n, def, "takes an email address such as name@example.com; not \"%s\"",
                                      clickup__cf_quote(q, sizeof q, t));
        clickup_jw_stringn(w, t.p, t.n);
        return CLICKUP_OK;
    case CLICKUP_FIELD_PHONE:
        if (!clickup__cf_phone_ok(t))
            return clickup__cf_refuse(why, n, def, "takes a phone number with its country code: '+' and 7-15 digits, "
                                      "e.g. +1 201 555 0123; not \"%s\"", clickup__cf_quote(q, sizeof q, t));
        clickup_jw_stringn(w, t.p, t.n);
        return CLICKUP_OK;
    case CLICKUP_FIELD_RATING: {
        int64_t max = def->count.present && def->count.value > 0 ? def->count.value : 10;
        if (t.n > 6 || !clickup__parse_i64(t.p, t.n, &i64) || t.p[0] == '-' || i64 > max)
            return clickup__cf_refuse(why, n, def, "takes a whole number from 0 to %lld; not \"%s\"", (long long)max,
                                      clickup__cf_quote(q, sizeof q, t));
        clickup_jw_int64(w, i64);
        return CLICKUP_OK;
    }
    case CLICKUP_FIELD_LOCATION: {
        clickup__cf_span rest = t, lat, lng, addr;
        char lng_num[72];
        double la = 0, lo = 0;
        (void)clickup__cf_next_item(&rest, &lat);
        if (!clickup__cf_next_item(&rest, &lng) || !clickup__cf_number(lat, num, &la) ||
            !clickup__cf_number(lng, lng_num, &lo) || la < -90 || la > 90 || lo < -180 || lo > 180)
            return clickup__cf_refuse(why, n, def, "takes \"lat,lng\" or \"lat,lng,address\" with lat in [-90, 90] and "
                                      "lng in [-180, 180]; not \"%s\"", clickup__cf_quote(q, sizeof q, t));
        addr = rest.p ? clickup__cf_trim(rest.p, rest.n) : clickup__cf_trim("", 0);
        if (!clickup__cf_utf8_ok(addr)) return clickup__cf_refuse(why, n, def, "takes an address in UTF-8; this is not UTF-8");
        clickup_jw_object_begin(w);
        clickup_jw_key(w, "location");
        clickup_jw_object_begin(w);
        clickup_jw_key(w, "lat"); clickup__cf_jw_number(w, num);
        clickup_jw_key(w, "lng"); clickup__cf_jw_number(w, lng_num);
        clickup_jw_object_end(w);
        if (addr.n) { clickup_jw_key(w, "formatted_address"); clickup_jw_stringn(w, addr.p, addr.n); }
        clickup_jw_object_end(w);
        return CLICKUP_OK;
    }
    case CLICKUP_FIELD_MANUAL_PROGRESS: {
        int64_t a = def->start.present ? def->start.value : 0, b = def->end.present ? def->end.value : 100;
        double lo, hi;
        int pct = t.n && t.p[t.n - 1] == '%';
        clickup__cf_span x = pct ? clickup__cf_trim(t.p, t.n - 1) : t;
        if (a > b) { int64_t s = a; a = b; b = s; }
        lo = (double)a; hi = (double)b;
        if (!clickup__cf_number(x, num, &v) || (pct ? (v < 0 || v > 100) : (v < lo || v > hi)))
            return clickup__cf_refuse(why, n, def, "takes a number from %lld to %lld, or a percentage of that range such "
                                      "as 50%%; not \"%s\"", (long long)a, (long long)b, clickup__cf_quote(q, sizeof q, t));
        clickup_jw_object_begin(w);
        clickup_jw_key(w, "current");
        if (pct) clickup_jw_double(w, lo + v * (hi - lo) / 100.0);
        else clickup__cf_jw_number(w, num);
        clickup_jw_object_end(w);
        return CLICKUP_OK;
    }
    case CLICKUP_FIELD_AUTOMATIC_PROGRESS:
    case CLICKUP_FIELD_FORMULA:
        return clickup__cf_refuse(why, n, def, "is computed by ClickUp and cannot be set");
    default:
        return clickup__cf_refuse(why, n, def, "cannot be set from text by this version (set it with "
                                  "clickup_task_field_set and a JSON value)");
    }
}

CLICKUP_API clickup_result clickup_field_encode(const clickup_field_def *def, const char *text, clickup_json_writer *w,
                                                char *why, size_t why_size) {
    char scratch[8];
    clickup_json_writer tmp;
    clickup__cf_span t;
    clickup_result rc;
    const char *body;
    size_t len;
    int time_flag;
    if (!why || !why_size) { why = scratch; why_size = sizeof scratch; }
    why[0] = '\0';
    if (!def || !w) { clickup__strlcpy(why, "no field definition or writer given", why_size); return CLICKUP_ERR_INVALID_ARG; }
    if (!text) return clickup__cf_refuse(why, why_size, def, "got no text");
    t = clickup__cf_trim(text, strlen(text));
    if (!t.n) return clickup__cf_refuse(why, why_size, def, "got an empty value (clear a field with clickup_task_field_remove)");
    /* built aside, so that a refusal leaves w as it was */
    clickup_json_writer_init(&tmp, &w->alloc);
    clickup_jw_object_begin(&tmp);
    clickup_jw_key(&tmp, "value");
    rc = clickup__cf_value(def, t, &tmp, &time_flag, why, why_size);
    if (rc == CLICKUP_OK && time_flag >= 0) {
        clickup_jw_key(&tmp, "value_options");
        clickup_jw_object_begin(&tmp);
        clickup_jw_key(&tmp, "time");
        clickup_jw_bool(&tmp, time_flag);
        clickup_jw_object_end(&tmp);
    }
    clickup_jw_object_end(&tmp);
    if (rc == CLICKUP_OK) {
        rc = clickup_json_writer_finish(&tmp, &body, &len);
        if (rc == CLICKUP_OK) {
            if (clickup__jw_before_value(w)) clickup__jw_put(w, body, len);
            rc = w->err ? (clickup_result)w->err : CLICKUP_OK;
        } else if (rc != CLICKUP_ERR_NOMEM) {
            rc = clickup__cf_refuse(why, why_size, def, "got a value that cannot be written as JSON");
        }
    }
    clickup_json_writer_free(&tmp);
    return rc;
}

/* Validate and build POST /task/{task_id}/field/{field_id} from text. */
CLICKUP__FN clickup_result clickup__cf_build_set(clickup_client *c, const char *task_ref, const clickup_field_def *def,
                                                 const char *text, clickup__write *w) {
    const clickup__route *route = CLICKUP__ROUTE(SET_FIELD);
    char why[224], suffix[80];
    clickup_result rc;
    clickup__write_init(c, w, route);
    if (!def) return clickup__invalid(c, route, "no field definition given");
    if (!clickup__valid_id(def->id)) return clickup__invalid(c, route, "field '%s' has no valid id (its UUID)", def->name ? def->name : "?");
    rc = clickup_field_encode(def, text, &w->body, why, sizeof why);
    if (rc == CLICKUP_ERR_NOMEM) return clickup__nomem(c, route);
    if (rc) return clickup__invalid(c, route, "%s", why);
    w->has_body = 1;
    clickup__fmt(suffix, sizeof suffix, "/field/%s", def->id);
    return clickup__task_target(c, route, task_ref, CLICKUP_DEFAULT, NULL, suffix, &w->path, &w->query);
}

CLICKUP_API clickup_result clickup_task_field_set_text(clickup_client *c, const char *task_ref, const clickup_field_def *def,
                                                       const char *text) {
    CLICKUP__WRITE(c, clickup__cf_build_set(c, task_ref, def, text, &w_), NULL);
}

CLICKUP_API clickup_result clickup_task_field_set_by_name(clickup_client *c, const char *task_ref, const char *list_id,
                                                          const char *field_name_or_id, const char *text) {
    const clickup__route *route = CLICKUP__ROUTE(SET_FIELD);
    clickup_fields *fs = NULL;
    const clickup_field_def *def;
    clickup__write w;
    clickup_result rc;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    if (!field_name_or_id || !clickup__cf_trim(field_name_or_id, strlen(field_name_or_id)).n)
        return clickup__invalid(c, route, "no field name or id given");
    if ((rc = clickup__cf_fields_get(c, list_id, NULL, &fs))) return rc;
    if (!(def = clickup_fields_find(fs, field_name_or_id))) {
        char names[160], q[48];
        size_t i, used = 0, same = 0;
        clickup__cf_span want = clickup__cf_trim(field_name_or_id, strlen(field_name_or_id));
        names[0] = '\0';
        for (i = 0; i < fs->count; i++) {
            size_t k = strlen(fs->items[i].name);
            if (clickup__cf_named(fs->items[i].name, want)) same++;
            if (used + k + 6 >= sizeof names) { clickup__strlcpy(names + used, ", ...", sizeof names - used); used = sizeof names; break; }
            if (i) { memcpy(names + used, ", ", 2); used += 2; }
            memcpy(names + used, fs->items[i].name, k);
            used += k;
            names[used] = '\0';
        }
        (void)clickup__cf_quote(q, sizeof q, want);
        rc = same > 1 ? clickup__invalid(c, route, "list %s has %llu fields named '%s': give the field's id", list_id,
                                         (unsigned long long)same, q)
                      : clickup__invalid(c, route, "list %s has no field '%s'; its fields: %s", list_id, q,
                                         fs->count ? names : "(none)");
        clickup_fields_free(fs);
        return rc;
    }
    rc = clickup__cf_build_set(c, task_ref, def, text, &w);
    if (rc == CLICKUP_OK) rc = clickup__send_write(c, &w, NULL);
    clickup__write_free(c, &w);
    clickup_fields_free(fs);
    return rc;
}

/* ---- readers of a task's field values ------------------------------------------------------- */
/* A bounded text sink: appends what fits, cut at a UTF-8 boundary, and remembers overflow. */
typedef struct clickup__cf_sink {
    char  *buf;
    size_t size, len;
    int    full;
} clickup__cf_sink;
CLICKUP__FN void clickup__cf_put(clickup__cf_sink *s, const char *p, size_t n) {
    size_t room;
    if (s->full || !n) return;
    room = s->size - 1 - s->len;
    if (n > room) {
        n = room;
        while (n > 0 && ((unsigned char)p[n] & 0xC0) == 0x80) n--;
        s->full = 1;
    }
    memcpy(s->buf + s->len, p, n);
    s->len += n;
    s->buf[s->len] = '\0';
}
CLICKUP__FN void clickup__cf_puts(clickup__cf_sink *s, const char *p) { clickup__cf_put(s, p, strlen(p)); }

/* Compact JSON of any value, without allocating (depth bounded by the parser's limit). */
CLICKUP__FN void clickup__cf_put_json(clickup__cf_sink *s, const clickup_json *v) {
    static const char hex[] = "0123456789abcdef";
    size_t i;
    switch (clickup_json_typeof(v)) {
    case CLICKUP_JSON_NULL: clickup__cf_puts(s, "null"); break;
    case CLICKUP_JSON_BOOL: clickup__cf_puts(s, v->b ? "true" : "false"); break;
    case CLICKUP_JSON_NUMBER: clickup__cf_put(s, v->u.s, v->n); break;
    case CLICKUP_JSON_STRING:
        clickup__cf_put(s, "\"", 1);
        for (i = 0; i < v->n; i++) {
            unsigned char ch = (unsigned char)v->u.s[i];
            if (ch == '"' || ch == '\\') { char e[2]; e[0] = '\\'; e[1] = (char)ch; clickup__cf_put(s, e, 2); }
            else if (ch < 0x20) {
                char e[6];
                e[0] = '\\'; e[1] = 'u'; e[2] = '0'; e[3] = '0'; e[4] = hex[ch >> 4]; e[5] = hex[ch & 15];
                clickup__cf_put(s, e, 6);
            } else {
                size_t j = i;
                while (j < v->n && (unsigned char)v->u.s[j] >= 0x20 && v->u.s[j] != '"' && v->u.s[j] != '\\') j++;
                clickup__cf_put(s, v->u.s + i, j - i);
                i = j - 1;
            }
        }
        clickup__cf_put(s, "\"", 1);
        break;
    case CLICKUP_JSON_ARRAY:
        clickup__cf_put(s, "[", 1);
        for (i = 0; i < v->n; i++) {
            if (i) clickup__cf_put(s, ",", 1);
            clickup__cf_put_json(s, &v->u.kids[i]);
        }
        clickup__cf_put(s, "]", 1);
        break;
    default:
        clickup__cf_put(s, "{", 1);
        for (i = 0; i < v->n; i++) {
            if (i) clickup__cf_put(s, ",", 1);
            clickup__cf_put_json(s, &v->u.kids[2 * i]);
            clickup__cf_put(s, ":", 1);
            clickup__cf_put_json(s, &v->u.kids[2 * i + 1]);
        }
        clickup__cf_put(s, "}", 1);
        break;
    }
}

/* A string's text or a number's literal (what people read), else NULL. */
CLICKUP__FN const char *clickup__cf_scalar(const clickup_json *v, size_t *n) {
    if (v && (v->type == CLICKUP_JSON_STRING || v->type == CLICKUP_JSON_NUMBER)) { *n = v->n; return v->u.s; }
    return NULL;
}

/* The value of a task's field, or NULL when unset (absent or null). */
CLICKUP__FN const clickup_json *clickup__cf_val(const clickup_custom_field *f) {
    return f->value && f->value->type != CLICKUP_JSON_NULL ? f->value : NULL;
}
CLICKUP__FN clickup_field_kind clickup__cf_fkind(const clickup_custom_field *f) {
    return clickup_field_kind_of(f->type ? f->type : clickup__dstr(f->raw, "type"));
}
CLICKUP__FN const clickup_json *clickup__cf_options_of(const clickup_custom_field *f) {
    return clickup_json_get(clickup_json_get(f->raw, "type_config"), "options");
}

/* The option a drop_down value or a labels item names: by orderindex (number, or digits) or
   by id. Fills out (name "" when the option is not in type_config). */
CLICKUP__FN void clickup__cf_option_of(const clickup_custom_field *f, const clickup_json *item, clickup_field_option *out) {
    const clickup_json *opts = clickup__cf_options_of(f);
    clickup_i64 idx = clickup__di64v(item);
    size_t i, n = clickup_json_len(opts);
    int by_index = item->type == CLICKUP_JSON_NUMBER || (idx.present && item->n < 10);
    memset(out, 0, sizeof *out);
    for (i = 0; i < n; i++) {
        const clickup_json *o = clickup_json_at(opts, i);
        clickup_i64 oi = clickup__di64(o, "orderindex");
        int hit = by_index ? (oi.present ? oi.value : (int64_t)i) == idx.value
                           : item->type == CLICKUP_JSON_STRING && clickup_json_equal(item, clickup_json_get(o, "id"));
        if (hit) { (void)clickup__cf_option_item(NULL, o, out); return; }
    }
    out->id = by_index ? "" : clickup_json_as_string(item, "", NULL);
    out->name = "";
    out->color = "";
    out->orderindex = by_index ? idx : out->orderindex;
    out->raw = item;
}

CLICKUP_API clickup_result clickup_custom_field_option(const clickup_custom_field *f, size_t i, clickup_field_option *out) {
    const clickup_json *v;
    clickup_field_kind k;
    if (!f || !out) return CLICKUP_ERR_INVALID_ARG;
    memset(out, 0, sizeof *out);
    if (!(v = clickup__cf_val(f))) return CLICKUP_ERR_NOT_FOUND;
    k = clickup__cf_fkind(f);
    if (k == CLICKUP_FIELD_LABELS || v->type == CLICKUP_JSON_ARRAY) {
        if (v->type != CLICKUP_JSON_ARRAY) return CLICKUP_ERR_BAD_RESPONSE;
        if (i >= v->n) return CLICKUP_ERR_NOT_FOUND;
        v = &v->u.kids[i];
    } else if (i > 0) {
        return CLICKUP_ERR_NOT_FOUND;
    }
    if (v->type != CLICKUP_JSON_STRING && v->type != CLICKUP_JSON_NUMBER) return CLICKUP_ERR_BAD_RESPONSE;
    clickup__cf_option_of(f, v, out);
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_custom_field_user(const clickup_custom_field *f, size_t i, clickup_user *out) {
    const clickup_json *v, *u;
    if (!f || !out) return CLICKUP_ERR_INVALID_ARG;
    memset(out, 0, sizeof *out);
    if (!(v = clickup__cf_val(f))) return CLICKUP_ERR_NOT_FOUND;
    if (v->type != CLICKUP_JSON_ARRAY) return CLICKUP_ERR_BAD_RESPONSE;
    if (i >= v->n) return CLICKUP_ERR_NOT_FOUND;
    u = &v->u.kids[i];
    if (u->type == CLICKUP_JSON_OBJECT) { clickup__decode_user(u, out); return CLICKUP_OK; }
    if (!clickup__di64v(u).present) return CLICKUP_ERR_BAD_RESPONSE;
    clickup__decode_user(NULL, out);
    out->id = clickup__di64v(u).value;
    out->raw = u;
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_custom_field_task(const clickup_custom_field *f, size_t i, clickup_ref *out) {
    const clickup_json *v, *t;
    if (!f || !out) return CLICKUP_ERR_INVALID_ARG;
    out->id = out->name = "";
    if (!(v = clickup__cf_val(f))) return CLICKUP_ERR_NOT_FOUND;
    if (v->type != CLICKUP_JSON_ARRAY) return CLICKUP_ERR_BAD_RESPONSE;
    if (i >= v->n) return CLICKUP_ERR_NOT_FOUND;
    t = &v->u.kids[i];
    if (t->type == CLICKUP_JSON_OBJECT) { clickup__decode_ref(t, out); return CLICKUP_OK; }
    if (t->type != CLICKUP_JSON_STRING) return CLICKUP_ERR_BAD_RESPONSE;
    out->id = t->u.s;
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_custom_field_number(const clickup_custom_field *f, double *out) {
    const clickup_json *v, *cur;
    if (!f || !out) return CLICKUP_ERR_INVALID_ARG;
    if (!(v = clickup__cf_val(f))) return CLICKUP_ERR_NOT_FOUND;
    cur = clickup_json_get(v, "current");                     /* manual progress */
    if (cur) v = cur;
    if (v->type == CLICKUP_JSON_NUMBER || (v->type == CLICKUP_JSON_STRING && v->n < 64 && clickup__is_number_text(v->u.s, v->n))) {
        *out = clickup__strtod(v->u.s, v->n);
        return CLICKUP_OK;
    }
    return CLICKUP_ERR_BAD_RESPONSE;
}

CLICKUP_API clickup_result clickup_custom_field_bool(const clickup_custom_field *f, int *out) {
    const clickup_json *v;
    if (!f || !out) return CLICKUP_ERR_INVALID_ARG;
    if (!(v = clickup__cf_val(f))) return CLICKUP_ERR_NOT_FOUND;
    if (v->type == CLICKUP_JSON_BOOL) { *out = v->b; return CLICKUP_OK; }
    if (v->type == CLICKUP_JSON_STRING && (strcmp(v->u.s, "true") == 0 || strcmp(v->u.s, "false") == 0)) {
        *out = v->u.s[0] == 't';
        return CLICKUP_OK;
    }
    if (v->type == CLICKUP_JSON_NUMBER && clickup__di64v(v).present && (v->n == 1 && (v->u.s[0] == '0' || v->u.s[0] == '1'))) {
        *out = v->u.s[0] == '1';
        return CLICKUP_OK;
    }
    return CLICKUP_ERR_BAD_RESPONSE;
}

CLICKUP_API clickup_result clickup_custom_field_date(const clickup_custom_field *f, int64_t *out) {
    const clickup_json *v;
    if (!f || !out) return CLICKUP_ERR_INVALID_ARG;
    if (!(v = clickup__cf_val(f))) return CLICKUP_ERR_NOT_FOUND;
    if (clickup_json_int64(v, out) == CLICKUP_OK) return CLICKUP_OK;
    return CLICKUP_ERR_BAD_RESPONSE;
}

CLICKUP_API clickup_result clickup_custom_field_location(const clickup_custom_field *f, double *lat, double *lng,
                                                         const char **address) {
    const clickup_json *v, *loc, *la, *lo;
    size_t n;
    if (!f) return CLICKUP_ERR_INVALID_ARG;
    if (address) *address = "";
    if (!(v = clickup__cf_val(f))) return CLICKUP_ERR_NOT_FOUND;
    loc = clickup_json_get(v, "location");
    la = clickup_json_get(loc, "lat");
    lo = clickup_json_get(loc, "lng");
    if (!clickup__cf_scalar(la, &n) || !clickup__cf_scalar(lo, &n)) return CLICKUP_ERR_BAD_RESPONSE;
    if (lat) *lat = clickup_json_as_double(la, 0);
    if (lng) *lng = clickup_json_as_double(lo, 0);
    if (address) *address = clickup_json_as_string(clickup_json_get(v, "formatted_address"), "", NULL);
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_custom_field_text(const clickup_custom_field *f, char *buf, size_t size) {
    clickup__cf_sink s;
    const clickup_json *v;
    const char *p;
    size_t n, i;
    if (!f || !buf || !size) return CLICKUP_ERR_INVALID_ARG;
    s.buf = buf; s.size = size; s.len = 0; s.full = 0;
    buf[0] = '\0';
    if (!(v = clickup__cf_val(f))) return CLICKUP_OK;
    switch (clickup__cf_fkind(f)) {
    case CLICKUP_FIELD_DROP_DOWN:
    case CLICKUP_FIELD_LABELS: {
        clickup_field_option o;
        if (v->type != CLICKUP_JSON_ARRAY && !clickup__cf_scalar(v, &n)) goto generic;
        for (i = 0; clickup_custom_field_option(f, i, &o) == CLICKUP_OK; i++) {
            if (i) clickup__cf_puts(&s, ", ");
            if (o.name[0]) clickup__cf_puts(&s, o.name);
            else if (o.id[0]) clickup__cf_puts(&s, o.id);
            else if ((p = clickup__cf_scalar(o.raw, &n)) != NULL) clickup__cf_put(&s, p, n);
        }
        break;
    }
    case CLICKUP_FIELD_USERS:
    case CLICKUP_FIELD_TASKS:
        if (v->type != CLICKUP_JSON_ARRAY) goto generic;
        for (i = 0; i < v->n; i++) {
            const clickup_json *it = &v->u.kids[i], *id = it->type == CLICKUP_JSON_OBJECT ? clickup_json_get(it, "id") : it;
            if (i) clickup__cf_puts(&s, ", ");
            if ((p = clickup__cf_scalar(id, &n)) != NULL) clickup__cf_put(&s, p, n);
            else clickup__cf_put_json(&s, it);
        }
        break;
    case CLICKUP_FIELD_LOCATION: {
        const clickup_json *loc = clickup_json_get(v, "location"), *addr = clickup_json_get(v, "formatted_address");
        size_t n2;
        const char *p2;
        if (!(p = clickup__cf_scalar(clickup_json_get(loc, "lat"), &n)) ||
            !(p2 = clickup__cf_scalar(clickup_json_get(loc, "lng"), &n2)))
            goto generic;
        clickup__cf_put(&s, p, n);
        clickup__cf_put(&s, ",", 1);
        clickup__cf_put(&s, p2, n2);
        if (clickup_json_is(addr, CLICKUP_JSON_STRING) && addr->n) {
            clickup__cf_put(&s, ",", 1);
            clickup__cf_put(&s, addr->u.s, addr->n);
        }
        break;
    }
    case CLICKUP_FIELD_MANUAL_PROGRESS:
        if ((p = clickup__cf_scalar(clickup_json_get(v, "current"), &n)) != NULL) { clickup__cf_put(&s, p, n); break; }
        goto generic;
    default:
    generic:
        if ((p = clickup__cf_scalar(v, &n)) != NULL) clickup__cf_put(&s, p, n);
        else if (v->type == CLICKUP_JSON_BOOL) clickup__cf_puts(&s, v->b ? "true" : "false");
        else clickup__cf_put_json(&s, v);
        break;
    }
    return s.full ? CLICKUP_ERR_TOO_LARGE : CLICKUP_OK;
}

/* ==== [time] =================================================================================
   Time tracking ([api:fields], time entries). Every path is /team/{team}/time_entries...;
   writes go through clickup__write (built, then sent), so they get every engine guarantee of
   the task writes. */
CLICKUP__FN clickup_result clickup__time_tag_item(clickup__dec *d, const clickup_json *g, void *out) {
    clickup_tag *o = (clickup_tag *)out;
    if (g && g->type == CLICKUP_JSON_STRING) {
        o->name = g->u.s;
        o->tag_fg = o->tag_bg = "";
        return CLICKUP_OK;
    }
    return clickup__tag_item(d, g, out);
}

CLICKUP__FN clickup_result clickup__time_decode(clickup__dec *d, const clickup_json *e, clickup_time_entry *out) {
    const clickup_json *t, *loc;
    clickup_result rc;
    if (!clickup_json_is(e, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "time entry", "is not an object");
    t = clickup_json_get(e, "id");
    if (t && t->type != CLICKUP_JSON_STRING && t->type != CLICKUP_JSON_NUMBER)
        return clickup__dec_fail(d, "time entry.id", "is not a string");
    out->raw = e;
    out->id = clickup__dstr(e, "id");
    t = clickup_json_get(e, "task");
    clickup__decode_ref(clickup_json_is(t, CLICKUP_JSON_OBJECT) ? t : NULL, &out->task);
    out->task_custom_id = clickup__dstr_null(t, "custom_id");
    if (!out->task.id[0] && clickup_json_is(clickup_json_get(e, "tid"), CLICKUP_JSON_STRING)) out->task.id = clickup__dstr(e, "tid");
    out->task_url = clickup__dstr(e, "task_url");
    out->wid = clickup__dstr(e, "wid");
    clickup__decode_user(clickup_json_get(e, "user"), &out->user);
    out->billable = clickup__dbool(e, "billable");
    if (!clickup__di64(e, "start").present) return clickup__dec_fail(d, "time entry.start", "is missing or not a time");
    out->start = clickup__di64(e, "start").value;
    out->end = clickup__di64(e, "end");
    out->duration = clickup__di64(e, "duration").value;
    out->running = out->duration < 0;
    if (out->running) out->end.present = 0;
    out->description = clickup__dstr(e, "description");
    out->source = clickup__dstr(e, "source");
    out->at = clickup__di64(e, "at");
    loc = clickup_json_get(e, "task_location");
    out->list.id = clickup__dstr(loc, "list_id"); out->list.name = clickup__dstr(loc, "list_name");
    out->folder.id = clickup__dstr(loc, "folder_id"); out->folder.name = clickup__dstr(loc, "folder_name");
    out->space.id = clickup__dstr(loc, "space_id"); out->space.name = clickup__dstr(loc, "space_name");
    if ((rc = clickup__decode_array(d, e, "tags", 0, sizeof *out->tags, clickup__time_tag_item, (void **)&out->tags,
                                    &out->tag_count)))
        return rc;
    return clickup__decode_array(d, e, "task_tags", 0, sizeof *out->task_tags, clickup__time_tag_item,
                                 (void **)&out->task_tags, &out->task_tag_count);
}

CLICKUP__FN clickup_result clickup__time_item(clickup__dec *d, const clickup_json *e, void *out) {
    return clickup__time_decode(d, e, (clickup_time_entry *)out);
}

/* {"data": [...]} */
CLICKUP__FN clickup_result clickup__time_dec_list(clickup__dec *d, const clickup_json *root, void *obj) {
    clickup_time_entries *out = (clickup_time_entries *)obj;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    out->raw = root;
    return clickup__decode_array(d, root, "data", 1, sizeof *out->items, clickup__time_item, (void **)&out->items,
                                 &out->count);
}

/* {"data": {...}}; a create may answer with the entry at the root. */
CLICKUP__FN clickup_result clickup__time_dec_one(clickup__dec *d, const clickup_json *root, void *obj) {
    const clickup_json *e = clickup_json_get(root, "data");
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    if (!e && clickup__di64(root, "start").present) e = root;
    if (!clickup_json_is(e, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "data", e ? "is not an object" : "is missing");
    return clickup__time_decode(d, e, (clickup_time_entry *)obj);
}

CLICKUP_API void clickup_time_entries_free(clickup_time_entries *e) { clickup__result_free(e); }
CLICKUP_API void clickup_time_entry_free(clickup_time_entry *e) { clickup__result_free(e); }

/* "/team/{team}/time_entries" + ("/" + entry_id) + suffix into path. */
CLICKUP__FN clickup_result clickup__time_path(clickup_client *c, const clickup__route *route, const char *entry_id,
                                              const char *suffix, clickup__buf *path) {
    const char *team;
    clickup_result rc;
    memset(path, 0, sizeof *path);
    path->al = &c->alloc;
    if (entry_id && !clickup__valid_id(entry_id))
        return clickup__invalid(c, route, "time entry id is empty or has characters an id cannot have");
    if ((rc = clickup__team(c, &team))) return rc;
    if (!clickup__valid_id(team)) return clickup__invalid(c, route, "the workspace id is not a valid id");
    clickup__buf_str(path, "/team/");
    clickup__buf_str(path, team);
    clickup__buf_str(path, "/time_entries");
    if (entry_id) { clickup__buf_put(path, "/", 1); clickup__buf_str(path, entry_id); }
    if (suffix) clickup__buf_str(path, suffix);
    if (path->nomem) return clickup__nomem(c, route);
    return CLICKUP_OK;
}

/* A task reference for "tid" or task_id=: its id into id_out; for a custom id (which the
   route must take) the workspace to name with it into team_out, else "". */
CLICKUP__FN clickup_result clickup__time_task(clickup_client *c, const clickup__route *route, const char *task_ref,
                                              char *id_out, size_t id_size, char *team_out, size_t team_size) {
    clickup_task_ref ref;
    const char *team = NULL;
    clickup_result rc;
    team_out[0] = '\0';
    if (clickup_task_ref_parse(task_ref, &ref) != CLICKUP_OK) return clickup__invalid(c, route, "task reference: %s", ref.error);
    if (ref.is_custom) {
        if (!(route->flags & CLICKUP__CUSTOM_IDS))
            return clickup__invalid(c, route, "ClickUp takes no custom task id (%s) here: give the task's own id", ref.id);
        if (ref.team_id[0]) team = ref.team_id;
        else if ((rc = clickup__team(c, &team))) return rc;
        if (!clickup__valid_id(team)) return clickup__invalid(c, route, "team id for a custom task id is not a valid id");
        clickup__strlcpy(team_out, team, team_size);
    }
    clickup__strlcpy(id_out, ref.id, id_size);
    return CLICKUP_OK;
}
/* custom_task_ids=true&team_id=T when team is not "". */
CLICKUP__FN void clickup__time_custom_query(clickup__buf *query, const char *team) {
    if (!team[0]) return;
    clickup__buf_query(query, "custom_task_ids", "true");
    clickup__buf_query(query, "team_id", team);
}

/* Tag names as [{"name": ...}]; a message when one is empty, else NULL. */
CLICKUP__FN const char *clickup__time_tags(clickup_json_writer *w, const char *const *tags, size_t n) {
    size_t i;
    if (n && !tags) return "tag_count is set but tags is NULL";
    for (i = 0; i < n; i++)
        if (!tags[i] || !tags[i][0]) return "tag names must not be empty";
    if (!n) return NULL;
    clickup_jw_key(w, "tags");
    clickup_jw_array_begin(w);
    for (i = 0; i < n; i++) {
        clickup_jw_object_begin(w);
        clickup_jw_key(w, "name");
        clickup_jw_string(w, tags[i]);
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
    return NULL;
}

/* Send a built time write; decode {"data": {...}} into *out when asked. */
CLICKUP__FN clickup_result clickup__time_send(clickup_client *c, clickup__write *w, clickup_time_entry **out) {
    clickup__call call;
    clickup_result rc = clickup__write_call(c, w, &call);
    if (rc) return rc;
    if ((rc = clickup__perform(c, &call)) || !out) return rc;
    return clickup__get_decoded(c, sizeof(clickup_time_entry), clickup__time_dec_one, (void **)out);
}

CLICKUP_API clickup_result clickup_time_entries_get(clickup_client *c, const clickup_time_query *q, clickup_time_entries **out) {
    const clickup__route *route = CLICKUP__ROUTE(GETTIMEENTRIESWITHINADATERANGE);
    clickup_time_query none;
    clickup__buf path, query;
    clickup__call call;
    clickup_result rc;
    size_t i;
    int filters;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    if (!q) { memset(&none, 0, sizeof none); q = &none; }
    filters = (q->space_id != NULL) + (q->folder_id != NULL) + (q->list_id != NULL) + (q->task_ref != NULL);
    if (filters > 1) return clickup__invalid(c, route, "give at most one of space_id, folder_id, list_id and task_ref");
    if (q->start_date.present && q->end_date.present && q->end_date.value < q->start_date.value)
        return clickup__invalid(c, route, "end_date is before start_date");
    if (q->assignee_count && !q->assignees) return clickup__invalid(c, route, "assignee_count is set but assignees is NULL");
    for (i = 0; i < q->assignee_count; i++)
        if (q->assignees[i] <= 0) return clickup__invalid(c, route, "assignee ids are positive user ids");
    if ((q->space_id && !clickup__valid_id(q->space_id)) || (q->folder_id && !clickup__valid_id(q->folder_id)) ||
        (q->list_id && !clickup__valid_id(q->list_id)))
        return clickup__invalid(c, route, "space, folder or list id is empty or has characters an id cannot have");
    memset(&query, 0, sizeof query);
    query.al = &c->alloc;
    if (q->start_date.present) clickup__buf_query_i64(&query, "start_date", q->start_date.value);
    if (q->end_date.present) clickup__buf_query_i64(&query, "end_date", q->end_date.value);
    if (q->assignee_count) {
        char one[24];
        clickup__buf ids;
        memset(&ids, 0, sizeof ids);
        ids.al = &c->alloc;
        for (i = 0; i < q->assignee_count; i++) {
            clickup__fmt(one, sizeof one, "%s%lld", i ? "," : "", (long long)q->assignees[i]);
            clickup__buf_str(&ids, one);
        }
        if (ids.nomem) query.nomem = 1;
        else {   /* assignee=1,2 with a literal comma, as ClickUp documents it (digits and commas only) */
            clickup__buf_put(&query, strchr(query.p ? query.p : "", '?') ? "&" : "?", 1);
            clickup__buf_str(&query, "assignee=");
            clickup__buf_str(&query, ids.p);
        }
        clickup__free(&c->alloc, ids.p);
    }
    if (q->include_task_tags) clickup__buf_query(&query, "include_task_tags", "true");
    if (q->include_location_names) clickup__buf_query(&query, "include_location_names", "true");
    if (q->space_id) clickup__buf_query(&query, "space_id", q->space_id);
    if (q->folder_id) clickup__buf_query(&query, "folder_id", q->folder_id);
    if (q->list_id) clickup__buf_query(&query, "list_id", q->list_id);
    if (q->task_ref) {
        char id[96], team[72];
        if ((rc = clickup__time_task(c, route, q->task_ref, id, sizeof id, team, sizeof team))) {
            clickup__free(&c->alloc, query.p);
            return rc;
        }
        clickup__buf_query(&query, "task_id", id);
        clickup__time_custom_query(&query, team);
    }
    if (q->billable) clickup__buf_query(&query, "is_billable", q->billable == CLICKUP_YES ? "true" : "false");
    clickup__buf_put(&query, "", 0);
    if (query.nomem) { clickup__free(&c->alloc, query.p); return clickup__nomem(c, route); }
    if ((rc = clickup__time_path(c, route, NULL, NULL, &path))) { clickup__bufs_free(c, &path, &query); return rc; }
    memset(&call, 0, sizeof call);
    call.route = route; call.path = path.p; call.query = query.p;
    rc = clickup__perform(c, &call);
    if (!rc) rc = clickup__get_decoded(c, sizeof(clickup_time_entries), clickup__time_dec_list, (void **)out);
    clickup__bufs_free(c, &path, &query);
    return rc;
}

/* GET of one entry (or of the running one): *out NULL when "data" is null and none_ok. */
CLICKUP__FN clickup_result clickup__time_get_one(clickup_client *c, const clickup__route *route, const char *entry_id,
                                                 const char *suffix, const char *query, int none_ok,
                                                 clickup_time_entry **out) {
    clickup__buf path;
    clickup__call call;
    clickup_result rc;
    if ((rc = clickup__time_path(c, route, entry_id, suffix, &path))) { clickup__free(&c->alloc, path.p); return rc; }
    memset(&call, 0, sizeof call);
    call.route = route; call.path = path.p; call.query = query;
    rc = clickup__perform(c, &call);
    clickup__free(&c->alloc, path.p);
    if (rc) return rc;
    if (none_ok) {
        clickup__dec d;
        const clickup_json *root, *data;
        clickup_time_entry *e;
        if ((rc = clickup__body_result(c, sizeof *e, (void **)&e, &d, &root))) return rc;
        data = clickup_json_get(root, "data");
        if (clickup_json_is(root, CLICKUP_JSON_OBJECT) && (!data || data->type == CLICKUP_JSON_NULL)) {
            clickup__result_free(e);       /* nothing runs: a valid answer */
            return CLICKUP_OK;
        }
        return clickup__deliver(c, clickup__time_dec_one(&d, root, e), &d, e, (void **)out);
    }
    return clickup__get_decoded(c, sizeof(clickup_time_entry), clickup__time_dec_one, (void **)out);
}

CLICKUP_API clickup_result clickup_time_entry_get(clickup_client *c, const char *entry_id, clickup_time_entry **out) {
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    if (!clickup__valid_id(entry_id))
        return clickup__invalid(c, CLICKUP__ROUTE(GETSINGULARTIMEENTRY), "time entry id is empty or has characters an id cannot have");
    return clickup__time_get_one(c, CLICKUP__ROUTE(GETSINGULARTIMEENTRY), entry_id, NULL, "", 0, out);
}

CLICKUP_API clickup_result clickup_time_entry_current(clickup_client *c, int64_t assignee, clickup_time_entry **out) {
    char query[40];
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    if (assignee < 0) return clickup__invalid(c, CLICKUP__ROUTE(GETRUNNINGTIMEENTRY), "assignee must be a user id, or 0 for yourself");
    query[0] = '\0';
    if (assignee) clickup__fmt(query, sizeof query, "?assignee=%lld", (long long)assignee);
    return clickup__time_get_one(c, CLICKUP__ROUTE(GETRUNNINGTIMEENTRY), NULL, "/current", query, 1, out);
}

CLICKUP__FN clickup_result clickup__time_build_create(clickup_client *c, const clickup_time_entry_new *e, clickup__write *w) {
    const clickup__route *route = CLICKUP__ROUTE(CREATEATIMEENTRY);
    const char *why;
    char tid[96], team[72] = "";
    int64_t end, dur;
    clickup_result rc;
    clickup__write_init(c, w, route);
    if (!e) return clickup__invalid(c, route, "no time entry given");
    if (e->start <= 0) return clickup__invalid(c, route, "start is required (Unix ms)");
    if (!e->end.present && !e->duration.present) return clickup__invalid(c, route, "give the entry's end or its duration");
    if (e->end.present && e->end.value < e->start)
        return clickup__invalid(c, route, "the time entry ends before it starts (end %lld < start %lld)",
                                (long long)e->end.value, (long long)e->start);
    if (e->end.present && e->end.value == e->start)
        return clickup__invalid(c, route, "the time entry ends when it starts: its duration would be 0");
    if (e->duration.present && e->duration.value <= 0)
        return clickup__invalid(c, route, "duration must be positive (ms), not %lld", (long long)e->duration.value);
    if (e->duration.present && e->duration.value > INT64_MAX - e->start) return clickup__invalid(c, route, "duration is too large");
    end = e->end.present ? e->end.value : e->start + e->duration.value;
    dur = end - e->start;
    if (e->duration.present && e->duration.value != dur)
        return clickup__invalid(c, route, "end and duration disagree (end - start = %lld, duration %lld)", (long long)dur,
                                (long long)e->duration.value);
    if (e->assignee < 0) return clickup__invalid(c, route, "assignee must be a user id, or 0 for yourself");
    if (e->task_ref && (rc = clickup__time_task(c, route, e->task_ref, tid, sizeof tid, team, sizeof team))) return rc;
    clickup__time_custom_query(&w->query, team);
    clickup_jw_object_begin(&w->body);
    clickup_jw_key(&w->body, "start"); clickup_jw_int64(&w->body, e->start);
    clickup_jw_key(&w->body, "end"); clickup_jw_int64(&w->body, end);
    clickup_jw_key(&w->body, "duration"); clickup_jw_int64(&w->body, dur);
    clickup_jw_key(&w->body, "billable"); clickup_jw_bool(&w->body, e->billable);
    if (e->description) { clickup_jw_key(&w->body, "description"); clickup_jw_string(&w->body, e->description); }
    if (e->task_ref) { clickup_jw_key(&w->body, "tid"); clickup_jw_string(&w->body, tid); }
    if ((why = clickup__time_tags(&w->body, e->tags, e->tag_count)) != NULL) return clickup__invalid(c, route, "%s", why);
    if (e->assignee) { clickup_jw_key(&w->body, "assignee"); clickup_jw_int64(&w->body, e->assignee); }
    clickup_jw_object_end(&w->body);
    w->has_body = 1;
    return clickup__time_path(c, route, NULL, NULL, &w->path);
}

CLICKUP__FN clickup_result clickup__time_build_update(clickup_client *c, const char *entry_id,
                                                      const clickup_time_entry_changes *ch, clickup__write *w) {
    const clickup__route *route = CLICKUP__ROUTE(UPDATEATIME_ENTRY);
    const char *why;
    char tid[96], team[72] = "";
    clickup_result rc;
    clickup__write_init(c, w, route);
    if (!clickup__valid_id(entry_id)) return clickup__invalid(c, route, "time entry id is empty or has characters an id cannot have");
    if (!ch) return clickup__invalid(c, route, "no changes given");
    if (ch->start.present && ch->start.value <= 0) return clickup__invalid(c, route, "start must be Unix ms");
    if (ch->start.present && ch->end.present && ch->end.value <= ch->start.value)
        return clickup__invalid(c, route, "the time entry would end before (or when) it starts (end %lld, start %lld)",
                                (long long)ch->end.value, (long long)ch->start.value);
    if (ch->duration.present && ch->duration.value <= 0)
        return clickup__invalid(c, route, "duration must be positive (ms), not %lld", (long long)ch->duration.value);
    if (ch->start.present && ch->end.present && ch->duration.present && ch->end.value - ch->start.value != ch->duration.value)
        return clickup__invalid(c, route, "end and duration disagree");
    if (ch->task_ref && (rc = clickup__time_task(c, route, ch->task_ref, tid, sizeof tid, team, sizeof team))) return rc;
    clickup__time_custom_query(&w->query, team);
    clickup_jw_object_begin(&w->body);
    if (ch->start.present) { clickup_jw_key(&w->body, "start"); clickup_jw_int64(&w->body, ch->start.value); }
    if (ch->end.present) { clickup_jw_key(&w->body, "end"); clickup_jw_int64(&w->body, ch->end.value); }
    if (ch->duration.present) { clickup_jw_key(&w->body, "duration"); clickup_jw_int64(&w->body, ch->duration.value); }
    if (ch->description) { clickup_jw_key(&w->body, "description"); clickup_jw_string(&w->body, ch->description); }
    if (ch->task_ref) { clickup_jw_key(&w->body, "tid"); clickup_jw_string(&w->body, tid); }
    if (ch->billable) { clickup_jw_key(&w->body, "billable"); clickup_jw_bool(&w->body, ch->billable == CLICKUP_YES); }
    if ((why = clickup__time_tags(&w->body, ch->tags, ch->tag_count)) != NULL) return clickup__invalid(c, route, "%s", why);
    if (ch->tag_count) { clickup_jw_key(&w->body, "tag_action"); clickup_jw_string(&w->body, ch->remove_tags ? "remove" : "add"); }
    clickup_jw_object_end(&w->body);
    if (w->body.len <= 2 && !w->body.err) return clickup__invalid(c, route, "nothing to change");
    w->has_body = 1;
    return clickup__time_path(c, route, entry_id, NULL, &w->path);
}

CLICKUP__FN clickup_result clickup__time_build_start(clickup_client *c, const clickup_timer_opts *o, clickup__write *w) {
    const clickup__route *route = CLICKUP__ROUTE(STARTATIME_ENTRY);
    const char *why;
    char tid[96], team[72] = "";
    clickup_result rc;
    clickup__write_init(c, w, route);
    if (o && o->task_ref && (rc = clickup__time_task(c, route, o->task_ref, tid, sizeof tid, team, sizeof team))) return rc;
    clickup__time_custom_query(&w->query, team);
    clickup_jw_object_begin(&w->body);
    if (o && o->task_ref) { clickup_jw_key(&w->body, "tid"); clickup_jw_string(&w->body, tid); }
    if (o && o->description) { clickup_jw_key(&w->body, "description"); clickup_jw_string(&w->body, o->description); }
    clickup_jw_key(&w->body, "billable"); clickup_jw_bool(&w->body, o && o->billable);
    if (o && (why = clickup__time_tags(&w->body, o->tags, o->tag_count)) != NULL) return clickup__invalid(c, route, "%s", why);
    clickup_jw_object_end(&w->body);
    w->has_body = 1;
    return clickup__time_path(c, route, NULL, "/start", &w->path);
}

CLICKUP_API clickup_result clickup_time_entry_create(clickup_client *c, const clickup_time_entry_new *e, clickup_time_entry **out) {
    clickup__write w;
    clickup_result rc;
    if (out) *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    rc = clickup__time_build_create(c, e, &w);
    if (rc == CLICKUP_OK) rc = clickup__time_send(c, &w, out);
    clickup__write_free(c, &w);
    return rc;
}

CLICKUP_API clickup_result clickup_time_entry_update(clickup_client *c, const char *entry_id, const clickup_time_entry_changes *ch) {
    clickup__write w;
    clickup_result rc;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    rc = clickup__time_build_update(c, entry_id, ch, &w);
    if (rc == CLICKUP_OK) rc = clickup__time_send(c, &w, NULL);
    clickup__write_free(c, &w);
    return rc;
}

CLICKUP_API clickup_result clickup_time_entry_delete(clickup_client *c, const char *entry_id) {
    const clickup__route *route = CLICKUP__ROUTE(DELETEATIME_ENTRY);
    clickup__write w;
    clickup_result rc;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    clickup__write_init(c, &w, route);
    rc = clickup__valid_id(entry_id) ? clickup__time_path(c, route, entry_id, NULL, &w.path)
                                     : clickup__invalid(c, route, "time entry id is empty or has characters an id cannot have");
    if (rc == CLICKUP_OK) rc = clickup__time_send(c, &w, NULL);
    clickup__write_free(c, &w);
    return rc;
}

CLICKUP_API clickup_result clickup_time_entry_start(clickup_client *c, const clickup_timer_opts *opts, clickup_time_entry **out) {
    clickup__write w;
    clickup_result rc;
    if (out) *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    rc = clickup__time_build_start(c, opts, &w);
    if (rc == CLICKUP_OK) rc = clickup__time_send(c, &w, out);
    clickup__write_free(c, &w);
    return rc;
}

CLICKUP_API clickup_result clickup_time_entry_stop(clickup_client *c, clickup_time_entry **out) {
    const clickup__route *route = CLICKUP__ROUTE(STOPATIME_ENTRY);
    clickup__write w;
    clickup_result rc;
    if (out) *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    clickup__write_init(c, &w, route);
    rc = clickup__time_path(c, route, NULL, "/stop", &w.path);
    if (rc == CLICKUP_OK) rc = clickup__time_send(c, &w, out);
    clickup__write_free(c, &w);
    return rc;
}

/* ==== [parallel reads] =======================================================================
   Several walks at once on the pump: the pages of one list come one after the other (only a
   page says whether another follows), but many lists move together. */
/* Lend a finished request's answer to the client's body buffer, where the decoders read it. */
CLICKUP__FN void clickup__lend_body(clickup_client *c, clickup__req *p, clickup__xfer *saved) {
    saved->body = c->body; saved->len = c->body_len; saved->cap = c->body_cap;
    c->body = p->x.body; c->body_len = p->x.len; c->body_cap = p->x.cap;
    c->resend_ok = p->resend_ok;
    c->err = p->err;
}
CLICKUP__FN void clickup__return_body(clickup_client *c, clickup__req *p, const clickup__xfer *saved) {
    p->x.body = c->body; p->x.len = c->body_len; p->x.cap = c->body_cap;
    c->body = saved->body; c->body_len = saved->len; c->body_cap = saved->cap;
}

/* One list's walk through its pages. */
typedef struct clickup__lwalk {
    const clickup__route *route;
    clickup__buf   path, query;       /* the list's task path, and the filters            */
    clickup__req  *req;               /* its page in flight, or NULL                      */
    size_t         page;              /* the next page to ask for                         */
    int            finished;          /* the last page came (or max_pages was reached)    */
    clickup__pages gathered;          /* collecting: every page, in the result's arena    */
    clickup_tasks *held;              /* page by page: a page waiting for its turn        */
} clickup__lwalk;

typedef struct clickup__lwalks {
    clickup_client  *c;
    clickup__lwalk  *w;
    size_t           n, active, held, delivered, max_pages, pages, total;
    int              truncated, concurrency, stop;
    unsigned         flags;
    clickup_tasks   *collect;         /* collecting into this result, or NULL             */
    clickup_tasks_page_fn fn;         /* else handing pages to fn, in order               */
    void            *user;
} clickup__lwalks;

/* Ask for a list's next page. */
CLICKUP__FN clickup_result clickup__lwalk_next(clickup__lwalks *ws, clickup__lwalk *w) {
    clickup_client *c = ws->c;
    clickup__buf pq;
    clickup__call call;
    clickup_result rc;
    memset(&pq, 0, sizeof pq); pq.al = &c->alloc;
    clickup__buf_str(&pq, w->query.p);
    clickup__buf_put(&pq, "", 0);
    clickup__buf_query_i64(&pq, "page", (int64_t)w->page);
    if (pq.nomem) { clickup__free(&c->alloc, pq.p); return clickup__nomem(c, w->route); }
    memset(&call, 0, sizeof call);
    call.route = w->route; call.path = w->path.p; call.query = pq.p; call.flags = ws->flags;
    rc = clickup__req_new(c, &call, NULL, c->call_deadline, &w->req);
    clickup__free(&c->alloc, pq.p);
    if (rc == CLICKUP_OK) { clickup__req_start(w->req); ws->active++; }
    return rc;
}

/* A page arrived: decode it (into the collected result, or as its own), note the end. */
CLICKUP__FN clickup_result clickup__lwalk_page(clickup__lwalks *ws, clickup__lwalk *w) {
    clickup_client *c = ws->c;
    clickup__req *p = w->req;
    clickup__xfer saved;
    clickup__dec d;
    const clickup_json *root = NULL;
    clickup_tasks one, *pg = &one;
    int last_page = -1;
    clickup_result rc = p->rc;
    w->req = NULL;
    ws->active--;
    if (rc != CLICKUP_OK) { c->err = p->err; goto out; }
    clickup__lend_body(c, p, &saved);
    memset(&one, 0, sizeof one);
    if (ws->collect) {
        if (!(rc = clickup__parse_body(c, clickup__result_arena(ws->collect), &d, &root))) {
            rc = clickup__decode_task_page(&d, root, pg, &last_page);
            if (!rc) rc = clickup__pages_add(d.a, &w->gathered, pg->items, pg->count);
            if (rc) rc = clickup__decode_failed(c, rc, &d);
        }
    } else if (!(rc = clickup__body_result(c, sizeof *pg, (void **)&pg, &d, &root))) {
        rc = clickup__decode_task_page(&d, root, pg, &last_page);
        if (rc) rc = clickup__deliver(c, rc, &d, pg, (void **)&pg);
        else { w->held = pg; ws->held++; }
    }
    if (!rc && p->use_cache && !p->from_cache)   /* cached once it decoded */
        clickup__cache_store(c, p->key.p, p->key.len, c->body, c->body_len, p->ttl, p->route->cache);
    clickup__return_body(c, p, &saved);
    if (!rc) {
        w->page++;
        ws->pages++;
        ws->total += pg->count;
        if (pg->count == 0 || last_page == 1 || (last_page == -1 && pg->count < CLICKUP__PAGE_SIZE)) w->finished = 1;
        else if (w->page == ws->max_pages) { w->finished = 1; ws->truncated = 1; }
        if (w->held) w->held->page_index = w->page - 1, w->held->pages = 1;
    }
out:
    clickup__req_free(p);
    clickup__free(&c->alloc, p);
    return rc;
}

/* Hand the held pages to fn in list order; a list's turn ends when its last page is out. */
CLICKUP__FN void clickup__lwalk_deliver(clickup__lwalks *ws) {
    while (!ws->stop && ws->delivered < ws->n) {
        clickup__lwalk *w = &ws->w[ws->delivered];
        if (w->held) {
            ws->stop = ws->fn(ws->user, w->held);
            clickup_tasks_free(w->held);
            w->held = NULL;
            ws->held--;
        }
        if (!w->finished || w->req) return;
        ws->delivered++;
    }
}

/* Start the pages that may go: at most `concurrency` pages in flight or waiting for their turn
   (page by page, a list with a page waiting asks for no more), so memory holds at most
   `concurrency` pages, and one more for the list whose turn it is, which may always go on. */
CLICKUP__FN clickup_result clickup__lwalk_start(clickup__lwalks *ws) {
    size_t i;
    clickup_result rc;
    for (i = ws->delivered; i < ws->n; i++) {
        clickup__lwalk *w = &ws->w[i];
        if (w->finished || w->req || w->held) continue;
        if (i != ws->delivered && ws->active + ws->held >= (size_t)ws->concurrency) break;
        if ((rc = clickup__lwalk_next(ws, w)) != CLICKUP_OK) return rc;
    }
    return CLICKUP_OK;
}

CLICKUP__FN void clickup__lwalks_free(clickup__lwalks *ws) {
    size_t i;
    for (i = 0; ws->w && i < ws->n; i++) {
        clickup__lwalk *w = &ws->w[i];
        if (w->req) { clickup__req_free(w->req); clickup__free(&ws->c->alloc, w->req); }
        clickup_tasks_free(w->held);
        clickup__bufs_free(ws->c, &w->path, &w->query);
    }
    clickup__free(&ws->c->alloc, ws->w);
}

/* Every list's pages, several lists at once. */
CLICKUP__FN clickup_result clickup__walk_lists(clickup__lwalks *ws, const char *const *list_ids, const clickup_task_query *q) {
    clickup_client *c = ws->c;
    clickup_task_query one;
    clickup_result rc = CLICKUP_OK;
    size_t i, bytes;
    if (!clickup__size_mul(ws->n, sizeof *ws->w, &bytes) || !(ws->w = (clickup__lwalk *)clickup__malloc(&c->alloc, bytes ? bytes : 1)))
        return clickup__nomem(c, CLICKUP__ROUTE(GET_TASKS));
    memset(ws->w, 0, bytes);
    if (q) one = *q; else memset(&one, 0, sizeof one);
    if (one.list_id || one.space_id) return clickup__invalid(c, CLICKUP__ROUTE(GET_TASKS), "the query's list_id and space_id must be NULL here");
    ws->max_pages = one.max_pages > 0 ? (size_t)one.max_pages : 100;
    ws->flags = one.flags;
    for (i = 0; i < ws->n && !rc; i++) {   /* every list checked before anything is sent */
        one.list_id = list_ids[i];
        rc = clickup__task_query(c, &one, &ws->w[i].path, &ws->w[i].query, &ws->w[i].route);
    }
    while (!rc && !ws->stop) {
        uint64_t now;
        if ((rc = clickup__lwalk_start(ws)) != CLICKUP_OK) break;
        if (ws->fn) {                 /* a page handed out frees its list to ask for the next */
            clickup__lwalk_deliver(ws);
            if (ws->stop || (rc = clickup__lwalk_start(ws)) != CLICKUP_OK) break;
        }
        if (!ws->active) break;
        now = c->hooks.now_ms(c->hooks.user);
        clickup__pump(c, c->call_deadline > now ? c->call_deadline - now : 1);
        for (i = 0; i < ws->n && !rc; i++)
            if (ws->w[i].req && ws->w[i].req->state == CLICKUP__S_DONE) rc = clickup__lwalk_page(ws, &ws->w[i]);
    }
    if (!rc && ws->fn) clickup__lwalk_deliver(ws);
    return rc;
}

CLICKUP__FN clickup_result clickup__lists_check(clickup_client *c, const char *const *list_ids, size_t n, int concurrency) {
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    if ((n && !list_ids) || concurrency < 0) return clickup__invalid(c, CLICKUP__ROUTE(GET_TASKS), "list_ids is NULL or concurrency is negative");
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_tasks_get_lists(clickup_client *c, const char *const *list_ids, size_t list_count,
                                                   const clickup_task_query *q, int concurrency, clickup_tasks **out) {
    clickup__lwalks ws;
    clickup_tasks *all;
    clickup_result rc;
    size_t i;
    char *at;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if ((rc = clickup__lists_check(c, list_ids, list_count, concurrency))) return rc;
    if (!(all = (clickup_tasks *)clickup__result_new(&c->alloc, sizeof *all, 1 << 16))) return clickup__nomem(c, CLICKUP__ROUTE(GET_TASKS));
    memset(&ws, 0, sizeof ws);
    ws.c = c; ws.n = list_count; ws.concurrency = concurrency ? concurrency : 8; ws.collect = all;
    clickup__begin(c);
    rc = clickup__walk_lists(&ws, list_ids, q);
    if (!rc && ws.total) {      /* join: list by list, page by page */
        clickup__arena *a = clickup__result_arena(all);
        size_t bytes;
        if (!clickup__size_mul(ws.total, sizeof *all->items, &bytes) || !(all->items = (clickup_task *)clickup__arena_alloc(a, bytes, 16)))
            rc = clickup__fail(c, CLICKUP_ERR_NOMEM, "out of memory");
        for (i = 0, at = (char *)all->items; !rc && i < ws.n; i++) {
            const clickup__page *pg;
            for (pg = ws.w[i].gathered.first; pg; pg = pg->next) {
                if (pg->count) memcpy(at, pg->items, pg->count * sizeof *all->items);
                at += pg->count * sizeof *all->items;
            }
        }
    }
    all->count = ws.total; all->pages = ws.pages; all->truncated = ws.truncated;
    clickup__lwalks_free(&ws);
    if (rc) { clickup_tasks_free(all); return rc; }
    *out = all;
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_tasks_foreach_lists(clickup_client *c, const char *const *list_ids, size_t list_count,
                                                       const clickup_task_query *q, int concurrency, clickup_tasks_page_fn fn,
                                                       void *user, clickup_tasks *stats) {
    clickup__lwalks ws;
    clickup_result rc;
    if (stats) memset(stats, 0, sizeof *stats);
    if (!fn) return CLICKUP_ERR_INVALID_ARG;
    if ((rc = clickup__lists_check(c, list_ids, list_count, concurrency))) return rc;
    memset(&ws, 0, sizeof ws);
    ws.c = c; ws.n = list_count; ws.concurrency = concurrency ? concurrency : 8; ws.fn = fn; ws.user = user;
    clickup__begin(c);
    rc = clickup__walk_lists(&ws, list_ids, q);
    if (stats) { stats->count = ws.total; stats->pages = ws.pages; stats->truncated = ws.truncated; }
    clickup__lwalks_free(&ws);
    return rc;
}

CLICKUP_API void clickup_space_tree_free(clickup_space_tree *t) { clickup__result_free(t); }

/* A space's folders and folderless lists: the two reads at once, into one result. */
CLICKUP_API clickup_result clickup_space_tree_get(clickup_client *c, const char *space_id, const clickup_hierarchy_opts *opts,
                                                  clickup_space_tree **out) {
    static const char *const suffix[2] = { "/folder", "/list" };
    const clickup__route *routes[2];
    clickup__req *req[2] = { NULL, NULL };
    clickup_space_tree *tree;
    clickup_result rc = CLICKUP_OK;
    int i;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    routes[0] = CLICKUP__ROUTE(GET_FOLDERS); routes[1] = CLICKUP__ROUTE(GET_FOLDERLESS_LISTS);
    if (!clickup__valid_id(space_id)) return clickup__invalid(c, routes[0], "space id is empty or has characters an id cannot have");
    if (!(tree = (clickup_space_tree *)clickup__result_new(&c->alloc, sizeof *tree, 1 << 14))) return clickup__nomem(c, routes[0]);
    clickup__begin(c);
    for (i = 0; i < 2 && !rc; i++) {
        clickup__buf path;
        clickup__call call;
        if (clickup__path(c, &path, "/space/", space_id, suffix[i])) { rc = clickup__nomem(c, routes[i]); break; }
        memset(&call, 0, sizeof call);
        call.route = routes[i]; call.path = path.p; call.query = opts && opts->archived ? "?archived=true" : "";
        call.flags = opts ? opts->flags : 0;
        rc = clickup__req_new(c, &call, NULL, c->call_deadline, &req[i]);
        clickup__free(&c->alloc, path.p);
        if (!rc) clickup__req_start(req[i]);
    }
    for (i = 0; i < 2 && !rc; i++) {          /* both are in flight: wait for each, decode */
        clickup__xfer saved;
        clickup__dec d;
        const clickup_json *root = NULL;
        clickup__drive(req[i]);
        if ((rc = req[i]->rc) != CLICKUP_OK) { c->err = req[i]->err; break; }
        clickup__lend_body(c, req[i], &saved);
        if (!(rc = clickup__parse_body(c, clickup__result_arena(tree), &d, &root))) {
            rc = !clickup_json_is(root, CLICKUP_JSON_OBJECT) ? clickup__dec_fail(&d, "(root)", "is not an object")
                 : i == 0 ? clickup__decode_array(&d, root, "folders", 1, sizeof *tree->folders, clickup__folder_item,
                                                  (void **)&tree->folders, &tree->folder_count)
                          : clickup__decode_lists(&d, root, 1, &tree->lists, &tree->list_count);
            if (rc) rc = clickup__decode_failed(c, rc, &d);
            else if (req[i]->use_cache && !req[i]->from_cache)
                clickup__cache_store(c, req[i]->key.p, req[i]->key.len, c->body, c->body_len, req[i]->ttl, req[i]->route->cache);
            if (i == 0) tree->raw_folders = root; else tree->raw_lists = root;
        }
        clickup__return_body(c, req[i], &saved);
    }
    for (i = 0; i < 2; i++)
        if (req[i]) { clickup__req_free(req[i]); clickup__free(&c->alloc, req[i]); }
    if (rc) { clickup_space_tree_free(tree); return rc; }
    *out = tree;
    return CLICKUP_OK;
}

/* ==== [batch] ================================================================================
   Many requests at once on the calling thread: items start as slots free up (at most
   `concurrency` in flight), the pump moves them all, and each one that ends gets its result in
   its input slot. The limiter admits each request before it reaches libcurl.
   ============================================================================================= */
/* An item in flight: its request, and where its result goes. */
typedef struct clickup__slot {
    clickup__req *req;
    size_t        index;
} clickup__slot;

/* Build one item's request (validated; nothing sent). NULL with *rc set when the item is bad:
   the reason is in the client's last error. */
CLICKUP__FN clickup__req *clickup__batch_request(clickup_client *c, const clickup_batch_item *it, uint64_t deadline,
                                                 clickup_result *rc) {
    clickup__write w;
    clickup__call call;
    clickup__req *p = NULL;
    switch (it->kind) {
    case CLICKUP_BATCH_CALL:
        *rc = clickup__call_new(c, &it->request, &p);
        if (p && deadline < p->deadline) p->deadline = deadline;
        return p;
    case CLICKUP_BATCH_TASK_CREATE: *rc = clickup__build_task_create(c, it->list_id, it->task, &w); break;
    case CLICKUP_BATCH_TASK_UPDATE: *rc = clickup__build_task_update(c, it->task_ref, it->changes, &w); break;
    case CLICKUP_BATCH_TAG_ADD: *rc = clickup__build_tag(c, CLICKUP__ROUTE(ADD_TAG), it->task_ref, it->tag, &w); break;
    case CLICKUP_BATCH_TAG_REMOVE: *rc = clickup__build_tag(c, CLICKUP__ROUTE(REMOVE_TAG), it->task_ref, it->tag, &w); break;
    case CLICKUP_BATCH_FIELD_SET:
        *rc = clickup__build_field(c, CLICKUP__ROUTE(SET_FIELD), it->task_ref, it->field_id, it->value, &w);
        break;
    case CLICKUP_BATCH_FIELD_REMOVE:
        *rc = clickup__build_field(c, CLICKUP__ROUTE(REMOVE_FIELD), it->task_ref, it->field_id, NULL, &w);
        break;
    default:
        clickup__error_reset(c, "", "");
        *rc = clickup__fail(c, CLICKUP_ERR_INVALID_ARG, "unknown batch item kind %d (nothing was sent)", (int)it->kind);
        return NULL;
    }
    if (*rc == CLICKUP_OK) *rc = clickup__write_call(c, &w, &call);
    if (*rc == CLICKUP_OK) *rc = clickup__req_new(c, &call, 0, deadline, &p);
    clickup__write_free(c, &w);
    return p;
}

/* A typed write that answered with a task: decode it as its blocking call does (through the
   client's body buffer, which is lent the request's answer for the time of the decoding). */
CLICKUP__FN clickup_result clickup__batch_decode(clickup_client *c, clickup__req *p, clickup_batch_result *r) {
    clickup__xfer saved;
    clickup_result rc;
    clickup__lend_body(c, p, &saved);
    rc = clickup__get_decoded(c, p->route->result_size, p->route->decode, (void **)&r->task);
    clickup__return_body(c, p, &saved);
    if (rc != CLICKUP_OK) r->error = c->err;
    return rc;
}

/* An item ended: its response (and task), then the request goes. */
CLICKUP__FN void clickup__batch_collect(clickup_client *c, const clickup_batch_item *it, clickup__req *p, clickup_batch_result *r) {
    clickup_result rc = clickup__call_response(p, &r->response);
    if (!r->response) rc = clickup__req_fail(p, CLICKUP_ERR_NOMEM, "out of memory for the response");
    r->error = p->err;
    if (rc == CLICKUP_OK && it->kind != CLICKUP_BATCH_CALL && p->route->decode) rc = clickup__batch_decode(c, p, r);
    r->code = rc;
    r->error.code = rc;
    clickup__req_free(p);
    clickup__free(&c->alloc, p);
}

/* Abandon a request of a cancelled batch. Not sent yet, or a read: CANCELLED (a read changes
   nothing). A write in flight, or sent before and waiting to be retried, may have reached
   ClickUp: OUTCOME_UNKNOWN, saying whether it is safe to send again. */
CLICKUP__FN void clickup__req_cancel(clickup__req *p) {
    if (p->state == CLICKUP__S_DONE) return;
    if (p->state == CLICKUP__S_SENDING) p->sent = 1;
    if (p->sent && strcmp(p->rq.method, "GET") != 0)
        clickup__req_done(p, clickup__req_fail(p, CLICKUP_ERR_OUTCOME_UNKNOWN, "cancelled after the request was sent; the write may "
                                               "have happened (%s)", p->resend_ok ? "it is safe to send again" : "look before sending it again"));
    else
        clickup__req_done(p, clickup__req_fail(p, CLICKUP_ERR_CANCELLED, p->sent ? "a read cancelled before its answer came"
                                                                                : "cancelled before it was sent"));
}

CLICKUP__FN int clickup__batch_ended(clickup_batch *b, const clickup_batch_opts *o, size_t index, size_t *done) {
    clickup_batch_result *r = &b->results[index];
    (*done)++;
    if (r->code == CLICKUP_OK) b->ok++;
    else if (r->code == CLICKUP_ERR_CANCELLED) b->cancelled++;
    else b->failed++;
    if (o->progress && o->progress(o->progress_user, index, r, *done, b->count)) return 1;
    return r->code != CLICKUP_OK && o->stop_on_error;
}

CLICKUP_API clickup_result clickup_batch_run(clickup_client *c, const clickup_batch_item *items, size_t count,
                                             const clickup_batch_opts *opts, clickup_batch **out) {
    clickup_batch_opts o;
    clickup_batch *b;
    clickup__slot slots[64];
    size_t next = 0, running = 0, done = 0, i;
    uint64_t deadline = UINT64_MAX;
    int stop = 0;
    clickup_result rc = CLICKUP_OK;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c || (count && !items)) return CLICKUP_ERR_INVALID_ARG;
    memset(&o, 0, sizeof o);
    if (opts) o = *opts;
    if (o.concurrency < 0 || o.deadline_ms < 0) return CLICKUP_ERR_INVALID_ARG;
    if (!o.concurrency) o.concurrency = 8;
    if (o.concurrency > (int)CLICKUP__COUNT(slots)) o.concurrency = (int)CLICKUP__COUNT(slots);
    b = (clickup_batch *)clickup__result_new(&c->alloc, sizeof *b, 0);
    if (!b || !(b->results = (clickup_batch_result *)clickup__arena_calloc(clickup__result_arena(b), count, sizeof *b->results))) {
        clickup__result_free(b);
        return CLICKUP_ERR_NOMEM;
    }
    b->count = count;
    clickup__begin(c);
    if (o.deadline_ms) deadline = c->hooks.now_ms(c->hooks.user) + (uint64_t)o.deadline_ms;
    for (;;) {
        uint64_t now;
        while (!stop && running < (size_t)o.concurrency && next < count) {   /* start what fits */
            clickup_result brc;
            uint64_t own = c->hooks.now_ms(c->hooks.user) + (uint64_t)c->call_deadline_ms;
            clickup__req *p = clickup__batch_request(c, &items[next], own < deadline ? own : deadline, &brc);
            if (p && deadline <= own) p->deadline_cancels = 1;
            if (!p) {                 /* refused locally: nothing was sent */
                b->results[next].code = brc;
                b->results[next].error = c->err;
                stop |= clickup__batch_ended(b, &o, next, &done);
            } else {
                if (p->state != CLICKUP__S_DONE && !p->linked) clickup__req_start(p);
                slots[running].req = p;
                slots[running].index = next;
                running++;
            }
            next++;
        }
        if (!running) break;
        now = c->hooks.now_ms(c->hooks.user);
        clickup__pump(c, deadline == UINT64_MAX ? 1000 : deadline > now ? deadline - now : 1);
        for (i = 0; i < running;) {   /* collect what ended, keep the slots packed */
            clickup__req *p = slots[i].req;
            size_t index = slots[i].index;
            if (p->state != CLICKUP__S_DONE && (stop || c->hooks.now_ms(c->hooks.user) >= deadline)) clickup__req_cancel(p);
            if (p->state != CLICKUP__S_DONE) { i++; continue; }
            clickup__batch_collect(c, &items[index], p, &b->results[index]);
            slots[i] = slots[--running];
            stop |= clickup__batch_ended(b, &o, index, &done);
        }
        if (c->hooks.now_ms(c->hooks.user) >= deadline) stop = 1;
    }
    for (i = next; i < count; i++) {   /* never started */
        clickup_batch_result *r = &b->results[i];
        r->code = r->error.code = CLICKUP_ERR_CANCELLED;
        clickup__strlcpy(r->error.message, "not sent: the batch was stopped, cancelled or out of time", sizeof r->error.message);
        (void)clickup__batch_ended(b, &o, i, &done);
    }
    for (i = 0; i < count && rc == CLICKUP_OK; i++) rc = b->results[i].code;
    *out = b;
    return rc;
}

CLICKUP_API void clickup_batch_free(clickup_batch *b) {
    size_t i;
    if (!b) return;
    for (i = 0; i < b->count; i++) {
        clickup_response_free(b->results[i].response);
        clickup_task_free(b->results[i].task);
    }
    clickup__result_free(b);
}

/* ==== [webhooks] =============================================================================
   SHA-256 and HMAC-SHA256 (portable: bytes in and out by shifts, so byte order and alignment
   do not matter), the constant-time signature check, the event decoder (one table of event
   names: kind and what each makes stale in the cache), the de-duplication set, cache drops
   by event, and the four webhook calls over the engine. Secrets never reach a log line or an
   error message; the memory that held a webhook answer is overwritten before it is freed.
   ============================================================================================= */

/* Overwrite memory in a way the compiler may not drop as a dead store. */
CLICKUP__FN void clickup__wipe(void *p, size_t n) {
    volatile unsigned char *v = (volatile unsigned char *)p;
    if (!p) return;
    while (n--) *v++ = 0;
}

/* ---- SHA-256 (FIPS 180-4) --------------------------------------------------------------- */
static const uint32_t clickup__sha256_k[64] = {
    0x428a2f98u, 0x71374491u, 0xb5c0fbcfu, 0xe9b5dba5u, 0x3956c25bu, 0x59f111f1u, 0x923f82a4u, 0xab1c5ed5u,
    0xd807aa98u, 0x12835b01u, 0x243185beu, 0x550c7dc3u, 0x72be5d74u, 0x80deb1feu, 0x9bdc06a7u, 0xc19bf174u,
    0xe49b69c1u, 0xefbe4786u, 0x0fc19dc6u, 0x240ca1ccu, 0x2de92c6fu, 0x4a7484aau, 0x5cb0a9dcu, 0x76f988dau,
    0x983e5152u, 0xa831c66du, 0xb00327c8u, 0xbf597fc7u, 0xc6e00bf3u, 0xd5a79147u, 0x06ca6351u, 0x14292967u,
    0x27b70a85u, 0x2e1b2138u, 0x4d2c6dfcu, 0x53380d13u, 0x650a7354u, 0x766a0abbu, 0x81c2c92eu, 0x92722c85u,
    0xa2bfe8a1u, 0xa81a664bu, 0xc24b8b70u, 0xc76c51a3u, 0xd192e819u, 0xd6990624u, 0xf40e3585u, 0x106aa070u,
    0x19a4c116u, 0x1e376c08u, 0x2748774cu, 0x34b0bcb5u, 0x391c0cb3u, 0x4ed8aa4au, 0x5b9cca4fu, 0x682e6ff3u,
    0x748f82eeu, 0x78a5636fu, 0x84c87814u, 0x8cc70208u, 0x90befffau, 0xa4506cebu, 0xbef9a3f7u, 0xc67178f2u
};
#define CLICKUP__SHA256_MAX_BYTES ((((uint64_t)1) << 61) - 1)   /* the length in bits fits 64 bits */
#define CLICKUP__ROTR32(x, n) ((uint32_t)(((x) >> (n)) | ((x) << (32 - (n)))))

/* One 64-byte block into the state. */
CLICKUP__FN void clickup__sha256_block(uint32_t st[8], const unsigned char *p) {
    uint32_t w[64], a, b, c, d, e, f, g, h, t1, t2;
    int i;
    for (i = 0; i < 16; i++)
        w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 |
               (uint32_t)p[4 * i + 3];
    for (i = 16; i < 64; i++) {
        uint32_t s0 = CLICKUP__ROTR32(w[i - 15], 7) ^ CLICKUP__ROTR32(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = CLICKUP__ROTR32(w[i - 2], 17) ^ CLICKUP__ROTR32(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = (uint32_t)(w[i - 16] + s0 + w[i - 7] + s1);
    }
    a = st[0]; b = st[1]; c = st[2]; d = st[3]; e = st[4]; f = st[5]; g = st[6]; h = st[7];
    for (i = 0; i < 64; i++) {
        t1 = (uint32_t)(h + (CLICKUP__ROTR32(e, 6) ^ CLICKUP__ROTR32(e, 11) ^ CLICKUP__ROTR32(e, 25)) +
                        ((e & f) ^ (~e & g)) + clickup__sha256_k[i] + w[i]);
        t2 = (uint32_t)((CLICKUP__ROTR32(a, 2) ^ CLICKUP__ROTR32(a, 13) ^ CLICKUP__ROTR32(a, 22)) +
                        ((a & b) ^ (a & c) ^ (b & c)));
        h = g; g = f; f = e; e = (uint32_t)(d + t1); d = c; c = b; b = a; a = (uint32_t)(t1 + t2);
    }
    st[0] += a; st[1] += b; st[2] += c; st[3] += d; st[4] += e; st[5] += f; st[6] += g; st[7] += h;
}

CLICKUP_API void clickup_sha256_init(clickup_sha256 *ctx) {
    static const uint32_t iv[8] = { 0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
                                    0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u };
    if (!ctx) return;
    memset(ctx, 0, sizeof *ctx);
    memcpy(ctx->state, iv, sizeof iv);
}

CLICKUP_API void clickup_sha256_update(clickup_sha256 *ctx, const void *data, size_t len) {
    const unsigned char *p = (const unsigned char *)data;
    if (!ctx || ctx->err || !len) return;
    if (!p || ctx->bytes > CLICKUP__SHA256_MAX_BYTES || (uint64_t)len > CLICKUP__SHA256_MAX_BYTES - ctx->bytes) {
        ctx->err = 1;
        return;
    }
    ctx->bytes += (uint64_t)len;
    if (ctx->fill) {                          /* complete the partial block first */
        size_t take = 64u - ctx->fill < len ? 64u - ctx->fill : len;
        memcpy(ctx->buf + ctx->fill, p, take);
        ctx->fill += (unsigned)take;
        p += take;
        len -= take;
        if (ctx->fill < 64u) return;
        clickup__sha256_block(ctx->state, ctx->buf);
        ctx->fill = 0;
    }
    for (; len >= 64u; p += 64, len -= 64u) clickup__sha256_block(ctx->state, p);
    if (len) { memcpy(ctx->buf, p, len); ctx->fill = (unsigned)len; }
}

CLICKUP_API clickup_result clickup_sha256_final(clickup_sha256 *ctx, unsigned char out[32]) {
    uint64_t bits;
    int i;
    if (!ctx) { if (out) memset(out, 0, 32); return CLICKUP_ERR_INVALID_ARG; }
    if (!out || ctx->err || ctx->fill >= 64u) {
        if (out) memset(out, 0, 32);
        clickup__wipe(ctx, sizeof *ctx);
        return CLICKUP_ERR_INVALID_ARG;
    }
    bits = ctx->bytes << 3;                   /* bytes < 2^61: no overflow */
    ctx->buf[ctx->fill++] = 0x80;
    if (ctx->fill > 56u) {
        memset(ctx->buf + ctx->fill, 0, 64u - ctx->fill);
        clickup__sha256_block(ctx->state, ctx->buf);
        ctx->fill = 0;
    }
    memset(ctx->buf + ctx->fill, 0, 56u - ctx->fill);
    for (i = 0; i < 8; i++) ctx->buf[56 + i] = (unsigned char)(bits >> (56 - 8 * i));
    clickup__sha256_block(ctx->state, ctx->buf);
    for (i = 0; i < 8; i++) {
        out[4 * i] = (unsigned char)(ctx->state[i] >> 24);
        out[4 * i + 1] = (unsigned char)(ctx->state[i] >> 16);
        out[4 * i + 2] = (unsigned char)(ctx->state[i] >> 8);
        out[4 * i + 3] = (unsigned char)ctx->state[i];
    }
    clickup__wipe(ctx, sizeof *ctx);
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_hmac_sha256(const void *key, size_t key_len, const void *msg, size_t msg_len,
                                               unsigned char out[32]) {
    unsigned char k[64], pad[64], inner[32];
    clickup_sha256 s;
    clickup_result rc;
    int i;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    if ((!key && key_len) || (!msg && msg_len)) { memset(out, 0, 32); return CLICKUP_ERR_INVALID_ARG; }
    memset(k, 0, sizeof k);
    if (key_len > sizeof k) {                 /* RFC 2104: a long key is hashed first */
        clickup_sha256_init(&s);
        clickup_sha256_update(&s, key, key_len);
        if ((rc = clickup_sha256_final(&s, k)) != CLICKUP_OK) { memset(out, 0, 32); return rc; }
    } else if (key_len) {
        memcpy(k, key, key_len);
    }
    for (i = 0; i < 64; i++) pad[i] = (unsigned char)(k[i] ^ 0x36);
    clickup_sha256_init(&s);
    clickup_sha256_update(&s, pad, sizeof pad);
    clickup_sha256_update(&s, msg, msg_len);
    rc = clickup_sha256_final(&s, inner);
    if (rc == CLICKUP_OK) {
        for (i = 0; i < 64; i++) pad[i] = (unsigned char)(k[i] ^ 0x5c);
        clickup_sha256_init(&s);
        clickup_sha256_update(&s, pad, sizeof pad);
        clickup_sha256_update(&s, inner, sizeof inner);
        rc = clickup_sha256_final(&s, out);
    } else {
        memset(out, 0, 32);
    }
    clickup__wipe(k, sizeof k);
    clickup__wipe(pad, sizeof pad);
    clickup__wipe(inner, sizeof inner);
    clickup__wipe(&s, sizeof s);
    return rc;
}

/* ---- the signature ----------------------------------------------------------------------- */
CLICKUP_API clickup_result clickup_webhook_verify(const char *body, size_t body_len, const char *signature,
                                                  const char *const *secrets, size_t secret_count, size_t *matched) {
    unsigned char want[32], mac[32];
    size_t i, j, idx = 0;
    unsigned found = 0;
    clickup_result rc = CLICKUP_OK;
    if (matched) *matched = (size_t)-1;
    if ((!body && body_len) || !signature || !secrets || !secret_count) return CLICKUP_ERR_INVALID_ARG;
    for (i = 0; i < secret_count; i++)
        if (!secrets[i] || !secrets[i][0]) return CLICKUP_ERR_INVALID_ARG;
    /* Exactly 64 hex digits. The signature is public: checking it may stop early. A NUL ends
       the loop at its first digit, before anything past it is read. */
    for (i = 0; i < 32; i++) {
        int hi = clickup__hexval((unsigned char)signature[2 * i]), lo;
        if (hi < 0) return CLICKUP_ERR_INVALID_ARG;
        if ((lo = clickup__hexval((unsigned char)signature[2 * i + 1])) < 0) return CLICKUP_ERR_INVALID_ARG;
        want[i] = (unsigned char)(hi << 4 | lo);
    }
    if (signature[64] != '\0') return CLICKUP_ERR_INVALID_ARG;
    /* Every secret, every byte: no early exit, and the index is chosen without a branch. */
    for (i = 0; i < secret_count; i++) {
        unsigned diff = 0, eq;
        size_t sel;
        rc = clickup_hmac_sha256(secrets[i], strlen(secrets[i]), body ? body : "", body_len, mac);
        if (rc != CLICKUP_OK) break;          /* only a body too long for SHA-256 */
        for (j = 0; j < 32; j++) diff |= (unsigned)(mac[j] ^ want[j]);
        eq = ((diff - 1u) >> 8) & 1u;         /* diff <= 255: 1 exactly when it is 0 */
        sel = (size_t)0 - (size_t)(eq & (found ^ 1u));
        idx = (idx & ~sel) | (i & sel);
        found |= eq;
    }
    clickup__wipe(mac, sizeof mac);
    if (rc != CLICKUP_OK) return rc;
    if (!found) return CLICKUP_ERR_SIGNATURE;
    if (matched) *matched = idx;
    return CLICKUP_OK;
}

/* ---- the event table ----------------------------------------------------------------------
   One row per event name, in the order of clickup_webhook_event_type: its kind, the cache
   classes it makes stale (spaces = CLICKUP__CACHE_TEAM, the hierarchy, task pages; what was
   cached at a caller's request always goes too), and whether a list_id in the event narrows
   the task pages dropped to that list's. */
/*  X(ID,                         NAME,                      KIND,       SPACES, HIER, TASKS, NARROW) */
#define CLICKUP__EVENTS(X) \
    X(TASK_CREATED,               "taskCreated",             TASK,       0,      1,    1,     1) \
    X(TASK_UPDATED,               "taskUpdated",             TASK,       0,      1,    1,     1) \
    X(TASK_DELETED,               "taskDeleted",             TASK,       0,      1,    1,     1) \
    X(TASK_PRIORITY_UPDATED,      "taskPriorityUpdated",     TASK,       0,      0,    1,     1) \
    X(TASK_STATUS_UPDATED,        "taskStatusUpdated",       TASK,       0,      1,    1,     1) \
    X(TASK_ASSIGNEE_UPDATED,      "taskAssigneeUpdated",     TASK,       0,      0,    1,     1) \
    X(TASK_DUE_DATE_UPDATED,      "taskDueDateUpdated",      TASK,       0,      0,    1,     1) \
    X(TASK_TAG_UPDATED,           "taskTagUpdated",          TASK,       0,      0,    1,     1) \
    X(TASK_MOVED,                 "taskMoved",               TASK,       0,      1,    1,     0) \
    X(TASK_COMMENT_POSTED,        "taskCommentPosted",       TASK,       0,      0,    1,     1) \
    X(TASK_COMMENT_UPDATED,       "taskCommentUpdated",      TASK,       0,      0,    1,     1) \
    X(TASK_TIME_ESTIMATE_UPDATED, "taskTimeEstimateUpdated", TASK,       0,      0,    1,     1) \
    X(TASK_TIME_TRACKED_UPDATED,  "taskTimeTrackedUpdated",  TASK,       0,      0,    1,     1) \
    X(LIST_CREATED,               "listCreated",             LIST,       0,      1,    0,     0) \
    X(LIST_UPDATED,               "listUpdated",             LIST,       0,      1,    1,     1) \
    X(LIST_DELETED,               "listDeleted",             LIST,       0,      1,    1,     1) \
    X(FOLDER_CREATED,             "folderCreated",           FOLDER,     0,      1,    0,     0) \
    X(FOLDER_UPDATED,             "folderUpdated",           FOLDER,     0,      1,    1,     0) \
    X(FOLDER_DELETED,             "folderDeleted",           FOLDER,     0,      1,    1,     0) \
    X(SPACE_CREATED,              "spaceCreated",            SPACE,      1,      0,    0,     0) \
    X(SPACE_UPDATED,              "spaceUpdated",            SPACE,      1,      1,    0,     0) \
    X(SPACE_DELETED,              "spaceDeleted",            SPACE,      1,      1,    1,     0) \
    X(GOAL_CREATED,               "goalCreated",             GOAL,       0,      0,    0,     0) \
    X(GOAL_UPDATED,               "goalUpdated",             GOAL,       0,      0,    0,     0) \
    X(GOAL_DELETED,               "goalDeleted",             GOAL,       0,      0,    0,     0) \
    X(KEY_RESULT_CREATED,         "keyResultCreated",        KEY_RESULT, 0,      0,    0,     0) \
    X(KEY_RESULT_UPDATED,         "keyResultUpdated",        KEY_RESULT, 0,      0,    0,     0) \
    X(KEY_RESULT_DELETED,         "keyResultDeleted",        KEY_RESULT, 0,      0,    0,     0)

typedef struct clickup__event_row {
    const char   *name;
    unsigned char kind;          /* clickup_webhook_event_kind                               */
    unsigned char drops;         /* CLICKUP__INV_* of the cache                              */
    unsigned char narrow;        /* a list_id in the event narrows the task pages to its own */
} clickup__event_row;

#define CLICKUP__EVENT_ROW(id, name, kind, spaces, hier, tasks, narrow) \
    { name, (unsigned char)CLICKUP_EVENT_KIND_##kind,                                        \
      (unsigned char)((spaces ? CLICKUP__INV_TEAM : 0u) | (hier ? CLICKUP__INV_HIERARCHY : 0u) | \
                      (tasks ? CLICKUP__INV_TASKS : 0u)), narrow },
static const clickup__event_row clickup__event_rows[] = {
    { "", (unsigned char)CLICKUP_EVENT_KIND_UNKNOWN, (unsigned char)CLICKUP__INV_ALL, 0 },   /* UNKNOWN: everything */
    CLICKUP__EVENTS(CLICKUP__EVENT_ROW)
};
/* The rows are in enum order: each row's place equals its enum value (checked here, at
   compile time), and there is one row per value. */
#define CLICKUP__EVENT_INDEX(id, name, kind, spaces, hier, tasks, narrow) CLICKUP__EV_##id,
enum { CLICKUP__EV_UNKNOWN_ = 0, CLICKUP__EVENTS(CLICKUP__EVENT_INDEX) CLICKUP__EV_COUNT };
#define CLICKUP__EVENT_CHECK(id, name, kind, spaces, hier, tasks, narrow) \
    char clickup__ev_##id[(int)CLICKUP__EV_##id == (int)CLICKUP_EVENT_##id ? 1 : -1];
typedef struct clickup__event_rows_in_enum_order {
    CLICKUP__EVENTS(CLICKUP__EVENT_CHECK)
} clickup__event_rows_in_enum_order;
typedef char clickup__event_rows_complete[CLICKUP__COUNT(clickup__event_rows) == (size_t)CLICKUP__EV_COUNT &&
                                          (int)CLICKUP__EV_COUNT == (int)CLICKUP_EVENT_KEY_RESULT_DELETED + 1 ? 1 : -1];

CLICKUP__FN const clickup__event_row *clickup__event_row_of(clickup_webhook_event_type type) {
    unsigned i = (unsigned)type;
    return i < (unsigned)CLICKUP__EV_COUNT ? &clickup__event_rows[i] : &clickup__event_rows[0];
}

/* The type of a name of n bytes (a JSON string may hold a NUL: the length decides). */
CLICKUP__FN clickup_webhook_event_type clickup__event_lookup(const char *s, size_t n) {
    size_t i;
    for (i = 1; i < (size_t)CLICKUP__EV_COUNT; i++)
        if (strlen(clickup__event_rows[i].name) == n && memcmp(clickup__event_rows[i].name, s, n) == 0)
            return (clickup_webhook_event_type)i;
    return CLICKUP_EVENT_UNKNOWN;
}

CLICKUP_API const char *clickup_webhook_event_name(clickup_webhook_event_type type) {
    unsigned i = (unsigned)type;
    return i >= 1 && i < (unsigned)CLICKUP__EV_COUNT ? clickup__event_rows[i].name : NULL;
}

CLICKUP_API clickup_webhook_event_type clickup_webhook_event_type_of(const char *name) {
    return name ? clickup__event_lookup(name, strlen(name)) : CLICKUP_EVENT_UNKNOWN;
}

CLICKUP_API clickup_webhook_event_kind clickup_webhook_event_kind_of(clickup_webhook_event_type type) {
    return (clickup_webhook_event_kind)clickup__event_row_of(type)->kind;
}

/* ---- event decoding ------------------------------------------------------------------------ */
CLICKUP__FN clickup_result clickup__history_item(clickup__dec *d, const clickup_json *it, void *out) {
    clickup_webhook_history_item *o = (clickup_webhook_history_item *)out;
    const clickup_json *user = clickup_json_get(it, "user");
    clickup_i64 type = clickup__di64(it, "type");
    (void)d;
    o->raw = it;
    o->id = clickup__dstr_null(it, "id");
    o->type = type.value >= INT_MIN && type.value <= INT_MAX ? (int)type.value : 0;
    o->field = clickup__dstr_null(it, "field");
    o->date = clickup__di64(it, "date");
    clickup__decode_user(clickup_json_is(user, CLICKUP_JSON_OBJECT) ? user : NULL, &o->user);
    o->parent_id = clickup__dstr_null(it, "parent_id");
    o->before = clickup_json_get(it, "before");   /* NULL when the key is absent */
    o->after = clickup_json_get(it, "after");
    return CLICKUP_OK;
}

CLICKUP_API clickup_result clickup_webhook_event_parse(const char *body, size_t len, const clickup_allocator *alloc,
                                                       clickup_webhook_event **out) {
    clickup_webhook_event *e;
    clickup__dec d;
    const clickup_json *root, *ev;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!body && len) return CLICKUP_ERR_INVALID_ARG;
    e = (clickup_webhook_event *)clickup__result_new(alloc, sizeof *e, len < ((size_t)-1 / 8) ? len * 3 + 1024 : len);
    if (!e) return CLICKUP_ERR_NOMEM;
    memset(&d, 0, sizeof d);
    d.a = clickup__result_arena(e);
    rc = clickup__json_parse_arena(d.a, body ? body : "", len, &root, NULL);
    if (rc == CLICKUP_OK) {
        ev = clickup_json_get(root, "event");
        if (!clickup_json_is(root, CLICKUP_JSON_OBJECT) || !clickup_json_is(ev, CLICKUP_JSON_STRING)) {
            rc = CLICKUP_ERR_BAD_RESPONSE;
        } else {
            e->raw = root;
            e->event = ev->u.s;
            e->type = clickup__event_lookup(ev->u.s, ev->n);
            e->kind = clickup_webhook_event_kind_of(e->type);
            e->webhook_id = clickup__dstr_null(root, "webhook_id");
            e->task_id = clickup__dstr_null(root, "task_id");
            e->list_id = clickup__dstr_null(root, "list_id");
            e->folder_id = clickup__dstr_null(root, "folder_id");
            e->space_id = clickup__dstr_null(root, "space_id");
            e->goal_id = clickup__dstr_null(root, "goal_id");
            e->key_result_id = clickup__dstr_null(root, "key_result_id");
            rc = clickup__decode_array(&d, root, "history_items", 0, sizeof *e->history_items, clickup__history_item,
                                       (void **)&e->history_items, &e->history_item_count);
        }
    }
    if (rc != CLICKUP_OK) { clickup__result_free(e); return rc; }
    *out = e;
    return CLICKUP_OK;
}

CLICKUP_API void clickup_webhook_event_free(clickup_webhook_event *event) { clickup__result_free(event); }

/* ---- de-duplication ------------------------------------------------------------------------
   A FIFO ring of the last `capacity` keys and an open-addressing set of the same keys (linear
   probing, at most half full, deletion by backward shift so no tombstones pile up). Keys are
   64-bit, never 0 (0 marks an empty slot). */
struct clickup_webhook_dedup {
    clickup_allocator alloc;
    size_t    capacity, count, next;   /* ring: count used; when full, next is the oldest */
    uint64_t *ring;
    uint64_t *set;
    size_t    mask;                    /* set size - 1 (a power of two)                    */
};

CLICKUP__FN uint64_t clickup__dedup_key(const char *webhook_id, const char *event, const char *item_id) {
    clickup_sha256 s;
    unsigned char h[32];
    uint64_t k = 0;
    int i;
    clickup_sha256_init(&s);
    clickup_sha256_update(&s, webhook_id, strlen(webhook_id));
    clickup_sha256_update(&s, "", 1);       /* the 0 byte: ("ab","c") and ("a","bc") differ */
    clickup_sha256_update(&s, event, strlen(event));   /* taskCreated and the taskStatusUpdated
                                                          that comes with it are two events */
    clickup_sha256_update(&s, "", 1);
    clickup_sha256_update(&s, item_id, strlen(item_id));
    if (clickup_sha256_final(&s, h) != CLICKUP_OK) return 1;
    for (i = 0; i < 8; i++) k = k << 8 | h[i];
    return k ? k : 1;
}

CLICKUP__FN int clickup__dedup_has(const clickup_webhook_dedup *d, uint64_t k) {
    size_t i = (size_t)k & d->mask;
    for (; d->set[i]; i = (i + 1) & d->mask)
        if (d->set[i] == k) return 1;
    return 0;
}

CLICKUP__FN void clickup__dedup_unset(clickup_webhook_dedup *d, uint64_t k) {
    size_t i = (size_t)k & d->mask, j;
    while (d->set[i] && d->set[i] != k) i = (i + 1) & d->mask;
    if (!d->set[i]) return;
    for (j = i;;) {                          /* close the hole: pull back what probed past it */
        size_t home;
        int stays;
        j = (j + 1) & d->mask;
        if (!d->set[j]) break;
        home = (size_t)d->set[j] & d->mask;
        stays = i <= j ? (home > i && home <= j) : (home > i || home <= j);
        if (!stays) { d->set[i] = d->set[j]; i = j; }
    }
    d->set[i] = 0;
}

CLICKUP__FN void clickup__dedup_add(clickup_webhook_dedup *d, uint64_t k) {
    size_t i;
    if (clickup__dedup_has(d, k)) return;
    if (d->count == d->capacity) {           /* full: the oldest goes */
        clickup__dedup_unset(d, d->ring[d->next]);
        d->ring[d->next] = k;
        d->next = (d->next + 1) % d->capacity;
    } else {
        d->ring[d->count++] = k;
    }
    for (i = (size_t)k & d->mask; d->set[i]; i = (i + 1) & d->mask) {}
    d->set[i] = k;
}

CLICKUP_API clickup_result clickup_webhook_dedup_create(size_t capacity, const clickup_allocator *alloc,
                                                        clickup_webhook_dedup **out) {
    clickup_webhook_dedup *d;
    size_t slots = 16, ring_bytes, set_bytes;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!capacity) return CLICKUP_ERR_INVALID_ARG;
    if (capacity > SIZE_MAX / 4 / sizeof(uint64_t)) return CLICKUP_ERR_NOMEM;
    while (slots < capacity * 2) slots *= 2;          /* at most 4 * capacity: fits */
    if (!clickup__size_mul(capacity, sizeof(uint64_t), &ring_bytes) ||
        !clickup__size_mul(slots, sizeof(uint64_t), &set_bytes))
        return CLICKUP_ERR_NOMEM;
    d = (clickup_webhook_dedup *)clickup__malloc(alloc, sizeof *d);
    if (!d) return CLICKUP_ERR_NOMEM;
    memset(d, 0, sizeof *d);
    if (alloc) d->alloc = *alloc;
    d->capacity = capacity;
    d->mask = slots - 1;
    d->ring = (uint64_t *)clickup__malloc(&d->alloc, ring_bytes);
    d->set = (uint64_t *)clickup__malloc(&d->alloc, set_bytes);
    if (!d->ring || !d->set) { clickup_webhook_dedup_destroy(d); return CLICKUP_ERR_NOMEM; }
    memset(d->set, 0, set_bytes);
    *out = d;
    return CLICKUP_OK;
}

CLICKUP_API int clickup_webhook_dedup_seen(clickup_webhook_dedup *d, const clickup_webhook_event *e) {
    const char *wid, *ev;
    size_t i;
    int all = 1;
    if (!d || !e || !e->history_item_count || !e->history_items) return 0;
    wid = e->webhook_id ? e->webhook_id : "";
    ev = e->event ? e->event : "";
    for (i = 0; i < e->history_item_count; i++) {
        const char *id = e->history_items[i].id;
        if (!id || !id[0]) all = 0;            /* nothing tells its redelivery from a new change */
        else if (all && !clickup__dedup_has(d, clickup__dedup_key(wid, ev, id))) all = 0;
    }
    if (all) return 1;
    for (i = 0; i < e->history_item_count; i++) {
        const char *id = e->history_items[i].id;
        if (id && id[0]) clickup__dedup_add(d, clickup__dedup_key(wid, ev, id));
    }
    return 0;
}

CLICKUP_API void clickup_webhook_dedup_destroy(clickup_webhook_dedup *d) {
    clickup_allocator al;
    if (!d) return;
    al = d->alloc;
    clickup__free(&al, d->ring);
    clickup__free(&al, d->set);
    clickup__free(&al, d);
}

/* ---- cache drops by event ----------------------------------------------------------------- */
CLICKUP_API clickup_result clickup_cache_apply_event(clickup_client *c, const clickup_webhook_event *ev) {
    const clickup__event_row *row;
    const char *list_id = NULL;
    if (!c || !ev) return CLICKUP_ERR_INVALID_ARG;
    row = clickup__event_row_of(ev->type);
    if (row->narrow && clickup__valid_id(ev->list_id)) list_id = ev->list_id;
    if (row->narrow && !list_id && row->kind == CLICKUP_EVENT_KIND_TASK) {   /* a task event names
        no list, but its history items' parent_id is the task's list */
        size_t i;
        for (i = 0; i < ev->history_item_count && !list_id; i++)
            if (clickup__valid_id(ev->history_items[i].parent_id)) list_id = ev->history_items[i].parent_id;
    }
    /* through the cache front: the client's own cache, or a shared one (every process sees it) */
    clickup__cache_invalidate(c, row->drops | (1u << CLICKUP__CACHE_OTHER), list_id);
    CLICKUP__LOG(c, CLICKUP_LOG_DEBUG, "cache: a %s event dropped what it made stale",
                 row->name[0] ? row->name : "webhook (unknown type)");
    return CLICKUP_OK;
}

/* ---- managing webhooks -------------------------------------------------------------------- */
/* Free a result after overwriting every byte its arena handed out (the secret, the copy of
   the answer it was parsed from). The arena's own header lives in its first chunk, which is
   the last in the list: it is read before anything is overwritten. */
CLICKUP__FN void clickup__result_wipe_free(void *obj) {
    clickup__arena *a;
    clickup_allocator al;
    clickup__chunk *c, *next;
    if (!obj) return;
    a = clickup__result_arena(obj);
    al = a->alloc;
    for (c = a->head; c; c = next) {
        next = c->next;
        clickup__wipe((char *)c + CLICKUP__CHUNK_HDR, c->used);
        clickup__free(&al, c);
    }
}

/* The client's copy of the last answer (a webhook's, which may hold its secret), overwritten. */
CLICKUP__FN void clickup__wipe_answer(clickup_client *c) {
    if (c->body) clickup__wipe(c->body, c->body_cap > c->body_len ? c->body_cap : c->body_len);
}

CLICKUP__FN clickup_result clickup__decode_webhook(clickup__dec *d, const clickup_json *w, const char *fallback_id,
                                                   clickup_webhook *out) {
    const clickup_json *ev = clickup_json_get(w, "events"), *h = clickup_json_get(w, "health");
    const char **names;
    size_t i, n;
    if (!clickup_json_is(w, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "webhook", "is not an object");
    out->raw = w;
    out->id = clickup__dstr(w, "id");
    if (!out->id[0] && fallback_id) out->id = fallback_id;
    if (!out->id[0]) return clickup__dec_fail(d, "webhook.id", "is missing or not a string");
    out->userid = clickup__di64(w, "userid").value;
    out->team_id = clickup__dstr(w, "team_id");
    out->endpoint = clickup__dstr(w, "endpoint");
    out->client_id = clickup__dstr(w, "client_id");
    out->task_id = clickup__dstr_null(w, "task_id");
    out->list_id = clickup__dstr_null(w, "list_id");
    out->folder_id = clickup__dstr_null(w, "folder_id");
    out->space_id = clickup__dstr_null(w, "space_id");
    out->health.status = clickup__dstr(h, "status");
    out->health.fail_count = clickup__di64(h, "fail_count").value;
    out->secret = clickup__dstr_null(w, "secret");
    /* events: an array of names, or one string ("*") */
    n = clickup_json_is(ev, CLICKUP_JSON_ARRAY) ? clickup_json_len(ev)
      : clickup_json_is(ev, CLICKUP_JSON_STRING) ? 1 : 0;
    if (clickup__dalloc(d, n, sizeof *names, (void **)&names)) return CLICKUP_ERR_NOMEM;
    out->events = names;
    if (clickup_json_is(ev, CLICKUP_JSON_STRING)) { names[0] = ev->u.s; out->event_count = 1; return CLICKUP_OK; }
    for (i = 0; i < n; i++) {
        const clickup_json *name = clickup_json_at(ev, i);
        if (clickup_json_is(name, CLICKUP_JSON_STRING)) names[out->event_count++] = name->u.s;
    }
    return CLICKUP_OK;
}

CLICKUP__FN clickup_result clickup__webhook_item(clickup__dec *d, const clickup_json *item, void *out) {
    return clickup__decode_webhook(d, item, NULL, (clickup_webhook *)out);
}

/* GET: {"webhooks": [...]}. */
CLICKUP__FN clickup_result clickup__dec_webhooks(clickup__dec *d, const clickup_json *root, void *obj) {
    clickup_webhooks *out = (clickup_webhooks *)obj;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    out->raw = root;
    return clickup__decode_array(d, root, "webhooks", 1, sizeof *out->items, clickup__webhook_item, (void **)&out->items,
                                 &out->count);
}

/* POST and PUT: {"id": ..., "webhook": {...}}; a bare webhook object is accepted too. */
CLICKUP__FN clickup_result clickup__dec_webhook_answer(clickup__dec *d, const clickup_json *root, void *obj) {
    const clickup_json *w = clickup_json_get(root, "webhook");
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return clickup__dec_fail(d, "(root)", "is not an object");
    if (!clickup_json_is(w, CLICKUP_JSON_OBJECT)) w = root;
    return clickup__decode_webhook(d, w, clickup__dstr_null(root, "id"), (clickup_webhook *)obj);
}

CLICKUP_API void clickup_webhook_free(clickup_webhook *webhook) { clickup__result_wipe_free(webhook); }
CLICKUP_API void clickup_webhooks_free(clickup_webhooks *webhooks) { clickup__result_wipe_free(webhooks); }

/* Decode the last answer with fn into a new result of `size` bytes, as clickup__get_decoded
   does, except that a result that fails is overwritten before it is freed. */
CLICKUP__FN clickup_result clickup__webhook_decoded(clickup_client *c, size_t size, clickup__decode_fn fn, void **out) {
    clickup__dec d;
    const clickup_json *root = NULL;
    void *obj = clickup__result_new(&c->alloc, size, c->body_len / 2 * 7 + 4096);
    clickup_result rc;
    if (!obj) return clickup__fail(c, CLICKUP_ERR_NOMEM, "out of memory");
    rc = clickup__parse_body(c, clickup__result_arena(obj), &d, &root);
    if (rc == CLICKUP_OK && (rc = fn(&d, root, obj)) != CLICKUP_OK) rc = clickup__decode_failed(c, rc, &d);
    if (rc != CLICKUP_OK) { clickup__result_wipe_free(obj); return rc; }
    *out = obj;
    return CLICKUP_OK;
}

/* Perform a webhook call and decode its answer with fn (into *out when out is given, else
   only to check it); the client's copy of the answer is overwritten whatever happened. */
CLICKUP__FN clickup_result clickup__webhook_call(clickup_client *c, clickup__call *call, clickup__decode_fn fn, size_t size,
                                                 void **out) {
    clickup_result rc = clickup__perform(c, call);
    if (rc == CLICKUP_OK && fn) {
        void *tmp = NULL;
        rc = clickup__webhook_decoded(c, size, fn, out ? out : &tmp);
        clickup__result_wipe_free(tmp);
    }
    clickup__wipe_answer(c);
    return rc;
}

CLICKUP_API clickup_result clickup_webhooks_get(clickup_client *c, clickup_webhooks **out) {
    const clickup__route *route = CLICKUP__ROUTE(GET_WEBHOOKS);
    clickup__buf path;
    clickup__call call;
    const char *team;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup__begin(c);
    if ((rc = clickup__team(c, &team))) return rc;
    if (clickup__path(c, &path, "/team/", team, "/webhook")) return clickup__nomem(c, route);
    memset(&call, 0, sizeof call);
    call.route = route; call.path = path.p; call.query = "";
    rc = clickup__webhook_call(c, &call, clickup__dec_webhooks, sizeof(clickup_webhooks), (void **)out);
    clickup__free(&c->alloc, path.p);
    return rc;
}

/* Event names: NULL (with required = 0) or n >= 1 non-empty names without control characters. */
CLICKUP__FN const char *clickup__webhook_events_problem(const char *const *events, size_t n, int required) {
    size_t i;
    if (!n) return required ? "events are required: event names, or \"*\" for every event" : NULL;
    if (!events) return "event_count is set but events is NULL";
    for (i = 0; i < n; i++) {
        if (!events[i] || !events[i][0]) return "an event name is empty";
        if (!clickup__clean_text(events[i])) return "an event name has control characters";
    }
    return NULL;
}

/* A location id: a JSON number when it is a plain decimal number (no sign, no leading zero,
   in int64 range), as ClickUp's reference types space, folder and list ids; else a string. */
CLICKUP__FN void clickup__jw_location(clickup_json_writer *w, const char *key, const char *id) {
    size_t n = strlen(id);
    int64_t v;
    clickup_jw_key(w, key);
    if (strspn(id, "0123456789") == n && (id[0] != '0' || n == 1) && clickup__parse_i64(id, n, &v))
        clickup_jw_int64(w, v);
    else
        clickup_jw_string(w, id);
}

/* Validate a new webhook and write its body. A message on bad input, else NULL. */
CLICKUP__FN const char *clickup__webhook_new_body(const clickup_webhook_new *wh, clickup_json_writer *w) {
    static const char *const keys[4] = { "space_id", "folder_id", "list_id", "task_id" };
    const char *ids[4], *why;
    size_t i, given = 0;
    if (!wh) return "no webhook given";
    if (!wh->endpoint || !wh->endpoint[0]) return "endpoint is required";
    if (!clickup__clean_text(wh->endpoint)) return "endpoint has control characters";
    if ((why = clickup__webhook_events_problem(wh->events, wh->event_count, 1)) != NULL) return why;
    ids[0] = wh->space_id; ids[1] = wh->folder_id; ids[2] = wh->list_id; ids[3] = wh->task_id;
    for (i = 0; i < 4; i++) {
        if (!ids[i]) continue;
        given++;
        if (!clickup__valid_id(ids[i])) return "a location id is empty or has characters an id cannot have";
    }
    if (given > 1) return "give one location only: space_id, folder_id, list_id or task_id";
    if (given == 1 && wh->whole_workspace) return "whole_workspace and a location exclude each other";
    if (given == 0 && !wh->whole_workspace)
        return "a location is required: space_id, folder_id, list_id or task_id (or whole_workspace = 1)";
    clickup_jw_object_begin(w);
    clickup_jw_key(w, "endpoint");
    clickup_jw_string(w, wh->endpoint);
    clickup_jw_key(w, "events");
    clickup_jw_array_begin(w);
    for (i = 0; i < wh->event_count; i++) clickup_jw_string(w, wh->events[i]);
    clickup_jw_array_end(w);
    for (i = 0; i < 4; i++) {
        if (!ids[i]) continue;
        if (i == 3) { clickup_jw_key(w, keys[i]); clickup_jw_string(w, ids[i]); }   /* task ids are strings */
        else clickup__jw_location(w, keys[i], ids[i]);
    }
    clickup_jw_object_end(w);
    return NULL;
}

CLICKUP_API clickup_result clickup_webhook_create(clickup_client *c, const clickup_webhook_new *wh, clickup_webhook **out) {
    const clickup__route *route = CLICKUP__ROUTE(CREATE_WEBHOOK);
    clickup_json_writer w;
    clickup__buf path;
    clickup__call call;
    const char *why, *text, *team;
    size_t len;
    clickup_result rc;
    if (!out) return CLICKUP_ERR_INVALID_ARG;   /* the answer holds the secret: it must be kept */
    *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    clickup_json_writer_init(&w, &c->alloc);
    if ((why = clickup__webhook_new_body(wh, &w)) != NULL) {
        clickup_json_writer_free(&w);
        return clickup__invalid(c, route, "%s", why);
    }
    if ((rc = clickup_json_writer_finish(&w, &text, &len)) != CLICKUP_OK) {
        clickup_json_writer_free(&w);
        if (rc == CLICKUP_ERR_NOMEM) return clickup__nomem(c, route);
        return clickup__invalid(c, route, "the endpoint or an event name is not valid UTF-8");
    }
    clickup__begin(c);
    if ((rc = clickup__team(c, &team)) != CLICKUP_OK) { clickup_json_writer_free(&w); return rc; }
    if (clickup__path(c, &path, "/team/", team, "/webhook")) {
        clickup_json_writer_free(&w);
        return clickup__nomem(c, route);
    }
    memset(&call, 0, sizeof call);
    call.route = route; call.path = path.p; call.query = ""; call.body = text; call.body_len = len;
    rc = clickup__webhook_call(c, &call, clickup__dec_webhook_answer, sizeof(clickup_webhook), (void **)out);
    clickup__free(&c->alloc, path.p);
    clickup_json_writer_free(&w);
    return rc;
}

CLICKUP_API clickup_result clickup_webhook_update(clickup_client *c, const char *webhook_id, const clickup_webhook_changes *ch,
                                                  clickup_webhook **out) {
    const clickup__route *route = CLICKUP__ROUTE(UPDATE_WEBHOOK);
    clickup_json_writer w;
    clickup__buf path;
    clickup__call call;
    const char *why, *text;
    size_t len, i;
    clickup_result rc;
    if (out) *out = NULL;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    if (!clickup__valid_id(webhook_id))
        return clickup__invalid(c, route, "webhook id is empty or has characters an id cannot have");
    if (!ch) return clickup__invalid(c, route, "no changes given");
    if (ch->endpoint && (!ch->endpoint[0] || !clickup__clean_text(ch->endpoint)))
        return clickup__invalid(c, route, "endpoint is empty or has control characters");
    if (ch->status && (!ch->status[0] || !clickup__clean_text(ch->status)))
        return clickup__invalid(c, route, "status is empty or has control characters");
    if ((why = clickup__webhook_events_problem(ch->events, ch->event_count, 0)) != NULL)
        return clickup__invalid(c, route, "%s", why);
    if (!ch->endpoint && !ch->status && !ch->event_count) return clickup__invalid(c, route, "nothing to change");
    clickup_json_writer_init(&w, &c->alloc);
    clickup_jw_object_begin(&w);
    if (ch->endpoint) { clickup_jw_key(&w, "endpoint"); clickup_jw_string(&w, ch->endpoint); }
    if (ch->event_count == 1 && strcmp(ch->events[0], "*") == 0) {
        clickup_jw_key(&w, "events"); clickup_jw_string(&w, "*");
    } else if (ch->event_count) {
        clickup_jw_key(&w, "events");
        clickup_jw_array_begin(&w);
        for (i = 0; i < ch->event_count; i++) clickup_jw_string(&w, ch->events[i]);
        clickup_jw_array_end(&w);
    }
    if (ch->status) { clickup_jw_key(&w, "status"); clickup_jw_string(&w, ch->status); }
    clickup_jw_object_end(&w);
    if ((rc = clickup_json_writer_finish(&w, &text, &len)) != CLICKUP_OK) {
        clickup_json_writer_free(&w);
        if (rc == CLICKUP_ERR_NOMEM) return clickup__nomem(c, route);
        return clickup__invalid(c, route, "the endpoint, status or an event name is not valid UTF-8");
    }
    if (clickup__path(c, &path, "/webhook/", webhook_id, NULL)) {
        clickup_json_writer_free(&w);
        return clickup__nomem(c, route);
    }
    memset(&call, 0, sizeof call);
    call.route = route; call.path = path.p; call.query = ""; call.body = text; call.body_len = len;
    clickup__begin(c);
    rc = clickup__webhook_call(c, &call, clickup__dec_webhook_answer, sizeof(clickup_webhook), (void **)out);
    clickup__free(&c->alloc, path.p);
    clickup_json_writer_free(&w);
    return rc;
}

CLICKUP_API clickup_result clickup_webhook_delete(clickup_client *c, const char *webhook_id) {
    const clickup__route *route = CLICKUP__ROUTE(DELETE_WEBHOOK);
    clickup__buf path;
    clickup__call call;
    clickup_result rc;
    if (!c) return CLICKUP_ERR_INVALID_ARG;
    if (!clickup__valid_id(webhook_id))
        return clickup__invalid(c, route, "webhook id is empty or has characters an id cannot have");
    if (clickup__path(c, &path, "/webhook/", webhook_id, NULL)) return clickup__nomem(c, route);
    memset(&call, 0, sizeof call);
    call.route = route; call.path = path.p; call.query = ""; call.body = ""; call.body_len = 0;
    clickup__begin(c);
    rc = clickup__webhook_call(c, &call, NULL, 0, NULL);
    clickup__free(&c->alloc, path.p);
    return rc;
}

#endif /* CLICKUP_IMPLEMENTATION_ONCE */
#endif /* CLICKUP_IMPLEMENTATION */

/*
   REVISION HISTORY
   0.3.0 (2026-12-07)  Additions only.
     Added: clickup_pump_wakeup (another thread ends a pump's wait).
     Changed inside: the built-in limiter reckons what the server has left as the lowest
       Remaining of the server's window less the requests in flight and the exchanges that
       ended without a Remaining, afresh at each acquire. 0.2.0 took the requests in flight off
       each answer and kept the lowest result, counting twice what the server had already seen:
       8 busy threads used 93.5 % of the budget, now 100 %, still never more than the server
       has left. clickup_rate_state.server_remaining reports that reckoning. The file limiter
       keeps its 0.2.0 rule (its record is unchanged). clickup_fields_get's documentation
       names its routes; the implementation's [endpoints] is split into five sections.
   0.2.0 (2026-12-06)  Engine v2 and fixes. Additions only, with two changes of behaviour that
                       a documented contract required:
     - clickup_limiter_create(N, ...) with N > 0 is now a ceiling the server's
       X-RateLimit-Limit cannot raise (it used to follow the server upwards), so one token's
       budget can be split between programs; 0 still means "100, then what the server says".
     - CLICKUP_METRIC_ENDPOINTS grew to 138: one slot per route (clickup_metrics is larger).
     Added (engine): clickup_call, clickup_call_start, clickup_pump, clickup_call_done,
       clickup_call_finish, clickup_response_free, clickup_request, clickup_response,
       clickup_param, CLICKUP_RETRY_SAFE, CLICKUP_CACHE, clickup_limiter_create_ex,
       clickup_limiter_config, clickup_limiter_create_custom, clickup_limiter_methods,
       clickup_rate_observation, clickup_limiter_open_file, config.limiter_url,
       clickup_cache_create_custom, clickup_cache_methods, clickup_cache_destroy,
       config.cache, clickup_error.retry_in_ms, CLICKUP_ERR_SIGNATURE, CLICKUP_ERR_CANCELLED.
     Added (concurrency): clickup_batch_run, clickup_batch_free and their types,
       clickup_tasks_get_lists, clickup_tasks_foreach_lists, clickup_space_tree_get.
     Added (operations): a route table row for each of ClickUp's 137 operations;
       clickup_task_attachment_create; clickup_space_get/create/update/delete,
       clickup_folder_get/create/update/delete, clickup_list_create/update/delete,
       clickup_space_tags_get, clickup_space_tag_create/edit/delete, clickup_views_get,
       clickup_view_get, clickup_task_query.view_id (a view's tasks).
     Added (webhooks): clickup_sha256_init/update/final, clickup_hmac_sha256,
       clickup_webhook_verify, clickup_webhook_event_parse/free, clickup_webhook_dedup_*,
       clickup_cache_apply_event, clickup_webhooks_get, clickup_webhook_create/update/delete.
     Fixed: strict -std=c99/c11 builds whatever the include order; redaction safe for any
       token; overflow-checked sizes (max_response_bytes = SIZE_MAX means no cap); writes
       that may have happened invalidate the cache whatever their outcome; CLICKUP_RATE_FAIL
       never waits, also on a 429; Retry-After holds every client of a shared limiter and is
       honoured on 503 too; a configured limit is a ceiling; http:// only for loopback hosts
       (parsed by libcurl's URL API; no userinfo, query or fragment); the deadline covers the
       whole call; numbers correctly rounded at any length, without the locale; metrics for
       every route; no doubled method in messages; retry decisions per route (POST tag and
       field are idempotent, a 408 is always retried); the limiter's memory does not depend
       on what the server claims; the header list is wiped; libcurl can never resend a POST;
       the limiter takes an injected clock.
   0.1.0 (2026-11-28)  first release.

This software is available under 2 licenses -- choose whichever you prefer.
------------------------------------------------------------------------------
ALTERNATIVE A - MIT License
Copyright (c) 2026 the clickup.h authors
Permission is hereby granted, free of charge, to any person obtaining a copy of
this software and associated documentation files (the "Software"), to deal in
the Software without restriction, including without limitation the rights to
use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
of the Software, and to permit persons to whom the Software is furnished to do
so, subject to the following conditions:
The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.
THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
------------------------------------------------------------------------------
ALTERNATIVE B - Public Domain (www.unlicense.org)
This is free and unencumbered software released into the public domain.
Anyone is free to copy, modify, publish, use, compile, sell, or distribute this
software, either in source code form or as a compiled binary, for any purpose,
commercial or non-commercial, and by any means.
In jurisdictions that recognize copyright laws, the author or authors of this
software dedicate any and all copyright interest in the software to the public
domain. We make this dedication for the benefit of the public at large and to
the detriment of our heirs and successors. We intend this dedication to be an
overt act of relinquishment in perpetuity of all present and future rights to
this software under copyright law.
THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN
ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION
WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
------------------------------------------------------------------------------
*/

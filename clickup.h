/* clickup.h - v0.1.0 - ClickUp API v2 client in one C header.
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

   A whole program (this is examples/quickstart.c, which `make test` builds):

       clickup_client *cu = NULL;
       clickup_config cfg;
       char why[256];
       clickup_global_init();
       if (clickup_config_from_env(&cfg, why, sizeof why) < 0) { puts(why); return 1; }
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
   - Blocking HTTPS calls through libcurl on one reused handle per client (keep-alive).
   - A rate limiter on the monotonic clock, synced to ClickUp's X-RateLimit-* headers, that can be
     shared by every client of one token (ClickUp's limit is per token).
   - Retries with full-jitter backoff. POSTs (which create tasks) are never replayed blindly:
     when their outcome is unknown you get CLICKUP_ERR_OUTCOME_UNKNOWN.
   - A bounded TTL cache of GET responses, invalidated by your own writes.
   - Typed results, errors that carry the HTTP status and ClickUp's ECODE, log and metrics hooks.

   REQUIREMENTS
   ------------
   C99 (or C++98 and later), libcurl >= 7.62, POSIX threads and clock_gettime(CLOCK_MONOTONIC).
   If your first system include comes before any feature macro, clock_gettime may be hidden on
   some libcs: define _POSIX_C_SOURCE 200809L first, or pass your own clock in clickup_config.

   COMPILE-TIME OPTIONS (define before including)
   ----------------------------------------------
   CLICKUP_IMPLEMENTATION   emit the definitions; in exactly one translation unit.
   CLICKUP_STATIC           make every function static (define it everywhere you include).
   CLICKUP_API              linkage of public functions (default extern, or static above).
   CLICKUP_MALLOC(ctx,sz), CLICKUP_REALLOC(ctx,p,oldsz,newsz), CLICKUP_FREE(ctx,p)
                            default allocator; all three or none (implementation file only).
   CLICKUP_ASSERT(x)        checks for API misuse only; default assert() (implementation file).
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
   Blocking.  Every network call blocks until done: at most the per-call deadline
              (config.call_deadline_ms, default 90 s), including rate-limit waits and retries.
   Secrets.   The token is never logged, never put in an error message, and is wiped from the
              client's memory on destroy.

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
   Implementation: [arena] [json] [json-writer] [clock+limiter] [cache] [http] [errors]
                   [client] [decoders] [endpoints]

   REVISION HISTORY
   ----------------
   0.1.0  first release: JSON, request engine, spaces, members, tasks, templates, hierarchy.
*/

#ifndef CLICKUP_H
#define CLICKUP_H

#define CLICKUP_VERSION_MAJOR 0
#define CLICKUP_VERSION_MINOR 1
#define CLICKUP_VERSION_PATCH 0
#define CLICKUP_VERSION_STRING "0.1.0"

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
   Append only: codes are never renumbered or removed.
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
    CLICKUP_ERR_OUTCOME_UNKNOWN = -11, /* a write may or may not have happened: check first     */
    CLICKUP_ERR_BAD_RESPONSE    = -12, /* invalid JSON or an unexpected shape from the server   */
    CLICKUP_ERR_TOO_LARGE       = -13, /* the response exceeded config.max_response_bytes       */
    CLICKUP_ERR_HTTP            = -14, /* any other non-2xx status                              */
    CLICKUP_ERR_JSON            = -15, /* clickup_json_parse: the text is not valid JSON        */
    CLICKUP_ERR_CONFIG          = -16  /* configuration or environment is unusable              */
} clickup_result;

/* Static text for a result code; never NULL ("unknown error" for unknown codes). Pure. */
CLICKUP_API const char *clickup_strerror(clickup_result code);

/* The library version, "0.1.0". Compare with CLICKUP_VERSION_STRING. Pure. */
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
    CLICKUP_LOG_OFF = 0,
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
   CLOCK_MONOTONIC, CLOCK_REALTIME, nanosleep, and a xorshift generator seeded per client. */
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
    CLICKUP_RATE_FAIL               /* return CLICKUP_ERR_RATE_LIMITED instead of waiting   */
} clickup_rate_mode;

typedef struct clickup_limiter clickup_limiter;

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
    long backoff_base_ms;           /* 0 = 500                                               */
    long backoff_cap_ms;            /* first cap; doubles per retry: 0 = 2000 (2, 4, 8 s)     */

    clickup_log_fn    log;          /* NULL = silent                                         */
    void             *log_user;
    clickup_log_level log_level;    /* 0 = CLICKUP_LOG_INFO when log is set                  */

    const clickup_allocator *allocator; /* NULL = CLICKUP_MALLOC & co; copied by create      */
    clickup_hooks        hooks;
    clickup_transport_fn transport; /* NULL = libcurl                                        */
    void                *transport_user;
} clickup_config;

/* Zero every field (= all defaults). Pure. */
CLICKUP_API void clickup_config_init(clickup_config *cfg);

/* Fill cfg from the environment: CLICKUP_API_TOKEN (required), CLICKUP_TEAM_ID,
   CLICKUP_BASE_URL, CLICKUP_RATE_LIMIT, CLICKUP_RATE_WINDOW_S, CLICKUP_ENABLE_CACHE
   (true/false/1/0/yes/no), CLICKUP_TIMEOUT_MS, CLICKUP_LOG_LEVEL (off, error, warning,
   info, debug). cfg is zeroed first; its strings point into the environment.
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

/* Create a client. Checks the configuration (a token with CR, LF, NUL, space or other
   control characters, a non-HTTPS base URL, negative limits) before anything is sent.
   No request is made here: the workspace id, when not configured, is discovered on first use.
   Returns: CLICKUP_OK, CLICKUP_ERR_CONFIG, CLICKUP_ERR_NOMEM.
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
   Parameters: rate_limit and window_ms as in clickup_config (0 = defaults). */
CLICKUP_API clickup_result clickup_limiter_create(int rate_limit, int window_ms,
                                                  const clickup_allocator *alloc,
                                                  clickup_limiter **out);
CLICKUP_API void clickup_limiter_destroy(clickup_limiter *limiter);

/* The limiter's view, for monitoring. */
typedef struct clickup_rate_state {
    int      limit;                 /* requests per window in force (learned from headers)   */
    int      window_ms;
    int      available;             /* requests that may go now without waiting               */
    int      server_remaining;      /* last X-RateLimit-Remaining, -1 when never seen         */
    uint64_t reset_in_ms;           /* until the server's window resets (0 when unknown)      */
    uint64_t next_free_in_ms;       /* until the next request may go                          */
} clickup_rate_state;
CLICKUP_API clickup_result clickup_rate_get(clickup_client *client, clickup_rate_state *out);

/* Metrics of one client since creation. */
#define CLICKUP_METRIC_ENDPOINTS 16
typedef struct clickup_endpoint_metrics {
    const char *endpoint;           /* route template, e.g. "GET /task/{id}"                 */
    uint64_t    requests, errors;
    double      p50_ms, p95_ms, p99_ms;  /* over the last 256 requests                      */
} clickup_endpoint_metrics;

typedef struct clickup_metrics {
    uint64_t calls;                 /* public API calls                                      */
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

/* Drop every cached response of this client. */
CLICKUP_API void clickup_cache_clear(clickup_client *client);

/* Flags for the `flags` member of per-call options. */
#define CLICKUP_NO_CACHE 1u   /* neither read nor fill the cache for this call               */

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
    int include_closed, subtasks, reverse, include_markdown;
    int archived;                   /* list tasks only                                       */
    const char *order_by;           /* "id", "created", "updated", "due_date"; NULL = server */
    clickup_i64 due_date_gt, due_date_lt, date_updated_gt, date_updated_lt;
    int max_pages;                  /* 0 = 100; more pages than this sets `truncated`        */
    unsigned flags;
} clickup_task_query;

typedef struct clickup_tasks {
    clickup_task *items;
    size_t        count;
    size_t        pages;            /* pages fetched                                         */
    int           truncated;        /* 1 when max_pages stopped the walk early               */
    size_t        page_index;       /* in a foreach callback: this page's number (0-based)   */
} clickup_tasks;

/* Every task of a list or a space, all pages (page 0, 1, ... until last_page, or an empty
   or short page when last_page is absent), up to max_pages.
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
   clickup_task_free. Cache: invalidates the task's list pages and workspace task queries. */
CLICKUP_API clickup_result clickup_task_update(clickup_client *client, const char *task_ref,
                                               const clickup_task_changes *changes,
                                               clickup_task **out);

/* Add / remove a tag. POST|DELETE /task/{task_id}/tag/{tag_name}. Cache: invalidates task
   pages. */
CLICKUP_API clickup_result clickup_task_tag_add(clickup_client *client, const char *task_ref,
                                                const char *tag);
CLICKUP_API clickup_result clickup_task_tag_remove(clickup_client *client, const char *task_ref,
                                                   const char *tag);
/* Set / remove a custom field value. POST|DELETE /task/{task_id}/field/{field_id}, body
   {"value": ...}. value->id is ignored (field_id is used). Cache: invalidates task pages. */
CLICKUP_API clickup_result clickup_task_field_set(clickup_client *client, const char *task_ref,
                                                  const char *field_id,
                                                  const clickup_field_value *value);
CLICKUP_API clickup_result clickup_task_field_remove(clickup_client *client, const char *task_ref,
                                                     const char *field_id);

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

#ifdef __cplusplus
}
#endif
#endif /* CLICKUP_H */

/* #############################################################################################
   IMPLEMENTATION
   Everything below is compiled only where CLICKUP_IMPLEMENTATION is defined. Private names start
   with clickup__ and are static. Sections, in dependency order:
   [impl:macros] [arena] [json] [json-writer] [clock+limiter] [cache] [http] [errors] [client]
   [decoders] [endpoints]
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
#include <assert.h>
#include <pthread.h>

#if defined(CLICKUP_MALLOC) || defined(CLICKUP_REALLOC) || defined(CLICKUP_FREE)
#  if !defined(CLICKUP_MALLOC) || !defined(CLICKUP_REALLOC) || !defined(CLICKUP_FREE)
#    error "clickup.h: define all of CLICKUP_MALLOC, CLICKUP_REALLOC and CLICKUP_FREE, or none"
#  endif
#else
#  define CLICKUP_MALLOC(ctx, sz)               ((void)(ctx), malloc(sz))
#  define CLICKUP_REALLOC(ctx, p, oldsz, newsz) ((void)(ctx), (void)(oldsz), realloc((p), (newsz)))
#  define CLICKUP_FREE(ctx, p)                  ((void)(ctx), free(p))
#endif
#ifndef CLICKUP_ASSERT
#  define CLICKUP_ASSERT(x) assert(x)
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
    if (size > (size_t)-1 / 4) return NULL;
    c = clickup__chunk_new(a, size + align);
    if (!c) return NULL;
    at = CLICKUP__ALIGN_UP(c->used, align);
    c->used = at + size;
    return (char *)c + CLICKUP__CHUNK_HDR + at;
}

/* Give back the unused tail of the most recent allocation `p` (now `used` bytes long). */
CLICKUP__FN void clickup__arena_shrink_last(clickup__arena *a, void *p, size_t used) {
    clickup__chunk *c = a->head;
    char *data = (char *)c + CLICKUP__CHUNK_HDR;
    if ((char *)p >= data && (char *)p <= data + c->used) c->used = (size_t)((char *)p - data) + used;
}

CLICKUP__FN char *clickup__arena_strndup(clickup__arena *a, const char *s, size_t n) {
    char *d = (char *)clickup__arena_alloc(a, n + 1, 1);
    if (!d) return NULL;
    if (n) memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

CLICKUP__FN void *clickup__arena_calloc(clickup__arena *a, size_t count, size_t size) {
    void *p;
    if (size && count > ((size_t)-1 / 4) / size) return NULL;
    p = clickup__arena_alloc(a, count * size > 0 ? count * size : 1, 16);
    if (p) memset(p, 0, count * size);
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
    const unsigned char *p, *end, *start;
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

CLICKUP__FN int clickup__json_fail(clickup__jparser *ps, const unsigned char *at, const char *why) {
    ps->p = at;
    ps->reason = why;
    return 0;
}

CLICKUP__FN clickup_json *clickup__json_push(clickup__jparser *ps) {
    if (CLICKUP__UNLIKELY(ps->sp == ps->cap)) {
        size_t ncap = ps->cap ? ps->cap * 2 : 256;
        clickup_json *n = (clickup_json *)clickup__realloc(&ps->arena->alloc, ps->stk,
                                                           ps->cap * sizeof *n, ncap * sizeof *n);
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

/* A string with escapes: [s, ps->p) is plain text already scanned, ps->p is at a backslash. */
CLICKUP__FN int clickup__json_string_slow(clickup__jparser *ps, const unsigned char *s,
                                          clickup_json *v) {
    const unsigned char *p = ps->p, *end = ps->end, *q;
    unsigned char *out, *o;
    /* Find the closing quote first: the unescaped text is never longer than the escaped. */
    for (q = p; q < end && *q != '"'; q++)
        if (*q == '\\') q++;
    if (q >= end) return clickup__json_fail(ps, end, "unterminated string");
    out = (unsigned char *)clickup__arena_alloc(ps->arena, (size_t)(q - s) + 1, 1);
    if (!out) { ps->nomem = 1; ps->reason = "out of memory"; return 0; }
    memcpy(out, s, (size_t)(p - s));
    o = out + (p - s);
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
            memcpy(o, p, (size_t)k); o += k; p += k;
        }
    }
    *o = '\0';
    clickup__arena_shrink_last(ps->arena, out, (size_t)(o - out) + 1);
    v->type = CLICKUP_JSON_STRING;
    v->u.s = (const char *)out;
    v->n = (size_t)(o - out);
    ps->p = q + 1;
    return 1;
}

/* A string starting at the opening quote ps->p. */
CLICKUP__FN int clickup__json_string(clickup__jparser *ps, clickup_json *v) {
    const unsigned char *s = ps->p + 1, *p = s, *end = ps->end;
    char *out;
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
    out = clickup__arena_strndup(ps->arena, (const char *)s, (size_t)(p - s));
    if (!out) { ps->nomem = 1; ps->reason = "out of memory"; return 0; }
    v->type = CLICKUP_JSON_STRING;
    v->u.s = out;
    v->n = (size_t)(p - s);
    ps->p = p + 1;
    return 1;
}

/* A number: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?  The literal is kept. */
CLICKUP__FN int clickup__json_number(clickup__jparser *ps, clickup_json *v) {
    const unsigned char *s = ps->p, *p = s, *end = ps->end;
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

    memset(&ps, 0, sizeof ps);
    ps.start = ps.p = (const unsigned char *)text;
    ps.end = ps.p + (text ? len : 0);
    ps.arena = arena;
    *root = NULL;

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
        if (n) {
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
    /* Nodes and strings take about three times the input; start with that, double after. */
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

CLICKUP_API double clickup_json_as_double(const clickup_json *v, double fallback) {
    if (!v) return fallback;
    if (v->type == CLICKUP_JSON_NUMBER) return strtod(v->u.s, NULL);
    if (v->type == CLICKUP_JSON_STRING && v->n < 64 && clickup__is_number_text(v->u.s, v->n))
        return strtod(v->u.s, NULL);
    return fallback;
}
CLICKUP_API int clickup_json_as_bool(const clickup_json *v, int fallback) {
    return (v && v->type == CLICKUP_JSON_BOOL) ? (int)v->b : fallback;
}
CLICKUP_API const char *clickup_json_number_text(const clickup_json *v) {
    return (v && v->type == CLICKUP_JSON_NUMBER) ? v->u.s : NULL;
}
CLICKUP_API int clickup_json_equal(const clickup_json *a, const clickup_json *b) {
    size_t i;
    if (!a || !b) return a == b;
    if (a->type != b->type) return 0;
    switch (a->type) {
    case CLICKUP_JSON_NULL: return 1;
    case CLICKUP_JSON_BOOL: return a->b == b->b;
    case CLICKUP_JSON_NUMBER:
        return (a->n == b->n && memcmp(a->u.s, b->u.s, a->n) == 0) || strtod(a->u.s, NULL) == strtod(b->u.s, NULL);
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
    if (more > ((size_t)-1 / 4) - w->len) { w->err = CLICKUP_ERR_NOMEM; return 0; }
    need = w->len + more + 1;
    if (need <= w->cap) return 1;
    ncap = w->cap ? w->cap : 256;
    while (ncap < need) ncap *= 2;
    nb = (char *)clickup__realloc(&w->alloc, w->buf, w->cap, ncap);
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
    if (w->err) return 0;
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
    if (w->err) return;
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
/* Shortest of %.15g, %.16g, %.17g that reads back to the same double. The decimal point is
   forced to '.', whatever the C locale says. */
CLICKUP__FN int clickup__fmt_double(char *buf, size_t n, double v) {
    int prec, len = 0;
    char *p;
    for (prec = 15; prec <= 17; prec++) {
        len = snprintf(buf, n, "%.*g", prec, v);
        for (p = buf; *p; p++)
            if (*p != '-' && *p != '+' && *p != 'e' && (*p < '0' || *p > '9')) *p = '.';
        if (strtod(buf, NULL) == v) break;
    }
    return len;
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
    switch (code) {
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
    }
    return "unknown error";
}

CLICKUP_API const char *clickup_version(void) { return CLICKUP_VERSION_STRING; }

#endif /* CLICKUP_IMPLEMENTATION_ONCE */
#endif /* CLICKUP_IMPLEMENTATION */

/* webhook_receiver - receive ClickUp's webhook deliveries: verify, answer, de-duplicate, print.

       build/webhook_receiver [--port PORT | --listen HOST:PORT] (--secret S | --secret-file FILE)...
                              [--max-body BYTES] [--timeout SECONDS] [--allow-remote]
                              [--port-file FILE] [--cache-list LIST_ID]

       build/webhook_receiver --port 8791 --secret-file ~/.clickup_webhook.secrets &
       build/clickup webhook create --endpoint https://hooks.example.com/clickup \
             --event taskStatusUpdated --list 2101       (store the "secret" it prints)

   Build: make build/webhook_receiver (needs libmicrohttpd: Debian's libmicrohttpd-dev).

   WHAT IT DOES with every request, in this order (clickup.h's [api:webhook] recipe):
     1. POST only (405 otherwise, with Allow: POST); a body above --max-body (default 1 MiB) is
        refused with 413, before it is read when Content-Length says so.
     2. X-Signature: the HMAC-SHA256 of the raw body bytes, keyed with the webhook's secret,
        checked with clickup_webhook_verify against every secret given (a missing, malformed
        or wrong signature: 401, and the body is not even parsed).
     3. The body is decoded (clickup_webhook_event_parse): not JSON, or JSON without an
        "event" name: 400.
     4. The event is queued and the request answered 200 at once: verifying and decoding take
        microseconds, so the answer is well inside ClickUp's 7 s whatever the rest costs. A
        full queue (1024 events waiting) is answered 503: ClickUp delivers again later.
     5. A worker thread then drops redeliveries (clickup_webhook_dedup: ClickUp sends the same
        body again when an answer was lost or slow) and prints ONE JSON line per accepted
        event on stdout, flushed at once:
          {"event":"taskStatusUpdated","webhook_id":"...","task_id":"86abc123",
           "history_items":1,"secret_index":0}
        with list_id, folder_id, space_id, goal_id and key_result_id too when the event has
        them; secret_index says which secret verified it (0 = the first given).
   It never answers 410, which would make ClickUp suspend the webhook. Every request gets one
   log line on stderr (method, path, status, why or the event); a client that makes no progress
   for --timeout seconds (default 10) is disconnected, with a log line. Never on any output: a
   secret, a header, a body.

   SECRETS. ClickUp returns a webhook's secret once, when it is created (clickup webhook
   create prints it). --secret S (repeatable) puts it on the command line, where `ps` shows
   it; --secret-file FILE is better: one secret per line (blank lines and lines starting with
   '#' are skipped), the file not readable or writable by group or others (chmod 600). Several
   secrets allow a cut-over: ClickUp cannot rotate a secret, so you create a new webhook,
   accept both secrets, then delete the old webhook. SIGHUP reads --secret-file again (the
   --secret values stay): a new secret is taken without a restart. A secret file may be empty
   at the start (every delivery is then refused with 401 until SIGHUP loads a secret).

   THE CACHE (--cache-list LIST_ID, optional). Keeps a clickup.h client whose cached copy of
   the list's tasks stays fresh through the events rather than a TTL: the list is read once at
   the start (cached for an hour), and after each accepted event clickup_cache_apply_event
   drops what the event made stale and the list is read again. The event's line then also has
     "cache":{"list_id":"2101","read":"api","tasks":3,"task":{"id":...,"name":...,"status":...}}
   ("read" is "api" when the event dropped the cached copy, "cache" when it did not concern
   it; "task" is the event's task as that read shows it, or null). The client is configured
   from the environment as build/clickup is (CLICKUP_API_TOKEN, CLICKUP_BASE_URL, ...).

   LISTENING. --port PORT listens on 127.0.0.1:PORT (default 8791; 0 = any free port: see
   --port-file, which gets the bound port once listening). --listen HOST:PORT takes an IPv4
   literal, [IPv6] or localhost; an address that is not loopback is refused unless
   --allow-remote is given. ClickUp delivers from the internet to an https:// URL: put this
   behind your TLS reverse proxy, which forwards to its loopback address.

   SIGNALS. SIGTERM or SIGINT: stop accepting, close the connections, print the events already
   accepted, exit 0. SIGHUP: read --secret-file again.

   EXIT CODES. 0 stopped by SIGTERM/SIGINT; 1 could not start (listen, memory, the HTTP
   server, the --cache-list client's first read); 2 usage (options, a secret file that is
   missing, unreadable or open to others, no secret at all, a non-loopback address without
   --allow-remote, CLICKUP_* values for --cache-list).
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
#include <unistd.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <microhttpd.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

#define PROG "webhook_receiver"
#define DEFAULT_PORT 8791
#define DEFAULT_MAX_BODY ((size_t)1 << 20)
#define MAX_MAX_BODY ((size_t)64 << 20)
#define DEFAULT_TIMEOUT_S 10u
#define MAX_CONNECTIONS 64u
#define MAX_SECRETS 16
#define MAX_SECRET_LEN 1024
#define QUEUE_MAX 1024              /* events accepted and not yet printed; beyond: 503      */
#define DEDUP_CAPACITY 100000       /* (webhook, history item) pairs remembered              */
#define CACHE_TTL_MS 3600000L       /* --cache-list: events, not this TTL, keep it fresh     */

enum { EXIT_STOPPED = 0, EXIT_START = 1, EXIT_USAGE = 2 };

/* The statuses it answers (MHD's names for some changed between versions). */
enum {
    HTTP_OK = 200, HTTP_BAD_REQUEST = 400, HTTP_UNAUTHORIZED = 401, HTTP_METHOD_NOT_ALLOWED = 405,
    HTTP_TOO_LARGE = 413, HTTP_INTERNAL = 500, HTTP_UNAVAILABLE = 503
};

/* ==== options =============================================================================== */
typedef struct options {
    char        listen[128];        /* HOST:PORT                                              */
    const char *port_file;
    const char *secret_file;
    const char *secrets[MAX_SECRETS];   /* --secret values, in order                          */
    size_t      secret_count;
    size_t      max_body;
    unsigned    timeout_s;
    int         allow_remote;
    const char *cache_list;
} options;

static const char USAGE[] =
    "usage: webhook_receiver [--port PORT | --listen HOST:PORT] (--secret S | --secret-file FILE)...\n"
    "                        [--max-body BYTES] [--timeout SECONDS] [--allow-remote]\n"
    "                        [--port-file FILE] [--cache-list LIST_ID]\n"
    "\n"
    "Receives ClickUp webhook deliveries: checks X-Signature over the raw body (401 when it does\n"
    "not match), answers 200 at once, drops redeliveries, and prints one JSON line per event on\n"
    "stdout: {\"event\", the ids, \"history_items\": N, \"secret_index\": I}. Never answers 410.\n"
    "\n"
    "  --port PORT          listen on 127.0.0.1:PORT (default 8791; 0 = any free port)\n"
    "  --listen HOST:PORT   or on this address (IPv4, [IPv6] or localhost; loopback only unless\n"
    "                       --allow-remote)\n"
    "  --secret S           a webhook's secret (repeatable: accepts any of them; ps shows it)\n"
    "  --secret-file FILE   secrets, one per line, file mode 600; SIGHUP reads it again\n"
    "  --max-body BYTES     largest body accepted (default 1048576; else 413)\n"
    "  --timeout SECONDS    disconnect a client idle this long (default 10)\n"
    "  --allow-remote       allow a non-loopback --listen address\n"
    "  --port-file FILE     write the bound port to FILE once listening\n"
    "  --cache-list ID      keep a cached copy of list ID's tasks fresh with the events (a\n"
    "                       clickup.h client from CLICKUP_API_TOKEN, CLICKUP_BASE_URL, ...)\n"
    "\n"
    "Signals: SIGTERM/SIGINT stop (exit 0), SIGHUP reloads --secret-file.\n"
    "Exit codes: 0 stopped, 1 could not start, 2 usage or configuration.\n";

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

/* text, cut to fit out[n], with anything but printable ASCII as '?': for a log line. */
static void printable(const char *text, char *out, size_t n) {
    size_t i;
    for (i = 0; text[i] && i + 1 < n; i++) out[i] = (text[i] >= 0x20 && text[i] < 0x7f) ? text[i] : '?';
    out[i] = '\0';
}

/* One option with its value into o. 0, or an exit code (said why). */
static int store_option(options *o, const char *a, const char *v, int *have_port) {
    unsigned long long n;
    if (strcmp(a, "--port") == 0) {
        if (parse_size(v, 0, 65535, &n) < 0) return usage_error("--port wants a number from 0 to 65535, not %s", v);
        snprintf(o->listen, sizeof o->listen, "127.0.0.1:%llu", n);
        *have_port = 1;
    } else if (strcmp(a, "--listen") == 0) {
        if (strlen(v) >= sizeof o->listen) return usage_error("--listen: %s is too long", v);
        snprintf(o->listen, sizeof o->listen, "%s", v);
        *have_port |= 2;
    } else if (strcmp(a, "--secret") == 0) {
        if (o->secret_count == MAX_SECRETS) return usage_error("at most %s secrets", "16");
        if (strlen(v) > MAX_SECRET_LEN) return usage_error("%s", "a --secret is longer than 1024 characters");
        o->secrets[o->secret_count++] = v;
    } else if (strcmp(a, "--secret-file") == 0) {
        o->secret_file = v;
    } else if (strcmp(a, "--port-file") == 0) {
        o->port_file = v;
    } else if (strcmp(a, "--cache-list") == 0) {
        o->cache_list = v;
    } else if (strcmp(a, "--max-body") == 0) {
        if (parse_size(v, 1, MAX_MAX_BODY, &n) < 0)
            return usage_error("--max-body must be a number of bytes from 1 to 67108864, not %s", v);
        o->max_body = (size_t)n;
    } else if (strcmp(a, "--timeout") == 0) {
        if (parse_size(v, 1, 3600, &n) < 0) return usage_error("--timeout must be 1 to 3600 seconds, not %s", v);
        o->timeout_s = (unsigned)n;
    } else {
        return usage_error("unknown option %s", a);
    }
    return 0;
}

/* Fill o from argv. 0, -1 after --help (exit 0), or an exit code > 0. */
static int parse_options(int argc, char **argv, options *o) {
    int i, have_port = 0, rc;
    memset(o, 0, sizeof *o);
    o->max_body = DEFAULT_MAX_BODY;
    o->timeout_s = DEFAULT_TIMEOUT_S;
    snprintf(o->listen, sizeof o->listen, "127.0.0.1:%d", DEFAULT_PORT);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { fputs(USAGE, stdout); return -1; }
        if (strcmp(a, "--allow-remote") == 0) { o->allow_remote = 1; continue; }
        if (strncmp(a, "--", 2) != 0) return usage_error("unexpected argument %s", a);
        if (!v) return usage_error("%s needs a value", a);
        if (!*v && strcmp(a, "--secret") == 0) return usage_error("%s", "a --secret is empty");
        if (!*v) return usage_error("%s needs a value", a);
        if ((rc = store_option(o, a, v, &have_port)) != 0) return rc;
        i++;
    }
    if (have_port == 3) return usage_error("%s", "give --port or --listen, not both");
    if (!o->secret_count && !o->secret_file)
        return usage_error("%s", "give the webhook's secret: --secret S or --secret-file FILE");
    return 0;
}

/* ==== secrets ================================================================================
   The --secret values, then those of --secret-file, in g_secrets (under g_secrets_mu: SIGHUP
   replaces the file's part while requests are verified). Every copy is overwritten before it
   is freed. */
static pthread_mutex_t g_secrets_mu = PTHREAD_MUTEX_INITIALIZER;
static char  *g_secrets[2 * MAX_SECRETS];
static size_t g_secret_count, g_fixed_count;      /* all of them; the --secret ones first    */

static void wipe(void *p, size_t n) {
    volatile unsigned char *v = (volatile unsigned char *)p;
    while (n--) *v++ = 0;
}

static void free_secret(char *s) {
    if (!s) return;
    wipe(s, strlen(s));
    free(s);
}

/* A line of a secret file, trimmed of its line end and trailing blanks: "" to skip (blank or
   '#'), the secret, or NULL when it holds white space or control characters. */
static const char *secret_of_line(char *line) {
    size_t n = strlen(line), i;
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t')) line[--n] = '\0';
    if (!n || line[0] == '#') return "";
    for (i = 0; i < n; i++)
        if ((unsigned char)line[i] <= 0x20 || line[i] == 0x7f) return NULL;
    return line;
}

/* Read the secrets of path into out[] (at most MAX_SECRETS). The count, or -1 with why[] set
   (and nothing kept). */
static int read_secret_file(const char *path, char **out, char *why, size_t why_n) {
    char line[MAX_SECRET_LEN + 4];
    struct stat st;
    FILE *f = fopen(path, "r");
    int n = 0, lineno = 0, bad = 0;
    if (!f) { snprintf(why, why_n, "cannot open %s: %s", path, strerror(errno)); return -1; }
    if (fstat(fileno(f), &st) != 0 || (st.st_mode & (S_IRWXG | S_IRWXO))) {
        snprintf(why, why_n, "%s is open to group or others: chmod 600 it", path);
        fclose(f);
        return -1;
    }
    while (!bad && fgets(line, sizeof line, f)) {
        const char *s;
        lineno++;
        bad = 1;
        if (!strchr(line, '\n') && !feof(f)) snprintf(why, why_n, "%s: line %d is too long", path, lineno);
        else if (!(s = secret_of_line(line))) snprintf(why, why_n, "%s: line %d has white space inside", path, lineno);
        else if (*s && n == MAX_SECRETS) snprintf(why, why_n, "%s: more than %d secrets", path, MAX_SECRETS);
        else if (*s && !(out[n++] = strdup(s))) snprintf(why, why_n, "out of memory");
        else bad = 0;
    }
    wipe(line, sizeof line);
    fclose(f);
    if (!bad) return n;
    while (n-- > 0) { free_secret(out[n]); out[n] = NULL; }
    return -1;
}

/* (Re)load --secret-file into g_secrets after the --secret values. 0, or -1 (said why; the
   secrets in use stay). */
static int load_secret_file(const char *path) {
    char *fresh[MAX_SECRETS] = { NULL }, why[512];
    int n = read_secret_file(path, fresh, why, sizeof why);
    size_t i;
    if (n < 0) { fprintf(stderr, PROG ": %s\n", why); return -1; }
    pthread_mutex_lock(&g_secrets_mu);
    for (i = g_fixed_count; i < g_secret_count; i++) { free_secret(g_secrets[i]); g_secrets[i] = NULL; }
    for (i = 0; i < (size_t)n; i++) g_secrets[g_fixed_count + i] = fresh[i];
    g_secret_count = g_fixed_count + (size_t)n;
    pthread_mutex_unlock(&g_secrets_mu);
    fprintf(stderr, PROG ": %d secret(s) from %s%s\n", n, path,
            g_secret_count ? "" : ": none at all yet, every delivery is refused (401) until SIGHUP loads one");
    return 0;
}

static int load_secrets(const options *o) {
    size_t i;
    for (i = 0; i < o->secret_count; i++)
        if (!(g_secrets[i] = strdup(o->secrets[i]))) { fprintf(stderr, PROG ": out of memory\n"); return EXIT_START; }
    g_fixed_count = g_secret_count = o->secret_count;
    if (o->secret_file && load_secret_file(o->secret_file) < 0) return EXIT_USAGE;
    return 0;
}

static void free_secrets(void) {
    size_t i;
    for (i = 0; i < g_secret_count; i++) { free_secret(g_secrets[i]); g_secrets[i] = NULL; }
    g_secret_count = 0;
}

/* Check a signature against every secret. CLICKUP_OK (and *matched), CLICKUP_ERR_SIGNATURE,
   CLICKUP_ERR_INVALID_ARG (not 64 hex digits), or CLICKUP_ERR_CONFIG (no secret loaded). */
static clickup_result verify(const char *body, size_t len, const char *signature, size_t *matched) {
    clickup_result rc;
    pthread_mutex_lock(&g_secrets_mu);
    rc = g_secret_count ? clickup_webhook_verify(body, len, signature, (const char *const *)g_secrets, g_secret_count, matched)
                        : CLICKUP_ERR_CONFIG;
    pthread_mutex_unlock(&g_secrets_mu);
    return rc;
}

/* ==== the queue: accepted events, from the HTTP thread to the worker ===================== */
typedef struct job {
    clickup_webhook_event *event;
    size_t                 secret_index;
    struct job            *next;
} job;

static pthread_mutex_t g_queue_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t  g_queue_cv = PTHREAD_COND_INITIALIZER;
static job   *g_head, *g_tail;
static size_t g_queued;
static int    g_closing;                                /* no more events: drain and stop   */

/* Queue an event (taken). 0, or -1 when the queue is full or out of memory (not taken). */
static int enqueue(clickup_webhook_event *ev, size_t secret_index) {
    job *j;
    pthread_mutex_lock(&g_queue_mu);
    if (g_queued >= QUEUE_MAX || !(j = (job *)calloc(1, sizeof *j))) {
        pthread_mutex_unlock(&g_queue_mu);
        return -1;
    }
    j->event = ev;
    j->secret_index = secret_index;
    if (g_tail) g_tail->next = j; else g_head = j;
    g_tail = j;
    g_queued++;
    pthread_cond_signal(&g_queue_cv);
    pthread_mutex_unlock(&g_queue_mu);
    return 0;
}

/* The next job, waiting for one; NULL once closing and empty. */
static job *dequeue(void) {
    job *j;
    pthread_mutex_lock(&g_queue_mu);
    while (!g_head && !g_closing) pthread_cond_wait(&g_queue_cv, &g_queue_mu);
    if ((j = g_head) != NULL) {
        g_head = j->next;
        if (!g_head) g_tail = NULL;
        g_queued--;
    }
    pthread_mutex_unlock(&g_queue_mu);
    return j;
}

static void close_queue(void) {
    pthread_mutex_lock(&g_queue_mu);
    g_closing = 1;
    pthread_cond_broadcast(&g_queue_cv);
    pthread_mutex_unlock(&g_queue_mu);
}

/* ==== the cache (--cache-list) ============================================================== */
static clickup_client *g_client;                        /* used by the worker thread only   */
static const char     *g_cache_list;

static void log_library(void *user, clickup_log_level level, const char *line) {
    (void)user;
    fprintf(stderr, PROG ": clickup: %s: %s\n", level == CLICKUP_LOG_ERROR ? "error" : level == CLICKUP_LOG_WARNING
                                                ? "warning" : level == CLICKUP_LOG_INFO ? "info" : "debug", line);
}

/* Read the list's tasks; *from_api says whether it took a request (else the cache answered). */
static clickup_result cache_read(clickup_tasks **out, int *from_api) {
    clickup_task_query q;
    clickup_metrics before, after;
    clickup_result rc;
    memset(&q, 0, sizeof q);
    q.list_id = g_cache_list;
    q.include_closed = 1;
    clickup_metrics_get(g_client, &before);
    rc = clickup_tasks_get(g_client, &q, out);
    clickup_metrics_get(g_client, &after);
    *from_api = after.requests > before.requests;
    return rc;
}

/* The client from the environment, and the first read of the list. 0 or an exit code. */
static int cache_open(const char *list) {
    clickup_config cfg;
    clickup_tasks *tasks = NULL;
    clickup_result rc;
    char why[256];
    int from_api;
    if (clickup_config_from_env(&cfg, why, sizeof why) < 0 || clickup_config_check(&cfg, why, sizeof why) < 0) {
        fprintf(stderr, PROG ": --cache-list: configuration: %s\n", why);
        return EXIT_USAGE;
    }
    if (cfg.log_level > CLICKUP_LOG_OFF) cfg.log = log_library;
    cfg.disable_cache = 0;
    cfg.cache_ttl_tasks_ms = CACHE_TTL_MS;
    if (clickup_client_create(&cfg, &g_client) != CLICKUP_OK) { fprintf(stderr, PROG ": out of memory\n"); return EXIT_START; }
    g_cache_list = list;
    if ((rc = cache_read(&tasks, &from_api)) != CLICKUP_OK) {
        fprintf(stderr, PROG ": --cache-list %s: %s\n", list, clickup_last_error(g_client)->message);
        return EXIT_START;
    }
    fprintf(stderr, PROG ": cache: list %s: %zu task(s) read and cached for %ld min; events keep it fresh\n", list,
            tasks->count, CACHE_TTL_MS / 60000);
    clickup_tasks_free(tasks);
    return 0;
}

/* Apply the event to the cache, read the list again, and write "cache": {...} into w. */
static void cache_follow(clickup_json_writer *w, const clickup_webhook_event *ev) {
    clickup_tasks *tasks = NULL;
    const clickup_task *t = NULL;
    size_t i;
    int from_api = 0;
    clickup_cache_apply_event(g_client, ev);
    clickup_jw_key(w, "cache");
    clickup_jw_object_begin(w);
    clickup_jw_key(w, "list_id");
    clickup_jw_string(w, g_cache_list);
    if (cache_read(&tasks, &from_api) != CLICKUP_OK) {
        clickup_jw_key(w, "error");
        clickup_jw_string(w, clickup_last_error(g_client)->message);
    } else {
        clickup_jw_key(w, "read");
        clickup_jw_string(w, from_api ? "api" : "cache");
        clickup_jw_key(w, "tasks");
        clickup_jw_int64(w, (int64_t)tasks->count);
        for (i = 0; ev->task_id && i < tasks->count; i++)
            if (strcmp(tasks->items[i].id, ev->task_id) == 0) t = &tasks->items[i];
        clickup_jw_key(w, "task");
        if (!t) clickup_jw_null(w);
        else {
            clickup_jw_object_begin(w);
            clickup_jw_key(w, "id");     clickup_jw_string(w, t->id);
            clickup_jw_key(w, "name");   clickup_jw_string(w, t->name);
            clickup_jw_key(w, "status"); clickup_jw_string(w, t->status.status);
            clickup_jw_object_end(w);
        }
    }
    clickup_jw_object_end(w);
    clickup_tasks_free(tasks);
}

/* ==== the worker: de-duplicate, print ======================================================= */
static uint64_t g_printed, g_redelivered;                 /* worker thread only            */

static void put_id(clickup_json_writer *w, const char *key, const char *id, int always) {
    if (!id && !always) return;
    clickup_jw_key(w, key);
    clickup_jw_string(w, id);                           /* NULL is written as null */
}

/* The event's line on stdout, flushed. */
static void print_event(const clickup_webhook_event *ev, size_t secret_index) {
    clickup_json_writer w;
    const char *text;
    size_t len;
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    clickup_jw_key(&w, "event");
    clickup_jw_string(&w, ev->event);
    put_id(&w, "webhook_id", ev->webhook_id, 1);
    put_id(&w, "task_id", ev->task_id, 0);
    put_id(&w, "list_id", ev->list_id, 0);
    put_id(&w, "folder_id", ev->folder_id, 0);
    put_id(&w, "space_id", ev->space_id, 0);
    put_id(&w, "goal_id", ev->goal_id, 0);
    put_id(&w, "key_result_id", ev->key_result_id, 0);
    clickup_jw_key(&w, "history_items");
    clickup_jw_int64(&w, (int64_t)ev->history_item_count);
    clickup_jw_key(&w, "secret_index");
    clickup_jw_int64(&w, (int64_t)secret_index);
    if (g_client) cache_follow(&w, ev);
    clickup_jw_object_end(&w);
    if (clickup_json_writer_finish(&w, &text, &len) == CLICKUP_OK) {
        fwrite(text, 1, len, stdout);
        fputc('\n', stdout);
        fflush(stdout);
        g_printed++;
    } else {
        fprintf(stderr, PROG ": cannot write the line of a %s event (not valid UTF-8?)\n", ev->event);
    }
    clickup_json_writer_free(&w);
}

static void *worker_main(void *arg) {
    clickup_webhook_dedup *dedup = (clickup_webhook_dedup *)arg;
    job *j;
    while ((j = dequeue()) != NULL) {
        if (clickup_webhook_dedup_seen(dedup, j->event)) {
            char name[64], hook[64];
            printable(j->event->event, name, sizeof name);
            printable(j->event->webhook_id ? j->event->webhook_id : "(none)", hook, sizeof hook);
            g_redelivered++;
            fprintf(stderr, PROG ": %s of webhook %s: a redelivery, dropped\n", name, hook);
        } else {
            print_event(j->event, j->secret_index);
        }
        clickup_webhook_event_free(j->event);
        free(j);
    }
    return NULL;
}

/* ==== HTTP ================================================================================== */
static size_t   g_max_body = DEFAULT_MAX_BODY;
static unsigned g_timeout_s = DEFAULT_TIMEOUT_S;

typedef struct request {
    char    path[128];              /* for the log: printable, cut                            */
    int     answered;               /* a response was queued                                  */
    int     too_large;              /* the body went past --max-body: the rest is discarded   */
    char   *body;
    size_t  body_len, body_cap;
    struct timespec t0;
} request;

static long elapsed_ms(const request *r) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)(now.tv_sec - r->t0.tv_sec) * 1000 + (long)(now.tv_nsec - r->t0.tv_nsec) / 1000000;
}

/* Queue an answer: a small JSON body, and the request's log line ("what": the event or why). */
static enum MHD_Result answer(struct MHD_Connection *conn, const char *method, request *r, unsigned status,
                              const char *what) {
    char body[160];
    struct MHD_Response *resp;
    enum MHD_Result ret;
    int n = status == HTTP_OK ? snprintf(body, sizeof body, "{\"ok\":true}")
                              : snprintf(body, sizeof body, "{\"error\":\"%s\"}", what);
    r->answered = 1;
    fprintf(stderr, PROG ": %.16s %s %u %s ms=%ld\n", method, r->path, status, what, elapsed_ms(r));
    if (!(resp = MHD_create_response_from_buffer((size_t)n, body, MHD_RESPMEM_MUST_COPY))) return MHD_NO;
    MHD_add_response_header(resp, "Content-Type", "application/json");
    if (status == HTTP_METHOD_NOT_ALLOWED) MHD_add_response_header(resp, "Allow", "POST");
    ret = MHD_queue_response(conn, status, resp);
    MHD_destroy_response(resp);
    return ret;
}

/* The head is in: refuse what needs no body to be refused. */
static enum MHD_Result on_head(struct MHD_Connection *conn, const char *method, request *r) {
    const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
    unsigned long long length = 0;
    if (strcmp(method, "POST") != 0) return answer(conn, method, r, HTTP_METHOD_NOT_ALLOWED, "method not allowed: POST only");
    if (cl && (parse_size(cl, 0, ~0ull, &length) < 0 || length > g_max_body))
        return answer(conn, method, r, HTTP_TOO_LARGE, "body larger than --max-body");
    if (cl && length) {
        if (!(r->body = (char *)malloc((size_t)length + 1))) return MHD_NO;
        r->body_cap = (size_t)length + 1;
    }
    return MHD_YES;
}

/* Keep a piece of the body, up to --max-body (past it, remember and discard). 0 or -1. */
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

/* The whole body is in: verify, decode, queue, answer. */
static enum MHD_Result on_body_done(struct MHD_Connection *conn, const char *method, request *r) {
    const char *sig = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-Signature");
    const char *body = r->body ? r->body : "";
    clickup_webhook_event *ev = NULL;
    clickup_result rc;
    size_t matched = 0;
    char name[64];
    if (r->too_large) return answer(conn, method, r, HTTP_TOO_LARGE, "body larger than --max-body");
    if (!sig || !*sig) return answer(conn, method, r, HTTP_UNAUTHORIZED, "no X-Signature");
    rc = verify(body, r->body_len, sig, &matched);
    if (rc == CLICKUP_ERR_SIGNATURE) return answer(conn, method, r, HTTP_UNAUTHORIZED, "signature does not match");
    if (rc != CLICKUP_OK)
        return answer(conn, method, r, HTTP_UNAUTHORIZED,
                      rc == CLICKUP_ERR_CONFIG ? "no secret loaded" : "X-Signature is not 64 hex digits");
    rc = clickup_webhook_event_parse(body, r->body_len, NULL, &ev);
    if (rc == CLICKUP_ERR_JSON) return answer(conn, method, r, HTTP_BAD_REQUEST, "body is not JSON");
    if (rc == CLICKUP_ERR_BAD_RESPONSE) return answer(conn, method, r, HTTP_BAD_REQUEST, "not a ClickUp event: no event name");
    if (rc != CLICKUP_OK) return answer(conn, method, r, HTTP_INTERNAL, "out of memory");
    printable(ev->event, name, sizeof name);           /* the worker may free ev any time now */
    if (enqueue(ev, matched) < 0) {
        clickup_webhook_event_free(ev);
        return answer(conn, method, r, HTTP_UNAVAILABLE, "queue full, deliver again later");
    }
    return answer(conn, method, r, HTTP_OK, name);
}

/* MHD's access handler: once with the head, once per piece of body, once at the end. */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
                                  const char *version, const char *upload_data, size_t *upload_data_size,
                                  void **con_cls) {
    request *r = (request *)*con_cls;
    (void)cls; (void)version;
    if (!r) {
        if (!(r = (request *)calloc(1, sizeof *r))) return MHD_NO;
        *con_cls = r;
        clock_gettime(CLOCK_MONOTONIC, &r->t0);
        printable(url, r->path, sizeof r->path);
        return on_head(conn, method, r);
    }
    if (r->answered) { *upload_data_size = 0; return MHD_YES; }   /* refused at the head */
    if (*upload_data_size) {
        if (take_body(r, upload_data, *upload_data_size) < 0) return MHD_NO;
        *upload_data_size = 0;
        return MHD_YES;
    }
    return on_body_done(conn, method, r);
}

/* The request is over: log a client that timed out, free its state. */
static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls, enum MHD_RequestTerminationCode toe) {
    request *r = (request *)*con_cls;
    (void)cls; (void)conn;
    if (!r) return;
    if (toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED)
        fprintf(stderr, PROG ": POST %s: slow client: no progress for %u s, disconnected after %zu body bytes\n", r->path,
                g_timeout_s, r->body_len);
    else if (!r->answered && toe != MHD_REQUEST_TERMINATED_COMPLETED_OK)
        fprintf(stderr, PROG ": %s: connection closed before the request was complete\n", r->path);
    free(r->body);
    free(r);
    *con_cls = NULL;
}

static void on_mhd_error(void *cls, const char *fmt, va_list ap) {
    (void)cls;
    fprintf(stderr, PROG ": http: ");
    vfprintf(stderr, fmt, ap);                          /* MHD's lines end in '\n' */
}

/* ==== listening (as examples/clickup_proxy.c) ============================================= */
/* Is the address this machine? 127.0.0.0/8, ::1, ::ffff:127.x.x.x. */
static int is_loopback(const struct sockaddr_storage *ss) {
    if (ss->ss_family == AF_INET) return (ntohl(((const struct sockaddr_in *)ss)->sin_addr.s_addr) >> 24) == 127;
    if (ss->ss_family == AF_INET6) {
        static const unsigned char v4mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
        static const unsigned char one[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
        const unsigned char *a = ((const struct sockaddr_in6 *)ss)->sin6_addr.s6_addr;
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
    if ((hn = (size_t)(colon - spec)) >= sizeof host) return -1;
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

/* Bind and listen. The socket and *port, or -1 with *exit_code (said why). */
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
        fprintf(stderr, PROG ": refusing to listen on %s: not a loopback address (use --allow-remote, and put "
                "TLS in front: the receiver speaks plain HTTP)\n", o->listen);
        return -1;
    }
    *exit_code = EXIT_START;
    if ((fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0) {
        fprintf(stderr, PROG ": socket: %s\n", strerror(errno));
        return -1;
    }
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, (struct sockaddr *)&ss, len) < 0 || listen(fd, 64) < 0 || getsockname(fd, (struct sockaddr *)&ss, &len) < 0) {
        fprintf(stderr, PROG ": cannot listen on %s: %s\n", o->listen, strerror(errno));
        close(fd);
        return -1;
    }
    *port = ntohs(ss.ss_family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port : ((struct sockaddr_in *)&ss)->sin_port);
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

static struct MHD_Daemon *start_daemon(int listen_fd) {
    return MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG,  /* ITC: for quiesce */
                            0, NULL, NULL, on_request, NULL,
                            MHD_OPTION_EXTERNAL_LOGGER, on_mhd_error, NULL,      /* first, or MHD warns */
                            MHD_OPTION_LISTEN_SOCKET, listen_fd,
                            MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
                            MHD_OPTION_CONNECTION_TIMEOUT, g_timeout_s,
                            MHD_OPTION_CONNECTION_LIMIT, MAX_CONNECTIONS,
                            MHD_OPTION_END);
}

/* ==== main ================================================================================== */
/* Serve until SIGTERM or SIGINT; SIGHUP reloads the secret file. */
static void serve(const options *o, const sigset_t *sigs) {
    int sig = 0;
    for (;;) {
        if (sigwait(sigs, &sig) != 0) continue;
        if (sig != SIGHUP) break;
        if (!o->secret_file) { fprintf(stderr, PROG ": SIGHUP: no --secret-file to read again\n"); continue; }
        if (load_secret_file(o->secret_file) < 0) fprintf(stderr, PROG ": SIGHUP: the secrets in use are kept\n");
    }
    fprintf(stderr, PROG ": signal %d: stopping\n", sig);
}

/* Stop: no new connections, close the open ones, print what was accepted, wait for the worker. */
static void stop(struct MHD_Daemon *daemon, pthread_t worker) {
    MHD_socket listener = MHD_quiesce_daemon(daemon);
    if (listener != MHD_INVALID_SOCKET) close(listener);
    MHD_stop_daemon(daemon);
    close_queue();
    pthread_join(worker, NULL);
    fprintf(stderr, PROG ": stopped: %llu event(s) printed, %llu redelivery(ies) dropped\n",
            (unsigned long long)g_printed, (unsigned long long)g_redelivered);
}

/* Listen, start the server and the worker, serve. The exit code. */
static int run(const options *o, const sigset_t *sigs, clickup_webhook_dedup *dedup) {
    struct MHD_Daemon *daemon;
    pthread_t worker;
    int fd, port = 0, rc;
    if ((fd = listen_tcp(o, &port, &rc)) < 0) return rc;
    if (pthread_create(&worker, NULL, worker_main, dedup) != 0) {
        fprintf(stderr, PROG ": cannot start the worker thread\n");
        close(fd);
        return EXIT_START;
    }
    if (!(daemon = start_daemon(fd))) {
        fprintf(stderr, PROG ": the HTTP server (libmicrohttpd) did not start\n");
        close(fd);
        close_queue();
        pthread_join(worker, NULL);
        return EXIT_START;
    }
    if (o->port_file && write_port_file(o->port_file, port) != 0) {
        fprintf(stderr, PROG ": cannot write %s\n", o->port_file);
        stop(daemon, worker);
        return EXIT_START;
    }
    fprintf(stderr, PROG ": listening on http://%.*s:%d/ (%zu secret(s), max body %zu bytes)\n",
            (int)(strrchr(o->listen, ':') - o->listen), o->listen, port, g_secret_count, g_max_body);
    serve(o, sigs);
    stop(daemon, worker);
    return EXIT_STOPPED;
}

int main(int argc, char **argv) {
    options o;
    clickup_webhook_dedup *dedup = NULL;
    sigset_t sigs;
    int rc;
    if ((rc = parse_options(argc, argv, &o)) != 0) return rc < 0 ? 0 : rc;
    g_max_body = o.max_body;
    g_timeout_s = o.timeout_s;
    /* The signals go to sigwait only: block them before any thread exists (MHD's, libcurl's). */
    sigemptyset(&sigs);
    sigaddset(&sigs, SIGTERM);
    sigaddset(&sigs, SIGINT);
    sigaddset(&sigs, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &sigs, NULL);
    signal(SIGPIPE, SIG_IGN);
    if ((rc = load_secrets(&o)) != 0) { free_secrets(); return rc; }
    if (clickup_global_init() != CLICKUP_OK) { fprintf(stderr, PROG ": libcurl failed to start\n"); free_secrets(); return EXIT_START; }
    if (clickup_webhook_dedup_create(DEDUP_CAPACITY, NULL, &dedup) != CLICKUP_OK) {
        fprintf(stderr, PROG ": out of memory\n");
        rc = EXIT_START;
    } else if (!o.cache_list || (rc = cache_open(o.cache_list)) == 0) {
        rc = run(&o, &sigs, dedup);
    }
    clickup_webhook_dedup_destroy(dedup);
    clickup_client_destroy(g_client);
    clickup_global_cleanup();
    free_secrets();
    return rc;
}

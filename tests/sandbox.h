/* sandbox.h - a loopback imitation of the ClickUp API v2, for tests and `make demo`.

   One call starts an HTTP/1.1 server on 127.0.0.1 (keep-alive, Content-Length bodies, one
   thread per connection, at most SANDBOX_MAX_CONNECTIONS at once) that answers like
   api.clickup.com/api/v2 with a small fixed workspace (described below) and records every
   request it receives. Faults can be injected per method and path prefix. It never connects
   anywhere itself. tests/sandbox.c implements it; build/sandbox (tests/sandbox_main.c) runs it
   as a standalone process.

       sandbox_opts o = {0};               // all defaults
       sandbox *sb = sandbox_start(&o);    // NULL on failure
       char url[64];
       sandbox_base_url(sb, url, sizeof url);   // "http://127.0.0.1:PORT/api/v2"
       ... point the client at url with token SANDBOX_TOKEN ...
       sandbox_stop(sb);                   // joins every thread, frees everything

   AUTH (as ClickUp): header "Authorization: pk_..." for personal tokens (no "Bearer"),
     "Authorization: Bearer <token>" for OAuth tokens.
     missing header            -> 401 {"err":"Authorization header required","ECODE":"OAUTH_017"}
     unknown token             -> 401 {"err":"Token invalid","ECODE":"OAUTH_025"}
     team the token can't see -> 401 {"err":"Team(s) not authorized","ECODE":"OAUTH_023"}
     unknown space or folder   -> 401 {"err":"Team not authorized","ECODE":"OAUTH_027"}
     unknown list              -> 404 {"err":"List not found","ECODE":"ITEM_017"}
     unknown task id           -> 404 {"err":"Task not found, deleted","ECODE":"ITEM_013"}
     custom id without custom_task_ids=true -> 401 OAUTH_023 (what ClickUp does)
     unknown route             -> 404 {"err":"Route not found","ECODE":"APP_001"}

   RATE LIMIT: per token (the header value without "Bearer "), fixed windows aligned to
     multiples of rate_window_s in Unix time. Every answer outside /_sandbox/ carries
     X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset (end of the window, Unix
     SECONDS). Beyond the limit: 429 {"err":"Rate limit reached","ECODE":"APP_002"}, Remaining 0,
     and the request is not applied. rate_limit 0: never 429, the headers say Limit 10000 and
     use a 60 s window.

   DATA (ids are strings unless said otherwise)
     Tokens:   opts.token (default "pk_sandbox_token") sees team 9001; "pk_multi_team" sees 9001
               and 9002; "Bearer oauth_sandbox_token" sees 9001. All act as user 183.
     Team 9001 "Ecomlabs Sandbox": members 183 Ada Owner (role 1), 2772463 Grace Member (3),
               5001 Guest Gus (4).  Team 9002 "Second Agency": member 7001.
     Spaces:   790 "Client A", 791 "Private Ops" (private, with members), 792 "Old Brand"
               (archived; only with ?archived=true, which returns archived spaces only),
               890 "Agency Space" (team 9002).
     Folders:  1100 "Onboarding" (space 790) with lists 2100 "Big List", 2101 "Small List";
               1101 "SOP Library" (space 791) with list 2102 "SOP Templates".
     Folderless lists: 2200 "Inbox" (space 790), 2900 "Agency Inbox" (space 890, team 9002).
     List task_count: 2100 a number, 2101 and 2200 a string, 2102 null, 2900 a number.
     Statuses: spaces 790/792: "to do" open, "in progress" custom, "review" custom,
               "complete" closed. Spaces 791/890: "open" open, "in review" custom, "done" done,
               "closed" closed.
     Tasks:    list 2100: opts.big_list_tasks tasks "86a00001".. with custom ids "DEV-1"..;
               task i: status "complete" when i%10==0, else "in progress" when i%3==0, else
               "to do"; assignees 183 when i is even, 2772463 when i%3==0; tag "urgent" when
               i%5==0, "sop" when i%4==0; priority i%5 (0 = none); due date none when i%7==0
               (else 1710000000000 + i*86400000); date_created = 1700000000000 + i*60000,
               date_updated = 1700100000000 + i*1000.
               list 2101: "86abc123" (OPS-42, markdown, checklists, custom fields, time_estimate
               "8640000" and time_spent "2040000" as strings), its subtask "86abc124" (OPS-43,
               orderindex 1.5 as a number, time_spent 0 as a number), "86abc125" (OPS-44,
               status "complete"). list 2102: "86b00001" (SOP-1). list 2200: "86c00001",
               "86c00002" (INB-1, INB-2). list 2900: "86d00001" (AG-1). New tasks get ids
               "86n000001", ... and the next custom id of their list's prefix.
     Custom fields (on every task; only 86abc123 has values): SANDBOX_FIELD_DROPDOWN
               "Client Tier" (drop_down, value 2), SANDBOX_FIELD_TEXT "Slack Channel"
               (short_text, "hello"), SANDBOX_FIELD_NUMBER "Seats" (number, "8"),
               SANDBOX_FIELD_LABELS "Labels" (labels, no "value" key), SANDBOX_FIELD_USERS
               "Reviewers" (users, an array of user objects).
     Templates: opts.templates templates "t-86b3e001".. (100 per page) in team 9001; the first
               is "SOP: Onboard {{client_name}}". Team 9002 has none.

   ENDPOINTS (under /api/v2): GET /team, /user, /team/{id}/space, /space/{id},
     /space/{id}/folder, /space/{id}/list, /folder/{id}, /folder/{id}/list, /list/{id},
     /list/{id}/field, /list/{id}/task, /team/{id}/task, /team/{id}/taskTemplate, /task/{id};
     (and the hierarchy writes, tags, views and attachments below);
     POST /list/{id}/task, /list/{id}/taskTemplate/{template_id}, /task/{id}/tag/{name},
     /task/{id}/field/{field_id}; PUT /task/{id}; DELETE /task/{id} (204),
     /task/{id}/tag/{name}, /task/{id}/field/{field_id}. Request bodies are read as JSON only
     with "Content-Type: application/json" (otherwise as {} - as an Express server would).
     Query strings are decoded as forms are: %XX, and '+' means a space.

   HIERARCHY WRITES (kept until sandbox_stop; sandbox_reset keeps them), ClickUp's shapes:
     POST /team/{id}/space {"name" (required), "multiple_assignees", "features"} -> the space
     (statuses of space 790; a new hidden folder id); PUT /space/{id} {"name", "color",
     "private", "admin_can_manage", "multiple_assignees", "features"} -> the space; POST
     /space/{id}/folder {"name"}, PUT /folder/{id} {"name"} -> the folder; POST
     /folder/{id}/list and POST /space/{id}/list (folderless) {"name" (required), "content" or
     "markdown_content" (stored as plain text), "due_date", "due_date_time", "priority" 1-4,
     "assignee" (a user id; a string too, as UpdateList documents), "status" (the colour label)}
     -> the list (GET /list's shape), which also gets a "List" view; PUT /list/{id} takes the
     same plus "unset_status". DELETE /space|folder|list/{id} -> {} and takes what is inside
     (folders, lists, their tasks, the views below them). New ids "30001", ... (spaces, hidden
     folders, folders and lists share the counter); a new list's custom task id prefix is "L"
     followed by its id. Errors: unknown (or deleted) ids as for GETs (401 OAUTH_027 for
     spaces and folders, 404 ITEM_017 for lists, 401 OAUTH_023 for a team the token cannot
     see); a missing, empty or non-string name 400 HIER_001; any other value of the wrong type
     or out of range 400 HIER_002 (the sandbox's own ECODEs). Input is checked whole before
     anything changes.
   SPACE TAGS: GET /space/{id}/tag -> {"tags": [{name, tag_fg, tag_bg, creator}]} (space 790:
     "urgent", "sop"; others none); POST /space/{id}/tag {"tag": {"name", "tag_fg", "tag_bg"}}
     -> {}; PUT /space/{id}/tag/{name} {"tag": {"name", "fg_color", "bg_color"}} -> {"tag":
     {name, fg_color, bg_color}}, and the space's tasks carrying the old name get the new one;
     DELETE /space/{id}/tag/{name} -> {} and the tag leaves the space's tasks. Names are
     matched case-insensitively and stored lower-case. 400 TAG_001 (no tag name), TAG_002 (a
     colour not a string), TAG_003 (the name is taken); 404 TAG_004 (unknown tag).
   VIEWS: team 9001 "3c-100" Everything (list), "3c-101" Workload (workload); space 790
     "3c-110" (board), "3c-111" (list); folder 1100 "3c-120" (calendar); list 2100 "3c-130"
     (list), "3c-131" (board), "3c-132" (gantt); list 2200 "3c-140" (list); team 9002 "3c-190"
     (list); plus one "List" view ("3c-n1", ...) per list created through the API. GET
     /team|space|folder|list/{id}/view -> {"views": [...], "required_views": {"list", "board",
     "calendar", "gantt": the first view of that type there, or null}}; GET /view/{id} ->
     {"view": ...} (parent {id, type}: 7 workspace, 4 space, 5 folder, 6 list); GET
     /view/{id}/task?page=N -> the tasks of every list below the view's parent as GET
     /list/{id}/task gives them (open, top-level, 100 a page, with last_page). A view lives as
     long as its parent; unknown: 404 VIEW_001.
   ATTACHMENTS: POST /task/{id}/attachment (custom ids as every /task route) with
     "Content-Type: multipart/form-data; boundary=..." (RFC 7578): the file is the part named
     "attachment", which must have a filename. Answer (ClickUp's): {"id": "a77ac000-...-N.ext",
     "version": "0", "date" (ms, a number), "title" (the filename), "extension" (lower-case,
     "" when none), "thumbnail_small"/"thumbnail_large" (URLs for png/jpg/jpeg/gif, else
     null), "url"}. GET /task then lists it under "attachments" (with "size" and "mimetype").
     The sandbox keeps the name, type, size and an FNV-1a 64 checksum, not the bytes: see
     sandbox_attachment_get. 400 ATTACH_002 (not multipart, no boundary), ATTACH_003 (a
     malformed body), ATTACH_001 (no "attachment" part with a filename). A body over
     SANDBOX_MAX_BODY (8 MiB, whole multipart body) is refused with 413 before it is read.

   COLLAB (comments, checklists, relationships, further lists, OAuth), stateful, kept until
     sandbox_stop (sandbox_reset keeps it); the ECODEs of its errors are the sandbox's own:
     GET/POST /task/{id}/comment, /list/{id}/comment, /view/{id}/comment (any view id: comments
     do not check that the view exists): 25 a page, newest first; start=<date>&start_id=<id> (both or neither)
     gives the page after that comment. A create answers {"id","hist_id","date"}; comment
     ids "90000001"..., dates strictly increasing wall ms. GET/POST /comment/{id}/reply
     (replies oldest first; a create answers {}, as the OpenAPI file documents),
     PUT/DELETE /comment/{id} (-> {}). POST /task/{id}/checklist, PUT/DELETE
     /checklist/{id}, POST /checklist/{id}/checklist_item, PUT/DELETE
     /checklist/{id}/checklist_item/{item}: creates and item edits answer {"checklist": ...}
     (items with parent and children ids); a parent must be another item of the checklist
     that is not below it. POST/DELETE /task/{id}/dependency (body depends_on or
     dependency_of; DELETE takes them as query parameters) -> {}. POST/DELETE
     /task/{id}/link/{other} -> {"task": ...} with "dependencies" and "linked_tasks" filled
     in (GET /task still shows them empty). POST/DELETE /list/{list_id}/task/{task_id}: no
     custom ids (401 OAUTH_023 as ClickUp), not the home list (400) -> {}. POST /oauth/token
     (JSON body, or query parameters): SANDBOX_OAUTH_CLIENT_ID, _SECRET and _CODE give
     {"access_token": SANDBOX_OAUTH_TOKEN}, once; a wrong secret or a spent code is 401 and,
     on purpose, echoed in the error text. The other tasks of dependencies and links are
     native ids. See sandbox_comment_count and friends below.

   WEBHOOKS (kept until sandbox_stop; sandbox_reset keeps them): GET/POST /team/{id}/webhook,
     PUT/DELETE /webhook/{id}, in ClickUp's shapes: a create {"endpoint", "events": [names or
     "*"], at most one of space_id/folder_id/list_id/task_id (none = the whole workspace)}
     answers {"id", "webhook": {id, userid, team_id, endpoint, client_id, events, task_id,
     list_id, folder_id, space_id, health: {status, fail_count}, secret}} with a new UUID and
     a new 64-character secret; GET lists the workspace's webhooks (secrets included, as
     ClickUp's reference shows); PUT takes endpoint, events and "status" ("active" clears
     fail_count; "suspended"); DELETE answers {} and drops its pending deliveries. Refused:
     an endpoint with white space or control characters (400 WEBHOOK_001), an unknown event
     name (400 WEBHOOK_002), a bad, unknown or second location (400 WEBHOOK_003, or the 401/404
     of that kind of id), an identical webhook (400 OAUTH_171), an unknown webhook (404
     WEBHOOK_404).
     Events: every change of a task made through this API (POST/PUT/DELETE on /task/{id}...,
     POST /list/{id}/task and the template route) sends, to each active or failing webhook of
     the task's workspace whose location covers the task and which subscribes to the event:
     taskCreated (items "status" and "task_creation"), taskStatusUpdated ("status", before
     and after as {status, color, orderindex, type}), taskPriorityUpdated ("priority"),
     taskDueDateUpdated ("due_date"), taskAssigneeUpdated ("assignee_add"/"assignee_rem"),
     taskTagUpdated ("tag"/"tag_removed"), taskUpdated ("name", "content"; for any other
     change, e.g. a custom field, one item named after the path: "custom_field", ...),
     taskCommentPosted (POST /task/{id}/comment) and taskDeleted (no items). A body is
     {"event", "history_items": [{id (19 digits, unique), type 1, date, field, parent_id (the
     list), data, source, user (183), before, after}], "task_id", "webhook_id"}, POSTed with
     "Content-Type: application/json" and "X-Signature: <hex HMAC-SHA256 of the exact body
     bytes, keyed with the webhook's secret>".
     Delivery: from one sandbox thread, never from the request that made the change, in the
     order of the changes; only to http:// loopback endpoints (127.x.x.x, localhost, [::1]):
     a webhook with any other endpoint is kept and listed, but nothing is sent to it. A 2xx
     within opts.webhook_timeout_ms (7 s) delivers (fail_count back to 0, "failing" back to
     "active"). 410 suspends the webhook at once ("suspended": nothing more is sent until a
     PUT "status":"active"). Anything else (another status, no answer in time, no
     connection) is retried opts.webhook_retries times (5), opts.webhook_retry_ms apart
     (200 ms), with the same bytes; then the event is dropped, fail_count grows and the
     webhook is "failing"; at fail_count 100 it is "suspended". See sandbox_webhook_*.

   HTTP CONTROL (no auth; never logged; no rate headers), for other processes:
     POST /_sandbox/fault    {"method":"POST"|null,"path":"/api/v2/list","kind":"status",
                              "count":1,"arg":500}   kind = a name from sandbox_fault_kind_name
     GET  /_sandbox/requests [?method=M&path=PREFIX]  the log as JSON, plus count_429, rate_peak,
                             max_concurrent (sandbox_max_concurrent)
     POST /_sandbox/reset    clears the log, counters and faults (not the data)
     POST /_sandbox/rate     {"limit":N,"window_s":W}
     POST /_sandbox/template {"id":"t-86b3e002","name":"New name"} renames a template of team
                             9001; {"id":...,"removed":true} removes it (listing and use),
                             "removed":false brings it back. 404 for an unknown id. See
                             sandbox_template_edit.

   THREADS: every function may be called from any thread while the server runs (not
   concurrently with sandbox_stop).
*/
#ifndef SANDBOX_H
#define SANDBOX_H

#include <stddef.h>

#define SANDBOX_TOKEN        "pk_sandbox_token"
#define SANDBOX_MULTI_TOKEN  "pk_multi_team"
#define SANDBOX_OAUTH_TOKEN  "oauth_sandbox_token"   /* send as "Bearer oauth_sandbox_token" */
#define SANDBOX_TEAM_ID      "9001"
#define SANDBOX_TEAM2_ID     "9002"
#define SANDBOX_SPECIAL_TASK "86abc123"
#define SANDBOX_FIELD_DROPDOWN "0a52c486-5f05-403b-b4fd-c512ff05131c"
#define SANDBOX_FIELD_TEXT     "1b6ad1c0-8d3e-4a52-9f3c-2d5e8f1a7b01"
#define SANDBOX_FIELD_NUMBER   "2c7be2d1-9e4f-4b63-8a4d-3e6f9a2b8c02"
#define SANDBOX_FIELD_LABELS   "3d8cf3e2-af50-4c74-9b5e-4f7aab3c9d03"
#define SANDBOX_FIELD_USERS    "4e9d04f3-b061-4d85-8c6f-5a8bbc4dae04"
#define SANDBOX_DROPDOWN_OPT_GOLD "d1a2b3c4-0003-4000-8000-00000000d0d3" /* orderindex 2 */
#define SANDBOX_OAUTH_CLIENT_ID     "sandbox_client_id"            /* POST /oauth/token ... */
#define SANDBOX_OAUTH_CLIENT_SECRET "sandbox_secret_5b2e9d41"      /* ... its secret ...     */
#define SANDBOX_OAUTH_CODE          "sandbox_code_77c1f0aa"        /* ... a code, good once  */

#define SANDBOX_MAX_CONNECTIONS 64
#define SANDBOX_MAX_HEAD   (64 * 1024)          /* request line + headers: else 431, close  */
#define SANDBOX_MAX_BODY   (8 * 1024 * 1024)    /* request body: else 413, close            */
#define SANDBOX_PAGE_SIZE  100                  /* tasks and templates per page             */

typedef struct sandbox sandbox;

typedef struct sandbox_opts {
    int         port;           /* 0 = an ephemeral port (see sandbox_port)                  */
    const char *token;          /* NULL = SANDBOX_TOKEN                                      */
    int         rate_limit;     /* requests per window and token; 0 = no limiting (the
                                   headers still say Limit 10000)                            */
    int         rate_window_s;  /* 0 = 60; windows are aligned to multiples of it (Unix s)   */
    int         big_list_tasks; /* tasks in list 2100; 0 = 250, negative = none              */
    int         templates;      /* task templates of team 9001; 0 = 150, negative = none     */
    int         webhook_retry_ms;   /* pause before each retry of a delivery; 0 = 200, < 0 = 0 */
    int         webhook_timeout_ms; /* an endpoint that has not answered in this long failed;
                                       0 = 7000 (ClickUp's 7 s)                              */
    int         webhook_retries;    /* retries of a failed delivery; 0 = 5, negative = none  */
} sandbox_opts;

/* Start listening on 127.0.0.1. opts may be NULL (all defaults). NULL on failure. */
sandbox *sandbox_start(const sandbox_opts *opts);
/* Stop: close every socket, join every thread, free everything. NULL is fine. */
void sandbox_stop(sandbox *s);
int  sandbox_port(const sandbox *s);
/* "http://127.0.0.1:PORT/api/v2" into buf (truncated to n); returns buf. */
char *sandbox_base_url(const sandbox *s, char *buf, size_t n);

/* ---- fault injection ----------------------------------------------------------------------
   A fault matches requests whose method equals `method` (NULL = any) and whose path starts
   with `path_prefix` (NULL or "" = any; the path includes "/api/v2"); a RESET_REUSED fault
   also matches only a request that is not the first of its connection. The oldest matching
   fault fires; after `count` firings it is removed (-1 = forever; 0 adds nothing).
   Order of processing: log -> rate limit (a rate-limited request consumes no fault) ->
   fault -> auth -> route.
   A write (POST/PUT/DELETE) answered by a fault is NOT applied to the data, except with
   DELAY, DRIP, NO_RATE_HEADERS, GARBAGE_RATE_HEADERS and RESET_MS, which answer normally
   (the write IS applied; only the answer is late, slow or has odd headers). TRUNCATE and
   CONN_RESET damage the real answer of a GET, and a stand-in body for a write.
   RESET_REUSED imitates a keep-alive connection that dies just as a request goes out on it
   (the server closed it idle, a proxy dropped it): on a connection that already carried at
   least one request, the whole request is read and logged (status 0: nothing was answered),
   nothing is applied, and the connection is reset (RST, SO_LINGER 0) before a single byte of
   an answer. libcurl then sees the reused connection die with nothing received - the case in
   which it quietly opens a new connection and sends the same request again. On the first
   request of a connection the fault does not match: that request is served normally and the
   fault keeps its count (a later fault may match it instead). */
/* STATUS bodies: 401 {"err":"Token invalid","ECODE":"OAUTH_025"}, 429 {"err":"Rate limit
   reached","ECODE":"APP_002"}, 502/503/504 a small text/html page (as a proxy sends), any other
   {"err":"Sandbox fault: HTTP N","ECODE":"SANDBOX_N"}. Every fault answer carries the usual
   X-RateLimit-* headers unless its kind changes them. */
typedef enum sandbox_fault_kind {
    SANDBOX_FAULT_STATUS = 1,        /* arg = HTTP status; {"err","ECODE"}; 502/503/504: HTML  */
    SANDBOX_FAULT_DELAY,             /* arg = ms to wait before answering normally             */
    SANDBOX_FAULT_TRUNCATE,          /* Content-Length says more than is sent, then close      */
    SANDBOX_FAULT_MALFORMED,         /* 200 with invalid JSON                                  */
    SANDBOX_FAULT_EMPTY_200,         /* 200 with an empty body                                 */
    SANDBOX_FAULT_WRONG_SHAPE,       /* 200 with valid JSON of the wrong shape                 */
    SANDBOX_FAULT_OVERSIZED,         /* 200, chunked, arg bytes of a JSON-looking prefix       */
    SANDBOX_FAULT_NO_RATE_HEADERS,   /* normal answer without X-RateLimit-*                   */
    SANDBOX_FAULT_GARBAGE_RATE_HEADERS, /* Limit "abc", Remaining "-5", Reset ""                */
    SANDBOX_FAULT_RESET_MS,          /* normal answer, X-RateLimit-Reset in milliseconds       */
    SANDBOX_FAULT_RETRY_AFTER,       /* 429 with Retry-After: arg seconds (and the headers)    */
    SANDBOX_FAULT_CONN_RESET,        /* headers and half the body, then RST (SO_LINGER 0)      */
    SANDBOX_FAULT_DRIP,              /* normal answer, body sent 1 byte every arg ms           */
    SANDBOX_FAULT_DEEP_NESTING,      /* 200 with arg levels of nested arrays                   */
    SANDBOX_FAULT_429,               /* 429, Remaining 0, Reset = now + arg seconds            */
    SANDBOX_FAULT_RESET_REUSED       /* reused connection only: read, log, RST, no answer byte */
} sandbox_fault_kind;

void sandbox_fault(sandbox *s, const char *method, const char *path_prefix,
                   sandbox_fault_kind kind, int count, long arg);
/* Remove every pending fault. */
void sandbox_fault_clear(sandbox *s);
/* Pending faults (not yet used up). */
size_t sandbox_fault_pending(sandbox *s);
/* "status", "delay", "truncate", "malformed", "empty_200", "wrong_shape", "oversized",
   "no_rate_headers", "garbage_rate_headers", "reset_ms", "retry_after", "conn_reset", "drip",
   "deep_nesting", "429", "reset_reused"; NULL for an unknown kind. _parse returns 0 for an
   unknown name (case-insensitive). */
const char *sandbox_fault_kind_name(sandbox_fault_kind kind);
sandbox_fault_kind sandbox_fault_kind_parse(const char *name);

/* ---- request log ---------------------------------------------------------------------------
   Every request outside /_sandbox/ is recorded when its head and body have arrived, before
   any rate limit or fault, in arrival order. */
typedef struct sandbox_param {
    const char *key, *value;         /* percent-decoded ('+' = space); keys keep "[]"         */
} sandbox_param;

typedef struct sandbox_request {
    const char *method;              /* "GET", "POST", ...                                     */
    const char *path;                /* as sent, without the query: "/api/v2/task/abc"         */
    const char *query;               /* raw query string without '?', "" when none             */
    const sandbox_param *params;     /* the query in order, decoded                            */
    size_t      param_count;
    const char *authorization;       /* header values; NULL when the header was absent         */
    const char *user_agent;
    const char *content_type;
    const char *accept_encoding;
    const char *body;                /* NUL-terminated, "" when none                           */
    size_t      body_len;
    int         status;              /* status answered; 0 until the answer is decided (it is
                                        decided before the first byte of it is sent), and 0
                                        for good when RESET_REUSED dropped it unanswered       */
    sandbox_fault_kind fault;        /* the fault that fired, 0 when none                      */
    char        rate_limit[24];      /* the X-RateLimit-Limit, -Remaining and -Reset values the */
    char        rate_remaining[24];  /* answer carried, as sent; "" when it carried none (and   */
    char        rate_reset[24];      /* until the answer is decided, like status)               */
} sandbox_request;

/* Requests matching method (NULL = any) and path prefix (NULL = any). */
size_t sandbox_request_count(sandbox *s, const char *method, const char *path_prefix);
/* Entry `index` (0 = oldest) into *out. Returns 0, or -1 when out of range.
   The struct is copied; its strings and params point into the log and stay valid until
   sandbox_log_reset, sandbox_reset or sandbox_stop. */
int sandbox_request_get(sandbox *s, size_t index, sandbox_request *out);
/* The last request matching method/path_prefix (NULL = any) into *out; 0, or -1 if none. */
int sandbox_request_last(sandbox *s, const char *method, const char *path_prefix,
                         sandbox_request *out);
/* The nth (0-based) value of query key `key` in req (exact key: "statuses[]"), or NULL. */
const char *sandbox_request_query(const sandbox_request *req, const char *key, size_t nth);
/* How many values query key `key` has in req. */
size_t sandbox_request_query_count(const sandbox_request *req, const char *key);
/* Clear the log and the counters below (429 count, rate peak). */
void sandbox_log_reset(sandbox *s);
/* sandbox_log_reset + sandbox_fault_clear (the data is kept). */
void sandbox_reset(sandbox *s);

/* 429 answers sent (rate limit and injected) since start or the last reset. */
size_t sandbox_count_429(sandbox *s);
/* Requests counted for `token` (as sent, without "Bearer "; NULL = opts.token) in the
   current rate window, rejected ones included. */
int sandbox_rate_used(sandbox *s, const char *token);
/* The most requests any one token sent within one rate window (rejected ones included) since
   start or the last reset. A client that respects the limit keeps this <= rate_limit. */
int sandbox_rate_peak(sandbox *s);
/* Change the limit at run time (0 = no limiting); window_s 0 keeps the current window. */
void sandbox_set_rate_limit(sandbox *s, int rate_limit, int window_s);

/* ---- concurrency ----------------------------------------------------------------------------
   An API request (not /_sandbox/) is being processed from when its head and body have been read
   until its answer has been written. With a DELAY fault, requests that a client has in flight
   at once are all being processed together: the peak shows it. */
/* Requests being processed now. */
size_t sandbox_concurrent(sandbox *s);
/* The most requests processed at once since start or the last sandbox_max_concurrent_reset. */
size_t sandbox_max_concurrent(sandbox *s);
/* Restart the peak from the number being processed now. */
void sandbox_max_concurrent_reset(sandbox *s);

/* ---- data inspection -------------------------------------------------------------------- */
/* Tasks (not deleted) whose home list is list_id; 0 for an unknown list. */
size_t sandbox_task_count(sandbox *s, const char *list_id);
/* Tasks created through the API (POST task or template) since start. */
size_t sandbox_tasks_created(sandbox *s);

/* ---- data changes ------------------------------------------------------------------------- */
/* Change template "t-86b3eNNN" of team 9001 (kept until sandbox_stop; sandbox_reset keeps it):
   name != NULL renames it; removed 1 removes it from the listing (the pages close up) and from
   use (404), 0 brings it back, -1 leaves that as it is. Returns 0, or -1 for an unknown id. */
int sandbox_template_edit(sandbox *s, const char *template_id, const char *name, int removed);

/* ---- collab state (see COLLAB above) ------------------------------------------------------ */
/* Live comments (and replies) whose task, list, view or parent comment id is owner_id. */
size_t sandbox_comment_count(sandbox *s, const char *owner_id);
/* 1 when waiting_task waits on (depends on) blocking_task, else 0. */
int sandbox_dependency_exists(sandbox *s, const char *waiting_task, const char *blocking_task);
/* 1 when the two tasks are linked (either way round), else 0. */
int sandbox_link_exists(sandbox *s, const char *task_a, const char *task_b);
/* 1 when list_id is a further list of task_id (POST /list/{list_id}/task/{task_id}), else 0. */
int sandbox_task_in_list(sandbox *s, const char *task_id, const char *list_id);

/* ---- attachments (see HIERARCHY WRITES, TAGS, VIEWS, ATTACHMENTS above) ------------------- */
typedef struct sandbox_attachment {
    char               id[64];          /* as the upload's answer gave it                       */
    char               title[256];      /* the part's filename                                  */
    char               content_type[128];   /* the part's Content-Type ("application/octet-stream"
                                            when it had none)                                   */
    size_t             size;            /* bytes of the file                                    */
    unsigned long long fnv1a64;         /* FNV-1a 64 of those bytes (offset 14695981039346656037,
                                            prime 1099511628211)                                */
} sandbox_attachment;
/* Attachments uploaded to a live task (0 for an unknown or deleted one). */
size_t sandbox_attachment_count(sandbox *s, const char *task_id);
/* Attachment `index` (0 = first uploaded) of a task into *out: 0, or -1 when there is none. */
int sandbox_attachment_get(sandbox *s, const char *task_id, size_t index, sandbox_attachment *out);

/* ---- webhook deliveries (see WEBHOOKS above) ------------------------------------------- */
/* Deliveries queued (new, or waiting for a retry) or being sent now. */
size_t sandbox_webhook_pending(sandbox *s);
/* Wait until none is pending, at most timeout_ms. 0 when none is, else -1. */
int sandbox_webhook_wait_idle(sandbox *s, int timeout_ms);
/* Delivery attempts made since start (each retry counts). */
size_t sandbox_webhook_attempts(sandbox *s);

/* ---- field lab and time entries (tests/test_fields.c) ---------------------------------------
   FIELD LAB: sandbox_field_lab(s, list_id) gives that list (one at a time; NULL = none, the
   default) fourteen more custom fields, listed after the five every task has by
   GET /list/{id}/field and in the custom_fields of the list's tasks (other lists keep five):
     "Related Tasks" tasks, "Go Live" date (required), "Budget" currency (EUR, precision 2),
     "Margin" percentage, "Signed" checkbox, "Website" url, "Contact Email" email, "Phone" phone,
     "Notes" text, "Happiness" emoji (count 5), "Office" location, "Progress" manual_progress
     (start 0, end 200), "Stage" with type "dropdown" (options Lead, Won, Lost: orderindex 0-2),
     "Score" formula (always "42", cannot be set: 400 FIELD_016).
   POST /task/{id}/field/{field_id} checks values as ClickUp does (400 FIELD_007, FIELD_011 for
   an unknown option) and stores them as ClickUp reads them back: tasks {"add","rem"} -> task
   objects; date ms (number or digits, value_options.time a bool) -> a string of digits;
   currency and percentage -> strings; checkbox -> "true"/"false"; url (http/https), email
   (an '@'), phone ('+', 7-15 digits), text -> as sent; emoji 0-5; location {"location":
   {"lat","lng"}, "formatted_address"}; manual progress {"current": N} (0-200) -> {"current":
   "N", "percent_completed": N/200}; the dropdown -> its orderindex. DELETE clears.
   GET /folder/{id}/field, /space/{id}/field and /team/{id}/field answer the five fields.
   Returns 0, or -1 for an unknown list. */
int sandbox_field_lab(sandbox *s, const char *list_id);

/* TIME ENTRIES (teams 9001 and 9002, user 183 unless an assignee is named), ids of 19 digits:
     GET    /team/{id}/time_entries  start_date/end_date (default: the last 30 days) on the
            entry's start, assignee=1,2 (default 183), include_task_tags, include_location_names,
            is_billable, at most one of space_id, folder_id, list_id, task_id (400 TIMEENTRY_036),
            custom_task_ids=true&team_id=; {"data": [...]} with end, duration, at as strings
     POST   /team/{id}/time_entries  start, end (or stop) or duration (end wins), billable,
            description, tid, tags [{"name"}], assignee; an end before the start: 400
            TIMEENTRY_004; {"data": entry} with end, duration, at as numbers
     GET    /team/{id}/time_entries/{timer_id}  {"data": entry}; unknown: 404 TIMEENTRY_012
     PUT    /team/{id}/time_entries/{timer_id}  start, end, duration, description, tid,
            billable, tags with tag_action add|remove -> {}
     DELETE /team/{id}/time_entries/{timer_id}  {"data": the deleted entry}
     GET    /team/{id}/time_entries/current[?assignee=N]  {"data": entry} or {"data": null}
     POST   /team/{id}/time_entries/start  tid, billable, description, tags: stops a running
            timer, starts one (duration negative while running, no end)
     POST   /team/{id}/time_entries/stop   {"data": the stopped entry}; none: 404 TIMEENTRY_020 */
size_t sandbox_time_entry_count(sandbox *s);   /* entries stored, running ones included */

#endif /* SANDBOX_H */

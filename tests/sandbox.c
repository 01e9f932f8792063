#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
/* sandbox.c - a loopback imitation of the ClickUp API v2 (see sandbox.h for what it serves).

   Layout: [util] [data: static workspace] [tasks] [json output] [http request parsing]
   [log] [rate limit] [faults] [handlers + routing table] [control endpoints] [responses and
   fault senders] [connections and threads] [public API].

   Locking: one mutex (sandbox.mu) guards the data model, the log, the faults, the rate
   counters and the connection table. Handlers run with it held and only build a response in
   memory; every socket operation happens without it. Every blocking wait (poll for reading,
   writing or sleeping) also watches a "wake" pipe that sandbox_stop writes to, so stopping
   never waits for a client. */
#include "sandbox.h"

#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <poll.h>
#include <unistd.h>
#include <fcntl.h>
#include <strings.h>
#include <ctype.h>

/* ==== [util] ================================================================================ */

/* Out of memory in a test server: stop loudly rather than limp on. */
static void *sb_alloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) { fputs("sandbox: out of memory\n", stderr); abort(); }
    return p;
}
static void *sb_zalloc(size_t n) {
    void *p = sb_alloc(n);
    memset(p, 0, n);
    return p;
}
static void *sb_grow(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (!q) { fputs("sandbox: out of memory\n", stderr); abort(); }
    return q;
}
static char *sb_strndup(const char *s, size_t n) {
    char *d = (char *)sb_alloc(n + 1);
    if (n) memcpy(d, s, n);
    d[n] = '\0';
    return d;
}
static char *sb_strdup(const char *s) { return s ? sb_strndup(s, strlen(s)) : NULL; }

static int64_t wall_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
static int64_t mono_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A growable byte buffer, always NUL-terminated. */
typedef struct sb_buf {
    char  *p;
    size_t len, cap;
} sb_buf;

static void buf_reserve(sb_buf *b, size_t more) {
    size_t need = b->len + more + 1;
    if (need <= b->cap) return;
    if (!b->cap) b->cap = 256;
    while (b->cap < need) b->cap *= 2;
    b->p = (char *)sb_grow(b->p, b->cap);
}
static void buf_put(sb_buf *b, const char *s, size_t n) {
    buf_reserve(b, n);
    if (n) memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}
static void buf_puts(sb_buf *b, const char *s) { buf_put(b, s, strlen(s)); }
#if defined(__GNUC__) || defined(__clang__)
#  define SB_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define SB_PRINTF(f, a)
#endif
static void buf_printf(sb_buf *b, const char *fmt, ...) SB_PRINTF(2, 3);
static void buf_printf(sb_buf *b, const char *fmt, ...) {
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0) return;
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    (void)vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}
static void buf_free(sb_buf *b) { free(b->p); b->p = NULL; b->len = b->cap = 0; }

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Percent-decode n bytes into a new string. plus_is_space: query strings as HTML forms and
   Express's parser read them ('+' = ' '); path segments keep '+'. A bad %XX stays as is. */
static char *pct_decode(const char *s, size_t n, int plus_is_space) {
    char *d = (char *)sb_alloc(n + 1), *o = d;
    size_t i;
    for (i = 0; i < n; i++) {
        if (s[i] == '%' && i + 2 < n && hexval((unsigned char)s[i + 1]) >= 0 &&
            hexval((unsigned char)s[i + 2]) >= 0) {
            *o++ = (char)(hexval((unsigned char)s[i + 1]) * 16 + hexval((unsigned char)s[i + 2]));
            i += 2;
        } else if (s[i] == '+' && plus_is_space) {
            *o++ = ' ';
        } else {
            *o++ = s[i];
        }
    }
    *o = '\0';
    return d;
}

/* Strict unsigned decimal (no sign, no spaces); -1 when not one or too big. */
static long long parse_ull(const char *s) {
    long long v = 0;
    if (!s || !*s) return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return -1;
        if (v > (LLONG_MAX - 9) / 10) return -1;
        v = v * 10 + (*s - '0');
    }
    return v;
}

/* "8", "-2.5", "1e3": a whole decimal number (what a "number" custom field accepts as text). */
static int is_decimal_text(const char *s) {
    char *end = NULL;
    if (!*s || isspace((unsigned char)*s)) return 0;
    (void)strtod(s, &end);
    return end && *end == '\0';
}

static int starts_with(const char *s, const char *prefix) {
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ==== [data: static workspace] ==============================================================
   The seeds of the hierarchy (copied into sandbox.hier, which the API may change) and the
   fixed users, teams and statuses. Values follow docs/clickup-api.md sections 1 and
   6: hierarchy ids are digit strings, user ids are integers, dates are digit strings in ms. */

typedef struct sb_user {
    int64_t     id;
    const char *username, *email, *color, *initials, *picture;
    int         role;            /* 1 owner, 2 admin, 3 member, 4 guest */
    const char *team;
} sb_user;

static const sb_user USERS[] = {
    { 183, "Ada Owner", "ada@example.com", "#ff0000", "AO", NULL, 1, "9001" },
    { 2772463, "Grace Member", "grace@example.com", "#00ff00", "GM", "https://example.com/g.png", 3,
      "9001" },
    { 5001, "Guest Gus", "gus@example.com", NULL, "GG", NULL, 4, "9001" },
    { 7001, "Olu Agency", "olu@agency.example", "#40bc86", "OA", NULL, 1, "9002" },
};

typedef struct sb_team {
    const char *id, *name, *color;
    unsigned    bit;             /* in a token's visibility mask */
} sb_team;

static const sb_team TEAMS[] = {
    { "9001", "Ecomlabs Sandbox", "#7b68ee", 1u },
    { "9002", "Second Agency", "#40bc86", 2u },
};

typedef struct sb_status {
    const char *id, *name, *type, *color;
    int         orderindex;
} sb_status;

static const sb_status STATUSES_A[] = {
    { "p790_s1", "to do", "open", "#d3d3d3", 0 },
    { "p790_s2", "in progress", "custom", "#4194f6", 1 },
    { "p790_s3", "review", "custom", "#a875ff", 2 },
    { "p790_s4", "complete", "closed", "#6bc950", 3 },
};
static const sb_status STATUSES_B[] = {
    { "p791_s1", "open", "open", "#d3d3d3", 0 },
    { "p791_s2", "in review", "custom", "#ff7800", 1 },
    { "p791_s3", "done", "done", "#2ecd6f", 2 },
    { "p791_s4", "closed", "closed", "#6bc950", 3 },
};
#define NSTATUS 4

/* The hierarchy is mutable (POST/PUT/DELETE of spaces, folders and lists): the seeds below are
   copied into sandbox.hier at start, and what the API creates is added there. Records are never
   freed before sandbox_stop (tasks point at their list): deleting one marks it `deleted`. */
typedef struct sb_space_seed {
    const char *id, *name, *team;
    int         is_private, archived, multiple_assignees, admin_can_manage;
    const char *color;           /* NULL = JSON null (the spec's example has one) */
    const sb_status *statuses;
    const char *hidden_folder;   /* the placeholder folder of its folderless lists */
} sb_space_seed;

static const sb_space_seed SPACE_SEEDS[] = {
    { "790", "Client A", "9001", 0, 0, 1, 1, "#0000ff", STATUSES_A, "1190" },
    { "791", "Private Ops", "9001", 1, 0, 0, 0, NULL, STATUSES_B, "1191" },
    { "792", "Old Brand", "9001", 0, 1, 1, 1, "#0000ff", STATUSES_A, "1192" },
    { "890", "Agency Space", "9002", 0, 0, 1, 1, "#40bc86", STATUSES_B, "1890" },
};

typedef struct sb_space_tag {
    char *name, *fg, *bg;        /* name lower-case, as ClickUp stores tags */
} sb_space_tag;

typedef struct sb_space {
    char         id[24], hidden_folder[24];
    char        *name, *color;   /* color NULL = JSON null */
    char        *features;       /* JSON text; NULL = SPACE_FEATURES */
    const char  *team;           /* a TEAMS id */
    int          is_private, archived, multiple_assignees, admin_can_manage, deleted;
    const sb_status *statuses;
    sb_space_tag *tags;
    size_t       ntags;
} sb_space;

typedef struct sb_folder_seed {
    const char *id, *name, *space;
    int         orderindex;
} sb_folder_seed;

static const sb_folder_seed FOLDER_SEEDS[] = {
    { "1100", "Onboarding", "790", 0 },
    { "1101", "SOP Library", "791", 1 },
};

typedef struct sb_folder {
    char      id[24];
    char     *name;
    sb_space *sp;
    int       orderindex, deleted;
} sb_folder;

enum { COUNT_NUMBER, COUNT_STRING, COUNT_NULL };

typedef struct sb_list_seed {
    const char *id, *name;
    const char *folder;          /* NULL = folderless */
    const char *space;
    int         orderindex;
    const char *content;
    int         count_style;     /* task_count is a number, a string or null (spec: all three) */
    int         labelled;        /* list-level status/priority labels set, else null */
    int64_t     due_date;        /* -1 = null */
    const char *prefix;          /* custom task id prefix */
} sb_list_seed;

static const sb_list_seed LIST_SEEDS[] = {
    { "2100", "Big List", "1100", "790", 0, "Every client deliverable.", COUNT_NUMBER, 0, -1, "DEV" },
    { "2101", "Small List", "1100", "790", 1, "Onboarding SOPs.", COUNT_STRING, 1, 1711929600000LL, "OPS" },
    { "2102", "SOP Templates", "1101", "791", 0, "", COUNT_NULL, 0, -1, "SOP" },
    { "2200", "Inbox", NULL, "790", 2, "", COUNT_STRING, 0, -1, "INB" },
    { "2900", "Agency Inbox", NULL, "890", 0, "", COUNT_NUMBER, 0, -1, "AG" },
};

typedef struct sb_list {
    char       id[24], prefix[16];   /* prefix: of its tasks' custom ids */
    char      *name, *content;
    char      *label;                /* the list's colour label ("status"); NULL = null */
    sb_folder *fo;                   /* NULL = folderless */
    sb_space  *sp;
    int        orderindex, count_style, deleted;
    int        priority;             /* 0 = null, 1 urgent .. 4 low */
    int64_t    due_date;             /* -1 = null */
    int        due_date_time;
    int64_t    assignee;             /* 0 = null */
} sb_list;

/* Views: type, parent (7 workspace, 4 space, 5 folder, 6 list, as ClickUp numbers them). */
enum { VIEW_TEAM = 7, VIEW_SPACE = 4, VIEW_FOLDER = 5, VIEW_LIST = 6 };

typedef struct sb_view_seed {
    const char *id, *name, *type;
    int         parent_type;
    const char *parent;
} sb_view_seed;

static const sb_view_seed VIEW_SEEDS[] = {
    { "3c-100", "Everything", "list", VIEW_TEAM, "9001" },
    { "3c-101", "Workload", "workload", VIEW_TEAM, "9001" },
    { "3c-110", "Client A board", "board", VIEW_SPACE, "790" },
    { "3c-111", "Client A list", "list", VIEW_SPACE, "790" },
    { "3c-120", "Onboarding calendar", "calendar", VIEW_FOLDER, "1100" },
    { "3c-130", "Big List", "list", VIEW_LIST, "2100" },
    { "3c-131", "Big List board", "board", VIEW_LIST, "2100" },
    { "3c-132", "Big List gantt", "gantt", VIEW_LIST, "2100" },
    { "3c-140", "Inbox", "list", VIEW_LIST, "2200" },
    { "3c-190", "Agency everything", "list", VIEW_TEAM, "9002" },
};

typedef struct sb_view {
    char        id[32], parent[24];
    char       *name;
    const char *type;                /* one of VIEW_TYPES */
    int         parent_type, orderindex;
} sb_view;

/* The hierarchy and its views (see above). Guarded by sandbox.mu like everything else. */
typedef struct sb_hier {
    sb_space  **spaces;
    sb_folder **folders;
    sb_list   **lists;
    sb_view   **views;
    size_t      nspaces, nfolders, nlists, nviews;
    unsigned    next_id;             /* created spaces, folders, lists: "30001", ... */
    unsigned    next_view;           /* created views: "3c-n1", ... */
} sb_hier;

/* Custom fields. Every task lists all five; `value` is present only when set. */
enum { F_DROPDOWN, F_TEXT, F_NUMBER, F_LABELS, F_USERS, NFIELDS };

typedef struct sb_field {
    const char *id, *name, *type, *type_config;  /* type_config: JSON text */
} sb_field;

static const sb_field FIELDS[NFIELDS] = {
    { SANDBOX_FIELD_DROPDOWN, "Client Tier", "drop_down",
      "{\"sorting\":\"manual\",\"new_drop_down\":true,\"options\":["
      "{\"id\":\"d1a2b3c4-0001-4000-8000-00000000d0d1\",\"name\":\"Bronze\",\"color\":\"#cd7f32\",\"orderindex\":0},"
      "{\"id\":\"d1a2b3c4-0002-4000-8000-00000000d0d2\",\"name\":\"Silver\",\"color\":\"#c0c0c0\",\"orderindex\":1},"
      "{\"id\":\"" SANDBOX_DROPDOWN_OPT_GOLD "\",\"name\":\"Gold\",\"color\":\"#ffd700\",\"orderindex\":2}]}" },
    { SANDBOX_FIELD_TEXT, "Slack Channel", "short_text", "{}" },
    { SANDBOX_FIELD_NUMBER, "Seats", "number", "{}" },
    { SANDBOX_FIELD_LABELS, "Labels", "labels",
      "{\"options\":[{\"id\":\"1abe1000-0001-4000-8000-0000000a0e01\",\"label\":\"VIP\",\"color\":\"#e50000\"},"
      "{\"id\":\"1abe1000-0002-4000-8000-0000000a0e02\",\"label\":\"Retainer\",\"color\":\"#0231e8\"}]}" },
    { SANDBOX_FIELD_USERS, "Reviewers", "users",
      "{\"include_guests\":false,\"include_team_members\":true,\"single_user\":false}" },
};
static const char *const DROPDOWN_OPTS[] = {
    "d1a2b3c4-0001-4000-8000-00000000d0d1", "d1a2b3c4-0002-4000-8000-00000000d0d2",
    SANDBOX_DROPDOWN_OPT_GOLD,
};
static const char *const LABEL_OPTS[] = {
    "1abe1000-0001-4000-8000-0000000a0e01", "1abe1000-0002-4000-8000-0000000a0e02",
};

/* The two checklists of 86abc123 (checklist item ids, names, resolved flags, parents). */
static const char SPECIAL_CHECKLISTS[] =
    "[{\"id\":\"c1a00001-0000-4000-8000-000000000001\",\"task_id\":\"86abc123\",\"name\":\"Before kickoff\","
    "\"date_created\":\"1695000100000\",\"orderindex\":0,\"creator\":183,\"resolved\":1,\"unresolved\":1,"
    "\"items\":[{\"id\":\"c1100001-0000-4000-8000-000000000001\",\"name\":\"Create the Slack channel\","
    "\"orderindex\":0,\"assignee\":null,\"group_assignee\":null,\"resolved\":true,\"parent\":null,"
    "\"date_created\":\"1695000100000\",\"children\":[]},"
    "{\"id\":\"c1100002-0000-4000-8000-000000000002\",\"name\":\"Invite {{client_name}}\",\"orderindex\":1,"
    "\"assignee\":null,\"group_assignee\":null,\"resolved\":false,\"parent\":null,"
    "\"date_created\":\"1695000100000\",\"children\":[]}]},"
    "{\"id\":\"c1a00002-0000-4000-8000-000000000002\",\"task_id\":\"86abc123\",\"name\":\"After kickoff\","
    "\"date_created\":\"1695000200000\",\"orderindex\":1,\"creator\":183,\"resolved\":0,\"unresolved\":2,"
    "\"items\":[{\"id\":\"c1100003-0000-4000-8000-000000000003\",\"name\":\"Post the welcome message\","
    "\"orderindex\":0,\"assignee\":null,\"group_assignee\":null,\"resolved\":false,\"parent\":null,"
    "\"date_created\":\"1695000200000\",\"children\":[\"c1100004-0000-4000-8000-000000000004\"]},"
    "{\"id\":\"c1100004-0000-4000-8000-000000000004\",\"name\":\"Pin the SOP\",\"orderindex\":1,"
    "\"assignee\":null,\"group_assignee\":null,\"resolved\":false,"
    "\"parent\":\"c1100003-0000-4000-8000-000000000003\",\"date_created\":\"1695000200000\",\"children\":[]}]}]";

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static const sb_user *find_user(int64_t id) {
    size_t i;
    for (i = 0; i < COUNT_OF(USERS); i++)
        if (USERS[i].id == id) return &USERS[i];
    return NULL;
}
static const sb_team *find_team(const char *id) {
    size_t i;
    for (i = 0; i < COUNT_OF(TEAMS); i++)
        if (strcmp(TEAMS[i].id, id) == 0) return &TEAMS[i];
    return NULL;
}
static sb_space *find_space(const sb_hier *h, const char *id) {
    size_t i;
    for (i = 0; i < h->nspaces; i++)
        if (!h->spaces[i]->deleted && strcmp(h->spaces[i]->id, id) == 0) return h->spaces[i];
    return NULL;
}
static sb_folder *find_folder(const sb_hier *h, const char *id) {
    size_t i;
    for (i = 0; i < h->nfolders; i++)
        if (!h->folders[i]->deleted && strcmp(h->folders[i]->id, id) == 0) return h->folders[i];
    return NULL;
}
static sb_list *find_list(const sb_hier *h, const char *id) {
    size_t i;
    for (i = 0; i < h->nlists; i++)
        if (!h->lists[i]->deleted && strcmp(h->lists[i]->id, id) == 0) return h->lists[i];
    return NULL;
}
static int find_field(const char *id) {
    int i;
    for (i = 0; i < NFIELDS; i++)
        if (strcmp(FIELDS[i].id, id) == 0) return i;
    return -1;
}
static const sb_space *list_space(const sb_list *l) { return l->sp; }
static const sb_team *list_team(const sb_list *l) { return find_team(l->sp->team); }

/* ---- the hierarchy store: seeding, adding, freeing ---- */
#define HIER_PUSH(arr, n, item)                                                    \
    do {                                                                           \
        (arr) = sb_grow((arr), ((n) + 1) * sizeof *(arr));                         \
        (arr)[(n)++] = (item);                                                     \
    } while (0)

static sb_space *hier_add_space(sb_hier *h, const char *id, const char *name, const char *team,
                                const sb_status *statuses, const char *hidden_folder) {
    sb_space *sp = (sb_space *)sb_zalloc(sizeof *sp);
    snprintf(sp->id, sizeof sp->id, "%s", id);
    snprintf(sp->hidden_folder, sizeof sp->hidden_folder, "%s", hidden_folder);
    sp->name = sb_strdup(name);
    sp->team = find_team(team)->id;
    sp->statuses = statuses;
    HIER_PUSH(h->spaces, h->nspaces, sp);
    return sp;
}
static sb_folder *hier_add_folder(sb_hier *h, const char *id, const char *name, sb_space *sp, int orderindex) {
    sb_folder *f = (sb_folder *)sb_zalloc(sizeof *f);
    snprintf(f->id, sizeof f->id, "%s", id);
    f->name = sb_strdup(name);
    f->sp = sp;
    f->orderindex = orderindex;
    HIER_PUSH(h->folders, h->nfolders, f);
    return f;
}
static sb_list *hier_add_list(sb_hier *h, const char *id, const char *name, sb_folder *fo, sb_space *sp,
                              int orderindex, const char *prefix) {
    sb_list *l = (sb_list *)sb_zalloc(sizeof *l);
    snprintf(l->id, sizeof l->id, "%s", id);
    snprintf(l->prefix, sizeof l->prefix, "%s", prefix);
    l->name = sb_strdup(name);
    l->content = sb_strdup("");
    l->fo = fo;
    l->sp = sp;
    l->orderindex = orderindex;
    l->count_style = COUNT_NUMBER;
    l->due_date = -1;
    HIER_PUSH(h->lists, h->nlists, l);
    return l;
}
static sb_view *hier_add_view(sb_hier *h, const char *id, const char *name, const char *type, int parent_type,
                              const char *parent) {
    sb_view *v = (sb_view *)sb_zalloc(sizeof *v);
    snprintf(v->id, sizeof v->id, "%s", id);
    snprintf(v->parent, sizeof v->parent, "%s", parent);
    v->name = sb_strdup(name);
    v->type = type;
    v->parent_type = parent_type;
    v->orderindex = (int)h->nviews;
    HIER_PUSH(h->views, h->nviews, v);
    return v;
}
static void space_tag_add(sb_space *sp, const char *name, const char *fg, const char *bg) {
    sb_space_tag t;
    char *c;
    t.name = sb_strdup(name);
    for (c = t.name; *c; c++) *c = (char)tolower((unsigned char)*c);
    t.fg = sb_strdup(fg);
    t.bg = sb_strdup(bg);
    sp->tags = (sb_space_tag *)sb_grow(sp->tags, (sp->ntags + 1) * sizeof *sp->tags);
    sp->tags[sp->ntags++] = t;
}

static void hier_seed(sb_hier *h) {
    size_t i;
    for (i = 0; i < COUNT_OF(SPACE_SEEDS); i++) {
        const sb_space_seed *z = &SPACE_SEEDS[i];
        sb_space *sp = hier_add_space(h, z->id, z->name, z->team, z->statuses, z->hidden_folder);
        sp->is_private = z->is_private;
        sp->archived = z->archived;
        sp->multiple_assignees = z->multiple_assignees;
        sp->admin_can_manage = z->admin_can_manage;
        sp->color = sb_strdup(z->color);
    }
    space_tag_add(find_space(h, "790"), "urgent", "#fff", "#e50000");   /* as k_tags shows them */
    space_tag_add(find_space(h, "790"), "sop", "#fff", "#000");
    for (i = 0; i < COUNT_OF(FOLDER_SEEDS); i++)
        hier_add_folder(h, FOLDER_SEEDS[i].id, FOLDER_SEEDS[i].name, find_space(h, FOLDER_SEEDS[i].space),
                        FOLDER_SEEDS[i].orderindex);
    for (i = 0; i < COUNT_OF(LIST_SEEDS); i++) {
        const sb_list_seed *z = &LIST_SEEDS[i];
        sb_list *l = hier_add_list(h, z->id, z->name, z->folder ? find_folder(h, z->folder) : NULL,
                                   find_space(h, z->space), z->orderindex, z->prefix);
        free(l->content);
        l->content = sb_strdup(z->content);
        l->count_style = z->count_style;
        l->due_date = z->due_date;
        if (z->labelled) { l->label = sb_strdup("green"); l->priority = 2; }
    }
    for (i = 0; i < COUNT_OF(VIEW_SEEDS); i++)
        hier_add_view(h, VIEW_SEEDS[i].id, VIEW_SEEDS[i].name, VIEW_SEEDS[i].type, VIEW_SEEDS[i].parent_type,
                      VIEW_SEEDS[i].parent);
    h->next_id = 30001;
    h->next_view = 1;
}

static void hier_free(sb_hier *h) {
    size_t i, j;
    for (i = 0; i < h->nspaces; i++) {
        for (j = 0; j < h->spaces[i]->ntags; j++) {
            free(h->spaces[i]->tags[j].name);
            free(h->spaces[i]->tags[j].fg);
            free(h->spaces[i]->tags[j].bg);
        }
        free(h->spaces[i]->tags);
        free(h->spaces[i]->name);
        free(h->spaces[i]->color);
        free(h->spaces[i]->features);
        free(h->spaces[i]);
    }
    for (i = 0; i < h->nfolders; i++) { free(h->folders[i]->name); free(h->folders[i]); }
    for (i = 0; i < h->nlists; i++) {
        free(h->lists[i]->name);
        free(h->lists[i]->content);
        free(h->lists[i]->label);
        free(h->lists[i]);
    }
    for (i = 0; i < h->nviews; i++) { free(h->views[i]->name); free(h->views[i]); }
    free(h->spaces);
    free(h->folders);
    free(h->lists);
    free(h->views);
    memset(h, 0, sizeof *h);
}

/* Status of a list by name, case-insensitive (ClickUp matches status names that way). */
static int list_status_index(const sb_list *l, const char *name) {
    const sb_status *st = list_space(l)->statuses;
    int i;
    for (i = 0; i < NSTATUS; i++)
        if (strcasecmp(st[i].name, name) == 0) return i;
    return -1;
}

/* Task templates are generated from their number (1-based): nothing to store. */
static const char *const TEMPLATE_NAMES[] = {
    "SOP: Onboard {{client_name}}",
    "Weekly report for {{client_name}}",
    "Offboarding checklist",
    "Launch {{campaign}} for {{client_name}}",
    "Quarterly review",
};
static void template_id(int i, char *buf, size_t n) { snprintf(buf, n, "t-86b3e%03d", i); }
static void template_name(int i, char *buf, size_t n) {
    if (i == 1) snprintf(buf, n, "%s", TEMPLATE_NAMES[0]);
    else snprintf(buf, n, "%s #%d", TEMPLATE_NAMES[(size_t)i % COUNT_OF(TEMPLATE_NAMES)], i);
}

/* A template changed by sandbox_template_edit (POST /_sandbox/template): renamed, removed. */
typedef struct sb_template_edit {
    int                      number;    /* 1-based, as template_id */
    char                    *name;      /* NULL = the generated name */
    int                      removed;
    struct sb_template_edit *next;
} sb_template_edit;

/* ==== [tasks] ===============================================================================
   The only mutable data. Types of the odd fields imitate real traffic: time_estimate and
   time_spent arrive as numbers or as strings, orderindex is a string except on one subtask
   where it is a float number, custom_item_id is 0 or null (docs/clickup-api.md 1.3). */

enum { NUM_NULL, NUM_NUMBER, NUM_STRING };   /* how a number-ish field is rendered */

typedef struct sb_task {
    char           id[24];
    char           custom_id[24];      /* "" = null                                        */
    int            custom_item_null;   /* custom_item_id: null instead of 0                */
    char          *name, *description; /* description doubles as text_content             */
    char          *markdown;           /* NULL = the description                           */
    const sb_list *list;
    char           parent[24];         /* "" = none                                        */
    int            status;             /* index into the list's statuses                   */
    int64_t       *assignees;
    size_t         nassignees;
    char         **tags;
    size_t         ntags;
    int            priority;           /* 0 none, 1 urgent .. 4 low                        */
    int64_t        due_date, start_date;   /* -1 = null                                     */
    int64_t        time_estimate, time_spent;
    int            te_style, ts_style; /* NUM_*                                            */
    char           orderindex[48];     /* JSON literal text                                */
    int64_t        date_created, date_updated, date_closed;  /* date_closed -1 = null       */
    int            archived, deleted;
    int            checklists;         /* 1 = SPECIAL_CHECKLISTS                           */
    char          *fv[NFIELDS];        /* custom field values as JSON text, NULL = unset;
                                          F_USERS holds an array of user ids               */
    struct sb_attach *att;             /* uploaded attachments (POST /task/{id}/attachment) */
    size_t         natt;
} sb_task;

typedef struct sb_attach {
    char               id[64], ext[16];
    char              *title, *mimetype;
    size_t             size;
    unsigned long long fnv;            /* FNV-1a 64 of the file's bytes */
    int64_t            date;
} sb_attach;

typedef struct sb_entry {              /* one request of the log (owns every string)        */
    sandbox_request pub;
    sandbox_param  *params;
} sb_entry;

typedef struct sb_fault {
    char              *method, *prefix;   /* NULL = any */
    sandbox_fault_kind kind;
    int                count;             /* -1 = forever */
    long               arg;
    struct sb_fault   *next;
} sb_fault;

typedef struct sb_rate {                /* requests of one token in its current window */
    char           *token;
    long long       window;
    int             used;
    struct sb_rate *next;
} sb_rate;

typedef struct sb_conn {
    struct sandbox *sb;
    int             fd;
    pthread_t       th;
    int             in_use, done;      /* done: the thread has finished, join it */
    sb_buf          in;                /* bytes received and not yet consumed     */
    unsigned long   served;            /* requests read on it before the current one
                                          (control requests too); > 0 = reused    */
} sb_conn;

struct sandbox {
    pthread_mutex_t mu;
    int             listen_fd, port;
    int             wake[2];           /* written once by sandbox_stop, never read */
    pthread_t       accept_th;
    char           *token;
    int             rate_limit, rate_window_s;
    int             ntemplates;
    sb_template_edit *template_edits;  /* renamed or removed templates (sandbox_template_edit) */
    struct sb_lab  *lab;               /* field lab and time entries (sandbox_field_lab) */
    sb_hier         hier;              /* spaces, folders, lists, views (mutable) */
    sb_task       **tasks;
    size_t          ntasks, cap_tasks, created;
    unsigned        next_task;
    unsigned        next_attach;       /* uploaded attachments: ids from 1 */
    sb_entry      **log;
    size_t          nlog, cap_log;
    unsigned        log_gen;           /* bumped by every log reset */
    sb_fault       *faults;
    sb_rate        *rates;
    size_t          count_429;
    int             rate_peak;
    size_t          busy, busy_peak;   /* API requests being processed now, and the most at once */
    struct sb_collab *collab;          /* comments, checklists, relationships, OAuth: made on first use */
    struct sb_hooks  *hooks;           /* webhooks and their deliveries (made by sandbox_start)  */
    sb_conn         conns[SANDBOX_MAX_CONNECTIONS];
};

static void task_free(sb_task *t) {
    size_t i;
    if (!t) return;
    free(t->name);
    free(t->description);
    free(t->markdown);
    free(t->assignees);
    for (i = 0; i < t->ntags; i++) free(t->tags[i]);
    free(t->tags);
    for (i = 0; i < NFIELDS; i++) free(t->fv[i]);
    for (i = 0; i < t->natt; i++) { free(t->att[i].title); free(t->att[i].mimetype); }
    free(t->att);
    free(t);
}

/* A task with plain defaults: first status of its list, no dates, no people. */
static sb_task *task_alloc(const sb_list *l, const char *id, const char *custom_id, const char *name) {
    sb_task *t = (sb_task *)sb_zalloc(sizeof *t);
    snprintf(t->id, sizeof t->id, "%s", id);
    snprintf(t->custom_id, sizeof t->custom_id, "%s", custom_id ? custom_id : "");
    t->name = sb_strdup(name);
    t->description = sb_strdup("");
    t->list = l;
    t->due_date = t->start_date = -1;
    t->te_style = NUM_NULL;
    t->ts_style = NUM_NUMBER;
    snprintf(t->orderindex, sizeof t->orderindex, "\"1.00000000000000000000000000000000\"");
    t->date_created = t->date_updated = 1700000000000LL;
    t->date_closed = -1;
    return t;
}

static void task_add(sandbox *sb, sb_task *t) {
    if (sb->ntasks == sb->cap_tasks) {
        sb->cap_tasks = sb->cap_tasks ? sb->cap_tasks * 2 : 512;
        sb->tasks = (sb_task **)sb_grow(sb->tasks, sb->cap_tasks * sizeof *sb->tasks);
    }
    sb->tasks[sb->ntasks++] = t;
}

static void task_add_assignee(sb_task *t, int64_t id) {
    size_t i;
    for (i = 0; i < t->nassignees; i++)
        if (t->assignees[i] == id) return;
    t->assignees = (int64_t *)sb_grow(t->assignees, (t->nassignees + 1) * sizeof *t->assignees);
    t->assignees[t->nassignees++] = id;
}
static void task_rem_assignee(sb_task *t, int64_t id) {
    size_t i;
    for (i = 0; i < t->nassignees; i++)
        if (t->assignees[i] == id) {
            memmove(&t->assignees[i], &t->assignees[i + 1], (t->nassignees - i - 1) * sizeof *t->assignees);
            t->nassignees--;
            return;
        }
}
static int task_has_tag(const sb_task *t, const char *tag) {
    size_t i;
    for (i = 0; i < t->ntags; i++)
        if (strcasecmp(t->tags[i], tag) == 0) return 1;
    return 0;
}
/* Tags are stored lower-case, as ClickUp does. */
static void task_add_tag(sb_task *t, const char *tag) {
    char *c;
    if (task_has_tag(t, tag)) return;
    t->tags = (char **)sb_grow(t->tags, (t->ntags + 1) * sizeof *t->tags);
    t->tags[t->ntags++] = c = sb_strdup(tag);
    for (; *c; c++) *c = (char)tolower((unsigned char)*c);
}
static void task_rem_tag(sb_task *t, const char *tag) {
    size_t i;
    for (i = 0; i < t->ntags; i++)
        if (strcasecmp(t->tags[i], tag) == 0) {
            free(t->tags[i]);
            memmove(&t->tags[i], &t->tags[i + 1], (t->ntags - i - 1) * sizeof *t->tags);
            t->ntags--;
            return;
        }
}
static void task_set_field(sb_task *t, int f, const char *json) {
    free(t->fv[f]);
    t->fv[f] = json ? sb_strdup(json) : NULL;
}
static void task_set_str(char **dst, const char *s) {
    free(*dst);
    *dst = sb_strdup(s);
}

static const sb_status *task_status(const sb_task *t) { return &list_space(t->list)->statuses[t->status]; }
static int status_is_closed(const sb_status *s) { return strcmp(s->type, "closed") == 0; }

/* Status change: closed and done statuses stamp date_closed / date_done, others clear it. */
static void task_set_status(sb_task *t, int status, int64_t now) {
    const sb_status *s;
    t->status = status;
    s = task_status(t);
    if (strcmp(s->type, "closed") == 0 || strcmp(s->type, "done") == 0) {
        if (t->date_closed < 0) t->date_closed = now;
    } else {
        t->date_closed = -1;
    }
}

static sb_task *find_task(sandbox *sb, const char *id) {
    size_t i;
    for (i = 0; i < sb->ntasks; i++)
        if (!sb->tasks[i]->deleted && strcmp(sb->tasks[i]->id, id) == 0) return sb->tasks[i];
    return NULL;
}
/* Custom ids are unique per workspace; matched case-insensitively. */
static sb_task *find_task_custom(sandbox *sb, const char *team, const char *custom) {
    size_t i;
    for (i = 0; i < sb->ntasks; i++) {
        sb_task *t = sb->tasks[i];
        if (!t->deleted && t->custom_id[0] && strcasecmp(t->custom_id, custom) == 0 &&
            strcmp(list_team(t->list)->id, team) == 0)
            return t;
    }
    return NULL;
}

/* The next custom id of a list's prefix: one more than the highest in use. */
static void next_custom_id(sandbox *sb, const sb_list *l, char *buf, size_t n) {
    size_t i, len, plen = strlen(l->prefix);
    long long max = 0, v;
    char tmp[64];
    for (i = 0; i < sb->ntasks; i++) {
        const char *c = sb->tasks[i]->custom_id;
        if (strncmp(c, l->prefix, plen) == 0 && c[plen] == '-' && (v = parse_ull(c + plen + 1)) > max)
            max = v;
    }
    snprintf(tmp, sizeof tmp, "%s-%lld", l->prefix, max + 1);
    len = strlen(tmp) < n ? strlen(tmp) : n - 1;   /* (prefixes are short: never cut) */
    memcpy(buf, tmp, len);
    buf[len] = '\0';
}

/* List 2100: n generated tasks with the patterns documented in sandbox.h. */
static void seed_big_list(sandbox *sb, int n) {
    const sb_list *l = find_list(&sb->hier, "2100");
    int i;
    for (i = 1; i <= n; i++) {
        char id[24], cid[24], name[96];
        sb_task *t;
        snprintf(id, sizeof id, "86a%05d", i);
        snprintf(cid, sizeof cid, "DEV-%d", i);
        snprintf(name, sizeof name, i % 6 == 0 ? "Deliverable %d for {{client_name}}" : "Deliverable %d", i);
        t = task_alloc(l, id, cid, name);
        task_set_str(&t->description, "Generated task of the big list.");
        t->date_created = 1700000000000LL + (int64_t)i * 60000;
        t->date_updated = 1700100000000LL + (int64_t)i * 1000;
        task_set_status(t, i % 10 == 0 ? 3 : i % 3 == 0 ? 1 : 0, t->date_updated);
        if (i % 2 == 0) task_add_assignee(t, 183);
        if (i % 3 == 0) task_add_assignee(t, 2772463);
        if (i % 5 == 0) task_add_tag(t, "urgent");
        if (i % 4 == 0) task_add_tag(t, "sop");
        t->priority = i % 5;
        if (i % 7 != 0) t->due_date = 1710000000000LL + (int64_t)i * 86400000;
        t->time_estimate = i % 3 == 0 ? 3600000 : 1800000;      /* string, null or number */
        t->te_style = i % 3 == 0 ? NUM_STRING : i % 3 == 1 ? NUM_NULL : NUM_NUMBER;
        t->time_spent = i % 4 == 0 ? 600000 : 0;
        t->ts_style = i % 4 == 0 ? NUM_STRING : NUM_NUMBER;
        snprintf(t->orderindex, sizeof t->orderindex, "\"%d.00000000000000000000000000000000\"", i);
        task_add(sb, t);
    }
}

/* 86abc123 and friends: the task every parser test reads (see sandbox.h). */
static void seed_small_list(sandbox *sb) {
    const sb_list *l = find_list(&sb->hier, "2101");
    sb_task *t = task_alloc(l, "86abc123", "OPS-42", "Onboard {{client_name}} to Slack");
    task_set_str(&t->description,
                 "Onboarding\nInvite {{client_name}} to the shared Slack channel and post the welcome "
                 "message.\nSee link for the checklist.");
    task_set_str(&t->markdown,
                 "# Onboarding\n\nInvite **{{client_name}}** to the shared Slack channel and post the "
                 "welcome message.\n\nSee [link](https://example.com) for the checklist.");
    t->custom_item_null = 1;
    t->date_created = 1695000000000LL;
    t->date_updated = 1695000500000LL;
    task_set_status(t, 1, t->date_updated);
    task_add_assignee(t, 183);
    task_add_tag(t, "sop");
    t->time_estimate = 8640000; t->te_style = NUM_STRING;
    t->time_spent = 2040000;    t->ts_style = NUM_STRING;
    t->checklists = 1;
    task_set_field(t, F_DROPDOWN, "2");
    task_set_field(t, F_TEXT, "\"hello\"");
    task_set_field(t, F_NUMBER, "\"8\"");
    task_set_field(t, F_USERS, "[183,2772463]");
    task_add(sb, t);

    t = task_alloc(l, "86abc124", "OPS-43", "Create the Slack channel");
    snprintf(t->parent, sizeof t->parent, "86abc123");
    snprintf(t->orderindex, sizeof t->orderindex, "1.5");
    t->date_created = 1695000001000LL;
    t->date_updated = 1695000600000LL;
    t->ts_style = NUM_NUMBER;
    task_add_assignee(t, 2772463);
    task_add(sb, t);

    t = task_alloc(l, "86abc125", "OPS-44", "Archive the old onboarding notes");
    t->date_created = 1695000002000LL;
    t->date_updated = 1695000700000LL;
    task_set_status(t, 3, t->date_updated);
    snprintf(t->orderindex, sizeof t->orderindex, "\"2.00000000000000000000000000000000\"");
    task_add(sb, t);
}

static void seed_other_lists(sandbox *sb) {
    sb_task *t = task_alloc(find_list(&sb->hier, "2102"), "86b00001", "SOP-1", "SOP: Client kickoff call");
    task_set_str(&t->description, "Run the kickoff call with {{client_name}}.");
    t->priority = 2;
    task_add(sb, t);
    t = task_alloc(find_list(&sb->hier, "2200"), "86c00001", "INB-1", "Triage the inbox");
    t->start_date = 1712000000000LL;
    t->due_date = 1712086400000LL;
    task_add(sb, t);
    t = task_alloc(find_list(&sb->hier, "2200"), "86c00002", "INB-2", "Reply to {{client_name}}");
    t->date_created = 1700000001000LL;
    task_add_tag(t, "urgent");
    task_add(sb, t);
    t = task_alloc(find_list(&sb->hier, "2900"), "86d00001", "AG-1", "Agency retainer renewal");
    task_add_assignee(t, 7001);
    task_add(sb, t);
}

/* ==== [json output] ========================================================================= */
typedef clickup_json_writer jw_t;

static void k_str(jw_t *w, const char *k, const char *v) { clickup_jw_key(w, k); clickup_jw_string(w, v); }
static void k_int(jw_t *w, const char *k, int64_t v) { clickup_jw_key(w, k); clickup_jw_int64(w, v); }
static void k_bool(jw_t *w, const char *k, int v) { clickup_jw_key(w, k); clickup_jw_bool(w, v); }
static void k_null(jw_t *w, const char *k) { clickup_jw_key(w, k); clickup_jw_null(w); }
static void k_raw(jw_t *w, const char *k, const char *json) {
    clickup_jw_key(w, k);
    clickup_jw_raw(w, json, strlen(json));
}
static void k_empty_array(jw_t *w, const char *k) {
    clickup_jw_key(w, k);
    clickup_jw_array_begin(w);
    clickup_jw_array_end(w);
}
/* Dates in ClickUp task JSON: a string of digits, or null. */
static void k_ms(jw_t *w, const char *k, int64_t ms) {
    char tmp[24];
    if (ms < 0) { k_null(w, k); return; }
    snprintf(tmp, sizeof tmp, "%lld", (long long)ms);
    k_str(w, k, tmp);
}
/* A number-ish field rendered as null, a number or a string of digits. */
static void k_numstyle(jw_t *w, const char *k, int64_t v, int style) {
    if (style == NUM_NULL) k_null(w, k);
    else if (style == NUM_NUMBER) k_int(w, k, v);
    else k_ms(w, k, v);
}

enum { U_MEMBER, U_TASK, U_CREATOR, U_SPACE };

/* A user object in one of the shapes ClickUp uses: team members (with role and dates),
   task people (assignees, watchers, "users" field values), task creator, space members. */
static void w_user(jw_t *w, int64_t id, int style) {
    const sb_user *u = find_user(id);
    char name[48], email[64];
    snprintf(name, sizeof name, "User %lld", (long long)id);
    snprintf(email, sizeof email, "user%lld@example.com", (long long)id);
    clickup_jw_object_begin(w);
    k_int(w, "id", id);
    k_str(w, "username", u ? u->username : name);
    k_str(w, "color", u ? u->color : NULL);
    k_str(w, "email", u ? u->email : email);
    if (style != U_CREATOR) k_str(w, "initials", u ? u->initials : "U");
    k_str(w, "profilePicture", u ? u->picture : NULL);
    if (style == U_MEMBER) {
        k_int(w, "role", u ? u->role : 3);
        k_null(w, "custom_role");
        k_str(w, "last_active", "1700000000000");
        k_str(w, "date_joined", "1690000000000");
        k_str(w, "date_invited", "1689990000000");
    }
    clickup_jw_object_end(w);
}

static void w_team(jw_t *w, const sb_team *t) {
    size_t i;
    clickup_jw_object_begin(w);
    k_str(w, "id", t->id);
    k_str(w, "name", t->name);
    k_str(w, "color", t->color);
    k_null(w, "avatar");
    clickup_jw_key(w, "members");
    clickup_jw_array_begin(w);
    for (i = 0; i < COUNT_OF(USERS); i++) {
        if (strcmp(USERS[i].team, t->id) != 0) continue;
        clickup_jw_object_begin(w);
        clickup_jw_key(w, "user");
        w_user(w, USERS[i].id, U_MEMBER);
        if (USERS[i].role != 1) {            /* go-clickup's TeamUser: invited_by is optional */
            clickup_jw_key(w, "invited_by");
            w_user(w, 183, U_TASK);
        }
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
    clickup_jw_object_end(w);
}

static void w_status(jw_t *w, const sb_status *s) {
    clickup_jw_object_begin(w);
    k_str(w, "id", s->id);
    k_str(w, "status", s->name);
    k_str(w, "color", s->color);
    k_int(w, "orderindex", s->orderindex);
    k_str(w, "type", s->type);
    clickup_jw_object_end(w);
}
static void k_statuses(jw_t *w, const sb_status *st) {
    int i;
    clickup_jw_key(w, "statuses");
    clickup_jw_array_begin(w);
    for (i = 0; i < NSTATUS; i++) w_status(w, &st[i]);
    clickup_jw_array_end(w);
}

static const char SPACE_FEATURES[] =
    "{\"due_dates\":{\"enabled\":true,\"start_date\":true,\"remap_due_dates\":false,"
    "\"remap_closed_due_date\":false},\"time_tracking\":{\"enabled\":false},\"tags\":{\"enabled\":true},"
    "\"time_estimates\":{\"enabled\":true},\"checklists\":{\"enabled\":true},"
    "\"custom_fields\":{\"enabled\":true},\"remap_dependencies\":{\"enabled\":true},"
    "\"dependency_warning\":{\"enabled\":true},\"portfolios\":{\"enabled\":true},"
    "\"sprints\":{\"enabled\":false}}";

static void w_space(jw_t *w, const sb_space *s) {
    size_t i;
    clickup_jw_object_begin(w);
    k_str(w, "id", s->id);
    k_str(w, "name", s->name);
    k_bool(w, "private", s->is_private);
    k_str(w, "color", s->color);
    k_null(w, "avatar");
    k_bool(w, "admin_can_manage", s->admin_can_manage);
    k_bool(w, "archived", s->archived);
    if (s->is_private) {                     /* members appear for private spaces only */
        clickup_jw_key(w, "members");
        clickup_jw_array_begin(w);
        for (i = 0; i < COUNT_OF(USERS); i++) {
            if (strcmp(USERS[i].team, s->team) != 0 || USERS[i].role == 4) continue;
            clickup_jw_object_begin(w);
            clickup_jw_key(w, "user");
            w_user(w, USERS[i].id, U_SPACE);
            clickup_jw_object_end(w);
        }
        clickup_jw_array_end(w);
    }
    k_statuses(w, s->statuses);
    k_bool(w, "multiple_assignees", s->multiple_assignees);
    k_raw(w, "features", s->features ? s->features : SPACE_FEATURES);
    clickup_jw_object_end(w);
}

static size_t list_task_count(sandbox *sb, const sb_list *l) {
    size_t i, n = 0;
    for (i = 0; i < sb->ntasks; i++)
        if (!sb->tasks[i]->deleted && sb->tasks[i]->list == l) n++;
    return n;
}

static void w_ref(jw_t *w, const char *k, const char *id, const char *name, int hidden) {
    clickup_jw_key(w, k);
    clickup_jw_object_begin(w);
    k_str(w, "id", id);
    if (name) k_str(w, "name", name);
    if (hidden >= 0) k_bool(w, "hidden", hidden);
    k_bool(w, "access", 1);
    clickup_jw_object_end(w);
}
/* A list's folder: the real one, or the hidden placeholder folderless lists report. */
static void w_list_folder(jw_t *w, const char *k, const sb_list *l) {
    const sb_folder *f = l->fo;
    if (f) w_ref(w, k, f->id, f->name, 0);
    else w_ref(w, k, list_space(l)->hidden_folder, "hidden", 1);
}

/* A list's colour label: {"status", "color", "hide_label"}, or null. */
static const char *const LABEL_COLORS[][2] = {
    { "green", "#00ff00" }, { "red", "#e50000" }, { "blue", "#0231e8" }, { "yellow", "#ffcc00" },
    { "purple", "#7b68ee" },
};
static void k_list_label(jw_t *w, const char *label) {
    size_t i;
    const char *color = "#d3d3d3";
    if (!label) { k_null(w, "status"); return; }
    for (i = 0; i < COUNT_OF(LABEL_COLORS); i++)
        if (strcasecmp(LABEL_COLORS[i][0], label) == 0) color = LABEL_COLORS[i][1];
    clickup_jw_key(w, "status");
    clickup_jw_object_begin(w);
    k_str(w, "status", label);
    k_str(w, "color", color);
    k_bool(w, "hide_label", 1);
    clickup_jw_object_end(w);
}
/* A list's priority: {"priority", "color"} (names and colours as a task's), or null. */
static const char *const PRIORITY_NAMES[] = { NULL, "urgent", "high", "normal", "low" };
static const char *const PRIORITY_COLORS[] = { NULL, "#f50000", "#ffcc00", "#6fddff", "#d8d8d8" };
static void k_list_priority(jw_t *w, int p) {
    if (p < 1 || p > 4) { k_null(w, "priority"); return; }
    clickup_jw_key(w, "priority");
    clickup_jw_object_begin(w);
    k_str(w, "priority", PRIORITY_NAMES[p]);
    k_str(w, "color", PRIORITY_COLORS[p]);
    clickup_jw_object_end(w);
}

/* The List object of docs section 6. GET /list/{id} adds statuses and inbound_address. */
static void w_list(sandbox *sb, jw_t *w, const sb_list *l, int full) {
    const sb_space *s = list_space(l);
    char count[24];
    clickup_jw_object_begin(w);
    k_str(w, "id", l->id);
    k_str(w, "name", l->name);
    k_int(w, "orderindex", l->orderindex);
    k_str(w, "content", l->content);
    k_list_label(w, l->label);
    k_list_priority(w, l->priority);
    if (l->assignee) { clickup_jw_key(w, "assignee"); w_user(w, l->assignee, U_TASK); }
    else k_null(w, "assignee");
    snprintf(count, sizeof count, "%zu", list_task_count(sb, l));
    if (l->count_style == COUNT_NUMBER) k_int(w, "task_count", (int64_t)list_task_count(sb, l));
    else if (l->count_style == COUNT_STRING) k_str(w, "task_count", count);
    else k_null(w, "task_count");
    k_ms(w, "due_date", l->due_date);
    k_bool(w, "due_date_time", l->due_date_time);
    k_null(w, "start_date");
    k_null(w, "start_date_time");
    w_list_folder(w, "folder", l);
    w_ref(w, "space", s->id, s->name, -1);
    if (full) {
        char addr[64];
        snprintf(addr, sizeof addr, "a.t.%s.sandbox@tasks.clickup.com", l->id);
        k_str(w, "inbound_address", addr);
    }
    k_bool(w, "archived", 0);
    k_bool(w, "override_statuses", 0);
    if (full) k_statuses(w, s->statuses);
    k_str(w, "permission_level", "create");
    clickup_jw_object_end(w);
}

static int list_in_folder(const sb_list *l, const sb_folder *f) { return !l->deleted && l->fo == f; }

static void w_folder(sandbox *sb, jw_t *w, const sb_folder *f) {
    const sb_space *s = f->sp;
    const sb_hier *h = &sb->hier;
    size_t i, n = 0;
    char count[24];
    for (i = 0; i < h->nlists; i++)
        if (list_in_folder(h->lists[i], f)) n += list_task_count(sb, h->lists[i]);
    snprintf(count, sizeof count, "%zu", n);
    clickup_jw_object_begin(w);
    k_str(w, "id", f->id);
    k_str(w, "name", f->name);
    k_int(w, "orderindex", f->orderindex);
    k_bool(w, "override_statuses", 0);
    k_bool(w, "hidden", 0);
    w_ref(w, "space", s->id, s->name, -1);
    k_str(w, "task_count", count);           /* a string in the spec ("20") */
    k_bool(w, "archived", 0);
    k_empty_array(w, "statuses");
    clickup_jw_key(w, "lists");
    clickup_jw_array_begin(w);
    for (i = 0; i < h->nlists; i++)
        if (list_in_folder(h->lists[i], f)) w_list(sb, w, h->lists[i], 0);
    clickup_jw_array_end(w);
    k_str(w, "permission_level", "create");
    clickup_jw_object_end(w);
}

/* Task priority: an object of strings, or null (docs 1.3). */
static void k_priority(jw_t *w, int p) {
    char id[4];
    if (p < 1 || p > 4) { k_null(w, "priority"); return; }
    snprintf(id, sizeof id, "%d", p);
    clickup_jw_key(w, "priority");
    clickup_jw_object_begin(w);
    k_str(w, "color", PRIORITY_COLORS[p]);
    k_str(w, "id", id);
    k_str(w, "orderindex", id);
    k_str(w, "priority", PRIORITY_NAMES[p]);
    clickup_jw_object_end(w);
}

static void k_tags(jw_t *w, const sb_task *t) {
    size_t i;
    clickup_jw_key(w, "tags");
    clickup_jw_array_begin(w);
    for (i = 0; i < t->ntags; i++) {
        int known = strcmp(t->tags[i], "sop") == 0 || strcmp(t->tags[i], "urgent") == 0;
        clickup_jw_object_begin(w);
        k_str(w, "name", t->tags[i]);
        k_str(w, "tag_fg", known ? "#fff" : "#000000");
        k_str(w, "tag_bg", strcmp(t->tags[i], "sop") == 0 ? "#000" : known ? "#e50000" : "#cccccc");
        k_int(w, "creator", 183);
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
}

/* "users" field values are stored as an array of ids and shown as user objects. */
static void w_users_value(jw_t *w, const char *ids_json) {
    clickup_json_doc *doc = NULL;
    const clickup_json *arr;
    size_t i;
    clickup_jw_array_begin(w);
    if (clickup_json_parse(ids_json, strlen(ids_json), NULL, &doc, NULL) == CLICKUP_OK) {
        arr = clickup_json_root(doc);
        for (i = 0; i < clickup_json_len(arr); i++) w_user(w, clickup_json_as_int64(clickup_json_at(arr, i), 0), U_TASK);
    }
    clickup_json_doc_free(doc);
    clickup_jw_array_end(w);
}

/* Custom fields: every field is listed; the "value" key is ABSENT when unset (tap-clickup). */
struct sb_ctx;   /* [field lab and time entries], defined with the handlers */
static void lab_custom_fields(sandbox *sb, jw_t *w, const sb_list *l, const sb_task *t);
static int lab_field(struct sb_ctx *c, sb_task *t, int set);
static void k_custom_fields(sandbox *sb, jw_t *w, const char *key, const sb_list *l, const sb_task *t) {
    int f;
    clickup_jw_key(w, key);
    clickup_jw_array_begin(w);
    for (f = 0; f < NFIELDS; f++) {
        clickup_jw_object_begin(w);
        k_str(w, "id", FIELDS[f].id);
        k_str(w, "name", FIELDS[f].name);
        k_str(w, "type", FIELDS[f].type);
        k_raw(w, "type_config", FIELDS[f].type_config);
        k_str(w, "date_created", "1690000000000");
        k_bool(w, "hide_from_guests", 0);
        if (t && t->fv[f]) {
            clickup_jw_key(w, "value");
            if (f == F_USERS) w_users_value(w, t->fv[f]);
            else clickup_jw_raw(w, t->fv[f], strlen(t->fv[f]));
        }
        k_bool(w, "required", 0);
        clickup_jw_object_end(w);
    }
    lab_custom_fields(sb, w, l, t);
    clickup_jw_array_end(w);
}

static void k_people(jw_t *w, const char *k, const int64_t *ids, size_t n) {
    size_t i;
    clickup_jw_key(w, k);
    clickup_jw_array_begin(w);
    for (i = 0; i < n; i++) w_user(w, ids[i], U_TASK);
    clickup_jw_array_end(w);
}

static const char TASK_SHARING[] =
    "{\"public\":false,\"public_share_expires_on\":null,\"public_fields\":[\"assignees\",\"priority\","
    "\"due_date\",\"content\",\"comments\",\"attachments\",\"customFields\",\"subtasks\",\"tags\","
    "\"checklists\",\"coverimage\"],\"token\":null,\"seo_optimized\":false}";

static int attach_is_image(const sb_attach *a) {
    return !strcmp(a->ext, "png") || !strcmp(a->ext, "jpg") || !strcmp(a->ext, "jpeg") || !strcmp(a->ext, "gif");
}
static void attach_url(const sb_attach *a, const char *size, char *buf, size_t n) {
    snprintf(buf, n, "https://attachments.sandbox.invalid/%s/%s%s", a->id, size, a->title);
}
/* The answer of an upload, ClickUp's shape: id, version, date, title, extension, thumbnails, url. */
static void w_attachment_created(jw_t *w, const sb_attach *a) {
    char url[512];
    clickup_jw_object_begin(w);
    k_str(w, "id", a->id);
    k_str(w, "version", "0");
    k_int(w, "date", a->date);
    k_str(w, "title", a->title);
    k_str(w, "extension", a->ext);
    attach_url(a, "small_", url, sizeof url);
    k_str(w, "thumbnail_small", attach_is_image(a) ? url : NULL);
    attach_url(a, "large_", url, sizeof url);
    k_str(w, "thumbnail_large", attach_is_image(a) ? url : NULL);
    attach_url(a, "", url, sizeof url);
    k_str(w, "url", url);
    clickup_jw_object_end(w);
}
/* A task's "attachments", as GET /task shows them (a subset of ClickUp's keys, "size" included). */
static void k_attachments(jw_t *w, const sb_task *t) {
    size_t i;
    char url[512];
    clickup_jw_key(w, "attachments");
    clickup_jw_array_begin(w);
    for (i = 0; i < t->natt; i++) {
        const sb_attach *a = &t->att[i];
        clickup_jw_object_begin(w);
        k_str(w, "id", a->id);
        k_int(w, "date", a->date);
        k_str(w, "title", a->title);
        k_int(w, "type", 1);
        k_int(w, "source", 1);
        k_int(w, "version", 0);
        k_str(w, "extension", a->ext);
        k_null(w, "thumbnail_small");
        k_null(w, "thumbnail_large");
        k_str(w, "mimetype", a->mimetype);
        k_bool(w, "hidden", 0);
        k_str(w, "parent_id", t->id);
        k_int(w, "size", (int64_t)a->size);
        k_bool(w, "deleted", 0);
        attach_url(a, "", url, sizeof url);
        k_str(w, "url", url);
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
}

/* The top of a subtask chain. */
static const sb_task *task_root(sandbox *sb, const sb_task *t) {
    int hops = 0;
    while (t->parent[0] && hops++ < 32) {
        const sb_task *p = find_task(sb, t->parent);
        if (!p) break;
        t = p;
    }
    return t;
}

typedef struct task_view {
    int markdown;      /* include markdown_description        */
    int subtasks;      /* include a "subtasks" array           */
} task_view;

static void w_task(sandbox *sb, jw_t *w, const sb_task *t, task_view v);

static void k_subtasks(sandbox *sb, jw_t *w, const sb_task *t, task_view v) {
    size_t i;
    task_view inner = v;
    inner.subtasks = 0;
    clickup_jw_key(w, "subtasks");
    clickup_jw_array_begin(w);
    for (i = 0; i < sb->ntasks; i++)
        if (!sb->tasks[i]->deleted && strcmp(sb->tasks[i]->parent, t->id) == 0) w_task(sb, w, sb->tasks[i], inner);
    clickup_jw_array_end(w);
}

/* The Task object of docs section 1.3, key for key. */
static void w_task(sandbox *sb, jw_t *w, const sb_task *t, task_view v) {
    const sb_space *s = list_space(t->list);
    const sb_status *st = task_status(t);
    char url[64];
    int64_t creator = strcmp(s->team, "9002") == 0 ? 7001 : 183;
    clickup_jw_object_begin(w);
    k_str(w, "id", t->id);
    k_str(w, "custom_id", t->custom_id[0] ? t->custom_id : NULL);
    if (t->custom_item_null) k_null(w, "custom_item_id");
    else k_int(w, "custom_item_id", 0);
    k_str(w, "name", t->name);
    k_str(w, "text_content", t->description);
    k_str(w, "description", t->description);
    if (v.markdown) k_str(w, "markdown_description", t->markdown ? t->markdown : t->description);
    clickup_jw_key(w, "status");
    w_status(w, st);
    k_raw(w, "orderindex", t->orderindex);
    k_ms(w, "date_created", t->date_created);
    k_ms(w, "date_updated", t->date_updated);
    k_ms(w, "date_closed", t->date_closed);
    k_ms(w, "date_done", strcmp(st->type, "open") != 0 && strcmp(st->type, "custom") != 0 ? t->date_closed : -1);
    k_bool(w, "archived", t->archived);
    clickup_jw_key(w, "creator");
    w_user(w, creator, U_CREATOR);
    k_people(w, "assignees", t->assignees, t->nassignees);
    k_empty_array(w, "group_assignees");
    k_people(w, "watchers", &creator, 1);
    if (t->checklists) k_raw(w, "checklists", SPECIAL_CHECKLISTS);
    else k_empty_array(w, "checklists");
    k_tags(w, t);
    k_str(w, "parent", t->parent[0] ? t->parent : NULL);
    k_str(w, "top_level_parent", t->parent[0] ? task_root(sb, t)->id : NULL);
    k_priority(w, t->priority);
    k_ms(w, "due_date", t->due_date);
    k_ms(w, "start_date", t->start_date);
    k_null(w, "points");
    k_numstyle(w, "time_estimate", t->time_estimate, t->te_style);
    k_numstyle(w, "time_spent", t->time_spent, t->ts_style);
    k_custom_fields(sb, w, "custom_fields", t->list, t);
    k_empty_array(w, "dependencies");
    k_empty_array(w, "linked_tasks");
    k_empty_array(w, "locations");
    k_attachments(w, t);
    k_str(w, "team_id", s->team);
    snprintf(url, sizeof url, "https://app.clickup.com/t/%s", t->id);
    k_str(w, "url", url);
    k_raw(w, "sharing", TASK_SHARING);
    k_str(w, "permission_level", "create");
    w_ref(w, "list", t->list->id, t->list->name, -1);
    w_list_folder(w, "project", t->list);    /* "project" is the legacy name of folder */
    w_list_folder(w, "folder", t->list);
    clickup_jw_key(w, "space");
    clickup_jw_object_begin(w);
    k_str(w, "id", s->id);
    clickup_jw_object_end(w);
    if (v.subtasks) k_subtasks(sb, w, t, v);
    clickup_jw_object_end(w);
}

/* ==== [http request] ======================================================================== */
typedef struct sb_kv {
    char *key, *value;
} sb_kv;

typedef struct sb_req {
    char   *method, *path, *query;     /* query: raw, without '?', "" when none   */
    sb_kv  *params;                    /* decoded query, in order                 */
    size_t  nparams;
    char   *authorization, *user_agent, *content_type, *accept_encoding;  /* NULL = absent */
    char   *body;                      /* NUL-terminated                          */
    size_t  body_len;
    int     keep_alive;
} sb_req;

static void req_free(sb_req *rq) {
    size_t i;
    if (!rq) return;
    free(rq->method);
    free(rq->path);
    free(rq->query);
    for (i = 0; i < rq->nparams; i++) { free(rq->params[i].key); free(rq->params[i].value); }
    free(rq->params);
    free(rq->authorization);
    free(rq->user_agent);
    free(rq->content_type);
    free(rq->accept_encoding);
    free(rq->body);
    free(rq);
}

/* Split the raw query on '&' into decoded (key, value) pairs; "k" alone has the value "". */
static void parse_query(sb_req *rq) {
    const char *p = rq->query;
    while (*p) {
        const char *end = strchr(p, '&'), *eq;
        size_t n = end ? (size_t)(end - p) : strlen(p);
        if (n) {
            eq = memchr(p, '=', n);
            rq->params = (sb_kv *)sb_grow(rq->params, (rq->nparams + 1) * sizeof *rq->params);
            rq->params[rq->nparams].key = pct_decode(p, eq ? (size_t)(eq - p) : n, 1);
            rq->params[rq->nparams].value = eq ? pct_decode(eq + 1, n - (size_t)(eq - p) - 1, 1) : sb_strdup("");
            rq->nparams++;
        }
        p += n;
        if (*p == '&') p++;
    }
}

/* The nth value of a query key, or NULL. */
static const char *q_nth(const sb_req *rq, const char *key, size_t nth) {
    size_t i;
    for (i = 0; i < rq->nparams; i++)
        if (strcmp(rq->params[i].key, key) == 0 && nth-- == 0) return rq->params[i].value;
    return NULL;
}
static const char *q_get(const sb_req *rq, const char *key) { return q_nth(rq, key, 0); }
/* Query booleans are the strings "true" / "false". */
static int q_bool(const sb_req *rq, const char *key) {
    const char *v = q_get(rq, key);
    return v && strcasecmp(v, "true") == 0;
}
/* Array filters: ClickUp's docs name them "statuses" but every client sends "statuses[]";
   both forms are read, bracket form first. Returns the nth value over both. */
static const char *q_arr(const sb_req *rq, const char *name, size_t nth) {
    char key[64];
    size_t i, n = 0;
    const char *v;
    snprintf(key, sizeof key, "%s[]", name);
    for (i = 0; (v = q_nth(rq, key, i)) != NULL; i++, n++)
        if (n == nth) return v;
    for (i = 0; (v = q_nth(rq, name, i)) != NULL; i++, n++)
        if (n == nth) return v;
    return NULL;
}
/* An int64 query value (ms dates, ids), or `fallback` when absent or not a number. */
static long long q_ll(const sb_req *rq, const char *key, long long fallback) {
    const char *v = q_get(rq, key);
    long long x = v ? parse_ull(v) : -1;
    return x < 0 ? fallback : x;
}

/* ==== [log] ================================================================================= */

/* Deep copy of a request into one entry: every string lives in one block. */
static sb_entry *entry_from_req(const sb_req *rq) {
    const char *hdr[4];
    size_t i, total, at = 0;
    char *blob;
    sb_entry *e = (sb_entry *)sb_zalloc(sizeof *e);
    hdr[0] = rq->authorization; hdr[1] = rq->user_agent;
    hdr[2] = rq->content_type;  hdr[3] = rq->accept_encoding;
    total = strlen(rq->method) + strlen(rq->path) + strlen(rq->query) + rq->body_len + 4;
    for (i = 0; i < 4; i++) total += hdr[i] ? strlen(hdr[i]) + 1 : 0;
    for (i = 0; i < rq->nparams; i++) total += strlen(rq->params[i].key) + strlen(rq->params[i].value) + 2;
    blob = (char *)sb_alloc(total);
#define SB_COPY(dst, src, n) do { memcpy(blob + at, (src), (n)); blob[at + (n)] = '\0'; (dst) = blob + at; at += (n) + 1; } while (0)
    SB_COPY(e->pub.method, rq->method, strlen(rq->method));
    SB_COPY(e->pub.path, rq->path, strlen(rq->path));
    SB_COPY(e->pub.query, rq->query, strlen(rq->query));
    SB_COPY(e->pub.body, rq->body ? rq->body : "", rq->body_len);
    if (hdr[0]) SB_COPY(e->pub.authorization, hdr[0], strlen(hdr[0]));
    if (hdr[1]) SB_COPY(e->pub.user_agent, hdr[1], strlen(hdr[1]));
    if (hdr[2]) SB_COPY(e->pub.content_type, hdr[2], strlen(hdr[2]));
    if (hdr[3]) SB_COPY(e->pub.accept_encoding, hdr[3], strlen(hdr[3]));
    e->params = (sandbox_param *)sb_zalloc((rq->nparams ? rq->nparams : 1) * sizeof *e->params);
    for (i = 0; i < rq->nparams; i++) {
        SB_COPY(e->params[i].key, rq->params[i].key, strlen(rq->params[i].key));
        SB_COPY(e->params[i].value, rq->params[i].value, strlen(rq->params[i].value));
    }
#undef SB_COPY
    e->pub.body_len = rq->body_len;
    e->pub.params = e->params;
    e->pub.param_count = rq->nparams;
    return e;
}

static void entry_free(sb_entry *e) {
    if (!e) return;
    free((void *)(uintptr_t)e->pub.method);   /* the start of the string block */
    free(e->params);
    free(e);
}

/* Caller holds sb->mu. */
static void log_clear_locked(sandbox *sb) {
    size_t i;
    for (i = 0; i < sb->nlog; i++) entry_free(sb->log[i]);
    free(sb->log);
    sb->log = NULL;
    sb->nlog = sb->cap_log = 0;
    sb->log_gen++;
    sb->count_429 = 0;
    sb->rate_peak = 0;
}

typedef struct log_ref {
    unsigned gen;
    size_t   index;
} log_ref;

static log_ref log_add(sandbox *sb, const sb_req *rq) {
    sb_entry *e = entry_from_req(rq);
    log_ref ref;
    pthread_mutex_lock(&sb->mu);
    if (sb->nlog == sb->cap_log) {
        sb->cap_log = sb->cap_log ? sb->cap_log * 2 : 256;
        sb->log = (sb_entry **)sb_grow(sb->log, sb->cap_log * sizeof *sb->log);
    }
    ref.gen = sb->log_gen;
    ref.index = sb->nlog;
    sb->log[sb->nlog++] = e;
    pthread_mutex_unlock(&sb->mu);
    return ref;
}

/* The X-RateLimit-* values an answer carries, as sent; all "" when it carries none. */
typedef struct rate_text {
    char limit[24], remaining[24], reset[24];
} rate_text;

/* Record the answer (status, fault, rate headers) in the entry, unless the log was reset
   meanwhile. Counts 429s. */
static void log_result(sandbox *sb, log_ref ref, int status, sandbox_fault_kind fault, const rate_text *rt) {
    pthread_mutex_lock(&sb->mu);
    if (ref.gen == sb->log_gen && ref.index < sb->nlog) {
        sandbox_request *e = &sb->log[ref.index]->pub;
        e->status = status;
        e->fault = fault;
        memcpy(e->rate_limit, rt->limit, sizeof e->rate_limit);
        memcpy(e->rate_remaining, rt->remaining, sizeof e->rate_remaining);
        memcpy(e->rate_reset, rt->reset, sizeof e->rate_reset);
    }
    if (status == 429) sb->count_429++;
    pthread_mutex_unlock(&sb->mu);
}

static int entry_matches(const sb_entry *e, const char *method, const char *prefix) {
    return (!method || strcasecmp(e->pub.method, method) == 0) && (!prefix || starts_with(e->pub.path, prefix));
}

/* ==== [rate limit] ==========================================================================
   ClickUp's limit is per token, with X-RateLimit-Reset in Unix seconds (docs section 2). The
   sandbox uses fixed windows aligned to multiples of the window length. */
typedef struct rate_info {
    long long limit, remaining, reset;   /* header values; reset in Unix seconds */
    int       limited;                   /* this request is over the limit       */
} rate_info;

static int window_s(const sandbox *sb) { return sb->rate_limit > 0 ? sb->rate_window_s : 60; }

static sb_rate *rate_slot_locked(sandbox *sb, const char *token) {
    sb_rate *r;
    for (r = sb->rates; r; r = r->next)
        if (strcmp(r->token, token) == 0) return r;
    r = (sb_rate *)sb_zalloc(sizeof *r);
    r->token = sb_strdup(token);
    r->window = -1;
    r->next = sb->rates;
    sb->rates = r;
    return r;
}

/* Count one request of `token` and say what the headers must carry. */
static rate_info rate_count(sandbox *sb, const char *token) {
    rate_info ri;
    sb_rate *r;
    long long now = (long long)time(NULL), w, k;
    pthread_mutex_lock(&sb->mu);
    w = window_s(sb);
    k = now / w;
    r = rate_slot_locked(sb, token);
    if (r->window != k) { r->window = k; r->used = 0; }
    r->used++;
    if (r->used > sb->rate_peak) sb->rate_peak = r->used;
    ri.limit = sb->rate_limit > 0 ? sb->rate_limit : 10000;
    ri.remaining = ri.limit - r->used > 0 ? ri.limit - r->used : 0;
    ri.reset = (k + 1) * w;
    ri.limited = sb->rate_limit > 0 && r->used > sb->rate_limit;
    pthread_mutex_unlock(&sb->mu);
    return ri;
}

/* The token as the rate limiter keys it: the header value without "Bearer ". */
static const char *rate_key(const sb_req *rq) {
    const char *a = rq->authorization;
    if (!a) return "";
    return strncasecmp(a, "Bearer ", 7) == 0 ? a + 7 : a;
}

/* ==== [faults] ============================================================================== */
static const char *const FAULT_NAMES[] = {
    NULL, "status", "delay", "truncate", "malformed", "empty_200", "wrong_shape", "oversized",
    "no_rate_headers", "garbage_rate_headers", "reset_ms", "retry_after", "conn_reset", "drip",
    "deep_nesting", "429", "reset_reused",
};

typedef struct fault_hit {
    sandbox_fault_kind kind;   /* 0 = none */
    long               arg;
} fault_hit;

static void fault_free(sb_fault *f) {
    free(f->method);
    free(f->prefix);
    free(f);
}

/* Take one firing of the oldest fault matching the request. `reused`: the request is not the
   first of its connection (RESET_REUSED matches only then, and is not used up otherwise). */
static fault_hit fault_take(sandbox *sb, const char *method, const char *path, int reused) {
    fault_hit hit = { (sandbox_fault_kind)0, 0 };
    sb_fault **pp, *f;
    pthread_mutex_lock(&sb->mu);
    for (pp = &sb->faults; (f = *pp) != NULL; pp = &f->next) {
        if (f->method && strcasecmp(f->method, method) != 0) continue;
        if (f->prefix && !starts_with(path, f->prefix)) continue;
        if (f->kind == SANDBOX_FAULT_RESET_REUSED && !reused) continue;
        hit.kind = f->kind;
        hit.arg = f->arg;
        if (f->count > 0 && --f->count == 0) {
            *pp = f->next;
            fault_free(f);
        }
        break;
    }
    pthread_mutex_unlock(&sb->mu);
    return hit;
}

static size_t faults_count_locked(const sandbox *sb) {
    const sb_fault *f;
    size_t n = 0;
    for (f = sb->faults; f; f = f->next) n++;
    return n;
}

static void faults_clear_locked(sandbox *sb) {
    while (sb->faults) {
        sb_fault *f = sb->faults;
        sb->faults = f->next;
        fault_free(f);
    }
}

/* ==== [handlers] ============================================================================
   A handler runs with sb->mu held, reads c->rq / c->arg / c->body, and either writes a
   success body into c->w (status 200 unless it sets c->status) or calls reply_err. */
#define MAX_SEGS 8

typedef struct sb_ctx {
    sandbox            *sb;
    const sb_req       *rq;
    char               *seg[MAX_SEGS];  /* decoded path segments after /api/v2          */
    int                 nseg;
    const char         *arg[4];         /* the segments matched by ':' in the route     */
    unsigned            teams;          /* teams the token sees (sb_team.bit)           */
    clickup_json_doc   *doc;            /* the parsed request body                      */
    const clickup_json *body;           /* its root, or NULL                            */
    int                 status;
    jw_t                w;
} sb_ctx;

static int reply_err_key(sb_ctx *c, int status, const char *key, const char *msg, const char *ecode) {
    clickup_json_writer_free(&c->w);
    clickup_json_writer_init(&c->w, NULL);
    clickup_jw_object_begin(&c->w);
    k_str(&c->w, key, msg);
    k_str(&c->w, "ECODE", ecode);
    clickup_jw_object_end(&c->w);
    c->status = status;
    return -1;
}
/* ClickUp's error body: {"err": "...", "ECODE": "..."} (docs section 3). */
static int reply_err(sb_ctx *c, int status, const char *msg, const char *ecode) {
    return reply_err_key(c, status, "err", msg, ecode);
}
static int reply_empty_object(sb_ctx *c) {
    clickup_jw_object_begin(&c->w);
    clickup_jw_object_end(&c->w);
    return 0;
}

static int err_team(sb_ctx *c) { return reply_err(c, 401, "Team(s) not authorized", "OAUTH_023"); }

/* Tokens as ClickUp reads them: a personal token raw ("pk_..."), an OAuth token after
   "Bearer ". "Bearer pk_..." is refused like a bad token (docs section 7). */
static int authenticate(sb_ctx *c) {
    const char *a = c->rq->authorization;
    if (!a || !*a) return reply_err(c, 401, "Authorization header required", "OAUTH_017");
    if (strcmp(a, c->sb->token) == 0) c->teams = 1u;
    else if (strcmp(a, SANDBOX_MULTI_TOKEN) == 0) c->teams = 1u | 2u;
    else if (strcmp(a, "Bearer " SANDBOX_OAUTH_TOKEN) == 0) c->teams = 1u;
    else return reply_err(c, 401, "Token invalid", "OAUTH_025");
    return 0;
}

static int team_visible(const sb_ctx *c, const char *team_id) {
    const sb_team *t = find_team(team_id);
    return t && (c->teams & t->bit);
}
/* A team id in the path that the token cannot see: 401 OAUTH_023, as ClickUp. */
static int need_team(sb_ctx *c, const char *team_id) {
    return team_visible(c, team_id) ? 0 : err_team(c);
}

/* ClickUp answers 401 for ids it cannot place (n8n PR #28584): spaces and folders. */
static sb_space *need_space(sb_ctx *c, const char *id) {
    sb_space *s = find_space(&c->sb->hier, id);
    if (!s) { reply_err(c, 401, "Team not authorized", "OAUTH_027"); return NULL; }
    if (need_team(c, s->team) < 0) return NULL;
    return s;
}
static sb_folder *need_folder(sb_ctx *c, const char *id) {
    sb_folder *f = find_folder(&c->sb->hier, id);
    if (!f) { reply_err(c, 401, "Team not authorized", "OAUTH_027"); return NULL; }
    if (!need_space(c, f->sp->id)) return NULL;
    return f;
}
static sb_list *need_list(sb_ctx *c, const char *id) {
    sb_list *l = find_list(&c->sb->hier, id);
    if (!l) { reply_err(c, 404, "List not found", "ITEM_017"); return NULL; }
    if (need_team(c, list_team(l)->id) < 0) return NULL;
    return l;
}

/* Native ids are lower-case alphanumeric; anything else looks like a custom id. */
static int looks_native(const char *id) {
    for (; *id; id++)
        if (!((*id >= '0' && *id <= '9') || (*id >= 'a' && *id <= 'z'))) return 0;
    return 1;
}

/* {task_id} of /task/{task_id}...: native, or custom with custom_task_ids=true&team_id=. */
static sb_task *need_task(sb_ctx *c, const char *id) {
    sb_task *t;
    if (q_bool(c->rq, "custom_task_ids")) {
        const char *team = q_get(c->rq, "team_id");
        if (!team || !*team) {
            reply_err(c, 400, "Team ID is required when using custom task ids", "OAUTH_070");
            return NULL;
        }
        if (need_team(c, team) < 0) return NULL;
        if (!(t = find_task_custom(c->sb, team, id))) {
            reply_err(c, 404, "Task not found, deleted", "ITEM_013");
            return NULL;
        }
        return t;
    }
    if (!(t = find_task(c->sb, id))) {
        /* A custom id sent without custom_task_ids=true draws a misleading 401 (docs 3). */
        if (!looks_native(id)) err_team(c);
        else reply_err(c, 404, "Task not found, deleted", "ITEM_013");
        return NULL;
    }
    if (need_team(c, list_team(t->list)->id) < 0) return NULL;
    return t;
}

/* ---- hierarchy ----------------------------------------------------------------------------- */
static int h_teams(sb_ctx *c) {
    size_t i;
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "teams");
    clickup_jw_array_begin(&c->w);
    for (i = 0; i < COUNT_OF(TEAMS); i++)
        if (c->teams & TEAMS[i].bit) w_team(&c->w, &TEAMS[i]);
    clickup_jw_array_end(&c->w);
    clickup_jw_object_end(&c->w);
    return 0;
}

static int h_user(sb_ctx *c) {
    const sb_user *u = find_user(183);
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "user");
    clickup_jw_object_begin(&c->w);
    k_int(&c->w, "id", u->id);
    k_str(&c->w, "username", u->username);
    k_str(&c->w, "email", u->email);
    k_str(&c->w, "color", u->color);
    k_str(&c->w, "profilePicture", u->picture);
    k_str(&c->w, "initials", u->initials);
    k_int(&c->w, "week_start_day", 1);
    k_bool(&c->w, "global_font_support", 0);
    k_str(&c->w, "timezone", "Europe/London");
    clickup_jw_object_end(&c->w);
    clickup_jw_object_end(&c->w);
    return 0;
}

/* GET /team/{id}/space: archived=true returns the archived spaces ONLY. */
static int h_spaces(sb_ctx *c) {
    size_t i;
    int archived = q_bool(c->rq, "archived");
    const sb_hier *h = &c->sb->hier;
    if (need_team(c, c->arg[0]) < 0) return -1;
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "spaces");
    clickup_jw_array_begin(&c->w);
    for (i = 0; i < h->nspaces; i++)
        if (!h->spaces[i]->deleted && strcmp(h->spaces[i]->team, c->arg[0]) == 0 && h->spaces[i]->archived == archived)
            w_space(&c->w, h->spaces[i]);
    clickup_jw_array_end(&c->w);
    clickup_jw_object_end(&c->w);
    return 0;
}

static int h_space(sb_ctx *c) {
    const sb_space *s = need_space(c, c->arg[0]);
    if (!s) return -1;
    w_space(&c->w, s);
    return 0;
}

/* No folder or list is archived, so archived=true lists nothing. */
static int h_folders(sb_ctx *c) {
    size_t i;
    const sb_space *s = need_space(c, c->arg[0]);
    if (!s) return -1;
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "folders");
    clickup_jw_array_begin(&c->w);
    for (i = 0; i < c->sb->hier.nfolders && !q_bool(c->rq, "archived"); i++)
        if (!c->sb->hier.folders[i]->deleted && c->sb->hier.folders[i]->sp == s)
            w_folder(c->sb, &c->w, c->sb->hier.folders[i]);
    clickup_jw_array_end(&c->w);
    clickup_jw_object_end(&c->w);
    return 0;
}

static int h_folder(sb_ctx *c) {
    const sb_folder *f = need_folder(c, c->arg[0]);
    if (!f) return -1;
    w_folder(c->sb, &c->w, f);
    return 0;
}

/* Lists of a folder (folder != NULL) or the folderless lists of a space. */
static void w_lists(sb_ctx *c, const sb_folder *folder, const sb_space *space) {
    size_t i;
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "lists");
    clickup_jw_array_begin(&c->w);
    for (i = 0; i < c->sb->hier.nlists && !q_bool(c->rq, "archived"); i++) {
        const sb_list *l = c->sb->hier.lists[i];
        if (!l->deleted && (folder ? l->fo == folder : (!l->fo && l->sp == space)))
            w_list(c->sb, &c->w, l, 0);
    }
    clickup_jw_array_end(&c->w);
    clickup_jw_object_end(&c->w);
}
static int h_folder_lists(sb_ctx *c) {
    const sb_folder *f = need_folder(c, c->arg[0]);
    if (!f) return -1;
    w_lists(c, f, NULL);
    return 0;
}
static int h_space_lists(sb_ctx *c) {
    const sb_space *s = need_space(c, c->arg[0]);
    if (!s) return -1;
    w_lists(c, NULL, s);
    return 0;
}
static int h_list(sb_ctx *c) {
    const sb_list *l = need_list(c, c->arg[0]);
    if (!l) return -1;
    w_list(c->sb, &c->w, l, 1);
    return 0;
}
static int h_list_fields(sb_ctx *c) {
    const sb_list *l = need_list(c, c->arg[0]);
    if (!l) return -1;
    clickup_jw_object_begin(&c->w);
    k_custom_fields(c->sb, &c->w, "fields", l, NULL);
    clickup_jw_object_end(&c->w);
    return 0;
}

/* ---- task queries ------------------------------------------------------------------------------
   GET /list/{id}/task and GET /team/{id}/task: 100 per page, 0-based, filters as in docs 1.4. */
enum { ORDER_CREATED, ORDER_UPDATED, ORDER_ID, ORDER_DUE };

typedef struct task_query {
    const sb_list **lists;                   /* searched lists */
    size_t         nlists;
    int            archived;                 /* list endpoint only */
    const char    *parent;                   /* team endpoint only */
} task_query;

static int in_value_list(const sb_req *rq, const char *name, const char *value, int ci) {
    size_t i;
    const char *v;
    for (i = 0; (v = q_arr(rq, name, i)) != NULL; i++)
        if (ci ? strcasecmp(v, value) == 0 : strcmp(v, value) == 0) return 1;
    return 0;
}

/* A "_gt"/"_lt" date filter; a null date never passes an active filter. */
static int date_filter_ok(const sb_req *rq, const char *name, int64_t ms) {
    char key[40];
    long long gt, lt;
    snprintf(key, sizeof key, "%s_gt", name);
    gt = q_ll(rq, key, -1);
    snprintf(key, sizeof key, "%s_lt", name);
    lt = q_ll(rq, key, -1);
    if (gt < 0 && lt < 0) return 1;
    if (ms < 0) return 0;
    return (gt < 0 || ms > gt) && (lt < 0 || ms < lt);
}

static int task_matches(const sb_ctx *c, const task_query *q, const sb_task *t) {
    const sb_req *rq = c->rq;
    size_t i;
    int ok = 0;
    char id[24];
    if (t->deleted) return 0;
    for (i = 0; i < q->nlists && !ok; i++) ok = t->list == q->lists[i];
    if (!ok || (q->archived ? !t->archived : t->archived)) return 0;
    if (q->parent) {
        if (strcmp(t->parent, q->parent) != 0) return 0;
    } else if (t->parent[0] && !q_bool(rq, "subtasks")) {
        return 0;                                     /* subtasks only with subtasks=true */
    }
    if (status_is_closed(task_status(t)) && !q_bool(rq, "include_closed")) return 0;
    if (q_arr(rq, "statuses", 0) && !in_value_list(rq, "statuses", task_status(t)->name, 1)) return 0;
    if (q_arr(rq, "assignees", 0)) {
        for (i = 0, ok = 0; i < t->nassignees && !ok; i++) {
            snprintf(id, sizeof id, "%lld", (long long)t->assignees[i]);
            ok = in_value_list(rq, "assignees", id, 0);
        }
        if (!ok) return 0;
    }
    if (q_arr(rq, "tags", 0)) {
        for (i = 0, ok = 0; i < t->ntags && !ok; i++) ok = in_value_list(rq, "tags", t->tags[i], 1);
        if (!ok) return 0;
    }
    return date_filter_ok(rq, "due_date", t->due_date) && date_filter_ok(rq, "date_updated", t->date_updated) &&
           date_filter_ok(rq, "date_created", t->date_created);
}

static int task_cmp(const sb_task *a, const sb_task *b, int order) {
    int64_t x = 0, y = 0;
    switch (order) {
    case ORDER_UPDATED: x = a->date_updated; y = b->date_updated; break;
    case ORDER_DUE:     /* tasks without a due date come last */
        x = a->due_date < 0 ? INT64_MAX : a->due_date;
        y = b->due_date < 0 ? INT64_MAX : b->due_date;
        break;
    case ORDER_ID: break;
    default: x = a->date_created; y = b->date_created; break;
    }
    if (x != y) return x < y ? -1 : 1;
    return strcmp(a->id, b->id);
}

/* Stable merge sort (qsort has no context argument). */
static void sort_tasks(sb_task **a, size_t n, int order) {
    sb_task **tmp;
    size_t width, i;
    if (n < 2) return;
    tmp = (sb_task **)sb_alloc(n * sizeof *tmp);
    for (width = 1; width < n; width *= 2) {
        for (i = 0; i < n; i += 2 * width) {
            size_t lo = i, mid = i + width < n ? i + width : n, hi = i + 2 * width < n ? i + 2 * width : n;
            size_t l = lo, r = mid, k = lo;
            while (l < mid && r < hi) tmp[k++] = task_cmp(a[r], a[l], order) < 0 ? a[r++] : a[l++];
            while (l < mid) tmp[k++] = a[l++];
            while (r < hi) tmp[k++] = a[r++];
        }
        memcpy(a, tmp, n * sizeof *a);
    }
    free(tmp);
}

static int order_of(const sb_req *rq) {
    const char *o = q_get(rq, "order_by");
    if (!o) return ORDER_CREATED;
    if (strcmp(o, "updated") == 0) return ORDER_UPDATED;
    if (strcmp(o, "id") == 0) return ORDER_ID;
    if (strcmp(o, "due_date") == 0) return ORDER_DUE;
    return ORDER_CREATED;
}

/* Filter, order, and write one page as {"tasks":[...]} plus "last_page" when asked. */
static void w_task_page(sb_ctx *c, const task_query *q, int with_last_page) {
    sandbox *sb = c->sb;
    sb_task **hits = (sb_task **)sb_alloc((sb->ntasks ? sb->ntasks : 1) * sizeof *hits);
    size_t i, n = 0, start;
    long long page = q_ll(c->rq, "page", 0);
    task_view v;
    v.markdown = q_bool(c->rq, "include_markdown_description");
    v.subtasks = 0;
    for (i = 0; i < sb->ntasks; i++)
        if (task_matches(c, q, sb->tasks[i])) hits[n++] = sb->tasks[i];
    sort_tasks(hits, n, order_of(c->rq));
    if (q_bool(c->rq, "reverse"))
        for (i = 0; i < n / 2; i++) { sb_task *t = hits[i]; hits[i] = hits[n - 1 - i]; hits[n - 1 - i] = t; }
    start = page > (long long)(n / SANDBOX_PAGE_SIZE) ? n : (size_t)page * SANDBOX_PAGE_SIZE;
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "tasks");
    clickup_jw_array_begin(&c->w);
    for (i = start; i < n && i < start + SANDBOX_PAGE_SIZE; i++) w_task(sb, &c->w, hits[i], v);
    clickup_jw_array_end(&c->w);
    if (with_last_page) k_bool(&c->w, "last_page", start + SANDBOX_PAGE_SIZE >= n);
    clickup_jw_object_end(&c->w);
    free(hits);
}

static int h_list_tasks(sb_ctx *c) {
    task_query q;
    const sb_list *one;
    memset(&q, 0, sizeof q);
    if (!(one = need_list(c, c->arg[0]))) return -1;
    q.lists = &one;
    q.nlists = 1;
    q.archived = q_bool(c->rq, "archived");
    w_task_page(c, &q, 1);
    return 0;
}

/* GET /team/{id}/task: lists chosen by space_ids[], project_ids[] (folders), list_ids[];
   all lists of the team when none is given. The spec declares no last_page here, so none
   is sent. */
static int h_team_tasks(sb_ctx *c) {
    task_query q;
    size_t i;
    int any = q_arr(c->rq, "space_ids", 0) || q_arr(c->rq, "project_ids", 0) || q_arr(c->rq, "list_ids", 0);
    if (need_team(c, c->arg[0]) < 0) return -1;
    memset(&q, 0, sizeof q);
    q.lists = (const sb_list **)sb_alloc((c->sb->hier.nlists + 1) * sizeof *q.lists);
    for (i = 0; i < c->sb->hier.nlists; i++) {
        const sb_list *l = c->sb->hier.lists[i];
        if (l->deleted || strcmp(list_team(l)->id, c->arg[0]) != 0) continue;
        if (!any || in_value_list(c->rq, "space_ids", l->sp->id, 0) || in_value_list(c->rq, "list_ids", l->id, 0) ||
            (l->fo && in_value_list(c->rq, "project_ids", l->fo->id, 0)))
            q.lists[q.nlists++] = l;
    }
    q.parent = q_get(c->rq, "parent");
    w_task_page(c, &q, 0);
    free(q.lists);
    return 0;
}

static int h_task_get(sb_ctx *c) {
    task_view v;
    sb_task *t = need_task(c, c->arg[0]);
    if (!t) return -1;
    v.markdown = q_bool(c->rq, "include_markdown_description");
    v.subtasks = q_bool(c->rq, "include_subtasks");
    w_task(c->sb, &c->w, t, v);
    return 0;
}

/* ---- writes -------------------------------------------------------------------------------- */

/* Markdown to the flattened text ClickUp keeps in description/text_content: headings and
   emphasis marks dropped, links reduced to their labels (docs section 8.1). */
static char *md_plain(const char *md) {
    char *out = (char *)sb_alloc(strlen(md) + 1), *o = out;
    const char *p = md;
    int line_start = 1;
    while (*p) {
        if (line_start) while (*p == '#') p++;
        if (line_start && *p == ' ' && p > md && p[-1] == '#') p++;
        line_start = 0;
        if (*p == '*' || *p == '`') { p++; continue; }     /* '_' stays: {{client_name}} */
        if (*p == '[') {
            const char *close = strstr(p, "](");
            const char *end = close ? strchr(close, ')') : NULL;
            if (close && end && !memchr(p, '\n', (size_t)(end - p))) {
                memcpy(o, p + 1, (size_t)(close - p - 1));
                o += close - p - 1;
                p = end + 1;
                continue;
            }
        }
        if (*p == '\n') line_start = 1;
        *o++ = *p++;
    }
    *o = '\0';
    return out;
}

/* A JSON value as an int64: a number or a digit string (dates arrive both ways). */
static int json_i64(const clickup_json *v, int64_t *out) {
    return clickup_json_int64(v, out) == CLICKUP_OK;
}

/* JSON text of one value, freshly allocated. */
static char *json_text_of_writer(jw_t *w) {
    const char *text = NULL;
    size_t len = 0;
    char *copy = NULL;
    if (clickup_json_writer_finish(w, &text, &len) == CLICKUP_OK) copy = sb_strndup(text, len);
    clickup_json_writer_free(w);
    return copy;
}

/* A custom field value as sent (docs 1.5) -> the JSON text the sandbox stores and shows.
   Dropdowns are written with an option UUID (or index) and read back as the option's
   orderindex; number values read back as strings ("8"); users take {"add","rem"}.
   *out = NULL means "clear the value". Returns 0, or -1 after replying 400. */
static int field_convert(sb_ctx *c, int f, const clickup_json *v, const char *current, char **out) {
    jw_t w;
    size_t i, j;
    *out = NULL;
    if (!v || clickup_json_is(v, CLICKUP_JSON_NULL)) return 0;
    clickup_json_writer_init(&w, NULL);
    switch (f) {
    case F_DROPDOWN: {
        int64_t idx = -1;
        for (i = 0; i < COUNT_OF(DROPDOWN_OPTS); i++)
            if (strcmp(clickup_json_as_string(v, "", NULL), DROPDOWN_OPTS[i]) == 0) idx = (int64_t)i;
        if (idx < 0 && clickup_json_is(v, CLICKUP_JSON_NUMBER)) idx = clickup_json_as_int64(v, -1);
        if (idx < 0 || idx >= (int64_t)COUNT_OF(DROPDOWN_OPTS)) break;
        clickup_jw_int64(&w, idx);
        *out = json_text_of_writer(&w);
        return 0;
    }
    case F_TEXT:
        if (!clickup_json_is(v, CLICKUP_JSON_STRING)) break;
        clickup_jw_value(&w, v);
        *out = json_text_of_writer(&w);
        return 0;
    case F_NUMBER:
        if (clickup_json_is(v, CLICKUP_JSON_NUMBER)) clickup_jw_string(&w, clickup_json_number_text(v));
        else if (clickup_json_is(v, CLICKUP_JSON_STRING) && is_decimal_text(clickup_json_as_string(v, "", NULL)))
            clickup_jw_value(&w, v);
        else break;
        *out = json_text_of_writer(&w);
        return 0;
    case F_LABELS:
        if (!clickup_json_is(v, CLICKUP_JSON_ARRAY)) break;
        for (i = 0; i < clickup_json_len(v); i++) {
            const char *id = clickup_json_as_string(clickup_json_at(v, i), "", NULL);
            int known = 0;
            for (j = 0; j < COUNT_OF(LABEL_OPTS); j++) known |= strcmp(id, LABEL_OPTS[j]) == 0;
            if (!known) goto bad;
        }
        clickup_jw_value(&w, v);
        *out = json_text_of_writer(&w);
        return 0;
    default: {                                        /* F_USERS: {"add":[..],"rem":[..]} */
        clickup_json_doc *cur = NULL;
        const clickup_json *add = clickup_json_get(v, "add"), *rem = clickup_json_get(v, "rem"), *old;
        if (clickup_json_is(v, CLICKUP_JSON_ARRAY)) { add = v; rem = NULL; }   /* lenient: a plain list */
        else if (!clickup_json_is(v, CLICKUP_JSON_OBJECT)) break;
        else if (current) (void)clickup_json_parse(current, strlen(current), NULL, &cur, NULL);
        old = clickup_json_root(cur);
        clickup_jw_array_begin(&w);
        for (i = 0; i < clickup_json_len(old); i++) {
            int64_t id = clickup_json_as_int64(clickup_json_at(old, i), 0);
            int removed = 0;
            for (j = 0; j < clickup_json_len(rem); j++) removed |= clickup_json_as_int64(clickup_json_at(rem, j), -1) == id;
            if (!removed) clickup_jw_int64(&w, id);
        }
        for (i = 0; i < clickup_json_len(add); i++) {
            int64_t id;
            if (!json_i64(clickup_json_at(add, i), &id)) { clickup_json_doc_free(cur); goto bad; }
            clickup_jw_int64(&w, id);
        }
        clickup_jw_array_end(&w);
        clickup_json_doc_free(cur);
        *out = json_text_of_writer(&w);
        return 0;
    }
    }
bad:
    clickup_json_writer_free(&w);
    if (f == F_DROPDOWN) return reply_err(c, 400, "Value must be an option index or uuid", "FIELD_011");
    return reply_err(c, 400, "Value is not valid for this field type", "FIELD_007");
}

/* The body of a create or an update, validated as a whole before anything changes, so a
   rejected request leaves the task untouched. */
typedef struct task_patch {
    const char *name, *description, *markdown;   /* NULL = unchanged                     */
    int         status;                          /* -1 = unchanged                       */
    int         set_priority, priority;          /* priority 0 = clear                   */
    int         set_due, set_start, set_estimate;
    int64_t     due, start, estimate;            /* -1 = clear                           */
    int         archived;                        /* -1 = unchanged                       */
    const clickup_json *add_assignees, *rem_assignees, *tags;
    const char *parent;                          /* create only                          */
    int         set_field[NFIELDS];
    char       *field[NFIELDS];                  /* converted values (owned)             */
} task_patch;

static void patch_free(task_patch *p) {
    int f;
    for (f = 0; f < NFIELDS; f++) free(p->field[f]);
}

/* null -> -1 (clear), an integer (number or digit string) -> itself; else -2. */
static int64_t nullable_i64(const clickup_json *v) {
    int64_t x;
    if (clickup_json_is(v, CLICKUP_JSON_NULL)) return -1;
    return json_i64(v, &x) && x >= 0 ? x : -2;
}

static int parse_int_array(const clickup_json *a) {
    size_t i;
    int64_t x;
    if (!clickup_json_is(a, CLICKUP_JSON_ARRAY)) return 0;
    for (i = 0; i < clickup_json_len(a); i++)
        if (!json_i64(clickup_json_at(a, i), &x)) return 0;
    return 1;
}

static int patch_dates(sb_ctx *c, const clickup_json *b, task_patch *p) {
    const clickup_json *v;
    if ((v = clickup_json_get(b, "due_date")) != NULL) {
        if ((p->due = nullable_i64(v)) < -1) return reply_err(c, 400, "Due date invalid", "INPUT_006");
        p->set_due = 1;
    }
    if ((v = clickup_json_get(b, "start_date")) != NULL) {
        if ((p->start = nullable_i64(v)) < -1) return reply_err(c, 400, "Start date invalid", "INPUT_006");
        p->set_start = 1;
    }
    if ((v = clickup_json_get(b, "time_estimate")) != NULL) {
        if ((p->estimate = nullable_i64(v)) < -1) return reply_err(c, 400, "Time estimate invalid", "INPUT_008");
        p->set_estimate = 1;
    }
    return 0;
}

/* Fields common to create and update. */
static int patch_common(sb_ctx *c, const sb_list *l, const clickup_json *b, int create, task_patch *p) {
    const clickup_json *v = clickup_json_get(b, "name");
    if (v || create) {                              /* required on create, checked if sent */
        size_t n = 0;
        const char *s = clickup_json_as_string(v, NULL, &n);
        while (s && n && isspace((unsigned char)s[n - 1])) n--;
        if (!s || n == 0) return reply_err(c, 400, "Task name invalid", "INPUT_005");
        p->name = s;
    }
    p->description = clickup_json_as_string(clickup_json_get(b, "description"), NULL, NULL);
    /* The spec names the markdown input markdown_content; the guides say markdown_description.
       Both work on ClickUp (docs 8.1); markdown_content wins when both are sent. */
    p->markdown = clickup_json_as_string(clickup_json_get(b, "markdown_content"), NULL, NULL);
    if (!p->markdown) p->markdown = clickup_json_as_string(clickup_json_get(b, "markdown_description"), NULL, NULL);
    if ((v = clickup_json_get(b, "status")) != NULL && !clickup_json_is(v, CLICKUP_JSON_NULL)) {
        p->status = list_status_index(l, clickup_json_as_string(v, "", NULL));
        if (p->status < 0) return reply_err(c, 400, "Status does not exist", "ITEM_114");
    }
    if ((v = clickup_json_get(b, "priority")) != NULL) {
        int64_t x = 0;
        if (!clickup_json_is(v, CLICKUP_JSON_NULL) && (!clickup_json_is(v, CLICKUP_JSON_NUMBER) || !json_i64(v, &x) || x < 1 || x > 4))
            return reply_err(c, 400, "Priority invalid", "INPUT_007");
        p->set_priority = 1;
        p->priority = (int)x;
    }
    if ((v = clickup_json_get(b, "archived")) != NULL) p->archived = clickup_json_as_bool(v, 0);
    return patch_dates(c, b, p);
}

/* POST /list/{id}/task body: assignees as a flat array of ints, tags, parent, custom_fields. */
static int patch_create(sb_ctx *c, const sb_list *l, const clickup_json *b, task_patch *p) {
    const clickup_json *v, *cf;
    size_t i;
    if (patch_common(c, l, b, 1, p) < 0) return -1;
    if ((v = clickup_json_get(b, "assignees")) != NULL) {
        if (!parse_int_array(v)) return reply_err(c, 400, "Assignees must be an array of user ids", "INPUT_011");
        p->add_assignees = v;
    }
    if ((v = clickup_json_get(b, "tags")) != NULL) {
        if (!clickup_json_is(v, CLICKUP_JSON_ARRAY)) return reply_err(c, 400, "Tags must be an array", "INPUT_012");
        p->tags = v;
    }
    if ((v = clickup_json_get(b, "parent")) != NULL && !clickup_json_is(v, CLICKUP_JSON_NULL)) {
        sb_task *parent = find_task(c->sb, clickup_json_as_string(v, "", NULL));
        /* The parent must be a native id in the same list (krodak/clickup-cli #120). */
        if (!parent || parent->list != l) return reply_err(c, 400, "Parent not child of list", "ITEM_137");
        p->parent = parent->id;
    }
    cf = clickup_json_get(b, "custom_fields");
    if (cf && !clickup_json_is(cf, CLICKUP_JSON_ARRAY)) return reply_err(c, 400, "Custom fields must be an array", "FIELD_001");
    for (i = 0; i < clickup_json_len(cf); i++) {
        const clickup_json *item = clickup_json_at(cf, i);
        int f = find_field(clickup_json_as_string(clickup_json_get(item, "id"), "", NULL));
        if (f < 0) return reply_err(c, 400, "Custom field not found", "FIELD_033");
        free(p->field[f]);
        p->field[f] = NULL;
        if (field_convert(c, f, clickup_json_get(item, "value"), NULL, &p->field[f]) < 0) return -1;
        p->set_field[f] = 1;
    }
    return 0;
}

/* PUT /task/{id} body. Assignees must be {"add":[...],"rem":[...]}: a FLAT array is silently
   ignored with 200 OK, exactly like ClickUp (docs 1.6, Klavis #947). No tags, no fields. */
static int patch_update(sb_ctx *c, const sb_list *l, const clickup_json *b, task_patch *p) {
    const clickup_json *v;
    if (patch_common(c, l, b, 0, p) < 0) return -1;
    if ((v = clickup_json_get(b, "assignees")) != NULL && clickup_json_is(v, CLICKUP_JSON_OBJECT)) {
        const clickup_json *add = clickup_json_get(v, "add"), *rem = clickup_json_get(v, "rem");
        if ((add && !parse_int_array(add)) || (rem && !parse_int_array(rem)))
            return reply_err(c, 400, "Assignees must be an array of user ids", "INPUT_011");
        p->add_assignees = add;
        p->rem_assignees = rem;
    }
    return 0;
}

static void patch_init(task_patch *p) {
    memset(p, 0, sizeof *p);
    p->status = -1;
    p->archived = -1;
}

static void patch_apply(task_patch *p, sb_task *t, int64_t now) {
    size_t i;
    int f;
    if (p->name) task_set_str(&t->name, p->name);
    if (p->markdown) {
        char *plain = md_plain(p->markdown);
        task_set_str(&t->markdown, p->markdown);
        task_set_str(&t->description, p->description ? p->description : plain);
        free(plain);
    } else if (p->description) {
        task_set_str(&t->description, p->description);
        free(t->markdown);
        t->markdown = NULL;
    }
    if (p->status >= 0) task_set_status(t, p->status, now);
    if (p->set_priority) t->priority = p->priority;
    if (p->set_due) t->due_date = p->due;
    if (p->set_start) t->start_date = p->start;
    if (p->set_estimate) {
        t->time_estimate = p->estimate;
        t->te_style = p->estimate < 0 ? NUM_NULL : NUM_NUMBER;
    }
    if (p->archived >= 0) t->archived = p->archived;
    for (i = 0; i < clickup_json_len(p->rem_assignees); i++)
        task_rem_assignee(t, clickup_json_as_int64(clickup_json_at(p->rem_assignees, i), 0));
    for (i = 0; i < clickup_json_len(p->add_assignees); i++)
        task_add_assignee(t, clickup_json_as_int64(clickup_json_at(p->add_assignees, i), 0));
    for (i = 0; i < clickup_json_len(p->tags); i++) {
        const char *tag = clickup_json_as_string(clickup_json_at(p->tags, i), NULL, NULL);
        if (tag && *tag) task_add_tag(t, tag);
    }
    if (p->parent) snprintf(t->parent, sizeof t->parent, "%s", p->parent);
    for (f = 0; f < NFIELDS; f++)
        if (p->set_field[f]) task_set_field(t, f, p->field[f]);
    t->date_updated = now;
}

/* A new task in list l (POST /list/{id}/task and task templates). */
static sb_task *task_create(sandbox *sb, const sb_list *l, const char *name) {
    char id[24], cid[24];
    sb_task *t;
    int64_t now = wall_ms();
    snprintf(id, sizeof id, "86n%06u", ++sb->next_task);
    next_custom_id(sb, l, cid, sizeof cid);
    t = task_alloc(l, id, cid, name);
    t->date_created = t->date_updated = now;
    snprintf(t->orderindex, sizeof t->orderindex, "\"%zu.00000000000000000000000000000000\"", sb->ntasks + 1);
    task_add(sb, t);
    sb->created++;
    return t;
}

static int h_task_create(sb_ctx *c) {
    task_patch p;
    sb_task *t;
    task_view v = { 0, 0 };
    const sb_list *l = need_list(c, c->arg[0]);
    if (!l) return -1;
    patch_init(&p);
    if (patch_create(c, l, c->body, &p) < 0) { patch_free(&p); return -1; }
    t = task_create(c->sb, l, p.name);
    patch_apply(&p, t, t->date_created);
    patch_free(&p);
    w_task(c->sb, &c->w, t, v);
    return 0;
}

static int h_task_update(sb_ctx *c) {
    task_patch p;
    task_view v = { 0, 0 };
    sb_task *t = need_task(c, c->arg[0]);
    if (!t) return -1;
    patch_init(&p);
    if (patch_update(c, t->list, c->body, &p) < 0) { patch_free(&p); return -1; }
    patch_apply(&p, t, wall_ms());
    patch_free(&p);
    w_task(c->sb, &c->w, t, v);
    return 0;
}

/* DELETE /task/{id}: 204 without a body, as the spec says. */
static int h_task_delete(sb_ctx *c) {
    sb_task *t = need_task(c, c->arg[0]);
    if (!t) return -1;
    t->deleted = 1;
    c->status = 204;
    return 0;
}

static int h_tag_add(sb_ctx *c) {
    sb_task *t = need_task(c, c->arg[0]);
    if (!t) return -1;
    task_add_tag(t, c->arg[1]);
    t->date_updated = wall_ms();
    return reply_empty_object(c);
}
static int h_tag_remove(sb_ctx *c) {
    sb_task *t = need_task(c, c->arg[0]);
    if (!t) return -1;
    task_rem_tag(t, c->arg[1]);
    t->date_updated = wall_ms();
    return reply_empty_object(c);
}

/* POST /task/{id}/field/{field_id} {"value": ...} -> {}; DELETE clears -> {}. */
static int h_field(sb_ctx *c, int set) {
    char *value = NULL;
    int f;
    sb_task *t = need_task(c, c->arg[0]);
    if (!t) return -1;
    if ((f = find_field(c->arg[1])) < 0) return lab_field(c, t, set);   /* a lab field, or 400 FIELD_033 */
    if (set) {
        const clickup_json *v = clickup_json_get(c->body, "value");
        if (!v) return reply_err(c, 400, "Value is required", "FIELD_002");
        if (field_convert(c, f, v, t->fv[f], &value) < 0) return -1;
    }
    task_set_field(t, f, value);
    free(value);
    t->date_updated = wall_ms();
    return reply_empty_object(c);
}
static int h_field_set(sb_ctx *c) { return h_field(c, 1); }
static int h_field_remove(sb_ctx *c) { return h_field(c, 0); }

/* ---- templates ----------------------------------------------------------------------------- */

/* The edit of template number i, or NULL. Call with sb->mu held. */
static sb_template_edit *template_edit_find(sandbox *sb, int i) {
    sb_template_edit *e;
    for (e = sb->template_edits; e; e = e->next)
        if (e->number == i) return e;
    return NULL;
}

/* The current name of template number i into buf; 0 when it was removed. sb->mu held. */
static int template_current_name(sandbox *sb, int i, char *buf, size_t n) {
    const sb_template_edit *e = template_edit_find(sb, i);
    if (e && e->removed) return 0;
    if (e && e->name) snprintf(buf, n, "%s", e->name);
    else template_name(i, buf, n);
    return 1;
}

/* GET /team/{id}/taskTemplate?page=N: page is REQUIRED (spec); 100 per page; only id+name.
   No end marker: the page after the last is simply empty (tap-clickup #27). */
static int h_templates(sb_ctx *c) {
    const char *page_s = q_get(c->rq, "page");
    long long page = page_s ? parse_ull(page_s) : -1;
    int i, n, shown;
    if (need_team(c, c->arg[0]) < 0) return -1;
    if (page < 0) return reply_err(c, 400, "Page must be a number", "INPUT_002");
    n = strcmp(c->arg[0], SANDBOX_TEAM_ID) == 0 ? c->sb->ntemplates : 0;
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "templates");
    clickup_jw_array_begin(&c->w);
    for (i = 1, shown = 0; i <= n; i++) {
        char id[32], name[96];
        if (!template_current_name(c->sb, i, name, sizeof name)) continue;   /* removed */
        if ((long long)(shown++) / SANDBOX_PAGE_SIZE != page) continue;
        template_id(i, id, sizeof id);
        clickup_jw_object_begin(&c->w);
        k_str(&c->w, "id", id);
        k_str(&c->w, "name", name);
        clickup_jw_object_end(&c->w);
    }
    clickup_jw_array_end(&c->w);
    clickup_jw_object_end(&c->w);
    return 0;
}

/* The template number of "t-86b3eNNN" in team 9001, or 0. */
static int template_number(sandbox *sb, const char *id) {
    long long n;
    if (strncmp(id, "t-86b3e", 7) != 0) return 0;
    n = parse_ull(id + 7);
    if (n < 1 || n > sb->ntemplates) return 0;
    { const sb_template_edit *e = template_edit_find(sb, (int)n); if (e && e->removed) return 0; }
    return (int)n;
}

/* POST /list/{id}/taskTemplate/{template_id} {"name"} -> {"id": new id, "task": {...}}.
   The 400 for a missing name uses the key "error", as the spec's template endpoints do. */
static int h_task_from_template(sb_ctx *c) {
    const sb_list *l = need_list(c, c->arg[0]);
    const char *name;
    char tname[96], md[160];
    task_view v = { 0, 0 };
    sb_task *t;
    int n;
    size_t len = 0;
    if (!l) return -1;
    name = clickup_json_as_string(clickup_json_get(c->body, "name"), NULL, &len);
    if (!name || !len) return reply_err_key(c, 400, "error", "Name is required", "OAUTH_117");
    n = template_number(c->sb, c->arg[1]);
    if (!n || strcmp(list_team(l)->id, SANDBOX_TEAM_ID) != 0)
        return reply_err_key(c, 404, "error", "Template not found", "TMPL_004");
    template_current_name(c->sb, n, tname, sizeof tname);
    t = task_create(c->sb, l, name);
    snprintf(md, sizeof md, "# %s\n\nFollow the **SOP** for {{client_name}}.", tname);
    task_set_str(&t->markdown, md);
    free(t->description);
    t->description = md_plain(md);
    task_add_tag(t, "sop");
    clickup_jw_object_begin(&c->w);
    k_str(&c->w, "id", t->id);
    clickup_jw_key(&c->w, "task");
    w_task(c->sb, &c->w, t, v);
    clickup_jw_object_end(&c->w);
    return 0;
}

/* ==== [routing] ============================================================================= */
typedef int (*sb_handler)(sb_ctx *c);

typedef struct sb_route {
    const char *method;
    const char *pattern;       /* after /api/v2/; ':' matches one non-empty segment */
    sb_handler  fn;
} sb_route;

/* ---- collab: comments, checklists, relationships, further lists, OAuth (sandbox.h COLLAB) --
   Kept in sb->collab, made on first use and freed with the data; handlers run under sb->mu as
   every handler does. Ids: comments "90000001"..., checklists
   "c10c0000-0000-4000-8000-000000000001"..., items "i7e40000-0000-4000-8000-000000000001"....
   Comment dates are wall ms made strictly increasing, so the newest-first order and the
   start/start_id cursor are exact. The ECODEs of the errors below are the sandbox's own. */
typedef struct sb_collab_comment {
    char     id[24];
    char     kind;                     /* 't' task, 'l' list, 'v' view, 'r' reply            */
    char     owner[72];                /* the task, list, view or parent comment id          */
    char    *text;                     /* comment_text                                       */
    char    *blocks;                   /* the "comment" array, as JSON text                  */
    int64_t  assignee, assigned_by;    /* 0 = none                                           */
    int      resolved, deleted;
    int64_t  date;
} sb_collab_comment;

typedef struct sb_collab_item {
    char     id[40];
    char    *name;
    int64_t  assignee;                 /* 0 = none                                           */
    int      resolved, deleted;
    char     parent[40];               /* "" = top level                                     */
    int64_t  orderindex, date_created;
} sb_collab_item;

typedef struct sb_collab_checklist {
    char            id[40];
    char            task[24];
    char           *name;
    int64_t         orderindex, date_created;
    int             deleted;
    sb_collab_item *items;
    size_t          nitems;
} sb_collab_checklist;

typedef struct sb_collab_pair {
    char a[24], b[24];
} sb_collab_pair;

struct sb_collab {
    sb_collab_comment   *comments;     size_t ncomments;
    sb_collab_checklist *checklists;   size_t nchecklists;
    sb_collab_pair      *deps;         size_t ndeps;      /* a waits on b                    */
    sb_collab_pair      *links;        size_t nlinks;     /* a and b are linked              */
    sb_collab_pair      *homes;        size_t nhomes;     /* task a is also in list b        */
    unsigned             next_comment, next_checklist, next_item;
    int64_t              last_date;
    int                  oauth_code_used;
};

/* Append one zeroed element to a growing array; the new element's address. */
#define COLLAB_PUSH(arr, n) \
    ((arr) = sb_grow((arr), ((n) + 1) * sizeof *(arr)), memset(&(arr)[(n)], 0, sizeof *(arr)), &(arr)[(n)++])

static struct sb_collab *collab_of(sandbox *sb) {
    if (!sb->collab) sb->collab = (struct sb_collab *)sb_zalloc(sizeof *sb->collab);
    return sb->collab;
}

static void collab_free(struct sb_collab *cb) {
    size_t i, j;
    if (!cb) return;
    for (i = 0; i < cb->ncomments; i++) { free(cb->comments[i].text); free(cb->comments[i].blocks); }
    free(cb->comments);
    for (i = 0; i < cb->nchecklists; i++) {
        for (j = 0; j < cb->checklists[i].nitems; j++) free(cb->checklists[i].items[j].name);
        free(cb->checklists[i].items);
        free(cb->checklists[i].name);
    }
    free(cb->checklists);
    free(cb->deps);
    free(cb->links);
    free(cb->homes);
    free(cb);
}

static int64_t collab_now(struct sb_collab *cb) {
    int64_t t = wall_ms();
    if (t <= cb->last_date) t = cb->last_date + 1;
    return cb->last_date = t;
}

static int collab_filled(const char *s) {
    for (; s && *s; s++)
        if (!isspace((unsigned char)*s)) return 1;
    return 0;
}

/* ---- collab: comments ---- */
static sb_collab_comment *collab_comment_find(struct sb_collab *cb, const char *id) {
    size_t i;
    for (i = 0; i < cb->ncomments; i++)
        if (!cb->comments[i].deleted && strcmp(cb->comments[i].id, id) == 0) return &cb->comments[i];
    return NULL;
}

static size_t collab_reply_count(const struct sb_collab *cb, const char *id) {
    size_t i, n = 0;
    for (i = 0; i < cb->ncomments; i++)
        n += cb->comments[i].kind == 'r' && !cb->comments[i].deleted && strcmp(cb->comments[i].owner, id) == 0;
    return n;
}

static void w_collab_comment(const struct sb_collab *cb, jw_t *w, const sb_collab_comment *cm) {
    char tmp[24];
    clickup_jw_object_begin(w);
    k_str(w, "id", cm->id);
    k_raw(w, "comment", cm->blocks);
    k_str(w, "comment_text", cm->text);
    clickup_jw_key(w, "user");
    w_user(w, 183, U_TASK);
    k_bool(w, "resolved", cm->resolved);
    clickup_jw_key(w, "assignee");
    if (cm->assignee) w_user(w, cm->assignee, U_TASK); else clickup_jw_null(w);
    clickup_jw_key(w, "assigned_by");
    if (cm->assigned_by) w_user(w, cm->assigned_by, U_TASK); else clickup_jw_null(w);
    k_empty_array(w, "reactions");
    k_ms(w, "date", cm->date);
    snprintf(tmp, sizeof tmp, "%zu", cm->kind == 'r' ? (size_t)0 : collab_reply_count(cb, cm->id));
    k_str(w, "reply_count", tmp);               /* a string, as ClickUp sends it */
    clickup_jw_object_end(w);
}

/* Newest first: date, then id, both descending. */
static int collab_newest_first(const void *x, const void *y) {
    const sb_collab_comment *a = *(const sb_collab_comment *const *)x, *b = *(const sb_collab_comment *const *)y;
    long long ia = parse_ull(a->id), ib = parse_ull(b->id);
    if (a->date != b->date) return a->date > b->date ? -1 : 1;
    return ia > ib ? -1 : ia < ib ? 1 : 0;
}
static int collab_oldest_first(const void *x, const void *y) { return -collab_newest_first(x, y); }

/* {"comments": [...]} of kind/owner: paged = newest first, 25 at most, after the cursor
   start/start_id when both are given; else (replies) every one, oldest first. */
static int collab_comments_reply(sb_ctx *c, char kind, const char *owner, int paged) {
    struct sb_collab *cb = collab_of(c->sb);
    const char *s = paged ? q_get(c->rq, "start") : NULL, *sid = paged ? q_get(c->rq, "start_id") : NULL;
    long long start = 0, start_id = 0;
    const sb_collab_comment **sel;
    size_t i, n = 0;
    if ((s != NULL) != (sid != NULL)) return reply_err(c, 400, "start and start_id go together", "COMMENT_010");
    if (s && ((start = parse_ull(s)) < 0 || (start_id = parse_ull(sid)) < 0))
        return reply_err(c, 400, "start and start_id must be numbers", "COMMENT_011");
    sel = (const sb_collab_comment **)sb_alloc((cb->ncomments + 1) * sizeof *sel);
    for (i = 0; i < cb->ncomments; i++) {
        const sb_collab_comment *cm = &cb->comments[i];
        if (cm->deleted || cm->kind != kind || strcmp(cm->owner, owner) != 0) continue;
        if (s && !(cm->date < start || (cm->date == start && parse_ull(cm->id) < start_id))) continue;
        sel[n++] = cm;
    }
    qsort(sel, n, sizeof *sel, paged ? collab_newest_first : collab_oldest_first);
    if (paged && n > 25) n = 25;
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "comments");
    clickup_jw_array_begin(&c->w);
    for (i = 0; i < n; i++) w_collab_comment(cb, &c->w, sel[i]);
    clickup_jw_array_end(&c->w);
    clickup_jw_object_end(&c->w);
    free(sel);
    return 0;
}

/* A comment's text and blocks from a create body: "comment" (a non-empty array of blocks,
   whose "text"s make comment_text) or "comment_text". Returns 0, or -1 after replying. */
static int collab_comment_input(sb_ctx *c, char **text, char **blocks, int64_t *assignee) {
    const clickup_json *arr = clickup_json_get(c->body, "comment"), *t = clickup_json_get(c->body, "comment_text");
    const clickup_json *as = clickup_json_get(c->body, "assignee");
    jw_t w;
    *text = *blocks = NULL;
    *assignee = 0;
    if (as && !clickup_json_is(as, CLICKUP_JSON_NULL) && (!json_i64(as, assignee) || !find_user(*assignee)))
        return reply_err(c, 400, "Assignee not found", "COMMENT_002");
    clickup_json_writer_init(&w, NULL);
    if (clickup_json_is(arr, CLICKUP_JSON_ARRAY) && clickup_json_len(arr)) {
        sb_buf b = { NULL, 0, 0 };
        size_t i;
        for (i = 0; i < clickup_json_len(arr); i++)
            buf_puts(&b, clickup_json_as_string(clickup_json_get(clickup_json_at(arr, i), "text"), "", NULL));
        *text = sb_strdup(b.p ? b.p : "");
        buf_free(&b);
        clickup_jw_value(&w, arr);
    } else if (clickup_json_is(t, CLICKUP_JSON_STRING) && collab_filled(clickup_json_as_string(t, "", NULL))) {
        *text = sb_strdup(clickup_json_as_string(t, "", NULL));
        clickup_jw_array_begin(&w);
        clickup_jw_object_begin(&w);
        k_str(&w, "text", *text);
        clickup_jw_object_end(&w);
        clickup_jw_array_end(&w);
    } else {
        clickup_json_writer_free(&w);
        return reply_err(c, 400, "Comment text required", "COMMENT_001");
    }
    *blocks = json_text_of_writer(&w);
    if (!*blocks) { free(*text); *text = NULL; return reply_err(c, 400, "Comment is not valid", "COMMENT_003"); }
    return 0;
}

/* Store a new comment of kind/owner; answer {"id","hist_id","date"} (a reply: {}, as the
   OpenAPI file documents). */
static int collab_comment_add(sb_ctx *c, char kind, const char *owner) {
    struct sb_collab *cb = collab_of(c->sb);
    sb_collab_comment *cm;
    char *text, *blocks;
    int64_t assignee;
    char hist[40];
    if (collab_comment_input(c, &text, &blocks, &assignee) < 0) return -1;
    if (kind == 'v') assignee = 0;                     /* a view comment has no assignee */
    cm = COLLAB_PUSH(cb->comments, cb->ncomments);
    snprintf(cm->id, sizeof cm->id, "%u", 90000000u + ++cb->next_comment);
    cm->kind = kind;
    snprintf(cm->owner, sizeof cm->owner, "%s", owner);
    cm->text = text;
    cm->blocks = blocks;
    cm->assignee = assignee;
    cm->assigned_by = assignee ? 183 : 0;
    cm->date = collab_now(cb);
    clickup_jw_object_begin(&c->w);
    if (kind != 'r') {
        snprintf(hist, sizeof hist, "h-%s", cm->id);
        k_str(&c->w, "id", cm->id);
        k_str(&c->w, "hist_id", hist);
        k_int(&c->w, "date", cm->date);
    }
    clickup_jw_object_end(&c->w);
    return 0;
}

static int h_collab_task_comments(sb_ctx *c) {
    sb_task *t = need_task(c, c->arg[0]);
    return t ? collab_comments_reply(c, 't', t->id, 1) : -1;
}
static int h_collab_task_comment_add(sb_ctx *c) {
    sb_task *t = need_task(c, c->arg[0]);
    return t ? collab_comment_add(c, 't', t->id) : -1;
}
static int h_collab_list_comments(sb_ctx *c) {
    const sb_list *l = need_list(c, c->arg[0]);
    return l ? collab_comments_reply(c, 'l', l->id, 1) : -1;
}
static int h_collab_list_comment_add(sb_ctx *c) {
    const sb_list *l = need_list(c, c->arg[0]);
    return l ? collab_comment_add(c, 'l', l->id) : -1;
}
/* Views are not modelled: any view id has a (possibly empty) chat. */
static int h_collab_view_comments(sb_ctx *c) { return collab_comments_reply(c, 'v', c->arg[0], 1); }
static int h_collab_view_comment_add(sb_ctx *c) { return collab_comment_add(c, 'v', c->arg[0]); }

static int h_collab_replies(sb_ctx *c) {
    if (!collab_comment_find(collab_of(c->sb), c->arg[0])) return reply_err(c, 404, "Comment not found", "COMMENT_404");
    return collab_comments_reply(c, 'r', c->arg[0], 0);
}
static int h_collab_reply_add(sb_ctx *c) {
    if (!collab_comment_find(collab_of(c->sb), c->arg[0])) return reply_err(c, 404, "Comment not found", "COMMENT_404");
    return collab_comment_add(c, 'r', c->arg[0]);
}

/* PUT /comment/{id}: comment_text, assignee (a user id or null), resolved. -> {} */
static int h_collab_comment_edit(sb_ctx *c) {
    struct sb_collab *cb = collab_of(c->sb);
    sb_collab_comment *cm = collab_comment_find(cb, c->arg[0]);
    const clickup_json *t = clickup_json_get(c->body, "comment_text"), *as = clickup_json_get(c->body, "assignee");
    const clickup_json *res = clickup_json_get(c->body, "resolved");
    int64_t who = 0;
    if (!cm) return reply_err(c, 404, "Comment not found", "COMMENT_404");
    if (t && !(clickup_json_is(t, CLICKUP_JSON_STRING) && collab_filled(clickup_json_as_string(t, "", NULL))))
        return reply_err(c, 400, "Comment text required", "COMMENT_001");
    if (as && !clickup_json_is(as, CLICKUP_JSON_NULL) && (!json_i64(as, &who) || !find_user(who)))
        return reply_err(c, 400, "Assignee not found", "COMMENT_002");
    if (res && !clickup_json_is(res, CLICKUP_JSON_BOOL)) return reply_err(c, 400, "resolved must be a boolean", "COMMENT_004");
    if (t) {
        jw_t w;
        free(cm->text);
        free(cm->blocks);
        cm->text = sb_strdup(clickup_json_as_string(t, "", NULL));
        clickup_json_writer_init(&w, NULL);
        clickup_jw_array_begin(&w);
        clickup_jw_object_begin(&w);
        k_str(&w, "text", cm->text);
        clickup_jw_object_end(&w);
        clickup_jw_array_end(&w);
        cm->blocks = json_text_of_writer(&w);
        if (!cm->blocks) cm->blocks = sb_strdup("[]");
    }
    if (as) { cm->assignee = who; cm->assigned_by = who ? 183 : 0; }
    if (res) cm->resolved = clickup_json_as_bool(res, 0);
    return reply_empty_object(c);
}

/* DELETE /comment/{id}: the comment and its replies. -> {} */
static int h_collab_comment_delete(sb_ctx *c) {
    struct sb_collab *cb = collab_of(c->sb);
    sb_collab_comment *cm = collab_comment_find(cb, c->arg[0]);
    size_t i;
    if (!cm) return reply_err(c, 404, "Comment not found", "COMMENT_404");
    cm->deleted = 1;
    for (i = 0; i < cb->ncomments; i++)
        if (cb->comments[i].kind == 'r' && strcmp(cb->comments[i].owner, c->arg[0]) == 0) cb->comments[i].deleted = 1;
    return reply_empty_object(c);
}

/* ---- collab: checklists ---- */
static sb_collab_checklist *collab_checklist_find(struct sb_collab *cb, const char *id) {
    size_t i;
    for (i = 0; i < cb->nchecklists; i++)
        if (!cb->checklists[i].deleted && strcmp(cb->checklists[i].id, id) == 0) return &cb->checklists[i];
    return NULL;
}
static sb_collab_item *collab_item_find(sb_collab_checklist *cl, const char *id) {
    size_t i;
    for (i = 0; i < cl->nitems; i++)
        if (!cl->items[i].deleted && strcmp(cl->items[i].id, id) == 0) return &cl->items[i];
    return NULL;
}

/* {"id","task_id","name","date_created","orderindex","resolved","unresolved","items":[...]};
   items in orderindex order, each with parent (null at the top) and children (their ids). */
static void w_collab_checklist(jw_t *w, const sb_collab_checklist *cl) {
    size_t i, j, resolved = 0, unresolved = 0;
    for (i = 0; i < cl->nitems; i++)
        if (!cl->items[i].deleted) { if (cl->items[i].resolved) resolved++; else unresolved++; }
    clickup_jw_object_begin(w);
    k_str(w, "id", cl->id);
    k_str(w, "task_id", cl->task);
    k_str(w, "name", cl->name);
    k_ms(w, "date_created", cl->date_created);
    k_int(w, "orderindex", cl->orderindex);
    k_int(w, "resolved", (int64_t)resolved);
    k_int(w, "unresolved", (int64_t)unresolved);
    clickup_jw_key(w, "items");
    clickup_jw_array_begin(w);
    for (i = 0; i < cl->nitems; i++) {          /* items keep their creation order = orderindex */
        const sb_collab_item *it = &cl->items[i];
        if (it->deleted) continue;
        clickup_jw_object_begin(w);
        k_str(w, "id", it->id);
        k_str(w, "name", it->name);
        k_int(w, "orderindex", it->orderindex);
        clickup_jw_key(w, "assignee");
        if (it->assignee) w_user(w, it->assignee, U_TASK); else clickup_jw_null(w);
        k_bool(w, "resolved", it->resolved);
        k_str(w, "parent", it->parent[0] ? it->parent : NULL);
        k_ms(w, "date_created", it->date_created);
        clickup_jw_key(w, "children");
        clickup_jw_array_begin(w);
        for (j = 0; j < cl->nitems; j++)
            if (!cl->items[j].deleted && strcmp(cl->items[j].parent, it->id) == 0) clickup_jw_string(w, cl->items[j].id);
        clickup_jw_array_end(w);
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
    clickup_jw_object_end(w);
}
static int collab_checklist_reply(sb_ctx *c, const sb_collab_checklist *cl) {
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "checklist");
    w_collab_checklist(&c->w, cl);
    clickup_jw_object_end(&c->w);
    return 0;
}

/* A non-blank string member, or NULL. */
static const char *collab_name(const clickup_json *o, const char *k) {
    const clickup_json *v = clickup_json_get(o, k);
    const char *s = clickup_json_as_string(v, NULL, NULL);
    return clickup_json_is(v, CLICKUP_JSON_STRING) && collab_filled(s) ? s : NULL;
}

/* POST /task/{id}/checklist {"name"} -> {"checklist": ...} */
static int h_collab_checklist_add(sb_ctx *c) {
    struct sb_collab *cb = collab_of(c->sb);
    sb_task *t = need_task(c, c->arg[0]);
    sb_collab_checklist *cl;
    const char *name = collab_name(c->body, "name");
    size_t i, n = 0;
    if (!t) return -1;
    if (!name) return reply_err(c, 400, "Checklist name invalid", "CHECK_001");
    for (i = 0; i < cb->nchecklists; i++) n += !cb->checklists[i].deleted && strcmp(cb->checklists[i].task, t->id) == 0;
    cl = COLLAB_PUSH(cb->checklists, cb->nchecklists);
    snprintf(cl->id, sizeof cl->id, "c10c0000-0000-4000-8000-%012u", ++cb->next_checklist);
    snprintf(cl->task, sizeof cl->task, "%s", t->id);
    cl->name = sb_strdup(name);
    cl->orderindex = (int64_t)n;
    cl->date_created = collab_now(cb);
    return collab_checklist_reply(c, cl);
}

/* PUT /checklist/{id} {"name"?, "position"?}: position moves it among its task's checklists. */
static int h_collab_checklist_edit(sb_ctx *c) {
    struct sb_collab *cb = collab_of(c->sb);
    sb_collab_checklist *cl = collab_checklist_find(cb, c->arg[0]);
    const clickup_json *nm = clickup_json_get(c->body, "name"), *pos = clickup_json_get(c->body, "position");
    int64_t p = 0, k = 0;
    size_t i;
    if (!cl) return reply_err(c, 404, "Checklist not found", "CHECK_404");
    if (nm && !collab_name(c->body, "name")) return reply_err(c, 400, "Checklist name invalid", "CHECK_001");
    if (pos && (!json_i64(pos, &p) || p < 0)) return reply_err(c, 400, "Position invalid", "CHECK_004");
    if (nm) { free(cl->name); cl->name = sb_strdup(clickup_json_as_string(nm, "", NULL)); }
    if (pos) {                                  /* the others keep their order around it */
        for (i = 0; i < cb->nchecklists; i++) {
            sb_collab_checklist *o = &cb->checklists[i];
            if (o->deleted || o == cl || strcmp(o->task, cl->task) != 0) continue;
            if (o->orderindex > cl->orderindex) o->orderindex--;
        }
        for (i = 0; i < cb->nchecklists; i++) {
            sb_collab_checklist *o = &cb->checklists[i];
            if (o->deleted || o == cl || strcmp(o->task, cl->task) != 0) continue;
            k++;
            if (o->orderindex >= p) o->orderindex++;
        }
        cl->orderindex = p < k ? p : k;
    }
    return reply_empty_object(c);
}

static int h_collab_checklist_delete(sb_ctx *c) {
    sb_collab_checklist *cl = collab_checklist_find(collab_of(c->sb), c->arg[0]);
    if (!cl) return reply_err(c, 404, "Checklist not found", "CHECK_404");
    cl->deleted = 1;
    return reply_empty_object(c);
}

/* An assignee member: absent (0, *set 0), null (0), or a known user id. -1 when bad. */
static int collab_assignee(const clickup_json *o, int64_t *who, int *set) {
    const clickup_json *v = clickup_json_get(o, "assignee");
    *who = 0;
    *set = v != NULL;
    if (!v || clickup_json_is(v, CLICKUP_JSON_NULL)) return 0;
    return json_i64(v, who) && find_user(*who) ? 0 : -1;
}

/* POST /checklist/{id}/checklist_item {"name", "assignee"?} -> {"checklist": ...} */
static int h_collab_item_add(sb_ctx *c) {
    struct sb_collab *cb = collab_of(c->sb);
    sb_collab_checklist *cl = collab_checklist_find(cb, c->arg[0]);
    sb_collab_item *it;
    const char *name = collab_name(c->body, "name");
    int64_t who;
    int set;
    size_t i, n = 0;
    if (!cl) return reply_err(c, 404, "Checklist not found", "CHECK_404");
    if (!name) return reply_err(c, 400, "Checklist item name invalid", "CHECK_002");
    if (collab_assignee(c->body, &who, &set) < 0) return reply_err(c, 400, "Assignee not found", "CHECK_003");
    for (i = 0; i < cl->nitems; i++) n += !cl->items[i].deleted;
    it = COLLAB_PUSH(cl->items, cl->nitems);
    snprintf(it->id, sizeof it->id, "i7e40000-0000-4000-8000-%012u", ++cb->next_item);
    it->name = sb_strdup(name);
    it->assignee = who;
    it->orderindex = (int64_t)n;
    it->date_created = collab_now(cb);
    return collab_checklist_reply(c, cl);
}

/* PUT /checklist/{id}/checklist_item/{item} {"name"?, "assignee"?, "resolved"?, "parent"?}:
   everything is checked before anything changes; a parent must be another item of the same
   checklist that is not below this one. -> {"checklist": ...} */
static int h_collab_item_edit(sb_ctx *c) {
    struct sb_collab *cb = collab_of(c->sb);
    sb_collab_checklist *cl = collab_checklist_find(cb, c->arg[0]);
    sb_collab_item *it, *par = NULL;
    const clickup_json *nm = clickup_json_get(c->body, "name"), *res = clickup_json_get(c->body, "resolved");
    const clickup_json *pa = clickup_json_get(c->body, "parent");
    int64_t who;
    int set, hops;
    if (!cl) return reply_err(c, 404, "Checklist not found", "CHECK_404");
    if (!(it = collab_item_find(cl, c->arg[1]))) return reply_err(c, 404, "Checklist item not found", "CHECK_405");
    if (nm && !collab_name(c->body, "name")) return reply_err(c, 400, "Checklist item name invalid", "CHECK_002");
    if (collab_assignee(c->body, &who, &set) < 0) return reply_err(c, 400, "Assignee not found", "CHECK_003");
    if (res && !clickup_json_is(res, CLICKUP_JSON_BOOL)) return reply_err(c, 400, "resolved must be a boolean", "CHECK_006");
    if (pa && !clickup_json_is(pa, CLICKUP_JSON_NULL)) {
        const char *pid = clickup_json_as_string(pa, "", NULL);
        if (!(par = collab_item_find(cl, pid)) || par == it) return reply_err(c, 400, "Parent item invalid", "CHECK_007");
        for (hops = 0, par = collab_item_find(cl, pid); par && par->parent[0] && hops < 64; hops++) {
            if (strcmp(par->parent, it->id) == 0) return reply_err(c, 400, "Parent item invalid", "CHECK_007");
            par = collab_item_find(cl, par->parent);
        }
        par = collab_item_find(cl, pid);
    }
    if (nm) { free(it->name); it->name = sb_strdup(clickup_json_as_string(nm, "", NULL)); }
    if (set) it->assignee = who;
    if (res) it->resolved = clickup_json_as_bool(res, 0);
    if (pa) snprintf(it->parent, sizeof it->parent, "%s", par ? par->id : "");
    return collab_checklist_reply(c, cl);
}

/* DELETE /checklist/{id}/checklist_item/{item}: the item and every item below it. -> {} */
static int h_collab_item_delete(sb_ctx *c) {
    sb_collab_checklist *cl = collab_checklist_find(collab_of(c->sb), c->arg[0]);
    sb_collab_item *it;
    size_t i;
    int again = 1;
    if (!cl) return reply_err(c, 404, "Checklist not found", "CHECK_404");
    if (!(it = collab_item_find(cl, c->arg[1]))) return reply_err(c, 404, "Checklist item not found", "CHECK_405");
    it->deleted = 1;
    while (again) {                             /* orphans of deleted items go too */
        again = 0;
        for (i = 0; i < cl->nitems; i++) {
            sb_collab_item *x = &cl->items[i];
            if (!x->deleted && x->parent[0] && !collab_item_find(cl, x->parent)) { x->deleted = 1; again = 1; }
        }
    }
    return reply_empty_object(c);
}

/* ---- collab: dependencies, links, further lists ---- */
static int collab_pair_find(const sb_collab_pair *p, size_t n, const char *a, const char *b) {
    size_t i;
    for (i = 0; i < n; i++)
        if (strcmp(p[i].a, a) == 0 && strcmp(p[i].b, b) == 0) return (int)i;
    return -1;
}
static void collab_pair_add(sb_collab_pair **p, size_t *n, const char *a, const char *b) {
    sb_collab_pair *x;
    if (collab_pair_find(*p, *n, a, b) >= 0) return;
    x = COLLAB_PUSH(*p, *n);
    snprintf(x->a, sizeof x->a, "%s", a);
    snprintf(x->b, sizeof x->b, "%s", b);
}
static void collab_pair_remove(sb_collab_pair *p, size_t *n, const char *a, const char *b) {
    int i = collab_pair_find(p, *n, a, b);
    if (i < 0) return;
    p[i] = p[*n - 1];
    (*n)--;
}

/* The other task of a dependency or link: a native id the token can see. NULL after replying. */
static sb_task *collab_other_task(sb_ctx *c, const char *id, const sb_task *self) {
    sb_task *o = id ? find_task(c->sb, id) : NULL;
    if (!o || !team_visible(c, list_team(o->list)->id)) { reply_err(c, 404, "Task not found, deleted", "ITEM_013"); return NULL; }
    if (o == self) { reply_err(c, 400, "A task cannot be related to itself", "DEPEND_002"); return NULL; }
    return o;
}

/* POST /task/{id}/dependency {"depends_on"} or {"dependency_of"} -> {} */
static int h_collab_dependency_add(sb_ctx *c) {
    struct sb_collab *cb = collab_of(c->sb);
    sb_task *t = need_task(c, c->arg[0]), *o;
    const char *on = clickup_json_as_string(clickup_json_get(c->body, "depends_on"), NULL, NULL);
    const char *of = clickup_json_as_string(clickup_json_get(c->body, "dependency_of"), NULL, NULL);
    if (!t) return -1;
    if ((on != NULL) == (of != NULL)) return reply_err(c, 400, "Give depends_on or dependency_of", "DEPEND_001");
    if (!(o = collab_other_task(c, on ? on : of, t))) return -1;
    if (on) collab_pair_add(&cb->deps, &cb->ndeps, t->id, o->id);
    else collab_pair_add(&cb->deps, &cb->ndeps, o->id, t->id);
    return reply_empty_object(c);
}

/* DELETE /task/{id}/dependency?depends_on=X or ?dependency_of=X -> {} */
static int h_collab_dependency_remove(sb_ctx *c) {
    struct sb_collab *cb = collab_of(c->sb);
    sb_task *t = need_task(c, c->arg[0]);
    const char *on = q_get(c->rq, "depends_on"), *of = q_get(c->rq, "dependency_of");
    if (!t) return -1;
    if (!on && !of) return reply_err(c, 400, "Give depends_on or dependency_of", "DEPEND_001");
    if (on) collab_pair_remove(cb->deps, &cb->ndeps, t->id, on);
    if (of) collab_pair_remove(cb->deps, &cb->ndeps, of, t->id);
    return reply_empty_object(c);
}

/* {"task": the task} with its "dependencies" and "linked_tasks" filled from the state. */
static int collab_task_reply(sb_ctx *c, const sb_task *t) {
    struct sb_collab *cb = collab_of(c->sb);
    task_view v = { 0, 0 };
    jw_t tmp;
    char *text;
    clickup_json_doc *doc = NULL;
    const clickup_json *root;
    size_t i;
    clickup_json_writer_init(&tmp, NULL);
    w_task(c->sb, &tmp, t, v);
    text = json_text_of_writer(&tmp);
    if (!text || clickup_json_parse(text, strlen(text), NULL, &doc, NULL) != CLICKUP_OK) {
        free(text);
        return reply_err(c, 500, "sandbox: could not build the task", "SANDBOX_500");
    }
    root = clickup_json_root(doc);
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "task");
    clickup_jw_object_begin(&c->w);
    for (i = 0; i < clickup_json_len(root); i++) {
        const char *k = NULL;
        const clickup_json *val = clickup_json_member(root, i, &k, NULL);
        size_t j;
        clickup_jw_key(&c->w, k);
        if (strcmp(k, "dependencies") == 0) {
            clickup_jw_array_begin(&c->w);
            for (j = 0; j < cb->ndeps; j++) {
                if (strcmp(cb->deps[j].a, t->id) != 0 && strcmp(cb->deps[j].b, t->id) != 0) continue;
                clickup_jw_object_begin(&c->w);
                k_str(&c->w, "task_id", cb->deps[j].a);
                k_str(&c->w, "depends_on", cb->deps[j].b);
                k_int(&c->w, "type", strcmp(cb->deps[j].b, t->id) == 0);   /* 1: this task blocks */
                k_str(&c->w, "date_created", "1700000000000");
                k_str(&c->w, "userid", "183");
                clickup_jw_object_end(&c->w);
            }
            clickup_jw_array_end(&c->w);
        } else if (strcmp(k, "linked_tasks") == 0) {
            clickup_jw_array_begin(&c->w);
            for (j = 0; j < cb->nlinks; j++) {
                const char *other = strcmp(cb->links[j].a, t->id) == 0 ? cb->links[j].b
                                  : strcmp(cb->links[j].b, t->id) == 0 ? cb->links[j].a : NULL;
                if (!other) continue;
                clickup_jw_object_begin(&c->w);
                k_str(&c->w, "task_id", t->id);
                k_str(&c->w, "link_id", other);
                k_str(&c->w, "date_created", "1700000000000");
                k_str(&c->w, "userid", "183");
                clickup_jw_object_end(&c->w);
            }
            clickup_jw_array_end(&c->w);
        } else {
            clickup_jw_value(&c->w, val);
        }
    }
    clickup_jw_object_end(&c->w);
    clickup_jw_object_end(&c->w);
    clickup_json_doc_free(doc);
    free(text);
    return 0;
}

/* POST|DELETE /task/{id}/link/{links_to} -> {"task": ...} */
static int collab_link(sb_ctx *c, int add) {
    struct sb_collab *cb = collab_of(c->sb);
    sb_task *t = need_task(c, c->arg[0]), *o;
    if (!t || !(o = collab_other_task(c, c->arg[1], t))) return -1;
    if (add) {
        if (collab_pair_find(cb->links, cb->nlinks, o->id, t->id) < 0) collab_pair_add(&cb->links, &cb->nlinks, t->id, o->id);
    } else {
        collab_pair_remove(cb->links, &cb->nlinks, t->id, o->id);
        collab_pair_remove(cb->links, &cb->nlinks, o->id, t->id);
    }
    return collab_task_reply(c, t);
}
static int h_collab_link_add(sb_ctx *c) { return collab_link(c, 1); }
static int h_collab_link_remove(sb_ctx *c) { return collab_link(c, 0); }

/* POST|DELETE /list/{list_id}/task/{task_id}: no custom ids on this route (a custom-looking id
   draws ClickUp's misleading 401), not the task's home list. -> {} */
static int collab_home(sb_ctx *c, int add) {
    struct sb_collab *cb = collab_of(c->sb);
    const sb_list *l = need_list(c, c->arg[0]);
    sb_task *t;
    if (!l) return -1;
    if (!looks_native(c->arg[1])) return err_team(c);
    if (!(t = find_task(c->sb, c->arg[1]))) return reply_err(c, 404, "Task not found, deleted", "ITEM_013");
    if (need_team(c, list_team(t->list)->id) < 0) return -1;
    if (t->list == l)
        return reply_err(c, 400, add ? "Task is already in this List (its home)" : "A task cannot leave its home List",
                         "LIST_TASK_001");
    if (add) collab_pair_add(&cb->homes, &cb->nhomes, t->id, l->id);
    else collab_pair_remove(cb->homes, &cb->nhomes, t->id, l->id);
    return reply_empty_object(c);
}
static int h_collab_home_add(sb_ctx *c) { return collab_home(c, 1); }
static int h_collab_home_remove(sb_ctx *c) { return collab_home(c, 0); }

/* ---- collab: OAuth ---- */
/* A field of the code exchange: from the JSON body, else from the query (older docs). */
static const char *collab_oauth_field(sb_ctx *c, const char *k) {
    const char *v = clickup_json_as_string(clickup_json_get(c->body, k), NULL, NULL);
    return v ? v : q_get(c->rq, k);
}

/* POST /oauth/token {client_id, client_secret, code} -> {"access_token"}. The code is good
   once. On purpose, like a careless server, a wrong secret or code is echoed in the error
   text: clickup.h must keep it out of its logs and errors. */
static int h_collab_oauth_token(sb_ctx *c) {
    struct sb_collab *cb = collab_of(c->sb);
    const char *id = collab_oauth_field(c, "client_id"), *secret = collab_oauth_field(c, "client_secret");
    const char *code = collab_oauth_field(c, "code");
    char msg[400];
    if (!id || !secret || !code) return reply_err(c, 400, "client_id, client_secret and code are required", "OAUTH_001");
    if (strcmp(id, SANDBOX_OAUTH_CLIENT_ID) != 0) return reply_err(c, 401, "Client not found", "OAUTH_010");
    if (strcmp(secret, SANDBOX_OAUTH_CLIENT_SECRET) != 0) {
        snprintf(msg, sizeof msg, "Client secret %s is wrong for client %s", secret, id);
        return reply_err(c, 401, msg, "OAUTH_011");
    }
    if (strcmp(code, SANDBOX_OAUTH_CODE) != 0 || cb->oauth_code_used) {
        snprintf(msg, sizeof msg, "Code %s is unknown or already used", code);
        return reply_err(c, 401, msg, "OAUTH_015");
    }
    cb->oauth_code_used = 1;
    clickup_jw_object_begin(&c->w);
    k_str(&c->w, "access_token", SANDBOX_OAUTH_TOKEN);
    clickup_jw_object_end(&c->w);
    return 0;
}

/* ---- collab: inspection (sandbox.h) ---- */
size_t sandbox_comment_count(sandbox *s, const char *owner_id) {
    size_t i, n = 0;
    pthread_mutex_lock(&s->mu);
    if (s->collab)
        for (i = 0; i < s->collab->ncomments; i++)
            n += !s->collab->comments[i].deleted && strcmp(s->collab->comments[i].owner, owner_id) == 0;
    pthread_mutex_unlock(&s->mu);
    return n;
}

int sandbox_dependency_exists(sandbox *s, const char *waiting_task, const char *blocking_task) {
    int r;
    pthread_mutex_lock(&s->mu);
    r = s->collab && collab_pair_find(s->collab->deps, s->collab->ndeps, waiting_task, blocking_task) >= 0;
    pthread_mutex_unlock(&s->mu);
    return r;
}

int sandbox_link_exists(sandbox *s, const char *task_a, const char *task_b) {
    int r;
    pthread_mutex_lock(&s->mu);
    r = s->collab && (collab_pair_find(s->collab->links, s->collab->nlinks, task_a, task_b) >= 0 ||
                      collab_pair_find(s->collab->links, s->collab->nlinks, task_b, task_a) >= 0);
    pthread_mutex_unlock(&s->mu);
    return r;
}

int sandbox_task_in_list(sandbox *s, const char *task_id, const char *list_id) {
    int r;
    pthread_mutex_lock(&s->mu);
    r = s->collab && collab_pair_find(s->collab->homes, s->collab->nhomes, task_id, list_id) >= 0;
    pthread_mutex_unlock(&s->mu);
    return r;
}

/* ---- webhooks: registrations, and signed deliveries from a thread (sandbox.h WEBHOOKS) -----
   Kept in sb->hooks (made by sandbox_start, freed with the data). Handlers, and the event
   hooks around every API write (hooks_before / hooks_after, called by api_dispatch), run under
   sb->mu like every handler. An event is serialised and signed once per webhook when the
   change happens, so every attempt of a delivery sends the same bytes. One delivery thread,
   started with the first delivery and joined by sandbox_stop, sends them: it takes sb->mu only
   to pick a delivery and to record its outcome, never across a connection, and every wait of
   a connection also watches the wake pipe, so stopping never waits for an endpoint. The
   ECODEs below are the sandbox's own, except OAUTH_171 (a duplicate), which is ClickUp's. */
enum { HOOK_ACTIVE, HOOK_FAILING, HOOK_SUSPENDED };
static const char *const HOOK_STATUS[] = { "active", "failing", "suspended" };
#define HOOK_SUSPEND_AT 100             /* fail_count at which ClickUp suspends a webhook       */
#define HOOK_MAX_EVENTS 64
#define HOOK_MAX_ENDPOINT 2000

typedef struct sb_hook {
    char    id[40];                     /* a UUID                                               */
    char    team[16];
    char   *endpoint;
    char  **events;                     /* the names as given; "*" = every event                */
    size_t  nevents;
    char    task[24], list[24], folder[24], space[24];    /* the location; "" = none         */
    char    secret[65];                 /* 64 characters of [A-Z0-9], like ClickUp's            */
    int     status;                     /* HOOK_*                                               */
    int     fail_count;                 /* deliveries dropped since the last one that went     */
} sb_hook;

typedef struct sb_delivery {
    char                hook[40];       /* the webhook's id: looked up again before each try    */
    char               *url, *body;
    size_t              body_len;
    char                signature[65];
    int                 attempts;       /* made so far                                          */
    int64_t             due;            /* mono_ms() from which it may go                       */
    struct sb_delivery *next;
} sb_delivery;

struct sb_hooks {
    sb_hook          **hooks;
    size_t             nhooks;
    sb_delivery       *queue;           /* in the order the changes happened                    */
    size_t             queued, inflight, attempts;
    unsigned long long next_item;       /* history item ids                                     */
    int                retry_ms, timeout_ms, retries;
    int                started, stopping;
    pthread_t          th;
    pthread_cond_t     cv;              /* with sb->mu: a delivery queued or done, or stop      */
};

static void *hooks_main(void *arg);

/* The settings of sandbox_opts; no thread yet. */
static void hooks_init(sandbox *sb, const sandbox_opts *o) {
    struct sb_hooks *hk = (struct sb_hooks *)sb_zalloc(sizeof *hk);
    pthread_condattr_t ca;
    hk->retry_ms = o->webhook_retry_ms == 0 ? 200 : o->webhook_retry_ms < 0 ? 0 : o->webhook_retry_ms;
    hk->timeout_ms = o->webhook_timeout_ms > 0 ? o->webhook_timeout_ms : 7000;
    hk->retries = o->webhook_retries == 0 ? 5 : o->webhook_retries < 0 ? 0 : o->webhook_retries;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&hk->cv, &ca);
    pthread_condattr_destroy(&ca);
    sb->hooks = hk;
}

static void hook_free(sb_hook *h) {
    size_t i;
    if (!h) return;
    free(h->endpoint);
    for (i = 0; i < h->nevents; i++) free(h->events[i]);
    free(h->events);
    free(h);
}

static void delivery_free(sb_delivery *d) {
    if (!d) return;
    free(d->url);
    free(d->body);
    free(d);
}

/* Stop the delivery thread (sandbox_stop, after the wake pipe was written; sb->mu not held). */
static void hooks_stop(sandbox *sb) {
    struct sb_hooks *hk = sb->hooks;
    int started;
    if (!hk) return;
    pthread_mutex_lock(&sb->mu);
    hk->stopping = 1;
    started = hk->started;
    pthread_cond_broadcast(&hk->cv);
    pthread_mutex_unlock(&sb->mu);
    if (started) pthread_join(hk->th, NULL);
}

/* With the data (free_data): every webhook and every delivery not made. */
static void hooks_free(struct sb_hooks *hk) {
    size_t i;
    if (!hk) return;
    for (i = 0; i < hk->nhooks; i++) hook_free(hk->hooks[i]);
    free(hk->hooks);
    while (hk->queue) {
        sb_delivery *d = hk->queue;
        hk->queue = d->next;
        delivery_free(d);
    }
    pthread_cond_destroy(&hk->cv);
    free(hk);
}

/* n random bytes: /dev/urandom, else a clock-seeded generator (ids and secrets of a test
   server; nothing here protects anything real). */
static void hooks_random(unsigned char *buf, size_t n) {
    static unsigned long long x;
    size_t i;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t k = read(fd, buf, n);
        close(fd);
        if (k == (ssize_t)n) return;
    }
    x ^= (unsigned long long)wall_ms() * 6364136223846793005ULL + (unsigned long long)getpid();
    for (i = 0; i < n; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        buf[i] = (unsigned char)(x >> 24);
    }
}

static void hook_new_ids(sb_hook *h) {
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    unsigned char r[16 + 64];
    size_t i;
    hooks_random(r, sizeof r);
    r[6] = (unsigned char)((r[6] & 0x0f) | 0x40);          /* a version 4 UUID */
    r[8] = (unsigned char)((r[8] & 0x3f) | 0x80);
    for (i = 0; i < 16; i++) {
        static const int dash[16] = { 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0 };
        snprintf(h->id + strlen(h->id), sizeof h->id - strlen(h->id), "%02x%s", r[i], dash[i] ? "-" : "");
    }
    for (i = 0; i < 64; i++) h->secret[i] = alphabet[r[16 + i] % 36];
    h->secret[64] = '\0';
}

static sb_hook *hook_find(struct sb_hooks *hk, const char *id) {
    size_t i;
    for (i = 0; i < hk->nhooks; i++)
        if (strcmp(hk->hooks[i]->id, id) == 0) return hk->hooks[i];
    return NULL;
}

/* ---- webhooks: the loopback endpoint ---- */
/* "http://HOST[:PORT][/PATH]" with HOST 127.x.x.x, localhost or [::1]: the address into *ss,
   the authority into host[], the path (or "/") into *path. 0, or -1 (not such a URL). */
static int hook_url(const char *url, struct sockaddr_storage *ss, socklen_t *len, char *host, size_t hn,
                    const char **path) {
    const char *a = url + 7, *end, *colon;
    char name[64];
    long port = 80;
    size_t n;
    if (strncasecmp(url, "http://", 7) != 0) return -1;
    end = a + strcspn(a, "/?#");
    *path = *end == '/' ? end : "/";
    if ((size_t)(end - a) >= hn || end == a) return -1;
    memcpy(host, a, (size_t)(end - a));
    host[end - a] = '\0';
    colon = strrchr(host, ':');
    if (colon && (host[0] != '[' || colon > strchr(host, ']'))) {
        char *stop;
        port = strtol(colon + 1, &stop, 10);
        if (*stop || port < 1 || port > 65535) return -1;
        n = (size_t)(colon - host);
    } else {
        n = strlen(host);
    }
    if (n >= sizeof name) return -1;
    memcpy(name, host, n);
    name[n] = '\0';
    memset(ss, 0, sizeof *ss);
    if (strcasecmp(name, "localhost") == 0) snprintf(name, sizeof name, "127.0.0.1");
    if (strcmp(name, "[::1]") == 0) {
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)ss;
        in6->sin6_family = AF_INET6;
        in6->sin6_addr = in6addr_loopback;
        in6->sin6_port = htons((unsigned short)port);
        *len = sizeof *in6;
        return 0;
    } else {
        struct sockaddr_in *in = (struct sockaddr_in *)ss;
        if (inet_pton(AF_INET, name, &in->sin_addr) != 1 || (ntohl(in->sin_addr.s_addr) >> 24) != 127) return -1;
        in->sin_family = AF_INET;
        in->sin_port = htons((unsigned short)port);
        *len = sizeof *in;
        return 0;
    }
}

/* Wait for events on fd until the deadline, watching the wake pipe. 1 ready, 0 not. */
static int hook_wait(sandbox *sb, int fd, short events, int64_t deadline) {
    for (;;) {
        struct pollfd p[2];
        int64_t left = deadline - mono_ms();
        if (left <= 0) return 0;
        p[0].fd = fd;          p[0].events = events; p[0].revents = 0;
        p[1].fd = sb->wake[0]; p[1].events = POLLIN; p[1].revents = 0;
        if (poll(p, 2, left > 1000 ? 1000 : (int)left) < 0 && errno != EINTR) return 0;
        if (p[1].revents) return 0;                     /* sandbox_stop */
        if (p[0].revents) return 1;
    }
}

/* Connect to the endpoint without blocking past the deadline. The socket, or -1. */
static int hook_connect(sandbox *sb, const struct sockaddr_storage *ss, socklen_t len, int64_t deadline) {
    int fd = socket(ss->ss_family, SOCK_STREAM, 0), err = 0;
    socklen_t elen = sizeof err;
    if (fd < 0) return -1;
    (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
    (void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    if (connect(fd, (const struct sockaddr *)ss, len) < 0 &&
        (errno != EINPROGRESS || !hook_wait(sb, fd, POLLOUT, deadline) ||
         getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) < 0 || err != 0)) {
        close(fd);
        return -1;
    }
    return fd;
}

/* POST a delivery: the endpoint's HTTP status, or -1 (no connection, no answer before the
   deadline, not an HTTP answer, or the sandbox is stopping). Called without sb->mu. */
static int hook_post(sandbox *sb, const sb_delivery *d, int timeout_ms) {
    struct sockaddr_storage ss;
    socklen_t len = 0;
    char host[300], in[512];
    const char *path;
    sb_buf req = { NULL, 0, 0 };
    int64_t deadline = mono_ms() + timeout_ms;
    size_t sent = 0, got = 0;
    int fd, status = -1;
    if (hook_url(d->url, &ss, &len, host, sizeof host, &path) < 0) return -1;
    if ((fd = hook_connect(sb, &ss, len, deadline)) < 0) return -1;
    buf_printf(&req, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n"
               "X-Signature: %s\r\nUser-Agent: ClickUp-Sandbox-Webhooks/1\r\nConnection: close\r\n\r\n",
               path, host, d->body_len, d->signature);
    buf_put(&req, d->body, d->body_len);
    while (sent < req.len) {
        ssize_t k = send(fd, req.p + sent, req.len - sent, MSG_NOSIGNAL);
        if (k > 0) sent += (size_t)k;
        else if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && hook_wait(sb, fd, POLLOUT, deadline)) continue;
        else break;
    }
    while (sent == req.len && got < sizeof in - 1 && !memchr(in, '\n', got)) {  /* the status line */
        ssize_t k = recv(fd, in + got, sizeof in - 1 - got, 0);
        if (k > 0) got += (size_t)k;
        else if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && hook_wait(sb, fd, POLLIN, deadline)) continue;
        else break;
    }
    in[got] = '\0';
    if (memchr(in, '\n', got) && strncmp(in, "HTTP/1.", 7) == 0 && in[8] == ' ' && isdigit((unsigned char)in[9]))
        status = atoi(in + 9);
    close(fd);
    buf_free(&req);
    return status >= 100 && status <= 599 ? status : -1;
}

/* ---- webhooks: the delivery thread ---- */
/* The first delivery that may go now, taken off the queue; else NULL and *wait_ms until the
   next one is due (1 s when none is queued). sb->mu held. */
static sb_delivery *hooks_take_due(struct sb_hooks *hk, int64_t now, int64_t *wait_ms) {
    sb_delivery **pp;
    *wait_ms = 1000;
    for (pp = &hk->queue; *pp; pp = &(*pp)->next) {
        sb_delivery *d = *pp;
        if (d->due <= now) {
            *pp = d->next;
            d->next = NULL;
            hk->queued--;
            return d;
        }
        if (d->due - now < *wait_ms) *wait_ms = d->due - now;
    }
    return NULL;
}

static void hooks_append(struct sb_hooks *hk, sb_delivery *d) {
    sb_delivery **pp;
    for (pp = &hk->queue; *pp; pp = &(*pp)->next) {}
    *pp = d;
    hk->queued++;
}

/* What an attempt's status does (sb->mu held): 2xx delivered (the webhook is healthy again);
   410 suspends the webhook at once; anything else (another status, no answer in time, no
   connection) is retried up to `retries` times, then the event is dropped and fail_count
   grows (at HOOK_SUSPEND_AT the webhook is suspended). Frees d unless it is queued again. */
static void hooks_outcome(struct sb_hooks *hk, sb_delivery *d, int status) {
    sb_hook *h = hook_find(hk, d->hook);
    d->attempts++;
    if (h && status >= 200 && status <= 299) {
        h->fail_count = 0;
        if (h->status == HOOK_FAILING) h->status = HOOK_ACTIVE;
    } else if (h && status == 410) {
        h->status = HOOK_SUSPENDED;
    } else if (h && d->attempts <= hk->retries) {
        d->due = mono_ms() + hk->retry_ms;
        hooks_append(hk, d);
        return;
    } else if (h) {
        h->fail_count++;
        if (h->status != HOOK_SUSPENDED)
            h->status = h->fail_count >= HOOK_SUSPEND_AT ? HOOK_SUSPENDED : HOOK_FAILING;
    }
    delivery_free(d);
}

static void hooks_wait(struct sb_hooks *hk, pthread_mutex_t *mu, int64_t ms) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += (time_t)(ms / 1000);
    ts.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (ts.tv_nsec >= 1000000000L) { ts.tv_sec++; ts.tv_nsec -= 1000000000L; }
    (void)pthread_cond_timedwait(&hk->cv, mu, &ts);
}

/* The delivery thread: one delivery at a time, oldest due first, until sandbox_stop. A
   delivery of a webhook deleted or suspended since is dropped without being sent. */
static void *hooks_main(void *arg) {
    sandbox *sb = (sandbox *)arg;
    struct sb_hooks *hk = sb->hooks;
    pthread_mutex_lock(&sb->mu);
    while (!hk->stopping) {
        int64_t wait_ms;
        sb_delivery *d = hooks_take_due(hk, mono_ms(), &wait_ms);
        const sb_hook *h;
        int status, timeout_ms = hk->timeout_ms;
        if (!d) { hooks_wait(hk, &sb->mu, wait_ms); continue; }
        if (!(h = hook_find(hk, d->hook)) || h->status == HOOK_SUSPENDED) {
            delivery_free(d);
            pthread_cond_broadcast(&hk->cv);
            continue;
        }
        hk->inflight++;
        hk->attempts++;
        pthread_mutex_unlock(&sb->mu);
        status = hook_post(sb, d, timeout_ms);          /* d is ours alone now */
        pthread_mutex_lock(&sb->mu);
        hk->inflight--;
        if (!hk->stopping) hooks_outcome(hk, d, status);
        else delivery_free(d);
        pthread_cond_broadcast(&hk->cv);                /* sandbox_webhook_wait_idle */
    }
    pthread_mutex_unlock(&sb->mu);
    return NULL;
}

/* Queue body for webhook h, signed with its secret; start the thread with the first. */
static void hook_enqueue(sandbox *sb, const sb_hook *h, char *body) {
    struct sb_hooks *hk = sb->hooks;
    sb_delivery *d = (sb_delivery *)sb_zalloc(sizeof *d);
    unsigned char mac[32];
    int i;
    snprintf(d->hook, sizeof d->hook, "%s", h->id);
    d->url = sb_strdup(h->endpoint);
    d->body = body;
    d->body_len = strlen(body);
    (void)clickup_hmac_sha256(h->secret, strlen(h->secret), body, d->body_len, mac);
    for (i = 0; i < 32; i++) snprintf(d->signature + 2 * i, 3, "%02x", mac[i]);
    d->due = mono_ms();
    hooks_append(hk, d);
    if (!hk->started && !hk->stopping && pthread_create(&hk->th, NULL, hooks_main, sb) == 0) hk->started = 1;
    pthread_cond_broadcast(&hk->cv);
}

/* ---- webhooks: events ---- */
/* Does webhook h subscribe to `event` about task t (its workspace and location)? */
static int hook_wants(const sb_hook *h, const char *event, const sb_task *t) {
    const sb_list *l = t->list;
    size_t i;
    int named = 0;
    if (h->status == HOOK_SUSPENDED || strcmp(h->team, list_team(l)->id) != 0) return 0;
    for (i = 0; i < h->nevents; i++) named |= strcmp(h->events[i], "*") == 0 || strcmp(h->events[i], event) == 0;
    if (!named) return 0;
    if (h->task[0]) return strcmp(h->task, t->id) == 0;
    if (h->list[0]) return strcmp(h->list, l->id) == 0;
    if (h->folder[0]) return l->fo && strcmp(h->folder, l->fo->id) == 0;
    if (h->space[0]) return strcmp(h->space, l->sp->id) == 0;
    return 1;
}

/* One event about task t to every webhook that wants it: {"event", "history_items" (the JSON
   array text `items`, left out when NULL), "task_id", "webhook_id"}. Endpoints that are not
   loopback http:// URLs get nothing (the sandbox never connects elsewhere). */
static void hook_emit(sandbox *sb, const char *event, const sb_task *t, const char *items) {
    struct sb_hooks *hk = sb->hooks;
    size_t i;
    for (i = 0; i < hk->nhooks; i++) {
        const sb_hook *h = hk->hooks[i];
        struct sockaddr_storage ss;
        socklen_t len;
        char host[300];
        const char *path;
        jw_t w;
        char *body;
        if (!hook_wants(h, event, t) || hook_url(h->endpoint, &ss, &len, host, sizeof host, &path) < 0) continue;
        clickup_json_writer_init(&w, NULL);
        clickup_jw_object_begin(&w);
        k_str(&w, "event", event);
        if (items) k_raw(&w, "history_items", items);
        k_str(&w, "task_id", t->id);
        k_str(&w, "webhook_id", h->id);
        clickup_jw_object_end(&w);
        if ((body = json_text_of_writer(&w)) != NULL) hook_enqueue(sb, h, body);
    }
}

/* A status as history items show it: {"status", "color", "orderindex", "type"}. */
static void hook_status_value(jw_t *w, const char *key, const sb_status *s) {
    clickup_jw_key(w, key);
    clickup_jw_object_begin(w);
    if (s) {
        k_str(w, "status", s->name);
        k_str(w, "color", s->color);
        k_int(w, "orderindex", s->orderindex);
        k_str(w, "type", s->type);
    } else {                                            /* before a task existed */
        k_null(w, "status");
        k_str(w, "color", "#000000");
        k_int(w, "orderindex", -1);
        k_str(w, "type", "removed");
    }
    clickup_jw_object_end(w);
}

static void hook_priority_value(jw_t *w, const char *key, int p) {
    char id[4];
    clickup_jw_key(w, key);
    if (p < 1 || p > 4) { clickup_jw_null(w); return; }
    snprintf(id, sizeof id, "%d", p);
    clickup_jw_object_begin(w);
    k_str(w, "id", id);
    k_str(w, "priority", PRIORITY_NAMES[p]);
    k_str(w, "color", PRIORITY_COLORS[p]);
    k_str(w, "orderindex", id);
    clickup_jw_object_end(w);
}

static void hook_ms_value(jw_t *w, const char *key, int64_t ms) {
    char text[24];
    clickup_jw_key(w, key);
    if (ms < 0) { clickup_jw_null(w); return; }
    snprintf(text, sizeof text, "%lld", (long long)ms);
    clickup_jw_string(w, text);
}

/* Open one history item of task t: id (19 digits, new), type 1, date, field, parent_id (its
   list), data, source, user (183, whose token made the change). The caller writes "before"
   and "after" and closes it. status_type: data.status_type, or NULL for {}. */
static void hook_item_begin(sandbox *sb, jw_t *w, const sb_task *t, const char *field, const char *status_type) {
    char id[24];
    snprintf(id, sizeof id, "%llu", 2800000000000000000ULL + ++sb->hooks->next_item);
    clickup_jw_object_begin(w);
    k_str(w, "id", id);
    k_int(w, "type", 1);
    hook_ms_value(w, "date", wall_ms());
    k_str(w, "field", field);
    k_str(w, "parent_id", t->list->id);
    clickup_jw_key(w, "data");
    clickup_jw_object_begin(w);
    if (status_type) k_str(w, "status_type", status_type);
    clickup_jw_object_end(w);
    k_null(w, "source");
    clickup_jw_key(w, "user");
    w_user(w, 183, U_TASK);
}

/* An item whose before and after are strings (NULL = null). */
static void hook_text_item(sandbox *sb, jw_t *w, const sb_task *t, const char *field, const char *before,
                           const char *after) {
    hook_item_begin(sb, w, t, field, NULL);
    k_str(w, "before", before);
    k_str(w, "after", after);
    clickup_jw_object_end(w);
}

/* taskCreated: a status item (from "removed") and a task_creation item, as ClickUp sends. */
static void hook_task_created(sandbox *sb, const sb_task *t) {
    jw_t w;
    char *items;
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    hook_item_begin(sb, &w, t, "status", task_status(t)->type);
    hook_status_value(&w, "before", NULL);
    hook_status_value(&w, "after", task_status(t));
    clickup_jw_object_end(&w);
    hook_item_begin(sb, &w, t, "task_creation", NULL);
    k_null(&w, "before");
    k_null(&w, "after");
    clickup_jw_object_end(&w);
    clickup_jw_array_end(&w);
    items = json_text_of_writer(&w);
    hook_emit(sb, "taskCreated", t, items);
    free(items);
}

/* What a task was before a write (hooks_before), to tell what the write changed. */
typedef struct hook_snap {
    int      on;                        /* an API write while webhooks exist                    */
    size_t   ntasks;                    /* the tasks after these are new                        */
    sb_task *task;                      /* the task of /task/{id}/..., or NULL                  */
    char    *name, *description;
    sb_buf   tags, assignees;           /* "\nname\n...": one entry per line                    */
    int      status, priority, deleted;
    int64_t  due;
} hook_snap;

static void hook_tag_lines(const sb_task *t, sb_buf *b) {
    size_t i;
    buf_puts(b, "\n");
    for (i = 0; i < t->ntags; i++) buf_printf(b, "%s\n", t->tags[i]);
}

static void hook_assignee_lines(const sb_task *t, sb_buf *b) {
    size_t i;
    buf_puts(b, "\n");
    for (i = 0; i < t->nassignees; i++) buf_printf(b, "%lld\n", (long long)t->assignees[i]);
}

/* Is "\nentry\n" in lines? */
static int hook_has_line(const char *lines, const char *entry) {
    sb_buf b = { NULL, 0, 0 };
    int found;
    buf_printf(&b, "\n%s\n", entry);
    found = strstr(lines ? lines : "", b.p) != NULL;
    buf_free(&b);
    return found;
}

/* Before an API request's handler (sb->mu held). */
static void hooks_before(sb_ctx *c, hook_snap *s) {
    sandbox *sb = c->sb;
    const char *m = c->rq->method;
    memset(s, 0, sizeof *s);
    if (!sb->hooks || !sb->hooks->nhooks || strcmp(m, "GET") == 0 || strcmp(m, "HEAD") == 0) return;
    s->on = 1;
    s->ntasks = sb->ntasks;
    if (c->nseg < 2 || strcmp(c->seg[0], "task") != 0) return;
    if (q_bool(c->rq, "custom_task_ids")) {
        const char *team = q_get(c->rq, "team_id");
        s->task = team ? find_task_custom(sb, team, c->seg[1]) : NULL;
    } else {
        s->task = find_task(sb, c->seg[1]);
    }
    if (!s->task) return;
    s->name = sb_strdup(s->task->name);
    s->description = sb_strdup(s->task->description);
    hook_tag_lines(s->task, &s->tags);
    hook_assignee_lines(s->task, &s->assignees);
    s->status = s->task->status;
    s->priority = s->task->priority;
    s->deleted = s->task->deleted;
    s->due = s->task->due_date;
}

/* taskAssigneeUpdated: an assignee_add item per new assignee, assignee_rem per removed one. */
static char *hook_assignee_items(sandbox *sb, const sb_task *t, const hook_snap *s) {
    sb_buf now = { NULL, 0, 0 };
    jw_t w;
    size_t i, n = 0;
    const char *p;
    hook_assignee_lines(t, &now);
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < t->nassignees; i++) {
        char id[24];
        snprintf(id, sizeof id, "%lld", (long long)t->assignees[i]);
        if (hook_has_line(s->assignees.p, id)) continue;
        hook_item_begin(sb, &w, t, "assignee_add", NULL);
        k_null(&w, "before");
        clickup_jw_key(&w, "after");
        w_user(&w, t->assignees[i], U_TASK);
        clickup_jw_object_end(&w);
        n++;
    }
    for (p = s->assignees.p + 1; *p; p += strcspn(p, "\n") + 1) {   /* the lines before */
        char id[24];
        snprintf(id, sizeof id, "%.*s", (int)strcspn(p, "\n"), p);
        if (hook_has_line(now.p, id)) continue;
        hook_item_begin(sb, &w, t, "assignee_rem", NULL);
        clickup_jw_key(&w, "before");
        w_user(&w, (int64_t)parse_ull(id), U_TASK);
        k_null(&w, "after");
        clickup_jw_object_end(&w);
        n++;
    }
    clickup_jw_array_end(&w);
    buf_free(&now);
    if (!n) { clickup_json_writer_free(&w); return NULL; }
    return json_text_of_writer(&w);
}

/* taskTagUpdated: a "tag" item per tag added, "tag_removed" per tag removed. */
static char *hook_tag_items(sandbox *sb, const sb_task *t, const hook_snap *s) {
    sb_buf now = { NULL, 0, 0 };
    jw_t w;
    size_t i, n = 0;
    const char *p;
    hook_tag_lines(t, &now);
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < t->ntags; i++) {
        if (hook_has_line(s->tags.p, t->tags[i])) continue;
        hook_item_begin(sb, &w, t, "tag", NULL);
        k_null(&w, "before");
        clickup_jw_key(&w, "after");
        clickup_jw_array_begin(&w);
        clickup_jw_object_begin(&w);
        k_str(&w, "name", t->tags[i]);
        clickup_jw_object_end(&w);
        clickup_jw_array_end(&w);
        clickup_jw_object_end(&w);
        n++;
    }
    for (p = s->tags.p + 1; *p; p += strcspn(p, "\n") + 1) {
        char *tag = sb_strndup(p, strcspn(p, "\n"));
        if (!hook_has_line(now.p, tag)) {
            hook_item_begin(sb, &w, t, "tag_removed", NULL);
            clickup_jw_key(&w, "before");
            clickup_jw_array_begin(&w);
            clickup_jw_object_begin(&w);
            k_str(&w, "name", tag);
            clickup_jw_object_end(&w);
            clickup_jw_array_end(&w);
            k_null(&w, "after");
            clickup_jw_object_end(&w);
            n++;
        }
        free(tag);
    }
    clickup_jw_array_end(&w);
    buf_free(&now);
    if (!n) { clickup_json_writer_free(&w); return NULL; }
    return json_text_of_writer(&w);
}

/* Emit event with the items JSON text (taken and freed); 0 when items is NULL (nothing to say). */
static int hook_one(sandbox *sb, const char *event, const sb_task *t, char *items) {
    if (!items) return 0;
    hook_emit(sb, event, t, items);
    free(items);
    return 1;
}

/* The events of a write to an existing task: status, priority, due date, assignees, tags,
   name and content, each as ClickUp names them; a write that changed none of these (a custom
   field, a comment, ...) is a taskUpdated (taskCommentPosted for a comment) whose item is
   named after the path. */
static void hook_task_changed(sb_ctx *c, const hook_snap *s) {
    sandbox *sb = c->sb;
    const sb_task *t = s->task;
    jw_t w;
    int any = 0, texts = 0;
    if (t->deleted && !s->deleted) { hook_emit(sb, "taskDeleted", t, NULL); return; }
    if (t->status != s->status) {
        const sb_status *st = list_space(t->list)->statuses;
        clickup_json_writer_init(&w, NULL);
        clickup_jw_array_begin(&w);
        hook_item_begin(sb, &w, t, "status", st[t->status].type);
        hook_status_value(&w, "before", &st[s->status]);
        hook_status_value(&w, "after", &st[t->status]);
        clickup_jw_object_end(&w);
        clickup_jw_array_end(&w);
        any |= hook_one(sb, "taskStatusUpdated", t, json_text_of_writer(&w));
    }
    if (t->priority != s->priority) {
        clickup_json_writer_init(&w, NULL);
        clickup_jw_array_begin(&w);
        hook_item_begin(sb, &w, t, "priority", NULL);
        hook_priority_value(&w, "before", s->priority);
        hook_priority_value(&w, "after", t->priority);
        clickup_jw_object_end(&w);
        clickup_jw_array_end(&w);
        any |= hook_one(sb, "taskPriorityUpdated", t, json_text_of_writer(&w));
    }
    if (t->due_date != s->due) {
        clickup_json_writer_init(&w, NULL);
        clickup_jw_array_begin(&w);
        hook_item_begin(sb, &w, t, "due_date", NULL);
        hook_ms_value(&w, "before", s->due);
        hook_ms_value(&w, "after", t->due_date);
        clickup_jw_object_end(&w);
        clickup_jw_array_end(&w);
        any |= hook_one(sb, "taskDueDateUpdated", t, json_text_of_writer(&w));
    }
    any |= hook_one(sb, "taskAssigneeUpdated", t, hook_assignee_items(sb, t, s));
    any |= hook_one(sb, "taskTagUpdated", t, hook_tag_items(sb, t, s));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    if (strcmp(t->name, s->name) != 0) { hook_text_item(sb, &w, t, "name", s->name, t->name); texts++; }
    if (strcmp(t->description, s->description) != 0) {
        hook_text_item(sb, &w, t, "content", s->description, t->description);
        texts++;
    }
    if (!texts && !any) {                               /* something else of the task changed */
        const char *what = c->nseg > 2 ? c->seg[2] : "task";
        int comment = strcmp(what, "comment") == 0 && strcmp(c->rq->method, "POST") == 0;
        hook_text_item(sb, &w, t, strcmp(what, "field") == 0 ? "custom_field" : what, NULL, NULL);
        clickup_jw_array_end(&w);
        hook_one(sb, comment ? "taskCommentPosted" : "taskUpdated", t, json_text_of_writer(&w));
        return;
    }
    clickup_jw_array_end(&w);
    if (texts) hook_one(sb, "taskUpdated", t, json_text_of_writer(&w));
    else clickup_json_writer_free(&w);
}

/* After the handler (sb->mu held): the events of what it changed, if it succeeded. */
static void hooks_after(sb_ctx *c, hook_snap *s) {
    sandbox *sb = c->sb;
    size_t i;
    if (s->on && c->status < 300) {
        for (i = s->ntasks; i < sb->ntasks; i++)
            if (!sb->tasks[i]->deleted) hook_task_created(sb, sb->tasks[i]);
        if (s->task) hook_task_changed(c, s);
    }
    free(s->name);
    free(s->description);
    buf_free(&s->tags);
    buf_free(&s->assignees);
}

/* ---- webhooks: the endpoints ---- */
/* A location id of the body ("space_id", ...): a number or a string; "" when absent or null.
   0, or -1 after a 400. */
static int hook_location_id(sb_ctx *c, const char *key, char *out, size_t n) {
    const clickup_json *v = clickup_json_get(c->body, key);
    int64_t num;
    size_t len = 0;
    const char *s;
    out[0] = '\0';
    if (!v || clickup_json_is(v, CLICKUP_JSON_NULL)) return 0;
    if (clickup_json_is(v, CLICKUP_JSON_NUMBER) && json_i64(v, &num) && num > 0) {
        snprintf(out, n, "%lld", (long long)num);
        return 0;
    }
    s = clickup_json_as_string(v, NULL, &len);
    if (clickup_json_is(v, CLICKUP_JSON_STRING) && s && len && len < n && strlen(s) == len) {
        memcpy(out, s, len + 1);
        return 0;
    }
    return reply_err(c, 400, "Webhook location id invalid", "WEBHOOK_003");
}

/* The location of a new webhook: at most one, existing, in the path's workspace. */
static int hook_location(sb_ctx *c, sb_hook *h) {
    const char *team = c->arg[0];
    int given;
    if (hook_location_id(c, "space_id", h->space, sizeof h->space) < 0 ||
        hook_location_id(c, "folder_id", h->folder, sizeof h->folder) < 0 ||
        hook_location_id(c, "list_id", h->list, sizeof h->list) < 0 ||
        hook_location_id(c, "task_id", h->task, sizeof h->task) < 0)
        return -1;
    given = !!h->space[0] + !!h->folder[0] + !!h->list[0] + !!h->task[0];
    if (given > 1) return reply_err(c, 400, "Give one location: space_id, folder_id, list_id or task_id", "WEBHOOK_003");
    if (h->space[0]) {
        const sb_space *sp = need_space(c, h->space);
        if (!sp) return -1;
        if (strcmp(sp->team, team) != 0) return reply_err(c, 400, "Location not in this workspace", "WEBHOOK_003");
    } else if (h->folder[0]) {
        const sb_folder *f = need_folder(c, h->folder);
        if (!f) return -1;
        if (strcmp(f->sp->team, team) != 0)
            return reply_err(c, 400, "Location not in this workspace", "WEBHOOK_003");
    } else if (h->list[0]) {
        const sb_list *l = need_list(c, h->list);
        if (!l) return -1;
        if (strcmp(list_team(l)->id, team) != 0) return reply_err(c, 400, "Location not in this workspace", "WEBHOOK_003");
    } else if (h->task[0]) {
        const sb_task *t = find_task(c->sb, h->task);
        if (!t) return reply_err(c, 404, "Task not found, deleted", "ITEM_013");
        if (strcmp(list_team(t->list)->id, team) != 0)
            return reply_err(c, 400, "Location not in this workspace", "WEBHOOK_003");
    }
    return 0;
}

/* "endpoint": a URL without white space or control characters. 0, or -1 after a 400. */
static int hook_endpoint(sb_ctx *c, sb_hook *h, int required) {
    const clickup_json *v = clickup_json_get(c->body, "endpoint");
    size_t len = 0, i;
    const char *s = clickup_json_as_string(v, NULL, &len);
    if (!v && !required) return 0;
    if (!clickup_json_is(v, CLICKUP_JSON_STRING) || !len || len > HOOK_MAX_ENDPOINT || strlen(s) != len)
        return reply_err(c, 400, "Webhook endpoint invalid", "WEBHOOK_001");
    for (i = 0; i < len; i++)
        if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7f) return reply_err(c, 400, "Webhook endpoint invalid", "WEBHOOK_001");
    free(h->endpoint);
    h->endpoint = sb_strdup(s);
    return 0;
}

/* "events": an array of ClickUp's event names (or "*"), or the string "*". 0, or -1 after a 400. */
static int hook_events(sb_ctx *c, sb_hook *h, int required) {
    const clickup_json *v = clickup_json_get(c->body, "events");
    size_t n = clickup_json_is(v, CLICKUP_JSON_ARRAY) ? clickup_json_len(v) : 0, i;
    char **names;
    if (!v && !required) return 0;
    if (clickup_json_is(v, CLICKUP_JSON_STRING)) n = 1;
    if (!n || n > HOOK_MAX_EVENTS) return reply_err(c, 400, "Webhook events invalid", "WEBHOOK_002");
    names = (char **)sb_zalloc(n * sizeof *names);
    for (i = 0; i < n; i++) {
        const clickup_json *e = clickup_json_is(v, CLICKUP_JSON_STRING) ? v : clickup_json_at(v, i);
        const char *s = clickup_json_as_string(e, NULL, NULL);
        if (!clickup_json_is(e, CLICKUP_JSON_STRING) || !s ||
            (strcmp(s, "*") != 0 && clickup_webhook_event_type_of(s) == CLICKUP_EVENT_UNKNOWN)) {
            while (i--) free(names[i]);
            free(names);
            return reply_err(c, 400, "Webhook events invalid", "WEBHOOK_002");
        }
        names[i] = sb_strdup(s);
    }
    for (i = 0; i < h->nevents; i++) free(h->events[i]);
    free(h->events);
    h->events = names;
    h->nevents = n;
    return 0;
}

/* A location id as ClickUp shows it: a number when it is digits, else a string; null when "". */
static void hook_k_location(jw_t *w, const char *key, const char *id) {
    if (!id[0]) k_null(w, key);
    else if (parse_ull(id) > 0) k_int(w, key, (int64_t)parse_ull(id));
    else k_str(w, key, id);
}

/* A webhook as ClickUp's answers show it, the secret included (its reference shows it in
   every answer). */
static void w_hook(jw_t *w, const sb_hook *h) {
    size_t i;
    clickup_jw_object_begin(w);
    k_str(w, "id", h->id);
    k_int(w, "userid", 183);
    k_int(w, "team_id", (int64_t)parse_ull(h->team));
    k_str(w, "endpoint", h->endpoint);
    k_str(w, "client_id", "SANDBOXWEBHOOKCLIENT00000000000");
    clickup_jw_key(w, "events");
    clickup_jw_array_begin(w);
    for (i = 0; i < h->nevents; i++) clickup_jw_string(w, h->events[i]);
    clickup_jw_array_end(w);
    k_str(w, "task_id", h->task[0] ? h->task : NULL);
    hook_k_location(w, "list_id", h->list);
    hook_k_location(w, "folder_id", h->folder);
    hook_k_location(w, "space_id", h->space);
    clickup_jw_key(w, "health");
    clickup_jw_object_begin(w);
    k_str(w, "status", HOOK_STATUS[h->status]);
    k_int(w, "fail_count", h->fail_count);
    clickup_jw_object_end(w);
    k_str(w, "secret", h->secret);
    clickup_jw_object_end(w);
}

/* {"id": ..., "webhook": {...}}: the answer of POST and PUT. */
static int hook_reply(sb_ctx *c, const sb_hook *h) {
    clickup_jw_object_begin(&c->w);
    k_str(&c->w, "id", h->id);
    clickup_jw_key(&c->w, "webhook");
    w_hook(&c->w, h);
    clickup_jw_object_end(&c->w);
    return 0;
}

/* Same endpoint, events and location in the same workspace. */
static int hook_same(const sb_hook *a, const sb_hook *b) {
    size_t i;
    if (strcmp(a->team, b->team) || strcmp(a->endpoint, b->endpoint) || a->nevents != b->nevents ||
        strcmp(a->task, b->task) || strcmp(a->list, b->list) || strcmp(a->folder, b->folder) ||
        strcmp(a->space, b->space))
        return 0;
    for (i = 0; i < a->nevents; i++)
        if (strcmp(a->events[i], b->events[i]) != 0) return 0;
    return 1;
}

/* GET /team/{id}/webhook -> {"webhooks": [...]} */
static int h_webhooks(sb_ctx *c) {
    struct sb_hooks *hk = c->sb->hooks;
    size_t i;
    if (need_team(c, c->arg[0]) < 0) return -1;
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "webhooks");
    clickup_jw_array_begin(&c->w);
    for (i = 0; i < hk->nhooks; i++)
        if (strcmp(hk->hooks[i]->team, c->arg[0]) == 0) w_hook(&c->w, hk->hooks[i]);
    clickup_jw_array_end(&c->w);
    clickup_jw_object_end(&c->w);
    return 0;
}

/* POST /team/{id}/webhook {"endpoint", "events", one location or none} -> {"id", "webhook"}
   with a new secret. An identical webhook is refused (400 OAUTH_171, as ClickUp). */
static int h_webhook_create(sb_ctx *c) {
    struct sb_hooks *hk = c->sb->hooks;
    sb_hook *h;
    size_t i;
    if (need_team(c, c->arg[0]) < 0) return -1;
    h = (sb_hook *)sb_zalloc(sizeof *h);
    snprintf(h->team, sizeof h->team, "%s", c->arg[0]);
    if (hook_endpoint(c, h, 1) < 0 || hook_events(c, h, 1) < 0 || hook_location(c, h) < 0) {
        hook_free(h);
        return -1;
    }
    for (i = 0; i < hk->nhooks; i++)
        if (hook_same(hk->hooks[i], h)) {
            hook_free(h);
            return reply_err(c, 400, "Webhook configuration already exists", "OAUTH_171");
        }
    hook_new_ids(h);
    hk->hooks = (sb_hook **)sb_grow(hk->hooks, (hk->nhooks + 1) * sizeof *hk->hooks);
    hk->hooks[hk->nhooks++] = h;
    return hook_reply(c, h);
}

/* The webhook of /webhook/{id} in a workspace the token sees, or NULL after a 404. */
static sb_hook *need_hook(sb_ctx *c) {
    sb_hook *h = hook_find(c->sb->hooks, c->arg[0]);
    if (!h || !team_visible(c, h->team)) {
        reply_err(c, 404, "Webhook not found", "WEBHOOK_404");
        return NULL;
    }
    return h;
}

/* PUT /webhook/{id} {"endpoint"?, "events"?, "status"?} -> {"id", "webhook"}. "status":
   "active" re-activates a failing or suspended webhook (fail_count 0); "suspended" suspends. */
static int h_webhook_update(sb_ctx *c) {
    sb_hook *h = need_hook(c), tmp;
    const clickup_json *st = clickup_json_get(c->body, "status");
    const char *status = clickup_json_as_string(st, NULL, NULL);
    if (!h) return -1;
    if (st && (!status || (strcmp(status, "active") != 0 && strcmp(status, "suspended") != 0)))
        return reply_err(c, 400, "Webhook status invalid", "WEBHOOK_004");
    memset(&tmp, 0, sizeof tmp);                        /* check everything before changing anything */
    if (hook_endpoint(c, &tmp, 0) < 0 || hook_events(c, &tmp, 0) < 0) {
        free(tmp.endpoint);
        while (tmp.nevents--) free(tmp.events[tmp.nevents]);
        free(tmp.events);
        return -1;
    }
    if (tmp.endpoint) { free(h->endpoint); h->endpoint = tmp.endpoint; }
    if (tmp.events) {
        size_t i;
        for (i = 0; i < h->nevents; i++) free(h->events[i]);
        free(h->events);
        h->events = tmp.events;
        h->nevents = tmp.nevents;
    }
    if (status && strcmp(status, "active") == 0) { h->status = HOOK_ACTIVE; h->fail_count = 0; }
    else if (status) h->status = HOOK_SUSPENDED;
    return hook_reply(c, h);
}

/* DELETE /webhook/{id} -> {}; its deliveries not yet made are dropped. */
static int h_webhook_delete(sb_ctx *c) {
    struct sb_hooks *hk = c->sb->hooks;
    sb_hook *h = need_hook(c);
    size_t i;
    if (!h) return -1;
    for (i = 0; i < hk->nhooks && hk->hooks[i] != h; i++) {}
    memmove(&hk->hooks[i], &hk->hooks[i + 1], (hk->nhooks - i - 1) * sizeof *hk->hooks);
    hk->nhooks--;
    hook_free(h);
    return reply_empty_object(c);
}

/* ==== [field lab and time entries] ==========================================================
   For tests/test_fields.c (see sandbox.h, "FIELD LAB" and "TIME ENTRIES").
   The field lab: sandbox_field_lab(sb, list_id) gives one list a custom field of every other
   type, next to the five fields every task has (GET /list/{id}/field, and the custom_fields of
   its tasks). Values set through POST /task/{id}/field/{field_id} are checked as ClickUp checks
   them and stored as ClickUp reads them back. Nothing changes for other lists, or when the lab
   is off (the default).
   Time entries: stored per sandbox, for teams 9001 and 9002, all of user 183 unless an
   assignee is named: list, get, create, update, delete, start, stop, the running one. */
enum { LF_TASKS, LF_DATE, LF_CURRENCY, LF_PERCENT, LF_CHECKBOX, LF_URL, LF_EMAIL, LF_PHONE, LF_TEXT, LF_EMOJI,
       LF_LOCATION, LF_PROGRESS, LF_STAGE, LF_FORMULA, NLAB };

static const sb_field LAB_FIELDS[NLAB] = {
    { "5f1ab000-0001-4000-8000-00000000f001", "Related Tasks", "tasks", "{\"fields\":[]}" },
    { "5f1ab000-0002-4000-8000-00000000f002", "Go Live", "date", "{}" },
    { "5f1ab000-0003-4000-8000-00000000f003", "Budget", "currency",
      "{\"precision\":2,\"currency_type\":\"EUR\",\"default\":null}" },
    { "5f1ab000-0004-4000-8000-00000000f004", "Margin", "percentage", "{\"precision\":1}" },
    { "5f1ab000-0005-4000-8000-00000000f005", "Signed", "checkbox", "{}" },
    { "5f1ab000-0006-4000-8000-00000000f006", "Website", "url", "{}" },
    { "5f1ab000-0007-4000-8000-00000000f007", "Contact Email", "email", "{}" },
    { "5f1ab000-0008-4000-8000-00000000f008", "Phone", "phone", "{}" },
    { "5f1ab000-0009-4000-8000-00000000f009", "Notes", "text", "{}" },
    { "5f1ab000-000a-4000-8000-00000000f00a", "Happiness", "emoji", "{\"code_point\":\"1f600\",\"count\":5}" },
    { "5f1ab000-000b-4000-8000-00000000f00b", "Office", "location", "{}" },
    { "5f1ab000-000c-4000-8000-00000000f00c", "Progress", "manual_progress", "{\"start\":0,\"end\":200}" },
    { "5f1ab000-000d-4000-8000-00000000f00d", "Stage", "dropdown",
      "{\"options\":[{\"id\":\"5a6e0000-0001-4000-8000-00000000aa01\",\"name\":\"Lead\",\"color\":\"#aaaaaa\",\"orderindex\":0},"
      "{\"id\":\"5a6e0000-0002-4000-8000-00000000aa02\",\"name\":\"Won\",\"color\":\"#00aa00\",\"orderindex\":1},"
      "{\"id\":\"5a6e0000-0003-4000-8000-00000000aa03\",\"name\":\"Lost\",\"color\":null,\"orderindex\":2}]}" },
    { "5f1ab000-000e-4000-8000-00000000f00e", "Score", "formula", "{\"formula\":\"1+41\"}" },
};
static const char *const LAB_STAGE_OPTS[] = {
    "5a6e0000-0001-4000-8000-00000000aa01", "5a6e0000-0002-4000-8000-00000000aa02",
    "5a6e0000-0003-4000-8000-00000000aa03",
};

typedef struct lab_value {           /* the lab fields' values of one task (JSON text, NULL = unset) */
    char  task[24];
    char *fv[NLAB];
} lab_value;

typedef struct lab_entry {
    char     id[24], team[8], tid[24];   /* tid "" = no task                                */
    int64_t  user, start, end, at;       /* end -1: running                                 */
    int      billable;
    char    *description;
    char   **tags;
    size_t   ntags;
} lab_entry;

struct sb_lab {
    char        list[24];             /* the list with lab fields; "" = none                  */
    lab_value **values;
    size_t      nvalues;
    lab_entry **entries;
    size_t      nentries;
    unsigned    next_entry;
};

static void lab_entry_free(lab_entry *e) {
    size_t i;
    if (!e) return;
    for (i = 0; i < e->ntags; i++) free(e->tags[i]);
    free(e->tags);
    free(e->description);
    free(e);
}
static void lab_free(struct sb_lab *lab) {
    size_t i, f;
    if (!lab) return;
    for (i = 0; i < lab->nvalues; i++) {
        for (f = 0; f < NLAB; f++) free(lab->values[i]->fv[f]);
        free(lab->values[i]);
    }
    free(lab->values);
    for (i = 0; i < lab->nentries; i++) lab_entry_free(lab->entries[i]);
    free(lab->entries);
    free(lab);
}
static struct sb_lab *lab_of(sandbox *sb) {
    if (!sb->lab) sb->lab = (struct sb_lab *)sb_zalloc(sizeof *sb->lab);
    return sb->lab;
}
static int lab_on(const sandbox *sb, const sb_list *l) {
    return sb->lab && l && sb->lab->list[0] && strcmp(sb->lab->list, l->id) == 0;
}
static lab_value *lab_values(sandbox *sb, const char *task, int create) {
    struct sb_lab *lab = lab_of(sb);
    lab_value *v;
    size_t i;
    for (i = 0; i < lab->nvalues; i++)
        if (strcmp(lab->values[i]->task, task) == 0) return lab->values[i];
    if (!create) return NULL;
    v = (lab_value *)sb_zalloc(sizeof *v);
    snprintf(v->task, sizeof v->task, "%s", task);
    lab->values = (lab_value **)sb_grow(lab->values, (lab->nvalues + 1) * sizeof *lab->values);
    lab->values[lab->nvalues++] = v;
    return v;
}

/* "tasks" values are stored as an array of task ids and shown as small task objects. */
static void lab_w_tasks_value(sandbox *sb, jw_t *w, const char *ids_json) {
    clickup_json_doc *doc = NULL;
    size_t i;
    clickup_jw_array_begin(w);
    if (clickup_json_parse(ids_json, strlen(ids_json), NULL, &doc, NULL) == CLICKUP_OK) {
        const clickup_json *arr = clickup_json_root(doc);
        for (i = 0; i < clickup_json_len(arr); i++) {
            const char *id = clickup_json_as_string(clickup_json_at(arr, i), "", NULL);
            const sb_task *t = find_task(sb, id);
            char url[64];
            snprintf(url, sizeof url, "https://app.clickup.com/t/%s", id);
            clickup_jw_object_begin(w);
            k_str(w, "id", id);
            k_str(w, "name", t ? t->name : "");
            k_str(w, "url", url);
            k_bool(w, "deleted", t == NULL);
            k_bool(w, "access", 1);
            clickup_jw_object_end(w);
        }
    }
    clickup_json_doc_free(doc);
    clickup_jw_array_end(w);
}

/* The lab fields of list l (and their values on task t), inside a custom_fields array. */
static void lab_custom_fields(sandbox *sb, jw_t *w, const sb_list *l, const sb_task *t) {
    const lab_value *v;
    int f;
    if (!lab_on(sb, l)) return;
    v = t ? lab_values(sb, t->id, 0) : NULL;
    for (f = 0; f < NLAB; f++) {
        clickup_jw_object_begin(w);
        k_str(w, "id", LAB_FIELDS[f].id);
        k_str(w, "name", LAB_FIELDS[f].name);
        k_str(w, "type", LAB_FIELDS[f].type);
        k_raw(w, "type_config", LAB_FIELDS[f].type_config);
        k_str(w, "date_created", "1690000000000");
        k_bool(w, "hide_from_guests", 0);
        if (t && f == LF_FORMULA) {
            k_str(w, "value", "42");                             /* computed by "ClickUp" */
        } else if (v && v->fv[f]) {
            clickup_jw_key(w, "value");
            if (f == LF_TASKS) lab_w_tasks_value(sb, w, v->fv[f]);
            else clickup_jw_raw(w, v->fv[f], strlen(v->fv[f]));
        }
        k_bool(w, "required", f == LF_DATE);
        clickup_jw_object_end(w);
    }
}

/* A number, or a string that is one: its text; else NULL. */
static const char *lab_number_text(const clickup_json *v) {
    if (clickup_json_is(v, CLICKUP_JSON_NUMBER)) return clickup_json_number_text(v);
    if (clickup_json_is(v, CLICKUP_JSON_STRING) && is_decimal_text(clickup_json_as_string(v, "", NULL)))
        return clickup_json_as_string(v, "", NULL);
    return NULL;
}

/* A lab value as sent -> the JSON text stored and shown (as ClickUp reads it back). *out NULL
   = clear. Returns 0, or -1 after replying 400. */
static int lab_convert(sb_ctx *c, int f, const clickup_json *v, const char *current, char **out) {
    const char *s = clickup_json_as_string(v, NULL, NULL), *num;
    jw_t w;
    size_t i, j;
    int64_t n;
    *out = NULL;
    if (!v || clickup_json_is(v, CLICKUP_JSON_NULL)) return 0;
    clickup_json_writer_init(&w, NULL);
    switch (f) {
    case LF_TASKS: {                                  /* {"add": [ids], "rem": [ids]} */
        clickup_json_doc *cur = NULL;
        const clickup_json *add = clickup_json_get(v, "add"), *rem = clickup_json_get(v, "rem"), *old;
        if (!clickup_json_is(v, CLICKUP_JSON_OBJECT) || (add && !clickup_json_is(add, CLICKUP_JSON_ARRAY)) ||
            (rem && !clickup_json_is(rem, CLICKUP_JSON_ARRAY)))
            break;
        for (i = 0; i < clickup_json_len(add); i++)
            if (!find_task(c->sb, clickup_json_as_string(clickup_json_at(add, i), "", NULL))) {
                clickup_json_writer_free(&w);
                return reply_err(c, 400, "Task not found, deleted", "ITEM_013");
            }
        if (current) (void)clickup_json_parse(current, strlen(current), NULL, &cur, NULL);
        old = clickup_json_root(cur);
        clickup_jw_array_begin(&w);
        for (i = 0; i < clickup_json_len(old); i++) {
            const clickup_json *id = clickup_json_at(old, i);
            int drop = 0;
            for (j = 0; j < clickup_json_len(rem); j++) drop |= clickup_json_equal(id, clickup_json_at(rem, j));
            for (j = 0; j < clickup_json_len(add); j++) drop |= clickup_json_equal(id, clickup_json_at(add, j));
            if (!drop) clickup_jw_value(&w, id);
        }
        for (i = 0; i < clickup_json_len(add); i++) clickup_jw_value(&w, clickup_json_at(add, i));
        clickup_jw_array_end(&w);
        clickup_json_doc_free(cur);
        *out = json_text_of_writer(&w);
        return 0;
    }
    case LF_DATE: {
        const clickup_json *opt = clickup_json_get(c->body, "value_options");
        char ms[24];
        if (!json_i64(v, &n) || n < 0) break;
        if (opt && (!clickup_json_is(opt, CLICKUP_JSON_OBJECT) ||
                    (clickup_json_get(opt, "time") && !clickup_json_is(clickup_json_get(opt, "time"), CLICKUP_JSON_BOOL))))
            break;
        snprintf(ms, sizeof ms, "%lld", (long long)n);
        clickup_jw_string(&w, ms);                  /* dates read back as strings of digits */
        *out = json_text_of_writer(&w);
        return 0;
    }
    case LF_CURRENCY:
    case LF_PERCENT:
        if (!(num = lab_number_text(v))) break;
        clickup_jw_string(&w, num);
        *out = json_text_of_writer(&w);
        return 0;
    case LF_CHECKBOX:
        if (clickup_json_is(v, CLICKUP_JSON_BOOL)) clickup_jw_string(&w, v && clickup_json_as_bool(v, 0) ? "true" : "false");
        else if (s && (strcmp(s, "true") == 0 || strcmp(s, "false") == 0)) clickup_jw_string(&w, s);
        else break;
        *out = json_text_of_writer(&w);
        return 0;
    case LF_URL:
        if (!s || !(starts_with(s, "http://") || starts_with(s, "https://"))) break;
        clickup_jw_value(&w, v);
        *out = json_text_of_writer(&w);
        return 0;
    case LF_EMAIL:
        if (!s || !strchr(s, '@') || !strchr(strchr(s, '@'), '.') || strchr(s, ' ')) break;
        clickup_jw_value(&w, v);
        *out = json_text_of_writer(&w);
        return 0;
    case LF_PHONE: {
        int digits = 0;
        if (!s || s[0] != '+') break;
        for (i = 0; s[i]; i++) digits += s[i] >= '0' && s[i] <= '9';
        if (digits < 7 || digits > 15) break;
        clickup_jw_value(&w, v);
        *out = json_text_of_writer(&w);
        return 0;
    }
    case LF_TEXT:
        if (!s) break;
        clickup_jw_value(&w, v);
        *out = json_text_of_writer(&w);
        return 0;
    case LF_EMOJI:
        if (!clickup_json_is(v, CLICKUP_JSON_NUMBER) || !json_i64(v, &n) || n < 0 || n > 5) break;
        clickup_jw_int64(&w, n);
        *out = json_text_of_writer(&w);
        return 0;
    case LF_LOCATION: {
        const clickup_json *loc = clickup_json_get(v, "location"), *addr = clickup_json_get(v, "formatted_address");
        if (!clickup_json_is(clickup_json_get(loc, "lat"), CLICKUP_JSON_NUMBER) ||
            !clickup_json_is(clickup_json_get(loc, "lng"), CLICKUP_JSON_NUMBER) ||
            (addr && !clickup_json_is(addr, CLICKUP_JSON_STRING)))
            break;
        clickup_jw_object_begin(&w);
        clickup_jw_key(&w, "location");
        clickup_jw_object_begin(&w);
        clickup_jw_key(&w, "lat"); clickup_jw_value(&w, clickup_json_get(loc, "lat"));
        clickup_jw_key(&w, "lng"); clickup_jw_value(&w, clickup_json_get(loc, "lng"));
        clickup_jw_object_end(&w);
        if (addr) { clickup_jw_key(&w, "formatted_address"); clickup_jw_value(&w, addr); }
        clickup_jw_object_end(&w);
        *out = json_text_of_writer(&w);
        return 0;
    }
    case LF_PROGRESS: {
        double x;
        if (!(num = lab_number_text(clickup_json_get(v, "current")))) break;
        x = clickup_json_as_double(clickup_json_get(v, "current"), -1);
        if (x < 0 || x > 200) break;
        clickup_jw_object_begin(&w);
        k_str(&w, "current", num);
        clickup_jw_key(&w, "percent_completed");
        clickup_jw_double(&w, x / 200.0);
        clickup_jw_object_end(&w);
        *out = json_text_of_writer(&w);
        return 0;
    }
    case LF_STAGE: {
        int64_t idx = -1;
        for (i = 0; i < COUNT_OF(LAB_STAGE_OPTS); i++)
            if (s && strcmp(s, LAB_STAGE_OPTS[i]) == 0) idx = (int64_t)i;
        if (idx < 0 && clickup_json_is(v, CLICKUP_JSON_NUMBER)) idx = clickup_json_as_int64(v, -1);
        if (idx < 0 || idx >= (int64_t)COUNT_OF(LAB_STAGE_OPTS)) {
            clickup_json_writer_free(&w);
            return reply_err(c, 400, "Value must be an option index or uuid", "FIELD_011");
        }
        clickup_jw_int64(&w, idx);
        *out = json_text_of_writer(&w);
        return 0;
    }
    default:
        clickup_json_writer_free(&w);
        return reply_err(c, 400, "Cannot set the value of a formula field", "FIELD_016");
    }
    clickup_json_writer_free(&w);
    return reply_err(c, 400, "Value is not valid for this field type", "FIELD_007");
}

/* POST|DELETE /task/{id}/field/{field_id} for a field that is not one of the five: a lab field
   of the task's list, or 400 FIELD_033 as before. */
static int lab_field(sb_ctx *c, sb_task *t, int set) {
    lab_value *lv;
    char *value = NULL;
    int f;
    for (f = 0; f < NLAB; f++)
        if (strcmp(LAB_FIELDS[f].id, c->arg[1]) == 0) break;
    if (f == NLAB || !lab_on(c->sb, t->list)) return reply_err(c, 400, "Custom field not found", "FIELD_033");
    lv = lab_values(c->sb, t->id, 1);
    if (set) {
        const clickup_json *v = clickup_json_get(c->body, "value");
        if (!v) return reply_err(c, 400, "Value is required", "FIELD_002");
        if (lab_convert(c, f, v, lv->fv[f], &value) < 0) return -1;
    } else if (f == LF_FORMULA) {
        return reply_err(c, 400, "Cannot set the value of a formula field", "FIELD_016");
    }
    free(lv->fv[f]);
    lv->fv[f] = value;
    t->date_updated = wall_ms();
    return reply_empty_object(c);
}

/* GET /folder/{id}/field, /space/{id}/field, /team/{id}/field: the five fields every task has
   (the sandbox's workspace fields). */
static int lab_scope_fields(sb_ctx *c) {
    clickup_jw_object_begin(&c->w);
    k_custom_fields(c->sb, &c->w, "fields", NULL, NULL);
    clickup_jw_object_end(&c->w);
    return 0;
}
static int h_folder_fields(sb_ctx *c) { return need_folder(c, c->arg[0]) ? lab_scope_fields(c) : -1; }
static int h_space_fields(sb_ctx *c) { return need_space(c, c->arg[0]) ? lab_scope_fields(c) : -1; }
static int h_team_fields(sb_ctx *c) { return need_team(c, c->arg[0]) < 0 ? -1 : lab_scope_fields(c); }

/* ---- time entries ---------------------------------------------------------------------- */
enum { TE_STRINGS, TE_NUMBERS };   /* how end, duration and at are written (both as ClickUp) */

static lab_entry *lab_find_entry(sandbox *sb, const char *team, const char *id) {
    size_t i;
    if (!sb->lab) return NULL;
    for (i = 0; i < sb->lab->nentries; i++)
        if (strcmp(sb->lab->entries[i]->id, id) == 0 && strcmp(sb->lab->entries[i]->team, team) == 0)
            return sb->lab->entries[i];
    return NULL;
}
static lab_entry *lab_running(sandbox *sb, const char *team, int64_t user) {
    size_t i;
    if (!sb->lab) return NULL;
    for (i = 0; i < sb->lab->nentries; i++) {
        lab_entry *e = sb->lab->entries[i];
        if (e->end < 0 && e->user == user && strcmp(e->team, team) == 0) return e;
    }
    return NULL;
}
static void lab_entry_remove(sandbox *sb, lab_entry *e) {
    size_t i;
    for (i = 0; i < sb->lab->nentries; i++)
        if (sb->lab->entries[i] == e) {
            memmove(sb->lab->entries + i, sb->lab->entries + i + 1, (sb->lab->nentries - i - 1) * sizeof *sb->lab->entries);
            sb->lab->nentries--;
            break;
        }
    lab_entry_free(e);
}
static int64_t lab_duration(const lab_entry *e) {
    int64_t run = wall_ms() - e->start;
    if (e->end >= 0) return e->end - e->start;
    return run > 0 ? -run : -1;          /* running: negative, as ClickUp */
}
static void lab_k_num(jw_t *w, const char *k, int64_t v, int style) {
    char tmp[24];
    if (style == TE_NUMBERS) { k_int(w, k, v); return; }
    snprintf(tmp, sizeof tmp, "%lld", (long long)v);      /* negative too (k_ms writes null) */
    k_str(w, k, tmp);
}

static void w_time_entry(sandbox *sb, jw_t *w, const lab_entry *e, int style, int task_tags, int names) {
    const sb_task *t = e->tid[0] ? find_task(sb, e->tid) : NULL;
    size_t i;
    clickup_jw_object_begin(w);
    k_str(w, "id", e->id);
    if (t) {
        const sb_status *st = task_status(t);
        clickup_jw_key(w, "task");
        clickup_jw_object_begin(w);
        k_str(w, "id", t->id);
        if (t->custom_id[0]) k_str(w, "custom_id", t->custom_id);
        k_str(w, "name", t->name);
        clickup_jw_key(w, "status");
        clickup_jw_object_begin(w);
        k_str(w, "status", st->name);
        k_str(w, "color", st->color);
        k_str(w, "type", st->type);
        k_int(w, "orderindex", st->orderindex);
        clickup_jw_object_end(w);
        k_null(w, "custom_type");
        clickup_jw_object_end(w);
    }
    k_str(w, "wid", e->team);
    clickup_jw_key(w, "user");
    w_user(w, e->user, U_TASK);
    k_bool(w, "billable", e->billable);
    k_ms(w, "start", e->start);
    if (e->end >= 0) lab_k_num(w, "end", e->end, style);
    lab_k_num(w, "duration", lab_duration(e), style);
    k_str(w, "description", e->description ? e->description : "");
    clickup_jw_key(w, "tags");
    clickup_jw_array_begin(w);
    for (i = 0; i < e->ntags; i++) {
        clickup_jw_object_begin(w);
        k_str(w, "name", e->tags[i]);
        k_str(w, "tag_fg", "#ffffff");
        k_str(w, "tag_bg", "#7b68ee");
        k_int(w, "creator", 183);
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
    k_str(w, "source", "clickup");
    lab_k_num(w, "at", e->at, style);
    if (t) {
        const sb_space *sp = list_space(t->list);
        char url[64];
        clickup_jw_key(w, "task_location");
        clickup_jw_object_begin(w);
        k_int(w, "list_id", parse_ull(t->list->id));
        k_int(w, "folder_id", parse_ull(t->list->fo ? t->list->fo->id : sp->hidden_folder));
        k_int(w, "space_id", parse_ull(sp->id));
        if (names) {
            const sb_folder *fo = t->list->fo;
            k_str(w, "list_name", t->list->name);
            k_str(w, "folder_name", fo ? fo->name : "hidden");
            k_str(w, "space_name", sp->name);
        }
        clickup_jw_object_end(w);
        if (task_tags) {
            clickup_jw_key(w, "task_tags");
            clickup_jw_array_begin(w);
            for (i = 0; i < t->ntags; i++) {
                clickup_jw_object_begin(w);
                k_str(w, "name", t->tags[i]);
                k_str(w, "tag_fg", "#ffffff");
                k_str(w, "tag_bg", "#e50000");
                k_int(w, "creator", 183);
                clickup_jw_object_end(w);
            }
            clickup_jw_array_end(w);
        }
        snprintf(url, sizeof url, "https://app.clickup.com/t/%s", t->id);
        k_str(w, "task_url", url);
    }
    clickup_jw_object_end(w);
}
static int lab_reply_entry(sb_ctx *c, const lab_entry *e, int style) {
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "data");
    if (e) w_time_entry(c->sb, &c->w, e, style, 0, 0);
    else clickup_jw_null(&c->w);
    clickup_jw_object_end(&c->w);
    return 0;
}

/* The task of a time entry ("tid" or task_id=): native, or custom with custom_task_ids=true&
   team_id= in the query; it must be in the path's team. NULL after replying. */
static sb_task *lab_entry_task(sb_ctx *c, const char *team, const char *id) {
    sb_task *t;
    if (q_bool(c->rq, "custom_task_ids")) {
        const char *qt = q_get(c->rq, "team_id");
        if (!qt || !*qt) { reply_err(c, 400, "Team ID is required when using custom task ids", "OAUTH_070"); return NULL; }
        t = find_task_custom(c->sb, qt, id);
    } else {
        t = find_task(c->sb, id);
    }
    if (!t || strcmp(list_team(t->list)->id, team) != 0) {
        reply_err(c, 404, "Task not found, deleted", "ITEM_013");
        return NULL;
    }
    return t;
}

/* "tags": [{"name": ...}] -> names (replacing or extending e's); -1 after replying 400. */
static int lab_entry_tags(sb_ctx *c, lab_entry *e, const clickup_json *tags, int remove) {
    size_t i, j;
    if (!tags) return 0;
    if (!clickup_json_is(tags, CLICKUP_JSON_ARRAY)) return reply_err(c, 400, "Tags must be an array", "TIMEENTRY_010");
    for (i = 0; i < clickup_json_len(tags); i++)
        if (!clickup_json_is(clickup_json_get(clickup_json_at(tags, i), "name"), CLICKUP_JSON_STRING))
            return reply_err(c, 400, "Tag name is required", "TIMEENTRY_011");
    for (i = 0; i < clickup_json_len(tags); i++) {
        const char *name = clickup_json_as_string(clickup_json_get(clickup_json_at(tags, i), "name"), "", NULL);
        for (j = 0; j < e->ntags && strcmp(e->tags[j], name) != 0; j++) {}
        if (remove && j < e->ntags) {
            free(e->tags[j]);
            memmove(e->tags + j, e->tags + j + 1, (e->ntags - j - 1) * sizeof *e->tags);
            e->ntags--;
        } else if (!remove && j == e->ntags) {
            e->tags = (char **)sb_grow(e->tags, (e->ntags + 1) * sizeof *e->tags);
            e->tags[e->ntags++] = sb_strdup(name);
        }
    }
    return 0;
}

static lab_entry *lab_entry_new(sandbox *sb, const char *team) {
    struct sb_lab *lab = lab_of(sb);
    lab_entry *e = (lab_entry *)sb_zalloc(sizeof *e);
    snprintf(e->id, sizeof e->id, "40000000000000%05u", ++lab->next_entry);     /* 19 digits */
    snprintf(e->team, sizeof e->team, "%s", team);
    e->user = 183;
    e->at = wall_ms();
    return e;
}
static void lab_entry_add(sandbox *sb, lab_entry *e) {
    struct sb_lab *lab = lab_of(sb);
    lab->entries = (lab_entry **)sb_grow(lab->entries, (lab->nentries + 1) * sizeof *lab->entries);
    lab->entries[lab->nentries++] = e;
}

/* GET /team/{id}/time_entries: start in [start_date, end_date] (default: the last 30 days),
   of the assignees (default 183), at most one location filter. */
static int h_time_list(sb_ctx *c) {
    const char *team = c->arg[0], *assignee = q_get(c->rq, "assignee"), *billable = q_get(c->rq, "is_billable");
    const char *space = q_get(c->rq, "space_id"), *folder = q_get(c->rq, "folder_id"), *list = q_get(c->rq, "list_id");
    const char *task_id = q_get(c->rq, "task_id");
    const sb_task *only = NULL;
    int64_t now = wall_ms(), from, to, users[16];
    size_t i, nusers = 0;
    if (need_team(c, team) < 0) return -1;
    if ((space != NULL) + (folder != NULL) + (list != NULL) + (task_id != NULL) > 1)
        return reply_err(c, 400, "Only one location filter can be used at a time", "TIMEENTRY_036");
    from = q_ll(c->rq, "start_date", now - 30LL * 86400000);
    to = q_ll(c->rq, "end_date", now);
    if (assignee) {
        const char *p = assignee;
        while (*p && nusers < COUNT_OF(users)) {
            char one[24];
            size_t n = strcspn(p, ",");
            long long v;
            snprintf(one, sizeof one, "%.*s", (int)(n < sizeof one ? n : sizeof one - 1), p);
            if ((v = parse_ull(one)) <= 0) return reply_err(c, 400, "Assignee must be a user id", "TIMEENTRY_003");
            users[nusers++] = v;
            p += n + (p[n] == ',');
        }
    } else {
        users[nusers++] = 183;
    }
    if (task_id && !(only = lab_entry_task(c, team, task_id))) return -1;
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "data");
    clickup_jw_array_begin(&c->w);
    for (i = 0; c->sb->lab && i < c->sb->lab->nentries; i++) {
        const lab_entry *e = c->sb->lab->entries[i];
        const sb_task *t = e->tid[0] ? find_task(c->sb, e->tid) : NULL;
        size_t u;
        int mine = 0;
        for (u = 0; u < nusers; u++) mine |= users[u] == e->user;
        if (!mine || strcmp(e->team, team) != 0 || e->start < from || e->start > to) continue;
        if (billable && e->billable != (strcmp(billable, "true") == 0)) continue;
        if (only && t != only) continue;
        if ((list || folder || space) && !t) continue;
        if (list && strcmp(t->list->id, list) != 0) continue;
        if (folder && (!t->list->fo || strcmp(t->list->fo->id, folder) != 0)) continue;
        if (space && strcmp(t->list->sp->id, space) != 0) continue;
        w_time_entry(c->sb, &c->w, e, TE_STRINGS, q_bool(c->rq, "include_task_tags"), q_bool(c->rq, "include_location_names"));
    }
    clickup_jw_array_end(&c->w);
    clickup_jw_object_end(&c->w);
    return 0;
}

/* POST /team/{id}/time_entries {"start", "duration" | "end" | "stop", "billable", "description",
   "tid", "tags", "assignee"}: end wins over duration, as ClickUp documents. */
static int h_time_create(sb_ctx *c) {
    const clickup_json *b = c->body, *tid = clickup_json_get(b, "tid"), *desc = clickup_json_get(b, "description");
    const clickup_json *endv = clickup_json_get(b, "end"), *who = clickup_json_get(b, "assignee");
    const char *team = c->arg[0];
    const sb_task *t = NULL;
    int64_t start, end, dur, uid = 183;
    lab_entry *e;
    if (need_team(c, team) < 0) return -1;
    if (!endv) endv = clickup_json_get(b, "stop");
    if (!json_i64(clickup_json_get(b, "start"), &start) || start <= 0)
        return reply_err(c, 400, "Start is required", "TIMEENTRY_001");
    if (endv) {
        if (!json_i64(endv, &end)) return reply_err(c, 400, "End must be a timestamp", "TIMEENTRY_002");
    } else if (json_i64(clickup_json_get(b, "duration"), &dur)) {
        end = start + dur;
    } else {
        return reply_err(c, 400, "Duration or end is required", "TIMEENTRY_002");
    }
    if (end < start) return reply_err(c, 400, "Time entry end must be after its start", "TIMEENTRY_004");
    if (tid && (!clickup_json_is(tid, CLICKUP_JSON_STRING) || !(t = lab_entry_task(c, team, clickup_json_as_string(tid, "", NULL)))))
        return c->status == 200 ? reply_err(c, 400, "tid must be a task id", "TIMEENTRY_005") : -1;
    if (desc && !clickup_json_is(desc, CLICKUP_JSON_STRING)) return reply_err(c, 400, "Description must be a string", "TIMEENTRY_006");
    if (who && (!json_i64(who, &uid) || !find_user(uid))) return reply_err(c, 400, "Assignee not found", "TIMEENTRY_003");
    e = lab_entry_new(c->sb, team);
    e->start = start;
    e->end = end;
    e->billable = clickup_json_as_bool(clickup_json_get(b, "billable"), 0);
    e->user = uid;
    if (t) snprintf(e->tid, sizeof e->tid, "%s", t->id);
    if (desc) e->description = sb_strdup(clickup_json_as_string(desc, "", NULL));
    if (lab_entry_tags(c, e, clickup_json_get(b, "tags"), 0) < 0) { lab_entry_free(e); return -1; }
    lab_entry_add(c->sb, e);
    return lab_reply_entry(c, e, TE_NUMBERS);
}

static int h_time_get(sb_ctx *c) {
    lab_entry *e;
    if (need_team(c, c->arg[0]) < 0) return -1;
    if (!(e = lab_find_entry(c->sb, c->arg[0], c->arg[1]))) return reply_err(c, 404, "Time entry not found", "TIMEENTRY_012");
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "data");
    w_time_entry(c->sb, &c->w, e, TE_STRINGS, q_bool(c->rq, "include_task_tags"), q_bool(c->rq, "include_location_names"));
    clickup_jw_object_end(&c->w);
    return 0;
}

/* PUT /team/{id}/time_entries/{timer_id}: start, end, duration, description, tid, billable,
   tags with tag_action "add" (default) or "remove". Checked whole, then applied. -> {} */
static int h_time_update(sb_ctx *c) {
    const clickup_json *b = c->body, *tid = clickup_json_get(b, "tid"), *desc = clickup_json_get(b, "description");
    const char *action = clickup_json_as_string(clickup_json_get(b, "tag_action"), "add", NULL);
    const sb_task *t = NULL;
    lab_entry *e;
    int64_t start, end, dur;
    if (need_team(c, c->arg[0]) < 0) return -1;
    if (!(e = lab_find_entry(c->sb, c->arg[0], c->arg[1]))) return reply_err(c, 404, "Time entry not found", "TIMEENTRY_012");
    start = e->start;
    end = e->end;
    if (clickup_json_get(b, "start") && (!json_i64(clickup_json_get(b, "start"), &start) || start <= 0))
        return reply_err(c, 400, "Start must be a timestamp", "TIMEENTRY_001");
    if (clickup_json_get(b, "end") && !json_i64(clickup_json_get(b, "end"), &end))
        return reply_err(c, 400, "End must be a timestamp", "TIMEENTRY_002");
    if (!clickup_json_get(b, "end") && clickup_json_get(b, "duration")) {
        if (!json_i64(clickup_json_get(b, "duration"), &dur)) return reply_err(c, 400, "Duration must be a number", "TIMEENTRY_002");
        end = start + dur;
    }
    if (end >= 0 && end < start) return reply_err(c, 400, "Time entry end must be after its start", "TIMEENTRY_004");
    if (strcmp(action, "add") != 0 && strcmp(action, "remove") != 0)
        return reply_err(c, 400, "tag_action must be add or remove", "TIMEENTRY_013");
    if (tid && (!clickup_json_is(tid, CLICKUP_JSON_STRING) || !(t = lab_entry_task(c, c->arg[0], clickup_json_as_string(tid, "", NULL)))))
        return c->status == 200 ? reply_err(c, 400, "tid must be a task id", "TIMEENTRY_005") : -1;
    if (desc && !clickup_json_is(desc, CLICKUP_JSON_STRING)) return reply_err(c, 400, "Description must be a string", "TIMEENTRY_006");
    if (lab_entry_tags(c, e, clickup_json_get(b, "tags"), strcmp(action, "remove") == 0) < 0) return -1;
    e->start = start;
    e->end = end;
    if (t) snprintf(e->tid, sizeof e->tid, "%s", t->id);
    if (desc) { free(e->description); e->description = sb_strdup(clickup_json_as_string(desc, "", NULL)); }
    if (clickup_json_is(clickup_json_get(b, "billable"), CLICKUP_JSON_BOOL))
        e->billable = clickup_json_as_bool(clickup_json_get(b, "billable"), 0);
    e->at = wall_ms();
    return reply_empty_object(c);
}

static int h_time_delete(sb_ctx *c) {
    lab_entry *e;
    if (need_team(c, c->arg[0]) < 0) return -1;
    if (!(e = lab_find_entry(c->sb, c->arg[0], c->arg[1]))) return reply_err(c, 404, "Time entry not found", "TIMEENTRY_012");
    lab_reply_entry(c, e, TE_NUMBERS);
    lab_entry_remove(c->sb, e);
    return 0;
}

/* GET /team/{id}/time_entries/current[?assignee=N]: {"data": entry} or {"data": null}. */
static int h_time_current(sb_ctx *c) {
    long long who = q_ll(c->rq, "assignee", 183);
    if (need_team(c, c->arg[0]) < 0) return -1;
    return lab_reply_entry(c, lab_running(c->sb, c->arg[0], who), TE_STRINGS);
}

/* POST /team/{id}/time_entries/start {"tid", "billable", "description", "tags"}: stops the
   timer already running, starts a new one. */
static int h_time_start(sb_ctx *c) {
    const clickup_json *b = c->body, *tid = clickup_json_get(b, "tid"), *desc = clickup_json_get(b, "description");
    const char *team = c->arg[0];
    const sb_task *t = NULL;
    lab_entry *e, *old;
    if (need_team(c, team) < 0) return -1;
    if (tid && (!clickup_json_is(tid, CLICKUP_JSON_STRING) || !(t = lab_entry_task(c, team, clickup_json_as_string(tid, "", NULL)))))
        return c->status == 200 ? reply_err(c, 400, "tid must be a task id", "TIMEENTRY_005") : -1;
    if (desc && !clickup_json_is(desc, CLICKUP_JSON_STRING)) return reply_err(c, 400, "Description must be a string", "TIMEENTRY_006");
    e = lab_entry_new(c->sb, team);
    e->start = wall_ms();
    e->end = -1;
    e->billable = clickup_json_as_bool(clickup_json_get(b, "billable"), 0);
    if (t) snprintf(e->tid, sizeof e->tid, "%s", t->id);
    if (desc) e->description = sb_strdup(clickup_json_as_string(desc, "", NULL));
    if (lab_entry_tags(c, e, clickup_json_get(b, "tags"), 0) < 0) { lab_entry_free(e); return -1; }
    if ((old = lab_running(c->sb, team, e->user)) != NULL) {
        old->end = e->start > old->start ? e->start : old->start + 1;
        old->at = e->start;
    }
    lab_entry_add(c->sb, e);
    return lab_reply_entry(c, e, TE_NUMBERS);
}

/* POST /team/{id}/time_entries/stop: the stopped entry, or 404 when no timer runs. */
static int h_time_stop(sb_ctx *c) {
    lab_entry *e;
    int64_t now = wall_ms();
    if (need_team(c, c->arg[0]) < 0) return -1;
    if (!(e = lab_running(c->sb, c->arg[0], 183))) return reply_err(c, 404, "No time entry is running", "TIMEENTRY_020");
    e->end = now > e->start ? now : e->start + 1;
    e->at = now;
    return lab_reply_entry(c, e, TE_NUMBERS);
}

int sandbox_field_lab(sandbox *s, const char *list_id) {
    if (!s) return -1;
    pthread_mutex_lock(&s->mu);
    if (list_id && !find_list(&s->hier, list_id)) { pthread_mutex_unlock(&s->mu); return -1; }
    snprintf(lab_of(s)->list, sizeof s->lab->list, "%s", list_id ? list_id : "");
    pthread_mutex_unlock(&s->mu);
    return 0;
}

size_t sandbox_time_entry_count(sandbox *s) {
    size_t n;
    pthread_mutex_lock(&s->mu);
    n = s->lab ? s->lab->nentries : 0;
    pthread_mutex_unlock(&s->mu);
    return n;
}

/* ---- hierarchy writes ---------------------------------------------------------------------------
   POST /team/{id}/space, PUT/DELETE /space/{id}; POST /space/{id}/folder, PUT/DELETE
   /folder/{id}; POST /folder/{id}/list, POST /space/{id}/list, PUT/DELETE /list/{id}. A delete
   takes what is inside with it (folders, lists, their tasks and views). Input is checked whole
   before anything changes; the ECODEs of these 400s are the sandbox's own (HIER_*). */
#define HIER_MAX_NAME 400

static void hier_new_id(sb_hier *h, char *buf, size_t n) { snprintf(buf, n, "%u", h->next_id++); }

static void hier_delete_list(sandbox *sb, sb_list *l) {
    size_t i;
    l->deleted = 1;
    for (i = 0; i < sb->ntasks; i++)
        if (sb->tasks[i]->list == l) sb->tasks[i]->deleted = 1;
}
static void hier_delete_folder(sandbox *sb, sb_folder *f) {
    size_t i;
    f->deleted = 1;
    for (i = 0; i < sb->hier.nlists; i++)
        if (sb->hier.lists[i]->fo == f && !sb->hier.lists[i]->deleted) hier_delete_list(sb, sb->hier.lists[i]);
}
static void hier_delete_space(sandbox *sb, sb_space *sp) {
    size_t i;
    sp->deleted = 1;
    for (i = 0; i < sb->hier.nfolders; i++)
        if (sb->hier.folders[i]->sp == sp && !sb->hier.folders[i]->deleted) hier_delete_folder(sb, sb->hier.folders[i]);
    for (i = 0; i < sb->hier.nlists; i++)
        if (sb->hier.lists[i]->sp == sp && !sb->hier.lists[i]->deleted) hier_delete_list(sb, sb->hier.lists[i]);
}

/* Body key `k`: absent (NULL, fine unless required), else a string of 1..HIER_MAX_NAME bytes.
   0, or -1 after a 400. */
static int hier_name(sb_ctx *c, const char *k, int required, const char **out) {
    const clickup_json *v = clickup_json_get(c->body, k);
    size_t len = 0;
    const char *sv = clickup_json_as_string(v, NULL, &len);
    *out = NULL;
    if (!v && !required) return 0;
    if (!clickup_json_is(v, CLICKUP_JSON_STRING) || !len || len > HIER_MAX_NAME || strlen(sv) != len)
        return reply_err(c, 400, "Name invalid", "HIER_001");
    *out = sv;
    return 0;
}
/* Body key `k`: absent (dst unchanged) or a boolean into *dst. */
static int hier_bool(sb_ctx *c, const char *k, int *dst) {
    const clickup_json *v = clickup_json_get(c->body, k);
    if (!v) return 0;
    if (!clickup_json_is(v, CLICKUP_JSON_BOOL)) return reply_err(c, 400, "Value invalid: a boolean is expected", "HIER_002");
    *dst = clickup_json_as_bool(v, 0);
    return 0;
}
static int hier_bad(sb_ctx *c, const char *what) {
    char msg[96];
    snprintf(msg, sizeof msg, "Value invalid: %s", what);
    return reply_err(c, 400, msg, "HIER_002");
}

/* What a space create/update may carry; applied only once all of it is valid. */
typedef struct space_input {
    const char *name;
    const clickup_json *color, *features;
    int is_private, multiple_assignees, admin_can_manage;
} space_input;

static int space_read(sb_ctx *c, const sb_space *cur, int create, space_input *in) {
    in->is_private = cur ? cur->is_private : 0;
    in->multiple_assignees = cur ? cur->multiple_assignees : 1;
    in->admin_can_manage = cur ? cur->admin_can_manage : 1;
    in->color = clickup_json_get(c->body, "color");
    in->features = clickup_json_get(c->body, "features");
    if (hier_name(c, "name", create, &in->name) < 0 || hier_bool(c, "private", &in->is_private) < 0 ||
        hier_bool(c, "multiple_assignees", &in->multiple_assignees) < 0 ||
        hier_bool(c, "admin_can_manage", &in->admin_can_manage) < 0)
        return -1;
    if (in->color && !clickup_json_is(in->color, CLICKUP_JSON_STRING) && !clickup_json_is(in->color, CLICKUP_JSON_NULL))
        return hier_bad(c, "color is a string");
    if (in->features && !clickup_json_is(in->features, CLICKUP_JSON_OBJECT)) return hier_bad(c, "features is an object");
    return 0;
}
static void space_apply(sb_space *sp, const space_input *in) {
    if (in->name) task_set_str(&sp->name, in->name);
    if (in->color) { free(sp->color); sp->color = sb_strdup(clickup_json_as_string(in->color, NULL, NULL)); }
    if (in->features) {
        jw_t w;
        clickup_json_writer_init(&w, NULL);
        clickup_jw_value(&w, in->features);
        free(sp->features);
        sp->features = json_text_of_writer(&w);
    }
    sp->is_private = in->is_private;
    sp->multiple_assignees = in->multiple_assignees;
    sp->admin_can_manage = in->admin_can_manage;
}

static int h_space_create(sb_ctx *c) {
    space_input in;
    sb_space *sp;
    char id[24], hidden[24];
    if (need_team(c, c->arg[0]) < 0 || space_read(c, NULL, 1, &in) < 0) return -1;
    hier_new_id(&c->sb->hier, id, sizeof id);
    hier_new_id(&c->sb->hier, hidden, sizeof hidden);
    sp = hier_add_space(&c->sb->hier, id, in.name, c->arg[0], STATUSES_A, hidden);
    space_apply(sp, &in);
    w_space(&c->w, sp);
    return 0;
}
static int h_space_update(sb_ctx *c) {
    space_input in;
    sb_space *sp = need_space(c, c->arg[0]);
    if (!sp || space_read(c, sp, 0, &in) < 0) return -1;
    space_apply(sp, &in);
    w_space(&c->w, sp);
    return 0;
}
static int h_space_delete(sb_ctx *c) {
    sb_space *sp = need_space(c, c->arg[0]);
    if (!sp) return -1;
    hier_delete_space(c->sb, sp);
    return reply_empty_object(c);
}

static int h_folder_create(sb_ctx *c) {
    const char *name;
    sb_space *sp = need_space(c, c->arg[0]);
    sb_folder *f;
    size_t i;
    int order = 0;
    char id[24];
    if (!sp || hier_name(c, "name", 1, &name) < 0) return -1;
    for (i = 0; i < c->sb->hier.nfolders; i++) order += !c->sb->hier.folders[i]->deleted && c->sb->hier.folders[i]->sp == sp;
    hier_new_id(&c->sb->hier, id, sizeof id);
    f = hier_add_folder(&c->sb->hier, id, name, sp, order);
    w_folder(c->sb, &c->w, f);
    return 0;
}
static int h_folder_update(sb_ctx *c) {
    const char *name;
    sb_folder *f = need_folder(c, c->arg[0]);
    if (!f || hier_name(c, "name", 1, &name) < 0) return -1;
    task_set_str(&f->name, name);
    w_folder(c->sb, &c->w, f);
    return 0;
}
static int h_folder_delete(sb_ctx *c) {
    sb_folder *f = need_folder(c, c->arg[0]);
    if (!f) return -1;
    hier_delete_folder(c->sb, f);
    return reply_empty_object(c);
}

/* What a list create/update may carry (OpenAPI CreateList / UpdateList). */
typedef struct list_input {
    const char *name, *content, *markdown, *label;
    int         unset_label, priority, due_date_time;
    int64_t     due_date, assignee;
    int         has_due, has_assignee;
} list_input;

static int list_read_assignee(sb_ctx *c, list_input *in) {
    const clickup_json *v = clickup_json_get(c->body, "assignee");
    long long id;
    if (!v) return 0;
    in->has_assignee = 1;
    if (clickup_json_is(v, CLICKUP_JSON_NULL)) { in->assignee = 0; return 0; }
    if (clickup_json_is(v, CLICKUP_JSON_STRING)) {            /* UpdateList: a string in the spec */
        id = parse_ull(clickup_json_as_string(v, "", NULL));
        in->assignee = id;
    } else if (!json_i64(v, &in->assignee)) {
        in->assignee = -1;
    }
    if (in->assignee <= 0 || !find_user(in->assignee)) return hier_bad(c, "assignee is a user id of the workspace");
    return 0;
}

static int list_read(sb_ctx *c, const sb_list *cur, int create, list_input *in) {
    const clickup_json *b = c->body, *v;
    memset(in, 0, sizeof *in);
    in->priority = cur ? cur->priority : 0;
    in->due_date_time = cur ? cur->due_date_time : 0;
    if (hier_name(c, "name", create, &in->name) < 0) return -1;
    if ((v = clickup_json_get(b, "content")) && !(in->content = clickup_json_is(v, CLICKUP_JSON_STRING) ? clickup_json_as_string(v, "", NULL) : NULL))
        return hier_bad(c, "content is a string");
    if ((v = clickup_json_get(b, "markdown_content")) && !(in->markdown = clickup_json_is(v, CLICKUP_JSON_STRING) ? clickup_json_as_string(v, "", NULL) : NULL))
        return hier_bad(c, "markdown_content is a string");
    if ((v = clickup_json_get(b, "status")) && !(in->label = clickup_json_is(v, CLICKUP_JSON_STRING) ? clickup_json_as_string(v, "", NULL) : NULL))
        return hier_bad(c, "status is a string");
    if ((v = clickup_json_get(b, "due_date")) != NULL) {
        in->has_due = 1;
        in->due_date = -1;
        if (!clickup_json_is(v, CLICKUP_JSON_NULL) && (!json_i64(v, &in->due_date) || in->due_date <= 0))
            return hier_bad(c, "due_date is a timestamp in ms");
    }
    if ((v = clickup_json_get(b, "priority")) != NULL) {
        int64_t p = 0;
        if (!clickup_json_is(v, CLICKUP_JSON_NULL) && (!json_i64(v, &p) || p < 1 || p > 4))
            return hier_bad(c, "priority is 1 (urgent) to 4 (low)");
        in->priority = (int)p;
    }
    if (hier_bool(c, "due_date_time", &in->due_date_time) < 0 || hier_bool(c, "unset_status", &in->unset_label) < 0 ||
        list_read_assignee(c, in) < 0)
        return -1;
    return 0;
}
static void list_apply(sb_list *l, const list_input *in) {
    if (in->name) task_set_str(&l->name, in->name);
    if (in->content) task_set_str(&l->content, in->content);
    if (in->markdown) { free(l->content); l->content = md_plain(in->markdown); }
    if (in->label) task_set_str(&l->label, in->label);
    if (in->unset_label) { free(l->label); l->label = NULL; }
    if (in->has_due) l->due_date = in->due_date;
    if (in->has_assignee) l->assignee = in->assignee;
    l->priority = in->priority;
    l->due_date_time = in->due_date_time;
}

/* A new list in folder f (or folderless in sp when f is NULL), with a default "List" view as
   ClickUp gives every new list. */
static int list_create(sb_ctx *c, sb_folder *f, sb_space *sp) {
    list_input in;
    sb_hier *h = &c->sb->hier;
    sb_list *l;
    size_t i;
    int order = 0;
    char id[24], prefix[16], vid[32];
    if (list_read(c, NULL, 1, &in) < 0) return -1;
    for (i = 0; i < h->nlists; i++) order += !h->lists[i]->deleted && h->lists[i]->fo == f && h->lists[i]->sp == sp;
    hier_new_id(h, id, sizeof id);
    snprintf(prefix, sizeof prefix, "L%.12s", id);
    l = hier_add_list(h, id, in.name, f, sp, order, prefix);
    list_apply(l, &in);
    snprintf(vid, sizeof vid, "3c-n%u", h->next_view++);
    hier_add_view(h, vid, "List", "list", VIEW_LIST, l->id);
    w_list(c->sb, &c->w, l, 1);
    return 0;
}
static int h_list_create(sb_ctx *c) {
    sb_folder *f = need_folder(c, c->arg[0]);
    return f ? list_create(c, f, f->sp) : -1;
}
static int h_folderless_list_create(sb_ctx *c) {
    sb_space *sp = need_space(c, c->arg[0]);
    return sp ? list_create(c, NULL, sp) : -1;
}
static int h_list_update(sb_ctx *c) {
    list_input in;
    sb_list *l = need_list(c, c->arg[0]);
    if (!l || list_read(c, l, 0, &in) < 0) return -1;
    list_apply(l, &in);
    w_list(c->sb, &c->w, l, 1);
    return 0;
}
static int h_list_delete(sb_ctx *c) {
    sb_list *l = need_list(c, c->arg[0]);
    if (!l) return -1;
    hier_delete_list(c->sb, l);
    return reply_empty_object(c);
}

/* ---- space tags -------------------------------------------------------------------------------
   GET/POST /space/{id}/tag, PUT/DELETE /space/{id}/tag/{name}. Names are matched
   case-insensitively and stored lower-case; a rename or a delete reaches the space's tasks. */
static sb_space_tag *space_tag_find(sb_space *sp, const char *name) {
    size_t i;
    for (i = 0; i < sp->ntags; i++)
        if (strcasecmp(sp->tags[i].name, name) == 0) return &sp->tags[i];
    return NULL;
}

/* Rename (to != NULL) or remove tag `from` on every live task of the space. */
static void space_tag_tasks(sandbox *sb, const sb_space *sp, const char *from, const char *to) {
    size_t i;
    for (i = 0; i < sb->ntasks; i++) {
        sb_task *t = sb->tasks[i];
        if (t->deleted || t->list->sp != sp || !task_has_tag(t, from)) continue;
        task_rem_tag(t, from);
        if (to) task_add_tag(t, to);
    }
}

/* The "tag" object of a body: a name (1..HIER_MAX_NAME bytes) and optional colours under
   either of ClickUp's two spellings (tag_fg/tag_bg on create, fg_color/bg_color on edit). */
static int space_tag_read(sb_ctx *c, const char **name, const char **fg, const char **bg) {
    const clickup_json *t = clickup_json_get(c->body, "tag"), *v;
    size_t len = 0;
    const char *keys[2][2] = { { "tag_fg", "fg_color" }, { "tag_bg", "bg_color" } };
    const char **out[2];
    int i, j;
    out[0] = fg; out[1] = bg;
    *name = clickup_json_as_string(clickup_json_get(t, "name"), NULL, &len);
    if (!clickup_json_is(t, CLICKUP_JSON_OBJECT) || !clickup_json_is(clickup_json_get(t, "name"), CLICKUP_JSON_STRING) ||
        !len || len > HIER_MAX_NAME || strlen(*name) != len)
        return reply_err(c, 400, "Tag name invalid", "TAG_001");
    for (i = 0; i < 2; i++) {
        *out[i] = NULL;
        for (j = 0; j < 2; j++) {
            if (!(v = clickup_json_get(t, keys[i][j]))) continue;
            if (!clickup_json_is(v, CLICKUP_JSON_STRING)) return reply_err(c, 400, "Tag colour invalid", "TAG_002");
            *out[i] = clickup_json_as_string(v, "", NULL);
        }
    }
    return 0;
}

static int h_space_tags(sb_ctx *c) {
    sb_space *sp = need_space(c, c->arg[0]);
    size_t i;
    if (!sp) return -1;
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "tags");
    clickup_jw_array_begin(&c->w);
    for (i = 0; i < sp->ntags; i++) {
        clickup_jw_object_begin(&c->w);
        k_str(&c->w, "name", sp->tags[i].name);
        k_str(&c->w, "tag_fg", sp->tags[i].fg);
        k_str(&c->w, "tag_bg", sp->tags[i].bg);
        k_int(&c->w, "creator", 183);
        clickup_jw_object_end(&c->w);
    }
    clickup_jw_array_end(&c->w);
    clickup_jw_object_end(&c->w);
    return 0;
}
static int h_space_tag_create(sb_ctx *c) {
    sb_space *sp = need_space(c, c->arg[0]);
    const char *name, *fg, *bg;
    if (!sp || space_tag_read(c, &name, &fg, &bg) < 0) return -1;
    if (space_tag_find(sp, name)) return reply_err(c, 400, "Tag already exists", "TAG_003");
    space_tag_add(sp, name, fg ? fg : "#000000", bg ? bg : "#000000");
    return reply_empty_object(c);
}
/* -> {"tag": {"name", "fg_color", "bg_color"}} (the OpenAPI file's answer). */
static int h_space_tag_edit(sb_ctx *c) {
    sb_space *sp = need_space(c, c->arg[0]);
    sb_space_tag *t, *other;
    const char *name, *fg, *bg;
    char *old, *p;
    if (!sp) return -1;
    if (!(t = space_tag_find(sp, c->arg[1]))) return reply_err(c, 404, "Tag not found", "TAG_004");
    if (space_tag_read(c, &name, &fg, &bg) < 0) return -1;
    if ((other = space_tag_find(sp, name)) != NULL && other != t) return reply_err(c, 400, "Tag already exists", "TAG_003");
    old = t->name;
    t->name = sb_strdup(name);
    for (p = t->name; *p; p++) *p = (char)tolower((unsigned char)*p);
    if (fg) task_set_str(&t->fg, fg);
    if (bg) task_set_str(&t->bg, bg);
    space_tag_tasks(c->sb, sp, old, t->name);
    free(old);
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "tag");
    clickup_jw_object_begin(&c->w);
    k_str(&c->w, "name", t->name);
    k_str(&c->w, "fg_color", t->fg);
    k_str(&c->w, "bg_color", t->bg);
    clickup_jw_object_end(&c->w);
    clickup_jw_object_end(&c->w);
    return 0;
}
static int h_space_tag_delete(sb_ctx *c) {
    sb_space *sp = need_space(c, c->arg[0]);
    sb_space_tag *t;
    size_t i;
    if (!sp) return -1;
    if (!(t = space_tag_find(sp, c->arg[1]))) return reply_err(c, 404, "Tag not found", "TAG_004");
    space_tag_tasks(c->sb, sp, t->name, NULL);
    i = (size_t)(t - sp->tags);
    free(t->name); free(t->fg); free(t->bg);
    memmove(&sp->tags[i], &sp->tags[i + 1], (sp->ntags - i - 1) * sizeof *sp->tags);
    sp->ntags--;
    return reply_empty_object(c);
}

/* ---- views --------------------------------------------------------------------------------------
   GET /team|space|folder|list/{id}/view -> {"views": [...], "required_views": {"list", "board",
   "calendar", "gantt"}} (each the first view of that type, or null); GET /view/{id} ->
   {"view": ...}; GET /view/{id}/task?page=N: the open top-level tasks of every list below the
   view's parent, 100 a page, with last_page. A view lives as long as its parent. */
static const char *const VIEW_PARTS[][2] = {   /* the rest of a View object, as the spec's example */
    { "grouping", "{\"field\":\"status\",\"dir\":1,\"collapsed\":[],\"ignore\":false}" },
    { "divide", "{\"field\":null,\"dir\":null,\"collapsed\":[]}" },
    { "sorting", "{\"fields\":[]}" },
    { "filters", "{\"op\":\"AND\",\"fields\":[],\"search\":\"\",\"show_closed\":false}" },
    { "columns", "{\"fields\":[]}" },
    { "team_sidebar", "{\"assignees\":[],\"assigned_comments\":false,\"unassigned_tasks\":false}" },
    { "settings", "{\"show_task_locations\":false,\"show_subtasks\":3,\"show_subtask_parent_names\":false,"
                  "\"show_closed_subtasks\":false,\"show_assignees\":true,\"show_images\":true,"
                  "\"collapse_empty_columns\":null,\"me_comments\":true,\"me_subtasks\":true,"
                  "\"me_checklists\":true}" },
};

/* The workspace a view's parent is in, or NULL when the parent is gone. */
static const char *view_team(sandbox *sb, const sb_view *v) {
    const sb_folder *f;
    const sb_list *l;
    const sb_space *sp;
    switch (v->parent_type) {
    case VIEW_TEAM: return find_team(v->parent) ? v->parent : NULL;
    case VIEW_SPACE: return (sp = find_space(&sb->hier, v->parent)) ? sp->team : NULL;
    case VIEW_FOLDER: return (f = find_folder(&sb->hier, v->parent)) ? f->sp->team : NULL;
    default: return (l = find_list(&sb->hier, v->parent)) ? l->sp->team : NULL;
    }
}

static void w_view(jw_t *w, const sb_view *v) {
    size_t i;
    clickup_jw_object_begin(w);
    k_str(w, "id", v->id);
    k_str(w, "name", v->name);
    k_str(w, "type", v->type);
    clickup_jw_key(w, "parent");
    clickup_jw_object_begin(w);
    k_str(w, "id", v->parent);
    k_int(w, "type", v->parent_type);
    clickup_jw_object_end(w);
    for (i = 0; i < COUNT_OF(VIEW_PARTS); i++) k_raw(w, VIEW_PARTS[i][0], VIEW_PARTS[i][1]);
    k_int(w, "orderindex", v->orderindex);
    k_str(w, "date_created", "1690000000000");
    k_int(w, "creator", 183);
    k_str(w, "visibility", "public");
    k_bool(w, "protected", 0);
    clickup_jw_object_end(w);
}

/* GET /{team,space,folder,list}/{id}/view: the live views whose parent is (type, id). */
static void w_views(sb_ctx *c, int parent_type, const char *id) {
    static const char *const REQUIRED[] = { "list", "board", "calendar", "gantt" };
    const sb_hier *h = &c->sb->hier;
    size_t i, r;
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "views");
    clickup_jw_array_begin(&c->w);
    for (i = 0; i < h->nviews; i++)
        if (h->views[i]->parent_type == parent_type && strcmp(h->views[i]->parent, id) == 0) w_view(&c->w, h->views[i]);
    clickup_jw_array_end(&c->w);
    clickup_jw_key(&c->w, "required_views");
    clickup_jw_object_begin(&c->w);
    for (r = 0; r < COUNT_OF(REQUIRED); r++) {
        const sb_view *first = NULL;
        for (i = 0; i < h->nviews && !first; i++)
            if (h->views[i]->parent_type == parent_type && strcmp(h->views[i]->parent, id) == 0 &&
                strcmp(h->views[i]->type, REQUIRED[r]) == 0)
                first = h->views[i];
        clickup_jw_key(&c->w, REQUIRED[r]);
        if (first) w_view(&c->w, first);
        else clickup_jw_null(&c->w);
    }
    clickup_jw_object_end(&c->w);
    clickup_jw_object_end(&c->w);
}
static int h_team_views(sb_ctx *c) {
    if (need_team(c, c->arg[0]) < 0) return -1;
    w_views(c, VIEW_TEAM, c->arg[0]);
    return 0;
}
static int h_space_views(sb_ctx *c) {
    if (!need_space(c, c->arg[0])) return -1;
    w_views(c, VIEW_SPACE, c->arg[0]);
    return 0;
}
static int h_folder_views(sb_ctx *c) {
    if (!need_folder(c, c->arg[0])) return -1;
    w_views(c, VIEW_FOLDER, c->arg[0]);
    return 0;
}
static int h_list_views(sb_ctx *c) {
    if (!need_list(c, c->arg[0])) return -1;
    w_views(c, VIEW_LIST, c->arg[0]);
    return 0;
}

/* {view_id}: a live view in a workspace the token sees; else 404 (401 for another workspace). */
static sb_view *need_view(sb_ctx *c, const char *id) {
    size_t i;
    const char *team;
    for (i = 0; i < c->sb->hier.nviews; i++) {
        sb_view *v = c->sb->hier.views[i];
        if (strcmp(v->id, id) != 0 || !(team = view_team(c->sb, v))) continue;
        return need_team(c, team) < 0 ? NULL : v;
    }
    reply_err(c, 404, "View not found", "VIEW_001");
    return NULL;
}
static int h_view(sb_ctx *c) {
    const sb_view *v = need_view(c, c->arg[0]);
    if (!v) return -1;
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "view");
    w_view(&c->w, v);
    clickup_jw_object_end(&c->w);
    return 0;
}
static int list_under_view(const sb_list *l, const sb_view *v) {
    if (l->deleted) return 0;
    switch (v->parent_type) {
    case VIEW_TEAM: return strcmp(l->sp->team, v->parent) == 0;
    case VIEW_SPACE: return strcmp(l->sp->id, v->parent) == 0;
    case VIEW_FOLDER: return l->fo && strcmp(l->fo->id, v->parent) == 0;
    default: return strcmp(l->id, v->parent) == 0;
    }
}
static int h_view_tasks(sb_ctx *c) {
    const sb_view *v = need_view(c, c->arg[0]);
    task_query q;
    size_t i;
    if (!v) return -1;
    memset(&q, 0, sizeof q);
    q.lists = (const sb_list **)sb_alloc((c->sb->hier.nlists + 1) * sizeof *q.lists);
    for (i = 0; i < c->sb->hier.nlists; i++)
        if (list_under_view(c->sb->hier.lists[i], v)) q.lists[q.nlists++] = c->sb->hier.lists[i];
    w_task_page(c, &q, 1);
    free(q.lists);
    return 0;
}

static int utf8_valid(const char *s, size_t n);

/* ---- attachments --------------------------------------------------------------------------------
   POST /task/{id}/attachment, multipart/form-data (RFC 7578): the file is the part named
   "attachment" with a filename. Bodies up to SANDBOX_MAX_BODY (else 413 before any byte of it
   is read). The sandbox keeps the file's name, type, size and FNV-1a 64 checksum (not its
   bytes): sandbox_attachment_get. ECODEs of the 400s are the sandbox's own (ATTACH_*). */
typedef struct mp_part {
    const char *data;                  /* the part's bytes, len long                        */
    size_t      len;
    char        name[64], filename[256], type[128];   /* "" when absent                       */
    int         has_filename;
} mp_part;

static const char *sb_memmem(const char *h, size_t hn, const char *n, size_t nn) {
    size_t i;
    if (nn > hn) return NULL;
    for (i = 0; i + nn <= hn; i++)
        if (h[i] == n[0] && memcmp(h + i, n, nn) == 0) return h + i;
    return NULL;
}

/* Parameter `key` of a header value ("form-data; name=\"a\"; filename=\"b\"") into out.
   1 when present. Quoted values end at the next quote (no escapes: libcurl sends none). */
static int mp_param(const char *v, const char *key, char *out, size_t n) {
    size_t klen = strlen(key);
    const char *p = v;
    out[0] = '\0';
    while ((p = strchr(p, ';')) != NULL) {
        const char *e;
        size_t len;
        p++;
        while (*p == ' ' || *p == '\t') p++;
        if (strncasecmp(p, key, klen) != 0 || p[klen] != '=') continue;
        p += klen + 1;
        if (*p == '"') { p++; e = strchr(p, '"'); if (!e) return 0; }
        else e = p + strcspn(p, "; \t");
        len = (size_t)(e - p) < n - 1 ? (size_t)(e - p) : n - 1;
        memcpy(out, p, len);
        out[len] = '\0';
        return 1;
    }
    return 0;
}

/* The headers of one part ([h, h+n), lines ending in CRLF). */
static void mp_headers(const char *h, size_t n, mp_part *pt) {
    while (n) {
        const char *eol = sb_memmem(h, n, "\r\n", 2);
        size_t len = eol ? (size_t)(eol - h) : n;
        char line[1024];
        snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line ? len : sizeof line - 1), h);
        if (strncasecmp(line, "Content-Disposition:", 20) == 0) {
            mp_param(line, "name", pt->name, sizeof pt->name);
            pt->has_filename = mp_param(line, "filename", pt->filename, sizeof pt->filename);
        } else if (strncasecmp(line, "Content-Type:", 13) == 0) {
            const char *v = line + 13;
            while (*v == ' ' || *v == '\t') v++;
            size_t vn = strlen(v) < sizeof pt->type ? strlen(v) : sizeof pt->type - 1;
            memcpy(pt->type, v, vn);
            pt->type[vn] = '\0';
        }
        if (!eol) break;
        n -= len + 2;
        h = eol + 2;
    }
}

/* Find the part named `name` in the request body. 1 found, 0 not there, -1 malformed. */
static int mp_find(const sb_req *rq, const char *boundary, const char *name, mp_part *out) {
    char delim[128];
    size_t dn = (size_t)snprintf(delim, sizeof delim, "\r\n--%s", boundary);
    const char *b = rq->body, *end = rq->body + rq->body_len, *p;
    /* The first delimiter may open the body (no CRLF before it). */
    if (rq->body_len >= dn - 2 && memcmp(b, delim + 2, dn - 2) == 0) p = b + dn - 2;
    else if ((p = sb_memmem(b, rq->body_len, delim, dn)) != NULL) p += dn;
    else return -1;
    for (;;) {
        const char *hend, *next;
        mp_part pt;
        if (end - p >= 2 && p[0] == '-' && p[1] == '-') return 0;          /* the closing delimiter */
        if (end - p < 2 || p[0] != '\r' || p[1] != '\n') return -1;
        p += 2;
        if (!(hend = sb_memmem(p, (size_t)(end - p), "\r\n\r\n", 4))) return -1;
        if (!(next = sb_memmem(hend + 4, (size_t)(end - hend - 4), delim, dn))) return -1;
        memset(&pt, 0, sizeof pt);
        mp_headers(p, (size_t)(hend - p), &pt);
        pt.data = hend + 4;
        pt.len = (size_t)(next - pt.data);
        if (strcmp(pt.name, name) == 0) { *out = pt; return 1; }
        p = next + dn;
    }
}

static unsigned long long fnv1a64(const char *p, size_t n) {
    unsigned long long h = 14695981039346656037ULL;
    size_t i;
    for (i = 0; i < n; i++) { h ^= (unsigned char)p[i]; h *= 1099511628211ULL; }
    return h;
}

static int h_task_attachment(sb_ctx *c) {
    const char *ct = c->rq->content_type, *dot;
    char boundary[80];
    sb_task *t = need_task(c, c->arg[0]);
    sb_attach *a;
    mp_part pt;
    int found;
    char *e;
    if (!t) return -1;
    if (!ct || strncasecmp(ct, "multipart/form-data", 19) != 0 || !mp_param(ct, "boundary", boundary, sizeof boundary) ||
        !boundary[0] || strlen(boundary) > 70)
        return reply_err(c, 400, "Content-Type must be multipart/form-data with a boundary", "ATTACH_002");
    if ((found = mp_find(c->rq, boundary, "attachment", &pt)) < 0)
        return reply_err(c, 400, "Malformed multipart body", "ATTACH_003");
    if (!found || !pt.has_filename || !pt.filename[0] || !utf8_valid(pt.filename, strlen(pt.filename)))
        return reply_err(c, 400, "No file attached: send it in a part named attachment, with a filename", "ATTACH_001");
    t->att = (sb_attach *)sb_grow(t->att, (t->natt + 1) * sizeof *t->att);
    a = &t->att[t->natt++];
    memset(a, 0, sizeof *a);
    dot = strrchr(pt.filename, '.');
    snprintf(a->ext, sizeof a->ext, "%s", dot && dot[1] ? dot + 1 : "");
    for (e = a->ext; *e; e++) *e = (char)tolower((unsigned char)*e);
    snprintf(a->id, sizeof a->id, "a77ac000-0000-4000-8000-%012u%s%s", ++c->sb->next_attach, a->ext[0] ? "." : "", a->ext);
    a->title = sb_strdup(pt.filename);
    a->mimetype = sb_strdup(pt.type[0] ? pt.type : "application/octet-stream");
    a->size = pt.len;
    a->fnv = fnv1a64(pt.data, pt.len);
    a->date = wall_ms();
    t->date_updated = a->date;
    w_attachment_created(&c->w, a);
    return 0;
}

size_t sandbox_attachment_count(sandbox *s, const char *task_id) {
    const sb_task *t;
    size_t n;
    pthread_mutex_lock(&s->mu);
    t = task_id ? find_task(s, task_id) : NULL;
    n = t ? t->natt : 0;
    pthread_mutex_unlock(&s->mu);
    return n;
}

int sandbox_attachment_get(sandbox *s, const char *task_id, size_t index, sandbox_attachment *out) {
    const sb_task *t;
    int rc = -1;
    pthread_mutex_lock(&s->mu);
    t = task_id ? find_task(s, task_id) : NULL;
    if (t && index < t->natt) {
        const sb_attach *a = &t->att[index];
        memset(out, 0, sizeof *out);
        snprintf(out->id, sizeof out->id, "%s", a->id);
        snprintf(out->title, sizeof out->title, "%s", a->title);
        snprintf(out->content_type, sizeof out->content_type, "%s", a->mimetype);
        out->size = a->size;
        out->fnv1a64 = a->fnv;
        rc = 0;
    }
    pthread_mutex_unlock(&s->mu);
    return rc;
}

static const sb_route ROUTES[] = {
    { "GET", "team", h_teams },
    { "GET", "user", h_user },
    { "GET", "team/:/space", h_spaces },
    { "GET", "team/:/task", h_team_tasks },
    { "GET", "team/:/taskTemplate", h_templates },
    { "GET", "space/:", h_space },
    { "GET", "space/:/folder", h_folders },
    { "GET", "space/:/list", h_space_lists },
    { "GET", "folder/:", h_folder },
    { "GET", "folder/:/list", h_folder_lists },
    { "GET", "list/:", h_list },
    { "GET", "list/:/field", h_list_fields },
    { "GET", "list/:/task", h_list_tasks },
    { "POST", "team/:/space", h_space_create },
    { "PUT", "space/:", h_space_update },
    { "DELETE", "space/:", h_space_delete },
    { "POST", "space/:/folder", h_folder_create },
    { "PUT", "folder/:", h_folder_update },
    { "DELETE", "folder/:", h_folder_delete },
    { "POST", "folder/:/list", h_list_create },
    { "POST", "space/:/list", h_folderless_list_create },
    { "PUT", "list/:", h_list_update },
    { "DELETE", "list/:", h_list_delete },
    { "GET", "space/:/tag", h_space_tags },
    { "POST", "space/:/tag", h_space_tag_create },
    { "PUT", "space/:/tag/:", h_space_tag_edit },
    { "DELETE", "space/:/tag/:", h_space_tag_delete },
    { "GET", "team/:/view", h_team_views },
    { "GET", "space/:/view", h_space_views },
    { "GET", "folder/:/view", h_folder_views },
    { "GET", "list/:/view", h_list_views },
    { "GET", "view/:", h_view },
    { "GET", "view/:/task", h_view_tasks },
    { "POST", "task/:/attachment", h_task_attachment },
    { "POST", "list/:/task", h_task_create },
    { "POST", "list/:/taskTemplate/:", h_task_from_template },
    { "GET", "task/:", h_task_get },
    { "PUT", "task/:", h_task_update },
    { "DELETE", "task/:", h_task_delete },
    { "POST", "task/:/tag/:", h_tag_add },
    { "DELETE", "task/:/tag/:", h_tag_remove },
    { "POST", "task/:/field/:", h_field_set },
    { "DELETE", "task/:/field/:", h_field_remove },
    { "GET", "task/:/comment", h_collab_task_comments },
    { "POST", "task/:/comment", h_collab_task_comment_add },
    { "GET", "list/:/comment", h_collab_list_comments },
    { "POST", "list/:/comment", h_collab_list_comment_add },
    { "GET", "view/:/comment", h_collab_view_comments },
    { "POST", "view/:/comment", h_collab_view_comment_add },
    { "PUT", "comment/:", h_collab_comment_edit },
    { "DELETE", "comment/:", h_collab_comment_delete },
    { "GET", "comment/:/reply", h_collab_replies },
    { "POST", "comment/:/reply", h_collab_reply_add },
    { "POST", "task/:/checklist", h_collab_checklist_add },
    { "PUT", "checklist/:", h_collab_checklist_edit },
    { "DELETE", "checklist/:", h_collab_checklist_delete },
    { "POST", "checklist/:/checklist_item", h_collab_item_add },
    { "PUT", "checklist/:/checklist_item/:", h_collab_item_edit },
    { "DELETE", "checklist/:/checklist_item/:", h_collab_item_delete },
    { "POST", "task/:/dependency", h_collab_dependency_add },
    { "DELETE", "task/:/dependency", h_collab_dependency_remove },
    { "POST", "task/:/link/:", h_collab_link_add },
    { "DELETE", "task/:/link/:", h_collab_link_remove },
    { "POST", "list/:/task/:", h_collab_home_add },
    { "DELETE", "list/:/task/:", h_collab_home_remove },
    { "POST", "oauth/token", h_collab_oauth_token },
    { "GET", "team/:/webhook", h_webhooks },
    { "POST", "team/:/webhook", h_webhook_create },
    { "PUT", "webhook/:", h_webhook_update },
    { "DELETE", "webhook/:", h_webhook_delete },
    { "GET", "folder/:/field", h_folder_fields },
    { "GET", "space/:/field", h_space_fields },
    { "GET", "team/:/field", h_team_fields },
    { "GET", "team/:/time_entries", h_time_list },
    { "POST", "team/:/time_entries", h_time_create },
    { "GET", "team/:/time_entries/current", h_time_current },
    { "POST", "team/:/time_entries/start", h_time_start },
    { "POST", "team/:/time_entries/stop", h_time_stop },
    { "GET", "team/:/time_entries/:", h_time_get },
    { "PUT", "team/:/time_entries/:", h_time_update },
    { "DELETE", "team/:/time_entries/:", h_time_delete },
};

/* Is [s, s+n) valid UTF-8? (Strings written into JSON must be.) */
static int utf8_valid(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        int k, i;
        unsigned c = *p;
        if (c < 0x80) { p++; continue; }
        k = c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
        if (!k || end - p < k) return 0;
        for (i = 1; i < k; i++)
            if ((p[i] & 0xC0) != 0x80) return 0;
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0) || (c == 0xF0 && p[1] < 0x90) ||
            (c == 0xF4 && p[1] >= 0x90))
            return 0;
        p += k;
    }
    return 1;
}

/* "/api/v2/task/abc/tag/x%20y" -> segments "task", "abc", "tag", "x y". */
static int split_path(sb_ctx *c, const char *path) {
    const char *p;
    if (!starts_with(path, "/api/v2/")) return 0;
    for (p = path + 8;;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (c->nseg == MAX_SEGS) return 0;
        c->seg[c->nseg] = pct_decode(p, n, 0);
        if (!utf8_valid(c->seg[c->nseg], strlen(c->seg[c->nseg]))) { c->nseg++; return 0; }
        c->nseg++;
        if (!slash) return 1;
        p = slash + 1;
    }
}

static int route_matches(sb_ctx *c, const sb_route *r) {
    const char *p = r->pattern;
    int i = 0, a = 0;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (i >= c->nseg) return 0;
        if (n == 1 && *p == ':') {
            if (!c->seg[i][0]) return 0;
            c->arg[a++] = c->seg[i];
        } else if (strlen(c->seg[i]) != n || strncmp(c->seg[i], p, n) != 0) {
            return 0;
        }
        i++;
        p += n + (slash ? 1 : 0);
    }
    return i == c->nseg;
}

static const sb_route *find_route(sb_ctx *c) {
    size_t i;
    for (i = 0; i < COUNT_OF(ROUTES); i++)
        if (strcmp(ROUTES[i].method, c->rq->method) == 0 && route_matches(c, &ROUTES[i])) return &ROUTES[i];
    return NULL;
}

/* Request bodies are JSON only with Content-Type application/json; otherwise the body reads
   as {} (what Express's json parser, and so ClickUp, does). */
static int parse_body(sb_ctx *c, int any_type) {
    const char *ct = c->rq->content_type;
    if (!c->rq->body_len) return 0;
    if (!any_type && (!ct || strncasecmp(ct, "application/json", 16) != 0)) return 0;
    if (clickup_json_parse(c->rq->body, c->rq->body_len, NULL, &c->doc, NULL) != CLICKUP_OK)
        return reply_err(c, 400, "Body is not valid JSON", "JSON_001");
    c->body = clickup_json_root(c->doc);
    return 0;
}

/* ==== [responses] =========================================================================== */
enum { RH_NORMAL, RH_NONE, RH_GARBAGE, RH_MS };             /* X-RateLimit-* style */
enum { SEND_NORMAL, SEND_TRUNCATE, SEND_RESET, SEND_DRIP, SEND_CHUNKED, SEND_ABORT };

typedef struct sb_resp {
    int         status;
    const char *content_type;
    char       *body;                /* owned; NULL when empty */
    size_t      body_len;
    int         rate_headers;        /* RH_* */
    rate_info   rate;
    long        retry_after;         /* -1 = no Retry-After */
    int         send;                /* SEND_* */
    long        arg;                 /* DRIP: ms per byte; CHUNKED: body bytes */
    int         close;
    int         head_only;           /* a HEAD request: headers without the body */
} sb_resp;

static const char JSON_TYPE[] = "application/json; charset=utf-8";

static void resp_init(sb_resp *r) {
    memset(r, 0, sizeof *r);
    r->status = 200;
    r->content_type = JSON_TYPE;
    r->retry_after = -1;
}
static void resp_set(sb_resp *r, int status, const char *type, const char *body) {
    free(r->body);
    r->status = status;
    r->content_type = type;
    r->body_len = strlen(body);
    r->body = sb_strndup(body, r->body_len);
}
static void resp_error(sb_resp *r, int status, const char *msg, const char *ecode) {
    sb_buf b = { NULL, 0, 0 };
    buf_printf(&b, "{\"err\":\"%s\",\"ECODE\":\"%s\"}", msg, ecode);
    resp_set(r, status, JSON_TYPE, b.p);
    buf_free(&b);
}

/* Move a handler's result (status and JSON text) into the response. */
static void ctx_finish(sb_ctx *c, sb_resp *r) {
    const char *text = NULL;
    size_t len = 0;
    int i;
    if (c->status == 204) {
        r->status = 204;
    } else if (clickup_json_writer_finish(&c->w, &text, &len) == CLICKUP_OK) {
        r->status = c->status;
        r->body = sb_strndup(text, len);
        r->body_len = len;
    } else {
        resp_error(r, 500, "sandbox: could not build the response", "SANDBOX_500");
    }
    clickup_json_writer_free(&c->w);
    clickup_json_doc_free(c->doc);
    for (i = 0; i < c->nseg; i++) free(c->seg[i]);
}

static void ctx_init(sb_ctx *c, sandbox *sb, const sb_req *rq) {
    memset(c, 0, sizeof *c);
    c->sb = sb;
    c->rq = rq;
    c->status = 200;
    clickup_json_writer_init(&c->w, NULL);
}

/* The real API: route, authenticate, run the handler under the data lock. */
static void api_dispatch(sandbox *sb, const sb_req *rq, sb_resp *r) {
    sb_ctx c;
    const sb_route *route;
    ctx_init(&c, sb, rq);
    route = split_path(&c, rq->path) ? find_route(&c) : NULL;
    pthread_mutex_lock(&sb->mu);
    if (!route) reply_err(&c, 404, "Route not found", "APP_001");
    else if (authenticate(&c) == 0 && parse_body(&c, 0) == 0) {
        hook_snap snap;                     /* webhook events of what the handler changes */
        hooks_before(&c, &snap);
        route->fn(&c);
        hooks_after(&c, &snap);
    }
    pthread_mutex_unlock(&sb->mu);
    ctx_finish(&c, r);
}

/* ==== [control endpoints] ===================================================================
   /_sandbox/...: for tests that run build/sandbox as another process. No auth, not logged,
   no rate headers. Bodies are read as JSON whatever their Content-Type. */
static int c_fault(sb_ctx *c) {
    const clickup_json *b = c->body;
    sandbox_fault_kind kind = sandbox_fault_kind_parse(clickup_json_as_string(clickup_json_get(b, "kind"), "", NULL));
    if (!kind) return reply_err(c, 400, "unknown or missing fault kind", "SANDBOX_KIND");
    sandbox_fault(c->sb, clickup_json_as_string(clickup_json_get(b, "method"), NULL, NULL),
                  clickup_json_as_string(clickup_json_get(b, "path"), NULL, NULL), kind,
                  (int)clickup_json_as_int64(clickup_json_get(b, "count"), 1),
                  (long)clickup_json_as_int64(clickup_json_get(b, "arg"), 0));
    clickup_jw_object_begin(&c->w);
    k_bool(&c->w, "ok", 1);
    clickup_jw_object_end(&c->w);
    return 0;
}

/* A string from the log as JSON: invalid UTF-8 (percent-decoded bytes) becomes null. */
static void k_logstr(jw_t *w, const char *k, const char *s, size_t n) {
    clickup_jw_key(w, k);
    if (s && utf8_valid(s, n)) clickup_jw_stringn(w, s, n);
    else clickup_jw_null(w);
}

static void w_entry(jw_t *w, const sandbox_request *e) {
    size_t i;
    clickup_jw_object_begin(w);
    k_str(w, "method", e->method);
    k_logstr(w, "path", e->path, strlen(e->path));
    k_logstr(w, "query", e->query, strlen(e->query));
    clickup_jw_key(w, "params");
    clickup_jw_array_begin(w);
    for (i = 0; i < e->param_count; i++) {
        clickup_jw_object_begin(w);
        k_logstr(w, "key", e->params[i].key, strlen(e->params[i].key));
        k_logstr(w, "value", e->params[i].value, strlen(e->params[i].value));
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
    k_logstr(w, "authorization", e->authorization, e->authorization ? strlen(e->authorization) : 0);
    k_logstr(w, "user_agent", e->user_agent, e->user_agent ? strlen(e->user_agent) : 0);
    k_logstr(w, "content_type", e->content_type, e->content_type ? strlen(e->content_type) : 0);
    k_logstr(w, "accept_encoding", e->accept_encoding, e->accept_encoding ? strlen(e->accept_encoding) : 0);
    k_logstr(w, "body", e->body, e->body_len);
    k_int(w, "status", e->status);
    k_str(w, "fault", sandbox_fault_kind_name(e->fault));
    clickup_jw_object_end(w);
}

static int c_requests(sb_ctx *c) {
    const char *method = q_get(c->rq, "method"), *prefix = q_get(c->rq, "path");
    size_t i, n = 0;
    pthread_mutex_lock(&c->sb->mu);
    clickup_jw_object_begin(&c->w);
    clickup_jw_key(&c->w, "requests");
    clickup_jw_array_begin(&c->w);
    for (i = 0; i < c->sb->nlog; i++)
        if (entry_matches(c->sb->log[i], method, prefix)) { w_entry(&c->w, &c->sb->log[i]->pub); n++; }
    clickup_jw_array_end(&c->w);
    k_int(&c->w, "count", (int64_t)n);
    k_int(&c->w, "count_429", (int64_t)c->sb->count_429);
    k_int(&c->w, "rate_peak", c->sb->rate_peak);
    k_int(&c->w, "max_concurrent", (int64_t)c->sb->busy_peak);   /* sandbox_max_concurrent */
    k_int(&c->w, "faults_pending", (int64_t)faults_count_locked(c->sb));
    clickup_jw_object_end(&c->w);
    pthread_mutex_unlock(&c->sb->mu);
    return 0;
}

static int c_reset(sb_ctx *c) {
    sandbox_reset(c->sb);
    return reply_empty_object(c);
}

static int c_rate(sb_ctx *c) {
    sandbox_set_rate_limit(c->sb, (int)clickup_json_as_int64(clickup_json_get(c->body, "limit"), 0),
                           (int)clickup_json_as_int64(clickup_json_get(c->body, "window_s"), 0));
    return reply_empty_object(c);
}

/* POST /_sandbox/template {"id": "t-86b3e002", "name": "New name"} renames a template;
   {"id": ..., "removed": true} removes it, {"removed": false} brings it back. */
static int c_template(sb_ctx *c) {
    const clickup_json *removed = clickup_json_get(c->body, "removed");
    int rc = sandbox_template_edit(c->sb, clickup_json_as_string(clickup_json_get(c->body, "id"), "", NULL),
                                   clickup_json_as_string(clickup_json_get(c->body, "name"), NULL, NULL),
                                   removed ? clickup_json_as_bool(removed, 0) : -1);
    if (rc != 0) return reply_err(c, 404, "no such template in team 9001", "SANDBOX_TEMPLATE");
    return reply_empty_object(c);
}

static const sb_route CONTROL_ROUTES[] = {
    { "POST", "/_sandbox/fault", c_fault },
    { "GET", "/_sandbox/requests", c_requests },
    { "POST", "/_sandbox/reset", c_reset },
    { "POST", "/_sandbox/rate", c_rate },
    { "POST", "/_sandbox/template", c_template },
};

static void control_dispatch(sandbox *sb, const sb_req *rq, sb_resp *r) {
    sb_ctx c;
    size_t i;
    const sb_route *route = NULL;
    ctx_init(&c, sb, rq);
    for (i = 0; i < COUNT_OF(CONTROL_ROUTES); i++)
        if (strcmp(CONTROL_ROUTES[i].method, rq->method) == 0 && strcmp(CONTROL_ROUTES[i].pattern, rq->path) == 0)
            route = &CONTROL_ROUTES[i];
    if (!route) reply_err(&c, 404, "Route not found", "APP_001");
    else if (parse_body(&c, 1) == 0) route->fn(&c);
    ctx_finish(&c, r);
    r->rate_headers = RH_NONE;
}

/* ==== [fault answers] ======================================================================= */
static const char MALFORMED_JSON[] =
    "{\"tasks\":[{\"id\":\"86a00001\",\"name\":\"Deliverable 1\",},{\"id\":\"86a00002\",\"name\":'x'}],\"last_page\":tru";
/* Valid JSON where every key a client reads has the wrong type. */
static const char WRONG_SHAPE_JSON[] =
    "{\"tasks\":\"oops\",\"spaces\":7,\"teams\":{},\"templates\":1,\"folders\":\"x\",\"lists\":null,\"id\":5,"
    "\"name\":[],\"task\":\"no\",\"last_page\":\"maybe\",\"user\":3}";

static const char *reason_phrase(int status) {
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

/* SANDBOX_FAULT_STATUS: a JSON error, or the HTML page a proxy in front of ClickUp sends for
   502/503/504. 401 and 429 use ClickUp's own bodies. */
static void fault_status(sb_resp *r, long status) {
    char msg[64], ecode[32];
    int st = status >= 100 && status <= 599 ? (int)status : 500;
    if (st == 502 || st == 503 || st == 504) {
        sb_buf b = { NULL, 0, 0 };
        buf_printf(&b, "<html>\r\n<head><title>%d %s</title></head>\r\n<body>\r\n<center><h1>%d %s</h1></center>\r\n"
                       "<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n",
                   st, reason_phrase(st), st, reason_phrase(st));
        resp_set(r, st, "text/html", b.p);
        buf_free(&b);
    } else if (st == 401) {
        resp_error(r, st, "Token invalid", "OAUTH_025");
    } else if (st == 429) {
        resp_error(r, st, "Rate limit reached", "APP_002");
    } else {
        snprintf(msg, sizeof msg, "Sandbox fault: HTTP %d", st);
        snprintf(ecode, sizeof ecode, "SANDBOX_%d", st);
        resp_error(r, st, msg, ecode);
    }
}

static void fault_deep_nesting(sb_resp *r, long levels) {
    size_t n = levels > 0 ? (size_t)levels : 1;
    if (n > (size_t)4 << 20) n = (size_t)4 << 20;
    free(r->body);
    r->status = 200;
    r->body = (char *)sb_alloc(2 * n + 1);
    memset(r->body, '[', n);
    memset(r->body + n, ']', n);
    r->body[2 * n] = '\0';
    r->body_len = 2 * n;
}

/* A write cut short by TRUNCATE/CONN_RESET is not applied; this stands in for its answer. */
static const char STUB_WRITE_JSON[] =
    "{\"id\":\"86zz00000\",\"custom_id\":null,\"name\":\"this answer was cut short by the sandbox\","
    "\"status\":{\"status\":\"to do\",\"type\":\"open\",\"orderindex\":0,\"color\":\"#d3d3d3\"}}";

static int is_write(const sb_req *rq) { return strcmp(rq->method, "GET") != 0 && strcmp(rq->method, "HEAD") != 0; }

/* Wait ms, or less if the sandbox stops. Returns 0 when woken by stop. */
static int sb_sleep(sandbox *sb, long ms) {
    struct pollfd p;
    int64_t until = mono_ms() + (ms > 0 ? ms : 0);
    for (;;) {
        int64_t left = until - mono_ms();
        if (left <= 0) return 1;
        p.fd = sb->wake[0];
        p.events = POLLIN;
        p.revents = 0;
        if (poll(&p, 1, left > 60000 ? 60000 : (int)left) > 0) return 0;
    }
}

/* Decide the answer to an API request after the rate limit let it through. */
static void answer(sandbox *sb, const sb_req *rq, fault_hit f, sb_resp *r) {
    long long now = (long long)time(NULL);
    switch (f.kind) {
    case SANDBOX_FAULT_STATUS: fault_status(r, f.arg); break;
    case SANDBOX_FAULT_MALFORMED: resp_set(r, 200, JSON_TYPE, MALFORMED_JSON); break;
    case SANDBOX_FAULT_EMPTY_200: resp_set(r, 200, JSON_TYPE, ""); break;
    case SANDBOX_FAULT_WRONG_SHAPE: resp_set(r, 200, JSON_TYPE, WRONG_SHAPE_JSON); break;
    case SANDBOX_FAULT_DEEP_NESTING: fault_deep_nesting(r, f.arg); break;
    case SANDBOX_FAULT_OVERSIZED:
        r->status = 200;
        r->send = SEND_CHUNKED;
        r->arg = f.arg > 0 ? f.arg : 1;
        break;
    case SANDBOX_FAULT_RETRY_AFTER:
    case SANDBOX_FAULT_429:
        resp_error(r, 429, "Rate limit reached", "APP_002");
        r->rate.remaining = 0;
        r->rate.reset = now + (f.arg > 0 ? f.arg : 0);
        if (f.kind == SANDBOX_FAULT_RETRY_AFTER) r->retry_after = f.arg;
        break;
    case SANDBOX_FAULT_TRUNCATE:
    case SANDBOX_FAULT_CONN_RESET:
        if (is_write(rq)) resp_set(r, 200, JSON_TYPE, STUB_WRITE_JSON);
        else api_dispatch(sb, rq, r);
        r->send = f.kind == SANDBOX_FAULT_TRUNCATE ? SEND_TRUNCATE : SEND_RESET;
        r->close = 1;
        break;
    case SANDBOX_FAULT_RESET_REUSED:         /* no answer at all, and nothing applied */
        r->status = 0;
        r->send = SEND_ABORT;
        r->close = 1;
        break;
    case SANDBOX_FAULT_DELAY:
        if (sb_sleep(sb, f.arg)) api_dispatch(sb, rq, r);
        else { resp_error(r, 503, "sandbox stopping", "SANDBOX_STOP"); r->close = 1; }
        break;
    case SANDBOX_FAULT_DRIP:
        api_dispatch(sb, rq, r);
        r->send = SEND_DRIP;
        r->arg = f.arg;
        break;
    case SANDBOX_FAULT_NO_RATE_HEADERS: api_dispatch(sb, rq, r); r->rate_headers = RH_NONE; break;
    case SANDBOX_FAULT_GARBAGE_RATE_HEADERS: api_dispatch(sb, rq, r); r->rate_headers = RH_GARBAGE; break;
    case SANDBOX_FAULT_RESET_MS: api_dispatch(sb, rq, r); r->rate_headers = RH_MS; break;
    default: api_dispatch(sb, rq, r); break;
    }
}

/* ==== [connections] ========================================================================= */
#define IDLE_TIMEOUT_MS  120000   /* an idle keep-alive connection is closed after this */
#define IO_TIMEOUT_MS     30000   /* a request or answer that stalls this long is dropped */

/* Wait until fd is ready for `events`; 0 on timeout, error or stop. */
static int wait_fd(sb_conn *cn, short events, int timeout_ms) {
    struct pollfd p[2];
    for (;;) {
        int rc;
        p[0].fd = cn->fd; p[0].events = events; p[0].revents = 0;
        p[1].fd = cn->sb->wake[0]; p[1].events = POLLIN; p[1].revents = 0;
        rc = poll(p, 2, timeout_ms);
        if (rc < 0 && errno == EINTR) continue;
        if (rc <= 0 || p[1].revents) return 0;
        return 1;
    }
}

static int send_all(sb_conn *cn, const char *p, size_t n) {
    while (n) {
        ssize_t k = send(cn->fd, p, n, MSG_NOSIGNAL);
        if (k > 0) { p += k; n -= (size_t)k; continue; }
        if (k < 0 && errno == EINTR) continue;
        if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && wait_fd(cn, POLLOUT, IO_TIMEOUT_MS)) continue;
        return 0;
    }
    return 1;
}

/* Receive what is there into cn->in. 1 = progress (maybe none), 0 = EOF, error, timeout, stop. */
static int conn_recv(sb_conn *cn, int timeout_ms) {
    char tmp[16384];
    ssize_t k;
    if (!wait_fd(cn, POLLIN, timeout_ms)) return 0;
    k = recv(cn->fd, tmp, sizeof tmp, 0);
    if (k > 0) { buf_put(&cn->in, tmp, (size_t)k); return 1; }
    return k < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK);
}

/* Close politely: stop writing, swallow what the client still sends for a moment (so unread
   request bytes do not turn our last answer into a reset), then close. */
static void conn_close(sb_conn *cn) {
    char tmp[4096];
    int64_t until = mono_ms() + 200;
    if (cn->fd < 0) return;
    shutdown(cn->fd, SHUT_WR);
    while (mono_ms() < until && wait_fd(cn, POLLIN, 50))
        if (recv(cn->fd, tmp, sizeof tmp, 0) <= 0) break;
    close(cn->fd);
    cn->fd = -1;
}

/* Close with RST: SO_LINGER with a zero timeout makes close() abort the connection. */
static void conn_abort(sb_conn *cn) {
    struct linger lg;
    lg.l_onoff = 1;
    lg.l_linger = 0;
    (void)setsockopt(cn->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
    close(cn->fd);
    cn->fd = -1;
}

/* The values of the X-RateLimit-* headers of an answer (what put_rate_headers sends, and what
   the log records). */
static rate_text rate_header_text(const sb_resp *r) {
    rate_text t;
    memset(&t, 0, sizeof t);
    switch (r->rate_headers) {
    case RH_NONE: break;
    case RH_GARBAGE:
        snprintf(t.limit, sizeof t.limit, "abc");
        snprintf(t.remaining, sizeof t.remaining, "-5");
        break;                               /* Reset: sent, but empty */
    default:
        snprintf(t.limit, sizeof t.limit, "%lld", r->rate.limit);
        snprintf(t.remaining, sizeof t.remaining, "%lld", r->rate.remaining);
        snprintf(t.reset, sizeof t.reset, "%lld", r->rate_headers == RH_MS ? r->rate.reset * 1000 : r->rate.reset);
        break;
    }
    return t;
}

static void put_rate_headers(sb_buf *h, const sb_resp *r) {
    rate_text t;
    if (r->rate_headers == RH_NONE) return;
    t = rate_header_text(r);
    buf_printf(h, "X-RateLimit-Limit: %s\r\nX-RateLimit-Remaining: %s\r\nX-RateLimit-Reset: %s\r\n", t.limit,
               t.remaining, t.reset);
}

static void build_head(sb_buf *h, const sb_resp *r, size_t declared_len) {
    buf_printf(h, "HTTP/1.1 %d %s\r\n", r->status, reason_phrase(r->status));
    if (r->status != 204) buf_printf(h, "Content-Type: %s\r\n", r->content_type);
    if (r->send == SEND_CHUNKED) buf_puts(h, "Transfer-Encoding: chunked\r\n");
    else if (r->status != 204) buf_printf(h, "Content-Length: %zu\r\n", declared_len);
    put_rate_headers(h, r);
    if (r->retry_after >= 0) buf_printf(h, "Retry-After: %ld\r\n", r->retry_after);
    buf_puts(h, r->close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n");
}

/* OVERSIZED: a chunked body of `total` bytes that starts like a task page and never ends:
   byte k is prefix[k], then the item pattern repeats. */
static int send_chunked(sb_conn *cn, size_t total) {
    static const char prefix[] = "{\"tasks\":[";
    static const char item[] = "{\"id\":\"86x00000\",\"name\":\"padding padding padding padding\"},";
    const size_t plen = sizeof prefix - 1, ilen = sizeof item - 1;
    char block[65536], line[32];
    size_t sent = 0, i;
    while (sent < total) {
        size_t n = total - sent < sizeof block ? total - sent : sizeof block;
        for (i = 0; i < n; i++) {
            size_t k = sent + i;
            block[i] = k < plen ? prefix[k] : item[(k - plen) % ilen];
        }
        snprintf(line, sizeof line, "%zx\r\n", n);
        if (!send_all(cn, line, strlen(line)) || !send_all(cn, block, n) || !send_all(cn, "\r\n", 2)) return 0;
        sent += n;
    }
    return send_all(cn, "0\r\n\r\n", 5);
}

/* Send the answer as its send mode says. Returns 1 if the connection may be reused. */
static int send_response(sb_conn *cn, sb_resp *r) {
    sb_buf h = { NULL, 0, 0 };
    size_t i, half = r->body_len / 2;
    int ok;
    if (r->send == SEND_ABORT) {             /* RST before a single byte of an answer */
        conn_abort(cn);
        return 0;
    }
    build_head(&h, r, r->send == SEND_TRUNCATE ? r->body_len + 100 : r->body_len);
    switch (r->send) {
    case SEND_TRUNCATE:                      /* promise more than we send, then close */
    case SEND_RESET:                         /* part of the body, then RST            */
        buf_put(&h, r->body, half);
        (void)send_all(cn, h.p, h.len);
        if (r->send == SEND_RESET) conn_abort(cn);
        ok = 0;
        break;
    case SEND_DRIP:
        ok = send_all(cn, h.p, h.len);
        for (i = 0; ok && i < r->body_len; i++)
            ok = sb_sleep(cn->sb, r->arg) && send_all(cn, r->body + i, 1);
        break;
    case SEND_CHUNKED:
        ok = send_all(cn, h.p, h.len) && send_chunked(cn, (size_t)r->arg);
        break;
    default:
        if (r->status != 204 && !r->head_only) buf_put(&h, r->body, r->body_len);
        ok = send_all(cn, h.p, h.len);
        break;
    }
    buf_free(&h);
    return ok && !r->close;
}

/* An answer to a request that could not be read (too big, malformed): then close. */
static void send_simple(sb_conn *cn, int status, const char *msg) {
    sb_resp r;
    char ecode[32];
    resp_init(&r);
    snprintf(ecode, sizeof ecode, "HTTP_%d", status);
    resp_error(&r, status, msg, ecode);
    r.rate_headers = RH_NONE;
    r.close = 1;
    (void)send_response(cn, &r);
    free(r.body);
}

/* ---- request reading ---------------------------------------------------------------------- */
typedef struct head_info {
    long long content_length;   /* -1 = none */
    int       chunked, expect_continue, bad;
} head_info;

static char *trim(char *s) {
    char *e;
    while (*s == ' ' || *s == '\t') s++;
    e = s + strlen(s);
    while (e > s && (e[-1] == ' ' || e[-1] == '\t')) *--e = '\0';
    return s;
}

static void keep_header(char **slot, const char *value) {
    if (!*slot) *slot = sb_strdup(value);
}

static void parse_header_line(sb_req *rq, head_info *hi, char *line) {
    char *colon = strchr(line, ':'), *name = line, *value, *space = strpbrk(line, " \t");
    long long cl;
    if (!colon || colon == line || (space && space < colon)) { hi->bad = 1; return; }
    *colon = '\0';
    value = trim(colon + 1);
    if (strcasecmp(name, "Authorization") == 0) keep_header(&rq->authorization, value);
    else if (strcasecmp(name, "User-Agent") == 0) keep_header(&rq->user_agent, value);
    else if (strcasecmp(name, "Content-Type") == 0) keep_header(&rq->content_type, value);
    else if (strcasecmp(name, "Accept-Encoding") == 0) keep_header(&rq->accept_encoding, value);
    else if (strcasecmp(name, "Transfer-Encoding") == 0) hi->chunked = strcasecmp(value, "identity") != 0;
    else if (strcasecmp(name, "Expect") == 0) hi->expect_continue = strcasecmp(value, "100-continue") == 0;
    else if (strcasecmp(name, "Connection") == 0) {
        if (strcasecmp(value, "close") == 0) rq->keep_alive = 0;
        else if (strcasecmp(value, "keep-alive") == 0) rq->keep_alive = 1;
    } else if (strcasecmp(name, "Content-Length") == 0) {
        cl = parse_ull(value);
        if (cl < 0 || (hi->content_length >= 0 && hi->content_length != cl)) hi->bad = 1;
        hi->content_length = cl;
    }
}

/* "GET /api/v2/team?x=1 HTTP/1.1" */
static int parse_request_line(sb_req *rq, char *line) {
    char *sp1 = strchr(line, ' '), *sp2, *q, *m;
    if (!sp1) return 0;
    sp2 = strchr(sp1 + 1, ' ');
    if (!sp2 || sp1 == line || sp1[1] != '/') return 0;
    *sp1 = '\0';
    *sp2 = '\0';
    for (m = line; *m; m++)
        if (*m < 'A' || *m > 'Z') return 0;
    if (strcmp(sp2 + 1, "HTTP/1.1") == 0) rq->keep_alive = 1;
    else if (strcmp(sp2 + 1, "HTTP/1.0") == 0) rq->keep_alive = 0;
    else return 0;
    rq->method = sb_strdup(line);
    q = strchr(sp1 + 1, '?');
    rq->path = q ? sb_strndup(sp1 + 1, (size_t)(q - sp1 - 1)) : sb_strdup(sp1 + 1);
    rq->query = sb_strdup(q ? q + 1 : "");
    return 1;
}

static sb_req *parse_head(const char *text, size_t len, head_info *hi) {
    char *copy = sb_strndup(text, len), *line = copy, *next;
    sb_req *rq = (sb_req *)sb_zalloc(sizeof *rq);
    hi->content_length = -1;
    next = strstr(line, "\r\n");
    *next = '\0';
    if (!parse_request_line(rq, line)) hi->bad = 1;
    for (line = next + 2; !hi->bad; line = next + 2) {
        next = strstr(line, "\r\n");
        if (!next || next == line) break;               /* the blank line ends the head */
        *next = '\0';
        parse_header_line(rq, hi, line);
    }
    free(copy);
    if (hi->bad) { req_free(rq); return NULL; }
    parse_query(rq);
    return rq;
}

static const char *find_head_end(const char *p, size_t n) {
    size_t i;
    for (i = 0; i + 3 < n; i++)
        if (p[i] == '\r' && p[i + 1] == '\n' && p[i + 2] == '\r' && p[i + 3] == '\n') return p + i;
    return NULL;
}

/* Read one request (head and Content-Length body). 1 = *out, 0 = close the connection. */
static int read_request(sb_conn *cn, sb_req **out) {
    const char *end;
    size_t head_len, body_len;
    head_info hi;
    sb_req *rq;
    *out = NULL;
    memset(&hi, 0, sizeof hi);
    while (!(end = find_head_end(cn->in.p ? cn->in.p : "", cn->in.len))) {
        if (cn->in.len > SANDBOX_MAX_HEAD) { send_simple(cn, 431, "Request head too large"); return 0; }
        if (!conn_recv(cn, cn->in.len ? IO_TIMEOUT_MS : IDLE_TIMEOUT_MS)) return 0;
    }
    head_len = (size_t)(end - cn->in.p) + 4;
    if (head_len > SANDBOX_MAX_HEAD) { send_simple(cn, 431, "Request head too large"); return 0; }
    if (!(rq = parse_head(cn->in.p, head_len, &hi))) { send_simple(cn, 400, "Malformed request"); return 0; }
    if (hi.chunked) { req_free(rq); send_simple(cn, 411, "Chunked request bodies are not supported"); return 0; }
    if (hi.content_length > SANDBOX_MAX_BODY) { req_free(rq); send_simple(cn, 413, "Request body too large"); return 0; }
    body_len = hi.content_length > 0 ? (size_t)hi.content_length : 0;
    if (hi.expect_continue && cn->in.len < head_len + body_len &&
        !send_all(cn, "HTTP/1.1 100 Continue\r\n\r\n", 25)) { req_free(rq); return 0; }
    while (cn->in.len < head_len + body_len)
        if (!conn_recv(cn, IO_TIMEOUT_MS)) { req_free(rq); return 0; }
    rq->body = sb_strndup(cn->in.p + head_len, body_len);
    rq->body_len = body_len;
    cn->in.len -= head_len + body_len;
    memmove(cn->in.p, cn->in.p + head_len + body_len, cn->in.len);
    cn->in.p[cn->in.len] = '\0';
    *out = rq;
    return 1;
}

/* Concurrency: an API request is "being processed" from when its head and body have been read
   until its answer has been written; busy_peak is the most at once (sandbox_max_concurrent). */
static void busy_enter(sandbox *sb) {
    pthread_mutex_lock(&sb->mu);
    if (++sb->busy > sb->busy_peak) sb->busy_peak = sb->busy;
    pthread_mutex_unlock(&sb->mu);
}
static void busy_leave(sandbox *sb) {
    pthread_mutex_lock(&sb->mu);
    sb->busy--;
    pthread_mutex_unlock(&sb->mu);
}

/* One request: log, rate limit, fault, answer, send. Returns 1 to keep the connection. */
static int handle_request(sb_conn *cn, const sb_req *rq) {
    sandbox *sb = cn->sb;
    sb_resp r;
    int keep, api = 0;
    resp_init(&r);
    if (starts_with(rq->path, "/_sandbox/")) {
        control_dispatch(sb, rq, &r);
    } else {
        log_ref ref = log_add(sb, rq);
        fault_hit f = { (sandbox_fault_kind)0, 0 };
        rate_text rt;
        api = 1;
        busy_enter(sb);
        r.rate = rate_count(sb, rate_key(rq));
        if (r.rate.limited) resp_error(&r, 429, "Rate limit reached", "APP_002");  /* not applied */
        else { f = fault_take(sb, rq->method, rq->path, cn->served > 0); answer(sb, rq, f, &r); }
        rt = rate_header_text(&r);
        log_result(sb, ref, r.status, f.kind, &rt);
    }
    if (!rq->keep_alive) r.close = 1;
    r.head_only = strcmp(rq->method, "HEAD") == 0;
    keep = send_response(cn, &r);
    if (api) busy_leave(sb);                 /* its answer is written (or abandoned) */
    free(r.body);
    return keep;
}

static void *conn_main(void *arg) {
    sb_conn *cn = (sb_conn *)arg;
    sb_req *rq;
    int keep = 1;
    while (keep && read_request(cn, &rq)) {
        keep = handle_request(cn, rq);
        req_free(rq);
        cn->served++;                        /* the next request, if any, is on a reused connection */
    }
    conn_close(cn);
    pthread_mutex_lock(&cn->sb->mu);
    cn->done = 1;
    pthread_mutex_unlock(&cn->sb->mu);
    return NULL;
}

/* Join finished connection threads; return a free slot, or -1 when all are busy. */
static int reap_and_find_slot(sandbox *sb) {
    int i, free_slot = -1;
    for (i = 0; i < SANDBOX_MAX_CONNECTIONS; i++) {
        sb_conn *cn = &sb->conns[i];
        int done;
        pthread_mutex_lock(&sb->mu);
        done = cn->in_use && cn->done;
        pthread_mutex_unlock(&sb->mu);
        if (done) {
            pthread_join(cn->th, NULL);
            buf_free(&cn->in);
            cn->in_use = cn->done = 0;
        }
        if (!cn->in_use && free_slot < 0) free_slot = i;
    }
    return free_slot;
}

static void set_cloexec(int fd) { (void)fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC); }
static void set_nonblock(int fd) { (void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

/* Accept connections until stop; at SANDBOX_MAX_CONNECTIONS, wait for one to finish. */
static void *accept_main(void *arg) {
    sandbox *sb = (sandbox *)arg;
    for (;;) {
        struct pollfd p[2];
        int slot = reap_and_find_slot(sb), fd, one = 1;
        sb_conn *cn;
        if (slot < 0) {
            if (!sb_sleep(sb, 20)) break;
            continue;
        }
        p[0].fd = sb->listen_fd; p[0].events = POLLIN; p[0].revents = 0;
        p[1].fd = sb->wake[0];   p[1].events = POLLIN; p[1].revents = 0;
        if (poll(p, 2, 1000) < 0 && errno != EINTR) break;
        if (p[1].revents) break;
        if (!(p[0].revents & POLLIN)) continue;
        if ((fd = accept(sb->listen_fd, NULL, NULL)) < 0) {
            if (errno == EMFILE || errno == ENFILE) (void)sb_sleep(sb, 20);
            continue;
        }
        set_cloexec(fd);
        set_nonblock(fd);
        (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        cn = &sb->conns[slot];
        memset(cn, 0, sizeof *cn);
        cn->sb = sb;
        cn->fd = fd;
        cn->in_use = 1;
        if (pthread_create(&cn->th, NULL, conn_main, cn) != 0) {
            close(fd);
            cn->in_use = 0;
        }
    }
    return NULL;
}

/* ==== [public API] ========================================================================== */
static int open_listener(int port, int *bound_port) {
    struct sockaddr_in a;
    socklen_t alen = sizeof a;
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    if (fd < 0) return -1;
    set_cloexec(fd);
    (void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);            /* 127.0.0.1 only, never any */
    if (bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(fd, 128) < 0 ||
        getsockname(fd, (struct sockaddr *)&a, &alen) < 0) {
        close(fd);
        return -1;
    }
    set_nonblock(fd);
    *bound_port = ntohs(a.sin_port);
    return fd;
}

static void free_data(sandbox *sb) {
    size_t i;
    for (i = 0; i < sb->ntasks; i++) task_free(sb->tasks[i]);
    free(sb->tasks);
    log_clear_locked(sb);
    faults_clear_locked(sb);
    while (sb->rates) {
        sb_rate *r = sb->rates;
        sb->rates = r->next;
        free(r->token);
        free(r);
    }
    free(sb->token);
    lab_free(sb->lab);
    collab_free(sb->collab);
    hier_free(&sb->hier);
    hooks_free(sb->hooks);
    while (sb->template_edits) {
        sb_template_edit *e = sb->template_edits;
        sb->template_edits = e->next;
        free(e->name);
        free(e);
    }
}

sandbox *sandbox_start(const sandbox_opts *opts) {
    sandbox_opts o;
    sandbox *sb;
    if (opts) o = *opts;
    else memset(&o, 0, sizeof o);
    if (o.port < 0 || o.port > 65535) return NULL;
    sb = (sandbox *)sb_zalloc(sizeof *sb);
    sb->token = sb_strdup(o.token && *o.token ? o.token : SANDBOX_TOKEN);
    sb->rate_limit = o.rate_limit > 0 ? o.rate_limit : 0;
    sb->rate_window_s = o.rate_window_s > 0 ? o.rate_window_s : 60;
    sb->ntemplates = o.templates == 0 ? 150 : o.templates < 0 ? 0 : o.templates;
    hier_seed(&sb->hier);
    seed_big_list(sb, o.big_list_tasks == 0 ? 250 : o.big_list_tasks < 0 ? 0 : o.big_list_tasks);
    seed_small_list(sb);
    seed_other_lists(sb);
    hooks_init(sb, &o);
    sb->wake[0] = sb->wake[1] = -1;
    if (pthread_mutex_init(&sb->mu, NULL) != 0) { free_data(sb); free(sb); return NULL; }
    if (pipe(sb->wake) < 0 || (sb->listen_fd = open_listener(o.port, &sb->port)) < 0) goto fail;
    set_cloexec(sb->wake[0]);
    set_cloexec(sb->wake[1]);
    if (pthread_create(&sb->accept_th, NULL, accept_main, sb) != 0) { close(sb->listen_fd); goto fail; }
    return sb;
fail:
    if (sb->wake[0] >= 0) { close(sb->wake[0]); close(sb->wake[1]); }
    pthread_mutex_destroy(&sb->mu);
    free_data(sb);
    free(sb);
    return NULL;
}

void sandbox_stop(sandbox *s) {
    int i;
    if (!s) return;
    while (write(s->wake[1], "x", 1) < 0 && errno == EINTR) {}
    pthread_join(s->accept_th, NULL);
    for (i = 0; i < SANDBOX_MAX_CONNECTIONS; i++)
        if (s->conns[i].in_use) {
            pthread_join(s->conns[i].th, NULL);
            buf_free(&s->conns[i].in);
        }
    hooks_stop(s);                                      /* joins the delivery thread */
    close(s->listen_fd);
    close(s->wake[0]);
    close(s->wake[1]);
    pthread_mutex_destroy(&s->mu);
    free_data(s);
    free(s);
}

int sandbox_port(const sandbox *s) { return s ? s->port : 0; }

char *sandbox_base_url(const sandbox *s, char *buf, size_t n) {
    if (n) snprintf(buf, n, "http://127.0.0.1:%d/api/v2", sandbox_port(s));
    return buf;
}

void sandbox_fault(sandbox *s, const char *method, const char *path_prefix, sandbox_fault_kind kind, int count,
                   long arg) {
    sb_fault *f, **pp;
    if (!s || count == 0 || !sandbox_fault_kind_name(kind)) return;
    f = (sb_fault *)sb_zalloc(sizeof *f);
    f->method = method && *method ? sb_strdup(method) : NULL;
    f->prefix = path_prefix && *path_prefix ? sb_strdup(path_prefix) : NULL;
    f->kind = kind;
    f->count = count < 0 ? -1 : count;
    f->arg = arg;
    pthread_mutex_lock(&s->mu);
    for (pp = &s->faults; *pp; pp = &(*pp)->next) {}
    *pp = f;                                            /* oldest first */
    pthread_mutex_unlock(&s->mu);
}

void sandbox_fault_clear(sandbox *s) {
    pthread_mutex_lock(&s->mu);
    faults_clear_locked(s);
    pthread_mutex_unlock(&s->mu);
}

size_t sandbox_fault_pending(sandbox *s) {
    size_t n;
    pthread_mutex_lock(&s->mu);
    n = faults_count_locked(s);
    pthread_mutex_unlock(&s->mu);
    return n;
}

const char *sandbox_fault_kind_name(sandbox_fault_kind kind) {
    return (int)kind >= 1 && (size_t)kind < COUNT_OF(FAULT_NAMES) ? FAULT_NAMES[kind] : NULL;
}

sandbox_fault_kind sandbox_fault_kind_parse(const char *name) {
    size_t i;
    for (i = 1; name && i < COUNT_OF(FAULT_NAMES); i++)
        if (strcasecmp(name, FAULT_NAMES[i]) == 0) return (sandbox_fault_kind)i;
    return (sandbox_fault_kind)0;
}

size_t sandbox_request_count(sandbox *s, const char *method, const char *path_prefix) {
    size_t i, n = 0;
    pthread_mutex_lock(&s->mu);
    for (i = 0; i < s->nlog; i++) n += entry_matches(s->log[i], method, path_prefix);
    pthread_mutex_unlock(&s->mu);
    return n;
}

int sandbox_request_get(sandbox *s, size_t index, sandbox_request *out) {
    int rc = -1;
    pthread_mutex_lock(&s->mu);
    if (index < s->nlog) { *out = s->log[index]->pub; rc = 0; }
    pthread_mutex_unlock(&s->mu);
    return rc;
}

int sandbox_request_last(sandbox *s, const char *method, const char *path_prefix, sandbox_request *out) {
    size_t i;
    int rc = -1;
    pthread_mutex_lock(&s->mu);
    for (i = s->nlog; i-- > 0;)
        if (entry_matches(s->log[i], method, path_prefix)) { *out = s->log[i]->pub; rc = 0; break; }
    pthread_mutex_unlock(&s->mu);
    return rc;
}

const char *sandbox_request_query(const sandbox_request *req, const char *key, size_t nth) {
    size_t i;
    for (i = 0; req && key && i < req->param_count; i++)
        if (strcmp(req->params[i].key, key) == 0 && nth-- == 0) return req->params[i].value;
    return NULL;
}

size_t sandbox_request_query_count(const sandbox_request *req, const char *key) {
    size_t i, n = 0;
    for (i = 0; req && key && i < req->param_count; i++) n += strcmp(req->params[i].key, key) == 0;
    return n;
}

void sandbox_log_reset(sandbox *s) {
    pthread_mutex_lock(&s->mu);
    log_clear_locked(s);
    pthread_mutex_unlock(&s->mu);
}

void sandbox_reset(sandbox *s) {
    pthread_mutex_lock(&s->mu);
    log_clear_locked(s);
    faults_clear_locked(s);
    pthread_mutex_unlock(&s->mu);
}

size_t sandbox_count_429(sandbox *s) {
    size_t n;
    pthread_mutex_lock(&s->mu);
    n = s->count_429;
    pthread_mutex_unlock(&s->mu);
    return n;
}

int sandbox_rate_used(sandbox *s, const char *token) {
    const sb_rate *r;
    int used = 0;
    pthread_mutex_lock(&s->mu);
    for (r = s->rates; r; r = r->next)
        if (strcmp(r->token, token ? token : s->token) == 0 && r->window == (long long)time(NULL) / window_s(s))
            used = r->used;
    pthread_mutex_unlock(&s->mu);
    return used;
}

int sandbox_rate_peak(sandbox *s) {
    int n;
    pthread_mutex_lock(&s->mu);
    n = s->rate_peak;
    pthread_mutex_unlock(&s->mu);
    return n;
}

void sandbox_set_rate_limit(sandbox *s, int rate_limit, int window_s_) {
    pthread_mutex_lock(&s->mu);
    s->rate_limit = rate_limit > 0 ? rate_limit : 0;
    if (window_s_ > 0) s->rate_window_s = window_s_;
    pthread_mutex_unlock(&s->mu);
}

size_t sandbox_concurrent(sandbox *s) {
    size_t n;
    pthread_mutex_lock(&s->mu);
    n = s->busy;
    pthread_mutex_unlock(&s->mu);
    return n;
}

size_t sandbox_max_concurrent(sandbox *s) {
    size_t n;
    pthread_mutex_lock(&s->mu);
    n = s->busy_peak;
    pthread_mutex_unlock(&s->mu);
    return n;
}

void sandbox_max_concurrent_reset(sandbox *s) {
    pthread_mutex_lock(&s->mu);
    s->busy_peak = s->busy;
    pthread_mutex_unlock(&s->mu);
}

size_t sandbox_task_count(sandbox *s, const char *list_id) {
    const sb_list *l;
    size_t n;
    pthread_mutex_lock(&s->mu);
    l = list_id ? find_list(&s->hier, list_id) : NULL;
    n = l ? list_task_count(s, l) : 0;
    pthread_mutex_unlock(&s->mu);
    return n;
}

size_t sandbox_tasks_created(sandbox *s) {
    size_t n;
    pthread_mutex_lock(&s->mu);
    n = s->created;
    pthread_mutex_unlock(&s->mu);
    return n;
}

int sandbox_template_edit(sandbox *s, const char *template_id, const char *name, int removed) {
    sb_template_edit *e;
    long long n;
    if (!s || !template_id) return -1;
    pthread_mutex_lock(&s->mu);
    n = strncmp(template_id, "t-86b3e", 7) == 0 ? parse_ull(template_id + 7) : 0;
    if (n < 1 || n > s->ntemplates) { pthread_mutex_unlock(&s->mu); return -1; }
    if (!(e = template_edit_find(s, (int)n))) {
        e = (sb_template_edit *)sb_zalloc(sizeof *e);
        e->number = (int)n;
        e->next = s->template_edits;
        s->template_edits = e;
    }
    if (name) { free(e->name); e->name = sb_strdup(name); }
    if (removed >= 0) e->removed = removed;
    pthread_mutex_unlock(&s->mu);
    return 0;
}

/* ---- webhook deliveries (sandbox.h WEBHOOKS) ---- */
size_t sandbox_webhook_pending(sandbox *s) {
    size_t n;
    pthread_mutex_lock(&s->mu);
    n = s->hooks->queued + s->hooks->inflight;
    pthread_mutex_unlock(&s->mu);
    return n;
}

int sandbox_webhook_wait_idle(sandbox *s, int timeout_ms) {
    int64_t until = mono_ms() + (timeout_ms > 0 ? timeout_ms : 0);
    int rc;
    pthread_mutex_lock(&s->mu);
    while (s->hooks->queued + s->hooks->inflight && mono_ms() < until) hooks_wait(s->hooks, &s->mu, until - mono_ms());
    rc = s->hooks->queued + s->hooks->inflight ? -1 : 0;
    pthread_mutex_unlock(&s->mu);
    return rc;
}

size_t sandbox_webhook_attempts(sandbox *s) {
    size_t n;
    pthread_mutex_lock(&s->mu);
    n = s->hooks->attempts;
    pthread_mutex_unlock(&s->mu);
    return n;
}

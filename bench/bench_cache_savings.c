/* bench_cache_savings - API calls saved by clickup.h's response cache on a recorded dashboard
   workload, and reads that came back stale after the client's own writes.

   usage: bench_cache_savings

   One simulated hour on an injected clock (cfg.hooks), against an in-process fake ClickUp
   (cfg.transport) that answers canned JSON and costs 20 ms of fake time per exchange:
     Team Central (its own client): every 10 s, clickup_spaces_get + clickup_members_get.
     The Operator (its own client): every 30 s, clickup_tasks_get of lists 2101 and 2102; at
       0:45 and then every 2 min, a write in one of them, alternating the lists: create a task
       (clickup_task_create) or rename one (clickup_task_update), alternating per list.
   Each list has a version counter on the server, bumped by every write to it and carried in
   the list's task page (the first task, "86v<list>", has the version as its name). A read is
   stale when the first poll of a list after an own write to it returns an older version than
   that write produced.

   The same workload runs twice: default configuration (cache on: spaces and members 1 h,
   task pages 5 min) and cfg.disable_cache = 1. API calls = transport invocations, both clients.

   Output: cache_savings: 91.2 % fewer API calls, 0 stale reads after own writes
   (the stale count is the cached run's; the uncached one is checked to be 0 too).
   No timing is asserted. BENCH_VERBOSE=1 prints the call counts on stderr. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

#include "bench_util.h"

#define HOUR_MS       3600000ULL
#define TC_EVERY      10000ULL
#define OP_EVERY      30000ULL
#define WRITE_FIRST   45000ULL
#define WRITE_EVERY   120000ULL
#define LATENCY_MS    20
#define NLISTS        2
#define MAX_TASKS     64

static const char *const list_ids[NLISTS] = { "2101", "2102" };

static void die(const char *what)
{
    fprintf(stderr, "bench_cache_savings: %s\n", what);
    exit(1);
}

/* ---- the fake ClickUp --------------------------------------------------------------------- */
typedef struct fake {
    uint64_t now;
    long     calls, gets, writes;
    long     version[NLISTS];
    int      ntasks[NLISTS];
    char     names[NLISTS][MAX_TASKS][48];
    char    *body;
    size_t   cap;
} fake;

static int list_index(const char *id, size_t n)
{
    int i;
    for (i = 0; i < NLISTS; i++)
        if (strlen(list_ids[i]) == n && memcmp(list_ids[i], id, n) == 0) return i;
    return -1;
}

static void put(fake *f, size_t *len, const char *fmt, const char *a, long b)
{
    int k;
    for (;;) {
        k = snprintf(f->body + *len, f->cap - *len, fmt, a, b);
        if (k >= 0 && (size_t)k < f->cap - *len) break;
        f->cap *= 2;
        if (!(f->body = (char *)realloc(f->body, f->cap))) die("out of memory");
    }
    *len += (size_t)k;
}

static void task_json(fake *f, size_t *len, int l, int k)
{
    char id[32];
    snprintf(id, sizeof id, k == 0 ? "86v%s" : "86l%st%d", list_ids[l], k);
    put(f, len, "{\"id\":\"%s\",\"custom_id\":null,\"name\":\"", id, 0);
    if (k == 0) put(f, len, "%s%ld", "", f->version[l]);
    else put(f, len, "%s", f->names[l][k], 0);
    put(f, len, "\",\"status\":{\"id\":\"p1\",\"status\":\"to do\",\"color\":\"#d3d3d3\",\"orderindex\":0,\"type\":\"open\"},"
                "\"orderindex\":\"%s\",\"date_created\":\"1700000000000\",\"date_updated\":\"1700000000000\","
                "\"creator\":{\"id\":183,\"username\":\"Ada\"},\"assignees\":[],\"watchers\":[],\"tags\":[],"
                "\"checklists\":[],\"priority\":null,\"custom_fields\":[],\"url\":\"https://app.clickup.com/t/x\",",
        "1.0", 0);
    put(f, len, "\"list\":{\"id\":\"%s\",\"name\":\"List\",\"access\":true},\"folder\":{\"id\":\"1100\"},"
                "\"space\":{\"id\":\"790\"},\"team_id\":\"9001\"}", list_ids[l], 0);
}

static clickup_transport_status fake_transport(void *u, const clickup_http_request *rq, clickup_http_response *r)
{
    fake *f = (fake *)u;
    const char *path = strstr(rq->url, "/api/v2");
    size_t len = 0;
    memset(r, 0, sizeof *r);
    f->now += LATENCY_MS;
    f->calls++;
    if (!path) die("unexpected URL");
    path += 7;
    f->body[0] = '\0';
    r->status = 200;
    if (strcmp(rq->method, "GET") == 0) {
        f->gets++;
        if (strcmp(path, "/team") == 0) {
            put(f, &len, "%s", "{\"teams\":[{\"id\":\"9001\",\"name\":\"Agency\",\"members\":["
                "{\"user\":{\"id\":183,\"username\":\"Ada Owner\",\"role\":1}},"
                "{\"user\":{\"id\":2772463,\"username\":\"Grace Member\",\"role\":3}}]}]}", 0);
        } else if (strncmp(path, "/team/9001/space", 16) == 0) {
            put(f, &len, "%s", "{\"spaces\":[{\"id\":\"790\",\"name\":\"Client A\",\"private\":false,\"statuses\":[]},"
                "{\"id\":\"791\",\"name\":\"Private Ops\",\"private\":true,\"statuses\":[]}]}", 0);
        } else if (strncmp(path, "/list/", 6) == 0 && strstr(path, "/task?")) {
            int l = list_index(path + 6, (size_t)(strchr(path + 6, '/') - (path + 6))), k;
            if (l < 0) die("unknown list");
            put(f, &len, "%s", "{\"tasks\":[", 0);
            for (k = 0; k < f->ntasks[l]; k++) {
                if (k) put(f, &len, "%s", ",", 0);
                task_json(f, &len, l, k);
            }
            put(f, &len, "%s", "],\"last_page\":true}", 0);
        } else {
            die("unexpected GET");
        }
    } else {
        int l = -1, k = -1;
        f->writes++;
        if (strcmp(rq->method, "POST") == 0 && strncmp(path, "/list/", 6) == 0) {
            l = list_index(path + 6, (size_t)(strchr(path + 6, '/') - (path + 6)));
            if (l < 0 || f->ntasks[l] >= MAX_TASKS) die("bad create");
            k = f->ntasks[l]++;
            snprintf(f->names[l][k], sizeof f->names[l][k], "created %ld", f->writes);
        } else if (strcmp(rq->method, "PUT") == 0 && strncmp(path, "/task/86l", 9) == 0) {
            l = list_index(path + 9, 4);
            k = atoi(path + 14);
            if (l < 0 || k <= 0 || k >= f->ntasks[l]) die("bad update");
            snprintf(f->names[l][k], sizeof f->names[l][k], "renamed %ld", f->writes);
        } else {
            die("unexpected write");
        }
        f->version[l]++;
        task_json(f, &len, l, k);
    }
    r->body = f->body;
    r->body_len = len;
    return CLICKUP_TRANSPORT_OK;
}

static uint64_t fk_now(void *u) { return ((fake *)u)->now; }
static int64_t fk_wall(void *u) { return 1700000000000LL + (int64_t)((fake *)u)->now; }
static void fk_sleep(void *u, uint64_t ms) { ((fake *)u)->now += ms; }

static clickup_client *make_client(fake *f, int disable_cache)
{
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_config_init(&cfg);
    cfg.token = "pk_bench_cache";
    cfg.team_id = "9001";
    cfg.disable_cache = disable_cache;
    cfg.transport = fake_transport;
    cfg.transport_user = f;
    cfg.hooks.now_ms = fk_now;
    cfg.hooks.wall_ms = fk_wall;
    cfg.hooks.sleep_ms = fk_sleep;
    cfg.hooks.user = f;
    if (clickup_client_create(&cfg, &c) != CLICKUP_OK) die("clickup_client_create failed");
    return c;
}

static void check(clickup_client *c, clickup_result rc, const char *what)
{
    if (rc == CLICKUP_OK) return;
    fprintf(stderr, "bench_cache_savings: %s: %s (%s)\n", what, clickup_strerror(rc), clickup_last_error(c)->message);
    exit(1);
}

typedef struct outcome { long calls, stale, polls, writes; } outcome;

static outcome run(int disable_cache)
{
    fake f;
    clickup_client *tc, *op;
    uint64_t t_tc = 0, t_op = 0, t_w = WRITE_FIRST;
    long expect[NLISTS];          /* version an own write produced, awaiting the next poll; -1 none */
    int l, nwrite = 0, k;
    outcome o;
    memset(&f, 0, sizeof f);
    memset(&o, 0, sizeof o);
    f.cap = 1 << 16;
    if (!(f.body = (char *)malloc(f.cap))) die("out of memory");
    for (l = 0; l < NLISTS; l++) {
        f.ntasks[l] = 4;
        f.version[l] = 1;
        expect[l] = -1;
        for (k = 1; k < 4; k++) snprintf(f.names[l][k], sizeof f.names[l][k], "task %d", k);
    }
    tc = make_client(&f, disable_cache);
    op = make_client(&f, disable_cache);
    for (;;) {
        uint64_t next = t_tc;
        if (t_op < next) next = t_op;
        if (t_w < next) next = t_w;
        if (next >= HOUR_MS) break;
        if (f.now < next) f.now = next;
        if (next == t_tc) {                                   /* Team Central */
            clickup_spaces *sp = NULL;
            clickup_members *mb = NULL;
            check(tc, clickup_spaces_get(tc, NULL, &sp), "clickup_spaces_get");
            check(tc, clickup_members_get(tc, &mb), "clickup_members_get");
            if (sp->count != 2 || mb->count != 2) die("unexpected spaces or members");
            clickup_spaces_free(sp);
            clickup_members_free(mb);
            t_tc += TC_EVERY;
        } else if (next == t_op) {                            /* The Operator: poll both lists */
            for (l = 0; l < NLISTS; l++) {
                clickup_task_query q;
                clickup_tasks *ts = NULL;
                long v;
                memset(&q, 0, sizeof q);
                q.list_id = list_ids[l];
                check(op, clickup_tasks_get(op, &q, &ts), "clickup_tasks_get");
                if (ts->count < 1) die("empty list page");
                v = atol(ts->items[0].name);
                if (expect[l] >= 0 && v < expect[l]) o.stale++;
                expect[l] = -1;
                o.polls++;
                clickup_tasks_free(ts);
            }
            t_op += OP_EVERY;
        } else {                                              /* The Operator: one write */
            clickup_task *t = NULL;
            l = nwrite % NLISTS;
            if ((nwrite / NLISTS) % 2 == 0) {
                clickup_task_new nt;
                memset(&nt, 0, sizeof nt);
                nt.name = "Follow up with the client";
                check(op, clickup_task_create(op, list_ids[l], &nt, &t), "clickup_task_create");
            } else {
                clickup_task_changes ch;
                char ref[32];
                memset(&ch, 0, sizeof ch);
                ch.name = "Follow up (renamed)";
                snprintf(ref, sizeof ref, "86l%st%d", list_ids[l], 1 + nwrite % 3);
                check(op, clickup_task_update(op, ref, &ch, &t), "clickup_task_update");
            }
            clickup_task_free(t);
            expect[l] = f.version[l];
            nwrite++;
            o.writes++;
            t_w += WRITE_EVERY;
        }
    }
    o.calls = f.calls;
    if (bench_verbose()) {
        clickup_metrics m1, m2;
        clickup_metrics_get(tc, &m1);
        clickup_metrics_get(op, &m2);
        fprintf(stderr, "bench_cache_savings: cache %s: %ld API calls (%ld GET, %ld writes), %ld list polls, "
                "%ld stale; cache hits %llu + %llu\n", disable_cache ? "off" : "on ", f.calls, f.gets, f.writes,
                o.polls, o.stale, (unsigned long long)m1.cache_hits, (unsigned long long)m2.cache_hits);
    }
    clickup_client_destroy(tc);
    clickup_client_destroy(op);
    free(f.body);
    return o;
}

int main(void)
{
    outcome on, off;
    if (clickup_global_init() != CLICKUP_OK) die("clickup_global_init failed");
    on = run(0);
    off = run(1);
    clickup_global_cleanup();
    if (off.calls <= 0) die("no calls");
    printf("cache_savings: %.1f %% fewer API calls, %ld stale reads after own writes\n",
           100.0 * (1.0 - (double)on.calls / (double)off.calls), on.stale);
    fflush(stdout);
    if (off.stale) {
        fprintf(stderr, "bench_cache_savings: %ld stale reads even without the cache: the bench is broken\n", off.stale);
        return 1;
    }
    return 0;
}

/* bench_dashboard_world.h - the fake ClickUp of the dashboard hour, shared by
   bench_cache_savings.c and bench_cache_savings_webhooks.c (see bench_cache_savings.c for the
   workload). An in-process ClickUp behind cfg.transport, on an injected clock (cfg.hooks):
   the workspace's spaces and members, and two lists whose task pages carry a version counter
   (the first task, "86v<list>", has it as its name), bumped by every write to the list. Every
   exchange costs LATENCY_MS of fake time.

   The including file defines `static void die(const char *what)` first; it owns the transport
   callback, built from dashboard_begin, dashboard_get, dashboard_write_target and
   dashboard_apply_write, and makes the world the first member of its own state (or the state
   itself) so that the clock hooks can read it through the same user pointer. */
#ifndef BENCH_DASHBOARD_WORLD_H
#define BENCH_DASHBOARD_WORLD_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOUR_MS       3600000ULL
#define TC_EVERY      10000ULL           /* Team Central's reads           */
#define OP_EVERY      30000ULL           /* the Operator's polls           */
#define WRITE_FIRST   45000ULL           /* the Operator's writes: first,  */
#define WRITE_EVERY   120000ULL          /* ... then every                 */
#define LATENCY_MS    20
#define NLISTS        2
#define MAX_TASKS     64

static const char *const list_ids[NLISTS] = { "2101", "2102" };

typedef struct dashboard_world {
    uint64_t now;                        /* fake ms                                 */
    long     calls, gets, writes;        /* transport invocations, of them GET, not */
    long     version[NLISTS];
    int      ntasks[NLISTS];
    char     names[NLISTS][MAX_TASKS][48];
    char    *body;                       /* the answer being built                  */
    size_t   cap;
} dashboard_world;

/* Four tasks per list, version 1. */
static void dashboard_init(dashboard_world *f)
{
    int l, k;
    memset(f, 0, sizeof *f);
    f->cap = 1 << 16;
    if (!(f->body = (char *)malloc(f->cap))) die("out of memory");
    for (l = 0; l < NLISTS; l++) {
        f->ntasks[l] = 4;
        f->version[l] = 1;
        for (k = 1; k < 4; k++) snprintf(f->names[l][k], sizeof f->names[l][k], "task %d", k);
    }
}

static int list_index(const char *id, size_t n)
{
    int i;
    for (i = 0; i < NLISTS; i++)
        if (strlen(list_ids[i]) == n && memcmp(list_ids[i], id, n) == 0) return i;
    return -1;
}

/* Append to the answer: fmt with the string a and the long b (either may be unused). */
static void put(dashboard_world *f, size_t *len, const char *fmt, const char *a, long b)
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

static void task_id(char *id, size_t n, int l, int k)
{
    snprintf(id, n, k == 0 ? "86v%s" : "86l%st%d", list_ids[l], k);
}

static void task_json(dashboard_world *f, size_t *len, int l, int k)
{
    char id[32];
    task_id(id, sizeof id, l, k);
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

/* An exchange begins: its cost, its count, an empty 200. Returns the path after /api/v2. */
static const char *dashboard_begin(dashboard_world *f, const clickup_http_request *rq, clickup_http_response *r)
{
    const char *path = strstr(rq->url, "/api/v2");
    memset(r, 0, sizeof *r);
    f->now += LATENCY_MS;
    f->calls++;
    if (!path) die("unexpected URL");
    f->body[0] = '\0';
    r->status = 200;
    return path + 7;
}

/* A GET: the workspace, its spaces, or a list's task page. */
static void dashboard_get(dashboard_world *f, const char *path, size_t *len)
{
    f->gets++;
    if (strcmp(path, "/team") == 0) {
        put(f, len, "%s", "{\"teams\":[{\"id\":\"9001\",\"name\":\"Agency\",\"members\":["
            "{\"user\":{\"id\":183,\"username\":\"Ada Owner\",\"role\":1}},"
            "{\"user\":{\"id\":2772463,\"username\":\"Grace Member\",\"role\":3}}]}]}", 0);
    } else if (strncmp(path, "/team/9001/space", 16) == 0) {
        put(f, len, "%s", "{\"spaces\":[{\"id\":\"790\",\"name\":\"Client A\",\"private\":false,\"statuses\":[]},"
            "{\"id\":\"791\",\"name\":\"Private Ops\",\"private\":true,\"statuses\":[]}]}", 0);
    } else if (strncmp(path, "/list/", 6) == 0 && strstr(path, "/task?")) {
        int l = list_index(path + 6, (size_t)(strchr(path + 6, '/') - (path + 6))), k;
        if (l < 0) die("unknown list");
        put(f, len, "%s", "{\"tasks\":[", 0);
        for (k = 0; k < f->ntasks[l]; k++) {
            if (k) put(f, len, "%s", ",", 0);
            task_json(f, len, l, k);
        }
        put(f, len, "%s", "],\"last_page\":true}", 0);
    } else {
        die("unexpected GET");
    }
}

/* A write: POST /list/{id}/task (a create: *k = -1) or PUT /task/86l{list}t{k} (a rename). */
static void dashboard_write_target(dashboard_world *f, const char *method, const char *path, int *l, int *k)
{
    f->writes++;
    *k = -1;
    if (strcmp(method, "POST") == 0 && strncmp(path, "/list/", 6) == 0) {
        *l = list_index(path + 6, (size_t)(strchr(path + 6, '/') - (path + 6)));
    } else if (strcmp(method, "PUT") == 0 && strncmp(path, "/task/86l", 9) == 0) {
        *l = list_index(path + 9, 4);
        *k = atoi(path + 14);
    } else {
        die("unexpected write");
    }
    if (*l < 0) die("a write to an unknown list");
}

/* Do it: a new task (k < 0) or task k renamed; the list's version goes up. The task's index. */
static int dashboard_apply_write(dashboard_world *f, int l, int k)
{
    if (k < 0) {
        if (f->ntasks[l] >= MAX_TASKS) die("bad create");
        k = f->ntasks[l]++;
        snprintf(f->names[l][k], sizeof f->names[l][k], "created %ld", f->writes);
    } else {
        if (k <= 0 || k >= f->ntasks[l]) die("bad update");
        snprintf(f->names[l][k], sizeof f->names[l][k], "renamed %ld", f->writes);
    }
    f->version[l]++;
    return k;
}

/* The clock hooks; user points at the world (or at a state that starts with it). */
static uint64_t fk_now(void *u) { return ((dashboard_world *)u)->now; }
static int64_t fk_wall(void *u) { return 1700000000000LL + (int64_t)((dashboard_world *)u)->now; }
static void fk_sleep(void *u, uint64_t ms) { ((dashboard_world *)u)->now += ms; }

#endif /* BENCH_DASHBOARD_WORLD_H */

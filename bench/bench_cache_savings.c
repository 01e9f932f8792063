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

static void die(const char *what)
{
    fprintf(stderr, "bench_cache_savings: %s\n", what);
    exit(1);
}

#include "bench_dashboard_world.h"

/* ---- the fake ClickUp (bench_dashboard_world.h) ------------------------------------------ */
typedef dashboard_world fake;

static clickup_transport_status fake_transport(void *u, const clickup_http_request *rq, clickup_http_response *r)
{
    fake *f = (fake *)u;
    const char *path = dashboard_begin(f, rq, r);
    size_t len = 0;
    if (strcmp(rq->method, "GET") == 0) {
        dashboard_get(f, path, &len);
    } else {
        int l, k;
        dashboard_write_target(f, rq->method, path, &l, &k);
        task_json(f, &len, l, dashboard_apply_write(f, l, k));
    }
    r->body = f->body;
    r->body_len = len;
    return CLICKUP_TRANSPORT_OK;
}

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
    int l, nwrite = 0;
    outcome o;
    dashboard_init(&f);
    memset(&o, 0, sizeof o);
    for (l = 0; l < NLISTS; l++) expect[l] = -1;
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

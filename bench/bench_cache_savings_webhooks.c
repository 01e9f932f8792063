/* bench_cache_savings_webhooks - bench_cache_savings's dashboard hour with webhook-driven
   invalidation: the events the changes cause are applied to the clients' caches
   (clickup_cache_apply_event), and the TTLs are long (24 h), instead of relying on TTLs.

   usage: bench_cache_savings_webhooks

   The hour, the clients and the fake ClickUp are bench_cache_savings's (see there; the fake
   ClickUp is bench_dashboard_world.h, shared by both): Team
   Central reads spaces and members every 10 s; the Operator polls lists 2101 and 2102 every
   30 s and, at 0:45 and then every 2 min, creates or renames a task in one of them (30
   writes). API calls = transport invocations of both clients, writes included.
   What is added: for every write the fake ClickUp sends the event ClickUp would (taskCreated
   with its "status" and "task_creation" history items, or taskUpdated with a "name" item;
   task_id and webhook_id, no list_id, as ClickUp's task events), as bytes signed with the
   webhook's secret, delivered 1 s of fake time later. The receiver does what
   examples/webhook_receiver.c does: clickup_webhook_verify, clickup_webhook_event_parse,
   clickup_webhook_dedup_seen, then clickup_cache_apply_event on both clients.
   A read is stale when a list page misses a change made more than 1 s (the delivery time)
   before it, whoever made it: stricter than bench_cache_savings's rule (which checks the
   first poll after an own write only), since with long TTLs nothing else would catch up.

   Output, one line:
     cache_savings_webhooks: 90.5 % fewer API calls, 0 stale reads (24 h TTLs + 30 events;
     TTL-only on this hour 93.5 %, 0 stale; changes made elsewhere: 93.3 %, 0 stale vs
     TTL-only 97.5 %, 138 stale)
   The first figures are this hour as bench_cache_savings runs it, with webhooks; then the
   TTL-only cache on the same hour (today's cache_savings figure); then the same hour with the
   30 changes made by someone else (in ClickUp, not through these clients: the dashboard makes
   only reads), where TTLs alone serve stale pages and the events do not.
   The floor: each change must be read again once (a page that shows it), so with 30 changes
   of one list each at least 4 + 30 GETs (and, when the writes are the dashboard's own, 30
   writes) are needed: 93.5 % (own writes) or 96.5 % (changes elsewhere) at best, whatever the
   invalidation. Task events name no list, so clickup_cache_apply_event drops every list's task
   pages for each: BENCH_VERBOSE=1 prints each run's counts on stderr, and two what-if runs in
   which the receiver takes the list from the history items' parent_id before applying an
   event (they reach the floor). No timing is asserted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

#include "bench_util.h"

#define DELIVERY_MS   1000ULL          /* from a change to its event at the receiver           */
#define LONG_TTL_MS   86400000L
#define MAX_EVENTS    64
#define WEBHOOK_ID    "4b67ac88-e506-4a29-9d42-26e504e3435e"
#define SECRET        "O94IM25S7PXBPYTMNXLLET230SRP0S89COR7B1YOJ2ZIE8WQNK5UUKEF26W0Z5GA"

static void die(const char *what)
{
    fprintf(stderr, "bench_cache_savings_webhooks: %s\n", what);
    exit(1);
}

#include "bench_dashboard_world.h"

/* ---- the fake ClickUp (bench_dashboard_world.h, plus events) ------------------------------ */
typedef struct event {
    uint64_t due;                      /* fake time it reaches the receiver                    */
    char     body[1024];
    char     signature[65];
} event;

typedef struct fake {
    dashboard_world w;                  /* first: the clock hooks read it through f         */
    long     history[NLISTS][MAX_TASKS]; /* version of change k of a list, and its time:   */
    uint64_t changed_at[NLISTS][MAX_TASKS];
    int      nchanges[NLISTS];
    event    events[MAX_EVENTS];        /* sent, not yet delivered                             */
    int      nevents;
    unsigned long long next_item;
} fake;

/* One history item of list l's task, as ClickUp's task events carry them. */
static int history_item(fake *f, char *out, size_t n, int l, const char *field, const char *after)
{
    return snprintf(out, n, "{\"id\":\"%llu\",\"type\":1,\"date\":\"%llu\",\"field\":\"%s\",\"parent_id\":\"%s\","
                    "\"data\":{},\"source\":null,\"user\":{\"id\":183,\"username\":\"Ada\"},\"before\":null,\"after\":%s}",
                    2800000000000000000ULL + ++f->next_item, 1700000000000ULL + (unsigned long long)f->w.now, field,
                    list_ids[l], after);
}

/* The event of a change to task k of list l, signed, due DELIVERY_MS from now. */
static void send_event(fake *f, int l, int k, int created)
{
    event *e;
    char items[700], id[32];
    unsigned char mac[32];
    int i, n;
    if (f->nevents == MAX_EVENTS) die("too many events in flight");
    e = &f->events[f->nevents++];
    task_id(id, sizeof id, l, k);
    if (created) {
        n = history_item(f, items, sizeof items, l, "status", "{\"status\":\"to do\",\"type\":\"open\"}");
        items[n++] = ',';
        history_item(f, items + n, sizeof items - (size_t)n, l, "task_creation", "null");
    } else {
        history_item(f, items, sizeof items, l, "name", "\"renamed\"");
    }
    snprintf(e->body, sizeof e->body, "{\"event\":\"%s\",\"history_items\":[%s],\"task_id\":\"%s\",\"webhook_id\":\"%s\"}",
             created ? "taskCreated" : "taskUpdated", items, id, WEBHOOK_ID);
    if (clickup_hmac_sha256(SECRET, strlen(SECRET), e->body, strlen(e->body), mac) != CLICKUP_OK) die("hmac");
    for (i = 0; i < 32; i++) snprintf(e->signature + 2 * i, 3, "%02x", mac[i]);
    e->due = f->w.now + DELIVERY_MS;
}

/* A write to list l: a new task, or task k renamed (k < 0: create). The new version of the
   list is remembered with its time, and the event goes out. Returns the task's index. */
static int apply_write(fake *f, int l, int k)
{
    int created = k < 0;
    k = dashboard_apply_write(&f->w, l, k);
    if (f->nchanges[l] < MAX_TASKS) {
        f->history[l][f->nchanges[l]] = f->w.version[l];
        f->changed_at[l][f->nchanges[l]++] = f->w.now;
    }
    send_event(f, l, k, created);
    return k;
}

static clickup_transport_status fake_transport(void *u, const clickup_http_request *rq, clickup_http_response *r)
{
    fake *f = (fake *)u;
    const char *path = dashboard_begin(&f->w, rq, r);
    size_t len = 0;
    if (strcmp(rq->method, "GET") == 0) {
        dashboard_get(&f->w, path, &len);
    } else {
        int l, k;
        dashboard_write_target(&f->w, rq->method, path, &l, &k);
        task_json(&f->w, &len, l, apply_write(f, l, k));
    }
    r->body = f->w.body;
    r->body_len = len;
    return CLICKUP_TRANSPORT_OK;
}

/* ---- one run -------------------------------------------------------------------------------- */
typedef struct scenario {
    int disable_cache;
    int webhooks;                      /* apply the events; 24 h TTLs                          */
    int elsewhere;                     /* the changes are made in ClickUp, not by the Operator */
    int narrow;                        /* (BENCH_VERBOSE) what-if: the list of a task event
                                          taken from its history items' parent_id            */
} scenario;

typedef struct outcome { long calls, stale, polls, writes, events, redeliveries; } outcome;

static clickup_client *make_client(fake *f, const scenario *s)
{
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_config_init(&cfg);
    cfg.token = "pk_bench_cache";
    cfg.team_id = "9001";
    cfg.disable_cache = s->disable_cache;
    if (s->webhooks) cfg.cache_ttl_spaces_ms = cfg.cache_ttl_tasks_ms = cfg.cache_ttl_hierarchy_ms = LONG_TTL_MS;
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
    fprintf(stderr, "bench_cache_savings_webhooks: %s: %s (%s)\n", what, clickup_strerror(rc), clickup_last_error(c)->message);
    exit(1);
}

/* The receiver: every event due by now is verified, decoded, de-duplicated and applied to
   both clients' caches (webhook runs), or simply dropped (TTL-only runs). */
static void deliver_events(fake *f, const scenario *s, clickup_client *const *clients, clickup_webhook_dedup *dd,
                           outcome *o)
{
    static const char *const secrets[1] = { SECRET };
    int i = 0, c;
    while (i < f->nevents) {
        event *e = &f->events[i];
        clickup_webhook_event *ev = NULL;
        if (e->due > f->w.now) { i++; continue; }
        if (s->webhooks) {
            if (clickup_webhook_verify(e->body, strlen(e->body), e->signature, secrets, 1, NULL) != CLICKUP_OK)
                die("an event's signature does not verify");
            if (clickup_webhook_event_parse(e->body, strlen(e->body), NULL, &ev) != CLICKUP_OK) die("an event does not decode");
            if (s->narrow && !ev->list_id && ev->history_item_count && ev->type != CLICKUP_EVENT_TASK_MOVED)
                ev->list_id = ev->history_items[0].parent_id;
            if (clickup_webhook_dedup_seen(dd, ev)) o->redeliveries++;
            else for (c = 0; c < 2; c++) check(clients[c], clickup_cache_apply_event(clients[c], ev), "clickup_cache_apply_event");
            clickup_webhook_event_free(ev);
            o->events++;
        }
        *e = f->events[--f->nevents];          /* order does not matter: each is applied alone */
    }
}

/* The version list l must show at least, for a read now: its last change made more than
   DELIVERY_MS ago (1 when none). */
static long must_show(const fake *f, int l)
{
    long v = 1;
    int k;
    for (k = 0; k < f->nchanges[l]; k++)
        if (f->changed_at[l][k] + DELIVERY_MS <= f->w.now) v = f->history[l][k];
    return v;
}

static void team_central(clickup_client *tc)
{
    clickup_spaces *sp = NULL;
    clickup_members *mb = NULL;
    check(tc, clickup_spaces_get(tc, NULL, &sp), "clickup_spaces_get");
    check(tc, clickup_members_get(tc, &mb), "clickup_members_get");
    if (sp->count != 2 || mb->count != 2) die("unexpected spaces or members");
    clickup_spaces_free(sp);
    clickup_members_free(mb);
}

static void poll_lists(fake *f, clickup_client *op, outcome *o)
{
    int l;
    for (l = 0; l < NLISTS; l++) {
        clickup_task_query q;
        clickup_tasks *ts = NULL;
        long need = must_show(f, l);
        memset(&q, 0, sizeof q);
        q.list_id = list_ids[l];
        check(op, clickup_tasks_get(op, &q, &ts), "clickup_tasks_get");
        if (ts->count < 1) die("empty list page");
        if (atol(ts->items[0].name) < need) o->stale++;
        o->polls++;
        clickup_tasks_free(ts);
    }
}

/* Write number n: create a task or rename one, alternating the lists; through the Operator's
   client, or straight into the fake ClickUp when the change is made elsewhere. */
static void one_write(fake *f, const scenario *s, clickup_client *op, int n)
{
    int l = n % NLISTS, create = (n / NLISTS) % 2 == 0, k = 1 + n % 3;
    clickup_task *t = NULL;
    if (s->elsewhere) {
        apply_write(f, l, create ? -1 : k);
    } else if (create) {
        clickup_task_new nt;
        memset(&nt, 0, sizeof nt);
        nt.name = "Follow up with the client";
        check(op, clickup_task_create(op, list_ids[l], &nt, &t), "clickup_task_create");
    } else {
        clickup_task_changes ch;
        char ref[32];
        memset(&ch, 0, sizeof ch);
        ch.name = "Follow up (renamed)";
        snprintf(ref, sizeof ref, "86l%st%d", list_ids[l], k);
        check(op, clickup_task_update(op, ref, &ch, &t), "clickup_task_update");
    }
    clickup_task_free(t);
}

static outcome run(const scenario *s)
{
    fake f;
    clickup_client *clients[2];
    clickup_webhook_dedup *dd = NULL;
    uint64_t t_tc = 0, t_op = 0, t_w = WRITE_FIRST;
    int nwrite = 0;
    outcome o;
    memset(&f, 0, sizeof f);
    memset(&o, 0, sizeof o);
    dashboard_init(&f.w);
    clients[0] = make_client(&f, s);                   /* Team Central */
    clients[1] = make_client(&f, s);                   /* The Operator */
    if (clickup_webhook_dedup_create(1024, NULL, &dd) != CLICKUP_OK) die("out of memory");
    for (;;) {
        uint64_t next = t_tc < t_op ? t_tc : t_op;
        if (t_w < next) next = t_w;
        if (next >= HOUR_MS) break;
        if (f.w.now < next) f.w.now = next;
        deliver_events(&f, s, clients, dd, &o);
        if (next == t_tc) { team_central(clients[0]); t_tc += TC_EVERY; }
        else if (next == t_op) { poll_lists(&f, clients[1], &o); t_op += OP_EVERY; }
        else { one_write(&f, s, clients[1], nwrite++); o.writes++; t_w += WRITE_EVERY; }
    }
    o.calls = f.w.calls;
    if (bench_verbose())
        fprintf(stderr, "bench_cache_savings_webhooks: cache %s, %s, changes %s: %ld API calls (%ld GET, %ld writes), "
                "%ld polls, %ld stale, %ld events applied\n", s->disable_cache ? "off" : "on ",
                s->narrow ? "webhooks narrowed to parent_id's list + 24 h TTLs"
                          : s->webhooks ? "webhooks + 24 h TTLs" : "TTLs only", s->elsewhere ? "elsewhere" : "own",
                f.w.calls, f.w.gets, f.w.calls - f.w.gets, o.polls, o.stale, o.events);
    clickup_webhook_dedup_destroy(dd);
    clickup_client_destroy(clients[0]);
    clickup_client_destroy(clients[1]);
    free(f.w.body);
    return o;
}

static double saved(const outcome *with, const outcome *without)
{
    return 100.0 * (1.0 - (double)with->calls / (double)without->calls);
}

int main(void)
{
    static const scenario own_off = { 1, 0, 0, 0 }, own_ttl = { 0, 0, 0, 0 }, own_hooks = { 0, 1, 0, 0 };
    static const scenario else_off = { 1, 0, 1, 0 }, else_ttl = { 0, 0, 1, 0 }, else_hooks = { 0, 1, 1, 0 };
    static const scenario what_if[2] = { { 0, 1, 0, 1 }, { 0, 1, 1, 1 } };
    outcome off, ttl, hooks, e_off, e_ttl, e_hooks;
    if (clickup_global_init() != CLICKUP_OK) die("clickup_global_init failed");
    off = run(&own_off);
    ttl = run(&own_ttl);
    hooks = run(&own_hooks);
    e_off = run(&else_off);
    e_ttl = run(&else_ttl);
    e_hooks = run(&else_hooks);
    if (bench_verbose()) { (void)run(&what_if[0]); (void)run(&what_if[1]); }
    clickup_global_cleanup();
    if (off.calls <= 0 || e_off.calls <= 0) die("no calls");
    printf("cache_savings_webhooks: %.1f %% fewer API calls, %ld stale reads (24 h TTLs + %ld events; TTL-only on "
           "this hour %.1f %%, %ld stale; changes made elsewhere: %.1f %%, %ld stale vs TTL-only %.1f %%, %ld stale)\n",
           saved(&hooks, &off), hooks.stale, hooks.events, saved(&ttl, &off), ttl.stale, saved(&e_hooks, &e_off),
           e_hooks.stale, saved(&e_ttl, &e_off), e_ttl.stale);
    fflush(stdout);
    if (off.stale || e_off.stale) {
        fprintf(stderr, "bench_cache_savings_webhooks: stale reads even without the cache: the bench is broken\n");
        return 1;
    }
    return 0;
}

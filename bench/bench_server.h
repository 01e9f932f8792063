/* bench_server.h - a tiny loopback HTTP/1.1 server imitating the ClickUp routes the benches use.

   Header-only (static functions), C99 + POSIX threads and sockets. Keep-alive, Content-Length
   bodies, one thread per connection (at most BENCH_SERVER_MAX_CONN at once), 127.0.0.1 only.

       bench_server_opts o;  memset(&o, 0, sizeof o);
       o.pages = 10;                             // GET /api/v2/list/{id}/task?page=N
       bench_server *s = bench_server_start(&o); // NULL on failure
       char url[64]; bench_server_base_url(s, url, sizeof url);   // http://127.0.0.1:P/api/v2
       ...
       bench_server_stop(s);

   Routes (any token is accepted; the Authorization value is the rate-limit key):
     GET /api/v2/list/{id}/task?page=N  page N of `pages` pages made by gen_page.h (seed,
                                        tasks_per_page; realistic ~710 KB pages of 100 tasks),
                                        "last_page":true on page pages-1; pages past the end are
                                        {"tasks":[],"last_page":true}. Pages are generated once
                                        at start, outside any timing.
     GET /api/v2/team/{id}/space        a small spaces document (for rate-limit runs)
     GET /api/v2/team                   a small team document
     POST /api/v2/list/{id}/task        a create: answers a small task {"id":"bt00000N","name":
                                        the body's "name", ...}; creates are counted per name, so
                                        that bench_server_creates can tell duplicates
     POST /api/v2/task/{id}/attachment  an upload, multipart/form-data with a Content-Length of
                                        any size: the body is read as it arrives and counted,
                                        never kept (bench_server_upload_counts: the bytes of
                                        the last body and of its file part); answers attachment
                                        JSON whose title is the part's filename
     anything else                      404 {"err":"Route not found","ECODE":"APP_001"}

   Latency: latency_ms > 0 delays every answer by that much, after the rate limit counted the
   request (as a distant server would: counted on arrival, answered one latency later). Each
   connection has its own thread, so requests in flight together wait together.

   Rate limit, as ClickUp: per token, fixed windows aligned to multiples of rate_window_s in
   Unix time, X-RateLimit-Limit / -Remaining / -Reset (end of the window, Unix seconds) on every
   answer, 429 {"err":"Rate limit reached","ECODE":"APP_002"} beyond the limit. rate_limit 0:
   never 429, and the headers say Limit 10000 per 60 s window.

   Threads: the server runs in threads of the calling process (one accept thread, one per
   connection), so a bench that wants only its own CPU time reads CLOCK_THREAD_CPUTIME_ID
   (bench_util.h: bench_thread_cpu_us), never the process's. bench_server_connections counts
   the connections accepted (a keep-alive client opens one).

   Per-token counters (accepted, 429) cover requests that arrive inside a counting range of
   wall-clock milliseconds set with bench_server_count_range (default: everything). */
#ifndef BENCH_SERVER_H
#define BENCH_SERVER_H

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#include "gen_page.h"

#if defined(__GNUC__) || defined(__clang__)
#  define BENCH_SERVER_FN static __attribute__((unused))
#else
#  define BENCH_SERVER_FN static
#endif

#define BENCH_SERVER_MAX_CONN   32
#define BENCH_SERVER_MAX_TOKENS 8
#define BENCH_SERVER_HEAD_MAX   16384

typedef struct bench_server_opts {
    int      pages;            /* task pages served; 0 = 10                                   */
    int      tasks_per_page;   /* 0 = 100                                                     */
    unsigned seed;             /* 0 = GEN_PAGE_DEFAULT_SEED                                   */
    int      rate_limit;       /* requests per window and token; 0 = no limit                 */
    int      rate_window_s;    /* 0 = 60                                                      */
    int      latency_ms;       /* added to every answer; 0 = none                             */
} bench_server_opts;

typedef struct bench_server_token {
    char    key[96];
    int64_t window;            /* window index of `used`                                      */
    int     used;
    long    accepted, rejected;  /* inside the counting range                                 */
} bench_server_token;

typedef struct bench_server_conn {
    struct bench_server *srv;
    pthread_t th;
    int       fd;
    int       state;           /* 0 free, 1 running, 2 finished (join before reuse)           */
} bench_server_conn;

typedef struct bench_server {
    bench_server_opts  o;
    int                listen_fd, port;
    volatile int       stop;
    pthread_t          accept_th;
    pthread_mutex_t    mu;
    bench_server_conn  conns[BENCH_SERVER_MAX_CONN];
    char             **page;
    size_t            *page_len;
    bench_server_token tokens[BENCH_SERVER_MAX_TOKENS];
    int                ntokens;
    double             count_from_ms, count_to_ms;   /* wall clock; to <= from = always   */
    long               requests;
    long               connections;    /* accepted so far (keep-alive checks)              */
    char             **create_names;   /* the name of every create received (POST .../task) */
    size_t             ncreates, create_cap, create_dups;
    long               uploads;        /* attachment uploads answered                       */
    uint64_t           upload_body, upload_file;   /* bytes of the last upload's body and file */
} bench_server;

static const char bench_server_spaces_json[] =
    "{\"spaces\":[{\"id\":\"790\",\"name\":\"Client A\",\"color\":\"#4169E1\",\"private\":false,"
    "\"statuses\":[{\"id\":\"p790_1\",\"status\":\"to do\",\"type\":\"open\",\"orderindex\":0,"
    "\"color\":\"#d3d3d3\"},{\"id\":\"p790_2\",\"status\":\"complete\",\"type\":\"closed\","
    "\"orderindex\":1,\"color\":\"#6bc950\"}],\"multiple_assignees\":true,\"features\":"
    "{\"due_dates\":{\"enabled\":true},\"time_tracking\":{\"enabled\":true},\"tags\":{\"enabled\":true},"
    "\"time_estimates\":{\"enabled\":true},\"checklists\":{\"enabled\":true},"
    "\"custom_fields\":{\"enabled\":true}},\"archived\":false}]}";

static const char bench_server_team_json[] =
    "{\"teams\":[{\"id\":\"9001\",\"name\":\"Bench\",\"color\":\"#536cfe\",\"avatar\":null,"
    "\"members\":[{\"user\":{\"id\":183,\"username\":\"Ada Owner\",\"email\":\"ada@example.com\","
    "\"color\":\"#40BC86\",\"profilePicture\":null,\"initials\":\"AO\",\"role\":1}}]}]}";

BENCH_SERVER_FN double bench_server_wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

/* write all of iov; 0 on success */
BENCH_SERVER_FN int bench_server_sendv(int fd, struct iovec *iov, int n)
{
    while (n > 0) {
        struct msghdr m;
        ssize_t k;
        memset(&m, 0, sizeof m);
        m.msg_iov = iov;
        m.msg_iovlen = (size_t)n;
        k = sendmsg(fd, &m, MSG_NOSIGNAL);
        if (k < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        while (n > 0 && (size_t)k >= iov->iov_len) { k -= (ssize_t)iov->iov_len; iov++; n--; }
        if (n > 0) { iov->iov_base = (char *)iov->iov_base + k; iov->iov_len -= (size_t)k; }
    }
    return 0;
}

/* case-insensitive header lookup in [head, end): value copied (trimmed) into out */
BENCH_SERVER_FN int bench_server_header(const char *head, const char *end, const char *name, char *out, size_t outn)
{
    size_t k = strlen(name);
    const char *p = head;
    while (p < end) {
        const char *eol = p;
        while (eol < end && *eol != '\r' && *eol != '\n') eol++;
        if ((size_t)(eol - p) > k && p[k] == ':') {
            size_t i;
            for (i = 0; i < k; i++) {
                char a = p[i], b = name[i];
                if (a >= 'A' && a <= 'Z') a = (char)(a - 'A' + 'a');
                if (b >= 'A' && b <= 'Z') b = (char)(b - 'A' + 'a');
                if (a != b) break;
            }
            if (i == k) {
                const char *v = p + k + 1;
                size_t n;
                while (v < eol && (*v == ' ' || *v == '\t')) v++;
                n = (size_t)(eol - v);
                if (n >= outn) n = outn - 1;
                memcpy(out, v, n);
                out[n] = '\0';
                return 1;
            }
        }
        p = eol;
        while (p < end && (*p == '\r' || *p == '\n')) p++;
    }
    return 0;
}

/* Rate limiting: decide the request of `key` now; fills the header values. 1 = accepted. */
BENCH_SERVER_FN int bench_server_rate(bench_server *s, const char *key, char *lim, char *rem, char *reset)
{
    double now = bench_server_wall_ms();
    int limit = s->o.rate_limit ? s->o.rate_limit : 10000;
    int win_s = s->o.rate_limit ? (s->o.rate_window_s ? s->o.rate_window_s : 60) : 60;
    int64_t win = (int64_t)(now / 1000.0) / win_s;
    int ok, i, counting;
    bench_server_token *t = NULL;
    pthread_mutex_lock(&s->mu);
    s->requests++;
    for (i = 0; i < s->ntokens; i++)
        if (strcmp(s->tokens[i].key, key) == 0) { t = &s->tokens[i]; break; }
    if (!t) {
        t = &s->tokens[s->ntokens < BENCH_SERVER_MAX_TOKENS ? s->ntokens++ : BENCH_SERVER_MAX_TOKENS - 1];
        memset(t, 0, sizeof *t);
        snprintf(t->key, sizeof t->key, "%s", key);
        t->window = win;
    }
    if (t->window != win) { t->window = win; t->used = 0; }
    counting = s->count_to_ms <= s->count_from_ms || (now >= s->count_from_ms && now < s->count_to_ms);
    if (s->o.rate_limit && t->used >= s->o.rate_limit) {
        ok = 0;
        if (counting) t->rejected++;
    } else {
        ok = 1;
        t->used++;
        if (counting) t->accepted++;
    }
    snprintf(lim, 16, "%d", limit);
    snprintf(rem, 16, "%d", limit - t->used < 0 ? 0 : limit - t->used);
    snprintf(reset, 24, "%lld", (long long)((win + 1) * win_s));
    pthread_mutex_unlock(&s->mu);
    return ok;
}

/* A create's "name" (raw JSON string content, escapes kept) into out; "" when absent. Then the
   count: a name seen before is a duplicate (the same create sent twice). */
BENCH_SERVER_FN void bench_server_note_create(bench_server *s, const char *body, size_t len, char *out, size_t outn)
{
    const char *p = NULL, *end = body + len;
    size_t n = 0, i;
    char *copy;
    out[0] = '\0';
    for (i = 0; i + 8 <= len; i++)
        if (memcmp(body + i, "\"name\":\"", 8) == 0) { p = body + i + 8; break; }
    if (p) {
        const char *q = p;
        while (q < end && *q != '"') q += (*q == '\\' && q + 1 < end) ? 2 : 1;
        n = (size_t)(q - p);
        if (n >= outn) n = outn - 1;
        memcpy(out, p, n);
        out[n] = '\0';
    }
    pthread_mutex_lock(&s->mu);
    for (i = 0; i < s->ncreates; i++)
        if (strcmp(s->create_names[i], out) == 0) { s->create_dups++; break; }
    if (s->ncreates == s->create_cap) {
        size_t cap = s->create_cap ? s->create_cap * 2 : 256;
        char **grown = (char **)realloc(s->create_names, cap * sizeof *grown);
        if (grown) { s->create_names = grown; s->create_cap = cap; }
    }
    if (s->ncreates < s->create_cap && (copy = (char *)malloc(n + 1)) != NULL) {
        memcpy(copy, out, n + 1);
        s->create_names[s->ncreates++] = copy;
    }
    pthread_mutex_unlock(&s->mu);
}

/* Answer one request (its body, body_len bytes, follows the head); 0 to keep the connection,
   -1 to close it. */
BENCH_SERVER_FN int bench_server_answer(bench_server *s, int fd, const char *req, size_t head_len, size_t body_len_in)
{
    const char *end = req + head_len, *sp1, *sp2, *q, *body = NULL;
    char path[512], query[512], auth[96], conn[32], lim[16], rem[16], reset[24], hdr[512];
    char name[256], task[640];
    size_t plen, body_len = 0;
    int status = 200, close_after = 0, hl;
    struct iovec iov[2];
    const char *reason = "OK";

    sp1 = memchr(req, ' ', head_len);
    sp2 = sp1 ? memchr(sp1 + 1, ' ', (size_t)(end - sp1 - 1)) : NULL;
    if (!sp1 || !sp2) return -1;
    plen = (size_t)(sp2 - sp1 - 1);
    if (plen >= sizeof path) plen = sizeof path - 1;
    memcpy(path, sp1 + 1, plen);
    path[plen] = '\0';
    query[0] = '\0';
    if ((q = strchr(path, '?')) != NULL) {
        snprintf(query, sizeof query, "%s", q + 1);
        path[q - path] = '\0';
    }
    if (!bench_server_header(req, end, "authorization", auth, sizeof auth)) auth[0] = '\0';
    if (bench_server_header(req, end, "connection", conn, sizeof conn) && strcmp(conn, "close") == 0) close_after = 1;

    if (!bench_server_rate(s, auth, lim, rem, reset)) {
        status = 429; reason = "Too Many Requests";
        body = "{\"err\":\"Rate limit reached\",\"ECODE\":\"APP_002\"}";
        body_len = strlen(body);
    } else if (strncmp(req, "POST ", 5) == 0 && strncmp(path, "/api/v2/list/", 13) == 0 && strlen(path) > 18 &&
               strcmp(path + strlen(path) - 5, "/task") == 0) {
        long n;
        bench_server_note_create(s, end, body_len_in, name, sizeof name);
        pthread_mutex_lock(&s->mu);
        n = (long)s->ncreates;
        pthread_mutex_unlock(&s->mu);
        body_len = (size_t)snprintf(task, sizeof task,
                                    "{\"id\":\"bt%06ld\",\"custom_id\":null,\"name\":\"%s\",\"text_content\":\"\","
                                    "\"description\":\"\",\"status\":{\"status\":\"to do\",\"color\":\"#d3d3d3\","
                                    "\"type\":\"open\",\"orderindex\":0},\"orderindex\":\"1.0\",\"date_created\":"
                                    "\"1700000000000\",\"date_updated\":\"1700000000000\",\"creator\":{\"id\":183},"
                                    "\"assignees\":[],\"tags\":[],\"list\":{\"id\":\"1\"},\"url\":"
                                    "\"https://app.clickup.com/t/bt%06ld\"}", n, name, n);
        if (body_len >= sizeof task) body_len = sizeof task - 1;
        body = task;
    } else if (strncmp(req, "GET ", 4) != 0) {
        status = 404; reason = "Not Found";
        body = "{\"err\":\"Route not found\",\"ECODE\":\"APP_001\"}";
        body_len = strlen(body);
    } else if (strncmp(path, "/api/v2/list/", 13) == 0 && strlen(path) > 18 &&
               strcmp(path + strlen(path) - 5, "/task") == 0) {
        long page = 0;
        const char *pp = query;
        while (pp && *pp) {
            if (strncmp(pp, "page=", 5) == 0) { page = strtol(pp + 5, NULL, 10); break; }
            pp = strchr(pp, '&');
            if (pp) pp++;
        }
        if (page >= 0 && page < s->o.pages) { body = s->page[page]; body_len = s->page_len[page]; }
        else { body = "{\"tasks\":[],\"last_page\":true}"; body_len = strlen(body); }
    } else if (strncmp(path, "/api/v2/team/", 13) == 0 && strlen(path) > 19 &&
               strcmp(path + strlen(path) - 6, "/space") == 0) {
        body = bench_server_spaces_json; body_len = sizeof bench_server_spaces_json - 1;
    } else if (strcmp(path, "/api/v2/team") == 0) {
        body = bench_server_team_json; body_len = sizeof bench_server_team_json - 1;
    } else {
        status = 404; reason = "Not Found";
        body = "{\"err\":\"Route not found\",\"ECODE\":\"APP_001\"}";
        body_len = strlen(body);
    }
    hl = snprintf(hdr, sizeof hdr,
                  "HTTP/1.1 %d %s\r\nContent-Type: application/json; charset=utf-8\r\n"
                  "Content-Length: %lu\r\nX-RateLimit-Limit: %s\r\nX-RateLimit-Remaining: %s\r\n"
                  "X-RateLimit-Reset: %s\r\n%s\r\n",
                  status, reason, (unsigned long)body_len, lim, rem, reset,
                  close_after ? "Connection: close\r\n" : "");
    if (s->o.latency_ms > 0) {            /* counted on arrival, answered one latency later */
        struct timespec ts, left;
        ts.tv_sec = s->o.latency_ms / 1000;
        ts.tv_nsec = (long)(s->o.latency_ms % 1000) * 1000000L;
        while (nanosleep(&ts, &left) != 0 && errno == EINTR) ts = left;
    }
    iov[0].iov_base = hdr;
    iov[0].iov_len = (size_t)hl;
    iov[1].iov_base = (void *)(uintptr_t)body;
    iov[1].iov_len = body_len;
    if (bench_server_sendv(fd, iov, 2) < 0) return -1;
    return close_after ? -1 : 0;
}

/* Is this request head POST /api/v2/task/{id}/attachment? */
BENCH_SERVER_FN int bench_server_is_upload(const char *req, size_t head_len)
{
    const char *p = req + 5, *end = req + head_len;
    size_t n = 0, k = strlen("/attachment");
    if (head_len < 5 || strncmp(req, "POST /api/v2/task/", 18) != 0) return 0;
    while (p + n < end && p[n] != ' ' && p[n] != '?') n++;
    return n > k && memcmp(p + n - k, "/attachment", k) == 0;
}

/* An upload: body_len bytes of multipart body, `have` of them already in buf (after the head,
   which buf no longer needs once this has copied what it wants from it). Reads the rest as it
   arrives, counting it; takes the filename from the part's headers (in the first 4 KB); the
   file part is what lies between the end of those headers and the closing boundary line
   ("\r\n--BOUNDARY--\r\n"). Answers attachment JSON. 0 to keep the connection, -1 to close. */
BENCH_SERVER_FN int bench_server_upload(bench_server *s, int fd, char *buf, size_t head_len, size_t have, uint64_t body_len)
{
    char auth[96], ct[256], expect[32], lim[16], rem[16], reset[24], hdr[512], json[1024], first[4096];
    char filename[256] = "", ext[32] = "";
    const char *b, *hend, *fn;
    size_t nfirst = 0, boundary_len = 0;
    uint64_t got = 0, file;
    long n;
    int hl, jl, status = 200;
    struct iovec iov[2];
    if (!bench_server_header(buf, buf + head_len, "authorization", auth, sizeof auth)) auth[0] = '\0';
    if (!bench_server_header(buf, buf + head_len, "content-type", ct, sizeof ct)) ct[0] = '\0';
    if (bench_server_header(buf, buf + head_len, "expect", expect, sizeof expect) && strcmp(expect, "100-continue") == 0) {
        static const char cont[] = "HTTP/1.1 100 Continue\r\n\r\n";
        struct iovec c1;
        c1.iov_base = (void *)(uintptr_t)cont;
        c1.iov_len = sizeof cont - 1;
        if (bench_server_sendv(fd, &c1, 1) < 0) return -1;
    }
    if ((b = strstr(ct, "boundary=")) != NULL) boundary_len = strlen(b + 9);
    while (got < body_len) {                       /* what the head's read brought, then the rest */
        size_t chunk;
        if (have) {
            chunk = have < body_len ? have : (size_t)body_len;
            memmove(buf, buf + head_len, chunk);
            have = 0;
        } else {
            uint64_t left = body_len - got;
            ssize_t k = recv(fd, buf, left < BENCH_SERVER_HEAD_MAX ? (size_t)left : BENCH_SERVER_HEAD_MAX, 0);
            if (k < 0 && errno == EINTR) continue;
            if (k <= 0) return -1;
            chunk = (size_t)k;
        }
        if (nfirst < sizeof first - 1) {
            size_t take = chunk < sizeof first - 1 - nfirst ? chunk : sizeof first - 1 - nfirst;
            memcpy(first + nfirst, buf, take);
            nfirst += take;
        }
        got += chunk;
    }
    first[nfirst] = '\0';
    hend = strstr(first, "\r\n\r\n");
    if ((fn = strstr(first, "filename=\"")) != NULL && (!hend || fn < hend)) {
        const char *q = strchr(fn + 10, '"'), *dot;
        size_t k = q ? (size_t)(q - fn - 10) : 0;
        if (k >= sizeof filename) k = sizeof filename - 1;
        memcpy(filename, fn + 10, k);
        filename[k] = '\0';
        if ((dot = strrchr(filename, '.')) != NULL) snprintf(ext, sizeof ext, "%s", dot + 1);
    }
    file = hend && boundary_len ? body_len - (uint64_t)(hend + 4 - first) - (uint64_t)(boundary_len + 8) : 0;
    if (!hend || !boundary_len || !filename[0]) status = 400;
    pthread_mutex_lock(&s->mu);
    n = ++s->uploads;
    s->upload_body = body_len;
    s->upload_file = status == 200 ? file : 0;
    pthread_mutex_unlock(&s->mu);
    (void)bench_server_rate(s, auth, lim, rem, reset);
    if (status == 200)
        jl = snprintf(json, sizeof json,
                      "{\"id\":\"att%06ld.bin\",\"version\":\"0\",\"date\":1700000000000,\"title\":\"%s\","
                      "\"extension\":\"%s\",\"thumbnail_small\":null,\"thumbnail_large\":null,"
                      "\"url\":\"https://t.example.com/att%06ld/%s\"}", n, filename, ext, n, filename);
    else
        jl = snprintf(json, sizeof json, "{\"err\":\"Attachment is not multipart\",\"ECODE\":\"ATTACH_001\"}");
    hl = snprintf(hdr, sizeof hdr,
                  "HTTP/1.1 %d %s\r\nContent-Type: application/json; charset=utf-8\r\n"
                  "Content-Length: %d\r\nX-RateLimit-Limit: %s\r\nX-RateLimit-Remaining: %s\r\n"
                  "X-RateLimit-Reset: %s\r\n\r\n", status, status == 200 ? "OK" : "Bad Request", jl, lim, rem, reset);
    iov[0].iov_base = hdr;
    iov[0].iov_len = (size_t)hl;
    iov[1].iov_base = json;
    iov[1].iov_len = (size_t)jl;
    return bench_server_sendv(fd, iov, 2) < 0 ? -1 : 0;
}

BENCH_SERVER_FN void *bench_server_conn_main(void *arg)
{
    bench_server_conn *c = (bench_server_conn *)arg;
    bench_server *s = c->srv;
    char *buf = (char *)malloc(BENCH_SERVER_HEAD_MAX + 1);
    size_t have = 0;
    if (!buf) goto done;
    while (!s->stop) {
        char *hend;
        ssize_t k;
        buf[have] = '\0';
        hend = strstr(buf, "\r\n\r\n");
        if (hend) {
            size_t head_len = (size_t)(hend - buf) + 4, skip = head_len;
            char cl[32];
            long body = 0;
            if (bench_server_header(buf, hend, "content-length", cl, sizeof cl)) body = strtol(cl, NULL, 10);
            if (body > 0 && bench_server_is_upload(buf, head_len)) {    /* streamed, any size */
                size_t extra = have - head_len;
                if (extra > (size_t)body) break;                    /* no pipelining here */
                if (bench_server_upload(s, c->fd, buf, head_len, extra, (uint64_t)body) < 0) break;
                have = 0;
                continue;
            }
            if (body < 0 || (size_t)body > BENCH_SERVER_HEAD_MAX - head_len) break;   /* small bodies only */
            while (have < head_len + (size_t)body) {          /* read (and ignore) the body */
                k = recv(c->fd, buf + have, BENCH_SERVER_HEAD_MAX - have, 0);
                if (k <= 0) goto done;
                have += (size_t)k;
            }
            skip += (size_t)body;
            if (bench_server_answer(s, c->fd, buf, head_len, (size_t)body) < 0) break;
            memmove(buf, buf + skip, have - skip);
            have -= skip;
            continue;
        }
        if (have == BENCH_SERVER_HEAD_MAX) break;
        k = recv(c->fd, buf + have, BENCH_SERVER_HEAD_MAX - have, 0);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        have += (size_t)k;
    }
done:
    free(buf);
    pthread_mutex_lock(&s->mu);
    close(c->fd);
    c->fd = -1;
    c->state = 2;
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

BENCH_SERVER_FN void *bench_server_accept_main(void *arg)
{
    bench_server *s = (bench_server *)arg;
    while (!s->stop) {
        struct pollfd pfd;
        int fd, i, one = 1;
        bench_server_conn *slot = NULL;
        pfd.fd = s->listen_fd;
        pfd.events = POLLIN;
        pfd.revents = 0;
        if (poll(&pfd, 1, 50) <= 0) continue;
        fd = accept(s->listen_fd, NULL, NULL);
        if (fd < 0) continue;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        pthread_mutex_lock(&s->mu);
        for (i = 0; i < BENCH_SERVER_MAX_CONN && !slot; i++)
            if (s->conns[i].state != 1) slot = &s->conns[i];
        pthread_mutex_unlock(&s->mu);
        if (!slot) { close(fd); continue; }
        pthread_mutex_lock(&s->mu);
        s->connections++;
        pthread_mutex_unlock(&s->mu);
        if (slot->state == 2) pthread_join(slot->th, NULL);
        slot->srv = s;
        slot->fd = fd;
        slot->state = 1;
        if (pthread_create(&slot->th, NULL, bench_server_conn_main, slot) != 0) {
            close(fd);
            slot->fd = -1;
            slot->state = 0;
        }
    }
    return NULL;
}

BENCH_SERVER_FN void bench_server_stop(bench_server *s)
{
    int i;
    if (!s) return;
    if (s->listen_fd >= 0) {
        s->stop = 1;
        pthread_join(s->accept_th, NULL);
        pthread_mutex_lock(&s->mu);
        for (i = 0; i < BENCH_SERVER_MAX_CONN; i++)
            if (s->conns[i].state == 1 && s->conns[i].fd >= 0) shutdown(s->conns[i].fd, SHUT_RDWR);
        pthread_mutex_unlock(&s->mu);
        for (i = 0; i < BENCH_SERVER_MAX_CONN; i++)
            if (s->conns[i].state != 0) pthread_join(s->conns[i].th, NULL);
        close(s->listen_fd);
    }
    if (s->page) {
        for (i = 0; i < s->o.pages; i++) free(s->page[i]);
        free(s->page);
    }
    free(s->page_len);
    while (s->ncreates) free(s->create_names[--s->ncreates]);
    free(s->create_names);
    pthread_mutex_destroy(&s->mu);
    free(s);
}

BENCH_SERVER_FN bench_server *bench_server_start(const bench_server_opts *opts)
{
    bench_server *s = (bench_server *)calloc(1, sizeof *s);
    struct sockaddr_in a;
    socklen_t alen = sizeof a;
    int i, one = 1;
    if (!s) return NULL;
    if (opts) s->o = *opts;
    if (s->o.pages <= 0) s->o.pages = 10;
    if (s->o.tasks_per_page <= 0) s->o.tasks_per_page = 100;
    if (!s->o.seed) s->o.seed = GEN_PAGE_DEFAULT_SEED;
    s->listen_fd = -1;
    pthread_mutex_init(&s->mu, NULL);
    for (i = 0; i < BENCH_SERVER_MAX_CONN; i++) s->conns[i].fd = -1;
    s->page = (char **)calloc((size_t)s->o.pages, sizeof *s->page);
    s->page_len = (size_t *)calloc((size_t)s->o.pages, sizeof *s->page_len);
    if (!s->page || !s->page_len) { bench_server_stop(s); return NULL; }
    for (i = 0; i < s->o.pages; i++) {
        s->page[i] = gen_page_ex(s->o.seed, s->o.tasks_per_page, i, i == s->o.pages - 1, &s->page_len[i]);
        if (!s->page[i]) { bench_server_stop(s); return NULL; }
    }
    s->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    if (s->listen_fd < 0) { bench_server_stop(s); return NULL; }
    setsockopt(s->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    if (bind(s->listen_fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(s->listen_fd, 64) < 0 ||
        getsockname(s->listen_fd, (struct sockaddr *)&a, &alen) < 0) {
        close(s->listen_fd);
        s->listen_fd = -1;
        bench_server_stop(s);
        return NULL;
    }
    s->port = ntohs(a.sin_port);
    if (pthread_create(&s->accept_th, NULL, bench_server_accept_main, s) != 0) {
        close(s->listen_fd);
        s->listen_fd = -1;
        bench_server_stop(s);
        return NULL;
    }
    return s;
}

BENCH_SERVER_FN char *bench_server_base_url(const bench_server *s, char *buf, size_t n)
{
    snprintf(buf, n, "http://127.0.0.1:%d/api/v2", s->port);
    return buf;
}

/* Count only requests arriving in [from_ms, to_ms) of wall-clock time (to <= from: all). */
BENCH_SERVER_FN void bench_server_count_range(bench_server *s, double from_ms, double to_ms)
{
    pthread_mutex_lock(&s->mu);
    s->count_from_ms = from_ms;
    s->count_to_ms = to_ms;
    pthread_mutex_unlock(&s->mu);
}

/* Connections accepted so far. */
BENCH_SERVER_FN long bench_server_connections(bench_server *s)
{
    long n;
    pthread_mutex_lock(&s->mu);
    n = s->connections;
    pthread_mutex_unlock(&s->mu);
    return n;
}

/* Creates received (POST /list/{id}/task), and how many of them repeated a name already seen. */
BENCH_SERVER_FN void bench_server_creates(bench_server *s, long *creates, long *duplicates)
{
    pthread_mutex_lock(&s->mu);
    *creates = (long)s->ncreates;
    *duplicates = (long)s->create_dups;
    pthread_mutex_unlock(&s->mu);
}

/* Uploads answered, and the bytes of the last one's body and of its file part. */
BENCH_SERVER_FN void bench_server_upload_counts(bench_server *s, long *uploads, uint64_t *body, uint64_t *file)
{
    pthread_mutex_lock(&s->mu);
    *uploads = s->uploads;
    *body = s->upload_body;
    *file = s->upload_file;
    pthread_mutex_unlock(&s->mu);
}

/* Counters of one token (the Authorization value); zeros when never seen. */
BENCH_SERVER_FN void bench_server_token_counts(bench_server *s, const char *key, long *accepted, long *rejected)
{
    int i;
    *accepted = *rejected = 0;
    pthread_mutex_lock(&s->mu);
    for (i = 0; i < s->ntokens; i++)
        if (strcmp(s->tokens[i].key, key) == 0) { *accepted = s->tokens[i].accepted; *rejected = s->tokens[i].rejected; }
    pthread_mutex_unlock(&s->mu);
}

#endif /* BENCH_SERVER_H */

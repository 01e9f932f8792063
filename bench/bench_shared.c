/* bench_shared.c - one rate budget shared by processes: clickup_limiter_open_file (clickup.h)
   and the Redis companion (examples/clickup_redis.h).

   1. shared_limiter: 8 processes, one token, against bench_server.h (fixed windows of 1 s,
      LIMIT per window, 429 beyond), each process calling as fast as its limiter lets it
      (GET /team/{id}/space, no cache) for WINDOWS windows counted from a window boundary:
        - file:  every process opens the same state file (after fork);
        - Redis: every process opens its own connection to one redis-server (loopback TCP);
        - separate: today's default, each process its own in-process limiter of LIMIT;
        - for reference, clickup.h's in-process limiter shared by 8 threads of one process (the
          algorithm the Redis scripts run: the two should use the allowance alike).
      Figures: the share of the allowance (LIMIT x WINDOWS) the server accepted, and its 429s.
   2. limiter_acquire: microseconds per acquire on one thread, with a budget that never makes
      it wait: the in-process limiter, the file limiter, the Redis limiter over loopback TCP (as
      configured by default, with leases: a busy process takes several slots per admission; and
      with lease_max 1: one admission, one round trip, per acquire), and for scale one Redis
      PING round trip on the same kind of connection.
   redis-server is started on a free loopback port (no persistence) and stopped at the end;
   without it the Redis figures say "skipped". Lines:
     shared_limiter: 8 processes, 50 per 1 s, 4 windows: file 98.5 % of allowance, 0 x 429; Redis 92.0 %, 0 x 429; separate per-process limiters 100.0 %, 1400 x 429 (in-process limiter, 8 threads: 92.0 %, 0 x 429)
     limiter_acquire: in-process 0.04 us, file 0.60 us, Redis 5.0 us per acquire (leases of up to 64 slots; one admission per acquire, lease_max 1: 110.0 us; a Redis PING round trip over loopback TCP: 35.0 us)
   No timing is asserted. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <sys/socket.h>
#include <sys/prctl.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "clickup.h"
#define CLICKUP_REDIS_IMPLEMENTATION
#include "examples/clickup_redis.h"
#include "bench_server.h"
#include "bench_util.h"

#define PROCS   8
#define LIMIT   50
#define WINDOWS 4

static char state_dir[64];
static char redis_url[96];
static pid_t redis_pid;

static void die(const char *what) { fprintf(stderr, "bench_shared: %s\n", what); exit(1); }

/* ---- redis-server ------------------------------------------------------------------------- */
static int free_port(void) {
    struct sockaddr_in a;
    socklen_t len = sizeof a;
    int fd = socket(AF_INET, SOCK_STREAM, 0), port = 0;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0 && getsockname(fd, (struct sockaddr *)&a, &len) == 0)
        port = ntohs(a.sin_port);
    if (fd >= 0) close(fd);
    return port;
}

static redisContext *redis_connect(int port) {
    struct timeval tv = { 1, 0 };
    redisContext *c = redisConnectWithTimeout("127.0.0.1", port, tv);
    if (c && c->err) { redisFree(c); c = NULL; }
    return c;
}

static int redis_port;
static int start_redis(void) {
    char port[16];
    double until;
    redis_port = free_port();
    snprintf(port, sizeof port, "%d", redis_port);
    redis_pid = fork();
    if (redis_pid < 0) return -1;
    if (redis_pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (fd >= 0) { dup2(fd, 1); dup2(fd, 2); }
        execlp("redis-server", "redis-server", "--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
               "--daemonize", "no", (char *)NULL);
        _exit(127);
    }
    for (until = bench_now_ms() + 5000; bench_now_ms() < until; bench_sleep_ms(20)) {
        redisContext *c = redis_connect(redis_port);
        if (c) {
            redisReply *r = (redisReply *)redisCommand(c, "PING");
            int ok = r && r->type == REDIS_REPLY_STATUS;
            if (r) freeReplyObject(r);
            redisFree(c);
            if (ok) { snprintf(redis_url, sizeof redis_url, "redis://127.0.0.1:%d/0?prefix=bench", redis_port); return 0; }
        }
        if (waitpid(redis_pid, NULL, WNOHANG) == redis_pid) break;
    }
    redis_pid = 0;
    return -1;
}

static void stop_redis(void) {
    if (redis_pid > 0) { kill(redis_pid, SIGTERM); waitpid(redis_pid, NULL, 0); }
    redis_pid = 0;
}

/* ---- 1. 8 processes ----------------------------------------------------------------------- */
enum { V_FILE, V_REDIS, V_SEPARATE, V_THREADS };
typedef struct go_msg { char base[96]; double end_wall_ms; } go_msg;

/* One process: its limiter, one client, calls until the end. Exit status 0 when it ran. */
static int child(int variant, const char *token, int rd) {
    go_msg m;
    clickup_limiter *l = NULL;
    clickup_config cfg;
    clickup_client *c = NULL;
    char msg[256], path[128];
    size_t got = 0;
    while (got < sizeof m) {
        ssize_t k = read(rd, (char *)&m + got, sizeof m - got);
        if (k <= 0) return 2;
        got += (size_t)k;
    }
    if (variant == V_FILE) {
        clickup_limiter_config lc;
        memset(&lc, 0, sizeof lc);
        lc.rate_limit = LIMIT; lc.window_ms = 1000;
        snprintf(path, sizeof path, "%s/shared.state", state_dir);
        if (clickup_limiter_open_file(path, &lc, &l, msg, sizeof msg) != CLICKUP_OK) { fprintf(stderr, "%s\n", msg); return 3; }
    } else if (variant == V_REDIS) {
        clickup_redis_config rc;
        memset(&rc, 0, sizeof rc);
        rc.url = redis_url; rc.token = token; rc.rate_limit = LIMIT; rc.window_ms = 1000;
        if (clickup_redis_limiter_open(&rc, &l, msg, sizeof msg) != CLICKUP_OK) { fprintf(stderr, "%s\n", msg); return 3; }
    } else if (clickup_limiter_create(LIMIT, 1000, NULL, &l) != CLICKUP_OK) {
        return 3;
    }
    clickup_config_init(&cfg);
    cfg.token = token;
    cfg.team_id = "9001";
    cfg.base_url = m.base;
    cfg.limiter = l;
    cfg.disable_cache = 1;
    cfg.backoff_base_ms = 50;
    if (clickup_client_create(&cfg, &c) != CLICKUP_OK) return 4;
    while (bench_wall_ms() < m.end_wall_ms) {
        clickup_spaces *sp = NULL;
        (void)clickup_spaces_get(c, NULL, &sp);
        clickup_spaces_free(sp);
    }
    clickup_client_destroy(c);
    clickup_limiter_destroy(l);
    return 0;
}

/* The reference: 8 threads of this process, one clickup_limiter_create limiter. */
typedef struct thr_arg { const char *base; clickup_limiter *l; double end; } thr_arg;
static void *thr_main(void *p) {
    thr_arg *a = (thr_arg *)p;
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_config_init(&cfg);
    cfg.token = "pk_bench_shared_threads";
    cfg.team_id = "9001";
    cfg.base_url = a->base;
    cfg.limiter = a->l;
    cfg.disable_cache = 1;
    cfg.backoff_base_ms = 50;
    if (clickup_client_create(&cfg, &c) != CLICKUP_OK) return NULL;
    while (bench_wall_ms() < a->end) {
        clickup_spaces *sp = NULL;
        (void)clickup_spaces_get(c, NULL, &sp);
        clickup_spaces_free(sp);
    }
    clickup_client_destroy(c);
    return NULL;
}
static void run_threads(double *util, long *r429) {
    bench_server_opts so;
    bench_server *srv;
    pthread_t th[PROCS];
    thr_arg a;
    char base[96];
    double start;
    long acc = 0, rej = 0;
    int i;
    memset(&so, 0, sizeof so);
    so.rate_limit = LIMIT;
    so.rate_window_s = 1;
    if (!(srv = bench_server_start(&so))) die("cannot start the bench server");
    bench_server_base_url(srv, base, sizeof base);
    if (clickup_limiter_create(LIMIT, 1000, NULL, &a.l) != CLICKUP_OK) die("limiter");
    a.base = base;
    start = (double)(((long long)bench_wall_ms() + 300) / 1000 + 1) * 1000.0;
    bench_server_count_range(srv, start, start + WINDOWS * 1000.0);
    a.end = start + WINDOWS * 1000.0 + 200.0;
    for (i = 0; i < PROCS; i++) if (pthread_create(&th[i], NULL, thr_main, &a) != 0) die("pthread_create");
    for (i = 0; i < PROCS; i++) pthread_join(th[i], NULL);
    bench_server_token_counts(srv, "pk_bench_shared_threads", &acc, &rej);
    bench_server_stop(srv);
    clickup_limiter_destroy(a.l);
    *util = 100.0 * (double)acc / (double)(LIMIT * WINDOWS);
    *r429 = rej;
}

/* Run one variant; the share of the allowance accepted (%) and the 429s. */
static int run_variant(int variant, double *util, long *r429) {
    static const char *const tokens[] = { "pk_bench_shared_file", "pk_bench_shared_redis", "pk_bench_shared_separate" };
    bench_server_opts so;
    bench_server *srv;
    go_msg m;
    pid_t pid[PROCS];
    int gofd[PROCS], i, failed = 0;
    double start;
    long acc = 0, rej = 0;
    for (i = 0; i < PROCS; i++) {           /* forked first, while this process has no thread */
        int fds[2];
        if (pipe(fds) != 0) die("pipe");
        pid[i] = fork();
        if (pid[i] < 0) die("fork");
        if (pid[i] == 0) { close(fds[1]); _exit(child(variant, tokens[variant], fds[0])); }
        close(fds[0]);
        gofd[i] = fds[1];
    }
    memset(&so, 0, sizeof so);
    so.rate_limit = LIMIT;
    so.rate_window_s = 1;
    if (!(srv = bench_server_start(&so))) die("cannot start the bench server");
    memset(&m, 0, sizeof m);
    bench_server_base_url(srv, m.base, sizeof m.base);
    /* count WINDOWS whole windows, from the first boundary at least 300 ms away */
    start = (double)(((long long)bench_wall_ms() + 300) / 1000 + 1) * 1000.0;
    bench_server_count_range(srv, start, start + WINDOWS * 1000.0);
    m.end_wall_ms = start + WINDOWS * 1000.0 + 200.0;
    for (i = 0; i < PROCS; i++) {
        if (write(gofd[i], &m, sizeof m) != (ssize_t)sizeof m) die("write");
        close(gofd[i]);
    }
    for (i = 0; i < PROCS; i++) {
        int st = 0;
        while (waitpid(pid[i], &st, 0) < 0 && errno == EINTR) {}
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) failed++;
    }
    bench_server_token_counts(srv, tokens[variant], &acc, &rej);
    bench_server_stop(srv);
    *util = 100.0 * (double)acc / (double)(LIMIT * WINDOWS);
    *r429 = rej;
    if (bench_verbose())
        fprintf(stderr, "bench_shared: %s: %ld accepted, %ld x 429 in %d windows of %d; %d processes failed\n",
                tokens[variant], acc, rej, WINDOWS, LIMIT, failed);
    return failed ? -1 : 0;
}

/* ---- 2. the cost of one acquire ----------------------------------------------------------- */
static double per_acquire_us(clickup_limiter *l, int n) {
    double t0 = bench_now_ms();
    int i;
    for (i = 0; i < n; i++) {
        clickup_result refused = CLICKUP_OK;
        uint64_t wait = clickup__limiter_acquire(l, clickup__mono_ms(NULL), &refused);
        if (refused != CLICKUP_OK || wait != 0) { fprintf(stderr, "bench_shared: an acquire waited or failed\n"); return -1.0; }
    }
    return (bench_now_ms() - t0) * 1000.0 / n;
}

static double ping_us(int n) {
    redisContext *c = redis_connect(redis_port);
    double t0;
    int i;
    if (!c) return -1.0;
    t0 = bench_now_ms();
    for (i = 0; i < n; i++) {
        redisReply *r = (redisReply *)redisCommand(c, "PING");
        if (r) freeReplyObject(r);
    }
    t0 = (bench_now_ms() - t0) * 1000.0 / n;
    redisFree(c);
    return t0;
}

int main(void) {
    double u_file = 0, u_redis = 0, u_sep = 0, u_thr = 0, a_ring, a_file, a_redis = -1, a_redis1 = -1, rtt = -1;
    long q_file = 0, q_redis = 0, q_sep = 0, q_thr = 0;
    int have_redis, rc = 0;
    char path[128], msg[256], redis_part[160], redis_acq[160];
    clickup_limiter *l = NULL;
    clickup_limiter_config lc;

    signal(SIGPIPE, SIG_IGN);
    snprintf(state_dir, sizeof state_dir, "/tmp/bench_shared.XXXXXX");
    if (!mkdtemp(state_dir)) die("mkdtemp");
    have_redis = start_redis() == 0;
    if (!have_redis) fprintf(stderr, "bench_shared: redis-server could not be started: the Redis figures are skipped\n");
    if (clickup_global_init() != CLICKUP_OK) die("clickup_global_init failed");

    /* 1. */
    if (run_variant(V_FILE, &u_file, &q_file) != 0) rc = 1;
    if (have_redis && run_variant(V_REDIS, &u_redis, &q_redis) != 0) rc = 1;
    if (run_variant(V_SEPARATE, &u_sep, &q_sep) != 0) rc = 1;
    run_threads(&u_thr, &q_thr);                 /* last: it leaves this process with threads */
    if (have_redis) snprintf(redis_part, sizeof redis_part, "Redis %.1f %%, %ld x 429", u_redis, q_redis);
    else snprintf(redis_part, sizeof redis_part, "Redis skipped (no redis-server)");
    printf("shared_limiter: %d processes, %d per 1 s, %d windows: file %.1f %% of allowance, %ld x 429; %s; "
           "separate per-process limiters %.1f %%, %ld x 429 (in-process limiter, %d threads: %.1f %%, %ld x 429)\n", PROCS,
           LIMIT, WINDOWS, u_file, q_file, redis_part, u_sep, q_sep, PROCS, u_thr, q_thr);
    fflush(stdout);

    /* 2. */
    memset(&lc, 0, sizeof lc);
    lc.rate_limit = 100000;
    lc.window_ms = 600000;
    if (clickup_limiter_create_ex(&lc, &l) != CLICKUP_OK) die("limiter");
    a_ring = per_acquire_us(l, 100000);
    clickup_limiter_destroy(l);
    snprintf(path, sizeof path, "%s/acquire.state", state_dir);
    if (clickup_limiter_open_file(path, &lc, &l, msg, sizeof msg) != CLICKUP_OK) die(msg);
    a_file = per_acquire_us(l, 100000);
    clickup_limiter_destroy(l);
    unlink(path);
    if (have_redis) {
        clickup_redis_config rc2;
        memset(&rc2, 0, sizeof rc2);
        rc2.url = redis_url; rc2.token = "pk_bench_acquire"; rc2.rate_limit = 100000; rc2.window_ms = 600000;
        if (clickup_redis_limiter_open(&rc2, &l, msg, sizeof msg) != CLICKUP_OK) die(msg);
        (void)per_acquire_us(l, 1000);                      /* warm: scripts loaded, connection up */
        a_redis = per_acquire_us(l, 20000);
        clickup_limiter_destroy(l);
        rc2.lease_max = 1;
        rc2.token = "pk_bench_acquire_one";
        if (clickup_redis_limiter_open(&rc2, &l, msg, sizeof msg) != CLICKUP_OK) die(msg);
        (void)per_acquire_us(l, 1000);
        a_redis1 = per_acquire_us(l, 20000);
        clickup_limiter_destroy(l);
        rtt = ping_us(20000);
        snprintf(redis_acq, sizeof redis_acq, "Redis %.1f us", a_redis);
    } else {
        snprintf(redis_acq, sizeof redis_acq, "Redis skipped");
    }
    printf("limiter_acquire: in-process %.2f us, file %.2f us, %s per acquire", a_ring, a_file, redis_acq);
    if (have_redis)
        printf(" (leases of up to 64 slots; one admission per acquire, lease_max 1: %.1f us; a Redis PING round trip "
               "over loopback TCP: %.1f us)", a_redis1, rtt);
    printf("\n");

    stop_redis();
    snprintf(path, sizeof path, "%s/shared.state", state_dir);
    unlink(path);
    rmdir(state_dir);
    clickup_global_cleanup();
    return rc;
}

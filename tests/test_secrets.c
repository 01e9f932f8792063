/* The token never leaks: every read, every write and every error flow runs with logging at
   CLICKUP_LOG_DEBUG and a distinctive token; every log line, and clickup_last_error's
   message, api_message, curl_error, ecode, method and path after every call, are searched
   for the token and for "SECRET_TOKEN". The same for build/clickup (the CLI) run with
   CLICKUP_LOG_LEVEL=debug against the in-process sandbox: its stderr and stdout. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include "sandbox.h"
#include <cmocka.h>

#define SECRET       "pk_SECRET_TOKEN_4a7f9c"
#define SECRET_PART  "SECRET_TOKEN"
#define WRONG_SECRET "pk_SECRET_TOKEN_4a7f9c_revoked"
#define BODY_MARKER  "BODY_MARKER_93b1"

static sandbox *g_sb;
static char g_base[96];

/* ---- everything the library says, in one place ------------------------------------------- */
static char  *g_said;
static size_t g_said_len, g_said_cap;
static unsigned long g_lines, g_checks;

static void said(const char *what, const char *text) {
    size_t n = strlen(what) + strlen(text) + 3;
    if (g_said_len + n + 1 > g_said_cap) {
        size_t cap = g_said_cap ? g_said_cap * 2 : 65536;
        while (cap < g_said_len + n + 1) cap *= 2;
        g_said = (char *)realloc(g_said, cap);
        assert_non_null(g_said);
        g_said_cap = cap;
    }
    g_said_len += (size_t)sprintf(g_said + g_said_len, "%s: %s\n", what, text);
}

static void log_fn(void *user, clickup_log_level level, const char *line) {
    (void)user; (void)level;
    g_lines++;
    said("log", line);
}

/* After every call: the whole error record. */
static void record(clickup_client *c, const char *call, clickup_result rc) {
    const clickup_error *e = clickup_last_error(c);
    char head[160];
    snprintf(head, sizeof head, "%s -> %s", call, clickup_strerror(rc));
    said("call", head);
    said("message", e->message);
    said("api_message", e->api_message);
    said("curl_error", e->curl_error);
    said("ecode", e->ecode);
    said("method", e->method);
    said("path", e->path);
    g_checks++;
}

static void assert_clean(const char *where) {
    const char *hit = g_said ? strstr(g_said, SECRET_PART) : NULL;
    if (hit) {
        const char *from = hit - g_said > 200 ? hit - 200 : g_said;
        fail_msg("%s: the token shows up in what the library said:\n...%.400s", where, from);
    }
}

static clickup_client *client(const char *token, const char *base) {
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_config_init(&cfg);
    cfg.token = token;
    cfg.base_url = base;
    cfg.log = log_fn;
    cfg.log_level = CLICKUP_LOG_DEBUG;
    cfg.backoff_base_ms = 5;
    cfg.backoff_cap_ms = 20;
    cfg.timeout_ms = 3000;
    cfg.connect_timeout_ms = 1000;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    return c;
}

#define CALL(c, name, expr) do { clickup_result rc_ = (expr); record((c), (name), rc_); } while (0)

/* ---- the flows ----------------------------------------------------------------------------- */
static void test_every_read_and_write(void **state) {
    clickup_client *c = client(SECRET, g_base);
    clickup_task_query q;
    clickup_task_new nt;
    clickup_task_changes ch;
    clickup_field_value fv;
    const char *team = NULL;
    clickup_teams *teams = NULL; clickup_members *members = NULL; clickup_spaces *spaces = NULL;
    clickup_folders *folders = NULL; clickup_lists *lists = NULL; clickup_list *list = NULL;
    clickup_task *task = NULL; clickup_tasks *tasks = NULL; clickup_templates *tpl = NULL;
    clickup_template_task *tt = NULL;
    clickup_task_get_opts go;
    (void)state;
    CALL(c, "team_id", clickup_client_team_id(c, &team));
    assert_string_equal(team, SANDBOX_TEAM_ID);
    CALL(c, "teams", clickup_teams_get(c, &teams));
    CALL(c, "members", clickup_members_get(c, &members));
    CALL(c, "spaces", clickup_spaces_get(c, NULL, &spaces));
    clickup_spaces_free(spaces); spaces = NULL;
    CALL(c, "spaces again (cache hit)", clickup_spaces_get(c, NULL, &spaces));
    clickup_spaces_free(spaces); spaces = NULL;
    CALL(c, "folders", clickup_folders_get(c, "790", NULL, &folders));
    CALL(c, "lists", clickup_lists_get(c, "1100", NULL, NULL, &lists));
    CALL(c, "list", clickup_list_get(c, "2100", &list));
    memset(&go, 0, sizeof go);
    go.include_subtasks = 1; go.include_markdown = 1;
    CALL(c, "task get", clickup_task_get(c, SANDBOX_SPECIAL_TASK, &go, &task));
    clickup_task_free(task); task = NULL;
    CALL(c, "task get custom", clickup_task_get(c, "OPS-42", NULL, &task));
    clickup_task_free(task); task = NULL;
    memset(&q, 0, sizeof q);
    q.list_id = "2100";
    q.include_closed = 1;
    CALL(c, "tasks get", clickup_tasks_get(c, &q, &tasks));
    assert_non_null(tasks);
    assert_int_equal(tasks->count, 250);
    CALL(c, "templates", clickup_templates_get(c, &tpl));
    memset(&nt, 0, sizeof nt);
    nt.name = "secret flow";
    nt.markdown = "a body with " BODY_MARKER;           /* bodies are never logged either */
    CALL(c, "create", clickup_task_create(c, "2101", &nt, &task));
    clickup_task_free(task); task = NULL;
    memset(&ch, 0, sizeof ch);
    ch.name = "secret flow, renamed";
    CALL(c, "update", clickup_task_update(c, "86c00001", &ch, &task));
    clickup_task_free(task); task = NULL;
    CALL(c, "from template", clickup_task_from_template(c, "2101", "t-86b3e001", "from template", &tt));
    CALL(c, "tag add", clickup_task_tag_add(c, "86c00002", "secret"));
    CALL(c, "tag remove", clickup_task_tag_remove(c, "86c00002", "secret"));
    memset(&fv, 0, sizeof fv);
    fv.type = CLICKUP_VALUE_STRING; fv.str = "#ops";
    CALL(c, "field set", clickup_task_field_set(c, "86c00002", SANDBOX_FIELD_TEXT, &fv));
    CALL(c, "field remove", clickup_task_field_remove(c, "86c00002", SANDBOX_FIELD_TEXT));
    {
        clickup_rate_state rs;
        clickup_metrics m;
        CALL(c, "rate", clickup_rate_get(c, &rs));
        clickup_metrics_get(c, &m);
        assert_true(m.requests > 10);
    }
    clickup_teams_free(teams); clickup_members_free(members); clickup_folders_free(folders);
    clickup_lists_free(lists); clickup_list_free(list); clickup_tasks_free(tasks);
    clickup_templates_free(tpl); clickup_template_task_free(tt);
    clickup_client_destroy(c);
    print_message("  reads and writes: %lu log lines, %lu error records checked\n", g_lines, g_checks);
    assert_true(g_lines > 20);               /* debug logging was on and said things */
    assert_clean("reads and writes");
    assert_null(strstr(g_said, BODY_MARKER));
}

static void test_error_flows(void **state) {
    clickup_client *c;
    clickup_task *t = NULL;
    clickup_spaces *s = NULL;
    clickup_task_new nt;
    char closed[96];
    (void)state;

    /* a revoked token (it contains the real one as a prefix, and is itself secret) */
    c = client(WRONG_SECRET, g_base);
    CALL(c, "bad token: spaces", clickup_spaces_get(c, NULL, &s));
    assert_int_equal(clickup_last_error(c)->code, CLICKUP_ERR_AUTH);
    CALL(c, "bad token: task", clickup_task_get(c, SANDBOX_SPECIAL_TASK, NULL, &t));
    clickup_client_destroy(c);

    c = client(SECRET, g_base);
    /* 404 */
    CALL(c, "404 task", clickup_task_get(c, "86zzzzzz", NULL, &t));
    assert_int_equal(clickup_last_error(c)->code, CLICKUP_ERR_NOT_FOUND);
    {
        clickup_list *l = NULL;
        CALL(c, "404 list", clickup_list_get(c, "999999", &l));
        assert_null(l);
    }
    /* 429 for good: RATE_LIMITED after the retries */
    sandbox_fault(g_sb, NULL, "/api/v2/", SANDBOX_FAULT_429, 8, 0);
    CALL(c, "429 spaces", clickup_spaces_get(c, NULL, &s));
    assert_int_equal(clickup_last_error(c)->code, CLICKUP_ERR_RATE_LIMITED);
    memset(&nt, 0, sizeof nt);
    nt.name = "rate limited";
    CALL(c, "429 create", clickup_task_create(c, "2101", &nt, &t));
    sandbox_fault_clear(g_sb);
    /* 5xx with an HTML body, 401 OAUTH_025 injected, a malformed 200 */
    sandbox_fault(g_sb, "GET", "/api/v2/task/", SANDBOX_FAULT_STATUS, 4, 503);
    CALL(c, "503 task", clickup_task_get(c, SANDBOX_SPECIAL_TASK, NULL, &t));
    sandbox_fault(g_sb, "GET", "/api/v2/task/", SANDBOX_FAULT_STATUS, 1, 401);
    CALL(c, "401 task", clickup_task_get(c, SANDBOX_SPECIAL_TASK, NULL, &t));
    sandbox_fault(g_sb, "GET", "/api/v2/task/", SANDBOX_FAULT_MALFORMED, 1, 0);
    CALL(c, "malformed task", clickup_task_get(c, SANDBOX_SPECIAL_TASK, NULL, &t));
    sandbox_fault(g_sb, "POST", "/api/v2/list/", SANDBOX_FAULT_CONN_RESET, 1, 0);
    CALL(c, "reset create", clickup_task_create(c, "2101", &nt, &t));
    sandbox_fault_clear(g_sb);
    /* refused locally */
    CALL(c, "bad id", clickup_task_get(c, "../etc/passwd", NULL, &t));
    clickup_client_destroy(c);

    /* a network failure: nothing listens on that port */
    {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in a;
        socklen_t al = sizeof a;
        memset(&a, 0, sizeof a);
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof a), 0);
        assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &al), 0);
        snprintf(closed, sizeof closed, "http://127.0.0.1:%d/api/v2", ntohs(a.sin_port));
        close(fd);
    }
    c = client(SECRET, closed);
    CALL(c, "closed port: spaces", clickup_spaces_get(c, NULL, &s));
    assert_int_equal(clickup_last_error(c)->code, CLICKUP_ERR_NETWORK);
    assert_true(clickup_last_error(c)->curl_error[0] != '\0');
    CALL(c, "closed port: create", clickup_task_create(c, "2101", &nt, &t));
    clickup_client_destroy(c);
    assert_null(t);
    assert_null(s);
    print_message("  error flows: %lu log lines, %lu error records checked in total\n", g_lines, g_checks);
    assert_clean("error flows");
}

/* Configuration problems name the variable, never the value. */
static void test_config_messages(void **state) {
    char msg[256];
    clickup_config cfg;
    (void)state;
    setenv("CLICKUP_API_TOKEN", SECRET " with a space", 1);
    assert_int_equal(clickup_config_from_env(&cfg, msg, sizeof msg), CLICKUP_ERR_CONFIG);
    said("config_from_env", msg);
    setenv("CLICKUP_API_TOKEN", SECRET, 1);
    setenv("CLICKUP_TEAM_ID", SECRET, 1);
    assert_int_equal(clickup_config_from_env(&cfg, msg, sizeof msg), CLICKUP_ERR_CONFIG);
    said("config_from_env", msg);
    unsetenv("CLICKUP_TEAM_ID");
    unsetenv("CLICKUP_API_TOKEN");
    assert_clean("config messages");
}

/* ---- the CLI ------------------------------------------------------------------------------- */
static int slurp_append(const char *what, const char *path) {
    FILE *f = fopen(path, "rb");
    char buf[4096];
    size_t n;
    int any = 0;
    if (!f) return 0;
    while ((n = fread(buf, 1, sizeof buf - 1, f)) > 0) {
        buf[n] = '\0';
        if (memchr(buf, '\0', n)) { size_t i; for (i = 0; i < n; i++) if (!buf[i]) buf[i] = '?'; }
        said(what, buf);
        any = 1;
    }
    fclose(f);
    return any;
}

static void test_cli_debug_log(void **state) {
    static const char *const cmds[] = {
        "spaces", "members", "task get " SANDBOX_SPECIAL_TASK " --markdown --subtasks", "tasks --list 2101",
        "templates", "folders --space 790", "lists --folder 1100", "task create --list 2101 --name cli-secret",
        "task update 86c00001 --name cli-renamed", "task from-template --list 2101 --template t-86b3e001 --name cli-tpl",
        "rate", "task get 86zzzzzz",
    };
    char cmd[1024], out[64], err[64];
    size_t i, stderr_bytes = 0;
    int debug_lines = 0;
    (void)state;
    if (access("build/clickup", X_OK) != 0) {
        print_message("  build/clickup not built: the CLI part is skipped (make build/clickup)\n");
        skip();
    }
    snprintf(out, sizeof out, "build/secrets_cli_%d.out", (int)getpid());
    snprintf(err, sizeof err, "build/secrets_cli_%d.err", (int)getpid());
    for (i = 0; i < sizeof cmds / sizeof cmds[0] + 1; i++) {
        int rc;
        FILE *f;
        const char *token = i < sizeof cmds / sizeof cmds[0] ? SECRET : WRONG_SECRET;
        const char *args = i < sizeof cmds / sizeof cmds[0] ? cmds[i] : "spaces";
        snprintf(cmd, sizeof cmd,
                 "env -u CLICKUP_TEAM_ID CLICKUP_API_TOKEN=%s CLICKUP_BASE_URL=%s CLICKUP_LOG_LEVEL=debug "
                 "CLICKUP_BACKOFF_MS=5 build/clickup %s >%s 2>%s",
                 token, g_base, args, out, err);
        rc = system(cmd);
        assert_true(rc != -1 && WIFEXITED(rc));
        said("cli", args);
        slurp_append("cli stdout", out);
        if (slurp_append("cli stderr", err)) {
            char line[1024];
            if ((f = fopen(err, "r")) != NULL) {
                while (fgets(line, sizeof line, f)) { stderr_bytes += strlen(line); debug_lines++; }
                fclose(f);
            }
        }
        if (i == sizeof cmds / sizeof cmds[0]) assert_int_equal(WEXITSTATUS(rc), 3);   /* auth failed */
        else if (i == sizeof cmds / sizeof cmds[0] - 1) assert_int_equal(WEXITSTATUS(rc), 4);   /* not found */
        else if (WEXITSTATUS(rc) != 0) fail_msg("build/clickup %s exited %d", args, WEXITSTATUS(rc));
    }
    remove(out);
    remove(err);
    print_message("  CLI: %lu commands, %d stderr lines (%lu bytes) at debug level\n",
                  (unsigned long)(sizeof cmds / sizeof cmds[0] + 1), debug_lines, (unsigned long)stderr_bytes);
    assert_true(debug_lines > 10);           /* debug logging reached stderr */
    assert_clean("build/clickup");
}

/* The check itself can fail: a line with the token is found. */
static void test_the_check_can_fail(void **state) {
    size_t keep = g_said_len;
    (void)state;
    said("probe", "Authorization: " SECRET);
    assert_non_null(strstr(g_said, SECRET_PART));
    g_said_len = keep;
    g_said[g_said_len] = '\0';
    assert_clean("after the probe");
}

static int group_setup(void **state) {
    sandbox_opts o;
    (void)state;
    clickup_global_init();
    memset(&o, 0, sizeof o);
    o.token = SECRET;
    g_sb = sandbox_start(&o);
    if (!g_sb) return -1;
    sandbox_base_url(g_sb, g_base, sizeof g_base);
    said("start", g_base);
    return 0;
}
static int group_teardown(void **state) {
    (void)state;
    sandbox_stop(g_sb);
    clickup_global_cleanup();
    free(g_said);
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_check_can_fail),
        cmocka_unit_test(test_every_read_and_write),
        cmocka_unit_test(test_error_flows),
        cmocka_unit_test(test_config_messages),
        cmocka_unit_test(test_cli_debug_log),
    };
    return cmocka_run_group_tests_name("secrets", tests, group_setup, group_teardown);
}

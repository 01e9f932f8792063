/* The token does not survive in memory that libcurl frees for the library (regression test; a
   program of its own because it installs libcurl's memory callbacks for the whole process).

   clickup.h hands libcurl its headers as a curl_slist, and curl_slist_append copies every line
   - "Authorization: <token>" among them - into a block of libcurl's own. Those blocks were
   released with curl_slist_free_all as they were: the token stayed readable in freed heap
   memory after every request, although the client wipes its own copies.

   Here libcurl allocates through the callbacks below (curl_global_init_mem, called before
   anything else touches libcurl). Each block carries a small header with its size, so free
   can look at the whole block: a block that starts with "Authorization:" and still holds the
   token is counted as a leaked secret.

   Not counted, on purpose: libcurl also serializes the whole request ("GET /api/v2/... HTTP/1.1
   ... Authorization: ...") into a buffer of its own and frees it without wiping. That buffer
   does not start with "Authorization:", and the library cannot reach it; the documentation of
   the fix names that copy. The sandbox runs in this process too, but it allocates with plain
   malloc, not through these callbacks, so its own copies of the request are not seen here.

   Nothing here prints the token: the checks compare counts only. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#define CLICKUP_IMPLEMENTATION
#define CLICKUP_STATIC
#include "../clickup.h"
#include "sandbox.h"
#include <cmocka.h>

/* ---- libcurl's allocator: a size header in front of every block --------------------------- */
#define AUTH_PREFIX "Authorization:"
#define HEADER_SIZE 16               /* keeps the caller's pointer 16-byte aligned (max_align_t) */

static const char *secret;           /* the token of the running test, or NULL            */
static unsigned long secret_leaks;   /* blocks freed still holding "Authorization: <secret>" */
static unsigned long auth_copies;    /* blocks that libcurl filled with such a line (strdup) */

static void *block_of(void *p) { return (char *)p - HEADER_SIZE; }
static size_t size_of(void *p) {
    size_t n;
    memcpy(&n, block_of(p), sizeof n);
    return n;
}

/* Does [p, p + n) hold the token anywhere? */
static int holds_secret(const char *p, size_t n) {
    size_t i, k = secret ? strlen(secret) : 0;
    if (!k || n < k) return 0;
    for (i = 0; i + k <= n; i++)
        if (memcmp(p + i, secret, k) == 0) return 1;
    return 0;
}

/* A block about to be released: count it if it is an unwiped Authorization line. */
static void inspect(void *p) {
    size_t n = size_of(p);
    if (n >= sizeof AUTH_PREFIX - 1 && memcmp(p, AUTH_PREFIX, sizeof AUTH_PREFIX - 1) == 0 &&
        holds_secret((const char *)p, n))
        secret_leaks++;
}

static void *cb_malloc(size_t n) {
    char *b = (char *)malloc(HEADER_SIZE + n);
    if (!b) return NULL;
    memcpy(b, &n, sizeof n);
    return b + HEADER_SIZE;
}

static void cb_free(void *p) {
    if (!p) return;
    inspect(p);
    free(block_of(p));
}

/* Always moves the block, so the old one passes through inspect() like any freed block. */
static void *cb_realloc(void *p, size_t n) {
    void *q;
    if (!p) return cb_malloc(n);
    q = cb_malloc(n);
    if (!q) return NULL;
    memcpy(q, p, size_of(p) < n ? size_of(p) : n);
    cb_free(p);
    return q;
}

static char *cb_strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *q = (char *)cb_malloc(n);
    if (!q) return NULL;
    memcpy(q, s, n);
    if (strncmp(s, AUTH_PREFIX, sizeof AUTH_PREFIX - 1) == 0 && holds_secret(s, n)) auth_copies++;
    return q;
}

static void *cb_calloc(size_t count, size_t size) {
    void *q;
    if (size && count > (size_t)-1 / size) return NULL;
    q = cb_malloc(count * size);
    if (q) memset(q, 0, count * size);
    return q;
}

/* ---- the tests ------------------------------------------------------------------------------ */
typedef struct fixture {
    sandbox *sb;
    char     url[96];
} fixture;

static int start_sandbox(void **state) {
    fixture *f = (fixture *)calloc(1, sizeof *f);
    if (!f) return -1;
    f->sb = sandbox_start(NULL);
    if (!f->sb) { free(f); return -1; }
    sandbox_base_url(f->sb, f->url, sizeof f->url);
    *state = f;
    secret_leaks = auth_copies = 0;
    return 0;
}

static int stop_sandbox(void **state) {
    fixture *f = (fixture *)*state;
    sandbox_stop(f->sb);
    free(f);
    secret = NULL;
    return 0;
}

/* GETs and POSTs with `token` (the header value is `token`, or "Bearer <token>" for OAuth),
   then destroy the client; every request's Authorization line must be wiped before libcurl
   frees it. */
static void run_calls_and_check(const fixture *f, const char *token) {
    clickup_config cfg;
    clickup_client *c = NULL;
    clickup_task *t = NULL;
    clickup_spaces *spaces = NULL;
    clickup_task_new nt;
    clickup_result rc_get, rc_spaces, rc_create, rc_tag;
    secret = token;
    clickup_config_init(&cfg);
    cfg.token = token;
    cfg.base_url = f->url;
    cfg.team_id = SANDBOX_TEAM_ID;
    assert_int_equal(clickup_client_create(&cfg, &c), CLICKUP_OK);
    memset(&nt, 0, sizeof nt);
    nt.name = "Wipe check";
    rc_get = clickup_task_get(c, SANDBOX_SPECIAL_TASK, NULL, &t);                  /* GET  */
    rc_spaces = clickup_spaces_get(c, NULL, &spaces);                              /* GET  */
    clickup_task_free(t);
    t = NULL;
    rc_create = clickup_task_create(c, "2101", &nt, &t);                           /* POST */
    rc_tag = clickup_task_tag_add(c, SANDBOX_SPECIAL_TASK, "urgent");              /* POST */
    clickup_task_free(t);
    clickup_spaces_free(spaces);
    clickup_client_destroy(c);
    assert_int_equal(rc_get, CLICKUP_OK);
    assert_int_equal(rc_spaces, CLICKUP_OK);
    assert_int_equal(rc_create, CLICKUP_OK);
    assert_int_equal(rc_tag, CLICKUP_OK);
    /* the check is live: libcurl copied the Authorization line once per request */
    if (auth_copies < 4) fail_msg("expected at least 4 copies of the Authorization line, saw %lu", auth_copies);
    if (secret_leaks)
        fail_msg("%lu block(s) holding the Authorization line with the token were freed without being wiped",
                 secret_leaks);
}

static void test_personal_token_is_wiped(void **state) {
    run_calls_and_check((const fixture *)*state, SANDBOX_TOKEN);
}

static void test_oauth_token_is_wiped(void **state) {
    run_calls_and_check((const fixture *)*state, SANDBOX_OAUTH_TOKEN);   /* sent as "Bearer ..." */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_personal_token_is_wiped, start_sandbox, stop_sandbox),
        cmocka_unit_test_setup_teardown(test_oauth_token_is_wiped, start_sandbox, stop_sandbox),
    };
    int rc;
    /* instead of clickup_global_init: the same, with our allocator, before anything else */
    if (curl_global_init_mem(CURL_GLOBAL_ALL, cb_malloc, cb_free, cb_realloc, cb_strdup, cb_calloc) != CURLE_OK) {
        fprintf(stderr, "curl_global_init_mem failed\n");
        return 1;
    }
    rc = cmocka_run_group_tests_name("wipe", tests, NULL, NULL);
    curl_global_cleanup();
    return rc;
}

/* team_central - what Team Central's client-mapping screen needs from ClickUp: the spaces of
   the workspace and its members, printed as one JSON object:

       {"spaces": [{"id": "790", "name": "Client A", "private": false}, ...],
        "members": [{"id": 183, "username": "Ada Owner", "email": "ada@example.com"}, ...]}

   Member ids are numbers (ClickUp user ids are integers). Both answers are cached for an hour
   inside the client, so a long-running service calling this often costs few requests.

   Build and run:
       make build/team_central
       CLICKUP_API_TOKEN=pk_... build/team_central

   Environment: CLICKUP_API_TOKEN (required), CLICKUP_TEAM_ID, CLICKUP_BASE_URL, and the other
   CLICKUP_* variables of clickup_config_from_env.
   Exit codes: as build/clickup (0 ok, 2 configuration, 3 authentication, 4 not found or no
   access, 5 rejected, 6 rate limited, 7 network or server, 9 bad response, 1 out of memory).
*/
#include <stdio.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"
#ifdef CLICKUP_WITH_REDIS    /* the Makefile builds it so: CLICKUP_LIMITER / CLICKUP_CACHE = redis://... */
#define CLICKUP_REDIS_IMPLEMENTATION
#include "clickup_redis.h"
#endif

/* The exit code for a failed call (the same table as build/clickup). */
static int exit_code(clickup_result rc) {
    switch (rc) {
    case CLICKUP_OK:                  return 0;
    case CLICKUP_ERR_NOMEM:           return 1;
    case CLICKUP_ERR_INVALID_ARG:
    case CLICKUP_ERR_CONFIG:          return 2;
    case CLICKUP_ERR_AUTH:            return 3;
    case CLICKUP_ERR_NOT_FOUND:
    case CLICKUP_ERR_NO_ACCESS:       return 4;
    case CLICKUP_ERR_VALIDATION:
    case CLICKUP_ERR_HTTP:            return 5;
    case CLICKUP_ERR_RATE_LIMITED:    return 6;
    case CLICKUP_ERR_NETWORK:
    case CLICKUP_ERR_TIMEOUT:
    case CLICKUP_ERR_SERVER:          return 7;
    case CLICKUP_ERR_OUTCOME_UNKNOWN: return 8;
    case CLICKUP_ERR_BAD_RESPONSE:
    case CLICKUP_ERR_TOO_LARGE:
    case CLICKUP_ERR_JSON:            return 9;
    }
    return 5;
}

static int fail(clickup_client *cu, clickup_result rc, const char *what) {
    fprintf(stderr, "team_central: %s: %s\n", what, clickup_last_error(cu)->message);
    return exit_code(rc);
}

static void write_spaces(clickup_json_writer *w, const clickup_spaces *spaces) {
    size_t i;
    clickup_jw_array_begin(w);
    for (i = 0; i < spaces->count; i++) {
        clickup_jw_object_begin(w);
        clickup_jw_key(w, "id");      clickup_jw_string(w, spaces->items[i].id);
        clickup_jw_key(w, "name");    clickup_jw_string(w, spaces->items[i].name);
        clickup_jw_key(w, "private"); clickup_jw_bool(w, spaces->items[i].is_private);
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
}

static void write_members(clickup_json_writer *w, const clickup_members *members) {
    size_t i;
    clickup_jw_array_begin(w);
    for (i = 0; i < members->count; i++) {
        clickup_jw_object_begin(w);
        clickup_jw_key(w, "id");       clickup_jw_int64(w, members->items[i].id);
        clickup_jw_key(w, "username"); clickup_jw_string(w, members->items[i].username);
        clickup_jw_key(w, "email");    clickup_jw_string(w, members->items[i].email);
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
}

/* {"spaces": [...], "members": [...]} on stdout. Returns an exit code. */
static int print_result(const clickup_spaces *spaces, const clickup_members *members) {
    clickup_json_writer w;
    const char *text;
    size_t len;
    clickup_result rc;
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    clickup_jw_key(&w, "spaces");
    write_spaces(&w, spaces);
    clickup_jw_key(&w, "members");
    write_members(&w, members);
    clickup_jw_object_end(&w);
    rc = clickup_json_writer_finish(&w, &text, &len);
    if (rc == CLICKUP_OK) printf("%s\n", text);
    else fprintf(stderr, "team_central: writing JSON: %s\n", clickup_strerror(rc));
    clickup_json_writer_free(&w);
    return exit_code(rc);
}

int main(void) {
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_spaces *spaces = NULL;
    clickup_members *members = NULL;
    clickup_result rc;
    char why[256];
    int code;

    if (clickup_config_from_env(&cfg, why, sizeof why) < 0) {
        fprintf(stderr, "team_central: configuration: %s\n", why);
        return 2;
    }
    clickup_global_init();
#ifdef CLICKUP_WITH_REDIS
    clickup_redis_env redis;
    if ((rc = clickup_redis_env_open(&cfg, &redis, why, sizeof why)) < 0) {
        fprintf(stderr, "team_central: configuration: %s\n", why);
        clickup_global_cleanup();
        return exit_code(rc);
    }
#endif
    if ((rc = clickup_client_create(&cfg, &cu)) < 0) {
        fprintf(stderr, "team_central: configuration: %s\n", clickup_strerror(rc));
#ifdef CLICKUP_WITH_REDIS
        clickup_redis_env_close(&redis);
#endif
        clickup_global_cleanup();
        return exit_code(rc);
    }

    if ((rc = clickup_spaces_get(cu, NULL, &spaces)) < 0) code = fail(cu, rc, "spaces");
    else if ((rc = clickup_members_get(cu, &members)) < 0) code = fail(cu, rc, "members");
    else code = print_result(spaces, members);

    clickup_members_free(members);
    clickup_spaces_free(spaces);
    clickup_client_destroy(cu);
#ifdef CLICKUP_WITH_REDIS
    clickup_redis_env_close(&redis);
#endif
    clickup_global_cleanup();
    return code;
}

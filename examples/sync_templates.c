/* sync_templates - the Worker's nightly job: copy ClickUp's task templates into a store, so that
   the SOP library can be searched without asking ClickUp. The store is a local JSON file (the
   embedded default) or a PostgreSQL table (what the requirements draft's Supabase is).

       sync_templates [STORE]          STORE: a file path (default sops.json), or a libpq
                                       connection URI: postgresql://USER:PASSWORD@HOST/DB
                                       (postgres:// too; ?host=/socket/dir for a Unix socket)
       SOPS_DATABASE_URL=postgresql://...  sync_templates      the same, without an argument
                                       (an argument wins over the variable)
       sync_templates --help

   Each run first fetches every template (all pages); nothing is written unless that worked.
   A template not in the store is "new"; one whose stored copy differs is "updated"; the rest
   are "unchanged". It prints one line:  Synced N templates (X new, Y updated, Z unchanged)
   ClickUp returns only the id and the name of a template, so the variables come from the name.

   THE FILE STORE is one JSON object keyed by template id:

       {"t-86b3e001": {"id": "t-86b3e001", "name": "SOP: Onboard {{client_name}}",
                       "variables": ["client_name"],
                       "first_seen": 1764355200, "last_synced": 1764355200}, ...}

   (times in Unix seconds). "Updated" = the name changed. Every fetched template gets
   last_synced = now. A template that disappeared from ClickUp stays in the store with its old
   last_synced: nothing is deleted.
   - The store is replaced atomically: a temporary file in the same directory is written,
     flushed and fsync'ed, renamed over the store, and the directory is fsync'ed. A crash
     leaves either the old store or the new one, never half of one.
   - A missing store starts empty. A corrupt one is moved aside to STORE.corrupt (said on
     stderr) and the sync starts empty.

   THE POSTGRESQL STORE (libpq; only this example links it, clickup.h stays libcurl-only) is
   the table sops, created when missing (CREATE TABLE IF NOT EXISTS, safe to run again):

       clickup_template_id text PRIMARY KEY     name text NOT NULL     variables text[]
       content jsonb (the template as ClickUp returned it)    scope text DEFAULT 'canonical'
       first_seen_at timestamptz    last_synced_at timestamptz    deleted_at timestamptz NULL

   One transaction does the whole sync:
     1. pg_advisory_xact_lock(1936683123) ("sops" in ASCII): a second Worker waits here until
        the first has committed, then sees its rows, so two Workers never double-count and
        never race the CREATE TABLE. The lock goes with the transaction, even on a crash.
     2. The migration, then a check of the table's shape: the columns above with these types
        (more columns are fine, unless NOT NULL without a default) and a unique index on
        clickup_template_id. A table of another shape is left alone (exit 13).
     3. INSERT ... ON CONFLICT (clickup_template_id) DO UPDATE, 100 templates per statement
        (one jsonb parameter each). "Updated" = name, variables or content changed, or the
        template had been marked deleted and came back (deleted_at is cleared). scope and
        first_seen_at are kept. Every fetched template gets last_synced_at = the sync's time.
     4. Templates no longer in ClickUp get deleted_at = the sync's time; rows are never deleted.
        (Not when ClickUp had more pages than the 100 fetched: what was not seen is not gone.)
     5. COMMIT. Any failure before it rolls everything back: the table is exactly as before.
   Database errors are one line on stderr. The password (from the URI or PGPASSWORD) is never
   printed: it is replaced by *** wherever a message would contain it.

   Build and run:
       make build/sync_templates                  (links libcurl and libpq)
       CLICKUP_API_TOKEN=pk_... build/sync_templates /var/lib/agency/sops.json
       CLICKUP_API_TOKEN=pk_... SOPS_DATABASE_URL=postgresql://worker:...@db/agency build/sync_templates

   Exit codes:
       0  synced
       1  out of memory
       2  configuration: usage, CLICKUP_* settings, a malformed connection URI
       3  ClickUp refused the token            4  no access to the workspace
       5  another HTTP error from ClickUp      6  rate limited by ClickUp
       7  network or server error (ClickUp)    9  a bad response from ClickUp
       8  the connection to the database was lost during COMMIT: the sync may or may not
          have been saved (run it again: it is idempotent)
      10  the store cannot be read or written: a file error, or a database statement failed
          (rolled back: the table is as before)
      11  the database server cannot be reached (or the connection was lost before COMMIT)
      12  the database refused the connection: wrong password or user, no such database
      13  the table sops exists with the wrong shape
*/
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libpq-fe.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

#define EXIT_STORE 10

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

/* ---- fetching ----------------------------------------------------------------------------- */

/* Every template of the workspace into *out. Returns an exit code. */
static int fetch_templates(clickup_templates **out) {
    clickup_config cfg;
    clickup_client *cu = NULL;
    clickup_result rc;
    char why[256];
    if (clickup_config_from_env(&cfg, why, sizeof why) < 0) {
        fprintf(stderr, "sync_templates: configuration: %s\n", why);
        return 2;
    }
    if ((rc = clickup_client_create(&cfg, &cu)) < 0) {
        fprintf(stderr, "sync_templates: configuration: %s\n", clickup_strerror(rc));
        return exit_code(rc);
    }
    if ((rc = clickup_templates_get(cu, out)) < 0)
        fprintf(stderr, "sync_templates: fetching templates: %s\n", clickup_last_error(cu)->message);
    else if ((*out)->truncated)
        fprintf(stderr, "sync_templates: ClickUp has more templates than fetched (stopped after %lu pages)\n",
                (unsigned long)(*out)->pages);
    clickup_client_destroy(cu);
    return exit_code(rc);
}

/* The template with this id, or NULL. */
static const clickup_template *find_template(const clickup_templates *t, const char *id, size_t id_len) {
    size_t i;
    for (i = 0; i < t->count; i++)
        if (strlen(t->items[i].id) == id_len && memcmp(t->items[i].id, id, id_len) == 0) return &t->items[i];
    return NULL;
}

/* ---- reading the store -------------------------------------------------------------------- */

/* The whole file in a malloc'd buffer. Returns 0, or -1 with errno set. */
static int read_file(const char *path, char **text, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (!f) return -1;
    for (;;) {
        if (n == cap) {
            char *bigger = (char *)realloc(buf, cap ? cap * 2 : 65536);
            if (!bigger) { free(buf); fclose(f); errno = ENOMEM; return -1; }
            buf = bigger;
            cap = cap ? cap * 2 : 65536;
        }
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) break;                         /* end of file, or an error */
    }
    if (ferror(f)) { free(buf); fclose(f); errno = EIO; return -1; }
    fclose(f);
    *text = buf;
    *len = n;
    return 0;
}

/* A store is an object whose members are objects with a string "name". */
static int is_valid_store(const clickup_json *root) {
    size_t i;
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return 0;
    for (i = 0; i < clickup_json_len(root); i++) {
        const clickup_json *entry = clickup_json_member(root, i, NULL, NULL);
        if (!clickup_json_is(entry, CLICKUP_JSON_OBJECT)) return 0;
        if (!clickup_json_is(clickup_json_get(entry, "name"), CLICKUP_JSON_STRING)) return 0;
    }
    return 1;
}

/* Move a corrupt store out of the way. Returns 0 or EXIT_STORE. */
static int move_aside(const char *path, const char *reason) {
    char aside[4096];
    snprintf(aside, sizeof aside, "%s.corrupt", path);
    if (rename(path, aside) != 0) {
        fprintf(stderr, "sync_templates: %s is corrupt (%s) and cannot be moved aside: %s\n", path, reason,
                strerror(errno));
        return EXIT_STORE;
    }
    fprintf(stderr, "sync_templates: %s was corrupt (%s); moved it to %s and started an empty store\n", path,
            reason, aside);
    return 0;
}

/* The old store into *doc (NULL = start empty). Returns 0 or EXIT_STORE. */
static int load_store(const char *path, clickup_json_doc **doc) {
    clickup_json_error err;
    char *text = NULL;
    size_t len = 0;
    int ok;
    *doc = NULL;
    if (read_file(path, &text, &len) != 0) {
        if (errno == ENOENT) return 0;              /* the first run */
        fprintf(stderr, "sync_templates: cannot read %s: %s\n", path, strerror(errno));
        return EXIT_STORE;
    }
    ok = clickup_json_parse(text, len, NULL, doc, &err) == CLICKUP_OK;
    free(text);
    if (ok && is_valid_store(clickup_json_root(*doc))) return 0;
    clickup_json_doc_free(*doc);
    *doc = NULL;
    return move_aside(path, ok ? "not an object of templates" : "not valid JSON");
}

/* ---- the upsert --------------------------------------------------------------------------- */

typedef struct counts {
    size_t added, updated, unchanged;
} counts;

/* The {{variables}} of a template's name: each once, without the braces. Spaces inside the
   braces are allowed: {{ client_name }}. */
#define MAX_VARIABLES    32
#define MAX_VARIABLE_LEN 64

typedef struct variables {
    char   names[MAX_VARIABLES][MAX_VARIABLE_LEN + 1];
    size_t count;
} variables;

static int is_name_char(char c) {
    return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.';
}

static void add_variable(variables *vars, const char *name, size_t len) {
    size_t i;
    for (i = 0; i < vars->count; i++)
        if (strlen(vars->names[i]) == len && strncmp(vars->names[i], name, len) == 0) return;
    if (vars->count == MAX_VARIABLES) return;
    memcpy(vars->names[vars->count], name, len);
    vars->names[vars->count][len] = '\0';
    vars->count++;
}

static void find_variables(const char *text, variables *vars) {
    const char *open = text;
    while ((open = strstr(open, "{{")) != NULL) {
        const char *start = open + 2, *end, *close;
        while (*start == ' ') start++;
        for (end = start; is_name_char(*end); end++) {}
        for (close = end; *close == ' '; close++) {}
        if (end > start && end - start <= MAX_VARIABLE_LEN && strncmp(close, "}}", 2) == 0)
            add_variable(vars, start, (size_t)(end - start));
        open += 2;
    }
}

static void write_variables(clickup_json_writer *w, const char *name) {
    variables vars;
    size_t i;
    memset(&vars, 0, sizeof vars);
    find_variables(name, &vars);
    clickup_jw_array_begin(w);
    for (i = 0; i < vars.count; i++) clickup_jw_string(w, vars.names[i]);
    clickup_jw_array_end(w);
}

static void write_entry(clickup_json_writer *w, const clickup_template *t, int64_t first_seen, int64_t now) {
    clickup_jw_key(w, t->id);
    clickup_jw_object_begin(w);
    clickup_jw_key(w, "id");          clickup_jw_string(w, t->id);
    clickup_jw_key(w, "name");        clickup_jw_string(w, t->name);
    clickup_jw_key(w, "variables");   write_variables(w, t->name);
    clickup_jw_key(w, "first_seen");  clickup_jw_int64(w, first_seen);
    clickup_jw_key(w, "last_synced"); clickup_jw_int64(w, now);
    clickup_jw_object_end(w);
}

/* The new store: the old entries in their order (refreshed when ClickUp still has them),
   then the new templates. */
static void write_store(clickup_json_writer *w, const clickup_json *old, const clickup_templates *fetched,
                        int64_t now, counts *n) {
    size_t i;
    clickup_jw_object_begin(w);
    for (i = 0; i < clickup_json_len(old); i++) {
        const char *id = NULL;
        size_t id_len = 0;
        const clickup_json *entry = clickup_json_member(old, i, &id, &id_len);
        const clickup_template *t = find_template(fetched, id, id_len);
        if (clickup_json_getn(old, id, id_len) != entry) continue;   /* a repeated key: keep the first */
        if (!t) {                                                    /* gone from ClickUp: keep as is */
            clickup_jw_keyn(w, id, id_len);
            clickup_jw_value(w, entry);
            continue;
        }
        if (strcmp(clickup_json_as_string(clickup_json_get(entry, "name"), "", NULL), t->name) != 0) n->updated++;
        else n->unchanged++;
        write_entry(w, t, clickup_json_as_int64(clickup_json_get(entry, "first_seen"), now), now);
    }
    for (i = 0; i < fetched->count; i++) {
        const clickup_template *t = &fetched->items[i];
        if (clickup_json_get(old, t->id)) continue;                  /* done above */
        if (find_template(fetched, t->id, strlen(t->id)) != t) continue;   /* listed twice */
        n->added++;
        write_entry(w, t, now, now);
    }
    clickup_jw_object_end(w);
}

/* ---- writing the store atomically --------------------------------------------------------- */

/* fsync the directory holding path, so that the rename itself is on disk. */
static int sync_directory(const char *path) {
    char dir[4096];
    char *slash;
    int fd, rc;
    snprintf(dir, sizeof dir, "%s", path);
    slash = strrchr(dir, '/');
    if (!slash) snprintf(dir, sizeof dir, ".");
    else if (slash == dir) dir[1] = '\0';                       /* a file in "/" */
    else *slash = '\0';
    if ((fd = open(dir, O_RDONLY)) < 0) return -1;
    rc = fsync(fd);
    close(fd);
    return rc;
}

/* Replace path with text: temporary file, fflush + fsync, rename, fsync the directory.
   Returns 0 or EXIT_STORE. */
static int write_atomically(const char *path, const char *text, size_t len) {
    char tmp[4096];
    FILE *f;
    int fd;
    snprintf(tmp, sizeof tmp, "%s.tmp.XXXXXX", path);
    if ((fd = mkstemp(tmp)) < 0) {
        fprintf(stderr, "sync_templates: cannot create a temporary file next to %s: %s\n", path, strerror(errno));
        return EXIT_STORE;
    }
    fchmod(fd, 0644);                              /* mkstemp makes it 0600; the store is no secret */
    if (!(f = fdopen(fd, "w"))) { close(fd); unlink(tmp); return EXIT_STORE; }
    if (fwrite(text, 1, len, f) != len || fputc('\n', f) == EOF || fflush(f) != 0 || fsync(fileno(f)) != 0) {
        fprintf(stderr, "sync_templates: cannot write %s: %s\n", tmp, strerror(errno));
        fclose(f);
        unlink(tmp);
        return EXIT_STORE;
    }
    if (fclose(f) != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "sync_templates: cannot replace %s: %s\n", path, strerror(errno));
        unlink(tmp);
        return EXIT_STORE;
    }
    if (sync_directory(path) != 0)
        fprintf(stderr, "sync_templates: warning: cannot fsync the directory of %s: %s\n", path, strerror(errno));
    return 0;
}

static void print_summary(const counts *n) {
    printf("Synced %lu templates (%lu new, %lu updated, %lu unchanged)\n",
           (unsigned long)(n->added + n->updated + n->unchanged), (unsigned long)n->added,
           (unsigned long)n->updated, (unsigned long)n->unchanged);
}

/* Merge the fetched templates into the store at path and say what changed. */
static int sync_store(const char *path, const clickup_templates *fetched) {
    clickup_json_doc *old = NULL;
    clickup_json_writer w;
    const char *text;
    size_t len;
    counts n;
    int code;
    if ((code = load_store(path, &old)) != 0) return code;
    memset(&n, 0, sizeof n);
    clickup_json_writer_init(&w, NULL);
    write_store(&w, clickup_json_root(old), fetched, (int64_t)time(NULL), &n);
    if (clickup_json_writer_finish(&w, &text, &len) != CLICKUP_OK) {
        fputs("sync_templates: out of memory\n", stderr);
        code = 1;
    } else if ((code = write_atomically(path, text, len)) == 0) {
        print_summary(&n);
    }
    clickup_json_writer_free(&w);
    clickup_json_doc_free(old);
    return code;
}

/* ---- the PostgreSQL store: connecting, and errors as one line without the password ---------- */

#define EXIT_OUTCOME_UNKNOWN 8
#define EXIT_DB_DOWN         11
#define EXIT_DB_REFUSED      12
#define EXIT_DB_SHAPE        13
#define BATCH_SIZE           100          /* templates per INSERT statement */
#define MAX_SECRETS          3

/* A connection, the first failure (exit code and one line), and the passwords to hide. */
typedef struct database {
    PGconn *conn;
    int     code;                         /* 0 until something failed */
    char    error[1024];
    char   *secrets[MAX_SECRETS];         /* never printed: replaced by *** */
    size_t  nsecrets;
} database;

static int is_database_uri(const char *store) {
    return strncmp(store, "postgresql://", 13) == 0 || strncmp(store, "postgres://", 11) == 0;
}

static void add_secret(database *db, const char *text, size_t len) {
    char *copy;
    if (len == 0 || db->nsecrets == MAX_SECRETS || !(copy = (char *)malloc(len + 1))) return;
    memcpy(copy, text, len);
    copy[len] = '\0';
    db->secrets[db->nsecrets++] = copy;
}

/* The passwords a message could repeat: the URI's as typed (percent-encoded, as libpq's
   complaints about a bad URI quote it), as decoded, and PGPASSWORD. */
static void collect_secrets(database *db, const char *uri) {
    const char *auth = strstr(uri, "://") + 3;
    const char *end = auth + strcspn(auth, "/?#");
    const char *at = NULL, *p, *colon;
    PQconninfoOption *opts = PQconninfoParse(uri, NULL), *o;
    for (p = auth; p < end; p++)
        if (*p == '@') at = p;                         /* userinfo ends at the last '@' */
    if (at && (colon = memchr(auth, ':', (size_t)(at - auth))) != NULL)
        add_secret(db, colon + 1, (size_t)(at - colon - 1));
    for (o = opts; o && o->keyword; o++)
        if (strcmp(o->keyword, "password") == 0 && o->val) add_secret(db, o->val, strlen(o->val));
    PQconninfoFree(opts);
    if ((p = getenv("PGPASSWORD")) != NULL) add_secret(db, p, strlen(p));
}

/* Append text to out (capacity cap, always NUL-terminated): white space runs become one
   space, and every secret becomes ***. */
static void append_clean(const database *db, char *out, size_t cap, const char *text) {
    size_t n = strlen(out), i;
    while (*text && n + 1 < cap) {
        int hidden = 0;
        for (i = 0; i < db->nsecrets && !hidden; i++) {
            size_t len = strlen(db->secrets[i]);
            if (strncmp(text, db->secrets[i], len) == 0) {
                const char *mask = "***";
                while (*mask && n + 1 < cap) out[n++] = *mask++;
                text += len;
                hidden = 1;
            }
        }
        if (hidden) continue;
        if (isspace((unsigned char)*text)) {
            if (n > 0 && out[n - 1] != ' ') out[n++] = ' ';
            text++;
        } else {
            out[n++] = *text++;
        }
    }
    while (n > 0 && out[n - 1] == ' ') n--;            /* libpq ends its messages with "\n" */
    out[n] = '\0';
}

/* Record the first failure: "WHAT: DETAIL", one line, passwords hidden. */
static void db_fail(database *db, int code, const char *what, const char *detail) {
    size_t cap;
    char *raw;
    if (db->code) return;
    db->code = code;
    db->error[0] = '\0';
    if (!detail || !*detail) detail = NULL;
    cap = strlen(what) + (detail ? strlen(detail) + 2 : 0) + 1;
    if (!(raw = (char *)malloc(cap))) {                /* the password is hidden in the whole text */
        append_clean(db, db->error, sizeof db->error, what);
        return;
    }
    snprintf(raw, cap, "%s%s%s", what, detail ? ": " : "", detail ? detail : "");
    append_clean(db, db->error, sizeof db->error, raw);
    free(raw);
}

/* libpq prints NOTICEs (e.g. "relation sops already exists, skipping") on stderr: not here. */
static void ignore_notice(void *arg, const char *message) { (void)arg; (void)message; }

/* Why a connection failed. PQping asks the server without logging in: no answer = it cannot
   be reached; an answer = it is there and refused us (password, user or database). */
static int connect_failure_code(const char *const *keys, const char *const *values) {
    switch (PQpingParams(keys, values, 1)) {
    case PQPING_OK:          return EXIT_DB_REFUSED;
    case PQPING_NO_ATTEMPT:  return 2;
    case PQPING_REJECT:                                /* starting up or shutting down */
    case PQPING_NO_RESPONSE: break;
    }
    return EXIT_DB_DOWN;
}

/* Connect to the database of uri. Returns 0, or the exit code with db->error set. */
static int db_connect(database *db, const char *uri) {
    /* Our defaults first: the URI's own connect_timeout or application_name win. */
    const char *const keys[] = { "connect_timeout", "fallback_application_name", "dbname", NULL };
    const char *const values[] = { "10", "sync_templates", uri, NULL };
    db->conn = PQconnectdbParams(keys, values, 1);
    if (!db->conn) {
        db_fail(db, 1, "out of memory", NULL);
    } else if (PQstatus(db->conn) != CONNECTION_OK) {
        int code = connect_failure_code(keys, values);
        db_fail(db, code,
                code == EXIT_DB_REFUSED ? "the server refused the connection"
                : code == 2             ? "bad connection settings"
                                        : "cannot connect",
                PQerrorMessage(db->conn));
    } else {
        PQsetNoticeProcessor(db->conn, ignore_notice, NULL);
    }
    return db->code;
}

/* Check the URI's syntax before anything is fetched. Returns 0 or 2 (said on stderr). */
static int check_database_uri(const char *uri) {
    char *why = NULL;
    PQconninfoOption *opts = PQconninfoParse(uri, &why);
    int code = 0;
    if (!opts) {
        database db;
        memset(&db, 0, sizeof db);
        collect_secrets(&db, uri);
        db_fail(&db, 2, "bad connection URI", why ? why : "out of memory");
        fprintf(stderr, "sync_templates: database: %s\n", db.error);
        while (db.nsecrets) free(db.secrets[--db.nsecrets]);
        code = 2;
    }
    PQfreemem(why);
    PQconninfoFree(opts);
    return code;
}

/* ---- the PostgreSQL store: statements ---------------------------------------------------- */

/* Run one statement with text parameters. Returns its result (PQclear it), or NULL after
   recording the failure as "WHAT: message (SQLSTATE xxxxx)". Does nothing after a failure. */
static PGresult *db_run(database *db, const char *what, const char *sql, int nparams, const char *const *params) {
    PGresult *res;
    ExecStatusType st;
    if (db->code) return NULL;
    res = PQexecParams(db->conn, sql, nparams, NULL, params, NULL, NULL, 0);
    st = PQresultStatus(res);
    if (res && (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)) return res;
    if (PQstatus(db->conn) == CONNECTION_BAD) {
        char *why = strdup(PQerrorMessage(db->conn));          /* its first line says it all */
        if (why) why[strcspn(why, "\n")] = '\0';
        db_fail(db, EXIT_DB_DOWN, "lost the connection (nothing was saved)", why);
        free(why);
    } else {
        const char *msg = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
        const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
        size_t cap;
        char *detail;
        if (!msg) msg = PQerrorMessage(db->conn);
        cap = strlen(msg) + 32;
        if ((detail = (char *)malloc(cap)) != NULL)
            snprintf(detail, cap, "%s (SQLSTATE %s)", msg, state ? state : "none");
        db_fail(db, EXIT_STORE, what, detail ? detail : msg);
        free(detail);
    }
    PQclear(res);
    return NULL;
}

/* Run a statement whose result is not needed. */
static void db_do(database *db, const char *what, const char *sql, int nparams, const char *const *params) {
    PQclear(db_run(db, what, sql, nparams, params));
}

/* BEGIN, wait for the other Workers, and note the sync's time (after the wait) into when. */
static void db_begin(database *db, char *when, size_t cap) {
    PGresult *res;
    db_do(db, "BEGIN", "BEGIN", 0, NULL);
    db_do(db, "waiting for the sync lock", "SELECT pg_advisory_xact_lock(1936683123)", 0, NULL);
    if ((res = db_run(db, "reading the clock", "SELECT clock_timestamp()::text", 0, NULL)) != NULL)
        snprintf(when, cap, "%s", PQgetvalue(res, 0, 0));
    PQclear(res);
}

static const char CREATE_SOPS[] =
    "CREATE TABLE IF NOT EXISTS sops ("
    "  clickup_template_id text PRIMARY KEY,"
    "  name                text NOT NULL,"
    "  variables           text[],"
    "  content             jsonb,"
    "  scope               text DEFAULT 'canonical',"
    "  first_seen_at       timestamptz,"
    "  last_synced_at      timestamptz,"
    "  deleted_at          timestamptz NULL)";

/* The columns the sync writes, with their types as format_type() spells them. */
static const char *const SOPS_COLUMNS[][2] = {
    { "clickup_template_id", "text" },
    { "name", "text" },
    { "variables", "text[]" },
    { "content", "jsonb" },
    { "scope", "text" },
    { "first_seen_at", "timestamp with time zone" },
    { "last_synced_at", "timestamp with time zone" },
    { "deleted_at", "timestamp with time zone" },
};
#define SOPS_NCOLUMNS (sizeof SOPS_COLUMNS / sizeof SOPS_COLUMNS[0])

/* Is sops a table with a unique index on clickup_template_id alone (ON CONFLICT needs one)?
   Returns "" when so, else why not. */
static const char *check_table_kind(database *db) {
    static const char sql[] =
        "SELECT c.relkind IN ('r', 'p'),"
        "       EXISTS (SELECT 1 FROM pg_index i"
        "               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]"
        "               WHERE i.indrelid = c.oid AND i.indisunique AND i.indnkeyatts = 1"
        "                 AND i.indpred IS NULL AND i.indexprs IS NULL"
        "                 AND a.attname = 'clickup_template_id')"
        "  FROM pg_class c WHERE c.oid = 'sops'::regclass";
    PGresult *res = db_run(db, "reading the shape of table sops", sql, 0, NULL);
    const char *why = "";
    if (!res) return "";
    if (strcmp(PQgetvalue(res, 0, 0), "t") != 0) why = "sops is not a table";
    else if (strcmp(PQgetvalue(res, 0, 1), "t") != 0) why = "no unique index on clickup_template_id alone";
    PQclear(res);
    return why;
}

/* Does every column the sync writes exist with its type, and can a row be inserted with only
   them (no other column NOT NULL without a default)? Writes why not into why, else "". */
static void check_columns(database *db, char *why, size_t cap) {
    static const char sql[] =
        "SELECT attname, format_type(atttypid, atttypmod), attnotnull AND NOT atthasdef"
        "  FROM pg_attribute WHERE attrelid = 'sops'::regclass AND attnum > 0 AND NOT attisdropped";
    PGresult *res = db_run(db, "reading the shape of table sops", sql, 0, NULL);
    size_t c;
    int row;
    why[0] = '\0';
    if (!res) return;
    for (c = 0; c < SOPS_NCOLUMNS && !why[0]; c++) {           /* each column the sync writes */
        for (row = 0; row < PQntuples(res); row++)
            if (strcmp(PQgetvalue(res, row, 0), SOPS_COLUMNS[c][0]) == 0) break;
        if (row == PQntuples(res))
            snprintf(why, cap, "column %s is missing", SOPS_COLUMNS[c][0]);
        else if (strcmp(PQgetvalue(res, row, 1), SOPS_COLUMNS[c][1]) != 0)
            snprintf(why, cap, "column %s is %s, not %s", SOPS_COLUMNS[c][0], PQgetvalue(res, row, 1),
                     SOPS_COLUMNS[c][1]);
    }
    for (row = 0; row < PQntuples(res) && !why[0]; row++) {     /* the table's other columns */
        for (c = 0; c < SOPS_NCOLUMNS; c++)
            if (strcmp(PQgetvalue(res, row, 0), SOPS_COLUMNS[c][0]) == 0) break;
        if (c == SOPS_NCOLUMNS && strcmp(PQgetvalue(res, row, 2), "t") == 0)
            snprintf(why, cap, "column %s is NOT NULL without a default", PQgetvalue(res, row, 0));
    }
    PQclear(res);
}

/* Create the table when missing, then make sure it has the shape the sync needs. (CREATE TABLE
   IF NOT EXISTS alone would need the right to create tables even when sops exists.) */
static void db_migrate(database *db) {
    PGresult *res = db_run(db, "looking for table sops", "SELECT to_regclass('sops') IS NULL", 0, NULL);
    char why[256];
    if (res && strcmp(PQgetvalue(res, 0, 0), "t") == 0) db_do(db, "creating table sops", CREATE_SOPS, 0, NULL);
    PQclear(res);
    snprintf(why, sizeof why, "%s", check_table_kind(db));
    if (!why[0]) check_columns(db, why, sizeof why);
    if (why[0] && !db->code) db_fail(db, EXIT_DB_SHAPE, "table sops has the wrong shape", why);
}

/* ---- the PostgreSQL store: the upsert ------------------------------------------------------ */

/* One batch of templates as a JSON parameter ($1): a "new" template has no row yet; an
   "updated" one differs or had been marked deleted. All three CTEs see the table as it was
   before this statement, so "before" is the old state even though "upserted" changes it. */
static const char UPSERT_SOPS[] =
    "WITH incoming AS ("
    "  SELECT t.id AS clickup_template_id, t.name, t.content,"
    "         ARRAY(SELECT v FROM jsonb_array_elements_text(t.variables) WITH ORDINALITY AS e(v, k)"
    "               ORDER BY k) AS variables"
    "    FROM jsonb_to_recordset($1::jsonb) AS t(id text, name text, variables jsonb, content jsonb)"
    "), before AS ("
    "  SELECT s.clickup_template_id,"
    "         s.name IS DISTINCT FROM i.name OR s.variables IS DISTINCT FROM i.variables"
    "         OR s.content IS DISTINCT FROM i.content OR s.deleted_at IS NOT NULL AS changed"
    "    FROM sops s JOIN incoming i ON i.clickup_template_id = s.clickup_template_id"
    "), upserted AS ("
    "  INSERT INTO sops (clickup_template_id, name, variables, content, first_seen_at, last_synced_at)"
    "  SELECT clickup_template_id, name, variables, content, $2::timestamptz, $2::timestamptz"
    "    FROM incoming"
    "  ON CONFLICT (clickup_template_id) DO UPDATE"
    "    SET name = EXCLUDED.name, variables = EXCLUDED.variables, content = EXCLUDED.content,"
    "        last_synced_at = EXCLUDED.last_synced_at, deleted_at = NULL"
    "  RETURNING 1"
    ")"                                    /* (a WITH that writes runs, read or not) */
    "SELECT count(*) FILTER (WHERE b.clickup_template_id IS NULL),"
    "       count(*) FILTER (WHERE b.changed),"
    "       count(*) FILTER (WHERE NOT b.changed)"
    "  FROM incoming i LEFT JOIN before b ON b.clickup_template_id = i.clickup_template_id";

/* Templates from..to-1 (the first of each id only) as
   [{"id", "name", "variables": [...], "content": {what ClickUp sent}}, ...]. */
static void write_batch(clickup_json_writer *w, const clickup_templates *fetched, size_t from, size_t to) {
    size_t i;
    clickup_jw_array_begin(w);
    for (i = from; i < to; i++) {
        const clickup_template *t = &fetched->items[i];
        if (find_template(fetched, t->id, strlen(t->id)) != t) continue;   /* listed twice */
        clickup_jw_object_begin(w);
        clickup_jw_key(w, "id");        clickup_jw_string(w, t->id);
        clickup_jw_key(w, "name");      clickup_jw_string(w, t->name);
        clickup_jw_key(w, "variables"); write_variables(w, t->name);
        clickup_jw_key(w, "content");
        if (t->raw) clickup_jw_value(w, t->raw);
        else clickup_jw_null(w);
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
}

/* Upsert templates from..to-1 and add what happened to *n. */
static void upsert_batch(database *db, const clickup_templates *fetched, size_t from, size_t to,
                         const char *when, counts *n) {
    clickup_json_writer w;
    const char *json;
    char what[64];
    size_t len;
    PGresult *res;
    clickup_json_writer_init(&w, NULL);
    write_batch(&w, fetched, from, to);
    if (clickup_json_writer_finish(&w, &json, &len) != CLICKUP_OK) {
        db_fail(db, 1, "out of memory", NULL);
    } else {
        const char *params[2];
        params[0] = json;
        params[1] = when;
        snprintf(what, sizeof what, "upserting templates %lu-%lu", (unsigned long)from + 1, (unsigned long)to);
        if ((res = db_run(db, what, UPSERT_SOPS, 2, params)) != NULL) {
            n->added += strtoul(PQgetvalue(res, 0, 0), NULL, 10);
            n->updated += strtoul(PQgetvalue(res, 0, 1), NULL, 10);
            n->unchanged += strtoul(PQgetvalue(res, 0, 2), NULL, 10);
            PQclear(res);
        }
    }
    clickup_json_writer_free(&w);
}

/* Mark the rows of templates that are no longer in ClickUp: deleted_at = when. */
static void mark_deleted(database *db, const clickup_templates *fetched, const char *when) {
    static const char sql[] =
        "UPDATE sops SET deleted_at = $2::timestamptz"
        " WHERE deleted_at IS NULL"
        "   AND clickup_template_id NOT IN (SELECT jsonb_array_elements_text($1::jsonb))";
    clickup_json_writer w;
    const char *json;
    size_t len, i;
    if (db->code) return;
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < fetched->count; i++) clickup_jw_string(&w, fetched->items[i].id);
    clickup_jw_array_end(&w);
    if (clickup_json_writer_finish(&w, &json, &len) != CLICKUP_OK) {
        db_fail(db, 1, "out of memory", NULL);
    } else {
        const char *params[2];
        params[0] = json;
        params[1] = when;
        db_do(db, "marking removed templates", sql, 2, params);
    }
    clickup_json_writer_free(&w);
}

/* COMMIT. A connection lost now leaves the outcome unknown: the server may have committed. */
static void db_commit(database *db) {
    PGresult *res;
    if (db->code) return;
    res = PQexec(db->conn, "COMMIT");
    if (PQresultStatus(res) != PGRES_COMMAND_OK) {
        if (PQstatus(db->conn) == CONNECTION_BAD)
            db_fail(db, EXIT_OUTCOME_UNKNOWN, "lost the connection during COMMIT: the sync may or may not be saved",
                    PQerrorMessage(db->conn));
        else
            db_fail(db, EXIT_STORE, "COMMIT", PQresultErrorMessage(res));
    }
    PQclear(res);
}

/* Upsert the fetched templates into the table sops at uri, in one transaction. */
static int sync_database(const char *uri, const clickup_templates *fetched) {
    database db;
    counts n;
    char when[64] = "";
    size_t from;
    memset(&db, 0, sizeof db);
    memset(&n, 0, sizeof n);
    collect_secrets(&db, uri);
    if (db_connect(&db, uri) == 0) {
        db_begin(&db, when, sizeof when);
        db_migrate(&db);
        for (from = 0; from < fetched->count && !db.code; from += BATCH_SIZE)
            upsert_batch(&db, fetched, from, from + BATCH_SIZE < fetched->count ? from + BATCH_SIZE : fetched->count,
                         when, &n);
        if (!fetched->truncated) mark_deleted(&db, fetched, when);   /* else some were not seen */
        db_commit(&db);                                   /* only when nothing failed */
        if (db.code && PQstatus(db.conn) == CONNECTION_OK)
            PQclear(PQexec(db.conn, "ROLLBACK"));        /* (closing would roll back too) */
    }
    if (db.code == 0)
        print_summary(&n);
    else if (db.code == EXIT_STORE || db.code == EXIT_DB_SHAPE)
        fprintf(stderr, "sync_templates: database: %s (rolled back: the table is as before)\n", db.error);
    else
        fprintf(stderr, "sync_templates: database: %s\n", db.error);
    PQfinish(db.conn);
    while (db.nsecrets) free(db.secrets[--db.nsecrets]);
    return db.code;
}

/* ---- main --------------------------------------------------------------------------------- */

static const char HELP[] =
    "usage: sync_templates [STORE]\n"
    "  Copy every ClickUp task template into STORE and print\n"
    "  \"Synced N templates (X new, Y updated, Z unchanged)\".\n"
    "\n"
    "  STORE  a JSON file (default sops.json), or a PostgreSQL connection URI\n"
    "         postgresql://USER:PASSWORD@HOST:PORT/DB (or postgres://): the table sops,\n"
    "         created when missing. Without STORE, SOPS_DATABASE_URL is used when set.\n"
    "\n"
    "environment: CLICKUP_API_TOKEN (required), CLICKUP_TEAM_ID, CLICKUP_BASE_URL, ...\n"
    "             SOPS_DATABASE_URL, and libpq's PG* variables (PGPASSWORD, PGSSLMODE, ...)\n"
    "\n"
    "exit codes:\n"
    "   0  synced\n"
    "   1  out of memory\n"
    "   2  configuration: usage, CLICKUP_* settings, a malformed connection URI\n"
    "   3  ClickUp refused the token\n"
    "   4  no access to the workspace\n"
    "   5  another HTTP error from ClickUp\n"
    "   6  rate limited by ClickUp\n"
    "   7  network or server error (ClickUp)\n"
    "   8  the database connection was lost during COMMIT: saved or not, run again\n"
    "   9  a bad response from ClickUp\n"
    "  10  the store cannot be read or written (a database statement failed: rolled back)\n"
    "  11  the database server cannot be reached\n"
    "  12  the database refused the connection: wrong password or user, no such database\n"
    "  13  the table sops has the wrong shape\n";

/* The store named by the arguments or SOPS_DATABASE_URL into *store. Returns -1 to go on,
   or the exit code to stop with (after --help, or a usage error). */
static int choose_store(int argc, char **argv, const char **store) {
    const char *env = getenv("SOPS_DATABASE_URL");
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(HELP, stdout);
        return 0;
    }
    if (argc > 2 || (argc == 2 && (argv[1][0] == '-' || !argv[1][0]))) {
        fputs("usage: sync_templates [STORE]    (default STORE: sops.json; see --help)\n", stderr);
        return 2;
    }
    if (argc == 2) {
        *store = argv[1];
    } else if (env && *env) {
        if (!is_database_uri(env)) {
            fputs("sync_templates: SOPS_DATABASE_URL must start with postgresql:// or postgres://\n", stderr);
            return 2;
        }
        *store = env;
    } else {
        *store = "sops.json";
    }
    return -1;
}

int main(int argc, char **argv) {
    const char *store = NULL;
    clickup_templates *fetched = NULL;
    int code;
    if ((code = choose_store(argc, argv, &store)) >= 0) return code;
    if (is_database_uri(store) && (code = check_database_uri(store)) != 0) return code;
    clickup_global_init();
    code = fetch_templates(&fetched);                /* first: a failed fetch leaves the store alone */
    if (code == 0) code = is_database_uri(store) ? sync_database(store, fetched) : sync_store(store, fetched);
    clickup_templates_free(fetched);
    clickup_global_cleanup();
    return code;
}

/* sync_templates - the Worker's nightly job: copy ClickUp's task templates into a local JSON
   store, so that the SOP library can be searched without asking ClickUp.

       sync_templates [STORE]                    (default STORE: sops.json)

   The store is one JSON object keyed by template id:

       {"t-86b3e001": {"id": "t-86b3e001", "name": "SOP: Onboard {{client_name}}",
                       "variables": ["client_name"],
                       "first_seen": 1764355200, "last_synced": 1764355200}, ...}

   (times in Unix seconds). Each run fetches every template (all pages) and upserts them:
   an id not in the store is "new"; a template whose name changed is "updated"; the rest are
   "unchanged". Every fetched template gets last_synced = now. A template that disappeared from
   ClickUp stays in the store with its old last_synced: nothing is deleted. ClickUp returns only
   the id and the name of a template, so the variables come from the name.

   Safety:
   - Nothing is written unless every template was fetched.
   - The store is replaced atomically: a temporary file in the same directory is written,
     flushed and fsync'ed, renamed over the store, and the directory is fsync'ed. A crash
     leaves either the old store or the new one, never half of one.
   - A missing store starts empty. A corrupt one is moved aside to STORE.corrupt (said on
     stderr) and the sync starts empty.

   Prints one line:  Synced N templates (X new, Y updated, Z unchanged)

   Build and run:
       make build/sync_templates
       CLICKUP_API_TOKEN=pk_... build/sync_templates /var/lib/agency/sops.json

   Exit codes: as build/clickup for a failed fetch (2 configuration, 3 authentication,
   4 no access, 6 rate limited, 7 network or server, 9 bad response, 1 out of memory), and
   10 when the store cannot be read or written.
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

/* ---- main --------------------------------------------------------------------------------- */

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
        printf("Synced %lu templates (%lu new, %lu updated, %lu unchanged)\n",
               (unsigned long)(n.added + n.updated + n.unchanged), (unsigned long)n.added,
               (unsigned long)n.updated, (unsigned long)n.unchanged);
    }
    clickup_json_writer_free(&w);
    clickup_json_doc_free(old);
    return code;
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "sops.json";
    clickup_templates *fetched = NULL;
    int code;
    if (argc > 2 || (argc == 2 && (argv[1][0] == '-' || !argv[1][0]))) {
        fputs("usage: sync_templates [STORE]    (default STORE: sops.json)\n", stderr);
        return 2;
    }
    clickup_global_init();
    code = fetch_templates(&fetched);                /* first: a failed fetch leaves the store alone */
    if (code == 0) code = sync_store(path, fetched);
    clickup_templates_free(fetched);
    clickup_global_cleanup();
    return code;
}

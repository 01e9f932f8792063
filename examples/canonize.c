/* canonize - The Operator's "canonize" flow: turn a task that went well into a draft SOP.

       canonize <task URL or id> "<suggested SOP name>"

   1. Fetches the task, with its description as markdown and its checklists.
   2. Writes a generalized draft in markdown: a heading (the suggested name), the task's
      description, its checklist items as numbered steps, and a "Variables" list of the
      {{variables}} found in the task's name, description and checklist items.
   3. Creates the draft as a task in the list CLICKUP_TEMPLATES_LIST_ID, tagged "sop-draft"
      and with a category tag (the first word of the suggested name, lowercased, or
      "general").
   4. Prints {"clickup_task_id", "clickup_task_url", "detected_variables", "instructions"}.

   ClickUp's API cannot create templates, so the last step is a person's: the instructions say
   where to click.

   Build and run:
       make build/canonize
       export CLICKUP_API_TOKEN=pk_... CLICKUP_TEMPLATES_LIST_ID=901234
       build/canonize https://app.clickup.com/t/86abc123 "Onboard a client to Slack"

   Exit codes: as build/clickup: 0 ok; 2 usage or configuration; 3 authentication; 4 task not
   found or no access; 5 rejected; 6 rate limited; 7 network or server; 8 outcome unknown (the
   draft may or may not have been created: look in the list before running again); 9 bad
   response; 1 out of memory.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"
#ifdef CLICKUP_WITH_REDIS    /* the Makefile builds it so: CLICKUP_LIMITER / CLICKUP_CACHE = redis://... */
#define CLICKUP_REDIS_IMPLEMENTATION
#include "clickup_redis.h"
#endif

static const char INSTRUCTIONS[] =
    "In ClickUp: open the task, click ... > Templates > Save as Template "
    "(the API cannot create templates)";

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
    if (rc == CLICKUP_ERR_OUTCOME_UNKNOWN)
        fprintf(stderr, "canonize: %s: OUTCOME UNKNOWN, the draft may or may not have been created; "
                        "look in the list before running again: %s\n", what, clickup_last_error(cu)->message);
    else
        fprintf(stderr, "canonize: %s: %s\n", what, clickup_last_error(cu)->message);
    return exit_code(rc);
}

/* ---- {{variables}} ------------------------------------------------------------------------ */

#define MAX_VARIABLES    64
#define MAX_VARIABLE_LEN 64

typedef struct variables {
    char   names[MAX_VARIABLES][MAX_VARIABLE_LEN + 1];
    size_t count;
} variables;

static int is_name_char(char c) {
    return isalnum((unsigned char)c) || c == '_' || c == '-' || c == '.';
}

/* Add a name unless it is there already (or the set is full). */
static void add_variable(variables *vars, const char *name, size_t len) {
    size_t i;
    for (i = 0; i < vars->count; i++)
        if (strlen(vars->names[i]) == len && strncmp(vars->names[i], name, len) == 0) return;
    if (vars->count == MAX_VARIABLES) return;
    memcpy(vars->names[vars->count], name, len);
    vars->names[vars->count][len] = '\0';
    vars->count++;
}

/* Every {{name}} in text; spaces inside the braces are allowed: {{ client_name }}. */
static void find_variables(const char *text, variables *vars) {
    const char *open = text;
    while (open && (open = strstr(open, "{{")) != NULL) {
        const char *start = open + 2, *end, *close;
        while (*start == ' ') start++;
        for (end = start; is_name_char(*end); end++) {}
        for (close = end; *close == ' '; close++) {}
        if (end > start && end - start <= MAX_VARIABLE_LEN && strncmp(close, "}}", 2) == 0)
            add_variable(vars, start, (size_t)(end - start));
        open += 2;
    }
}

static void find_task_variables(const clickup_task *task, variables *vars) {
    size_t i, j;
    find_variables(task->name, vars);
    find_variables(task->markdown_description ? task->markdown_description : task->description, vars);
    for (i = 0; i < task->checklist_count; i++)
        for (j = 0; j < task->checklists[i].item_count; j++)
            find_variables(task->checklists[i].items[j].name, vars);
}

/* ---- the draft ---------------------------------------------------------------------------- */

/* The draft SOP as markdown, in a malloc'd string (NULL when out of memory). */
static char *write_draft(const char *sop_name, const clickup_task *task, const variables *vars) {
    const char *description = task->markdown_description && task->markdown_description[0]
                                  ? task->markdown_description : task->description;
    char *text = NULL;
    size_t len = 0, i, j, step = 0;
    FILE *out = open_memstream(&text, &len);
    if (!out) return NULL;
    fprintf(out, "# %s\n\n", sop_name);
    fprintf(out, "_Draft SOP, generalized from task %s (\"%s\")._\n\n", task->id, task->name);
    fprintf(out, "## Description\n\n%s\n\n", description[0] ? description : "_No description._");
    fprintf(out, "## Steps\n\n");
    for (i = 0; i < task->checklist_count; i++)
        for (j = 0; j < task->checklists[i].item_count; j++)
            fprintf(out, "%lu. %s\n", (unsigned long)++step, task->checklists[i].items[j].name);
    if (step == 0) fprintf(out, "_No checklist items._\n");
    fprintf(out, "\n## Variables\n\n");
    for (i = 0; i < vars->count; i++) fprintf(out, "- `{{%s}}`\n", vars->names[i]);
    if (vars->count == 0) fprintf(out, "_None detected._\n");
    if (fclose(out) != 0) { free(text); return NULL; }
    return text;
}

/* The category tag: the first word of the name, lowercased, letters and digits only. */
static void category_of(const char *sop_name, char *tag, size_t size) {
    size_t n = 0;
    const char *p;
    for (p = sop_name; *p == ' '; p++) {}
    for (; *p && *p != ' ' && n + 1 < size; p++)
        if (isalnum((unsigned char)*p)) tag[n++] = (char)tolower((unsigned char)*p);
    tag[n] = '\0';
    if (n == 0) snprintf(tag, size, "general");
}

/* ---- output ------------------------------------------------------------------------------- */

static int print_result(const clickup_task *draft, const variables *vars) {
    clickup_json_writer w;
    const char *text;
    size_t len, i;
    clickup_result rc;
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    clickup_jw_key(&w, "clickup_task_id");  clickup_jw_string(&w, draft->id);
    clickup_jw_key(&w, "clickup_task_url"); clickup_jw_string(&w, draft->url);
    clickup_jw_key(&w, "detected_variables");
    clickup_jw_array_begin(&w);
    for (i = 0; i < vars->count; i++) clickup_jw_string(&w, vars->names[i]);
    clickup_jw_array_end(&w);
    clickup_jw_key(&w, "instructions");     clickup_jw_string(&w, INSTRUCTIONS);
    clickup_jw_object_end(&w);
    rc = clickup_json_writer_finish(&w, &text, &len);
    if (rc == CLICKUP_OK) printf("%s\n", text);
    else fprintf(stderr, "canonize: writing JSON: %s\n", clickup_strerror(rc));
    clickup_json_writer_free(&w);
    return exit_code(rc);
}

/* ---- the flow ----------------------------------------------------------------------------- */

/* Fetch the task, create the draft, print the result. Returns an exit code. */
static int canonize(clickup_client *cu, const char *task_url, const char *sop_name, const char *list_id) {
    clickup_task_get_opts get;
    clickup_task_new draft;
    clickup_task *task = NULL, *created = NULL;
    const char *tags[2];
    char category[33], what[160], *markdown;
    variables vars;
    clickup_result rc;
    int code;

    memset(&get, 0, sizeof get);
    get.include_markdown = 1;
    snprintf(what, sizeof what, "fetching task %s", task_url);
    if ((rc = clickup_task_get(cu, task_url, &get, &task)) < 0) return fail(cu, rc, what);

    memset(&vars, 0, sizeof vars);
    find_task_variables(task, &vars);
    category_of(sop_name, category, sizeof category);
    if (!(markdown = write_draft(sop_name, task, &vars))) {
        clickup_task_free(task);
        fputs("canonize: out of memory\n", stderr);
        return 1;
    }

    memset(&draft, 0, sizeof draft);
    tags[0] = "sop-draft";
    tags[1] = category;
    draft.name = sop_name;
    draft.markdown = markdown;
    draft.tags = tags;
    draft.tag_count = 2;
    snprintf(what, sizeof what, "creating the draft in list %s", list_id);
    if ((rc = clickup_task_create(cu, list_id, &draft, &created)) < 0) code = fail(cu, rc, what);
    else code = print_result(created, &vars);

    clickup_task_free(created);
    free(markdown);
    clickup_task_free(task);
    return code;
}

int main(int argc, char **argv) {
    clickup_config cfg;
    clickup_client *cu = NULL;
    const char *list_id = getenv("CLICKUP_TEMPLATES_LIST_ID");
    clickup_result rc;
    char why[256];
    int code;

    if (argc != 3 || !argv[2][0]) {
        fputs("usage: canonize <task URL or id> \"<suggested SOP name>\"\n", stderr);
        return 2;
    }
    if (!list_id || !list_id[0]) {
        fputs("canonize: configuration: CLICKUP_TEMPLATES_LIST_ID is not set (the list for draft SOPs)\n", stderr);
        return 2;
    }
    if (clickup_config_from_env(&cfg, why, sizeof why) < 0) {
        fprintf(stderr, "canonize: configuration: %s\n", why);
        return 2;
    }
    clickup_global_init();
#ifdef CLICKUP_WITH_REDIS
    clickup_redis_env redis;
    if ((rc = clickup_redis_env_open(&cfg, &redis, why, sizeof why)) < 0) {
        fprintf(stderr, "canonize: configuration: %s\n", why);
        clickup_global_cleanup();
        return exit_code(rc);
    }
#endif
    if ((rc = clickup_client_create(&cfg, &cu)) < 0) {
        fprintf(stderr, "canonize: configuration: %s\n", clickup_strerror(rc));
#ifdef CLICKUP_WITH_REDIS
        clickup_redis_env_close(&redis);
#endif
        clickup_global_cleanup();
        return exit_code(rc);
    }
    code = canonize(cu, argv[1], argv[2], list_id);
    clickup_client_destroy(cu);
#ifdef CLICKUP_WITH_REDIS
    clickup_redis_env_close(&redis);
#endif
    clickup_global_cleanup();
    return code;
}

/* quickstart - the smallest whole program: fetch one task and print "id: name".

   This is the program shown at the top of clickup.h. Configuration comes from the
   environment (CLICKUP_API_TOKEN, and optionally CLICKUP_TEAM_ID, CLICKUP_BASE_URL, ...).

   Build and run:
       make build/quickstart
       CLICKUP_API_TOKEN=pk_... build/quickstart https://app.clickup.com/t/86abc123

   Without an argument it fetches https://app.clickup.com/t/86abc123, the task of the
   banner's example (it exists in the sandbox that `make demo` starts).
   Exit code: 0 when the task was printed, 1 otherwise.
*/
#include <stdio.h>
#define CLICKUP_IMPLEMENTATION
#include "clickup.h"

int main(int argc, char **argv) {
    const char *url = argc > 1 ? argv[1] : "https://app.clickup.com/t/86abc123";
    clickup_client *cu = NULL;
    clickup_config cfg;
    char why[256];
    clickup_global_init();
    if (clickup_config_from_env(&cfg, why, sizeof why) < 0) { puts(why); return 1; }
    if (clickup_config_check(&cfg, why, sizeof why) < 0) { puts(why); return 1; }
    if (clickup_client_create(&cfg, &cu) < 0) { puts("out of memory"); return 1; }
    clickup_task *task = NULL;
    clickup_result rc = clickup_task_get(cu, url, NULL, &task);
    if (rc < 0)
        printf("failed: %s (%s)\n", clickup_strerror(rc), clickup_last_error(cu)->message);
    else
        printf("%s: %s\n", task->id, task->name);
    clickup_task_free(task);        // NULL is fine
    clickup_client_destroy(cu);
    clickup_global_cleanup();
    return rc < 0 ? 1 : 0;
}

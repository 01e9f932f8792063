/* clickup - a small, scriptable ClickUp command line tool built on clickup.h.

   Every command prints JSON on stdout: an array for lists, an object for one item. When
   something fails it prints ONE line on stderr, "clickup: <what failed>: <why>", and exits
   with a code that says what kind of failure it was (below). Configuration comes from the
   environment only, so the token never shows up in `ps` or in your shell history, and the
   tool never prints it.

   Build and run:
       make build/clickup
       export CLICKUP_API_TOKEN=pk_...                  (ClickUp: Settings > Apps)
       build/clickup spaces
       build/clickup task get https://app.clickup.com/t/86abc123 --markdown
       build/clickup tasks --list 2100 --status "in progress" | python3 -m json.tool
       build/clickup task create --list 2100 --batch tasks.jsonl    (one JSON line per task)
       build/clickup api GET /task/86abc123/comment     (any endpoint, the body as sent)
       build/clickup --help                             (and: build/clickup tasks --help)

   Commands:
       clickup spaces [--archived]
       clickup members
       clickup task get <ID|URL> [--subtasks] [--markdown]
       clickup tasks (--list ID [--list ID]... | --space ID) [--status S]... [--assignee UID]...
                     [--tag T]... [--include-closed] [--subtasks] [--max-pages N]
       clickup task create --list ID --name NAME [--markdown TEXT | --markdown-file PATH|-]
                     [--description TEXT] [--tag T]... [--assignee UID]... [--status S]
                     [--priority 1-4] [--due MS]
       clickup task create --list ID --batch FILE.jsonl|- [--concurrency N]
       clickup task update <ID|URL> [--name N] [--description D] [--markdown M] [--status S]
                     [--priority 1-4|none] [--due MS|none] [--add-assignee UID]...
                     [--remove-assignee UID]...
       clickup templates
       clickup task from-template --list ID --template TID --name NAME
       clickup folders --space ID
       clickup lists (--space ID | --folder ID)
       clickup rate
       clickup api METHOD PATH [--query KEY=VALUE]... [--data JSON | --data @FILE | --data -]
                     [--retry-safe] [--no-cache]
       clickup webhooks
       clickup webhook create --endpoint URL (--event NAME)... [--space ID | --folder ID |
                     --list ID | --task ID]
       clickup webhook delete ID
       clickup webhook verify --secret S [--secret S2]... --signature HEX [FILE | -]
       clickup task delete <ID|URL>
       clickup comments <ID|URL>
       clickup comment add <ID|URL> --text TEXT
       clickup fields --list ID
       clickup task field set <ID|URL> --field NAME|ID --value VALUE
       clickup checklist add <ID|URL> --name NAME [--item TEXT]...
       clickup time list [--start MS] [--end MS] [--team ID]
       clickup time start <ID|URL> [--team ID]
       clickup time stop [--team ID]
       clickup attach <ID|URL> FILE

   Exit codes:
       0  success
       1  out of memory
       2  usage or invalid input, refused before any request (bad id, bad priority, unknown
          option, unusable configuration)
       3  authentication failed (token missing, invalid or revoked)
       4  not found, or no access
       5  rejected by the API (validation, or another HTTP error)
       6  rate limited
       7  network failure, timeout or server error
       8  outcome unknown: a create may or may not have happened; look before retrying
       9  bad response from the server (invalid JSON, unexpected shape, too large)
      10  webhook verify: the signature matches none of the secrets

   How it is organised: the help texts; exit codes and error lines; the command table and the
   option parser; the client; JSON output; then one function per command; then main().
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>               /* stat: attach checks FILE */
#include <unistd.h>                 /* isatty */

#define CLICKUP_IMPLEMENTATION
#include "clickup.h"
#ifdef CLICKUP_WITH_REDIS    /* the Makefile builds it so: CLICKUP_LIMITER / CLICKUP_CACHE = redis://... */
#define CLICKUP_REDIS_IMPLEMENTATION
#include "clickup_redis.h"
static clickup_redis_env redis_env;
static void redis_env_close(void) { clickup_redis_env_close(&redis_env); }
#endif

/* ==== help texts ============================================================================ */

static const char HELP_MAIN[] =
    "usage: clickup <command> [options]\n"
    "\n"
    "A small ClickUp command line tool. It prints JSON on stdout (an array for lists, an\n"
    "object for one item); when something fails it prints one line on stderr.\n"
    "\n"
    "Commands:\n"
    "  spaces [--archived]                spaces of the workspace\n"
    "  members                            members of the workspace\n"
    "  task get <ID|URL>                  one task (--markdown, --subtasks)\n"
    "  tasks (--list ID | --space ID)     every task of a list (or several) or a space, all pages\n"
    "  task create --list ID --name NAME  create a task (--batch FILE: many, one JSON line each)\n"
    "  task update <ID|URL>               change a task\n"
    "  templates                          the workspace's task templates\n"
    "  task from-template                 create a task from a template\n"
    "  folders --space ID                 folders of a space, with their lists\n"
    "  lists (--space ID | --folder ID)   lists of a folder, or a space's folderless lists\n"
    "  rate                               the rate limiter's view (sends one request)\n"
    "  api METHOD PATH                    any endpoint: one request, the body as ClickUp sent it\n"
    "  webhooks                           the webhooks of the workspace\n"
    "  webhook create --endpoint URL      create a webhook (prints its secret: store it)\n"
    "  webhook delete ID                  delete a webhook\n"
    "  webhook verify --secret S          check a delivery's X-Signature (exit 10: no match)\n"
    "  task delete <ID|URL>               delete a task\n"
    "  comments <ID|URL>                  every comment of a task, all pages\n"
    "  comment add <ID|URL> --text TEXT   comment on a task\n"
    "  fields --list ID                   the custom fields a list's tasks can have\n"
    "  task field set <ID|URL>            set a custom field from text (--field, --value)\n"
    "  checklist add <ID|URL> --name N    add a checklist (--item TEXT: its items)\n"
    "  time list                          your time entries (--start MS, --end MS)\n"
    "  time start <ID|URL>                start your timer on a task\n"
    "  time stop                          stop your running timer\n"
    "  attach <ID|URL> FILE               upload a file to a task\n"
    "\n"
    "'clickup <command> --help' shows a command's options: clickup task create --help\n"
    "<ID|URL> is a task id (86abc123), a custom id (DEV-42) or a task URL\n"
    "(https://app.clickup.com/t/86abc123, https://app.clickup.com/t/9001/DEV-42).\n";

static const char HELP_ENVIRONMENT[] =
    "\n"
    "Environment (the only configuration):\n"
    "  CLICKUP_API_TOKEN      required: a personal token (pk_...) or an OAuth token\n"
    "  CLICKUP_TEAM_ID        workspace id; found by itself when the token sees one\n"
    "  CLICKUP_BASE_URL       default https://api.clickup.com/api/v2\n"
    "  CLICKUP_RATE_LIMIT     requests per window (default 100)\n"
    "  CLICKUP_RATE_WINDOW_S  the window in seconds (default 60)\n"
    "  CLICKUP_ENABLE_CACHE   true or false (default true; every run starts empty)\n"
    "  CLICKUP_TIMEOUT_MS     timeout of one attempt (default 30000)\n"
    "  CLICKUP_LOG_LEVEL      off, error, warning, info or debug: log lines on stderr\n"
    "  CLICKUP_MAX_RETRIES    retries after a 429, a 5xx or a network error (default 3;\n"
    "                         0 = none). For tests and operations.\n"
    "  CLICKUP_BACKOFF_MS     base of the retry backoff (default 2000: waits of up to 2, 4\n"
    "                         and 8 s). For tests and operations.\n";

static const char HELP_EXIT_CODES[] =
    "\n"
    "Exit codes:\n"
    "  0  success\n"
    "  1  out of memory\n"
    "  2  usage or invalid input, refused before any request (or unusable configuration)\n"
    "  3  authentication failed (token missing, invalid or revoked)\n"
    "  4  not found, or no access\n"
    "  5  rejected by the API (validation, or another HTTP error)\n"
    "  6  rate limited\n"
    "  7  network failure, timeout or server error\n"
    "  8  outcome unknown: a create may or may not have happened; look before retrying\n"
    "  9  bad response from the server (invalid JSON, unexpected shape, too large)\n"
    " 10  webhook verify: the signature matches none of the secrets\n";

static const char HELP_SPACES[] =
    "usage: clickup spaces [--archived]\n"
    "\n"
    "Prints the spaces of the workspace as an array of\n"
    "{id, name, private, multiple_assignees, archived}.\n"
    "\n"
    "  --archived   the archived spaces instead\n";

static const char HELP_MEMBERS[] =
    "usage: clickup members\n"
    "\n"
    "Prints the members of the workspace as an array of {id, username, email, initials, role}.\n"
    "id is a number; role is 1 owner, 2 admin, 3 member, 4 guest.\n";

static const char HELP_TASK_GET[] =
    "usage: clickup task get <ID|URL> [--subtasks] [--markdown]\n"
    "\n"
    "Prints one task as an object. <ID|URL> is a task id, a custom id (DEV-42) or a task\n"
    "URL such as https://app.clickup.com/t/9001/DEV-42.\n"
    "\n"
    "  --subtasks   include the subtasks (as \"subtasks\")\n"
    "  --markdown   include the description as markdown (as \"markdown_description\")\n";

static const char HELP_TASKS[] =
    "usage: clickup tasks (--list ID [--list ID]... | --space ID) [--status S]...\n"
    "                     [--assignee UID]... [--tag T]... [--include-closed] [--subtasks]\n"
    "                     [--max-pages N]\n"
    "\n"
    "Prints every task of a list or a space as an array, fetching all pages (100 tasks\n"
    "each) and printing each page as it arrives. On a terminal, progress goes to stderr.\n"
    "With several --list, the lists are fetched at the same time (each request within the\n"
    "rate limit), then printed as one array: the tasks of the first list, then the second...\n"
    "\n"
    "  --list ID          the tasks of this list (repeatable)\n"
    "  --space ID         the tasks of this space\n"
    "  --status S         only this status (repeatable)\n"
    "  --assignee UID     only tasks assigned to this user id (repeatable)\n"
    "  --tag T            only tasks with this tag (repeatable)\n"
    "  --include-closed   closed tasks too\n"
    "  --subtasks         subtasks too\n"
    "  --max-pages N      stop after N pages (default 100; per list); stderr says so, exit 0\n";

static const char HELP_TASK_CREATE[] =
    "usage: clickup task create --list ID --name NAME [--markdown TEXT | --markdown-file PATH|-]\n"
    "                           [--description TEXT] [--tag T]... [--assignee UID]...\n"
    "                           [--status S] [--priority 1-4] [--due MS]\n"
    "       clickup task create --list ID --batch FILE.jsonl|- [--concurrency N]\n"
    "\n"
    "Creates a task and prints it as an object. A create is never repeated after it may\n"
    "have reached ClickUp: if the outcome is unknown, exit code 8 says so; look before\n"
    "creating it again.\n"
    "\n"
    "With --batch, creates one task per line of FILE (- = stdin), several at once within\n"
    "the rate limit. Each line is a JSON object with the fields of the options below:\n"
    "  {\"name\": \"Kickoff\", \"markdown\": \"# Agenda\", \"description\": \"...\",\n"
    "   \"tags\": [\"a\", \"b\"], \"assignees\": [183], \"status\": \"to do\", \"priority\": 2,\n"
    "   \"due\": 1710000000000}                       (only name is required)\n"
    "It prints one JSON line per input line, in input order (blank lines are skipped):\n"
    "  {\"line\":1,\"ok\":true,\"id\":\"86abc999\"}\n"
    "  {\"line\":2,\"ok\":false,\"code\":8,\"error\":\"...\"}   (code: the exit code below)\n"
    "A line that is not such an object is reported as code 2 and nothing is sent for it.\n"
    "The exit code is 0 when every line succeeded, else the code of the first failed line.\n"
    "On a terminal, progress goes to stderr.\n"
    "\n"
    "  --list ID            the list to create it in (required)\n"
    "  --name NAME          the task's name (required)\n"
    "  --markdown TEXT      the description, as markdown\n"
    "  --markdown-file F    the description, as markdown, read from file F (- = stdin)\n"
    "  --description TEXT   the description, as plain text\n"
    "  --tag T              a tag (repeatable)\n"
    "  --assignee UID       a user id to assign (repeatable)\n"
    "  --status S           a status of the list, e.g. \"in progress\"\n"
    "  --priority P         1 urgent, 2 high, 3 normal, 4 low\n"
    "  --due MS             due date in Unix milliseconds\n"
    "  --batch FILE         many tasks, one JSON object per line (see above)\n"
    "  --concurrency N      with --batch: at most N requests in flight (1-64, default 8)\n";

static const char HELP_TASK_UPDATE[] =
    "usage: clickup task update <ID|URL> [--name N] [--description D] [--markdown M]\n"
    "                           [--status S] [--priority 1-4|none] [--due MS|none]\n"
    "                           [--add-assignee UID]... [--remove-assignee UID]...\n"
    "\n"
    "Changes a task and prints it as it is afterwards. Only what you give is changed.\n"
    "\n"
    "  --name N               new name\n"
    "  --description D        new plain text description\n"
    "  --markdown M           new description, as markdown\n"
    "  --status S             new status\n"
    "  --priority P           1 urgent, 2 high, 3 normal, 4 low, or none to clear it\n"
    "  --due MS               due date in Unix milliseconds, or none to clear it\n"
    "  --add-assignee UID     assign this user id (repeatable)\n"
    "  --remove-assignee UID  unassign this user id (repeatable)\n";

static const char HELP_TEMPLATES[] =
    "usage: clickup templates\n"
    "\n"
    "Prints every task template of the workspace (all pages) as an array of {id, name}.\n"
    "ClickUp returns nothing else about a template.\n";

static const char HELP_FROM_TEMPLATE[] =
    "usage: clickup task from-template --list ID --template TID --name NAME\n"
    "\n"
    "Creates a task from a task template and prints {id, task}; task is null when ClickUp\n"
    "does not send it back. Exit code 8 means the outcome is unknown: look before retrying.\n"
    "\n"
    "  --list ID        the list to create it in (required)\n"
    "  --template TID   the template id, from 'clickup templates' (required)\n"
    "  --name NAME      the new task's name (required)\n";

static const char HELP_FOLDERS[] =
    "usage: clickup folders --space ID\n"
    "\n"
    "Prints the folders of a space as an array of {id, name, task_count, lists}, each list\n"
    "being {id, name, task_count}.\n";

static const char HELP_LISTS[] =
    "usage: clickup lists (--space ID | --folder ID)\n"
    "\n"
    "Prints the lists of a folder, or the folderless lists of a space, as an array of\n"
    "{id, name, task_count, folder_id, space_id}.\n";

static const char HELP_RATE[] =
    "usage: clickup rate\n"
    "\n"
    "Sends one request (GET /team) so that the rate limiter learns the server's\n"
    "X-RateLimit headers, then prints what it knows as {limit, window_ms, available,\n"
    "server_remaining, reset_in_ms, next_free_in_ms}. server_remaining is -1 when the\n"
    "server sent no header.\n";

static const char HELP_API[] =
    "usage: clickup api METHOD PATH [--query KEY=VALUE]... [--data JSON | --data @FILE | --data -]\n"
    "                               [--retry-safe] [--no-cache]\n"
    "\n"
    "Sends one request to any endpoint of the ClickUp API and prints the response body as\n"
    "ClickUp sent it (nothing when it is empty). Rate limit, retries and exit codes are those\n"
    "of every other command. When the call fails, the error line goes to stderr and ClickUp's\n"
    "JSON body, when it sent one, still goes to stdout, e.g. for exit code 4:\n"
    "{\"err\":\"Task not found, deleted\",\"ECODE\":\"ITEM_013\"}.\n"
    "\n"
    "  METHOD             GET, POST, PUT, DELETE or PATCH (any case)\n"
    "  PATH               relative to the API base, e.g. /task/86abc123/comment. {team_id} is\n"
    "                     filled in with the workspace (CLICKUP_TEAM_ID, or found by itself);\n"
    "                     give every other id in the path itself\n"
    "  --query KEY=VALUE  a query parameter, encoded for you (repeatable, sent in order; a KEY\n"
    "                     may repeat: --query 'space_ids[]=1' --query 'space_ids[]=2')\n"
    "  --data JSON        the request body: JSON text, @FILE to read it from FILE, or - to\n"
    "                     read it from stdin. It must be valid JSON (checked before anything\n"
    "                     is sent). Not with GET\n"
    "  --retry-safe       only for a POST (or PATCH) you know to be idempotent: it may then be\n"
    "                     sent again after a failure. Without it a POST or PATCH is never sent\n"
    "                     twice once it may have reached ClickUp; exit code 8 says when its\n"
    "                     outcome is unknown: look before sending it again\n"
    "  --no-cache         neither read nor fill the cache for this request\n"
    "\n"
    "Examples:\n"
    "  clickup api GET '/team/{team_id}/space' --query archived=false\n"
    "  clickup api POST /task/86abc123/comment --data '{\"comment_text\": \"Done\"}'\n"
    "  clickup api PUT /task/86abc123 --data @changes.json\n";

static const char HELP_WEBHOOKS[] =
    "usage: clickup webhooks\n"
    "\n"
    "Prints the webhooks of the workspace that this token's user created (ClickUp shows no\n"
    "others) as an array of {id, endpoint, events, task_id, list_id, folder_id, space_id,\n"
    "health: {status, fail_count}}. Secrets are not printed: only 'webhook create' shows one.\n"
    "status is active, failing (deliveries failed; at fail_count 100 ClickUp suspends it) or\n"
    "suspended (nothing is sent; an endpoint that answers 410 suspends it at once).\n";

static const char HELP_WEBHOOK_CREATE[] =
    "usage: clickup webhook create --endpoint URL (--event NAME)... [--space ID | --folder ID |\n"
    "                              --list ID | --task ID]\n"
    "\n"
    "Creates a webhook: ClickUp then POSTs the events to URL, signed. Prints the webhook as an\n"
    "object WITH ITS SECRET (\"secret\"): ClickUp returns it now and nothing promises it\n"
    "later, so store it (build/webhook_receiver --secret-file checks deliveries with it).\n"
    "A create is never repeated once it may have reached ClickUp (exit 8: look with\n"
    "'clickup webhooks' before creating it again; ClickUp refuses an identical one).\n"
    "\n"
    "  --endpoint URL   where ClickUp delivers (https://, reachable from the internet)\n"
    "  --event NAME     an event (repeatable): taskCreated, taskUpdated, taskStatusUpdated,\n"
    "                   taskDeleted, listCreated, ... or * for every event\n"
    "  --space ID, --folder ID, --list ID, --task ID\n"
    "                   only the events of this place (at most one; none = the workspace)\n";

static const char HELP_WEBHOOK_DELETE[] =
    "usage: clickup webhook delete ID\n"
    "\n"
    "Deletes a webhook (ID from 'clickup webhooks') and prints {id, deleted: true}.\n";

static const char HELP_WEBHOOK_VERIFY[] =
    "usage: clickup webhook verify --secret S [--secret S2]... --signature HEX [FILE | -]\n"
    "\n"
    "Checks that a delivery came from ClickUp: HEX (its X-Signature header) must be the\n"
    "HMAC-SHA256 of the body, byte for byte as received, keyed with the webhook's secret.\n"
    "Reads the body from FILE, or from stdin (- or no FILE), at most 1 MiB. Sends nothing and\n"
    "needs no token. With several --secret (a cut-over to a new webhook) any may match.\n"
    "Exit 0 and {\"valid\":true,\"secret_index\":I} (I: which --secret, from 0) when it\n"
    "matches; exit 10 when it matches none; exit 2 when HEX is not 64 hex digits.\n"
    "\n"
    "  --secret S       a webhook's secret (repeatable)\n"
    "  --signature HEX  the X-Signature value: 64 hex digits\n";

static const char HELP_TASK_DELETE[] =
    "usage: clickup task delete <ID|URL>\n"
    "\n"
    "Deletes a task (and its subtasks) and prints {id, deleted: true}. A repeat finds it gone:\n"
    "exit 4.\n";

static const char HELP_COMMENTS[] =
    "usage: clickup comments <ID|URL>\n"
    "\n"
    "Prints every comment of a task, newest first, fetching all pages (25 comments each), as\n"
    "an array of {id, text, user: {id, username, email}, date, resolved, reply_count,\n"
    "assignee}. date is Unix ms; assignee is a user or null.\n";

static const char HELP_COMMENT_ADD[] =
    "usage: clickup comment add <ID|URL> --text TEXT\n"
    "\n"
    "Comments on a task and prints {id, hist_id, date}. A create is never repeated once it may\n"
    "have reached ClickUp (exit 8: look with 'clickup comments' before commenting again).\n"
    "\n"
    "  --text TEXT   the comment, as plain text (required, not blank)\n";

static const char HELP_FIELDS[] =
    "usage: clickup fields --list ID\n"
    "\n"
    "Prints the custom fields a list's tasks can have (the list's own, and its folder's, space's\n"
    "and workspace's) as an array of {id, name, type, required, options, type_config}.\n"
    "options are the choices of a drop_down or labels field, [{id, name, color, orderindex}]\n"
    "([] for other types); type_config is the field's configuration as ClickUp sent it.\n";

static const char HELP_TASK_FIELD_SET[] =
    "usage: clickup task field set <ID|URL> --field NAME|ID --value VALUE\n"
    "\n"
    "Sets a custom field of a task from the text a person types, looked up among the fields\n"
    "of the task's list by name (case ignored) or id, then prints the field as it reads\n"
    "afterwards: {task_id, id, name, type, value, text}. value is as ClickUp sends it, text as\n"
    "a person reads it. VALUE is checked against the field before anything is written; a value\n"
    "that does not fit exits 2 with a line naming the field and what it takes. By type:\n"
    "  drop_down      an option's name, e.g. Gold (or its orderindex, or its id)\n"
    "  labels         option names, comma-separated: \"VIP, Retainer\"\n"
    "  users, tasks   ids, comma-separated (-ID removes that one)\n"
    "  date           Unix ms, or 2026-12-06, or 2026-12-06T10:00 (UTC unless an offset)\n"
    "  number, currency, percentage   12, -3.5, 1e3 (never a ','), percentage also 12%\n"
    "  checkbox       true/false, yes/no, on/off, 1/0\n"
    "  text, short_text, url, email, phone, emoji (rating), location (\"lat,lng\"),\n"
    "  manual_progress (N or N%)\n"
    "\n"
    "  --field NAME|ID   the field's name or id (see 'clickup fields --list ID')\n"
    "  --value VALUE     the new value, as text\n";

static const char HELP_CHECKLIST_ADD[] =
    "usage: clickup checklist add <ID|URL> --name NAME [--item TEXT]...\n"
    "\n"
    "Adds a checklist to a task, then its items in order, and prints the checklist as\n"
    "{id, name, orderindex, items: [{id, name, resolved}]}. Neither is ever sent twice once it\n"
    "may have reached ClickUp (exit 8); when an item fails, the error line names the\n"
    "checklist, which exists by then.\n"
    "\n"
    "  --name NAME   the checklist's name (required, not blank)\n"
    "  --item TEXT   an item (repeatable, not blank)\n";

static const char HELP_TIME_LIST[] =
    "usage: clickup time list [--start MS] [--end MS] [--team ID]\n"
    "\n"
    "Prints your time entries whose start lies in [--start, --end] (Unix ms; ClickUp's\n"
    "default: the last 30 days) as an array of {id, task: {id, name} or null, user: {id,\n"
    "username}, billable, start, end, duration, running, description, tags}. A running entry\n"
    "has end null and a negative duration.\n"
    "\n"
    "  --start MS   from this time (Unix ms)\n"
    "  --end MS     up to this time (Unix ms)\n"
    "  --team ID    the workspace (default CLICKUP_TEAM_ID, or the token's only one)\n";

static const char HELP_TIME_START[] =
    "usage: clickup time start <ID|URL> [--team ID]\n"
    "\n"
    "Starts your timer on a task (ClickUp stops one already running) and prints the running\n"
    "entry as 'clickup time list' does. Never sent twice (exit 8: look before starting again).\n"
    "\n"
    "  --team ID    the workspace (default CLICKUP_TEAM_ID, or the token's only one)\n";

static const char HELP_TIME_STOP[] =
    "usage: clickup time stop [--team ID]\n"
    "\n"
    "Stops your running timer and prints the entry, its end and duration (ms) set. With no\n"
    "timer running ClickUp answers an error (exit 4).\n"
    "\n"
    "  --team ID    the workspace (default CLICKUP_TEAM_ID, or the token's only one)\n";

static const char HELP_ATTACH[] =
    "usage: clickup attach <ID|URL> FILE\n"
    "\n"
    "Uploads FILE to a task, streamed from disk (memory stays small whatever its size), and\n"
    "prints the attachment as {id, title, extension, url, date}; title is the file's name.\n"
    "A FILE that cannot be read exits 2 before anything is sent. CLICKUP_TIMEOUT_MS bounds\n"
    "the whole upload: raise it for large files. Never sent twice (exit 8: look first).\n";

/* ==== exit codes and error lines ============================================================ */

enum {
    EXIT_NOMEM = 1,
    EXIT_USAGE = 2,
    EXIT_AUTH = 3,
    EXIT_NOT_FOUND = 4,
    EXIT_REJECTED = 5,
    EXIT_RATE_LIMITED = 6,
    EXIT_UNAVAILABLE = 7,
    EXIT_OUTCOME_UNKNOWN = 8,
    EXIT_BAD_RESPONSE = 9,
    EXIT_SIGNATURE = 10             /* webhook verify: no secret matches */
};

static int exit_code(clickup_result rc) {
    switch (rc) {
    case CLICKUP_OK:                  return 0;
    case CLICKUP_ERR_NOMEM:           return EXIT_NOMEM;
    case CLICKUP_ERR_INVALID_ARG:
    case CLICKUP_ERR_CONFIG:          return EXIT_USAGE;
    case CLICKUP_ERR_AUTH:            return EXIT_AUTH;
    case CLICKUP_ERR_NOT_FOUND:
    case CLICKUP_ERR_NO_ACCESS:       return EXIT_NOT_FOUND;
    case CLICKUP_ERR_VALIDATION:
    case CLICKUP_ERR_HTTP:            return EXIT_REJECTED;
    case CLICKUP_ERR_RATE_LIMITED:    return EXIT_RATE_LIMITED;
    case CLICKUP_ERR_NETWORK:
    case CLICKUP_ERR_TIMEOUT:
    case CLICKUP_ERR_SERVER:          return EXIT_UNAVAILABLE;
    case CLICKUP_ERR_OUTCOME_UNKNOWN: return EXIT_OUTCOME_UNKNOWN;
    case CLICKUP_ERR_BAD_RESPONSE:
    case CLICKUP_ERR_TOO_LARGE:
    case CLICKUP_ERR_JSON:            return EXIT_BAD_RESPONSE;
    }
    return EXIT_REJECTED;
}

/* Print text on stderr with control characters (a newline from the server, say) turned into
   spaces, so that an error stays on one line. */
static void put_one_line(const char *text) {
    for (; *text; text++)
        fputc((unsigned char)*text < 0x20 ? ' ' : *text, stderr);
}

/* "clickup: <what>: <why>" for a failed call; returns the exit code. */
static int fail(clickup_client *cu, clickup_result rc, const char *what) {
    const char *why = clickup_last_error(cu)->message;
    if (!why[0]) why = clickup_strerror(rc);
    fputs("clickup: ", stderr);
    put_one_line(what);
    if (rc == CLICKUP_ERR_OUTCOME_UNKNOWN)
        fputs(": OUTCOME UNKNOWN, it may or may not have happened; look before trying again", stderr);
    fputs(": ", stderr);
    put_one_line(why);
    fputc('\n', stderr);
    return exit_code(rc);
}

/* "clickup: <command>: <problem> (see 'clickup <command> --help')"; returns EXIT_USAGE. */
static int usage_error(const char *command, const char *fmt, ...) {
    char problem[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(problem, sizeof problem, fmt, ap);
    va_end(ap);
    fprintf(stderr, "clickup: %s: ", command);
    put_one_line(problem);
    fprintf(stderr, " (see 'clickup %s --help')\n", command);
    return EXIT_USAGE;
}

/* ==== options ================================================================================ */

#define MAX_REPEAT 32               /* at most this many of one repeatable option */

typedef struct string_list {
    const char *items[MAX_REPEAT];
    size_t      count;
} string_list;

/* Everything any command can be given. Strings point into argv. */
typedef struct options {
    const char *operands[2];        /* the positional arguments: <ID|URL>, or METHOD and PATH
                                       (as many as the longest operand list below)          */
    size_t      operand_count;
    int         archived, subtasks, include_markdown, include_closed, retry_safe, no_cache;
    const char *list_id, *space_id, *folder_id, *template_id;
    const char *name, *description, *markdown, *markdown_file, *status;
    const char *priority, *due, *max_pages, *data, *batch, *concurrency;
    string_list statuses, tags, assignees, add_assignees, remove_assignees, queries;
    string_list lists;              /* every --list, in order (`tasks` takes several)       */
    const char *endpoint, *task_id, *signature;     /* webhook commands                     */
    string_list events, secrets;
    const char *text, *field, *value, *start, *end, *team;  /* comments, fields, time       */
    string_list items;              /* checklist add: every --item, in order                */
} options;

typedef int (*command_fn)(const options *o);

/* accepts: the options of the command; a trailing '=' means the option takes a value.
   operands: the positional arguments it requires, by name, in order. */
typedef struct command_spec {
    const char        *name;
    const char *const *accepts;
    const char *const *operands;
    command_fn         run;
    const char        *help;
} command_spec;

static const char *const NO_OPTIONS[] = { NULL };
static const char *const NO_OPERANDS[] = { NULL };
static const char *const TASK_REF_OPERAND[] = { "the task <ID|URL>", NULL };
static const char *const API_OPERANDS[] = { "METHOD", "PATH", NULL };
static const char *const SPACES_OPTIONS[] = { "--archived", NULL };
static const char *const TASK_GET_OPTIONS[] = { "--subtasks", "--markdown", NULL };
static const char *const TASKS_OPTIONS[] = {
    "--list=", "--space=", "--status=", "--assignee=", "--tag=", "--include-closed", "--subtasks",
    "--max-pages=", NULL
};
static const char *const TASK_CREATE_OPTIONS[] = {
    "--list=", "--name=", "--markdown=", "--markdown-file=", "--description=", "--tag=",
    "--assignee=", "--status=", "--priority=", "--due=", "--batch=", "--concurrency=", NULL
};
static const char *const TASK_UPDATE_OPTIONS[] = {
    "--name=", "--description=", "--markdown=", "--status=", "--priority=", "--due=",
    "--add-assignee=", "--remove-assignee=", NULL
};
static const char *const FROM_TEMPLATE_OPTIONS[] = { "--list=", "--template=", "--name=", NULL };
static const char *const FOLDERS_OPTIONS[] = { "--space=", NULL };
static const char *const LISTS_OPTIONS[] = { "--space=", "--folder=", NULL };
static const char *const API_OPTIONS[] = { "--query=", "--data=", "--retry-safe", "--no-cache", NULL };
static const char *const ID_OPERAND[] = { "ID", NULL };
static const char *const FILE_OPERAND[] = { "[FILE]", NULL };     /* "[...]": may be left out */
static const char *const WEBHOOK_CREATE_OPTIONS[] = {
    "--endpoint=", "--event=", "--space=", "--folder=", "--list=", "--task=", NULL
};
static const char *const WEBHOOK_VERIFY_OPTIONS[] = { "--secret=", "--signature=", NULL };
static const char *const ATTACH_OPERANDS[] = { "the task <ID|URL>", "FILE", NULL };
static const char *const COMMENT_ADD_OPTIONS[] = { "--text=", NULL };
static const char *const FIELDS_OPTIONS[] = { "--list=", NULL };
static const char *const FIELD_SET_OPTIONS[] = { "--field=", "--value=", NULL };
static const char *const CHECKLIST_ADD_OPTIONS[] = { "--name=", "--item=", NULL };
static const char *const TIME_LIST_OPTIONS[] = { "--start=", "--end=", "--team=", NULL };
static const char *const TEAM_OPTIONS[] = { "--team=", NULL };

/* How the command uses an option: -1 not at all, 0 as a flag, 1 with a value. */
static int option_kind(const command_spec *cmd, const char *arg) {
    size_t i, n = strlen(arg);
    for (i = 0; cmd->accepts[i]; i++) {
        const char *spec = cmd->accepts[i];
        if (strcmp(spec, arg) == 0) return 0;
        if (strncmp(spec, arg, n) == 0 && spec[n] == '=' && spec[n + 1] == '\0') return 1;
    }
    return -1;
}

static int add_to_list(string_list *list, const char *value) {
    if (list->count == MAX_REPEAT) return -1;
    list->items[list->count++] = value;
    return 0;
}

/* Store one option; value is NULL for a flag. Returns -1 when a repeatable option is full. */
static int store_option(options *o, const char *opt, const char *value) {
    if (strcmp(opt, "--archived") == 0) o->archived = 1;
    else if (strcmp(opt, "--subtasks") == 0) o->subtasks = 1;
    else if (strcmp(opt, "--include-closed") == 0) o->include_closed = 1;
    else if (strcmp(opt, "--retry-safe") == 0) o->retry_safe = 1;
    else if (strcmp(opt, "--no-cache") == 0) o->no_cache = 1;
    else if (strcmp(opt, "--data") == 0) o->data = value;
    else if (strcmp(opt, "--markdown") == 0 && !value) o->include_markdown = 1;
    else if (strcmp(opt, "--markdown") == 0) o->markdown = value;
    else if (strcmp(opt, "--markdown-file") == 0) o->markdown_file = value;
    else if (strcmp(opt, "--list") == 0) { o->list_id = value; return add_to_list(&o->lists, value); }
    else if (strcmp(opt, "--space") == 0) o->space_id = value;
    else if (strcmp(opt, "--folder") == 0) o->folder_id = value;
    else if (strcmp(opt, "--template") == 0) o->template_id = value;
    else if (strcmp(opt, "--name") == 0) o->name = value;
    else if (strcmp(opt, "--description") == 0) o->description = value;
    else if (strcmp(opt, "--priority") == 0) o->priority = value;
    else if (strcmp(opt, "--due") == 0) o->due = value;
    else if (strcmp(opt, "--max-pages") == 0) o->max_pages = value;
    else if (strcmp(opt, "--batch") == 0) o->batch = value;
    else if (strcmp(opt, "--concurrency") == 0) o->concurrency = value;
    else if (strcmp(opt, "--status") == 0) { o->status = value; return add_to_list(&o->statuses, value); }
    else if (strcmp(opt, "--tag") == 0) return add_to_list(&o->tags, value);
    else if (strcmp(opt, "--assignee") == 0) return add_to_list(&o->assignees, value);
    else if (strcmp(opt, "--add-assignee") == 0) return add_to_list(&o->add_assignees, value);
    else if (strcmp(opt, "--remove-assignee") == 0) return add_to_list(&o->remove_assignees, value);
    else if (strcmp(opt, "--query") == 0) return add_to_list(&o->queries, value);
    else if (strcmp(opt, "--endpoint") == 0) o->endpoint = value;
    else if (strcmp(opt, "--task") == 0) o->task_id = value;
    else if (strcmp(opt, "--signature") == 0) o->signature = value;
    else if (strcmp(opt, "--event") == 0) return add_to_list(&o->events, value);
    else if (strcmp(opt, "--secret") == 0) return add_to_list(&o->secrets, value);
    else if (strcmp(opt, "--text") == 0) o->text = value;
    else if (strcmp(opt, "--field") == 0) o->field = value;
    else if (strcmp(opt, "--value") == 0) o->value = value;
    else if (strcmp(opt, "--start") == 0) o->start = value;
    else if (strcmp(opt, "--end") == 0) o->end = value;
    else if (strcmp(opt, "--team") == 0) o->team = value;
    else if (strcmp(opt, "--item") == 0) return add_to_list(&o->items, value);
    return 0;
}

#define SHOW_HELP (-1)

/* Parse a command's arguments into o. Returns 0, SHOW_HELP, or EXIT_USAGE (after saying why). */
static int parse_options(const command_spec *cmd, int argc, char **argv, options *o) {
    int i;
    memset(o, 0, sizeof *o);
    for (i = 0; i < argc; i++) {
        const char *arg = argv[i];
        int kind;
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) return SHOW_HELP;
        if (arg[0] != '-' || arg[1] == '\0') {
            if (!cmd->operands[o->operand_count]) return usage_error(cmd->name, "unexpected argument '%s'", arg);
            o->operands[o->operand_count++] = arg;
            continue;
        }
        kind = option_kind(cmd, arg);
        if (kind < 0) return usage_error(cmd->name, "unknown option '%s'", arg);
        if (kind == 1 && i + 1 == argc) return usage_error(cmd->name, "%s needs a value", arg);
        if (store_option(o, arg, kind == 1 ? argv[++i] : NULL) < 0)
            return usage_error(cmd->name, "too many %s (at most %d)", arg, MAX_REPEAT);
    }
    if (cmd->operands[o->operand_count] && cmd->operands[o->operand_count][0] != '[')
        return usage_error(cmd->name, "missing %s", cmd->operands[o->operand_count]);
    return 0;
}

/* ==== checking values (before any request) ================================================== */

/* A whole decimal number in [min, max], nothing else. Returns 0 or -1. */
static int parse_number(const char *text, int64_t min, int64_t max, int64_t *out) {
    char *end;
    long long v;
    if (!text || text[0] < '0' || text[0] > '9') return -1;
    errno = 0;
    v = strtoll(text, &end, 10);
    if (errno != 0 || *end != '\0' || v < min || v > max) return -1;
    *out = (int64_t)v;
    return 0;
}

/* User ids of a repeatable option into ids[]. Returns 0 or EXIT_USAGE. */
static int parse_user_ids(const char *command, const char *option, const string_list *in, int64_t *ids) {
    size_t i;
    for (i = 0; i < in->count; i++)
        if (parse_number(in->items[i], 1, INT64_MAX, &ids[i]) < 0)
            return usage_error(command, "%s wants a numeric user id, not '%s'", option, in->items[i]);
    return 0;
}

/* --priority: 1-4, or "none" when allow_none (returned as CLICKUP_PRIORITY_CLEAR). */
static int parse_priority(const char *command, const char *text, int allow_none, int *out) {
    int64_t v;
    if (allow_none && strcmp(text, "none") == 0) { *out = CLICKUP_PRIORITY_CLEAR; return 0; }
    if (parse_number(text, 1, 4, &v) < 0)
        return usage_error(command, "--priority must be 1 (urgent), 2 (high), 3 (normal) or 4 (low)%s, not '%s'",
                           allow_none ? " or none" : "", text);
    *out = (int)v;
    return 0;
}

/* --due: Unix milliseconds. */
static int parse_due(const char *command, const char *text, clickup_i64 *out) {
    if (parse_number(text, 0, INT64_MAX, &out->value) < 0)
        return usage_error(command, "--due wants a date in Unix milliseconds, not '%s'", text);
    out->present = 1;
    return 0;
}

/* Check a task reference before anything is sent. */
static int check_task_ref(const char *command, const char *text) {
    clickup_task_ref ref;
    if (clickup_task_ref_parse(text, &ref) < 0)
        return usage_error(command, "'%s' is not a task id or URL: %s", text, ref.error);
    return 0;
}

/* The whole of a file (or stdin for "-"), NUL-terminated, in *out, its length in *out_len
   (optional). Returns 0 or EXIT_USAGE. */
static int read_text_file(const char *command, const char *path, char **out, size_t *out_len) {
    enum { LIMIT = 1 << 20 };
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *text;
    size_t len;
    *out = NULL;
    if (!f) return usage_error(command, "cannot open %s: %s", path, strerror(errno));
    text = (char *)malloc(LIMIT + 1);
    if (!text) { if (f != stdin) fclose(f); return EXIT_NOMEM; }
    len = fread(text, 1, LIMIT + 1, f);
    if (ferror(f) || len > LIMIT) {
        int failed = ferror(f);
        if (f != stdin) fclose(f);
        free(text);
        return failed ? usage_error(command, "cannot read %s", path)
                      : usage_error(command, "%s is larger than 1 MiB", path);
    }
    if (f != stdin) fclose(f);
    text[len] = '\0';
    *out = text;
    if (out_len) *out_len = len;
    return 0;
}

/* ==== the client ============================================================================ */

static void log_to_stderr(void *user, clickup_log_level level, const char *line) {
    const char *name = level == CLICKUP_LOG_ERROR ? "error" : level == CLICKUP_LOG_WARNING ? "warning"
                     : level == CLICKUP_LOG_INFO ? "info" : "debug";
    (void)user;
    fprintf(stderr, "clickup: %s: %s\n", name, line);
}

/* An optional whole number from the environment: 1 read, 0 unset, -1 invalid (said why). */
static int env_number(const char *name, int64_t min, int64_t max, int64_t *out) {
    const char *text = getenv(name);
    if (!text || !*text) return 0;
    if (parse_number(text, min, max, out) == 0) return 1;
    fprintf(stderr, "clickup: configuration: %s must be a whole number from %lld to %lld\n", name,
            (long long)min, (long long)max);
    return -1;
}

/* Make a client from the environment (team_id, when not NULL, instead of CLICKUP_TEAM_ID).
   Sends nothing. Returns 0 or an exit code. */
static int open_client_in(const char *team_id, clickup_client **out) {
    clickup_config cfg;
    clickup_result rc;
    char why[256];
    int64_t n;
    int got;
    *out = NULL;
    if (clickup_config_from_env(&cfg, why, sizeof why) < 0) {
        fprintf(stderr, "clickup: configuration: %s\n", why);
        return EXIT_USAGE;
    }
    if (cfg.log_level > CLICKUP_LOG_OFF) cfg.log = log_to_stderr;     /* set, and not "off" */
    if ((got = env_number("CLICKUP_MAX_RETRIES", 0, 10, &n)) < 0) return EXIT_USAGE;
    if (got) cfg.max_retries = n == 0 ? -1 : (int)n;    /* in clickup_config, 0 means "default" */
    if ((got = env_number("CLICKUP_BACKOFF_MS", 1, 60000, &n)) < 0) return EXIT_USAGE;
    if (got) cfg.backoff_base_ms = (long)n;
    if (team_id) cfg.team_id = team_id;
#ifdef CLICKUP_WITH_REDIS
    if ((rc = clickup_redis_env_open(&cfg, &redis_env, why, sizeof why)) < 0) {   /* sets cfg.limiter, cfg.cache */
        fprintf(stderr, "clickup: configuration: %s\n", why);
        return exit_code(rc);
    }
    atexit(redis_env_close);
#endif
    if (clickup_config_check(&cfg, why, sizeof why) < 0) {
        fprintf(stderr, "clickup: configuration: %s\n", why);
        return EXIT_USAGE;
    }
    rc = clickup_client_create(&cfg, out);
    if (rc < 0) {
        fprintf(stderr, "clickup: %s\n", clickup_strerror(rc));
        return exit_code(rc);
    }
    return 0;
}

static int open_client(clickup_client **out) { return open_client_in(NULL, out); }

/* ==== JSON output =========================================================================== */

static void put_string(clickup_json_writer *w, const char *key, const char *value) {
    clickup_jw_key(w, key);
    clickup_jw_string(w, value);            /* NULL is written as null */
}

/* An id that the library gives as "" when absent: null then. */
static void put_id(clickup_json_writer *w, const char *key, const char *id) {
    put_string(w, key, id && id[0] ? id : NULL);
}

static void put_int(clickup_json_writer *w, const char *key, int64_t value) {
    clickup_jw_key(w, key);
    clickup_jw_int64(w, value);
}

static void put_bool(clickup_json_writer *w, const char *key, int value) {
    clickup_jw_key(w, key);
    clickup_jw_bool(w, value);
}

/* A number ClickUp may leave out: null when absent. */
static void put_optional(clickup_json_writer *w, const char *key, clickup_i64 value) {
    clickup_jw_key(w, key);
    if (value.present) clickup_jw_int64(w, value.value);
    else clickup_jw_null(w);
}

/* Finish the writer, print its text and a newline on stdout, free it. Returns an exit code. */
static int print_json(clickup_json_writer *w) {
    const char *text;
    size_t len;
    clickup_result rc = clickup_json_writer_finish(w, &text, &len);
    if (rc == CLICKUP_OK) {
        fwrite(text, 1, len, stdout);
        fputc('\n', stdout);
    } else {
        fprintf(stderr, "clickup: writing JSON: %s\n", clickup_strerror(rc));
    }
    clickup_json_writer_free(w);
    return exit_code(rc);
}

static void write_status(clickup_json_writer *w, const clickup_status *s) {
    clickup_jw_object_begin(w);
    put_string(w, "status", s->status);
    put_string(w, "color", s->color);
    put_string(w, "type", s->type);
    put_optional(w, "orderindex", s->orderindex);
    clickup_jw_object_end(w);
}

static void write_user(clickup_json_writer *w, const clickup_user *u, int with_email) {
    clickup_jw_object_begin(w);
    put_int(w, "id", u->id);
    put_string(w, "username", u->username);
    if (with_email) put_string(w, "email", u->email);
    clickup_jw_object_end(w);
}

static void write_assignees(clickup_json_writer *w, const clickup_task *t) {
    size_t i;
    clickup_jw_array_begin(w);
    for (i = 0; i < t->assignee_count; i++) write_user(w, &t->assignees[i], 1);
    clickup_jw_array_end(w);
}

static void write_checklist(clickup_json_writer *w, const clickup_checklist *c) {
    size_t i;
    clickup_jw_object_begin(w);
    put_string(w, "id", c->id);
    put_string(w, "name", c->name);
    put_optional(w, "orderindex", c->orderindex);
    clickup_jw_key(w, "items");
    clickup_jw_array_begin(w);
    for (i = 0; i < c->item_count; i++) {
        clickup_jw_object_begin(w);
        put_string(w, "id", c->items[i].id);
        put_string(w, "name", c->items[i].name);
        put_bool(w, "resolved", c->items[i].resolved);
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
    clickup_jw_object_end(w);
}

static void write_checklists(clickup_json_writer *w, const clickup_task *t) {
    size_t i;
    clickup_jw_array_begin(w);
    for (i = 0; i < t->checklist_count; i++) write_checklist(w, &t->checklists[i]);
    clickup_jw_array_end(w);
}

static void write_tags(clickup_json_writer *w, const clickup_task *t) {
    size_t i;
    clickup_jw_array_begin(w);
    for (i = 0; i < t->tag_count; i++) clickup_jw_string(w, t->tags[i].name);
    clickup_jw_array_end(w);
}

static void write_priority(clickup_json_writer *w, const clickup_priority *p) {
    if (!p) { clickup_jw_null(w); return; }
    clickup_jw_object_begin(w);
    put_string(w, "id", p->id);
    put_string(w, "priority", p->priority);
    put_string(w, "color", p->color);
    put_string(w, "orderindex", p->orderindex);
    clickup_jw_object_end(w);
}

static void write_custom_fields(clickup_json_writer *w, const clickup_task *t) {
    size_t i;
    clickup_jw_array_begin(w);
    for (i = 0; i < t->custom_field_count; i++) {
        const clickup_custom_field *f = &t->custom_fields[i];
        clickup_jw_object_begin(w);
        put_string(w, "id", f->id);
        put_string(w, "name", f->name);
        put_string(w, "type", f->type);
        clickup_jw_key(w, "value");
        clickup_jw_value(w, f->value);      /* as ClickUp sent it; null when it has none */
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
}

static void write_task(clickup_json_writer *w, const clickup_task *t) {
    size_t i;
    clickup_jw_object_begin(w);
    put_string(w, "id", t->id);
    put_string(w, "custom_id", t->custom_id);
    put_string(w, "name", t->name);
    put_string(w, "description", t->description);
    if (t->markdown_description) put_string(w, "markdown_description", t->markdown_description);
    clickup_jw_key(w, "status");
    write_status(w, &t->status);
    put_optional(w, "date_created", t->date_created);
    put_optional(w, "date_updated", t->date_updated);
    put_optional(w, "date_closed", t->date_closed);
    clickup_jw_key(w, "creator");
    write_user(w, &t->creator, 0);
    clickup_jw_key(w, "assignees");
    write_assignees(w, t);
    clickup_jw_key(w, "checklists");
    write_checklists(w, t);
    clickup_jw_key(w, "tags");
    write_tags(w, t);
    put_string(w, "parent", t->parent);
    clickup_jw_key(w, "priority");
    write_priority(w, t->priority);
    put_optional(w, "due_date", t->due_date);
    put_optional(w, "start_date", t->start_date);
    put_optional(w, "time_estimate", t->time_estimate);
    put_optional(w, "time_spent", t->time_spent);
    clickup_jw_key(w, "custom_fields");
    write_custom_fields(w, t);
    put_string(w, "url", t->url);
    put_id(w, "list_id", t->list.id);
    put_id(w, "folder_id", t->folder.id);
    put_id(w, "space_id", t->space.id);
    if (t->subtask_count) {
        clickup_jw_key(w, "subtasks");
        clickup_jw_array_begin(w);
        for (i = 0; i < t->subtask_count; i++) write_task(w, &t->subtasks[i]);
        clickup_jw_array_end(w);
    }
    clickup_jw_object_end(w);
}

static int print_task(const clickup_task *t) {
    clickup_json_writer w;
    clickup_json_writer_init(&w, NULL);
    write_task(&w, t);
    return print_json(&w);
}

static void write_list(clickup_json_writer *w, const clickup_list *l) {
    clickup_jw_object_begin(w);
    put_string(w, "id", l->id);
    put_string(w, "name", l->name);
    put_optional(w, "task_count", l->task_count);
    put_id(w, "folder_id", l->folder.id);
    put_id(w, "space_id", l->space.id);
    clickup_jw_object_end(w);
}

/* ==== the commands ========================================================================== */
/* Each one: check its options (usage errors exit 2 before anything is sent), make a client,
   make the call, print the result, free what it got. */

static int close_client(clickup_client *cu, int code) {
    clickup_client_destroy(cu);
    return code;
}

static int cmd_spaces(const options *o) {
    clickup_spaces_opts opts;
    clickup_spaces *spaces = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    size_t i;
    int code;
    memset(&opts, 0, sizeof opts);
    opts.archived = o->archived;
    if ((code = open_client(&cu)) != 0) return code;
    if ((rc = clickup_spaces_get(cu, &opts, &spaces)) < 0) return close_client(cu, fail(cu, rc, "spaces"));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < spaces->count; i++) {
        const clickup_space *s = &spaces->items[i];
        clickup_jw_object_begin(&w);
        put_string(&w, "id", s->id);
        put_string(&w, "name", s->name);
        put_bool(&w, "private", s->is_private);
        put_bool(&w, "multiple_assignees", s->multiple_assignees);
        put_bool(&w, "archived", s->archived);
        clickup_jw_object_end(&w);
    }
    clickup_jw_array_end(&w);
    code = print_json(&w);
    clickup_spaces_free(spaces);
    return close_client(cu, code);
}

static int cmd_members(const options *o) {
    clickup_members *members = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    size_t i;
    int code;
    (void)o;
    if ((code = open_client(&cu)) != 0) return code;
    if ((rc = clickup_members_get(cu, &members)) < 0) return close_client(cu, fail(cu, rc, "members"));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < members->count; i++) {
        const clickup_user *u = &members->items[i];
        clickup_jw_object_begin(&w);
        put_int(&w, "id", u->id);
        put_string(&w, "username", u->username);
        put_string(&w, "email", u->email);
        put_string(&w, "initials", u->initials);
        put_int(&w, "role", u->role);
        clickup_jw_object_end(&w);
    }
    clickup_jw_array_end(&w);
    code = print_json(&w);
    clickup_members_free(members);
    return close_client(cu, code);
}

static int cmd_task_get(const options *o) {
    const char *ref = o->operands[0];      /* <ID|URL> */
    clickup_task_get_opts opts;
    clickup_task *task = NULL;
    clickup_client *cu;
    clickup_result rc;
    char what[200];
    int code;
    if ((code = check_task_ref("task get", ref)) != 0) return code;
    memset(&opts, 0, sizeof opts);
    opts.include_subtasks = o->subtasks;
    opts.include_markdown = o->include_markdown;
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "task get %s", ref);
    if ((rc = clickup_task_get(cu, ref, &opts, &task)) < 0) return close_client(cu, fail(cu, rc, what));
    code = print_task(task);
    clickup_task_free(task);
    return close_client(cu, code);
}

/* `tasks` prints page by page, so that memory holds one page: "[", the tasks separated by
   commas, then "]". Should a later page fail, stdout stays cut short (not valid JSON). */
typedef struct tasks_walk {
    size_t printed;                 /* tasks printed so far                     */
    int    show_progress;           /* stderr is a terminal                     */
    int    code;                    /* an exit code when printing failed        */
} tasks_walk;

static int print_task_page(void *user, const clickup_tasks *page) {
    tasks_walk *walk = (tasks_walk *)user;
    size_t i;
    for (i = 0; i < page->count; i++) {
        clickup_json_writer w;
        fputs(walk->printed == 0 ? "[" : ",", stdout);
        clickup_json_writer_init(&w, NULL);
        write_task(&w, &page->items[i]);
        {
            const char *text;
            size_t len;
            clickup_result rc = clickup_json_writer_finish(&w, &text, &len);
            if (rc == CLICKUP_OK) fwrite(text, 1, len, stdout);
            else walk->code = exit_code(rc);
        }
        clickup_json_writer_free(&w);
        if (walk->code) return 1;          /* stop the walk */
        walk->printed++;
    }
    if (walk->show_progress)
        fprintf(stderr, "\rclickup: tasks: %lu pages, %lu tasks", (unsigned long)page->page_index + 1,
                (unsigned long)walk->printed);
    return 0;
}

/* `tasks` with several --list: the lists are fetched at the same time
   (clickup_tasks_get_lists), then printed as one array, list by list, page by page, as the
   single-list walk prints them. The whole union is held in memory until it is printed.
   (clickup_tasks_foreach_lists would stream it page by page, but in clickup.h 0.2.0 it ends
   early, with CLICKUP_OK, when a list has more than one page: see tests/test_batch.c,
   test_foreach_lists_every_page. Switch to it once that is fixed.) */
static int tasks_of_lists(clickup_client *cu, const options *o, const clickup_task_query *q) {
    clickup_tasks *all = NULL;
    tasks_walk walk;
    clickup_result rc;
    char what[200];
    size_t i, at;
    at = (size_t)snprintf(what, sizeof what, "tasks of lists");
    for (i = 0; i < o->lists.count && at < sizeof what; i++)
        at += (size_t)snprintf(what + at, sizeof what - at, "%s%s", i ? ", " : " ", o->lists.items[i]);
    memset(&walk, 0, sizeof walk);
    rc = clickup_tasks_get_lists(cu, o->lists.items, o->lists.count, q, 0, &all);
    if (rc < 0) return fail(cu, rc, what);
    print_task_page(&walk, all);           /* every task, in list order: one "page" */
    if (walk.code) { clickup_tasks_free(all); return walk.code; }
    fputs(walk.printed ? "]\n" : "[]\n", stdout);
    if (isatty(STDERR_FILENO))
        fprintf(stderr, "clickup: tasks: %lu lists, %lu pages, %lu tasks\n", (unsigned long)o->lists.count,
                (unsigned long)all->pages, (unsigned long)all->count);
    if (all->truncated)
        fprintf(stderr, "clickup: %s: stopped after --max-pages pages of a list; there are more tasks\n", what);
    clickup_tasks_free(all);
    return 0;
}

static int cmd_tasks(const options *o) {
    int64_t assignees[MAX_REPEAT], max_pages = 0;
    clickup_task_query q;
    clickup_tasks stats;
    tasks_walk walk;
    clickup_client *cu;
    clickup_result rc;
    char what[200];
    int code;
    if (!o->list_id == !o->space_id) return usage_error("tasks", "give exactly one of --list and --space");
    if ((code = parse_user_ids("tasks", "--assignee", &o->assignees, assignees)) != 0) return code;
    if (o->max_pages && parse_number(o->max_pages, 1, 100000, &max_pages) < 0)
        return usage_error("tasks", "--max-pages wants a number from 1 to 100000, not '%s'", o->max_pages);
    memset(&q, 0, sizeof q);
    q.list_id = o->list_id;
    q.space_id = o->space_id;
    q.statuses = o->statuses.items;  q.status_count = o->statuses.count;
    q.assignees = assignees;         q.assignee_count = o->assignees.count;
    q.tags = o->tags.items;          q.tag_count = o->tags.count;
    q.include_closed = o->include_closed;
    q.subtasks = o->subtasks;
    q.max_pages = (int)max_pages;
    memset(&walk, 0, sizeof walk);
    walk.show_progress = isatty(STDERR_FILENO);
    if ((code = open_client(&cu)) != 0) return code;
    if (o->lists.count > 1) {              /* several lists, fetched at the same time */
        q.list_id = NULL;
        return close_client(cu, tasks_of_lists(cu, o, &q));
    }
    snprintf(what, sizeof what, "tasks of %s %s", o->list_id ? "list" : "space", o->list_id ? o->list_id : o->space_id);
    rc = clickup_tasks_foreach(cu, &q, print_task_page, &walk, &stats);
    if (walk.show_progress && stats.pages) fputc('\n', stderr);
    if (rc < 0) return close_client(cu, fail(cu, rc, what));
    if (walk.code) return close_client(cu, walk.code);
    fputs(walk.printed ? "]\n" : "[]\n", stdout);
    if (stats.truncated)
        fprintf(stderr, "clickup: %s: stopped after %lu pages (--max-pages); there are more tasks\n", what,
                (unsigned long)stats.pages);
    return close_client(cu, 0);
}

/* The markdown of `task create`: --markdown, or --markdown-file read into *buffer. */
static int markdown_to_send(const options *o, const char **markdown, char **buffer) {
    *markdown = o->markdown;
    *buffer = NULL;
    if (o->markdown && o->markdown_file)
        return usage_error("task create", "give --markdown or --markdown-file, not both");
    if (!o->markdown_file) return 0;
    if (read_text_file("task create", o->markdown_file, buffer, NULL) != 0) return EXIT_USAGE;
    *markdown = *buffer;
    return 0;
}

/* ---- task create --batch: one task per line of a JSON Lines file -------------------------------
   Every line is read and checked first (a line that is not a valid task object is answered at
   once, code 2, and nothing is sent for it); the valid ones go to clickup_batch_run as
   TASK_CREATE items. Results are printed in input order as soon as every earlier line has its
   own: the progress callback fills a line's result and prints what is ready. */

/* One line of the file. */
typedef struct batch_line {
    size_t            number;       /* 1-based line number in the file                      */
    int               ended;        /* its result is known                                  */
    int               code;         /* its exit code; 0 = created                           */
    char             *id;           /* the new task's id                                    */
    char             *error;        /* why it failed                                        */
    clickup_json_doc *doc;          /* the parsed line: the task's strings point into it     */
    const char      **tags;
    int64_t          *assignees;
    clickup_task_new  task;
} batch_line;

typedef struct batch_state {
    batch_line *lines;
    size_t      count, printed, ended, failed;
    size_t     *line_of_item;       /* batch item index -> line index                      */
    int         show_progress;      /* stderr is a terminal                                */
} batch_state;

static char *copy_text(const char *s) {
    size_t n = strlen(s);
    char *c = (char *)malloc(n + 1);
    if (c) memcpy(c, s, n + 1);
    return c;
}

/* The line is refused: code 2 and the reason. Returns -1. */
static int line_error(batch_line *bl, const char *fmt, ...) {
    char why[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, sizeof why, fmt, ap);
    va_end(ap);
    bl->ended = 1;
    bl->code = EXIT_USAGE;
    bl->error = copy_text(why);
    return -1;
}

/* A string member: *out set (NULL for null). 0, or -1 after line_error. */
static int line_string(batch_line *bl, const char *key, const clickup_json *v, const char **out) {
    size_t len;
    if (clickup_json_is(v, CLICKUP_JSON_NULL)) { *out = NULL; return 0; }
    if (!clickup_json_is(v, CLICKUP_JSON_STRING)) return line_error(bl, "\"%s\" must be a string", key);
    *out = clickup_json_as_string(v, "", &len);
    if (strlen(*out) != len) return line_error(bl, "\"%s\" holds a NUL character", key);
    return 0;
}

/* A whole number member in [min, max] (null: left as absent). 0, or -1 after line_error. */
static int line_number(batch_line *bl, const char *key, const clickup_json *v, int64_t min, int64_t max,
                       clickup_i64 *out) {
    if (clickup_json_is(v, CLICKUP_JSON_NULL)) return 0;
    if (!clickup_json_is(v, CLICKUP_JSON_NUMBER) || clickup_json_int64(v, &out->value) != CLICKUP_OK ||
        out->value < min || out->value > max)
        return line_error(bl, "\"%s\" must be a whole number from %lld to %lld", key, (long long)min, (long long)max);
    out->present = 1;
    return 0;
}

/* Parse one line into bl->task. 0, or -1 after line_error. */
static int parse_batch_line(batch_line *bl, const char *text, size_t len) {
    const clickup_json *root, *v;
    clickup_json_error je;
    clickup_task_new *t = &bl->task;
    size_t i, j, n;
    memset(t, 0, sizeof *t);
    if (clickup_json_parse(text, len, NULL, &bl->doc, &je) != CLICKUP_OK)
        return line_error(bl, "not valid JSON at byte %lu: %s", (unsigned long)je.offset, je.reason ? je.reason : "?");
    root = clickup_json_root(bl->doc);
    if (!clickup_json_is(root, CLICKUP_JSON_OBJECT)) return line_error(bl, "not a JSON object");
    for (i = 0; i < clickup_json_len(root); i++) {
        const char *key = "";
        clickup_i64 num = { 0, 0 };
        v = clickup_json_member(root, i, &key, NULL);
        if (strcmp(key, "name") == 0) { if (line_string(bl, key, v, &t->name) < 0) return -1; }
        else if (strcmp(key, "markdown") == 0) { if (line_string(bl, key, v, &t->markdown) < 0) return -1; }
        else if (strcmp(key, "description") == 0) { if (line_string(bl, key, v, &t->description) < 0) return -1; }
        else if (strcmp(key, "status") == 0) { if (line_string(bl, key, v, &t->status) < 0) return -1; }
        else if (strcmp(key, "priority") == 0) {
            if (line_number(bl, key, v, 1, 4, &num) < 0) return -1;
            t->priority = num.present ? (int)num.value : 0;
        } else if (strcmp(key, "due") == 0) {
            if (line_number(bl, key, v, 0, INT64_MAX, &t->due_date) < 0) return -1;
        } else if (strcmp(key, "tags") == 0 || strcmp(key, "assignees") == 0) {
            int tags = key[0] == 't';
            if (clickup_json_is(v, CLICKUP_JSON_NULL)) continue;
            if (!clickup_json_is(v, CLICKUP_JSON_ARRAY))
                return line_error(bl, "\"%s\" must be an array of %s", key, tags ? "strings" : "user ids");
            n = clickup_json_len(v);
            if (tags ? (bl->tags != NULL) : (bl->assignees != NULL)) return line_error(bl, "\"%s\" given twice", key);
            if (tags) bl->tags = (const char **)calloc(n ? n : 1, sizeof *bl->tags);
            else bl->assignees = (int64_t *)calloc(n ? n : 1, sizeof *bl->assignees);
            if (tags ? !bl->tags : !bl->assignees) return line_error(bl, "out of memory");
            for (j = 0; j < n; j++) {
                const clickup_json *item = clickup_json_at(v, j);
                if (tags) {
                    if (!clickup_json_is(item, CLICKUP_JSON_STRING) || line_string(bl, key, item, &bl->tags[j]) < 0)
                        return bl->ended ? -1 : line_error(bl, "\"tags\" must be an array of strings");
                } else {
                    clickup_i64 uid = { 0, 0 };
                    if (!clickup_json_is(item, CLICKUP_JSON_NUMBER) || clickup_json_int64(item, &uid.value) != CLICKUP_OK ||
                        uid.value < 1)
                        return line_error(bl, "\"assignees\" must be an array of numeric user ids");
                    bl->assignees[j] = uid.value;
                }
            }
            if (tags) { t->tags = bl->tags; t->tag_count = n; }
            else { t->assignees = bl->assignees; t->assignee_count = n; }
        } else {
            return line_error(bl, "unknown field \"%s\" (the fields are name, markdown, description, tags, "
                                  "assignees, status, priority, due)", key);
        }
    }
    if (!t->name || !t->name[0]) return line_error(bl, "\"name\" is required and must not be empty");
    return 0;
}

/* The whole of a file (or stdin for "-"): *out (NUL-terminated), *len. 0 or EXIT_USAGE. */
static int read_batch_file(const char *path, char **out, size_t *len) {
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    size_t cap = 1 << 16, n = 0;
    char *buf;
    *out = NULL;
    if (!f) return usage_error("task create", "cannot open %s: %s", path, strerror(errno));
    if (!(buf = (char *)malloc(cap + 1))) { if (f != stdin) fclose(f); return EXIT_NOMEM; }
    for (;;) {
        size_t k = fread(buf + n, 1, cap - n, f);
        n += k;
        if (n < cap) break;
        {
            char *grown = cap < ((size_t)1 << 30) ? (char *)realloc(buf, cap * 2 + 1) : NULL;
            if (!grown) { free(buf); if (f != stdin) fclose(f); return usage_error("task create", "%s is too large", path); }
            buf = grown;
            cap *= 2;
        }
    }
    if (ferror(f)) { free(buf); if (f != stdin) fclose(f); return usage_error("task create", "cannot read %s", path); }
    if (f != stdin) fclose(f);
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return 0;
}

/* Print the lines whose results are known, in order, up to the first still running. */
static void print_ready_lines(batch_state *st) {
    while (st->printed < st->count && st->lines[st->printed].ended) {
        const batch_line *bl = &st->lines[st->printed++];
        clickup_json_writer w;
        clickup_json_writer_init(&w, NULL);
        clickup_jw_object_begin(&w);
        put_int(&w, "line", (int64_t)bl->number);
        put_bool(&w, "ok", bl->code == 0);
        if (bl->code == 0) {
            put_string(&w, "id", bl->id);
        } else {
            put_int(&w, "code", bl->code);
            put_string(&w, "error", bl->error ? bl->error : "out of memory");
        }
        clickup_jw_object_end(&w);
        (void)print_json(&w);
    }
    fflush(stdout);
}

/* clickup_batch_run's progress callback: record the item's result, print what is ready. */
static int on_batch_item(void *user, size_t index, const clickup_batch_result *r, size_t done, size_t total) {
    batch_state *st = (batch_state *)user;
    batch_line *bl = &st->lines[st->line_of_item[index]];
    bl->ended = 1;
    bl->code = exit_code(r->code);
    if (r->code == CLICKUP_OK) {
        const char *id = r->task ? r->task->id : NULL;
        if (!id && r->response) id = clickup_json_as_string(clickup_json_get(r->response->json, "id"), NULL, NULL);
        bl->id = copy_text(id ? id : "");
    } else {
        char why[600];
        const char *msg = r->error.message[0] ? r->error.message : clickup_strerror(r->code);
        snprintf(why, sizeof why, "%s%s", r->code == CLICKUP_ERR_OUTCOME_UNKNOWN
                 ? "OUTCOME UNKNOWN, it may or may not have happened; look before trying again: " : "", msg);
        bl->error = copy_text(why);
        st->failed++;
    }
    st->ended++;
    print_ready_lines(st);
    if (st->show_progress)
        fprintf(stderr, "\rclickup: task create: %lu/%lu tasks done, %lu failed", (unsigned long)done,
                (unsigned long)total, (unsigned long)st->failed);
    return 0;
}

static void free_batch_lines(batch_state *st) {
    size_t i;
    for (i = 0; i < st->count; i++) {
        batch_line *bl = &st->lines[i];
        free(bl->id);
        free(bl->error);
        free(bl->tags);
        free(bl->assignees);
        clickup_json_doc_free(bl->doc);
    }
    free(st->lines);
    free(st->line_of_item);
}

static int cmd_task_create_batch(const options *o) {
    batch_state st;
    clickup_batch_item *items = NULL;
    clickup_batch_opts bo;
    clickup_batch *b = NULL;
    clickup_client *cu = NULL;
    char *text = NULL, *line, *end;
    size_t len = 0, cap = 0, nitems = 0, number = 0, i;
    int64_t concurrency = 0;
    int code = 0;
    if (!o->list_id) return usage_error("task create", "--list is required");
    if (o->name || o->markdown || o->markdown_file || o->description || o->status || o->priority || o->due ||
        o->tags.count || o->assignees.count)
        return usage_error("task create", "with --batch the task fields come from the file: give only --list, "
                                          "--batch and --concurrency");
    if (o->concurrency && parse_number(o->concurrency, 1, 64, &concurrency) < 0)
        return usage_error("task create", "--concurrency wants a number from 1 to 64, not '%s'", o->concurrency);
    if ((code = read_batch_file(o->batch, &text, &len)) != 0) return code;
    memset(&st, 0, sizeof st);
    /* every line, checked before anything is sent */
    for (line = text; line < text + len; line = end + 1) {
        size_t n;
        const char *p;
        if (!(end = memchr(line, '\n', (size_t)(text + len - line)))) end = text + len;
        number++;
        n = (size_t)(end - line);
        if (n && line[n - 1] == '\r') n--;
        for (p = line; p < line + n && (*p == ' ' || *p == '\t'); p++) {}
        if (p == line + n) continue;                     /* a blank line */
        if (st.count == cap) {
            batch_line *grown = (batch_line *)realloc(st.lines, (cap ? cap * 2 : 64) * sizeof *grown);
            if (!grown) { code = EXIT_NOMEM; goto out; }
            st.lines = grown;
            cap = cap ? cap * 2 : 64;
        }
        memset(&st.lines[st.count], 0, sizeof st.lines[st.count]);
        st.lines[st.count].number = number;
        if (parse_batch_line(&st.lines[st.count], line, n) == 0) nitems++;
        st.count++;
    }
    items = (clickup_batch_item *)calloc(nitems ? nitems : 1, sizeof *items);
    st.line_of_item = (size_t *)calloc(nitems ? nitems : 1, sizeof *st.line_of_item);
    if (!items || !st.line_of_item) { code = EXIT_NOMEM; goto out; }
    for (i = 0, nitems = 0; i < st.count; i++) {
        if (st.lines[i].ended) continue;
        items[nitems].kind = CLICKUP_BATCH_TASK_CREATE;
        items[nitems].list_id = o->list_id;
        items[nitems].task = &st.lines[i].task;
        st.line_of_item[nitems++] = i;
    }
    st.show_progress = isatty(STDERR_FILENO);
    if (nitems && (code = open_client(&cu)) != 0) goto out;
    print_ready_lines(&st);                               /* refused lines before the first task */
    if (nitems) {
        memset(&bo, 0, sizeof bo);
        bo.concurrency = (int)concurrency;
        bo.progress = on_batch_item;
        bo.progress_user = &st;
        if (clickup_batch_run(cu, items, nitems, &bo, &b) == CLICKUP_ERR_NOMEM && !b) {
            code = fail(cu, CLICKUP_ERR_NOMEM, "task create --batch");
            goto out;
        }
        if (st.show_progress) fputc('\n', stderr);
    }
    print_ready_lines(&st);
    for (i = 0, code = 0; i < st.count && !code; i++) code = st.lines[i].code;   /* the first failure */
out:
    clickup_batch_free(b);
    clickup_client_destroy(cu);
    free(items);
    free_batch_lines(&st);
    free(text);
    return code;
}

static int cmd_task_create(const options *o) {
    int64_t assignees[MAX_REPEAT];
    clickup_task_new t;
    clickup_task *task = NULL;
    clickup_client *cu;
    clickup_result rc;
    char what[200], *buffer = NULL;
    int code;
    memset(&t, 0, sizeof t);
    if (o->batch) return cmd_task_create_batch(o);
    if (o->concurrency) return usage_error("task create", "--concurrency goes with --batch");
    if (!o->list_id) return usage_error("task create", "--list is required");
    if (!o->name) return usage_error("task create", "--name is required");
    if (o->priority && (code = parse_priority("task create", o->priority, 0, &t.priority)) != 0) return code;
    if (o->due && (code = parse_due("task create", o->due, &t.due_date)) != 0) return code;
    if ((code = parse_user_ids("task create", "--assignee", &o->assignees, assignees)) != 0) return code;
    if ((code = markdown_to_send(o, &t.markdown, &buffer)) != 0) return code;
    t.name = o->name;
    t.description = o->description;
    t.status = o->status;
    t.tags = o->tags.items;     t.tag_count = o->tags.count;
    t.assignees = assignees;    t.assignee_count = o->assignees.count;
    if ((code = open_client(&cu)) != 0) { free(buffer); return code; }
    snprintf(what, sizeof what, "task create in list %s", o->list_id);
    rc = clickup_task_create(cu, o->list_id, &t, &task);
    code = rc < 0 ? fail(cu, rc, what) : print_task(task);
    clickup_task_free(task);
    free(buffer);
    return close_client(cu, code);
}

static int cmd_task_update(const options *o) {
    const char *ref = o->operands[0];      /* <ID|URL> */
    int64_t add[MAX_REPEAT], rem[MAX_REPEAT];
    clickup_task_changes ch;
    clickup_task *task = NULL;
    clickup_client *cu;
    clickup_result rc;
    char what[200];
    int code;
    memset(&ch, 0, sizeof ch);
    if ((code = check_task_ref("task update", ref)) != 0) return code;
    if (o->priority && (code = parse_priority("task update", o->priority, 1, &ch.priority)) != 0) return code;
    if (o->due && strcmp(o->due, "none") == 0) ch.clear_due_date = 1;
    else if (o->due && (code = parse_due("task update", o->due, &ch.due_date)) != 0) return code;
    if ((code = parse_user_ids("task update", "--add-assignee", &o->add_assignees, add)) != 0) return code;
    if ((code = parse_user_ids("task update", "--remove-assignee", &o->remove_assignees, rem)) != 0) return code;
    ch.name = o->name;
    ch.description = o->description;
    ch.markdown = o->markdown;
    ch.status = o->status;
    ch.add_assignees = add;  ch.add_assignee_count = o->add_assignees.count;
    ch.rem_assignees = rem;  ch.rem_assignee_count = o->remove_assignees.count;
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "task update %s", ref);
    if ((rc = clickup_task_update(cu, ref, &ch, &task)) < 0) return close_client(cu, fail(cu, rc, what));
    code = print_task(task);
    clickup_task_free(task);
    return close_client(cu, code);
}

static int cmd_templates(const options *o) {
    clickup_templates *templates = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    size_t i;
    int code;
    (void)o;
    if ((code = open_client(&cu)) != 0) return code;
    if ((rc = clickup_templates_get(cu, &templates)) < 0) return close_client(cu, fail(cu, rc, "templates"));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < templates->count; i++) {
        clickup_jw_object_begin(&w);
        put_string(&w, "id", templates->items[i].id);
        put_string(&w, "name", templates->items[i].name);
        clickup_jw_object_end(&w);
    }
    clickup_jw_array_end(&w);
    code = print_json(&w);
    if (templates->truncated) fputs("clickup: templates: stopped after 100 pages; there are more\n", stderr);
    clickup_templates_free(templates);
    return close_client(cu, code);
}

static int cmd_from_template(const options *o) {
    clickup_template_task *created = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    char what[200];
    int code;
    if (!o->list_id) return usage_error("task from-template", "--list is required");
    if (!o->template_id) return usage_error("task from-template", "--template is required");
    if (!o->name) return usage_error("task from-template", "--name is required");
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "task from-template %s in list %s", o->template_id, o->list_id);
    rc = clickup_task_from_template(cu, o->list_id, o->template_id, o->name, &created);
    if (rc < 0) return close_client(cu, fail(cu, rc, what));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    put_string(&w, "id", created->id);
    clickup_jw_key(&w, "task");
    if (created->task) write_task(&w, created->task);
    else clickup_jw_null(&w);
    clickup_jw_object_end(&w);
    code = print_json(&w);
    clickup_template_task_free(created);
    return close_client(cu, code);
}

static int cmd_folders(const options *o) {
    clickup_folders *folders = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    char what[200];
    size_t i, j;
    int code;
    if (!o->space_id) return usage_error("folders", "--space is required");
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "folders of space %s", o->space_id);
    if ((rc = clickup_folders_get(cu, o->space_id, NULL, &folders)) < 0) return close_client(cu, fail(cu, rc, what));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < folders->count; i++) {
        const clickup_folder *f = &folders->items[i];
        clickup_jw_object_begin(&w);
        put_string(&w, "id", f->id);
        put_string(&w, "name", f->name);
        put_optional(&w, "task_count", f->task_count);
        clickup_jw_key(&w, "lists");
        clickup_jw_array_begin(&w);
        for (j = 0; j < f->list_count; j++) write_list(&w, &f->lists[j]);
        clickup_jw_array_end(&w);
        clickup_jw_object_end(&w);
    }
    clickup_jw_array_end(&w);
    code = print_json(&w);
    clickup_folders_free(folders);
    return close_client(cu, code);
}

static int cmd_lists(const options *o) {
    clickup_lists *lists = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    char what[200];
    size_t i;
    int code;
    if (!o->space_id == !o->folder_id) return usage_error("lists", "give exactly one of --space and --folder");
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "lists of %s %s", o->folder_id ? "folder" : "space",
             o->folder_id ? o->folder_id : o->space_id);
    rc = clickup_lists_get(cu, o->folder_id, o->folder_id ? NULL : o->space_id, NULL, &lists);
    if (rc < 0) return close_client(cu, fail(cu, rc, what));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < lists->count; i++) write_list(&w, &lists->items[i]);
    clickup_jw_array_end(&w);
    code = print_json(&w);
    clickup_lists_free(lists);
    return close_client(cu, code);
}

static int cmd_rate(const options *o) {
    clickup_teams *teams = NULL;
    clickup_rate_state rate;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    int code;
    (void)o;
    if ((code = open_client(&cu)) != 0) return code;
    if ((rc = clickup_teams_get(cu, &teams)) < 0) return close_client(cu, fail(cu, rc, "rate"));
    clickup_teams_free(teams);
    clickup_rate_get(cu, &rate);
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    put_int(&w, "limit", rate.limit);
    put_int(&w, "window_ms", rate.window_ms);
    put_int(&w, "available", rate.available);
    put_int(&w, "server_remaining", rate.server_remaining);
    put_int(&w, "reset_in_ms", (int64_t)rate.reset_in_ms);
    put_int(&w, "next_free_in_ms", (int64_t)rate.next_free_in_ms);
    clickup_jw_object_end(&w);
    return close_client(cu, print_json(&w));
}

/* METHOD of `api`, in upper case, into method[8]. Returns 0 or EXIT_USAGE. */
static int parse_method(const char *text, char *method) {
    static const char *const known[] = { "GET", "POST", "PUT", "DELETE", "PATCH" };
    size_t i, n = strlen(text);
    if (n < 8) {
        for (i = 0; i <= n; i++)
            method[i] = text[i] >= 'a' && text[i] <= 'z' ? (char)(text[i] - 'a' + 'A') : text[i];
        for (i = 0; i < sizeof known / sizeof known[0]; i++)
            if (strcmp(method, known[i]) == 0) return 0;
    }
    return usage_error("api", "METHOD must be GET, POST, PUT, DELETE or PATCH, not '%s'", text);
}

/* The --query KEY=VALUE pairs of `api` into query[], in order. The keys are copied into
   *keys (the caller frees it); the values point into argv. Returns 0, EXIT_USAGE or EXIT_NOMEM. */
static int split_queries(const string_list *in, clickup_param *query, char **keys) {
    size_t i, total = 0, at = 0;
    *keys = NULL;
    for (i = 0; i < in->count; i++) {
        const char *eq = strchr(in->items[i], '=');
        if (!eq || eq == in->items[i]) return usage_error("api", "--query wants KEY=VALUE, not '%s'", in->items[i]);
        total += (size_t)(eq - in->items[i]) + 1;
    }
    if (total == 0) return 0;
    if (!(*keys = (char *)malloc(total))) return EXIT_NOMEM;
    for (i = 0; i < in->count; i++) {
        const char *eq = strchr(in->items[i], '=');
        size_t n = (size_t)(eq - in->items[i]);
        memcpy(*keys + at, in->items[i], n);
        (*keys)[at + n] = '\0';
        query[i].name = *keys + at;
        query[i].value = eq + 1;
        at += n + 1;
    }
    return 0;
}

/* The body of `api`: --data JSON, @FILE or - (stdin), which must be JSON. What was read is in
   *buffer (the caller frees it, whatever this returns). Returns 0, EXIT_USAGE or EXIT_NOMEM. */
static int body_to_send(const options *o, const char *method, const char **body, size_t *len, char **buffer) {
    clickup_json_doc *doc = NULL;
    clickup_json_error why;
    clickup_result rc;
    int code;
    *body = NULL;
    *len = 0;
    *buffer = NULL;
    if (!o->data) return 0;
    if (strcmp(method, "GET") == 0) return usage_error("api", "a GET has no body: --data is for POST, PUT, DELETE and PATCH");
    if (strcmp(o->data, "@") == 0) return usage_error("api", "--data @FILE wants a file name after the @");
    if (o->data[0] == '@' || strcmp(o->data, "-") == 0) {
        if ((code = read_text_file("api", o->data[0] == '@' ? o->data + 1 : "-", buffer, len)) != 0) return code;
        *body = *buffer;
    } else {
        *body = o->data;
        *len = strlen(o->data);
    }
    memset(&why, 0, sizeof why);
    rc = clickup_json_parse(*body, *len, NULL, &doc, &why);
    clickup_json_doc_free(doc);
    if (rc == CLICKUP_ERR_JSON)
        return usage_error("api", "--data is not valid JSON (at byte %lu: %s)", (unsigned long)why.offset,
                           why.reason ? why.reason : "invalid");
    if (rc < 0) {
        fprintf(stderr, "clickup: api: checking --data: %s\n", clickup_strerror(rc));
        return exit_code(rc);
    }
    return 0;
}

/* `api`: one request to any endpoint. The body goes to stdout as it came, also when the call
   failed (ClickUp's {"err", "ECODE"}), as long as it is JSON. */
static int cmd_api(const options *o) {
    clickup_param query[MAX_REPEAT];
    clickup_request rq;
    clickup_response *response = NULL;
    clickup_client *cu;
    clickup_result rc;
    char method[8], *keys = NULL, *buffer = NULL;
    int code;
    memset(&rq, 0, sizeof rq);
    if ((code = parse_method(o->operands[0], method)) != 0) return code;
    if ((code = split_queries(&o->queries, query, &keys)) != 0) return code;
    if ((code = body_to_send(o, method, &rq.body, &rq.body_len, &buffer)) == 0 && (code = open_client(&cu)) == 0) {
        rq.method = method;
        rq.path = o->operands[1];
        rq.query = query;
        rq.query_count = o->queries.count;
        rq.flags = (o->retry_safe ? CLICKUP_RETRY_SAFE : 0u) | (o->no_cache ? CLICKUP_NO_CACHE : 0u);
        rc = clickup_call(cu, &rq, &response);
        if (response && response->json) {           /* an empty body prints nothing */
            fwrite(response->body, 1, response->body_len, stdout);
            fputc('\n', stdout);
        }
        code = rc < 0 ? fail(cu, rc, "api") : 0;     /* its message names the method and path */
        clickup_response_free(response);
        code = close_client(cu, code);
    }
    free(buffer);
    free(keys);
    return code;
}

/* ---- webhooks ------------------------------------------------------------------------------- */

/* A webhook as an object; its secret only when with_secret (after a create). */
static void write_webhook(clickup_json_writer *w, const clickup_webhook *wh, int with_secret) {
    size_t i;
    clickup_jw_object_begin(w);
    put_string(w, "id", wh->id);
    put_id(w, "team_id", wh->team_id);
    put_string(w, "endpoint", wh->endpoint);
    clickup_jw_key(w, "events");
    clickup_jw_array_begin(w);
    for (i = 0; i < wh->event_count; i++) clickup_jw_string(w, wh->events[i]);
    clickup_jw_array_end(w);
    put_string(w, "task_id", wh->task_id);
    put_string(w, "list_id", wh->list_id);
    put_string(w, "folder_id", wh->folder_id);
    put_string(w, "space_id", wh->space_id);
    clickup_jw_key(w, "health");
    clickup_jw_object_begin(w);
    put_string(w, "status", wh->health.status);
    put_int(w, "fail_count", wh->health.fail_count);
    clickup_jw_object_end(w);
    if (with_secret) put_string(w, "secret", wh->secret);
    clickup_jw_object_end(w);
}

static int cmd_webhooks(const options *o) {
    clickup_webhooks *all = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    size_t i;
    int code;
    (void)o;
    if ((code = open_client(&cu)) != 0) return code;
    if ((rc = clickup_webhooks_get(cu, &all)) < 0) return close_client(cu, fail(cu, rc, "webhooks"));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < all->count; i++) write_webhook(&w, &all->items[i], 0);
    clickup_jw_array_end(&w);
    code = print_json(&w);
    clickup_webhooks_free(all);
    return close_client(cu, code);
}

/* The location of `webhook create`: at most one of --space, --folder, --list, --task. */
static int webhook_location(const options *o, clickup_webhook_new *wn) {
    if (o->lists.count > 1) return usage_error("webhook create", "give --list once");
    wn->space_id = o->space_id;
    wn->folder_id = o->folder_id;
    wn->list_id = o->list_id;
    wn->task_id = o->task_id;
    if (!!wn->space_id + !!wn->folder_id + !!wn->list_id + !!wn->task_id > 1)
        return usage_error("webhook create", "give at most one of --space, --folder, --list and --task");
    wn->whole_workspace = !wn->space_id && !wn->folder_id && !wn->list_id && !wn->task_id;
    return 0;
}

static int cmd_webhook_create(const options *o) {
    clickup_webhook_new wn;
    clickup_webhook *wh = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    int code;
    memset(&wn, 0, sizeof wn);
    if (!o->endpoint) return usage_error("webhook create", "--endpoint is required");
    if (!o->events.count) return usage_error("webhook create", "give at least one --event (or --event '*')");
    if ((code = webhook_location(o, &wn)) != 0) return code;
    wn.endpoint = o->endpoint;
    wn.events = o->events.items;
    wn.event_count = o->events.count;
    if ((code = open_client(&cu)) != 0) return code;
    if ((rc = clickup_webhook_create(cu, &wn, &wh)) < 0) return close_client(cu, fail(cu, rc, "webhook create"));
    clickup_json_writer_init(&w, NULL);
    write_webhook(&w, wh, 1);
    code = print_json(&w);
    clickup_webhook_free(wh);                   /* overwrites the secret */
    return close_client(cu, code);
}

static int cmd_webhook_delete(const options *o) {
    const char *id = o->operands[0];
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    char what[200];
    int code;
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "webhook delete %s", id);
    if ((rc = clickup_webhook_delete(cu, id)) < 0) return close_client(cu, fail(cu, rc, what));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    put_string(&w, "id", id);
    put_bool(&w, "deleted", 1);
    clickup_jw_object_end(&w);
    return close_client(cu, print_json(&w));
}

/* No request, no token: the HMAC of the body against each secret. */
static int cmd_webhook_verify(const options *o) {
    const char *path = o->operand_count ? o->operands[0] : "-";
    clickup_json_writer w;
    clickup_result rc;
    char *body = NULL;
    size_t len = 0, i, matched = 0;
    int code;
    if (!o->secrets.count) return usage_error("webhook verify", "give the webhook's secret: --secret S");
    if (!o->signature) return usage_error("webhook verify", "--signature is required (the X-Signature value)");
    for (i = 0; i < o->secrets.count; i++)
        if (!o->secrets.items[i][0]) return usage_error("webhook verify", "a --secret is empty");
    if ((code = read_text_file("webhook verify", path, &body, &len)) != 0) return code;
    rc = clickup_webhook_verify(body, len, o->signature, o->secrets.items, o->secrets.count, &matched);
    free(body);
    if (rc == CLICKUP_ERR_INVALID_ARG)
        return usage_error("webhook verify", "--signature must be exactly 64 hex digits");
    if (rc != CLICKUP_OK) {
        fprintf(stderr, "clickup: webhook verify: the signature matches none of the %zu secret(s): "
                "do not trust this body\n", o->secrets.count);
        return EXIT_SIGNATURE;
    }
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    put_bool(&w, "valid", 1);
    put_int(&w, "secret_index", (int64_t)matched);
    clickup_jw_object_end(&w);
    return print_json(&w);
}

/* ---- task delete, comments, fields, checklists, time, attachments ------------------------- */

static int cmd_task_delete(const options *o) {
    const char *ref = o->operands[0];      /* <ID|URL> */
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    char what[200];
    int code;
    if ((code = check_task_ref("task delete", ref)) != 0) return code;
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "task delete %s", ref);
    if ((rc = clickup_task_delete(cu, ref)) < 0) return close_client(cu, fail(cu, rc, what));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    put_string(&w, "id", ref);
    put_bool(&w, "deleted", 1);
    clickup_jw_object_end(&w);
    return close_client(cu, print_json(&w));
}

static void write_comment(clickup_json_writer *w, const clickup_comment *c) {
    clickup_jw_object_begin(w);
    put_string(w, "id", c->id);
    put_string(w, "text", c->comment_text);
    clickup_jw_key(w, "user");
    write_user(w, &c->user, 1);
    put_optional(w, "date", c->date);
    put_bool(w, "resolved", c->resolved);
    put_optional(w, "reply_count", c->reply_count);
    clickup_jw_key(w, "assignee");
    if (c->assignee) write_user(w, c->assignee, 0);
    else clickup_jw_null(w);
    clickup_jw_object_end(w);
}

static int cmd_comments(const options *o) {
    const char *ref = o->operands[0];
    clickup_comments *all = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    char what[200];
    size_t i;
    int code;
    if ((code = check_task_ref("comments", ref)) != 0) return code;
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "comments of task %s", ref);
    if ((rc = clickup_task_comments_get(cu, ref, NULL, &all)) < 0) return close_client(cu, fail(cu, rc, what));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < all->count; i++) write_comment(&w, &all->items[i]);
    clickup_jw_array_end(&w);
    code = print_json(&w);
    if (all->truncated)
        fprintf(stderr, "clickup: %s: stopped after %lu pages; there are more\n", what, (unsigned long)all->pages);
    clickup_comments_free(all);
    return close_client(cu, code);
}

static int cmd_comment_add(const options *o) {
    const char *ref = o->operands[0];
    clickup_comment_new cn;
    clickup_comment_created *created = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    char what[200];
    int code;
    if ((code = check_task_ref("comment add", ref)) != 0) return code;
    if (!o->text) return usage_error("comment add", "--text is required");
    memset(&cn, 0, sizeof cn);
    cn.text = o->text;
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "comment add %s", ref);
    if ((rc = clickup_task_comment_create(cu, ref, &cn, &created)) < 0) return close_client(cu, fail(cu, rc, what));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    put_id(&w, "id", created->id);
    put_id(&w, "hist_id", created->hist_id);
    put_optional(&w, "date", created->date);
    clickup_jw_object_end(&w);
    code = print_json(&w);
    clickup_comment_created_free(created);
    return close_client(cu, code);
}

static void write_field_def(clickup_json_writer *w, const clickup_field_def *f) {
    size_t i;
    clickup_jw_object_begin(w);
    put_string(w, "id", f->id);
    put_string(w, "name", f->name);
    put_string(w, "type", f->type);
    put_bool(w, "required", f->required);
    clickup_jw_key(w, "options");
    clickup_jw_array_begin(w);
    for (i = 0; i < f->option_count; i++) {
        const clickup_field_option *op = &f->options[i];
        clickup_jw_object_begin(w);
        put_string(w, "id", op->id);
        put_string(w, "name", op->name);
        put_id(w, "color", op->color);
        put_optional(w, "orderindex", op->orderindex);
        clickup_jw_object_end(w);
    }
    clickup_jw_array_end(w);
    clickup_jw_key(w, "type_config");
    clickup_jw_value(w, f->type_config);   /* null when absent */
    clickup_jw_object_end(w);
}

static int cmd_fields(const options *o) {
    clickup_fields *fields = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    char what[200];
    size_t i;
    int code;
    if (!o->list_id) return usage_error("fields", "--list is required");
    if (o->lists.count > 1) return usage_error("fields", "give --list once");
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "fields of list %s", o->list_id);
    if ((rc = clickup_fields_get(cu, o->list_id, NULL, &fields)) < 0) return close_client(cu, fail(cu, rc, what));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < fields->count; i++) write_field_def(&w, &fields->items[i]);
    clickup_jw_array_end(&w);
    code = print_json(&w);
    clickup_fields_free(fields);
    return close_client(cu, code);
}

/* The field of `task field set` as the task reads it after the change: it is fetched again. */
static int print_field_after(clickup_client *cu, const char *ref, const char *list_id, const char *field) {
    const clickup_field_def *def;
    const clickup_custom_field *f = NULL;
    clickup_fields *fields = NULL;
    clickup_task *task = NULL;
    clickup_json_writer w;
    clickup_result rc;
    char what[200], text[1024];
    size_t i;
    int code;
    snprintf(what, sizeof what, "task field set %s: reading it back", ref);
    if ((rc = clickup_fields_get(cu, list_id, NULL, &fields)) < 0) return fail(cu, rc, what);   /* cached */
    if ((def = clickup_fields_find(fields, field)) == NULL) {
        clickup_fields_free(fields);
        fprintf(stderr, "clickup: %s: the field is gone from list %s\n", what, list_id);
        return EXIT_BAD_RESPONSE;
    }
    if ((rc = clickup_task_get(cu, ref, NULL, &task)) < 0) { clickup_fields_free(fields); return fail(cu, rc, what); }
    for (i = 0; i < task->custom_field_count && !f; i++)
        if (strcmp(task->custom_fields[i].id, def->id) == 0) f = &task->custom_fields[i];
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    put_string(&w, "task_id", task->id);
    put_string(&w, "id", def->id);
    put_string(&w, "name", def->name);
    put_string(&w, "type", def->type);
    clickup_jw_key(&w, "value");
    clickup_jw_value(&w, f ? f->value : NULL);
    text[0] = '\0';
    if (f) (void)clickup_custom_field_text(f, text, sizeof text);   /* cut short when too long */
    put_string(&w, "text", text);
    clickup_jw_object_end(&w);
    code = print_json(&w);
    clickup_task_free(task);
    clickup_fields_free(fields);
    return code;
}

/* `task field set`: the task's list names the fields; the library's codec turns VALUE into
   what ClickUp wants for that field, or refuses it (exit 2, its message names the field and
   what it accepts) before anything is written. */
static int cmd_task_field_set(const options *o) {
    const char *ref = o->operands[0];
    clickup_task *task = NULL;
    clickup_client *cu;
    clickup_result rc;
    char what[200], list_id[64];
    int code;
    if ((code = check_task_ref("task field set", ref)) != 0) return code;
    if (!o->field) return usage_error("task field set", "--field is required (a field's name or id)");
    if (!o->value) return usage_error("task field set", "--value is required");
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "task field set %s", ref);
    if ((rc = clickup_task_get(cu, ref, NULL, &task)) < 0) return close_client(cu, fail(cu, rc, what));
    snprintf(list_id, sizeof list_id, "%s", task->list.id);
    clickup_task_free(task);
    if ((rc = clickup_task_field_set_by_name(cu, ref, list_id, o->field, o->value)) < 0)
        return close_client(cu, fail(cu, rc, what));
    return close_client(cu, print_field_after(cu, ref, list_id, o->field));
}

/* Blank: empty or only white space. */
static int is_blank(const char *s) {
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') return 0;
    return 1;
}

/* `checklist add`: the checklist, then its items one by one; each answer to an item is the
   whole checklist, so the last one is what is printed. */
static int cmd_checklist_add(const options *o) {
    const char *ref = o->operands[0];
    clickup_checklist *list = NULL, *after;
    clickup_checklist_item_new item;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    char what[300];
    size_t i;
    int code;
    if ((code = check_task_ref("checklist add", ref)) != 0) return code;
    if (!o->name || is_blank(o->name)) return usage_error("checklist add", "--name is required and must not be blank");
    for (i = 0; i < o->items.count; i++)
        if (is_blank(o->items.items[i])) return usage_error("checklist add", "--item %lu is blank", (unsigned long)i + 1);
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "checklist add %s", ref);
    if ((rc = clickup_checklist_create(cu, ref, o->name, &list)) < 0) return close_client(cu, fail(cu, rc, what));
    for (i = 0; i < o->items.count; i++) {
        memset(&item, 0, sizeof item);
        item.name = o->items.items[i];
        if ((rc = clickup_checklist_item_create(cu, list->id, &item, &after)) < 0) {
            snprintf(what, sizeof what, "checklist add %s: checklist %s was created, item %lu of %lu ('%s')", ref,
                     list->id, (unsigned long)i + 1, (unsigned long)o->items.count, o->items.items[i]);
            clickup_checklist_free(list);
            return close_client(cu, fail(cu, rc, what));
        }
        clickup_checklist_free(list);
        list = after;
    }
    clickup_json_writer_init(&w, NULL);
    write_checklist(&w, list);
    code = print_json(&w);
    clickup_checklist_free(list);
    return close_client(cu, code);
}

static void write_time_entry(clickup_json_writer *w, const clickup_time_entry *e) {
    size_t i;
    clickup_jw_object_begin(w);
    put_string(w, "id", e->id);
    clickup_jw_key(w, "task");
    if (e->task.id && e->task.id[0]) {
        clickup_jw_object_begin(w);
        put_string(w, "id", e->task.id);
        put_string(w, "name", e->task.name);
        clickup_jw_object_end(w);
    } else {
        clickup_jw_null(w);
    }
    clickup_jw_key(w, "user");
    write_user(w, &e->user, 0);
    put_bool(w, "billable", e->billable);
    put_int(w, "start", e->start);
    put_optional(w, "end", e->end);
    put_int(w, "duration", e->duration);
    put_bool(w, "running", e->running);
    put_string(w, "description", e->description);
    clickup_jw_key(w, "tags");
    clickup_jw_array_begin(w);
    for (i = 0; i < e->tag_count; i++) clickup_jw_string(w, e->tags[i].name);
    clickup_jw_array_end(w);
    clickup_jw_object_end(w);
}

/* --team: a workspace id (digits). Returns 0 or EXIT_USAGE. */
static int check_team(const char *command, const char *team) {
    int64_t v;
    if (team && parse_number(team, 1, INT64_MAX, &v) < 0)
        return usage_error(command, "--team wants a workspace id (digits), not '%s'", team);
    return 0;
}

static int cmd_time_list(const options *o) {
    clickup_time_query q;
    clickup_time_entries *all = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    size_t i;
    int code;
    memset(&q, 0, sizeof q);
    if ((code = check_team("time list", o->team)) != 0) return code;
    if (o->start && parse_number(o->start, 0, INT64_MAX, &q.start_date.value) < 0)
        return usage_error("time list", "--start wants a time in Unix milliseconds, not '%s'", o->start);
    if (o->end && parse_number(o->end, 0, INT64_MAX, &q.end_date.value) < 0)
        return usage_error("time list", "--end wants a time in Unix milliseconds, not '%s'", o->end);
    q.start_date.present = o->start != NULL;
    q.end_date.present = o->end != NULL;
    if (o->start && o->end && q.end_date.value < q.start_date.value)
        return usage_error("time list", "--end is before --start");
    if ((code = open_client_in(o->team, &cu)) != 0) return code;
    if ((rc = clickup_time_entries_get(cu, &q, &all)) < 0) return close_client(cu, fail(cu, rc, "time list"));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_array_begin(&w);
    for (i = 0; i < all->count; i++) write_time_entry(&w, &all->items[i]);
    clickup_jw_array_end(&w);
    code = print_json(&w);
    clickup_time_entries_free(all);
    return close_client(cu, code);
}

static int print_time_entry(const clickup_time_entry *e) {
    clickup_json_writer w;
    clickup_json_writer_init(&w, NULL);
    write_time_entry(&w, e);
    return print_json(&w);
}

static int cmd_time_start(const options *o) {
    const char *ref = o->operands[0];
    clickup_timer_opts t;
    clickup_time_entry *entry = NULL;
    clickup_client *cu;
    clickup_result rc;
    char what[200];
    int code;
    if ((code = check_task_ref("time start", ref)) != 0) return code;
    if ((code = check_team("time start", o->team)) != 0) return code;
    memset(&t, 0, sizeof t);
    t.task_ref = ref;
    if ((code = open_client_in(o->team, &cu)) != 0) return code;
    snprintf(what, sizeof what, "time start %s", ref);
    if ((rc = clickup_time_entry_start(cu, &t, &entry)) < 0) return close_client(cu, fail(cu, rc, what));
    code = print_time_entry(entry);
    clickup_time_entry_free(entry);
    return close_client(cu, code);
}

static int cmd_time_stop(const options *o) {
    clickup_time_entry *entry = NULL;
    clickup_client *cu;
    clickup_result rc;
    int code;
    if ((code = check_team("time stop", o->team)) != 0) return code;
    if ((code = open_client_in(o->team, &cu)) != 0) return code;
    if ((rc = clickup_time_entry_stop(cu, &entry)) < 0) return close_client(cu, fail(cu, rc, "time stop"));
    code = print_time_entry(entry);
    clickup_time_entry_free(entry);
    return close_client(cu, code);
}

/* `attach`: FILE must be a regular file we can read, checked before anything is sent; the
   library streams it from disk. */
static int cmd_attach(const options *o) {
    const char *ref = o->operands[0], *path = o->operands[1];
    clickup_attachment_new file;
    clickup_attachment *a = NULL;
    clickup_client *cu;
    clickup_json_writer w;
    clickup_result rc;
    struct stat st;
    char what[300];
    FILE *f;
    int code;
    if ((code = check_task_ref("attach", ref)) != 0) return code;
    if (stat(path, &st) != 0) return usage_error("attach", "cannot read %s: %s", path, strerror(errno));
    if (!S_ISREG(st.st_mode)) return usage_error("attach", "%s is not a regular file", path);
    if (!(f = fopen(path, "rb"))) return usage_error("attach", "cannot read %s: %s", path, strerror(errno));
    fclose(f);
    memset(&file, 0, sizeof file);
    file.path = path;
    if ((code = open_client(&cu)) != 0) return code;
    snprintf(what, sizeof what, "attach %s to task %s", path, ref);
    if ((rc = clickup_task_attachment_create(cu, ref, &file, &a)) < 0) return close_client(cu, fail(cu, rc, what));
    clickup_json_writer_init(&w, NULL);
    clickup_jw_object_begin(&w);
    put_id(&w, "id", a->id);
    put_string(&w, "title", a->title);
    put_string(&w, "extension", a->extension);
    put_string(&w, "url", a->url);
    put_optional(&w, "date", a->date);
    clickup_jw_object_end(&w);
    code = print_json(&w);
    clickup_attachment_free(a);
    return close_client(cu, code);
}

/* ==== main ================================================================================== */

static const command_spec COMMANDS[] = {
    { "spaces",             SPACES_OPTIONS,        NO_OPERANDS,      cmd_spaces,        HELP_SPACES },
    { "members",            NO_OPTIONS,            NO_OPERANDS,      cmd_members,       HELP_MEMBERS },
    { "task get",           TASK_GET_OPTIONS,      TASK_REF_OPERAND, cmd_task_get,      HELP_TASK_GET },
    { "tasks",              TASKS_OPTIONS,         NO_OPERANDS,      cmd_tasks,         HELP_TASKS },
    { "task create",        TASK_CREATE_OPTIONS,   NO_OPERANDS,      cmd_task_create,   HELP_TASK_CREATE },
    { "task update",        TASK_UPDATE_OPTIONS,   TASK_REF_OPERAND, cmd_task_update,   HELP_TASK_UPDATE },
    { "templates",          NO_OPTIONS,            NO_OPERANDS,      cmd_templates,     HELP_TEMPLATES },
    { "task from-template", FROM_TEMPLATE_OPTIONS, NO_OPERANDS,      cmd_from_template, HELP_FROM_TEMPLATE },
    { "folders",            FOLDERS_OPTIONS,       NO_OPERANDS,      cmd_folders,       HELP_FOLDERS },
    { "lists",              LISTS_OPTIONS,         NO_OPERANDS,      cmd_lists,         HELP_LISTS },
    { "rate",               NO_OPTIONS,            NO_OPERANDS,      cmd_rate,          HELP_RATE },
    { "api",                API_OPTIONS,           API_OPERANDS,     cmd_api,           HELP_API },
    { "webhooks",           NO_OPTIONS,            NO_OPERANDS,      cmd_webhooks,      HELP_WEBHOOKS },
    { "webhook create",     WEBHOOK_CREATE_OPTIONS, NO_OPERANDS,     cmd_webhook_create, HELP_WEBHOOK_CREATE },
    { "webhook delete",     NO_OPTIONS,            ID_OPERAND,       cmd_webhook_delete, HELP_WEBHOOK_DELETE },
    { "webhook verify",     WEBHOOK_VERIFY_OPTIONS, FILE_OPERAND,    cmd_webhook_verify, HELP_WEBHOOK_VERIFY },
    { "task delete",        NO_OPTIONS,            TASK_REF_OPERAND, cmd_task_delete,   HELP_TASK_DELETE },
    { "comments",           NO_OPTIONS,            TASK_REF_OPERAND, cmd_comments,      HELP_COMMENTS },
    { "comment add",        COMMENT_ADD_OPTIONS,   TASK_REF_OPERAND, cmd_comment_add,   HELP_COMMENT_ADD },
    { "fields",             FIELDS_OPTIONS,        NO_OPERANDS,      cmd_fields,        HELP_FIELDS },
    { "task field set",     FIELD_SET_OPTIONS,     TASK_REF_OPERAND, cmd_task_field_set, HELP_TASK_FIELD_SET },
    { "checklist add",      CHECKLIST_ADD_OPTIONS, TASK_REF_OPERAND, cmd_checklist_add, HELP_CHECKLIST_ADD },
    { "time list",          TIME_LIST_OPTIONS,     NO_OPERANDS,      cmd_time_list,     HELP_TIME_LIST },
    { "time start",         TEAM_OPTIONS,          TASK_REF_OPERAND, cmd_time_start,    HELP_TIME_START },
    { "time stop",          TEAM_OPTIONS,          NO_OPERANDS,      cmd_time_stop,     HELP_TIME_STOP },
    { "attach",             NO_OPTIONS,            ATTACH_OPERANDS,  cmd_attach,        HELP_ATTACH }
};
#define COMMAND_COUNT (sizeof COMMANDS / sizeof COMMANDS[0])

static void print_help(FILE *out) {
    fputs(HELP_MAIN, out);
    fputs(HELP_ENVIRONMENT, out);
    fputs(HELP_EXIT_CODES, out);
}

static int is_help(const char *arg) {
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0 || strcmp(arg, "help") == 0;
}

/* The words that begin commands of several words, and what may follow them. */
static const char *const GROUPS[][2] = {
    { "task",      "get, create, update, delete, from-template, field set" },
    { "webhook",   "create, delete, verify" },
    { "comment",   "add" },
    { "checklist", "add" },
    { "time",      "list, start, stop" }
};
#define GROUP_COUNT (sizeof GROUPS / sizeof GROUPS[0])

/* What may follow argv[1] when it begins a group of commands, else NULL. */
static const char *group_of(const char *word) {
    size_t i;
    for (i = 0; i < GROUP_COUNT; i++)
        if (strcmp(GROUPS[i][0], word) == 0) return GROUPS[i][1];
    return NULL;
}

/* The command named by argv[1] and, after a group's word, argv[2] (and argv[3]: "task field
   set"): the longest name that matches. *words says how many it used. */
static const command_spec *find_command(int argc, char **argv, int *words) {
    char name[64];
    size_t i, at;
    int k, n = group_of(argv[1]) ? (argc - 1 < 3 ? argc - 1 : 3) : 1;
    for (k = n; k >= 1; k--) {
        int j;
        for (j = 0, at = 0; j < k && at < sizeof name; j++)
            at += (size_t)snprintf(name + at, sizeof name - at, "%s%s", j ? " " : "", argv[1 + j]);
        if (at >= sizeof name) continue;
        for (i = 0; i < COMMAND_COUNT; i++)
            if (strcmp(COMMANDS[i].name, name) == 0) { *words = k; return &COMMANDS[i]; }
    }
    *words = 1;
    return NULL;
}

int main(int argc, char **argv) {
    const command_spec *cmd;
    options o;
    int words, code;
    if (argc < 2) {
        print_help(stderr);
        return EXIT_USAGE;
    }
    if (is_help(argv[1]) || (group_of(argv[1]) && argc > 2 && is_help(argv[2]))) {
        print_help(stdout);
        return 0;
    }
    cmd = find_command(argc, argv, &words);
    if (!cmd && group_of(argv[1])) {
        fprintf(stderr, "clickup: %s: give one of %s (see 'clickup --help')\n", argv[1], group_of(argv[1]));
        return EXIT_USAGE;
    }
    if (!cmd) {
        fputs("clickup: unknown command '", stderr);
        put_one_line(argv[1]);
        fputs("' (see 'clickup --help')\n", stderr);
        return EXIT_USAGE;
    }
    code = parse_options(cmd, argc - 1 - words, argv + 1 + words, &o);
    if (code == SHOW_HELP) {
        fputs(cmd->help, stdout);
        return 0;
    }
    if (code != 0) return code;
    if (clickup_global_init() < 0) {
        fputs("clickup: cannot initialise libcurl\n", stderr);
        return EXIT_NOMEM;
    }
    code = cmd->run(&o);
    clickup_global_cleanup();
    return code;
}

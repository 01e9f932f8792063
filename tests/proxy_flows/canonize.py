#!/usr/bin/env python3
"""The Operator's "canonize" flow (examples/canonize.c) as a tool written in Python, talking to
ClickUp through clickup_proxy (standard library only): turn a task that went well into a draft SOP.

    CLICKUP_BASE_URL=http://127.0.0.1:8790/api/v2 CLICKUP_PROXY_KEY=... \\
    CLICKUP_TEMPLATES_LIST_ID=901234 python3 canonize.py <task URL or id> "<suggested SOP name>"

Fetches the task (markdown description, checklists), writes the draft (heading, description,
checklist items as numbered steps, the {{variables}} found), creates it as a task in
CLICKUP_TEMPLATES_LIST_ID tagged "sop-draft" and a category (the name's first word), and prints
one line: {"clickup_task_id", "clickup_task_url", "detected_variables", "instructions"}.
The POST goes through the proxy once: on 502 PROXY_OUTCOME_UNKNOWN the draft may or may not
exist (exit 8: look in the list before running again)."""
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request

BASE = os.environ["CLICKUP_BASE_URL"].rstrip("/")
KEY = os.environ["CLICKUP_PROXY_KEY"]
INSTRUCTIONS = ("In ClickUp: open the task, click ... > Templates > Save as Template "
                "(the API cannot create templates)")


def call(method, path, query=None, body=None):
    url = BASE + path + ("?" + urllib.parse.urlencode(query) if query else "")
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Authorization": "Bearer " + KEY})
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        text = e.read().decode("utf-8", "replace")
        unknown = "PROXY_OUTCOME_UNKNOWN" in text
        print("canonize: %s %s: HTTP %d: %s%s" % (method, path, e.code, text,
              "; the draft may or may not have been created: look in the list before running again" if unknown else ""),
              file=sys.stderr)
        sys.exit(8 if unknown else 1)


def task_target(ref):
    """(path, query) of GET /task for a task id or URL (https://app.clickup.com/t/ID, or
    /t/TEAM/CUSTOM-ID for a custom id)."""
    m = re.search(r"/t/(?:(\d+)/)?([A-Za-z0-9_-]+)", ref)
    team, task = (m.group(1), m.group(2)) if m else (None, ref)
    query = {"include_markdown_description": "true"}
    if "-" in task:                                   # a custom id: DEV-42
        query.update(custom_task_ids="true", team_id=team or os.environ["CLICKUP_TEAM_ID"])
    return "/task/" + urllib.parse.quote(task, safe=""), query


def variables(texts):
    found = []
    for text in texts:
        for name in re.findall(r"\{\{ *([A-Za-z0-9_.-]{1,64}) *\}\}", text or ""):
            if name not in found:
                found.append(name)
    return found


def main():
    if len(sys.argv) != 3 or not sys.argv[2]:
        sys.exit('usage: canonize.py <task URL or id> "<suggested SOP name>"')
    ref, sop_name = sys.argv[1], sys.argv[2]
    list_id = os.environ.get("CLICKUP_TEMPLATES_LIST_ID")
    if not list_id:
        sys.exit("canonize: CLICKUP_TEMPLATES_LIST_ID is not set (the list for draft SOPs)")
    path, query = task_target(ref)
    task = call("GET", path, query)
    description = task.get("markdown_description") or task.get("description") or ""
    steps = [item["name"] for cl in task.get("checklists") or [] for item in cl.get("items") or []]
    found = variables([task.get("name"), description] + steps)
    lines = ["# %s" % sop_name, "", '_Draft SOP, generalized from task %s ("%s")._' % (task["id"], task["name"]), "",
             "## Description", "", description or "_No description._", "", "## Steps", ""]
    lines += ["%d. %s" % (i + 1, s) for i, s in enumerate(steps)] or ["_No checklist items._"]
    lines += ["", "## Variables", ""] + (["- `{{%s}}`" % v for v in found] or ["_None detected._"])
    category = "".join(c for c in sop_name.split()[0].lower() if c.isalnum()) if sop_name.split() else ""
    draft = call("POST", "/list/%s/task" % urllib.parse.quote(list_id, safe=""),
                 body={"name": sop_name, "markdown_content": "\n".join(lines) + "\n",
                       "tags": ["sop-draft", category or "general"]})
    print(json.dumps({"clickup_task_id": draft["id"], "clickup_task_url": draft.get("url", ""),
                      "detected_variables": found, "instructions": INSTRUCTIONS}))


main()

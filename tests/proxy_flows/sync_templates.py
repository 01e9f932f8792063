#!/usr/bin/env python3
"""The Worker's template sync (examples/sync_templates.c, its file store) as a tool written in
Python, talking to ClickUp through clickup_proxy (standard library only).

    CLICKUP_BASE_URL=http://127.0.0.1:8790/api/v2 CLICKUP_PROXY_KEY=... python3 sync_templates.py [STORE]

Fetches every task template of the workspace (all pages, 100 a page; at most 100 pages), then
upserts them into STORE (default sops.json), a JSON object keyed by template id:
    {"t-86b3e001": {"id", "name", "variables", "first_seen", "last_synced"}, ...}
"new" = not in the store, "updated" = its name changed, the rest "unchanged"; nothing is deleted.
The store is replaced atomically (temporary file, fsync, rename, fsync of the directory); a
corrupt one is moved aside to STORE.corrupt. Prints one line:
    Synced N templates (X new, Y updated, Z unchanged)"""
import json
import os
import re
import sys
import tempfile
import time
import urllib.error
import urllib.request

BASE = os.environ["CLICKUP_BASE_URL"].rstrip("/")
KEY = os.environ["CLICKUP_PROXY_KEY"]


def get(path):
    req = urllib.request.Request(BASE + path, headers={"Authorization": "Bearer " + KEY})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        sys.exit("sync_templates: GET %s: HTTP %d: %s" % (path, e.code, e.read().decode("utf-8", "replace")))


def fetch_templates():
    team_id = os.environ.get("CLICKUP_TEAM_ID")
    if not team_id:
        teams = get("/team")["teams"]
        if len(teams) != 1:
            sys.exit("sync_templates: the token sees %d workspaces: set CLICKUP_TEAM_ID" % len(teams))
        team_id = str(teams[0]["id"])
    templates = []
    for page in range(100):                           # no end marker: stop at a short page
        items = get("/team/%s/taskTemplate?page=%d" % (team_id, page))["templates"]
        templates += items
        if len(items) < 100:
            break
    return templates


def load_store(path):
    try:
        with open(path, "rb") as f:
            store = json.load(f)
        if isinstance(store, dict) and all(isinstance(v, dict) and isinstance(v.get("name"), str) for v in store.values()):
            return store
        reason = "not an object of templates"
    except FileNotFoundError:
        return {}
    except ValueError:
        reason = "not valid JSON"
    os.replace(path, path + ".corrupt")
    print("sync_templates: %s was corrupt (%s); moved it to %s.corrupt and started an empty store"
          % (path, reason, path), file=sys.stderr)
    return {}


def save_store(path, store):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".sops.", dir=directory)
    try:
        with os.fdopen(fd, "w") as f:
            json.dump(store, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise
    dfd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(dfd)
    finally:
        os.close(dfd)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "sops.json"
    fetched = fetch_templates()                       # nothing is written unless this worked
    store = load_store(path)
    now = int(time.time())
    new = updated = unchanged = 0
    seen = set()
    for t in fetched:
        if t["id"] in seen:
            continue
        seen.add(t["id"])
        old = store.get(t["id"])
        if old is None:
            new += 1
        elif old["name"] != t["name"]:
            updated += 1
        else:
            unchanged += 1
        names = []
        for v in re.findall(r"\{\{ *([A-Za-z0-9_.-]{1,64}) *\}\}", t["name"]):
            if v not in names:
                names.append(v)
        store[t["id"]] = {"id": t["id"], "name": t["name"], "variables": names,
                          "first_seen": old.get("first_seen", now) if old else now, "last_synced": now}
    save_store(path, store)
    print("Synced %d templates (%d new, %d updated, %d unchanged)" % (len(seen), new, updated, unchanged))


main()

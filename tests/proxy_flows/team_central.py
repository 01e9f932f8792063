#!/usr/bin/env python3
"""Team Central's space and member sync (examples/team_central.c) as a tool written in Python,
talking to ClickUp through clickup_proxy (standard library only).

    CLICKUP_BASE_URL=http://127.0.0.1:8790/api/v2 CLICKUP_PROXY_KEY=... python3 team_central.py

Prints one line, as build/team_central does:
    {"spaces": [{"id": "790", "name": "Client A", "private": false}, ...],
     "members": [{"id": 183, "username": "Ada Owner", "email": "ada@example.com"}, ...]}
The workspace is CLICKUP_TEAM_ID, or the only one the token sees. Exit 0, or 1 with the
proxy's {"err", "ECODE"} on stderr."""
import json
import os
import sys
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
        sys.exit("team_central: GET %s: HTTP %d: %s" % (path, e.code, e.read().decode("utf-8", "replace")))


teams = get("/team")["teams"]              # cached by the proxy for an hour
team_id = os.environ.get("CLICKUP_TEAM_ID") or ""
if not team_id:
    if len(teams) != 1:
        sys.exit("team_central: the token sees %d workspaces: set CLICKUP_TEAM_ID" % len(teams))
    team_id = str(teams[0]["id"])
team = next((t for t in teams if str(t["id"]) == team_id), None)
if team is None:
    sys.exit("team_central: workspace %s is not among the token's workspaces" % team_id)
spaces = get("/team/%s/space" % team_id)["spaces"]
print(json.dumps({
    "spaces": [{"id": s["id"], "name": s["name"], "private": bool(s.get("private"))} for s in spaces],
    "members": [{"id": int(m["user"]["id"]), "username": m["user"].get("username") or "",
                 "email": m["user"].get("email") or ""} for m in team.get("members", [])],
}))

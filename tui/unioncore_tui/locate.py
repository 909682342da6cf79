"""From a problem (file and key path) back to the record it is about, for "jump to record"."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from unioncore import layout
from unioncore.problems import Problem
from unioncore.workspace import Workspace

# (kind, key): kind is "organisation", "member", "event", "entry" or a plugin collection's name
RecordRef = tuple[str, str]


def record_of(ws: Workspace, problem: Problem) -> RecordRef | None:
    """The record a problem is located in, when the file and key path name one."""
    rel = problem.file
    if not rel:
        return None
    parts = rel.split("/")
    path = problem.path or ()
    if parts[0] == layout.ORGS and len(parts) >= 3:
        code = parts[1]
        if parts[2] == layout.ORG_FILE:
            return ("organisation", code) if code in ws.organisations else None
        if len(path) < 2 or not isinstance(path[1], int):
            return None
        target = (rel, (path[0], path[1]))
        if path[0] == "member":
            for m in ws.members_of(code):
                if ws.where("member", m.id) == target:
                    return ("member", m.id)
        elif path[0] == "event":
            for e in ws.events_of(org=code):
                if ws.where("event", e.id) == target:
                    return ("event", e.id)
        elif path[0] == "entry":
            entries = ws.entries.get(rel, [])
            idx = path[1]
            if 0 <= idx < len(entries) and ws.where("entry", entries[idx].ref) == target:
                return ("entry", entries[idx].ref)
        return None
    if parts[0] == layout.PLUGINS and len(path) >= 2 and isinstance(path[1], int):
        target = (rel, (path[0], path[1]))
        for name, coll in ws.collections.items():
            if coll.table != path[0]:
                continue
            for key in ws.records.get(name, {}):
                if ws.where(name, key) == target:
                    return (name, key)
    return None


def editor_command(
    root: Path, problem: Problem, environ: os._Environ[str] | dict[str, str] | None = None
) -> list[str] | None:
    """`$VISUAL`/`$EDITOR` (else vi) with `+LINE FILE`, as hledger-ui opens an editor; None without a file."""
    if not problem.file:
        return None
    env = os.environ if environ is None else environ
    editor = env.get("VISUAL") or env.get("EDITOR") or "vi"
    cmd = shlex.split(editor)
    if problem.line:
        cmd.append(f"+{problem.line}")
    cmd.append(str(root / problem.file))
    return cmd

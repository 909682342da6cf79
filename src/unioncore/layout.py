"""Where things live in a workspace folder.

    unioncore.toml                      name, year, format version, enabled plugins, settings, rules
    orgs/<code>/organisation.toml       the organisation, its committees, enterprises it covers
    orgs/<code>/members.toml            its members, one [[member]] table each
    orgs/<code>/events/<year>.toml      events it organised that year
    orgs/<code>/ledger/<year>.toml      its ledger for the year ([opening] balances, [[entry]])
    orgs/<code>/budget/<year>.toml      its budget for the year ([[line]], [[adjustment]])
    plugins/<plugin>/...                files a plugin owns (loaded only when it is enabled)

The organisation of a member, event or entry is the folder it is in, so it is never stored twice.
"""

from __future__ import annotations

import re

CONFIG = "unioncore.toml"
ORGS = "orgs"
PLUGINS = "plugins"
ORG_FILE = "organisation.toml"
MEMBERS_FILE = "members.toml"
EVENTS_DIR = "events"
LEDGER_DIR = "ledger"
BUDGET_DIR = "budget"

CODE_RE = re.compile(r"^[\w-]+$")
YEAR_FILE_RE = re.compile(r"^(\d{4})\.toml$")


def org_file(code: str) -> str:
    return f"{ORGS}/{code}/{ORG_FILE}"


def members_file(code: str) -> str:
    return f"{ORGS}/{code}/{MEMBERS_FILE}"


def events_file(code: str, year: int) -> str:
    return f"{ORGS}/{code}/{EVENTS_DIR}/{year}.toml"


def ledger_file(code: str, year: int) -> str:
    return f"{ORGS}/{code}/{LEDGER_DIR}/{year}.toml"


def budget_file(code: str, year: int) -> str:
    return f"{ORGS}/{code}/{BUDGET_DIR}/{year}.toml"


def plugin_file(plugin: str, rel: str) -> str:
    return f"{PLUGINS}/{plugin}/{rel}"

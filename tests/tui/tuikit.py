"""Helpers for the TUI tests: a small union written in the test, and waiting for the app to load."""

from __future__ import annotations

import datetime
import textwrap
from pathlib import Path

from conftest import AS_OF, write_workspace
from textual.pilot import Pilot
from unioncore_tui.app import UnionApp

from unioncore.identifiers import ric_check_char


def ric(first17: str) -> str:
    """A valid 公民身份号码 from its first 17 digits."""
    return first17 + ric_check_char(first17)


ZHANG_SAN = ric("11010519800101001")  # 男 (odd sequence)
LI_SI = ric("11010519850202002")  # 女
ZENG = ric("31010419900303003")  # 男

MEMBERS = f"""
    [[member]]
    id = "M0001"
    name = "张三"
    id_number = "{ZHANG_SAN}"
    phone = "13812345678"
    joined = 2020-03-01

    [[member]]
    id = "M0002"
    name = "李四"
    id_number = "{LI_SI}"
    joined = 2021-05-01

    [[member]]
    id = "M0003"
    name = "曾小明"
    id_number = "{ZENG}"
    joined = 2022-07-01
"""

LEDGER = """
    [opening]
    102 = "10000.00"

    [[entry]]
    voucher = "记-001"
    date = 2026-01-10
    account = "401"
    amount = "500.00"
    memo = "会费收入"

    [[entry]]
    voucher = "记-002"
    date = 2026-03-08
    account = "50102"
    amount = "800.00"
    memo = "三八节活动"
"""

BUDGET = """
    [[line]]
    account = "501"
    amount = "3000.00"
"""

EVENTS = """
    [[event]]
    id = "E2026-0001"
    type = "culture_sports"
    title = "职工篮球赛"
    start = 2026-04-10
    participants = ["M0001", "M0002"]
"""

FILES = {
    "orgs/A/members.toml": MEMBERS,
    "orgs/A/ledger/2026.toml": LEDGER,
    "orgs/A/budget/2026.toml": BUDGET,
    "orgs/A/events/2026.toml": EVENTS,
}


def org_a(committees: str) -> str:
    """organisation.toml of 甲公司工会 A (as in `union`) with the given [[committee]] tables."""
    return (
        '[organisation]\ncode = "A"\nname = "甲公司工会"\nkind = "基层工会"\nparent = "F"\nemployees = 40\n\n'
        + textwrap.dedent(committees).strip("\n")
        + "\n"
    )


def union(root: Path, extra: dict[str, str] | None = None, **kw: object) -> Path:
    """幸福街道总工会 F with 甲公司工会 A: three members, a ledger, a budget and an event."""
    return write_workspace(root, {**FILES, **(extra or {})}, **kw)  # type: ignore[arg-type]


def app_for(path: Path, **kw: object) -> UnionApp:
    kw.setdefault("as_of", AS_OF)
    kw.setdefault("watch_interval", None)
    return UnionApp(path, **kw)  # type: ignore[arg-type]


async def ready(pilot: Pilot[int], timeout: float = 30) -> UnionApp:
    """Wait until the workspace is loaded, the tabs are mounted, the members indexed and counted
    (a worker, after the first screen) and the pinyin index built."""
    app = pilot.app
    assert isinstance(app, UnionApp)
    for _ in range(int(timeout / 0.05)):
        session = app.session
        if session is not None and app.query("#tabs") and session.ready and session.index.pinyin_ready:
            break
        await pilot.pause(0.05)
    else:  # pragma: no cover
        raise AssertionError("the workspace did not open")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app


def today() -> datetime.date:
    return AS_OF

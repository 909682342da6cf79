"""Random and mutated workspaces: the loader never raises, every problem has a file and a message,
and nothing is written. GBK files are refused with a message; BOM and CRLF files are read."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import AS_OF, snapshot_bytes, write_workspace
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import unioncore
from unioncore.ledger import BudgetLine

FILES = {
    "orgs/A/members.toml": """
        [[member]]
        id = "M1"
        name = "张三"
        gender = "女"
        id_number = "11010519491231002X"
        phone = "13812345678"
        joined = 2020-01-01
        categories = ["migrant_worker"]
        history = [
            { date = 2020-01-01, kind = "入会" },
        ]

        [[member]]
        id = "M2"
        name = "李四"
        joined = 2021-05-01
    """,
    "orgs/A/events/2026.toml": """
        [[event]]
        id = "E1"
        type = "culture_sports"
        title = "运动会"
        start = 2026-05-01
        participants = ["M1", "M2"]
    """,
    "orgs/A/ledger/2026.toml": """
        [opening]
        "102" = "1000.00"

        [[entry]]
        voucher = "1"
        date = 2026-01-10
        account = "401"
        amount = "300.00"
        member = "M1"
    """,
    "orgs/A/budget/2026.toml": """
        [[line]]
        account = "50102"
        amount = "900.00"
    """,
}

NASTY_LINES = [
    'id = "M1"',  # duplicate key
    "x = " + "[" * 1200 + "]" * 1200,  # deep nesting
    "amount = 1e400",
    "n = 99999999999999999999999999999",
    'note = "' + "长" * 100_000 + '"',
    'name = "\x01\x02"',
    'name = "a\\u0000b"',
    "[[member]]",
    "[member]",
    "date = 2026-02-30",
    "joined = 2026-01-01T10:00:00",
    "amount = -5",
    'amount = "-5.00"',
    "history = [{ date = 1, kind = 2 }]",
    'history = [{ note = "x" }]',
    "seat = [{ role = 1 }]",
    'result = [{ rank = "第一" }]',
    'model_worker = "x"',
    "model_worker = { level = 3 }",
    "[[committee]]",
    'kind = "工会委员会"',
    "participants = [1, 2, 3]",
    'categories = "not a list"',
    "= 1",
    "'''",
    '"""',
    "a.b.c = 1",
    "[opening]",
    '"101" = 12.5',
]

BASE_CACHE: dict[str, Path] = {}


def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if "base" not in BASE_CACHE:
        BASE_CACHE["base"] = write_workspace(tmp_path_factory.mktemp("hostile") / "base", FILES)
    return BASE_CACHE["base"]


mutation = st.one_of(
    st.tuples(st.just("insert_line"), st.integers(0, 60), st.sampled_from(NASTY_LINES)),
    st.tuples(st.just("bytes"), st.integers(0, 2000), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("truncate"), st.integers(0, 2000), st.just(b"")),
    st.tuples(st.just("encoding"), st.integers(0, 0), st.sampled_from(["gbk", "bom", "crlf", "utf-16"])),
)


def mutate(raw: bytes, how: tuple[str, int, object]) -> bytes:
    kind, pos, arg = how
    if kind == "insert_line":
        lines = raw.split(b"\n")
        at = min(pos, len(lines))
        assert isinstance(arg, str)
        return b"\n".join([*lines[:at], arg.encode("utf-8"), *lines[at:]])
    if kind == "bytes":
        assert isinstance(arg, bytes)
        at = min(pos, len(raw))
        return raw[:at] + arg + raw[at + len(arg) :]
    if kind == "truncate":
        return raw[: min(pos, len(raw))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw  # already mangled: leave it
    if arg == "gbk":
        return text.encode("gbk", errors="replace")
    if arg == "bom":
        return b"\xef\xbb\xbf" + raw
    if arg == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    return text.encode("utf-16")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(st.sampled_from([*sorted(FILES), "unioncore.toml", "orgs/A/organisation.toml"]), mutation),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_workspace_never_raises_and_writes_nothing(
    tmp_path_factory: pytest.TempPathFactory, mutations: list[tuple[str, tuple[str, int, object]]]
) -> None:
    root = tmp_path_factory.mktemp("case") / "ws"
    shutil.copytree(base(tmp_path_factory), root)
    for rel, how in mutations:
        path = root / rel
        path.write_bytes(mutate(path.read_bytes(), how))
    before = snapshot_bytes(root)
    ws, problems = unioncore.load(root, as_of=AS_OF)
    problems = ws.check()
    ws.figures()
    for p in problems:
        assert p.message, p
        assert p.file, p.format()
        p.format()
    assert snapshot_bytes(root) == before


def test_gbk_bom_and_crlf_decisions(tmp_path: Path) -> None:
    root = write_workspace(tmp_path / "ws", FILES)
    members = root / "orgs/A/members.toml"
    members.write_bytes(members.read_text(encoding="utf-8").encode("gbk"))
    budget = root / "orgs/A/budget/2026.toml"
    budget.write_bytes(b"\xef\xbb\xbf" + budget.read_bytes().replace(b"\n", b"\r\n"))
    ws, problems = unioncore.load(root, as_of=AS_OF)
    gbk = [p for p in problems if p.file == "orgs/A/members.toml"]
    assert len(gbk) == 1 and "GBK" in gbk[0].message and "另存为 UTF-8" in gbk[0].message
    assert ws.budget("A", 2026).amount_for("50102") == Decimal("900.00")  # BOM + CRLF: read as usual
    # a file read with a BOM is saved without it; the GBK file is never rewritten
    ws.set_budget("A", 2026, [BudgetLine("50102", Decimal("950.00"))])
    ws.save()
    assert budget.read_bytes().startswith(b"[[line]]")
    assert members.read_bytes().decode("gbk").startswith("[[member]]")

"""Line numbers for key paths: exact where the text has them, never made up."""

from __future__ import annotations

import datetime
import string
import textwrap
import tomllib
from typing import Any

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from unioncore import tomlwrite
from unioncore.lineindex import LineIndex, header_block

TEXT = textwrap.dedent(
    '''\
    # 会员名册
    title = "x"

    [[member]]
    id = "M1"
    note = """多行
    [[member]]
    id = "fake"
    """
    tags = [
        "a",  # 注释
        "b",
    ]

    [[member]]
    "id" = "M2"
    info = { a = 1, b = "}" }

    [[member.history]]
    date = 2020-01-01

    [[member]]
    id = "M3"

    [member.extra]
    level = "省级"
    '''
)


def test_positions_of_keys_in_arrays_of_tables() -> None:
    idx = LineIndex(TEXT)
    assert tomllib.loads(TEXT)["member"][1]["id"] == "M2"
    assert idx.locate(("title",)) == (2, 1)
    assert idx.locate(("member", 0, "id")) == (5, 1)
    assert idx.locate(("member", 0, "tags")) == (10, 1)
    assert idx.locate(("member", 1, "id")) == (16, 1)
    assert idx.locate(("member", 1, "info", "b")) == (17, 1)  # inside an inline table: its key's line
    assert idx.locate(("member", 1, "history", 0, "date")) == (20, 1)
    assert idx.locate(("member", 2, "id")) == (23, 1)
    assert idx.locate(("member", 2, "extra", "level")) == (26, 1)
    assert idx.locate(("member", 3, "id")) is None
    assert idx.comment_lines == [1, 11]
    assert idx.comments_after(1) == [11]


def test_header_block() -> None:
    assert header_block(TEXT) == "# 会员名册\n"
    assert header_block("a = 1\n# late\n") == ""


keys = st.text(alphabet=string.ascii_letters + "_-" + "中文键", min_size=1, max_size=8)
scalars = st.one_of(
    st.integers(-(10**6), 10**6),
    st.text(max_size=20),
    st.booleans(),
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 1, 1)),
    st.lists(st.integers(0, 9), max_size=3),
)
records = st.dictionaries(keys, scalars, min_size=1, max_size=5)


docs = st.dictionaries(keys, st.lists(records, min_size=1, max_size=4), min_size=1, max_size=3)


@settings(max_examples=150, deadline=None)
@given(docs)
def test_every_key_is_found_on_its_own_line(doc: dict[str, Any]) -> None:
    text = tomlwrite.dumps(doc)
    idx = LineIndex(text)
    lines = text.split("\n")
    for table, items in doc.items():
        for i, record in enumerate(items):
            for key in record:
                pos = idx.locate((table, i, key))
                assert pos is not None
                line = lines[pos[0] - 1]
                assert line.startswith((key, f'"{key}"')), (key, line)


nested = st.recursive(scalars, lambda inner: st.dictionaries(keys, inner, max_size=3), max_leaves=6)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, st.lists(st.dictionaries(keys, nested, max_size=4), max_size=3), max_size=3))
def test_record_writer_round_trips(doc: dict[str, Any]) -> None:
    """What we write parses back to the same data, control characters and quotes included."""
    text = tomlwrite.dumps(doc)
    assert tomllib.loads(text) == {k: v for k, v in doc.items() if v}


@settings(max_examples=100, deadline=None)
@given(docs)
def test_lines_within_tomli_w_output_are_never_wrong(doc: dict[str, Any]) -> None:
    """tomli-w may inline a table: then the enclosing key's line is given, never another line."""
    text = tomli_w.dumps(doc)
    idx = LineIndex(text)
    lines = text.split("\n")
    for table, items in doc.items():
        for i, record in enumerate(items):
            for k in record:
                pos = idx.locate((table, i, k))
                assert pos is not None
                line = lines[pos[0] - 1]
                assert line.startswith((k, f'"{k}"', table, f'"{table}"', f"[[{table}", f'[["{table}')), (
                    k,
                    line,
                )


@settings(max_examples=200, deadline=None)
@given(docs, st.integers(0, 400), st.sampled_from(["", "#", "[", "x = [\n", '"""', "\r", "  ", "a.b = 1\n"]))
def test_the_fast_path_agrees_with_the_scanner(doc: dict[str, Any], at: int, junk: str) -> None:
    """Files we write take a line-based fast path; it must give exactly the scanner's positions,
    and on anything else it must step aside (None), never guess."""
    from unioncore.lineindex import _canonical_positions, _Scanner

    for text in (tomlwrite.dumps(doc), tomlwrite.dumps(doc)[:at] + junk + tomlwrite.dumps(doc)[at:]):
        try:
            tomllib.loads(text)
        except tomllib.TOMLDecodeError:
            continue
        fast = _canonical_positions(text)
        scanner = _Scanner(text)
        scanner.run()
        if fast is not None:
            assert fast == scanner.positions


def test_the_files_we_write_take_the_fast_path(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from unioncore.demo import generate
    from unioncore.lineindex import _canonical_positions

    ws = generate(tmp_path / "ws", "small")
    texts = [sf.loaded_text() for rel, sf in ws.files.items() if rel.startswith("orgs/")]
    assert texts and all(t is not None and _canonical_positions(t) is not None for t in texts)

"""The fast parser gives exactly what tomllib gives: the same values and the same refusals."""

from __future__ import annotations

import datetime
import string
import tomllib
from typing import Any

import pytest
import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from unioncore.source import parse_toml

values = st.recursive(
    st.one_of(
        st.integers(-(2**63), 2**63 - 1),
        st.text(max_size=12),
        st.booleans(),
        st.dates(),
        st.datetimes(min_value=datetime.datetime(1900, 1, 1)),
        st.floats(allow_nan=False),
    ),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.text(string.ascii_letters, min_size=1, max_size=4), inner, max_size=3),
    ),
    max_leaves=8,
)
docs = st.dictionaries(st.text(string.ascii_letters + "中", min_size=1, max_size=5), values, max_size=5)


def outcome(parse: Any, text: str) -> object:
    try:
        return ("ok", parse(text))
    except tomllib.TOMLDecodeError:
        return ("error",)


@settings(max_examples=300, deadline=None)
@given(
    docs,
    st.integers(0, 200),
    st.sampled_from(["", "=", "[", "]", "{", '"', "\n", "a = 1\n", "\\e", "\x01", "#"]),
)
def test_same_values_and_same_refusals(doc: dict[str, Any], at: int, junk: str) -> None:
    text = tomli_w.dumps(doc)
    assert outcome(parse_toml, text) == outcome(tomllib.loads, text)
    mutated = text[:at] + junk + text[at:]
    assert outcome(parse_toml, mutated) == outcome(tomllib.loads, mutated)


@pytest.mark.parametrize(
    "text",
    [
        "a = {b = 1,\n c = 2}",
        'a = "\\e"',
        'a = "\\x41"',
        "a = 1979-05-27T07:32Z",
        "a = 07:32",
        "a = 1\na = 2",
    ],
)
def test_toml_1_1_only_syntax_is_refused_as_tomllib_does(text: str) -> None:
    with pytest.raises(tomllib.TOMLDecodeError):
        parse_toml(text)


@pytest.mark.parametrize("opener", ["[", "{a="])
def test_deep_nesting_is_an_error_not_a_crash(opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    text = "x = " + opener * 100_000 + "1" + closer * 100_000
    with pytest.raises((tomllib.TOMLDecodeError, RecursionError)):
        parse_toml(text)


def test_deep_nesting_after_many_records_is_an_error_not_a_crash() -> None:
    records = '[[entry]]\nid = "a"\ntags = ["x", "y"]\n' * 2000
    deep = "[" * 20_000 + "1" + "]" * 20_000
    for text in (records + f"[[entry]]\nid = {deep}\n", records + f"[[entry]]\nid = {{a = {deep}}}\n"):
        with pytest.raises((tomllib.TOMLDecodeError, RecursionError)):
            parse_toml(text)


def test_a_large_file_of_records_takes_the_fast_parser_with_the_same_values() -> None:
    from unioncore.source import _shallow

    text = (
        "# a comment with [[brackets]] and {braces}\n"
        + '[[entry]]\nid = "a[1]"\nnote = \'{x}\'\ntags = ["x", "y"]  # [\nsub = {k = [1, [2]]}\n' * 3000
    )
    assert _shallow(text)
    assert parse_toml(text) == tomllib.loads(text)
    assert not _shallow("x = " + "[" * 1500 + "1" + "]" * 1500)
    assert not _shallow('x = """\n' + "[" * 1500 + '\n"""\n')  # multi-line strings: measured by tomllib

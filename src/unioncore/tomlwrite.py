"""The canonical TOML layout of record files: every record its own `[[table]]`, keys in field order.

tomli-w inlines an array of tables whenever its items fit on a line, so a short record would come out
as `member = [{ … }]` and a file's layout would depend on the length of its values. Record files are
written here instead: top-level tables as `[name]` / `[[name]]` sections, nested tables inline,
lists one item a line. Values are scalars (str, int, bool, date), lists and dicts of them.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'["\\\x00-\x1f\x7f]')


def key(name: str) -> str:
    return name if _BARE_KEY.match(name) else string(name)


def string(text: str) -> str:
    if not _NEEDS_ESCAPE.search(text):
        return f'"{text}"'
    return '"' + _NEEDS_ESCAPE.sub(lambda m: _ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"), text) + '"'


def value(v: Any, inline: bool = False) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return string(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, datetime.date) and not isinstance(v, datetime.datetime):
        return v.isoformat()
    if isinstance(v, Mapping):
        if not v:
            return "{}"
        return "{ " + ", ".join(f"{key(k)} = {value(x, inline=True)}" for k, x in v.items()) + " }"
    if isinstance(v, list | tuple):
        if not v:
            return "[]"
        if inline:
            return "[" + ", ".join(value(x, inline=True) for x in v) + "]"
        return "[\n" + "".join(f"    {value(x, inline=True)},\n" for x in v) + "]"
    raise TypeError(f"cannot write {type(v).__name__} to TOML")


def table_body(record: Mapping[str, Any]) -> str:
    return "".join(f"{key(k)} = {value(v)}\n" for k, v in record.items())


def dumps(doc: Mapping[str, Any]) -> str:
    """A record file: each top-level key a table (`[k]`) or an array of tables (`[[k]]`)."""
    chunks = []
    for name, content in doc.items():
        if isinstance(content, Mapping):
            chunks.append(f"[{key(name)}]\n" + table_body(content))
        elif isinstance(content, list | tuple):
            for record in content:
                chunks.append(f"[[{key(name)}]]\n" + table_body(record))
        else:
            raise TypeError(f"top-level {name!r} must be a table or a list of tables")
    return "\n".join(chunks)

"""Line numbers for key paths in a TOML text that `tomllib` has already accepted.

`tomllib` gives values without positions. Problems about a record need "file:line", so this module
scans the text once (lazily, only for files that have a problem) and maps key paths such as
("member", 3, "id_number") to (line, column). It also finds comment lines, so a save can refuse to
strip hand-written comments. The scanner assumes valid TOML; for anything it cannot place it returns
no line rather than a guessed one.
"""

from __future__ import annotations

import re

from .problems import KeyPath

Position = tuple[int, int]  # 1-based line, 1-based column

_BARE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Scanner:
    def __init__(self, text: str) -> None:
        self.t = text
        self.i = 0
        self.n = len(text)
        self.line = 1
        self.line_start = 0
        self.positions: dict[KeyPath, Position] = {}
        self.comment_lines: list[int] = []
        # counters for arrays of tables: full path of the array -> next index
        self.aot_count: dict[KeyPath, int] = {}
        self.aot_current: dict[KeyPath, int] = {}

    # -- low-level helpers --------------------------------------------------------------
    def col(self) -> int:
        return self.i - self.line_start + 1

    def newline(self) -> None:
        self.line += 1
        self.line_start = self.i

    def skip_ws(self) -> None:
        while self.i < self.n and self.t[self.i] in " \t":
            self.i += 1

    def skip_comment(self) -> None:
        if self.i < self.n and self.t[self.i] == "#":
            self.comment_lines.append(self.line)
            while self.i < self.n and self.t[self.i] != "\n":
                self.i += 1

    def skip_ws_nl_comments(self) -> None:
        while self.i < self.n:
            c = self.t[self.i]
            if c in " \t\r":
                self.i += 1
            elif c == "\n":
                self.i += 1
                self.newline()
            elif c == "#":
                self.skip_comment()
            else:
                return

    def read_string(self) -> str:
        """Read a string starting at self.i (any of the four kinds); returns its raw inner text."""
        t = self.t
        if t.startswith('"""', self.i) or t.startswith("'''", self.i):
            q = t[self.i : self.i + 3]
            self.i += 3
            start = self.i
            while self.i < self.n:
                if q == '"""' and t[self.i] == "\\":
                    if self.i + 1 < self.n and t[self.i + 1] == "\n":
                        self.i += 1
                        self.i += 1
                        self.newline()
                        continue
                    self.i += 2
                    continue
                if t.startswith(q, self.i):
                    # up to two extra quotes may belong to the content
                    end = self.i
                    while t.startswith(q[0], end + 3) and end + 3 - self.i < 2:
                        end += 1
                    self.i = end + 3
                    return t[start:end]
                if t[self.i] == "\n":
                    self.i += 1
                    self.newline()
                    continue
                self.i += 1
            return t[start:]
        q = t[self.i]
        self.i += 1
        start = self.i
        while self.i < self.n and t[self.i] != q:
            if q == '"' and t[self.i] == "\\":
                self.i += 2
                continue
            self.i += 1
        raw = t[start : self.i]
        self.i += 1
        return raw

    def read_key(self) -> list[str]:
        parts: list[str] = []
        while self.i < self.n:
            self.skip_ws()
            c = self.t[self.i]
            if c in "\"'":
                raw = self.read_string()
                parts.append(_unescape(raw) if c == '"' else raw)
            else:
                start = self.i
                while self.i < self.n and self.t[self.i] in _BARE:
                    self.i += 1
                parts.append(self.t[start : self.i])
            self.skip_ws()
            if self.i < self.n and self.t[self.i] == ".":
                self.i += 1
                continue
            return parts
        return parts

    def skip_value(self) -> None:
        """Skip one value (string, array, inline table or scalar), following newlines inside it."""
        t = self.t
        if self.i >= self.n:
            return
        c = t[self.i]
        if c in "\"'":
            self.read_string()
            return
        if c in "[{":
            close = "]" if c == "[" else "}"
            self.i += 1
            while self.i < self.n:
                self.skip_ws_nl_comments()
                if self.i >= self.n:
                    return
                before = self.i
                ch = t[self.i]
                if ch == close:
                    self.i += 1
                    return
                if ch == ",":
                    self.i += 1
                    continue
                if close == "}":
                    self.read_key()
                    self.skip_ws()
                    if self.i < self.n and t[self.i] == "=":
                        self.i += 1
                    self.skip_ws()
                self.skip_value()
                if self.i == before:  # not understood: step on rather than loop forever
                    self.i += 1
            return
        while self.i < self.n and t[self.i] not in ",]}\n#":
            self.i += 1
        # trailing blanks of a scalar are not part of it
        return

    # -- the document -------------------------------------------------------------------
    def run(self) -> None:
        t = self.t
        table: KeyPath = ()
        while self.i < self.n:
            self.skip_ws_nl_comments()
            if self.i >= self.n:
                break
            start = self.i
            pos = (self.line, self.col())
            if t.startswith("[[", self.i):
                self.i += 2
                name = tuple(self.read_key())
                self.i += 2  # ]]
                table = self._open_array_table(name)
                self.positions.setdefault(table, pos)
            elif t[self.i] == "[":
                self.i += 1
                name = tuple(self.read_key())
                self.i += 1  # ]
                table = self._resolve(name)
                self.positions.setdefault(table, pos)
            else:
                key = tuple(self.read_key())
                self.skip_ws()
                if self.i < self.n and t[self.i] == "=":
                    self.i += 1
                self.skip_ws()
                full = table + key
                self.positions.setdefault(full, pos)
                self.skip_value()
            self.skip_ws()
            self.skip_comment()
            if self.i == start:  # a construct the scanner does not follow: go on at the next line
                newline = t.find("\n", self.i)
                self.i = self.n if newline < 0 else newline

    def _resolve(self, name: tuple[str, ...]) -> KeyPath:
        """Insert the current index of every array of tables along a header's dotted name."""
        out: list[str | int] = []
        for part in name:
            out.append(part)
            idx = self.aot_current.get(tuple(out))
            if idx is not None:
                out.append(idx)
        return tuple(out)

    def _open_array_table(self, name: tuple[str, ...]) -> KeyPath:
        parent = self._resolve(name[:-1]) if len(name) > 1 else ()
        array = (*parent, name[-1])
        idx = self.aot_count.get(array, 0)
        self.aot_count[array] = idx + 1
        self.aot_current[array] = idx
        # a new element resets the indices of arrays nested below the previous one
        for k in [k for k in self.aot_current if len(k) > len(array) and k[: len(array)] == array]:
            del self.aot_current[k]
        return (*array, idx)


def _unescape(raw: str) -> str:
    if "\\" not in raw:
        return raw
    try:
        return raw.encode("latin-1", "backslashreplace").decode("unicode_escape")
    except UnicodeDecodeError:
        return raw


_AOT_LINE = re.compile(r"^\[\[([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\]\]$")
_TABLE_LINE = re.compile(r"^\[([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\]$")
_KEY_LINE = re.compile(r"^([A-Za-z0-9_-]+) = (.+)$")


def _canonical_positions(text: str) -> dict[KeyPath, Position] | None:
    """Positions in a file laid out as unioncore writes it (`tomlwrite`): one statement a line,
    bare keys, multi-line arrays closed by a lone "]". Returns None at the first line of any other
    shape, and the full scanner reads the file instead — this only makes the common case fast."""
    s = _Scanner("")
    table: KeyPath = ()
    in_array = False
    for lineno, line in enumerate(text.split("\n"), start=1):
        if in_array:
            if line == "]":
                in_array = False
            elif not line.startswith("    ") or line.rstrip().endswith(("[", "{")):
                return None
            continue
        if not line:
            continue
        m = _KEY_LINE.match(line)
        if m is not None:
            value = m.group(2)
            if value == "[":
                in_array = True
            elif value.startswith(('"""', "'''")) or (value[0] in "[{" and value[-1] not in "]}"):
                return None
            s.positions.setdefault((*table, m.group(1)), (lineno, 1))
            continue
        m = _AOT_LINE.match(line)
        if m is not None:
            table = s._open_array_table(tuple(m.group(1).split(".")))
            s.positions.setdefault(table, (lineno, 1))
            continue
        m = _TABLE_LINE.match(line)
        if m is not None:
            table = s._resolve(tuple(m.group(1).split(".")))
            s.positions.setdefault(table, (lineno, 1))
            continue
        return None
    return None if in_array else s.positions


class LineIndex:
    """Positions of every table header and key in a TOML text."""

    def __init__(self, text: str) -> None:
        fast = _canonical_positions(text) if "#" not in text else None
        if fast is not None:
            self.positions = fast
            self.comment_lines: list[int] = []
        else:
            s = _Scanner(text)
            try:
                s.run()
            except (IndexError, RecursionError):  # deep nesting: keep what was found before it
                pass
            self.positions = s.positions
            self.comment_lines = s.comment_lines
        self._line_count = text.count("\n") + 1

    def locate(self, path: KeyPath | None) -> Position | None:
        """The position of `path`, or of its nearest ancestor that has one; None if unknown."""
        if not path:
            return None
        p = tuple(path)
        exact = self.positions.get(p)
        if exact is not None:
            return exact
        # an array of tables has positions only for its elements: use the first one
        first = self.positions.get((*p, 0))
        if first is not None:
            return first
        while p:
            pos = self.positions.get(p)
            if pos is not None:
                return pos
            p = p[:-1]
        return None

    def comments_after(self, line: int) -> list[int]:
        """Comment lines below `line` (the file's leading comment block is kept by a save)."""
        return [c for c in self.comment_lines if c > line]


def header_block(text: str) -> str:
    """The leading lines of a file that are only comments or blank (kept verbatim on save)."""
    end = 0
    for raw in text.split("\n"):  # TOML lines end in \n only (str.splitlines splits on more)
        raw += "\n"
        stripped = raw.strip()
        if stripped and not stripped.startswith("#"):
            break
        end += len(raw)
    block = text[: min(end, len(text))]
    return block if "#" in block else ""

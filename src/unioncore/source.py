"""Reading one TOML file of a workspace: bytes, encoding, parse, and what a later save must know.

What we decided about encodings (files from Windows editors): UTF-8 with a BOM is read (the BOM is
dropped and a hint says so); CRLF line ends are read as they are; anything that is not UTF-8 (GBK
above all) is not loaded, with a message saying how to convert it — the file is then never rewritten.
"""

from __future__ import annotations

import hashlib
import os
import re
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs

from .lineindex import LineIndex, header_block
from .problems import KeyPath, Problem, Severity

_BOM = b"\xef\xbb\xbf"

_toml_rs: ModuleType | None
try:  # a compiled parser for speed; tomllib stays the reference for errors and positions
    import toml_rs as _toml_rs
except ImportError:  # pragma: no cover - the dependency is declared, but the core runs without it
    _toml_rs = None

# toml_rs overflows its stack (a crash, not an exception) on some 10,000 nested brackets: a file
# nested deeper than this is parsed by tomllib, whose recursion limit is an exception. Files with
# few brackets in all cannot be; others (a plugin's file of 8,000 records) are measured.
_FAST_MAX_BRACKETS = 1000
_FAST_MAX_DEPTH = 200
_STRINGS_AND_COMMENTS = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*')
_BRACKETS = re.compile(r"[\[\]{}]")


def _shallow(text: str) -> bool:
    """True when brackets outside strings and comments nest at most _FAST_MAX_DEPTH deep."""
    if text.count("[") + text.count("{") <= _FAST_MAX_BRACKETS:
        return True
    if '"""' in text or "'''" in text:
        return False  # multi-line strings: not worth measuring exactly, tomllib reads them
    depth = deepest = 0
    for m in _BRACKETS.finditer(_STRINGS_AND_COMMENTS.sub("", text)):
        if m.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > _FAST_MAX_DEPTH:
                    return False
        else:
            depth -= 1
    return True


def parse_toml(text: str) -> dict[str, Any]:
    """Parse TOML 1.0 exactly as tomllib does (same values, same errors), faster where it can."""
    if _toml_rs is not None and _shallow(text):
        try:
            data: dict[str, Any] = _toml_rs.loads(text, toml_version="1.0.0")
            return data
        except Exception:
            pass
    return tomllib.loads(text)


_TOMLLIB_POS = re.compile(r"\(at line (\d+), column (\d+)\)|at line (\d+), column (\d+)")
_TOMLLIB_EOF = re.compile(r"\(at end of document\)")

# tomllib's English messages, the common ones in Chinese; anything else is shown as it is.
_TOML_MESSAGES = [
    ("Cannot overwrite a value", "键重复定义"),
    ("Cannot declare", "表重复定义"),
    ("Invalid value", "值无效（字符串要加引号，日期写成 2026-01-31）"),
    ("Expected '=' after a key", "键后面缺少“=”"),
    ("Invalid statement", "无法识别的语句"),
    ("Unclosed array", "数组缺少“]”"),
    ("Unclosed inline table", "内联表缺少“}”"),
    ("Unterminated string", "字符串没有结束引号"),
    ("Illegal character", "含有不允许的控制字符"),
    ("Invalid initial character for a key part", "键名的开头字符无效"),
    ("Expected newline or end of document after a statement", "一行只能写一个键值对"),
    ("Invalid date or datetime", "日期无效"),
    ("Invalid hex value", "转义字符无效"),
    ("Unescaped '\\' in a string", "字符串中的“\\”需要写成“\\\\”"),
]


def toml_error_message(exc: tomllib.TOMLDecodeError) -> tuple[str, int | None, int | None]:
    """Chinese message and position from a tomllib error (3.11 keeps them only in the text)."""
    text = str(exc)
    line: int | None = None
    col: int | None = None
    lineno = getattr(exc, "lineno", None)  # Python >= 3.14
    if isinstance(lineno, int):
        line, col = lineno, getattr(exc, "colno", None)
    else:
        m = _TOMLLIB_POS.search(text)
        if m:
            line = int(m.group(1) or m.group(3))
            col = int(m.group(2) or m.group(4))
    base = _TOMLLIB_POS.sub("", text)
    base = _TOMLLIB_EOF.sub("", base).strip().rstrip(".")
    for english, chinese in _TOML_MESSAGES:
        if base.startswith(english):
            return f"TOML 格式错误：{chinese}", line, col
    return f"TOML 格式错误：{base}", line, col


@attrs.define
class SourceFile:
    """One file as it was read.

    While the workspace loads, `data` holds the parsed tables and `text` the file's text. Once every
    record is decoded the loader releases both (`release()`): a district holds some 90 MB of TOML
    whose text and tables would otherwise stay in memory beside the records. The text is read again
    from disk only when a problem needs a line number or a save needs the header — and only if the
    file's content hash is still the one loaded, so a line number always belongs to the loaded text.
    """

    rel: str
    path: Path
    digest: str | None = None
    size: int = 0
    mtime_ns: int = 0
    text: str = ""
    data: dict[str, Any] | None = None
    problems: list[Problem] = attrs.field(factory=list)
    had_bom: bool = False
    parsed: bool = False  # the text was valid TOML
    records: int = 0  # how many records it held (a save writes files that gain records first)
    # set by the loader when records of this file failed to decode: never rewrite it
    has_record_errors: bool = False
    _index: LineIndex | None = None
    _released: bool = False

    @property
    def loaded(self) -> bool:
        return self.parsed

    @property
    def writable(self) -> bool:
        return self.parsed and not self.has_record_errors

    def release(self) -> None:
        """Drop the parsed tables and the text (they can be read again from disk)."""
        if self.data is not None:
            self.records = sum(len(v) for v in self.data.values() if isinstance(v, list))
        self.data = None
        if self.text and "#" not in self.text:
            self.text = ""
            self._released = True
        self._index = None

    def loaded_text(self) -> str | None:
        """The text as loaded: kept, or read again if the file on disk still has the same content."""
        if not self._released:
            return self.text
        try:
            raw = self.path.read_bytes()
        except OSError:
            return None
        if file_digest(raw) != self.digest:
            return None  # changed since it was loaded: no line number rather than a wrong one
        if raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:  # pragma: no cover - it decoded when it was loaded
            return None

    def index(self) -> LineIndex | None:
        if self._index is None:
            text = self.loaded_text()
            if text is None:
                return None
            self._index = LineIndex(text)
        return self._index

    def locate(self, path: KeyPath | None) -> tuple[int | None, int | None]:
        if path is None or not self.parsed:
            return None, None
        index = self.index()
        pos = index.locate(path) if index is not None else None
        return pos if pos else (None, None)

    def header(self) -> str:
        """Leading comment block, kept verbatim when the file is rewritten (files with a comment
        keep their text in memory, so this never reads the disk)."""
        return header_block(self.text) if "#" in self.text else ""

    def body_comment_lines(self) -> list[int]:
        """Hand-written comments below the leading block: a save would lose them."""
        if "#" not in self.text:
            return []
        head = self.header()
        head_lines = head.count("\n")
        index = self.index()
        return index.comments_after(head_lines) if index is not None else []

    def problem(
        self,
        message: str,
        path: KeyPath | None = None,
        severity: Severity = Severity.ERROR,
        rule: str | None = None,
        source: str | None = None,
        plugin: str | None = None,
    ) -> Problem:
        line, col = self.locate(path)
        return Problem(
            message=message,
            severity=severity,
            file=self.rel,
            line=line,
            column=col,
            path=path,
            rule=rule,
            source=source,
            plugin=plugin,
        )


def file_digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def read_source(path: Path, rel: str) -> SourceFile:
    """Read and parse one file; every failure becomes a problem on the returned SourceFile."""
    sf = SourceFile(rel=rel, path=path)
    try:
        st = os.stat(path)
        raw = path.read_bytes()
    except OSError as exc:
        sf.problems.append(Problem(f"无法读取文件：{exc.strerror or exc}", file=rel, rule="file.read"))
        return sf
    sf.size, sf.mtime_ns, sf.digest = st.st_size, st.st_mtime_ns, file_digest(raw)
    if raw.startswith(_BOM):
        sf.had_bom = True
        raw = raw[len(_BOM) :]
        sf.problems.append(
            Problem(
                "文件以 UTF-8 BOM 开头（常见于 Windows 记事本）；已照常读取，保存时会去掉 BOM",
                severity=Severity.HINT,
                file=rel,
                line=1,
                rule="file.bom",
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        hint = ""
        try:
            raw.decode("gb18030")
            hint = "看起来是 GBK/GB18030 编码；"
        except UnicodeDecodeError:
            pass
        sf.problems.append(
            Problem(
                f"文件不是 UTF-8 编码，未读取：{hint}请用编辑器“另存为 UTF-8”后再打开"
                "（例如 iconv -f GB18030 -t UTF-8）",
                file=rel,
                line=line,
                rule="file.encoding",
            )
        )
        return sf
    sf.text = text
    try:
        sf.data = parse_toml(text)
        sf.parsed = True
    except tomllib.TOMLDecodeError as exc:
        msg, err_line, err_col = toml_error_message(exc)
        sf.problems.append(Problem(msg, file=rel, line=err_line, column=err_col, rule="file.toml"))
    except RecursionError:
        sf.problems.append(Problem("TOML 嵌套层数过深，无法读取", file=rel, rule="file.toml"))
    return sf

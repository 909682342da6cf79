"""The member search index: name, pinyin, pinyin initials, member id and the last digits of the 身份证.

Built once per loaded workspace. The cheap part (names, ids, organisations, statuses) is built at
once; the pinyin of every name is filled in afterwards (`fill_pinyin`, run in a worker thread), one
`pypinyin` call per distinct character, so a district of 100,000 members takes a fraction of a second.
Until then a letter query matches member ids only.

A query is matched as follows:
- containing a Chinese character: a substring of the name;
- only digits (and a final X): the end of the 身份证 (`1234` finds …1234), or a substring of the
  member id's digits;
- letters (and digits): a substring of the full pinyin (`zhangsan`), of the initials (`zs`), or of
  the member id (`m0001`).

A longer query that extends the previous one searches only the previous results (not for the
身份证 suffix, where that would be wrong), so typing a name letter by letter stays fast.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from functools import cache

from pypinyin import Style, pinyin

from unioncore.member import Member, Status

# Surnames whose reading as a surname differs from the character's usual reading (单 shàn, 曾 zēng …).
# pypinyin reads single characters with their most common reading, so these readings are added.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",),
    "曾": ("zeng",),
    "解": ("xie",),
    "仇": ("qiu",),
    "朴": ("piao",),
    "查": ("zha",),
    "区": ("ou",),
    "乐": ("yue", "le"),
    "盖": ("ge",),
    "覃": ("qin",),
    "缪": ("miao",),
    "翟": ("zhai",),
    "尉": ("yu",),
    "种": ("chong",),
    "繁": ("po",),
    "员": ("yun",),
    "召": ("shao",),
    "秘": ("bi",),
    "万": ("mo",),
    "重": ("chong",),
    "黑": ("he",),
    "折": ("she",),
    "藏": ("zang",),
    "隗": ("wei",),
    "牟": ("mu",),
}

_CJK = re.compile(r"[\u3400-\u9fff]")
_RIC_TAIL = re.compile(r"^\d+[xX]?$")
_MAX_READINGS = 4  # combinations of heteronyms kept per name


@cache
def char_reading(ch: str) -> str:
    """The usual toneless reading of one character; anything else is itself, lower-cased."""
    if not _CJK.match(ch):
        return ch.lower()
    out = pinyin(ch, style=Style.NORMAL, errors="default")
    return out[0][0] if out and out[0] else ch


def name_keys(name: str) -> str:
    """Every searchable spelling of a name, separated by NUL: full pinyin and initials."""
    chars = [c for c in name if not c.isspace()]
    if not chars:
        return ""
    options: list[tuple[str, ...]] = [(char_reading(c),) for c in chars]
    first = SURNAME_READINGS.get(chars[0])
    if first:
        options[0] = tuple(dict.fromkeys((*options[0], *first)))
    keys: list[str] = []
    for combo in itertools.islice(itertools.product(*options), _MAX_READINGS):
        keys.append("".join(combo))
        keys.append("".join(r[:1] for r in combo))
    return "\x00".join(dict.fromkeys(keys))


class MemberIndex:
    """Member search over a workspace's members, by position (the workspace's order).

    Searches return positions into `ids`; the fields are kept in parallel lists so that a search
    over 100,000 members is one list comprehension with a substring test."""

    def __init__(self, members: Iterable[Member]) -> None:
        self.ids: list[str] = []
        self.names: list[str] = []
        self.orgs: list[str] = []
        self.statuses: list[Status] = []
        self.categories: list[tuple[str, ...]] = []
        self.rics: list[str] = []  # upper-case 身份证, "" when none
        self.hays: list[str] = []  # lower-case member id, then the pinyin spellings once filled
        self.position: dict[str, int] = {}
        self.pinyin_ready = False
        self._changed_while_filling: set[int] = set()
        # the last search: (the positions searched, the query, what it found)
        self._last: tuple[Sequence[int], str, list[int]] | None = None
        for m in members:
            self._put(m, with_pinyin=False)

    def __len__(self) -> int:
        return len(self.ids)

    # -- building --------------------------------------------------------------------------
    def _put(self, m: Member, *, with_pinyin: bool) -> None:
        hay = m.id.lower() + ("\x00" + name_keys(m.name) if with_pinyin else "")
        values = (m.id, m.name, m.org, m.status, m.categories, (m.id_number or "").upper(), hay)
        lists = (self.ids, self.names, self.orgs, self.statuses, self.categories, self.rics, self.hays)
        pos = self.position.get(m.id)
        if pos is None:
            self.position[m.id] = len(self.ids)
            for lst, v in zip(lists, values, strict=True):
                lst.append(v)  # type: ignore[attr-defined]
        else:
            for lst, v in zip(lists, values, strict=True):
                lst[pos] = v  # type: ignore[index]

    def fill_pinyin(self) -> None:
        """Compute the pinyin spellings of every name (call from a worker thread)."""
        self._changed_while_filling.clear()
        hays = [
            f"{mid.lower()}\x00{name_keys(name)}" for mid, name in zip(self.ids, self.names, strict=False)
        ]
        keep = {i: self.hays[i] for i in self._changed_while_filling if i < len(hays)}
        self.hays[: len(hays)] = hays
        for i, hay in keep.items():  # members changed meanwhile were indexed with their new name
            self.hays[i] = hay
        self.pinyin_ready = True
        self._last = None

    def update(self, member: Member) -> None:
        """Take in an added or changed member."""
        self._put(member, with_pinyin=True)
        self._changed_while_filling.add(self.position[member.id])
        self._last = None

    # -- searching -------------------------------------------------------------------------
    def candidates(
        self,
        orgs: set[str] | None = None,
        statuses: set[Status] | None = None,
        category: str | None = None,
    ) -> list[int]:
        """Positions of the members in the given organisations, with a status and the category."""
        pool: Iterable[int] = range(len(self.ids))
        if orgs is not None:
            org_of = self.orgs
            pool = [i for i in pool if org_of[i] in orgs]
        if statuses is not None:
            status_of = self.statuses
            pool = [i for i in pool if status_of[i] in statuses]
        if category is not None:
            cats = self.categories
            pool = [i for i in pool if category in cats[i]]
        return list(pool)

    def search(self, query: str, within: Sequence[int]) -> list[int]:
        """The positions of `within` that match `query` (an empty query matches all), in order."""
        q = query.strip()
        if not q:
            return list(within)
        last = self._last
        pool: Sequence[int] = within
        mode = _mode(q)
        # a longer substring query only matches where the shorter one did (not so for a suffix)
        if (
            last is not None
            and last[0] is within
            and q.startswith(last[1])
            and mode != "digits"
            and _mode(last[1]) == mode
        ):
            pool = last[2]
        if mode == "name":
            names = self.names
            found = [i for i in pool if q in names[i]]
        elif mode == "digits":
            tail = q.upper()
            rics, hays = self.rics, self.hays
            found = [i for i in pool if rics[i].endswith(tail) or q in hays[i]]
        else:
            lower = q.lower()
            hays = self.hays
            found = [i for i in pool if lower in hays[i]]
        self._last = (within, q, found)
        return found

    def find(self, query: str) -> list[str]:
        """Ids of every member matching `query` (for tests and small lists)."""
        return [self.ids[i] for i in self.search(query, range(len(self.ids)))]


def _mode(q: str) -> str:
    if _CJK.search(q):
        return "name"
    if _RIC_TAIL.match(q):
        return "digits"
    return "letters"

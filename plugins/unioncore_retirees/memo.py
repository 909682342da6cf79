"""Indexes over a workspace's records, built in one pass and kept until the workspace changes.

A district keeps 2,000 unions, 100,000 members and tens of thousands of plugin records: a rule that
looks records up by union, member or key scans them once into an index here instead of once per
record. An index is kept per workspace (weakly, so it goes with the workspace) and rebuilt when
`ws.change_count` moves (every change through the workspace's API bumps it), when the as-of day
moves, or when one of the mappings it was built from is replaced or changes size (code that fills
them directly, as the loader does).

An index is built with the cyclic garbage collector paused: its hundreds of thousands of new
tuples and lists would otherwise trigger full collections, each a walk over every object of a
loaded district, though they make no reference cycles to collect.
"""

from __future__ import annotations

import gc
import weakref
from collections.abc import Callable, Sized
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from unioncore import Workspace

T = TypeVar("T")

_CACHE: weakref.WeakKeyDictionary[Workspace, dict[str, tuple[tuple[Any, ...], Any]]] = (
    weakref.WeakKeyDictionary()
)


def derived(ws: Workspace, name: str, build: Callable[[], T], *sources: Sized) -> T:
    """`build()`, computed once per state of the workspace and of `sources` (the mappings it reads)."""
    stamp = (ws.change_count, ws.as_of, *((id(s), len(s)) for s in sources))
    slots = _CACHE.setdefault(ws, {})
    hit = slots.get(name)
    if hit is not None and hit[0] == stamp:
        return cast(T, hit[1])
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        value = build()
    finally:
        if was_enabled:
            gc.enable()
    slots[name] = (stamp, value)
    return value


def records(ws: Workspace, collection: str) -> Sized:
    """The mapping a collection's records live in (an empty one when there are none yet)."""
    return ws.records.get(collection) or {}

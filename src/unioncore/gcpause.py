"""Pausing Python's cyclic garbage collector while a workspace's records are built or counted.

Loading a district builds about a million objects (records, their dicts, tuples, Decimals); each
full collection walks every live object, and the allocations trigger about a dozen of them during a
load — a fifth of its time — though the load makes next to no reference cycles (a few dozen objects).
Reference counting frees everything as usual meanwhile; the collector is switched on again afterwards
if it was on, and collects whatever cycles were made at its next run.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()

"""A cache of a loaded workspace, so that opening it again when nothing changed is near-instant.

After a load, the decoded records (members, events, ledger entries, plugin records…), the problems
loading found, and later the results of `check()` and `figures()` are written to
`WORKSPACE/.unioncore-cache/snapshot.pickle`. The next load uses it only when it is sure nothing the
load depends on changed:

- every file and folder the loader looks at (the root's files, `orgs/**`, `plugins/**`) is listed
  with its size, mtime, ctime and inode, and the list must be identical — a file added, removed,
  edited, or replaced by a copy with an old mtime (tar, rsync) changes it (ctime cannot be set back);
- a file whose mtime is within two seconds of when the snapshot was taken could have changed again in
  the same clock tick without changing its stat, so its content hash is compared too (as git does);
- the code must be the same: this package's and every loaded plugin's source files (size, mtime) and
  versions, the Python version and the cache format;
- plugins passed in-process (`load(plugins=…)`) and `UNIONCORE_CACHE=off` disable the cache.

Otherwise the workspace is loaded from its files as usual and the snapshot replaced. A cache that
cannot be read or written is ignored (the folder may be read-only): it never changes what a load
returns. The cache holds the same personal data as the workspace, so it is written owner-only inside
the workspace folder (deleting the workspace deletes it) with a `.gitignore` that keeps it out of git.

The records are restored lazily: `load` gives back the problems at once; the organisations, the files,
and the members, events, entries and plugin records are unpickled the first time one of them is touched.
"""

from __future__ import annotations

import copyreg
import datetime
import hashlib
import io
import operator
import os
import pickle
import sys
import threading
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from . import layout
from .event import Event
from .ledger import Entry
from .member import Member, MembershipChange
from .problems import Problem, UnioncoreError
from .registry import Period
from .source import file_digest
from .storage import DIR_MODE, atomic_write, ensure_dir

if TYPE_CHECKING:
    from .workspace import Workspace

CACHE_DIR = ".unioncore-cache"
SNAPSHOT = "snapshot.pickle"
FORMAT = 1
RACY_NS = 2_000_000_000  # files touched this close to the snapshot are compared by content too

# Workspace attributes restored lazily (the bulk of a district's memory and load time)
BODY = (
    "members",
    "events",
    "entries",
    "openings",
    "budgets",
    "records",
    "_member_files",
    "_event_files",
    "_record_files",
    "_record_file_of",
    "_where",
)

# what a cached open restores when first touched, in groups read together: the records, the files
# (line numbers, saves, the watch), the organisations (2,000 with their committees: 0.1 s)
BLOBS = (BODY, ("files",), ("organisations",))

# stat of one scanned path: (size, mtime_ns, ctime_ns, inode); None for a folder
Stat = tuple[int, int, int, int] | None


def enabled() -> bool:
    return os.environ.get("UNIONCORE_CACHE", "on").lower() not in ("0", "off", "no", "false")


def folder(root: Path) -> Path:
    return root / CACHE_DIR


# -- what the load depends on --------------------------------------------------------------------
def scan(root: Path) -> dict[str, Stat]:
    """Every path the loader may look at, with its stat (a superset: extra paths only invalidate)."""
    out: dict[str, Stat] = {}
    try:
        top = list(os.scandir(root))
    except OSError:
        return out
    for entry in top:
        if entry.name.startswith(".") and entry.name != CACHE_DIR:
            # hidden names are never read, but a killed save's leftovers are removed by the next save
            if entry.is_file(follow_symlinks=False) and ".tmp-" in entry.name:
                out[entry.name] = _stat(entry)
            continue
        if entry.name in (layout.ORGS, layout.PLUGINS) and entry.is_dir():
            out[entry.name + "/"] = None
            _walk(entry.path, entry.name, out)
        elif entry.name.endswith(".toml") and entry.is_file():
            out[entry.name] = _stat(entry)
    return out


def _walk(path: str, rel: str, out: dict[str, Stat]) -> None:
    try:
        entries = list(os.scandir(path))
    except OSError:
        out[rel + "/?"] = None  # unreadable now: never equal to a snapshot taken when it was readable
        return
    for entry in entries:
        sub = f"{rel}/{entry.name}"
        if entry.is_dir(follow_symlinks=True):
            out[sub + "/"] = None
            _walk(entry.path, sub, out)
        else:
            out[sub] = _stat(entry)


def _stat(entry: os.DirEntry[str]) -> Stat:
    try:
        st = entry.stat()
    except OSError:
        return (-1, 0, 0, 0)
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def code_fingerprint(ws: Workspace) -> str:
    """The code a load ran: this package's and the loaded plugins' source files and versions."""
    from . import __version__

    h = hashlib.blake2b(digest_size=16)
    h.update(f"{FORMAT}|{__version__}|{sys.version}|".encode())
    dirs = {Path(__file__).parent}
    for name, plugin in sorted(ws.host.pm.list_name_plugin(), key=lambda np: str(np[0])):
        h.update(f"plugin {name}|".encode())
        info = ws.host.infos.get(str(name))
        if info is not None:
            h.update(f"{info.version}|{info.module}|".encode())
        module_file = getattr(plugin, "__file__", None)
        if module_file is None:
            module_file = getattr(sys.modules.get(type(plugin).__module__), "__file__", None)
        if module_file:
            dirs.add(Path(module_file).parent)
    for d in sorted(dirs):
        try:
            names = sorted(os.listdir(d))
        except OSError:
            continue
        for n in names:
            if n.endswith(".py"):
                try:
                    st = os.stat(d / n)
                except OSError:
                    continue
                h.update(f"{d / n}|{st.st_size}|{st.st_mtime_ns}|".encode())
    return h.hexdigest()


# -- pickling: a plain tuple per record is ~2x faster to write and read than attrs' default -------
def _tuple_reducer(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    get = operator.attrgetter(*(a.name for a in attrs.fields(cls)))

    def reduce(obj: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, get(obj)

    return reduce


def _dispatch_table() -> dict[type, Any]:
    table: dict[type, Any] = dict(copyreg.dispatch_table)
    for cls in (Member, MembershipChange, Entry, Event):
        fields = attrs.fields(cls)
        if all(f.init and not f.kw_only and f.alias == f.name for f in fields):
            table[cls] = _tuple_reducer(cls)
    return table


def _dumps(obj: Any) -> bytes:
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _dispatch_table()
    pickler.dump(obj)
    return buf.getvalue()


# -- the snapshot --------------------------------------------------------------------------------
# snapshot.pickle: MAGIC, the head's length (8 bytes), the pickled head (a dict: key, taken_ns,
# digests, problems…, and the lengths of the blobs), then one pickled blob per group of BLOBS. A load
# reads the head only and keeps the file open: the blobs are read from the same open file when first
# touched, so a snapshot replaced meanwhile (a rename) cannot mix in.
MAGIC = b"unioncore-cache\x01"


def snapshot_key(code: str, scanned: dict[str, Stat]) -> str:
    h = hashlib.blake2b(code.encode(), digest_size=20)
    h.update(pickle.dumps(sorted(scanned.items()), protocol=pickle.HIGHEST_PROTOCOL))
    return h.hexdigest()


class Pending:
    """A started cold load: the scan taken before any file was read, to be stored after it."""

    def __init__(self, root: Path, code: str, scanned: dict[str, Stat], taken_ns: int) -> None:
        self.root = root
        self.code = code
        self.scanned = scanned
        self.taken_ns = taken_ns
        self.key = snapshot_key(code, scanned)


def begin(ws: Workspace) -> Pending:
    taken = time.time_ns()
    return Pending(ws.root, code_fingerprint(ws), scan(ws.root), taken)


def restore(ws: Workspace) -> list[Problem] | None:
    """Fill `ws` from a valid snapshot; returns the problems the load found, or None on a miss."""
    try:
        fh = open(folder(ws.root) / SNAPSHOT, "rb")  # kept open: the blobs are read from it later
    except OSError:
        return None
    try:
        found = _restore(ws, fh)
    except Exception:  # a truncated or foreign cache is a miss, never an error
        found = None
    if found is None:
        fh.close()
    return found


def _restore(ws: Workspace, fh: io.BufferedReader) -> list[Problem] | None:
    if fh.read(len(MAGIC)) != MAGIC:
        return None
    size = int.from_bytes(fh.read(8), "little")
    head = pickle.loads(fh.read(size))
    scanned = scan(ws.root)
    if snapshot_key(code_fingerprint(ws), scanned) != head["key"]:
        return None
    for rel, st in scanned.items():
        if st is not None and st[1] >= head["taken_ns"] - RACY_NS:
            if file_digest((ws.root / rel).read_bytes()) != head["digests"].get(rel):
                return None
    offsets = [len(MAGIC) + 8 + size]
    for n in head["blob_sizes"]:
        offsets.append(offsets[-1] + n)
    if os.fstat(fh.fileno()).st_size != offsets[-1]:
        return None  # cut short (a full disk) or grown: not the file that was written
    config_sf = ws.files.get(layout.CONFIG)
    root = ws.root
    unread = [len(BLOBS)]
    reading = threading.Lock()  # groups may be restored by two threads at once: one file position

    def reader(i: int) -> Callable[[], dict[str, Any]]:
        def read() -> dict[str, Any]:
            n = head["blob_sizes"][i]
            with reading:
                fh.seek(offsets[i])
                data = fh.read(n)
                unread[0] -= 1
                if not unread[0]:
                    fh.close()
            if len(data) != n:  # only if something truncated the very file in place (saves replace it)
                message = "工作区缓存在打开后被截断：请重新打开工作区"
                raise UnioncoreError([Problem(message, file=f"{CACHE_DIR}/{SNAPSHOT}", rule="cache.read")])
            restored: dict[str, Any] = pickle.loads(data)
            if "files" in restored:
                for sf in restored["files"].values():
                    sf.path = root / sf.rel
                if config_sf is not None:
                    restored["files"][layout.CONFIG] = config_sf  # read afresh by this load
            return restored

        return read

    ws.load_problems = head["load_problems"]
    ws.stale_temporaries = [ws.root / rel for rel in scanned if ".tmp-" in rel.rsplit("/", 1)[-1]]
    ws._snapshot_key = head["key"]
    for i, names in enumerate(BLOBS):
        ws._defer(names, reader(i))
    problems: list[Problem] = head["problems"]
    return problems


def store(ws: Workspace, pending: Pending, problems: list[Problem], *, background: bool) -> None:
    """Write the snapshot of a workspace just loaded from its files (never raises)."""
    for rel, sf in ws.files.items():
        st = pending.scanned.get(rel)
        if st is None or (st[0], st[1]) != (sf.size, sf.mtime_ns):
            return  # a file changed while it was being loaded: this load is not a safe snapshot
    ws._snapshot_key = pending.key

    def write() -> None:
        for sf in ws.files.values():
            sf._index = None  # line indexes are rebuilt on demand
        blobs = []
        for names in BLOBS:
            values = {name: getattr(ws, name) for name in names}
            if "files" in values:  # the config is read afresh by every load
                values["files"] = {rel: sf for rel, sf in ws.files.items() if rel != layout.CONFIG}
            blobs.append(_dumps(values))
        racy = pending.taken_ns - RACY_NS
        head = _dumps(
            {
                "key": pending.key,
                "taken_ns": pending.taken_ns,
                # only files that could change again unseen by their stat need their content hash
                "digests": {
                    rel: sf.digest
                    for rel, sf in ws.files.items()
                    if (st := pending.scanned.get(rel)) is not None and st[1] >= racy
                },
                "load_problems": ws.load_problems,
                "problems": problems,
                "blob_sizes": [len(b) for b in blobs],
            }
        )
        _write(ws.root, SNAPSHOT, b"".join((MAGIC, len(head).to_bytes(8, "little"), head, *blobs)))

    if background and hasattr(os, "fork"):
        if _fork_detached():
            return
        try:
            write()
        finally:
            os._exit(0)  # the detached writer ends here, whatever happened
    try:
        write()
    except Exception:  # the cache is an optimisation: failing to write it changes nothing
        pass


def _fork_detached() -> bool:
    """Fork a writer that nobody waits for: True in the caller, False in the writer."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: fork with threads (see below)
        pid = os.fork()
    if pid:
        os.waitpid(pid, 0)  # the middle child exits at once; the writer is adopted by init
        return True
    # the writer only pickles and writes files: it takes no lock another thread could hold
    try:
        if os.fork():
            os._exit(0)
        # it must not hold the caller's terminal or pipes open (a reader would wait for its EOF)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        return False
    except BaseException:
        os._exit(0)


def _write(root: Path, name: str, data: bytes) -> None:
    d = folder(root)
    if not d.is_dir():
        ensure_dir(d)
        os.chmod(d, DIR_MODE)
        atomic_write(d / ".gitignore", b"# unioncore's cache of this workspace: never commit it\n*\n")
    atomic_write(d / name, data)


def refresh_detached(root: Path) -> bool:
    """Start a detached `unioncore check` of `root` that reads every file and writes the snapshot, so
    that the next open of a workspace changed by this program (a TUI session that saved) is fast.
    Returns False when the cache is off or no process could be started; nothing waits for it."""
    if not enabled():
        return False
    import subprocess

    try:
        subprocess.Popen(
            [sys.executable, "-m", "unioncore", "check", str(root)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return False
    return True


# -- results of check() and figures() for an unchanged workspace ---------------------------------
def _results_key(ws: Workspace, extra: object) -> str:
    return f"{ws.as_of.isoformat()}|{extra!r}"


def _results_file(kind: str) -> str:
    return f"{kind}.pickle"


def cached_result(ws: Workspace, kind: str, extra: object = None) -> Any:
    """What `kind` ("check", "figures") gave for this unchanged workspace, on this as_of day."""
    key = ws._snapshot_key
    if key is None or ws.change_count or ws.dirty:
        return None
    try:
        stored = pickle.loads((folder(ws.root) / _results_file(kind)).read_bytes())
    except Exception:  # missing or unreadable: nothing cached
        return None
    if not isinstance(stored, tuple) or len(stored) != 2 or stored[0] != (key, _results_key(ws, extra)):
        return None
    return stored[1]


def keep_result(ws: Workspace, kind: str, value: Any, extra: object = None) -> None:
    """Keep the latest result of `kind` (one per kind: the day or period asked last)."""
    key = ws._snapshot_key
    if key is None or ws.change_count or ws.dirty:
        return
    try:
        _write(ws.root, _results_file(kind), _dumps(((key, _results_key(ws, extra)), value)))
    except Exception:  # see store()
        pass


def period_key(period: Period) -> tuple[datetime.date, datetime.date, str]:
    return (period.start, period.end, period.label)


__all__ = [
    "BODY",
    "CACHE_DIR",
    "Pending",
    "begin",
    "cached_result",
    "enabled",
    "keep_result",
    "refresh_detached",
    "restore",
    "scan",
    "store",
]

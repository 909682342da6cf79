"""Atomic file writes: a temporary file in the same folder, fsync, rename, fsync of the folder.

A reader (or a crash) sees either the old bytes or the new ones, never a mix. Temporary files start
with "." so that a load never mistakes a leftover one for data. New files are created readable by the
owner only (0600, folders 0700): union records hold personal data.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
TMP_MARK = ".tmp-"


def ensure_dir(path: Path) -> None:
    """Create a folder (and its parents) with owner-only permissions."""
    missing = []
    p = path
    while not p.exists():
        missing.append(p)
        p = p.parent
    for d in reversed(missing):
        d.mkdir(mode=DIR_MODE)
        os.chmod(d, DIR_MODE)  # mkdir's mode is filtered by the umask


def atomic_write(path: Path, data: bytes) -> None:
    ensure_dir(path.parent)
    try:
        mode = os.stat(path).st_mode & 0o777
    except FileNotFoundError:
        mode = FILE_MODE
    tmp = path.with_name(f".{path.name}{TMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(path.parent)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def is_temporary(name: str) -> bool:
    return name.startswith(".") and TMP_MARK in name


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - another user's process
        return True
    return True


def remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files left next to `path` by a writer that was killed mid-save."""
    prefix = f".{path.name}{TMP_MARK}"
    try:
        names = os.listdir(path.parent)
    except FileNotFoundError:
        return
    for name in names:
        if not name.startswith(prefix):
            continue
        pid_text = name[len(prefix) :].split("-", 1)[0]
        if pid_text.isdigit() and int(pid_text) != os.getpid() and not _pid_alive(int(pid_text)):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path.parent / name)


@contextlib.contextmanager
def workspace_lock(root: Path) -> Iterator[None]:
    """An exclusive advisory lock (flock) on the workspace folder itself for the length of a save.

    Locking the folder's own descriptor leaves no lock file behind in the user's records.
    """
    ensure_dir(root)
    fd = os.open(root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)

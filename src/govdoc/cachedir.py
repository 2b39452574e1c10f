"""The user's cache folder for data govdoc derives once and reuses across processes.

Derived data (Lark parse tables, per-character script tables) costs more to build than a whole
document costs to parse; a command-line run or a fresh worker process would pay it every time.
It is kept in ``$XDG_CACHE_HOME/govdoc`` (or ``~/.cache/govdoc``), never in the shared
temporary folder, because some of it is pickled. Every reader checks that a cached file still
matches its source and rebuilds it otherwise; without a writable folder nothing is cached.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["cache_folder", "write_atomically"]


def cache_folder() -> Path | None:
    """The folder for cached data, created if needed; None when none is writable."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "govdoc"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return folder if os.access(folder, os.W_OK) else None


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` in one step (a scratch file renamed over it), so that
    processes starting together never read a half-written file. Failures are ignored: the
    cache is an optimisation."""
    import tempfile  # only when a cache file is written: a few ms of imports at start-up

    scratch: str | None = None
    try:
        fd, scratch = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(scratch, target)
    except OSError:
        if scratch is not None:
            Path(scratch).unlink(missing_ok=True)

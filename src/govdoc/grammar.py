"""Loading the Lark grammars of ``govdoc.grammars``, with the analysed parser cached on disk.

Analysing a grammar into LALR tables costs ~100 ms per grammar and process, more than parsing
a whole document; a command-line run or a fresh worker process would pay it every time. Lark
can save the tables and load them in a few milliseconds (its ``cache`` option). The cache
lives in the user's cache folder (see :mod:`govdoc.cachedir`), not in the shared temporary
folder, because it is a pickle. Lark checks a hash of the grammar before
using a cached file and rebuilds it when the grammar changed. When no cache folder can be
written, grammars are simply analysed in memory.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from lark import Lark
from lark import __version__ as lark_version

from .cachedir import cache_folder

__all__ = ["load_grammar"]


def load_grammar(name: str, **options: Any) -> Lark:
    """The LALR parser of ``govdoc.grammars/<name>``, from the disk cache when possible.

    ``options`` go to :class:`lark.Lark` (``parser="lalr"`` is implied; a transformer is
    applied on load, it is not part of the cache).
    """
    folder = cache_folder()
    if folder is None:
        return Lark.open_from_package("govdoc.grammars", name, parser="lalr", **options)
    version = f"{sys.version_info[0]}{sys.version_info[1]}"
    target = folder / f"{Path(name).stem}-lark{lark_version}-py{version}.lalr"
    if target.exists():
        return Lark.open_from_package(
            "govdoc.grammars", name, parser="lalr", cache=str(target), **options
        )
    # First use: Lark writes to a file of this process's own, moved into place in one step,
    # so that worker processes starting together never read a half-written file.
    fd, scratch = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    os.close(fd)
    os.unlink(scratch)  # Lark writes the file itself
    parser = Lark.open_from_package(
        "govdoc.grammars", name, parser="lalr", cache=scratch, **options
    )
    try:
        os.replace(scratch, target)
    except OSError:  # another process won the race, or the folder went away: keep going
        Path(scratch).unlink(missing_ok=True)
    return parser

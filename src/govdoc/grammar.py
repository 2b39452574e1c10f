"""Loading the Lark grammars of ``govdoc.grammars``, with the analysed parser cached on disk.

Analysing a grammar into LALR tables costs ~100 ms per grammar and process, more than parsing
a whole document; a command-line run or a fresh worker process would pay it every time. Lark
can save the tables and load them in a few milliseconds (its ``cache`` option). The cache
lives in the user's cache folder (see :mod:`govdoc.cachedir`), not in the shared temporary
folder, because it is a pickle. The file name holds a digest of what the tables are derived
from (grammar text, options, Lark and Python versions), so that installs of different versions
sharing the folder each keep their own file instead of rewriting one in turn. When no cache
folder can be written, grammars are simply analysed in memory.
"""

from __future__ import annotations

import hashlib
import pkgutil
import sys
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
    target = folder / f"{Path(name).stem}-{_tables_key(name, options)}.lalr"
    # Lark writes the file on first use and reads it afterwards. It keeps a hash of its
    # options, the cache path among them, in the file and rebuilds on a mismatch, so the file
    # must be written under the name it is read from: a file written elsewhere and renamed
    # would be rebuilt once more by the next process. A file half-written by a process
    # starting at the same moment fails to load and is rebuilt, never used.
    return Lark.open_from_package(
        "govdoc.grammars", name, parser="lalr", cache=str(target), **options
    )


def _tables_key(name: str, options: dict[str, Any]) -> str:
    """A digest of everything the parse tables are derived from (the transformer is not)."""
    grammar = pkgutil.get_data("govdoc.grammars", name) or b""
    hashable = sorted((k, repr(v)) for k, v in options.items() if k != "transformer")
    source = repr((hashable, lark_version, sys.version_info[:2])).encode()
    return hashlib.sha256(grammar + b"\0" + source).hexdigest()[:16]

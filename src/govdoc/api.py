"""The entry points: :func:`parse` and :func:`parse_file`.

``parse`` reads top to bottom as the pipeline: decode → repair → lines → grammar (the marker
of each line, inside :func:`~govdoc.lines.split_lines`) → anatomy → build.
"""

from __future__ import annotations

import os
from pathlib import Path

from .anatomy import assign_roles
from .build import Source, build
from .decode import decode
from .errors import InputError
from .formats import Format, parse_rich, sniff_format
from .lines import split_lines
from .nodes import Document
from .repair import repair
from .script import detect_script, to_simplified

__all__ = ["parse", "parse_file"]


def parse(source: str | bytes, *, encoding: str | None = None, format: Format = "auto") -> Document:
    """Parse a document given as text or as bytes of any common encoding.

    ``encoding`` forces the codec for bytes (it is ignored for text). ``format`` is ``text``,
    ``html`` (a web page), ``docx`` (a Word file) or ``auto``: judged by the content (see
    :func:`~govdoc.formats.sniff_format`). HTML and DOCX need the extras ``govdoc[html]`` and
    ``govdoc[docx]`` (:class:`~govdoc.errors.MissingExtraError` names them). Raises
    :class:`~govdoc.errors.DecodeError` for bytes that are not readable text; text never
    raises: what is not recognised becomes paragraphs and diagnostics.
    """
    fmt = sniff_format(source) if format == "auto" else format
    if fmt != "text":
        return parse_rich(source, fmt, encoding)
    text: str
    enc: str
    method: str
    if isinstance(source, bytes):
        decoded = decode(source, encoding)
        text, enc, method = decoded.text, decoded.encoding, decoded.method
    else:
        text, enc, method = source, "utf-8", "text"
    repaired = repair(text)
    script = detect_script(repaired.text)
    lines = split_lines(repaired.text, to_simplified if script != "simplified" else None)
    roles = assign_roles(lines)
    return build(
        Source(repaired.text, enc, method, script, repaired.repairs, repaired.damaged), lines, roles
    )


def parse_file(
    path: str | os.PathLike[str], *, encoding: str | None = None, format: Format = "auto"
) -> Document:
    """Parse the file at ``path`` (bytes of any common encoding or format, see :func:`parse`).

    Raises :class:`~govdoc.errors.InputError` when the path is missing, a directory or
    unreadable.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{p}: is a directory") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    return parse(data, encoding=encoding, format=format)

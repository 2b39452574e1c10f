"""The one exception hierarchy of govdoc.

Body text never raises: an unrecognised line becomes a paragraph and a soft problem becomes a
:class:`~govdoc.nodes.Diagnostic`. Exceptions are for input that cannot be read at all (binary
files, undecodable bytes, a bad encoding name) and for misuse of the API.
"""

from __future__ import annotations

__all__ = [
    "DecodeError",
    "GovdocError",
    "InputError",
    "MissingExtraError",
]


class GovdocError(Exception):
    """Base class of every error govdoc raises.

    ``position`` is a character (or byte, for decoding) offset into the input when the error has
    one; ``context`` is a short excerpt of the input with a caret under that position.
    """

    def __init__(self, message: str, *, position: int | None = None, context: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.context = context

    def __str__(self) -> str:
        where = f" (at offset {self.position})" if self.position is not None else ""
        return f"{self.message}{where}"

    @staticmethod
    def caret(text: str, position: int, width: int = 20) -> str:
        """Two lines: the text around ``position`` and a caret under it."""
        start = max(0, position - width)
        line = text[start : position + width].replace("\n", " ")
        return f"{line}\n{' ' * (position - start)}^"


class DecodeError(GovdocError):
    """Bytes that are not text govdoc can read: binary formats, unknown or wrong encodings."""


class InputError(GovdocError):
    """A path or argument that cannot be used: missing file, directory, unreadable file."""


class MissingExtraError(GovdocError):
    """An input format whose optional extra is not installed; the message names the pip extra."""

"""Bytes to text: UTF-8 when it is, detection when it is not, a clear error when neither works.

Silently decoding Windows-1251 as Latin-1 turns a Ukrainian article into mojibake
that every later stage then "understands"; refusing is better than guessing wrong.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..types import Problem
from .document import IngestError

_SNIFF = 8192


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first block: not a text document."""
    head = data[:_SNIFF]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(head) // 100)


def decode(data: bytes, *, declared: str | None = None) -> tuple[str, list[Problem]]:
    """Decode a document; returns the text and any warning worth keeping in the record."""
    if not data.strip():
        raise IngestError("empty", "empty document", stage="decode")
    if looks_binary(data):
        raise IngestError("binary", "binary content, not a text document", stage="decode")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), []
        except (LookupError, UnicodeDecodeError):
            pass
    best = from_bytes(data[: 4 * 1024 * 1024]).best()
    if best is None or best.encoding is None:
        raise IngestError("encoding", "could not determine the text encoding", stage="decode")
    text = data.decode(best.encoding, errors="replace")
    if text.count("\ufffd") > max(3, len(text) // 200):
        raise IngestError("encoding", f"not valid text in any encoding (best guess {best.encoding})", stage="decode")
    note = Problem(stage="decode", code="encoding-detected", message=f"not UTF-8; decoded as {best.encoding}")
    return text, [note]

"""Plain-text files: decoded by detection; cleanup and headline detection come later."""

from __future__ import annotations

from ..settings import Options
from .decode import decode
from .document import RawDocument


def text_to_document(data: bytes, origin: str, options: Options, *, path: str | None = None) -> RawDocument:
    text, problems = decode(data)
    return RawDocument(origin=origin, text=text, path=path, problems=problems)

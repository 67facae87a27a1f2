"""JSON Lines dumps: one article per line with any of text, html, url, title, published, id.

Lines are streamed so a dump of any size is read in bounded memory; a malformed
line becomes an error for that line only.
"""

from __future__ import annotations

import json
from typing import IO, Iterator

from ..settings import Options
from .document import IngestError, RawDocument
from .html import html_to_document

_TEXT_KEYS = ("text", "body", "content", "articleBody", "maintext")
_DATE_KEYS = ("published", "date", "date_publish", "datePublished", "pubDate")


def read_jsonl(stream: IO[bytes], origin: str, options: Options, *, path: str | None = None) -> Iterator[RawDocument]:
    for number, raw, whole in _lines(stream, options.max_file_bytes):
        where = f"{origin}:{number}"
        if not whole:
            yield _failed(where, path, IngestError("too-large", f"line is over the {options.max_file_bytes}-byte limit"))
            continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw.decode("utf-8", errors="strict").removeprefix("\ufeff"))
        except UnicodeDecodeError:
            yield _failed(where, path, IngestError("encoding", "line is not valid UTF-8 (JSON Lines must be UTF-8)", "decode"))
            continue
        except json.JSONDecodeError as exc:
            yield _failed(where, path, IngestError("malformed-json", f"malformed JSON: {exc.msg} at column {exc.colno}", "parse"))
            continue
        except (ValueError, RecursionError) as exc:  # 5,000-digit numbers, nesting deeper than Python's stack
            reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc).split(";")[0]
            yield _failed(where, path, IngestError("malformed-json", f"unreadable JSON: {reason}", "parse"))
            continue
        if not isinstance(obj, dict):
            yield _failed(where, path, IngestError("malformed-json", "line is not a JSON object", "parse"))
            continue
        yield document_from_object(obj, where, options, path=path)


def _lines(stream: IO[bytes], limit: int) -> Iterator[tuple[int, bytes, bool]]:
    """``(number, line, whole)``; a line longer than ``limit`` is skipped unread (``whole`` False), so one
    endless line cannot take the memory."""
    number = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield number, raw, True
            continue
        while raw and not raw.endswith(b"\n"):  # skip the rest of the line in bounded chunks
            raw = stream.readline(1 << 20)
        yield number, b"", False


def document_from_object(obj: dict, where: str, options: Options, *, path: str | None = None) -> RawDocument:
    """One document from a JSON object (a dump line, an API request); a failure is the document's ``error``."""
    url = _string(obj.get("url") or obj.get("link"))
    text = next((obj[k] for k in _TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
    html = obj.get("html") if isinstance(obj.get("html"), str) else None
    try:
        if text is not None:
            doc = RawDocument(origin=where, text=text, path=path, url=url)
        elif html:
            doc = html_to_document(html, where, options, url=url, path=path)
        else:
            raise IngestError("empty", "no text or html field", "parse")
    except IngestError as exc:
        return _failed(where, path, exc)
    doc.title = _string(obj.get("title")) or doc.title
    doc.published = _string(next((obj[k] for k in _DATE_KEYS if obj.get(k)), None)) or doc.published
    doc.given_id = _string(obj.get("id"))
    doc.outlet = _string(obj.get("outlet") or obj.get("source") or obj.get("sitename")) or doc.outlet
    authors = obj.get("byline") or obj.get("author") or obj.get("authors")
    if isinstance(authors, str):
        doc.byline = [authors]
    elif isinstance(authors, list):
        doc.byline = [a for a in authors if isinstance(a, str)]
    return doc


def _string(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _failed(where: str, path: str | None, error: IngestError) -> RawDocument:
    return RawDocument(origin=where, path=path, error=error.problem())

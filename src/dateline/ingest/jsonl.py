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
    for number, raw in enumerate(stream, start=1):
        where = f"{origin}:{number}"
        if not raw.strip():
            continue
        if len(raw) > options.max_file_bytes:
            yield _failed(where, path, IngestError("too-large", f"line is {len(raw)} bytes, over the {options.max_file_bytes}-byte limit"))
            continue
        try:
            obj = json.loads(raw.decode("utf-8", errors="strict"))
        except UnicodeDecodeError:
            yield _failed(where, path, IngestError("encoding", "line is not valid UTF-8 (JSON Lines must be UTF-8)", "decode"))
            continue
        except json.JSONDecodeError as exc:
            yield _failed(where, path, IngestError("malformed-json", f"malformed JSON: {exc.msg} at column {exc.colno}", "parse"))
            continue
        if not isinstance(obj, dict):
            yield _failed(where, path, IngestError("malformed-json", "line is not a JSON object", "parse"))
            continue
        yield _from_object(obj, where, path, options)


def _from_object(obj: dict, where: str, path: str | None, options: Options) -> RawDocument:
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

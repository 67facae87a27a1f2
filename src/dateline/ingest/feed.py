"""RSS and Atom files through feedparser: one document per entry.

feedparser never raises on a broken feed; it sets ``bozo``. A file with no
entries and a bozo flag is reported as "not a feed" rather than silently empty.
"""

from __future__ import annotations

import re
import time
from typing import Iterator

import feedparser

from ..settings import Options
from .document import IngestError, RawDocument
from .html import markup_to_text


# An internal DTD subset: where XML entities are declared. A feed has no use for one, and entities that expand
# into entities (the "billion laughs") made expat spend a second per feed before it gave up.
_DTD_SUBSET = re.compile(rb"<!DOCTYPE[^\[>]{0,500}\[.*?\]\s*>", re.S | re.I)


def read_feed(data: bytes, origin: str, options: Options, *, path: str | None = None) -> Iterator[RawDocument]:
    data = _DTD_SUBSET.sub(b"", data[:65536]) + data[65536:] if b"<!ENTITY" in data[:65536] else data
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception")
        detail = f": {reason}" if reason else ""
        raise IngestError("not-a-feed", f"not an RSS/Atom feed, or a feed with no entries{detail}", "parse")
    outlet = (parsed.get("feed") or {}).get("title")
    for number, entry in enumerate(entries, start=1):
        where = f"{origin}#entry{number}"
        body = _entry_body(entry)
        text = markup_to_text(body) if "<" in body else body.strip()
        if not text:
            yield RawDocument(origin=where, path=path, url=entry.get("link"),
                              error=IngestError("empty", "feed entry has no content or summary", "parse").problem())
            continue
        author = entry.get("author")
        yield RawDocument(
            origin=where,
            text=text,
            path=path,
            url=entry.get("link"),
            title=entry.get("title") or None,
            byline=[author] if author else [],
            published=_iso_date(entry),
            outlet=outlet,
            extracted=True,
        )


def _entry_body(entry) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value") or "" for c in contents), key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def _iso_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None

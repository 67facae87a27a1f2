"""WARC archives through warcio: every HTML response record is one document.

Records are streamed; each payload is bounded by ``max_file_bytes`` so one huge
response cannot exhaust memory.
"""

from __future__ import annotations

import zlib
from typing import IO, Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..settings import Options
from .decode import decode
from .document import IngestError, RawDocument
from .html import html_to_document


def read_warc(stream: IO[bytes], origin: str, options: Options, *, path: str | None = None) -> Iterator[RawDocument]:
    found = False
    records = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            records += record.rec_type is not None
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            found = True
            url = record.rec_headers.get_header("WARC-Target-URI")
            where = f"{origin}@{url}"
            payload = record.content_stream().read(options.max_file_bytes + 1)
            try:
                if len(payload) > options.max_file_bytes:
                    raise IngestError("too-large", f"response over the {options.max_file_bytes}-byte limit")
                html, problems = decode(payload, declared=_charset(ctype))
                doc = html_to_document(html, where, options, url=url, path=path)
                doc.problems.extend(problems)
                yield doc
            except IngestError as exc:
                yield RawDocument(origin=where, path=path, url=url, error=exc.problem())
    except ArchiveLoadFailed as exc:
        raise IngestError("malformed-warc", f"not a readable WARC/ARC archive: {exc}", "parse") from exc
    except (AttributeError, ValueError, EOFError, zlib.error) as exc:  # warcio on damaged headers (fuzzing found it)
        raise IngestError("malformed-warc", f"damaged WARC record: {type(exc).__name__}: {exc}", "parse") from exc
    if not records:
        raise IngestError("malformed-warc", "not a readable WARC/ARC archive: no records found", "parse")
    if not found:
        raise IngestError("no-article", "WARC archive holds no HTML responses", "parse")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None

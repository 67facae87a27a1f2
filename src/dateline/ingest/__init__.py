"""Readers: any news source in, ``RawDocument`` out, never an exception.

``read_paths`` walks files and folders (``-`` is stdin), picks the reader by
extension or, failing that, by sniffing the first bytes, and turns every failure
into a ``RawDocument`` whose ``error`` names the file and the reason, so one
broken file never stops a batch.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from pathlib import Path
from typing import Iterable, Iterator

from ..settings import Options
from .decode import decode, looks_binary
from .document import IngestError, RawDocument, normalise_url, scrub
from .feed import read_feed
from .html import html_to_document, markup_to_text
from .jsonl import read_jsonl
from .text import text_to_document
from .warc import read_warc

__all__ = ["IngestError", "RawDocument", "iter_files", "read_paths", "read_bytes", "read_data", "sniff_kind", "normalise_url", "markup_to_text"]

_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed", ".feed": "feed",
    ".warc": "warc", ".arc": "warc",
}
KINDS = ("text", "html", "jsonl", "feed", "warc")


def iter_files(paths: Iterable[str]) -> Iterator[str]:
    """Files under each path, folders recursively in a stable order; hidden entries skipped."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield str(Path(root) / name)
        else:
            yield raw


def read_paths(paths: Iterable[str], options: Options, *, kind: str | None = None) -> Iterator[RawDocument]:
    for name in iter_files(paths):
        for doc in read_file(name, options, kind=kind):
            yield scrub(doc)


def read_file(name: str, options: Options, *, kind: str | None = None) -> Iterator[RawDocument]:
    try:
        if name == "-":
            data = sys.stdin.buffer.read(options.max_file_bytes + 1)
            yield from read_data(data, "<stdin>", options, kind=kind)
            return
        path = Path(name)
        if not path.exists():
            raise IngestError("not-found", "no such file")
        if not path.is_file():
            raise IngestError("not-a-file", "not a regular file")
        suffixes = [s.lower() for s in path.suffixes[-2:]]
        compressed = bool(suffixes) and suffixes[-1] == ".gz"
        inner = suffixes[-2] if compressed and len(suffixes) > 1 else (suffixes[-1] if suffixes else "")
        kind = kind or _BY_SUFFIX.get(inner)
        if kind in ("jsonl", "warc"):  # streamed: any size, bounded memory
            opener = gzip.open if compressed and kind == "jsonl" else open
            with opener(path, "rb") as stream:
                yield from _guarded(_stream_reader(kind)(stream, name, options, path=name), name, name)
            return
        size = path.stat().st_size
        if size > options.max_file_bytes:
            raise IngestError("too-large", f"file is {size / 1e6:.1f} MB, over the {options.max_file_bytes / 1e6:.0f} MB limit (see --max-file-bytes)")
        data = path.read_bytes()
        if compressed:
            data = _gunzip(data, options.max_file_bytes)
        yield from _guarded(read_bytes(data, name, options, kind=kind, path=name), name, name)
    except IngestError as exc:
        yield RawDocument(origin=name, path=None if name == "-" else name, error=exc.problem())
    except OSError as exc:
        yield RawDocument(origin=name, path=name, error=IngestError("unreadable", f"cannot read file: {exc.strerror or exc}").problem())


def read_data(data: bytes, origin: str, options: Options, *, kind: str | None = None,
              path: str | None = None) -> Iterator[RawDocument]:
    """Documents from bytes in memory (an upload, stdin, a fuzzer's input), never raising: a failure is a
    document whose ``error`` says why. Gzip is opened and what is inside sniffed (a gzipped WARC stays whole)."""
    try:
        if kind is None and data[:2] == b"\x1f\x8b":
            inner = _gunzip(data, options.max_file_bytes)
            if not inner.lstrip().startswith(b"WARC/"):
                data = inner
        for doc in _guarded(read_bytes(data, origin, options, kind=kind, path=path), origin, path):
            yield scrub(doc)
    except IngestError as exc:
        yield scrub(RawDocument(origin=origin, path=path, error=exc.problem()))


def read_bytes(data: bytes, origin: str, options: Options, *, kind: str | None = None, path: str | None = None) -> Iterator[RawDocument]:
    """Read one in-memory document or container of a known or sniffed kind."""
    if len(data) > options.max_file_bytes:
        raise IngestError("too-large", f"input is over the {options.max_file_bytes / 1e6:.0f} MB limit")
    kind = kind or sniff_kind(data)
    if kind != "warc" and looks_binary(data):
        # random bytes that happen to open with "{" or "<" are no JSON Lines or HTML: one error, not one per line
        raise IngestError("binary", "binary content, not a text document", stage="decode")
    if kind in ("jsonl", "warc"):
        yield from _stream_reader(kind)(io.BytesIO(data), origin, options, path=path)
    elif kind == "feed":
        yield from read_feed(data, origin, options, path=path)
    elif kind == "html":
        html, problems = decode(data, declared=_meta_charset(data))
        doc = html_to_document(html, origin, options, path=path)
        doc.problems[:0] = problems
        yield doc
    else:
        yield text_to_document(data, origin, options, path=path)


def sniff_kind(data: bytes) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/") or data[:2] == b"\x1f\x8b":
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"<?xml") or head.startswith((b"<rss", b"<feed", b"<rdf")):
        return "html" if b"<html" in head else "feed"
    if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<div", b"<p", b"<article")):
        return "html"
    return "text"


def _stream_reader(kind: str):
    return read_jsonl if kind == "jsonl" else read_warc


def _guarded(docs: Iterator[RawDocument], origin: str, path: str | None) -> Iterator[RawDocument]:
    """A reader that fails part-way still yields what it read, then one error document."""
    try:
        yield from docs
    except IngestError as exc:
        yield RawDocument(origin=origin, path=path, error=exc.problem())
    except Exception as exc:  # a library bug on hostile input must not end the batch
        yield RawDocument(origin=origin, path=path, error=IngestError("reader-crash", f"{type(exc).__name__}: {exc}", "parse").problem())


def _gunzip(data: bytes, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError("malformed-gzip", f"corrupt gzip file: {exc}") from exc
    if len(out) > limit:
        raise IngestError("too-large", f"decompressed size over the {limit / 1e6:.0f} MB limit")
    return out


def _meta_charset(data: bytes) -> str | None:
    head = data[:4096].lower()
    at = head.find(b"charset=")
    if at < 0:
        return None
    value = head[at + 8: at + 40].lstrip(b"\"' ")
    end = next((i for i, b in enumerate(value) if chr(b) in "\"'; />"), len(value))
    return value[:end].decode("ascii", errors="ignore") or None

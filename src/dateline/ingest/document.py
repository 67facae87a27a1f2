"""What a reader hands to the rest of the pipeline."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlsplit, urlunsplit

from ..types import Problem


class IngestError(Exception):
    """A document that cannot be read at all; carries the stage and a short code."""

    def __init__(self, code: str, message: str, stage: str = "read"):
        super().__init__(message)
        self.code = code
        self.stage = stage

    def problem(self) -> Problem:
        return Problem(stage=self.stage, code=self.code, message=str(self))


@dataclass
class RawDocument:
    """One article as read from its source, before language detection and NLP.

    ``origin`` names where it came from for error messages: a path, plus the line
    number or WARC offset for container formats.
    """

    origin: str
    text: str = ""
    html: Optional[str] = None
    path: Optional[str] = None
    url: Optional[str] = None
    title: Optional[str] = None
    byline: list[str] = field(default_factory=list)
    published: Optional[str] = None
    outlet: Optional[str] = None
    given_id: Optional[str] = None
    language: Optional[str] = None
    extracted: bool = False  # text already came out of an article extractor (HTML, feed)
    problems: list[Problem] = field(default_factory=list)
    error: Optional[Problem] = None  # plain data: a document crosses process boundaries, an exception may not

    @property
    def ok(self) -> bool:
        return self.error is None

    _id: Optional[str] = None

    @property
    def id(self) -> str:
        """Stable id: the given id, else the normalised URL, else the text as read.

        Frozen at first use (``prepare`` does it before cleanup), so a better
        cleaner in a later release does not give a stored article a new id.
        """
        if self._id is None:
            self._id = self._compute_id()
        return self._id

    def _compute_id(self) -> str:
        if self.given_id:
            return "id-" + _digest(self.given_id)
        if self.url:
            return "url-" + _digest(normalise_url(self.url))
        return "txt-" + _digest(" ".join(self.text.split()))


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:16]


_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|ocid|cmpid|at_[a-z_]+)=", re.I)


def normalise_url(url: str) -> str:
    """The same article under http/https, ``www.``, a fragment or tracking parameters is one id."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # "http://[::1": not a URL we can take apart; it still names the document
        return url.strip()
    host = parts.netloc.lower().removeprefix("www.")
    query = "&".join(p for p in parts.query.split("&") if p and not _TRACKING.match(p))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("", host, path, query, ""))


_SURROGATE = re.compile("[\ud800-\udfff]")
_TEXT_FIELDS = ("origin", "text", "html", "path", "url", "title", "published", "outlet", "given_id")


def scrub(doc: RawDocument) -> RawDocument:
    """Lone surrogates (a JSON "\\ud800" escape) cannot be encoded, hashed or stored: each becomes U+FFFD."""
    for name in _TEXT_FIELDS:
        value = getattr(doc, name)
        if isinstance(value, str) and _SURROGATE.search(value):
            setattr(doc, name, _SURROGATE.sub("\ufffd", value))
    doc.byline = [_SURROGATE.sub("\ufffd", b) for b in doc.byline]
    return doc

"""The public record, assembled from the read document and its annotated ``Doc``."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..ingest.dates import iso_date
from ..ingest.document import RawDocument
from ..ingest.language import paragraph_languages
from ..nlp.context import DocContext
from ..types import LanguageSpan, Record, Source


def context_of(doc: RawDocument) -> DocContext:
    """What the pipeline must know before it reads ``doc``."""
    return DocContext(published=iso_date(doc.published), url=doc.url, outlet=doc.outlet or host(doc.url))


def build_record(doc: RawDocument, spacy_doc) -> Record:
    """The record of ``doc``; its date and outlet are the context set on ``spacy_doc`` before the pipeline ran."""
    ext = spacy_doc._
    return Record(
        id=doc.id,
        text=doc.text,
        source=Source(path=doc.path, url=doc.url, outlet=ext.outlet),
        language=doc.language,
        paragraph_languages=tuple(LanguageSpan(s, e, lang) for s, e, lang in paragraph_languages(doc.text, doc.language)),
        title=doc.title,
        byline=tuple(doc.byline),
        published=ext.published,
        entities=ext.entities or (),
        quotes=ext.quotes or (),
        places=ext.places or (),
        events=ext.events or (),
        errors=tuple(doc.problems),
    )


def host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        netloc = urlsplit(url).netloc
    except ValueError:  # "http://[::1": a malformed URL names no outlet, it does not fail the document
        return None
    return netloc.lower().removeprefix("www.") or None

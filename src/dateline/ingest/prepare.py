"""From a read document to the text the NLP stage sees: cleaned, headlined, sized, labelled.

The record's ``text`` is fixed here, once; every offset produced later indexes into it.
"""

from __future__ import annotations

from ..settings import Options
from ..types import Problem
from . import language as language_id
from .cleanup import clean
from .dates import date_from_url
from .document import IngestError, RawDocument


def prepare(doc: RawDocument, options: Options) -> RawDocument:
    """Clean, title and language-label ``doc`` in place; failures become ``doc.error``."""
    if not doc.ok:
        return doc
    doc.id  # freeze the id on the text as read
    try:
        result = clean(doc.text, title=doc.title, structural=options.clean_text and not doc.extracted)
        doc.title = result.title
        doc.text = result.text
        if len(doc.text.strip()) < options.min_chars:
            raise IngestError("empty", "no article text left after removing site chrome" if result.removed else "empty document", "cleanup")
        if len(doc.text) > options.max_chars:
            doc.text = _truncate(doc.text, options.max_chars)
            doc.problems.append(Problem("cleanup", "truncated", f"text cut to {len(doc.text)} characters (--max-chars {options.max_chars})"))
        if not doc.published:
            doc.published = date_from_url(doc.url)  # "/2022/3/25/…": the date the site put in the path
        doc.language = options.language if options.language != "auto" else language_id.detect(doc.text)
        if doc.language is None:
            doc.problems.append(Problem("language", "unknown-language", "language could not be identified"))
    except IngestError as exc:
        doc.error = exc.problem()
    return doc


def _truncate(text: str, limit: int) -> str:
    cut = text.rfind("\n\n", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip()


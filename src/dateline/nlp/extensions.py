"""Custom ``Doc`` attributes, registered once and idempotently (never ``force=True``)."""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "entities": "tuple[Entity]: people, organizations and groups, one per real-world entity",
    "quotes": "tuple[Quote]: what was said and by whom",
    "places": "tuple[Place]: resolved places with their mentions",
    "events": "tuple[Event]: ACLED-style events with evidence",
    "published": "str | None: the article's publication date (ISO), set before the components run to date events",
    "url": "str | None: where the article was published",
    "outlet": "str | None: who published it",
}


def register_extensions() -> None:
    """Add ``Doc._.entities`` and its siblings unless a previous call already did."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


_TEXT_KEY = "dateline.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, which spaCy rebuilds from every token on each access, read once per document and kept in
    ``doc.user_data`` for the other components (a Doc's text never changes, even when tokens are merged)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> None:
    """Record the text a ``Doc`` was made from, so ``text_of`` need not rebuild it."""
    doc.user_data[_TEXT_KEY] = text

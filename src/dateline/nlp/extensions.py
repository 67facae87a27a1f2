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

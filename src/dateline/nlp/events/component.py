"""The ``dateline_events`` spaCy component: sets ``Doc._.events``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..places.gazetteer import open_gazetteer
from .extractor import EventFinder


class EventExtractor:
    """ACLED-style events; see ``extractor`` for the method.

    Needs ``dateline_places`` before it (events happen at resolved places) and
    uses ``Doc._.published`` (ISO date) when set to date "on Wednesday".
    """

    def __init__(self, nlp: Language, name: str, gazetteer_path: str | None, classifier: bool = True):
        register_extensions()
        self.name = name
        self.finder = EventFinder(nlp.make_doc, open_gazetteer(gazetteer_path), use_classifier=classifier)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.finder.find(doc, doc._.places or (), doc._.entities or (), doc._.published)
        return doc


@Language.factory("dateline_events", assigns=["doc._.events"],
                  default_config={"gazetteer_path": None, "classifier": True})
def make_events(nlp: Language, name: str, gazetteer_path: str | None, classifier: bool) -> EventExtractor:
    """Create the event extractor (``gazetteer_path``: the place index, for country names and demonyms;
    ``classifier``: let the sentence-embedding classifier read texts in which the patterns find no event)."""
    return EventExtractor(nlp, name, gazetteer_path, classifier)

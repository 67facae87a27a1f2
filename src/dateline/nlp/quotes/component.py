"""The ``dateline_quotes`` spaCy component: sets ``Doc._.quotes``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from .extractor import find_quotes


class QuoteExtractor:
    """Direct, partial and reported quotes with speakers; see ``extractor`` for the method.

    Put it after ``dateline_entities`` to get speakers linked to entity ids and
    pronouns resolved; on its own it still finds quotes and speaker phrases.
    """

    def __init__(self, nlp: Language, name: str, language: str | None):
        register_extensions()
        self.name = name
        self.language = language or nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, self.language)
        return doc


@Language.factory(
    "dateline_quotes",
    assigns=["doc._.quotes"],
    default_config={"language": None},
)
def make_quotes(nlp: Language, name: str, language: str | None) -> QuoteExtractor:
    """Create the quote extractor (``language``: which cue list to use; default the pipeline's)."""
    return QuoteExtractor(nlp, name, language)

"""The ``dateline_places`` spaCy component: sets ``Doc._.places``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from .extractor import PlaceFinder
from .gazetteer import open_gazetteer


class PlaceExtractor:
    """Geoparser: place mentions resolved to GeoNames entries; see ``extractor`` for the method.

    After ``dateline_entities`` it also keeps places out of people's and
    organizations' names; on its own it uses the NER labels only.
    """

    def __init__(self, nlp: Language, name: str, gazetteer_path: str | None):
        register_extensions()
        self.name = name
        self.finder = PlaceFinder(open_gazetteer(gazetteer_path), _common_words(nlp))

    def __call__(self, doc: Doc) -> Doc:
        entities = doc._.entities if Doc.has_extension("entities") else None
        doc._.places = self.finder.find(doc, entities or ())
        if entities:
            doc._.entities = _without_places(entities, doc._.places)
        return doc


def _without_places(entities, places):
    """Entities every mention of which was resolved as a place are that place, not a name."""
    spans = {(m.start, m.end) for p in places if p.geonames_id or p.lat is not None for m in p.mentions}

    def is_place(e) -> bool:
        # An "organization" or a "person" every mention of which is a resolved place ("Donbass", "Nagorno Karabakh",
        # "a tent in Khan Younis"; the geoparser keeps a multi-word name the model read as a person only when it is
        # a big place)
        return e.type in ("ORG", "PERSON") and all((m.start, m.end) in spans for m in e.mentions)

    return tuple(e for e in entities if not is_place(e))


def _common_words(nlp: Language):
    """A test for ordinary dictionary words, from the lemmatizer's WordNet index when the pipeline has one."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return None
    index = lookups.get_table("lemma_index")
    words = set()
    for pos in ("noun", "verb", "adj", "adv"):
        words.update(index.get(pos, []))
    return words.__contains__


@Language.factory(
    "dateline_places",
    assigns=["doc._.places"],
    default_config={"gazetteer_path": None},
)
def make_places(nlp: Language, name: str, gazetteer_path: str | None) -> PlaceExtractor:
    """Create the geoparser (``gazetteer_path``: the index file; default the user cache, built on first use)."""
    return PlaceExtractor(nlp, name, gazetteer_path)

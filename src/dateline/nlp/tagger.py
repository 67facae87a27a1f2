"""Part-of-speech tags and lemmas for languages spaCy has no pinned model for, from HanTa.

PyPI has no spaCy 3.8 pipeline for German (the ``de-core-news-*`` there are empty
999.9.9 placeholders); the Hanover Tagger (``hanta``, LGPL) ships a German model
trained on TIGER inside its wheel. Its STTS tags are mapped to Universal POS so the
quote finder reads German phrases with the same tests as English and French ones
("a determiner, adjectives and nouns make a speaker phrase; one after a
preposition does not"). There is no parse: ``Doc.has_annotation("DEP")`` stays
false and the extractors keep their unparsed paths.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

# A run-on "sentence" (a list, a table) is tagged in pieces of this many words.
_MAX_WORDS = 200
# The HanTa model file of each language it ships a model for.
HANTA_MODELS = {"de": "morphmodel_ger.pgz"}

# STTS (TIGER) tag, as HanTa writes it at tag level 1, -> Universal POS.
STTS_TO_UPOS = {
    "NN": "NOUN", "NNA": "NOUN", "NNI": "NOUN", "NE": "PROPN",
    "ART": "DET", "PIAT": "DET", "PDAT": "DET", "PPOSAT": "DET", "PRELAT": "DET", "PWAT": "DET", "PIDAT": "DET",
    "PPER": "PRON", "PRF": "PRON", "PIS": "PRON", "PDS": "PRON", "PRELS": "PRON", "PWS": "PRON", "PPOSS": "PRON",
    "APPR": "ADP", "APPRART": "ADP", "APPO": "ADP", "APZR": "ADP",
    "ADJ(A)": "ADJ", "ADJ(D)": "ADJ", "ADJA": "ADJ", "ADJD": "ADJ",
    "ADV": "ADV", "PROAV": "ADV", "PWAV": "ADV",
    "KON": "CCONJ", "KOKOM": "CCONJ", "KOUS": "SCONJ", "KOUI": "SCONJ",
    "PTKNEG": "PART", "PTKZU": "PART", "PTKVZ": "PART", "PTKA": "PART", "PTKANT": "PART",
    "CARD": "NUM", "ITJ": "INTJ", "FM": "X", "XY": "X", "TRUNC": "X",
    "$.": "PUNCT", "$,": "PUNCT", "$(": "PUNCT",
}


# Set to "0" to run a tagged language on words alone (``dateline eval quotes --german --words-only`` measures
# the Ukrainian and Arabic path on German gold that way).
TAGGER_SWITCH = "DATELINE_TAGGER"


def available(language: str) -> bool:
    return (language in HANTA_MODELS and importlib.util.find_spec("HanTa") is not None
            and os.environ.get(TAGGER_SWITCH, "1") != "0")


@lru_cache(maxsize=None)
def _hanta(language: str):
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger(HANTA_MODELS[language])


def upos(stts: str) -> str:
    if stts in STTS_TO_UPOS:
        return STTS_TO_UPOS[stts]
    if stts.startswith("VV"):
        return "VERB"
    if stts.startswith(("VA", "VM")):
        return "AUX"
    return "X"


class HanTaTagger:
    """Sets ``tag_`` (STTS), ``pos_`` (UPOS) and ``lemma_`` on every word, one sentence at a time."""

    def __init__(self, language: str):
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        tagger = _hanta(self.language)
        sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
        for sentence in sentences:
            words = [t for t in sentence if not t.is_space]
            tags = [tag for k in range(0, len(words), _MAX_WORDS)
                    for tag in tagger.tag_sent([t.text for t in words[k:k + _MAX_WORDS]], taglevel=1)]
            for k, (token, (_, lemma, tag)) in enumerate(zip(words, tags)):
                if tag.startswith("V") and _capitalised_inside(words, k):
                    tag, lemma = "NE", token.text  # German writes no verb with a capital inside a sentence: "Beate Merk"
                token.tag_ = tag
                token.pos_ = "PUNCT" if token.is_punct else upos(tag)
                token.lemma_ = lemma if token.pos_ in ("VERB", "AUX", "NOUN", "ADJ") else token.lower_
        for token in doc:
            if token.is_space:
                token.pos_ = "SPACE"
        return doc


def _capitalised_inside(words, k: int) -> bool:
    """A capitalised word that is not the first of its sentence or of a quotation, a colon's clause or brackets."""
    token = words[k]
    return k > 0 and token.text[:1].isupper() and not token.is_upper and words[k - 1].text not in _OPENERS


_OPENERS = frozenset({"„", '"', "“", "«", "»", "‚", "‘", "'", ":", "(", "–", "—", "-"})


@Language.factory("dateline_tagger", default_config={"language": "de"})
def make_tagger(nlp: Language, name: str, language: str) -> HanTaTagger:
    return HanTaTagger(language)

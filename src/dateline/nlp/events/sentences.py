"""Sentences as the event finder reads them: split at line breaks, lower-cased, and placed in time."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from .lexicon import BACKGROUND_YEAR


def lower(sentence: str) -> str:
    return " ".join(sentence.lower().split())


def split_sentences(doc: Doc):
    """spaCy's sentences, split again at line breaks (a headline is not the first line of the body), and joined
    again where the parser cut a sentence with no final stop ("Des hommes armés ont attaqué lundi | un poste…")."""
    start = 0
    for sent in doc.sents:
        for token in sent:
            if "\n" in token.text or "\n" in token.whitespace_:
                end = token.i + (0 if "\n" in token.text else 1)
                if end > start and any(not t.is_space for t in doc[start:end]):
                    yield doc[start:end]
                start = token.i + 1
        last = next((t for t in reversed(doc[start:sent.end]) if not t.is_space), None)
        if last is None:
            start = sent.end
        elif last.text[-1] in _FINAL or sent.end == len(doc):
            yield doc[start:sent.end]
            start = sent.end
    if start < len(doc) and any(not t.is_space for t in doc[start:]):
        yield doc[start:]


_FINAL = frozenset(".!?…:;\"”»’')")


def report_year(text: str, published: str | None) -> int:
    """The report's year: its publication date's, else the latest year it mentions, else this year."""
    if published:
        return int(published[:4])
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text)]
    return max(years) if years else date.today().year


_WAR_BEGAN = re.compile(r"\b(?:war|conflict|civil war|insurgency|uprising|crisis|invasion|fighting)\s+(?:\w+\s+)?"
                        r"(?:began|broke out|erupted|started)\b[^.]{0,40}\b(?:in|on|when)\b", re.I)


def told_as_history(sentence: str, latest_year: int | None) -> bool:
    """Told as history: "since 1964", "in early 2012", or a year before the report's."""
    if re.search(r"\bsince (?:the )?(?:19|20)\d\ds?\b|\b(?:in|by) (?:early|late|mid-?) ?(?:19|20)\d\d\b|"
                 r"\bin the (?:19|20)\d0s\b|\ba series of (?:recent |deadly )?(?:attacks|strikes|bombings|raids)\b|"
                 r"\b(?:last|the previous|the past) year\b|\b(?:a year|years|decades) ago\b",
                 sentence):
        return True  # history, or a run of past attacks summed up
    if _WAR_BEGAN.search(sentence):
        return True  # "The war began in April 2023, when…": the background paragraph of a war story
    if latest_year is None:
        return False
    return any(int(y) < latest_year for y in BACKGROUND_YEAR.findall(sentence))

"""What place recognition and resolution share: the candidate record, word lists and name tests."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz
from spacy.attrs import IDX, IS_ALPHA, IS_TITLE, LENGTH
from spacy.tokens import Span

from ...ingest.cleanup import DATELINE_LEAD

from ..extensions import text_of
from .gazetteer import GeoPlace, fold

NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words after a name that ask for an administrative area ("the Donetsk region").
REGION_CUES = frozenset("""region oblast province state county district governorate prefecture canton department
    raion rayon krai oblast's région département provinz bundesland""".split())
_LEADING = re.compile(r"^(?:the|la|le|les|l'|l’)\s+", re.I)
_TRAILING = re.compile(r"(?:’s|'s)$")
# Case endings of Ukrainian and Russian place names ("Харкова", "Белгороде"), longest first.
_SLAVIC_ENDINGS = ("ами", "ому", "ого", "ах", "ях", "ою", "ею", "ом", "ем", "ів", "ов", "ев", "і", "ї", "ы", "е", "у", "ю", "а", "я", "и")
_MAJOR_POPULATION = 1_000_000
# Adjectives countryinfo does not list as a country's demonym, or that name a region or continent.
_CONTINENT_DEMONYMS = {"european": "Europe", "african": "Africa", "asian": "Asia", "north american": "North America",
                       "south american": "South America", "latin american": "South America", "oceanian": "Oceania",
                       "english": "England", "scottish": "Scotland", "welsh": "Wales", "kurdish": "Kurdistan",
                       "korean": "South Korea", "philippine": "Philippines", "filipino": "Philippines"}
# One-word "places" the NER finds that are generic geographic or institutional words.
_GENERIC = frozenset("""centre center west east north south western eastern northern southern gulf coast valley
    city state capital mainland midwest continent island islands harbour harbor bay river park square
    mansion hall court office headquarters""".split())
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december""".split())



def _major(place) -> bool:
    """A country, continent, first-level region or city of 100,000: a name that stays a place whatever the NER says."""
    return (place.feature in ("country", "continent") or place.population >= 100_000
            or (place.feature == "region" and place.level == 1))


def _big(place) -> bool:
    """A major place, a sea, or one of our curated entries ("Donbas", front-line villages)."""
    return _major(place) or place.feature == "water" or place.curated

@dataclass
class Candidate:
    start: int  # characters
    end: int
    text: str
    source: str  # "ner" | "gazetteer" | "given"
    cue_region: bool = False
    options: tuple[GeoPlace, ...] = ()
    choice: GeoPlace | None = None
    scores: list[float] = field(default_factory=list)
    inferred: bool = False  # resolved through a name inside it or the article's main town
    embedded: bool = False  # inside an organization's name: not evidence of where the story is
    cue_level: int = 0  # 2 when a list ends in "counties" or "districts", 1 in "states", "regions"…
    within: "Candidate | None" = None  # the state or country written after it: "Gainesville, Va."
    cue_town: bool = False  # "the city of Kherson": the town, not the oblast named after it


_NAME_FORMS = ((r"^st\.? ", "saint "), (r"^ste\.? ", "sainte "), (r"^ft\.? ", "fort "), (r"^mt\.? ", "mount "),
               (r" city$", ""))


def _same_name(a: str, b: str) -> bool:
    """"New York City" is "New York", "St. Petersburg" is "Saint Petersburg"."""
    def norm(text: str) -> str:
        text = fold(text)
        for pattern, repl in _NAME_FORMS:
            text = re.sub(pattern, repl, text)
        return text
    return norm(a) == norm(b)


def _short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _trusted(options: tuple[GeoPlace, ...], text: str, *, spellings: bool = True) -> tuple[GeoPlace, ...]:
    """A town only by its own name or a curated one, not any GeoNames alias; other features as they are.

    With ``spellings`` a transliteration of the town's own name passes too ("Bakhmout" for Bakhmut), while
    an unrelated alias does not (a brand that a town once took as a nickname).
    """
    if not _latin(text):
        return options  # names in other scripts are GeoNames' real transliterations ("Белгород")
    key = fold(text)
    return tuple(o for o in options if o.feature not in ("city", "town", "village") or o.curated
                 or _same_name(o.name, text) or (spellings and fuzz.ratio(fold(o.name), key) >= 80))


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 for ch in text if ch.isalpha())


def _inside_longer_name(span: Span) -> bool:
    """Capitalised words run on before or after the span (not at a sentence start, not joined by "of")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    def name_word(t) -> bool:
        return t is not None and t.is_alpha and t.is_title and not t.is_sent_start and "\n" not in t.whitespace_
    return (name_word(before) and not span[0].is_sent_start and "\n" not in before.whitespace_) or (
        name_word(after) and "\n" not in span[-1].whitespace_)


# "BANGKOK:", "Margao (Goa) [India]:", "lucknow:" (a lower-cased wire text).
_COLON_DATELINE = re.compile(r"^[A-Za-z][A-Za-z .'-]{1,30}(?:\s*\([^)]{1,30}\))?(?:\s*\[[^\]]{1,30}\])?:\s")


def in_dateline(doc, start_char: int, end_char: int, text: str | None = None) -> bool:
    """Whether characters ``start_char:end_char`` name the place of a lead paragraph's dateline ("KYIV, Ukraine
    (AP) —", "BANGKOK:", "SAN SALVADOR, 3 JAN 90 --"): where the story was filed, not where it happened."""
    text = doc.text if text is None else text  # (Doc.text joins every token: pass it when asking often)
    line_start = text.rfind("\n", 0, start_char) + 1
    head = text[line_start:end_char + 60]
    if start_char - line_start > 60:
        return False  # a dateline opens its line
    lead = DATELINE_LEAD.match(head) or _COLON_DATELINE.match(head)
    if lead and lead.end() > end_char - line_start:
        return True
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    return span is not None and len(span) > 0 and all(t.is_upper or not t.is_alpha for t in span) and _dateline(span)


def _dateline(span: Span) -> bool:
    """Upper-case names opening a paragraph ("KYIV, UKRAINE —", "BANGKOK:"): a wire dateline."""
    doc = span.doc
    k = span.start
    while k > 0 and "\n" not in doc[k - 1].whitespace_ and "\n" not in doc[k - 1].text:
        k -= 1
        if not (doc[k].is_upper or doc[k].is_punct) or span.start - k > 6:
            return False
    nxt = doc[span.end].text if span.end < len(doc) else ""
    return nxt in (":", ",", "—", "–", "-", "(", ".")


def _title_case_line(span: Span) -> bool:
    """Whether the span sits in a headline-style line where every word is capitalised."""
    lines = _lines(span.doc)
    start, end = lines.start[span.start], lines.end[span.end]
    words = lines.words[end] - lines.words[start]
    return words >= 4 and (lines.titles[end] - lines.titles[start]) / words > 0.8


@dataclass(frozen=True)
class _Lines:
    """Per token: where its line starts and ends, and running counts of long words and title-case ones, so a
    line test costs O(1) however long the line (a 160,000-character paragraph made it quadratic)."""

    start: list[int]
    end: list[int]
    words: list[int]
    titles: list[int]


def _lines(doc) -> _Lines:
    cached = doc.user_data.get("dateline.lines")
    if cached is not None and len(cached.words) == len(doc) + 1:
        return cached
    n = len(doc)
    attrs = doc.to_array([IDX, LENGTH, IS_ALPHA, IS_TITLE]).reshape(n, 4) if n else np.zeros((0, 4), dtype=np.uint64)
    starts, lengths = attrs[:, 0].astype(np.int64), attrs[:, 1].astype(np.int64)
    # A token "breaks" its line when a newline is in its text or in the space after it; a newline token
    # itself holds one in its text.
    newlines = np.array([m.start() for m in re.finditer("\n", text_of(doc))], dtype=np.int64)
    owner = np.searchsorted(starts, newlines, side="right") - 1
    breaks = np.zeros(n, dtype=bool)
    in_text = np.zeros(n, dtype=bool)
    valid = owner >= 0
    breaks[owner[valid]] = True
    inside = valid & (newlines < starts[np.maximum(owner, 0)] + lengths[np.maximum(owner, 0)])
    in_text[owner[inside]] = True
    in_space = breaks & ~in_text | (breaks & _space_newline(doc, breaks, in_text))
    start = [0] * (n + 1)
    for i in range(1, n + 1):
        start[i] = i if breaks[i - 1] else start[i - 1]
    end = [n] * (n + 1)  # end[e]: from an exclusive end e, where the line stops
    for e in range(n - 1, 0, -1):
        end[e] = e if in_space[e - 1] or in_text[e] else end[e + 1]
    if n:
        end[0] = 0 if in_text[0] else end[1] if n > 1 else n
    long_word = (attrs[:, 2] == 1) & (lengths > 3)
    words = [0] + np.cumsum(long_word).tolist()
    titles = [0] + np.cumsum(long_word & (attrs[:, 3] == 1)).tolist()
    lines = _Lines(start, end, words, titles)
    doc.user_data["dateline.lines"] = lines
    return lines


def _space_newline(doc, breaks, in_text) -> np.ndarray:
    """Tokens whose text holds a newline and whose trailing space holds one too (rare: checked one by one)."""
    both = np.zeros(len(breaks), dtype=bool)
    for i in np.flatnonzero(breaks & in_text):
        both[i] = "\n" in doc[int(i)].whitespace_
    return both

"""Find place mentions and resolve each to one gazetteer entry, using the whole article as context.

Recognition unites two sources:

* the statistical NER (GPE, LOC, FAC; LOC and GPE in French), minus demonyms
  ("Ukrainian") and names inside a longer organization or person ("Donetsk
  Regional Military Administration", "George Washington");
* gazetteer matches the model missed: capitalised names mid-sentence that are not
  common English words ("Bakhmout", "Donbass"), the same strings anywhere once
  accepted, and lower-case names of major places ("kyiv").

Resolution scores every candidate with the same name: prominence (population,
countries and capitals first), a cue word after the mention ("region",
"oblast") that asks for an administrative area, the article's dominant country,
the admin-1 regions it names, and distance to the other places it mentions. Two
passes: the first picks by prominence, the second rescoring with the first
pass's picks as context.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc

from ..extensions import text_of
from ...types import Mention, Place
from .common import Candidate, _latin, _same_name, _short_hash, _trusted
from .gazetteer import GeoPlace, Gazetteer, distance_km, fold
from .recognition import Recognition


class PlaceFinder(Recognition):
    """Recognition and resolution over one gazetteer; one instance serves many documents."""

    def __init__(self, gazetteer: Gazetteer, common_words=None):
        self.gazetteer = gazetteer
        self.common_words = common_words or (lambda word: False)

    # -- public --------------------------------------------------------------------------------------

    def find(self, doc: Doc, entities=()) -> tuple[Place, ...]:
        candidates = self.recognise(doc, entities)
        self.resolve(doc, candidates)
        return self.places(candidates)

    def resolve_spans(self, doc: Doc, spans: list[tuple[int, int]], entities=()) -> list[GeoPlace | None]:
        """Resolve given character spans (gold toponyms), with the recognised places as extra context."""
        self._text = text_of(doc)
        given = [self._candidate(doc, s, e, "given") for s, e in spans]
        recognised = self.recognise(doc, entities)
        # A given name inside an organization's ("the Washington Post") says nothing of where the story is.
        for g in given:
            g.embedded = not any(c.start <= g.start and g.end <= c.end for c in recognised) and any(
                bs <= g.start and g.end <= be and (bs, be) != (g.start, g.end) for bs, be in self._blocked)
        context = [c for c in recognised if not any(c.start < g.end and g.start < c.end for g in given)]
        self.resolve(doc, given + context)
        return [g.choice for g in given]

    # -- resolution ----------------------------------------------------------------------------------

    def resolve(self, doc: Doc, candidates: list[Candidate]) -> None:
        _link_qualifiers(candidates, self._text)
        for c in candidates:
            c.choice = max(c.options, key=lambda o: self._score(o, c, None), default=None)
        context = _Context.of(candidates, self.gazetteer, self._text)
        for c in candidates:
            if not c.options and c.source == "ner" and " " not in c.text.strip():
                c.source = "dropped"  # one unknown word the NER called a place: a surname or a brand, more often
                continue
            if not c.options and c.source != "gazetteer":
                c.options, c.inferred = self._inside_or_focus(c, candidates, context.country)
            if not c.options:
                continue
            scored = sorted(((self._score(o, c, context), o) for o in c.options), key=lambda t: -t[0])
            c.choice = scored[0][1]
            c.scores = [s for s, _ in scored[:2]]
            if (c.source != "given" and context.country and _alias_only(c.choice, c)
                    and c.choice.country_code not in context.countries and c.choice in self.gazetteer.lookup(c.text)):
                # "near Boni" in a Malian story is a village the gazetteer lacks, not Bonn (once "Bonna"): a
                # town under another of its names, far from every country the story is about, is not it (a
                # name the caller knows to be a place keeps its best reading)
                c.choice, c.scores = None, []

    def _score(self, place: GeoPlace, cand: Candidate, context: "_Context | None") -> float:
        score = _prominence(place)
        if cand.cue_region:
            score += 4.0 if place.feature == "region" else -1.0
            if cand.cue_level and place.feature == "region":
                score += 3.0 if place.level == cand.cue_level else 0.0
        elif (place.feature in ("city", "town", "village") and place.population >= 20_000 and _same_name(place.name, cand.text)
              and not _other_state(place, cand)):
            score += 1.5  # "Kharkiv" alone is the city, not the oblast named after it (but "Wyoming" is the state)
        if place.curated:
            score += 5.0 if place.feature == "other" else 1.0  # a landmark we list is what the news means by it
        elif place.feature in ("city", "town", "village") and _latin(cand.text) and not _same_name(place.name, cand.text):
            score -= 1.5  # a city found under another of its names (old, foreign or odd GeoNames aliases)
        if cand.source == "given" and place.feature in ("country", "continent") and self.gazetteer.demonym_countries(cand.text):
            score += 3.0
        if cand.cue_town:
            score += 4.0 if place.feature in ("city", "town", "village") else -1.0
        if _qualified(place, cand):
            score += 6.0  # "Gainesville, Va.", "Paris, Texas", "Delft, South Africa": the writer said which
        if context is None:
            return score
        if place.country_code and place.country_code == context.country:
            score += 3.0
            if place.feature == "region" and place.level == 1 and any(
                    o.feature == "country" and o.country_code != context.country for o in cand.options):
                score += 3.0  # "Georgia" in an American story is the state, in a Ukrainian one the country
        elif place.country_code and place.country_code in context.countries:
            score += 1.5
        if place.admin1_code and (place.country_code, place.admin1_code) in context.admin1 and place.level != 1:
            score += 1.5
        near = context.nearness(place, cand)
        score += 2.0 * near
        return score

    # -- output --------------------------------------------------------------------------------------

    def places(self, candidates: list[Candidate]) -> tuple[Place, ...]:
        groups: dict[object, list[Candidate]] = defaultdict(list)
        for c in candidates:
            key = ("inferred", fold(c.text)) if c.inferred else c.choice.id if c.choice else ("unresolved", fold(c.text))
            groups[key].append(c)
        out = []
        for key, cands in groups.items():
            first = cands[0]
            g = first.choice
            mentions = tuple(Mention(c.start, c.end, c.text) for c in cands)
            if g is None:
                if first.source != "ner":
                    continue  # gazetteer names that did not resolve, and dropped one-word NER guesses
                out.append(Place(id=f"place-x{_short_hash(fold(first.text))}", name=first.text, feature="other",
                                 confidence=0.2, mentions=mentions))
                continue
            if first.inferred:
                # Located through the town it names or the article's main town: "near" that town (ACLED 2).
                out.append(Place(id=f"place-x{_short_hash(fold(first.text))}", name=first.text, lat=round(g.lat, 5),
                                 lon=round(g.lon, 5), country_code=g.country_code, admin1=g.admin1, feature="other",
                                 geo_precision=2 if g.feature in ("city", "town", "village") else 3, confidence=0.3,
                                 mentions=mentions))
                continue
            out.append(resolved_place(g, mentions, _confidence(cands)))
        out.sort(key=lambda p: p.mentions[0].start)
        return tuple(out)


@dataclass
class _Context:
    country: str | None
    countries: set[str]
    admin1: set[tuple[str, str]]
    points: list[tuple[str, float, float]]  # (folded name, lat, lon) of confident picks

    @classmethod
    def of(cls, candidates: list[Candidate], gazetteer: Gazetteer, text: str) -> "_Context":
        votes: Counter = Counter()
        admin1 = set()
        points = []
        for c in candidates:
            g = c.choice
            if g is None or c.embedded:
                continue
            weight = 2.0 if g.feature == "country" else 0.0 if _alias_only(g, c) else 1.0
            if g.country_code and not _country_or_state(c):
                votes[g.country_code] += weight
            if g.feature == "region" and g.level == 1 and g.admin1_code:
                admin1.add((g.country_code, g.admin1_code))
            if g.feature not in ("country", "continent", "water") and len(c.options) <= 3:
                points.append((fold(c.text), g.lat, g.lon))
        for word in re.findall(r"\b[A-Z][a-z]+(?:ian|ese|ish|i|an)\b", text):
            for code in gazetteer.demonym_countries(word):
                votes[code] += 0.5
        country = votes.most_common(1)[0][0] if votes else None
        return cls(country, {c for c, v in votes.items() if v >= 1}, admin1, points)

    def nearness(self, place: GeoPlace, cand: Candidate) -> float:
        if place.feature in ("country", "continent", "water") or not self.points:
            return 0.0
        # Other names only: another mention of the same name is no evidence for its own reading.
        key = fold(cand.text)
        others = [(lat, lon) for name, lat, lon in self.points if name != key]
        if not others:
            return 0.0
        closest = min(distance_km(place.lat, place.lon, lat, lon) for lat, lon in others)
        return math.exp(-closest / 250.0)


_QUALIFIER_GAP = re.compile(r"\s*,\s*")
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s*")


def _link_qualifiers(candidates: list[Candidate], text: str) -> None:
    """Link each name to a state or country written right after it with a comma ("Gainesville, Va.")."""
    ordered = sorted(candidates, key=lambda c: c.start)
    listed = [False] + [bool(a.options and b.options and _LIST_GAP.fullmatch(text[a.end:b.start]))
                        for a, b in zip(ordered, ordered[1:])] + [False]
    for i, (c, d) in enumerate(zip(ordered, ordered[1:])):
        # Not inside a list of places ("Bakhmut, Avdiivka, Donetsk"), where the last name qualifies nothing.
        if listed[i] or listed[i + 2] or not _QUALIFIER_GAP.fullmatch(text[c.end:d.start]):
            continue
        if any(_contains(r) for r in d.options):
            c.within = d


def _alias_only(place: GeoPlace, cand: Candidate) -> bool:
    """A town the mention names by an alias only: neither its own name, a spelling of it, nor one we curated."""
    return (place.feature in ("city", "town", "village") and not place.curated and _latin(cand.text)
            and not _trusted((place,), cand.text))


def _contains(place: GeoPlace) -> bool:
    return place.feature == "country" or (place.feature == "region" and place.level == 1)


def _qualified(place: GeoPlace, cand: Candidate) -> bool:
    """Whether the place lies in one reading of the state or country written after its name."""
    if cand.within is None or place.feature in ("country", "continent", "water"):
        return False
    return any(r.country_code == place.country_code and (r.feature == "country" or r.admin1_code == place.admin1_code)
               for r in cand.within.options if _contains(r))


def _country_or_state(cand: Candidate) -> bool:
    """A name that is both a country and another country's state ("Georgia"): no evidence of the article's country."""
    countries = {o.country_code for o in cand.options if o.feature == "country"}
    return bool(countries) and any(o.feature == "region" and o.level == 1 and o.country_code not in countries
                                   for o in cand.options)


def _other_state(town: GeoPlace, cand: Candidate) -> bool:
    """Whether the name is also a first-level region the town is not in: an oblast named after its capital
    contains it; the state of Wyoming does not contain Wyoming, Michigan."""
    return any(o.feature == "region" and o.level == 1 and (o.country_code, o.admin1_code) != (town.country_code, town.admin1_code)
               for o in cand.options)


def _prominence(place: GeoPlace) -> float:
    score = math.log10(max(place.population, 0) + 10)
    score += {"continent": 5.0, "country": 5.0, "water": 6.0, "region": 0.5 if place.level == 1 else -1.0}.get(place.feature, 0.0)
    if place.capital:
        score += 1.5
    return score


def resolved_place(g: GeoPlace, mentions: tuple[Mention, ...] = (), confidence: float = 0.0) -> Place:
    """The record of a gazetteer entry."""
    return Place(id=f"place-{g.id}" if g.id > 0 else f"place-s{-g.id}", name=g.name,
                 geonames_id=g.id if g.id > 0 else None, lat=round(g.lat, 5), lon=round(g.lon, 5),
                 country_code=g.country_code, admin1=g.admin1, feature=g.feature, geo_precision=_precision(g),
                 confidence=confidence, mentions=mentions)


def _precision(place: GeoPlace) -> int:
    """ACLED geo-precision: 1 a town, 2 part of a region (admin-2), 3 a region, country or larger."""
    if place.feature in ("city", "town", "village", "other"):
        return 1  # "other": a landmark we list at its own point ("the Kremlin")
    if place.feature == "region" and place.level == 2:
        return 2
    return 3


def _confidence(cands: list[Candidate]) -> float:
    margins = [c.scores[0] - c.scores[1] if len(c.scores) > 1 else 4.0 for c in cands if c.scores]
    if not margins:
        return 0.5
    return round(1 / (1 + math.exp(-max(margins))), 3)

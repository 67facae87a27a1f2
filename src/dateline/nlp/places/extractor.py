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

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from spacy.tokens import Doc, Span

from ...types import Mention, Place
from ..lexicon import EQUIPMENT
from .gazetteer import GeoPlace, Gazetteer, distance_km, fold

NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Words after a name that ask for an administrative area ("the Donetsk region").
REGION_CUES = frozenset("""region oblast province state county district governorate prefecture canton department
    raion rayon krai oblast's région département provinz bundesland""".split())
_LEADING = re.compile(r"^(?:the|la|le|les|l'|l’)\s+", re.I)
_TRAILING = re.compile(r"(?:’s|'s)$")
# Case endings of Ukrainian and Russian place names ("Харкова", "Белгороде"), longest first.
_SLAVIC_ENDINGS = ("ами", "ому", "ого", "ах", "ях", "ою", "ею", "ом", "ем", "ів", "ов", "ев", "і", "е", "у", "ю", "а", "я", "и")
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


@dataclass
class _Candidate:
    start: int  # characters
    end: int
    text: str
    source: str  # "ner" | "gazetteer" | "given"
    cue_region: bool = False
    options: tuple[GeoPlace, ...] = ()
    choice: GeoPlace | None = None
    scores: list[float] = field(default_factory=list)
    inferred: bool = False  # resolved through a name inside it or the article's main town


class PlaceFinder:
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
        self._text = doc.text
        given = [self._candidate(doc, s, e, "given") for s, e in spans]
        context = [c for c in self.recognise(doc, entities) if not any(c.start < g.end and g.start < c.end for g in given)]
        self.resolve(doc, given + context)
        return [g.choice for g in given]

    # -- recognition ---------------------------------------------------------------------------------

    def recognise(self, doc: Doc, entities=()) -> list[_Candidate]:
        self._text = doc.text  # Doc.text is rebuilt on every access: read it once per document
        blocked = self._blocked_spans(doc, entities)
        found: list[_Candidate] = []
        taken: set[int] = set()
        self._person_words = self._name_words(doc, entities)
        for ent in doc.ents:
            if ent.label_ not in NER_PLACE_LABELS or self._is_demonym(ent.text) or self._misread_name(ent):
                continue
            if any(s <= ent.start_char and ent.end_char <= e and (s, e) != (ent.start_char, ent.end_char) for s, e in blocked):
                continue
            cand = self._candidate(doc, ent.start_char, ent.end_char, "ner")
            if ent.label_ == "FAC" and " " not in cand.text:
                cand.options = _trusted(cand.options, cand.text)
            found.append(cand)
            taken.update(range(ent.start, ent.end))
        accepted_keys = {fold(c.text) for c in found if c.options}
        for start, end in self._gazetteer_matches(doc, taken, blocked, accepted_keys):
            found.append(self._candidate(doc, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), "gazetteer"))
        found.sort(key=lambda c: c.start)
        return found

    def _blocked_spans(self, doc: Doc, entities) -> list[tuple[int, int]]:
        """Person and organization mentions: a place inside them is part of a name."""
        spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("ORG", "NORP")]
        spans += [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "PER") and len(e) > 1]
        for entity in entities or ():
            if entity.type == "ORG" or (entity.type == "PERSON" and " " in entity.name):
                spans += [(m.start, m.end) for m in entity.mentions]
        return spans

    def _misread_name(self, ent: Span) -> bool:
        """A one-word "place" that is a person's name here, or a dictionary word that names no big place."""
        if len(ent) != 1:
            return False
        word = ent[0].lower_
        if word in self._person_words:
            return True
        if word in _GENERIC or word in _CALENDAR:
            options = self.gazetteer.lookup(ent.text)
            return not any(o.feature in ("country", "continent", "water") or o.curated
                           or (o.feature == "city" and o.population >= 100_000) for o in options)
        if self.common_words(word) or self.common_words(ent[0].lemma_.lower()):
            # A dictionary word ("Telegram", "War") the NER took for a place: only if it names a big one.
            options = self.gazetteer.lookup(ent.text)
            return not any(o.feature in ("country", "continent", "water") or o.curated or o.population >= 100_000
                           or (o.feature == "region" and o.level == 1) for o in options)
        return False

    @staticmethod
    def _name_words(doc: Doc, entities) -> set[str]:
        """Every word of every person's name: "Abney" alone is still the CEO, not a town."""
        words = {t.lower_ for e in doc.ents if e.label_ in ("PERSON", "PER") and len(e) > 1 for t in e}
        for entity in entities or ():
            if entity.type == "PERSON" and " " in entity.name:
                words.update(w.casefold() for w in entity.name.split())
        return words

    def _gazetteer_matches(self, doc: Doc, taken: set[int], blocked, accepted_keys: set[str]):
        i = 0
        n = len(doc)
        major = self.gazetteer.major_keys
        while i < n:
            first = doc[i]
            # Cheap first-token test: most tokens are lower-case words that cannot start a place name.
            if not first.is_alpha or (first.is_lower and first.lower_ not in major and first.lower_ not in accepted_keys):
                i += 1
                continue
            matched = False
            for size in (4, 3, 2, 1):
                j = i + size
                if j > n or taken.intersection(range(i, j)):
                    continue
                span = doc[i:j]
                if not self._plausible(span, accepted_keys):
                    continue
                if any(s < span.end_char and span.start_char < e and not (s == span.start_char and e == span.end_char)
                       for s, e in blocked):
                    continue
                options = self.gazetteer.lookup(span.text)
                if fold(span.text) not in accepted_keys:
                    options = _trusted(options, span.text)
                if not options and len(span) == 1:
                    options = self._variants(span.text)  # "Харкова", "Белгороде"
                if not options or not self._worth_it(span, options, accepted_keys):
                    continue
                yield i, j
                accepted_keys.add(fold(span.text))
                i = j
                matched = True
                break
            if not matched:
                i += 1

    def _plausible(self, span: Span, accepted_keys: set[str]) -> bool:
        first, last = span[0], span[-1]
        if not first.is_alpha or not last.is_alpha or any(t.is_punct and t.text not in ("-", ".") for t in span):
            return False
        key = fold(span.text)
        if len(key.replace(" ", "")) <= 3 and _latin(span.text) and not span.text.replace(".", "").isupper():
            return False  # "Us" is not the US; "UK", "U.S." are
        if key in accepted_keys:
            return True
        if len(span) == 1 and first.lower_ in self._person_words:
            return False
        if _inside_longer_name(span):
            return False  # "Pakatan" in "Pakatan Harapan": part of a name the gazetteer does not know
        if all(t.is_upper for t in span):
            # "BANGKOK: ..." opens a wire story; otherwise capitals are acronyms, places only when known as such.
            return _dateline(span) or any(o.curated or o.feature == "country" for o in self.gazetteer.lookup(span.text))
        if span.text.lower() == span.text.upper():
            # Scripts without letter case (Arabic, Hebrew, CJK…): only names of big or administrative places.
            return any(o.feature in ("country", "region", "continent") or o.population >= 100_000
                       for o in self.gazetteer.lookup(span.text))
        if len(span) == 1 and first.is_lower:
            return (len(first) >= 4 and not first.is_stop and not self.common_words(first.lower_)
                    and not self.common_words(first.lemma_.lower()))
        if not all(t.is_title or t.is_upper or (t.is_lower and t.lower_ in ("of", "de", "al", "el", "du", "la")) for t in span):
            return False
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.lower_ in EQUIPMENT:
            return False  # "Grad missiles": a weapon named after a town
        if first.is_sent_start or _title_case_line(span):
            return False  # capitalised for other reasons: only the NER or an accepted string counts here
        return True

    def _worth_it(self, span: Span, options: tuple[GeoPlace, ...], accepted_keys: set[str]) -> bool:
        """Whether a name the NER missed is worth reading as a place, by the places it could be."""
        if fold(span.text) in accepted_keys:
            return True
        if span[0].is_lower:
            return any(o.feature in ("country", "continent") or o.capital or o.population >= _MAJOR_POPULATION
                       for o in options)
        if any(o.curated for o in options):
            return True
        if len(span) == 1 and (self.common_words(span[0].lower_) or span[0].lower_ in _CALENDAR):
            # A dictionary word ("March", "Police", "Gulf") capitalised mid-sentence: only a country or a big city.
            return any(o.feature in ("country", "continent") or (o.feature == "city" and o.population >= 100_000)
                       for o in options)
        if all(t.is_upper for t in span):
            return any(o.population >= 20_000 or o.feature in ("country", "region") for o in options)
        return any(o.feature in ("country", "continent", "region", "water") or o.population >= 1_000 for o in options)

    def _is_demonym(self, text: str) -> bool:
        return bool(self.gazetteer.demonym_countries(text)) and not self.gazetteer.lookup(text)

    def _candidate(self, doc: Doc, start: int, end: int, source: str) -> _Candidate:
        full = self._text
        text = full[start:end]
        clean = _TRAILING.sub("", _LEADING.sub("", text)).strip()
        offset = text.find(clean) if clean else 0
        start, end = start + max(0, offset), start + max(0, offset) + len(clean)
        options = self.gazetteer.lookup(clean)
        if " " in clean.strip() and _latin(clean):
            # "White House" is not Casablanca under a translated alias: a long name must be the town's own.
            options = tuple(o for o in options if o.feature not in ("city", "town", "village")
                            or o.curated or _same_name(o.name, clean))
        if not options:
            options = self._variants(clean)
        demonym = self._demonym_places(clean) if source == "given" else ()
        if demonym:
            # "Russian" asked about as a toponym (gold sets mark such modifiers) means the country or continent.
            options = demonym + tuple(o for o in options if o not in demonym)
        match = re.match(r"\s+([A-Za-zÀ-ÿ]+)", full[end:end + 24])
        cue = bool(match) and match.group(1).lower() in REGION_CUES
        if cue and source != "given":
            end += match.end()  # "the Kharkiv region" is the mention, as written
            clean = full[start:end]
        return _Candidate(start, end, clean, source, cue, options)

    def _inside_or_focus(self, cand: _Candidate, candidates: list[_Candidate]) -> tuple[tuple[GeoPlace, ...], bool]:
        """A facility or street the gazetteer lacks ("Colorado State University", "Royal Street"):
        the place named inside it, else the town the article is about. Marked as inferred."""
        words = cand.text.split()
        for size in range(len(words) - 1, 0, -1):
            for k in range(len(words) - size + 1):
                part = " ".join(words[k:k + size])
                if part[:1].isupper() and part.lower() not in _GENERIC:
                    hit = self._demonym_places(part) or tuple(
                        o for o in _trusted(self.gazetteer.lookup(part), part) if self._prominent(o, part))
                    if hit:
                        return hit, True
        # The article's main town: mentioned most, bigger towns first on a tie.
        towns: dict[int, list] = {}
        for c in candidates:
            if c.choice and c.choice.feature in ("city", "town", "village") and not c.inferred:
                entry = towns.setdefault(c.choice.id, [0, c.choice])
                entry[0] += 1
        if towns:
            count, focus = max(towns.values(), key=lambda e: e[0] + math.log10(e[1].population + 10) / 2)
            return (focus,), True
        return (), False

    def _prominent(self, place: GeoPlace, name: str) -> bool:
        """Whether a name found inside a longer one ("Colorado State University") is that place, not a word."""
        if place.feature in ("country", "continent", "water") or place.curated or place.population >= 100_000:
            return True
        if place.feature == "region" and place.level == 1:
            return True
        return place.population >= 5_000 and not self.common_words(name.lower())

    def _demonym_places(self, text: str) -> tuple[GeoPlace, ...]:
        continent = _CONTINENT_DEMONYMS.get(fold(text))
        if continent:
            return self.gazetteer.lookup(continent)[:1]
        return tuple(filter(None, (self.gazetteer.country(c) for c in self.gazetteer.demonym_countries(text))))

    def _variants(self, text: str) -> tuple[GeoPlace, ...]:
        words = text.split()
        if len(words) > 1 and words[-1].lower() in REGION_CUES:
            hit = self.gazetteer.lookup(" ".join(words[:-1]))
            if hit:
                return hit
        if re.search("[а-яіїєґё]", text, re.I):
            for ending in _SLAVIC_ENDINGS:
                if text.lower().endswith(ending) and len(text) - len(ending) >= 3:
                    stem = text[: len(text) - len(ending)]
                    for fill in ("", "а", "ів", "ь", "я"):
                        hit = self.gazetteer.lookup(stem + fill)
                        if hit and max(h.population for h in hit) >= 20_000:
                            return hit
        return ()

    # -- resolution ----------------------------------------------------------------------------------

    def resolve(self, doc: Doc, candidates: list[_Candidate]) -> None:
        for c in candidates:
            c.choice = max(c.options, key=lambda o: self._score(o, c, None), default=None)
        context = _Context.of(candidates, self.gazetteer, self._text)
        for c in candidates:
            if not c.options and c.source == "ner" and " " not in c.text.strip():
                c.source = "dropped"  # one unknown word the NER called a place: a surname or a brand, more often
                continue
            if not c.options and c.source != "gazetteer":
                c.options, c.inferred = self._inside_or_focus(c, candidates)
            if not c.options:
                continue
            scored = sorted(((self._score(o, c, context), o) for o in c.options), key=lambda t: -t[0])
            c.choice = scored[0][1]
            c.scores = [s for s, _ in scored[:2]]

    def _score(self, place: GeoPlace, cand: _Candidate, context: "_Context | None") -> float:
        score = _prominence(place)
        if cand.cue_region:
            score += 4.0 if place.feature == "region" else -1.0
        elif place.feature in ("city", "town", "village") and place.population >= 20_000 and _same_name(place.name, cand.text):
            score += 1.5  # "Kharkiv" alone is the city, not the oblast named after it
        if place.curated:
            score += 1.0
        elif place.feature in ("city", "town", "village") and _latin(cand.text) and not _same_name(place.name, cand.text):
            score -= 1.5  # a city found under another of its names (old, foreign or odd GeoNames aliases)
        if cand.source == "given" and place.feature in ("country", "continent") and self.gazetteer.demonym_countries(cand.text):
            score += 3.0
        if context is None:
            return score
        if place.country_code and place.country_code == context.country:
            score += 3.0
        elif place.country_code and place.country_code in context.countries:
            score += 1.5
        if place.admin1_code and (place.country_code, place.admin1_code) in context.admin1 and place.level != 1:
            score += 1.5
        near = context.nearness(place, cand)
        score += 2.0 * near
        return score

    # -- output --------------------------------------------------------------------------------------

    def places(self, candidates: list[_Candidate]) -> tuple[Place, ...]:
        groups: dict[object, list[_Candidate]] = defaultdict(list)
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
                                 geo_precision=2, confidence=0.3, mentions=mentions))
                continue
            out.append(Place(
                id=f"place-{g.id}" if g.id > 0 else f"place-s{-g.id}",
                name=g.name,
                geonames_id=g.id if g.id > 0 else None,
                lat=round(g.lat, 5),
                lon=round(g.lon, 5),
                country_code=g.country_code,
                admin1=g.admin1,
                feature=g.feature,
                geo_precision=_precision(g),
                confidence=_confidence(cands),
                mentions=mentions,
            ))
        out.sort(key=lambda p: p.mentions[0].start)
        return tuple(out)


@dataclass
class _Context:
    country: str | None
    countries: set[str]
    admin1: set[tuple[str, str]]
    points: list[tuple[int, float, float]]  # (candidate start, lat, lon) of confident picks

    @classmethod
    def of(cls, candidates: list[_Candidate], gazetteer: Gazetteer, text: str) -> "_Context":
        votes: Counter = Counter()
        admin1 = set()
        points = []
        for c in candidates:
            g = c.choice
            if g is None:
                continue
            weight = 2.0 if g.feature == "country" else 1.0
            if g.country_code:
                votes[g.country_code] += weight
            if g.feature == "region" and g.level == 1 and g.admin1_code:
                admin1.add((g.country_code, g.admin1_code))
            if g.feature not in ("country", "continent", "water") and len(c.options) <= 3:
                points.append((c.start, g.lat, g.lon))
        for word in re.findall(r"\b[A-Z][a-z]+(?:ian|ese|ish|i|an)\b", text):
            for code in gazetteer.demonym_countries(word):
                votes[code] += 0.5
        country = votes.most_common(1)[0][0] if votes else None
        return cls(country, {c for c, v in votes.items() if v >= 1}, admin1, points)

    def nearness(self, place: GeoPlace, cand: _Candidate) -> float:
        if place.feature in ("country", "continent", "water") or not self.points:
            return 0.0
        others = [(lat, lon) for start, lat, lon in self.points if start != cand.start]
        if not others:
            return 0.0
        closest = min(distance_km(place.lat, place.lon, lat, lon) for lat, lon in others)
        return math.exp(-closest / 250.0)


def _prominence(place: GeoPlace) -> float:
    score = math.log10(max(place.population, 0) + 10)
    score += {"continent": 5.0, "country": 5.0, "water": 6.0, "region": 0.5 if place.level == 1 else -1.0}.get(place.feature, 0.0)
    if place.capital:
        score += 1.5
    return score


def _precision(place: GeoPlace) -> int:
    """ACLED geo-precision: 1 a town, 2 part of a region (admin-2), 3 a region, country or larger."""
    if place.feature in ("city", "town", "village"):
        return 1
    if place.feature == "region" and place.level == 2:
        return 2
    return 3


def _confidence(cands: list[_Candidate]) -> float:
    margins = [c.scores[0] - c.scores[1] if len(c.scores) > 1 else 4.0 for c in cands if c.scores]
    if not margins:
        return 0.5
    return round(1 / (1 + math.exp(-max(margins))), 3)


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


def _trusted(options: tuple[GeoPlace, ...], text: str) -> tuple[GeoPlace, ...]:
    """For names the NER did not find: a city only by its own name or a curated one, not any GeoNames alias."""
    key = fold(text)
    if not _latin(text):
        return options  # names in other scripts are GeoNames' real transliterations ("Белгород")
    # A transliteration of the town's own name passes ("Bakhmout" for Bakhmut); an unrelated alias does not
    # ("Google" for Topeka).
    return tuple(o for o in options if o.feature in ("country", "continent", "region", "water") or o.curated
                 or fold(o.name) == key or fuzz.ratio(fold(o.name), key) >= 80)


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
    doc = span.doc
    start = span.start
    while start > 0 and "\n" not in doc[start - 1].whitespace_ and "\n" not in doc[start - 1].text:
        start -= 1
    end = span.end
    while end < len(doc) and "\n" not in doc[end - 1].whitespace_ and "\n" not in doc[end].text:
        end += 1
    words = [t for t in doc[start:end] if t.is_alpha and len(t) > 3]
    return len(words) >= 4 and sum(t.is_title for t in words) / len(words) > 0.8

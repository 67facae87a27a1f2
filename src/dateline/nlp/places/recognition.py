"""Finding place mentions: the NER's places, corrected, and gazetteer names the model missed.

Mixed into ``PlaceFinder``: see ``extractor`` for the whole method.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..extensions import text_of
from ..entities import age_follows
from ..lexicon import EQUIPMENT, person_roles
from .common import (
    _CALENDAR,
    _CONTINENT_DEMONYMS,
    _GENERIC,
    _LEADING,
    _MAJOR_POPULATION,
    _SLAVIC_ENDINGS,
    _TRAILING,
    NER_PLACE_LABELS,
    REGION_CUES,
    Candidate,
    _big,
    _dateline,
    _inside_longer_name,
    _latin,
    _major,
    _title_case_line,
    _trusted,
)
from .gazetteer import GeoPlace, fold
from .sites import Sites


_LISTED_NAME = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}"
_TRAILING_NUMBERS = re.compile(r"(?:\s+\d[\d,.]*)+$")
_TOWN_OF = re.compile(r"\b(?:town|city|village|port|hamlet|settlement|suburb|capital|district)\s+of\s+$")
# Lower-case words inside place names: "Bosnia and Herzegovina" aside, "Port-au-Prince", "Dar es Salaam".
_PARTICLES = frozenset("of de al el du la au aux en sur le les des es ad".split())
_REGION_KINDS = ("governorate", "province", "region", "oblast", "state", "district", "county", "prefecture")
# A lower-case cue before the name, the name perhaps last of a list: "the provinces of Marib and Hajjah".
_CUE_BEFORE = re.compile(
    rf"\b(provinces?|regions?|oblasts?|governorates?|states?|counties|county|districts?|prefectures?|departments?) of "
    rf"(?:{_LISTED_NAME}(?:, | and | & |, and ))*$"
    r"|\b(région|province|oblast|département|gouvernorat|préfecture|district|état) d(?:e |’|')$")
_REGION_LIST = re.compile(
    rf"((?:{_LISTED_NAME}, )+{_LISTED_NAME},? (?:and|&) {_LISTED_NAME}|{_LISTED_NAME} (?:and|&) {_LISTED_NAME}) "
    r"((?i:counties|regions|oblasts|provinces|states|governorates|districts|prefectures|departments))\b")


# A "person" with one of these words is an organization the model misread ("The Tigray People's Liberation Front").
_ORG_WORDS = re.compile(r"\b(?:Front|Party|Army|Movement|Council|Union|Forces?|Liberation|Government|Ministry|Committee|"
                        r"Organi[sz]ation|Group|Brigade|Alliance|Police|Corps|Company|Bank|University|Association)\b")
_TITLES = frozenset("""pope president mr mrs ms dr sen senator rep gov governor king queen prince princess sheikh
    general gen minister premier chancellor judge coach captain lieutenant colonel col sergeant""".split())
_SPEECH = frozenset("said says told added wrote asked insisted explained stressed".split())


# A town this big that the name model calls a GPE is a place even when the dictionary knows its name as a word.
_NAMED_TOWN = 50_000


def _vouched_person(token) -> bool:
    """A title or role noun before the word, a speech verb right after it, or an age after it: "Pope Francis",
    "местная жительница Анна", "Sandberg said", "Olena, 52 ans"."""
    doc = token.doc
    before = doc[token.i - 1].lower_.rstrip(".") if token.i > 0 else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    return (before in _TITLES or before in person_roles(doc.lang_) and doc[token.i - 1].is_lower
            or age_follows(doc, token.i + 1)
            or (after in _SPEECH and not token.is_sent_start
                and before not in ("from", "in", "at", "near", "of", "to", "outside", "around")))


def _after_town(span: Span) -> bool:
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2].is_title


def _paragraph_start(span: Span) -> bool:
    return span.start == 0 or "\n" in span.doc[span.start - 1].whitespace_ or "\n" in span.doc[span.start - 1].text


class Recognition(Sites):

    def recognise(self, doc: Doc, entities=()) -> list[Candidate]:
        self._text = text_of(doc)
        blocked = self._blocked = self._blocked_spans(doc, entities)
        found: list[Candidate] = []
        taken: set[int] = set()
        self._person_words = self._name_words(doc, entities)
        for ent in doc.ents:
            if ent.label_ not in NER_PLACE_LABELS or self._is_demonym(ent.text) or self._misread_name(ent):
                continue
            if any(s <= ent.start_char and ent.end_char <= e and (s, e) != (ent.start_char, ent.end_char)
                   for s, e in blocked):
                continue
            for part in self._split_parts(ent):
                cand = self._candidate(doc, part.start_char, part.end_char, "ner")
                if self._region_code(cand.text, cand.options) and not _after_town(ent):
                    continue  # "the NE office": a word the NER took for Nebraska
                if len(cand.text) <= 3 and cand.text.isalpha() and cand.text.istitle() and not self._plausible(part, set()):
                    continue  # "Us and them"
                if ent.label_ == "FAC" and " " not in cand.text:
                    cand.options = _trusted(cand.options, cand.text)
                found.append(cand)
            taken.update(range(ent.start, ent.end))
        found += self._declined_places_read_as_names(doc, taken)
        accepted_keys = {fold(c.text) for c in found if c.options}
        for start, end in self._gazetteer_matches(doc, taken, blocked, accepted_keys):
            found.append(self._candidate(doc, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), "gazetteer"))
        found += self._listed_regions(found)
        found = self._with_facilities(doc, found, blocked)
        found.sort(key=lambda c: c.start)
        return found

    def _declined_places_read_as_names(self, doc: Doc, taken: set[int]) -> list[Candidate]:
        """Russian's name model, which Ukrainian borrows, takes declined countries and cities for people ("у
        глибині Росії", "мешканка Харкова"): one such word that names a country or a big city is that place."""
        if doc.lang_ not in ("ru", "uk"):
            return []
        out = []
        for ent in doc.ents:
            if ent.label_ != "PER" or len(ent) != 1 or ent.start in taken or _vouched_person(ent[0]):
                continue
            options = self.gazetteer.lookup(ent.text) or self._variants(ent.text)
            if any(o.feature == "country" or o.population >= 100_000 for o in options):
                out.append(self._candidate(doc, ent.start_char, ent.end_char, "ner"))
                taken.add(ent.start)
        return out

    def _listed_regions(self, found: list[Candidate]) -> list[Candidate]:
        """"Harris, Montgomery and Waller counties", "Kharkiv, Sumy and Chernihiv regions": a plural cue makes
        every name of the list a region, surnames and words included."""
        added = []
        for match in _REGION_LIST.finditer(self._text):
            base = match.start(1)
            level = 2 if match.group(2).lower() in ("counties", "districts") else 1
            for name in re.finditer(r"(?:(?!,| and | & ).)+", match.group(1)):
                text = re.sub(r"^\s*(?:and\s+)?|\s+$", "", name.group())
                start = base + name.start() + name.group().find(text)
                end = start + len(text)
                known = [c for c in found if c.start < end and start < c.end]
                for c in known:
                    c.cue_region, c.cue_level = True, level
                    c.options = self._asking_region(c.text, c.options)  # "Bryansk" of "the Bryansk Oblast"
                regions = (tuple(o for o in self.gazetteer.lookup(text) if o.feature == "region")
                           or self._named_region(text, ()))
                if not known and regions:
                    added.append(Candidate(start, end, text, "gazetteer", True, regions, cue_level=level))
        return added

    def _split_parts(self, ent: Span) -> list[Span]:
        """One NER span that is two places: "the Kanteerava Stadium in Karnataka" (the site and the place it is
        in), "Port-au-Prince and Dar es Salaam"."""
        words = [t for t in ent if t.lower_ == "in" and t.i > ent.start and t.i < ent.end - 1]
        if words:
            tail = ent.doc[words[-1].i + 1:ent.end]
            if _trusted(self.gazetteer.lookup(tail.text), tail.text):
                return [ent.doc[ent.start:words[-1].i], tail]
        # "Port-au-Prince and Dar es Salaam" read as one name: two places, when each is one.
        joints = [t for t in ent if t.lower_ in ("and", "&") and ent.start < t.i < ent.end - 1]
        if len(joints) == 1 and not self.gazetteer.lookup(ent.text):
            parts = [ent.doc[ent.start:joints[0].i], ent.doc[joints[0].i + 1:ent.end]]
            if all(_trusted(self.gazetteer.lookup(part.text), part.text) for part in parts):
                return parts
        return [ent]

    def _landmark(self, name: str) -> bool:
        return any(o.curated and o.feature == "other" for o in self.gazetteer.lookup(name))

    def _blocked_spans(self, doc: Doc, entities) -> list[tuple[int, int]]:
        """Person and organization mentions: a place inside them is part of a name."""
        spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("ORG", "NORP")]
        spans += [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "PER") and len(e) > 1]
        for entity in entities or ():
            if entity.type == "ORG" or (entity.type == "PERSON" and " " in entity.name):
                # A one-word mention joined to an organization's name ("Tigray" to the Tigray People's Liberation
                # Front, even when the model calls it a person) is blocked only when it names no big place.
                spans += [(m.start, m.end) for m in entity.mentions
                          if " " in m.text.strip() or m.text == entity.name or not self._big_place(m.text)
                          or (entity.type == "PERSON" and not _ORG_WORDS.search(entity.name))]
        text = text_of(doc)
        # "the White House" read as an organization leaves the landmark "White House" free.
        spans = [(s + 4 if text[s:s + 4].lower() == "the " and self._landmark(text[s + 4:e]) else s, e) for s, e in spans]
        # Without trailing numbers: "Kherson 42 [times]" read as an organization is the place Kherson.
        spans = [(s, s + len(_TRAILING_NUMBERS.sub("", text[s:e])) or e) for s, e in spans]
        return [self._after_owner(text, s, e) for s, e in spans if not self._located_name(text, s, e)]

    def _after_owner(self, text: str, start: int, end: int) -> tuple[int, int]:
        """"Japan’s Ministry of Agriculture": the place that owns the organization is a place mention of its own;
        only the rest of the name is blocked."""
        match = re.match(r"([^\W\d][\w .-]*?)['’]s\s", text[start:end])
        if match and any(_major(o) for o in self.gazetteer.lookup(match.group(1))):
            return start + match.end(), end
        return start, end

    def _located_name(self, text: str, start: int, end: int) -> bool:
        """"airstrikes on Khan Younis": a big place's exact name after "in", "on", "near"… is the place,
        whatever label the model gave it."""
        if not re.search(r"\b(?:in|on|at|near|into|from|outside|around|towards?|à|dans|près de)\s+(?:the\s+)?$",
                         text[max(0, start - 14):start], re.I):
            return False
        return any(_major(o) for o in self.gazetteer.lookup(text[start:end]))

    def _misread_name(self, ent: Span) -> bool:
        """A one-word "place" that is a person's name here, or a dictionary word that names no big place; a name
        given an age ("Sandrine Lefebvre, 47 ans") is a person's."""
        if age_follows(ent.doc, ent.end):
            return True
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
            # A dictionary word ("Telegram", "War") the NER took for a place: only if it names a big one. WordNet
            # also lists towns ("Goma"), so a town of 50,000 the NER calls a GPE stays one.
            return not (self._big_place(ent.text) or ent.label_ == "GPE" and any(
                o.feature in ("city", "town") and o.population >= _NAMED_TOWN for o in self.gazetteer.lookup(ent.text)))
        return False

    def _name_words(self, doc: Doc, entities) -> set[str]:
        """Every word of every person's name: a surname alone is still the person, not a town. A one-word
        name counts when a title or a speech verb vouches for it ("Pope Francis", "Sandberg said"), unless it
        names a big place ("Kherson" read as a person is still Kherson)."""
        words = {t.lower_ for e in doc.ents if e.label_ in ("PERSON", "PER") and len(e) > 1 and not _ORG_WORDS.search(e.text)
                 for t in e}
        for entity in entities or ():
            if entity.type == "PERSON" and " " in entity.name and not _ORG_WORDS.search(entity.name):
                words.update(w.casefold() for w in entity.name.split())
        for token in doc:
            if token.is_title and token.lower_ not in words and _vouched_person(token) and not self._big_place(token.text):
                words.add(token.lower_)
        return words

    def _big_place(self, name: str) -> bool:
        return any(_big(o) for o in self.gazetteer.lookup(name))

    def _gazetteer_matches(self, doc: Doc, taken: set[int], blocked, accepted_keys: set[str]):
        i = 0
        n = len(doc)
        major = self.gazetteer.major_keys
        people = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "PER") and len(e) > 1}
        while i < n:
            first = doc[i]
            # Cheap first-token test: most tokens are lower-case words that cannot start a place name.
            if not first.is_alpha or (first.is_lower and first.lower_ not in major and first.lower_ not in accepted_keys):
                i += 1
                continue
            matched = False
            # Hyphenated names run to more tokens: "Port-au-Prince", "Saint-Jean-sur-Richelieu".
            sizes = (7, 6, 5, 4, 3, 2, 1) if i + 1 < n and doc[i + 1].text == "-" else (4, 3, 2, 1)
            for size in sizes:
                j = i + size
                if j > n or taken.intersection(range(i, j)):
                    continue
                span = doc[i:j]
                if not self._plausible(span, accepted_keys):
                    continue
                if any(s < span.end_char and span.start_char < e and not (s == span.start_char and e == span.end_char)
                       for s, e in blocked):
                    continue
                if (span.start_char, span.end_char) in people and not self._big_place(span.text):
                    continue  # "Pedro Sánchez" is a village too, but the name model read a person here
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
            # "Us" is not the US; "UK", "U.S." are; a three-letter name of a state or a big city ("Goa") is.
            if len(key) != 3 or not first.is_title or first.is_sent_start:
                return False
            options = self.gazetteer.lookup(span.text)
            if any(o.population >= _MAJOR_POPULATION and (o.feature == "region" and o.level == 1 or o.feature == "city")
                   for o in options):
                return True
            return not self.common_words(key) and any(o.feature == "region" and o.level == 1 or o.population >= 100_000
                                                      for o in options)
        if key in accepted_keys:
            return True
        if len(span) == 1 and first.lower_ in self._person_words:
            return False
        if _inside_longer_name(span):
            return False  # "Pakatan" in "Pakatan Harapan": part of a name the gazetteer does not know
        if all(t.is_upper for t in span):
            # "BANGKOK: ..." opens a wire story; otherwise capitals are acronyms, places only when known as such.
            options = self.gazetteer.lookup(span.text)
            if self._region_code(span.text, options):
                return _after_town(span)  # "Trenton, NJ": a postal code only where a town precedes it
            return _dateline(span) or any(o.curated or o.feature == "country" for o in options)
        if span.text.lower() == span.text.upper():
            # Scripts without letter case (Arabic, Hebrew, CJK…): only names of big or administrative places.
            return any(o.feature in ("country", "region", "continent") or o.population >= 100_000
                       for o in self.gazetteer.lookup(span.text))
        if len(span) == 1 and first.is_lower:
            return (len(first) >= 4 and not first.is_stop and not self.common_words(first.lower_)
                    and not self.common_words(first.lemma_.lower()))
        if not all(t.is_title or t.is_upper or t.text == "-" or (t.is_lower and t.lower_ in _PARTICLES) for t in span):
            return False
        nxt = span.doc[span.end] if span.end < len(span.doc) else None
        if nxt is not None and nxt.lower_ in EQUIPMENT:
            return False  # "Grad missiles": a weapon named after a town
        if first.is_sent_start and _paragraph_start(span) and nxt is not None and nxt.text in ("–", "—", "-", ":"):
            return True  # a dateline in title case: "Indianapolis – Several thousand teachers…"
        if first.is_sent_start or _title_case_line(span):
            # Capitalised for other reasons: only the NER, an accepted string or a name we curated counts here
            # ("Downing Street said", "Donbas is").
            return any(o.curated for o in self.gazetteer.lookup(span.text))
        return True

    def _prominent_name(self, text: str) -> bool:
        return bool(_trusted(self.gazetteer.lookup(text), text))

    @staticmethod
    def _region_code(text: str, options) -> bool:
        """A short upper-case code that only names first-level regions ("NJ", "NSW")."""
        return (len(text) <= 3 and text.isupper() and bool(options)
                and all(o.feature == "region" and o.level == 1 for o in options))

    def _worth_it(self, span: Span, options: tuple[GeoPlace, ...], accepted_keys: set[str]) -> bool:
        """Whether a name the NER missed is worth reading as a place, by the places it could be."""
        if fold(span.text) in accepted_keys:
            return True
        if span[0].is_lower:
            return any(o.feature in ("country", "continent") or o.capital or o.population >= _MAJOR_POPULATION
                       for o in options)
        if any(o.curated for o in options):
            return True
        before = self._text[max(0, span.start_char - 30):span.start_char]
        if _TOWN_OF.search(before):
            # "the port town of Calais", "the village of Bilopillia": the writer says it is a town.
            return any(o.feature in ("city", "town", "village") for o in options)
        if all(t.is_upper for t in span) and _dateline(span):
            # "GOMA, Democratic Republic of Congo (Reuters) -": a wire dateline names a town, word or not.
            return any(o.feature in ("country", "region") or o.population >= 5_000 for o in options)
        if len(span) == 1 and (self.common_words(span[0].lower_) or span[0].lower_ in _CALENDAR):
            # A dictionary word ("March", "Police", "Gulf") capitalised mid-sentence: only a country, a big city
            # or a populous state ("Tabasco").
            return any(o.feature in ("country", "continent") or (o.feature == "city" and o.population >= 100_000)
                       or (o.feature == "region" and o.level == 1 and o.population >= _MAJOR_POPULATION
                           and span[0].lower_ not in _GENERIC and not self.gazetteer.demonym_countries(span.text))
                       for o in options)
        if all(t.is_upper for t in span):
            return any(o.population >= 20_000 or o.feature in ("country", "region") for o in options)
        return any(o.feature in ("country", "continent", "region", "water") or o.population >= 1_000 for o in options)

    def _is_demonym(self, text: str) -> bool:
        return bool(self.gazetteer.demonym_countries(text)) and not self.gazetteer.lookup(text)

    def _candidate(self, doc: Doc, start: int, end: int, source: str) -> Candidate:
        full = self._text
        text = full[start:end]
        clean = _TRAILING.sub("", _LEADING.sub("", text)).strip()
        offset = text.find(clean) if clean else 0
        start, end = start + max(0, offset), start + max(0, offset) + len(clean)
        options = self.gazetteer.lookup(clean)
        if " " in clean.strip():
            # "White House" is not Casablanca under a translated alias: a long name must be the town's own;
            # a name the gazetteer matching already trusted may be a spelling of it ("Khan Younis", Khān Yūnis).
            options = _trusted(options, clean, spellings=source == "gazetteer")
        if not options:
            options = self._variants(clean)
        demonym = self._demonym_places(clean, adjectives=not options) if source == "given" else ()
        if demonym:
            # "Russian" asked about as a toponym (gold sets mark such modifiers) means the country or continent.
            options = demonym + tuple(o for o in options if o not in demonym)
        bare = clean
        match = re.match(r"\s+([A-Za-zÀ-ÿ]+)", full[end:end + 24])
        cue = bool(match) and match.group(1).lower() in REGION_CUES
        if cue and source != "given":
            end += match.end()  # "the Kharkiv region" is the mention, as written
            clean = full[start:end]
        words = bare.split()
        if len(words) > 1 and words[-1].lower() in REGION_CUES:
            cue, bare = True, " ".join(words[:-1])  # the NER took the cue in: "Hajjah province"
        before = _CUE_BEFORE.search(full[max(0, start - 80):start])
        level = 0
        if before and not cue:
            # "the province of Idlib", "the provinces of Marib and Hajjah"
            kind = before.group(1) or before.group(2)
            cue, level = True, 2 if kind in ("county", "counties", "district", "districts", "département") else 0
        if cue:
            options = self._asking_region(bare, options, options or self.gazetteer.lookup(bare))
        town = bool(_TOWN_OF.search(full[max(0, start - 30):start])) and not cue
        return Candidate(start, end, clean, source, cue, options, cue_level=level, cue_town=town)

    def _asking_region(self, name: str, options: tuple[GeoPlace, ...], towns=None) -> tuple[GeoPlace, ...]:
        """The options of a name a cue asks to read as a region, with that region added when they lack one."""
        if any(o.feature == "region" for o in options):
            return options
        return options + self._named_region(name, options if towns is None else towns)

    def _named_region(self, name: str, options: tuple[GeoPlace, ...]) -> tuple[GeoPlace, ...]:
        """"Hajjah province", "the provinces of Marib and Hajjah": GeoNames names the region "Hajjah Governorate"
        without a bare alias; else the region of the town of that name, if it bears it."""
        for kind in _REGION_KINDS:
            regions = tuple(o for o in self.gazetteer.lookup(f"{name} {kind}") if o.feature == "region")
            if regions:
                return regions
        out = []
        for town in options[:3]:
            region = self.gazetteer.region_of(town) if town.feature in ("city", "town", "village") else None
            if region is not None and fold(town.name) in fold(region.name) and region not in out:
                out.append(region)
        return tuple(out)

    def _demonym_places(self, text: str, adjectives: bool = False) -> tuple[GeoPlace, ...]:
        continent = _CONTINENT_DEMONYMS.get(fold(text))
        if continent:
            return self.gazetteer.lookup(continent)[:1]
        countries = tuple(filter(None, (self.gazetteer.country(c) for c in self.gazetteer.demonym_countries(text))))
        if countries or not adjectives or not text[:1].isupper() or " " in text.strip() or text.lower() in _GENERIC:
            return countries
        return self.gazetteer.named_after(text)  # "Sicilian", "Serb", "Havanese"

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

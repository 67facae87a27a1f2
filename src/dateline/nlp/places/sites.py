"""Named sites the gazetteer cannot know — streets, airports, hospitals, plants, stadiums — and where to put them.

Mixed into ``Recognition``: a run of capitalised words ending in a facility noun is a site; it is placed at
the place named right after it, else at a town inside its name (not for streets, named after people and
far-off towns), else at the town before it, else at the article's town, region or country.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from spacy.tokens import Doc

from .common import _GENERIC, Candidate, _big, _trusted
from .gazetteer import GeoPlace

# Nouns that end the name of a site: streets, buildings, installations.
_FACILITY_HEADS = frozenset("""street st avenue ave road rd drive boulevard lane highway square bridge airport airbase
    airfield stadium arena hospital church cathedral mosque temple synagogue basilica chapel prison jail mall
    estate plaza racecourse library museum palace castle mansion harbour harbor station checkpoint crossing dam refinery
    camp plant""".split())


_STREET_HEADS = frozenset("street st avenue ave road rd drive dr boulevard blvd lane highway way".split())
_FILLER = re.compile(r"\b(?:the|in|at|of|on)\b", re.I)


def _name_word(token) -> bool:
    return ((token.is_title or token.is_upper or token.like_num) and not token.is_punct and not token.is_sent_start
            and token.ent_type_ not in ("DATE", "TIME")) or (token.is_sent_start and token.is_title and not token.is_stop)


class Sites:
    def _with_facilities(self, doc: Doc, found: list[Candidate], blocked) -> list[Candidate]:
        """Named sites the gazetteer cannot know — "Royal Street", "Abha airport", "Colchester General Hospital":
        a run of capitalised words ending in a facility noun. The run replaces a town found inside it ("Abha");
        resolution places it at the town it names or the article's town."""
        for token in doc:
            head = token.lower_.rstrip(".")
            if head not in _FACILITY_HEADS or not (token.is_title or token.is_lower) or token.i == 0:
                continue
            start = token.i
            if token.is_lower:  # "Azovstal steel plant", "Zaporizhzhia nuclear power plant"
                while (token.i - start < 3 and doc[start - 1].is_lower and doc[start - 1].is_alpha
                       and not doc[start - 1].is_stop and doc[start - 1].pos_ in ("NOUN", "ADJ", "PROPN")):
                    start -= 1
            modifiers = start
            while start > 0 and (_name_word(doc[start - 1]) or (
                    start > 1 and doc[start - 1].lower_ in ("of", "de", "al", "-") and _name_word(doc[start - 2]))):
                start -= 1
            while start < modifiers and (doc[start].is_stop or doc[start].is_sent_start and self.common_words(doc[start].lower_)):
                start += 1  # "The", "Our"; "Police Station officers left" opens a sentence
            if start == modifiers or not doc[start].is_title and not doc[start].like_num:
                continue
            if token.is_lower:
                name = doc[start:modifiers]
                if not all(t.is_title or t.is_upper for t in name):
                    continue
                known = self._prominent_name(name.text)
                if modifiers < token.i:
                    accept = not known and not name[0].is_sent_start  # "Azovstal steel plant", not "Afgoi police station"
                else:
                    accept = known or not name[0].is_sent_start  # "Abha airport", not "Whilst jail" opening a sentence
                if not accept:
                    continue
            if doc[start].like_num and start + 1 == token.i:
                continue  # "10 Street" is no name
            span = doc[start:token.i + 1]
            s, e = span.start_char, span.end_char
            if any(bs <= s and e <= be and re.search(r"\w", _FILLER.sub("", self._text[bs:s] + " " + self._text[e:be]))
                   for bs, be in blocked):
                continue  # part of an organization's or a person's name (not just "the … in" around it)
            inside = [c for c in found if s <= c.start and c.end <= e]
            if any(c.start < e and s < c.end for c in found if c not in inside):
                continue
            if any(c.start == s and c.end == e for c in inside):
                continue
            found = [c for c in found if c not in inside]
            # A landmark we list ("10 Downing Street") is at its own point; other sites are placed by resolution.
            landmarks = self.gazetteer.lookup(span.text) if self._landmark(span.text) else ()
            found.append(Candidate(s, e, span.text, "ner", options=landmarks))
        return found

    def _inside_or_focus(self, cand: Candidate, candidates: list[Candidate],
                         country: str | None = None) -> tuple[tuple[GeoPlace, ...], bool]:
        """A facility or street the gazetteer lacks ("Colorado State University", "Royal Street"):
        the place named inside it, else the town the article is about. Marked as inferred."""
        if "," in cand.text:
            # "Washington, D.C.", "Donington Park, Leicestershire": the head within the region the tail names.
            head, _, tail = cand.text.partition(",")
            regions = {(o.country_code, o.admin1_code) for o in self.gazetteer.lookup(tail.strip())
                       if o.feature == "region" and o.level == 1}
            within = tuple(o for o in self.gazetteer.lookup(head.strip()) if (o.country_code, o.admin1_code) in regions)
            if within:
                return within, False
        words = cand.text.split()
        # A street is named after a person or a far-off town ("Northumberland Avenue" in Saskatoon): only the
        # places around it say where it is. Another site may bear its town's name ("Colchester General
        # Hospital"): a name inside it counts when it is a state or bigger, or lies in the article's country.
        street = words[-1].lower().rstrip(".") in _STREET_HEADS
        sizes = range(len(words) - 1, 0, -1)
        home = country
        if words[-1].islower():
            # "Abha airport", "Afgoi police station": the town's whole name before the lower-case words, whichever
            # country the story is about ("Abu" of "Abu Shouk camp" is no town).
            named = next((k for k, w in enumerate(words) if w.islower()), len(words))
            country, sizes = None, range(named, named - 1, -1)
        for size in sizes:
            for k in range(len(words) - size + 1):
                part = " ".join(words[k:k + size])
                if street or not part[:1].isupper() or part.lower() in _GENERIC:
                    continue
                hit = self._demonym_places(part) or tuple(
                    o for o in _trusted(self.gazetteer.lookup(part), part) if self._prominent(o, part)
                    and (not country or o.country_code == country or o.feature in ("country", "continent", "water")
                         or (o.feature == "region" and o.level == 1)))
                # Another spelling GeoNames knows, of a town in the article's country ("Afgoi" for Afgooye).
                hit = hit or tuple(o for o in self.gazetteer.lookup(part) if home and o.country_code == home
                                   and o.feature in ("city", "town", "village") and self._prominent(o, part))
                if hit:
                    return hit, True
        # The place named right after it ("the Kanteerava Stadium in Karnataka", "Royal Street, Bywater"),
        # else the town named just before it in the same paragraph, else the article's main town (mentioned
        # most, bigger towns first on a tie).
        after = [c for c in candidates if c.choice and not c.inferred and c.start >= cand.end
                 and re.fullmatch(r"\s*(?:,|in|at|near|of)\s*(?:the\s+)?", self._text[cand.end:c.start])]
        if after:
            return (after[0].choice,), True
        known = [c for c in candidates if c.choice and c.choice.feature in ("city", "town", "village") and not c.inferred]
        before = [c for c in known if c.start < cand.start and cand.start - c.start < 400
                  and "\n" not in self._text[c.start:cand.start]]
        if before:
            return (max(before, key=lambda c: c.start).choice,), True
        towns: dict[int, list] = {}
        for c in known:
            entry = towns.setdefault(c.choice.id, [0, c.choice])
            entry[0] += 1
        if towns:
            # Towns of the article's country first ("Dublin" over "London" in an Irish story that names both).
            countries = Counter(c.choice.country_code for c in candidates if c.choice and not c.inferred)
            count, focus = max(towns.values(), key=lambda e: (countries[e[1].country_code], e[0] + math.log10(e[1].population + 10) / 2))
            return (focus,), True
        # No town at all: the region or country the article is about, at region or country precision.
        regions = [c.choice for c in candidates if c.choice and not c.inferred and c.choice.feature == "region"]
        if regions:
            return (max(regions, key=lambda p: sum(c.choice is p for c in candidates)),), True
        home = self.gazetteer.country(country) if country else None
        return ((home,), True) if home else ((), False)

    def _prominent(self, place: GeoPlace, name: str) -> bool:
        """Whether a name found inside a longer one ("Colorado State University") is that place, not a word."""
        if _big(place):
            return True
        return place.population >= 5_000 and not self.common_words(name.lower())

"""Who did it: ACLED-style actor names from an event's sentence.

State forces are named "Military Forces of Russia (2000-)" / "Police Forces of Kenya"; known armed groups by
their ACLED names (``NAMED_GROUPS``); "gunmen", "militants" with no name are an "Unidentified Armed Group" of the
country where the event happens. Actors come in the order the sentence names them: the first is usually the one
who acts ("Russian troops shelled…"), the next the one acted upon.
"""

from __future__ import annotations

import re

from . import lexicon_fr
from .lexicon import GANGS, MILITARY_NOUNS, NAMED_GROUPS, POLICE_NOUNS, STATE_YEARS, UNIDENTIFIED

# "Russian troops", "Russian attack drones", "Israeli tank unit": a nationality, then a force within two words.
_NATIONAL = re.compile(r"\b([A-Z][a-z]+(?:ian|ean|ese|ish|i|an|ic))\s+([a-z-]+)(?:\s+([a-z-]+))?(?:\s+([a-z-]+))?\b")
# "Ukrainian and Russian soldiers": both.
_DEMONYM = r"[A-Z][a-z]+(?:ian|ean|ese|ish|i|an|ic)"
_NATIONAL_PAIR = re.compile(rf"\b({_DEMONYM}) and ({_DEMONYM})\s+([a-z-]+)\b")
# "U.S. airstrikes", "US jets", "UK troops"
_ABBREVIATED = re.compile(r"\b(U\.S\.|US|UK|U\.K\.)\s+([a-z-]+)(?:\s+([a-z-]+))?\b")
_COUNTRY_AS_ACTOR = re.compile(r"\bthe ([A-Z][a-z]+)s\b")  # "the Russians" (not "30 Palestinians", the victims)
# "Russia said its forces had captured…", "the Russian defence ministry said its troops…"
_ITS_FORCES = re.compile(r"\b(?!The\b)([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:’s|'s)?(?: (?i:defen[cs]e ministry|military|army|"
                         r"government|general staff|air force|navy))? (?:said|says|claimed|reported|announced) "
                         r"(?:that )?(?:its|their) (?:forces|troops|army|military|units|soldiers|drones|missiles|aircraft|jets|"
                         r"navy|artillery|air defen[cs]es?)\b")
# "Ukraine's air force", "Myanmar military", "the Myanmar junta"
_COUNTRY_FORCES = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:’s|'s)? (?:air force|army|military|armed forces|forces|"
                             r"navy|troops|air defen[cs]es?|junta)\b")
# "Armenia has launched a new offensive": a country that strikes is its forces.
_COUNTRY_STRIKES = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:has |have |had )?(?:launched|initiated|carried out|"
                              r"shelled|attacked|struck|bombed|fired)\b")
# State forces named without a nationality: the forces of the country where the event happens.
_HOME_FORCES = re.compile(r"\b(?:(?:the|government|state|national) (?:army|military|armed forces)|government (?:forces|troops)|"
                          r"security forces|(?:riot )?police(?:men)?|(?:police )?officers)\b", re.I)
# "Fulani militia", "Dozo militiamen": ACLED's "Fulani Ethnic Militia (Nigeria)"; a communal militia with no name
# is an "Unidentified Communal Militia" of the country.
_ETHNIC_MILITIA = re.compile(r"\b(?!The\b|A\b|An\b)([A-Z][a-z]+) (?:ethnic |communal |tribal )?(?:militias?|militiamen)\b")
_COMMUNAL_MILITIA = re.compile(r"\b(?:communal|ethnic|tribal|village|local) (?:militias?|militiamen)\b", re.I)
# "Soldiers seized a cache": with no nationality or other side before them, the forces of the country it happens in.
_BARE_TROOPS = re.compile(r"(?<![\w-])(?:(\w+)\s+)?(?i:soldiers|troops|servicemen)\b")
_NOT_HOME = frozenset("rebel enemy foreign peacekeeping mercenary militia opposition allied coalition nato un au "
                      "government".split())
_DETERMINERS = frozenset("the a some many several two three four five six seven eight nine ten dozens hundreds".split())
_THE = re.compile(r"(?:United|Republic|Democratic|Central African|Netherlands|Philippines|Gambia|Bahamas|Comoros|"
                  r"Maldives|Marshall|Solomon|Seychelles)")
_REPORTED = re.compile(r"\b(?:(?:said|says|claimed|reported|announced|accused)\b(?:\s+(?:on\s+)?\w+day)?\s+that|"
                       r"(?-i:(?:said|says|claimed|reported)(?=\s+(?!(?:its|it|they|their|we|our|he|his|she|her)\b)[a-z]))|blamed|"
                       r"accused)\b", re.I)  # (not "claimed they shot down": who claims it did it)
# "Two soldiers were killed when militants attacked": who suffered is named before who acted.
_SUFFERED = re.compile(r"\b(?:were|was|have been|had been)\s+(?:\w+\s+)?(?:killed|wounded|injured|shot|abducted|"
                       r"kidnapped|captured|ambushed|attacked)\b", re.I)
# "According to the guerrillas, the armed forces are responsible": the source is not who acted.
_ACCORDING = re.compile(r"\baccording to\b[^,]{0,80},", re.I)
# What Ukrainian officials call Russia's forces.
_ENEMY_UA = re.compile(r"\b(?:the enemy|the occupiers|occupying forces|the invaders|russists|the aggressor)\b", re.I)


def _put_behind(found: list[tuple[int, str]], start: int, end: int, after: int, shift: int) -> list[tuple[int, str]]:
    """Actors named between ``start`` and ``end`` go after the others, when someone is named from ``after`` on."""
    if not any(pos >= after for pos, _ in found):
        return found
    return [(pos + (shift if start <= pos < end else 0), name) for pos, name in found]


class Actors:
    """Mixed into the event finder: needs ``self.gazetteer`` and ``self.language``."""

    def _armed_actors(self, sentence: str, home: str | None = None) -> list[str]:
        """Armed actors in the order the sentence names them; "the army", "police", "gunmen" with no nationality
        belong to ``home``, the country where the event happens."""
        found: list[tuple[int, str]] = []
        groups = [(m.start(), name) for pattern, name in NAMED_GROUPS for m in re.finditer(pattern, sentence, re.I)]
        if self.language == "fr":
            for m in lexicon_fr.NATIONAL_FR.finditer(sentence):
                code = lexicon_fr.NATIONALITIES_FR.get(m.group(2).lower())
                if code:
                    police = m.group(1).lower() == "police"
                    found.append((m.start(), self._police(code) if police else self._state_forces(code)))
            if home:
                found += [(m.start(), f"Unidentified Armed Group ({self._country_name(home)})")
                          for m in lexicon_fr.UNIDENTIFIED_FR.finditer(sentence.lower())]
        if home and self.language == "en":
            for m in _HOME_FORCES.finditer(sentence):
                police = m.group(0).lower().startswith(("police", "riot police", "officers"))
                found.append((m.start(), self._police(home) if police else self._state_forces(home)))
            for m in _BARE_TROOPS.finditer(sentence):
                before = m.group(1)
                if before is None or before.isdigit() or before.lower() in _DETERMINERS or (
                        before.islower() and before not in _NOT_HOME):
                    found.append((m.start(1) if before else m.start(), self._state_forces(home)))
            low = sentence.lower()
            gangs = [(m.start(), f"Unidentified Gang ({self._country_name(home)})") for m in GANGS.finditer(low)]
            found += gangs
            # "cartel gunmen" are a gang, "M23 rebels" and "Taliban fighters" their group.
            for m in UNIDENTIFIED.finditer(low):
                if not any(abs(m.start() - g) < 20 for g, _ in gangs + groups):
                    found.append((m.start(), f"Unidentified Armed Group ({self._country_name(home)})"))
            for m in _ETHNIC_MILITIA.finditer(sentence):
                if _COMMUNAL_MILITIA.match(sentence, m.start()):
                    continue  # "Local militiamen": communal, no ethnic name
                if not self.gazetteer or not (self.gazetteer.demonym_countries(m.group(1)) or self.gazetteer.lookup(m.group(1))):
                    found.append((m.start(), f"{m.group(1)} Ethnic Militia ({self._country_name(home)})"))
            found += [(m.start(), f"Unidentified Communal Militia ({self._country_name(home)})")
                      for m in _COMMUNAL_MILITIA.finditer(sentence)]
            if home == "UA":
                found += [(m.start(), self._state_forces("RU")) for m in _ENEMY_UA.finditer(sentence)]
        for m in _NATIONAL.finditer(sentence):
            codes = self.gazetteer.demonym_countries(m.group(1)) if self.gazetteer else ()
            name = self._force_of(codes[0], m.groups()[1:]) if codes else None
            if name:
                found.append((m.start(), name))
        for m in _NATIONAL_PAIR.finditer(sentence):
            for k in (1, 2):
                codes = self.gazetteer.demonym_countries(m.group(k)) if self.gazetteer else ()
                name = self._force_of(codes[0], (m.group(3),)) if codes else None
                if name:
                    found.append((m.start(k), name))
        for m in _ABBREVIATED.finditer(sentence):
            code = "US" if "U" in m.group(1) and "S" in m.group(1) else "GB"
            name = self._force_of(code, m.groups()[1:])
            if name:
                found.append((m.start(), name))
        for m in _COUNTRY_AS_ACTOR.finditer(sentence):
            codes = self.gazetteer.demonym_countries(m.group(1)) if self.gazetteer else ()
            if codes:
                found.append((m.start(), self._state_forces(codes[0])))
        for pattern in (_COUNTRY_FORCES, _ITS_FORCES, _COUNTRY_STRIKES):
            for m in pattern.finditer(sentence):
                code = self._country_code(m.group(1))
                if code is not None:
                    found.append((m.start(), self._state_forces(code)))
        first: dict[str, int] = {}
        for pos, name in groups:
            first.setdefault(name, pos)  # each group where it is first named
        found += [(pos, name) for name, pos in first.items()]
        # "The rebels said on Friday that government jets bombed the market": who reports comes after who acts, as
        # does who suffered, named first in a passive ("Two soldiers were killed when militants attacked").
        for cue in (_REPORTED, _SUFFERED):
            m = cue.search(sentence)
            if m:
                found = _put_behind(found, 0, m.start(), m.end(), len(sentence))
        m = _ACCORDING.search(sentence)
        if m:
            found = _put_behind(found, m.start(), m.end(), m.end(), len(sentence))
        found.sort()
        out: list[str] = []
        for _, name in found:
            if name not in out:
                out.append(name)
        return out

    def _demonym_home(self, sentence) -> str | None:
        """Where an event no place locates happens, by the one nationality its sentence names ("ambushed a Malian
        army convoy near Boni"): whose "militants" and "police" they are."""
        if self.gazetteer is None:
            return None
        codes = {code for m in re.finditer(_DEMONYM, sentence.text) for code in self.gazetteer.demonym_countries(m.group())[:1]}
        return codes.pop() if len(codes) == 1 else None

    def _force_of(self, code: str, words) -> str | None:
        """The force a nationality qualifies, if one of the next words names one ("Russian attack drones")."""
        for word in words:
            if word in MILITARY_NOUNS:
                return self._state_forces(code)
            if word in POLICE_NOUNS:
                return self._police(code)
        return None

    def _country_code(self, name: str) -> str | None:
        """"Ukraine" or "Ukrainian": the country's code."""
        if self.gazetteer is None:
            return None
        country = next((p for p in self.gazetteer.lookup(name) if p.feature == "country"), None)
        if country is not None:
            return country.country_code
        codes = self.gazetteer.demonym_countries(name)
        return codes[0] if codes else None

    def _state_forces(self, code: str) -> str:
        return f"Military Forces of {self._forces_of(code)}{STATE_YEARS.get(code, '')}"

    def _police(self, code: str) -> str:
        return f"Police Forces of {self._forces_of(code)}"

    def _government(self, forces: str) -> str:
        """An agreement's party: the government the forces serve ("Government of Ukraine (2019-)")."""
        return re.sub(r"^(?:Military|Police) Forces of ", "Government of ", forces)

    def _forces_of(self, code: str) -> str:
        """"the United States", "the Philippines", as ACLED writes them after "Forces of"."""
        name = self._country_name(code)
        return f"the {name}" if _THE.match(name) else name

    def _country_name(self, code: str) -> str:
        country = self.gazetteer.country(code) if self.gazetteer else None
        return country.name if country else code

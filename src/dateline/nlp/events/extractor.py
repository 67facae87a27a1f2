"""ACLED-style events from one parsed article: type, actors, place, date, fatalities, evidence.

Sentence by sentence: the rules of the article's language (``rules``: spaCy matcher patterns read from
``data/events/<language>.json``, written from the codebook) find triggers; the mention filter
(``nlp.mentions``) drops those the sentence denies, plans, threatens or names in passing; ``decide``
applies each type's conditions and the codebook's decision rules. In English, a sentence-embedding
classifier (``classifier``) reads texts where the rules find nothing and rereads the sub-types words
decide worst. The event takes place at the
towns the sentence names (one event per town, as ACLED codes several towns as
several events), else at its region or country, else at the place the
paragraph or the article is about; places after "from" are origins, not
locations. Actors get ACLED's names ("Military Forces of Russia (2000-)",
"Civilians (Ukraine)", "Unidentified Armed Group (Mali)"), fatalities follow
ACLED's conservative rule, and the date comes from ``dating``. Events of the
same type at the same place (or at a town inside a region already coded) are
merged, keeping the most precise place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ...types import Event, Location, Mention, Place
from ..extensions import text_of
from ..lexicon import EQUIPMENT
from ..mentions import anchor, mention_filter
from ..places.common import in_dateline
from ..places.extractor import resolved_place
from ..places.gazetteer import distance_km
from .actors import Actors
from .dating import event_date, weekday
from .decide import Kind, decide, territory_by_actor
from .fatalities import fatalities as _fatalities
from .reading import CLASSIFIER_DOUBT, ClassifierReading
from .rules import RuleReading, event_rules
from .acled import CROWD_GRAVITY, VIOLENT_TYPES, EventType, SubEventType
from .scene import more_deaths, refers_back, scene_types
from .sentences import report_year, split_sentences, told_as_history

_MAX_TOWNS = 4
_MERGE_KM = 150.0
_S = SubEventType


@dataclass
class _Draft:
    event_type: str
    sub_event_type: str
    sentence: Span
    place: Place | None
    actor1: str | None = None
    actor2: str | None = None
    date: str | None = None
    precision: int | None = None
    fatalities: int | None = None
    confidence: float = 0.5
    sources: list[Span] = field(default_factory=list)
    explicit: bool = True  # the sentence names the place (not the paragraph's or the article's)
    vague: bool = False  # a strike whose weapon the sentence does not name
    paragraph: int = 0
    weekday: int | None = None  # the day of the week the sentence names
    index: int = 0  # of the sentence in the article


class EventFinder(Actors, ClassifierReading):
    def __init__(self, make_doc, gazetteer=None, use_classifier: bool = True):
        self.make_doc = make_doc  # the pipeline's tokenizer, for the rules' phrases
        self.gazetteer = gazetteer
        self.use_classifier = use_classifier
        self.language = "en"

    def find(self, doc: Doc, places=(), entities=(), published: str | None = None) -> tuple[Event, ...]:
        """Events in ``doc``; languages without rules of their own (only English and French have them) get none."""
        self.language = doc.lang_
        rules = event_rules(doc.vocab, self.make_doc, doc.lang_)
        if rules is None:
            return ()
        text = text_of(doc)
        sentences = list(split_sentences(doc))
        reading = rules.read(doc, sentences)
        mentions = mention_filter(doc.vocab, self.make_doc, doc.lang_)
        cues = mentions.reading(doc) if mentions is not None else None
        # A dateline says where the story was filed, not where it happened.
        told = {p.id: [m for m in p.mentions if not in_dateline(doc, m.start, m.end, text)] for p in places}
        located = [(m.start, m.end, p) for p in places if p.lat is not None for m in told[p.id]]
        main = _main_place(places, told) or self._dateline_country(places, told)
        drafts: list[_Draft] = []
        paragraph_place: Place | None = None
        paragraph_start = -1
        latest_year = report_year(text, published)
        patterns = [None if k is None or told_as_history(sent.text, latest_year) else k
                    for sent, k in zip(sentences, (decide(reading, cues, sent, _before_in_paragraph(sentences, i, text))
                                                   for i, sent in enumerate(sentences)))]
        kinds = (self._reread(sentences, patterns, reading) if any(patterns)
                 else self._classified(sentences, latest_year, reading, cues))
        for i, (sent, kind) in enumerate(zip(sentences, kinds)):
            start = text.rfind("\n", 0, sent.start_char) + 1
            if start != paragraph_start:
                paragraph_start, paragraph_place = start, None
            in_sentence = [(s, e, p) for s, e, p in located if sent.start_char <= s < sent.end_char]
            if kind is not None:
                if kind.sub_event_type is _S.DISRUPTED_WEAPONS_USE:
                    # Where the drone was heading ("launched towards Saudi Arabia", "as it targeted Kyiv") is not
                    # where it was stopped.
                    in_sentence = [(s, e, p) for s, e, p in in_sentence if not _HEADING.search(text[max(0, s - 100):s])]
                targets = self._locations(text, in_sentence)
                explicit = bool(targets)
                named_country = next((p for s, _, p in in_sentence if p.feature == "country"
                                      and not _FROM_BEFORE.search(text[max(0, s - 60):s])), None)
                fallback = paragraph_place or main or named_country
                if kind.sub_event_type is _S.DISRUPTED_WEAPONS_USE and not targets:
                    # Drones downed "overnight" fall over a whole country, not over the paragraph's town (nor
                    # over the country that launched them: "launched by Russia").
                    home = _main_country(places)
                    home = home if home is None or main is None or home.country_code == main.country_code else None
                    fallback = named_country or home or fallback
                previous = drafts[-1] if drafts else None
                if (previous is not None and i - previous.index <= 2 and previous.event_type in VIOLENT_TYPES
                        and refers_back(sent.text)
                        and all(p.feature == "other" or _same_place(p, previous.place) for p in targets)):
                    # "… a mine went off during the evening raid": more of the event just told, not another one.
                    _join(previous, sent)
                    continue
                where = (targets or [fallback])[:_MAX_TOWNS]
                for k, place in enumerate(where):
                    draft = self._draft(kind, sent, place, reading, published)
                    draft.index = i
                    if kind.by_classifier:  # the classifier's reading, not the rules'
                        draft.confidence = round(draft.confidence - CLASSIFIER_DOUBT, 2)
                    draft.explicit, draft.paragraph = explicit, paragraph_start
                    # One toll for several places: ACLED shares it out, the remainder to the first.
                    share, rest = divmod(draft.fatalities or 0, len(where))
                    draft.fatalities = share + (rest if k == 0 else 0)
                    drafts.append(draft)
            elif drafts:
                where_told = self._locations(text, in_sentence)
                _refine_scene(drafts, scene_types(sent.text), where_told)
                _police_response(drafts, i, sent, reading.lexicons_in(sent))
                _more_deaths(drafts, i, sent)
                casualties = self._casualties_in_town(drafts, i, sent, where_told, reading, published)
                if casualties is not None:
                    drafts.append(casualties)
            towns = [p for _, _, p in in_sentence if p.feature in ("city", "town", "village", "region")]
            if towns:
                paragraph_place = towns[-1]
        return tuple(_event(d) for d in _merge(drafts))

    def _dateline_country(self, places, told: dict[str, list]) -> Place | None:
        """The country of the dateline's town, when the article names no other place: a story filed from San
        Salvador happened in El Salvador, not necessarily in San Salvador."""
        town = next((p for p in places if p.country_code and p.mentions and not told[p.id]), None)
        country = self.gazetteer.country(town.country_code) if town and self.gazetteer else None
        return resolved_place(country) if country is not None else None

    def _casualties_in_town(self, drafts: list[_Draft], i: int, sent: Span, where: list[Place],
                            reading: RuleReading, published) -> _Draft | None:
        """"Russian troops launched 370 strikes in the Zaporizhzhia region. A man was killed in Huliaipole.": the
        deaths in a town of the region just struck are an event of the same kind in that town (ACLED codes one
        event per town)."""
        d = drafts[-1]
        town = next((p for p in where if p.feature in ("city", "town", "village")), None)
        if (town is None or d.event_type not in VIOLENT_TYPES or i - d.index > 1 or d.place is None
                or _precision(d.place) < 3 or not _same_place(d.place, town)):
            return None
        deaths = _fatalities(sent.text, d.event_type)
        if not deaths or not re.search(r"\b(?:killed|died|dead)\b", sent.text):
            return None
        draft = self._draft(Kind(SubEventType(d.sub_event_type)), sent, town, reading, published)
        draft.actor1, draft.actor2 = draft.actor1 or d.actor1, draft.actor2 or d.actor2
        draft.index, draft.paragraph, draft.date = i, d.paragraph, draft.date or d.date
        return draft

    def _locations(self, text: str, in_sentence) -> list[Place]:
        """The sentence's towns, else its regions, else its countries, where the event is said to happen:
        after "in", "at", "near"… or as the object of the attack ("shelled Kharkiv"); not origins
        ("from Kyiv"), actors ("Moscow said") or owners ("Mali’s north")."""
        places = [p for s, e, p in in_sentence if _where(text, s, e)]
        unique = list({p.id: p for p in places}.values())
        for features in (("city", "town", "village", "other"), ("region", "water"), ("country",)):
            chosen = [p for p in unique if p.feature in features]
            if chosen:
                return chosen
        return []

    def _draft(self, kind: Kind, sent: Span, place: Place | None, reading: RuleReading, published) -> _Draft:
        event_type, sub_event = kind.event_type, kind.sub_event_type
        present = reading.lexicons_in(sent)
        country = self._country_name(place.country_code) if place and place.country_code else None
        armed = self._armed_actors(sent.text, place.country_code if place and place.country_code else self._demonym_home(sent))
        actor1 = armed[0] if armed else None
        actor2 = armed[1] if len(armed) > 1 else None
        named = _named_agent(kind.span) if event_type.violent and kind.span is not None else None
        if named is not None and (actor1 is None or actor1.startswith("Unidentified")) and named != actor2:
            actor1 = named  # "the Arakan Army attacked…", "THE FMLN ATTACKED…": a group ACLED has no name for here
        if actor1 is None and event_type.violent and "unidentified_armed" in present:
            actor1 = f"Unidentified Armed Group ({country})" if country else "Unidentified Armed Group"
        if event_type is EventType.BATTLES:
            state = self._state_forces(place.country_code) if country else None
            if actor2 is None and state and actor1 and actor1 != state and not actor1.startswith("Police Forces of"):
                actor2 = state  # a battle has two sides: the other is the state's forces where it is fought
            sub_event = territory_by_actor(sub_event, actor1)
        elif event_type in (EventType.REMOTE_VIOLENCE, EventType.VIOLENCE_AGAINST_CIVILIANS):
            if "civilians" in present and country:
                actor2 = f"Civilians ({country})"
        elif sub_event is _S.DISRUPTED_WEAPONS_USE:
            # The defender intercepts the attacker's weapons.
            attacker = actor1
            defender = self._state_forces(place.country_code) if place and place.country_code else None
            if attacker and (attacker.startswith("Military Forces") and len(armed) == 1
                             and _SPEAKING_FORCES.search(sent.text) or _INTERCEPTOR.search(sent.text)):
                # "The Israeli army said most of the rockets were intercepted": the forces that speak stopped them.
                actor2 = actor2 if actor2 != attacker else None
            elif attacker and defender and attacker != defender:
                actor1, actor2 = defender, attacker
        elif sub_event is _S.AGREEMENT:
            actor1, actor2 = (self._government(a) if a else None for a in (actor1, actor2))
        elif event_type is EventType.PROTESTS and country:
            forces = next((a for a in armed if a.startswith(("Police Forces", "Military Forces"))), None)
            actor1 = f"Protesters ({country})" if "protesters" in present or not actor1 else actor1
            if sub_event is not _S.PEACEFUL_PROTEST and forces and forces != actor1:
                actor2 = forces  # the police that dispersed or fired on them
        elif event_type is EventType.RIOTS and country:
            forces = next((a for a in armed if a.startswith(("Police Forces", "Military Forces"))), None)
            crowd = "rioters" in present or "protesters" in present
            actor1 = f"Rioters ({country})" if crowd or not actor1 or actor1 == forces else actor1
            actor2 = forces if forces and forces != actor1 else actor2
        day, precision = event_date(sent.text, published)
        confidence = 0.5 + (0.2 if place is not None else 0.0) + (0.15 if actor1 else 0.0)
        return _Draft(event_type, sub_event, sent, place, actor1, actor2, day, precision,
                      _fatalities(sent.text, event_type, sub_event), round(min(confidence, 0.95), 2), [sent],
                      vague=not kind.weapon_named, weekday=weekday(sent.text))

    # -- actors --------------------------------------------------------------------------------------



_WHERE_BEFORE = re.compile(r"(?:\b(?:in|at|near|outside|around|on|into|across|towards?|over|inside|throughout|against|"
                           r"à|au|aux|dans|près de|en|sur|vers|contre|autour de|(?:ville|région|village) d[e']|"
                           r"(?:cit(?:y|ies)|towns?|villages?|regions?|provinces?|oblasts?|districts?|governorates?|port|"
                           r"outskirts|areas|parts|streets|(?:north|south)?-?(?:east|west)|north|south)\s+of|"
                           r"shelled|shelling|struck|striking|hit|attacked|attacking|targeted|targeting|bombed|bombing|"
                           r"pounded|raided|captured|seized|"
                           r"recaptured|liberated|retook|entered|encircle|encircled|besieged)\s+(?:the\s+)?"
                           r"(?:[\w’'-]+\s+){0,2})$", re.I)


# Forces reporting an interception: the ones that made it.
_SPEAKING_FORCES = re.compile(r"\b(?:army|military|air force|air defen[cs]es?|armed forces|defen[cs]e ministry)\b"
                              r"[^.]{0,20}\b(?:said|says|reported|announced|claimed)\b", re.I)
# The actor named is the one that shot the weapon down: "rebels claimed they shot down a US drone".
_INTERCEPTOR = re.compile(r"\b(?:they|we|rebels|militia|fighters|group|movement)\b[^.]{0,20}\b(?:shot down|downed|"
                          r"intercepted)\b", re.I)
# "from Kyiv", "fired from a position north of Hodeidah" (but not "pupils taken from a school in Zamfara").
_FROM_BEFORE = re.compile(r"\b(?:from|par)\s+(?:(?!(?:in|at|near|inside|on|à|dans)\b)[\w’'-]+\s+){0,6}$", re.I)
_HEADING = re.compile(r"(?:\b(?:launched|fired|flying|flew|headed|heading)\b[^.]{0,80}\btowards?|\btarget(?:ed|ing)|"
                      r"\baimed at)\s+(?:the\s+)?$", re.I)
_SEAT_BEFORE = re.compile(r"\b(?:ministry|government|officials?|authorities|spokes\w+|office|embassy|headquarters|"
                          r"command|kremlin|parliament|court)\s+(?:in|of)\s+(?:the\s+)?$", re.I)


# "Police in Nairobi said gunmen killed three in Mandera": the place is part of who speaks.
_IN_BEFORE = re.compile(r"\b(?:in|of)\s+$")
_SPEAKS_AFTER = re.compile(r"\s+(?:has |have )?(?:said|says|told|reported|announced|claimed|confirmed)\b")


def _where(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40):start]
    after = text[end:end + 3]
    if after.startswith(("’s", "'s", "-backed", "-based")) or _SEAT_BEFORE.search(before):
        return False  # an owner, a sponsor, or where an institution sits ("the defence ministry in Moscow")
    if _IN_BEFORE.search(before) and _SPEAKS_AFTER.match(text, end):
        return False
    if re.search(r"\b\d[\d,.]*\s*(?:km|kilomet(?:er|re)s?|miles?)\b[^.]{0,25}$", before):
        return False  # a landmark to measure from: "30km southwest of Mogadishu"
    # Not an origin: "from Kyiv", "fired from a position north of Hodeidah".
    return bool(_WHERE_BEFORE.search(before)) and not _FROM_BEFORE.search(before)


def _refine_scene(drafts: list[_Draft], types: tuple[str, ...], where: list[Place]) -> None:
    """"The raid happened outside Gao": the latest event of that kind whose own sentence named no town
    (only "eastern Mali", or nothing) happened there."""
    town = next((p for p in where if p.feature in ("city", "town", "village", "other")), None)
    if not types or town is None:
        return
    draft = next((d for d in reversed(drafts) if d.event_type in types
                  and (not d.explicit or _precision(d.place) >= 3)), None)
    if draft is None:
        return
    if draft.place is None or draft.place.country_code == town.country_code:
        draft.place, draft.explicit = town, True


def _more_deaths(drafts: list[_Draft], i: int, sent: Span) -> None:
    """"One soldier was also killed in the exchange of fire": deaths to add to the event just told."""
    d = drafts[-1]
    if d.event_type in VIOLENT_TYPES and i - d.index <= 2 and refers_back(sent.text) and more_deaths(sent.text):
        _join(d, sent)


def _join(draft: _Draft, sent: Span) -> None:
    """A sentence that tells more of the event: its deaths add up when they are more ("also killed"), else the
    higher toll stands."""
    deaths = _fatalities(sent.text, draft.event_type)
    told = draft.fatalities or 0
    draft.fatalities = told + deaths if more_deaths(sent.text) else max(told, deaths)
    draft.sources.append(sent)


def _police_response(drafts: list[_Draft], i: int, sent: Span, present: frozenset[str]) -> None:
    """"Police fired tear gas to disperse them" right after a protest: the protest met an intervention."""
    d = drafts[-1]
    if d.sub_event_type != _S.PEACEFUL_PROTEST or i - d.index > 2:
        return
    if {"security_forces", "crowd_control_act"} <= present:
        d.sub_event_type = _S.EXCESSIVE_FORCE if "live_fire" in present else _S.PROTEST_WITH_INTERVENTION
        d.fatalities = max(d.fatalities or 0, _fatalities(sent.text, d.event_type, d.sub_event_type))
        country = re.fullmatch(r"Protesters \((.+)\)", d.actor1 or "")
        if d.actor2 is None and country and re.search(r"\bpolice\b", sent.text, re.I):
            d.actor2 = f"Police Forces of {country.group(1)}"
        d.sources.append(sent)


def _named_agent(span: Span) -> str | None:
    """The group that did it, by name, from the parse: the subject of the trigger's verb ("the Arakan Army
    attacked"), or its agent ("planted by the Shining Path"), when that is an organisation's name — an ORG
    entity, or proper nouns or an acronym — and not a place or a person."""
    verb = anchor(span)
    agents = [c for c in verb.children if c.dep_ == "nsubj"]
    agents += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for head in agents:
        phrase = span.doc[head.left_edge.i:head.i + 1]
        while len(phrase) and (phrase[0].pos_ in ("DET", "PRON") or phrase[0].lower_ in ("the", "a", "an")):
            phrase = phrase[1:]
        if not len(phrase) or len(phrase) > 6:
            continue
        labels = {t.ent_type_ for t in phrase}
        if labels & {"GPE", "LOC", "PERSON", "FAC", "DATE", "CARDINAL"}:
            continue
        if _upper_case(span.sent):
            # in a text set in capitals every word looks like an acronym or a name ("THAT", "MEDIA", "REPORT")
            if "ORG" in labels and not all(t.is_stop or t.lower_ in _EVENT_WORDS for t in phrase):
                return phrase.text
            continue
        if phrase[-1].lower_ in _WEAPON_ACRONYMS or phrase[-1].lower_ in EQUIPMENT:
            continue
        acronym = len(phrase) == 1 and phrase[0].is_upper and 2 <= len(phrase[0].text) <= 6 and phrase[0].is_alpha
        # one capitalised word alone is as often a sentence's first noun ("Gunmen killed…") as a name
        if "ORG" in labels or acronym or (len(phrase) > 1 and all(t.pos_ == "PROPN" for t in phrase)):
            return phrase.text
    return None


_EVENT_WORDS = frozenset("attack attacks bomb bombs murder report media explosion explosions".split())
# Weapons written as acronyms: the subject of "an IED exploded" is the device, not a group.
_WEAPON_ACRONYMS = frozenset("ied ieds vbied vbieds svbied uav uavs uxo rpg rpgs mlrs atgm manpads".split())


def _upper_case(sentence: Span) -> bool:
    """A sentence set in capitals (old wire copy, shouted headlines): case says nothing about names there."""
    letters = [t for t in sentence if t.is_alpha and len(t) > 1]
    return len(letters) >= 4 and sum(t.is_upper for t in letters) >= 0.8 * len(letters)


def _main_place(places, told: dict[str, list]) -> Place | None:
    """The place the article is about: the most mentioned town or region (a town on a tie, then the first); only
    the mentions ``told`` count (a dateline names where the story was filed)."""
    pool = [p for p in places if p.lat is not None and p.feature in ("city", "town", "village", "region") and told[p.id]]
    return max(pool, key=lambda p: (len(told[p.id]), p.feature != "region", -told[p.id][0].start), default=None)


def _main_country(places) -> Place | None:
    countries = [p for p in places if p.feature == "country" and p.lat is not None]
    return max(countries, key=lambda p: (len(p.mentions), -p.mentions[0].start), default=None)


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    """One event per type and place: a region-level event joins a town-level one inside it."""
    out: list[_Draft] = []
    for d in drafts:
        crowd = next((o for o in out if {o.event_type, d.event_type} <= {EventType.PROTESTS, EventType.RIOTS} and abs(o.index - d.index) <= 2
                      and o.sub_event_type != d.sub_event_type and _same_place(o.place, d.place)
                      and (o.date == d.date or None in (o.date, d.date))), None)
        if crowd is not None:
            # A protest met with tear gas, or that turned violent, is one event of the gravest kind, not two.
            if CROWD_GRAVITY.get(d.sub_event_type, 0) > CROWD_GRAVITY.get(crowd.sub_event_type, 0):
                crowd.event_type, crowd.sub_event_type, crowd.actor1, crowd.actor2 = (
                    d.event_type, d.sub_event_type, d.actor1, d.actor2 or crowd.actor2)
                crowd.sentence = d.sentence  # the sentence that makes it a riot
            crowd.sources.extend(d.sources)
            continue
        if d.vague:
            # A strike with no weapon named joins a named one at the same place, else stands as shelling.
            twin = next((o for o in out if o.event_type == d.event_type and _same_place(o.place, d.place)), None)
            if twin is not None:
                twin.sources.extend(d.sources)
                twin.fatalities = max(twin.fatalities or 0, d.fatalities or 0)
                continue
        vague = next((o for o in out if o.vague and o.event_type == d.event_type and _same_place(o.place, d.place)), None)
        if vague is not None:
            vague.sub_event_type, vague.vague = d.sub_event_type, False  # the article names the weapon elsewhere
        twin = next((o for o in out if o.event_type == d.event_type and o.sub_event_type == d.sub_event_type
                     and (o.date == d.date or o.date is None or d.date is None)
                     and (o.weekday == d.weekday or o.weekday is None or d.weekday is None)
                     and (_same_place(o.place, d.place) or _headline(o) or _headline(d))
                     # A place taken from the context only joins events of the same paragraph (or the headline's).
                     and ((o.explicit and d.explicit) or o.paragraph == d.paragraph or o.place is None or _headline(o)
                          or (o.place is not None and d.place is not None and o.place.id != d.place.id)
                          # a protest told again in a later paragraph, at the same place, is the same protest
                          or (o.event_type == EventType.PROTESTS and o.place is not None and d.place is not None
                              and o.place.id == d.place.id))), None)
        if twin is None:
            out.append(d)
            continue
        if _precision(d.place) < _precision(twin.place):
            twin.place = d.place
        if _better_evidence(d, twin):
            twin.sentence, twin.explicit = d.sentence, d.explicit
        if twin.date is None:
            twin.date, twin.precision = d.date, d.precision
        twin.actor1 = twin.actor1 or d.actor1
        twin.actor2 = twin.actor2 or d.actor2
        twin.fatalities = max(twin.fatalities or 0, d.fatalities or 0)
        twin.confidence = max(twin.confidence, d.confidence)
        twin.sources.extend(d.sources)
    return out


def _headline(d: _Draft) -> bool:
    """The article's first line without a full stop: it summarises an event the body tells."""
    return d.sentence.start_char == 0 and d.sentence.text.rstrip()[-1:] not in ".!?”\""


def _better_evidence(new: _Draft, old: _Draft) -> bool:
    """The body sentence that names the place says more than a headline or a sentence that does not."""
    def rank(d: _Draft) -> tuple[int, int, int]:
        headline = d.sentence.text.rstrip()[-1:] not in ".!?”\""  # a wire lede at offset 0 is a sentence
        return (int(d.explicit), int(not headline), len(d.sentence.text))
    return rank(new) > rank(old)


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.id == b.id:
        return True
    coarse, fine = (a, b) if _precision(a) >= _precision(b) else (b, a)
    if coarse.feature == "country":
        return fine.country_code == coarse.country_code and _precision(fine) > 0 and fine.feature != "country"
    if _precision(coarse) > _precision(fine):
        if coarse.feature == "region" and fine.admin1 and fine.admin1 == coarse.name:
            return True  # a town inside the region already coded
        return distance_km(a.lat, a.lon, b.lat, b.lon) <= _MERGE_KM
    return False


def _precision(place: Place | None) -> int:
    return place.geo_precision or 3 if place is not None else 4


def _event(d: _Draft) -> Event:
    sent = d.sentence
    location = None
    if d.place is not None:
        location = Location(name=d.place.name, lat=d.place.lat, lon=d.place.lon, country_code=d.place.country_code,
                            place_id=d.place.id)
    return Event(
        event_type=d.event_type,
        sub_event_type=d.sub_event_type,
        actor1=d.actor1,
        actor2=d.actor2,
        location=location,
        date=d.date,
        time_precision=d.precision,
        fatalities=d.fatalities,
        evidence=Mention(sent.start_char, sent.end_char, sent.text),
        confidence=d.confidence,
        also_told=tuple(Mention(s.start_char, s.end_char, s.text) for s in sorted(
            {s.start_char: s for s in d.sources if s.start_char != sent.start_char}.values(),
            key=lambda s: s.start_char)),
    )


def _before_in_paragraph(sentences: list[Span], i: int, text: str) -> Span | None:
    """The sentence before the ``i``-th, when the same paragraph holds both."""
    if i == 0:
        return None
    before = sentences[i - 1]
    return None if "\n" in text[before.end_char:sentences[i].start_char] else before

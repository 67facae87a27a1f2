"""Events against three public corpora we did not write (``dateline eval events --corpora``).

* MUC-3/4 DEV (1,300 Latin American reports, 1988-90, upper case; incident templates): incident type
  P/R/F1 under the corpus README's mapping to ACLED types, message-level detection, and on matched
  incidents the location, perpetrator and fatalities.
* IndiaPoliceEvents (1,257 Times of India articles, March 2002; sentence labels): did the police kill,
  arrest or use force, per sentence and per document, read off our events.
* PLOVER GSR (322 one-sentence examples): ACLED kinds found and typed right; verbal and diplomatic
  events that must give no event.

Each corpus's README (``../shared/data/events/*``) explains it; the mappings to ACLED follow them.

MUC and IndiaPoliceEvents are split in two halves by document number: rules are written and the classifier
is trained looking at the even ("tune") half only; figures are reported on the odd ("test") half.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from ..ingest.document import RawDocument
from ..nlp.events.acled import SubEventType
from ..nlp.places.gazetteer import fold, open_gazetteer
from ..types import Event
from .corpus import read_jsonl as _read
from .corpus import records as _records
from .devset import shared_dir
from .metrics import PRF, greedy_match
from .quotes import jaccard, tokens

BATTLES, REMOTE, CIVILIANS = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"
VIOLENT = {BATTLES, REMOTE, CIVILIANS, RIOTS}


PARTS = ("test", "tune", "all")


def in_part(number: int, part: str) -> bool:
    """Whether document ``number`` belongs to ``part``: odd numbers are the test half, even ones the tune half."""
    return part == "all" or (number % 2 == 1) == (part == "test")


def muc_number(message_id: str) -> int:
    return int(message_id.rsplit("-", 1)[-1])


def events_folder() -> Path:
    return shared_dir() / "data" / "events"


def _fold(text: str | None) -> str:
    return fold(text or "")


# -- MUC-3/4 ----------------------------------------------------------------------------------------------

# MUC instrument types used from afar, and the ACLED sub-event type each makes of an attack.
MUC_REMOTE_INSTRUMENTS = {
    "AERIAL BOMB": SubEventType.AIR_DRONE_STRIKE, "MORTAR": SubEventType.SHELLING, "ROCKET": SubEventType.SHELLING,
    "MISSILE": SubEventType.SHELLING, "GRENADE": SubEventType.GRENADE, "BOMB": SubEventType.REMOTE_EXPLOSIVE,
    "DYNAMITE": SubEventType.REMOTE_EXPLOSIVE, "MINE": SubEventType.REMOTE_EXPLOSIVE,
    "VEHICLE BOMB": SubEventType.REMOTE_EXPLOSIVE, "EXPLOSIVE": SubEventType.REMOTE_EXPLOSIVE,
}


def muc_types(incident: dict) -> set[str] | None:
    """The ACLED event types a MUC incident may be coded as (the corpus README's mapping); None: not an event."""
    kind, stage = incident.get("type"), incident.get("stage")
    if stage == "THREATENED":
        return None  # ACLED does not code threats
    instruments = {f for filler in incident.get("instrument_type") or [] for f in filler["fill"]}
    if kind == "ATTACK":
        if any(any(word in i for word in MUC_REMOTE_INSTRUMENTS) for i in instruments):
            return {REMOTE}
        return {CIVILIANS, BATTLES}
    if kind == "BOMBING":
        return {REMOTE} if stage != "ATTEMPTED" else {STRATEGIC, REMOTE}
    if kind == "KIDNAPPING":
        return {CIVILIANS}
    if kind == "ARSON":
        return {STRATEGIC, RIOTS}
    if kind in ("ROBBERY", "FORCED WORK STOPPAGE"):
        return {STRATEGIC}
    return None


def muc_places(location: str | None) -> list[str]:
    """``EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS (TOWN)`` → its names, country first."""
    return [_fold(re.sub(r"\([^)]*\)", "", part)) for part in (location or "").split(":") if part.strip()]


def muc_deaths(incident: dict) -> int | None:
    """People killed in the incident: the numbers of the targets whose effect is DEATH (the conservative end of
    a range); None when a dead target has no number."""
    numbers = {tuple(f["ref"] or ()): f["fill"][0] for f in incident.get("human_target_number") or []}
    total = 0
    for effect in incident.get("human_target_effect") or []:
        if not any("DEATH" in value for value in effect["fill"]):
            continue
        raw = numbers.get(tuple(effect["ref"] or ()))
        found = re.search(r"\d+", raw or "")
        if not found:
            return None
        total += int(found.group())
    return total


def _perpetrators(incident: dict) -> list[str]:
    return [name for slot in ("perpetrator_organization", "perpetrator_individual")
            for filler in incident.get(slot) or [] for name in filler["fill"]]


def _perpetrator_right(event: Event, incident: dict) -> bool | None:
    names = _perpetrators(incident)
    state = incident.get("perpetrator_category") == "STATE-SPONSORED VIOLENCE"
    if not names and not state:
        return None
    actor = _fold(event.actor1)
    if state and re.match(r"(military|police) forces of", actor):
        return True
    words = tokens(actor)
    return any(jaccard(words, tokens(_fold(n))) >= 0.5 or _fold(n) in actor.split() for n in names)


def _perpetrator_side_right(event: Event, incident: dict) -> bool | None:
    """ACLED's actor type rather than its name: state forces for state-sponsored violence, a non-state actor for a
    terrorist act. MUC names "guerrillas" where ACLED writes "Unidentified Armed Group", so names alone undercount."""
    category = incident.get("perpetrator_category")
    if category not in ("STATE-SPONSORED VIOLENCE", "TERRORIST ACT"):
        return None
    if not event.actor1:
        return False
    state = bool(re.match(r"(military|police) forces of", _fold(event.actor1)))
    return state == (category == "STATE-SPONSORED VIOLENCE")


def evaluate_muc(limit: int | None = None, workers: int = 0, errors: bool = False, part: str = "test") -> dict:
    messages = [m for m in _read(events_folder() / "muc34" / "muc34-dev.jsonl") if in_part(muc_number(m["id"]), part)]
    messages = messages[:limit] if limit else messages
    records = _records([RawDocument(origin=m["id"], text=m["text"], published=m.get("date")) for m in messages],
                       workers)
    typed, detected = PRF(), PRF()
    located = located_any = countries = perpetrators = perpetrators_ok = counted = deaths_ok = matched = 0
    sides = sides_ok = 0
    by_type: Counter = Counter()
    notes: list[str] = []
    for message, record in zip(messages, records):
        predicted = list(record.events) if record else []
        gold = [(i, types) for i in message["gold"]["incidents"] if (types := muc_types(i))]
        required = [g for g in gold if not g[0].get("optional")]
        detected.add(int(bool(predicted) and bool(required)), int(bool(predicted) and not required),
                     int(not predicted and bool(required)))

        def score(p: Event, g: tuple[dict, set[str]]) -> float:
            if p.event_type not in g[1]:
                return 0.0
            return 1.0 + (0.5 if p.location and _fold(p.location.name) in muc_places(g[0].get("location")) else 0.0)

        pairs = greedy_match(predicted, gold, score, 1.0)
        optional_hits = sum(1 for _, j in pairs if gold[j][0].get("optional"))
        typed.add(len(pairs), len(predicted) - len(pairs), len(required) - (len(pairs) - optional_hits))
        for i, j in pairs:
            event, (incident, _) = predicted[i], gold[j]
            matched += 1
            by_type[incident["type"]] += 1
            places = muc_places(incident.get("location"))
            name = _fold(event.location.name) if event.location else ""
            located += bool(places) and name == places[-1]
            located_any += bool(name) and name in places
            countries += bool(places) and bool(event.location) and _country_name(event.location.country_code) == places[0]
            right = _perpetrator_right(event, incident)
            if right is not None:
                perpetrators += 1
                perpetrators_ok += right
            side = _perpetrator_side_right(event, incident)
            if side is not None:
                sides += 1
                sides_ok += side
            deaths = muc_deaths(incident)
            if deaths is not None:
                counted += 1
                deaths_ok += (event.fatalities or 0) == deaths
        if errors:
            hit_p, hit_g = {i for i, _ in pairs}, {j for _, j in pairs}
            notes += [f"{message['id']} FP {p.event_type}/{p.sub_event_type}: {(p.evidence.text if p.evidence else '')[:100]!r}"
                      for i, p in enumerate(predicted) if i not in hit_p]
            notes += [f"{message['id']} FN {g[0]['type']} {g[0].get('stage')} @ {g[0].get('location')}"
                      for j, g in enumerate(gold) if j not in hit_g and not g[0].get("optional")]
    report = {
        "part": part,
        "messages": len(messages),
        "incident_type": typed.as_dict(),
        "message_detection": detected.as_dict(),
        "on_matched_incidents": {
            "matched": matched,
            "location_most_specific": _ratio(located, matched),
            "location_any_level": _ratio(located_any, matched),
            "country": _ratio(countries, matched),
            "perpetrator": _ratio(perpetrators_ok, perpetrators),
            "perpetrator_side": _ratio(sides_ok, sides),
            "fatalities_exact": _ratio(deaths_ok, counted),
        },
        "matched_by_muc_type": dict(by_type.most_common()),
    }
    if errors:
        report["errors"] = notes
    return report


def _country_name(code: str | None) -> str:
    country = open_gazetteer().country(code) if code else None
    return _fold(country.name) if country else ""


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


# -- IndiaPoliceEvents -----------------------------------------------------------------------------------

POLICE_LABELS = ("KILL", "ARREST", "FORCE")


def police_labels(event: Event) -> set[str]:
    """What one of our events says the police did, in the corpus's terms."""
    labels = set()
    if event.sub_event_type == "Arrests":
        labels.add("ARREST")
    police = any(re.search(r"\bpolice\b", a or "", re.I) for a in (event.actor1, event.actor2))
    forceful = event.event_type in VIOLENT or event.sub_event_type in (
        "Protest with intervention", "Excessive force against protesters")
    if police and forceful:
        labels.add("FORCE")
        if (event.fatalities or 0) > 0:
            labels.add("KILL")
    return labels


def _sentence_spans(text: str, sentences: list[str]) -> list[tuple[int, int]]:
    spans, at = [], 0
    for sentence in sentences:
        start = text.find(sentence, at)
        if start < 0:
            start = at
        spans.append((start, start + len(sentence)))
        at = start + len(sentence)
    return spans


def _sentence_of(evidence: str, text: str, spans: list[tuple[int, int]], sentences: list[str]) -> int | None:
    """The gold sentence holding an event's evidence (our text is cleaned, so offsets differ: find the words)."""
    probe = " ".join(evidence.split())[:60]
    at = text.find(probe) if probe else -1
    if at >= 0:
        # the gold sentence holding most of it: the corpus cuts a dateline ("faizabad:") off as a sentence of its own
        end = at + len(evidence)
        overlaps = [(min(b, end) - max(a, at), k) for k, (a, b) in enumerate(spans) if a < end and at < b]
        return max(overlaps)[1] if overlaps else None
    words = tokens(evidence)
    best = max(range(len(sentences)), key=lambda k: jaccard(words, tokens(sentences[k])), default=None)
    return best if best is not None and jaccard(words, tokens(sentences[best])) >= 0.5 else None


def evaluate_india(limit: int | None = None, workers: int = 0, errors: bool = False, part: str = "test") -> dict:
    folder = events_folder() / "india-police-events"
    docs = [d for d in _read(folder / "docs.jsonl") if in_part(int(d["doc_id"]), part)]
    docs = docs[:limit] if limit else docs
    dates = {m["doc_id"]: m["date"] for m in _read(folder / "metadata.jsonl")}
    sentences: dict[int, list[dict]] = {}
    for row in _read(folder / "sents.jsonl"):
        sentences.setdefault(row["doc_id"], []).append(row)
    records = _records([RawDocument(origin=f"india-{d['doc_id']}", text=d["doc_text"], published=dates.get(d["doc_id"]))
                        for d in docs], workers)
    sentence_scores = {label: PRF() for label in POLICE_LABELS}
    document_scores = {label: PRF() for label in POLICE_LABELS}
    notes: list[str] = []
    for doc, record in zip(docs, records):
        rows = sorted(sentences.get(doc["doc_id"], []), key=lambda r: r["sent_id"])
        texts = [r["sent_text"] for r in rows]
        spans = _sentence_spans(doc["doc_text"], texts)
        predicted: dict[int, set[str]] = {}
        for event in (record.events if record else ()):
            labels = police_labels(event)
            told = ([event.evidence] if event.evidence else []) + list(event.also_told) if labels else []
            for mention in told:  # every sentence that tells the event
                where = _sentence_of(mention.text, doc["doc_text"], spans, texts)
                if where is not None:
                    predicted.setdefault(where, set()).update(labels)
        for label in POLICE_LABELS:
            gold_sentences = {k for k, r in enumerate(rows) if label in r["sent_labels"]}
            said = {k for k, labels in predicted.items() if label in labels}
            sentence_scores[label].add(len(gold_sentences & said), len(said - gold_sentences), len(gold_sentences - said))
            in_doc, found = label in doc["doc_labels"], bool(said)
            document_scores[label].add(int(in_doc and found), int(found and not in_doc), int(in_doc and not found))
            if errors:
                notes += [f"{doc['doc_id']}:{k} FP {label}: {texts[k][:120]!r}" for k in sorted(said - gold_sentences)]
                notes += [f"{doc['doc_id']}:{k} FN {label}: {texts[k][:120]!r}" for k in sorted(gold_sentences - said)]
    report = {"part": part, "documents": len(docs),
              "sentences": {label: s.as_dict() for label, s in sentence_scores.items()},
              "documents_labelled": {label: s.as_dict() for label, s in document_scores.items()}}
    if errors:
        report["errors"] = notes
    return report


# -- PLOVER ----------------------------------------------------------------------------------------------

def plover_types(record: dict) -> set[str] | None:
    """ACLED types a PLOVER record may be coded as (the corpus README's mapping); None: ACLED codes no event;
    a set holding "none" means an event is optional."""
    event, mode = record["event"], record.get("mode") or ""
    if event == "ASSAULT":
        if mode in ("explosives", "suicide-attack"):
            return {REMOTE}
        return {CIVILIANS, BATTLES, REMOTE}
    if event == "FIGHT":
        if mode == "heavy-weapons":
            return {REMOTE, BATTLES}
        if mode == "explosives":
            return {REMOTE}
        return {BATTLES, CIVILIANS, PROTESTS, REMOTE}
    if event == "PROTEST":
        return {RIOTS} if mode.startswith("riot") else {PROTESTS, RIOTS}
    if event == "COERCE":
        if mode in ("arrest", "detain"):
            return {STRATEGIC, CIVILIANS}
        if mode in ("destroy", "confiscate"):
            return {STRATEGIC}
        if mode == "firearms":
            return {PROTESTS, CIVILIANS, BATTLES}
        return {STRATEGIC, CIVILIANS, "none"}
    if event == "MOBILIZE":
        return {STRATEGIC, "none"}
    if event == "RETREAT":
        return {STRATEGIC, "none"}
    if event == "AGREE":
        return {STRATEGIC, "none"}
    return None


def evaluate_plover(workers: int = 0, errors: bool = False) -> dict:
    rows = _read(events_folder() / "plover-gsr" / "plover-gsr.jsonl")
    records = _records([RawDocument(origin=r["id"], text=r["text"]) for r in rows], workers)
    kinds = found = typed = negatives = false_events = optional = 0
    notes: list[str] = []
    for row, record in zip(rows, records):
        allowed = plover_types(row)
        got = [e.event_type for e in (record.events if record else ())]
        if allowed is None:
            negatives += 1
            false_events += bool(got)
            if errors and got:
                notes.append(f"{row['id']} FP {got[0]}: {row['text'][:120]!r}")
        elif "none" in allowed:
            optional += 1
        else:
            kinds += 1
            found += bool(got)
            right = bool(got) and got[0] in allowed
            typed += right
            if errors and not right:
                notes.append(f"{row['id']} {'WRONG ' + got[0] if got else 'MISS'} ({row['event']} {row.get('mode')}): "
                             f"{row['text'][:120]!r}")
    report = {"records": len(rows),
              "acled_kinds": {"records": kinds, "event_found": _ratio(found, kinds), "type_right": _ratio(typed, kinds)},
              "no_acled_event": {"records": negatives, "false_events": false_events,
                                 "false_event_rate": _ratio(false_events, negatives)},
              "optional_records": optional}
    if errors:
        report["errors"] = notes
    return report


def evaluate_all(limit: int | None = None, workers: int = 0, errors: bool = False, part: str = "test") -> dict:
    return {"muc": evaluate_muc(limit, workers, errors, part), "india_police": evaluate_india(limit, workers, errors, part),
            "plover": evaluate_plover(workers, errors)}

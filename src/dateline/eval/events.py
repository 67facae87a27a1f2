"""Events against the dev set's ACLED-style gold (``dateline eval events``).

A predicted event matches a gold one of the same event type, one-to-one, when
their evidence sentences overlap (token Jaccard ≥ 0.3) or they sit within
161 km of each other; best pairs first. Reported: event-type precision, recall
and F1; sub-event-type accuracy on matched pairs; located-event F1 (right type
and a place within 161 km of the gold place); date accuracy on matched pairs
whose gold date is known.
"""

from __future__ import annotations

import re

from collections import Counter
from pathlib import Path

from ..ingest.document import RawDocument
from ..nlp.places.gazetteer import distance_km, open_gazetteer
from ..batch.work import annotate_batch as process_batch
from ..settings import Options
from .devset import read_gold
from .places import _surface
from .metrics import PRF, greedy_match
from .quotes import jaccard, tokens

ACCURACY_KM = 161.0


def evaluate(path: Path, errors: bool = False) -> dict:
    gold_docs = list(read_gold(path))
    # The dev records carry their source URL, as a JSONL input would: dates in URL paths date the events.
    outcomes = process_batch([RawDocument(origin=g["id"], text=g["text"], url=g.get("source_url")) for g in gold_docs],
                             Options(workers=1))
    gazetteer = open_gazetteer()
    typed, located = PRF(), PRF()
    matched = sub_ok = dated = date_ok = counted = deaths_ok = actors = actor_ok = 0
    confusion: Counter = Counter()
    notes: list[str] = []
    for g, outcome in zip(gold_docs, outcomes):
        predicted = list(outcome.record.events) if outcome.record else []
        gold = g["gold"].get("events") or []
        gold_points = [_gold_point(e, gazetteer) for e in gold]

        def score(i: int, j: int) -> float:
            p, e = predicted[i], gold[j]
            if p.event_type != e["event_type"]:
                return 0.0
            overlap = jaccard(tokens(p.evidence.text if p.evidence else ""), tokens(e.get("evidence") or ""))
            near = _near(p, gold_points[j])
            return overlap + (0.5 if near else 0.0) if overlap >= 0.3 or near else 0.0

        pairs = greedy_match(range(len(predicted)), range(len(gold)), score, 1e-9)
        typed.add(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs))
        good_place = [(i, j) for i, j in pairs if _near(predicted[i], gold_points[j])]
        located.add(len(good_place), len(predicted) - len(good_place), len(gold) - len(good_place))
        for i, j in pairs:
            matched += 1
            sub_ok += predicted[i].sub_event_type == gold[j]["sub_event_type"]
            confusion[(gold[j]["sub_event_type"], predicted[i].sub_event_type)] += 1
            if gold[j].get("date"):
                dated += 1
                date_ok += predicted[i].date == gold[j]["date"]
            if gold[j].get("actor1"):
                actors += 1
                actor_ok += _actor(predicted[i].actor1) == _actor(gold[j]["actor1"])
            if gold[j].get("fatalities") is not None:
                counted += 1
                deaths_ok += (predicted[i].fatalities or 0) == gold[j]["fatalities"]
        if errors:
            hit_p, hit_g = {i for i, _ in pairs}, {j for _, j in pairs}
            notes += [f"{g['id']} FP {p.event_type}/{p.sub_event_type} @ {p.location.name if p.location else None}: "
                      f"{(p.evidence.text if p.evidence else '')[:90]!r}" for i, p in enumerate(predicted) if i not in hit_p]
            notes += [f"{g['id']} FN {e['event_type']}/{e['sub_event_type']} @ {e.get('location')}: {e['evidence'][:90]!r}"
                      for j, e in enumerate(gold) if j not in hit_g]
            good = set(good_place)
            notes += [f"{g['id']} PLACE {predicted[i].location.name if predicted[i].location else None} "
                      f"(gold {gold[j].get('location')}, {gold[j].get('country_code')}): "
                      f"{(predicted[i].evidence.text if predicted[i].evidence else '')[:70]!r}"
                      for i, j in pairs if (i, j) not in good]
            notes += [f"{g['id']} ACTOR {predicted[i].actor1} (gold {gold[j]['actor1']}): "
                      f"{(predicted[i].evidence.text if predicted[i].evidence else '')[:60]!r}"
                      for i, j in pairs if gold[j].get("actor1") and _actor(predicted[i].actor1) != _actor(gold[j]["actor1"])]
            notes += [f"{g['id']} DEATHS {predicted[i].fatalities} (gold {gold[j]['fatalities']}): "
                      f"{(predicted[i].evidence.text if predicted[i].evidence else '')[:70]!r}"
                      for i, j in pairs if gold[j].get("fatalities") is not None
                      and (predicted[i].fatalities or 0) != gold[j]["fatalities"]]
    report = {
        "documents": len(gold_docs),
        "event_type": typed.as_dict(),
        "sub_event_type_accuracy": round(sub_ok / matched, 3) if matched else 0.0,
        "located_event": located.as_dict(),
        "date_accuracy": round(date_ok / dated, 3) if dated else None,
        "dated_pairs": dated,
        "fatalities_accuracy": round(deaths_ok / counted, 3) if counted else None,  # exact, on matched events
        "actor1_accuracy": round(actor_ok / actors, 3) if actors else None,  # ACLED name, years aside
    }
    if errors:
        report["sub_event_confusion"] = {f"{a} -> {b}": n for (a, b), n in confusion.most_common() if a != b}
        report["errors"] = notes
    return report


def _actor(name: str | None) -> str:
    """An actor's name without the years of the government it serves: "Military Forces of Russia (2000-)"."""
    return re.sub(r"\s*\(\d{4}-(?:\d{4})?\)$", "", name or "").strip().casefold()


def _gold_point(event: dict, gazetteer) -> tuple[float, float] | None:
    """The gold event's place: the dev gold names it; the gazetteer gives its point (in its country)."""
    name, code = event.get("location"), event.get("country_code")
    if not name:
        return None
    found = gazetteer.lookup(name) or gazetteer.lookup(_surface(name))  # "Tigray Region" is "Tigray"
    options = [p for p in found if not code or p.country_code == code] or list(found)
    if not options:
        return None
    best = max(options, key=lambda p: (p.feature == "country", p.population))
    return best.lat, best.lon


def _near(predicted, point: tuple[float, float] | None) -> bool:
    loc = predicted.location
    if point is None or loc is None or loc.lat is None:
        return False
    return distance_km(loc.lat, loc.lon, point[0], point[1]) <= ACCURACY_KM


def evaluate_sentences(dev: Path | None = None, errors: bool = False) -> dict:
    """Sub-event types of single sentences, each run alone through the pipeline as a one-sentence report:

    * ``own_sentences``: our codebook-written sentences (``data/event_sentences.tsv``, written alongside the
      patterns: coverage, not generalisation);
    * ``held_out``: sentences written after the patterns and the classifier, used for nothing else
      (``data/event_heldout.tsv``);
    * ``briefs``: short reports of one to three sentences, 4 for each of the 25 sub-types, in wire and
      event-note style (``data/event_briefs.tsv``), written before session 9 changed anything (its misses were
      then read while writing rules, so it is a development set now);
    * ``briefs_clean``: 75 more such briefs, 3 per sub-type, written after session 9's changes and scored once
      (``data/event_briefs_clean.tsv``);
    * ``dev_evidence``: every gold event's evidence sentence from the dev set (real news), the nearest we
      have to a public snippet benchmark of the 25 sub-types.

    Each with the classifier on (as shipped) and off (patterns only): accuracy and weighted F1."""
    from ..data import labelled_sentences
    from ..nlp import models

    sets = {"own_sentences": labelled_sentences("event_sentences.tsv"), "held_out": labelled_sentences("event_heldout.tsv"),
            "briefs": labelled_sentences("event_briefs.tsv"), "briefs_clean": labelled_sentences("event_briefs_clean.tsv")}
    if dev is not None:
        sets["dev_evidence"] = [(e["sub_event_type"], e["evidence"]) for g in read_gold(dev)
                                for e in g["gold"].get("events") or [] if e.get("evidence")]
    nlp = models.load("en")
    finder = nlp.get_pipe("dateline_events").finder
    report = {}
    for name, rows in sets.items():
        report[name] = {"sentences": len(rows)}
        for mode, on in (("with_classifier", True), ("patterns_only", False)):
            finder.use_classifier = on
            scores = _snippet_scores(nlp, rows)
            if not errors:
                scores.pop("misses")
            report[name][mode] = scores
    finder.use_classifier = True
    return report


def _snippet_scores(nlp, rows: list[tuple[str, str]]) -> dict:
    gold, predicted, misses = [], [], []
    for (label, sentence), doc in zip(rows, nlp.pipe(s for _, s in rows)):
        guess = doc._.events[0].sub_event_type if doc._.events else "none"
        gold.append(label)
        predicted.append(guess)
        if guess != label:
            misses.append(f"{label} -> {guess}: {sentence}")
    labels = sorted(set(gold))
    f1s, weights = [], []
    for label in labels:
        score = PRF(tp=sum(1 for g, p in zip(gold, predicted) if g == p == label),
                    fp=sum(1 for g, p in zip(gold, predicted) if p == label and g != label),
                    fn=sum(1 for g, p in zip(gold, predicted) if g == label and p != label))
        f1s.append(score.f1)
        weights.append(score.tp + score.fn)
    return {"sub_event_types": len(labels),
            "accuracy": round(sum(g == p for g, p in zip(gold, predicted)) / len(rows), 3),
            "weighted_f1": round(sum(f * w for f, w in zip(f1s, weights)) / sum(weights), 3), "misses": misses}


def evaluate_general_news(folder: Path, errors: bool = False) -> dict:
    """Events found in the bodies of the Zyte benchmark's 181 pages: news and blog posts on every subject
    (business, sport, crime, politics, a few conflicts), so most events found there are false alarms.
    No gold: the count and, with ``errors``, each event's sub-type and evidence to read."""
    from ..nlp import models
    from .extraction import load_pages

    bodies = [body or "" for _, _, body in load_pages(folder)]
    nlp = models.load("en")
    found = [(e.sub_event_type, e.evidence.text if e.evidence else "") for doc in nlp.pipe(bodies, batch_size=16)
             for e in doc._.events]
    report = {"pages": len(bodies), "events": len(found),
              "by_type": dict(Counter(kind for kind, _ in found).most_common())}
    if errors:
        report["events_found"] = [f"{kind}: {' '.join(text.split())[:160]}" for kind, text in found]
    return report


"""Geoparsing against GeoWebNews and the dev set (``dateline eval places``).

GeoWebNews (Gritta et al. 2020): 200 news articles with every toponym typed and,
where it has one, its GeoNames point.

* Recognition: predicted place mentions against the gold toponyms, one-to-one,
  a pair when the spans overlap. Gold = every typed toponym (literal, mixed,
  metonymic, coerced, embedded-literal, and names used as modifiers: "U.S.
  officials") except demonyms and adjectives ("Russian troops") and names inside
  an organization ("The Washington Post"), which Dateline does not call places.
  Scores with those in the gold too are reported as ``dateline_all_types``.
* Resolution: each gold toponym that has coordinates, resolved from its gold span
  with the article as context; right when within 161 km (100 miles) of the gold
  point. Accuracy and mean error in km.

Dev set: each gold place (one per surface form) is found when a predicted place
has a mention with that surface form, and right when resolved within 161 km
(countries: the same country code).
"""

from __future__ import annotations

import re
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..nlp import models
from ..nlp.places.common import REGION_CUES
from ..nlp.places.gazetteer import distance_km, fold
from .devset import read_gold, shared_dir
from .metrics import PRF, greedy_match

RECOGNISED_TYPES = frozenset({"Literal", "Mixed", "Metonymic", "Coercion", "Literal_Modifier", "Embedded_Literal",
                              "Non_Literal_Modifier"})
ALL_TOPONYM_TYPES = RECOGNISED_TYPES | {"Embedded_Non_Lit"}
ACCURACY_KM = 161.0


@dataclass(frozen=True)
class Toponym:
    start: int
    end: int
    name: str
    type: str
    lat: float | None
    lon: float | None


def gwn_path() -> Path:
    return shared_dir() / "data" / "geo" / "GeoWebNews" / "GWN.xml"


def gwn_articles(path: Path | None = None) -> list[tuple[str, list[Toponym]]]:
    """(text, toponyms) per article, offsets re-anchored where the file is off by a few characters."""
    root = ET.parse(path or gwn_path()).getroot()
    out = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        toponyms = []
        for t in article.iter("toponym"):
            start, end, name = int(t.findtext("start")), int(t.findtext("end")), t.findtext("extractedName") or ""
            if text[start:end] != name:
                near = text.find(name, max(0, start - 30))
                if near < 0 or abs(near - start) > 60:
                    continue
                start, end = near, near + len(name)
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            toponyms.append(Toponym(start, end, name, t.findtext("type") or "", float(lat) if lat else None,
                                    float(lon) if lon else None))
        out.append((text, toponyms))
    return out


def evaluate_gwn(path: Path | None = None, limit: int | None = None) -> dict:
    nlp = models.load("en")
    finder = nlp.get_pipe("dateline_places").finder
    gazetteer = finder.gazetteer
    articles = gwn_articles(path)[:limit]
    recognition = {"dateline": PRF(), "dateline_all_types": PRF(), "spacy_gpe_loc": PRF()}
    errors_km: list[float] = []
    right = total = 0
    texts = [text for text, _ in articles]
    for (text, toponyms), doc in zip(articles, nlp.pipe(texts, batch_size=16)):
        predicted = [(m.start, m.end) for p in doc._.places for m in p.mentions]
        spacy_only = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC")]
        for name, pred, types in (("dateline", predicted, RECOGNISED_TYPES),
                                  ("dateline_all_types", predicted, ALL_TOPONYM_TYPES),
                                  ("spacy_gpe_loc", spacy_only, RECOGNISED_TYPES)):
            gold = [(t.start, t.end) for t in toponyms if t.type in types
                    and (types is ALL_TOPONYM_TYPES or not _adjectival(t.name, gazetteer))]
            pairs = greedy_match(pred, gold, _overlap, 1e-9)
            recognition[name].add(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
        located = [t for t in toponyms if t.lat is not None]
        choices = finder.resolve_spans(doc, [(t.start, t.end) for t in located], doc._.entities or ())
        for t, choice in zip(located, choices):
            total += 1
            if choice is None:
                errors_km.append(20038.0)  # half the earth: no answer is the worst answer
                continue
            km = distance_km(t.lat, t.lon, choice.lat, choice.lon)
            errors_km.append(km)
            right += km <= ACCURACY_KM
    return {
        "articles": len(articles),
        "recognition": {k: v.as_dict() for k, v in recognition.items()},
        "resolution": {"toponyms": total, "accuracy_161km": round(right / total, 3) if total else 0.0,
                       "mean_error_km": round(statistics.fmean(errors_km), 1) if errors_km else 0.0,
                       "median_error_km": round(statistics.median(errors_km), 1) if errors_km else 0.0},
    }


def evaluate_dev(path: Path) -> dict:
    """Places found and resolved on the dev set's gold, and countries by country code."""
    from ..ingest.document import RawDocument
    from ..batch.work import annotate_batch as process_batch
    from ..settings import Options

    gold_docs = list(read_gold(path))
    outcomes = process_batch([RawDocument(origin=g["id"], text=g["text"]) for g in gold_docs], Options(workers=1))
    found, resolved = PRF(), PRF()
    countries = PRF()
    misses = []
    for g, outcome in zip(gold_docs, outcomes):
        places = outcome.record.places if outcome.record else ()
        predicted = {}
        for p in places:
            for m in p.mentions:
                predicted.setdefault(_surface(m.text), p)
        gold = {}
        for gp in g["gold"].get("places") or []:
            gold.setdefault(_surface(gp["mention"]), gp)
        hit = set(predicted) & set(gold)
        found.add(len(hit), len(predicted) - len(hit), len(gold) - len(hit))
        ok = {k for k in hit if _right(predicted[k], gold[k])}
        resolved.add(len(ok), len(predicted) - len(ok), len(gold) - len(ok))
        misses += [f"{g['id']} FN {gold[k]['mention']!r}" for k in set(gold) - set(predicted)]
        misses += [f"{g['id']} FP {predicted[k].name!r} ({next(m.text for m in predicted[k].mentions if _surface(m.text) == k)!r})"
                   for k in set(predicted) - set(gold)]
        misses += [f"{g['id']} WRONG {gold[k]['mention']!r} -> {predicted[k].name}, {predicted[k].country_code}"
                   for k in hit - ok]
        p_codes = {p.country_code for p in places if p.feature == "country"}
        g_codes = {gp["country_code"] for gp in g["gold"].get("places") or [] if gp.get("type") == "country"}
        countries.add(len(p_codes & g_codes), len(p_codes - g_codes), len(g_codes - p_codes))
    return {"documents": len(gold_docs), "found": found.as_dict(), "found_and_resolved": resolved.as_dict(),
            "countries": countries.as_dict(), "errors": sorted(misses)}


_ADJECTIVE = re.compile(r"(?:ian|ean|ese|ish|ic|an|i)$")


def _adjectival(name: str, gazetteer) -> bool:
    """A demonym or adjective ("Russian", "European"): a toponym for GeoWebNews, not a place for Dateline."""
    if gazetteer.demonym_countries(name):
        return True
    return " " not in name and bool(_ADJECTIVE.search(name)) and not gazetteer.lookup(name)


def _surface(mention: str) -> str:
    """A mention's key for matching: folded, without a trailing "region"/"province" (annotators differ on it)."""
    words = fold(mention).split()
    if len(words) > 1 and words[-1] in REGION_CUES:
        words = words[:-1]
    return " ".join(words)


def _right(place, gold: dict) -> bool:
    if gold.get("type") == "country":
        return place.country_code == gold.get("country_code")
    if place.lat is None or gold.get("lat") is None:
        return False
    return distance_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= ACCURACY_KM


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter / max(a[1] - a[0], b[1] - b[0]) if inter > 0 else 0.0

"""People and organizations against the dev set's gold lists (``dateline eval entities``).

A predicted name matches a gold one when they share a content word (case-folded),
one-to-one, so "Putin" and "Vladimir Putin" match but two different Smiths do not
both count.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import spacy

from ..ingest.document import RawDocument
from ..batch.work import annotate_batch as process_batch
from ..settings import Options
from .devset import read_gold
from .metrics import PRF, greedy_match

_STOP = frozenset("the of and for de la le des du al el".split())


def content_words(name: str, language: str | None = None) -> set[str]:
    """The words of a name that can identify it; ``language`` other than English adds that language's function
    words (spaCy's stop list), so German "der"/"die" or a pronoun match nothing."""
    stop = _STOP | _function_words(language) if language and language != "en" else _STOP
    return {w for w in re.findall(r"\w+", name.casefold()) if w not in stop and len(w) > 1}


@lru_cache(maxsize=None)
def _function_words(language: str) -> frozenset[str]:
    try:
        return frozenset(spacy.blank(language).Defaults.stop_words)
    except Exception:  # a code spaCy has no language class for
        return frozenset()


def name_overlap(a: str, b: str) -> float:
    wa, wb = content_words(a), content_words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def evaluate(path: Path, options: Options | None = None) -> dict:
    options = options or Options(workers=1)
    gold_docs = list(read_gold(path))
    batch = [RawDocument(origin=g["id"], text=g["text"]) for g in gold_docs]
    outcomes = process_batch(batch, options)
    predicted = [o.record.entities if o.record else () for o in outcomes]
    return {"documents": len(gold_docs), **_score(gold_docs, predicted)}


def ablation(path: Path, options: Options | None = None) -> dict:
    """People and organization F1 with every correction rule, then with each one switched off.

    A rule earns its place when switching it off lowers F1; the texts are cleaned
    and parsed once, and only the entity rules run again.
    """
    from ..ingest.prepare import prepare
    from ..nlp import models
    from ..nlp.entities import RULES, EntityExtractor, find_entities

    options = options or Options(workers=1)
    gold_docs = list(read_gold(path))
    raws = [RawDocument(origin=g["id"], text=g["text"]) for g in gold_docs]
    for raw in raws:
        prepare(raw, options)
    nlp = models.load("en")
    ours = [p for p in nlp.pipe_names if p.startswith("dateline_")]
    docs = list(nlp.pipe((r.text for r in raws), disable=ours))
    matcher = EntityExtractor(nlp, "ablation", outlets=True).matcher
    report = {}
    for name in ("all", *RULES):
        rules = frozenset(RULES) - {name}
        scores = _score(gold_docs, [find_entities(d, matcher, rules) for d in docs])
        report["all rules" if name == "all" else f"without {name}"] = {
            "people_f1": scores["people"]["f1"], "organizations_f1": scores["organizations"]["f1"]}
    base = report["all rules"]
    for key, row in report.items():
        if key != "all rules":
            row["people_delta"] = round(row["people_f1"] - base["people_f1"], 3)
            row["organizations_delta"] = round(row["organizations_f1"] - base["organizations_f1"], 3)
    return report


def _score(gold_docs: list[dict], predicted_entities: list) -> dict:
    scores = {"PERSON": PRF(), "ORG": PRF()}
    misses: list[str] = []
    for g, entities in zip(gold_docs, predicted_entities):
        for kind, key in (("PERSON", "people"), ("ORG", "organizations")):
            predicted = [e.name for e in entities if e.type == kind]
            gold = g["gold"].get(key) or []
            pairs = greedy_match(predicted, gold, name_overlap, 1e-9)
            scores[kind].add(len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs))
            matched_p = {i for i, _ in pairs}
            matched_g = {j for _, j in pairs}
            misses += [f"{g['id']} {kind} FP {predicted[i]}" for i in range(len(predicted)) if i not in matched_p]
            misses += [f"{g['id']} {kind} FN {gold[j]}" for j in range(len(gold)) if j not in matched_g]
    return {"people": scores["PERSON"].as_dict(), "organizations": scores["ORG"].as_dict(), "errors": misses}

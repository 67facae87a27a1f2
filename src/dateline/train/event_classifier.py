"""Build the shipped event classifier: codebook sentences plus real MUC sentences, calibrated on held-out MUC.

MUC's tune half (even message numbers) is split again: messages numbered 0 mod 4 train the classifier with
our codebook sentences, messages numbered 2 mod 4 calibrate it (one temperature per head, fitted by
likelihood) and measure how well (expected calibration error, before and after). The odd half is never read
here: ``dateline eval events --corpora`` scores on it. The weights are written beside the codebook file's
hash, so a changed codebook makes them stale (the classifier then says so and trains on the codebook alone).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from ..eval.event_corpora import muc_number
from ..nlp.events.acled import SubEventType
from ..nlp.events.classifier import NONE, codebook_key, fit, softmax, training_rows
from ..nlp.events.encoder import shared_encoder
from .muc import labelled_sentences, tune_messages

# Real sentences outnumber ours in some types: their total weight is held to this share of the codebook's, so
# the few hand-written examples of rare types (chemical weapons, base established) still count.
MUC_WEIGHT = 0.5
_TEMPERATURES = np.round(np.arange(0.3, 3.01, 0.05), 2)
# The classifier speaks when it is right this often on held-out sentences: in long articles (whose violent
# sentences the rules missed are mostly background), and in briefs of a few sentences (mostly reports).
PRECISION = {"long": 0.9, "brief": 0.8}
_MIN_PER_TYPE = 15  # held-out sentences a type needs for a threshold of its own
_BANDS = 10


@dataclass
class Rows:
    sentences: list[str]
    labels: list[str]
    weights: list[float]


def _violent(nlp, rules):
    def violent(sentence: str) -> bool:
        doc = nlp.make_doc(sentence)
        return any(nlp.vocab.strings[key] == "conflict_cue" for key, _, _ in rules.lexicons(doc))
    return violent


def muc_rows(folder: Path | None = None) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(training rows, calibration rows) from MUC's tune half."""
    import spacy

    from ..nlp.events.rules import event_rules

    nlp = spacy.blank("en")
    violent = _violent(nlp, event_rules(nlp.vocab, nlp.make_doc, "en"))
    train, calibrate = [], []
    for message in tune_messages(folder):
        rows = list(labelled_sentences([message], violent))
        (train if muc_number(message["id"]) % 4 == 0 else calibrate).extend(rows)
    return train, calibrate


def _heads(x: np.ndarray, labels: list[str], weights: np.ndarray, types: list[str],
           typed: np.ndarray) -> dict[str, np.ndarray]:
    """The gate learns from every row; the type head only from the rows marked ``typed``."""
    is_event = np.array([label != NONE for label in labels], dtype=np.int64)
    gate_w, gate_b = fit(x, is_event, 2, weights)
    events = is_event.astype(bool) & typed
    index = {t: i for i, t in enumerate(types)}
    type_w, type_b = fit(x[events], np.array([index[l] for l, e in zip(labels, events) if e]), len(types), weights[events])
    return {"gate_w": gate_w, "gate_b": gate_b, "type_w": type_w, "type_b": type_b}


def _temperature(logits: np.ndarray, y: np.ndarray) -> float:
    """The temperature that makes the held-out labels likeliest."""
    def nll(t: float) -> float:
        p = softmax(logits / t)[np.arange(len(y)), y]
        return float(-np.log(np.maximum(p, 1e-12)).mean())
    return float(min(_TEMPERATURES, key=nll))


def calibration_error(confidence: np.ndarray, correct: np.ndarray) -> float:
    """Expected calibration error: the gap between confidence and accuracy, averaged over ten bands."""
    bands = np.minimum((confidence * _BANDS).astype(int), _BANDS - 1)
    gap = sum(abs(confidence[bands == b].mean() - correct[bands == b].mean()) * (bands == b).sum()
              for b in range(_BANDS) if (bands == b).any())
    return round(float(gap / max(len(confidence), 1)), 3)


def build(out: Path, muc_folder: Path | None = None) -> dict:
    """Train, calibrate, write ``out`` (.npz) and its manifest (.json); the manifest is returned."""
    codebook = training_rows()
    train, held_out = muc_rows(muc_folder)
    types = sorted(s.value for s in SubEventType)
    muc_share = MUC_WEIGHT * len(codebook) / max(len(train), 1)
    rows = Rows([s for _, s in codebook] + [s for _, s in train], [l for l, _ in codebook] + [l for l, _ in train],
                [1.0] * len(codebook) + [muc_share] * len(train))
    encoder = shared_encoder()
    x = encoder.encode(rows.sentences)
    # MUC teaches whether a sentence reports an event; which kind, only our codebook sentences do: MUC's
    # distant labels (an attack on a policeman is a clash? an attack on a house?) made modern war news worse.
    typed = np.array([True] * len(codebook) + [False] * len(train))
    w = _heads(x, rows.labels, np.array(rows.weights), types, typed)

    xc = encoder.encode([s for _, s in held_out])
    gold_event = np.array([label != NONE for label, _ in held_out], dtype=np.int64)
    gate_logits = xc @ w["gate_w"] + w["gate_b"]
    events = gold_event.astype(bool)
    index = {t: i for i, t in enumerate(types)}
    gold_type = np.array([index[l] for l, _ in held_out if l != NONE])
    type_logits = (xc @ w["type_w"] + w["type_b"])[events]
    report = {"gate": {}, "type": {}}
    temperatures = {"gate": _temperature(gate_logits, gold_event), "type": _temperature(type_logits, gold_type)}
    for head, logits, gold in (("gate", gate_logits, gold_event), ("type", type_logits, gold_type)):
        for name, t in (("before", 1.0), ("after", temperatures[head])):
            p = softmax(logits / t)
            guess = p.argmax(axis=1)
            report[head][name] = {"temperature": t, "accuracy": round(float((guess == gold).mean()), 3),
                                  "expected_calibration_error": calibration_error(p.max(axis=1), guess == gold)}
    gate_p = softmax(gate_logits / temperatures["gate"])[:, 1]
    type_p = softmax(type_logits / temperatures["type"])
    thresholds = {
        "event": {mode: _threshold(gate_p, gold_event.astype(bool), target) for mode, target in PRECISION.items()},
        "type": {mode: _threshold(type_p.max(axis=1), type_p.argmax(axis=1) == gold_type, target)
                 for mode, target in PRECISION.items()},
        "per_type": _per_type(type_p, gold_type, types),
    }
    w["gate_temperature"] = np.float32(temperatures["gate"])
    w["type_temperature"] = np.float32(temperatures["type"])
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, **w)
    manifest = {
        "built": date.today().isoformat(),
        "codebook_key": codebook_key(),
        "types": types,
        "training": {"codebook_sentences": len(codebook), "muc_sentences": len(train), "muc_weight": MUC_WEIGHT,
                     "muc_messages": "DEV-MUC3 tune half, numbers 0 mod 4"},
        "calibration": {"muc_sentences": len(held_out), "muc_messages": "DEV-MUC3 tune half, numbers 2 mod 4",
                        **report},
        "thresholds": thresholds,
        "labels_in_training": dict(Counter(rows.labels).most_common()),
        "licence": "codebook sentences: the project's; MUC-3/4 texts: public domain (NIST MUC, dstl/muc3 CC0)",
    }
    out.with_suffix(".json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return manifest


def _threshold(score: np.ndarray, right: np.ndarray, precision: float) -> float:
    """The lowest score above which at least ``precision`` of the held-out answers are right."""
    for t in np.round(np.arange(0.2, 0.96, 0.05), 2):
        chosen = score >= t
        if chosen.sum() >= 10 and right[chosen].mean() >= precision:
            return float(t)
    return 0.95


def _per_type(p: np.ndarray, gold: np.ndarray, types: list[str]) -> dict[str, float]:
    """A type threshold for each type with enough held-out sentences: its guesses right ``PRECISION["long"]``
    of the time."""
    guess = p.argmax(axis=1)
    out = {}
    for k, name in enumerate(types):
        mine = guess == k
        if (gold == k).sum() >= _MIN_PER_TYPE and mine.sum() >= 10:
            out[name] = _threshold(np.where(mine, p[:, k], 0.0), (gold == k) | ~mine, PRECISION["long"])
    return out

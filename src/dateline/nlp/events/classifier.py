"""A sub-event-type classifier over sentence embeddings, for violent or political sentences the patterns miss.

The patterns (``lexicon``) are precise but literal: "the militants attacked the airport" with drones named
two sentences earlier, or "a drone launched towards the kingdom was intercepted", escape them. This
classifier reads what the sentence is about instead. Two softmax regressions share the MiniLM embeddings
(``encoder``): one says whether the sentence reports an event at all (the "none" class), the other which of
the 25 ACLED sub-event types it is. Both are trained at first use on ``data/event_training.tsv`` —
sentences we wrote from the codebook's definitions, no ACLED data — and cached on disk with a key made
from the training file, so a new file retrains.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ...data import labelled_sentences
from ...settings import cache_dir
from .encoder import shared_encoder

NONE = "none"
_L2 = 1e-4
_STEPS = 3000
_RATE = 2.0
_VERSION = 1


@dataclass(frozen=True)
class Guess:
    sub_event_type: str
    probability: float  # of this sub-event type, among the 25
    event_probability: float  # that the sentence reports an event at all


def training_rows() -> list[tuple[str, str]]:
    return labelled_sentences("event_training.tsv")


class SubEventClassifier:
    def __init__(self, weights: dict[str, np.ndarray], types: list[str]):
        self.w = weights
        self.types = types

    @classmethod
    def trained(cls) -> "SubEventClassifier":
        rows = training_rows()
        key = hashlib.sha256(repr((_VERSION, _L2, _STEPS, rows)).encode()).hexdigest()[:16]
        path = cache_dir() / f"event-classifier-{key}.npz"
        types = sorted({label for label, _ in rows if label != NONE})
        if path.exists():
            with np.load(path) as data:
                return cls({k: data[k] for k in data.files}, types)
        x = shared_encoder().encode([s for _, s in rows])
        labels = [label for label, _ in rows]
        is_event = np.array([label != NONE for label in labels], dtype=np.int64)
        gate_w, gate_b = _fit(x, is_event, 2)
        events = is_event.astype(bool)
        index = {t: i for i, t in enumerate(types)}
        type_w, type_b = _fit(x[events], np.array([index[l] for l in labels if l != NONE]), len(types))
        weights = {"gate_w": gate_w, "gate_b": gate_b, "type_w": type_w, "type_b": type_b}
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp.npz")
        np.savez(tmp, **weights)
        os.replace(tmp, path)
        return cls(weights, types)

    def classify(self, sentences: list[str]) -> list[Guess]:
        if not sentences:
            return []
        x = shared_encoder().encode(sentences)
        gate = _softmax(x @ self.w["gate_w"] + self.w["gate_b"])[:, 1]
        types = _softmax(x @ self.w["type_w"] + self.w["type_b"])
        best = types.argmax(axis=1)
        return [Guess(self.types[b], float(types[i, b]), float(gate[i])) for i, b in enumerate(best)]


def _fit(x: np.ndarray, y: np.ndarray, classes: int) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, L2-regularised, by full-batch gradient descent (a few hundred rows)."""
    w = np.zeros((x.shape[1], classes))
    b = np.zeros(classes)
    target = np.eye(classes)[y]
    for _ in range(_STEPS):
        grad = (_softmax(x @ w + b) - target) / len(x)
        w -= _RATE * (x.T @ grad + _L2 * w)
        b -= _RATE * grad.sum(axis=0)
    return w.astype(np.float32), b.astype(np.float32)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@lru_cache(maxsize=1)
def shared_classifier() -> SubEventClassifier:
    return SubEventClassifier.trained()

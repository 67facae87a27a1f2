"""A sub-event-type classifier over sentence embeddings, for violent or political sentences the patterns miss.

The patterns (``lexicon``) are precise but literal: "the militants attacked the airport" with drones named
two sentences earlier, or "a drone launched towards the kingdom was intercepted", escape them. This
classifier reads what the sentence is about instead. Two softmax regressions share the MiniLM embeddings
(``encoder``): one says whether the sentence reports an event at all (the "none" class), the other which of
the 25 ACLED sub-event types it is.

The shipped weights (``data/models/event-classifier.npz``, built by ``dateline classifier build --muc`` in
``train.event_classifier``) learn from ``data/event_training.tsv`` — sentences we wrote from the codebook's
definitions, no ACLED data — and from real sentences of MUC-3/4's tune half (public domain), and carry a
temperature per head, fitted on held-out MUC sentences, so that their probabilities are calibrated. When
they are missing or were built from another version of the codebook file, the classifier is trained at first
use on the codebook sentences alone and cached on disk.
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from ...data import data_json, labelled_sentences
from ...settings import cache_dir
from .encoder import shared_encoder

NONE = "none"
_L2 = 1e-4
_STEPS = 3000
_RATE = 2.0
_VERSION = 1
SHIPPED = ("models", "event-classifier.npz")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Thresholds:
    """When the classifier may speak: P(event) and P(sub-event type) it must reach, in long articles and in
    briefs of a few sentences; per type where held-out data set one. The defaults were set by hand for the
    uncalibrated codebook-only classifier; the shipped one carries thresholds set on held-out MUC sentences."""

    event_long: float = 0.8
    event_brief: float = 0.5
    type_long: float = 0.5
    type_brief: float = 0.2
    per_type: dict[str, float] = field(default_factory=dict)

    def event(self, brief: bool) -> float:
        return self.event_brief if brief else self.event_long

    def type(self, sub_event_type: str, brief: bool) -> float:
        base = self.type_brief if brief else self.type_long
        return max(base, self.per_type.get(sub_event_type, base)) if not brief else base

    @classmethod
    def from_manifest(cls, about: dict) -> "Thresholds":
        t = about.get("thresholds")
        if not t:
            return cls()
        return cls(t["event"]["long"], t["event"]["brief"], t["type"]["long"], t["type"]["brief"],
                   dict(t.get("per_type", {})))


@dataclass(frozen=True)
class Guess:
    sub_event_type: str
    probability: float  # of this sub-event type, among the 25
    event_probability: float  # that the sentence reports an event at all


def training_rows() -> list[tuple[str, str]]:
    return labelled_sentences("event_training.tsv")


def codebook_key() -> str:
    """A hash of the codebook sentences: shipped weights built from other sentences are stale."""
    return hashlib.sha256(repr(training_rows()).encode()).hexdigest()[:16]


class SubEventClassifier:
    def __init__(self, weights: dict[str, np.ndarray], types: list[str], thresholds: Thresholds | None = None):
        self.w = weights
        self.types = types
        self.thresholds = thresholds or Thresholds()
        self.gate_temperature = float(weights.get("gate_temperature", 1.0))
        self.type_temperature = float(weights.get("type_temperature", 1.0))

    @classmethod
    def load(cls) -> "SubEventClassifier":
        """The shipped weights when they match the codebook file, else weights trained here on it alone."""
        shipped = cls.shipped()
        return shipped if shipped is not None else cls.trained()

    @classmethod
    def shipped(cls) -> "SubEventClassifier | None":
        weights = resources.files("dateline.data").joinpath(*SHIPPED)
        about = data_json(*SHIPPED[:-1], "event-classifier.json")
        if about is None or not weights.is_file():
            return None
        if about.get("codebook_key") != codebook_key():
            log.warning("the shipped event classifier was built from other codebook sentences: training one on "
                        "the codebook alone (rebuild it with `dateline classifier build --muc`)")
            return None
        with weights.open("rb") as stream, np.load(stream) as data:
            return cls({k: data[k] for k in data.files}, list(about["types"]), Thresholds.from_manifest(about))

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
        gate_w, gate_b = fit(x, is_event, 2)
        events = is_event.astype(bool)
        index = {t: i for i, t in enumerate(types)}
        type_w, type_b = fit(x[events], np.array([index[l] for l in labels if l != NONE]), len(types))
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
        gate = softmax((x @ self.w["gate_w"] + self.w["gate_b"]) / self.gate_temperature)[:, 1]
        types = softmax((x @ self.w["type_w"] + self.w["type_b"]) / self.type_temperature)
        best = types.argmax(axis=1)
        return [Guess(self.types[b], float(types[i, b]), float(gate[i])) for i, b in enumerate(best)]


def fit(x: np.ndarray, y: np.ndarray, classes: int, weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, L2-regularised, by full-batch gradient descent (a few thousand rows);
    ``weights`` per row (their mean is what counts)."""
    w = np.zeros((x.shape[1], classes))
    b = np.zeros(classes)
    target = np.eye(classes)[y]
    share = (np.ones(len(x)) if weights is None else np.asarray(weights, dtype=float)) / len(x)
    share = share / share.sum()
    for _ in range(_STEPS):
        grad = (softmax(x @ w + b) - target) * share[:, None]
        w -= _RATE * (x.T @ grad + _L2 * w)
        b -= _RATE * grad.sum(axis=0)
    return w.astype(np.float32), b.astype(np.float32)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@lru_cache(maxsize=1)
def shared_classifier() -> SubEventClassifier:
    return SubEventClassifier.load()

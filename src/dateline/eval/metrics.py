"""Shared scoring helpers: precision/recall/F1 and greedy one-to-one matching."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence, TypeVar

A = TypeVar("A")
B = TypeVar("B")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def greedy_match(predicted: Sequence[A], gold: Sequence[B], score: Callable[[A, B], float], threshold: float) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, best scores first, each item used once, scores ≥ ``threshold``."""
    scored = sorted(
        ((score(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        key=lambda t: -t[0],
    )
    used_p, used_g, pairs = set(), set(), []
    for s, i, j in scored:
        if s < threshold:
            break
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


CONFIDENCE_BANDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def calibration(confidence: Sequence[float], right: Sequence[bool]) -> dict:
    """Accuracy per confidence band, and the expected calibration error (the gap between confidence and
    accuracy, weighted by each band's share): a confidence means something when the two agree."""
    bands, gap = [], 0.0
    for low, high in zip(CONFIDENCE_BANDS, CONFIDENCE_BANDS[1:]):
        inside = [(c, r) for c, r in zip(confidence, right) if low <= c < high]
        if not inside:
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        accuracy = sum(r for _, r in inside) / len(inside)
        gap += abs(mean - accuracy) * len(inside)
        bands.append({"band": f"{low:.1f}-{min(high, 1.0):.1f}", "quotes": len(inside),
                      "mean_confidence": round(mean, 3), "accuracy": round(accuracy, 3)})
    return {"bands": bands, "expected_calibration_error": round(gap / len(confidence), 3) if confidence else None}

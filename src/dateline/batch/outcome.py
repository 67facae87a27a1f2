"""One input document's fate: a record, or the reason there is none. Plain data, so it crosses processes."""

from __future__ import annotations

from dataclasses import dataclass

from ..types import Problem, Record


@dataclass(frozen=True)
class Outcome:
    origin: str
    record: Record | None = None
    error: Problem | None = None

    @property
    def ok(self) -> bool:
        return self.record is not None


def failed(origin: str, stage: str, code: str, message: str) -> Outcome:
    return Outcome(origin, error=Problem(stage, code, message))

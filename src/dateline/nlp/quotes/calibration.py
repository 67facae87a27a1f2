"""A quote's confidence as a probability: how often quotes found the same way had the right speaker.

The rules give every quote a prior by how its speaker was found (``common.CONFIDENCE``: a cue with the
name next to it, a resolved pronoun, a caption…). ``data/quotes/confidence.tsv`` replaces it with the share
of quotes found that way, of that kind (direct or reported, the speaker's kind), that were real quotes with
the right speaker on our own annotated articles (``dateline eval quotes --calibrate`` writes it). Cells with
few quotes lean on their parent (the same attribution, any kind), and that on the prior, so a rare
construction keeps a sensible score. PolNeAR, which may not train anything we ship, only measures it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .common import CONFIDENCE

PRIOR_WEIGHT = 5.0  # pseudo-quotes the parent's value counts for in a cell
TABLE = ("quotes", "confidence.tsv")
COLUMNS = ("attribution", "direct", "speaker_kind", "quotes", "right", "confidence")


def smoothed(right: int, total: int, parent: float) -> float:
    return round((right + PRIOR_WEIGHT * parent) / (total + PRIOR_WEIGHT), 3)


@lru_cache(maxsize=1)
def _table() -> dict[tuple, float]:
    path = resources.files("dateline.data").joinpath(*TABLE)
    if not path.is_file():
        return {}
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("attribution\t"):
            continue
        attribution, direct, kind, _, _, confidence = line.split("\t")
        table[(attribution, None if direct == "*" else direct == "1", kind)] = float(confidence)
    return table


def confidence(attribution: str, direct: bool, speaker_kind: str) -> float:
    """The calibrated confidence of a quote, else the rules' prior for its attribution."""
    table = _table()
    for key in ((attribution, direct, speaker_kind), (attribution, direct, "*"), (attribution, None, "*")):
        if key in table:
            return table[key]
    return CONFIDENCE.get(attribution, CONFIDENCE["none"])


def build_table(outcomes: list[tuple[str, bool, str, bool]]) -> list[tuple]:
    """Rows of the table from ``(attribution, direct, speaker_kind, right)`` per predicted quote: each cell's
    smoothed share of right ones, under its parents."""
    def count(match) -> tuple[int, int]:
        hits = [r for a, d, k, r in outcomes if match(a, d, k)]
        return sum(hits), len(hits)

    rows = []
    for attribution in sorted({a for a, _, _, _ in outcomes}):
        right, total = count(lambda a, d, k: a == attribution)
        top = smoothed(right, total, CONFIDENCE.get(attribution, CONFIDENCE["none"]))
        rows.append((attribution, "*", "*", total, right, top))
        for direct in (True, False):
            right, total = count(lambda a, d, k: a == attribution and d == direct)
            if not total:
                continue
            mid = smoothed(right, total, top)
            rows.append((attribution, int(direct), "*", total, right, mid))
            for kind in sorted({k for a, d, k, _ in outcomes if a == attribution and d == direct}):
                right, total = count(lambda a, d, k: a == attribution and d == direct and k == kind)
                rows.append((attribution, int(direct), kind, total, right, smoothed(right, total, mid)))
    return rows

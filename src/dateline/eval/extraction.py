"""Body-extraction accuracy on the Zyte article-extraction benchmark.

Two scores, as the benchmark defines them (4-gram shingles of ``\\w+`` tokens,
multiset overlap per page, mean precision and recall over pages):

* ``cleanup``: the page turned into naive whole-page text (every visible block,
  one per line), then our plain-text cleaner: the case of already-scraped text.
* ``trafilatura``: trafilatura on the HTML itself, precision mode.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class PageScore:
    item: str
    tp: float
    fp: float
    fn: float


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i: i + n]) for i in range(len(tokens) - n + 1))


def score_page(item: str, predicted: str, truth: str) -> PageScore:
    pred, gold = shingles(predicted), shingles(truth)
    tp = sum((pred & gold).values())
    fp = sum(pred.values()) - tp
    fn = sum(gold.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return PageScore(item, 0.0, 0.0, 0.0)
    return PageScore(item, tp / total, fp / total, fn / total)


def summarise(scores: list[PageScore]) -> dict[str, float]:
    precisions = [s.tp / (s.tp + s.fp) for s in scores if s.tp + s.fp > 0]
    recalls = [s.tp / (s.tp + s.fn) for s in scores if s.tp + s.fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"pages": len(scores), "precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def benchmark_folder() -> Path:
    """The Zyte article-extraction benchmark under ``../shared``."""
    from .devset import shared_dir

    return shared_dir() / "data" / "extraction" / "scrapinghub-article-extraction-benchmark"


def load_pages(folder: Path) -> Iterator[tuple[str, str, str]]:
    """``(item id, html, ground-truth body)`` for every page of the benchmark folder."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for item in sorted(truth):
        raw = gzip.decompress((folder / "html" / f"{item}.html.gz").read_bytes())
        yield item, raw.decode("utf-8", errors="replace"), truth[item]["articleBody"]


def evaluate(folder: Path, extract: Callable[[str], str]) -> tuple[dict[str, float], list[PageScore]]:
    scores = [score_page(item, extract(html), body) for item, html, body in load_pages(folder)]
    return summarise(scores), scores


def naive_text(html: str) -> str:
    """Every visible block of the page, one per line: what a naive scraper keeps."""
    from ..ingest.html import markup_to_text

    return markup_to_text(html)


def cleanup_extractor(html: str) -> str:
    from ..ingest.cleanup import clean

    return clean(naive_text(html)).body


def trafilatura_extractor(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, favor_precision=True, include_comments=False, include_tables=False) or ""

"""Language-ID accuracy (``dateline eval language``) on gold-labelled texts.

Documents and their paragraphs of at least 8 words, from the dev set (English)
and the German quotation corpus (test split), plus per-language totals.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..ingest.language import detect
from .devset import german_quotes, read_gold


def samples(dev: Path, limit_german: int = 60) -> list[tuple[str, str, str]]:
    """``(kind, expected language, text)`` triples."""
    out = []
    for g in read_gold(dev):
        out.append(("document", g.get("lang", "en"), g["text"]))
        out += [("paragraph", g.get("lang", "en"), p) for p in g["text"].split("\n") if len(p.split()) >= 8]
    try:
        for n, g in enumerate(german_quotes("test")):
            if n >= limit_german:
                break
            text = g.get("originalText") or ""
            out.append(("document", "de", text))
            out += [("paragraph", "de", p) for p in text.split("\n") if len(p.split()) >= 8]
    except FileNotFoundError:
        pass
    return out


def evaluate(dev: Path) -> dict:
    totals, right, confusions = Counter(), Counter(), Counter()
    for kind, expected, text in samples(dev):
        got = detect(text)
        totals[(kind, expected)] += 1
        if got == expected:
            right[(kind, expected)] += 1
        else:
            confusions[f"{expected}->{got}"] += 1
    return {
        "accuracy": {f"{k}:{lang}": round(right[(k, lang)] / n, 4) for (k, lang), n in sorted(totals.items())},
        "counts": {f"{k}:{lang}": n for (k, lang), n in sorted(totals.items())},
        "overall": round(sum(right.values()) / max(1, sum(totals.values())), 4),
        "confusions": dict(confusions),
    }

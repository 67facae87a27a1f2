"""Speed of the pipelines for languages without a spaCy 3.8 model, on real German news.

German runs HanTa's tagger on a blank pipeline; this prints words per second for
the blank pipeline alone, with the tagger, and with all our components, on the
German Wikinews texts (read from ``../shared`` at run time), best of ``--rounds``
runs on one core (there is no Russian or Spanish news corpus here to time those
pipelines on). Prints figures; asserts nothing.
Run: ``python -m dateline.bench.languages [--docs N] [--rounds N]``.
"""

from __future__ import annotations

import argparse
import json

from ..eval.devset import german_quotes
from ..nlp import models
from .components import best_time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=148, help="How many German Wikinews test articles.")
    parser.add_argument("--rounds", type=int, default=3, help="Runs per configuration; the fastest counts.")
    args = parser.parse_args()
    texts = [row["originalText"] for row in german_quotes("test")][: args.docs]
    nlp = models.load("de")
    words = sum(len(doc) for doc in nlp.tokenizer.pipe(texts))
    ours = [p for p in nlp.pipe_names if p.startswith("dateline_") and p != "dateline_tagger"]
    best_time(nlp, texts[:10], [], 1)  # warm-up: the tagger's model loads on first use
    seconds = {
        "blank pipeline (sentencizer)": best_time(nlp, texts, ["dateline_tagger"] + ours, args.rounds),
        "+ HanTa tagger": best_time(nlp, texts, ours, args.rounds),
        "+ Dateline components": best_time(nlp, texts, [], args.rounds),
    }
    print(json.dumps({"language": "de", "documents": len(texts), "words": words,
                      "words_per_second": {k: round(words / v) for k, v in seconds.items()},
                      "documents_per_second": {k: round(len(texts) / v, 1) for k, v in seconds.items()}}, indent=2))


if __name__ == "__main__":
    main()

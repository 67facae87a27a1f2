"""What each Dateline component adds to the spaCy pipeline's time, on the dev set's texts.

Each configuration runs ``nlp.pipe`` over the same texts, best of ``--rounds``
runs, on one core; the overhead of a component is its extra time as a share of
the spaCy pipeline alone. Prints figures; asserts nothing.
Run: ``python -m dateline.bench.components [--repeat N] [--rounds N]``.
"""

from __future__ import annotations

import argparse
import json
import time

from ..eval.devset import dev_path, read_gold
from ..nlp import models


def best_time(nlp, texts: list[str], disable: list[str], rounds: int) -> float:
    """The fastest of ``rounds`` runs of ``nlp.pipe`` over ``texts`` with ``disable`` off, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32, disable=disable):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="How many times the dev texts are repeated.")
    parser.add_argument("--rounds", type=int, default=3, help="Runs per configuration; the fastest counts.")
    args = parser.parse_args()
    texts = [g["text"] for g in read_gold(dev_path())] * args.repeat
    nlp = models.load("en")
    ours = [p for p in nlp.pipe_names if p.startswith("dateline_")]
    best_time(nlp, texts[:20], [], 1)  # warm-up
    times = {"spacy": best_time(nlp, texts, ours, args.rounds)}
    for i, name in enumerate(ours):
        times[name] = best_time(nlp, texts, ours[i + 1:], args.rounds)
    report = {"documents": len(texts), "spacy_seconds": round(times["spacy"], 3)}
    previous = times["spacy"]
    for name in ours:
        report[f"{name}_adds_percent"] = round(100 * (times[name] - previous) / times["spacy"], 1)
        previous = times[name]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

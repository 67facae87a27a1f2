"""Throughput on the dev set's texts: documents per second, one core and all cores.

Prints figures; asserts nothing (timings belong in the README, not in tests).
Run: ``python -m dateline.bench.throughput [--repeat N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import time

from ..eval.devset import dev_path, read_gold
from ..ingest.document import RawDocument
from ..nlp import models
from ..batch import annotate
from ..settings import Options


def _docs(texts: list[str]) -> list[RawDocument]:
    return [RawDocument(origin=f"dev-{i}", text=t) for i, t in enumerate(texts)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10, help="How many times the dev texts are repeated.")
    args = parser.parse_args()
    texts = [g["text"] for g in read_gold(dev_path())] * args.repeat
    chars = sum(map(len, texts))
    report = {"documents": len(texts), "characters": chars}

    nlp = models.load("en")
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, disable=[p for p in nlp.pipe_names if p.startswith("dateline_")]):
        pass
    report["spacy_only_docs_per_s"] = round(len(texts) / (time.perf_counter() - start), 1)

    for workers in sorted({1, os.cpu_count() or 1}):
        options = Options(workers=workers)
        start = time.perf_counter()
        n = sum(1 for o in annotate(_docs(texts), options) if o.ok)
        elapsed = time.perf_counter() - start
        report[f"dateline_{workers}_worker_docs_per_s"] = round(n / elapsed, 1)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

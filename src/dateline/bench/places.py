"""The geoparser's footprint: index size on disk, cold start, resident memory, and its share of pipeline time.

Cold start is measured in a fresh process (open the index, first lookup); memory
is the peak resident set of a process that loads the English pipeline with the
geoparser and runs it over the dev texts. Prints figures; asserts nothing.
Run: ``python -m dateline.bench.places``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

COLD_START = """
import time
t = time.perf_counter()
from dateline.nlp.places.gazetteer import open_gazetteer
g = open_gazetteer()
g.lookup("Bakhmut")
print(time.perf_counter() - t)
"""

MEMORY = """
import resource
from dateline.eval.devset import dev_path, read_gold
from dateline.nlp import models
nlp = models.load("en")
texts = [g["text"] for g in read_gold(dev_path())] * 3
for _ in nlp.pipe(texts, batch_size=32):
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _run(code: str) -> float:
    return float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()[-1])


def main() -> None:
    from ..nlp.places.gazetteer import index_path, open_gazetteer

    open_gazetteer()  # make sure it is built before timing anything
    path = index_path()
    start = time.perf_counter()
    cold = min(_run(COLD_START) for _ in range(3))
    report = {
        "index_path": str(path),
        "index_megabytes": round(path.stat().st_size / 1e6, 1),
        "cold_start_seconds": round(cold, 3),
        "peak_rss_megabytes_en_pipeline_with_places": round(_run(MEMORY), 0),
        "measured_in_seconds": round(time.perf_counter() - start, 1),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

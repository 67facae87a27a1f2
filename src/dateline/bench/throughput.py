"""Speed in one run, on the same texts: bare spaCy, Dateline on one core, on all cores, and on Dask.

Bare spaCy is ``en_core_web_sm`` as shipped (every component it enables by
default) over ``nlp.pipe`` on one core. Dateline's figure is the whole job after
reading: cleanup, language, the pipeline with our components, the record. One-core
rounds of both are interleaved and the best of each counts, so a busy moment
does not favour either. Executors are warmed up first (a worker loads its models
once; that is the cold start, measured on its own). Peak RSS per worker is sampled
every 0.2 s. Prints figures; asserts nothing.

Run: ``python -m dateline.bench.throughput [--repeat 5] [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time

from ..batch import annotate, make_executor
from ..eval.devset import dev_path, read_gold
from ..ingest.document import RawDocument
from ..nlp.models import build_resources, model_name
from ..settings import Options
from ..shared import seed_report


def _docs(texts: list[str]) -> list[RawDocument]:
    return [RawDocument(origin=f"dev-{i}", text=t) for i, t in enumerate(texts)]


class _PeakRss:
    """Peak resident memory of each process below this one, sampled while the block runs."""

    def __init__(self):
        import psutil

        self.me = psutil.Process()
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()

    def __enter__(self):
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _sample(self):
        while not self._stop.is_set():
            for child in self.me.children(recursive=True):
                try:
                    self.peak[child.pid] = max(self.peak.get(child.pid, 0), child.memory_info().rss)
                except Exception:
                    pass
            self._stop.wait(0.2)

    def largest_mb(self, smallest_mb: int = 200) -> int:
        """The largest worker's peak (processes under ``smallest_mb`` are helpers: a fork server, a nanny)."""
        workers = [rss for rss in self.peak.values() if rss > smallest_mb * 2**20]
        return round(max(workers, default=0) / 2**20)


def _rate(n: int, seconds: float) -> float:
    return round(n / seconds, 1)


def _time_executor(options: Options, workers: int, texts: list[str], rounds: int) -> tuple[float, int]:
    with make_executor(options, workers) as executor, _PeakRss() as rss:
        list(annotate(_docs(texts[: 4 * workers]), options, executor=executor))  # workers start and load models
        best = float("inf")
        for _ in range(rounds):
            start = time.perf_counter()
            done = sum(1 for o in annotate(_docs(texts), options, executor=executor) if o.ok)
            best = min(best, time.perf_counter() - start)
            assert done == len(texts), f"{len(texts) - done} documents failed"
    return _rate(len(texts), best), rss.largest_mb()


def _cold_start() -> float:
    """Seconds from starting ``dateline extract`` on the seed report to its record on stdout."""
    start = time.perf_counter()
    run = subprocess.Popen([sys.executable, "-m", "dateline.cli", "extract", str(seed_report())], stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL)
    run.stdout.readline()
    elapsed = time.perf_counter() - start
    run.wait()
    return round(elapsed, 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="How many times the dev texts are repeated.")
    parser.add_argument("--rounds", type=int, default=3, help="Timed rounds of each configuration; the best counts.")
    parser.add_argument("--no-dask", action="store_true", help="Skip the Dask LocalCluster.")
    args = parser.parse_args()

    import spacy
    from threadpoolctl import threadpool_limits

    build_resources()
    texts = [g["text"] for g in read_gold(dev_path())] * args.repeat
    report: dict = {"documents": len(texts), "characters": sum(map(len, texts)), "cores": os.cpu_count()}
    cores = os.cpu_count() or 1

    with threadpool_limits(1):  # one core: one BLAS thread
        bare = spacy.load(model_name("en"))
        serial = Options(executor="serial")
        list(bare.pipe(texts[:10]))
        list(annotate(_docs(texts[:10]), serial))  # load and warm Dateline's pipeline
        spacy_best = dateline_best = float("inf")
        for _ in range(args.rounds):
            start = time.perf_counter()
            for _doc in bare.pipe(texts, batch_size=32):
                pass
            spacy_best = min(spacy_best, time.perf_counter() - start)
            start = time.perf_counter()
            done = sum(1 for o in annotate(_docs(texts), serial) if o.ok)
            dateline_best = min(dateline_best, time.perf_counter() - start)
            assert done == len(texts)
    one_core = _rate(len(texts), dateline_best)
    report["spacy_en_core_web_sm_1_core_docs_per_s"] = _rate(len(texts), spacy_best)
    report["dateline_1_core_docs_per_s"] = one_core
    report["dateline_vs_spacy_1_core"] = round(spacy_best / dateline_best, 2)

    rate, rss = _time_executor(Options(executor="processes", workers=cores), cores, texts, args.rounds)
    report[f"dateline_{cores}_workers_docs_per_s"] = rate
    report["all_cores_vs_1_core"] = round(rate / one_core, 2)
    report["peak_rss_mb_per_worker_processes"] = rss
    if not args.no_dask:
        rate, rss = _time_executor(Options(executor="dask", workers=2), 2, texts, args.rounds)
        report["dateline_dask_localcluster_2_workers_docs_per_s"] = rate
        report["dask_vs_1_core"] = round(rate / one_core, 2)
        report["peak_rss_mb_per_worker_dask"] = rss
    report["cold_start_to_first_record_s"] = _cold_start()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()

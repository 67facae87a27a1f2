"""Load on ``dateline serve``: a store of 10,000 articles, 50 concurrent clients on loopback, p50/p99 per endpoint.

    python -m dateline.bench.serve [--articles 10000] [--clients 50] [--seconds 40] [--workers 2]

The store is made from real texts: the dev set's articles (from ../shared when it is there) and the seed report
go through the pipeline once, then each record is repeated with its metadata varied (id, outlet, publication and
event dates spread over two years, places moved by up to 0.2°), so lists, filters and the map see realistic
shapes at scale. It is kept in bench-results/ and reused. Each client sends the next request as soon as the last
one is answered (no think time), cycling through the endpoints the page and a syncing client use; the run is
bounded in time and requests, and only talks to 127.0.0.1. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from ..settings import Options
from ..store import Database, Filters
from ..types import Record

OUTLETS = ("franceinfo", "Reuters", "AP", "BBC", "Kyiv Independent", "Al Jazeera", "Le Monde", "DW", "Babel",
           "Ukrainska Pravda", "The Guardian", "NPR")


def real_records() -> list[Record]:
    """The dev set's articles and the seed report, through the pipeline (the texts the store repeats)."""
    from ..batch import jobs
    from ..shared import seed_report
    from ..eval.devset import dev_path

    sources = [str(seed_report())]
    dev = dev_path()
    if dev.exists():
        sources.append(str(dev))
    return [o.record for o in jobs.extract(sources, Options(executor="serial")) if o.ok]


def varied(record: Record, i: int, rng: random.Random) -> Record:
    day = date(2024, 1, 1) + timedelta(days=rng.randrange(730))
    dx, dy = rng.uniform(-0.2, 0.2), rng.uniform(-0.2, 0.2)

    def move(lat, lon):
        return (None, None) if lat is None or lon is None else (round(lat + dy, 5), round(lon + dx, 5))

    places = tuple(dataclasses.replace(p, lat=move(p.lat, p.lon)[0], lon=move(p.lat, p.lon)[1]) for p in record.places)
    events = []
    for e in record.events:
        location = e.location
        if location is not None and location.lat is not None:
            lat, lon = move(location.lat, location.lon)
            location = dataclasses.replace(location, lat=lat, lon=lon)
        events.append(dataclasses.replace(e, location=location, date=day.isoformat()))
    outlet = OUTLETS[i % len(OUTLETS)]
    return dataclasses.replace(
        record, id=f"bench-{i:06d}", published=day.isoformat(), places=places, events=tuple(events),
        title=f"{record.title or 'Report'} ({outlet}, {day:%d %b %Y})",
        source=dataclasses.replace(record.source, url=f"https://example.org/{outlet.lower().replace(' ', '-')}/{i}",
                                   outlet=outlet))


def build_store(path: Path, articles: int, seed: int = 7) -> None:
    base = real_records()
    rng = random.Random(seed)
    started = time.perf_counter()
    with Database(path) as db:
        for i in range(articles):
            db.add_article(varied(base[i % len(base)], i, rng))
    print(f"store: {articles} articles from {len(base)} real texts in {time.perf_counter() - started:.0f} s → {path}")


def endpoints(db_path: Path) -> list[tuple[str, str]]:
    """(name, path) pairs: the page's requests and a syncing client's, with filters."""
    with Database(db_path, readonly=True) as db:
        speaker = next(iter(db.quotes(limit=1)), None)
        some_id = db.page("articles", Filters(), limit=1000).items[-1]["id"]
    name = (speaker["speaker"] if speaker and speaker["speaker"] else "Valery").split()[0]
    return [
        ("articles", "/api/articles?limit=50"),
        ("articles q", "/api/articles?q=ukraine&limit=50"),
        ("articles outlet+dates", "/api/articles?outlet=Reuters&since=2024-06-01&until=2024-12-31&limit=50"),
        ("articles sync", "/api/articles?updated_since=2000-01-01&limit=100"),
        ("article", f"/api/articles/{some_id}"),
        ("events country+dates", "/api/events?country=UA&since=2025-01-01&until=2025-06-30&limit=50"),
        ("events type+bbox", "/api/events?type=Battles&bbox=22,44,41,53&limit=50"),
        ("events geojson 500", "/api/events?format=geojson&limit=500"),
        ("timeline", "/api/timeline?country=UA"),
        ("quotes speaker", f"/api/quotes?speaker={name}&limit=50"),
        ("quotes q", "/api/quotes?q=war&limit=50"),
        ("speakers", "/api/speakers?limit=50"),
        ("places country", "/api/places?country=UA&limit=50"),
        ("entities people", "/api/entities?type=person&limit=50"),
    ]


async def load(base_url: str, targets: list[tuple[str, str]], clients: int, seconds: float,
               max_requests: int, think: float = 0.0) -> tuple[dict[str, list[float]], dict[str, int], float]:
    """Each client sends a request, waits for the answer, then waits ``think`` seconds on average (exponential,
    as a reader looking at the page) before the next; ``think=0`` is a client that never pauses."""
    import httpx

    latencies: dict[str, list[float]] = {name: [] for name, _ in targets}
    failures: dict[str, int] = {}
    sent = 0
    stop = time.perf_counter() + seconds
    rng = random.Random(11)

    async def client(k: int, http: httpx.AsyncClient) -> None:
        nonlocal sent
        i = k
        if think:
            await asyncio.sleep(rng.uniform(0, think))  # clients arrive spread out, not in one burst
        while time.perf_counter() < stop and sent < max_requests:
            name, path = targets[i % len(targets)]
            i += 1
            sent += 1
            t = time.perf_counter()
            try:
                response = await http.get(path)
                await response.aread()
            except httpx.HTTPError as exc:
                failures[type(exc).__name__] = failures.get(type(exc).__name__, 0) + 1
                continue
            latencies[name].append(time.perf_counter() - t)
            if response.status_code != 200:
                failures[str(response.status_code)] = failures.get(str(response.status_code), 0) + 1
            if think:
                await asyncio.sleep(rng.expovariate(1 / think))

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30) as http:
        for _, path in targets:  # warm: each server thread's connection and SQLite's page cache
            await http.get(path)
        started = time.perf_counter()
        await asyncio.gather(*(client(k, http) for k in range(clients)))
        elapsed = time.perf_counter() - started
    return latencies, failures, elapsed


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen:
    import urllib.request

    log = open(db.parent / "serve-bench-server.log", "wb")  # a pipe nobody reads could fill and stall the server
    process = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--port", str(port),
                                "--workers", str(workers)], stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=2) as response:
                json.load(response)
            return process
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError(f"the server did not start; see {log.name}")
            time.sleep(0.2)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=40.0)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=2, help="server processes")
    parser.add_argument("--think", type=float, nargs="+", default=[1.0, 0.0],
                        help="mean seconds each client pauses between requests; one run per value (0: no pause)")
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args(argv)
    db = args.db or Path("bench-results") / f"serve-{args.articles}.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    if args.rebuild or not db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        build_store(db, args.articles)
    with Database(db, readonly=True) as store:
        counts = store.counts()
    port = 18000 + random.randrange(1000)
    print(f"store: {counts['articles']} articles, {counts['events']} events, {counts['quotes']} quotes, "
          f"{counts['places']} places; server: {args.workers} process(es); {args.clients} clients on loopback")
    server = start_server(db, port, args.workers)
    try:
        targets = endpoints(db)
        for think in args.think:
            latencies, errors, elapsed = asyncio.run(load(f"http://127.0.0.1:{port}", targets, args.clients,
                                                          args.seconds, args.max_requests, think))
            report(latencies, errors, elapsed, think)
    finally:
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()


def report(latencies: dict[str, list[float]], errors: dict[str, int], elapsed: float, think: float) -> None:
    total = sum(len(v) for v in latencies.values())
    pause = f"{think:g} s mean pause between a client's requests" if think else "no pause (saturation)"
    print(f"\n{pause}: {total} requests in {elapsed:.0f} s, {total / elapsed:.0f} requests/s; "
          f"failures: {errors or 'none'}")
    print(f"{'endpoint':<24}{'requests':>9}{'p50 ms':>9}{'p99 ms':>9}")
    worst = 0.0
    for name, values in latencies.items():
        if not values:
            continue
        values.sort()
        p50, p99 = statistics.median(values) * 1000, values[min(len(values) - 1, int(len(values) * 0.99))] * 1000
        if name != "events geojson 500":  # a map load, not a list page
            worst = max(worst, p99)
        print(f"{name:<24}{len(values):>9}{p50:>9.1f}{p99:>9.1f}")
    print(f"worst p99 of the list endpoints: {worst:.1f} ms (goal < 100 ms)")


if __name__ == "__main__":
    main()

"""The ``dateline`` command line. Each command parses, calls one library function, prints.

Exit codes: 0 all documents processed; 1 some documents failed (each named on
stderr); 2 bad usage.
"""

from __future__ import annotations

import json
import logging
import sys
from contextlib import contextmanager
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__, jobs
from .export import FORMATS as EXPORT_FORMATS
from .export import write as export_records
from .export.acled import write_acled
from .nlp.runner import Outcome
from .settings import HELP, Options, trace_enabled
from .store import Database
from .types import ENTITY_KINDS

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Turn news reports into sourced, structured facts.")
eval_app = typer.Typer(no_args_is_help=True, help="Measure accuracy against gold data.")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True)
out = Console()

DB_OPTION = typer.Option("dateline.db", "--db", help="SQLite store to use (created if missing).")


class TextFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    pretty = "pretty"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dateline {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress details to stderr."),
) -> None:
    """Dateline: who said what, where and when, from news reports."""
    level = logging.DEBUG if trace_enabled() else logging.INFO if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _options(language: str, workers: int, max_file_bytes: Optional[int]) -> Options:
    return Options().replace(language=language, workers=workers, max_file_bytes=max_file_bytes)


@contextmanager
def _progress(label: str, total: Optional[int] = None) -> Iterator:
    """A rich progress bar on a terminal; nothing when stderr is piped or captured."""
    if not err.is_terminal:
        yield lambda outcome: None
        return
    columns = [SpinnerColumn(), TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda outcome: bar.advance(task)


def _report_failure(outcome: Outcome) -> None:
    problem = outcome.error
    err.print(f"[red]error[/red] {outcome.origin}: {problem.message} [dim]({problem.stage}/{problem.code})[/dim]", highlight=False)


LANGUAGE_OPTION = typer.Option("auto", "--language", "-l", help=HELP["language"])
WORKERS_OPTION = typer.Option(0, "--workers", "-w", help=HELP["workers"])
MAX_BYTES_OPTION = typer.Option(None, "--max-file-bytes", help=HELP["max_file_bytes"])


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files or folders to read; '-' reads stdin."),
    fmt: TextFormat = typer.Option(TextFormat.jsonl, "--format", "-f", help="jsonl: one record per line; json: an array; pretty: a summary."),
    language: str = LANGUAGE_OPTION,
    workers: int = WORKERS_OPTION,
    max_file_bytes: Optional[int] = MAX_BYTES_OPTION,
) -> None:
    """Print one record per article (JSON Lines on stdout); errors go to stderr."""
    options = _options(language, workers, max_file_bytes)
    failed = 0
    first = True
    if fmt is TextFormat.json:
        sys.stdout.write("[")
    with _progress("extracting") as advance:
        for outcome in jobs.extract(paths, options, progress=advance):
            if not outcome.ok:
                failed += 1
                _report_failure(outcome)
                continue
            record = outcome.record.to_dict()
            if fmt is TextFormat.jsonl:
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif fmt is TextFormat.json:
                sys.stdout.write(("" if first else ",\n") + json.dumps(record, ensure_ascii=False, indent=2))
            else:
                _print_summary(outcome.record)
            first = False
            sys.stdout.flush()
    if fmt is TextFormat.json:
        sys.stdout.write("]\n")
    raise typer.Exit(1 if failed else 0)


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., help="Files or folders to read; '-' reads stdin."),
    db: Path = DB_OPTION,
    refresh: bool = typer.Option(False, "--refresh", help="Reprocess articles already in the store."),
    language: str = LANGUAGE_OPTION,
    workers: int = WORKERS_OPTION,
    max_file_bytes: Optional[int] = MAX_BYTES_OPTION,
) -> None:
    """Process documents into the store; a re-run skips what is already stored."""
    options = _options(language, workers, max_file_bytes)
    with Database(db) as store, _progress("ingesting") as advance:
        def step(outcome: Outcome) -> None:
            advance(outcome)
            if not outcome.ok:
                _report_failure(outcome)

        report = jobs.ingest(paths, store, options, refresh=refresh, progress=step)
    err.print(f"stored {report.stored}, skipped {report.skipped} already stored, failed {len(report.failed)} → {db}")
    raise typer.Exit(1 if report.failed else 0)


@app.command()
def search(
    query: str = typer.Argument(..., help="Words to find (FTS5 syntax allowed: OR, NOT, \"phrases\", prefix*)."),
    db: Path = DB_OPTION,
    limit: int = typer.Option(20, "--limit", "-n", help="Most hits to show."),
) -> None:
    """Full-text search over stored articles and quotes."""
    with Database(db) as store:
        hits = store.search(query, limit=limit)
    if not hits:
        err.print("no matches")
        raise typer.Exit(0)
    table = Table("id", "kind", "title / speaker", "match", show_lines=False)
    for hit in hits:
        who = hit.speaker if hit.kind == "quote" else (hit.title or "")
        table.add_row(hit.article_id, hit.kind, (who or "")[:50], hit.snippet)
    out.print(table)


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id (or a unique prefix of it)."),
    db: Path = DB_OPTION,
    fmt: TextFormat = typer.Option(TextFormat.pretty, "--format", "-f", help="pretty, or json for the record."),
) -> None:
    """Show one stored article."""
    with Database(db) as store:
        record = store.get(article_id)
    if record is None:
        err.print(f"no article {article_id!r} in {db}")
        raise typer.Exit(1)
    if fmt is TextFormat.pretty:
        _print_summary(record)
    else:
        typer.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=2 if fmt is TextFormat.json else None))


@app.command()
def export(
    fmt: str = typer.Option("jsonl", "--format", "-f", help=f"One of: {', '.join(EXPORT_FORMATS)}."),
    db: Path = DB_OPTION,
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
) -> None:
    """Export every stored record."""
    if fmt not in EXPORT_FORMATS:
        err.print(f"unknown format {fmt!r}; choose from {', '.join(EXPORT_FORMATS)}")
        raise typer.Exit(2)
    with Database(db) as store:
        if output and fmt == "acled-csv":
            # ACLED's columns stay exactly ACLED's; ours go beside them, keyed by event_id_cnty.
            extras_path = output.with_name(output.stem + ".dateline.csv")
            with open(output, "w", encoding="utf-8", newline="") as stream, \
                    open(extras_path, "w", encoding="utf-8", newline="") as extras:
                n = write_acled(store.records(), stream, extras)
            err.print(f"Dateline's own fields (evidence, confidence, article) are in {extras_path}")
        elif output:
            with open(output, "w", encoding="utf-8", newline="") as stream:
                n = export_records(store.records(), stream, fmt)
        else:
            n = export_records(store.records(), sys.stdout, fmt)
    err.print(f"exported {n} records")


@app.command("quotes")
def list_quotes(
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Only quotes whose speaker name contains this."),
    db: Path = DB_OPTION,
    limit: int = typer.Option(50, "--limit", "-n", help="Most quotes to show."),
) -> None:
    """Who said what: stored quotes with their speakers, optionally for one speaker."""
    with Database(db) as store:
        rows = store.quotes(speaker=speaker, limit=limit)
    if not rows:
        err.print("no quotes")
        raise typer.Exit(0)
    table = Table("speaker", "kind", "", "quote", "article", show_lines=False)
    for r in rows:
        table.add_row(r["speaker"] or "?", r["speaker_kind"], "direct" if r["direct"] else "reported",
                      _short(r["text"], 100), r["article_id"][:14])
    out.print(table)


@app.command("events")
def list_events(
    country: Optional[str] = typer.Option(None, "--country", "-c", help="ISO country code, e.g. UA."),
    event_type: Optional[str] = typer.Option(None, "--type", "-t", help="An ACLED event or sub-event type, e.g. Battles."),
    since: Optional[str] = typer.Option(None, help="Only events on or after this date (YYYY-MM-DD)."),
    db: Path = DB_OPTION,
    limit: int = typer.Option(50, "--limit", "-n", help="Most events to show."),
) -> None:
    """What happened where and when: stored ACLED-style events, with the sentence that reports each."""
    with Database(db) as store:
        rows = store.events(country=country, event_type=event_type, since=since, limit=limit)
    if not rows:
        err.print("no events")
        raise typer.Exit(0)
    table = Table("date", "type", "where", "actors", "deaths", "evidence", show_lines=False)
    for r in rows:
        actors = " vs ".join(a for a in (r["actor1"], r["actor2"]) if a)
        table.add_row(r["date"] or "?", r["sub_event_type"] or r["event_type"],
                      f"{r['location'] or '?'} ({r['country_code'] or '—'})", actors, str(r["fatalities"] or 0),
                      _short(r["evidence"] or "", 80))
    out.print(table)


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


gazetteer_app = typer.Typer(no_args_is_help=True, help="The offline place index (GeoNames data from PyPI packages).")
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def gazetteer_build(
    path: Optional[Path] = typer.Option(None, help="Where to write the index (default: $DATELINE_GAZETTEER or the user cache)."),
    force: bool = typer.Option(False, "--force", help="Rebuild even if the index exists."),
) -> None:
    """Build the place index once (about 15 s); every later run opens it in milliseconds."""
    from .nlp.places.gazetteer import build, index_path

    target = path or index_path()
    if target.exists() and not force:
        err.print(f"gazetteer already built: {target} ({target.stat().st_size / 1e6:.0f} MB)")
        return
    with err.status("building the gazetteer…"):
        build(target)
    err.print(f"gazetteer built: {target} ({target.stat().st_size / 1e6:.0f} MB)")


@gazetteer_app.command("lookup")
def gazetteer_lookup(name: str = typer.Argument(..., help="A place name, in any script or spelling."),
                     limit: int = typer.Option(10, "--limit", "-n")) -> None:
    """Every gazetteer entry with this name, most populous first."""
    from .nlp.places.gazetteer import open_gazetteer

    table = Table("geonames id", "name", "feature", "country", "admin-1", "lat", "lon", "population")
    for p in open_gazetteer().lookup(name)[:limit]:
        table.add_row(str(p.id) if p.id > 0 else "—", p.name, p.feature, p.country_code or "", p.admin1 or "",
                      f"{p.lat:.4f}", f"{p.lon:.4f}", f"{p.population:,}")
    out.print(table)


classifier_app = typer.Typer(no_args_is_help=True, help="The event classifier (MiniLM embeddings, our own sentences).")
app.add_typer(classifier_app, name="classifier")


@classifier_app.command("build")
def classifier_build() -> None:
    """Train the event classifier on data/event_training.tsv now (a few seconds) instead of at first use."""
    from .nlp.events.classifier import shared_classifier, training_rows

    with err.status("training the event classifier…"):
        shared_classifier()
    err.print(f"event classifier ready ({len(training_rows())} training sentences)")


@classifier_app.command("classify")
def classifier_classify(sentence: str = typer.Argument(..., help="An English sentence.")) -> None:
    """What the classifier makes of one sentence: P(event) and its likeliest sub-event type."""
    from .nlp.events.classifier import shared_classifier

    (guess,) = shared_classifier().classify([sentence])
    out.print(f"P(event) {guess.event_probability:.2f}; sub-event type {guess.sub_event_type} ({guess.probability:.2f})")


@app.command()
def stats(db: Path = DB_OPTION) -> None:
    """Counts of what the store holds, and the documents that failed."""
    with Database(db) as store:
        counts = store.counts()
        failures = store.failures()
    for table, n in counts.items():
        out.print(f"{table:10s} {n}")
    for f in failures[:20]:
        out.print(f"  failed {f['origin']}: {f['message']} ({f['stage']}/{f['code']})", highlight=False)


@app.command()
def demo(db: Path = DB_OPTION) -> None:
    """Process the bundled franceinfo report into the store and summarise it."""
    sample = resources.files("dateline.data").joinpath("franceinfo-bakhmut.txt")
    with resources.as_file(sample) as path, Database(db) as store:
        report = jobs.ingest([str(path)], store, Options(workers=1), refresh=True)
        for outcome in report.failed:
            _report_failure(outcome)
        for record in store.records():
            if record.source.path and record.source.path.endswith("franceinfo-bakhmut.txt"):
                _print_summary(record)
    out.print(f"\nStored in {db}. Try: dateline search Bakhmut --db {db}   or   dateline quotes --speaker Adam --db {db}")
    raise typer.Exit(1 if report.failed else 0)


def _print_summary(record) -> None:
    out.rule(f"[bold]{record.title or '(no headline)'}")
    out.print(f"id {record.id} · language {record.language} · published {record.published or 'unknown'} · outlet {record.source.outlet or 'unknown'}", highlight=False)
    out.print(f"{len(record.text.split())} words · {len(record.quotes)} quotes · {len(record.places)} places · {len(record.events)} events")
    for kind, label in ENTITY_KINDS:
        names = [f"{e.name} ×{len(e.mentions)}" for e in record.entities if e.type == kind]
        out.print(f"[bold]{label}[/bold]: {', '.join(names) or '—'}", highlight=False)
    for q in record.quotes:
        out.print(f"  “{q.text[:80]}” — {q.speaker or '?'}", highlight=False)
    for e in record.events:
        where = e.location.name if e.location else "place unknown"
        actors = " vs ".join(a for a in (e.actor1, e.actor2) if a) or "actors unknown"
        out.print(f"  [bold]event[/bold] {e.event_type} / {e.sub_event_type} at {where}, {e.date or 'date unknown'}: "
                  f"{actors}", highlight=False)
    for p in record.places:
        where = f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None else "not located"
        said = ", ".join(sorted({m.text for m in p.mentions}))
        out.print(f"  [bold]place[/bold] {p.name} ({p.feature}, {p.country_code or '—'}) {where} ← {said}", highlight=False)
    for p in record.errors:
        out.print(f"[yellow]note[/yellow] {p.message}", highlight=False)


from .eval import cli as _eval_cli  # noqa: E402  (registers `dateline eval ...`)

_eval_cli.register(eval_app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()

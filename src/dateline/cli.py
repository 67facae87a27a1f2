"""The ``dateline`` command line. Each command parses, calls one library function, prints.

Exit codes: 0 all documents processed; 1 some documents failed (each named on
stderr); 2 bad usage (including a store or output path that cannot be opened);
3 an internal error or a failing system (a full disk); 130 and 143 when stopped by
SIGINT or SIGTERM (workers are stopped, output is left whole).

Text from articles and file names is printed through ``terminal``: never as markup,
never with its escape sequences.
"""

from __future__ import annotations

import json
import logging
import signal
import sqlite3
import sys
from contextlib import closing, contextmanager
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Iterator, List, Optional

import click
import typer
from typer.core import TyperGroup
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from . import __version__
from .batch import EXECUTORS, Outcome, jobs
from .export import FORMATS as EXPORT_FORMATS
from .export import write as export_records
from .export.acled import write_acled
from .settings import HELP, Options, trace_enabled
from .shared import seed_report
from .store import Database, SearchSyntaxError
from .terminal import plain, text
from .types import ENTITY_KINDS

class _Commands(TyperGroup):
    """Every command's errors end the same way: one line on stderr and the documented exit code, never a
    traceback (``DATELINE_TRACE=1`` shows it)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (typer.Exit, click.exceptions.Exit, click.ClickException, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            _stopped(ctx, 128 + signal.SIGINT)
        except _Stopped as exc:
            _stopped(ctx, exc.code)
        except Fatal as exc:
            _fail(ctx, _error_line(exc), exc.code)
        except OSError as exc:  # a full disk, a vanished folder: the system failed, not a document
            if trace_enabled():
                raise
            where = f": {exc.filename}" if exc.filename else ""
            _fail(ctx, _error_line(f"{exc.strerror or exc}{where}"), EXIT_INTERNAL)
        except Exception as exc:
            if trace_enabled():
                raise
            _fail(ctx, _error_line(f"{type(exc).__name__}: {exc}", label="internal error")
                  + " (DATELINE_TRACE=1 shows the traceback)", EXIT_INTERNAL)


def _error_line(message: object, *, label: str = "error") -> Text:
    """``error <message>``: the label in red, the message as inert text (it may quote article text)."""
    return Text.assemble((label, "red"), " ", text(message))


def _fail(ctx: click.Context, message: Text, code: int) -> None:
    err.print(message)
    ctx.exit(code)


def _stopped(ctx: click.Context, code: int) -> None:
    err.print("stopped")
    ctx.exit(code)


app = typer.Typer(cls=_Commands, add_completion=False, no_args_is_help=True,
                  help="Turn news reports into sourced, structured facts.")
eval_app = typer.Typer(no_args_is_help=True, help="Measure accuracy against gold data.")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True, soft_wrap=True)  # one line per error, whatever the width
out = Console()

DB_OPTION = typer.Option("dateline.db", "--db", help="SQLite store to use (created if missing).")

EXIT_FAILED_DOCUMENTS, EXIT_USAGE, EXIT_INTERNAL = 1, 2, 3


class Fatal(Exception):
    """An error the user can act on: printed as one line, with its exit code."""

    def __init__(self, message: str, code: int = EXIT_USAGE):
        super().__init__(message)
        self.code = code


@contextmanager
def _store(path: Path) -> Iterator[Database]:
    try:
        store = Database(path)
    except (sqlite3.Error, OSError) as exc:
        raise Fatal(f"cannot open the store {plain(path)}: {exc}") from None
    with store:
        yield store


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


def _options(language: str, workers: int, max_file_bytes: Optional[int], executor: str = "processes",
             scheduler: Optional[str] = None, doc_timeout: Optional[float] = None) -> Options:
    if executor not in EXECUTORS:
        raise Fatal(f"unknown executor {executor!r}; choose from {', '.join(EXECUTORS)}")
    if scheduler and executor != "dask":
        executor = "dask"  # a scheduler address means a Dask cluster
    if language != "auto" and not _known_language(language):
        raise Fatal(f"unknown language code {language!r}: give an ISO 639-1 code spaCy knows (en, fr, de…) or 'auto'")
    if workers < 0:
        raise Fatal("--workers must be 0 (one per core) or more")
    return Options().replace(language=language, workers=workers, max_file_bytes=max_file_bytes, executor=executor,
                             scheduler=scheduler, doc_timeout=doc_timeout)


def _known_language(code: str) -> bool:
    import spacy

    try:
        spacy.util.get_lang_class(code)
        return True
    except Exception:
        return False


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
    err.print(_error_line(f"{outcome.origin}: {problem.message}") + " " + text(f"({problem.stage}/{problem.code})", "dim"),
              highlight=False)


LANGUAGE_OPTION = typer.Option("auto", "--language", "-l", help=HELP["language"])
WORKERS_OPTION = typer.Option(0, "--workers", "-w", help=HELP["workers"])
MAX_BYTES_OPTION = typer.Option(None, "--max-file-bytes", help=HELP["max_file_bytes"])
EXECUTOR_OPTION = typer.Option("processes", "--executor", "-e", help=HELP["executor"])
SCHEDULER_OPTION = typer.Option(None, "--scheduler", help=HELP["scheduler"])
TIMEOUT_OPTION = typer.Option(None, "--doc-timeout", help=HELP["doc_timeout"])


@contextmanager
def _stoppable() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C: workers are stopped and output is closed before the exit."""
    def stop(signum, frame):
        raise _Stopped(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    except KeyboardInterrupt:
        raise _Stopped(128 + signal.SIGINT) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Stopped(BaseException):  # like KeyboardInterrupt: no `except Exception` on the way may swallow it
    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files or folders to read; '-' reads stdin."),
    fmt: TextFormat = typer.Option(TextFormat.jsonl, "--format", "-f", help="jsonl: one record per line; json: an array; pretty: a summary."),
    language: str = LANGUAGE_OPTION,
    workers: int = WORKERS_OPTION,
    max_file_bytes: Optional[int] = MAX_BYTES_OPTION,
    executor: str = EXECUTOR_OPTION,
    scheduler: Optional[str] = SCHEDULER_OPTION,
    doc_timeout: Optional[float] = TIMEOUT_OPTION,
) -> None:
    """Print one record per article (JSON Lines on stdout); errors go to stderr."""
    options = _options(language, workers, max_file_bytes, executor, scheduler, doc_timeout)
    failed = 0
    first = True
    if fmt is TextFormat.json:
        sys.stdout.write("[")
    try:
        with _stoppable(), _progress("extracting") as advance, \
                closing(jobs.extract(paths, options, progress=advance)) as outcomes:
            for outcome in outcomes:
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
    finally:
        if fmt is TextFormat.json:  # a valid array even when stopped part-way
            sys.stdout.write("]\n")
            sys.stdout.flush()
    raise typer.Exit(EXIT_FAILED_DOCUMENTS if failed else 0)


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., help="Files or folders to read; '-' reads stdin."),
    db: Path = DB_OPTION,
    refresh: bool = typer.Option(False, "--refresh", help="Reprocess articles already in the store."),
    language: str = LANGUAGE_OPTION,
    workers: int = WORKERS_OPTION,
    max_file_bytes: Optional[int] = MAX_BYTES_OPTION,
    executor: str = EXECUTOR_OPTION,
    scheduler: Optional[str] = SCHEDULER_OPTION,
    doc_timeout: Optional[float] = TIMEOUT_OPTION,
) -> None:
    """Process documents into the store; a re-run skips what is already stored."""
    options = _options(language, workers, max_file_bytes, executor, scheduler, doc_timeout)
    with _store(db) as store, _stoppable(), _progress("ingesting") as advance:
        def step(outcome: Outcome) -> None:
            advance(outcome)
            if not outcome.ok:
                _report_failure(outcome)

        report = jobs.ingest(paths, store, options, refresh=refresh, progress=step)
    err.print(Text(f"stored {report.stored}, skipped {report.skipped} already stored, failed {len(report.failed)} → ")
              + text(db))
    raise typer.Exit(EXIT_FAILED_DOCUMENTS if report.failed else 0)


@app.command()
def search(
    query: str = typer.Argument(..., help="Words to find, all of them (punctuation is ignored)."),
    db: Path = DB_OPTION,
    limit: int = typer.Option(20, "--limit", "-n", help="Most hits to show."),
    fts: bool = typer.Option(False, "--fts", help="Read the query as SQLite FTS5 syntax (OR, NOT, \"phrases\", prefix*, NEAR)."),
) -> None:
    """Full-text search over stored articles and quotes."""
    with _store(db) as store:
        try:
            hits = store.search(query, limit=limit, raw=fts)
        except SearchSyntaxError as exc:
            raise Fatal(str(exc)) from None
    if not hits:
        err.print("no matches")
        raise typer.Exit(0)
    table = Table("id", "kind", "title / speaker", "match", show_lines=False)
    for hit in hits:
        who = hit.speaker if hit.kind == "quote" else (hit.title or "")
        table.add_row(text(hit.article_id), hit.kind, text((who or "")[:50]), _highlighted(hit.snippet))
    out.print(table)


def _highlighted(snippet: str) -> Text:
    """A search snippet with its matches (between the store's marks) in bold."""
    from .store import MATCH_END, MATCH_START

    shown = Text()
    for n, part in enumerate(_split_marks(snippet, MATCH_START, MATCH_END)):
        shown.append(plain(part), style="bold" if n % 2 else "")
    return shown


def _split_marks(snippet: str, start: str, end: str) -> list[str]:
    parts, rest = [], snippet
    while True:
        i = rest.find(start)
        if i < 0:
            return parts + [rest]
        j = rest.find(end, i)
        j = len(rest) if j < 0 else j
        parts += [rest[:i], rest[i + len(start): j]]
        rest = rest[j + len(end):]


@app.command()
def show(
    article_id: str = typer.Argument(..., help="Article id (or a unique prefix of it)."),
    db: Path = DB_OPTION,
    fmt: TextFormat = typer.Option(TextFormat.pretty, "--format", "-f", help="pretty, or json for the record."),
) -> None:
    """Show one stored article."""
    with _store(db) as store:
        record = store.get(article_id)
    if record is None:
        raise Fatal(f"no article {plain(article_id)!r} in {plain(db)}", EXIT_FAILED_DOCUMENTS)
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
        raise Fatal(f"unknown format {plain(fmt)!r}; choose from {', '.join(EXPORT_FORMATS)}")
    with _store(db) as store:
        if output and fmt == "acled-csv":
            # ACLED's columns stay exactly ACLED's; ours go beside them, keyed by event_id_cnty.
            extras_path = output.with_name(output.stem + ".dateline.csv")
            with _writable(output) as stream, _writable(extras_path) as extras:
                n = write_acled(store.records(), stream, extras)
            err.print(Text("Dateline's own fields (evidence, confidence, article) are in ") + text(extras_path))
        elif output:
            with _writable(output) as stream:
                n = export_records(store.records(), stream, fmt)
        else:
            n = export_records(store.records(), sys.stdout, fmt)
    err.print(f"exported {n} records")


@contextmanager
def _writable(path: Path):
    """A file to export into; a path that cannot be written is a one-line usage error. The file is written
    beside its target and moved into place whole, so a failed export never leaves half a file."""
    direct = path.exists() and not path.is_file()  # a pipe or a device is written as it is
    tmp = path if direct else path.with_name(f".{path.name}.partial")
    try:
        stream = open(tmp, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise Fatal(f"cannot write {plain(path)}: {exc.strerror or exc}") from None
    try:
        with stream:
            yield stream
        if not direct:
            tmp.replace(path)
    finally:
        if not direct:
            tmp.unlink(missing_ok=True)


@app.command("quotes")
def list_quotes(
    speaker: Optional[str] = typer.Option(None, "--speaker", "-s", help="Only quotes whose speaker name contains this."),
    db: Path = DB_OPTION,
    limit: int = typer.Option(50, "--limit", "-n", help="Most quotes to show."),
) -> None:
    """Who said what: stored quotes with their speakers, optionally for one speaker."""
    with _store(db) as store:
        rows = store.quotes(speaker=speaker, limit=limit)
    if not rows:
        err.print("no quotes")
        raise typer.Exit(0)
    table = Table("speaker", "kind", "", "quote", "article", show_lines=False)
    for r in rows:
        table.add_row(text(r["speaker"] or "?"), text(r["speaker_kind"]), "direct" if r["direct"] else "reported",
                      text(_short(r["text"], 100)), text(r["article_id"][:14]))
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
    with _store(db) as store:
        rows = store.events(country=country, event_type=event_type, since=since, limit=limit)
    if not rows:
        err.print("no events")
        raise typer.Exit(0)
    table = Table("date", "type", "where", "actors", "deaths", "evidence", show_lines=False)
    for r in rows:
        actors = " vs ".join(a for a in (r["actor1"], r["actor2"]) if a)
        table.add_row(text(r["date"] or "?"), text(r["sub_event_type"] or r["event_type"]),
                      text(f"{r['location'] or '?'} ({r['country_code'] or '—'})"), text(actors), str(r["fatalities"] or 0),
                      text(_short(r["evidence"] or "", 80)))
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
        table.add_row(str(p.id) if p.id > 0 else "—", text(p.name), p.feature, p.country_code or "", text(p.admin1 or ""),
                      f"{p.lat:.4f}", f"{p.lon:.4f}", f"{p.population:,}")
    out.print(table)


classifier_app = typer.Typer(no_args_is_help=True, help="The event classifier (MiniLM embeddings, our own sentences).")
app.add_typer(classifier_app, name="classifier")


@classifier_app.command("build")
def classifier_build(
    muc: bool = typer.Option(False, "--muc", help="Rebuild the shipped weights from the codebook sentences and MUC-3/4's "
                             "tune half (../shared/data/events/muc34), calibrated on held-out MUC messages."),
) -> None:
    """Make the event classifier ready: the shipped weights, else train it on data/event_training.tsv now (a few
    seconds) instead of at first use."""
    from .nlp.events.classifier import SHIPPED, shared_classifier, training_rows

    if muc:
        from importlib import resources

        from .train.event_classifier import build

        target = Path(str(resources.files("dateline.data").joinpath(*SHIPPED)))
        with err.status("training the event classifier on the codebook and MUC…"):
            manifest = build(target)
        calibration = manifest["calibration"]
        err.print(f"wrote {target} ({manifest['training']['codebook_sentences']} codebook and "
                  f"{manifest['training']['muc_sentences']} MUC sentences); calibration error on "
                  f"{calibration['muc_sentences']} held-out MUC sentences: gate "
                  f"{calibration['gate']['before']['expected_calibration_error']} -> "
                  f"{calibration['gate']['after']['expected_calibration_error']}, type "
                  f"{calibration['type']['before']['expected_calibration_error']} -> "
                  f"{calibration['type']['after']['expected_calibration_error']}")
        shared_classifier.cache_clear()
        return
    with err.status("loading the event classifier…"):
        shared_classifier()
    err.print(f"event classifier ready ({len(training_rows())} codebook sentences)")


@classifier_app.command("classify")
def classifier_classify(sentence: str = typer.Argument(..., help="An English sentence.")) -> None:
    """What the classifier makes of one sentence: P(event) and its likeliest sub-event type."""
    from .nlp.events.classifier import shared_classifier

    (guess,) = shared_classifier().classify([sentence])
    out.print(f"P(event) {guess.event_probability:.2f}; sub-event type {guess.sub_event_type} ({guess.probability:.2f})")


@app.command()
def stats(db: Path = DB_OPTION) -> None:
    """Counts of what the store holds, and the documents that failed."""
    with _store(db) as store:
        counts = store.counts()
        failures = store.failures()
    for table, n in counts.items():
        out.print(f"{table:10s} {n}")
    for f in failures[:20]:
        out.print(text(f"  failed {f['origin']}: {f['message']} ({f['stage']}/{f['code']})"), highlight=False)


@app.command()
def demo(
    report_path: Path = typer.Argument(None, help="Report to process; default: the seed report in ../shared/samples."),
    db: Path = DB_OPTION,
) -> None:
    """Process the franceinfo report from Bakhmut (read from ../shared, not bundled) and summarise it."""
    path = report_path or seed_report()
    if not path.is_file():
        raise Fatal(f"no report at {path}: put the project's shared/ folder beside the checkout or set DATELINE_SHARED")
    with _store(db) as store:
        report = jobs.ingest([str(path)], store, Options(executor="serial"), refresh=True)
        for outcome in report.failed:
            _report_failure(outcome)
        for record in store.records():
            if record.source.path and Path(record.source.path).name == path.name:
                _print_summary(record)
    out.print(text(f"\nStored in {db}. Try: dateline search Bakhmut --db {db}   or   dateline quotes --speaker Adam --db {db}"))
    out.print(text(f"Open the map, timeline and quotes in your browser: dateline serve --db {db}   "
                   f"(then http://127.0.0.1:8000/)"))
    raise typer.Exit(1 if report.failed else 0)


def _print_summary(record) -> None:
    out.rule(text(record.title or "(no headline)", "bold"))
    out.print(text(f"id {record.id} · language {record.language} · published {record.published or 'unknown'} · "
                   f"outlet {record.source.outlet or 'unknown'}"))
    out.print(f"{len(record.text.split())} words · {len(record.quotes)} quotes · {len(record.places)} places · "
              f"{len(record.events)} events")
    for kind, label in ENTITY_KINDS:
        names = [f"{e.name} ×{len(e.mentions)}" for e in record.entities if e.type == kind]
        out.print(Text.assemble((label, "bold"), ": ", text(", ".join(names) or "—")))
    for q in record.quotes:
        out.print(text(f"  “{q.text[:80]}” — {q.speaker or '?'}"))
    for e in record.events:
        where = e.location.name if e.location else "place unknown"
        actors = " vs ".join(a for a in (e.actor1, e.actor2) if a) or "actors unknown"
        out.print(Text.assemble("  ", ("event", "bold"), " ", text(f"{e.event_type} / {e.sub_event_type} at {where}, "
                                                                  f"{e.date or 'date unknown'}: {actors}")))
    for p in record.places:
        where = f"{p.lat:.2f}, {p.lon:.2f}" if p.lat is not None else "not located"
        said = ", ".join(sorted({m.text for m in p.mentions}))
        out.print(Text.assemble("  ", ("place", "bold"), " ",
                                text(f"{p.name} ({p.feature}, {p.country_code or '—'}) {where} ← {said}")))
    for p in record.errors:
        out.print(Text.assemble(("note", "yellow"), " ", text(p.message)))


@app.command()
def serve(
    db: Path = typer.Option("dateline.db", "--db", help="The store to serve (it must exist; `dateline ingest` makes one)."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on; 127.0.0.1 keeps the server on this machine."),
    port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on."),
    write_token: Optional[str] = typer.Option(None, envvar="DATELINE_WRITE_TOKEN", show_default=False,
                                              help="Accept POST/DELETE /api/articles from requests carrying this "
                                                   "token (Authorization: Bearer TOKEN); without it the server is read-only."),
    workers: int = typer.Option(1, min=1, help="Server processes (each opens the store read-only)."),
) -> None:
    """Serve the store: the JSON API (/api, docs at /docs) and the offline page with map, timeline and quotes."""
    import os

    import uvicorn

    from .serve import create_app
    from .store import NotAStore

    try:
        create_app(db)  # checks the store before the server starts, so a bad --db is one line, exit 2
    except NotAStore as exc:
        raise Fatal(f"{exc}; create it with `dateline ingest FILES --db {plain(db)}` or `dateline demo`") from None
    out.print(text(f"Serving {db} at http://{host}:{port}/  (API docs: http://{host}:{port}/docs). "
                   f"{'Writes need the token. ' if write_token else 'Read-only. '}Ctrl-C stops."))
    os.environ["DATELINE_SERVE_DB"] = str(db)
    if write_token:
        os.environ["DATELINE_WRITE_TOKEN"] = write_token
    uvicorn.run("dateline.serve.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning", access_log=False)


from .eval import cli as _eval_cli  # noqa: E402  (registers `dateline eval ...`)

_eval_cli.register(eval_app)


def main() -> None:
    app()

if __name__ == "__main__":
    main()

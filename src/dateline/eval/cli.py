"""``dateline eval ...`` commands; each prints a JSON report on stdout."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Optional

import typer

from .devset import dev_path


def _print(report: dict) -> None:
    typer.echo(json.dumps(report, ensure_ascii=False, indent=2))


def register(app: typer.Typer) -> None:
    @app.command("extraction")
    def extraction(
        folder: Optional[Path] = typer.Option(None, help="Zyte benchmark folder (default: ../shared/data/extraction/scrapinghub-article-extraction-benchmark)."),
        skip_trafilatura: bool = typer.Option(False, help="Only score the plain-text cleaner."),
    ) -> None:
        """Body-text F1 on the Zyte benchmark: our plain-text cleaner on naive page text, and trafilatura on the HTML."""
        from . import extraction as ex

        folder = folder or ex.benchmark_folder()
        report = {}
        extractors = {"naive_text": ex.naive_text, "cleanup": ex.cleanup_extractor}
        if not skip_trafilatura:
            extractors["trafilatura_precision"] = ex.trafilatura_extractor
        for name, fn in extractors.items():
            start = time.perf_counter()
            summary, _ = ex.evaluate(folder, fn)
            summary["pages_per_second"] = round(summary["pages"] / (time.perf_counter() - start), 1)
            report[name] = summary
        _print(report)

    @app.command("language")
    def language(gold: Optional[Path] = typer.Option(None, help="Gold JSONL (default: the dev set).")) -> None:
        """Language-ID accuracy on documents and paragraphs of gold-labelled texts."""
        from .language import evaluate

        _print(evaluate(gold or dev_path()))

    @app.command("entities")
    def entities(
        gold: Optional[Path] = typer.Option(None, help="Gold JSONL (default: the dev set)."),
        show_errors: bool = typer.Option(False, "--errors", help="List every false positive and negative."),
        run_ablation: bool = typer.Option(False, "--ablation", help="F1 with each correction rule switched off in turn."),
    ) -> None:
        """People and organizations: precision, recall and F1 against the gold lists."""
        from .entities import ablation, evaluate

        if run_ablation:
            _print(ablation(gold or dev_path()))
            return
        report = evaluate(gold or dev_path())
        if not show_errors:
            report.pop("errors")
        _print(report)

    @app.command("quotes")
    def quotes(
        gold: Optional[Path] = typer.Option(None, help="Gold JSONL in the dev-set schema (default: the dev set)."),
        german: bool = typer.Option(False, "--german", help="Score the German Wikinews set (../shared/data/quotes) instead."),
        split: str = typer.Option("test", help="Split of the German set."),
        polnear: Optional[str] = typer.Option(None, "--polnear", help="Score PolNeAR's 'train' or 'dev' split "
                                              "(../shared/data/quotes/polnear): look at train, report dev."),
        show_errors: bool = typer.Option(False, "--errors", help="List every missed, invented and mis-attributed quote."),
        calibrate: bool = typer.Option(False, "--calibrate", help="Rewrite data/quotes/confidence.tsv from the dev "
                                       "set: each way of finding a speaker, the share of its quotes that were right."),
        words_only: bool = typer.Option(False, "--words-only", help="Run German without its tagger: the words-only "
                                        "path Ukrainian and Arabic take, measured on German gold."),
        languages: bool = typer.Option(False, "--languages", help="Score our written news in French, Spanish, "
                                       "Russian, Ukrainian, Arabic and German, per language (--split dev or clean)."),
    ) -> None:
        """Quotes and speakers: quote P/R/F1, speaker accuracy, end-to-end F1, direct and reported apart, and how
        well the confidence predicts a right quote (accuracy per confidence band)."""
        from . import quotes as q

        if calibrate:
            from importlib import resources

            from ..nlp.quotes.calibration import COLUMNS, TABLE, build_table

            outcomes: list = []
            q.evaluate(q.dev_items(gold or dev_path()), table=outcomes)
            target = Path(str(resources.files("dateline.data").joinpath(*TABLE)))
            target.parent.mkdir(parents=True, exist_ok=True)
            lines = ["# Quote confidence by how the speaker was found: the smoothed share of right quotes on the dev",
                     "# set (written by `dateline eval quotes --calibrate`; see nlp/quotes/calibration.py).",
                     "\t".join(COLUMNS)]
            lines += ["\t".join(str(v) for v in row) for row in build_table(outcomes)]
            target.write_text("\n".join(lines) + "\n", encoding="utf-8")
            typer.echo(f"wrote {target} from {len(outcomes)} quotes")
            return

        if polnear is not None:
            if polnear not in ("train", "dev"):
                raise typer.BadParameter("--polnear is 'train' or 'dev' (the test split is reserved)")
            from .polnear import evaluate_polnear

            _print(evaluate_polnear(polnear, errors=show_errors))
            return

        if languages:
            _print(q.evaluate_languages(split if split != "test" else "dev", errors=show_errors))
            return

        if words_only:
            from ..nlp.tagger import TAGGER_SWITCH

            os.environ[TAGGER_SWITCH] = "0"  # read by each worker's pipeline loader
        items = q.german_items(split) if german else q.dev_items(gold or dev_path())
        _print(q.evaluate(items, errors=show_errors))

    @app.command("places")
    def places(
        gold: Optional[Path] = typer.Option(None, help="Dev-set gold JSONL (default: the dev set)."),
        geowebnews: Optional[Path] = typer.Option(None, help="GeoWebNews GWN.xml (default: ../shared/data/geo/GeoWebNews)."),
        skip_geowebnews: bool = typer.Option(False, help="Only score the dev set."),
        show_errors: bool = typer.Option(False, "--errors", help="List the dev set's missed, extra and misplaced places."),
    ) -> None:
        """Geoparsing: recognition and resolution on GeoWebNews, found-and-resolved places on the dev set."""
        from . import places as pl

        report = {"dev": pl.evaluate_dev(gold or dev_path())}
        if not show_errors:
            report["dev"].pop("errors")
        if not skip_geowebnews:
            report["geowebnews"] = pl.evaluate_gwn(geowebnews)
        _print(report)

    @app.command("events")
    def events(
        gold: Optional[Path] = typer.Option(None, help="Gold JSONL in the dev-set schema (default: the dev set)."),
        show_errors: bool = typer.Option(False, "--errors", help="List missed and invented events and sub-type confusions."),
        sentences: bool = typer.Option(False, "--sentences", help="Score sub-event types of single sentences: ours and the dev set's evidence."),
        general: bool = typer.Option(False, "--general", help="Count the events found in 181 pages of general news (false alarms, mostly)."),
        corpora: bool = typer.Option(False, "--corpora", help="Score on MUC-3/4 DEV, IndiaPoliceEvents and PLOVER (../shared/data/events)."),
        limit: Optional[int] = typer.Option(None, help="With --corpora: read only the first N documents of MUC and IndiaPoliceEvents."),
        part: str = typer.Option("test", help="With --corpora: the half of MUC and IndiaPoliceEvents to score: 'test' "
                                 "(odd ids, never read while writing rules or training), 'tune' (even ids) or 'all'."),
    ) -> None:
        """ACLED-style events: event-type P/R/F1, sub-type accuracy, located-event F1, date accuracy."""
        from .events import evaluate, evaluate_general_news, evaluate_sentences
        from .extraction import benchmark_folder

        if general:
            _print(evaluate_general_news(benchmark_folder(), errors=show_errors))
            return
        if corpora:
            from .event_corpora import PARTS, evaluate_all

            if part not in PARTS:
                raise typer.BadParameter(f"--part must be one of {', '.join(PARTS)}")
            _print(evaluate_all(limit, errors=show_errors, part=part))
            return

        if sentences:
            _print(evaluate_sentences(gold or dev_path(), errors=show_errors))
            return
        _print(evaluate(gold or dev_path(), errors=show_errors))

"""One regression test per finding of the hostile-input audit (issue #11), through the layer that failed."""

from __future__ import annotations

import gzip
import io
import json
import time

import pytest
from typer.testing import CliRunner

from dateline.batch.work import annotate_batch
from dateline.cli import app
from dateline.export.spreadsheet import neutralise
from dateline.ingest import read_paths
from dateline.ingest.cleanup import MAX_SYMBOL_RUN, normalise
from dateline.ingest.document import RawDocument
from dateline.ingest.jsonl import read_jsonl
from dateline.settings import Options
from dateline.store import SearchSyntaxError
from dateline.terminal import plain

runner = CliRunner()
MARKUP_TITLE = "[link=http://evil.example]click[/link] [/caption] [/b] \x1b[31mred\x1b[0m \x1b]8;;http://x\x07"


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _one(text: str, **fields):
    (outcome,) = annotate_batch([RawDocument(origin="t", text=text, **fields)], Options(executor="serial", doc_timeout=30))
    return outcome


@pytest.mark.model
def test_french_selon_sentence_finishes():
    """It looped forever: a `while` over `.head` compared spaCy tokens with `is not`."""
    start = time.monotonic()
    outcome = _one("Selon le ministère de la Défense.")
    assert outcome.ok and time.monotonic() - start < 20


@pytest.mark.model
def test_a_pipe_inside_a_token_is_not_a_separator():
    """`max() arg is an empty sequence` in reported speech: '|' in the span's text but not as a token."""
    assert _one("Prices rose again|markets, the minister said on Monday, as traders waited for news.").ok


@pytest.mark.model
def test_a_long_single_line_paragraph_is_linear():
    """A 160,000-character line took 115 s in the title-case test (now O(1) per span)."""
    line = " ".join(["Officials in Kharkiv said Russian Troops Shelled The Town Near Izium on Monday."] * 1000)
    start = time.monotonic()
    assert _one(line).ok
    assert time.monotonic() - start < 120  # a bound, not a benchmark: it took hours before


def test_long_runs_of_one_symbol_are_cut_before_the_tokenizer():
    text = normalise("Title\n" + "=" * 8000 + "\n" + "😀" * 5000 + " end")
    assert "=" * MAX_SYMBOL_RUN in text and "=" * (MAX_SYMBOL_RUN + 1) not in text
    assert "😀" * (MAX_SYMBOL_RUN + 1) not in text


@pytest.mark.parametrize("line, reason", [
    (b"[" * 100_000, "nested too deeply"),
    (b'{"n": ' + b"1" * 5000 + b"}", "digits"),
    (b'{"text": "\xff\xfe broken"}', "not valid UTF-8"),
    (b"[1, 2, 3]", "not a JSON object"),
])
def test_a_bad_jsonl_line_costs_only_that_line(line, reason):
    good = json.dumps({"text": "The mayor of Odesa said the port reopened on Friday."}).encode()
    docs = list(read_jsonl(io.BytesIO(line + b"\n" + good + b"\n"), "dump.jsonl", Options()))
    assert [d.ok for d in docs] == [False, True]
    assert reason in docs[0].error.message and docs[0].origin == "dump.jsonl:1"


def test_a_gzipped_jsonl_with_no_newline_is_refused_in_bounded_memory(tmp_path):
    path = tmp_path / "one-line.jsonl.gz"
    with gzip.open(path, "wb") as out:
        out.write(b'{"text": "' + b"x" * 3_000_000 + b'"}')
    (doc,) = list(read_paths([str(path)], Options(max_file_bytes=1_000_000)))
    assert doc.error.code == "too-large"


def test_malformed_fields_still_give_a_document_with_an_id(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text('{"id": "\\ud800x", "url": "http://[::1", "title": "\\udfff", '
                    '"text": "The mayor of Odesa said the port reopened on Friday after repairs."}\n', encoding="utf-8")
    (doc,) = list(read_paths([str(path)], Options()))
    assert doc.ok and doc.id.startswith("id-") and "\ufffd" in doc.title


def test_search_takes_any_text_as_words(make_store):
    db = make_store()
    for query in ['"unbalanced', "(open", "a AND", "NEAR(", "*", "x" * 5000, "[/caption]", "OR OR NOT"]:
        assert db.search(query) == []
    with pytest.raises(SearchSyntaxError):
        db.search(" OR ".join(f"w{i}" for i in range(200)))  # 200 terms: refused, not 419 s
    with pytest.raises(SearchSyntaxError):
        db.search('"unbalanced', raw=True)


def test_csv_cells_never_start_a_formula():
    assert neutralise('=HYPERLINK("http://evil","x")') == "'=HYPERLINK(\"http://evil\",\"x\")"
    assert [neutralise(v) for v in ("+1", "-2", "@SUM(A1)", "\tx", "\rx")] == ["'+1", "'-2", "'@SUM(A1)", "'\tx", "'\rx"]
    assert neutralise(-33.5) == -33.5 and neutralise("Kyiv") == "Kyiv"


def test_terminal_text_has_no_escape_sequences_or_bidi_controls():
    shown = plain(MARKUP_TITLE + "\u202eevil\u2066")
    assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown
    assert "[/caption]" in shown  # shown as the text it is


@pytest.mark.model
def test_markup_and_escapes_in_stored_text_are_printed_as_text(tmp_path):
    path = tmp_path / "[b]odd[link=x].jsonl"
    path.write_text(json.dumps({"id": "m1", "title": MARKUP_TITLE,
                                "text": "Police in Lagos said [/caption] protesters blocked the main road on Monday. "
                                        "“We will stay [/b] here until prices fall,” said Ada Obi, a teacher."}) + "\n")
    db = tmp_path / "m.db"
    assert run("ingest", path, "--db", db).exit_code == 0
    for args in (["search", "Lagos"], ["quotes"], ["events"], ["show", "id-"], ["stats"]):
        result = run(*args, "--db", db)
        assert result.exit_code == 0, (args, result.output)
        assert "\x1b" not in result.stdout
    assert "[/caption]" in run("search", "Lagos", "--db", db).stdout
    pretty = run("extract", path, "--format", "pretty")
    assert pretty.exit_code == 0 and "[link=http://evil.example]" in pretty.stdout


def test_export_formula_title_is_neutralised(tmp_path, make_store):
    from dateline.types import Record, Source

    db = make_store()
    db.add_article(Record(id="f1", text="Body.", title='=HYPERLINK("http://evil","click")', source=Source(url="http://e.x/1")))
    out = tmp_path / "a.csv"
    result = run("export", "--format", "csv", "-o", out, "--db", db.path)
    assert result.exit_code == 0, result.output
    assert "'=HYPERLINK" in out.read_text()


def test_unwritable_output_and_bad_store_are_one_line_usage_errors(tmp_path, make_store):
    db = make_store()
    result = run("export", "--format", "jsonl", "-o", tmp_path / "missing" / "x.jsonl", "--db", db.path)
    assert result.exit_code == 2 and "cannot write" in result.stderr and "Traceback" not in result.stderr
    (tmp_path / "not-a-db").write_bytes(b"this is not sqlite" * 100)
    result = run("stats", "--db", tmp_path / "not-a-db")
    assert result.exit_code == 2 and "cannot open the store" in result.stderr


def test_a_language_spacy_lacks_is_a_usage_error(seed_path):
    result = run("extract", seed_path, "--language", "qq")
    assert result.exit_code == 2 and "unknown language code" in result.stderr


def test_a_full_disk_is_one_line(tmp_path, make_store, monkeypatch):
    import dateline.cli as cli

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli, "export_records", full)
    result = run("export", "--format", "jsonl", "-o", tmp_path / "x.jsonl", "--db", make_store().path)
    assert result.exit_code == 3 and "No space left on device" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "x.jsonl").exists()


def test_an_xml_entity_bomb_in_a_feed_is_not_expanded():
    from dateline.ingest import read_data

    bomb = '<!DOCTYPE rss [<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"
    feed = (f'<?xml version="1.0"?>{bomb}<rss version="2.0"><channel><title>Wire</title><item><title>One</title>'
            "<link>https://example.org/1</link><description>Police said a convoy was attacked near Gao on Monday. &j;"
            "</description></item></channel></rss>").encode()
    start = time.monotonic()
    (doc,) = list(read_data(feed, "bomb.rss", Options()))
    assert time.monotonic() - start < 0.5
    assert doc.ok and "convoy was attacked" in doc.text and "lollol" not in doc.text


def test_a_corrupt_gzip_in_memory_is_an_error_not_a_crash():
    from dateline.ingest import read_data

    data = gzip.compress(b"WARC/1.0\r\n" + b"x" * 5000)
    broken = data[:20] + bytes(b ^ 0x55 for b in data[20:60]) + data[60:]
    (doc,) = list(read_data(broken, "crawl.warc.gz", Options()))
    assert not doc.ok and doc.error.code in ("malformed-gzip", "malformed-warc", "reader-crash")


def test_two_processes_building_the_place_index_at_once_both_succeed(tmp_path, monkeypatch):
    """On an empty cache both workers built the gazetteer at once and one failed (they shared a temp file)."""
    import threading

    from dateline.nlp.places import gazetteer

    place = (1, "Kyiv", "city", "UA", "Kyiv City", 50.45, 30.52, 2_900_000, "12", 0, 1)
    monkeypatch.setattr(gazetteer, "_collect", lambda: ([place], [("kyiv", 1, 0)], [("ukrainian", "UA")]))
    monkeypatch.setattr(gazetteer.os, "getpid", lambda: threading.get_ident())  # one temp file per builder
    target = tmp_path / "index.sqlite"
    errors = []

    def build():
        try:
            gazetteer.build(target)
        except Exception as exc:  # the failure this test is about
            errors.append(exc)

    builders = [threading.Thread(target=build) for _ in range(2)]
    for b in builders:
        b.start()
    for b in builders:
        b.join()
    assert not errors and target.exists()
    assert gazetteer.Gazetteer(target).lookup("Kyiv")[0].name == "Kyiv"

"""End to end through the CLI, on the seed and on files the tests write."""

import csv
import io
import json
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from dateline.cli import app

runner = CliRunner()
SCHEMA = json.loads(resources.files("dateline.schema").joinpath("record-v1.json").read_text())
BOILERPLATE = ["Article written by", "Reading time", "source site-25", "\nlisten", "\nPosted\n", "the report by Omar Ouahmane"]


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_cli_extract_seed_gives_one_valid_record(seed_path):
    result = run("extract", seed_path, "--format", "jsonl")
    assert result.exit_code == 0, result.output
    (record,) = jsonl(result.stdout)
    jsonschema.validate(record, SCHEMA)
    assert record["language"] == "en"
    assert record["title"].startswith("“Bakhmout is our fortress, we will not give in”, swear the soldiers")
    assert not [b for b in BOILERPLATE if b in record["text"]]
    ents = {(e["name"], e["type"]) for e in record["entities"]}
    assert ("Vladimir Putin", "PERSON") in ents and ("franceinfo", "ORG") in ents


@pytest.fixture
def corpus(tmp_path, seed_path):
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(seed_path, folder / "seed.txt")
    from tests.ingest.test_readers import FEED, PAGE, warc_bytes

    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "sub" / "wire.rss").write_text(FEED, encoding="utf-8")
    (folder / "sub" / "crawl.warc.gz").write_bytes(warc_bytes(PAGE.replace("Kupiansk", "Kupiansk town"), "https://example.org/w"))
    (folder / "dump.jsonl").write_text(json.dumps({"id": "j1", "text": "The mayor of Odesa said the port reopened on Friday after repairs."}) + "\n{broken\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    return folder


def test_cli_ingest_folder_stores_good_reports_bad_and_resumes(corpus, tmp_path):
    db = tmp_path / "d.db"
    first = run("ingest", corpus, "--db", db, "--workers", "1")
    assert first.exit_code == 1, first.output  # some documents failed
    assert "empty.txt" in first.stderr and "binary" in first.stderr and "dump.jsonl:2" in first.stderr
    assert "stored 6" in first.stderr
    again = run("ingest", corpus, "--db", db, "--workers", "1")
    assert "stored 0, skipped 6" in again.stderr
    stats = run("stats", "--db", db)
    assert "articles   6" in stats.stdout and "failures   3" in stats.stdout


def test_cli_search_show_export(corpus, tmp_path, seed_path):
    db = tmp_path / "d.db"
    run("ingest", seed_path, "--db", db)
    hits = run("search", "fortress", "--db", db)
    assert hits.exit_code == 0 and "fortress" in hits.stdout
    exported = run("export", "--format", "jsonl", "--db", db)
    (record,) = jsonl(exported.stdout)
    shown = run("show", record["id"][:10], "--db", db, "--format", "json")
    assert json.loads(shown.stdout)["id"] == record["id"]
    csv_out = tmp_path / "a.csv"
    assert run("export", "--format", "csv", "--db", db, "-o", csv_out).exit_code == 0
    assert csv_out.read_text().splitlines()[0].startswith("id,published,outlet")
    assert run("export", "--format", "nope", "--db", db).exit_code == 2


def test_cli_quotes_by_speaker_and_quotes_csv(tmp_path, seed_path):
    db = tmp_path / "q.db"
    run("ingest", seed_path, "--db", db)
    listed = run("quotes", "--speaker", "adam", "--db", db)
    assert listed.exit_code == 0 and listed.stdout.count("Adam") == 3 and "Valery" not in listed.stdout
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "quotes-csv", "--db", db).stdout)))
    assert [r["speaker"] for r in rows] == ["the soldiers"] + ["Valery"] * 3 + ["Adam"] * 3
    assert rows[1]["speaker_kind"] == "person" and rows[0]["cue"] == "swear"


def test_cli_export_geojson_puts_longitude_first(tmp_path, seed_path):
    db = tmp_path / "g.db"
    run("ingest", seed_path, "--db", db)
    collection = json.loads(run("export", "--format", "geojson", "--db", db).stdout)
    assert collection["type"] == "FeatureCollection"
    by_name = {f["properties"]["name"]: f for f in collection["features"] if f["properties"]["kind"] == "place"}
    assert {f["properties"]["kind"] for f in collection["features"]} == {"place", "event"}
    lon, lat = by_name["Bakhmut"]["geometry"]["coordinates"]
    assert 37.5 < lon < 38.5 and 48.3 < lat < 48.9
    assert by_name["Bakhmut"]["properties"]["mentions"] == ["Bakhmout", "Bakhmout", "Bakhmout", "Bakhmut"]


def test_cli_export_acled_csv_keeps_acled_columns_and_writes_ours_beside(tmp_path, seed_path):
    db, out = tmp_path / "a.db", tmp_path / "events.csv"
    run("ingest", seed_path, "--db", db)
    assert run("export", "--format", "acled-csv", "--db", db, "-o", out).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0]) == list(__import__("dateline.export.acled", fromlist=["x"]).ACLED_COLUMNS)
    assert {r["sub_event_type"] for r in rows} == {"Armed clash", "Shelling/artillery/missile attack"}
    assert {r["location"] for r in rows} == {"Bakhmut"} and {r["country"] for r in rows} == {"Ukraine"}
    assert {r["region"] for r in rows} == {"Europe"} and {r["iso"] for r in rows} == {"804"}
    extras = list(csv.DictReader((tmp_path / "events.dateline.csv").open(encoding="utf-8")))
    assert [e["event_id_cnty"] for e in extras] == [r["event_id_cnty"] for r in rows]


def test_cli_events_filters(tmp_path, seed_path):
    db = tmp_path / "e.db"
    run("ingest", seed_path, "--db", db)
    listed = run("events", "--country", "UA", "--type", "Battles", "--db", db)
    assert listed.exit_code == 0 and "Armed clash" in listed.stdout and "Shelling" not in listed.stdout
    assert "no events" in run("events", "--country", "FR", "--db", db).stderr


WAR_PAGE = """<html><head><title>Shelling kills two in Kharkiv</title>
<meta property="article:published_time" content="2024-05-22T10:00:00Z"><meta property="og:site_name" content="Example News">
</head><body><nav>Home | World | Sport</nav><article><h1>Shelling kills two in Kharkiv</h1>
<p>Russian forces shelled Kharkiv on Monday, killing two civilians and wounding five, regional governor Oleh Marchenko said.</p>
<p>“The enemy struck a residential area,” Marchenko wrote on Telegram. “Rescuers are working at the scene.”</p>
<p>Ukraine's air force said it shot down 12 of 15 drones launched overnight over the Odesa region.</p></article>
<footer>© 2024 Example News. All rights reserved.</footer></body></html>"""


def test_cli_html_page_end_to_end_quotes_places_events(tmp_path):
    page = tmp_path / "kharkiv.html"
    page.write_text(WAR_PAGE, encoding="utf-8")
    (record,) = jsonl(run("extract", page, "--format", "jsonl").stdout)
    assert record["published"] == "2024-05-22" and record["source"]["outlet"] == "Example News"
    speakers = {q["text"]: q["speaker"] for q in record["quotes"]}
    assert speakers["The enemy struck a residential area,"] == "Oleh Marchenko"
    assert speakers["Rescuers are working at the scene."] == "Oleh Marchenko"
    events = {e["sub_event_type"]: e for e in record["events"]}
    shelling = events["Shelling/artillery/missile attack"]
    assert shelling["location"]["name"] == "Kharkiv" and shelling["date"] == "2024-05-20"  # "on Monday"
    assert shelling["fatalities"] == 2 and shelling["actor2"] == "Civilians (Ukraine)"
    assert events["Disrupted weapons use"]["actor1"] == "Military Forces of Ukraine (2019-)"


def test_cli_eval_quotes_on_a_small_gold_file(tmp_path):
    gold = tmp_path / "gold.jsonl"
    text = "“We will hold the bridge,” Colonel Ivan Petrenko said on Monday.\n\nThe army said two drones were shot down overnight."
    quotes = [{"quote": "We will hold the bridge,", "speaker": "Ivan Petrenko", "speaker_kind": "person", "direct": True},
              {"quote": "two drones were shot down overnight", "speaker": "the army", "speaker_kind": "organization", "direct": False}]
    gold.write_text(json.dumps({"id": "t-1", "lang": "en", "text": text, "gold": {"quotes": quotes}}) + "\n")
    report = json.loads(run("eval", "quotes", "--gold", gold).stdout)
    assert report["end_to_end"]["f1"] == 1.0 and report["speaker_accuracy"] == 1.0


def test_cli_extract_reads_stdin():
    result = runner.invoke(app, ["extract", "-"], input="Officials in Kharkiv said the power station was hit overnight by two missiles.")
    assert result.exit_code == 0, result.output
    assert len(jsonl(result.stdout)) == 1


def test_cli_demo_prints_a_summary(tmp_path):
    result = run("demo", "--db", tmp_path / "demo.db")
    assert result.exit_code == 0, result.output
    assert "Vladimir Putin" in result.stdout and "Bakhmout is our fortress" in result.stdout
    assert "Battles / Armed clash at Bakhmut" in result.stdout and "place Donbas" in result.stdout


def test_cli_version():
    assert run("--version").stdout.startswith("dateline ")


def test_console_script_smoke(seed_path):
    exe = Path(sys.executable).parent / "dateline"
    done = subprocess.run([str(exe), "extract", str(seed_path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["language"] == "en"


def test_cli_classifier_build_and_classify():
    assert runner.invoke(app, ["classifier", "build"]).exit_code == 0
    result = runner.invoke(app, ["classifier", "classify", "Police fired tear gas at students marching on parliament."])
    assert result.exit_code == 0 and "Protest with intervention" in result.output

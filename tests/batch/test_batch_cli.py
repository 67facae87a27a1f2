"""The batch engine end to end through the real command, in subprocesses: a folder of bad documents on every
executor, library and command line giving the same record, and a run killed with SIGKILL then resumed."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import dateline
from dateline.shared import seed_report

pytestmark = pytest.mark.model

DATELINE = [sys.executable, "-m", "dateline.cli"]
GOOD_LINE = {"id": "lagos-1", "text": "Police in Lagos said protesters blocked the main road on Monday, demanding lower fuel prices."}


@pytest.fixture
def hostile_folder(tmp_path, seed_path) -> Path:
    """The issue's folder: the seed, an empty file, random bytes, broken HTML, JSONL with one bad and one good
    line, and the French sentence that used to loop forever."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(seed_path, folder / "seed.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "random.bin").write_bytes(random.Random(7).randbytes(4096))
    (folder / "broken.html").write_text("<html><body><div><p>Broken page <b>unclosed <div><p", encoding="utf-8")
    (folder / "dump.jsonl").write_text('{"id": broken\n' + json.dumps(GOOD_LINE) + "\n", encoding="utf-8")
    (folder / "fr.txt").write_text("Selon le ministère de la Défense.", encoding="utf-8")
    return folder


def _cli(*args, timeout=600, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([*DATELINE, *map(str, args)], capture_output=True, text=True, timeout=timeout, **kwargs)


@pytest.mark.parametrize("extra", [[], ["--workers", "2"], ["--executor", "dask", "--workers", "2"]],
                         ids=["default", "processes", "dask"])
def test_bad_documents_are_named_and_every_good_one_is_printed(hostile_folder, extra):
    result = _cli("extract", hostile_folder, "--format", "jsonl", *extra)
    assert result.returncode == 1, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]["path"]).name for r in records] == ["broken.html", "dump.jsonl", "fr.txt", "seed.txt"]
    assert records[1]["text"] == GOOD_LINE["text"]
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 3, result.stderr
    assert "dump.jsonl:1: malformed JSON" in errors[0] and "(parse/malformed-json)" in errors[0]
    assert "empty.txt: empty document" in errors[1]
    assert "random.bin: binary content" in errors[2]
    assert "Traceback" not in result.stderr


def test_json_output_is_one_valid_array(hostile_folder):
    result = _cli("extract", hostile_folder, "--format", "json", "--workers", "2")
    assert len(json.loads(result.stdout)) == 4


def test_library_and_command_line_give_the_same_record(tmp_path):
    """The publication date reaches the components: 'on Tuesday' is dated from it the same way on both paths."""
    line = {"id": "kharkiv", "published": "2024-03-08", "url": "https://example.org/news/kharkiv",
            "text": "Russian forces shelled Kharkiv on Tuesday, killing two civilians, the regional governor said."}
    (tmp_path / "one.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = _cli("extract", tmp_path / "one.jsonl", "--executor", "processes", "--workers", "2")
    (from_cli,) = [json.loads(x) for x in result.stdout.splitlines()]
    from_library = dateline.extract_text(line["text"], url=line["url"], published=line["published"]).to_dict()
    assert from_cli["events"] and from_cli["events"][0]["date"] == "2024-03-05"
    for key in ("text", "entities", "quotes", "places", "events", "published"):
        assert from_cli[key] == from_library[key], key


def _articles(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("executor", ["processes", "dask"])
def test_a_killed_ingest_resumes_and_stores_every_document_once(tmp_path, executor):
    texts = [json.loads(line)["text"] for line in _corpus_lines()]
    n = 240
    with open(tmp_path / "many.jsonl", "w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"doc-{i}", "text": f"{texts[i % len(texts)]} (Report {i}.)"}) + "\n")
    db = tmp_path / "store.db"
    args = [*DATELINE, "ingest", tmp_path / "many.jsonl", "--db", db, "--executor", executor, "--workers", "2"]
    run = subprocess.Popen(list(map(str, args)), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           start_new_session=True)
    deadline = time.monotonic() + 300
    while _articles(db) < 40 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.2)
    assert run.poll() is None, "the run ended before it could be killed"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    stored_at_kill = _articles(db)
    assert 0 < stored_at_kill < n
    _wait_for_orphans(run.pid)

    again = _cli("ingest", tmp_path / "many.jsonl", "--db", db, "--executor", executor, "--workers", "2")
    assert again.returncode == 0, again.stderr
    assert f"skipped {stored_at_kill}" in again.stderr or "skipped" in again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) == n
        fts_ids = [row[0] for row in conn.execute("SELECT article_id FROM articles_fts")]
        assert sorted(fts_ids) == sorted(ids)
        assert conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')") is not None


def _wait_for_orphans(pid: int) -> None:
    """The workers of a killed run stop by themselves (they watch their parent) within a few seconds."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        alive = subprocess.run(["pgrep", "-s", str(pid)], capture_output=True, text=True).stdout.split()
        if not alive:
            return
        time.sleep(0.5)
    pytest.fail(f"workers of the killed run still alive: {alive}")


def _corpus_lines() -> list[str]:
    """Real sentences to vary: the dev set's texts when ../shared is there, else the seed report's paragraphs."""
    from dateline.eval.devset import dev_path

    path = dev_path()
    if path.exists():
        return [json.dumps({"text": json.loads(line)["text"][:1500]}) for line in path.read_text().splitlines() if line.strip()]
    seed = seed_report().read_text(encoding="utf-8")
    return [json.dumps({"text": p}) for p in seed.split("\n") if len(p) > 80]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stopped_extract_leaves_valid_json_and_no_workers(tmp_path, signum):
    texts = [json.loads(line)["text"] for line in _corpus_lines()]
    with open(tmp_path / "many.jsonl", "w", encoding="utf-8") as out:
        for i in range(300):
            out.write(json.dumps({"id": f"d{i}", "text": texts[i % len(texts)]}) + "\n")
    stdout = tmp_path / "out.json"
    with open(stdout, "w") as sink:
        run = subprocess.Popen([*DATELINE, "extract", str(tmp_path / "many.jsonl"), "--format", "json", "--workers", "2"],
                               stdout=sink, stderr=subprocess.PIPE, text=True, start_new_session=True)
        deadline = time.monotonic() + 300
        while stdout.stat().st_size < 20_000 and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.2)
        assert run.poll() is None
        os.kill(run.pid, signum)
        _, stderr = run.communicate(timeout=60)
    assert run.returncode == 128 + signum, stderr
    assert "Traceback" not in stderr and "stopped" in stderr
    records = json.loads(stdout.read_text())
    assert 0 < len(records) < 300
    _wait_for_orphans(run.pid)


def test_extract_runs_on_a_running_dask_cluster(hostile_folder, tmp_path):
    """``--scheduler``: a scheduler and two workers started apart from Dateline, on loopback, as on a cluster."""
    port = _free_port()
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    logs = open(tmp_path / "cluster.log", "w")
    scheduler = subprocess.Popen([*dask, "--host", "127.0.0.1", "--port", str(port), "--dashboard-address", ":0"],
                                 stdout=logs, stderr=logs, start_new_session=True)
    worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", f"tcp://127.0.0.1:{port}",
                               "--nworkers", "2", "--nthreads", "1", "--host", "127.0.0.1", "--dashboard-address", ":0"],
                              stdout=logs, stderr=logs, start_new_session=True)
    try:
        result = _cli("extract", hostile_folder, "--format", "jsonl", "--scheduler", f"tcp://127.0.0.1:{port}")
        assert result.returncode == 1, result.stderr
        records = [json.loads(line) for line in result.stdout.splitlines()]
        assert [Path(r["source"]["path"]).name for r in records] == ["broken.html", "dump.jsonl", "fr.txt", "seed.txt"]
        assert "random.bin: binary content" in result.stderr
    finally:
        for process in (worker, scheduler):
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        logs.close()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_single_bad_files_on_two_workers_are_one_line_errors(tmp_path):
    """Each of the audit's single bad files, on worker processes: a one-line error each, no traceback."""
    import gzip

    folder = tmp_path / "bad"
    folder.mkdir()
    good = json.dumps(GOOD_LINE).encode() + b"\n"
    (folder / "binary.jsonl").write_bytes(random.Random(8).randbytes(2000))
    (folder / "truncated.jsonl").write_bytes(good + good[:30])
    (folder / "not-utf8.jsonl").write_bytes(b'{"text": "caf\xe9 \xff\xfe"}\n')
    (folder / "array.jsonl").write_bytes(b"[" + good.strip() + b"]\n")
    (folder / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + good)
    (folder / "binary.warc").write_bytes(random.Random(9).randbytes(3000))
    (folder / "truncated.txt.gz").write_bytes(gzip.compress(b"The mayor said the port reopened." * 50)[:40])
    (folder / "empty.rss").write_bytes(b"")
    (folder / "page.xml").write_bytes(b"<html><body><p>Not a feed at all, a page.</p></body></html>")
    result = _cli("extract", folder, "--workers", "2")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    errors = {line.split(":")[0].rsplit("/", 1)[-1] for line in result.stderr.splitlines() if line.startswith("error")}
    assert {"binary.jsonl", "truncated.jsonl", "not-utf8.jsonl", "array.jsonl", "binary.warc", "truncated.txt.gz",
            "empty.rss", "page.xml"} <= errors, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["path"].rsplit("/", 1)[-1] for r in records] == ["bom.jsonl", "truncated.jsonl"]

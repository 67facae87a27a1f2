"""The HTTP API over a real store: every list, paging, formats, errors, the write token, and the CLI."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient

from dateline.export.acled import ACLED_COLUMNS
from dateline.serve import create_app
from dateline.store import Database
from tests.store.test_listing import article

from .conftest import free_port

LISTS = ["articles", "quotes", "speakers", "events", "places", "entities", "deletions"]


@pytest.fixture
def synthetic(tmp_path):
    path = tmp_path / "many.db"
    with Database(path) as db:
        for i in range(57):
            db.add_article(article(i, country="UA" if i % 3 else "SY", outlet="bbc" if i % 2 else "franceinfo"))
    return str(path)


@pytest.fixture
def client(synthetic):
    with TestClient(create_app(synthetic)) as c:
        yield c


def test_every_endpoint_answers_and_is_documented(client):
    spec = client.get("/openapi.json").json()
    for name in LISTS + ["timeline", "facets"]:
        assert f"/api/{name}" in spec["paths"], name
        response = client.get(f"/api/{name}")
        assert response.status_code == 200, (name, response.text)
    assert "/api/articles/{article_id}" in spec["paths"]
    assert client.get("/api").json()["counts"]["articles"] == 57
    first = client.get("/api/articles?limit=1").json()["items"][0]
    record = client.get(f"/api/articles/{first['id']}").json()
    assert record["schema"] == "dateline/1" and record["id"] == first["id"]
    assert "swagger-ui-bundle.js" in client.get("/docs").text


@pytest.mark.parametrize("name", ["articles", "quotes", "events", "places", "speakers", "entities"])
def test_following_next_url_walks_the_whole_list_once(client, name):
    whole = client.get(f"/api/{name}?limit=1000").json()["items"]
    seen, url = [], f"/api/{name}?limit=7"
    while url:
        response = client.get(url)
        page = response.json()
        seen += page["items"]
        url = page["next_url"]
        assert (response.headers.get("link") is not None) == bool(url)
    assert seen == whole and len(whole) >= 1


def test_filters_reach_the_store(client):
    events = client.get("/api/events?country=sy&since=2023-03-05&until=2023-03-20&limit=1000").json()["items"]
    assert events and {e["country_code"] for e in events} == {"SY"}
    assert all("2023-03-05" <= e["date"] <= "2023-03-20" for e in events)
    assert client.get("/api/events?bbox=37,48,39,49").json()["items"]
    assert client.get("/api/events?bbox=-10,0,10,1").json()["items"] == []
    assert client.get("/api/events?type=Battles").json()["items"] == []
    assert client.get("/api/quotes?speaker=Valery&limit=3").json()["items"][0]["speaker"] == "Valery"
    assert client.get("/api/entities?type=person").json()["items"][0]["name"] == "Valery"
    assert {a["outlet"] for a in client.get("/api/articles?outlet=bbc&limit=1000").json()["items"]} == {"bbc"}
    assert len(client.get("/api/articles?place=712451&limit=1000").json()["items"]) == 57
    assert len(client.get("/api/articles?place=Bakhmut&limit=1000").json()["items"]) == 57
    assert client.get("/api/articles?place=Kyiv").json()["items"] == []


def test_geojson_is_rfc7946_longitude_first(client):
    response = client.get("/api/events?format=geojson&limit=3")
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection" and len(collection["features"]) == 3
    feature = collection["features"][0]
    event = client.get("/api/events?limit=1").json()["items"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [event["lon"], event["lat"]]}
    assert collection["next"]
    assert client.get("/api/places?format=geojson").json()["features"][0]["geometry"]["coordinates"] == [38.0, 48.6]


def test_csv_streams_every_row_and_events_use_acled_columns(client):
    rows = list(csv.reader(io.StringIO(client.get("/api/events?format=csv").text)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == 58
    quotes = list(csv.DictReader(io.StringIO(client.get("/api/quotes?format=csv&speaker=Valery").text)))
    assert len(quotes) == 57 and quotes[0]["speaker"] == "Valery"


def test_incremental_sync_sees_updates_and_deletions(synthetic):
    with TestClient(create_app(synthetic, write_token="s3cret")) as c:
        items = c.get("/api/articles?updated_since=2000-01-01&limit=1000").json()["items"]
        mark = items[-1]["updated_at"]
        assert c.get(f"/api/articles?updated_since={mark}").json()["items"] == []
        assert c.delete(f"/api/articles/{items[0]['id']}", headers={"Authorization": "Bearer s3cret"}).status_code == 204
        gone = c.get(f"/api/deletions?updated_since={mark}").json()["items"]
        assert [d["id"] for d in gone] == [items[0]["id"]]
        assert c.get(f"/api/articles/{items[0]['id']}").status_code == 404
        assert c.get("/api/articles?updated_since=2000-01-01T00:00:00%2B02:00").status_code == 200


@pytest.mark.parametrize("url, code", [
    ("/api/events?bbox=1,2,3", "invalid-parameter"),
    ("/api/events?bbox=0,50,10,40", "invalid-parameter"),
    ("/api/events?since=yesterday", "invalid-parameter"),
    ("/api/events?limit=0", "invalid-parameter"),
    ("/api/events?cursor=not-a-cursor", "bad-cursor"),
    ("/api/articles?updated_since=soon", "invalid-parameter"),
    ("/api/entities?type=planet", "invalid-parameter"),
    ("/api/articles/no-such-article", "not-found"),
    ("/api/nothing-here", "not-found"),
])
def test_errors_are_problem_documents(client, url, code):
    response = client.get(url)
    assert response.status_code in (400, 404, 422)
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == code and body["status"] == response.status_code and body["detail"]


def test_a_cursor_from_another_list_is_refused(client):
    cursor = client.get("/api/events?limit=1").json()["next"]
    assert client.get(f"/api/quotes?cursor={cursor}").json()["code"] == "bad-cursor"


def test_an_internal_error_is_a_problem_without_a_traceback(synthetic, monkeypatch):
    monkeypatch.setattr(Database, "facets", lambda self: 1 / 0)
    with TestClient(create_app(synthetic), raise_server_exceptions=False) as c:
        response = c.get("/api/facets")
    assert response.status_code == 500 and response.json()["code"] == "internal"
    assert "Traceback" not in response.text and "ZeroDivision" not in response.text


def test_every_answer_carries_a_strict_content_security_policy(client):
    for url in ("/", "/api/events", "/api/nothing", "/static/app.js"):
        policy = client.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "default-src 'none'" in policy and "unsafe-inline" not in policy
    assert client.get("/").headers["x-content-type-options"] == "nosniff"


def test_reads_use_a_read_only_connection(client):
    db = client.app.state.stores.get()
    assert db.readonly
    with pytest.raises(Exception):
        db.conn.execute("DELETE FROM articles")


# -- writes ----------------------------------------------------------------------------------------------

def test_writes_are_refused_without_a_server_token(client):
    response = client.post("/api/articles", json={"text": "x" * 100})
    assert response.status_code == 403 and response.json()["code"] == "read-only"


def test_writes_need_the_right_token(synthetic):
    with TestClient(create_app(synthetic, write_token="s3cret")) as c:
        missing = c.post("/api/articles", json={"text": "x" * 100})
        assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
        wrong = c.post("/api/articles", json={"text": "x" * 100}, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403 and wrong.json()["code"] == "token-refused"
        assert c.delete("/api/articles/x", headers={"Authorization": "Bearer nope"}).status_code == 403


@pytest.mark.model
def test_post_runs_the_pipeline_and_stores_the_article(synthetic, seed_text):
    auth = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(synthetic, write_token="s3cret")) as c:
        response = c.post("/api/articles", headers=auth, json={
            "text": seed_text, "url": "https://www.francetvinfo.fr/bakhmout.html", "published": "2023-03-02"})
        assert response.status_code == 201, response.text
        record = response.json()
        assert len(record["quotes"]) == 7 and {e["location"]["name"] for e in record["events"]} == {"Bakhmut"}
        assert c.get(response.headers["location"]).json()["id"] == record["id"]
        speakers = {q["speaker"] for q in c.get(f"/api/quotes?article={record['id']}").json()["items"]}
        assert {"Valery", "Adam"} <= speakers
        html = c.post("/api/articles", headers=auth, json={
            "html": f"<html><body><article><h1>Bakhmut</h1><p>{seed_text[:1500]}</p></article></body></html>",
            "url": "https://example.org/bakhmut-html"})
        assert html.status_code == 201, html.text


@pytest.mark.parametrize("body, status, code", [
    (b"{not json", 400, "malformed-json"),
    (b"[1, 2]", 400, "malformed-json"),
    (json.dumps({"title": "no text"}).encode(), 422, "empty"),
    (json.dumps({"text": "Shelling hit Kharkiv.", "url": "javascript:alert(1)"}).encode(), 422, "bad-url"),
    (b"\xff\xfe\x00garbage", 400, "malformed-json"),
])
def test_bad_posts_are_clear_errors(synthetic, body, status, code):
    with TestClient(create_app(synthetic, write_token="s3cret")) as c:
        response = c.post("/api/articles", content=body, headers={"Authorization": "Bearer s3cret",
                                                                  "Content-Type": "application/json"})
    assert (response.status_code, response.json()["code"]) == (status, code)


def test_an_oversized_post_is_refused_before_it_is_read(synthetic):
    from dateline.settings import Options

    with TestClient(create_app(synthetic, write_token="t", options=Options(max_file_bytes=1000))) as c:
        response = c.post("/api/articles", content=b"{" + b" " * 5000 + b"}",
                          headers={"Authorization": "Bearer t", "Content-Type": "application/json"})
    assert response.status_code == 413 and response.json()["code"] == "too-large"


# -- the command ------------------------------------------------------------------------------------------

def test_serve_refuses_a_missing_store_in_one_line(tmp_path):
    result = subprocess.run([sys.executable, "-m", "dateline.cli", "serve", "--db", str(tmp_path / "none.db")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no such store" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_dateline_serve_answers_on_loopback(synthetic):
    import urllib.request

    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "dateline.cli", "serve", "--db", synthetic, "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=2) as response:
                    about = json.load(response)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
        assert about["counts"]["articles"] == 57 and about["writable"] is False
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert b"Dateline" in response.read()
    finally:
        process.terminate()
        process.wait(20)


def test_every_endpoint_on_a_store_the_pipeline_wrote(served_store, ids):
    """The demo's kind of store (the seed report and another article, through the pipeline)."""
    with TestClient(create_app(served_store)) as c:
        for name in ("articles", "quotes", "speakers", "events", "places", "entities"):
            assert c.get(f"/api/{name}").json()["items"], name
        seed_quotes = c.get(f"/api/quotes?article={ids['seed']}").json()["items"]
        assert {q["speaker"] for q in seed_quotes} >= {"Valery", "Adam"}
        assert all(isinstance(q["statement"], int) for q in seed_quotes)  # quotes of one statement share it
        bakhmut = c.get("/api/events?format=geojson&country=UA&bbox=37.5,48.3,38.5,48.9").json()["features"]
        assert {f["properties"]["sub_event_type"] for f in bakhmut} == {"Armed clash", "Shelling/artillery/missile attack"}
        assert c.get("/api/timeline").json()["items"][0]["date"] == "2023-03-01"
        rows = list(csv.DictReader(io.StringIO(c.get("/api/events?format=csv").text)))
        assert {r["location"] for r in rows} >= {"Bakhmut"} and all(r["event_id_cnty"] for r in rows)
        record = c.get(f"/api/articles/{ids['seed']}").json()
        assert len(record["quotes"]) == 7

"""Lists for the API: filters, keyset pagination, incremental sync, deletions, read-only opening."""

import sqlite3

import pytest

from dateline.store import CursorError, Database, Filters, NotAStore
from dateline.types import Entity, Event, Location, Mention, Place, Quote, Record, Source


def article(i: int, *, country: str = "UA", date: str | None = None, outlet: str = "franceinfo") -> Record:
    date = date or f"2023-03-{i % 28 + 1:02d}"
    text = f"Shelling hit the town on day {i}. “We will hold,” said Valery."
    return Record(
        id=f"txt-{i:016d}", text=text, title=f"Report {i}", language="en", published=date,
        source=Source(url=f"https://example.org/{i}", outlet=outlet),
        entities=(Entity("e0", "Valery", "PERSON", (Mention(40, 46, "Valery"),)),),
        quotes=(Quote("We will hold", 34, 46, speaker="Valery", speaker_kind="person"),),
        places=(Place("p0", "Bakhmut", 712451, 48.6, 38.0, country, feature="city"),),
        events=(Event("Explosions/Remote violence", "Shelling/artillery/missile attack",
                      location=Location("Bakhmut", 48.6 + i / 1000, 38.0, country), date=date, fatalities=i % 3,
                      evidence=Mention(0, 31, text[:31])),),
    )


@pytest.fixture
def store(make_store):
    db = make_store()
    for i in range(23):
        db.add_article(article(i, country="UA" if i % 2 else "RU", outlet="franceinfo" if i < 10 else "bbc"))
    return db


def every_page(db: Database, kind: str, filters: Filters, limit: int) -> list[dict]:
    items, cursor = [], None
    while True:
        page = db.page(kind, filters, limit=limit, cursor=cursor)
        items += page.items
        if not page.next:
            return items
        cursor = page.next


@pytest.mark.parametrize("kind", ["articles", "quotes", "events", "places", "entities", "speakers"])
@pytest.mark.parametrize("limit", [1, 4, 50])
def test_paging_returns_each_row_once_in_the_one_page_order(store, kind, limit):
    whole = store.page(kind, Filters(), limit=1000).items
    assert every_page(store, kind, Filters(), limit) == whole
    assert whole


def test_pages_are_stable_while_rows_are_added(store):
    first = store.page("events", Filters(), limit=5)
    store.add_article(article(99, date="2023-03-31"))  # newer than every row already read
    rest = every_page_from(store, "events", first.next)
    seen = [e["article_id"] for e in first.items + rest]
    assert len(seen) == len(set(seen)) == 23


def every_page_from(db, kind, cursor):
    items = []
    while cursor:
        page = db.page(kind, Filters(), limit=5, cursor=cursor)
        items += page.items
        cursor = page.next
    return items


def test_filters(store):
    assert {e["country_code"] for e in store.page("events", Filters(country="UA")).items} == {"UA"}
    since = store.page("events", Filters(since="2023-03-10", until="2023-03-12")).items
    assert sorted({e["date"] for e in since}) == ["2023-03-10", "2023-03-11", "2023-03-12"]
    box = store.page("events", Filters(bbox=(37.9, 48.6, 38.1, 48.605))).items
    assert box and all(48.6 <= e["lat"] <= 48.605 for e in box)
    assert {a["outlet"] for a in store.page("articles", Filters(outlet="bbc")).items} == {"bbc"}
    assert store.page("articles", Filters(q="day 7")).items[0]["id"] == "txt-0000000000000007"
    assert store.page("quotes", Filters(speaker="val")).items[0]["direct"] is True
    assert store.page("speakers", Filters()).items == [
        {"speaker": "Valery", "speaker_kind": "person", "quotes": 23, "articles": 23}]
    (place,) = store.page("places", Filters(country="RU")).items
    assert place["articles"] == 12 and place["name"] == "Bakhmut"
    assert store.page("entities", Filters(entity_type="PERSON")).items[0]["articles"] == 23


def test_counts_are_cached_until_the_store_changes(store):
    before = store.page("speakers", Filters()).items[0]["quotes"]
    assert store.page("speakers", Filters()) is store.page("speakers", Filters())
    store.add_article(article(500))
    assert store.page("speakers", Filters()).items[0]["quotes"] == before + 1
    store.delete_article("txt-0000000000000500")
    assert store.page("speakers", Filters()).items[0]["quotes"] == before
    assert store.timeline(Filters()) == store.timeline(Filters())


def test_like_filters_take_wildcards_literally(store):
    assert store.page("quotes", Filters(speaker="%")).items == []
    assert store.page("quotes", Filters(speaker="_alery")).items == []


def test_a_cursor_from_another_list_or_edited_is_refused(store):
    cursor = store.page("events", Filters(), limit=2).next
    with pytest.raises(CursorError):
        store.page("quotes", Filters(), cursor=cursor)
    with pytest.raises(CursorError):
        store.page("events", Filters(), cursor=cursor[:-3] + "zzz")
    with pytest.raises(CursorError):
        store.page("events", Filters(updated_since="2000-01-01"), cursor=cursor)


def test_sync_with_updated_since_sees_changes_and_deletions(store):
    everything = every_page(store, "articles", Filters(updated_since="2000-01-01"), 7)
    assert len(everything) == 23
    stamps = [a["updated_at"] for a in everything]
    assert stamps == sorted(stamps) and len(set(stamps)) == 23  # a strictly increasing clock
    mark = stamps[-1]
    store.add_article(article(3, date="2023-04-01"))  # changed
    store.delete_article("txt-0000000000000005")
    changed = every_page(store, "articles", Filters(updated_since=mark), 2)
    assert [a["id"] for a in changed] == ["txt-0000000000000003"]
    assert [e["article_id"] for e in every_page(store, "events", Filters(updated_since=mark), 2)] == [
        "txt-0000000000000003"]
    (gone,) = store.page("deletions", Filters(updated_since=mark)).items
    assert gone["id"] == "txt-0000000000000005" and gone["deleted_at"] > mark
    assert store.counts()["articles"] == 22 and not store.delete_article("txt-0000000000000005")
    store.add_article(article(5))  # back again: no longer deleted
    assert store.page("deletions", Filters()).items == []


def test_an_old_store_is_migrated_in_place(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta VALUES ('schema', 'dateline/1');
        CREATE TABLE articles (id TEXT PRIMARY KEY, url TEXT, path TEXT, outlet TEXT, language TEXT, title TEXT,
            published TEXT, text TEXT NOT NULL, record TEXT NOT NULL,
            ingested_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')));
        INSERT INTO articles(id, text, record, ingested_at) VALUES ('a', 'x', '{}', '2024-01-01T00:00:00Z');
    """)
    conn.commit()
    conn.close()
    with Database(path) as db:
        (row,) = db.page("articles", Filters(updated_since="2000")).items
        assert row["updated_at"] == "2024-01-01T00:00:00.000000Z"
        assert [a["id"] for a in db.page("articles", Filters(q="x")).items] == ["a"]  # full text keyed anew


def test_read_only_store_reads_and_refuses_writes(store, tmp_path):
    reader = Database(store.path, readonly=True)
    assert len(reader.page("events", Filters(), limit=5).items) == 5
    with pytest.raises(sqlite3.OperationalError):
        reader.add_article(article(1))
    with pytest.raises(NotAStore):
        Database(tmp_path / "missing.db", readonly=True)
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(NotAStore):
        Database(tmp_path / "junk.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_full_text_survives_vacuum_and_re_adding(store):
    store.add_article(article(7))  # replaced: its full-text rows too, none left behind
    assert [a["id"] for a in store.page("articles", Filters(q="day 7")).items] == ["txt-0000000000000007"]
    store.conn.execute("VACUUM")  # may renumber SQLite's rowids; our keys are hashes of the ids
    assert [a["id"] for a in store.page("articles", Filters(q="day 7")).items] == ["txt-0000000000000007"]
    assert len(store.page("quotes", Filters(q="hold", speaker="Val"), limit=100).items) == 23
    assert store.conn.execute("SELECT count(*) FROM quotes_fts").fetchone()[0] == 23
    assert [h.article_id for h in store.search("day 7")][:1] == ["txt-0000000000000007"]

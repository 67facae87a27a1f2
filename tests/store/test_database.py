import pytest

from dateline.types import Quote, Record, Source


def record(id_: str = "txt-0000000000000001", text: str = "Russian forces shelled Kharkiv overnight.") -> Record:
    return Record(id=id_, text=text, title="Kharkiv shelled", language="en", source=Source(path="x.txt"),
                  quotes=(Quote("We will hold", 0, 12, speaker="Valery", speaker_kind="person"),))


def test_store_add_get_roundtrip(make_store):
    db = make_store()
    db.add_article(record())
    assert db.get("txt-0000000000000001") == record()
    assert db.get("txt-00000000") == record()  # unique prefix


def test_store_same_id_twice_keeps_one(make_store):
    db = make_store()
    db.add_article(record())
    db.add_article(record(text="Russian forces shelled Kharkiv again."))
    assert db.counts()["articles"] == 1 and db.counts()["quotes"] == 1
    assert db.get("txt-0000000000000001").text.endswith("again.")


def test_store_search_finds_text_and_quotes(make_store):
    db = make_store()
    db.add_article(record())
    kinds = {h.kind for h in db.search("Kharkiv")} | {h.kind for h in db.search("hold")}
    assert kinds == {"article", "quote"}
    assert db.search("hold")[0].speaker == "Valery"


def test_store_failed_write_leaves_nothing(make_store, monkeypatch):
    db = make_store()
    broken = record()
    object.__setattr__(broken, "quotes", (Quote("x", 0, 1), object()))  # second quote cannot be written
    with pytest.raises((AttributeError, TypeError)):
        db.add_article(broken)
    assert db.counts()["articles"] == 0 and db.counts()["quotes"] == 0


def test_store_uses_wal(make_store):
    assert make_store().conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_record_the_store_refuses_is_that_documents_error(make_store, monkeypatch, tmp_path):
    from dateline.batch import jobs
    from dateline.settings import Options

    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("The mayor of Odesa said the port reopened on Friday after repairs.")
    (news / "b.txt").write_text("Police in Lagos said protesters blocked the main road on Monday morning.")
    db = make_store()
    original = db.add_article

    def picky(record):
        if "Odesa" in record.text:
            raise ValueError("a value the store cannot hold")
        original(record)

    monkeypatch.setattr(db, "add_article", picky)
    report = jobs.ingest([str(news)], db, Options(executor="serial"))
    assert report.stored == 1 and [o.error.code for o in report.failed] == ["refused"]
    assert db.counts()["failures"] == 1

"""The SQLite store: one class, verb-named methods, all SQL behind it (Datasette's shape).

WAL mode; each article is written in one transaction with its entities, quotes,
places, events and full-text rows, so a killed run leaves whole articles or none.
Every write stamps ``updated_at`` from a clock that only moves forward, and a
deletion leaves a row in ``deletions``, so a client can sync with ``updated_since``.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from importlib import resources
from pathlib import Path
from typing import Iterator
from urllib.parse import quote as url_quote

from ..types import SCHEMA_ID, Problem, Record
from . import listing
from .listing import Filters, Page


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    title: str | None
    snippet: str
    kind: str  # "article" or "quote"
    speaker: str | None = None


class NotAStore(Exception):
    """A file that is missing or is not a Dateline store (when opened read-only, nothing is created)."""


class Database:
    """A Dateline store at ``path`` (created on first use), or an existing one opened ``readonly``.

    A read-only connection, or one opened ``any_thread``, may be used from any thread, one thread at a time.
    """

    def __init__(self, path: str | Path = "dateline.db", *, readonly: bool = False, any_thread: bool = False):
        self.path = str(path)
        self.readonly = readonly
        if readonly:
            if not Path(self.path).is_file():
                raise NotAStore(f"no such store: {self.path}")
            uri = f"file:{url_quote(str(Path(self.path).resolve()))}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            try:
                self.conn.execute("PRAGMA query_only=ON")
                if self.conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() is None:
                    raise NotAStore(f"{self.path} is not a Dateline store")
            except sqlite3.DatabaseError as exc:
                self.conn.close()
                raise NotAStore(f"{self.path} is not a Dateline store ({exc})") from None
            return
        self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=not any_thread)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8"))
        self.conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)", (SCHEMA_ID,))
        self._migrate()

    def _migrate(self) -> None:
        """Bring a store written by an older release up to date, in place (idempotent)."""
        columns = {row["name"] for row in self.conn.execute("PRAGMA table_info(articles)")}
        if "updated_at" not in columns:
            self.conn.execute("ALTER TABLE articles ADD COLUMN updated_at TEXT")
        self.conn.execute("UPDATE articles SET updated_at = replace(ingested_at, 'Z', '.000000Z') WHERE updated_at IS NULL")
        self.conn.execute("CREATE INDEX IF NOT EXISTS articles_updated ON articles(updated_at, id)")
        if "fts_key" not in columns:
            self._key_full_text()
        if "statement" not in {row["name"] for row in self.conn.execute("PRAGMA table_info(quotes)")}:
            self.conn.execute("ALTER TABLE quotes ADD COLUMN statement INTEGER")
        self.conn.execute("CREATE INDEX IF NOT EXISTS articles_fts_key ON articles(fts_key)")
        self.conn.execute("CREATE INDEX IF NOT EXISTS quotes_fts_key ON quotes(fts_key)")

    def _key_full_text(self) -> None:
        """Give the full-text rows the keys of their articles and quotes (stores before they had them): a
        match is then joined on an integer, without reading the stored text back."""
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            for table in ("articles", "quotes"):
                if "fts_key" not in {row["name"] for row in c.execute(f"PRAGMA table_info({table})")}:
                    c.execute(f"ALTER TABLE {table} ADD COLUMN fts_key INTEGER")
            c.executemany("UPDATE articles SET fts_key = ? WHERE id = ?",
                          [(fts_key(r[0]), r[0]) for r in c.execute("SELECT id FROM articles").fetchall()])
            c.executemany("UPDATE quotes SET fts_key = ? WHERE article_id = ? AND n = ?",
                          [(fts_key(r[0], r[1]), r[0], r[1]) for r in c.execute("SELECT article_id, n FROM quotes").fetchall()])
            c.execute("DELETE FROM articles_fts")
            c.execute("INSERT INTO articles_fts(rowid, article_id, title, text) "
                      "SELECT fts_key, id, COALESCE(title, ''), text FROM articles")
            c.execute("DELETE FROM quotes_fts")
            c.execute("INSERT INTO quotes_fts(rowid, article_id, n, text, speaker) "
                      "SELECT fts_key, article_id, n, text, COALESCE(speaker, '') FROM quotes")
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_article(self, record: Record) -> None:
        """Insert or replace one article and everything extracted from it, atomically."""
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            self._delete(record.id)
            c.execute("DELETE FROM deletions WHERE article_id = ?", (record.id,))
            c.execute(
                "INSERT INTO articles(id, url, path, outlet, language, title, published, text, record, updated_at,"
                " fts_key) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (record.id, record.source.url, record.source.path, record.source.outlet, record.language,
                 record.title, record.published, record.text, json.dumps(record.to_dict(), ensure_ascii=False),
                 self._tick(), fts_key(record.id)),
            )
            c.executemany(
                "INSERT INTO entities VALUES (?,?,?,?,?)",
                [(record.id, e.id, e.name, e.type, len(e.mentions)) for e in record.entities],
            )
            c.executemany(
                "INSERT INTO quotes(article_id, n, text, start, \"end\", speaker, speaker_kind, speaker_entity,"
                " speaker_role, cue, direct, confidence, fts_key, statement) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(record.id, n, q.text, q.start, q.end, q.speaker, q.speaker_kind, q.speaker_entity,
                  q.speaker_role, q.cue, int(q.direct), q.confidence, fts_key(record.id, n), q.statement)
                 for n, q in enumerate(record.quotes)],
            )
            c.executemany(
                "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(record.id, p.id, p.name, p.geonames_id, p.lat, p.lon, p.country_code, p.admin1, p.feature,
                  p.geo_precision, p.confidence) for p in record.places],
            )
            c.executemany(
                "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(record.id, n, e.event_type, e.sub_event_type, e.actor1, e.actor2,
                  e.location.name if e.location else None, e.location.lat if e.location else None,
                  e.location.lon if e.location else None, e.location.country_code if e.location else None,
                  e.date, e.time_precision, e.fatalities, e.evidence.text if e.evidence else None, e.confidence)
                 for n, e in enumerate(record.events)],
            )
            c.execute("INSERT INTO articles_fts(rowid, article_id, title, text) VALUES (?,?,?,?)",
                      (fts_key(record.id), record.id, record.title or "", record.text))
            c.executemany(
                "INSERT INTO quotes_fts(rowid, article_id, n, text, speaker) VALUES (?,?,?,?,?)",
                [(fts_key(record.id, n), record.id, n, q.text, q.speaker or "") for n, q in enumerate(record.quotes)],
            )
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def delete_article(self, article_id: str) -> bool:
        """Remove one article and what was extracted from it, leaving a tombstone for syncing clients."""
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            found = self.has_article(article_id)
            if found:
                self._delete(article_id)
                c.execute("INSERT OR REPLACE INTO deletions(article_id, deleted_at) VALUES (?, ?)",
                          (article_id, self._tick()))
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise
        return found

    def _tick(self) -> str:
        """The next change time: now, or a microsecond after the last change if the clock has not moved on
        (or went back), so ``updated_at > last seen`` never misses a write. Called inside a write transaction."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'clock'").fetchone()
        now = datetime.now(timezone.utc).replace(tzinfo=None)
        if row is not None:
            last = datetime.strptime(row[0], _CLOCK_FORMAT)
            now = max(now, last + timedelta(microseconds=1))
        stamp = now.strftime(_CLOCK_FORMAT)
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('clock', ?)", (stamp,))
        return stamp

    def _delete(self, article_id: str) -> None:
        self.conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (fts_key(article_id),))
        self.conn.execute("DELETE FROM quotes_fts WHERE rowid IN (SELECT fts_key FROM quotes WHERE article_id = ?)",
                          (article_id,))
        for table in ("entities", "quotes", "places", "events"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def clear_failure(self, origin: str) -> None:
        self.conn.execute("DELETE FROM failures WHERE origin = ?", (origin,))

    def add_failure(self, origin: str, problem: Problem) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO failures(origin, stage, code, message) VALUES (?,?,?,?)",
            (origin, problem.stage, problem.code, problem.message),
        )

    # -- reading -------------------------------------------------------------------------

    def get(self, article_id: str) -> Record | None:
        """The article with this id, or with an id starting with it (like a short git hash)."""
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            rows = self.conn.execute("SELECT record FROM articles WHERE id LIKE ? LIMIT 2", (article_id + "%",)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return Record.from_dict(json.loads(row["record"])) if row else None

    def record_json(self, article_id: str) -> str | None:
        """The stored record of exactly this id as JSON text, unparsed (the API sends it as it is)."""
        row = self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row["record"] if row else None

    def records(self, *, batch: int = 200) -> Iterator[Record]:
        """Every stored record, oldest first, read in pages so memory stays flat."""
        last = ""
        while True:
            rows = self.conn.execute(
                "SELECT id, record FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield Record.from_dict(json.loads(row["record"]))
            last = rows[-1]["id"]

    def quotes(self, *, speaker: str | None = None, limit: int = 50) -> list[sqlite3.Row]:
        """Stored quotes, newest articles first; ``speaker`` matches any part of the name, case-insensitively."""
        sql = ("SELECT q.article_id, a.title, a.published, q.speaker, q.speaker_kind, q.speaker_role, q.cue,"
               " q.direct, q.confidence, q.text FROM quotes q JOIN articles a ON a.id = q.article_id")
        args: list = []
        if speaker:
            sql += " WHERE q.speaker LIKE ? ESCAPE '\\'"
            args.append(listing.like(speaker))
        sql += " ORDER BY a.published DESC, q.article_id, q.n LIMIT ?"
        args.append(limit)
        return list(self.conn.execute(sql, args))

    def events(self, *, country: str | None = None, event_type: str | None = None, since: str | None = None,
               limit: int = 50) -> list[sqlite3.Row]:
        """Stored events, latest first; filters are exact (country code, event type) or a start date."""
        sql = ("SELECT e.article_id, e.event_type, e.sub_event_type, e.actor1, e.actor2, e.location, e.country_code,"
               " e.date, e.fatalities, e.evidence, e.confidence FROM events e")
        clauses, args = [], []
        if country:
            clauses.append("e.country_code = ?")
            args.append(country.upper())
        if event_type:
            clauses.append("(e.event_type = ? OR e.sub_event_type = ?)")
            args += [event_type, event_type]
        if since:
            clauses.append("e.date >= ?")
            args.append(since)
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY e.date DESC, e.article_id, e.n LIMIT ?"
        args.append(limit)
        return list(self.conn.execute(sql, args))

    def search(self, query: str, *, limit: int = 20, raw: bool = False) -> list[SearchHit]:
        """Full-text search over article text and quotes.

        By default every word of ``query`` must appear (punctuation, quotes and FTS5 operators are plain text);
        ``raw`` reads it as FTS5 syntax. Raises :class:`SearchSyntaxError` for a query it cannot run.
        """
        match = _fts_raw(query) if raw else _fts_words(query)
        if match is None:
            return []
        try:
            with self._bounded("the search", "use fewer or rarer words"):
                hits = [
                    SearchHit(r["article_id"], r["title"], r["snip"], "quote", r["speaker"] or None)
                    for r in self.conn.execute(
                        "SELECT q.article_id, a.title, q.speaker, snippet(quotes_fts, 2, ?, ?, '…', 16) AS snip"
                        " FROM quotes_fts q JOIN articles a ON a.id = q.article_id"
                        " WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?", (MATCH_START, MATCH_END, match, limit))
                ]
                hits += [
                    SearchHit(r["article_id"], r["title"], r["snip"], "article")
                    for r in self.conn.execute(
                        "SELECT article_id, title, snippet(articles_fts, 2, ?, ?, '…', 16) AS snip"
                        " FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                        (MATCH_START, MATCH_END, match, limit))
                ]
        except sqlite3.OperationalError as exc:
            raise SearchSyntaxError(f"not a valid FTS5 query ({exc}); drop --fts to search for the words") from None
        return hits[:limit]

    @contextmanager
    def _time_limit(self, seconds: float) -> Iterator[None]:
        deadline = time.monotonic() + seconds
        self.conn.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        try:
            yield
        finally:
            self.conn.set_progress_handler(None, 0)

    # -- lists for the API: filtered, keyset-paginated (see ``listing``) ------------------------------------

    def page(self, kind: str, filters: Filters, *, limit: int = 50, cursor: str | None = None) -> Page:
        """One page of a list (``LISTS``); raises ``listing.CursorError`` or ``SearchSyntaxError``."""
        query, shape = LISTS[kind](filters)
        limit = max(1, min(limit, listing.MAX_LIMIT))

        def run() -> Page:
            with self._bounded():
                return query.page(self.conn, limit, cursor, shape)
        return self._cached(("page", kind, filters, limit, cursor), run) if kind in listing.AGGREGATES else run()

    def all_rows(self, kind: str, filters: Filters) -> Iterator[dict]:
        """Every row of one list, read page by page (a streamed export of any size)."""
        query, shape = LISTS[kind](filters)
        return query.rows(self.conn, shape)

    def timeline(self, filters: Filters) -> list[dict]:
        def run() -> list[dict]:
            with self._bounded():
                return list(listing.timeline(filters).rows(self.conn, _item, batch=5000))
        return self._cached(("timeline", filters), run)

    def facets(self) -> dict[str, list[dict]]:
        return self._cached(("facets",), lambda: listing.facets(self.conn))

    def _cached(self, key: tuple, compute):
        """Counts over the whole store, kept until the store changes: the key holds the store's change clock,
        which every write moves, so an answer is never staler than the last write. Shared by the threads of
        one process (the server's); the caller must not modify what it gets."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'clock'").fetchone()
        full = (self.path, row[0] if row else None, key)
        with _CACHE_LOCK:
            if full in _CACHE:
                _CACHE.move_to_end(full)
                return _CACHE[full]
        value = compute()
        with _CACHE_LOCK:
            _CACHE[full] = value
            while len(_CACHE) > _CACHE_ENTRIES:
                _CACHE.popitem(last=False)
        return value

    @contextmanager
    def _bounded(self, what: str = "the query", advice: str = "narrow the filters") -> Iterator[None]:
        """At most ``_SEARCH_SECONDS`` of SQLite work; past that, a ``SearchSyntaxError`` saying what to do."""
        try:
            with self._time_limit(_SEARCH_SECONDS):
                yield
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise SearchSyntaxError(f"{what} took longer than {_SEARCH_SECONDS} s; {advice}") from None
            raise

    def failures(self) -> list[dict]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM failures ORDER BY at, origin")]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "entities", "quotes", "places", "events", "failures")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def fts_key(article_id: str, quote: int | None = None) -> int:
    """The full-text rowid of an article (or of its quote number ``quote``): 63 bits of a hash of the id, so it
    never changes (SQLite's own rowids may, on VACUUM) and can be computed to delete the row."""
    name = article_id if quote is None else f"{article_id}\x00{quote}"
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big") >> 1


def _item(row: sqlite3.Row) -> dict:
    """A row as a dict, without the ordering keys (``_k0``…) the pagination added."""
    return {k: row[k] for k in row.keys() if not k.startswith("_k")}


def _quote_item(row: sqlite3.Row) -> dict:
    item = _item(row)
    item["direct"] = bool(item["direct"])
    return item


def _match(filters: Filters) -> str | None:
    return _fts_words(filters.q) if filters.q else None


LISTS = {
    "articles": lambda f: (listing.articles(f, _match(f)), _item),
    "quotes": lambda f: (listing.quotes(f, _match(f)), _quote_item),
    "events": lambda f: (listing.events(f), _item),
    "places": lambda f: (listing.places(f), _item),
    "entities": lambda f: (listing.entities(f), _item),
    "speakers": lambda f: (listing.speakers(f), _item),
    "deletions": lambda f: (listing.deletions(f), _item),
}


_CLOCK_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
_CACHE: OrderedDict = OrderedDict()
_CACHE_LOCK = threading.Lock()
_CACHE_ENTRIES = 512


class SearchSyntaxError(ValueError):
    """A search query that cannot be run: bad FTS5 syntax, too long, or too slow."""


# Marks around matched words in snippets: control characters no article text keeps (see ``terminal``).
MATCH_START, MATCH_END = "\x02", "\x03"
_MAX_TERMS = 64
_MAX_QUERY_CHARS = 2000
_SEARCH_SECONDS = 10


def _fts_words(query: str) -> str | None:
    """Each word of the query as an FTS5 string, all required: nothing in it is syntax."""
    words = re.findall(r"\w+", query)
    if len(words) > _MAX_TERMS:
        raise SearchSyntaxError(f"the query has {len(words)} words; at most {_MAX_TERMS} are searched")
    return " ".join(f'"{word}"' for word in words) or None


def _fts_raw(query: str) -> str | None:
    if len(query) > _MAX_QUERY_CHARS:
        raise SearchSyntaxError(f"the query is {len(query)} characters long; at most {_MAX_QUERY_CHARS}")
    if len(re.findall(r"\w+", query)) > _MAX_TERMS:
        raise SearchSyntaxError(f"the query has more than {_MAX_TERMS} terms")
    return query.strip() or None

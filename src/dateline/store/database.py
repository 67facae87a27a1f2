"""The SQLite store: one class, verb-named methods, all SQL behind it (Datasette's shape).

WAL mode; each article is written in one transaction with its entities, quotes,
places, events and full-text rows, so a killed run leaves whole articles or none.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterator

from ..types import SCHEMA_ID, Problem, Record


@dataclass(frozen=True)
class SearchHit:
    article_id: str
    title: str | None
    snippet: str
    kind: str  # "article" or "quote"
    speaker: str | None = None


class Database:
    """A Dateline store at ``path`` (created on first use)."""

    def __init__(self, path: str | Path = "dateline.db"):
        self.path = str(path)
        self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.executescript(resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8"))
        self.conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', ?)", (SCHEMA_ID,))

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
            c.execute(
                "INSERT INTO articles(id, url, path, outlet, language, title, published, text, record)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (record.id, record.source.url, record.source.path, record.source.outlet, record.language,
                 record.title, record.published, record.text, json.dumps(record.to_dict(), ensure_ascii=False)),
            )
            c.executemany(
                "INSERT INTO entities VALUES (?,?,?,?,?)",
                [(record.id, e.id, e.name, e.type, len(e.mentions)) for e in record.entities],
            )
            c.executemany(
                "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [(record.id, n, q.text, q.start, q.end, q.speaker, q.speaker_kind, q.speaker_entity,
                  q.speaker_role, q.cue, int(q.direct), q.confidence) for n, q in enumerate(record.quotes)],
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
            c.execute("INSERT INTO articles_fts(article_id, title, text) VALUES (?,?,?)", (record.id, record.title or "", record.text))
            c.executemany(
                "INSERT INTO quotes_fts(article_id, n, text, speaker) VALUES (?,?,?,?)",
                [(record.id, n, q.text, q.speaker or "") for n, q in enumerate(record.quotes)],
            )
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def _delete(self, article_id: str) -> None:
        for table in ("entities", "quotes", "places", "events"):
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM articles_fts WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM quotes_fts WHERE article_id = ?", (article_id,))
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
            args.append("%" + speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
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

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over article text and quotes (FTS5 query syntax)."""
        match = _fts_query(query)
        hits = [
            SearchHit(r["article_id"], r["title"], r["snip"], "quote", r["speaker"] or None)
            for r in self.conn.execute(
                "SELECT q.article_id, a.title, q.speaker, snippet(quotes_fts, 2, '[', ']', '…', 16) AS snip"
                " FROM quotes_fts q JOIN articles a ON a.id = q.article_id"
                " WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))
        ]
        hits += [
            SearchHit(r["article_id"], r["title"], r["snip"], "article")
            for r in self.conn.execute(
                "SELECT article_id, title, snippet(articles_fts, 2, '[', ']', '…', 16) AS snip"
                " FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))
        ]
        return hits[:limit]

    def failures(self) -> list[dict]:
        return [dict(r) for r in self.conn.execute("SELECT * FROM failures ORDER BY at, origin")]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "entities", "quotes", "places", "events", "failures")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _fts_query(query: str) -> str:
    """Plain words are ANDed phrase tokens; queries with FTS operators or quotes pass through."""
    if any(op in query for op in ('"', " OR ", " AND ", " NOT ", "*", "NEAR(")):
        return query
    return " ".join('"' + word.replace('"', "") + '"' for word in query.split())

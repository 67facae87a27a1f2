"""Filtered, keyset-paginated lists over the store: what the API and the page read.

Every list is ordered by a key that is unique per row, and a page ends with an
opaque cursor holding the last row's key, so the next page is ``WHERE key >
cursor`` (an index seek) and stays correct while rows are added: offsets would
skip or repeat rows and grow slower with depth. With ``updated_since`` the
per-article lists are ordered by the store's change clock instead, which is
what a client syncing incrementally needs.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

MAX_LIMIT = 1000


class CursorError(ValueError):
    """A ``cursor`` that this list did not hand out (edited, or from another list or ordering)."""


@dataclass(frozen=True)
class Filters:
    """Every filter any list takes; each list reads the ones it supports. Dates are ISO prefixes."""

    q: str | None = None
    language: str | None = None
    outlet: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    updated_since: str | None = None
    article: str | None = None
    speaker: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    entity_type: str | None = None
    place: str | None = None  # a GeoNames id, or a place's name as stored
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat (RFC 7946)


@dataclass
class Page:
    items: list[dict]
    next: str | None = None


@dataclass
class Query:
    """One SELECT with its filters and its unique ordering key (expression, descending?)."""

    select: str
    select_from: str
    order: Sequence[tuple[str, bool]]
    tag: str
    where: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)
    group_by: str | None = None
    # Late row lookup: (columns, joins on the page's rows, aliased ``page``). The page is cut on the narrow rows
    # first and only its rows are joined to their columns, so a filter matching thousands of rows does not
    # fetch thousands of articles.
    late: tuple[str, str] | None = None

    def filter(self, clause: str, *args: Any) -> "Query":
        self.where.append(clause)
        self.args.extend(args)
        return self

    def contains(self, column: str, text: str | None) -> "Query":
        """Rows whose ``column`` contains ``text`` anywhere, case-insensitively, wildcards taken literally."""
        return self.filter(f"{column} LIKE ? ESCAPE '\\'", like(text)) if text else self

    def sql(self, after: Sequence[Any] | None, limit: int) -> tuple[str, list[Any]]:
        keys = ", ".join(f"{expr} AS _k{i}" for i, (expr, _) in enumerate(self.order))
        order = " ORDER BY " + ", ".join(f"_k{i}{' DESC' if desc else ''}" for i, (_, desc) in enumerate(self.order))
        sql = f"SELECT * FROM (SELECT {self.select}, {keys} {self._from_where()})"
        args = list(self.args)
        if after is not None:
            clause, more = _after([(f"_k{i}", desc) for i, (_, desc) in enumerate(self.order)], after)
            sql += f" WHERE {clause}"
            args += more
        sql += order + " LIMIT ?"
        args.append(limit)
        if self.late:
            columns, joins = self.late
            sql = f"SELECT {columns}, page.* FROM ({sql}) page {joins}{order}"
        return sql, args

    def _from_where(self) -> str:
        where = f" WHERE {' AND '.join(self.where)}" if self.where else ""
        group = f" GROUP BY {self.group_by}" if self.group_by else ""
        return f"FROM {self.select_from}{where}{group}"

    def page(self, conn: sqlite3.Connection, limit: int, cursor: str | None,
             shape: Callable[[sqlite3.Row], dict]) -> Page:
        after = decode_cursor(cursor, self.tag, len(self.order)) if cursor else None
        sql, args = self.sql(after, limit + 1)
        rows = conn.execute(sql, args).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        items = [shape(row) for row in rows]
        last = rows[-1] if more and rows else None
        return Page(items, encode_cursor(self.tag, [last[f"_k{i}"] for i in range(len(self.order))]) if last else None)

    def rows(self, conn: sqlite3.Connection, shape: Callable[[sqlite3.Row], dict], batch: int = 500):
        """Every row, page by page (a streamed export of any size)."""
        cursor = None
        while True:
            page = self.page(conn, batch, cursor, shape)
            yield from page.items
            if not page.next:
                return
            cursor = page.next


def _after(keys: Sequence[tuple[str, bool]], values: Sequence[Any]) -> tuple[str, list[Any]]:
    """Rows strictly after ``values`` in the order of ``keys`` (mixed directions, so no row-value compare)."""
    ors, args = [], []
    for i, (expr, desc) in enumerate(keys):
        ands = [f"{k} = ?" for k, _ in keys[:i]] + [f"{expr} {'<' if desc else '>'} ?"]
        ors.append("(" + " AND ".join(ands) + ")")
        args += list(values[:i]) + [values[i]]
    return "(" + " OR ".join(ors) + ")", args


def encode_cursor(tag: str, values: list[Any]) -> str:
    raw = json.dumps([tag, values], separators=(",", ":"), ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, tag: str, size: int) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        got_tag, values = json.loads(raw)
    except (binascii.Error, ValueError, TypeError):
        raise CursorError("the cursor is not one this server handed out") from None
    if got_tag != tag or not isinstance(values, list) or len(values) != size or \
            not all(isinstance(v, (str, int, float)) or v is None for v in values):
        raise CursorError("the cursor belongs to another list or ordering; start again without it")
    return values


# -- the lists ------------------------------------------------------------------------------------------

ARTICLE_FIELDS = "a.id, a.url, a.outlet, a.language, a.title, a.published, a.ingested_at, a.updated_at"
_PUBLISHED = "COALESCE(a.published, '')"
_QUOTES = "quotes q JOIN articles a ON a.id = q.article_id"
_EVENTS = "events e JOIN articles a ON a.id = e.article_id"


def articles(f: Filters, fts_match: str | None) -> Query:
    if f.updated_since:
        query = Query(ARTICLE_FIELDS, "articles a", [("a.updated_at", False), ("a.id", False)], "articles-sync")
    else:
        query = Query(ARTICLE_FIELDS, "articles a", [(_PUBLISHED, True), ("a.id", True)], "articles")
    if fts_match:
        query.filter("a.fts_key IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", fts_match)
    if f.place:
        column = "geonames_id" if f.place.isdigit() else "name"
        query.filter(f"a.id IN (SELECT article_id FROM places WHERE {column} = ?)",
                     int(f.place) if f.place.isdigit() else f.place)
    if f.country:
        query.filter("(a.id IN (SELECT article_id FROM places WHERE country_code = ?)"
                     " OR a.id IN (SELECT article_id FROM events WHERE country_code = ?))", f.country, f.country)
    _article_filters(query, f)
    return query


def quotes(f: Filters, fts_match: str | None) -> Query:
    if f.updated_since:
        query = Query("q.article_id, q.n", _QUOTES, [("a.updated_at", False), ("q.article_id", False), ("q.n", False)],
                      "quotes-sync")
    else:
        query = Query("q.article_id, q.n", _QUOTES, [(_PUBLISHED, True), ("q.article_id", True), ("q.n", False)],
                      "quotes")
    query.late = ("q.text, q.start, q.\"end\", q.speaker, q.speaker_kind, q.speaker_entity, q.speaker_role, q.cue,"
                  " q.direct, q.confidence, q.statement, a.title, a.outlet, a.url, a.published, a.updated_at AS article_updated_at",
                  "JOIN quotes q ON q.article_id = page.article_id AND q.n = page.n JOIN articles a ON a.id = q.article_id")
    if fts_match:
        query.filter("q.fts_key IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", fts_match)
    if f.speaker:
        query.filter("q.fts_key IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", speaker_match(f.speaker))
    _article_filters(query, f)
    return query


def events(f: Filters) -> Query:
    if f.updated_since:
        query = Query("e.article_id, e.n", "events e", [("a.updated_at", False), ("e.article_id", False), ("e.n", False)],
                      "events-sync")
    else:
        query = Query("e.article_id, e.n", "events e",
                      [("COALESCE(e.date, '')", True), ("e.article_id", True), ("e.n", False)], "events")
    query.late = ("e.event_type, e.sub_event_type, e.actor1, e.actor2, e.location, e.lat, e.lon, e.country_code, e.date,"
                  " e.time_precision, e.fatalities, e.evidence, e.confidence, a.title, a.outlet, a.url, a.published,"
                  " a.updated_at AS article_updated_at",
                  "JOIN events e ON e.article_id = page.article_id AND e.n = page.n"
                  " JOIN articles a ON a.id = e.article_id")
    _event_filters(query, f)
    _article_filters(query, f, dates=False, join="e")
    return query


def timeline(f: Filters) -> Query:
    """Events per day and type, oldest first (the page's timeline)."""
    query = Query("e.date AS date, e.event_type AS event_type, count(*) AS events,"
                  " COALESCE(sum(e.fatalities), 0) AS fatalities", "events e",
                  [("e.date", False), ("e.event_type", False)], "timeline", group_by="e.date, e.event_type")
    query.filter("e.date IS NOT NULL")
    _event_filters(query, f)
    _article_filters(query, f, dates=False, join="e")
    return query


def places(f: Filters) -> Query:
    """Places grouped across articles (one GeoNames id, else one name in one country), most-cited first."""
    key = "COALESCE('g' || p.geonames_id, 'n' || p.name || '|' || COALESCE(p.country_code, ''))"
    query = Query(f"{key} AS key, p.name, p.geonames_id, p.lat, p.lon, p.country_code, p.admin1, p.feature,"
                  " count(DISTINCT p.article_id) AS articles", "places p",
                  [("count(DISTINCT p.article_id)", True), (key, False)], "places", group_by=key)
    if f.country:
        query.filter("p.country_code = ?", f.country)
    query.contains("p.name", f.q)
    if f.bbox:
        _bbox(query, f.bbox, "p")
    _article_filters(query, f, join="p")
    return query


def entities(f: Filters) -> Query:
    query = Query("e.name, e.type, count(*) AS articles, sum(e.mentions) AS mentions", "entities e",
                  [("count(*)", True), ("e.name", False), ("e.type", False)], "entities", group_by="e.name, e.type")
    if f.entity_type:
        query.filter("e.type = ?", f.entity_type)
    query.contains("e.name", f.q)
    _article_filters(query, f, join="e")
    return query


def speakers(f: Filters) -> Query:
    query = Query("q.speaker AS speaker, max(q.speaker_kind) AS speaker_kind, count(*) AS quotes,"
                  " count(DISTINCT q.article_id) AS articles", "quotes q",
                  [("count(*)", True), ("q.speaker", False)], "speakers", group_by="q.speaker")
    query.filter("q.speaker IS NOT NULL")
    query.contains("q.speaker", f.speaker or f.q)
    _article_filters(query, f, join="q")
    return query


# Lists that count over the whole store rather than page through rows: worth caching per store version.
AGGREGATES = frozenset({"places", "entities", "speakers"})


def deletions(f: Filters) -> Query:
    query = Query("d.article_id AS id, d.deleted_at", "deletions d",
                  [("d.deleted_at", False), ("d.article_id", False)], "deletions")
    if f.updated_since:
        query.filter("d.deleted_at > ?", f.updated_since)
    return query


def _event_filters(query: Query, f: Filters) -> None:
    if f.event_type:
        query.filter("e.event_type = ?", f.event_type)
    if f.sub_event_type:
        query.filter("e.sub_event_type = ?", f.sub_event_type)
    if f.country:
        query.filter("e.country_code = ?", f.country)
    if f.since:
        query.filter("e.date >= ?", f.since)
    if f.until:
        query.filter("e.date <= ?", f.until + "~")
    if f.actor:
        query.filter("(e.actor1 LIKE ? ESCAPE '\\' OR e.actor2 LIKE ? ESCAPE '\\')", like(f.actor), like(f.actor))
    if f.bbox:
        _bbox(query, f.bbox, "e")


def _article_filters(query: Query, f: Filters, *, dates: bool = True, join: str | None = None) -> None:
    """Filters on the article a row comes from (alias ``a``). Counting lists read their own table alone and
    join the articles (on ``join``'s article_id) only when one of these filters asks for it: the join costs
    one lookup per row counted."""
    needed = any((f.article, f.language, f.outlet, f.updated_since, dates and (f.since or f.until)))
    if join and needed:
        query.select_from += f" JOIN articles a ON a.id = {join}.article_id"
    if f.article:
        query.filter("a.id = ?", f.article)
    if f.language:
        query.filter("a.language = ?", f.language)
    if f.outlet:
        query.filter("a.outlet = ?", f.outlet)
    if f.updated_since:
        query.filter("a.updated_at > ?", f.updated_since)
    if dates and f.since:
        query.filter("a.published >= ?", f.since)
    if dates and f.until:
        query.filter("a.published <= ?", f.until + "~")  # '~' sorts after any date or time that extends the prefix


def _bbox(query: Query, bbox: tuple[float, float, float, float], alias: str) -> None:
    west, south, east, north = bbox
    query.filter(f"{alias}.lat BETWEEN ? AND ?", south, north)
    if west <= east:
        query.filter(f"{alias}.lon BETWEEN ? AND ?", west, east)
    else:  # the box crosses the antimeridian
        query.filter(f"({alias}.lon >= ? OR {alias}.lon <= ?)", west, east)


def speaker_match(name: str) -> str:
    """An FTS5 query for speakers whose name has words starting with each word of ``name`` ("val" finds Valery,
    "Adam" finds Adam and Adams); nothing in ``name`` is syntax."""
    words = re.findall(r"\w+", name)[:16]
    return "speaker : (" + " ".join(f'"{w}"*' for w in words) + ")" if words else 'speaker : ""'


def like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, with LIKE's wildcards taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def facets(conn: sqlite3.Connection) -> dict[str, list[dict]]:
    """The values the page's filters offer, with how many rows each has."""
    def count(sql: str) -> list[dict]:
        return [{"value": r[0], "count": r[1]} for r in conn.execute(sql) if r[0] is not None]
    return {
        "event_type": count("SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"),
        "sub_event_type": count("SELECT sub_event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"),
        "country": count("SELECT country_code, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC"),
        "outlet": count("SELECT outlet, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC LIMIT 200"),
        "language": count("SELECT language, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"),
    }

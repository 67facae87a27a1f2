"""The JSON API: one route per list, all reading through ``Database`` (no SQL here).

Every list answers ``{"items": [...], "next": CURSOR|null, "next_url": ...}`` and a
``Link: <…>; rel="next"`` header; pass ``cursor`` back for the next page. Events and
places also answer GeoJSON (``format=geojson``, RFC 7946: longitude first), and
every list streams CSV (``format=csv``; events in ACLED's columns).
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from typing import Annotated, Iterator, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from ..export import spreadsheet
from ..export.acled import ACLED_COLUMNS, acled_row
from ..store import Database, Filters, Page
from ..types import ENTITY_KINDS
from .problems import FastJSON as JSONResponse
from .problems import Problem
from .security import require_token
from .stores import Stores

router = APIRouter(prefix="/api")

_DAY = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Text = Annotated[str | None, Query(max_length=500)]
Day = Annotated[str | None, Query(pattern=_DAY, description="ISO date or prefix: 2023, 2023-05, 2023-05-20")]
Limit = Annotated[int, Query(ge=1, le=1000, description="Rows per page")]
Cursor = Annotated[str | None, Query(max_length=2000, description="The `next` value of the previous page")]
Since = Annotated[str | None, Query(max_length=40, description="Only rows of articles changed after this ISO "
                                                               "time (incremental sync; pair with /api/deletions)")]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code")]
Bbox = Annotated[str | None, Query(description="west,south,east,north in degrees (RFC 7946 order)")]
ListFormat = Annotated[Literal["json", "csv"], Query(alias="format")]
GeoFormat = Annotated[Literal["json", "geojson", "csv"], Query(alias="format")]


async def stores(request: Request) -> Stores:
    """The server's connections. Endpoints take theirs with ``stores.get()`` in their own thread: a sync
    dependency would run in another pool thread, and two requests could then share one SQLite connection."""
    return request.app.state.stores


Store = Annotated[Stores, Depends(stores)]


# -- lists ----------------------------------------------------------------------------------------------

@router.get("/articles", summary="Articles, newest first (full-text q, language, outlet, dates, country, place)")
def list_articles(request: Request, stores: Store, q: Text = None, language: Text = None, outlet: Text = None,
                  since: Day = None, until: Day = None, country: Country = None,
                  place: Annotated[str | None, Query(max_length=200, description="a GeoNames id or a place name: "
                                                     "the articles that name it")] = None,
                  updated_since: Since = None, limit: Limit = 50, cursor: Cursor = None, fmt: ListFormat = "json"):
    db = stores.get()
    filters = Filters(q=q, language=language, outlet=outlet, since=since, until=until, country=_upper(country),
                      place=place, updated_since=_stamp(updated_since))
    return _answer(request, db, "articles", filters, limit, cursor, fmt)


@router.get("/quotes", summary="Quotes with their speakers, newest articles first")
def list_quotes(request: Request, stores: Store, speaker: Text = None, q: Text = None, article: Text = None,
                since: Day = None, until: Day = None, language: Text = None, outlet: Text = None,
                updated_since: Since = None, limit: Limit = 50, cursor: Cursor = None, fmt: ListFormat = "json"):
    db = stores.get()
    filters = Filters(speaker=speaker, q=q, article=article, since=since, until=until, language=language,
                      outlet=outlet, updated_since=_stamp(updated_since))
    return _answer(request, db, "quotes", filters, limit, cursor, fmt)


@router.get("/speakers", summary="Who said what: speakers by number of quotes")
def list_speakers(request: Request, stores: Store, q: Text = None, article: Text = None, since: Day = None,
                  until: Day = None, outlet: Text = None, updated_since: Since = None, limit: Limit = 50,
                  cursor: Cursor = None, fmt: ListFormat = "json"):
    db = stores.get()
    filters = Filters(q=q, article=article, since=since, until=until, outlet=outlet,
                      updated_since=_stamp(updated_since))
    return _answer(request, db, "speakers", filters, limit, cursor, fmt)


@router.get("/events", summary="Events (ACLED types), latest first; GeoJSON and ACLED CSV")
def list_events(request: Request, stores: Store, type: Text = None, sub_type: Text = None, country: Country = None,
                since: Day = None, until: Day = None, bbox: Bbox = None, actor: Text = None, article: Text = None,
                outlet: Text = None, updated_since: Since = None, limit: Limit = 50, cursor: Cursor = None,
                fmt: GeoFormat = "json"):
    db = stores.get()
    filters = _event_filters(type, sub_type, country, since, until, bbox, actor, article, outlet, updated_since)
    return _answer(request, db, "events", filters, limit, cursor, fmt)


@router.get("/timeline", summary="Events per day and type, for the same filters as /api/events")
def timeline(stores: Store, type: Text = None, sub_type: Text = None, country: Country = None, since: Day = None,
             until: Day = None, bbox: Bbox = None, actor: Text = None, article: Text = None, outlet: Text = None):
    db = stores.get()
    filters = _event_filters(type, sub_type, country, since, until, bbox, actor, article, outlet, None)
    return JSONResponse({"items": db.timeline(filters)})


@router.get("/places", summary="Places, grouped across articles, most cited first; GeoJSON")
def list_places(request: Request, stores: Store, q: Text = None, country: Country = None, bbox: Bbox = None,
                article: Text = None, since: Day = None, until: Day = None, outlet: Text = None,
                updated_since: Since = None, limit: Limit = 50, cursor: Cursor = None, fmt: GeoFormat = "json"):
    db = stores.get()
    filters = Filters(q=q, country=_upper(country), bbox=_bbox(bbox), article=article, since=since, until=until,
                      outlet=outlet, updated_since=_stamp(updated_since))
    return _answer(request, db, "places", filters, limit, cursor, fmt)


@router.get("/entities", summary="People, organisations and groups, by number of articles")
def list_entities(request: Request, stores: Store,
                  type: Annotated[str | None, Query(description="person, organization or group")] = None,
                  q: Text = None, article: Text = None, since: Day = None, until: Day = None, outlet: Text = None,
                  updated_since: Since = None, limit: Limit = 50, cursor: Cursor = None, fmt: ListFormat = "json"):
    db = stores.get()
    filters = Filters(entity_type=_entity_type(type), q=q, article=article, since=since, until=until, outlet=outlet,
                      updated_since=_stamp(updated_since))
    return _answer(request, db, "entities", filters, limit, cursor, fmt)


@router.get("/deletions", summary="Articles deleted from the store (for clients syncing with updated_since)")
def list_deletions(request: Request, stores: Store, updated_since: Since = None, limit: Limit = 50,
                   cursor: Cursor = None):
    db = stores.get()
    return _answer(request, db, "deletions", Filters(updated_since=_stamp(updated_since)), limit, cursor, "json")


@router.get("/facets", summary="The values the filters offer, with counts")
def facets(stores: Store):
    db = stores.get()
    return JSONResponse(db.facets())


@router.get("/articles/{article_id}", summary="One article: the full record (schema dateline/1)")
def get_article(stores: Store, article_id: str):
    db = stores.get()
    record = db.record_json(article_id)
    if record is None:
        raise Problem(404, f"no article with id {article_id!r}", "not-found")
    return Response(record, media_type="application/json")


# -- writes ---------------------------------------------------------------------------------------------

@router.post("/articles", status_code=201, summary="Run the pipeline on one document and store it (write token)")
async def add_article(request: Request):
    """Body: a JSON object with ``text`` or ``html`` (and ``url``, ``title``, ``published``, ``outlet``, ``id``)."""
    state = request.app.state
    require_token(request, state.write_token)
    body = await _body(request, state.options.max_file_bytes)
    try:
        obj = json.loads(body)
    except (ValueError, RecursionError):
        raise Problem(400, "the body is not valid JSON", "malformed-json") from None
    if not isinstance(obj, dict):
        raise Problem(400, "the body must be a JSON object with a text or html field", "malformed-json")
    url = obj.get("url")
    if url is not None and not (isinstance(url, str) and re.match(r"(?i)^https?://", url)):
        raise Problem(422, "url must be an http or https URL", "bad-url")
    record = await run_in_threadpool(state.writer.add, obj)
    return JSONResponse(record.to_dict(), status_code=201, headers={"Location": f"/api/articles/{record.id}"})


@router.delete("/articles/{article_id}", status_code=204, summary="Delete one article (write token)")
async def delete_article(request: Request, article_id: str):
    state = request.app.state
    require_token(request, state.write_token)
    if not await run_in_threadpool(state.writer.delete, article_id):
        raise Problem(404, f"no article with id {article_id!r}", "not-found")
    return Response(status_code=204)


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise Problem(413, f"the body is over the {limit} byte limit", "too-large")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Problem(413, f"the body is over the {limit} byte limit", "too-large")
        chunks.append(chunk)
    return b"".join(chunks)


# -- answering ------------------------------------------------------------------------------------------

def _answer(request: Request, db: Database, kind: str, filters: Filters, limit: int, cursor: str | None, fmt: str):
    if fmt == "csv":
        return _csv(request, kind, filters)
    page = db.page(kind, filters, limit=limit, cursor=cursor)
    next_url = _next_url(request, page)
    headers = {"Link": f'<{next_url}>; rel="next"'} if next_url else None
    if fmt == "geojson":
        body = {"type": "FeatureCollection", "features": [_feature(kind, item) for item in page.items
                                                          if item.get("lat") is not None and item.get("lon") is not None],
                "next": page.next, "next_url": next_url}
        return JSONResponse(body, headers=headers, media_type="application/geo+json")
    return JSONResponse({"items": page.items, "next": page.next, "next_url": next_url}, headers=headers)


def _next_url(request: Request, page: Page) -> str | None:
    if not page.next:
        return None
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "cursor"] + [("cursor", page.next)]
    return f"{request.url.path}?{urlencode(params)}"


def _feature(kind: str, item: dict) -> dict:
    properties = {k: v for k, v in item.items() if k not in ("lat", "lon")}
    properties["kind"] = kind[:-1]
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [item["lon"], item["lat"]]},
            "properties": properties}


def _csv(request: Request, kind: str, filters: Filters) -> StreamingResponse:
    """Every matching row, streamed through its own read-only connection (a long export never holds a
    connection that other requests on this thread use)."""
    path = request.app.state.stores.path

    def rows() -> Iterator[str]:
        db = Database(path, readonly=True)
        try:
            yield from _csv_lines(db, kind, filters)
        finally:
            db.close()

    headers = {"Content-Disposition": f'attachment; filename="dateline-{kind}.csv"'}
    return StreamingResponse(rows(), media_type="text/csv; charset=utf-8", headers=headers)


def _csv_lines(db: Database, kind: str, filters: Filters) -> Iterator[str]:
    buffer = _Lines()
    writer = spreadsheet.writer(buffer)
    if kind == "events":
        writer.writerow(ACLED_COLUMNS)
        yield buffer.take()
        now = int(datetime.now(timezone.utc).timestamp())
        record = None
        for item in db.all_rows(kind, filters):
            if record is None or record.id != item["article_id"]:
                record = db.get(item["article_id"])
            if record is not None and item["n"] < len(record.events):
                writer.writerow(acled_row(record, item["n"], now))
                yield buffer.take()
        return
    header = None
    for item in db.all_rows(kind, filters):
        if header is None:
            header = list(item)
            writer.writerow(header)
        writer.writerow([item[k] for k in header])
        yield buffer.take()


class _Lines:
    """A text sink the CSV writer fills and the response drains, row by row."""

    def __init__(self):
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def take(self) -> str:
        text, self.parts = "".join(self.parts), []
        return text


# -- parameters -----------------------------------------------------------------------------------------

def _event_filters(type_, sub_type, country, since, until, bbox, actor, article, outlet, updated_since) -> Filters:
    return Filters(event_type=type_, sub_event_type=sub_type, country=_upper(country), since=since, until=until,
                   bbox=_bbox(bbox), actor=actor, article=article, outlet=outlet, updated_since=_stamp(updated_since))


def _upper(code: str | None) -> str | None:
    return code.upper() if code else None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise Problem(422, "bbox is four numbers: west,south,east,north", "invalid-parameter") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise Problem(422, "bbox is out of range: longitudes in [-180, 180], latitudes in [-90, 90], "
                           "south <= north", "invalid-parameter")
    return west, south, east, north


def _stamp(value: str | None) -> str | None:
    """An ISO date or time, as the store's clock writes it (UTC, microseconds), so comparing them is exact."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace(" ", "+")) if "T" in value else \
            datetime.combine(date.fromisoformat(value), datetime.min.time())
    except ValueError:
        raise Problem(422, "updated_since is an ISO date or time, e.g. 2026-11-30T08:00:00Z",
                      "invalid-parameter") from None
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


_ENTITY_TYPES = {label.rstrip("s"): kind for kind, label in ENTITY_KINDS} | {kind.lower(): kind for kind, _ in ENTITY_KINDS}


def _entity_type(value: str | None) -> str | None:
    if not value:
        return None
    kind = _ENTITY_TYPES.get(value.lower()) or _ENTITY_TYPES.get(value.lower().rstrip("s"))
    if kind is None:
        raise Problem(422, "type is person, organization or group", "invalid-parameter")
    return kind

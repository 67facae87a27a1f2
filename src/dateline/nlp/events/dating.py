"""When an event happened, from its sentence and the article's publication date, with ACLED's time precision.

1 the day is known ("on Wednesday", "Sept. 26", "overnight"); 2 only the week ("last
week": its middle); 3 only the month ("in February": the 15th). Without a
publication date only dates that carry their year can be placed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), start=1)}
_MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
               "nov": 11, "dec": 12, "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
               "juillet": 7, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12}
_MONTH_RE = r"(january|february|march|april|may|june|july|august|september|october|november|december|" \
            r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|" \
            r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY_MONTH = re.compile(rf"\b{_MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+(\d{{4}}))?\b", re.I)
_IN_MONTH = re.compile(rf"\b(?:in|during|early|late|mid-?)\s+{_MONTH_RE}(?:\s+(\d{{4}}))?\b", re.I)
# A date that starts a period ("since the invasion began in February") dates the period, not the event.
_PERIOD_START = re.compile(r"\b(?:since|began|begun|started|start of|beginning of|depuis)\b[^.,;]{0,30}$", re.I)
_WEEKDAY = re.compile(r"\b(?:on |last |this )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                      r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b", re.I)


def event_date(sentence: str, published: str | None) -> tuple[str | None, int | None]:
    """``(YYYY-MM-DD, time_precision)`` for the event told in ``sentence``, or ``(None, None)``."""
    base = _parse_iso(published)
    low = sentence.lower()
    m = _told_when(_DAY_MONTH, sentence)
    if m:
        month, day, year = _month(m.group(1)), int(m.group(2)), m.group(3)
        return _on(base, month, day, year), 1
    m = _told_when(_DAY_FIRST, sentence)
    if m:
        day, month, year = int(m.group(1)), _month(m.group(2)), m.group(3)
        return _on(base, month, day, year), 1
    if base is None:
        return None, None
    if re.search(r"\byesterday\b|\bhier\b", low):
        return (base - timedelta(days=1)).isoformat(), 1
    target = weekday(low)
    if target is not None:
        back = (base.weekday() - target) % 7
        return (base - timedelta(days=back)).isoformat(), 1
    if re.search(r"\blast week(?:end)?\b|\bla semaine dernière\b|\ble week-end dernier\b", low):
        return (base - timedelta(days=7)).isoformat(), 2
    if re.search(r"\bearlier this week\b|\bthis week\b", low):
        return (base - timedelta(days=min(base.weekday(), 3))).isoformat(), 2
    if re.search(r"\blast month\b", low):
        first = base.replace(day=1) - timedelta(days=1)
        return first.replace(day=15).isoformat(), 3
    m = _told_when(_IN_MONTH, sentence)
    if m:
        month = _month(m.group(1))
        year = int(m.group(2)) if m.group(2) else (base.year if month <= base.month else base.year - 1)
        return date(year, month, 15).isoformat(), 3
    return base.isoformat(), 1  # "today", "overnight", or nothing said: the day of the report


def weekday(sentence: str) -> int | None:
    """The day of the week a sentence names (0 Monday), known even when the publication date is not: two events
    told "on Tuesday" and "on Wednesday" are two events."""
    m = _WEEKDAY.search(sentence)
    if not m:
        return None
    day = m.group(1).lower()
    return _WEEKDAYS.index(day) if day in _WEEKDAYS else _WEEKDAYS_FR.index(day)


def _told_when(pattern: re.Pattern, sentence: str) -> re.Match | None:
    return next((m for m in pattern.finditer(sentence) if not _PERIOD_START.search(sentence[max(0, m.start() - 40):m.start()])),
                None)


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return _MONTHS.get(word) or _MONTH_ABBR[word]


def _on(base: date | None, month: int, day: int, year: str | None) -> str | None:
    try:
        if year:
            return date(int(year), month, day).isoformat()
        if base is None:
            return None
        guess = date(base.year, month, day)
        return (guess if guess <= base + timedelta(days=1) else date(base.year - 1, month, day)).isoformat()
    except ValueError:
        return None


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None

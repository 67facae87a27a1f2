"""Publication dates to ISO ``YYYY-MM-DD``, whatever form a source gives them in."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@lru_cache(maxsize=4096)
def iso_date(value: str | None) -> str | None:
    """``'2023-02-19T10:00:00Z'``, ``'Sun, 19 Feb 2023 10:00 GMT'``, ``'19 février 2023'`` → ``'2023-02-19'``."""
    if not value or not value.strip():
        return None
    value = value.strip()
    match = _ISO.match(value)
    if match:
        try:
            return date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    import dateparser  # slow import; only for the non-ISO minority

    parsed = dateparser.parse(value, settings={"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if isinstance(parsed, datetime) else None


_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)|/((?:19|20)\d\d)(\d\d)(\d\d)/")


def date_from_url(url: str | None) -> str | None:
    """The date many news sites put in their article paths: ``/2022/3/25/…``, ``/2021/08/20/…``, ``/20140904/``."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    parts = [p for p in match.groups() if p]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])).isoformat()
    except ValueError:
        return None

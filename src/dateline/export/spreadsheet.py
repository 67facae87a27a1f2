"""CSV that a spreadsheet opens as data: no cell of article text runs as a formula.

A title such as ``=HYPERLINK("http://evil", "click")`` would be a live formula in
Excel or LibreOffice. Per OWASP's CSV-injection advice, a text cell starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe.
Numbers (coordinates, fatalities) are written as numbers and left alone.
"""

from __future__ import annotations

import csv
from typing import Any, Iterable, TextIO

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """``csv.writer`` whose rows are neutralised cell by cell."""

    def __init__(self, out: TextIO):
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(v) for v in row])


def writer(out: TextIO) -> SafeWriter:
    return SafeWriter(out)

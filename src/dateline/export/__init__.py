"""Exporters: records out as JSON Lines, CSV, quotes CSV, GeoJSON (events and places) and ACLED CSV."""

from .writers import FORMATS, write

__all__ = ["FORMATS", "write"]

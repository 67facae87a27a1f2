"""Exporters: records out as JSON Lines or CSV (ACLED and GeoJSON formats come with events)."""

from .writers import FORMATS, write

__all__ = ["FORMATS", "write"]

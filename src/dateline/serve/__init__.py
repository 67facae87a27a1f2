"""The HTTP API and the offline page over a store (``dateline serve``)."""

from .app import create_app

__all__ = ["create_app"]

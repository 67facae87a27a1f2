"""Where records live: SQLite by default."""

from .database import Database, SearchHit

__all__ = ["Database", "SearchHit"]

"""Where records live: SQLite by default."""

from .database import MATCH_END, MATCH_START, Database, SearchHit, SearchSyntaxError

__all__ = ["MATCH_END", "MATCH_START", "Database", "SearchHit", "SearchSyntaxError"]

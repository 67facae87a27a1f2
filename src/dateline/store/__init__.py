"""Where records live: SQLite by default."""

from .database import LISTS, MATCH_END, MATCH_START, Database, NotAStore, SearchHit, SearchSyntaxError
from .listing import CursorError, Filters, Page

__all__ = ["LISTS", "MATCH_END", "MATCH_START", "CursorError", "Database", "Filters", "NotAStore", "Page",
           "SearchHit", "SearchSyntaxError"]

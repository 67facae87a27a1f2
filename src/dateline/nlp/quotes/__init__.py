"""Quotes: who said what. Marks → attribution → speaker resolution → ``Doc._.quotes``."""

from .component import QuoteExtractor, make_quotes
from .extractor import find_quotes
from .marks import QuotedSpan, find_quoted

__all__ = ["QuoteExtractor", "QuotedSpan", "find_quoted", "find_quotes", "make_quotes"]

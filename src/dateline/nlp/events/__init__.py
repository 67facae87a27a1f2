"""Events: ACLED-style records of what happened, where and when. Triggers → place, actors, date → ``Doc._.events``."""

from .component import EventExtractor, make_events
from .extractor import EventFinder

__all__ = ["EventExtractor", "EventFinder", "make_events"]

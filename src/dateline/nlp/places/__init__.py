"""Places: mentions found and resolved to GeoNames coordinates, offline. Gazetteer → recognition → resolution → ``Doc._.places``."""

from .component import PlaceExtractor, make_places
from .extractor import PlaceFinder
from .gazetteer import Gazetteer, build, index_path, open_gazetteer

__all__ = ["Gazetteer", "PlaceExtractor", "PlaceFinder", "build", "index_path", "make_places", "open_gazetteer"]

"""The public record: typed, frozen dataclasses mirroring ``schema/record-v1.json``.

Every extractor returns these, the store persists them and the exporters read
them, so the JSON contract lives in exactly one place. ``to_dict`` drops
nothing (``None`` stays ``null``) so a consumer can rely on every key.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar, Optional

SCHEMA_ID = "dateline/1"

# Entity types the record lists, with their plural label for summaries and CSV columns.
ENTITY_KINDS: tuple[tuple[str, str], ...] = (("PERSON", "people"), ("ORG", "organizations"), ("GROUP", "groups"))


class _Serializable:
    """``to_dict``/``from_dict`` for nested frozen dataclasses (and lists of them)."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _dump(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        hints = typing.get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):
            if f.name in data:
                kwargs[f.name] = _load(hints[f.name], data[f.name])
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, _Serializable):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    return value


def _load(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _load(inner[0], value) if len(inner) == 1 else value
    if origin in (list, tuple):
        (item,) = typing.get_args(hint)[:1]
        return tuple(_load(item, v) for v in value)
    if isinstance(hint, type) and issubclass(hint, _Serializable):
        return hint.from_dict(value)
    return value


@dataclass(frozen=True)
class Mention(_Serializable):
    """A span of ``Record.text``: ``text == record.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Entity(_Serializable):
    """One person, organization or group, once per document, with all its mentions."""

    id: str
    name: str
    type: str
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Quote(_Serializable):
    """What someone said; filled by the quotes extractor."""

    text: str
    start: int
    end: int
    speaker: Optional[str] = None
    speaker_kind: str = "unknown"
    speaker_entity: Optional[str] = None
    speaker_role: Optional[str] = None
    cue: Optional[str] = None
    direct: bool = True
    confidence: float = 0.0
    # Quotes that are one statement share its number: the parts of a quote interrupted by its attribution
    # ("“…,” she said, “…”") and a reported clause with the words it quotes ("said it will “compete”").
    statement: Optional[int] = None
    # How the speaker was found ("cue", "cue-pronoun", "cue-role", "caption", "next-sentence", "narration",
    # "carry-over", "headline"; "none" without a speaker): with ``direct`` and ``speaker_kind``, what the
    # confidence is calibrated on.
    attribution: Optional[str] = None


@dataclass(frozen=True)
class Place(_Serializable):
    """A resolved place with all its mentions; filled by the places extractor."""

    id: str
    name: str
    geonames_id: Optional[int] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    country_code: Optional[str] = None
    admin1: Optional[str] = None
    feature: Optional[str] = None
    geo_precision: Optional[int] = None
    confidence: float = 0.0
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Location(_Serializable):
    name: str
    lat: Optional[float] = None
    lon: Optional[float] = None
    country_code: Optional[str] = None
    place_id: Optional[str] = None


@dataclass(frozen=True)
class Event(_Serializable):
    """An ACLED-style event with the sentence that supports it; filled by the events extractor."""

    event_type: str
    sub_event_type: str
    actor1: Optional[str] = None
    actor2: Optional[str] = None
    location: Optional[Location] = None
    date: Optional[str] = None
    time_precision: Optional[int] = None
    fatalities: Optional[int] = None
    evidence: Optional[Mention] = None
    confidence: float = 0.0
    also_told: tuple[Mention, ...] = ()  # other sentences telling the same event


@dataclass(frozen=True)
class LanguageSpan(_Serializable):
    """A paragraph whose language differs from the document's."""

    start: int
    end: int
    language: str


@dataclass(frozen=True)
class Source(_Serializable):
    path: Optional[str] = None
    url: Optional[str] = None
    outlet: Optional[str] = None


@dataclass(frozen=True)
class Problem(_Serializable):
    """A per-document error or warning: the batch goes on, the user is told why."""

    stage: str
    code: str
    message: str


@dataclass(frozen=True)
class Record(_Serializable):
    """One article: the unit Dateline reads, stores and exports."""

    SCHEMA: ClassVar[str] = SCHEMA_ID

    id: str
    text: str
    schema: str = SCHEMA_ID
    source: Source = field(default_factory=Source)
    language: Optional[str] = None
    paragraph_languages: tuple[LanguageSpan, ...] = ()
    title: Optional[str] = None
    byline: tuple[str, ...] = ()
    published: Optional[str] = None
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    errors: tuple[Problem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        # Schema key first, then the rest in declaration order: easier to read in JSONL.
        return {"schema": data.pop("schema"), **data}

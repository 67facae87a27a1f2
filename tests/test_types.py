import json
from importlib import resources

import jsonschema
import pytest

from dateline.types import Entity, Event, Location, Mention, Place, Problem, Quote, Record, Source


@pytest.fixture(scope="module")
def schema():
    return json.loads(resources.files("dateline.schema").joinpath("record-v1.json").read_text())


def full_record() -> Record:
    text = "Kyiv said Russian forces shelled Kharkiv."
    return Record(
        id="txt-0123456789abcdef", text=text, source=Source(path="a.txt"), language="en", title=None,
        entities=(Entity("org-1", "Russian forces", "ORG", (Mention(10, 24, "Russian forces"),)),),
        quotes=(Quote("Russian forces shelled Kharkiv", 10, 40, "Kyiv", "organization", None, None, "said", False, 0.6),),
        places=(Place("place-1", "Kharkiv", 706483, 49.98, 36.25, "UA", "Kharkiv", "city", 1, 0.9, (Mention(33, 40, "Kharkiv"),)),),
        events=(Event("Explosions/Remote violence", "Shelling/artillery/missile attack", "Military Forces of Russia (2000-)",
                      None, Location("Kharkiv", 49.98, 36.25, "UA", "place-1"), "2023-02-14", 1, 0, Mention(0, 41, text), 0.7),),
        errors=(Problem("decode", "encoding-detected", "decoded as cp1251"),),
    )


def test_record_round_trips_through_dict():
    record = full_record()
    assert Record.from_dict(json.loads(json.dumps(record.to_dict()))) == record


def test_record_validates_against_the_published_schema(schema):
    jsonschema.validate(full_record().to_dict(), schema)


def test_schema_key_comes_first():
    assert next(iter(full_record().to_dict())) == "schema"


def test_schema_rejects_an_invalid_record(schema):
    bad = full_record().to_dict()
    bad["quotes"][0]["speaker_kind"] = "martian"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)

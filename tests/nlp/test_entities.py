"""Entity rules on the seed and on small texts; these need the trained English model."""

import pytest
import spacy

from dateline.nlp import models
from dateline.nlp.entities import find_entities


@pytest.fixture(scope="module")
def nlp():
    return models.load("en")


def names(record_or_doc, kind):
    entities = getattr(record_or_doc, "entities", None) or record_or_doc._.entities
    return {e.name for e in entities if e.type == kind}


def test_entities_seed_people_and_orgs(seed_record):
    people, orgs = names(seed_record, "PERSON"), names(seed_record, "ORG")
    assert {"Vladimir Putin", "Valery", "Adam"} <= people
    assert "franceinfo" in orgs
    assert not {"Grad", "Cossack"} & (people | orgs)


def test_entities_offsets_index_the_record_text(seed_record):
    for entity in seed_record.entities:
        for m in entity.mentions:
            assert seed_record.text[m.start:m.end] == m.text


def test_entities_surname_joins_full_name(nlp):
    doc = nlp("Vladimir Putin spoke on Monday. Later, Putin met the governor of Kherson, Oleksandr Prokudin.")
    (putin,) = [e for e in doc._.entities if e.name == "Vladimir Putin"]
    assert [m.text for m in putin.mentions] == ["Vladimir Putin", "Putin"]


def test_entities_groups_are_found(nlp):
    doc = nlp("Russian forces shelled the village while the Ukrainian army held the bridge.")
    assert {"Russian forces", "Ukrainian army"} <= names(doc, "GROUP")


def test_entities_component_is_registered_and_composes():
    nlp = spacy.blank("en")
    nlp.add_pipe("dateline_entities")
    doc = nlp("No model, no entities, no crash.")
    assert doc._.entities == ()
    assert "doc._.entities" in nlp.analyze_pipes()["summary"]["dateline_entities"]["assigns"]


def test_entities_find_entities_is_a_pure_function(nlp):
    doc = nlp.make_doc("Adam")
    assert find_entities(doc) == ()


def test_entities_rules_can_be_switched_off(nlp):
    from dateline.nlp.entities import RULES

    doc = nlp("Vladimir Putin spoke on Monday. Later, Putin met the governor.")
    without = find_entities(doc, None, frozenset(RULES) - {"partial-names"})
    assert {e.name for e in without if e.type == "PERSON"} == {"Vladimir Putin", "Putin"}

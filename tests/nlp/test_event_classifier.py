"""The sentence encoder (NumPy MiniLM) and the sub-event-type classifier that backs the patterns."""

import numpy as np
import pytest

from dateline.nlp import models
from dateline.nlp.events.classifier import NONE, shared_classifier, training_rows
from dateline.nlp.events.encoder import shared_encoder
from dateline.nlp.events.acled import SubEventType


def test_encoder_matches_sentence_transformers():
    # First six dimensions of all-MiniLM-L6-v2's vectors, computed once with sentence-transformers 6.2.
    reference = {
        "Russian forces shelled Kharkiv overnight, killing two civilians.":
            [0.01464, 0.13766, -0.03167, -0.00167, 0.03436, -0.04782],
        "Protesters marched through the capital on Sunday.":
            [0.1349, 0.0139, 0.02974, -0.00433, 0.08905, 0.06227],
    }
    vectors = shared_encoder().encode(list(reference))
    assert vectors.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    for vector, expected in zip(vectors, reference.values()):
        assert np.allclose(vector[:6], expected, atol=2e-4)


def test_training_set_covers_every_sub_event_type_and_non_events():
    labels = {label for label, _ in training_rows()}
    assert labels - {NONE} == {s.value for s in SubEventType} and NONE in labels


def test_classifier_reads_what_the_patterns_miss():
    guesses = shared_classifier().classify([
        "Air defence crews downed two cruise missiles above the harbour before dawn.",
        "The finance minister presented the new budget to parliament on Monday.",
    ])
    assert guesses[0].sub_event_type == "Disrupted weapons use" and guesses[0].event_probability > 0.5
    assert guesses[1].event_probability < 0.5


@pytest.fixture(scope="module")
def en():
    return models.load("en")


def test_a_brief_the_patterns_miss_gets_the_classifiers_event(en):
    doc = en("Insurgent fighters hit the airport of Kandahar with explosive drones on Sunday, wounding eight travellers.")
    assert [e.sub_event_type for e in doc._.events] == ["Air/drone strike"]
    assert doc._.events[0].confidence == 0.6  # placed (+0.2), found by the classifier (-0.1)
    finder = en.get_pipe("dateline_events").finder
    finder.use_classifier = False
    try:
        assert not finder.find(doc, doc._.places, doc._.entities)
    finally:
        finder.use_classifier = True


def test_the_classifier_adds_no_event_to_news_without_one(en):
    for text in ("Fighter jets flew over the stadium during the opening ceremony of the games.",
                 "Shares in the defence company rose after it won a contract for missiles.",
                 "The president condemned the attack and promised an investigation."):
        assert not en(text)._.events, text


def rules_kind(nlp, text: str) -> str | None:
    """The sub-event type the rules alone give a one-sentence text."""
    from dateline.nlp.events.decide import decide
    from dateline.nlp.events.rules import event_rules
    from dateline.nlp.mentions import mention_filter

    doc = nlp(text)
    reading = event_rules(doc.vocab, nlp.make_doc, "en").read(doc)
    kind = decide(reading, mention_filter(doc.vocab, nlp.make_doc, "en").reading(doc), doc[:])
    return kind.sub_event_type if kind else None


def test_the_classifier_rereads_protest_outcomes(en):
    # "marched to" alone makes it peaceful to the patterns; the rest of the sentence says police broke it up.
    text = "Teachers marched to the ministry, where officers swung batons and scattered them."
    assert rules_kind(en, text) == "Peaceful protest"
    assert [e.sub_event_type for e in en(text)._.events] == ["Protest with intervention"]


def test_held_out_sentences_are_scored_with_and_without_the_classifier():
    from dateline.eval.events import evaluate_sentences

    report = evaluate_sentences()["held_out"]
    assert report["sentences"] >= 40
    assert report["with_classifier"]["weighted_f1"] > report["patterns_only"]["weighted_f1"]


def test_briefs_in_words_the_cue_list_now_covers(en):
    kinds = [[e.sub_event_type for e in doc._.events] for doc in en.pipe([
        "The two armed factions merged into a single movement on Monday.",
        "Villagers found a grave with the bodies of twelve men near the river.",
    ])]
    assert kinds == [["Change to group/activity"], ["Other"]]

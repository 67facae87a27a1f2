"""Quote confidence: the attribution behind it, the calibration table, and accuracy per confidence band."""

import pytest

from dateline.eval.metrics import calibration
from dateline.nlp import models
from dateline.nlp.quotes import calibration as cal
from dateline.nlp.quotes.common import CONFIDENCE


@pytest.fixture(scope="module")
def en():
    return models.load("en")


def test_every_quote_says_how_its_speaker_was_found(en, seed_text):
    quotes = en(seed_text)._.quotes
    assert quotes and all(q.attribution in CONFIDENCE for q in quotes)
    assert {q.attribution for q in quotes} & {"cue", "caption", "next-sentence", "cue-pronoun"}


def test_the_table_is_each_cells_smoothed_share_under_its_parents():
    outcomes = [("cue", True, "person", True)] * 20 + [("cue", False, "organization", False)] * 5
    rows = {(a, d, k): (n, r, c) for a, d, k, n, r, c in cal.build_table(outcomes)}
    top = rows[("cue", "*", "*")]
    assert top[:2] == (25, 20) and top[2] == cal.smoothed(20, 25, CONFIDENCE["cue"])
    assert rows[("cue", 1, "person")][2] > top[2] > rows[("cue", 0, "organization")][2]
    assert 0 < rows[("cue", 0, "organization")][2] < 0.5  # five wrong ones, pulled towards the parent


def test_confidence_falls_back_to_the_rules_prior_without_a_table(monkeypatch):
    monkeypatch.setattr(cal, "_table", lambda: {})
    assert cal.confidence("caption", True, "person") == CONFIDENCE["caption"]
    monkeypatch.setattr(cal, "_table", lambda: {("cue", True, "*"): 0.97, ("cue", None, "*"): 0.88})
    assert cal.confidence("cue", True, "person") == 0.97
    assert cal.confidence("cue", False, "person") == 0.88


def test_calibration_report_gives_accuracy_per_band():
    report = calibration([0.95, 0.95, 0.55, 0.55], [True, True, True, False])
    assert [(b["band"], b["quotes"], b["accuracy"]) for b in report["bands"]] == [("0.5-0.6", 2, 0.5), ("0.9-1.0", 2, 1.0)]
    assert report["expected_calibration_error"] == pytest.approx((0.05 * 2 + 0.05 * 2) / 4, abs=1e-3)

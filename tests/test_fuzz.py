"""The fuzz harness's quick run (CI): 2,000 mutated real texts through reading, cleanup and annotation with
no crash, no timeout and no schema violation. ``make fuzz`` runs 100,000."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.bench.fuzz import make_input, seed_texts
from dateline.ingest import read_data
from dateline.ingest.prepare import prepare
from dateline.settings import Options


@pytest.mark.model
def test_quick_fuzz_run_has_no_crash_timeout_or_schema_violation():
    result = subprocess.run([sys.executable, "-m", "dateline.bench.fuzz", "--inputs", "2000", "--seed", "7"],
                            capture_output=True, text=True, timeout=1200)
    report = json.loads(result.stdout)
    assert report["inputs_tried"] == 2000
    assert (report["crashes"], report["timeouts"], report["schema_violations"]) == (0, 0, 0), report
    assert result.returncode == 0


def test_inputs_are_made_again_from_their_number():
    texts = seed_texts()
    assert make_input(3, 41, texts) == make_input(3, 41, texts)
    assert make_input(3, 41, texts) != make_input(3, 42, texts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=4096))
def test_any_bytes_are_read_and_cleaned_without_raising(data):
    for doc in read_data(data, "any", Options()):
        prepare(doc, Options(language="en"))
        assert doc.ok or doc.error.code


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_is_cleaned_into_text_that_indexes_itself(text):
    docs = list(read_data(text.encode("utf-8", "surrogatepass"), "any.txt", Options(), kind="text"))
    for doc in docs:
        prepare(doc, Options(language="en"))
        if doc.ok:
            assert "\x1b" not in doc.text and len(doc.text) <= Options().max_chars


def test_fuzz_finding_a_warc_response_without_a_target_uri_is_a_malformed_warc():
    """Input 238 of the 100,000-input run (seed 1): byte flips remove WARC-Target-URI and warcio raises
    AttributeError; it is now the file's `malformed-warc` error, not a reader crash."""
    _, data = make_input(1, 238, seed_texts())
    docs = list(read_data(data, "fuzz-238", Options()))
    assert docs and all(d.ok or d.error.code != "reader-crash" for d in docs)

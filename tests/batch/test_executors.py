"""Failure isolation on every executor: a document that kills, blocks, loops in or crashes its worker costs
that document alone, with the reason, and the rest of the batch comes back in order."""

from __future__ import annotations

import json
import time

import pytest

from dateline.batch import annotate, make_executor
from dateline.batch.deadline import DocumentTimeout, time_limit
from dateline.ingest.document import RawDocument
from dateline.settings import Options

from . import faults

pytestmark = pytest.mark.model

GOOD = [
    "Police in Lagos said protesters blocked the main road on Monday, demanding lower fuel prices.",
    "The mayor of Odesa said the port reopened on Friday after repairs to its cranes.",
    "Farmers drove tractors into the centre of Madrid on Tuesday to protest against new rules.",
]


def _docs(*texts: str) -> list[RawDocument]:
    return [RawDocument(origin=f"doc-{i}", text=t) for i, t in enumerate(texts)]


def _run(executor_name: str, texts, **options):
    opts = Options(executor=executor_name, workers=2, batch_size=4, doc_timeout=3, doc_timeout_per_char=0.0001).replace(**options)
    with make_executor(opts, 2, work=faults.faulty_batch) as executor:
        if executor_name == "dask":
            import cloudpickle

            cloudpickle.register_pickle_by_value(faults)  # the Dask workers need not import our tests
        return list(annotate(_docs(*texts), opts, executor=executor))


def _codes(outcomes):
    return [o.error and f"{o.error.stage}/{o.error.code}" for o in outcomes]


@pytest.mark.parametrize("executor_name", ["serial", "processes", "dask"])
def test_a_looping_or_crashing_document_costs_only_itself(executor_name):
    texts = [GOOD[0], f"Officials met. {faults.LOOP}", GOOD[1], f"Officials met. {faults.RAISE}", GOOD[2]]
    outcomes = _run(executor_name, texts)
    assert [o.origin for o in outcomes] == [f"doc-{i}" for i in range(5)]  # input order
    assert _codes(outcomes) == [None, "nlp/timeout", None, "nlp/crash", None]
    assert "RuntimeError: an extractor failed" in outcomes[3].error.message
    assert [o.record.text for o in outcomes if o.ok] == GOOD


@pytest.mark.parametrize("executor_name", ["processes", "dask"])
def test_a_document_that_kills_its_worker_is_named_and_the_batch_goes_on(executor_name):
    texts = [GOOD[0], f"A report. {faults.KILL}", GOOD[1], GOOD[2]]
    outcomes = _run(executor_name, texts)
    assert _codes(outcomes) == [None, "worker/died", None, None]
    assert "doc-1" == outcomes[1].origin and "replaced" in outcomes[1].error.message


def test_a_worker_stuck_in_c_code_is_replaced_at_the_hard_deadline():
    texts = [GOOD[0], f"A report. {faults.BLOCK}", GOOD[1]]
    start = time.monotonic()
    outcomes = _run("processes", texts, doc_timeout=1)
    assert _codes(outcomes) == [None, "nlp/timeout", None]
    assert "worker was stopped" in outcomes[1].error.message
    assert time.monotonic() - start < 120


def test_unreadable_documents_never_reach_a_worker_and_keep_their_place():
    docs = _docs(GOOD[0], "", GOOD[1])
    docs[1].error = None
    from dateline.types import Problem

    docs[1] = RawDocument(origin="bad", error=Problem("decode", "binary", "binary content"))
    opts = Options(executor="serial")
    outcomes = list(annotate(docs, opts))
    assert [o.origin for o in outcomes] == ["doc-0", "bad", "doc-2"]
    assert _codes(outcomes) == [None, "decode/binary", None]


def test_the_time_limit_interrupts_a_python_loop_and_lets_finished_work_stand():
    start = time.monotonic()
    with pytest.raises(DocumentTimeout):
        with time_limit(0.2):
            while True:
                pass
    assert time.monotonic() - start < 2
    with time_limit(5):
        total = sum(range(1000))
    assert total == 499500


def test_every_executor_gives_the_same_records_in_the_same_order(seed_path, tmp_path):
    from dateline.batch import extract

    lines = [{"id": f"n{i}", "text": t, "published": "2024-05-0" + str(i + 1)} for i, t in enumerate(GOOD)]
    (tmp_path / "news.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n{broken\n", encoding="utf-8")
    paths = [str(seed_path), str(tmp_path / "news.jsonl")]
    results = {}
    for name in ("serial", "processes", "dask"):
        outcomes = list(extract(paths, Options(executor=name, workers=2)))
        results[name] = [(o.origin, o.record.to_dict() if o.ok else o.error.code) for o in outcomes]
    assert results["serial"] == results["processes"] == results["dask"]
    assert [origin.rsplit("/", 1)[-1] for origin, _ in results["serial"]] == [
        "franceinfo-bakhmut.txt", "news.jsonl:1", "news.jsonl:2", "news.jsonl:3", "news.jsonl:4"]

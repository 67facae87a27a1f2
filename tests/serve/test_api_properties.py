"""Whatever a client sends in the query string, the API answers 200 or a problem document, never a crash."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.serve import create_app
from dateline.store import Database
from dateline.store.listing import decode_cursor, CursorError
from tests.store.test_listing import article

PARAMS = ["q", "speaker", "type", "sub_type", "country", "since", "until", "bbox", "actor", "article", "outlet",
          "language", "updated_since", "limit", "cursor", "format"]
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
VALUES = st.one_of(ANY_TEXT, st.sampled_from(["2023", "2023-03-05", "UA", "37,48,39,49", "-190,0,10,1", "50",
                                              "0", "geojson", "csv", "\"", "*", "NEAR(", "%", "_", "\x00"]))


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("prop") / "p.db"
    with Database(path) as db:
        for i in range(12):
            db.add_article(article(i))
    with TestClient(create_app(path), raise_server_exceptions=False) as c:
        yield c


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(endpoint=st.sampled_from(["articles", "quotes", "speakers", "events", "timeline", "places", "entities",
                                 "deletions"]),
       params=st.dictionaries(st.sampled_from(PARAMS), VALUES, max_size=5))
def test_any_query_string_gets_an_answer_or_a_problem(client, endpoint, params):
    response = client.get(f"/api/{endpoint}", params=params)
    assert response.status_code in (200, 400, 404, 422), (params, response.text)
    if response.status_code != 200:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["detail"]


@given(st.text(max_size=200))
def test_a_cursor_either_decodes_or_is_a_cursor_error(text):
    try:
        decode_cursor(text, "events", 3)
    except CursorError:
        pass

"""How `dateline eval quotes --polnear` sorts gold attributions into speech constructions (no corpus needed)."""

from dateline.eval.polnear import construction, named


def attribution(cue, content_at=20, cue_at=10, source="Clinton", pronoun=False):
    return {"cue": cue, "content_spans": [[content_at, content_at + 5]], "cue_spans": [[cue_at, cue_at + 4]],
            "source": source, "source_is_pronoun": pronoun}


def test_constructions():
    assert construction(attribution("said")) == "X said (that)"
    assert construction(attribution("said", content_at=0, cue_at=30)) == "..., X said"
    assert construction(attribution("according to")) == "according to X"
    assert construction(attribution("told")) == "X told Y"
    assert construction(attribution("insisted")) == "other cue verbs"
    assert construction(attribution("believes")) is None  # a belief, not speech
    assert construction(attribution(None)) is None


def test_named_sources():
    assert named(attribution("said"))
    assert not named(attribution("said", source="he", pronoun=True))
    assert not named(attribution("said", source=None))
    assert not named(attribution("noted", source="who"))

"""Quotation-mark scanning: every style, apostrophes, broken marks; never crashes on any text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.nlp.quotes.marks import find_quoted


def inner(text):
    return [s.inner(text) for s in find_quoted(text)]


def test_marks_every_style():
    assert inner("He said “yes, we stay” and left.") == ["yes, we stay"]
    assert inner('He said "we stay," then left.') == ["we stay,"]
    assert inner("« Nous restons », a-t-il dit.") == ["Nous restons"]
    assert inner("Er sagte: „Wir bleiben.“ Dann ging er.") == ["Wir bleiben."]
    assert inner("Er sagte: »Wir bleiben.« Gut.") == ["Wir bleiben."]
    assert inner("彼は「ここに残る」と言った。") == ["ここに残る"]


def test_marks_apostrophes_are_not_quotes():
    assert inner("It’s the soldiers’ day, and O’Neil didn’t come.") == []
    assert inner("Troops repelled ‘massive assaults’ near the army’s depot.") == ["massive assaults"]


def test_marks_typewriter_doubles_hold_single_quotes_inside():
    # two apostrophes for a double mark, as the New York Times' archive writes it; a single quote inside, even at
    # the edge (three marks), does not end the quote
    text = ("''The concept of 'together' promotes groupthink,'' Mr. Luntz said. "
            "''We are told, 'Kosovo is special.'" + "''")
    assert inner(text) == ["The concept of 'together' promotes groupthink,", "We are told, 'Kosovo is special.'"]


def test_marks_misoriented_close_and_unclosed_quote():
    text = "“Some of our guys are barely 23. It’s hard.“Many will not return. He sighs."
    assert inner(text) == ["Some of our guys are barely 23. It’s hard."]
    assert inner("“We will hold the line\n\nThe town was quiet.") == ["We will hold the line"]


def test_marks_quote_over_two_paragraphs_and_nested_quote():
    text = "“The first part.\n\n“The second part, with ‘inner’ words,” he said."
    (span,) = find_quoted(text)
    assert span.inner(text).startswith("The first part.") and span.inner(text).endswith("inner’ words,")


def test_marks_mixed_straight_and_curly():
    assert inner("“In my view,\" Petrenko said.") == ["In my view,"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n“”\"'‘’«»„‚「」 ")), max_size=200))
def test_marks_spans_are_ordered_and_inside_the_text(text):
    spans = find_quoted(text)
    previous_end = 0
    for s in spans:
        assert 0 <= s.start < s.inner_start <= s.inner_end <= s.end <= len(text) or not s.closed
        assert s.start >= previous_end
        assert s.inner_end > s.inner_start
        previous_end = s.end


def test_attribute_values_of_markup_left_in_the_text_are_no_quotes():
    text = ('<tweet pic="" author="realDonaldTrump" tweet_id="667777348029292544">I did not.</tweet>\n'
            '"We will win," he said.')
    assert [text[s.inner_start:s.inner_end] for s in find_quoted(text)] == ["We will win,"]

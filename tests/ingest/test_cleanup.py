from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest.cleanup import best_segment, clean, is_chrome, normalise

SEED_CHROME = ["Article written by", "Posted", "Reading time : 1 min.", "listen", "source site-25"]


def test_cleanup_seed_removes_the_boilerplate_lines(seed_text):
    result = clean(seed_text)
    for line in SEED_CHROME:
        assert line not in result.paragraphs
    assert not any("the report by Omar Ouahmane" in p for p in result.paragraphs)
    assert "Valery, Ukrainian soldier" in result.paragraphs  # a caption inside the body stays
    assert result.title.startswith("“Bakhmout is our fortress")
    assert result.text.startswith(result.title + "\n\n")


def test_cleanup_keeps_a_short_body_untouched():
    text = "Storm hits coast\n\nA storm hit the coast on Monday, officials said, and thousands lost power."
    result = clean(text)
    assert result.title == "Storm hits coast"
    assert result.paragraphs == ("A storm hit the coast on Monday, officials said, and thousands lost power.",)


def test_cleanup_drops_menus_and_comment_threads():
    prose = "The council voted on Tuesday to close the bridge for repairs after engineers found cracks in two of its supports."
    text = "\n".join(["Home", "News", "Sport", "Weather", prose, prose.replace("Tuesday", "Monday"), "3 Comments",
                      "Jane on May 3, 2023 at 4:47 pm said:", "I drive over that bridge every day and I had no idea it was so bad, thanks for this."])
    result = clean(text)
    assert "Home" not in result.paragraphs
    assert not any("I drive over" in p for p in result.paragraphs)
    assert prose in result.paragraphs


BODY = [
    "The council voted on Tuesday to close the bridge for repairs after engineers found cracks in two of its supports.",
    "Traffic will be diverted through the old town for at least six weeks, the mayor said at a news conference on Wednesday.",
    "Local businesses said they feared losing customers during the busiest weeks of the year and asked for compensation.",
]


def test_cleanup_cuts_a_list_of_teasers_after_the_article():
    teasers = []
    for k in range(5):
        teasers += [f"Another story about the region number {k}", "By Staff Writer", "Tuesday November 19, 2019",
                    f"A long summary of another story number {k} that reads like prose, with many words in it, and ends like a sentence."]
    result = clean("\n".join(["Bridge closed for repairs"] + BODY + teasers))
    assert list(result.paragraphs) == BODY


def test_cleanup_drops_a_second_copy_and_legal_prose():
    footer = "Copyright 2024 Example Media. All rights reserved. Content on this site may not be reproduced without permission of the owners."
    result = clean("\n".join(["Bridge closed for repairs"] + BODY + ["Share", "Tweet"] + BODY + [footer]))
    assert list(result.paragraphs) == BODY


def test_is_chrome_recognises_french_and_german():
    assert is_chrome("Temps de lecture : 2 min.")
    assert is_chrome("Lesezeit: 3 Min.")
    assert not is_chrome("The posted guards listened to the commander.")


def test_best_segment_finds_maximum_run():
    assert best_segment([-5, 3, 4, -1, 5, -20, 2]) == (1, 5)


@given(st.text(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_cleanup_never_crashes_and_keeps_only_input_lines(text):
    result = clean(text)
    folded = " ".join(normalise(text).split())
    for paragraph in result.paragraphs + ((result.title,) if result.title else ()):
        assert paragraph.strip() and "\n" not in paragraph
        assert paragraph in folded


def test_a_headline_ending_in_a_full_stop_is_the_title_when_it_stands_alone():
    from dateline.ingest.cleanup import clean

    body = ("Tuesday marks four weeks since the Indiana primary, forcing the other candidates out of the race and "
            "leaving the party to come to terms with its nominee.\n\nSecond paragraph of the story, long enough to be "
            "body text that nobody would take for a headline of any kind.")
    assert clean("How Paul Ryan Thinks About Donald Trump.\n\n" + body).title == "How Paul Ryan Thinks About Donald Trump."
    # A one-sentence lead with a dateline, or a first line that runs on into the next, stays body text.
    assert clean("KYIV, Ukraine (AP) — Shelling hit the city overnight.\n\n" + body).title is None
    assert clean("Shelling hit the city overnight, officials said.\n" + body).title is None
    lead = ("Russian forces shelled the eastern city of Kharkiv overnight, killing two people and wounding nine more "
            "in the centre of the city, regional officials said.")
    assert clean(lead + "\n\n" + body).title is None  # over 20 words: a lead paragraph


def test_cleanup_keeps_one_line_paragraphs_that_open_and_close_the_article():
    first = "The bridge will close on Monday."
    last = "Nobody was hurt, the police said."
    result = clean("\n".join(["Bridge closed for repairs", "Home", "News", first] + BODY + [last, "Share", "Tweet"]))
    assert list(result.paragraphs) == [first] + BODY + [last]


def test_cleanup_drops_a_credit_line():
    result = clean("\n".join(["Bridge closed for repairs"] + BODY + ["Fox News' Jane Doe contributed to this report."]))
    assert list(result.paragraphs) == BODY

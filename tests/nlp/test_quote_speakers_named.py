"""Speakers are someone: function words and numbers name no one; an acronym is the name it abbreviates."""

import pytest

from dateline.eval.quotes import speaker_right
from dateline.nlp import models


@pytest.fixture(scope="module")
def de():
    return models.load("de")


def test_an_acronym_and_its_full_name_are_one_speaker():
    assert speaker_right("Democratic National Committee", "the DNC")
    assert speaker_right("the ACLU", "American Civil Liberties Union")
    assert not speaker_right("Donald Trump", "the DNC")


def test_a_phrase_of_function_words_is_no_speaker(de):
    # "Und" stands where a speaker would; the quote is kept (a cue is beside it), its speaker is not "Und".
    doc = de("Das Gericht tagte am Montag. Und dann sagte, es sei „völlig überzogen und falsch“.")
    quotes = doc._.quotes
    assert [q.text for q in quotes] == ["völlig überzogen und falsch"]
    assert quotes[0].speaker != "Und"


@pytest.fixture(scope="module")
def en():
    return models.load("en")


def test_what_a_speaker_called_or_described_something_is_what_they_said(en):
    called = en("Sanders called Trump a pathological liar on Sunday.")._.quotes
    assert [(q.text, q.speaker, q.direct) for q in called] == [("Trump a pathological liar", "Sanders", False)]
    described = en("Clinton described the plan as reckless and dangerous.")._.quotes
    assert [q.text for q in described] == ["the plan as reckless and dangerous"]
    assert not en("The mayor called a meeting for Monday.")._.quotes  # no predicate: an act, not a statement
    mixed = en("Beck called Palin a “clown” on Tuesday.")._.quotes  # the quoted word is part of what was said
    assert [(q.text, q.direct) for q in mixed] == [("Palin a “clown”", False), ("clown", True)]
    assert mixed[0].statement == mixed[1].statement
    # the parser hangs the quoted words on the object: they are still what was said of it
    hung = en("Jeb Bush called the use of executive orders “quite dangerous.” Chris Christie spoke later.")._.quotes
    assert [(q.text, q.direct) for q in hung] == [("the use of executive orders “quite dangerous.”", False),
                                                  ("quite dangerous.", True)]


def test_what_was_asked_for_or_asked_is_what_was_said(en):
    def said(text):
        return [(q.text, q.speaker) for q in en(text)._.quotes]

    assert said("Mike Huckabee called for denying entry to travelers.") == [
        ("denying entry to travelers", "Mike Huckabee")]  # the gerund asked for says nothing of its own
    assert said("Trump called on Clinton to resign from her post.") == [("Clinton to resign from her post", "Trump")]
    assert said("Host John Dickerson asked whether his aim was similar to Kennedy's.") == [
        ("whether his aim was similar to Kennedy's", "John Dickerson")]
    # who asked is unknown (the subject is who was asked): the question is kept with its asker open
    assert said("When asked how he was holding up, Jefferson smiled.") == [("how he was holding up", None)]


def test_respondents_speak_through_the_poll_that_asked_them(en):
    doc = en("In a CNN/ORC International Poll the same month, 38 percent of voters said Mr. Clinton should step down. "
             "A majority of Americans say they prefer lower prices, according to an Associated Press-GfK poll.")
    found = [(q.text, q.speaker, q.speaker_role) for q in doc._.quotes]
    assert found == [("Mr. Clinton should step down", "a CNN/ORC International Poll", "38 percent of voters"),
                     ("they prefer lower prices", "an Associated Press-GfK poll", "A majority of Americans")]
    # with no poll in sight, the share is the speaker as written
    assert en("Half of the residents said the water was unsafe.")._.quotes[0].speaker == "Half of the residents"


def test_particles_prepositions_and_misread_clauses_the_lexicon_licenses(en):
    def said(text):
        return [(q.text, q.speaker) for q in en(text)._.quotes]
    # "+particle:out": "pointed out that" still reports; another particle makes another verb
    assert said("Clinton pointed out that Sanders had voted against the auto bailout in 2009.") == [
        ("Sanders had voted against the auto bailout in 2009", "Clinton")]
    assert not said("Senator Tom Cotton pointed up at the gallery during the long vote.")
    # "+prep:to", "+prep:of": the preposition's object is what was said
    assert said("Senator Susan Collins pointed to the fact that the deficit has grown.") == [
        ("the fact that the deficit has grown", "Susan Collins")]
    assert said("Hillary Clinton warned of a looming crisis in the Middle East.") == [
        ("a looming crisis in the Middle East", "Hillary Clinton")]
    # "called for all candidates to lay out …", parsed as a clause that "for" opens
    assert said("Hillary Clinton also called for all candidates to lay out specifics of their plans.") == [
        ("all candidates to lay out specifics of their plans", "Hillary Clinton")]
    # "reported that the decision … was made": the clause's subject read as the object
    assert said("CBS reported that the decision to tap Merkel as the Person of the Year was made because "
                "Merkel had led Europe.") == [
        ("the decision to tap Merkel as the Person of the Year was made because Merkel had led Europe", "CBS")]


def test_interview_verbs_with_particles_and_a_speaker_after_a_quote_with_no_comma(en):
    doc = en('"Jeb wants to be a tough guy tonight," Trump shot back. "Let me talk."\n\n'
             '"Would it be negotiable about the 11 million?" Hannity pressed.\n\n'
             '"Dr. Carson invited both of us to his house today" the Post\'s senior politics editor Steven Ginsberg '
             'responded.')
    assert [q.speaker for q in doc._.quotes] == ["Trump", "Trump", "Hannity", "Steven Ginsberg"]


def test_a_participle_under_a_preposition_speaks_for_the_verbs_subject(en):
    doc = en("Donald Trump has been undermining confidence in the electoral process by suggesting the November "
             "election may be rigged.")
    assert [(q.text, q.speaker) for q in doc._.quotes] == [("the November election may be rigged", "Donald Trump")]


def test_a_list_the_parser_hung_on_the_cue_stays_in_the_reported_clause(en):
    doc = en("Public health experts said money is desperately needed to develop a vaccine, educate the public and "
             "learn more about the virus.")
    assert [q.text for q in doc._.quotes] == [
        "money is desperately needed to develop a vaccine, educate the public and learn more about the virus"]


def test_they_stands_for_the_plural_subject_named_since_the_last_organization(en):
    doc = en("The Associated Press surveyed delegates this week. Progressive organizations have long opposed the "
             "rules. They believe superdelegates should choose the candidate who won the most pledged delegates.")
    assert [(q.speaker, q.attribution) for q in doc._.quotes] == [("Progressive organizations", "cue-pronoun")]


def test_the_rest_of_a_clause_is_no_speaker(en):
    # "laughs" reads as a cue, and the words before it ("drawing applause and") are no one.
    doc = en('"Governor, let me help you out - the answer is no," the nominee riffed on the non-answer, drawing '
             'applause and laughs from the crowd.')
    assert doc._.quotes and not any(q.speaker and "applause" in q.speaker for q in doc._.quotes)


def test_the_subject_of_the_clause_a_colon_ends_speaks_not_its_recipient(en):
    doc = en('Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message to Trump: "It is time to quit '
             'attacking people and get on message."')
    assert [q.speaker for q in doc._.quotes] == ["Mitch McConnell"]


def test_a_second_speech_verb_joined_to_the_reported_clause_ends_it(en):
    doc = en("Priebus said the Republican Party was not in a crisis, and urged that everyone take a deep breath.")
    assert doc._.quotes[0].text == "the Republican Party was not in a crisis"

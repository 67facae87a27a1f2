"""The corpus mappings behind `dateline eval events --corpora` (no corpus needed)."""

from dateline.eval.event_corpora import muc_deaths, muc_places, muc_types, plover_types, police_labels
from dateline.types import Event


def filler(*fill, ref=None):
    return {"fill": list(fill), "ref": list(ref) if ref else None, "optional": False}


def test_muc_types_follow_the_readme_mapping():
    assert muc_types({"type": "ATTACK", "stage": "ACCOMPLISHED"}) == {"Violence against civilians", "Battles"}
    assert muc_types({"type": "ATTACK", "stage": "ACCOMPLISHED",
                      "instrument_type": [filler("AERIAL BOMB")]}) == {"Explosions/Remote violence"}
    assert muc_types({"type": "BOMBING", "stage": "ATTEMPTED"}) == {"Strategic developments", "Explosions/Remote violence"}
    assert muc_types({"type": "KIDNAPPING", "stage": "THREATENED"}) is None  # ACLED codes no threats


def test_muc_places_and_deaths():
    assert muc_places("EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS DE LA REINA (TOWN)") == [
        "el salvador", "san miguel", "san luis de la reina"]
    incident = {"human_target_number": [filler("6-8", ref=["PEASANTS"]), filler("1", ref=["JUDGE"])],
                "human_target_effect": [filler("DEATH", ref=["PEASANTS"]), filler("INJURY", ref=["JUDGE"])]}
    assert muc_deaths(incident) == 6  # the conservative end of a range; the injured judge is not counted
    assert muc_deaths({"human_target_number": [filler("PLURAL", ref=["X"])],
                       "human_target_effect": [filler("DEATH", ref=["X"])]}) is None


def test_plover_and_police_labels():
    assert plover_types({"event": "DEMAND"}) is None
    assert plover_types({"event": "PROTEST", "mode": "riot"}) == {"Riots"}
    fired = Event("Riots", "Violent demonstration", actor1="Rioters (India)", actor2="Police Forces of India (1999-)",
                  fatalities=2)
    assert police_labels(fired) == {"FORCE", "KILL"}
    assert police_labels(Event("Strategic developments", "Arrests", actor1="Police Forces of India (1999-)")) == {"ARREST"}

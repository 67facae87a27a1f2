"""ACLED's world region for each country code."""

import pytest

from dateline.export.acled import _region, _regions


@pytest.mark.parametrize("code, region", [("UA", "Europe"), ("RU", "Europe"), ("SD", "Northern Africa"),
                                          ("ML", "Western Africa"), ("CD", "Middle Africa"), ("MX", "Central America"),
                                          ("HT", "Caribbean"), ("YE", "Middle East"), ("AM", "Caucasus and Central Asia"),
                                          ("MM", "Southeast Asia"), ("XX", ""), (None, "")])
def test_acled_region_of_a_country(code, region):
    assert _region(code) == region


def test_every_code_has_one_region():
    import itertools
    from dateline.data import data_lines
    codes = list(itertools.chain.from_iterable(line.split("\t")[1].split() for line in data_lines("acled_regions.tsv")))
    assert len(codes) == len(set(codes)) == len(_regions())

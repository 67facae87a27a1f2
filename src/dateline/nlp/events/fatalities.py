"""How many people an event killed, by ACLED's rules: the most conservative figure the sentence gives.

0 when only injuries or nothing are reported, and for strategic developments and protests (unless force
was used on the protesters); 3 when deaths are reported without a number. A list of victims is added
up: "killed a farmer, his son, three neighbours and two others" is 7.
"""

from __future__ import annotations

import re

from .acled import EventType, SubEventType
from .lexicon import DEATHS, DEATHS_FR, DEATHS_UNCOUNTED, NUMBER_WORDS

_LIST_VERB = re.compile(r"\b(?:killed|killing|kills|shot dead|shooting dead|gunned down|executed|massacred|"
                        r"took the lives of|claimed the lives of)\s+")
_LIST_END = re.compile(r"[.;:()\"“”]|\b(?:in|on|at|near|when|as|after|during|while|who|which|that|inside|outside|"
                       r"and wounded|and injured|wounding|injuring)\b")
_ITEM = re.compile(r"(?:at least |more than |over |nearly |some |about |around |as many as |up to )?"
                   r"(?P<n>\d[\d,]*|[a-z]+)\b")
_ONE = frozenset("a an his her one".split())
_NONE_DEAD = re.compile(r"\b(?:no|not|without)\b[^.]{0,20}\b(?:killed|dead|deaths|casualties)")
_ONE_VICTIM = re.compile(r"\b(?:a|an|one)\s+(?:[\w-]+\s+){0,2}(?:man|woman|boy|girl|child|civilian|resident|soldier|"
                         r"officer|policeman|farmer|driver|teenager|pensioner|journalist|worker|youth|person|student|"
                         r"villager|protester|demonstrator)\s+"
                         r"(?:(?:was|has been|had been)\s+(?:killed|shot dead|burnt alive|burned alive)|perished|died|"
                         r"succumbed)\b")
_HURT = re.compile(r"\b(?:wounded|injured|hurt)\b")
# "stabbed a journalist to death", "beat two men to death"
_TO_DEATH = re.compile(r"\b(?:stabbed|shot|beaten|beat|hacked|burned|burnt|tortured|stoned|clubbed|lynched|bludgeoned|"
                       r"hanged|strangled)\s+(?P<n>\d[\d,]*|[a-z]+)\s+(?:[\w-]+\s+){0,3}?to death\b")


def fatalities(sentence: str, event_type: str, sub_event: str = "") -> int:
    if event_type == EventType.STRATEGIC_DEVELOPMENTS or (event_type == EventType.PROTESTS
                                                          and sub_event != SubEventType.EXCESSIVE_FORCE):
        return 0
    low = sentence.lower()
    numbers = []
    for m in [*DEATHS.finditer(low), *DEATHS_FR.finditer(low)]:
        value = _number(m.group("n1") or m.group("n2") or "")
        if value is not None:
            numbers.append(value)
    for m in _TO_DEATH.finditer(low):
        value = 1 if m.group("n") in _ONE or m.group("n") == "the" else _number(m.group("n"))
        if value is not None:
            numbers.append(value)
    listed = _victims(low)
    if listed is not None:
        numbers.append(listed)
    if not numbers and _ONE_VICTIM.search(low):
        numbers.append(1)  # "a 65-year-old man was killed"
    if numbers:
        return min(numbers) if len(set(numbers)) > 1 and max(numbers) > 2 * min(numbers) else max(numbers)
    if DEATHS_UNCOUNTED.search(low) and not _NONE_DEAD.search(low):
        return 3  # deaths reported without a number, small attack
    return 0


def _victims(low: str) -> int | None:
    """The people a killing verb names, added up: "killed 9 guards and one driver" is 10, "shot and
    killed a motorist" is 1. None when the object is not a countable list ("killed civilians")."""
    best = None
    for verb in _LIST_VERB.finditer(low):
        tail = low[verb.end():verb.end() + 120]
        end = _LIST_END.search(tail)
        items = re.split(r",\s*(?:and\s+)?|\s+and\s+", tail[:end.start() if end else len(tail)])
        total = 0
        for item in items:
            m = _ITEM.match(item.strip())
            count = 1 if m and m.group("n") in _ONE else _number(m.group("n")) if m else None
            if count is None or _HURT.search(item):
                break
            total += count
        if total:
            best = total if best is None else max(best, total)
    return best


def _number(raw: str) -> int | None:
    raw = raw.replace(",", "").replace(" ", "")
    return int(raw) if raw.isdigit() else NUMBER_WORDS.get(raw)

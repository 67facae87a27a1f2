"""Sentences that tell more of an event already told: where it happened ("The raid happened outside Gao, on
the road to Ansongo"), or how ("A mine went off … during the evening raid").

Wire copy often opens with the country ("a raid on a patrol in eastern Mali") and names the town a few
sentences later, in a sentence that reports no new event, only the scene of one already told. Such a sentence
refines the place of the latest event of a matching kind whose own sentence named no town.
"""

from __future__ import annotations

import re

from .acled import EventType

_B, _R, _C = EventType.BATTLES, EventType.REMOTE_VIOLENCE, EventType.VIOLENCE_AGAINST_CIVILIANS

# "The assault, which witnesses said lasted hours, took place outside Kidal": a definite event noun, then a
# verb of happening within the same sentence.
_SCENE = re.compile(
    r"^\W*(?:the|this|that|today['’]s|sunday['’]s|monday['’]s|tuesday['’]s|wednesday['’]s|thursday['’]s|"
    r"friday['’]s|saturday['’]s)\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z]+?)s?\b[^.;]{0,120}?\b(?:occurred|happened|"
    r"took place|unfolded|was carried out|were carried out|was staged|broke out|erupted)\b", re.I)

# Which events a noun can refer back to.
_NOUN_TYPES = {
    **dict.fromkeys("attack assault raid incident killing killings massacre".split(), (_B, _C, _R)),
    **dict.fromkeys("ambush clash fighting battle gunfight firefight skirmish".split(), (_B,)),
    **dict.fromkeys("blast explosion bombing strike airstrike shelling bombardment".split(), (_R,)),
    **dict.fromkeys("protest rally demonstration march sit-in".split(), (EventType.PROTESTS, EventType.RIOTS)),
    **dict.fromkeys("riot unrest".split(), (EventType.RIOTS,)),
}


def scene_types(sentence: str) -> tuple[str, ...]:
    """The event types a sentence of the form "the <event> took place near X" can refer to; () if it is not one."""
    m = _SCENE.search(sentence)
    if not m:
        return ()
    return _NOUN_TYPES.get(m.group("noun").lower(), ())


# "in the attack", "during the ambush", "the assault began with": a definite event noun that points back.
_BACK = re.compile(r"\b(?:in|during|after|of|as part of)\s+(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:attack|ambush|"
                   r"assault|raid|offensive|operation|exchange of fire|clash(?:es)?|firefight|gunfight|shoot-?out)\b", re.I)
# "Two soldiers were also killed": deaths on top of the ones already counted.
_ALSO = re.compile(r"\balso\b[^.]{0,30}\b(?:killed|died|dead)\b|\b(?:killed|died)\b[^.]{0,30}\balso\b", re.I)


def more_deaths(sentence: str) -> bool:
    """Whether a sentence adds deaths to those already told ("Two soldiers were also killed")."""
    return bool(_ALSO.search(sentence))


def refers_back(sentence: str) -> bool:
    """Whether a sentence details an attack already told ("… a mine went off during the evening raid")."""
    return bool(_BACK.search(sentence))

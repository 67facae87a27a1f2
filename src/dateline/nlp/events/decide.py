"""From matches to an ACLED sub-event type: the codebook's decision rules, in one place.

Matching (``rules``) says which triggers a sentence holds; the mention filter (``nlp.mentions``) says which
of them report something that happened. This step picks the sentence's kind: the first trigger, by
priority, that passes both the filter and its type's conditions (an armed party for a battle, a
perpetrator for an attack on civilians…), then applies the codebook's rules on outcome and actors:

* outcome: an attack foiled by killing the attackers was a fight (Armed clash), not a disrupted attack;
* territory: who took the place decides the sub-type (state forces regain, others overtake);
* interception: the defender is actor 1, the side whose weapon was stopped actor 2 (in ``extractor``);
* weapon: a strike whose weapon the sentence does not name joins a strike named elsewhere (``weapon_named``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from ..mentions import MentionCues
from .acled import EventType, SubEventType
from .rules import RuleReading


@dataclass(frozen=True)
class Kind:
    """What a sentence reports: its sub-event type, whether it names the weapon, and who read it."""

    sub_event_type: SubEventType
    weapon_named: bool = True
    by_classifier: bool = False
    trigger: str | None = None  # the rule's id, when the rules read it

    @property
    def event_type(self) -> EventType:
        return self.sub_event_type.event_type


def decide(reading: RuleReading, cues: MentionCues | None, sentence: Span) -> Kind | None:
    """The sentence's kind by the rules, or None when no trigger in it reports an event."""
    present = reading.lexicons_in(sentence)
    for trigger, span in reading.triggers_in(sentence):
        if cues is not None and cues.why_not(span, sentence) is not None:
            continue
        sub = trigger.sub_event_type
        if not reading.rules.allowed(sub, present):
            continue
        if trigger.id == "foiled" and "killing" in present:
            sub = SubEventType.ARMED_CLASH  # the attackers were killed: a fight
        return Kind(sub, trigger.weapon_named, trigger=trigger.id)
    return None


def territory_by_actor(sub: SubEventType, actor1: str | None) -> SubEventType:
    """ACLED codes a change of territory by who gained it: state forces regain, anyone else overtakes."""
    if sub.territorial and actor1:
        return (SubEventType.GOVERNMENT_REGAINS_TERRITORY if actor1.startswith("Military Forces")
                else sub)
    return sub

"""From matches to an ACLED sub-event type: the codebook's decision rules, in one place.

Matching (``rules``) says which triggers a sentence holds; the mention filter (``nlp.mentions``) says which
of them report something that happened. This step picks the sentence's kind: the first trigger, by
priority, that passes both the filter and its type's conditions (an armed party for a battle, a
perpetrator for an attack on civilians…), then applies the codebook's rules on outcome and actors:

* outcome: an attack foiled by killing the attackers was a fight (Armed clash), not a disrupted attack;
* target: force used on protesters is an intervention (excessive when it kills or wounds), on a stone-throwing
  mob or rioters a riot, on armed men a clash, on unarmed civilians an attack;
* territory: who took the place decides the sub-type (state forces regain, others overtake);
* interception: the defender is actor 1, the side whose weapon was stopped actor 2 (in ``extractor``);
* launcher: a missile fired from an aircraft or a drone is an air strike, from the ground a missile attack;
* engagement: grenades thrown in a gunfight are part of a fight (Armed clash), not a grenade attack;
* weapon: a strike whose weapon the sentence does not name joins a strike named elsewhere (``weapon_named``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
    span: Span | None = field(default=None, compare=False)  # the words that matched it
    decided: bool = False  # a codebook rule changed the trigger's sub-event type (the classifier knows no such rule)

    @property
    def event_type(self) -> EventType:
        return self.sub_event_type.event_type


# Pronouns that leave who acted to the sentence before: "they started pelting stones", "we are fighting hard here".
_AGENT_PRONOUNS = frozenset({"they", "them", "we", "us"})


def decide(reading: RuleReading, cues: MentionCues | None, sentence: Span, before: Span | None = None) -> Kind | None:
    """The sentence's kind by the rules, or None when no trigger in it reports an event. ``before``: the sentence
    before it in its paragraph, whose words say who "they" or "we" are when the type's conditions ask for a party
    (a crowd for a riot, an armed party for a battle)."""
    present = reading.lexicons_in(sentence)
    for trigger, span in reading.triggers_in(sentence):
        if cues is not None and cues.why_not(span, sentence) is not None:
            continue
        sub = trigger.sub_event_type
        if trigger.decided_by is not None:
            sub = _DECISIONS[trigger.decided_by](sub, present)
        if not (reading.rules.allowed(sub, present) or _party_before(reading, sub, present, sentence, before)):
            continue
        return Kind(sub, trigger.weapon_named, trigger=trigger.id, span=span,
                    decided=sub is not trigger.sub_event_type or trigger.codebook)
    return None


def _party_before(reading: RuleReading, sub: SubEventType, present: frozenset[str], sentence: Span, before: Span | None) -> bool:
    """Whether the sentence before, in the same paragraph, names the party "they" or "we" stand for, so that the
    type's conditions hold."""
    return (before is not None and any(t.lower_ in _AGENT_PRONOUNS for t in sentence)
            and reading.rules.allowed(sub, present | reading.lexicons_in(before)))


def by_outcome(sub: SubEventType, present: frozenset[str]) -> SubEventType:
    """An attack foiled by killing the attackers was a fight."""
    return SubEventType.ARMED_CLASH if "killing" in present else sub


def by_target(sub: SubEventType, present: frozenset[str]) -> SubEventType:
    """Force is coded by whom it was used on."""
    if "protest_crowd" in present:
        return SubEventType.EXCESSIVE_FORCE if "lethal_outcome" in present else SubEventType.PROTEST_WITH_INTERVENTION
    if present & {"rioters", "mob", "stones"}:
        return SubEventType.VIOLENT_DEMONSTRATION
    if "civilians" in present and not {"armed_opponent", "security_forces"} <= present:
        return SubEventType.ATTACK  # unarmed people shot at, not caught in a fight between armed sides
    return sub


def by_launcher(sub: SubEventType, present: frozenset[str]) -> SubEventType:
    """A missile or rocket fired from an aircraft or a drone is an air strike; from the ground, a missile attack."""
    return SubEventType.AIR_DRONE_STRIKE if present & {"aircraft", "drones"} else sub


def by_engagement(sub: SubEventType, present: frozenset[str]) -> SubEventType:
    """A weapon used while the sides also shoot at each other is part of an armed clash."""
    return SubEventType.ARMED_CLASH if "gunfire" in present else sub


_DECISIONS = {"outcome": by_outcome, "target": by_target, "launcher": by_launcher, "engagement": by_engagement}


def territory_by_actor(sub: SubEventType, actor1: str | None) -> SubEventType:
    """ACLED codes a change of territory by who gained it: state forces regain, anyone else overtakes."""
    if sub.territorial and actor1:
        return (SubEventType.GOVERNMENT_REGAINS_TERRITORY if actor1.startswith("Military Forces")
                else sub)
    return sub

"""ACLED's event taxonomy as one table: 3 disorder families, 6 event types, 25 sub-event types.

Members are ``StrEnum``s whose values are ACLED's spellings, so a record still says
``"Armed clash"`` and a rule file names a sub-event type by that spelling; code compares members,
never bare strings, and a typo in a rule file fails when the file is loaded.
"""

from __future__ import annotations

from enum import StrEnum


class Disorder(StrEnum):
    POLITICAL_VIOLENCE = "Political violence"
    DEMONSTRATIONS = "Demonstrations"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"


class EventType(StrEnum):
    BATTLES = "Battles"
    REMOTE_VIOLENCE = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC_DEVELOPMENTS = "Strategic developments"

    @property
    def disorder(self) -> Disorder:
        return _DISORDER[self]

    @property
    def violent(self) -> bool:
        """Armed violence, where actors, fatalities and places of attack matter (not riots: crowds)."""
        return self in VIOLENT_TYPES


class SubEventType(StrEnum):
    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_ACTOR_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    BASE_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"

    @property
    def event_type(self) -> EventType:
        return _EVENT_TYPE[self]

    @property
    def territorial(self) -> bool:
        """A change of who controls a place: needs a place as its object."""
        return self in (SubEventType.GOVERNMENT_REGAINS_TERRITORY, SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY)


_S, _E = SubEventType, EventType
_EVENT_TYPE = {
    **dict.fromkeys((_S.ARMED_CLASH, _S.GOVERNMENT_REGAINS_TERRITORY, _S.NON_STATE_ACTOR_OVERTAKES_TERRITORY),
                    _E.BATTLES),
    **dict.fromkeys((_S.CHEMICAL_WEAPON, _S.AIR_DRONE_STRIKE, _S.SUICIDE_BOMB, _S.SHELLING, _S.REMOTE_EXPLOSIVE,
                     _S.GRENADE), _E.REMOTE_VIOLENCE),
    **dict.fromkeys((_S.SEXUAL_VIOLENCE, _S.ATTACK, _S.ABDUCTION), _E.VIOLENCE_AGAINST_CIVILIANS),
    **dict.fromkeys((_S.PEACEFUL_PROTEST, _S.PROTEST_WITH_INTERVENTION, _S.EXCESSIVE_FORCE), _E.PROTESTS),
    **dict.fromkeys((_S.VIOLENT_DEMONSTRATION, _S.MOB_VIOLENCE), _E.RIOTS),
    **dict.fromkeys((_S.AGREEMENT, _S.ARRESTS, _S.CHANGE_TO_GROUP, _S.DISRUPTED_WEAPONS_USE, _S.BASE_ESTABLISHED,
                     _S.LOOTING, _S.NON_VIOLENT_TRANSFER, _S.OTHER), _E.STRATEGIC_DEVELOPMENTS),
}
_DISORDER = {
    _E.BATTLES: Disorder.POLITICAL_VIOLENCE, _E.REMOTE_VIOLENCE: Disorder.POLITICAL_VIOLENCE,
    _E.VIOLENCE_AGAINST_CIVILIANS: Disorder.POLITICAL_VIOLENCE, _E.PROTESTS: Disorder.DEMONSTRATIONS,
    _E.RIOTS: Disorder.DEMONSTRATIONS, _E.STRATEGIC_DEVELOPMENTS: Disorder.STRATEGIC_DEVELOPMENTS,
}
VIOLENT_TYPES = frozenset({_E.BATTLES, _E.REMOTE_VIOLENCE, _E.VIOLENCE_AGAINST_CIVILIANS})
# How grave a crowd event is: a protest met with tear gas, or that turned violent, is one event of the gravest.
CROWD_GRAVITY = {_S.PEACEFUL_PROTEST: 0, _S.PROTEST_WITH_INTERVENTION: 1, _S.EXCESSIVE_FORCE: 2,
                 _S.VIOLENT_DEMONSTRATION: 3, _S.MOB_VIOLENCE: 3}


def disorder_type(sub_event_type: SubEventType | str) -> str:
    """ACLED's disorder_type column; excessive force against protesters belongs to two families."""
    sub = SubEventType(sub_event_type)
    if sub is SubEventType.EXCESSIVE_FORCE:
        return f"{Disorder.POLITICAL_VIOLENCE}; {Disorder.DEMONSTRATIONS}"
    return str(sub.event_type.disorder)

"""Sentences labelled with ACLED sub-event types, read off MUC-3/4's incident templates (public domain).

A MUC template names an incident's targets and instruments with the words of the text ("JESUIT PRIESTS",
"DYNAMITE"), not the sentence that tells it. A sentence of the message that holds one of those strings and a
word of its kind ("KIDNAPPED", "DYNAMITE") tells that incident: it takes the incident's
sub-event type under the codebook (a kidnapping is an abduction, a bombing a remote explosive, an attack on
soldiers or police a clash, on anyone else an attack on civilians). Threats are not events: a sentence that
tells a threatened incident is a "none" example, as are sentences of relevant messages that name no incident
and hold no word of violence. Only the tune half of MUC (even message numbers) is read: the test half
scores the result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..eval.corpus import read_jsonl
from ..eval.event_corpora import MUC_REMOTE_INSTRUMENTS, events_folder, in_part, muc_number
from ..nlp.events.acled import SubEventType

NONE = "none"
_S = SubEventType
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"A-Z\[])")
# "SAN SALVADOR, 3 JAN 90 (CANAL DOCE TELEVISION) -- [REPORT] [...] [TEXT]": where and from whom, no sentence
_HEADER = re.compile(r"^[^\n]{0,200}? -- ")
_TAG = re.compile(r"\[[^\]]{0,80}\]")  # [TEXT], [BEGIN RECORDING], [HANDAL, MEMBER OF …]
_COMBATANTS = {"ACTIVE MILITARY", "LAW ENFORCEMENT", "SECURITY GUARD"}
# A sentence tells an incident in the words of its kind, not only by naming its target.
_TELLS = {
    "KIDNAPPING": re.compile(r"\b(?:KIDNAP\w*|ABDUCT\w*|HOSTAGES?|CAPTIVE|HELD)\b"),
    "BOMBING": re.compile(r"\b(?:BOMB\w*|EXPLO\w*|DYNAMITE|BLASTS?|BLEW UP|DETONAT\w*|DEVICES?)\b"),
    "ATTACK": re.compile(r"\b(?:KILL\w*|MURDER\w*|SHOT|SHOOTING|ASSASSINAT\w*|ATTACK\w*|WOUND\w*|MACHINEGUN\w*|"
                         r"GUNFIRE|MASSACRE\w*|AMBUSH\w*|FIRED|DEAD|DIED|BODIES|BODY|GRENADE\w*|MORTAR\w*|ROCKET\w*)\b"),
    "ARSON": re.compile(r"\b(?:BURN\w*|FIRE|TORCH\w*|ARSON\w*)\b"),
    "ROBBERY": re.compile(r"\b(?:ROB\w*|STOLE\w*|STEAL\w*|LOOT\w*|ASSAULTED)\b"),
}
_MAX_PER_INCIDENT = 2
_MIN_WORDS, _MAX_WORDS = 6, 60


def muc_sub_event_type(incident: dict) -> SubEventType | None:
    """The ACLED sub-event type of an accomplished or attempted MUC incident; None for what ACLED does not code."""
    kind, stage = incident.get("type"), incident.get("stage")
    instruments = [f["fill"][0] for f in incident.get("instrument_type") or []]
    if stage == "THREATENED" or kind == "FORCED WORK STOPPAGE":
        return None
    if kind == "BOMBING":
        return _S.DISRUPTED_WEAPONS_USE if stage == "ATTEMPTED" else next(
            (MUC_REMOTE_INSTRUMENTS[i] for i in instruments if i in MUC_REMOTE_INSTRUMENTS), _S.REMOTE_EXPLOSIVE)
    if kind == "KIDNAPPING":
        return _S.ABDUCTION
    if kind in ("ARSON", "ROBBERY"):
        return _S.LOOTING
    if kind == "ATTACK" and stage == "ACCOMPLISHED":
        remote = next((MUC_REMOTE_INSTRUMENTS[i] for i in instruments if i in MUC_REMOTE_INSTRUMENTS), None)
        if remote is not None:
            return remote
        targets = {f["fill"][0] for f in incident.get("human_target_type") or []}
        return _S.ARMED_CLASH if targets and targets <= _COMBATANTS else _S.ATTACK
    return None


def _anchors(incident: dict) -> set[str]:
    """The strings the template quotes from the text for the incident's targets and instruments."""
    slots = ("human_target", "physical_target", "instrument")
    return {fill for slot in slots for filler in incident.get(slot) or [] for fill in filler["fill"] if len(fill) > 3}


def sentences_of(text: str) -> list[str]:
    body = _TAG.sub(" ", _HEADER.sub("", text, count=1))
    return [" ".join(s.split()) for paragraph in body.split("\n\n") for s in _SENTENCE_END.split(paragraph)
            if _MIN_WORDS <= len(s.split()) <= _MAX_WORDS and not s.rstrip().endswith("?")]


def labelled_sentences(messages: Iterable[dict], violent: "callable") -> Iterator[tuple[str, str]]:
    """``(label, sentence)`` pairs from MUC messages; ``violent(sentence)`` tells a sentence with a word of
    violence in it."""
    for message in messages:
        sentences = sentences_of(message["text"])
        incidents = message["gold"]["incidents"]
        told: set[int] = set()
        for incident in incidents:
            anchors = _anchors(incident)
            if not anchors:
                continue
            sub = muc_sub_event_type(incident)
            if sub is None and incident.get("stage") != "THREATENED":
                continue
            tells = _TELLS.get(incident.get("type"))
            hits = [k for k, s in enumerate(sentences) if k not in told and any(a in s for a in anchors)
                    and tells is not None and tells.search(s)][:_MAX_PER_INCIDENT]
            for k in hits:
                told.add(k)
                yield (sub.value if sub is not None else NONE), sentences[k]
        if incidents:
            named = {a for incident in incidents for a in _anchors(incident)}
            for k, s in enumerate(sentences):
                if k not in told and not violent(s) and not any(a in s for a in named):
                    yield NONE, s
                    break  # one plain sentence per message: enough to say what is not an event


def tune_messages(folder: Path | None = None) -> list[dict]:
    path = (folder or events_folder() / "muc34") / "muc34-dev.jsonl"
    return [m for m in read_jsonl(path) if in_part(muc_number(m["id"]), "tune")]

"""The classifier's reading of a text, beside the rules': events they miss, sub-types words decide worst.

Mixed into ``EventFinder``. In English only: where the rules find no event in a text, the classifier may
find one (the lede's sentence it is surest of); it rereads the rules' protest and riot sentences, and every
event of a short report, and overrules the rules when it is sure. Every kind it gives must still meet the
conditions of its type in the rule file (``EventRules.allowed``).
"""

from __future__ import annotations

from spacy.tokens import Span

from ..mentions import MentionCues
from .acled import EventType, SubEventType
from .classifier import shared_classifier
from .decide import Kind
from .rules import RuleReading
from .sentences import told_as_history

# The classifier speaks only when it is sure enough (``classifier.Thresholds``: P(event), P(sub-event type));
# in a brief of a few sentences less certainty is asked.
_BRIEF_SENTENCES = 3
# In longer texts, the classifier rereads only the families whose sub-types depend on outcome and context.
_REREAD_TYPES = frozenset({EventType.PROTESTS, EventType.RIOTS})
_LEDE_SENTENCES = 5  # where it looks for an event the rules missed
_MAX_ASKED = 2  # sentences per text: its cost is a few milliseconds each
_MAX_CHARS = 600  # longer "sentences" are lists or run-on text, not a report of one event
CLASSIFIER_DOUBT = 0.1  # taken off the confidence of an event whose type the classifier gave


class ClassifierReading:
    def _classified(self, sentences: list[Span], latest_year: int, reading: RuleReading,
                    cues: MentionCues | None) -> list[Kind | None]:
        """When the rules find no event in a whole English text, the embedding classifier may: the one
        sentence it is most sure reports an event, if it is sure enough. A short report ("the militants
        attacked the airport with drones") is often told in words no pattern lists; in a long article
        whose events the rules found, the other violent sentences mostly retell them."""
        kinds: list[Kind | None] = [None] * len(sentences)
        if self.language != "en" or not self.use_classifier:
            return kinds
        # News tells its events first: the lede's few violent sentences are enough to read (and cheap).
        asked = [i for i, sent in enumerate(sentences[:_LEDE_SENTENCES])
                 if _worth_classifying(sent, reading, cues) and not told_as_history(sent.text, latest_year)][:_MAX_ASKED]
        if not asked:
            return kinds
        classifier = shared_classifier()
        guesses = classifier.classify([sentences[i].text for i in asked])
        best, guess = max(zip(asked, guesses), key=lambda pair: pair[1].event_probability * pair[1].probability)
        # A brief of a few sentences that speaks of violence reports it far more often than a long article
        # whose violent sentences no pattern reads, which are mostly background: briefs need less certainty.
        brief = len(sentences) <= _BRIEF_SENTENCES
        kind = Kind(SubEventType(guess.sub_event_type), by_classifier=True)
        limits = classifier.thresholds
        if (guess.event_probability >= limits.event(brief) and guess.probability >= limits.type(guess.sub_event_type, brief)
                and _allowed(kind, sentences[best], reading)):
            kinds[best] = kind
        return kinds

    def _reread(self, sentences: list[Span], kinds: list[Kind | None], reading: RuleReading) -> list[Kind | None]:
        """A second opinion on the rules' sub-event type where words alone say least — whether a protest was
        met with force, whether a crowd turned violent — and on every event of a short report; the classifier
        overrules the rules when it is confident, but not a codebook decision (``Kind.decided``) it cannot make."""
        if self.language != "en" or not self.use_classifier:
            return kinds
        brief = len(sentences) <= _BRIEF_SENTENCES
        asked = [i for i, k in enumerate(kinds)
                 if k is not None and not k.decided and (brief or k.event_type in _REREAD_TYPES)][:_MAX_ASKED]
        if not asked:
            return kinds
        kinds = list(kinds)
        classifier = shared_classifier()
        limits = classifier.thresholds
        for i, guess in zip(asked, classifier.classify([sentences[i].text for i in asked])):
            kind = Kind(SubEventType(guess.sub_event_type), by_classifier=True)
            if kind.sub_event_type is kinds[i].sub_event_type:
                continue
            if kind.event_type is kinds[i].event_type is EventType.REMOTE_VIOLENCE and kinds[i].weapon_named:
                continue  # the rules read the weapon's name ("guided bomb"): no other weapon is likelier
            # it overrules the rules when it is as sure as it must be to speak in a long article
            if (guess.probability >= limits.type(guess.sub_event_type, False)
                    and guess.event_probability >= limits.event(True) and _allowed(kind, sentences[i], reading)):
                kinds[i] = kind
        return kinds


def _allowed(kind: Kind, sentence: Span, reading: RuleReading) -> bool:
    return reading.rules.allowed(kind.sub_event_type, reading.lexicons_in(sentence))


def _worth_classifying(sentence: Span, reading: RuleReading, cues: MentionCues | None) -> bool:
    """A sentence that speaks of conflict (its first such word not denied, planned or asked about: the first verb
    among them when there is one, for "the militants were planning to attack" tells its act by the verb)."""
    if len(sentence.text) > _MAX_CHARS:
        return False
    starts = reading.starts("conflict_cue", sentence)
    if not starts:
        return False
    doc = sentence.doc
    first = next((k for k in starts if doc[k].pos_ == "VERB"), starts[0])
    return cues is None or cues.why_not(doc[first:first + 1], sentence) is None

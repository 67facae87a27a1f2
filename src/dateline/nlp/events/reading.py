"""The classifier's reading of a text, beside the patterns': events they miss, sub-types words decide worst.

Mixed into ``EventFinder``. In English only: where the patterns find no event in a text, the classifier may
find one (the lede's sentence it is surest of); it rereads the patterns' protest and riot sentences, and every
event of a short report, and overrules the patterns when it is sure. Every kind it gives must still pass the
context checks of the patterns (``EventFinder._in_context``).
"""

from __future__ import annotations

from spacy.tokens import Span

from .classifier import shared_classifier
from .lexicon import ADVICE, CONFLICT_CUES, EVENT_TYPE_OF
from .sentences import lower, told_as_history

# The classifier (set with the dev set in view) speaks only when it is sure enough: P(event), P(sub-event type);
# in a brief of a few sentences less certainty is asked, and it overrules the patterns above OVERRULE_THRESHOLD.
EVENT_THRESHOLD = 0.8
TYPE_THRESHOLD = 0.5
BRIEF_EVENT_THRESHOLD = 0.5
BRIEF_TYPE_THRESHOLD = 0.2
OVERRULE_THRESHOLD = 0.5
_BRIEF_SENTENCES = 3
# In longer texts, the classifier rereads only the families whose sub-types depend on outcome and context.
_REREAD_TYPES = frozenset({"Protests", "Riots"})
_LEDE_SENTENCES = 5  # where it looks for an event the patterns missed
_MAX_ASKED = 2  # sentences per text: its cost is a few milliseconds each
CLASSIFIER_DOUBT = 0.1  # taken off the confidence of an event whose type the classifier gave


class ClassifierReading:
    def _classified(self, sentences: list[Span], latest_year: int) -> list[tuple[str, str] | None]:
        """When the patterns find no event in a whole English text, the embedding classifier may: the one
        sentence it is most sure reports an event, if it is sure enough. A short report ("the militants
        attacked the airport with drones") is often told in words no pattern lists; in a long article
        whose events the patterns found, the other violent sentences mostly retell them."""
        kinds: list[tuple[str, str] | None] = [None] * len(sentences)
        if self.language != "en" or not self.use_classifier:
            return kinds
        # News tells its events first: the lede's few violent sentences are enough to read (and cheap).
        asked = [i for i, sent in enumerate(sentences[:_LEDE_SENTENCES])
                 if self._worth_classifying(sent.text) and not told_as_history(sent.text, latest_year)][:_MAX_ASKED]
        if not asked:
            return kinds
        guesses = shared_classifier().classify([sentences[i].text for i in asked])
        best, guess = max(zip(asked, guesses), key=lambda pair: pair[1].event_probability * pair[1].probability)
        # A brief of a few sentences that speaks of violence reports it far more often than a long article
        # whose violent sentences no pattern reads, which are mostly background: briefs need less certainty.
        brief = len(sentences) <= _BRIEF_SENTENCES
        kind = (EVENT_TYPE_OF[guess.sub_event_type], guess.sub_event_type)
        if guess.event_probability >= (BRIEF_EVENT_THRESHOLD if brief else EVENT_THRESHOLD) and guess.probability >= (
                BRIEF_TYPE_THRESHOLD if brief else TYPE_THRESHOLD) and self._in_context(*kind, lower(sentences[best].text)):
            kinds[best] = kind
        return kinds

    def _reread(self, sentences: list[Span], kinds: list[tuple[str, str] | None]) -> list[tuple[str, str] | None]:
        """A second opinion on the patterns' sub-event type where words alone say least — whether a protest was
        met with force, whether a crowd turned violent — and on every event of a short report; the classifier
        overrules the patterns when it is confident."""
        if self.language != "en" or not self.use_classifier:
            return kinds
        brief = len(sentences) <= _BRIEF_SENTENCES
        asked = [i for i, k in enumerate(kinds) if k is not None and (brief or k[0] in _REREAD_TYPES)][:_MAX_ASKED]
        if not asked:
            return kinds
        kinds = list(kinds)
        for i, guess in zip(asked, shared_classifier().classify([sentences[i].text for i in asked])):
            kind = (EVENT_TYPE_OF[guess.sub_event_type], guess.sub_event_type)
            if kind[0] == kinds[i][0] == "Explosions/Remote violence" and not kinds[i][1].endswith("(unspecified)"):
                continue  # the patterns read the weapon's name ("guided bomb"): no other weapon is likelier
            if (guess.probability >= OVERRULE_THRESHOLD and guess.event_probability >= BRIEF_EVENT_THRESHOLD
                    and self._in_context(*kind, lower(sentences[i].text))):
                kinds[i] = kind
        return kinds

    def _worth_classifying(self, sentence: str) -> bool:
        low = lower(sentence)
        cue = CONFLICT_CUES.search(low)
        if cue is None or low.endswith("?") or ADVICE.search(low) or len(low) > 600:
            return False
        return not self.rules.negated.search(low[:cue.start()])

"""Whether a mention reports something that happened, or only names it: one filter for events and quotes.

"No group said it carried out the attack", "Russia denied shelling the town", "rebels threatened to seize
the airport", "a 2015 peace agreement": each names an event that the sentence does not report. The same
holds for speech: "he did not say", "she declined to comment". Two readings decide, both from data
(``data/mentions/<language>.json``): cue words shortly before the mention within its clause (robust when the
parse is wrong), and the parse (a negated verb, a verb of planning or denial governing the mention's clause).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..data import data_json

_SENTENCE_CUES = ("advice",)


def negated(token: Token) -> bool:
    """A verb with a negation of its own: "did not say", "never fired"."""
    return any(c.dep_ == "neg" for c in token.children)


def governed_by(token: Token, lemmas: frozenset[str], depth: int = 3) -> Token | None:
    """The verb of ``lemmas`` whose complement clause holds ``token`` ("planned to attack", "denied that it
    shelled"), climbing at most ``depth`` clause links."""
    for _ in range(depth):
        if token.dep_ not in ("xcomp", "ccomp", "advcl", "pcomp") or token.head is token:
            return None
        token = token.head
        if token.lemma_.lower() in lemmas:
            return token
    return None


def unasserted(token: Token, governors: dict[str, frozenset[str]] | None = None) -> str | None:
    """Why the parse puts this verb out of the real ("negated", or the class of the verb of planning, refusal
    or denial whose complement holds it: "declined to say", "denied shelling"), or None."""
    if negated(token):
        return "negated"
    if governors is None:
        governors = _governors(token.doc.lang_)
    for kind, lemmas in governors.items():
        if governed_by(token, lemmas) is not None:
            return kind
    return None


def anchor(span: Span) -> Token:
    """The verb a mention hangs on: the root of its span, or the verb above a noun ("no attack was reported")."""
    token = span.root
    for _ in range(2):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            break
        token = token.head
    return token


@dataclass(frozen=True)
class MentionFilter:
    """One language's cues; ``reading(doc)`` finds them in a document once, for every mention in it."""

    language: str
    matcher: Matcher  # token patterns
    phrases: PhraseMatcher  # phrase patterns: far cheaper to match
    sentence_matcher: PhraseMatcher
    windows: dict[str, int]
    barriers: frozenset[str]
    governors: dict[str, frozenset[str]]
    habitual_tags: frozenset[str] = frozenset()
    subordinators: dict[str, frozenset[str]] = field(default_factory=dict)  # class -> words marking such a clause
    failures: frozenset[str] = frozenset()  # lemmas of verbs that say their subject came to nothing

    def reading(self, doc: Doc) -> "MentionCues":
        strings = doc.vocab.strings
        found = sorted([(end, strings[key]) for key, _, end in self.matcher(doc)]
                       + [(end, strings[key]) for key, _, end in self.phrases(doc)])
        advice = sorted(start for _, start, _ in self.sentence_matcher(doc))
        barriers = [t.i for t in doc if t.text in self.barriers]
        return MentionCues(self, doc, found, advice, barriers)


@dataclass(frozen=True)
class MentionCues:
    filter: MentionFilter
    doc: Doc
    cues: list[tuple[int, str]]  # (end token, class), by end
    advice: list[int]  # starts of advice phrases
    barriers: list[int]

    def why_not(self, mention: Span, sentence: Span) -> str | None:
        """Why ``mention`` is not a report of a real event ("negated", "denied", "irrealis", "earlier",
        "background", "habitual", "question", "advice", "failed"), or None when it is one."""
        if sentence.text.rstrip().endswith("?"):
            return "question"
        k = bisect_right(self.advice, sentence.start - 1)
        if k < len(self.advice) and self.advice[k] < sentence.end:
            return "advice"
        start = mention.start
        # The nearest cues ending before the mention, within its sentence and clause.
        i = bisect_right(self.cues, (start, "\uffff"))
        barrier = self._last_barrier(start)
        while i > 0:
            i -= 1
            end, kind = self.cues[i]
            if end <= max(sentence.start, barrier):
                break
            if start - end <= self.filter.windows[kind]:
                return kind
        if self._habitual(mention.root, sentence):
            return "habitual"
        verb = anchor(mention)
        if self._failed(verb):
            return "failed"
        return self._subordinate(verb) or unasserted(verb, self.filter.governors)

    def _failed(self, token: Token) -> bool:
        """"Talks on a truce collapsed", "the ceasefire broke down": what a verb of failure says of its subject
        did not happen."""
        verb = token.head if token.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") else token
        lemma = verb.lemma_.lower()
        particle = next((c.lower_ for c in verb.children if c.dep_ in ("prt", "compound:prt")), None)
        return verb.pos_ in ("VERB", "AUX") and (lemma in self.filter.failures
                                                  or f"{lemma} {particle}" in self.filter.failures)

    def _subordinate(self, token: Token) -> str | None:
        """The class of the subordinate clause holding ``token`` ("since the president sent troops"), if any:
        the clause's own verb, or one it governs ("since X launched a crackdown, sending troops"), bears the mark."""
        for _ in range(4):
            for kind, words in self.filter.subordinators.items():
                if any(c.dep_ == "mark" and c.lower_ in words for c in token.children):
                    return kind
            if token.head.i == token.i:
                break
            token = token.head
        return None

    def _habitual(self, verb: Token, sentence: Span) -> bool:
        """"The group that massacres civilians": the present simple of a body sentence (headlines tell past
        events in the present: "Russia shells Kharkiv")."""
        return (verb.tag_ in self.filter.habitual_tags and sentence.text.rstrip()[-1:] in ".!"
                and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))

    def _last_barrier(self, start: int) -> int:
        k = bisect_right(self.barriers, start - 1)
        return self.barriers[k - 1] if k else -1


@lru_cache(maxsize=None)
def _governors(language: str) -> dict[str, frozenset[str]]:
    data = data_json("mentions", f"{language}.json") or {}
    return {kind: frozenset(lemmas) for kind, lemmas in data.get("governors", {}).items()}


@lru_cache(maxsize=None)
def mention_filter(vocab: Vocab, make_doc, language: str) -> MentionFilter | None:
    """The filter for ``language`` on this vocabulary (built once), or None for a language without cues."""
    return _build(vocab, make_doc, language)


def _build(vocab: Vocab, make_doc, language: str) -> MentionFilter | None:
    data = data_json("mentions", f"{language}.json")
    if data is None:
        return None
    matcher = Matcher(vocab)
    phrases = PhraseMatcher(vocab, attr="LOWER")
    windows = {}
    for kind, spec in data["classes"].items():
        tokens = [p for p in spec["patterns"] if not isinstance(p, str)]
        if tokens:
            matcher.add(kind, tokens)
        phrases.add(kind, [make_doc(p) for p in spec["patterns"] if isinstance(p, str)])
        windows[kind] = int(spec["window"])
    sentence_matcher = PhraseMatcher(vocab, attr="LOWER")
    for kind in _SENTENCE_CUES:
        sentence_matcher.add(kind, [make_doc(p) for p in data.get("sentence", {}).get(kind, ())])
    governors = _governors(language)
    return MentionFilter(language, matcher, phrases, sentence_matcher, windows, frozenset(data["barriers"]), governors,
                         frozenset(data.get("habitual_tags", ())),
                         {kind: frozenset(words) for kind, words in data.get("subordinators", {}).items()},
                         frozenset(data.get("failures", ())))

"""The event rules of one language, read from ``data/events/<language>.json`` into spaCy matchers.

Triggers are spaCy ``Matcher`` patterns (token patterns, or phrases matched on lower case, as spaCy's
``EntityRuler`` takes them), each labelled with an ACLED sub-event type and tried in the file's order of
priority. Lexicons are named word lists: a token pattern names one with ``{"LOWER": {"IN": "@name"}}``, and the
conditions (``requires``, ``unless``) name those whose words a sentence must, or must not, hold. A rule file
with an unknown sub-event type, an unknown lexicon, or a multi-word entry where one token is meant fails
when it is loaded, not when a sentence happens to need it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.matcher import DependencyMatcher, Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from ...data import data_json
from .acled import EventType, SubEventType


# The codebook rules a trigger may defer its sub-event type to (implemented in ``decide``).
DECISIONS = ("target", "outcome", "launcher", "engagement")
# The lexicon of amounts an object may come through: "fired dozens of rockets", "a salvo of missiles".
AMOUNT_LEXICON = "amount"


class RuleFileError(ValueError):
    """A rule file that cannot be read as rules."""


@dataclass(frozen=True)
class Trigger:
    id: str
    sub_event_type: SubEventType
    weapon_named: bool = True  # False: a strike whose weapon the sentence does not name
    decided_by: str | None = None  # the codebook rule that sets the sub-event type from the sentence (``decide``)
    codebook: bool = False  # the codebook's own rule ("intercepted missiles are disrupted weapons use"): final


@dataclass(frozen=True)
class EventRules:
    language: str
    triggers: tuple[Trigger, ...]  # by priority
    patterns: tuple["TokenPattern", ...]  # every trigger's token patterns, one matcher each
    phrases: PhraseMatcher  # every trigger's phrase patterns (key: its index, as a string)
    lexicons: PhraseMatcher  # match key: the lexicon's name
    requires: dict[str, tuple[str, ...]]  # event type or sub-event type -> lexicons, one of which must occur
    unless: dict[str, tuple[str, ...]]  # ... -> lexicons none of which may occur
    # The token patterns to try on a sentence holding a word (each pattern filed under its most telling token's
    # words), and those no word tells.
    by_word: dict[str, tuple[int, ...]] = field(default_factory=dict)
    unanchored: tuple[int, ...] = ()
    # Every trigger's acts (a verb and what it acts on, on lemmas and the parse), each with the words it needs.
    acts: tuple["Act", ...] = ()

    def read(self, doc: Doc, sentences=None) -> "RuleReading":
        """Every lexicon word and trigger phrase in ``doc``, and each token pattern in the sentences that hold a
        word for every token it needs: token patterns with gaps cost far more than word lists, and most
        sentences can match none of them."""
        strings = doc.vocab.strings
        words = sorted((start, strings[key]) for key, start, _ in self.lexicons(doc))
        found = [(int(strings[key]), start, end) for key, start, end in self.phrases(doc)]
        spans = [doc[:]] if sentences is None else sentences
        cued = []
        for span in spans:
            present = {t.lower_ for t in span}
            filed = set(self.unanchored).union(*(self.by_word.get(w, ()) for w in present))
            chosen = [self.patterns[k] for k in sorted(filed) if self.patterns[k].may_match(present)]
            acts = []
            if self.acts:
                present |= {t.lemma_ for t in span}
                labels = {t.ent_type_ for t in span}
                acts = [act.matcher for act in self.acts if act.may_match(present, labels)]
            if chosen or acts:
                cued.append(span)
            # A matcher given a span answers in the span's offsets.
            found += [(pattern.trigger, span.start + start, span.start + end)
                      for pattern in chosen for _, start, end in pattern.matcher(span)]
            found += [(int(strings[key]), span.start + min(ids), span.start + max(ids) + 1)
                      for matcher in acts for key, ids in matcher(span)]
        return RuleReading(self, doc, sorted(set(found)), words, cued)  # a verb matched by lemma and by form: once

    def allowed(self, sub_event_type: SubEventType, present: frozenset[str]) -> bool:
        """Whether a sentence holding the lexicons ``present`` may report an event of this sub-event type."""
        for key in (sub_event_type.value, sub_event_type.event_type.value):
            needed = self.requires.get(key)
            if needed and not present.intersection(needed):
                return False
            if present.intersection(self.unless.get(key, ())):
                return False
        return True


@dataclass(frozen=True)
class TokenPattern:
    """One token pattern of a trigger, with the words of each token it cannot match without."""

    trigger: int  # the trigger's index
    matcher: Matcher
    needs: tuple[frozenset[str], ...]  # per required token, its words (lower case); fewest first

    def may_match(self, present: set[str]) -> bool:
        return all(not words.isdisjoint(present) for words in self.needs)


@dataclass(frozen=True)
class Act:
    """One act of a trigger, compiled: a dependency pattern is costly, so it is only tried on sentences that hold
    one of its verbs and one of its things (words, or an entity of its labels)."""

    matcher: DependencyMatcher  # match key: its trigger's index
    verbs: frozenset[str]  # lemmas and regular forms
    things: frozenset[str]  # lemmas or words; empty: the verb alone
    labels: frozenset[str] = frozenset()

    def may_match(self, present: set[str], labels: set[str]) -> bool:
        return (not self.verbs.isdisjoint(present)
                and (not (self.things or self.labels) or not self.things.isdisjoint(present)
                     or not self.labels.isdisjoint(labels)))


@dataclass(frozen=True)
class RuleReading:
    rules: EventRules
    doc: Doc
    triggers: list[tuple[int, int, int]]  # (priority, start, end), by priority then position
    words: list[tuple[int, str]]  # (start token, lexicon)
    cued: list[Span]  # the sentences some trigger's token patterns were looked for in

    def triggers_in(self, sentence: Span) -> list[tuple[Trigger, Span]]:
        return [(self.rules.triggers[k], self.doc[s:e]) for k, s, e in self.triggers
                if sentence.start <= s and e <= sentence.end]

    def lexicons_in(self, sentence: Span) -> frozenset[str]:
        return frozenset(name for _, name in self._words_in(sentence))

    def first(self, lexicon: str, sentence: Span) -> int | None:
        """The first token of ``sentence`` that begins a word of ``lexicon``."""
        return next(iter(self.starts(lexicon, sentence)), None)

    def starts(self, lexicon: str, sentence: Span) -> list[int]:
        """Every token of ``sentence`` that begins a word of ``lexicon``, in order."""
        return [start for start, name in self._words_in(sentence) if name == lexicon]

    def _words_in(self, sentence: Span) -> list[tuple[int, str]]:
        return self.words[bisect_left(self.words, (sentence.start, "")):bisect_left(self.words, (sentence.end, ""))]


def inflections(word: str) -> set[str]:
    """A word and its regular English inflections, over-generated on purpose: a form no text uses costs nothing,
    a form missed loses a match ("attack" → attacks, attacked, attacking; "rally" → rallies, rallied)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def _expand(entry: str) -> set[str]:
    """``"attack~"`` → its inflections; in a phrase only the last word is inflected (``"armed group~"``)."""
    if not entry.endswith("~"):
        return {entry}
    head, _, last = entry[:-1].rpartition(" ")
    return {f"{head} {form}".strip() for form in inflections(last)}


def _needs(pattern: list[dict]) -> list[list[str]]:
    """The words of each token a pattern cannot match without: a required token that names its words."""
    needs = []
    for token in pattern:
        if token.get("OP") not in (None, "+", "{1}"):
            continue
        value = token.get("LOWER")
        words = [value] if isinstance(value, str) else value.get("IN") if isinstance(value, dict) else None
        if words:
            needs.append(list(words))
    return needs


def _anchor(pattern: list[dict], vocab) -> list[str] | None:
    """The words of the most telling token a pattern cannot match without (a required token whose words are
    no stop words, the fewest of them), or None when it has none."""
    telling = [words for words in _needs(pattern) if not any(vocab[w].is_stop for w in words)]
    return min(telling, key=len) if telling else None


@dataclass(frozen=True)
class ParseLabels:
    """How the language's parser labels what acts need (a rule file's "parse"): spaCy's English scheme names
    objects "dobj" and hangs "of" between an amount and its noun, UD (French) names them "obj" and hangs the
    noun from the amount ("des dizaines de missiles")."""

    active_objects: tuple[str, ...]  # "gunmen killed five farmers"
    passive_subjects: tuple[str, ...]  # "a cache was seized"
    subjects: tuple[str, ...]  # "a bomb exploded"
    amount_of: str | None  # the word between an amount and its noun as the parser links them, or None (UD)

    @classmethod
    def from_data(cls, data: dict) -> "ParseLabels":
        return cls(tuple(data["active_objects"]), tuple(data["passive_subjects"]), tuple(data["subjects"]),
                   data.get("amount_of"))


def _act_patterns(act: dict, things: list[dict], amounts: list[str], parse: ParseLabels) -> list[list[dict]]:
    """DependencyMatcher patterns for one act: each verb (a lemma, with its particle: "take back") by its lemma
    or by its regular forms (the lemmatizer misreads some: "raping" → "rap"), with what it acts on or who acts
    (``things``: token attributes, one of which it must meet). An object hangs from the verb directly ("seized
    a cache", "a cache was seized") or through an amount ("fired dozens of rockets"); a subject ("a bomb
    exploded") directly. With no things, the verb alone. A noun the verb only describes ("a city captured by
    the army") is left out: that is how places and people are introduced, not how events are told."""
    subject = "subjects" in act
    # "active": the object of an active verb only ("gunmen killed five farmers"; "five people were killed" names no one who did it)
    object_deps = list(parse.active_objects) + ([] if act.get("active") else list(parse.passive_subjects))
    patterns = []
    by_particle: dict[str, list[str]] = {}  # one pattern for all the verbs that share a particle (or none)
    for entry in act["verbs"]:
        lemma, _, particle = entry.partition(" ")
        by_particle.setdefault(particle, []).append(lemma)
    for particle, lemmas in by_particle.items():
        forms = sorted(_regular_forms(lemmas))
        for verb in ({"LEMMA": {"IN": lemmas}, "POS": "VERB"}, {"LOWER": {"IN": forms}, "POS": "VERB"}):
            tail = ([{"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "particle", "RIGHT_ATTRS": {"LOWER": particle}}]
                    if particle else [])
            head = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": verb}] + tail
            if not things:
                patterns.append(head)
            for thing in things:
                if subject:
                    patterns.append(head + [{"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subject",
                                             "RIGHT_ATTRS": {**thing, "DEP": {"IN": list(parse.subjects)}}}])
                    continue
                patterns.append(head + [{"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object",
                                         "RIGHT_ATTRS": {**thing, "DEP": {"IN": object_deps}}}])
                amount = {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "amount",
                          "RIGHT_ATTRS": {"LOWER": {"IN": amounts}, "DEP": {"IN": object_deps}}}
                if parse.amount_of:
                    patterns.append(head + [amount, {"LEFT_ID": "amount", "REL_OP": ">", "RIGHT_ID": "of",
                                                     "RIGHT_ATTRS": {"LOWER": parse.amount_of}},
                                            {"LEFT_ID": "of", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": thing}])
                else:
                    patterns.append(head + [amount, {"LEFT_ID": "amount", "REL_OP": ">", "RIGHT_ID": "object",
                                                     "RIGHT_ATTRS": {**thing, "DEP": "nmod"}}])
    return patterns


def _act_things(act: dict, single_words, where: str) -> tuple[list[dict], frozenset[str]]:
    """The token attributes an act's object or subject may have — lemmas listed, words of a lexicon ("@name"),
    or named-entity labels ("entities": a place taken is often only a name) — and the words among them."""
    listed = act.get("subjects", act.get("objects"))
    words = single_words(listed.removeprefix("@"), where) if isinstance(listed, str) else list(listed or ())
    things = [{"LOWER" if isinstance(listed, str) else "LEMMA": {"IN": words}}] if words else []
    if act.get("entities"):
        things.append({"ENT_TYPE": {"IN": act["entities"]}})
    return things, frozenset(words)


def _act_forms(act: dict) -> set[str]:
    """The words a sentence must hold for an act to match in it: its verbs' lemmas and regular forms."""
    return _regular_forms(entry.partition(" ")[0] for entry in act["verbs"])


def _regular_forms(lemmas) -> set[str]:
    return {form for lemma in lemmas for form in inflections(lemma)}


def _one_token(word: str, make_doc) -> bool:
    """Whether the tokenizer keeps ``word`` whole: alone, or before a word as elisions are ("l'" in "l'armée")."""
    return len(make_doc(word)) == 1 or make_doc(word + "x")[0].text == word


@lru_cache(maxsize=None)
def event_rules(vocab, make_doc, language: str) -> EventRules | None:
    """The rules of ``language`` compiled for this vocabulary (once), or None for a language without rules."""
    data = data_json("events", f"{language}.json")
    return compile_rules(data, vocab, make_doc, language) if data is not None else None


def compile_rules(data: dict, vocab, make_doc, language: str) -> EventRules:
    lexicons = {name: sorted({form.lower() for entry in entries for form in _expand(entry)})
                for name, entries in data["lexicons"].items()}

    def single_words(name: str, where: str) -> list[str]:
        if name not in lexicons:
            raise RuleFileError(f"{language}: {where} names an unknown lexicon {name!r}")
        longer = [w for w in lexicons[name] if not _one_token(w, make_doc)]
        if longer:
            raise RuleFileError(f"{language}: lexicon {name!r}, used for one token in {where}, holds {longer[:3]}")
        return lexicons[name]

    def resolve(value, where: str):
        if isinstance(value, str) and value.startswith("@"):
            return single_words(value[1:], where)
        if isinstance(value, dict):
            return {k: resolve(v, where) for k, v in value.items()}
        return value

    token_patterns: list[TokenPattern] = []
    by_word: dict[str, list[int]] = {}
    unanchored: list[int] = []
    acts = []
    parse = ParseLabels.from_data(data["parse"]) if "parse" in data else None
    trigger_phrases = PhraseMatcher(vocab, attr="LOWER")  # phrases: far cheaper to match than token patterns
    triggers = []
    for index, rule in enumerate(data["triggers"]):
        try:
            sub = SubEventType(rule["sub_event_type"])
        except ValueError:
            raise RuleFileError(f"{language}: trigger {rule.get('id')!r} has an unknown sub-event type "
                                f"{rule.get('sub_event_type')!r}") from None
        where = f"trigger {rule['id']!r}"
        patterns = [[resolve(token, where) for token in p] for p in rule["patterns"] if not isinstance(p, str)]
        phrases = [make_doc(p) for p in rule["patterns"] if isinstance(p, str)]
        for pattern in patterns:
            matcher = Matcher(vocab)
            matcher.add(str(index), [pattern])
            anchor = _anchor(pattern, vocab)
            for word in anchor or ():
                by_word.setdefault(word, []).append(len(token_patterns))
            if anchor is None:
                unanchored.append(len(token_patterns))
            needs = sorted((frozenset(words) for words in _needs(pattern)), key=len)
            token_patterns.append(TokenPattern(index, matcher, tuple(needs)))
        if phrases:
            trigger_phrases.add(str(index), phrases)
        if rule.get("acts") and parse is None:
            raise RuleFileError(f"{language}: {where} has acts, but the file names no parse labels")
        for act in rule.get("acts", ()):
            things, words = _act_things(act, single_words, where)
            matcher = DependencyMatcher(vocab)
            matcher.add(str(index), _act_patterns(act, things, single_words(AMOUNT_LEXICON, where), parse))
            acts.append(Act(matcher, frozenset(_act_forms(act)), words, frozenset(act.get("entities", ()))))
        decided_by = rule.get("decided_by")
        if decided_by is not None and decided_by not in DECISIONS:
            raise RuleFileError(f"{language}: {where} is decided by an unknown rule {decided_by!r}")
        triggers.append(Trigger(rule["id"], sub, rule.get("weapon_named", True), decided_by, rule.get("codebook", False)))

    phrases = PhraseMatcher(vocab, attr="LOWER")
    for name, words in lexicons.items():
        phrases.add(name, [make_doc(w) for w in words])
    known_keys = {t.value for t in SubEventType} | {t.value for t in EventType}
    conditions = {}
    for section in ("requires", "unless"):
        table = {}
        for key, names in data.get(section, {}).items():
            if key not in known_keys:
                raise RuleFileError(f"{language}: {section} names an unknown event type {key!r}")
            for name in names:
                if name not in lexicons:
                    raise RuleFileError(f"{language}: {section}[{key!r}] names an unknown lexicon {name!r}")
            table[key] = tuple(names)
        conditions[section] = table
    return EventRules(language, tuple(triggers), tuple(token_patterns), trigger_phrases, phrases,
                      conditions["requires"], conditions["unless"], {w: tuple(ids) for w, ids in by_word.items()},
                      tuple(unanchored), tuple(acts))

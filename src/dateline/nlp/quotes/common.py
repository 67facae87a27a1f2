"""What the quote finders share: the found-quote record, constants, and small span helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Span, Token

from .speakers import Speaker

_TERMINAL = frozenset(".!?…")
# Languages whose press writes dialogue as dash-led lines.
_DIALOGUE_LANGUAGES = frozenset("fr es it pt ru uk pl".split())
# Languages that leave a known subject out ("«…», añadió."): a cue with no subject speaks for the person last
# named as a subject, as a pronoun would.
_PRO_DROP = frozenset("es it pt ar ru uk".split())
_RELATIVE = frozenset("""who whom which that whose qui que dont lequel laquelle after before when as while quien quienes
    который которая которые котором який яка які""".split())
_DASHES = frozenset("-–—")
_SHORT_WORDS = 4
# A quote nobody is said to have said must be this long to count (titles, slogans, scare quotes).
_UNATTRIBUTED_MIN_WORDS = 8
_MAX_FRAME = 40
_SUBJECT = ("nsubj", "nsubjpass", "nsubj:pass")
_WORD = re.compile(r"\w+")
# Words that end a speaker phrase in text without a parse ("sagte Müller am Montag").
_PHRASE_STOP = frozenset("""am im in auf bei vor nach mit zu zur zum gegenüber laut über während dass daß heute gestern
    en el la a ante tras según que в на по что že that on at in after before у під що під після з із зі
    журналістам журналистам виданню изданию
    في من إلى على عن خلال أمام مع بعد قبل أن إن عبر""".split())
# Confidence by the kind of evidence that attributed the quote.
CONFIDENCE = {"cue": 0.9, "cue-pronoun": 0.8, "cue-role": 0.75, "caption": 0.8, "next-sentence": 0.7,
              "narration": 0.55, "carry-over": 0.6, "headline": 0.7, "none": 0.3}


@dataclass
class Found:
    start: int
    end: int
    direct: bool
    speaker: Speaker | None
    cue: str | None
    how: str
    part_of: "Found | None" = None  # the statement this is a part of (an interrupted quote, a mixed quote)

    def statement(self) -> "Found":
        root = self
        while root.part_of is not None:
            root = root.part_of
        return root


def unreported_sentences(finder, min_words: int, direct_too: bool) -> Iterator[list[Token]]:
    """The words of each sentence of ``finder.doc`` that may still report speech: long enough, not inside a quote,
    not overlapping a statement already found (a reported one; with ``direct_too`` a direct quote as well, and
    not running over a line break)."""
    for sentence in finder.doc.sents:
        tokens = [t for t in sentence if not t.is_space]
        if len(tokens) < min_words or finder._inside_quote(tokens[0].idx):
            continue
        if direct_too and "\n" in sentence.text.strip():
            continue
        if any(f.start < sentence.end_char and f.end > sentence.start_char and (direct_too or not f.direct)
               for f in finder.found):
            continue
        yield tokens


def _how(speaker: Speaker | None) -> str:
    """How a cue's speaker was found; "none" for a statement whose speaker is left open."""
    if speaker is None:
        return "none"
    return {"pronoun": "cue-pronoun", "role": "cue-role"}.get(speaker.resolved, "cue")


def _strip_punct(frame: list[Token]) -> list[Token]:
    i = 0
    while i < len(frame) and frame[i].is_punct and frame[i].text not in _DASHES:
        i += 1
    return frame[i:]


_ADDRESS = re.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?", re.I)


def _looks_like_title(inner: str, words: int) -> bool:
    """"Markets at Midday": a short run of capitalised words with no sentence punctuation; or an address
    ("bbc.co.uk")."""
    if _ADDRESS.fullmatch(inner.strip()):
        return True
    tokens = inner.split()
    if words > 6 or len(tokens) < 2 or inner.rstrip()[-1:] in "!?":
        return False
    tokens = [t.rstrip(".,") for t in tokens]
    small = {"on", "the", "of", "and", "in", "a", "an", "to", "for", "at", "with"}
    return all(t[:1].isupper() or t.lower() in small for t in tokens)


# Pronouns that what follows them describes: "some of the delegates", "those surveyed", "those who attended"
# (the clause is who they are, not an aside).
_QUANTIFIERS = frozenset("one some many all each none others several most few both".split())
_DEMONSTRATIVES = frozenset({"those", "these"})
_DESCRIBED_PRONOUNS = _QUANTIFIERS | _DEMONSTRATIVES


def _subject_phrase(token: Token) -> Span:
    """The subject's words, up to the first comma after its head (keeps an apposition)."""
    doc = token.doc
    if token.pos_ == "PRON" and token.lower_ not in _DESCRIBED_PRONOUNS:
        return doc[token.i: token.i + 1]  # "он на пресс-конференции": what a parse hangs on a pronoun is not its name
    start, end = token.left_edge.i, token.right_edge.i + 1
    # "a senior official who asked not to be named": the relative clause is not part of the name.
    for child in token.children:
        if child.dep_ in ("relcl", "acl", "acl:relcl") and child.i > token.i and token.lower_ not in _DEMONSTRATIVES:
            end = min(end, child.left_edge.i)
        # "el mandatario en Bogotá": where one speaker spoke is not who they are (while "the mayor of Kherson"
        # is, and "officials in Washington" are whom the place describes)
        singular = token.tag_ not in ("NNS", "NNPS") and "Number=Plur" not in str(token.morph)
        preposition = _locative_preposition(child) if child.i > token.i and singular else None
        if preposition is not None:
            end = min(end, preposition.i)
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in ("who", "which", "that", "qui")):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_quote):
        start += 1
    if end - start > 14:
        end = min(end, token.i + 1 + 12)
        start = max(start, token.i - 8)
    return doc[start:end]


# Prepositions of where something happened, whose place after a speaker's head noun says where they spoke.
_LOCATIVE = frozenset("in at en à dans au в во у im in في".split())


def _locative_preposition(modifier: Token) -> Token | None:
    """The preposition of a place modifier ("in Kyiv", "en Bogotá"), in spaCy's English or UD's scheme."""
    if modifier.dep_ == "prep":
        objects = [c for c in modifier.children if c.dep_ == "pobj"]
        preposition = modifier
    elif modifier.dep_ in ("nmod", "obl"):
        objects = [modifier]
        preposition = next((c for c in modifier.children if c.dep_ == "case"), None)
    else:
        return None
    if preposition is None or preposition.lower_ not in _LOCATIVE:
        return None
    return preposition if any(o.ent_type_ in ("GPE", "LOC", "FAC") for o in objects) else None


def _clause_bounds(clause: Token) -> tuple[int, int]:
    doc = clause.doc
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    while start < end and (doc[start].dep_ == "mark" or doc[start].is_punct or doc[start].lower_ in ("that", "que", "qu'", "qu’")):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in ".!?" or doc[end - 1].is_space):
        end -= 1
    return start, end


def _trim(span: Span) -> Span:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in ".!?" or doc[end - 1].is_space):
        end -= 1
    return doc[start:end]


def _find_phrase(span: Span, phrases) -> tuple[int, int] | None:
    """The first occurrence in ``span`` of one of the token sequences: (first token, last token)."""
    lowered = [t.lower_ for t in span]
    for k in range(len(lowered)):
        for phrase in phrases:
            n = len(phrase)
            if tuple(lowered[k:k + n]) == tuple(p.lower() for p in phrase):
                return span.start + k, span.start + k + n - 1
    return None


def anonymity_formula(cue: Token) -> bool:
    """"who asked not to be named", "speaking on condition of anonymity": how a source stays unnamed, not a cue."""
    return cue.lower_ in ("asked", "asking", "spoke", "speaking") and cue.doc[cue.i + 1: cue.i + 4].text.lower() in (
        "not to be", "on condition of", "on the condition")

"""Per-language lists of the words that attribute speech, kept as data in ``data/cues``.

English and French lists hold lemmas (their pipelines lemmatize). The others run on
a blank pipeline and hold word forms, plus lemmas where a tagger lemmatizes the
language (German, through HanTa): a token is looked up by both. A ``*`` after a word marks a
verb that also introduces reported speech ("said that ..."); the rest (sighed,
laughed, called ...) only attribute a quote next to them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping
from importlib import resources

# "according to X" and its siblings: the speaker is the object of the preposition.
ACCORDING_TO: dict[str, tuple[tuple[str, ...], ...]] = {
    "en": (("according", "to"), ("in", "the", "words", "of"), ("as", "quoted", "by")),
    "fr": (("selon",), ("d'", "après"), ("d'après",), ("aux", "dires", "de"), ("pour", "lui"), ("pour", "elle"),
           ("pour", "eux")),
    "de": (("laut",), ("nach", "Angaben"), ("nach", "Auffassung"), ("nach", "Meinung"), ("nach", "Ansicht"),
           ("nach", "Worten"), ("nach", "den", "Worten"), ("nach", "Einschätzung"), ("nach", "Darstellung"),
           ("nach", "Aussage"), ("nach", "Aussagen"), ("nach", "Informationen"), ("nach", "Berichten"),
           ("nach", "einem", "Bericht"), ("nach", "dem", "Bericht"), ("nach", "Erkenntnissen"), ("nach", "Schätzungen"),
           ("nach", "Darstellungen"), ("nach", "Recherchen"), ("zufolge",), ("gemäß",)),
    "es": (("según",), ("de", "acuerdo", "con")),
    "ru": (("по", "словам"), ("по", "данным"), ("как", "сообщил"), ("по", "его", "словам"), ("по", "ее", "словам"),
           ("по", "её", "словам"), ("по", "их", "словам"), ("по", "информации")),
    "uk": (("за", "словами"), ("за", "даними"), ("як", "повідомив"), ("за", "його", "словами"), ("за", "її", "словами"),
           ("за", "їхніми", "словами"), ("за", "інформацією")),
    "ar": (("وفق",), ("وفقا",), ("بحسب",), ("حسب",), ("ووفق",), ("ووفقا",), ("وبحسب",), ("وحسب",)),  # "و" written on
}

# Conjunctions written on to the next word, per language: Arabic "و" and "ف" ("وقال": "and he said").
_PROCLITICS = {"ar": frozenset({"و", "ف"})}
# Of those (ACCORDING_TO), the ones written after their source: "dem Bericht zufolge".
POSTPOSED = frozenset({("zufolge",)})
# A word right after a quote that introduces its source with no verb: "„…“, so Barth." (German), "aldus" (Dutch).
SOURCE_AFTER_QUOTE: dict[str, frozenset[str]] = {"de": frozenset({"so"}), "nl": frozenset({"aldus"})}


@dataclass(frozen=True)
class Cues:
    """One language's cue words: every attributing word, those that take reported speech, and the other
    constructions a word licenses (``+to``: an infinitive says what was said, "vowed to fight on";
    ``+object``: its object does, "denied the charge"; ``+predicate``: its object with what is said of it,
    "called Trump a liar"; ``+for`` / ``+on``: what or who was asked, "called for an inquiry", "called on X to
    resign"; ``+question``: the question asked, "asked whether …"; ``+prep:to``: the preposition whose object
    is what was said, "pointed to the fact that …", "warned of a crisis"). A verb listed with its particle
    ("point_out") is a cue with that particle only."""

    language: str
    words: frozenset[str]
    reporting: frozenset[str]
    lemmatized: bool
    constructions: Mapping[str, frozenset[str]] = field(default_factory=dict)
    phrasal_bases: frozenset[str] = frozenset()  # verbs listed with a particle: "point" of "point_out"

    def licenses(self, token, construction: str) -> bool:
        return any(construction in self.constructions.get(k, ()) for k in self.keys(token))

    def keys(self, token) -> tuple[str, ...]:
        if not self.lemmatized:
            lemma = token.lemma_.lower()
            if not lemma or lemma == token.lower_:
                if token.text[:1] in _PROCLITICS.get(self.language, ()) and len(token.text) > 3:
                    return (token.text, token.text[1:])  # "وقال": "and he said", the conjunction written on
                return (token.lower_,)
            particle = _separated_particle(token)
            # "stellte … fest" is feststellen, not stellen: the particle makes another verb
            return (particle + lemma,) if particle else (token.lower_, lemma)
        if token.lemma_:
            lemma = token.lemma_.lower()
            if lemma in self.phrasal_bases:  # (walk the tree only for the verbs the lexicon lists with a particle)
                phrasal = _phrasal(token) or _phrasal(token, adverb=True)
                if phrasal is not None and phrasal in self.words:
                    return (phrasal, lemma)
            if lemma in self.words or self.language not in _UNRELIABLE_LEMMAS:
                return (lemma,)
            # French's lookup lemmatizer follows the tagger, which takes many incises' verbs for nouns or adjectives
            # ("», raconte Olena": "racont"; "estime": the noun): the form's own candidate lemmas count too.
            return (lemma, *guess_lemmas(token.lower_, self.language))
        return guess_lemmas(token.text.lower(), self.language)  # a lemmatized language with no lemmatizer

    def prepositions(self, token) -> tuple[str, ...]:
        """The prepositions whose object is what was said (``+prep:to``: "pointed to the fact that …")."""
        return tuple(sorted({c[5:] for k in self.keys(token) for c in self.constructions.get(k, ())
                             if c.startswith("prep:")}))

    def particles_allowed(self, token) -> bool:
        """A verb with a particle is another verb ("made up", "turned out"): a cue only when the lexicon lists it
        with its particle ("point_out": "pointed out that …", "shoot_back": "Trump shot back")."""
        phrasal = _phrasal(token)
        return phrasal is None or phrasal in self.words

    def is_cue(self, token) -> bool:
        return any(k in self.words for k in self.keys(token))

    def is_reporting(self, token) -> bool:
        return any(k in self.reporting for k in self.keys(token))


def _phrasal(token, adverb: bool = False) -> str | None:
    """The verb with its particle, as the lexicon writes it ("point_out"), or None when it has none; with
    ``adverb``, the particle a parser read as an adverb right after the verb ("shot back")."""
    if not token.doc.has_annotation("DEP"):
        return None  # (never walk the tree of an unparsed doc: spaCy reads memory it does not own)
    if adverb:
        particle = next((c for c in token.children if c.dep_ == "advmod" and c.i == token.i + 1), None)
    else:
        particle = next((c for c in token.children if c.dep_ in ("prt", "compound:prt")), None)
    return f"{token.lemma_.lower()}_{particle.lower_}" if particle is not None else None


def _separated_particle(token) -> str | None:
    """The particle a German finite verb left at its clause's end ("teilte … mit": "mit" + "teilen"), from the
    tagger's PTKVZ."""
    if not token.tag_.endswith("(FIN)"):
        return None
    for t in token.doc[token.i + 1: token.i + 30]:
        if t.tag_ == "PTKVZ":
            return t.lower_
        if t.text in (",", ".", ":", ";", "!", "?") or t.pos_ in ("VERB", "AUX"):
            return None
    return None


_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write", "swore": "swear",
              "sworn": "swear", "thought": "think", "dit": "dire", "disent": "dire", "écrit": "écrire",
              "écrivent": "écrire"}
# Inflections of regular verbs (ending, lemma ending), per language: third persons, past tenses, participles.
_SUFFIXES = {
    "en": (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("es", ""), ("s", ""), ("ing", ""), ("ing", "e")),
    "fr": (("e", "er"), ("ent", "er"), ("a", "er"), ("èrent", "er"), ("ait", "er"), ("aient", "er"), ("era", "er"),
           ("é", "er"), ("ée", "er"), ("és", "er"), ("it", "ire"), ("ît", "ître"), ("et", "ettre"), ("int", "indre"),
           ("uit", "uivre"), ("ond", "ondre"), ("it", "ir")),
}
# Languages whose pipeline's lemmas are too often wrong for the cue words to trust them alone.
_UNRELIABLE_LEMMAS = frozenset({"fr"})


def guess_lemmas(word: str, language: str = "en") -> tuple[str, ...]:
    """Candidate lemmas of an English or French verb form, for text no lemmatizer has read right."""
    out = [word, _IRREGULAR.get(word, word)]
    suffixes = _SUFFIXES.get(language, ()) if language != "en" else _SUFFIXES["en"] + (("é", "er"), ("ée", "er"))
    for suffix, repl in suffixes:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=None)
def cues_for(language: str | None) -> Cues:
    """The cue list for ``language``; English's when the language has none."""
    language = (language or "en").split("-")[0]
    try:
        text = resources.files("dateline.data").joinpath("cues", f"{language}.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        return cues_for("en") if language != "en" else Cues("en", frozenset(), frozenset(), True)
    words, reporting = set(), set()
    constructions: dict[str, set[str]] = {}
    bare = ""
    for line in text.splitlines():
        line = line.split("#", 1)[0]
        for word in line.split():
            if word.startswith("+") and bare:
                constructions.setdefault(bare, set()).add(word[1:])
                continue
            bare = word.rstrip("*").lower()
            words.add(bare)
            if word.endswith("*"):
                reporting.add(bare)
    return Cues(language, frozenset(words), frozenset(reporting), lemmatized=language in ("en", "fr"),
                constructions=MappingProxyType({w: frozenset(c) for w, c in constructions.items()}),
                phrasal_bases=frozenset(w.split("_", 1)[0] for w in words if "_" in w))

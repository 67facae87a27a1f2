"""Speaker phrases in text that has part-of-speech tags but no parse (German, through HanTa).

Verb-second order puts one constituent before the finite verb and the subject
after it when that constituent is not the subject: "In einem Interview sagte der
EU-Außenbeauftragte Javier Solana: „…“", "Am Montag erklärte Navarro-Valls, …".
Tags tell the two apart: a noun phrase right before the verb is the subject
unless a preposition governs it or its determiner cannot start a subject ("dem",
"einem"); otherwise the noun phrase (or pronoun) right after the verb is, unless
its determiner marks an object ("nannte seinen Platzverweis „…“"). A participle
cue ("Merkel hat am Montag gesagt") is read from its finite auxiliary; a verb
after a relative clause ("Klose, der Gelb-Rot sah, nannte …") or coordinated
with an earlier one ("Netanyahu befand … und nannte …") from that subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from .cues import POSTPOSED

# Words a noun phrase is made of; "," and "-" join an apposition or a compound inside one.
_NOMINAL = frozenset(("DET", "ADJ", "NOUN", "PROPN", "NUM"))
# Skipped between a verb and its subject ("sagte auch der Minister", "teilte heute mit").
_BETWEEN = frozenset(("ADV", "PART"))
_MAX_PHRASE = 12
# Determiners no subject (nominative) starts with, per language: "Dem Spiegel sagte Merkel".
_OBLIQUE = {"de": frozenset("""dem einem des eines diesem jenem seinem ihrem unserem seines ihres den einen seinen
    ihren diesen unseren""".split())}
# The passive auxiliary and the preposition of its agent: "wird von der Zeitung mit den Worten zitiert".
_PASSIVE = {"de": frozenset({"werden"})}
_AGENT = {"de": frozenset({"von", "vom"})}
# Conjunctions that join a second verb to the first one's subject.
_AND = frozenset(("CCONJ",))
# Verbs of quoting: in the passive, with no agent, their subject is the one quoted ("X wird … zitiert").
_QUOTING = {"de": frozenset({"zitieren"})}


def subject_span(frame: list[Token], p: int, language: str, depth: int = 0) -> tuple[int, int] | None:
    """Frame indices ``[start, end)`` of the cue ``frame[p]``'s subject phrase, or None."""
    pivot = _finite_verb(frame, p)
    if pivot != p and frame[pivot].lemma_ in _PASSIVE.get(language, ()):
        agent = _agent(frame, pivot, p, language)
        if agent is None and frame[p].lemma_ in _QUOTING.get(language, ()):
            return phrase_after(frame, pivot + 1)  # "wird der Franzose im Fachblatt zitiert": who is quoted spoke
        return agent
    before = phrase_before(frame, pivot)
    if before is not None and _may_be_subject(frame, before, language):
        return before
    k = _skip(frame, pivot, -1)
    if depth < 2 and k > 0 and frame[k - 1].pos_ in _AND:
        earlier = next((i for i in range(k - 2, -1, -1) if _finite(frame[i])), None)
        if earlier is not None:  # "X befand … und nannte …": the first verb's subject
            found = subject_span(frame, earlier, language, depth + 1)
            if found is not None:
                return found
    after = phrase_after(frame, pivot + 1)
    if after is not None and _may_be_subject(frame, after, language):
        return after
    return None


def _agent(frame: list[Token], aux: int, participle: int, language: str) -> tuple[int, int] | None:
    """Who did it in a passive: the "von" phrase between the auxiliary and the participle; None when there is
    none (the subject of a passive cue is what was said or who was quoted, not the speaker)."""
    for k in range(aux + 1, participle):
        if frame[k].lower_ in _AGENT.get(language, ()):
            return phrase_after(frame, k + 1)
    return None


def _finite(token: Token) -> bool:
    return token.tag_.endswith("(FIN)")


def _finite_verb(frame: list[Token], p: int) -> int:
    """A participle or infinitive cue's finite auxiliary earlier in its clause, else the cue."""
    if frame[p].tag_.endswith(("(PP)", "(INF)")):
        for k in range(p - 1, -1, -1):
            if frame[k].pos_ == "AUX" and _finite(frame[k]):
                return k
            if frame[k].pos_ in ("PUNCT", "SCONJ", "VERB"):
                break
    return p


def _skip(frame: list[Token], k: int, step: int) -> int:
    """From the verb at ``k``, past adverbs, particles and a reflexive ("äußerte sich Navarro-Valls"): the index
    the neighbouring phrase ends (step -1, exclusive) or starts (step +1)."""
    if step < 0:
        while k > 0 and _between(frame[k - 1]):
            k -= 1
        return k
    k += 1
    while k < len(frame) and _between(frame[k]):
        k += 1
    return k


def _between(token: Token) -> bool:
    return token.pos_ in _BETWEEN or token.tag_ == "PRF"


def phrase_before(frame: list[Token], end: int) -> tuple[int, int] | None:
    """The noun phrase (or pronoun) ending right before ``frame[end]``, past adverbs: "dem Bericht zufolge"."""
    k = _skip(frame, end, -1)
    if k == 0:
        return None
    if frame[k - 1].pos_ == "PRON" and frame[k - 1].tag_ != "PRELS":
        return k - 1, k
    if frame[k - 1].text == ",":
        k = _before_insertion(frame, k - 1)
        if k is None:
            return None
    if frame[k - 1].text == ")":  # "Renate Schmidt (SPD) äußerte": past the party or place in brackets
        opening = next((i for i in range(k - 2, max(-1, k - 8), -1) if frame[i].text == "("), None)
        if opening is not None:
            k = opening
    stop = k
    while k > 0 and stop - k < _MAX_PHRASE:
        if frame[k - 1].pos_ in _NOMINAL or _joins(frame, k - 1):
            k -= 1
        elif frame[k - 1].pos_ == "ADP" and k > 1 and frame[k - 2].pos_ in ("NOUN", "PROPN"):
            k -= 1  # a noun's own complement: "Theo Kitz vom Bankhaus Merck Finck", "der Chef von Timoschenko"
        else:
            break
    if not any(frame[i].pos_ in ("NOUN", "PROPN") for i in range(k, stop)):
        return None
    return k, stop


def _before_insertion(frame: list[Token], comma: int) -> int | None:
    """The comma before the verb closes an apposition ("Klaus Stöhr, sagte") or a relative clause ("Klose, der
    Gelb-Rot sah, nannte"): where the phrase before it ends."""
    if comma > 0 and frame[comma - 1].pos_ in ("NOUN", "PROPN") or frame[comma - 1].text == ")":
        return comma
    for r in range(comma - 1, 0, -1):
        if frame[r].tag_ == "PRELS" and frame[r - 1].text == ",":
            return r - 1 if r - 1 > 0 else None
        if frame[r].text in (".", ";", ":"):
            break
    return None


def phrase_after(frame: list[Token], start: int) -> tuple[int, int] | None:
    """The noun phrase or pronoun starting at ``frame[start]``, past adverbs: "so der Chef der Behörde"."""
    k = _skip(frame, start - 1, +1)
    if k < len(frame) and frame[k].pos_ == "PRON":
        return k, k + 1
    end = k
    while end < len(frame) and end - k < _MAX_PHRASE and (frame[end].pos_ in _NOMINAL or _joins(frame, end)):
        end += 1
    while end > k and frame[end - 1].pos_ not in ("NOUN", "PROPN", "NUM", "ADJ"):
        end -= 1  # a trailing comma or determiner belongs to what follows
    if not any(frame[i].pos_ in ("NOUN", "PROPN") for i in range(k, end)):
        return None
    return k, end


def _joins(frame: list[Token], i: int) -> bool:
    """A comma or dash between two parts of one noun phrase: "der Leiter der WHO, Klaus Stöhr"."""
    if frame[i].text not in (",", "-", "–") or i == 0 or i + 1 >= len(frame):
        return False
    return frame[i - 1].pos_ in ("NOUN", "PROPN") and frame[i + 1].pos_ in ("PROPN", "DET", "NOUN")


def _may_be_subject(frame: list[Token], span: tuple[int, int], language: str) -> bool:
    start, _ = span
    if frame[start].lower_ in _OBLIQUE.get(language, ()):
        return False
    return not (start > 0 and frame[start - 1].pos_ == "ADP")


def lead_in_phrase(frame: list[Token]) -> tuple[int, int] | None:
    """A noun phrase that is all the words before a colon: "Ein Beamter der Nationalpolizei: „…“"."""
    if len(frame) < 2 or frame[-1].text != ":":
        return None
    found = phrase_before(frame, len(frame) - 1)
    return found if found is not None and found[0] == 0 and frame[0].pos_ != "PRON" else None


def source_phrase(frame: list[Token], at: int, words: tuple[str, ...]) -> tuple[int, int] | None:
    """The source of the source phrase ``words`` at ``frame[at]``: the noun phrase after it ("nach Angaben des
    Ministeriums"), or before it when the phrase follows its source ("dem Bericht zufolge")."""
    if words in POSTPOSED:
        return phrase_before(frame, at)
    found = phrase_after(frame, at + len(words))
    if found is None:
        return None
    start, end = found
    # "des Landesamts für Umwelt", "der Agentur für Arbeit": an institution's name goes on after "für"
    while end + 1 < len(frame) and frame[end].lower_ in _NAME_PREPOSITIONS and frame[end + 1].pos_ in ("NOUN", "PROPN"):
        end += 2
        while end < len(frame) and frame[end].pos_ in ("NOUN", "PROPN") or (end < len(frame) and frame[end].lower_ == "und"):
            end += 1
    return start, end


# Prepositions inside institutions' names: "Bundesamt für Migration", "Zentrum für Krisenhilfe".
_NAME_PREPOSITIONS = frozenset({"für"})


def source_name(tokens: list[Token]) -> str:
    """A source phrase after "nach Angaben" in its base form: "des Landesamts für Umwelt" → "Landesamt für Umwelt"
    (the genitive article dropped, the genitive -s or -es of its nouns undone by their lemmas)."""
    if tokens and tokens[0].pos_ == "DET" and len(tokens) > 1:
        tokens = tokens[1:]
    words = [t.lemma_[:1].upper() + t.lemma_[1:] if t.pos_ == "NOUN" and t.lemma_ and t.text in (
        t.lemma_ + "s", t.lemma_ + "es") else t.text for t in tokens]
    return " ".join(words)


# Verb forms that by themselves mark reported speech: German's Konjunktiv I ("sei", "habe", "werde", "könne").
_REPORTED_MOOD = {"de": frozenset({"sei", "seien", "seiest", "seist"})}


def reported_mood(token: Token, language: str) -> bool:
    """A finite verb in the mood of reported speech: German Konjunktiv I, the stem plus "-e" in the third person
    singular ("habe" for "hat", "könne" for "kann"), or a form of "sein" ("sei", "seien")."""
    if language != "de" or not token.tag_.endswith("(FIN)"):
        return False
    text, lemma = token.lower_, token.lemma_.lower()
    return text in _REPORTED_MOOD["de"] or (lemma.endswith("en") and text == lemma[:-1] and text.endswith("e"))

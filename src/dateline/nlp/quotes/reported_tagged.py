"""Reported speech in tagged text without a parse (German, through HanTa).

German reports speech in a few fixed shapes, which the tags and the cue lexicon
find without a parse:

* a reporting verb, then a comma and the clause: "Der Sprecher sagte am Montag,
  die Lage sei ernst", "Wie die Polizei mitteilte, wurden drei Menschen verletzt";
* the clause, then the inverted verb or "so": "Die Lage sei ernst, sagte der
  Sprecher", "…, so eine Sprecherin der Heilsarmee";
* a source phrase: "Laut Polizei …", "Nach Angaben des Ministeriums …",
  "Dem Bericht zufolge …": the rest of the sentence;
* a sentence in the mood of reported speech right after a statement goes on
  with it: "Derzeit sei der Abgleich einfacher möglich." (Konjunktiv I).

The speaker phrase comes from ``tagged.py``; a clause that is mostly a direct
quote is that quote, not a second statement.
"""

from __future__ import annotations

from spacy.tokens import Token

from .common import _TERMINAL, Found, _how, _find_phrase, unreported_sentences
from .cues import ACCORDING_TO, POSTPOSED, SOURCE_AFTER_QUOTE
from .lexicon import AS_WORDS
from .tagged import phrase_after, reported_mood, source_phrase, subject_span

# At most this many words between a reporting verb and the comma that opens its clause ("sagte am Montag in
# Berlin gegenüber Journalisten, …").
_MAX_BEFORE_COMMA = 12
_MIN_CLAUSE_WORDS = 4


class TaggedReportedSpeech:

    def _tagged_reported(self) -> None:
        for tokens in unreported_sentences(self, _MIN_CLAUSE_WORDS + 2, direct_too=False):
            found = (self._it_says(tokens) or self._verb_then_clause(tokens) or self._clause_then_source(tokens)
                     or self._source_phrase(tokens) or self._continued(tokens))
            if found is not None:
                self.found.append(found)

    def _it_says(self, tokens: list[Token]) -> Found | None:
        """"Die Lage sei unter Kontrolle, hieß es in einer Mitteilung der Polizei", "In der Erklärung des
        Ministeriums heißt es, …": "it says" in a document, whose owner is the speaker."""
        says = _IT_SAYS.get(self.cues.language)
        if not says:
            return None
        h = next((k for k, t in enumerate(tokens) if t.lower_ in says[0] and any(
            x.lower_ == says[1] for x in tokens[max(0, k - 1): k + 2])), None)
        if h is None:
            return None
        where = next((k for k, t in enumerate(tokens) if t.lower_ in ("in", "im") and k + 1 < len(tokens)), None)
        source = phrase_after(tokens, where + 1) if where is not None else None
        if source is None:
            return None
        commas = [k for k, t in enumerate(tokens) if t.text == ","]
        before = [k for k in commas if k < h]
        after = [k for k in commas if k > h]
        if before and where > h:
            return self._clause(tokens, 0, before[-1], tokens[h], source)  # "[…], hieß es in …"
        if after and where < h:
            return self._clause(tokens, after[0] + 1, _clause_end(tokens), tokens[h], source)  # "In … heißt es, […]"
        return None

    def _verb_then_clause(self, tokens: list[Token]) -> Found | None:
        """"X sagte (am Montag), [die Lage sei ernst]"; "Wie X mitteilte, [wurden …]"."""
        for p, cue in enumerate(tokens):
            if cue.pos_ not in ("VERB", "AUX") or not self.cues.is_reporting(cue) or self._inside_quote(cue.idx):
                continue
            comma = None
            for k in range(p + 1, min(len(tokens), p + 2 + _MAX_BEFORE_COMMA)):
                if tokens[k].text in (",", ":"):
                    comma = k
                    break
                if tokens[k].tag_.endswith("(FIN)") or tokens[k].text in _TERMINAL or self._inside_quote(tokens[k].idx):
                    break
            if comma is None:
                continue
            found = self._clause(tokens, comma + 1, _clause_end(tokens), cue, subject_span(tokens, p, self.cues.language))
            if found is not None:
                return found
        return None

    def _clause_then_source(self, tokens: list[Token]) -> Found | None:
        """"[Die Lage sei ernst], sagte der Sprecher." / "[…], so eine Sprecherin."."""
        for p in range(2, len(tokens) - 1):
            if tokens[p - 1].text != ",":
                continue
            word = tokens[p]
            if word.lower_ in SOURCE_AFTER_QUOTE.get(self.cues.language, ()):
                source = phrase_after(tokens, p + 1)
                if source is None and p + 1 < len(tokens) and self.cues.is_cue(tokens[p + 1]):
                    word, source = tokens[p + 1], subject_span(tokens, p + 1, self.cues.language)
            elif self.cues.is_reporting(word) and word.tag_.endswith("(FIN)"):
                # "[…], erklärte er": right after the comma the verb comes first, its subject after it
                source = phrase_after(tokens, p + 1) or subject_span(tokens, p, self.cues.language)
                if source is not None and source[0] < p:
                    continue  # the subject before the verb: not an inverted attribution
            elif word.lower_ in AS_WORDS and (cue := _closing_cue(tokens, p + 1, self.cues)) is not None:
                word, source = tokens[cue], subject_span(tokens, cue, self.cues.language)  # "…, wie X berichtete."
            else:
                continue
            found = self._clause(tokens, 0, p - 1, word, source)
            if found is not None:
                return found
        return None

    def _source_phrase(self, tokens: list[Token]) -> Found | None:
        """"Laut Polizei [wurden drei Menschen verletzt]", "[Dem Bericht zufolge] …": the sentence's source."""
        span = self.doc[tokens[0].i: tokens[-1].i + 1]
        hit = _find_phrase(span, ACCORDING_TO.get(self.cues.language, ()))
        if hit is None:
            return None
        first, last = hit
        at = next(k for k, t in enumerate(tokens) if t.i == first)
        words = tuple(t.lower_ for t in self.doc[first:last + 1])
        source = source_phrase(tokens, at, words)
        if words in POSTPOSED:  # "[Dem Bericht zufolge] …": the statement follows the whole phrase
            start = at + 1 if (source[0] if source else at) == 0 else 0
        else:
            start = source[1] if source and at == 0 else 0
        return self._clause(tokens, start, _clause_end(tokens), tokens[at], source)

    def _continued(self, tokens: list[Token]) -> Found | None:
        """A sentence whose verb is in the mood of reported speech (or that opens with "demnach"), with no cue of its
        own, continues the statement just before it (same or previous paragraph, within two sentences' reach): its speaker's words."""
        verb = next((t for t in tokens if t.tag_.endswith("(FIN)")), None)
        according = tokens[0].lower_ in _ACCORDINGLY.get(self.cues.language, ())  # "Demnach darf die DFS …"
        if verb is None or not (according or reported_mood(verb, self.cues.language) or _hearsay(tokens, verb)) or any(
                self.cues.is_cue(t) for t in tokens):
            return None
        start = tokens[0].idx
        before = [f for f in self.found if f.end <= start and f.speaker is not None]
        previous = max(before, key=lambda f: f.end) if before else None
        gap = self.text[previous.end:start] if previous else ""
        if previous is None or len(gap) > 300 or gap.count("\n") > 2:
            previous = None
            if not _hearsay(tokens, verb):
                return None  # "… sei …" far from any source: not enough to call it reported
        end = _clause_end(tokens)
        span = self.doc[tokens[0].i: tokens[end - 1].i + 1] if end else None
        if span is None or len(span) < _MIN_CLAUSE_WORDS or self._mostly_quoted(span):
            return None
        if previous is None:  # "Ein vierter Mann soll den Irakern geholfen haben": a claim whose source is not named
            return Found(span.start_char, span.end_char, False, None, verb.text, "none")
        return Found(span.start_char, span.end_char, False, previous.speaker, None, "carry-over")

    def _clause(self, tokens: list[Token], start: int, end: int, cue: Token, source) -> Found | None:
        while start < end and tokens[start].is_punct:
            start += 1
        words = [t for t in tokens[start:end] if not t.is_punct]
        if source is None or len(words) < _MIN_CLAUSE_WORDS or not any(t.pos_ in ("VERB", "AUX") for t in words):
            return None
        span = self.doc[tokens[start].i: tokens[end - 1].i + 1]
        if self._mostly_quoted(span) or "\n" in span.text.strip():
            return None
        speaker = self.resolver.from_span(self.doc[tokens[source[0]].i: tokens[source[1] - 1].i + 1])
        if speaker is None:
            return None
        return Found(span.start_char, span.end_char, False, speaker, cue.text, _how(speaker))


def _hearsay(tokens: list[Token], verb: Token) -> bool:
    """German "soll … haben/sein" ("is said to have"): the modal of hearsay with a perfect infinitive."""
    if verb.lemma_.lower() != "sollen":
        return False
    after = tokens[tokens.index(verb) + 1:]
    return any(t.lower_ in ("haben", "sein", "worden") for t in after) and any(t.tag_.endswith("(PP)") for t in after)


# "it says" ("heißt es", "hieß es"): the verb's forms and its impersonal subject.
_IT_SAYS = {"de": (frozenset({"heißt", "hieß", "hiess", "heisst"}), "es")}
# A sentence opening with "accordingly" goes on with the source just named: "Demnach darf die DFS privatisiert werden."
_ACCORDINGLY = {"de": frozenset({"demnach"})}


def _closing_cue(tokens: list[Token], start: int, cues) -> int | None:
    """A reporting verb ending the sentence within a few words of ``start`` (verb-final clause)."""
    end = _clause_end(tokens)
    for k in range(start, min(end, start + _MAX_BEFORE_COMMA)):
        if tokens[k].text in (",", ";", ":"):
            return None
        if cues.is_reporting(tokens[k]) and tokens[k].pos_ in ("VERB", "AUX") and k >= end - 2:
            return k
    return None


def _clause_end(tokens: list[Token]) -> int:
    """The sentence's end, before its final punctuation."""
    end = len(tokens)
    while end > 0 and tokens[end - 1].is_punct:
        end -= 1
    return end

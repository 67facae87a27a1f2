"""Reported speech in text with neither tags nor a parse (Ukrainian, Arabic), from words alone.

Three fixed shapes, each bounded by the sentence and its commas:

* a source phrase opening the sentence, its source up to the comma, the rest the
  statement: "За словами голови ОВА Олега Синєгубова, …", "بحسب وزارة الصحة، …";
* a reporting cue, then the language's "that" and the statement: "Зеленський
  повідомив, що …"; the speaker is the words before the cue, or, in a verb-first
  sentence, those between the cue and "that" ("قال وزير الخارجية إن …");
* the statement, a comma, then a reporting cue and its speaker closing the
  sentence: "Ситуація складна, повідомив Синєгубов."
"""

from __future__ import annotations

from spacy.tokens import Token

from .common import _PHRASE_STOP, Found, _how, _find_phrase, unreported_sentences
from .cues import ACCORDING_TO
from .lexicon import AS_WORDS, DOCUMENT_NOUNS, INSTITUTION_PREPOSITIONS
from .speakers import Speaker

# Each language's complementizer after a reporting verb ("said that").
THAT = {"uk": frozenset({"що"}), "ar": frozenset({"إن", "أن", "بأن", "ان"}), "ru": frozenset({"что"}),
        "pl": frozenset({"że"}), "tr": frozenset(), "it": frozenset({"che"}), "pt": frozenset({"que"}),
        "nl": frozenset({"dat"}), "de": frozenset({"dass", "daß"})}
_COMMAS = frozenset({",", "،"})
_MAX_SPEAKER = 8
_MIN_WORDS = 4


class LexicalReportedSpeech:

    def _lexical_reported(self) -> None:
        for tokens in unreported_sentences(self, _MIN_WORDS + 2, direct_too=True):
            found = (self._opening_source(tokens) or self._as_cue(tokens) or self._cue_that(tokens)
                     or self._closing_cue(tokens))
            if found is not None:
                self.found.append(found)

    def _opening_source(self, tokens: list[Token]) -> Found | None:
        hit = _find_phrase(self.doc[tokens[0].i: tokens[-1].i + 1], ACCORDING_TO.get(self.cues.language, ()))
        if hit is None or hit[0] != tokens[0].i:
            return None
        after = [k for k, t in enumerate(tokens) if t.i > hit[1]]
        comma = next((k for k in after if tokens[k].text in _COMMAS), None)
        pronoun = self._pronoun_in_phrase(*hit)
        if pronoun is not None and after and comma == after[0]:  # "За її словами, …": whom the pronoun stands for
            return self._statement(tokens[comma + 1:], [pronoun], tokens[0], self._stands_for(pronoun))
        if not after or comma is None or comma - after[0] > _MAX_SPEAKER or comma == after[0]:
            return None
        return self._statement(tokens[comma + 1:], tokens[after[0]:comma], tokens[0])

    def _as_cue(self, tokens: list[Token]) -> Found | None:
        """"Як зазначається в заяві Генштабу, …", "Як повідомив Синєгубов, …": "as" and a cue open the sentence;
        the source is up to the comma, the rest is what it said."""
        if len(tokens) < 5 or tokens[0].lower_ not in AS_WORDS or not self.cues.is_reporting(tokens[1]):
            return None
        comma = next((k for k in range(2, min(len(tokens), 2 + _MAX_SPEAKER + 1)) if tokens[k].text in _COMMAS), None)
        if comma is None or comma == 2:
            return None
        return self._statement(tokens[comma + 1:], _institution(tokens[2:comma]), tokens[1])

    def _cue_that(self, tokens: list[Token]) -> Found | None:
        that = THAT.get(self.cues.language, frozenset())
        for p, cue in enumerate(tokens):
            if _in_document(tokens, p, self.cues.language):
                pass  # "وجاء في بيان للجيش أن …": "it came in a statement of the army that …"
            elif not self.cues.is_reporting(cue) or self._inside_quote(cue.idx):
                continue
            k = next((j for j in range(p + 1, min(len(tokens), p + 2 + _MAX_SPEAKER)) if tokens[j].lower_ in that), None)
            if k is None:
                continue
            before = _back_to_punct(tokens, p)
            between = [t for t in tokens[p + 1:k] if t.text not in _COMMAS]
            speaker_words = before if before else between
            return self._statement(tokens[k + 1:], speaker_words, cue)
        return None

    def _closing_cue(self, tokens: list[Token]) -> Found | None:
        end = len(tokens)
        while end > 0 and tokens[end - 1].is_punct:
            end -= 1
        for p in range(2, end):
            if tokens[p - 1].text not in _COMMAS:
                continue
            q = p + len(_ABOUT_THIS.get(self.cues.language, ())) if _about_this(tokens, p, self.cues.language) else p
            if q < end and self.cues.is_reporting(tokens[q]) and 0 < end - q - 1 <= _MAX_SPEAKER:
                return self._statement(tokens[:p - 1], _institution(tokens[q + 1:end]), tokens[q])
        return None

    def _statement(self, words: list[Token], speaker_words: list[Token], cue: Token,
                   speaker: Speaker | None = None) -> Found | None:
        """The statement ``words`` by ``speaker``, else by whom ``speaker_words`` name."""
        while words and words[-1].is_punct:
            words = words[:-1]
        # "حذر برنامج الأغذية العالمي من أن", "وأكدت الوزارة في بيان أن": the speaker ends at a preposition
        cut = next((k for k, t in enumerate(speaker_words) if k > 0 and t.lower_ in _PHRASE_STOP), None)
        if cut is not None and speaker is None and not any(t.text in DOCUMENT_NOUNS for t in speaker_words[:cut]):
            speaker_words = speaker_words[:cut]
        if len([t for t in words if not t.is_punct]) < _MIN_WORDS or not speaker_words:
            return None
        span = self.doc[words[0].i: words[-1].i + 1]
        if self._mostly_quoted(span):
            return None
        if speaker is None:
            speaker = self.resolver.from_span(self.doc[speaker_words[0].i: speaker_words[-1].i + 1])
        if speaker is None:
            return None
        return Found(span.start_char, span.end_char, False, speaker, cue.text, _how(speaker))


# "…, про це повідомив X" ("X reported this"): the words between the comma and the cue.
_ABOUT_THIS = {"uk": ("про", "це"), "ru": ("об", "этом")}
def _institution(words: list[Token]) -> list[Token]:
    """Speaker words without the preposition of an institution: "…, про це повідомили в ДТЕК" → "ДТЕК"."""
    return words[1:] if len(words) > 1 and words[0].lower_ in INSTITUTION_PREPOSITIONS else words



# "it came in" (Arabic "جاء في"): a verb that reports only when a document follows it.
_CAME_IN = {"ar": (frozenset({"جاء", "وجاء"}), "في")}


def _in_document(tokens: list[Token], p: int, language: str) -> bool:
    came = _CAME_IN.get(language)
    return bool(came) and p + 2 < len(tokens) and tokens[p].text in came[0] and tokens[p + 1].text == came[1] and (
        tokens[p + 2].text in DOCUMENT_NOUNS)


def _about_this(tokens: list[Token], p: int, language: str) -> bool:
    words = _ABOUT_THIS.get(language, ())
    return bool(words) and tuple(t.lower_ for t in tokens[p:p + len(words)]) == words


def _back_to_punct(tokens: list[Token], p: int) -> list[Token]:
    """The words before ``tokens[p]`` back to the sentence start or a punctuation mark, at most a phrase's."""
    k = p
    while k > 0 and not tokens[k - 1].is_punct and p - k < _MAX_SPEAKER:
        k -= 1
    return tokens[k:p] if k == 0 or tokens[k - 1].is_punct else []

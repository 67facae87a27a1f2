"""Direct, partial and reported quotes with their speakers, for one parsed ``Doc``.

Direct quotes come from the quotation marks (``marks.find_quoted``); each is
attributed from the words around it, in this order of evidence:

1. a cue next to it in the same sentence: "“…,” he said", "“…,” said X",
   "X told AFP: “…”", "“…” — X", "“…,” according to X";
2. a short sentence right after it made of a subject and a cue ("He sighs.");
3. a caption line after it ("Valery, Ukrainian soldier");
4. the person named in the narration just before it, else the previous quote's
   speaker when the passage goes on without naming anyone new.

A short quoted phrase (under four words) counts only when a cue governs it
("blamed the attack on “saboteurs”"), so scare quotes and titles stay out.

Reported speech (``reported.py``) comes from the parse. Languages without a
parser get direct quotes with surface cue patterns.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

from ..extensions import text_of
from ...types import Quote
from .calibration import confidence
from .common import (
    _DASHES,
    _DIALOGUE_LANGUAGES,
    _MAX_FRAME,
    _PHRASE_STOP,
    _PRO_DROP,
    _RELATIVE,
    _SHORT_WORDS,
    _SUBJECT,
    _TERMINAL,
    _UNATTRIBUTED_MIN_WORDS,
    _WORD,
    Found,
    _find_phrase,
    _how,
    _looks_like_title,
    _strip_punct,
    anonymity_formula,
    _subject_phrase,
)
from .cues import ACCORDING_TO, SOURCE_AFTER_QUOTE, Cues, cues_for
from .lexicon import INSTITUTION_PREPOSITIONS, NO_SOURCES
from .marks import QUOTE_MARKS, QuotedSpan, find_quoted
from .reported import ReportedSpeech
from .reported_lexical import LexicalReportedSpeech
from .reported_tagged import TaggedReportedSpeech
from .speakers import Speaker, SpeakerResolver
from .tagged import lead_in_phrase, phrase_after, source_phrase, subject_span


# Prepositions of the one spoken to, before an inverted subject: "contó a este diario Rosa", "a dit à nos
# journalistes Olena".
_RECIPIENT = frozenset("a al à aux to".split())


# Indefinite articles: what follows them in quotation marks is a word used, not a name.
_INDEFINITE = frozenset("a an ein eine einen einem einer eines un une una uno".split())

# "as", "like": what follows them in quotation marks is what someone called something ("als „Wortbruch“").
_AS_OR_LIKE = frozenset("als wie as like".split())


def _after_recipient(rest: list[Token]) -> list[Token]:
    """The words after a common-noun recipient that stands between an inverted cue and its subject."""
    if len(rest) < 3 or rest[0].lower_ not in _RECIPIENT:
        return rest
    k = 1
    while k < len(rest) and rest[k].pos_ in ("DET", "ADJ", "NOUN"):
        k += 1
    if k > 1 and k + 1 < len(rest) and rest[k - 1].pos_ == "DET" and rest[k].pos_ == "PROPN" and rest[k + 1].pos_ == "PROPN":
        # "a expliqué à l'AFP Fabien Villedieu": an article makes the first name an organization's, the recipient
        return rest[k + 1:]
    if k < len(rest) and rest[k - 1].pos_ == "NOUN" and rest[k].pos_ in ("PROPN", "DET", "NOUN"):
        return rest[k:]
    return rest


def _impersonal_source(cue: Token) -> Span | None:
    """"В Кремле заявили, что …": a plural cue with no subject speaks for the institution it is said "in"; so does
    an impersonal one for the document ("говорится в сообщении Минобороны")."""
    impersonal = cue.lemma_.endswith(("ться", "тись"))
    if "Number=Plur" not in str(cue.morph) and not impersonal or any(c.dep_ in _SUBJECT for c in cue.children):
        return None
    for child in cue.children:
        if child.dep_ in ("obl", "nmod") and any(c.dep_ == "case" and c.lower_ in INSTITUTION_PREPOSITIONS for c in child.children):
            words = [t for t in child.subtree if t.dep_ != "case" or t.head.i != child.i]
            return cue.doc[words[0].i: words[-1].i + 1] if words else None
    return None


def _cataphora(subject: Token) -> Token:
    """"Asked if she believed …, Clinton said …": a personal pronoun in a clause set before the main one stands
    for the main clause's subject, named after it."""
    if subject.tag_ != "PRP" or subject.head.dep_ == "parataxis":
        return subject  # "In the end, he said, the deal would collapse": an aside's subject is its own
    for governor in subject.head.ancestors:
        if governor.i < subject.i:
            break
        named = next((c for c in governor.children if c.dep_ in _SUBJECT and c.i > subject.i), None)
        if named is not None:
            personal = subject.lower_ not in ("he", "she") or named.pos_ == "PROPN" or named.ent_type_ == "PERSON"
            return named if personal and named.pos_ != "PRON" else subject
    return subject


def find_quotes(doc: Doc, language: str | None = None, entities=None) -> tuple[Quote, ...]:
    """Every quote in ``doc`` with its speaker; ``entities`` defaults to ``doc._.entities``."""
    if entities is None and Doc.has_extension("entities"):
        entities = doc._.entities
    return _Finder(doc, cues_for(language or doc.lang_), entities).run()


class _Finder(ReportedSpeech, TaggedReportedSpeech, LexicalReportedSpeech):
    def __init__(self, doc: Doc, cues: Cues, entities):
        self.doc = doc
        self.text = text_of(doc)
        self.cues = cues
        self.parsed = doc.has_annotation("DEP")
        self.tagged = not self.parsed and doc.has_annotation("POS")  # German through HanTa: tags, no parse
        self.resolver = SpeakerResolver(doc, entities)
        self._token_starts = [t.idx for t in doc]
        self.spans = find_quoted(self.text, dialogue=cues.language in _DIALOGUE_LANGUAGES)
        self._span_starts = [s.start for s in self.spans]
        self.resolver.quoted = self._inside_quote
        self.resolver.previous_speaker = self._previous_speaker
        self.paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n\s*", self.text)]
        self.found: list[Found] = []

    # -- driver ---------------------------------------------------------------------------------------

    def run(self) -> tuple[Quote, ...]:
        self.headline_end, self.headline_speaker = self._headline_speaker() if self.parsed else (0, None)
        self._direct()
        if self.parsed:
            self._reported()
            self._headline()
        elif self.tagged:
            self._tagged_reported()
        elif self.doc.has_annotation("SENT_START"):
            self._lexical_reported()
        return self._records()

    # -- direct quotes --------------------------------------------------------------------------------

    def _direct(self) -> None:
        previous: Found | None = None
        for index, q in enumerate(self.spans):
            inner = q.inner(self.text)
            words = len(_WORD.findall(inner))
            if words == 0 or _looks_like_title(inner, words) or (self.tagged or self.parsed) and self._names_only(q) or (
                    words == 1 and not (self.tagged or self.parsed) and inner.strip()[:1].isupper()):
                # (with neither tags nor a parse, one capitalised word in marks is a name: "з позивним «Сокіл»")
                continue
            short = words < _SHORT_WORDS
            if q.dialogue:
                q, speaker, cue, how = self._dialogue(q)
                self.spans[index] = q  # the incise after the cut is narration again
            else:
                speaker, cue, how = self._attribute(q, index, short)
            if speaker is None and q.start < self.headline_end and self.headline_speaker is not None:
                speaker, how = self.headline_speaker, "headline"
            if speaker is None and short and previous is not None and self._follows(previous, q, inner):
                speaker, how = previous.speaker, "carry-over"  # "“…,” Putin said. “Congratulations.”"
            if speaker is None and not self.parsed:
                # Unparsed text: a cue in the quote's sentence makes it a quote even when the words around the cue
                # name no one ("Damit sagte er, das sei „klüger“"); its speaker is then found as for any other.
                cue = self._cue_beside(q, index, short)
            if speaker is None and short and cue is None:
                continue
            if speaker is None and q.dialogue and inner.rstrip().endswith("?"):
                continue  # an interview's unattributed question is the journalist's
            if speaker is None and previous is not None and previous.direct and self._only_attribution_between(previous, q):
                speaker, how = previous.speaker, "carry-over"  # the names in the attribution are not the speaker
            if speaker is None:
                speaker, how = self._unattributed(q, previous)
            if speaker is None and words < _UNATTRIBUTED_MIN_WORDS and cue is None:
                continue
            found = Found(q.inner_start, q.inner_end, True, speaker, cue, how)
            if previous is not None and self._interrupted(previous, q, speaker):
                # "“…,” she said, “…”": one statement, attributed as its first part is
                found.part_of, found.speaker, found.cue, found.how = previous, previous.speaker, previous.cue, previous.how
            self.found.append(found)
            if speaker is not None:
                previous = found
                # with no entities (tagged text), a named speaker of unknown kind is who "er"/"sie" stands for
                if speaker.kind == "person" or (self.tagged and speaker.resolved == "named" and speaker.kind == "unknown"):
                    self.resolver.last_person, self.resolver.last_person_at = speaker, found.end

    def _cue_beside(self, q: QuotedSpan, index: int, short: bool = False) -> str | None:
        """A cue word in the quote's sentence before it (governing it, for a short fragment in tagged text), or
        among the few tokens after it."""
        before = [t for t in self._before_frame(q, index)[::-1]
                  if not (short and self.tagged) or self._governs(t, q)]
        beside = before + _strip_punct(self._after_frame(q, index))[:4]
        return next((t.text for t in beside if self._is_cue(t)), None)

    def _names_only(self, q: QuotedSpan) -> bool:
        """Quoted words that are all proper nouns, foreign words or numbers name something ("„Xinhua“",
        "„BILD am Sonntag“" bar its preposition): a title, not a quote. Needs tags."""
        span = self.doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        words = [t for t in span or () if t.is_alpha or t.like_num]
        names = [t for t in words if t.pos_ in ("PROPN", "X", "NUM")]
        opening = self._token_at_or_after(q.start) - 1
        if opening >= 0 and self.doc[opening].lower_ in _INDEFINITE:
            return False  # "sprach von einem „Wahlkampfgetöse“": a name takes no indefinite article, a word the tagger
            # does not know does
        if bool(names) and all(t.pos_ in ("PROPN", "X", "NUM") or t.pos_ in ("ADP", "DET", "CCONJ") for t in words):
            return True
        if not self.tagged or opening < 0:
            return False
        return len(words) < _SHORT_WORDS and self._noun_slot_name(words, self.doc[opening])

    @staticmethod
    def _noun_slot_name(words: list[Token], before: Token) -> bool:
        """German capitalises every noun, so a tagger's NE is no test: nouns alone in marks, right after an article,
        a noun or a preposition, are a name in a noun's place ("zitiert die „Computerwoche“", "die Musikzeitschrift
        „Billboard“", "unter dem Motto „Freiheit statt Angst“"), while a word quoted as said has an adjective or
        comes after "als", "wie" or an indefinite article ("als „Wortbruch“", "eine „veränderte Lage“")."""
        content = [t for t in words if t.pos_ not in ("ADP", "DET", "CCONJ")]
        return (bool(content) and words[0].text[:1].isupper()
                and all(t.text[:1].isupper() or t.like_num for t in content)
                and before.pos_ in ("NOUN", "PROPN", "DET", "ADP", "X") and before.lower_ not in _AS_OR_LIKE)

    def _dialogue(self, q: QuotedSpan) -> tuple[QuotedSpan, Speaker | None, str | None, str]:
        """"— Nous ne partirons pas, dit Olena, une habitante." : the incise names the speaker and ends the quote."""
        span = self.doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if span is not None:
            tokens = list(span)
            for k in range(len(tokens) - 1):
                # ", dit Olena" (French, Spanish); ", — сказал он", "? — спросил он" (Russian, Ukrainian)
                # "—No vamos a rendirnos —dijo el alcalde—." (Spanish: the dash alone opens the incise)
                cue_at = k + 2 if tokens[k + 1].text in _DASHES and k + 2 < len(tokens) else k + 1
                opens = (tokens[k].text in (",", "?", "!", "…", ".") and (cue_at == k + 2 or tokens[k].text == ",")
                         or tokens[k].text in _DASHES and k > 0)
                if opens and self.cues.is_cue(tokens[cue_at]):
                    speaker = self._phrase_after(tokens[cue_at:], 0)
                    if speaker is None and self.cues.language in _PRO_DROP:
                        speaker = self.resolver.pronoun(tokens[cue_at].idx)  # "— …, — ответил." with no subject
                    if speaker is not None:
                        end = tokens[k].idx + (len(tokens[k]) if tokens[k].text in "?!…" else 0)
                        while end > q.inner_start and self.text[end - 1].isspace():
                            end -= 1
                        cut = QuotedSpan(q.start, end, q.inner_start, end, True, dialogue=True)
                        return cut, speaker, tokens[cue_at].text, _how(speaker)
        return q, None, None, "none"

    def _interrupted(self, previous: Found, q: QuotedSpan, speaker: Speaker | None) -> bool:
        """The quote goes on after its attribution: the previous one stops on a comma inside its marks and only
        its attribution stands between them ("“…,” she said, “…”", "“…,” Mr. Tribe, a law professor, said. “…”")."""
        if not previous.direct or not self.text[previous.start:previous.end].rstrip().endswith(","):
            return False
        return (len(_WORD.findall(self.text[previous.end:q.start])) <= 40 and self._only_attribution_between(previous, q)
                and (speaker is None or previous.speaker is None or speaker.name == previous.speaker.name))

    def _only_attribution_between(self, previous: Found, q: QuotedSpan) -> bool:
        """Nothing but the previous quote's attribution stands between it and ``q``: one sentence at most, in the
        same paragraph ("“…,” Guerrero said of Mr. Trump. “…”")."""
        between = self.text[previous.end:q.start]
        plain = between.strip().strip(QUOTE_MARKS).strip()  # also the typewriter '' of some papers
        if "\n" in between or not _WORD.search(between) or not plain.endswith((",", ":", ".")):
            return False
        # sentence ends are the tokenizer's ("Mr." and "Sen." are one token each) and open a capitalised word:
        # "said. He added" has two sentences, "(D-Tex.), a Clinton endorser" one
        last = previous.end + len(between.rstrip(QUOTE_MARKS + " \t")) - 1
        return not any(t.text in ("!", "?", "...") or t.text == "." and t.idx < last and t.i + 1 < len(self.doc)
                       and self.doc[t.i + 1].text[:1].isupper()
                       for t in self.doc.char_span(previous.end, q.start, alignment_mode="expand") or ())

    def _follows(self, previous: Found, q: QuotedSpan, inner: str) -> bool:
        """A whole short sentence quoted right after the previous quote's sentence, same paragraph."""
        between = self.text[previous.end:q.start]
        return ("\n" not in between and len(between) < 200 and inner[:1].isupper()
                and inner.rstrip()[-1:] in ".!?…")

    def _attribute(self, q: QuotedSpan, index: int, short: bool) -> tuple[Speaker | None, str | None, str]:
        after = _strip_punct(self._after_frame(q, index))
        before = self._before_frame(q, index)
        result = (
            self._from_before(before, q, short, governing=True)
            or self._from_after(after, closed=q.inner(self.text).rstrip()[-1:] == ".")
            or self._from_before(before, q, short, governing=False)
            or self._according(after)
            or self._according(before, opening_only=short)
            or (None if short else self._colon(before))
            or (None if short else self._next_sentence(q, index))
        )
        if result is None:
            return None, None, "none"
        return result

    def _after_frame(self, q: QuotedSpan, index: int) -> list[Token]:
        limit = self.spans[index + 1].start if index + 1 < len(self.spans) else len(self.text)
        tokens = []
        i = self._token_at_or_after(q.end)
        while i < len(self.doc) and len(tokens) < _MAX_FRAME:
            t = self.doc[i]
            if t.idx >= limit or "\n" in t.text or (t.is_space and "\n" in t.text_with_ws):
                break
            if t.text in _TERMINAL or (t.text[-1:] in "!?" and t.is_punct):
                break
            tokens.append(t)
            if "\n" in t.whitespace_:
                break
            i += 1
        return tokens

    def _before_frame(self, q: QuotedSpan, index: int) -> list[Token]:
        limit = self.spans[index - 1].end if index > 0 else 0
        tokens: list[Token] = []
        i = self._token_at_or_after(q.start) - 1
        while i >= 0 and len(tokens) < _MAX_FRAME:
            t = self.doc[i]
            if t.idx < limit or t.is_space and "\n" in t.text or "\n" in t.whitespace_:
                break
            if t.text in _TERMINAL or (t.is_punct and t.text[-1:] in "!?"):
                break
            tokens.append(t)
            i -= 1
        tokens.reverse()
        return tokens

    def _from_after(self, frame: list[Token], closed: bool = False):
        """"“…,” he said", "“…,” said X", "“…” — X". A quote ``closed`` by a full stop ends its sentence: a cue
        after it that reports a clause of its own ("“…” Officials said talks would follow.") starts another
        statement, not this quote's attribution."""
        if not frame:
            return None
        if frame[0].lower_ in SOURCE_AFTER_QUOTE.get(self.cues.language, ()) and len(frame) > 1 and self.tagged:
            found = phrase_after(frame, 1)  # "„…“, so Barth."
            speaker = self.resolver.from_span(self._span(frame[found[0]:found[1]])) if found else None
            if speaker is not None:
                return speaker, frame[0].text, _how(speaker)
        if frame[0].text in _DASHES and len(frame) > 1 and self._is_cue(frame[1]):
            frame = frame[1:]  # "«…», — заявил министр": the dash before an inverted cue
        if frame[0].text in _DASHES and len(frame) > 1:
            speaker = self.resolver.from_span(self._span(frame[1: 1 + 8]))
            if speaker is not None and speaker.kind in ("person", "organization"):
                return speaker, None, "cue"
        for p, t in enumerate(frame[:7]):
            if self._is_cue(t, incise=p == 0):
                if closed and self._says_its_own(t):
                    return None
                if self._continues_clause_before(t, frame[0]):
                    return None  # "She called the raid a “…” and demanded an inquiry": its object is no speaker
                subject = next((c for c in t.children if c.dep_ in _SUBJECT and c.i > t.i
                                and not any(g.dep_ == "case" for g in c.children)), None) if self.parsed else None
                # (not "escribió en la red social X": a subject has no preposition)
                if p == 0 and subject is not None and self.cues.language not in ("en", "fr"):
                    # "— заявил министр обороны Сергей Шойгу журналистам": the parsed subject, not the words
                    # up to the next verb (the model-less languages' reading; English and French keep theirs)
                    speaker = self.resolver.from_span(_subject_phrase(subject))
                else:
                    speaker = ((self._subject(t, frame, p) if self.tagged and p > 1 else None)
                               or (self._phrase_before(frame, p) if p > 0 else None) or self._phrase_after(frame, p))
                    if speaker is None and p == 0 and subject is not None:
                        # "said retired neurosurgeon Ben Carson": the words stop at a participle, the parse does not
                        speaker = self.resolver.from_span(_subject_phrase(subject))
                if speaker is None and p == 0 and self.cues.language in _PRO_DROP and not self._has_subject(t):
                    speaker = self.resolver.pronoun(t.idx)  # "«Es una tragedia», añadió."
                return (speaker, t.text, _how(speaker)) if speaker is not None else None
            if t.is_punct and t.text not in (".", "’s", "'s", "-"):
                break
        # ", the mayor of Kherson, Roman Mrochko, told reporters": the cue's parsed subject, inside the frame;
        # "“…” in the town on Friday, Maria Kovalenko of the council said.": else ", subject cue" later in the sentence.
        for p, t in enumerate(frame):
            if p < 2 or not self._is_cue(t):
                continue
            if self.parsed:
                subject = next((c for c in t.children if c.dep_ in _SUBJECT), None)
                if subject is not None and frame[0].i <= subject.i < t.i:
                    speaker = self.resolver.from_span(_subject_phrase(subject))
                    if speaker is not None:
                        return speaker, t.text, _how(speaker)
            commas = [k for k in range(p) if frame[k].text == ","]
            comma = commas[-1] if commas else None
            if self.parsed and comma is None and p <= 10 and not any(c.dep_ in _SUBJECT for c in t.children):
                # "“…” the Post's senior politics editor Steven Ginsberg responded.": no comma after the quote, a
                # long speaker phrase the parser hung on the quote
                speaker = self._phrase_before(frame, p)
                if speaker is not None:
                    return speaker, t.text, _how(speaker)
            if comma is not None and 0 < p - comma - 1 <= 12:
                speaker = self.resolver.from_span(self._span(frame[comma + 1:p]))
                if speaker is not None:
                    return speaker, t.text, _how(speaker)
            if comma == p - 1 and len(commas) >= 2 and commas[0] <= 6 and p <= 25:
                # "“…,” Gene Sperling, a top Clinton adviser, said", "Mr. Daniloff, now 81 and retired in Cambridge,
                # Mass., said": a name and its description between commas, which the parser may hang on the quote
                speaker = self.resolver.from_span(self._span(frame[:commas[0]]))
                if speaker is not None and speaker.kind in ("person", "organization"):
                    return speaker, t.text, _how(speaker)
            if (self.parsed and comma == p - 1 and p + 1 < len(frame) and frame[p + 1].pos_ != "ADP"
                    and not any(c.dep_ in _SUBJECT and c.i < t.i for c in t.children)):
                # "“…,” like the recent volatility of markets, said Richard Curtin": an inverted cue after the clause
                # the quote began (not "…, said at a POLITICO event")
                speaker = self._phrase_after(frame, p)
                if speaker is not None and speaker.kind != "unknown":
                    return speaker, t.text, _how(speaker)
            break
        return None

    def _continues_clause_before(self, cue: Token, first: Token) -> bool:
        """The cue after a quote is a second verb of a clause that began before it, with an object of its own ("She
        called the raid a “…” and demanded an inquiry"): what follows it is that object, not a speaker."""
        return (self.parsed and cue.dep_ == "conj" and cue.head.i < first.i
                and self._coordinated(cue)  # "and demanded": not "», a déclaré le ministre"
                and any(c.dep_ in ("dobj", "obj") and c.i > cue.i for c in cue.children))

    def _coordinated(self, cue: Token) -> bool:
        """A conjunction right before the cue (past its auxiliaries): "… and demanded", "… et a exigé"."""
        k = cue.i - 1
        while k > 0 and self.doc[k].pos_ in ("AUX", "ADV"):
            k -= 1
        return k >= 0 and (self.doc[k].pos_ == "CCONJ" or self.doc[k].dep_ == "cc")

    def _has_subject(self, cue: Token) -> bool:
        return self.parsed and any(c.dep_ in _SUBJECT for c in cue.children)

    def _says_its_own(self, cue: Token) -> bool:
        """The cue reports a clause of its own ("said talks would follow", "said that …")."""
        return self.parsed and any(c.dep_ in ("ccomp", "xcomp") and c.i > cue.i for c in cue.children)

    def _from_before(self, frame: list[Token], q: QuotedSpan, short: bool, governing: bool):
        """"X said: “…”", "X said the port “will stay open” …": the cue before the quote.

        With ``governing`` only a cue above the quote in the parse counts (so
        "X says" in a clause before Y's quote does not); without it,
        the nearest cue does, which is what unparsed text and broken parses need.
        """
        # the word right before "… :" opening the quote is in an incise's place: "Patrick, renchérit : « … »"
        colon = len(frame) - 2 if len(frame) > 1 and frame[-1].text == ":" else None
        cues = [p for p in range(len(frame) - 1, -1, -1) if self._is_cue(frame[p], incise=p == colon)]
        if governing:
            # a cue right before the marks governs them, even where the parse gives the fragment a root of its own
            # ("s'est dite « profondément alarmée »")
            cues = [p for p in cues if p == len(frame) - 1 or self._governs(frame[p], q, steps=3 if short else 12)]
        elif short:
            return None
        if not cues:
            return None
        p = cues[0]
        speaker = self._subject(frame[p], frame, p)
        return (speaker, frame[p].text, _how(speaker)) if speaker is not None else None

    def _colon(self, frame: list[Token]):
        """"Valery: “…”"."""
        if len(frame) < 2 or frame[-1].text != ":":
            return None
        if self.tagged:
            # "Ein Beamter der Polizei: „…“"; else the clause the colon ends is the speaker's: "Zypries sieht in
            # dem Urteil eine Bestätigung: „…“", "warb Obama mit den Worten: „…“".
            found = lead_in_phrase(frame)
            verb = next((k for k, t in enumerate(frame) if t.tag_.endswith("(FIN)")), None)
            if found is None and verb is not None:
                found = subject_span(frame, verb, self.cues.language)
            speaker = self.resolver.from_span(self._span(frame[found[0]:found[1]])) if found else None
            return (speaker, None, _how(speaker)) if speaker is not None else None
        words = frame[:-1]
        # "The race has changed - Philip Bump: “…”": the name after the last dash or sentence end
        cut = max((k for k, t in enumerate(words) if t.text in _DASHES or t.text in (";", ".")), default=-1)
        words = words[cut + 1:]
        speaker = self._actor_before_colon(frame[:-1], words)
        if speaker is None or speaker.kind not in ("person", "organization"):
            speaker = self.resolver.from_span(self._span(words[-8:])) if words else None
        if speaker is not None and speaker.kind in ("person", "organization") and not self._place_label(words):
            return speaker, None, "cue"
        return None

    def _actor_before_colon(self, frame: list[Token], words: list[Token]) -> Speaker | None:
        """"McConnell delivered a blunt message to Trump: “…”": the subject of the clause the colon ends speaks,
        not whoever its last words name (a copula's subject is no actor: "Clinton's response was: “…”")."""
        if not self.parsed or not words:
            return None
        inside = {t.i for t in frame}
        subject = next((c for t in reversed(words) if t.pos_ == "VERB"
                        for c in t.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i in inside), None)
        return self.resolver.from_span(_subject_phrase(subject)) if subject is not None else None

    def _place_label(self, words: list[Token]) -> bool:
        """"Mayotte : « … »": a place before the colon is what the headline is about, not who speaks."""
        return bool(words) and all(t.ent_type_ in ("GPE", "LOC") or t.is_punct for t in words)

    def _next_sentence(self, q: QuotedSpan, index: int):
        """"“…” He sighs.": a short subject + cue sentence right after the quote."""
        i = self._token_at_or_after(q.end)
        sentence: list[Token] = []
        while i < len(self.doc) and len(sentence) <= 7:
            t = self.doc[i]
            if "\n" in t.text or (index + 1 < len(self.spans) and t.idx >= self.spans[index + 1].start):
                break
            sentence.append(t)
            if t.text in _TERMINAL or "\n" in t.whitespace_:
                break
            i += 1
        words = [t for t in sentence if not t.is_punct and not t.is_space]
        if not words or len(words) > 5 or sentence[-1].text not in _TERMINAL:
            return None
        cue = next((t for t in words if self._is_cue(t)), None)
        if cue is None or cue.i == words[0].i:
            return None
        speaker = self.resolver.from_span(self._span([t for t in words if t.i < cue.i]))
        if speaker is None:
            return None
        return speaker, cue.text, "next-sentence"

    def _unattributed(self, q: QuotedSpan, previous: Found | None) -> tuple[Speaker | None, str]:
        caption = self._caption(q)
        if caption is not None:
            return caption, "caption"
        if self.parsed:
            subject = self._sentence_subject(q)
            if subject is not None:
                return subject, "narration"
        paragraph = self._paragraph_index(q.start)
        window_start = self.paragraph_starts[max(0, paragraph - 1)]
        since = max(window_start, previous.end if previous else 0)
        own_paragraph = self.paragraph_starts[paragraph]
        named = [m for m in self.resolver.mentions
                 if m.entity.type == "PERSON" and since <= m.start < q.start and not self._inside_quote(m.start)
                 and (m.start >= own_paragraph or m.subject)]
        if named:
            e = named[-1].entity
            return Speaker(e.name, "person", e.id, None, "named"), "narration"
        if previous is not None and self._paragraph_index(previous.end) >= paragraph - 2:
            return previous.speaker, "carry-over"
        return None, "none"

    def _sentence_subject(self, q: QuotedSpan) -> Speaker | None:
        """A quote inside a sentence of narration with no cue is the words of that sentence's subject, not of
        whoever it names last ("Bush referred to Rubio as “a bright, charismatic leader”", "Ted Cruz says his
        “friend and colleague” Marco Rubio ran …"): the subject of the nearest clause above the quote."""
        span = self.doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if span is None or span.start == 0:
            return None
        sentence = self.doc[span.start].sent
        if sentence.start >= span.start - 1:
            return None  # the quote opens its sentence
        inside = [t for t in span if t.sent.start == sentence.start]
        node = min(inside, key=lambda t: len(list(t.ancestors)))
        for _ in range(len(sentence)):  # (bounded: a head chain never runs longer than its sentence)
            if node.head.i == node.i:
                break
            node = node.head
            subjects = [c for c in node.children if c.dep_ in _SUBJECT and c.i < span.start]
            if subjects:
                if self._inside_quote(subjects[0].idx):
                    return None
                return self.resolver.from_span(_subject_phrase(subjects[0]))
        return None

    def _caption(self, q: QuotedSpan) -> Speaker | None:
        """A short line right after a quote that ends its paragraph: "Valery, Ukrainian soldier"."""
        rest = self.text[q.end:]
        if not rest.startswith("\n") and rest.split("\n", 1)[0].strip():
            return None
        match = re.match(r"\s*\n\s*([^\n]{2,80})(?:\n|$)", rest)
        if not match:
            return None
        line_start = q.end + match.start(1)
        line = match.group(1)
        if len(line.split()) > 8 or line.rstrip()[-1:] in ".!?":
            return None
        span = self.doc.char_span(line_start, line_start + len(line.rstrip()), alignment_mode="expand")
        if span is None:
            return None
        name_end = line.find(",")
        name_span = span if name_end < 0 else self.doc.char_span(line_start, line_start + name_end, alignment_mode="expand")
        entity = self.resolver.entity_at(name_span.start_char, name_span.end_char) if name_span is not None else None
        if entity is None or entity.type != "PERSON":
            return None
        role = line[name_end + 1:].strip() if name_end >= 0 else None
        return Speaker(entity.name, "person", entity.id, role or None, "named")

    # -- shared pieces ----------------------------------------------------------------------------------

    def _is_cue(self, t: Token, incise: bool = False) -> bool:
        """A cue word used as a verb; in an ``incise`` (the word right after a quote: "», raconte Olena") a small
        model's tags are not trusted, as a lower-case cue word there is the verb whatever its tag."""
        if not self.cues.is_cue(t):
            return False
        if not self.parsed:
            return True  # never touch the dependency tree of an unparsed doc
        if t.pos_ not in ("VERB", "AUX", "") and not (incise and t.is_lower and t.pos_ in ("ADJ", "NOUN", "ADV")):
            return False
        if anonymity_formula(t):
            return False  # "an official who asked not to be named": the formula of anonymity, not a cue
        return self.cues.particles_allowed(t)

    def _governs(self, cue: Token, q: QuotedSpan, steps: int = 3) -> bool:
        """Whether ``cue`` is at most ``steps`` steps above the quoted passage in the parse."""
        span = self.doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
        if span is None:
            return False
        if self.tagged:
            # No finite verb between the cue and the quote: "begründete seinen Rückzug mit einer „veränderten
            # Lage“", "sagte, dass der Antrag „keine Vorentscheidung“ sei"; not "sagte, er habe „…“ gehört".
            # Or the quote is in the clause the cue reports: "sagte, die Lage sei „sehr ernst“".
            first = self._token_at_or_after(q.start)
            between = list(self.doc[cue.i + 1: first])
            if not cue.i < first or q.start - cue.idx > 250 or any(t.text in _TERMINAL for t in between):
                return False
            verbs = [k for k, t in enumerate(between) if t.tag_.endswith("(FIN)")]
            if not verbs:
                return True
            reports = self.cues.is_reporting(cue) and any(t.text in (",", ":") for t in between[:verbs[0]])
            return reports and not any(self._is_cue(t) for t in between)
        if not self.parsed:
            return q.start - (cue.idx + len(cue)) < 40
        node = span.root
        for _ in range(steps):
            if node.head.i == node.i:  # a root is its own head (tokens are new objects: never compare with `is`)
                return False
            node = node.head
            if node == cue:
                return True
        return False

    def _subject(self, cue: Token, frame: list[Token] | None, position: int | None, *,
                 objects_speak: bool = True) -> Speaker | None:
        """Who the cue's statement is from. ``objects_speak``: a parse may read an inverted subject as the object
        ("…, said the minister"); not when the object is what was said ("denied the charge")."""
        if not self.parsed:
            if frame is None or position is None:
                return None
            if self.tagged:
                found = subject_span(frame, position, self.cues.language)
                return self.resolver.from_span(self._span(frame[found[0]:found[1]])) if found else None
            before = self._phrase_before(frame, position) if position > 0 else None
            after = self._phrase_after(frame, position)
            # Verb-second order puts an adverb first and the speaker after the verb: "Damit sagte Raabe: „…“".
            if after is not None and (before is None or (position == 1 and after.kind != "unknown")):
                return after
            if before is None and after is None:
                # "نفت قوات الدعم السريع …، وقالت إن …": a second cue with no subject shares the first one's
                earlier = [k for k in range(position - 1, -1, -1) if self._is_cue(frame[k])]
                return self._phrase_after(frame, earlier[0]) if earlier else None
            return before or after
        inverted = self._inverted_subject(cue)
        if inverted is not None:
            return self.resolver.from_span(_subject_phrase(inverted))
        node = cue
        for _ in range(4):
            subjects = [c for c in node.children if c.dep_ in _SUBJECT]
            if subjects and (subjects[0].tag_ in ("WP", "WDT") or subjects[0].lower_ in _RELATIVE) and node.dep_ in (
                    "relcl", "acl:relcl"):
                antecedent = node.head  # "O’Malley, who noted that …": the speaker is who "who" stands for
                while antecedent.dep_ == "appos" and antecedent.head.i != antecedent.i:
                    antecedent = antecedent.head  # "Scott Reed, the chamber's strategist, who added …"
                subjects = [antecedent]
            if subjects:
                # A parse that joins a headline or a dateline to the sentence: the "subject" is not the speaker.
                between = self.doc[min(subjects[0].i, cue.i): max(subjects[0].i, cue.i)]
                if not any(x.text in (":", "[", "]", "|") or "\n" in x.text_with_ws for x in between):
                    return self.resolver.from_span(_subject_phrase(_cataphora(subjects[0])))
                break
            if node.dep_ in ("conj", "xcomp", "advcl", "ccomp") and node.head.i != node.i:
                if node.dep_ == "ccomp":
                    break
                node = node.head
                continue
            if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
                node = node.head.head  # "undermined confidence in the election by suggesting …": who undermined
                continue
            break
        source = _impersonal_source(cue)
        if source is not None:
            return self.resolver.from_span(source)
        objects = [c for c in cue.children if c.dep_ in ("dobj", "obj") and c.i > cue.i]
        if objects and objects_speak and cue.lemma_.lower() not in ("tell", "ask", "inform", "remind"):
            return self.resolver.from_span(_subject_phrase(objects[0]))
        if frame is None:
            frame = list(cue.sent)
            position = cue.i - cue.sent.start
        if position is None:
            return None
        return (self._phrase_before(frame, position) if position > 0 else None) or self._phrase_after(frame, position)

    def _inverted_subject(self, cue: Token) -> Token | None:
        """"…, a annoncé mercredi la direction de la SNCF": a cue set after a comma with no subject of its own; the
        small French and Spanish parsers read its inverted subject as its object (or hang the cue on the clause
        before, whose subject is then no speaker)."""
        if self.cues.language == "en" or cue.tag_ == "VBG" or "VerbForm=Ger" in str(cue.morph):
            return None  # English parses its inversions; ", calling the toll “provisional”" has an object
        if any(c.dep_ in _SUBJECT and c.pos_ not in ("VERB", "AUX") for c in cue.children):
            return None  # (a clause read as the subject, "[L'hôpital … fonctionne …], a indiqué X", is none)
        k = cue.i - 1
        while k >= 0 and self.doc[k].pos_ == "AUX":
            k -= 1
        if k < 0 or self.doc[k].text not in (",", "»", "”", '"'):
            return None
        # its object, or one the parse hangs lower ("a annoncé dimanche soir la préfecture": on "soir")
        return next((c for c in cue.subtree if c.dep_ in ("obj", "dobj") and c.i > cue.i
                     and c.pos_ in ("NOUN", "PROPN") and not self._inside_quote(c.idx)), None)

    def _phrase_before(self, frame: list[Token], p: int) -> Speaker | None:
        """The speaker phrase ending right before the cue at ``frame[p]`` ("the region’s governor X said")."""
        end = p
        while end > 0 and (frame[end - 1].pos_ in ("ADV", "AUX", "PART") or frame[end - 1].lower_ in ("also", "then", "has", "had", "a")):
            end -= 1
        if end > 2 and frame[end - 1].text == ",":
            # "Son voisin, Patrick, renchérit", "His neighbour, Patrick, added": the name set between commas
            opening = next((k for k in range(end - 2, max(-1, end - 6), -1) if frame[k].text == ","), None)
            name = frame[opening + 1:end - 1] if opening is not None else []
            if name and all(t.pos_ == "PROPN" or t.is_title for t in name):
                return self.resolver.from_span(self._span(name))
            # "Senator Harry Reid, the minority leader, said", where the parse lost the subject: the name before
            # the description set between commas
            first = opening
            while first is not None and first > 0 and opening - first < 5 and frame[first - 1].pos_ == "PROPN":
                first -= 1
            if name and first is not None and first < opening:
                return self.resolver.from_span(self._span(frame[first:opening]))
            # "Jeffrey Salkin, a Hollywood, Fla., rabbi helping to organize the boycott, said": a longer description,
            # the name opening the sentence
            named = next((k for k in range(end - 1) if frame[k].text == ","), None)
            if named and named <= 5 and all(t.pos_ == "PROPN" for t in frame[:named]):
                return self.resolver.from_span(self._span(frame[:named]))
        start = end
        while start > 0 and not frame[start - 1].is_punct or (start > 0 and frame[start - 1].text in (".", "’s", "'s", "-")):
            if end - start >= 10:
                break
            start -= 1
        if start == end:
            return None
        return self.resolver.from_span(self._span(frame[start:end]))

    def _phrase_after(self, frame: list[Token], p: int) -> Speaker | None:
        """The speaker phrase right after an inverted cue ("said Defense Minister X after …")."""
        rest = frame[p + 1:]
        while rest and rest[0].pos_ in ("AUX", "ADV") and not rest[0].is_title:
            rest = rest[1:]
        if not rest:
            return None
        if self.parsed:
            rest = _after_recipient(rest)
            # "a déclaré le maire de Kharkiv, Igor Terekhov": up to a verb, a relative pronoun or the sentence end,
            # keeping a comma only before a name.
            end = 0
            while end < len(rest) and end < 10:
                x = rest[end]
                if (x.pos_ in ("VERB", "AUX") and x.dep_ not in ("amod", "compound") or x.lower_ in _RELATIVE
                        or x.text in _TERMINAL or x.text in (";", ":", "(", "—", "–")):
                    break
                if x.text == "," and not (end + 1 < len(rest) and rest[end + 1].pos_ == "PROPN"):
                    break
                end += 1
            return self.resolver.from_span(self._span(rest[:end])) if end else None
        chunk = self._first_chunk(rest)
        return self.resolver.from_span(chunk) if chunk is not None else None

    def _first_chunk(self, tokens: list[Token]) -> Span | None:
        start = tokens[0].i
        end_limit = tokens[-1].i + 1
        if self.parsed:
            for chunk in self.doc.noun_chunks:
                if chunk.start >= start and chunk.start < end_limit:
                    if chunk.start - start > 2:
                        return None
                    end = chunk.end
                    # A title chunk followed by the name: "Defence Minister" + "Anna Petrenko".
                    while end < end_limit and self.doc[end].pos_ == "PROPN":
                        end += 1
                    return self.doc[chunk.start:end]
            return None
        end = start
        while end < end_limit and not self.doc[end].is_punct and end - start < 6 and self.doc[end].lower_ not in _PHRASE_STOP:
            end += 1
        return self.doc[start:end] if end > start else None

    def _object_phrase(self, sent: Span, last: int) -> Span | None:
        """The source after "according to" / "selon" / "laut": up to its head noun's last dependent or a comma."""
        limit = min(sent.end, last + 14)
        for k in range(last + 1, limit):
            if self.doc[k].text in (",", ";", ":", "«", "“", '"', "(") or "\n" in self.doc[k].text:
                limit = k
                break
        if limit <= last + 1:
            return None
        if not self.parsed:
            return self.doc[last + 1: min(limit, last + 6)]
        nominal = [t for t in self.doc[last + 1: limit] if t.pos_ in ("NOUN", "PROPN", "PRON")]
        if not nominal:
            return None
        head = nominal[0]
        while last < head.head.i < limit and head.head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i:
            head = head.head
        if head.lemma_.lower() in NO_SOURCES and not any(c.dep_ in ("det", "poss") for c in head.children):
            return None  # "according to plan": a measure, not a source
        end = min(limit, head.right_edge.i + 1)
        span = self.doc[last + 1: end]
        # "a report by the local broadcaster": the outlet speaks, not the report.
        if head.lemma_.lower() in ("report", "statement", "study", "survey", "data", "figure", "estimate"):
            k = head.i + 1
            if k + 1 < end and self.doc[k].lower_ in ("by", "from", "of"):
                return self.doc[k + 1: end]
        return span

    def _according(self, frame: list[Token], opening_only: bool = False):
        """"…, according to X"; with ``opening_only`` (a short fragment), only a phrase opening its sentence, whose
        source the whole sentence is from ("Pour lui, la direction « refuse d'entendre »")."""
        span = self._span(frame)
        hit = _find_phrase(span, ACCORDING_TO.get(self.cues.language, ()))
        if hit is None or opening_only and (not frame or hit[0] != frame[0].i):
            return None
        first, last = hit
        pronoun = self._pronoun_in_phrase(first, last)
        if pronoun is not None:
            speaker = self._stands_for(pronoun)
            return (speaker, self.doc[first].text, _how(speaker)) if speaker is not None else None
        if self.tagged:
            # "nach Angaben des Ministeriums", "dem Bericht zufolge": the source's noun phrase, after or before
            at = next(k for k, t in enumerate(frame) if t.i == first)
            found = source_phrase(frame, at, tuple(t.lower_ for t in self.doc[first:last + 1]))
            obj_span = self._span(frame[found[0]:found[1]]) if found else None
        else:
            obj_span = self._object_phrase(self.doc[span.start: span.end], last) if self.parsed else self._span(
                [t for t in frame if t.i > last][:5])
        if obj_span is None or len(obj_span) == 0:
            return None
        speaker = self.resolver.from_span(obj_span)
        return (speaker, self.doc[first].text, _how(speaker)) if speaker is not None else None

    def _span(self, tokens: list[Token]) -> Span:
        return self.doc[tokens[0].i: tokens[-1].i + 1] if tokens else self.doc[0:0]

    def _token_at_or_after(self, char: int) -> int:
        """The token containing ``char``, else the first one after it (binary search, not a scan per quote)."""
        starts = self._token_starts
        i = bisect_right(starts, char) - 1
        if i >= 0 and starts[i] < char < starts[i] + len(self.doc[i]):
            return i
        return bisect_left(starts, char)

    def _paragraph_index(self, char: int) -> int:
        return bisect_right(self.paragraph_starts, char) - 1

    def _previous_speaker(self, char: int) -> Speaker | None:
        """The speaker of the statement that ends last before ``char``, within about two sentences."""
        before = [f for f in self.found if f.end <= char and char - f.end < 400 and f.speaker is not None]
        return max(before, key=lambda f: f.end).speaker if before else None

    def _inside_quote(self, char: int) -> bool:
        i = bisect_right(self._span_starts, char) - 1
        return i >= 0 and self.spans[i].start <= char < self.spans[i].end

    def _quoted_share(self, start: int, end: int) -> float:
        if end <= start:
            return 0.0
        return self._quoted_share_chars(self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1]))

    def _quoted_share_chars(self, a: int, b: int) -> float:
        if b <= a:
            return 0.0
        inside = sum(max(0, min(b, s.end) - max(a, s.start)) for s in self.spans)
        return inside / (b - a)

    # -- output ------------------------------------------------------------------------------------------

    def _records(self) -> tuple[Quote, ...]:
        found = sorted(self.found, key=lambda f: (f.start, -f.end))
        kept: list[Found] = []
        for f in found:
            if any(k.start == f.start and k.end == f.end for k in kept):
                continue
            kept.append(f)
        out = []
        statements: dict[int, int] = {}
        for f in kept:
            s = f.speaker
            statement = statements.setdefault(id(f.statement()), len(statements))
            out.append(Quote(
                text=self.text[f.start:f.end],
                start=f.start,
                end=f.end,
                speaker=s.name if s else None,
                speaker_kind=s.kind if s else "unknown",
                speaker_entity=s.entity if s else None,
                speaker_role=s.role if s else None,
                cue=f.cue,
                direct=f.direct,
                confidence=confidence(f.how if s else "none", f.direct, s.kind if s else "unknown"),
                statement=statement,
                attribution=f.how if s else "none",
            ))
        return tuple(out)

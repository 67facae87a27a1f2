"""Reported speech: who is said to have said what, without quotation marks.

A reporting verb with a clausal complement ("X said (that) …", "…, the army
said"), "according to X" / "selon X", a headline ending in ": governor" or
"– Name", "X announced this" after the statement, and an unquoted passage
followed by "- reported X". Needs a dependency parse; mixed into the quote
finder, whose span helpers it uses.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..mentions import unasserted
from .common import _DASHES, _SUBJECT, _subject_phrase, _TERMINAL, Found, _how, _find_phrase, _trim, anonymity_formula
from .cues import ACCORDING_TO
from .lexicon import AS_WORDS, DOCUMENT_NOUNS, GROUP_POSSESSIVES, GROUP_PRONOUNS, PERSON_PRONOUNS, POSSESSIVE_PRONOUNS
from .speakers import Speaker


# What an object is charged with or blamed for hangs on these ("accused X of Y", "blamed X on Y").
_CHARGE_PREPOSITIONS = ("of", "on", "for")
# Cues whose object is whom they spoke to: "…, officials told reporters".
_TOLD = frozenset({"tell", "inform", "assure", "remind", "warn", "brief"})
# Above this share of quoted words a reported clause is the direct quote itself.
_MIXED_MAX_QUOTED = 0.75
# ... unless this many words of its own stand around the quoted ones, up to the larger share.
_MIXED_MIN_OWN_WORDS = 3
_MIXED_MAX_QUOTED_WITH_OWN = 0.9
# Above this share of quoted words a sentence with a cue set between commas is a direct quote interrupted.
_ASIDE_MAX_QUOTED = 0.3
# Marks that open a quotation.
_OPENING_MARKS = "“\"«„"


class ReportedSpeech:

    def _reported(self) -> None:
        # Participles ("…, adding that …") last, so they can take the speaker of the verb they hang on.
        cues, constructions = [], []
        open_speaker: list[tuple[Span, list[Found], Token, Speaker | None]] = []
        for t in self.doc:
            if self._reporting_cue(t):
                cues.append(t)
            elif not self.cues.is_reporting(t) and self._construction_cue(t):
                constructions.append(t)
        cues.sort(key=lambda t: (t.tag_ == "VBG", t.i))
        for t in cues:
            if self._dash_led(t):
                continue
            if t.tag_ == "VB" and not any(c.dep_ in _SUBJECT + ("aux",) for c in t.children) and (
                    t.dep_ in ("ROOT", "parataxis") or t.i == t.sent.start):
                continue  # an imperative: "report an error" (not "went on to promote X, note that Y")
            clause = (_reported_clause(t) or _statement_clause(t) or _object_read_as_clause(t)
                      or _gerund_read_as_clause(t))
            if clause is not None and self._crosses_paragraph(t, clause):
                clause = None  # the parser ran on into the next paragraph
            if clause is None:
                if not (self._licensed(t) or self._antecedent(t) or self._as_noted(t) or self._interposed(t)):
                    self._parenthetical(t)
                continue
            # "X said Y, the Guardian reports": the inner verb with its own subject speaks for Y (a verb joined to
            # the clause speaks only with a subject of its own: not "said Y and suggested that Z"). After the cue
            # the whole clause is what was said: "Cruz said both he and Rubio promised to lead the fight".
            heads = [clause] + [c for c in clause.children if c.dep_ == "conj" and any(
                g.dep_ in _SUBJECT for g in c.children)]
            if clause.i < t.i and any(self._reporting_cue(h) and _speaks_itself(h) for h in heads):
                continue
            start, end = self._clause_span(t, clause)
            if end - start < (2 if _has_subject(clause) or _relative_object(t) else 4):
                continue
            span = self.doc[start:end]
            if not any(x.pos_ in ("VERB", "AUX") for x in span) or span.text.rstrip().endswith("?"):
                continue
            quoted = self._quoted_in(span.start_char, span.end_char)
            if self._mostly_quoted(span) and not self._mixed(span, t):
                continue
            outer = self._enclosing_report(t)
            if outer is not None and t.tag_ == "VBG":
                if outer.start <= span.start_char and span.end_char <= outer.end:
                    continue  # already part of the statement it belongs to
                speaker = outer.speaker
            else:
                speaker = self._subject(t, None, None)
            if speaker is None:
                unnamed, described = _unnamed_subject(t)
                if unnamed:
                    open_speaker.append((span, quoted, t, described))
                continue
            self._state(self._statement_start(span), self._statement_end(span, quoted), speaker, t.text, quoted)
        for t in constructions:
            self._licensed(t)  # "urged residents to leave": no clause, other content
        self._according_sentences()
        # Last, what someone unnamed said, where no attributed statement took the words.
        for span, quoted, t, described in open_speaker:
            start, end = self._statement_start(span), self._statement_end(span, quoted)
            if not any(f.start < end and start < f.end and not f.direct for f in self.found):
                self._state(start, end, described, t.text, [q for q in quoted if q.speaker is None])

    def _construction_cue(self, t: Token) -> bool:
        return (t.pos_ == "VERB" and not self._inside_quote(t.idx) and self.cues.is_cue(t) and not anonymity_formula(t)
                and (self.cues.licenses(t, "question") or not any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children))
                and unasserted(t) is None)  # (a passive reports a question: "was asked whether …")

    def _licensed(self, cue: Token) -> bool:
        """What the cue's lexicon entry says was said when no clause follows: an infinitive ("+to": "vowed to
        fight on"), an object ("+object": "denied the charge"), what was asked for ("+for": "called for an
        inquiry"), or an object with what is said of it ("+predicate": "called Trump a liar"). Adds it; tells
        whether it did."""
        subjects = [c for c in cue.children if c.dep_ in _SUBJECT]
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children) or (cue.tag_ == "VBN" and not subjects) or (
                subjects and subjects[0].i == cue.i - 2 and cue.nbor(-1).text == ","):
            # ("Ben Carson, asked about his claims": a comma parts no subject from its verb; the verb is a participle)
            # "was asked to", "When asked how he was holding up, he said": the subject is who was asked; the
            # question is still a statement, of someone unnamed
            return self._question_put(cue)
        if cue.dep_ == "pcomp":
            return False  # "called for denying entry": what another statement asks, no statement of its own
        content = last = None
        clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i and any(
            m.dep_ == "mark" and m.lower_ in _THAT for m in c.children)), None)
        if clause is not None and not self._crosses_paragraph(cue, clause):
            # "joked that he appreciates a good protest", "urged that everyone relax": any cue with a "that" clause
            # reports it
            return self._that_clause(cue, clause)
        if self.cues.licenses(cue, "question"):
            # "asked whether his aim was similar": the question asked
            content = next((c for c in cue.children if c.dep_ in ("ccomp", "advcl") and c.i > cue.i and _asks(c)), None)
        if content is None and self.cues.licenses(cue, "to"):
            content = next((c for c in cue.children if c.dep_ in ("xcomp", "ccomp") and c.i > cue.i
                            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        predicate = self.cues.licenses(cue, "predicate") and any(
            c.i > cue.i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as") for c in cue.children)
        if content is None and self.cues.licenses(cue, "object") and not predicate:  # (not "described it as …")
            content = next((c for c in cue.children if c.dep_ == "dobj" and c.pos_ not in ("PRON", "DET")), None)
            if content is not None:
                # "accused Smith of lying", "blamed the law on politicians": what they are said to have done
                last = next((c for c in cue.children if c.dep_ == "prep" and c.i > content.i
                             and c.lower_ in _CHARGE_PREPOSITIONS and any(
                                 g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME") for g in c.children)),
                            content)
        cited = self.cues.prepositions(cue)
        asked = tuple(p for p in ("for", "on") if self.cues.licenses(cue, p)) + cited  # prepositions of what was asked
        if content is None and (self.cues.licenses(cue, "for") or cited) and not any(c.dep_ == "dobj" for c in cue.children):
            # "called for an investigation", "called for banning entry": what was asked for (not "called an
            # election for July 4"); "called on Sanders to join her": who was asked, with what
            content = next((g for c in cue.children if c.dep_ == "prep" and c.lower_ in asked
                            for g in c.children if g.dep_ in ("pobj", "pcomp") and g.ent_type_ not in ("DATE", "TIME")
                            and (c.lower_ in ("for",) + cited or _infinitive_after(cue, g) is not None)), None) or next((
                # "called for all candidates to lay out specifics": the parser reads "for … to" as a clause
                c for c in cue.children if c.dep_ == "advcl" and c.i > cue.i and any(
                    m.dep_ == "mark" and m.lower_ == "for" and m.i == c.left_edge.i for m in c.children)), None)
        last = last if last is not None else content
        if content is not None and asked:
            # "called for states to take the necessary steps": the infinitive goes with what was asked for
            last = _infinitive_after(cue, content) or content
        if content is None and self.cues.licenses(cue, "predicate"):
            # "called Trump a liar", "described the plan as reckless": the object with what is said of it
            parts = [c for c in cue.children if c.i > cue.i and (c.dep_ in ("dobj", "oprd") or (
                c.dep_ == "prep" and c.lower_ == "as"))]
            said_of = [c for c in parts if c.dep_ == "oprd" or c.dep_ == "prep"]
            if parts and said_of and parts[0] is not said_of[-1]:
                content, last = parts[0], said_of[-1]
            elif parts and parts[0].dep_ == "dobj":
                # "called the use of executive orders “quite dangerous”": the parser hangs the quoted words on the
                # object; they are what is said of it
                last = self._quoted_after(parts[0])
                content = parts[0] if last is not None else None
        if content is None or self._crosses_paragraph(cue, last):
            return False
        start, end = self._within_paragraph(cue, content.left_edge.i, last.right_edge.i + 1)
        end = _before_trailing_aside(self.doc, start, end)  # "vowed to repeal the amendment, a provision that …"
        if self.doc[start].dep_ == "mark" and self.doc[start].lower_ in asked:
            start += 1
        while end > start and (self.doc[end - 1].is_punct or self.doc[end - 1].is_space):
            end -= 1
        span = self.doc[start:end]
        if len([x for x in span if not x.is_punct]) < 2 or self._mostly_quoted(span) and not self._mixed(span, cue):
            return False  # (a mixed quote, "called Palin a “clown”", is the statement of its quoted words)
        said, speaker = self._teller(cue, objects_speak=False)  # (with "both vowed to be tougher")
        if not said:
            return False
        quoted = self._quoted_in(span.start_char, span.end_char)
        self._state(span.start_char, self._statement_end(span, quoted), speaker, cue.text, quoted)
        return True

    def _quoted_in(self, start: int, end: int) -> list[Found]:
        """The direct quotes that open between two offsets: the quoted words of a mixed statement."""
        return [f for f in self.found if f.direct and start <= f.start < end]

    def _through_open_quote(self, start: int, end: int) -> int:
        """Where a statement ends that may open a quotation it does not close: after that quotation's mark, not
        at the full stop inside it."""
        return max([end] + [q.end for q in self.spans if start <= q.start < end < q.end])

    def _state(self, start: int, end: int, speaker: Speaker | None, cue: str, quoted: list[Found]) -> Found:
        """Add a reported statement and make the quoted words inside it its own (a mixed quote)."""
        statement = Found(start, end, False, speaker, cue, _how(speaker))
        self.found.append(statement)
        self._adopt(statement, quoted)
        return statement

    def _teller(self, cue: Token, *, objects_speak: bool = True) -> tuple[bool, Speaker | None]:
        """Whether someone is said to speak through ``cue``, and who: the resolved subject, else a subject the
        resolver cannot name (a share as written, or no one for a pronoun with no antecedent)."""
        speaker = self._subject(cue, None, None, objects_speak=objects_speak)
        if speaker is not None:
            return True, speaker
        return _unnamed_subject(cue)

    def _that_clause(self, cue: Token, clause: Token) -> bool:
        start, end = self._clause_span(cue, clause)
        span = self.doc[start:end]
        if end - start < 2 or not any(x.pos_ in ("VERB", "AUX") for x in span):
            return False
        if self._mostly_quoted(span) and not self._mixed(span, cue):
            return False
        said, speaker = self._teller(cue, objects_speak=False)
        if not said:
            return False
        quoted = self._quoted_in(span.start_char, span.end_char)
        self._state(self._statement_start(span), self._statement_end(span, quoted), speaker, cue.text, quoted)
        return True

    def _question_put(self, cue: Token) -> bool:
        """The question put to the subject of a passive ("was asked whether he would run", "Asked about the
        merger, she said …"): what was asked, with whoever asked it left open."""
        if not self.cues.licenses(cue, "question"):
            return False
        content = next((c for c in cue.children if c.dep_ in ("ccomp", "advcl") and c.i > cue.i and _asks(c)), None)
        if content is None:
            content = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ == "about" and c.i == cue.i + 1
                            and any(g.dep_ in ("pobj", "pcomp") and g.pos_ != "PRON" for g in c.children)), None)
        if content is None or self._crosses_paragraph(cue, content):
            return False
        start, end = self._within_paragraph(cue, content.left_edge.i, content.right_edge.i + 1)
        span = _trim(self.doc[start:end])
        if len([x for x in span if not x.is_punct]) < 2 or self._mostly_quoted(span):
            return False
        if any(f.start < span.end_char and span.start_char < f.end for f in self.found):
            return False
        self._state(span.start_char, span.end_char, None, cue.text, [])
        return True

    def _statement_start(self, span: Span) -> int:
        """A statement that opens with the words it quotes opens with their mark."""
        start = span.start_char
        return start - (start > 0 and self.text[start - 1] in _OPENING_MARKS)

    def _statement_end(self, span: Span, quoted: list[Found]) -> int:
        """A statement ends after the words it quotes, with their closing mark when they end it."""
        end = max([span.end_char] + [f.end for f in quoted])
        return end + (end < len(self.text) and self.text[end] in "”\"»")

    def _quoted_after(self, phrase: Token) -> Token | None:
        """The last word of a quoted passage that opens inside ``phrase`` or right after it."""
        after = self.doc[phrase.right_edge.i + 1].idx if phrase.right_edge.i + 1 < len(self.doc) else len(self.text)
        for q in self.spans:
            if phrase.left_edge.idx < q.start <= after and not q.dialogue:
                words = self.doc.char_span(q.inner_start, q.inner_end, alignment_mode="expand")
                return words[-1] if words is not None and len(words) else None
        return None

    @staticmethod
    def _adopt(statement: Found, quoted: list[Found]) -> None:
        """A mixed quote: the quoted words inside a reported statement are its speaker's, one statement."""
        for part in quoted:
            if part.part_of is None:
                part.part_of, part.speaker, part.cue, part.how = statement, statement.speaker, statement.cue, statement.how

    def _reporting_cue(self, t: Token) -> bool:
        if not self.cues.is_reporting(t) or t.pos_ not in ("VERB", "AUX") or self._inside_quote(t.idx):
            return False
        # "did not say", "declined to say", "denied saying": no statement is reported
        return self.cues.particles_allowed(t) and unasserted(t) is None

    def _clause_span(self, cue: Token, clause: Token) -> tuple[int, int]:
        """The reported clause: after the cue to the sentence end, or from the sentence start to the cue."""
        sent = cue.sent
        if clause.i > cue.i:
            # (a relative pronoun the clause is about stands before the cue: "a vote, which she said was a mistake")
            start, end = max(clause.left_edge.i, cue.i + 1), sent.end
            governors = {a.i for a in cue.ancestors}
            for k in range(max(start, cue.i + 1), sent.end):
                x = self.doc[k]
                # "Podesta, who said X, said Y", "Asked if she believed X, Clinton said Y": the sentence the cue's
                # clause hangs in goes on; what was said stops where it does
                if k > clause.right_edge.i and (k in governors or x.head.i in governors and x.dep_ in _SUBJECT):
                    end = k if k in governors else max(x.left_edge.i, clause.right_edge.i + 1)
                    break
                # "said X, echoing a memo", "said X, but officials said Y": what hangs on the cue after its clause
                # is not what was said
                if k > clause.right_edge.i and x.head.i == cue.i and x.dep_ in ("advcl", "conj", "cc") and not (
                        x.dep_ == "advcl" and x.tag_ == "VB" and not any(c.dep_ in _SUBJECT + ("mark",) for c in x.children)
                ) and not _second_that_clause(x):
                    # (but a bare verb the parser hung there continues a list: "needed to develop a vaccine,
                    # educate the public and learn more")
                    end = k
                    break
                # Stop at ", adding that …" and "according to …": another statement or source.
                comma = self.doc[k - 1].text in (",", ";") or (
                    self.doc[k - 1].text in "”\"»" and self.doc[k - 2].text in (",", ";"))  # ',” according to'
                if k > start + 3 and comma and (
                    (x.tag_ == "VBG" and self.cues.is_reporting(x)) or x.lower_ in ("according", "selon")):
                    end = k - 1
                    break
                # "suggested that X and argued that Y", "said X, and urged that Y": a second verb of speech,
                # coordinated, says something else
                if (k > start + 3 and x.dep_ == "conj" and self.doc[k - 1].dep_ == "cc" and x.pos_ == "VERB"
                        and self._construction_cue(x)
                        and not any(c.dep_ in _SUBJECT for c in x.children)):
                    end = k - 1
                    break
            end = _before_trailing_aside(self.doc, start, end)
            end = self._before_trailing_report(cue, start, end)
            if cue.dep_ in ("relcl", "acl:relcl"):
                end = min(end, clause.right_edge.i + 1)  # the sentence the relative clause sits in goes on
        else:
            start, end = sent.start, clause.right_edge.i + 1
        start, end = self._within_paragraph(cue, start, end)
        while start < end and (self.doc[start].dep_ == "mark" or self.doc[start].is_punct or self.doc[start].is_space
                               or self.doc[start].lower_ in ("that", "que", "qu'", "qu’")):
            start += 1
        while end > start and ((self.doc[end - 1].is_punct and self.doc[end - 1].text not in ".!?…") or self.doc[end - 1].is_space
                               or self.doc[end - 1].dep_ == "cc"):  # "… spending and [argued that …]"
            end -= 1
        if end > start and self.doc[end - 1].text == ".":
            end -= 1
        return start, end

    def _before_trailing_report(self, cue: Token, start: int, end: int) -> int:
        """"said the party was hostile to Latinos, compared with 30 percent who say the same of Mr. Trump": a
        phrase after a comma that reports someone else's words is another statement (not a second "that" clause
        of the same cue)."""
        # (only a phrase that ends the clause: not "the new plan, which Smith said was flawed, would pass")
        # (nor the reported clause's own verb: "say that the governor, who must decide, has revealed nothing")
        last = max((x.i for x in self.doc[start + 4:end] if x.i != cue.i and x.head.i != cue.i and x.pos_ == "VERB"
                    and x.right_edge.i >= end - 2 and self._reporting_cue(x)), default=None)
        for k in range(start + 3, min(end - 1, last or 0)):
            if self.doc[k].text == "," and self.doc[k + 1].lower_ not in _THAT and not (
                    self.doc[k + 1].dep_ == "cc" and self.doc[k + 2].lower_ in _THAT):
                return k
        return end

    def _within_paragraph(self, cue: Token, start: int, end: int) -> tuple[int, int]:
        for k in range(cue.i - 1, start - 1, -1):
            if "\n" in self.doc[k].text or "\n" in self.doc[k].whitespace_:
                start = k + 1
                break
        for k in range(cue.i, end):
            if "\n" in self.doc[k].text or "\n" in self.doc[k].whitespace_:
                end = k + (0 if "\n" in self.doc[k].text else 1)
                break
        return start, end

    def _crosses_paragraph(self, cue: Token, clause: Token) -> bool:
        a, b = sorted((cue.i, clause.i))
        return any("\n" in x.text or "\n" in x.whitespace_ for x in self.doc[a:b])

    def _mixed(self, span: Span, cue: Token) -> bool:
        """A reported clause that quotes some of its words ("said it will “compete vigorously”", "said he had “the
        courage” to do “what the grass roots want”"), or opens with a quote and goes on past it ("said that “we
        need more information” about how the FBI …"): words of the clause's own stand around the quoted ones."""
        share = self._quoted_share(span.start, span.end)
        own = sum(1 for x in span if not x.is_punct and not self._inside_quote(x.idx))
        if self._starts_quoted(span):
            # (only after its cue: before it, the words after the quote name the speaker)
            return span.start > cue.i and own >= _MIXED_MIN_OWN_WORDS and share < _MIXED_MAX_QUOTED
        return share < _MIXED_MAX_QUOTED or (own >= _MIXED_MIN_OWN_WORDS and share < _MIXED_MAX_QUOTED_WITH_OWN)

    def _mostly_quoted(self, span: Span) -> bool:
        """A clause that is largely a direct quote is that quote, not a second, reported one."""
        return self._quoted_share(span.start, span.end) >= 0.3 or self._starts_quoted(span)

    def _starts_quoted(self, span: Span) -> bool:
        return self._inside_quote(span.start_char) or self._statement_start(span) != span.start_char

    def _enclosing_report(self, t: Token) -> Found | None:
        """The reported statement around ``t``, or whose sentence ``t`` continues."""
        sent = t.sent
        return next((f for f in self.found if not f.direct and (
            f.start <= t.idx < f.end or (sent.start_char <= f.start and f.end <= sent.end_char))), None)

    def _parenthetical(self, t: Token) -> None:
        """"…, officials said Tuesday." / "…, asserts X": a cue at the end of the sentence with no clause parsed."""
        sent = t.sent
        _, tail_end = self._within_paragraph(t, t.i, sent.end)
        tail = [x for x in self.doc[t.i + 1: tail_end] if not x.is_punct and not x.is_space]
        if any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in t.children) and t.lemma_ not in _TOLD:
            return  # "…, and claimed victory over the city": a verb with an object of its own, not an attribution
        if len(tail) > 12 or any(x.pos_ == "VERB" for x in tail) or self._quoted_share(t.i + 1, tail_end) > 0:
            return  # (what follows the cue in quotation marks is what it reports: "…, décrit « un afflux … »")
        comma = next((k for k in range(t.i - 1, sent.start, -1) if self.doc[k].text in (",", "–", "—")), None)
        if comma is None or t.i - comma > 8:
            return
        start, end = self._within_paragraph(t, sent.start, comma)
        span = _trim(self.doc[start:end])
        if len(span) < 5 or not any(x.pos_ in ("VERB", "AUX") for x in span) or self._mostly_quoted(span):
            return
        if any(self._reporting_cue(x) for x in span):
            return
        bars = [x.i for x in span if x.text == "|"]  # "|" inside a token ("a|b") is not a separator
        if bars:
            span = _trim(self.doc[max(bars) + 1: span.end])
        said, speaker = self._teller(t)
        if speaker is None and comma + 1 < t.i:
            speaker = self.resolver.from_span(self.doc[comma + 1: t.i])
            said = said or speaker is not None
        if not said:
            return
        self._state(span.start_char, span.end_char, speaker, t.text, [])

    def _as_noted(self, t: Token) -> bool:
        """"As the Times noted, Clinton raised $1.1m" ("Como señaló X, …"): the clause the "as" clause leads into
        is what was said."""
        main = t.head
        if not (t.dep_ in ("advcl", "parataxis") and t.i < main.i
                and any(c.dep_ == "mark" and c.lower_ in AS_WORDS for c in t.children)):
            return False
        sent = t.sent
        comma = next((k for k in range(t.i + 1, main.i) if self.doc[k].text == "," and self.doc[k].head in (t, main)), None)
        if comma is None:
            return False
        start, end = self._within_paragraph(t, comma + 1, sent.end)
        span = _without_full_stop(_trim(self.doc[start:end]))
        if len(span) < 4 or not any(x.pos_ in ("VERB", "AUX") for x in span) or self._mostly_quoted(span):
            return False
        speaker = self._subject(t, None, None)
        if speaker is None:
            return False
        self._state(span.start_char, span.end_char, speaker, t.text, [])
        return True

    def _interposed(self, t: Token) -> bool:
        """"The talks, she said, would resume in May": a cue set between commas inside the statement it reports;
        the words on both sides are one statement (the part before only when it says something: not "In
        particular, he said, …")."""
        main = t.head
        if t.dep_ != "parataxis" or t.i == main.i or not (main.dep_ == "ROOT" or main.head.dep_ == "ROOT" and main.dep_ in (
                "ccomp", "xcomp")):
            return False  # (the aside may sit in the clause a verb before it governs: "He hoped, he said, that …")
        sent = t.sent
        # the comma before the cue and its subject (the parser may hang the opening clause on the cue too:
        # "After the court approved the law, Hebert said, most laws …")
        subject = min((c.left_edge.i for c in t.children if c.dep_ in _SUBJECT and c.i < t.i), default=t.i)
        before_end = subject - 1
        after_start = next((k + 1 for k in range(t.i + 1, min(sent.end, t.right_edge.i + 2)) if self.doc[k].text == ","), None)
        if before_end <= sent.start or self.doc[before_end].text != "," or after_start is None:
            return False
        if self._quoted_share(sent.start, sent.end) >= _ASIDE_MAX_QUOTED or self._crosses_paragraph(t, main):
            return False  # (a few quoted words leave the statement mixed: 'In 2008, Trump said, it made him a "sponsor"')
        after = _without_full_stop(_trim(self.doc[after_start:sent.end]))
        before = _trim(self.doc[sent.start:before_end])
        # (an adverbial phrase before the cue, "In both cases, Eric Trump said, …", says nothing of its own)
        roots = [x for x in before if not (before.start <= x.head.i < before.end) or x.head is x]
        adjunct = bool(roots) and all(x.dep_ in ("prep", "advmod", "npadvmod", "punct") for x in roots)
        substantive = (len([x for x in before if not x.is_punct]) >= 2 and not adjunct
                       and any(x.pos_ in ("NOUN", "PROPN", "PRON") for x in before))
        if len(after) < (2 if substantive else 4) or not any(x.pos_ in ("VERB", "AUX") for x in after):
            return False
        said, speaker = self._teller(t)
        if not said:
            return False
        parts = [before, after] if substantive else [after]
        first = None
        for part in parts:
            end = self._through_open_quote(part.start_char, part.end_char)
            found = Found(part.start_char, end, False, speaker, t.text, _how(speaker), part_of=first)
            self.found.append(found)
            first = first or found
        self._adopt(first, self._quoted_in(sent.start_char, sent.end_char))
        return True

    def _antecedent(self, t: Token) -> bool:
        """"X announced this": the statement is the sentence before."""
        if not any(c.dep_ in ("dobj", "obj") and c.lower_ in ("this", "so", "cela", "ça") for c in t.children):
            return False
        sentence = t.sent
        if sentence.start == 0:
            return False
        previous = self.doc[sentence.start - 1].sent
        if self._quoted_share(previous.start, previous.end) > 0 or any(self.cues.is_reporting(x) for x in previous):
            return False
        speaker = self._subject(t, None, None)
        if speaker is None:
            return False
        span = _trim(previous)
        self._state(span.start_char, span.end_char, speaker, t.text, [])
        return True

    def _dash_led(self, t: Token) -> bool:
        """"…two were injured. - reported X": the unquoted passage before the dash is X's statement."""
        if t.i < 2 or self.doc[t.i - 1].text not in _DASHES or self.doc[t.i - 2].text not in _TERMINAL:
            return False
        paragraph_start = self.paragraph_starts[self._paragraph_index(t.idx)]
        start, end = paragraph_start, self.doc[t.i - 1].idx
        if end - start < 20 or self._quoted_share_chars(start, end) > 0:
            return False
        after = [x for x in self.doc[t.i + 1: min(len(self.doc), t.i + 16)] if "\n" not in x.text]
        after = after[: next((k for k, x in enumerate(after) if x.text in _TERMINAL), len(after))]
        speaker = self.resolver.from_span(self._span(after)) if after else None
        if speaker is None:
            return False
        while end > start and self.text[end - 1].isspace():
            end -= 1
        self.found.append(Found(start, end, True, speaker, t.text, _how(speaker)))
        return True

    def _according_sentences(self) -> None:
        phrases = ACCORDING_TO.get(self.cues.language, ())
        for sent in self.doc.sents:
            # (a few quoted words leave the sentence a mixed statement: "…, Monday's speech represents “a test” …")
            if self._quoted_share(sent.start, sent.end) >= _ASIDE_MAX_QUOTED:
                continue
            if any(f.start < sent.end_char and f.end > sent.start_char and not f.direct for f in self.found):
                continue
            hit = _find_phrase(sent, phrases)
            if hit is None:
                continue
            first, last = hit
            pronoun = self._pronoun_in_phrase(first, last)
            if pronoun is not None:  # "по его словам", "pour lui": the speaker is whom the pronoun stands for
                speaker = self._stands_for(pronoun)
                cut_start, cut_end = first, last + 1
            else:
                obj_span = self._object_phrase(sent, last)
                if obj_span is None:
                    continue
                speaker = self.resolver.from_span(obj_span)
                # The statement is the sentence without the "according to X" phrase (which a comma ends, whatever
                # the parse hangs on it: "Selon elle, seul un TGV sur trois circulera").
                comma = (obj_span.end < sent.end and self.doc[obj_span.end].text in (",", "،")
                         and obj_span.root.pos_ == "PRON")  # after a name, the comma may open its apposition
                cut_start, cut_end = first, (obj_span.end if comma
                                             else min(sent.end, max(obj_span.end, obj_span.root.right_edge.i + 1)))
                # "according to the statement": a document no one is named as issuing says it; the statement is
                # kept with its speaker open
                if speaker is None and not (obj_span.root.lemma_.lower() in _STATEMENT_NOUNS | DOCUMENT_NOUNS):
                    continue
            if speaker is None and pronoun is not None:
                continue
            parts = [self.doc[sent.start:cut_start], self.doc[cut_end:sent.end]]
            parts = [_trim(p) for p in parts if len(_trim(p)) >= 4]
            if not parts:
                continue
            span = max(parts, key=len)
            end = self._through_open_quote(span.start_char, span.end_char)
            self._state(span.start_char, end, speaker, self.doc[first].text, self._quoted_in(span.start_char, end))

    def _pronoun_in_phrase(self, first: int, last: int) -> Token | None:
        """The pronoun inside an "according to" phrase: "по его словам", "за її словами", "pour lui"."""
        return next((t for t in self.doc[first:last + 1] if t.lower_ in POSSESSIVE_PRONOUNS | GROUP_POSSESSIVES
                     or (t.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS and t.i > first)), None)

    def _stands_for(self, pronoun: Token) -> Speaker | None:
        if pronoun.lower_ in POSSESSIVE_PRONOUNS or pronoun.lower_ in PERSON_PRONOUNS:
            return self.resolver.pronoun(pronoun.idx)
        return self.resolver.group(pronoun)

    def _headline_speaker(self) -> tuple[int, Speaker | None]:
        """"Port targeted by drones: governor", "Attack on Karabakh – Ruben Vardanyan": who the headline quotes."""
        end = self.text.find("\n")
        end = len(self.text) if end < 0 else end
        line = self.text[:end]
        match = re.search(r"(?::|\s[–—-])\s+([^:–—]{2,60})$", line)
        if not match or len(match.group(1).split()) > 5:
            return 0, None
        tail = re.sub(r"\s*\((?:video|photos?|audio|watch)\)\s*$", "", match.group(1).rstrip(), flags=re.I)
        who = self.doc.char_span(match.start(1), match.start(1) + len(tail), alignment_mode="expand")
        if who is None or any(t.pos_ in ("VERB", "AUX") for t in who):
            return 0, None  # "Nouvelle-Calédonie : le dialogue reprend à Nouméa": a clause, not who speaks
        speaker = self.resolver.from_span(who)
        if speaker is None or speaker.kind == "unknown":
            return 0, None
        statement_end = match.start()
        while statement_end > 0 and self.text[statement_end - 1].isspace():
            statement_end -= 1
        return (statement_end, speaker) if statement_end >= 15 else (0, None)

    def _headline(self) -> None:
        """The headline's statement as a reported quote of the speaker named at its end."""
        end, speaker = self.headline_end, self.headline_speaker
        if speaker is None:
            return
        if not any(f.start <= 1 and f.end >= end - 2 for f in self.found):
            self.found.append(Found(0, end, False, speaker, None, "headline"))


def _without_full_stop(span: Span) -> Span:
    """A reported statement ends before its sentence's full stop, as the clauses after a cue do."""
    return span[:-1] if len(span) > 1 and span[-1].text == "." else span


_QUESTION_MARKERS = frozenset(("whether", "if"))


def _infinitive_after(cue: Token, after: Token) -> Token | None:
    """The cue's infinitive after ``after``: "called on Sanders to join her"."""
    return next((c for c in cue.children if c.dep_ in ("advcl", "xcomp") and c.i > after.i
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


def _asks(clause: Token) -> bool:
    """An embedded question: "whether …", "if …", or opened by a wh-word ("how high the wall would be")."""
    first = clause.left_edge
    return first.lower_ in _QUESTION_MARKERS or first.tag_ in ("WDT", "WP", "WP$", "WRB")


_STATEMENT_NOUNS = frozenset(("statement post message interview video address briefing report communique release tweet "
                              "letter email e-mail op-ed column speech remarks conference hearing appearance broadcast "
                              "memo filing podcast").split())


def _statement_clause(cue: Token) -> Token | None:
    """"said in a statement that …", "said in one of a series of Twitter messages that …": the parser hangs the
    clause on a noun of the phrase that says where it was said; it is still what was said. The clause opens with
    "that" as a conjunction (a mark), not as a relative pronoun ("a message that said …")."""
    for prep in cue.children:
        universal = prep.dep_ in ("obl", "obl:mod", "obl:arg", "nmod") and prep.i > cue.i
        if prep.dep_ != "prep" and not universal:
            continue
        phrase = [t for t in prep.subtree if t.i < cue.i + 16]
        # UD parsers hang "que …" on any phrase in between ("affirme de son côté que …"); English's only on a
        # statement noun is trusted ("said in a statement that …")
        if not universal and not any(t.lemma_.lower() in _STATEMENT_NOUNS for t in phrase):
            continue
        for clause in phrase:
            if clause.dep_ in ("acl", "relcl", "ccomp", "acl:relcl") and clause.i > prep.i and any(
                    c.dep_ == "mark" and c.lower_ in _THAT and c.i < clause.i for c in clause.children):
                return clause
    return None


def _object_read_as_clause(cue: Token) -> Token | None:
    """"reported that the decision to tap Merkel … was made": a parser that reads the clause's subject as the cue's
    object still hangs "that" on it; the object is then the clause."""
    return next((c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i and any(
        m.dep_ == "mark" and m.lower_ in _THAT and m.i < c.i for m in c.children)), None)


# What the writer adds after a comma or dash at the end of a reported clause: a non-restrictive relative clause
# (", which forced …") or an indefinite apposition that sums it up (", a plan the billionaire has modified …"). (A participle with no
# subject, ", calling them …", was tried too: PolNeAR train speech recall 0.740 either way.)
_ASIDES = frozenset({"relcl", "appos"})
_ASIDE_OPENERS = _DASHES | {",", "--", ";"}
_WH = frozenset({"which", "who", "whom", "whose"})


def _before_trailing_aside(doc, start: int, end: int) -> int:
    """Where a reported clause ends when the writer's aside ends the sentence: "said the deal-breaker was his
    proposal to ban Muslims, a plan he has since modified" reports only the first part."""
    for k in range(start + 3, end - 1):
        if doc[k].text not in _ASIDE_OPENERS:
            continue
        rest = doc[k + 1:end]
        roots = [x for x in rest if not (k < x.head.i < end) or x.head is x]
        if doc[k].text == ";" and not _more_said(rest) and all(not (start <= x.head.i < end) or x.head is x for x in roots):
            return k  # "…has more billionaires; Wealth-X tallies 585": what the clause does not govern, the writer's
        words = [x for x in roots if not x.is_punct]
        if len(words) != 1:
            continue
        root = words[0]
        if root.dep_ not in _ASIDES:
            continue
        if root.dep_ == "relcl" and rest[0].lower_ not in _WH and not (
                rest[0].pos_ == "ADP" and len(rest) > 1 and rest[1].lower_ in _WH):  # (", to which X interjected")
            continue
        if root.dep_ == "appos" and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children):
            continue  # an apposition that names ("Putin, president of Russia, ordered …") is no aside
        return k
    return end


_SENTENCE_BREAKS = _DASHES | {"--", ";", ":"}


def _reported_clause(cue: Token) -> Token | None:
    """The cue's clausal complement; one the parser hung on it from across a dash or a semicolon ("He has
    struggled … — he told the AP that his task is …") is another sentence, not what was said."""
    clauses = [c for c in cue.children if c.dep_ == "ccomp"]
    if len(clauses) > 1 and clauses[0].i < cue.i and any(
            x.text in _SENTENCE_BREAKS for x in cue.doc[clauses[0].right_edge.i + 1:cue.i]):
        return clauses[1]
    if (len(clauses) > 1 and clauses[0].i < cue.i < clauses[1].i and not any(c.dep_ in _SUBJECT for c in cue.children)
            and _has_subject(clauses[1]) and not any(x.is_quote for x in cue.doc[clauses[0].left_edge.i:cue.i])):
        return clauses[1]  # "Salkin, a rabbi helping to organize the boycott, said he …": the parse broke the subject
    return clauses[0] if clauses else None


def _more_said(rest: Span) -> bool:
    """Words after a semicolon that open another "that" clause of the same cue ("; that it would pass")."""
    return rest[0].lower_ in _THAT or len(rest) > 1 and rest[0].dep_ == "cc" and rest[1].lower_ in _THAT


def _second_that_clause(x: Token) -> bool:
    """"said the U.S. needs to secure the border, but that he would not support mass deportation": a second
    "that" clause joined to the cue is more of what was said."""
    if x.dep_ == "cc":
        return x.i + 1 < len(x.doc) and x.nbor(1).dep_ == "mark" and x.nbor(1).lower_ in _THAT
    return x.dep_ == "conj" and any(c.dep_ == "mark" and c.lower_ in _THAT for c in x.children)


def _gerund_read_as_clause(cue: Token) -> Token | None:
    """"said having Trump at the top of the ticket puts Republicans at risk": a parser that takes the clause's
    gerund subject for the cue's complement hangs the clause's finite verb on the gerund."""
    gerund = next((c for c in cue.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i == cue.i + 1), None)
    if gerund is None or any(c.dep_ == "aux" for c in gerund.children):
        return None
    finite = any(x.dep_ == "ccomp" and x.tag_ in ("VBZ", "VBD", "VBP", "MD") or
                 x.dep_ == "ccomp" and any(a.tag_ == "MD" for a in x.children) for x in gerund.subtree)
    return gerund if finite else None


def _relative_object(cue: Token) -> bool:
    """"a vote, which she has said was a mistake": the relative pronoun before the cue is what the clause is about."""
    return cue.dep_ in ("relcl", "acl:relcl") and any(
        c.i < cue.i and (c.tag_ in ("WDT", "WP") or c.lower_ in ("which", "that", "who")) for c in cue.children)


# Subjects that say some spoke without naming them: a share of those asked ("nine in 10 said", "several said",
# "others argue"), kept as written; and a pronoun with no antecedent in reach or the writer ("I said when I
# announced …"), whose statement is kept with its speaker open rather than dropped.
_SHARES = frozenset("several some many most few others other both all half majority minority one two".split())
_OPEN_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | frozenset({"i", "we", "you"})


def _unnamed_subject(cue: Token) -> tuple[bool, Speaker | None]:
    """Whether the cue's subject is someone the resolver cannot name, and the description it gives, if any."""
    for c in cue.children:
        if c.dep_ != "nsubj" or c.i > cue.i:
            continue
        if c.lower_ in _SHARES or c.like_num:
            return True, Speaker(_subject_phrase(c).text.strip(" ,"), "anonymous", None, None, "description")
        if c.lower_ in _OPEN_PRONOUNS:
            return True, None
    return False, None


def _has_subject(clause: Token) -> bool:
    """A clause with a subject of its own says something even when short ("said the candidate misspoke", "said he
    lied"); without one a short clause is a fragment the parser hung on the cue ("said so", "said to be")."""
    return clause.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in clause.children)


def _speaks_itself(verb: Token) -> bool:
    """An inner cue that reports on its own ("X said Y, the Guardian reports"): a clause, or a subject and no object
    (not "Власти объявили эвакуацию, сообщил губернатор": the authorities announced an act)."""
    children = list(verb.children)
    if any(c.dep_ in ("nsubjpass", "nsubj:pass", "auxpass", "aux:pass") for c in children):
        return False  # a passive does not report: "The process could be concluded in October, officials say"
    if any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ == "to") for c in children):
        return False  # what may or will be done is what was said: "He may add to his staff, he said"
    return any(c.dep_ == "ccomp" for c in children) or (
        any(c.dep_ in _SUBJECT for c in children) and not any(c.dep_ in ("obj", "dobj") for c in children))


# The conjunction that opens a reported clause ("said that …").
_THAT = frozenset({"that", "que", "qu'", "qu’", "что", "dass"})

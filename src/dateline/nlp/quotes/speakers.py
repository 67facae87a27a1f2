"""Who a speaker phrase stands for: a named entity, a resolved pronoun or role, or a description.

News names a speaker once ("Kherson Oblast Governor Iryna Kovalenko") and then
refers to them as "she", "the governor" or "Kovalenko". This module turns the
phrase found next to a cue into the canonical speaker: the document's entity
when there is one (with its id), else the person last named in a subject role
for a pronoun, else the person introduced earlier with that role noun, else the
phrase itself, kept as an anonymous or organizational description.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ...types import Entity
from ..lexicon import is_role_noun, person_roles
from .lexicon import (
    DOCUMENT_NOUNS,
    GROUP_PRONOUNS,
    ORG_NOUNS,
    OWNER_LINKS,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    PLATFORMS,
    POLL_NOUNS,
    RESPONDENT_SHARES,
    ROLE_SYNONYMS,
    SPEAKER_STOP,
    SPOKESPEOPLE,
    TITLE_WORDS,
)
from .tagged import source_name


# How far back (characters) "they" or "it" looks for the group it stands for: about two sentences.
_GROUP_REACH = 400


@dataclass(frozen=True)
class Speaker:
    name: str
    kind: str  # person | organization | anonymous | unknown
    entity: str | None = None
    role: str | None = None
    resolved: str = "named"  # named | pronoun | role | description


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entity: Entity
    subject: bool


class SpeakerResolver:
    """Resolution state for one document: its entity mentions and the roles they were given."""

    def __init__(self, doc: Doc, entities: tuple[Entity, ...] | None):
        self.doc = doc
        self.mentions: list[_Mention] = []
        parsed = doc.has_annotation("DEP")
        self.tagged = not parsed and doc.has_annotation("POS")  # tags without a parse or entities (German)
        for entity in entities or ():
            for m in entity.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                subject = parsed and span is not None and (span.root.dep_.startswith("nsubj") or (
                    span.root.dep_ == "appos" and span.root.head.dep_.startswith("nsubj")))  # "La alcaldesa, X, pidió"
                self.mentions.append(_Mention(m.start, m.end, entity, subject))
        # Text with tags and no names (German): runs of two or more proper nouns stand for the people named, so
        # "er" and "sie" have someone to refer to ("Bürgermeister Michael Franken zeigte sich erschöpft. „…“, sagte er.")
        self.tagged_names: list[tuple[int, Speaker]] = [] if entities else _proper_noun_runs(doc) if self.tagged else []
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]
        self.roles = self._collect_roles()
        places = doc._.places if Doc.has_extension("places") else ()
        self.place_mentions = [(m.start, m.end) for place in places or () if place.geonames_id or place.lat is not None
                               for m in place.mentions]
        # Subjects that are a person described, not named ("Le ministre de l'Intérieur a promis …"): what a pronoun
        # after them may stand for
        roles = person_roles(doc.lang_)
        named_at = {i for m in self.mentions if m.entity.type == "PERSON" for i in range(m.start, m.end)}
        self.role_subjects = [t for t in doc if parsed and t.dep_ in ("nsubj", "nsubj:pass") and t.pos_ == "NOUN"
                              and t.lemma_.lower() in roles and "Number=Plur" not in str(t.morph) and t.tag_ != "NNS"
                              and not any(c.idx in named_at for c in t.subtree)]
        self.last_person: Speaker | None = None  # the last direct quote's speaker, when a person
        self.last_person_at = -1  # where that quote ends
        self.quoted = lambda char: False  # set by the quote finder: whether a position is inside a quote
        # set by the quote finder: the speaker of the statement found last before a position, close by
        self.previous_speaker = lambda char: None

    # -- entities under a character position -------------------------------------------------------

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping ``[start, end)``, people first."""
        hits = [m.entity for m in self._overlapping(start, end)]
        hits.sort(key=lambda e: e.type != "PERSON")
        return hits[0] if hits else None

    def _overlapping(self, start: int, end: int) -> list[_Mention]:
        i = bisect.bisect_left(self._starts, start - 200)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end > start:
                out.append(m)
            i += 1
        return out

    # -- the phrase next to a cue -> a speaker ----------------------------------------------------

    def from_span(self, span: Span) -> Speaker | None:
        """Resolve the tokens of a speaker phrase (already cut to the phrase)."""
        tokens = [t for t in span if not t.is_punct and not t.is_space]
        if not tokens:
            return None
        owner = _owner_of_document(tokens)
        if owner is not None:
            speaker = self._issuer(span, tokens, owner)
            if speaker is not None:
                return speaker
        entity = self._best_entity(span)
        if entity is not None:
            return Speaker(entity.name, _kind(entity.type), entity.id, self._role_in(span, entity), "named")
        head = _head(span)
        if self.doc.has_annotation("DEP") and (RESPONDENT_SHARES & {head.lower_, head.lemma_.lower()} or _one_in(span.root)):
            poll = _poll_before(span)
            if poll is not None:  # "72 percent of voters said …" in "a Bloomberg poll": the poll's finding
                return Speaker(_phrase(poll), "organization", None, _phrase(span), "description")
        # "a-t-il", "ajoute-t-elle", "dit-il": the subject pronoun written on to the verb, however it is tokenized
        clitic = next((t for t in tokens if t.lower_.startswith(("-", "t-")) and _bare(t) in PERSON_PRONOUNS | GROUP_PRONOUNS), None)
        if clitic is not None and len(tokens) <= 3:
            head, tokens = clitic, [clitic]
        elif (len(tokens) > 1 and tokens[0].lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS
              and tokens[1].pos_ in ("ADP", "ADV", "DET")):
            # "он на пресс-конференции", "il à la radio", "sie der Deutschen Presse-Agentur": the pronoun speaks
            head, tokens = tokens[0], tokens[:1]
        low = _bare(head) if head.lower_.startswith(("t-", "a-t-", "-")) else head.lower_
        if low in PERSON_PRONOUNS and len(tokens) <= 2:
            return self.pronoun(head.idx)
        if low in GROUP_PRONOUNS and len(tokens) <= 2:
            return self.group(head)
        # "Wealth-X" is no platform, and a platform that is the subject or the source is the company ("Twitter
        # reported …", "according to Facebook")
        company = (head.i > span.start and head.nbor(-1).text in ("-", "‐") or head.dep_ == "nsubj" and head.i < head.head.i
                   or head.i > 1 and head.nbor(-1).lower_ == "to" and head.nbor(-2).lower_ == "according")
        if low in SPEAKER_STOP or low in PLATFORMS and not company or _no_one(tokens, head):
            return None
        if tokens[0].dep_ in ("case", "prep") and tokens[0].head.i == head.i:
            return None  # "escribió en la red social X": a phrase that a preposition opens says where, not who
        text = _phrase(span)
        bare = len(tokens) == 1
        singular = head.tag_ not in ("NNS", "NNPS") and "Number=Plur" not in str(head.morph)
        roles = person_roles(self.doc.lang_)
        # (a compound ending in a role noun is one too where the language writes them so: "der Grünen-Politiker")
        if singular and (bare or _is_definite(span)) and (head.lemma_.lower() in roles or is_role_noun(low, self.doc.lang_)):
            person = self.by_role(span, head)
            if person is None and low in SPOKESPEOPLE and self.last_person is not None:
                # "the spokesperson said" with no spokesperson introduced: the one quoted last.
                last = self.last_person
                person = Speaker(last.name, last.kind, last.entity, text, "role")
            if person is None and self.tagged and span[0].lower_ in ("der", "die") and not bare:
                # "sagte der Grünen-Politiker": with no names model, a definite role stands for the person named last
                named = [who for at, who in self.tagged_names if at < head.idx and head.idx - at < 600]
                person = Speaker(named[-1].name, "person", None, text, "role") if named else None
            if person is not None:
                return person
        appositive = _name_after_comma([t for t in span if not t.is_space])
        if appositive is not None:  # "La ministra del Interior, Mónica Palencia": the name the model did not tag
            return Speaker(appositive[0], "person", None, appositive[1], "named")
        gpe = next((e for e in span.ents if e.label_ == "NORP" or e.label_ in ("GPE", "LOC") and self._placed(e)), None)
        if gpe is not None and head.i in range(gpe.start, gpe.end):
            return Speaker(_nominative(gpe, head), "organization", None, None, "named")
        text = _nominative(span, head)
        if self.tagged and tokens[0].lower_ == "des" and len(tokens) > 1:
            text = source_name(tokens)  # "nach Angaben des Landesamts für Umwelt": "Landesamt für Umwelt"
        lemma = head.lemma_.lower()
        if low in ORG_NOUNS or lemma in ORG_NOUNS:
            named = self._named_organization(head) if bare or _is_definite(span) else None
            if named is not None:  # "the ministry said", "le ministère", "ведомство": the one named before
                return Speaker(named.name, "organization", named.id, text, "role")
            return Speaker(text, "organization", None, None, "description")
        if low in roles or lemma in roles or lemma in PEOPLE_NOUNS or low in PEOPLE_NOUNS:
            return Speaker(text, "anonymous", None, None, "description")
        if self.tagged:
            named = _name_in_phrase(tokens)
            if named is not None:
                name, role = named
                return Speaker(name, "person" if role or len(name.split()) >= 2 else "unknown", None, role, "named")
        if head.pos_ == "PROPN" or (head.is_title and head.pos_ in ("", "X", "NOUN")):
            return Speaker(text, "person" if len(tokens) <= 3 else "unknown", None, None, "named")
        if self.doc.has_annotation("DEP"):
            if tokens[0].pos_ in ("VERB", "AUX") and tokens[0].is_lower and tokens[0].dep_ not in ("amod", "compound"):
                return None  # "drawing applause and laughs": the rest of a clause, not someone (but "disaffected voters")
            if tokens[-1].pos_ in _DANGLING:
                # "a study that highlights the importance of therapy in": a phrase cut short; what it holds may
                # name someone ("hat and" does not)
                return self.from_span(span.doc[span.start:tokens[-1].i]) if len(tokens) > 2 else None
        return Speaker(text, "unknown", None, None, "description")

    def _issuer(self, span: Span, tokens: list[Token], owner: list[Token]) -> Speaker | None:
        """Who issued the document a phrase names ("un communiqué de l'armée", "сообщении Минобороны России"); the
        document as written stays the role ("einer Pressemitteilung des Gerichts")."""
        phrase = _phrase(span)
        if self.tagged:  # "einer Mitteilung der Polizei": the owner in the genitive, named in its base form
            article = [t for t in tokens[:tokens.index(owner[0])][-1:] if t.pos_ == "DET"]
            return Speaker(source_name(article + owner), "organization", None, phrase, "description")
        if owner[0].text[:1] == "ل" and self.doc.lang_ == "ar":  # "للجيش": "of the army", the article on "ل"
            first = "ال" + owner[0].text[2:] if owner[0].text.startswith("لل") else owner[0].text[1:]
            return Speaker(" ".join([first] + [t.text for t in owner[1:]]), "organization", None, phrase, "description")
        speaker = self.from_span(self.doc[owner[0].i: owner[-1].i + 1])
        if speaker is None:
            return None
        return Speaker(speaker.name, speaker.kind, speaker.entity, speaker.role or phrase, speaker.resolved)

    def _named_organization(self, head: Token) -> Entity | None:
        """The organization named last before ``head`` (within about five sentences) whose name holds the noun that
        heads the description ("the ministry" → "the Ministry of Defence", "ведомство" → no such word, no one)."""
        keys = {head.lower_, head.lemma_.lower()}
        for m in reversed(self.mentions[: bisect.bisect_left(self._starts, head.idx)]):
            if head.idx - m.start > 1200:
                return None
            if m.entity.type == "ORG" and not self.quoted(m.start) and keys & {
                    w.lower() for w in m.entity.name.replace("’", " ").replace("'", " ").split()}:
                return m.entity
        return None

    def _placed(self, span: Span) -> bool:
        """Whether the geoparser resolved the place name ``span``: one it cannot place is not a place speaking for
        its government ("Moscow said") but, mostly, a name the model mistyped ("», raconte Olena")."""
        return any(start < span.end_char and span.start_char < end for start, end in self.place_mentions)

    def _best_entity(self, span: Span) -> Entity | None:
        hits = self._overlapping(span.start_char, span.end_char)
        if not hits:
            return None
        people = [m for m in hits if m.entity.type == "PERSON"]
        # "the mayor of Kherson, Roman Mrochko": the fullest person name, not a town the model took for one.
        people.sort(key=lambda m: -len(m.entity.name.split()))
        return (people or hits)[0].entity

    def _role_in(self, span: Span, entity: Entity) -> str | None:
        """The words around the name that say who the person is ("Ukrainian soldier", "the head of ...")."""
        inside = [any(m.start <= t.idx < m.end for m in entity.mentions) for t in span]
        if True not in inside:
            return None
        first, last = inside.index(True), len(inside) - 1 - inside[::-1].index(True)
        before = [t for t in list(span)[:first] if not t.is_punct]
        after = [t for t in list(span)[last + 1:] if not t.is_punct]
        verbs = [k for k, t in enumerate(before) if t.pos_ in ("VERB", "AUX")]
        if verbs:
            before = before[verbs[-1] + 1:]  # "говорится в сообщении ФСБ": a clause is no role
        if before and before[0].pos_ == "ADP":
            # "pour sa part le climatologue X": the circumstance is not the role; the noun phrase next to the name is
            start = max((k for k, t in enumerate(before) if t.pos_ == "DET"), default=len(before))
            before = before[start:]
        if after and after[0].pos_ == "ADP":
            after = []  # "X devant les élus locaux": where they spoke
        words = before + after
        if not any(t.pos_ in ("NOUN", "PROPN", "ADJ", "") for t in words):
            return None
        role = " ".join(t.text for t in words if t.lower_ not in ("the", "a", "an", "'s", "’s")).strip()
        return role or None

    # -- pronouns and role nouns ---------------------------------------------------------------------

    def pronoun(self, position: int) -> Speaker | None:
        """"he"/"she": the last person named as a subject before, else the last person named; the last quote's
        speaker when quoted after that (a name the model did not tag: "«…», — рассказала Анна. «…», — добавила она")."""
        best = self._last_mention(position, 2500, people=True)
        described = self._described_subject(position, max(best.start if best else -1, self.last_person_at))
        if described is not None:
            return described
        last, last_at = self.last_person, self.last_person_at
        named = [(at, who) for at, who in self.tagged_names if at < position and not self.quoted(at)]
        if named and (last is None or named[-1][0] > last_at) and position - named[-1][0] < 2500:
            last, last_at = named[-1][1], named[-1][0]
        if last is not None and last_at < position and (best is None or best.start < last_at):
            return Speaker(last.name, last.kind, last.entity, last.role, "pronoun")
        if best is None:
            # no person named before: "Selon elle" after "…, a annoncé la direction": the source just quoted
            previous = self.previous_speaker(position)
            return Speaker(previous.name, previous.kind, previous.entity, previous.role, "pronoun") if previous else None
        return Speaker(best.entity.name, "person", best.entity.id, None, "pronoun")

    def _described_subject(self, position: int, after: int) -> Speaker | None:
        """A person described, not named, as the subject of a sentence after ``after`` and close before the pronoun
        ("Le ministre de l'Intérieur a promis des renforts. « … », a-t-il déclaré"): that description, or the person it
        introduced."""
        for t in reversed(self.role_subjects):
            if t.idx >= position or self.quoted(t.idx):
                continue
            if t.idx <= after or position - t.idx > 600:
                return None
            from .common import _subject_phrase  # (common imports this module)

            speaker = self.from_span(_subject_phrase(t))
            if speaker is None:
                return None
            return Speaker(speaker.name, speaker.kind, speaker.entity, speaker.role, "pronoun")
        return None

    def group(self, pronoun: Token) -> Speaker | None:
        """"they"/"it": the organization or armed group named last before, close by (never inside a quote), as a
        subject when the parse says so; "they", the plural subject of a sentence since then, when there is one;
        else no one, rather than a guess."""
        best = self._last_mention(pronoun.idx, _GROUP_REACH, people=False)
        plural = self._plural_subject_before(pronoun) if pronoun.lower_ == "they" else None
        if plural is not None and (best is None or plural.idx > best.start):
            # "Progressive organizations have long argued …; they believe …": the plural named since, not the last
            # organization (which news writes as "it")
            from .common import _subject_phrase  # (common imports this module)
            speaker = self.from_span(_subject_phrase(plural))
            if speaker is not None:
                return Speaker(speaker.name, speaker.kind, speaker.entity, speaker.role, "pronoun")
        return Speaker(best.entity.name, "organization", best.entity.id, None, "pronoun") if best else None

    def _plural_subject_before(self, pronoun: Token) -> Token | None:
        """The last plural noun that is the subject of its sentence within reach before ``pronoun``, outside quotes
        (parsed text)."""
        if not self.doc.has_annotation("DEP") or self.doc.lang_ != "en":
            return None
        for i in range(pronoun.i - 1, -1, -1):
            t = self.doc[i]
            if pronoun.idx - t.idx >= _GROUP_REACH:
                return None
            if (t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS") and t.head.dep_ == "ROOT"
                    and not self.quoted(t.idx)):  # (not "said the strikes hit …")
                return t
        return None

    def _last_mention(self, position: int, reach: int, people: bool) -> _Mention | None:
        """The mention a pronoun at ``position`` stands for: the last person (or group) named within ``reach``
        characters before it, outside quotes; a subject among them when it is near the last one."""
        before = [m for m in self.mentions[: bisect.bisect_left(self._starts, position)]
                  if (m.entity.type == "PERSON") == people and position - m.start < reach and not self.quoted(m.start)]
        if not before:
            return None
        subjects = [m for m in before if m.subject]
        return subjects[-1] if subjects and subjects[-1].start >= before[-1].start - 400 else before[-1]

    def by_role(self, span: Span, head: Token) -> Speaker | None:
        """"the governor": the person last introduced with that role noun."""
        keys = {head.lower_, head.lemma_.lower()}
        keys |= {word for group in ROLE_SYNONYMS if keys & group for word in group}  # "chief" is a "head"
        candidates = [(pos, e) for key in keys for pos, e in self.roles.get(key, [])]
        before = [c for c in candidates if c[0] < span.start_char]
        if before:
            _, e = max(before, key=lambda c: c[0])
        elif candidates:  # a headline names the role before the text names the person
            _, e = min(candidates, key=lambda c: c[0])
        else:
            return None
        return Speaker(e.name, "person", e.id, _phrase(span), "role")

    def _collect_roles(self) -> dict[str, list[tuple[int, Entity]]]:
        roles: dict[str, list[tuple[int, Entity]]] = {}
        role_nouns = person_roles(self.doc.lang_)
        doc = self.doc
        for m in self.mentions:
            if m.entity.type != "PERSON":
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            words: list[Token] = []
            # Title before the name: "Oblast Governor Iryna Kovalenko", "head coach Anna Petrenko".
            i = span.start - 1
            while i >= 0 and span.start - i <= 5 and (doc[i].pos_ in ("PROPN", "NOUN", "ADJ") or doc[i].text in (".", "’s", "'s")):
                words.append(doc[i])
                i -= 1
            # Apposition after it: "Iryna Kovalenko, the head of ...", "Valery, Ukrainian soldier".
            if span.end < len(doc) and doc[span.end].text == ",":
                for t in doc[span.end + 1: span.end + 7]:
                    if t.is_punct:
                        break
                    words.append(t)
            if doc.has_annotation("DEP"):
                words += [t for t in span.root.children if t.dep_ == "appos"]
                if span.root.dep_ == "appos":  # "El presidente de Colombia, Gustavo Petro": the name is the role's
                    words.append(span.root.head)
            for t in words:
                for key in (t.lower_, t.lemma_.lower()):
                    if key in role_nouns or key in TITLE_WORDS:
                        roles.setdefault(key, []).append((m.start, m.entity))
        return roles


def _nominative(span: Span, head: Token) -> str:
    """The phrase in the nominative where the language declines ("в Кремле заявили" → "Кремль", "в республиканском
    минздраве" → "республиканский минздрав"): the head and the words that agree with it take their lemmas, so its
    complements stay as written ("глава республики")."""
    case = next((f for f in str(head.morph).split("|") if f.startswith("Case=")), None)
    if case is None or case == "Case=Nom" or not all(t.lemma_ for t in span):
        return _phrase(span)
    agreeing = {head.i} | {t.i for t in head.children if t.dep_ in ("amod", "det") and case in str(t.morph)}
    words = [(t.lemma_[:1].upper() + t.lemma_[1:] if t.text[:1].isupper() else t.lemma_) if t.i in agreeing else t.text
             for t in span if not t.is_punct]
    return " ".join(words)


def _name_after_comma(tokens: list[Token]) -> tuple[str, str] | None:
    """A description, a comma, then only capitalised proper nouns: the name, and the description as its role."""
    comma = max((k for k, t in enumerate(tokens) if t.text == ","), default=None)
    if comma is None or comma == 0:
        return None
    name = tokens[comma + 1:]
    if not 1 <= len(name) <= 4 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in name):
        return None
    role = " ".join(t.text for t in tokens[:comma] if t.pos_ != "DET" and not t.is_punct) or None
    return " ".join(t.text for t in name), role


def _owner_of_document(tokens: list[Token]) -> list[Token] | None:
    """The words naming who issued the document a phrase is headed by ("a statement from the army" → "the army"),
    or None when the phrase names no document, or no owner."""
    k = next((k for k, t in enumerate(tokens[:4]) if t.lower_ in DOCUMENT_NOUNS or t.lemma_.lower() in DOCUMENT_NOUNS
              or (t.text[:1] == "ل" and t.text[1:] in DOCUMENT_NOUNS)), None)
    if k is None:
        return None
    rest = tokens[k + 1:]
    while rest and rest[0].pos_ == "ADJ" and rest[0].is_lower:
        rest = rest[1:]  # "un communiqué officiel de l'armée"
    while rest and (rest[0].lower_ in OWNER_LINKS or rest[0].pos_ == "DET"):
        rest = rest[1:]
    return rest if rest and any(t.is_alpha for t in rest) else None


def _one_in(head: Token) -> bool:
    """"nine in 10", "three out of four": a share written as a ratio."""
    return head.like_num and any(c.lower_ in ("in", "of", "out") for c in head.children)


def _poll_before(span: Span) -> Span | None:
    """The poll named in the sentence of ``span`` or the one before it ("A Bloomberg poll found …"): its words up to
    its noun, without what follows ("an entrance poll of Nevada caucus-goers" → "an entrance poll")."""
    sentence = span.sent
    previous = span.doc[sentence.start - 1].sent if sentence.start > 0 else None
    for sent in (sentence, previous):
        if sent is None:
            continue
        polls = [t for t in sent if t.lower_ in POLL_NOUNS and t.pos_ in ("NOUN", "PROPN")
                 and not span.start <= t.i < span.end]
        if polls:
            poll = polls[-1] if sent is previous else min(polls, key=lambda t: abs(t.i - span.start))
            return span.doc[min(poll.left_edge.i, poll.i): poll.i + 1]
    return None


def _bare(token: Token) -> str:
    """A clitic subject pronoun without its hyphens and euphonic t: "-t-il", "-il", "t-elle" → "il", "elle"."""
    return token.lower_.rsplit("-", 1)[-1]


def _kind(entity_type: str) -> str:
    return "person" if entity_type == "PERSON" else "organization"


def _no_one(tokens: list[Token], head: Token) -> bool:
    """A phrase that names no one: function words and numbers only ("and", "before", "in response", "475"), or
    headed by a preposition, conjunction, adverb or number (a broken parse's "subject")."""
    return all(t.is_stop or t.like_num for t in tokens) or head.pos_ in ("ADP", "CCONJ", "SCONJ", "ADV", "NUM", "PART")


def _name_in_phrase(tokens: list[Token]) -> tuple[str, str | None] | None:
    """In a tagged phrase with no entity (its punctuation left out): the person's name and the words that say who
    they are. The name is the run of proper nouns ending the phrase's first noun group ("der EU-Außenbeauftragte
    Javier Solana", "Bürgermeister Müller"); what follows the group (a genitive, a preposition: "die Polizei von
    DeLand") only describes it. A name after a comma is ``_name_after_comma``'s."""
    group: list[Token] = []
    for t in tokens:
        if group and (t.pos_ in ("ADP", "DET") or t.pos_ == "PUNCT"):
            break  # "der Leiter | der WHO", "die Polizei | von DeLand"
        group.append(t)
    language = tokens[0].doc.lang_ if tokens else None
    # a surname the tagger does not know comes as a noun after the first name: "Katharina Dröge"
    surname = (len(group) >= 2 and group[-1].pos_ == "NOUN" and group[-1].is_title and group[-2].pos_ == "PROPN"
               and not is_role_noun(group[-1].text, language))
    run = []
    for k, t in enumerate(reversed(group)):
        if t.pos_ != "PROPN" and not (k == 0 and surname):
            break
        run.insert(0, t)
    while len(run) > 1 and is_role_noun(run[0].text, language):
        run = run[1:]  # "GDL-Chef Claus Weselsky": a role compound the tagger calls a name
    if not run:
        return None
    role = _words([t for t in group if t not in run])
    return " ".join(t.text for t in run), role or None


def _proper_noun_runs(doc: Doc) -> list[tuple[int, Speaker]]:
    """Where each run of two or more proper nouns starts, as the person it names (a role compound before it
    left out)."""
    out = []
    run: list[Token] = []
    for t in list(doc) + [None]:
        if t is not None and t.is_title and (t.pos_ == "PROPN" or run and t.pos_ == "NOUN" and _ends_phrase(t)):
            run.append(t)  # a surname the tagger does not know comes as a noun: "Robert Habeck forderte"
            continue
        name = [t for k, t in enumerate(run) if not (is_role_noun(t.text, doc.lang_) and k < len(run) - 2)]
        if len(name) >= 2:
            role = " ".join(t.text for t in run if t not in name) or None
            out.append((name[0].idx, Speaker(" ".join(t.text for t in name), "person", None, role, "named")))
        run = []
    return out


def _ends_phrase(token: Token) -> bool:
    after = token.nbor() if token.i + 1 < len(token.doc) else None
    return after is None or after.pos_ in ("VERB", "AUX", "PUNCT")


def _words(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens if t.pos_ not in ("DET", "PUNCT"))


# Words a noun phrase does not end on.
_DANGLING = frozenset({"CCONJ", "SCONJ", "ADP", "DET", "PART", "AUX"})


def _head(span: Span) -> Token:
    """The phrase's head noun: the syntactic root when parsed, else its last word."""
    if span.doc.has_annotation("DEP"):
        root = span.root
        if root.pos_ in ("NOUN", "PROPN", "PRON"):
            return root
    words = [t for t in span if t.pos_ in ("NOUN", "PROPN", "PRON")] or [t for t in span if not t.is_punct]
    return words[-1] if words else span[-1]


def _is_definite(span: Span) -> bool:
    if span.doc.lang_ in ("ru", "uk"):
        return True  # no articles: "глава региона" is "the head of the region"
    first = span[0].lower_
    return first in ("the", "le", "la", "les", "l'", "l’", "der", "die", "das", "el", "los", "las") or any(
        t.dep_ == "poss" or t.text in ("’s", "'s") for t in span
    )


def _phrase(span: Span) -> str:
    return " ".join(span.text.split()).strip(" ,;:–—-")

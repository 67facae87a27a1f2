"""People, organizations and armed groups: each once per document, with all its mentions.

Starts from the statistical NER and corrects the small model's typical errors on
war reporting with rules measured on the dev set (``dateline eval entities``):

* a name in apposition to a person noun is a PERSON ("Valery, Ukrainian soldier");
* a PERSON right before an equipment noun is a weapon ("Grad missiles"), and one
  after a determiner is a common noun ("any good Cossack");
* every mention of the same string takes the label of its best-attested use;
* nationality + force nouns are GROUPs ("Russian forces", "the Ukrainian army");
* known news outlets are organizations even in lower case ("franceinfo").

Mentions are then clustered: "Putin" joins "Vladimir Putin" when that is the only
longer name it fits. It does not resolve pronouns (the quotes extractor does) nor
link entities across documents.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..data import data_lines
from ..types import Entity, Mention
from .extensions import register_extensions
from .lexicon import AGE_WORDS, DETERMINERS, EQUIPMENT, GROUP_NOUNS, person_roles

LABELS = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG"}
_FUNCTION_POS = frozenset(("ADP", "PRON", "DET", "SCONJ", "CCONJ", "AUX", "PART"))
_HONORIFICS = frozenset("mr mrs ms dr prof sir gen col lt maj capt sgt president minister m mme".split())


@dataclass(frozen=True)
class _Mention:
    start: int  # token offsets
    end: int
    label: str


# The correction rules, each switchable so ``dateline eval entities --ablation`` can measure it.
RULES = ("apposition", "role-before", "equipment", "determiner", "lowercase", "voting", "place-vote",
         "surnames", "groups", "outlets", "partial-names", "acronyms")


def find_entities(doc: Doc, outlets: PhraseMatcher | None = None, rules: frozenset[str] = frozenset(RULES)) -> tuple[Entity, ...]:
    """The document's people, organizations and groups, clustered, in order of first mention."""
    mentions = _corrected_mentions(doc, rules)
    if "groups" in rules:
        mentions += _group_mentions(doc, mentions)
    if outlets is not None and "outlets" in rules:
        taken = {i for m in mentions for i in range(m.start, m.end)}
        for _, start, end in outlets(doc):
            if not taken.intersection(range(start, end)) and _is_outlet(doc[start:end]):
                mentions.append(_Mention(start, end, "ORG"))
                taken.update(range(start, end))
    mentions.sort(key=lambda m: m.start)
    return _cluster(doc, mentions, rules)


def _is_outlet(span: Span) -> bool:
    """Exact brand spelling, or a distinctive one-word brand in any case ("franceinfo")."""
    names = _outlet_names()
    if span.text in names:
        return True
    token = span[0]
    return len(span) == 1 and len(token) >= 5 and not token.is_stop and token.lower_ in {n.lower() for n in names}


def _corrected_mentions(doc: Doc, rules: frozenset[str]) -> list[_Mention]:
    votes: dict[str, Counter] = defaultdict(Counter)
    candidates: list[tuple[Span, str | None]] = []
    for ent in doc.ents:
        apposition = ("apposition" in rules and _person_apposition(doc, ent)) or (
            "role-before" in rules and _role_before(doc, ent))
        label = _correct(doc, ent, apposition, rules)
        candidates.append((ent, label))
        if label is None and ent.label_ in ("GPE", "LOC", "FAC") and "place-vote" in rules:
            votes[_key(ent.text)]["PLACE"] += 1  # the same string read as a place elsewhere
        if label:
            # An apposition to a person noun is strong evidence; count it thrice.
            weight = 3 if label == "PERSON" and apposition else 1
            votes[_key(ent.text)][label] += weight
    if "surnames" in rules:
        _surnames_are_people(votes)
    out = []
    for ent, label in candidates:
        if label is None:
            continue
        best = votes[_key(ent.text)].most_common(1)[0][0] if "voting" in rules or "place-vote" in rules else label
        if "voting" not in rules and best != "PLACE":
            best = label
        if best == "PLACE":
            continue
        start = _with_first_name(doc, ent.start, ent.end) if best == "PERSON" else ent.start
        out.append(_Mention(start, ent.end, best))
    return out


def _correct(doc: Doc, ent: Span, apposition: bool, rules: frozenset[str] = frozenset(RULES)) -> str | None:
    """The label this NER span should have for our purposes, or None to drop it."""
    label = LABELS.get(ent.label_)
    text = ent.text.strip()
    if not text or not any(ch.isalpha() for ch in text):
        return None
    if all(t.pos_ in _FUNCTION_POS or t.is_punct for t in ent):
        return None  # a model's name made of a preposition or pronoun ("Según", "Ella")
    if ent.label_ in ("ORG", "PRODUCT", "GPE", "LOC", "NORP", "WORK_OF_ART", "MISC", "PERSON", "PER") and apposition:
        return "PERSON"
    if label == "PERSON":
        after = doc[ent.end] if ent.end < len(doc) else None
        if after is not None and after.lower_ in EQUIPMENT and "equipment" in rules:
            return None
        if "determiner" in rules and _after_determiner(doc, ent):
            return None
        if text.islower() and "lowercase" in rules:
            return None
        if len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].lower_ in _PLACE_PREPOSITIONS.get(doc.lang_, ()):
            return None  # "у Києві", "в Харкові": a town in the locative, which a name model can take for a person
    return label


# Prepositions of place after which one word is a place, not a person, where a name model confuses the two.
_PLACE_PREPOSITIONS = {"uk": frozenset("у в на біля під поблизу із".split()),
                       "ru": frozenset("в во на под около близ".split())}


def age_follows(doc: Doc, end: int) -> bool:
    """``Name, 52`` / ``Name, 52 ans`` / ``Name, de 45 años``: an age given after the name at token ``end``."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return False
    after = [t for t in doc[end + 1: end + 4] if t.lower_ not in ("de", "von", "aged")]
    if not after or not after[0].like_num or not after[0].text.isdigit() or not 0 < int(after[0].text) < 120:
        return False
    return len(after) == 1 or after[1].text in (",", ")") or after[1].lower_ in AGE_WORDS


def _with_first_name(doc: Doc, start: int, end: int) -> int:
    """Where the model tagged a surname alone after a title-case word ("адміністрації Іван Федоров" → "Федоров"),
    the name starts at that word: Russian's model, read on Ukrainian, often leaves the first name out."""
    if end - start != 1 or start < 2 or doc.lang_ not in ("ru", "uk"):
        return start
    first, before = doc[start - 1], doc[start - 2]
    if (first.is_title and first.is_alpha and not first.ent_type_ and not first.is_sent_start
            and (before.is_lower or before.is_punct and before.text not in (".", "!", "?"))):
        return start - 1
    return start


def _person_apposition(doc: Doc, ent: Span) -> bool:
    """``Name, [adjectives] role-noun`` or ``Name, 52``: a caption or an apposition naming a person."""
    if len(ent) > 3 or ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return False
    if age_follows(doc, ent.end):
        return True
    for token in doc[ent.end + 1: ent.end + 5]:
        if token.lower_ in person_roles(doc.lang_):
            return True
        if token.pos_ not in ("ADJ", "PROPN", "NOUN", "DET") or token.is_punct:
            return False
    return False


def _role_before(doc: Doc, ent: Span) -> bool:
    """``[the province's] governor Iryna Kovalenko``: a two- or three-word name right after a person noun."""
    if not 2 <= len(ent) <= 3 or ent.start == 0 or not all(t.is_title for t in ent):
        return False
    before = doc[ent.start - 1]
    if before.lower_.rstrip(".") in person_roles(doc.lang_) or before.lower_ in _HONORIFICS:
        return True
    # "the mayor of Kherson, Roman Mrochko": a role, its place, a comma, then the name.
    if before.text != ",":
        return False
    i = ent.start - 2
    while i >= 0 and ent.start - i <= 6 and (doc[i].pos_ == "PROPN" or doc[i].lower_ in ("of", "the", "'s", "’s")):
        i -= 1
    return i >= 0 and i < ent.start - 2 and doc[i].lower_ in person_roles(doc.lang_)


def _surnames_are_people(votes: dict[str, Counter]) -> None:
    """A lone word read as an organization that is the surname of a person named in full is that person."""
    surnames = {key.split()[-1] for key, c in votes.items() if len(key.split()) > 1 and c.most_common(1)[0][0] == "PERSON"}
    for key, c in votes.items():
        if " " not in key and c and c.most_common(1)[0][0] != "PERSON":
            if key in surnames or any(len(key) > 5 and fuzz.ratio(key, s) >= 85 for s in surnames):
                c["PERSON"] = sum(c.values()) + 1


def _after_determiner(doc: Doc, ent: Span) -> bool:
    i = ent.start - 1
    while i >= 0 and doc[i].pos_ == "ADJ":
        i -= 1
    return i >= 0 and doc[i].lower_ in DETERMINERS


def _group_mentions(doc: Doc, existing: list[_Mention]) -> list[_Mention]:
    """Nationality adjective + force noun ("Russian forces"): a GROUP, the actors of conflict events."""
    taken = {i for m in existing for i in range(m.start, m.end)}
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("NORP", "GPE") or ent.end >= len(doc):
            continue
        head = doc[ent.end]
        if head.lower_ in GROUP_NOUNS and not taken.intersection(range(ent.start, ent.end + 1)):
            out.append(_Mention(ent.start, ent.end + 1, "GROUP"))
    return out


def _cluster(doc: Doc, mentions: list[_Mention], rules: frozenset[str] = frozenset(RULES)) -> tuple[Entity, ...]:
    """Group mentions into entities: same name, or a PERSON surname/partial of one full name."""
    names: dict[tuple[str, str], list[_Mention]] = {}
    for m in mentions:
        names.setdefault((m.label, _key(_clean_name(doc[m.start:m.end]))), []).append(m)
    # Longest names first, so partial names can attach to them.
    order = sorted(names, key=lambda k: (-len(k[1].split()), min(m.start for m in names[k])))
    canonical: dict[tuple[str, str], tuple[str, str]] = {}
    for label, key in order:
        declined = doc.lang_ in ("ru", "uk")
        if label == "PERSON" and declined:
            # "Федорова" after "Федоров": one name in two cases, where no lemmatizer joined them
            same = [p for p in canonical.values() if p[0] == "PERSON" and len(p[1].split()) == len(key.split())
                    and all(_same_stem(a, b) for a, b in zip(key.split(), p[1].split()))]
            if same:
                canonical[(label, key)] = same[0]
                continue
        if label == "PERSON" and len(key.split()) < 3 and "partial-names" in rules:
            parents = [p for p in canonical.values()
                       if p[0] == "PERSON" and p[1] != key and _is_part(key, p[1], declined)]
            if not parents and " " not in key and len(key) > 5:
                # A transliteration variant of a surname: "Kovalenco" for "Iryna Kovalenko".
                parents = [p for p in canonical.values() if p[0] == "PERSON" and " " in p[1]
                           and fuzz.ratio(key, p[1].split()[-1]) >= 85]
            parents = list(dict.fromkeys(parents))
            if len(parents) == 1:
                canonical[(label, key)] = parents[0]
                continue
        if label == "ORG" and "acronyms" in rules:
            parents = [p for p in canonical.values() if p[0] == "ORG" and p[1] != key and _is_acronym(key, p[1])]
            if len(set(parents)) == 1:
                canonical[(label, key)] = parents[0]
                continue
        canonical[(label, key)] = (label, key)
    groups: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for k, ms in names.items():
        groups[canonical[k]].extend(ms)
    entities = []
    for (label, key), ms in groups.items():
        ms.sort(key=lambda m: m.start)
        spans = [doc[m.start:m.end] for m in ms]
        name = max((_display_name(s, label) for s in spans), key=lambda n: (len(n[0].split()), n[1], len(n[0])))[0]
        entities.append(
            Entity(
                id=_entity_id(label, key),
                name=name,
                type=label,
                mentions=tuple(Mention(s.start_char, s.end_char, s.text) for s in spans),
            )
        )
    entities.sort(key=lambda e: e.mentions[0].start)
    return tuple(entities)


# Languages whose names decline ("Вячеслава Гладкова" after "по словам"): a name is given in its base form,
# its words' lemmas, so every case of it is one entity.
_DECLINED_NAMES = frozenset({"ru"})


def _clean_name(span: Span) -> str:
    if span.doc.lang_ in _DECLINED_NAMES and all(t.lemma_ for t in span):
        return " ".join(_base_form(t) for t in span if not t.is_punct) or span.text
    tokens = [t for t in span if not (t.i == span.start and t.lower_ in ("the", "le", "la", "les", "l'"))]
    tokens = [t for t in tokens if t.lower_.rstrip(".") not in _HONORIFICS or t.i != tokens[0].i] if len(tokens) > 1 else tokens
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text.removesuffix("’s").removesuffix("'s").strip() or span.text


def _display_name(span: Span, label: str = "PERSON") -> tuple[str, bool]:
    """The name as written when it stands in the nominative ("Мария Захарова": lemmas would give "Захаров"), else its
    base form; and whether it was the nominative. The first word decides: a feminine surname ("Алиева") is often
    tagged as a masculine genitive, a first name seldom."""
    if span.doc.lang_ in _DECLINED_NAMES:
        words = [t for t in span if not t.is_punct]
        if words and "Case=Nom" in str(words[0].morph):
            return " ".join(t.text for t in words), True
        if label != "PERSON" and words:
            # "Центре общественных связей": only the head noun and the words agreeing with it decline back
            root = span.root
            case = next((f for f in str(root.morph).split("|") if f.startswith("Case=")), None)
            agreeing = {root.i} | {t.i for t in root.children if t.dep_ == "amod" and case and case in str(t.morph)}
            return " ".join(_base_form(t) if t.i in agreeing else t.text for t in words), False
    return _clean_name(span), False


def _base_form(token) -> str:
    """"Гладкова" -> "Гладков": the lemma with the word's capitals (initials and acronyms kept as written)."""
    if token.text.isupper() or len(token.lemma_) < 2:
        return token.text
    return token.lemma_[:1].upper() + token.lemma_[1:] if token.text[:1].isupper() else token.lemma_


def _key(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").removesuffix("'s").split())


def _is_part(short: str, full: str, declined: bool = False) -> bool:
    """"putin" of "vladimir putin"; where names decline and no lemmatizer reads them, any case of its words
    ("федорова" of "іван федоров")."""
    s, f = short.split(), full.split()
    same = _same_stem if declined else str.__eq__
    return len(s) < len(f) and all(any(same(w, x) for x in f) for w in s) and (same(s[-1], f[-1]) or same(s[-1], f[0]))


def _same_stem(a: str, b: str) -> bool:
    """One word is the other with a case ending of up to three letters ("федоров", "федорова", "федоровим")."""
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(short) >= 4 and len(long) - len(short) <= 3


def _is_acronym(short: str, full: str) -> bool:
    if " " in short or len(short) < 2:
        return False
    initials = "".join(w[0] for w in full.split() if w not in ("of", "the", "for", "and", "de", "du", "des"))
    return short == initials


def _entity_id(label: str, key: str) -> str:
    return f"{label.lower()}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:8]}"


@lru_cache(maxsize=1)
def _outlet_names() -> tuple[str, ...]:
    return tuple(line.strip() for line in data_lines("outlets.txt"))


class EntityExtractor:
    """spaCy component: sets ``Doc._.entities``. See the module docstring for the method."""

    def __init__(self, nlp: Language, name: str, outlets: bool):
        register_extensions()
        self.name = name
        self.matcher = None
        if outlets:
            self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
            self.matcher.add("OUTLET", [nlp.make_doc(n) for n in _outlet_names()])

    def __call__(self, doc: Doc) -> Doc:
        doc._.entities = find_entities(doc, self.matcher)
        return doc


@Language.factory(
    "dateline_entities",
    assigns=["doc._.entities"],
    requires=["doc.ents"],
    default_config={"outlets": True},
)
def make_entities(nlp: Language, name: str, outlets: bool) -> EntityExtractor:
    """Create the entity clustering component (``outlets``: match known news outlets)."""
    return EntityExtractor(nlp, name, outlets)

"""Russian tags, lemmas, a dependency parse and names from natasha, set on a spaCy ``Doc``.

PyPI has no spaCy 3.8 pipeline for Russian (the ``ru-core-news-*`` there are
empty 999.9.9 placeholders). natasha ships slovnet's news models (morphology,
Universal Dependencies syntax, PER/LOC/ORG names) inside its wheel and runs on
NumPy; this component feeds it spaCy's tokens sentence by sentence and writes
the results back, so Russian text flows through the same parsed paths as French
(UD labels: ``nsubj``, ``ccomp``, ``obj``).

Ukrainian has no model on PyPI either. Russian tags and parses mislead on it
("повідомив" read as a noun), but the name model finds Ukrainian people
("Олексій Резніков", "Олега Синєгубова"), so Ukrainian gets the sentences and
the names only (``parse=False``) and keeps the unparsed quote path.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache

import numpy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

# The parser scores every pair of words in a sentence: a run-on "sentence" (a table, a list with no full stops) is
# parsed in pieces of this many words, so memory stays bounded on any input.
_MAX_WORDS = 150
# natasha's name types -> the labels our entity step reads.
_NER_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}


def available() -> bool:
    return importlib.util.find_spec("natasha") is not None


@lru_cache(maxsize=None)
def _models():
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser

    embedding = NewsEmbedding()
    return NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding), MorphVocab()


class NatashaAnnotator:
    """Sets ``pos_``, ``morph``, ``lemma_``, ``head``/``dep_`` (with ``parse``) and ``doc.ents``; whitespace
    tokens hang on the word before them, as spaCy's own parser attaches them."""

    def __init__(self, parse: bool = True):
        self.parse = parse

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        morph, syntax, ner, vocab = _models()
        sentences = _sentences(doc)
        if self.parse:
            self._parse(doc, sentences, morph, syntax, vocab)
        else:
            for sentence in sentences:
                for k, token in enumerate(sentence):
                    token.is_sent_start = k == 0
        markup = next(iter(ner.map([doc.text])))
        spans = [doc.char_span(s.start, s.stop, label=_NER_LABELS.get(s.type, s.type), alignment_mode="contract")
                 for s in markup.spans]
        doc.ents = filter_spans([s for s in spans if s is not None and len(s)])
        return doc

    @staticmethod
    def _parse(doc: Doc, sentences, morph, syntax, vocab) -> None:
        words = [[t.text for t in s] for s in sentences]
        heads = numpy.arange(len(doc), dtype="int64")
        deps = ["dep"] * len(doc)
        for sentence, tagged, parsed in zip(sentences, morph.map(words), syntax.map(words)):
            for token, m in zip(sentence, tagged.tokens):
                token.pos_ = m.pos
                if m.feats:
                    token.set_morph("|".join(f"{k}={v}" for k, v in sorted(m.feats.items())))
                token.lemma_ = vocab.lemmatize(token.text, m.pos, m.feats or {}) or token.lower_
            local = [_head_index(s, len(sentence)) for s in parsed.tokens]
            if not _is_tree(local):
                # a cycle or no root (the model can return one on garbled text): a flat tree on the first word
                local, relations = [-1] + [0] * (len(sentence) - 1), ["ROOT"] + ["dep"] * (len(sentence) - 1)
            else:
                relations = ["ROOT" if h < 0 else s.rel for h, s in zip(local, parsed.tokens)]
            for token, head, relation in zip(sentence, local, relations):
                heads[token.i] = sentence[head].i if head >= 0 else token.i
                deps[token.i] = relation
        for token in doc:
            if token.is_space:  # a space or line break: on the word before it (or after it, at the start)
                heads[token.i] = token.i - 1 if token.i > 0 else min(token.i + 1, len(doc) - 1)
        array = numpy.zeros((len(doc), 2), dtype="uint64")
        array[:, 0] = (heads - numpy.arange(len(doc))).astype("int64").view("uint64")
        array[:, 1] = [doc.vocab.strings.add(d) for d in deps]
        doc.from_array([HEAD, DEP], array)


def _head_index(token, size: int) -> int:
    """natasha's 1-based head id as an index into the sentence; -1 for the root (or a head out of range)."""
    try:
        head = int(token.head_id.split("_")[-1]) - 1
        own = int(token.id.split("_")[-1]) - 1
    except ValueError:
        return -1
    return head if 0 <= head < size and head != own else -1


def _is_tree(heads: list[int]) -> bool:
    """One root, and every word reaches it."""
    if heads.count(-1) != 1:
        return False
    for start in range(len(heads)):
        node, steps = start, 0
        while heads[node] >= 0:
            node, steps = heads[node], steps + 1
            if steps > len(heads):
                return False
    return True


def _sentences(doc: Doc) -> list[list]:
    """The words of each sentence as razdel splits them (it keeps "«" with the sentence it opens), and a new one
    after each line break: a headline has no full stop to end it."""
    from razdel import sentenize

    starts = sorted(s.start for s in sentenize(doc.text))
    sentences: list[list] = []
    k = 0
    line_break = False
    for token in doc:
        if token.is_space:
            line_break = line_break or "\n" in token.text
            continue
        while k < len(starts) and starts[k] <= token.idx:
            k += 1
            sentences.append([])
        if not sentences or line_break and sentences[-1]:
            sentences.append([])
        sentences[-1].append(token)
        line_break = "\n" in token.whitespace_
    return [piece for s in sentences for piece in _pieces(s)]


def _pieces(words: list) -> list[list]:
    return [words[k:k + _MAX_WORDS] for k in range(0, len(words), _MAX_WORDS)] if words else []


def keep_hyphenated_words(nlp: Language) -> None:
    """One token for "пресс-секретарь", "вице-премьер", "Ростов-на-Дону", as natasha's own tokenizer (razdel) has
    them: spaCy splits at every hyphen between letters, and the parser then reads "Пресс" as a subject of its own."""
    from spacy.lang.char_classes import HYPHENS
    from spacy.util import compile_infix_regex

    infixes = [p for p in nlp.Defaults.infixes if HYPHENS not in p]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@Language.factory("dateline_russian", default_config={"parse": True})
def make_russian(nlp: Language, name: str, parse: bool) -> NatashaAnnotator:
    return NatashaAnnotator(parse)

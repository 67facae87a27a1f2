"""What the caller knows about a document before it is read: its publication date, URL and outlet.

Components need it while they run (events are dated against the publication date,
and the history filter reads the year from it), so it is set on the ``Doc`` before
the pipeline starts. spaCy's ``as_tuples=True`` carries it alongside each ``Doc``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from .extensions import keep_text, register_extensions

T = TypeVar("T")


@dataclass(frozen=True)
class DocContext:
    published: str | None = None  # ISO date
    url: str | None = None
    outlet: str | None = None


def make_doc(nlp: Language, text: str, context: DocContext | None) -> Doc:
    """A tokenized ``Doc`` with ``Doc._.published``, ``._.url`` and ``._.outlet`` set, ready for the components."""
    register_extensions()
    doc = nlp.make_doc(text)
    keep_text(doc, text)  # spaCy's tokenizer keeps the text exactly: no need to rebuild it from the tokens
    if context is not None:
        doc._.published, doc._.url, doc._.outlet = context.published, context.url, context.outlet
    return doc


def pipe_with_context(nlp: Language, items: Iterable[tuple[str, DocContext, T]], *,
                      batch_size: int | None = None) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe`` over ``(text, context, key)`` triples, yielding ``(doc, key)`` in order."""
    docs = ((make_doc(nlp, text, context), key) for text, context, key in items)
    return nlp.pipe(docs, as_tuples=True, batch_size=batch_size)

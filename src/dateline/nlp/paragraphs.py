"""``dateline_paragraphs``: a sentence starts after every line break, before the parser runs.

News text is one paragraph per line. The small English parser happily parses a
headline into the next paragraph, or a quote into the one before, and then a
subject ends up in another paragraph than its verb; fixing the boundaries
first gives the parser (and every component after it) paragraph-sized sentences.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_ALPHA, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dateline_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence starts after every line break, and never right after a word: the parser may still split after
    a full stop, but not between "Sheinbaum" and "respondió" at a paragraph's start. Set as one array: writing
    each token's flag costs more than the rest of the step."""
    n = len(doc)
    if n == 0:
        return doc
    alpha = doc.to_array(IS_ALPHA).astype(bool)
    space = doc.to_array(IS_SPACE).astype(bool)
    breaks = numpy.fromiter(("\n" in t.text_with_ws for t in doc), dtype=bool, count=n)
    starts = doc.to_array(SENT_START).astype("int64")  # spaCy hands out uint64; -1 means "not a start"
    after_break = False
    previous_alpha = False
    for i in range(n):
        if space[i]:
            after_break = after_break or breaks[i]
            continue
        if after_break:
            starts[i] = 1
        elif i and previous_alpha and starts[i] != 1:
            starts[i] = -1
        after_break = bool(breaks[i])
        previous_alpha = bool(alpha[i])
    starts[0] = 1
    doc.from_array([SENT_START], starts.astype("uint64").reshape(-1, 1))
    return doc

"""``dateline_paragraphs``: a sentence starts after every line break, before the parser runs.

News text is one paragraph per line. The small English parser happily parses a
headline into the next paragraph, or a quote into the one before, and then a
subject ends up in another paragraph than its verb; fixing the boundaries
first gives the parser (and every component after it) paragraph-sized sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dateline_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A sentence starts after every line break, and never right after a word: the parser may still split after
    a full stop, but not between "Sheinbaum" and "respondió" at a paragraph's start."""
    after_break = False
    previous = None
    for token in doc:
        if after_break and not token.is_space:
            token.is_sent_start = True
            after_break = False
        elif previous is not None and not token.is_space and previous.is_alpha:
            token.is_sent_start = False
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
        if not token.is_space:
            previous = token
    return doc

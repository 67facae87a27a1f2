"""Find the spans between quotation marks, robust to what scraped news does to them.

Character-level and model-free, so every language gets it. It knows the pairs of
each quotation style (“…” "…" «…» »…« „…“ ‚…‘ ‘…’ 「…」 『…』 ‹…›), tells apostrophes
from single quotes (it’s, soldiers’, O’Neil), closes a mis-oriented mark (“It’s
hard.“Many” closes at the second “), continues a quote over a paragraph break when
the next paragraph reopens it, ends an unclosed quote at its paragraph's end, and
ignores marks nested inside an open quote. Only the outermost quotes are returned:
a quote inside a quote is part of what its speaker said.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

# Opening mark -> the marks that may close it.
PAIRS: dict[str, str] = {
    "“": "”“\"",  # a second “ closes when it is attached to the text before it (mis-oriented)
    "„": "“”\"",
    "«": "»",
    "»": "«",  # German/Danish »…«
    '"': '"”“',  # scraped text mixes straight and curly marks
    "”": "”\"",  # Swedish/Finnish ”…”, or a mis-oriented opener
    "「": "」",
    "『": "』",
    "‹": "›",
    "‘": "’‘",
    "‚": "‘’",
    "'": "'",
}
_SINGLE = frozenset("‘‚'’")
QUOTE_MARKS = "".join(sorted(set(PAIRS) | set("".join(PAIRS.values()))))
_ANY_MARK = re.compile("[" + re.escape(QUOTE_MARKS) + "]")
# A markup tag left in the text ('<tweet author="realDonaldTrump">'): its attribute values are no quotes.
_TAG = re.compile(r"<[A-Za-z][\w:-]*(?:\s+[\w:-]+\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>]*))*\s*/?>")
# Marks that may reopen a quote at the start of its next paragraph.
_REOPENERS = frozenset("“„«»\"”‘'")
# A single-quoted span longer than this is more likely two apostrophes than a quote.
_MAX_SINGLE_CHARS = 400


@dataclass(frozen=True)
class QuotedSpan:
    """A quoted passage: ``text[start:end]`` includes the marks, ``text[inner_start:inner_end]`` does not."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True
    dialogue: bool = False  # a dialogue line opened by a dash (French, Spanish, Russian… news and fiction)

    def inner(self, text: str) -> str:
        return text[self.inner_start:self.inner_end]


_DIALOGUE_LINE = re.compile(r"^[ \t]*[—–―][ \t\u00a0]*(?=[^\W\d]|[¿¡«\"“])", re.M)  # Spanish sets no space: "—No"


def find_quoted(text: str, *, dialogue: bool = False) -> list[QuotedSpan]:
    """Every top-level quoted passage in ``text``, in order.

    With ``dialogue``, a line that opens with a dash ("— Nous restons, dit-il.") is
    a quote too, up to the line's end, where the language writes dialogue that way.
    """
    spans = _marked(text)
    if not dialogue:
        return spans
    for match in _DIALOGUE_LINE.finditer(text):
        start = match.end()
        end = _paragraph_end(text, start)
        inside = [s for s in spans if s.start < end and s.end > start]
        if any(s.start <= start + 1 or s.end > end for s in inside):
            continue  # the line is a quotation in marks after all
        # words in marks inside a dialogue line are a name or a phrase within it ("с позывным «Сокол»")
        spans = [s for s in spans if s not in inside]
        inner_end = end
        while inner_end > start and text[inner_end - 1].isspace():
            inner_end -= 1
        if inner_end > start:
            spans.append(QuotedSpan(match.start(), inner_end, start, inner_end, True, dialogue=True))
    return sorted(spans, key=lambda s: s.start)


def _marked(text: str) -> list[QuotedSpan]:
    if "''" in text:
        text = _typewriter_doubles(text)
    spans: list[QuotedSpan] = []
    open_at = -1  # index of the open quote's mark, or -1
    para_from = -1  # where the open quote's current paragraph starts
    opener = ""
    marks = [m.start() for m in _ANY_MARK.finditer(text)]
    if "<" in text:
        marks = _outside_tags(text, marks)
    k = 0
    while k < len(marks):
        i = marks[k]
        ch = text[i]
        k += 1
        if open_at < 0:
            if _can_open(text, i):
                open_at, para_from, opener = i, i, ch
            continue
        brk = text.find("\n", para_from, i)
        if brk >= 0:
            if _reopening(text, brk) == i:
                para_from = i  # the next paragraph reopens the quote: it goes on
                continue
            spans.append(_span(text, open_at, _paragraph_end(text, para_from), closed=False))
            open_at = -1
            k -= 1  # this mark may open the next quote
            continue
        if ch in PAIRS[opener] and _can_close(text, i, opener):
            spans.append(_span(text, open_at, i + 1, closed=True))
            open_at = -1
        elif ch == opener and opener in "“\"«„" and _word_start(text, i) and not _attached_left(text, i):
            # A new quote opens before the previous one closed: that one ends here.
            spans.append(_span(text, open_at, i, closed=False))
            open_at, para_from = i, i
    if open_at >= 0 and opener not in _SINGLE:  # an unclosed single mark is an apostrophe
        spans.append(_span(text, open_at, _paragraph_end(text, para_from), closed=False))
    return [s for s in spans if s.inner_end > s.inner_start]


# Two typewriter apostrophes written for a double quotation mark (''…'', as the New York Times' archive has it).
_TYPEWRITER_DOUBLE = re.compile(r"(?<!')'''?(?!')")


def _typewriter_doubles(text: str) -> str:
    """The text with each ``''`` read as one double mark, at the same offsets: a space and ``"`` where it opens,
    ``"`` and a space where it closes. Two single marks would pair with the apostrophes and single quotes inside
    ("''the concept of 'together' is …''")."""
    def one(match: re.Match) -> str:
        i, j = match.start(), match.end()
        before = text[i - 1] if i else " "
        after = text[j] if j < len(text) else " "
        opens = (before.isspace() or before in "([{—–-") and not after.isspace()
        if j - i == 3:  # with a single mark nested at the edge: three open both, or close both
            return ' "' + "'" if opens else "'" + '" '
        return ' "' if opens else '" '
    return _TYPEWRITER_DOUBLE.sub(one, text)


def _outside_tags(text: str, marks: list[int]) -> list[int]:
    tags = [(m.start(), m.end()) for m in _TAG.finditer(text)]  # in order, never overlapping
    if not tags:
        return marks
    starts = [a for a, _ in tags]
    kept = []
    for i in marks:
        k = bisect_right(starts, i) - 1
        if k < 0 or i >= tags[k][1]:
            kept.append(i)
    return kept


def _can_open(text: str, i: int) -> bool:
    ch = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return ch in "«»" and i + 2 < len(text) and not text[i + 2].isspace() and ch == "«"
    if ch in "“„«「『‹‚":
        return not (ch == "“" and _attached_left(text, i) and before.isalnum())
    if ch == "»":
        return not before.isalnum() and "«" in text[i + 1: i + 2000]
    if ch in "\"”":
        return not before.isalnum() and before not in ".,;:!?"
    if ch in "‘'":
        if before.isalnum() or not (after.isalnum() or after in "¿¡"):
            return False
        closer = "’" if ch == "‘" else "'"
        return _single_closer(text, i + 1, closer) is not None
    return False


def _can_close(text: str, i: int, opener: str) -> bool:
    ch = text[i]
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() and ch != opener and opener not in "«»":
        return False
    if ch == "“" and opener in "“\"":
        # Mis-oriented close: glued to the text before it ("hard.“Many").
        return _attached_left(text, i)
    if ch in _SINGLE or opener in _SINGLE:
        return not after.isalnum()
    if ch in "\"”":
        return not (after.isalnum() and before.isspace())
    return True


def _single_closer(text: str, start: int, closer: str) -> int | None:
    """Position of the ``’`` that closes a single-quoted span starting at ``start``, if any."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    pos = start
    while True:
        j = text.find(closer, pos, min(end, start + _MAX_SINGLE_CHARS))
        if j < 0:
            return None
        after = text[j + 1] if j + 1 < len(text) else " "
        if not after.isalnum() and not text[j - 1].isspace():
            return j
        pos = j + 1


def _attached_left(text: str, i: int) -> bool:
    return i > 0 and not text[i - 1].isspace()


def _word_start(text: str, i: int) -> bool:
    return i + 1 < len(text) and not text[i + 1].isspace()


def _paragraph_end(text: str, i: int) -> int:
    j = text.find("\n", i)
    return len(text) if j < 0 else j


def _reopening(text: str, brk: int) -> int | None:
    """If the paragraph after ``brk`` starts with a quotation mark, that mark's index."""
    j = brk
    while j < len(text) and text[j].isspace():
        j += 1
    if j < len(text) and text[j] in _REOPENERS:
        return j
    return None


def _span(text: str, start: int, end: int, *, closed: bool) -> QuotedSpan:
    inner_start = start + 1
    inner_end = end - 1 if closed else end
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    if not closed:
        end = inner_end
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    return QuotedSpan(start, end, inner_start, inner_end, closed)

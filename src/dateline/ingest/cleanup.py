"""Plain-text cleanup: strip site chrome from already-scraped text and find the headline.

No extractor exists for text that was scraped without its HTML (the seed report's
case), so this is our own method:

1. cut at a comment section, and drop whole lines that match known chrome
   (``boilerplate.CHROME``, several languages) and second copies of long lines;
2. score every line as prose or furniture (length, function-word density, final
   punctuation; legal and comment-policy prose counts as furniture) and keep the
   best-scoring contiguous run of lines, a maximum-sum segment as in Kadane's
   algorithm, so menus before and footers after the article go while short lines
   *inside* it (captions, sub-heads, "Valery, Ukrainian soldier") stay;
3. cut a trailing list of teasers ("headline, byline, date, summary" units) once
   an article body came before it;
4. drop late lines that repeat the headline (audio players, "related" teasers).

It does not find articles made only of short lines (tables, calendars, box
scores), nor pick the right one of several articles in one file; see the README
for its measured precision and recall.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from .boilerplate import CHROME, COMMENT_START, FUNCTION_WORDS, PROSE_CHROME, TEASER_START, UNSPACED_SCRIPT

_WORD = re.compile(r"\w+", re.UNICODE)
_SENTENCE_END = re.compile(r"([.!?…。！？][\"”»’)\]」』]*|[\"”»])$")
# "KYIV, Ukraine (AP) —", "WASHINGTON —", "Paris, 3 March –": a lead paragraph's dateline, never a headline's.
DATELINE_LEAD = re.compile(r"^[A-Z][A-Za-z .'-]{1,40}(?:,[^—–-]{1,40})?\s*(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s")
_MAX_STOPPED_HEADLINE_WORDS = 20
_HEADLINE_WINDOW = 1000  # characters read to see whether the first line stands alone
_BULLET = re.compile(r"^[\s•·*▪►▶»›>|\-–—]+")


@dataclass(frozen=True)
class CleanText:
    """The cleaner's result: ``body`` paragraphs without the headline, plus what was removed."""

    title: str | None
    paragraphs: tuple[str, ...]
    removed: tuple[str, ...] = field(default=())

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def text(self) -> str:
        """The record text: headline as the first paragraph, then the body."""
        return "\n\n".join(((self.title,) if self.title else ()) + self.paragraphs)


def normalise(text: str) -> str:
    """NFC, unified newlines, no control characters, no trailing blanks, no endless runs of one symbol."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C" or ch == "\u200d")
    text = _LONG_RUN.sub(lambda m: m.group(1) * MAX_SYMBOL_RUN, text)
    return text.replace("\u00a0", " ")


# A run of one symbol ("=====", "!!!!!", emoji) longer than this is decoration. spaCy's tokenizer takes time
# quadratic in such a run (8,000 '=' took 24 s), so it is cut to this length.
MAX_SYMBOL_RUN = 16
_LONG_RUN = re.compile(r"([^\w\s]|_)\1{%d,}" % MAX_SYMBOL_RUN)


def split_lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in normalise(text).split("\n") if line.strip()]


def is_chrome(line: str) -> bool:
    return bool(CHROME.match(_BULLET.sub("", line).strip(" .:|")) or CHROME.match(line))


@lru_cache(maxsize=8192)  # the comment cut and the segment search score the same lines
def line_score(line: str) -> float:
    """Positive for prose, negative for furniture; magnitude grows with length.

    Prose is a line of at least a dozen words, with function words or mostly
    lower-case words (so a language missing from our list still counts), that ends
    like a sentence. The constants were chosen on the Zyte benchmark's HTML pages.
    """
    words = _WORD.findall(line)
    n = len(words)
    if n == 0:
        return -10.0
    function = sum(1 for w in words if w.lower() in FUNCTION_WORDS) / n
    lower = sum(1 for w in words if w[0].islower()) / n
    unspaced = len(UNSPACED_SCRIPT.findall(line))
    if unspaced > len(line) / 3:  # Chinese, Japanese, Thai...: words are not spaced
        n, function, lower = unspaced // 2, 0.2, 1.0
    # A line opening a quotation is prose even when the excerpt cuts it off.
    ends = bool(_SENTENCE_END.search(line)) or line.lstrip()[:1] in "“\"«„"
    if len(line) < 600 and PROSE_CHROME.search(line):
        return -(10.0 + len(line))
    if n >= 12 and (function >= 0.1 or lower >= 0.6) and (ends or n >= 24):
        return float(len(line))
    if TEASER_START.match(line):
        return -40.0
    return -(10.0 + len(line))


def best_segment(scores: list[float]) -> tuple[int, int]:
    """Indices ``[start, end)`` of the maximum-sum run (Kadane)."""
    best, best_span = float("-inf"), (0, 0)
    current, start = 0.0, 0
    for i, score in enumerate(scores):
        if current <= 0:
            current, start = score, i
        else:
            current += score
        if current > best:
            best, best_span = current, (start, i + 1)
    return best_span


def looks_like_headline(line: str, *, standalone: bool = False) -> bool:
    """A first line that reads as a headline: short and not ending like a sentence of a paragraph. A headline
    may end in a full stop (many sites and archives add one) when it stands alone as its own paragraph and is
    short: a lead paragraph of that length rarely stands alone, and never opens with a dateline."""
    words = _WORD.findall(line)
    if not (3 <= len(words) <= 30 and len(line) <= 250):
        return False
    if not line.endswith((".", ":", ";", ",")):
        return True
    return (standalone and line.endswith(".") and len(words) <= _MAX_STOPPED_HEADLINE_WORDS
            and not DATELINE_LEAD.match(line) and not line[:1].islower())


def clean(text: str, *, title: str | None = None, structural: bool = True) -> CleanText:
    """Clean one document; ``title`` is a headline already known (HTML metadata, feed entry)."""
    lines = split_lines(text)
    removed: list[str] = []
    if structural:
        lines = _before_comments(lines, removed)
    kept: list[str] = []
    for line in lines:
        (removed if is_chrome(line) else kept).append(line)
    lines = kept

    if title is None and lines and len(lines) > 1 and looks_like_headline(lines[0], standalone=_first_stands_alone(text)):
        title = lines.pop(0)
    elif title is not None and lines and _same(lines[0], title):
        lines.pop(0)

    if structural:
        lines = _drop_repeats(lines, removed)
    if structural and len(lines) > 3:
        scores = [line_score(line) for line in lines]
        start, end = best_segment(scores)
        end = _before_teaser_run(lines, scores, start, end)
        start, end = _with_short_paragraphs(lines, start, end)
        if end > start:
            removed.extend(lines[:start] + lines[end:])
            lines = lines[start:end]

    if title:
        tail = [i for i, line in enumerate(lines) if i > 0 and _repeats_title(line, title)]
        for i in reversed(tail):
            removed.append(lines.pop(i))
    return CleanText(title=title, paragraphs=tuple(lines), removed=tuple(removed))


def _short_prose(line: str) -> bool:
    """A one-sentence paragraph too short for ``line_score`` to call prose ("The attack killed three people.",
    "Как отметили в минздраве, пострадавших нет."): four words or more, mostly lower case or function words (German
    capitalizes its nouns; Arabic has no capitals), ending like a sentence."""
    words = _WORD.findall(line)
    if len(words) < 4 or len(line) > 250 or not re.search(r"[.!?…][\"”»’)]*$", line.rstrip()):
        return False
    lower = sum(1 for w in words if w[0].islower()) / len(words)
    function = sum(1 for w in words if w.lower() in FUNCTION_WORDS) / len(words)
    caseless = not any(c.isupper() for c in line)  # Arabic, Hebrew…: no capitals to count
    quote = line.lstrip()[:1] in "“\"«„»‹"  # a paragraph that is a quotation and its source
    return ((lower >= 0.5 or function >= 0.15 or caseless or quote) and not is_chrome(line) and not PROSE_CHROME.search(line)
            and not TEASER_START.match(line))


def _with_short_paragraphs(lines: list[str], start: int, end: int) -> tuple[int, int]:
    """The article with the short paragraphs right before and after it: news ends, and sometimes starts, with a
    one-line paragraph that scores as furniture on its own."""
    if end <= start:
        return start, end
    while end < len(lines) and _short_prose(lines[end]):
        end += 1
    while start > 0 and _short_prose(lines[start - 1]):
        start -= 1
    return start, end


def _first_stands_alone(text: str) -> bool:
    """Whether the text's first line is a paragraph of its own (a blank line follows it). Only the start is read:
    a headline is at most 250 characters, and the whole text was normalised once already."""
    return bool(re.match(r"\s*[^\n]+\n[ \t\r\u00a0]*\n", normalise(text[:_HEADLINE_WINDOW])))


def _drop_repeats(lines: list[str], removed: list[str]) -> list[str]:
    """A long line seen before is a second copy (a hidden duplicate, a teaser of this article): drop it."""
    seen: set[str] = set()
    kept = []
    for line in lines:
        key = line.casefold()
        if len(line) >= 60 and key in seen:
            removed.append(line)
            continue
        seen.add(key)
        kept.append(line)
    return kept


def _before_teaser_run(lines: list[str], scores: list[float], start: int, end: int, min_units: int = 4) -> int:
    """Cut a trailing list of teasers after the article: units of "headline[, byline, date], summary".

    It only cuts when an article body (two prose paragraphs in a row) comes
    before the run, so a round-up that is itself made of such units stays.
    """
    i = end
    units = []
    while i > start and scores[i - 1] > 0 and len(lines[i - 1]) <= 400:
        k = i - 1
        while k > start and scores[k - 1] <= 0 and i - 1 - k < 3:
            k -= 1
        if k == i - 1 or not looks_like_headline(lines[i - 2]):
            break
        units.append(k)
        i = k
    if len(units) < min_units:
        return end
    run_start = units[-1]
    body = any(scores[j] > 0 and scores[j + 1] > 0 for j in range(start, run_start - 1))
    return run_start if body else end


def _before_comments(lines: list[str], removed: list[str]) -> list[str]:
    """Cut at the first line that opens a comment section, once some prose came before it."""
    prose = 0.0
    for i, line in enumerate(lines):
        if prose >= 200 and COMMENT_START.match(line.strip(" []()|:-–—")):
            removed.extend(lines[i:])
            return lines[:i]
        prose += max(0.0, line_score(line))
    return lines


def _same(a: str, b: str) -> bool:
    return fuzz.ratio(a.casefold(), b.casefold()) >= 90


def _repeats_title(line: str, title: str) -> bool:
    """A line that is the headline, or the headline plus a player/teaser tail."""
    if len(line) < 0.6 * len(title):
        return False
    return fuzz.partial_ratio(title.casefold(), line[: len(title) + 10].casefold()) >= 90 and len(line) < 2 * len(title) + 40

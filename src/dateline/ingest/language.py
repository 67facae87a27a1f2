"""Language identification per document, and per paragraph where it differs.

lingua, restricted to the languages Dateline handles, was the only detector in
our measurements that never read short Ukrainian as Russian (field notes); its
models ship inside the wheel, so nothing is downloaded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

# Languages we route to a pipeline, or at least label; order is irrelevant.
SUPPORTED = ("en", "fr", "de", "es", "it", "pt", "nl", "pl", "ru", "uk", "ar", "tr")
_MIN_PARAGRAPH_WORDS = 8
_SAMPLE_CHARS = 4000
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


# Below this many characters lingua's high-accuracy mode (all n-gram sizes) is worth its load time (about a
# second per process); above it the low-accuracy mode (trigrams, loads in 0.07 s) was as accurate on our
# documents and paragraphs (``dateline eval language``).
_SHORT_CHARS = 120


@lru_cache(maxsize=2)
def _detector(accurate: bool):
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in SUPPORTED]
    builder = LanguageDetectorBuilder.from_languages(*languages).with_minimum_relative_distance(0.0)
    return (builder if accurate else builder.with_low_accuracy_mode()).build()


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when there is no text to judge."""
    sample = text[:_SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < 3:
        return None
    return _code(_detector(len(sample.strip()) < _SHORT_CHARS).detect_language_of(sample))


def _quick(text: str) -> str | None:
    return _code(_detector(False).detect_language_of(text[:_SAMPLE_CHARS]))


def _code(language) -> str | None:
    return language.iso_code_639_1.name.lower() if language else None


def paragraph_languages(text: str, document_language: str | None) -> list[tuple[int, int, str]]:
    """``(start, end, code)`` for paragraphs long enough to judge whose language is not the document's.

    The quick detector reads every paragraph; only one it places in another language is read again by
    ``detect`` (the accurate one, for a short paragraph)."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        paragraph = match.group()
        if len(paragraph.split()) < _MIN_PARAGRAPH_WORDS or _quick(paragraph) == document_language:
            continue
        code = detect(paragraph)
        if code and code != document_language:
            spans.append((match.start(), match.end(), code))
    return spans

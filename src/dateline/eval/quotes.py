"""Quotes and speakers against gold (``dateline eval quotes``).

A predicted quote matches a gold one when the token multisets of their texts
(lower-cased alphanumeric tokens) have a Jaccard index of at least 0.5, matched
greedily one-to-one, best pairs first. A speaker is right when the predicted
and gold speakers share a content word (a gold quote with no speaker is right
only when none is predicted). End-to-end counts a quote as found only when its
speaker is right too. Direct and reported quotes are also scored apart: recall
over gold quotes of that kind, precision over predictions of that kind. The gold
annotates a mixed quote by its quoted words, so ours are read that way
(``as_quoted_words``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from ..ingest.document import RawDocument
from ..batch.work import annotate_batch as process_batch
from ..data import data_lines
from ..settings import Options
from ..types import Quote
from .devset import german_quotes, read_gold
from .entities import content_words
from .metrics import PRF, calibration, greedy_match

_TOKEN = re.compile(r"[^\W_]+")


def tokens(text: str) -> Counter:
    return Counter(_TOKEN.findall(text.lower()))


def jaccard(a: Counter, b: Counter) -> float:
    inter = sum((a & b).values())
    union = sum((a | b).values())
    return inter / union if union else 0.0


def speaker_right(predicted: str | None, gold: str | None, language: str | None = None) -> bool:
    """The speakers share a content word, or one is the other's acronym ("the DNC", "Democratic National
    Committee")."""
    if not gold:
        return not predicted
    if not predicted:
        return False
    return (bool(content_words(predicted, language) & content_words(gold, language))
            or _acronym_of(predicted, gold) or _acronym_of(gold, predicted))


def named_speaker(gold: str | None, language: str | None = None) -> bool:
    """The gold names its speaker: it has a content word (not "er", "sie", "they")."""
    return bool(gold) and bool(content_words(gold, language))


def quote_speaker_right(quote: Quote, gold: str | None, language: str | None = None) -> bool:
    """Our quote's speaker against the gold's phrase as written: our resolved speaker or the description we
    resolved through (``speaker_role``) matching it counts, as the gold cannot check a resolution; where the
    gold's speaker is a pronoun, reading a pronoun there (and resolving it) counts."""
    if gold and not named_speaker(gold, language):
        return quote.attribution == "cue-pronoun"
    return speaker_right(quote.speaker, gold, language) or bool(quote.speaker_role and gold) and speaker_right(
        quote.speaker_role, gold, language)


def _acronym_of(short: str, long: str) -> bool:
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", long) if w.lower() not in ("of", "the", "and", "for"))
    return len(initials) >= 2 and any(w == initials for w in re.findall(r"\b[A-Z]{2,}\b", short))


def as_quoted_words(quotes: list) -> list:
    """Our quotes as the dev and German gold annotate them: a mixed quote is its quoted words, so the reported
    clause around them (the same statement) is left out."""
    return [q for q in quotes if q.direct or not any(
        d.direct and d.statement == q.statement and q.start <= d.start < q.end for d in quotes)]


def dev_items(path: Path) -> Iterator[tuple[str, str, str | None, list[dict]]]:
    """(id, text, language, gold quotes) from a gold file in the dev-set schema."""
    for row in read_gold(path):
        yield row["id"], row["text"], row.get("lang"), row["gold"].get("quotes") or []


def german_items(split: str = "test") -> Iterator[tuple[str, str, str | None, list[dict]]]:
    """The German Wikinews set in the same shape: every annotated quotation, its speaker span text."""
    for row in german_quotes(split):
        gold = []
        for a in row["annotations"]:
            quote = a["quote"]["text"]
            if not quote:
                continue
            gold.append({"quote": quote, "speaker": a["speaker"]["text"] or None, "direct": a["type"] == "Direct"})
        yield row["documentName"], row["originalText"], "de", gold


def language_items(split: str = "dev", language: str | None = None) -> Iterator[tuple[str, str, str | None, list[dict]]]:
    """Our written news in French, Spanish, Russian, Ukrainian, Arabic and German (``data/quote_articles.jsonl``:
    wire-style articles with their quotes, written for this project; "dev" is read when rules change, "clean" is
    scored, not read)."""
    for line in data_lines("quote_articles.jsonl"):
        row = json.loads(line)
        if row["split"] == split and language in (None, row["lang"]):
            yield row["id"], row["text"], row["lang"], row["quotes"]


def evaluate_languages(split: str = "dev", errors: bool = False) -> dict:
    """``evaluate`` per language of ``language_items``, and over all of them."""
    items = list(language_items(split))
    report = {"split": split, "all": evaluate(items, errors=errors)}
    for language in sorted({lang for _, _, lang, _ in items}):
        report[language] = evaluate([i for i in items if i[2] == language], errors=errors)
    return report


def evaluate(items: Iterable[tuple[str, str, str | None, list[dict]]], options: Options | None = None,
             errors: bool = False, table: list | None = None) -> dict:
    """The scores; ``table``, when given, receives ``(attribution, direct, speaker_kind, right)`` per predicted
    quote, what ``nlp.quotes.calibration`` is built from."""
    options = options or Options(workers=1)
    scores = {name: PRF() for name in ("quotes", "end_to_end", "direct", "indirect")}
    matched = speaker_ok = named_matched = named_ok = direct_matched = direct_ok = 0
    kinds = Counter()
    notes: list[str] = []
    outcomes: list[tuple[str, bool, str, float, bool]] = []  # per predicted quote, for calibration
    items = list(items)
    for start in range(0, len(items), options.batch_size):
        chunk = items[start:start + options.batch_size]
        batch = [RawDocument(origin=i, text=text, language=lang) for i, text, lang, _ in chunk]
        for (doc_id, _, lang, gold), outcome in zip(chunk, process_batch(batch, options)):
            predicted = as_quoted_words(list(outcome.record.quotes) if outcome.record else [])
            p_tokens = [tokens(q.text) for q in predicted]
            g_tokens = [tokens(g["quote"]) for g in gold]
            pairs = greedy_match(range(len(predicted)), range(len(gold)),
                                 lambda i, j: jaccard(p_tokens[i], g_tokens[j]), 0.5)
            right = [(i, j) for i, j in pairs if quote_speaker_right(predicted[i], gold[j].get("speaker"), lang)]
            n_p, n_g = len(predicted), len(gold)
            scores["quotes"].add(len(pairs), n_p - len(pairs), n_g - len(pairs))
            scores["end_to_end"].add(len(right), n_p - len(right), n_g - len(right))
            matched += len(pairs)
            speaker_ok += len(right)
            direct_pairs = [(i, j) for i, j in pairs if gold[j].get("direct", True)]
            direct_matched += len(direct_pairs)
            direct_ok += sum(1 for pair in direct_pairs if pair in right)
            named = [(i, j) for i, j in pairs if named_speaker(gold[j].get("speaker"), lang)]
            named_matched += len(named)
            named_ok += sum(1 for pair in named if pair in right)
            for name, flag in (("direct", True), ("indirect", False)):
                tp = sum(1 for i, j in pairs if gold[j].get("direct", True) == flag and predicted[i].direct == flag)
                p_kind = sum(1 for q in predicted if q.direct == flag)
                g_kind = sum(1 for g in gold if g.get("direct", True) == flag)
                # A match whose direct flag disagrees is a hit for the quote but not for its kind.
                scores[name].add(tp, p_kind - tp, g_kind - tp)
            for i, j in pairs:
                kinds[(gold[j].get("speaker_kind"), predicted[i].speaker_kind)] += 1
            right_i = {i for i, _ in right}
            outcomes += [(q.attribution or "none", q.direct, q.speaker_kind, q.confidence, i in right_i)
                         for i, q in enumerate(predicted)]
            if errors:
                notes += _errors(doc_id, predicted, gold, pairs, right)
    report = {
        "documents": len(items),
        "quotes": scores["quotes"].as_dict(),
        "speaker_accuracy": round(speaker_ok / matched, 3) if matched else 0.0,
        # on gold quotes whose speaker is named (not a pronoun), as PolNeAR's is reported
        "speaker_accuracy_named": round(named_ok / named_matched, 3) if named_matched else 0.0,
        "speaker_accuracy_direct": round(direct_ok / direct_matched, 3) if direct_matched else 0.0,
        "end_to_end": scores["end_to_end"].as_dict(),
        "direct": scores["direct"].as_dict(),
        "indirect": scores["indirect"].as_dict(),
        "calibration": calibration([o[3] for o in outcomes], [o[4] for o in outcomes]),
    }
    if table is not None:
        table.extend((a, d, k, r) for a, d, k, _, r in outcomes)
    if errors:
        report["speaker_kinds"] = {f"{g}->{p}": n for (g, p), n in sorted(kinds.items(), key=str)}
        report["errors"] = notes
    return report


def _errors(doc_id, predicted, gold, pairs, right) -> list[str]:
    out = []
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    right_set = set(right)
    for i, q in enumerate(predicted):
        if i not in matched_p:
            out.append(f"{doc_id} FP [{'D' if q.direct else 'I'}] {q.speaker!r}: {q.text[:90]!r}")
    for j, g in enumerate(gold):
        if j not in matched_g:
            out.append(f"{doc_id} FN [{'D' if g.get('direct', True) else 'I'}] {g.get('speaker')!r}: {g['quote'][:90]!r}")
    for i, j in pairs:
        if (i, j) not in right_set:
            out.append(f"{doc_id} SPEAKER {predicted[i].speaker!r} (gold {gold[j].get('speaker')!r}): {gold[j]['quote'][:60]!r}")
    return out

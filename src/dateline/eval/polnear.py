"""Quotes against PolNeAR, US political news with every attribution annotated (``dateline eval quotes --polnear``).

PolNeAR's attributions are wider than quotes (paraphrase, beliefs, intentions), so
they are scored in layers, with the dev set's matching (content tokens, Jaccard ≥ 0.5,
one-to-one, best pairs first):

* direct: gold contents holding a double quotation mark against our direct quotes;
* all attributions against all our quotes (recall is bounded by beliefs and intentions);
* speech attributions (a cue from our English cue lexicon, "according to", "told") and their recall by
  construction, as the issue asks: "X said (that) …", "…, X said", "according to X", "X told Y", other
  cue verbs;
* PolNeAR is univocal (a token has one role in one attribution) and calls content with a double quotation mark
  direct, so our quotes are read the same way before matching: a quote nested in another of ours (a quoted
  fragment inside its reported clause) is part of that one, and a quote is direct when it, with the marks around
  it, holds a double quotation mark — so the New York Times' typewriter quotes (''…'') are direct on neither
  side, as the gold derives its flag;
* speakers: on matched pairs whose gold source is a name or description (not a pronoun, not absent), our
  speaker is right when it, or the description we resolved it through ("the senator"), shares a content word
  with it (or is its acronym); end to end (quote and speaker right) on those.

Look at train, report dev (``--polnear train`` / ``--polnear dev``); no licence, so evaluation only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from ..data import data_lines
from ..ingest.document import RawDocument
from ..nlp.quotes.cues import guess_lemmas
from ..types import Quote
from .corpus import read_jsonl, records
from .devset import shared_dir
from .metrics import PRF, calibration, greedy_match
from .quotes import jaccard, quote_speaker_right, speaker_right, tokens

CONSTRUCTIONS = ("X said (that)", "..., X said", "according to X", "X told Y", "other cue verbs")


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    """The verbs that make an attribution speech: a frozen list, so the measure stays put as the cue lexicon grows."""
    return frozenset(line.strip() for line in data_lines("eval", "polnear_speech_verbs.txt"))


def construction(attribution: dict) -> str | None:
    """Which speech construction a gold attribution is, or None when it is not speech (a belief, a plan…)."""
    cue = (attribution.get("cue") or "").lower().split()
    if not cue:
        return None
    if cue[:2] == ["according", "to"]:
        return "according to X"
    lemmas = {lemma for word in cue for lemma in guess_lemmas(word)}
    if "tell" in lemmas:
        return "X told Y"
    if not lemmas & speech_verbs():
        return None
    if "say" in lemmas:
        content, cue_at = attribution["content_spans"][0][0], attribution["cue_spans"][0][0]
        return "..., X said" if content < cue_at else "X said (that)"
    return "other cue verbs"


_QUOTE_MARK = re.compile(r'["“”„‟«»″]')


def univocal(quotes: list[Quote]) -> list[Quote]:
    """Our quotes as PolNeAR counts attributions, one per statement: a quote nested inside another of ours is
    part of it (a mixed quote is its reported clause), and the parts of an interrupted quote are one content."""
    outer = [q for q in quotes if not any(o is not q and o.start <= q.start and q.end <= o.end
                                          and (o.end - o.start) > (q.end - q.start) for o in quotes)]
    merged: dict[object, Quote] = {}
    for q in outer:
        key = q.statement if q.statement is not None else id(q)
        if key in merged:
            first = merged[key]
            merged[key] = replace(first, text=f"{first.text} {q.text}", end=q.end, direct=first.direct or q.direct)
        else:
            merged[key] = q
    return list(merged.values())


# PolNeAR's pronoun flag covers personal pronouns; a relative pronoun source ("…, who noted that …") is no
# name either.
_RELATIVE = frozenset({"who", "whom", "which", "that"})


def named(attribution: dict) -> bool:
    source = attribution.get("source")
    return bool(source) and not attribution.get("source_is_pronoun") and source.strip().lower() not in _RELATIVE


def evaluate_polnear(split: str = "dev", limit: int | None = None, workers: int = 0, errors: bool = False) -> dict:
    articles = read_jsonl(shared_dir() / "data" / "quotes" / "polnear" / f"polnear-{split}.jsonl", limit)
    found = records([RawDocument(origin=a["id"], text=a["text"], published=a.get("publication_date"), language="en")
                     for a in articles], workers)
    direct, everything, e2e, e2e_direct = PRF(), PRF(), PRF(), PRF()
    speakers = speakers_ok = speakers_strict = 0
    titles_right = 0
    speech_total: Counter = Counter()
    speech_found: Counter = Counter()
    notes: list[str] = []
    confidences: list[float] = []
    rights: list[bool] = []
    for article, record in zip(articles, found):
        quotes: list[Quote] = univocal(list(record.quotes) if record else [])
        titles_right += bool(record) and _headline(record.title) == _headline(article["title"])
        gold = article["gold"]["attributions"]
        q_tokens = [tokens(q.text) for q in quotes]
        g_tokens = [tokens(a["content"]) for a in gold]

        def pair(qs: list[int], gs: list[int]) -> list[tuple[int, int]]:
            matches = greedy_match(qs, gs, lambda i, j: jaccard(q_tokens[i], g_tokens[j]), 0.5)
            return [(qs[i], gs[j]) for i, j in matches]

        all_pairs = pair(list(range(len(quotes))), list(range(len(gold))))
        everything.add(len(all_pairs), len(quotes) - len(all_pairs), len(gold) - len(all_pairs))
        q_direct = [i for i, q in enumerate(quotes) if _QUOTE_MARK.search(record.text[max(q.start - 1, 0):q.end + 1])]
        g_direct = [j for j, a in enumerate(gold) if a["direct"]]
        direct_pairs = pair(q_direct, g_direct)
        direct.add(len(direct_pairs), len(q_direct) - len(direct_pairs), len(g_direct) - len(direct_pairs))
        _end_to_end(e2e, all_pairs, quotes, gold, range(len(quotes)), range(len(gold)))
        _end_to_end(e2e_direct, direct_pairs, quotes, gold, q_direct, g_direct)
        matched_gold = {j for _, j in all_pairs}
        # Calibration: our quote is right when it matches a gold attribution and, where the gold names its
        # source, our speaker is that source (a pronoun or absent source cannot be checked: the quote counts).
        gold_of = dict(all_pairs)
        for i, q in enumerate(quotes):
            j = gold_of.get(i)
            confidences.append(q.confidence)
            rights.append(j is not None and (not named(gold[j]) or quote_speaker_right(q, gold[j]["source"])))
        for i, j in all_pairs:
            if named(gold[j]):
                speakers += 1
                speakers_ok += quote_speaker_right(quotes[i], gold[j]["source"])
                speakers_strict += speaker_right(quotes[i].speaker, gold[j]["source"])
        for j, attribution in enumerate(gold):
            kind = construction(attribution)
            if kind:
                speech_total[kind] += 1
                speech_found[kind] += j in matched_gold
        if errors:
            notes += _errors(article["id"], quotes, gold, all_pairs)
    speech = sum(speech_total.values())
    report = {
        "split": split, "articles": len(articles),
        "direct": direct.as_dict(),
        "end_to_end_named_direct": e2e_direct.as_dict(),
        "end_to_end_named_all": e2e.as_dict(),
        "speaker_accuracy_named": round(speakers_ok / speakers, 3) if speakers else None,
        # the same with our resolved speaker only (a description we resolved to a name then counts as wrong)
        "speaker_accuracy_named_resolved_only": round(speakers_strict / speakers, 3) if speakers else None,
        "speech_attribution_recall": round(sum(speech_found.values()) / speech, 3) if speech else None,
        "speech_recall_by_construction": {k: {"gold": speech_total[k],
                                              "recall": round(speech_found[k] / speech_total[k], 3) if speech_total[k] else None}
                                          for k in CONSTRUCTIONS},
        "all_attributions": everything.as_dict(),
        "title_right": round(titles_right / len(articles), 3) if articles else None,  # cleanup: the headline line
        "calibration": calibration(confidences, rights),
    }
    if errors:
        report["errors"] = notes
    return report


def _headline(title: str | None) -> str:
    """A headline for comparison: the corpus adds a full stop after some, and quote marks move around it."""
    return " ".join(tokens(title or "").elements())


def _end_to_end(score: PRF, pairs, quotes, gold, q_scope, g_scope) -> None:
    """Quote and speaker right, on gold attributions with a named source; our quotes matched to a gold one with
    a pronoun or no source count neither way."""
    right = sum(1 for i, j in pairs if named(gold[j]) and quote_speaker_right(quotes[i], gold[j]["source"]))
    unnamed_matches = sum(1 for _, j in pairs if not named(gold[j]))
    predicted = len(list(q_scope)) - unnamed_matches
    score.add(right, predicted - right, sum(1 for j in g_scope if named(gold[j])) - right)


def _errors(article_id: str, quotes: list[Quote], gold: list[dict], pairs) -> list[str]:
    out = []
    hit_q, hit_g = {i for i, _ in pairs}, {j for _, j in pairs}
    out += [f"{article_id} FP [{'D' if q.direct else 'I'}] {q.speaker!r}: {q.text[:90]!r}"
            for i, q in enumerate(quotes) if i not in hit_q]
    out += [f"{article_id} FN [{'D' if a['direct'] else 'I'}] {construction(a) or 'not speech'} {a.get('source')!r} "
            f"{a.get('cue')!r}: {a['content'][:90]!r}" for j, a in enumerate(gold) if j not in hit_g]
    out += [f"{article_id} SPEAKER {quotes[i].speaker!r} (gold {gold[j]['source']!r}): {gold[j]['content'][:60]!r}"
            for i, j in pairs if named(gold[j]) and not quote_speaker_right(quotes[i], gold[j]["source"])]
    return out

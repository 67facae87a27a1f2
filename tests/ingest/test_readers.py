"""Every reader on files the tests write, including broken ones."""

import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ingest import read_bytes, read_paths, sniff_kind
from dateline.settings import Options

ARTICLE_P = ("<p>Russian forces shelled the town of Kupiansk overnight, the regional governor said on Tuesday, "
             "adding that two civilians were wounded and several houses were destroyed.</p>")
PAGE = f"""<!doctype html><html><head><title>Shelling hits Kupiansk | Daily Example</title>
<meta name="author" content="Jane Reporter"><meta property="article:published_time" content="2023-02-14T08:00:00Z">
<meta property="og:site_name" content="Daily Example"></head><body><nav><a href="/">Home</a><a href="/w">World</a></nav>
<article><h1>Shelling hits Kupiansk</h1>{ARTICLE_P * 4}</article><footer>© Daily Example</footer></body></html>"""

FEED = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Shelling hits Kupiansk</title><link>https://example.org/a</link>
<pubDate>Tue, 14 Feb 2023 08:00:00 GMT</pubDate><description><![CDATA[{ARTICLE_P}]]></description></item>
<item><title>Second</title><link>https://example.org/b</link><description>A second story about the river flooding the valley towns.</description></item>
</channel></rss>"""


def warc_bytes(html: str, url: str = "https://example.org/kupiansk") -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))
    return buffer.getvalue()


def test_html_reader_keeps_metadata(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (doc,) = read_paths([str(tmp_path / "page.html")], Options())
    assert doc.ok, doc.error
    assert "Kupiansk overnight" in doc.text and "Home" not in doc.text
    assert doc.title.startswith("Shelling hits Kupiansk")
    assert doc.byline == ["Jane Reporter"]
    assert doc.published == "2023-02-14"
    assert doc.outlet == "Daily Example"


def test_feed_reader_yields_each_entry(tmp_path):
    (tmp_path / "wire.rss").write_text(FEED, encoding="utf-8")
    docs = list(read_paths([str(tmp_path)], Options()))
    assert [d.url for d in docs] == ["https://example.org/a", "https://example.org/b"]
    assert docs[0].published == "2023-02-14" and docs[0].outlet == "Example Wire"


def test_warc_reader_reads_html_responses(tmp_path):
    (tmp_path / "crawl.warc.gz").write_bytes(warc_bytes(PAGE))
    (doc,) = read_paths([str(tmp_path / "crawl.warc.gz")], Options())
    assert doc.ok and doc.url == "https://example.org/kupiansk" and "Kupiansk overnight" in doc.text


def test_jsonl_reader_reports_bad_lines_and_goes_on(tmp_path):
    lines = [json.dumps({"id": "a1", "text": "First article text about the vote.", "title": "Vote", "published": "14 February 2023"}),
             "{not json", json.dumps(["a", "list"]), json.dumps({"url": "https://x.org/p", "html": PAGE}), ""]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs = list(read_paths([str(tmp_path / "dump.jsonl")], Options()))
    assert [d.ok for d in docs] == [True, False, False, True]
    assert docs[1].error.code == "malformed-json" and docs[1].origin.endswith(":2")
    assert docs[3].url == "https://x.org/p" and "Kupiansk" in docs[3].text


@pytest.mark.parametrize("name, data, code", [
    ("empty.txt", b"", "empty"),
    ("blob.txt", bytes(range(256)) * 40, "binary"),
    # random bytes that open with "{" or "<" are no JSON Lines or HTML (a test folder's os.urandom bytes once did)
    ("random.bin", b"{" + bytes(range(256)) * 16, "binary"),
    ("random2.bin", b"<html" + bytes(range(256)) * 16, "binary"),
    ("notfeed.rss", b"<?xml version='1.0'?><catalog><book>no</book></catalog>", "not-a-feed"),
    ("broken.warc", b"WARC/1.0\r\nthis is not a warc", "malformed-warc"),
    ("bad.gz", b"\x1f\x8bnot really gzip", "malformed-gzip"),
    ("nothing.html", b"<html><body><div></div></body></html>", "no-article"),
])
def test_broken_files_become_clear_errors(tmp_path, name, data, code):
    (tmp_path / name).write_bytes(data)
    docs = list(read_paths([str(tmp_path / name)], Options()))
    assert docs and not docs[-1].ok
    assert docs[-1].error.code == code, docs[-1].error


def test_huge_file_is_refused_without_reading(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    (doc,) = read_paths([str(big)], Options())
    assert doc.error.code == "too-large" and "MB" in str(doc.error)


def test_missing_path_is_an_error_not_a_crash():
    (doc,) = read_paths(["/no/such/file.txt"], Options())
    assert doc.error.code == "not-found"


@pytest.mark.parametrize("data, kind", [(b"WARC/1.0", "warc"), (b'{"text": "x"}', "jsonl"), (b"<rss>", "feed"),
                                        (b"<!DOCTYPE html><html>", "html"), (b"Plain words", "text")])
def test_sniff_kind(data, kind):
    assert sniff_kind(data) == kind


@given(st.binary(max_size=3000))
@settings(max_examples=150, deadline=None)
def test_readers_never_raise_on_arbitrary_bytes(data):
    for kind in ("text", "html", "jsonl", "feed", "warc"):
        try:
            docs = list(read_bytes(data, "<fuzz>", Options(), kind=kind))
        except Exception as exc:  # only our own, clearly-coded error may escape read_bytes
            from dateline.ingest.document import IngestError

            assert isinstance(exc, IngestError), f"{kind}: {exc!r}"
            continue
        for doc in docs:
            assert doc.ok or doc.error.code


def test_publication_date_from_the_url_path():
    from dateline.ingest.dates import date_from_url

    assert date_from_url("https://www.aljazeera.com/news/2022/3/25/ukraine-and-russia-swap") == "2022-03-25"
    assert date_from_url("http://www.chinatopix.com/articles/8878/20140904/ex-governor.htm") == "2014-09-04"
    assert date_from_url("https://kyivindependent.com/brigade-releases-video/") is None
    assert date_from_url("https://example.com/2022/13/40/not-a-date") is None

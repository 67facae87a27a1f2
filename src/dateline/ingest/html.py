"""HTML pages through trafilatura, offline: main text plus title, author, date and site name.

trafilatura is the best measured extractor on news pages (see README figures);
we keep its precision mode so comment sections and "related" rails stay out.
"""

from __future__ import annotations

import logging

import trafilatura

from ..settings import Options
from .document import IngestError, RawDocument

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def html_to_document(html: str, origin: str, options: Options, *, url: str | None = None, path: str | None = None) -> RawDocument:
    """Extract one article from a page; raises IngestError when no article text is found."""
    if "<" not in html:
        raise IngestError("parse", "not HTML: no markup found", stage="parse")
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            favor_precision=options.html_precision,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            deduplicate=False,  # its cache is process-wide: a re-read page would come back empty
        )
    except Exception as exc:  # trafilatura raises a zoo of lxml errors on broken markup
        raise IngestError("parse", f"malformed HTML: {exc}", stage="parse") from exc
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise IngestError("no-article", "no article text found in the HTML page", stage="parse")
    author = doc.author or ""
    byline = [a.strip() for a in author.split(";") if a.strip()]
    return RawDocument(
        origin=origin,
        text=_paragraphs(text),
        html=None,
        path=path,
        url=url or doc.url,
        title=(doc.title or None),
        byline=byline,
        published=doc.date or None,
        outlet=doc.sitename or doc.hostname or None,
        extracted=True,
    )


def _paragraphs(text: str) -> str:
    """trafilatura separates blocks by one newline; we use blank lines between paragraphs."""
    lines = [line.strip() for line in text.splitlines()]
    return "\n\n".join(line for line in lines if line)


_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul title".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg head iframe".split())


def markup_to_text(html: str) -> str:
    """All visible text of an HTML page or fragment, one block per line, no extraction.

    Used for feed entries (already just the article) and to make the naive
    whole-page text that the plain-text cleaner is evaluated on.
    """
    from lxml import etree, html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP_TAGS:
            if el.tail:
                out.append(el.tail)
            return
        block = tag in _BLOCK_TAGS
        if block:
            out.append("\n")
        if el.text and tag:
            out.append(el.text)
        for child in el:
            walk(child)
        if block:
            out.append("\n")
        if el.tail:
            out.append(el.tail)

    body = root.find(".//body")
    walk(body if body is not None else root)
    lines = (" ".join(line.split()) for line in "".join(out).splitlines())
    return "\n".join(line for line in lines if line)

"""Saved web pages (``.html``, ``.htm``): the article's main text and the page's metadata, with
trafilatura (the main-content extractor; htmldate behind it for the date).

**Text.** trafilatura's main-content extraction (``fast``: no second extractor to compare with;
``favor_precision``: a doubtful block stays out; comments never): one paragraph per line,
without menus, breadcrumbs, related links, tag lists, comment blocks, sidebars and footers.
Tables are kept, figure captions are not. The extraction's options are built once; the
elements trafilatura deletes whatever their place (its ``MANUALLY_CLEANED`` list: scripts,
navigation, asides, footers, frames …) are dropped from the body before it starts, which
spares its many tree walks the menus' hundreds of nodes and changes nothing of its result.

**Metadata, the page's statements first.** The title (``og:title``, JSON-LD ``headline``,
``<h1>``, ``<title>``), the authors (the ``author`` meta tags as written, JSON-LD), the site
name (``og:site_name``, JSON-LD publisher), the URL (``og:url``, the canonical link) and the
description come from trafilatura's metadata functions; the publication time from htmldate
(``article:published_time``, JSON-LD, ``<time>``; never guessed from the body text, where a
page cites older dates, and the URL's date only when nothing fuller is stated); the section
from ``article:section``. Not read: what trafilatura's full metadata pass adds besides
(categories and tags read from every link of the page, the licence, a byline searched in every
element of the page): each costs more than the rest of reading, and a byline printed with the
text is read by the header rules.

**The lead.** Outlets print the lead (sapo) in a block of its own above the body, which
trafilatura leaves out with the page's furniture; the page's description states it. The
description is taken as the lead when the page prints it (its first words are in the page's
text: a site's generic description is in the head only) or most of its words are the
article's; :func:`partyx.readers.page.compose` leaves it out when the body opens with it.

The page's encoding: a byte-order mark, else the ``charset`` the page declares, else UTF-8 (the
encoding of nearly every page since 2010); bytes that are not in that encoding are refused. The
page is then parsed by lxml with trafilatura's parser settings (comments and processing
instructions dropped).
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import re
from functools import cache
from types import ModuleType
from typing import Any

from partyx import errors
from partyx.errors import DecodeError
from partyx.readers.page import Page, stated_time

__all__ = ["extract_text", "load", "read"]

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})",
                      re.IGNORECASE)
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
# The description is the lead when this share of its words are words of the title or body.
_LEAD_OVERLAP = 0.6
_WORD = re.compile(r"\w+")


@cache
def load() -> ModuleType:
    """trafilatura, imported once per process (it takes a fifth of a second), its loggers
    quiet (their warnings are about pages, not about the run), its lazily built parts warmed
    up on a small page."""
    import trafilatura

    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    _read_text("<html><head><title>Tiêu đề</title></head><body><article><p>Văn bản một đoạn "
               "đủ dài để được giữ lại trong bài.</p></article></body></html>")
    return trafilatura


def encoding_of(data: bytes) -> tuple[str, str, bytes]:
    """``(encoding, why, body)`` of a page's bytes (see module docstring): ``body`` is the
    bytes without a byte-order mark."""
    if not data or data.isspace():
        raise DecodeError(errors.EMPTY_FILE if not data else errors.NO_TEXT)
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, "a byte-order mark says so", data[len(bom):]
    if b"\x00" in data[:4096]:
        raise DecodeError(errors.NUL_BYTE, offset=data.index(0))
    m = _CHARSET.search(data[:4096])
    if m:
        declared = m.group(1).decode("ascii").lower()
        name = "utf-8" if declared in ("utf8", "utf-8", "unicode") else declared
        try:
            if codecs.lookup(name).name != "utf-8":
                return name, "the page declares it", data
        except LookupError:
            pass  # a charset Python does not know: try UTF-8
        else:
            return "utf-8", "the page declares it", data
    return "utf-8", "no encoding declared", data


def _decode_as(data: bytes, encoding: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise DecodeError(errors.PAGE_UNDECODABLE, encoding=encoding, why=why) from None


# control characters trafilatura cannot carry (it drops them, as lxml refuses them in new
# elements); removed only from a page whose text they made vanish
_CONTROLS = bytes([*range(1, 9), 0x0B, 0x0C, *range(0x0E, 0x20)])


@cache
def _parser() -> Any:
    """lxml's HTML parser with trafilatura's settings, every element an ``HtmlElement`` (lxml's
    default lookup calls Python for each element it hands out)."""
    from lxml import etree
    from lxml.html import (
        HtmlComment,
        HtmlElement,
        HtmlEntity,
        HTMLParser,
        HtmlProcessingInstruction,
    )

    parser = HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                        remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction,
        entity=HtmlEntity))
    return parser


def parse(data: bytes) -> tuple[Any, bytes, str]:
    """``(tree, utf8, encoding)`` of a page's bytes: its tree, its bytes in UTF-8 and the
    encoding it was read in; :class:`~partyx.errors.DecodeError` when they are not a page in
    that encoding. UTF-8 is checked by the parser itself (no copy of the page is decoded)."""
    from lxml.etree import ParserError
    from lxml.html import document_fromstring

    encoding, why, body = encoding_of(data)
    if encoding != "utf-8":
        body = _decode_as(body, encoding, why).encode("utf-8")
    parser = _parser()
    try:
        tree = document_fromstring(body, parser=parser)
    except (ParserError, ValueError):
        raise DecodeError(errors.NO_ARTICLE_TEXT) from None
    if any(e.type_name == "ERR_INVALID_ENCODING" for e in parser.error_log):
        raise DecodeError(errors.PAGE_UNDECODABLE, encoding=encoding, why=why)
    return tree, body, encoding


def read(data: bytes) -> tuple[Page, str]:
    """The article of a saved page and the encoding it was read in;
    :class:`~partyx.errors.DecodeError` when the bytes are not a page with article text."""
    load()
    tree, body, encoding = parse(data)
    page = _read(tree, body)
    if page is None and body != body.translate(None, _CONTROLS):
        tree, body, _ = parse(body.translate(None, _CONTROLS))
        page = _read(tree, body)
    if page is None:
        raise DecodeError(errors.NO_ARTICLE_TEXT)
    return page, encoding


def _read(tree: Any, body: bytes) -> Page | None:
    try:
        meta = _metadata(tree)  # first: the text extraction prunes the tree
        printed = _printed(tree, body, meta.get("description"))
        section = _section(tree)
        _drop_furniture(tree)
        text = _text(tree)
    except Exception as e:  # noqa: BLE001 - a page that trips trafilatura or htmldate
        raise DecodeError(errors.PAGE_UNREADABLE, error=f"{type(e).__name__}: {e}") from e
    if not text:
        return None
    title = _headline(meta.get("title"), meta.get("page_title"), text)
    authors = tuple(a.strip() for a in (meta.get("author") or "").split(";") if a.strip())
    lead = meta.get("description") if printed else _lead(meta.get("description"), title, text)
    return Page(text=text, title=title, lead=lead, published=stated_time(meta.get("date")),
                authors=authors, outlet=meta.get("sitename"), section=section,
                url=meta.get("url"))


def extract_text(markup: str) -> str:
    """The main text of an HTML fragment (a dataset column holding the article's markup)."""
    load()
    return _read_text(markup)


def _read_text(markup: str) -> str:
    from lxml.etree import ParserError
    from lxml.html import document_fromstring

    try:
        tree = document_fromstring(markup.encode("utf-8", "replace"), parser=_parser())
    except (ParserError, ValueError):
        return ""
    _drop_furniture(tree)
    return _text(tree)


@cache
def _extractor() -> Any:
    """trafilatura's options for :func:`_text`, built once (building them reads its settings
    file each time); ``None`` where this version of trafilatura has no ``Extractor``."""
    try:
        from trafilatura.settings import Extractor
    except ImportError:
        return None
    return Extractor(output_format="python", fast=True, precision=True, comments=False,
                     tables=True, images=False, links=False, with_metadata=False)


@cache
def _furniture() -> tuple[str, ...]:
    """The tags trafilatura deletes wherever they are, less those it treats with care first
    (forms, figures that hold a table, formulas) and the head."""
    try:
        from trafilatura.settings import MANUALLY_CLEANED
    except ImportError:
        return ()
    keep = {"form", "figure", "math", "head", "table", "td", "th", "tr"}
    return tuple(t for t in MANUALLY_CLEANED if t not in keep)


def _drop_furniture(tree: Any) -> None:
    """Drop what trafilatura would delete anyway: the head (read already; the text extraction
    deletes it), and the tags of :func:`_furniture` in the body."""
    head = tree.find("head")
    if head is not None:
        tree.remove(head)
    body = tree.find("body")
    tags = _furniture()
    if body is None or not tags:
        return
    for element in list(body.iter(*tags)):
        if element.getparent() is not None:
            element.drop_tree()


def _text(tree: Any) -> str:
    import trafilatura

    options = _extractor()
    if options is not None:
        doc = trafilatura.bare_extraction(tree, options=options)
    else:
        doc = trafilatura.bare_extraction(
            tree, with_metadata=False, include_comments=False, include_tables=True,
            include_images=False, include_links=False, fast=True, favor_precision=True)
    text = getattr(doc, "text", None)
    return text.strip() if isinstance(text, str) else ""


def _metadata(tree: Any) -> dict[str, str | None]:
    """title, author, description, sitename, url and date of the page (see module
    docstring); trafilatura's whole metadata pass when its parts are not where this version
    of it keeps them."""
    from htmldate import find_date

    try:
        from trafilatura import metadata as tm

        md = tm.examine_meta(tree)
        with contextlib.suppress(Exception):  # its JSON-LD reading may fail on a page
            md = tm.extract_meta_json(tree, md)
        if md.author and " " not in md.author:  # a login name, as trafilatura judges it
            md.author = None
        md.title = md.title or tm.extract_title(tree)
        md.url = md.url or tm.extract_url(tree, None)
    except AttributeError:  # a trafilatura whose metadata module is laid out otherwise
        from trafilatura import extract_metadata

        md = extract_metadata(tree, date_config=_date_config())
    date = find_date(tree, url=md.url, **_date_config())
    # the author meta tags as written: trafilatura's reading drops the dot of "H.Thủy"
    written = [str(v).strip() for v in tree.xpath(
        '//head/meta[@name="author" or @property="article:author" or @name="article:author"]'
        '/@content') if str(v).strip() and not str(v).strip().startswith("http")]
    author = "; ".join(dict.fromkeys(written)) if written else md.author
    head_title = tree.find(".//head/title")
    page_title = head_title.text_content() if head_title is not None else None
    return {"title": md.title, "page_title": page_title, "author": author,
            "description": md.description,
            "sitename": (md.sitename or "").lstrip("@") or None, "url": md.url, "date": date}


def _date_config() -> dict[str, Any]:
    return {"extensive_search": False, "original_date": True, "outputformat": _DATE_FORMAT,
            "deferred_url_extractor": True}


def _headline(title: str | None, page_title: str | None, text: str) -> str | None:
    """The title, or the text's first line when the page's ``<title>`` holds it and not the
    title: trafilatura splits ``Tiêu đề TP.HCM | Cổng thông tin`` at the bar and keeps the part
    without a dot, the site's name; the page prints its headline atop the article."""
    first = text.split("\n", 1)[0]
    words = _WORD.findall(first.casefold())
    if not page_title or len(words) < 3 or len(first) > 300:
        return title
    if title and _WORD.findall(title.casefold()) == words:
        return title
    held = " ".join(_WORD.findall(page_title.casefold()))
    return first.strip() if " ".join(words) in held else title


def _section(tree: Any) -> str | None:
    for value in tree.xpath('//head/meta[@property="article:section"]/@content'):
        if value.strip():
            return str(value).strip()
    return None


def _printed(tree: Any, body: bytes, description: str | None) -> bool:
    """Does the page print ``description`` (its first words, spacing aside) in its body?
    Looked for in the page's bytes first (once in the head, once printed), then in the
    body's text (entities, line breaks)."""
    words = (description or "").split()[:8]
    if len(words) < 5:
        return False
    needle = " ".join(words)
    if body.count(needle.encode("utf-8")) > 1:
        return True
    element = tree.find("body")
    if element is None:
        return False
    return needle in " ".join(element.text_content().split())


def _lead(description: str | None, title: str | None, text: str) -> str | None:
    """The page's description when it reads as the article's lead (see module docstring)."""
    if not description:
        return None
    words = [w for w in _WORD.findall(description.casefold()) if len(w) > 1]
    if len(words) < 5:
        return None
    known = set(_WORD.findall(f"{title or ''} {text}".casefold()))
    share = sum(w in known for w in words) / len(words)
    return description.strip() if share >= _LEAD_OVERLAP else None

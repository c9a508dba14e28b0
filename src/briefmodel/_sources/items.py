"""Read the sources one endnote lists: split the note into items, and each item into its sources.

The public entry points are ``read_sources``, which ``briefmodel.Note.sources`` calls, and
``source_key`` (from ``keys``), which ``briefmodel.Source.key`` calls.
Each ``;``-separated item is read in one left-to-right pass with compiled regular
expressions matched at a position, so the time is linear in the length of the note.
Items, URLs and hosts that repeat (the same post is cited note after note) are read once
and kept in small LRU caches; the sources are immutable, so sharing them is safe.
"""

import functools
import re

from briefmodel._gc import collector_paused
from briefmodel._model.sources import Source, SourceKind
from briefmodel._sources import keys
from briefmodel._sources.hosts import classify, domain_of, host_info
from briefmodel._sources.keys import source_key
from briefmodel._sources.urls import START, ScannedUrl, UrlFields, finish, scan

__all__ = ["read_sources", "source_key"]

_PAREN_DOMAIN = re.compile(r"\(([a-z0-9][a-z0-9.-]*\.[a-z]{2,24})\)", re.IGNORECASE)


@collector_paused
def read_sources(text: str) -> tuple[Source, ...]:
    """Return the sources one endnote lists, in order.

    ``text`` is the note after its ``[N]`` label; it may span lines. The note is split into
    items at ``;``, and an item into several sources where a URL starts after whitespace
    (or after ``, ``). Each URL is repaired (``dot`` obfuscation, scheme typos, trailing
    punctuation, stray spaces), and its domain, platform, kind, outlet, account and post
    id are read. Text around a URL stays in that source's ``raw``; an item without a URL
    is a ``text`` source, and a note without any URL is one ``text`` source holding the
    whole note. Separators (whitespace, ``;``, a ``,`` before a URL) are the only
    characters of the note that appear in no ``raw``. Never raises.
    """
    sources: list[Source] = []
    any_url = any_stub = False
    for item in text.split(";"):
        item = item.strip()
        if item and item != ",":
            found, has_url, has_stub = _read_item(item)
            sources.extend(found)
            any_url = any_url or has_url
            any_stub = any_stub or has_stub
    if any_url:
        return tuple(sources)
    if not sources:  # nothing but separators
        return ()
    return (_text_source(text.strip(), any_stub),)


def _read_item(item: str) -> tuple[tuple[Source, ...], bool, bool]:
    """The sources of one item (text between ``;``, stripped), and whether it had a URL and a cut link.

    An item's sources depend on its text alone, so a short item that repeats shares its
    sources through the cache.
    """
    return _read_short_item(item) if len(item) <= _CACHED_ITEM_LENGTH else _read_any_item(item)


def _read_any_item(item: str) -> tuple[tuple[Source, ...], bool, bool]:
    """``_read_item`` without the cache."""
    e = len(item)
    m = START.match(item)
    if m is not None and m.lastgroup != "stub":  # the usual item: one URL and nothing else
        end, parts = scan(item, m, e)
        if end == e and parts is not None:
            fields = finish(*parts)
            if fields is not None:
                return (_url_source(item, fields),), True, False
    found: list[tuple[int, int, ScannedUrl | None]] = []
    pos = 0
    while True:
        m = START.search(item, pos)
        if m is None:
            break
        end, parts = scan(item, m, e)
        found.append((m.start(), end, parts))
        pos = max(end, m.start() + 1)
    if not found:
        return (_text_source(item, False),), False, False
    out: list[Source] = []
    has_url = has_stub = False
    last = len(found) - 1
    for i, (start, end, parts) in enumerate(found):
        first = start
        if i == 0 and start:
            prefix = item[:start].strip()
            if prefix and prefix != ",":  # prose before the first URL belongs to it
                first = 0
        stop = e
        if i < last:
            stop = found[i + 1][0]
            while stop > first and item[stop - 1].isspace():
                stop -= 1
            if stop > first and item[stop - 1] == ",":
                stop -= 1
                while stop > first and item[stop - 1].isspace():
                    stop -= 1
        raw = item[first:stop]
        fields = None
        if parts is not None:
            scheme, host, tail, dot, scheme_fix, space = parts
            if stop < end:  # a `,` separator glued to the URL is not part of it
                tail = tail[: len(tail) - (end - stop)]
            fields = finish(scheme, host, tail, dot, scheme_fix, space)
        if fields is None:
            has_stub = True
            out.append(Source(raw=raw, kind=SourceKind.TEXT, truncated="..." in raw or "…" in raw))
            continue
        has_url = True
        out.append(_url_source(raw, fields))
    return tuple(out), has_url, has_stub


def _url_source(raw: str, fields: UrlFields) -> Source:
    """The source of a URL printed as ``raw``, from what ``finish`` read."""
    return Source(
        raw=raw,
        url=fields.url,
        domain=fields.domain,
        platform=fields.platform,
        kind=fields.kind,
        truncated=fields.truncated,
        outlet=fields.outlet,
        account=fields.account,
        post_id=fields.post_id,
        repairs=fields.repairs,
    )


_read_short_item = functools.lru_cache(maxsize=4096)(_read_any_item)
_CACHED_ITEM_LENGTH = 1000


def _clear_caches() -> None:
    """Forget every cached item, URL, host and key (for timing cold runs)."""
    _read_short_item.cache_clear()
    finish.cache_clear()
    host_info.cache_clear()
    keys.clear_cache()


def _text_source(raw: str, truncated: bool) -> Source:
    """A source without a URL; a pasted title's ``(domain.org)`` gives its domain and outlet."""
    found = _PAREN_DOMAIN.search(raw)
    if found is None:
        return Source(raw=raw, kind=SourceKind.TEXT, truncated=truncated)
    domain = domain_of(found.group(1))
    if domain is None:
        return Source(raw=raw, kind=SourceKind.TEXT, truncated=truncated)
    platform, kind, outlet = classify(domain)
    if kind is SourceKind.OTHER:
        kind = SourceKind.TEXT
    return Source(raw=raw, domain=domain, platform=platform, kind=kind, truncated=truncated, outlet=outlet)

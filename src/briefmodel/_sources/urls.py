"""URLs as endnotes print them: where one starts and ends, and the repairs that make it whole.

A URL is scanned from where ``START`` matches (a scheme, even a mistyped one;
``www.``; a bare ``domain.tld/``; or a link cut to ``ht...``) with compiled
patterns matched at a position, never on slices. ``finish`` undoes ``dot``
obfuscation, fixes the scheme, drops trailing punctuation and stray spaces, and
reads the host (``hosts``).
"""

import functools
import re
from typing import NamedTuple

from briefmodel._model.sources import Platform, SourceKind
from briefmodel._sources.hosts import host_info, social_ids

__all__ = ["START", "ScannedUrl", "UrlFields", "finish", "scan"]


class ScannedUrl(NamedTuple):
    """A URL as ``scan`` found it, before ``finish`` repairs it."""

    scheme: str
    """The normalized scheme (``https://``)."""
    host: str
    """The host with ``dot`` joints undone."""
    tail: str
    """The rest of the URL as printed."""
    dot: bool
    """A ``dot`` joint was undone."""
    scheme_fix: bool
    """The scheme was mistyped or missing."""
    space: bool
    """Stray spaces were removed."""


class UrlFields(NamedTuple):
    """What ``finish`` reads from a URL: the fields of its ``Source`` beside ``raw``."""

    url: str
    domain: str | None
    platform: Platform | None
    kind: SourceKind
    truncated: bool
    outlet: str | None
    account: str | None
    post_id: str | None
    repairs: tuple[str, ...]


# Where a source may start: at the start of an item, after whitespace or an opening mark,
# right after an ellipsis (Drupal glues the next link to a shortened one) or after a stray
# encoded space (``;%20https://…``).
_BOUNDARY = r"(?:(?<![^\s;(\[{<\"'“‘«*|])|(?<=\.\.\.)|(?<=…)|(?<=%20)|(?<=%[cC]2%[aA]0))"
START = re.compile(
    _BOUNDARY + r"(?:(?P<scheme>h{0,2}t{1,3}ps?(?::/{0,3}|/{2,3}))"  # https://, ttps://, htps://, https///
    r"|(?P<www>www(?:\.|\s+dot\s+)(?=\w))"  # www.…, www dot …
    r"|(?P<stub>(?:h{1,2}t{0,3}p?s?)?(?:\.\.\.|…)(?=\s|$))"  # a link Drupal cut to ht... or ...
    r"|(?P<bare>[a-z0-9][a-z0-9.-]*(?:\.|[^\S\r\n]dot[^\S\r\n])[a-z]{2,24}/))",  # facebook.com/…
    re.IGNORECASE,
)
_HOST_PIECE = re.compile(r"[^\s/?#\\]*")
_JOINT = re.compile(r"\s*(?:\[dot\]|\(dot\))\s*|\s+dot(?:\s+|(?=\.))", re.IGNORECASE)  # ` dot `, ` [dot] `
_HOST_NEXT = re.compile(r"(?!h{0,2}t{1,3}ps?:|www\.)[\w.-]", re.IGNORECASE)
_GLUED_NEXT = re.compile(r"\s+(?=[a-z0-9-]+(?:[./:?#]|$))", re.IGNORECASE)  # `kremlindot ru/…`
_SPACE_NEXT = re.compile(r"[^\S\r\n]+(?=[a-z0-9-]+[/?#:])", re.IGNORECASE)  # `tass. ru/…`
_SPACE_DOT_NEXT = re.compile(r"[^\S\r\n]+(?=\.[a-z0-9-]+[./?#:])", re.IGNORECASE)  # `tass .ru/…`
_SCHEME_SPACE = re.compile(r"[^\S\r\n]+(?=[a-z0-9-]+\.[a-z0-9.-]*[/?#])", re.IGNORECASE)  # `https:// t.me/…`
_NON_SPACE = re.compile(r"\S*")
_GLUED_URL = re.compile(r"(?:\.\.\.|…)(?=h{0,2}t{1,3}ps?:|www\.)", re.IGNORECASE)
_BRACKET_DOT = re.compile(r"\[dot\]|\(dot\)", re.IGNORECASE)

_TRAILING = frozenset(".,;:!?'\"”“’‘»«*`\\>")
_CLOSERS = {")": "(", "]": "[", "}": "{"}
_REPAIRS = ("dot", "scheme", "trailing", "space")
# (dot, scheme, trailing, space) flags -> the repairs tuple, in that order.
_REPAIR_NAMES = {
    (dot, scheme, trailing, space): tuple(
        name for name, flag in zip(_REPAIRS, (dot, scheme, trailing, space), strict=True) if flag
    )
    for dot in (False, True)
    for scheme in (False, True)
    for trailing in (False, True)
    for space in (False, True)
}
_SCHEMES = {"https://": "https://", "http://": "http://"}


def scan(text: str, m: "re.Match[str]", e: int) -> tuple[int, ScannedUrl | None]:
    """Find where the URL that ``m`` starts ends; return that end and the URL's parts.

    The parts are the normalized scheme, the host with ``dot`` joints undone, the rest as
    printed, and the repair flags (dot, scheme, space). A cut stub (``ht...``) has no parts.
    """
    group = m.lastgroup
    if group == "stub":
        return m.end(), None
    dot = space = False
    if group == "scheme":
        printed = m.group()
        scheme = _SCHEMES.get(printed) or ("https://" if "s" in printed.lower() else "http://")
        scheme_fix, pos = printed.lower() != scheme, m.end()
        if pos < e and text[pos].isspace():
            gap = _SCHEME_SPACE.match(text, pos, e)
            if gap is not None:
                space, pos = True, gap.end()
    else:
        scheme, scheme_fix, pos = "https://", True, m.start()
    piece = _HOST_PIECE.match(text, pos, e)
    assert piece is not None  # the pattern matches the empty string
    host = piece.group()
    pos = piece.end()
    if pos < e and text[pos].isspace() and host and not host.endswith(("...", "…")):
        host, pos, dot, space = _join_host(text, host, pos, e, space)
    rest = _NON_SPACE.match(text, pos, e)
    assert rest is not None
    end = rest.end()
    if text.find("...", pos, end) >= 0 or text.find("…", pos, end) >= 0:
        glued_url = _GLUED_URL.search(text, pos, end)
        if glued_url is not None:
            end = glued_url.end()
    return end, ScannedUrl(scheme, host, text[pos:end], dot, scheme_fix, space)


def _join_host(text: str, chunk: str, pos: int, e: int, space: bool) -> tuple[str, int, bool, bool]:
    """Undo ``dot`` joints and stray spaces after the host piece ``chunk`` that ends at ``pos``."""
    pieces = [chunk]
    dot = False
    while True:
        joint = _JOINT.match(text, pos, e)
        if joint is not None and _HOST_NEXT.match(text, joint.end(), e):
            if not chunk.endswith("."):
                pieces.append(".")
            dot, pos = True, joint.end()
        elif len(chunk) > 3 and chunk[-3:].lower() == "dot" and (chunk[-4] == "." or chunk[-4].isalpha()):
            glued = _GLUED_NEXT.match(text, pos, e)
            if glued is None:
                break
            pieces[-1] = chunk[:-3] if chunk[-4] == "." else chunk[:-3] + "."
            dot, pos = True, glued.end()
        else:
            gap = (_SPACE_NEXT if chunk.endswith(".") else _SPACE_DOT_NEXT).match(text, pos, e)
            if gap is None:
                break
            space, pos = True, gap.end()
        piece = _HOST_PIECE.match(text, pos, e)
        assert piece is not None
        chunk = piece.group()
        pos = piece.end()
        if pieces[-1].endswith(".") and chunk.startswith("."):
            chunk = chunk[1:]
        pieces.append(chunk)
        if pos >= e or not text[pos].isspace() or not chunk or chunk.endswith(("...", "…")):
            break
    return "".join(pieces), pos, dot, space


@functools.lru_cache(maxsize=4096)
def finish(scheme: str, host: str, tail: str, dot: bool, scheme_fix: bool, space: bool) -> UrlFields | None:
    """Repair a scanned URL and read what it says; ``None`` when no host is left (a cut stub)."""
    if "dot" in host.lower() and _BRACKET_DOT.search(host):
        host, dot = _BRACKET_DOT.sub(".", host), True
    url = scheme + host + tail
    start = len(scheme)
    host_end = start + len(host)
    cut = url.find("...")
    other = url.find("…")
    if other >= 0 and (cut < 0 or other < cut):
        cut = other
    truncated = cut >= 0
    if truncated:
        url = url[:cut]
    if url[-1] in _TRAILING or url[-1] in _CLOSERS:
        stripped = _strip_trailing(url)
        trailing = len(stripped) < len(url)
        url = stripped
    else:
        trailing = False
    repairs = _REPAIR_NAMES[dot, scheme_fix, trailing, space]
    if truncated and cut < host_end:  # cut inside the host: the domain is unknown
        if len(url) <= start:
            return None
        return UrlFields(url, None, None, SourceKind.OTHER, True, None, None, None, repairs)
    host_end = min(host_end, len(url))
    if host_end <= start:
        return None
    domain, platform, kind, outlet = host_info(url[start:host_end])
    if domain is None or platform is None:
        return UrlFields(url, None, None, SourceKind.OTHER, truncated, None, None, None, repairs)
    account = post_id = None
    if kind is SourceKind.SOCIAL_POST:
        path, _, query = url[host_end:].partition("?")
        account, post_id = social_ids(platform, domain, path.partition("#")[0], query.partition("#")[0])
        if truncated:  # a value that runs to the cut is incomplete
            if account is not None and url.endswith(account):
                account = None
            if post_id is not None and url.endswith(post_id):
                post_id = None
    return UrlFields(url, domain, platform, kind, truncated, outlet, account, post_id, repairs)


def _strip_trailing(url: str) -> str:
    """Drop sentence punctuation, quotes and unbalanced closing brackets from the end."""
    end = len(url)
    balance: dict[str, int] = {}
    while end:
        char = url[end - 1]
        if char in _TRAILING:
            end -= 1
            continue
        opener = _CLOSERS.get(char)
        if opener is None:
            break
        if char not in balance:
            balance[char] = url.count(char) - url.count(opener)
        if balance[char] <= 0:  # the closing bracket has its opening one: part of the URL
            break
        balance[char] -= 1
        end -= 1
    return url[:end]

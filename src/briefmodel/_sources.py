"""Read the sources one endnote lists: split the note into items and repair each URL.

The public entry point is ``read_sources``; ``briefmodel.Note.sources`` calls it.
Each ``;``-separated item is read in one left-to-right pass with compiled regular
expressions matched at a position, so the time is linear in the length of the note.
Items, URLs and hosts that repeat (the same post is cited note after note) are read once
and kept in small LRU caches; the sources are immutable, so sharing them is safe.
"""

import functools
import re

from briefmodel._gc import collector_paused
from briefmodel._model import Platform, Source, SourceKind
from briefmodel._outlets import OUTLETS

__all__ = ["read_sources"]

# Where a source may start: at the start of an item, after whitespace or an opening mark,
# right after an ellipsis (Drupal glues the next link to a shortened one) or after a stray
# encoded space (``;%20https://…``).
_BOUNDARY = r"(?:(?<![^\s;(\[{<\"'“‘«*|])|(?<=\.\.\.)|(?<=…)|(?<=%20)|(?<=%[cC]2%[aA]0))"
_START = re.compile(
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
_PAREN_DOMAIN = re.compile(r"\(([a-z0-9][a-z0-9.-]*\.[a-z]{2,24})\)", re.IGNORECASE)

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
_HOST_PREFIXES = ("www.", "m.", "mobile.")
_OFFICIAL_TLDS = frozenset({"gov", "mil", "int"})
_OFFICIAL_SLDS = frozenset({"gov", "mil", "gouv", "govt", "gob", "gv", "go"})

_PLATFORMS = {
    "t.me": Platform.TELEGRAM,
    "telegram.me": Platform.TELEGRAM,
    "twitter.com": Platform.X,
    "x.com": Platform.X,
    "facebook.com": Platform.FACEBOOK,
    "fb.com": Platform.FACEBOOK,
    "fb.watch": Platform.FACEBOOK,
    "youtube.com": Platform.YOUTUBE,
    "youtu.be": Platform.YOUTUBE,
    "vk.com": Platform.VK,
    "vk.ru": Platform.VK,
    "instagram.com": Platform.INSTAGRAM,
}
# First path segments that are not an account.
_NOT_ACCOUNT = {
    Platform.TELEGRAM: frozenset({"joinchat", "addstickers", "share", "iv", "proxy"}),
    Platform.X: frozenset({"i", "intent", "search", "hashtag", "home", "share", "explore"}),
    Platform.FACEBOOK: frozenset({"watch", "permalink.php", "story.php", "photo.php", "photo", "photos", "groups"})
    | frozenset({"events", "pages", "profile.php", "share", "sharer", "sharer.php", "reel", "hashtag", "video.php"})
    | frozenset({"people", "media"}),
    Platform.YOUTUBE: frozenset({"watch", "shorts", "live", "embed", "v", "c", "user", "channel", "playlist"}),
    Platform.VK: frozenset({"feed", "video", "away.php", "im", "search"}),
    Platform.INSTAGRAM: frozenset({"p", "reel", "reels", "tv", "stories", "explore"}),
}

# url, domain, platform, kind, truncated, outlet, account, post_id, repairs
_Fields = tuple[str, str | None, Platform | None, SourceKind, bool, str | None, str | None, str | None, tuple[str, ...]]


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
    m = _START.match(item)
    if m is not None and m.lastgroup != "stub":  # the usual item: one URL and nothing else
        end, parts = _scan(item, m, e)
        if end == e and parts is not None:
            fields = _finish(*parts)
            if fields is not None:
                return (_url_source(item, fields),), True, False
    found: list[tuple[int, int, tuple[str, str, str, bool, bool, bool] | None]] = []
    pos = 0
    while True:
        m = _START.search(item, pos)
        if m is None:
            break
        end, parts = _scan(item, m, e)
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
            fields = _finish(scheme, host, tail, dot, scheme_fix, space)
        if fields is None:
            has_stub = True
            out.append(Source(raw=raw, kind=SourceKind.TEXT, truncated="..." in raw or "…" in raw))
            continue
        has_url = True
        out.append(_url_source(raw, fields))
    return tuple(out), has_url, has_stub


def _url_source(raw: str, fields: _Fields) -> Source:
    """The source of a URL printed as ``raw``, from what ``_finish`` read."""
    url, domain, platform, kind, truncated, outlet, account, post_id, repairs = fields
    return Source(
        raw=raw,
        url=url,
        domain=domain,
        platform=platform,
        kind=kind,
        truncated=truncated,
        outlet=outlet,
        account=account,
        post_id=post_id,
        repairs=repairs,
    )


_read_short_item = functools.lru_cache(maxsize=4096)(_read_any_item)
_CACHED_ITEM_LENGTH = 1000


def _clear_caches() -> None:
    """Forget every cached item, URL and host (for timing cold runs)."""
    _read_short_item.cache_clear()
    _finish.cache_clear()
    _host_info.cache_clear()


def _scan(text: str, m: "re.Match[str]", e: int) -> tuple[int, tuple[str, str, str, bool, bool, bool] | None]:
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
    return end, (scheme, host, text[pos:end], dot, scheme_fix, space)


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
def _finish(scheme: str, host: str, tail: str, dot: bool, scheme_fix: bool, space: bool) -> _Fields | None:
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
        return url, None, None, SourceKind.OTHER, True, None, None, None, repairs
    host_end = min(host_end, len(url))
    if host_end <= start:
        return None
    domain, platform, kind, outlet = _host_info(url[start:host_end])
    if domain is None or platform is None:
        return url, None, None, SourceKind.OTHER, truncated, None, None, None, repairs
    account = post_id = None
    if kind is SourceKind.SOCIAL_POST:
        path, _, query = url[host_end:].partition("?")
        account, post_id = _social(platform, domain, path.partition("#")[0], query.partition("#")[0])
        if truncated:  # a value that runs to the cut is incomplete
            if account is not None and url.endswith(account):
                account = None
            if post_id is not None and url.endswith(post_id):
                post_id = None
    return url, domain, platform, kind, truncated, outlet, account, post_id, repairs


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


def _domain(host: str) -> str | None:
    """Lower-case host without user, port and a ``www.``/``m.``/``mobile.`` prefix."""
    host = host.rpartition("@")[2]
    host = (host.partition("]")[0] + "]" if host.startswith("[") else host.partition(":")[0]).lower().strip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and "." in host[len(prefix) :]:
            return host[len(prefix) :]
    return host or None


@functools.lru_cache(maxsize=2048)
def _host_info(host: str) -> tuple[str | None, Platform | None, SourceKind, str | None]:
    """Domain, platform, kind and outlet of a host as printed in a URL."""
    domain = _domain(host)
    if domain is None:
        return None, None, SourceKind.OTHER, None
    return (domain, *_classify(domain))


def _classify(domain: str) -> tuple[Platform, SourceKind, str | None]:
    """Platform, kind and outlet name of a domain (tried as is, then minus its first label)."""
    parent = domain.partition(".")[2]
    if "." not in parent:
        parent = ""
    platform = _PLATFORMS.get(domain) or _PLATFORMS.get(parent)
    if platform is not None:
        return platform, SourceKind.SOCIAL_POST, None
    entry = OUTLETS.get(domain) or OUTLETS.get(parent)
    if entry is not None:
        return Platform.WEB, entry[1], entry[0]
    labels = domain.rsplit(".", 2)
    if labels[-1] in _OFFICIAL_TLDS or (len(labels) > 1 and labels[-2] in _OFFICIAL_SLDS and len(labels[-1]) == 2):
        return Platform.WEB, SourceKind.OFFICIAL, None
    return Platform.WEB, SourceKind.OTHER, None


def _param(query: str, name: str) -> str | None:
    """The value of ``name`` in a query string, if it is there and not empty."""
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        if key == name:
            return value or None
    return None


def _social(platform: Platform, domain: str, path: str, query: str) -> tuple[str | None, str | None]:
    """Account and post id of a social-platform URL, from its path and query."""
    segs = path.strip("/").split("/")
    if "" in segs:
        segs = [seg for seg in segs if seg]
    if platform is Platform.FACEBOOK and domain == "fb.watch":
        return None, segs[0] if segs else None
    if platform is Platform.YOUTUBE and domain == "youtu.be":
        return None, segs[0] if segs else None
    if not segs:
        return None, None
    first, count = segs[0], len(segs)
    if platform is Platform.TELEGRAM:
        if first in ("s", "c") and count > 1:
            segs, first, count = segs[1:], segs[1], count - 1
        post = segs[1] if count > 1 and segs[1].isdigit() else None
    elif platform is Platform.X:
        if first == "i" and count > 3 and segs[1] == "web" and segs[2] == "status":
            return None, segs[3] if segs[3].isdigit() else None
        post = segs[2] if count > 2 and segs[1] == "status" and segs[2].isdigit() else None
    elif platform is Platform.FACEBOOK:
        if first in ("permalink.php", "story.php"):
            return _param(query, "id"), _param(query, "story_fbid")
        if first == "watch":
            return None, _param(query, "v")
        if first == "profile.php":
            return _param(query, "id"), None
        if first == "groups" and count > 1:
            first = segs[1]
            segs, count = segs[1:], count - 1
        post = None
        if count > 2 and segs[1] in ("posts", "permalink", "videos"):
            post = segs[2]
            if segs[1] == "videos" and not post.isdigit() and count > 3:
                post = segs[3]
    elif platform is Platform.YOUTUBE:
        if first == "watch":
            return None, _param(query, "v")
        if first in ("shorts", "live", "embed", "v"):
            return None, segs[1] if count > 1 else None
        if first in ("c", "user", "channel"):
            return (segs[1] if count > 1 else None), None
        return first.lstrip("@") or None, None
    elif platform is Platform.VK:
        wall = first if first.startswith("wall") else _param(query, "w") or ""
        post = wall[4:] or None if wall.startswith("wall") else None
        if first.startswith("wall"):
            return None, post
    else:  # Instagram
        if first in ("p", "reel", "tv"):
            return None, segs[1] if count > 1 else None
        if first == "stories" and count > 1:
            return segs[1], segs[2] if count > 2 else None
        post = segs[2] if count > 2 and segs[1] in ("p", "reel") else None
    return (None if first in _NOT_ACCOUNT[platform] else first), post


def _text_source(raw: str, truncated: bool) -> Source:
    """A source without a URL; a pasted title's ``(domain.org)`` gives its domain and outlet."""
    found = _PAREN_DOMAIN.search(raw)
    if found is None:
        return Source(raw=raw, kind=SourceKind.TEXT, truncated=truncated)
    domain = _domain(found.group(1))
    if domain is None:
        return Source(raw=raw, kind=SourceKind.TEXT, truncated=truncated)
    platform, kind, outlet = _classify(domain)
    if kind is SourceKind.OTHER:
        kind = SourceKind.TEXT
    return Source(raw=raw, domain=domain, platform=platform, kind=kind, truncated=truncated, outlet=outlet)

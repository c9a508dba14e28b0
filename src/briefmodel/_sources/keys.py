"""Source keys: one identity per source across reports and runs (``Source.key``).

A social post is its platform's id for it, whatever host, path decoration or query
printed it (``x:status/1498616685137383425``, ``telegram:rybar/40753``,
``youtube:dQw4w9WgXcQ``); any other URL is its canonical form (``url:https://…``):
the generic RFC 3986 normalisation of ``normalize`` (the steps of w3lib's
``canonicalize_url``, which the tests hold it equal to), then the identity rules of
``_web_key`` (scheme, ``www.``, default port, trailing slash, tracking parameters,
fragments). A URL cut before its id ends is ``truncated:`` and the URL up to the
cut, a source without a URL ``text:`` and its text, so neither ever shares a key
with a whole URL; two cuts share one only when they cut one URL at one place.

The key reads only the source's fields and the standard library: it is the same
on every machine and in every run, whatever optional packages are installed.
"""

import functools
import re
from urllib.parse import quote_from_bytes, unquote_to_bytes

from briefmodel._model.sources import Platform, Source

__all__ = ["TRACKING_PARAMETERS", "clear_cache", "normalize", "source_key"]

# --------------------------------------------------------------------------- identity rules

TRACKING_PARAMETERS = frozenset(
    {
        # ad and analytics click ids
        "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "ysclid", "twclid",
        "ttclid", "li_fat_id", "igshid", "igsh", "_ga", "_gl", "mkt_tok", "oly_anon_id", "oly_enc_id",
        "vero_id", "vero_conv", "mc_cid", "mc_eid", "_hsenc", "_hsmi",
        # share and referrer marks
        "ref", "ref_src", "ref_url", "smid", "smtyp", "xtor", "ocid", "cmpid", "sr_share",
        "__twitter_impression", "at_medium", "at_campaign",
    }
)  # fmt: skip
"""Query parameters that say how a reader came to a page, not which page: dropped from ``url:`` keys
(names compared in lower case), with those starting with ``_TRACKING_PREFIXES`` and ``s`` holding a number."""
_TRACKING_PREFIXES = ("utm_", "gaa_", "ns_", "pk_", "mtm_", "itm_")

# Hosts that serve the same paths as another: their URLs are keyed under the one named.
_HOST_ALIASES = {
    "twitter.com": "x.com",
    "fxtwitter.com": "x.com",
    "vxtwitter.com": "x.com",
    "fixupx.com": "x.com",
    "fixvx.com": "x.com",
    "telegram.me": "t.me",
    "telegram.dog": "t.me",
    "fb.com": "facebook.com",
    "vk.ru": "vk.com",
    "youtube-nocookie.com": "youtube.com",
}

_SPACES = re.compile(r"\s+")


def source_key(source: Source) -> str:
    """The key of ``source``: the same for every printed form of one source, in every report and run.

    Sources of short text share their keys through a small cache (the same post is cited note
    after note); a long one is keyed afresh, so the cache never holds much text.
    """
    fields = (source.raw, source.url, source.domain, source.platform, source.truncated, source.account, source.post_id)
    return (_cached_key if len(source.raw) <= _CACHED_LENGTH else _key)(*fields)


_CACHED_LENGTH = 1000


def _key(
    raw: str,
    url: str | None,
    domain: str | None,
    platform: Platform | None,
    truncated: bool,
    account: str | None,
    post_id: str | None,
) -> str:
    if url is not None and platform is not None and platform is not Platform.WEB:
        found = _platform_key(url, domain or "", platform, truncated, account, post_id)
        if found is not None:
            return found
    if url is None:  # a note's text: the text, spaces folded
        return ("truncated:" if truncated else "text:") + _SPACES.sub(" ", raw.strip())
    if truncated:  # the URL up to the cut: the same cut joins whatever dots printed it, never a whole URL
        return "truncated:" + _cut_key(url, domain)
    return "url:" + _web_key(url, domain)


def _cut_key(url: str, domain: str | None) -> str:
    """A cut URL with its scheme, ``www.`` and host case folded and the rest as printed (escapes near a
    cut may be incomplete, so nothing after the host is normalized)."""
    if domain is None:  # cut inside the host
        return url
    authority = _split(url)[1]
    return "https://" + _HOST_ALIASES.get(domain, domain) + url.partition("://")[2][len(authority) :]


def _split(url: str) -> tuple[str, str, str, str, str]:
    """Scheme, authority, path, query and fragment of a URL, cut at the first ``/``, ``?`` or ``#``
    after the authority (no ``urlsplit``: its checks cost more than the key)."""
    scheme, _, rest = url.partition("://")
    cut = len(rest)
    for mark in "/?#\\":  # a backslash ends the host and parts the path as a slash does (URL Standard)
        at = rest.find(mark, 0, cut)
        if at >= 0:
            cut = at
    tail, _, fragment = rest[cut:].partition("#")
    path, _, query = tail.partition("?")
    return scheme, rest[:cut], path.replace("\\", "/"), query, fragment


_cached_key = functools.lru_cache(maxsize=4096)(_key)


def clear_cache() -> None:
    """Forget the keys computed so far (for timing cold runs)."""
    _cached_key.cache_clear()


def _path_segments(url: str) -> tuple[list[str], str]:
    """The non-empty segments of a URL's path, and its query (without the fragment)."""
    _, _, path, query, _ = _split(url)
    return [seg for seg in path.split("/") if seg], query


def _query_param(query: str, name: str) -> str | None:
    for pair in query.split("&"):
        key, _, value = pair.partition("=")
        if key == name and value:
            return value
    return None


def _platform_key(
    url: str, domain: str, platform: Platform, truncated: bool, account: str | None, post_id: str | None
) -> str | None:
    """A social URL's identity on its platform, or ``None`` to key it as a web URL.

    ``account`` and ``post_id`` are what ``hosts.social_ids`` read (``None`` where a cut ran
    through them); the path tells the few kinds of post apart that share an id's place.
    """
    if post_id is not None:
        if platform is Platform.X:  # a status id names one post on the whole platform
            return f"x:status/{post_id}"
        if platform is Platform.YOUTUBE:  # a video id names one video
            return f"youtube:{post_id}"
        if platform is Platform.VK:
            return f"vk:wall{post_id}"
        if platform is Platform.TELEGRAM:
            if account is None:
                return None
            comment = _query_param(_path_segments(url)[1], "comment") if "comment=" in url else None
            tail = f"/comment/{comment}" if comment is not None and comment.isdigit() else ""
            return f"telegram:{account.lower()}/{post_id}{tail}"
        segs = _path_segments(url)[0]
        if platform is Platform.FACEBOOK:
            return _facebook_key(domain, segs, account, post_id)
        # Instagram: a shortcode names one post or reel; a story's id lives under its account
        if segs and segs[0] == "stories" and account is not None:
            return f"instagram:stories/{account.lower()}/{post_id}"
        return f"instagram:p/{post_id}"
    if truncated or account is None or platform is Platform.YOUTUBE:
        # YouTube's c/, user/, channel/ and @ name channels in different ways: keyed as URLs
        return None
    # an account's own page: its path is the account and nothing more, its query at most tracking
    segs, query = _path_segments(url)
    if platform is Platform.FACEBOOK and segs == ["profile.php"]:  # the account is the query's id
        return None if _kept_query(query, "id") else f"facebook:{account.lower()}"
    if platform is Platform.TELEGRAM and len(segs) == 2 and segs[0] == "s":
        segs = segs[1:]
    if segs == [account] and not _kept_query(query):
        return f"{platform.value}:{account.lower()}"
    return None


def _facebook_key(domain: str, segs: list[str], account: str | None, post_id: str) -> str:
    if domain == "fb.watch":
        return f"facebook:fb.watch/{post_id}"
    if (segs and segs[0] == "watch") or "videos" in segs:  # a video id names one video
        return f"facebook:video/{post_id}"
    owner = "" if account is None else account.lower() + "/"
    if segs and segs[0] == "groups":
        owner = "groups/" + owner
    return f"facebook:{owner}posts/{post_id}"


def _is_tracking(name: str, value: str) -> bool:
    name = name.lower()
    if name == "s":  # the share sheet's code on X and others (?s=20); a search term is kept
        return value.isdigit()
    return name in TRACKING_PARAMETERS or name.startswith(_TRACKING_PREFIXES)


def _kept_query(query: str, known: str = "") -> bool:
    """Whether a query holds a parameter that is neither a tracking one nor ``known``."""
    for pair in query.split("&"):
        if pair:
            name, _, value = pair.partition("=")
            if name != known and not _is_tracking(name, value):
                return True
    return False


def _web_key(url: str, domain: str | None) -> str:
    """``https://`` and the canonical URL without scheme, ``www.``/``m.``/``mobile.``, default port,
    tracking parameters, a trailing slash or an in-page anchor."""
    _, authority, path, query, fragment = _split(normalize(url, keep_fragment=True))
    host, port = _host_port(authority)
    if domain is not None:  # the host without www., m. or mobile.
        host = _HOST_ALIASES.get(domain, domain) if domain.isascii() else _idna(domain)
    pieces = ["https://", host]
    if port not in ("", "80", "443"):
        pieces += [":", port]
    pieces.append(path.rstrip("/"))
    if query:
        kept = [pair for pair in query.split("&") if not _is_tracking(*_name_value(pair))]
        if kept:
            pieces += ["?", "&".join(kept)]
    if fragment:
        fragment = fragment.partition(":~:")[0]  # a text fragment only highlights
        if fragment.startswith(("!", "/")) or "=" in fragment:  # an app's route or a map's place: kept
            pieces += ["#", fragment]
    return "".join(pieces)


def _name_value(pair: str) -> tuple[str, str]:
    """A canonical query pair's name and value, decoded."""
    name, _, value = pair.partition("=")
    return _unquote_plus(name), _unquote_plus(value)


def _unquote_plus(text: str) -> str:
    return unquote_to_bytes(text.replace("+", " ")).decode("utf-8", "replace")


def _host_port(authority: str) -> tuple[str, str]:
    """Host and port of an authority (user info dropped)."""
    authority = authority.rpartition("@")[2]
    if authority.startswith("["):
        host, _, after = authority.partition("]")
        return host + "]", after.partition(":")[2]
    host, _, port = authority.partition(":")
    return host, port


# --------------------------------------------------------------------------- generic normalisation

_UNRESERVED = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~"
_PATH_SAFE = _UNRESERVED + b":/?[]@!$&'()*+,;=|%"
_QUERY_SAFE = _UNRESERVED + b":/?@!$&()*+,;=%"  # a quote mark (') is escaped in an http(s) query
_FRAGMENT_SAFE = _UNRESERVED + b":/?@!$&'()*+,;=%"
_TAB_OR_NEWLINE = {ord("\t"): None, ord("\n"): None, ord("\r"): None}
_PROTECTED = (("%25", "%2525"), ("%2F", "%252F"), ("%3B", "%253B"), ("%3F", "%253F"))  # escapes kept escaped


def normalize(url: str, *, keep_fragment: bool = False) -> str:
    """The RFC 3986 normal form of an http(s) URL, as w3lib's ``canonicalize_url`` gives it.

    Scheme and host in lower case (an international host in IDNA), the path's escapes
    decoded where the character needs none and upper case where it does (``/``, ``;``,
    ``?`` and ``%`` stay escaped), non-ASCII characters escaped as UTF-8, dot segments
    resolved, an empty path made ``/``, the query's pairs sorted (by name, then value)
    and written ``name=value`` with spaces as ``+``, and the fragment dropped unless
    ``keep_fragment``. Nothing else changes: the identity rules (``www.``, ports,
    tracking parameters) are ``source_key``'s.
    """
    if "\t" in url or "\n" in url or "\r" in url:  # dropped wherever they stand (URL Standard)
        url = url.translate(_TAB_OR_NEWLINE)
    scheme, authority, path, query, fragment = _split(url)
    path = _quote(_unquote_path(_quote(_utf8(path), _PATH_SAFE)), _PATH_SAFE) if path else "/"
    if "/." in path:
        path = _remove_dot_segments(path)
    pieces = [scheme.lower(), "://", _netloc(authority), path]
    if query:
        pairs = _sorted_pairs(_quote(_utf8(query), _QUERY_SAFE))
        if pairs:
            pieces += ["?", pairs]
    if keep_fragment and fragment:
        pieces += ["#", _quote(_utf8(fragment), _FRAGMENT_SAFE)]
    return "".join(pieces)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a lone surrogate is escaped like any other byte


def _netloc(authority: str) -> str:
    user, at, hostport = authority.rpartition("@")
    host, port = _host_port(hostport)
    host = host.lower()
    return user + at + (host if host.isascii() else _idna(host)) + (":" + port if port else "")


def _idna(host: str) -> str:
    """An international host in IDNA (``xn--``) form; as printed where it has no such form."""
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:  # an empty or too long label, a lone surrogate
        return host


@functools.lru_cache(maxsize=16)
def _quote_table(safe: bytes) -> tuple["re.Pattern[bytes]", tuple[str, ...]]:
    """A pattern of runs of ``safe`` bytes, and each byte as ``_quote`` writes it."""
    return re.compile(b"[" + re.escape(safe) + b"]*"), tuple(chr(b) if b in safe else f"%{b:02X}" for b in range(256))


def _quote(data: bytes, safe: bytes) -> str:
    """``data`` with each byte outside ``safe`` escaped (``%XX``, upper case)."""
    all_safe, table = _quote_table(safe)
    if all_safe.fullmatch(data):  # the usual URL: nothing to escape
        return data.decode("ascii")
    return "".join([table[b] for b in data])


def _unquote_path(path: str) -> bytes:
    if "%" not in path:
        return path.encode("ascii")
    for escape, kept in _PROTECTED:  # %25 first: the escapes written after it are not escaped again
        path = path.replace(escape, kept)
        if escape.lower() != escape:
            path = path.replace(escape.lower(), kept)
    return unquote_to_bytes(path)


def _sorted_pairs(query: str) -> str:
    pairs = []
    for field in query.split("&"):
        if field:
            name, _, value = field.partition("=")
            pairs.append((unquote_to_bytes(name.replace("+", " ")), unquote_to_bytes(value.replace("+", " "))))
    pairs.sort()
    return "&".join(quote_from_bytes(n, safe="").replace("%20", "+") + "=" + _plus(v) for n, v in pairs)


def _plus(value: bytes) -> str:
    return quote_from_bytes(value, safe="").replace("%20", "+")


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 section 5.2.4 on a path that starts with ``/``."""
    segments = path[1:].split("/")
    out: list[str] = []
    for segment in segments[:-1]:
        if segment == "..":
            if out:
                out.pop()
        elif segment != ".":
            out.append(segment)
    last = segments[-1]
    if last in ("..", "."):
        if last == ".." and out:
            out.pop()
        out.append("")
    else:
        out.append(last)
    return "/" + "/".join(out)

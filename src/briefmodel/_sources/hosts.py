"""Hosts: the domain of a URL's host, its platform and kind of source, and a social post's account and id."""

import functools

from briefmodel._model.sources import Platform, SourceKind
from briefmodel._sources.outlets import OUTLETS

__all__ = ["classify", "domain_of", "host_info", "social_ids"]

_HOST_PREFIXES = ("www.", "m.", "mobile.")
_OFFICIAL_TLDS = frozenset({"gov", "mil", "int"})
_OFFICIAL_SLDS = frozenset({"gov", "mil", "gouv", "govt", "gob", "gv", "go"})

_PLATFORMS = {
    "t.me": Platform.TELEGRAM,
    "telegram.me": Platform.TELEGRAM,
    "telegram.dog": Platform.TELEGRAM,
    "twitter.com": Platform.X,
    "x.com": Platform.X,
    # embed fixers that serve X's paths as they are
    "fxtwitter.com": Platform.X,
    "vxtwitter.com": Platform.X,
    "fixupx.com": Platform.X,
    "fixvx.com": Platform.X,
    "facebook.com": Platform.FACEBOOK,
    "fb.com": Platform.FACEBOOK,
    "fb.watch": Platform.FACEBOOK,
    "youtube.com": Platform.YOUTUBE,
    "youtu.be": Platform.YOUTUBE,
    "youtube-nocookie.com": Platform.YOUTUBE,
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


def domain_of(host: str) -> str | None:
    """Lower-case host without user, port and a ``www.``/``m.``/``mobile.`` prefix."""
    host = host.rpartition("@")[2]
    host = (host.partition("]")[0] + "]" if host.startswith("[") else host.partition(":")[0]).lower().strip(".")
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and "." in host[len(prefix) :]:
            return host[len(prefix) :]
    return host or None


@functools.lru_cache(maxsize=2048)
def host_info(host: str) -> tuple[str | None, Platform | None, SourceKind, str | None]:
    """Domain, platform, kind and outlet of a host as printed in a URL."""
    domain = domain_of(host)
    if domain is None:
        return None, None, SourceKind.OTHER, None
    return (domain, *classify(domain))


def classify(domain: str) -> tuple[Platform, SourceKind, str | None]:
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


def social_ids(platform: Platform, domain: str, path: str, query: str) -> tuple[str | None, str | None]:
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
        if first == "i" and count > 2 and segs[1] == "status":  # x.com/i/status/N
            return None, segs[2] if segs[2].isdigit() else None
        post = segs[2] if count > 2 and segs[1] in ("status", "statuses") and segs[2].isdigit() else None
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

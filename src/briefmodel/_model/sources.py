"""The sources a note cites: a repaired URL with its platform and kind, or a note's text without one."""

import enum
import functools

import attrs

from briefmodel._model import deferred

__all__ = ["Platform", "Source", "SourceKind"]


class Platform(enum.Enum):
    """Where a cited URL lives."""

    TELEGRAM = "telegram"
    X = "x"
    FACEBOOK = "facebook"
    YOUTUBE = "youtube"
    VK = "vk"
    INSTAGRAM = "instagram"
    WEB = "web"


class SourceKind(enum.Enum):
    """What sort of thing a source is."""

    SOCIAL_POST = "social_post"
    NEWS_ARTICLE = "news_article"
    OFFICIAL = "official"
    THINK_TANK = "think_tank"
    ISW_REPORT = "isw_report"
    OTHER = "other"
    TEXT = "text"
    """A note (or part of one) with no URL: a pasted title, prose, a document name."""


@attrs.frozen(kw_only=True)
class Source:
    """One cited thing: a URL from a note (repaired), or a note's text when it has no URL."""

    raw: str
    """The source as printed in the note."""
    url: str | None = None
    """The repaired URL, or ``None`` for a text source."""
    domain: str | None = None
    """Host without ``www.``, lower case."""
    platform: Platform | None = None
    """Telegram, X, Facebook, YouTube, VK, Instagram, or the web; ``None`` without a URL."""
    kind: SourceKind = SourceKind.TEXT
    """Social post, news article, official, think tank, ISW's own report, other, or text."""
    truncated: bool = False
    """The printed URL was shortened with ``...`` or ``…``; ``url`` is then incomplete."""
    outlet: str | None = None
    """A well-known outlet's name (``Reuters``, ``TASS``, ...)."""
    account: str | None = None
    """Channel or account for Telegram, X, Facebook, VK, Instagram and YouTube URLs."""
    post_id: str | None = None
    """The post's id where the URL carries it."""
    repairs: tuple[str, ...] = ()
    """What was repaired to get ``url``: ``dot``, ``scheme``, ``trailing``, ``space``."""

    @functools.cached_property
    def key(self) -> str:
        """The source's identity: the same for every printed form of one source, in every report and run.

        A social post is its platform's id (``x:status/1498616685137383425``,
        ``telegram:rybar/40753``, ``youtube:dQw4w9WgXcQ``, ``facebook:generalstaff.ua/posts/…``,
        ``vk:wall-123_456``, ``instagram:p/…``), an account's page its account
        (``telegram:rybar``); any other URL its canonical form (``url:https://…``: scheme,
        ``www.``, host case, default port, trailing slash, escapes, query order and tracking
        parameters folded). A URL cut before its id ends is ``truncated:`` and the URL up to
        the cut, a source without a URL ``text:`` and its text, so neither ever joins a
        whole URL. Computed on first use from the fields above and kept; not part of ``==``
        or the JSON form. The docs' sources page gives every rule.
        """
        return deferred.source_key(self)

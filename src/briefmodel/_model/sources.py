"""The sources a note cites: a repaired URL with its platform and kind, or a note's text without one."""

import enum

import attrs

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

    @property
    def key(self) -> str:
        """What makes two sources the same source: the repaired URL, or the text of a source without one."""
        return self.url or self.raw

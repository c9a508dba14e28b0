"""Report text in HTML: the escaping and the link rule that the reading view and the notebook view share.

Report text is untrusted (scraped pages, pasted notes). Every piece of it goes
through ``text`` (``html.escape`` with ``quote=True``), in element content and in
attribute values alike, and attribute values are always written in double
quotes. A URL becomes a link only through ``link_url``: when it is whole (the
source is not flagged ``truncated``) and ``http://`` or ``https://`` with a host;
anything else (``javascript:``, ``data:``, ``//host``, a scheme hidden by a tab or
a control character) is shown as text.
"""

import html
import re

from briefmodel._model.sources import Source

__all__ = ["link_url", "safe_href", "text"]

_UNSHOWABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""What a page must not pass through as it is: C0 controls but tab and line breaks, DEL, the bidirectional
controls (they would reorder the text around them on screen) and lone surrogates (not encodable as UTF-8)."""

_HIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f]+")
"""What a browser strips from or ignores in a URL before it reads the scheme: control characters and spaces."""
_LINKABLE = re.compile(r"https?://[^/?#\\@:]", re.IGNORECASE)
"""An http(s) URL with a host: not ``https:///x``, ``https://@x``, ``https://:80`` or ``http:\\\\x``."""


def _shown(found: "re.Match[str]") -> str:
    code = ord(found.group())
    if code < 0x20:
        return chr(0x2400 + code)  # its control picture: U+0000 is ␀, U+001B is ␛
    return "␡" if code == 0x7F else f"⟨U+{code:04X}⟩"


def text(value: object) -> str:
    """Any value as HTML text, safe in element content and in a double-quoted attribute.

    ``html.escape`` with ``quote=True``; control characters, bidirectional controls and lone surrogates are shown
    as visible marks (``␀``, ``⟨U+202E⟩``) instead of being passed through.
    """
    return html.escape(_UNSHOWABLE.sub(_shown, str(value)), quote=True)


def safe_href(url: str | None) -> str | None:
    """The URL, if it may be a link's ``href``: ``http://`` or ``https://`` with a host, and nothing in it that a
    browser would strip or read otherwise (white space, control and format characters); else ``None``.

    The scheme is checked on the URL with its control characters and spaces removed, as a browser reads it, so
    ``java\\tscript:`` is seen as ``javascript:``; and a URL that holds any such character is refused whole.
    """
    if not url:
        return None
    bare = _HIDDEN.sub("", url)
    if bare != url or not _LINKABLE.match(bare):
        return None
    if any(not character.isprintable() for character in url):  # bidi controls, zero-width characters, surrogates
        return None
    return url


def link_url(source: Source) -> str | None:
    """A source's URL if it may be a link: whole (not ``truncated``) and ``safe_href``; else ``None``."""
    if source.truncated:
        return None
    return safe_href(source.url)

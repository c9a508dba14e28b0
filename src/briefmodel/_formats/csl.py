"""CSL-JSON for a report's sources: one item per distinct source, for Zotero and citation processors.

The mapping (also on the exports page of the docs):

- ``type``: news article → ``article-newspaper``, social post → ``post``,
  official page → ``webpage``, think-tank or ISW report → ``report``, a note
  without a URL → ``document``, anything else with a URL → ``webpage``.
- ``id``: ``src-`` and the first 12 hex digits of the SHA-1 of the URL (or of
  the note text): stable across runs and reports, so the same source cited in
  many reports is one item.
- ``URL``, ``container-title`` (the outlet, or the platform of a social post),
  ``author`` (the account of a social post, as a literal name), ``title`` (the
  text of a note without a URL), ``issued`` where the URL shows the day: a
  ``/2022/12/14/`` or ``2022-12-14`` path, or an X post id, which carries its
  time (a "snowflake"; the day is the UTC day).
- ``note``: which report cites it, and through which endnotes.
- ``custom``: what CSL has no field for (platform, kind, domain, account, post
  id, the printed text, truncation, repairs, the note labels).
"""

import datetime as dt
import json
import re
from collections.abc import Iterable
from typing import Any

from briefmodel._formats.ids import source_id
from briefmodel._model.report import Report
from briefmodel._model.sources import Platform, Source, SourceKind

__all__ = ["csl_items", "to_csl_json"]

_TYPES = {
    SourceKind.NEWS_ARTICLE: "article-newspaper",
    SourceKind.SOCIAL_POST: "post",
    SourceKind.OFFICIAL: "webpage",
    SourceKind.THINK_TANK: "report",
    SourceKind.ISW_REPORT: "report",
    SourceKind.TEXT: "document",
    SourceKind.OTHER: "webpage",
}
_PLATFORM_NAMES = {
    Platform.TELEGRAM: "Telegram",
    Platform.X: "X",
    Platform.FACEBOOK: "Facebook",
    Platform.YOUTUBE: "YouTube",
    Platform.VK: "VK",
    Platform.INSTAGRAM: "Instagram",
}
_PATH_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})([/-])([01][0-9])\2([0-3][0-9])(?![0-9])")
_TWITTER_EPOCH_MS = 1_288_834_974_657
_FIRST_SNOWFLAKE = 10**15
"""X post ids below this are the sequential ids from before November 2010; later ids carry their time."""


def _issued(source: Source) -> dt.date | None:
    """The day the URL shows: a date in its path, or the time an X post id carries."""
    if source.url is None:
        return None
    if source.platform is Platform.X and source.post_id and source.post_id.isdigit():
        number = int(source.post_id)
        if number >= _FIRST_SNOWFLAKE:
            millis = (number >> 22) + _TWITTER_EPOCH_MS
            return dt.datetime.fromtimestamp(millis / 1000, tz=dt.timezone.utc).date()
    found = _PATH_DATE.search(source.url)
    if found is None:
        return None
    try:
        return dt.date(int(found.group(1)), int(found.group(3)), int(found.group(4)))
    except ValueError:
        return None


def _item(source: Source, labels: list[str], report: Report) -> dict[str, Any]:
    item: dict[str, Any] = {"id": source_id(source), "type": _TYPES[source.kind]}
    if source.url is None:
        item["title"] = source.raw
    else:
        item["URL"] = source.url
    container = source.outlet or (_PLATFORM_NAMES.get(source.platform) if source.platform else None)
    if container:
        item["container-title"] = container
    if source.account and source.kind is SourceKind.SOCIAL_POST:
        item["author"] = [{"literal": source.account}]
    issued = _issued(source)
    if issued is not None:
        item["issued"] = {"date-parts": [[issued.year, issued.month, issued.day]]}
    cited_in = report.title or "an untitled report"
    when = f" ({report.published.isoformat()})" if report.published else ""
    item["note"] = f"Cited in {cited_in}{when}, endnote{'s' if len(labels) > 1 else ''} {', '.join(labels)}"
    item["custom"] = {
        "platform": source.platform.value if source.platform else None,
        "kind": source.kind.value,
        "domain": source.domain,
        "account": source.account,
        "post_id": source.post_id,
        "raw": source.raw,
        "truncated": source.truncated,
        "repairs": list(source.repairs),
        "notes": labels,
    }
    return item


def csl_items(report: Report) -> list[dict[str, Any]]:
    """One CSL-JSON item (plain data) per distinct source of the report, in order of first citation."""
    if not isinstance(report, Report):
        raise TypeError(
            f"csl_items() takes one Report, not {type(report).__name__}: "
            "to_csl_json(reports) gives the items of many reports, one per distinct source"
        )
    labels: dict[str, list[str]] = {}
    for note in report.notes:
        for source in note.sources:
            found = labels.setdefault(source.key, [])
            if note.label not in found:
                found.append(note.label)
    return [_item(source, labels[source.key], report) for source in report.sources]


def _many_items(reports: Iterable[object]) -> list[dict[str, Any]]:
    """One item per distinct source across ``reports``: the first report's item, its ``note`` naming every
    report that cites the source."""
    items: dict[str, dict[str, Any]] = {}
    for report in reports:
        if not isinstance(report, Report):
            raise TypeError(f"to_csl_json() takes a Report or reports, not a {type(report).__name__} among them")
        for item in csl_items(report):
            first = items.get(item["id"])
            if first is None:
                items[item["id"]] = item
            else:
                first["note"] += "; " + item["note"].removeprefix("Cited in ")
    return list(items.values())


def to_csl_json(report: Report | Iterable[Report], *, indent: int | None = None) -> str:
    """The sources of a report, or of many, as CSL-JSON text: an array with one item per distinct source.

    Given many reports (a list, a tuple, any iterable of them, read once), a
    source cited by several is one item: the item of the first report that
    cites it, in order of first citation, whose ``note`` names every report that
    cites it (``Cited in A (2024-12-14), endnote 3; B (2024-12-15), endnotes 1, 2``);
    its ``custom`` fields are those of the first report. Anything else raises
    ``TypeError``.
    """
    if isinstance(report, Report):
        items = csl_items(report)
    elif isinstance(report, (str, bytes)) or not isinstance(report, Iterable):
        raise TypeError(f"to_csl_json() takes a Report or an iterable of reports, not {type(report).__name__}")
    else:
        items = _many_items(report)
    return json.dumps(items, ensure_ascii=False, indent=indent)

"""One identity per source and per speaker across the reports of a corpus: ``Corpus.sources()`` and
``Corpus.speakers()``.

The passes send, for each report, its distinct sources (``Source.key`` and the
fields as printed there) and the speaker and reporter of each claim
(``Agent.key``, name, printed form, kind). ``Identities`` gathers them, in any
order, into one row per key. A key's descriptive fields (URL, outlet, ...) are
those of the first report citing it in the corpus's order; its first and last
sighting are the least and greatest publication dates of the reports that cite
it (or quote it), undated reports not counting.
"""

import datetime as dt
from collections import Counter
from typing import Any

from briefmodel._corpus.passes import Order, ReportIdentities
from briefmodel._corpus.rows import Rows
from briefmodel._formats.ids import key_id

__all__ = ["SOURCE_COLUMNS", "SPEAKER_COLUMNS", "Identities"]

SOURCE_COLUMNS = {
    "key": "str",
    "source_id": "str",
    "url": "str",
    "raw": "str",
    "domain": "str",
    "platform": "str",
    "kind": "str",
    "outlet": "str",
    "account": "str",
    "post_id": "str",
    "truncated": "bool",
    "reports": "int",
    "claims": "int",
    "report_ids": "list[str]",
    "first_seen": "date",
    "last_seen": "date",
}
"""The columns of ``Corpus.sources()``."""

SPEAKER_COLUMNS = {
    "key": "str",
    "name": "str",
    "forms": "list[str]",
    "kind": "str",
    "claims": "int",
    "reported": "int",
    "reports": "int",
    "report_ids": "list[str]",
    "first_seen": "date",
    "last_seen": "date",
}
"""The columns of ``Corpus.speakers()``."""


class _Sighting:
    """What is known of one key so far."""

    __slots__ = ("fields", "first", "last", "order", "reports")

    def __init__(self) -> None:
        self.order: Order | None = None  # the place of the report the fields come from
        self.fields: dict[str, Any] = {}
        self.reports: list[tuple[Order, str]] = []
        self.first: dt.date | None = None
        self.last: dt.date | None = None

    def seen(self, order: Order, rid: str, fields: dict[str, Any]) -> None:
        """One more report: keep the fields of the earliest, and widen the span of dates."""
        self.reports.append((order, rid))
        if self.order is None or order < self.order:
            self.order, self.fields = order, fields
        published = None if order[0] else order[1]
        if published is not None:
            self.first = published if self.first is None else min(self.first, published)
            self.last = published if self.last is None else max(self.last, published)

    def report_ids(self) -> list[str]:
        return [rid for _, rid in sorted(self.reports)]


class Identities:
    """The sources and speakers of a corpus, gathered report by report."""

    def __init__(self) -> None:
        self._sources: dict[str, _Sighting] = {}
        self._citing: Counter[str] = Counter()
        self._speakers: dict[str, _Sighting] = {}
        self._names: dict[str, Counter[str]] = {}
        self._forms: dict[str, Counter[str]] = {}
        self._kinds: dict[str, Counter[str]] = {}
        self._said: Counter[str] = Counter()
        self._reported: Counter[str] = Counter()

    def add(self, rid: str, order: Order, found: ReportIdentities) -> None:
        """One report's sources and speakers."""
        for key, fields, claims in found.sources:
            self._sources.setdefault(key, _Sighting()).seen(order, rid, fields)
            self._citing[key] += claims
        quoted: set[str] = set()
        for key, name, form, kind, speaking in found.speakers:
            if key not in quoted:
                quoted.add(key)
                self._speakers.setdefault(key, _Sighting()).seen(order, rid, {})
            self._names.setdefault(key, Counter())[name] += 1
            self._forms.setdefault(key, Counter())[form] += 1
            self._kinds.setdefault(key, Counter())[kind] += 1
            (self._said if speaking else self._reported)[key] += 1

    def sources(self) -> Rows:
        """One row per source key, the most cited (by reports, then claims) first, then by key."""
        rows: list[dict[str, Any]] = []
        for key, sighting in self._sources.items():
            ids = sighting.report_ids()
            rows.append(
                {
                    "key": key,
                    "source_id": key_id(key),
                    **sighting.fields,
                    "reports": len(ids),
                    "claims": self._citing[key],
                    "report_ids": ids,
                    "first_seen": sighting.first,
                    "last_seen": sighting.last,
                }
            )
        rows.sort(key=lambda row: (-row["reports"], -row["claims"], row["key"]))
        return Rows(SOURCE_COLUMNS, rows)

    def speakers(self) -> Rows:
        """One row per speaker key, the most quoted first (claims said, then relayed), then by key."""
        rows: list[dict[str, Any]] = []
        for key, sighting in self._speakers.items():
            ids = sighting.report_ids()
            rows.append(
                {
                    "key": key,
                    "name": _most_common(self._names[key]),
                    "forms": [form for form, _ in sorted(self._forms[key].items(), key=lambda kv: (-kv[1], kv[0]))],
                    "kind": _most_common(self._kinds[key]),
                    "claims": self._said[key],
                    "reported": self._reported[key],
                    "reports": len(ids),
                    "report_ids": ids,
                    "first_seen": sighting.first,
                    "last_seen": sighting.last,
                }
            )
        rows.sort(key=lambda row: (-row["claims"], -row["reported"], row["key"]))
        return Rows(SPEAKER_COLUMNS, rows)


def _most_common(counts: Counter[str]) -> str:
    """The most frequent value; among equals, the first in sorted order (so the result never depends on order)."""
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]

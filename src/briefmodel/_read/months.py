"""Month names and dates made from the pieces a pattern matched, read by python-dateutil."""

import datetime as dt
import functools

from dateutil import parser as dateparser

__all__ = ["MONTH_NAMES", "make_date", "month_number"]

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@functools.lru_cache(maxsize=256)
def month_number(month: str) -> int | None:
    """The month a name or abbreviation names (``"Dec."``, ``"Sept"``, ``"December"``), read by
    python-dateutil once per spelling, or ``None``."""
    try:
        return dateparser.parse(f"{month} 1 2000").month
    except (ValueError, OverflowError):
        return None


def make_date(year: int | str, month: str, day: int | str) -> dt.date | None:
    """A date from the pieces a pattern matched (``"Dec."``, ``"14"``, ``"2022"``), or ``None`` for no real day.

    The patterns find the pieces; python-dateutil reads the month (names and
    abbreviations with or without a period, ``Sept``; once per spelling), and the
    date itself refuses February 30.
    """
    number = month_number(month)
    if number is None:
        return None
    try:
        return dt.date(int(year), number, int(day))
    except (ValueError, OverflowError):
        return None

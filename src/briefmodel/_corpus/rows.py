"""The rows a ``Corpus`` query returns: a list of plain dicts that knows its columns and their types."""

from collections.abc import Iterable, Mapping
from typing import Any

from briefmodel._formats.tables import frame_of, table_of

__all__ = ["Rows"]


class Rows(list[dict[str, Any]]):
    """Rows of one table: a ``list`` of plain dicts, all with the same columns, in a stable order.

    Use it as a list (``len``, indexing, iteration: each row a ``dict``), or as a
    typed table: ``to_pandas()`` and ``to_arrow()`` give the columns the types
    the tables have (dates as ``datetime64[s]`` in pandas and ``date32`` in Arrow;
    the ``tables`` extra).
    """

    columns: dict[str, str]
    """Each column's name and type (``str``, ``int``, ``float``, ``bool``, ``date`` or ``list[...]``), in order."""

    def __init__(self, columns: Mapping[str, str], rows: Iterable[dict[str, Any]] = ()) -> None:
        super().__init__(rows)
        self.columns = dict(columns)

    def to_arrow(self) -> Any:
        """The rows as a pyarrow Table with the columns' types (needs the ``tables`` extra)."""
        return table_of(self.columns, self)

    def to_pandas(self) -> Any:
        """The rows as a pandas DataFrame with the columns' types (needs the ``tables`` extra)."""
        return frame_of(self.columns, self.to_arrow())

    def __repr__(self) -> str:
        return f"<Rows: {len(self)} rows of {', '.join(self.columns)}>"

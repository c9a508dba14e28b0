"""The shape of the JSON form that the converter writes and the schema describes: one statement for both.

The JSON form is the model's fields with three changes: a ``schema_version``;
cross-references as indexes into the report's lists (``INDEXED``); and values
read from the stored fields written for readers of the JSON but read again, not
loaded, when a report is read back (``READ_AGAIN``).
"""

__all__ = ["INDEXED", "READ_AGAIN", "SCHEMA_VERSION"]

SCHEMA_VERSION = 1
"""The version of the JSON form; a report's JSON carries it, and loading refuses any other."""

INDEXED = {"Citation": ("note", "notes"), "Takeaway": ("citations", "citations"), "Claim": ("citations", "citations")}
"""Class name → (its field written as indexes, the report's list they index). A claim's citations are written
as ``{"citation": index, "inferred": bool}``."""

READ_AGAIN = ("claims", "sources")
"""The report's derived attributes written as keys of its JSON (with each note's ``sources``, the takeaways'
``supports`` and the diagnostics reading claims adds): ignored when the JSON is loaded, and read again."""

"""The ids that join what the writers write: one per source (CSL-JSON, the sources table) and one per report.

Both are hashes of the content, so the same source or report has the same id in
every run, on every machine, in every output.
"""

import hashlib

from briefmodel._model.report import Report
from briefmodel._model.sources import Source

__all__ = ["report_id", "source_id"]


def source_id(source: Source) -> str:
    """``src-`` and 12 hex digits of the SHA-1 of ``Source.key``: the same source has the same id everywhere."""
    key = source.key
    return "src-" + hashlib.sha1(key.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()[:12]


def report_id(report: Report) -> str:
    """``r-`` and 16 hex digits of the SHA-1 of the report's text: stable across runs and machines."""
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(b"\xef\xbb\xbf" if report.bom else b"")
    digest.update(report.text.encode("utf-8", "surrogatepass"))
    return "r-" + digest.hexdigest()[:16]

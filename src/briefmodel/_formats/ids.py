"""The ids that join what the writers write: one per source (CSL-JSON, the tables), one per report, and the
hash of a report's text.

All are hashes, so the same source or report has the same id in every run, on
every machine, in every output:

- ``source_id``: the SHA-1 of ``Source.key``.
- ``text_hash``: the SHA-1 of the report's text (its BOM flag included): the same
  text has the same hash, whatever file holds it.
- ``report_id``: the SHA-1 of the file's path (normalized), the report's position
  in its file and its text when the report comes from a file; of its text alone
  when it does not. So the same file gives the same id while its text stays the
  same, a changed text gives a new id, and two files holding the same text give
  two reports with two ids (and one ``text_hash``).
"""

import hashlib
import os

from briefmodel._model.report import Report
from briefmodel._model.sources import Source

__all__ = ["id_path", "key_id", "report_id", "source_id", "text_hash"]


def source_id(source: Source) -> str:
    """``src-`` and 12 hex digits of the SHA-1 of ``Source.key``: the same source has the same id everywhere."""
    return key_id(source.key)


def key_id(key: str) -> str:
    """The ``source_id`` of the source whose ``Source.key`` is ``key``."""
    return "src-" + hashlib.sha1(key.encode("utf-8", "surrogatepass"), usedforsecurity=False).hexdigest()[:12]


def text_hash(report: Report) -> str:
    """The 40 hex digits of the SHA-1 of the report's text (a BOM counts): equal for equal texts, in any file."""
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(b"\xef\xbb\xbf" if report.bom else b"")
    digest.update(report.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def id_path(path: "str | os.PathLike[str]") -> str:
    """The form of a path its report's id hashes: normalized (``./a/../b.txt`` is ``b.txt``), with ``/``
    between folders on every system."""
    normal = os.path.normpath(os.fspath(path))
    return normal.replace(os.sep, "/") if os.sep != "/" else normal


def report_id(report: Report, path: "str | os.PathLike[str] | None" = None, position: int = 0) -> str:
    """``r-`` and 16 hex digits of a SHA-1: the report's id, stable across runs and machines.

    With ``path`` (the file the report was read from) and ``position`` (its
    0-based place among the reports of that file), the hash is of the path
    (normalized, see ``id_path``), the position and the text: the same file gives
    the same id as long as its text is the same, a changed text a new id, and
    two files holding the same text two ids. Without a path it is the hash of the
    text alone (``text_hash``), as for a report made in code or read from a
    string: equal texts then have equal ids.
    """
    if path is None:
        return "r-" + text_hash(report)[:16]
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(id_path(path).encode("utf-8", "surrogatepass"))
    digest.update(b"\x00%d\x00" % position)
    digest.update(text_hash(report).encode("ascii"))
    return "r-" + digest.hexdigest()[:16]

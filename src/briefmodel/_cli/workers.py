"""Worker processes for the command line: ``briefmodel._corpus.workers``, which ``Corpus`` shares."""

from briefmodel._corpus.workers import JOIN_SECONDS, read_all

__all__ = ["JOIN_SECONDS", "read_all"]

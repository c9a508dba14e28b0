"""The inputs of ``briefmodel export``: found by ``briefmodel._corpus.inputs``, which ``Corpus`` shares."""

from briefmodel._corpus.inputs import HTML_SUFFIXES, SUFFIXES, Inputs, find_inputs, looks_like_html

__all__ = ["HTML_SUFFIXES", "SUFFIXES", "Inputs", "find_inputs", "looks_like_html"]

"""briefmodel: analytical briefs as a typed model, and back to text.

>>> import briefmodel
>>> report = briefmodel.parse("Title\\n\\nDecember 14, 2024\\n\\nIt happened today, officials said.[1]\\n\\n[1] https://t.me/a/1\\n")
>>> report.citations[0].note.sources[0].platform
<Platform.TELEGRAM: 'telegram'>
"""

from importlib.metadata import PackageNotFoundError, version

from briefmodel import _requirements  # noqa: F401  # first: names a missing dependency before any import needs it
from briefmodel._corpus.corpus import Corpus
from briefmodel._corpus.diff import NewSpeaker, ReportDiff, diff
from briefmodel._errors import BriefmodelError, ParseError
from briefmodel._formats.converter import DataError, from_dict, from_json, make_converter, to_dict, to_json
from briefmodel._formats.csl import csl_items, to_csl_json
from briefmodel._formats.ids import report_id
from briefmodel._formats.markdown import to_markdown
from briefmodel._formats.tables import table_rows, to_arrow, to_pandas
from briefmodel._formats.text import render
from briefmodel._formats.view import to_html
from briefmodel._model import (
    Abbreviation,
    Agent,
    AgentKind,
    Attribution,
    Block,
    BlockKind,
    Citation,
    Claim,
    ClaimCitation,
    DateMention,
    DateRole,
    Diagnostic,
    Echelon,
    Hedge,
    HedgeKind,
    Note,
    Place,
    PlaceKind,
    Platform,
    Precision,
    Report,
    Severity,
    Side,
    Source,
    SourceKind,
    Span,
    Stance,
    Support,
    Takeaway,
    Unit,
)
from briefmodel._read.builder import build_report
from briefmodel._read.files import load
from briefmodel._read.html import html_to_text, parse_html
from briefmodel._read.markdown import parse_markdown
from briefmodel._read.pipeline import parse, parse_all

try:
    __version__ = version("briefmodel")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = [
    "Abbreviation",
    "Agent",
    "AgentKind",
    "Attribution",
    "Block",
    "BlockKind",
    "BriefmodelError",
    "Citation",
    "Claim",
    "ClaimCitation",
    "Corpus",
    "DataError",
    "DateMention",
    "DateRole",
    "Diagnostic",
    "Echelon",
    "Hedge",
    "HedgeKind",
    "NewSpeaker",
    "Note",
    "ParseError",
    "Place",
    "PlaceKind",
    "Platform",
    "Precision",
    "Report",
    "ReportDiff",
    "Severity",
    "Side",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "Support",
    "Takeaway",
    "Unit",
    "__version__",
    "build_report",
    "csl_items",
    "diff",
    "from_dict",
    "from_json",
    "html_to_text",
    "load",
    "make_converter",
    "parse",
    "parse_all",
    "parse_html",
    "parse_markdown",
    "render",
    "report_id",
    "table_rows",
    "to_arrow",
    "to_csl_json",
    "to_dict",
    "to_html",
    "to_json",
    "to_markdown",
    "to_pandas",
]

# The public path in reprs, docs and tracebacks: briefmodel.Report, not briefmodel._model.report.Report.
for _name in __all__:
    _value = globals()[_name]
    if getattr(_value, "__module__", "").startswith("briefmodel."):
        _value.__module__ = __name__
del _name, _value

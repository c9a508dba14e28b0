"""briefmodel: analytical briefs as a typed model, and back to text.

>>> import briefmodel
>>> report = briefmodel.parse("Title\\n\\nDecember 14, 2024\\n\\nIt happened today, officials said.[1]\\n\\n[1] https://t.me/a/1\\n")
>>> report.citations[0].note.sources[0].platform
<Platform.TELEGRAM: 'telegram'>
"""

from importlib.metadata import PackageNotFoundError, version

from briefmodel import _requirements  # noqa: F401  # first: names a missing dependency before any import needs it
from briefmodel._builder import build_report
from briefmodel._claim_types import (
    Agent,
    AgentKind,
    Attribution,
    Claim,
    ClaimCitation,
    DateMention,
    DateRole,
    Hedge,
    HedgeKind,
    Precision,
    Stance,
    Support,
    Takeaway,
)
from briefmodel._csl import csl_items, to_csl_json
from briefmodel._errors import BriefmodelError, ParseError
from briefmodel._html import html_to_text, parse_html
from briefmodel._io import load
from briefmodel._markdown import parse_markdown, to_markdown
from briefmodel._model import (
    Block,
    BlockKind,
    Citation,
    Diagnostic,
    Note,
    Platform,
    Severity,
    Source,
    SourceKind,
    Span,
)
from briefmodel._parser import parse, parse_all
from briefmodel._renderer import render
from briefmodel._report import Report
from briefmodel._serialize import DataError, from_dict, from_json, make_converter, to_dict, to_json
from briefmodel._tables import report_id, table_rows, to_arrow, to_pandas

try:
    __version__ = version("briefmodel")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

__all__ = [
    "Agent",
    "AgentKind",
    "Attribution",
    "Block",
    "BlockKind",
    "BriefmodelError",
    "Citation",
    "Claim",
    "ClaimCitation",
    "DataError",
    "DateMention",
    "DateRole",
    "Diagnostic",
    "Hedge",
    "HedgeKind",
    "Note",
    "ParseError",
    "Platform",
    "Precision",
    "Report",
    "Severity",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "Support",
    "Takeaway",
    "__version__",
    "build_report",
    "csl_items",
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
    "to_json",
    "to_markdown",
    "to_pandas",
]

"""The typed model: frozen attrs classes and enums, their validators, and nothing that reads text.

Modules, one job each: ``text`` (spans, blocks, the checks on text fields),
``sources``, ``notes`` (notes and citations), ``claims`` (claims, their parts,
takeaways), ``entities`` (places, units, abbreviations), ``diagnostics`` (the diagnostics and the registry of codes),
``report``, ``unchecked`` (the constructors that skip the checks, for readers),
and ``deferred`` (the reads behind the derived attributes).
"""

from briefmodel._model.claims import (
    Agent,
    AgentKind,
    Attribution,
    Claim,
    ClaimCitation,
    ClaimsReading,
    DateMention,
    DateRole,
    Hedge,
    HedgeKind,
    Precision,
    Stance,
    Support,
    Takeaway,
)
from briefmodel._model.diagnostics import CLAIM_CODES, Code, Diagnostic, Severity, diagnostic_order
from briefmodel._model.entities import (
    Abbreviation,
    Echelon,
    EntitiesReading,
    EntitySource,
    Mentions,
    Place,
    PlaceKind,
    Side,
    Unit,
)
from briefmodel._model.notes import Citation, Note, citations_by_block
from briefmodel._model.report import Report
from briefmodel._model.sources import Platform, Source, SourceKind
from briefmodel._model.text import CALLOUT_RE, MAX_LABEL_DIGITS, Block, BlockKind, Span

__all__ = [
    "CALLOUT_RE",
    "CLAIM_CODES",
    "MAX_LABEL_DIGITS",
    "Abbreviation",
    "Agent",
    "AgentKind",
    "Attribution",
    "Block",
    "BlockKind",
    "Citation",
    "Claim",
    "ClaimCitation",
    "ClaimsReading",
    "Code",
    "DateMention",
    "DateRole",
    "Diagnostic",
    "Echelon",
    "EntitiesReading",
    "EntitySource",
    "Hedge",
    "HedgeKind",
    "Mentions",
    "Note",
    "Place",
    "PlaceKind",
    "Platform",
    "Precision",
    "Report",
    "Severity",
    "Side",
    "Source",
    "SourceKind",
    "Span",
    "Stance",
    "Support",
    "Takeaway",
    "Unit",
    "citations_by_block",
    "diagnostic_order",
]

"""The places and military units a claim names, and the abbreviations a report defines.

Data only: frozen, slotted, keyword-only attrs classes and their enums. They are
derived values: ``Claim.places``, ``Claim.units``, ``Takeaway.places``,
``Takeaway.units`` and ``Report.abbreviations`` read them from the text on first
use; they are not part of a report's JSON form.
"""

import enum
from typing import NamedTuple

import attrs

from briefmodel._model.text import Block, Span

__all__ = [
    "Abbreviation",
    "Echelon",
    "EntitiesReading",
    "EntitySource",
    "Mentions",
    "Place",
    "PlaceKind",
    "Side",
    "Unit",
]


class PlaceKind(enum.Enum):
    """What sort of place a mention names."""

    SETTLEMENT = "settlement"
    """A city, town or village (``Soledar``, ``Kherson City``, ``Tehran``)."""
    REGION = "region"
    """A first-level unit (oblast, province, governorate, krai) or a historical or proxy region (``Donbas``,
    ``Crimea``, ``the Donetsk People’s Republic``)."""
    DISTRICT = "district"
    """A raion, hromada, named neighbourhood or microraion (``Lyman district``, ``Navab neighborhood``)."""
    COUNTRY = "country"
    """A sovereign state (``Ukraine``, ``the United States``, ``the PRC``)."""
    DIRECTION = "direction"
    """An axis, direction, tactical area or named front line (``Slovyansk direction``)."""
    WATER = "water"
    """A sea, river, strait, gulf or reservoir (``the Dnipro River``, ``the Strait of Hormuz``)."""
    FACILITY = "facility"
    """A named plant, base, port, airport, bridge, road, station or industrial zone."""
    OTHER = "other"
    """An island, a macro-region (``the Middle East``), a named border, ``Fortress Belt``."""


class Echelon(enum.Enum):
    """The level of a military formation, read from its head noun."""

    SQUAD = "squad"
    PLATOON = "platoon"
    COMPANY = "company"
    BATTALION = "battalion"
    REGIMENT = "regiment"
    BRIGADE = "brigade"
    DIVISION = "division"
    CORPS = "corps"
    """An army corps (``44th Army Corps``) or the ``Africa Corps``."""
    ARMY = "army"
    """A field army (``51st Combined Arms Army``, ``1st Guards Tank Army``, ``36th CAA``)."""
    DISTRICT = "district"
    """A military district (``Leningrad Military District``)."""
    FLEET = "fleet"
    """A fleet or flotilla (``Black Sea Fleet``)."""
    GROUP = "group"
    """A grouping of forces, a named ``… Group``, or a non-state armed group (``Wagner Group``, ``Hezbollah``)."""
    OTHER = "other"
    """A service, branch, command, national army, detachment, centre or militia (``CENTCOM``, ``IDF``)."""


class Side(enum.Enum):
    """Whose formation a unit is, as the text shows."""

    RUSSIAN = "russian"
    """Russia's forces and those fighting on its side in the war with Ukraine (Wagner, DNR and LNR units)."""
    UKRAINIAN = "ukrainian"
    """Ukraine's forces."""
    OTHER = "other"
    """A formation outside that war (CENTCOM, the IDF, the IRGC, the SDF, Hezbollah)."""
    UNKNOWN = "unknown"
    """Neither the sentence nor the report tells."""


@attrs.frozen(kw_only=True)
class Place:
    """A place a claim names: a settlement, region, country, direction, body of water, facility, ..."""

    text: str
    """The name as printed, with its classifier (``Kursk Oblast``, ``Slovyansk direction``), without a
    possessive; a leading ``the`` only for water bodies, countries, the proxy republics and macro-regions."""
    span: Span
    """The name as printed (``span.text == text``), inside its claim's span."""
    kind: PlaceKind
    """Settlement, region, district, country, direction, water, facility or other."""
    relation: str | None = None
    """The spatial relation that links the claim's event to the place, normalised (``in``, ``near``,
    ``toward``, ``southeast of``, ...); ``None`` for a subject, an object, a modifier, or a place that only
    locates another place."""
    anchor: "Place | None" = None
    """The place this one is given relative to (``Sudzha`` for ``Plekhovo (south of Sudzha)``): another
    mention of the same claim's ``places``."""
    anchor_relation: str | None = None
    """How this place lies relative to its anchor (``south of``, ``in``); ``None`` without an anchor."""
    region: str | None = None
    """The region the text puts it in, as printed (``Kharkiv Oblast``): the region named in the same sentence,
    the anchor's region, or the section heading's; ``None`` when none is given, and for regions and countries."""
    key: str = ""
    """The place's identity across reports: its kind and its case-folded name without the article, the
    possessive or a generic classifier (``settlement:kherson`` for ``Kherson City`` and ``Kherson``,
    ``region:kherson`` for ``Kherson Oblast``, ``country:united states`` for ``the U.S.``)."""


@attrs.frozen(kw_only=True)
class Unit:
    """A military formation a claim names: a numbered or named unit, a command, a service or an armed group."""

    text: str
    """The name as printed, without a leading ``the``, ``elements of`` or a nationality word that only tells
    the side (``1427th Motorized Rifle Regiment``, ``36th CAA``, ``Wagner Group``)."""
    span: Span
    """The name as printed (``span.text == text``), inside its claim's span."""
    number: int | None = None
    """The designation number: the leading ordinal (``1427th`` → 1427) or a detachment's number
    (``BARS-31 Detachment`` → 31)."""
    echelon: Echelon
    """The level its head noun names (regiment, division, army, district, group, ...)."""
    side: Side = Side.UNKNOWN
    """Russian, Ukrainian, other, or unknown, as the text shows."""
    abbreviation: str | None = None
    """The acronym printed in brackets straight after it (``AC`` in ``44th Army Corps [AC]``)."""
    parent: "Unit | None" = None
    """Its immediate superior as printed in the same claim (the next element of a chain of superiors in
    parentheses, ``X of the Y``, ``Y, including its X``): another mention of the claim's ``units``."""
    key: str = ""
    """The formation's identity across reports: its number and its full name case-folded, abbreviations
    spelled out, ``Guards`` and ``Separate`` left out (``1427 motorized rifle regiment`` for ``1427th MRR``
    when the report defines ``MRR``)."""


@attrs.frozen(kw_only=True)
class Abbreviation:
    """A short form the report defines by printing it in brackets after its full form."""

    short: str
    """The short form as printed in the brackets (``AC``, ``MoD``)."""
    full: str
    """The full form it stands for (``Army Corps`` in ``44th Army Corps [AC]``, ``Ministry of Defense``)."""
    span: Span
    """The short form where the report defines it (inside the brackets)."""


class Mentions(NamedTuple):
    """The places and units of one claim or takeaway."""

    places: tuple[Place, ...]
    units: tuple[Unit, ...]


class EntitiesReading(NamedTuple):
    """What reading a report's entities gives: read together, once, on first use of any of them."""

    claims: tuple[Mentions, ...]
    """The places and units of each of ``Report.claims``, in the same order."""
    takeaways: tuple[Mentions, ...]
    """The places and units of each of ``Report.takeaways``, in the same order."""
    abbreviations: tuple[Abbreviation, ...]
    """The short forms the report defines, in order of definition."""


class EntitySource(NamedTuple):
    """What a report's entities are read from: its text and layout, and the spans of its claims and takeaways.

    A claim keeps this of its report (never the report itself), so that its
    places read the same after the report object is gone.
    """

    text: str
    """The report's text."""
    line_starts: tuple[int, ...]
    """The offset of each line."""
    blocks: tuple[Block, ...]
    """Its lines, with the headings that name a section's region."""
    series: str | None
    """``Russian Offensive Campaign Assessment``, ``Iran Update``: whose side a unit is by default."""
    title: str | None
    """The headline."""
    claims: tuple[Span, ...]
    """The span of each claim."""
    takeaways: tuple[Span, ...]
    """The span of each takeaway."""

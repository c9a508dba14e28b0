"""The value types a claim is made of: who said it, how sure the author is, when it happened, and the
Key Takeaways that restate claims.

Data only: frozen, slotted, keyword-only attrs classes, no parsing logic.
"""

import datetime as dt
import enum
from typing import NamedTuple

import attrs

from briefmodel._model import deferred
from briefmodel._model.diagnostics import Diagnostic
from briefmodel._model.entities import Place, Unit
from briefmodel._model.notes import Citation
from briefmodel._model.sources import Source
from briefmodel._model.text import Span, no_callout, no_line_break

__all__ = [
    "Agent",
    "AgentKind",
    "Attribution",
    "Claim",
    "ClaimCitation",
    "ClaimsReading",
    "DateMention",
    "DateRole",
    "Hedge",
    "HedgeKind",
    "Precision",
    "Stance",
    "Support",
    "Takeaway",
]


class Stance(enum.Enum):
    """How the author stands to a claim."""

    ASSESSED = "assessed"
    """The author's own judgement: ``ISW assesses``, ``likely``, ``remains unclear``."""
    REPORTED = "reported"
    """Content relayed from a named or described source."""
    UNVERIFIED = "unverified"
    """Relayed content that a ``cannot independently verify`` sentence covers."""
    CONFIRMED = "confirmed"
    """Geolocated footage, or an explicit confirmation."""
    BACKGROUND = "background"
    """Plain narration, neither attributed nor judged."""


class AgentKind(enum.Enum):
    """What sort of speaker an agent is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    """A government body: a ministry, a general staff, an intelligence directorate."""
    MEDIA = "media"
    """A media outlet, a newswire, a channel."""
    GROUP = "group"
    """Several people or sources: ``Russian milbloggers``, ``Syrian military and security sources``."""
    ANONYMOUS = "anonymous"
    """An unnamed single source: ``a Russian source``, ``a “Syrian security official”``."""
    EVIDENCE = "evidence"
    """Footage, imagery or documents that show something."""
    PRONOUN = "pronoun"
    """A pronoun kept as printed (``He added that …``): who it is, the sentences before say."""


class HedgeKind(enum.Enum):
    """What a hedge does."""

    LIKELIHOOD = "likelihood"
    """An estimate of probability (``likely``; ICD 203 words carry a range)."""
    EVIDENTIAL = "evidential"
    """It marks hearsay: ``reportedly``, ``purportedly``, ``allegedly``."""
    UNCERTAINTY = "uncertainty"
    """It says something is not known: ``remains unclear``, ``cannot independently verify``."""


class Precision(enum.Enum):
    """How precisely a date mention names its time."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    VAGUE = "vague"
    """``recently``, ``in the future``: no dates."""


class DateRole(enum.Enum):
    """What a date mention dates."""

    STATEMENT = "statement"
    """When something was said, posted or published (``stated on December 14``)."""
    EVENT = "event"
    """When something happened (``seized Plekhovo on December 6``)."""
    OTHER = "other"


@attrs.frozen(kw_only=True)
class Agent:
    """A speaker or reporter as the sentence names it."""

    name: str
    """The name without its title (``Volodymyr Zelensky``), or the whole phrase for a group or outlet."""
    kind: AgentKind
    """Person, organization, government body, media, group, anonymous source, or evidence."""
    role: str | None = None
    """The title printed before a name (``Ukrainian President``, ``Kremlin Spokesperson``)."""
    span: Span
    """The phrase as printed (``Ukrainian President Volodymyr Zelensky``)."""
    key: str = ""
    """A stable, case-folded identity of the actor, the same across reports (``volodymyr zelensky`` for
    ``Zelensky``, ``russian mod`` for ``The Russian Ministry of Defense (MoD)``); see the claims page. Empty for
    an agent made by hand."""


@attrs.frozen(kw_only=True)
class Attribution:
    """Who a claim is attributed to, and by which cue."""

    speaker: Agent | None = None
    """Who says it; ``None`` when the author says it."""
    cue: str | None = None
    """The reporting verb or phrase as printed, lower case (``stated``, ``according to``)."""
    reporter: Agent | None = None
    """Who relays the speaker (``Reuters`` in ``Reuters reported that an official stated ...``)."""
    chain: tuple[Agent, ...] = ()
    """Every agent of a nested report, outermost first (the reporter, ..., the speaker)."""


@attrs.frozen(kw_only=True)
class Hedge:
    """A word or phrase that qualifies how sure a claim is."""

    text: str
    """As printed, lower case."""
    span: Span
    """The hedge as printed."""
    kind: HedgeKind
    """Likelihood, evidential (hearsay) or uncertainty."""
    low: float | None = None
    """For ICD 203 likelihood words, the lower end of the range (``likely``: 0.55)."""
    high: float | None = None
    """For ICD 203 likelihood words, the upper end of the range (``likely``: 0.80)."""


@attrs.frozen(kw_only=True)
class DateMention:
    """A date expression in a claim, resolved against the report's date."""

    text: str
    """As printed, without a leading preposition (``December 12 and 13``)."""
    span: Span
    """The date expression as printed."""
    start: dt.date | None = None
    """First day meant; ``None`` for a vague mention or without a report date to resolve against."""
    end: dt.date | None = None
    """Last day meant (inclusive)."""
    precision: Precision
    """Day, month, year, or vague (``recently``: no dates)."""
    role: DateRole
    """Whether it dates a statement (``stated on December 14``) or an event."""


@attrs.frozen(kw_only=True)
class ClaimCitation:
    """A citation as it bears on one claim."""

    citation: Citation
    """The report's citation (one of ``Report.citations``)."""
    inferred: bool = False
    """The claim has no callout of its own and is covered by the next callout of its paragraph."""

    @property
    def label(self) -> str:
        """The callout's label."""
        return self.citation.label

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources behind the callout."""
        return self.citation.sources


@attrs.frozen(kw_only=True)
class Support:
    """A body claim that a takeaway restates."""

    claim: int
    """Index into ``Report.claims``."""
    score: float
    """Similarity of the two texts, 0 to 1."""


@attrs.frozen(kw_only=True)
class Takeaway:
    """One item under a ``Key Takeaways`` heading (a bullet, or a sentence line in scraped text)."""

    text: str = attrs.field(validator=[no_line_break, no_callout])
    """The item as printed, bullet and callouts removed."""
    span: Span
    """The item as printed, callouts included, bullet excluded."""
    citations: tuple[Citation, ...] = ()
    """The item's own callouts."""
    supports: tuple[Support, ...] = ()
    """The body claims it restates, best first; none gives ``TAKEAWAY_UNSUPPORTED``."""

    @property
    def places(self) -> tuple[Place, ...]:
        """The places it names, in text order (derived on first use, not stored; see ``Claim.places``)."""
        return deferred.item_entities(self).places

    @property
    def units(self) -> tuple[Unit, ...]:
        """The military units it names, in text order (derived on first use, not stored)."""
        return deferred.item_entities(self).units


@attrs.frozen(kw_only=True)
class Claim:
    """One asserted sentence of the body: what it says, who says it, how sure, when, and on what sources."""

    text: str = attrs.field(validator=no_callout)
    """The sentence with its callouts removed (line breaks inside it read as spaces)."""
    span: Span
    """The sentence as printed, callouts included."""
    citations: tuple[ClaimCitation, ...] = ()
    """Its own callouts, then those that cover it (``inferred``)."""
    attribution: Attribution = Attribution()
    """Who says it (speaker, cue, reporter); empty when the author says it."""
    stance: Stance = Stance.BACKGROUND
    """How the author stands to it: assessed, reported, unverified, confirmed, or background."""
    hedges: tuple[Hedge, ...] = ()
    """Its hedges and likelihood words, in order."""
    dates: tuple[DateMention, ...] = ()
    """Its date expressions, in order, resolved against the report's date."""

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources behind its citations, each once, in order."""
        seen: dict[str, Source] = {}
        for cited in self.citations:
            for source in cited.sources:
                seen.setdefault(source.key, source)
        return tuple(seen.values())

    @property
    def places(self) -> tuple[Place, ...]:
        """The places it names, in text order, each with its relation and anchor (derived on first use with the
        rest of its report, not stored; a claim made in code is read alone)."""
        return deferred.item_entities(self).places

    @property
    def units(self) -> tuple[Unit, ...]:
        """The military units it names, in text order, each with its parent (derived on first use with the
        rest of its report, not stored; a claim made in code is read alone)."""
        return deferred.item_entities(self).units


class ClaimsReading(NamedTuple):
    """What reading a report's claims gives: read together, once, on first use of any of them."""

    claims: tuple[Claim, ...]
    """The body's claims, in document order."""
    takeaways: tuple[Takeaway, ...]
    """The Key Takeaways items with their ``supports``."""
    diagnostics: tuple[Diagnostic, ...]
    """The parser's diagnostics and those reading claims added, by position."""

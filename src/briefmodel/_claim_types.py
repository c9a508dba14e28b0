"""The value types a claim is made of: who said it, how sure the author is, when it happened.

Data only, like ``_model``: frozen, slotted, keyword-only attrs classes, no
parsing logic.
"""

import datetime as dt
import enum
from collections.abc import Callable

import attrs

from briefmodel._model import Citation, Source, Span, no_callout, no_line_break, positional_constructor

__all__ = [
    "Agent",
    "AgentKind",
    "Attribution",
    "Claim",
    "ClaimCitation",
    "DateMention",
    "DateRole",
    "Hedge",
    "HedgeKind",
    "Precision",
    "Stance",
    "Support",
    "Takeaway",
    "new_claim",
    "new_claim_citation",
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
    role: str | None = None
    """The title printed before a name (``Ukrainian President``, ``Kremlin Spokesperson``)."""
    span: Span
    """The phrase as printed (``Ukrainian President Volodymyr Zelensky``)."""


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
    kind: HedgeKind
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
    start: dt.date | None = None
    """First day meant; ``None`` for a vague mention or without a report date to resolve against."""
    end: dt.date | None = None
    """Last day meant (inclusive)."""
    precision: Precision
    role: DateRole


@attrs.frozen(kw_only=True)
class ClaimCitation:
    """A citation as it bears on one claim."""

    citation: Citation
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
    stance: Stance = Stance.BACKGROUND
    hedges: tuple[Hedge, ...] = ()
    dates: tuple[DateMention, ...] = ()

    @property
    def sources(self) -> tuple[Source, ...]:
        """The sources behind its citations, each once, in order."""
        seen: dict[str, Source] = {}
        for cited in self.citations:
            for source in cited.sources:
                seen.setdefault(source.key, source)
        return tuple(seen.values())


new_claim: Callable[
    [str, Span, tuple[ClaimCitation, ...], Attribution, Stance, tuple[Hedge, ...], tuple[DateMention, ...]], Claim
] = positional_constructor(Claim, ("text", "span", "citations", "attribution", "stance", "hedges", "dates"))
"""For the claims reader: its text comes from ``strip_callouts``, which never leaves a callout."""
new_claim_citation: Callable[[Citation, bool], ClaimCitation] = positional_constructor(
    ClaimCitation, ("citation", "inferred")
)

"""What is new in one report of a series against the one before: ``diff(old, new)``.

Briefs of a series repeat most of yesterday's text; a reader wants the rest.
Two texts are the same claim or takeaway when one restates the other by the
similarity of takeaway support (``_claims.support.restatements``: the Dice
coefficient of their words of three letters or more, at least ``THRESHOLD``),
so a claim with an edited date or one changed word is a near-repeat, not news.
Sources are the same when their ``Source.key`` is; speakers when their
``Agent.key`` is. The result lists, in the new report's order:

- the takeaways added (no near-repeat among the old takeaways) and dropped (no
  near-repeat among the new ones);
- the claims whose text is new (no near-repeat among the old claims);
- the sources cited for the first time (their key is not among the old report's);
- the speakers new to the pair (their key speaks in no old claim), each with the
  names it was printed as.
"""

from typing import Any

import attrs

from briefmodel._model.claims import Claim, Takeaway
from briefmodel._model.report import Report
from briefmodel._model.sources import Source

__all__ = ["NewSpeaker", "ReportDiff", "diff"]


@attrs.frozen(kw_only=True)
class NewSpeaker:
    """A speaker key that speaks in the new report and in no claim of the old one."""

    key: str
    """``Agent.key``: one identity per actor across reports."""
    names: tuple[str, ...]
    """The names it was printed as in the new report, in order of first use."""
    claims: tuple[int, ...]
    """The indexes in ``new.claims`` of the claims it speaks in."""


@attrs.frozen(kw_only=True)
class ReportDiff:
    """What ``diff(old, new)`` found: what the new report adds to the old one, and the takeaways it drops."""

    old: Report
    """The earlier report."""
    new: Report
    """The later report."""
    takeaways_added: tuple[Takeaway, ...]
    """Takeaways of the new report that restate none of the old report's."""
    takeaways_dropped: tuple[Takeaway, ...]
    """Takeaways of the old report that none of the new report's restate."""
    claims_new: tuple[Claim, ...]
    """Claims of the new report that restate none of the old report's claims."""
    sources_new: tuple[Source, ...]
    """Sources the new report cites whose ``key`` the old report does not cite."""
    speakers_new: tuple[NewSpeaker, ...]
    """Speakers of the new report's claims whose key speaks in none of the old report's claims."""

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON (``briefmodel diff --json``): texts, keys and indexes into each report's lists."""
        new_claims = {id(claim): index for index, claim in enumerate(self.new.claims)}
        new_takeaways = {id(takeaway): index for index, takeaway in enumerate(self.new.takeaways)}
        old_takeaways = {id(takeaway): index for index, takeaway in enumerate(self.old.takeaways)}
        return {
            "old": _header(self.old),
            "new": _header(self.new),
            "takeaways_added": [{"takeaway": new_takeaways[id(t)], "text": t.text} for t in self.takeaways_added],
            "takeaways_dropped": [{"takeaway": old_takeaways[id(t)], "text": t.text} for t in self.takeaways_dropped],
            "claims_new": [
                {
                    "claim": new_claims[id(claim)],
                    "text": claim.text,
                    "stance": claim.stance.value,
                    "speaker_key": claim.attribution.speaker.key if claim.attribution.speaker else None,
                    "line": claim.span.line,
                }
                for claim in self.claims_new
            ],
            "sources_new": [
                {
                    "key": source.key,
                    "url": source.url,
                    "raw": source.raw,
                    "platform": source.platform.value if source.platform else None,
                    "outlet": source.outlet,
                }
                for source in self.sources_new
            ],
            "speakers_new": [attrs.asdict(speaker, recurse=False) for speaker in self.speakers_new],
        }


def _header(report: Report) -> dict[str, Any]:
    published = report.published
    return {"title": report.title, "published": published.isoformat() if published else None}


def diff(old: Report, new: Report) -> ReportDiff:
    """What the ``new`` report of a series adds to the ``old`` one (see the module's rules)."""
    from briefmodel._claims.support import restatements  # import briefmodel loads no claims reader until used

    old_takeaways = [takeaway.text for takeaway in old.takeaways]
    new_takeaways = [takeaway.text for takeaway in new.takeaways]
    kept = restatements(new_takeaways, old_takeaways)
    added = [takeaway for takeaway, found in zip(new.takeaways, kept, strict=True) if not found]
    still = restatements(old_takeaways, new_takeaways)
    dropped = [takeaway for takeaway, found in zip(old.takeaways, still, strict=True) if not found]
    old_claims = [claim.text for claim in old.claims]
    fresh = restatements([claim.text for claim in new.claims], old_claims)
    claims_new = [claim for claim, found in zip(new.claims, fresh, strict=True) if not found]
    cited_before = {source.key for source in old.sources}
    sources_new = [source for source in new.sources if source.key not in cited_before]
    return ReportDiff(
        old=old,
        new=new,
        takeaways_added=tuple(added),
        takeaways_dropped=tuple(dropped),
        claims_new=tuple(claims_new),
        sources_new=tuple(sources_new),
        speakers_new=_new_speakers(old, new),
    )


def _new_speakers(old: Report, new: Report) -> tuple[NewSpeaker, ...]:
    spoke_before = {claim.attribution.speaker.key for claim in old.claims if claim.attribution.speaker}
    names: dict[str, list[str]] = {}
    claims: dict[str, list[int]] = {}
    for index, claim in enumerate(new.claims):
        speaker = claim.attribution.speaker
        if speaker is None or speaker.key in spoke_before:
            continue
        printed = names.setdefault(speaker.key, [])
        if speaker.name not in printed:
            printed.append(speaker.name)
        claims.setdefault(speaker.key, []).append(index)
    return tuple(NewSpeaker(key=key, names=tuple(names[key]), claims=tuple(claims[key])) for key in names)

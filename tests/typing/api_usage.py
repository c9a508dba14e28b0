"""Real uses of the public API, checked by ``mypy --strict`` (never run by pytest).

If a change to the API breaks a user's typed code, mypy fails on this file.
"""

import datetime as dt

import briefmodel as bm


def summarize(path: str) -> list[str]:
    lines: list[str] = []
    for report in bm.load(path):
        title: str | None = report.title
        published: dt.date | None = report.published
        lines.append(f"{title or '?'} {published.isoformat() if published else '-'}")
        for citation in report.citations:
            note: bm.Note | None = citation.note
            if note is not None:
                urls: list[str | None] = [source.url for source in note.sources]
                platforms: set[bm.Platform | None] = {source.platform for source in note.sources}
                lines.append(f"{citation.label} -> {urls} {platforms}")
        for takeaway in report.takeaways:
            labels: list[str] = [c.label for c in takeaway.citations]
            lines.append(f"{takeaway.text} {labels}")
        for claim in report.claims:
            span: bm.Span = claim.span
            lines.append(f"{span.line}:{span.column} {claim.text}")
        warnings = [d for d in report.diagnostics if d.severity is bm.Severity.WARNING]
        lines.extend(d.code for d in warnings)
    return lines


def round_trips(text: str) -> bool:
    reports: tuple[bm.Report, ...] = bm.parse_all(text)
    same_text: bool = "".join(bm.render(r) for r in reports) == text
    report: bm.Report = bm.from_json(bm.to_json(reports[0]))
    note: bm.Note = bm.from_json(bm.to_json(reports[0].notes[0]), bm.Note)
    return same_text and report == reports[0] and note == reports[0].notes[0]


def strict(text: str) -> str:
    try:
        bm.parse(text, strict=True)
    except bm.ParseError as error:
        return f"{error.code} at {error.line}:{error.column}"
    return "clean"


def built() -> bm.Report:
    return bm.build_report(
        title="Kursk Offensive in Ukraine",
        publisher="Institute for the Study of War",
        authors=("Mason Clark", "George Barros"),
        published=dt.date(2024, 12, 14),
        paragraphs=["Russian forces advanced near Pokrovsk on December 14.[1]"],
        takeaways=["Russian forces advanced near Pokrovsk."],
        notes=["https://t.me/rybar/1"],
    )

"""Hypothesis strategies for briefs: the one place tests get generated input from.

``brief_texts`` makes text that looks like briefs (and like damaged ones):
header lines, paragraphs with callouts in every shape, unit abbreviations,
bullets, Key Takeaways, endnote blocks with continuation lines, headings, mixed
line ends, NBSP, BOM, zero-width and bidi characters. ``report_parts`` makes
the meaning of a report that the canonical text format can carry, for
``build_report``.
"""

import datetime as dt

from hypothesis import strategies as st

WORDS = (
    "Russian forces advanced near Pokrovsk and Kupyansk on the night while Ukrainian officials stated that "
    "milbloggers claimed units of the brigade conducted assaults in Kursk Oblast likely to continue"
).split()
CAPITALS = ["Russian", "Ukrainian", "Geolocated", "The", "Kremlin", "ISW", "Iranian", "Reuters", "A", "Zelensky"]
INVISIBLE = [
    "\u00a0",
    "\u202f",
    "\u200b",
    "\u200d",
    "\u2060",
    "\u202e",
    "\u2066",
    "\ufeff",
    "\u0301",
    "\x00",
    "\x85",
    "\u2028",
    "\u2029",
    "\v",
    "\f",
    "\x1c",
]
LINE_ENDS = ["\n", "\r\n", "\r"]
URLS = [
    "https://t.me/rybar/12345",
    "https://t dot me/wargonzo/9775",
    "https://www dot interfax dot ru/russia/876926",
    "https://twitter.com/DefenceHQ/status/1538401448404434944",
    "https://understandingwar.org/backgrounder/russian-offensive-campaign-ass...",
    "ttps://www.facebook.com/GeneralStaff.ua/posts/261189039527515.",
    "facebook.com/GeneralStaff.ua/posts/1",
    "Kinzhal | Missile Threat (csis.org)",
    "UA General Staff SITREP of 1200 MAR 8 stated that",
]
CALLOUT_SHAPES = [
    "{s}.[{n}]",
    "{s}.”[{n}]",
    "{s}).[{n}]",
    "{s}. [{n}]",
    "{s}[{n}].",
    "{s}.[{n}][{m}]",
    "{s}.[{n}] [{m}]",
    "{s}.[{n}]\u00a0",
]

words = st.sampled_from(WORDS)


@st.composite
def sentences(draw: st.DrawFn, callout: bool = False) -> str:
    body = " ".join([draw(st.sampled_from(CAPITALS)), *draw(st.lists(words, min_size=5, max_size=14))])
    if draw(st.booleans()):
        body += " " + draw(st.sampled_from(["44th Army Corps [AC]", "“[Russian] forces”", "[and]", "[CAA]", "[i]"]))
    if not callout:
        return body + "."
    n = draw(st.integers(1, 40))
    return draw(st.sampled_from(CALLOUT_SHAPES)).format(s=body, n=n, m=n + 1)


@st.composite
def paragraphs(draw: st.DrawFn) -> str:
    return " ".join(draw(st.lists(sentences(callout=draw(st.booleans())), min_size=1, max_size=4)))


@st.composite
def note_lines(draw: st.DrawFn) -> str:
    label = draw(st.one_of(st.integers(1, 60).map(str), st.sampled_from(["i", "iv", "x", "cx"])))
    urls = draw(st.lists(st.sampled_from(URLS), max_size=3))
    sep = draw(st.sampled_from(["; ", " ; ", ";", ", ", " "]))
    tail = draw(st.sampled_from(["", ";", " ;", "."]))
    return f"[{label}] {sep.join(urls)}{tail}".rstrip() if urls or draw(st.booleans()) else f"[{label}]"


LINE_SHAPES = [
    st.just(""),
    st.sampled_from(
        [
            "Russian Offensive Campaign Assessment, December 14",
            "Iran Update, March 3, 2026",
            "Institute for the Study of War: A headline",
        ]
    ),
    st.sampled_from(
        ["Dec 14, 2022 - Press ISW", "December 14, 2024", "December 14, 7:30 pm ET", "Mason Clark and George Barros"]
    ),
    st.sampled_from(
        ["Key Takeaways", "Key Takeaways:", "Toplines", "Endnotes", "Note:", "Share the Post:", "Previous"]
    ),
    st.sampled_from(
        ["Russian Main Effort—Eastern Ukraine", "Supporting Effort #1—Kharkiv:", "Immediate items to watch"]
    ),
    st.sampled_from(
        [
            "Note: ISW does not receive any classified material from any source.",
            "Click here to see ISW’s interactive map.",
        ]
    ),
    paragraphs(),
    paragraphs().map(lambda p: "  • " + p),
    note_lines(),
    st.sampled_from(URLS).map(lambda u: " " + u),
    st.text(max_size=30),
    st.text(alphabet="[]0123456789 .", max_size=20),
]


HEADERS = [
    [
        "Russian Offensive Campaign Assessment, December 14",
        "",
        "Dec 14, 2022 - Press ISW",
        "",
        "Mason Clark and George Barros",
        "",
        "December 14, 7:30 pm ET",
    ],
    ["Previous", "Next", "Iran Update, March 3, 2026"],
    [
        "December 14, 2024",
        "",
        "Institute for the Study of War: N. Korean soldiers in Kursk",
        "",
        "Institute for the Study of War",
    ],
    [],
]


@st.composite
def coherent_briefs(draw: st.DrawFn) -> list[str]:
    """The lines of one well-formed brief: header, takeaways, cited paragraphs, matching endnotes."""
    lines = list(draw(st.sampled_from(HEADERS)))
    count = draw(st.integers(0, 12))
    if draw(st.booleans()):
        lines += ["", "Key Takeaways", ""] + ["  • " + draw(sentences()) for _ in range(draw(st.integers(1, 4)))]
    number = 1
    while number <= count:
        sentence = draw(sentences())
        shape = draw(st.sampled_from(CALLOUT_SHAPES))
        lines += ["", shape.format(s=sentence.rstrip("."), n=number, m=number + 1)]
        number += 2 if "{m}" in shape else 1
    if draw(st.booleans()):
        lines += ["", draw(st.sampled_from(["Russian Main Effort—Eastern Ukraine", "Immediate items to watch"]))]
    lines += ["", draw(st.sampled_from(["Endnotes", "Note:", ""]))]
    gap = draw(st.sampled_from(["", None]))
    for label in range(1, number):
        url = draw(st.sampled_from(URLS))
        lines.append(f"[{label}] {url}")
        if draw(st.integers(0, 5)) == 0:
            lines.append(" " + draw(st.sampled_from(URLS)))
        if gap is not None:
            lines.append(gap)
    return lines


@st.composite
def brief_texts(draw: st.DrawFn) -> str:
    """Text shaped like one or more briefs, damaged in the ways scraped text is."""
    soup = st.lists(st.one_of(*LINE_SHAPES), max_size=25)
    lines = draw(
        st.one_of(
            soup,
            coherent_briefs(),
            st.lists(coherent_briefs(), min_size=2, max_size=3).map(
                lambda docs: [line for doc in docs for line in doc]
            ),
        )
    )
    pieces = []
    for line in lines:
        if draw(st.integers(0, 9)) == 0:
            at = draw(st.integers(0, len(line)))
            line = line[:at] + draw(st.sampled_from(INVISIBLE)) + line[at:]
        pieces.append(line + draw(st.sampled_from(LINE_ENDS)))
    text = "".join(pieces)
    if text and draw(st.booleans()):
        text = text.rstrip("\r\n")
    if draw(st.integers(0, 4)) == 0:
        text = "\ufeff" + text
    return text


any_texts = st.one_of(brief_texts(), st.text(), st.text(alphabet="[]1\r\n \u00a0•.”").map(str))

TITLE_WORDS = ["Assessment", "of", "the", "War", "in", "Kursk", "Update", "on", "Syria", "Offensive", "Strikes"]
NAMES = ["Mason Clark", "George Barros", "Kateryna Stepanenko", "Frederick W. Kagan", "Karolina Hird", "Grace Mappes"]
PUBLISHER_NAMES = ["Institute for the Study of War", "Critical Threats Project", "Wilson Center", "Atlantic Council"]
NOTE_TEXTS = [
    "https://t.me/rybar/1",
    "https://www.reuters.com/world/europe/x-2024-12-14/",
    "https://x.com/a/status/9",
    "Kinzhal | Missile Threat (csis.org)",
]


@st.composite
def report_parts(draw: st.DrawFn) -> dict[str, object]:
    """Keyword arguments for ``build_report`` that the text format can carry."""
    notes = draw(st.lists(st.sampled_from(NOTE_TEXTS), max_size=6))
    paras = []
    for _ in range(draw(st.integers(0, 5))):
        sentence = draw(sentences())
        if notes and draw(st.booleans()):
            sentence += f"[{draw(st.integers(1, len(notes)))}]"
        paras.append(sentence)
    title_words = draw(st.lists(st.sampled_from(TITLE_WORDS), min_size=1, max_size=6))
    return {
        "title": draw(st.none() | st.just("Kursk " + " ".join(title_words) + " in Ukraine")),
        "publisher": draw(st.none() | st.sampled_from(PUBLISHER_NAMES)),
        "authors": tuple(draw(st.lists(st.sampled_from(NAMES), max_size=3, unique=True))),
        "published": draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31))),
        "paragraphs": paras,
        "takeaways": draw(st.lists(sentences(), max_size=4)),
        "notes": notes,
    }

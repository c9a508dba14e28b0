"""Deterministic generator of realistic ISW-like reports for the benchmark (and for tests).

The reports imitate the plain-text view of an ISW "Russian Offensive Campaign
Assessment" from the old Drupal site (2022-23), with the shapes that
``../shared/SHAPES.md`` counts over real briefs:

* a header: title, ``Dec 14, 2022 - Press ISW``, authors, the time line and
  the interactive-map line;
* topline paragraphs whose first sentence is the bold lead, a ``Key Takeaways``
  heading with ``  • `` bullets (carrying callouts in an early-2022 style
  report), the war-crimes boilerplate and the list of efforts;
* section headings and body paragraphs of several sentences, with unit
  abbreviations (``[AC]``, ``[CAA]``, ``[MMD]``, ...) and editorial insertions
  in quotes (``[its]``) that are not callouts;
* ``[N]`` callouts after the period (the usual case), after a closing quote or
  parenthesis, with a space before, before the period, as ``[8][9]`` and
  ``[20] [21]``, glued to the next sentence (``.[11]Russian``) and followed by
  an NBSP, and as the last token of a paragraph;
* the ``Note: ISW does not receive any classified material…`` paragraph and
  then the endnotes ``[N] https://…; https://…`` separated by blank lines, with
  `` dot `` hiding, ``...``-shortened URLs, ``ttps://`` typos, scheme-less
  URLs, trailing periods and separators, pasted titles, prose and empty notes.

Every report is fully determined by the :class:`random.Random` it is given (the
module never touches the global generator). Callouts are numbered ``1..notes``
in document order, each used exactly once, and every number has one note, so a
correct parser finds ``notes`` citations, all resolved, and ``notes`` notes.

Public helpers: :func:`generate_report`, :func:`build_report` (the text with
the counts it was built with), :func:`generate_corpus`,
:func:`generate_documents` and :func:`to_markdown` (``[^n]`` footnotes for
Markdown parsers).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import string
from collections.abc import Callable
from dataclasses import dataclass

__all__ = [
    "GeneratedReport",
    "build_report",
    "generate_corpus",
    "generate_documents",
    "generate_report",
    "to_markdown",
]

NBSP = "\u00a0"

# --------------------------------------------------------------------------- vocabulary

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

_AUTHORS = [
    "Kateryna Stepanenko",
    "Karolina Hird",
    "George Barros",
    "Riley Bailey",
    "Madison Williams",
    "Grace Mappes",
    "Nicole Wolkov",
    "Angelica Evans",
    "Layne Philipson",
    "Mason Clark",
    "Christina Harward",
    "Frederick W. Kagan",
]

_TOWNS = [
    "Bakhmut",
    "Kreminna",
    "Svatove",
    "Avdiivka",
    "Vuhledar",
    "Marinka",
    "Soledar",
    "Kupyansk",
    "Lyman",
    "Siversk",
    "Bilohorivka",
    "Novoselivske",
    "Pavlivka",
    "Hulyaipole",
    "Orikhiv",
    "Vasylivka",
    "Enerhodar",
    "Nova Kakhovka",
    "Tokmak",
    "Melitopol",
    "Kurakhove",
    "Velyka Novosilka",
    "Toretsk",
    "Chasiv Yar",
    "Kostyantynivka",
    "Vovchansk",
    "Ploshchanka",
    "Hryanykivka",
    "Kurdyumivka",
    "Opytne",
    "Pervomaiske",
    "Nevelske",
    "Novomykhailivka",
    "Dibrova",
    "Chervonopopivka",
    "Torske",
]

_OBLASTS = [
    "Kharkiv",
    "Luhansk",
    "Donetsk",
    "Zaporizhia",
    "Kherson",
    "Dnipropetrovsk",
    "Mykolaiv",
    "Sumy",
    "Chernihiv",
    "Belgorod",
    "Kursk",
]

_DIRECTIONS = ["north", "northeast", "east", "southeast", "south", "southwest", "west", "northwest"]

_UA_SOURCES = [
    "The Ukrainian General Staff",
    "Ukrainian Eastern Group of Forces Spokesperson Serhiy Cherevaty",
    "Ukrainian Southern Operational Command Spokesperson Natalia Humenyuk",
    "Luhansk Oblast Head Serhiy Haidai",
    "Donetsk Oblast Military Administration Head Pavlo Kyrylenko",
    "The Ukrainian Resistance Center",
    "Ukrainian military officials",
    "Ukrainian Main Military Intelligence Directorate (GUR) Representative Andriy Yusov",
    "Ukrainian Air Force Spokesperson Yuriy Ihnat",
    "Ukrainian Mykolaiv Oblast Head Vitaly Kim",
]

_RU_SOURCES = [
    "The Russian Ministry of Defense (MoD)",
    "The Russian MoD",
    "A Russian milblogger",
    "A prominent Russian milblogger",
    "Russian milbloggers",
    "Russian sources",
    "A Kremlin-affiliated milblogger",
    "Russian state media outlet RIA Novosti",
    "DNR Head Denis Pushilin",
    "Zaporizhia Oblast occupation deputy Vladimir Rogov",
    "A Russian war correspondent",
    "Wagner Group financier Yevgeny Prigozhin",
]

_RU_PEOPLE = [
    "Kremlin Spokesperson Dmitry Peskov",
    "Russian Security Council Deputy Chairman Dmitry Medvedev",
    "Russian Foreign Minister Sergei Lavrov",
    "Wagner Group financier Yevgeny Prigozhin",
    "Chechen Republic Head Ramzan Kadyrov",
    "Russian President Vladimir Putin",
    "A Russian milblogger",
]

_SAY = ["claimed", "reported", "stated", "noted", "indicated", "announced", "asserted"]

_WEAPONS = [
    "Shahed-136 drones",
    "Shahed-131 and Shahed-136 drones",
    "Kh-101 cruise missiles",
    "Kh-22 missiles",
    "S-300 missiles",
    "Iskander-M ballistic missiles",
    "Lancet loitering munitions",
    "glide bombs",
    "Kalibr cruise missiles",
]

_ARMIES = [
    "20th Combined Arms Army [CAA]",
    "8th Combined Arms Army [CAA]",
    "58th Combined Arms Army [CAA]",
    "41st Combined Arms Army [CAA]",
    "1st Guards Tank Army [GTA]",
    "3rd Army Corps [AC]",
    "44th Army Corps [AC]",
    "2nd Army Corps [AC]",
]

_DISTRICTS = [
    "Moscow Military District [MMD]",
    "Southern Military District [SMD]",
    "Leningrad Military District [LMD]",
    "Eastern Military District [EMD]",
    "Central Military District [CMD]",
]

_FORMATIONS = [
    "Motorized Rifle Regiment",
    "Motorized Rifle Brigade",
    "Tank Regiment",
    "Naval Infantry Brigade",
    "Air Assault Regiment",
    "Artillery Brigade",
]

_DIVISIONS = ["Motorized Rifle Division", "Tank Division", "Guards Air Assault Division"]

_QUOTES = [
    "will continue [the] special military operation until all of its goals are achieved",
    "must be fully prepared to protect [its] land",
    "not interested in [diplomatic talks] right now",
    "continue to send [mobilized men] into assaults without artillery support",
    "have no intention of [withdrawing] from the city",
    "holding [the line] at great cost",
    "ready for negotiations [but only] on Russia’s terms",
    "fighting for every meter of ground",
    "exhausted and demoralized after weeks of assaults",
    "no shortage of shells, only a shortage of competent commanders",
    "defensive act[s] and a legitimate right",
    "liberate the entirety of Donbas [by spring]",
]

_IO_TOPICS = [
    "oppressing religious liberty",
    "shelling its own civilians",
    "preparing a provocation at the Zaporizhzhia Nuclear Power Plant",
    "recruiting foreign mercenaries",
    "sabotaging grain exports",
]

_SLUG_WORDS = [
    "russian",
    "forces",
    "ukraine",
    "offensive",
    "kremlin",
    "mobilization",
    "drone",
    "strike",
    "war",
    "defense",
    "front",
    "donbas",
    "kherson",
    "bakhmut",
    "energy",
    "grid",
    "sanctions",
    "military",
    "occupation",
    "passports",
    "prisoners",
    "exchange",
    "missile",
    "attack",
    "report",
    "update",
    "general",
    "staff",
    "advance",
    "counteroffensive",
]

_TELEGRAM = [
    "mod_russia",
    "rybar",
    "wargonzo",
    "dva_majors",
    "readovkanews",
    "kpszsu",
    "mod_russia_en",
    "voenkorKotenok",
    "grey_zone",
    "rusich_army",
    "milinfolive",
    "boris_rozhin",
    "Tsaplienko",
    "ermaka2022",
    "Koord_shtab",
    "mozhemobyasnit",
    "readovka",
    "vrogov",
    "pushilindenis",
    "RSaponkov",
]

_TWITTER = [
    "GeoConfirmed",
    "Danspiun",
    "666_mancer",
    "UAWeapons",
    "DefenceHQ",
    "KyivIndependent",
    "GirkinGirkin",
    "PauliusZaleckas",
    "RALee85",
    "NOELreports",
]

_FACEBOOK = [
    "GeneralStaff.ua",
    "pavlokyrylenko.donoda",
    "hajdaj.serhij",
    "MinistryofDefence.UA",
    "DPSUkraine",
    "kherson.regional.military.administration",
]

# (host, path patterns, hide dots when asked)
_RU_HOSTS = [
    ("www.interfax.ru", ["russia/{n6}", "world/{n6}"]),
    ("tass.ru", ["politika/{n8}", "armiya-i-opk/{n8}", "obschestvo/{n8}"]),
    ("ria.ru", ["{ymd}/{slug}-{n10}.html"]),
    ("www.rbc.ru", ["politics/{dmy}/{hex24}"]),
    ("www.kommersant.ru", ["doc/{n7}"]),
    ("meduza.io", ["news/{ys}/{slug}"]),
    ("iz.ru", ["{n7}/{y}-{m}-{d}/{slug}"]),
    ("rg.ru", ["{ys}/{slug}.html"]),
    ("kremlin.ru", ["events/president/news/{n5}"]),
]

_UA_HOSTS = [
    ("www.pravda.com.ua", ["news/{ys}/{n7}/"]),
    ("suspilne.media", ["{n6}-{slug}/"]),
    ("www.ukrinform.net", ["rubric-ato/{n7}-{slug}.html"]),
    ("armyinform.com.ua", ["{ys}/{slug}/"]),
    ("www.mil.gov.ua", ["news/{ys}/{slug}/"]),
    ("minre.gov.ua", ["news/{slug}"]),
    ("www.gp.gov.ua", ["ua/posts/{slug}"]),
]

_WEST_HOSTS = [
    ("www.reuters.com", ["world/europe/{slug}-{y}-{m}-{d}/"]),
    ("apnews.com", ["article/{slug}-{hex32}"]),
    ("www.nytimes.com", ["{ys}/world/europe/{slug}.html"]),
    ("www.wsj.com", ["articles/{slug}-{n8}"]),
    ("www.washingtonpost.com", ["world/{ys}/{slug}/"]),
    ("www.bbc.com", ["news/world-europe-{n8}"]),
    ("www.theguardian.com", ["world/{y}/{mon3}/{d}/{slug}"]),
]

_TEXT_NOTES = [
    "Russian Offensive Campaign Assessment, {month} {day} | Institute for the Study of War (understandingwar.org)",
    "Kinzhal | Missile Threat (csis.org)",
    "NATO Estimates Steep Russian Losses in Ukraine - WSJ",
    "UA General Staff SITREP of 1200 {mon3u} {day} stated that Russian forces continued assaults near {town}.",
    "ISW will publish a collection of biographies of Russian commanders in a forthcoming report.",
    "ADP 3-0.pdf (army.mil), p. 5-1. https://armypubs.army.mil/epubs/DR_pubs/DR_a/ARN18010-ADP_3-0-000-WEB-2.pdf",
    "ukraine-2ndsummaryreport_sept2022.pdf (iaea.org), pp. 9-10.",
    "GRAPHIC: https://isw.pub/UkrWar{mmddyy}",
]

_HEADINGS: list[tuple[str, list[str]]] = [
    (
        "Ukrainian Counteroffensives (Ukrainian efforts to liberate Russian-occupied territories)",
        ["Eastern Ukraine: (Eastern Kharkiv Oblast-Western Luhansk Oblast)"],
    ),
    (
        "Russian Main Effort{dash}Eastern Ukraine",
        [
            "Russian Subordinate Main Effort{dash}Donetsk Oblast (Russian objective: Capture the entirety of Donetsk "
            "Oblast, the claimed territory of Russia’s proxies in Donbas)",
            "Russian Subordinate Main Effort{dash}Bakhmut",
        ],
    ),
    (
        "Supporting Effort{dash}Southern Axis (Russian objective: Maintain frontline positions and secure rear areas "
        "against Ukrainian strikes)",
        ["Subordinate main effort along the west bank of the Dnipro"],
    ),
    (
        "Supporting Effort #1{dash}Kharkiv:",
        [],
    ),
    (
        "Mobilization and Force Generation Efforts (Russian objective: Expand combat power without conducting "
        "general mobilization)",
        [],
    ),
    (
        "Activity in Russian-occupied Areas (Russian objective: consolidate administrative control of and annexed "
        "areas; forcibly integrate Ukrainian civilians into Russian sociocultural, economic, military, and "
        "governance systems)",
        [],
    ),
    ("Russian Air, Missile, and Drone Campaign", []),
    ("Significant Activity in Belarus (Russian efforts to increase its use of Belarus and pressure Belarus)", []),
    ("Russian Information Operations and Narratives", []),
]

_DASHES = ["—", "—", "—", "- ", " – "]

_EFFORTS = [
    "Ukrainian Counteroffensives—Eastern Ukraine",
    "Russian Main Effort—Eastern Ukraine (comprised of one subordinate and one supporting effort);",
    "Russian Subordinate Main Effort—Capture the entirety of Donetsk Oblast",
    "Russian Supporting Effort—Southern Axis",
    "Russian Mobilization and Force Generation Efforts",
    "Activities in Russian-occupied Areas",
]

_WAR_CRIMES = (
    "We do not report in detail on Russian war crimes because those activities are well-covered in Western media "
    "and do not directly affect the military operations we are assessing and forecasting. We will continue to "
    "evaluate and report on the effects of these criminal activities on the Ukrainian military and the Ukrainian "
    "population and specifically on combat in Ukrainian urban areas. We utterly condemn these Russian violations "
    "of the laws of armed conflict, Geneva Conventions, and humanity even though we do not describe them in these "
    "reports."
)

_NOTE_PARAGRAPH = (
    "Note:{sp}ISW does not receive any classified material from any source, uses only publicly available "
    "information, and draws extensively on Russian, Ukrainian, and Western reporting and social media as well as "
    "commercially available satellite imagery and other geospatial data as the basis for these reports. "
    "References to all sources used are provided in the endnotes of each update."
)

_MAP_LINE = (
    "Click here to see ISW’s interactive map of the Russian invasion of Ukraine. This map is updated daily "
    "alongside the static maps present in this report."
)

_KHERSON_NOTE = (
    "Note: ISW will report on activities in Kherson Oblast as part of the Southern Axis in this and subsequent "
    "updates. Ukraine’s counteroffensive in right-bank Kherson Oblast has accomplished its stated objectives, so "
    "ISW will not present a Southern Ukraine counteroffensive section until Ukrainian forces resume counteroffensive "
    "operations on the east (left) bank."
)

_PLACEHOLDERS = [
    "Nothing significant to report.",
    "See topline text.",
    "There was no significant change in this area in the past 24 hours.",
]

# Sentence templates. The kind says how the sentence ends: "plain" with a period,
# "quote" with a closing quote (callouts go after it), "paren" with a parenthesis.
_BODY_TEMPLATES: list[tuple[str, str, int]] = [
    (
        "plain",
        "{ua} reported on {date} that Ukrainian forces repelled Russian assaults near {town}, {town2}, and {town3}.",
        10,
    ),
    ("plain", "{ru} {say} that Russian forces repelled Ukrainian attacks near {town} ({km}km {dir} of {town2}).", 8),
    (
        "plain",
        "Geolocated footage published on {date} indicates that Ukrainian forces recently advanced {dir} of {town}.",
        6,
    ),
    (
        "plain",
        "Geolocated footage published on {date} shows Russian forces striking a Ukrainian position near "
        "{town}, likely with {weapon}.",
        4,
    ),
    (
        "plain",
        "{ru} {say} that elements of the {unit} are operating near {town} and attempting to advance toward {town2}.",
        6,
    ),
    ("plain", "Drone operators of the {unit} are reportedly striking Ukrainian forces in {oblast} Oblast.", 4),
    (
        "plain",
        "{ua} {say} that Russian forces launched {n} {weapon} at targets in {oblast} Oblast on the night of "
        "{date} and that Ukrainian air defenses shot down {n2} of them.",
        5,
    ),
    ("plain", "ISW cannot independently verify these claims.", 3),
    ("plain", "ISW has not observed visual confirmation of this claim.", 2),
    ("plain", "Russian forces continued ground attacks near {town} on {date} but did not make confirmed advances.", 7),
    (
        "plain",
        "Russian forces conducted routine artillery and MLRS strikes along the line of contact in {oblast} "
        "Oblast on {date}.",
        5,
    ),
    (
        "plain",
        "{ua} {say} that Russian forces are increasing the pace of assaults in the {town} direction and are "
        "attempting to envelop Ukrainian positions near {town2}.",
        5,
    ),
    (
        "plain",
        "{ru} {say} that Russian forces destroyed a Ukrainian ammunition depot near {town} and killed up to "
        "{n3} Ukrainian personnel.",
        4,
    ),
    (
        "plain",
        "{ru} {say} that Ukrainian forces are conducting counterattacks {dir} of {town} and that fighting is "
        "ongoing in the area.",
        5,
    ),
    (
        "plain",
        "Russian occupation officials in {oblast} Oblast continued efforts to coerce residents of occupied "
        "territories into receiving Russian passports.",
        3,
    ),
    (
        "plain",
        "The Ukrainian Resistance Center reported that Russian occupation authorities are restricting the "
        "movement of residents out of {town} and confiscating their documents.",
        3,
    ),
    (
        "plain",
        "ISW continues to assess that Russian forces are unlikely to make operationally significant advances "
        "in the {town} direction in the coming weeks.",
        3,
    ),
    (
        "plain",
        "Russian forces likely intend to use the {town} area as a staging ground for further offensive "
        "operations toward {town2}.",
        3,
    ),
    ("plain", "Satellite imagery from {date} shows new Russian fortifications along the {town}-{town2} road.", 2),
    (
        "plain",
        "{ru} {say} that Russian forces captured several Ukrainian positions near {town}, though ISW has not "
        "observed visual confirmation of these claims.",
        4,
    ),
    (
        "plain",
        "The Kremlin continues to rely on financial incentives to lure men into participating in the war, "
        "and {ru_plain} {say} that recruitment centers in {oblast} Oblast are offering bonuses of up to {n3},000 "
        "rubles.",
        2,
    ),
    (
        "plain",
        "{ua} {say} that Ukrainian partisans in {oblast} Oblast provided information that resulted in a "
        "strike on a Russian command post in {town}.",
        2,
    ),
    ("quote", "{person} stated on {date} that Russian forces are ready to “{quote}.”", 2),
    ("quote", '{person} claimed that "{quote}."', 1),
    (
        "paren",
        "(ISW’s assessments of control of terrain are based on geolocated footage and may lag behind events "
        "on the ground.)",
        1,
    ),
]

_LEAD_TEMPLATES = [
    "Russian forces continued offensive operations around {town} and {town2} on {date}.",
    "Ukrainian officials are forecasting that Russia may attempt to launch a large-scale offensive in {oblast} Oblast "
    "in the coming months.",
    "The Kremlin will likely intensify existing information operations accusing Ukraine of {io}.",
    "Ukrainian air defense units shot down most of the {weapon} that Russian forces launched at Ukraine on {date}.",
    "Russian authorities are continuing efforts to consolidate administrative control of occupied {oblast} Oblast.",
    "Ukrainian forces likely made marginal advances {dir} of {town} in the past 24 hours.",
    "Kremlin officials admitted to receiving complaints about mobilization despite its reported de facto end.",
    "Russian forces continued defensive operations south of the Dnipro River in Kherson Oblast.",
    "Ukrainian sources reported that {n3} Ukrainian prisoners of war returned to Ukraine on {date}.",
    "Russian milbloggers continued to criticize the Russian military command for failures around {town}.",
]

_WATCH_ITEMS = [
    "Russian forces will likely continue offensive operations around {town};",
    "Ukrainian forces may conduct further counteroffensive operations in {oblast} Oblast;",
    "The Kremlin will likely continue efforts to set conditions for a second wave of mobilization;",
    "Russian forces will likely continue strikes against Ukrainian critical infrastructure.",
]

# --------------------------------------------------------------------------- helpers


@dataclass(frozen=True)
class GeneratedReport:
    """A generated report and the counts it was built with (what a correct parser finds)."""

    text: str
    citations: int
    """Callouts ``[N]`` placed in the text (numbered ``1..notes`` in document order)."""
    notes: int
    """Endnotes in the list; each callout number has exactly one note."""
    takeaways: int
    """``  • `` bullets under ``Key Takeaways``."""
    takeaway_citations: int
    """Callouts inside Key Takeaways bullets (early-2022 style reports only)."""
    note_urls: tuple[int | None, ...] = ()
    """Per note, in order: how many URLs it lists; ``None`` for a text note (a pasted title,
    prose, possibly with a URL after it) or an empty one."""


@dataclass
class _Sentence:
    text: str
    kind: str = "plain"
    eligible: bool = True
    numbers: tuple[int, ...] = ()
    shape: str = "after"


@dataclass
class _Block:
    kind: str  # "line", "para", "bullets"
    text: str = ""
    sentences: list[_Sentence] | None = None
    lead_nbsp: bool = False


def _weighted(rng: random.Random, choices: list[tuple[str, float]]) -> str:
    total = sum(w for _, w in choices)
    x = rng.random() * total
    for value, weight in choices:
        x -= weight
        if x < 0:
            return value
    return choices[-1][0]


class _Filler:
    """Fills ``{slot}`` templates with vocabulary, deterministic from the rng."""

    _SLOT = re.compile(r"\{(\w+)\}")

    def __init__(self, rng: random.Random, date: dt.date) -> None:
        self.rng = rng
        self.date = date
        self.makers: dict[str, Callable[[], str]] = {
            "town": lambda: rng.choice(_TOWNS),
            "town2": lambda: rng.choice(_TOWNS),
            "town3": lambda: rng.choice(_TOWNS),
            "oblast": lambda: rng.choice(_OBLASTS),
            "dir": lambda: rng.choice(_DIRECTIONS),
            "km": lambda: str(rng.randint(3, 60)),
            "n": lambda: str(rng.randint(4, 40)),
            "n2": lambda: str(rng.randint(2, 30)),
            "n3": lambda: str(rng.randint(10, 400)),
            "date": self._day,
            "ua": lambda: rng.choice(_UA_SOURCES),
            "ru": lambda: rng.choice(_RU_SOURCES),
            "ru_plain": self._ru_plain,
            "say": lambda: rng.choice(_SAY),
            "weapon": lambda: rng.choice(_WEAPONS),
            "unit": self._unit,
            "person": lambda: rng.choice(_RU_PEOPLE),
            "quote": lambda: rng.choice(_QUOTES),
            "io": lambda: rng.choice(_IO_TOPICS),
        }

    def _day(self) -> str:
        day = self.date - dt.timedelta(days=self.rng.choice((0, 0, 0, 1)))
        return f"{_MONTHS[day.month - 1]} {day.day}"

    def _ru_plain(self) -> str:
        source = self.rng.choice(_RU_SOURCES)
        return source[0].lower() + source[1:] if source.startswith(("The ", "A ")) else source

    def _unit(self) -> str:
        rng = self.rng
        n1, n2 = rng.randint(1, 1500), rng.randint(2, 150)
        return (
            f"{_ordinal(n1)} {rng.choice(_FORMATIONS)} ({_ordinal(n2)} {rng.choice(_DIVISIONS)}, "
            f"{rng.choice(_ARMIES)}, {rng.choice(_DISTRICTS)})"
        )

    def fill(self, template: str) -> str:
        return self._SLOT.sub(lambda m: self.makers[m.group(1)](), template)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# --------------------------------------------------------------------------- endnotes


class _Notes:
    """Builds the text of one endnote: sources in the shapes of SHAPES.md."""

    def __init__(self, rng: random.Random, date: dt.date) -> None:
        self.rng = rng
        self.date = date
        self.hide_dots = rng.random() < 0.8  # most 2022 reports hide Russian/Ukrainian hosts
        self.truncate = rng.random() < 0.75  # Drupal shortened the visible text of long links

    def _digits(self, k: int) -> str:
        return str(self.rng.randint(10 ** (k - 1), 10**k - 1))

    def _hex(self, k: int) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(k))

    def _alnum(self, k: int) -> str:
        return "".join(self.rng.choice(string.ascii_letters + string.digits) for _ in range(k))

    def _slug(self) -> str:
        return "-".join(self.rng.choice(_SLUG_WORDS) for _ in range(self.rng.randint(3, 9)))

    def _path(self, pattern: str) -> str:
        d = self.date
        values = {
            "n5": lambda: self._digits(5),
            "n6": lambda: self._digits(6),
            "n7": lambda: self._digits(7),
            "n8": lambda: self._digits(8),
            "n10": lambda: self._digits(10),
            "hex24": lambda: self._hex(24),
            "hex32": lambda: self._hex(32),
            "slug": self._slug,
            "y": lambda: str(d.year),
            "m": lambda: f"{d.month:02d}",
            "d": lambda: f"{d.day:02d}",
            "ys": lambda: f"{d.year}/{d.month:02d}/{d.day:02d}",
            "ymd": lambda: f"{d.year}{d.month:02d}{d.day:02d}",
            "dmy": lambda: f"{d.day:02d}/{d.month:02d}/{d.year}",
            "mon3": lambda: _MONTHS[d.month - 1][:3].lower(),
        }
        return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)](), pattern)

    def _hidden(self, host: str) -> str:
        rng = self.rng
        if not self.hide_dots or rng.random() < 0.3:
            return host
        style = _weighted(rng, [("dot", 0.9), ("partial", 0.05), ("paren", 0.03), ("glued", 0.02)])
        if style == "paren":
            return host.replace(".", "(dot)")
        if style == "glued":  # kremlindot ru
            head, _, tail = host.rpartition(".")
            return head.replace(".", " dot ") + "dot " + tail
        if style == "partial":  # minre.gov dot ua
            head, _, tail = host.rpartition(".")
            return f"{head} dot {tail}"
        return host.replace(".", " dot ")

    def url(self) -> str:
        rng = self.rng
        d = self.date
        kind = _weighted(
            rng,
            [
                ("telegram", 0.34),
                ("twitter", 0.14),
                ("facebook", 0.10),
                ("isw", 0.12),
                ("ru", 0.12),
                ("ua", 0.10),
                ("west", 0.06),
                ("youtube", 0.01),
                ("vk", 0.01),
            ],
        )
        if kind == "telegram":
            host = "t.me" if rng.random() < 0.95 else "t dot me"
            url = f"https://{host}/{rng.choice(_TELEGRAM)}/{rng.randint(200, 99999)}"
        elif kind == "twitter":
            host = "twitter.com" if d.year < 2024 or rng.random() < 0.2 else "x.com"
            url = f"https://{host}/{rng.choice(_TWITTER)}/status/{self._digits(19)}"
            if rng.random() < 0.4:
                url += f"?s=20&t={self._alnum(22)}"
        elif kind == "facebook":
            url = f"https://www.facebook.com/{rng.choice(_FACEBOOK)}/posts/pfbid0{self._alnum(rng.randint(44, 60))}"
        elif kind == "isw":
            if rng.random() < 0.5:
                back = d - dt.timedelta(days=rng.randint(1, 120))
                url = f"https://isw.pub/UkrWar{back.month:02d}{back.day:02d}{back.year % 100:02d}"
            else:
                back = d - dt.timedelta(days=rng.randint(1, 120))
                url = (
                    "https://www.understandingwar.org/backgrounder/russian-offensive-campaign-assessment-"
                    f"{_MONTHS[back.month - 1].lower()}-{back.day}-{back.year}"
                )
        elif kind in ("ru", "ua"):
            host, patterns = rng.choice(_RU_HOSTS if kind == "ru" else _UA_HOSTS)
            url = f"https://{self._hidden(host)}/{self._path(rng.choice(patterns))}"
        elif kind == "west":
            host, patterns = rng.choice(_WEST_HOSTS)
            url = f"https://{host}/{self._path(rng.choice(patterns))}"
        elif kind == "youtube":
            url = f"https://www.youtube.com/watch?v={self._alnum(11)}"
        else:
            url = f"https://vk.com/wall-{self._digits(9)}_{self._digits(6)}"
        # Damage as printed.
        roll = rng.random()
        if roll < 0.004:
            url = url[1:]  # ttps://
        elif roll < 0.006:
            url = "htps://" + url.partition("://")[2]
        elif roll < 0.016:
            url = url.partition("://")[2].removeprefix("www.")  # scheme-less
        if self.truncate and len(url) > 75 and rng.random() < 0.45:
            url = url[:72] + ("..." if rng.random() < 0.95 else "…")
        elif rng.random() < 0.03:
            url += "."
        return url

    def text(self) -> tuple[str, int | None]:
        """A note's text and how many URLs it lists (``None`` for text and empty notes)."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.003:
            return "", None  # an empty note: "[11]"
        if roll < 0.015:
            d = self.date - dt.timedelta(days=rng.randint(1, 60))
            return (
                rng.choice(_TEXT_NOTES)
                .replace("{month}", _MONTHS[d.month - 1])
                .replace("{day}", str(d.day))
                .replace("{mon3u}", _MONTHS[d.month - 1][:3].upper())
                .replace("{town}", rng.choice(_TOWNS))
                .replace("{mmddyy}", f"{d.month:02d}{d.day:02d}{d.year % 100:02d}"),
                None,
            )
        count = _weighted(rng, [("1", 45), ("2", 25), ("3", 14), ("4", 7), ("5", 4), ("6", 3), ("8", 2)])
        sep = _weighted(rng, [("; ", 74), (" ; ", 20), (";", 1), (", ", 1), (" ", 2), ("  ", 2)])
        text = sep.join(self.url() for _ in range(int(count)))
        trail = rng.random()
        if trail < 0.05:
            text += ";"
        elif trail < 0.08:
            text += " ;"
        return text, int(count)


# --------------------------------------------------------------------------- the report


def _header(rng: random.Random, date: dt.date) -> list[_Block]:
    month = _MONTHS[date.month - 1]
    title = f"Russian Offensive Campaign Assessment, {month} {date.day}"
    if date.year >= 2023:
        title += f", {date.year}"
    dateline = f"{month[:3]} {date.day}, {date.year} - Press ISW"
    authors = rng.sample(_AUTHORS[:-1], rng.randint(3, 6))
    byline = ", ".join(authors) + ", and Frederick W. Kagan"
    hour = rng.choice(["5:30", "6:00", "7:30", "8:00", "8:45", "9:45", "10:00"])
    zone = "ET" if date.month in range(4, 11) else rng.choice(["ET", "EST"])
    time_line = f"{month} {date.day}, {hour}{rng.choice([' pm', 'pm', ' PM'])} {zone}"
    blocks = [_Block("line", title), _Block("line", dateline), _Block("line", byline), _Block("line", time_line)]
    if rng.random() < 0.6:
        blocks.append(_Block("line", _MAP_LINE))
    if rng.random() < 0.1:
        blocks.append(_Block("line", "Click here to expand the map below."))
    return blocks


def _sentence(fill: _Filler, rng: random.Random) -> _Sentence:
    total = sum(w for _, _, w in _BODY_TEMPLATES)
    x = rng.random() * total
    for kind, template, weight in _BODY_TEMPLATES:
        x -= weight
        if x < 0:
            return _Sentence(fill.fill(template), kind)
    kind, template, _ = _BODY_TEMPLATES[-1]
    return _Sentence(fill.fill(template), kind)


def _paragraph(fill: _Filler, rng: random.Random, low: int = 3, high: int = 8) -> _Block:
    return _Block("para", sentences=[_sentence(fill, rng) for _ in range(rng.randint(low, high))])


def _size(blocks: list[_Block]) -> int:
    total = 0
    for block in blocks:
        if block.kind == "line":
            total += len(block.text.encode()) + 2
        else:
            assert block.sentences is not None
            total += sum(len(s.text.encode()) + 1 for s in block.sentences) + 2
    return total


def _eligible(blocks: list[_Block]) -> int:
    return sum(s.eligible for b in blocks if b.sentences for s in b.sentences)


def _assign_callouts(rng: random.Random, blocks: list[_Block], notes: int) -> None:
    """Number ``notes`` callouts over the eligible sentences, in document order."""
    slots = [s for b in blocks if b.sentences for s in b.sentences if s.eligible]
    doubles = sum(rng.random() < 0.006 for _ in range(notes // 2))
    singles = notes - 2 * doubles
    picked = sorted(rng.sample(range(len(slots)), singles + doubles))
    double_at = set(rng.sample(range(len(picked)), doubles))
    number = 1
    for i, index in enumerate(picked):
        sentence = slots[index]
        width = 2 if i in double_at else 1
        sentence.numbers = tuple(range(number, number + width))
        number += width
        if width == 2:
            sentence.shape = "double" if rng.random() < 0.7 else "double_space"
        elif sentence.kind == "plain" and sentence.text.endswith("."):
            sentence.shape = _weighted(rng, [("after", 0.985), ("space_before", 0.008), ("before_period", 0.007)])
    assert number == notes + 1


def _render_sentence(s: _Sentence) -> str:
    if not s.numbers:
        return s.text
    marks = [f"[{n}]" for n in s.numbers]
    if s.shape == "double_space":
        return s.text + " ".join(marks)
    if s.shape == "space_before":
        return s.text + " " + "".join(marks)
    if s.shape == "before_period":
        return s.text[:-1] + "".join(marks) + "."
    return s.text + "".join(marks)


def _render_paragraph(rng: random.Random, block: _Block, nbsp_style: bool) -> str:
    assert block.sentences is not None
    parts: list[str] = []
    last = len(block.sentences) - 1
    for i, s in enumerate(block.sentences):
        parts.append(_render_sentence(s))
        if i == last:
            break
        if s.numbers:
            sep = _weighted(rng, [(NBSP, 0.75 if nbsp_style else 0.02), (" ", 0.25 if nbsp_style else 0.97)])
            if rng.random() < 0.006:
                sep = ""  # glued: ".[11]Russian"
        elif i == 0 and block.lead_nbsp:
            sep = NBSP
        else:
            sep = " "
        parts.append(sep)
    return "".join(parts)


def build_report(rng: random.Random, target_bytes: int = 80_000, notes: int = 150) -> GeneratedReport:
    """Build one ISW-like report of about ``target_bytes`` UTF-8 bytes with ``notes`` endnotes.

    ``notes`` callouts are placed (numbered in document order, each once) and
    ``notes`` endnotes listed. Raising both knobs together (``800_000`` and
    ``1500``) makes a longer report with the same density: more sections,
    paragraphs and notes.
    """
    if notes < 1:
        raise ValueError("notes must be at least 1")
    start = dt.date(2022, 3, 1)
    date = start + dt.timedelta(days=rng.randint(0, 480))
    fill = _Filler(rng, date)
    nbsp_style = rng.random() < 0.8
    early_style = rng.random() < 0.25  # takeaways with callouts, as in early 2022

    # Endnotes first: their size sets the body's budget.
    maker = _Notes(rng, date)
    made = [maker.text() for _ in range(notes)]
    note_texts = [text for text, _ in made]
    after_bracket = NBSP if nbsp_style else " "
    note_lines = []
    for number, text in enumerate(note_texts, start=1):
        if not text:
            note_lines.append(f"[{number}]")
        elif rng.random() < 0.005:
            scheme, sep, rest = text.partition("://")
            glued = rest if sep and scheme in ("https", "http", "ttps", "htps") else text
            note_lines.append(f"[{number}]{glued}")  # [13]facebook.com/...
        else:
            note_lines.append(f"[{number}]{after_bracket}{text}")
    notes_size = sum(len(line.encode()) + 2 for line in note_lines)

    blocks = _header(rng, date)
    # Toplines: a bold lead sentence, then supporting sentences.
    leads: list[str] = []
    for _ in range(rng.randint(5, 9)):
        lead = fill.fill(rng.choice(_LEAD_TEMPLATES))
        leads.append(lead)
        para = _paragraph(fill, rng, 2, 6)
        assert para.sentences is not None
        para.sentences.insert(0, _Sentence(lead, eligible=False))
        para.lead_nbsp = nbsp_style
        blocks.append(para)
    # Key Takeaways restate the leads, plus a few section summaries.
    blocks.append(_Block("line", "Key Takeaways"))
    items = [*leads, *(fill.fill(rng.choice(_LEAD_TEMPLATES)) for _ in range(rng.randint(1, 4)))]
    blocks.append(
        _Block("bullets", sentences=[_Sentence(t, eligible=early_style and rng.random() < 0.5) for t in items])
    )
    blocks.append(_Block("line", _WAR_CRIMES))
    blocks.append(_Block("bullets", sentences=[_Sentence(e, eligible=False) for e in _EFFORTS]))

    tail: list[_Block] = []
    if rng.random() < 0.2:
        tail.append(_Block("line", "Immediate items to watch"))
        tail.append(_Block("bullets", sentences=[_Sentence(fill.fill(w), eligible=False) for w in _WATCH_ITEMS]))
    tail.append(_Block("line", _NOTE_PARAGRAPH.replace("{sp}", "  " if rng.random() < 0.05 else " ")))

    budget = target_bytes - notes_size - _size(tail) - 5 * notes
    heading_index = 0
    kherson_note = rng.random() < 0.3
    size, eligible = _size(blocks), _eligible(blocks)
    while size < budget or eligible < int(notes * 1.15) + 2:
        mark = len(blocks)
        heading, subs = _HEADINGS[heading_index % len(_HEADINGS)]
        heading_index += 1
        dash = rng.choice(_DASHES)
        blocks.append(_Block("line", heading.replace("{dash}", dash)))
        if rng.random() < 0.06:
            blocks.append(_Block("line", rng.choice(_PLACEHOLDERS)))
            size += _size(blocks[mark:])
            continue
        groups = [None, *subs] if subs and rng.random() < 0.8 else [None]
        for sub in groups:
            if sub is not None:
                blocks.append(_Block("line", sub.replace("{dash}", dash)))
            for _ in range(rng.randint(2, 6)):
                paragraph = _paragraph(fill, rng)
                blocks.append(paragraph)
                size += _size([paragraph])
                eligible += _eligible([paragraph])
                if size >= budget and eligible >= int(notes * 1.15) + 2:
                    break
        if kherson_note and "Southern Axis" in heading:
            blocks.append(_Block("line", _KHERSON_NOTE))
            kherson_note = False
        size += _size([b for b in blocks[mark:] if b.kind == "line"])
    blocks.extend(tail)

    _assign_callouts(rng, blocks, notes)

    out: list[str] = []
    takeaways = 0
    takeaway_citations = 0
    seen_key = False
    for block in blocks:
        if block.kind == "line":
            out.append(block.text)
            seen_key = seen_key or block.text == "Key Takeaways"
        elif block.kind == "para":
            out.append(_render_paragraph(rng, block, nbsp_style))
        else:
            assert block.sentences is not None
            if seen_key and takeaways == 0:
                takeaways = len(block.sentences)
                takeaway_citations = sum(len(s.numbers) for s in block.sentences)
            out.append("\n".join("  • " + _render_sentence(s) for s in block.sentences))
    out.append("\n\n".join(note_lines))
    text = "\n\n".join(out) + "\n"
    return GeneratedReport(
        text=text,
        citations=notes,
        notes=notes,
        takeaways=takeaways,
        takeaway_citations=takeaway_citations,
        note_urls=tuple(urls for _, urls in made),
    )


def generate_report(rng: random.Random, target_bytes: int = 80_000, notes: int = 150) -> str:
    """The text of one ISW-like report; see :func:`build_report`."""
    return build_report(rng, target_bytes, notes).text


def generate_documents(n: int, seed: int) -> list[GeneratedReport]:
    """``n`` reports with their counts, sizes varying ±15% around 80 KB / 150 notes.

    Report ``i`` depends only on ``seed`` and ``i``.
    """
    master = random.Random(seed)
    seeds = [master.getrandbits(64) for _ in range(n)]
    reports = []
    for report_seed in seeds:
        rng = random.Random(report_seed)
        factor = rng.uniform(0.85, 1.15)
        reports.append(build_report(rng, int(80_000 * factor), round(150 * factor)))
    return reports


def generate_corpus(n: int, seed: int) -> list[str]:
    """The texts of ``n`` generated reports; see :func:`generate_documents`."""
    return [report.text for report in generate_documents(n, seed)]


# --------------------------------------------------------------------------- Markdown view

_NOTE_ONE = re.compile(r"^\[1\]", re.MULTILINE)
_NOTE_LINE = re.compile(r"^\[([0-9]+)\][ \u00a0]?", re.MULTILINE)
_CALLOUT = re.compile(r"\[([0-9]+)\]")
_BULLET = re.compile(r"^  • ", re.MULTILINE)


def to_markdown(text: str) -> str:
    """The report as Markdown with ``[^n]`` footnotes, for Markdown parsers.

    The endnotes start at the last line that begins with ``[1]``; there each
    ``[N] text`` line becomes ``[^N]: text``. Before it, callouts ``[N]`` become
    ``[^N]`` and ``  • x`` bullets become ``- x``. A text with no ``[1]`` line is
    all body.
    """
    starts = [m.start() for m in _NOTE_ONE.finditer(text)]
    cut = starts[-1] if starts else len(text)
    body = _BULLET.sub("- ", _CALLOUT.sub(r"[^\1]", text[:cut]))
    notes = _NOTE_LINE.sub(r"[^\1]: ", text[cut:])
    return body + notes

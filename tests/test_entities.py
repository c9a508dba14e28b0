"""Places and units, one test per shape of ISW's prose (``docs/entities.md``; the definitions are
``../shared/gold/ENTITIES.md``).

Each test parses a short report whose body is the sentence (or sentences) under
test and reads ``Claim.places`` / ``Claim.units``: the shapes, not single
sentences of the gold set.
"""

from pathlib import Path

import pytest

import briefmodel as bm
from briefmodel._cli import main
from briefmodel._formats.entity_rows import COLUMNS, TABLES, entity_rows

ROCA = "Russian Offensive Campaign Assessment, February 26, 2026\n\n"
IRAN = "Iran Update, March 14, 2026\n\n"

Row = tuple[str, str, str | None, str | None, str | None]


def _report(body: str, head: str = ROCA) -> bm.Report:
    return bm.parse(head + body + "\n")


def _claim(sentence: str, head: str = ROCA) -> bm.Claim:
    claims = _report(sentence, head).claims
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def places(sentence: str, head: str = ROCA) -> list[Row]:
    """(text, kind, relation, anchor text, anchor relation) of each place of a one-sentence report."""
    return [
        (p.text, p.kind.value, p.relation, p.anchor.text if p.anchor else None, p.anchor_relation)
        for p in _claim(sentence, head).places
    ]


def units(sentence: str, head: str = ROCA) -> list[tuple[str, int | None, str, str, str | None, str | None]]:
    """(text, number, echelon, side, abbreviation, parent text) of each unit of a one-sentence report."""
    return [
        (u.text, u.number, u.echelon.value, u.side.value, u.abbreviation, u.parent.text if u.parent else None)
        for u in _claim(sentence, head).units
    ]


# --- places: anchors ----------------------------------------------------------------------------------------


def test_a_parenthetical_anchor_and_a_nested_one() -> None:
    assert places("North Korean soldiers participated in the seizure of Plekhovo (south of Sudzha) on December 6.") == [
        ("Plekhovo", "settlement", None, "Sudzha", "south of"),
        ("Sudzha", "settlement", None, None, None),
    ]
    assert places("Footage shows an assault east of Kremyanoye (east of Korenevo), some sources claimed.") == [
        ("Kremyanoye", "settlement", "east of", "Korenevo", "east of"),
        ("Korenevo", "settlement", None, None, None),
    ]


def test_a_distance_in_the_parenthetical_falls_away() -> None:
    assert places("Ukrainian forces repelled a Russian assault near Dyliivka (16km southwest of Bakhmut).") == [
        ("Dyliivka", "settlement", "near", "Bakhmut", "southwest of"),
        ("Bakhmut", "settlement", None, None, None),
    ]


def test_both_and_all_anchor_every_conjunct() -> None:
    found = places(
        "Russian forces advanced between Novopidhorodne and Novomykolaivka (both northeast of Novopavlivka)."
    )
    assert found == [
        ("Novopidhorodne", "settlement", "between", "Novopavlivka", "northeast of"),
        ("Novomykolaivka", "settlement", "between", "Novopavlivka", "northeast of"),
        ("Novopavlivka", "settlement", None, None, None),
    ]
    found = places(
        "Russian milbloggers claimed that Russian forces seized Prydorozhnie, Varvarivka, and Pryluky (all northwest of Hulyaipole)."
    )
    assert [(p[0], p[3], p[4]) for p in found] == [
        ("Prydorozhnie", "Hulyaipole", "northwest of"),
        ("Varvarivka", "Hulyaipole", "northwest of"),
        ("Pryluky", "Hulyaipole", "northwest of"),
        ("Hulyaipole", None, None),
    ]


def test_without_both_a_parenthetical_anchors_only_the_name_before() -> None:
    found = places(
        "Russian milbloggers claimed that Ukrainian forces counterattacked near Kupyansk, Radkivka (north of Kupyansk), and Sobolivka (west of Kupyansk)."
    )
    assert found == [
        ("Kupyansk", "settlement", "near", None, None),
        ("Radkivka", "settlement", "near", "Kupyansk", "north of"),
        ("Kupyansk", "settlement", None, None, None),
        ("Sobolivka", "settlement", "near", "Kupyansk", "west of"),
        ("Kupyansk", "settlement", None, None, None),
    ]


def test_the_attack_list_frame_anchors_each_place_to_the_reference() -> None:
    found = places(
        "Russian forces attacked near Lyman itself; northwest of Lyman near Novoselivka, Svyatohirsk, Yarova and "
        "Sosnove; and south of Lyman toward Staryi Karavan on February 25 and 26."
    )
    assert found == [
        ("Lyman", "settlement", "near", None, None),
        ("Lyman", "settlement", "northwest of", None, None),
        ("Novoselivka", "settlement", "near", "Lyman", "northwest of"),
        ("Svyatohirsk", "settlement", "near", "Lyman", "northwest of"),
        ("Yarova", "settlement", "near", "Lyman", "northwest of"),
        ("Sosnove", "settlement", "near", "Lyman", "northwest of"),
        ("Lyman", "settlement", "south of", None, None),
        ("Staryi Karavan", "settlement", "toward", "Lyman", "south of"),
    ]


def test_the_frame_goes_on_past_a_new_preposition_in_the_same_list() -> None:
    found = places(
        "Russian forces attacked southeast of Borova near Olhivka and Ridkodub and toward Novoyehorivka on February 25."
    )
    assert [(p[0], p[2], p[3], p[4]) for p in found] == [
        ("Borova", "southeast of", None, None),
        ("Olhivka", "near", "Borova", "southeast of"),
        ("Ridkodub", "near", "Borova", "southeast of"),
        ("Novoyehorivka", "toward", "Borova", "southeast of"),
    ]


def test_a_parenthetical_wins_over_the_frame() -> None:
    found = places(
        "A Russian milblogger claimed that Russian forces are advancing from positions northeast of Soledar near Yakovlvika (6km northeast of Soledar)."
    )
    assert found[1] == ("Yakovlvika", "settlement", "near", "Soledar", "northeast of")
    assert found[2] == ("Soledar", "settlement", None, None, None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Hromov reported that Ukrainian troops improved their positions around Blahodatne, about 40km north of Kherson City, but did not offer details.",
            [
                ("Blahodatne", "settlement", "near", "Kherson City", "north of"),
                ("Kherson City", "settlement", None, None, None),
            ],
        ),
        (
            "Russian forces likely did not secure the highway east of Dovhenke—a village approximately 30 km south of Izyum.",
            [("Dovhenke", "settlement", "east of", "Izyum", "south of"), ("Izyum", "settlement", None, None, None)],
        ),
        (
            "The Russian MoD stated that Russian troops struck Piatykhatky, which lies 8km northwest of Sukhanove and 40km north of Beryslav.",
            [
                ("Piatykhatky", "settlement", None, "Sukhanove", "northwest of"),
                ("Sukhanove", "settlement", None, None, None),
                ("Beryslav", "settlement", None, None, None),
            ],
        ),
        (
            "The LPR claimed to have seized Novozvanivka just southwest of Popasna on the way to the Bahmut-Lysychansk highway.",
            [
                ("Novozvanivka", "settlement", None, "Popasna", "southwest of"),
                ("Popasna", "settlement", None, None, None),
                ("Bahmut-Lysychansk highway", "facility", "to", None, None),
            ],
        ),
    ],
)
def test_appositions_and_post_modifiers_anchor(sentence: str, expected: list[Row]) -> None:
    assert places(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected", "head"),
    [
        (
            "The White House confirmed that Iranian personnel are in Russian-occupied Crimea, Ukraine, to assist Russian forces.",
            [("Crimea", "region", "in", "Ukraine", "in"), ("Ukraine", "country", None, None, None)],
            ROCA,
        ),
        (
            "The United States struck targets on Kharg Island in Bushehr Province on March 13.",
            [
                ("The United States", "country", None, None, None),
                ("Kharg Island", "other", "on", "Bushehr Province", "in"),
                ("Bushehr Province", "region", None, None, None),
            ],
            IRAN,
        ),
        (
            "The Syrian army disarmed a car bomb in the historically Kurdish Sheikh Maqsoud neighborhood of Aleppo City on February 25.",
            [
                ("Sheikh Maqsoud neighborhood", "district", "in", "Aleppo City", "in"),
                ("Aleppo City", "settlement", None, None, None),
            ],
            IRAN,
        ),
        (
            "Imagery shows strikes on multiple missile facilities, including the Imam Ali Missile Base in Khorramabad, Lorestan Province, and a launch site in Zanjan Province.",
            [
                ("Imam Ali Missile Base", "facility", "on", "Khorramabad", "in"),
                ("Khorramabad", "settlement", None, "Lorestan Province", "in"),
                ("Lorestan Province", "region", None, None, None),
                ("Zanjan Province", "region", "in", None, None),
            ],
            IRAN,
        ),
        (
            "The Prosecutor’s Office reported that Russian forces reached Kyivskyi Raion on the northern outskirts of Kharkiv City for the first time.",
            [
                ("Kyivskyi Raion", "district", None, "Kharkiv City", "on"),
                ("Kharkiv City", "settlement", None, None, None),
            ],
            ROCA,
        ),
    ],
)
def test_containment_is_in_link_by_link(sentence: str, expected: list[Row], head: str) -> None:
    assert places(sentence, head) == expected


def test_no_anchor_for_a_bank_or_a_generic_noun() -> None:
    found = places("Imagery shows a Russian ferry traveling from Kozatske (west bank) to Nova Kakhovka (east bank).")
    assert found == [("Kozatske", "settlement", "from", None, None), ("Nova Kakhovka", "settlement", "to", None, None)]
    assert places("Russian forces conducted an assault on a settlement 6 km southeast of Severodonetsk on May 17.") == [
        ("Severodonetsk", "settlement", "southeast of", None, None)
    ]


# --- places: relations and kinds -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Another milblogger claimed that Wagner continued to advance in the eastern outskirts of Soledar.",
            ("Soledar", "in"),
        ),
        ("Ukrainian artillery destroyed Russian equipment just 15 km north of Izyum on May 17.", ("Izyum", "north of")),
        (
            "Russian forces are attempting to advance from positions to the southeast and east of Soledar.",
            ("Soledar", "southeast of"),
        ),
        ("Russian forces attacked near and within Kostyantynivka itself on February 25.", ("Kostyantynivka", "near")),
        (
            "Telegram channels celebrated the arrival of a BMPT vehicle in Severodonetsk’s vicinity.",
            ("Severodonetsk", "near"),
        ),
        ("Russian forces are accumulating reserves to renew their drive on Slovyansk.", ("Slovyansk", "toward")),
        (
            "Russian forces decreased artillery strikes in the direction of Avdiivka due to supply issues.",
            ("Avdiivka", "toward"),
        ),
        ("Russian forces are removing equipment from the west bank of the Dnipro River.", ("the Dnipro River", "from")),
        ("Russian forces pushed Ukrainian forces out of much of Bakhmutske on December 27.", ("Bakhmutske", "from")),
        ("The Kremlin may ignore these concerns or sabotage negotiations with Ukraine.", ("Ukraine", None)),
        ("The United States and its allies are pursuing victory over Russia on the battlefield.", ("Russia", None)),
        (
            "The PRC may be concerned that Russia will coerce its citizens living in Russia into military service.",
            ("Russia", "in"),
        ),
        (
            "Russia launched another massive missile and drone strike against Ukraine on February 26.",
            ("Ukraine", "against"),
        ),
        ("Lavrov accused US officials of wanting to fight against Ukraine in the long run.", ("Ukraine", None)),
    ],
)
def test_relations_are_normalised(sentence: str, expected: tuple[str, str | None]) -> None:
    found = [(p[0], p[2]) for p in places(sentence)]
    assert expected in found, found


def test_a_possessive_or_a_modifier_has_no_relation() -> None:
    assert places(
        "The Kremlin agreed to the deal to accelerate Russia’s ability to declare Mariupol fully under its control."
    ) == [
        ("Russia", "country", None, None, None),
        ("Mariupol", "settlement", None, None, None),
    ]
    assert places("Satellite imagery from March 6 also shows strikes on the Yazd Province missile base.", IRAN) == [
        ("Yazd Province", "region", None, None, None)
    ]


def test_a_possessive_takes_no_relation_from_its_list() -> None:
    found = places("Reports question Russia’s presence in Syria and Russia’s previous agreements with Assad.")
    assert [(p[0], p[2]) for p in found] == [("Russia", None), ("Syria", "in"), ("Russia", None)]


def test_shared_head_coordination_lists_each_conjunct_as_a_region() -> None:
    found = places(
        "Lavrov added that Ukraine must recognize Russia’s seizure of occupied Luhansk, Donetsk, Zaporizhia, and Kherson oblasts."
    )
    assert [(p[0], p[1]) for p in found] == [
        ("Ukraine", "country"),
        ("Russia", "country"),
        ("Luhansk", "region"),
        ("Donetsk", "region"),
        ("Zaporizhia", "region"),
        ("Kherson", "region"),
    ]
    found = places("Russian forces continued indirect fire in Donetsk and eastern Zaporizhia oblasts.")
    assert found == [("Donetsk", "region", "in", None, None), ("Zaporizhia", "region", "in", None, None)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Russian forces continued offensive operations in the Slovyansk direction on February 26.",
            ("Slovyansk direction", "direction"),
        ),
        ("Russia has concentrated 45 BTGs in the Kherson ”direction” to defend.", ("Kherson ”direction”", "direction")),
        (
            "Ukrainian and Russian forces recently advanced in the Kostyantynivka-Druzhkivka tactical area.",
            ("Kostyantynivka-Druzhkivka tactical area", "direction"),
        ),
        (
            "Russian forces continued offensive operations in the Avdiivka-Donetsk City area on December 27.",
            ("Avdiivka-Donetsk City area", "direction"),
        ),
        ("Russian forces made limited territorial advances in the Lyman district.", ("Lyman district", "district")),
        (
            "Russia is likely preparing a false flag attack on the Kakhovka Hydroelectric Power Plant (HPP).",
            ("Kakhovka Hydroelectric Power Plant", "facility"),
        ),
        ("Iran has deployed naval mines in the Strait of Hormuz.", ("the Strait of Hormuz", "water")),
        ("The UK sent drone operators to the Middle East as of March 3.", ("the Middle East", "other")),
        (
            "A VBIED cell was active in SDF-held areas of the northeastern Aleppo countryside before the fall of the regime.",
            ("Aleppo", "region"),
        ),
        (
            "Russian forces continued offensive operations around Bakhmut and in the Bakhmut area on December 27.",
            ("Bakhmut", "settlement"),
        ),
    ],
)
def test_kinds_come_from_classifiers(sentence: str, expected: tuple[str, str]) -> None:
    head = IRAN if "Iran" in sentence or "UK" in sentence or "Aleppo" in sentence else ROCA
    assert expected in [(p[0], p[1]) for p in places(sentence, head)]


def test_the_article_is_kept_only_for_water_countries_republics_and_macro_regions() -> None:
    found = places(
        "Mariupol defenders trapped in the Azovstal Steel Plant likely surrendered to the Donetsk People’s Republic."
    )
    assert [p[0] for p in found] == ["Mariupol", "Azovstal Steel Plant", "the Donetsk People’s Republic"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Lavrov accused US military officials of planning a decapitation blow against the Kremlin.",
        "The White House confirmed the report on October 20.",
        "Ukraine and the West are well aware of the proposals.",
        "The PRC consulate’s warning is an indicator of concern.",
        "These shipments came amid Iranian efforts following the June 2025 Israel-Iran war.",
        "The Syrian government is attempting to reduce support for Hijri through US-backed dialogue with Druze leaders.",
        "Russian milbloggers and Iranian officials criticized the Russian Ministry of Defense.",
        "The United States previously sanctioned Kimia Part Sivan Company for its work.",
        "Three officials told the Washington Post on March 6 that the report is true.",
        "US National Security Council Spokesperson John Kirby told reporters about it.",
        "The US Treasury Department stated in 2019 that the center conducts research.",
    ],
)
def test_institutions_demonyms_compounds_and_outlets_are_no_places(sentence: str) -> None:
    found = [p[0] for p in places(sentence, IRAN)]
    for word in ("Kremlin", "White House", "West", "PRC", "Israel", "Iran", "US", "Washington", "Kimia"):
        assert not any(word == text or text.startswith(word + " ") for text in found), found


def test_us_as_a_noun_is_a_place_and_as_a_modifier_is_not() -> None:
    assert [p[0] for p in places("The US and Ukraine continue bilateral engagements as part of talks.")] == [
        "The US",
        "Ukraine",
    ]
    assert places("US forces and the US and Syrian government engaged Druze leaders.", IRAN) == []
    assert [p[0] for p in places("Iran can no longer pose a threat to the U.S. and our troops.", IRAN)] == [
        "Iran",
        "the U.S.",
    ]


def test_a_place_named_with_a_title_after_it() -> None:
    assert [
        p[0] for p in places("Luhansk Oblast Head Serhiy Haidai claimed that Russian forces are committing power.")
    ] == ["Luhansk Oblast"]
    assert [
        p[0] for p in places("Avdiivka City Head Vitaly Barabash reported that Russian forces decreased strikes.")
    ] == ["Avdiivka"]
    assert [
        p[0]
        for p in places("Kherson City Telegram accounts claimed on October 20 that Russian forces looted a station.")
    ] == ["Kherson City"]


def test_a_name_the_report_gives_as_a_place_is_one_everywhere_in_it() -> None:
    report = _report(
        "Russian forces continued offensive operations near Soledar on December 27. "
        "The Wagner Group intensified operations to capture Soledar."
    )
    assert [p.text for p in report.claims[1].places] == ["Soledar"]
    alone = _report("The Wagner Group intensified operations to capture Soledar.")
    assert alone.claims[0].places == ()  # nothing in the report says Soledar is a place


def test_a_bare_province_name_is_the_province_in_a_report_that_names_it_so() -> None:
    report = _report(
        "The government will integrate Suwayda Province soon. The Syrian government Suwayda Governor Mustafa al Bakour oversaw the exchange.",
        IRAN,
    )
    assert [(p.text, p.kind.value) for p in report.claims[1].places] == [("Suwayda", "region")]


def test_region_from_the_sentence_the_anchor_or_the_heading() -> None:
    claim = _claim(
        "Russian forces attacked in Kharkiv Oblast near Vovchansk (northeast of Kharkiv City) on February 25."
    )
    assert {p.text: p.region for p in claim.places} == {
        "Kharkiv Oblast": None,
        "Vovchansk": "Kharkiv Oblast",
        "Kharkiv City": "Kharkiv Oblast",
    }
    report = _report(
        "Toplines\n\nRussian forces attacked near Lyman.\n\n"
        "Russian Subordinate Main Effort #1 – Kharkiv Oblast\n\nRussian forces attacked near Vovchansk on February 25."
    )
    assert [(p.text, p.region) for p in report.claims[-1].places] == [("Vovchansk", "Kharkiv Oblast")]


# --- units -----------------------------------------------------------------------------------------------------


def test_a_chain_of_superiors_with_abbreviations() -> None:
    found = units(
        "A Russian milblogger claimed that elements of the Russian 22nd Motorized Rifle Regiment (72nd Motorized Rifle Division, 44th Army Corps [AC], Leningrad Military District [LMD]) trained North Korean personnel."
    )
    assert found == [
        ("22nd Motorized Rifle Regiment", 22, "regiment", "russian", None, "72nd Motorized Rifle Division"),
        ("72nd Motorized Rifle Division", 72, "division", "russian", None, "44th Army Corps"),
        ("44th Army Corps", 44, "corps", "russian", "AC", "Leningrad Military District"),
        ("Leningrad Military District", None, "district", "russian", "LMD", None),
    ]


def test_a_chain_without_abbreviations_reads_short_forms_the_report_defined() -> None:
    report = _report(
        "FPV drone operators of the Russian 242nd Motorized Rifle Regiment (20th Motorized Rifle Division, 8th Combined Arms Army [CAA], Southern Military District [SMD]) are intercepting drones. "
        "Drone operators of the Chechen 78th Sever-Akhmat Motorized Rifle Regiment (42nd Motorized Rifle Division, 58th CAA, SMD) are striking positions."
    )
    found = [(u.text, u.number, u.echelon.value, u.parent.text if u.parent else None) for u in report.claims[1].units]
    assert found == [
        ("78th Sever-Akhmat Motorized Rifle Regiment", 78, "regiment", "42nd Motorized Rifle Division"),
        ("42nd Motorized Rifle Division", 42, "division", "58th CAA"),
        ("58th CAA", 58, "army", "SMD"),
        ("SMD", None, "district", None),
    ]
    smd = report.claims[1].units[-1]
    assert smd.key == "southern military district" == report.claims[0].units[-1].key


def test_under_operational_control_ends_a_chain() -> None:
    found = units(
        "Drone operators of the 1008th Motorized Rifle Regiment (6th Motorized Rifle Division, 3rd Army Corps [AC], under operational control of the Southern Grouping of Forces) struck a depot."
    )
    assert found[-2:] == [
        ("3rd Army Corps", 3, "corps", "russian", "AC", "Southern Grouping of Forces"),
        ("Southern Grouping of Forces", None, "group", "russian", None, None),
    ]


def test_a_gloss_or_an_institution_in_brackets_is_no_parent() -> None:
    assert units(
        "Drone operators of the BARS-31 Detachment (Russian Combat Army Reserve) are striking Ukrainian forces."
    ) == [("BARS-31 Detachment", 31, "other", "russian", None, None)]
    found = units(
        "Drone operators of the Russian 14th Spetsnaz Brigade (Russian General Staff’s Main Directorate [GRU]) and 37th Motorized Rifle Brigade (36th CAA, Eastern Military District [EMD]) are striking Ukrainian forces."
    )
    assert [(u[0], u[5]) for u in found] == [
        ("14th Spetsnaz Brigade", None),
        ("37th Motorized Rifle Brigade", "36th CAA"),
        ("36th CAA", "Eastern Military District"),
        ("Eastern Military District", None),
    ]


def test_of_the_and_including_its_set_parents() -> None:
    found = units(
        "Elements of the Russian 1427th Motorized Rifle Regiment (a mobilized element of the Russian Territorial Troops) advanced near Russkoye Porechnoye."
    )
    assert found == [
        ("1427th Motorized Rifle Regiment", 1427, "regiment", "russian", None, "Territorial Troops"),
        ("Territorial Troops", None, "other", "russian", None, None),
    ]
    found = units(
        "Drone operators of the Russian 98th VDV Division, including its 215th Separate Reconnaissance Battalion, are striking infrastructure."
    )
    assert found == [
        ("98th VDV Division", 98, "division", "russian", None, None),
        ("215th Separate Reconnaissance Battalion", 215, "battalion", "russian", None, "98th VDV Division"),
    ]
    found = units("Russian sources claimed that the 1st Battalion of the 155th Naval Infantry Brigade attacked.")
    assert [(u[0], u[5]) for u in found] == [
        ("1st Battalion", "155th Naval Infantry Brigade"),
        ("155th Naval Infantry Brigade", None),
    ]


def test_elements_of_the_and_nationality_words_are_not_in_the_text() -> None:
    found = units(
        "Elements of the Wagner Group and the Luhansk People’s Republic (LNR) People’s Militia conducted several assaults near Bakhmut."
    )
    assert [(u[0], u[2], u[3]) for u in found] == [
        ("Wagner Group", "group", "russian"),
        ("Luhansk People’s Republic (LNR) People’s Militia", "other", "russian"),
    ]
    assert units("Elements of the Russian 11th Airborne (VDV) Brigade are reportedly operating near Konovalova.")[0][
        :3
    ] == (
        "11th Airborne (VDV) Brigade",
        11,
        "brigade",
    )


def test_a_list_sharing_one_plural_head() -> None:
    claim = _claim("Russian sources claimed that the 810th and 155th Naval Infantry Brigades attacked near Kurakhove.")
    assert [(u.text, u.number, u.echelon.value) for u in claim.units] == [
        ("810th", 810, "brigade"),
        ("155th", 155, "brigade"),
    ]
    assert [u.key for u in claim.units] == ["810 naval infantry brigade", "155 naval infantry brigade"]
    claim = _claim("The 5th, 29th, and 35th Combined Arms Armies are regrouping in Belarus.")
    assert [(u.text, u.echelon.value) for u in claim.units] == [("5th", "army"), ("29th", "army"), ("35th", "army")]


@pytest.mark.parametrize(
    ("text", "number", "echelon"),
    [
        ("1st Guards Tank Army", 1, "army"),
        ("2nd Motorized Rifle Division", 2, "division"),
        ("3rd Army Corps", 3, "corps"),
        ("22nd Separate Guards Spetsnaz Brigade", 22, "brigade"),
        ("1427th Motorized Rifle Regiment", 1427, "regiment"),
        ("41st Combined Arms Army", 41, "army"),
        ("2nd Naval District", 2, "district"),
        ("36th CAA", 36, "army"),
    ],
)
def test_ordinals_with_their_suffixes(text: str, number: int, echelon: str) -> None:
    found = units(f"Elements of the Russian {text} continued operations near Pokrovsk.")
    assert found[0][:3] == (text, number, echelon)


def test_a_title_after_a_unit_is_not_in_its_text() -> None:
    found = units("Russian 22nd Army Corps Chief of Staff Colonel Ivan Petrov was reportedly killed.")
    assert found[0][:3] == ("22nd Army Corps", 22, "corps")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kataib Hezbollah claimed a drone attack on a US base.", [("Kataib Hezbollah", "group", "other")]),
        ("Saraya Awliya al Dam claimed the attack on Victory Base.", [("Saraya Awliya al Dam", "group", "other")]),
        ("Harakat Hezbollah al Nujaba threatened US forces.", [("Harakat Hezbollah al Nujaba", "group", "other")]),
        (
            "The United States sanctioned a company for supporting the IRGC Quds Force.",
            [("IRGC Quds Force", "other", "other")],
        ),
        ("The IRGC Ground Forces deployed units to the border.", [("IRGC Ground Forces", "other", "other")]),
        ("Hezbollah launched rockets at northern Israel.", [("Hezbollah", "group", "other")]),
        (
            "US Central Command (CENTCOM) stated that US forces struck Kharg Island.",
            [("US Central Command", "other", "other")],
        ),
        (
            "The IDF confirmed that it killed two senior Iranian Khatam ol Anbia Central Headquarters intelligence officials.",
            [("IDF", "other", "other"), ("Khatam ol Anbia Central Headquarters", "other", "other")],
        ),
        (
            "US efforts to mediate between the Syrian government and the Suwayda National Guard are yielding limited cooperation.",
            [("Suwayda National Guard", "group", "other")],
        ),
        (
            "The agreement between the Syrian Democratic Forces (SDF) and the Syrian government holds.",
            [("Syrian Democratic Forces", "group", "other")],
        ),
    ],
)
def test_iran_update_militias_and_irgc_units(sentence: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(u[0], u[2], u[3]) for u in units(sentence, IRAN)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian forces and Ukrainian troops clashed near the border.",
        "Russia has concentrated up to 45 battalion tactical groups (BTGs) in the area.",
        "The Russian MoD and the Ukrainian General Staff reported the strike.",
        "The Ukrainian Military Intelligence Directorate (GUR) reported the preparations.",
        "The LEC plays a central role in regime repression.",
        "The US Treasury sanctioned the Shahid Hemmat Industrial Group.",
        "The Syrian army and the US-Israeli combined force continued operations.",
    ],
)
def test_generic_forces_and_institutions_are_no_units(sentence: str) -> None:
    assert units(sentence, IRAN) == []


def test_a_place_that_is_also_a_units_name() -> None:
    claim = _claim("Ukrainian forces struck the Black Sea Fleet and the Dnipro Grouping of Forces near Kherson.")
    assert [u.text for u in claim.units] == ["Black Sea Fleet", "Dnipro Grouping of Forces"]
    assert [p.text for p in claim.places] == ["Kherson"]  # no "Black Sea", no "Dnipro" inside the names
    claim = _claim("Elements of the Leningrad Military District operate in the Kupyansk direction.")
    assert [u.text for u in claim.units] == ["Leningrad Military District"]
    assert [(p.text, p.kind.value) for p in claim.places] == [("Kupyansk direction", "direction")]


def test_an_affiliation_prefix_is_a_place_and_the_unit_its_own_name() -> None:
    claim = _claim(
        "Elements of the “Arbat” Special Purpose Battalion (Donetsk People’s Republic [DNR] “Pyatnashka” International Volunteer Brigade, 51st Combined Arms Army [CAA]) trained personnel."
    )
    assert [(u.text, u.parent.text if u.parent else None) for u in claim.units] == [
        ("“Arbat” Special Purpose Battalion", "“Pyatnashka” International Volunteer Brigade"),
        ("“Pyatnashka” International Volunteer Brigade", "51st Combined Arms Army"),
        ("51st Combined Arms Army", None),
    ]
    assert [(p.text, p.kind.value, p.relation) for p in claim.places] == [("Donetsk People’s Republic", "region", None)]


def test_sides() -> None:
    assert (
        units("Ukraine’s Southern Operational Command reported that Russian troops are regrouping.")[0][3]
        == "ukrainian"
    )
    assert units("Elements of the Ukrainian 47th Mechanized Brigade repelled an assault.")[0][3] == "ukrainian"
    assert units("Elements of the 1st Guards Tank Army attacked.")[0][3] == "russian"
    assert units("CENTCOM stated that it struck over 90 targets.", IRAN)[0][3] == "other"


# --- abbreviations and keys ------------------------------------------------------------------------------------


def test_the_report_glossary() -> None:
    report = _report(
        "Elements of the 44th Army Corps [AC] and the Leningrad Military District [LMD] attacked. "
        "The Russian Ministry of Defense (MoD) and the Donetsk People’s Republic [DNR] claimed the village. "
        "A first-person view (FPV) drone struck a car."
    )
    assert [(a.short, a.full) for a in report.abbreviations] == [
        ("AC", "Army Corps"),
        ("LMD", "Leningrad Military District"),
        ("MoD", "Ministry of Defense"),
        ("DNR", "Donetsk People’s Republic"),
        ("FPV", "first-person view"),
    ]
    for abbreviation in report.abbreviations:
        assert report.text[abbreviation.span.start : abbreviation.span.end] == abbreviation.short


def test_keys_join_the_printed_forms_of_one_formation_or_place() -> None:
    report = _report(
        "Elements of the Russian 1427th Guards Motorized Rifle Regiment [MRR] advanced near Kherson City. "
        "The 1427th MRR and the 1427th Motorized Rifle Regiment attacked in the Kherson Oblast countryside and in Kherson."
    )
    keys = {u.key for claim in report.claims for u in claim.units}
    assert keys == {"1427 motorized rifle regiment"}
    assert {p.key for claim in report.claims for p in claim.places if p.kind is bm.PlaceKind.SETTLEMENT} == {
        "settlement:kherson"
    }
    us = places("The U.S. and the United States and the US are one country.")
    assert len(us) == 3
    assert {p.key for p in _claim("The U.S. and the United States and the US are one country.").places} == {
        "country:united states"
    }


# --- the model -------------------------------------------------------------------------------------------------


def test_spans_hold_their_text_inside_their_claim(seed_text: str) -> None:
    for report in bm.parse_all(seed_text):
        for item in (*report.claims, *report.takeaways):
            for mention in (*item.places, *item.units):
                assert report.text[mention.span.start : mention.span.end] == mention.span.text == mention.text
                assert item.span.start <= mention.span.start <= mention.span.end <= item.span.end


def test_takeaways_have_places_and_units_too(seed_text: str) -> None:
    report = bm.parse_all(seed_text)[0]
    assert any(p.text == "Kursk Oblast" for t in report.takeaways for p in t.places)


def test_a_claim_made_in_code_is_read_alone() -> None:
    text = "Russian forces attacked near Plekhovo (south of Sudzha)."
    claim = bm.Claim(text=text, span=bm.Span(start=10, end=10 + len(text), text=text, line=2, column=3))
    assert [(p.text, p.span.start, p.span.column, p.anchor.text if p.anchor else None) for p in claim.places] == [
        ("Plekhovo", 39, 32, "Sudzha"),
        ("Sudzha", 58, 51, None),
    ]


def test_entities_are_derived_not_stored() -> None:
    report = _report("Elements of the 44th Army Corps [AC] attacked near Plekhovo (south of Sudzha).")
    data = bm.to_json(report)
    assert set(bm.to_dict(report)["claims"][0]) == {
        "text",
        "span",
        "citations",
        "attribution",
        "stance",
        "hedges",
        "dates",
    }
    again = bm.from_json(data)
    assert again == report
    assert again.claims[0].places == report.claims[0].places
    assert again.abbreviations == report.abbreviations


def test_a_claim_outliving_its_report_is_read_alone() -> None:
    claim = _report("Russian forces attacked near Plekhovo (south of Sudzha).").claims[0]
    assert [p.text for p in claim.places] == ["Plekhovo", "Sudzha"]


def test_the_link_from_claims_to_their_report_goes_with_the_claims() -> None:
    from briefmodel._model import deferred

    before = len(deferred._OWNERS)
    report = _report("Russian forces attacked near Plekhovo (south of Sudzha). The 1427th MRR advanced.")
    claims = report.claims
    assert len(deferred._OWNERS) == before + len(claims)
    del report
    assert [p.text for p in claims[0].places] == ["Plekhovo", "Sudzha"]  # read after the report object went
    del claims
    assert len(deferred._OWNERS) == before


def test_the_rows_of_the_places_and_units_tables() -> None:
    report = _report(
        "Elements of the 44th Army Corps [AC] (Leningrad Military District) attacked near Plekhovo (south of Sudzha)."
    )
    rows = entity_rows(report, "r-1")
    assert TABLES == ("places", "units")
    for table in TABLES:
        assert rows[table]
        for row in rows[table]:
            assert list(row) == list(COLUMNS[table])
    assert [(r["text"], r["anchor"], r["anchor_key"]) for r in rows["places"]] == [
        ("Plekhovo", 1, "settlement:sudzha"),
        ("Sudzha", None, None),
    ]
    assert [(r["text"], r["parent"], r["parent_key"], r["claim"]) for r in rows["units"]] == [
        ("44th Army Corps", 1, "leningrad military district", 0),
        ("Leningrad Military District", None, None, 0),
    ]


def test_show_lists_the_places_and_units_most_named_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "brief.txt"
    path.write_text(
        ROCA
        + "Russian forces attacked near Lyman and in Kharkiv Oblast near Vovchansk. Russian forces attacked Lyman.\n\n"
        "Elements of the 1st Guards Tank Army [GTA] (Moscow Military District [MMD]) attacked near Lyman.\n",
        encoding="utf-8",
    )
    assert main(["show", "--places", "--units", str(path)]) == 0
    shown = capsys.readouterr().out
    assert "places: 5 mentions of 3 places" in shown
    assert shown.index("settlement  Lyman") < shown.index("settlement  Vovchansk (Kharkiv Oblast)")
    assert "units: 2 mentions of 2 formations" in shown
    assert "army       russian    1st Guards Tank Army ← Moscow Military District" in shown
    assert main(["show", str(path)]) == 0
    assert "places:" not in capsys.readouterr().out

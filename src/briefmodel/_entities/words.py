"""The vocabulary the entity readers share: place classifiers, unit head nouns, countries, demonyms, and the
words that tell a place from a person, an outlet or an institution.

No gazetteer: the readers take places from the shapes of the prose (a name after
``near``, a name with ``Oblast``, ``X (south of Y)``). The lists here are the
closed classes those shapes need: the world's countries and capitals (named as
actors without any preposition), a few historical regions, and the words of
ISW's order of battle.
"""

from briefmodel._model.entities import Echelon, PlaceKind

__all__ = [
    "AREA_NOUNS",
    "ARMED_GROUPS",
    "ARMED_GROUP_PREFIXES",
    "ATTACK_WORDS",
    "BODY_WORDS",
    "CAPITALS",
    "COMPASS",
    "COUNTRIES",
    "COUNTRY_ACRONYMS",
    "DEMONYMS",
    "DEMONYM_SIDES",
    "EXCLUDED_NAMES",
    "INSTITUTION_WORDS",
    "LOWER_CLASSIFIERS",
    "MACRO_REGIONS",
    "MEDIA_WORDS",
    "MONTHS",
    "OF_HEADS",
    "PLACE_CLASSIFIERS",
    "PLACE_PREFIXES",
    "PREPOSITIONS",
    "REGIONS",
    "SETTLEMENT_NOUNS",
    "SKIP_BEFORE",
    "THE_COUNTRIES",
    "TITLE_WORDS",
    "UNIT_ACRONYMS",
    "UNIT_HEADS",
    "is_demonym",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- places ------------------------------------------------------------------------------------------------

PLACE_CLASSIFIERS: dict[str, PlaceKind] = {
    **dict.fromkeys(
        ["Oblast", "Oblasts", "Province", "Provinces", "Governorate", "Krai", "Region", "Okrug", "Republic"],
        PlaceKind.REGION,
    ),
    **dict.fromkeys(
        ["Raion", "District", "Hromada", "Neighborhood", "Neighbourhood", "Microraion", "Municipality"],
        PlaceKind.DISTRICT,
    ),
    "City": PlaceKind.SETTLEMENT,
    **dict.fromkeys(
        [
            "River",
            "Sea",
            "Strait",
            "Straits",
            "Gulf",
            "Reservoir",
            "Lake",
            "Canal",
            "Bay",
            "Lagoon",
            "Estuary",
            "Ocean",
            "Channel",
        ],
        PlaceKind.WATER,
    ),
    **dict.fromkeys(
        [
            "Plant",
            "HPP",
            "NPP",
            "TPP",
            "CHP",
            "CHPP",
            "Base",
            "Airbase",
            "Airport",
            "Airfield",
            "Port",
            "Bridge",
            "Highway",
            "Railway",
            "Station",
            "Zone",
            "Complex",
            "Depot",
            "Refinery",
            "Terminal",
            "Dam",
            "Facility",
            "Factory",
            "Shipyard",
            "Arsenal",
            "Compound",
            "Harbor",
            "Harbour",
            "Pipeline",
            "Crossing",
        ],
        PlaceKind.FACILITY,
    ),
    **dict.fromkeys(
        ["Island", "Islands", "Peninsula", "Heights", "Belt", "Desert", "Valley", "Mountains"], PlaceKind.OTHER
    ),
    **dict.fromkeys(["Direction", "Axis", "Front"], PlaceKind.DIRECTION),
}
"""A capitalised last word that makes a name a place of a kind (``Kursk Oblast``, ``Kakhovka HPP``)."""

PLACE_PREFIXES: dict[str, PlaceKind] = {
    "Port": PlaceKind.FACILITY,
    "Camp": PlaceKind.FACILITY,
    "Fort": PlaceKind.FACILITY,
    "Strait": PlaceKind.WATER,
    "Sea": PlaceKind.WATER,
    "Gulf": PlaceKind.WATER,
    "Lake": PlaceKind.WATER,
    "Mount": PlaceKind.OTHER,
}
"""A first word that makes a name a place (``Port of Tartus``, ``Camp Arifjan``, ``Strait of Hormuz``)."""

LOWER_CLASSIFIERS: dict[str, PlaceKind] = {
    "direction": PlaceKind.DIRECTION,
    "”direction”": PlaceKind.DIRECTION,
    "“direction”": PlaceKind.DIRECTION,
    "axis": PlaceKind.DIRECTION,
    "tactical area": PlaceKind.DIRECTION,
    "tactical direction": PlaceKind.DIRECTION,
    "operational direction": PlaceKind.DIRECTION,
    "front": PlaceKind.DIRECTION,
    "line": PlaceKind.DIRECTION,
    "area": PlaceKind.DIRECTION,
    "district": PlaceKind.DISTRICT,
    "neighborhood": PlaceKind.DISTRICT,
    "neighbourhood": PlaceKind.DISTRICT,
    "microraion": PlaceKind.DISTRICT,
    "hromada": PlaceKind.DISTRICT,
    "raion": PlaceKind.DISTRICT,
    "highway": PlaceKind.FACILITY,
    "road": PlaceKind.FACILITY,
    "missile base": PlaceKind.FACILITY,
    "air base": PlaceKind.FACILITY,
    "airbase": PlaceKind.FACILITY,
    "naval base": PlaceKind.FACILITY,
    "military base": PlaceKind.FACILITY,
    "border": PlaceKind.OTHER,
    "oblast": PlaceKind.REGION,
    "oblasts": PlaceKind.REGION,
    "provinces": PlaceKind.REGION,
    "regions": PlaceKind.REGION,
    "raions": PlaceKind.DISTRICT,
    "countryside": PlaceKind.REGION,
}
"""A lower-case classifier printed after a name. ``area`` and ``line`` make a direction only after a sector
name (``Avdiivka-Donetsk City area``); ``countryside`` and the plural heads are not part of the text."""

SHARED_HEADS = _words("oblasts provinces regions raions countryside")

COUNTRIES: dict[str, str] = {}
"""A country's printed name → its canonical name (``U.S.`` → ``united states``)."""
for _name in (
    "Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh "
    "Belarus Belgium Belize Benin Bhutan Bolivia Botswana Brazil Brunei Bulgaria Burundi Cambodia Cameroon Canada "
    "Chad Chile China Colombia Comoros Croatia Cuba Cyprus Czechia Denmark Djibouti Ecuador Egypt Eritrea Estonia "
    "Eswatini Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea "
    "Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan "
    "Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein "
    "Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Moldova Monaco "
    "Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua Niger Nigeria Norway "
    "Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda "
    "Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland "
    "Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Türkiye Turkmenistan Tuvalu Uganda "
    "Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe Britain"
).split():
    COUNTRIES[_name] = _name.casefold()
COUNTRIES.update(
    {
        "United States": "united states",
        "United States of America": "united states",
        "US": "united states",
        "U.S.": "united states",
        "USA": "united states",
        "United Kingdom": "united kingdom",
        "UK": "united kingdom",
        "U.K.": "united kingdom",
        "Britain": "united kingdom",
        "Great Britain": "united kingdom",
        "PRC": "china",
        "People’s Republic of China": "china",
        "People's Republic of China": "china",
        "Russian Federation": "russia",
        "North Korea": "north korea",
        "DPRK": "north korea",
        "South Korea": "south korea",
        "United Arab Emirates": "united arab emirates",
        "UAE": "united arab emirates",
        "Saudi Arabia": "saudi arabia",
        "South Africa": "south africa",
        "South Sudan": "south sudan",
        "New Zealand": "new zealand",
        "Sri Lanka": "sri lanka",
        "Costa Rica": "costa rica",
        "El Salvador": "el salvador",
        "North Macedonia": "north macedonia",
        "Czech Republic": "czechia",
        "Bosnia and Herzegovina": "bosnia and herzegovina",
        "Ivory Coast": "ivory coast",
        "Burkina Faso": "burkina faso",
        "Central African Republic": "central african republic",
        "Dominican Republic": "dominican republic",
        "Equatorial Guinea": "equatorial guinea",
        "Papua New Guinea": "papua new guinea",
        "Sierra Leone": "sierra leone",
        "East Timor": "east timor",
        "Vatican": "vatican",
    }
)

COUNTRY_ACRONYMS = _words("US U.S. USA UK U.K. PRC UAE DPRK")
"""Countries printed as acronyms: nouns are places, attributive uses (``US forces``, ``the PRC consulate``) not."""

CAPITALS = _words(
    "Moscow Kyiv Kiev Minsk Tehran Damascus Beijing Baghdad Beirut Jerusalem Ankara Riyadh Doha Sanaa Cairo Amman "
    "Tbilisi Yerevan Baku Chisinau Warsaw Berlin Paris London Brussels Geneva Istanbul Dubai Muscat Manama "
    "Pyongyang Seoul Tokyo Vienna Rome Budapest Bratislava Helsinki Stockholm Oslo Vilnius Riga Tallinn Bucharest "
    "Sofia Prague Kabul Islamabad Tashkent Astana Dushanbe Bishkek Ashgabat Tripoli Khartoum Havana Caracas Delhi "
    "Abu Dhabi Tel Aviv Kuwait City Mecca Medina Karachi Lviv Odesa Odessa Kharkiv Dnipro Zaporizhzhia Sevastopol "
    "Belgorod Kursk Bryansk Rostov-on-Don Krasnodar Novorossiysk St. Petersburg Donetsk Luhansk Mariupol Kherson"
) | frozenset({"Abu Dhabi", "Tel Aviv", "Kuwait City", "St. Petersburg", "New Delhi", "Washington, DC"})
"""World capitals and the largest cities of the wars the reports cover: named as actors ("Damascus aims …")."""

REGIONS = _words(
    "Donbas Donbass Crimea Transnistria Abkhazia Kurdistan Gaza Sinai Chechnya Dagestan Kashmir Galilee Karabakh "
    "Nagorno-Karabakh Siberia Bessarabia Kuban Baluchistan Khuzestan Idlib"
) | frozenset(
    {
        "South Ossetia",
        "North Ossetia",
        "West Bank",
        "Gaza Strip",
        "Iraqi Kurdistan",
        "Golan Heights",
        "Northern Ireland",
    }
)
"""Historical and proxy regions named without a classifier."""

MACRO_REGIONS = frozenset(
    {
        "Middle East",
        "Gulf States",
        "Near East",
        "Far East",
        "Levant",
        "Caucasus",
        "North Caucasus",
        "South Caucasus",
        "Balkans",
        "Baltics",
        "Baltic States",
        "Sahel",
        "Horn of Africa",
        "Arabian Peninsula",
        "Central Asia",
        "Eastern Europe",
        "Western Europe",
        "Central Europe",
        "Europe",
        "Africa",
        "Asia",
        "North Africa",
        "East Asia",
        "Indo-Pacific",
        "Arctic",
        "Scandinavia",
        "Persian Gulf",
        "Red Sea",
        "Black Sea",
        "Baltic Sea",
        "Sea of Azov",
        "Caspian Sea",
        "Mediterranean",
        "Mediterranean Sea",
        "Arabian Sea",
        "Gulf of Oman",
        "Gulf of Aden",
        "Sea of Japan",
        "Indian Ocean",
    }
)
"""Macro-regions (kind other) and well-known seas (kind water, from their classifier)."""

ARTICLE_KINDS = frozenset({PlaceKind.WATER, PlaceKind.COUNTRY})
"""Kinds whose printed ``the`` is part of the text (with the proxy republics and the macro-regions)."""

# --- the words around a name -------------------------------------------------------------------------------

COMPASS: dict[str, str] = {}
for _d in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"):
    COMPASS[_d] = _d
    COMPASS[_d + "ern"] = _d
    COMPASS[_d.capitalize()] = _d
for _d in ("northeast", "northwest", "southeast", "southwest"):
    COMPASS[_d[:5] + "-" + _d[5:]] = _d
    COMPASS[_d[:5].capitalize() + "-" + _d[5:]] = _d
del _d

PREPOSITIONS: dict[str, str | None] = {
    "in": "in",
    "In": "in",
    "inside": "in",
    "Inside": "in",
    "throughout": "in",
    "at": "at",
    "At": "at",
    "on": "on",
    "On": "on",
    "onto": "on",
    "near": "near",
    "Near": "near",
    "around": "near",
    "Around": "near",
    "nearby": "near",
    "within": "within",
    "Within": "within",
    "toward": "toward",
    "towards": "toward",
    "Toward": "toward",
    "Towards": "toward",
    "to": "to",
    "To": "to",
    "into": "into",
    "Into": "into",
    "from": "from",
    "From": "from",
    "across": "across",
    "Across": "across",
    "along": "along",
    "Along": "along",
    "alongside": None,
    "through": "through",
    "Through": "through",
    "via": "through",
    "Via": "through",
    "over": "over",
    "Over": "over",
    "off": "off",
    "against": "against",
    "Against": "against",
    "between": "between",
    "Between": "between",
    "beyond": "beyond",
    "Beyond": "beyond",
    "outside": "outside",
    "Outside": "outside",
    "by": None,
    "with": None,
    "for": None,
    "of": None,
    "about": None,
    "than": None,
    "like": None,
}
"""A word before a place → the relation it gives (``None``: it gives none)."""

STRONG_PREPOSITIONS = frozenset({"near", "toward", "within", "between", "across", "along", "into", "outside", "beyond"})
"""Relations after which any capitalised name is a place."""

AREA_NOUNS = _words(
    "area areas outskirts outskirt bank banks coast coastline countryside part parts territory territories "
    "frontline region regions entrance entrances vicinity environs suburbs suburb edge edges side sides shore "
    "shores periphery section sections center centre heart approaches approach direction outskirts’ districts"
)
"""Nouns a place completes with ``of`` (``in the eastern outskirts of Soledar``): the preposition before them
is the relation."""

SETTLEMENT_NOUNS = _words("settlement village town city hamlet")

TITLE_WORDS = _words(
    "President Presidential Adviser Advisor Minister Spokesperson Spokesman Deputy Governor Head Commander General "
    "Colonel Lieutenant Major Captain Sergeant Admiral Ambassador Secretary Director Chairman Chief Mayor Senator "
    "Speaker Prime Supreme Leader Sheikh Ayatollah Patriarch Metropolitan Representative Envoy Officer Chancellor "
    "King Queen Prince Princess Emir Sultan Crown Pope"
)
"""Titles before a person's name: a name that starts with one is no place (``Presidential Adviser Oleksiy
Arestovych``)."""

THE_COUNTRIES = frozenset(
    {
        "United States",
        "US",
        "U.S.",
        "USA",
        "United Kingdom",
        "UK",
        "U.K.",
        "PRC",
        "Russian Federation",
        "People’s Republic of China",
        "People's Republic of China",
        "UAE",
        "United Arab Emirates",
        "DPRK",
        "Netherlands",
        "Philippines",
        "Gambia",
        "Bahamas",
        "Czech Republic",
        "Central African Republic",
        "Dominican Republic",
        "United States of America",
    }
)
"""Countries named with ``the``: the printed article is part of their text (``the United States``)."""
"""``the village of X``: X is a settlement."""

SKIP_BEFORE = _words(
    "the a an The its their his her this that these those occupied Russian-occupied Ukrainian-held "
    "Russian-held Ukrainian-controlled Russian-controlled historically key strategic small large major "
    "central northern southern eastern western northeastern northwestern southeastern southwestern north-eastern "
    "north-western south-eastern south-western near-rear itself upper lower greater immediate neighboring "
    "neighbouring nearby adjacent"
)
"""Words that may stand between a preposition and the name it governs."""

ATTACK_WORDS = _words(
    "strike strikes struck attack attacks attacked assault assaults assaulted offensive offensives campaign "
    "raid raids shelling shelled operations operation missile drone drones launches launched fire advance "
    "advances push pushes counteroffensive counterattacks counterattack bombing bombings airstrike airstrikes "
    "aggression war"
)
"""Words before ``on`` / ``against`` that make them physical (``strike against Ukraine``)."""

NONSPATIAL_TO = _words(
    "according due threat threats similar relative compared contrary prior referring committed loyal allegiance "
    "loyalty reported report reports reporting subordinate subordinated answer answers answerable adviser advisor "
    "advisers letter message appeal appealed responded response linked tied connected belonging belongs "
    "pertaining owing thanks respect regard addition proximity close next up ahead back access"
)
"""Words before ``to`` that make it no spatial relation (``according to``, ``a threat to the U.S.``)."""

MONTHS = _words(
    "January February March April May June July August September October November December Jan Feb Mar Apr Jun "
    "Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
)

EXCLUDED_NAMES = _words(
    "Kremlin West NATO EU UN ISW CTP ISW-CTP CTP-ISW AEI OSINT GEOINT FPV Telegram Facebook Twitter X YouTube "
    "VKontakte TikTok Instagram WhatsApp Reuters TASS RIA Axios CNN BBC Fox AP AFP Bloomberg Maxar Planet I We He "
    "She It They The A An This That These Those There Here Some Several Many Most Other Another Both All Each "
    "Such Any No Geolocated Footage Order Battle Unconfirmed Assessed Refinement Satellite Commercially Note NOTE "
    "Toplines Endnotes Key Takeaways Sourcing ET EST PM AM Previous Next Iran-backed Iranian-backed Western "
    "Eastern Northern Southern Supreme Leader President Prime Minister Deputy Governor Head Mayor Commander "
    "General Colonel Admiral Lieutenant Major Sergeant Captain Sheikh Spokesperson Chief Secretary Director "
    "Ambassador Speaker Senator Minister Press Office Ministry Staff Duma Council Parliament Government "
    "Administration God Allah Islam Islamic Christian Muslim Shia Sunni Jewish Orthodox Catholic"
) | frozenset(
    {
        "White House",
        "Pentagon",
        "Ukrainian General Staff",
        "General Staff",
        "State Department",
        "North Korean",
        "South Korean",
        "North Koreans",
        "South Koreans",
    }
)
"""Capitalised words that are never places or units by themselves (institutions, outlets, titles, labels)."""

MEDIA_WORDS = _words(
    "Post Times Journal Telegraph Tribune Herald Gazette Today News Daily Radio Liberty Channel TV Television "
    "Press Wire Review Examiner Observer Guardian Independent Izvestia Kommersant Vedomosti Pravda Insider Media "
    "Network Agency Broadcasting Broadcasting Corporation Economist Politico Intelligencer Intl International"
)
"""Last words of an outlet's name (``Washington Post``): the place inside it is not listed."""

BODY_WORDS = _words(
    "Head Heads Governor Governors Mayor Mayors Administration Office Prosecutor’s Prosecutor Council Committee "
    "Supreme Telegram Authorities Authority Occupation Military Police Court Assembly Government Deputy "
    "Officials Official Residents Legal Regional City Interim Provisional Governorate’s Legislative Duma "
    "Election Elections Commission Security Emergency Emergencies Department"
)
"""Words after a place name that make the rest a body or a title of that place (``Luhansk Oblast Head Serhiy
Haidai``, ``Kharkiv Oblast Prosecutor’s Office``): the place is listed, the rest is not."""

INSTITUTION_WORDS = _words(
    "Ministry Staff Directorate Department Agency Service Services Kremlin Police Committee Council Company "
    "Companies Corporation Industries Industrial Organization Bureau Office Inspectorate Administration "
    "Intelligence Rosgvardia Duma Parliament Government Cabinet Court Prosecutor Prosecutor’s Bank University "
    "Institute Foundation Party Movement Union Association Academy Commission Embassy Consulate Secretariat "
    "Enforcement Security Treasury"
)
"""Words that make a name an institution, never a unit (the MoD, the General Staff, the GUR, the LEC)."""

OF_HEADS = _words(
    "Strait Straits Sea Gulf Bay Port Republic Grouping Group Ministry Department Institute Axis Assembly Kingdom "
    "Sea’s Isle Islands Island Federation Emirate Emirates States Study Center Centre Horn Battle Siege "
    "Liberation Commander Chief Head Guards Guardians Defenders Army Party Cape Mount Gate Bank Lake Valley Hall"
)
"""Words a name continues after with ``of`` (``Strait of Hormuz``, ``Southern Grouping of Forces``)."""

EVENT_HEADS = _words("Battle Siege Liberation Commander Chief Head Defenders")
"""``Battle of Severodonetsk``: the place after ``of`` is listed, the event is not."""

# --- units ---------------------------------------------------------------------------------------------------

UNIT_HEADS: dict[str, Echelon] = {
    "Squad": Echelon.SQUAD,
    "Squads": Echelon.SQUAD,
    "Platoon": Echelon.PLATOON,
    "Platoons": Echelon.PLATOON,
    "Company": Echelon.COMPANY,
    "Companies": Echelon.COMPANY,
    "Battalion": Echelon.BATTALION,
    "Battalions": Echelon.BATTALION,
    "battalion": Echelon.BATTALION,
    "Regiment": Echelon.REGIMENT,
    "Regiments": Echelon.REGIMENT,
    "Brigade": Echelon.BRIGADE,
    "Brigades": Echelon.BRIGADE,
    "Division": Echelon.DIVISION,
    "Divisions": Echelon.DIVISION,
    "Corps": Echelon.CORPS,
    "Army": Echelon.ARMY,
    "Armies": Echelon.ARMY,
    "District": Echelon.DISTRICT,
    "Districts": Echelon.DISTRICT,
    "Fleet": Echelon.FLEET,
    "Flotilla": Echelon.FLEET,
    "Group": Echelon.GROUP,
    "Grouping": Echelon.GROUP,
    "Groups": Echelon.GROUP,
    "Forces": Echelon.OTHER,
    "Force": Echelon.OTHER,
    "Command": Echelon.OTHER,
    "Headquarters": Echelon.OTHER,
    "Detachment": Echelon.OTHER,
    "detachment": Echelon.OTHER,
    "Detachments": Echelon.OTHER,
    "Center": Echelon.OTHER,
    "Centre": Echelon.OTHER,
    "Militia": Echelon.OTHER,
    "Guard": Echelon.OTHER,
    "Troops": Echelon.OTHER,
    "Navy": Echelon.OTHER,
    "Squadron": Echelon.OTHER,
    "Squadrons": Echelon.OTHER,
    "Marines": Echelon.OTHER,
    "Unit": Echelon.OTHER,
}
"""A formation's head noun → its echelon (``District`` only in ``… Military District``, ``Company`` and
``Group`` only with a number or a military word: a ``Company`` or ``Industrial Group`` is a firm)."""

UNIT_ACRONYMS: dict[str, tuple[str, Echelon]] = {
    "CAA": ("Combined Arms Army", Echelon.ARMY),
    "GTA": ("Guards Tank Army", Echelon.ARMY),
    "TA": ("Tank Army", Echelon.ARMY),
    "AC": ("Army Corps", Echelon.CORPS),
    "MRR": ("Motorized Rifle Regiment", Echelon.REGIMENT),
    "MRD": ("Motorized Rifle Division", Echelon.DIVISION),
    "MRB": ("Motorized Rifle Brigade", Echelon.BRIGADE),
    "NIB": ("Naval Infantry Brigade", Echelon.BRIGADE),
    "TD": ("Tank Division", Echelon.DIVISION),
    "MD": ("Military District", Echelon.DISTRICT),
    "SMD": ("Southern Military District", Echelon.DISTRICT),
    "LMD": ("Leningrad Military District", Echelon.DISTRICT),
    "MMD": ("Moscow Military District", Echelon.DISTRICT),
    "EMD": ("Eastern Military District", Echelon.DISTRICT),
    "CMD": ("Central Military District", Echelon.DISTRICT),
    "BSF": ("Black Sea Fleet", Echelon.FLEET),
    "IDF": ("Israel Defense Forces", Echelon.OTHER),
    "CENTCOM": ("US Central Command", Echelon.OTHER),
    "EUCOM": ("US European Command", Echelon.OTHER),
    "AFRICOM": ("US Africa Command", Echelon.OTHER),
    "INDOPACOM": ("US Indo-Pacific Command", Echelon.OTHER),
    "SDF": ("Syrian Democratic Forces", Echelon.GROUP),
    "HTS": ("Hayat Tahrir al Sham", Echelon.GROUP),
    "IRGC": ("Islamic Revolutionary Guards Corps", Echelon.OTHER),
    "PMF": ("Popular Mobilization Forces", Echelon.GROUP),
    "LAF": ("Lebanese Armed Forces", Echelon.OTHER),
    "SAA": ("Syrian Arab Army", Echelon.OTHER),
    "IAF": ("Israeli Air Force", Echelon.OTHER),
    "SSO": ("Special Operations Forces", Echelon.OTHER),
    "VDV": ("Airborne Forces", Echelon.OTHER),
    "AFU": ("Armed Forces of Ukraine", Echelon.OTHER),
    "ZSU": ("Armed Forces of Ukraine", Echelon.OTHER),
    "KH": ("Kataib Hezbollah", Echelon.GROUP),
}
"""Acronyms that name a unit (``36th CAA``) or a formation type, spelled out for keys; a report's own
definition (``Report.abbreviations``) comes first."""

ARMED_GROUPS: dict[str, Echelon] = {
    "Wagner": Echelon.GROUP,
    "Wagner Group": Echelon.GROUP,
    "Hezbollah": Echelon.GROUP,
    "Lebanese Hezbollah": Echelon.GROUP,
    "Houthis": Echelon.GROUP,
    "Hamas": Echelon.GROUP,
    "Hayat Tahrir al Sham": Echelon.GROUP,
    "Islamic State": Echelon.GROUP,
    "ISIS": Echelon.GROUP,
    "ISIL": Echelon.GROUP,
    "Ansar Allah": Echelon.GROUP,
    "Badr Organization": Echelon.GROUP,
    "Africa Corps": Echelon.CORPS,
    "Basij": Echelon.OTHER,
    "Artesh": Echelon.OTHER,
    "Taliban": Echelon.GROUP,
    "al Shabaab": Echelon.GROUP,
    "Palestinian Islamic Jihad": Echelon.GROUP,
    "Islamic Resistance in Iraq": Echelon.GROUP,
    "Syrian Democratic Forces": Echelon.GROUP,
    "Popular Mobilization Forces": Echelon.GROUP,
    "Free Syrian Army": Echelon.GROUP,
    "Syrian National Army": Echelon.GROUP,
}
"""Named armed groups (a shape cannot tell them), with their echelon."""

ARMED_GROUP_PREFIXES = _words("Kataib Kataeb Saraya Harakat Asaib Asaeb Liwa Jaish Faylaq Quwat Firqat Alwiya Ansar")
"""First words of Iraqi, Syrian and Lebanese militias' names (``Kataib Hezbollah``, ``Saraya Awliya al Dam``)."""

UNIT_WORDS = _words(
    "Motorized Motor Rifle Tank Guards Airborne Assault Air Naval Infantry Marine Spetsnaz Artillery Rocket "
    "Missile Reconnaissance Separate Mechanized Special Purpose Operations Operational Combined Arms Territorial "
    "Volunteer Defense Defence Armored Armoured Mountain Engineer Sapper Signal Drone Unmanned Combat Jaeger "
    "Aviation Helicopter Fighter Bomber Storm Shock Rapid Reaction Military Ground Aerospace Mobilization Popular "
    "Expeditionary Quds Radwan Coastal Border Presidential Interior Strategic Tactical "
    "Anti-Aircraft Electronic Warfare Sniper Commando Commandos Infantry"
)
"""Words of a formation's name: a ``Group``, ``Company`` or ``Center`` with one is a unit."""

RUSSIAN_WORDS = _words(
    "Motorized Guards Spetsnaz VDV Wagner Akhmat Territorial Grouping Sever-Akhmat Rosgvardia Storm-Z Pyatnashka"
)
UKRAINIAN_WORDS = _words("Mechanized Jaeger Azov Presidential Operational")

DEMONYM_SIDES: dict[str, str] = {
    "Russian": "russian",
    "Russia’s": "russian",
    "Chechen": "russian",
    "DNR": "russian",
    "LNR": "russian",
    "Belarusian": "russian",
    "Ukrainian": "ukrainian",
    "Ukraine’s": "ukrainian",
}
"""Nationality words before a unit that tell its side (others give ``other``)."""

DEMONYMS = _words(
    "Russian Ukrainian Iranian Israeli Iraqi Syrian Lebanese Kurdish Druze Emirati Saudi Qatari Omani Yemeni "
    "Chinese American British European Belarusian Chechen Georgian Turkish Houthi Baloch Arab Persian Suwaydawi "
    "Jordanian Egyptian Libyan Afghan Pakistani Indian Japanese Korean French German Polish Italian Spanish "
    "Dutch Belgian Swedish Finnish Norwegian Danish Estonian Latvian Lithuanian Moldovan Romanian Hungarian "
    "Slovak Czech Bulgarian Serbian Croatian Armenian Azerbaijani Azeri Kazakh Uzbek Tajik Kyrgyz Turkmen "
    "Bahraini Kuwaiti Palestinian Sudanese Somali Ethiopian Eritrean Tunisian Algerian Moroccan "
    "Soviet Yazidi Alawite Shia Shiite Sunni Sudanese Malian Nigerien Libyan Cypriot Greek Canadian Australian "
    "US-Israeli Israeli-US Pro-Russian pro-Russian Pro-Ukrainian Anti-regime Ossetian Abkhaz Tatar "
    "Crimean Kyrgyzstani Uyghur Kurdistani Lebanese-Syrian Iraqi-Kurdish Iranian-backed Iran-backed"
)


def is_demonym(word: str) -> bool:
    """A nationality word or adjective (``Russian``, ``Iranian-backed``), not a place name."""
    if word in DEMONYMS:
        return True
    _, dash, tail = word.partition("-")
    return bool(dash) and tail[:1].islower()  # Russian-occupied, US-backed, SDF-affiliated

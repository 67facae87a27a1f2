"""Actor names, tolls and years in event sentences: word lists and number patterns, data rather than logic.

Which sentences report which ACLED sub-event type is no longer here: triggers, lexicons and conditions
are rule files (``data/events/<language>.json``) read by ``rules``. What stays are the names actors take
(``actors``), the words that count the dead (``fatalities``) and the years that date a sentence.
"""

from __future__ import annotations

import re

# A year before the report's: background ("took control of the north in early 2012").
BACKGROUND_YEAR = re.compile(r"\b(?:in|since|during|until|by|of|from|a|the)\s+(?:early |late |mid-?)?(?:\w+\s+)?((?:19|20)\d\d)\b", re.I)


# Nouns after a nationality that name state forces, and the ACLED name pattern they take.
MILITARY_NOUNS = frozenset("""forces force troops army armies military soldiers servicemen navy marines paratroopers
    defenders brigade battalion units artillery aviation jets warplanes drones invaders occupiers missile missiles
    strike strikes airstrike airstrikes shelling rockets rocket bombardment offensive assault tank tanks aircraft drone
    helicopter helicopters warship warships gunboats patrol patrols convoy bomb bombs shells assaults attacks""".split())
POLICE_NOUNS = frozenset("police policemen officers gendarmerie gendarmes".split())
# ACLED gives state forces the years of the government they serve; the two the seed needs, and a few more.
STATE_YEARS = {"RU": " (2000-)", "UA": " (2019-)", "IL": " (2022-)", "US": " (2021-)", "SY": " (2024-)"}

# Non-state armed groups often named in the news, with ACLED-style names.
NAMED_GROUPS: tuple[tuple[str, str], ...] = (
    (r"\bal[- ]shabaa?b\b", "Al Shabaab"),
    (r"\bhouthis?\b|\bansar allah\b", "Houthi Movement"),
    (r"\bhamas\b", "Hamas Movement"),
    (r"\bhezbollah\b", "Hezbollah"),
    (r"\b(?:islamic state|isis|isil|daesh)\b", "Islamic State"),
    (r"\bboko haram\b", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
    (r"\btaliban\b", "Taliban"),
    (r"\bwagner\b", "Wagner Group"),
    (r"\b(?:eln|national liberation army)\b", "ELN: National Liberation Army"),
    (r"\bfarc\b", "FARC: Revolutionary Armed Forces of Colombia"),
    (r"\b(?:tplf|tigray people.s liberation front)\b", "TPLF: Tigray People's Liberation Front"),
    (r"\b(?:rsf|rapid support forces)\b", "RSF: Rapid Support Forces"),
    (r"\b(?:pkk|kurdistan workers.? party)\b", "PKK: Kurdistan Workers Party"),
    (r"\b(?:m23|march 23 movement)\b", "M23: March 23 Movement"),
    (r"\b(?:tnla|ta.ang national liberation army)\b", "TNLA: Ta'ang National Liberation Army"),
    (r"\b(?:cjng|jalisco new generation cartel)\b", "CJNG: Jalisco New Generation Cartel"),
    (r"\bsinaloa cartel\b", "Sinaloa Cartel"),
    (r"\bviv ansanm\b", "Viv Ansanm"),
    (r"\b(?:jnim|group for (?:the )?support of islam and muslims)\b", "JNIM: Group for Support of Islam and Muslims"),
    (r"\b(?:hts|hayat tahrir al[- ]sham)\b", "HTS: Hayat Tahrir al Sham"),
    (r"\b(?:adf|allied democratic forces)\b", "ADF: Allied Democratic Forces"),
    (r"\barakan army\b", "AA: Arakan Army"),
    (r"\bcodeco\b", "CODECO: Cooperative for the Development of Congo"),
)
# Criminal gangs with no name: ACLED's "Unidentified Gang (Country)".
GANGS = re.compile(r"\b(?:gangs?|gang members|gangsters|cartel gunmen|cartel members)\b")
UNIDENTIFIED = re.compile(r"\b(?:gunmen|militants|jihadists|insurgents|assailants|attackers|armed men|bandits|rebels|"
                          r"guerrillas|terrorists|separatists|extremists|armed groups?|"
                          r"unknown (?:men|attackers|assailants)|sabotage (?:and reconnaissance )?groups?)\b")
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20,
                "a dozen": 12, "dozens": 24, "a hundred": 100,
                "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
                "dix": 10, "onze": 11, "douze": 12, "vingt": 20}
DEATHS_FR = re.compile(
    r"(?:tuant|tué|tuée|tués|tuées|fait)\s+(?:au moins |plus de |près de )?"
    r"(?P<n1>\d[\d ]*|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt)\b"
    r"|(?P<n2>\d[\d ]*|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|vingt)\s+(?:morts|tués|victimes)\b"
)
DEATHS = re.compile(
    r"(?:(?P<left>left|leaving)|killed|killing|kills|shot dead|shooting dead|gunned down|executed|massacred|"
    r"took the lives of|claimed the lives of)\s+(?:at least |more than |over |nearly |some |about |around |as many as |"
    r"up to )?"
    r"(?P<n1>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)\b"
    # "leaving 10 dead", not "leaving 10 injured"
    r"(?(left)(?:[^.]{0,40}?\bdead\b)|(?:[^.]{0,40}?\bdead\b)?)"
    r"|(?:at least |more than |over |nearly )?(?P<n2>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    # "two people killed", not "one strike killed"
    r"(?:(?!(?:strikes?|attacks?|blasts?|bombs?|explosions?|shells?|rockets?|missiles?|drones?|raids?)\b)[a-z-]+\s+){0,3}"
    r"(?:were |was |have been |had been )?(?:killed|dead|died|perished|burnt alive|burned alive|"
    r"lost (?:their|his|her) li(?:ves|fe))\b"
)
DEATHS_UNCOUNTED = re.compile(r"\b(?:killed|dead|died|deaths|fatalities|massacre|perished|burnt alive|burned alive|"
                              r"lost (?:their|his|her) li(?:ves|fe)|succumbed)\b")

"""What marks each ACLED sub-event type in a sentence, and how actors are named: data, not logic.

Each pattern is a regular expression over the sentence in lower case, written
from the ACLED codebook's definitions (``shared/docs/acled.md``), never from
ACLED data. They are tried in order: the first sub-event type whose pattern
matches wins, so the more specific ones (intercepted missiles, suicide bombs)
come before the general ones (missile attacks, attacks).
"""

from __future__ import annotations

import re

_NUM = r"(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens? of|several|a total of \d+)"
_PROJECTILE = r"(?:drones?|uavs?|missiles?|rockets?|shaheds?|projectiles?|aircraft|warplanes?|jets?|helicopters?|balloons?)"

# (event_type, sub_event_type, pattern)
SUB_EVENTS: tuple[tuple[str, str, str], ...] = (
    ("Strategic developments", "Disrupted weapons use",
     rf"\b(?:intercept(?:ed|s|ing)?|shot down|shoot(?:s|ing)? down|(?<!the )downed|neutrali[sz]ed|destroyed)\b[^.]{{0,60}}\b{_PROJECTILE}"
     rf"|\b{_PROJECTILE}\b[^.]{{0,80}}\b(?:were |was |had been |have been )(?:intercepted|shot down|downed|neutrali[sz]ed)"
     rf"|\b{_PROJECTILE}\b[^.]{{0,40}}\b(?:intercepted|shot down|downed|neutrali[sz]ed)"
     r"|\bair defen[cs]es?\b[^.]{0,60}\b(?:destroyed|downed|shot down|intercepted|repelled)"
     r"|\b(?:defused|dismantled|disarmed|seized)\b[^.]{0,40}\b(?:bombs?|ieds?|explosives?|devices?|mines?|weapons|arms)"
     r"|\bfoiled an? (?:attempt|attack|plot)"),
    ("Explosions/Remote violence", "Chemical weapon",
     r"\b(?:chemical (?:weapons? )?attack|sarin|chlorine gas|mustard gas|nerve agent)\b"),
    ("Explosions/Remote violence", "Suicide bomb",
     r"\bsuicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers)?|car bomb|vest)|\bsvbied\b|\bblew (?:himself|herself|themselves) up"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     r"\b(?:ieds?|improvised explosive|roadside bomb|landmines?|land mines?|mine blasts?|mine explosion|car bomb|"
     r"explosive device|booby[- ]trap|bomb(?:-laden)? vehicle exploded|bomb exploded|bomb went off|unexploded ordnance)\b"),
    ("Explosions/Remote violence", "Grenade", r"\b(?:threw|hurled|tossed|lobbed) (?:a |two |several )?(?:hand )?grenades?|\bgrenade attack"),
    ("Explosions/Remote violence", "Air/drone strike",
     r"\b(?:air ?strikes?|airstrikes?|air raids?|drone (?:strikes?|attacks?)|bombing raids?|aerial (?:attack|bombardment)s?|"
     r"(?:guided|glide|aerial) bombs?)\b"
     r"|\b(?:attack )?drones?\b[^.]{0,40}\b(?:attacked|hit|struck|targeted|slammed)"
     r"|\b(?:warplanes?|fighter jets?|jets|helicopters?|aircraft)\b[^.]{0,40}\b(?:bombed|struck|attacked|hit|pounded|targeted|"
     r"conducted|carried out|launched)"
     r"|\b(?:attacked|struck|hit|targeted)\b[^.]{0,60}\b(?:with|by) (?:attack |kamikaze |combat |suicide )?drones?\b"
     r"|\bbombed\b"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     r"\b(?:shell(?:ed|ing|s)|artillery|mortars?|howitzers?|rocket (?:attack|fire|strike)s?|missile (?:attack|strike)s?|"
     r"multiple rocket launchers?|mlrs|grad|bombard(?:ed|ing|ment|ments|s)?|tank fire|cluster munitions?)\b"
     r"|\b(?:missiles?|rockets?)\b[^.]{0,40}\b(?:hit|struck|slammed|landed|exploded|targeted)"
     r"|\b(?:struck|hit|attacked|targeted) [^.]{0,60}\bwith (?:missiles?|rockets?)"
     r"|\b(?:fired|launched|lobbed) (?:a (?:barrage|salvo|volley) of |\w+ )?(?:missiles?|rockets?|mortar rounds|shells)"
     r" (?:at|on|into|towards?)\b"),
    # A strike whose weapon is not named, by forces that fight from afar ("the enemy hit the depot");
    # merged into a more specific strike at the same place when the article has one.
    ("Explosions/Remote violence", "Shelling/artillery/missile attack (unspecified)",
     r"\b(?:the russians|russian (?:forces|troops|army|military)|the enemy|the occupiers|israeli (?:forces|military|army))\b"
     r"[^.]{0,30}\b(?:struck|hit|attacked|targeted|pounded)\b"
     r"|\b(?:launched|carried out|conducted) (?:\d[\d,]* |dozens of |hundreds of )?strikes on\b"),
    ("Violence against civilians", "Sexual violence", r"\b(?:raped|rape of|sexual(?:ly)? (?:assault|violence|abuse)|sexually assaulted)\b"),
    ("Violence against civilians", "Abduction/forced disappearance",
     r"\b(?:kidnap(?:ped|ping|s)?|abduct(?:ed|ion|s)?|taken hostage|held hostage|holding [^.]{0,30}hostage|"
     r"forcibly disappeared|taken (?:\d+ )?[^.]{0,30}prisoner|thrown (?:him|her|them) in a cell)\b"),
    ("Strategic developments", "Headquarters or base established",
     r"\b(?:set up|established|opened) (?:a |an |its |their )?(?:new )?(?:base|headquarters|hq|military base|outpost)\b"),
    ("Battles", "Government regains territory",
     r"\b(?:recaptured|retook|retaken|regained control|regained|liberated|won back|recapture of|liberation of)\b"
     r"|\b(?:pushed|drove|forced|expelled) (?:the |all )?[\w-]+(?: [\w-]+)? (?:out of|from) (?:the )?(?:last )?"
     r"(?:town|city|village|district|area|region|positions?|neighbou?rhoods?|border)"),
    ("Battles", "Non-state actor overtakes territory",
     r"\b(?:captured|seized|overran|took control of|taken control of|seized control of|fell to)\b(?![^.]{0,20}\b(?:weapons|arms|drugs|ammunition)\b)"),
    ("Battles", "Armed clash",
     r"\b(?:clash(?:ed|es)?|fighting|fought|firefights?|gun ?battles?|gunfights?|battles?|exchange of fire|exchanged fire|"
     r"ambush(?:ed)?|assaults?|offensive|repelled|repulsed|counter-?attack(?:ed|s)?|storm(?:ed|ing)|stormed|raid(?:ed)? on|swarmed|"
     r"shoot-?outs?|"
     r"attacked (?:an? |the )?(?:army|military|police|troops|soldiers|convoy|base|checkpoint|checkpost|post|outpost|barracks)|"
     r"(?:attack|raid) on (?:an? |the )?(?:army|military|police|convoy|base|checkpoint|checkpost|station|post|barracks)|"
     r"killed [^.]{0,30}(?:soldiers|troops|officers|policemen|police officers|fighters|militants|servicemen|"
     r"gang members|gangsters|bandits|cartel members|insurgents|rebels))\b"),
    ("Violence against civilians", "Attack",
     r"\b(?:massacred?|executed|lynched|shot dead|gunned down|killed|killing|murdered|stabbed|beat(?:en)? to death|"
     r"torture[ds]?|tortured)\b"
     r"[^.]{0,60}\b(?:civilians?|villagers|residents|people|family|families|children|women|men|worker|workers|"
     r"farmers|students|bystanders?|detective|journalists?|man|woman|boy|girl)\b"
     r"|\b(?:civilians?|villagers|residents)\b[^.]{0,40}\b(?:were|was) (?:killed|shot|executed|massacred|attacked)"),
    # Armed men burning homes is destruction of property, not a riot: a riot needs a crowd.
    ("Strategic developments", "Looting/property destruction",
     r"\b(?:gangs?|gang members|gangsters|militants|fighters|gunmen|rebels|soldiers|troops|militia\w*|bandits|"
     r"insurgents|jihadists)\b[^.]{0,40}\b(?:set fire to|torched|burned down|burnt down|razed|looted)\b"),
    ("Riots", "Violent demonstration",
     r"\b(?:riot(?:s|ed|ing)?(?! police| gear| squad| control)|rioters|"
     r"(?:hurled|threw|pelted \w+ with) (?:stones|rocks|petrol bombs|molotov cocktails|flares|fireworks|bottles|"
     r"projectiles|firecrackers)|"
     r"stone-throwing|torched|set fire to|burning tyres|burned tires|"
     r"clashed with police|vandali[sz]ed|(?:protesters|demonstrators|rioters) clashed with|"
     r"clash(?:es)? between (?:\w+ )?(?:protesters|demonstrators|rioters) and)\b"),
    ("Riots", "Mob violence", r"\b(?:mob|mobs|vigilantes)\b[^.]{0,40}\b(?:attacked|beat|lynched|killed|burned)|\blynch(?:ed|ing)\b"),
    ("Protests", "Excessive force against protesters",
     r"\b(?:fired|opened fire|shot)\b[^.]{0,40}\b(?:protesters|demonstrators|protestors)\b[^.]{0,60}\b(?:killing|killed|dead|wounding)"),
    ("Protests", "Protest with intervention",
     r"\b(?:dispersed|tear gas|water cannons?|rubber bullets|broke up)\b[^.]{0,60}\b(?:protest|protesters|demonstrat|rally|crowd|"
     r"students|marchers|supporters)"
     r"|\b(?:protesters|demonstrators)\b[^.]{0,60}\b(?:dispersed|tear gas|water cannons?|arrested|detained)"),
    # A protest that happened, not protests as a topic ("the protests degrade…", "as demonstrated by"):
    # people protesting, a protest held, crowds doing what crowds do.
    ("Protests", "Peaceful protest",
     r"\b(?:protested|demonstrated|protesting|demonstrating) (?:against|outside|in|at|on|over|for|near|in front of|across|"
     r"through|along|to demand|to call)\b"
     r"|\b(?:held|staged|organi[sz]ed|joined|led|launched|began|started|hold|stage) (?:a |an |the |their |two |several |mass |"
     r"large |new |weekly |daily )?(?:[\w-]+ )?(?:protests?|demonstrations?|rall(?:y|ies)|marche?s?|sit-ins?|vigils?)\b"
     # a labour strike, not "launched 370 strikes on 12 settlements"
     r"|\b(?:held|staged|joined|began|started|launched|called) (?:a |an |the |their )?(?:general |national |nationwide |"
     r"hunger |\w+-day )?(?:strike|walkout)\b"
     r"|\b(?:protesters|protestors|demonstrators|marchers|crowds?|thousands|hundreds|dozens|students|workers|teachers|"
     r"residents|women|supporters|farmers|activists)\b[^.]{0,50}\b(?:marched|gathered|rallied|chanted|blocked|surrounded|"
     r"waved|occupied (?:the|a)|converged|demonstrated|protested|staged|picketed)\b"
     r"|\b(?:protests?|demonstrations?|rall(?:y|ies)|marche?s?) (?:was |were )?(?:held|took place|broke out|erupted|spread)\b"
     r"|\b(?:drove|marched|gathered|rallied|converged|poured|massed|came|travell?ed)\b[^.]{0,60}\bto protest\b"
     r"|\b(?:took to the streets|picket(?:ed|ing)|strike by workers|went on strike|walked off the job|sit-ins?|"
     r"rall(?:y|ied) against|march(?:ed)? (?:through|to|on)|protest (?:march|rally|vigil|convoy)s?)\b"),
    ("Strategic developments", "Agreement",
     r"\b(?:ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)|prisoner (?:exchange|swap)s?|exchanged prisoners|"
     r"(?:signed|reached) (?:an? )?(?:agreement|deal|accord)|swap of prisoners|prisoner-for-prisoner|soldier-for-soldier swap|"
     r"were exchanged for)\b"),
    ("Strategic developments", "Arrests",
     r"\b(?:arrested|detained|taken into custody)\b"),
    ("Strategic developments", "Non-violent transfer of territory",
     r"\b(?:withdrew from|withdrawn from|pulled out of|retreated from|handed over (?:control of )?(?:the |its |their )?"
     r"(?:[A-Z]|town|city|village|base|territory|area|region|post|checkpoint|positions?|airport|district|control))"),
    ("Strategic developments", "Looting/property destruction",
     r"\b(?:looted|looting|ransacked|demolished|razed|bulldozed)\b"),
    ("Strategic developments", "Change to group/activity",
     r"\b(?:merge[sd]? with|split from|deployed (?:additional |more |new )?(?:troops|forces|soldiers|units)|"
     r"reinforcements? (?:arrived|were sent)|recruit(?:ed|ing|s) (?:fighters|members|soldiers)|"
     r"announced (?:the )?(?:formation|creation) of|imposed (?:a )?curfew)\b"),
    ("Strategic developments", "Other",
     r"\b(?:mass graves?|graves? (?:with|containing|holding) (?:the )?(?:bodies|remains)|fled (?:the|their) (?:area|homes|town|village|city)|were displaced|coup d.etat|military coup)\b"),
)
COMPILED = tuple((t, s, re.compile(p)) for t, s, p in SUB_EVENTS)

# What else a sentence must say for some sub-event types to be political violence or a strategic development,
# not crime, business or politics as usual: ACLED codes sexual violence and abductions by armed or organised
# actors, politically significant arrests, agreements between parties to a conflict, changes to armed groups.
_ARMED_ACTORS = (r"\b(?:soldiers?|troops|fighters|militia\w*|gunmen|(?:armed|unidentified|unknown|masked) (?:men|group\w*)|rebels?|russians|the enemy|police(?:men)?|"
                 r"officers|guards|security forces|forces|militants?|combatants|army|bandits|gangs?|cartels?|"
                 r"insurgents?|jihadists?|kidnappers|paramilitar\w*|occupiers|invaders)\b")
CONTEXT_REQUIRED = {
    "Sexual violence": re.compile(_ARMED_ACTORS),
    "Abduction/forced disappearance": re.compile(_ARMED_ACTORS + r"|\b(?:hostages?|forcibly disappeared|aid workers)\b"),
    "Arrests": re.compile(
        r"\b(?:activists?|opposition|journalists?|reporters?|protesters|demonstrators|leaders?|politicians?|officials?|"
        r"spy|spies|espionage|treason|terror\w*|militants?|rebels?|soldiers?|commanders?|ministers?|mayor|dissidents?|"
        r"bloggers?|lawmakers?|critics?|coup|extremis\w*|insurgents?|collaborat\w*|sabotage|separatis\w*|jihadis\w*|"
        r"saboteurs?|agents?|candidates?|party|members of|governor|general)\b"),
    "Agreement": re.compile(
        r"\b(?:rebels?|militia\w*|armed|forces|troops|government|warring|parties|sides|ceasefire|cease-fire|peace|"
        r"prisoners?|war|fighting|hostilities|(?:armed|rebel|militant) groups?|junta|soldiers)\b"),
    "Change to group/activity": re.compile(_ARMED_ACTORS + r"|\b(?:curfew|troops|units|brigades?|factions?)\b"),
    # A remote strike harms or hits something ("flown out on US choppers" is no air strike).
    "Explosions/Remote violence": re.compile(
        r"\b(?:kill\w*|dead|died|deaths?|wound\w*|injur\w*|struck|strikes?|hit|bomb\w*|attack\w*|target\w*|fired|"
        r"destroy\w*|damag\w*|explo\w*|raids?|shell\w*|pound\w*|blasts?|launch\w*|detonat\w*|casualt\w*|landed|"
        r"fell|rained|slammed|used)\b"),
}
# Where the words of an event type are used of something else.
NOT_THIS = {
    "Agreement": re.compile(r"\btrade (?:truce|deal|war|agreement)\b"),
    "Battles": re.compile(r"\b(?:protest(?:er|or)?s|demonstrat(?:ors|ions?)|rioters)\b"),  # a clash with police is a riot
}
EVENT_TYPE_OF = {sub: event_type for event_type, sub, _ in SUB_EVENTS if not sub.endswith("(unspecified)")}

# Words without which a sentence is not worth asking the classifier about: violence, its weapons and
# actors, protest, detention, truce, territory.
CONFLICT_CUES = re.compile(
    r"\b(?:kill\w*|dead|deaths?|wound\w*|injur\w*|casualt\w*|attack\w*|assault\w*|fight\w*|clash\w*|battl\w*|"
    r"troops|soldiers?|forces|militants?|gunmen|rebels?|insurgents?|fighters|militia\w*|army|military|police|"
    r"drones?|missiles?|rockets?|shell\w*|artillery|bomb\w*|explo\w*|strikes?|struck|raid\w*|airstrikes?|"
    r"grenades?|mines?|ieds?|gunfire|shot|shoot\w*|fired|protest\w*|demonstrat(?:ors?|ions?|ing)|rall(?:y|ies|ied|ying)|riot\w*|mob|"
    r"march(?:ed|es|ers)|vigils?|sit-ins?|walk(?:ed)? off the job|walkouts?|"
    r"arrest\w*|detain\w*|abduct\w*|kidnap\w*|hostages?|ceasefire|truce|prisoners?|loot\w*|torch\w*|"
    r"captur\w*|seiz\w*|intercept\w*|downed|withdr\w*|curfew|coup|massacre\w*|rap(?:e|ed)|bases?|headquarters|"
    r"outposts?|merg\w*|split|graves?|displaced|fled|handed over|defused|lynch\w*|vigilantes)\b")

# Reported as not having happened, or not yet: no event.
NEGATED = re.compile(
    r"\b(?:not|no|never|rejected claims?|without any|reports? that|claims? that)\b[^.,;:“”\"]{0,60}$"
    r"|\b(?:denied|deny|denies|refuted|refutes|false|fake|dispel|rumou?rs?)\b[^.,;:“”\"]{0,100}$"
    r"|\b(?:will|would|could|might|may|plans? to|planning to|threaten(?:s|ed)? to|intends? to|vowed to|if|unless|"
    r"aims? to|aiming to|trying to capture|attempt(?:s|ed)? to capture|prepar(?:ing|es) to|warn(?:s|ed)? of|"
    r"possible|potential|risk of|ask(?:ed|s)? for|call(?:ed|s)? for|demand(?:ed|s)?|fear(?:s|ed)? of|"
    r"vow(?:ed|s)? to|continue(?:s|d)? (?:the|its|their)|in case of|fail(?:ed|s)? to|failure to|no sign of)\b"
    r"[^.,;:“”\"]{0,25}$"
)
# Advice and instructions describe no event ("refrain from being near buildings during air raids").
ADVICE = re.compile(r"\b(?:we ask you|please|refrain from|stay away|take shelter|be careful|consider safety|"
                    r"urged (?:residents|people|citizens))\b")
# An abduction is of civilians; captured soldiers belong to the battle they were taken in.
COMBATANT_VICTIMS = re.compile(r"\b(?:soldiers?|troops|servicemen|officers|policemen|fighters|militants)\b")
# Battles need an armed party in the sentence ("the visitors fought back" is football).
ARMED_WORDS = re.compile(r"\b(?:forces|troops|army|military|soldiers|servicemen|militants?|fighters|rebels|insurgents|"
                         r"gunmen|jihadists|police|policemen|officers|militia|militias|defenders|brigade|battalion|"
                         r"marines|paratroopers|guerrillas?|extremists|terrorists|occupiers|invaders|russians|ukrainians|"
                         r"sabotage|assailants|attackers|armed|gangs?|gang members|gangsters|bandits)\b")
# Violence against civilians needs a perpetrator or a weapon ("a quake killed 20 people" is not an attack).
PERPETRATORS = re.compile(r"\b(?:gunmen|militants?|soldiers|troops|forces|police|officers|attackers|assailants|rebels|"
                          r"fighters|jihadists|militia|gangs?|shot|shooting|gun|guns|stabbed|executed|massacred?|"
                          r"lynched|tortured|abducted|kidnapp\w*|killers?|armed)\b")
# Territory changes need a place or a place-like noun after the verb ("captured troops" is not territory).
TERRITORY_OBJECT = re.compile(r"(?:captured|seized|overran|took control of|taken control of|seized control of|fell to|"
                              r"recaptured|retook|retaken|regained control of|regained|liberated|won back)\s+"
                              r"(?:the\s+|a\s+|an\s+)?(?:(?:key|strategic|main|last|border|nearby|small|major)\s+)?"
                              r"(?:[A-Z]|(?:town|city|village|district|area|territory|region|airport|base|settlement|"
                              r"positions?|outskirts|port|hill|heights|bridge|crossing|dam|junction|highway|road))")
# A year before the report's: background ("took control of the north in early 2012").
BACKGROUND_YEAR = re.compile(r"\b(?:in|since|during|until|by|of|from|a|the)\s+(?:early |late |mid-?)?(?:\w+\s+)?((?:19|20)\d\d)\b")

DISORDER = {
    "Battles": "Political violence", "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence", "Protests": "Demonstrations", "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}

# Nouns after a nationality that name state forces, and the ACLED name pattern they take.
MILITARY_NOUNS = frozenset("""forces force troops army armies military soldiers servicemen navy marines paratroopers
    defenders brigade battalion units artillery aviation jets warplanes drones invaders occupiers missile missiles
    strike strikes airstrike airstrikes shelling rockets rocket bombardment offensive assault tank tanks aircraft drone
    helicopter helicopters warship warships gunboats patrol patrols convoy bomb bombs shells assaults attacks""".split())
# A police or army move on a protest, told in the sentence after it ("Police fired tear gas to disperse them").
INTERVENTION = re.compile(r"\b(?:police|security forces|troops|soldiers|riot police)\b[^.]{0,40}\b(?:fired tear gas|"
                          r"tear gas|water cannons?|rubber bullets|dispersed?|broke up|arrested|detained|beat|charged)\b")
EXCESSIVE_FORCE = re.compile(r"\b(?:opened fire|live (?:ammunition|rounds|fire)|shot dead)\b")
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
)
# Criminal gangs with no name: ACLED's "Unidentified Gang (Country)".
GANGS = re.compile(r"\b(?:gangs?|gang members|gangsters|cartel gunmen|cartel members)\b")
UNIDENTIFIED = re.compile(r"\b(?:gunmen|militants|jihadists|insurgents|assailants|attackers|armed men|bandits|"
                          r"unknown (?:men|attackers|assailants)|sabotage (?:and reconnaissance )?groups?)\b")
CIVILIANS = re.compile(r"\b(?:civilians?|villagers|residents|people|family|children|women|bystanders?|worker|workers|"
                       r"students|journalists?|pensioners?|farmers|civils|habitants|villageois|enfants|femmes)\b")
PROTESTERS = re.compile(r"\b(?:protesters|demonstrators|protestors)\b")
RIOTERS = re.compile(r"\b(?:rioters|mob|mobs)\b")

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
    r"(?:killed|killing|kills|left|leaving|shot dead|shooting dead|gunned down|executed|massacred|"
    r"took the lives of|claimed the lives of)\s+(?:at least |more than |over |nearly |some |about |around |as many as |"
    r"up to )?"
    r"(?P<n1>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)\b"
    r"(?:[^.]{0,40}?\bdead\b)?"
    r"|(?:at least |more than |over |nearly )?(?P<n2>\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    # "two people killed", not "one strike killed"
    r"(?:(?!(?:strikes?|attacks?|blasts?|bombs?|explosions?|shells?|rockets?|missiles?|drones?|raids?)\b)[a-z-]+\s+){0,3}"
    r"(?:were |was |have been |had been )?(?:killed|dead|died)\b"
)
DEATHS_UNCOUNTED = re.compile(r"\b(?:killed|dead|died|deaths|fatalities|massacre)\b")

"""French patterns for the ACLED sub-event types, written from the codebook like the English ones."""

from __future__ import annotations

import re

_ENGIN = r"(?:drones?|missiles?|roquettes?|obus|projectiles?|avions?|hélicoptères?|shaheds?)"

SUB_EVENTS_FR: tuple[tuple[str, str, str], ...] = (
    ("Strategic developments", "Disrupted weapons use",
     rf"\b(?:intercept[ée]s?|abattus?|abattues?|neutralis[ée]s?|détruits?)\b[^.]{{0,60}}\b{_ENGIN}"
     rf"|\b{_ENGIN}\b[^.]{{0,40}}\b(?:ont été |a été |ont |a )?(?:intercept[ée]s?|abattu[es]*|neutralis[ée]s?)"
     r"|\bdéfense antiaérienne\b[^.]{0,60}\b(?:abattu|détruit|intercepté)"
     r"|\b(?:désamorcé|saisi)[^.]{0,40}\b(?:bombe|engin explosif|armes)"),
    ("Explosions/Remote violence", "Chemical weapon", r"\b(?:attaque chimique|arme chimique|sarin|gaz de chlore)\b"),
    ("Explosions/Remote violence", "Suicide bomb", r"\b(?:attentat[- ]suicide|kamikaze|s.est fait exploser)\b"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED",
     r"\b(?:engin explosif|engin explosif improvisé|mines? antipersonnel|mine terrestre|voiture piégée|bombe artisanale|"
     r"a sauté sur une mine)\b"),
    ("Explosions/Remote violence", "Grenade", r"\b(?:lancé|jeté) une grenade|\battaque à la grenade\b"),
    ("Explosions/Remote violence", "Air/drone strike",
     r"\b(?:frappes? aériennes?|raids? aériens?|bombardements? aériens?|frappes? de drones?|attaque de drones?)\b"
     r"|\bdrones?\b[^.]{0,40}\b(?:ont frappé|a frappé|ont attaqué|a attaqué|ont touché|a touché)"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack",
     r"\b(?:bombard(?:é|ée|és|ées|ement|ements|er)|pilonn(?:é|ée|age)|tirs? d.artillerie|artillerie|obus|mortiers?|"
     r"tirs? de roquettes?|frappes? de missiles?|missiles? (?:ont|a) frappé|lance-roquettes)\b"
     r"|\bfrappes? (?:\w+ )?(?:ont|a) (?:touché|frappé|visé)"),
    ("Violence against civilians", "Sexual violence", r"\b(?:violées?|viols?|violences? sexuelles?)\b"),
    ("Violence against civilians", "Abduction/forced disappearance",
     r"\b(?:enlev(?:é|ée|és|ées|ement)|kidnapp(?:é|ée|és|ées|ing)|pris en otage|otages?|disparition forcée)\b"),
    ("Battles", "Government regains territory", r"\b(?:repris|reprise de|libéré|libération de|reconquis)\b"),
    ("Battles", "Non-state actor overtakes territory", r"\b(?:pris le contrôle de|s.est emparé de|se sont emparés de|capturé)\b"),
    ("Battles", "Armed clash",
     r"\b(?:combats?|affrontements?|accrochages?|se sont affrontés|embuscade|assauts?|offensive|repoussé|"
     r"échanges? de tirs|attaqué (?:\w+ ){0,2}(?:un|une|le|la|les) (?:camp|base|convoi|poste|position|patrouille)s?|"
     r"tu(?:ant|é|és) (?:au moins |plus de )?[^.]{0,20}(?:soldats|militaires|policiers|gendarmes|combattants))\b"),
    ("Violence against civilians", "Attack",
     r"\b(?:massacr(?:e|é|és)|exécut(?:é|és|ées)|abattu|tué|tués|tuées)\b[^.]{0,60}\b(?:civils?|villageois|habitants|"
     r"personnes|famille|enfants|femmes)\b"),
    ("Riots", "Violent demonstration", r"\b(?:émeutes?|émeutiers|jets? de pierres|pneus enflammés|incendié)\b"),
    ("Protests", "Protest with intervention",
     r"\b(?:dispers(?:é|er)|gaz lacrymogènes?|canons? à eau)\b[^.]{0,60}\b(?:manifestants|manifestation|rassemblement)"),
    ("Protests", "Peaceful protest", r"\b(?:manifest(?:é|er|ation|ations|ants)|rassemblement|défilé|sit-in|grève)\b"),
    ("Strategic developments", "Agreement",
     r"\b(?:cessez-le-feu|trêve|accord de paix|échange de prisonniers|ont échangé des prisonniers)\b"),
    ("Strategic developments", "Arrests", r"\b(?:arrêt(?:é|ée|és|ées)|interpell(?:é|és)|placé en garde à vue)\b"),
    ("Strategic developments", "Non-violent transfer of territory", r"\b(?:se sont retirés de|s.est retiré de|retrait de)\b"),
    ("Strategic developments", "Looting/property destruction", r"\b(?:pill(?:é|age)|saccag(?:é|é))\b"),
)
COMPILED_FR = tuple((t, s, re.compile(p)) for t, s, p in SUB_EVENTS_FR)

NEGATED_FR = re.compile(
    r"\b(?:ne|n.|pas|jamais|aucun|démenti|dément|nié|faux|rumeurs?)\b[^.,;:«»\"]{0,40}$"
    r"|\b(?:va|vont|pourrait|pourraient|menace de|menacé de|prévoit de|projette de|risque de|si|appel(?:le|é) à|"
    r"demand(?:e|é) (?:un|une))\b[^.,;:«»\"]{0,25}$"
)
ARMED_WORDS_FR = re.compile(r"\b(?:forces|troupes|armée|militaires|soldats|combattants|rebelles|insurgés|jihadistes|"
                            r"djihadistes|hommes armés|policiers|police|gendarmes|milices?|assaillants|terroristes)\b")
PERPETRATORS_FR = re.compile(r"\b(?:hommes armés|soldats|militaires|forces|policiers|assaillants|jihadistes|djihadistes|"
                             r"rebelles|milices?|terroristes|abattu|exécut\w*|massacr\w*)\b")
TERRITORY_OBJECT_FR = re.compile(r"(?:repris|libéré|reconquis|pris le contrôle de|emparés? de|capturé)\s+(?:la ville de |"
                                 r"le village de |la localité de |l.|la |le |les )?[A-ZÉ]")

# French nationality adjectives (the English demonyms come from countryinfo).
NATIONALITIES_FR = {
    "russe": "RU", "russes": "RU", "ukrainien": "UA", "ukrainienne": "UA", "ukrainiens": "UA", "ukrainiennes": "UA",
    "israélien": "IL", "israélienne": "IL", "israéliens": "IL", "palestinien": "PS", "palestiniens": "PS",
    "syrien": "SY", "syrienne": "SY", "syriens": "SY", "américain": "US", "américaine": "US", "américains": "US",
    "français": "FR", "française": "FR", "françaises": "FR", "malien": "ML", "malienne": "ML", "maliens": "ML",
    "soudanais": "SD", "iranien": "IR", "iraniens": "IR", "libanais": "LB", "turc": "TR", "turque": "TR", "turcs": "TR",
    "irakien": "IQ", "irakiens": "IQ", "yéménite": "YE", "yéménites": "YE", "somalien": "SO", "somaliens": "SO",
    "nigérian": "NG", "nigérians": "NG", "nigérien": "NE", "nigériens": "NE", "burkinabè": "BF", "congolais": "CD",
    "tchadien": "TD", "tchadiens": "TD", "afghan": "AF", "afghans": "AF", "pakistanais": "PK", "éthiopien": "ET",
    "éthiopiens": "ET", "birman": "MM", "birmane": "MM", "azerbaïdjanais": "AZ", "arménien": "AM", "arméniens": "AM",
}
UNIDENTIFIED_FR = re.compile(r"\b(?:hommes armés|individus armés|assaillants|jihadistes|djihadistes|terroristes|"
                             r"inconnus armés)\b")
MILITARY_NOUNS_FR = frozenset("forces troupes armée militaires soldats drones avions aviation artillerie frappes".split())
NATIONAL_FR = re.compile(r"\b(forces|troupes|armée|militaires|soldats|drones|avions|aviation|artillerie|frappes|"
                         r"bombardements|missiles|police)\s+"
                         r"([a-zéèêïô]+)\b", re.I)

"""French actor words: nationality adjectives, unidentified armed men, force nouns (the rules are in
``data/events/fr.json``)."""

from __future__ import annotations

import re

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

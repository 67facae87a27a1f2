"""Word lists the entity rules use; data, not logic, so they can grow without code changes."""

# Nouns that describe a person: "Valery, Ukrainian soldier" makes Valery a PERSON.
PERSON_ROLES = frozenset(
    """soldier soldiers commander officer sergeant colonel general lieutenant captain major private fighter
    volunteer medic paramedic doctor nurse surgeon teacher student pupil farmer worker driver miner resident
    residents villager refugee mother father son daughter wife husband widow grandmother grandfather sister
    brother child boy girl man woman pensioner priest imam rabbi spokesman spokeswoman spokesperson minister
    president prime premier mayor governor senator deputy lawmaker mp official officials diplomat ambassador
    analyst expert researcher professor economist journalist reporter correspondent photographer editor writer
    author activist lawyer attorney judge prosecutor chief head leader director manager founder owner ceo
    chairman chairwoman chair secretary adviser advisor aide coach player striker goalkeeper athlete
    artist singer actor actress musician survivor witness victim eyewitness rescuer firefighter policeman
    policewoman guard sniper pilot gunner marine paratrooper chaplain engineer scientist historian
    congressman congresswoman councillor councilman representative legislator coordinator administrator
    soldat commandant médecin habitant habitante porte-parole ministre maire député journaliste""".split()
)

# Nouns that, right after a PERSON span, show it was a weapon or a model name ("Grad missiles").
EQUIPMENT = frozenset(
    """missile missiles rocket rockets launcher launchers system systems drone drones tank tanks howitzer
    howitzers jet jets fighter-jet helicopter helicopters gun guns rifle rifles shell shells munition
    munitions bomb bombs vehicle vehicles truck trucks aircraft warship warships submarine interceptor
    interceptors battery batteries mortar mortars""".split()
)

# Words before a PERSON span that show a common noun, not a name ("any good Cossack").
DETERMINERS = frozenset("a an any every each no another some such this that these those".split())

# Heads of group mentions: "Russian forces", "the Ukrainian army".
GROUP_NOUNS = frozenset(
    """forces force troops army armies military soldiers navy marines militia militias militants fighters
    rebels insurgents separatists paratroopers guards guard police gendarmerie servicemen units battalion
    brigade regiment""".split()
)

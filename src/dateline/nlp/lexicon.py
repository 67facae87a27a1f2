"""Word lists the entity rules use; data, not logic, so they can grow without code changes."""

from functools import lru_cache

from ..data import data_lines


# Nouns that describe a person ("Valery, Ukrainian soldier" makes Valery a PERSON), per language in data/roles.
@lru_cache(maxsize=None)
def person_roles(language: str | None) -> frozenset[str]:
    """English's role nouns and the language's own (news in any language borrows "CEO" or "chef")."""
    words = {w.lower() for line in data_lines("roles", "en.txt") for w in line.split()}
    language = (language or "en").split("-")[0]
    if language != "en":
        try:
            words |= {w.lower() for line in data_lines("roles", f"{language}.txt") for w in line.split()}
        except FileNotFoundError:
            pass
    return frozenset(words)


def is_role_noun(word: str, language: str | None) -> bool:
    """A role noun, also as the end of a compound where the language writes them as one word or with hyphens
    ("Grünen-Fraktionschefin", "Betriebsratschefin", "GDL-Chef")."""
    word = word.lower()
    roles = person_roles(language)
    if word in roles or word.rsplit("-", 1)[-1] in roles:
        return True
    return (language or "").startswith("de") and word.endswith(_compound_ends(language))


@lru_cache(maxsize=None)
def _compound_ends(language: str | None) -> tuple[str, ...]:
    """The role nouns long enough to end a compound without matching by chance ("…chefin", not "…rat")."""
    return tuple(r for r in person_roles(language) if len(r) >= 5)


# Words of an age given after a name ("Olena, 52 ans", "Rosa, de 45 años", "Анна, 34 года"): that name is a person.
AGE_WORDS = frozenset("years ans años jahre jahren лет года год років роки рік عاما عامًا سنة".split())


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

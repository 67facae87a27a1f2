"""Word lists for speaker resolution (cue verbs live in ``data/cues``)."""

# Pronouns that stand for one person (resolved to the last person named).
PERSON_PRONOUNS = frozenset("he she him her il elle lui er sie él ella он она він вона".split())
# Possessives that stand for their speaker inside an "according to" phrase: "по его словам", "за її словами".
POSSESSIVE_PRONOUNS = frozenset("его ее её його її".split())
GROUP_POSSESSIVES = frozenset("их їхніми".split())
# Pronouns that stand for a group or organization; left unresolved rather than guessed.
GROUP_PRONOUNS = frozenset("they it them ils elles on es ellos ellas они вони".split())
# Heads that are never speakers ("I said", "we told", "you wrote" are inside quotes or first-person).
SPEAKER_STOP = frozenset(
    """i we you me us one this that which who what there here time day year week month statement video photo
    je nous vous ich wir du ihr yo nosotros я мы я ми
    quote quotes update updates note watch listen breaking exclusive related read more""".split()
)
# Platforms a statement was posted on ("escribió en la red social X", "wrote on Telegram"): never its speaker.
PLATFORMS = frozenset(
    """x x. twitter facebook telegram instagram tiktok youtube whatsapp threads bluesky linkedin weibo vk
    vkontakte truth telegram-канале телеграм телеграмі фейсбуці""".split()
)

# Heads of phrases naming an institution: "the ministry said" speaks for an organization.
ORG_NOUNS = frozenset(
    """ministry ministries government governments army military navy police administration authority authorities
    office agency service services council committee commission court parliament senate congress party
    coalition alliance embassy department command staff headquarters brigade battalion regiment unit force
    forces troops group organization organisation company firm bank union federation association institute
    university hospital network channel newspaper agency broadcaster outlet kremlin pentagon presidency
    cabinet junta regime side team club board prosecutor's prosecutors' survey mission monitor monitors
    observatory center centre fund programme program
    ministère gouvernement armée police préfecture mairie parquet état-major
    ministerium regierung armee polizei bundesregierung staatsanwaltschaft gericht behörde
    policía gobierno ministerio ejército fiscalía tribunal ayuntamiento
    полиция правительство министерство минобороны армия суд прокуратура ведомство штаб""".split()
)

# Nouns for unnamed people: "officials said", "a source told".
PEOPLE_NOUNS = frozenset(
    """official officials source sources witness witnesses resident residents analyst analysts expert experts
    researcher researchers scientist scientists people person man woman men women neighbour neighbor neighbours
    neighbors survivor survivors relative relatives friend friends colleague colleagues local locals observer
    observers diplomat diplomats lawmaker lawmakers member members staff worker workers employee employees
    protester protesters demonstrator demonstrators activist activists volunteer volunteers fighter fighters
    soldier soldiers officer officers doctor doctors medic medics reporter reporters journalist journalists
    critic critics supporter supporters leader leaders villager villagers farmer farmers student students
    parent parents mother father spokesman spokeswoman spokesperson representative representatives
    neuroscientist neuroscientists prosecutor prosecutors investigator investigators rescuer rescuers
    responsable responsables habitant habitants témoin témoins source sources
    sprecher sprecherin zeugen anwohner experten
    portavoz testigo testigos vecino vecinos fuente fuentes
    источник источники свидетель свидетели житель жители представитель""".split()
)

# Role nouns that name the same function: "the agency's chief" is the person introduced as its head, "the
# serviceman" the one introduced as a sergeant. Each group is one role.
ROLE_SYNONYMS = tuple(frozenset(group.split()) for group in (
    "head chief leader director boss chairman chairwoman chair",
    "serviceman servicewoman soldier sergeant private corporal fighter trooper",
    "spokesman spokeswoman spokesperson",
    "governor gov. gov",
    "officer policeman policewoman",
    # a head of state or government, as other languages' news calls them the second time
    "presidente presidenta mandatario mandataria",
    "président présidente",
    "präsident präsidentin staatschef staatschefin",
    "глава руководитель председатель губернатор мэр",
    "голова очільник керівник губернатор мер начальник",
    "portavoz vocero vocera",
    "sprecher sprecherin",
    "пресс-секретарь спикер представитель",
    "речник речниця прес-секретар",
))

# Title words that, before a name, also name a role ("Gov.", "Sen.").
TITLE_WORDS = frozenset("gov. gov sen. sen rep. rep gen. col. lt. maj. capt. sgt. dr. prof. president premier".split())

# Role nouns that, when no one was introduced with them, stand for the person quoted last.
SPOKESPEOPLE = frozenset("spokesperson spokesman spokeswoman official congressman congresswoman lawmaker".split())

# Documents that speak for whoever issued them ("a statement from the army", "un communiqué de l'armée", "сообщении
# Минобороны", "йдеться в повідомленні ОВА", "einer Mitteilung der Polizei", "بيان للجيش"): the speaker is their owner.
# Lemmas, and the forms of languages read without a lemmatizer.
DOCUMENT_NOUNS = frozenset(
    """statement communique communiqué release press-release report
    déclaration rapport comunicado declaración informe nota mitteilung pressemitteilung erklärung stellungnahme
    сообщение заявление пресс-релиз релиз доклад повідомлення повідомленні повідомленням заява заяві заявою
    звіт звіті بيان بيانا""".split()
)
# Shares of a poll's respondents ("72 percent of voters said", "a majority of Americans say"): what they said is
# the poll's finding, and the poll named in the sentence is the source.
RESPONDENT_SHARES = frozenset(
    """percent per % majority minority half third quarter fifth plurality most share proportion fraction two-thirds
    three-quarters respondent respondents""".split()
)
# The instruments that report respondents' answers.
POLL_NOUNS = frozenset("poll polls survey surveys questionnaire sondage encuesta umfrage опрос опитування".split())
# "As" leading into what a source said ("As X noted, …", "Como señaló X", "Как отметил X", "Як зазначив X", "wie X
# berichtete").
AS_WORDS = frozenset({"as", "como", "comme", "как", "як", "wie"})
# The preposition of an institution that speaks through an impersonal plural or a document: "в Кремле заявили",
# "у МЗС зазначили", "про це повідомили в ДТЕК".
INSTITUTION_PREPOSITIONS = frozenset({"в", "во", "у"})
# Words between such a document and its owner: "of", "from", "by" and the articles after them.
OWNER_LINKS = frozenset("of from by de du des d' d’ von der des la le les l' l’ el".split())
# What "according to" measures against rather than cites ("went according to plan", "according to schedule").
NO_SOURCES = frozenset("plan plans schedule script tradition custom design form rule rules".split())

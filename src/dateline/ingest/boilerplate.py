"""Heuristic data for the plain-text cleaner: site-chrome lines in several languages.

Kept apart from the logic (trafilatura's habit) so a new outlet's furniture is a
one-line change. Each pattern must match a *whole line* (after whitespace folding),
so it can never cut into a sentence of the article.
"""

import re

# Whole lines that are always chrome, whatever their neighbours.
CHROME_LINES = [
    # bylines and dates left empty by the scraper
    r"(article )?(written|posted|published|updated|edited|reported) (by|on)?:?",
    r"(posted|published|updated|modified)( on| at)?:? ?[\w ,.:/-]{0,40}",
    r"by:?", r"author:?", r"(photo|image|video|credit|source)s?:?",
    r"article (rédigé|écrit) par", r"(rédigé|écrit) par", r"publié( le)?:?[\w ,.:/h-]{0,40}",
    r"mis à jour( le)?:?[\w ,.:/h-]{0,40}", r"(von|autor|veröffentlicht|aktualisiert)( am)?:?[\w ,.:/-]{0,30}",
    r"(por|publicado|actualizado)( el)?:?[\w ,.:/-]{0,30}",
    # reading time, audio and video players
    r"(estimated )?reading time ?:? ?\d+ ?(min|minutes?|mn)\.?( read)?", r"\d+ ?(min|minute)s?\.? read",
    r"temps de lecture ?:? ?\d+ ?(min|minutes?|mn)\.?", r"lesezeit:? ?\d+ ?(min|minuten)\.?",
    r"tiempo de lectura:? ?\d+ ?(min|minutos)\.?",
    r"listen( to (this|the) (article|story))?( now)?", r"écouter( l'article| cet article)?", r"anhören", r"escuchar",
    r"(play|watch)( the)? video", r"regarder la vidéo", r"video", r"vidéo", r"audio", r"\d{1,2}:\d{2}(:\d{2})?",
    # scraper residue
    r"source:? ?site-?\d+", r"source:?", r"advertisement", r"advertising", r"publicité", r"anzeige", r"werbung",
    r"publicidad", r"sponsored( content)?", r"(story|article) continues below( advertisement)?",
    r"skip (to|advertisement)( main)?( content)?", r"(close|menu|search|home|back to top|top|next|previous|more)",
    r"loading\.*", r"click (here )?to .{0,60}", r".{0,60}\(opens in (a )?new window\)", r"please wait\.*",
    # sharing and subscribing
    r"(share|tweet|email|print|copy link|save)( this)?( (article|story|page))?( on)?( (facebook|twitter|x|whatsapp|linkedin|telegram|email))?",
    r"(facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|email|e-mail|print|flipboard|messenger)",
    r"partager( (sur|cet article))?( (facebook|twitter|x|whatsapp|linkedin))?", r"teilen", r"compartir",
    r"(subscribe|sign up|log ?in|sign in|register)( (now|today|here|for free|to our newsletter))?",
    r"abonnez-vous.*", r"s'abonner", r"newsletter", r"follow us( on)?.{0,40}", r"suivez-nous.{0,40}",
    r"(read|see) (more|also)( on this)?( topic)?:?", r"lire (aussi|la suite|plus)( :|:)?.{0,0}", r"(related|recommended|popular|trending|most read)( (articles|stories|news|content|posts))?:?",
    r"à lire aussi:?", r"mehr zum thema:?", r"lea también:?", r"(show|load) (more|comments)", r"\d+ comments?",
    r"(leave a )?(reply|comment)s?", r"commentaires?", r"kommentare?",
    r"required fields are marked \*?", r"your email address will not be published\.?( required fields are marked \*)?",
    r"(we use|this (web)?site uses|nous utilisons des) cookies.{0,160}", r"accept( all)?( cookies)?", r"(all rights reserved|tous droits réservés).{0,60}",
    r"(©|\(c\)|copyright) ?.{0,80}", r"terms (of use|and conditions)", r"privacy policy", r"contact us",
    # photo credits
    r"(photo|image|picture|illustration|credit|crédit|foto|bild)s? ?(:|by|credit|©).{0,80}",
    r".{0,60}/ ?(afp|ap|reuters|getty images|epa|anadolu|sipa|maxppp)( via getty images)?\)?\.?",
    r"\(?(afp|ap|reuters|epa|getty images|shutterstock|istock)( photo)?\)?",
]

CHROME = re.compile(r"^(?:" + "|".join(CHROME_LINES) + r")$", re.IGNORECASE)

# Phrases that, at the start of a short line, mark a teaser/related block.
TEASER_START = re.compile(
    r"^(read more|read also|see also|related|more from|more on|lire aussi|à lire|voir aussi|mehr zum thema|lesen sie auch|lea también|ver también)\b",
    re.IGNORECASE,
)

# Common function words: a line with many of them is prose, not navigation.
FUNCTION_WORDS = frozenset(
    """the a an of to in on for and but or that this with is are was were be been by at as from it its
    he she they we you his her their our not no have has had will would can could said says
    le la les un une des du de et à au aux en dans sur pour par avec que qui est sont a ont été ne pas
    der die das den dem ein eine und ist sind war mit von zu auf für nicht sich auch
    el los las una y en que con por para es son fue del al se lo
    o os as um uma e em no na do da dos das com por para não se ao il lo gli di che per con non è
    и в на не что с по как это он она они из за от для у але та що як це""".split()
)

# Lines that open a reader-comment section: everything after them is not the article.
COMMENT_START = re.compile(
    r"^(?:\d+ (?:comments?|responses?|replies|réactions?|commentaires?|kommentare|comentarios)\b.*"
    r"|(?:leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)"
    r"|comments are closed|(?:top rated|reader|latest) comments|show comments|view comments|(?:\d+ )?comments? \(\d+\)"
    r"|laisser un commentaire|réagissez|kommentar schreiben|deja un comentario|responses to)\b.*"
    r"|.{2,80}\b(?:on|le|am) .{4,50}\b(?:said|says|wrote|a dit|a écrit|schrieb|dijo) ?:"
    r"|posted in .{0,80}\|.{0,40}(?:comments?|permalink).*)$",
    re.IGNORECASE,
)

# Scripts written without spaces between words: length is counted in characters there.
UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")

# Phrases that make even a long, well-formed line site furniture: legal notices, comment rules,
# newsletter and cookie pitches. Searched anywhere in a line (they read like prose).
PROSE_CHROME = re.compile(
    r"\b(?:all rights reserved|terms of (?:use|service)|privacy policy|cookie policy|we use cookies"
    r"|this (?:site|website) uses cookies|information provided on this (?:web)?site|results (?:may )?vary"
    r"|sign up for (?:our|the) newsletter|subscribe to (?:our|the) newsletter|by clicking"
    r"|comments? (?:are|is) moderated|will not be (?:approved|published)|não serão aprovados"
    r"|comentários com textos|tous droits réservés|alle rechte vorbehalten|todos los derechos reservados"
    r"|has been (?:automatically )?generated|affiliate links?|we may earn a commission"
    r"|(?:are|is a|are the) registered trademarks?|have not been evaluated by the food and drug"
    r"|consult your (?:physician|doctor) before|click here|clique (?:aqui|na|no|e)|cliquez ici|hier klicken"
    # credit lines: "Fox News' Tyler O'Neil contributed to this report.", "Reporting by …; Editing by …"
    r"|contributed (?:to )?(?:this )?report(?:ing)?|(?:additional )?reporting by|editing by|writing by"
    r"|a contribué à cet article|mit material von)\b",
    re.IGNORECASE,
)

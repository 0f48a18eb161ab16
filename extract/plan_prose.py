"""Objectives stated in running text: what news articles, web pages and deliberations say the
territory's CTG will do, where a convention would have a plan table.

Five shapes of French prose carry them (examples written here):

- a list after an introduction: "La convention repose sur trois orientations :" then "- Mieux
  informer les familles", ...; "afin de :" then bullets;
- a list inline after a colon: "Les axes retenus : informer, accompagner les parents, soutenir
  les associations.";
- coordinated clauses after a verb of planning: "Il s'agira de créer un relais petite enfance,
  d'étendre les horaires de l'accueil de loisirs et de soutenir les associations." A verb of
  purpose ("vise à", "a pour objectif de", "les objectifs sont de") states the CTG's general
  purpose when it governs one or two clauses ("vise à améliorer la lisibilité et l'articulation des
  services") or names no field ("simplifier les démarches, mieux articuler les financements"): only
  a list of three or more, most of them naming a field, is the territory's plan; the noun phrases a
  verb of planning governs ("prévoit l'ouverture de ..., le renforcement de ... et ...");
- examples of projects: "de nouveaux projets tels que l'ouverture d'une micro-crèche,
  l'élargissement des horaires du centre social, ...", "Parmi les projets figurent l'ouverture
  d'une maison des familles et ...", "22 actions, dont ...", "des pistes comme ...";
- new services told in the future: "Un espace jeunes ouvrira à ... en 2026", "deux crèches seront
  construites", "Deux nouvelles micro-crèches verront le jour".

Statements about CTGs in general (``extract.scope``) and past achievements ("la CTG précédente
avait permis d'ouvrir ...") give none. Each item must read as an objective: an infinitive, a noun of
action, or (after an article) a noun of action ("l'élargissement des horaires").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract import lexicon
from extract.ingest.prose import BULLET
from extract.mentions import CAF_WORD
from extract.normalize import clean, fold, fold_aligned, is_theme_label, themes_in
from extract.objective_shape import reads_as_aim, reads_as_objective, split_field
from extract.scope import CLAUSE_OPENING, Scope, Statement, field_led, statements
from extract.text import once_per_document, phrase_pattern
from models.document import Document
from models.objectives import Level, Objective
from models.themes import Theme

# Where a clause of a coordinated list starts: after a comma, a semicolon or "ou encore", "mais
# aussi", "ainsi que", with its own "de"/"d'"/"à": "..., d'étendre les horaires", "..., ou
# encore de soutenir ...", "...; renforcer ...", "... et de soutenir ..." ("améliorer ... et
# valoriser ...", without its own "de", is one clause).
CLAUSE_BREAK = re.compile(
    r"""\s*(?:[,;]\s*(?:(?:ou\s+encore|mais\s+aussi|mais\s+également|ainsi\s+que|et|ou|puis|enfin|aussi)\s+)?
         |\s+(?:ou\s+encore|mais\s+aussi|mais\s+également)\s+
         |\s+(?:et|ou)\s+(?=(?:de\s+|d['’]\s*|à\s+)))
        (?P<lead>(?:de\s+|d['’]\s*|à\s+)?)(?=\S)""",
    re.IGNORECASE | re.VERBOSE,
)
# The head word of each coordinated clause: "de simplifier ...", ", à déployer ...", "et à mieux coordonner".
COORDINATED_HEAD = re.compile(r"(?:^|[,;]|\bet\b|\bou\b)\s*(?:de\s+|d['’]\s*|à\s+)?(?P<word>[\wÀ-ÿ'’-]+)(?:\s+(?P<next>[\wÀ-ÿ'’-]+))?",
                              re.IGNORECASE)
# A gerund clause that adds a means: "..., en valorisant les métiers de l'accueil".
GERUND = re.compile(r"^en\s+(?=[a-zà-ÿ]+ant\b)", re.IGNORECASE)
# The connective words before an item: "de ", "d'", "à ", "et ", "ou encore ", an adverb of order
# ("entend d'abord améliorer ..., puis développer ...").
ITEM_LEAD = re.compile(r"^(?:(?:et|ou\s+encore|ou|puis|mais\s+aussi|ainsi\s+que|enfin|aussi|(?:tout\s+)?d['’]abord|ensuite"
                       r"|également|notamment|surtout|ainsi|entre\s+autres|prioritairement|en\s+priorité)\s+)*(?:de\s+|d['’]\s*|à\s+)?",
                       re.IGNORECASE)
# The end of a quotation the item was said in.
CLOSING_QUOTE = re.compile(r"\s*[»”]")
# Quotation marks and closing punctuation around an item.
ITEM_TRIM = " \t«»\"“”.,;:!?…"
# The end of an item that is a sentence's subject: "... propre au territoire sont à l'étude".
TRAILING_PREDICATE = re.compile(r"\s+(?:sont|seront|est|sera|font|feront)\s+(?:actuellement\s+|également\s+|aussi\s+)?"
                                r"(?:à\s+l['’]étude|au\s+programme|prévu(?:e|s|es)?|envisagé(?:e|s|es)?|en\s+cours)\b.*$",
                                re.IGNORECASE)
# A relative clause that ends a noun phrase: "un lieu d'accueil, dans lequel les parents ...".
RELATIVE = re.compile(r",?\s+(?:dans\s+lequel|dans\s+laquelle|dans\s+lesquels|dans\s+lesquelles|où|qui|que|dont)\s.*$",
                      re.IGNORECASE)
# Examples announced after projects or actions: "de nouveaux projets portés par le centre
# social, tels que ...", "des pistes de travail comme la mise en place de ...", "Parmi les projets
# phares figurent ...", "Parmi les actions retenues : ...", "25 actions, parmi lesquelles ...", "prévoit
# 24 actions, dont ...".
EXAMPLES = re.compile(r"\b(?:projets?|actions?|initiatives?|dispositifs?|pistes?|r[ée]alisations?\s+[àa]\s+venir)\b[^.;:]{0,80}?"
                      r"\b(?:(?:tels|telles)\s+que\b|comme\s+(?=l['’]|la\s|le\s|les\s|une?\s|des\s))"
                      r"|\bparmi\s+(?:les|ces)\s+(?:\w+\s+){0,2}?(?:projets|actions|fiches[\s-]+actions?|mesures|pistes|chantiers"
                      r"|objectifs|priorit[ée]s|engagements)\b"
                      r"[^.;:]{0,60}?(?:\b(?:figurent|figure|on\s+(?:trouve|note|compte)|citons|se\s+trouvent)\b|\s*:)"
                      r"|\b(?:projets|actions|fiches[\s-]+actions?|mesures|pistes|chantiers)\b[^.;:]{0,60}?,\s*parmi\s+(?:lesquelles|lesquels)\b"
                      r"|\b(?:plan\s+d['’]actions?|programme)\b[^.;:]{0,40}?\b(?:actions|fiches[\s-]+actions?|projets),?\s+dont\b"
                      r"|\b(?:\d+|[a-z]+)\s+(?:actions|fiches[\s-]+actions?|projets|mesures|chantiers),\s+dont\b",
                      re.IGNORECASE)
# The planned actions announced with what they will bear on: "les actions porteront sur l'accueil
# des tout-petits, la formation ...", "le plan d'actions s'articulera autour de ...".
BEARS_ON = re.compile(r"\b(?:actions?|plan\s+d['’]actions?|fiches[\s-]+actions?|projets?|programme)\b[^.;:]{0,40}?"
                      r"\b(?:porter(?:a|ont)\s+sur|portent\s+sur|porte\s+sur|s['’]articuler(?:a|ont)\s+autour\s+d[eu']"
                      r"|concerner(?:a|ont))\s*", re.IGNORECASE)
# Words ending like a gerund that are prepositions or nouns: "pendant les vacances".
NOT_GERUNDS = frozenset({"pendant", "durant", "avant", "cependant", "maintenant", "suivant", "concernant", "devant",
                         "enfant", "montant", "restant", "tant", "autant", "moyennant", "nonobstant", "partant"})
# Items that are no objective: an event of the calendar ("la signature officielle", "Décembre
# 2023 : signature", "le comité de pilotage", "le lancement de la démarche"; "le lancement d'une maison
# des ados" launches a service), money to commit ("engager 2,1 M€ en fonctionnement"),
# a verb whose object only points back ("prolonger sur cette lancée", "reconduisant les deux axes").
NOT_AN_OBJECTIVE = re.compile(
    r"""^\W*(?:(?:la|le|les|l['’]|une?)\s*)?(?:signature|c[ée]r[ée]monie|inauguration|r[ée]union|comit[ée]|copil|s[ée]ance
          |pr[ée]sentation|validation|restitution|lancement(?!\s+d['’]\s*une?\b))\b
      |^\W*(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|\d{4})\b
      |^\W*(?:engager|verser|consacrer|financer|mobiliser|investir|allouer|apporter|octroyer|d[ée]bloquer)\b[^.;]*(?:€|euros?\b)
      |^\W*(?:mieux\s+)?[\w’'-]+\s+(?:sur\s+|dans\s+|à\s+|avec\s+)?
         (?:(?:cette|ce|cet|ces)\s+[\w’'-]+|(?:les|ses|leurs|nos)\s+(?:\d|deux|trois|quatre|cinq|six)\s+[\w’'-]+)\W*$""",
    re.IGNORECASE | re.VERBOSE)
# A slide's or page's number alone: "8".
PAGE_NUMBER = re.compile(r"^\W*\d{1,3}\W*$")
# Adverbs before an infinitive: "mieux coordonner", "davantage informer".
ADVERBS = frozenset({"mieux", "davantage", "bien", "plus", "encore", "aussi", "également", "egalement"})
# A list of infinitives named as the plan after a colon: "Recruter ..., harmoniser ... : voilà les
# premiers engagements", "... : ce sont les priorités".
NAMED_AS_PLAN = re.compile(r":\s*(?:voil[àa]|ce\s+sont|tels?\s+sont|telles?\s+sont)\s+(?:les|nos|ses|leurs)\s+"
                           r"(?:\w+\s+)?(?:engagements|priorit[ée]s|actions|objectifs|axes|chantiers|projets)\b",
                           re.IGNORECASE)
# A list of enjeux, which may be stated as problems: "trois enjeux : le manque de places ...".
ENJEUX_HEAD = re.compile(r"\benjeux\b", re.IGNORECASE)
# A noun phrase: an article and a noun ("le manque de places", "l'isolement des familles").
NOUN_PHRASE = re.compile(r"^(?:l['’]\s*|la\s+|le\s+|les\s+|une?\s+)[\wÀ-ÿ-]{4,}", re.IGNORECASE)
# A planned item as the subject of a future passive: "Le centre social du quartier sera conforté",
# "une permanence commune sera ouverte", "deux crèches seront construites".
FUTURE_PASSIVE = re.compile(r"^(?P<subject>(?:la|le|les|l['’]|une?|des|deux|trois|quatre)\s*[^,;:]{4,160}?)\s+"
                            r"(?:sera|seront|va\s+être|vont\s+être)\s+(?:\w+ment\s+|aussi\s+|également\s+)?"
                            r"(?:cré[ée]e?s?|ouverte?s?|construite?s?|conforté(?:e|s|es)?|renforcé(?:e|s|es)?|développé(?:e|s|es)?"
                            r"|étendue?s?|agrandie?s?|rénové(?:e|s|es)?|mise?s?\s+en\s+place|déployé(?:e|s|es)?|installé(?:e|s|es)?"
                            r"|lancé(?:e|s|es)?|organisé(?:e|s|es)?|recruté(?:e|s|es)?|proposé(?:e|s|es)?|accompagné(?:e|s|es)?)\b",
                            re.IGNORECASE)
# A new service as the subject of a verb in the future, told whole: "Un espace jeunes ouvrira à Cléguérec
# en 2026", "un conseiller numérique tiendra des permanences au centre social" (an indefinite subject:
# "le relais proposera ..." may tell what an existing service will keep doing).
FUTURE_ACTIVE = re.compile(r"^(?P<subject>(?:une?|des|deux|trois|quatre|cinq|\d{1,3})\s+[^,;:]{3,80}?)\s+"
                           r"(?:(?:aussi|également|bientôt|prochainement|ensuite|enfin)\s+)?"
                           r"(?P<verb>ouvrir(?:a|ont)|tiendr(?:a|ont)|accueiller(?:a|ont)|proposer(?:a|ont)|s['’]install(?:era|eront)"
                           r"|s['’]implanter(?:a|ont)|sillonner(?:a|ont)|circuler(?:a|ont)|desservir(?:a|ont)|viendr(?:a|ont)\s+renforcer"
                           r"|compl[ée]ter(?:a|ont)|rejoindr(?:a|ont)|interviendr(?:a|ont)|assurer(?:a|ont)|animer(?:a|ont))\b",
                           re.IGNORECASE)
# A short phrase put before a sentence's subject: "Dès janvier, ", "En 2026, ", "Pour les 12-17 ans, ".
FRONTED = re.compile(r"^[^,;:]{1,40},\s*")
# Places to create, counted: "50 places de crèche supplémentaires d'ici 2028", "30 nouvelles places".
NEW_PLACES = re.compile(r"^\d{1,4}\s+(?:nouvelles\s+)?places\b", re.IGNORECASE)
# A link to another page in a page's body: "Lire aussi : ...", "À lire également", "Voir aussi".
WEB_LINK = re.compile(r"^\W*(?:[àa]\s+)?(?:lire|voir|d[ée]couvrir|consulter)\s+(?:aussi|[ée]galement|plus)\b|^\W*en\s+savoir\s+plus",
                      re.IGNORECASE)
# The dash or colon after a field that leads an item: "Jeunesse – Offrir ...".
FIELD_SEPARATOR = re.compile(r"\s*(?::|\s[–—-]\s)\s*")
# Between two aims after a field: "avec la création de places et un soutien aux centres sociaux".
AIM_BREAK = re.compile(r"\s+et\s+(?=(?:la|le|les|une?|des)\s|l['’])", re.IGNORECASE)
# The label of a list item, numbered or not: "Fiche 3 : ", "Action n°2 – ", "Piste : ".
ITEM_LABEL = re.compile(r"^(?:fiches?(?:[\s-]+actions?)?|actions?|objectifs?|pistes?|mesures?)\s*(?:n[°o]\s*)?(?:[\dIVX]+(?:\.\d+)*)?"
                        r"\s*(?::|\s[–—-])\s+", re.IGNORECASE)
# A finite verb makes a field-led noun phrase a finding rather than an aim: "Petite enfance :
# l'offre d'accueil est concentrée au bourg", "Jeunesse : les 11-17 ans disposent de peu de lieux".
FINDING_VERB = re.compile(r"\b(?:est|sont|était|étaient|reste|restent|demeure|demeurent|compte|comptent|dispose|disposent"
                          r"|manque|manquent|existe|existent|souffre|souffrent|concentre|concentrent|progresse|progressent"
                          r"|baisse|baissent|augmente|augmentent|n['’]\w+|ne\s+\w+)\b", re.IGNORECASE)
# An introduction that points back at what the sentence before named: "Parmi elles :", "En voici
# quelques-unes :", "Notamment :".
AMONG_THEM = r"parmi\s+(?:elles|eux|celles-ci|ceux-ci|lesquelles)"
POINTING_BACK = re.compile(rf"^\W*(?:{AMONG_THEM}|en\s+voici|notamment|dont|par\s+exemple)\b", re.IGNORECASE)
# The same introduction closed by a comma, the list following in the sentence: "Parmi elles, l'ouverture
# d'une micro-crèche, ...".
POINTING_BACK_COMMA = re.compile(rf"^\W*{AMONG_THEM}\s*,\s*", re.IGNORECASE)
# An engagement to do things, told in prose rather than as a list: "s'engage à créer ...".
ENGAGED_TO_DO = re.compile(r"s['’]engagen?t?\s+(?:(?:notamment|également|aussi|ainsi|donc|surtout)\s+)?à\s+(?=[a-zà-ÿ])",
                           re.IGNORECASE)
# Items longer than this are prose, not list items.
MAX_ITEM_CHARS = 300
# A verb of purpose in a sentence not about CTGs in general governs the plan from this many clauses,
# most of them naming a field (``_names_a_field``): with fewer, it states the CTG's general purpose
# ("vise à améliorer la lisibilité et l'articulation des services"; two did not pay on the real
# development set: "établir des actions concrètes en faveur des enfants, touchant des thématiques").
PURPOSE_LIST_MIN = 3


@dataclass(frozen=True)
class ProseObjective:
    statement: Statement
    level: Level
    text: str
    rule: str


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    data = lexicon.plans()["prose"]

    names = ("plan_verbs", "wish_verbs", "purpose_verbs", "np_verbs", "list_nouns", "list_heads", "example_cues", "program_predicates",
             "past_cues", "excluded_intros", "boilerplate", "topic_prefixes")
    return {name: phrase_pattern(data[name]) for name in names}


@lru_cache(maxsize=1)
def _project_heads() -> frozenset:
    return frozenset(fold(w) for w in lexicon.plans()["prose"]["project_heads"])


def _level_of(cue: str) -> Level:
    folded = fold(cue)
    for level in (Level.ACTION, Level.ENJEU, Level.OBJECTIF):
        if any(re.search(rf"(?<![a-z]){re.escape(fold(word))}(?![a-z])", folded)
               for word in lexicon.plans()["prose"]["levels"][level.value]):
            return level
    return Level.OBJECTIF


def _is_infinitive(word: str) -> bool:
    return reads_as_objective(word) and bool(re.fullmatch(r"[a-zà-ÿ'’-]+(?:er|ir|re|oir)", fold(word)))


def _clean(item: str) -> str:
    item = BULLET.sub("", clean(item))
    closing = CLOSING_QUOTE.search(item)
    if closing and "«" not in item[:closing.start()] and "“" not in item[:closing.start()]:
        item = item[:closing.start()]  # "« Nous voulons ... ouvrir une ludothèque », détaille l'adjointe"
    item = ITEM_LEAD.sub("", item.strip(ITEM_TRIM))
    item = TRAILING_PREDICATE.sub("", item)
    return item.strip(ITEM_TRIM)


def _without_topic(item: str) -> str:
    """An item without the field it opens with: "S'agissant de la jeunesse, lutter contre ..." ->
    "lutter contre ..." (the item keeps its words; this is what is read for its shape)."""
    match = _patterns()["topic_prefixes"].match(fold_aligned(item))
    if match and "," in item[match.end():match.end() + 80]:
        return item[item.index(",", match.end()) + 1:].strip()
    return item


def _reads_as_item(item: str, nominal: bool = True) -> bool:
    """An item of a list: an objective's shape, or (``nominal``) an article and a noun of action or
    a facility a project creates ("un relais", "l'élargissement des horaires"). A field's name alone
    ("la petite enfance") is a theme, not an objective; an event ("la signature officielle") or a
    sum to commit ("engager 2 M€") is none."""
    if not 3 < len(item) <= MAX_ITEM_CHARS or is_theme_label(item) or NOT_AN_OBJECTIVE.match(item):
        return False
    if NEW_PLACES.match(item):
        return True
    shape = _without_topic(item)
    if reads_as_objective(shape):
        return True
    if not nominal:
        return False
    if reads_as_objective(shape, after_field=True):
        return True
    article = re.match(r"^\s*(?:l['’]\s*|la\s+|le\s+|les\s+|une?\s+|des\s+|(?P<count>deux|trois|quatre|cinq|\d{1,3})\s+)"
                       r"(?:nouve(?:lles?|aux?|l)\s+)?(?:[«\"“]\s*)?(?P<noun>[\wÀ-ÿ-]+)", shape, re.IGNORECASE)
    noun = fold(article["noun"]) if article else ""
    # Counted, a facility is plural: "deux nouvelles micro-crèches".
    counted_plural = bool(article) and bool(article["count"]) and noun.rstrip("sx") in _project_heads()
    return bool(article) and (noun in _project_heads() or counted_plural)


def _reads_as_clause(item: str) -> bool:
    """A clause of a coordinated list: it opens with an infinitive (or a gerund, kept as written:
    "valorisant les métiers de l'accueil")."""
    if not 3 < len(item) <= MAX_ITEM_CHARS or NOT_AN_OBJECTIVE.match(item):
        return False
    words = re.findall(r"[\wÀ-ÿ'’-]+", _without_topic(item))[:2]
    if words and fold(words[0]) in ADVERBS and len(words) > 1:
        words = words[1:]  # "mieux coordonner les actions"
    head = fold(words[0]) if words else ""
    return bool(words) and (_is_infinitive(words[0]) or (head.endswith("ant") and head not in NOT_GERUNDS))


def clauses(rest: str) -> list[str]:
    """The coordinated clauses of the text after a verb of planning, each from its infinitive:
    "de créer un relais, d'étendre les horaires et de soutenir les associations" -> ["créer un
    relais", "étendre les horaires et de soutenir les associations"]. A comma followed by no
    infinitive belongs to the clause before ("clarifier l'information, l'orientation ..."), except
    "ou encore" before a noun phrase ("..., ou encore l'accès à l'information des parents"). What
    follows "à savoir" names what came before ("les trois axes, à savoir l'enfance, ..."): no clause."""
    rest = ITEM_LEAD.sub("", rest.strip())
    rest = re.split(r"[\s,]+à\s+savoir\b", rest, maxsplit=1)[0]
    pieces, start = [], 0
    for match in CLAUSE_BREAK.finditer(rest):
        after = rest[match.end():]
        encore = "encore" in match.group(0)
        if (_reads_as_clause(_clean(after)) or GERUND.match(after) or (encore and _reads_as_item(_clean(after)))) \
                and match.start() > start:
            pieces.append(rest[start:match.start()])
            start = match.end()
    pieces.append(rest[start:])
    return [p for p in (_clean(GERUND.sub("", piece)) for piece in pieces) if p]


def infinitives(rest: str) -> int:
    """How many infinitives head the coordinated clauses of ``rest``, those joined by "et" included:
    "de simplifier ..., de déployer ... et de mieux coordonner ..." -> 3; "de clarifier l'information,
    l'orientation et l'accompagnement" -> 1."""
    count = 0
    for match in COORDINATED_HEAD.finditer(rest):
        word = match["word"]
        count += _is_infinitive(word) or (fold(word) in ("mieux", "davantage", "bien") and match["next"] is not None
                                          and _is_infinitive(match["next"]))
    return count


def _cued_segments(pattern: re.Pattern, text: str) -> list[tuple[str, str]]:
    """(cue as written, the text from it to the next cue) for each cue of ``pattern`` in ``text``."""
    matches = list(pattern.finditer(fold_aligned(text)))
    return [(text[m.start():m.end()], text[m.end():matches[i + 1].start() if i + 1 < len(matches) else len(text)])
            for i, m in enumerate(matches)]


def excluded_intro(text: str) -> bool:
    """Whether an introduction opens a list that is not the plan: the parties' engagements ("les
    signataires s'engagent à :"), a diagnostic's findings ("enjeux repérés par les communes :")."""
    return bool(_patterns()["excluded_intros"].search(fold_aligned(text)))


def _intro_list(statement: Statement, in_plan: bool, patterns: dict[str, re.Pattern],
                before: Statement | None = None) -> list[ProseObjective]:
    """1. an introduction and its list items: "... repose sur trois orientations :" + bullets, or
    any list under a heading of the plan ("Le plan d'actions" / "Parmi elles :" + bullets). An
    introduction that only points back ("Parmi elles :") takes the sentence before it in its block
    ("Le plan compte 18 fiches actions. Parmi elles :")."""
    intro = fold_aligned(_with_antecedent(statement.text, statement, before))
    if patterns["excluded_intros"].search(intro):
        return []
    purpose = statement.scope is Scope.OWN and patterns["purpose_verbs"].search(intro)
    if not (in_plan or purpose or any(patterns[name].search(intro) for name in ("plan_verbs", "list_nouns"))):
        return []
    level = _level_of(statement.text)
    found = []
    for raw in statement.items:
        # A scan that lost the list's end runs the next clause on: "..., Considérant que ...".
        raw = CLAUSE_OPENING.split(ITEM_LABEL.sub("", BULLET.sub("", raw).strip()))[0]
        # "la jeunesse, avec la création d'un point jeunes et un soutien aux clubs": the aims after the field.
        aims = _aims_after_field(raw)
        if aims:
            found += [ProseObjective(statement, level, aim, "intro_list") for aim in aims]
            continue
        item = _clean(_after_field(raw))
        # After its field, an item states the axis's aim, a noun phrase too: "Petite enfance : une
        # offre d'accueil équilibrée entre ville et campagne".
        if _reads_as_item(item) or (field_led(raw) and NOUN_PHRASE.match(item) and not is_theme_label(item)
                                    and not FINDING_VERB.search(item)):
            found.append(ProseObjective(statement, level, item, "intro_list"))
    return found


def _aims_after_field(item: str) -> list[str] | None:
    """The aims an item states after its field ("la jeunesse, avec la création d'un point jeunes et
    un soutien aux clubs" -> the creation, the support), or None when no field leads it."""
    fielded = split_field(_clean(item))
    # "la jeunesse, avec un point accueil écoute jeunes": a facility to create is an aim too.
    if not fielded or not (reads_as_aim(fielded[1]) or _reads_as_item(_clean(fielded[1]))):
        return None
    aims = [_clean(part) for part in AIM_BREAK.split(fielded[1])]
    return aims if all(reads_as_aim(aim) or _reads_as_item(aim) for aim in aims) else [_clean(fielded[1])]


def _with_antecedent(intro: str, statement: Statement, before: Statement | None) -> str:
    """An introduction that only points back ("Parmi elles :") with the sentence before it in its
    block ("Le plan compte 18 fiches actions. Parmi elles :"); any other as it is."""
    if before is not None and before.block is statement.block and POINTING_BACK.match(intro):
        return f"{before.text} {intro}"
    return intro


def _after_field(item: str) -> str:
    """An item without the field that leads it: "Jeunesse – Offrir des activités" -> "Offrir des
    activités"; the item as it is when no field leads it."""
    field = field_led(item)
    if field is None:
        return item
    return FIELD_SEPARATOR.split(item, maxsplit=1)[-1]


def _split_at_infinitive(piece: str) -> list[str]:
    """A list item holding two with "et" before an infinitive: "accompagner les parents et faciliter
    l'accès aux droits" -> two items (in a list, each item opens on its own verb). An "et" inside a
    noun phrase stays ("l'accès aux loisirs et aux vacances"); so does a shared object ("structurer
    et optimiser une offre": each part needs its own)."""
    parts, start = [], 0
    for match in re.finditer(r"\s+et\s+(?=[\wÀ-ÿ'’-]+\b)", piece):
        before, after = piece[start:match.start()], piece[match.end():]
        if len(before.split()) >= 2 and _reads_as_clause(before) and _reads_as_clause(after):
            parts.append(before)
            start = match.end()
    parts.append(piece[start:])
    if len(parts) > 1 and len(parts[-1].split()) >= 2:
        return parts
    return [piece]


def _inline_list(statement: Statement, patterns: dict[str, re.Pattern],
                 before: Statement | None = None) -> list[ProseObjective]:
    """2. a list inline after a colon: "Les axes retenus : informer, accompagner, ...". "Des actions
    à destination des familles : ..." may describe what exists: only in a sentence about this CTG,
    or when its items are infinitives ("Deux engagements y figurent : rénover ..., et créer ...")."""
    head, colon, tail = statement.text.partition(":")
    pointing = POINTING_BACK_COMMA.match(statement.text)
    if pointing and (not colon or len(head) > pointing.end()):
        # "Parmi elles, l'ouverture de ..., la création de ...": the comma stands for the colon.
        head, colon, tail = pointing.group(0).rstrip(", "), ":", statement.text[pointing.end():]
    if not colon or len(head) >= 200 or patterns["excluded_intros"].search(fold_aligned(head)):
        return []
    head = _with_antecedent(head, statement, before)
    # Items closed by semicolons hold their own commas and "et": "faciliter l'accès des apprentis et
    # des saisonniers au logement ; soutenir ...".
    pieces = re.split(r";\s*", tail) if tail.count(";") >= 2 else \
        re.split(r",\s*|\s+ou\s+encore\s+|\s+et\s+(?=(?:la|le|les|une?|des)\s|l['’])", tail)
    items = [_clean(item) for piece in pieces for item in _split_at_infinitive(piece)]
    announced = patterns["list_heads"] if statement.scope is not Scope.OWN else patterns["list_nouns"]
    # "Quatre domaines sont couverts : la petite enfance, avec la création de ... ; l'enfance, avec ...":
    # fields each with its aims are a plan whatever announces them.
    fields_with_aims = sum(_aims_after_field(item) is not None for item in items) >= 2
    if not (announced.search(fold_aligned(head)) or fields_with_aims):
        # An apposition may follow an item ("ouvrir l'accueil en août, jusqu'ici fermé"): the list
        # opens on an infinitive and holds two at least.
        things_to_do = bool(items) and _reads_as_clause(items[0]) and sum(map(_reads_as_clause, items)) >= 2
        if not (things_to_do and patterns["list_nouns"].search(fold_aligned(head))):
            return []
    findings = bool(ENJEUX_HEAD.search(head))  # "trois enjeux : le manque de places, l'isolement ..."
    # "Ses orientations : l'accès aux droits, avec la création de ... ; la petite enfance, avec ...":
    # the aims after each field.
    kept = []
    for item in items:
        aims = _aims_after_field(item)
        if aims:
            kept += aims
        elif _reads_as_item(item) or (findings and NOUN_PHRASE.match(item)):
            kept.append(item)
    items = kept
    level = _level_of(head)
    return [ProseObjective(statement, level, item, "inline_list") for item in items] if len(items) >= 2 else []


def _clause_lists(statement: Statement, patterns: dict[str, re.Pattern]) -> list[ProseObjective]:
    """3. coordinated clauses after each verb of planning (any number), of wish (two or more: "nous
    voulons créer ... et ouvrir ...") or of purpose (three or more), and the noun phrase a verb of planning governs ("la CTG prévoit un lieu d'accueil ...")."""
    text = statement.text
    # "s'engagent à :" opens the parties' engagements; "s'engage à créer ..., à ouvrir ..." is a plan.
    if patterns["excluded_intros"].search(fold_aligned(ENGAGED_TO_DO.sub(" ", text))):
        return []
    engaged = ENGAGED_TO_DO.search(text)
    if engaged and _caf_is_subject(text[:engaged.start()]):
        return []  # "La Caf s'engage à verser la prestation de service, ...": the Caf's part in any CTG
    found: list[ProseObjective] = []
    for name, minimum in (("plan_verbs", 1), ("wish_verbs", 2), ("purpose_verbs", PURPOSE_LIST_MIN)):
        if name == "purpose_verbs" and statement.scope is Scope.GENERIC:
            continue  # "Une CTG permet de coordonner, d'adapter et de simplifier": any CTG's purpose
        for cue, rest in _cued_segments(patterns[name], text):
            items = [item for item in clauses(rest) if _reads_as_clause(item)]
            if name == "wish_verbs":
                # Bare infinitives after a wish: "créer ..., ouvrir ... et soutenir ...".
                items = [part for item in items for part in _split_at_infinitive(item)]
            elif len(items) >= 2:
                # An enumeration ends on "et": "soutenir ..., développer ... et favoriser ...".
                items = items[:-1] + _split_at_infinitive(items[-1])
            if name == "purpose_verbs" and 2 * sum(map(_names_a_field, items)) < len(items):
                continue  # "vise à simplifier les démarches, déployer des services ...": any CTG's purpose
            if name == "wish_verbs" and 2 * sum(map(_concrete, items)) < len(items):
                continue  # "souhaite remercier les agents, saluer ...", "veut aller plus loin": no plan
            if items and (len(items) >= minimum or infinitives(rest) >= minimum):
                level = Level.ACTION if _level_of(cue) is Level.ACTION else Level.OBJECTIF
                found += [ProseObjective(statement, level, item, "clauses") for item in items]
    if not found:
        for cue, rest in _cued_segments(patterns["np_verbs"], text):
            if _caf_is_subject(text[:len(text) - len(rest) - len(cue)]):
                continue  # "La Caf s'engage sur le versement de la prestation de service": its part in any CTG
            rest = re.sub(r"^\s*(?:également|aussi|notamment|entre\s+autres)\s+", "", rest)
            # "prévoit l'ouverture d'une micro-crèche, le renforcement du relais et ...": each noun
            # phrase of the enumeration, as long as each reads as an item.
            for phrase in _noun_phrases(rest):
                if not (re.match(r"^(?:une?|la|le|les|l['’]|des)\b", phrase, re.IGNORECASE) and _reads_as_item(phrase)):
                    break
                found.append(ProseObjective(statement, Level.ACTION, phrase, "planned_item"))
    return found


def _caf_is_subject(before: str) -> bool:
    """Whether the Caf is named in the clause that ends where a verb starts ("De son côté, la Caf
    s'engage à ..."): what it commits to is its part in any CTG."""
    return bool(CAF_WORD.search(re.split(r"[,;:.]", before)[-1]))


def _names_a_field(item: str) -> bool:
    """Whether an item names a field of the CTG: "renforcer l'offre d'accueil du jeune enfant" does,
    "mieux articuler les financements publics" does not. On the real texts, a purpose stated without
    fields was the purpose of any CTG, never an objective of the reader's gold."""
    return any(theme is not Theme.AUTRE for theme in themes_in(item))


def _concrete(item: str) -> bool:
    """Whether an item names a field or a facility: "ouvrir une ludothèque" does, "aller plus loin"
    and "saluer le travail des associations" do not."""
    words = {fold(w) for w in re.findall(r"[\wÀ-ÿ-]+", item)}
    return _names_a_field(item) or bool(words & _project_heads())


def _noun_phrases(rest: str) -> list[str]:
    """The noun phrases of an enumeration: "la création d'un lieu, le développement de l'offre
    ainsi que celle des loisirs et la mise en place d'un guichet" -> three phrases, each without a
    relative clause that ends it."""
    pieces = re.split(r",?\s*\bainsi\s+que\s+(?:celles?\s+|ceux\s+|celui\s+)?|,\s*|\s+ou\s+encore\s+"
                      r"|\s+et\s+(?=(?:sur\s+)?(?:la|le|les|une?|des)\s|(?:sur\s+)?l['’])", rest)
    # A preposition repeated before each phrase: "s'engage sur la création ..., sur l'ouverture ...".
    return [_clean(RELATIVE.sub("", re.sub(r"^\s*(?:et\s+)?sur\s+", "", piece))) for piece in pieces]


def _examples(statement: Statement, patterns: dict[str, re.Pattern]) -> list[ProseObjective]:
    """4. examples of projects ("projets tels que A, B, C") and planned items named as a sentence's
    subject ("l'agrandissement de l'accueil de loisirs est aussi au programme")."""
    text = statement.text
    found: list[ProseObjective] = []
    segments = _cued_segments(patterns["example_cues"], text)[:1]
    if not segments:
        example = EXAMPLES.search(text) or BEARS_ON.search(text)
        segments = [(example.group(0), text[example.end():])] if example else []
    for _, rest in segments:
        # "Des dispositifs comme le relais existent déjà": examples of what exists, not of what is planned.
        found += [ProseObjective(statement, Level.ACTION, item, "projects_listed") for item in _noun_phrases(rest)
                  if _reads_as_item(item) and not FINDING_VERB.search(item)]
    if not found:
        # "Le centre social sera conforté, et une permanence sera ouverte ...": each clause's subject.
        for clause in re.split(r",?\s+et\s+(?=(?:la|le|les|l['’]|une?|des)\b)|;\s*", text):
            passive = FUTURE_PASSIVE.match(clause.strip())
            if passive and _reads_as_item(_clean(passive["subject"])):
                found.append(ProseObjective(statement, Level.ACTION, _clean(passive["subject"]), "planned_item"))
                continue
            # After a fronted phrase: "Dès janvier, un conseiller numérique tiendra des permanences ...".
            told = FRONTED.sub("", clause.strip())
            active = FUTURE_ACTIVE.match(told)
            if active and _reads_as_item(_clean(active["subject"])):
                found.append(ProseObjective(statement, Level.ACTION, _clean(told), "planned_item"))
    predicate = patterns["program_predicates"].search(fold_aligned(text))
    if predicate and not any(item.rule == "projects_listed" for item in found):
        subject = re.sub(r"^.*?\b(?:que|qu['’])\s*", "", text[:predicate.start()]).strip()
        subject = subject.rsplit(":", 1)[-1].strip()  # "La jeunesse est le second axe : un point jeunesse ..."
        for part in re.split(r"\s+et\s+(?=(?:la|le|les|l['’]|une?)\b)", subject):
            item = _clean(part)
            if _reads_as_item(item):
                found.append(ProseObjective(statement, Level.ACTION, item, "planned_item"))
    return found


def _led_by_infinitive(statement: Statement, in_plan: bool, patterns: dict[str, re.Pattern]) -> list[ProseObjective]:
    """5. a sentence that opens on its infinitives, in a section of the plan ("Nos engagements" /
    "Accueillir les tout-petits" / "Créer 60 places et rééquilibrer l'offre.") or naming itself part
    of it ("Recruter un coordinateur, harmoniser les tarifs : voilà les premiers engagements.")."""
    text = statement.text
    first = re.match(r"[\wÀ-ÿ'’-]+", text)
    if not first or not first.group(0)[:1].isupper() or fold(first.group(0)) in _web_verbs():
        return []
    if not (in_plan or NAMED_AS_PLAN.search(text)):
        return []
    if not _reads_as_clause(_clean(text)):
        return []
    body = re.split(r"\s*:\s*(?:voil[àa]|ce\s+sont|tels?\s+sont|telles?\s+sont)\b", text)[0]
    return [ProseObjective(statement, Level.OBJECTIF, item, "lead_infinitive")
            for clause in clauses(body) for item in _split_at_infinitive(clause)
            if _reads_as_clause(item)]


@lru_cache(maxsize=1)
def _web_verbs() -> frozenset:
    return frozenset(fold(w) for w in lexicon.plans()["prose"]["web_verbs"])


def plan_heading(statement: Statement, patterns: dict[str, re.Pattern] | None = None) -> bool:
    """A heading that opens the plan's part of a page: "Nos engagements", "Les axes de travail",
    "Ce qui va changer pour vous"."""
    patterns = patterns or _patterns()
    return statement.heading and statement.scope is not Scope.GENERIC \
        and bool(patterns["list_nouns"].search(fold_aligned(statement.text)))


@once_per_document
def plan_sections(doc: Document) -> list[bool]:
    """For each statement of ``statements(doc)``, whether it stands in the plan's part of the page:
    under a heading of the plan ("Nos engagements"), through the axis headings below it
    ("Accueillir les tout-petits", "Jeunesse", "Le handicap, une priorité transversale"), up to a
    heading of another kind ("Qui contacter ?")."""
    patterns = _patterns()
    flags, in_plan = [], False
    for statement in statements(doc):
        if statement.heading:
            # A label closed by a colon ("Parmi elles :") introduces a list of the section it is in.
            in_plan = plan_heading(statement, patterns) or (in_plan and (axis_heading(statement)
                                                                         or statement.text.rstrip().endswith(":")))
        flags.append(in_plan)
    return flags


def axis_heading(statement: Statement) -> bool:
    """A heading that names an axis: an objective's shape ("Accompagner les parents") or a field
    ("Jeunesse", "Le handicap, une priorité transversale"); not a link to another page ("Lire aussi :
    l'accueil de loisirs affiche complet")."""
    text = statement.text
    if WEB_LINK.match(text):
        return False
    return _reads_as_clause(text) or is_theme_label(text) or bool(field_led(text)) or bool(themes_in(text))


@lru_cache(maxsize=1)
def _purpose_words() -> tuple[re.Pattern, re.Pattern]:
    data = lexicon.plans()["prose"]
    return phrase_pattern(data["process_words"]), phrase_pattern(data["people_words"])


# How the plan came about, in the past, is no past achievement: "le diagnostic a permis de
# dégager cinq orientations :", "les ateliers ont permis de définir les priorités" (folded).
PLAN_ESTABLISHED = re.compile(r"\b(?:a|ont|avait|avaient)\s+(?:notamment\s+|ainsi\s+)?permis\s+d(?:e\s+|')"
                              r"(?:degager|definir|identifier|retenir|faire\s+emerger|fixer|etablir|construire"
                              r"|elaborer|batir|prioriser|hierarchiser)\b")


def partnership_only(item: str) -> bool:
    """Whether an item speaks of the partnership's working and of nobody it serves: "mieux
    coordonner les acteurs", "renforcer la cohérence des politiques", "partager un diagnostic" (the
    purpose of any CTG); not "coordonner les actions de soutien aux parents"."""
    process, people = _purpose_words()
    folded = fold_aligned(item)
    return bool(process.search(folded)) and not people.search(folded)


def prose_objectives(doc: Document) -> list[ProseObjective]:
    """The objectives stated in the document's running text (see the module docstring)."""
    patterns = _patterns()
    found: list[ProseObjective] = []
    every = statements(doc)
    for number, (statement, in_plan) in enumerate(zip(every, plan_sections(doc))):
        folded = fold_aligned(statement.full_text)
        if statement.scope is Scope.GENERIC or patterns["past_cues"].search(PLAN_ESTABLISHED.sub(" ", folded)):
            continue
        if statement.items:
            items = _intro_list(statement, in_plan, patterns, every[number - 1] if number else None)
        elif statement.heading:
            following = next((s for s in every[number + 1:] if not PAGE_NUMBER.match(s.text)), None)
            previous = next((s for s in reversed(every[:number]) if not PAGE_NUMBER.match(s.text)), None)
            in_run = any(other is not None and other.heading and _reads_as_clause(other.text)
                         for other in (following, previous))
            if not (in_plan and _reads_as_clause(statement.text) and not plan_heading(statement, patterns) and in_run):
                continue  # an axis heading is a theme, its objectives follow it
            # A line of a slide's list of actions set like headings, one under the other.
            items = [ProseObjective(statement, Level.ACTION, _clean(statement.text), "lead_infinitive")]
        else:
            before = every[number - 1] if number else None
            items = _inline_list(statement, patterns, before) or _clause_lists(statement, patterns) \
                or _examples(statement, patterns) or _led_by_infinitive(statement, in_plan, patterns)
        # A verb alone ("mobiliser, partager, agir") says what to do with nothing: no objective.
        items = [item for item in items if not patterns["boilerplate"].search(fold_aligned(item.text))
                 and len(item.text.split()) > 1]
        process = [item for item in items if partnership_only(item.text)]
        if 2 * len(process) >= len(items):
            # Mostly the working of the partnership: the purposes of any CTG, not the territory's plan.
            items = [item for item in items if item not in process]
        found += items
    return found


def to_objectives(doc: Document, found: list[ProseObjective]) -> list[Objective]:
    out = []
    for item in found:
        themes = [t for t in themes_in(item.text) if t is not Theme.AUTRE]
        parent = item.statement.text if item.rule == "intro_list" else None
        out.append(Objective(doc_id=doc.doc_id, page=item.statement.page.number, rule=item.rule,
                             snippet=item.statement.full_text[:300], bbox=item.statement.block.bbox.as_tuple(),
                             theme=themes[0] if themes else None, level=item.level, text=item.text,
                             parent_text=parent[:300] if parent else None))
    return out

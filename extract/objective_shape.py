"""Whether a piece of text reads as an objective: an infinitive ("Améliorer l'accueil..."), an
adverb and an infinitive ("Mieux faire connaître..."), or a noun of action ("Soutien aux
familles...", "Renforcement du lien..."). Shared by the plan readers of tables, lists and prose.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract import lexicon
from extract.normalize import clean, fold, is_theme_label


# Nouns of action that may follow an article in a list of projects: "l'ouverture d'une crèche",
# "la création d'un relais", "l'allongement des horaires", "le renforcement", "la relance".
ARTICLE_NOUN_SUFFIXES = ("tion", "sion", "ment", "age", "ure", "ance")


# The field an item of a plan list opens with: "la petite enfance, avec ...", "2. Enfance-jeunesse :
# accompagner ...", "L'accès aux droits, en rapprochant ...".
ITEM_HEAD = re.compile(r"^\s*(?P<head>[^,:–—]{3,60}?)\s*(?:,|:|\s[–—]\s)\s*(?P<rest>.+)$", re.DOTALL)
# Words that join a field to its objective in a list item: "avec l'objectif d'ouvrir", "en
# particulier", "notamment", "grâce à".
ITEM_JOINER = re.compile(r"^(?:avec\s+(?:l['’]objectif\s+(?:de\s+|d['’]))?|en\s+particulier\s+|notamment\s+|grâce\s+à\s+"
                         r"|pour\s+|par\s+)", re.IGNORECASE)
# A gerund after a field keeps its form without "en": "la jeunesse, en développant ..." -> "développant ...".
GERUND_AIM = re.compile(r"^en\s+(?=\w+ant\b)")

# Endings of nouns that look like infinitives of the third group: "signature", "structure",
# "frontière", "première" (not "conclure", "inclure", "exclure").
NOUN_ENDING = re.compile(r"(?<!cl)ure$|ere$")


@lru_cache(maxsize=1)
def _shape_words() -> tuple[frozenset, frozenset, tuple, frozenset]:
    data = lexicon.plans()
    return (frozenset(fold(w) for w in data["verbs_not"]), frozenset(fold(w) for w in data["adverbs"]),
            tuple(fold(w) for w in data["nominal_suffixes"]), frozenset(fold(w) for w in data["nominal_heads"]))


def reads_as_objective(text: str, after_field: bool = False) -> bool:
    """"Améliorer l'accueil...", "Mieux faire connaître...", "Soutien aux familles...",
    "Renforcement du lien..." do; "1 Micro-crèche 12 places", "57% de la population" do not."""
    if not text.strip() or text.strip()[:1].isdigit():
        return False
    # After a field ("la petite enfance, avec l'augmentation du nombre de places"), an article and
    # a noun of action count ("le comité" does not); elsewhere an article opens prose.
    article = re.match(r"^\s*(?:l['’]|la\s+|le\s+|les\s+|une?\s+)", text, flags=re.IGNORECASE)
    if article and not after_field:
        return False
    not_verbs, adverbs, suffixes, heads = _shape_words()
    if article:
        nouns = re.findall(r"[A-Za-zÀ-ÖØ-öø-ÿœŒ-]+", text[article.end():])
        noun = fold(nouns[0]) if nouns else ""
        singular = noun[:-1] if noun.endswith(("s", "x")) and len(noun) > 5 else noun  # "les animations"
        return noun in heads or singular in heads or (singular.endswith(ARTICLE_NOUN_SUFFIXES) and len(singular) > 6)
    words = re.findall(r"[A-Za-zÀ-ÖØ-öø-ÿœŒ'’-]+", text)
    if not words:
        return False
    first = fold(words[0]).strip("'’-")
    if first in adverbs and len(words) > 1:
        first = fold(words[1]).strip("'’-")
    if re.fullmatch(r"[a-z]+(?:er|ir|re|oir)", first) and first not in not_verbs and len(first) > 3 \
            and not NOUN_ENDING.search(first):
        return True
    return first in heads or (first.endswith(suffixes) and len(first) > 5)




def split_field(item: str) -> tuple[str, str] | None:
    """(field, what follows it) of a list item that opens with its field: "La petite enfance, avec
    l'objectif d'ouvrir une crèche" -> ("La petite enfance", "ouvrir une crèche"); "la jeunesse, en
    développant ..." -> ("la jeunesse", "développant ..."). None when no field leads the item."""
    head = ITEM_HEAD.match(item)
    if not head or not is_theme_label(head["head"]):
        return None
    return clean(head["head"]), GERUND_AIM.sub("", ITEM_JOINER.sub("", head["rest"].strip()))


def reads_as_aim(text: str) -> bool:
    """What follows a field reads as its objective: a noun of action after its article too ("la
    création de 80 places"), or a gerund ("développant les projets des jeunes")."""
    return reads_as_objective(text, after_field=True) or bool(re.match(r"^\w+ant\b", text))

"""Parties to the CTG and the persons who sign or represent them.

A person (``extract.persons`` reads the names) is found next to a role: "Thierry Mathieu,
Directeur de la Caisse d'allocations familiales de l'Hérault", "Anne Roux (maire de Vals)" (name,
then role), "représentée par son Président, M. Laurent DEGALLAIX", "le maire Luc Berthier"
(role, then name), "Paul Abel et Anne Roux, respectivement président et directrice de la Caf" (two
lists). The role's complement, or else the party the clause is about, gives the organisation.
A sentence broken over blocks (columns, hard line breaks, a page break) is read whole.

A person signs when the sentence naming them is about the signing ("ont signé", "signataire",
"ont paraphé", "ont apposé leur signature", "réunis pour cette signature", "la cérémonie de
signature s'est déroulée en présence de"), is a party clause ("représentée par Anne Roux et Paul
Abel"), sits in the signature block of a convention, in a caption of the signing's photo ("De g.
à d. : ...", or a line after the signing that only lists persons and roles), in a list introduced
as the signatories ("Ont signé :", "Signataires : ..."), or holds the office a deliberation
authorises to sign; "l'élu a signé" makes a signatory of the elected person named just before.
Such a sentence does not make signatories of the speaker of a quotation ("souligne Paul Abel",
"« ... », a prévenu Anne Roux"), of the persons inside it, of the person another stands in for
("qui représentait le maire Luc Berthier", "au nom du maire", "Jean Roca, excusé, était
représenté par"), nor of an attendance list or a rapporteur. A name found without a role signs
only when spaCy reads it as a person's in a signing sentence, or a civility, a party clause, a
caption or a list of signatories names it.

Organisations themselves (the Caf, the territory) are parties too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extract import lexicon
from extract.ingest.prose import BULLET
from extract.normalize import clean, fold, fold_key, person_name, territory_key
from extract.persons import (
    CIVILITY_WORD,
    FIRST_NAME,
    PERSON,
    Name,
    civility_before,
    find_names,
    group_variants,
    is_person,
    line_of_names,
    not_name,
)
from extract.territory import caf_name, departement_of
from extract.text import Passage, alternation, joined_passages, sentence_at, snippet
from models.conventions import Caf, Territory, TerritoryType
from models.document import Block, Document, Page
from models.parties import OrgKind, Party

# Between a role and the name it titles: a comma or a line break, maybe a civility:
# "son Président, M. Laurent DEGALLAIX", "La Directrice Générale,\nAudrey MATHON-DEBETENCOURT".
ROLE_TO_NAME = re.compile(rf"\s*[,\n]\s*(?:{CIVILITY_WORD}\s+)?|\s+{CIVILITY_WORD}\s+")
# A determiner before a role that titles the name right after it, without a comma: "le maire
# Luc Berthier", "sa présidente Claire Dumas", "aux côtés du Député-Maire Hervé COLLIN".
DETERMINER = re.compile(r"(?:\b(?:le|la|du|au|sa|son|leur|notre|votre)|\bl['’]|\bde\s+la|\bde\s+l['’])\s*$", re.IGNORECASE)
# Between a name and the role that follows it: "Anne Roux, maire", "Anne Roux (maire de ...)",
# "Anne Roux - présidente de ...", "Paul Abel, le président de ...", "Anne Roux Directrice de ...",
# "Anne Roux, sa directrice" (of the party named just before).
NAME_TO_ROLE = re.compile(r"[\s,]*(?:[(\-–—]\s*)?(?:(?:le|la|son|sa)\s+|l['’]\s*)?", re.IGNORECASE)
# The same without an article (a stronger tie): "Anne Roux, maire", "Anne Roux (maire de ...)".
NAME_TO_BARE_ROLE = re.compile(r"[\s,]*(?:[(\-–—]\s*)?")
# Two lists in parallel: "Paul Abel et Anne Roux, respectivement président et vice-présidente".
RESPECTIVELY = re.compile(r"\brespectivement\b", re.IGNORECASE)
# Between two names of a list, two roles of a list: "Paul Abel, Anne Roux et Marc Petit", "le
# président et la directrice".
LIST_GAP = re.compile(r"\s*(?:,|\bet\b|,\s*et\b)\s*")
ROLE_LIST_GAP = re.compile(r"\s*(?:,|\bet\b|,\s*et\b)\s*(?:(?:le|la)\s+|l['’]\s*)?", re.IGNORECASE)
# A party clause: "..., représentée par", "représenté par".
REPRESENTED_BY = re.compile(r"\brepr[ée]s[ée]nt[ée]e?s?\s+par\b", re.IGNORECASE)
# What separates two party clauses: "ci-après dénommée « la Caf », ET La Communauté ...".
PARTY_SEPARATOR = re.compile(r"\n|;|»\s*,|\b(?:Et|ET|Entre|ENTRE)\b")
# The persons a party clause names without a role, one after the other: "représentée par
# Anne Roux et Paul Abel" (what may stand between two of them).
NAME_CHAIN = re.compile(rf"\s*(?:,|\bet\b|,\s*et\b)?\s*(?:{CIVILITY_WORD}\s+)?")
# Signing words in a sentence: "signeront avec", "ont signé", "signée par", "signataires", "ont
# ainsi scellé leur partenariat", "ont paraphé", "le document paraphé par", "cosignée", "ont apposé leur
# signature", "a procédé à la signature", "ont officialisé mardi leur convention", "qui a tenu le stylo", "une signature officialisée par". An infinitive after "à" ("autorise le maire à signer", "se prépare à signer une
# autre convention") is no signing of this sentence's persons.
SIGNING = re.compile(
    r"""\b(?:co-?)?sign(?:é|ée|ées|és|era|eront|ent|ait|aient|ons|ant|ataires?)\b
        |(?<!\bà\s)\b(?:signer|parapher)\b
        |\bparaph(?:é|ée|ées|és|era|eront|ent|ait|aient|ant)\b
        |\b(?:ont|a|avaient|avait|vont|va)\s+(?:\w+\s+){0,2}?scellé\b|\bscelleront\b
        |\bappos(?:é|ée|és|ent|era|eront|ait|aient|ant)\s+(?:leurs?|sa|ses|les)\s+signatures?\b
        |\bproc[ée]d\w*\s+à\s+la\s+signature\b
        |\b(?:a|ont|avait|avaient)\s+tenu\s+(?:le|les)\s+stylos?\b
        |\bsignature\s+(?:officiellement\s+)?(?:officialis|effectu|r[ée]alis)[ée]e\s+par\b
        |\bofficialis(?:é|ée|ées|és|ent|era|eront|ait|aient|ant)\s+(?:\w+\s+){0,2}?(?:la|leur|sa|cette|une|ce)\s+
           (?:ctg|convention|partenariat|engagement|signature)""",
    re.IGNORECASE | re.VERBOSE,
)
# The signing as an event persons attend: "Réunis pour cette signature", "lors de la
# signature", "à l'occasion de la signature", "La signature s'est tenue à la mairie ...", "La signature
# a réuni ...", "la cérémonie de signature s'est déroulée en présence de ...".
SIGNATURE_EVENT = re.compile(
    r"""\b(?:pour|lors\s+de|[àa]\s+l['’]occasion\s+de|au\s+moment\s+de|pendant|durant)\s+(?:la|cette|leur|une|sa)\s+signature\b
        |\bla\s+signature\b[^.;]{0,40}?\b(?:a\s+été|s['’]est|a\s+eu\s+lieu|a\s+réuni|a\s+rassemblé)
        |\b(?:cérémonie|séance|acte)\s+(?:officiel(?:le)?\s+)?de\s+signature\b""",
    re.IGNORECASE | re.VERBOSE,
)
# A title or caption that is the signing itself: "Signature de la convention ... entre la CAF et ...".
SIGNATURE_TITLE = re.compile(r"^\W*signature\s+(?:officielle\s+)?d[eu'’]", re.IGNORECASE)
# A sentence longer than this may be lines run together without stops ("... les accueils de loisirs
# Dans le Cantal, ..."): it is cut where a word opening a sentence follows a word that
# ends none.
LONG_SENTENCE = 400
RUN_ON = re.compile(r"(?P<word>\b[\w'’-]*[a-zà-ÿ0-9])\s+(?=(?:Elle|Il|Ils|Elles|Dans|Les|Le|La|Cette|Ce|Ces|En|Pour|Depuis|Lors)\s)")
# Words after which a capitalised "La", "Les", "En" is a name's ("de La Ciotat"), not a new sentence.
RUN_ON_NOT_AFTER = {"de", "du", "à", "au", "aux", "des", "en", "et", "sur", "par", "pour", "avec", "entre", "chez", "dans", "vers"}
# A quotation: « ... », “ ... ”, " ... ". What it says neither signs nor names signatories.
QUOTE = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"\n]*\"")
OPEN_QUOTE = re.compile(r"[«“]")
# A verb right after a quotation, its speaker next: "« ... », a prévenu Paul Abel", "», glisse la maire".
QUOTE_THEN_VERB = r"[»”\"]\s*,\s*(?:(?:a|avait)\s+)?(?!(?:et|ou|la|le|les|de|du|des|qui|que|dont|à|au|en|pour|par|avec)\b)(?-i:[a-zà-ÿ]+)"
# A relative clause after a name (and its apposition) that says the person signed: "Paul Abel,
# maire, qui a signé la convention".
SIGNER_RELATIVE = re.compile(r"(?:\s*,[^,.;«»]{0,80})?\s*,\s*qui\s+(?:\w+\s+){0,3}?(?:co-?)?(?:sign|paraph)", re.IGNORECASE)
# Who stands in for the person (or role) named after: "qui représentait le maire Luc Berthier",
# "remplaçait le maire, Eric Martin", "en l'absence du président", "a signé au nom du maire Jean Roca",
# "en lieu et place de la présidente, Anne Roux".
STANDS_IN = re.compile(r"""\b(?:repr[ée]sentait|repr[ée]sentant|rempla[çc]ait|rempla[çc]ant|suppl[ée]ait|suppl[ée]ant
                           |en\s+l['’]absence|au\s+nom|pour\s+le\s+compte|en\s+lieu\s+et\s+place)
                           \s+(?:d[eu]\s+|de\s+la\s+|d['’])?(?:le|la|l['’]|son|sa)?\s*$""", re.IGNORECASE | re.VERBOSE)
# A person stood in for, said after the name and its appositions: "Jean Roca, maire, excusé, était
# représenté par ..." (not "Paul Abel a signé pour la commune, qui était représentée par ...").
STOOD_IN_FOR = re.compile(r"""\b(?:était|est|a\s+été|sera|s['’]est\s+fait|s['’]était\s+fait|se\s+faisait)
                              \s+(?:\w+\s+)?repr[ée]s[ée]nt[ée]e?\s+par\b""", re.IGNORECASE | re.VERBOSE)
# What may stand between that person and the clause: appositions, not a relative clause of
# their own nor a new sentence ("Paul Abel a signé pour la commune, qui était représentée par").
STOOD_IN_GAP = re.compile(r"\bqui\b|[.;«»]", re.IGNORECASE)
# An elected person referred back to: "Ce matin-là, l'élu a signé", "l'édile ... était
# signataire", "le premier magistrat".
ANAPHOR = re.compile(r"\b(?:l['’]\s*(?:élue?|édile)|(?:le|la)\s+premi(?:er|ère)\s+magistrate?)\b",
                     re.IGNORECASE)
# Persons just named, referred back to together at the start of the signing sentence: "Ils ont
# signé la CTG", "Toutes deux ont signé", "Les deux élus ont paraphé".
PLURAL_ANAPHOR = re.compile(r"\W*(?:ils|elles|tous\s+(?:les\s+)?deux|toutes\s+(?:les\s+)?deux"
                            r"|les\s+deux\s+(?:signataires|élu(?:e)?s|responsables|représentant(?:e)?s))\b",
                            re.IGNORECASE)
# The roles an anaphor may stand for (folded prefixes).
ELECTED = ("maire", "president", "vice", "adjoint", "conseill", "depute", "senat", "1er", "1ere", "premier", "premiere")
# A deliberation authorising an office holder to sign, without naming them: "AUTORISE Monsieur le
# Maire, ou son représentant, à signer ladite convention", "autorise le Président à signer".
AUTHORISED_TO_SIGN = re.compile(
    r"""\bautoris\w*\s+(?:(?:monsieur|madame|m\.|mme)\s+)?(?:le|la)\s+(?P<role>maire|pr[ée]sidente?|directeur|directrice)\b
        [^.;]{0,60}?\b[àa]\s+signer\b""",
    re.IGNORECASE | re.VERBOSE,
)
# An authorisation to sign that names its holder: "autorise son Président, M. Paul Abel, à signer".
AUTHORISED_NAMED = re.compile(r"\bautoris\w*\s+[^.;]{0,100}?\b[àa]\s+signer\b", re.IGNORECASE)
# The introduction of a list of signatories: "La convention a été signée par :", "La convention est
# signée ce vendredi 9 février 2024 à la Halle olympique d'Albertville par :".
SIGNING_INTRO = re.compile(r"\bsign\w*\b[^.\n]{0,60}:\s*$|\bsign\w*\b[^.\n]{0,120}\bpar\s*:\s*$",
                           re.IGNORECASE | re.MULTILINE)
# A heading over the signatories: "Les signataires", "SIGNATAIRES", numbered on a slide or in a
# press kit: "[6] LES SIGNATAIRES", "4. Les signataires".
SIGNING_HEADING = re.compile(r"^\W*(?:\d{1,2}\W*)?(?:les\s+)?signataires\W*$", re.IGNORECASE)
# The people seated to sign, listed in a sentence of a signing's story: "Autour de la table : M. Roux,
# président de ..., et Mme Abel, directrice de la Caf".
AROUND_TABLE = re.compile(r"^\W*autour\s+de\s+la\s+table\s*[:,]", re.IGNORECASE)
# The same, its list on the same line: "Signataires : Anne Roux, maire ; Paul Abel, directeur de la Caf."
INLINE_SIGNING_INTRO = re.compile(r"\bsign\w*\b[^.:\n]{0,60}:[^.!?\n]*$", re.IGNORECASE)
# A caption naming the people of a photo: "G à D :", "De gauche à droite :", "(de g. à dr.)", "De g à d. ...",
# "Photo : de gauche à droite, ...", "Sur la photo (de g. à d.) : ...", "[Photo] De gauche à droite : ...".
CAPTION = re.compile(r"^\W*(?:(?:photo|sur\s+la\s+photo|en\s+photo|légende)\]?\s*[:,–-]?\s*)?\(?(?:de\s+)?g(?:auche)?\.?\s+[àa]\s+d(?:roite|r)?\.?"
                     r"\)?\s*[:,).-]?\s", re.IGNORECASE)
# The end of a caption: a full stop, not the semicolon between two persons ("Anne Roy, maire ;").
CAPTION_CLOSED = re.compile(r"[.!?…»]\s*$")
# What a caption that only enumerates persons may hold besides them and their roles: "(", ",", "et",
# "Sur la photo", "(à gauche)", "au centre".
CAPTION_FILLER = re.compile(r"""[\s,;:()\[\]«»./–—-]+|\b(?:et|(?:sur\s+la\s+|en\s+)?photos?|cr[ée]dits?|©|ci-(?:dessus|contre)
                                |[àa]\s+(?:gauche|droite)|au\s+(?:centre|milieu))\b""", re.IGNORECASE | re.VERBOSE)
# The end of a convention, where signature blocks stand: "Fait à", "exemplaires originaux", "Pour la Caf".
SIGNATURE_ZONE = re.compile(r"\bfait\s+[àa]\b|exemplaires?\s+originaux|\bpour\s+la\s+caf\b|^\W*signatures?\W*$",
                            re.IGNORECASE | re.MULTILINE)
# A complement naming the organisation after a role: "de la Caisse d'allocations familiales de
# l'Hérault", "du même organisme", "de Frontignan", "de la communauté de communes Vallée de l'Hérault",
# "de la Caisse d'allocations familiales (Caf) du Cantal".
COMPLEMENT = re.compile(r"^\s+(?P<org>(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*(?:[^,;:()\n«»\"“”]|\(\w{2,8}\)){1,90}?)"
                        r"(?=\s*(?:[,;:)\n«»\"“”]|\((?!\w{2,8}\)\s+(?:de|du|des|d['’]))|\.(?:\s|$)|\s[-–—]\s|\bet\b|$))")
# The field of a role, part of the role: "adjointe à l'enfance", "délégué aux solidarités",
# "vice-présidente en charge de la jeunesse" (after "délégué", "chargé", "en charge" or a role of SCOPED_ROLES).
ROLE_SCOPE = re.compile(r"""\s+(?:(?P<lead>délégu[ée]e?|chargée?|en\s+charge)\s+(?:à\s+la|à\s+l['’]|aux|au|de\s+la|de\s+l['’]|des|du|de|d['’])
                            |(?:à\s+la|à\s+l['’]|aux|au)(?!\s*(?:maire|mairie|ville|commune|caf|communauté|métropole|préfecture)\b))
                            \s*[^,;:()\n«»"“”]{1,60}?
                            (?=\s*(?:[,;:()\n«»"“”]|\.(?:\s|$)|\s[-–—]\s|\bet\b|$))""", re.IGNORECASE | re.VERBOSE)
SCOPED_ROLES = ("adjoint", "1er adjoint", "1ere adjoint", "premier", "premiere", "vice", "conseill", "delegu")
# A preposition opening an organisation's name: "de la Caf" -> "Caf" (not "de La" of "de Laval").
LEADING_PREPOSITION = re.compile(r"^(?:de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)", re.IGNORECASE)
# The same organisation as the person before: "Président du Conseil d'administration du même organisme".
SAME_ORG = re.compile(r"m[êe]me\s+organisme", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    name: str
    role: str | None
    org_text: str | None
    org_kind: OrgKind | None
    signatory: bool
    passage: Passage
    span: tuple[int, int]
    rule: str


@dataclass(frozen=True)
class Role:
    start: int
    end: int  # after the complement
    text: str
    org: str | None


@lru_cache(maxsize=1)
def _role_pattern() -> tuple[re.Pattern, dict[str, str | None], re.Pattern]:
    data = lexicon.roles()
    kinds: dict[str, str | None] = {}
    forms = []
    for role in data["roles"]:
        for form in role["forms"]:
            kinds[fold(form)] = role["org_kind"]
            forms.append(form)
    alternatives = "|".join(_loose(f) for f in sorted(forms, key=len, reverse=True))
    part_of_role = "|".join(_loose(p) for p in data["part_of_role"])
    prefixes = "|".join(_loose(p) for p in sorted(data["role_prefixes"], key=len, reverse=True))
    role = re.compile(rf"(?<![\w-])(?P<role>(?:(?:{prefixes})\s+)?(?:{alternatives})(?:\s+(?:{part_of_role}))?)(?![\w-])",
                      re.IGNORECASE)
    return role, kinds, re.compile(rf"\s+(?:{part_of_role})$|^(?:{prefixes})\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _speech() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a speech verb just before a name, a speech verb just after a name and its apposition, an
    attendance heading)."""
    data = lexicon.roles()
    verbs = "|".join(_loose(v) for v in sorted(data["speech_verbs"], key=len, reverse=True))
    # "« ... », souligne Paul Abel" / "rappelle le président de la CCPG Paul Abel" / "« ... », a
    # prévenu Paul Abel" (any verb right after a quotation).
    before = re.compile(rf"(?:\b(?:{verbs})|{QUOTE_THEN_VERB})(?:-t-(?:il|elle))?\b(?:\s+(?:ainsi|encore|alors|aussi))?"
                        rf"[^.;«»\"]{{0,80}}$", re.IGNORECASE)
    # "Paul Abel, directeur de la CAF, a indiqué que" / "Anne Roux soulignait que".
    after = re.compile(rf"(?:\s*,[^.;«»\"]{{0,120}}?,)?\s*(?:(?:a|avait|ont)\s+)?(?:(?:ainsi|aussi|également|encore)\s+)?"
                       rf"\b(?:{verbs})\b", re.IGNORECASE)
    attendance = "|".join(_loose(a) for a in sorted(data["attendance"], key=len, reverse=True))
    return before, after, re.compile(rf"(?:^|[\n.;]\s*)\W*(?:{attendance})\s*:", re.IGNORECASE)


def _loose(phrase: str) -> str:
    """A phrase as a regex tolerant of accents, apostrophes and spacing."""
    out = []
    for char in phrase:
        if char in "éèê":
            out.append("[éèêe]")
        elif char == "'":
            out.append("['’]\\s*")
        elif char == " ":
            out.append("\\s+")
        else:
            out.append(re.escape(char))
    return "".join(out)


def org_kind_of(text: str) -> OrgKind | None:
    """"de la Caisse d'allocations familiales de l'Hérault" -> caf, "de Frontignan" -> None."""
    folded = fold(text)
    for kind, words in lexicon.roles()["org_kinds"].items():
        if alternation(tuple(fold(w) for w in words), "(?<![a-z])", "(?![a-z])").search(folded):
            return OrgKind(kind)
    return None


def _role_kind(role: str) -> OrgKind | None:
    _, kinds, part = _role_pattern()
    # The longest form the role starts with ("adjointe à l'enfance" -> "adjointe"), with or
    # without its part ("président du conseil départemental" is one).
    for text in (fold(role).strip(), fold(part.sub("", role)).strip()):
        form = next((f for f in sorted(kinds, key=len, reverse=True) if text == f or text.startswith(f + " ")), None)
        if form and kinds[form]:
            return OrgKind(kinds[form])
    return None


def _clean_role(role: str) -> str:
    """"présidente de son Conseil d'Administration" -> "Présidente du Conseil d'Administration",
    "nouvelle directrice" -> "Directrice"."""
    role = re.sub(r"\bde\s+son\b", "du", clean(role), flags=re.IGNORECASE)
    role = re.sub(r"\bde\s+sa\b", "de la", role, flags=re.IGNORECASE)
    role = re.sub(r"^(?:nouvel(?:le)?|nouveau|actuel(?:le)?)\s+", "", role, flags=re.IGNORECASE)  # "sa nouvelle directrice"
    return role[:1].upper() + role[1:]


def _subject_org(text: str, start: int) -> str | None:
    """The party a clause is about: "La Caisse d'allocations familiales du Nord représentée par"."""
    left, _ = sentence_at(text, start, start)
    before = text[left:start]
    match = list(REPRESENTED_BY.finditer(before))
    if not match:
        return None
    head = before[: match[-1].start()]
    head = PARTY_SEPARATOR.split(head)[-1]
    head = re.sub(r"^[^\wÀ-ÿ]+", "", clean(head).strip(" ,-–*"))
    head = re.sub(r"^(?:la|le|les)\s+|^l['’]\s*", "", head, flags=re.IGNORECASE)
    return head.strip(" ,*") or None


@lru_cache(maxsize=4096)
def _mask_quotes(text: str) -> str:
    """The text with its quotations blanked (offsets kept); an unclosed one runs to its sentence's end."""
    masked = QUOTE.sub(lambda m: " " * len(m.group()), text)
    for match in OPEN_QUOTE.finditer(masked):
        _, right = sentence_at(masked, match.start(), match.end())
        masked = masked[:match.start()] + " " * (right - match.start()) + masked[right:]
    return masked


def _signing_cues(masked: str, left: int, right: int) -> list[tuple[int, int]]:
    """Where a sentence says it is about signing (quotations blanked in ``masked``)."""
    cues = [m.span() for pattern in (SIGNING, REPRESENTED_BY, SIGNATURE_EVENT) for m in pattern.finditer(masked, left, right)]
    title = SIGNATURE_TITLE.match(masked[left:right])
    return cues + ([(left, left + title.end())] if title else [])


@lru_cache(maxsize=4096)
def _signing_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Bounds of the sentences of a block that are about signing, the words of quotations aside."""
    masked = _mask_quotes(text)
    bounds: list[tuple[int, int]] = []
    position = 0
    while position < len(text):
        left, right = sentence_at(text, position, position + 1)
        if right <= position:
            position += 1
            continue
        pieces = [(left, right)]
        if right - left > LONG_SENTENCE:
            cuts = [m.end("word") for m in RUN_ON.finditer(text, left, right) if m.group("word").lower() not in RUN_ON_NOT_AFTER]
            pieces = list(zip([left, *cuts], [*cuts, right]))
        bounds.extend(piece for piece in pieces if _signing_cues(masked, *piece) and piece not in bounds)
        position = right + 1
    return tuple(bounds)


@lru_cache(maxsize=1024)
def _analysed(text: str) -> tuple[tuple[Name, ...], tuple[Role, ...], dict]:
    """A block's names, roles, and each name's role (read once per block, by spaCy's step too)."""
    people = find_names(text)
    roles = _roles_in(text, people)
    return tuple(people), tuple(roles), _bind_roles(text, people, roles)


def _roles_in(text: str, people: list[Name]) -> list[Role]:
    """Roles with their complements; a complement stops where a name starts ("le maire de
    Mende Luc Berthier")."""
    role_re, _, _ = _role_pattern()
    roles = []
    for match in role_re.finditer(text):
        role_end = match.end()
        scope = ROLE_SCOPE.match(text[role_end:])
        if scope and (scope.group("lead") or fold(match.group("role")).startswith(SCOPED_ROLES)):
            role_end += scope.end()
        complement = COMPLEMENT.match(text[role_end:])
        org, end = None, role_end
        if complement:
            org_start, org_end = role_end + complement.start("org"), role_end + complement.end("org")
            cut = next((p.start for p in people if org_start < p.start < org_end), None)
            if cut is not None:
                org_end = cut
            org = text[org_start:org_end].rstrip() or None
            end = org_start + len(org or "")
        roles.append(Role(match.start(), end, text[match.start("role"):role_end], org))
    return roles


def _bind_roles(text: str, people: list[Name], roles: list[Role]) -> dict[tuple, tuple[Role | None, str]]:
    """Each person's role and how it was found, in this order: a role given respectively ("le
    président et la directrice de la MSA, Paul Abel et Anne Roux"), a role right after the name
    ("Anne Roux, maire de ..."), a role before it ("son Président, M. Paul Abel", "le maire Paul
    Abel"), a role after the name with an article ("Paul Abel, le président de ...", weaker: the
    article may as well open the next person's title)."""
    bound: dict[tuple, tuple[Role | None, str]] = dict.fromkeys(people, (None, "civility"))
    bound.update({p: (r, "respectively") for p, r in _respective(text, people, roles).items()})

    def after(person: Name, article: bool) -> Role | None:
        return next((r for r in roles if 0 <= r.start - person.end <= 8
                     and (NAME_TO_ROLE if article else NAME_TO_BARE_ROLE).fullmatch(text[person.end:r.start])), None)

    def free(role: Role) -> bool:
        return all(r is not role for r, _ in bound.values())

    for person in people:
        if bound[person][0] is None and (role := after(person, False)) and free(role):
            bound[person] = (role, "name_then_role")
    for person in people:
        if bound[person][0] is None:
            # A role in apposition to the name before it is not also the title of the name after
            # it ("Laurent Teissier, président du conseil, Michel Arrouy").
            role = next((r for r in roles if free(r) and 0 <= person.start - r.end <= 16
                         and (ROLE_TO_NAME.fullmatch(text[r.end:person.start])
                              or (re.fullmatch(r"\s+", text[r.end:person.start]) and DETERMINER.search(text[:r.start])))), None)
            if role:
                bound[person] = (role, "role_then_name")
    for person in people:
        if bound[person][0] is None and (role := after(person, True)) and free(role):
            bound[person] = (role, "name_then_role")
    return bound


def _respective(text: str, people: list[Name], roles: list[Role]) -> dict[tuple, Role]:
    """Roles and names given in two parallel lists: "Paul Abel et Anne Roux, respectivement
    président et vice-présidente de la CCVA", "le président et la directrice de la MSA, Paul Abel
    et Anne Roux". The last role's complement is the others' too."""
    def chain(items: list, gap: re.Pattern, first: int, step: int) -> list:
        out = [items[first]]
        index = first + step
        while 0 <= index < len(items):
            left, right = (items[index], out[-1]) if step < 0 else (out[-1], items[index])
            if not gap.fullmatch(text[left.end:right.start]):
                break
            out.append(items[index])
            index += step
        return out[::-1] if step < 0 else out

    pairs: dict[tuple, Role] = {}
    for match in RESPECTIVELY.finditer(text):
        names = [i for i, p in enumerate(people) if p.end <= match.start() and re.fullmatch(r"[\s,]*", text[p.end:match.start()])]
        firsts = [i for i, r in enumerate(roles) if r.start >= match.end() and re.fullmatch(r"\s*", text[match.end():r.start])]
        if names and firsts:
            _pair(chain(people, LIST_GAP, names[0], -1), chain(roles, ROLE_LIST_GAP, firsts[0], 1), pairs)
    for index, role in enumerate(roles):
        if any(role is r for r in pairs.values()):
            continue
        listed = chain(roles, ROLE_LIST_GAP, index, 1)
        following = [i for i, p in enumerate(people) if p.start >= listed[-1].end and re.fullmatch(r"\s*,\s*", text[listed[-1].end:p.start])]
        if len(listed) >= 2 and following:
            _pair(chain(people, LIST_GAP, following[0], 1), listed, pairs)
    return pairs


def _pair(names: list, roles: list[Role], pairs: dict) -> None:
    if len(names) != len(roles) or len(names) < 2:
        return
    org = roles[-1].org
    for name, role in zip(names, roles):
        pairs[name] = role if role.org or not org else replace(role, org=org)


@dataclass(frozen=True)
class BlockContext:
    """What decides, for a block, whether the persons it names sign."""
    signing_doc: bool
    signature_zone: bool
    signing_list: bool
    spacy_names: frozenset[tuple[int, int]] = frozenset()
    after_signing: bool = False  # a block just before, on the page, tells of the signing


def _mentions_in(passage: Passage, context: BlockContext) -> list[Mention]:
    """Persons of one block, with whether each signs."""
    text = passage.text
    masked = _mask_quotes(text)
    people, _, bound = _analysed(text)
    signing = _signing_sentences(text)
    previous = passage.previous.text if passage.previous else ""
    # A caption runs on into the next block when a layout cut it mid-sentence.
    caption = context.signing_doc and (bool(CAPTION.match(text))
                                       or bool(CAPTION.match(previous) and not CAPTION_CLOSED.search(previous))
                                       or (context.after_signing and _enumeration(text, people, bound, previous)))
    chained = _represented_chain(text, people)
    found: list[Mention] = []
    for person in people:
        person_text, p_start, p_end = person
        role, rule = bound[person]
        left, right = sentence_at(text, p_start, p_end)
        sentence = text[left:right]
        confirmed = (p_start, p_end) in context.spacy_names  # spaCy reads the name without a role as a person's
        in_signing_sentence = any(l < p_end and p_start < r for l, r in signing) and masked[p_start:p_end].strip() != ""
        if role is None and not (confirmed or chained.get(person) or caption
                                 or civility_before(text, p_start)):
            continue
        listed = context.signing_list or bool(SIGNING_INTRO.search(text[:left]) or INLINE_SIGNING_INTRO.search(text[:p_start]))
        bystander = _bystander(text, masked, people, person, bound[person], (left, right))
        authorised = any(m.start() < p_start and p_end < m.end() for m in AUTHORISED_NAMED.finditer(masked, left, right))
        around_table = context.signing_doc and bool(AROUND_TABLE.match(sentence))
        signatory = bool((in_signing_sentence and not bystander) or authorised or chained.get(person) or listed
                         or caption or around_table
                         or (context.signature_zone and role is not None and len(text) < 200 and not bystander))
        if role is None and not signatory and not civility_before(text, p_start):
            continue
        org = role.org if role else None
        kind = org_kind_of(org) if org else None
        if org and SAME_ORG.search(org) and found:
            org, kind = found[-1].org_text, found[-1].org_kind
        if org is None and REPRESENTED_BY.search(sentence):
            org = _subject_org(text, p_start)
            kind = org_kind_of(org) if org else None
        if kind is None and role:
            kind = _role_kind(role.text)
        rule = ("caption" if caption else "represented_by" if chained.get(person) and not role
                else "spacy_per_signing" if confirmed and not role else rule)
        found.append(Mention(person_name(person_text), _clean_role(role.text) if role else None,
                             clean(org) if org else None, kind, signatory, passage, (p_start, p_end), rule))
    return found


def _bystander(text: str, masked: str, people: list, person: Name, bound: tuple[Role | None, str],
               sentence: tuple[int, int]) -> bool:
    """Who speaks, is stood in for, or is listed as present does not sign by this sentence."""
    (role, rule), (left, right) = bound, sentence
    if _speaker(text, masked, people, person, role, left, right):
        return True
    anchor = role.start if role is not None and rule == "role_then_name" else person.start
    if STANDS_IN.search(text[max(left, anchor - 40):anchor]):
        return True
    stood_in_for = STOOD_IN_FOR.search(text, person.end, min(right, person.end + 100))
    if stood_in_for and not STOOD_IN_GAP.search(text, person.end, stood_in_for.start()) \
            and not SIGNING.search(text, person.end, stood_in_for.start()) \
            and not any(person.end < other.start < stood_in_for.start() for other in people):
        return True
    _, _, attendance = _speech()
    return bool(attendance.search(text[left:person.start]))


def _speaker(text: str, masked: str, people: list, person: Name, role: Role | None,
             left: int, right: int) -> bool:
    """Whether the person is the speaker of a quotation: "« ... », souligne Paul Abel", "rappelle
    le président de la CCPG Paul Abel", "Anne Roux, directrice de la CAF, a indiqué que". Not
    when another name or a signing word stands between the name and the verb ("Anne Roux, maire,
    et Paul Abel ont signé ... a déclaré", "selon le rapport, la convention signée par Paul Abel")."""
    if SIGNER_RELATIVE.match(masked, person.end, right):
        return False
    before, after, _ = _speech()
    verb = before.search(text, max(left, person.start - 100), person.start)
    if verb:
        gap_end = role.start if role is not None and role.start >= verb.end() else person.start
        if gap_end - verb.end() <= 25 and not SIGNING.search(masked, verb.end(), person.start) \
                and not any(verb.start() <= p.start and p.end <= person.start for p in people if p != person):
            return True
    verb = after.match(text, person.end, right)
    if not verb:
        return False
    return not any(person.end < p.start < verb.end() for p in people) and not SIGNING.search(masked, person.end, verb.end())


def _represented_chain(text: str, people: list[Name]) -> dict[tuple, bool]:
    """The persons a party clause names right after "représentée par", without a role:
    "la CCPG représentée par Anne Roux et Paul Abel"."""
    chained: dict[tuple, bool] = {}
    for match in REPRESENTED_BY.finditer(text):
        position = match.end()
        for person in people:
            if person.start < position:
                continue
            if not NAME_CHAIN.fullmatch(text[position:person.start]):
                break
            chained[person] = True
            position = person.end
    return chained


def _enumeration(text: str, people: list[Name], bound: dict, previous: str) -> bool:
    """A caption that only enumerates persons and their roles: "Anne Roux (directrice de la
    CAF), Paul Abel (président de la CAF) et Marc Petit (maire de Rieux)". Not a list under a
    heading ("Comité de pilotage :"), nor one with civilities (an attendance list's way)."""
    if len(people) < 2 or previous.rstrip().endswith(":") or any(civility_before(text, p.start) for p in people):
        return False
    return _only_persons(text, people, bound)


def _only_persons(text: str, people: list[Name], bound: dict) -> bool:
    """Whether a short text holds nothing but persons, their roles and punctuation, one at least
    with a role: "Anne Roux (directrice de la CAF) et Paul Abel", "M. Paul Abel, maire de Vals"."""
    _, _, attendance = _speech()
    if len(text) > 400 or not people or not any(bound[p][0] for p in people) or attendance.search(text):
        return False
    spans = sorted([(p.start, p.end) for p in people] + [(r.start, r.end) for r, _ in bound.values() if r])
    rest, position = [], 0
    for start, end in spans:
        rest.append(text[position:max(position, start)])
        position = max(position, end)
    rest.append(text[position:])
    residue = CAPTION_FILLER.sub("", "".join(rest))
    return len(residue) <= 0.1 * len(text)


def _authorised_signers(all_passages: list[Passage], mentions: list[Mention]) -> list[Mention]:
    """A deliberation authorising "Monsieur le Maire" to sign makes a signatory of the one person
    the document names with that role ("sous la présidence de Monsieur Bertrand HUMBERT, Maire")."""
    roles = {fold(m["role"])[:6] for passage in all_passages for m in AUTHORISED_TO_SIGN.finditer(passage.text)}
    if not roles:
        return mentions
    out = list(mentions)
    for role in roles:
        holders = {fold_key(m.name): i for i, m in enumerate(mentions) if m.role and fold(m.role).startswith(role)}
        if len(holders) == 1:
            index = next(iter(holders.values()))
            out[index] = replace(mentions[index], signatory=True, rule="authorised_to_sign")
    return out


def _anaphoric_signers(blocks: list[tuple[Passage, list[Mention]]]) -> list[Mention]:
    """"Ce matin-là, l'élu a signé ...", "l'édile ... était signataire": the elected person
    named last, in this block or the two before, signs; "Ils ont signé", "Toutes deux ont signé":
    the persons named with their roles in the sentence before sign. Returns the mentions marked so."""
    found = []
    for index, (passage, _) in enumerate(blocks):
        text = passage.text
        masked = _mask_quotes(text)
        for left, right in _signing_sentences(text):
            cue = SIGNING.search(masked, left, right)
            if cue and PLURAL_ANAPHOR.match(masked, left) and not any(left <= m.span[0] < right for m in blocks[index][1]):
                # The persons with a role named in the sentence before, in this block or the last one.
                before = [m for m in blocks[index][1] if m.span[1] <= left]
                if not before and index:
                    before = blocks[index - 1][1]
                if before:
                    start = sentence_at(before[-1].passage.text, *before[-1].span)[0]
                    named = [m for m in before if m.role and m.span[0] >= start]
                    if len(named) >= 2:
                        found += [replace(m, signatory=True, rule="anaphor_signing") for m in named]
                continue
            anaphor = ANAPHOR.search(masked, left, right)
            if not anaphor or not cue or anaphor.start() > cue.start() \
                    or any(left <= m.span[0] < cue.start() for m in blocks[index][1]):
                continue
            earlier = [m for _, ms in blocks[max(0, index - 2):index] for m in ms] + \
                [m for m in blocks[index][1] if m.span[1] <= left]
            elected = [m for m in earlier if m.role and fold(m.role).startswith(ELECTED)]
            if elected:
                found.append(replace(elected[-1], signatory=True, rule="anaphor_signing"))
    return found


def _stacked(doc: Document, zone: set[int]) -> list[Mention]:
    """Signature blocks in columns: a role ("La Directrice Générale,") in one block or table cell,
    the name ("Audrey MATHON-DEBETENCOURT") in the block right below it; a line of two names under
    a line of two roles when the columns ran together ("Le Directeur Le Président" over "Jérôme
    DELATTRE Francis PETIT")."""
    role_re, _, _ = _role_pattern()
    found = []
    for page in doc.pages:
        for block in page.blocks:
            names = line_of_names(block.text) if id(block) in zone else []
            if not names:
                continue
            # In a signature table the name sits at the foot of its cell, below the space left
            # for the signature: the cell above in the same column, however far, holds the role.
            in_table = block.table is not None
            above = [b for b in page.blocks if b is not block and 0 <= block.bbox.y0 - b.bbox.y1
                     and (block.bbox.y0 - b.bbox.y1 < 3 * max(block.size, 8) or (in_table and b.table == block.table))
                     and b.bbox.x_overlap(block.bbox) >= 0.5 * min(b.bbox.width, block.bbox.width)]
            for candidate in sorted(above, key=lambda b: block.bbox.y0 - b.bbox.y1)[:1]:
                roles = list(role_re.finditer(candidate.text))
                if not roles or len(candidate.text) > 160 or len(roles) < len(names):
                    continue
                for name, role in zip(names, roles):
                    complement = COMPLEMENT.match(candidate.text[role.end():]) if len(names) == 1 else None
                    org = complement.group("org") if complement else None
                    if org is None and in_table:
                        org = _column_head_org(page, candidate)
                    kind = (org_kind_of(org) if org else None) or _role_kind(role.group("role"))
                    found.append(Mention(person_name(name.text), _clean_role(role.group("role")), clean(org) if org else None,
                                         kind, True, Passage(page, block, candidate), (name.start, name.end),
                                         "signature_block"))
    return found


def _column_head_org(page: Page, role_cell: Block) -> str | None:
    """The organisation heading a signature table's column ("La CAF du Nord", "Pour la
    Commune"): the nearest cell above the role's naming one, a short line over the column."""
    above = sorted((b for b in page.blocks if b.table == role_cell.table and b.bbox.y1 <= role_cell.bbox.y0
                    and b.bbox.x_overlap(role_cell.bbox) > 0 and len(b.text) <= 80),
                   key=lambda b: role_cell.bbox.y0 - b.bbox.y1)
    for cell in above:
        if org_kind_of(cell.text) is not None:
            return re.sub(r"^\W*(?:pour\s+)?(?:la|le|l['’])\s*", "", cell.text.strip(), flags=re.IGNORECASE)
    return None


def _signature_zone(doc: Document) -> set[int]:
    """The blocks (by ``id``) after a closing formula ("Fait à ...", "Pour la Caf"), on its page
    and the next: where signature blocks stand."""
    zone: set[int] = set()
    for page in doc.pages:
        for index, block in enumerate(page.blocks):
            if SIGNATURE_ZONE.search(block.text):
                zone.update(id(b) for b in page.blocks[index:])
                if page.number < doc.n_pages:
                    zone.update(id(b) for b in doc.pages[page.number].blocks)
                break
    return zone


def _spacy_names(all_passages: list[Passage], nlp) -> dict[int, frozenset[tuple[int, int]]]:
    """The names without a role in signing sentences that spaCy reads as persons, by passage
    index (its places and organisations shaped like names are not). Only sentences holding such
    a name are read, all in one batch."""
    sentences: list[tuple[int, int, str]] = []
    for number, passage in enumerate(all_passages):
        text = passage.text
        people, _, bound = _analysed(text)
        roleless = [p for p in people if bound[p][0] is None]
        for left, right in _signing_sentences(text):
            if any(left < p.end and p.start < right for p in roleless):
                sentences.append((number, left, text[left:right]))
    found: dict[int, set[tuple[int, int]]] = {}
    for (number, left, _), parsed in zip(sentences, nlp.pipe(s for _, _, s in sentences)):
        text = all_passages[number].text
        people, _, _ = _analysed(text)
        for ent in parsed.ents:
            start, end = left + ent.start_char, left + ent.end_char
            name = ent.text.strip()
            if ent.label_ != "PER" or not PERSON.fullmatch(name) or not is_person(name) \
                    or re.search(r"\b(?:à|au|aux|en)\s*$", text[max(0, start - 6):start]):
                continue  # "Mont de Marsan Agglomération", "signée à Pont Audemer"
            found.setdefault(number, set()).update((p.start, p.end) for p in people if p.start < end and start < p.end)
    return {k: frozenset(v) for k, v in found.items()}


def _org_name(mention: Mention, caf: Caf | None, territory: Territory | None) -> str | None:
    if mention.org_kind is OrgKind.CAF:
        departement = departement_of(re.sub(r"^.*?(?:allocations\s+familiales|caf)\s*(?:\([^)]*\))?", "",
                                            mention.org_text or "", flags=re.IGNORECASE))
        if departement:
            return caf_name(departement)
        if caf:
            return caf.name
    if mention.org_kind in (OrgKind.COMMUNE, OrgKind.EPCI) and territory:
        wanted = OrgKind.COMMUNE if territory.type is TerritoryType.COMMUNE else OrgKind.EPCI
        # "Maire" alone, "la commune de Valros", "la Communauté de communes d'Erdre" (a name cut
        # at "et"): the territory.
        own, written = territory_key(territory.name), territory_key(mention.org_text or "")
        if mention.org_kind is wanted and (not mention.org_text or written == own or own.startswith(written + "-")):
            return territory.name
    if mention.org_text:
        text = LEADING_PREPOSITION.sub("", mention.org_text).rstrip(" .")
        return text[:1].upper() + text[1:]
    return None


def _merge(mentions: list[Mention]) -> list[Mention]:
    """One row per person, a signatory if any mention signs. Its name is written as in a mention
    with a role (more careful than a caption's list), else a signing one, else the first."""
    merged = []
    for group in group_variants([m.name for m in mentions]):
        members = [mentions[i] for i in group]
        full = [m for m in members if " " in m.name] or members
        best = max(enumerate(full), key=lambda pair: (pair[1].role is not None, pair[1].signatory, -pair[0]))[1]
        merged.append(replace(best, signatory=any(m.signatory for m in members),
                              role=best.role or next((m.role for m in members if m.role), None),
                              org_text=best.org_text or next((m.org_text for m in members if m.org_text), None),
                              org_kind=best.org_kind or next((m.org_kind for m in members if m.org_kind), None)))
    return merged


def extract_parties(doc: Document, nlp=None, caf: Caf | None = None,
                    territory: Territory | None = None) -> list[Party]:
    signing_doc = any(SIGNING.search(b.text) or SIGNATURE_EVENT.search(b.text) for _, b in doc.blocks())
    zone = _signature_zone(doc)
    all_passages = joined_passages(doc)
    spacy_names = _spacy_names(all_passages, nlp) if nlp is not None else {}
    blocks: list[tuple[Passage, list[Mention]]] = []
    signing_list = False
    for number, passage in enumerate(all_passages):
        after_signing = any(p.page is passage.page and _signing_sentences(p.text) for p in all_passages[max(0, number - 3):number])
        context = BlockContext(signing_doc, id((passage.parts or (passage.block,))[0]) in zone, signing_list, spacy_names.get(number, frozenset()),
                               after_signing)
        blocks.append((passage, _mentions_in(passage, context)))
        # Items after "La convention a été signée par :" or a heading "Les signataires" are
        # signatories until the list ends: its items are bullets or lines of persons and roles.
        text = passage.text.strip()
        if SIGNING_INTRO.search(text) or SIGNING_HEADING.match(text):
            signing_list = True
        elif not BULLET.match(text) and not _only_persons(text, *_analysed(text)[::2]):
            signing_list = False
    mentions = [m for _, ms in blocks for m in ms]
    mentions.extend(_anaphoric_signers(blocks))
    mentions.extend(_stacked(doc, zone))
    mentions = _authorised_signers(all_passages, mentions)
    parties = []
    for m in _merge(mentions):
        if m.role is None and not m.signatory:
            continue  # a name with a civility and nothing else tells no party
        if " " not in m.name:
            m = replace(m, name=_with_first_name(m.name, all_passages))
        parties.append(Party(
            doc_id=doc.doc_id, page=m.passage.page.number, rule=m.rule,
            snippet=snippet(m.passage.text, *m.span), bbox=m.passage.block.bbox.as_tuple(),
            org_name=_org_name(m, caf, territory), org_kind=m.org_kind or OrgKind.OTHER,
            person_name=m.name, person_role=m.role, is_signatory=m.signatory,
        ))
    parties.extend(_organisations(doc, caf, territory))
    return parties


def _with_first_name(surname: str, passages: list[Passage]) -> str:
    """A person named by a civility and a surname ("M. Chabal") whom the text names in full elsewhere
    ("Alain Chabal l'a rappelé"): the full name, when one first name only goes with that surname."""
    text = "\n".join(p.text for p in passages)
    before = re.finditer(rf"(?<![\w-])([A-ZÀ-Ý][\w-]+)\s+{re.escape(surname)}(?![\w-])", text)
    first = {m.group(1) for m in before if FIRST_NAME.match(m.group(1)) and not not_name(m.group(1))}
    return f"{first.pop()} {surname}" if len(first) == 1 else surname


def _organisations(doc: Document, caf: Caf | None, territory: Territory | None) -> list[Party]:
    """The Caf and the territory as parties, without a person."""
    rows = []
    if caf:
        rows.append(Party(doc_id=doc.doc_id, page=caf.page, rule=caf.rule, snippet=caf.snippet, bbox=caf.bbox,
                          org_name=caf.name, org_kind=OrgKind.CAF, is_signatory=True))
    if territory and territory.type:
        kind = {TerritoryType.COMMUNE: OrgKind.COMMUNE, TerritoryType.EPCI: OrgKind.EPCI,
                TerritoryType.DEPARTEMENT: OrgKind.DEPARTEMENT}.get(territory.type, OrgKind.OTHER)
        rows.append(Party(doc_id=doc.doc_id, page=territory.page, rule=territory.rule, snippet=territory.snippet,
                          bbox=territory.bbox, org_name=territory.name, org_kind=kind, is_signatory=True))
    return rows

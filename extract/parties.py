"""Parties to the CTG and the persons who sign or represent them.

A person is found next to a role: "Thierry Mathieu, Directeur de la Caisse d'allocations
familiales de l'Hérault" (name, then role), "représentée par son Président, M. Laurent
DEGALLAIX" and a signature block "La Directrice Générale, Audrey MATHON-DEBETENCOURT" (role,
then name), "Michel Arrouy Maire de Frontignan" in a photo caption. The role's complement, or
else the party the sentence is about, gives the organisation. A person signs when the sentence
is about signing ("signeront avec", "ont signé"), is a party clause ("représentée par"), sits
in the signature block of a convention, or in the caption of the signing's photo. spaCy's
person entities add the persons a signing sentence names without a role.

Organisations themselves (the Caf, the territory, co-signatories such as the MSA or the
Département named in a party clause or a signing sentence) are parties too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from extract import lexicon
from extract.ingest.prose import BULLET
from extract.normalize import clean, fold, fold_key, person_name, territory_key
from extract.reference import is_commune_name
from extract.territory import departement_of, caf_name
from extract.text import Passage, alternation, passages, sentence_at, snippet
from models.conventions import Caf, Territory, TerritoryType
from models.document import Block, Document, Page
from models.parties import OrgKind, Party

# A word of a person's name: "Thierry", "Jean-François", "MATHON-DEBETENCOURT", "D'ARTAGNAN".
NAME_WORD = r"(?:[A-ZÀ-Ý][a-zà-ÿ]+(?:[-'’][A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]+)*|[A-ZÀ-Ý]{2,}(?:[-'’][A-ZÀ-Ý]{2,})*)"
# A person: a first name and one or two more words, particles allowed: "Laurent Teissier",
# "Audrey MATHON-DEBETENCOURT", "Charles de GAULLE".
# (OCR's stray dot after the first name, and its space in a compound one, are tolerated:
# "Thierry. Mathieu", "Jean- Marc Marchand".)
PERSON = re.compile(
    rf"(?<![\w'’-])(?P<name>[A-ZÀ-Ý][a-zà-ÿ]+(?:-\s?[A-ZÀ-Ý][a-zà-ÿ]+)?\.?(?:\s+(?:(?:de|du|des|le|la|van|von|da|di)\s+|d['’])?{NAME_WORD}){{1,3}})(?![\w'’-])"
)
# A civility before a name: "Madame Véronique DELCOURT", "M. Laurent DEGALLAIX".
CIVILITY = re.compile(r"(?:Monsieur|Madame|Mademoiselle|M\.|Mme\.?|Mlle\.?|Mr\.?)\s+$")
# Between a role and the name it titles: a comma or a line break, maybe a civility:
# "son Président, M. Laurent DEGALLAIX", "La Directrice Générale,\nAudrey MATHON-DEBETENCOURT".
ROLE_TO_NAME = re.compile(r"\s*[,\n]\s*(?:(?:Monsieur|Madame|Mademoiselle|M\.|Mme\.?|Mlle\.?|Mr\.?)\s+)?"
                          r"|\s+(?:Monsieur|Madame|Mademoiselle|M\.|Mme\.?|Mlle\.?|Mr\.?)\s+")
# A party clause: "..., représentée par", "représenté par".
REPRESENTED_BY = re.compile(r"\brepr[ée]sent[ée]e?s?\s+par\b", re.IGNORECASE)
# Signing words in a sentence: "signeront avec", "ont signé", "signée par", "signataires".
SIGNING = re.compile(r"\bsign(?:é|ée|ées|és|er|era|eront|ent|ait|ons|ant|ataires?)\b", re.IGNORECASE)
# A deliberation authorising an office holder to sign, without naming them: "AUTORISE Monsieur le
# Maire, ou son représentant, à signer ladite convention", "autorise le Président à signer".
AUTHORISED_TO_SIGN = re.compile(
    r"""\bautoris\w*\s+(?:(?:monsieur|madame|m\.|mme)\s+)?(?:le|la)\s+(?P<role>maire|pr[ée]sidente?|directeur|directrice)\b
        [^.;]{0,60}?\b[àa]\s+signer\b""",
    re.IGNORECASE | re.VERBOSE,
)
# The introduction of a list of signatories: "La convention a été signée par :".
SIGNING_INTRO = re.compile(r"\bsign\w*\b[^.\n]{0,60}:\s*$", re.IGNORECASE | re.MULTILINE)
# A caption naming the people of a photo: "G à D :", "De gauche à droite :", "(de g. à dr.)".
CAPTION = re.compile(r"^\W*(?:de\s+)?g(?:auche)?\.?\s+[àa]\s+d(?:roite|r)?\.?\s*[:,)-]", re.IGNORECASE)
# Specks after a name on a scan: "Christine LAMBERT +", "Sophie DURAND ‘".
STRAY_END = re.compile(r"[\s+*‘’'`\"|_~.,;:-]+$")
# The end of a convention, where signature blocks stand: "Fait à", "exemplaires originaux", "Pour la Caf".
SIGNATURE_ZONE = re.compile(r"\bfait\s+[àa]\b|exemplaires?\s+originaux|\bpour\s+la\s+caf\b|\bsignatures?\b\s*$",
                            re.IGNORECASE | re.MULTILINE)
# A complement naming the organisation after a role: "de la Caisse d'allocations familiales de
# l'Hérault", "du même organisme", "de Frontignan", "de la communauté de communes Vallée de l'Hérault".
COMPLEMENT = re.compile(r"^\s+(?P<org>(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*[^,;:()\n]{1,90}?)(?=\s*(?:[,;:()\n]|\bet\b|$))")
# The same organisation as the person before: "Président du Conseil d'administration du même organisme".
SAME_ORG = re.compile(r"m[êe]me\s+organisme", re.IGNORECASE)
# Particles inside a person's name: "Charles de Gaulle".
PARTICLES = {"de", "du", "des", "le", "la", "van", "von", "da", "di"}
# Words that are never part of a person's name (compared folded: lower case, no accents).
NOT_NAME = {fold(w) for w in {"le", "la", "les", "ce", "cette", "un", "une", "des", "du", "de", "pour", "par", "entre", "et", "avec",
            "caf", "caisse", "conseil", "communauté", "commune", "ville", "mairie", "département", "métropole",
            "agglomération", "président", "présidente", "directeur", "directrice", "maire", "adjoint", "adjointe",
            "préfet", "préfète", "convention", "territoriale", "globale", "ctg", "vallée", "monsieur", "madame",
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "saint", "sainte", "nord",
            "sud", "est", "ouest", "annexe", "article", "enfance", "jeunesse", "familles", "famille", "plan",
            "msa", "état", "etat", "région", "collectivité", "générale", "général", "administration", "action",
            "sociale", "service", "services", "pôle", "responsable", "unité", "chef", "projet", "politique",
            "chargé", "chargée", "mission", "coopération", "comité", "pilotage", "fiche", "axe", "objectif"}}


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
    role = re.compile(rf"(?<![\w-])(?P<role>(?:{alternatives})(?:\s+(?:{part_of_role}))?)(?![\w-])", re.IGNORECASE)
    return role, kinds, re.compile(rf"\s+(?:{part_of_role})$", re.IGNORECASE)


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


def _trim(match: re.Match) -> tuple[str, int, int] | None:
    """The person's name within a match, without the capitalised words around it that are not
    names ("Madame Véronique DELCOURT", "Michel Arrouy Maire"): (name, start, end) or None."""
    text, start = match.group("name"), match.start("name")
    words = list(re.finditer(r"\S+", text))
    while words and fold(words[0].group().strip(".'’")) in NOT_NAME:
        words.pop(0)
    # The name stops at the first word that is no name: "Michel Arrouy | Maire de Frontignan".
    cut = next((i for i, w in enumerate(words) if i > 0 and fold(w.group().strip(".'’")) in NOT_NAME
                and fold(w.group()) not in PARTICLES), len(words))
    words = words[:cut]
    while words and fold(words[-1].group()) in PARTICLES:
        words.pop()
    if len(words) < 2:
        return None
    name = text[words[0].start():words[-1].end()]
    if all(w.group().isupper() for w in words):  # "CONVENTION TERRITORIALE": a title, not a person
        return None
    if is_commune_name(name):
        return None
    return name.replace(".", ""), start + words[0].start(), start + words[-1].end()


def _is_person(name: str) -> bool:
    match = PERSON.fullmatch(name)
    trimmed = _trim(match) if match else None
    return trimmed is not None and trimmed[0] == name


def _role_kind(role: str) -> OrgKind | None:
    _, kinds, part = _role_pattern()
    head = fold(part.sub("", role)).strip()
    kind = kinds.get(head) or kinds.get(fold(role).strip())
    return OrgKind(kind) if kind else None


def _clean_role(role: str) -> str:
    """"présidente de son Conseil d'Administration" -> "Présidente du Conseil d'Administration"."""
    role = re.sub(r"\bde\s+son\b", "du", clean(role), flags=re.IGNORECASE)
    role = re.sub(r"\bde\s+sa\b", "de la", role, flags=re.IGNORECASE)
    return role[:1].upper() + role[1:]


def _subject_org(text: str, start: int) -> str | None:
    """The party a clause is about: "La Caisse d'allocations familiales du Nord représentée par"."""
    left, _ = sentence_at(text, start, start)
    before = text[left:start]
    match = list(REPRESENTED_BY.finditer(before))
    if not match:
        return None
    head = before[: match[-1].start()]
    head = re.split(r"\n|;|\bEt\b|\bEntre\b", head)[-1]
    head = re.sub(r"^[^\wÀ-ÿ]+", "", clean(head).strip(" ,-–*"))
    head = re.sub(r"^(?:la|le|les)\s+|^l['’]\s*", "", head, flags=re.IGNORECASE)
    return head.strip(" ,*") or None


def _mentions_in(passage: Passage, signing_doc: bool, signature_zone: bool, signing_list: bool) -> list[Mention]:
    """Persons of one block. ``signature_zone``: the block stands after the closing formula;
    ``signing_list``: it is an item of a list introduced as the signatories."""
    text = passage.text
    role_re, _, _ = _role_pattern()
    roles = []
    for match in role_re.finditer(text):
        complement = COMPLEMENT.match(text[match.end():])
        org = complement.group("org") if complement else None
        end = match.end() + (complement.end() if complement else 0)
        roles.append((match.start(), end, match.group("role"), org))
    people = [t for m in PERSON.finditer(text) if (t := _trim(m))]
    caption = bool(CAPTION.match(text))
    found: list[Mention] = []
    # Name, then role: "Thierry Mathieu, Directeur de ..." / "Michel Arrouy Maire de Frontignan".
    afters = {p: next((r for r in roles if 0 <= r[0] - p[2] <= 3 and re.fullmatch(r"[\s,]*", text[p[2]:r[0]])), None)
              for p in people}
    # A role in apposition to the name before it is not also the title of the name after it
    # ("Laurent Teissier, président du conseil, Michel Arrouy").
    claimed = {r for r in afters.values() if r}
    for person in people:
        person_text, p_start, p_end = person
        role = org = None
        after = afters[person]
        # Role, then name: "son Président, M. Laurent DEGALLAIX" / "La Directrice Générale,\nAudrey ...".
        before = next((r for r in roles if r not in claimed and 0 <= p_start - r[1] <= 16
                       and ROLE_TO_NAME.fullmatch(text[r[1]:p_start])), None)
        chosen = after or before
        if chosen:
            role, org = chosen[2], chosen[3]
        elif not CIVILITY.search(text[max(0, p_start - 12):p_start]):
            continue
        left, right = sentence_at(text, p_start, p_end)
        sentence = text[left:right]
        listed = signing_list or bool(SIGNING_INTRO.search(text[:left]))
        signatory = bool(SIGNING.search(sentence) or REPRESENTED_BY.search(sentence) or listed
                         or (caption and signing_doc) or (signature_zone and chosen is not None and len(text) < 200))
        kind = org_kind_of(org) if org else None
        if org and SAME_ORG.search(org) and found:
            org, kind = found[-1].org_text, found[-1].org_kind
        if org is None and REPRESENTED_BY.search(sentence):
            org = _subject_org(text, p_start)
            kind = org_kind_of(org) if org else None
        if kind is None and role:
            kind = _role_kind(role)
        rule = "caption" if caption else "name_then_role" if after else "role_then_name" if before else "civility"
        found.append(Mention(person_name(person_text), _clean_role(role) if role else None,
                             clean(org) if org else None, kind, signatory, passage, (p_start, p_end), rule))
    return found


def _authorised_signers(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """A deliberation authorising "Monsieur le Maire" to sign makes a signatory of the one person
    the document names with that role ("sous la présidence de Monsieur Bertrand HUMBERT, Maire")."""
    roles = {fold(m["role"])[:6] for _, block in doc.blocks() for m in AUTHORISED_TO_SIGN.finditer(block.text)}
    if not roles:
        return mentions
    out = list(mentions)
    for role in roles:
        holders = {fold_key(m.name): i for i, m in enumerate(mentions) if m.role and fold(m.role).startswith(role)}
        if len(holders) == 1:
            index = next(iter(holders.values()))
            out[index] = replace(mentions[index], signatory=True, rule="authorised_to_sign")
    return out


def _stacked(doc: Document, zone: set[int]) -> list[Mention]:
    """Signature blocks in columns: a role ("La Directrice Générale,") in one block or table cell,
    the name ("Audrey MATHON-DEBETENCOURT") in the block right below it."""
    role_re, _, _ = _role_pattern()
    found = []
    for page in doc.pages:
        for block in page.blocks:
            if id(block) not in zone:
                continue
            name = STRAY_END.sub("", re.sub(r"^(?:Monsieur|Madame|M\.|Mme\.?)\s+", "", block.text.strip()))
            name_match = PERSON.fullmatch(name)
            trimmed = _trim(name_match) if name_match else None
            if trimmed is None:
                continue
            # In a signature table the name sits at the foot of its cell, below the space left
            # for the signature: the cell above in the same column, however far, holds the role.
            in_table = block.table is not None
            above = [b for b in page.blocks if b is not block and 0 <= block.bbox.y0 - b.bbox.y1
                     and (block.bbox.y0 - b.bbox.y1 < 3 * max(block.size, 8) or (in_table and b.table == block.table))
                     and b.bbox.x_overlap(block.bbox) >= 0.5 * min(b.bbox.width, block.bbox.width)]
            for candidate in sorted(above, key=lambda b: block.bbox.y0 - b.bbox.y1)[:1]:
                role = next(role_re.finditer(candidate.text), None)
                if role is None or len(candidate.text) > 160:
                    continue
                complement = COMPLEMENT.match(candidate.text[role.end():])
                org = complement.group("org") if complement else None
                if org is None and in_table:
                    org = _column_head_org(page, candidate)
                kind = (org_kind_of(org) if org else None) or _role_kind(role.group("role"))
                found.append(Mention(person_name(trimmed[0]), _clean_role(role.group("role")), clean(org) if org else None,
                                     kind, True, Passage(page, block, candidate), (0, len(block.text)),
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


def _spacy_signers(doc: Document, nlp, known: set[str]) -> list[Mention]:
    """Persons spaCy finds in signing sentences that no role pattern caught. Each sentence is read
    once, only if it holds something shaped like a name, and all go through spaCy in one batch."""
    sentences: dict[tuple[int, int, int], tuple[Passage, int, str]] = {}
    for number, passage in enumerate(passages(doc)):
        text = passage.text
        for sent_match in SIGNING.finditer(text):
            left, right = sentence_at(text, *sent_match.span())
            if PERSON.search(text, left, right):
                sentences.setdefault((number, left, right), (passage, left, text[left:right]))
    found = []
    for (passage, left, _), parsed in zip(sentences.values(), nlp.pipe(s for _, _, s in sentences.values())):
        for ent in parsed.ents:
            name = ent.text.strip()
            if ent.label_ != "PER" or not PERSON.fullmatch(name) or not _is_person(name):
                continue
            if fold_key(person_name(name)) in known:
                continue
            start = left + ent.start_char
            found.append(Mention(person_name(name), None, None, None, True, passage,
                                 (start, start + len(ent.text)), "spacy_per_signing"))
            known.add(fold_key(person_name(name)))
    return found


def _org_name(mention: Mention, caf: Caf | None, territory: Territory | None) -> str | None:
    if mention.org_kind is OrgKind.CAF:
        departement = departement_of(re.sub(r"^.*?(?:allocations\s+familiales|caf)\s*(?:\([^)]*\))?", "",
                                            mention.org_text or "", flags=re.IGNORECASE))
        if departement:
            return caf_name(departement)
        return caf.name if caf else mention.org_text
    if mention.org_kind in (OrgKind.COMMUNE, OrgKind.EPCI) and territory:
        wanted = OrgKind.COMMUNE if territory.type is TerritoryType.COMMUNE else OrgKind.EPCI
        # "Maire" alone, "la commune de Valros", "la Communauté de communes d'Erdre" (a name cut
        # at "et"): the territory.
        own, written = territory_key(territory.name), territory_key(mention.org_text or "")
        if mention.org_kind is wanted and (not mention.org_text or written == own or own.startswith(written + "-")):
            return territory.name
    if mention.org_text:
        text = re.sub(r"^(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*", "", mention.org_text, flags=re.IGNORECASE)
        return text[:1].upper() + text[1:]
    return None


def extract_parties(doc: Document, nlp=None, caf: Caf | None = None,
                    territory: Territory | None = None) -> list[Party]:
    signing_doc = any(SIGNING.search(b.text) for _, b in doc.blocks())
    zone = _signature_zone(doc)
    mentions: list[Mention] = []
    signing_list = False
    for passage in passages(doc):
        mentions.extend(_mentions_in(passage, signing_doc, id(passage.block) in zone, signing_list))
        # Items after "La convention a été signée par :" are signatories until the list ends.
        text = passage.text.strip()
        if SIGNING_INTRO.search(text):
            signing_list = True
        elif not BULLET.match(text):
            signing_list = False
    mentions.extend(_stacked(doc, zone))
    if nlp is not None:
        mentions.extend(_spacy_signers(doc, nlp, {fold_key(m.name) for m in mentions}))

    mentions = _authorised_signers(doc, mentions)
    # One row per person: the mention that says most (a signatory, with role and organisation).
    best: dict[str, Mention] = {}
    for m in mentions:
        key = fold_key(m.name)
        current = best.get(key)
        if current is None:
            best[key] = m
            continue
        merged = replace(current, signatory=current.signatory or m.signatory,
                         role=current.role or m.role, org_text=current.org_text or m.org_text,
                         org_kind=current.org_kind or m.org_kind)
        best[key] = merged
    parties = []
    for m in best.values():
        if m.role is None and not m.signatory:
            continue  # a name with a civility and nothing else tells no party
        parties.append(Party(
            doc_id=doc.doc_id, page=m.passage.page.number, rule=m.rule,
            snippet=snippet(m.passage.text, *m.span), bbox=m.passage.block.bbox.as_tuple(),
            org_name=_org_name(m, caf, territory), org_kind=m.org_kind or OrgKind.OTHER,
            person_name=m.name, person_role=m.role, is_signatory=m.signatory,
        ))
    parties.extend(_organisations(doc, caf, territory))
    return parties


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

"""Member or adhering communes of an intercommunal CTG, and their stated number.

Lists come from prose ("la Communauté de communes et 13 communes du territoire : Aniane,
Gignac, ..."; "les communes suivantes : ...") and from tables whose header names communes.
Every name is checked against the official list of communes (INSEE COG), within the Caf's
departement or the EPCI's members when known, which also gives its code. The count is the
number stated before such a list, or in a sentence naming the communes of the territory; a
count about another territory ("fait partie de la CA ..., qui compte 17 communes") or about a
service ("13 communes couvertes par une PS jeune") is not the CTG's.

A CTG signed by a single commune has no member communes: nothing is emitted for it.
"""

from __future__ import annotations

import re

from extract import lexicon
from extract.ingest.prose import BULLET
from extract.normalize import clean, fold, fold_key
from extract.reference import CommuneRef, EpciRef, find_communes, find_epci
from extract.text import Passage, passages, sentence_at, snippet
from models.communes import Commune, CommuneCount
from models.conventions import Caf, Territory, TerritoryType
from models.document import Document

_NUMBER = r"\d{1,3}|[a-zé]+(?:-[a-zé]+)*"
# A count of the territory's communes: "13 communes du territoire", "treize communes membres",
# "les 28 communes adhérentes", "des 12 communes qui composent l'agglomération".
COUNT = re.compile(
    rf"""\b(?:regroupe|regroupant|rassemble|rassemblant|r[ée]unit|r[ée]unissant|compte|comptant|compos[ée]e?\s+de
          |constitu[ée]e?\s+de|f[ée]d[èe]re)\s+(?:les\s+|ses\s+)?(?P<count_verb>{_NUMBER})\s+communes\b
      |\b(?P<count>{_NUMBER})\s+communes\s+
        (?:du\s+territoire|membres|adh[ée]rentes|signataires|de\s+l['’]\s*(?:epci|intercommunalit[ée]|agglom[ée]ration)
          |de\s+la\s+(?:communaut[ée]|m[ée]tropole|collectivit[ée])|qui\s+(?:la\s+|le\s+)?compos\w+|constituant|composant)""",
    re.IGNORECASE | re.VERBOSE,
)
# "les 25 communes" with nothing after it saying which: the territory's own, when the number is
# that of its members in the official lists ("un diagnostic co-construit avec les 25 communes,").
BARE_COUNT = re.compile(rf"\b(?:les|ses|aux|des)\s+(?P<count>{_NUMBER})\s+communes\b(?=\s*(?:[,.;:)]|et\b|$))",
                        re.IGNORECASE)
# The opening of a list of communes: "13 communes du territoire :", "les communes suivantes :",
# "les communes de", "communes membres :".
LIST_OPENING = re.compile(
    r"""(?:\bcommunes\b[^.:;()–—]{0,60}?\s*(?::|\(|\s[–—-]\s)|\bcommunes\s+suivantes\s*:?
        |\bles\s+communes\s+(?:de|d['’])(?=\s*[A-ZÀ-Ý]))\s*""",
    re.IGNORECASE | re.VERBOSE,
)
# A heading over a list of communes: "ANNEXE 3 – LISTE DES COMMUNES ADHÉRENTES", "Communes membres".
LIST_HEADING = re.compile(r"\b(?:liste\s+des\s+communes|communes\s+(?:membres|adh[ée]rentes|signataires|du\s+territoire))\b",
                          re.IGNORECASE)
# A count said of another territory: "qui compte 17 communes" after "fait partie de la CA...".
ELSEWHERE = re.compile(r"fait\s+partie|membre\s+de|au\s+sein\s+de|compte\s+\d+\s+communes|couvert\w*\s+par",
                       re.IGNORECASE)
# A table column of communes: "Liste alphabétique des communes", "Commune", "Communes membres".
COMMUNE_HEADER = re.compile(r"\bcommunes?\b", re.IGNORECASE)


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    words = {fold(k): v for k, v in lexicon.calendar()["number_words"].items()}
    total = 0
    for part in fold(text).split("-"):
        if part not in words:
            return None
        total += words[part]
    return total or None


def _resolve(name: str, scope: set[str] | None, departement: str | None) -> CommuneRef | None:
    """The commune a written name refers to: among the EPCI's members, else in the Caf's
    departement (memberships change), else the only commune of that name in France."""
    found = find_communes(name)
    for narrowed in (tuple(c for c in found if scope and c.code in scope),
                     tuple(c for c in found if departement and c.departement == departement), found):
        if len(narrowed) == 1:
            return narrowed[0]
        if narrowed:
            return None  # homonyms left: no guessing
    return None


def _split_list(text: str) -> list[str]:
    """Items of "Aniane, Gignac, Saint Paul et Valmalle, Vendémian et Pouzols." up to the first
    sentence end; "X et Y" stays one item when it is a commune's name."""
    text = re.split(r"(?<=[a-zà-ÿ)])\.\s|\.$|\n\n|;|\)|\s[–—]\s", text, maxsplit=1)[0]
    items = []
    for part in re.split(r",\s*", text):
        part = clean(part).strip(" .")
        if not part:
            continue
        if " et " in part and not find_communes(part):
            items.extend(p.strip() for p in part.split(" et ") if p.strip())
        else:
            items.append(part)
    return items


def _from_list(text: str, start: int, scope, departement) -> list[tuple[str, CommuneRef | None, tuple]]:
    tail = text[start:start + 1500]
    items = _split_list(tail)
    found = []
    for item in items:
        ref = _resolve(item, scope, departement)
        if ref is None and not find_communes(item):
            break  # the list ends where names stop being communes
        found.append((item, ref, (start, start + len(tail))))
    return found


def _read_on(ordered: list[Passage], position: int) -> str:
    """A block's text, followed by the next block's when the sentence runs on into it (a list
    cut by a page break: "… Villette, Bazailles," | "Fresnois-la-Montagne, …")."""
    text = ordered[position].text
    if position + 1 < len(ordered) and not re.search(r"[.;:!?)»]\s*$", text):
        return f"{text} {ordered[position + 1].text}"
    return text


def _spelled(name: str) -> str:
    """A name as spelled, accents kept, case, hyphens and a leading article aside."""
    return re.sub(r"^(?:le|la|les|l) ", "", " ".join(clean(name).lower().replace("-", " ").replace("'", " ").split()))


def _from_heading_lists(doc: Document, scope, departement) -> list[Commune]:
    """Communes listed one per line or cell under a heading such as "Liste des communes
    adhérentes", or under a sentence announcing them ("La CTG concerne les 10 communes du
    territoire :"): names in a grid or a bulleted list, read line by line until a block holds no
    commune."""
    found: list[Commune] = []
    for page in doc.pages:
        active = False
        for block in page.blocks:
            text = block.text.strip()
            if (LIST_HEADING.search(text) and len(text) < 120) or (text.endswith(":") and LIST_OPENING.search(text)):
                active = True
                continue
            if not active or block.table is not None:
                continue
            hits = []
            for line in block.lines:
                name = BULLET.sub("", line.text).strip(" ;,.")
                ref = _resolve(name, scope, departement)
                # A line alone must spell the commune's name (accents included): "Maire" is no "Mairé".
                if ref is not None and _spelled(name) == _spelled(ref.name):
                    hits.append((line, name, ref))
            if not hits:
                # A grid read column by column may be interrupted by a short line ("Fait à ...");
                # prose or a new heading ends the list.
                if len(block.text) > 160 or (block.bold and found):
                    active = False
                continue
            for line, name, ref in hits:
                found.append(Commune(doc_id=doc.doc_id, page=page.number, rule="listed_under_heading",
                                     snippet=line.text, bbox=line.bbox.as_tuple(), name=clean(name), code=ref.code))
    return found


def _count_of_members(ordered: list[Passage], members: int, doc_id: str) -> CommuneCount | None:
    """A bare "les N communes" whose N is the EPCI's number of members."""
    for passage in ordered:
        for match in BARE_COUNT.finditer(passage.text):
            left, _ = sentence_at(passage.text, *match.span())
            if _number(match["count"]) == members and not ELSEWHERE.search(passage.text[left:match.start()]):
                return CommuneCount(doc_id=doc_id, page=passage.page.number, rule="count_of_members",
                                    snippet=snippet(passage.text, *match.span()), bbox=passage.block.bbox.as_tuple(),
                                    value=members)
    return None


def extract_communes(doc: Document, territory: Territory | None, caf: Caf | None
                     ) -> tuple[list[Commune], CommuneCount | None]:
    if territory is not None and territory.type is TerritoryType.COMMUNE:
        return [], None
    epci: EpciRef | None = find_epci(territory.name) if territory else None
    scope = set(epci.members) if epci else None
    departement = caf.department_code if caf else None

    named: dict[str, Commune] = {}
    count: CommuneCount | None = None
    ordered = list(passages(doc))
    for position, passage in enumerate(ordered):
        text = passage.text
        for match in COUNT.finditer(text):
            left, _ = sentence_at(text, *match.span())
            if ELSEWHERE.search(text[left:match.start()]):
                continue
            value = _number(match["count"] or match["count_verb"])
            if value and count is None:
                count = CommuneCount(doc_id=doc.doc_id, page=passage.page.number, rule="count_of_communes",
                                     snippet=snippet(text, *match.span()), bbox=passage.block.bbox.as_tuple(),
                                     value=value)
        for match in LIST_OPENING.finditer(text):
            left, _ = sentence_at(text, *match.span())
            if ELSEWHERE.search(text[left:match.start()]):
                continue
            read = _read_on(ordered, position)
            items = _from_list(read, match.end(), scope, departement)
            if len(items) < 2:
                continue
            for item, ref, _ in items:
                where = passage
                at = read.find(item, match.end())
                if at >= len(text):  # read on into the next block: the name is grounded there
                    where, at = ordered[position + 1], max(0, at - len(text) - 1)
                key = fold_key(ref.name if ref else item)
                named.setdefault(key, Commune(doc_id=doc.doc_id, page=where.page.number, rule="list_of_communes",
                                              snippet=snippet(where.text, at, at + len(item)),
                                              bbox=where.block.bbox.as_tuple(), name=clean(item),
                                              code=ref.code if ref else None))
    if count is None and epci is not None:
        count = _count_of_members(ordered, len(epci.members), doc.doc_id)
    named_lines = _from_heading_lists(doc, scope, departement)
    for commune in named_lines:
        named.setdefault(fold_key(commune.name), commune)
    for page in doc.pages:
        for table in page.tables:
            header = table.rows[0] if table.rows else ()
            column = next((i for i, cell in enumerate(header) if COMMUNE_HEADER.search(cell) and len(cell) < 60), None)
            if column is None:
                continue
            for row in table.rows[1:]:
                cell = clean(row[column]) if len(row) > column else ""
                ref = _resolve(cell, scope, departement) if cell else None
                if ref is None:
                    continue
                named.setdefault(fold_key(ref.name), Commune(
                    doc_id=doc.doc_id, page=page.number, rule="table_of_communes", snippet=" | ".join(row),
                    bbox=table.bbox.as_tuple(), name=cell, code=ref.code))
    return list(named.values()), count

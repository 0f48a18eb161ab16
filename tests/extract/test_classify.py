"""Document kinds from content, never from file names."""

from __future__ import annotations

import pytest

from extract.classify import classify
from models.documents import DocKind
from tests.conftest import CORPUS_FILES, make_doc


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_kind_matches_gold(ingested, path):
    import json

    from tests.conftest import GOLD

    gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
    assert classify(ingested(path)).value == gold["kind"]


def test_kind_ignores_the_file_name(ingested):
    from dataclasses import replace

    from tests.conftest import GARD

    doc = ingested(GARD)
    renamed = replace(doc, doc_id="convention-signee-communique-de-presse", source_path="/x/communique.pdf")
    assert classify(renamed) is DocKind.DIAGNOSTIC


@pytest.mark.parametrize("text, kind", [
    ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n\nSéance du 12 mars 2023\n\nNombre de conseillers "
     "en exercice : 27. Votants : 25.\n\nObjet : Convention territoriale globale avec la Caf du Gard\n\nLe Conseil "
     "municipal, après en avoir délibéré, à l'unanimité, APPROUVE la CTG 2023-2027 et AUTORISE le Maire à la signer.",
     DocKind.DELIBERATION),
    ("CONVENTION TERRITORIALE GLOBALE\n\nEntre la Caisse d'allocations familiales de la Somme, ci-après dénommée "
     "« la Caf », et la Communauté de communes du Vimeu, représentée par son Président, dûment autorisé.\n\n"
     "Il est convenu et arrêté ce qui suit :\n\nArticle 1 - Objet de la convention\n\nArticle 2 - Les champs "
     "d'intervention\n\nArticle 3 - Durée de la convention\n\nFait à Amiens en autant d'exemplaires originaux.",
     DocKind.CONVENTION),
    ("COMMUNIQUÉ DE PRESSE\n\nLa ville de Lunel et la Caf de l'Hérault signeront le 14 mars la convention "
     "territoriale globale. Contact presse : service communication.", DocKind.PRESS_RELEASE),
    ("Diagnostic de territoire\n\nPortrait de territoire : une population jeune.\n\nAnalyse des besoins : les "
     "répondants au questionnaire souhaitent davantage de places d'accueil. Préconisations.", DocKind.DIAGNOSTIC),
    ("Horaires d'ouverture de la médiathèque : du mardi au samedi.", DocKind.OTHER),
])
def test_kind_from_vocabulary_and_structure(text, kind):
    assert classify(make_doc(text)) is kind


def test_html_without_cues_is_a_web_page():
    from extract.ingest.markup import read_html

    html = "<html><body><main><h1>Accueil de loisirs</h1><p>Inscriptions ouvertes pour l'été.</p></main></body></html>"
    assert classify(read_html(html.encode(), "x.html", "x")) is DocKind.WEB_PAGE


SIGNING_STORY = ("<p>Le 4 mai 2024, la Ville et la Caf de l'Aude ont signé la convention territoriale globale "
                 "pour 2024-2028, en présence de la sous-préfète. La convention a été signée par le maire.</p>")


@pytest.mark.parametrize("title, body, kind", [
    # A page presenting the CTG tells of its signing, yet it is a standing page, not a news item.
    ("La convention territoriale globale | Ville de Limoux", SIGNING_STORY, DocKind.WEB_PAGE),
    ("Notre CTG 2024-2028 – Carcassonne Agglo", SIGNING_STORY, DocKind.WEB_PAGE),
    # A news headline tells of an event.
    ("Limoux et la Caf signent leur convention territoriale globale - Ville de Limoux", SIGNING_STORY,
     DocKind.PRESS_RELEASE),
    ("Renouvellement de la CTG avec la Caf | Ville de Limoux", SIGNING_STORY, DocKind.PRESS_RELEASE),
    # The page calls itself a press release.
    ("La convention territoriale globale | Ville de Limoux", "<p>Communiqué de presse</p>" + SIGNING_STORY,
     DocKind.PRESS_RELEASE),
])
def test_html_page_titled_by_the_ctg_presents_it(title, body, kind):
    from extract.ingest.markup import read_html

    html = f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>{body}</main></body></html>"
    assert classify(read_html(html.encode(), "x.html", "x")) is kind

"""Document kinds from content, never from file names or the way a text was rendered."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from extract.classify import (
    classify,
    collectivity_site,
    first_person_headings,
    journalist_marks,
    kind_scores,
    names_a_diagnostic,
    place_kicker,
    news_deixis,
    page_title,
    publication_stamp,
    questions,
    reader_address,
    reference_comparisons,
    reported_speech,
)
from extract.ingest.markup import read_html
from extract.normalize import fold
from models.document import Media
from models.documents import DocKind
from tests.conftest import CORPUS_FILES, make_doc


def html_doc(title: str, body: str):
    """A page as a collectivity's site serves it: site name and menu before the article."""
    html = (f"<html><head><title>{title}</title></head><body><header><p>Ville de Montbard</p>"
            f"<nav><ul><li>Accueil</li><li>Vivre ici</li><li>Actualités</li></ul></nav></header>"
            f"<main><h1>{title}</h1>{body}</main></body></html>")
    return read_html(html.encode(), "x.html", "x")


def paragraphs(text: str) -> str:
    return "".join(f"<p>{part}</p>" for part in text.split("\n\n"))


def as_slides(doc):
    """The same text on landscape PDF pages, as a slide deck printed to PDF."""
    return replace(doc, media=Media.PDF, pages=tuple(replace(p, width=842.0, height=595.0) for p in doc.pages))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_kind_matches_gold(ingested, path):
    from tests.conftest import GOLD

    gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
    assert classify(ingested(path)).value == gold["kind"]


def test_kind_ignores_the_file_name(ingested):
    from tests.conftest import GARD

    doc = ingested(GARD)
    renamed = replace(doc, doc_id="convention-signee-communique-de-presse", source_path="/x/communique.pdf")
    assert classify(renamed) is DocKind.DIAGNOSTIC


# --- Invented snippets, one per class of document -------------------------------------------------

NEWS_ARTICLE = (
    "Quimperlé : la Caf et l'agglomération renouvellent leur pacte pour les familles\n\n"
    "Ce jeudi, en fin d'après-midi, Yann Le Goff, président de Quimperlé Communauté, et Maud Kerhervé, "
    "directrice de la Caf du Finistère, ont paraphé la nouvelle convention territoriale globale.\n\n"
    "« Nous voulons des réponses au plus près des familles », souligne Yann Le Goff. Pour la directrice, "
    "« ce texte engage nos deux maisons pour cinq ans », a-t-elle rappelé devant une trentaine d'élus.")

INSTITUTIONAL_PAGE = (
    "La convention territoriale globale\n\n"
    "Qu'est-ce que la CTG ?\n\n"
    "C'est un accord de partenariat entre la Caf et la commune pour adapter les services aux besoins "
    "des familles du territoire.\n\n"
    "Quels domaines sont concernés ?\n\n"
    "La petite enfance, la jeunesse, la parentalité et l'accès aux droits.\n\n"
    "Documents à télécharger : la convention, le plan d'actions.")

DELIBERATION_REPORT = (
    "Conseil municipal du 14 mars 2025\n\n"
    "Rapport présenté par Claire Vasseur, adjointe à la famille\n\n"
    "Mesdames, messieurs, chers collègues,\n\n"
    "Je vous soumets ce soir la convention territoriale globale conclue avec la Caf de la Somme pour "
    "2025-2029, fruit de huit mois de travail avec les associations du quartier.")

MINUTES = (
    "PROCÈS-VERBAL DE SÉANCE\n\n"
    "Le conseil communautaire, régulièrement convoqué, s'est réuni le jeudi 6 février 2025 à 18 heures. "
    "M. Alain Roux préside la séance.\n\n"
    "Étaient présents : Alain Roux, Nadia Ferrand, Luc Morin, Odile Vernet.\n\n"
    "M. Marc Petit a donné procuration à Mme Ida Blanc.\n\n"
    "Point 4 : convention territoriale globale avec la Caf du Cantal.")

PRESS_COMMUNIQUE = (
    "COMMUNIQUÉ DE PRESSE\n\n"
    "Le 18 octobre 2024, Vitré Communauté et la Caf d'Ille-et-Vilaine signeront leur convention "
    "territoriale globale à l'espace Pierre-Loti.\n\n"
    "Contact presse : Léa Moreau, service communication.")

CONVENTION = (
    "CONVENTION TERRITORIALE GLOBALE\n\nEntre la Caisse d'allocations familiales de la Somme, ci-après désignée "
    "par « la Caf », d'une part, et, d'autre part, la Communauté de communes du Vimeu, représentée par son "
    "Président, dûment autorisé.\n\n"
    "Il est convenu et arrêté ce qui suit :\n\nArticle 1 - Objet de la convention\n\nArticle 2 - Les champs "
    "d'intervention\n\nArticle 3 - Durée de la convention\n\nFait à Amiens en autant d'exemplaires originaux.")

REGISTER_EXTRACT = (
    "EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL\n\nSéance du 12 mars 2023\n\nNombre de conseillers "
    "en exercice : 27. Votants : 25.\n\nObjet : Convention territoriale globale avec la Caf du Gard\n\nLe Conseil "
    "municipal, après en avoir délibéré, à l'unanimité, APPROUVE la CTG 2023-2027 et AUTORISE le Maire à la signer.")

DIAGNOSTIC = (
    "Diagnostic de territoire\n\nPortrait de territoire : une population jeune.\n\nAnalyse des besoins : les "
    "répondants au questionnaire souhaitent davantage de places d'accueil. Préconisations.")

LETTER = (
    "Objet : invitation au comité de pilotage de la CTG\n\nMadame, Monsieur,\n\nNous avons le plaisir de vous "
    "convier au comité de pilotage de la convention territoriale globale, le mardi 4 juin à 14 heures.\n\n"
    "Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.")


@pytest.mark.parametrize("text, kind", [
    (NEWS_ARTICLE, DocKind.PRESS_RELEASE),
    (PRESS_COMMUNIQUE, DocKind.PRESS_RELEASE),
    (INSTITUTIONAL_PAGE, DocKind.WEB_PAGE),
    (DELIBERATION_REPORT, DocKind.DELIBERATION),
    (MINUTES, DocKind.DELIBERATION),
    (REGISTER_EXTRACT, DocKind.DELIBERATION),
    (CONVENTION, DocKind.CONVENTION),
    (DIAGNOSTIC + "\n\nAtouts : un tissu associatif dense. Faiblesses : peu de transports.", DocKind.DIAGNOSTIC),
    (LETTER, DocKind.OTHER),
    ("Horaires d'ouverture de la médiathèque : du mardi au samedi.", DocKind.OTHER),
], ids=["news", "communique", "page", "report", "minutes", "register", "convention", "diagnostic", "letter",
        "unrelated"])
def test_kind_from_vocabulary_and_structure(text, kind):
    assert classify(make_doc(text)) is kind


@pytest.mark.parametrize("text, kind", [
    (NEWS_ARTICLE, DocKind.PRESS_RELEASE),
    (PRESS_COMMUNIQUE, DocKind.PRESS_RELEASE),
    (INSTITUTIONAL_PAGE, DocKind.WEB_PAGE),
    (DELIBERATION_REPORT, DocKind.DELIBERATION),
    (MINUTES, DocKind.DELIBERATION),
    (LETTER, DocKind.OTHER),
], ids=["news", "communique", "page", "report", "minutes", "letter"])
def test_kind_is_the_same_for_a_text_and_its_web_page(text, kind):
    title, _, body = text.partition("\n\n")
    assert classify(html_doc(title, paragraphs(body))) is kind
    assert classify(make_doc(text)) is kind


def test_an_html_page_is_no_web_page_by_its_format_alone():
    doc = html_doc("Accueil de loisirs", "<p>Inscriptions ouvertes pour l'été.</p>")
    assert classify(doc) is DocKind.OTHER


def test_a_text_about_a_ctg_without_cues_is_an_article_not_other():
    text = ("La commune de Lodève et la Caf de l'Hérault ont signé une convention territoriale globale pour "
            "la période 2024-2027. Elle porte sur la petite enfance et la jeunesse.")
    # With no cue either way, a web page: news carries its marks more often than a page does.
    assert classify(make_doc(text)) is DocKind.WEB_PAGE


# --- Tricky cases ------------------------------------------------------------------------------------

SIGNING_STORY = ("<p>Le 4 mai 2024, la Ville et la Caf de l'Aude ont signé la convention territoriale globale "
                 "pour 2024-2028, en présence de la sous-préfète. La convention a été signée par le maire.</p>")


@pytest.mark.parametrize("title, body, kind", [
    # A page presenting the CTG tells of its signing, yet it is a standing page, not a news item.
    ("La convention territoriale globale | Ville de Limoux", SIGNING_STORY, DocKind.WEB_PAGE),
    ("Notre CTG 2024-2028 – Carcassonne Agglo", SIGNING_STORY, DocKind.WEB_PAGE),
    # A news headline on the collectivity's own site (its name after the title).
    ("Limoux et la Caf signent leur convention territoriale globale - Ville de Limoux", SIGNING_STORY,
     DocKind.WEB_PAGE),
    ("Renouvellement de la CTG avec la Caf | Ville de Limoux", SIGNING_STORY, DocKind.WEB_PAGE),
    # A news site's name after the headline, the place as its kicker.
    ("Limoux : la Ville et la Caf signent leur convention - L'Écho de l'Aude", SIGNING_STORY,
     DocKind.PRESS_RELEASE),
    # The page calls itself a press release.
    ("La convention territoriale globale | Ville de Limoux", "<p>Communiqué de presse</p>" + SIGNING_STORY,
     DocKind.PRESS_RELEASE),
])
def test_html_page_titled_by_the_ctg_presents_it(title, body, kind):
    assert classify(html_doc(title, body)) is kind


def test_an_invitation_to_the_press_is_a_press_release_not_a_letter():
    text = ("INVITATION PRESSE\n\nLe maire de Paimpol et la directrice de la Caf des Côtes-d'Armor ont le plaisir "
            "de vous convier à la signature de la convention territoriale globale, le lundi 9 juin à 11 heures.")
    assert classify(make_doc(text)) is DocKind.PRESS_RELEASE


def test_a_web_page_reporting_a_signing_stays_a_web_page():
    text = ("La convention territoriale globale de Sarlat\n\n"
            "Le 3 avril 2024, la Ville et la Caf de la Dordogne ont signé la convention territoriale globale "
            "pour 2024-2028, en présence du sous-préfet.\n\n"
            "Pourquoi une CTG ?\n\nPour coordonner l'offre d'accueil de la petite enfance et de la jeunesse.")
    assert classify(make_doc(text)) is DocKind.WEB_PAGE


def test_a_news_article_with_a_what_is_box_stays_a_press_release():
    text = ("Ancenis : une nouvelle CTG pour les familles\n\n"
            "Mardi soir, en mairie, le maire et la directrice de la Caf ont signé la convention.\n\n"
            "« C'est un engagement fort pour nos quartiers », a déclaré le maire, Jean Dupré. « Nous "
            "financerons deux crèches d'ici 2026 », a ajouté Sophie Lagarde.\n\n"
            "Qu'est-ce que la CTG ?\n\nUne convention de partenariat signée pour cinq ans.\n\n"
            "Crédit photo : Ouest Loire")
    assert classify(make_doc(text)) is DocKind.PRESS_RELEASE


def test_news_of_a_council_vote_is_a_press_release_not_a_deliberation():
    # The formulae of the register are quoted: they are a speaker's words, not the text's own.
    text = ("Réunis lundi soir, les élus de la communauté de communes ont adopté la convention territoriale "
            "globale. « Le conseil autorise le président à signer ce texte », a résumé le rapporteur, "
            "Paul Girard. « Après en avoir délibéré, le conseil approuve », a-t-il conclu sous les "
            "applaudissements.")
    assert classify(make_doc(text)) is DocKind.PRESS_RELEASE


def test_landscape_pages_alone_do_not_make_a_diagnostic():
    slides = as_slides(make_doc("Signature de la convention territoriale globale\n\nLes enjeux du territoire."))
    assert classify(slides) is not DocKind.DIAGNOSTIC


def test_landscape_pages_add_to_a_diagnostic_vocabulary():
    text = "Portrait de territoire\n\nAtouts : des crèches. Faiblesses : peu de bus."
    assert classify(make_doc(text)) is not DocKind.DIAGNOSTIC
    assert classify(as_slides(make_doc(text))) is DocKind.DIAGNOSTIC


# --- Cues one by one -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, reports", [
    ("« Nous tiendrons nos engagements », souligne la maire, Anne Roche.", 1),
    ("« Nous tiendrons nos engagements » a déclaré Paul Roy.", 1),
    ("« Nous tiendrons nos engagements », a-t-elle rappelé.", 1),
    ("Le directeur de la Caf a précisé : « Douze places seront créées. »", 1),
    ("« Avec les parents, explique Anne Martin, adjointe, nous avons tout revu. »", 1),
    ("La crèche ouvrira en 2026, résume-t-il.", 1),
    # No one speaks: a convention's own wording, quoted names, a note after a quotation.
    ("La convention précise les modalités de suivi et rappelle les engagements des parties.", 0),
    ("Les axes « Petite enfance », « Jeunesse » et « Parentalité » sont retenus.", 0),
    ("Le dispositif « bonus territoire ». Note : il remplace le contrat enfance jeunesse.", 0),
    ("« Mieux vivre ensemble », assurer la continuité des services : tels sont les objectifs.", 0),
    ("Plus précisément : « petite enfance » et « jeunesse ».", 0),
])
def test_reported_speech(text, reports):
    assert reported_speech([fold(text)]) == reports


@pytest.mark.parametrize("text, count", [
    ("Qu'est-ce que la CTG ? C'est une convention de partenariat.", 1),
    ("Une CTG, c'est quoi ?", 1),
    ("Signée en 2023. Pourquoi une convention ? Pour coordonner les actions.", 1),
    ("Quel périmètre d'intervention ?\nLa petite enfance.\nComment construit-on une CTG ?", 2),
    # A rhetorical question or a long one is no explanatory heading.
    ("Et si la Caf finançait une crèche de plus ?", 0),
    ("Comment expliquer que les familles des hameaux éloignés du bourg renoncent si souvent aux loisirs ?", 0),
])
def test_questions(text, count):
    assert questions(fold(text)) == count


def test_a_quoted_question_is_not_the_page_asking():
    doc = make_doc("« Qu'est-ce que cela changera pour nous ? », interroge une mère de famille.")
    assert kind_scores(doc)[DocKind.WEB_PAGE] == 0


def test_page_title_skips_the_site_name_and_menu():
    doc = html_doc("La CTG de Montbard - Ville de Montbard", "<p>Texte de la page.</p>")
    assert page_title(doc) == "La CTG de Montbard"


def test_a_section_heading_below_the_first_paragraph_is_not_the_page_title():
    doc = make_doc("La commune de Pézenas et la Caf de l'Hérault ont signé mardi la convention territoriale globale "
                   "qui fixe pour quatre ans les priorités de la petite enfance, de la jeunesse et de l'accès "
                   "aux droits.\n\nLa CTG en quelques mots\n\nUne démarche de partenariat.")
    assert page_title(doc) is None
    assert kind_scores(doc)[DocKind.WEB_PAGE] == 0


# --- A collectivity's page against a newspaper article, with no strong cue either way -------------

COLLECTIVITY_PAGE = (
    "La commune et la Caf renouvellent leur convention territoriale globale\n\n"
    "Signée le 3 février 2025, la convention territoriale globale de Lunel fixe les priorités de la "
    "commune et de la Caf de l'Hérault pour quatre ans.\n\n"
    "Nos priorités\n\n"
    "L'accueil des tout-petits, la jeunesse, le soutien aux parents et l'accès aux droits.\n\n"
    "Télécharger la convention (PDF, 1,8 Mo)")

LOCAL_NEWS = (
    "Lunel : la commune et la Caf engagées jusqu'en 2029\n\n"
    "La commune et la Caisse d'allocations familiales de l'Hérault ont signé mardi 4 février, en mairie, "
    "la convention territoriale globale qui les lie pour quatre ans. Le document a été paraphé par le "
    "maire et par la directrice de la Caf devant une trentaine d'élus.\n\n"
    "L'accueil des tout-petits et la jeunesse forment les deux premiers axes de la convention.\n\n"
    "M. R.")


@pytest.mark.parametrize("text, kind", [
    (COLLECTIVITY_PAGE, DocKind.WEB_PAGE),
    (LOCAL_NEWS, DocKind.PRESS_RELEASE),
    # The page addresses its reader and offers a contact, in the present tense.
    ("Pamiers renouvelle sa convention avec la Caf\n\nLa convention territoriale globale organise pour cinq ans les services rendus "
     "aux familles de la ville.\n\nVous avez une question ? Contactez le service enfance au 05 61 00 00 00.",
     DocKind.WEB_PAGE),
    # A dateline opens the news item.
    ("Pamiers, jeudi 6 mars 2025. La Ville et la Caf de l'Ariège ont conclu leur convention territoriale "
     "globale pour cinq ans, au terme d'un an de travail avec les associations.", DocKind.PRESS_RELEASE),
], ids=["nos-and-download", "weekday-and-initials", "reader-and-contact", "dateline"])
def test_weak_cues_tell_a_collectivity_page_from_a_news_item(text, kind):
    scores = kind_scores(make_doc(text))
    assert scores[DocKind.PRESS_RELEASE] != scores[DocKind.WEB_PAGE]  # decided by cues, not by the tie
    assert classify(make_doc(text)) is kind
    title, _, body = text.partition("\n\n")
    assert classify(html_doc(title, paragraphs(body))) is kind


@pytest.mark.parametrize("title, kicker", [
    ("Saint-Lô : la Ville et la Caf de la Manche signent leur convention", True),
    ("Lamballe Terre & Mer. Une nouvelle convention pour les familles", True),
    ("Haut-Jura. Une nouvelle convention pour les familles du plateau", True),
    ("Pays de Lure – familles : la convention globale est signée", True),
    ("VAL DE BRIANCE Les élus et la Caf s'engagent pour cinq ans", True),
    ("Communauté de communes du Pays de Lure : la CTG est signée", False),  # a legal form, lower case
    ("Petite enfance : une convention pour cinq ans avec la Caf", False),   # a rubric
    ("Convention Territoriale Globale : les grandes orientations", False),
    ("CTG : la Ville et la Caf renouvellent leur partenariat", False),
    ("ACTUALITÉS La Ville signe sa convention avec la Caf", False),
    ("Saint-Lô : signature", False),                                        # no headline after it
    ("Qu'est-ce qu'une convention territoriale globale ?", False),
    ("La Ville et la Caf signent leur CTG", False),
])
def test_place_kicker_of_a_news_headline(title, kicker):
    assert place_kicker(title) is kicker


@pytest.mark.parametrize("title, site", [
    ("Renouvellement de la CTG avec la Caf | Ville de Limoux", True),
    ("La convention signée - Communauté de communes du Val de Drôme", True),
    ("Les familles au cœur de la convention – Caf.fr", True),
    ("Limoux : la Ville et la Caf signent leur convention - L'Écho de l'Aude", False),
    ("La Ville et la Caf signent leur convention", False),   # no site name
    ("Ville de Limoux : la convention est signée", False),    # a kicker, not a site name after the title
])
def test_collectivity_site_after_the_title(title, site):
    assert collectivity_site(title, [title]) is site


@pytest.mark.parametrize("opening, site", [
    (["VILLE DE PONTARLIER", "La Ville et la Caf signent leur convention"], True),
    (["Communauté de communes du Val de Drôme", "Actualités", "La CTG est signée"], True),
    (["Ville de Lure : la CTG signée", "Par Anne Morel"], False),    # a headline with its kicker
    (["L'Est Républicain", "La Ville et la Caf signent leur convention"], False),  # a newspaper
    (["La Ville et la Caf signent", "Par Anne Morel"], False),       # a headline, not a site's name
    (["Communauté de communes du Val de Drôme"], False),             # the only line: the title
])
def test_collectivity_site_header_above_the_title(opening, site):
    assert collectivity_site(opening[-1], opening) is site


def test_a_headline_with_a_place_kicker_tips_an_uncued_text_to_news():
    # Nothing else tells the kind: the kicker decides instead of the tie.
    body = ("La commune et la Caisse d'allocations familiales ont signé la convention territoriale globale "
            "pour la période 2025-2029.\n\nElle porte sur la petite enfance, la jeunesse et le soutien aux parents.")
    scores = kind_scores(make_doc("Guérande : une convention pour les familles\n\n" + body))
    assert scores[DocKind.PRESS_RELEASE] > scores[DocKind.WEB_PAGE]
    plain = kind_scores(make_doc("Une convention pour les familles\n\n" + body))
    assert plain[DocKind.PRESS_RELEASE] == plain[DocKind.WEB_PAGE]


def test_a_news_item_on_a_collectivity_site_with_a_quote_stays_a_press_release():
    # A reported quotation and a photo caption outweigh one heading in the first person.
    text = ("La Ville et la Caf signent leur CTG\n\n"
            "Ce mardi, la Ville de Dole et la Caf du Jura ont signé la convention territoriale globale.\n\n"
            "« Nous irons vers les familles les plus isolées », a souligné le maire.\n\n"
            "De gauche à droite : le directeur de la Caf, le maire et son adjointe.\n\n"
            "Nos priorités\n\nLa petite enfance et la jeunesse.")
    assert classify(make_doc(text)) is DocKind.PRESS_RELEASE


# --- A news item about a council meeting is no deliberation -----------------------------------------

COUNCIL_NEWS = (
    "Les élus l'ont approuvée à l'unanimité lundi soir : le conseil communautaire de la Vallée de l'Ance "
    "va conclure avec la Caf une convention territoriale globale, qui remplacera les contrats "
    "enfance-jeunesse.\n\n"
    "Le conseil communautaire a autorisé le président à signer le document, qui vaut jusqu'en 2029.\n\n"
    "« Nous partons de peu, mais le cap est clair », a commenté la vice-présidente.")


def test_a_news_item_reporting_a_council_vote_is_a_press_release():
    assert classify(make_doc(COUNCIL_NEWS)) is DocKind.PRESS_RELEASE


@pytest.mark.parametrize("text", [
    # The weak words of a council meeting, without one of its formulae.
    "Le conseil municipal approuve, à l'unanimité, la convention territoriale globale avec la Caf.",
    # The act's verbs after an auxiliary tell of the act.
    "Le conseil municipal a approuvé la CTG et a autorisé le maire à la signer, à l'unanimité.",
])
def test_a_deliberation_needs_one_of_the_councils_formulae(text):
    assert classify(make_doc(text)) is not DocKind.DELIBERATION


def test_the_acts_verbs_in_the_present_count_for_a_deliberation():
    text = ("Séance du 4 avril 2024\n\nLe conseil municipal APPROUVE la convention territoriale globale et "
            "AUTORISE le Maire à la signer.")
    narrated = text.replace("APPROUVE", "a approuvé").replace("AUTORISE", "a autorisé")
    assert classify(make_doc(text)) is DocKind.DELIBERATION
    assert classify(make_doc(narrated)) is not DocKind.DELIBERATION


# --- A diagnostic deck, printed in portrait or on slides ---------------------------------------------

DECK = (
    "Communauté de communes du Val d'Ource\n\n"
    "Diagnostic de la CTG – Séminaire des élus du 3 juin 2024\n\n"
    "Le territoire en chiffres\n\n"
    "12 400 habitants\n\n"
    "Familles monoparentales : 19 % (Côte-d'Or : 23 % ; France : 25 %)\n\n"
    "Pistes d'actions\n\n"
    "Ouvrir un relais petite enfance itinérant\n\n"
    "Prochaines étapes\n\n"
    "Validation du plan : octobre 2024")


def test_a_diagnostic_deck_is_told_by_its_cover_and_comparisons_in_any_shape():
    assert classify(make_doc(DECK)) is DocKind.DIAGNOSTIC
    assert classify(as_slides(make_doc(DECK))) is DocKind.DIAGNOSTIC


def test_an_article_about_a_diagnostic_is_no_diagnostic():
    text = ("Un diagnostic pour mieux connaître les familles\n\n"
            "Les élus de la communauté de communes ont présenté mardi soir le diagnostic partagé de la "
            "convention territoriale globale. « Nous avons interrogé 400 familles », a précisé la "
            "vice-présidente. Les ateliers reprendront à la rentrée.")
    assert classify(make_doc(text)) is DocKind.PRESS_RELEASE


# --- The weak cues one by one ----------------------------------------------------------------------


@pytest.mark.parametrize("text, count", [
    ("Les élus ont signé la convention vendredi 14 mars, en mairie.", 1),
    ("Le maire et la directrice l'ont paraphée ce lundi.", 1),
    ("Réunis jeudi soir, les élus ont voté. Mardi dernier, la Caf l'avait validée.", 2),
    ("Ils ont signé le jeudi 9 novembre.", 1),
    # A date in full, opening hours, a weekly habit.
    ("La convention a été signée le mardi 13 mai 2025.", 0),
    ("Accueil du lundi au vendredi, de 9 h à 17 h.", 0),
    ("L'accueil de loisirs ouvre chaque mercredi matin et le samedi matin.", 0),
])
def test_news_deixis(text, count):
    assert news_deixis(fold(text)) == count


@pytest.mark.parametrize("block, stamp", [
    ("Publié le 27 juin 2024 à 11:42", True),
    ("Publié le 08/09/2023 à 18h05 - Mis à jour le 09/09/2023", True),
    ("mardi 5 octobre 2021 à 07:42", True),
    ("Publié le 20 octobre 2023", False),
    ("Le 14 mai 2024 à 11h00, la Ville et la Caf ont signé la convention territoriale globale en mairie.", False),
])
def test_publication_stamp(block, stamp):
    assert publication_stamp([fold(block)]) is stamp


@pytest.mark.parametrize("blocks, marks", [
    (["Lorient, lundi 3 juin 2024. C'est au siège de la Caf que la convention a été signée."], 1),
    (["La convention a été signée.", "J.-P. M."], 1),
    (["La convention a été signée.", "A. V."], 1),
    (["La convention a été signée.", "Rédaction"], 1),
    (["Lorient, le 3 juin 2024 - La convention a été signée.", "Texte.", "B. L."], 2),
    # A deliberation's place and date, a signature block, a date alone.
    (["Fait à Lorient, le 3 juin 2024. Le Maire"], 0),
    (["Lorient, le 3 juin 2024"], 0),
    (["La convention a été signée.", "Le Maire"], 0),
])
def test_journalist_marks(blocks, marks):
    assert journalist_marks([fold(b) for b in blocks]) == marks


@pytest.mark.parametrize("blocks, count", [
    (["Nos engagements", "Accueillir les tout-petits."], 1),
    (["Notre projet pour les familles", "Nos axes de travail"], 2),
    # A sentence, a quoted heading.
    (["Les priorités choisies pour notre commune restent l'accueil des bébés et les loisirs des ados."], 0),
    (["« Nous y arriverons »"], 0),
])
def test_first_person_headings(blocks, count):
    assert first_person_headings([fold(b) for b in blocks]) == count


def test_reader_address_is_counted_outside_quotations():
    assert reader_address(fold("Ce qui change pour vous : votre Caf vient à votre rencontre.")) == 3
    assert kind_scores(make_doc("« Vous verrez la différence », promet le maire."))[DocKind.WEB_PAGE] == 0


@pytest.mark.parametrize("text, count", [
    ("Taux de couverture : 61 % (Martinique : 64 %)", 1),
    ("Couverture : 49 % (Moselle 55 % ; France 59,8 %)", 2),
    ("Pays de Bitche : 17,2 % Moselle : 24,1 % France : 25,3 %", 2),
    ("Orne : 24 % France métropolitaine : 22 %", 2),
    # Prose, a label that is no area.
    ("45 % des familles sont monoparentales, contre 25 % dans l'Hexagone.", 0),
    ("Taux de couverture : 61 %", 0),
])
def test_reference_comparisons(text, count):
    assert reference_comparisons([fold(text)]) == count


@pytest.mark.parametrize("opening, named", [
    (["Flers Agglo", "Restitution du diagnostic – Séminaire des élus – 23 mai 2023"], True),
    (["Convention Territoriale Globale", "Diagnostic partagé – Comité de pilotage du 17 octobre 2023"], True),
    (["La Caf et la commune signent leur convention"], False),
    # A sentence of the body, not a title.
    (["Les élus ont validé mardi le diagnostic partagé conduit au printemps avec les familles et les "
      "associations du territoire."], False),
])
def test_names_a_diagnostic(opening, named):
    assert names_a_diagnostic(opening) is named


def test_a_report_of_the_council_quoting_its_speakers_is_an_article():
    text = ("Séance agitée au conseil municipal\n\nLes élus se sont réunis lundi soir. Le point sur la convention "
            "territoriale globale a été adopté à l'unanimité. Il autorise le maire à signer la convention avec la "
            "Caf.\n\n« C'est un engagement fort pour nos familles », a souligné l'adjointe à l'enfance.")
    assert classify(make_doc(text)) is DocKind.PRESS_RELEASE
    # the council's own act, with that one formula and no one quoted, is a deliberation
    act = ("Objet : convention territoriale globale avec la Caf\n\nLe conseil municipal, après exposé, AUTORISE le "
           "Maire à signer la convention territoriale globale avec la Caf pour 2025-2029.")
    assert classify(make_doc(act)) is DocKind.DELIBERATION


def test_a_sites_path_at_the_top_makes_a_page_of_its_own():
    from extract.classify import breadcrumb

    assert breadcrumb(["Accueil > Vivre ici > Enfance & jeunesse > Convention territoriale globale", "La CTG"])
    assert breadcrumb(["Pays de Lure › Vivre › Solidarités › La CTG"])
    assert breadcrumb(["lure.fr  |  Actualités  |  Familles", "La CTG"])
    assert not breadcrumb(["La CTG signée | Ville de Lure"])  # a title and its site: two parts
    assert not breadcrumb(["Publié le 12/03/2024 à 10h", "La CTG signée > une première"])


def test_a_page_listing_its_plans_fiches_actions_is_no_diagnostic():
    doc = make_doc("Communauté d'Agglomération de Haguenau\n\nConvention territoriale globale 2023-2027\n\n"
                   "L'Agglomération a signé sa convention territoriale globale avec la Caf du Bas-Rhin.\n\n"
                   "Le plan d'actions\n\nFiche action n°1 – Développer l'offre d'accueil du jeune enfant\n\n"
                   "Fiche action n°2 – Créer un réseau des relais petite enfance\n\n"
                   "Fiche action n°3 – Harmoniser les tarifs des accueils périscolaires\n\n"
                   "Chiffres clés\n\n17 multi-accueils • 540 places en accueil collectif")
    assert classify(doc) is not DocKind.DIAGNOSTIC


def test_a_conventions_annexes_printed_alone_are_a_convention():
    doc = make_doc("Convention Territoriale Globale 2024-2028 - Communauté d'agglomération du Lunellois / Caf de "
                   "l'Hérault      Page 21\n\nANNEXE 2 - DONNÉES CLÉS DU TERRITOIRE\n\nPopulation 32 800\n\n"
                   "ANNEXE 3 - PLAN D'ACTIONS\n\nLe plan d'actions comprend 14 fiches actions.")
    assert classify(doc) is DocKind.CONVENTION


def test_a_related_link_counts_once_and_leaves_a_caf_page_a_web_page():
    doc = make_doc("Caf de la Somme\n\nAccueil > Partenaires > Actualités du territoire\n\nAbbeville signe sa Convention "
                   "territoriale globale\n\nPublié le 21/06/2023\n\nLa Ville d'Abbeville et la Caf de la Somme ont signé "
                   "leur convention territoriale globale pour cinq ans.\n\nÀ lire aussi : la Caf au salon des familles")
    assert classify(doc) is DocKind.WEB_PAGE


def test_a_steering_committees_minutes_are_other():
    doc = make_doc("CONVENTION TERRITORIALE GLOBALE\n\nCOMPTE RENDU DU COMITÉ DE PILOTAGE DU 17 JANVIER 2025\n\n"
                   "Présents : la maire de Lure, la directrice adjointe de la Caf.\n\n1. Rappel du cadre\n\nLa convention "
                   "territoriale globale signée le 5 juillet 2024 couvre la période 2024-2028.")
    assert classify(doc) is DocKind.OTHER

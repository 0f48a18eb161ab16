"""The period extractor on varied French phrasings, traps included (previous CTG, other plans,
statistics), beyond the seed documents."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extract.period import extract_period
from tests.conftest import make_doc

CASES = [
    # (text, expected (start, end) or None)
    ("ARTICLE 11 – DUREE DE LA CONVENTION\n\nLa présente convention est conclue à compter du 1er janvier 2025 "
     "jusqu'au 31 décembre 2029.", (2025, 2029)),
    ("En l’occurrence, la 2ème Ctg de la commune sera signée le vendredi 20 janvier 2023 et couvrira la "
     "période de 2022-2026.", (2022, 2026)),
    ("La convention territoriale globale est conclue pour une durée de cinq ans à compter du 01/01/2023.", (2023, 2027)),
    ("La présente convention prend effet au 1er juillet 2023 pour une durée de 4 ans.", (2023, 2027)),
    ("La CTG est signée pour une durée de quatre (4) ans à compter du 1er janvier 2024.", (2024, 2027)),
    ("La présente convention est conclue pour la période allant du 01/01/2021 au 31/12/2025.", (2021, 2025)),
    ("La présente convention est conclue du 1^{er} janvier 2025 au 31 décembre 2029.", (2025, 2029)),
    ("Les signataires s'engagent dans la CTG entre le 1er janvier 2023 et le 31 décembre 2026.", (2023, 2026)),
    ("CONVENTION TERRITORIALE GLOBALE\n\n2024 – 2028\n\nCommunauté de communes du Pays de Lunel", (2024, 2028)),
    ("Convention Territoriale Globale 2023/2027 de la Communauté de communes du Pays de Lunel", (2023, 2027)),
    ("La CTG a été signée pour la période de 2020 à 2024 par la ville et la Caf.", (2020, 2024)),
    ("La précédente CTG (2017-2021) a permis de structurer l'offre. La nouvelle convention territoriale "
     "globale couvre la période 2022-2026.", (2022, 2026)),
    ("Le contrat de ville 2015-2022 a été prolongé. La CTG 2022-2026 prend le relais.", (2022, 2026)),
    # A short end year, an end with its month or "fin".
    ("Le maire et la Caf ont signé jeudi la CTG 2023-27.", (2023, 2027)),
    ("La convention territoriale globale couvre la période de janvier 2024 à décembre 2028.", (2024, 2028)),
    ("Signée pour trois ans, la CTG court de 2022 à fin 2025.", (2022, 2025)),
    # Traps: nothing about this CTG's own period is stated.
    ("Pour l'année scolaire 2024-25, la CTG finance le Plan mercredi.", None),
    # a range in an apposition to another subject, another plan's
    ("La ville, labellisée Ville amie des enfants pour 2020-2026, a signé sa CTG avec la Caf.", None),
    ("Le projet de territoire de la communauté, adopté pour 2022-2028, a été présenté. La CTG a été signée en mai.", None),
    ("La CTG, signée pour 2022-2026, fixe trois axes.", (2022, 2026)),
    ("La CTG accompagne les 2019-25 ans dans leur insertion.", None),
    ("Bilan de la précédente CTG 2017-2021 : la plupart des actions ont été menées.", None),
    ("Ces enjeux répondent à la Convention d'objectifs et de gestion de la branche Famille (COG 2023-2027).", None),
    ("La population a augmenté de 5 % entre 2015 et 2020, soit une évolution plus rapide que la moyenne.", None),
    ("Le séminaire du 1er janvier 2022 au 31 décembre 2022 a réuni les partenaires de la CTG.", None),
    ("Arrivée à échéance, la CTG 2017-2021 a été évaluée.", None),
    # Two CTG periods stated with equal weight: no way to tell which is this one.
    ("La CTG 2019-2022 de la ville. La CTG 2023-2026 de la ville.", None),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_period_from_varied_phrasings(text, expected):
    period = extract_period(make_doc(text))
    got = (period.start, period.end) if period else None
    assert got == expected


def test_period_from_duree_clause_has_provenance():
    doc = make_doc("Préambule de la convention territoriale globale.\f"
                   "ARTICLE 11 – DUREE DE LA CONVENTION\n\nLa présente convention est conclue pour une durée "
                   "de 5 ans, à compter du 1er janvier 2023.")
    period = extract_period(doc)
    assert (period.start, period.end) == (2023, 2027)
    assert period.page == 2
    assert period.rule == "duration_from_start"
    assert "à compter du 1er janvier 2023" in period.snippet
    assert period.doc_id == "snippet"


def test_period_ignores_previous_ctg_named_before_the_current_one():
    doc = make_doc("Après une première CTG 2016-2020, la ville et la Caf signent une nouvelle CTG qui "
                   "couvrira la période 2021-2025.")
    period = extract_period(doc)
    assert (period.start, period.end) == (2021, 2025)
    assert "2021-2025" in period.snippet


def test_period_on_a_slide_next_to_its_duration():
    doc = make_doc("Guide de la CTG\n\n5 ans\n\n2022-2026\n\nÀ l'échelon de la Communauté d'Agglomération")
    period = extract_period(doc)
    assert (period.start, period.end) == (2022, 2026)
    assert period.snippet == "2022-2026"


def test_amendment_extends_the_period():
    doc = make_doc("Vu la convention territoriale globale conclue du 1er janvier 2020 au 31 décembre "
                   "2024 ;\n\nArticle 2 – Durée\n\nLa présente convention prend effet au 1er janvier 2020. Par avenant "
                   "n°1, elle est prolongée jusqu'au 31 décembre 2025.")
    period = extract_period(doc)
    assert (period.start, period.end, period.rule) == (2020, 2025, "prolonged_until")


def test_past_ctg_in_past_tense_is_not_this_one():
    doc = make_doc("Après une première convention signée en 2015, puis une deuxième qui a couvert les années 2019 à "
                   "2023, cette troisième CTG couvrira la période 2024-2028.")
    period = extract_period(doc)
    assert (period.start, period.end) == (2024, 2028)


def test_period_from_a_start_then_an_end_in_the_next_sentence():
    doc = make_doc("ARTICLE 8 – DURÉE\n\nLes engagements réciproques des parties prennent effet le 1er janvier 2024. "
                   "Ils valent pour cinq années civiles, jusqu'au 31 décembre 2028 inclus, sans reconduction tacite.")
    period = extract_period(doc)
    assert (period.start, period.end, period.rule) == (2024, 2028, "start_then_end")


def test_another_plan_named_at_the_start_of_a_long_clause_is_not_the_ctg():
    doc = make_doc("Vu la Convention d'objectifs et de gestion (COG) conclue entre l'État et la Caisse nationale des "
                   "allocations familiales pour la période 2023-2027 ;\n\nCONVENTION TERRITORIALE GLOBALE\n\n"
                   "Période 2024 – 2028")
    period = extract_period(doc)
    assert (period.start, period.end) == (2024, 2028)


def test_a_ctg_of_an_earlier_rank_is_the_past():
    text = ("La ville signe sa troisième Convention territoriale globale, conclue pour la période 2025-2029. "
            "Une première convention a été signée en 2016, suivie d'une deuxième CTG pour la période 2020-2024.")
    period = extract_period(make_doc(text), ordinal=3)
    assert (period.start, period.end) == (2025, 2029)
    # Without knowing this CTG's rank, the two periods weigh the same: nothing is claimed.
    assert extract_period(make_doc(text)) is None


HALF_AND_OTHER_CASES = [
    # An end stated alone, in a sentence about the CTG: the start stays unknown.
    ("La commune et la Caf du Tarn ont reconduit leur CTG jusqu'en 2028.", (None, 2028)),
    ("Cette convention trace la feuille de route des élus jusqu'à fin 2027.", (None, 2027)),
    ("La convention territoriale globale court jusqu'au 31 décembre 2026.", (None, 2026)),
    ("Signée l'an passé, cette CTG engage les partenaires jusqu'en décembre 2029.", (None, 2029)),
    # A full period stated elsewhere wins over an end stated alone.
    ("La CTG couvre la période 2022-2026. Son plan d'actions prioritaires de la CTG court jusqu'en 2025.",
     (2022, 2026)),
    # Unicode hyphens between the years of a web page.
    ("La Ctg 2021‐2024 de la commune de Lodève a été élaborée avec les habitants.", (2021, 2024)),
    ("Notre CTG 2023‑2027 mobilise les partenaires.", (2023, 2027)),
    # The CTG subject of a second predicate after another plan's name.
    ("La CTG fixe les priorités. Elle remplace peu à peu le contrat enfance jeunesse et portera sur la période "
     "du 1er janvier 2021 au 31 décembre 2024.", (2021, 2024)),
    # A renewed CTG: the period that ends when it begins is the previous one.
    ("De 2018 à 2021, une CTG a été signée entre la commune et la Caf.\n\nLa CTG, qui sera renouvelée pour "
     "la période 2022-2025, comptera quatre axes.", (2022, 2025)),
    # Traps: another plan's end, a past CTG's end, an amendment, no CTG in the sentence.
    ("Le contrat enfance jeunesse courait jusqu'en 2021 ; la CTG le remplace.", None),
    ("Le contrat de ville, prolongé jusqu'en 2030, complète la convention territoriale globale.", None),
    ("La précédente CTG allait jusqu'en 2022. Les élus préparent la suivante.", None),
    ("La CTG avait été conclue jusqu'en 2022.", None),
    ("Le projet de territoire court jusqu'en 2030 et compte douze actions.", None),
    ("La CTG remplace le contrat de ville conclu pour la période 2015-2022.", None),
    # Two ends stated alone that disagree: none.
    ("La CTG court jusqu'en 2026.\n\nLa CTG s'applique jusqu'en 2027.", None),
    # A CTG prolonged to a year, no period stated: the end is known.
    ("Les élus ont décidé de prolonger la CTG jusqu'en 2026, le temps de mener le diagnostic.", (None, 2026)),
    ("La Caf et la commune prolongent leur convention territoriale globale d'un an, jusqu'en 2025.", (None, 2025)),
    ("La CTG 2019-2022 a été prorogée jusqu'à fin 2023 par avenant.", (2019, 2023)),
    # One of several CTGs named, by "celle de"; a slide's arrow between the years.
    ("La Caf a signé mardi trois CTG. Celle de Lure vaut pour quatre ans à compter du 1er janvier 2025.",
     (2025, 2028)),
    ("Communauté de communes du Pays de Lure\n\nCTG 2025 > 2029\n\nDiagnostic partagé", (2025, 2029)),
    ("Le contrat de ville a été signé. Celle de la Caf vaut pour quatre ans à compter du 1er janvier 2025.", None),
    # A start year, then "jusqu'en" the end.
    ("La CTG s'applique à partir de 2024 et jusqu'en 2028.", (2024, 2028)),
    ("De 2019 jusqu'en 2022, la commune a ouvert deux crèches ; la CTG les finance.", None),
    ("La convention territoriale globale devait s'achever fin 2023. Elle est prolongée jusqu'en 2025 par "
     "avenant.", (None, 2025)),
    # Traps: another plan prolonged, a previous CTG's prolongation.
    ("Le contrat de ville devait s'achever en 2023. Il est prolongé jusqu'en 2025. La CTG est en préparation.", None),
    ("Le PEDT a été prolongé jusqu'en 2026 ; la CTG est en cours d'écriture.", None),
    ("La précédente CTG, prolongée jusqu'en 2023, a laissé place à une nouvelle convention.", None),
]


@pytest.mark.parametrize("text, expected", HALF_AND_OTHER_CASES, ids=[c[0][:40] for c in HALF_AND_OTHER_CASES])
def test_period_half_known_and_other_phrasings(text, expected):
    period = extract_period(make_doc(text))
    got = (period.start, period.end) if period else None
    assert got == expected


def test_end_only_period_has_provenance():
    period = extract_period(make_doc("Préambule.\f Pour les familles, la Ville et la Caf renouvellent ensemble "
                                     "leur Convention Territoriale Globale jusqu'en 2030."))
    assert (period.start, period.end, period.rule, period.page) == (None, 2030, "until_year", 2)
    assert "jusqu'en 2030" in period.snippet


@pytest.mark.parametrize("text, expected", [
    # "Elle" on the next page stands for the CTG named last.
    ("La CTG fixe les priorités du territoire pour les familles.\fElle vaudra, avec l'appui des communes "
     "membres, du 1er janvier 2021 au 31 décembre 2024.", (2021, 2024)),
    # ... or for another plan, named after the CTG.
    ("La CTG décline localement la convention d'objectifs et de gestion de la branche Famille.\fElle vaut, pour "
     "toutes les Caf du pays, du 1er janvier 2023 au 31 décembre 2027.", None),
])
def test_period_of_a_pronoun_takes_its_antecedent(text, expected):
    period = extract_period(make_doc(text))
    assert ((period.start, period.end) if period else None) == expected


@pytest.mark.parametrize("text, expected", [
    ("Le projet de territoire 2021-2026 s'appuie sur la CTG.", None),
    ("Le plan mercredi 2021-2024 et le PEDT 2022-2025 complètent la CTG.", None),
    ("La CTG, comme le projet de territoire 2021-2026, vise les familles.", None),
    ("La CTG 2022-2026 complète le projet de territoire.", (2022, 2026)),
    ("La convention territoriale globale 2023-2027 a été signée hier.", (2023, 2027)),
    ("La CTG du Pays des Sources 2021-2025 a été signée hier.", (2021, 2025)),
    ("La Caf et l'agglomération ont renouvelé leur CTG, qui couvrira les années 2024 à 2028.", (2024, 2028)),
])
def test_a_year_range_in_another_things_name_is_not_the_ctgs(text, expected):
    period = extract_period(make_doc(text))
    assert ((period.start, period.end) if period else None) == expected


# A probe of other plans' periods, past CTGs, statistics, prolongations and activities on pages about
# a CTG: none of them may give this CTG's period; the CTG's own period, stated among them, still does.
OTHER_PERIODS_PROBE = [
    ("Le contrat de ville 2024-2030 de la commune a été signé en présence du préfet et des partenaires de la CTG.",
     None),
    ("Le PEDT 2023-2026 a été renouvelé par le conseil municipal, en lien avec la CTG.", None),
    ("La COG 2023-2027 signée entre l'État et la Cnaf fixe le cadre des CTG.", None),
    ("Le projet de territoire 2020-2026 de la communauté de communes prévoit une crèche inscrite dans la CTG.", None),
    ("Durant le mandat 2020-2026, la majorité a fait de la petite enfance une priorité de la CTG.", None),
    ("La première CTG, signée pour la période 2017-2021, avait permis d'ouvrir deux crèches.", None),
    ("Imprimé en mars 2024 – Ne pas jeter sur la voie publique.\n\nLa CTG de Vierzon.", None),
    ("La Caf du Var a signé 42 CTG depuis 2019 ; le département sera entièrement couvert d'ici 2025.", None),
    ("CTG de Lunel.\n\nEntre 2019 et 2023, le nombre de places en crèche est passé de 120 à 180.", None),
    ("Le schéma départemental des services aux familles 2020-2025 encadre la CTG.", None),
    ("Le contrat local de santé (2022-2027) complète le volet accès aux droits de la CTG.", None),
    ("La CTG de Brive sera renouvelée en 2026 ; la précédente couvrait 2021-2025.", None),
    ("Le programme de renouvellement urbain 2019-2024 du quartier des Tilleuls croise la CTG.", None),
    ("La convention d'objectifs et de financement 2022-2025 du centre social a été signée avec la Caf.", None),
    ("La démarche CTG a été engagée en 2021 ; le diagnostic a été réalisé entre 2021 et 2023.", None),
    ("La CTG succède au contrat enfance jeunesse 2015-2018 de la ville.", None),
    ("Élu en 2020 pour six ans, le maire a signé la CTG.", None),
    ("Valable jusqu'en 2027, le contrat de ville fixe quatre axes. La CTG est signée.", None),
    ("Le PEDT de la commune court jusqu'en 2026, comme la CTG.", None),
    ("La CTG de Dinard.\n\nDocument | Période\n\nContrat de ville | 2024-2030", None),
    ("La CTG de Dinard a été signée hier.\n\nLes travaux de la future crèche s'étaleront de 2025 à 2027.", None),
    ("La CTG de Dinard a été signée hier.\n\nLa médiathèque sera rénovée entre 2024 et 2026.", None),
    ("CTG de Redon : le maire, élu depuis 2014, entame son deuxième mandat (2020-2026).", None),
    ("La CTG s'appuie sur le plan pluriannuel d'investissement 2021-2026.", None),
    ("Rapport d'activité 2022-2023 de la Caf : la CTG de Niort a été signée.", None),
    ("La convention de partenariat 2023-2025 avec la Mission locale complète la CTG.", None),
    ("Le Contrat Territorial Jeunesse 2022-2025, annexé à la CTG, prévoit un point information jeunesse.", None),
    ("Une CTG se construit à plusieurs. On la conclut en général pour 4 à 5 ans.", None),
    ("Depuis 2020, les contrats enfance jeunesse arrivent à échéance et sont remplacés par les CTG.", None),
    ("CTG signées dans le département : Agde (2019-2023), Sète (2020-2024), Lodève (2021-2025).", None),
    ("Cette convention s'inscrit dans la continuité de la précédente convention signée pour la période 2016-2019.",
     None),
    ("La Caf accompagne les communes depuis 2015 ; la CTG couvre désormais l'ensemble du territoire.", None),
    ("Entre 2018 et 2022, la CTG a permis la création de 45 places d'accueil.", None),
    ("Elle a été élue maire en 2020 pour un mandat allant jusqu'en 2026 ; la CTG a été signée en 2022.", None),
    ("La crèche, inscrite dans la CTG, ouvrira ses portes entre 2025 et 2026.", None),
    ("Les effectifs scolaires ont baissé de 8 % entre 2016 et 2021 selon la CTG.", None),
    ("Pour la durée du mandat, jusqu'en 2026, le maire s'engage à porter la CTG.", None),
    ("Le projet social 2022-2025 du centre social Les Tilleuls est financé dans le cadre de la CTG.", None),
    ("L'agrément du centre social est renouvelé pour 2024-2027 ; il s'inscrit dans la CTG.", None),
    ("CTG de Lunel – diagnostic\n\nNaissances domiciliées 2016-2021", None),
    ("Le diagnostic de la CTG s'appuie sur les données Caf 2017-2021.", None),
    ("La CTG 2017-2021 est arrivée à son terme ; un bilan a été dressé par les partenaires.", None),
    ("La CTG 2018-2021 avait permis de créer un relais petite enfance.", None),
    ("De 2019 à 2022, la ville a ouvert trois crèches grâce à la CTG.", None),
    # The CTG's own period among other plans' and dates.
    ("Le conseil municipal, réuni en séance du 14 décembre 2023, a approuvé la CTG 2024-2028.", (2024, 2028)),
    ("Signée le 3 mars 2022, la CTG couvrira la période 2022-2025.", (2022, 2025)),
    ("La CTG 2022-2026 s'inscrit dans la COG 2023-2027.", (2022, 2026)),
    ("Le mandat s'achève en 2026 ; la CTG, elle, court jusqu'en 2028.", (None, 2028)),
    ("Délibération n° 2022-45 : approbation de la convention territoriale globale 2022-2026 avec la Caf",
     (2022, 2026)),
    ("Vu la convention territoriale globale signée le 5 décembre 2019 pour la période 2019-2022 ;\n\n"
     "Considérant que la CTG arrive à échéance, il est proposé de la renouveler pour la période 2023-2026.",
     (2023, 2026)),
    ("Évaluation à mi-parcours de la CTG 2020-2024 de la commune de Pézenas.", (2020, 2024)),
    ("Le contrat de ville, prolongé jusqu'au 31 décembre 2030, complète la CTG 2025-2029.", (2025, 2029)),
    ("La CTG 2025-2029 s'articule avec la convention d'objectifs et de gestion, conclue pour 2023-2027.",
     (2025, 2029)),
    ("Sur la période 2018-2022, la CTG a permis la création de 45 places d'accueil.", (2018, 2022)),
    ("Le plan d'actions de la CTG sera déployé de 2024 à 2027 sur les six communes.", (2024, 2027)),
    ("La convention territoriale globale (2021-2024) du Sud Gironde a été évaluée par un cabinet.", (2021, 2024)),
    ("La CTG 2022-2026, que le conseil avait approuvée en décembre, a été signée en janvier.", (2022, 2026)),
    ("La CTG 2022-2026 arrivera à échéance le 31 décembre 2026.", (2022, 2026)),
    ("Période de la CTG : 2022 à 2026", (2022, 2026)),
]


@pytest.mark.parametrize("text, expected", OTHER_PERIODS_PROBE, ids=[c[0][:40] for c in OTHER_PERIODS_PROBE])
def test_period_probe_other_plans_past_ctgs_and_activities_give_no_wrong_period(text, expected):
    period = extract_period(make_doc(text))
    assert ((period.start, period.end) if period else None) == expected


@pytest.mark.parametrize("text, expected", [
    # A duration from a start, "pour N ans" with no "durée".
    ("La convention, conclue pour quatre ans à compter du 1er janvier 2025, sera évaluée à mi-parcours.", (2025, 2028)),
    ("La CTG est conclue pour cinq ans à partir du 1er janvier 2024.", (2024, 2028)),
    # A start, then an end told by "prend fin", in the same or the next sentence of the duration article.
    ("La CTG prend effet au 1er juillet 2024 et prend fin le 30 juin 2028.", (2024, 2028)),
    ("Article 6 – Durée\n\nLa présente convention prend effet le 1er janvier 2023. Elle prend fin le 31 décembre "
     "2026.", (2023, 2026)),
    # An end in a phrase fronted before the CTG or a noun standing for it.
    ("Valable jusqu'en 2027, la convention territoriale globale fixe quatre axes.", (None, 2027)),
    ("La communauté va conclure une CTG, qui remplacera les anciens contrats enfance-jeunesse.\n\n"
     "Valable jusqu'en 2028, le document concerne les 20 communes.", (None, 2028)),
    # A noun standing for the CTG named before: "le nouveau texte", "ce nouveau contrat".
    ("Les partenaires ont signé leur deuxième convention territoriale globale. Le nouveau texte court de 2024 à "
     "2028 et compte 27 actions.", (2024, 2028)),
    ("La Caf et la commune ont signé une convention territoriale globale. Ce nouveau contrat couvre la période "
     "2023-2027.", (2023, 2027)),
    # An amendment, by "proroger" as by "prolonger", of the CTG only.
    ("La CTG signée pour la période 2019-2022 a été prolongée jusqu'au 31 décembre 2023 par avenant.", (2019, 2023)),
    ("La CTG 2020-2024 a été prorogée jusqu'au 31 décembre 2025 par avenant.", (2020, 2025)),
])
def test_period_durations_duration_articles_and_nouns_for_the_ctg(text, expected):
    period = extract_period(make_doc(text))
    assert ((period.start, period.end) if period else None) == expected


def test_a_fronted_range_is_the_time_of_its_clause_unless_the_ctg_is_its_subject():
    assert extract_period(make_doc("De 2019 à 2022, la ville a ouvert trois crèches grâce à la CTG.")) is None
    period = extract_period(make_doc("De 2019 à 2022, une CTG a été signée entre la commune et la Caf."))
    assert (period.start, period.end) == (2019, 2022)


def test_ranges_listed_after_several_names_are_those_names_periods():
    doc = make_doc("Les CTG du département : Florac (2019-2023), Mende (2020-2024) et Marvejols (2021-2025).")
    assert extract_period(doc) is None
    # One range after one name keeps the CTG's name reading.
    period = extract_period(make_doc("La CTG du Pays de Florac (2019-2023) a été évaluée."))
    assert (period.start, period.end) == (2019, 2023)


def _scanned(doc):
    return replace(doc, pages=tuple(replace(page, ocr=True) for page in doc.pages))


def test_a_scans_digit_misread_leaves_the_period_of_a_usual_span():
    text = ("DÉLIBÉRATION – CONVENTION TERRITORIALE GLOBALE 2025-2029\n\n"
            "Le conseil approuve les termes de la Convention Territoriale Globale 2023-2029.")
    period = extract_period(_scanned(make_doc(text)))
    assert (period.start, period.end) == (2025, 2029)
    # Typed text has no misread digits: two periods, none claimed.
    assert extract_period(make_doc(text)) is None


@pytest.mark.parametrize("text, expected", [
    # The CTG named only as the frame of something else: the years are that thing's.
    ("Le relais petite enfance est agréé pour quatre ans à compter du 1er janvier 2024 dans le cadre de la CTG.",
     None),
    ("Financé dans le cadre de la CTG, le lieu d'accueil enfants-parents fonctionnera de 2024 à 2027.", None),
    ("Financé au titre de la CTG jusqu'en 2026, le poste de coordinateur jeunesse est pérennisé.", None),
    # ... unless the years follow that very mention, or the CTG is the subject.
    ("Dans le cadre de la CTG 2022-2026, la ville ouvre une crèche.", (2022, 2026)),
    ("La CTG est signée pour la période 2023-2027 dans le cadre de la COG.", (2023, 2027)),
])
def test_period_of_a_ctg_named_only_as_a_frame_is_not_claimed(text, expected):
    period = extract_period(make_doc(text))
    assert ((period.start, period.end) if period else None) == expected


def test_period_ignores_the_first_contract_named_before_the_current_ctg():
    doc = make_doc("Cinq ans après un premier contrat conclu pour 2017-2020, la commune et la Caf ont signé la "
                   "deuxième CTG du territoire, pour la période 2021-2025.")
    period = extract_period(doc)
    assert (period.start, period.end) == (2021, 2025)


@pytest.mark.parametrize("text, expected", [
    ("Le point consacré à la convention territoriale globale (CTG) a été adopté. Il autorise le maire à signer avec "
     "la Caf ce document qui encadrera la politique familiale de la commune de 2026 à 2030.", (2026, 2030)),
    # the document is another plan's
    ("Le conseil a adopté la CTG. Il a aussi voté le projet éducatif de territoire, un document qui encadrera les "
     "activités périscolaires de 2025 à 2028.", None),
    ("Le conseil a adopté le contrat de ville. Il autorise le maire à signer ce document qui court de 2024 à 2030.",
     None),
])
def test_period_in_a_relative_clause_about_the_ctg_named_before(text, expected):
    period = extract_period(make_doc(text))
    assert ((period.start, period.end) if period else None) == expected


def test_period_ignores_the_ctg_it_succeeds():
    doc = make_doc("La présente convention succède à la convention territoriale globale 2019-2023. Elle est conclue "
                   "pour la période du 1er janvier 2024 au 31 décembre 2027.")
    period = extract_period(doc)
    assert (period.start, period.end) == (2024, 2027)

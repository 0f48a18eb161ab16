"""HTML and plain text read into the same view as PDFs."""

from __future__ import annotations

from extract.ingest import ingest, sniff
from extract.ingest.markup import read_html, read_text

PAGE = """<!DOCTYPE html><html><head><meta charset="{charset}"><title>CTG signée</title></head>
<body><header><a href="/">Ville de Lunel</a><nav><ul><li>Accueil</li><li>Actualités</li></ul></nav></header>
<div class="cookie-banner">Nous utilisons des cookies</div>
<main><article><h1>Signature de la convention territoriale globale</h1>
<p class="date">Publié le 14/03/2024</p>
<p>La ville et la <strong>Caf de l’Hérault</strong> ont signé la CTG<br>pour la période 2024-2028.</p>
<h2>Les axes</h2><ul><li>Petite enfance</li><li>Parentalité</li></ul>
<table><tr><th>Axe</th><th>Budget</th></tr><tr><td>Jeunesse</td><td>12 000 €</td></tr></table>
</article></main><footer>Mentions légales</footer></body></html>"""


def test_html_keeps_the_article_and_drops_chrome():
    doc = read_html(PAGE.format(charset="utf-8").encode("utf-8"), "a.html", "a")
    texts = [b.text for b in doc.pages[0].blocks]
    assert texts[0] == "Signature de la convention territoriale globale"
    assert doc.pages[0].blocks[0].bold and doc.pages[0].blocks[0].size == 24.0
    assert "La ville et la Caf de l’Hérault ont signé la CTG pour la période 2024-2028." in texts
    assert "• Petite enfance" in texts
    assert not any(t in " ".join(texts) for t in ("Accueil", "cookies", "Mentions légales", "Ville de Lunel"))
    assert doc.pages[0].tables[0].rows == (("Axe", "Budget"), ("Jeunesse", "12 000 €"))
    assert doc.title == "CTG signée"


def test_html_in_windows_1252_is_decoded():
    data = PAGE.format(charset="windows-1252").replace("’", "'").encode("cp1252")
    doc = read_html(data, "a.html", "a")
    assert "La ville et la Caf de l'Hérault ont signé la CTG pour la période 2024-2028." in doc.text


def test_html_without_declared_charset_falls_back_from_utf8_to_cp1252():
    data = "<html><body><p>Parentalité et accès aux droits</p></body></html>".encode("cp1252")
    assert read_html(data, "a.html", "a").text == "Parentalité et accès aux droits"


def test_text_pages_split_on_form_feeds_and_blocks_on_blank_lines():
    doc = read_text("Titre\n\nUne phrase coupée\nsur deux lignes.\fPage deux".encode(), "t.txt", "t")
    assert doc.n_pages == 2
    assert [b.text for b in doc.pages[0].blocks] == ["Titre", "Une phrase coupée sur deux lignes."]
    assert doc.pages[1].text == "Page deux"


def test_file_type_comes_from_content():
    assert sniff(b"%PDF-1.7\n...") == "pdf"
    assert sniff(b"  <!DOCTYPE html><html>") == "html"
    assert sniff(b"Convention territoriale globale") == "text"
    assert sniff(b"\x89PNG\r\n\x1a\n\x00\x00") == "binary"


def test_html_file_named_txt_is_read_as_html(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<html><body><nav>Menu</nav><p>La CTG de Lunel.</p></body></html>", encoding="utf-8")
    assert ingest(str(path), "page").text == "La CTG de Lunel."


def test_text_columns_separated_by_spaces_stay_apart():
    doc = read_text("Le Président                     La Directrice\n\nJEAN-LUC TANGUY                  CLAIRE ABGRALL\n"
                    .encode(), "t.txt", "t")
    texts = [b.text for b in doc.pages[0].blocks]
    assert "JEAN-LUC TANGUY" in texts and "CLAIRE ABGRALL" in texts and "Le Président" in texts


def test_text_dump_whose_form_feeds_became_spaces_is_split_into_pages():
    text = "Titre\nligne\n Deuxième page\nsuite\n Troisième page\n" + "ligne\n" * 20
    doc = read_text(text.encode(), "t.txt", "t")
    assert doc.n_pages == 3 and doc.pages[1].blocks[0].text.startswith("Deuxième page")
    # An indented text is not cut into pages.
    assert read_text("a\n  b\n  c\nd\n".encode(), "t.txt", "t").n_pages == 1


def test_a_justified_row_of_a_text_dump_is_one_line():
    doc = read_text("Fait   à    Saint-Martin-de-Seignanx,   le  ......,  en  trois\nexemplaires originaux.\n"
                    .encode(), "t.txt", "t")
    assert [b.text for b in doc.pages[0].blocks] == [
        "Fait à Saint-Martin-de-Seignanx, le ......, en trois exemplaires originaux."]


def test_a_no_break_space_inside_a_number_does_not_cut_a_text_line():
    doc = read_text("Le territoire compte 55\u202f400 habitants ; la Caf y verse 2,4\u00a0M€ par an.".encode(), "t.txt", "t")
    assert [b.text for p in doc.pages for b in p.blocks] == ["Le territoire compte 55 400 habitants ; la Caf y verse 2,4 M€ par an."]

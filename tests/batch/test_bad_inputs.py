"""Each kind of bad input gets its own documents row with status='error' and a one-line reason a
person can act on, and the rest of the batch loads."""

from __future__ import annotations

import os
import shutil

import duckdb
import pymupdf
import pytest

from extract.ingest import OcrMode
from pipeline import RunOptions, run
from tests.conftest import VALLEE, VALLEE_HTML, VALROS_SCAN

NO_PAGES_PDF = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(VALLEE, folder / "good.pdf")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "truncated.pdf").write_bytes(VALLEE.read_bytes()[:600])
    (folder / "text-renamed.pdf").write_text("Convention territoriale globale de la ville.", encoding="utf-8")
    (folder / "html-renamed.pdf").write_text("<!DOCTYPE html><html><body>CTG</body></html>", encoding="utf-8")
    with pymupdf.open(VALLEE) as doc:
        doc.save(folder / "locked.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    (folder / "no-pages.pdf").write_bytes(NO_PAGES_PDF)
    page = VALLEE_HTML.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1252"')
    (folder / "windows-1252.html").write_bytes(page.replace("’", "'").replace("«", '"').replace("»", '"')
                                                .encode("cp1252"))
    os.symlink(folder / "gone.pdf", folder / "dangling.pdf")
    os.symlink("loop.pdf", folder / "loop.pdf")
    os.symlink(".", folder / "cycle")  # a folder link back to itself: not followed
    return folder


def statuses(db: str) -> dict[str, tuple[str, str | None]]:
    with duckdb.connect(db, read_only=True) as con:
        return {d: (s, e) for d, s, e in con.execute("SELECT doc_id, status, error FROM documents").fetchall()}


def test_every_bad_input_gets_an_error_row_and_the_batch_goes_on(bad_folder, tmp_path):
    db = str(tmp_path / "ctg.duckdb")
    summary = run([str(bad_folder)], RunOptions(db=db, workers=2, ocr=OcrMode.NEVER))
    rows = statuses(db)
    assert rows["good"][0] == "ok" and rows["windows-1252"][0] == "ok"
    expected = {
        "empty": "empty file",
        "text-renamed": "not a PDF: the file holds plain text (renamed .pdf?)",
        "html-renamed": "not a PDF: the file holds HTML (renamed .pdf?)",
        "locked": "password-protected PDF: remove the password to extract it",
        "no-pages": "PDF has no pages",
        "dangling": "cannot read file: No such file or directory",
        "loop": "cannot read file: Too many levels of symbolic links",
    }
    for doc_id, reason in expected.items():
        assert rows[doc_id] == ("error", reason), doc_id
    assert rows["truncated"][0] == "error" and rows["truncated"][1].startswith(("not a readable PDF", "PDF has no"))
    assert all("\n" not in (error or "") for _, error in rows.values())
    assert (summary.ok, summary.error) == (2, 8)


def test_windows_1252_html_is_read_with_its_accents(bad_folder, tmp_path):
    db = str(tmp_path / "ctg.duckdb")
    run([str(bad_folder / "windows-1252.html")], RunOptions(db=db))
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("SELECT value FROM facts WHERE field = 'territory_name'").fetchone() == \
            ("Communauté de communes Vallée de l'Hérault",)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_an_error(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(VALLEE, folder / "secret.pdf")
    os.chmod(folder / "secret.pdf", 0)
    db = str(tmp_path / "ctg.duckdb")
    run([str(folder)], RunOptions(db=db))
    assert statuses(db)["secret"] == ("error", "cannot read file: Permission denied")


def test_scan_without_tesseract_says_how_to_install_it(tmp_path):
    import subprocess
    import sys

    # A real `ctg run` whose PATH holds no tesseract (its workers inherit that PATH).
    db = str(tmp_path / "ctg.duckdb")
    env = dict(os.environ, PATH=str(tmp_path))
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    done = subprocess.run([sys.executable, "-c", "import cli, sys; sys.exit(cli.main())", "run", str(VALROS_SCAN),
                           "--db", db, "--workers", "1", "--quiet"], cwd=root, env=env, capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    status, error = statuses(db)["valros-dossier-de-presse-2023-scan"]
    assert status == "error"
    assert error == ("page needs OCR but Tesseract is not installed; "
                     "install it with: apt-get install tesseract-ocr tesseract-ocr-fra")


def test_permission_denied_reads_as_a_clear_reason(monkeypatch):
    """What a non-root user meets on a file without read permission (root, running the tests in
    CI, reads every file, hence this in-process check)."""
    from extract import ingest as ingest_module
    from extract.errors import UnreadableDocument

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ingest_module, "open", denied, raising=False)
    with pytest.raises(UnreadableDocument, match="^cannot read file: Permission denied$"):
        ingest_module.read_bytes("/some/file.pdf")

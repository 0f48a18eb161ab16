"""Finding the files of a batch and naming their documents."""

from __future__ import annotations

import os
import shutil

from batch.files import assign_doc_ids, discover
from tests.conftest import FRONTIGNAN, VALLEE, VALLEE_HTML


def test_doc_ids_are_file_stems_with_suffixes_on_collision_and_stable(tmp_path):
    paths = ["/a/ctg.pdf", "/b/ctg.pdf", "/b/ctg.html", "/c/other.txt"]
    assert assign_doc_ids(paths, {}) == {"/a/ctg.pdf": "ctg", "/b/ctg.pdf": "ctg-2", "/b/ctg.html": "ctg-3",
                                         "/c/other.txt": "other"}
    # Known paths keep their id whatever new files arrive.
    assert assign_doc_ids(["/0/ctg.pdf", "/b/ctg.pdf"], {"/b/ctg.pdf": "ctg"}) == {"/0/ctg.pdf": "ctg-2",
                                                                                    "/b/ctg.pdf": "ctg"}


def test_discover_finds_supported_files_recursively(tmp_path):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for path, where in ((VALLEE, folder), (VALLEE_HTML, folder / "sub"), (FRONTIGNAN, folder)):
        shutil.copy(path, where)
    (folder / "notes.docx").write_text("x")
    (folder / ".hidden").mkdir()
    (folder / ".hidden" / "x.pdf").write_text("x")
    assert [os.path.basename(p) for p in discover([str(folder)])] == [
        FRONTIGNAN.name, VALLEE_HTML.name, VALLEE.name]

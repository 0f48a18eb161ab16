"""Finding the files of a batch, telling which changed since they were loaded, naming them."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from extract.ingest import SUPPORTED_SUFFIXES

HASH_CHUNK = 1 << 20


@dataclass(frozen=True)
class Known:
    """What the database remembers of a file it loaded."""

    doc_id: str
    size: int | None
    mtime: float | None
    sha256: str | None


def discover(paths: list[str]) -> list[str]:
    """Supported files under each path, sorted; a file given directly is taken as it is.

    Symbolic links to folders are not followed (a link back to a parent would loop forever);
    links to files are listed, and one that cannot be read fails when its turn comes.
    """
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, f) for f in files
                             if f.lower().endswith(SUPPORTED_SUFFIXES) and not f.startswith("."))
        else:
            found.append(path)
    return sorted(dict.fromkeys(os.path.abspath(p) for p in found))


def sha256_of_file(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(HASH_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def unchanged(path: str, known: Known | None) -> bool:
    """Same size and mtime as when loaded; when only the mtime moved, the same sha256."""
    if known is None or known.sha256 is None:
        return False
    try:
        stat = os.stat(path)
    except OSError:
        return False
    if stat.st_size != known.size:
        return False
    if stat.st_mtime == known.mtime:
        return True
    try:
        return sha256_of_file(path) == known.sha256
    except OSError:
        return False


def assign_doc_ids(paths: list[str], known: dict[str, str]) -> dict[str, str]:
    """doc_id of each path: its file name without extension, "-2", "-3"... on collisions.
    ``known`` (path -> doc_id from the database) keeps earlier ids stable across runs."""
    taken = set(known.values())
    ids: dict[str, str] = {}
    for path in paths:
        if path in known:
            ids[path] = known[path]
            continue
        stem = os.path.splitext(os.path.basename(path))[0]
        candidate, n = stem, 1
        while candidate in taken:
            n += 1
            candidate = f"{stem}-{n}"
        taken.add(candidate)
        ids[path] = candidate
    return ids

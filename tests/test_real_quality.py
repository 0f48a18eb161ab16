"""Extraction quality on the development splits of real texts, rendered as the files users have
(``corpus/real.py``) and run through the whole pipeline: no field may fall more than 0.02 below the
score it reached.

- ``real``: ``../shared/real``, public CTG texts (skipped when that folder is absent);
- ``realistic``: ``tests/data/realistic``, texts written for evaluation without the code.

Scores reached live in ``tests/data/<set>_dev_scores.json``. After an improvement, record them on
purpose:

    CTG_UPDATE_REAL_SCORES=1 .venv/bin/pytest tests/test_real_quality.py

Rendered files are kept in ``outputs/`` between runs (rendered again when a text or the renderer
changes). The test splits are never used here: they are the unseen part of each set.
"""

from __future__ import annotations

import json
import os
import sys

import duckdb
import pytest

from tests.conftest import ROOT

SETS = {
    "real": (ROOT.parent / "shared" / "real", ROOT / "outputs" / "real"),
    "realistic": (ROOT / "tests" / "data" / "realistic", ROOT / "outputs" / "realistic"),
}
TOLERANCE = 0.02


def dev_report(name: str, workdir):
    sys.path.insert(0, str(ROOT / "corpus"))
    import real

    from pipeline import RunOptions, run
    from store.evaluate import evaluate, load_gold

    texts, rendered = SETS[name]
    made = real.render(texts, rendered, "dev", log=lambda _: None)
    assert len(made["dev"]) >= 80, "the dev split renders into many files"
    db = str(workdir / f"{name}.duckdb")
    summary = run([str(rendered / "dev")], RunOptions(db=db, workers=min(2, os.cpu_count() or 1)))
    assert summary.error == 0, summary.errors
    with duckdb.connect(db, read_only=True) as con:
        return evaluate(con, load_gold([str(rendered / "dev" / "gold")]))


@pytest.mark.parametrize("name", list(SETS))
def test_dev_split_keeps_the_scores_it_reached(name, tmp_path):
    if not SETS[name][0].is_dir():
        pytest.skip(f"{SETS[name][0]} is absent")
    report = dev_report(name, tmp_path)
    scores = {field: round(score.f1, 4) for field, score in report.scores.items()}
    scores["mean"] = round(sum(scores.values()) / len(report.scores), 4)
    path = ROOT / "tests" / "data" / f"{name}_dev_scores.json"
    if os.environ.get("CTG_UPDATE_REAL_SCORES"):
        path.write_text(json.dumps(scores, indent=1) + "\n")
    reached = json.loads(path.read_text())
    fallen = {field: (scores[field], value) for field, value in reached.items() if scores[field] < value - TOLERANCE}
    assert not fallen, f"{name}: below the reached F1 by more than {TOLERANCE} (now, reached): {fallen}"

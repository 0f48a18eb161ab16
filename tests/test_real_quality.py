"""Extraction quality on the real development set (``../shared/real``, dev split), rendered as the
files users have (``corpus/real.py``) and run through the whole pipeline: no field may fall more
than 0.02 below the score it reached (``tests/data/real_dev_scores.json``).

After an improvement, record the new scores on purpose:

    CTG_UPDATE_REAL_SCORES=1 .venv/bin/pytest tests/test_real_quality.py

The rendered files are kept in ``outputs/real`` between runs (re-rendered when a text or the
renderer changes). The test split is never used here: it is the unseen part of the set.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import duckdb
import pytest

from tests.conftest import ROOT

REAL = ROOT.parent / "shared" / "real"
RENDERED = ROOT / "outputs" / "real"
SCORES = ROOT / "tests" / "data" / "real_dev_scores.json"
TOLERANCE = 0.02

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="the real development set (../shared/real) is absent")


@pytest.fixture(scope="module")
def dev_report(tmp_path_factory):
    sys.path.insert(0, str(ROOT / "corpus"))
    import real

    from pipeline import RunOptions, run
    from store.evaluate import evaluate, load_gold

    made = real.render(REAL, RENDERED, "dev", log=lambda _: None)
    assert len(made["dev"]) >= 100, "the dev split renders into at least a hundred files"
    db = str(tmp_path_factory.mktemp("real") / "dev.duckdb")
    summary = run([str(RENDERED / "dev")], RunOptions(db=db, workers=min(2, os.cpu_count() or 1)))
    assert summary.error == 0, summary.errors
    with duckdb.connect(db, read_only=True) as con:
        return evaluate(con, load_gold([str(RENDERED / "dev" / "gold")]))


def test_real_dev_split_keeps_the_scores_it_reached(dev_report):
    scores = {field: round(score.f1, 4) for field, score in dev_report.scores.items()}
    scores["mean"] = round(sum(scores.values()) / len(dev_report.scores), 4)
    if os.environ.get("CTG_UPDATE_REAL_SCORES"):
        SCORES.write_text(json.dumps(scores, indent=1) + "\n")
    reached = json.loads(SCORES.read_text())
    fallen = {field: (scores[field], value) for field, value in reached.items() if scores[field] < value - TOLERANCE}
    assert not fallen, f"below the reached F1 by more than {TOLERANCE} (now, reached): {fallen}"

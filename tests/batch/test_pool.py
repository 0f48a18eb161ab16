"""The worker pool: a task that hangs, crashes its worker, eats memory or raises costs only itself."""

from __future__ import annotations

from batch.pool import Failure, WorkerPool
from tests.batch.workers_helpers import echo_or_misbehave


def test_bad_tasks_fail_alone_and_the_others_complete():
    pool = WorkerPool(2, echo_or_misbehave, timeout_s=3.0, memory_mb=1024)
    tasks = ["a", "hang", "b", "crash", "c", "memory", "d", "raise", "e"]
    results = dict(pool.map(tasks))
    assert {t: results[t] for t in "abcde"} == {t: t.upper() for t in "abcde"}
    assert isinstance(results["hang"], Failure) and results["hang"].reason == "timed out after 3 s"
    assert isinstance(results["crash"], Failure) and "signal 11" in results["crash"].reason
    assert isinstance(results["memory"], Failure) and "out of memory" in results["memory"].reason
    assert results["raise"] == Failure("ValueError: bad input")
    assert all("\n" not in r.reason for r in results.values() if isinstance(r, Failure))


def test_pool_stops_its_workers():
    pool = WorkerPool(2, echo_or_misbehave)
    assert dict(pool.map(["x", "y"])) == {"x": "X", "y": "Y"}
    assert pool.slots == []

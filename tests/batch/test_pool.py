"""The worker pool: a task that hangs, crashes its worker, eats memory or raises costs only itself."""

from __future__ import annotations

from batch.pool import Failure, WorkerPool
from tests.batch.workers_helpers import echo_or_misbehave, pid_after_growing


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


def test_a_worker_grown_past_its_recycling_size_is_replaced_after_its_task():
    pool = WorkerPool(1, pid_after_growing, recycle_mb=150)
    pids = [pid for _, pid in pool.map(["10", "10", "200", "10", "10"])]
    # The task that grew the worker past 150 MB still returns; the next runs in a fresh worker.
    assert pids[0] == pids[1] == pids[2] != pids[3] == pids[4]

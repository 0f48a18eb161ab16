"""A pool of worker processes where one bad document costs only itself.

Each worker runs tasks one at a time. The pool watches them: a task past its time limit gets its
worker killed; a worker that dies (a crash in a C library, the kernel's out-of-memory killer)
loses only its current task. Both come back as a ``Failure`` with a one-line reason, and a fresh
worker takes the dead one's place. Workers have a memory ceiling (RLIMIT_AS) so that a runaway
document raises MemoryError in Python instead of starving the machine, and die with the parent
process if it is killed.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterator

# How long to wait for a worker to stop when the pool shuts down.
STOP_GRACE_S = 2.0


@dataclass(frozen=True)
class Failure:
    """A task the pool could not finish: its worker timed out or died."""

    reason: str


def _die_with_parent() -> None:
    """Linux only: the kernel kills this process when its parent dies (even by SIGKILL)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _limit_memory(megabytes: int | None) -> None:
    if not megabytes:
        return
    try:
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass


def _rss_mb() -> float:
    """This process's resident memory, in MB (Linux; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as handle:
            pages = int(handle.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _worker_main(conn: Connection, initializer: Callable[[], None] | None, handler: Callable[[Any], Any],
                 memory_mb: int | None, recycle_mb: int | None = None) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if initializer is not None:
        initializer()
    _limit_memory(memory_mb)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        key, payload = task
        try:
            result = handler(payload)
        except MemoryError:
            result = Failure(f"ran out of memory (limit {memory_mb} MB per worker)")
        except Exception as exc:  # the handler should catch its own errors; this is the last net
            result = Failure(f"{type(exc).__name__}: {exc}")
        # A worker grown past ``recycle_mb`` (big scans leave the allocator fragmented) retires
        # after this task; the pool starts a fresh one.
        retiring = bool(recycle_mb) and _rss_mb() > recycle_mb
        try:
            conn.send((key, result, retiring))
        except (BrokenPipeError, OSError):
            return
        if retiring:
            return


@dataclass
class _Slot:
    process: multiprocessing.Process
    conn: Connection
    key: int | None = None
    payload: Any = None
    started: float = 0.0


class WorkerPool:
    """``map`` yields (payload, result or Failure) as tasks finish, in completion order."""

    def __init__(self, workers: int, handler: Callable[[Any], Any], initializer: Callable[[], None] | None = None,
                 timeout_s: float | None = None, memory_mb: int | None = None, recycle_mb: int | None = None):
        self.size = max(1, workers)
        self.handler = handler
        self.initializer = initializer
        self.timeout_s = timeout_s
        self.memory_mb = memory_mb
        self.recycle_mb = recycle_mb
        self.context = multiprocessing.get_context("forkserver")
        self.slots: list[_Slot] = []

    def _start(self) -> _Slot:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker_main, daemon=True,
                                       args=(child, self.initializer, self.handler, self.memory_mb,
                                             self.recycle_mb))
        process.start()
        child.close()
        return _Slot(process, parent)

    def _replace(self, slot: _Slot) -> None:
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join(STOP_GRACE_S)
        slot.conn.close()
        self.slots[self.slots.index(slot)] = self._start()

    def map(self, payloads: list[Any]) -> Iterator[tuple[Any, Any]]:
        pending = deque(enumerate(payloads))
        self.slots = [self._start() for _ in range(min(self.size, len(payloads)))]
        try:
            while pending or any(s.key is not None for s in self.slots):
                for slot in self.slots:
                    if slot.key is None and pending:
                        slot.key, slot.payload = pending.popleft()
                        slot.started = time.monotonic()
                        try:
                            slot.conn.send((slot.key, slot.payload))
                        except (BrokenPipeError, OSError):
                            payload = slot.payload
                            self._replace(slot)
                            yield payload, Failure("worker could not be started")
                yield from self._collect()
        finally:
            self.close()

    def _collect(self) -> Iterator[tuple[Any, Any]]:
        busy = [s for s in self.slots if s.key is not None]
        if not busy:
            return
        wait_s = None
        if self.timeout_s:
            now = time.monotonic()
            wait_s = max(0.0, min(s.started + self.timeout_s - now for s in busy))
        ready = wait([s.conn for s in busy] + [s.process.sentinel for s in busy], timeout=wait_s)
        for slot in busy:
            payload = slot.payload
            if slot.conn in ready:
                try:
                    key, result, retiring = slot.conn.recv()
                except (EOFError, OSError):
                    ready.append(slot.process.sentinel)
                else:
                    slot.key = slot.payload = None
                    if retiring:
                        self._replace(slot)
                    yield payload, result
                    continue
            if slot.process.sentinel in ready and not slot.process.is_alive():
                slot.process.join(STOP_GRACE_S)
                code = slot.process.exitcode
                reason = (f"worker killed by signal {-code}" + (" (out of memory?)" if code == -signal.SIGKILL else
                                                                  " (crash in a library)")) if code and code < 0 \
                    else f"worker exited with status {code}"
                self._replace(slot)
                yield payload, Failure(f"{reason} while processing this file")
            elif self.timeout_s and time.monotonic() - slot.started > self.timeout_s:
                self._replace(slot)
                yield payload, Failure(f"timed out after {self.timeout_s:g} s")

    def close(self) -> None:
        for slot in self.slots:
            try:
                if slot.key is None:
                    slot.conn.send(None)
            except (BrokenPipeError, OSError):
                pass
        deadline = time.monotonic() + STOP_GRACE_S
        for slot in self.slots:
            slot.process.join(max(0.0, deadline - time.monotonic()))
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join(STOP_GRACE_S)
            slot.conn.close()
        self.slots = []


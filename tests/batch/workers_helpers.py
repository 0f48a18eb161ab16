"""Task handlers for the pool tests: they must be importable by worker processes."""

from __future__ import annotations

import os
import signal
import time


def echo_or_misbehave(task: str) -> str:
    if task == "hang":
        time.sleep(60)
    elif task == "crash":
        os.kill(os.getpid(), signal.SIGSEGV)
    elif task == "memory":
        blocks = []
        while True:
            blocks.append(bytearray(50 * 1024 * 1024))
    elif task == "raise":
        raise ValueError("bad input")
    return task.upper()


HOARD: list[bytearray] = []


def pid_after_growing(task: str) -> int:
    """The worker's pid, after keeping ``task`` MB alive (a worker that grows with each task)."""
    HOARD.append(bytearray(int(task) * 1024 * 1024))
    for block in HOARD:  # touch the pages so that they count in the resident set
        block[::4096] = b"\x01" * len(block[::4096])
    return os.getpid()

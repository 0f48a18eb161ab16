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

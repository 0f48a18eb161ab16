"""Where a batch stands: a progress bar on a terminal, plain periodic lines otherwise, and a log
file with one line per document."""

from __future__ import annotations

import sys
import time
from datetime import datetime
from typing import TextIO

# Seconds between two plain progress lines when the output is not a terminal.
LINE_EVERY_S = 10.0


class Progress:
    def __init__(self, total: int, quiet: bool = False, log: TextIO | None = None, stream: TextIO | None = None):
        self.total = total
        self.done = self.errors = self.pages = 0
        self.started = time.monotonic()
        self.last_line = self.started
        self.stream = stream or sys.stderr
        self.log = log
        self.quiet = quiet
        self.bar = None
        if not quiet and total and getattr(self.stream, "isatty", lambda: False)():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="file", file=self.stream, dynamic_ncols=True, smoothing=0.05)

    def update(self, doc_id: str, ok: bool, pages: int, seconds: float | None, error: str | None) -> None:
        self.done += 1
        self.errors += 0 if ok else 1
        self.pages += pages
        if self.log:
            state = "ok" if ok else f"error: {error}"
            self.log.write(f"{datetime.now().isoformat(timespec='seconds')}\t{doc_id}\t{pages} p\t"
                           f"{seconds or 0:.2f} s\t{state}\n")
            self.log.flush()
        if self.bar is not None:
            self.bar.set_postfix(pages=self.pages, errors=self.errors, refresh=False)
            self.bar.update(1)
        elif not self.quiet and (time.monotonic() - self.last_line >= LINE_EVERY_S or self.done == self.total):
            self.last_line = time.monotonic()
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        share = 100 * self.done / self.total if self.total else 100.0
        return (f"[{datetime.now():%H:%M:%S}] {self.done}/{self.total} files ({share:.0f} %), {self.pages} pages, "
                f"{rate:.1f} files/s, {self.pages / elapsed:.1f} pages/s, {self.errors} errors, ETA {_duration(left)}")

    def note(self, message: str) -> None:
        """A message that must not be lost under the bar (the database is busy...)."""
        if self.bar is not None:
            self.bar.write(message, file=self.stream)
        elif not self.quiet:
            self.stream.write(message + "\n")
        if self.log:
            self.log.write(f"{datetime.now().isoformat(timespec='seconds')}\t{message}\n")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds < 60:
        return f"{seconds} s"
    if seconds < 3600:
        return f"{seconds // 60} min {seconds % 60:02d} s"
    return f"{seconds // 3600} h {seconds % 3600 // 60:02d} min"

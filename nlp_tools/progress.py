"""Reporters for the command line: a rich progress bar, problems as one line each."""

from __future__ import annotations

import sys

from .readers import ReadProblem
from .runner import Reporter


class QuietReporter(Reporter):
    """No bar; problems still go to stderr, one line each (never silently dropped)."""

    def problem(self, problem: ReadProblem) -> None:
        if not problem.ignored:
            print(f"skipped: {problem}", file=sys.stderr)


class ConsoleReporter(QuietReporter):
    def __init__(self):
        self._progress = None
        self._task = None

    def phase(self, name: str, total: int | None = None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.done()
        self._progress = Progress(
            TextColumn("{task.description:<11}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("{task.fields[words]:>12,} words"), TimeElapsedColumn(),
            console=Console(stderr=True), transient=False,
        )
        self._progress.start()
        self._task = self._progress.add_task(name, total=total, words=0)

    def advance(self, n: int = 1, words: int = 0) -> None:
        if self._progress is not None:
            task = self._progress.tasks[0]
            self._progress.update(self._task, advance=n, words=task.fields["words"] + words)

    def problem(self, problem: ReadProblem) -> None:
        if problem.ignored:
            return
        if self._progress is not None:
            self._progress.console.print(f"skipped: {problem}", markup=False, highlight=False)
        else:
            super().problem(problem)

    def done(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

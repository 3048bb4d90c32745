"""A rich progress bar for translation, shown on stderr so stdout stays clean for results."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

stderr = Console(stderr=True)


@contextmanager
def sentence_progress(description: str = "Translating") -> Iterator:
    """Yields a ``total -> step`` factory matching ``make_briefing(progress=...)``."""
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("sentences"),
        TimeElapsedColumn(),
        console=stderr,
        transient=False,
    )

    def start(total: int):
        bar.start()  # only once there is something to count: no empty line for --no-translate
        task = bar.add_task(description, total=total)
        return lambda done: bar.advance(task, done)

    try:
        yield start
    finally:
        if bar.live.is_started:
            bar.stop()


@contextmanager
def writing_status(formats: list[str]) -> Iterator[None]:
    """A spinner while the documents are written (a long briefing's PDF takes minutes)."""
    with stderr.status(f"Writing {', '.join(formats)}"):
        yield

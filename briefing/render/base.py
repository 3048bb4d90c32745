"""What every output format offers: write a briefing to a path, never leaving a partial file."""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import ClassVar

from briefing.atomic import atomic_path
from briefing.errors import BriefingError
from briefing.structure import Briefing

PAPER_SIZES = ("A4", "letter")


def paper_size(name: str) -> str:
    """``a4``/``Letter``... -> the CSS page size name; anything else is refused with the choices."""
    for size in PAPER_SIZES:
        if name.lower() == size.lower():
            return size
    raise BriefingError(f"unknown paper size {name!r}: choose from {', '.join(PAPER_SIZES)}")


class Renderer(ABC):
    """One output format; subclasses implement ``render_to``."""

    format: ClassVar[str]
    extension: ClassVar[str]

    def __init__(self, templates: Path | None = None, *, paper: str = "A4"):
        self.templates = templates
        self.paper = paper_size(paper)

    def write(self, briefing: Briefing, target: Path) -> Path:
        """Render into a temporary file beside ``target`` and rename it into place."""
        with atomic_path(target) as temporary:
            self.render_to(briefing, temporary)
        return target

    @abstractmethod
    def render_to(self, briefing: Briefing, path: Path) -> None:
        """Write the whole document to ``path``."""

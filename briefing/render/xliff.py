"""XLIFF 1.2 as an output format: the briefing's sentence pairs for post-editing in a CAT tool.

The exchange format itself (writing, reading back, checking) is ``briefing.translate.xliff``.
"""

from __future__ import annotations

from pathlib import Path

from briefing.render.base import Renderer
from briefing.structure import Briefing
from briefing.translate.xliff import write_xliff


class XliffRenderer(Renderer):
    """``--format xliff``: the sentence pairs for a CAT tool, written like every other document."""

    format = "xliff"
    extension = ".xlf"

    def render_to(self, briefing: Briefing, path: Path) -> None:
        write_xliff(briefing, path)

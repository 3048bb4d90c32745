"""Output formats: one base class, one module per format."""

from __future__ import annotations

from briefing.render.base import Renderer
from briefing.render.docx import DocxRenderer
from briefing.render.html import HtmlRenderer
from briefing.render.json import JsonRenderer
from briefing.render.pdf import PdfRenderer
from briefing.render.xliff import XliffRenderer

RENDERERS: dict[str, type[Renderer]] = {
    renderer.format: renderer for renderer in (PdfRenderer, DocxRenderer, JsonRenderer, HtmlRenderer, XliffRenderer)
}

__all__ = ["RENDERERS", "Renderer"]

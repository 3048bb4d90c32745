"""The PDF readers receive: the template page typeset by WeasyPrint.

Only local files are ever loaded: the URL fetcher refuses anything that is not a file inside the
template folders or the bundled fonts, and article text reaches the HTML escaped (autoescape).
Bookmarks come from the stylesheet (``bookmark-level``), metadata from the page head (title,
``lang``, generator as the PDF creator); WeasyPrint embeds the fonts subset to the glyphs used.
"""

from __future__ import annotations

from pathlib import Path

from briefing.errors import BriefingError
from briefing.render.base import Renderer
from briefing.render.fonts import static_fonts
from briefing.render.html import render_page, template_folders
from briefing.render.view import build_view
from briefing.resources import bundled_fonts
from briefing.structure import Briefing


class RemoteResourceError(BriefingError):
    """The document asked for something outside the bundled local files."""


def local_only_fetcher(allowed: list[Path]):
    """A WeasyPrint URL fetcher that serves files under ``allowed`` folders and refuses the rest.

    WeasyPrint logs a refused resource as a warning and renders without it.
    """
    from urllib.parse import unquote, urlparse

    from weasyprint.urls import URLFetcher

    roots = [folder.resolve() for folder in allowed]

    class LocalOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file://"):
                target = Path(unquote(urlparse(url).path)).resolve()
                if any(target.is_relative_to(root) for root in roots):
                    return super().fetch(url, headers)
            raise RemoteResourceError(f"refused to load {url!r}: briefings use bundled local files only")

    return LocalOnlyFetcher(allowed_protocols=["file"])


class PdfRenderer(Renderer):
    format = "pdf"
    extension = ".pdf"

    def render_to(self, briefing: Briefing, path: Path) -> None:
        from weasyprint import HTML

        folders = template_folders(self.templates)
        fonts = static_fonts(bundled_fonts())
        fetcher = local_only_fetcher(folders + [font.path.parent for font in fonts])
        page = render_page(build_view(briefing, self.paper), fonts, folders, "print")
        document = HTML(string=page, base_url=str(folders[0]) + "/", url_fetcher=fetcher)
        document.write_pdf(str(path))

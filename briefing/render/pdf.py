"""The PDF readers receive: the template page typeset by WeasyPrint.

Only local files are ever loaded: the URL fetcher refuses anything that is not a file inside the
template folders or the bundled fonts, and article text reaches the HTML escaped (autoescape).
Bookmarks come from the stylesheet (``bookmark-level``), metadata from the page head (title,
``lang``, generator as the PDF creator); WeasyPrint embeds the fonts subset to the glyphs used.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from briefing.errors import BriefingError
from briefing.render.base import Renderer
from briefing.render.fonts import static_fonts
from briefing.render.html import render_page, template_folders
from briefing.render.pdf_parts import PART_ROWS, cut_long_rows, join_parts, overlay_page, split_view
from briefing.render.view import SummaryView, build_view
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
    part_rows = PART_ROWS

    def render_to(self, briefing: Briefing, path: Path) -> None:
        from weasyprint import CSS, HTML

        folders = template_folders(self.templates)
        fonts = static_fonts(bundled_fonts())
        fetcher = local_only_fetcher(folders + [font.path.parent for font in fonts])

        def write_pdf(page: str, target: Path, extra_css: str | None) -> list[int]:
            """Typeset ``page`` into ``target``; the levels of its bookmarks, in order."""
            html = HTML(string=page, base_url=str(folders[0]) + "/", url_fetcher=fetcher)
            document = html.render(stylesheets=[CSS(string=extra_css)] if extra_css else None)
            document.write_pdf(str(target))
            return [bookmark[0] for page in document.pages for bookmark in page.bookmarks]

        view = build_view(briefing, self.paper)
        view = replace(view, articles=[cut_long_rows(article) for article in view.articles])
        parts = split_view(view, self.part_rows)
        if len(parts) == 1:
            write_pdf(render_page(view, fonts, folders, "print"), path, None)
            return
        empty = replace(view, articles=[], summary=SummaryView(), front_matter=False)
        join_parts(
            [render_page(part, fonts, folders, "print") for part in parts],
            lambda count: overlay_page(render_page(empty, fonts, folders, "print"), view.title, count),
            write_pdf,
            path,
        )

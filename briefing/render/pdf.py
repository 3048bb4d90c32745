"""The PDF readers receive: Jinja2 HTML from ``templates/`` typeset by WeasyPrint.

Only local files are ever loaded: the URL fetcher refuses anything that is not a file inside the
templates folder or the bundled fonts, and article text reaches the HTML escaped (autoescape).
"""

from __future__ import annotations

from pathlib import Path

from briefing.errors import BriefingError
from briefing.render.base import Renderer
from briefing.resources import Font, bundled_fonts, templates_dir
from briefing.structure import Briefing

TEMPLATE = "briefing.html.j2"


class RemoteResourceError(BriefingError):
    """The document asked for something outside the bundled local files."""


def _environment(folder: Path):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader(str(folder)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(briefing: Briefing, templates: Path | None = None) -> str:
    """The briefing as one HTML page, fonts referenced by local file URL."""
    folder = templates or templates_dir()
    return _environment(folder).get_template(TEMPLATE).render(briefing=briefing, fonts=bundled_fonts())


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

        folder = self.templates or templates_dir()
        fonts: list[Font] = bundled_fonts()
        fetcher = local_only_fetcher([folder] + [font.path.parent for font in fonts])
        html = render_html(briefing, folder)
        document = HTML(string=html, base_url=str(folder) + "/", url_fetcher=fetcher)
        document.write_pdf(str(path))

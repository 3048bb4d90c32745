"""The briefing as HTML from the Jinja2 templates: the page WeasyPrint typesets into the PDF, and
the self-contained ``--format html`` file (CSS and subset fonts inline) for a browser.

Templates come from ``templates/`` or from a user's ``--templates DIR``, which may override any
file of it (``briefing.html.j2``, ``briefing.css``); missing files fall back to the bundled ones.
Autoescape is on for every template, so article text containing markup stays text.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from briefing.errors import BriefingError
from briefing.render.base import Renderer
from briefing.render.view import BriefingView, build_view
from briefing.resources import Font, bundled_fonts, templates_dir
from briefing.structure import Briefing

TEMPLATE = "briefing.html.j2"


def template_folders(templates: Path | None) -> list[Path]:
    """The user's template folder first (checked), then the bundled templates."""
    if templates is None:
        return [templates_dir()]
    templates = Path(templates)
    if not templates.is_dir():
        raise BriefingError(f"{templates}: no such templates folder (--templates needs a folder "
                            f"holding {TEMPLATE} and/or briefing.css)")
    return [templates, templates_dir()]


def _environment(folders: list[Path]):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(
        loader=FileSystemLoader([str(folder) for folder in folders]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_page(view: BriefingView, fonts: list, folders: list[Path], medium: str) -> str:
    """Fill the page template; ``medium`` is ``print`` (PDF) or ``screen`` (HTML file)."""
    from jinja2 import TemplateError

    try:
        template = _environment(folders).get_template(TEMPLATE)
        return template.render(view=view, fonts=fonts, medium=medium)
    except TemplateError as error:
        where = f" ({error.filename}, line {error.lineno})" if getattr(error, "filename", None) else ""
        raise BriefingError(f"template error{where}: {error.message}") from None


@dataclass(frozen=True)
class InlineFont:
    """A font subset to the characters of one document, carried as a ``data:`` URL."""

    family: str
    url: str
    weight: str
    style: str


def subset_font(font: Font, characters: set[str]) -> bytes:
    """The font file cut down to ``characters`` (HarfBuzz subsetter, shaping tables kept)."""
    import uharfbuzz

    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(font.path)))
    request = uharfbuzz.SubsetInput()
    request.unicode_set.update(ord(character) for character in characters)
    return uharfbuzz.subset(face, request).blob.data


def inline_fonts(fonts: list[Font], characters: set[str]) -> list[InlineFont]:
    inlined = []
    for font in fonts:
        data = base64.b64encode(subset_font(font, characters)).decode("ascii")
        inlined.append(InlineFont(font.family, f"data:font/ttf;base64,{data}", font.weight, font.style))
    return inlined


def self_contained_html(briefing: Briefing, templates: Path | None = None, paper: str = "A4") -> str:
    """One HTML file that needs nothing else: fonts subset to the characters it uses, inline."""
    folders = template_folders(templates)
    view = build_view(briefing, paper)
    characters = set(render_page(view, [], folders, "screen"))
    return render_page(view, inline_fonts(bundled_fonts(), characters), folders, "screen")


class HtmlRenderer(Renderer):
    format = "html"
    extension = ".html"

    def render_to(self, briefing: Briefing, path: Path) -> None:
        path.write_text(self_contained_html(briefing, self.templates, self.paper), encoding="utf-8")

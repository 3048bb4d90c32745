"""Where bundled files live, both in a checkout and in an installed wheel.

The wheel carries ``templates/`` and ``seeds/`` inside the package (see pyproject.toml); a
checkout or editable install finds them at the repository root.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def templates_dir() -> Path:
    """The default Jinja2 templates and CSS."""
    return _bundled("templates")


def seeds_dir() -> Path:
    """The two articles the project ships as default input."""
    return _bundled("seeds")


@dataclass(frozen=True)
class Font:
    """A font file that comes with the install (``fontpkg-*`` packages, OFL)."""

    family: str
    path: Path
    weight: str = "normal"
    style: str = "normal"

    @property
    def url(self) -> str:
        """A ``file:`` URL; percent-encoding makes it safe inside CSS ``url("...")``."""
        from markupsafe import Markup

        return Markup(self.path.as_uri())


def bundled_fonts() -> list[Font]:
    """Arabic (Amiri, Noto Sans Arabic) and Latin (Noto Serif) fonts from the installed packages."""
    import fontpkg_amiri
    import fontpkg_noto_sans_arabic
    import fontpkg_noto_serif

    amiri = Path(fontpkg_amiri.ROOT) / "files"
    sans_arabic = Path(fontpkg_noto_sans_arabic.ROOT) / "files"
    serif = Path(fontpkg_noto_serif.ROOT) / "files"
    return [
        Font("Amiri", amiri / "Amiri-Regular.ttf"),
        Font("Amiri", amiri / "Amiri-Bold.ttf", weight="bold"),
        Font("Noto Sans Arabic", sans_arabic / "NotoSansArabic[wdth,wght].ttf"),
        Font("Noto Serif", serif / "NotoSerif[wdth,wght].ttf"),
        Font("Noto Serif", serif / "NotoSerif-Italic[wdth,wght].ttf", style="italic"),
    ]

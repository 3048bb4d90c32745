"""Static instances of the bundled variable fonts, made once and kept in the user's cache.

Noto Serif and Noto Sans Arabic ship as variable fonts. WeasyPrint turns each weight it uses
into a static font with fontTools on every PDF, about a second per instance; HarfBuzz pins the
axes in milliseconds, and the result is reused across runs. Without a writable cache the
variable fonts are used as they are (slower, same output).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from briefing.resources import Font

WEIGHTS = {"normal": 400, "bold": 700}


def font_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("briefing")) / "fonts"


def static_fonts(fonts: list[Font], cache: Path | None = None) -> list[Font]:
    """``fonts`` with each variable font replaced by a regular and a bold static instance."""
    cache = cache or font_cache_dir()
    result: list[Font] = []
    for font in fonts:
        try:
            result.extend(_instances(font, cache))
        except OSError:
            result.append(font)
    return result


def _instances(font: Font, cache: Path) -> list[Font]:
    import uharfbuzz

    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(font.path)))
    axes = face.axis_infos
    if not axes:
        return [font]
    stat = font.path.stat()
    source_key = hashlib.sha1(f"{font.path}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:12]
    instances = []
    for weight, value in WEIGHTS.items():
        target = cache / f"{font.path.stem.split('[')[0]}-{value}-{source_key}.ttf"
        if not target.exists():
            cache.mkdir(parents=True, exist_ok=True)
            request = uharfbuzz.SubsetInput()
            request.sets(uharfbuzz.SubsetInputSets.UNICODE).invert()  # keep every character
            for axis in axes:
                location = value if axis.tag == "wght" else axis.default_value
                request.pin_axis_location(face, axis.tag, max(axis.min_value, min(axis.max_value, location)))
            partial = target.with_name(f".{target.name}.partial")
            partial.write_bytes(uharfbuzz.subset(face, request).blob.data)
            partial.replace(target)
        instances.append(Font(font.family, target, weight=weight, style=font.style))
    return instances

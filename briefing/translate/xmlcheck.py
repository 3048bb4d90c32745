"""Reading untrusted XML exchange files (TMX, XLIFF) and checking their structure.

The official XSDs of TMX 1.4 and XLIFF 1.2 are not available offline here, so each format
module lists the elements and attributes its specification requires and ``Checker`` reports
what is missing or out of place. The parser is the standard library's expat, which resolves no
external entities and refuses entity-expansion bombs.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from briefing.errors import InputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
INLINE_CODES = frozenset({"bpt", "ept", "it", "ph", "ut"})
"""TMX and XLIFF inline elements whose content is markup of the original document, not text."""


def parse(path: Path, what: str) -> ET.Element:
    """The root element of an XML file, or an InputError saying why it cannot be read."""
    try:
        return ET.parse(path).getroot()
    except FileNotFoundError:
        raise InputError(path, f"no such {what} file") from None
    except ET.ParseError as error:
        raise InputError(path, f"not a well-formed {what} file ({error})") from None
    except OSError as error:
        raise InputError(path, f"cannot read the {what} file ({error.strerror or error})") from None


def xml_bytes(root: ET.Element) -> bytes:
    """The document as UTF-8 with the customary declaration, indented for people reading it."""
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + text.encode() + b"\n"


def local_name(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


class Checker:
    """Collects structural problems as ``"<element path>: problem"`` lines."""

    def __init__(self):
        self.problems: list[str] = []

    def require_attributes(self, element: ET.Element, where: str, *names: str) -> None:
        for name in names:
            if not element.get(name):
                self.problems.append(f"{where}: required attribute {name.split('}')[-1]!r} is missing")

    def require_value(self, element: ET.Element, where: str, name: str, allowed: tuple[str, ...]) -> None:
        value = element.get(name)
        if value is not None and value not in allowed and not value.startswith("x-"):
            self.problems.append(f"{where}: {name} is {value!r}, not one of {', '.join(allowed)}")

    def require_children(self, parent: ET.Element, where: str, tag: str, low: int, high: int | None) -> list:
        found = [child for child in parent if child.tag == tag]
        if len(found) < low or (high is not None and len(found) > high):
            expected = f"exactly {low}" if low == high else f"at least {low}" if high is None else f"{low} to {high}"
            self.problems.append(f"{where}: {expected} <{tag.split('}')[-1]}> expected, found {len(found)}")
        return found


def inline_text(element: ET.Element | None) -> str:
    """The text of a segment element without the content of its inline codes (``<g>``, ``<hi>``,
    ``<mrk>`` text is kept; ``<x/>`` and the like hold none)."""
    if element is None:
        return ""
    parts = [element.text or ""]
    for child in element:
        if local_name(child) not in INLINE_CODES:
            parts.append(inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)

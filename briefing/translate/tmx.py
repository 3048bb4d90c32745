"""TMX 1.4, the translation memory format of CAT tools: reading Arabic->English pairs, writing them.

Structure checked on reading (``tmx_problems``), from the TMX 1.4b specification: ``<tmx
version>`` holds one ``<header>`` and one ``<body>``; the header has ``creationtool``,
``creationtoolversion``, ``segtype`` (block, paragraph, sentence or phrase), ``o-tmf``,
``adminlang``, ``srclang`` and ``datatype``; every ``<tu>`` has at least one ``<tuv>``; every
``<tuv>`` has ``xml:lang`` (or TMX 1.1's ``lang``) and exactly one ``<seg>``, whose text is
read without its inline codes (``xmlcheck.inline_text``).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from briefing import __version__
from briefing.atomic import write_bytes
from briefing.errors import InputError
from briefing.translate.xmlcheck import XML_LANG, Checker, inline_text, parse, xml_bytes

SEGTYPES = ("block", "paragraph", "sentence", "phrase")
HEADER_ATTRIBUTES = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype")


def tmx_problems(root: ET.Element) -> list[str]:
    """What in this TMX document breaks the structure TMX 1.4 requires (empty when valid)."""
    check = Checker()
    if root.tag != "tmx":
        return [f"the root element is <{root.tag}>, not <tmx>"]
    check.require_attributes(root, "tmx", "version")
    for header in check.require_children(root, "tmx", "header", 1, 1):
        check.require_attributes(header, "header", *HEADER_ATTRIBUTES)
        check.require_value(header, "header", "segtype", SEGTYPES)
    for body in check.require_children(root, "tmx", "body", 1, 1):
        for number, unit in enumerate(body.iter("tu"), 1):
            where = f"tu {number}"
            for variant in check.require_children(unit, where, "tuv", 1, None):
                if not _language(variant):
                    check.problems.append(f"{where}: a <tuv> has no xml:lang")
                check.require_children(variant, f"{where} tuv", "seg", 1, 1)
    return check.problems


def read_tmx(path: Path, source: str = "ar", target: str = "en") -> list[tuple[str, str]]:
    """The ``(source, target)`` segment pairs of a TMX file; units lacking either side are skipped."""
    root = parse(path, "TMX")
    problems = tmx_problems(root)
    if problems:
        raise InputError(path, f"not a valid TMX 1.4 file: {problems[0]}")
    pairs = []
    for unit in root.iter("tu"):
        by_language: dict[str, str] = {}
        for variant in unit.iter("tuv"):
            language = _language(variant).split("-")[0].split("_")[0].lower()
            by_language.setdefault(language, inline_text(variant.find("seg")))
        if by_language.get(source, "").strip() and by_language.get(target, "").strip():
            pairs.append((by_language[source], by_language[target]))
    return pairs


def write_tmx(pairs: list[tuple[str, str]], path: Path, source: str = "ar", target: str = "en") -> None:
    """Write the pairs as a TMX 1.4 file (all at once: a reader never sees half a file)."""
    root = ET.Element("tmx", version="1.4")
    ET.SubElement(root, "header", {
        "creationtool": "briefing",
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": "briefing",
        "adminlang": "en",
        "srclang": source,
        "datatype": "plaintext",
    })
    body = ET.SubElement(root, "body")
    for source_text, target_text in pairs:
        unit = ET.SubElement(body, "tu")
        for language, text in ((source, source_text), (target, target_text)):
            variant = ET.SubElement(unit, "tuv", {XML_LANG: language})
            ET.SubElement(variant, "seg").text = text
    write_bytes(Path(path), xml_bytes(root))


def _language(variant: ET.Element) -> str:
    return variant.get(XML_LANG) or variant.get("lang") or ""

"""XLIFF 1.2 exchange: the briefing's sentence pairs out for post-editing in a CAT tool, edits back in.

Export: one ``<file>`` per article (``original`` is the article's source path), one
``<trans-unit id="A1-p3-s2">`` per sentence (article, paragraph, sentence). The ``<target>``
state says where the English came from: machine translation is ``needs-review-translation``
(qualifier ``leveraged-mt``); translation memory and glossary are ``translated``
(``leveraged-tm``, ``leveraged-glossary``); earlier post-edits are ``final``. Flags become a
``<note annotates="target">``, and the exported English is kept in an ``<alt-trans
tool-id="briefing">`` so that an import can tell what the translator changed.

Import: a unit counts as post-edited when its target differs from that exported English, or
the translator approved it (``approved="yes"``) or set its state to ``final`` or ``signed-off``.
Untouched machine translation is not imported: it would otherwise pass for human work.

Structure checked on import and in tests (``xliff_problems``), from the XLIFF 1.2
specification (the XSD is not available offline): root ``<xliff version="1.2">`` holding at
least one ``<file>`` with ``original``, ``source-language`` and ``datatype`` and exactly one
``<body>``; ``<tool>`` with ``tool-id`` and ``tool-name``; every ``<trans-unit>`` with an
``id`` unique in its file, exactly one ``<source>`` and at most one ``<target>``; ``state``,
``state-qualifier``, ``approved`` and ``xml:space`` within their enumerations.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from briefing import __version__
from briefing.atomic import write_bytes
from briefing.errors import InputError
from briefing.structure import Briefing
from briefing.translate.flags import FLAG_EXPLANATIONS
from briefing.translate.xmlcheck import (
    XML_LANG,
    Checker,
    inline_text,
    local_name,
    parse,
    xml_bytes,
)

NAMESPACE = "urn:oasis:names:tc:xliff:document:1.2"
TOOL_ID = "briefing"
STATES = ("final", "needs-adaptation", "needs-l10n", "needs-review-adaptation", "needs-review-l10n",
          "needs-review-translation", "needs-translation", "new", "signed-off", "translated")
STATE_QUALIFIERS = ("exact-match", "fuzzy-match", "id-match", "leveraged-glossary", "leveraged-inherited",
                    "leveraged-mt", "leveraged-repository", "leveraged-tm", "mt-suggestion",
                    "rejected-grammar", "rejected-inaccurate", "rejected-length", "rejected-spelling",
                    "tm-suggestion")
_STATE_OF_ORIGIN = {
    "mt": ("needs-review-translation", "leveraged-mt"),
    "tm": ("translated", "leveraged-tm"),
    "glossary": ("translated", "leveraged-glossary"),
    "edited": ("final", None),
}
_HUMAN_STATES = ("final", "signed-off")


def _tag(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def xliff_document(briefing: Briefing) -> ET.Element:
    """The briefing's sentence pairs as an XLIFF 1.2 element tree."""
    # Plain tag names under an explicit xmlns: written without prefixes, read back in the namespace.
    root = ET.Element("xliff", {"xmlns": NAMESPACE, "version": "1.2"})
    for article in briefing.articles:
        file = ET.SubElement(root, "file", {
            "original": article.source, "source-language": "ar", "target-language": "en",
            "datatype": "plaintext", "tool-id": TOOL_ID,
        })
        header = ET.SubElement(file, "header")
        ET.SubElement(header, "tool", {"tool-id": TOOL_ID, "tool-name": "briefing", "tool-version": __version__})
        if briefing.model:
            ET.SubElement(header, "note").text = f"Machine translation: {briefing.model.name} {briefing.model.version}"
        body = ET.SubElement(file, "body")
        for paragraph in article.paragraphs:
            for number, sentence in enumerate(paragraph.sentences, 1):
                unit = ET.SubElement(body, "trans-unit", {
                    "id": f"{article.id}-p{paragraph.index}-s{number}", "approved": "no",
                })
                ET.SubElement(unit, "source", {XML_LANG: "ar"}).text = sentence.ar
                if sentence.en is None:
                    continue
                state, qualifier = _STATE_OF_ORIGIN.get(sentence.origin, ("needs-review-translation", None))
                attributes = {XML_LANG: "en", "state": state}
                if qualifier:
                    attributes["state-qualifier"] = qualifier
                ET.SubElement(unit, "target", attributes).text = sentence.en
                for flag in sentence.flags:
                    note = ET.SubElement(unit, "note", {"from": TOOL_ID, "annotates": "target"})
                    note.text = f"{flag}: {FLAG_EXPLANATIONS.get(flag, '')}".rstrip(": ")
                alternative = ET.SubElement(unit, "alt-trans", {"tool-id": TOOL_ID, "origin": sentence.origin})
                ET.SubElement(alternative, "target", {XML_LANG: "en"}).text = sentence.en
    return root


def write_xliff(briefing: Briefing, path: Path) -> None:
    root = xliff_document(briefing)
    write_bytes(Path(path), xml_bytes(root))


def xliff_problems(root: ET.Element) -> list[str]:
    """What in this document breaks the structure XLIFF 1.2 requires (empty when valid)."""
    namespace = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if local_name(root) != "xliff":
        return [f"the root element is <{local_name(root)}>, not <xliff>"]
    if namespace != NAMESPACE:
        return [f"the root element's namespace is {namespace or 'missing'!r}, not {NAMESPACE}"]
    check = Checker()
    if root.get("version") != "1.2":
        check.problems.append(f"xliff: version is {root.get('version')!r}, not '1.2'")
    for number, file in enumerate(check.require_children(root, "xliff", _tag("file"), 1, None), 1):
        where = f"file {number}"
        check.require_attributes(file, where, "original", "source-language", "datatype")
        for tool in file.iter(_tag("tool")):
            check.require_attributes(tool, f"{where} tool", "tool-id", "tool-name")
        ids = set()
        for body in check.require_children(file, where, _tag("body"), 1, 1):
            for unit in body.iter(_tag("trans-unit")):
                unit_id = unit.get("id")
                unit_where = f"{where} trans-unit {unit_id or '?'}"
                check.require_attributes(unit, unit_where, "id")
                if unit_id in ids:
                    check.problems.append(f"{unit_where}: id used twice in one file")
                ids.add(unit_id)
                check.require_value(unit, unit_where, "approved", ("yes", "no"))
                check.require_value(unit, unit_where, "{http://www.w3.org/XML/1998/namespace}space",
                                    ("default", "preserve"))
                check.require_children(unit, unit_where, _tag("source"), 1, 1)
                for target in check.require_children(unit, unit_where, _tag("target"), 0, 1):
                    check.require_value(target, unit_where, "state", STATES)
                    check.require_value(target, unit_where, "state-qualifier", STATE_QUALIFIERS)
    return check.problems


@dataclass
class XliffEdits:
    """Post-edited ``(arabic, english)`` pairs of an XLIFF file, and how many units were left as exported."""

    edits: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0


def read_xliff_edits(path: Path) -> XliffEdits:
    """The post-edits in an XLIFF 1.2 file (see the module docstring for what counts as one)."""
    root = parse(path, "XLIFF")
    problems = xliff_problems(root)
    if problems:
        raise InputError(path, f"not a valid XLIFF 1.2 file: {problems[0]}")
    result = XliffEdits()
    for unit in root.iter(_tag("trans-unit")):
        target = unit.find(_tag("target"))
        english = " ".join(inline_text(target).split()) if target is not None else ""
        if not english:
            continue
        arabic = inline_text(unit.find(_tag("source")))
        exported = next((alt.find(_tag("target")) for alt in unit.iter(_tag("alt-trans"))
                         if alt.get("tool-id") == TOOL_ID), None)
        changed = exported is None or english != " ".join(inline_text(exported).split())
        approved = unit.get("approved") == "yes" or target.get("state") in _HUMAN_STATES
        if changed or approved:
            result.edits.append((arabic, english))
        else:
            result.unchanged += 1
    return result

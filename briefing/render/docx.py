"""The editable DOCX draft: a two-column table per article, Arabic set right-to-left.

python-docx has no API for bidirectional text, so the Arabic paragraphs and runs get their
``w:bidi``, ``w:rtl``, complex-script font and language through raw OXML.
"""

from __future__ import annotations

from pathlib import Path

from briefing.render.base import Renderer
from briefing.structure import Briefing, ParagraphKind

ARABIC_FONT = "Amiri"
LATIN_FONT = "Noto Serif"
ARABIC_SIZE_PT = 13
LATIN_SIZE_PT = 10


# Successor elements in the OOXML schema order, so inserted properties land where Word expects them.
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
               "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
               "w:pPrChange")
_AFTER_SZCS = ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
               "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def _set_rtl_paragraph(paragraph) -> None:
    from docx.oxml import OxmlElement

    properties = paragraph._p.get_or_add_pPr()
    properties.insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)


def _add_arabic_run(paragraph, text: str, bold: bool = False):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(ARABIC_SIZE_PT)
    properties = run._r.get_or_add_rPr()
    fonts = properties.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), ARABIC_FONT)
    if bold:
        properties.get_or_add_bCs()
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), str(ARABIC_SIZE_PT * 2))
    properties.insert_element_before(size_cs, *_AFTER_SZCS)
    properties.get_or_add_rtl()
    language = OxmlElement("w:lang")
    language.set(qn("w:bidi"), "ar-SA")
    properties.insert_element_before(language, *_AFTER_LANG)
    return run


def _add_english_run(paragraph, text: str, bold: bool = False):
    from docx.shared import Pt

    run = paragraph.add_run(text)
    run.bold = bold
    run.font.name = LATIN_FONT
    run.font.size = Pt(LATIN_SIZE_PT)
    return run


def _arabic_paragraph(container, text: str, bold: bool = False, first: bool = False):
    paragraph = container.paragraphs[0] if first else container.add_paragraph()
    _set_rtl_paragraph(paragraph)
    _add_arabic_run(paragraph, text, bold)
    return paragraph


class DocxRenderer(Renderer):
    format = "docx"
    extension = ".docx"

    def render_to(self, briefing: Briefing, path: Path) -> None:
        from docx import Document
        from docx.shared import Cm

        document = Document()
        document.core_properties.title = briefing.title
        document.core_properties.language = "ar, en"
        document.add_heading(briefing.title, level=0)
        if briefing.model:
            document.add_paragraph(f"English by {briefing.model.name} {briefing.model.version}")
        for article in briefing.articles:
            document.add_heading(f"{article.id}. {article.title_en or ''}".strip(), level=1)
            _arabic_paragraph(document, article.title_ar, bold=True)
            document.add_paragraph(article.source)
            table = document.add_table(rows=1, cols=3)
            table.style = "Table Grid"
            header = table.rows[0].cells
            header[0].text = "¶"
            header[1].text = "English"
            _arabic_paragraph(header[2], "العربية", bold=True, first=True)
            for paragraph in article.paragraphs:
                emphasis = paragraph.kind in (ParagraphKind.TITLE, ParagraphKind.SUBHEADING)
                number, english, arabic = table.add_row().cells
                number.text = str(paragraph.index)
                _add_english_run(english.paragraphs[0], paragraph.en or "", bold=emphasis)
                _arabic_paragraph(arabic, paragraph.ar, bold=emphasis, first=True)
            for row in table.rows:
                row.cells[0].width = Cm(1)
                row.cells[1].width = Cm(8)
                row.cells[2].width = Cm(8)
        document.save(str(path))

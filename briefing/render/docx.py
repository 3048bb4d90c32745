"""The editable DOCX draft: the same briefing as the PDF, in real Word styles, with hidden bookmarks
that let ``briefing import-edits`` read an analyst's rewritten English back.

Layout: cover (title, provenance, sources, legend), summary, then per article a Heading 1 and a
table (¶ | English | Arabic) with one row per paragraph, the headline included, and one Word
paragraph per sentence inside each cell, so an analyst edits sentence by sentence.

Identifiers (hidden bookmarks: Word hides names starting with ``_``):

* ``_brf_A1_n12`` on the article heading: the article has 12 paragraphs;
* ``_brf_A1_p5_n2`` around the ¶ number of a row: paragraph 5, 2 sentences;
* ``_brf_A1_p5_s2_en_1a2b3c4d`` / ``..._ar_...`` on a sentence's Word paragraph, with the first
  8 hex digits of the SHA-1 of the text as written, so an edit is seen without the original.

python-docx has no API for bidirectional text, bookmarks, fields or internal links, so those are
written as raw OXML.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from briefing.render.base import Renderer
from briefing.render.view import BriefingView, Ref, RowView, SummaryView, build_view
from briefing.structure import Briefing

ARABIC_FONT = "Amiri"
LATIN_FONT = "Noto Serif"
ARABIC_SIZE_PT = 13
LATIN_SIZE_PT = 10

ENGLISH_STYLE = "Briefing English"
ARABIC_STYLE = "Briefing Arabic"
ARABIC_HEADLINE_STYLE = "Briefing Arabic Headline"
NOTE_STYLE = "Briefing Note"
FLAG_NOTE_STYLE = "Briefing Flag Note"
REFERENCE_STYLE = "Briefing Reference"
FLAGGED_STYLE = "Briefing Flagged"
ORIGIN_STYLES = {"tm": "Briefing Memory", "glossary": "Briefing Glossary", "edited": "Briefing Edited"}

TINT = "E8EEF7"
FLAG_TINT = "FCE3A6"
SUBHEADING_TINT = "E9EDF3"

PAPER_CM = {"A4": (21.0, 29.7), "letter": (21.59, 27.94)}
MARGIN_CM = 2.0
NUMBER_COLUMN_CM = 1.0

BOOKMARK_PREFIX = "_brf_"
ARTICLE_BOOKMARK = re.compile(r"_brf_(A\d+)_n(\d+)$")
ROW_BOOKMARK = re.compile(r"_brf_(A\d+)_p(\d+)_n(\d+)$")
SENTENCE_BOOKMARK = re.compile(r"_brf_(A\d+)_p(\d+)_s(\d+)_(en|ar)_([0-9a-f]{8})$")


def text_fingerprint(text: str) -> str:
    """8 hex digits that change when the text changes (whitespace runs count as one space)."""
    normal = " ".join(text.split())
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:8]


def article_bookmark(article: str, paragraphs: int) -> str:
    return f"{BOOKMARK_PREFIX}{article}_n{paragraphs}"


def row_bookmark(row: RowView) -> str:
    """A repeated paragraph shows a note instead of its sentences, so it holds none to edit."""
    sentences = 0 if row.repeat_ref else len(row.sentences)
    return f"{BOOKMARK_PREFIX}{row.article}_p{row.index}_n{sentences}"


def sentence_bookmark(row: RowView, number: int, language: str, text: str) -> str:
    return f"{BOOKMARK_PREFIX}{row.article}_p{row.index}_s{number}_{language}_{text_fingerprint(text)}"


# Successor elements in the OOXML schema order, so inserted properties land where Word expects them.
_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
               "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
               "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
               "w:pPrChange")
_AFTER_SHD = ("w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi") + _AFTER_BIDI
_AFTER_SZCS = ("w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
               "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_RTL = ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")


def _element(tag: str, **attributes: str):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _make_arabic(properties, size_pt: float, bold: bool = False) -> None:
    """Complex-script font, size, right-to-left and Arabic language on a run or style ``w:rPr``."""
    from docx.oxml.ns import qn

    fonts = properties.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), ARABIC_FONT)
    if bold:
        properties.get_or_add_bCs()
    if properties.find(qn("w:szCs")) is None:
        properties.insert_element_before(_element("w:szCs", val=str(round(size_pt * 2))), *_AFTER_SZCS)
    if properties.find(qn("w:rtl")) is None:
        properties.insert_element_before(_element("w:rtl"), *_AFTER_RTL)
    if properties.find(qn("w:lang")) is None:
        properties.insert_element_before(_element("w:lang", bidi="ar-SA"), *_AFTER_LANG)


def _set_bidi(paragraph_properties) -> None:
    from docx.oxml.ns import qn

    if paragraph_properties.find(qn("w:bidi")) is None:
        paragraph_properties.insert_element_before(_element("w:bidi"), *_AFTER_BIDI)


def _shade(properties, fill: str, successors: tuple[str, ...]) -> None:
    properties.insert_element_before(_element("w:shd", val="clear", color="auto", fill=fill), *successors)


def _define_styles(document) -> None:
    """Normal, the two column styles, notes and the character styles for origins and flags."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = LATIN_FONT
    normal.font.size = Pt(LATIN_SIZE_PT)

    english = styles.add_style(ENGLISH_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    english.base_style = normal
    english.paragraph_format.space_after = Pt(2)
    english.font.name = LATIN_FONT

    arabic = styles.add_style(ARABIC_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    arabic.base_style = normal
    arabic.paragraph_format.space_after = Pt(2)
    arabic.font.size = Pt(ARABIC_SIZE_PT)
    _set_bidi(arabic.element.get_or_add_pPr())
    _make_arabic(arabic.element.get_or_add_rPr(), ARABIC_SIZE_PT)

    headline = styles.add_style(ARABIC_HEADLINE_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    headline.base_style = arabic
    headline.font.size = Pt(16)
    headline.font.bold = True
    headline.paragraph_format.space_after = Pt(4)
    _make_arabic(headline.element.get_or_add_rPr(), 16, bold=True)

    for name, size in ((NOTE_STYLE, 8.5), (FLAG_NOTE_STYLE, 7.5)):
        note = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        note.base_style = normal
        note.font.size = Pt(size)
        note.font.color.rgb = RGBColor(0x66, 0x66, 0x66) if name == NOTE_STYLE else RGBColor(0x7A, 0x4B, 0x00)
        note.paragraph_format.space_after = Pt(2)

    reference = styles.add_style(REFERENCE_STYLE, WD_STYLE_TYPE.CHARACTER)
    reference.font.color.rgb = RGBColor(0x1F, 0x4E, 0x8C)
    reference.font.size = Pt(8.5)

    flagged = styles.add_style(FLAGGED_STYLE, WD_STYLE_TYPE.CHARACTER)
    _shade(flagged.element.get_or_add_rPr(), FLAG_TINT, _AFTER_SZCS[5:])

    for origin, name in ORIGIN_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        underline = {"tm": "dotted", "glossary": "dash", "edited": "single"}[origin]
        colour = {"tm": "1F4E8C", "glossary": "6A4C93", "edited": "2C8A4B"}[origin]
        style.element.get_or_add_rPr().insert_element_before(
            _element("w:u", val=underline, color=colour), *_AFTER_SZCS[2:])


class _Writer:
    """Builds one document; keeps the running bookmark id and the row bookmark of each reference."""

    def __init__(self, view: BriefingView):
        from docx import Document

        self.view = view
        self.document = Document()
        _define_styles(self.document)
        self.style_ids = {style.name: style.style_id for style in self.document.styles}
        self.next_bookmark_id = 1
        self.row_targets = {row.anchor: row_bookmark(row) for article in view.articles for row in article.rows}

    # -- low-level pieces ---------------------------------------------------------------------
    # Styles are set by id: python-docx looks a style name up by scanning every style, each time.

    def paragraph(self, container, text: str = "", style: str | None = None):
        paragraph = container.add_paragraph(text)
        if style:
            self.restyle(paragraph, style)
        return paragraph

    def restyle(self, paragraph, style: str) -> None:
        paragraph._p.style = self.style_ids[style]

    def run(self, paragraph, text: str, style: str | None = None):
        run = paragraph.add_run(text)
        if style:
            run._r.style = self.style_ids[style]
        return run

    def heading(self, text: str, level: int):
        return self.paragraph(self.document, text, f"Heading {level}")

    def bookmark(self, paragraph, name: str) -> None:
        """Wrap everything in ``paragraph`` in a bookmark called ``name``."""
        identifier = str(self.next_bookmark_id)
        self.next_bookmark_id += 1
        start = _element("w:bookmarkStart", id=identifier, name=name)
        properties = paragraph._p.pPr
        if properties is not None:
            properties.addnext(start)
        else:
            paragraph._p.insert(0, start)
        paragraph._p.append(_element("w:bookmarkEnd", id=identifier))

    def english_run(self, paragraph, text: str, bold: bool = False, style: str | None = None):
        run = self.run(paragraph, text, style)
        run.bold = bold or None
        return run

    def arabic_run(self, paragraph, text: str, bold: bool = False, style: str | None = None):
        run = self.run(paragraph, text, style)
        run.bold = bold or None
        _make_arabic(run._r.get_or_add_rPr(), ARABIC_SIZE_PT, bold)
        return run

    def arabic_paragraph(self, container, text: str, style: str = ARABIC_STYLE, bold: bool = False):
        paragraph = self.paragraph(container, style=style)
        _set_bidi(paragraph._p.get_or_add_pPr())
        self.arabic_run(paragraph, text, bold)
        return paragraph

    def references(self, paragraph, refs: list[Ref]) -> None:
        """``[A1 ¶5]`` links to the rows' bookmarks."""
        for number, ref in enumerate(refs):
            if number:
                paragraph.add_run(" ")
            target = self.row_targets.get(ref.anchor)
            run = self.run(paragraph, f"[{ref.label}]", REFERENCE_STYLE)
            if target:
                link = _element("w:hyperlink", anchor=target, history="1")
                run._r.addprevious(link)
                link.append(run._r)

    def cell_paragraph(self, cell, style: str):
        """The cell's empty first paragraph the first time, then new ones."""
        paragraphs = cell.paragraphs
        if len(paragraphs) == 1 and not paragraphs[0].runs:
            paragraph = paragraphs[0]
            self.restyle(paragraph, style)
        else:
            paragraph = self.paragraph(cell, style=style)
        if style == ARABIC_STYLE:
            _set_bidi(paragraph._p.get_or_add_pPr())
        return paragraph

    # -- sections -----------------------------------------------------------------------------

    def page_setup(self) -> None:
        from docx.shared import Cm

        section = self.document.sections[0]
        width, height = PAPER_CM[self.view.paper]
        section.page_width, section.page_height = Cm(width), Cm(height)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(MARGIN_CM))
        header = section.header.paragraphs[0]
        header.text = self.view.title
        self.restyle(header, NOTE_STYLE)
        footer = section.footer.paragraphs[0]
        self.restyle(footer, NOTE_STYLE)
        footer.add_run("page ")
        footer._p.append(self.field("PAGE"))
        footer.add_run(" of ")
        footer._p.append(self.field("NUMPAGES"))

    @staticmethod
    def field(instruction: str):
        simple = _element("w:fldSimple", instr=f" {instruction} ")
        run = _element("w:r")
        text = _element("w:t")
        text.text = "1"
        run.append(text)
        simple.append(run)
        return simple

    def cover(self) -> None:
        document, view = self.document, self.view
        self.paragraph(document, view.title, "Title")
        self.paragraph(document, f"Generated {view.created}", NOTE_STYLE)
        for line in view.provenance:
            self.paragraph(document, line, NOTE_STYLE)
        self.heading("Sources", 1)
        table = self.table(["Article", "File", "Headline", "¶"])
        for source in view.sources:
            cells = table.add_row().cells
            cells[0].text = source.article
            cells[1].text = source.file_name
            for extra in (source.outlet, source.published):
                if extra:
                    self.paragraph(cells[1], extra, NOTE_STYLE)
            cells[2].text = source.title_en
            self.arabic_paragraph(cells[2], source.title_ar)
            cells[3].text = str(source.paragraph_count)
        self.widths(table, [1.6, 4.4, 9.0, 1.0])
        self.legend()

    def legend(self) -> None:
        document, view = self.document, self.view
        self.heading("Reading the tables", 2)
        document.add_paragraph(
            "English on the left, Arabic on the right, one row per paragraph, numbered as in the "
            "source; each sentence is a line of its own. Where a paragraph has several sentences, "
            "every second sentence pair is tinted.")
        document.add_paragraph(
            "Edit the English in place, sentence by sentence, then run `briefing import-edits` on "
            "this file: the English you rewrote goes into the translation memory. Keep the Arabic "
            "column and the rows as they are; changes there are reported, not applied.")
        if view.origin_legend:
            paragraph = document.add_paragraph("Plain text: machine translation.")
            for entry in view.origin_legend:
                paragraph = document.add_paragraph()
                self.run(paragraph, "Marked text", ORIGIN_STYLES.get(entry.key))
                paragraph.add_run(f": {entry.explanation}.")
        if view.flag_legend:
            paragraph = document.add_paragraph()
            paragraph.add_run("Sentences the translation check flagged are ")
            self.run(paragraph, "highlighted", FLAGGED_STYLE)
            paragraph.add_run(", with the flag named under the English:")
            for entry in view.flag_legend:
                paragraph = document.add_paragraph()
                self.run(paragraph, entry.key, FLAGGED_STYLE)
                paragraph.add_run(f"  {entry.explanation}")

    def table(self, headers: list[str]):
        table = self.document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, headers):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        table.rows[0]._tr.get_or_add_trPr().append(_element("w:tblHeader"))
        return table

    @staticmethod
    def widths(table, widths_cm: list[float]) -> None:
        from docx.shared import Cm

        table.autofit = False
        for column, width in zip(table.columns, widths_cm):
            column.width = Cm(width)
        for row in table.rows:
            column = 0
            for cell in row._tr.tc_lst:
                span = cell.grid_span
                cell.width = Cm(sum(widths_cm[column:column + span]))
                column += span

    def summary(self, summary: SummaryView) -> None:
        if not summary:
            return
        document = self.document
        self.heading("Summary", 1)
        if summary.actors:
            self.heading("Actors", 2)
            table = self.table(["Name", "Type", "Role", "Paragraphs"])
            for actor in summary.actors:
                cells = table.add_row().cells
                cells[0].text = actor.name_en
                self.arabic_paragraph(cells[0], actor.name_ar)
                cells[1].text = actor.type_label
                cells[2].text = actor.role_en or ""
                if actor.role_ar:
                    self.arabic_paragraph(cells[2], actor.role_ar)
                self.references(cells[3].paragraphs[0], actor.refs)
            self.widths(table, [5.0, 2.4, 6.0, 2.6])
        if summary.timeline or summary.undated:
            self.heading("Timeline", 2)
            table = self.table(["Date", "Event", "Paragraph"])
            for position, item in enumerate(summary.timeline + summary.undated):
                if position == len(summary.timeline) and summary.timeline:
                    divider = table.add_row().cells
                    merged = divider[0].merge(divider[-1])
                    merged.paragraphs[0].add_run(
                        "Not placed on the timeline (relative or without a year)").italic = True
                cells = table.add_row().cells
                cells[0].text = item.when
                if item.inferred:
                    self.paragraph(cells[0], "year inferred", NOTE_STYLE)
                self.arabic_paragraph(cells[0], item.text_ar)
                if item.event_en:
                    cells[1].text = item.event_en
                else:
                    self.arabic_run(self.cell_paragraph(cells[1], ARABIC_STYLE), item.event_ar)
                self.references(cells[2].paragraphs[0], item.refs)
            self.widths(table, [4.0, 10.4, 2.6])
        if summary.topics:
            self.heading("Competing viewpoints", 2)
            for topic in summary.topics:
                heading = self.heading("Topic: ", 3)
                self.arabic_run(heading, topic.topic)
                for item in topic.viewpoints:
                    paragraph = self.paragraph(document, style="List Bullet")
                    paragraph.add_run(item.speaker_en).bold = True
                    paragraph.add_run(" ")
                    self.arabic_run(paragraph, item.speaker_ar)
                    paragraph.add_run(f" ({item.stance}")
                    if item.stance_words:
                        paragraph.add_run(" ")
                        self.arabic_run(paragraph, f"«{'، '.join(item.stance_words)}»")
                    paragraph.add_run(") ")
                    self.references(paragraph, item.refs)
                    if item.claim_en:
                        self.paragraph(document, f"“{item.claim_en}”", ENGLISH_STYLE)
                    else:
                        self.arabic_paragraph(document, item.claim_ar)
        if summary.clashes:
            self.heading("Clashes", 2)
            for clash in summary.clashes:
                paragraph = self.paragraph(document, style="List Bullet")
                paragraph.add_run(clash.first.speaker_en).bold = True
                paragraph.add_run(" ")
                self.references(paragraph, clash.first.refs)
                paragraph.add_run(" against ")
                paragraph.add_run(clash.second.speaker_en).bold = True
                paragraph.add_run(" ")
                self.references(paragraph, clash.second.refs)
                paragraph.add_run(" on ")
                self.arabic_run(paragraph, clash.topic)
                self.paragraph(document, clash.because, NOTE_STYLE)
        if summary.corroboration:
            self.heading("Reported by more than one source", 2)
            for item in summary.corroboration:
                paragraph = self.paragraph(document, style="List Bullet")
                self.references(paragraph, [item.ref])
                paragraph.add_run(" also reported in ")
                self.references(paragraph, item.others)
                if item.shared:
                    paragraph.add_run(": shared words ")
                    self.arabic_run(paragraph, "، ".join(item.shared))

    def articles(self) -> None:
        usable = PAPER_CM[self.view.paper][0] - 2 * MARGIN_CM
        text_column = (usable - NUMBER_COLUMN_CM) / 2
        for article in self.view.articles:
            heading = self.heading(f"{article.id}  {article.title_en}".strip(), 1)
            heading.paragraph_format.page_break_before = True
            self.bookmark(heading, article_bookmark(article.id, len(article.rows)))
            self.arabic_paragraph(self.document, article.title_ar, style=ARABIC_HEADLINE_STYLE)
            source = article.source
            details = [source.file_name, source.outlet, source.published, f"{source.paragraph_count} paragraphs"]
            self.paragraph(self.document, " · ".join(part for part in details if part), NOTE_STYLE)
            table = self.table(["¶", "English", "العربية"])
            header_arabic = table.rows[0].cells[2].paragraphs[0]
            self.restyle(header_arabic, ARABIC_STYLE)
            for run in header_arabic.runs:
                _make_arabic(run._r.get_or_add_rPr(), ARABIC_SIZE_PT, bold=True)
            for row in article.rows:
                self.row(table, row)
            self.widths(table, [NUMBER_COLUMN_CM, text_column, text_column])

    def row(self, table, row: RowView) -> None:
        number, english, arabic = table.add_row().cells
        number_paragraph = number.paragraphs[0]
        self.restyle(number_paragraph, NOTE_STYLE)
        number_paragraph.add_run(str(row.index))
        self.bookmark(number_paragraph, row_bookmark(row))
        if row.repeat_ref:
            self.cell_paragraph(english, NOTE_STYLE).add_run(
                f"Repeats ¶{row.repeat_of} word for word.").italic = True
            self.arabic_run(self.cell_paragraph(arabic, ARABIC_STYLE), f"تكرار حرفي للفقرة {row.repeat_of}")
            return
        emphasis = row.kind in ("title", "subheading")
        for sentence in row.sentences:
            style = None
            if sentence.flags:
                style = FLAGGED_STYLE
            elif sentence.marked_origin:
                style = ORIGIN_STYLES.get(sentence.marked_origin)
            paragraphs = (self.cell_paragraph(english, ENGLISH_STYLE), self.cell_paragraph(arabic, ARABIC_STYLE))
            self.english_run(paragraphs[0], sentence.en, emphasis, style)
            self.arabic_run(paragraphs[1], sentence.ar, emphasis, FLAGGED_STYLE if sentence.flags else None)
            for paragraph, language, text in zip(paragraphs, ("en", "ar"), (sentence.en, sentence.ar)):
                if row.tinted and sentence.number % 2 == 0:
                    _shade(paragraph._p.get_or_add_pPr(), TINT, _AFTER_SHD)
                self.bookmark(paragraph, sentence_bookmark(row, sentence.number, language, text))
            if sentence.flags:
                label = f"sentence {sentence.number}: " if row.tinted else ""
                self.cell_paragraph(english, FLAG_NOTE_STYLE).add_run(
                    f"flagged: {label}{', '.join(sentence.flags)}")
        if row.kind == "subheading":
            for cell in (number, english, arabic):
                _shade(cell._tc.get_or_add_tcPr(), SUBHEADING_TINT, ("w:noWrap", "w:tcMar", "w:textDirection",
                                                                   "w:tcFitText", "w:vAlign", "w:hideMark"))


class DocxRenderer(Renderer):
    format = "docx"
    extension = ".docx"

    def render_to(self, briefing: Briefing, path: Path) -> None:
        view = build_view(briefing, self.paper)
        writer = _Writer(view)
        properties = writer.document.core_properties
        properties.title = view.title
        properties.language = "en, ar"
        properties.author = "briefing"
        properties.created = briefing.created
        properties.comments = "Bilingual draft: edit the English, then run `briefing import-edits` on this file."
        writer.page_setup()
        writer.cover()
        writer.summary(view.summary)
        writer.articles()
        writer.document.save(str(path))

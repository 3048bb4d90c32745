"""The DOCX draft: Word styles, header and footer fields, properties, page size, bookmarks that
identify every sentence, links that land on them; LibreOffice opens it when installed."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest

from briefing.render.docx import (
    ARABIC_STYLE,
    ENGLISH_STYLE,
    SENTENCE_BOOKMARK,
    DocxRenderer,
    text_fingerprint,
)
from briefing.render.specimen import specimen_briefing

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    briefing = specimen_briefing()
    path = DocxRenderer().write(briefing, tmp_path_factory.mktemp("docx") / "specimen.docx")
    return briefing, path, docx.Document(str(path))


def bookmarks(document) -> dict[str, object]:
    return {start.get(f"{W}name"): start for start in document.element.body.iter(f"{W}bookmarkStart")}


def test_arabic_style_is_right_to_left_with_a_complex_script_font(draft):
    _, _, document = draft
    arabic = document.styles[ARABIC_STYLE].element
    assert arabic.find(f"{W}pPr/{W}bidi") is not None
    properties = arabic.find(f"{W}rPr")
    assert properties.find(f"{W}rFonts").get(f"{W}cs") == "Amiri"
    assert properties.find(f"{W}szCs") is not None and properties.find(f"{W}rtl") is not None
    assert properties.find(f"{W}lang").get(f"{W}bidi") == "ar-SA"
    used = {paragraph.style.name for table in document.tables for row in table.rows for cell in row.cells
            for paragraph in cell.paragraphs}
    assert {ENGLISH_STYLE, ARABIC_STYLE} <= used
    assert document.paragraphs[0].style.name == "Title"
    assert any(paragraph.style.name == "Heading 1" for paragraph in document.paragraphs)


def test_header_footer_and_properties(draft):
    briefing, _, document = draft
    section = document.sections[0]
    assert section.header.paragraphs[0].text == briefing.title
    fields = [field.get(f"{W}instr").strip() for field in section.footer._element.iter(f"{W}fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"]
    assert document.core_properties.title == briefing.title
    assert "ar" in document.core_properties.language
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_every_sentence_cell_has_a_bookmark_with_the_fingerprint_of_its_text(draft):
    briefing, _, document = draft
    marks = bookmarks(document)
    for article in briefing.articles:
        for paragraph in article.paragraphs:
            if paragraph.repeat_of:
                assert f"_brf_{article.id}_p{paragraph.index}_n0" in marks
                continue
            assert f"_brf_{article.id}_p{paragraph.index}_n{len(paragraph.sentences)}" in marks
            for number, sentence in enumerate(paragraph.sentences, 1):
                for language, text in (("en", sentence.en), ("ar", sentence.ar)):
                    name = f"_brf_{article.id}_p{paragraph.index}_s{number}_{language}_{text_fingerprint(text)}"
                    assert name in marks, name
                    assert SENTENCE_BOOKMARK.match(name) and len(name) <= 40


def test_summary_links_land_on_row_bookmarks(draft):
    _, _, document = draft
    marks = bookmarks(document)
    anchors = [link.get(f"{W}anchor") for link in document.element.body.iter(f"{W}hyperlink")]
    assert len(anchors) >= 10
    assert all(anchor in marks for anchor in anchors)


def test_table_rows_show_paragraphs_sentence_by_sentence(draft):
    briefing, _, document = draft
    table = document.tables[-2]  # A1's side-by-side table
    rows = table.rows[1:]
    article = briefing.articles[0]
    assert len(rows) == len(article.paragraphs)
    four = rows[3]
    assert [p.text for p in four.cells[1].paragraphs if p.style.name == ENGLISH_STYLE] == [
        s.en for s in article.paragraph(4).sentences]
    assert [p.text for p in four.cells[2].paragraphs] == [s.ar for s in article.paragraph(4).sentences]
    assert rows[4].cells[1].text == "Repeats ¶3 word for word."
    assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None


def test_letter_paper(tmp_path):
    path = DocxRenderer(paper="letter").write(specimen_briefing(), tmp_path / "letter.docx")
    section = docx.Document(str(path)).sections[0]
    assert (round(section.page_width.inches, 2), round(section.page_height.inches, 2)) == (8.5, 11.0)


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice not installed (Debian package `libreoffice-writer-nogui`)")
def test_libreoffice_opens_the_draft_and_prints_it(draft, tmp_path):
    from pypdf import PdfReader

    briefing, path, _ = draft
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    reader = PdfReader(str(tmp_path / "specimen.pdf"))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert len(reader.pages) >= 3
    assert f"page 1 of {len(reader.pages)}" in text
    for sentence in briefing.articles[1].paragraph(2).sentences:
        assert sentence.en in text

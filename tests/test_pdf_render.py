"""The PDF: metadata, outline, embedded subset fonts, exact English text, links, paper sizes, and
nothing fetched from outside (a remote URL in a template is refused, article markup stays text)."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
from conftest import block_network

from briefing.errors import BriefingError
from briefing.render.pdf import PdfRenderer, RemoteResourceError, local_only_fetcher
from briefing.render.specimen import BODY, TITLE, paragraph, specimen_briefing
from briefing.structure import Article, Briefing

HOSTILE = '<img src="http://127.0.0.1:9/pixel.png"> <b>bold?</b> <script>alert(1)</script>'


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def render(briefing: Briefing, target: Path, **options) -> Path:
    with pytest.MonkeyPatch.context() as monkeypatch:
        block_network(monkeypatch)
        return PdfRenderer(**options).write(briefing, target)


def one_article(english: str, arabic: str = "خبر قصير عن العراق.") -> Briefing:
    article = Article("A1", "short.txt", [
        paragraph(1, TITLE, [("عنوان الخبر", "The headline")]),
        paragraph(2, BODY, [(arabic, english)]),
    ])
    return Briefing(title="One article", articles=[article])


@pytest.fixture(scope="module")
def specimen_pdf(tmp_path_factory):
    from pypdf import PdfReader

    briefing = specimen_briefing()
    path = render(briefing, tmp_path_factory.mktemp("pdf") / "specimen.pdf")
    return briefing, PdfReader(str(path))


def test_metadata_title_language_and_creator(specimen_pdf):
    briefing, reader = specimen_pdf
    assert reader.metadata["/Title"] == briefing.title
    assert reader.metadata["/Creator"] == "briefing"
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_outline_has_the_summary_and_every_article(specimen_pdf):
    _, reader = specimen_pdf
    top = [item["/Title"] for item in reader.outline if not isinstance(item, list)]
    assert top == ["Sources", "Summary", "A1 · Russia offers Iraq a security partnership",
                   "A2 · Analysts: Iraq wants no foreign military presence"]
    summary_children = reader.outline[top.index("Summary") + 2]
    assert [item["/Title"] for item in summary_children] == [
        "Actors", "Timeline", "Competing viewpoints", "Clashes", "Reported by more than one source"]


def test_fonts_are_embedded_as_subsets(specimen_pdf):
    _, reader = specimen_pdf
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
            embedded.add(str(font["/BaseFont"]))
    assert any(re.fullmatch(r"/?[A-Z]{6}\+Amiri.*", name) for name in embedded), embedded
    assert any(re.fullmatch(r"/?[A-Z]{6}\+Noto-?Serif.*", name) for name in embedded), embedded
    assert all(re.search("Amiri|Noto", name) for name in embedded), "a system font was used"


def test_english_column_extracts_exactly(specimen_pdf):
    briefing, reader = specimen_pdf
    text = squeeze(" ".join(page.extract_text() for page in reader.pages))
    for article in briefing.articles:
        for para in article.paragraphs:
            assert para.en in text, para.en


def test_running_header_and_page_x_of_y(specimen_pdf):
    briefing, reader = specimen_pdf
    count = len(reader.pages)
    for number, page in enumerate(reader.pages, 1):
        text = page.extract_text()
        assert f"page {number} of {count}" in text
        if number > 1:
            assert briefing.title in text


def test_summary_references_are_internal_links(specimen_pdf):
    _, reader = specimen_pdf
    links = [annotation.get_object() for page in reader.pages for annotation in page.get("/Annots", [])
             if annotation.get_object()["/Subtype"] == "/Link"]
    assert len(links) >= 10
    for link in links:
        assert "/Dest" in link or link["/A"]["/S"] == "/GoTo", link


def test_letter_paper(tmp_path):
    from pypdf import PdfReader

    path = render(one_article("A short English paragraph."), tmp_path / "letter.pdf", paper="letter")
    box = PdfReader(str(path)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_unknown_paper_is_refused():
    with pytest.raises(BriefingError, match="A4, letter"):
        PdfRenderer(paper="legal")


def test_article_markup_is_text_and_remote_resources_are_refused(tmp_path, caplog):
    """A template pointing at a remote image and an article holding an <img> fetch nothing."""
    from pypdf import PdfReader

    templates = tmp_path / "templates"
    templates.mkdir()
    stylesheet = (Path(__file__).resolve().parent.parent / "templates" / "briefing.css").read_text()
    (templates / "briefing.css").write_text(
        stylesheet + '\nbody { background: url("http://127.0.0.1:9/background.png"); }\n'
        '@page { @bottom-left { content: "custom template"; } }\n', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        path = render(one_article(HOSTILE), tmp_path / "hostile.pdf", templates=templates)
    text = PdfReader(str(path)).pages[1].extract_text()
    assert re.sub(r"\s", "", HOSTILE) in re.sub(r"\s", "", text), "the markup must show as text"
    assert "custom template" in text
    refused = [record.getMessage() for record in caplog.records if "refused to load" in record.getMessage()]
    assert any("background.png" in message for message in refused), caplog.text


def test_fetcher_serves_only_files_under_its_folders(tmp_path):
    inside, outside = tmp_path / "inside", tmp_path / "outside"
    inside.mkdir(), outside.mkdir()
    (inside / "ok.css").write_text("p {}")
    (outside / "secret.css").write_text("p {}")
    fetcher = local_only_fetcher([inside])
    assert fetcher.fetch((inside / "ok.css").as_uri()).read() == b"p {}"
    for url in ((outside / "secret.css").as_uri(), (inside / ".." / "outside" / "secret.css").as_uri(),
                "http://127.0.0.1:9/x.css", "https://example.org/font.ttf", "data:text/css,p{}"):
        with pytest.raises(RemoteResourceError):
            fetcher.fetch(url)


def test_missing_templates_folder_is_one_clear_error(tmp_path):
    with pytest.raises(BriefingError, match="no such templates folder"):
        PdfRenderer(templates=tmp_path / "missing").write(one_article("x"), tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()

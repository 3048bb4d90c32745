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


def without_arabic(text: str) -> str:
    return squeeze(re.sub(r"[\u0600-\u06ff]+", " ", text))


def render(briefing: Briefing, target: Path, part_rows: int | None = None, **options) -> Path:
    renderer = PdfRenderer(**options)
    if part_rows is not None:
        renderer.part_rows = part_rows
    with pytest.MonkeyPatch.context() as monkeypatch:
        block_network(monkeypatch)
        return renderer.write(briefing, target)


def one_article(english: str, arabic: str = "خبر قصير عن العراق.") -> Briefing:
    article = Article("A1", "short.txt", [
        paragraph(1, TITLE, [("عنوان الخبر", "The headline")]),
        paragraph(2, BODY, [(arabic, english)]),
    ])
    return Briefing(title="One article", articles=[article])


@pytest.fixture(scope="module", params=["whole", "in parts"])
def specimen_pdf(request, tmp_path_factory):
    """The specimen typeset at once, and typeset in parts of three rows and joined (as a long
    briefing is: summary and articles cut): every test below holds for both."""
    from pypdf import PdfReader

    briefing = specimen_briefing()
    part_rows = 3 if request.param == "in parts" else None
    path = render(briefing, tmp_path_factory.mktemp("pdf") / "specimen.pdf", part_rows=part_rows)
    return briefing, PdfReader(str(path))


def test_a_briefing_typeset_one_article_per_part_has_the_pages_of_one_typeset_whole(tmp_path):
    from pypdf import PdfReader

    from briefing.render.pdf_parts import _summary_size
    from briefing.render.view import build_view

    briefing = specimen_briefing()
    view = build_view(briefing)
    part_rows = max([_summary_size(view.summary)] + [len(article.rows) for article in view.articles])
    whole = PdfReader(render(briefing, tmp_path / "whole.pdf"))
    parts = PdfReader(render(briefing, tmp_path / "parts.pdf", part_rows=part_rows))
    assert len(parts.pages) == len(whole.pages) > 2
    for joined, single in zip(parts.pages, whole.pages, strict=True):
        # Arabic aside: which ligatures a font subset maps back to which letters depends on the
        # text typeset with it, so extracted Arabic may differ between a part and the whole.
        assert without_arabic(joined.extract_text()) == without_arabic(single.extract_text())
    assert parts.named_destinations.keys() == whole.named_destinations.keys()


def test_a_summary_cut_into_parts_keeps_every_row_and_says_each_heading_once(tmp_path):
    from pypdf import PdfReader

    briefing = specimen_briefing()
    whole = PdfReader(render(briefing, tmp_path / "whole.pdf"))
    parts = PdfReader(render(briefing, tmp_path / "parts.pdf", part_rows=3))
    assert len(parts.pages) > len(whole.pages)
    text = squeeze(" ".join(page.extract_text() for page in parts.pages))
    whole_text = squeeze(" ".join(page.extract_text() for page in whole.pages))
    for heading in ("Sources", "Summary", "Actors", "Timeline", "Competing viewpoints", "Clashes",
                    "Not placed on the timeline"):
        assert text.count(heading) == whole_text.count(heading) >= 1, heading
    assert sorted(re.findall(r"\[A\d ¶\d+\]", text)) == sorted(re.findall(r"\[A\d ¶\d+\]", whole_text))


def test_summary_links_lead_to_the_page_of_their_paragraph_across_parts(specimen_pdf):
    from briefing.render.view import paragraph_anchor

    briefing, reader = specimen_pdf
    english = {
        paragraph_anchor(article.id, paragraph.index): paragraph.sentences[0].en
        for article in briefing.articles
        for paragraph in article.paragraphs
    }
    english.update({article.id: article.paragraphs[0].sentences[0].en for article in briefing.articles})
    destinations = reader.named_destinations
    page_of = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    checked = 0
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots", []):
            link = annotation.get_object()
            if "/Dest" not in link:
                continue
            target = destinations[str(link["/Dest"])]
            target_page = page_of[target.page.idnum]
            if target_page != number:
                checked += 1
                start = english[str(link["/Dest"])][:25]
                assert start in squeeze(reader.pages[target_page].extract_text()), start
    assert checked >= 10


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

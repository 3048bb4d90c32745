"""End to end: `briefing build` on the seeds with a real installed package and no network."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
import zipfile

import pytest
from built_checks import assert_pdf_text_has_the_english, assert_sentences_are_the_models, english_lines
from conftest import ROOT, SEEDS, NetworkBlocked, block_network

from briefing.cli import main
from briefing.testing.argos_fixture import expected_translation

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def run_cli(monkeypatch: pytest.MonkeyPatch, *args: str) -> int:
    monkeypatch.setattr(sys, "argv", ["briefing", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    return exited.value.code


def source_paragraphs(path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_network_blocker_really_blocks(no_network):
    with pytest.raises(NetworkBlocked):
        urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)


@pytest.fixture(scope="module")
def built(argosmodel, tmp_path_factory):
    """The seeds briefing in all three formats, built once through the CLI with sockets blocked."""
    from briefing.translate.packages import install_package_file

    folder = tmp_path_factory.mktemp("built")
    out = folder / "out"
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder / "packages"))
        package = install_package_file(argosmodel).path
        monkeypatch.chdir(ROOT)
        block_network(monkeypatch)
        code = run_cli(monkeypatch, "build", "-o", str(out), "--format", "pdf,docx,json", "--title", "Seeds test")
    assert code == 0
    return out, package


def test_json_has_every_paragraph_and_the_models_english(built):
    out, package = built
    data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    assert data["schema"] == "briefing/1"
    assert [a["source"].split("/")[-1] for a in data["articles"]] == [p.name for p in SEEDS]
    for article, seed in zip(data["articles"], SEEDS):
        paragraphs = article["paragraphs"]
        assert [p["ar"] for p in paragraphs] == source_paragraphs(seed)
        assert [p["index"] for p in paragraphs] == list(range(1, len(paragraphs) + 1))
        assert paragraphs[0]["kind"] == "title"
        assert article["title_ar"] == paragraphs[0]["ar"]
        for paragraph in paragraphs:
            assert "".join(s["ar"] for s in paragraph["sentences"]).replace(" ", "") == paragraph["ar"].replace(" ", "")
            assert paragraph["en"] == " ".join(s["en"] for s in paragraph["sentences"])
    assert_sentences_are_the_models(data, lambda arabic: expected_translation(package, arabic))


def test_pdf_has_the_english_text_and_an_embedded_arabic_font(built):
    from pypdf import PdfReader

    out, _ = built
    data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    reader = PdfReader(str(out / "briefing.pdf"))
    text = squeeze(" ".join(page.extract_text() for page in reader.pages))
    assert_pdf_text_has_the_english(text, data)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            if any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                fonts.add(str(font["/BaseFont"]))
    assert any("Amiri" in name for name in fonts), fonts


def test_docx_table_has_english_and_right_to_left_arabic(built):
    import docx

    out, _ = built
    data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    document = docx.Document(str(out / "briefing.docx"))
    # The cover's sources table and the summary come first; the article tables are the last ones.
    for table, article in zip(document.tables[-len(data["articles"]):], data["articles"]):
        rows = table.rows[1:]
        assert len(rows) == len(article["paragraphs"])
        for row, paragraph in zip(rows, article["paragraphs"]):
            number, english, arabic = row.cells
            assert number.text == str(paragraph["index"])
            if paragraph["kind"] == "repeated":
                continue  # shown once: the repeat's row holds a note pointing back
            # One Word paragraph per sentence, so an analyst edits sentence by sentence; flag notes
            # are paragraphs of their own style under the sentence they explain.
            assert english_lines(english) == [s["en"] for s in paragraph["sentences"]]
            assert arabic.text == "\n".join(s["ar"] for s in paragraph["sentences"])
            arabic_paragraph = arabic.paragraphs[0]._p
            assert arabic_paragraph.pPr.find(f"{W}bidi") is not None
            for run in arabic_paragraph.findall(f"{W}r"):
                assert run.rPr.find(f"{W}rtl") is not None
                assert run.rPr.find(f"{W}rFonts").get(f"{W}cs") == "Amiri"


def test_outputs_are_complete_files(built):
    out, _ = built
    assert sorted(p.name for p in out.iterdir()) == ["briefing.docx", "briefing.json", "briefing.pdf"]
    assert (out / "briefing.pdf").read_bytes().startswith(b"%PDF")
    assert zipfile.is_zipfile(out / "briefing.docx")


def test_no_model_installed_is_one_clear_error(packages_dir, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "build", "-o", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "briefing models install FILE.argosmodel" in result.stderr
    assert "`briefing models install`" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "content, problem",
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"\x00\x01\x02binary\x00\xff" * 20, "binary"),
        (b"This is an English article.\nIt has no Arabic at all.\n", "Arabic"),
    ],
)
def test_bad_input_names_the_file_and_exits_2(installed_model, tmp_path, content, problem):
    article = tmp_path / "article.txt"
    if content is not None:
        article.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "build", str(article), "-o", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert str(article) in result.stderr
    assert problem.lower() in result.stderr.lower()
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_format_is_refused_before_any_work(installed_model, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "build", "--format", "pdf,odt", "-o", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 2
    assert "odt" in result.stderr and "pdf, docx, json" in result.stderr

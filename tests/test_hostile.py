"""The hostile corpus (tests/hostile.py) through ingest and through a real `briefing build`.

Every file gives a briefing or a one-line error naming it (exit code 2, no traceback); what is
built is safe: no markup runs, nothing is fetched, no character XML forbids reaches the DOCX,
no bidi override disguises text.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT
from hostile import (
    HOSTILE_INPUTS,
    LONG_PARAGRAPH_WORDS,
    ONE_WORD_LINES,
    SEED_000,
    SEED_003,
    hostile_input,
    write_corpus,
)

from briefing.cli import main
from briefing.errors import InputError
from briefing.ingest import read_article
from briefing.segment import segment_article
from briefing.textnorm import BIDI_CONTROLS

SLOW_CASES = {"long-paragraph.txt", "one-word-lines.txt"}
CORPUS = [case for case in HOSTILE_INPUTS if case.name not in SLOW_CASES]
REFUSED = [case for case in HOSTILE_INPUTS if not case.builds]
FORMATS = ("json", "docx", "html", "pdf")
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

# `briefing build` in a real process whose sockets refuse to connect: an attempt is printed.
NO_NETWORK_MAIN = """
import socket, sys
def refuse(*args, **kwargs):
    print(f"NETWORK ATTEMPT {args!r}", file=sys.stderr)
    raise OSError("network blocked by the test")
socket.socket.connect = socket.socket.connect_ex = socket.socket.sendto = refuse
socket.create_connection = socket.getaddrinfo = refuse
from briefing.cli import main
main()
"""


def build_process(*args: str, cwd: Path = ROOT, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", NO_NETWORK_MAIN, "build", *args],
                          cwd=cwd, capture_output=True, text=True, check=False, **options)


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """``briefing ARGS`` in this process: exit code, stdout, stderr (an exception fails the test)."""
    monkeypatch.setattr(sys, "argv", ["briefing", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err


def stderr_lines(stderr: str) -> list[str]:
    """Non-blank stderr lines other than the progress bar's."""
    return [line for line in stderr.splitlines() if line.strip() and not line.startswith("Translating")]


# --- ingest: every case read or refused as the corpus says ---------------------------------------


@pytest.mark.parametrize("case", HOSTILE_INPUTS, ids=[case.name for case in HOSTILE_INPUTS])
def test_ingest_reads_or_refuses_each_file_with_one_line(tmp_path, case):
    path = write_corpus(tmp_path, [case])[case.name]
    warnings: list[str] = []
    try:
        article = segment_article(read_article(path, "A1", warn=warnings.append))
    except InputError as error:
        message = str(error)
        assert case.problem is not None, f"refused: {message}"
        assert message.startswith(f"{path}: ") and "\n" not in message
        assert case.problem in message
        return
    assert case.builds, f"built, but should be refused for {case.problem!r}"
    assert [message for message in warnings if case.warning and case.warning in message] == (
        [warnings[0]] if case.warning else []
    ), warnings
    assert all(message.startswith(f"{path}: ") and "\n" not in message for message in warnings)
    for paragraph in article.paragraphs:
        assert not XML_FORBIDDEN.search(paragraph.ar)
        assert not BIDI_CONTROLS & set(paragraph.ar)
        assert [paragraph.ar[s.start:s.end] for s in paragraph.sentences] == [s.ar for s in paragraph.sentences]


def test_legacy_encodings_give_exactly_the_seed_paragraphs(tmp_path):
    names = ["utf16-le-no-bom.txt", "utf16-be-no-bom.txt", "windows-1256.txt", "mixed-encodings.txt"]
    paths = write_corpus(tmp_path, [hostile_input(name) for name in names])
    expected = {"utf16-le-no-bom.txt": SEED_000}
    for name in names:
        seed = expected.get(name, SEED_003)
        article = read_article(paths[name], "A1", warn=lambda message: None)
        assert [p.ar for p in article.paragraphs] == [p.ar for p in read_article(seed, "A1").paragraphs], name


def test_ten_megabytes_are_refused_by_default_and_read_within_a_raised_limit(tmp_path):
    path = write_corpus(tmp_path, [hostile_input("ten-megabytes.txt")])["ten-megabytes.txt"]
    with pytest.raises(InputError, match="is 10.0 MB, over the 5 MB input limit"):
        read_article(path, "A1")
    article = segment_article(read_article(path, "A1", max_bytes=11_000_000))
    seed_paragraphs = read_article(SEED_000, "A1").paragraphs
    assert len(article.paragraphs) > 2000
    assert [p.ar for p in article.paragraphs[:12]] == [p.ar for p in seed_paragraphs]
    assert {p.repeat_of for p in article.paragraphs[12:]} <= set(range(1, 13))


def test_the_long_paragraph_and_the_one_word_lines_are_read_whole(tmp_path):
    paths = write_corpus(tmp_path, [hostile_input(name) for name in sorted(SLOW_CASES)])
    long_paragraph = segment_article(read_article(paths["long-paragraph.txt"], "A1"))
    assert len(long_paragraph.paragraph(2).ar.split()) == LONG_PARAGRAPH_WORDS
    assert len(long_paragraph.paragraph(2).sentences) == 1
    lines = segment_article(read_article(paths["one-word-lines.txt"], "A1"))
    assert len(lines.paragraphs) == ONE_WORD_LINES
    assert all(len(p.sentences) == 1 for p in lines.paragraphs)


# --- the CLI: one refused file at a time ---------------------------------------------------------


@pytest.mark.parametrize("case", REFUSED, ids=[case.name for case in REFUSED])
def test_a_refused_file_is_one_error_line_exit_2_and_nothing_written(
    tmp_path, monkeypatch, capsys, installed_model, case
):
    path = write_corpus(tmp_path / "in", [case])[case.name]
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(monkeypatch, capsys, "build", str(path), "-o", str(out), "-f", "json,docx")
    assert code == 2
    assert stdout == ""
    [line] = stderr_lines(stderr)
    assert line.startswith(f"error: {path}: ") and case.problem in line
    assert not out.exists()


# --- the CLI: the whole corpus in one real build --------------------------------------------------


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory, argosmodel):
    """``build CORPUS_FOLDER --keep-going`` in all formats, in a real process without network."""
    from briefing.translate.packages import install_package_file

    folder = tmp_path_factory.mktemp("hostile")
    paths = write_corpus(folder / "corpus", CORPUS)
    environment = {"ARGOS_PACKAGES_DIR": str(folder / "packages"), "BRIEFING_CACHE_DIR": str(folder / "cache")}
    with pytest.MonkeyPatch.context() as monkeypatch:
        for key, value in environment.items():
            monkeypatch.setenv(key, value)
        package = install_package_file(argosmodel).path
        result = build_process(str(folder / "corpus"), "--keep-going", "-o", str(folder / "out"),
                               "-f", ",".join(FORMATS), "--title", "Hostile corpus")
    return result, paths, folder / "out", package


def test_corpus_build_skips_the_bad_files_and_exits_3_with_a_summary(corpus_build):
    result, paths, out, _ = corpus_build
    assert result.returncode == 3, result.stderr[-3000:]
    assert "Traceback" not in result.stderr and "NETWORK ATTEMPT" not in result.stderr
    lines = stderr_lines(result.stderr)
    refused = [case for case in CORPUS if not case.builds]
    skipped = [line for line in lines if line.startswith("skipped: ")]
    assert len(skipped) == len(refused)
    for case in refused:
        [line] = [line for line in skipped if line.startswith(f"skipped: {paths[case.name]}: ")]
        assert case.problem in line
    for case in CORPUS:
        if case.warning:
            assert any(line.startswith(f"warning: {paths[case.name]}: ") and case.warning in line for line in lines)
    summary = ", ".join(str(paths[case.name]) for case in sorted(refused, key=lambda case: case.name))
    assert lines[-1] == f"built without {len(refused)} skipped input files: {summary}"
    assert len(lines) == len(skipped) + sum(1 for case in CORPUS if case.warning) + 1
    assert result.stdout.splitlines() == [f"wrote {out / 'briefing'}.{name}" for name in FORMATS]
    assert sorted(path.name for path in out.iterdir()) == sorted(f"briefing.{name}" for name in FORMATS)


def test_corpus_json_has_every_good_file_in_name_order_fully_translated(corpus_build):
    _, _, out, _ = corpus_build
    data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    built = sorted(case.name for case in CORPUS if case.builds)
    assert [Path(article["source"]).name for article in data["articles"]] == built
    assert [article["id"] for article in data["articles"]] == [f"A{n}" for n in range(1, len(built) + 1)]
    for article in data["articles"]:
        for paragraph in article["paragraphs"]:
            assert not BIDI_CONTROLS & set(paragraph["ar"])
            assert not XML_FORBIDDEN.search(paragraph["ar"])
            for sentence in paragraph["sentences"]:
                assert sentence["en"] and sentence["ar"] in paragraph["ar"]
    by_name = {Path(article["source"]).name: article for article in data["articles"]}
    page = [p["ar"] for p in by_name["web-page.txt"]["paragraphs"]]
    assert page == ["روسيا تستغل خروج القوات الأمريكية من العراق",
                    "قال مسؤول عراقي إن موسكو تسعى إلى «شراكة أمنية» مع بغداد.",
                    "وأضاف أن المحادثات ستستمر الأسبوع المقبل."]
    assert by_name["injection.txt"]["title_ar"].startswith("{{ 7*7 }} عنوان فيه قالب {% include")
    vocalised = hostile_input("diacritics-tatweel.txt").make().decode().splitlines()
    assert [p["ar"] for p in by_name["diacritics-tatweel.txt"]["paragraphs"]] == vocalised
    url_sentences = [s for p in by_name["long-words.txt"]["paragraphs"] for s in p["sentences"] if "segment599" in s["ar"]]
    assert len(url_sentences) == 1 and "https://example.com/segment0/" in url_sentences[0]["ar"]


class _Markup(HTMLParser):
    """Every tag and attribute of a page."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def test_corpus_html_runs_no_script_and_links_nothing_outside(corpus_build):
    _, _, out, _ = corpus_build
    page = (out / "briefing.html").read_text(encoding="utf-8")
    markup = _Markup()
    markup.feed(page)
    assert "script" not in {tag for tag, _ in markup.tags}
    for tag, attributes in markup.tags:
        for name, value in attributes:
            assert not name.startswith("on"), (tag, name)
            assert not re.match(r"\s*(https?|javascript|file|ftp):", value or "", re.IGNORECASE), (tag, name, value)
    assert "&lt;script&gt;alert(" in page and "{{ 7*7 }}" in page and "49 عنوان" not in page
    assert not {"\u202d", "\u202e"} & set(page)


def test_corpus_docx_is_valid_and_holds_the_hostile_text_as_text(corpus_build):
    import docx

    _, _, out, _ = corpus_build
    with zipfile.ZipFile(out / "briefing.docx") as archive:
        assert archive.testzip() is None
        xml = archive.read("word/document.xml").decode("utf-8")
    assert not XML_FORBIDDEN.search(xml)
    assert "\u202e" not in xml
    cells = {cell.text for table in docx.Document(str(out / "briefing.docx")).tables
             for row in table.rows for cell in row.cells}
    assert any("]]></w:t></w:r><w:r><w:t>" in text for text in cells)
    assert any(text.startswith("{{ 7*7 }}") for text in cells)


def test_corpus_pdf_is_complete_and_shows_the_template_syntax_literally(corpus_build):
    from pypdf import PdfReader

    _, _, out, _ = corpus_build
    reader = PdfReader(str(out / "briefing.pdf"))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "{{ 7*7 }}" in text
    assert "\u202e" not in text


def test_without_keep_going_the_first_bad_file_stops_the_run_before_anything_is_written(
    tmp_path, monkeypatch, capsys, installed_model
):
    paths = write_corpus(tmp_path / "corpus", CORPUS)
    out = tmp_path / "out"
    code, stdout, stderr = run_cli(monkeypatch, capsys, "build", str(tmp_path / "corpus"), "-o", str(out))
    first_bad = min(case.name for case in CORPUS if not case.builds)
    assert code == 2 and stdout == ""
    [line] = stderr_lines(stderr)
    assert line.startswith(f"error: {paths[first_bad]}: ")
    assert not out.exists()


# --- slow: the two big inputs end to end (pytest --run-slow) ---------------------------------------


@pytest.mark.slow
def test_the_20000_word_paragraph_is_translated_in_pieces(tmp_path, installed_model, fresh_user_folders):
    from briefing.testing.argos_fixture import expected_translation

    path = write_corpus(tmp_path, [hostile_input("long-paragraph.txt")])["long-paragraph.txt"]
    result = build_process(str(path), "-o", str(tmp_path / "out"), "-f", ",".join(FORMATS), timeout=1800)
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads((tmp_path / "out" / "briefing.json").read_text(encoding="utf-8"))
    paragraph = data["articles"][0]["paragraphs"][1]
    [sentence] = paragraph["sentences"]
    assert "split" in sentence["flags"] and "truncated" not in sentence["flags"]
    words = sentence["ar"].split()
    assert len(words) == LONG_PARAGRAPH_WORDS
    # Every word glossed by the test model, except people and organisations, which are
    # protected in translation and come out as the summary's English names.
    names = sorted((m["start"], m["end"], actor["name_en"]) for actor in data["actors"]
                   if actor["type"] in ("person", "organization") for m in actor["mentions"]
                   if (m["article"], m["paragraph"]) == ("A1", 2))
    assert names
    expected, position = [], 0
    for start, end, name_en in names:
        expected += [expected_translation(installed_model, word) for word in paragraph["ar"][position:start].split()]
        expected += name_en.split()
        position = end
    expected += [expected_translation(installed_model, word) for word in paragraph["ar"][position:].split()]
    assert sentence["en"].split() == expected


@pytest.mark.slow
def test_five_thousand_one_word_lines_build_in_every_format(tmp_path, installed_model, fresh_user_folders):
    path = write_corpus(tmp_path, [hostile_input("one-word-lines.txt")])["one-word-lines.txt"]
    result = build_process(str(path), "-o", str(tmp_path / "out"), "-f", ",".join(FORMATS), timeout=1800)
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads((tmp_path / "out" / "briefing.json").read_text(encoding="utf-8"))
    assert len(data["articles"][0]["paragraphs"]) == ONE_WORD_LINES

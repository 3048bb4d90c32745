"""Reading an analyst's draft back: English edits are found by their bookmarks; Arabic edits,
deleted rows or sentences, merges and contradictions are reported and never applied."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from briefing.cli import main
from briefing.errors import InputError
from briefing.render.docx import DocxRenderer
from briefing.render.docx_edits import SentenceEdit, read_draft_edits
from briefing.render.specimen import BODY, paragraph, specimen_briefing

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NEW_ENGLISH = "He added that talks with Baghdad have gone on since the end of January."


@pytest.fixture(scope="module")
def clean_draft(tmp_path_factory) -> Path:
    return DocxRenderer().write(specimen_briefing(), tmp_path_factory.mktemp("draft") / "draft.docx")


@pytest.fixture
def document(clean_draft):
    return docx.Document(str(clean_draft))


def sentence_paragraph(document, prefix: str):
    """The Word paragraph holding the sentence whose bookmark starts with ``prefix``."""
    for start in document.element.body.iter(f"{W}bookmarkStart"):
        if start.get(f"{W}name").startswith(prefix):
            return start.getparent()
    raise KeyError(prefix)


def replace_text(word_paragraph, text: str) -> None:
    runs = word_paragraph.findall(f"{W}r")
    for run in runs[1:]:
        word_paragraph.remove(run)
    runs[0].find(f"{W}t").text = text


def run_with(text: str, tag: str = "w:t"):
    run, piece = OxmlElement("w:r"), OxmlElement(tag)
    piece.text = text
    piece.set(qn("xml:space"), "preserve")
    run.append(piece)
    return run


def saved(document, tmp_path) -> Path:
    path = tmp_path / "edited.docx"
    document.save(str(path))
    return path


def test_an_untouched_draft_has_no_edits(clean_draft):
    result = read_draft_edits(clean_draft)
    assert result.edits == [] and result.problems == []
    briefing = specimen_briefing()
    assert result.sentences == sum(len(p.sentences) for a in briefing.articles for p in a.paragraphs
                                   if not p.repeat_of)


def test_rewritten_english_is_read_with_its_arabic(document, tmp_path):
    replace_text(sentence_paragraph(document, "_brf_A1_p4_s2_en_"), NEW_ENGLISH)
    result = read_draft_edits(saved(document, tmp_path))
    arabic = specimen_briefing().articles[0].paragraph(4).sentences[1].ar
    assert result.edits == [SentenceEdit("A1", 4, 2, arabic, NEW_ENGLISH)]
    assert result.problems == []


def test_a_line_added_inside_a_sentence_belongs_to_it_and_flag_notes_do_not(document, tmp_path):
    first = sentence_paragraph(document, "_brf_A1_p4_s3_en_")  # a flagged sentence: a note follows it
    added = OxmlElement("w:p")
    added.append(run_with("(The article says 2,500.)"))
    first.addnext(added)
    (edit,) = read_draft_edits(saved(document, tmp_path)).edits
    assert edit.en == "He gave no details about the number of soldiers, 2,050. (The article says 2,500.)"


def test_tracked_changes_count_as_accepted(document, tmp_path):
    word_paragraph = sentence_paragraph(document, "_brf_A2_p2_s2_en_")
    inserted, deleted = OxmlElement("w:ins"), OxmlElement("w:del")
    for change in (inserted, deleted):
        change.set(qn("w:id"), "900" if change is inserted else "901")
        change.set(qn("w:author"), "Analyst")
    inserted.append(run_with(" on 5 January"))
    deleted.append(run_with("text removed", tag="w:delText"))
    last_run = word_paragraph.findall(f"{W}r")[-1]
    last_run.find(f"{W}t").text = "He noted that parliament voted to end the coalition's mission"
    last_run.addnext(inserted)
    inserted.addnext(deleted)
    deleted.addnext(run_with("."))
    (edit,) = read_draft_edits(saved(document, tmp_path)).edits
    assert edit.en == "He noted that parliament voted to end the coalition's mission on 5 January."


def test_arabic_edits_are_reported_not_applied(document, tmp_path):
    replace_text(sentence_paragraph(document, "_brf_A1_p2_s1_ar_"), "نص عربي معدل.")
    replace_text(sentence_paragraph(document, "_brf_A1_p2_s1_en_"), "Edited English beside edited Arabic.")
    result = read_draft_edits(saved(document, tmp_path))
    assert result.edits == []
    assert result.problems == [("A1 ¶2 sentence 1: the Arabic was changed in the draft; not applied "
                                "(the Arabic is the source: correct the article file instead)")]


def test_deleted_rows_and_emptied_english_are_reported(document, tmp_path):
    table = document.tables[-1]  # A2
    table._tbl.remove(table.rows[3]._tr)  # ¶3
    replace_text(sentence_paragraph(document, "_brf_A2_p2_s1_en_"), "   ")
    result = read_draft_edits(saved(document, tmp_path))
    assert result.edits == []
    assert sorted(result.problems) == [
        "A2 ¶2 sentence 1: the English was emptied; not applied",
        "A2 ¶3: row deleted from the draft; nothing in it was applied",
    ]


def test_merged_sentences_are_reported(document, tmp_path):
    first = sentence_paragraph(document, "_brf_A1_p2_s1_en_")
    second = sentence_paragraph(document, "_brf_A1_p2_s2_en_")
    for child in list(second):
        if child.tag != f"{W}pPr":
            first.append(child)
    second.getparent().remove(second)
    result = read_draft_edits(saved(document, tmp_path))
    assert result.edits == []
    assert [problem.split(":")[0] for problem in result.problems] == ["A1 ¶2 sentence 1", "A1 ¶2 sentence 2"]
    assert all("merged" in problem for problem in result.problems)


def test_one_arabic_sentence_edited_two_ways_is_reported(tmp_path):
    briefing = specimen_briefing()
    repeated = briefing.articles[0].paragraph(6).sentences[0]
    briefing.articles[1].paragraphs.append(paragraph(4, BODY, [(repeated.ar, repeated.en)]))
    document = docx.Document(str(DocxRenderer().write(briefing, tmp_path / "draft.docx")))
    replace_text(sentence_paragraph(document, "_brf_A1_p6_s1_en_"), "ISW thinks Moscow will fill the gap.")
    replace_text(sentence_paragraph(document, "_brf_A2_p4_s1_en_"), "ISW expects Russia to step in.")
    result = read_draft_edits(saved(document, tmp_path))
    assert result.edits == []
    assert result.problems == [("A1 ¶6 sentence 1, A2 ¶4 sentence 1: the same Arabic sentence got different "
                                "English; not applied")]


def test_a_document_without_bookmarks_is_not_a_draft(tmp_path):
    path = tmp_path / "plain.docx"
    docx.Document().save(str(path))
    with pytest.raises(InputError, match="not a draft"):
        read_draft_edits(path)
    text = tmp_path / "notes.docx"
    text.write_text("not a zip")
    with pytest.raises(InputError, match="not a DOCX"):
        read_draft_edits(text)


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "argv", ["briefing", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    output = capsys.readouterr()
    return exited.value.code, output.out, output.err


def test_cli_dry_run_lists_edits_and_reports_problems(document, tmp_path, monkeypatch, capsys):
    replace_text(sentence_paragraph(document, "_brf_A1_p4_s2_en_"), NEW_ENGLISH)
    path = saved(document, tmp_path)
    code, out, err = run_cli(monkeypatch, capsys, "import-edits", str(path), "--dry-run")
    assert code == 0 and err == ""
    assert out.splitlines()[0] == f"A1 ¶4 sentence 2: {NEW_ENGLISH}"
    replace_text(sentence_paragraph(document, "_brf_A1_p2_s1_ar_"), "نص عربي معدل.")
    code, out, err = run_cli(monkeypatch, capsys, "import-edits", str(saved(document, tmp_path)), "--dry-run")
    assert code == 1 and "not applied: A1 ¶2 sentence 1: the Arabic was changed" in err


def test_cli_keeps_the_edits_for_the_next_build(document, tmp_path, monkeypatch, capsys, fresh_user_folders):
    from briefing.translate.memory import load_edits

    replace_text(sentence_paragraph(document, "_brf_A1_p4_s2_en_"), NEW_ENGLISH)
    code, out, _ = run_cli(monkeypatch, capsys, "import-edits", str(saved(document, tmp_path)))
    assert code == 0 and "1 of 12 sentences edited" in out
    arabic = specimen_briefing().articles[0].paragraph(4).sentences[1].ar
    assert dict(load_edits().pairs())[arabic] == NEW_ENGLISH


def test_cli_refuses_a_file_that_is_not_a_draft(tmp_path, monkeypatch, capsys):
    path = tmp_path / "plain.docx"
    docx.Document().save(str(path))
    code, _, err = run_cli(monkeypatch, capsys, "import-edits", str(path))
    assert code == 2 and err.startswith(f"error: {path}: has no briefing bookmarks")


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice not installed (Debian package `libreoffice-writer-nogui`)")
def test_edits_survive_a_libreoffice_round_trip(document, tmp_path):
    replace_text(sentence_paragraph(document, "_brf_A1_p4_s2_en_"), NEW_ENGLISH)
    edited = saved(document, tmp_path)
    out = tmp_path / "libreoffice"
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(edited)],
        check=True, capture_output=True, timeout=180,
    )
    result = read_draft_edits(out / "edited.docx")
    assert [(edit.label, edit.en) for edit in result.edits] == [("A1 ¶4 sentence 2", NEW_ENGLISH)]
    assert result.problems == []


def test_edits_reach_the_next_build(installed_model, fresh_user_folders, tmp_path, monkeypatch, capsys):
    """build -> analyst edits the DOCX -> import-edits -> build: the PDF and JSON carry the edit."""
    import json

    from conftest import ROOT, SEEDS
    from pypdf import PdfReader

    monkeypatch.chdir(ROOT)
    first, second = tmp_path / "first", tmp_path / "second"
    seed = str(SEEDS[0])
    assert run_cli(monkeypatch, capsys, "build", seed, "-o", str(first), "--format", "docx")[0] == 0
    document = docx.Document(str(first / "briefing.docx"))
    rewritten = "Russia's ambassador has met many senior Iraqi officials since late January 2024."
    replace_text(sentence_paragraph(document, "_brf_A1_p2_s1_en_"), rewritten)
    document.save(str(first / "briefing.docx"))
    assert run_cli(monkeypatch, capsys, "import-edits", str(first / "briefing.docx"))[0] == 0
    assert run_cli(monkeypatch, capsys, "build", seed, "-o", str(second), "--format", "json,pdf")[0] == 0
    sentence = json.loads((second / "briefing.json").read_text(encoding="utf-8"))["articles"][0][
        "paragraphs"][1]["sentences"][0]
    assert (sentence["en"], sentence["origin"]) == (rewritten, "edited")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(second / "briefing.pdf")).pages)
    assert rewritten in text

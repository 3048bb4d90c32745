"""XLIFF 1.2 round trip: export the pairs, post-edit them as a CAT tool would, import, rebuild."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from conftest import SEEDS
from translate_fakes import run_cli

from briefing.errors import InputError
from briefing.structure import (
    Article,
    Briefing,
    ModelInfo,
    Paragraph,
    ParagraphKind,
    Sentence,
)
from briefing.translate.flags import FLAG_EXPLANATIONS
from briefing.render.xliff import XliffRenderer
from briefing.translate.xliff import (
    NAMESPACE,
    read_xliff_edits,
    write_xliff,
    xliff_problems,
)

X = f"{{{NAMESPACE}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def small_briefing() -> Briefing:
    sentences = [
        Sentence("جملة أولى.", 0, 10, "First.", "mt", ["too_short", "low_score"]),
        Sentence("جملة ثانية.", 11, 22, "Second.", "tm"),
        Sentence("كوتراشيف", 23, 31, "Kutrashev", "glossary"),
        Sentence("جملة رابعة.", 32, 43, "Fourth, edited.", "edited"),
    ]
    paragraph = Paragraph(1, ParagraphKind.TITLE, " ".join(s.ar for s in sentences), sentences)
    article = Article("A1", "seeds/article.txt", [paragraph])
    return Briefing("Test", [article], model=ModelInfo("Argos Translate translate-ar_en", "1.9"))


def test_export_is_valid_xliff_with_states_flags_and_the_exported_english(tmp_path):
    path = tmp_path / "pairs.xlf"
    XliffRenderer().write(small_briefing(), path)
    root = ET.parse(path).getroot()
    assert xliff_problems(root) == []
    assert path.read_text(encoding="utf-8").startswith('<?xml version="1.0" encoding="UTF-8"?>')
    file = root.find(f"{X}file")
    assert (file.get("original"), file.get("source-language"), file.get("target-language")) == (
        "seeds/article.txt", "ar", "en")
    units = file.findall(f"{X}body/{X}trans-unit")
    assert [u.get("id") for u in units] == ["A1-p1-s1", "A1-p1-s2", "A1-p1-s3", "A1-p1-s4"]
    states = [(u.find(f"{X}target").get("state"), u.find(f"{X}target").get("state-qualifier")) for u in units]
    assert states == [("needs-review-translation", "leveraged-mt"), ("translated", "leveraged-tm"),
                      ("translated", "leveraged-glossary"), ("final", None)]
    assert [n.text for n in units[0].findall(f"{X}note")] == [
        f"too_short: {FLAG_EXPLANATIONS['too_short']}", f"low_score: {FLAG_EXPLANATIONS['low_score']}"]
    assert units[0].find(f"{X}alt-trans/{X}target").text == "First."
    assert units[0].find(f"{X}source").get(XML_LANG) == "ar"


def edit(path, changes: dict[str, str], approve: tuple[str, ...] = ()) -> None:
    """What a CAT tool does: rewrite some targets (with inline markup), approve some units."""
    tree = ET.parse(path)
    for unit in tree.getroot().iter(f"{X}trans-unit"):
        target = unit.find(f"{X}target")
        if unit.get("id") in changes:
            target.text, tail = changes[unit.get("id")].split("|")
            ET.SubElement(target, f"{X}x", id="1").tail = tail
            target.set("state", "translated")
        if unit.get("id") in approve:
            unit.set("approved", "yes")
    tree.write(path, encoding="utf-8", xml_declaration=True)


def test_round_trip_through_a_cat_tool_and_back_into_the_build(installed_model, fresh_user_folders, tmp_path,
                                                               monkeypatch, capsys):
    exported = tmp_path / "seeds.xlf"
    code, out, err = run_cli(monkeypatch, capsys, "export-xliff", *map(str, SEEDS), "-o", str(exported))
    assert code == 0, err
    root = ET.parse(exported).getroot()
    assert xliff_problems(root) == []
    units = list(root.iter(f"{X}trans-unit"))
    assert len(root.findall(f"{X}file")) == 2 and len(units) == 27
    first, second, third = (unit.get("id") for unit in units[:3])

    edit(exported, {first: "Russia's new partner|, says a think tank", second: "The ambassador |met officials"},
         approve=(third,))
    assert xliff_problems(ET.parse(exported).getroot()) == []
    code, out, err = run_cli(monkeypatch, capsys, "import-xliff", str(exported))
    assert code == 0, err
    assert "imported 3 edited sentences (24 left as exported)" in out

    code, _, err = run_cli(monkeypatch, capsys, "build", *map(str, SEEDS), "--format", "json",
                           "-o", str(tmp_path / "out"))
    assert code == 0, err
    data = json.loads((tmp_path / "out" / "briefing.json").read_text(encoding="utf-8"))
    sentences = [s for a in data["articles"] for p in a["paragraphs"] for s in p["sentences"]]
    assert [(s["en"], s["origin"]) for s in sentences[:2]] == [
        ("Russia's new partner, says a think tank", "edited"), ("The ambassador met officials", "edited")]
    assert sentences[2]["origin"] == "edited" and sentences[2]["en"] == units[2].find(f"{X}target").text
    assert {s["origin"] for s in sentences[3:]} == {"mt"}

    # Exported again, the post-edits are final and still valid XLIFF.
    code, _, _ = run_cli(monkeypatch, capsys, "export-xliff", *map(str, SEEDS), "-o", str(exported))
    root = ET.parse(exported).getroot()
    assert xliff_problems(root) == []
    assert [u.find(f"{X}target").get("state") for u in list(root.iter(f"{X}trans-unit"))[:4]] == [
        "final", "final", "final", "needs-review-translation"]


def test_an_unreviewed_export_imports_nothing(tmp_path):
    path = tmp_path / "pairs.xlf"
    briefing = small_briefing()
    briefing.articles[0].paragraphs[0].sentences[3].origin = "mt"
    write_xliff(briefing, path)
    found = read_xliff_edits(path)
    assert found.edits == [] and found.unchanged == 4


@pytest.mark.parametrize(
    "break_it, problem",
    [
        (lambda t: t.replace('version="1.2"', 'version="2.0"', 1), "version is '2.0'"),
        (lambda t: t.replace(' original="seeds/article.txt"', ""), "file 1: required attribute 'original'"),
        (lambda t: t.replace('id="A1-p1-s2"', 'id="A1-p1-s1"'), "id used twice"),
        (lambda t: t.replace('state="translated"', 'state="done"', 1), "state is 'done'"),
        (lambda t: t.replace('approved="no"', 'approved="maybe"', 1), "approved is 'maybe'"),
        (lambda t: t.replace("<source", "<target>extra</target><source", 1), "0 to 1 <target> expected, found 2"),
        (lambda t: t.replace(NAMESPACE, "urn:other"), "namespace is 'urn:other'"),
        (lambda t: t.replace("</xliff>", ""), "not a well-formed XLIFF file"),
    ],
)
def test_a_broken_xliff_is_refused_with_the_first_problem(tmp_path, break_it, problem):
    path = tmp_path / "pairs.xlf"
    write_xliff(small_briefing(), path)
    path.write_text(break_it(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(InputError, match=problem.replace("(", r"\(")) as refused:
        read_xliff_edits(path)
    assert str(path) in str(refused.value)


def test_build_writes_xliff_beside_the_other_formats(installed_model, fresh_user_folders, tmp_path, monkeypatch,
                                                     capsys):
    out = tmp_path / "out"
    code, _, err = run_cli(monkeypatch, capsys, "build", *map(str, SEEDS), "--format", "xliff,json", "-o", str(out))
    assert code == 0, err
    root = ET.parse(out / "briefing.xlf").getroot()
    assert xliff_problems(root) == []
    data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    english = [s["en"] for a in data["articles"] for p in a["paragraphs"] for s in p["sentences"]]
    targets = [unit.find(f"{X}target").text for unit in root.iter(f"{X}trans-unit")]
    assert targets == english

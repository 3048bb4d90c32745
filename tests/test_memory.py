"""Translation memory: TMX 1.4 reading and writing, normalised exact matches, precedence over MT."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from conftest import SEEDS
from translate_fakes import ScriptedEngine, run_cli

from briefing.errors import InputError
from briefing.translate.memory import (
    MemoryEngine,
    TranslationMemory,
    normalise,
    save_edits,
)
from briefing.translate.tmx import read_tmx, tmx_problems, write_tmx

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="SomeCAT" creationtoolversion="7" segtype="sentence" o-tmf="cat"
          adminlang="en-US" srclang="ar" datatype="plaintext"/>
  <body>
    <tu tuid="1">
      <tuv xml:lang="ar-SA"><seg>قال <ph x="1">&lt;b&gt;</ph>الوزير<ph x="2">&lt;/b&gt;</ph> إن المحادثات مثمرة.</seg></tuv>
      <tuv xml:lang="EN-GB"><seg>The <hi type="b">minister</hi> said the talks were fruitful.</seg></tuv>
    </tu>
    <tu>
      <tuv lang="ar"><seg>وصل السفير إلى بغداد.</seg></tuv>
      <tuv lang="en"><seg>The ambassador arrived in Baghdad.</seg></tuv>
    </tu>
    <tu>
      <tuv xml:lang="ar"><seg>جملة بلا ترجمة.</seg></tuv>
      <tuv xml:lang="fr"><seg>Une phrase.</seg></tuv>
    </tu>
  </body>
</tmx>
"""


def test_normalising_ignores_spacing_tatweel_diacritics_and_invisible_marks():
    assert normalise("  قَالَ   الـوزيرُ\u200f إنّ\n") == normalise("قال الوزير إن") == "قال الوزير إن"
    assert normalise("قال الوزير") != normalise("قال الوزراء")


def test_reading_a_cat_tools_tmx(tmp_path):
    path = tmp_path / "memory.tmx"
    path.write_text(TMX, encoding="utf-8")
    assert tmx_problems(ET.parse(path).getroot()) == []
    assert read_tmx(path) == [
        ("قال الوزير إن المحادثات مثمرة.", "The minister said the talks were fruitful."),
        ("وصل السفير إلى بغداد.", "The ambassador arrived in Baghdad."),
    ]


@pytest.mark.parametrize(
    "break_it, problem",
    [
        (lambda t: t.replace(' o-tmf="cat"', ""), "header: required attribute 'o-tmf' is missing"),
        (lambda t: t.replace('segtype="sentence"', 'segtype="word"'), "segtype is 'word'"),
        (lambda t: t.replace('<tuv lang="en">', "<tuv>"), "tu 2: a <tuv> has no xml:lang"),
        (lambda t: t.replace("<seg>Une phrase.</seg>", "<seg>Une</seg><seg>phrase.</seg>"), "tu 3 tuv: exactly 1 <seg>"),
        (lambda t: t.replace("<tmx version", "<tmxx version").replace("</tmx>", "</tmxx>"), "not <tmx>"),
        (lambda t: t.replace('<tmx version="1.4">', "<tmx>"), "required attribute 'version'"),
        (lambda t: t.replace("</body>", ""), "not a well-formed TMX file"),
    ],
)
def test_a_broken_tmx_is_refused_with_the_first_problem(tmp_path, break_it, problem):
    path = tmp_path / "broken.tmx"
    path.write_text(break_it(TMX), encoding="utf-8")
    with pytest.raises(InputError, match=problem.replace("(", r"\(")) as refused:
        read_tmx(path)
    assert str(path) in str(refused.value)


def test_written_tmx_is_valid_and_reads_back_the_same(tmp_path):
    pairs = [("قال «الوزير» إن 5 < 7 & 8 > 2.", 'He said "5 < 7 & 8 > 2".'), ("سطر  بمسافتين", "two  spaces")]
    path = tmp_path / "out.tmx"
    write_tmx(pairs, path)
    root = ET.parse(path).getroot()
    assert tmx_problems(root) == []
    assert root.find("header").get("srclang") == "ar"
    assert read_tmx(path) == pairs


def test_memory_matches_take_precedence_and_the_model_gets_only_the_rest():
    memory = TranslationMemory([("قال الوزير إن المحادثات مثمرة.", "The minister said so.")])
    inner = ScriptedEngine()
    translations = MemoryEngine(inner, memory, "tm").translate(
        ["قالَ الوزيرُ إن  المحادثات مثمرة.", "جملة أخرى."])
    assert [(t.text, t.origin) for t in translations] == [
        ("The minister said so.", "tm"), ("EN<جملة أخرى.>", "mt")]
    assert inner.asked == ["جملة أخرى."]


def test_build_uses_the_memory_and_post_edits_win_over_it(installed_model, fresh_user_folders, tmp_path,
                                                          monkeypatch, capsys):
    from briefing.pipeline import read_articles

    sentences = [s.ar for _, s in read_articles([SEEDS[1]])[0].sentences()]
    memory = tmp_path / "memory.tmx"
    # The CAT tool's copy differs in spacing and diacritics only.
    write_tmx([(" ".join(sentences[0].split()).replace("روسيا", "رُوسيا") + "  ", "Human headline"),
               (sentences[1], "Human second sentence")], memory)

    def build() -> list[dict]:
        out = tmp_path / "out"
        code, _, err = run_cli(monkeypatch, capsys, "build", str(SEEDS[1]), "--memory", str(memory),
                               "--format", "json", "-o", str(out))
        assert code == 0, err
        data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
        return [s for p in data["articles"][0]["paragraphs"] for s in p["sentences"]]

    built = build()
    assert [(s["en"], s["origin"]) for s in built[:2]] == [("Human headline", "tm"), ("Human second sentence", "tm")]
    assert {s["origin"] for s in built[2:]} == {"mt"}
    save_edits([(sentences[1], "Post-edited second sentence")])
    built = build()
    assert [(s["en"], s["origin"]) for s in built[:2]] == [
        ("Human headline", "tm"), ("Post-edited second sentence", "edited")]


def test_a_bad_memory_file_stops_the_build_with_one_line(installed_model, fresh_user_folders, tmp_path,
                                                         monkeypatch, capsys):
    memory = tmp_path / "memory.tmx"
    memory.write_text("<tmx version='1.4'><body/></tmx>", encoding="utf-8")
    code, _, err = run_cli(monkeypatch, capsys, "build", str(SEEDS[1]), "--memory", str(memory),
                           "--format", "json", "-o", str(tmp_path / "out"))
    assert code == 2
    assert err.strip() == f"error: {memory}: not a valid TMX 1.4 file: tmx: exactly 1 <header> expected, found 0"

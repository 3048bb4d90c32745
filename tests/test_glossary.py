"""Glossary protection: loading, clitic matching, placeholders through real models, loss detection."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SEEDS
from translate_fakes import ScriptedEngine, run_cli

from briefing.errors import InputError
from briefing.testing.argos_fixture import expected_translation
from briefing.translate.base import Translation
from briefing.translate.engine import EngineSettings, build_engine
from briefing.translate.glossary import Glossary, GlossaryEngine, GlossaryTerm, restore
from briefing.translate.packages import install_package_file

CSV_GLOSSARY = "arabic,english,type\nكوتراشيف,Kutrashev,person\nالحشد الشعبي,Popular Mobilization Forces,organisation\n"
TERMS = Glossary([GlossaryTerm("كوتراشيف", "Kutrashev"), GlossaryTerm("الحشد الشعبي", "Popular Mobilization Forces"),
                  GlossaryTerm("الحشد", "the crowd"), GlossaryTerm("لبنان", "Lebanon")])


def test_csv_and_yaml_glossaries_give_the_same_terms(tmp_path):
    csv_file = tmp_path / "names.csv"
    csv_file.write_text("\ufeff" + CSV_GLOSSARY, encoding="utf-8")
    yaml_file = tmp_path / "names.yaml"
    yaml_file.write_text(
        "- arabic: كوتراشيف\n  english: Kutrashev\n  type: person\n"
        "- {arabic: الحشد الشعبي, english: Popular Mobilization Forces, type: organisation}\n",
        encoding="utf-8",
    )
    from_csv, from_yaml = Glossary.load(csv_file), Glossary.load(yaml_file)
    assert from_csv.terms == from_yaml.terms == [
        GlossaryTerm("كوتراشيف", "Kutrashev", "person"),
        GlossaryTerm("الحشد الشعبي", "Popular Mobilization Forces", "organisation"),
    ]
    two_columns = tmp_path / "two.csv"
    two_columns.write_text("arabic,english\nبغداد,Baghdad\n", encoding="utf-8")
    assert Glossary.load(two_columns).terms == [GlossaryTerm("بغداد", "Baghdad")]


@pytest.mark.parametrize(
    "name, content, problem",
    [
        ("g.csv", "ar,en\nكوتراشيف,Kutrashev\n", "header arabic,english"),
        ("g.csv", "arabic,english\nكوتراشيف,\n", "entry 2: both arabic and english"),
        ("g.csv", "arabic,english\nKutrashev,Kutrashev\n", "no Arabic letters"),
        ("g.csv", "arabic,english\nكوتراشيف,Kutrashev\nكوتراشيف,Kotrashev\n", "entry 3: كوتراشيف is already"),
        ("g.yaml", "arabic: كوتراشيف\n", "list of entries"),
        ("g.yaml", "- [unclosed\n", "not valid YAML"),
        ("g.txt", "كوتراشيف Kutrashev\n", ".csv file"),
    ],
)
def test_bad_glossaries_are_refused_naming_the_file_and_entry(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(problem)) as refused:
        Glossary.load(path)
    assert str(path) in str(refused.value)
    with pytest.raises(InputError, match="no such glossary file"):
        Glossary.load(tmp_path / "missing.csv")


@pytest.mark.parametrize(
    "arabic, protected",
    [
        ("قال كوتراشيف إن", "قال QZX1 إن"),
        ("وكوتراشيف وبكوتراشيف ولكوتراشيف فكوتراشيف", "و QZX1 وب QZX2 ول QZX3 ف QZX4"),
        ("الحشد الشعبي والحشد الشعبي بالحشد الشعبي للحشد الشعبي", "QZX1 و QZX2 ب QZX3 ل QZX4"),
        ("الحَشْدُ الشَّعبيّ وكوتـراشيف", "QZX1 و QZX2"),  # diacritics and tatweel
        ("الحشد  الكبير", "QZX1  الكبير"),  # the shorter term where the longer does not fit
        ("زار لبنان ولبنان", "زار QZX1 و QZX2"),  # a term starting with ل is not taken for a clitic
        ("كوتراشيفي والكوتراشيفية", "كوتراشيفي والكوتراشيفية"),  # other words that merely contain it
        ("رمز QZX1 ثم كوتراشيف", "رمز QZX1 ثم QZX2"),  # numbering skips placeholders already there
    ],
)
def test_terms_match_with_clitics_and_marks_and_only_whole_words(arabic, protected):
    assert TERMS.protect(arabic).text == protected


def test_restoring_puts_every_term_back_and_tolerates_spacing_and_case():
    protected = TERMS.protect("قال كوتراشيف إن الحشد الشعبي")
    assert restore(protected, Translation("qal QZX1 in QZX2", "mt")) == Translation(
        "qal Kutrashev in Popular Mobilization Forces", "mt")
    assert restore(protected, Translation("Qzx 1 said that qzx2", "mt")).text == (
        "Kutrashev said that Popular Mobilization Forces")


@pytest.mark.parametrize(
    "english, flags",
    [
        ("QZX1 said so", ["placeholder_lost"]),  # QZX2 dropped
        ("QZX1 said QZX2 QZX2", ["placeholder_duplicated"]),
        ("QZX1 said QZX2 and QZX3", ["placeholder_duplicated"]),  # a placeholder never issued
        ("he said so", ["placeholder_lost"]),
        ("QZX1 QZX1 said", ["placeholder_lost", "placeholder_duplicated"]),
    ],
)
def test_a_model_cannot_drop_or_duplicate_a_placeholder_unseen(english, flags):
    engine = GlossaryEngine(ScriptedEngine(lambda sentence: english), TERMS)
    [translation] = engine.translate(["قال كوتراشيف إن الحشد الشعبي"])
    assert translation.flags == flags
    assert "QZX1" not in translation.text and "QZX2" not in translation.text


def test_a_sentence_that_is_one_term_needs_no_model():
    inner = ScriptedEngine()
    translations = GlossaryEngine(inner, TERMS).translate(["الحشد الشعبي:", "كوتراشيف", "وكوتراشيف"])
    assert [(t.text, t.origin) for t in translations[:2]] == [
        ("Popular Mobilization Forces:", "glossary"), ("Kutrashev", "glossary")]
    assert inner.asked == ["و QZX1"]


@pytest.mark.parametrize("kind", ["argosmodel", "bpe_argosmodel"])
def test_placeholders_pass_through_both_model_kinds(request, packages_dir, fresh_user_folders, tmp_path, kind):
    package = install_package_file(request.getfixturevalue(kind))
    glossary = tmp_path / "names.csv"
    glossary.write_text(CSV_GLOSSARY, encoding="utf-8")
    sentences = ["التقى كوتراشيف وفياض قائد هيئة الحشد الشعبي في بغداد.",
                 "وأكد كوتراشيف أن روسيا تدعم بالحشد الشعبي وكوتراشيف"]
    translations = build_engine(EngineSettings(glossary=glossary)).translate(sentences)
    for sentence, translation in zip(sentences, translations, strict=True):
        protected = Glossary.load(glossary).protect(sentence)
        model_english = expected_translation(package.path, protected.text)
        assert translation.text == restore(protected, Translation(model_english, "mt")).text
        assert "placeholder_lost" not in translation.flags and "placeholder_duplicated" not in translation.flags
    assert translations[0].text.count("Kutrashev") == 1 and "Popular Mobilization Forces" in translations[0].text
    assert translations[1].text.count("Kutrashev") == 2


def test_every_mention_reads_the_same_across_the_briefing(installed_model, fresh_user_folders, tmp_path,
                                                          monkeypatch, capsys):
    glossary = tmp_path / "names.csv"
    glossary.write_text(CSV_GLOSSARY, encoding="utf-8")
    code, _, err = run_cli(monkeypatch, capsys, "build", *map(str, SEEDS), "--glossary", str(glossary),
                           "--format", "json", "-o", str(tmp_path / "out"))
    assert code == 0, err
    data = json.loads((tmp_path / "out" / "briefing.json").read_text(encoding="utf-8"))
    sentences = [s for a in data["articles"] for p in a["paragraphs"] for s in p["sentences"]]
    with_name = [s for s in sentences if "كوتراشيف" in s["ar"]]
    with_forces = [s for s in sentences if "الحشد الشعبي" in s["ar"]]
    assert len(with_name) >= 5 and len(with_forces) >= 2
    assert all("Kutrashev" in s["en"] for s in with_name)
    assert all("Popular Mobilization Forces" in s["en"] for s in with_forces)
    assert not any("kwtrashyf" in s["en"] for s in sentences)

"""Arabic-only triage: `briefing analyze` and `briefing build --no-translate` need no model."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "briefing", *args], cwd=cwd, capture_output=True, text=True)


def test_analyze_prints_the_summary_json_without_a_model(packages_dir):
    result = run("analyze", "--json", "--date", "2024-02-21")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["model"] is None
    names = {actor["name_ar"] for actor in data["actors"]}
    assert {"العراق", "روسيا", "قيس الخزعلي", "صباح العكيلي"} <= names
    values = {mention["value"] for mention in data["dates"]}
    assert {"2024-01-31", "2024-02-01", "2024-02-05", "2024-02-20"} <= values
    assert data["viewpoints"] and data["clashes"]
    for article in data["articles"]:
        for paragraph in article["paragraphs"]:
            assert paragraph["en"] is None
            for actor in data["actors"]:
                for mention in actor["mentions"]:
                    if mention["article"] == article["id"] and mention["paragraph"] == paragraph["index"]:
                        assert paragraph["ar"][mention["start"] : mention["end"]] == mention["text"]


def test_build_without_translation_writes_arabic_only_documents(packages_dir, tmp_path):
    result = run("build", "--no-translate", "--format", "json,docx", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "briefing.json").read_text(encoding="utf-8"))
    assert data["model"] is None
    assert all(s["en"] is None for a in data["articles"] for p in a["paragraphs"] for s in p["sentences"])
    assert data["actors"]
    assert (tmp_path / "briefing.docx").stat().st_size > 0
    assert result.stderr == ""  # no translation, no progress bar (not even an empty line)


def test_analyze_reports_a_bad_file_in_one_line(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    result = run("analyze", str(bad))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert str(bad) in result.stderr


def test_a_glossary_names_actors_in_the_summary_and_in_the_english(installed_model, tmp_path):
    glossary = tmp_path / "names.csv"
    glossary.write_text(
        "arabic,english,type\n"
        "إلبروس كوتراشيف,Elbrus Kutrashev,person\n"
        "مركز دراسات الحرب,Institute for the Study of War,organization\n",
        encoding="utf-8",
    )
    result = run("build", "--glossary", str(glossary), "--format", "json", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "out" / "briefing.json").read_text(encoding="utf-8"))
    english_names = {actor["name_ar"]: actor["name_en"] for actor in data["actors"]}
    assert english_names["إلبروس كوتراشيف"] == "Elbrus Kutrashev"
    assert english_names["مركز دراسات الحرب"] == "Institute for the Study of War"
    kutrashev = next(a for a in data["actors"] if a["name_en"] == "Elbrus Kutrashev")
    short_forms = {m["text"] for m in kutrashev["mentions"]} - {"إلبروس كوتراشيف"}
    assert short_forms, "the surname alone is merged into the actor"
    for article in data["articles"]:
        for paragraph in article["paragraphs"]:
            for sentence in paragraph["sentences"]:
                if "كوتراشيف" in sentence["ar"]:
                    assert "Elbrus Kutrashev" in sentence["en"]
                if "مركز دراسات الحرب" in sentence["ar"]:
                    assert "Institute for the Study of War" in sentence["en"]

"""End to end with an OPUS-MT model: installed from its release zip through the CLI with sockets
blocked, chosen as the default, and used for the seeds briefing (JSON, PDF, DOCX, XLIFF); the
cache never serves one model's English for the other."""

from __future__ import annotations

import json
import sqlite3

import pytest
from built_checks import assert_pdf_text_has_the_english, assert_sentences_are_the_models, english_lines
from conftest import ROOT, SEEDS, block_network
from test_build import run_cli, squeeze

from briefing.testing.opus_mt_fixture import expected_translation

MODEL_KEY = "opus-mt-opus-2020-01-01"
MODEL_LINE = "Machine translation: OPUS-MT opus-2020-01-01, version 2020-01-01"


@pytest.fixture(scope="module")
def built(opus_mt_zip, argosmodel, tmp_path_factory):
    """Both kinds installed, OPUS-MT made the default, the seeds built in three formats, no network."""
    folder = tmp_path_factory.mktemp("opus-built")
    out = folder / "out"
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder / "packages"))
        monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder / "cache"))
        monkeypatch.chdir(ROOT)
        block_network(monkeypatch)
        assert run_cli(monkeypatch, "models", "install", str(argosmodel)) == 0
        assert run_cli(monkeypatch, "models", "install", str(opus_mt_zip)) == 0
        assert run_cli(monkeypatch, "models", "default", MODEL_KEY) == 0
        code = run_cli(monkeypatch, "build", "-o", str(out), "--format", "pdf,docx,json", "--title", "Seeds")
    assert code == 0
    return out, json.loads((out / "briefing.json").read_text(encoding="utf-8"))


def test_json_names_the_model_and_has_its_english(built, opus_mt_zip):
    _, data = built
    assert data["model"] == {"name": "OPUS-MT opus-2020-01-01", "version": "2020-01-01",
                             "path": data["model"]["path"]}
    assert data["model"]["path"].endswith(MODEL_KEY)
    # Names found in the summary go through the Marian model as glossary placeholders.
    assert_sentences_are_the_models(data, lambda arabic: expected_translation(opus_mt_zip, arabic))


def test_pdf_cover_names_the_model_and_holds_the_english(built):
    from pypdf import PdfReader

    out, data = built
    text = squeeze(" ".join(page.extract_text() for page in PdfReader(str(out / "briefing.pdf")).pages))
    assert MODEL_LINE in text
    assert_pdf_text_has_the_english(text, data)


def test_docx_names_the_model_and_has_the_english_row_by_row(built):
    import docx

    out, data = built
    document = docx.Document(str(out / "briefing.docx"))
    assert any(MODEL_LINE in paragraph.text for paragraph in document.paragraphs)
    for table, article in zip(document.tables[-len(data["articles"]):], data["articles"]):
        for row, paragraph in zip(table.rows[1:], article["paragraphs"]):
            if paragraph["kind"] == "repeated":
                continue
            assert english_lines(row.cells[1]) == [s["en"] for s in paragraph["sentences"]]


def test_xliff_header_and_model_option_name_the_model_used(opus_mt_zip, argosmodel, tmp_path, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    monkeypatch.chdir(ROOT)
    block_network(monkeypatch)
    assert run_cli(monkeypatch, "models", "install", str(argosmodel)) == 0
    assert run_cli(monkeypatch, "models", "install", str(opus_mt_zip)) == 0
    for model, note in (("opus-mt", "Machine translation: OPUS-MT opus-2020-01-01 2020-01-01"),
                        ("argos", "Machine translation: Argos Translate translate-ar_en 1.0")):
        xliff = tmp_path / f"{model}.xlf"
        assert run_cli(monkeypatch, "export-xliff", str(SEEDS[0]), "--model", model, "-o", str(xliff)) == 0
        assert f"<note>{note}</note>" in xliff.read_text(encoding="utf-8")


def test_switching_models_never_serves_the_other_models_cached_english(
        opus_mt_zip, argosmodel, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "packages"))
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(ROOT)
    assert run_cli(monkeypatch, "models", "install", str(argosmodel)) == 0
    assert run_cli(monkeypatch, "models", "install", str(opus_mt_zip)) == 0

    def english(model: str) -> list[str]:
        out = tmp_path / model
        assert run_cli(monkeypatch, "build", str(SEEDS[0]), "--model", model, "-f", "json", "-o", str(out)) == 0
        data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
        return [s["en"] for a in data["articles"] for p in a["paragraphs"] for s in p["sentences"]]

    english("argos")
    # Mark every cached Argos translation, so that serving one anywhere would show.
    with sqlite3.connect(tmp_path / "cache" / "translations.sqlite3") as db:
        changed = db.execute("UPDATE translations SET english = 'CACHED ARGOS' WHERE namespace LIKE 'translate-ar_en@%'")
        assert changed.rowcount > 10
    opus = english("opus-mt")
    assert not any("CACHED ARGOS" in text for text in opus)
    assert any("CACHED ARGOS" in text for text in english("argos"))  # the cache does answer its own model
    with sqlite3.connect(tmp_path / "cache" / "translations.sqlite3") as db:
        namespaces = [row[0] for row in db.execute("SELECT DISTINCT namespace FROM translations")]
    assert len(namespaces) == 2 and any(ns.startswith("opus-mt:opus-2020-01-01@2020-01-01/") for ns in namespaces)
    # A second OPUS-MT build is answered from its own cache entries, with the same English.
    assert english("opus-mt") == opus

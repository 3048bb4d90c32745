"""The persistent translation cache: no repeated model work, resume after a crash, safe concurrency."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from conftest import ROOT, SEEDS
from translate_fakes import run_cli

from briefing.testing.argos_fixture import build_argos_package, expected_translation
from briefing.translate.argos import ArgosEngine, DecodingOptions
from briefing.translate.cache import FILE_NAME, TranslationCache, cache_dir
from briefing.translate.engine import EngineSettings, build_engine
from briefing.translate.packages import install_package_file


@pytest.fixture
def model_calls(monkeypatch) -> dict[str, list]:
    """Every model load and every sentence that reached any ArgosEngine in this test."""
    import ctranslate2

    calls: dict[str, list] = {"loads": [], "sentences": []}
    real_translator, real_stream = ctranslate2.Translator, ArgosEngine.stream
    monkeypatch.setattr(ctranslate2, "Translator",
                        lambda *args, **kwargs: calls["loads"].append(args) or real_translator(*args, **kwargs))
    monkeypatch.setattr(ArgosEngine, "stream",
                        lambda self, sentences: calls["sentences"].extend(sentences) or real_stream(self, sentences))
    return calls


def seed_sentences() -> list[str]:
    from briefing.pipeline import read_articles

    return list(dict.fromkeys(s.ar for article in read_articles(SEEDS) for _, s in article.sentences()))


def test_a_second_run_makes_no_model_call_and_gives_the_same_english(installed_model, fresh_user_folders,
                                                                    model_calls):
    sentences = seed_sentences()
    first = build_engine().translate(sentences)
    assert len(model_calls["loads"]) == 1 and model_calls["sentences"] == sentences
    model_calls["loads"].clear()
    model_calls["sentences"].clear()
    second = build_engine().translate(sentences)
    assert model_calls == {"loads": [], "sentences": []}
    assert second == first
    assert [t.text for t in second] == [expected_translation(installed_model, s) for s in sentences]


def test_a_fully_cached_build_works_when_the_model_files_are_unreadable(installed_model, fresh_user_folders,
                                                                       monkeypatch, capsys, tmp_path):
    code, _, err = run_cli(monkeypatch, capsys, "build", *map(str, SEEDS), "-o", str(tmp_path / "one"),
                           "--format", "json")
    assert code == 0, err
    for path in (installed_model / "model").iterdir():
        path.write_bytes(b"\x00 not a model any more")
    code, _, err = run_cli(monkeypatch, capsys, "build", *map(str, SEEDS), "-o", str(tmp_path / "two"),
                           "--format", "json")
    assert code == 0, err
    assert (tmp_path / "two" / "briefing.json").read_text().split('"articles"')[1] == \
        (tmp_path / "one" / "briefing.json").read_text().split('"articles"')[1]
    # A sentence the cache does not hold needs the model, and its loss is one clear line:
    new_article = tmp_path / "new.txt"
    new_article.write_text("عنوان جديد تماما\nقال المتحدث إن الاجتماع انتهى.\n", encoding="utf-8")
    code, _, err = run_cli(monkeypatch, capsys, "translate", str(new_article))
    assert code == 2 and "cannot load the translation model" in err


KILLED_RUN = textwrap.dedent(
    """
    import os, signal, sys
    from briefing.translate.argos import ArgosEngine
    from briefing.translate.base import Layer
    from briefing.translate.cache import CachedEngine, TranslationCache
    from briefing.translate.engine import cache_namespace

    class KillAfter(Layer):
        def stream(self, sentences):
            for count, item in enumerate(self.inner.stream(sentences)):
                if count == int(sys.argv[1]):
                    os.kill(os.getpid(), signal.SIGKILL)  # no cleanup, no exception handler runs
                yield item

    argos = ArgosEngine()
    engine = CachedEngine(KillAfter(argos), TranslationCache(), cache_namespace(argos))
    engine.translate(sys.argv[2:])
    """
)


def test_a_killed_run_keeps_what_it_translated_and_the_next_run_resumes(installed_model, fresh_user_folders,
                                                                       model_calls):
    sentences = seed_sentences()
    killed = subprocess.run([sys.executable, "-c", KILLED_RUN, "7", *sentences], cwd=ROOT, capture_output=True)
    assert killed.returncode == -9, killed.stderr
    assert TranslationCache().info().entries == 7
    translations = build_engine().translate(sentences)
    assert len(model_calls["sentences"]) == len(sentences) - 7 and len(model_calls["loads"]) == 1
    assert [t.text for t in translations] == [expected_translation(installed_model, s) for s in sentences]


def test_ctrl_c_keeps_what_was_translated(installed_model, fresh_user_folders, model_calls):
    sentences = seed_sentences()
    engine = build_engine()
    stream = engine.stream(sentences)
    with pytest.raises(KeyboardInterrupt):
        for count, _ in enumerate(stream):
            if count == 4:
                stream.throw(KeyboardInterrupt)
    model_calls["sentences"].clear()
    build_engine().translate(sentences)
    assert len(model_calls["sentences"]) == len(sentences) - 5


def test_builds_running_at_once_share_the_cache_without_damage(installed_model, fresh_user_folders):
    command = [sys.executable, "-m", "briefing", "translate", "--tsv"]
    runs = [subprocess.Popen([*command, str(seed)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            for seed in (SEEDS[0], SEEDS[0], SEEDS[1], SEEDS[1])]
    outputs = [run.communicate() for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0, 0], [err for _, err in outputs]
    assert outputs[0][0] == outputs[1][0] and outputs[2][0] == outputs[3][0]
    # What the model says without the cache: no run read a damaged or half-written entry.
    for seed, (out, _) in zip((SEEDS[0], SEEDS[1]), outputs[::2]):
        uncached = subprocess.run([*command, "--no-cache", str(seed)], cwd=ROOT, capture_output=True, check=True)
        assert out == uncached.stdout and len(out.decode().splitlines()) > 10
    database = sqlite3.connect(cache_dir() / FILE_NAME)
    assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert database.execute("SELECT COUNT(*) FROM translations").fetchone()[0] == len(seed_sentences())


CONCURRENT_WRITER = textwrap.dedent(
    """
    import sys
    from briefing.translate.base import Translation
    from briefing.translate.cache import TranslationCache

    cache = TranslationCache()
    for number in range(300):
        cache.store("stress", f"{sys.argv[1]} {number}", Translation(f"english {number}", "mt", -0.1, ["split"]))
        cache.store("stress", f"shared {number}", Translation(f"shared {number}", "mt"))
    """
)


def test_concurrent_writers_lose_no_entry(fresh_user_folders):
    writers = [subprocess.Popen([sys.executable, "-c", CONCURRENT_WRITER, name], cwd=ROOT, stderr=subprocess.PIPE)
               for name in ("left", "right", "middle")]
    assert [writer.wait() for writer in writers] == [0, 0, 0], [w.stderr.read() for w in writers]
    cache = TranslationCache()
    assert cache.info().entries == 3 * 300 + 300
    found = cache.lookup("stress", ["right 299", "left 0", "shared 17", "absent"])
    assert found[0].text == "english 299" and found[0].flags == ["split"] and found[0].score == -0.1
    assert found[1].text == "english 0" and found[2].text == "shared 17" and 3 not in found


def test_cache_entries_belong_to_one_model_and_its_decoding_options(installed_model, fresh_user_folders,
                                                                   packages_dir, model_calls, tmp_path):
    sentences = seed_sentences()[:3]
    build_engine().translate(sentences)
    build_engine(EngineSettings(decoding=DecodingOptions(beam_size=2))).translate(sentences)
    assert len(model_calls["sentences"]) == 2 * len(sentences)
    install_package_file(build_argos_package(tmp_path / "v2", package_version="2.0", vocab_size=120))
    build_engine().translate(sentences)  # the newer version is now the model in use
    assert len(model_calls["sentences"]) == 3 * len(sentences)
    assert len(TranslationCache().info().namespaces) == 3


def test_no_cache_neither_reads_nor_writes_it(installed_model, fresh_user_folders, model_calls, monkeypatch, capsys):
    for _ in range(2):
        code, _, err = run_cli(monkeypatch, capsys, "translate", str(SEEDS[1]), "--no-cache")
        assert code == 0, err
    assert not (cache_dir() / FILE_NAME).exists()
    assert len(model_calls["loads"]) == 2


def test_cache_info_and_clear(installed_model, fresh_user_folders, monkeypatch, capsys):
    from briefing.pipeline import read_articles

    run_cli(monkeypatch, capsys, "translate", str(SEEDS[1]))
    count = len({s.ar for _, s in read_articles([SEEDS[1]])[0].sentences()})
    code, out, _ = run_cli(monkeypatch, capsys, "cache", "info")
    assert code == 0 and f"path     {cache_dir() / FILE_NAME}" in out and f"entries  {count}" in out
    assert str(fresh_user_folders) in str(cache_dir())
    code, out, _ = run_cli(monkeypatch, capsys, "cache", "clear")
    assert code == 0 and f"cleared {count} cached translations" in out
    assert TranslationCache().info().entries == 0


def test_a_damaged_cache_file_is_one_clear_error_and_clear_repairs_it(installed_model, fresh_user_folders,
                                                                      monkeypatch, capsys):
    os.makedirs(cache_dir())
    (cache_dir() / FILE_NAME).write_bytes(b"this is not an SQLite database" * 100)
    code, _, err = run_cli(monkeypatch, capsys, "translate", str(SEEDS[1]))
    assert code == 2 and "briefing cache clear" in err and "Traceback" not in err
    code, _, _ = run_cli(monkeypatch, capsys, "cache", "clear")
    assert code == 0
    code, _, err = run_cli(monkeypatch, capsys, "translate", str(SEEDS[1]))
    assert code == 0, err


def test_only_the_owner_can_read_the_cache(installed_model, fresh_user_folders):
    import stat

    build_engine().translate(seed_sentences()[:2])
    assert stat.S_IMODE(cache_dir().stat().st_mode) == 0o700
    parts = list(cache_dir().iterdir())
    assert FILE_NAME in {part.name for part in parts}
    assert all(stat.S_IMODE(part.stat().st_mode) & 0o077 == 0 for part in parts), parts

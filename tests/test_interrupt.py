"""Killing a real `briefing build` mid-translation or mid-writing: no partial or corrupt document,
a consistent translation cache, and a next run that finishes and reuses what was translated.

"Mid-translation" is seen, not guessed: the cache commits each translation as the model returns
it, so the kill comes once the cache holds some of the run's sentences.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from hostile import seed_words

ARTICLES = 4
SENTENCES_PER_ARTICLE = 20  # 84 sentences: a few seconds of the gloss model, in several batches
WAIT_SECONDS = 120


def write_articles(folder: Path) -> int:
    """Articles of random seed words (every sentence new to the cache); returns the sentence count."""
    folder.mkdir(parents=True)
    rng = random.Random(8)
    words = seed_words()
    for number in range(ARTICLES):
        lines = [" ".join(rng.choice(words) for _ in range(8))]
        lines += [" ".join(rng.choice(words) for _ in range(25)) + "." for _ in range(SENTENCES_PER_ARTICLE)]
        (folder / f"article{number}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ARTICLES * (SENTENCES_PER_ARTICLE + 1)


def start_build(inputs: Path, out: Path, formats: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "briefing", "build", str(inputs), "-o", str(out), "-f", formats,
                             *extra], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until(condition, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"the build ended (exit {process.returncode}) before {what}: {process.stderr.read()[-2000:]}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail(f"no {what} after {WAIT_SECONDS} s")
        time.sleep(0.02)


def cache_rows(database: Path) -> dict[str, int]:
    """Source sentence -> SQLite rowid of its cached translation (a re-translation gets a new one)."""
    if not database.exists():
        return {}
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    try:
        return dict(connection.execute("SELECT source, rowid FROM translations"))
    except sqlite3.OperationalError:  # the schema is not there yet
        return {}
    finally:
        connection.close()


def integrity(database: Path) -> str:
    connection = sqlite3.connect(database, timeout=30)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def previous_documents(tmp_path_factory) -> dict[str, bytes]:
    """The documents of an earlier run (the seeds, Arabic only), made once."""
    out = tmp_path_factory.mktemp("previous")
    previous = subprocess.run([sys.executable, "-m", "briefing", "build", str(ROOT / "seeds"), "--no-translate",
                               "-f", "json,docx", "-o", str(out)], cwd=ROOT, capture_output=True, check=False)
    assert previous.returncode == 0, previous.stderr
    return snapshot(out)


@pytest.fixture
def workspace(tmp_path, installed_model, fresh_user_folders, previous_documents):
    """Inputs, an output folder holding a previous briefing, and this test's own cache."""
    inputs = tmp_path / "in"
    sentences = write_articles(inputs)
    out = tmp_path / "out"
    out.mkdir()
    for name, data in previous_documents.items():
        (out / name).write_bytes(data)
    database = fresh_user_folders / "cache" / "translations.sqlite3"
    return inputs, out, database, sentences


def assert_same_documents(out: Path, before: dict[str, bytes]) -> None:
    after = snapshot(out)
    changed = sorted(name for name in before.keys() | after.keys() if before.get(name) != after.get(name))
    assert not changed, f"changed, added or removed: {changed}"


def assert_stopped_cleanly(process: subprocess.Popen, sent: signal.Signals) -> None:
    stderr = process.stderr.read()
    if sent is signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == 130, stderr[-2000:]
        assert "interrupted: no output file was left half-written" in stderr, stderr[-2000:]
        assert "Traceback" not in stderr, stderr[-2000:]


def kill_mid_translation(workspace, sent: signal.Signals) -> dict[str, int]:
    """Start a build, send ``sent`` once translations are being cached, check what it left;
    returns the cache rows it left."""
    inputs, out, database, sentences = workspace
    before = snapshot(out)
    process = start_build(inputs, out, "json,docx")
    wait_until(lambda: cache_rows(database), process, "a cached translation")
    process.send_signal(sent)
    process.wait(timeout=WAIT_SECONDS)
    assert_stopped_cleanly(process, sent)
    assert_same_documents(out, before)
    assert integrity(database) == "ok"
    kept = cache_rows(database)
    assert 0 < len(kept) < sentences, "the kill came mid-translation"
    return kept


def test_terminated_mid_translation_stops_cleanly(workspace):
    kill_mid_translation(workspace, signal.SIGTERM)


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGKILL], ids=lambda s: s.name)
def test_killed_mid_translation_then_resumed(workspace, sent):
    inputs, out, database, sentences = workspace
    kept = kill_mid_translation(workspace, sent)
    resumed = start_build(inputs, out, "json,docx")
    resumed.wait(timeout=WAIT_SECONDS * 5)
    assert resumed.returncode == 0, resumed.stderr.read()[-2000:]
    assert integrity(database) == "ok"
    after = cache_rows(database)
    assert len(after) == sentences
    assert {source: after[source] for source in kept} == kept, "translations of the killed run were redone"
    data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == ARTICLES
    assert all(s["en"] for a in data["articles"] for p in a["paragraphs"] for s in p["sentences"])
    assert zipfile.ZipFile(out / "briefing.docx").testzip() is None
    assert sorted(snapshot(out)) == ["briefing.docx", "briefing.json"]


def partial_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.partial"))


@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM], ids=lambda s: s.name)
def test_stopped_while_writing_leaves_the_previous_documents_and_no_temporary_file(workspace, sent):
    _, out, _, _ = workspace
    before = snapshot(out)
    # The PDF takes seconds to typeset; the JSON and DOCX wait beside their targets meanwhile.
    process = start_build(ROOT / "seeds", out, "json,docx,pdf", "--no-translate", "--title", "New")
    wait_until(lambda: partial_files(out), process, "a temporary document")
    process.send_signal(sent)
    process.wait(timeout=WAIT_SECONDS)
    assert_stopped_cleanly(process, sent)
    assert_same_documents(out, before)


def test_killed_while_writing_keeps_the_documents_and_the_next_run_removes_its_leftovers(workspace):
    _, out, _, _ = workspace
    before = snapshot(out)
    process = start_build(ROOT / "seeds", out, "json,docx,pdf", "--no-translate", "--title", "New")
    wait_until(lambda: partial_files(out), process, "a temporary document")
    process.kill()
    process.wait(timeout=WAIT_SECONDS)
    assert {name: data for name, data in snapshot(out).items() if not name.endswith(".partial")} == before
    finished = subprocess.run([sys.executable, "-m", "briefing", "build", str(ROOT / "seeds"), "--no-translate",
                               "-f", "json", "-o", str(out)], cwd=ROOT, capture_output=True, check=False)
    assert finished.returncode == 0
    assert partial_files(out) == [], f"left behind: {[path.name for path in partial_files(out)]}"
    assert sorted(os.listdir(out)) == ["briefing.docx", "briefing.json"]

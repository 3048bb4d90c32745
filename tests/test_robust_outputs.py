"""Output folders that fail: full disk, read-only, in the way, bad names; previous documents survive.

A real full disk is a small tmpfs mounted for the test (root only; skipped elsewhere), and the
same failure is also simulated by a renderer raising ENOSPC so that it is tested everywhere.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from briefing.cli import main

ARABIC_TEXT_FORMATS = "json,docx"


def run_cli(monkeypatch, capsys, *args: str) -> tuple[int, str, list[str]]:
    """``briefing ARGS`` in this process: exit code, stdout, the non-blank stderr lines."""
    monkeypatch.setattr(sys, "argv", ["briefing", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    captured = capsys.readouterr()
    lines = [line for line in captured.err.splitlines() if line.strip() and not line.startswith("Translating")]
    return exited.value.code, captured.out, lines


def build(monkeypatch, capsys, out: Path, *extra: str) -> tuple[int, str, list[str]]:
    seeds = [str(path) for path in SEEDS]
    return run_cli(monkeypatch, capsys, "build", *seeds, "--no-translate", "-f", ARABIC_TEXT_FORMATS, "-o", str(out), *extra)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (hidden ones too) and its bytes."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


@pytest.fixture
def small_disk(tmp_path):
    """A 512 kB tmpfs mounted for this test, unmounted after it."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount_point)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def fill(folder: Path) -> None:
    """Write zeros into ``folder`` until the disk is full."""
    with open(folder / "filler", "wb") as filler:
        try:
            while True:
                filler.write(bytes(64 * 1024))
                filler.flush()
        except OSError as error:
            assert error.errno == errno.ENOSPC


def test_full_disk_is_one_error_and_the_previous_documents_stay(monkeypatch, capsys, small_disk):
    out = small_disk / "briefings" / "today"
    code, stdout, _ = build(monkeypatch, capsys, out, "--title", "First run")
    assert code == 0 and len(stdout.splitlines()) == 2
    before = snapshot(out)
    fill(small_disk)
    code, stdout, lines = build(monkeypatch, capsys, out, "--title", "Second run, different content")
    assert code == 2 and stdout == ""
    [line] = lines
    assert line.startswith(f"error: {out}: cannot write the documents (No space left on device)")
    assert snapshot(out) == before


def test_a_format_failing_after_another_was_rendered_changes_no_document(monkeypatch, capsys, tmp_path):
    from briefing.render.docx import DocxRenderer

    out = tmp_path / "out"
    assert build(monkeypatch, capsys, out, "--title", "First run")[0] == 0
    before = snapshot(out)

    def disk_full(self, briefing, path):
        Path(path).write_bytes(b"half a document")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(DocxRenderer, "render_to", disk_full)
    code, _, lines = build(monkeypatch, capsys, out, "--title", "Second run")  # JSON first, then DOCX
    assert code == 2
    assert lines == [
        f"error: {out}: cannot write the documents (No space left on device); no previous document was changed"
    ]
    assert snapshot(out) == before


def test_interrupted_rendering_changes_no_document(monkeypatch, capsys, tmp_path):
    from briefing.render.docx import DocxRenderer

    out = tmp_path / "out"
    assert build(monkeypatch, capsys, out, "--title", "First run")[0] == 0
    before = snapshot(out)

    def interrupted(self, briefing, path):
        Path(path).write_bytes(b"half a document")
        raise KeyboardInterrupt

    monkeypatch.setattr(DocxRenderer, "render_to", interrupted)
    code, _, lines = build(monkeypatch, capsys, out, "--title", "Second run")
    assert code == 130
    assert lines == ["interrupted: no output file was left half-written"]
    assert snapshot(out) == before


@pytest.fixture
def read_only_folder(tmp_path):
    """A read-only tmpfs (root), or a folder without write permission (other users)."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    if os.geteuid() != 0:
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        yield folder
        folder.chmod(stat.S_IRWXU)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)],
                             capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a read-only tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_an_unwritable_output_folder_is_refused_before_the_model_is_needed(
    monkeypatch, capsys, packages_dir, read_only_folder
):
    """No model is installed: the output error coming first shows nothing was translated."""
    out = read_only_folder / "out"
    code, stdout, lines = run_cli(monkeypatch, capsys, "build", str(SEEDS[0]), "-o", str(out))
    assert code == 2 and stdout == ""
    message = "cannot write here (permission denied or read-only); choose another -o folder"
    assert lines == [f"error: {read_only_folder}: {message}"]


def test_an_output_folder_inside_a_file_is_refused_before_the_model_is_needed(
    monkeypatch, capsys, packages_dir, tmp_path
):
    blocker = tmp_path / "report.pdf"
    blocker.write_bytes(b"%PDF-1.7 an analyst's file")
    code, _, lines = run_cli(monkeypatch, capsys, "build", str(SEEDS[0]), "-o", str(blocker / "out"))
    assert code == 2
    assert lines == [f"error: {blocker}: is a file, so the output folder {blocker / 'out'} cannot be made there"]
    assert blocker.read_bytes() == b"%PDF-1.7 an analyst's file"


def test_a_missing_output_folder_is_made_with_its_parents(monkeypatch, capsys, tmp_path):
    out = tmp_path / "a" / "b" / "c"
    code, stdout, _ = build(monkeypatch, capsys, out)
    assert code == 0
    assert stdout.splitlines() == [f"wrote {out / 'briefing.json'}", f"wrote {out / 'briefing.docx'}"]


@pytest.mark.parametrize("name", ["../escaped", "sub/briefing", "/tmp/absolute", "..", ".", "a\\b", "x" * 201])
def test_a_document_name_with_folders_or_too_long_is_refused(monkeypatch, capsys, tmp_path, name):
    out = tmp_path / "out"
    code, _, lines = build(monkeypatch, capsys, out, "--name", name)
    assert code == 2
    assert lines == [f"error: {name!r} cannot be a document name: use a plain file name without folders"]
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_article_titles_never_name_files(monkeypatch, capsys, tmp_path):
    """A headline full of path syntax changes nothing about where documents go."""
    article = tmp_path / "in" / "article.txt"
    article.parent.mkdir()
    article.write_text("../../etc/passwd عنوان/مع\\فواصل ومسار ..\nنص المقال هنا عن روسيا والعراق.\n", encoding="utf-8")
    out = tmp_path / "out"
    code, _, _ = run_cli(monkeypatch, capsys, "build", str(article), "--no-translate", "-f", "json,docx,html",
                              "-o", str(out))
    assert code == 0
    assert sorted(path.name for path in out.iterdir()) == ["briefing.docx", "briefing.html", "briefing.json"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in", "out"]


def test_docx_writer_strips_characters_xml_forbids_from_any_text(tmp_path):
    """Ingest removes them from articles, but titles, English and summaries reach the writer too."""
    import docx

    from briefing.pipeline import read_articles, write_outputs
    from briefing.structure import Briefing

    articles = read_articles([SEEDS[0]])
    articles[0].paragraphs[1].sentences[0].en = "bad\x01 English\x1f\ufffe"
    briefing = Briefing(title="Title\x07 with a bell", articles=articles)
    [path] = write_outputs(briefing, tmp_path, ["docx"])
    text = "\n".join(paragraph.text for paragraph in docx.Document(str(path)).paragraphs)
    assert "Title with a bell" in text


def test_the_translation_cache_is_private_to_the_user(tmp_path, monkeypatch, capsys, installed_model):
    """The cache stores every translated sentence; on a shared machine only its owner may read it."""
    cache = tmp_path / "private-cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache))
    code, _, _ = run_cli(monkeypatch, capsys, "build", str(SEEDS[0]), "-f", "json", "-o", str(tmp_path / "out"))
    assert code == 0
    assert stat.S_IMODE(cache.stat().st_mode) & 0o077 == 0
    for part in cache.iterdir():
        assert stat.S_IMODE(part.stat().st_mode) & 0o077 == 0, part.name

"""Atomic writes: a document appears whole or not at all, and killed runs' leftovers are cleaned."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from briefing.atomic import atomic_path, remove_leftovers


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"previous")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as temporary:
            temporary.write_bytes(b"half")
            raise RuntimeError("renderer crashed")
    assert target.read_bytes() == b"previous"
    assert list(tmp_path.iterdir()) == [target]


def test_a_successful_write_replaces_the_file(tmp_path):
    target = tmp_path / "briefing.pdf"
    target.write_bytes(b"previous")
    with atomic_path(target) as temporary:
        temporary.write_bytes(b"new")
    assert target.read_bytes() == b"new"
    assert list(tmp_path.iterdir()) == [target]


def test_leftovers_of_dead_processes_go_and_those_of_running_ones_stay(tmp_path):
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(finished.stdout)
    dead = tmp_path / f".briefing.pdf.{dead_pid}.partial"
    alive = tmp_path / f".briefing.docx.{os.getpid()}.partial"
    unrelated = tmp_path / ".notes.partial"
    for path in (dead, alive, unrelated):
        path.write_bytes(b"x")
    assert remove_leftovers(tmp_path) == [dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, unrelated.name])


def test_a_stop_a_library_swallowed_still_stops_before_documents_are_renamed(tmp_path, monkeypatch):
    import signal

    from conftest import SEEDS

    from briefing import interrupts
    from briefing.pipeline import read_articles, write_outputs
    from briefing.structure import Briefing

    monkeypatch.setattr(interrupts, "_stop_requested", False)
    try:  # what cffi does with an exception raised in a callback: print it and go on
        interrupts._stop(signal.SIGTERM, None)
    except KeyboardInterrupt:
        pass
    briefing = Briefing(title="Stopped", articles=read_articles([SEEDS[0]]))
    with pytest.raises(KeyboardInterrupt):
        write_outputs(briefing, tmp_path, ["json", "docx"])
    assert list(tmp_path.iterdir()) == []

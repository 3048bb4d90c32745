"""Engines for testing the translation layers without a model, and a CLI runner."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

import pytest

from briefing.structure import ModelInfo
from briefing.translate.base import Engine, Stream, Translation


class ScriptedEngine(Engine):
    """Answers each sentence with ``answer(sentence)`` and records every sentence it was asked."""

    def __init__(self, answer: Callable[[str], str] = lambda sentence: f"EN<{sentence}>", score: float | None = None):
        self.answer = answer
        self.score = score
        self.asked: list[str] = []

    @property
    def model(self) -> ModelInfo:
        return ModelInfo(name="scripted", version="1")

    def stream(self, sentences: Sequence[str]) -> Stream:
        for position, sentence in enumerate(sentences):
            self.asked.append(sentence)
            yield position, Translation(self.answer(sentence), "mt", self.score)


def run_cli(monkeypatch: pytest.MonkeyPatch, capsys, *args: str) -> tuple[int, str, str]:
    """Run ``briefing ARGS`` in this process; returns exit code, stdout and stderr."""
    from briefing.cli import main

    monkeypatch.setattr(sys, "argv", ["briefing", *args])
    with pytest.raises(SystemExit) as exited:
        main()
    captured = capsys.readouterr()
    return exited.value.code, captured.out, captured.err

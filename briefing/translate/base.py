"""What every translation engine offers the pipeline."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass

from briefing.structure import ModelInfo

Progress = Callable[[int], None]
"""Called with the number of sentences just finished."""


@dataclass
class Translation:
    """The English for one source sentence and where it came from."""

    text: str
    origin: str
    score: float | None = None


class Engine(ABC):
    """Translates Arabic sentences to English, one output per input, in order."""

    @property
    @abstractmethod
    def model(self) -> ModelInfo:
        """The model that makes the English, for the cover and the JSON."""

    @abstractmethod
    def translate(self, sentences: list[str], progress: Progress | None = None) -> list[Translation]:
        """Translate every sentence; ``result[i]`` belongs to ``sentences[i]``."""

"""Human translations first: a translation memory (``--memory FILE.tmx``) and imported post-edits.

A sentence found in a memory takes that memory's English instead of the model's. Matching is
exact after normalising what does not change the words: runs of whitespace, tatweel, Arabic
diacritics and invisible formatting characters.

Post-edits imported from XLIFF (``briefing import-xliff``) are kept as a TMX file in the user
data folder (``BRIEFING_DATA_DIR`` if set, else the platform's, e.g.
``~/.local/share/briefing/edits.tmx``), outside the cache, so ``briefing cache clear`` never
loses human work; every later build uses them, with origin ``edited``.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from briefing.textnorm import strip_invisible
from briefing.translate.base import (
    Engine,
    Layer,
    Stream,
    Translation,
    answer_or_delegate,
)
from briefing.translate.tmx import read_tmx, write_tmx

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # diacritics, Quranic marks, tatweel


def normalise(text: str) -> str:
    """The form two sentences must share to count as the same sentence for a memory."""
    text = unicodedata.normalize("NFC", strip_invisible(text))
    return " ".join(_MARKS.sub("", text).split())


class TranslationMemory:
    """Source sentence -> English, looked up by ``normalise``d source; later pairs win."""

    def __init__(self, pairs: Iterable[tuple[str, str]] = ()):
        self._english: dict[str, str] = {}
        self._source: dict[str, str] = {}
        self.add(pairs)

    @classmethod
    def from_tmx(cls, path: Path) -> TranslationMemory:
        return cls(read_tmx(path))

    def add(self, pairs: Iterable[tuple[str, str]]) -> None:
        for source, english in pairs:
            key = normalise(source)
            if key and english.strip():
                self._english[key] = english.strip()
                self._source[key] = source

    def lookup(self, sentence: str) -> str | None:
        return self._english.get(normalise(sentence))

    def pairs(self) -> list[tuple[str, str]]:
        return [(self._source[key], english) for key, english in self._english.items()]

    def __len__(self) -> int:
        return len(self._english)


class MemoryEngine(Layer):
    """Answers sentences the memory knows with ``origin``; the engine below gets the rest."""

    def __init__(self, inner: Engine, memory: TranslationMemory, origin: str):
        super().__init__(inner)
        self.memory = memory
        self.origin = origin

    def stream(self, sentences: Sequence[str]) -> Stream:
        known = {}
        for position, sentence in enumerate(sentences):
            english = self.memory.lookup(sentence)
            if english is not None:
                known[position] = Translation(text=english, origin=self.origin)
        yield from answer_or_delegate(sentences, known, self.inner)


def data_dir() -> Path:
    """Where briefing keeps the user's own work: ``BRIEFING_DATA_DIR``, else the platform's folder."""
    configured = os.environ.get("BRIEFING_DATA_DIR")
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("briefing", appauthor=False))


def edits_path() -> Path:
    return data_dir() / "edits.tmx"


def load_edits() -> TranslationMemory:
    """The imported post-edits (an empty memory before the first import)."""
    path = edits_path()
    return TranslationMemory.from_tmx(path) if path.exists() else TranslationMemory()


def save_edits(pairs: Iterable[tuple[str, str]]) -> TranslationMemory:
    """Add post-edits to the stored ones (a new edit of a sentence replaces the old) and save."""
    edits = load_edits()
    edits.add(pairs)
    edits_path().parent.mkdir(parents=True, exist_ok=True)
    write_tmx(edits.pairs(), edits_path())
    return edits

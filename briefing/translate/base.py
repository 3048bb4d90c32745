"""What every translation engine offers the pipeline, and the plumbing shared by engine layers.

An engine streams ``(position, Translation)`` pairs in whatever order they finish, so a layer
that persists results (the cache) can save each one as soon as it exists: an interrupted run
keeps everything finished before the interruption. ``translate`` gathers the stream back into
input order for callers that just want the list.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from briefing.structure import ModelInfo

Progress = Callable[[int], None]
"""Called with the number of sentences just finished."""

Stream = Iterator[tuple[int, "Translation"]]
"""``(position in the input list, its translation)`` pairs, each position exactly once."""


@dataclass
class Translation:
    """The English for one source sentence, where it came from and what deserves a human look.

    ``origin`` is ``mt`` (the model), ``tm`` (a translation memory), ``edited`` (a post-edit
    imported from XLIFF) or ``glossary`` (the whole sentence is a glossary term); ``flags``
    are names from ``briefing.translate.flags.FLAG_EXPLANATIONS``.
    """

    text: str
    origin: str
    score: float | None = None
    flags: list[str] = field(default_factory=list)

    def with_flags(self, *flags: str) -> Translation:
        """A copy with ``flags`` added (each once, in order)."""
        return replace(self, flags=list(dict.fromkeys([*self.flags, *flags])))


class Engine(ABC):
    """Translates Arabic sentences to English, one output per input."""

    @property
    @abstractmethod
    def model(self) -> ModelInfo:
        """The model that makes the English, for the cover and the JSON."""

    @abstractmethod
    def stream(self, sentences: Sequence[str]) -> Stream:
        """Yield ``(i, translation of sentences[i])`` for every ``i``, in any order."""

    def translate(self, sentences: Sequence[str], progress: Progress | None = None) -> list[Translation]:
        """Every sentence's translation in input order; ``progress(1)`` after each one."""
        results: list[Translation | None] = [None] * len(sentences)
        for position, translation in self.stream(sentences):
            results[position] = translation
            if progress:
                progress(1)
        missing = [i for i, result in enumerate(results) if result is None]
        if missing:
            raise RuntimeError(f"engine gave no translation for sentences {missing[:5]}")
        return results  # type: ignore[return-value]


class Layer(Engine):
    """An engine that adds one service on top of another (``inner``) and reports its model."""

    def __init__(self, inner: Engine):
        self.inner = inner

    @property
    def model(self) -> ModelInfo:
        return self.inner.model


def answer_or_delegate(
    sentences: Sequence[str], known: dict[int, Translation], inner: Engine
) -> Stream:
    """Yield the ``known`` answers at once, then stream the other sentences through ``inner``.

    Layers that answer some sentences themselves (memory, cache) use this so the inner engine
    sees only the rest and is not touched at all when nothing is left.
    """
    yield from known.items()
    missing = [i for i in range(len(sentences)) if i not in known]
    if missing:
        for inner_position, translation in inner.stream([sentences[i] for i in missing]):
            yield missing[inner_position], translation

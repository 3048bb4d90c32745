"""What the CTranslate2 engines share: batching, clause splitting, flags, one lazy model load.

Every engine here runs a CTranslate2 Transformer (an Argos package, or an OPUS-MT model
converted at install), so one class does the work and each engine says only how its
sentences become tokens and its tokens English:

* sentences come from our own segmenter (Argos's sentence splitter would download a model);
* all sentences of all articles are sorted by length and cut into token-sized batches that
  run in parallel on the worker threads, instead of one call per paragraph with Argos's
  32-token batches (which in practice translate one sentence at a time);
* a sentence longer than ``max_input_tokens`` is translated clause by clause
  (``briefing.segment.split_clauses``) and the pieces joined, flagged ``split``; an output
  that reaches ``max_decoding_length`` is flagged ``truncated``, so nothing is cut silently.

The model is loaded once, on the first sentence that needs it: a run whose sentences all come
from the cache or a memory never reads the model files.
"""

from __future__ import annotations

import os
import time
from abc import abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from briefing.errors import BriefingError
from briefing.structure import ModelInfo
from briefing.translate.base import Engine, Stream, Translation

COMPUTE_TYPES = ("auto", "int8", "int8_float32", "float32", "default")
"""``auto`` means int8 where the CPU supports it (Argos models are shipped int8), else the model's own type."""

_POLL_SECONDS = 0.005
"""How often finished batches are collected; small next to a batch's time."""


@dataclass(frozen=True)
class DecodingOptions:
    """Argos's decoding settings (``beam_size`` 4, ``length_penalty`` 0.2) and how to run them.

    ``output_key`` holds the settings that change the English, for the translation cache; the
    thread and batch settings only change the speed.
    """

    beam_size: int = 4
    length_penalty: float = 0.2
    compute_type: str = "auto"
    max_input_tokens: int = 200
    max_decoding_length: int = 256
    max_batch_tokens: int = 2048
    threads: int = 0

    def __post_init__(self):
        if self.compute_type not in COMPUTE_TYPES:
            raise BriefingError(
                f"unknown compute type {self.compute_type!r}: choose from {', '.join(COMPUTE_TYPES)}"
            )
        if self.beam_size < 1:
            raise BriefingError(f"beam size must be at least 1, not {self.beam_size}")
        if self.threads < 0:
            raise BriefingError(f"threads must be 0 (all cores) or more, not {self.threads}")

    def resolved_compute_type(self) -> str:
        if self.compute_type != "auto":
            return self.compute_type
        import ctranslate2

        return "int8" if "int8" in ctranslate2.get_supported_compute_types("cpu") else "default"

    def worker_threads(self) -> tuple[int, int]:
        """``(inter_threads, intra_threads)``: one batch per core, which measured fastest on CPU."""
        cores = self.threads or _usable_cores()
        return cores, 1

    def output_key(self) -> str:
        return (
            f"beam={self.beam_size};lp={self.length_penalty};compute={self.resolved_compute_type()};"
            f"max_in={self.max_input_tokens};max_out={self.max_decoding_length}"
        )


class Tokenizer(Protocol):
    def encode(self, sentence: str) -> list[str]: ...

    def decode(self, tokens: list[str]) -> str: ...


class InstalledModel(Protocol):
    """What an engine needs of an installed model folder (Argos package or OPUS-MT conversion)."""

    path: Path
    name: str
    package_version: str
    from_code: str
    to_code: str
    format: str

    @property
    def identity(self) -> str: ...

    def tokenizer(self) -> Tokenizer: ...

    def size_bytes(self) -> int: ...


class CTranslate2Engine(Engine):
    """Loads the model's CTranslate2 files once, on first use, and streams translations of sentences.

    A subclass names its model (``model_name``) and turns the model's output tokens into English
    (``english``); ``source_prefix`` and ``target_prefix`` are tokens the model expects before
    every input and every output (a target-language token, for instance).
    """

    source_prefix: tuple[str, ...] = ()
    target_prefix: str = ""

    def __init__(self, package: InstalledModel, options: DecodingOptions | None = None):
        self.package = package
        self.options = options or DecodingOptions()
        self._translator = None
        self._tokenizer = None

    @property
    @abstractmethod
    def model_name(self) -> str:
        """How the cover, the JSON and the XLIFF header name the model (its version comes with it)."""

    @property
    def model(self) -> ModelInfo:
        return ModelInfo(name=self.model_name, version=self.package.package_version, path=str(self.package.path))

    @abstractmethod
    def english(self, tokens: list[str]) -> str:
        """The English of one output (the model's target tokens, any ``target_prefix`` included)."""

    @property
    def tokenizer(self):
        if self._tokenizer is None:
            self._tokenizer = self.package.tokenizer()
        return self._tokenizer

    def translator(self):
        """The CTranslate2 translator, created on first call; unreadable model files are a user error."""
        if self._translator is None:
            import ctranslate2

            inter_threads, intra_threads = self.options.worker_threads()
            try:
                self._translator = ctranslate2.Translator(
                    str(self.package.path / "model"),
                    device="cpu",
                    compute_type=self.options.resolved_compute_type(),
                    inter_threads=inter_threads,
                    intra_threads=intra_threads,
                )
            except (RuntimeError, ValueError, OSError) as error:
                raise BriefingError(
                    f"{self.package.path / 'model'}: cannot load the translation model ({error}); "
                    "reinstall it with `briefing models install`"
                ) from None
        return self._translator

    def stream(self, sentences: Sequence[str]) -> Stream:
        if not sentences:
            return
        groups: list[range] = []  # the piece indices of each sentence
        pieces: list[list[str]] = []
        for sentence in sentences:
            sentence_pieces = self._pieces(sentence)
            groups.append(range(len(pieces), len(pieces) + len(sentence_pieces)))
            pieces.extend(sentence_pieces)
        owner = [position for position, group in enumerate(groups) for _ in group]
        waiting = [len(group) for group in groups]
        outputs: dict[int, object] = {}
        for index, output in self._run(pieces):
            outputs[index] = output
            position = owner[index]
            waiting[position] -= 1
            if not waiting[position]:
                yield position, self._translation([outputs.pop(i) for i in groups[position]])

    def _pieces(self, sentence: str) -> list[list[str]]:
        """The sentence's tokens, or the tokens of each clause if it is too long for the model."""
        from briefing.translate.splitting import pieces_within

        encode = self.tokenizer.encode
        tokens = encode(sentence)
        if len(tokens) <= self.options.max_input_tokens:
            return [tokens]
        limit = self.options.max_input_tokens
        return [encode(text) for text in pieces_within(sentence, limit, lambda text: len(encode(text)))]

    def _run(self, pieces: list[list[str]]) -> Iterator[tuple[int, object]]:
        """``(piece index, CTranslate2 result)`` as batches finish.

        Pieces are sorted longest first and cut into batches of at most ``max_batch_tokens``
        (padded) tokens, fewer for a small job so that every worker thread gets a batch. Only
        two batches per worker are queued at a time: CTranslate2 finishes queued work before
        the process can exit, so an unbounded queue would make Ctrl-C wait for the whole job.
        """
        inter_threads, _ = self.options.worker_threads()
        padded = sum(len(piece) for piece in pieces)
        batch_tokens = max(64, min(self.options.max_batch_tokens, padded // inter_threads + 1))
        waiting = iter(_batches(pieces, batch_tokens))
        running: list[tuple[list[int], list]] = []
        while True:
            while len(running) < 2 * inter_threads and (batch := next(waiting, None)) is not None:
                running.append((batch, self._submit([pieces[i] for i in batch])))
            if not running:
                return
            finished = [item for item in running if _batch_done(item[1])]
            for item in finished:
                running.remove(item)
                batch, results = item
                for index, result in zip(batch, results, strict=True):
                    yield index, result.result()
            if not finished:
                time.sleep(_POLL_SECONDS)

    def _submit(self, batch: list[list[str]]) -> list:
        """Queue one batch with the decoding settings (Argos's, by default) and the model's prefixes."""
        prefix = self.target_prefix
        if self.source_prefix:
            batch = [[*self.source_prefix, *tokens] for tokens in batch]
        return self.translator().translate_batch(
            batch,
            target_prefix=[[prefix]] * len(batch) if prefix else None,
            asynchronous=True,
            max_batch_size=0,
            beam_size=self.options.beam_size,
            num_hypotheses=1,
            length_penalty=self.options.length_penalty,
            max_decoding_length=self.options.max_decoding_length,
            replace_unknowns=True,
            return_scores=True,
        )

    def _translation(self, outputs: list) -> Translation:
        """Join the pieces of one sentence; flag a split sentence and any output cut at the limit.

        The score is the average log-probability per output token (``</s>`` included):
        CTranslate2 returns the sum divided by ``length ** length_penalty``, which is undone here
        so that sentences of any length compare.
        """
        texts, log_probability, steps, flags = [], 0.0, 0, []
        for output in outputs:
            tokens = output.hypotheses[0]
            texts.append(self.english(tokens))
            length = len(tokens) + 1
            log_probability += output.scores[0] * length**self.options.length_penalty
            steps += length
            if len(tokens) >= self.options.max_decoding_length:
                flags.append("truncated")
        if len(outputs) > 1:
            flags.append("split")
        text = " ".join(t for t in texts if t)
        return Translation(text=text, origin="mt", score=log_probability / steps, flags=flags)


def _batch_done(results: list) -> bool:
    """Whether every result of one queued batch is ready, asking its last result first.

    A batch is one CTranslate2 job whose results are set in order, so the last one is ready
    only when all are; asking it first keeps each poll to one call per unfinished batch instead
    of one per sentence.
    """
    return results[-1].done() and all(result.done() for result in results)


def _usable_cores() -> int:
    """The cores this process may run on (a container or ``taskset`` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _batches(pieces: list[list[str]], max_tokens: int) -> list[list[int]]:
    """Piece indices grouped longest first so that no batch exceeds ``max_tokens`` once padded."""
    order = sorted(range(len(pieces)), key=lambda index: -len(pieces[index]))
    batches: list[list[int]] = []
    for index in order:
        if batches and len(pieces[batches[-1][0]]) * (len(batches[-1]) + 1) <= max_tokens:
            batches[-1].append(index)
        else:
            batches.append([index])
    return batches

"""The Argos Translate engine: an installed ar->en package run through CTranslate2.

Tokenization and decoding follow ``argostranslate.translate.apply_packaged_translation`` so the
English equals what Argos itself gives, but sentences come from our own segmenter (Argos's
sentence splitter would download a model) and all sentences of all articles are translated in
one batched call instead of one call per paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.structure import ModelInfo
from briefing.translate.base import Engine, Progress, Translation
from briefing.translate.packages import InstalledPackage, find_package


@dataclass(frozen=True)
class DecodingOptions:
    """Argos's decoding settings; ``beam_size`` 4 and ``length_penalty`` 0.2 are its defaults."""

    beam_size: int = 4
    length_penalty: float = 0.2
    max_batch_tokens: int = 2048
    compute_type: str = "default"
    inter_threads: int = 1
    intra_threads: int = 0


class ArgosEngine(Engine):
    """Loads the package's model once, on first use, and translates lists of sentences."""

    chunk_sentences = 64
    """Sentences handed to CTranslate2 per call: large enough to batch well, small enough for progress."""

    def __init__(self, package: InstalledPackage | None = None, options: DecodingOptions | None = None):
        self.package = package or find_package()
        self.options = options or DecodingOptions()
        self._translator = None
        self._argos_package = None

    @property
    def model(self) -> ModelInfo:
        return ModelInfo(
            name=f"Argos Translate {self.package.name}",
            version=self.package.package_version,
            path=str(self.package.path),
        )

    @property
    def tokenizer(self):
        """The package's own tokenizer (SentencePiece or BPE), as Argos builds it."""
        if self._argos_package is None:
            from argostranslate.package import Package

            self._argos_package = Package(self.package.path)
        return self._argos_package.tokenizer

    def _load(self):
        if self._translator is None:
            import ctranslate2

            self._translator = ctranslate2.Translator(
                str(self.package.path / "model"),
                device="cpu",
                compute_type=self.options.compute_type,
                inter_threads=self.options.inter_threads,
                intra_threads=self.options.intra_threads,
            )
        return self._translator

    def translate(self, sentences: list[str], progress: Progress | None = None) -> list[Translation]:
        if not sentences:
            return []
        translator = self._load()
        tokenizer = self.tokenizer
        target_prefix = self._argos_package.target_prefix
        results: list[Translation] = []
        for first in range(0, len(sentences), self.chunk_sentences):
            chunk = sentences[first : first + self.chunk_sentences]
            tokens = [tokenizer.encode(sentence) for sentence in chunk]
            outputs = translator.translate_batch(
                tokens,
                target_prefix=[[target_prefix]] * len(tokens) if target_prefix else None,
                replace_unknowns=True,
                max_batch_size=self.options.max_batch_tokens,
                batch_type="tokens",
                beam_size=self.options.beam_size,
                num_hypotheses=1,
                length_penalty=self.options.length_penalty,
                return_scores=True,
            )
            for output in outputs:
                text = _detokenize(tokenizer.decode(output.hypotheses[0]), target_prefix)
                results.append(Translation(text=text, origin="mt", score=output.scores[0]))
            if progress:
                progress(len(chunk))
        return results


def _detokenize(value: str, target_prefix: str) -> str:
    """Argos's post-processing: drop the target prefix and the tokenizer's leading space."""
    if target_prefix and value.startswith(target_prefix):
        value = value[len(target_prefix) :]
    if value.startswith(" "):
        value = value[1:]
    return value

"""The Argos Translate engine: an installed ar->en Argos package run through CTranslate2.

Tokenization and decoding follow ``argostranslate.translate.apply_packaged_translation`` so the
English equals what Argos itself gives for a sentence (its tokenizer, its target prefix, its
leading-space rule); batching, clause splitting and flags are ``CTranslate2Engine``'s.
"""

from __future__ import annotations

from briefing.translate.ctranslate2_engine import CTranslate2Engine, DecodingOptions
from briefing.translate.installed import newest_model
from briefing.translate.packages import ARGOS_FORMAT, InstalledPackage


class ArgosEngine(CTranslate2Engine):
    """An Argos package (by default the newest ar->en one installed)."""

    package: InstalledPackage

    def __init__(self, package: InstalledPackage | None = None, options: DecodingOptions | None = None):
        super().__init__(package or newest_model(ARGOS_FORMAT), options)
        self.target_prefix = self.package.target_prefix

    @property
    def model_name(self) -> str:
        return f"Argos Translate {self.package.name}"

    def english(self, tokens: list[str]) -> str:
        return _detokenize(self.tokenizer.decode(tokens), self.target_prefix)


def _detokenize(value: str, target_prefix: str) -> str:
    """Argos's post-processing: drop the target prefix and the tokenizer's leading space."""
    if target_prefix and value.startswith(target_prefix):
        value = value[len(target_prefix) :]
    if value.startswith(" "):
        value = value[1:]
    return value

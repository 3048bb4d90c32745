"""The OPUS-MT engine: a Marian model converted at install (``briefing.translate.opus_mt_install``).

Arabic is cut into pieces with the release's ``source.spm``, a multi-target model gets its
English token (``>>eng<<``) first, and the English is joined with ``target.spm``; batching,
clause splitting and flags are ``CTranslate2Engine``'s, so both engines behave alike.
"""

from __future__ import annotations

from briefing.translate.ctranslate2_engine import CTranslate2Engine, DecodingOptions
from briefing.translate.opus_mt_package import OpusMTPackage


class OpusMTEngine(CTranslate2Engine):
    """An installed OPUS-MT / Tatoeba-MT model."""

    package: OpusMTPackage

    def __init__(self, package: OpusMTPackage, options: DecodingOptions | None = None):
        super().__init__(package, options)
        self.source_prefix = (package.source_prefix,) if package.source_prefix else ()

    @property
    def model_name(self) -> str:
        return f"OPUS-MT {self.package.name}"

    def english(self, tokens: list[str]) -> str:
        return self.tokenizer.decode(tokens)

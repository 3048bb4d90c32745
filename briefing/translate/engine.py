"""The engine a build uses: human translations, then glossary protection, then the cached model.

Layers, outermost first (each a small ``Engine`` wrapping the next)::

    edited memory -> --memory TMX -> glossary -> Western digits -> quality flags -> cache -> model

The model is an Argos package or an OPUS-MT conversion (``--model NAME``, else the default);
both engines are ``CTranslate2Engine``s, so every layer above works the same for either.

Human work wins (post-edits imported from XLIFF over a TMX memory over the model); glossary
protection and digit conversion sit above the cache, so the cache holds what the model itself
was given and said, and a changed glossary English needs no new model run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.translate.base import Engine
from briefing.translate.ctranslate2_engine import CTranslate2Engine, DecodingOptions, InstalledModel
from briefing.translate.glossary import Glossary, GlossaryEngine, GlossaryTerm


@dataclass(frozen=True)
class EngineSettings:
    """Everything a user can choose about translation (the CLI options of build and translate)."""

    decoding: DecodingOptions = field(default_factory=DecodingOptions)
    glossary: Path | None = None
    names: tuple[GlossaryTerm, ...] = ()
    """Names found in the articles (the actors list), protected like glossary terms so the
    English text uses the summary's names; an entry of the ``glossary`` file wins over them."""
    memory: Path | None = None
    use_cache: bool = True
    use_edits: bool = True
    model: str | None = None
    """``--model NAME``: which installed model (``briefing.translate.installed.find_model``)."""


def model_engine(package: InstalledModel, options: DecodingOptions) -> CTranslate2Engine:
    """The engine that runs ``package``, by its kind."""
    from briefing.translate.opus_mt_package import OPUS_MT_FORMAT

    if package.format == OPUS_MT_FORMAT:
        from briefing.translate.opus_mt import OpusMTEngine

        return OpusMTEngine(package, options)  # type: ignore[arg-type]
    from briefing.translate.argos import ArgosEngine

    return ArgosEngine(package, options)  # type: ignore[arg-type]


def build_engine(settings: EngineSettings | None = None, package: InstalledModel | None = None) -> Engine:
    """The layered engine; glossary and memory files are read now, the model only when needed."""
    from briefing.translate.flags import GuardedEngine
    from briefing.translate.installed import choose_model
    from briefing.translate.numerals import WesternDigitsEngine

    settings = settings or EngineSettings()
    model = model_engine(package or choose_model(settings.model), settings.decoding)
    engine: Engine = model
    if settings.use_cache:
        from briefing.translate.cache import CachedEngine, TranslationCache

        engine = CachedEngine(engine, TranslationCache(), cache_namespace(model))
    engine = WesternDigitsEngine(GuardedEngine(engine))
    terms = list(Glossary.load(settings.glossary).terms) if settings.glossary is not None else []
    chosen = {term.arabic for term in terms}
    terms += [name for name in settings.names if name.arabic not in chosen]
    if terms:
        engine = GlossaryEngine(engine, Glossary(terms))
    if settings.memory is not None:
        from briefing.translate.memory import MemoryEngine, TranslationMemory

        engine = MemoryEngine(engine, TranslationMemory.from_tmx(settings.memory), "tm")
    if settings.use_edits:
        from briefing.translate.memory import MemoryEngine, load_edits

        edits = load_edits()
        if len(edits):
            engine = MemoryEngine(engine, edits, "edited")
    return engine


def cache_namespace(model: CTranslate2Engine) -> str:
    """The model's identity and the options that change its English: what cache entries belong to."""
    return f"{model.package.identity}|{model.options.output_key()}"

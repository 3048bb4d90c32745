"""The engine a build uses: human translations, then glossary protection, then the cached model.

Layers, outermost first (each a small ``Engine`` wrapping the next)::

    edited memory -> --memory TMX -> glossary -> Western digits -> quality flags -> cache -> Argos

Human work wins (post-edits imported from XLIFF over a TMX memory over the model); glossary
protection and digit conversion sit above the cache, so the cache holds what the model itself
was given and said, and a changed glossary English needs no new model run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.translate.argos import ArgosEngine, DecodingOptions
from briefing.translate.base import Engine
from briefing.translate.glossary import Glossary, GlossaryEngine, GlossaryTerm
from briefing.translate.packages import InstalledPackage


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


def build_engine(settings: EngineSettings | None = None, package: InstalledPackage | None = None) -> Engine:
    """The layered engine; glossary and memory files are read now, the model only when needed."""
    from briefing.translate.flags import GuardedEngine
    from briefing.translate.numerals import WesternDigitsEngine

    settings = settings or EngineSettings()
    argos = ArgosEngine(package, settings.decoding)
    engine: Engine = argos
    if settings.use_cache:
        from briefing.translate.cache import CachedEngine, TranslationCache

        engine = CachedEngine(engine, TranslationCache(), cache_namespace(argos))
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


def cache_namespace(argos: ArgosEngine) -> str:
    """The model's identity and the options that change its English: what cache entries belong to."""
    return f"{argos.package.identity}|{argos.options.output_key()}"

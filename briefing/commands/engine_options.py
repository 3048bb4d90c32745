"""The translation options shared by ``build``, ``translate`` and ``export-xliff``.

Each command lists these parameters (Typer reads options from the signature) with the defaults
defined once here, and hands them to ``engine_factory``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Optional

import typer

GLOSSARY: Optional[Path] = typer.Option(
    None, "--glossary", help="Names and terms to keep fixed: CSV (arabic,english[,type]) or YAML."
)
MEMORY: Optional[Path] = typer.Option(
    None, "--memory", help="A TMX translation memory; its exact matches replace machine translation."
)
NO_CACHE: bool = typer.Option(
    False, "--no-cache", help="Neither read nor write the translation cache."
)
COMPUTE_TYPE: str = typer.Option(
    "auto", "--compute-type", help="auto (int8 if the CPU supports it), int8, int8_float32, float32, default."
)
BEAM_SIZE: int = typer.Option(4, "--beam-size", help="Beam search width (Argos uses 4; 1 is fastest).")
THREADS: int = typer.Option(0, "--threads", help="CPU threads for translation (0: all cores).")
MODEL: Optional[str] = typer.Option(
    None, "--model", help="Installed model to translate with (see `briefing models list`; default: `briefing models default`)."
)


def engine_factory(
    glossary: Path | None, memory: Path | None, no_cache: bool, compute_type: str, beam_size: int, threads: int,
    model: str | None = None,
) -> Callable:
    """A factory for ``make_briefing(engine=...)``: files and model are opened only once it is called,
    with the names ``make_briefing`` found in the articles."""
    from briefing.translate.ctranslate2_engine import DecodingOptions
    from briefing.translate.engine import EngineSettings, build_engine

    settings = EngineSettings(
        decoding=DecodingOptions(compute_type=compute_type, beam_size=beam_size, threads=threads),
        glossary=glossary,
        memory=memory,
        use_cache=not no_cache,
        model=model,
    )
    return lambda names=(): build_engine(replace(settings, names=tuple(names)))


def translated_briefing(paths: list[Path], factory: Callable, glossary: Path | None):
    """Read and translate the articles exactly as ``build`` does (actor names kept as in the
    summary), for the commands that print or export sentence pairs instead of documents."""
    from briefing.commands.progress import sentence_progress
    from briefing.pipeline import make_briefing

    with sentence_progress() as progress:
        return make_briefing(paths, engine=factory, progress=progress, glossary=glossary)

"""``briefing export-xliff`` and ``briefing import-xliff``: post-editing in a CAT tool and back."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from briefing.commands.engine_options import (
    BEAM_SIZE,
    COMPUTE_TYPE,
    GLOSSARY,
    MEMORY,
    MODEL,
    NO_CACHE,
    THREADS,
    engine_factory,
    translated_briefing,
)


def export_xliff(
    files: Optional[list[Path]] = typer.Argument(None, help="Arabic article files (.txt). Default: seeds/*.txt."),
    output: Path = typer.Option(Path("output/briefing.xlf"), "--output", "-o", help="The XLIFF file to write."),
    glossary: Optional[Path] = GLOSSARY,
    memory: Optional[Path] = MEMORY,
    no_cache: bool = NO_CACHE,
    compute_type: str = COMPUTE_TYPE,
    beam_size: int = BEAM_SIZE,
    threads: int = THREADS,
    model: Optional[str] = MODEL,
) -> None:
    """Write the articles' sentence pairs as XLIFF 1.2 for post-editing in a CAT tool."""
    from briefing.pipeline import default_inputs
    from briefing.translate.xliff import write_xliff

    factory = engine_factory(glossary, memory, no_cache, compute_type, beam_size, threads, model)
    briefing = translated_briefing(list(files) if files else default_inputs(), factory, glossary)
    output.parent.mkdir(parents=True, exist_ok=True)
    write_xliff(briefing, output)
    typer.echo(f"wrote {output}")


def import_xliff(
    file: Path = typer.Argument(..., help="An XLIFF 1.2 file written by export-xliff and edited in a CAT tool."),
) -> None:
    """Keep the post-edited sentences of an XLIFF file; later builds use them (origin `edited`)."""
    from briefing.translate.memory import edits_path, save_edits
    from briefing.translate.xliff import read_xliff_edits

    found = read_xliff_edits(file)
    if found.edits:
        save_edits(found.edits)
    typer.echo(
        f"imported {len(found.edits)} edited sentence{'s' if len(found.edits) != 1 else ''} "
        f"({found.unchanged} left as exported) into {edits_path()}"
    )

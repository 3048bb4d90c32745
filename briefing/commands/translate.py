"""``briefing translate FILE``: the sentence pairs of one article on stdout, for scripts and checks."""

from __future__ import annotations

import json
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
from briefing.errors import BriefingError


def translate(
    file: Path = typer.Argument(..., help="An Arabic article (.txt)."),
    as_json: bool = typer.Option(False, "--json", help="A JSON list of sentence objects."),
    as_tsv: bool = typer.Option(False, "--tsv", help="Tab-separated: article, paragraph, arabic, english, origin, flags."),
    glossary: Optional[Path] = GLOSSARY,
    memory: Optional[Path] = MEMORY,
    no_cache: bool = NO_CACHE,
    compute_type: str = COMPUTE_TYPE,
    beam_size: int = BEAM_SIZE,
    threads: int = THREADS,
    model: Optional[str] = MODEL,
) -> None:
    """Translate one article and print its Arabic/English sentence pairs.

    Without --json or --tsv: each Arabic sentence, its English on the next line, then a blank line.
    """
    if as_json and as_tsv:
        raise BriefingError("choose one of --json and --tsv")
    factory = engine_factory(glossary, memory, no_cache, compute_type, beam_size, threads, model)
    articles = translated_briefing([file], factory, glossary).articles
    rows = [
        {"article": article.id, "paragraph": paragraph.index, "ar": sentence.ar, "en": sentence.en or "",
         "origin": sentence.origin, "flags": list(sentence.flags)}
        for article in articles
        for paragraph, sentence in article.sentences()
    ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif as_tsv:
        typer.echo("article\tparagraph\tarabic\tenglish\torigin\tflags")
        for row in rows:
            cells = [row["article"], str(row["paragraph"]), row["ar"], row["en"], row["origin"], ",".join(row["flags"])]
            typer.echo("\t".join(" ".join(cell.split()) for cell in cells))
    else:
        for row in rows:
            typer.echo(f"{row['ar']}\n{row['en']}\n")

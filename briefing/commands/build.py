"""``briefing build``: articles in, side-by-side briefing documents out."""

from __future__ import annotations

from datetime import datetime
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
)
from briefing.commands.progress import sentence_progress, writing_status
from briefing.errors import InputError
from briefing.ingest import BYTES_PER_MB, DEFAULT_MAX_INPUT_MB, clean_title
from briefing.pipeline import (
    check_file_name,
    check_output_dir,
    default_inputs,
    make_briefing,
    parse_formats,
    write_outputs,
)
from briefing.render.base import paper_size
from briefing.render.html import template_folders

SKIPPED_EXIT_CODE = 3
"""``--keep-going`` built a briefing but skipped some inputs (2: nothing was built)."""


def build(
    files: Optional[list[Path]] = typer.Argument(
        None, help="Arabic article files (.txt), or folders of them. Default: seeds/*.txt."
    ),
    out_dir: Path = typer.Option(Path("output"), "--output", "-o", help="Folder for the documents."),
    formats: str = typer.Option("pdf,docx", "--format", "-f", help="Comma-separated: pdf, docx, json, html."),
    title: Optional[str] = typer.Option(None, "--title", help="Briefing title (default: date and count)."),
    name: str = typer.Option("briefing", "--name", help="File name of the documents, without extension."),
    no_translate: bool = typer.Option(
        False, "--no-translate", help="Arabic only: skip translation (no model needed), keep the analysis."
    ),
    published: Optional[datetime] = typer.Option(
        None, "--date", formats=["%Y-%m-%d"], help="Publication date (YYYY-MM-DD) for relative dates."
    ),
    paper: str = typer.Option("A4", "--paper", help="Page size of the PDF and DOCX: A4 or letter."),
    templates: Optional[Path] = typer.Option(
        None, "--templates", help="Folder overriding briefing.html.j2 and/or briefing.css (PDF, HTML)."
    ),
    keep_going: bool = typer.Option(
        False, "--keep-going", help=f"Skip unreadable inputs (each reported), build the rest, exit {SKIPPED_EXIT_CODE}."
    ),
    max_input_mb: float = typer.Option(
        DEFAULT_MAX_INPUT_MB, "--max-input-mb", min=0.001, help="Refuse input files over this size (1 MB = 10^6 bytes)."
    ),
    glossary: Optional[Path] = GLOSSARY,
    memory: Optional[Path] = MEMORY,
    no_cache: bool = NO_CACHE,
    compute_type: str = COMPUTE_TYPE,
    beam_size: int = BEAM_SIZE,
    threads: int = THREADS,
    model: Optional[str] = MODEL,
) -> None:
    """Translate the articles and write the bilingual briefing."""
    chosen = parse_formats(formats)
    paper = paper_size(paper)
    template_folders(templates)  # a missing --templates folder is refused before any translation
    check_file_name(name)
    check_output_dir(out_dir)
    inputs = list(files) if files else default_inputs()
    skipped: list[InputError] = []

    def skip(error: InputError) -> None:
        skipped.append(error)
        typer.echo(f"skipped: {error}", err=True)

    with sentence_progress() as progress:
        briefing = make_briefing(
            inputs,
            title=clean_title(title) if title else None,
            engine=engine_factory(glossary, memory, no_cache, compute_type, beam_size, threads, model),
            translate=not no_translate,
            progress=progress,
            article_date=published.date() if published else None,
            glossary=glossary,
            max_input_bytes=int(max_input_mb * BYTES_PER_MB),
            on_bad_file=skip if keep_going else None,
            on_warning=lambda message: typer.echo(f"warning: {message}", err=True),
        )
    with writing_status(chosen):
        written = write_outputs(briefing, out_dir, chosen, name=name, templates=templates, paper=paper)
    for path in written:
        typer.echo(f"wrote {path}")
    if skipped:
        listed = ", ".join(error.path for error in skipped)
        typer.echo(f"built without {len(skipped)} skipped input file{'s' if len(skipped) > 1 else ''}: {listed}", err=True)
        raise typer.Exit(SKIPPED_EXIT_CODE)

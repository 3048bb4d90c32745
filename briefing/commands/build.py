"""``briefing build``: articles in, side-by-side briefing documents out."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from briefing.commands.progress import sentence_progress
from briefing.pipeline import default_inputs, make_briefing, parse_formats, write_outputs


def build(
    files: Optional[list[Path]] = typer.Argument(
        None, help="Arabic article files (.txt, UTF-8). Default: seeds/*.txt."
    ),
    out_dir: Path = typer.Option(Path("output"), "--output", "-o", help="Folder for the documents."),
    formats: str = typer.Option("pdf,docx", "--format", "-f", help="Comma-separated: pdf, docx, json."),
    title: Optional[str] = typer.Option(None, "--title", help="Briefing title (default: date and count)."),
    name: str = typer.Option("briefing", "--name", help="File name of the documents, without extension."),
) -> None:
    """Translate the articles and write the bilingual briefing."""
    chosen = parse_formats(formats)
    inputs = list(files) if files else default_inputs()
    with sentence_progress() as progress:
        briefing = make_briefing(inputs, title=title, progress=progress)
    for path in write_outputs(briefing, out_dir, chosen, name=name):
        typer.echo(f"wrote {path}")

"""``briefing build``: articles in, side-by-side briefing documents out."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Optional

import typer

from briefing.commands.progress import sentence_progress
from briefing.pipeline import default_inputs, make_briefing, parse_formats, write_outputs
from briefing.render.base import paper_size
from briefing.render.html import template_folders


def build(
    files: Optional[list[Path]] = typer.Argument(
        None, help="Arabic article files (.txt, UTF-8). Default: seeds/*.txt."
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
) -> None:
    """Translate the articles and write the bilingual briefing."""
    chosen = parse_formats(formats)
    paper = paper_size(paper)
    template_folders(templates)  # a missing --templates folder is refused before any translation
    inputs = list(files) if files else default_inputs()
    with sentence_progress() as progress:
        briefing = make_briefing(
            inputs,
            title=title,
            translate=not no_translate,
            progress=progress,
            article_date=published.date() if published else None,
        )
    for path in write_outputs(briefing, out_dir, chosen, name=name, templates=templates, paper=paper):
        typer.echo(f"wrote {path}")

"""``briefing import-edits``: read the English an analyst rewrote in a DOCX draft.

Arabic edits, deleted rows and deleted or merged sentences are reported on stderr, never
applied; the exit code is 1 when anything was reported that way.
"""

from __future__ import annotations

from pathlib import Path

import typer

from briefing.errors import BriefingError
from briefing.render.docx_edits import read_draft_edits


def import_edits(
    draft: Path = typer.Argument(..., help="A DOCX draft written by `briefing build`, edited by an analyst."),
    dry_run: bool = typer.Option(False, "--dry-run", help="List the edited sentences; store nothing."),
) -> int:
    """Read the analyst's English from a DOCX draft for the translation memory."""
    result = read_draft_edits(draft)
    for problem in result.problems:
        typer.echo(f"not applied: {problem}", err=True)
    if dry_run:
        for edit in result.edits:
            typer.echo(f"{edit.label}: {edit.en}")
        typer.echo(f"{len(result.edits)} of {result.sentences} sentences edited in {draft}")
        return 1 if result.problems else 0
    if result.edits:
        raise BriefingError(
            f"{draft}: {len(result.edits)} edited sentences read, none stored: this version has no "
            "translation memory yet; `--dry-run` lists them"
        )
    typer.echo(f"no English edits in {draft} ({result.sentences} sentences checked)")
    return 1 if result.problems else 0

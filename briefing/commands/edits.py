"""``briefing import-edits``: keep the English an analyst rewrote in a DOCX draft.

The edits join the post-edits kept in the user data folder (the same store as ``briefing
import-xliff``), so the next ``briefing build`` uses them, with origin ``edited``. Arabic edits,
deleted rows and deleted or merged sentences are reported on stderr, never applied; the exit
code is 1 when anything was reported that way.
"""

from __future__ import annotations

from pathlib import Path

import typer

from briefing.render.docx_edits import read_draft_edits


def import_edits(
    draft: Path = typer.Argument(..., help="A DOCX draft written by `briefing build`, edited by an analyst."),
    dry_run: bool = typer.Option(False, "--dry-run", help="List the edited sentences; store nothing."),
) -> int:
    """Keep the analyst's English from a DOCX draft; later builds use it (origin `edited`)."""
    result = read_draft_edits(draft)
    for problem in result.problems:
        typer.echo(f"not applied: {problem}", err=True)
    count = f"{len(result.edits)} of {result.sentences} sentences edited in {draft}"
    if dry_run:
        for edit in result.edits:
            typer.echo(f"{edit.label}: {edit.en}")
        typer.echo(count)
    else:
        from briefing.translate.memory import edits_path, save_edits

        if result.edits:
            save_edits((edit.ar, edit.en) for edit in result.edits)
        typer.echo(f"{count}; kept in {edits_path()}")
    return 1 if result.problems else 0

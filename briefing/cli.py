"""The ``briefing`` command: parses options, shows progress, reports errors as one line.

Each verb lives in ``briefing/commands/``; the work itself is in the library modules.
"""

from __future__ import annotations

import sys

import typer

from briefing import interrupts
from briefing.commands import analyze, build, cache, edits, models, translate, xliff
from briefing.errors import BriefingError

app = typer.Typer(
    help="Bilingual Arabic/English briefings from Arabic news articles, fully offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("build")(build.build)
app.command("analyze")(analyze.analyze)
app.add_typer(models.app, name="models")
app.command("import-edits")(edits.import_edits)
app.add_typer(cache.app, name="cache")
app.command("translate")(translate.translate)
app.command("export-xliff")(xliff.export_xliff)
app.command("import-xliff")(xliff.import_xliff)

INTERRUPTED = 130


def main() -> None:
    """Entry point: user errors become ``error: ...`` on stderr with their exit code, no traceback."""
    import click

    interrupts.install()  # ``kill`` stops a run as Ctrl-C does: temporary files removed, exit 130
    try:
        status = app(standalone_mode=False)
    except BriefingError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(error.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except (click.Abort, KeyboardInterrupt):
        status = INTERRUPTED
    if status == INTERRUPTED:  # typer itself turns Ctrl-C into this exit code
        print("interrupted: no output file was left half-written", file=sys.stderr)
    sys.exit(status if isinstance(status, int) else 0)

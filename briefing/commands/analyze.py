"""``briefing analyze``: the summary of Arabic articles without translation, for fast triage."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Optional

import typer

from briefing.commands.engine_options import GLOSSARY
from briefing.pipeline import default_inputs, make_briefing
from briefing.render.json import briefing_dict


def analyze(
    files: Optional[list[Path]] = typer.Argument(None, help="Arabic article files. Default: seeds/*.txt."),
    as_json: bool = typer.Option(False, "--json", help="Print the briefing/1 JSON (Arabic only) on stdout."),
    published: Optional[datetime] = typer.Option(
        None, "--date", formats=["%Y-%m-%d"], help="Publication date (YYYY-MM-DD) for relative dates."
    ),
    glossary: Optional[Path] = GLOSSARY,
) -> None:
    """Actors, dates and viewpoints of the articles, no translation model needed."""
    inputs = list(files) if files else default_inputs()
    briefing = make_briefing(
        inputs,
        translate=False,
        article_date=published.date() if published else None,
        glossary=glossary,
        on_warning=lambda message: typer.echo(f"warning: {message}", err=True),
    )
    if as_json:
        typer.echo(json.dumps(briefing_dict(briefing), ensure_ascii=False, indent=2))
        return
    for actor in briefing.actors:
        places = ", ".join(f"{m.article} ¶{m.paragraph}" for m in actor.mentions)
        role = f" ({actor.role_en or actor.role_ar})" if (actor.role_en or actor.role_ar) else ""
        typer.echo(f"{actor.type:<12} {actor.name_en} / {actor.name_ar}{role}: {places}")
    for mention in briefing.dates:
        typer.echo(f"{'date':<12} {mention.value or mention.text}: {mention.article} ¶{mention.paragraph}")
    for viewpoint in briefing.viewpoints:
        typer.echo(f"{'viewpoint':<12} {viewpoint.speaker_en}: {viewpoint.article} ¶{viewpoint.paragraph}")

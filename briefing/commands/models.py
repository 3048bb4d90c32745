"""``briefing models``: list, install, choose, remove and verify translation models.

Two kinds share the packages folder: Argos packages (``.argosmodel``, or downloaded) and
OPUS-MT / Tatoeba-MT release zips, converted to CTranslate2 at install.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from briefing.errors import BriefingError
from briefing.translate.installed import (
    choose_model,
    default_model_name,
    find_model,
    installed_models,
    model_key,
    set_default_model,
)
from briefing.translate.packages import SOURCE_LANGUAGE, TARGET_LANGUAGE, packages_dir, remove_package

app = typer.Typer(
    help="Manage the Arabic->English translation models (Argos packages, OPUS-MT release zips).",
    no_args_is_help=True,
)

VERIFY_SENTENCE = "قال وزير الخارجية إن المحادثات كانت مثمرة."
"""Translated by ``models verify``: short, ordinary news Arabic."""

KIND_LABELS = {"argos": "Argos", "opus-mt": "OPUS-MT"}


@app.command("list")
def list_models() -> None:
    """Installed models: name (for --model), kind, language pair, version, size, path; * marks the default."""
    models = installed_models()
    if not models:
        typer.echo(f"no models installed in {packages_dir()}")
        return
    try:
        chosen = model_key(choose_model())
    except BriefingError:
        chosen = None
    for model in models:
        key = model_key(model)
        licence = getattr(model, "licence", "")
        typer.echo(
            f"{'*' if key == chosen else ' '} {key}  {KIND_LABELS.get(model.format, model.format)}  "
            f"{model.from_code}->{model.to_code}  version {model.package_version}  "
            f"{model.size_bytes() / 1e6:.1f} MB  {model.path}" + (f"  licence {licence}" if licence else "")
        )


@app.command("install")
def install(
    file: Optional[Path] = typer.Argument(
        None,
        help="A .argosmodel file or an OPUS-MT release zip. Without it, download ar->en from the Argos package index.",
    ),
    pair: Optional[str] = typer.Option(
        None, "--pair", help="OPUS-MT zip whose README names no languages: confirm it translates ar-en."
    ),
    name: Optional[str] = typer.Option(
        None, "--name", help="OPUS-MT zip: the model's name (default: the file name without .zip)."
    ),
) -> None:
    """Install an Argos package or an OPUS-MT release zip from a file, or download Argos ar->en when online."""
    from briefing.translate.opus_mt_install import is_opus_mt_release

    if file is not None and is_opus_mt_release(file):
        _install_opus_mt(file, pair, name)
        return
    if pair is not None or name is not None:
        raise BriefingError(f"{file or 'download'}: --pair and --name apply to OPUS-MT release zips only")
    if file is not None:
        from briefing.translate.packages import install_package_file

        package = install_package_file(file)
    else:
        from rich.progress import DownloadColumn, Progress, TransferSpeedColumn

        from briefing.commands.progress import stderr
        from briefing.translate.download import download_and_install

        with Progress(*Progress.get_default_columns(), DownloadColumn(), TransferSpeedColumn(),
                      console=stderr) as bar:
            task = bar.add_task("Downloading ar->en", total=None)

            def advance(done: int, total: int | None) -> None:
                bar.update(task, advance=done, total=total)

            package, sha256 = download_and_install(advance)
        typer.echo(f"downloaded, SHA-256 {sha256}")
    typer.echo(f"installed {package.from_code}->{package.to_code} version {package.package_version} in {package.path}")


def _install_opus_mt(file: Path, pair: str | None, name: str | None) -> None:
    """Check, convert (a progress bar per stage on stderr) and install an OPUS-MT release zip."""
    from rich.progress import Progress

    from briefing.commands.progress import stderr
    from briefing.translate.opus_mt_install import install_opus_mt_release

    with Progress(*Progress.get_default_columns(), console=stderr) as bar:
        tasks: dict[str, int] = {}

        def finish_stages() -> None:
            for task in tasks.values():
                total = bar.tasks[task].total or 1
                bar.update(task, total=total, completed=total)

        def advance(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                finish_stages()
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], advance=done)

        package = install_opus_mt_release(file, pair=pair, name=name, progress=advance)
        finish_stages()
    typer.echo(
        f"installed OPUS-MT {package.name} ({package.from_code}->{package.to_code} version "
        f"{package.package_version}, licence {package.licence}) as {model_key(package)} in {package.path}"
    )
    typer.echo(f"source file SHA-256 {package.source_sha256}")
    typer.echo(f"use it with `briefing build --model {model_key(package)}` or `briefing models default {model_key(package)}`")


@app.command("default")
def default(
    name: Optional[str] = typer.Argument(None, help="The model to use when --model is not given."),
    clear: bool = typer.Option(False, "--clear", help="Forget the recorded default (the newest Argos package is used)."),
) -> None:
    """Show or record the model `build`, `translate` and `export-xliff` use without --model."""
    if clear:
        set_default_model(None)
        typer.echo("default model cleared")
        return
    if name is not None:
        model = set_default_model(name)
        typer.echo(f"default model: {model_key(model)} ({model.path})")
        return
    recorded = default_model_name()
    model = choose_model()
    how = "recorded with `briefing models default`" if recorded else "none recorded: the newest installed"
    typer.echo(f"default model: {model_key(model)} ({how})")


@app.command("remove")
def remove(
    name: Optional[str] = typer.Argument(
        None, help="The model to remove: its name, kind or version (default: the only one installed)."
    ),
) -> None:
    """Remove an installed ar->en model."""
    candidates = [
        m for m in installed_models()
        if name is None or name in (m.package_version, model_key(m), m.name, m.format)
    ]
    if not candidates:
        wanted = f" {name!r}" if name else ""
        raise BriefingError(f"no {SOURCE_LANGUAGE}->{TARGET_LANGUAGE} model{wanted} is installed in {packages_dir()}")
    if len(candidates) > 1:
        listed = ", ".join(f"{model_key(m)} (version {m.package_version})" for m in candidates)
        raise BriefingError(f"several ar->en models are installed: {listed}; name the one to remove")
    removed = candidates[0]
    remove_package(removed)
    if default_model_name() == model_key(removed):
        set_default_model(None)
    typer.echo(f"removed {removed.path}")


@app.command("verify")
def verify(
    model: Optional[str] = typer.Option(None, "--model", help="The model to check (default: the default model)."),
) -> None:
    """Load a model and translate one sentence (no cache), to check that it works."""
    import time

    from briefing.translate.ctranslate2_engine import DecodingOptions
    from briefing.translate.engine import model_engine

    engine = model_engine(find_model(model) if model else choose_model(), DecodingOptions())
    started = time.perf_counter()
    [translation] = engine.translate([VERIFY_SENTENCE])
    seconds = time.perf_counter() - started
    typer.echo(f"model    {engine.model.name} {engine.model.version} ({engine.package.path})")
    typer.echo(f"arabic   {VERIFY_SENTENCE}")
    typer.echo(f"english  {translation.text}")
    typer.echo(f"loaded and translated in {seconds:.2f} s")
    if not translation.text.strip():
        raise BriefingError("the model loaded but gave no English: reinstall it with `briefing models install`")

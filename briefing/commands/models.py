"""``briefing models``: list, install, remove and verify Argos translation packages."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from briefing.errors import BriefingError
from briefing.translate.packages import (
    SOURCE_LANGUAGE,
    TARGET_LANGUAGE,
    InstalledPackage,
    find_package,
    install_package_file,
    installed_packages,
    packages_dir,
    remove_package,
)

app = typer.Typer(help="Manage the Arabic->English translation model (Argos packages).", no_args_is_help=True)

VERIFY_SENTENCE = "قال وزير الخارجية إن المحادثات كانت مثمرة."
"""Translated by ``models verify``: short, ordinary news Arabic."""


@app.command("list")
def list_models() -> None:
    """Installed Argos packages: language pair, version, size on disk, path."""
    packages = installed_packages()
    if not packages:
        typer.echo(f"no packages installed in {packages_dir()}")
        return
    for package in packages:
        size_mb = package.size_bytes() / 1e6
        typer.echo(
            f"{package.from_code}->{package.to_code}  version {package.package_version}  "
            f"{size_mb:.1f} MB  {package.path}"
        )


@app.command("install")
def install(
    file: Optional[Path] = typer.Argument(
        None, help="A .argosmodel file. Without it, download ar->en from the Argos package index."
    ),
) -> None:
    """Install the ar->en package from a file, or download it when online."""
    if file is not None:
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


@app.command("remove")
def remove(
    version: Optional[str] = typer.Argument(None, help="The package version to remove (default: the only one)."),
) -> None:
    """Remove an installed ar->en package."""
    candidates = [p for p in _arabic_english() if version is None or p.package_version == version]
    if not candidates:
        wanted = f" version {version}" if version else ""
        raise BriefingError(f"no {SOURCE_LANGUAGE}->{TARGET_LANGUAGE} package{wanted} is installed in {packages_dir()}")
    if len(candidates) > 1:
        versions = ", ".join(p.package_version for p in candidates)
        raise BriefingError(f"several ar->en packages are installed ({versions}): name the version to remove")
    remove_package(candidates[0])
    typer.echo(f"removed {candidates[0].path}")


@app.command("verify")
def verify() -> None:
    """Load the installed model and translate one sentence (no cache), to check that it works."""
    import time

    from briefing.translate.argos import ArgosEngine

    engine = ArgosEngine(find_package())
    started = time.perf_counter()
    [translation] = engine.translate([VERIFY_SENTENCE])
    seconds = time.perf_counter() - started
    typer.echo(f"model    {engine.model.name} {engine.model.version} ({engine.package.path})")
    typer.echo(f"arabic   {VERIFY_SENTENCE}")
    typer.echo(f"english  {translation.text}")
    typer.echo(f"loaded and translated in {seconds:.2f} s")
    if not translation.text.strip():
        raise BriefingError("the model loaded but gave no English: reinstall it with `briefing models install`")


def _arabic_english() -> list[InstalledPackage]:
    return [p for p in installed_packages() if (p.from_code, p.to_code) == (SOURCE_LANGUAGE, TARGET_LANGUAGE)]

"""``briefing models``: list and install Argos translation packages."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from briefing.translate.packages import install_package_file, installed_packages, packages_dir

app = typer.Typer(help="Manage the Arabic->English translation model (Argos packages).", no_args_is_help=True)


@app.command("list")
def list_models() -> None:
    """Installed Argos packages: language pair, version, path, size on disk."""
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

            package = download_and_install(advance)
    typer.echo(f"installed {package.from_code}->{package.to_code} version {package.package_version} in {package.path}")

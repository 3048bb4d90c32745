"""Checks every model archive gets before anything in it is extracted: it is untrusted input.

Argos packages (``.argosmodel``) and OPUS-MT release zips are both zip files copied from
elsewhere; a member that would land outside the install folder, an archive that would fill the
disk, or a damaged download is refused with one line naming the file.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from briefing.errors import BriefingError

MAX_UNPACKED_BYTES = 4 * 1024**3
"""Refuse archives that would unpack to more than this (real ar->en models are 100-600 MB)."""


class PackageError(BriefingError):
    """A package file or folder that cannot be used."""


def open_archive(archive: Path, kind: str) -> zipfile.ZipFile:
    """The zip file ``archive`` (``kind`` names what it should be, for the error)."""
    archive = Path(archive)
    if not archive.is_file():
        raise PackageError(f"{archive}: no such package file")
    if not zipfile.is_zipfile(archive):
        raise PackageError(f"{archive}: not {kind} (a zip archive)")
    try:
        return zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as error:
        raise PackageError(f"{archive}: unreadable package file ({error})") from None


def check_member_names(archive: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse members that would escape the folder they are extracted into, and oversized archives."""
    for member in members:
        name = member.filename
        path = PurePosixPath(name)
        if (not path.parts or path.is_absolute() or ".." in path.parts or "\\" in name
                or ":" in path.parts[0]):
            raise PackageError(f"{archive}: member {name!r} would be written outside the package folder")
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise PackageError(
            f"{archive}: would unpack to {unpacked / 1e9:.1f} GB, more than any translation package"
        )


def check_integrity(archive: Path, zipped: zipfile.ZipFile) -> None:
    """Read every member and compare its CRC, so a damaged download is refused before install."""
    try:
        damaged = zipped.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise PackageError(f"{archive}: damaged package file ({error}); download it again") from None
    if damaged is not None:
        raise PackageError(f"{archive}: member {damaged!r} is damaged (CRC mismatch); download it again")


@contextmanager
def staging_folder(root: Path) -> Iterator[Path]:
    """A hidden temporary folder inside the packages folder, removed whatever happens.

    Built beside its destination, so the finished install is moved in by a rename on the same
    file system and an interrupted one leaves nothing that is listed as installed.
    """
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def install_folder(built: Path, destination: Path) -> None:
    """Move the finished ``built`` folder to ``destination``, replacing an older install there.

    The older one is renamed aside first and deleted last: at every moment ``destination`` is
    either the old install or the new one, never a mix.
    """
    retired = None
    if destination.exists():
        retired = Path(tempfile.mkdtemp(prefix=".replaced-", dir=destination.parent)) / destination.name
        os.replace(destination, retired)
    try:
        os.replace(built, destination)
    except OSError:
        if retired is not None:
            os.replace(retired, destination)
        raise
    if retired is not None:
        shutil.rmtree(retired.parent, ignore_errors=True)

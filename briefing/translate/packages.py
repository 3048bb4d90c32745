"""Installed Argos Translate packages: where they live, which one translates ar->en, installing one.

A package is a folder holding ``metadata.json``, a CTranslate2 ``model/`` and the tokenizer model
(``sentencepiece.model`` or ``bpe.model``); a ``.argosmodel`` file is a zip of one such folder.
Installing extracts it into the packages folder, as Argos Translate itself does, but checks the
archive first because a package file is untrusted input.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from briefing.translate.archive import (
    PackageError,
    check_integrity,
    check_member_names,
    install_folder,
    open_archive,
    staging_folder,
)

SOURCE_LANGUAGE = "ar"
TARGET_LANGUAGE = "en"

INSTALL_HINT = (
    "install one with `briefing models install` (downloads the Argos ar->en package when online) "
    "or `briefing models install FILE.argosmodel` (a package file copied from elsewhere; an OPUS-MT "
    "release zip is installed the same way)"
)

TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")

ARGOS_FORMAT = "argos"
"""``format`` of an Argos package; briefing's own installs name theirs (``opus-mt``) in ``metadata.json``."""


def packages_dir() -> Path:
    """Where Argos packages are installed: ``ARGOS_PACKAGES_DIR``, else Argos's own default."""
    configured = os.environ.get("ARGOS_PACKAGES_DIR")
    if configured:
        return Path(configured).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "argos-translate" / "packages"


@dataclass(frozen=True)
class InstalledPackage:
    """An installed package folder and the metadata that identifies it."""

    path: Path
    from_code: str
    to_code: str
    package_version: str
    argos_version: str
    target_prefix: str = ""
    metadata_digest: str = ""
    format: str = ARGOS_FORMAT

    @property
    def name(self) -> str:
        return f"translate-{self.from_code}_{self.to_code}"

    @property
    def identity(self) -> str:
        """What distinguishes this model from any other: name, version, metadata and tokenizer.

        Built from small files only (never ``model.bin``), so it can be computed, and cached
        translations found, even when the model weights cannot be read.
        """
        tokenizer = next((name for name in TOKENIZER_FILES if (self.path / name).exists()), "none")
        return f"{self.name}@{self.package_version}/{tokenizer}/{self.metadata_digest[:16]}"

    def tokenizer(self):
        """The package's tokenizer, built as ``argostranslate.package.Package`` builds it.

        Imported from ``argostranslate.tokenizer`` only, which (unlike ``argostranslate.package``)
        does not read Argos settings or create folders in the home directory.
        """
        from argostranslate.tokenizer import BPETokenizer, SentencePieceTokenizer

        if (self.path / "sentencepiece.model").exists():
            return SentencePieceTokenizer(self.path / "sentencepiece.model")
        if (self.path / "bpe.model").exists():
            return BPETokenizer(self.path / "bpe.model", self.from_code, self.to_code)
        raise PackageError(f"{self.path}: no sentencepiece.model or bpe.model in the package")

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())

    @classmethod
    def read(cls, folder: Path) -> InstalledPackage:
        raw, metadata = read_metadata(folder)
        return cls(
            path=folder,
            from_code=str(metadata.get("from_code", "")),
            to_code=str(metadata.get("to_code", "")),
            package_version=str(metadata.get("package_version", "")),
            argos_version=str(metadata.get("argos_version", "")),
            target_prefix=str(metadata.get("target_prefix", "")),
            metadata_digest=hashlib.sha256(raw).hexdigest(),
            format=str(metadata.get("format", ARGOS_FORMAT)),
        )


def read_metadata(folder: Path) -> tuple[bytes, dict]:
    """The bytes of an installed model's ``metadata.json`` and the JSON object they hold."""
    metadata_path = folder / "metadata.json"
    try:
        raw = metadata_path.read_bytes()
        metadata = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError) as error:
        raise PackageError(f"{metadata_path}: unreadable package metadata ({error})") from None
    if not isinstance(metadata, dict):
        raise PackageError(f"{metadata_path}: package metadata is not a JSON object")
    return raw, metadata


def package_folders() -> list[Path]:
    """Every folder of the packages folder that holds a ``metadata.json``, in name order."""
    root = packages_dir()
    if not root.is_dir():
        return []
    return [folder for folder in sorted(root.iterdir())
            if folder.is_dir() and (folder / "metadata.json").is_file()]


def version_key(version: str) -> tuple:
    """``1.9`` < ``1.10``, and release dates (``2020-01-01``) in date order."""
    return tuple(int(part) if part.isdigit() else 0 for part in version.replace("-", ".").split("."))


def install_package_file(archive: Path) -> InstalledPackage:
    """Check a ``.argosmodel`` file and install it; an older install of the same package is replaced."""
    archive = Path(archive)
    with open_archive(archive, "an Argos package (a .argosmodel file is a zip archive)") as zipped:
        top = _check_members(archive, zipped.infolist())
        _check_language_pair(archive, zipped, top)
        check_integrity(archive, zipped)
        root = packages_dir()
        root.mkdir(parents=True, exist_ok=True)
        destination = root / top
        with staging_folder(root) as staging:
            zipped.extractall(staging)
            install_folder(staging / top, destination)
    return InstalledPackage.read(destination)


def _check_members(archive: Path, members: list[zipfile.ZipInfo]) -> str:
    """The archive's single top-level folder, after refusing members that would escape it."""
    check_member_names(archive, members)
    names = [member.filename for member in members]
    tops = {PurePosixPath(name).parts[0] for name in names}
    if len(tops) != 1:
        raise PackageError(f"{archive}: a package holds exactly one top-level folder, found {len(tops)}")
    top = tops.pop()
    present = set(names)
    if f"{top}/metadata.json" not in present:
        raise PackageError(f"{archive}: no metadata.json in the package folder {top}/")
    if not any(name.startswith(f"{top}/model/") for name in names):
        raise PackageError(f"{archive}: no model/ folder in the package folder {top}/")
    return top


def _check_language_pair(archive: Path, zipped: zipfile.ZipFile, top: str) -> None:
    """Refuse a package that does not translate ar->en, reading its metadata from the archive."""
    try:
        metadata = json.loads(zipped.read(f"{top}/metadata.json").decode("utf-8"))
    except (ValueError, zipfile.BadZipFile, OSError) as error:
        raise PackageError(f"{archive}: unreadable metadata.json ({error})") from None
    if not isinstance(metadata, dict):
        raise PackageError(f"{archive}: metadata.json is not a JSON object")
    pair = (str(metadata.get("from_code", "")), str(metadata.get("to_code", "")))
    if pair != (SOURCE_LANGUAGE, TARGET_LANGUAGE):
        raise PackageError(
            f"{archive}: this package translates {pair[0] or '?'}->{pair[1] or '?'}, "
            f"briefing needs {SOURCE_LANGUAGE}->{TARGET_LANGUAGE}"
        )


def remove_package(package: InstalledPackage) -> None:
    shutil.rmtree(package.path)

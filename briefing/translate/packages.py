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
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from briefing.errors import BriefingError, ModelNotInstalledError

SOURCE_LANGUAGE = "ar"
TARGET_LANGUAGE = "en"

INSTALL_HINT = (
    "install one with `briefing models install` (downloads the Argos ar->en package when online) "
    "or `briefing models install FILE.argosmodel` (a package file copied from elsewhere)"
)


MAX_UNPACKED_BYTES = 4 * 1024**3
"""Refuse archives that would unpack to more than this (real ar->en packages are ~100 MB)."""

TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")


class PackageError(BriefingError):
    """A package file or folder that cannot be used."""


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
        metadata_path = folder / "metadata.json"
        try:
            raw = metadata_path.read_bytes()
            metadata = json.loads(raw.decode("utf-8"))
        except (OSError, ValueError) as error:
            raise PackageError(f"{metadata_path}: unreadable package metadata ({error})") from None
        if not isinstance(metadata, dict):
            raise PackageError(f"{metadata_path}: package metadata is not a JSON object")
        return cls(
            path=folder,
            from_code=str(metadata.get("from_code", "")),
            to_code=str(metadata.get("to_code", "")),
            package_version=str(metadata.get("package_version", "")),
            argos_version=str(metadata.get("argos_version", "")),
            target_prefix=str(metadata.get("target_prefix", "")),
            metadata_digest=hashlib.sha256(raw).hexdigest(),
        )


def installed_packages() -> list[InstalledPackage]:
    """Every readable package in the packages folder, in name order."""
    root = packages_dir()
    if not root.is_dir():
        return []
    found = []
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and (folder / "metadata.json").is_file():
            try:
                found.append(InstalledPackage.read(folder))
            except PackageError:
                continue
    return found


def find_package() -> InstalledPackage:
    """The installed Arabic->English package with the highest version."""
    candidates = [
        p
        for p in installed_packages()
        if p.from_code == SOURCE_LANGUAGE and p.to_code == TARGET_LANGUAGE
    ]
    if not candidates:
        raise ModelNotInstalledError(
            f"no Arabic->English translation model is installed in {packages_dir()}: {INSTALL_HINT}"
        )
    return max(candidates, key=lambda p: _version_key(p.package_version))


def _version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in version.split("."))


def install_package_file(archive: Path) -> InstalledPackage:
    """Check a ``.argosmodel`` file and install it; an older install of the same package is replaced."""
    archive = Path(archive)
    if not archive.is_file():
        raise PackageError(f"{archive}: no such package file")
    if not zipfile.is_zipfile(archive):
        raise PackageError(f"{archive}: not an Argos package (a .argosmodel file is a zip archive)")
    try:
        zipped = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as error:
        raise PackageError(f"{archive}: unreadable package file ({error})") from None
    with zipped:
        top = _check_members(archive, zipped.infolist())
        _check_language_pair(archive, zipped, top)
        _check_integrity(archive, zipped)
        root = packages_dir()
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=root))
        try:
            zipped.extractall(staging)
            destination = root / top
            if destination.exists():
                shutil.rmtree(destination)
            os.replace(staging / top, destination)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return InstalledPackage.read(destination)


def _check_members(archive: Path, members: list[zipfile.ZipInfo]) -> str:
    """The archive's single top-level folder, after refusing members that would escape it."""
    names = [member.filename for member in members]
    tops = set()
    for name in names:
        member = PurePosixPath(name)
        if (not member.parts or member.is_absolute() or ".." in member.parts or "\\" in name
                or ":" in member.parts[0]):
            raise PackageError(f"{archive}: member {name!r} would be written outside the package folder")
        tops.add(member.parts[0])
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise PackageError(
            f"{archive}: would unpack to {unpacked / 1e9:.1f} GB, more than any translation package"
        )
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


def _check_integrity(archive: Path, zipped: zipfile.ZipFile) -> None:
    """Read every member and compare its CRC, so a damaged download is refused before install."""
    try:
        damaged = zipped.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise PackageError(f"{archive}: damaged package file ({error}); download it again") from None
    if damaged is not None:
        raise PackageError(f"{archive}: member {damaged!r} is damaged (CRC mismatch); download it again")


def remove_package(package: InstalledPackage) -> None:
    shutil.rmtree(package.path)

"""Fetching the ar->en package from the Argos package index: the only network access briefing makes.

A download is checked before it is installed: the byte count must match the server's
``Content-Length``, the SHA-256 must match the index entry's ``sha256`` when the index gives
one (Argos's own index does not, today), and ``install_package_file`` then checks the zip's
CRCs and structure like any package file. The SHA-256 is reported so it can be compared with
a copy obtained elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from briefing.errors import BriefingError
from briefing.translate.packages import (
    SOURCE_LANGUAGE,
    TARGET_LANGUAGE,
    InstalledPackage,
    install_package_file,
    packages_dir,
)

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
OFFLINE_HINT = (
    "copy the .argosmodel file from a machine that is online and run "
    "`briefing models install FILE.argosmodel`"
)


def index_url() -> str:
    """Argos's index, or the one ``ARGOS_PACKAGE_INDEX`` names (as Argos itself honours it)."""
    base = os.environ.get("ARGOS_PACKAGE_INDEX", DEFAULT_INDEX)
    return base.rstrip("/") + "/index.json"


def _open(url: str):
    try:
        return urllib.request.urlopen(url, timeout=30)
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise BriefingError(f"cannot reach {url} ({reason}): {OFFLINE_HINT}") from None


def package_entry() -> dict:
    """The index entry of the ar->en package (its ``links``, maybe a ``sha256``)."""
    url = index_url()
    with _open(url) as response:
        try:
            entries = json.loads(response.read())
        except ValueError:
            raise BriefingError(f"{url}: the package index is not valid JSON") from None
    for entry in entries if isinstance(entries, list) else []:
        if entry.get("from_code") == SOURCE_LANGUAGE and entry.get("to_code") == TARGET_LANGUAGE:
            return entry
    raise BriefingError(f"{url}: the index lists no {SOURCE_LANGUAGE}->{TARGET_LANGUAGE} package")


def download_and_install(
    progress: Callable[[int, int | None], None] | None = None,
) -> tuple[InstalledPackage, str]:
    """Download the package into a temporary file, check it, install it; returns it and its SHA-256."""
    entry = package_entry()
    links = list(entry.get("links") or [])
    if not links:
        raise BriefingError(f"{index_url()}: the ar->en package has no download link")
    packages_dir().mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=packages_dir(), prefix=".download-") as folder:
        target = Path(folder) / "translate-ar_en.argosmodel"
        digest = hashlib.sha256()
        received = 0
        with _open(links[0]) as response, open(target, "wb") as out:
            total = int(response.headers.get("Content-Length") or 0) or None
            while chunk := response.read(1 << 16):
                out.write(chunk)
                digest.update(chunk)
                received += len(chunk)
                if progress:
                    progress(len(chunk), total)
        if total is not None and received != total:
            raise BriefingError(f"{links[0]}: download incomplete ({received} of {total} bytes); try again")
        expected = str(entry.get("sha256") or "").lower()
        if expected and expected != digest.hexdigest():
            raise BriefingError(f"{links[0]}: SHA-256 {digest.hexdigest()} differs from the index's {expected}")
        return install_package_file(target), digest.hexdigest()

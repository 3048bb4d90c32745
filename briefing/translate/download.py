"""Fetching the ar->en package from the Argos package index: the only network access briefing makes."""

from __future__ import annotations

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


def package_links() -> list[str]:
    """Download links of the ar->en package listed in the index."""
    url = index_url()
    with _open(url) as response:
        try:
            entries = json.loads(response.read())
        except ValueError:
            raise BriefingError(f"{url}: the package index is not valid JSON") from None
    for entry in entries if isinstance(entries, list) else []:
        if entry.get("from_code") == SOURCE_LANGUAGE and entry.get("to_code") == TARGET_LANGUAGE:
            return list(entry.get("links", []))
    raise BriefingError(f"{url}: the index lists no {SOURCE_LANGUAGE}->{TARGET_LANGUAGE} package")


def download_and_install(progress: Callable[[int, int | None], None] | None = None) -> InstalledPackage:
    """Download the package into a temporary file, check it like any package file, install it."""
    links = package_links()
    if not links:
        raise BriefingError(f"{index_url()}: the ar->en package has no download link")
    packages_dir().mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=packages_dir(), prefix=".download-") as folder:
        target = Path(folder) / "translate-ar_en.argosmodel"
        with _open(links[0]) as response, open(target, "wb") as out:
            total = int(response.headers.get("Content-Length") or 0) or None
            while chunk := response.read(1 << 16):
                out.write(chunk)
                if progress:
                    progress(len(chunk), total)
        return install_package_file(target)

"""Lists shipped in ``briefing/ner/model``, derived once from an outside source (Hunspell,
GeoNames, a name dictionary) and read at run time: gzip-compressed UTF-8, one entry a line,
written with no timestamp so that deriving again gives the same bytes."""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from briefing.atomic import write_bytes


def shipped_path(name: str) -> Path:
    return Path(str(resources.files("briefing.ner") / "model" / name))


def read_lines(name: str) -> list[str]:
    """The entries of the shipped list ``name``."""
    with gzip.open(shipped_path(name), "rt", encoding="utf-8") as handle:
        return handle.read().splitlines()


def write_lines(path: Path, lines: Iterable[str]) -> None:
    """Write a list atomically, so a failed derivation leaves the shipped one as it was."""
    text = "".join(line + "\n" for line in lines).encode("utf-8")
    write_bytes(path, gzip.compress(text, mtime=0))

"""Reading ANERcorp-style files: one ``token TAG`` per line, a blank line between sentences."""

from __future__ import annotations

from pathlib import Path

from briefing.errors import InputError

Sentence = list[tuple[str, str]]


def read_conll(path: Path) -> list[Sentence]:
    """All sentences of a BIO file as (token, tag) pairs, in file order."""
    sentences: list[Sentence] = []
    current: Sentence = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            fields = line.split()
            if not fields:
                if current:
                    sentences.append(current)
                    current = []
                continue
            if len(fields) != 2:
                raise InputError(path, f"line {number}: expected 'token TAG', got {line.strip()!r}")
            current.append((fields[0], fields[1]))
    if current:
        sentences.append(current)
    return sentences

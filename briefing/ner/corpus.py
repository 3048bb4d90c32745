"""Reading ANERcorp-style files (one ``token TAG`` per line, a blank line between sentences)
and unlabeled text for the word clusters."""

from __future__ import annotations

from pathlib import Path

from briefing.errors import InputError
from briefing.ner.text import tokenize

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


def read_unlabeled(path: Path, column: int) -> list[list[str]]:
    """The tokenised text of one tab-separated column, one sentence a row; the first row is a
    header. For unlabeled Arabic such as NTREX's (``doc_id``, ``arabic``, ``english``)."""
    sentences = []
    with open(path, encoding="utf-8") as handle:
        next(handle, None)
        for number, line in enumerate(handle, 2):
            fields = line.rstrip("\n").split("\t")
            if len(fields) <= column:
                raise InputError(path, f"line {number}: no column {column + 1}")
            sentences.append([token.text for token in tokenize(fields[column])])
    return sentences

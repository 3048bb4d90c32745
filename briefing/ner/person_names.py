"""Words of personal names in Arabic script (arabnamer's name dictionary, from JRC-Names).

ANERcorp teaches the tagger the names it contains; a name it never saw, above all a foreign
one transliterated (``ساندلر``, ``وانغ``), it can only guess from its letters. A list of the
words that make up people's names is outside knowledge of such names. The list is noisy (it
also holds ``في`` and ``من``, and names that are ordinary words), so the tagger only uses its
words that are not Arabic dictionary words, and as a feature whose weight the CRF learns: in
the training text (less the dev and held-out parts) 23% of person-name words and 1.9% of
other words are such words.

The shipped list is every word of the Arabic side of arabnamer's ``dict_FINAL.json`` (22,797
English-Arabic name pairs; Arabic letters only, names of at most three words), normalised as
the tagger compares words. It is derived by ``python -m briefing.ner.person_names --source
FILE``, FILE being that JSON file or the ``arabnamer`` wheel it comes in (``pip download
--no-deps arabnamer``); see ``model/NOTICE.md`` for its licence (CC BY 4.0).
"""

from __future__ import annotations

import argparse
import json
import re
import zipfile
from functools import lru_cache
from pathlib import Path

from briefing.ner.shipped_lists import read_lines, shipped_path, write_lines
from briefing.ner.text import normalize

NAMES_FILE = "person-name-words.txt.gz"
DICTIONARY_IN_WHEEL = "arabnamer/data/dict_FINAL.json"
MAX_NAME_WORDS = 3  # longer "names" in the file are phrases (``في اسرع وقت ممكن``)
_ARABIC_WORD = re.compile("[\u0621-\u064a]{2,}")


def derive_words(pairs: dict[str, str]) -> list[str]:
    """The sorted, normalised, distinct words of the Arabic names of ``pairs`` (English ->
    Arabic), from names of at most ``MAX_NAME_WORDS`` words, Arabic letters only."""
    words = set()
    for arabic in pairs.values():
        parts = arabic.split()
        if len(parts) > MAX_NAME_WORDS:
            continue
        words.update(
            word for word in map(normalize, parts) if _ARABIC_WORD.fullmatch(word)
        )
    return sorted(words)


@lru_cache(maxsize=1)
def person_name_words() -> frozenset[str]:
    """The shipped words of personal names, normalised."""
    return frozenset(read_lines(NAMES_FILE))


def read_pairs(source: Path) -> dict[str, str]:
    """arabnamer's name dictionary, from the JSON file itself or from the wheel holding it."""
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as wheel:
            return json.loads(wheel.read(DICTIONARY_IN_WHEEL))
    return json.loads(source.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> None:
    """Write the shipped list from arabnamer's name dictionary."""
    parser = argparse.ArgumentParser(prog="python -m briefing.ner.person_names", description=__doc__)
    parser.add_argument(
        "--source", type=Path, required=True, help="dict_FINAL.json or the arabnamer wheel"
    )
    parser.add_argument("--output", type=Path, default=shipped_path(NAMES_FILE))
    args = parser.parse_args(argv)
    words = derive_words(read_pairs(args.source))
    write_lines(args.output, words)
    print(f"{len(words)} words of personal names -> {args.output}")


if __name__ == "__main__":
    main()

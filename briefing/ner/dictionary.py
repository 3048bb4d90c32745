"""Arabic dictionary words (Ayaspell, Debian's ``hunspell-ar``): a word of the dictionary is
rarely a name.

ANERcorp teaches the tagger the names it contains; for a name it never saw, knowing whether the
word is an ordinary Arabic word is outside knowledge: among the dev part's rare words, 73% of
the untagged ones are dictionary words (or one with a plural or pronoun ending), 38% of the
person-name ones. The shipped list is the normalised entries of the Hunspell ``ar.dic`` (its
affix rules are not expanded: the stems are what the tagger compares), derived by
``python -m briefing.ner.dictionary`` from the installed Debian package; see ``model/NOTICE.md``
for its licence.
"""

from __future__ import annotations

import argparse
import re
from functools import lru_cache
from pathlib import Path

from briefing.ner.shipped_lists import read_lines, shipped_path, write_lines
from briefing.ner.text import normalize

WORDS_FILE = "hunspell-ar-words.txt.gz"
DEFAULT_DIC = Path("/usr/share/hunspell/ar.dic")
# Endings a dictionary stem takes in text (plurals, duals, pronouns): ``مقاتلين`` is ``مقاتل``,
# ``منتخبنا`` is ``منتخب``, ``متفائلا`` is ``متفائل``; and the future prefix of verbs (``سيشارك``).
_ENDINGS = ("ات", "ون", "ين", "ان", "هما", "ها", "هم", "كم", "نا", "ه", "ي", "يه", "ا")
_FUTURE = "س"
_MIN_STEM = 2
_ARABIC_WORD = re.compile("[\u0621-\u0652]+")


def derive_words(dic: Path) -> list[str]:
    """The sorted, normalised, distinct Arabic entries of a Hunspell ``.dic`` file.

    Entries are ``word/FLAGS`` (or ``word<TAB>morphology``); the first line is a count and the
    file holds section headings of its own, which are skipped as not Arabic words.
    """
    words = set()
    with open(dic, encoding="utf-8") as handle:
        for line in handle:
            entry = line.split("/", 1)[0].split("\t", 1)[0].strip()
            if _ARABIC_WORD.fullmatch(entry):
                words.add(normalize(entry))
    return sorted(words)


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """The shipped dictionary words, normalised."""
    return frozenset(read_lines(WORDS_FILE))


def dictionary_reading(stem: str) -> str | None:
    """``exact`` if the stem is a dictionary word, ``affixed`` if it is one with a plural or
    pronoun ending or the future prefix, else None."""
    words = dictionary_words()
    if stem in words:
        return "exact"
    bases = [stem]
    if stem.startswith(_FUTURE) and len(stem) > _MIN_STEM + 1 and stem[1] in "يتنا":
        bases.append(stem[1:])
    for base in bases:
        if base in words and base != stem:
            return "affixed"
        for ending in _ENDINGS:
            if base.endswith(ending) and len(base) - len(ending) >= _MIN_STEM:
                if base[: -len(ending)] in words:
                    return "affixed"
    return None


def main(argv: list[str] | None = None) -> None:
    """Write the shipped list from an installed ``hunspell-ar`` (``apt-get install hunspell-ar``)."""
    parser = argparse.ArgumentParser(prog="python -m briefing.ner.dictionary", description=__doc__)
    parser.add_argument("--dic", type=Path, default=DEFAULT_DIC, help="Hunspell ar.dic")
    parser.add_argument("--output", type=Path, default=shipped_path(WORDS_FILE))
    args = parser.parse_args(argv)
    words = derive_words(args.dic)
    write_lines(args.output, words)
    print(f"{len(words)} words -> {args.output}")


if __name__ == "__main__":
    main()

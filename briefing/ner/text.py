"""Arabic text handling shared by the tagger, the gazetteers and the actor merger.

Names are written many ways (``إيران``/``ايران``, ``الأميركية``/``الأمريكية``, with or without
diacritics) and glued to clitics (``وبغداد``, ``بالأردن``), so every comparison goes through
``normalize`` and ``split_proclitics``; offsets always stay on the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_DIACRITICS = re.compile("[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel
_LETTER_FOLDS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})

# A token is a run of Arabic/Latin letters and digits; every other visible character is a token
# of its own, as in ANERcorp where punctuation is separated from words.
# Arabic letters, diacritics, digits and tatweel count as word characters; Arabic punctuation
# (، ؛ ؟ ٪ ۔) does not, although it sits in the same Unicode block.
_TOKEN = re.compile(
    r"(?:[^\W\u060c\u061b\u061f\u066a-\u066d\u06d4]|[\u064b-\u0652\u0670\u0640])+|[^\w\s]|[\u060c\u061b\u061f\u066a-\u066d\u06d4]"
)

# Longest first: ``وبال`` must win over ``و``.
_PROCLITICS = (
    "وبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "لل",
    "ال",
    "وب",
    "ول",
    "وك",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
_MIN_STEM = 2
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its character span in the text it came from."""

    text: str
    start: int
    end: int


def strip_diacritics(text: str) -> str:
    """Drop harakat and tatweel, which writers use inconsistently."""
    return _DIACRITICS.sub("", text)


def has_arabic_letter(text: str) -> bool:
    """Whether ``text`` has an Arabic letter (diacritics and digits do not count)."""
    return _ARABIC_LETTER.search(text) is not None


def normalize(text: str) -> str:
    """A matching key: no diacritics, one alef, ya for alef maqsura, ha for ta marbuta."""
    return strip_diacritics(text).translate(_LETTER_FOLDS)


def tokenize(text: str) -> list[Token]:
    """Split text into words and punctuation marks, keeping each token's offsets."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def split_proclitics(word: str) -> tuple[str, str]:
    """Split a normalised word greedily into (proclitics, stem): ``وبالعراق`` -> ``وبال``, ``عراق``.

    Greedy on purpose: the tagger only needs the same split in training and use, and the
    affix features next to it let it learn when the split is wrong (``فياض`` is not ``ف`` +
    ``ياض``). Lookups that must be right use ``candidate_stems`` instead.
    """
    for prefix in _PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            return prefix, word[len(prefix) :]
    return "", word


@lru_cache(maxsize=1 << 16)
def candidate_stems(word: str) -> tuple[str, ...]:
    """Every plausible reading of a normalised word without clitics, most literal first.

    ``والخزعلي`` gives ``والخزعلي``, ``الخزعلي``, ``خزعلي``: a lookup tries them in order, so an
    entry that really starts with a clitic letter (``واشنطن``) still matches as written.
    """
    readings = [word]
    rest = word
    for conjunction in ("و", "ف"):
        if rest.startswith(conjunction) and len(rest) > _MIN_STEM + 1:
            rest = rest[1:]
            readings.append(rest)
            break
    for preposition in ("ب", "ل", "ك"):
        if rest.startswith(preposition) and len(rest) > _MIN_STEM + 1:
            readings.append(rest[1:])
            if rest.startswith("لل"):
                readings.append("ال" + rest[2:])
            break
    for reading in list(readings):
        if reading.startswith("ال") and len(reading) > _MIN_STEM + 1:
            readings.append(reading[2:])
    return tuple(dict.fromkeys(readings))


def offset_after_letters(text: str, letters: int) -> int:
    """The offset in ``text`` just after its first ``letters`` letters (diacritics do not count)."""
    seen = 0
    for offset, ch in enumerate(text):
        is_letter = bool(normalize(ch))
        if seen == letters and is_letter:
            return offset  # the marks on the last counted letter stay with it
        seen += is_letter
    return len(text)

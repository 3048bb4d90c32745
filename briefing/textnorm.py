"""Arabic text helpers shared by the pipeline stages.

Only invisible formatting characters are removed here: letters, diacritics, tatweel and
punctuation stay exactly as the source wrote them, because ``Paragraph.ar`` is what readers see.
"""

from __future__ import annotations

from collections import Counter

# Directional marks and embeddings/isolates: they steer display only and would break
# string matching (a name with an LRM inside is not the same string as the name).
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")
# Zero-width space/joiners, word joiner and the byte order mark used as a zero-width no-break space.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
INVISIBLE = BIDI_CONTROLS | ZERO_WIDTH

_INVISIBLE_TABLE = {ord(char): None for char in INVISIBLE}

# Marks that end a sentence, and the quotes and brackets that may follow them in the same sentence.
SENTENCE_END_MARKS = ".!?؟…"
CLOSING_MARKS = "\"'“”’»)]}"

# The characters ``str.splitlines`` breaks at; all of them are also ``str.isspace``.
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")

# Unicode blocks of Arabic script: Arabic, Arabic Supplement, Arabic Extended-B/A and the
# two presentation-form blocks (text copied from old PDFs often uses those).
_ARABIC_RANGES = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
)


def strip_invisible(text: str) -> str:
    """``text`` without bidi controls and zero-width characters; nothing else changes."""
    return text.translate(_INVISIBLE_TABLE)


def is_arabic_char(char: str) -> bool:
    """Whether ``char`` belongs to one of the Arabic script blocks."""
    code = ord(char)
    return any(low <= code <= high for low, high in _ARABIC_RANGES)


def arabic_letter_share(text: str) -> float:
    """The share of the letters in ``text`` that are Arabic script (0.0 when it has no letters)."""
    # Counting distinct characters first keeps this fast on multi-megabyte texts.
    letters = {char: count for char, count in Counter(text).items() if char.isalpha()}
    total = sum(letters.values())
    if not total:
        return 0.0
    return sum(count for char, count in letters.items() if is_arabic_char(char)) / total


def arabic_word_count(text: str, limit: int) -> int:
    """How many whitespace-separated words of ``text`` have an Arabic letter, counted up to
    ``limit`` (callers only need to know whether a text reaches it)."""
    count = 0
    for word in text.split():
        if any(char.isalpha() and is_arabic_char(char) for char in word):
            count += 1
            if count >= limit:
                break
    return count

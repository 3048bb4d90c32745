"""Flags: what in a machine translation deserves a human look, and the checks that set them.

``FLAG_EXPLANATIONS`` is the one list of flag names and their meaning: the JSON carries the
names, the documents render a legend from the explanations.

Length bounds come from NTREX-128 (1,551 professional Arabic->English news translations): the
English has 0.44 to 2.22 times as many characters as the Arabic, 1.09 in the median, and
99% of sentences lie between 0.56 and 1.79. The bounds below, with a few characters of slack
for headlines and other short lines, flag none of those human translations (and neither does
any other check here: tests/test_translate_flags.py runs them over the whole set).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from briefing.textnorm import is_arabic_char
from briefing.translate.base import Layer, Stream, Translation

FLAG_EXPLANATIONS: dict[str, str] = {
    "empty": "The model gave no English for this sentence.",
    "too_short": "The English is much shorter than the Arabic predicts: part of it may be missing.",
    "too_long": "The English is much longer than the Arabic predicts: text may be invented or repeated.",
    "repetition": "Words repeat in a loop, a sign that the model lost its way.",
    "arabic_left": "Arabic letters or marks are left in the English.",
    "placeholder_lost": "A glossary name or term did not come through the model and is missing.",
    "placeholder_duplicated": "A glossary name or term appears more often than in the Arabic.",
    "low_score": "The model was unsure of this translation (low average token probability).",
    "split": "Too long for the model: translated clause by clause and joined.",
    "truncated": "The model's output reached its length limit and may be cut short.",
}

MIN_RATIO, MIN_SLACK = 0.45, 10
MAX_RATIO, MAX_SLACK = 2.3, 15
"""English characters expected per Arabic character, and slack in characters, as above."""

LOW_SCORE = -1.5
"""Average log-probability per output token below which a translation is flagged ``low_score``
(a geometric-mean token probability under 0.22). Not calibrated on a real Argos model: none
can be downloaded where this was written."""

_WORD = re.compile(r"\w+")


def quality_flags(source: str, translation: Translation) -> list[str]:
    """The flags a machine translation of ``source`` earns (empty for a sound one)."""
    english = translation.text.strip()
    if not english:
        return ["empty"]
    flags = []
    source_chars, english_chars = len(" ".join(source.split())), len(" ".join(english.split()))
    if english_chars < MIN_RATIO * source_chars - MIN_SLACK:
        flags.append("too_short")
    if english_chars > MAX_RATIO * source_chars + MAX_SLACK:
        flags.append("too_long")
    if looping(english) and not looping(source):
        flags.append("repetition")
    if any(is_arabic_char(char) and unicodedata.category(char)[0] in "LM" for char in english):
        flags.append("arabic_left")
    if translation.score is not None and translation.score < LOW_SCORE:
        flags.append("low_score")
    return flags


def looping(text: str) -> bool:
    """Whether ``text`` repeats itself as a looping model does.

    A word said four times in a row, a phrase of two to four words three times in a row, or a
    phrase of five words three times anywhere. Of NTREX's human English only one "No, no, no,
    no, no" trips these, and its Arabic repeats too, which ``quality_flags`` allows.
    """
    words = [word.lower() for word in _WORD.findall(text)]
    for size in range(1, 5):
        needed = 4 if size == 1 else 3
        for start in range(len(words) - size * needed + 1):
            phrase = words[start : start + size]
            if all(words[start + k * size : start + (k + 1) * size] == phrase for k in range(1, needed)):
                return True
    seen: dict[tuple[str, ...], int] = {}
    for start in range(len(words) - 4):
        phrase = tuple(words[start : start + 5])
        seen[phrase] = seen.get(phrase, 0) + 1
        if seen[phrase] >= 3:
            return True
    return False


class GuardedEngine(Layer):
    """Adds ``quality_flags`` to every machine translation coming from the engine below."""

    def stream(self, sentences: Sequence[str]) -> Stream:
        for position, translation in self.inner.stream(sentences):
            if translation.origin == "mt":
                translation = translation.with_flags(*quality_flags(sentences[position], translation))
            yield position, translation

"""Arabic-Indic digits become Western digits in English: ``٢٠٢٤`` is 2024 to an English reader.

The model is given Western digits (models copy those reliably; Arabic-Indic digits are often
rare in their training data and come out garbled) and whatever it writes is converted again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from briefing.translate.base import Layer, Stream

_WESTERN = {chr(0x0660 + digit): str(digit) for digit in range(10)}  # Arabic-Indic ٠-٩
_WESTERN.update({chr(0x06F0 + digit): str(digit) for digit in range(10)})  # Extended ۰-۹ (Persian, Urdu)
_WESTERN.update({"\u066b": ".", "\u066c": ",", "\u066a": "%"})  # decimal and thousands separators, ٪
_TABLE = str.maketrans(_WESTERN)


def western_digits(text: str) -> str:
    """``text`` with Arabic-Indic digits, decimal/thousands separators and ``٪`` in Western form."""
    return text.translate(_TABLE)


class WesternDigitsEngine(Layer):
    """Converts digits on the way into the engine below and on the way out of it."""

    def stream(self, sentences: Sequence[str]) -> Stream:
        for position, translation in self.inner.stream([western_digits(s) for s in sentences]):
            yield position, replace(translation, text=western_digits(translation.text))

"""A readable romanisation of Arabic names, in the spirit of ALA-LC without diacritics.

Arabic is written without short vowels, so a name's vowels are guessed: common given names come
from ``lexicon.GIVEN_NAMES`` (``محمد`` is Mohammed, not Mhmd), long vowels are read from
``ا``/``و``/``ي``, and the commonest Arabic word patterns fill in the rest (``فالح`` -> Falih,
``الخزعلي`` -> al-Khazali, ``رسول`` -> Rasul). The result is meant to be recognisable and
stable, so the same name is spelt the same way everywhere in a briefing.
"""

from __future__ import annotations

import re

from briefing.ner.lexicon import given_name
from briefing.ner.text import normalize

_CONSONANTS = {
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "",
    "غ": "gh",
    "ف": "f",
    "ق": "q",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "ء": "'",
    "ئ": "'",
    "ؤ": "'",
    "گ": "g",
    "پ": "p",
    "چ": "ch",
    "ڤ": "v",
    "ة": "a",
}
_INITIAL_VOWELS = {"ا": "a", "أ": "a", "إ": "i", "آ": "a"}
_LONG = {"ا": "a", "و": "u", "ي": "i", "ى": "a", "أ": "a", "آ": "a"}
_SHADDA = "\u0651"
# Short vowels and tatweel go; shadda stays because it doubles a consonant (``عمّار`` -> Ammar).
_MARKS_BUT_SHADDA = re.compile("[\u064b-\u0650\u0652\u0670\u0640]")


def _units(word: str) -> list[tuple[str, str]]:
    """The word as (kind, latin) units: ``C`` consonant, ``V`` long vowel, ``S`` initial short vowel.

    Ayn counts as a consonant for the vowel patterns but is written as nothing, as in the
    usual English spellings (``الخزعلي`` -> al-Khazali); hamza is written ``'`` (Asa'ib).
    """
    letters = list(word)
    units: list[tuple[str, str]] = []
    for i, ch in enumerate(letters):
        if ch == _SHADDA:
            if units and units[-1][0] == "C":
                units.append(units[-1])
            continue
        before = units[-1][0] if units else None
        after = letters[i + 1] if i + 1 < len(letters) else None
        if i == 0 and ch in _INITIAL_VOWELS:
            units.append(("S", _INITIAL_VOWELS[ch]))
        elif ch in "وي":
            # A semivowel starts a syllable (word start, before a vowel letter, after a vowel);
            # between consonants or at the end after one it is the long vowel.
            semivowel = before in (None, "V", "S") or (after is not None and after in _LONG)
            units.append(("C", "w" if ch == "و" else "y") if semivowel else ("V", _LONG[ch]))
        elif ch in _LONG:
            units.append(("V", _LONG[ch]))
        elif ch in _CONSONANTS:
            units.append(("C", _CONSONANTS[ch]))
    return units


def _vocalise(units: list[tuple[str, str]]) -> str:
    """Insert the short vowels of the commonest patterns into runs of consonants."""
    has_vowel = any(kind != "C" for kind, _ in units)
    out: list[str] = []
    i = 0
    while i < len(units):
        if units[i][0] != "C":
            out.append(units[i][1])
            i += 1
            continue
        j = i
        while j < len(units) and units[j][0] == "C":
            j += 1
        run = [latin for _, latin in units[i:j]]
        at_start, at_end = i == 0, j == len(units)
        previous_vowel = units[i - 1][1] if i > 0 and units[i - 1][0] == "V" else None
        out.append(_fill_run(run, at_start, at_end, previous_vowel, has_vowel))
        i = j
    return "".join(out)


def _fill_run(
    run: list[str], at_start: bool, at_end: bool, previous_vowel: str | None, has_vowel: bool
) -> str:
    """Vowels for one consonant run, by where it stands in the word.

    Whole word without vowel letters: CaC, CaCC, CaCCaC (``حق``, ``حشد``, ``خزعل``). At the
    start before a vowel letter: CaC.., CaCC.. (``رسول``, ``محمود``). At the end after a long
    vowel: CiC after a, CuC after u (``فالح``, ``يوسف``); a longer final run takes ``a`` before
    its last consonant (``أحمد``). In the middle, clusters stay as written (``كوتراشيف``).
    """
    n = len(run)
    if n == 1:
        return run[0]
    if not has_vowel:
        if n == 2:
            return run[0] + "a" + run[1]
        if n == 3:
            return run[0] + "a" + run[1] + run[2]
        return run[0] + "a" + "".join(run[1:-1]) + "a" + run[-1]
    if at_start:
        if n <= 3:
            return run[0] + "a" + "".join(run[1:])
        return run[0] + "a" + "".join(run[1:-1]) + "a" + run[-1]
    if at_end:
        if n == 2 and previous_vowel in ("a", "u"):
            return run[0] + ("i" if previous_vowel == "a" else "u") + run[1]
        if n >= 3:
            return "".join(run[:-1]) + "a" + run[-1]
    return "".join(run)


def _capitalise(latin: str) -> str:
    """Upper-case the first letter, skipping a leading hamza mark."""
    latin = latin.lstrip("'")
    return latin[:1].upper() + latin[1:]


def romanize_word(word: str) -> str:
    """One Arabic word in Latin letters; ``ال`` becomes ``al-`` and given names their usual form."""
    word = _MARKS_BUT_SHADDA.sub("", word)
    known = given_name(normalize(word))
    if known:
        return known
    article = ""
    if word.startswith("ال") and len(word) > 3:
        article, word = "al-", word[2:]
    known = given_name(normalize(word))
    if known:
        return article + known
    return article + _capitalise(_vocalise(_units(word)))


def romanize(text: str) -> str:
    """A multi-word name romanised word by word (``قيس الخزعلي`` -> ``Qais al-Khazali``).

    Two-word given names (``عبد الله``) are looked up before their parts.
    """
    words = text.split()
    parts = []
    i = 0
    while i < len(words):
        pair = given_name(normalize(" ".join(words[i : i + 2]))) if i + 1 < len(words) else None
        if pair:
            parts.append(pair)
            i += 2
            continue
        parts.append(romanize_word(words[i]))
        i += 1
    return " ".join(part for part in parts if part)

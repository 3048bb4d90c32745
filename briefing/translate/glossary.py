"""Names and terms the model must not translate on its own: ``كوتراشيف`` is always ``Kutrashev``.

A glossary (``--glossary FILE``) is a CSV file with the header ``arabic,english`` and an
optional ``type`` column, or a YAML list of mappings with the same keys.

How a term is protected. Before translation each occurrence of a term in a sentence is replaced
by a placeholder, ``QZX`` followed by the occurrence's number in that sentence (``QZX1``,
``QZX2``...); after translation each placeholder is replaced by the term's English.

* Why this form: neural models copy Latin letters and digits they cannot translate, as they
  copy foreign names and codes; ``QZX`` is no English word, acronym or name, so the model has
  nothing to translate it into, and it holds no ``_`` or ``▁`` (Argos's SentencePiece decoder
  turns those into spaces). Tests run both test model kinds (SentencePiece and BPE) and check
  that the placeholders come through and the terms are restored.
* Why it cannot go wrong unseen: every placeholder is unique in its sentence and is numbered
  past any ``QZX`` number the source already holds, and the output is searched for each one,
  allowing for the spaces and case changes a tokenizer may introduce (``QZX 1``, ``Qzx1``).
  Found once: restored. Not found: the sentence is flagged ``placeholder_lost``. Found more than
  once, or a number that was never issued: restored where possible and flagged
  ``placeholder_duplicated``. Tests feed engines that drop, duplicate and invent placeholders.

Arabic clitics written onto a term still match: ``و``/``ف`` (and), ``ب``/``ل``/``ك`` (with,
for, like) and the article ``ال`` (including ``لل`` for ``ل`` + ``ال``). The conjunction or
preposition stays in the Arabic the model reads, as a word of its own before the placeholder;
the article is dropped, the English term carries its own. Diacritics, tatweel and the
spelling of alef (``ا أ إ آ``) do not prevent a match.

A sentence that is nothing but one term (say a subheading that is a name) is answered from the
glossary without the model, with origin ``glossary``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from briefing.errors import InputError
from briefing.textnorm import is_arabic_char
from briefing.translate.base import Layer, Stream, Translation, answer_or_delegate

PLACEHOLDER_PREFIX = "QZX"
_FOUND = re.compile(r"Q\s*Z\s*X\s*(\d+)", re.IGNORECASE)
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640"  # diacritics, Quranic marks, tatweel
_ALEFS = "اأإآٱ"
_CONJUNCTION = "[وف]?"
_WHOLE_TERM_EDGES = " \t.!?؟،,;؛:\"'«»“”()[]-–—"


@dataclass(frozen=True)
class GlossaryTerm:
    """One protected name or term; ``type`` is free text (person, organisation, place...)."""

    arabic: str
    english: str
    type: str = ""


@dataclass(frozen=True)
class Protected:
    """A sentence with its terms replaced by placeholders, and what each placeholder stands for."""

    text: str
    terms: dict[str, GlossaryTerm]
    first_number: int = 1
    """Placeholder-like numbers below this were in the source already and are left alone."""


class Glossary:
    """The terms of one glossary file, matched longest first."""

    def __init__(self, terms: Sequence[GlossaryTerm]):
        self.terms = list(terms)
        by_length = sorted(self.terms, key=lambda term: -len(_letters(term.arabic)))
        self._by_group = {f"t{i}": term for i, term in enumerate(by_length)}
        alternatives = "|".join(
            f"(?P<t{i}>{_term_pattern(term.arabic)})" for i, term in enumerate(by_length)
        )
        clitic = rf"(?P<clitic>{_CONJUNCTION}(?:[بك]?ال|لل|[بلك])?[{_MARKS}]*)"
        self._pattern = re.compile(
            rf"(?<![\w{_MARKS}]){clitic}(?:{alternatives})(?![\w{_MARKS}])"
        ) if self.terms else None

    @classmethod
    def load(cls, path: Path) -> Glossary:
        """Read a ``.csv`` or ``.yaml``/``.yml`` glossary; problems name the file and the entry."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise InputError(path, "no such glossary file") from None
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(path, f"cannot read the glossary ({error})") from None
        if path.suffix.lower() in (".yaml", ".yml"):
            rows = _yaml_rows(path, text)
        elif path.suffix.lower() == ".csv":
            rows = _csv_rows(path, text)
        else:
            raise InputError(path, "a glossary is a .csv file (arabic,english[,type]) or a .yaml file")
        return cls(_terms(path, rows))

    def protect(self, sentence: str) -> Protected:
        """``sentence`` with every term occurrence replaced by a numbered placeholder."""
        if self._pattern is None:
            return Protected(sentence, {})
        issued = [int(number) for number in _FOUND.findall(sentence)]
        number = max(issued, default=0)
        terms: dict[str, GlossaryTerm] = {}

        def substitute(match: re.Match) -> str:
            nonlocal number
            number += 1
            placeholder = f"{PLACEHOLDER_PREFIX}{number}"
            terms[placeholder] = self._by_group[match.lastgroup]
            clitic = _spoken_clitic(match.group("clitic"))
            return f"{clitic} {placeholder}" if clitic else placeholder

        first_number = number + 1
        return Protected(self._pattern.sub(substitute, sentence), terms, first_number)

    def whole_term(self, sentence: str) -> GlossaryTerm | None:
        """The term ``sentence`` consists of (punctuation aside), if it is just one term."""
        core = sentence.strip(_WHOLE_TERM_EDGES)
        if self._pattern is None or not core:
            return None
        match = self._pattern.fullmatch(core)
        if match is None or _spoken_clitic(match.group("clitic")):
            return None
        return self._by_group[match.lastgroup]


def restore(protected: Protected, translation: Translation) -> Translation:
    """Put each term's English back for its placeholder and flag placeholders lost or duplicated."""
    counts = {placeholder: 0 for placeholder in protected.terms}
    invented = False

    def substitute(match: re.Match) -> str:
        nonlocal invented
        number = int(match.group(1))
        placeholder = f"{PLACEHOLDER_PREFIX}{number}"
        if placeholder not in counts:
            invented = invented or number >= protected.first_number
            return match.group(0)
        counts[placeholder] += 1
        return protected.terms[placeholder].english

    text = _FOUND.sub(substitute, translation.text)
    flags = []
    if any(count == 0 for count in counts.values()):
        flags.append("placeholder_lost")
    if invented or any(count > 1 for count in counts.values()):
        flags.append("placeholder_duplicated")
    return replace(translation, text=text).with_flags(*flags)


class GlossaryEngine(Layer):
    """Protects the glossary's terms around the engine below; answers sentences that are one term."""

    def __init__(self, inner, glossary: Glossary):
        super().__init__(inner)
        self.glossary = glossary

    def stream(self, sentences: Sequence[str]) -> Stream:
        known = {}
        for position, sentence in enumerate(sentences):
            term = self.glossary.whole_term(sentence)
            if term is not None:
                known[position] = Translation(text=_with_edges(sentence, term.english), origin="glossary")
        protected = [self.glossary.protect(sentence) for sentence in sentences]
        rewritten = [item.text for item in protected]
        for position, translation in answer_or_delegate(rewritten, known, self.inner):
            if position not in known:
                translation = restore(protected[position], translation)
            yield position, translation


def _with_edges(sentence: str, english: str) -> str:
    """The term's English with the sentence's own final punctuation (a headline's ``.`` or ``:``)."""
    core = sentence.strip()
    trailing = core[len(core.rstrip(_WHOLE_TERM_EDGES)) :].strip()
    return english + trailing.replace("،", ",").replace("؛", ";").replace("؟", "?")


def _letters(text: str) -> str:
    return re.sub(f"[{_MARKS}\\s]", "", text)


def _term_pattern(arabic: str) -> str:
    """A pattern for ``arabic`` allowing marks after any letter, any alef spelling, any spacing.

    A term written with the article matches without it too, so the clitic part of the match
    can take the article (``بالحشد``, or ``للحشد`` where ``ل`` + ``ال`` lost the alef).
    """
    words = ["".join(_letter_pattern(char) for char in _letters(word)) for word in arabic.split()]
    pattern = r"\s+".join(word for word in words if word)
    if _letters(arabic).startswith("ال"):
        article = _letter_pattern("ا") + _letter_pattern("ل")
        pattern = f"(?:{article})?" + pattern[len(article):]
    return pattern


def _letter_pattern(char: str) -> str:
    letter = f"[{_ALEFS}]" if char in _ALEFS else re.escape(char)
    return f"{letter}[{_MARKS}]*"


def _spoken_clitic(clitic: str) -> str:
    """What of the clitic the model should still read: and/with/for/like, not the article."""
    clitic = re.sub(f"[{_MARKS}]", "", clitic)
    if clitic.endswith("لل"):
        return clitic[:-1]
    if clitic.endswith("ال"):
        return clitic[:-2]
    return clitic


def _csv_rows(path: Path, text: str) -> list[tuple[int, dict]]:
    reader = csv.DictReader(text.splitlines())
    header = [name.strip().lower() for name in reader.fieldnames or []]
    if "arabic" not in header or "english" not in header:
        raise InputError(path, "the first line must be the header arabic,english (and optionally ,type)")
    reader.fieldnames = header
    return [(line, row) for line, row in enumerate(reader, start=2)]


def _yaml_rows(path: Path, text: str) -> list[tuple[int, dict]]:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise InputError(path, f"not valid YAML ({error})") from None
    if isinstance(data, dict) and "terms" in data:
        data = data["terms"]
    if not isinstance(data, list) or not all(isinstance(entry, dict) for entry in data):
        raise InputError(path, "a YAML glossary is a list of entries with the keys arabic and english")
    return list(enumerate(data, start=1))


def _terms(path: Path, rows: list[tuple[int, dict]]) -> list[GlossaryTerm]:
    """Checked terms: both sides present, no Arabic term given two different English forms."""
    terms: dict[str, GlossaryTerm] = {}
    for number, row in rows:
        arabic = " ".join(str(row.get("arabic") or "").split())
        english = " ".join(str(row.get("english") or "").split())
        if not arabic or not english:
            raise InputError(path, f"entry {number}: both arabic and english are needed")
        if not any(is_arabic_char(char) and char.isalpha() for char in arabic):
            raise InputError(path, f"entry {number}: {arabic!r} has no Arabic letters")
        key = _letters(arabic)
        term = GlossaryTerm(arabic, english, " ".join(str(row.get("type") or "").split()))
        if key in terms and terms[key].english != english:
            raise InputError(
                path, f"entry {number}: {arabic} is already translated as {terms[key].english!r}"
            )
        terms[key] = term
    return list(terms.values())

"""English for organisation names and roles, put together from the word lists.

Arabic puts the head noun first and its modifiers after it (``لجنة الأمن والدفاع البرلمانية``:
committee, security and defence, parliamentary); English puts them before it, so reading the
glossed words backwards gives the English name ("Parliamentary Security and Defence Committee").
Bodies whose English name is not built that way (``مركز دراسات الحرب``, the Institute for the
Study of War) are looked up whole first. Nothing is guessed: when a word is not in the lists, the caller gets None and falls back to the
glossary or a romanisation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from briefing.ner.lexicon import Title, known_body, nationality, title_at, word_gloss
from briefing.ner.text import candidate_stems

_PREPOSITIONS = {"لدي": "to", "في": "in", "من": "from", "عن": "of"}


def _gloss_word(word: str) -> tuple[str, bool] | None:
    """(English, is_adjective) of a normalised word without its particles, or None."""
    for reading in candidate_stems(word)[:3]:
        known = word_gloss(reading)
        if known:
            return known.english, known.adjective
        demonym = nationality(reading)
        if demonym:
            return demonym, True
    return None


def _conjoined(word: str) -> str | None:
    """The word without a leading ``و`` (and), unless the ``و`` belongs to the word itself."""
    if (
        word.startswith("و")
        and len(word) > 3
        and word_gloss(word) is None
        and nationality(word) is None
    ):
        return word[1:]
    return None


def gloss_units(words: list[str]) -> list[str] | None:
    """The English units of a name in Arabic order; ``X وY`` stays one unit ("X and Y")."""
    units: list[str] = []
    for word in words:
        rest = _conjoined(word)
        if rest is not None and units:
            known = _gloss_word(rest)
            if known is None:
                return None
            units[-1] = f"{units[-1]} and {known[0]}"
            continue
        known = _gloss_word(word)
        if known is None:
            return None
        units.append(known[0])
    return units


def gloss_name(words: list[str]) -> str | None:
    """The English of a name whose every word is known (``قوات الحشد الشعبي`` -> Popular
    Mobilization Forces), or None. A well-known body has its own English name instead."""
    known = known_body(tuple(words))
    if known is not None:
        return known
    units = gloss_units(words)
    return " ".join(reversed(units)) if units else None


@dataclass
class _Chunk:
    """One title of a role with what qualifies it: adjectives, its object, a prepositional tail."""

    title: Title
    adjectives: list[str] = field(default_factory=list)
    object: list[tuple[str, bool]] = field(default_factory=list)  # (English, is a proper name)
    tail: list[str] = field(default_factory=list)
    joined_by_and: bool = False

    def render(self) -> str:
        text = " ".join(list(reversed(self.adjectives)) + [self.title.english])
        if self.object:
            units = [english for english, _ in reversed(self.object)]
            proper = len(self.object) == 1 and self.object[0][1]
            linker = "" if self.title.english.endswith(" for") else " of"
            text += f"{linker} {'' if proper else 'the '}{' '.join(units)}"
        return " ".join([text] + self.tail)


def role_english(words: list[str], names: dict[int, tuple[int, str]]) -> str | None:
    """The English of a role phrase (normalised words), or None if a word is unknown.

    ``names`` maps the index of a word starting an actor's mention inside the role to (number
    of words, English name), so ``أمين عام عصائب أهل الحق`` reads "secretary-general of Asa'ib
    Ahl al-Haq" with the actor's own English name.
    """
    chunks: list[_Chunk] = []
    pending_and = False
    preposition: str | None = None
    i = 0
    while i < len(words):
        word = words[i]
        if not any(ch.isalpha() for ch in word):
            i += 1
            continue
        conjoined = _conjoined(word) if chunks else None
        if conjoined is not None:
            word, pending_and = conjoined, True
        after_title = (
            bool(chunks) and not chunks[-1].object and not pending_and and preposition is None
        )
        glossed = _gloss_word(word)
        if after_title and glossed and glossed[1]:
            chunks[-1].adjectives.append(glossed[0])
            i += 1
            continue
        title = title_at([word] + words[i + 1 :], 0)
        if title is not None:
            chunks.append(_Chunk(title[0], joined_by_and=pending_and))
            pending_and = False
            preposition = None
            i += title[1]
            continue
        if not chunks:
            return None
        if word in _PREPOSITIONS:
            preposition = _PREPOSITIONS[word]
            i += 1
            continue
        if i in names:
            length, english = names[i]
            glossed_name = gloss_units(words[i : i + length])
            units = [(unit, False) for unit in glossed_name] if glossed_name else [(english, True)]
            i += length
        elif glossed:
            units = [(glossed[0], False)]
            i += 1
        else:
            return None
        if preposition is not None:
            proper = len(units) == 1 and units[0][1]
            chunks[-1].tail.append(
                f"{preposition} {'' if proper else 'the '}{' '.join(u for u, _ in reversed(units))}"
            )
            preposition = None
        else:
            chunks[-1].object.extend(units)
    if not chunks:
        return None
    text = chunks[0].render()
    for previous, chunk in pairwise(chunks):
        if chunk.joined_by_and:
            separator = " and "
        elif previous.title.rank and chunk.title.rank:
            separator = " "
        else:
            separator = ", "
        text += separator + chunk.render()
    return text

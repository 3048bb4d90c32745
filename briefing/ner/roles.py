"""The role or title news puts right before a person's name.

``السفير الروسي لدى العراق إلبروس كوتراشيف``, ``رئيس هيئة الحشد الشعبي العراقي فالح الفياض``,
``الفريق الركن د. قاصد محمود صالح``: a run of title words, nationality adjectives, words of
organisation names and names of other actors, opened by a title. Reading backwards from the name
over such words and then forward to the first title gives the role; it is kept apart from the
name so the name merges with its other mentions.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.ner.lexicon import MAX_TITLE_WORDS, title_at
from briefing.ner.mentions import ABBREVIATED_TITLES, ROLE_LINKS, Found, Names, describes
from briefing.ner.text import offset_after_letters


@dataclass(frozen=True)
class Role:
    """Token range [first, last) of a role and its character span in the paragraph."""

    first: int
    last: int
    start: int
    end: int


def _describes_role(word: str) -> bool:
    return word in ROLE_LINKS or describes(word)


def _in_title(words: list[str], i: int) -> bool:
    """Whether word ``i`` is part of a title; looks only at titles that could reach it, so a
    role is found in time proportional to its length, not to the paragraph's."""
    for j in range(max(0, i - MAX_TITLE_WORDS + 1), i + 1):
        found = title_at(words, j)
        if found is not None and j + found[1] > i:
            return True
    return False


def role_before(names: Names, person: Found) -> Role | None:
    """The role written right before ``person``'s name, or None if the name stands alone."""
    words = names.words
    inside_other_name = {
        i for found in names.found if found.type != "person" for i in range(found.first, found.last)
    }
    first = person.first
    i = person.first - 1
    while i >= 0:
        word = words[i]
        abbreviation_dot = word == "." and i > 0 and words[i - 1] in ABBREVIATED_TITLES
        if _in_title(words, i) or i in inside_other_name or abbreviation_dot or _describes_role(word):
            first = i
            i -= 1
            continue
        break
    while first < person.first and not _in_title(words, first):
        first += 1
    if first == person.first:
        return None
    start = names.tokens[first].start
    if words[first].startswith("و") and title_at([words[first][1:]] + words[first + 1 :], 0):
        # the "and" that links this clause to the previous one is not part of the role
        start += offset_after_letters(names.tokens[first].text, 1)
    return Role(first, person.first, start, names.tokens[person.first - 1].end)

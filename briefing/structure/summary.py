"""The summary side of the data model: actors, dates, viewpoints and clashes.

Field names are the JSON keys of the export (``briefing/1`` schema), so the JSON renderer can
write these dataclasses as they are. ``article`` is an article id (``A1``), ``paragraph`` a
1-based paragraph index, ``start``/``end`` character offsets into that paragraph's ``ar``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ActorType = Literal["person", "organization", "location"]


@dataclass
class Mention:
    """One place an actor is named."""

    article: str
    paragraph: int
    start: int
    end: int
    text: str


@dataclass
class Actor:
    """A person, organisation or place, once, with every mention (name variants merged)."""

    name_ar: str
    name_en: str
    type: ActorType
    role_ar: str | None = None
    role_en: str | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class DateMention:
    """A date expression found in the Arabic, normalised, with the event it dates.

    ``actors`` holds indices into ``Briefing.actors``.
    """

    text: str
    value: str | None
    end_value: str | None
    granularity: str
    modifier: str | None
    inferred: bool
    article: str
    paragraph: int
    start: int
    end: int
    event_ar: str
    event_en: str | None
    actors: list[int] = field(default_factory=list)


@dataclass
class Viewpoint:
    """A claim attributed to a speaker; ``actor`` is an index into ``Briefing.actors`` or None.

    ``stance`` says in plain English what the claim does about its topic ("denies", "warns",
    "opposes", "supports", "reports"); ``stance_words`` are the Arabic words that decided it.
    """

    speaker_ar: str
    speaker_en: str
    actor: int | None
    cue: str
    claim_ar: str
    claim_en: str | None
    article: str
    paragraph: int
    start: int
    end: int
    topic: str
    polarity: str
    stance: str
    stance_words: list[str]


@dataclass
class Clash:
    """Two viewpoints on one topic that oppose each other; ``a``/``b`` index ``Briefing.viewpoints``."""

    topic: str
    a: int
    b: int
    because: str

"""The article side of the data model: what ingest, segment, translate and align produce.

Every English sentence belongs to exactly one Arabic sentence, every sentence to one paragraph
and every paragraph to one article; renderers and extractors rely on these links instead of
re-matching text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class ParagraphKind(str, Enum):
    """How a paragraph is shown: the headline, running text, a subheading, or a repeat."""

    TITLE = "title"
    BODY = "body"
    SUBHEADING = "subheading"
    REPEATED = "repeated"


@dataclass
class Sentence:
    """One Arabic sentence and the English made for it.

    ``start``/``end`` are character offsets into the paragraph's ``ar`` string, so
    ``paragraph.ar[start:end] == ar`` always holds.
    """

    ar: str
    start: int
    end: int
    en: str | None = None
    origin: str = ""
    flags: list[str] = field(default_factory=list)


@dataclass
class Paragraph:
    """A paragraph of an article in source order; ``index`` counts from 1 (the headline is 1)."""

    index: int
    kind: ParagraphKind
    ar: str
    sentences: list[Sentence] = field(default_factory=list)
    repeat_of: int | None = None

    @property
    def en(self) -> str | None:
        """The paragraph's English: its sentences' translations joined, or None before translation."""
        parts = [s.en for s in self.sentences if s.en]
        if not parts:
            return None
        return " ".join(parts)


@dataclass
class Article:
    """One input file, ingested: ``id`` is ``A1``, ``A2``... in input order."""

    id: str
    source: str
    paragraphs: list[Paragraph]
    encoding: str = "utf-8"
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> Paragraph:
        return self.paragraphs[0]

    @property
    def title_ar(self) -> str:
        return self.title.ar

    @property
    def title_en(self) -> str | None:
        return self.title.en

    def paragraph(self, index: int) -> Paragraph:
        """The paragraph with this 1-based ``index``."""
        return self.paragraphs[index - 1]

    def sentences(self):
        """All sentences of the article in order, each with its paragraph."""
        for paragraph in self.paragraphs:
            for sentence in paragraph.sentences:
                yield paragraph, sentence

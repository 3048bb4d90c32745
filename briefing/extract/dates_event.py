"""The event a date belongs to: the clause of its sentence, so that a sentence listing several
dated meetings gives each date its own meeting.

News packs lists of dated events into one sentence ("التقى X، توالياً، A في 31 يناير، وB في 1
فبراير، ..."). Clauses are cut at ، ؛ and, between two dates of one clause, at the first
word-initial و after the earlier date. Clauses of three words or fewer ("والتقى كوتراشيف",
"توالياً") are joined to the clause after them, and a list item that starts with و inherits that
opening ("والتقى كوتراشيف … ورئيس هيئة الحشد ... في 1 فبراير") so it still says who did what.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from briefing.structure.article import Paragraph, Sentence

_CLAUSE_MARK = re.compile(r"[،؛;]|,(?!\d)")
_AND = re.compile(r"(?<=\s)و(?=\w)")
_SHORT_CLAUSE_WORDS = 3
_TRIM = " \t\n.:!?؟…"
ELLIPSIS = " … "


@dataclass(frozen=True)
class Event:
    """The Arabic text of an event, the paragraph spans it was taken from, and its sentence."""

    text: str
    spans: tuple[tuple[int, int], ...]
    sentence: Sentence | None


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    opening_end: int  # where the first short clause joined into this one ends (its opening)


def events(paragraph: Paragraph, dates: list[tuple[int, int]]) -> list[Event]:
    """One event per date span (``dates`` in paragraph order), each from that date's sentence.

    A date outside every sentence (a paragraph not segmented yet) takes the whole paragraph
    as its sentence, and its event then has no English.
    """
    whole = Sentence(paragraph.ar, 0, len(paragraph.ar))
    by_sentence: dict[int, list[int]] = {}
    for number, (start, end) in enumerate(dates):
        by_sentence.setdefault(_sentence_of(paragraph.sentences, start, end), []).append(number)
    found: dict[int, Event] = {}
    for position, numbers in by_sentence.items():
        sentence = paragraph.sentences[position] if position >= 0 else None
        spans = [dates[number] for number in numbers]
        made = _sentence_events(paragraph.ar, sentence or whole, spans)
        for number, event in zip(numbers, made, strict=True):
            found[number] = Event(event.text, event.spans, sentence)
    return [found[number] for number in range(len(dates))]


def _sentence_of(sentences: list[Sentence], start: int, end: int) -> int:
    """The index of the sentence holding ``[start, end)``, or -1 for none."""
    for position, sentence in enumerate(sentences):
        if sentence.start <= start and end <= sentence.end:
            return position
    return -1


def _sentence_events(text: str, sentence: Sentence, dates: list[tuple[int, int]]) -> list[Event]:
    clauses = _clauses(text, sentence, dates)
    pieces: list[tuple[int, int, _Clause]] = []  # (start, end, clause) per date
    for clause in clauses:
        inside = [span for span in dates if clause.start <= span[0] < clause.end]
        start = clause.start
        for current, following in pairwise([*inside, None]):
            end = clause.end if following is None else _cut_before(text, current[1], following[0])
            pieces.append((start, end, clause))
            start = end
    found = []
    opening: tuple[int, int] | None = None
    previous_end: int | None = None
    for start, end, clause in pieces:
        start, end = _trimmed(text, start, end)
        spans: tuple[tuple[int, int], ...] = ((start, end),)
        if opening is None and clause.opening_end < min(end, _first_date_in(dates, start, end)):
            opening = _trimmed(text, clause.start, clause.opening_end)
        continues_list = (
            previous_end is not None
            and text.startswith("و", start)
            and not text[previous_end:start].strip(" ،,؛;")
        )
        if continues_list and opening is not None:
            spans = (opening, (start, end))
        found.append(Event(ELLIPSIS.join(text[s:e] for s, e in spans), spans, None))
        previous_end = end
    return found


def _clauses(text: str, sentence: Sentence, dates: list[tuple[int, int]]) -> list[_Clause]:
    """The sentence cut at clause marks (never inside a date), short clauses joined to the next."""
    cuts = [sentence.start]
    for mark in _CLAUSE_MARK.finditer(text, sentence.start, sentence.end):
        if not any(start <= mark.start() < end for start, end in dates):
            cuts.append(mark.end())
    cuts.append(sentence.end)
    clauses: list[_Clause] = []
    pending: int | None = None  # start of short clauses waiting for the next one
    pending_opening = 0
    for start, end in pairwise(cuts):
        if pending is None:
            pending, pending_opening = start, end
        if len(text[start:end].split()) > _SHORT_CLAUSE_WORDS or end == sentence.end:
            clauses.append(_Clause(pending, end, pending_opening if pending != start else end))
            pending = None
    return clauses


def _cut_before(text: str, after: int, before: int) -> int:
    """Where one date's part of a clause ends: at the first word-initial و after the date,
    else where the next date starts."""
    found = _AND.search(text, after, before)
    return found.start() if found else before


def _first_date_in(dates: list[tuple[int, int]], start: int, end: int) -> int:
    return min((span_start for span_start, _ in dates if start <= span_start < end), default=end)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding spaces, clause marks and final full stops."""
    while start < end and (text[start].isspace() or _CLAUSE_MARK.match(text, start)):
        start += 1
    while end > start and (text[end - 1] in _TRIM or _CLAUSE_MARK.match(text, end - 1)):
        end -= 1
    return start, end

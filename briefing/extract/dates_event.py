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
from dataclasses import dataclass, replace
from itertools import pairwise

from briefing.structure.article import Paragraph, Sentence

_CLAUSE_MARK = re.compile(r"[،؛;]|,(?!\d)")
_AND = re.compile(r"(?<=\s)و(?=\w)")
_SHORT_CLAUSE_WORDS = 3
# A clause of news runs to about two lines; text without punctuation has no clauses, and its
# "event" is cut to this many characters around the date instead of running for pages.
MAX_EVENT_CHARS = 400
# Words that frame a date without saying what happened (في وقت سابق من هذا الشهر), as written
# after a و/ف clitic is dropped; plus punctuation and quotes stripped from words.
_FRAME_WORDS = frozenset("في من خلال وقت سابق لاحق متأخر مبكر يوم بتاريخ تاريخ أيضا أيضًا".split())
_WORD_MARKS = re.compile(r"[^\w\u064b-\u0652]")
_TRIM = " \t\n.:!?؟…"
ELLIPSIS = " … "


@dataclass(frozen=True)
class Event:
    """The Arabic text of an event and the paragraph spans it was taken from."""

    text: str
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    opening_end: int  # where the first short clause joined into this one ends (its opening)


def events(paragraph: Paragraph, dates: list[tuple[int, int]]) -> list[Event]:
    """One event per date span (``dates`` in paragraph order), each from that date's sentence.

    A date outside every sentence (a paragraph not segmented yet) takes the whole paragraph
    as its sentence.
    """
    whole = Sentence(paragraph.ar, 0, len(paragraph.ar))
    by_sentence: dict[int, list[int]] = {}
    for number, (start, end) in enumerate(dates):
        by_sentence.setdefault(_sentence_of(paragraph.sentences, start, end), []).append(number)
    found: dict[int, Event] = {}
    for position, numbers in by_sentence.items():
        sentence = paragraph.sentences[position] if position >= 0 else whole
        spans = [dates[number] for number in numbers]
        made = _sentence_events(paragraph.ar, sentence, spans)
        found.update(zip(numbers, made, strict=True))
    return [found[number] for number in range(len(dates))]


def _sentence_of(sentences: list[Sentence], start: int, end: int) -> int:
    """The index of the sentence holding ``[start, end)``, or -1 for none."""
    for position, sentence in enumerate(sentences):
        if sentence.start <= start and end <= sentence.end:
            return position
    return -1


def _sentence_events(text: str, sentence: Sentence, dates: list[tuple[int, int]]) -> list[Event]:
    found: list[Event] = []
    opening: tuple[int, int] | None = None
    previous_end: int | None = None
    for clause in _clauses(text, sentence, dates):
        inside = [span for span in dates if clause.start <= span[0] < clause.end]
        for piece_start, piece_end, count in _pieces(text, clause, inside):
            start, end = _trimmed(text, piece_start, piece_end)
            first_date = min(span[0] for span in inside if start <= span[0] < end)
            start, end = _around(text, start, end, first_date)
            spans: tuple[tuple[int, int], ...] = ((start, end),)
            if opening is None and clause.opening_end < min(end, first_date):
                opening = _trimmed(text, clause.start, clause.opening_end)
            continues_list = (
                previous_end is not None
                and text.startswith("و", start)
                and not text[previous_end:start].strip(" ،,؛;")
            )
            if continues_list and opening is not None:
                spans = (opening, (start, end))
            event = Event(ELLIPSIS.join(text[s:e] for s, e in spans), spans)
            found.extend([event] * count)
            previous_end = end
    return found


def _around(text: str, start: int, end: int, date: int) -> tuple[int, int]:
    """``[start, end)`` narrowed to ``MAX_EVENT_CHARS`` around ``date``, cut between words."""
    if end - start <= MAX_EVENT_CHARS:
        return start, end
    low = max(start, date - MAX_EVENT_CHARS // 3)
    high = min(end, low + MAX_EVENT_CHARS)
    if low > start:
        space = text.find(" ", low, date)
        low = space + 1 if space >= 0 else low
    if high < end:
        space = text.rfind(" ", date, high)
        high = space if space > date else high
    return _trimmed(text, low, high)


def _pieces(
    text: str, clause: _Clause, inside: list[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """The clause's parts, one per group of its dates: ``(start, end, number of dates)``.

    Two dates fall in different parts only when a word-initial و lies between them (A في 31
    يناير وB في 1 فبراير); otherwise they date the same event (غدًا أو في نوفمبر).
    """
    pieces: list[tuple[int, int, int]] = []
    start, count = clause.start, 0
    for current, following in pairwise([*inside, None]):
        count += 1
        cut = _AND.search(text, current[1], following[0]) if following is not None else None
        if following is None or cut is not None:
            end = clause.end if cut is None else cut.start()
            pieces.append((start, end, count))
            start, count = end, 0
    return pieces


def _clauses(text: str, sentence: Sentence, dates: list[tuple[int, int]]) -> list[_Clause]:
    """The sentence cut at clause marks (never inside a date), dependent clauses joined.

    Short undated clauses (والتقى كوتراشيف، توالياً،) join the clause after them. A clause that
    is only a date and its frame (وفي وقت سابق من هذا الشهر،) joins the clause after it when it
    opens the sentence, and the clause before it otherwise (…أيضًا، هذا الأسبوع،).
    """
    cuts = [sentence.start]
    for mark in _CLAUSE_MARK.finditer(text, sentence.start, sentence.end):
        if not any(start <= mark.start() < end for start, end in dates):
            cuts.append(mark.end())
    cuts.append(sentence.end)
    clauses: list[_Clause] = []
    pending: int | None = None  # start of the clauses waiting to join the next one
    opening_end = 0
    for start, end in pairwise(cuts):
        dated = any(start <= date_start < end for date_start, _ in dates)
        frame_only = dated and _only_frame_words(text, start, end, dates)
        if frame_only and clauses and pending is None:
            clauses[-1] = replace(clauses[-1], end=end)
            continue
        if pending is None:
            pending, opening_end = start, end
        short = not dated and len(text[start:end].split()) <= _SHORT_CLAUSE_WORDS
        if not (short or frame_only) or end == sentence.end:
            clauses.append(_Clause(pending, end, opening_end if pending != start else end))
            pending = None
    return clauses


def _only_frame_words(text: str, start: int, end: int, dates: list[tuple[int, int]]) -> bool:
    """Whether ``text[start:end]`` holds nothing but dates and words like في, وقت سابق, من."""
    outside = text[start:end]
    for date_start, date_end in sorted(dates, reverse=True):
        if start <= date_start < end:
            outside = outside[: date_start - start] + " " + outside[date_end - start :]
    words = (_WORD_MARKS.sub("", word) for word in outside.split())
    return all(word in _FRAME_WORDS or word[1:] in _FRAME_WORDS for word in words if word)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding spaces, clause marks and final full stops."""
    while start < end and (text[start].isspace() or _CLAUSE_MARK.match(text, start)):
        start += 1
    while end > start and (text[end - 1] in _TRIM or _CLAUSE_MARK.match(text, end - 1)):
        end -= 1
    return start, end

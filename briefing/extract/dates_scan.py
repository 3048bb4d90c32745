"""Finding Arabic date expressions in a paragraph, as written (nothing resolved yet).

The scanner walks the tokens of one paragraph and, at each position, tries to read
``[modifiers] core [range end]``: a core is a calendar date (day, month and year in any
combination, either Gregorian naming system, Hijri), a weekday, a day word (أمس, الليلة), a
period (الأسبوع الماضي), a decade or century (التسعينيات, القرن التاسع عشر), a season with its
year (الصيف الماضي), a time of day (الساعة 7.55 صباحاً, kept with the day it falls on) or a
duration after قبل/منذ/بعد. Numbers are dates only in those frames, so counts (2000 جندي),
durations (خلال 24 ساعة) and scores (1-0) never become dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from briefing.extract.dates_lexicon import (
    CONJUNCTIONS,
    LEXICON,
    LONGEST_PHRASE,
    PREPOSITION_CLITICS,
    Entry,
    Kind,
    MonthName,
    fold,
)

_TOKEN = re.compile(
    r"(?P<numdate>(?<!\d)(?:\d{1,2}(?P<sep1>[/.-])\d{1,2}(?P=sep1)\d{4}"
    r"|\d{4}(?P<sep2>[/.-])\d{1,2}(?P=sep2)\d{1,2}|\d{1,2} / \d{1,2} / \d{4})(?!\d))"
    r"|(?P<number>\d+(?:[.,٫٬]\d+)*)"
    r"|(?P<word>(?:[^\W\d_]|[\u0610-\u061a\u064b-\u065f\u0670])+)"
    r"|(?P<punct>\S)"
)

# Kinds that may carry a preposition clitic (بالأمس, لهذا العام, بشهر) and, more widely, a
# conjunction (وفي, وفبراير); suffixes like م and هـ take none, or "لم" (did not) after a year
# would read as "AD".
_PREPOSITION_CLITIC_KINDS = frozenset(
    {Kind.DAY_OFFSET, Kind.PERIOD, Kind.MODIFIER, Kind.YEAR_MARKER, Kind.MONTH_MARKER}
    | {Kind.THIS, Kind.PART_OF_DAY, Kind.SEASON, Kind.DECADE, Kind.CENTURY, Kind.CLOCK}
)
_CONJUNCTION_KINDS = _PREPOSITION_CLITIC_KINDS | {
    Kind.MONTH,
    Kind.WEEKDAY,
    Kind.PREPOSITION,
    Kind.RANGE_START,
    Kind.ORDINAL_DAY,
}
_PREFIX_KINDS = (Kind.MODIFIER, Kind.RANGE_START, Kind.PREPOSITION)

# Words before a weekday name that give it another meaning: كلا الاثنين (both), صلاة الجمعة
# (the Friday prayer, not a date), الواحد الأحد (God, the One).
_NOT_WEEKDAY_AFTER = frozenset(fold(word) for word in ("كلا", "صلاة", "خطبة", "صلوات", "الواحد"))
# Words before اليوم that make it "that day" or "all day" rather than "today", or the name of a
# programme (برنامج هذا الصباح, the show "This Morning").
_NOT_TODAY_AFTER = frozenset(fold(word) for word in "ذلك نفس ذات تلك طوال طيلة برنامج".split())
# Words after a day word that make it a day of something (اليوم الأول, اليوم الوطني, اليوم
# الذي) or not a day at all (في أمس الحاجة, "in dire need"). A definite word in general
# cannot be the test: "أعلنت اليوم الحكومة" puts the subject right after "today".
_NOT_A_DAY_BEFORE = frozenset(
    fold(word)
    for word in (
        "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الأخير الوطني"
        " العالمي الدولي الذي نفسه ذاته الحاجة حاجة الأولى الأخيرة التي نفسها ذاتها الحادي"
        " العشرين الثلاثين"
    ).split()
)
# Words that can open the clause after a bare year (في 2016 عندما ...): a count would be
# followed by what it counts instead.
_CLAUSE_OPENERS = frozenset(
    fold(word) for word in "عندما حين حينما حيث بعدما قبلما ثم لكن ولكن بينما إذ".split()
)
_BARE_YEAR_BLOCKERS = frozenset("%-/")
# Day words taken only after a part of the day: صباح الغد is "tomorrow morning", but الغد alone
# is as often "the future" or a name (جيل الغد, صحيفة الغد).
_DAY_WORDS_AFTER_PART_OF_DAY = frozenset({fold("الغد")})
# A decade followed by these is an age (في الثمانينيات من عمره, "in his eighties").
_AGE = re.compile(fold("^(?:ال)?عمر"))
# A time the tokenizer reads as one number, its hour and minutes joined by a dot or comma
# (7.55); 10:15 is three tokens.
_TIME_NUMBER = re.compile(r"^(\d{1,2})[.,٫](\d{2})$")
_HOURS_IN_A_DAY = 24


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # "word" | "number" | "numdate" | "punct"

    @property
    def number(self) -> int | None:
        """The integer a plain number token spells (Arabic-Indic digits too), else None."""
        if self.kind != "number" or not self.text.isdecimal():
            return None
        return int(self.text)


@dataclass(frozen=True)
class CalendarDate:
    """A date as written: any of day, month, year, or instead of the year a relation to the
    publication date: ``occurrence`` -1/+1 for the last/next such month (يناير الماضي/المقبل),
    ``year_offset`` for the month of a year counted from it (مارس من العام الماضي: -1)."""

    calendar: str = "gregorian"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    occurrence: int | None = None
    year_offset: int | None = None
    # A season instead of a month (صيف 2019; occurrence 0 for هذا الصيف).
    season: str | None = None


@dataclass(frozen=True)
class RelativeDate:
    """A date counted from the publication date (``offset`` units, negative is past).

    ``offset`` is None when the anchor is another event (بعد أقل من 24 ساعة), so the date can
    only be kept as relative. ``calendar_period`` tells the calendar week/month/year
    (الأسبوع الماضي) from a point in time that far back (قبل أسبوع).
    """

    unit: str  # "hour" | "day" | "week" | "month" | "year"
    offset: int | None
    calendar_period: bool = False
    day: int | None = None  # a day of the month counted (الخامس من الشهر الجاري)


@dataclass(frozen=True)
class Weekday:
    """A weekday name; ``relation`` -1 for الماضي, +1 for المقبل, None for the nearest past one."""

    weekday: int
    relation: int | None = None


@dataclass(frozen=True)
class YearSpan:
    """A century, or a decade of one (ثمانينيات القرن العشرين): ``century`` as numbered, or
    ``century_offset`` from the publication's (القرن الماضي: -1); ``decade`` 0-90 within it.
    ``assumed`` when the text names no century (التسعينيات is taken as the 20th's)."""

    century: int | None = None
    century_offset: int | None = None
    decade: int | None = None
    assumed: bool = False


@dataclass(frozen=True)
class ClockTime:
    """A time of day written alone (الساعة 2 مساءً): the day it falls on is not given."""

    hour: int
    minute: int | None = None


DateNode = CalendarDate | RelativeDate | Weekday | YearSpan | ClockTime


@dataclass(frozen=True)
class Expression:
    """One date expression: ``[start, end)`` in the paragraph, the date, and a range end if any."""

    start: int
    end: int
    date: DateNode
    modifiers: tuple[str, ...] = ()
    last: DateNode | None = None


@dataclass(frozen=True)
class _Reading:
    """One dictionary reading of the words at a position: the phrase's entries and its extent."""

    entries: tuple[Entry, ...]
    start: int
    end: int
    next: int
    clitic: str

    def value(self, kind: Kind):
        for entry in self.entries:
            if entry.kind is kind:
                return entry.value
        return None

    def has(self, *kinds: Kind) -> bool:
        return any(entry.kind in kinds for entry in self.entries)


@dataclass(frozen=True)
class _Core:
    date: DateNode
    start: int
    end: int
    next: int
    last: DateNode | None = None
    bare_year: bool = False
    # Replaces the prefix modifiers when the core changes their sense (قبل يومين is "ago").
    modifiers_used: tuple[str, ...] | None = None


@dataclass
class _Context:
    """What came before the core: modifiers, the last preposition, whether a range is read."""

    modifiers: list[str] = field(default_factory=list)
    preposition: str | None = None
    in_range: bool = False
    years_follow: bool = False  # the range started with a marked year (من عام 2011 إلى 2014)


def tokenize(text: str) -> list[Token]:
    """Words, numbers, numeric dates and single punctuation marks, with offsets into ``text``."""
    return [
        Token(m.group(), m.start(), m.end(), m.lastgroup or "punct") for m in _TOKEN.finditer(text)
    ]


def scan(text: str) -> list[Expression]:
    """Every date expression in ``text``, in order, none overlapping."""
    return _Scanner(text).scan()


class _Scanner:
    def __init__(self, text: str):
        self.tokens = tokenize(text)
        self.readings = [self._readings_at(index) for index in range(len(self.tokens))]

    # --- dictionary access -------------------------------------------------------------

    def _readings_at(self, index: int) -> list[_Reading]:
        """Dictionary phrases starting at token ``index``, longest first, clitics peeled off."""
        found = []
        for length in range(LONGEST_PHRASE, 0, -1):
            words = self.tokens[index : index + length]
            if len(words) < length or any(token.kind != "word" for token in words):
                continue
            rest = " ".join(fold(token.text) for token in words[1:])
            for clitic, head in _clitic_splits(fold(words[0].text)):
                entries = LEXICON.get(f"{head} {rest}".strip())
                if not entries:
                    continue
                if clitic:
                    allowed = (
                        _CONJUNCTION_KINDS if clitic in CONJUNCTIONS else _PREPOSITION_CLITIC_KINDS
                    )
                    entries = [entry for entry in entries if entry.kind in allowed]
                if entries:
                    start = words[0].start + _original_length(words[0].text, len(clitic))
                    found.append(
                        _Reading(tuple(entries), start, words[-1].end, index + length, clitic)
                    )
                    break
        return found

    def reading(self, index: int, *kinds: Kind) -> _Reading | None:
        """The longest reading at ``index`` that has one of ``kinds``."""
        if index >= len(self.tokens):
            return None
        for candidate in self.readings[index]:
            if candidate.has(*kinds):
                return candidate
        return None

    def token(self, index: int) -> Token | None:
        return self.tokens[index] if 0 <= index < len(self.tokens) else None

    def past_of(self, index: int) -> int:
        """``index``, or the index after it when a من stands there (الأول من مارس)."""
        of = self.reading(index, Kind.PREPOSITION)
        return of.next if of is not None and of.value(Kind.PREPOSITION) == fold("من") else index

    def is_punct(self, index: int, marks: str) -> bool:
        token = self.token(index)
        return token is not None and token.kind == "punct" and token.text in marks

    # --- expressions -------------------------------------------------------------------

    def scan(self) -> list[Expression]:
        found = []
        index = 0
        while index < len(self.tokens):
            expression, after = self.expression(index)
            if expression is None:
                index += 1
            else:
                found.append(expression)
                index = after
        return found

    def expression(self, index: int) -> tuple[Expression | None, int]:
        """The expression starting at ``index``: prefixes (منذ أواخر, في, بين) then a core."""
        context = _Context()
        text_start: int | None = None
        for _ in range(4):
            core = self.core(index, context)
            if core is not None:
                return self._finish(core, context, text_start)
            prefix = self.reading(index, *_PREFIX_KINDS)
            if prefix is None:
                return None, index
            if prefix.has(Kind.MODIFIER):
                context.modifiers.append(prefix.value(Kind.MODIFIER))
                text_start = prefix.start if text_start is None else text_start
            elif prefix.has(Kind.RANGE_START):
                context.in_range = True
                text_start = prefix.start if text_start is None else text_start
                core = self.between(prefix.next, context)
                if core is None:
                    return None, index
                return self._finish(core, context, text_start)
            else:
                context.preposition = prefix.value(Kind.PREPOSITION)
                if context.preposition == fold("من"):
                    core = self.from_to(prefix.next, context)
                    if core is not None:
                        start = prefix.start if text_start is None else text_start
                        return self._finish(core, context, start)
            index = prefix.next
        return None, index

    def _finish(
        self, core: _Core, context: _Context, text_start: int | None
    ) -> tuple[Expression, int]:
        """The expression of ``core`` (with the time of day after it) and where scanning goes on."""
        core = self.with_clock(core)
        modifiers = tuple(context.modifiers) if core.modifiers_used is None else core.modifiers_used
        start = core.start if text_start is None else min(text_start, core.start)
        return Expression(start, core.end, core.date, modifiers, core.last), core.next

    def between(self, index: int, context: _Context) -> _Core | None:
        """``بين A و B``: A may leave out what B gives (بين 1 و5 فبراير, بين يناير ومارس 2024)."""
        first = self.calendar_core(index, context, partial=True)
        if first is None or first.last is not None:
            return first
        after = self.and_connector(first.next)
        if after is None:
            return None
        return self._range(first, after, context)

    def from_to(self, index: int, context: _Context) -> _Core | None:
        """``من A إلى B`` (also حتى, لغاية, a dash), with the same filling as ``between``."""
        range_context = replace(context, in_range=True)
        first = self.calendar_core(index, range_context, partial=True)
        if first is None:
            return None
        if first.last is not None:
            return first
        if self.is_punct(first.next, "-–"):
            after = first.next + 1
        else:
            connector = self.reading(first.next, Kind.RANGE_TO)
            if connector is None:
                return None
            after = connector.next
        return self._range(first, after, range_context)

    def _range(self, first: _Core, index: int, context: _Context) -> _Core | None:
        if not isinstance(first.date, CalendarDate):
            return None
        marked_year = first.date.month is None and first.date.day is None and not first.bare_year
        second = self.calendar_core(
            index, replace(context, years_follow=marked_year), partial=False
        )
        if second is None:
            return None
        if isinstance(second.date, RelativeDate):  # 5 و6 من الشهر الجاري
            if second.date.day is None or first.date.month is not None:
                return None
            start_date = replace(second.date, day=first.date.day)
        else:
            start_date = _fill_from(first.date, second.date)
        return _Core(start_date, first.start, second.end, second.next, last=second.date)

    def and_connector(self, index: int) -> int | None:
        """Where the second end of a range starts: after a lone و, or at a word carrying و."""
        token = self.token(index)
        if token is None:
            return None
        if token.kind == "word" and fold(token.text) == "و":
            return index + 1
        reading = self.readings[index][0] if self.readings[index] else None
        if reading is not None and reading.clitic.startswith("و"):
            return index
        return None

    # --- cores -------------------------------------------------------------------------

    def core(self, index: int, context: _Context) -> _Core | None:
        for read in (
            self.calendar_core,
            self.weekday,
            self.day_word,
            self.period,
            self.era,
            self.season,
            self.clock,
            self.duration,
        ):
            found = read(index, context)
            if found is not None:
                return self.dash_range(found, context)
        return None

    def dash_range(self, first: _Core, context: _Context) -> _Core:
        """``28 يناير - 3 فبراير 2024``: a date with a month name, a dash, another date (a
        dash after a bare number is a score: 3-1)."""
        if not (
            isinstance(first.date, CalendarDate)
            and first.date.month is not None
            and first.last is None
            and self.is_punct(first.next, "-–")
        ):
            return first
        return self._range(first, first.next + 1, replace(context, in_range=True)) or first

    def calendar_core(self, index: int, context: _Context, partial: bool = False) -> _Core | None:
        """A numeric date, a day and month, a month, or a year; ``partial`` allows range starts."""
        token = self.token(index)
        if token is not None and token.kind == "numdate":
            return self.numeric_date(index)
        if not partial and token is not None and token.number is not None and len(token.text) <= 2:
            listed = self.between(index, context)  # في 5 و6 فبراير: two days, read as a range
            if listed is not None:
                return listed
        return (
            self.day_month(index, context, partial)
            or self.month(index, context, partial)
            or self.year(index, context, partial)
        )

    def numeric_date(self, index: int) -> _Core | None:
        token = self.tokens[index]
        parts = [int(part) for part in re.split(r"[/.-]", token.text)]
        year, month, day = parts if parts[0] > 31 else reversed(parts)
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return _Core(CalendarDate("gregorian", year, month, day), token.start, token.end, index + 1)

    def day_month(self, index: int, context: _Context, partial: bool) -> _Core | None:
        """``31 يناير``, ``الـ20 من شهر فبراير``, ``الأول من مارس``, ``5 من الشهر الجاري``;
        with ``partial`` also a day alone that starts a range (بين 1 و5 فبراير)."""
        article = self.token(index)
        if article is not None and article.kind == "word" and fold(article.text) == "ال":
            index += 1
        else:
            article = None
        token = self.token(index)
        if token is None:
            return None
        day, after = (token.number if len(token.text) <= 2 else None), index + 1
        start = (article or token).start
        ordinal = self.reading(index, Kind.ORDINAL_DAY)
        if day is None and ordinal is not None:
            day, start, after = ordinal.value(Kind.ORDINAL_DAY), ordinal.start, ordinal.next
        if day is None or not 1 <= day <= 31:
            return None
        after = self.past_of(after)
        month = self.month(after, context, partial, has_day=True)
        if month is not None:
            return replace(month, date=replace(month.date, day=day), start=start)
        period = self.period(after, _Context())
        if period is not None and period.date.unit == "month" and period.date.offset is not None:
            return replace(period, date=replace(period.date, day=day), start=start)
        if partial and ordinal is None and self._ends_range_start(after):
            return _Core(CalendarDate(day=day), start, token.end, after)
        return None

    def _ends_range_start(self, index: int) -> bool:
        return (
            self.and_connector(index) is not None
            or self.reading(index, Kind.RANGE_TO) is not None
            or self.is_punct(index, "-–")
        )

    def month(
        self, index: int, context: _Context, partial: bool, has_day: bool = False
    ) -> _Core | None:
        """``[شهر] يناير[/كانون الثاني] [2024 | الماضي | من العام الجاري]``."""
        marker = self.reading(index, Kind.MONTH_MARKER)
        name_reading = self.reading(marker.next if marker is not None else index, Kind.MONTH)
        if name_reading is None:
            marker = None
            name_reading = self.reading(index, Kind.MONTH)
        if name_reading is None:
            return None
        name: MonthName = name_reading.value(Kind.MONTH)
        end, after = name_reading.end, name_reading.next
        partner = self.month_partner(after, name)
        if partner is not None:
            end, after = partner
        date = CalendarDate(name.calendar, month=name.number)
        year = self.year_after_name(after, date)
        if year is not None:
            date, end, after = year
        framed = bool(context.modifiers or context.preposition)
        strong = has_day or framed or marker is not None or partner is not None or year is not None
        if name.ambiguous and not strong:
            return None
        start = (marker or name_reading).start
        return _Core(date, start, end, after)

    def month_partner(self, index: int, name: MonthName) -> tuple[int, int] | None:
        """The same month in the other naming system: ``/كانون الثاني`` or ``(كانون الثاني)``."""
        if name.calendar != "gregorian" or not self.is_punct(index, "/("):
            return None
        closing = self.tokens[index].text == "("
        other = self.reading(index + 1, Kind.MONTH)
        if other is None:
            return None
        other_name: MonthName = other.value(Kind.MONTH)
        if (
            other_name.number != name.number
            or other_name.system == name.system
            or other_name.calendar != "gregorian"
        ):
            return None
        if closing:
            if not self.is_punct(other.next, ")"):
                return None
            return self.tokens[other.next].end, other.next + 1
        return other.end, other.next

    def year_after_name(
        self, index: int, month: CalendarDate
    ) -> tuple[CalendarDate, int, int] | None:
        """What follows a month or season name to fix its year (``2024``, ``الماضي``, ``من
        العام الجاري``): the date with it, the end offset and the next index."""
        relation = self.reading(index, Kind.RELATION)
        if relation is not None:
            return (
                replace(month, occurrence=relation.value(Kind.RELATION)),
                relation.end,
                relation.next,
            )
        after_of = self.past_of(index)
        period = self.period(after_of, _Context())
        if period is not None and period.date.unit == "year" and period.date.offset is not None:
            return replace(month, year_offset=period.date.offset), period.end, period.next
        number = self.year_number(after_of, month.calendar) or self.year_after_comma(index, month)
        if number is None:
            return None
        calendar, year, end, after = number
        return replace(month, calendar=calendar, year=year), end, after

    def year_after_comma(self, index: int, month: CalendarDate) -> tuple[str, int, int, int] | None:
        """``6 مايو، 1856`` (the English order): the year after a comma, only where the clause
        ends with it (``في مايو، 2000 جندي`` counts soldiers)."""
        if not self.is_punct(index, "،,"):
            return None
        number = self.year_number(index + 1, month.calendar)
        if number is None:
            return None
        follower = self.token(number[3])
        ends_clause = follower is None or (follower.kind == "punct" and follower.text != "%")
        return number if ends_clause else None

    def year_number(self, index: int, calendar: str) -> tuple[str, int, int, int] | None:
        """``[عام] 2024 [م|هـ]`` after a month: its calendar (a suffix wins), year, end, next."""
        marker = self.reading(index, Kind.YEAR_MARKER)
        if marker is not None and marker.value(Kind.YEAR_MARKER) == 1:
            index = marker.next
        token = self.token(index)
        if token is None or token.number is None or len(token.text) != 4:
            return None
        calendar, end, after = self.calendar_suffix(index + 1, calendar, token.end)
        return calendar, token.number, end, after

    def calendar_suffix(self, index: int, calendar: str, end: int) -> tuple[str, int, int]:
        """A هـ or م right after a year decides its calendar."""
        suffix = self.reading(index, Kind.HIJRI_SUFFIX, Kind.GREGORIAN_SUFFIX)
        if suffix is None:
            return calendar, end, index
        return ("hijri" if suffix.has(Kind.HIJRI_SUFFIX) else "gregorian"), suffix.end, suffix.next

    def year(self, index: int, context: _Context, partial: bool) -> _Core | None:
        """``عام 2011``, ``عامي 2011 و2014``, ``1445 هـ``, ``2024م``, or a bare year where the
        words around it allow one."""
        marker = self.reading(index, Kind.YEAR_MARKER)
        number_at = marker.next if marker is not None else index
        token = self.token(number_at)
        if token is None or token.number is None or len(token.text) not in (3, 4):
            return None
        calendar, end, after = self.calendar_suffix(number_at + 1, "gregorian", token.end)
        start = marker.start if marker is not None else token.start
        date = CalendarDate(calendar, token.number)
        if marker is not None and marker.value(Kind.YEAR_MARKER) == 2:
            second_at = self.range_second(after)
            second = self.token(second_at) if second_at is not None else None
            if second is None or second.number is None or len(second.text) != 4:
                return None
            second_calendar, end, after = self.calendar_suffix(second_at + 1, calendar, second.end)
            return _Core(date, start, end, after, last=CalendarDate(second_calendar, second.number))
        if marker is not None or after != number_at + 1:
            return _Core(date, start, end, after)
        bracketed = self.bracketed_years(number_at)
        if bracketed is not None:
            return bracketed
        if (
            len(token.text) == 4
            and 1900 <= token.number <= 2100
            and self.bare_year_allowed(number_at, context, partial)
        ):
            return _Core(date, start, end, after, bare_year=True)
        return None

    def range_second(self, index: int) -> int | None:
        """Where the second year of ``عامي 2011 و2014`` starts, after و, a dash or إلى."""
        if self.is_punct(index, "-–"):
            return index + 1
        connector = self.reading(index, Kind.RANGE_TO)
        return connector.next if connector is not None else self.and_connector(index)

    def bracketed_years(self, index: int) -> _Core | None:
        """``( 1992 - 1997 )``: a span of years in brackets (a life, a term of office)."""
        first, second = self.token(index), self.token(index + 2)
        if not (
            self.is_punct(index - 1, "(")
            and self.is_punct(index + 1, "-–")
            and self.is_punct(index + 3, ")")
            and second is not None
            and second.number is not None
            and len(first.text) == len(second.text) == 4
            and first.number < second.number
        ):
            return None
        first_year, last_year = CalendarDate(year=first.number), CalendarDate(year=second.number)
        return _Core(first_year, first.start, second.end, index + 3, last=last_year)

    def bare_year_allowed(self, index: int, context: _Context, partial: bool) -> bool:
        """A year without عام or a suffix, only where a count cannot stand: after منذ unless a
        unit follows (منذ 20 عاما is a duration); after another date word where the clause ends
        or a new one opens (في 2011، / في 2016 عندما); in brackets (1967); heading a
        chronology line (2006: ...)."""
        if context.years_follow or (
            "since" in context.modifiers and self.reading(index + 1, Kind.UNIT) is None
        ):
            return True
        if (self.is_punct(index - 1, "(") and self.is_punct(index + 1, ")")) or (
            index == 0 and self.is_punct(index + 1, ":")
        ):
            return True
        if not (context.modifiers or context.preposition or context.in_range):
            return False
        follower = self.token(index + 1)
        if follower is None or (partial and self._ends_range_start(index + 1)):
            return True
        if follower.kind == "word":
            return fold(follower.text) in _CLAUSE_OPENERS
        return follower.kind == "punct" and follower.text not in _BARE_YEAR_BLOCKERS

    def weekday(self, index: int, context: _Context) -> _Core | None:
        """``[يوم|مساء] الثلاثاء [الماضي]``, or with its date: ``الثلاثاء (الموافق) 20 فبراير``."""
        lead = self.reading(index, Kind.PART_OF_DAY)
        day_at = lead.next if lead is not None else index
        day_word = self._day_word_reading(day_at)  # مساء يوم الخميس
        if day_word is not None:
            lead, day_at = lead or day_word, day_word.next
        name = self.reading(day_at, Kind.WEEKDAY)
        if name is None:
            return None
        previous = self.token(index - 1)
        if lead is None and previous is not None and fold(previous.text) in _NOT_WEEKDAY_AFTER:
            return None
        start = lead.start if lead is not None else name.start
        after = name.next
        corresponding = self.reading(after, Kind.CORRESPONDING)
        dated = self.day_month(
            corresponding.next if corresponding else after, context, partial=False
        )
        if dated is not None:
            return replace(dated, start=start)
        relation = self.reading(after, Kind.RELATION)
        weekday = Weekday(name.value(Kind.WEEKDAY))
        if relation is not None and relation.value(Kind.RELATION) != 0:
            return _Core(
                replace(weekday, relation=relation.value(Kind.RELATION)),
                start,
                relation.end,
                relation.next,
            )
        return _Core(weekday, start, name.end, name.next)

    def _day_word_reading(self, index: int) -> _Reading | None:
        """``يوم`` before a weekday name (its preposition reading)."""
        reading = self.reading(index, Kind.PREPOSITION)
        if reading is not None and reading.value(Kind.PREPOSITION) == fold("يوم"):
            return reading
        return None

    def day_word(self, index: int, context: _Context) -> _Core | None:
        """``أمس``, ``اليوم``, ``غداً``, ``مساء أمس``, ``صباح الغد``, ``أمس الأربعاء``."""
        lead = self.reading(index, Kind.PART_OF_DAY)
        word_at = lead.next if lead is not None else index
        word = self.reading(word_at, Kind.DAY_OFFSET)
        if word is None or not self._is_day_word(word_at, word):
            return None
        head = fold(self.tokens[word_at].text)[len(word.clitic) :]
        if lead is None and head in _DAY_WORDS_AFTER_PART_OF_DAY:
            return None
        offset = word.value(Kind.DAY_OFFSET)
        end, after = word.end, word.next
        weekday = self.reading(after, Kind.WEEKDAY)
        if weekday is not None:
            end, after = weekday.end, weekday.next
        start = lead.start if lead is not None else word.start
        return _Core(RelativeDate("day", offset), start, end, after)

    def _is_day_word(self, index: int, word: _Reading) -> bool:
        """Not 'that day' (ذلك اليوم), 'the first day' (اليوم الأول), 'in dire need' (في أمس
        الحاجة)."""
        previous, follower = self.token(index - 1), self.token(word.next)
        if previous is not None and fold(previous.text) in _NOT_TODAY_AFTER:
            return False
        if self.reading(word.next, Kind.ANCHORED) is not None:  # اليوم التالي: a period, read there
            return False
        return follower is None or fold(follower.text) not in _NOT_A_DAY_BEFORE

    def period(self, index: int, context: _Context) -> _Core | None:
        """``الأسبوع الماضي``, ``العام الجاري``, ``هذا الشهر``; ``اليوم التالي``, ``العام السابق``
        (counted from another event, so kept relative)."""
        this = self.reading(index, Kind.THIS)
        period = self.reading(this.next if this is not None else index, Kind.PERIOD)
        if period is None:
            return None
        unit = period.value(Kind.PERIOD)
        anchored = self.reading(period.next, Kind.ANCHORED)
        if this is None and anchored is not None:
            return _Core(RelativeDate(unit, None, True), period.start, anchored.end, anchored.next)
        if unit == "day":  # اليوم alone is a day word; هذا اليوم and اليوم الماضي are not dates
            return None
        if this is not None:
            return _Core(RelativeDate(unit, 0, True), this.start, period.end, period.next)
        relation = self.reading(period.next, Kind.RELATION)
        if relation is not None:
            offset = relation.value(Kind.RELATION)
            return _Core(
                RelativeDate(unit, offset, True), period.start, relation.end, relation.next
            )
        # قبل نهاية العام: the end of this year; not نهاية الأسبوع, which is "the weekend".
        if unit != "week" and set(context.modifiers) & {"early", "mid", "late"}:
            return _Core(RelativeDate(unit, 0, True), period.start, period.end, period.next)
        return None

    def era(self, index: int, context: _Context) -> _Core | None:
        """``ثمانينيات القرن العشرين``, ``التسعينيات من القرن الماضي``, ``التسعينيات`` (of the 20th
        century), ``القرن التاسع عشر``, ``القرن 17``, ``القرن الماضي``; not an age (في
        الثمانينيات من عمره) nor a Hijri or BC century (القرن الخامس الهجري, القرن 17 ق.م)."""
        decade = self.reading(index, Kind.DECADE)
        century_at = index
        if decade is not None:
            after_of = self.past_of(decade.next)
            follower = self.token(after_of)
            if follower is not None and _AGE.match(fold(follower.text)):
                return None
            century_at = after_of
        century = self.century(century_at)
        if century is None:
            if decade is None:
                return None
            span = YearSpan(century=20, decade=decade.value(Kind.DECADE), assumed=True)
            return _Core(span, decade.start, decade.end, decade.next)
        span, start, end, after = century
        if decade is not None:
            return _Core(replace(span, decade=decade.value(Kind.DECADE)), decade.start, end, after)
        return _Core(span, start, end, after)

    def century(self, index: int) -> tuple[YearSpan, int, int, int] | None:
        """``القرن`` and its number (ordinal, digits, ``الـ17``) or relation (الماضي, الحالي):
        the span, its start and end offsets and the next index."""
        word = self.reading(index, Kind.CENTURY)
        if word is None:
            return None
        at = word.next
        ordinal = self.reading(at, Kind.CENTURY_ORDINAL)
        relation = self.reading(at, Kind.RELATION)
        if ordinal is not None:
            span = YearSpan(ordinal.value(Kind.CENTURY_ORDINAL))
            end, after = ordinal.end, ordinal.next
        elif relation is not None:
            span = YearSpan(century_offset=relation.value(Kind.RELATION))
            end, after = relation.end, relation.next
        else:
            article = self.token(at)
            if article is not None and article.kind == "word" and fold(article.text) == "ال":
                at += 1
            number = self.token(at)
            if number is None or number.number is None or not 1 <= number.number <= 21:
                return None
            span, end, after = YearSpan(number.number), number.end, at + 1
        if self.before_christ(after):
            return None
        suffix = self.reading(after, Kind.HIJRI_SUFFIX, Kind.GREGORIAN_SUFFIX)
        if suffix is not None:
            if suffix.has(Kind.HIJRI_SUFFIX):
                return None
            end, after = suffix.end, suffix.next
        return span, word.start, end, after

    def before_christ(self, index: int) -> bool:
        """``قبل الميلاد``, ``ق.م`` or ``ق م`` at ``index``."""
        first, second = self.token(index), self.token(index + 1)
        if first is None or second is None or first.kind != "word":
            return False
        if fold(first.text) == fold("قبل"):
            return fold(second.text) == fold("الميلاد")
        if fold(first.text) != "ق":
            return False
        letter = self.token(index + 2) if second.text == "." else second
        return letter is not None and fold(letter.text) == "م"

    def season(self, index: int, context: _Context) -> _Core | None:
        """``صيف 2019``, ``الصيف الماضي``, ``هذا الصيف``, ``شتاء العام المقبل``. A season with
        neither year nor relation (في الصيف, الربيع العربي) is no date."""
        this = self.reading(index, Kind.THIS)
        name = self.reading(this.next if this is not None else index, Kind.SEASON)
        if name is None:
            return None
        date = CalendarDate(season=name.value(Kind.SEASON))
        if this is not None:
            return _Core(replace(date, occurrence=0), this.start, name.end, name.next)
        year = self.year_after_name(name.next, date)
        if year is None:
            return None
        date, end, after = year
        return _Core(date, name.start, end, after)

    def clock(self, index: int, context: _Context) -> _Core | None:
        """``الساعة 7.55 صباحاً``, ``الساعة 10:15``, ``الساعة الثالثة فجراً``; with the day after
        it when one follows (``الساعة العاشرة من صباح أمس``, ``الساعة 3 مساءً يوم الأربعاء``: that
        day). An hour in words needs one of them: الساعة الأولى is as often "the first hour"."""
        found = self.clock_time(index)
        if found is None:
            return None
        time, needs_day = found
        day = self.day_core(self.past_of(time.next), context)
        if day is not None:
            return replace(day, start=time.start)
        return None if needs_day else time

    def day_core(self, index: int, context: _Context) -> _Core | None:
        """A single day: a weekday, a day word or a day of a month."""
        return (
            self.weekday(index, context)
            or self.day_word(index, context)
            or self.day_month(index, context, partial=False)
        )

    def clock_time(self, index: int) -> tuple[_Core, bool] | None:
        """``الساعة``, an hour (digits, ``7.55``, ``10:15`` or a word, ``والنصف``) and ``صباحاً``
        or the like, or ``منتصف الليل``; and whether it is an hour in words without that word."""
        midnight = self.reading(index, Kind.MIDNIGHT)
        if midnight is not None:
            return _Core(ClockTime(0, 0), midnight.start, midnight.end, midnight.next), False
        marker = self.reading(index, Kind.CLOCK)
        hour = self._hour(marker.next) if marker is not None else None
        if hour is None:
            return None
        (number, minute), end, after, spelled = hour
        part = self.reading(after, Kind.PART_OF_DAY)
        if part is not None:
            end, after = part.end, part.next
        return _Core(ClockTime(number, minute), marker.start, end, after), spelled and part is None

    def _hour(self, index: int) -> tuple[tuple[int, int | None], int, int, bool] | None:
        """(hour, minute), end, next index and whether the hour is a word."""
        token = self.token(index)
        if token is None:
            return None
        word = self.reading(index, Kind.HOUR_WORD)
        if word is not None:
            hour, minutes = word.value(Kind.HOUR_WORD), self.reading(word.next, Kind.MINUTES)
            if minutes is not None:
                return (hour, minutes.value(Kind.MINUTES)), minutes.end, minutes.next, True
            return (hour, None), word.end, word.next, True
        if token.kind != "number":
            return None
        glued = _TIME_NUMBER.match(token.text)
        if glued is not None:
            hour, minute = int(glued.group(1)), int(glued.group(2))
            end, after = token.end, index + 1
        elif token.number is not None and len(token.text) <= 2:
            hour, minute, end, after = token.number, None, token.end, index + 1
            minutes = self.token(index + 2)
            if self.is_punct(index + 1, ":") and minutes is not None and minutes.number is not None:
                minute, end, after = minutes.number, minutes.end, index + 3
        else:
            return None
        if hour > _HOURS_IN_A_DAY or (minute is not None and minute > 59):
            return None
        return (hour, minute), end, after, False

    def with_clock(self, core: _Core) -> _Core:
        """A day and the time on it as one expression (مساء أمس الساعة 9, 5 مارس في الساعة 3)."""
        if not _is_one_day(core.date):
            return core
        at = core.next
        preposition = self.reading(at, Kind.PREPOSITION)
        if preposition is not None and preposition.value(Kind.PREPOSITION) == fold("في"):
            at = preposition.next
        found = self.clock_time(at)
        if found is None:
            return core
        return replace(core, end=found[0].end, next=found[0].next)

    def duration(self, index: int, context: _Context) -> _Core | None:
        """``قبل يومين`` (ago), ``منذ 3 أيام`` (since), ``بعد أقل من 24 ساعة`` (after another
        event). Only right after قبل/منذ/بعد: elsewhere an amount of time is a duration."""
        direction = context.modifiers[-1] if context.modifiers else None
        first = self.token(index)
        if direction not in ("before", "since", "after") or first is None:
            return None
        quantifier = self.reading(index, Kind.QUANTIFIER)
        at = quantifier.next if quantifier is not None else index
        amount = self._amount(at)
        few = self.reading(at, Kind.FEW) if amount is None else None
        if amount is not None:
            count, at = amount
        elif few is not None:  # قبل بضعة أسابيع: a date, but not one to put a value on
            count, at = None, few.next
        unit_reading = self.reading(at, Kind.UNIT)
        if unit_reading is None:
            return None
        unit = unit_reading.value(Kind.UNIT)
        if amount is None and few is None:
            if unit.count is None:  # قبل أيام: too vague to be a date
                return None
            count = unit.count
        offset = None if direction == "after" or count is None else -count
        kept = () if direction == "before" else (direction,)
        remaining = tuple(context.modifiers[:-1]) + kept
        start = quantifier.start if quantifier is not None else first.start
        return _Core(
            RelativeDate(unit.name, offset),
            start,
            unit_reading.end,
            unit_reading.next,
            modifiers_used=remaining,
        )

    def _amount(self, index: int) -> tuple[int, int] | None:
        token = self.token(index)
        if token is None:
            return None
        if token.number is not None:
            return token.number, index + 1
        word = self.reading(index, Kind.NUMBER_WORD)
        if word is not None:
            return word.value(Kind.NUMBER_WORD), word.next
        return None


def _clitic_splits(word: str):
    """``(clitic, rest)`` pairs for a folded word: the word itself, then with و/ف, ب/ل peeled."""
    yield "", word
    for conjunction in ("", *CONJUNCTIONS):
        for preposition in ("", *PREPOSITION_CLITICS):
            clitic = conjunction + preposition
            if clitic and word.startswith(clitic) and len(word) > len(clitic) + 1:
                yield clitic, word[len(clitic) :]


def _original_length(text: str, folded_length: int) -> int:
    """How many characters of ``text`` make up its first ``folded_length`` folded characters."""
    if folded_length == 0:
        return 0
    seen = 0
    for position, char in enumerate(text):
        if fold(char):
            seen += 1
            if seen == folded_length:
                return position + 1
    return len(text)


def _is_one_day(node: DateNode) -> bool:
    """Whether ``node`` is a single day, which a time of day can follow."""
    if isinstance(node, CalendarDate):
        return node.day is not None
    if isinstance(node, RelativeDate):
        return node.unit == "day"
    return isinstance(node, Weekday)


def _fill_from(first: CalendarDate, last: CalendarDate) -> CalendarDate:
    """A range start takes the month and year its end spells out (بين 1 و5 فبراير 2024)."""
    month = first.month if first.month is not None or first.day is None else last.month
    if first.year is not None:
        return replace(first, month=month)
    return replace(
        first,
        calendar=last.calendar,
        month=month,
        year=last.year,
        occurrence=last.occurrence,
        year_offset=last.year_offset,
    )

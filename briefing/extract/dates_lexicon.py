"""The Arabic words of dates: month names in both naming systems, Hijri months, weekdays,
seasons, decades and centuries, times of day, modifiers, relative words and duration units,
looked up in a spelling-tolerant form.

News spells the same word with or without hamza (أكتوبر/اكتوبر), with ى or ي and with or
without diacritics (غداً), so every entry is stored under ``fold(word)`` and looked up the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})


def fold(word: str) -> str:
    """The lookup form of a word: no diacritics or tatweel, one alef, ى as ي, ة as ه."""
    return _MARKS.sub("", word).translate(_LETTERS)


class Kind(Enum):
    """What a dictionary entry does in a date expression."""

    MONTH = "month"  # value: MonthName
    WEEKDAY = "weekday"  # value: 0 (Monday) .. 6 (Sunday), as date.weekday()
    DAY_OFFSET = "day_offset"  # value: days from the publication date (أمس -1)
    PERIOD = "period"  # value: "day" | "week" | "month" | "year" (الأسبوع الماضي)
    RELATION = "relation"  # value: -1 last, 0 this, +1 next
    # التالي, السابق: next/previous counted from another event, not from the publication date
    ANCHORED = "anchored"
    THIS = "this"  # هذا/هذه before a period
    MODIFIER = "modifier"  # value: the English modifier name
    PREPOSITION = "preposition"  # value: the folded word; no modifier of its own
    RANGE_START = "range_start"  # بين
    RANGE_TO = "range_to"  # إلى, حتى, لغاية between the two ends of a range
    YEAR_MARKER = "year_marker"  # value: 1 (عام), 2 (عامي, dual: a range of two years follows)
    MONTH_MARKER = "month_marker"  # شهر
    UNIT = "unit"  # value: Unit
    NUMBER_WORD = "number_word"  # value: the number (ثلاثة 3)
    QUANTIFIER = "quantifier"  # أقل من, نحو: ignored in the value, kept in the text
    PART_OF_DAY = "part_of_day"  # صباح, مساء: kept in the text, no effect on the value
    HIJRI_SUFFIX = "hijri_suffix"  # هـ
    GREGORIAN_SUFFIX = "gregorian_suffix"  # م
    CORRESPONDING = "corresponding"  # الموافق, between a weekday and its date
    ORDINAL_DAY = "ordinal_day"  # value: the day (الأول من فبراير 1, الخامس من الشهر الجاري 5)
    SEASON = "season"  # value: "spring" | "summer" | "autumn" | "winter"
    DECADE = "decade"  # value: the decade's first year in its century (الثمانينيات 80)
    CENTURY = "century"  # القرن
    CENTURY_ORDINAL = "century_ordinal"  # value: the century (التاسع عشر 19)
    CLOCK = "clock"  # الساعة before a time of day
    MIDNIGHT = "midnight"  # منتصف الليل: a time of day by itself
    MINUTES = "minutes"  # value: the minutes after a spelled hour (والنصف 30)
    HOUR_WORD = "hour_word"  # value: the hour (الثالثة 3)
    FEW = "few"  # بضعة, عدة: a count too vague to date (قبل بضعة أسابيع)


@dataclass(frozen=True)
class MonthName:
    """A month as named: its number, its calendar and whether the word has other meanings."""

    number: int
    calendar: str  # "gregorian" | "hijri"
    system: str  # "transliterated" (يناير), "syriac" (كانون الثاني) or "hijri"
    ambiguous: bool = False


@dataclass(frozen=True)
class Unit:
    """A duration unit; ``count`` is 1 for the singular, 2 for the dual, None for a plural."""

    name: str  # "hour" | "day" | "week" | "month" | "year"
    count: int | None


@dataclass(frozen=True)
class Entry:
    kind: Kind
    value: object = None


# Names that are also ordinary words or names (مارس "he practised", جوان "Joan", نيسان the
# car maker, رجب in رجب طيب أردوغان, صفر "zero"): they count as months only with a day, a
# year, the other naming system, the word شهر, or a date word (في, منذ, أواخر) before them.
_AMBIGUOUS = {
    "مارس",
    "ماي",
    "جوان",
    "آب",
    "نيسان",
    "تموز",
    "محرم",
    "صفر",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
}

_TRANSLITERATED = {
    1: ["يناير", "جانفي"],
    2: ["فبراير", "فيفري"],
    3: ["مارس"],
    4: ["أبريل", "إبريل", "أفريل"],
    5: ["مايو", "ماي"],
    6: ["يونيو", "يونيه", "جوان"],
    7: ["يوليو", "يوليه", "جويلية", "يوليوز"],
    8: ["أغسطس", "أوت", "غشت"],
    9: ["سبتمبر", "شتنبر"],
    10: ["أكتوبر"],
    11: ["نوفمبر", "نونبر"],
    12: ["ديسمبر", "دجنبر"],
}
_SYRIAC = {
    1: ["كانون الثاني", "كانون ثاني", "كانون ثان"],
    2: ["شباط"],
    3: ["آذار"],
    4: ["نيسان"],
    5: ["أيار"],
    6: ["حزيران"],
    7: ["تموز"],
    8: ["آب"],
    9: ["أيلول"],
    10: ["تشرين الأول", "تشرين أول"],
    11: ["تشرين الثاني", "تشرين ثاني", "تشرين ثان"],
    12: ["كانون الأول", "كانون أول"],
}
_HIJRI = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الأول"],
    4: ["ربيع الآخر", "ربيع الثاني"],
    5: ["جمادى الأولى", "جمادى الأول"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة"],
    12: ["ذو الحجة", "ذي الحجة"],
}

_WEEKDAYS = {
    0: ["الاثنين", "الإثنين"],
    1: ["الثلاثاء"],
    2: ["الأربعاء"],
    3: ["الخميس"],
    4: ["الجمعة"],
    5: ["السبت"],
    6: ["الأحد"],
}

_MODIFIERS = {
    "since": ["منذ", "اعتبارا من", "ابتداء من", "بدءا من", "بداية من"],
    "until": ["حتى", "لغاية", "إلى غاية", "إلى حين"],
    "before": ["قبل"],
    "after": ["بعد"],
    "by": ["بحلول"],
    "late": ["أواخر", "نهاية"],
    "early": ["أوائل", "مطلع", "بداية", "مستهل", "بدايات"],
    "mid": ["منتصف", "أواسط"],
}

_UNITS = {
    ("hour", 1): ["ساعة"],
    ("hour", 2): ["ساعتين", "ساعتان"],
    ("hour", None): ["ساعات"],
    ("day", 1): ["يوم", "يوما"],
    ("day", 2): ["يومين", "يومان"],
    ("day", None): ["أيام"],
    ("week", 1): ["أسبوع", "أسبوعا"],
    ("week", 2): ["أسبوعين", "أسبوعان"],
    ("week", None): ["أسابيع"],
    ("month", 1): ["شهر", "شهرا"],
    ("month", 2): ["شهرين", "شهران"],
    ("month", None): ["أشهر", "شهور"],
    ("year", 1): ["عام", "عاما", "سنة"],
    ("year", 2): ["عامين", "عامان", "سنتين", "سنتان"],
    ("year", None): ["أعوام", "سنوات", "سنين"],
}

_NUMBER_WORDS = {
    1: ["واحد", "واحدة"],
    3: ["ثلاثة", "ثلاث"],
    4: ["أربعة", "أربع"],
    5: ["خمسة", "خمس"],
    6: ["ستة", "ست"],
    7: ["سبعة", "سبع"],
    8: ["ثمانية", "ثماني", "ثمان"],
    9: ["تسعة", "تسع"],
    10: ["عشرة", "عشر"],
}

_SIMPLE = {
    Kind.DAY_OFFSET: {
        -2: ["أول أمس", "أمس الأول"],
        -1: ["أمس", "الأمس", "البارحة", "الليلة الماضية"],
        0: ["اليوم", "الليلة", "هذه الليلة", "هذا الصباح", "هذا المساء"],
        1: ["غدا", "الغد"],
        2: ["بعد غد"],
    },
    Kind.PERIOD: {
        "day": ["اليوم", "الصباح", "المساء", "الليلة"],
        "week": ["الأسبوع"],
        "month": ["الشهر"],
        "year": ["العام", "السنة"],
    },
    Kind.RELATION: {
        # with the duals, after two names (الاثنين والثلاثاء الماضيين)
        -1: ["الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة"]
        + ["الماضيين", "الماضيان"],
        0: ["الجاري", "الجارية", "الحالي", "الحالية"],
        1: ["المقبل", "المقبلة", "القادم", "القادمة", "المقبلين", "القادمين"],
    },
    Kind.ANCHORED: {None: ["التالي", "التالية", "اللاحق", "اللاحقة", "السابق", "السابقة"]},
    Kind.THIS: {None: ["هذا", "هذه"]},
    Kind.RANGE_START: {None: ["بين"]},
    Kind.RANGE_TO: {None: ["إلى", "حتى", "لغاية"]},
    Kind.YEAR_MARKER: {1: ["عام", "العام", "سنة", "السنة"], 2: ["عامي", "العامين", "سنتي"]},
    Kind.MONTH_MARKER: {None: ["شهر", "الشهر", "شهري"]},
    Kind.QUANTIFIER: {
        None: ["أقل من", "أكثر من", "نحو", "حوالي", "حوالى", "قرابة", "ما يقارب", "زهاء"]
    },
    Kind.PART_OF_DAY: {
        None: ["صباح", "مساء", "ليلة", "ليل", "فجر", "ظهر", "عصر", "صبيحة", "عشية"]
        + ["صباحا", "ظهرا", "عصرا", "فجرا", "ليلا", "بعد الظهر", "بعد الظهيرة"]
    },
    Kind.HIJRI_SUFFIX: {None: ["هـ", "ه", "هجري", "هجرية", "للهجرة", "الهجري", "الهجرية"]},
    Kind.GREGORIAN_SUFFIX: {None: ["م", "ميلادي", "ميلادية", "للميلاد", "الميلادي", "الميلادية"]},
    Kind.CORRESPONDING: {None: ["الموافق", "الموافقة"]},
    Kind.PREPOSITION: {None: ["في", "خلال", "يوم", "من", "طوال", "على مدى"]},
    Kind.SEASON: {
        "spring": ["الربيع", "ربيع"],
        "summer": ["الصيف", "صيف"],
        "autumn": ["الخريف", "خريف"],
        "winter": ["الشتاء", "شتاء"],
    },
    Kind.CENTURY: {None: ["القرن"]},
    Kind.CLOCK: {None: ["الساعة"]},
    Kind.MIDNIGHT: {None: ["منتصف الليل", "منتصف ليل"]},
    Kind.MINUTES: {15: ["والربع", "وربع"], 20: ["والثلث", "وثلث"], 30: ["والنصف", "ونصف"]},
    Kind.FEW: {None: ["بضعة", "بضع", "عدة"]},
}

_ORDINALS = "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع".split()
# Days and centuries are masculine ordinals (الحادي عشر من سبتمبر, القرن الحادي والعشرين).
_MASCULINE_ORDINALS = {
    **{number: [word] for number, word in enumerate(_ORDINALS + ["العاشر"], start=1)},
    11: ["الحادي عشر"],
    **{number: [f"{word} عشر"] for number, word in enumerate(_ORDINALS[1:], start=12)},
    20: ["العشرين"],
    21: ["الحادي والعشرين", "الواحد والعشرين"],
    **{number: [f"{word} والعشرين"] for number, word in enumerate(_ORDINALS[1:], start=22)},
    30: ["الثلاثين"],
    31: ["الحادي والثلاثين", "الواحد والثلاثين"],
}
_ORDINAL_DAYS = {**_MASCULINE_ORDINALS, 1: ["الأول", "أول"]}
_LAST_CENTURY = 21
_CENTURY_ORDINALS = {
    number: words for number, words in _MASCULINE_ORDINALS.items() if number <= _LAST_CENTURY
}
# Hours are feminine ordinals (الساعة الثالثة فجرا, الساعة الحادية عشرة ليلا).
_HOUR_WORDS = {
    1: ["الواحدة"],
    **{number: [word + "ة"] for number, word in enumerate(_ORDINALS[1:] + ["العاشر"], start=2)},
    11: ["الحادية عشرة"],
    12: ["الثانية عشرة"],
}
# Decades are plurals of the tens (الثمانينيات, ثمانينات القرن الماضي).
_TENS = dict(zip(range(20, 100, 10), "عشرين ثلاثين أربعين خمسين ستين سبعين ثمانين تسعين".split()))
_DECADES = {
    decade: [article + stem + ending for article in ("", "ال") for ending in ("يات", "ات")]
    for decade, stem in _TENS.items()
}


def _build() -> dict[str, list[Entry]]:
    """Every phrase, folded, with all its readings (حتى is both 'until' and a range's 'to')."""
    table: dict[str, list[Entry]] = {}

    def add(phrase: str, entry: Entry) -> None:
        table.setdefault(fold(phrase), []).append(entry)

    for calendar_names, calendar, system in (
        (_TRANSLITERATED, "gregorian", "transliterated"),
        (_SYRIAC, "gregorian", "syriac"),
        (_HIJRI, "hijri", "hijri"),
    ):
        for number, names in calendar_names.items():
            for name in names:
                add(
                    name, Entry(Kind.MONTH, MonthName(number, calendar, system, name in _AMBIGUOUS))
                )
    for weekday, names in _WEEKDAYS.items():
        for name in names:
            add(name, Entry(Kind.WEEKDAY, weekday))
    for modifier, words in _MODIFIERS.items():
        for word in words:
            add(word, Entry(Kind.MODIFIER, modifier))
    for (unit, count), words in _UNITS.items():
        for word in words:
            add(word, Entry(Kind.UNIT, Unit(unit, count)))
    for number, words in _NUMBER_WORDS.items():
        for word in words:
            add(word, Entry(Kind.NUMBER_WORD, number))
    for kind, groups in (
        *_SIMPLE.items(),
        (Kind.ORDINAL_DAY, _ORDINAL_DAYS),
        (Kind.CENTURY_ORDINAL, _CENTURY_ORDINALS),
        (Kind.HOUR_WORD, _HOUR_WORDS),
        (Kind.DECADE, _DECADES),
    ):
        for value, words in groups.items():
            for word in words:
                add(word, Entry(kind, fold(word) if kind is Kind.PREPOSITION else value))
    return table


LEXICON = _build()
LONGEST_PHRASE = max(len(phrase.split()) for phrase in LEXICON)

# Clitics a date word can carry: و/ف (and), ب (in/with), ل (for), in that order (وبعد, فبالأمس).
# Month and weekday names take only و/ف: "باب" (a door) must not read as ب + آب (August).
CONJUNCTIONS = ("و", "ف")
PREPOSITION_CLITICS = ("ب", "ل")

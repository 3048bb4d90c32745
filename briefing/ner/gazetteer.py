"""Place names in Arabic with their English forms, from Babel's copy of CLDR.

CLDR lists every country and territory in Arabic and English, and the exemplar city of every
time zone (``بغداد``, ``طهران``, ``موسكو``), so the common places of Middle East news need no
list of our own. ``_EXTRA_PLACES`` adds the few that CLDR has under another form: capitals without
a time zone of their own and short forms newspapers use (``أمريكا`` for the United States).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from babel import Locale

from briefing.ner.cities import read_cities
from briefing.ner.text import candidate_stems, normalize

MAX_PLACE_WORDS = 4
T = TypeVar("T")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: ``key`` identifies the place so spelling variants merge."""

    key: str
    name_ar: str
    name_en: str
    kind: str  # "country", "city" or "body" (an organisation CLDR lists among territories)


# Arabic spellings CLDR does not list, mapped to a CLDR territory code or to a city of their own.
_EXTRA_TERRITORY_FORMS = {
    "أمريكا": "US",
    "أميركا": "US",
    "الولايات المتحدة الأمريكية": "US",
    "الولايات المتحدة الأميركية": "US",
    "سورية": "SY",
    "روسيا الاتحادية": "RU",
    "بريطانيا": "GB",
    "فلسطين": "PS",
    "السعودية": "SA",
    "الإمارات": "AE",
    "كوريا الجنوبية": "KR",
    "الكونغو": "CG",
    "هولندا": "NL",
}
# Countries that no longer exist, which CLDR does not list: ``الاتحاد السوفيتي`` is a place, as
# in ANERcorp, not an organisation.
_FORMER_COUNTRIES = {
    "الاتحاد السوفيتي": "Soviet Union",
    "الاتحاد السوفييتي": "Soviet Union",
    "الاتحاد السوفياتي": "Soviet Union",
    "يوغوسلافيا": "Yugoslavia",
    "تشيكوسلوفاكيا": "Czechoslovakia",
}
# CLDR territory codes that are no place: organisations (named as ANERcorp tags them), and
# groupings or placeholders that are not named in news as places (the euro area, test locales).
BODY_TERRITORIES = frozenset({"EU", "UN"})
_NOT_PLACES = frozenset({"EZ", "QO", "XA", "XB", "ZZ"})
_EXTRA_CITIES = {
    "واشنطن": "Washington",
    "البصرة": "Basra",
    "الموصل": "Mosul",
    "أربيل": "Erbil",
    "النجف": "Najaf",
    "كربلاء": "Karbala",
    "الفلوجة": "Fallujah",
    "كركوك": "Kirkuk",
    "حلب": "Aleppo",
    "حمص": "Homs",
    "غزة": "Gaza",
    "القدس": "Jerusalem",
    "تل أبيب": "Tel Aviv",
    "رام الله": "Ramallah",
    "بنغازي": "Benghazi",
    "الإسكندرية": "Alexandria",
    "جدة": "Jeddah",
    "مكة": "Mecca",
    "المدينة المنورة": "Medina",
    "إسطنبول": "Istanbul",
    "لندن": "London",
    "نيويورك": "New York",
    "بكين": "Beijing",
    "أنقرة": "Ankara",
    "أوتاوا": "Ottawa",
}


# Time zones of the Pacific, Antarctica and the Americas are mostly small towns whose Arabic
# spelling is also a common word (``ترك`` Truk is "left", ``نوم`` Nome is "sleep").
_CITY_REGIONS = {"Asia", "Africa", "Europe"}
# Place names that are far more often an ordinary word: ``مالي`` is mostly "financial",
# ``سيول`` "floods", ``العيون`` "the eyes".
AMBIGUOUS_PLACE_FORMS = frozenset(normalize(word) for word in ("مالي", "سيول", "العيون"))


def _territories() -> list[Place]:
    arabic, english = Locale("ar").territories, Locale("en").territories
    places = []
    for code, name_ar in arabic.items():
        if code.isalpha() and code in english and "(" not in name_ar and code not in _NOT_PLACES:
            kind = "body" if code in BODY_TERRITORIES else "country"
            places.append(Place(code, name_ar, english[code], kind))
    for name_ar, code in _EXTRA_TERRITORY_FORMS.items():
        places.append(Place(code, name_ar, english[code], "country"))
    for name_ar, name_en in _FORMER_COUNTRIES.items():
        places.append(Place("former:" + name_en, name_ar, name_en, "country"))
    return places


def _cities() -> list[Place]:
    places = []
    for zone, names in Locale("ar").time_zones.items():
        name_ar = names.get("city")
        if name_ar and zone.split("/", 1)[0] in _CITY_REGIONS:
            name_en = zone.rsplit("/", 1)[1].replace("_", " ")
            places.append(Place("city:" + name_en, name_ar, name_en, "city"))
    for name_ar, name_en in _EXTRA_CITIES.items():
        places.append(Place("city:" + name_en, name_ar, name_en, "city"))
    return places


@lru_cache(maxsize=1)
def place_index() -> dict[tuple[str, ...], Place]:
    """Normalised word tuples -> place; countries win over a city of the same spelling."""
    index: dict[tuple[str, ...], Place] = {}
    for place in _cities() + _territories():
        words = tuple(normalize(place.name_ar).split())
        if len(words) <= MAX_PLACE_WORDS:
            index[words] = place
    return index


@lru_cache(maxsize=1)
def city_index() -> dict[tuple[str, ...], Place]:
    """GeoNames cities (``briefing.ner.cities``) under the names CLDR does not know; a city's
    English name is its key, so an Arabic spelling of a CLDR city merges with it."""
    known = place_index()
    index: dict[tuple[str, ...], Place] = {}
    for name_ar, name_en in read_cities():
        words = tuple(normalize(name_ar).split())
        if len(words) <= MAX_PLACE_WORDS and words not in known:
            index.setdefault(words, Place("city:" + name_en, name_ar, name_en, "city"))
    return index


def known_place(words: tuple[str, ...]) -> Place | None:
    """The place these normalised words name, in CLDR or among the GeoNames cities."""
    return place_index().get(words) or city_index().get(words)


def longest_entry(
    index: dict[tuple[str, ...], T],
    words: list[str],
    start: int,
    max_words: int,
    ambiguous: frozenset[str],
) -> tuple[T, int] | None:
    """The longest entry of ``index`` (of ``max_words`` words at most) starting at
    ``words[start]``, with the number of words it spans. The first word may carry clitics
    (``بالأردن``, ``وبغداد``); ``words`` are normalised. One-word names that are also ordinary
    words (``ambiguous``) are not matched."""
    for length in range(min(max_words, len(words) - start), 0, -1):
        rest = tuple(words[start + 1 : start + length])
        for first in candidate_stems(words[start]):
            entry = index.get((first,) + rest)
            if entry is not None and not (length == 1 and first in ambiguous):
                return entry, length
    return None


def match_place(words: list[str], start: int) -> tuple[Place, int] | None:
    """The longest place name starting at ``words[start]``; ``المالي`` ("the financial") is none."""
    return longest_entry(place_index(), words, start, MAX_PLACE_WORDS, AMBIGUOUS_PLACE_FORMS)


def match_city(words: list[str], start: int) -> tuple[Place, int] | None:
    """The longest GeoNames city name starting at ``words[start]``, for places where only a
    city can be (a dateline); elsewhere ``الريان`` is as often a club."""
    return longest_entry(city_index(), words, start, MAX_PLACE_WORDS, AMBIGUOUS_PLACE_FORMS)


@lru_cache(maxsize=1)
def _nisba_index() -> dict[str, Place]:
    """Nisba adjectives of one-word places: ``المكسيكي`` from ``المكسيك``, ``روسي`` from ``روسيا``."""
    index: dict[str, Place] = {}
    for words, place in place_index().items():
        if len(words) != 1 or place.kind != "country":
            continue
        name = words[0]
        stem = name.removesuffix("ا")
        # ``إسبانيا`` -> ``إسباني``: a name in ``يا`` already ends in the nisba's ``ي``
        masculine = stem if stem.endswith("ي") else stem + "ي"
        for form in (masculine, masculine + "ه"):
            index.setdefault(form, place)
            index.setdefault(form[2:] if form.startswith("ال") else "ال" + form, place)
    return index


def nisba_place(word: str) -> Place | None:
    """The country a nationality adjective refers to (``المكسيكية`` -> Mexico), or None.

    The curated nationalities in ``lexicon`` carry their English; this catches every other
    country so that ``الرئيس المكسيكي`` is read as a title and an adjective, not a name.
    """
    return _nisba_index().get(word)

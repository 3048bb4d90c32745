"""The whole pipeline's dates on NTREX-128 (Arabic with its English source), sentence by sentence.

Each NTREX article is written to a file and built with ``make_briefing(..., translate=False)``;
the dates are the ``DateMention`` list the JSON export lists. English date words stand in for a
gold standard: a sentence "has a date" when its English names a month, weekday, year, decade,
century, season, time of day or a relative day/period (``ENGLISH_DATE``). A miss is a sentence
whose English has a date and whose Arabic got none; an extra is the other way round (a false
positive, or an Arabic date the English words do not cover).

The articles are split in two halves in file order: the first (dev) is the one the date forms
were tuned on, the second (held out) was only read to give each remaining miss its reason.
Prints both halves' figures and every miss with its reason from ``dates_ntrex_misses.tsv``
(``no reason recorded`` for a miss nobody has looked at); ``--extras`` also lists the extras.
Run: python bench/dates_ntrex.py [--extras]
"""

from __future__ import annotations

import csv
import re
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ntrex import ntrex_articles  # noqa: E402

from briefing.pipeline import make_briefing  # noqa: E402

# Month and weekday names are matched with their capital (a march, Theresa May, the Sunday
# Times and Saturday Night Live are not dates); the other words in any case but the programme
# "This Morning".
_MONTH = (
    r"January|February|March|April|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\."
    r"|May(?=\s+\d|\s+(?:of|last|next|this)\b)"
    r"|(?:(?<=\bin )|(?<=\bon )|(?<=\bof )|(?<=since )|(?<=until )|(?<=\bby )|(?<=early )|(?<=\blate )|(?<=mid-))May"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?!\s+(?:Times|Night Live|Telegraph|Mirror|Express|Post))"
_COUNT = r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|a few|several"
_RELATIVE = (
    r"yesterday|today(?! programme)|tomorrow|tonight"
    r"|(?:last|next|this|past|earlier this|later this|the previous|the following|the same) "
    r"(?:week|weekend|month|year|night|morning|afternoon|evening|spring|summer|autumn|winter|fall|decade|century)"
    rf"|(?:{_COUNT})(?: and a half)? (?:hours?|days?|weeks?|months?|years?|decades?|centuries) (?:ago|later|earlier|previously|before)"
    r"|(?:in|last|this|next|the|of|since|during) (?:spring|summer|autumn|winter)"
    r"|(?:end|start|beginning|middle) of (?:the|this|next|last) (?:week|month|year)"
    r"|(?:\d+(?:st|nd|rd|th)|[a-z]+(?:teenth|tieth|th))[ -]century|the (?:twen|thir|for|fif|six|seven|eigh|nine)ties"
    r"|\d{1,2}(?:[:.]\d\d)?\s?(?:a\.m\.|p\.m\.|am|pm)|\d{1,2}:\d\d|o'clock|midnight"
)
ENGLISH_DATE = re.compile(
    rf"\b(?:{_MONTH}|{_WEEKDAY}|(?:1[5-9]|20)\d\d(?:s|'s)?|'[0-9]0s|(?!This Morning)(?i:{_RELATIVE}))(?!\w)"
)


MISS_REASONS = Path(__file__).with_name("dates_ntrex_misses.tsv")


def miss_reasons(path: Path = MISS_REASONS) -> dict[str, str]:
    """``doc_id:line`` -> why the Arabic of that sentence has no date, as read by hand."""
    with open(path, encoding="utf-8", newline="") as handle:
        return {row["sentence"]: row["reason"] for row in csv.DictReader(handle, delimiter="\t")}


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    line: int  # 1-based, the headline is line 1 (it is also the paragraph index)
    arabic: str
    english: str

    @property
    def key(self) -> str:
        return f"{self.doc_id}:{self.line}"


@dataclass
class Half:
    name: str
    sentences: list[Sentence]
    dates: dict[tuple[str, int], list[str]]

    def english_dated(self) -> list[Sentence]:
        return [s for s in self.sentences if ENGLISH_DATE.search(s.english)]

    def misses(self) -> list[Sentence]:
        return [s for s in self.english_dated() if not self.dates.get((s.doc_id, s.line))]

    def extras(self) -> list[Sentence]:
        return [
            s
            for s in self.sentences
            if self.dates.get((s.doc_id, s.line)) and not ENGLISH_DATE.search(s.english)
        ]


def pipeline_dates(documents: dict[str, list[tuple[str, str]]]) -> tuple[dict[tuple[str, int], list[str]], int, float]:
    """(doc_id, line) -> the texts of the dates found there, the number of mentions, seconds."""
    with tempfile.TemporaryDirectory() as folder:
        paths, by_article = [], {}
        for number, (doc_id, rows) in enumerate(documents.items(), 1):
            path = Path(folder) / f"{number:03d}.txt"
            path.write_text("\n".join(arabic for arabic, _ in rows) + "\n", encoding="utf-8")
            paths.append(path)
            by_article[f"A{number}"] = doc_id
        started = time.perf_counter()
        briefing = make_briefing(paths, translate=False, on_warning=lambda message: None)
        elapsed = time.perf_counter() - started
    found: dict[tuple[str, int], list[str]] = defaultdict(list)
    for mention in briefing.dates:
        found[(by_article[mention.article], mention.paragraph)].append(mention.text)
    return found, len(briefing.dates), elapsed


def halves(documents: dict[str, list[tuple[str, str]]], found) -> list[Half]:
    ids = list(documents)
    middle = (len(ids) + 1) // 2
    parts = []
    for name, part in (("dev", ids[:middle]), ("held-out", ids[middle:])):
        sentences = [
            Sentence(doc_id, line, arabic, english)
            for doc_id in part
            for line, (arabic, english) in enumerate(documents[doc_id], 1)
        ]
        parts.append(Half(name, sentences, found))
    return parts


def main(show_extras: bool) -> None:
    documents = ntrex_articles()
    reasons = miss_reasons()
    found, mentions, elapsed = pipeline_dates(documents)
    print(f"articles {len(documents)}, date mentions {mentions}, whole pipeline (no translation) {elapsed:.1f} s")
    for half in halves(documents, found):
        dated, misses, extras = half.english_dated(), half.misses(), half.extras()
        articles = len({s.doc_id for s in half.sentences})
        print(
            f"\n{half.name}: {articles} articles, {len(half.sentences)} sentences; English has a date in "
            f"{len(dated)}, the Arabic got one in {len(dated) - len(misses)} "
            f"({(len(dated) - len(misses)) / max(len(dated), 1):.3f}); misses {len(misses)}; "
            f"Arabic dated where the English words are not: {len(extras)}"
        )
        for sentence in misses:
            words = [match.group() for match in ENGLISH_DATE.finditer(sentence.english)]
            print(f"  MISS {sentence.key} {words} | {sentence.arabic}")
            print(f"       reason: {reasons.get(sentence.key, 'no reason recorded')}")
        if show_extras:
            for sentence in extras:
                dates = found[(sentence.doc_id, sentence.line)]
                print(f"  EXTRA {sentence.key} {dates} | {sentence.english}")


if __name__ == "__main__":
    main("--extras" in sys.argv)

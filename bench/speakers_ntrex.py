"""Speaker attribution of the whole pipeline on hand-annotated NTREX articles.

Gold: bench/data/ntrex_speakers.tsv (method in bench/data/README.md): for every sentence of
the annotated articles that reports what someone said, the speaker and the other ways the article names
it. Each article is written as a file of one line per sentence (NTREX is sentence-aligned, so
its paragraphs are not known) and run through ``make_briefing(translate=False)``. A viewpoint
counts for the sentence (paragraph) its claim is in; it is right when its Arabic speaker
contains one of the gold references of that sentence as a run of words, or is contained in one.
Repeated viewpoints (same sentence, same speaker) count once.

Prints precision and recall on the dev articles, on the second to fifth dev batches (``dev2`` to
``dev5``, each annotated before the system was run on it) and on the held-out test articles
separately; ``--errors`` lists the misses and wrong speakers of the dev parts only (the test part
is scored, never inspected).
Run: python bench/speakers_ntrex.py [--errors]
"""

from __future__ import annotations

import csv
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ntrex import ntrex_articles  # noqa: E402

from briefing.extract.arabic import contains_sequence, words_of  # noqa: E402
from briefing.pipeline import make_briefing  # noqa: E402

GOLD = Path(__file__).resolve().parent / "data" / "ntrex_speakers.tsv"
# Annotated articles with no attributed statement, which the TSV cannot list: they are run too,
# so a speaker found in them counts against precision.
NO_STATEMENTS = {"scotsman.133791": "dev5"}
DEV_PARTS = ("dev", "dev2", "dev3", "dev4", "dev5")


@dataclass(frozen=True)
class GoldStatement:
    doc: str
    sentence: int
    part: str
    speaker: str
    references: tuple[tuple[str, ...], ...]  # normalised words of the name and every alias


@dataclass(frozen=True)
class Found:
    doc: str
    sentence: int
    speaker: str


def read_gold(path: Path = GOLD) -> list[GoldStatement]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        GoldStatement(
            doc=row["doc_id"],
            sentence=int(row["sentence"]),
            part=row["part"],
            speaker=row["speaker_ar"],
            references=tuple(
                words_of(name)
                for name in [row["speaker_ar"], *row["aliases_ar"].split("|")]
                if name.strip()
            ),
        )
        for row in rows
    ]


def found_speakers(docs: list[str]) -> set[Found]:
    """(doc, sentence, speaker) of every viewpoint the pipeline finds in ``docs``."""
    texts = ntrex_articles()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, doc in enumerate(docs):
            path = Path(folder) / f"{number:02d}_{doc}.txt"
            path.write_text("\n".join(arabic for arabic, _ in texts[doc]) + "\n", encoding="utf-8")
            paths.append(path)
        briefing = make_briefing(paths, translate=False, on_warning=lambda message: None)
    doc_of = {article.id: docs[number] for number, article in enumerate(briefing.articles)}
    return {Found(doc_of[v.article], v.paragraph, v.speaker_ar) for v in briefing.viewpoints}


def names(found: Found, gold: GoldStatement) -> bool:
    words = words_of(found.speaker)
    return any(
        contains_sequence(words, reference) or contains_sequence(reference, words)
        for reference in gold.references
    )


def score(part: str, gold: list[GoldStatement], found: set[Found], show_errors: bool) -> None:
    gold = [g for g in gold if g.part == part]
    docs = {g.doc for g in gold} | {doc for doc, of in NO_STATEMENTS.items() if of == part}
    found = {f for f in found if f.doc in docs}
    by_sentence: dict[tuple[str, int], list[GoldStatement]] = defaultdict(list)
    for statement in gold:
        by_sentence[statement.doc, statement.sentence].append(statement)
    right = {f for f in found if any(names(f, g) for g in by_sentence[f.doc, f.sentence])}
    recalled = [g for g in gold if any(f.doc == g.doc and f.sentence == g.sentence and names(f, g) for f in found)]
    precision = len(right) / max(len(found), 1)
    recall = len(recalled) / max(len(gold), 1)
    print(
        f"{part:4} ({len(docs)} articles, {len(gold)} statements): precision {precision:.3f} "
        f"({len(right)}/{len(found)})  recall {recall:.3f} ({len(recalled)}/{len(gold)})"
    )
    if show_errors:
        for f in sorted(found - right, key=lambda f: (f.doc, f.sentence)):
            expected = [g.speaker for g in by_sentence[f.doc, f.sentence]] or ["no statement"]
            print(f"  wrong  {f.doc} {f.sentence}: {f.speaker}  (gold: {', '.join(expected)})")
        for g in gold:
            if g not in recalled:
                print(f"  missed {g.doc} {g.sentence}: {g.speaker}")


def main(show_errors: bool) -> None:
    gold = read_gold()
    docs = list(dict.fromkeys([*(g.doc for g in gold), *NO_STATEMENTS]))
    found = found_speakers(docs)
    for part in DEV_PARTS:
        score(part, gold, found, show_errors)
    score("test", gold, found, False)


if __name__ == "__main__":
    main("--errors" in sys.argv)

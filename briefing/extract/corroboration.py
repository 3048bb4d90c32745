"""Across sources: which paragraphs report something another article reports too.

Paragraphs are compared by the content stems and numbers they share, weighted by how rare each
is in the briefing, so "العراق" in every paragraph links nothing while "كوتراشيف" or "20" does.
A paragraph is corroborated when its best match in some other article scores at least
``CORROBORATION_THRESHOLD`` and the two share at least ``MIN_SHARED_WORDS`` informative words
(ones not found in most paragraphs): two paragraphs that only both name the United States and
Iraq do not report the same fact. The shared words say why.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from briefing.extract.arabic import content_stems
from briefing.extract.clashes import FeatureIndex
from briefing.structure import Briefing, ParagraphKind

CORROBORATED, SINGLE_SOURCE = "corroborated", "single-source"
CORROBORATION_THRESHOLD = 0.25
MIN_SHARED_WORDS = 3
INFORMATIVE_IDF = 1.0  # ln(N/n) >= 1: the word is in fewer than about a third of the paragraphs
SHARED_WORDS_SHOWN = 6
COMPARED_KINDS = (ParagraphKind.TITLE, ParagraphKind.BODY)


@dataclass
class SourceMatch:
    """The paragraph of another article that reports the same thing."""

    article: str
    paragraph: int
    score: float
    shared: list[str]


@dataclass
class Corroboration:
    """One paragraph of one article and the other articles that report it too."""

    article: str
    paragraph: int
    status: str
    sources: list[str]
    matches: list[SourceMatch] = field(default_factory=list)


# A number is one token with its separators ("3.1", "25,000"); single digits say little.
NUMBER = re.compile(r"\d+(?:[.,٫]\d+)*")
MIN_NUMBER_LENGTH = 2


def _paragraph_features(text: str) -> tuple[set[str], dict[str, Counter]]:
    surfaces: dict[str, Counter] = {}
    for stem, token in content_stems(text):
        surfaces.setdefault(stem, Counter())[token.text] += 1
    for number in NUMBER.findall(text):
        if len(number) >= MIN_NUMBER_LENGTH:
            surfaces.setdefault(f"#{number}", Counter())[number] += 1
    return set(surfaces), surfaces


def _shared_informative_counts(index: FeatureIndex) -> list[dict[int, int]]:
    """For each paragraph, how many informative features it shares with each other paragraph.

    Read off posting lists, so only paragraphs that share something are ever compared.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for number, features in enumerate(index.features):
        for feature in features:
            if index.idf[feature] >= INFORMATIVE_IDF:
                postings[feature].append(number)
    counts: list[dict[int, int]] = [defaultdict(int) for _ in index.features]
    for holders in postings.values():
        for i in holders:
            for j in holders:
                if i != j:
                    counts[i][j] += 1
    return counts


def corroborate(briefing: Briefing) -> list[Corroboration]:
    """For every headline and body paragraph, the best matching paragraph in each other article.

    Empty for a briefing of one article: there is nothing to corroborate against.
    """
    if len(briefing.articles) < 2:
        return []
    places = [
        (article.id, paragraph)
        for article in briefing.articles
        for paragraph in article.paragraphs
        if paragraph.kind in COMPARED_KINDS
    ]
    index = FeatureIndex([_paragraph_features(p.ar) for _, p in places])
    shared_informative = _shared_informative_counts(index)
    result = []
    for i, (article_id, paragraph) in enumerate(places):
        best: dict[str, tuple[float, int]] = {}
        for j, count in shared_informative[i].items():
            other_id = places[j][0]
            if other_id == article_id or count < MIN_SHARED_WORDS:
                continue
            score = index.similarity(i, j)
            if score >= CORROBORATION_THRESHOLD and score > best.get(other_id, (0.0, -1))[0]:
                best[other_id] = (score, j)
        matches = [
            SourceMatch(
                article=places[j][0],
                paragraph=places[j][1].index,
                score=round(score, 3),
                shared=index.shared_words(i, j, SHARED_WORDS_SHOWN),
            )
            for score, j in sorted(best.values(), key=lambda v: -v[0])
        ]
        result.append(
            Corroboration(
                article=article_id,
                paragraph=paragraph.index,
                status=CORROBORATED if matches else SINGLE_SOURCE,
                sources=[article_id] + [m.article for m in matches],
                matches=matches,
            )
        )
    return result

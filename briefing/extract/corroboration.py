"""Across sources: which paragraphs report something another article reports too.

Paragraphs are compared by the content stems and numbers they share, weighted by how rare each
is in the briefing, so "العراق" in every paragraph links nothing while "كوتراشيف" or "20" does.
A paragraph is corroborated when its best match in some other article scores at least
``CORROBORATION_THRESHOLD`` and the two share at least ``MIN_SHARED_WORDS`` informative words
(ones not found in most paragraphs): two paragraphs that only both name the United States and
Iraq do not report the same fact. The shared words say why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from briefing.extract.arabic import content_stems, fold, tokens
from briefing.extract.clashes import FeatureIndex
from briefing.structure import Briefing, ParagraphKind

CORROBORATED, SINGLE_SOURCE = "corroborated", "single-source"
CORROBORATION_THRESHOLD = 0.2
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


def _paragraph_features(text: str) -> tuple[set[str], dict[str, Counter]]:
    surfaces: dict[str, Counter] = {}
    for stem, token in content_stems(text):
        surfaces.setdefault(stem, Counter())[token.text] += 1
    for token in tokens(fold(text).text):
        if token.text.isdigit():
            surfaces.setdefault(f"#{token.text}", Counter())[token.text] += 1
    return set(surfaces), surfaces


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
    result = []
    for i, (article_id, paragraph) in enumerate(places):
        best: dict[str, tuple[float, int]] = {}
        for j, (other_id, _) in enumerate(places):
            if other_id == article_id:
                continue
            score = index.similarity(i, j)
            if score < CORROBORATION_THRESHOLD or score <= best.get(other_id, (0.0, -1))[0]:
                continue
            informative = [f for f in index.features[i] & index.features[j] if index.idf[f] >= INFORMATIVE_IDF]
            if len(informative) >= MIN_SHARED_WORDS:
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

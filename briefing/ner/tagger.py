"""The shipped CRF model: BIO tags (PERS, ORG, LOC, MISC) for the tokens of a story.

Two passes: the first CRF tags each sentence from its own words; the second sees the same
features plus what the first pass made of the same words elsewhere in the story
(``story_features``), so a surname met alone is read like the full name it came with.

The second pass is decoded here rather than by crfsuite, with a penalty on the ``O`` tag: the
CRF finds names with far better precision than recall, and trading a little of one for the
other raises F1 (Minkov et al. 2006, "NER systems that suit user's preferences").
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

import numpy as np
import pycrfsuite

from briefing.errors import BriefingError
from briefing.ner.features import TrainingLists, sentence_features, story_features

MODEL_FILE = "anercorp-crf.crfsuite"  # the second pass
FIRST_PASS_FILE = "anercorp-crf-first.crfsuite"
COMMON_WORDS_FILE = "anercorp-common-words.txt"
ENTITIES_FILE = "anercorp-entities.tsv"
NAME_TYPES_FILE = "anercorp-name-types.tsv"
CLUSTERS_FILE = "word-clusters.tsv"
# Subtracted from the ``O`` score of each token; chosen on the dev sentences (0.25-0.75 all
# helped, 0.5 most: +0.5 to +0.8 F1), never on the held-out ones.
OUTSIDE_PENALTY = 0.5
_Read = TypeVar("_Read")  # what a sentence's second pass gives: its tags, or tags and confidence
_FILES = (
    MODEL_FILE,
    FIRST_PASS_FILE,
    COMMON_WORDS_FILE,
    ENTITIES_FILE,
    NAME_TYPES_FILE,
    CLUSTERS_FILE,
)


def shipped_model_dir() -> Path:
    """Where the trained model lives inside the package (``python -m briefing.train_ner`` writes it)."""
    return Path(str(resources.files("briefing.ner") / "model"))


def _write_rows(path: Path, rows: list[str]) -> None:
    path.write_text("".join(row + "\n" for row in sorted(rows)), encoding="utf-8")


def write_lists(model_dir: Path, lists: TrainingLists) -> None:
    """Store the training lists next to the model, sorted so that retraining gives the same files."""
    _write_rows(model_dir / COMMON_WORDS_FILE, list(lists.common))
    _write_rows(
        model_dir / ENTITIES_FILE,
        [f"{kind}\t{' '.join(words)}" for words, kind in lists.entities.items()],
    )
    _write_rows(
        model_dir / NAME_TYPES_FILE, [f"{stem}\t{kind}" for stem, kind in lists.name_types.items()]
    )
    _write_rows(
        model_dir / CLUSTERS_FILE,
        [f"{stem}\t{' '.join(map(str, numbers))}" for stem, numbers in lists.clusters.items()],
    )


def _read_rows(path: Path) -> list[list[str]]:
    return [row.split("\t") for row in path.read_text(encoding="utf-8").splitlines()]


def read_lists(model_dir: Path) -> TrainingLists:
    return TrainingLists(
        common=frozenset((model_dir / COMMON_WORDS_FILE).read_text(encoding="utf-8").split()),
        entities={
            tuple(words.split(" ")): kind for kind, words in _read_rows(model_dir / ENTITIES_FILE)
        },
        name_types=dict(_read_rows(model_dir / NAME_TYPES_FILE)),
        clusters={
            stem: tuple(int(n) for n in numbers.split())
            for stem, numbers in _read_rows(model_dir / CLUSTERS_FILE)
        },
    )


class _Decoder:
    """Viterbi decoding over a CRF's own weights, with ``penalty`` taken off the ``O`` tag."""

    def __init__(self, model: pycrfsuite.Tagger, penalty: float):
        info = model.info()
        self.labels = model.labels()
        index = {label: i for i, label in enumerate(self.labels)}
        self._transitions = np.zeros((len(self.labels), len(self.labels)))
        for (before, after), weight in info.transitions.items():
            self._transitions[index[before], index[after]] = weight
        self._rows: dict[str, int] = {}
        for attribute, _ in info.state_features:
            self._rows.setdefault(attribute, len(self._rows))
        self._weights = np.zeros((len(self._rows) + 1, len(self.labels)))  # last row: unknown
        for (attribute, label), weight in info.state_features.items():
            self._weights[self._rows[attribute], index[label]] = weight
        self._exp_transitions = np.exp(self._transitions)
        self._bias = np.zeros(len(self.labels))
        self._bias[index["O"]] = -penalty

    def _scores(self, features: list[list[str]]) -> np.ndarray:
        unknown = len(self._rows)
        rows = [
            self._weights[[self._rows.get(f, unknown) for f in row]].sum(axis=0) for row in features
        ]
        return np.array(rows) + self._bias

    def tag(self, features: list[list[str]]) -> list[str]:
        return [self.labels[i] for i in self._viterbi(self._scores(features))]

    def tag_with_confidence(self, features: list[list[str]]) -> tuple[list[str], list[float]]:
        """The best tags and, for each, its marginal probability (forward-backward): how sure
        the model is of that token's tag whatever the others are."""
        scores = self._scores(features)
        path = self._viterbi(scores)
        marginals = self._marginals(scores)
        return [self.labels[i] for i in path], [float(marginals[t, i]) for t, i in enumerate(path)]

    def _marginals(self, scores: np.ndarray) -> np.ndarray:
        """Forward-backward in probability space, each step rescaled to sum to 1 (a constant
        factor per token cancels out of the marginals), which is faster than log space."""
        emissions = np.exp(scores - scores.max(axis=1, keepdims=True))
        forward = np.empty(scores.shape)
        backward = np.empty(scores.shape)
        forward[0] = emissions[0] / emissions[0].sum()
        for t in range(1, len(scores)):
            step = (forward[t - 1] @ self._exp_transitions) * emissions[t]
            forward[t] = step / step.sum()
        backward[-1] = 1.0
        for t in range(len(scores) - 2, -1, -1):
            step = self._exp_transitions @ (emissions[t + 1] * backward[t + 1])
            backward[t] = step / step.sum()
        joint = forward * backward
        return joint / joint.sum(axis=1, keepdims=True)

    def _viterbi(self, scores: np.ndarray) -> list[int]:
        best = scores[0]
        back = np.zeros(scores.shape, dtype=int)
        for t in range(1, len(scores)):
            paths = best[:, None] + self._transitions
            back[t] = paths.argmax(axis=0)
            best = paths.max(axis=0) + scores[t]
        path = [int(best.argmax())]
        for t in range(len(scores) - 1, 0, -1):
            path.append(int(back[t, path[-1]]))
        return path[::-1]


class Tagger:
    """A loaded model; loading takes a fraction of a second, so one is kept per process."""

    def __init__(self, model_dir: Path):
        for name in _FILES:
            if not (model_dir / name).is_file():
                raise BriefingError(
                    f"NER model file missing: {model_dir / name} "
                    "(rebuild it with `python -m briefing.train_ner`)"
                )
        self._lists = read_lists(model_dir)
        self._name_stems = frozenset(self._lists.name_types)
        self._first = pycrfsuite.Tagger()
        self._first.open(str(model_dir / FIRST_PASS_FILE))
        second = pycrfsuite.Tagger()
        second.open(str(model_dir / MODEL_FILE))
        self._second = _Decoder(second, OUTSIDE_PENALTY)
        second.close()

    @property
    def common_words(self) -> frozenset[str]:
        """Stems frequent in the training text: a rare word after a title is likely a name."""
        return self._lists.common

    @property
    def name_stems(self) -> frozenset[str]:
        """Stems that were part of a name in the training text: ``انان`` (Annan) is a word too."""
        return self._name_stems

    def tag_story(self, sentences: list[list[str]]) -> list[list[str]]:
        """One BIO tag per token of each sentence; the sentences are read as one story."""
        return self._read_story(sentences, self._second.tag, list)

    def tag_story_with_confidence(
        self, sentences: list[list[str]]
    ) -> list[tuple[list[str], list[float]]]:
        """``tag_story``'s tags with the second pass's marginal probability of each."""
        return self._read_story(sentences, self._second.tag_with_confidence, lambda: ([], []))

    def _read_story(
        self,
        sentences: list[list[str]],
        decode: Callable[[list[list[str]]], _Read],
        empty: Callable[[], _Read],
    ) -> list[_Read]:
        """Both passes over a story; ``decode`` reads the second pass's features of a sentence,
        ``empty`` makes what stands for a sentence without tokens."""
        own = [sentence_features(tokens, self._lists) if tokens else [] for tokens in sentences]
        first = [self._first.tag(features) if features else [] for features in own]
        story = story_features(sentences, first, self._lists.common)
        return [
            decode([row + extra for row, extra in zip(rows, extras)]) if rows else empty()
            for rows, extras in zip(own, story)
        ]

    def tag(self, tokens: list[str]) -> list[str]:
        """One BIO tag per token of a sentence read alone; an empty sentence has no tags."""
        return self.tag_story([tokens])[0]


@lru_cache(maxsize=1)
def shipped_tagger() -> Tagger:
    """The tagger of the model shipped with the package."""
    return Tagger(shipped_model_dir())

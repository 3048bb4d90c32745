"""The shipped CRF model: BIO tags (PERS, ORG, LOC, MISC) for the tokens of one sentence."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from briefing.errors import BriefingError
from briefing.ner.features import TrainingLists, sentence_features

MODEL_FILE = "anercorp-crf.crfsuite"
COMMON_WORDS_FILE = "anercorp-common-words.txt"
ENTITIES_FILE = "anercorp-entities.tsv"


def shipped_model_dir() -> Path:
    """Where the trained model lives inside the package (``python -m briefing.train_ner`` writes it)."""
    return Path(str(resources.files("briefing.ner") / "model"))


def write_lists(model_dir: Path, lists: TrainingLists) -> None:
    """Store the training lists next to the model, sorted so that retraining gives the same files."""
    (model_dir / COMMON_WORDS_FILE).write_text(
        "".join(word + "\n" for word in sorted(lists.common)), encoding="utf-8"
    )
    rows = sorted(f"{kind}\t{' '.join(words)}\n" for words, kind in lists.entities.items())
    (model_dir / ENTITIES_FILE).write_text("".join(rows), encoding="utf-8")


def read_lists(model_dir: Path) -> TrainingLists:
    common = frozenset((model_dir / COMMON_WORDS_FILE).read_text(encoding="utf-8").split())
    entities = {}
    for row in (model_dir / ENTITIES_FILE).read_text(encoding="utf-8").splitlines():
        kind, words = row.split("\t")
        entities[tuple(words.split(" "))] = kind
    return TrainingLists(common, entities)


class Tagger:
    """A loaded CRF model; loading takes a fraction of a second, so one is kept per process."""

    def __init__(self, model_dir: Path):
        for name in (MODEL_FILE, COMMON_WORDS_FILE, ENTITIES_FILE):
            if not (model_dir / name).is_file():
                raise BriefingError(
                    f"NER model file missing: {model_dir / name} "
                    "(rebuild it with `python -m briefing.train_ner`)"
                )
        self._lists = read_lists(model_dir)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_dir / MODEL_FILE))

    @property
    def common_words(self) -> frozenset[str]:
        """Stems frequent in the training text: a rare word after a title is likely a name."""
        return self._lists.common

    def tag(self, tokens: list[str]) -> list[str]:
        """One BIO tag per token; an empty sentence has no tags."""
        if not tokens:
            return []
        return self._tagger.tag(sentence_features(tokens, self._lists))


@lru_cache(maxsize=1)
def shipped_tagger() -> Tagger:
    """The tagger of the model shipped with the package."""
    return Tagger(shipped_model_dir())

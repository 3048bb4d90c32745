"""The shipped CRF model: BIO tags (PERS, ORG, LOC, MISC) for the tokens of one sentence."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from briefing.errors import BriefingError
from briefing.ner.features import sentence_features

MODEL_FILE = "anercorp-crf.crfsuite"
COMMON_WORDS_FILE = "anercorp-common-words.txt"


def shipped_model_dir() -> Path:
    """Where the trained model lives inside the package (``python -m briefing.train_ner`` writes it)."""
    return Path(str(resources.files("briefing.ner") / "model"))


def write_common_words(model_dir: Path, words: frozenset[str]) -> None:
    """Store the frequent-word list next to the model, one stem a line, sorted for stable diffs."""
    (model_dir / COMMON_WORDS_FILE).write_text("\n".join(sorted(words)) + "\n", encoding="utf-8")


class Tagger:
    """A loaded CRF model; loading takes a few milliseconds, so one is kept per process."""

    def __init__(self, model_dir: Path):
        model_path, words_path = model_dir / MODEL_FILE, model_dir / COMMON_WORDS_FILE
        for path in (model_path, words_path):
            if not path.is_file():
                raise BriefingError(
                    f"NER model file missing: {path} (rebuild it with `python -m briefing.train_ner`)"
                )
        self._common = frozenset(words_path.read_text(encoding="utf-8").split())
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model_path))

    def tag(self, tokens: list[str]) -> list[str]:
        """One BIO tag per token; an empty sentence has no tags."""
        if not tokens:
            return []
        return self._tagger.tag(sentence_features(tokens, self._common))


@lru_cache(maxsize=1)
def shipped_tagger() -> Tagger:
    """The tagger of the model shipped with the package."""
    return Tagger(shipped_model_dir())

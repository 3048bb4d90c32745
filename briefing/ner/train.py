"""Training the CRF on ANERcorp and measuring it on sentences it never saw.

The held-out part is the end of the file (contiguous news text), so no article is split between
training and evaluation by chance. L-BFGS training has no random component: the same corpus and
settings give the same model file.

The list of names seen in training is a feature, so in training each sentence sees only the
names of the *other* folds (contiguous blocks of the corpus): otherwise every training name
would be "known" and the CRF would learn to trust the list far more than it deserves on new text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from briefing.ner.corpus import Sentence
from briefing.ner.features import TrainingLists, common_words, sentence_features, tagged_entities
from briefing.ner.scoring import Score, score
from briefing.ner.tagger import MODEL_FILE, Tagger, write_lists

SCORED_TYPES = ("PERS", "ORG", "LOC")
HELD_OUT_SENTENCES = 600


@dataclass(frozen=True)
class Settings:
    """CRF training settings; L1 (``c1``) prunes features, which keeps the model file small."""

    c1: float = 0.02
    c2: float = 0.005
    max_iterations: int = 300
    min_feature_frequency: int = 1
    common_word_count: int = 3
    folds: int = 5


def split_held_out(
    sentences: list[Sentence], held_out: int = HELD_OUT_SENTENCES
) -> tuple[list[Sentence], list[Sentence]]:
    """(training sentences, the last ``held_out`` sentences kept for evaluation)."""
    if not 0 < held_out < len(sentences):
        raise ValueError(f"cannot hold out {held_out} of {len(sentences)} sentences")
    return sentences[:-held_out], sentences[-held_out:]


def train(sentences: list[Sentence], model_dir: Path, settings: Settings = Settings()) -> None:
    """Fit a CRF on ``sentences`` and write it, with its frequent-word list, into ``model_dir``."""
    texts = [[token for token, _ in sentence] for sentence in sentences]
    common = common_words(texts, settings.common_word_count)
    trainer = pycrfsuite.Trainer(verbose=False)
    fold_size = -(-len(sentences) // settings.folds)
    for start in range(0, len(sentences), fold_size):
        others = sentences[:start] + sentences[start + fold_size :]
        lists = TrainingLists(common, tagged_entities(others))
        for tokens, sentence in zip(
            texts[start : start + fold_size], sentences[start : start + fold_size]
        ):
            trainer.append(sentence_features(tokens, lists), [tag for _, tag in sentence])
    trainer.set_params(
        {
            "c1": settings.c1,
            "c2": settings.c2,
            "max_iterations": settings.max_iterations,
            "feature.minfreq": settings.min_feature_frequency,
            "feature.possible_transitions": True,
        }
    )
    model_dir.mkdir(parents=True, exist_ok=True)
    write_lists(model_dir, TrainingLists(common, tagged_entities(sentences)))
    trainer.train(str(model_dir / MODEL_FILE))


def evaluate(tagger: Tagger, sentences: list[Sentence]) -> dict[str, Score]:
    """Entity-level scores of ``tagger`` on gold sentences (PERS, ORG, LOC; MISC ignored)."""
    gold = [[tag for _, tag in sentence] for sentence in sentences]
    predicted = [tagger.tag([token for token, _ in sentence]) for sentence in sentences]
    return score(gold, predicted, SCORED_TYPES)


def format_scores(scores: dict[str, Score]) -> str:
    """A small table: one row per type and the micro average."""
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}"]
    for kind, s in scores.items():
        lines.append(f"{kind:<6} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.support:6d}")
    return "\n".join(lines)

"""The OPUS-MT engine on the fixture's converted Marian model: the same batching, clause splitting
and truncation flags as the Argos engine (one CTranslate2Engine base), and its own tokenizers."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from briefing.testing.argos_fixture import TRAINING_SENTENCES
from briefing.testing.opus_mt_fixture import expected_translation
from briefing.translate.ctranslate2_engine import DecodingOptions
from briefing.translate.opus_mt import OpusMTEngine
from briefing.translate.opus_mt_install import install_opus_mt_release
from briefing.translate.opus_mt_package import OpusMTPackage

LONG_SENTENCE = "، ".join(sentence.rstrip(".؟") for sentence in TRAINING_SENTENCES[:12]) + "."


@pytest.fixture
def package(opus_mt_zip, packages_dir) -> OpusMTPackage:
    return install_opus_mt_release(opus_mt_zip)


def seed_sentences() -> list[str]:
    from briefing.pipeline import read_articles

    return list(dict.fromkeys(s.ar for article in read_articles(SEEDS) for _, s in article.sentences()))


def test_every_seed_sentence_gets_exactly_the_models_english_in_small_parallel_batches(package, opus_mt_zip):
    sentences = seed_sentences()
    engine = OpusMTEngine(package, DecodingOptions(threads=2, max_batch_tokens=128))
    translations = engine.translate(sentences)
    assert [t.text for t in translations] == [expected_translation(opus_mt_zip, s) for s in sentences]
    assert all(t.origin == "mt" and isinstance(t.score, float) for t in translations)
    assert {flag for t in translations for flag in t.flags} <= {"split"}, "no seed sentence is cut"
    assert engine.model.name == "OPUS-MT opus-2020-01-01" and engine.model.version == "2020-01-01"


def test_long_sentences_are_split_by_clauses_and_cut_outputs_flagged(package, opus_mt_zip):
    assert len(package.tokenizer().encode(LONG_SENTENCE)) > 256
    [split] = OpusMTEngine(package, DecodingOptions(max_input_tokens=60)).translate([LONG_SENTENCE])
    assert split.text == expected_translation(opus_mt_zip, LONG_SENTENCE, max_decoding_length=1024)
    assert split.flags == ["split"]
    [whole] = OpusMTEngine(package, DecodingOptions(max_input_tokens=1000)).translate([LONG_SENTENCE])
    assert whole.flags == ["truncated"]
    assert whole.text == expected_translation(opus_mt_zip, LONG_SENTENCE)


def test_the_model_is_loaded_once_and_only_when_needed(package, monkeypatch):
    import ctranslate2

    loads = []
    real = ctranslate2.Translator
    monkeypatch.setattr(ctranslate2, "Translator", lambda *args, **kwargs: loads.append(args) or real(*args, **kwargs))
    engine = OpusMTEngine(package)
    assert engine.translate([]) == [] and loads == []
    engine.translate(seed_sentences()[:3])
    engine.translate(seed_sentences()[3:6])
    assert len(loads) == 1


def test_damaged_model_files_are_one_clear_error(package):
    from briefing.errors import BriefingError

    (package.path / "model" / "model.bin").write_bytes(b"garbage")
    with pytest.raises(BriefingError, match="cannot load the translation model"):
        OpusMTEngine(package).translate(["قال الوزير."])

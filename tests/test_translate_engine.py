"""The Argos engine on real (fixture) packages of both tokenizer kinds: exact output, batching,
clause splitting, truncation, one lazy model load, options, light startup and no network."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS
from hypothesis import given
from hypothesis import strategies as st
from translate_fakes import run_cli

from briefing.errors import BriefingError
from briefing.testing.argos_fixture import TRAINING_SENTENCES, expected_translation
from briefing.translate.argos import ArgosEngine
from briefing.translate.ctranslate2_engine import DecodingOptions, _batches
from briefing.translate.packages import InstalledPackage, install_package_file
from briefing.translate.splitting import pieces_within

LONG_SENTENCE = "، ".join(sentence.rstrip(".؟") for sentence in TRAINING_SENTENCES[:12]) + "."


@pytest.fixture(params=["argosmodel", "bpe_argosmodel"], ids=["sentencepiece", "bpe"])
def package(request, packages_dir) -> InstalledPackage:
    return install_package_file(request.getfixturevalue(request.param))


def seed_sentences() -> list[str]:
    from briefing.pipeline import read_articles

    return list(dict.fromkeys(s.ar for article in read_articles(SEEDS) for _, s in article.sentences()))


def test_every_seed_sentence_gets_exactly_the_models_english(package):
    sentences = seed_sentences()
    translations = ArgosEngine(package).translate(sentences)
    assert [t.text for t in translations] == [expected_translation(package.path, s) for s in sentences]
    assert all(t.origin == "mt" and isinstance(t.score, float) for t in translations)


def test_a_sentence_too_long_for_the_model_is_translated_by_clauses_and_nothing_is_lost(package):
    limit = 60
    tokens = len(package.tokenizer().encode(LONG_SENTENCE))
    assert tokens > 256, "the sentence must be longer than the model's output limit"
    [translation] = ArgosEngine(package, DecodingOptions(max_input_tokens=limit)).translate([LONG_SENTENCE])
    # The gloss model's English for the whole sentence if it had no length limit at all:
    assert translation.text == expected_translation(package.path, LONG_SENTENCE, max_decoding_length=1024)
    assert translation.flags == ["split"]


def test_clause_pieces_fit_the_limit_and_rebuild_the_sentence(package):
    encode = package.tokenizer().encode
    pieces = pieces_within(LONG_SENTENCE, 60, lambda text: len(encode(text)))
    assert len(pieces) > 1
    assert all(len(encode(piece)) <= 60 for piece in pieces)
    assert " ".join(pieces) == " ".join(LONG_SENTENCE.split())
    # Cut at clause boundaries only: after a comma or before the conjunction و.
    assert all(piece.endswith("،") or following.startswith("و") for piece, following in zip(pieces, pieces[1:]))


def test_output_cut_by_the_decoding_limit_is_flagged_not_hidden(package):
    unsplittable = "كوتراشيف" * 40  # one word, no clause or word boundary to cut at
    [cut] = ArgosEngine(package, DecodingOptions(max_input_tokens=60)).translate([unsplittable])
    assert "truncated" in cut.flags
    [whole] = ArgosEngine(package, DecodingOptions(max_input_tokens=1000)).translate([LONG_SENTENCE])
    assert whole.flags == ["truncated"]


def test_the_model_is_loaded_once_and_only_when_a_sentence_needs_it(installed_model, monkeypatch):
    import ctranslate2

    loads = []
    real = ctranslate2.Translator
    monkeypatch.setattr(ctranslate2, "Translator", lambda *args, **kwargs: loads.append(args) or real(*args, **kwargs))
    engine = ArgosEngine()
    assert engine.model.version == "1.0" and engine.translate([]) == []
    assert loads == []
    engine.translate(seed_sentences()[:3])
    engine.translate(seed_sentences()[3:6])
    assert len(loads) == 1


def test_at_most_two_batches_per_worker_are_queued(installed_model):
    """Ctrl-C must not wait for a whole queued job: CTranslate2 finishes queued batches first."""
    engine = ArgosEngine(options=DecodingOptions(threads=2, max_batch_tokens=64))
    real_submit = engine._submit
    submitted: list[list] = []
    unfinished_at_submit = []

    def submit(batch):
        unfinished_at_submit.append(sum(1 for results in submitted if not all(r.done() for r in results)))
        submitted.append(real_submit(batch))
        return submitted[-1]

    engine._submit = submit
    sentences = seed_sentences()
    assert len(dict(engine.stream(sentences))) == len(sentences)
    assert len(submitted) > 4
    assert max(unfinished_at_submit) < 4


@given(st.lists(st.integers(min_value=1, max_value=300), min_size=1, max_size=60),
       st.integers(min_value=1, max_value=2048))
def test_batches_hold_every_piece_once_within_the_token_budget(lengths, budget):
    pieces = [["x"] * length for length in lengths]
    batches = _batches(pieces, budget)
    assert sorted(index for batch in batches for index in batch) == list(range(len(pieces)))
    for batch in batches:
        longest = max(lengths[index] for index in batch)
        assert len(batch) == 1 or longest * len(batch) <= budget


def test_options_are_checked_and_auto_means_int8_where_supported(monkeypatch):
    import ctranslate2

    with pytest.raises(BriefingError, match="compute type"):
        DecodingOptions(compute_type="int4")
    with pytest.raises(BriefingError, match="beam size"):
        DecodingOptions(beam_size=0)
    assert DecodingOptions(threads=3).worker_threads() == (3, 1)
    monkeypatch.setattr(ctranslate2, "get_supported_compute_types", lambda device: {"int8", "float32"})
    assert DecodingOptions().resolved_compute_type() == "int8"
    monkeypatch.setattr(ctranslate2, "get_supported_compute_types", lambda device: {"float32"})
    assert DecodingOptions().resolved_compute_type() == "default"
    assert DecodingOptions(compute_type="float32").resolved_compute_type() == "float32"


def test_beam_size_and_compute_type_reach_the_model(installed_model):
    sentences = seed_sentences()[:4]
    for options in (DecodingOptions(beam_size=1), DecodingOptions(compute_type="float32")):
        translations = ArgosEngine(options=options).translate(sentences)
        assert [t.text for t in translations] == [expected_translation(installed_model, s) for s in sentences]
    # The hand-set weights give their glosses a probability so near 1 that int8 and float32
    # scores both round to 0.0 on some CPUs: ask the loaded model which type it computes in.
    for compute_type in ("float32", "int8"):
        engine = ArgosEngine(options=DecodingOptions(compute_type=compute_type))
        engine.translate(sentences[:1])
        assert engine.translator().compute_type.startswith(compute_type)  # int8 runs as int8_float32


def test_starting_the_cli_imports_no_translation_machinery():
    script = (
        "import sys\n"
        "sys.argv = ['briefing', 'cache', 'info']\n"
        "from briefing.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('ctranslate2', 'argostranslate', 'sentencepiece', 'sacremoses') if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_translate_prints_pairs_and_opens_no_connection(installed_model, fresh_user_folders, monkeypatch, capsys,
                                                        no_network, tmp_path):
    seed = SEEDS[1]
    code, out, err = run_cli(monkeypatch, capsys, "translate", str(seed), "--json")
    assert code == 0, err
    rows = json.loads(out)
    # The same English as a build of the article: names found in it are kept as in its summary.
    code, _, err = run_cli(monkeypatch, capsys, "build", str(seed), "-f", "json", "-o", str(tmp_path))
    assert code == 0, err
    built = json.loads((tmp_path / "briefing.json").read_text(encoding="utf-8"))
    assert [(row["ar"], row["en"]) for row in rows] == [
        (s["ar"], s["en"]) for p in built["articles"][0]["paragraphs"] for s in p["sentences"]
    ]
    names = [m["text"] for a in built["actors"] if a["type"] != "location" for m in a["mentions"]]
    plain = [row for row in rows if not any(name in row["ar"] for name in names)]
    assert plain and all(row["en"] == expected_translation(installed_model, row["ar"]) for row in plain)
    assert {row["origin"] for row in rows} == {"mt"} and rows[0]["paragraph"] == 1

    code, out, _ = run_cli(monkeypatch, capsys, "translate", str(seed), "--tsv")
    lines = out.splitlines()
    assert lines[0] == "article\tparagraph\tarabic\tenglish\torigin\tflags"
    assert [line.split("\t")[3] for line in lines[1:]] == [row["en"] for row in rows]

    code, out, _ = run_cli(monkeypatch, capsys, "translate", str(seed))
    assert out.split("\n\n")[0] == f"{rows[0]['ar']}\n{rows[0]['en']}"

    code, _, err = run_cli(monkeypatch, capsys, "translate", str(seed), "--json", "--tsv")
    assert code == 2 and "one of --json and --tsv" in err

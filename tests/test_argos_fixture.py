"""The test Argos packages are real: Argos and CTranslate2 load them and they translate as built."""

from __future__ import annotations

import json
import shutil
import struct
import zipfile
from pathlib import Path

import ctranslate2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.testing.argos_fixture import (
    BENCHMARK_D_MODEL,
    BENCHMARK_FFN,
    BENCHMARK_LAYERS,
    BENCHMARK_VOCABULARY,
    ROMANISATION,
    build_argos_package,
    expected_translation,
    gloss_token,
    install_argos_package,
)

SEED_LINES = [
    line.strip()
    for path in sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
OWN_SENTENCES = [
    "روسيا تسعى",
    "التقى الوزير بنظيره العراقي في بغداد يوم ٣ مارس.",
    "هل تنجح المفاوضات؟",
]
TOKENIZER_MODEL_FILE = {"sentencepiece": "sentencepiece.model", "bpe": "bpe.model"}


def translate(package_dir: Path, sentences: list[str], **options):
    """CTranslate2 results with Argos's decoding settings, and the package's own tokenizer."""
    from argostranslate.package import Package

    tokenizer = Package(package_dir).tokenizer
    translator = ctranslate2.Translator(str(package_dir / "model"), device="cpu", intra_threads=1)
    settings = dict(
        replace_unknowns=True,
        batch_type="tokens",
        beam_size=4,
        num_hypotheses=1,
        length_penalty=0.2,
        return_scores=True,
    )
    results = translator.translate_batch(
        [tokenizer.encode(sentence) for sentence in sentences], **settings | options
    )
    return results, tokenizer


def argos_translate(package_dir: Path, sentences: list[str], **options) -> list[str]:
    """Translate each sentence as ``argostranslate.translate.apply_packaged_translation`` does."""
    results, tokenizer = translate(package_dir, sentences, **options)
    decoded = [tokenizer.decode(result.hypotheses[0]) for result in results]
    return [value[1:] if value.startswith(" ") else value for value in decoded]


@pytest.fixture(scope="module", params=["sentencepiece", "bpe"])
def gloss_package(request, tmp_path_factory) -> tuple[str, Path, Path]:
    """(tokenizer kind, .argosmodel file, installed folder) for each tokenizer."""
    root = tmp_path_factory.mktemp(f"gloss-{request.param}")
    archive = build_argos_package(root / "built", tokenizer=request.param)
    return request.param, archive, install_argos_package(archive, root / "packages")


@pytest.mark.parametrize(
    ("token", "gloss"),
    [
        ("▁روسيا", "▁rwsya"),
        ("رو@@", "rw@@"),
        ("الخارجية", "alkharjya"),
        ("٢٠٢٤", "2024"),
        ("،", ","),
        ("abc", "abc"),
        ("<unk>", "<unk>"),
        ("</s>", "</s>"),
        ("ّ", "ّ"),  # a lone shadda has no letter, so the token stays as it is
    ],
)
def test_gloss_token_romanises_letters_and_keeps_the_rest(token, gloss):
    assert gloss_token(token) == gloss


def test_package_has_argos_layout_and_metadata(gloss_package):
    from argostranslate.package import Package

    kind, archive, installed = gloss_package
    assert archive.name == "translate-ar_en-1_0.argosmodel"
    names = zipfile.ZipFile(archive).namelist()
    assert {name.split("/")[0] for name in names} == {"translate-ar_en-1_0"}
    files = {name.split("/", 1)[1] for name in names}
    assert {
        "metadata.json",
        "README.md",
        TOKENIZER_MODEL_FILE[kind],
        "model/model.bin",
        "model/config.json",
        "model/source_vocabulary.json",
        "model/target_vocabulary.json",
    } <= files
    assert not ({"sentencepiece.model", "bpe.model"} - {TOKENIZER_MODEL_FILE[kind]}) & files

    assert installed == installed.parent / "translate-ar_en-1_0"
    assert json.loads((installed / "metadata.json").read_text(encoding="utf-8")) == {
        "package_version": "1.0",
        "argos_version": "1.0",
        "from_code": "ar",
        "from_name": "Arabic",
        "to_code": "en",
        "to_name": "English",
    }
    package = Package(installed)
    assert (package.from_code, package.to_code, package.target_prefix) == ("ar", "en", "")
    assert (
        type(package.tokenizer).__name__
        == {"sentencepiece": "SentencePieceTokenizer", "bpe": "BPETokenizer"}[kind]
    )
    assert json.loads((installed / "model" / "config.json").read_text())["add_source_eos"] is True


def test_model_output_equals_the_independently_computed_gloss(gloss_package):
    _, _, installed = gloss_package
    sentences = OWN_SENTENCES + SEED_LINES
    outputs = argos_translate(installed, sentences)
    assert outputs == [expected_translation(installed, sentence) for sentence in sentences]
    assert len(set(outputs)) == len(set(sentences))


def test_any_arabic_text_translates_to_its_gloss(gloss_package):
    """Random text over every romanised character, spaces, Latin and an unseen symbol."""
    from argostranslate.package import Package

    _, _, installed = gloss_package
    tokenizer = Package(installed).tokenizer
    translator = ctranslate2.Translator(str(installed / "model"), device="cpu", intra_threads=1)
    alphabet = sorted(ROMANISATION) + [" ", " ", ".", "x", "☃"]

    @settings(max_examples=60, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=60))
    def translates_to_its_gloss(text):
        [result] = translator.translate_batch(
            [tokenizer.encode(text)], replace_unknowns=True, beam_size=4, length_penalty=0.2
        )
        output = tokenizer.decode(result.hypotheses[0])
        assert output.removeprefix(" ") == expected_translation(installed, text)

    translates_to_its_gloss()


def test_known_sentence_gives_its_romanisation_with_either_tokenizer(gloss_package):
    _, _, installed = gloss_package
    assert argos_translate(installed, ["روسيا تسعى", "العراق ٢٠٢٤"]) == [
        "rwsya tsaa",
        "alaraq 2024",
    ]


def test_unknown_characters_are_copied_by_replace_unknowns(gloss_package):
    _, archive, installed = gloss_package
    [output] = argos_translate(installed, ["روسيا ☃"])
    assert output == "rwsya ☃" == expected_translation(archive, "روسيا ☃")


def test_long_input_is_cut_at_the_decoding_limit(gloss_package):
    _, _, installed = gloss_package
    long_sentence = " ".join(SEED_LINES[:6])
    full_gloss = expected_translation(installed, long_sentence, max_decoding_length=1000)
    cut_gloss = expected_translation(installed, long_sentence)
    # The cut may fall inside a word (a BPE ``@@`` piece), so compare up to the last whole word.
    assert len(cut_gloss) < len(full_gloss) and full_gloss.startswith(cut_gloss.rsplit(" ", 1)[0])
    assert argos_translate(installed, [long_sentence]) == [cut_gloss]
    assert argos_translate(installed, [long_sentence], max_decoding_length=1000) == [full_gloss]


def test_beams_that_pass_the_source_end_stop_at_the_next_step(gloss_package):
    """With a length penalty CTranslate2 decodes until 4 hypotheses end; they must end early."""
    _, _, installed = gloss_package
    results, tokenizer = translate(installed, OWN_SENTENCES, num_hypotheses=4)
    for sentence, result in zip(OWN_SENTENCES, results, strict=True):
        source_length = len(tokenizer.encode(sentence))
        assert len(result.hypotheses) == 4
        assert len(result.hypotheses[0]) == source_length
        assert all(len(hypothesis) <= source_length + 1 for hypothesis in result.hypotheses)


def test_expected_translation_reads_an_archive_like_its_installed_folder(gloss_package):
    _, archive, installed = gloss_package
    for sentence in OWN_SENTENCES:
        assert expected_translation(archive, sentence) == expected_translation(installed, sentence)


def test_expected_translation_refuses_a_package_that_is_not_a_gloss(gloss_package, tmp_path):
    _, _, installed = gloss_package
    altered = shutil.copytree(installed, tmp_path / installed.name)
    target_path = altered / "model" / "target_vocabulary.json"
    target_path.write_text(json.dumps(json.loads(target_path.read_text())[:-1]))
    with pytest.raises(ValueError, match="not a gloss package"):
        expected_translation(altered, "روسيا")


@pytest.mark.parametrize("kind", ["sentencepiece", "bpe"])
def test_builds_are_identical_byte_for_byte(kind, tmp_path):
    first = build_argos_package(tmp_path / "first", tokenizer=kind)
    second = build_argos_package(tmp_path / "second", tokenizer=kind)
    with zipfile.ZipFile(first) as one, zipfile.ZipFile(second) as other:
        assert one.namelist() == other.namelist()
        for name in one.namelist():
            assert one.read(name) == other.read(name), name


def test_install_refuses_a_file_that_is_not_a_zip(tmp_path):
    fake = tmp_path / "fake.argosmodel"
    fake.write_text("not a zip")
    with pytest.raises(ValueError, match="zip"):
        install_argos_package(fake, tmp_path / "packages")


def model_variables(model_bin: Path) -> dict[str, tuple[tuple[int, ...], int]]:
    """Name -> (shape, CTranslate2 dtype id) of each variable in a ``model.bin`` (format 6)."""
    data = model_bin.read_bytes()
    offset = 0

    def take(fmt: str):
        nonlocal offset
        values = struct.unpack_from(fmt, data, offset)
        offset += struct.calcsize(fmt)
        return values

    def string() -> str:
        nonlocal offset
        (length,) = take("H")
        text = data[offset : offset + length - 1].decode("utf-8")
        offset += length
        return text

    take("I")  # binary version
    string()  # spec name
    take("I")  # spec revision
    (count,) = take("I")
    variables = {}
    for _ in range(count):
        name = string()
        (rank,) = take("B")
        shape = take(f"{rank}I")
        (dtype,) = take("B")
        (size,) = take("I")
        offset += size
        variables[name] = (shape, dtype)
    return variables


def test_benchmark_package_has_real_dimensions_and_a_fixed_output_length(tmp_path):
    import sentencepiece

    archive = build_argos_package(tmp_path / "built", model="benchmark", output_length=8)
    installed = install_argos_package(archive, tmp_path / "packages")

    pieces = sentencepiece.SentencePieceProcessor(model_file=str(installed / "sentencepiece.model"))
    vocabulary = json.loads(
        (installed / "model" / "shared_vocabulary.json").read_text(encoding="utf-8")
    )
    assert len(vocabulary) == BENCHMARK_VOCABULARY
    assert vocabulary[: pieces.get_piece_size()] == [
        pieces.id_to_piece(i) for i in range(pieces.get_piece_size())
    ]
    assert vocabulary[-1] == f"▁filler{BENCHMARK_VOCABULARY - pieces.get_piece_size() - 1:05d}"
    variables = model_variables(installed / "model" / "model.bin")
    int8, last = 1, BENCHMARK_LAYERS - 1
    d_model = BENCHMARK_D_MODEL
    assert variables[f"encoder/layer_{last}/ffn/linear_0/weight"] == (
        (BENCHMARK_FFN, d_model),
        int8,
    )
    assert variables[f"decoder/layer_{last}/attention/linear_1/weight"] == (
        (2 * d_model, d_model),
        int8,
    )
    assert variables["decoder/projection/weight"] == ((BENCHMARK_VOCABULARY, d_model), int8)
    assert not any(name.startswith(f"encoder/layer_{BENCHMARK_LAYERS}/") for name in variables)

    sentences = SEED_LINES[:3] + ["روسيا"]
    results, _ = translate(installed, sentences)
    assert [len(result.hypotheses[0]) for result in results] == [8] * len(sentences)

"""OPUS-MT release zips are untrusted input: checked, converted offline, installed whole or not at all."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pytest
from translate_fakes import run_cli

from briefing.testing.opus_mt_fixture import (
    SOURCE_VOCABULARY_NAME,
    TARGET_VOCABULARY_NAME,
    WEIGHTS_NAME,
    build_opus_mt_zip,
    expected_translation,
    readme,
)
from briefing.translate.installed import installed_models

MODEL_KEY = "opus-mt-opus-2020-01-01"


def rezip(source: Path, target: Path, rename=lambda name: name, drop=(), replace=None, add=None) -> Path:
    """A copy of the release ``source`` with members renamed, dropped, replaced or added."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            if info.filename in drop:
                continue
            data = (replace or {}).get(info.filename, original.read(info))
            copy.writestr(rename(info.filename), data)
        for name, data in (add or {}).items():
            copy.writestr(name, data)
    return target


def npz_without(source: Path, *names: str, change=None) -> bytes:
    """The release's weights with parameters left out (or changed by ``change(dict)``), re-saved."""
    with zipfile.ZipFile(source) as zipped, np.load(io.BytesIO(zipped.read(WEIGHTS_NAME))) as weights:
        arrays = {name: weights[name] for name in weights.files if name not in names}
    if change:
        change(arrays)
    out = io.BytesIO()
    np.savez(out, **arrays)
    return out.getvalue()


def corrupted_npz(source: Path) -> bytes:
    """The weights file with bytes in the middle of its arrays overwritten (its own CRCs now fail)."""
    with zipfile.ZipFile(source) as zipped:
        data = bytearray(zipped.read(WEIGHTS_NAME))
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(255 - b for b in data[middle : middle + 64])
    return bytes(data)


def nothing_installed(packages_dir: Path) -> bool:
    """No model listed and no folder or leftover of any kind in the packages folder."""
    return installed_models() == [] and (not packages_dir.exists() or not any(packages_dir.iterdir()))


def test_install_converts_to_int8_with_its_metadata_and_opens_no_connection(
        opus_mt_zip, packages_dir, monkeypatch, capsys, no_network):
    code, out, err = run_cli(monkeypatch, capsys, "models", "install", str(opus_mt_zip))
    assert code == 0, err
    sha256 = hashlib.sha256(opus_mt_zip.read_bytes()).hexdigest()
    assert f"as {MODEL_KEY} in" in out and sha256 in out
    for stage in ("Checking and unpacking", "Converting with CTranslate2 (int8)", "Loading the converted model"):
        assert stage in err  # the progress shown while it works
    folder = packages_dir / MODEL_KEY
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    assert metadata == {
        "format": "opus-mt", "type": "opus-mt", "name": "opus-2020-01-01", "package_version": "2020-01-01", "from_code": "ar",
        "to_code": "en", "licence": "CC BY 4.0", "source_sha256": sha256, "source_prefix": "",
    }
    assert sorted(p.name for p in folder.iterdir()) == [
        "LICENSE", "README.md", "metadata.json", "model", "source.spm", "target.spm"]
    assert sorted(p.name for p in packages_dir.iterdir()) == [MODEL_KEY]  # no staging folder left
    import ctranslate2

    # Loaded in the type it was saved in: the converter quantized it to int8.
    translator = ctranslate2.Translator(str(folder / "model"), compute_type="default")
    assert translator.compute_type.startswith("int8")

    code, out, _ = run_cli(monkeypatch, capsys, "models", "verify")
    from briefing.commands.models import VERIFY_SENTENCE

    assert code == 0 and f"english  {expected_translation(opus_mt_zip, VERIFY_SENTENCE)}\n" in out
    assert "model    OPUS-MT opus-2020-01-01 2020-01-01" in out


def test_list_default_model_option_and_remove_cover_both_kinds(
        opus_mt_zip, argosmodel, packages_dir, monkeypatch, capsys):
    assert run_cli(monkeypatch, capsys, "models", "install", str(argosmodel))[0] == 0
    assert run_cli(monkeypatch, capsys, "models", "install", str(opus_mt_zip))[0] == 0
    code, out, _ = run_cli(monkeypatch, capsys, "models", "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith(f"  {MODEL_KEY}  OPUS-MT  ar->en  version 2020-01-01") and "licence CC BY 4.0" in lines[0]
    assert lines[1].startswith("* translate-ar_en-1_0  Argos  ar->en  version 1.0")  # the newest Argos by default

    code, out, _ = run_cli(monkeypatch, capsys, "models", "default", "opus-2020-01-01")
    assert code == 0 and f"default model: {MODEL_KEY}" in out
    code, out, _ = run_cli(monkeypatch, capsys, "models", "list")
    assert out.splitlines()[0].startswith(f"* {MODEL_KEY}")
    code, out, _ = run_cli(monkeypatch, capsys, "models", "verify")
    assert "OPUS-MT opus-2020-01-01" in out
    code, out, _ = run_cli(monkeypatch, capsys, "models", "verify", "--model", "argos")
    assert "Argos Translate translate-ar_en 1.0" in out

    code, _, err = run_cli(monkeypatch, capsys, "models", "default", "no-such-model")
    assert code == 2 and "no installed ar->en model is called 'no-such-model'" in err and MODEL_KEY in err
    code, _, err = run_cli(monkeypatch, capsys, "models", "remove")
    assert code == 2 and "several ar->en models" in err
    code, out, _ = run_cli(monkeypatch, capsys, "models", "remove", "opus-mt")
    assert code == 0 and MODEL_KEY in out
    # The default went with it: the Argos package is used again.
    code, out, _ = run_cli(monkeypatch, capsys, "models", "default")
    assert code == 0 and "translate-ar_en-1_0 (none recorded" in out


def test_argos_itself_translates_with_its_own_package_and_leaves_the_opus_mt_folder_alone(
        opus_mt_zip, argosmodel, packages_dir, monkeypatch, capsys):
    """Argos Translate reads the same packages folder: an OPUS-MT folder must not be taken
    for an Argos package (which it would then fail to load)."""
    from argostranslate import settings, translate

    def argos_languages() -> dict:
        """What Argos finds now: its translations are cached per process, so forget them."""
        translate.get_installed_languages.cache_clear()
        translate.installed_translates.clear()
        return {language.code: language for language in translate.get_installed_languages()}

    monkeypatch.setattr(settings, "package_dirs", [packages_dir])
    monkeypatch.setattr(translate, "installed_translates", [])
    assert run_cli(monkeypatch, capsys, "models", "install", str(opus_mt_zip))[0] == 0
    assert argos_languages() == {}  # the OPUS-MT model alone: nothing Argos would translate with
    assert run_cli(monkeypatch, capsys, "models", "install", str(argosmodel))[0] == 0
    languages = argos_languages()
    assert sorted(languages) == ["ar", "en"]
    translation = languages["ar"].get_translation(languages["en"]).underlying
    assert translation.pkg.package_path.name == "translate-ar_en-1_0"
    translate.get_installed_languages.cache_clear()


def test_a_default_that_was_deleted_by_hand_is_one_clear_error(opus_mt_zip, packages_dir, monkeypatch, capsys, tmp_path):
    import shutil

    run_cli(monkeypatch, capsys, "models", "install", str(opus_mt_zip))
    run_cli(monkeypatch, capsys, "models", "default", MODEL_KEY)
    shutil.rmtree(packages_dir / MODEL_KEY)
    article = Path(__file__).resolve().parent.parent / "seeds"
    code, _, err = run_cli(monkeypatch, capsys, "build", str(article), "-o", str(tmp_path / "out"))
    assert code == 2 and f"the default model '{MODEL_KEY}'" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def hostile_cases(release: Path, tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Hostile or broken versions of ``release``, each with the words its refusal must contain."""
    def variant(label: str, **change) -> Path:
        return rezip(release, tmp_path / f"{label}.zip", **change)

    english_arabic = readme(source="en", target="ar", date="2020-01-01", model="gloss").encode()
    no_languages = b"# opus-2020-01-01.zip\n\nA model.\n"
    return {
        "parent": (variant("parent", add={"../evil.txt": b"x"}), "outside the package folder"),
        "absolute": (variant("absolute", add={"/etc/evil.txt": b"x"}), "outside the package folder"),
        "backslash": (variant("backslash", add={"..\\evil.txt": b"x"}), "outside the package folder"),
        "drive": (variant("drive", add={"C:/evil.txt": b"x"}), "outside the package folder"),
        "weights": (variant("weights", drop=(WEIGHTS_NAME,)), f"missing the model weights {WEIGHTS_NAME}"),
        "source-vocabulary": (variant("source-vocabulary", drop=(SOURCE_VOCABULARY_NAME,)),
                              f"missing the vocabulary {SOURCE_VOCABULARY_NAME}"),
        "target-vocabulary": (variant("target-vocabulary", drop=(TARGET_VOCABULARY_NAME,)),
                              f"missing the vocabulary {TARGET_VOCABULARY_NAME}"),
        "tokenizer": (variant("tokenizer", drop=("target.spm",)), "missing the SentencePiece model target.spm"),
        "two-configs": (variant("two-configs", add={"other/decoder.yml": b"models: []\n"}), "one decoder.yml"),
        "config-escape": (variant("config-escape", replace={"decoder.yml": b"models: [../w.npz]\nvocabs: [v.yml]\n"}),
                          "not a file of the release"),
        "wrong-pair": (variant("wrong-pair", replace={"README.md": english_arabic}), "translates en->ar"),
        "no-pair": (variant("no-pair", replace={"README.md": no_languages}), "--pair ar-en"),
        "corrupted-npz": (variant("corrupted-npz", replace={WEIGHTS_NAME: corrupted_npz(release)}),
                          f"unreadable model weights {WEIGHTS_NAME}"),
        "not-npz": (variant("not-npz", replace={WEIGHTS_NAME: b"PK\x03\x04 not really"}),
                    f"unreadable model weights {WEIGHTS_NAME}"),
        "no-options": (variant("no-options", replace={WEIGHTS_NAME: npz_without(release, "special:model.yml")}),
                       "no special:model.yml"),
        "missing-matrix": (variant("missing-matrix",
                                   replace={WEIGHTS_NAME: npz_without(release, "decoder_l1_context_Wq")}),
                           "cannot convert this model (Some required model attributes are not set: "
                           "decoder/layer_0/attention/linear_0/weight)"),
        "missing-norm": (variant("missing-norm",
                                 replace={WEIGHTS_NAME: npz_without(release, "decoder_l1_context_Wo_ln_scale")}),
                         "lack the parameter 'decoder_l1_context_Wo_ln_scale'"),
        "vocabulary-size": (variant("vocabulary-size", replace={
            SOURCE_VOCABULARY_NAME: b'"</s>": 0\n"<unk>": 1\n'}), "has 2 entries, the weights"),
        "bad-tokenizer": (variant("bad-tokenizer", replace={"source.spm": b"not a sentencepiece model"}),
                          "unreadable SentencePiece model source.spm"),
    }


CASES = ["parent", "absolute", "backslash", "drive", "weights", "source-vocabulary", "target-vocabulary",
         "tokenizer", "two-configs", "config-escape", "wrong-pair", "no-pair", "corrupted-npz", "not-npz",
         "no-options", "missing-matrix", "missing-norm", "vocabulary-size", "bad-tokenizer"]


@pytest.mark.parametrize("case", CASES)
def test_hostile_or_broken_releases_are_refused_in_one_line(
        opus_mt_zip, packages_dir, tmp_path, monkeypatch, capsys, case):
    hostile, problem = hostile_cases(opus_mt_zip, tmp_path)[case]
    code, out, err = run_cli(monkeypatch, capsys, "models", "install", str(hostile))
    assert code == 2, out
    message = err.strip().splitlines()[-1]  # after any progress lines
    assert message.startswith(f"error: {hostile}: ") and problem in message, message
    assert "Traceback" not in err
    assert nothing_installed(packages_dir)
    assert not (tmp_path / "evil.txt").exists() and not Path("/etc/evil.txt").exists()


def test_a_release_damaged_in_transit_is_refused_by_its_crc(opus_mt_zip, packages_dir, tmp_path, monkeypatch, capsys):
    data = bytearray(opus_mt_zip.read_bytes())
    with zipfile.ZipFile(opus_mt_zip) as zipped:
        weights = zipped.getinfo(WEIGHTS_NAME)
    middle = weights.header_offset + 100 + weights.compress_size // 2
    data[middle : middle + 8] = bytes(255 - b for b in data[middle : middle + 8])
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    code, _, err = run_cli(monkeypatch, capsys, "models", "install", str(damaged))
    assert code == 2 and f"member '{WEIGHTS_NAME}' is damaged" in err
    assert nothing_installed(packages_dir)


def test_size_limit_and_pair_option(opus_mt_zip, packages_dir, tmp_path, monkeypatch, capsys):
    with monkeypatch.context() as limited:
        limited.setattr("briefing.translate.archive.MAX_UNPACKED_BYTES", 1000)
        code, _, err = run_cli(monkeypatch, capsys, "models", "install", str(opus_mt_zip))
    assert code == 2 and "would unpack" in err
    unnamed = rezip(opus_mt_zip, tmp_path / "unnamed.zip", replace={"README.md": b"# a model\n"})
    code, _, err = run_cli(monkeypatch, capsys, "models", "install", str(unnamed), "--pair", "en-ar")
    assert code == 2 and "--pair en-ar given, briefing needs ar-en" in err
    code, out, err = run_cli(monkeypatch, capsys, "models", "install", str(unnamed), "--pair", "ar-en",
                             "--name", "base-ar-en")
    assert code == 0, err
    assert [m.path.name for m in installed_models()] == ["opus-mt-base-ar-en"]
    code, _, err = run_cli(monkeypatch, capsys, "models", "install", str(unnamed), "--pair", "ar-en", "--name", "../up")
    assert code == 2 and "cannot name a model" in err


def test_a_failed_or_interrupted_conversion_leaves_the_previous_install_untouched(
        opus_mt_zip, packages_dir, monkeypatch, capsys):
    from ctranslate2.converters import OpusMTConverter

    assert run_cli(monkeypatch, capsys, "models", "install", str(opus_mt_zip))[0] == 0
    before = {p.relative_to(packages_dir): p.read_bytes() for p in packages_dir.rglob("*") if p.is_file()}
    real_convert = OpusMTConverter.convert

    def interrupted(self, output_dir, **options):
        real_convert(self, output_dir, **options)  # the model is written, then Ctrl-C arrives
        raise KeyboardInterrupt

    monkeypatch.setattr(OpusMTConverter, "convert", interrupted)
    code, _, _ = run_cli(monkeypatch, capsys, "models", "install", str(opus_mt_zip))
    assert code == 130
    after = {p.relative_to(packages_dir): p.read_bytes() for p in packages_dir.rglob("*") if p.is_file()}
    assert after == before  # no staging folder left, the installed model byte for byte as it was

    monkeypatch.setattr(OpusMTConverter, "convert", lambda self, output_dir, **options: (_ for _ in ()).throw(
        ValueError("Option --type must be 'transformer'")))
    code, _, err = run_cli(monkeypatch, capsys, "models", "install", str(opus_mt_zip))
    assert code == 2 and "cannot convert this model (Option --type must be 'transformer')" in err
    assert {p.relative_to(packages_dir): p.read_bytes() for p in packages_dir.rglob("*") if p.is_file()} == before


def test_a_multi_target_model_gets_its_english_token(packages_dir, tmp_path, monkeypatch, capsys):
    multi = build_opus_mt_zip(tmp_path / "multi", target_tokens=(">>eng<<", ">>fra<<"), vocab_size=150)
    rezip(multi, tmp_path / "multi.zip", replace={"README.md": readme(
        source="ara", target="eng fra", date="2021-01-01", model="gloss").encode()})
    code, _, err = run_cli(monkeypatch, capsys, "models", "install", str(tmp_path / "multi.zip"))
    assert code == 0, err
    [model] = installed_models()
    assert model.source_prefix == ">>eng<<"
    code, out, _ = run_cli(monkeypatch, capsys, "models", "verify")
    from briefing.commands.models import VERIFY_SENTENCE

    # The gloss model copies the token it is given first: proof that >>eng<< reached it.
    english = expected_translation(multi, VERIFY_SENTENCE, source_prefix=">>eng<<")
    assert english.startswith(">>eng<<") and f"english  {english}\n" in out

    french_only = build_opus_mt_zip(tmp_path / "french", target_tokens=(">>fra<<", ">>deu<<"), vocab_size=150)
    rezip(french_only, tmp_path / "french.zip", replace={"README.md": readme(
        source="ara", target="eng fra deu", date="2021-01-01", model="gloss").encode()})
    code, _, err = run_cli(monkeypatch, capsys, "models", "install", str(tmp_path / "french.zip"))
    assert code == 2 and "no English target token (>>eng<<)" in err


def test_a_release_inside_one_folder_installs_too(opus_mt_zip, packages_dir, tmp_path, monkeypatch, capsys):
    nested = rezip(opus_mt_zip, tmp_path / "nested.zip", rename=lambda name: f"opus-2020-01-01/{name}")
    code, _, err = run_cli(monkeypatch, capsys, "models", "install", str(nested), "--name", "nested")
    assert code == 0, err
    assert [m.path.name for m in installed_models()] == ["opus-mt-nested"]


@pytest.mark.parametrize("path, installs", [("ar-en", True), ("ara-eng", True), ("en-ar", False)])
def test_an_older_readme_names_its_pair_only_in_the_download_link(
        opus_mt_zip, packages_dir, tmp_path, monkeypatch, capsys, path, installs):
    models = "Tatoeba-MT-models" if "-eng" in path else "OPUS-MT-models"
    text = (f"# opus-2019-12-18.zip\n\n* dataset: opus\n* model: transformer-align\n"
            f"* download: [opus-2019-12-18.zip](https://example.org/{models}/{path}/opus-2019-12-18.zip)\n")
    release = rezip(opus_mt_zip, tmp_path / "opus-2019-12-18.zip", replace={"README.md": text.encode()})
    code, _, err = run_cli(monkeypatch, capsys, "models", "install", str(release))
    if installs:
        assert code == 0, err
        [model] = installed_models()
        assert (model.name, model.package_version) == ("opus-2019-12-18", "2019-12-18")
    else:
        assert code == 2 and "translates en->ar, briefing needs ar->en" in err
        assert nothing_installed(packages_dir)

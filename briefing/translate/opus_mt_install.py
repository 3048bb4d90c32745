"""Installing an OPUS-MT / Tatoeba-MT release zip: check it, convert it offline, install it whole.

A release zip (``opus-2019-12-18.zip``, ``opusTCv20210807+bt-2021-12-08.zip``) holds a Marian
model: ``decoder.yml`` naming the ``*.npz`` weights and the ``*.vocab.yml`` vocabularies, the
SentencePiece models ``source.spm`` and ``target.spm``, a README and a LICENSE, at the top of
the zip or in one folder. It is untrusted input, checked as an ``.argosmodel`` is (no member
escaping, size limit, every CRC) and for what the conversion needs (weights readable with the
training options in ``special:model.yml``, vocabularies matching the embeddings, tokenizers
loadable, Arabic->English named in the README or given with ``--pair ar-en``), then converted
with CTranslate2's own ``OpusMTConverter`` (numpy only), quantized to int8, into a hidden
folder beside the destination, loaded once, and renamed into place: an interrupted or failed
install leaves nothing that counts as installed.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from briefing.translate.archive import (
    PackageError,
    check_member_names,
    install_folder,
    open_archive,
    staging_folder,
)
from briefing.translate.opus_mt_package import (
    METADATA_FILE,
    SOURCE_SPM,
    TARGET_SPM,
    OpusMTPackage,
    file_sha256,
)
from briefing.translate.packages import SOURCE_LANGUAGE, TARGET_LANGUAGE, packages_dir

InstallProgress = Callable[[str, int, "int | None"], None]
"""Called with a stage label, the bytes just done in it, and its total (None: no measure)."""

QUANTIZATION = "int8"
DECODER_CONFIG = "decoder.yml"
CHUNK_BYTES = 1 << 20

ARABIC_CODES = frozenset(
    "ar ara arb arz apc afb ary acm arq ajp acq aeb ars ayl apd abv acw acx adf aec auz avl pga shu ssh".split()
)
"""ISO 639-1/3 codes of Arabic and its varieties, as OPUS-MT and Tatoeba-MT READMEs list them."""
ENGLISH_CODES = frozenset({"en", "eng"})
ENGLISH_TOKENS = (">>eng<<", ">>en<<")
LANGUAGE_TOKEN = re.compile(r"^>>[A-Za-z_]+<<$")

_LANGUAGES_LINE = re.compile(r"^\W*(source|target) language\(s\):\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_RELEASE_PATH = re.compile(r"(?:OPUS-MT|Tatoeba-MT)-models/([A-Za-z_+]+)-([A-Za-z_+]+)/")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Release:
    """Where the files of a release are in its zip (``prefix``: ``""`` or its one folder)."""

    prefix: str
    weights: str
    vocabularies: tuple[str, ...]
    readme: str

    def members(self) -> list[str]:
        """The files the conversion and the installed model need, by their name in the release."""
        return [DECODER_CONFIG, self.weights, *dict.fromkeys(self.vocabularies), SOURCE_SPM, TARGET_SPM]


def is_opus_mt_release(archive: Path) -> bool:
    """Whether ``archive`` looks like a Marian release (a ``decoder.yml``) rather than an Argos package."""
    try:
        with zipfile.ZipFile(archive) as zipped:
            return any(PurePosixPath(name).name == DECODER_CONFIG for name in zipped.namelist())
    except (zipfile.BadZipFile, OSError):
        return False


def install_opus_mt_release(
    archive: Path,
    *,
    pair: str | None = None,
    name: str | None = None,
    progress: InstallProgress | None = None,
) -> OpusMTPackage:
    """Check, convert and install the release ``archive``; an install of the same name is replaced."""
    archive = Path(archive)
    report = progress or (lambda stage, done, total: None)
    with open_archive(archive, "an OPUS-MT release (a zip archive)") as zipped:
        members = zipped.infolist()
        check_member_names(archive, members)
        release = _find_release(archive, zipped)
        readme = _read_text(zipped, release.prefix + release.readme) if release.readme else ""
        multi_target = _multi_target(archive, readme, pair)
        model_name = _model_name(archive, name)
        folder_name = _folder_name(model_name)
        root = packages_dir()
        with staging_folder(root) as staging:
            unpacked = staging / "release"
            unpacked.mkdir()
            _extract_checking_crcs(archive, zipped, release, unpacked, report)
            source_prefix = _check_model_files(archive, unpacked, release, multi_target=multi_target)
            built = staging / folder_name
            built.mkdir()
            _convert(archive, unpacked, built / "model", report)
            for kept in (SOURCE_SPM, TARGET_SPM):
                shutil.copyfile(unpacked / kept, built / kept)
            for notice in ("README.md", "LICENSE"):
                if (unpacked / notice).is_file():
                    shutil.copyfile(unpacked / notice, built / notice)
            package = OpusMTPackage(
                path=root / folder_name,
                name=model_name,
                package_version=_version(model_name, readme),
                from_code=SOURCE_LANGUAGE,
                to_code=TARGET_LANGUAGE,
                licence=_licence(unpacked / "LICENSE", readme),
                source_sha256=file_sha256(archive),
                source_prefix=source_prefix,
            )
            (built / METADATA_FILE).write_text(json.dumps(package.metadata(), indent=2) + "\n", encoding="utf-8")
            _check_loads(archive, built / "model", report)
            install_folder(built, package.path)
    return OpusMTPackage.read(package.path)


def _find_release(archive: Path, zipped: zipfile.ZipFile) -> Release:
    """Read ``decoder.yml`` and check that the weights, vocabularies and tokenizers it needs are there."""
    import yaml

    names = set(zipped.namelist())
    configs = [name for name in names if PurePosixPath(name).name == DECODER_CONFIG]
    prefixes = {name[: -len(DECODER_CONFIG)] for name in configs}
    if len(prefixes) != 1 or any(prefix.count("/") > 1 for prefix in prefixes):
        raise PackageError(f"{archive}: an OPUS-MT release holds one {DECODER_CONFIG}, at its top or in one folder")
    prefix = prefixes.pop()
    try:
        config = yaml.safe_load(zipped.read(prefix + DECODER_CONFIG).decode("utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, zipfile.BadZipFile, OSError) as error:
        raise PackageError(f"{archive}: unreadable {DECODER_CONFIG} ({_one_line(error)})") from None
    models = config.get("models") if isinstance(config, dict) else None
    vocabularies = config.get("vocabs") if isinstance(config, dict) else None
    if not isinstance(models, list) or not models or not all(isinstance(m, str) for m in models):
        raise PackageError(f"{archive}: {DECODER_CONFIG} names no model weights (models:)")
    if not isinstance(vocabularies, list) or not vocabularies or not all(isinstance(v, str) for v in vocabularies):
        raise PackageError(f"{archive}: {DECODER_CONFIG} names no vocabularies (vocabs:)")
    for entry in [models[0], *vocabularies]:
        if PurePosixPath(entry).name != entry or entry in ("", ".", ".."):
            raise PackageError(f"{archive}: {DECODER_CONFIG} names {entry!r}, not a file of the release")
    if prefix + models[0] not in names:
        raise PackageError(f"{archive}: missing the model weights {models[0]} that {DECODER_CONFIG} names")
    for vocabulary in vocabularies:
        if prefix + vocabulary not in names:
            raise PackageError(f"{archive}: missing the vocabulary {vocabulary} that {DECODER_CONFIG} names")
    for tokenizer in (SOURCE_SPM, TARGET_SPM):
        if prefix + tokenizer not in names:
            raise PackageError(f"{archive}: missing the SentencePiece model {tokenizer}")
    readme = next((n for n in ("README.md", "README") if prefix + n in names), "")
    return Release(prefix, models[0], tuple(vocabularies), readme)


def _read_text(zipped: zipfile.ZipFile, name: str) -> str:
    return zipped.read(name).decode("utf-8", errors="replace")


def _multi_target(archive: Path, readme: str, pair: str | None) -> bool:
    """Whether the model has target languages besides English, after checking that the README
    (or ``--pair``, when the README names none) says it translates Arabic to English."""
    wanted = f"{SOURCE_LANGUAGE}-{TARGET_LANGUAGE}"
    if pair is not None and pair.strip().lower() != wanted:
        raise PackageError(f"{archive}: --pair {pair} given, briefing needs {wanted}")
    found = {kind.lower(): set(codes.replace(",", " ").split()) for kind, codes in _LANGUAGES_LINE.findall(readme)}
    if len(found) < 2 and (path := _RELEASE_PATH.search(readme)):
        found = {"source": set(path.group(1).split("+")), "target": set(path.group(2).split("+"))}
    if len(found) < 2:
        if pair is None:
            raise PackageError(
                f"{archive}: the README names no language pair; if this model translates Arabic to "
                f"English, install it with --pair {wanted}"
            )
        return False
    sources = {code.split("_")[0] for code in found["source"] if not code.endswith("_Latn")}
    targets = {code.split("_")[0] for code in found["target"]}
    if not sources & ARABIC_CODES or not targets & ENGLISH_CODES:
        raise PackageError(
            f"{archive}: this model translates {'+'.join(sorted(found['source']))}->"
            f"{'+'.join(sorted(found['target']))}, briefing needs {SOURCE_LANGUAGE}->{TARGET_LANGUAGE}"
        )
    return bool(targets - ENGLISH_CODES)


def _extract_checking_crcs(
    archive: Path, zipped: zipfile.ZipFile, release: Release, folder: Path, report: InstallProgress
) -> None:
    """Read every member (zipfile checks each CRC as it reaches the end), writing out those needed."""
    needed = {release.prefix + name: name for name in release.members()}
    for notice in ("README.md", "LICENSE"):
        if release.prefix + notice in zipped.namelist():
            needed[release.prefix + notice] = notice
    total = sum(member.file_size for member in zipped.infolist())
    for member in zipped.infolist():
        if member.is_dir():
            continue
        target = folder / needed[member.filename] if member.filename in needed else None
        try:
            with zipped.open(member) as source, ExitStack() as files:
                out = files.enter_context(open(target, "wb")) if target else None
                while chunk := source.read(CHUNK_BYTES):
                    if out:
                        out.write(chunk)
                    report("Checking and unpacking", len(chunk), total)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
            raise PackageError(
                f"{archive}: member {member.filename!r} is damaged ({_one_line(error)}); download it again"
            ) from None


def _check_model_files(archive: Path, folder: Path, release: Release, *, multi_target: bool) -> str:
    """Check weights, vocabularies and tokenizers before converting; return the target-language token.

    The embeddings must have one row per vocabulary entry (CTranslate2 indexes them by token
    id). A multi-target model needs its English token (``>>eng<<``) before every sentence.
    """
    import numpy as np
    import sentencepiece
    import yaml
    from ctranslate2.converters.marian import load_vocab

    weights_file = folder / release.weights
    try:
        with np.load(weights_file, allow_pickle=False) as weights:
            names = set(weights.files)
            if "special:model.yml" not in names:
                raise PackageError(f"{archive}: {release.weights} holds no special:model.yml: not Marian weights")
            options = yaml.safe_load(weights["special:model.yml"][:-1].tobytes())
            shapes = {name: weights[name].shape for name in weights.files}  # reads all: the npz's own CRCs
            source_rows = shapes["encoder_Wemb" if "encoder_Wemb" in names else "Wemb"][0]
            target_rows = shapes["decoder_Wemb" if "decoder_Wemb" in names else "Wemb"][0]
    except PackageError:
        raise
    except KeyError as error:
        raise PackageError(f"{archive}: {release.weights} has no embeddings {error}") from None
    except (ValueError, OSError, EOFError, zipfile.BadZipFile, yaml.YAMLError, UnicodeDecodeError) as error:
        raise PackageError(f"{archive}: unreadable model weights {release.weights} ({_one_line(error)})") from None
    if not isinstance(options, dict):
        raise PackageError(f"{archive}: {release.weights} has no training options in special:model.yml")
    try:
        source = load_vocab(str(folder / release.vocabularies[0]))
        target = load_vocab(str(folder / release.vocabularies[-1]))
    except (ValueError, UnicodeDecodeError, OSError) as error:
        raise PackageError(f"{archive}: unreadable vocabulary ({_one_line(error)})") from None
    for vocabulary, rows, file in ((source, source_rows, release.vocabularies[0]),
                                   (target, target_rows, release.vocabularies[-1])):
        if len(vocabulary) != rows:
            raise PackageError(
                f"{archive}: the vocabulary {file} has {len(vocabulary)} entries, the weights {rows} embeddings"
            )
    for tokenizer in (SOURCE_SPM, TARGET_SPM):
        try:
            sentencepiece.SentencePieceProcessor(model_file=str(folder / tokenizer))
        except (OSError, RuntimeError) as error:
            raise PackageError(f"{archive}: unreadable SentencePiece model {tokenizer} ({_one_line(error)})") from None
    language_tokens = [token for token in source if LANGUAGE_TOKEN.match(token)]
    if not (multi_target or language_tokens):
        return ""
    english = next((token for token in ENGLISH_TOKENS if token in source), "")
    if not english:
        raise PackageError(
            f"{archive}: a multi-target model whose vocabulary has no English target token ({ENGLISH_TOKENS[0]})"
        )
    return english


def _convert(archive: Path, release_folder: Path, output: Path, report: InstallProgress) -> None:
    """CTranslate2's own OPUS-MT converter (numpy and PyYAML, no torch), int8 weights."""
    import yaml
    from ctranslate2.converters import OpusMTConverter

    report(f"Converting with CTranslate2 ({QUANTIZATION})", 0, None)
    try:
        OpusMTConverter(str(release_folder)).convert(str(output), quantization=QUANTIZATION)
    except KeyError as error:
        parameter = str(error.args[0] if error.args else error).removesuffix(" is not a file in the archive")
        raise PackageError(f"{archive}: the weights lack the parameter {parameter!r} the Marian converter needs") from None
    except (ValueError, TypeError, IndexError, AttributeError, NotImplementedError, RuntimeError,
            OSError, EOFError, zipfile.BadZipFile, yaml.YAMLError) as error:
        raise PackageError(f"{archive}: cannot convert this model ({_one_line(error)})") from None


def _check_loads(archive: Path, model: Path, report: InstallProgress) -> None:
    """Load the converted model once, so an install that cannot translate is not kept."""
    import ctranslate2

    report("Loading the converted model", 0, None)
    try:
        ctranslate2.Translator(str(model), device="cpu", compute_type=QUANTIZATION if QUANTIZATION in
                               ctranslate2.get_supported_compute_types("cpu") else "default")
    except (RuntimeError, ValueError, OSError) as error:
        raise PackageError(f"{archive}: the converted model does not load ({_one_line(error)})") from None


def _model_name(archive: Path, name: str | None) -> str:
    chosen = name if name is not None else archive.name.removesuffix(".zip")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._+-]{0,99}", chosen):
        raise PackageError(
            f"{archive}: {chosen!r} cannot name a model (letters, digits, . _ + - only): choose one with --name"
        )
    return chosen


def _folder_name(model_name: str) -> str:
    """The install folder: ``opus-mt-NAME``, beside Argos's ``translate-ar_en-*`` folders."""
    return model_name if model_name.startswith("opus-mt") else f"opus-mt-{model_name}"


def _version(model_name: str, readme: str) -> str:
    """The release date (``2019-12-18``) from the README's title or the name, else ``1``."""
    title = readme.strip().splitlines()[0] if readme.strip() else ""
    found = _DATE.search(title) or _DATE.search(model_name)
    return found.group(0) if found else "1"


def _licence(licence_file: Path, readme: str) -> str:
    """``CC BY 4.0`` when the LICENSE (or README) is that licence, else the LICENSE's first line."""
    text = licence_file.read_text(encoding="utf-8", errors="replace") if licence_file.is_file() else ""
    if re.search(r"Attribution 4\.0 International|CC[- ]BY[- ]4\.0", text + "\n" + readme):
        return "CC BY 4.0"
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return first[:100] or "not stated in the release"


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__

"""An installed OPUS-MT model: a CTranslate2 conversion of a Marian release, and its tokenizers.

``briefing models install RELEASE.zip`` (``briefing.translate.opus_mt_install``) writes, in the
packages folder beside the Argos packages, a folder holding ``metadata.json`` (``format``
``opus-mt``, name, version, licence, the release file's SHA-256, the language pair and any
target-language token), the converted ``model/``, the release's ``source.spm`` and
``target.spm``, and its README and LICENSE (the licence asks for attribution).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from briefing.translate.archive import PackageError
from briefing.translate.packages import read_metadata

OPUS_MT_FORMAT = "opus-mt"
METADATA_FILE = "metadata.json"
SOURCE_SPM, TARGET_SPM = "source.spm", "target.spm"
SENTENCEPIECE_WORD_START = "\u2581"


@dataclass(frozen=True)
class OpusMTPackage:
    """An installed OPUS-MT model folder and the metadata written when it was converted."""

    path: Path
    name: str
    package_version: str
    from_code: str
    to_code: str
    licence: str
    source_sha256: str
    source_prefix: str = ""
    """A target-language token (``>>eng<<``) put before every sentence, for multi-target models."""

    format = OPUS_MT_FORMAT
    target_prefix = ""

    @property
    def identity(self) -> str:
        """Name, version and the release file's SHA-256: two conversions of one release agree."""
        return f"{OPUS_MT_FORMAT}:{self.name}@{self.package_version}/{self.source_sha256[:16]}"

    def tokenizer(self) -> MarianTokenizer:
        return MarianTokenizer(self.path / SOURCE_SPM, self.path / TARGET_SPM)

    def size_bytes(self) -> int:
        return sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())

    def metadata(self) -> dict:
        """What ``metadata.json`` holds. ``type`` is read by Argos Translate itself, which shares
        the packages folder: it translates only with packages of type ``translate``, so it
        leaves this folder alone instead of failing on it (it has no ``sentencepiece.model``)."""
        return {
            "format": OPUS_MT_FORMAT,
            "type": OPUS_MT_FORMAT,
            "name": self.name,
            "package_version": self.package_version,
            "from_code": self.from_code,
            "to_code": self.to_code,
            "licence": self.licence,
            "source_sha256": self.source_sha256,
            "source_prefix": self.source_prefix,
        }

    @classmethod
    def read(cls, folder: Path) -> OpusMTPackage:
        _, metadata = read_metadata(folder)
        if metadata.get("format") != OPUS_MT_FORMAT:
            raise PackageError(f"{folder / METADATA_FILE}: not the metadata of an installed OPUS-MT model")
        return cls(
            path=folder,
            name=str(metadata.get("name", "")),
            package_version=str(metadata.get("package_version", "")),
            from_code=str(metadata.get("from_code", "")),
            to_code=str(metadata.get("to_code", "")),
            licence=str(metadata.get("licence", "")),
            source_sha256=str(metadata.get("source_sha256", "")),
            source_prefix=str(metadata.get("source_prefix", "")),
        )


class MarianTokenizer:
    """OPUS-MT's SentencePiece models: ``source.spm`` cuts the Arabic, ``target.spm`` joins the English.

    OPUS-MT's own scripts also normalise punctuation before SentencePiece; that step is not
    repeated here (it only rewrites quotes, dashes and spacing, which our input reader cleans).
    """

    def __init__(self, source_model: Path, target_model: Path):
        import sentencepiece

        try:
            self.source = sentencepiece.SentencePieceProcessor(model_file=str(source_model))
            self.target = sentencepiece.SentencePieceProcessor(model_file=str(target_model))
        except (OSError, RuntimeError) as error:
            raise PackageError(
                f"{source_model.parent}: unreadable SentencePiece model ({error}); reinstall the model"
            ) from None

    def encode(self, sentence: str) -> list[str]:
        return self.source.encode(sentence, out_type=str)

    def decode(self, pieces: list[str]) -> str:
        """The English of output pieces; a piece copied from the source (an unknown word that
        ``replace_unknowns`` put back) keeps its word marker, which is turned into a space."""
        text = self.target.decode_pieces(pieces).replace(SENTENCEPIECE_WORD_START, " ")
        return text[1:] if text.startswith(" ") else text


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()

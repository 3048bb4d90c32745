"""Real but tiny OPUS-MT (Marian) release zips, built from numpy at test time.

An OPUS-MT or Tatoeba-MT release is a zip of a Marian model: the weights as a ``.npz`` whose
``special:model.yml`` entry holds the training configuration, the vocabularies as
``*.vocab.yml``, the SentencePiece models ``source.spm`` and ``target.spm``, a ``decoder.yml``
naming the weights and vocabularies, a README and a LICENSE. This module writes such zips
around the models of ``briefing.testing.argos_fixture``:

``gloss``
    The word-by-word romanising model, in the post-norm layout OPUS-MT models use
    (``argos_fixture.gloss_spec(..., marian=True)``), so the expected English is known
    without running it (``expected_translation``).
``benchmark``
    The real-size random model of the Argos fixture (6+6 layers, d_model 512, FFN 2048,
    8 heads, 32,000 tokens), pre-norm, which always stops after ``output_length`` tokens.

The weights are written under the names CTranslate2's Marian converter reads
(``ctranslate2/converters/marian.py``): ``encoder_Wemb`` / ``decoder_Wemb``, ``Wpos``,
``{encoder,decoder}_l1_self_W{q,k,v,o}`` and biases ``_b*``, ``decoder_l1_context_*``,
``*_ffn_W1/_W2``, layer norms ``*_ln_scale`` / ``*_ln_bias`` (``_pre`` in pre-norm models),
``{encoder,decoder}_top_ln_*`` and ``decoder_ff_logit_out_W/_b``; Marian stores a linear
layer's matrix as (input, output), the converter transposes it. Marian vocabularies start
with ``</s>`` and ``<unk>`` and have no ``<s>``: the decoder starts from a zero embedding.
"""

from __future__ import annotations

import io
import json
import math
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import numpy as np

from briefing.testing.argos_fixture import (
    CTRANSLATE2_MAX_DECODING_LENGTH,
    EOS,
    GLOSS_MAX_POSITIONS,
    SENTENCEPIECE_WORD_START,
    SPECIAL_TOKENS,
    TRAINING_SENTENCES,
    UNK,
    benchmark_spec,
    gloss_spec,
    gloss_target_vocabulary,
    gloss_token,
    sentencepiece_vocabulary,
    train_sentencepiece,
)

ModelKind = Literal["gloss", "benchmark"]

MARIAN_SPECIALS = (EOS, UNK)
"""The first entries of every Marian vocabulary, in this order."""

WEIGHTS_NAME = "opus.spm-spm.transformer-align.model1.npz.best-perplexity.npz"
SOURCE_VOCABULARY_NAME = "opus.spm-spm.src.vocab.yml"
TARGET_VOCABULARY_NAME = "opus.spm-spm.trg.vocab.yml"

LICENCE_TEXT = (
    "Creative Commons Attribution 4.0 International\n\n"
    "Stands for the licence file of a real release; this synthetic test model was written by\n"
    "briefing.testing.opus_mt_fixture and holds no third-party work.\n"
)


def marian_vocabulary(pieces: Sequence[str]) -> list[str]:
    """A Marian vocabulary for SentencePiece ``pieces``: ``</s>``, ``<unk>``, then the others."""
    return list(MARIAN_SPECIALS) + [piece for piece in pieces if piece not in SPECIAL_TOKENS]


def vocabulary_yml(tokens: Sequence[str]) -> str:
    """Marian's ``vocab.yml``: one ``"token": id`` line each (JSON strings are YAML strings)."""
    return "".join(f"{json.dumps(token, ensure_ascii=False)}: {i}\n" for i, token in enumerate(tokens))


def marian_config(spec, *, pre_norm: bool, heads: int, vocabularies: tuple[int, int]) -> dict:
    """The ``special:model.yml`` training options the converter checks, as Marian writes them."""
    d_model = spec.encoder.embeddings[0].weight.shape[1]
    return {
        "type": "transformer",
        "enc-depth": len(spec.encoder.layer),
        "dec-depth": len(spec.decoder.layer),
        "dim-emb": d_model,
        "dim-vocabs": list(vocabularies),
        "transformer-heads": heads,
        "transformer-dim-ffn": spec.encoder.layer[0].ffn.linear_0.weight.shape[0],
        "transformer-ffn-activation": "relu",
        "transformer-preprocess": "n" if pre_norm else "",
        "transformer-postprocess": "da" if pre_norm else "dan",
        "transformer-postprocess-top": "n" if pre_norm else "",
        "transformer-postprocess-emb": "d",
        "transformer-decoder-autoreg": "self-attention",
        "transformer-no-projection": False,
        "transformer-guided-alignment-layer": "last",
        "tied-embeddings": False,
        "tied-embeddings-all": False,
        "version": "v1.7.6 (briefing test fixture)",
    }


def marian_parameters(spec, config: dict) -> dict[str, np.ndarray]:
    """The spec's weights under Marian's parameter names (the inverse of the Marian converter).

    Marian scales embeddings by sqrt(d_model), so an unscaled spec's embeddings are divided by
    it; the encoder and decoder share Marian's one position table ``Wpos``.
    """
    pre = "_pre" if config["transformer-preprocess"] == "n" else ""
    out: dict[str, np.ndarray] = {}

    def linear(name: str, layer, suffix: str = "") -> None:
        out[f"{name}_W{suffix}"] = np.ascontiguousarray(np.asarray(layer.weight).T)
        bias = getattr(layer, "bias", None)
        if not isinstance(bias, np.ndarray):
            bias = np.zeros(layer.weight.shape[0], dtype=np.float32)
        out[f"{name}_b{suffix}"] = bias.reshape(1, -1)

    def norm(name: str, layer_norm, suffix: str) -> None:
        out[f"{name}_ln_scale{suffix}"] = np.asarray(layer_norm.gamma).reshape(1, -1)
        out[f"{name}_ln_bias{suffix}"] = np.asarray(layer_norm.beta).reshape(1, -1)

    def attention(name: str, spec_attention, fused_queries: bool) -> None:
        if fused_queries:
            query, key, value = np.split(np.asarray(spec_attention.linear[0].weight), 3)
            query_bias, key_bias, value_bias = np.split(_bias_of(spec_attention.linear[0]), 3)
        else:
            query, query_bias = spec_attention.linear[0].weight, _bias_of(spec_attention.linear[0])
            key, value = np.split(np.asarray(spec_attention.linear[1].weight), 2)
            key_bias, value_bias = np.split(_bias_of(spec_attention.linear[1]), 2)
        for suffix, weight, bias in (("q", query, query_bias), ("k", key, key_bias), ("v", value, value_bias)):
            out[f"{name}_W{suffix}"] = np.ascontiguousarray(np.asarray(weight).T)
            out[f"{name}_b{suffix}"] = bias.reshape(1, -1)
        linear(name, spec_attention.linear[-1], "o")
        norm(f"{name}_Wo", spec_attention.layer_norm, pre)

    d_model = spec.encoder.embeddings[0].weight.shape[1]
    for scope, stack in (("encoder", spec.encoder), ("decoder", spec.decoder)):
        embeddings = stack.embeddings[0] if scope == "encoder" else stack.embeddings
        weight = np.asarray(embeddings.weight, dtype=np.float32)
        out[f"{scope}_Wemb"] = weight if stack.scale_embeddings else weight / np.float32(math.sqrt(d_model))
        for number, layer in enumerate(stack.layer, start=1):
            prefix = f"{scope}_l{number}"
            attention(f"{prefix}_self", layer.self_attention, fused_queries=True)
            if scope == "decoder":
                attention(f"{prefix}_context", layer.attention, fused_queries=False)
            linear(f"{prefix}_ffn", layer.ffn.linear_0, "1")
            linear(f"{prefix}_ffn", layer.ffn.linear_1, "2")
            norm(f"{prefix}_ffn_ffn", layer.ffn.layer_norm, pre)
        if hasattr(stack, "layer_norm"):
            norm(f"{scope}_top", stack.layer_norm, "")
    linear("decoder_ff_logit_out", spec.decoder.projection)
    out["Wpos"] = np.asarray(spec.decoder.position_encodings.encodings, dtype=np.float32)
    encoder_positions = spec.encoder.position_encodings.encodings
    if isinstance(encoder_positions, np.ndarray) and not np.array_equal(encoder_positions, out["Wpos"]):
        raise ValueError("Marian has one position table: encoder and decoder positions must be equal")
    import yaml

    # Marian stores the options as YAML text with a final NUL, which the converter drops.
    out["special:model.yml"] = np.frombuffer(yaml.safe_dump(config).encode("utf-8") + b"\0", dtype=np.int8)
    return out


def _bias_of(layer) -> np.ndarray:
    bias = getattr(layer, "bias", None)
    return bias if isinstance(bias, np.ndarray) else np.zeros(layer.weight.shape[0], dtype=np.float32)


def readme(*, source: str, target: str, date: str, model: ModelKind) -> str:
    """A README laid out like OPUS-MT's (the lines ``briefing`` reads the language pair from)."""
    what = "a one-layer gloss model that romanises Arabic" if model == "gloss" else (
        "a real-size model (6+6 layers, d_model 512) with random weights, for timing")
    return (
        f"# opus-{date}.zip\n\n"
        "* dataset: synthetic (briefing test fixture)\n"
        "* model: transformer-align\n"
        f"* source language(s): {source}\n"
        f"* target language(s): {target}\n"
        "* pre-processing: normalization + SentencePiece\n\n"
        f"Built by briefing.testing.opus_mt_fixture: {what}. It is not a translation model.\n"
    )


def build_opus_mt_zip(
    dest_dir: Path,
    *,
    model: ModelKind = "gloss",
    source: str = "ar",
    target: str = "en",
    date: str = "2020-01-01",
    training_sentences: Sequence[str] = TRAINING_SENTENCES,
    vocab_size: int = 400,
    output_length: int = 40,
    seed: int = 0,
    target_tokens: Sequence[str] = (),
) -> Path:
    """Write ``opus-DATE.zip`` in ``dest_dir``, laid out as an OPUS-MT release, and return it.

    ``target_tokens`` (such as ``>>eng<<``) are added to both vocabularies, as multi-target
    Tatoeba models have them; the gloss model copies them like any other token.
    """
    import yaml

    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    source_spm = train_sentencepiece(training_sentences, vocab_size)
    pieces = sentencepiece_vocabulary(source_spm) + list(target_tokens)
    source_vocabulary = marian_vocabulary(pieces)
    if model == "gloss":
        spec = gloss_spec(source_vocabulary, marian=True)
        heads, pre_norm = 1, False
        target_vocabulary = gloss_target_vocabulary(source_vocabulary)
        romanised = ["".join(gloss_token(c) for c in sentence) for sentence in training_sentences]
        target_spm = train_sentencepiece(romanised, vocab_size)
    elif model == "benchmark":
        from briefing.testing.argos_fixture import BENCHMARK_HEADS, BENCHMARK_VOCABULARY

        spec = benchmark_spec(source_vocabulary, output_length, seed, position_rows=GLOSS_MAX_POSITIONS)
        heads, pre_norm = BENCHMARK_HEADS, True
        target_vocabulary = source_vocabulary + [
            f"{SENTENCEPIECE_WORD_START}filler{i:05d}" for i in range(BENCHMARK_VOCABULARY - len(source_vocabulary))
        ]
        source_vocabulary = target_vocabulary
        target_spm = source_spm
    else:
        raise ValueError(f"unknown model {model!r}: use 'gloss' or 'benchmark'")
    config = marian_config(spec, pre_norm=pre_norm, heads=heads,
                           vocabularies=(len(source_vocabulary), len(target_vocabulary)))
    weights = io.BytesIO()
    np.savez(weights, **marian_parameters(spec, config))
    decoder = {
        "models": [WEIGHTS_NAME],
        "vocabs": [SOURCE_VOCABULARY_NAME, TARGET_VOCABULARY_NAME],
        "beam-size": 6, "normalize": 0.6, "word-penalty": 0, "mini-batch": 16, "maxi-batch": 100,
        "maxi-batch-sort": "src",
    }
    members = {
        "README.md": readme(source=source, target=target, date=date, model=model).encode(),
        "LICENSE": LICENCE_TEXT.encode(),
        "decoder.yml": yaml.safe_dump(decoder).encode(),
        WEIGHTS_NAME: weights.getvalue(),
        SOURCE_VOCABULARY_NAME: vocabulary_yml(source_vocabulary).encode("utf-8"),
        TARGET_VOCABULARY_NAME: vocabulary_yml(target_vocabulary).encode("utf-8"),
        "source.spm": source_spm,
        "target.spm": target_spm,
    }
    archive = dest_dir / f"opus-{date}.zip"
    # Stored, not deflated: random weights do not compress and the gloss model is small.
    with tempfile.NamedTemporaryFile(dir=dest_dir, prefix=".opus-", delete=False) as partial:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as zipped:
            for name, data in members.items():
                zipped.writestr(name, data)
    Path(partial.name).replace(archive)
    return archive


def expected_translation(
    release: Path, text: str, *, max_decoding_length: int = CTRANSLATE2_MAX_DECODING_LENGTH,
    source_prefix: str = "",
) -> str:
    """What the gloss model of ``release`` (a release zip) must output for ``text``, without CTranslate2.

    The text is cut into pieces with the release's ``source.spm``, ``source_prefix`` (a target
    language token) put first; a piece in the source vocabulary (read here with PyYAML, not the
    converter's reader) becomes ``gloss_token(piece)``, any other is copied as CTranslate2's
    ``replace_unknowns`` does; the first ``max_decoding_length`` are joined with SentencePiece's
    word marker turned into spaces, less the first space.
    """
    import sentencepiece
    import yaml

    with zipfile.ZipFile(release) as zipped:
        vocabulary = yaml.safe_load(zipped.read(SOURCE_VOCABULARY_NAME).decode("utf-8"))
        processor = sentencepiece.SentencePieceProcessor(model_proto=zipped.read("source.spm"))
    pieces = ([source_prefix] if source_prefix else []) + processor.encode(text, out_type=str)
    if len(pieces) >= GLOSS_MAX_POSITIONS:
        raise ValueError(f"{len(pieces)} pieces: the gloss model reads at most {GLOSS_MAX_POSITIONS - 1}")
    output = [gloss_token(piece) if piece in vocabulary else piece for piece in pieces[:max_decoding_length]]
    value = "".join(output).replace(SENTENCEPIECE_WORD_START, " ")
    return value[1:] if value.startswith(" ") else value

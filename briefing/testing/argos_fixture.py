"""Real but tiny Argos Translate ar->en packages, built from numpy at test time.

No Arabic->English Argos model can be downloaded where the tests run, so this module builds
genuine ``.argosmodel`` archives: a zip of one folder holding ``metadata.json``, a CTranslate2
Transformer in ``model/`` and a tokenizer model (``sentencepiece.model`` trained here, or a
subword-nmt ``bpe.model`` learned here), installed exactly as Argos installs a download.

Two models can go in a package:

``gloss`` (tests)
    One encoder and one decoder layer with weights set by hand so that the model translates
    token by token: at output step ``t`` the decoder's cross-attention reads only source
    position ``t`` (learned position embeddings write the two base-32 digits of ``t`` into
    dimensions of their own, which queries and keys compare at a large scale), the value read
    is the source token, and the output projection turns source token ``s`` into the target
    token ``gloss_token(s)``, a letter-by-letter romanisation. The ``</s>`` that CTranslate2
    appends to the source (``add_source_eos``) glosses to ``</s>``, which ends the output,
    and any step past it reads that ``</s>`` again, so beams that did not end stop at once.
    Self-attention outputs are zero and every vector that reaches a layer norm is a fixed
    number of ones among zeros, so each layer norm is a fixed map, made the identity by its
    gain and bias. Inputs may have up to 1023 tokens; outputs are cut at CTranslate2's
    ``max_decoding_length`` (256 by default). ``expected_translation`` computes what the
    model must output without running it.

``benchmark``
    The size of a real Argos model (6+6 layers, d_model 512, FFN 2048, 8 heads, a 32,000-token
    shared vocabulary, int8 weights) with random weights from a seeded RNG. The tokenizer
    vocabulary is small, so the CTranslate2 vocabulary is padded with filler tokens
    (``▁filler00042``) up to 32,000. Random weights never choose ``</s>``, so a reserved
    model dimension, written only by the decoder position embedding of step ``output_length``,
    forces ``</s>`` there: every input gives exactly ``output_length`` output tokens under
    Argos's decoding settings, with no ``max_decoding_length`` needed.
"""

from __future__ import annotations

import io
import json
import math
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePosixPath
from typing import Literal

import numpy as np

TokenizerKind = Literal["sentencepiece", "bpe"]
ModelKind = Literal["gloss", "benchmark"]

UNK, BOS, EOS = "<unk>", "<s>", "</s>"
SPECIAL_TOKENS = (UNK, BOS, EOS)
BPE_SEPARATOR = "@@"
SENTENCEPIECE_WORD_START = "\u2581"

GLOSS_POSITION_BASE = 32
GLOSS_MAX_POSITIONS = GLOSS_POSITION_BASE**2
"""Source positions the gloss model has codes for: 1024, CTranslate2's default
``max_input_length``, to which it truncates longer inputs."""

CTRANSLATE2_MAX_DECODING_LENGTH = 256
"""CTranslate2's default ``max_decoding_length``: longer glosses are cut after 256 tokens."""

BENCHMARK_LAYERS = 6
BENCHMARK_D_MODEL = 512
BENCHMARK_FFN = 2048
BENCHMARK_HEADS = 8
BENCHMARK_VOCABULARY = 32000

# fmt: off
ROMANISATION: dict[str, str] = {
    # Letters: one readable Latin spelling each (several letters may share one).
    "ا": "a", "أ": "a", "إ": "i", "آ": "aa", "ٱ": "a", "ء": "e", "ؤ": "u", "ئ": "i",
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "a", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "و": "w", "ي": "y", "ى": "a", "ة": "a",
    "پ": "p", "چ": "ch", "ڤ": "v", "گ": "g", "ک": "k", "ی": "y",
    # Short vowels and nunation; shadda, sukun, dagger alif and tatweel have no letter.
    "َ": "a", "ُ": "u", "ِ": "i", "ً": "n", "ٌ": "un", "ٍ": "in",
    "ّ": "", "ْ": "", "ٰ": "", "ـ": "",
    # Arabic punctuation and the percent sign.
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "«": '"', "»": '"',
}
# fmt: on
ROMANISATION.update({chr(0x0660 + d): str(d) for d in range(10)})  # Arabic-Indic digits
ROMANISATION.update({chr(0x06F0 + d): str(d) for d in range(10)})  # Extended (Persian) digits

TRAINING_SENTENCES = (
    # Written for this fixture (no third-party text), covering every Arabic letter above.
    "روسيا تسعى إلى تعزيز شراكتها الأمنية مع العراق.",
    "قال وزير الخارجية إن المحادثات كانت مثمرة وصريحة.",
    "التقى رئيس الوزراء بوفد من الاتحاد الأوروبي في بغداد يوم الأحد.",
    "أعلنت الحكومة عن خطة جديدة لدعم الاقتصاد وخفض البطالة.",
    "وصل السفير الأمريكي إلى دمشق لإجراء مباحثات مع المسؤولين.",
    "ذكرت وكالة الأنباء أن الانتخابات ستجري في شهر مارس/آذار ٢٠٢٤.",
    "نفى المتحدث باسم الجيش وقوع أي إصابات بين المدنيين.",
    "يرى المحللون أن الأزمة قد تؤثر على أسعار النفط والغاز.",
    "طالبت المنظمة الدولية بوقف فوري لإطلاق النار في غزة.",
    "هل ستنجح الوساطة القطرية في إنهاء الصراع؟",
    "اجتمع الرئيس الفرنسي بنظيره المصري لبحث الأوضاع في المنطقة، وفق بيان رسمي.",
    "ظهرت تقارير عن ضغوط اقتصادية متزايدة على الدول المجاورة.",
    "شارك آلاف الأشخاص في مظاهرة سلمية وسط العاصمة.",
    "تحدث الخبراء عن ضرورة الحوار بين الأطراف؛ لأن البديل هو الحرب.",
    "قُتل ثلاثة جنود وأصيب خمسة آخرون في هجوم بطائرة مسيرة.",
    "صرّح مصدر مطلع بأن الاتفاق سيُوقَّع خلال أيام.",
    "بلغت نسبة التضخم 15% في العام الماضي، حسب البنك المركزي.",
    "استقبل الملك وفداً من رجال الأعمال الخليجيين.",
    "تواصل القوات التركية عملياتها ضد المسلحين شمال سوريا.",
    'قالت مصادر "غير رسمية" إن الجولة المقبلة من المفاوضات ستعقد في جنيف.',
)


def gloss_token(token: str) -> str:
    """The target token the gloss model writes for ``token``: its letters romanised.

    Special tokens map to themselves, characters without an entry (Latin, digits, ``▁``, the
    BPE ``@@`` marker) are kept, and a token whose romanisation would be empty (a lone shadda)
    is kept as it is, so every target token is a non-empty string.
    """
    if token in SPECIAL_TOKENS:
        return token
    core, marker = (
        (token[: -len(BPE_SEPARATOR)], BPE_SEPARATOR)
        if token.endswith(BPE_SEPARATOR)
        else (token, "")
    )
    romanised = "".join(ROMANISATION.get(char, char) for char in core)
    if not romanised.strip(SENTENCEPIECE_WORD_START):
        return token
    return romanised + marker


# --- tokenizers ----------------------------------------------------------------------------


def train_sentencepiece(sentences: Sequence[str], vocab_size: int) -> bytes:
    """A unigram SentencePiece model; one thread and no sampling make it byte-for-byte stable."""
    import sentencepiece

    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=model,
        model_type="unigram",
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        num_threads=1,
        shuffle_input_sentence=False,
        minloglevel=2,
    )
    return model.getvalue()


def sentencepiece_vocabulary(model: bytes) -> list[str]:
    import sentencepiece

    processor = sentencepiece.SentencePieceProcessor(model_proto=model)
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _moses_words(sentences: Iterable[str]) -> list[str]:
    """Words as Argos's BPETokenizer sees them before BPE: Moses-normalised and tokenized."""
    from sacremoses.normalize import MosesPunctNormalizer
    from sacremoses.tokenize import MosesTokenizer

    normalizer, tokenizer = MosesPunctNormalizer("ar"), MosesTokenizer("ar")
    return [
        word
        for sentence in sentences
        for word in tokenizer.tokenize(normalizer.normalize(sentence))
    ]


def _learn_bpe(words: Sequence[str], merges: int) -> tuple[list[tuple[str, str]], set[str]]:
    """Learn subword-nmt (version 0.2) merges: the most frequent adjacent pair, ties by text.

    Returns the merges and every symbol seen while learning (``</w>`` marks a word end).
    """
    vocabulary: Counter[tuple[str, ...]] = Counter(
        tuple(word[:-1]) + (word[-1] + "</w>",) for word in words if word
    )
    symbols = {symbol for word in vocabulary for symbol in word}
    learned: list[tuple[str, str]] = []
    for _ in range(merges):
        pairs: Counter[tuple[str, str]] = Counter()
        for word, count in vocabulary.items():
            for pair in zip(word, word[1:], strict=False):
                pairs[pair] += count
        if not pairs:
            break
        best = min(pairs, key=lambda pair: (-pairs[pair], pair))
        if pairs[best] < 2:
            break
        learned.append(best)
        symbols.add(best[0] + best[1])
        vocabulary = Counter({_merge_pair(word, best): count for word, count in vocabulary.items()})
    return learned, symbols


def _merge_pair(word: tuple[str, ...], pair: tuple[str, str]) -> tuple[str, ...]:
    merged: list[str] = []
    i = 0
    while i < len(word):
        if i + 1 < len(word) and (word[i], word[i + 1]) == pair:
            merged.append(word[i] + word[i + 1])
            i += 2
        else:
            merged.append(word[i])
            i += 1
    return tuple(merged)


def _bpe_tokens(symbols: Iterable[str]) -> list[str]:
    """The tokens BPE segmentation can output: word-final symbols bare, the others with ``@@``.

    Single characters are listed both ways, so any word made of known characters is in vocabulary.
    """
    tokens = set()
    for symbol in symbols:
        if symbol.endswith("</w>"):
            bare = symbol[: -len("</w>")]
            tokens.add(bare)
            if len(bare) == 1:
                tokens.add(bare + BPE_SEPARATOR)
        else:
            tokens.add(symbol + BPE_SEPARATOR)
            if len(symbol) == 1:
                tokens.add(symbol)
    return list(SPECIAL_TOKENS) + sorted(tokens - set(SPECIAL_TOKENS))


def _write_tokenizer(
    folder: Path, tokenizer: TokenizerKind, sentences: Sequence[str], vocab_size: int
) -> list[str]:
    """Write the package's tokenizer model; return the source vocabulary it implies."""
    if tokenizer == "sentencepiece":
        model = train_sentencepiece(sentences, vocab_size)
        (folder / "sentencepiece.model").write_bytes(model)
        return sentencepiece_vocabulary(model)
    if tokenizer == "bpe":
        merges, symbols = _learn_bpe(_moses_words(sentences), merges=vocab_size)
        lines = ["#version: 0.2"] + [f"{first} {second}" for first, second in merges]
        (folder / "bpe.model").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return _bpe_tokens(symbols)
    raise ValueError(f"unknown tokenizer {tokenizer!r}: use 'sentencepiece' or 'bpe'")


# --- models --------------------------------------------------------------------------------


def _identity_layer_norm(layer_norm, size: int, ones: int, epsilon: float) -> None:
    """Make ``layer_norm`` return its input for vectors of ``ones`` ones and zeros elsewhere.

    Such vectors all have mean ``ones/size`` and the same variance, so gain = standard
    deviation and bias = mean undo the normalisation exactly.
    """
    mean = ones / size
    deviation = math.sqrt(mean - mean * mean + epsilon)
    layer_norm.gamma = np.full(size, deviation, dtype=np.float32)
    layer_norm.beta = np.full(size, mean, dtype=np.float32)


def _plain_layer_norm(layer_norm, size: int) -> None:
    layer_norm.gamma = np.ones(size, dtype=np.float32)
    layer_norm.beta = np.zeros(size, dtype=np.float32)


def _silent_attention(attention, d_model: int, head_dim: int) -> None:
    """Zero a self-attention's output (its input then does not matter)."""
    _plain_layer_norm(attention.layer_norm, d_model)
    attention.linear[0].weight = np.zeros((3 * head_dim, d_model), dtype=np.float32)
    attention.linear[1].weight = np.zeros((d_model, head_dim), dtype=np.float32)


def _silent_ffn(ffn, d_model: int) -> None:
    _plain_layer_norm(ffn.layer_norm, d_model)
    ffn.linear_0.weight = np.zeros((1, d_model), dtype=np.float32)
    ffn.linear_1.weight = np.zeros((d_model, 1), dtype=np.float32)


class _GlossLayout:
    """Where things live in the gloss model's vectors (all one-hot, so layer norms stay fixed).

    Model dimensions: the token (``[0, V)``), the position's low and high base-32 digits, the
    high digit again but only at the source ``</s>`` (``eos_high``), and a marker set on every
    other source token (``not_eos``), so every encoder output has exactly four ones.
    Cross-attention query/key dimensions: the two digits, the ``eos_high`` comparison and one
    constant ``eos_bonus``.
    """

    def __init__(self, vocab: int):
        base = GLOSS_POSITION_BASE
        self.vocab = vocab
        self.low = vocab + np.arange(base)
        self.high = vocab + base + np.arange(base)
        self.digits = np.concatenate([self.low, self.high])
        self.eos_high = vocab + 2 * base + np.arange(base)
        self.not_eos = vocab + 3 * base
        self.d_model = self.not_eos + 1
        self.key_digits = np.arange(2 * base)
        self.key_eos_high = 2 * base + np.arange(base)
        self.key_eos_bonus = 3 * base
        self.head_dim = max(vocab, self.key_eos_bonus + 1)

    def position_codes(self) -> np.ndarray:
        """Position ``t`` as two ones: its low digit ``t % 32`` and its high digit ``t // 32``."""
        codes = np.zeros((GLOSS_MAX_POSITIONS, self.d_model), dtype=np.float32)
        steps = np.arange(GLOSS_MAX_POSITIONS)
        codes[steps, self.low[steps % GLOSS_POSITION_BASE]] = 1.0
        codes[steps, self.high[steps // GLOSS_POSITION_BASE]] = 1.0
        return codes


def gloss_spec(source_vocabulary: list[str], *, marian: bool = False):
    """The word-by-word gloss Transformer for ``source_vocabulary`` (see the module docstring).

    Cross-attention scores, in units of ``match`` (30 logits are a weight of e^-30):
    2 * ``match`` for the source position equal to the output step, ``match`` per shared
    digit otherwise, and for the source ``</s>`` at position n a bonus of 0.5 ``match``,
    plus 3 ``match`` when the step's high digit is above n's, minus 3 ``match`` when below.
    So steps up to n read their own position, and any step after n (a beam that did not end)
    reads ``</s>`` and ends: Argos decodes with a length penalty, and CTranslate2 then stops
    only when 4 hypotheses have ended, which would otherwise take 256 steps.

    ``marian`` builds the same model in the shape Marian (hence CTranslate2's Marian converter)
    can express: post-norm layers (each layer norm after its residual sum, so it sees one more
    one than in the pre-norm layout), one attention head as wide as the model, and embeddings
    that are scaled by sqrt(d_model) (``briefing.testing.opus_mt_fixture`` divides them back).
    """
    from ctranslate2.specs import transformer_spec

    target_vocabulary = gloss_target_vocabulary(source_vocabulary)
    target_index = {token: i for i, token in enumerate(target_vocabulary)}
    layout = _GlossLayout(len(source_vocabulary))
    d_model, base = layout.d_model, GLOSS_POSITION_BASE
    head_dim = d_model if marian else layout.head_dim
    eos_id = source_vocabulary.index(EOS)
    epsilon = 1e-6
    match = 60.0  # score per shared digit; every wrong position scores at least match / 2 less
    output_logit = 30.0  # probability e^-30 for any target token but the gloss

    if marian:
        encoder = transformer_spec.TransformerEncoderSpec(1, 1, pre_norm=False)
        decoder = transformer_spec.TransformerDecoderSpec(1, 1, pre_norm=False)
    else:
        encoder = transformer_spec.TransformerEncoderSpec(1, 1, head_dim=1)
        decoder = transformer_spec.TransformerDecoderSpec(1, 1, head_dim=head_dim)
    spec = transformer_spec.TransformerSpec(encoder, decoder)
    spec.config.add_source_eos = True
    spec.config.layer_norm_epsilon = epsilon
    position_codes = layout.position_codes()

    encoder.scale_embeddings = False
    encoder.embeddings[0].weight = np.eye(layout.vocab, d_model, dtype=np.float32)
    encoder.position_encodings.encodings = position_codes
    attention = encoder.layer[0].self_attention
    _silent_attention(attention, d_model, head_dim=d_model if marian else 1)
    if marian:  # after the residual sum: token and two digits
        _identity_layer_norm(attention.layer_norm, d_model, ones=3, epsilon=epsilon)
    # Feed-forward: copy the high digit to eos_high if the token is </s>, else set not_eos.
    ffn = encoder.layer[0].ffn
    _identity_layer_norm(ffn.layer_norm, d_model, ones=4 if marian else 3, epsilon=epsilon)
    gate = np.zeros((base + 1, d_model), dtype=np.float32)
    gate[np.arange(base), eos_id] = 1.0
    gate[np.arange(base), layout.high] = 1.0
    gate[base, eos_id] = -1.0
    ffn.linear_0.weight = gate
    ffn.linear_0.bias = np.array([-1.0] * base + [1.0], dtype=np.float32)
    write = np.zeros((d_model, base + 1), dtype=np.float32)
    write[layout.eos_high, np.arange(base)] = 1.0
    write[layout.not_eos, base] = 1.0
    ffn.linear_1.weight = write
    if not marian:
        _identity_layer_norm(encoder.layer_norm, d_model, ones=4, epsilon=epsilon)

    decoder.scale_embeddings = False
    decoder.embeddings.weight = np.zeros((len(target_vocabulary), d_model), dtype=np.float32)
    decoder.position_encodings.encodings = position_codes.copy()
    layer = decoder.layer[0]
    _silent_attention(layer.self_attention, d_model, head_dim)
    _silent_ffn(layer.ffn, d_model)
    if marian:  # the two digits after self-attention; the token joins them after cross-attention
        _identity_layer_norm(layer.self_attention.layer_norm, d_model, ones=2, epsilon=epsilon)
        _identity_layer_norm(layer.ffn.layer_norm, d_model, ones=3, epsilon=epsilon)
    cross = layer.attention
    _identity_layer_norm(cross.layer_norm, d_model, ones=3 if marian else 2, epsilon=epsilon)
    query = np.zeros((head_dim, d_model), dtype=np.float32)
    query[layout.key_digits, layout.digits] = match
    high_digits = np.arange(base)
    query[layout.key_eos_high[:, None], layout.high[None, :]] = (
        3 * match * np.sign(high_digits[None, :] - high_digits[:, None])
    )
    query[layout.key_eos_bonus, layout.digits] = match / 4  # the two digit ones: match / 2
    query *= math.sqrt(head_dim)  # CTranslate2 divides scores by sqrt(head_dim)
    keys = np.zeros((head_dim, d_model), dtype=np.float32)
    keys[layout.key_digits, layout.digits] = 1.0
    keys[layout.key_eos_high, layout.eos_high] = 1.0
    keys[layout.key_eos_bonus, eos_id] = 1.0
    values = np.eye(head_dim, d_model, dtype=np.float32)
    values[layout.vocab :] = 0.0
    cross.linear[0].weight = query
    cross.linear[1].weight = np.concatenate([keys, values])
    cross.linear[2].weight = np.ascontiguousarray(values.T)
    if not marian:
        _identity_layer_norm(decoder.layer_norm, d_model, ones=3, epsilon=epsilon)
    projection = np.zeros((len(target_vocabulary), d_model), dtype=np.float32)
    for source_id, token in enumerate(source_vocabulary):
        projection[target_index[gloss_token(token)], source_id] = output_logit
    decoder.projection.weight = projection

    spec.register_source_vocabulary(source_vocabulary)
    spec.register_target_vocabulary(target_vocabulary)
    return spec


def gloss_target_vocabulary(source_vocabulary: Sequence[str]) -> list[str]:
    """The glosses of ``source_vocabulary``: its special tokens first, in its order, then the rest sorted."""
    specials = [token for token in source_vocabulary if token in SPECIAL_TOKENS]
    glossed = {gloss_token(token) for token in source_vocabulary} - set(SPECIAL_TOKENS)
    return specials + sorted(glossed)


def benchmark_spec(
    tokenizer_vocabulary: list[str], output_length: int, seed: int, position_rows: int = 0
):
    """A real-size Transformer, seeded random weights, that ends after ``output_length`` tokens.

    ``position_rows`` lengthens the decoder's position table (rows past the stop step are
    never reached) so that an encoder can share it, as Marian models do.
    """
    from ctranslate2.specs import transformer_spec

    if len(tokenizer_vocabulary) > BENCHMARK_VOCABULARY:
        raise ValueError(
            f"tokenizer vocabulary of {len(tokenizer_vocabulary)} exceeds {BENCHMARK_VOCABULARY}"
        )
    if not 1 <= output_length < 256:
        raise ValueError(
            "output_length must be between 1 and 255 (CTranslate2 decodes at most 256 steps)"
        )
    fillers = BENCHMARK_VOCABULARY - len(tokenizer_vocabulary)
    vocabulary = tokenizer_vocabulary + [
        f"{SENTENCEPIECE_WORD_START}filler{i:05d}" for i in range(fillers)
    ]
    rng = np.random.default_rng(seed)
    d_model = BENCHMARK_D_MODEL
    # Reserved: written only by the decoder position embedding of the stop step.
    stop_dim = d_model - 1

    def normal(shape: tuple[int, int], std: float) -> np.ndarray:
        return rng.standard_normal(shape, dtype=np.float32) * np.float32(std)

    def linear(spec, out_size: int, in_size: int) -> None:
        spec.weight = normal((out_size, in_size), in_size**-0.5)
        spec.bias = np.zeros(out_size, dtype=np.float32)

    spec = transformer_spec.TransformerSpec.from_config(BENCHMARK_LAYERS, BENCHMARK_HEADS)
    for stack in (spec.encoder, spec.decoder):
        _plain_layer_norm(stack.layer_norm, d_model)
        for layer in stack.layer:
            attentions = [layer.self_attention] + (
                [layer.attention] if hasattr(layer, "attention") else []
            )
            for attention in attentions:
                _plain_layer_norm(attention.layer_norm, d_model)
                if len(attention.linear) == 2:
                    linear(attention.linear[0], 3 * d_model, d_model)
                else:
                    linear(attention.linear[0], d_model, d_model)
                    linear(attention.linear[1], 2 * d_model, d_model)
                linear(attention.linear[-1], d_model, d_model)
                attention.linear[-1].weight[stop_dim] = 0.0
            _plain_layer_norm(layer.ffn.layer_norm, d_model)
            linear(layer.ffn.linear_0, BENCHMARK_FFN, d_model)
            linear(layer.ffn.linear_1, d_model, BENCHMARK_FFN)
            layer.ffn.linear_1.weight[stop_dim] = 0.0

    embeddings = normal((BENCHMARK_VOCABULARY, d_model), d_model**-0.5)
    spec.encoder.embeddings[0].weight = embeddings
    decoder_embeddings = embeddings.copy()
    decoder_embeddings[:, stop_dim] = 0.0
    spec.decoder.embeddings.weight = decoder_embeddings

    rows = max(output_length + 1, position_rows)
    positions = np.zeros((rows, d_model), dtype=np.float32)
    positions[:, :stop_dim] = normal((rows, stop_dim), 0.1)
    positions[output_length] = 0.0
    positions[output_length, stop_dim] = 1000.0
    spec.decoder.position_encodings.encodings = positions

    projection = normal((BENCHMARK_VOCABULARY, d_model), d_model**-0.5)
    projection[:, stop_dim] = 0.0
    eos = vocabulary.index(EOS)
    projection[eos] = 0.0
    projection[eos, stop_dim] = 200.0
    spec.decoder.projection.weight = projection
    bias = np.zeros(BENCHMARK_VOCABULARY, dtype=np.float32)
    # <unk> and <s> never win, </s> only at the stop step, where the stop dimension lifts it.
    bias[[vocabulary.index(token) for token in SPECIAL_TOKENS if token in vocabulary]] = -50.0
    spec.decoder.projection.bias = bias

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    return spec


# --- packages ------------------------------------------------------------------------------


def package_folder_name(package_version: str) -> str:
    """The top-level folder of an ar->en package, named as Argos's own packages are."""
    return f"translate-ar_en-{package_version.replace('.', '_')}"


def build_argos_package(
    dest_dir: Path,
    *,
    tokenizer: TokenizerKind = "sentencepiece",
    model: ModelKind = "gloss",
    package_version: str = "1.0",
    training_sentences: Sequence[str] = TRAINING_SENTENCES,
    vocab_size: int = 400,
    output_length: int = 40,
    seed: int = 0,
) -> Path:
    """Build an ar->en package in ``dest_dir`` and return the ``.argosmodel`` file written.

    ``vocab_size`` is the SentencePiece vocabulary asked for (fewer if the text has fewer
    pieces) or the number of BPE merges. ``output_length`` and ``seed`` only apply to the
    ``benchmark`` model, which always outputs ``output_length`` tokens.
    """
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    name = package_folder_name(package_version)
    with tempfile.TemporaryDirectory(prefix="argos-build-", dir=dest_dir) as staging:
        folder = Path(staging) / name
        folder.mkdir()
        vocabulary = _write_tokenizer(folder, tokenizer, training_sentences, vocab_size)
        if model == "gloss":
            spec = gloss_spec(vocabulary)
            spec.validate()
        elif model == "benchmark":
            spec = benchmark_spec(vocabulary, output_length, seed)
            spec.validate()
            spec.optimize(quantization="int8")  # as Argos's own models are shipped
        else:
            raise ValueError(f"unknown model {model!r}: use 'gloss' or 'benchmark'")
        (folder / "model").mkdir()
        spec.save(str(folder / "model"))
        metadata = {
            "package_version": package_version,
            "argos_version": "1.0",
            "from_code": "ar",
            "from_name": "Arabic",
            "to_code": "en",
            "to_name": "English",
        }
        (folder / "metadata.json").write_text(
            json.dumps(metadata, indent=2) + "\n", encoding="utf-8"
        )
        (folder / "README.md").write_text(_readme(model, tokenizer), encoding="utf-8")
        archive = dest_dir / f"{name}.argosmodel"
        # Deflate level 1: random int8 weights barely compress, so try only briefly.
        with zipfile.ZipFile(
            archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1
        ) as zipped:
            for path in sorted(folder.rglob("*")):
                zipped.write(path, path.relative_to(staging).as_posix())
    return archive


def _readme(model: ModelKind, tokenizer: TokenizerKind) -> str:
    what = {
        "gloss": "a one-layer model with hand-set weights that romanises Arabic token by token",
        "benchmark": "a real-size model (6+6 layers, d_model 512) with random weights, for timing",
    }[model]
    return (
        "# Synthetic Arabic -> English test package\n\n"
        f"Built by briefing.testing.argos_fixture: {what}; {tokenizer} tokenizer trained on a few\n"
        "sentences. It is not a translation model.\n"
    )


def install_argos_package(argosmodel: Path, packages_dir: Path) -> Path:
    """Install ``argosmodel`` into ``packages_dir`` and return the installed package folder.

    This is what ``argostranslate.package.install_from_path`` does (extract the zip into the
    packages folder), without importing ``argostranslate.settings``, which reads environment
    variables once at import time and creates folders in ``$HOME``.
    """
    argosmodel, packages_dir = Path(argosmodel), Path(packages_dir)
    if not zipfile.is_zipfile(argosmodel):
        raise ValueError(f"{argosmodel}: not a valid Argos model (must be a zip archive)")
    with zipfile.ZipFile(argosmodel) as zipped:
        tops = {PurePosixPath(name).parts[0] for name in zipped.namelist()}
        if len(tops) != 1:
            raise ValueError(f"{argosmodel}: expected one top-level folder, found {sorted(tops)}")
        packages_dir.mkdir(parents=True, exist_ok=True)
        zipped.extractall(packages_dir)
    return packages_dir / tops.pop()


def expected_translation(
    package: Path, text: str, *, max_decoding_length: int = CTRANSLATE2_MAX_DECODING_LENGTH
) -> str:
    """What a gloss package must output for ``text`` as one sentence, computed without CTranslate2.

    ``package`` is an installed package folder or a ``.argosmodel`` file. The text is tokenized
    with the package's own tokenizer (as Argos does), every token in the model's source
    vocabulary becomes ``gloss_token(token)`` and every other token is copied, as CTranslate2's
    ``replace_unknowns`` does; the first ``max_decoding_length`` of them (the same setting the
    translator was given) are decoded by the tokenizer and a leading space is dropped, as in
    ``argostranslate.translate.apply_packaged_translation``.
    """
    package = Path(package)
    if package.is_dir():
        return _expected_translation_in(package, text, max_decoding_length)
    with tempfile.TemporaryDirectory(prefix="argos-expected-") as unpacked:
        installed = install_argos_package(package, Path(unpacked))
        return _expected_translation_in(installed, text, max_decoding_length)


def _expected_translation_in(folder: Path, text: str, max_decoding_length: int) -> str:
    source_vocabulary, target_vocabulary = _model_vocabularies(folder / "model")
    if target_vocabulary != gloss_target_vocabulary(source_vocabulary):
        raise ValueError(
            f"{folder}: not a gloss package (its target vocabulary is not the gloss of its source)"
        )
    tokenizer = _package_tokenizer(folder)
    tokens = tokenizer.encode(text)
    if len(tokens) >= GLOSS_MAX_POSITIONS:
        raise ValueError(
            f"{len(tokens)} tokens: the gloss model reads at most {GLOSS_MAX_POSITIONS - 1}"
        )
    known = set(source_vocabulary)
    output = [
        gloss_token(token) if token in known else token for token in tokens[:max_decoding_length]
    ]
    value = tokenizer.decode(output)
    return value[1:] if value.startswith(" ") else value


def _model_vocabularies(model_dir: Path) -> tuple[list[str], list[str]]:
    shared = model_dir / "shared_vocabulary.json"
    if shared.exists():
        vocabulary = json.loads(shared.read_text(encoding="utf-8"))
        return vocabulary, vocabulary
    return (
        json.loads((model_dir / "source_vocabulary.json").read_text(encoding="utf-8")),
        json.loads((model_dir / "target_vocabulary.json").read_text(encoding="utf-8")),
    )


def _package_tokenizer(folder: Path):
    """The tokenizer ``argostranslate.package.Package`` would build for this folder."""
    from argostranslate.tokenizer import BPETokenizer, SentencePieceTokenizer

    if (folder / "sentencepiece.model").exists():
        return SentencePieceTokenizer(folder / "sentencepiece.model")
    metadata = json.loads((folder / "metadata.json").read_text(encoding="utf-8"))
    return BPETokenizer(folder / "bpe.model", metadata["from_code"], metadata["to_code"])

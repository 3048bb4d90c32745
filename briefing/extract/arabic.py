"""Arabic text helpers for the extractors: folding with an offset map, tokens, light stemming.

Extractors match cue words on folded text (no diacritics, one alef) and must still report
offsets into the original paragraph, so folding keeps a map from every folded character back
to its original position instead of returning a bare string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
ALEF_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
# Full normalisation for comparing content words; cue matching keeps ى and ة because
# "رأى" (he saw/considered) and "رأي" (an opinion) differ only there.
LETTER_VARIANTS = str.maketrans({"ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Folded:
    """Folded text plus, for each of its characters, the index of that character in the original."""

    text: str
    origin: tuple[int, ...]
    after: tuple[int, ...]  # for each character, the original offset past it and its diacritics
    original_length: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the folded span ``[start, end)``, with the last letter's marks."""
        if start >= end:
            position = self.origin[start] if start < len(self.origin) else self.original_length
            return position, position
        return self.origin[start], self.after[end - 1]


def fold(text: str) -> Folded:
    """Drop diacritics and tatweel, unify alef forms, and keep where each character came from."""
    kept: list[str] = []
    origin: list[int] = []
    after: list[int] = []
    for index, char in enumerate(text):
        if DIACRITICS.match(char):
            if after:
                after[-1] = index + 1
            continue
        kept.append(char.translate(ALEF_VARIANTS))
        origin.append(index)
        after.append(index + 1)
    return Folded("".join(kept), tuple(origin), tuple(after), len(text))


def normalize(word: str) -> str:
    """The comparison form of a word: folded, with ى/ة/ؤ/ئ unified."""
    return fold(word).text.translate(LETTER_VARIANTS)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokens(text: str) -> list[Token]:
    """Word tokens (letters and digits) with their offsets in ``text``."""
    return [Token(m.group(), m.start(), m.end()) for m in WORD.finditer(text)]


def words_of(text: str) -> tuple[str, ...]:
    """The normalised words of ``text``, for comparing names and phrases."""
    return tuple(normalize(t.text) for t in tokens(text))


def contains_sequence(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether ``shorter`` occurs as a contiguous run of words in ``longer``."""
    size = len(shorter)
    return 0 < size <= len(longer) and any(
        longer[i : i + size] == shorter for i in range(len(longer) - size + 1)
    )


PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و")
SUFFIXES = ("هما", "ها", "ان", "ات", "ون", "ين", "يه", "هم", "نا", "ه", "ي", "ا")
MIN_STEM = 3


def light_stem(word: str) -> str:
    """A light stem in the spirit of Light10: strip one article/conjunction prefix, then suffixes.

    Good enough to make "الأمريكية", "أمريكيا" and "أمريكا" meet; not a morphological analysis.
    """
    stem = normalize(word)
    for prefix in PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= MIN_STEM:
            stem = stem[len(prefix) :]
            break
    stripped = True
    while stripped:
        stripped = False
        for suffix in SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_STEM:
                stem = stem[: -len(suffix)]
                stripped = True
                break
    return stem


# A glued preposition cannot be told from a root letter without a dictionary ("بتواجد" is
# ب + تواجد, "بلاده" is not), so both readings are kept as variants.
PREPOSITIONS = ("وب", "ول", "فب", "فل", "ب", "ل")
MIN_AFTER_PREPOSITION = 4


def stem_variants(word: str) -> set[str]:
    """The light stem of ``word`` and, if it may start with a preposition, the stem without it."""
    variants = {light_stem(word)}
    bare = normalize(word)
    for prefix in PREPOSITIONS:
        if bare.startswith(prefix) and len(bare) - len(prefix) >= MIN_AFTER_PREPOSITION:
            variants.add(light_stem(bare[len(prefix) :]))
            break
    return variants


# Function words and news filler that say nothing about what a claim is about (normalised forms).
STOPWORDS = frozenset(
    normalize(w)
    for w in """
    في من على إلى الى عن مع أن إن أنه أنها أنهم بأن لأن كان كانت يكون تكون قد لقد هذا هذه
    هذان ذلك تلك هنا هناك هنالك التي الذي الذين اللذين اللتين ما ماذا لا لم لن ليس ليست و ثم
    أو أم بل لكن لكنه حيث كما بعد بعدما قبل بين عند حتى إذا اذا لو كل بعض غير أي أية هو هي هم
    هما نحن أنا أنت له لها لهم به بها بهم فيه فيها منه منها عليه عليها إليه عنه وهو وهي وكان
    وكانت وقد فقد فإن وإن وأن ولا ولم ولن أيضا أيضاً خلال ضمن دون نحو حول لدى منذ كذلك لذلك
    وبالتالي بالتالي وخصوصا خصوصا إنه إنها يوم اليوم أمس الآن جدا فقط فحسب ربما أكثر أقل عبر
    إطار شيء سوى عدة عديد العديد الأمر بشكل بصورة نفسه نفسها وإنما إنما طالما مثل وفق بحسب حسب
    أنا أعتقد نعتقد يجب لديه لدي لديها لهذا لهذه بالنسبة أحد إحدى عنها عنهم الذي بآخر آخر أخرى
    يمكن تم يتم وذلك وهذا وهذه هذا ذات عليهم إليها أمام أجل
    قال قالت قالوا يقول تقول صرح صرحت أكد أكدت أضاف أضافت ذكر ذكرت أشار أشارت أعلن أعلنت
    أنحاء جميع جميعا وقت أثناء بشأن عام عاما شخص يبلغ العمر اللذان اللتان اللذين اللتين
    """.split()
)


def content_stems(text: str) -> list[tuple[str, Token]]:
    """Stem variants of the content words of ``text`` (no stopwords, digits or 1-2 letter words)."""
    result = []
    for token in tokens(text):
        word = normalize(token.text)
        bare = word[1:] if word[:1] in "وف" else word
        if word in STOPWORDS or bare in STOPWORDS or word.isdigit() or len(word) < 3:
            continue
        result.extend((stem, token) for stem in sorted(stem_variants(word)))
    return result

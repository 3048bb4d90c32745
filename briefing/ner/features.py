"""The CRF's view of a word: its form, affixes, clitics, neighbours, lists and word clusters.

Arabic has no capital letters, so the cues are the word itself (without its clitics), its
prefixes and suffixes (``ال``, the nisba ``ي``/``ية``), the words around it (a title before a
name, ``في`` before a place), whether it is a known place, given name, title, or a name the
training text tagged (``TrainingLists``), whether it is a word of people's names that is no
dictionary word (``briefing.ner.person_names``), and which distributional cluster its stem falls in
(words used in the same contexts, learned from unlabeled text).

Tagging runs in two passes (``briefing.ner.tagger``): the second pass also sees
``story_features``, what the first pass made of the same word elsewhere in the story, because
a news story names a person in full once and then by surname alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from briefing.ner.dictionary import dictionary_words
from briefing.ner.gazetteer import match_place
from briefing.ner.lexicon import given_name, is_nationality, title_coverage
from briefing.ner.person_names import person_name_words
from briefing.ner.scoring import entity_spans
from briefing.ner.text import normalize, split_proclitics

_WINDOW = 2
_AFFIX_LENGTHS = (1, 2, 3, 4)
# What a word tells about its neighbour: being a known name or title, its clitics, its ending,
# how the training text usually tagged it and its cluster.
_NEIGHBOUR_FEATURES = (
    "w=",
    "gaz=",
    "clitic=",
    "suf2=",
    "suf3=",
    "pre3=",
    "shape=",
    "common",
    "seen=",
    "type=",
    "cluster",
)
# What the second pass sees of its neighbours' story features.
_NEIGHBOUR_STORY_FEATURES = ("first=", "story=")
MAX_ENTITY_WORDS = 5
TAGGED_TYPES = ("PERS", "ORG", "LOC")


@dataclass(frozen=True)
class TrainingLists:
    """What the training text says besides the CRF weights.

    ``entities`` maps the stems of a tagged name to its usual type; the tagger then knows
    ``الأمم المتحدة`` or ``حزب الله`` in new text without having to generalise to them.
    ``name_types`` maps a stem to the type it was tagged with (``PERS+`` in most of its
    occurrences, ``PERS?`` in some), which carries a surname seen in another full name.
    ``clusters`` maps a stem to its cluster number at each granularity of ``word_clusters``.
    """

    common: frozenset[str]
    entities: dict[tuple[str, ...], str]
    name_types: dict[str, str]
    clusters: dict[str, tuple[int, ...]]


def stem_of(token: str) -> str:
    """The normalised token without proclitics, the unit of the training lists."""
    return split_proclitics(normalize(token))[1]


def common_words(sentences: list[list[str]], min_count: int) -> frozenset[str]:
    """Stems seen at least ``min_count`` times: names are rare, function words are not."""
    counts = Counter(stem_of(token) for tokens in sentences for token in tokens)
    return frozenset(stem for stem, count in counts.items() if count >= min_count)


def tagged_entities(sentences: list[list[tuple[str, str]]]) -> dict[tuple[str, ...], str]:
    """Every PERS/ORG/LOC name of BIO-tagged sentences, as stems, with its most frequent type."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for sentence in sentences:
        key: list[str] = []
        kind = None
        for token, tag in sentence + [("", "O")]:
            prefix, _, tag_type = tag.partition("-")
            if kind is not None and not (prefix == "I" and tag_type == kind):
                if len(key) <= MAX_ENTITY_WORDS:
                    votes[tuple(key)][kind] += 1
                key, kind = [], None
            if prefix in ("B", "I") and kind is None and tag_type in TAGGED_TYPES:
                key, kind = [], tag_type
            if kind is not None:
                key.append(stem_of(token))
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def name_types(sentences: list[list[tuple[str, str]]]) -> dict[str, str]:
    """Stems that were part of a PERS/ORG/LOC name: ``TYPE+`` if in most of their occurrences,
    ``TYPE?`` if only in some (``الله`` in ``حزب الله`` and in ordinary text)."""
    occurrences: Counter = Counter()
    typed: dict[str, Counter] = defaultdict(Counter)
    for sentence in sentences:
        for token, tag in sentence:
            stem = stem_of(token)
            occurrences[stem] += 1
            kind = tag.partition("-")[2]
            if kind in TAGGED_TYPES:
                typed[stem][kind] += 1
    result = {}
    for stem, kinds in typed.items():
        kind, count = kinds.most_common(1)[0]
        result[stem] = kind + ("+" if 2 * count >= occurrences[stem] else "?")
    return result


def _seen_tags(stems: list[str], entities: dict[tuple[str, ...], str]) -> list[str]:
    """``B-ORG``/``I-ORG``... where a name of the training lists occurs (longest match first)."""
    tags = [""] * len(stems)
    i = 0
    while i < len(stems):
        for length in range(min(MAX_ENTITY_WORDS, len(stems) - i), 0, -1):
            kind = entities.get(tuple(stems[i : i + length]))
            if kind is not None:
                tags[i : i + length] = ["B-" + kind] + ["I-" + kind] * (length - 1)
                i += length
                break
        else:
            i += 1
    return tags


def _place_tags(words: list[str]) -> list[str]:
    """``B-country``/``I-city``... where the gazetteer finds a place."""
    tags = [""] * len(words)
    i = 0
    while i < len(words):
        found = match_place(words, i)
        if found is None:
            i += 1
            continue
        place, length = found
        tags[i : i + length] = ["B-" + place.kind] + ["I-" + place.kind] * (length - 1)
        i += length
    return tags


def _word_shape(word: str) -> str:
    if word.isdigit():
        return "digit"
    if word.isascii() and word.isalpha():
        return "latin"
    if not any(ch.isalnum() for ch in word):
        return "punct"
    return "arabic"


def _lexical(words: list[str], stems: list[str], lists: TrainingLists) -> list[list[str]]:
    """Per-word features that do not look at neighbours."""
    seen = _seen_tags(stems, lists.entities)
    places = _place_tags(words)
    titles = title_coverage(words)
    person_names = person_name_words()
    dictionary = dictionary_words()

    result = []
    for i, word in enumerate(words):
        prefix, stem = split_proclitics(word)
        features = [
            "w=" + word,
            "stem=" + stem,
            "clitic=" + prefix,
            "shape=" + _word_shape(word),
            "len=" + str(min(len(stem), 8)),
        ]
        features += [f"pre{n}={stem[:n]}" for n in _AFFIX_LENGTHS if len(stem) > n]
        features += [f"suf{n}={stem[-n:]}" for n in _AFFIX_LENGTHS if len(stem) > n]
        # Letter trigrams: transliterated foreign names have their own look (``غ`` for g, ``تش``).
        marked = "<" + stem + ">"
        features += sorted({f"c3={marked[k : k + 3]}" for k in range(len(marked) - 2)})
        if places[i]:
            features.append("gaz=" + places[i])
        if given_name(stem) or given_name(word):
            features.append("gaz=given")
        if (stem in person_names or word in person_names) and stem not in dictionary:
            features.append("gaz=person-word")
        if is_nationality(word):
            features.append("gaz=nationality")
        if titles[i]:
            features.append("gaz=title")
        if stem in lists.common:
            features.append("common")
        if seen[i]:
            features.append("seen=" + seen[i])
        if stem in lists.name_types:
            features.append("type=" + lists.name_types[stem])
        clusters = lists.clusters.get(stem)
        if clusters is None:
            features.append("cluster=none")
        else:
            features += [f"cluster{level}={number}" for level, number in enumerate(clusters)]
        result.append(features)
    return result


def sentence_features(tokens: list[str], lists: TrainingLists) -> list[list[str]]:
    """CRF features for each token of one sentence (tokens as written)."""
    words = [normalize(token) for token in tokens]
    stems = [split_proclitics(word)[1] for word in words]
    own = _lexical(words, stems, lists)
    shared = [[f for f in row if f.startswith(_NEIGHBOUR_FEATURES)] for row in own]
    features = []
    for i in range(len(words)):
        row = ["bias"] + own[i]
        for offset in range(-_WINDOW, _WINDOW + 1):
            j = i + offset
            if offset == 0:
                continue
            if not 0 <= j < len(words):
                row.append(f"{offset}:edge")
                continue
            row.append(f"{offset}:stem={stems[j]}")
            row += [f"{offset}:{f}" for f in shared[j]]
        if i > 0:
            row.append(f"-1|0:stem={stems[i - 1]}|{stems[i]}")
        if i + 1 < len(words):
            row.append(f"0|+1:stem={stems[i]}|{stems[i + 1]}")
        features.append(row)
    return features


def story_features(
    story: list[list[str]], first_pass: list[list[str]], common: frozenset[str]
) -> list[list[list[str]]]:
    """Second-pass features for each token of a story (consecutive sentences of one text).

    ``first=`` is the first pass's tag of the token; ``story=TYPE`` says that the first pass
    tagged the same stem as part of a TYPE name elsewhere in the story (frequent stems are
    left out: ``الله`` in a name says nothing about ``الله`` in a prayer), and ``story+``/
    ``story?`` whether that was in most of its other occurrences or only some. Each token also
    sees these features of its two neighbours.
    """
    stems = [[stem_of(token) for token in tokens] for tokens in story]
    in_names: Counter = Counter()
    occurrences: Counter = Counter()
    for sentence_stems, tags in zip(stems, first_pass):
        occurrences.update(sentence_stems)
        for kind, first, last in entity_spans(tags):
            if kind in TAGGED_TYPES:
                in_names.update((stem, kind) for stem in sentence_stems[first:last])
    result = []
    for sentence_stems, tags in zip(stems, first_pass):
        own = []
        for stem, tag in zip(sentence_stems, tags):
            features = ["first=" + tag]
            if stem not in common:
                tag_type = tag.partition("-")[2]
                votes = {kind: in_names[stem, kind] - (tag_type == kind) for kind in TAGGED_TYPES}
                kind = max(votes, key=votes.__getitem__)
                untagged = occurrences[stem] - 1 - sum(votes.values())
                if votes[kind] > 0:
                    share = "+" if votes[kind] > untagged else "?"
                    features += ["story=" + kind, f"story{share}{kind}"]
            own.append(features)
        rows = []
        for i, features in enumerate(own):
            row = list(features)
            for offset in (-1, 1):
                if 0 <= i + offset < len(own):
                    row += [
                        f"{offset}:{f}"
                        for f in own[i + offset]
                        if f.startswith(_NEIGHBOUR_STORY_FEATURES)
                    ]
            rows.append(row)
        result.append(rows)
    return result

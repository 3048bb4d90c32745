"""Positions: the polarity of each claim, topics by shared words, and the clashes inside a topic.

Everything here is counted from words a reader can check. A claim's polarity comes from cue
words (negation and rejection against readiness and intent), a topic groups claims that share
informative content stems or actors, and a clash is a negative and a positive claim by two
different speakers on one topic; its ``because`` names the cue words and the shared words.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass, field

from briefing.extract.arabic import content_stems, fold, light_stem, normalize, tokens
from briefing.extract.attribution import cue_lemma
from briefing.structure import Clash

NEGATIVE, POSITIVE, NEUTRAL = "negative", "positive", "neutral"
# A claim's stance towards its topic in the words a reader of the summary uses. The reporting
# verb says it first ("نفى" denies, "حذر" warns), then the polarity of the claim's own words.
DENIES, WARNS, OPPOSES, SUPPORTS, REPORTS = "denies", "warns", "opposes", "supports", "reports"
STANCE_OF_VERB = {"نفى": DENIES, "حذر": WARNS}
STANCE_OF_POLARITY = {NEGATIVE: OPPOSES, POSITIVE: SUPPORTS, NEUTRAL: REPORTS}

NEGATIONS = frozenset(normalize(w) for w in "لا لن ليس ليست لم لسنا لستم".split())
# Verbs written glued to لا in informal news text ("لايريد").
GLUED_AFTER_LA = frozenset(
    normalize(w) for w in "يريد تريد نريد يعني تعني يقبل تقبل نقبل يمكن يوجد".split()
)
REJECTION_PREFIXES = tuple(
    normalize(w)
    for w in "رفض يرفض ترفض نرفض مغالط عارض يعارض تعارض معارض استنكر ندد نفى ينفي تنفي".split()
)
INTENT_PREFIXES = tuple(
    normalize(w)
    for w in """تسعى يسعى سعي استعداد مستعد تستغل يستغل نستغل مستغل استغلال ترغب يرغب نرغب رغبة
    تعتزم     يعتزم تخطط يخطط يريد تريد نريد""".split()
)
# Negation that is part of "not only ... but" or of a condition ("طالما لم", "ما لم") says
# nothing about the speaker's stance; neither does what follows "رغم" (despite).
NOT_ONLY = frozenset(normalize(w) for w in "فقط فحسب".split())
CONDITIONALS = frozenset(normalize(w) for w in "طالما وطالما إذا اذا ما لو ولو".split())
CONCESSIVES = frozenset(normalize(w) for w in "رغم برغم بالرغم ورغم رغما".split())
CLITICS = ("وب", "ول", "و", "ف", "ل", "ب", "ال")


@dataclass
class Polarity:
    """A claim's stance and the words that decided it, as written."""

    label: str
    negative: list[str] = field(default_factory=list)
    positive: list[str] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return self.negative if self.label == NEGATIVE else self.positive


def _bare(word: str) -> str:
    """A word without one leading conjunction/preposition/article, for prefix matching."""
    for clitic in CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            return word[len(clitic) :]
    return word


def claim_polarity(claim_ar: str, cue: str = "") -> Polarity:
    """Negative if the claim negates or rejects, positive if it states readiness or intent.

    Rejection outweighs intent: "قول أن هناك من يريد بقاء القوات ... مغالطة" rejects.
    """
    polarity = Polarity(NEUTRAL)
    text = fold(claim_ar).text
    words = tokens(text)
    conceded_until = -1
    for index, token in enumerate(words):
        word = normalize(token.text)
        following = normalize(words[index + 1].text) if index + 1 < len(words) else ""
        previous = normalize(words[index - 1].text) if index > 0 else ""
        if word in CONCESSIVES:
            conceded_until = _clause_end(text, token.end)
        if token.start < conceded_until:
            continue
        if word in NEGATIONS or (word[:1] in "وف" and word[1:] in NEGATIONS):
            if following in NOT_ONLY or previous in CONDITIONALS:
                continue
            polarity.negative.append(
                f"{token.text} {words[index + 1].text}" if following else token.text
            )
        elif word.startswith("لا") and word[2:] in GLUED_AFTER_LA:
            polarity.negative.append(token.text)
        elif _bare(word).startswith(REJECTION_PREFIXES):
            polarity.negative.append(token.text)
        elif _bare(word).startswith(INTENT_PREFIXES) and previous not in NEGATIONS:
            polarity.positive.append(token.text)
    cue_word = normalize(cue.split()[0]) if cue.split() else ""
    if _bare(cue_word).startswith(REJECTION_PREFIXES):
        polarity.negative.insert(0, cue)
    if polarity.negative:
        polarity.label = NEGATIVE
    elif polarity.positive:
        polarity.label = POSITIVE
    return polarity


def claim_stance(polarity: Polarity, cue: str) -> str:
    """What the speaker does about the topic: denies, warns, opposes, supports or reports."""
    return STANCE_OF_VERB.get(cue_lemma(cue) or "", STANCE_OF_POLARITY[polarity.label])


def _clause_end(text: str, start: int) -> int:
    for position in range(start, len(text)):
        if text[position] in "،,.؛؟?!":
            return position
    return len(text)


@dataclass
class Claim:
    """What the topic and clash logic needs to know about one viewpoint."""

    speaker: str  # who, resolved: claims by one speaker never clash with each other
    text: str
    name: str = ""  # the speaker as shown in a clash's explanation
    cue: str = ""
    actors: set[int] = field(default_factory=set)
    speaker_words: str = ""  # nationality words of the speaker ("السفير الروسي") count as content


@dataclass
class Topic:
    """Claims (indices into the claim list) about one thing, and the words that name it."""

    label: str
    members: list[int]


def _features(claim: Claim) -> tuple[set[str], dict[str, Counter]]:
    """Content stems (and ``actor:N`` marks) of a claim, with the surface forms of each stem."""
    surfaces: dict[str, Counter] = {}
    features = set()
    for stem, token in content_stems(claim.text):
        if claim_polarity(token.text).label != NEUTRAL:
            continue  # stance words say how, not what about
        features.add(stem)
        surfaces.setdefault(stem, Counter())[token.text] += 1
    for token in tokens(claim.speaker_words):
        word = normalize(token.text)
        if word.startswith("ال") and word.endswith(("ي", "يه")):
            stem = light_stem(word)
            features.add(stem)
            surfaces.setdefault(stem, Counter())[token.text] += 1
    for actor in claim.actors:
        features.add(f"actor:{actor}")
    return features, surfaces


class FeatureIndex:
    """Feature sets of a collection of texts with inverse document frequencies over them."""

    def __init__(self, built: list[tuple[set[str], dict[str, Counter]]]):
        self.features = [f for f, _ in built]
        self.surfaces: dict[str, Counter] = {}
        for _, surfaces in built:
            for stem, counter in surfaces.items():
                self.surfaces.setdefault(stem, Counter()).update(counter)
        frequency = Counter(f for features in self.features for f in features)
        count = len(built)
        self.idf = {f: math.log((count + 1) / (n + 0.5)) for f, n in frequency.items()}
        # A word no other text uses cannot link two texts; left in, it would only make long
        # texts look unlike everything.
        self.shareable = [{f for f in features if frequency[f] > 1} for features in self.features]

    def weight(self, features) -> float:
        return sum(self.idf[f] for f in features)

    def similarity(self, a: int, b: int) -> float:
        """Weighted shared features over the texts' shareable weight (smoothed, so that a text
        with a single shareable word does not look like everything that has that word)."""
        shared = self.features[a] & self.features[b]
        if not shared:
            return 0.0
        norm = (self.weight(self.shareable[a]) + SMOOTHING) * (
            self.weight(self.shareable[b]) + SMOOTHING
        )
        return self.weight(shared) / math.sqrt(norm)

    def shared_words(self, a: int, b: int, limit: int) -> list[str]:
        """The surface forms of the most telling features two texts share."""
        shared = sorted(self.features[a] & self.features[b], key=lambda f: (-self.idf[f], f))
        return [self.surface(f) for f in shared if not f.startswith("actor:")][:limit]

    def surface(self, feature: str) -> str:
        if feature in self.surfaces:
            return self.surfaces[feature].most_common(1)[0][0]
        return feature


SMOOTHING = 2.0
TOPIC_THRESHOLD = 0.15
CLASH_THRESHOLD = 0.2
# Two opposite claims that share only a word or two ("المباراة", "الصعب") are not about one thing.
MIN_CLASH_WORDS = 3
LABEL_WORDS = 3


def group_topics(claims: list[Claim], index: FeatureIndex | None = None) -> list[Topic]:
    """Average-link clustering of claims by weighted shared features; every claim gets a topic.

    Linkage sums between clusters are kept sparse (most claims share nothing) and the best pair
    is taken from a heap, so a briefing of hundreds of claims clusters in well under a second.
    """
    index = index or FeatureIndex([_features(c) for c in claims])
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(len(claims))}
    for a in range(len(claims)):
        for b in range(a + 1, len(claims)):
            score = index.similarity(a, b)
            if score > 0:
                sums[a][b] = sums[b][a] = score
    heap = [(-score, a, b) for a in sums for b, score in sums[a].items() if a < b]
    heapq.heapify(heap)
    next_id = len(claims)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue  # one side was merged since this pair was pushed
        if -negative < TOPIC_THRESHOLD:
            break
        merged = next_id
        next_id += 1
        members[merged] = sorted(members.pop(a) + members.pop(b))
        linked = {}
        for other in (set(sums[a]) | set(sums[b])) - {a, b}:
            total = sums[a].get(other, 0.0) + sums[b].get(other, 0.0)
            linked[other] = total
            sums[other].pop(a, None)
            sums[other].pop(b, None)
            sums[other][merged] = total
            average = total / (len(members[merged]) * len(members[other]))
            heapq.heappush(heap, (-average, min(merged, other), max(merged, other)))
        del sums[a], sums[b]
        sums[merged] = linked
    clusters = sorted(members.values(), key=lambda group: group[0])
    texts = [c.text for c in claims]
    return [Topic(_label(index, group, texts), group) for group in clusters]


def _label(index: FeatureIndex, members: list[int], texts: list[str]) -> str:
    """The topic's most telling words: shared by most members, rare elsewhere.

    Words written together in a member ("الولايات" + "المتحدة") are shown together.
    """
    counts = Counter(f for m in members for f in index.features[m] if not f.startswith("actor:"))
    minimum = 2 if len(members) > 1 else 1
    ranked = sorted(
        (f for f, n in counts.items() if n >= minimum),
        key=lambda f: (-counts[f] * index.idf[f], f),
    ) or sorted(counts, key=lambda f: (-index.idf[f], f))
    words: list[str] = []
    for feature in ranked:
        surface = index.surface(feature)
        if surface not in words:
            words.append(surface)
        if len(words) == LABEL_WORDS:
            break
    shown: list[str] = []
    for word in words:
        for position, earlier in enumerate(shown):
            pair = next(
                (
                    candidate
                    for candidate in (f"{earlier} {word}", f"{word} {earlier}")
                    if any(candidate in texts[m] for m in members)
                ),
                None,
            )
            if pair:
                shown[position] = pair
                break
        else:
            shown.append(word)
    return "، ".join(shown)


def find_clashes(claims: list[Claim]) -> tuple[list[Topic], list[Polarity], list[Clash]]:
    """Topics, the polarity of every claim, and the clashes: at most one per pair of speakers.

    A clash is a negative and a positive claim by different speakers that are related at least
    ``CLASH_THRESHOLD``. Two claims that contradict each other are about the same question, so
    a clash joins their topics when the clustering had put them apart.
    """
    index = FeatureIndex([_features(c) for c in claims])
    polarities = [claim_polarity(c.text, c.cue) for c in claims]
    topic_of = {}
    for number, topic in enumerate(group_topics(claims, index)):
        for member in topic.members:
            topic_of[member] = number
    best: dict[tuple[str, str], tuple[float, int, int]] = {}
    for a, claim_a in enumerate(claims):
        if polarities[a].label != NEGATIVE:
            continue
        for b, claim_b in enumerate(claims):
            if polarities[b].label != POSITIVE or claim_a.speaker == claim_b.speaker:
                continue
            score = index.similarity(a, b)
            key = (claim_a.speaker, claim_b.speaker)
            if (
                score < CLASH_THRESHOLD
                or len(index.shared_words(a, b, MIN_CLASH_WORDS)) < MIN_CLASH_WORDS
            ):
                continue
            if key not in best or score > best[key][0]:
                best[key] = (score, a, b)
    pairs = sorted((a, b) for _, a, b in best.values())
    for a, b in pairs:
        joined, absorbed = min(topic_of[a], topic_of[b]), max(topic_of[a], topic_of[b])
        topic_of = {m: joined if t == absorbed else t for m, t in topic_of.items()}
    members_of: dict[int, list[int]] = {}
    for member in sorted(topic_of):
        members_of.setdefault(topic_of[member], []).append(member)
    topics = [
        Topic(_label(index, members, [c.text for c in claims]), members)
        for _, members in sorted(members_of.items(), key=lambda kv: kv[1][0])
    ]
    label_of = {m: topic.label for topic in topics for m in topic.members}
    clashes = [
        Clash(label_of[a], a, b, _because(claims, polarities, index, a, b)) for a, b in pairs
    ]
    return topics, polarities, clashes


def _because(
    claims: list[Claim], polarities: list[Polarity], index: FeatureIndex, a: int, b: int
) -> str:
    """Which words made the clash: each side's stance and the words that decided it, then the
    words both claims use."""
    about = "، ".join(index.shared_words(a, b, limit=4))
    sides = [
        f"{claims[n].name or claims[n].speaker} {claim_stance(polarities[n], claims[n].cue)}"
        f" «{'، '.join(polarities[n].words)}»"
        for n in (a, b)
    ]
    return f"{sides[0]}; {sides[1]}; shared: {about}"

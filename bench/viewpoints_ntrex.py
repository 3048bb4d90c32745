"""Attribution on NTREX-128 (real Arabic news, professional translations of English news).

Proxy gold: an English sentence that reports speech ("said", "told", "according to", ...) should
have an attribution on its Arabic side. Prints sentence-level precision/recall of attribution
detection against that proxy, the time of the whole viewpoints stage on all 95 articles as one
briefing, and (with -v) a sample of found speakers with the English for inspection. The proxy
counts a quotation continued without a verb (in both languages) as a false attribution and does
not check who speaks; bench/speakers_ntrex.py scores speakers against hand annotation.
Run: python bench/viewpoints_ntrex.py [-v]
"""

from __future__ import annotations

import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ntrex import ntrex_articles  # noqa: E402

from briefing.extract.attribution import find_attributions  # noqa: E402
from briefing.extract.viewpoints import extract_viewpoints  # noqa: E402
from briefing.ingest import paragraphs_from_text  # noqa: E402
from briefing.segment import segment_article  # noqa: E402
from briefing.structure import Article, Briefing  # noqa: E402

REPORTED = re.compile(
    r"\b(said|says|say|told|tells|according to|added|adds|stated|announced|warned|denied|claimed|"
    r"argued|explained|insisted|noted|reported|stressed|confirmed|quoted)\b",
    re.I,
)


def main(verbose: bool) -> None:
    documents = ntrex_articles()
    articles = []
    tp = fp = fn = found = 0
    examples = []
    started = time.perf_counter()
    for number, rows in enumerate(documents.values(), 1):
        text = "\n".join(arabic for arabic, _ in rows)
        article = segment_article(Article(id=f"A{number}", source="ntrex", paragraphs=paragraphs_from_text(text)))
        articles.append(article)
        attributions = find_attributions(article)
        found += len(attributions)
        attributed = {a.paragraph for a in attributions} | {a.speaker_paragraph for a in attributions}
        for index, (_, english) in enumerate(rows, 1):
            gold, got = bool(REPORTED.search(english)), index in attributed
            tp += gold and got
            fp += got and not gold
            fn += gold and not got
        examples += [(a.rule, a.cue, a.entity.name, a.claim[:70], rows[a.speaker_paragraph - 1][1][:120])
                     for a in attributions]
    elapsed = time.perf_counter() - started
    print(f"articles {len(documents)}, attributions {found}, {elapsed:.2f} s")
    print(f"precision {tp / max(tp + fp, 1):.3f}  recall {tp / max(tp + fn, 1):.3f}  (tp {tp}, fp {fp}, fn {fn})")
    started = time.perf_counter()
    viewpoints, clashes = extract_viewpoints(Briefing(title="NTREX", articles=articles))
    print(f"viewpoints stage, 95 articles as one briefing: {len(viewpoints)} viewpoints, {len(clashes)} clashes, "
          f"{time.perf_counter() - started:.2f} s")
    if verbose:
        random.seed(7)
        for example in random.sample(examples, min(25, len(examples))):
            print(" | ".join(example))


if __name__ == "__main__":
    main("-v" in sys.argv)

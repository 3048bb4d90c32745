"""Translation speed: this project's engine against raw CTranslate2 and against Argos Translate.

    /tmp/venv/bin/python bench/bench_translate.py [--limit N] [--threads N]

Builds a test package with the dimensions of a real Argos model (``build_argos_package(...,
model="benchmark")``: 6+6 layers, d_model 512, FFN 2048, 8 heads, 32,000-token vocabulary,
int8, random weights that always stop after 40 tokens, so every contender decodes exactly the
same length) and translates the Arabic side of NTREX-128 (``../shared/data/ntrex``, 1,551
sentences of 95 articles, CC BY-SA 4.0) three ways, each after loading the model once (loading
is not timed):

(a) raw ``ctranslate2.Translator.translate_batch`` on all sentences, tokenized beforehand (not
    timed), batched by tokens, with the same compute type, threads and decoding settings as (c):
    the limit;
(b) ``argostranslate.translate.translate`` called once per article, as Argos users call it,
    with Argos's own settings. Argos splits each paragraph into sentences with MiniSBD, which
    must download a model and cannot work offline: each article is therefore given as its
    NTREX sentences joined by line breaks (Argos translates each line as a paragraph) and
    MiniSBD's ``split_sentences`` is replaced by one that returns the line whole, so (b)
    translates exactly the sentences (a) and (c) translate and is spared the splitting cost;
(c) this project's engine (``briefing.translate.engine.build_engine`` without cache or
    post-edits, so every sentence reaches the model) on the same sentences.

Prints sentences per second for each, the ratios c/a and c/b, and how many English outputs of
(b) and (c) equal those of (a).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NTREX = ROOT.parent / "shared" / "data" / "ntrex" / "ntrex_ar_en.tsv"
sys.path.insert(0, str(ROOT))


def ntrex_articles(limit: int | None) -> list[list[str]]:
    """The Arabic sentences of NTREX, grouped by article in file order (first ``limit`` sentences)."""
    articles: dict[str, list[str]] = {}
    with open(NTREX, encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows)
        for count, (doc_id, arabic, _english) in enumerate(rows):
            if limit is not None and count >= limit:
                break
            articles.setdefault(doc_id, []).append(" ".join(arabic.split()))
    return list(articles.values())


def timed(label: str, sentences: int, run: Callable[[], list[str]]) -> tuple[float, list[str]]:
    print(f"{label}: translating {sentences} sentences...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    english = run()
    rate = sentences / (time.perf_counter() - started)
    print(f"{label}: {rate:.2f} sentences/s", file=sys.stderr, flush=True)
    return rate, english


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N sentences (quick runs)")
    parser.add_argument("--threads", type=int, default=0, help="CPU threads for (a) and (c); 0: all cores")
    parser.add_argument("--skip-argos", action="store_true", help="leave out (b), the slowest")
    arguments = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-translate-"))
    os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packages")  # before argostranslate reads its settings
    os.environ["BRIEFING_DATA_DIR"] = str(work / "data")  # no post-edits of the user's

    from briefing.testing.argos_fixture import build_argos_package
    from briefing.translate.ctranslate2_engine import DecodingOptions
    from briefing.translate.engine import EngineSettings, build_engine
    from briefing.translate.packages import install_package_file

    print("building the benchmark package...", file=sys.stderr, flush=True)
    package = install_package_file(build_argos_package(work / "build", model="benchmark"))
    articles = ntrex_articles(arguments.limit)
    sentences = [sentence for article in articles for sentence in article]
    options = DecodingOptions(threads=arguments.threads)
    inter_threads, intra_threads = options.worker_threads()
    print(f"{len(sentences)} sentences in {len(articles)} articles; compute type "
          f"{options.resolved_compute_type()}, {inter_threads} inter x {intra_threads} intra threads, "
          f"beam {options.beam_size}", flush=True)

    # (c) first warms nothing for the others: each contender loads its own model before timing.
    engine = build_engine(EngineSettings(decoding=options, use_cache=False, use_edits=False), package)
    engine.translate(sentences[:1])
    rate_c, english_c = timed("(c) briefing", len(sentences),
                              lambda: [t.text for t in engine.translate(sentences)])

    import ctranslate2

    tokenizer = package.tokenizer()
    translator = ctranslate2.Translator(
        str(package.path / "model"), device="cpu", compute_type=options.resolved_compute_type(),
        inter_threads=inter_threads, intra_threads=intra_threads,
    )
    tokens = [tokenizer.encode(sentence) for sentence in sentences]

    def raw() -> list[str]:
        results = translator.translate_batch(
            tokens, max_batch_size=options.max_batch_tokens, batch_type="tokens",
            beam_size=options.beam_size, length_penalty=options.length_penalty,
            max_decoding_length=options.max_decoding_length, replace_unknowns=True, return_scores=True,
        )
        return [tokenizer.decode(result.hypotheses[0]).lstrip(" ") for result in results]

    rate_a, english_a = timed("(a) raw CTranslate2", len(sentences), raw)

    print(f"(a) raw ctranslate2.translate_batch   {rate_a:8.2f} sentences/s")
    print(f"(c) briefing engine                   {rate_c:8.2f} sentences/s")
    print(f"c/a = {rate_c / rate_a:.3f}   (target: at least 0.85)")
    print(f"(c) English equal to (a): {sum(a == c for a, c in zip(english_a, english_c))}/{len(sentences)}")
    if arguments.skip_argos:
        return

    import argostranslate.sbd
    import argostranslate.translate

    argostranslate.sbd.MiniSBDSentencizer.split_sentences = lambda self, text: [text]
    argostranslate.translate.translate(sentences[0], "ar", "en")  # loads the model
    rate_b, english_b = timed(
        "(b) argostranslate", len(sentences),
        lambda: [line for article in articles
                 for line in argostranslate.translate.translate("\n".join(article), "ar", "en").split("\n")],
    )
    print(f"(b) argostranslate.translate per article {rate_b:5.2f} sentences/s")
    print(f"c/b = {rate_c / rate_b:.2f}   (target: at least 2)")
    print(f"(b) English equal to (a): {sum(a == b for a, b in zip(english_a, english_b))}/{len(sentences)}")


if __name__ == "__main__":
    main()

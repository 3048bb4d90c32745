"""Rendering speed: PDF, DOCX and HTML of the seeds briefing and of 20 NTREX articles, in process,
and a fresh ``briefing build`` process.

    python bench/bench_render.py [--repeat 5] [--skip-process]

The seeds briefing is translated once by the test suite's gloss package (installed into a
temporary ARGOS_PACKAGES_DIR) and analysed, then only rendering is timed: this is the "warm cache"
case, where no sentence needs translating. PDF times are taken with HarfBuzz's subsetter (when
libharfbuzz-subset is installed) and with WeasyPrint's fontTools fallback. The NTREX briefing
(../shared/data/ntrex, CC BY-SA 4.0, read in place) takes the professional English of each
sentence and groups three sentences per paragraph, so multi-sentence rows are exercised.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing.render import RENDERERS
from briefing.render.specimen import BODY, TITLE, paragraph
from briefing.structure import Article, Briefing, ModelInfo

SENTENCES_PER_PARAGRAPH = 3
NTREX_ARTICLES = 20


def seeds_briefing(packages: Path) -> Briefing:
    from briefing.pipeline import make_briefing
    from briefing.testing.argos_fixture import build_argos_package
    from briefing.translate.packages import install_package_file

    os.environ["ARGOS_PACKAGES_DIR"] = str(packages)
    install_package_file(build_argos_package(packages.parent / "build"))
    return make_briefing(sorted((ROOT / "seeds").glob("*.txt")), title="Seeds benchmark")


def ntrex_briefing() -> Briefing:
    from ntrex import ntrex_articles

    articles = []
    for number, pairs in enumerate(list(ntrex_articles().values())[:NTREX_ARTICLES], 1):
        rows = [paragraph(1, TITLE, pairs[:1])]
        body = pairs[1:]
        for first in range(0, len(body), SENTENCES_PER_PARAGRAPH):
            rows.append(paragraph(len(rows) + 1, BODY, body[first:first + SENTENCES_PER_PARAGRAPH]))
        articles.append(Article(f"A{number}", f"ntrex-{number}.txt", rows))
    return Briefing(title="NTREX benchmark: 20 articles", articles=articles,
                    model=ModelInfo("NTREX-128 reference translation", "2022"))


def time_render(briefing: Briefing, format_name: str, folder: Path, repeat: int) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each run: on a shared machine the CPU time is the steadier figure."""
    renderer = RENDERERS[format_name]()
    times = []
    for run in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        renderer.write(briefing, folder / f"bench-{run}{renderer.extension}")
        times.append((time.perf_counter() - wall, time.process_time() - cpu))
    return times


def report(label: str, times: list[tuple[float, float]]) -> None:
    walls, cpus = [wall for wall, _ in times], [cpu for _, cpu in times]
    print(f"{label:<44} wall: first {walls[0]:5.2f} s, median {statistics.median(walls):5.2f} s   "
          f"CPU: first {cpus[0]:5.2f} s, median {statistics.median(cpus):5.2f} s   ({len(times)} runs)")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def fresh_process(folder: Path, extra: list[str], repeat: int) -> list[tuple[float, float]]:
    times = []
    for run in range(repeat):
        wall, cpu = time.perf_counter(), children_cpu()
        subprocess.run([sys.executable, "-m", "briefing", "build", "-o", str(folder / f"process-{run}"),
                        "--format", "pdf,docx", *extra], cwd=ROOT, check=True, capture_output=True)
        times.append((time.perf_counter() - wall, children_cpu() - cpu))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-process", action="store_true", help="skip the fresh `briefing build` runs")
    options = parser.parse_args()
    import weasyprint.pdf.fonts as weasyprint_fonts

    harfbuzz_subset = weasyprint_fonts.harfbuzz_subset
    print(f"libharfbuzz-subset: {'found' if harfbuzz_subset else 'not found (fontTools fallback only)'}")
    with tempfile.TemporaryDirectory(prefix="bench-render-") as scratch:
        folder = Path(scratch)
        briefings = {"seeds": seeds_briefing(folder / "packages"), "ntrex-20": ntrex_briefing()}
        for name, briefing in briefings.items():
            rows = sum(len(article.paragraphs) for article in briefing.articles)
            print(f"{name}: {len(briefing.articles)} articles, {rows} paragraphs")
            for format_name in ("pdf", "docx", "html"):
                report(f"{name} {format_name}", time_render(briefing, format_name, folder, options.repeat))
            if harfbuzz_subset:
                weasyprint_fonts.harfbuzz_subset = None
                report(f"{name} pdf (fontTools subsetting)", time_render(briefing, "pdf", folder, options.repeat))
                weasyprint_fonts.harfbuzz_subset = harfbuzz_subset
        if not options.skip_process:
            report("fresh `briefing build` (gloss model)", fresh_process(folder, [], options.repeat))
            report("fresh `briefing build --no-translate`", fresh_process(folder, ["--no-translate"], options.repeat))


if __name__ == "__main__":
    main()

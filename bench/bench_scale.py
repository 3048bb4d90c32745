"""`briefing build` on 10, 40 and 95 NTREX articles: wall time, CPU time and peak memory.

    /tmp/venv/bin/python bench/bench_scale.py [--counts 10,40,95] [--model gloss|benchmark]
                                              [--formats pdf,docx,json] [--no-translate] [--repeat N]

The 95 articles of NTREX-128 (``../shared/data/ntrex``, CC BY-SA 4.0, read in place by
``bench/ntrex.py``) are written one file each (headline, then one sentence per line) into a
temporary folder; each count runs the first N files through a real ``python -m briefing build
FOLDER`` process, with its own empty translation cache so every sentence reaches the model.
Peak memory is the process's maximum resident set (``wait4`` rusage), so each count is measured
in a fresh process and nothing from an earlier count is included.

The translation model is a test package built here (no real Argos model can be downloaded in
this environment): ``gloss`` (the tests' tiny hand-set model, fast: measures the pipeline) or
``benchmark`` (the size of a real Argos model with random weights: realistic translation time).
Memory is flat when the peak grows far slower than the article count.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ntrex import ntrex_articles  # noqa: E402


def write_articles(folder: Path) -> list[Path]:
    """One file per NTREX article, named in corpus order so a folder sorts as the corpus does."""
    folder.mkdir(parents=True)
    paths = []
    for number, (doc_id, pairs) in enumerate(ntrex_articles().items()):
        path = folder / f"{number:03d}_{doc_id}.txt"
        path.write_text("\n".join(arabic for arabic, _ in pairs if arabic) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def measure(files: list[Path], out: Path, formats: str, translate: bool, environment: dict) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak resident kB of one ``briefing build`` process."""
    command = [sys.executable, "-m", "briefing", "build", *map(str, files), "-o", str(out), "-f", formats]
    if not translate:
        command.append("--no-translate")
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode()
    if process.returncode != 0:
        raise SystemExit(f"build of {len(files)} articles failed ({process.returncode}):\n{errors[-2000:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", default="10,40,95", help="article counts to measure")
    parser.add_argument("--model", choices=["gloss", "benchmark"], default="gloss")
    parser.add_argument("--formats", default="pdf,docx,json")
    parser.add_argument("--no-translate", action="store_true", help="Arabic only: measure without the model")
    parser.add_argument("--repeat", type=int, default=1, help="runs per count (the fastest is kept)")
    arguments = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    files = write_articles(work / "articles")
    environment = dict(os.environ, ARGOS_PACKAGES_DIR=str(work / "packages"), BRIEFING_DATA_DIR=str(work / "data"))
    if not arguments.no_translate:
        from briefing.testing.argos_fixture import build_argos_package, install_argos_package

        install_argos_package(build_argos_package(work / "model", model=arguments.model), work / "packages")

    counts = [int(count) for count in arguments.counts.split(",")]
    model = "no translation" if arguments.no_translate else f"{arguments.model} model"
    print(f"briefing build, formats {arguments.formats}, {model}, {os.cpu_count()} CPUs; work folder {work}")
    print(f"{'articles':>8} {'sentences':>9} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'ms/sentence':>11}")
    for count in counts:
        chosen = files[:count]
        sentences = sum(len(path.read_text(encoding="utf-8").splitlines()) for path in chosen)
        runs = []
        for run in range(arguments.repeat):
            environment["BRIEFING_CACHE_DIR"] = str(work / f"cache-{count}-{run}")
            runs.append(measure(chosen, work / f"out-{count}", arguments.formats, not arguments.no_translate,
                                environment))
        wall, cpu, peak_kb = min(runs)
        print(f"{count:>8} {sentences:>9} {wall:>8.1f} {cpu:>8.1f} {peak_kb / 1024:>8.0f} {wall * 1000 / sentences:>11.1f}",
              flush=True)


if __name__ == "__main__":
    main()

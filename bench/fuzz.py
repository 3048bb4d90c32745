"""Long fuzzing of ingest, segmentation and extraction, run by hand outside CI.

    /tmp/venv/bin/python bench/fuzz.py [--minutes 10] [--scale 50] [--seed 8] [--skip-properties]

Two parts:

1. ``tests/test_properties.py`` with every hypothesis example count multiplied by ``--scale``
   (``BRIEFING_FUZZ_SCALE``): any bytes through ``read_article``, any text through segmentation,
   alignment with an out-of-order engine, extraction with its JSON offsets checked.
2. A mutation fuzzer over the hostile corpus of ``tests/hostile.py`` (the big files left out):
   random byte flips, control bytes, NULs, byte order marks, truncation and splices of two
   files, each run through ``read_article``, ``segment_article`` and the extract stage, until
   ``--minutes`` are spent. Only a one-line ``InputError`` may come out; any other exception or
   a JSON offset that misses its text is saved in a temporary folder with its traceback.

Prints how many inputs were tried, refused and built, and every finding.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from hostile import HOSTILE_INPUTS  # noqa: E402
from test_properties import assert_json_offsets_point_at_their_text  # noqa: E402

from briefing.errors import InputError  # noqa: E402
from briefing.extract import analyze, find_actors  # noqa: E402
from briefing.ingest import read_article  # noqa: E402
from briefing.render.json import briefing_dict  # noqa: E402
from briefing.segment import segment_article  # noqa: E402
from briefing.structure import Briefing  # noqa: E402

BIG_CASES = {"ten-megabytes.txt", "long-paragraph.txt", "one-word-lines.txt"}
INSERTS = [b"\x00", b"\x01", b"\x1f", b"\x7f", b"\xff", b"\xfe\xff", b"\xef\xbb\xbf", b"\xed\xa0\x80",
           b"\r", b"\n\n", "\u202e".encode(), "“".encode(), b"<p>", b"..", "؟".encode()]


def mutate(rng: random.Random, corpus: list[bytes]) -> bytes:
    data = bytearray(rng.choice(corpus))
    for _ in range(rng.randint(1, 6)):
        action = rng.randrange(5)
        position = rng.randint(0, len(data))
        if action == 0 and data:
            data[min(position, len(data) - 1)] = rng.randrange(256)
        elif action == 1:
            data[position:position] = rng.choice(INSERTS)
        elif action == 2:
            del data[position:]
        elif action == 3:
            other = rng.choice(corpus)
            data[position:] = other[rng.randint(0, len(other)):]
        else:
            data[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    return bytes(data)


def check(data: bytes, path: Path) -> str:
    """``refused`` or ``built``; raises on anything the pipeline must never do."""
    path.write_bytes(data)
    try:
        article = read_article(path, "A1", warn=lambda message: None)
    except InputError as error:
        assert "\n" not in str(error), "a multi-line error"
        return "refused"
    briefing = Briefing(title="fuzz", articles=[segment_article(article)])
    analyze(find_actors(briefing))
    assert_json_offsets_point_at_their_text(json.loads(json.dumps(briefing_dict(briefing), ensure_ascii=False)))
    return "built"


def mutation_fuzz(minutes: float, seed: int) -> int:
    rng = random.Random(seed)
    corpus = [case.make() for case in HOSTILE_INPUTS if case.name not in BIG_CASES]
    counts = {"refused": 0, "built": 0}
    findings = 0
    saved = Path(tempfile.mkdtemp(prefix="briefing-fuzz-findings-"))
    deadline = time.monotonic() + minutes * 60
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.txt"
        while time.monotonic() < deadline:
            data = mutate(rng, corpus)
            try:
                counts[check(data, path)] += 1
            except Exception:  # noqa: BLE001 - a finding: anything but InputError
                findings += 1
                name = f"finding-{seed}-{sum(counts.values()) + findings}"
                (saved / f"{name}.bin").write_bytes(data)
                (saved / f"{name}.txt").write_text(traceback.format_exc(), encoding="utf-8")
                print(f"FINDING {name}: {traceback.format_exc().strip().splitlines()[-1]}", flush=True)
    print(f"mutation fuzzer: {sum(counts.values())} inputs, {counts['refused']} refused, "
          f"{counts['built']} built, {findings} findings" + (f" (inputs and tracebacks in {saved})" if findings else ""))
    return findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="time for the mutation fuzzer")
    parser.add_argument("--scale", type=int, default=50, help="multiplier of the property tests' example counts")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--skip-properties", action="store_true")
    arguments = parser.parse_args()
    failed = 0
    if not arguments.skip_properties:
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_properties.py"],
            cwd=ROOT, env=dict(os.environ, BRIEFING_FUZZ_SCALE=str(arguments.scale)), check=False,
        )
        print(f"properties x{arguments.scale}: exit {result.returncode} in {time.monotonic() - started:.0f} s")
        failed += result.returncode != 0
    failed += mutation_fuzz(arguments.minutes, arguments.seed)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

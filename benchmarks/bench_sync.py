"""Speed of exchange packages on a large archive, against the issue's targets.

- export of the whole archive (a backup package) <= 5 s;
- import of that package into an empty archive <= 10 s;
- importing the same package again <= 3 s (it says "already applied"); also printed: a second
  package holding the same, unchanged records.

Run: python benchmarks/bench_sync.py [--accounts 20000] [--keep PATH]
With --keep, the source archive is built at PATH the first time and reused (a copy is used).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from kamdesk.services.demo import fill
from kamdesk.services.workbench import Workbench

TARGETS = {"export": 5.0, "import into an empty archive": 10.0, "import again": 3.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="build the source archive here, or reuse it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        kept = args.keep or folder / "built.kamdesk"
        if not kept.exists():
            with Workbench.open(kept) as wb:
                fill(wb.archive, args.accounts, seed=5)
        source_path = folder / "source.kamdesk"
        shutil.copy(kept, source_path)
        with Workbench.open(source_path) as source, Workbench.open(folder / "t.kamdesk") as target:
            target.sync.register(source.sync.public_card())
            source.sync.register(target.sync.public_card())
            summary = source.sync.preview_export("backup")
            total = sum(summary.counts.values())
            print(f"kamdesk exchange benchmark · {total:,} records: {summary.counts}")
            recipient = [target.archive.installation_id]
            took = _time(
                lambda: source.sync.export("handover", folder / "all.kamx", recipients=recipient)
            )
            size = (folder / "all.kamx").stat().st_size / 1024**2
            verdict("export", took, f"({size:.1f} MB)")
            took = _time(lambda: target.sync.import_package(folder / "all.kamx"))
            verdict("import into an empty archive", took)
            took = _time(lambda: target.sync.import_package(folder / "all.kamx"))
            verdict("import again", took, "(the same package: already applied)")
            source.sync.export("handover", folder / "again.kamx", recipients=recipient)
            took = _time(lambda: target.sync.import_package(folder / "again.kamx"))
            print(f"  a second package of the same records, all unchanged: {took:.2f} s")


def _time(work: object) -> float:
    started = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - started


def verdict(what: str, seconds: float, note: str = "") -> None:
    target = TARGETS[what]
    mark = "ok" if seconds <= target else "OVER"
    print(f"  {what}: {seconds:.2f} s (target <= {target:g} s) {mark} {note}".rstrip())


if __name__ == "__main__":
    main()

"""Speed of the passphrase protection on a large archive, against the issue's target.

- unlocking an encrypted archive <= 1 s (open the archive, derive the key from the passphrase,
  read a protected field);
- also printed: protecting the archive (sealing every sensitive value, rebuilding the file),
  and reading every contact with its sealed fields, locked-open vs unprotected.

Run: python benchmarks/bench_unlock.py [--accounts 20000] [--keep PATH]
With --keep, the unprotected source archive is built at PATH the first time and reused (a copy
is protected).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from kamdesk.services.demo import fill
from kamdesk.services.workbench import Workbench
from kamdesk.storage.models import Contact

PASSPHRASE = "bench passphrase 2026"
TARGET = 1.0


def read_all(wb: Workbench) -> float:
    started = time.perf_counter()
    with wb.archive.reading() as session:
        rows = session.execute(
            select(Contact.health_notes, Contact.family_members, Contact.children)
        ).all()
    assert rows
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="build the source archive here, or reuse it")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        kept = args.keep or folder / "built.kamdesk"
        if not kept.exists():
            with Workbench.open(kept) as wb:
                fill(wb.archive, args.accounts, seed=5)
        path = folder / "protected.kamdesk"
        shutil.copy(kept, path)
        with Workbench.open(path) as wb:
            plain = read_all(wb)
            started = time.perf_counter()
            wb.security.protect(PASSPHRASE)
            protect_took = time.perf_counter() - started
            sealed = read_all(wb)
            wb.security.lock()
        print(f"kamdesk passphrase benchmark · {path.stat().st_size / 1024**2:.0f} MB archive")
        print(f"  protect (seal every sensitive value, rebuild the file): {protect_took:.2f} s")
        print(f"  read every contact's sealed fields: {sealed:.2f} s (unprotected {plain:.2f} s)")
        times = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            with Workbench.open(path, write=False) as wb:
                wb.security.unlock(PASSPHRASE)
                with wb.archive.reading() as session:
                    first = session.scalars(
                        select(Contact.health_notes).where(Contact.health_notes != "").limit(1)
                    ).one()
                assert first and not first.startswith("kd1:")
                wb.security.lock()
            times.append(time.perf_counter() - started)
        took = statistics.median(times)
        mark = "met" if took <= TARGET else "MISSED"
        print(
            f"  unlock (open, derive the key, read a protected field): {took:.3f} s median of "
            f"{args.rounds} (min {min(times):.3f}) · target {TARGET:.1f} s · {mark}"
        )


if __name__ == "__main__":
    main()

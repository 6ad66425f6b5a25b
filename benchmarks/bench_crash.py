"""Crash safety at a larger count: writers killed with SIGKILL at random moments, then the
archive checked against every change they acknowledged (losses must be 0).

The kill loop is the one tests/safety/test_kill.py runs (tests/safety/crash_loop.py), here
with 1,000 kills of the writer by default, plus kills of backups and of package exports.

Run: python benchmarks/bench_crash.py [--kills 1000] [--backups 100] [--exports 50] [--seed N]
Linux and macOS only (fork and SIGKILL).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.safety.crash_loop

from kamdesk.services.demo import fill
from kamdesk.services.workbench import Workbench
from kamdesk.storage.backups import make_backup, read_counts, scan
from tests.safety.crash_loop import (
    BACKUP,
    PACKAGE,
    WRITE,
    ForkServer,
    check_writes,
    integrity,
    kill_loop,
    temporary_files,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=1000, help="kills of the writer")
    parser.add_argument("--backups", type=int, default=100, help="kills of a backup")
    parser.add_argument("--exports", type=int, default=50, help="kills of a package export")
    parser.add_argument("--seed", type=int, default=20261123)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        os.environ["KAMDESK_BACKUPS"] = str(folder / "backups")
        archive = folder / "field.kamdesk"
        with Workbench.open(archive) as wb:
            fill(wb.archive, 30, seed=args.seed)
        print(f"kamdesk crash benchmark · seed {args.seed} · {os.cpu_count()} cores")
        losses = 0
        with ForkServer(folder) as server:
            result = kill_loop(
                server,
                {"job": WRITE, "archive": str(archive)},
                kills=args.kills,
                seed=args.seed,
                longest=0.1,
            )
            found = check_writes(archive, result.acks)
            lost = len(found.lost) + len(found.half_written) + len(found.damage)
            losses += lost
            print(
                f"writer:  {result.kills:5d} kills · {result.changes:5d} acknowledged changes "
                f"({dict(found.checked)}) · {result.kills - result.opens} kills while opening · "
                f"losses {lost} · {result.seconds:.1f} s"
            )
            for problem in found.damage + found.lost + found.half_written:
                print("  ", problem)

            copies = folder / "copies"
            result = kill_loop(
                server,
                {"job": BACKUP, "archive": str(archive), "out": str(copies)},
                kills=args.backups,
                seed=args.seed,
                longest=0.15,
            )
            expected = read_counts(archive, live=True)
            bad = [
                row.path.name
                for row in scan(copies)
                if integrity(row.path) != ["ok"] or read_counts(row.path) != expected
            ]
            left = len(temporary_files(copies))
            make_backup(archive, copies)
            left_after = len(temporary_files(copies))
            losses += len(bad) + left_after
            print(
                f"backup:  {result.kills:5d} kills · {result.changes:5d} finished copies · "
                f"bad copies {len(bad)} · temporary files {left} → {left_after} after the next "
                f"backup · {result.seconds:.1f} s"
            )

            target = folder / "out" / "field.kamx"
            target.parent.mkdir()
            result = kill_loop(
                server,
                {"job": PACKAGE, "archive": str(archive), "out": str(target)},
                kills=args.exports,
                seed=args.seed,
                longest=0.4,
            )
            left = len(temporary_files(target.parent))
            with Workbench.open(archive) as wb:
                whole = not target.exists() or bool(wb.sync.read(target).records)
                wb.sync.export("backup", target)
                ok = wb.check().ok
            left_after = len(temporary_files(target.parent))
            losses += (not whole) + (not ok) + left_after
            print(
                f"export:  {result.kills:5d} kills · {result.changes:5d} finished packages · "
                f"package whole {whole} · archive ok {ok} · temporary files {left} → "
                f"{left_after} after the next export · {result.seconds:.1f} s"
            )
        print(f"losses: {losses}")
    return 1 if losses else 0


if __name__ == "__main__":
    sys.exit(main())

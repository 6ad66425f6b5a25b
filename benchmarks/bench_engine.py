"""Speed of the relationship engine on a large archive, against its target.

Run: python benchmarks/bench_engine.py [--accounts 20000] [--keep PATH]
With --keep, the archive is built at PATH the first time and reused afterwards.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kamdesk.services.demo import fill
from kamdesk.services.engine import EngineService, Standing
from kamdesk.services.workbench import Workbench

TARGET_STANDINGS_S = 1.0
RUNS = 5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=20_000)
    parser.add_argument(
        "--keep", type=Path, help="build the archive here, or reuse it if it exists"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.keep or Path(scratch) / "bench.kamdesk"
        print(f"kamdesk engine benchmark · SQLite {sqlite3.sqlite_version}")
        if path.exists():
            print(f"reusing {path}")
        else:
            build(path, args.accounts)
        bench(path)


def build(path: Path, accounts: int) -> None:
    """A fresh archive of `accounts` sample customers."""
    started = time.perf_counter()
    with Workbench.open(path) as wb:
        summary = fill(wb.archive, accounts, seed=2024)
    took = time.perf_counter() - started
    print(f"built {summary.accounts:,} accounts, {summary.visits:,} visits in {took:.0f} s")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    """Median wall time of `RUNS` calls (after one warm-up) and the last result."""
    result = fn()
    times = []
    for _run in range(RUNS):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def bench(path: Path) -> None:
    slow = False
    with Workbench.open(path, write=False) as wb:
        engine = EngineService(wb.archive, wb.settings)
        accounts = wb.accounts.count()
        with sqlite3.connect(path) as raw:
            visits = raw.execute("SELECT count(*) FROM visits WHERE deleted_at IS NULL").fetchone()[
                0
            ]
        took, standings = timed(engine.standings)
        slow = took > TARGET_STANDINGS_S
        ok = "OK" if took <= TARGET_STANDINGS_S else "TOO SLOW"
        print(f"\n1. standings(): {took:.3f} s for {accounts:,} accounts / {visits:,} visits "
              f"(median of {RUNS}; target ≤ {TARGET_STANDINGS_S:.0f} s)  {ok}")  # fmt: skip
        tiers = Counter(s.tier.value for s in standings)
        at_risk = sum(1 for s in standings if s.risk_score >= 5)
        print(f"   tiers A/B/C: {tiers['A']:,}/{tiers['B']:,}/{tiers['C']:,}; "
              f"risk score ≥ 5: {at_risk:,}")  # fmt: skip
        took, review = timed(engine.key_account_review)
        print(f"\n2. key_account_review(): {took:.3f} s (median of {RUNS})")
        print(
            f"   key accounts {review.count:,}; add {len(review.add):,}, drop {len(review.drop):,}"
        )
        took, _one = timed(lambda: engine.standing(standings[len(standings) // 2].account_id))
        print(f"\n3. standing(one account): {took:.3f} s (median of {RUNS})")
        took, words = timed(lambda: sum(map(len, explanations(standings))))
        print(f"\n4. every explanation and signal written out, as `kamdesk tiers --json` does: "
              f"{took:.3f} s (median of {RUNS}; {words:,} characters)")  # fmt: skip
    if slow:
        sys.exit(1)


def explanations(standings: list[Standing]) -> list[str]:
    """The sentences standings() leaves unwritten until someone reads them."""
    texts = []
    for s in standings:
        texts += [s.tier_explanation, s.lifetime_explanation]
        texts += [signal.text for signal in s.risk_signals]
    return texts


if __name__ == "__main__":
    main()

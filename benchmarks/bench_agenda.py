"""Speed of the agenda over an archive with 100,000 anniversaries, against the 100 ms target.

Sample data (`fill`, about 8 anniversaries per account) gives the accounts, contacts, visits,
issues and most anniversaries; more are then added in bulk (a third lunar, a few leap-month and
lunar-30 days) until there are at least --anniversaries of them.

Run: python benchmarks/bench_agenda.py [--accounts 12000] [--anniversaries 100000] [--keep PATH]
"""

from __future__ import annotations

import argparse
import calendar
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from kamdesk.services.agenda import AgendaService
from kamdesk.services.demo import fill
from kamdesk.services.workbench import Workbench

TARGET_ANNIVERSARIES_MS = 100.0
WINDOW_DAYS = 30
RUNS = 5
TODAY = date(2025, 1, 10)  # a window across Spring Festival: solar and lunar days both move
LEAP_MONTHS = (2, 3, 4, 5, 6, 7, 8, 11)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=12_000)
    parser.add_argument("--anniversaries", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build the archive here (or reuse it)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.keep or Path(scratch) / "agenda.kamdesk"
        print(f"kamdesk agenda benchmark · {args.anniversaries:,} anniversaries")
        if not path.exists():
            with Workbench.open(path) as wb:
                started = time.perf_counter()
                fill(wb.archive, args.accounts, seed=2024, today=TODAY)
                total = top_up(wb, args.anniversaries)
                took = time.perf_counter() - started
                print(f"archive built in {took:.1f} s: {total:,} anniversaries")
        with Workbench.open(path, write=False) as wb:
            service = AgendaService(wb.archive, wb.settings)
            end = date.fromordinal(TODAY.toordinal() + WINDOW_DAYS - 1)
            found = len(service.anniversaries(TODAY, end))
            part = median_ms(lambda: service.anniversaries(TODAY, end))
            ok = "OK" if part <= TARGET_ANNIVERSARIES_MS else "TOO SLOW"
            print(
                f"1. anniversaries in a {WINDOW_DAYS}-day window ({found:,} items): "
                f"median {part:.1f} ms of {RUNS}  (target ≤ {TARGET_ANNIVERSARIES_MS:.0f} ms)  {ok}"
            )
            items = len(service.agenda(TODAY, WINDOW_DAYS))
            whole = median_ms(lambda: service.agenda(TODAY, WINDOW_DAYS))
            print(f"2. whole agenda() ({items:,} items): median {whole:.1f} ms of {RUNS}")
    if part > TARGET_ANNIVERSARIES_MS:
        sys.exit(1)


def median_ms(run: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def top_up(wb: Workbench, wanted: int) -> int:
    """Add anniversaries to random live contacts until there are `wanted`; returns the count."""
    with wb.archive.writing() as session:
        connection = session.connection().connection.driver_connection
        assert connection is not None
        have = connection.execute("SELECT count(*) FROM anniversaries").fetchone()[0]
        contacts = connection.execute(
            "SELECT id, account_id FROM contacts WHERE deleted_at IS NULL"
        ).fetchall()
        rng = random.Random(7)
        moment = datetime(2025, 1, 1).isoformat(sep=" ")
        stamp = wb.archive.stamp()
        rows = []
        for _ in range(max(0, wanted - have)):
            contact_id, account_id = rng.choice(contacts)
            lunar = rng.random() < 0.35
            month = rng.randint(1, 12)
            leap = lunar and month in LEAP_MONTHS and rng.random() < 0.03
            longest = 30 if lunar else calendar.monthrange(2000, month)[1]
            day = rng.randint(1, longest)
            rows.append(
                (str(uuid.uuid4()), moment, moment, stamp, "{}", account_id, contact_id, "",
                 "birthday", "lunar" if lunar else "solar", month, day, int(leap),
                 rng.randint(1960, 1995), 7, "", "normal")
            )  # fmt: skip
        connection.executemany(
            """INSERT INTO anniversaries (id, created_at, updated_at, created_hlc, field_hlc,
               account_id, contact_id, family_member, kind, calendar, month, day, leap_month,
               year, lead_days, note, sensitivity)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            rows,
        )
        total: int = connection.execute("SELECT count(*) FROM anniversaries").fetchone()[0]
    return total


if __name__ == "__main__":
    main()

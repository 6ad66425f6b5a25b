"""Speed of HQ consolidation into PostgreSQL: 100 packages from small generated archives.

Ten managers (by default) each fill an archive with sample data (kamdesk/services/demo.py,
a different seed each) and send HQ ten packages: the first holds everything, each later one
the edits of a round (people's titles and notes, new visits). The 100 packages are then
consolidated into an empty HQ database in one run; printed: the time, per package, records per
second; then the same 100 again (all "already applied"), and the 100 into another empty
database by two consolidations at once.

PostgreSQL: --url (a role that may create databases), else $KAMDESK_TEST_PG_URL, else a
throwaway server started from the installed binaries (tests/hq/pgserver.py), fsync on.

Run: python benchmarks/bench_hq.py [--managers 10] [--packages-each 10] [--accounts 20]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from kamdesk.hq.consolidate import APPLIED, consolidate
from kamdesk.hq.database import HqDatabase
from kamdesk.services.demo import fill
from kamdesk.services.workbench import Workbench

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--url", help="a PostgreSQL role that may create databases")
    parser.add_argument("--managers", type=int, default=10)
    parser.add_argument("--packages-each", type=int, default=10)
    parser.add_argument("--accounts", type=int, default=20, help="accounts per manager")
    args = parser.parse_args()
    with server(args.url) as admin_url, tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        hq_url = make_database(admin_url)
        with HqDatabase.create(hq_url, "总部") as hq:
            started = time.perf_counter()
            packages = build_packages(hq, folder, args)
            built = time.perf_counter() - started
        twin_url = make_database(admin_url, like=hq_url)  # the same HQ, still empty
        try:
            with HqDatabase.open(hq_url) as hq:
                measure(hq, packages, args, built)
            with HqDatabase.open(twin_url) as first, HqDatabase.open(twin_url) as second:
                took = timed(lambda: side_by_side([first, second], [packages, packages[::-1]]))
            print(f"  two consolidations at once, each given all {len(packages)}: {took:.2f} s")
        finally:
            drop_databases(admin_url, [hq_url, twin_url])


def measure(hq: HqDatabase, packages: list[Path], args: argparse.Namespace, built: float) -> None:
    outcomes: list[Any] = []
    took = timed(lambda: outcomes.extend(consolidate(hq, packages)))
    check(outcomes, len(packages))
    records = sum(n for o in outcomes for k, n in o.summary.items() if k != "conflicts")
    print(
        f"kamdesk HQ benchmark · {len(packages)} packages from {args.managers} managers "
        f"({args.accounts} sample accounts each), {records:,} records; built in {built:.1f} s"
    )
    print(
        f"  consolidate {len(packages)} packages into PostgreSQL: {took:.2f} s "
        f"({1000 * took / len(packages):.0f} ms a package, {records / took:,.0f} records/s)"
    )
    took = timed(lambda: consolidate(hq, packages))
    print(f"  the same {len(packages)} again (already applied): {took:.2f} s")


def build_packages(hq: HqDatabase, folder: Path, args: argparse.Namespace) -> list[Path]:
    """Every manager's packages to HQ, made round by round."""
    packages: list[Path] = []
    rng = random.Random(2026)
    benches = []
    for number in range(args.managers):
        bench = Workbench.open(folder / f"manager-{number}.kamdesk")
        bench.sync.set_name(f"经理{number + 1:02d}")
        fill(bench.archive, args.accounts, seed=1000 + number)
        bench.sync.register(hq.public_card(), hq=True)
        hq.register(bench.sync.public_card())
        benches.append(bench)
    try:
        for round_number in range(args.packages_each):
            for number, bench in enumerate(benches):
                if round_number:
                    edit(bench, rng, round_number)
                path = folder / f"m{number:02d}-r{round_number:02d}.kamx"
                bench.sync.export("hq", path)
                packages.append(path)
    finally:
        for bench in benches:
            bench.close()
    return packages


def edit(bench: Workbench, rng: random.Random, round_number: int) -> None:
    """A round of a manager's work: some people's details change, some visits are logged."""
    contacts = bench.contacts.list(limit=5000)
    for contact in rng.sample(contacts, min(10, len(contacts))):
        bench.contacts.update(contact.id, notes=f"第{round_number}轮 {rng.randint(0, 999)}")
    accounts = bench.accounts.list(limit=5000)
    for account in rng.sample(accounts, min(5, len(accounts))):
        bench.visits.create(
            account_id=account.id, occurred_at="2026-10-12 10:00", purpose=f"第{round_number}轮回访"
        )


def check(outcomes: list[Any], expected: int) -> None:
    applied = sum(o.status == APPLIED for o in outcomes)
    if applied != expected:
        problems = [o.reason for o in outcomes if o.status != APPLIED][:3]
        raise SystemExit(f"only {applied} of {expected} packages applied: {problems}")


def side_by_side(databases: list[HqDatabase], orders: list[list[Path]]) -> None:
    outcomes: list[list[Any]] = [[] for _ in databases]

    def work(index: int) -> None:
        outcomes[index] = consolidate(databases[index], orders[index])

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(databases))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    applied = sum(o.status == APPLIED for run in outcomes for o in run)
    refused = [o.reason for run in outcomes for o in run if o.refused]
    if applied != len(orders[0]) or refused:
        raise SystemExit(f"side by side: {applied} applied, refused: {refused[:3]}")


def timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


@contextmanager
def server(url: str | None) -> Iterator[str]:
    given = url or os.environ.get("KAMDESK_TEST_PG_URL")
    if given:
        yield given
        return
    spec = importlib.util.spec_from_file_location("pgserver", ROOT / "tests/hq/pgserver.py")
    assert spec is not None and spec.loader is not None
    pgserver = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(pgserver)
    binaries = pgserver.binaries()
    if binaries is None:
        raise SystemExit("no PostgreSQL found: give --url, or run .ci/postgres.sh")
    running = pgserver.TemporaryServer(binaries, durable=True)
    try:
        yield running.start()
    finally:
        running.stop()


def make_database(admin_url: str, like: str | None = None) -> str:
    """A new database: empty, or a copy of the one at `like` (nobody connected to it)."""
    name = f"kamdesk_bench_{uuid.uuid4().hex[:10]}"
    template = f' TEMPLATE "{make_url(like).database}"' if like else ""
    admin = create_engine(
        make_url(admin_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{template}'))
    admin.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_databases(admin_url: str, urls: list[str]) -> None:
    admin = create_engine(
        make_url(admin_url).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        for url in urls:
            name = make_url(url).database
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


if __name__ == "__main__":
    main()

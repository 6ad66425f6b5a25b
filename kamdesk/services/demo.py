"""Reproducible Chinese sample data (演示数据) for an empty archive, written in one transaction."""

from __future__ import annotations

import multiprocessing
import queue
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Dialect, Table, func, select
from sqlalchemy.dialects import sqlite

from kamdesk.domain.errors import ArchiveError, FieldProblem, ValidationError
from kamdesk.i18n import _
from kamdesk.services.demo_sampler import TABLES, Row, Sampler
from kamdesk.storage.database import Archive
from kamdesk.storage.models import Account

MAX_ACCOUNTS = 100_000
ACCOUNTS_PER_ROUND = 500
"""Accounts generated (with everything that belongs to them) before their rows are written."""
ROWS_PER_INSERT = 5_000
PARALLEL_FROM = 2_000
"""From this many accounts on, rows are drawn in a second process while this one writes."""
CACHE_KIB = 256 * 1024
"""SQLite page cache while filling: the random-id indexes of a large fill stay in memory."""


@dataclass(frozen=True)
class DemoSummary:
    """How many records `fill` wrote."""

    accounts: int
    contacts: int
    visits: int
    issues: int
    preferences: int
    anniversaries: int


def fill(
    archive: Archive,
    accounts: int,
    seed: int = 2024,
    *,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill an empty archive with `accounts` sample customers and everything around them."""
    if not 1 <= accounts <= MAX_ACCOUNTS:
        message = _("choose 1 to {n} accounts").format(n=MAX_ACCOUNTS)
        raise ValidationError([FieldProblem("accounts", message)])
    if archive.sealer.protected:  # the fast path below writes values as the sampler drew them
        raise ArchiveError(_("sample data goes into a new archive without a passphrase"))
    day = today or date.today()
    written = dict.fromkeys((t.name for t in TABLES), 0)
    with archive.writing() as session:
        present = session.scalar(select(func.count()).select_from(Account.__table__)) or 0
        if present:
            raise ArchiveError(
                _(
                    "the archive already holds {n} accounts; sample data goes into an empty "
                    "archive (use --db to make a new one)"
                ).format(n=present)
            )
        hlc = archive.stamp()
        connection = session.connection()
        cache = int(connection.exec_driver_sql("PRAGMA cache_size").scalar() or -2000)
        connection.exec_driver_sql(f"PRAGMA cache_size=-{CACHE_KIB}")  # indexes stay in memory
        try:
            make = _rounds_in_worker if accounts >= PARALLEL_FROM else _rounds
            done = 0
            for tables, keys, count in make(seed, day, accounts, hlc):
                for name, (sql, values) in tables.items():
                    for start in range(0, len(values), ROWS_PER_INSERT):
                        connection.exec_driver_sql(sql, values[start : start + ROWS_PER_INSERT])
                    written[name] += len(values)
                # Keys go in round by round, each round in key order: while a second process
                # draws the next round, this one has the time to spare.
                keys.sort(key=_key_order)
                for start in range(0, len(keys), ROWS_PER_INSERT):
                    connection.exec_driver_sql(_INSERT_KEYS, keys[start : start + ROWS_PER_INSERT])
                done += count
                if progress is not None and done < accounts:
                    progress(done, accounts)
        finally:
            connection.exec_driver_sql(f"PRAGMA cache_size={cache}")
    if progress is not None:
        progress(accounts, accounts)
    return DemoSummary(
        accounts=written["accounts"],
        contacts=written["contacts"],
        visits=written["visits"],
        issues=written["customer_issues"],
        preferences=written["preferences"],
        anniversaries=written["anniversaries"],
    )


KeyRow = tuple[int, str, str, str]
_INSERT_KEYS = 'INSERT INTO search_keys ("inner", "key", entity_id, kind) VALUES (?, ?, ?, ?)'
Round = tuple[dict[str, tuple[str, list[tuple[Any, ...]]]], list[KeyRow], int]
"""One run of accounts ready to write: (table -> (INSERT statement, value rows), keys, count)."""


def _key_order(row: KeyRow) -> str:
    """The (inner, key, entity_id) order as one string: sorts ~3x faster than the tuples."""
    return f"{row[0]}{row[1]}\x00{row[2]}"


def _rounds(seed: int, today: date, accounts: int, hlc: str) -> Iterator[Round]:
    """Draw the sample data run by run, already converted to what the driver stores."""
    sampler = Sampler(random.Random(seed), today)
    sampler.hlc = hlc
    plans = sampler.plan(accounts)
    dialect = sqlite.dialect()
    for start in range(0, accounts, ACCOUNTS_PER_ROUND):
        chunk = plans[start : start + ACCOUNTS_PER_ROUND]
        batch = sampler.rows(chunk)
        keys, sampler.keys = sampler.keys, []
        tables = {t.name: _encode(t, batch[t.name], dialect) for t in TABLES if batch[t.name]}
        yield tables, keys, len(chunk)


def _encode(table: Table, rows: list[Row], dialect: Dialect) -> tuple[str, list[tuple[Any, ...]]]:
    """An INSERT statement and the rows as the driver takes them, converted by the column types.

    SQLAlchemy's per-row executemany bookkeeping costs more than SQLite's insert itself at
    this volume, so each column type's own conversion is applied here, once per value.
    """
    names = list(rows[0])
    processors = [table.c[n].type.dialect_impl(dialect).bind_processor(dialect) for n in names]
    quoted = ", ".join(f'"{name}"' for name in names)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
    pairs = list(zip(names, processors, strict=True))
    values = [tuple(p(row[n]) if p is not None else row[n] for n, p in pairs) for row in rows]
    return sql, values


def _worker(seed: int, today: date, accounts: int, hlc: str, out: Any) -> None:
    """Runs in a second process: draws the rounds while the first process writes them."""
    try:
        for item in _rounds(seed, today, accounts, hlc):
            out.put(("round", item))
        out.put(("done", None))
    except BaseException as exc:  # reported to the writing process, which raises it as a sentence
        out.put(("error", f"{type(exc).__name__}: {exc}"))


def _rounds_in_worker(seed: int, today: date, accounts: int, hlc: str) -> Iterator[Round]:
    """`_rounds`, drawn in a second process so that drawing and writing use both cores."""
    context = multiprocessing.get_context("spawn")  # never fork a process that may run Qt
    out = context.Queue(maxsize=3)
    worker = context.Process(target=_worker, args=(seed, today, accounts, hlc, out), daemon=True)
    worker.start()
    try:
        while True:
            try:
                kind, item = out.get(timeout=1.0)
            except queue.Empty:
                if not worker.is_alive():
                    raise ArchiveError(_("making sample data stopped unexpectedly")) from None
                continue
            if kind == "done":
                return
            if kind == "error":
                raise ArchiveError(_("making sample data failed: {e}").format(e=item))
            yield item
    finally:
        if worker.is_alive():
            worker.terminate()
        worker.join(timeout=10)

"""The kill loop: writers that acknowledge each change once it is committed, killed with SIGKILL
at random moments, and the checks of what they left behind.

Run as a script, this file is the fork server. It imports kamdesk once, then reads one job per
line on stdin (JSON); for each it forks a child that says ``pid N`` and then does the job over
and over until it is killed; once the child is gone the server writes ``done N STATUS``. A fork
costs a few milliseconds where starting Python and importing kamdesk would cost most of a
second, and each child still opens the archive through `Archive.open`, so every start after a
kill is a real recovery. Children acknowledge on the same stdout, one line per change with a
single `os.write` (atomic on a pipe), only after the change's transaction has returned.

The test process (`ForkServer`) decides when to kill: it sends the SIGKILL itself.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import json
import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kamdesk.services.workbench import Workbench

WRITE = "write"
BACKUP = "backup"
PACKAGE = "package"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐单曾欧阳"
GIVEN = "建国秀英丽娜志强海燕小明国华娜娜明辉晓东雪梅振华桂兰"
NOTE = "客户关心交货期与售后响应，二期厂房明年投产，采购预算偏紧，董事长重视长期合作。"


# --- what a writer writes (also what the checks expect) -------------------------------------


def mark(seq: int) -> str:
    """The change number as a writer puts it into a value."""
    return f"⟦{seq}⟧"


def contact_name(seq: int) -> str:
    rng = random.Random(seq)
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + f"（{seq}）"


def contact_notes(seq: int) -> str:
    """From nothing to about 30 KB of text: big changes span many pages of the archive."""
    size = random.Random(seq * 7919).choice((0, 40, 400, 4000, 12000))
    return f"{mark(seq)} {(NOTE * (size // len(NOTE) + 1))[:size]}".rstrip()


def hobbies(seq: int) -> str:
    return f"书法、钓鱼 {mark(seq)}"


def visit_purpose(seq: int) -> str:
    return f"季度业务回顾 {mark(seq)}"


def lunar_birthday(seq: int) -> tuple[int, int]:
    return seq % 12 + 1, seq % 28 + 1


def seq_of(text: str | None) -> int:
    """The change number a writer put at the end (or start) of a value; -1 if none."""
    if not text or "⟦" not in text:
        return -1
    digits = text.split("⟦", 1)[1].split("⟧", 1)[0]
    return int(digits) if digits.isdigit() else -1


# --- the children ----------------------------------------------------------------------------


def _ack(*fields: object) -> None:
    os.write(1, ("\t".join(str(f) for f in fields) + "\n").encode("utf-8"))


def write_changes(archive: str, seed: int, start: int, *, stop: int = -1) -> None:
    """Open the archive and change it, one transaction at a time, acknowledging each change:
    a contact with two anniversaries (one transaction), an edit of a contact, a visit. Goes
    on until killed (or until `stop` changes are made)."""
    from sqlalchemy import select

    from kamdesk.services.workbench import Workbench
    from kamdesk.storage.models import Contact

    rng = random.Random(seed)
    with Workbench.open(archive) as wb:
        _ack("open")
        people: dict[str, list[str]] = {}
        with wb.archive.reading() as session:
            for contact_id, account_id in session.execute(
                select(Contact.id, Contact.account_id).where(Contact.deleted_at.is_(None))
            ):
                people.setdefault(account_id, []).append(contact_id)
        accounts = sorted(people)
        for seq in itertools.islice(itertools.count(start + 1), stop if stop >= 0 else None):
            account = rng.choice(accounts)
            roll = rng.random()
            if roll < 0.4:
                person_id = _add_contact(wb, account, seq)
                people[account].append(person_id)
                _ack("C", person_id, seq)
            elif roll < 0.7:
                person_id = rng.choice(people[account])
                wb.contacts.update(person_id, hobbies=hobbies(seq))
                _ack("E", person_id, seq)
            else:
                met = rng.sample(people[account], min(len(people[account]), rng.choice((1, 2))))
                visit = wb.visits.log(
                    account, met, occurred_at="2026-10-20 10:00", purpose=visit_purpose(seq)
                )
                _ack("V", visit.id, seq, len(met))


def _add_contact(wb: Workbench, account: str, seq: int) -> str:
    """A contact with a lunar birthday and their mother's birthday, in one transaction."""
    month, day = lunar_birthday(seq)
    with wb.archive.writing() as session:
        person = wb.contacts.create_in(
            session,
            {
                "account_id": account,
                "name": contact_name(seq),
                "title": "采购经理",
                "notes": contact_notes(seq),
            },
        )
        for when in ({"calendar": "lunar", "day": day}, {"family_member": "母亲", "day": 1}):
            wb.anniversaries.create_in(
                session, {"contact_id": person.id, "kind": "birthday", "month": month, **when}
            )
    return person.id


def back_up(archive: str, seed: int, start: int, *, out: str, stop: int = -1) -> None:
    """Back the archive up into the folder `out` again and again, as `kamdesk backup` does (a
    checked copy, then rotation), acknowledging each finished copy."""
    from kamdesk.storage.backups import make_backup, rotate

    for _ in itertools.islice(itertools.count(), stop if stop >= 0 else None):
        row = make_backup(archive, Path(out))
        rotate(Path(out), row.taken_at, stem=Path(archive).stem)
        _ack("B", row.path.name)


def export_package(archive: str, seed: int, start: int, *, out: str, stop: int = -1) -> None:
    """Open the archive and export a backup package to the file `out` again and again."""
    from kamdesk.services.workbench import Workbench

    with Workbench.open(archive) as wb:
        _ack("open")
        for _ in itertools.islice(itertools.count(), stop if stop >= 0 else None):
            result = wb.sync.export("backup", Path(out))
            _ack("P", result.manifest.package_id)


JOBS: dict[str, Callable[..., None]] = {
    WRITE: write_changes,
    BACKUP: back_up,
    PACKAGE: export_package,
}


def warm_up() -> None:
    """Do every job a few times on a scratch archive, so that the lazy set-up of the libraries
    (mappers, dialects, keys) is done once here rather than in every child; then freeze the
    heap, so that a child's garbage collector leaves the shared pages alone instead of
    copying them all. Nothing is left open."""
    from kamdesk.services.workbench import Workbench

    saved = os.environ.get("KAMDESK_BACKUPS")
    quiet = os.open(os.devnull, os.O_WRONLY)
    stdout = os.dup(1)
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["KAMDESK_BACKUPS"] = os.path.join(scratch, "backups")
        path = os.path.join(scratch, "warm.kamdesk")
        with Workbench.open(path) as wb:
            account = wb.accounts.create(name="预热")
            wb.contacts.create(account_id=account.id, name="预热")
        os.dup2(quiet, 1)  # the acknowledgements go nowhere
        try:
            write_changes(path, 0, 0, stop=6)
            back_up(path, 0, 0, out=os.path.join(scratch, "copies"), stop=2)
            export_package(path, 0, 0, out=os.path.join(scratch, "out.kamx"), stop=2)
        finally:
            os.dup2(stdout, 1)
            os.close(stdout)
            os.close(quiet)
            if saved is None:
                del os.environ["KAMDESK_BACKUPS"]
            else:
                os.environ["KAMDESK_BACKUPS"] = saved
    gc.collect()
    gc.freeze()


def serve() -> None:
    """The fork server's loop (see the module's docstring)."""
    warm_up()
    for line in sys.stdin:
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                _ack("pid", os.getpid())
                JOBS[job.pop("job")](**job)
            except BaseException as exc:  # reported to the test, which fails
                _ack("error", repr(exc).replace("\n", " "))
                traceback.print_exc()
                status = 1
            finally:
                os._exit(status)
        _, status = os.waitpid(pid, 0)
        os.write(1, f"done {pid} {status}\n".encode())


# --- the killer ------------------------------------------------------------------------------


class ForkServer:
    """The fork server as a subprocess, and the kills."""

    def __init__(self, scratch: Path, env: Mapping[str, str] | None = None) -> None:
        self.errors = scratch / "fork-server.stderr"
        with open(self.errors, "wb") as err:
            self.process = subprocess.Popen(
                [sys.executable, __file__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                env={**os.environ, **(env or {})},
            )
        assert self.process.stdin is not None and self.process.stdout is not None
        self._in = self.process.stdin
        self._out = self.process.stdout.fileno()
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._out, selectors.EVENT_READ)
        self._buffer = b""

    def close(self) -> None:
        self._in.close()
        self.process.wait(timeout=30)
        self._selector.close()

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.process.poll() is None:
            self.close()

    def run(self, job: Mapping[str, Any], delay: float, after: str | None) -> list[list[str]]:
        """Start `job` in a fresh child, SIGKILL it `delay` seconds after it started (or after
        it acknowledged `after`), and return the lines it acknowledged."""
        self._in.write((json.dumps(dict(job)) + "\n").encode())
        self._in.flush()
        first = self._line(time.monotonic() + 30)
        assert first is not None and first.startswith("pid\t"), first
        pid = int(first.split("\t")[1])
        acks: list[list[str]] = []
        while after is not None and not (acks and acks[-1][0] == after):
            line = self._line(time.monotonic() + 30)
            assert line is not None, f"the writer did not say {after!r} within 30 s"
            self._take(line, acks)
        deadline = time.monotonic() + delay
        while (line := self._line(deadline)) is not None:
            self._take(line, acks)
        os.kill(pid, signal.SIGKILL)
        while True:
            line = self._line(time.monotonic() + 30)
            assert line is not None, "the fork server stopped answering"
            if line.startswith("done "):
                status = int(line.split()[2])
                assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, line
                return acks
            self._take(line, acks)

    def _take(self, line: str, acks: list[list[str]]) -> None:
        fields = line.split("\t")
        if fields[0] == "error" or line.startswith("done "):
            raise AssertionError(
                f"a writer failed on its own: {line}\n{self.errors.read_text(errors='replace')}"
            )
        acks.append(fields)

    def _line(self, deadline: float) -> str | None:
        """The next line from the server, or None at `deadline`."""
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not self._selector.select(left):
                return None
            chunk = os.read(self._out, 65536)
            if not chunk:
                raise AssertionError(
                    "the fork server ended: " + self.errors.read_text(errors="replace")
                )
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        return line.decode("utf-8")


@dataclass
class LoopResult:
    """What a kill loop did."""

    kills: int = 0
    seconds: float = 0.0
    acks: list[list[str]] = field(default_factory=list)

    @property
    def changes(self) -> int:
        """Acknowledged changes (not counting "open" lines)."""
        return sum(1 for ack in self.acks if ack[0] != "open")

    @property
    def opens(self) -> int:
        return sum(1 for ack in self.acks if ack[0] == "open")


def kill_loop(
    server: ForkServer,
    job: Mapping[str, Any],
    *,
    kills: int,
    seed: int,
    longest: float,
    opening: float = 0.15,
) -> LoopResult:
    """Run `job` in `kills` children in turn, each killed at a random moment: a share
    `opening` of them within 50 ms of starting (most of those while opening the archive, in
    recovery), the others up to `longest` seconds after the archive is open (in mid-change).
    A backup, which opens nothing, is killed up to `longest` seconds after it starts."""
    rng = random.Random(seed)
    result = LoopResult()
    began = time.perf_counter()
    for n in range(kills):
        child = {**job, "seed": rng.randrange(1 << 30), "start": (n + 1) * 1_000_000}
        early = rng.random() < opening
        after = None if early or job["job"] == BACKUP else "open"
        delay = rng.uniform(0, 0.05 if early and job["job"] != BACKUP else longest)
        result.acks += server.run(child, delay, after)
        result.kills += 1
    result.seconds = time.perf_counter() - began
    return result


# --- the checks ------------------------------------------------------------------------------


@dataclass
class Findings:
    """What the checks after a kill loop found wrong; all empty when every promise was kept."""

    damage: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    half_written: list[str] = field(default_factory=list)
    checked: Counter[str] = field(default_factory=Counter)


def check_writes(archive: Path, acks: list[list[str]]) -> Findings:
    """Open the archive the normal way and compare it with what the writers acknowledged."""
    from sqlalchemy import func, select

    from kamdesk.services.workbench import Workbench
    from kamdesk.storage.models import Anniversary, Contact, Visit, VisitContact

    found = Findings()
    with Workbench.open(archive) as wb:
        report = wb.check()
        found.damage += report.integrity + report.foreign_keys + report.search_index
        with wb.archive.reading() as session:
            contacts = {
                cid: (name, notes, likes)
                for cid, name, notes, likes in session.execute(
                    select(Contact.id, Contact.name, Contact.notes, Contact.hobbies)
                )
            }
            days: dict[str | None, list[tuple[int, int]]] = {}
            for cid, month, day in session.execute(
                select(Anniversary.contact_id, Anniversary.month, Anniversary.day)
            ):
                days.setdefault(cid, []).append((month, day))
            visits = dict(session.execute(select(Visit.id, Visit.purpose)).all())
            met = dict(
                session.execute(
                    select(VisitContact.visit_id, func.count()).group_by(VisitContact.visit_id)
                ).all()
            )
    last_edit: dict[str, int] = {}
    for ack in acks:
        kind = ack[0]
        if kind == "C":
            cid, seq = ack[1], int(ack[2])
            found.checked["contacts added"] += 1
            if contacts.get(cid, (None, None))[:2] != (contact_name(seq), contact_notes(seq)):
                found.lost.append(f"contact {cid} (change {seq})")
        elif kind == "E":
            cid, seq = ack[1], int(ack[2])
            found.checked["edits"] += 1
            last_edit[cid] = max(last_edit.get(cid, -1), seq)
        elif kind == "V":
            vid, seq, people = ack[1], int(ack[2]), int(ack[3])
            found.checked["visits"] += 1
            if visits.get(vid) != visit_purpose(seq) or met.get(vid, 0) != people:
                found.lost.append(f"visit {vid} (change {seq})")
    for cid, seq in last_edit.items():
        now = seq_of(contacts.get(cid, (None, None, None))[2])
        if now < seq:  # a later, unacknowledged edit may have landed: never an earlier one
            found.lost.append(f"edit {seq} of contact {cid} (it reads {now})")
    for cid, (name, notes, _likes) in contacts.items():
        seq = seq_of(notes)
        if seq < 0:
            continue  # a contact from before the loop
        month, day = lunar_birthday(seq)
        if name != contact_name(seq) or sorted(days.get(cid, [])) != sorted(
            [(month, day), (month, 1)]
        ):
            found.half_written.append(f"contact {cid} (change {seq}) without both of its days")
    for vid, purpose in visits.items():
        if seq_of(purpose) >= 0 and not met.get(vid):
            found.half_written.append(f"visit {vid} without the people met")
    return found


def integrity(path: Path) -> list[str]:
    """`PRAGMA integrity_check` of a file that nobody writes to (a backup)."""
    uri = path.resolve().as_uri() + "?mode=ro&immutable=1"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True)) as raw:
            return [row[0] for row in raw.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]


def temporary_files(folder: Path) -> list[str]:
    """Names of temporary files (and SQLite journals) kamdesk left in `folder`."""
    return sorted(
        p.name for p in folder.iterdir() if p.name.endswith((".part", "-journal", "-wal"))
    )


def rows(path: Path) -> Iterator[str]:
    """A dump of an archive's content, for comparing before and after."""
    uri = path.resolve().as_uri() + "?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as raw:
        yield from raw.iterdump()


if __name__ == "__main__":
    serve()

"""Printing dossiers and service plans: one account or a batch, to files or one combined PDF.

The desktop and the command line both come here. Documents are built from the archive in the
calling thread (one snapshot each; the engine's standings once per batch) and rendered — the
slow part — in worker processes when there are several, so a batch uses every core.

Where the output goes (`destination`):
- one document: the file named (its suffix must match the format);
- several and a path ending in .pdf with format pdf: one combined PDF, each document starting
  on a new page with its own page numbers;
- several otherwise: a folder (created if needed) that gets one file per account, named after
  it.
Files appear whole or not at all (written beside, then renamed); a cancelled or failed combined
PDF leaves nothing behind.
"""

from __future__ import annotations

import io
import multiprocessing
import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kamdesk.documents import FORMATS, Format, render
from kamdesk.documents.dossier import DossierFacts, dossier_document
from kamdesk.documents.model import Document, PageSize
from kamdesk.documents.plan import plan_document
from kamdesk.domain.errors import FieldProblem, KamdeskError, ValidationError
from kamdesk.i18n import _
from kamdesk.services.account_view import account_dossier

if TYPE_CHECKING:
    from kamdesk.services.workbench import Workbench

Progress = Callable[[int, int], None]
"""progress(done, total); may raise to stop the batch (e.g. the desktop's Cancelled)."""

PARALLEL_FROM = 4
"""Batches of at least this many documents are rendered in worker processes."""
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


class PrintError(KamdeskError):
    """A document could not be written where asked."""


@dataclass(frozen=True)
class Printable:
    """A built document and the name its file gets in a folder."""

    account_id: str
    stem: str
    document: Document


def file_stem(name: str, fallback: str) -> str:
    """A file name from an account name: no path separators or characters Windows refuses."""
    stem = _UNSAFE.sub("_", name).strip(" ._")[:80]
    return stem or fallback


def check_format(fmt: Format | str) -> Format:
    if fmt not in FORMATS:
        message = _("the format is one of: {f}").format(f=", ".join(FORMATS))
        raise ValidationError([FieldProblem("format", message)])
    return fmt


class Printer:
    """Builds dossiers and plans from one open archive."""

    def __init__(self, wb: Workbench, *, today: date | None = None) -> None:
        self.wb = wb
        self.today = today or date.today()
        self._standings: dict[str, Any] | None = None

    def account_ids(self, refs: Sequence[str]) -> list[str]:
        """Account ids for names, short names or ids; NotFound / Ambiguous name the bad one."""
        ids: list[str] = []
        for ref in refs:
            account = self.wb.accounts.resolve(ref)
            if account.id not in ids:
                ids.append(account.id)
        if not ids:
            raise ValidationError([FieldProblem("account", _("name at least one account"))])
        return ids

    def standings(self) -> dict[str, Any]:
        if self._standings is None:
            self._standings = {s.account_id: s for s in self.wb.engine.standings(self.today)}
        return self._standings

    def dossier(
        self, account_id: str, *, shareable: bool = False, page_size: PageSize = "A4"
    ) -> Printable:
        snapshot = account_dossier(self.wb.archive, account_id)
        standings = self.standings()
        facts = DossierFacts(snapshot, standings.get(snapshot.account.id), len(standings))
        document = dossier_document(
            facts, today=self.today, shareable=shareable, page_size=page_size
        )
        suffix = _("shareable") if shareable else _("dossier")
        stem = file_stem(f"{snapshot.account.name}-{suffix}", snapshot.account.id[:8])
        return Printable(snapshot.account.id, stem, document)

    def plan(
        self,
        account_id: str,
        year: int,
        quarter: int | None = None,
        *,
        page_size: PageSize = "A4",
    ) -> Printable:
        standing = self.standings().get(account_id)
        plan = self.wb.plans.plan(
            account_id,
            year,
            quarter,
            today=self.today,
            tier=standing.tier if standing is not None else None,
        )
        document = plan_document(plan, page_size=page_size)
        period = f"{year}" if quarter is None else f"{year}Q{quarter}"
        stem = file_stem(f"{plan.account_name}-{_('plan')}-{period}", account_id[:8])
        return Printable(account_id, stem, document)


@dataclass(frozen=True)
class PrintJob:
    """Dossiers (`year` None) or service plans, for some accounts: what the desktop and the
    command line ask for."""

    account_ids: tuple[str, ...]
    year: int | None = None
    quarter: int | None = None
    shareable: bool = False
    page_size: PageSize = "A4"

    @property
    def is_plan(self) -> bool:
        return self.year is not None

    def build(
        self, wb: Workbench, today: date, progress: Progress | None = None
    ) -> list[Printable]:
        """The documents, from one printer (the engine's standings are worked out once)."""
        printer = Printer(wb, today=today)
        built = []
        for done, account_id in enumerate(self.account_ids):
            if progress is not None:
                progress(done, len(self.account_ids))
            if self.year is not None:
                built.append(
                    printer.plan(account_id, self.year, self.quarter, page_size=self.page_size)
                )
            else:
                built.append(
                    printer.dossier(account_id, shareable=self.shareable, page_size=self.page_size)
                )
        return built


# writing ------------------------------------------------------------------------------------


def write(
    printables: Sequence[Printable],
    fmt: Format,
    destination: Path,
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    folder: bool = False,
) -> list[Path]:
    """Render and write the documents (see the module's notes on `destination`); returns the
    files written. `folder`: `destination` is a folder even for one document."""
    fmt = check_format(fmt)
    if not printables:
        raise ValidationError([FieldProblem("account", _("there is nothing to print"))])
    report = progress or (lambda _done, _total: None)
    suffix = f".{fmt}"
    if not folder:
        single = _to_one_file(printables, fmt, destination, report, workers)
        if single is not None:
            return [single]
    try:
        destination.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PrintError(
            _("cannot make the folder {p}: {e}").format(p=destination, e=exc.strerror)
        ) from exc
    names = _unique_names([p.stem for p in printables], [p.account_id for p in printables])
    written: list[Path] = []
    for index, data in _rendered(printables, fmt, report, workers):
        written.append(_atomic_write(destination / f"{names[index]}{suffix}", data))
    return written


def _to_one_file(
    printables: Sequence[Printable],
    fmt: Format,
    destination: Path,
    report: Progress,
    workers: int | None,
) -> Path | None:
    """Write a single document, or several combined into one PDF; None when `destination`
    is a folder for one file each."""
    suffix = f".{fmt}"
    if destination.is_dir():
        return None
    if len(printables) == 1:
        if destination.suffix.lower() != suffix:
            raise PrintError(
                _("{p} does not end in {s}; name a {s} file or a folder").format(
                    p=destination, s=suffix
                )
            )
        report(0, 1)
        data = render(printables[0].document, fmt)
        report(1, 1)
        return _atomic_write(destination, data)
    if destination.suffix.lower() in (".docx", ".doc") or (
        destination.suffix.lower() == ".pdf" and fmt != "pdf"
    ):
        raise PrintError(
            _("several Word documents go into a folder, not into {p}").format(p=destination)
        )
    if destination.suffix.lower() == ".pdf":
        parts = [data for _index, data in _rendered(printables, fmt, report, workers)]
        return _atomic_write(destination, combine_pdfs(parts))
    return None


def combine_pdfs(parts: Sequence[bytes]) -> bytes:
    """One PDF with the pages of every part, in order."""
    import pypdfium2 as pdfium

    combined = pdfium.PdfDocument.new()
    try:
        for data in parts:
            part = pdfium.PdfDocument(data)
            try:
                combined.import_pages(part)
            finally:
                part.close()
        buffer = io.BytesIO()
        combined.save(buffer)
        return buffer.getvalue()
    finally:
        combined.close()


def _unique_names(stems: Sequence[str], ids: Sequence[str]) -> list[str]:
    seen: dict[str, int] = {}
    for stem in stems:
        seen[stem.lower()] = seen.get(stem.lower(), 0) + 1
    return [
        f"{stem}-{aid[:8]}" if seen[stem.lower()] > 1 else stem
        for stem, aid in zip(stems, ids, strict=True)
    ]


def _atomic_write(path: Path, data: bytes) -> Path:
    partial = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise PrintError(_("cannot write {p}: {e}").format(p=path, e=exc.strerror)) from exc
    return path


def _render_one(document: Document, fmt: Format) -> bytes:
    return render(document, fmt)


def _rendered(
    printables: Sequence[Printable],
    fmt: Format,
    report: Progress,
    workers: int | None,
) -> Iterator[tuple[int, bytes]]:
    """(index, bytes) of each document in order, rendered in worker processes for a batch."""
    total = len(printables)
    report(0, total)
    count = workers if workers is not None else min(os.cpu_count() or 1, total)
    if total < PARALLEL_FROM or count <= 1:
        for index, item in enumerate(printables):
            data = render(item.document, fmt)
            report(index + 1, total)
            yield index, data
        return
    # spawn, not fork: the desktop calls this from a thread, and forking a threaded process
    # can deadlock; spawn is also what Windows and macOS do.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        futures: list[Future[bytes]] = [
            pool.submit(_render_one, item.document, fmt) for item in printables
        ]
        try:
            for index, future in enumerate(futures):
                data = future.result()
                report(index + 1, total)
                yield index, data
        except BaseException:
            for future in futures:
                future.cancel()
            raise


def next_week(today: date) -> tuple[date, date]:
    """Monday and Sunday of the week after `today`'s."""
    monday = today + timedelta(days=7 - today.weekday())
    return monday, monday + timedelta(days=6)


def accounts_due(wb: Workbench, first: date, last: date) -> list[str]:
    """Live accounts with a visit planned between `first` and `last` (inclusive): the next visit
    the cadence asks for (as last worked out by the engine) or a follow-up promised on a visit;
    by name."""
    with wb.archive.raw_reading() as conn:
        rows = conn.execute(
            "SELECT a.id FROM accounts a WHERE a.deleted_at IS NULL AND ("
            " a.id IN (SELECT account_id FROM standing_cache"
            "          WHERE next_visit_due BETWEEN ? AND ?)"
            " OR a.id IN (SELECT account_id FROM visits WHERE deleted_at IS NULL"
            "             AND follow_up_on BETWEEN ? AND ?))"
            " ORDER BY a.name, a.id",
            (first.isoformat(), last.isoformat(), first.isoformat(), last.isoformat()),
        ).fetchall()
    return [aid for (aid,) in rows]

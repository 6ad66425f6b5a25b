"""Speed of printed documents against their targets.

Run: python benchmarks/bench_documents.py [--accounts 300] [--batch 100] [--keep PATH]

- one dossier of a typical account (the median-sized sample account): build, PDF, Word;
  target <= 100 ms to PDF and <= 100 ms to Word (rendering, after the first document);
- a batch of dossiers into a folder of PDFs using every core: target <= 10 s for 100;
- the same Word dossier converted to PDF by LibreOffice headless (`soffice`), when installed:
  kamdesk's own PDF should be >= 20x faster.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from kamdesk.documents import render
from kamdesk.services.demo import fill
from kamdesk.services.printing import Printer, write
from kamdesk.services.workbench import Workbench

TARGET_ONE_MS = 100.0
TARGET_BATCH_S = 10.0
TARGET_LIBREOFFICE_RATIO = 20.0
RUNS = 15


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--accounts", type=int, default=300)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="build the archive here, or reuse it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        path = args.keep or Path(scratch) / "bench.kamdesk"
        if not path.exists():
            with Workbench.open(path) as wb:
                fill(wb.archive, args.accounts, seed=2024)
        print(f"kamdesk documents benchmark · {os.cpu_count()} cores · {path}")
        with Workbench.open(path, write=False) as wb:
            bench(wb, Path(scratch), args.batch)


def timed(action: object, runs: int = RUNS) -> float:
    """Median milliseconds of `runs` calls (after one warm-up call)."""
    action()  # type: ignore[operator]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def bench(wb: Workbench, scratch: Path, batch: int) -> None:
    printer = Printer(wb, today=date.today())
    with wb.archive.raw_reading() as conn:
        rows = conn.execute(
            "SELECT a.id, count(c.id) AS n FROM accounts a LEFT JOIN contacts c"
            " ON c.account_id = a.id AND c.deleted_at IS NULL WHERE a.deleted_at IS NULL"
            " GROUP BY a.id ORDER BY n, a.id"
        ).fetchall()
    typical = rows[len(rows) // 2][0]
    printer.standings()  # once per batch, like the desktop and the CLI
    build_ms = timed(lambda: printer.dossier(typical))
    document = printer.dossier(typical).document
    pdf_ms = timed(lambda: render(document, "pdf"))
    docx_ms = timed(lambda: render(document, "docx"))
    pdf = render(document, "pdf")
    print(f"typical account: {rows[len(rows) // 2][1]} contacts, {len(pdf) // 1024} KB PDF")
    print(f"  build the document     {build_ms:7.1f} ms")
    ok = pdf_ms <= TARGET_ONE_MS
    print(
        f"  render PDF             {pdf_ms:7.1f} ms  (target <= {TARGET_ONE_MS:.0f}) {verdict(ok)}"
    )
    ok = docx_ms <= TARGET_ONE_MS
    print(
        f"  render Word            {docx_ms:7.1f} ms  (target <= {TARGET_ONE_MS:.0f}) {verdict(ok)}"
    )

    ids = [aid for aid, _n in rows[:batch]]
    started = time.perf_counter()
    printables = [printer.dossier(aid) for aid in ids]
    built = time.perf_counter() - started
    started = time.perf_counter()
    write(printables, "pdf", scratch / "batch")
    rendered = time.perf_counter() - started
    total = built + rendered
    print(
        f"batch of {len(ids)} dossiers to PDF files: {total:.2f} s "
        f"(build {built:.2f} s, render on {os.cpu_count()} cores {rendered:.2f} s)"
        f"  (target <= {TARGET_BATCH_S:.0f} s) {verdict(total <= TARGET_BATCH_S)}"
    )
    started = time.perf_counter()
    write(printables, "pdf", scratch / "batch.pdf")
    print(f"  the same into one combined PDF: {time.perf_counter() - started:.2f} s")

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice: not installed (apt-get install libreoffice-writer-nogui); skipped")
        return
    source = scratch / "dossier.docx"
    source.write_bytes(render(document, "docx"))
    profile = scratch / "lo-profile"
    command = [
        soffice,
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(scratch / "lo"),
        str(source),
    ]
    subprocess.run(command, capture_output=True, check=True, timeout=300)  # first start
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, timeout=300)
        times.append((time.perf_counter() - started) * 1000)
    lo_ms = statistics.median(times)
    ratio = lo_ms / pdf_ms
    ok = ratio >= TARGET_LIBREOFFICE_RATIO
    print(
        f"LibreOffice headless, Word -> PDF: {lo_ms:.0f} ms; kamdesk's PDF is {ratio:.0f}x faster"
        f"  (target >= {TARGET_LIBREOFFICE_RATIO:.0f}x) {verdict(ok)}"
    )


if __name__ == "__main__":
    sys.exit(main())

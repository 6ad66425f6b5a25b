"""Speed and size of the self-contained app (packaging/), against the issue's target.

- cold start of the frozen app to an interactive main window (target: <= 0.6 s), measured as
  bench_gui.py measures the desktop from source: a new process each time, offscreen, the window
  painted and answering input while the archive opens off the GUI thread. The time until the
  archive's first page is painted, the same start from source, and (on Linux) the processor
  time each had used when its window was up are printed beside it. The kinds of start take
  turns, so a burst of load on a shared machine falls on all of them alike;
- what the bundle costs before kamdesk's code runs: a frozen one-line program (bootloader and
  Python's start-up from the bundle) against the same line run by python;
- the size of the bundle on disk and of its compressed archive.

Runs offscreen, builds into a scratch folder unless given a built one.
Run: python benchmarks/bench_frozen.py [--bundle dist/kamdesk] [--accounts 2000] [--starts 9]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

import build as packaging  # noqa: E402  (packaging/build.py)

START_TARGET_S = 0.6
Stats = dict[str, tuple[float, float]]
"""Per stamp: (median, best) seconds."""
HELLO = 'import time; print("main", time.time(), flush=True)\n'


def timed(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from launch to each stamp the program prints ("name epoch"); "exit" at the end;
    on Linux also "cpu": the processor time the process had used when it printed "window"."""
    started = time.time()
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    stamps: dict[str, float] = {}
    for line in process.stdout:
        parts = line.split()
        if len(parts) == 2 and parts[0] in ("main", "window", "ready"):
            stamps[parts[0]] = float(parts[1]) - started
            if parts[0] == "window" and CPU_CLOCK:
                stamps["cpu"] = cpu_seconds(process.pid)
    if process.wait() != 0:
        raise subprocess.CalledProcessError(process.returncode, command)
    stamps["exit"] = time.time() - started
    return stamps


CPU_CLOCK = os.sysconf("SC_CLK_TCK") if sys.platform.startswith("linux") else 0


def cpu_seconds(pid: int) -> float:
    """User and system time of a running process and its finished threads (/proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CPU_CLOCK


def measure(commands: dict[str, list[str]], env: dict[str, str], starts: int) -> dict[str, Stats]:
    """Each command started `starts` times, in turns (so a burst of load on a shared machine
    falls on all of them alike), after one start each to fill the file cache."""
    for command in commands.values():
        timed(command, env)
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for _ in range(starts):
        for name, command in commands.items():
            runs[name].append(timed(command, env))
    return {
        name: {
            stamp: (statistics.median(r[stamp] for r in done), min(r[stamp] for r in done))
            for stamp in done[0]
        }
        for name, done in runs.items()
    }


def frozen_hello(scratch: Path) -> Path:
    """A one-line program frozen the same way (one folder), for the cost of the bundle alone."""
    script = scratch / "hello.py"
    script.write_text(HELLO, encoding="utf-8")
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
            "--distpath", str(scratch / "hello-dist"), "--workpath", str(scratch / "hello-work"),
            "--specpath", str(scratch), str(script),
        ],
        check=True,
    )  # fmt: skip
    return scratch / "hello-dist" / "hello" / ("hello.exe" if sys.platform == "win32" else "hello")


def sample_archive(path: Path, accounts: int) -> None:
    from kamdesk.services.demo import fill
    from kamdesk.services.workbench import Workbench

    with Workbench.open(path) as wb:
        took = time.perf_counter()
        fill(wb.archive, accounts, seed=5)
        wb.engine.refresh_cache()
        print(f"archive of {accounts:,} accounts built in {time.perf_counter() - took:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, help="a built bundle folder (else build one)")
    parser.add_argument("--accounts", type=int, default=2_000, help="~5 contacts each")
    parser.add_argument("--starts", type=int, default=9, help="starts measured of each kind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kamdesk-bench-frozen-") as folder:
        scratch = Path(folder)
        if args.bundle:
            bundle = args.bundle.resolve()
            files, size = packaging.folder_size(bundle)
            archives = sorted(bundle.parent.glob(f"{packaging.APP}-*-*.*"))
            compressed = archives[-1].stat().st_size if archives else None
        else:
            result = packaging.build(scratch / "dist", scratch / "work")
            bundle, files, size, compressed = (
                result.bundle, result.files, result.size, result.compressed
            )  # fmt: skip
        executable = bundle / packaging.EXE
        archive = scratch / "bench.kamdesk"
        sample_archive(archive, args.accounts)
        home = scratch / "home"
        env = {k: v for k, v in os.environ.items() if not k.startswith("KAMDESK_")}
        env.update(
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CACHE_HOME=str(home / "cache"),
            KAMDESK_LOGS=str(home / "logs"),
            QT_QPA_PLATFORM="offscreen",
            KAMDESK_SMOKE="1",
        )
        hello = frozen_hello(scratch)

        times = measure(
            {
                "frozen": [str(executable), "--db", str(archive)],
                "source": [sys.executable, "-m", "kamdesk", "--db", str(archive)],
                "frozen hello": [str(hello)],
                "python hello": [sys.executable, "-S", "-c", HELLO],
            },
            env,
            args.starts,
        )

    frozen, source = times["frozen"], times["source"]
    print(f"kamdesk frozen app benchmark · {args.accounts:,} accounts · {args.starts} starts each")
    window, best = frozen["window"]
    mark = "ok" if window <= START_TARGET_S else "OVER"
    print(
        f"  cold start to an interactive window: median {window:.2f} s, best {best:.2f} s"
        f" (target <= {START_TARGET_S:g} s) {mark}"
    )
    if "cpu" in frozen:
        print(
            f"  processor time used by then: frozen {frozen['cpu'][0]:.2f} s,"
            f" from source {source['cpu'][0]:.2f} s"
        )
    print(
        f"  archive's first page painted {frozen['ready'][0]:.2f} s after launch;"
        f" from source: window {source['window'][0]:.2f} s, first page {source['ready'][0]:.2f} s"
    )
    print(
        "  the bundle alone: a frozen one-line program reaches its first line in"
        f" {times['frozen hello']['main'][0]:.3f} s"
        f" (python -S: {times['python hello']['main'][0]:.3f} s)"
    )
    print(f"  bundle: {files} files, {packaging.megabytes(size)} on disk", end="")
    if compressed is not None:
        print(f", {packaging.megabytes(compressed)} compressed")
    else:
        print(" (no archive beside it)")


if __name__ == "__main__":
    main()

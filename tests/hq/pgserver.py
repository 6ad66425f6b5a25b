"""A throwaway PostgreSQL server for the HQ tests and benchmark: initdb and pg_ctl from the
installed binaries (Debian's /usr/lib/postgresql/*/bin), a temporary folder, loopback only.

initdb refuses to run as root, so under root the server runs as the `postgres` user (the
folder is handed to it). Plain module, no pytest: the benchmark loads it too.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (the newest installed version), or None."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    found = shutil.which("initdb")
    if found:
        candidates.append(Path(found).parent)
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class TemporaryServer:
    """start() gives a URL of the `postgres` superuser (trust login on 127.0.0.1); stop()
    stops the server and removes its folder."""

    def __init__(self, bin_dir: Path, *, durable: bool = False) -> None:
        self.bin_dir = bin_dir
        self.durable = durable  # fsync as in production (the benchmark), or off (tests)
        self.folder: Path | None = None
        self.port = 0
        self._user: str | None = None

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(a) for a in args]
        if self._user is not None:
            command = ["runuser", "-u", self._user, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd="/")

    def start(self) -> str:
        self.folder = Path(tempfile.mkdtemp(prefix="kamdesk-pg-"))
        if os.geteuid() == 0:
            self._user = "postgres"
            record = pwd.getpwnam(self._user)  # KeyError: no such user
            os.chown(self.folder, record.pw_uid, record.pw_gid)
        data = self.folder / "data"
        done = self._run(
            self.bin_dir / "initdb",
            "-D",
            str(data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--no-locale",
        )
        if done.returncode:
            raise RuntimeError(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")
        self.port = _free_port()
        options = [
            "-c listen_addresses=127.0.0.1",
            f"-c port={self.port}",
            f"-c unix_socket_directories={self.folder}",
            "-c max_connections=40",
        ]
        if not self.durable:
            options += ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]
        done = self._run(
            self.bin_dir / "pg_ctl",
            "-D",
            str(data),
            "-l",
            str(self.folder / "server.log"),
            "-o",
            " ".join(options),
            "-w",
            "-t",
            "60",
            "start",
        )
        if done.returncode:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            self.stop()
            raise RuntimeError(f"pg_ctl start failed: {done.stderr.strip()} {tail}")
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        if self.folder is None:
            return
        data = self.folder / "data"
        if (data / "postmaster.pid").exists():
            self._run(self.bin_dir / "pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

"""Start-up: one QApplication, the bundled font, the language, one window per archive."""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMessageBox

from kamdesk.i18n import _
from kamdesk.ui import i18n
from kamdesk.ui.context import Context
from kamdesk.ui.errors import install_excepthook
from kamdesk.ui.main_window import MainWindow
from kamdesk.ui.ops import Op
from kamdesk.ui.resources import apply_font, register_font

log = logging.getLogger("kamdesk.ui")

SMOKE = "KAMDESK_SMOKE"
"""When set, the desktop prints when its window and then the archive's first page are painted,
and quits: the packaging smoke test and the start-up benchmark start it this way."""


def instance_name(path: Path) -> str:
    """A local socket name unique to one archive file (for the one-window-per-archive rule)."""
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"kamdesk-{digest}"


def ask_running_copy(name: str) -> bool:
    """True when another kamdesk already has this archive open (and was asked to come forward)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(300):
        return False
    socket.write(b"raise\n")
    socket.waitForBytesWritten(300)
    socket.disconnectFromServer()
    return True


def listen(name: str, window: MainWindow) -> QLocalServer:
    """Answer later copies: bring this window to the front."""
    server = QLocalServer(window)
    if not server.listen(name):
        QLocalServer.removeServer(name)  # a stale socket left by a crash
        server.listen(name)

    def come_forward() -> None:
        while server.hasPendingConnections():
            server.nextPendingConnection().deleteLater()
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()

    server.newConnection.connect(come_forward)
    return server


def make_application(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication with kamdesk's names, bundled font and language."""
    existing = QApplication.instance()
    app = (
        existing if isinstance(existing, QApplication) else QApplication(list(argv) or ["kamdesk"])
    )
    app.setOrganizationName("kamdesk")
    app.setApplicationName("kamdesk")
    family = register_font()
    if family:
        app.setFont(apply_font(app.font(), family))
    return app


def run(path: Path, *, sample_data: bool = False, argv: Sequence[str] = ()) -> int:
    """Open the desktop on the archive at `path`; returns the exit status.

    `sample_data`: a brand-new default archive, filled with sample customers on first start.
    """
    app = make_application(argv or sys.argv[:1])
    settings = QSettings()
    i18n.install(app, i18n.chosen_language(settings))
    name = instance_name(path)
    if ask_running_copy(name):
        QMessageBox.information(
            None,
            "kamdesk",
            _("kamdesk is already open on {p}; that window has been brought to the front.").format(
                p=path
            ),
        )
        return 0
    from kamdesk.services.paths import start_log

    start_log()
    install_excepthook()
    ctx = Context(None, settings)
    window = MainWindow(ctx, path)
    server = listen(name, window)
    window.show()  # at once: the archive opens (and SQLAlchemy loads) off the GUI thread
    window.open_archive(sample_data=sample_data)
    if os.environ.get(SMOKE):
        quit_when_ready(app, window)
    try:
        status = int(app.exec())
        return 1 if window.open_failed else status
    finally:
        server.close()
        Op.finish_all()
        if ctx.is_open:
            ctx.wb.close()


def quit_when_ready(app: QApplication, window: MainWindow) -> None:
    """Print "window <time>" once the window is painted, "ready <time>" once the archive is
    open and its first page painted, then quit the normal way."""

    def painted(stage: str) -> None:
        window.repaint()
        print(stage, time.time(), flush=True)

    def ready() -> None:
        painted("ready")
        app.quit()

    QTimer.singleShot(0, lambda: painted("window"))
    window.opened.connect(ready)

"""What the frozen app leaves out: Python packages it never imports, and the parts of Qt it never
loads (QML and Quick, which the virtual keyboard plugin would drag in, 3D, WebEngine, multimedia,
SQL drivers, embedded-device platforms, the other languages' Qt catalogues).

Read by packaging/kamdesk.spec; `keep()` filters PyInstaller's lists of binaries and data files.
"""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

UNUSED_QT = (
    "Qml", "Quick", "Quick3D", "QuickControls2", "QuickWidgets", "QuickTest", "3DCore",
    "3DRender", "3DInput", "3DLogic", "3DAnimation", "3DExtras", "WebEngineCore",
    "WebEngineWidgets", "WebEngineQuick", "WebChannel", "WebSockets", "WebView", "Multimedia",
    "MultimediaWidgets", "SpatialAudio", "TextToSpeech", "OpenGL", "OpenGLWidgets", "Sql", "Svg",
    "SvgWidgets", "Test", "Designer", "Help", "UiTools", "Xml", "DBus", "Concurrent",
    "StateMachine", "Scxml", "RemoteObjects", "Sensors", "SerialPort", "SerialBus", "Bluetooth",
    "Nfc", "Positioning", "Location", "Charts", "DataVisualization", "Graphs", "GraphsWidgets",
    "Pdf", "PdfWidgets", "HttpServer", "NetworkAuth", "AxContainer",
)  # fmt: skip

EXCLUDED_MODULES = [
    # tools of the developer, the tests and the build, never of the app
    "PyInstaller",
    "_pyinstaller_hooks_contrib",
    "pytest",
    "_pytest",
    "pytestqt",
    "pluggy",
    "iniconfig",
    "mypy",
    "mypyc",
    "ruff",
    "pip",
    "setuptools",
    "pkg_resources",  # its runtime hook would import it at every start: 0.1–0.25 s
    "_distutils_hack",
    "distutils",
    "lib2to3",
    "ensurepip",
    "venv",
    "idlelib",
    "pydoc_data",
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "lunar_python",  # the tests' independent check of the lunar calendar
    "pygments",
    "icalendar.tests",
    "alembic.testing",
    "sqlalchemy.testing",
    # optional imports of our libraries that the app does not use
    "numpy",
    "matplotlib",
    "IPython",
    "psycopg",  # headquarters' consolidation on PostgreSQL runs at HQ, not in the field app
    "psycopg_binary",
    "psycopg_c",
    "psycopg2",
    "pysqlite2",
    "MySQLdb",
    "pymysql",
    "cx_Oracle",
    "oracledb",
    "pyodbc",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "PIL._avif",  # documents are drawn to PNG; AVIF, WebP and colour management go unused
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "lxml.objectify",
    "readline",
    # Qt modules kamdesk does not import (it uses QtCore, QtGui, QtWidgets, QtNetwork's local
    # sockets and QtPrintSupport)
    *(f"PySide6.Qt{name}" for name in UNUSED_QT),
]

QT_DROPPED = [
    # QML, Quick and what only they need
    "libQt6Qml*",
    "libQt6Quick*",
    "libQt6Labs*",
    "libQt6Lottie*",
    "libQt6VirtualKeyboard*",
    "libpyside6qml*",
    "Qt6Qml*",
    "Qt6Quick*",
    "Qt6VirtualKeyboard*",
    "pyside6qml*",
    "*/platforminputcontexts/*qtvirtualkeyboard*",
    "*/qmltooling/*",
    "*/qmllint/*",
    "*/qml/*",
    "*/designer/*",
    "*/vectorimageformats/*",
    # modules kamdesk does not use
    "libQt6Designer*",
    "libQt6Help*",
    "libQt6Sql*",
    "libQt6Test*",
    "libQt6UiTools*",
    "libQt6SvgWidgets*",
    "libQt6OpenGLWidgets*",
    "libQt6Pdf*",
    "libQt6Concurrent*",
    "libQt6Xml.*",
    "libQt6WaylandCompositor*",
    "libQt6WaylandEglCompositor*",
    "libQt6WlShellIntegration*",
    "*/sqldrivers/*",
    "*/imageformats/*qpdf*",
    "*/imageformats/*qsvg*",
    "*/iconengines/*qsvg*",
    "*/wayland-graphics-integration-server/*",
    # Wayland desktops use xdg-shell; the other shells are for kiosks, cars and Qt's compositor
    "*/wayland-shell-integration/*ivi-shell*",
    "*/wayland-shell-integration/*qt-shell*",
    "*/wayland-shell-integration/*fullscreen-shell*",
    "*/wayland-shell-integration/*wl-shell*",
    "*/networkinformation/*",
    "*/tls/*",  # local sockets only; no TLS in kamdesk
    # GTK's look and dialogs: it would bring cairo, pango and more, and needs the system's GTK
    # 3 to match them; without it Qt draws its own (Fusion) style and dialogs
    "*/platformthemes/*qgtk3*",
    # platforms of embedded devices (framebuffer, EGL full screen, VNC, Vulkan display)
    "*/platforms/*qeglfs*",
    "*/platforms/*qlinuxfb*",
    "*/platforms/*qminimalegl*",
    "*/platforms/*qvnc*",
    "*/platforms/*qvkkhrdisplay*",
    "*/egldeviceintegrations/*",
    "*/generic/*",
    "libQt6EglFS*",
    "libQt6EglFsKms*",
]

QT_CATALOGUES = ("qtbase_zh_CN.qm",)
"""Qt's own catalogues that are kept: the standard buttons and dialogs in Chinese (the desktop
loads qtbase_<language>; English needs none)."""


def _dropped_translation(dest: str) -> bool:
    path = Path(dest)
    return "translations" in path.parts and path.suffix == ".qm" and path.name not in QT_CATALOGUES


_PATTERNS = [re.compile(fnmatch.translate(p)) for p in QT_DROPPED]


def dropped(dest: str) -> bool:
    """Whether the file collected as `dest` (a path inside the bundle) is left out."""
    dest = dest.replace("\\", "/")
    if "PySide6/" not in dest and not Path(dest).name.startswith(("libQt6", "Qt6", "libpyside")):
        return False
    name = Path(dest).name
    return any(p.match(name) or p.match(dest) for p in _PATTERNS) or _dropped_translation(dest)


def keep(toc: Iterable[Any]) -> list[Any]:
    """An Analysis' (dest, source, kind) entries without those `dropped`."""
    return [entry for entry in toc if not dropped(entry[0])]


def keep_collected(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """A hook's (source, destination folder) pairs without those `dropped`."""
    return [
        (source, folder) for source, folder in pairs if not dropped(f"{folder}/{Path(source).name}")
    ]


def fresher_catalogues(folder: Path) -> list[Path]:
    """Date each compiled catalogue (.qm) under `folder` after its .ts; returns the .qm files.

    The desktop takes a shipped .qm only when it is not older than its .ts (otherwise it
    compiles the .ts again, which a bundle cannot: it has no lrelease). PyInstaller copies the
    files in name order, .qm before .ts; two seconds ahead survives zip's 2-second timestamps.
    """
    touched = []
    for qm in sorted(folder.rglob("*.qm")):
        ts = qm.with_suffix(".ts")
        if ts.exists():
            later = max(ts.stat().st_mtime, qm.stat().st_mtime) + 2
            os.utime(qm, (later, later))
            touched.append(qm)
    return touched


def strip_symbols(folder: Path) -> int:
    """Linux: strip the symbol tables and debug information from the shared libraries under
    `folder` (Python's own library alone drops from 23 to 6 MB); returns how many were stripped.

    Libraries that auditwheel vendored into `<package>.libs/` folders were rewritten by
    patchelf and come stripped already; they are left as they are.
    """
    strip = shutil.which("strip")
    if strip is None or not sys.platform.startswith("linux"):
        return 0
    libraries = [
        path
        for path in folder.rglob("*.so*")
        if path.is_file()
        and not path.is_symlink()
        and not any(part.endswith(".libs") for part in path.relative_to(folder).parts)
    ]
    for path in libraries:
        subprocess.run([strip, str(path)], check=True, capture_output=True)
    return len(libraries)


def windows_version_file(work: Path, version: str) -> str:
    """A version resource for kamdesk-app.exe (the file's Properties → Details)."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:3]]
    numbers += [0] * (4 - len(numbers))
    quad = tuple(numbers)
    path = work / "version_info.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    strings = {
        "CompanyName": "kamdesk",
        "FileDescription": "kamdesk — workbench for key account managers",
        "FileVersion": version,
        "InternalName": "kamdesk-app",
        "OriginalFilename": "kamdesk-app.exe",
        "ProductName": "kamdesk",
        "ProductVersion": version,
    }
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    path.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={quad}, prodvers={quad}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404b0', [
{entries}
    ])]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
""",
        encoding="utf-8",
    )
    return str(path)

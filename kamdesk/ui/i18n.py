"""The interface language: zh_CN or en, from the system locale unless chosen in Settings.

Every user-facing string in kamdesk goes through `kamdesk.i18n._`; in the desktop that calls
`QCoreApplication.translate("kamdesk", …)`, so one Qt Linguist catalogue
(`resources/i18n/kamdesk_zh_CN.ts`) serves the services' messages and the windows alike.
The catalogue is compiled with the `lrelease` that ships with PySide6: ahead of time by the
packaging recipes, or on first start into the user cache folder.
"""

from __future__ import annotations

import gettext
import subprocess
import sys
from pathlib import Path

import PySide6
from platformdirs import user_cache_dir
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from kamdesk import i18n
from kamdesk.resources import resources_dir

LANGUAGES = ("zh_CN", "en")
"""Languages the interface speaks; the first is the source of Chinese-first defaults."""

LANGUAGE_KEY = "ui/language"
CONTEXT = "kamdesk"


class QtCatalog(gettext.NullTranslations):
    """Routes `_()` to Qt's installed translators."""

    def gettext(self, message: str) -> str:
        return QCoreApplication.translate(CONTEXT, message)


def chosen_language(settings: QSettings) -> str:
    """The language set in Settings, or the system's when none is set."""
    value = str(settings.value(LANGUAGE_KEY, "") or "")
    if value in LANGUAGES:
        return value
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def lrelease() -> Path:
    """PySide6's Qt Linguist compiler."""
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).parent / name


def compiled_catalog(language: str, cache: Path | None = None) -> Path | None:
    """The `.qm` for `language`: shipped next to the `.ts`, else compiled into the cache."""
    source = resources_dir() / "i18n" / f"kamdesk_{language}.ts"
    if not source.exists():
        return None
    shipped = source.with_suffix(".qm")
    if shipped.exists() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    target = (cache or Path(user_cache_dir("kamdesk"))) / "i18n" / shipped.name
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [str(lrelease()), "-silent", str(source), "-qm", str(target)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        return None  # the interface stays in English rather than failing to start
    return target if target.exists() else None


def install(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load kamdesk's and Qt's own catalogues for `language`; English needs none."""
    translators: list[QTranslator] = []
    if language != "en":
        qm = compiled_catalog(language)
        ours = QTranslator(app)
        if qm is not None and ours.load(str(qm)):
            translators.append(ours)
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{language}", qt_dir):
            translators.append(qt_own)
    for translator in translators:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language if language != "en" else "en_GB"))
    i18n.install(QtCatalog())
    return translators

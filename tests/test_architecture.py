"""House rules that keep the core usable without a display."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import kamdesk

PACKAGE = Path(kamdesk.__file__).parent
GUI_ALLOWED = ("kamdesk.ui", "kamdesk.app", "kamdesk.__main__")


def core_modules() -> list[str]:
    names = [
        m.name
        for m in pkgutil.walk_packages([str(PACKAGE)], prefix="kamdesk.")
        if not m.name.startswith(GUI_ALLOWED) and ".migrations." not in m.name
    ]
    return ["kamdesk", *names]


def test_no_module_outside_ui_names_qt_in_its_imports() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        module = "kamdesk." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts)
        if module.startswith(GUI_ALLOWED):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            offenders += [
                f"{module}: {n}" for n in names if n.split(".")[0] in {"PySide6", "shiboken6"}
            ]
    assert offenders == []


def test_every_core_module_imports_with_qt_blocked() -> None:
    modules = core_modules()
    assert "kamdesk.cli" in modules and "kamdesk.services.workbench" in modules
    script = (
        "import sys\n"
        "sys.modules['PySide6'] = None\n"  # any import of PySide6 now fails
        "import importlib\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print('PySide6' in sys.modules and sys.modules['PySide6'] is not None)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_the_command_line_starts_without_pinyin_or_alembic_loaded() -> None:
    script = (
        "import sys\n"
        "from kamdesk.cli import build_parser\n"
        "build_parser()\n"
        "print(sorted(m for m in ('pypinyin', 'alembic', 'PySide6') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr

"""Keep the Chinese catalogue complete: collect every `_()` message, merge, check, compile.

    python packaging/translations.py update [--locations] [--drop-obsolete]
    python packaging/translations.py check
    python packaging/translations.py compile OUT_DIR

`update` reads every `kamdesk/**/*.py` with `ast`, takes the literal argument of each `_()`
call (adjacent literals are joined, as Python joins them) and the values of the tables listed in
TABLES, and merges them into `resources/i18n/kamdesk_zh_CN.ts`: translations are kept, new
messages arrive unfinished, messages gone from the code are marked vanished (or dropped).
`check` exits 1 listing what a translator still has to do. `compile` runs PySide6's lrelease.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import importlib.util
import os
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "kamdesk"
CATALOGUE = ROOT / "resources" / "i18n" / "kamdesk_zh_CN.ts"
CONTEXT = "kamdesk"
LANGUAGE = "zh_CN"
FUNCTION = "_"

TABLES: dict[str, tuple[str, ...]] = {
    # label(choice) looks the message up by "Enum.value" and calls _(message).
    "domain/labels.py": ("_MESSAGES",),
}
"""Per source file (relative to kamdesk/): module-level tables whose string values are messages
that the file translates with a computed `_()` call. Other computed calls are reported."""

COLLECTED_ELSEWHERE: dict[str, tuple[str, ...]] = {}
"""Per source file: computed calls, as `ast.unparse` writes them (e.g. "_(setting.label)"),
whose argument is always a message that a literal `_()` call elsewhere already declares."""

UNFINISHED = "unfinished"
VANISHED = "vanished"
OBSOLETE = "obsolete"


@dataclass(frozen=True, order=True)
class Location:
    """Where a message is used: a path relative to the repository, and a line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Scan:
    """What the code asks to translate."""

    messages: dict[str, list[Location]] = field(default_factory=dict)
    computed: list[tuple[Location, str]] = field(default_factory=list)
    """`_()` calls whose argument is not a literal and whose file declares no table."""
    missing_tables: list[str] = field(default_factory=list)

    def add(self, message: str, where: Location) -> None:
        self.messages.setdefault(message, []).append(where)


@dataclass
class Entry:
    """One message of the catalogue."""

    source: str
    translation: str = ""
    kind: str = UNFINISHED  # "" when finished; unfinished, vanished or obsolete otherwise
    locations: list[Location] = field(default_factory=list)
    comment: str | None = None  # disambiguation, kept as written
    translator_comment: str | None = None

    @property
    def current(self) -> bool:
        return self.kind not in (VANISHED, OBSOLETE)

    @property
    def finished(self) -> bool:
        return self.kind == "" and self.translation != ""


@dataclass
class Catalogue:
    """A Qt Linguist file: the `kamdesk` context, plus any other context kept as it is."""

    language: str = LANGUAGE
    entries: list[Entry] = field(default_factory=list)
    other_contexts: list[ET.Element] = field(default_factory=list)

    def by_source(self) -> dict[str, Entry]:
        return {entry.source: entry for entry in self.entries}


# --- reading the code ---------------------------------------------------------------------


def literal(node: ast.expr) -> str | None:
    """The text of a string literal, or of literals joined with +; None for anything computed."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value  # the parser already joined adjacent literals
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = literal(node.left), literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _table_values(tree: ast.Module, name: str) -> list[tuple[str, int]] | None:
    """The string values of the module-level dict, list, tuple or set called `name`."""
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        if not any(isinstance(t, ast.Name) and t.id == name for t in targets):
            continue
        items: Sequence[ast.expr | None]
        if isinstance(value, ast.Dict):
            items = value.values
        elif isinstance(value, ast.List | ast.Tuple | ast.Set):
            items = value.elts
        else:
            return None
        found = []
        for item in items:
            text = literal(item) if item is not None else None
            if text is not None and item is not None:
                found.append((text, item.lineno))
        return found
    return None


def scan_file(
    path: Path,
    root: Path,
    scan: Scan,
    tables: dict[str, tuple[str, ...]],
    elsewhere: dict[str, tuple[str, ...]] | None = None,
) -> None:
    """Add the messages of one source file to `scan`."""
    elsewhere = COLLECTED_ELSEWHERE if elsewhere is None else elsewhere
    shown = path.relative_to(root.parent).as_posix()
    key = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == FUNCTION
            and node.args
        ):
            continue
        text = literal(node.args[0])
        where = Location(shown, node.lineno)
        code = ast.unparse(node)
        if text is not None:
            scan.add(text, where)
        elif key not in tables and code not in elsewhere.get(key, ()):
            scan.computed.append((where, code))
    for name in tables.get(key, ()):
        values = _table_values(tree, name)
        if values is None:
            scan.missing_tables.append(f"{shown}: {name}")
            continue
        for text, line in values:
            scan.add(text, Location(shown, line))


def extract(
    root: Path | None = None,
    tables: dict[str, tuple[str, ...]] | None = None,
    elsewhere: dict[str, tuple[str, ...]] | None = None,
) -> Scan:
    """Every message under `root` (kamdesk/), in the order of files (by path) and lines."""
    root = SOURCES if root is None else root
    tables = TABLES if tables is None else tables
    scan = Scan()
    for path in sorted(root.rglob("*.py")):
        scan_file(path, root, scan, tables, elsewhere)
    for key in tables:
        if not (root / key).exists():
            scan.missing_tables.append(f"{key}: no such file")
    for places in scan.messages.values():
        places.sort()
    scan.messages = dict(sorted(scan.messages.items(), key=lambda item: item[1][0]))
    return scan


# --- the catalogue ------------------------------------------------------------------------


def read_catalogue(path: Path | None = None) -> Catalogue:
    """The catalogue at `path` (kamdesk_zh_CN.ts); an empty one when there is no file yet."""
    path = CATALOGUE if path is None else path
    if not path.exists():
        return Catalogue()
    root = ET.parse(path).getroot()
    if root.tag != "TS":
        raise ValueError(f"{path}: not a Qt Linguist file (root <{root.tag}>)")
    catalogue = Catalogue(language=root.get("language", LANGUAGE))
    for context in root.findall("context"):
        if context.findtext("name") != CONTEXT:
            catalogue.other_contexts.append(context)
            continue
        for message in context.findall("message"):
            translation = message.find("translation")
            locations = [
                Location(loc.get("filename", ""), int(loc.get("line", "0") or 0))
                for loc in message.findall("location")
            ]
            catalogue.entries.append(
                Entry(
                    source=message.findtext("source") or "",
                    translation=(translation.text or "") if translation is not None else "",
                    kind=translation.get("type", "") if translation is not None else UNFINISHED,
                    locations=locations,
                    comment=message.findtext("comment"),
                    translator_comment=message.findtext("translatorcomment"),
                )
            )
    return catalogue


def _text(value: str) -> str:
    return escape(value, {'"': "&quot;", "'": "&apos;"})


def render(catalogue: Catalogue) -> str:
    """The catalogue as Qt Linguist XML, laid out as lupdate writes it."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        f'<TS version="2.1" language={quoteattr(catalogue.language)}>',
        "<context>",
        f"    <name>{CONTEXT}</name>",
    ]
    for entry in catalogue.entries:
        lines.append("    <message>")
        for where in entry.locations:
            lines.append(
                f'        <location filename={quoteattr(where.path)} line="{where.line}"/>'
            )
        lines.append(f"        <source>{_text(entry.source)}</source>")
        if entry.comment is not None:
            lines.append(f"        <comment>{_text(entry.comment)}</comment>")
        if entry.translator_comment is not None:
            lines.append(
                f"        <translatorcomment>{_text(entry.translator_comment)}</translatorcomment>"
            )
        kind = f" type={quoteattr(entry.kind)}" if entry.kind else ""
        lines.append(f"        <translation{kind}>{_text(entry.translation)}</translation>")
        lines.append("    </message>")
    lines.append("</context>")
    for context in catalogue.other_contexts:
        ET.indent(context, space="    ")
        lines.append(ET.tostring(context, encoding="unicode").rstrip())
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


def merge(
    catalogue: Catalogue,
    scan: Scan,
    *,
    locations: bool = False,
    drop_obsolete: bool = False,
    base: Path = Path(),
) -> Catalogue:
    """The catalogue for the code as scanned: existing translations kept, in the code's order.

    A message gone from the code keeps its translation under type="vanished" (lrelease leaves it
    out) unless `drop_obsolete`; one that never had a translation is simply dropped. With
    `locations`, each use is written as `base` (the way from the .ts file's folder to the
    repository) joined with its path, and its line.
    """
    known = catalogue.by_source()
    entries = []
    for source, places in scan.messages.items():
        old = known.pop(source, None)
        entry = Entry(source) if old is None else dataclasses.replace(old)
        if entry.kind in (VANISHED, OBSOLETE):
            entry.kind = "" if entry.translation else UNFINISHED
        if not entry.translation:
            entry.kind = UNFINISHED
        entry.locations = (
            [Location((base / p.path).as_posix(), p.line) for p in places] if locations else []
        )
        entries.append(entry)
    for old in known.values():
        if drop_obsolete or not old.translation:
            continue
        entries.append(
            Entry(
                old.source,
                old.translation,
                old.kind if old.kind == OBSOLETE else VANISHED,
                [],
                old.comment,
                old.translator_comment,
            )
        )
    return Catalogue(catalogue.language, entries, catalogue.other_contexts)


# --- checking -----------------------------------------------------------------------------


def placeholders(text: str) -> list[str]:
    """The `{fields}` of a str.format text, sorted; raises ValueError on unbalanced braces."""
    return sorted(
        "{" + name + (f"!{conv}" if conv else "") + (f":{spec}" if spec else "") + "}"
        for _literal, name, spec, conv in string.Formatter().parse(text)
        if name is not None
    )


def accelerator(text: str) -> bool:
    """Whether a menu text marks a shortcut letter with a single `&`."""
    plain = text.replace("&&", "")
    return any(plain[i] == "&" and plain[i + 1 : i + 2].strip() for i in range(len(plain)))


def problems(catalogue: Catalogue, scan: Scan) -> list[str]:
    """Everything standing between the code and a complete, consistent translation."""
    found: list[str] = []
    known = catalogue.by_source()
    for source, places in scan.messages.items():
        where = places[0]
        entry = known.get(source)
        if entry is None or not entry.current:
            found.append(f"{where}: not in the catalogue (run update): {source!r}")
        elif not entry.finished:
            found.append(f"{where}: not translated: {source!r}")
        else:
            found += [f"{where}: {p}" for p in entry_problems(entry)]
    found += [
        f"{where}: _() of a computed text; name its table in TABLES (or the call in "
        f"COLLECTED_ELSEWHERE) of packaging/translations.py: {code}"
        for where, code in scan.computed
    ]
    found += [f"TABLES names a table that is not there: {t}" for t in scan.missing_tables]
    return found


def entry_problems(entry: Entry) -> list[str]:
    """What is wrong with one translated message."""
    try:
        wanted = placeholders(entry.source)
    except ValueError:
        wanted = []  # a source text that is never formatted may hold a lone brace
    try:
        given = placeholders(entry.translation)
    except ValueError:
        return [f"unbalanced braces in the translation of {entry.source!r}"]
    found = []
    if given != wanted:
        found.append(
            f"placeholders differ: {entry.source!r} has {wanted}, {entry.translation!r} has {given}"
        )
    if accelerator(entry.source) and not accelerator(entry.translation):
        found.append(f"the translation of {entry.source!r} lost its & shortcut")
    return found


# --- compiling ----------------------------------------------------------------------------


def find_lrelease() -> str | None:
    """The lrelease that ships with PySide6, else one on the PATH."""
    spec = importlib.util.find_spec("PySide6")
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    for folder in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(folder) / name
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_catalogues(out_dir: Path, sources: Iterable[Path] | None = None) -> list[Path]:
    """Compile each `.ts` (all of resources/i18n by default) to `out_dir/<name>.qm`."""
    tool = find_lrelease()
    if tool is None:
        raise RuntimeError("lrelease not found: install PySide6 (pip install PySide6-Essentials)")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted(sources if sources is not None else CATALOGUE.parent.glob("*.ts")):
        target = out_dir / source.with_suffix(".qm").name
        result = subprocess.run(
            [tool, "-silent", "-nounfinished", str(source), "-qm", str(target)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if result.returncode != 0 or not target.exists():
            raise RuntimeError(f"lrelease failed on {source.name}: {result.stderr.strip()}")
        written.append(target)
    return written


# --- the command line ---------------------------------------------------------------------


def update(
    path: Path | None = None, *, locations: bool = False, drop_obsolete: bool = False
) -> str:
    """Merge the code's messages into the catalogue at `path`; returns a one-line summary."""
    path = CATALOGUE if path is None else path
    scan = extract()
    old = read_catalogue(path)
    base = Path(os.path.relpath(SOURCES.parent, path.parent))
    new = merge(old, scan, locations=locations, drop_obsolete=drop_obsolete, base=base)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(new), encoding="utf-8")
    before = {e.source for e in old.entries if e.current}
    added = sum(1 for e in new.entries if e.current and e.source not in before)
    vanished = sum(1 for e in new.entries if not e.current and e.source in before)
    todo = sum(1 for e in new.entries if e.current and not e.finished)
    return (
        f"{path.name}: {len(scan.messages)} messages, {added} new, {vanished} vanished, "
        f"{todo} to translate"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    commands = parser.add_subparsers(dest="command", required=True)
    up = commands.add_parser("update", help="merge the code's messages into the catalogue")
    up.add_argument("--locations", action="store_true", help="write <location> of each use")
    up.add_argument("--drop-obsolete", action="store_true", help="drop vanished messages")
    commands.add_parser("check", help="exit 1 when a message lacks a sound translation")
    build = commands.add_parser("compile", help="compile the catalogues to .qm with lrelease")
    build.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)

    if args.command == "update":
        print(update(locations=args.locations, drop_obsolete=args.drop_obsolete))
        return 0
    if args.command == "check":
        scan = extract()
        found = problems(read_catalogue(), scan)
        for line in found:
            print(line)
        print(f"{len(scan.messages)} messages, {len(found)} problems", file=sys.stderr)
        return 1 if found else 0
    try:
        for target in compile_catalogues(args.out_dir):
            print(target)
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

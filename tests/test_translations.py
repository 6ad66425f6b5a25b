"""The Chinese catalogue covers every message in the code, keeps its placeholders, compiles,
and turns the desktop Chinese; the tool that keeps it so reads and merges correctly."""

from __future__ import annotations

import gettext
import importlib.util
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "kamdesk_translations", ROOT / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while they are made
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
ADVICE = "run `python packaging/translations.py update`, translate in resources/i18n/*.ts"


# --- the catalogue as it is ---------------------------------------------------------------


def test_the_catalogue_translates_every_message_in_the_code() -> None:
    scan = tool.extract()
    known = tool.read_catalogue().by_source()
    assert len(scan.messages) > 500
    missing = [
        f"{places[0]}: {source!r}"
        for source, places in scan.messages.items()
        if source not in known or not known[source].current or not known[source].finished
    ]
    assert not missing, ADVICE + ":\n" + "\n".join(missing)


def test_choice_labels_behind_a_computed_call_are_collected_too() -> None:
    scan = tool.extract()
    assert "vice president" in scan.messages
    assert "cooperation anniversary" in scan.messages
    assert scan.messages["owner / chairman"][0].path == "kamdesk/domain/labels.py"


def test_every_computed_translation_names_the_table_it_reads() -> None:
    scan = tool.extract()
    assert scan.computed == [], "see TABLES and COLLECTED_ELSEWHERE in packaging/translations.py"
    assert scan.missing_tables == []


def test_translations_keep_the_placeholders_and_menu_shortcuts() -> None:
    catalogue = tool.read_catalogue()
    found = [p for entry in catalogue.entries if entry.finished for p in tool.entry_problems(entry)]
    assert found == []


def test_the_catalogue_is_a_well_formed_qt_linguist_file() -> None:
    root = ET.parse(tool.CATALOGUE).getroot()
    assert (root.tag, root.get("version"), root.get("language")) == ("TS", "2.1", "zh_CN")
    contexts = root.findall("context")
    assert [c.findtext("name") for c in contexts] == ["kamdesk"]
    sources = [m.findtext("source") for m in contexts[0].findall("message")]
    assert all(sources) and len(sources) == len(set(sources))
    assert all(m.find("translation") is not None for m in contexts[0].findall("message"))


def test_menu_texts_keep_their_shortcut_letter() -> None:
    known = tool.read_catalogue().by_source()
    assert known["&File"].translation == "文件(&F)"
    assert tool.accelerator(known["Load &sample data"].translation)


@pytest.fixture
def compiled(tmp_path: Path) -> Path:
    if tool.find_lrelease() is None:
        pytest.skip("lrelease is not installed")
    [qm] = tool.compile_catalogues(tmp_path, [tool.CATALOGUE])
    return Path(qm)


def test_lrelease_compiles_the_catalogue(compiled: Path) -> None:
    assert compiled.name == "kamdesk_zh_CN.qm"
    assert compiled.stat().st_size > 10_000


# --- the desktop in Chinese ---------------------------------------------------------------


@pytest.fixture
def chinese(qapp: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """The interface installed in zh_CN as the desktop does it; English again afterwards."""
    from PySide6.QtCore import QCoreApplication, QLocale

    from kamdesk import i18n
    from kamdesk.ui import i18n as ui_i18n

    if tool.find_lrelease() is None:
        pytest.skip("lrelease is not installed")
    monkeypatch.delenv("KAMDESK_RESOURCES", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # compile into this test's folder
    app = QCoreApplication.instance()
    assert app is not None
    before = QLocale()
    translators = ui_i18n.install(app, "zh_CN")
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        i18n.install(gettext.NullTranslations())
        QLocale.setDefault(before)


def test_the_desktop_speaks_chinese_with_the_catalogue_installed(chinese: None) -> None:
    from kamdesk.domain.enums import ContactLevel, IssueStatus
    from kamdesk.domain.labels import label
    from kamdesk.i18n import _

    assert _("Accounts") == "客户"
    assert label(ContactLevel.VP) == "副总裁"
    assert label(IssueStatus.IN_PROGRESS) == "处理中"
    assert _("{n} accounts").format(n=3) == "3 个客户"


def test_english_is_back_after_the_chinese_test() -> None:
    from kamdesk.domain.enums import ContactLevel
    from kamdesk.domain.labels import label
    from kamdesk.i18n import _

    assert _("Accounts") == "Accounts"
    assert label(ContactLevel.VP) == "vice president"


# --- the tool -----------------------------------------------------------------------------


def write(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A small package: literals, joined literals, a label table and a computed call."""
    root = tmp_path / "kamdesk"
    write(
        root,
        "ui/page.py",
        "from kamdesk.i18n import _\n"
        "def title() -> str:\n"
        "    return _('Visits')\n"
        "def hint() -> str:\n"
        "    return _('Search by name, '\n"
        "             'pinyin or {what}').format(what='phone')\n"
        "def sum_of_parts() -> str:\n"
        "    return _('Due ' + 'on {d}')\n",
    )
    write(
        root,
        "domain/labels.py",
        "from kamdesk.i18n import _\n"
        "_MESSAGES = {'Level.vp': 'vice president', 'Level.staff': 'staff'}\n"
        "def label(key: str) -> str:\n"
        "    return _(_MESSAGES[key])\n",
    )
    write(root, "ui/odd.py", "from kamdesk.i18n import _\nword = 'x'\nshown = _(word)\n")
    return root


def test_extract_reads_literals_joined_literals_and_declared_tables(sources: Path) -> None:
    scan = tool.extract(sources, {"domain/labels.py": ("_MESSAGES",)})
    assert list(scan.messages) == [
        "vice president",
        "staff",
        "Visits",
        "Search by name, pinyin or {what}",
        "Due on {d}",
    ]
    assert str(scan.messages["Visits"][0]) == "kamdesk/ui/page.py:3"
    assert [(str(where), code) for where, code in scan.computed] == [
        ("kamdesk/ui/odd.py:3", "_(word)")
    ]


def test_a_computed_call_of_messages_declared_elsewhere_can_be_allowed(sources: Path) -> None:
    scan = tool.extract(sources, {"domain/labels.py": ("_MESSAGES",)}, {"ui/odd.py": ("_(word)",)})
    assert scan.computed == []


def test_a_table_that_went_away_is_reported(sources: Path) -> None:
    scan = tool.extract(sources, {"domain/labels.py": ("_WORDS",), "domain/gone.py": ("_X",)})
    assert scan.missing_tables == [
        "kamdesk/domain/labels.py: _WORDS",
        "domain/gone.py: no such file",
    ]


def test_merge_keeps_translations_adds_new_messages_and_marks_vanished_ones(
    sources: Path, tmp_path: Path
) -> None:
    ts = tmp_path / "kamdesk_zh_CN.ts"
    old = tool.Catalogue(
        entries=[
            tool.Entry("Visits", "拜访记录", ""),
            tool.Entry("Old heading", "旧标题", ""),
            tool.Entry("Never translated"),
        ]
    )
    ts.write_text(tool.render(old), encoding="utf-8")
    scan = tool.extract(sources, {"domain/labels.py": ("_MESSAGES",)})
    merged = tool.merge(tool.read_catalogue(ts), scan)
    by_source = merged.by_source()
    assert by_source["Visits"].translation == "拜访记录" and by_source["Visits"].finished
    assert by_source["Due on {d}"].kind == tool.UNFINISHED
    assert by_source["Old heading"].kind == tool.VANISHED
    assert "Never translated" not in by_source
    assert "Old heading" not in tool.merge(merged, scan, drop_obsolete=True).by_source()
    # a vanished message that comes back keeps its translation
    scan.messages["Old heading"] = [tool.Location("kamdesk/ui/page.py", 9)]
    back = tool.merge(merged, scan).by_source()["Old heading"]
    assert (back.translation, back.kind) == ("旧标题", "")


def test_locations_are_written_only_when_asked(sources: Path) -> None:
    scan = tool.extract(sources, {"domain/labels.py": ("_MESSAGES",)})
    plain = tool.render(tool.merge(tool.Catalogue(), scan))
    assert "<location" not in plain
    located = tool.render(tool.merge(tool.Catalogue(), scan, locations=True, base=Path("../..")))
    assert '<location filename="../../kamdesk/ui/page.py" line="3"/>' in located


def test_the_file_reads_back_exactly_as_written(tmp_path: Path) -> None:
    catalogue = tool.Catalogue(
        entries=[
            tool.Entry("&File", "文件(&F)", ""),
            tool.Entry("kamdesk {v}\nArchive: {p}", "kamdesk {v}\n档案库：{p}", ""),
            tool.Entry("'{v}' is <not> \"one\"", "“{v}”不是<一个>", "", comment="quoted"),
            tool.Entry("Gone", "已删", tool.VANISHED),
        ]
    )
    ts = tmp_path / "x.ts"
    ts.write_text(tool.render(catalogue), encoding="utf-8")
    assert tool.read_catalogue(ts) == catalogue
    assert tool.render(tool.read_catalogue(ts)) == ts.read_text(encoding="utf-8")


def test_check_names_what_a_translator_still_has_to_do(sources: Path) -> None:
    scan = tool.extract(sources, {"domain/labels.py": ("_MESSAGES",)})
    catalogue = tool.Catalogue(
        entries=[
            tool.Entry("Visits", "拜访", ""),
            tool.Entry("Search by name, pinyin or {what}", "按名称、拼音或{这个}搜索", ""),
            tool.Entry("Due on {d}", "", tool.UNFINISHED),
            tool.Entry("vice president", "副总裁", ""),
        ]
    )
    found = tool.problems(catalogue, scan)
    assert any("'staff'" in p and "not in the catalogue" in p for p in found)
    assert any("not translated: 'Due on {d}'" in p for p in found)
    assert any("placeholders differ" in p and "{what}" in p for p in found)
    assert any("_(word)" in p for p in found)
    assert not any("'Visits'" in p or "vice president" in p for p in found)


def test_placeholders_compare_names_and_formats_and_shortcuts_are_seen() -> None:
    assert tool.placeholders("risk {n}, share {s:.1%}") == ["{n}", "{s:.1%}"]
    problems = tool.entry_problems(tool.Entry("share {s:.1%}", "占比 {s:.0%}", ""))
    assert problems and "placeholders differ" in problems[0]
    assert tool.entry_problems(tool.Entry("{a}", "{a", "")) != []
    assert tool.accelerator("&Quit") and tool.accelerator("退出(&Q)")
    assert not tool.accelerator("Tom && Jerry") and not tool.accelerator("A & B")
    assert tool.entry_problems(tool.Entry("&Quit", "退出", ""))

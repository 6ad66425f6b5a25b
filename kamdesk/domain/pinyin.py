"""Toneless pinyin readings of Chinese person and company names for the search index."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence

MAX_READINGS = 8
"""Upper bound on the number of readings returned for one text."""

_MAX_VARIED_COMPANY = 2
_MAX_VARIED_PERSON = 3
_CACHE_SIZE = 65536

SURNAME_READINGS: dict[str, str] = {
    "单": "shan",
    "曾": "zeng",
    "仇": "qiu",
    "区": "ou",
    "解": "xie",
    "朴": "piao",
    "查": "zha",
    "盖": "ge",
    "乐": "yue",
    "缪": "miao",
    "覃": "qin",
    "翟": "zhai",
    "秘": "bi",
    "种": "chong",
    "员": "yun",
    "召": "shao",
    "句": "gou",
    "繁": "po",
    "阚": "kan",
    "隗": "wei",
    "藏": "zang",
    "长": "chang",
}
"""Single-character surnames whose surname reading differs from pypinyin's default reading."""

COMPOUND_SURNAMES: dict[str, tuple[str, ...]] = {
    "欧阳": ("ou", "yang"),
    "司马": ("si", "ma"),
    "上官": ("shang", "guan"),
    "诸葛": ("zhu", "ge"),
    "东方": ("dong", "fang"),
    "皇甫": ("huang", "fu"),
    "尉迟": ("yu", "chi"),
    "公孙": ("gong", "sun"),
    "慕容": ("mu", "rong"),
    "长孙": ("zhang", "sun"),
    "宇文": ("yu", "wen"),
    "司徒": ("si", "tu"),
    "夏侯": ("xia", "hou"),
    "令狐": ("ling", "hu"),
    "万俟": ("mo", "qi"),
    "澹台": ("tan", "tai"),
    "闻人": ("wen", "ren"),
    "端木": ("duan", "mu"),
    "单于": ("chan", "yu"),
    "呼延": ("hu", "yan"),
    "百里": ("bai", "li"),
    "南宫": ("nan", "gong"),
    "西门": ("xi", "men"),
    "独孤": ("du", "gu"),
    "申屠": ("shen", "tu"),
    "公冶": ("gong", "ye"),
}
"""Two-character surnames with one syllable per character."""

_HAN_CLASS = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\U00020000-\U0002ebef\U00030000-\U0003134f\U00031350-\U000323af"
)
_HAN_SPLIT = re.compile(f"([{_HAN_CLASS}]+)")
_WORD = re.compile(r"[^\W_]+")
_NOT_ASCII_LETTER = re.compile(r"[^a-z]+")
_NO_READING = "\x00"

# A slot is the candidate syllables for one position of a reading, best first, paired
# with whether the position may be varied when producing the fallback readings.
_Slot = tuple[tuple[str, ...], bool]


def readings(text: str, *, person: bool) -> list[tuple[str, ...]]:
    """Pinyin readings of `text`, best first: each a tuple of lowercase syllables without tones."""
    return list(_cached_readings(text, person))


def initials(syllables: tuple[str, ...]) -> str:
    """First letters of each syllable: ("zhang", "san") -> "zs"; ("3m", "zhong") -> "3z"."""
    return "".join(syllable[0] for syllable in syllables if syllable)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _cached_readings(text: str, person: bool) -> tuple[tuple[str, ...], ...]:
    """Compute and memoise the readings of one (text, person) pair."""
    slots = _slots(unicodedata.normalize("NFKC", text), person)
    if not slots:
        return ()
    limit = _MAX_VARIED_PERSON if person else _MAX_VARIED_COMPANY
    varied = [i for i, (choices, free) in enumerate(slots) if free and len(choices) > 1][:limit]
    combos = sorted(itertools.product(*(range(len(slots[i][0])) for i in varied)), key=_combo_rank)
    result: list[tuple[str, ...]] = []
    for combo in combos:
        picks = dict(zip(varied, combo, strict=True))
        reading = tuple(choices[picks.get(i, 0)] for i, (choices, _) in enumerate(slots))
        if reading not in result:
            result.append(reading)
            if len(result) >= MAX_READINGS:
                break
    return tuple(result)


def _combo_rank(combo: tuple[int, ...]) -> tuple[int, int, tuple[int, ...]]:
    """Order combinations: fewest changes, then likeliest readings, then earliest positions."""
    changed = sum(1 for index in combo if index)
    return changed, sum(combo), tuple(-index for index in combo)


def _slots(text: str, person: bool) -> list[_Slot]:
    """Split text into syllable slots, applying the surname reading to a person's first name."""
    slots: list[_Slot] = []
    surname_pending = person
    for position, part in enumerate(_HAN_SPLIT.split(text)):
        if position % 2 == 0:
            words = _words(part)
            slots.extend(((word,), False) for word in words)
            surname_pending = surname_pending and not words
            continue
        run_slots = _han_slots(part)
        if surname_pending:
            run_slots = _with_surname(part, run_slots)
            surname_pending = False
        slots.extend(run_slots)
    return slots


def _words(part: str) -> list[str]:
    """Lowercase alphanumeric words of a non-Chinese run, with accents folded away."""
    folded = "".join(
        char for char in unicodedata.normalize("NFKD", part) if not unicodedata.combining(char)
    )
    return [word.lower() for word in _WORD.findall(folded)]


def _with_surname(run: str, run_slots: tuple[_Slot, ...]) -> tuple[_Slot, ...]:
    """Slots of a person's leading Chinese run with the surname given its surname reading."""
    compound = COMPOUND_SURNAMES.get(run[:2])
    if compound is not None and len(run_slots) >= len(compound):
        fixed = tuple(((syllable,), False) for syllable in compound)
        return fixed + run_slots[len(compound) :]
    reading = SURNAME_READINGS.get(run[0])
    if reading is None or not run_slots:
        return run_slots
    alone = _han_slots(run[0])
    every = alone[0][0] if alone else ()
    choices = _distinct([reading, *run_slots[0][0], *every])
    return ((choices, True), *run_slots[1:])


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _han_slots(run: str) -> tuple[_Slot, ...]:
    """Slots for a run of Chinese characters: phrase-aware reading first, then heteronyms."""
    from pypinyin import Style, lazy_pinyin, pinyin

    def no_reading(chars: str) -> str:
        return _NO_READING

    best = lazy_pinyin(run, style=Style.NORMAL, errors=no_reading)
    alternatives = pinyin(run, style=Style.NORMAL, heteronym=True, errors=no_reading)
    if len(alternatives) != len(best):
        alternatives = [[] for _ in best]
    slots: list[_Slot] = []
    for default, others in zip(best, alternatives, strict=True):
        choices = _distinct([default, *others])
        if choices:
            slots.append((choices, True))
    return tuple(slots)


def _distinct(raw: Sequence[str]) -> tuple[str, ...]:
    """Normalised syllables in order, without duplicates or empties, at most MAX_READINGS."""
    seen: list[str] = []
    for syllable in raw:
        clean = _normalise(syllable)
        if clean and clean not in seen:
            seen.append(clean)
    return tuple(seen[:MAX_READINGS])


def _normalise(syllable: str) -> str:
    """A toneless syllable in plain lowercase ASCII, with ü written as v."""
    spelled = syllable.lower().replace("u:", "v").replace("ü", "v")
    folded = "".join(
        char for char in unicodedata.normalize("NFKD", spelled) if not unicodedata.combining(char)
    )
    return _NOT_ASCII_LETTER.sub("", folded)

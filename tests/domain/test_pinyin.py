"""Specifications for the pinyin readings used by the name search index."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kamdesk.domain.pinyin import (
    COMPOUND_SURNAMES,
    MAX_READINGS,
    SURNAME_READINGS,
    initials,
    readings,
)

REPO_ROOT = Path(__file__).resolve().parents[2]


def best(text: str, *, person: bool) -> tuple[str, ...]:
    """The first (best) reading of `text`."""
    result = readings(text, person=person)
    assert result, f"no reading for {text!r}"
    return result[0]


# Surnames whose surname reading differs from the everyday reading.


def test_surname_shan_is_read_shan_not_dan() -> None:
    assert best("单田芳", person=True) == ("shan", "tian", "fang")


def test_surname_zeng_is_read_zeng_not_ceng() -> None:
    assert best("曾国藩", person=True) == ("zeng", "guo", "fan")


def test_surname_qiu_is_read_qiu_not_chou() -> None:
    assert best("仇英", person=True) == ("qiu", "ying")


def test_surname_ou_is_read_ou_not_qu() -> None:
    assert best("区志强", person=True) == ("ou", "zhi", "qiang")


def test_surname_xie_is_read_xie_not_jie() -> None:
    assert best("解缙", person=True) == ("xie", "jin")


def test_surname_piao_is_read_piao_not_pu() -> None:
    assert best("朴槿惠", person=True) == ("piao", "jin", "hui")


def test_surname_zha_is_read_zha_not_cha() -> None:
    assert best("查良镛", person=True) == ("zha", "liang", "yong")


def test_surname_chang_is_read_chang_not_zhang() -> None:
    assert best("长城", person=True) == ("chang", "cheng")


@pytest.mark.parametrize(
    ("name", "everyday"),
    [
        ("单田芳", ("dan", "tian", "fang")),
        ("曾国藩", ("ceng", "guo", "fan")),
        ("仇英", ("chou", "ying")),
        ("区志强", ("qu", "zhi", "qiang")),
        ("解缙", ("jie", "jin")),
        ("朴槿惠", ("pu", "jin", "hui")),
        ("查良镛", ("cha", "liang", "yong")),
    ],
)
def test_everyday_reading_of_surname_is_kept_as_a_fallback(
    name: str, everyday: tuple[str, ...]
) -> None:
    result = readings(name, person=True)
    assert everyday in result
    assert result.index(everyday) == 1


def test_other_heteronym_readings_of_surname_are_fallbacks() -> None:
    assert ("chan", "tian", "fang") in readings("单田芳", person=True)


@pytest.mark.parametrize(("surname", "reading"), sorted(SURNAME_READINGS.items()))
def test_every_surname_in_table_leads_a_person_name(surname: str, reading: str) -> None:
    assert best(surname + "明", person=True) == (reading, "ming")


def test_surname_table_holds_only_readings_that_differ_from_the_default() -> None:
    for surname, reading in SURNAME_READINGS.items():
        assert best(surname, person=False) != (reading,), surname


def test_surname_table_readings_are_plain_lowercase_syllables() -> None:
    for surname, reading in SURNAME_READINGS.items():
        assert len(surname) == 1
        assert reading.isascii() and reading.isalpha() and reading.islower()


# Compound surnames.


def test_compound_surname_gives_one_syllable_per_character() -> None:
    assert best("欧阳修", person=True) == ("ou", "yang", "xiu")


def test_compound_surname_zhangsun_is_not_read_as_surname_chang() -> None:
    assert best("长孙无忌", person=True) == ("zhang", "sun", "wu", "ji")


def test_compound_surname_chanyu_is_not_read_as_surname_shan() -> None:
    assert best("单于燕", person=True)[:2] == ("chan", "yu")


def test_compound_surname_moqi_is_read_moqi() -> None:
    assert best("万俟卨", person=True) == ("mo", "qi", "xie")


def test_compound_surname_yuchi_is_read_yuchi() -> None:
    assert best("尉迟恭", person=True) == ("yu", "chi", "gong")


@pytest.mark.parametrize(("surname", "syllables"), sorted(COMPOUND_SURNAMES.items()))
def test_every_compound_surname_leads_a_person_name(
    surname: str, syllables: tuple[str, ...]
) -> None:
    assert len(syllables) == len(surname) == 2
    assert best(surname + "明", person=True) == (*syllables, "ming")


def test_compound_surname_syllables_are_not_varied() -> None:
    for reading in readings("呼延灼", person=True):
        assert reading[:2] == ("hu", "yan")


# Company names and words.


def test_company_name_uses_phrase_reading_chongqing() -> None:
    assert best("重庆华为科技有限公司", person=False)[:2] == ("chong", "qing")


def test_person_name_also_uses_phrase_reading_after_surname() -> None:
    assert best("张重庆", person=True) == ("zhang", "chong", "qing")


def test_surname_char_in_company_name_keeps_everyday_reading_danwei() -> None:
    assert best("单位", person=False) == ("dan", "wei")


def test_company_name_starting_with_surname_char_is_not_read_as_surname() -> None:
    assert best("曾经科技", person=False)[0] == "ceng"


def test_surname_reading_applies_only_to_the_first_character_of_a_person() -> None:
    assert best("张单", person=True) == ("zhang", "dan")


def test_heteronym_fallback_lets_zengguofan_and_cengguofan_both_match() -> None:
    joined = {"".join(r) for r in readings("曾国藩", person=True)}
    assert {"zengguofan", "cengguofan"} <= joined


# Spelling of ü.


def test_lv_is_written_with_v() -> None:
    assert best("吕布", person=True) == ("lv", "bu")


def test_nv_is_written_with_v() -> None:
    assert best("女", person=False) == ("nv",)


def test_no_reading_contains_u_umlaut_or_u_colon() -> None:
    for text in ("吕布", "女", "绿地集团", "略", "旅游", "女娲", "律师事务所"):
        for reading in readings(text, person=False):
            for syllable in reading:
                assert "ü" not in syllable and "u:" not in syllable


def test_every_syllable_is_lowercase_ascii_letters_or_digits() -> None:
    for text in ("欸", "嗯", "呣", "哼哈二将", "Café 略", "ＡＢＣ重庆"):
        for reading in readings(text, person=False):
            for syllable in reading:
                assert syllable.isascii() and syllable.isalnum() and syllable == syllable.lower()


# Non-Chinese text.


def test_latin_run_is_one_lowercase_syllable() -> None:
    assert best("ABC科技", person=False) == ("abc", "ke", "ji")


def test_digits_and_letters_form_one_syllable() -> None:
    assert best("3M中国", person=False) == ("3m", "zhong", "guo")


def test_latin_words_are_split_on_non_alphanumerics() -> None:
    assert best("Foo-Bar (China) Co., Ltd.", person=False) == (
        "foo",
        "bar",
        "china",
        "co",
        "ltd",
    )


def test_full_width_latin_is_folded_to_ascii() -> None:
    assert best("ＡＢＣ重庆", person=False) == ("abc", "chong", "qing")


def test_accents_on_latin_letters_are_dropped() -> None:
    assert best("Café", person=False) == ("cafe",)


def test_punctuation_spaces_and_symbols_give_no_syllable() -> None:
    assert best("（张）·三、- ", person=True) == ("zhang", "san")


def test_middle_dot_in_transliterated_name_gives_no_syllable() -> None:
    assert best("阿凡提·买买提", person=True) == ("a", "fan", "ti", "mai", "mai", "ti")


# Empty input.


@pytest.mark.parametrize("text", ["", " ", "（）·、-", "😀", "👨‍👩‍👧", "\x00\x07\n\t", "_", "——……"])
@pytest.mark.parametrize("person", [True, False])
def test_empty_or_symbol_only_text_has_no_readings(text: str, person: bool) -> None:
    assert readings(text, person=person) == []


def test_emoji_between_chinese_characters_is_ignored() -> None:
    assert best("张😀三", person=True) == ("zhang", "san")


# Shape of the result.


def test_readings_are_distinct_tuples_of_strings() -> None:
    result = readings("单田芳", person=True)
    assert isinstance(result, list)
    assert all(isinstance(r, tuple) for r in result)
    assert len(set(result)) == len(result)


def test_each_call_returns_a_new_list() -> None:
    first = readings("张三", person=True)
    first.append(("x",))
    assert readings("张三", person=True) == [("zhang", "san")]
    assert readings("张三", person=True) is not readings("张三", person=True)


def test_person_flag_is_part_of_the_cache_key() -> None:
    assert best("单田芳", person=True)[0] == "shan"
    assert best("单田芳", person=False)[0] == "dan"
    assert best("单田芳", person=True)[0] == "shan"


def test_reading_count_is_capped_at_max_readings() -> None:
    assert MAX_READINGS == 8
    result = readings("行长朝重差", person=False)
    assert len(result) == MAX_READINGS


def test_person_reading_count_is_capped_at_max_readings() -> None:
    assert len(readings("单行朝重差", person=True)) <= MAX_READINGS


def test_long_company_name_varies_at_most_two_heteronym_positions() -> None:
    name = "行" * 40
    result = readings(name, person=False)
    assert 1 < len(result) <= MAX_READINGS
    for reading in result:
        assert all(syllable == result[0][2] for syllable in reading[2:])


def test_person_name_varies_at_most_three_heteronym_positions() -> None:
    result = readings("行" * 6, person=True)
    for reading in result:
        assert reading[3:] == result[0][3:]
    assert any(reading[2] != result[0][2] for reading in result)


def test_best_reading_comes_first_and_single_changes_come_before_double() -> None:
    result = readings("仇英", person=True)
    assert result[0] == ("qiu", "ying")
    changes = [sum(a != b for a, b in zip(r, result[0], strict=True)) for r in result]
    assert changes == sorted(changes)


def test_plain_name_has_a_single_reading() -> None:
    assert readings("张三", person=True) == [("zhang", "san")]


# Initials.


def test_initials_of_chinese_syllables() -> None:
    assert initials(("zhang", "san")) == "zs"


def test_initials_keep_first_character_of_latin_and_digit_syllables() -> None:
    assert initials(("3m", "zhong")) == "3z"


def test_initials_of_empty_tuple_is_empty() -> None:
    assert initials(()) == ""


def test_initials_of_surname_reading() -> None:
    assert initials(best("单田芳", person=True)) == "stf"


# Start-up cost.


def test_importing_the_module_does_not_import_pypinyin() -> None:
    code = (
        "import sys\n"
        "import kamdesk.domain.pinyin\n"
        "assert 'pypinyin' not in sys.modules, 'pypinyin imported eagerly'\n"
    )
    env_path = str(REPO_ROOT)
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO_ROOT,
        env={"PYTHONPATH": env_path},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr


def test_chinese_character_without_known_reading_gives_no_syllable() -> None:
    assert best("曾\U0002b81d国藩", person=True) == ("zeng", "guo", "fan")

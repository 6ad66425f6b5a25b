"""Search keys: a record is found when the query is a prefix of one of its keys."""

from kamdesk.domain.search_keys import contact_keys, name_keys, normalize, phone_keys, query_text


def found(keys: set[tuple[int, str]], query: str) -> bool:
    return any(key.startswith(query) for _inner, key in keys)


def test_a_person_is_found_by_characters_pinyin_and_initials() -> None:
    keys = name_keys("张三丰", person=True)
    for query in ["张", "三丰", "丰", "zhangsanfeng", "zhangs", "sanfeng", "zsf", "sf"]:
        assert found(keys, query), query


def test_pinyin_matches_start_at_syllables_not_inside_them() -> None:
    keys = name_keys("张三", person=True)
    assert not found(keys, "angsan")


def test_keys_starting_at_the_beginning_rank_before_inner_ones() -> None:
    keys = name_keys("王建国", person=True)
    assert (0, "王建国") in keys
    assert (1, "建国") in keys
    assert (0, "wangjianguo") in keys
    assert (1, "jianguo") in keys


def test_phone_numbers_are_found_from_any_digit_with_four_typed() -> None:
    keys = phone_keys("+86 138-1234-5678")
    assert (0, "13812345678") in keys
    assert found(keys, "5678")
    assert found(keys, "12345")
    assert not found(keys, "678")  # three digits are too few to mean anything


def test_a_contact_is_found_by_each_of_its_phones() -> None:
    keys = contact_keys("李雷", ["13812345678", "021-68881234"])
    assert found(keys, "1381234") and found(keys, "02168881234")


def test_queries_fold_case_width_and_spaces_like_keys() -> None:
    assert normalize("Zhang San") == "zhangsan"
    assert normalize("ＺＨＡＮＧ") == "zhang"
    assert query_text(" 138 1234 5678 ") == "13812345678"
    assert query_text("+86 13812345678") == "13812345678"
    assert query_text("张 三") == "张三"

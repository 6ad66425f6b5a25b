"""Built-in greeting texts (祝福语) by occasion, and a renderer that is safe with any values.

Templates are Chinese, because the greetings go to Chinese customers whatever language the
manager's screen uses. Placeholders: {name} {title} {company} {years}. Occasion keys are the
anniversary kinds and the festival keys of calendar_days.FESTIVALS, plus `lunar_birthday`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\{(\w+)\}")

TEMPLATES: dict[str, tuple[str, ...]] = {
    "birthday": (
        "{name}{title}，祝您生日快乐，身体健康，万事顺意！",
        "尊敬的{name}{title}：值此生日之际，送上最诚挚的祝福，愿您福寿安康、阖家幸福！",
        "{name}{title}，生日快乐！感谢您一直以来的关照，祝新的一岁一切顺利！",
    ),
    "lunar_birthday": (
        "{name}{title}，今天是您的农历生日，祝您福如东海，寿比南山！",
        "尊敬的{name}{title}：农历生辰，谨致贺忱，祝您身体康健、事事如意！",
        "{name}{title}，祝您生日快乐！按老黄历过生日更有味道，愿您岁岁平安。",
    ),
    "wedding": (
        "{name}{title}，祝您和夫人结婚纪念日快乐，百年好合，幸福美满！",
        "尊敬的{name}{title}：结婚{years}周年快乐！祝伉俪情深，阖家幸福！",
        "{name}{title}，值此结婚纪念日，祝您与家人恩爱如初，幸福长久！",
    ),
    "child_birthday": (
        "{name}{title}，祝令郎/令爱生日快乐，健康成长，学业进步！",
        "{name}{title}，听说今天是孩子的生日，祝小寿星快乐长大、前程似锦！",
        "尊敬的{name}{title}：祝贵府千金/公子生日快乐，聪明伶俐，茁壮成长！",
    ),
    "company_founding": (
        "热烈祝贺{company}成立{years}周年！祝贵公司事业蒸蒸日上，再创辉煌！",
        "值此{company}司庆之际，谨致以诚挚的祝贺，祝贵公司基业长青、鹏程万里！",
        "{name}{title}，祝贺{company}周年庆！感谢一路同行，祝贵公司兴旺发达！",
    ),
    "cooperation": (
        "{name}{title}，感谢{company}与我们携手合作{years}年，期待继续共创佳绩！",
        "尊敬的{name}{title}：合作周年之际，衷心感谢贵司的信任与支持，愿合作长长久久！",
        "{name}{title}，一路同行，感谢有您！祝{company}与我们的合作更上一层楼。",
    ),
    "spring_festival": (
        "{name}{title}，新春快乐！祝您和家人新年大吉，万事如意，阖家幸福！",
        "尊敬的{name}{title}：感谢您过去一年的支持与信任，恭祝新春吉祥、龙马精神！",
        "{name}{title}，春节快乐！祝{company}新年生意兴隆，财源广进！",
    ),
    "new_years_eve": (
        "{name}{title}，除夕快乐！祝您和家人团团圆圆，辞旧迎新，来年更好！",
        "尊敬的{name}{title}：除夕之夜，祝您阖家欢乐，新的一年福气满满！",
    ),
    "lantern_festival": (
        "{name}{title}，元宵节快乐！祝您阖家团圆，幸福美满！",
        "尊敬的{name}{title}：元宵佳节，花好月圆，祝您新年事事顺心！",
        "{name}{title}，祝您元宵快乐，汤圆甜甜，生活圆圆满满！",
    ),
    "dragon_boat": (
        "{name}{title}，端午安康！祝您和家人身体健康，幸福平安！",
        "尊敬的{name}{title}：端午佳节，粽叶飘香，祝您节日安康、万事顺遂！",
        "{name}{title}，端午安康！感谢您的支持，祝{company}事业蒸蒸日上。",
    ),
    "mid_autumn": (
        "{name}{title}，中秋快乐！月圆人圆，祝您阖家团圆，幸福安康！",
        "尊敬的{name}{title}：中秋佳节，感谢您一直以来的支持，祝您花好月圆、事业兴旺！",
        "{name}{title}，但愿人长久，千里共婵娟。祝您中秋节快乐！",
    ),
    "double_ninth": (
        "{name}{title}，重阳节快乐！祝您和家中长辈身体健康，福寿绵长！",
        "尊敬的{name}{title}：九九重阳，祝您家中老人健康长寿，阖家安康！",
    ),
    "new_year": (
        "{name}{title}，元旦快乐！感谢您过去一年的支持，祝新年万事顺意！",
        "尊敬的{name}{title}：新年伊始，恭祝您身体健康、工作顺利，{company}再创佳绩！",
        "{name}{title}，新年快乐！愿新的一年我们合作更上一层楼。",
    ),
    "national_day": (
        "{name}{title}，国庆节快乐！祝您假期愉快，阖家幸福！",
        "尊敬的{name}{title}：国庆佳节，祝您节日快乐，事业兴旺，万事如意！",
    ),
    "teachers_day": (
        "{name}老师，教师节快乐！感谢您的辛勤付出，祝您桃李满天下！",
        "尊敬的{name}{title}：教师节到了，向您致以节日的问候，祝您身体健康、工作顺利！",
    ),
    "womens_day": (
        "{name}{title}，女神节快乐！祝您永远美丽自信，工作顺利！",
        "尊敬的{name}{title}：三八节快乐，祝您青春常驻，幸福美满！",
    ),
    "labour_day": (
        "{name}{title}，劳动节快乐！辛苦了，祝您假期愉快！",
        "尊敬的{name}{title}：五一劳动节，祝您节日快乐，身体健康！",
    ),
    "qixi": (
        "{name}{title}，七夕快乐！祝您和爱人甜甜蜜蜜，幸福美满！",
        "尊敬的{name}{title}：七夕佳节，祝您与家人恩爱长久，幸福安康！",
    ),
    "christmas": (
        "{name}{title}，圣诞快乐！祝您节日愉快，平安喜乐！",
        "尊敬的{name}{title}：圣诞节快乐，感谢一年来的支持，祝您新年更上一层楼！",
    ),
    "custom": (
        "{name}{title}，值此纪念日，送上诚挚的祝福，祝您一切顺利！",
        "尊敬的{name}{title}：祝您纪念日快乐，万事如意！",
    ),
}
"""Occasion key -> its greeting texts, best first."""

ALIASES = {
    "lantern": "lantern_festival",
    "wedding_anniversary": "wedding",
    "cooperation_anniversary": "cooperation",
    "founding": "company_founding",
    "chinese_new_year": "spring_festival",
    "moon_festival": "mid_autumn",
}
"""Other names people type for an occasion."""


def occasion_key(text: str) -> str:
    """The stored key of an occasion: lower case, '_' for '-' and spaces, aliases resolved."""
    key = text.strip().lower().replace("-", "_").replace(" ", "_")
    return ALIASES.get(key, key)


def placeholders(template: str) -> set[str]:
    """The placeholder names a template uses."""
    return set(PLACEHOLDER.findall(template))


def render(template: str, values: Mapping[str, object]) -> str:
    """Fill in the placeholders of `template` in one pass.

    Values are inserted literally (a company called "{x}" stays "{x}"); a placeholder without
    a value is left as it is written; nothing here raises on odd braces.
    """

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(values[name]) if name in values else match.group(0)

    return PLACEHOLDER.sub(fill, template)

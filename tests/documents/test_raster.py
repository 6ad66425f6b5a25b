"""Figures drawn as PNG pictures with Pillow (what Word embeds)."""

from __future__ import annotations

import io

from PIL import Image

from kamdesk.documents.model import Figure, Label, Polyline, Rect
from kamdesk.documents.raster import elide, figure_png, font

WHITE = (255, 255, 255)


def picture(figure: Figure, scale: float = 2.0) -> Image.Image:
    image = Image.open(io.BytesIO(figure_png(figure, scale)))
    assert image.format == "PNG"
    return image.convert("RGB")


def dark_columns(image: Image.Image, top: int, bottom: int) -> list[int]:
    """The x of every column that has a dark pixel between `top` and `bottom`."""
    return [
        x
        for x in range(image.width)
        if any(sum(image.getpixel((x, y))) < 400 for y in range(top, bottom))  # type: ignore[arg-type]
    ]


def test_the_picture_is_the_figure_size_times_the_scale_on_white() -> None:
    figure = Figure(200, 100, ())
    assert picture(figure).size == (400, 200)
    assert picture(figure, 1.5).size == (300, 150)
    image = picture(figure)
    assert image.getcolors() == [(400 * 200, WHITE)]


def test_a_filled_rect_is_painted_where_it_is_and_nowhere_else() -> None:
    figure = Figure(200, 100, (Rect(20, 10, 60, 40, fill="#d6eaf8", stroke="#1a5276"),))
    image = picture(figure)
    assert image.getpixel((100, 60)) == (0xD6, 0xEA, 0xF8)  # the middle of the rect
    assert image.getpixel((40 + 2, 20 + 2)) != WHITE  # its stroke, top left
    assert image.getpixel((300, 150)) == WHITE
    assert image.getpixel((10, 10)) == WHITE


def test_a_rounded_rect_leaves_its_corners_white() -> None:
    figure = Figure(100, 100, (Rect(0, 0, 100, 100, fill="#000000", stroke=None, radius=20),))
    image = picture(figure)
    assert image.getpixel((1, 1)) == WHITE
    assert image.getpixel((100, 100)) == (0, 0, 0)


def test_dashed_lines_have_gaps_and_solid_lines_do_not() -> None:
    dashed = Figure(100, 20, (Polyline(((0, 10), (100, 10)), dashed=True),))
    solid = Figure(100, 20, (Polyline(((0, 10), (100, 10)), dashed=False),))
    row = [picture(dashed).getpixel((x, 20)) for x in range(200)]
    assert WHITE in row and (0, 0, 0) in row
    assert all(p == (0, 0, 0) for p in (picture(solid).getpixel((x, 20)) for x in range(200)))
    box = Figure(100, 60, (Rect(10, 10, 80, 40, stroke="#000000", dashed=True, radius=8),))
    top_edge = [picture(box).getpixel((x, 20)) for x in range(40, 160)]
    assert WHITE in top_edge and any(p != WHITE for p in top_edge)


def test_labels_draw_chinese_text_from_their_top_and_elide_to_their_width() -> None:
    label = Label(10, 10, "李建国 · 采购总监", size=10)
    image = picture(Figure(200, 40, (label,)))
    assert dark_columns(image, 0, 20) == []  # nothing above the label's top
    assert dark_columns(image, 20, 50)  # the text is there
    long = Label(10, 10, "苏州恒瑞精密机械有限公司采购部总监李建国", size=10, max_width=60)
    columns = dark_columns(picture(Figure(300, 40, (long,))), 20, 50)
    assert columns and max(columns) <= 2 * (10 + 60)


def test_elide_keeps_what_fits_and_ends_with_an_ellipsis() -> None:
    face = font(20)
    assert elide("张三", face, 1000) == "张三"
    short = elide("苏州恒瑞精密机械有限公司", face, 100)
    assert short.endswith("…") and short.startswith("苏州")
    assert face.getlength(short) <= 100


def test_emoji_bold_control_characters_and_odd_colours_do_not_crash() -> None:
    figure = Figure(
        120,
        40,
        (
            Label(0, 0, "生日 🎂\x07\x1b", bold=True, colour="not a colour"),
            Rect(0, 20, 10, 10, fill="#zzzzzz", stroke="#000000", stroke_width=0),
            Polyline(((0, 0),)),
        ),
    )
    assert picture(figure).size == (240, 80)

"""A model `Figure` drawn as a PNG with Pillow, for formats that embed drawings as pictures (Word).

Coordinates in the figure are points (origin top left, y down); the picture has `scale` pixels
per point, on a white background. Labels use the bundled CJK font, are elided with "…" where
wider than their `max_width`, and are placed with `y` at the top of the line of text. The font
has no bold face, so bold labels get a thin outline of their own colour.
"""

from __future__ import annotations

import io
import itertools
import math
import threading

from PIL import Image, ImageColor, ImageDraw, ImageFont

from kamdesk.documents.model import Figure, Label, Polyline, Rect, clean
from kamdesk.resources import FONT_FACE, font_path

RGB = tuple[int, int, int]
Point = tuple[float, float]

_fonts: dict[float, ImageFont.FreeTypeFont] = {}
_fonts_lock = threading.Lock()

ELLIPSIS = "…"


def font(size_px: float) -> ImageFont.FreeTypeFont:
    """The bundled font at `size_px` pixels, loaded once per size and process."""
    key = round(max(size_px, 1.0), 1)
    found = _fonts.get(key)
    if found is not None:
        return found
    with _fonts_lock:
        found = _fonts.get(key)
        if found is None:
            found = ImageFont.truetype(str(font_path()), key, index=FONT_FACE)
            _fonts[key] = found
        return found


def figure_png(figure: Figure, scale: float = 2.0) -> bytes:
    """The figure as PNG bytes of (width × scale) × (height × scale) pixels."""
    if not scale > 0:
        raise ValueError(f"scale must be positive, not {scale!r}")
    size = (max(1, round(figure.width * scale)), max(1, round(figure.height * scale)))
    image = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(image)
    for shape in figure.shapes:
        if isinstance(shape, Rect):
            _rect(draw, shape, scale)
        elif isinstance(shape, Polyline):
            _polyline(draw, shape, scale)
        elif isinstance(shape, Label):
            _label(draw, shape, scale)
    out = io.BytesIO()
    dpi = 72.0 * scale  # so the picture's natural size is the figure's size in points
    image.save(out, "PNG", compress_level=3, dpi=(dpi, dpi))  # 6+: slower, ~15% smaller
    return out.getvalue()


def elide(text: str, face: ImageFont.FreeTypeFont, max_px: float) -> str:
    """`text`, or its longest prefix followed by "…", that is at most `max_px` wide."""
    if face.getlength(text) <= max_px:
        return text
    low, high = 0, len(text)  # the answer keeps text[:k] for the largest fitting k
    while low < high:
        middle = (low + high + 1) // 2
        if face.getlength(text[:middle].rstrip() + ELLIPSIS) <= max_px:
            low = middle
        else:
            high = middle - 1
    return text[:low].rstrip() + ELLIPSIS


# shapes -------------------------------------------------------------------------------------


def _colour(value: str | None, default: RGB | None) -> RGB | None:
    if value is None:
        return None
    try:
        rgb = ImageColor.getrgb(value)
    except ValueError:
        return default
    return (rgb[0], rgb[1], rgb[2])


def _line_px(width: float, scale: float) -> int:
    return max(1, round(width * scale))


def _rect(draw: ImageDraw.ImageDraw, rect: Rect, scale: float) -> None:
    x0, y0 = rect.x * scale, rect.y * scale
    x1, y1 = (rect.x + rect.width) * scale, (rect.y + rect.height) * scale
    if x1 < x0:
        x0, x1 = x1, x0
    if y1 < y0:
        y0, y1 = y1, y0
    radius = max(0.0, min(rect.radius * scale, (x1 - x0) / 2, (y1 - y0) / 2))
    fill = _colour(rect.fill, None)
    if fill is not None:
        if radius > 0:
            draw.rounded_rectangle((x0, y0, x1, y1), radius=radius, fill=fill)
        else:
            draw.rectangle((x0, y0, x1, y1), fill=fill)
    stroke = _colour(rect.stroke, (0, 0, 0))
    if stroke is None or rect.stroke_width <= 0:
        return
    width = _line_px(rect.stroke_width, scale)
    if rect.dashed:
        path = _rect_path(x0, y0, x1, y1, radius)
        _dashed(draw, path, stroke, width, rect.stroke_width * scale)
        return
    # Pillow draws an outline inside the box; a PDF stroke is centred on the edge
    half = width / 2
    box = (x0 - half, y0 - half, x1 + half, y1 + half)
    if radius > 0:
        draw.rounded_rectangle(box, radius=radius + half, outline=stroke, width=width)
    else:
        draw.rectangle(box, outline=stroke, width=width)


def _rect_path(x0: float, y0: float, x1: float, y1: float, radius: float) -> list[Point]:
    """The closed outline of a (rounded) rectangle, clockwise from the top left."""
    if radius <= 0:
        return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    steps = 6
    corners = (  # centre of each corner's arc and the angle it starts at
        (x1 - radius, y0 + radius, -90.0),
        (x1 - radius, y1 - radius, 0.0),
        (x0 + radius, y1 - radius, 90.0),
        (x0 + radius, y0 + radius, 180.0),
    )
    path: list[Point] = []
    for cx, cy, start in corners:
        for step in range(steps + 1):
            angle = math.radians(start + 90.0 * step / steps)
            path.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    path.append(path[0])
    return path


def _polyline(draw: ImageDraw.ImageDraw, line: Polyline, scale: float) -> None:
    if len(line.points) < 2 or line.width <= 0:
        return
    colour = _colour(line.colour, (0, 0, 0))
    assert colour is not None
    points = [(x * scale, y * scale) for x, y in line.points]
    width = _line_px(line.width, scale)
    if line.dashed:
        _dashed(draw, points, colour, width, line.width * scale)
    else:
        draw.line(points, fill=colour, width=width, joint="curve")


def _dashed(
    draw: ImageDraw.ImageDraw, path: list[Point], colour: RGB, width: int, width_px: float
) -> None:
    """Dashes along `path`; the pattern carries on round corners rather than restarting."""
    on = max(3.0 * width_px, 4.0)
    off = max(2.0 * width_px, 3.0)
    period = on + off
    phase = 0.0  # distance already walked into the current on+off period
    for (ax, ay), (bx, by) in itertools.pairwise(path):
        length = math.hypot(bx - ax, by - ay)
        if length == 0:
            continue
        ux, uy = (bx - ax) / length, (by - ay) / length
        walked = 0.0
        while walked < length:
            if phase < on:  # inside a dash
                step = min(on - phase, length - walked)
                start = (ax + ux * walked, ay + uy * walked)
                end = (ax + ux * (walked + step), ay + uy * (walked + step))
                draw.line((start, end), fill=colour, width=width)
            else:
                step = min(period - phase, length - walked)
            walked += step
            phase = (phase + step) % period


def _label(draw: ImageDraw.ImageDraw, label: Label, scale: float) -> None:
    text = clean(label.text).replace("\n", " ").replace("\t", " ")
    if not text or label.size <= 0:
        return
    face = font(label.size * scale)
    stroke = label.size * scale / 45 if label.bold else 0.0  # ~0.4 px at 18 px
    if label.max_width is not None:
        text = elide(text, face, max(0.0, label.max_width * scale - 2 * stroke))
    colour = _colour(label.colour, (0, 0, 0))
    draw.text(
        (label.x * scale + stroke, label.y * scale),
        text,
        font=face,
        fill=colour,
        anchor="la",  # y is the top of the line (the ascender), as in the model
        stroke_width=stroke,
        stroke_fill=colour,
    )

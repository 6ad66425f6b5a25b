"""Draw kamdesk's icon and write every size the packaging recipes use.

    python resources/icons/make_icons.py

The design: a white customer card on a deep teal tile, a red round seal (印章, a star at its
centre) on its corner and three lines of writing; small sizes drop the writing so the card and
the seal stay clear.
Writes kamdesk-<size>.png (16 … 1024), kamdesk.ico (Windows, 16 … 256) and kamdesk.icns (macOS)
beside this file. Needs only Pillow.
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
CANVAS = 1024
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
DETAIL_FROM = 48
"""Sizes below this get the plain design (no lines of writing)."""

TEAL = (14, 92, 99, 255)
TEAL_EDGE = (9, 66, 72, 255)
CARD = (250, 248, 242, 255)
INK = (60, 72, 80, 255)
SEAL = (200, 38, 38, 255)


def draw(detailed: bool) -> Image.Image:
    """The icon at 1024 px; `detailed` adds the lines of writing on the card."""
    image = Image.new("RGBA", (CANVAS, CANVAS), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    margin = 64  # macOS expects the tile inside a transparent border
    pen.rounded_rectangle(
        (margin, margin, CANVAS - margin, CANVAS - margin),
        radius=190,
        fill=TEAL,
        outline=TEAL_EDGE,
        width=12,
    )
    card = (200, 270, 824, 754)
    shadow = tuple(v + 18 for v in card)
    pen.rounded_rectangle(shadow, radius=56, fill=(0, 0, 0, 70))
    pen.rounded_rectangle(card, radius=56, fill=CARD)
    # a head and shoulders on the left of the card
    pen.ellipse((262, 352, 412, 502), fill=TEAL)
    pen.pieslice((232, 500, 442, 710), start=180, end=360, fill=TEAL)
    if detailed:
        for row, length in enumerate((300, 250, 190)):
            top = 392 + row * 86
            pen.rounded_rectangle((482, top, 482 + length, top + 34), radius=17, fill=INK)
    # the seal over the card's lower right corner
    seal = (634, 584, 874, 824)
    pen.ellipse(seal, fill=SEAL)
    inner = (664, 614, 844, 794)
    pen.ellipse(inner, outline=CARD, width=18)
    pen.polygon(star(754, 710, 64), fill=CARD)
    return image


def star(x: float, y: float, radius: float) -> list[tuple[float, float]]:
    """The points of a five-pointed star centred on (x, y), one point up."""
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.4
        angle = math.pi * (i / 5 - 0.5)
        points.append((x + r * math.cos(angle), y + r * math.sin(angle)))
    return points


def sized(detailed: Image.Image, plain: Image.Image, size: int) -> Image.Image:
    source = detailed if size >= DETAIL_FROM else plain
    return source.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    detailed, plain = draw(True), draw(False)
    for size in SIZES:
        sized(detailed, plain, size).save(HERE / f"kamdesk-{size}.png", optimize=True)
    largest = sized(detailed, plain, max(ICO_SIZES))
    largest.save(
        HERE / "kamdesk.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[sized(detailed, plain, s) for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    icns_sizes = (16, 32, 64, 128, 256, 512, 1024)
    detailed.save(
        HERE / "kamdesk.icns",
        append_images=[sized(detailed, plain, s) for s in icns_sizes],
    )
    print(f"wrote {len(SIZES)} PNG sizes, kamdesk.ico and kamdesk.icns to {HERE}")


if __name__ == "__main__":
    main()

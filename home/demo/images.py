"""Demo images drawn with Pillow, so the demo needs no downloads."""

import io
import random

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model


def _draw(colour, size, seed):
    width, height = size
    rng = random.Random(seed)
    picture = PillowImage.new("RGB", size, colour)
    draw = ImageDraw.Draw(picture)
    light = tuple(min(255, channel + 70) for channel in colour)
    dark = tuple(max(0, channel - 50) for channel in colour)
    for _ in range(9):
        radius = rng.randint(height // 8, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=light, width=6)
    for row in range(0, height, max(8, height // 12)):
        draw.line((0, row, width, row + rng.randint(-40, 40)), fill=dark, width=2)
    return picture


def demo_image(title, colour, size=(1600, 900)):
    """The image called `title`, drawn and saved the first time it is asked for."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing, False
    buffer = io.BytesIO()
    _draw(colour, size, seed=title).save(buffer, format="PNG", optimize=True)
    file_name = title.lower().replace(" ", "-").replace(":", "") + ".png"
    image = Image(title=title)
    image.file = ImageFile(buffer, name=file_name)
    image.save()
    return image, True

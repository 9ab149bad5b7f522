"""Serves uploaded images and their renditions from MEDIA_ROOT when SERVE_MEDIA is on.

For a single machine without a web server in front (`make serve`). Only the image folders are
served: documents go through Wagtail's own view at /documents/, which applies their privacy.
Behind nginx, let nginx serve the same folders instead (docs/deploy.md)."""

import os
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import re_path
from django.utils.cache import patch_cache_control
from django.views.decorators.http import condition, require_safe

# Wagtail writes originals under original_images/ and renditions under images/.
IMAGE_FOLDERS = ("images", "original_images")
CONTENT_TYPES = {
    ".avif": "image/avif",
    ".gif": "image/gif",
    ".jpeg": "image/jpeg",
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}
# Rendition names carry the filter and focal point, so a changed rendition gets a new name.
RENDITION_MAX_AGE = 365 * 24 * 3600
ORIGINAL_MAX_AGE = 7 * 24 * 3600


def _image_file(folder, name):
    """The file for /media/<folder>/<name>, or None when the name is not an image in it."""
    if "\x00" in name or "\\" in name or os.path.splitext(name)[1].lower() not in CONTENT_TYPES:
        return None
    if any(part in ("", ".", "..") for part in name.split("/")):
        return None
    root = (Path(settings.MEDIA_ROOT) / folder).resolve()
    try:
        path = (root / name).resolve()  # a symlink pointing out of the folder ends up outside
        found = path.is_relative_to(root) and path.is_file()
    except OSError:  # e.g. a name longer than the file system allows
        return None
    return path if found else None


def _last_modified(request, folder, name):
    path = _image_file(folder, name)
    return None if path is None else datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)


@require_safe
@condition(last_modified_func=_last_modified)
def serve_image(request, folder, name):
    path = _image_file(folder, name)
    if path is None:
        raise Http404("No such image.")
    response = FileResponse(path.open("rb"), content_type=CONTENT_TYPES[path.suffix.lower()])
    max_age = RENDITION_MAX_AGE if folder == "images" else ORIGINAL_MAX_AGE
    patch_cache_control(response, public=True, max_age=max_age)
    # The same for everyone, whatever the clock: neither the episode-state cap nor the
    # editors' private marking (which would add Vary: Cookie) applies (site/page_cache.py).
    response.fixed_lifetime = True
    return response


def media_urlpatterns():
    """URL patterns for the image folders under MEDIA_URL (a local path such as /media/)."""
    prefix = settings.MEDIA_URL.lstrip("/")
    folders = "|".join(IMAGE_FOLDERS)
    return [
        re_path(rf"^{prefix}(?P<folder>{folders})/(?P<name>.+)$", serve_image, name="media_image")
    ]

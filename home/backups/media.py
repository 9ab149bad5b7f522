"""The media folder a backup copies and a restore fills: MEDIA_ROOT on local disk."""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import CommandError


def require_local_media():
    if not isinstance(storages["default"], FileSystemStorage):
        raise CommandError(
            "Media live in object storage, not in MEDIA_ROOT: back the bucket up with its own "
            "tools and use --no-media here."
        )


def media_root_is_empty():
    root = Path(settings.MEDIA_ROOT)
    return not root.exists() or (root.is_dir() and not any(root.iterdir()))

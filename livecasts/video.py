"""Recognise YouTube and Vimeo addresses and build their privacy-friendly player URLs."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlparse

from livecasts.safe_urls import safe_web_address

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{5,12}$")


@dataclass(frozen=True)
class Video:
    provider: str
    video_id: str

    @property
    def player_url(self):
        """The iframe address, inserted only after the reader presses play."""
        return self.player_url_with_captions(None)

    def player_url_with_captions(self, captions_language):
        """The iframe address, with captions in `captions_language` (a language code, or None
        for the player's own choice) switched on as each provider's address allows."""
        if self.provider == "youtube":
            url = f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1&rel=0"
            captions = {"cc_lang_pref": captions_language, "cc_load_policy": 1}
        else:
            url = f"https://player.vimeo.com/video/{self.video_id}?autoplay=1&dnt=1"
            captions = {"texttrack": captions_language}
        return f"{url}&{urlencode(captions)}" if captions_language else url

    def player_url_at(self, seconds, captions_language=None):
        """The iframe address, playing from `seconds` into the video."""
        url = self.player_url_with_captions(captions_language)
        if self.provider == "youtube":
            return f"{url}&start={int(seconds)}"
        return f"{url}#t={int(seconds)}s"

    def watch_url_at(self, seconds):
        """The provider's own page for the video, playing from `seconds`."""
        if self.provider == "youtube":
            return f"https://www.youtube.com/watch?v={self.video_id}&t={int(seconds)}s"
        return f"https://vimeo.com/{self.video_id}#t={int(seconds)}s"

    @property
    def provider_name(self):
        return {"youtube": "YouTube", "vimeo": "Vimeo"}[self.provider]


def parse_video_url(url):
    """Return a Video for a YouTube or Vimeo address, or None for anything else."""
    address = safe_web_address(url)
    if address is None:
        return None
    try:
        parsed = urlparse(address)
    except ValueError:
        return None
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    parts = [part for part in parsed.path.split("/") if part]
    candidate, provider = None, None
    if host in {"youtube.com", "youtube-nocookie.com"}:
        provider = "youtube"
        if parts[:1] == ["watch"]:
            candidate = parse_qs(parsed.query).get("v", [None])[0]
        elif len(parts) >= 2 and parts[0] in {"embed", "live", "shorts", "v"}:
            candidate = parts[1]
    elif host == "youtu.be" and parts:
        provider, candidate = "youtube", parts[0]
    elif host in {"vimeo.com", "player.vimeo.com"} and parts:
        provider, candidate = "vimeo", parts[-1]
    pattern = {"youtube": YOUTUBE_ID, "vimeo": VIMEO_ID}.get(provider)
    if pattern and candidate and pattern.match(candidate):
        return Video(provider, candidate)
    return None

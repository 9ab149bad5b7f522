"""Chapter times and speakers are broadcast facts too: livecasts/facts.py carries them to every
translation when the source is published, as it does the date and the livestream.

Chapters are matched by translation key. Only the shared part of a chapter moves (its start,
speaker and place in the list); a chapter added to or removed from the source, and every
title, wait for "Sync translated pages" and the translator, like any other text."""

SHARED = ("start", "person_id", "sort_order")


def chapter_facts(source):
    """{translation key: {start, person_id, sort_order}} of the source's chapters."""
    return {
        chapter.translation_key: {name: getattr(chapter, name) for name in SHARED}
        for chapter in source.chapters.all()
    }


def chapters_differ(page, facts):
    return any(
        getattr(chapter, name) != facts[chapter.translation_key][name]
        for chapter in page.chapters.all()
        if chapter.translation_key in facts
        for name in SHARED
    )


def apply_chapter_facts(page, facts):
    """Set the shared part of each of the page's chapters (in memory, as in a revision)."""
    chapters = list(page.chapters.all())
    for chapter in chapters:
        for name, value in facts.get(chapter.translation_key, {}).items():
            setattr(chapter, name, value)
    page.chapters = sorted(chapters, key=lambda chapter: chapter.sort_order or 0)


def store_chapter_facts(stored, current):
    """Bring the shared part of the chapters in wagtail-localize's stored source (`stored`,
    its content as a dict) up to date with `current`; True when something changed."""
    keys = {"start", "person", "sort_order"}
    now = {chapter["translation_key"]: chapter for chapter in current.get("chapters", [])}
    changed = False
    for chapter in stored.get("chapters", []):
        fresh = now.get(chapter["translation_key"])
        if fresh is None:
            continue
        for key in keys:
            if chapter.get(key) != fresh.get(key):
                chapter[key] = fresh.get(key)
                changed = True
    return changed

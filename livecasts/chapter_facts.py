"""Times and speakers of chapters and transcript lines are broadcast facts too:
livecasts/facts.py carries them to every translation when the source is published, as it does
the date and the livestream.

Items are matched by translation key. Only their shared part moves (start, speaker and place in
the list); an item added to or removed from the source, and every title or line of text, wait
for "Sync translated pages" and the translator, like any other text."""

# The page's relations whose items carry times and speakers shared by every translation.
TIMED_RELATIONS = ("chapters", "transcript_lines")
SHARED = ("start", "person_id", "sort_order")


def timed_facts(source, relation):
    """{translation key: {start, person_id, sort_order}} of the source's items in `relation`."""
    return {
        item.translation_key: {name: getattr(item, name) for name in SHARED}
        for item in getattr(source, relation).all()
    }


def timed_items_differ(page, relation, facts):
    return any(
        getattr(item, name) != facts[item.translation_key][name]
        for item in getattr(page, relation).all()
        if item.translation_key in facts
        for name in SHARED
    )


def apply_timed_facts(page, relation, facts):
    """Set the shared part of each of the page's items (in memory, as in a revision)."""
    items = list(getattr(page, relation).all())
    for item in items:
        for name, value in facts.get(item.translation_key, {}).items():
            setattr(item, name, value)
    setattr(page, relation, sorted(items, key=lambda item: item.sort_order or 0))


def store_timed_facts(stored, current, relation):
    """Bring the shared part of the items in wagtail-localize's stored source (`stored`, its
    content as a dict) up to date with `current`; True when something changed."""
    keys = {"start", "person", "sort_order"}
    now = {item["translation_key"]: item for item in current.get(relation, [])}
    changed = False
    for item in stored.get(relation, []):
        fresh = now.get(item["translation_key"])
        if fresh is None:
            continue
        for key in keys:
            if item.get(key) != fresh.get(key):
                item[key] = fresh.get(key)
                changed = True
    return changed

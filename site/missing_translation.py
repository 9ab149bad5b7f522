"""Where to send a reader whose address names a page that is not in their language.

Translations share their slug with the source (it is synchronised), so /nl/<path>/ and
/el/<path>/ are the same page in two languages: a page missing at /nl/<path>/ is looked for at
the same path under each other language's home page, and the nearest page above it that does
exist in Dutch is offered too."""

from django.conf import settings
from django.db import DatabaseError
from wagtail.models import Page, Site

from citymakers.view_restrictions import public
from livecasts.people import person_elsewhere, person_url

LANGUAGE_NAMES = dict(settings.LANGUAGES)
LONGEST_PATH = 500  # characters; no page address on the site comes near


def other_languages(request):
    """({code, name, title, url} for each language the missing page exists in, the nearest
    page above it in the reader's language or None), or ([], None)."""
    language, _, rest = request.path_info.lstrip("/").partition("/")
    if language not in LANGUAGE_NAMES or not rest or len(rest) > LONGEST_PATH:
        return [], None
    try:
        return _look_up(request, language, rest)
    except DatabaseError:  # the 404 is still the answer, without suggestions
        return [], None


def _look_up(request, language, rest):
    site = Site.find_for_request(request)
    if site is None:
        return [], None
    homes = list(site.root_page.get_translations(inclusive=True).select_related("locale"))
    reader_home = next((home for home in homes if home.locale.language_code == language), None)
    rest = rest if rest.endswith("/") else rest + "/"
    same_path = [home.url_path + rest for home in homes if home is not reader_home]
    found = public(Page.objects.live().filter(url_path__in=same_path)).select_related("locale")
    elsewhere = sorted(
        (
            {
                "code": page.locale.language_code,
                "name": LANGUAGE_NAMES.get(page.locale.language_code, page.locale.language_code),
                "title": page.title,
                "url": page.get_url(request),
            }
            for page in found
        ),
        key=lambda link: list(LANGUAGE_NAMES).index(link["code"]),
    )
    return elsewhere or _people_elsewhere(language, rest), _nearest_above(reader_home, rest)


def _people_elsewhere(language, rest):
    """A person's page is a route of the people index, not a page: looked for by its slug."""
    links = [
        {
            "code": code,
            "name": LANGUAGE_NAMES.get(code, code),
            "title": person.name,
            "url": person_url(person),
        }
        for code, person in person_elsewhere(rest)
        if code != language
    ]
    return sorted(links, key=lambda link: list(LANGUAGE_NAMES).index(link["code"]))


def _nearest_above(reader_home, rest):
    """The deepest live page in the reader's language on the way down to the missing one."""
    if reader_home is None:
        return None
    parts = [part for part in rest.split("/") if part]
    above = [
        reader_home.url_path + "".join(f"{part}/" for part in parts[:n])
        for n in range(1, len(parts))
    ]
    if not above:
        return None
    return (
        public(Page.objects.live().filter(url_path__in=above, locale_id=reader_home.locale_id))
        .order_by("-depth")
        .first()
    )

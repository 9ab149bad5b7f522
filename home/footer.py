"""What the site footer lists, read from the page tree: the organisers, the series with their
feeds, the other pages under home (About…) and the home page in every language.

Built once per language and kept in the cache under the page cache's generation, which every
publish, unpublish, move or delete changes: the footer is never older than the pages."""

from django.conf import settings

from citymakers.content_generation import kept_until_content_changes
from home.models import HomePage, StandardPage
from livecasts.models import OrganisationPage, SeriesOrganisation, SeriesPage
from livecasts.safe_urls import safe_web_address


def footer_content(language_code):
    """A dict of plain strings and lists (it is cached), for templates/includes/footer.html."""
    return kept_until_content_changes(f"site-footer:{language_code}", lambda: _build(language_code))


def _build(language_code):
    homes = list(HomePage.objects.live().public().select_related("locale"))
    home = next((h for h in homes if h.locale.language_code == language_code), None)
    if home is None:
        return {"languages": _languages(homes)}
    organisers = _organisers(home.locale)
    return {
        "organisers": organisers,
        "contacts": [organisation for organisation in organisers if organisation["website"]],
        "series": [_series(series) for series in _in_locale(SeriesPage, home.locale)],
        "pages": [_link(page) for page in StandardPage.objects.child_of(home).live().public()],
        "languages": _languages(homes),
    }


def _in_locale(model, locale):
    return model.objects.live().public().filter(locale=locale).order_by("title")


def _organisers(locale):
    keys = SeriesOrganisation.objects.values("organisation__translation_key")
    organisations = _in_locale(OrganisationPage, locale).filter(translation_key__in=keys)
    return [
        {**_link(organisation), "website": safe_web_address(organisation.website) or ""}
        for organisation in organisations
    ]


def _series(series):
    return {
        **_link(series),
        "rss": series.url + series.reverse_subpage("rss_feed"),
        "atom": series.url + series.reverse_subpage("atom_feed"),
        "calendar": series.calendar_subscription_url(),
    }


def _link(page):
    return {"title": page.title, "url": page.url}


def _languages(homes):
    """The home page in each language, named in that language, in the settings' order."""
    by_language = {home.locale.language_code: home for home in homes}
    return [
        {"code": code, "name": name, "url": by_language[code].url}
        for code, name in settings.LANGUAGES
        if code in by_language
    ]

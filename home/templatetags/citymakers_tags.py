"""Site-wide template helpers: page metadata, the language switcher, the main menu, safe links
and video addresses, and reader-language lookups."""

import json

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Locale
from wagtail.templatetags.wagtailcore_tags import richtext

from citymakers.addresses import absolute_url, x_default_address
from citymakers.content_generation import kept_until_content_changes
from home.models import HomePage
from livecasts import localization, people
from livecasts.safe_urls import neutralise_markup, safe_web_address
from livecasts.video import parse_video_url

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)
OG_LOCALES = {
    "en": "en_GB",
    "nl": "nl_NL",
    "fr": "fr_FR",
    "el": "el_GR",
    "pl": "pl_PL",
    "es": "es_ES",
}


@register.simple_tag(takes_context=True)
def page_translations(context, page=None):
    """Links to this content in every language it exists in: [{code, name, url, current}]."""
    request = context["request"]
    cache = getattr(request, "_citymakers_translations", None)
    if cache is not None:
        return cache
    current = get_language()
    if context.get("page_translations_override") is not None:  # a route with its own versions
        pairs = context["page_translations_override"]
    elif page is not None and getattr(page, "pk", None):
        key = f"translations:{page.translation_key}:{request.get_host()}"
        pairs = kept_until_content_changes(key, lambda: _live_translations(page, request))
    else:
        path = request.get_full_path()
        pairs = [(code, translate_url(path, code), None) for code, _name in settings.LANGUAGES]
    order = [code for code, _name in settings.LANGUAGES]
    links = [
        {
            "code": code,
            "name": LANGUAGE_NAMES[code],
            "url": url,
            "absolute_url": full_url or absolute_url(url, request),
            "current": code == current,
        }
        for code, url, full_url in sorted(pairs, key=lambda pair: order.index(pair[0]))
        if url
    ]
    request._citymakers_translations = links
    return links


def _live_translations(page, request):
    versions = page.get_translations(inclusive=True).live().select_related("locale")
    return [
        (version.locale.language_code, version.get_url(request), version.get_full_url(request))
        for version in versions
    ]


@register.simple_tag(takes_context=True)
def language_choices(context, page=None):
    """Every language of the site, in order: where this content exists in it, the address that
    remembers the reader's choice and leads there; otherwise no address (not translated yet)."""
    existing = {link["code"]: link for link in page_translations(context, page)}
    choices = []
    for code, name in settings.LANGUAGES:
        link = existing.get(code)
        choose_url = ""
        if link:
            choose_url = (
                reverse("choose_language", args=[code]) + "?" + urlencode({"next": link["url"]})
            )
        choices.append(
            {"code": code, "name": name, "url": choose_url, "current": code == get_language()}
        )
    return choices


@register.simple_tag
def x_default(links):
    """The address for hreflang="x-default" among page_translations' links."""
    return x_default_address({link["code"]: link["absolute_url"] for link in links})


@register.simple_tag
def og_locale(code):
    return OG_LOCALES.get(code, code)


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    return _json_ld_script(page.structured_data(context["request"]))


@register.simple_tag(takes_context=True)
def person_json_ld(context, page, person):
    return _json_ld_script(page.person_structured_data(person, context["request"]))


def _json_ld_script(objects):
    # Escape "<" so no text in the data can close the script element.
    payload = json.dumps(objects, ensure_ascii=False).replace("<", "\\u003c")
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')


@register.filter
def fallback_lang(obj):
    """` lang="…"` for text shown in a language other than the page's (a person, city or
    organisation not translated yet, shown in its source language), otherwise nothing."""
    code = localization.language_of(obj) if obj is not None else None
    if code and code != get_language():
        return format_html(' lang="{}"', code)
    return ""


@register.filter
def name_in_its_language(obj):
    """The object's name, marked with its language when that is not the page's: for a name
    set inside a translated sentence."""
    lang = fallback_lang(obj)
    return format_html("<span{}>{}</span>", lang, obj.name) if lang else obj.name


@register.filter
def language_of(obj):
    """The language code of a translatable object, without a query."""
    return localization.language_of(obj) or ""


@register.filter
def person_url(person):
    """The address of a person's page in their own language, or "" where they have none."""
    return people.person_url(person)


@register.simple_tag
def localized_people(people, locale=None):
    locale = locale or Locale.get_active()
    return localization.localize_all(list(people), locale, related=["photo"])


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    language = get_language()
    current_path = getattr(context.get("page"), "path", "")
    items = kept_until_content_changes(f"main-menu:{language}", lambda: _menu_items(language))
    return {
        "items": [
            {**item, "active": bool(current_path) and current_path.startswith(item["path"])}
            for item in items
        ],
        "request": context["request"],
    }


def _menu_items(language):
    """The home page's children shown in menus, as plain values (they are cached)."""
    home = HomePage.objects.filter(locale__language_code=language).first()
    children = home.get_children().live().in_menu() if home else []
    return [{"title": page.title, "url": page.url, "path": page.path} for page in children]


@register.simple_tag(takes_context=True)
def site_url(context, url):
    """A path (such as an image rendition's URL) as an absolute address on the Site's root."""
    return absolute_url(url, context.get("request"))


@register.filter
def video_info(url):
    return parse_video_url(url or "")


@register.filter
def player_url_with_captions(video, captions_language):
    """The video's player address, with captions in `captions_language` switched on if given."""
    return video.player_url_with_captions(captions_language or None)


@register.filter
def web_address(value):
    """A content-set address ready for href, or "" when it may not become a link."""
    return safe_web_address(value) or ""


@register.filter
def safe_richtext(value):
    """Wagtail's `richtext`, with any link or markup that could run script taken out."""
    return mark_safe(neutralise_markup(richtext(value)))

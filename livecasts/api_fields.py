"""Fields of the headless API (Wagtail API v2) that need more than a model attribute.

The API lives outside the language prefix, so each field renders with the page's own
language switched on; otherwise a Greek episode would list its English city and speakers."""

from django.utils import translation
from rest_framework import serializers
from wagtail.api.rich_text import APIRichText
from wagtail.images.api.fields import ImageRenditionField

from citymakers.addresses import absolute_url, route_full_url
from livecasts.safe_urls import neutralise_markup, safe_web_address
from livecasts.schedule import PROGRAMME_TIME_ZONE


class SiteRenditionField(ImageRenditionField):
    """Wagtail's rendition field, with `full_url` on the Site's address like every other
    absolute URL of the API (Wagtail's own uses WAGTAILADMIN_BASE_URL)."""

    def to_representation(self, image):
        data = super().to_representation(image)
        if "url" in data:
            data["full_url"] = absolute_url(data["url"], self.context.get("request"))
        return data


class WebAddressField(serializers.CharField):
    """A content-set address, or null when it may not become a link (an empty one stays "")."""

    def to_representation(self, value):
        return safe_web_address(value) if value else value


class SafeRichTextField(serializers.CharField):
    """Rich text in the format the client asks for (as Wagtail's own rich text field), with
    links and markup that could run script taken out first."""

    def to_representation(self, value):
        request = self.context.get("request")
        asked = request.GET.get("rich_text_format") if request else None
        return APIRichText.serialize(
            neutralise_markup(value), format=APIRichText.resolve_format(asked)
        )


class PageLanguageField(serializers.Field):
    """API field built from the whole page with the page's own language switched on.

    `.localized` follows the active language, and the API lives outside the language prefix:
    without this, a Greek episode would list its English city and speakers.
    """

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        with translation.override(page.locale.language_code):
            return self.represent(page, self.context.get("request"))

    def represent(self, page, request):
        raise NotImplementedError


class RouteLinksField(PageLanguageField):
    """The absolute URLs of a page's feeds and calendar, keyed by route name."""

    def __init__(self, route_names, **kwargs):
        self.route_names = route_names
        super().__init__(**kwargs)

    def represent(self, page, request):
        return {name: route_full_url(page, name, request) for name in self.route_names}


class OrganisersField(PageLanguageField):
    """The series' organisers in its language, as id, title and absolute URL."""

    def represent(self, page, request):
        return [
            {
                "id": organiser.pk,
                "title": organiser.title,
                "html_url": organiser.get_full_url(request),
            }
            for organiser in page.organisers_in_reader_language()
        ]


class CityField(PageLanguageField):
    """The edition's city in the episode's language."""

    def represent(self, page, request):
        city = page.localized_city
        if city is None:
            return None
        return {"name": city.name, "country": city.country, "time_zone": city.time_zone}


class ScheduleField(serializers.Field):
    """When the broadcast happens, as aware ISO 8601 times, and its state now."""

    def to_representation(self, broadcast):
        announced = not broadcast.time_to_be_announced
        return {
            "time_zone": PROGRAMME_TIME_ZONE.key,
            "time_to_be_announced": not announced,
            "starts_at": broadcast.starts_at.isoformat() if announced else None,
            "ends_at": broadcast.ends_at.isoformat() if announced else None,
            "state": broadcast.state().value,
        }


def person_summary(person, request):
    """A person as the API gives them: who they are, their own website (null when it may not
    become a link) and the address of their page on this site (null without one)."""
    from livecasts.people import person_full_url  # it imports the models, which import this

    return {
        "name": person.name,
        "profession": person.profession,
        "bio": person.bio,
        "website": safe_web_address(person.website) if person.website else "",
        "is_sample": person.is_sample,
        "html_url": person_full_url(person, request) or None,
    }


class SpeakersField(PageLanguageField):
    """Speakers in the episode's language, in order, with their part in it."""

    def represent(self, page, request):
        return [
            {**person_summary(person, request), "role": role}
            for person, role in page.speakers_in_language
        ]


class PeopleField(PageLanguageField):
    """Everyone a people index lists, in its language where they have a record in it."""

    def represent(self, page, request):
        return [person_summary(person, request) for person in page.people]


class OrganisationsField(PageLanguageField):
    """Organisers and partners in the episode's language, with their part."""

    def represent(self, page, request):
        return [
            {
                "id": organisation.pk,
                "title": organisation.title,
                "html_url": organisation.get_full_url(request),
                "kind": link.kind,
            }
            for organisation, link in page.organisations_in_language
        ]


class ChaptersField(PageLanguageField):
    """The recording's chapters: where each starts (seconds), its title in the episode's
    language and its speaker."""

    def represent(self, page, request):
        return [
            {
                "start": moment.start,
                "end": moment.end,
                "title": moment.title,
                "speaker": moment.person.name if moment.person else None,
                "url": moment.link or None,
            }
            for moment in page.chapter_moments
        ]


class TranscriptField(PageLanguageField):
    """The recording's transcript: each line's start and end (seconds), its text in the
    episode's language and its speaker."""

    def represent(self, page, request):
        return [
            {
                "start": moment.start,
                "end": moment.end,
                "text": moment.text,
                "speaker": moment.person.name if moment.person else None,
            }
            for moment in page.transcript_moments
        ]

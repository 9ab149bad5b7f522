"""Admin form rules that span more than one field or page."""

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from livecasts.captions import check_caption_document
from livecasts.chapters import CHAPTER_WORDING, time_errors
from livecasts.transcript import LINE_WORDING, MARKUP_MESSAGE, contains_markup


def live_forms(formset):
    """The formset's valid forms, less those marked for deletion and those left empty."""
    forms = formset.forms if formset is not None else []
    return [
        form
        for form in forms
        if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class EpisodePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _(
            "The episode's address. Leave empty to use the city's name, e.g. 'athens'."
        )

    def clean(self):
        self._name_after_city()
        cleaned_data = super().clean()
        number = cleaned_data.get("number")
        if number is not None and self._number_taken(number):
            self.add_error(
                "number",
                _("Episode %(number)s already exists in this series; choose another number.")
                % {"number": number},
            )
        self._check_timed("chapters", CHAPTER_WORDING, cleaned_data)
        lines = self._check_timed("transcript_lines", LINE_WORDING, cleaned_data)
        for form in lines:
            if contains_markup(form.cleaned_data.get("text")):
                form.add_error("text", MARKUP_MESSAGE)
        self._check_caption_tracks()
        return cleaned_data

    def _check_caption_tracks(self):
        """One track per language, each a WebVTT file that passes the upload check (also for
        documents uploaded before there was one)."""
        languages = set()
        for form in live_forms(self.formsets.get("caption_tracks")):
            language = form.cleaned_data.get("language")
            if language in languages:
                form.add_error(
                    "language", _("There is already a caption track in this language above.")
                )
            languages.add(language)
            try:
                check_caption_document(form.cleaned_data["document"])
            except ValidationError as error:
                form.add_error("document", error)

    def _check_timed(self, formset_name, wording, cleaned_data):
        """Times of the chapters or transcript lines in order and within the recording;
        speakers from the episode's own. Returns the formset's live forms in order."""
        forms = live_forms(self.formsets.get(formset_name))
        forms.sort(key=lambda form: form.cleaned_data.get("ORDER") or 0)
        starts = [form.cleaned_data["start"] for form in forms]
        errors = time_errors(starts, cleaned_data.get("duration_minutes"), wording)
        for position, message in errors.items():
            forms[position].add_error("start", message)
        speakers = {
            form.cleaned_data.get("person") for form in live_forms(self.formsets.get("speakers"))
        }
        for form in forms:
            person = form.cleaned_data.get("person")
            if person is not None and person not in speakers:
                form.add_error(
                    "person", _("Choose one of the speakers listed for this episode, or none.")
                )
        return forms

    def _name_after_city(self):
        """An empty slug becomes the city's name, as episodes are known by their city; a city's
        second episode in the series adds its number ('madrid-15')."""
        city, number = self.cleaned_data.get("city"), self.cleaned_data.get("number")
        if "slug" not in self.cleaned_data or self.cleaned_data["slug"] or not city:
            return
        slug = slugify(city.name)
        if self._siblings().filter(slug=slug).exists() and number is not None:
            slug = f"{slug}-{number}"
        self.cleaned_data["slug"] = slug

    def _number_taken(self, number):
        return self._siblings().filter(number=number).exists()

    def _siblings(self):
        parent = self.parent_page if self.instance._state.adding else self.instance.get_parent()
        siblings = self._meta.model.objects.child_of(parent)
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        return siblings

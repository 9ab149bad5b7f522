"""Admin form rules that span more than one field or page."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class EpisodePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _(
            "The episode's address. Leave empty to use the city's name, e.g. 'athens'."
        )

    def clean_slug(self):
        """An empty slug becomes the city's name: episodes are known by their city."""
        slug = self.cleaned_data.get("slug")
        city = self.cleaned_data.get("city")
        if not slug and city:
            return slugify(city.name)
        return slug

    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("number")
        if number is not None and self._number_taken(number):
            self.add_error(
                "number",
                _("Episode %(number)s already exists in this series; choose another number.")
                % {"number": number},
            )
        return cleaned_data

    def _number_taken(self, number):
        parent = self.parent_page if self.instance._state.adding else self.instance.get_parent()
        siblings = self._meta.model.objects.child_of(parent).filter(number=number)
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        return siblings.exists()

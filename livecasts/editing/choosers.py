"""The organisation chooser: a list of organisations in the content's language.

Wagtail's page chooser opens at the pages' common ancestor, and with an organisations index in
every language that ancestor is the root. This chooser lists the organisations themselves,
filtered by language (the language of the page being edited, by default) and searchable."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet


class OrganisationChooserViewSet(ChooserViewSet):
    model = "livecasts.OrganisationPage"
    icon = "group"
    choose_one_text = _("Choose an organisation")
    choose_another_text = _("Choose another organisation")
    edit_item_url_name = "wagtailadmin_pages:edit"


organisation_chooser_viewset = OrganisationChooserViewSet("organisation_chooser")

"""Admin listings for the Person and City snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from livecasts.models import City, Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 160
    add_to_admin_menu = True
    list_display = ["name", "profession", "is_sample", "locale"]
    list_filter = ["is_sample"]
    search_fields = ["name", "profession"]


class CityViewSet(SnippetViewSet):
    model = City
    icon = "site"
    menu_label = _("Cities")
    menu_order = 170
    add_to_admin_menu = True
    list_display = ["name", "country", "time_zone", "locale"]
    search_fields = ["name", "country"]

from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from wagtail import hooks

from citymakers.page_cache import mark_restricted_page
from home.admin_outage import UNAVAILABLE_MESSAGE

hooks.register("before_serve_page", mark_restricted_page)


@hooks.register("insert_editor_js")
def check_the_database_before_saving():
    """The editor's form is sent only when the database answers (home/admin_outage.py)."""
    return format_html(
        '<script src="{}" data-check-url="{}" data-unavailable-message="{}"></script>',
        static("home/js/editor-database-check.js"),
        reverse("admin_database_check"),
        UNAVAILABLE_MESSAGE,
    )

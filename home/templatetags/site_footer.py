from django import template
from django.utils.translation import get_language

from home.footer import footer_content

register = template.Library()


@register.inclusion_tag("includes/footer.html")
def site_footer():
    """The footer for the active language: organisers, series and feeds, pages, languages."""
    return {"footer": footer_content(get_language()), "LANGUAGE_CODE": get_language()}

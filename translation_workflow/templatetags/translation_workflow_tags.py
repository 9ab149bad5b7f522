"""Template tags of the translators' workflow."""

from django import template
from wagtail.models import Page

from translation_workflow.links import RelatedItemLinks
from translation_workflow.related_items import untranslated_related

register = template.Library()


@register.inclusion_tag("translation_workflow/untranslated_related.html", takes_context=True)
def untranslated_related_items(context, translation):
    """The items a translated page shows that are still untranslated in its language, each with
    the link the signed-in user may follow to translate it."""
    source = translation.source.get_source_instance()
    if not isinstance(source, Page):
        return {"items": []}
    locale = translation.target_locale
    items = untranslated_related(source, locale)
    return {
        "items": RelatedItemLinks(context["request"].user).with_urls(items),
        "language": locale.get_display_name(),
    }

"""The one rule for which addresses from content may become a link, and its helpers.

Content reaches the site by paths that skip the edit form's checks (wagtail-localize's
override endpoint, PO files, the shell), so every place that turns a stored address into a
link, an API value, a calendar location or JSON-LD asks here first. An address is judged the
way a browser would read it: entities decoded, tabs, newlines and control characters dropped,
case ignored. Only absolute http(s) addresses pass; rich text may also link to e-mail, phone
numbers and anchors on the same page.
"""

import html
import re

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")
RICH_TEXT_SCHEMES = (*WEB_SCHEMES, "mailto", "tel")
# Browsers drop tabs and newlines anywhere and trim spaces and control characters at the ends;
# removing all of them (and Unicode spaces) sees at least what any browser sees.
INVISIBLE = re.compile(r"[\x00-\x20\x7f-\xa0\u1680\u2000-\u200f\u2028-\u202f\u205f\u3000\ufeff]")
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "poster", "data")
UNSAFE_ADDRESS = _("Enter a web address starting with https:// or http://.")


def _as_browser_reads(value):
    text = str(value)
    for _round in range(5):  # entities inside entities: "&amp;#106;" -> "&#106;" -> "j"
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return INVISIBLE.sub("", text).lower()


def _passes(value, schemes, allow_anchor=False):
    if not isinstance(value, str) or not value.strip():
        return False
    read = _as_browser_reads(value)
    if allow_anchor and read.startswith("#"):
        return True
    match = SCHEME.match(read)
    if not match or match.group(1) not in schemes:
        return False
    if match.group(1) in WEB_SCHEMES:
        return read.startswith(f"{match.group(1)}://") and len(read) > len(match.group(0)) + 2
    return True


def safe_web_address(value):
    """The address (trimmed) if it is an absolute http(s) address, else None."""
    return value.strip() if _passes(value, WEB_SCHEMES) else None


def safe_rich_text_href(value):
    """The href if it may stay a link in rich text (web, e-mail, phone, anchor), else None."""
    return value.strip() if _passes(value, RICH_TEXT_SCHEMES, allow_anchor=True) else None


def validate_web_address(value):
    """Validator for every content-set address: fields, blocks, translation overrides."""
    if value and safe_web_address(value) is None:
        raise ValidationError(UNSAFE_ADDRESS, code="unsafe_address")


def neutralise_markup(markup):
    """HTML with every unsafe address attribute, event handler and script removed.

    A link that loses its href renders as its text. Markup with nothing to remove is returned
    unchanged, so ordinary rich text keeps its exact form.
    """
    markup = str(markup or "")
    if "<" not in markup:
        return markup
    soup = BeautifulSoup(markup, "html.parser")
    changed = False
    for element in soup.find_all(["script", "style", "iframe", "object", "embed"]):
        element.decompose()
        changed = True
    for element in soup.find_all(True):
        for name in list(element.attrs):
            if _attribute_is_unsafe(name, element.attrs[name]):
                del element.attrs[name]
                changed = True
    return str(soup) if changed else markup


def _attribute_is_unsafe(name, value):
    name = name.lower()
    if name.startswith("on") or name in ("style", "srcdoc"):
        return True
    return name in URL_ATTRIBUTES and safe_rich_text_href(str(value)) is None

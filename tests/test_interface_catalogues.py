"""The interface catalogues (locale/<lang>/LC_MESSAGES/django.po and .mo) in all six languages."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

LANGUAGES = ["en", "nl", "fr", "el", "pl", "es"]
LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]")
TAG = re.compile(r"<[^>]+>")


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def live_entries(language):
    return [entry for entry in catalogue(language) if not entry.obsolete]


def translations(entry):
    """Every msgstr of an entry: one for a plain message, one per plural form otherwise."""
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def placeholders(text):
    return set(PLACEHOLDER.findall(text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]

    assert len(po.translated_entries()) > 100
    assert untranslated == []
    assert fuzzy == []
    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == language


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_messages_fill_every_form_of_the_language(language):
    po = catalogue(language)
    nplurals = int(re.search(r"nplurals=(\d+)", po.metadata["Plural-Forms"]).group(1))
    plural_entries = [entry for entry in live_entries(language) if entry.msgid_plural]

    assert plural_entries
    for entry in plural_entries:
        assert sorted(entry.msgstr_plural) == list(range(nplurals)), entry.msgid
        assert all(form.strip() for form in translations(entry)), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_html_tags(language):
    for entry in live_entries(language):
        names = placeholders(entry.msgid) | placeholders(entry.msgid_plural)
        shared = placeholders(entry.msgid) & placeholders(entry.msgid_plural or entry.msgid)
        for text in translations(entry):
            if entry.msgid_plural:
                assert shared <= placeholders(text) <= names, (entry.msgid, text)
            else:
                assert placeholders(text) == names, (entry.msgid, text)
            assert TAG.findall(text) == TAG.findall(entry.msgid), (entry.msgid, text)
            if "python-format" in entry.flags:
                text % dict.fromkeys((name[2:].split(")")[0] for name in names), 1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_all_catalogues_hold_the_same_messages(language):
    def keys(lang):
        return {(entry.msgctxt, entry.msgid, entry.msgid_plural) for entry in live_entries(lang)}

    assert keys(language) == keys("en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))

    def table(entries):
        return {(e.msgctxt, e.msgid): tuple(translations(e)) for e in entries}

    assert table(mo) == table(po.translated_entries()), "run `manage.py compile_catalogues`"
    assert mo.metadata["Plural-Forms"] == po.metadata["Plural-Forms"]


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "word"), [("el", "Αναζήτηση"), ("pl", "Szukaj")])
def test_search_page_speaks_the_readers_language(client, language, word):
    response = client.get(f"/{language}/search/")

    assert response.status_code == 200
    assert f"<h1>{word}</h1>" in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("pl", "0 wyników dla „xyzzy”."),
        ("fr", "0 résultat pour «\u00a0xyzzy\u00a0»."),
        ("el", "0 αποτελέσματα για «xyzzy»."),
    ],
)
def test_result_count_uses_the_languages_plural_forms(client, language, sentence):
    response = client.get(f"/{language}/search/", {"q": "xyzzy"})

    assert sentence in response.text

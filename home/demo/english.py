"""Create the English source tree of the demo: cities, people, organisations, series, episodes."""

from wagtail.models import Locale, Page

from home.demo import content
from home.demo.bodies import episode_body, text_body
from home.demo.images import demo_image
from home.demo.ownership import demo_key, made_by_demo
from home.models import HomePage, StandardPage
from livecasts.models import (
    City,
    EpisodeChapter,
    EpisodeOrganisation,
    EpisodePage,
    EpisodeSpeaker,
    EpisodeTranscriptLine,
    OrganisationIndexPage,
    OrganisationPage,
    PeopleIndexPage,
    Person,
    SeriesOrganisation,
    SeriesPage,
)


def sample_recording(slug, people):
    """The recording address, chapters and transcript of the demo's sample recording, for its
    episode."""
    sample = content.SAMPLE_RECORDING
    if slug != sample["episode"]:
        return {}
    chapters = [
        EpisodeChapter(start=start, title=title, person=people[key] if key else None)
        for start, title, key in sample["chapters"]
    ]
    transcript = [
        EpisodeTranscriptLine(start=start, text=text, person=people[key] if key else None)
        for start, text, key in sample["transcript"]
    ]
    return {"recording_url": sample["url"], "chapters": chapters, "transcript_lines": transcript}


class EnglishSource:
    """Builds what is missing of the English demo and reports each thing it creates.

    `build()` returns the demo's own objects (found by their demo keys), for the translator:
    pages and snippets that editors added are never among them."""

    def __init__(self, locale, report):
        self.locale = locale
        self.report = report
        self.home = HomePage.objects.get(locale=locale, depth=2)
        self.owned = []

    def build(self):
        cities = {c["key"]: self.city(c) for c in content.CITIES}
        people = {p["key"]: self.person(p) for p in content.PEOPLE}
        organisations = self.organisations()
        self.people_index()
        series = self.series(organisations)
        for episode in content.EPISODES:
            speakers = [people["host"], people[episode["city"]]]
            self.episode(series, episode, cities[episode["city"]], speakers, organisations, people)
        self.about()
        self.fill_home(series)
        return self.owned

    def _keep(self, instance, kind, name):
        if made_by_demo(instance, kind, name):
            self.owned.append(instance)
        return instance

    def _child(self, parent, slug, make_page):
        """The demo's page `slug` under `parent`: found by its key, else a page an editor (or
        an older demo) put there with that slug, else `make_page()` added and published."""
        name = parent.url_path.removeprefix(self.home.url_path) + slug
        key = demo_key("page", name)
        existing = Page.objects.filter(translation_key=key, locale=self.locale).first()
        existing = existing or Page.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return self._keep(existing.specific, "page", name)
        page = make_page()
        page.slug, page.translation_key = slug, key
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report(f"page {page.url_path} ({page._meta.verbose_name})")
        return self._keep(page, "page", name)

    def _snippet(self, model, data, **defaults):
        """The demo's City or Person `data`: found by its key, else by name (one made by an
        older demo or an editor, used but not owned), else created."""
        kind = model._meta.model_name
        key = demo_key(kind, data["key"])
        found = model.objects.filter(translation_key=key, locale=self.locale).first()
        found = found or model.objects.filter(locale=self.locale, name=data["name"]).first()
        if found:
            return self._keep(found, kind, data["key"])
        snippet = model.objects.create(
            locale=self.locale, name=data["name"], translation_key=key, **defaults
        )
        snippet.save_revision().publish()
        self.report(f"{model._meta.verbose_name} {snippet.name}")
        return self._keep(snippet, kind, data["key"])

    def city(self, data):
        language = Locale.objects.get(language_code=data["language"])
        return self._snippet(
            City,
            data,
            country=data["country"],
            time_zone=data["time_zone"],
            edition_locale=language,
        )

    def person(self, data):
        photo, _ = demo_image(f"Portrait: {data['name']}", (90, 90, 110), size=(600, 600))
        return self._snippet(
            Person,
            data,
            profession=data["profession"],
            bio=data["bio"],
            photo=photo,
            is_sample=True,
        )

    def organisations(self):
        data = content.ORGANISATION_INDEX
        index = self._child(
            self.home,
            data["slug"],
            lambda: OrganisationIndexPage(
                title=data["title"], intro=data["intro"], show_in_menus=True
            ),
        )
        return [self.organisation(index, data) for data in content.ORGANISATIONS]

    def people_index(self):
        data = content.PEOPLE_INDEX
        return self._child(
            self.home,
            data["slug"],
            lambda: PeopleIndexPage(title=data["title"], intro=data["intro"], show_in_menus=True),
        )

    def organisation(self, index, data):
        logo, _ = demo_image(f"Logo: {data['title']}", data["colour"], size=(800, 800))
        return self._child(
            index,
            data["slug"],
            lambda: OrganisationPage(
                title=data["title"],
                description=data["description"],
                website=data["website"],
                logo=logo,
            ),
        )

    def series(self, organisations):
        data = content.SERIES
        hero, _ = demo_image("Infected Cities", (40, 40, 60))
        return self._child(
            self.home,
            data["slug"],
            lambda: SeriesPage(
                title=data["title"],
                strap_line=data["strap_line"],
                show_in_menus=True,
                intro=data["intro"],
                hero_image=hero,
                body=text_body(data["body_heading"], data["body_text"]),
                organisers=[SeriesOrganisation(organisation=org) for org in organisations],
            ),
        )

    def episode(self, series, data, city, speakers, organisations, people):
        image, _ = demo_image(data["title"], data["colour"])
        return self._child(
            series,
            data["slug"],
            lambda: EpisodePage(
                title=data["title"],
                number=data["number"],
                city=city,
                date=data["date"],
                summary=data["summary"],
                hero_image=image,
                body=episode_body(data, city.name, image, speakers, series),
                speakers=[
                    EpisodeSpeaker(person=speakers[0], role="Host"),
                    EpisodeSpeaker(person=speakers[1], role="Guest"),
                ],
                organisations=[EpisodeOrganisation(organisation=org) for org in organisations],
                **sample_recording(data["slug"], people),
            ),
        )

    def about(self):
        data = content.ABOUT
        body = text_body(
            data["body_heading"], data["body_text"], data["quote"], data["quote_attribution"]
        )
        return self._child(
            self.home,
            data["slug"],
            lambda: StandardPage(
                title=data["title"], intro=data["intro"], body=body, show_in_menus=True
            ),
        )

    def fill_home(self, series):
        """Fill the home page only while an editor has left it empty; it is the demo's to
        translate only while it still says what the demo wrote."""
        home = self.home
        if not home.featured_series_id and not home.intro:
            home.intro = content.HOME["intro"]
            home.featured_series = series
            home.hero_image = home.hero_image or series.hero_image
            home.save_revision().publish()
            self.report("home page introduction and featured series")
        if home.intro == content.HOME["intro"] and home.featured_series_id == series.pk:
            self.owned.append(home)

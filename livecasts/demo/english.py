"""Create the English source tree of the demo: cities, people, organisations, series, episodes."""

from home.models import HomePage, StandardPage
from livecasts.demo import content
from livecasts.demo.bodies import episode_body, text_body
from livecasts.demo.images import demo_image
from livecasts.models import (
    City,
    EpisodeOrganisation,
    EpisodePage,
    EpisodeSpeaker,
    OrganisationIndexPage,
    OrganisationPage,
    Person,
    SeriesOrganisation,
    SeriesPage,
)


class EnglishSource:
    """Builds what is missing of the English demo and reports each thing it creates."""

    def __init__(self, locale, report):
        self.locale = locale
        self.report = report
        self.home = HomePage.objects.get(locale=locale, depth=2)

    def build(self):
        cities = {c["key"]: self.city(c) for c in content.CITIES}
        people = {p["key"]: self.person(p) for p in content.PEOPLE}
        organisations = self.organisations()
        series = self.series(organisations)
        for episode in content.EPISODES:
            speakers = [people["host"], people[episode["city"]]]
            self.episode(series, episode, cities[episode["city"]], speakers, organisations)
        self.about()
        self.fill_home(series)
        return self.home

    def _child(self, parent, model, slug, **fields):
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        page = model(slug=slug, show_in_menus=model is not OrganisationPage, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report(f"page {page.url_path} ({model._meta.verbose_name})")
        return page

    def city(self, data):
        from wagtail.models import Locale

        city, created = City.objects.get_or_create(
            locale=self.locale,
            name=data["name"],
            defaults={
                "country": data["country"],
                "time_zone": data["time_zone"],
                "edition_locale": Locale.objects.get(language_code=data["language"]),
            },
        )
        if created:
            self.report(f"city {city.name}")
        return city

    def person(self, data):
        photo, _ = demo_image(f"Portrait: {data['name']}", (90, 90, 110), size=(600, 600))
        person, created = Person.objects.get_or_create(
            locale=self.locale,
            name=data["name"],
            defaults={"role": data["role"], "bio": data["bio"], "photo": photo, "is_sample": True},
        )
        if created:
            self.report(f"person {person.name} (sample)")
        return person

    def organisations(self):
        index = self._child(
            self.home,
            OrganisationIndexPage,
            content.ORGANISATION_INDEX["slug"],
            title=content.ORGANISATION_INDEX["title"],
            intro=content.ORGANISATION_INDEX["intro"],
        )
        pages = []
        for data in content.ORGANISATIONS:
            logo, _ = demo_image(f"Logo: {data['title']}", data["colour"], size=(800, 800))
            pages.append(
                self._child(
                    index,
                    OrganisationPage,
                    data["slug"],
                    title=data["title"],
                    description=data["description"],
                    website=data["website"],
                    logo=logo,
                )
            )
        return pages

    def series(self, organisations):
        data = content.SERIES
        hero, _ = demo_image("Infected Cities", (40, 40, 60))
        existing = SeriesPage.objects.child_of(self.home).filter(slug=data["slug"]).first()
        if existing:
            return existing
        series = SeriesPage(
            title=data["title"],
            slug=data["slug"],
            strap_line=data["strap_line"],
            show_in_menus=True,
            intro=data["intro"],
            hero_image=hero,
            body=text_body(data["body_heading"], data["body_text"]),
            organisers=[SeriesOrganisation(organisation=org) for org in organisations],
        )
        self.home.add_child(instance=series)
        series.save_revision().publish()
        self.report(f"page {series.url_path} (series)")
        return series

    def episode(self, series, data, city, speakers, organisations):
        if EpisodePage.objects.child_of(series).filter(slug=data["slug"]).exists():
            return
        image, _ = demo_image(data["title"], data["colour"])
        episode = EpisodePage(
            title=data["title"],
            slug=data["slug"],
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
        )
        series.add_child(instance=episode)
        episode.save_revision().publish()
        self.report(f"page {episode.url_path} (episode #{episode.number})")

    def about(self):
        data = content.ABOUT
        self._child(
            self.home,
            StandardPage,
            data["slug"],
            title=data["title"],
            intro=data["intro"],
            body=text_body(
                data["body_heading"], data["body_text"], data["quote"], data["quote_attribution"]
            ),
        )

    def fill_home(self, series):
        home = self.home
        if home.featured_series_id:
            return
        home.intro = content.HOME["intro"]
        home.featured_series = series
        home.hero_image = series.hero_image
        home.save_revision().publish()
        self.report("home page introduction and featured series")

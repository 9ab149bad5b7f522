from livecasts.models.captions import EpisodeCaptionTrack
from livecasts.models.chapters import EpisodeChapter
from livecasts.models.episodes import EpisodeOrganisation, EpisodePage, EpisodeSpeaker
from livecasts.models.organisations import OrganisationIndexPage, OrganisationPage
from livecasts.models.people import PeopleIndexPage
from livecasts.models.series import SeriesOrganisation, SeriesPage
from livecasts.models.snippets import City, Person
from livecasts.models.transcript import EpisodeTranscriptLine

__all__ = [
    "City",
    "EpisodeCaptionTrack",
    "EpisodeChapter",
    "EpisodeOrganisation",
    "EpisodePage",
    "EpisodeSpeaker",
    "EpisodeTranscriptLine",
    "OrganisationIndexPage",
    "OrganisationPage",
    "PeopleIndexPage",
    "Person",
    "SeriesOrganisation",
    "SeriesPage",
]
